"""The show page ``feed/index.html``: static HTML with a player, chapters and transcripts."""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urljoin

from recapcast.model import Chapter, Heading, Paragraph, Quote, Release, Script, Segment, Show
from recapcast.publish import sharing
from recapcast.release.shownotes import timestamp
from recapcast.text.lexicon import display_text
from recapcast.text.segments import follows_quote, plan_segments, quote_intro
from recapcast.text.speakable import split_sentences

__all__ = ["Cue", "Sentence", "Passage", "PageLink", "PageEpisode", "parse_vtt", "transcript",
           "render_page"]

_VTT_TIME = re.compile(r"^(?:(\d+):)?(\d{1,2}):(\d{2})[.,](\d{3})\s+-->\s+"
                       r"(?:(\d+):)?(\d{1,2}):(\d{2})[.,](\d{3})")
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$")
_PARAGRAPH_GAP_MS = 400
"""Silence between two cues that, without the script, is taken for a new paragraph: takes
of one paragraph are 0.2 s apart, paragraphs 0.6 s by default."""


@dataclass(frozen=True)
class Cue:
    """One caption of a WebVTT file."""

    start_ms: int
    end_ms: int
    text: str


@dataclass(frozen=True)
class Sentence:
    """One sentence of a transcript; ``start_ms`` is None when its time is unknown."""

    start_ms: int | None
    text: str


@dataclass(frozen=True)
class Passage:
    """A paragraph of a transcript: a ``heading``, a ``paragraph`` or a ``quote``."""

    kind: str
    sentences: tuple[Sentence, ...]


@dataclass(frozen=True)
class PageLink:
    """A download offered under an episode (transcript, chapters)."""

    label: str
    href: str


@dataclass(frozen=True)
class PageEpisode:
    """An episode as the page shows it; hrefs are relative to ``feed/``."""

    release: Release
    audio_href: str
    transcript: tuple[Passage, ...] = ()
    captions_href: str = ""
    links: tuple[PageLink, ...] = ()


def _ms(groups) -> int:
    hours, minutes, seconds, millis = (int(g or 0) for g in groups)
    return ((hours * 60 + minutes) * 60 + seconds) * 1000 + millis


def parse_vtt(text: str) -> tuple[Cue, ...]:
    """The cues of a WebVTT file, in order (settings, notes and styles dropped)."""
    cues = []
    for block in re.split(r"\n\s*\n", text.replace("\r\n", "\n").replace("\r", "\n")):
        lines = [line for line in block.strip("\n").split("\n") if line.strip()]
        for i, line in enumerate(lines):
            match = _VTT_TIME.match(line.strip())
            if match:
                words = " ".join(re.sub(r"<[^>]*>", "", t).strip() for t in lines[i + 1:])
                if words:
                    cues.append(Cue(_ms(match.groups()[:4]), _ms(match.groups()[4:]),
                                    html.unescape(words)))
                break
    return tuple(cues)


def transcript(cues: Sequence[Cue], script: Script | None, show: Show,
               chapters: Sequence[Chapter]) -> tuple[Passage, ...]:
    """The transcript by paragraph and sentence, each sentence timed from the captions.

    Captions are cut to two short lines, so one sentence may span several cues: the
    script's segments (one a sentence, as the build spoke them) say which cues make up
    each sentence and which paragraph it is in. Captions that no longer match the script
    (it was edited since the build) are grouped by their punctuation and pauses; without
    captions the script's text is shown, untimed but for its headings.
    """
    if cues and script is not None:
        timed = _aligned(cues, plan_segments(script, show)[0], script)
        if timed is not None:
            return timed
    if cues:
        return _from_cues(cues)
    if script is not None:
        return _from_script(script, chapters, show.language)
    return ()


def _kind(script: Script, segment: Segment) -> str:
    # The opening and sign-off belong to no block of the script.
    inside = 0 <= segment.paragraph < len(script.blocks)
    if inside and isinstance(script.blocks[segment.paragraph], Heading):
        return "heading"
    return "quote" if segment.role == "quote" else "paragraph"


def _aligned(cues: Sequence[Cue], segments: Sequence[Segment],
             script: Script) -> tuple[Passage, ...] | None:
    """Cues grouped by the segments they were made from, or None if they do not match."""
    groups: list[tuple[tuple[int, str], list[Sentence]]] = []
    at = 0
    for segment in segments:
        words = segment.written.split()
        if not words:
            continue
        got: list[str] = []
        start = cues[at].start_ms if at < len(cues) else 0
        while len(got) < len(words) and at < len(cues):
            got += cues[at].text.split()
            at += 1
        if got != words:
            return None
        key = (segment.paragraph, _kind(script, segment))
        sentence = Sentence(start, " ".join(words))
        if groups and groups[-1][0] == key:
            sentences = groups[-1][1]
            if key[1] != "heading" and not _SENTENCE_END.search(sentences[-1].text):
                # A sentence too long for one take was spoken in pieces: show it whole.
                sentences[-1] = Sentence(sentences[-1].start_ms,
                                         f"{sentences[-1].text} {sentence.text}")
            else:
                sentences.append(sentence)
        else:
            groups.append((key, [sentence]))
    if at != len(cues):
        return None
    return tuple(Passage(kind, tuple(sentences)) for (_, kind), sentences in groups)


