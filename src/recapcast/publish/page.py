"""The show page ``feed/index.html``: static HTML with a player, chapters and transcripts."""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass

from recapcast.model import Chapter, Heading, Paragraph, Quote, Release, Script, Show
from recapcast.release.shownotes import timestamp

__all__ = ["Cue", "PageLink", "PageEpisode", "parse_vtt", "cues_from_script", "render_page"]

_VTT_TIME = re.compile(r"^(?:(\d+):)?(\d{1,2}):(\d{2})[.,](\d{3})\s+-->")


@dataclass(frozen=True)
class Cue:
    """One transcript line; ``start_ms`` is None when its time is unknown."""

    start_ms: int | None
    text: str
    heading: bool = False


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
    transcript: tuple[Cue, ...] = ()
    captions_href: str = ""
    links: tuple[PageLink, ...] = ()


def parse_vtt(text: str) -> tuple[Cue, ...]:
    """The cues of a WebVTT file, in order (settings, notes and styles dropped)."""
    cues = []
    for block in re.split(r"\n\s*\n", text.replace("\r\n", "\n").replace("\r", "\n")):
        lines = [line for line in block.strip("\n").split("\n") if line.strip()]
        for i, line in enumerate(lines):
            match = _VTT_TIME.match(line.strip())
            if match:
                hours, minutes, seconds, millis = (int(g or 0) for g in match.groups())
                start = ((hours * 60 + minutes) * 60 + seconds) * 1000 + millis
                words = " ".join(re.sub(r"<[^>]*>", "", t).strip() for t in lines[i + 1:])
                if words:
                    cues.append(Cue(start, html.unescape(words)))
                break
    return tuple(cues)


def cues_from_script(script: Script, chapters: Sequence[Chapter]) -> tuple[Cue, ...]:
    """The script's text as an untimed transcript; headings start at their chapter."""
    starts: dict[str, list[int]] = {}
    for chapter in chapters:
        starts.setdefault(chapter.title, []).append(chapter.start_ms)
    cues = []
    for block in script.blocks:
        if isinstance(block, Heading):
            found = starts.get(block.text)
            cues.append(Cue(found.pop(0) if found else None, block.text, heading=True))
        elif isinstance(block, Paragraph):
            cues.append(Cue(None, block.text))
        elif isinstance(block, Quote):
            said = f"“{block.text}”" + (f" — {block.speaker}" if block.speaker else "")
            cues.append(Cue(None, said))
    return tuple(cues)


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
.transcript p[data-t]{cursor:pointer}.transcript h4{margin:.8rem 0 .2rem}
code{word-break:break-all}
"""

# Clicking any element with data-t seeks its episode's player there and plays.
_SCRIPT = """
document.addEventListener('click', function (e) {
  var t = e.target.closest('[data-t]');
  if (!t) return;
  e.preventDefault();
  var audio = t.closest('article').querySelector('audio');
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
  document.getElementById('feed-url').textContent = s.href;
}
"""


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


def _seconds(ms: int) -> str:
    return f"{ms / 1000:.3f}"


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
        for cue in ep.transcript:
            tag = "h4" if cue.heading else "p"
            at = f' data-t="{_seconds(cue.start_ms)}"' if cue.start_ms is not None else ""
            out.append(f"<{tag}{at}>{_esc(cue.text)}</{tag}>")
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
        f'<link rel="alternate" type="application/rss+xml" title="{_esc(show.title)}" '
        f'href="{_esc(feed_href)}">',
        f"<style>{_STYLE.strip()}</style></head><body>",
        f'<header><img src="{_esc(cover_href)}" alt="{_esc(show.title)} cover">',
        f"<div><h1>{_esc(show.title)}</h1><p>{_esc(show.author)}</p></div></header>",
        f"<p>{_esc(show.description)}</p>",
        f'<p><a id="subscribe" href="{_esc(feed_href)}">Subscribe</a> in any podcast app '
        f'with this feed address: <code id="feed-url">{_esc(feed_url)}</code></p>',
        "<main>",
    ]
    for episode in episodes:
        parts += _episode(episode)
    if not episodes:
        parts.append("<p>No episodes yet.</p>")
    parts += ["</main>", f"<script>{_SCRIPT.strip()}</script>", "</body></html>", ""]
    return "\n".join(parts).encode("utf-8")