def _from_cues(cues: Sequence[Cue]) -> tuple[Passage, ...]:
    """Cues joined into sentences at their end punctuation, into paragraphs at pauses."""
    passages: list[list[Sentence]] = []
    previous: Cue | None = None
    for cue in cues:
        if previous is None or cue.start_ms - previous.end_ms >= _PARAGRAPH_GAP_MS:
            passages.append([Sentence(cue.start_ms, cue.text)])
        elif _SENTENCE_END.search(passages[-1][-1].text):
            passages[-1].append(Sentence(cue.start_ms, cue.text))
        else:
            last = passages[-1][-1]
            passages[-1][-1] = Sentence(last.start_ms, f"{last.text} {cue.text}")
        previous = cue
    return tuple(Passage("paragraph", tuple(sentences)) for sentences in passages)


def _from_script(script: Script, chapters: Sequence[Chapter], language: str
                 ) -> tuple[Passage, ...]:
    """The script's text, untimed; headings start at their chapter."""
    starts: dict[str, list[int]] = {}
    for chapter in chapters:
        starts.setdefault(chapter.title, []).append(chapter.start_ms)
    passages = []
    for number, block in enumerate(script.blocks):
        if isinstance(block, Heading):
            title = display_text(block.text)
            found = starts.get(title)
            passages.append(Passage("heading", (Sentence(found.pop(0) if found else None,
                                                          title),)))
        elif isinstance(block, Paragraph | Quote):
            if isinstance(block, Quote) and block.speaker:
                intro = quote_intro(block.speaker, language,
                                    in_dialogue=follows_quote(script, number))
                passages.append(Passage("paragraph", (Sentence(None, intro),)))
            sentences = tuple(Sentence(None, s) for s in split_sentences(display_text(block.text)))
            if sentences:
                passages.append(Passage("quote" if isinstance(block, Quote) else "paragraph",
                                        sentences))
    return tuple(passages)


_STYLE = """
body{font:16px/1.5 system-ui,sans-serif;max-width:46rem;margin:0 auto;padding:1rem;
color:#1d1b30;background:#faf8f3}
header{display:flex;gap:1rem;align-items:center;flex-wrap:wrap}
header img{width:10rem;height:10rem;border-radius:.5rem}
h1{margin:.2rem 0}article{border-top:1px solid #ccc;padding:1rem 0}
audio{width:100%}ol.chapters{padding-left:1.2rem}
button.seek{font:inherit;border:0;background:none;color:#3a2f8f;cursor:pointer;padding:0;
text-align:left}
.now{font-weight:bold}.meta,.links{color:#555;font-size:.9rem}
.transcript [data-t]{cursor:pointer}.transcript span[data-t]:hover{background:#ece8f8}
.transcript h4{margin:.8rem 0 .2rem}.transcript blockquote{margin:.5rem 1.5rem;font-style:italic}
#feed-url{overflow-wrap:normal;word-break:keep-all}
article audio{position:sticky;top:0;z-index:1;background:#faf8f3;padding:.3rem 0}
"""

# Clicking any element with data-t seeks its episode's player there and plays; one episode
# plays at a time (the one started pauses the others). A 'play' event arrives a moment
# after the player started (it is queued), so a second episode can be started before the
# first one's 'play' comes: that late event must not pause the newer player, or both
# stop (a quick second tap, or any tap on a busy phone). So a click pauses the others
# itself before it plays, and a 'play' whose player is already paused again (a newer one
# took over) pauses nothing. Each player is sticky in its article, so it stays in view
# while that episode's transcript is read and scrolled.
_SCRIPT = r"""
function pauseOthers(audio) {
  document.querySelectorAll('audio').forEach(function (a) {
    if (a !== audio && !a.paused) a.pause();
  });
}
document.addEventListener('play', function (e) {
  if (!e.target.paused) pauseOthers(e.target);
}, true);
document.addEventListener('click', function (e) {
  var t = e.target.closest('[data-t]');
  if (!t) return;
  e.preventDefault();
  var audio = t.closest('article').querySelector('audio');
  pauseOthers(audio);
  audio.currentTime = Number(t.dataset.t);
  audio.play();
});
document.querySelectorAll('article audio').forEach(function (a) {
  a.addEventListener('timeupdate', function () {
    var now = null;
    a.closest('article').querySelectorAll('ol.chapters [data-t]').forEach(function (b) {
      b.classList.remove('now');
      if (Number(b.dataset.t) <= a.currentTime + 0.05) now = b;
    });
    if (now) now.classList.add('now');
  });
});
if (location.protocol.indexOf('http') === 0) {
  var s = document.getElementById('subscribe');
  s.href = new URL(s.getAttribute('href'), location.href).href;
  // The address may break only after its slashes, like the one written into the page.
  var f = document.getElementById('feed-url');
  f.textContent = '';
  s.href.split(/(?<=\/)(?!\/)/).forEach(function (part, i) {
    if (i) f.appendChild(document.createElement('wbr'));
    f.appendChild(document.createTextNode(part));
  });
}
"""


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


def _seconds(ms: int) -> str:
    return f"{ms / 1000:.3f}"


def _breakable_url(url: str) -> str:
    """``url`` escaped, with a ``<wbr>`` after each run of slashes: the only places the
    page lets it wrap (the style forbids breaks inside its words)."""
    return "<wbr>".join(_esc(part) for part in re.split(r"(?<=/)(?!/)", url))


def _sentence(sentence: Sentence) -> str:
    if sentence.start_ms is None:
        return _esc(sentence.text)
    return f'<span data-t="{_seconds(sentence.start_ms)}">{_esc(sentence.text)}</span>'


def _passage(passage: Passage) -> str:
    if passage.kind == "heading":
        (title,) = passage.sentences[:1]
        at = f' data-t="{_seconds(title.start_ms)}"' if title.start_ms is not None else ""
        return f"<h4{at}>{_esc(' '.join(s.text for s in passage.sentences))}</h4>"
    text = "<p>" + " ".join(_sentence(s) for s in passage.sentences) + "</p>"
    return f"<blockquote>{text}</blockquote>" if passage.kind == "quote" else text


def _episode(ep: PageEpisode) -> list[str]:
    release = ep.release
    meta = release.meta
    number = []
    if meta.season is not None:
        number.append(f"Season {meta.season}")
    if meta.episode is not None:
        number.append(f"Episode {meta.episode}")
    details = [*number, *([meta.date.isoformat()] if meta.date else []),
               timestamp(int(release.duration_s * 1000))]
    out = [f'<article id="{_esc(release.episode_id)}">',
           f"<h2>{_esc(meta.title)}</h2>",
           f'<p class="meta">{_esc(" · ".join(details))}</p>']
    if meta.summary:
        out.append(f"<p>{_esc(meta.summary)}</p>")
    track = (f'<track kind="captions" srclang="en" label="Transcript" '
             f'src="{_esc(ep.captions_href)}">' if ep.captions_href else "")
    out.append(f'<audio controls preload="metadata" src="{_esc(ep.audio_href)}">{track}'
               f'<a href="{_esc(ep.audio_href)}">Download the MP3</a></audio>')
    if release.chapters:
        out.append('<ol class="chapters">')
        out += [f'<li><button type="button" class="seek" data-t="{_seconds(c.start_ms)}">'
                f"{timestamp(c.start_ms)} {_esc(c.title)}</button></li>"
                for c in release.chapters]
        out.append("</ol>")
    if ep.transcript:
        out.append('<details class="transcript"><summary>Transcript</summary>')
        out += [_passage(passage) for passage in ep.transcript]
        out.append("</details>")
    links = [PageLink("MP3", ep.audio_href), *ep.links]
    out.append('<p class="links">' + " · ".join(
        f'<a href="{_esc(link.href)}">{_esc(link.label)}</a>' for link in links) + "</p>")
    out.append("</article>")
    return out


def render_page(show: Show, episodes: Sequence[PageEpisode], *, feed_href: str,
                feed_url: str, cover_href: str) -> bytes:
    """The page as UTF-8 bytes, episodes in the order given; same inputs, same bytes.

    ``feed_href`` is the feed relative to the page (so the page works on any host);
    ``feed_url`` is shown when the page is opened from a file.
    """
    lang = _esc(show.language.split("-")[0] or "en")
    parts = [
        "<!doctype html>",
        f'<html lang="{lang}"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_esc(show.title)}</title>",
        *sharing.preview_tags(show, page_url=sharing.page_url(feed_url),
                              image_url=urljoin(feed_url, cover_href)),
        f'<link rel="alternate" type="application/rss+xml" title="{_esc(show.title)}" '
        f'href="{_esc(feed_href)}">',
        f"<style>{_STYLE.strip()}{sharing.STYLE.strip()}</style></head><body>",
        f'<header><img src="{_esc(cover_href)}" alt="{_esc(show.title)} cover">',
        f"<div><h1>{_esc(show.title)}</h1><p>{_esc(show.author)}</p></div></header>",
        f"<p>{_esc(show.description)}</p>",
        f'<p><a id="subscribe" href="{_esc(feed_href)}">Subscribe</a> in any podcast app '
        f'with this feed address: <code id="feed-url">{_breakable_url(feed_url)}</code></p>',
        sharing.subscribe_html(feed_url),
        "<main>",
    ]
    for episode in episodes:
        parts += _episode(episode)
    if not episodes:
        parts.append("<p>No episodes yet.</p>")
    parts += ["</main>", f"<script>{_SCRIPT.strip()}\n{sharing.SCRIPT.strip()}</script>",
              "</body></html>", ""]
    return "\n".join(parts).encode("utf-8")
