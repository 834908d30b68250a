"""Reads a recap's title line: the show, season, episode and the episode's own title."""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["TitleParts", "parse_title", "straight_quotes", "show_from_previously", "unshouted",
           "wiki_show"]


@dataclass(frozen=True)
class TitleParts:
    """What a title line says; None where it does not say."""

    show: str | None = None
    """The show's name, without quote marks."""
    season: int | None = None
    episode: int | None = None
    title: str | None = None
    """The episode's own title: no show name, no "Recap", no quote marks."""

    def score(self) -> int:
        """How much the line told: a line naming more parts is the better source."""
        return sum(x is not None for x in (self.show, self.season, self.episode, self.title))


_NUMBER_WORDS = {w: n for n, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty".split())}
_NUM = r"(\d{1,3}|" + "|".join(_NUMBER_WORDS) + r")"

# Each pattern marks season and/or episode numbers; the first that matches a span wins.
# The words for season and episode in the languages recaps are written in most (English,
# Spanish, Portuguese, French, German, Italian, Dutch).
_SEASON = r"(?:Season|Series|Temporada|Saison|Staffel|Stagione|Seizoen)"
_EPISODE = (r"(?:Episode|Ep\.?|Episodio|Episódio|Capítulo|Cap\.|Épisode|Folge|Puntata|"
            r"Aflevering)")
_CODES = [
    # a two-episode recap: "Episodes 9-10" is filed under its first
    re.compile(r"\b(?:Episodes|Eps\.?)\s*(?P<e>\d{1,3})\s*(?:[-–&+]|and|to)\s*\d{1,3}\b",
               re.IGNORECASE),
    re.compile(r"\b[ST]\s?(?P<s>\d{1,2})\s?\.?\s?E\s?(?P<e>\d{1,3})\b", re.IGNORECASE),
    re.compile(r"(?<![\w.])(?P<s>\d{1,2})\s?[x×]\s?(?P<e>\d{1,3})\b"),
    re.compile(rf"\b{_SEASON}\s+(?P<s>{_NUM[1:-1]})\s*[,:\-–—]?\s*"
               rf"{_EPISODE}\s*(?P<e>{_NUM[1:-1]})\b", re.IGNORECASE),
    re.compile(rf"(?<!\w){_EPISODE}\s*#?\s*(?P<e>\d{{1,3}}(?:,\d{{3}})+|{_NUM[1:-1]})\b",
               re.IGNORECASE),
    re.compile(rf"\b{_SEASON}\s+(?P<s>{_NUM[1:-1]})\b", re.IGNORECASE),
    re.compile(r"(?<![\w.])(?P<s>\d{1,2})\.(?P<e>\d{2})(?![\w.])"),
    re.compile(r"(?<![\w&])#(?P<e>\d{1,4})\b"),  # an anime's "#12"
]
_RECAP = re.compile(
    r"\b(?:(?:TV|Dialogue|Episode|Post-Episode|Pre-Episode|Weekly|Full|Live|Official)\s+)?"
    r"(?:Discussion(?:\s+Thread)?\b|"
    r"(?:Recap|Review|Rundown|Breakdown|Reaction|Live-?blog|Resumen|Reseña|Crítica|Critique|"
    r"Récap|Rezension|Kritik|Recensione|Riassunto|Spoilers|Live notes|Recap notes|"
    r"Episode notes)s?\b)",
    re.IGNORECASE,
)
_OTHER_SCRIPT = re.compile(r"\s*\((?=[^()]*[\u0400-\u04ff\u0590-\u06ff\u0e00-\u0e7f"
                           r"\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af])[^()]{1,60}\)")
_IMDB = re.compile(r'^"(?P<show>[^"]{1,80})" (?P<title>[^"]{1,120}?) \(TV Episode(?: \d{4})?\)')
_TAGS = re.compile(r"\s*[\[(](?:no |minor |major |book |full )?(?:spoilers?|discussion|"
                   r"spoiler-free|nsfw|oc|meta|serious|live|recap)[\])]", re.IGNORECASE)
_PODCAST_NUMBER = re.compile(
    r"^(?:ep\.?|episode|#)\s*\d{1,4}\s*[—–|:-]\s+(?=\S.*(?:\b[ST]\s?\d{1,2}\s?\.?\s?E\s?\d|"
    r"\b\d{1,2}x\d{1,3}\b))", re.IGNORECASE)
_ISSUE = re.compile(r"\b(?:issue|vol\.?|volume|edition)\s*#?\s*\d{1,4}\b", re.IGNORECASE)
_DOUBLE_QUOTED = re.compile(r'"([^"]{1,150})"')
_SINGLE_QUOTED = re.compile(r"(?:^|(?<=[\s:,(\[–—-]))'([^']{1,150})'(?=$|[\s,.;:)\]–—-])")
_EDGE = " \t,:;|–—-()[]·•/"
_QUOTES = str.maketrans({"‘": "'", "’": "'", "‚": "'", "‛": "'", "“": '"', "”": '"',
                         "„": '"', "‟": '"', "«": '"', "»": '"', "\u00a0": " "})
_WIKI = re.compile(r"^(.{2,60}?) (?:Fandom Wiki|Wiki|Wikia)(?: \| Fandom)?$")
_PREVIOUSLY = re.compile(
    r"^(?:Previously|Last (?:week|time|season)|Next (?:week|time)|This week|Tonight)\s+on\s+"
    r"(?P<show>[A-Z0-9][^:.!?]{0,60}?)\s*[:.,—–-]", re.IGNORECASE)


def _marked(text: str) -> bool:
    return bool(_RECAP.search(text) or any(p.search(text) for p in _CODES)
                or _DOUBLE_QUOTED.search(text))


def straight_quotes(text: str) -> str:
    """``text`` with curly quote marks as straight ones and no-break spaces as spaces."""
    return text.translate(_QUOTES)


def _number(raw: str | None) -> int | None:
    if raw is None:
        return None
    raw = raw.replace(",", "")
    return int(raw) if raw.isdigit() else _NUMBER_WORDS.get(raw.lower())


def _clean(piece: str) -> str:
    piece = piece.strip(_EDGE).strip()
    if len(piece) >= 2 and piece[0] == piece[-1] and piece[0] in "'\"":
        piece = piece[1:-1].strip()
    return piece


def parse_title(line: str, site: str = "") -> TitleParts | None:
    """The parts of a title line, or None when ``line`` has no episode code or "Recap".

    Knows the shapes ``'Show' Recap: Season 2, Episode 6, "Title"``, ``Show S02E06 recap –
    Title``, ``Show Season 3, Episode 4 Recap: "Title"``, ``Show 3x02 Review: Title``,
    ``Recap: Show, "Title" (Season 1, Episode 2)`` and ``Episode 8: "Title"``. ``site`` is a
    site name to cut from the end (``... | ReelHarbor``).
    """
    text = re.sub(r"\s+", " ", straight_quotes(line)).strip()
    # A forum's tags: "[Spoilers]", "(No Spoilers)", "[Discussion]".
    text = _TAGS.sub("", text).strip()
    # A podcast's own episode number ahead of the show's episode: "Ep. 34 — Show S2E7 ..."
    text = _PODCAST_NUMBER.sub("", text)
    # A newsletter's issue number is not an episode's: "Issue #112 · Sunday, April 11"
    text = _ISSUE.sub("", text).strip()
    # A title also given in its own script, "Moonlight Pharmacy (달빛 약국)": the voice
    # cannot read it, and it is no part of the title.
    text = _OTHER_SCRIPT.sub("", text).strip()
    imdb = _IMDB.match(text)
    if imdb:
        # IMDb: '"Show" Episode Title (TV Episode 2027) - IMDb'
        return TitleParts(show=imdb.group("show"), title=imdb.group("title"))
    if site:
        text = re.sub(rf"\s*[|\-–—:·•]\s*{re.escape(straight_quotes(site))}\s*$", "", text,
                      flags=re.IGNORECASE)
    # "... | Site": segments after a bar that name no episode are the site's, not the title's.
    segments = re.split(r" [|/] ", text)
    # ... but a fan wiki is named for its show: "| Veilbrook Wiki | Fandom"
    wiki = next((show for x in segments[1:] for show in [wiki_show(x)] if show), None)
    # A chat channel or forum ahead of the title: "#episode-talk | ...", "r/Show | ...".
    while len(segments) > 1 and re.fullmatch(r"(?:#|/?r/)[\w-]+", segments[0]):
        segments.pop(0)
    while len(segments) > 1 and not _marked(segments[-1]):
        segments.pop()
    text = " | ".join(segments)
    spans: list[tuple[int, int]] = []
    season = episode = None

    def free(start: int, end: int) -> bool:
        return all(end <= a or start >= b for a, b in spans)

    for pattern in _CODES:
        for found in pattern.finditer(text):
            if not free(*found.span()):
                continue
            groups = found.groupdict()
            if season is None and groups.get("s") is not None:
                season = _number(groups["s"])
            if episode is None and groups.get("e") is not None:
                episode = _number(groups["e"])
            spans.append(found.span())
    recap_words = [f.span() for f in _RECAP.finditer(text) if free(*f.span())]
    spans += recap_words
    if not spans:
        return None
    title = None
    quoted = _DOUBLE_QUOTED.search(text)
    first_free = min(a for a, _ in spans)
    quoted_show = None
    if quoted and quoted.end() <= first_free:
        # '"The Ferryman's Daughter" Episode 2 Recap: The Search', 'Why "Glass Orchard"
        # Episode 4 Broke Me': a name quoted before the code is the show's
        quoted_show = _clean(quoted.group(1))
        spans.append(quoted.span())
        quoted = next((q for q in _DOUBLE_QUOTED.finditer(text) if q.start() > first_free),
                      None)
    if not quoted:
        quoted = next((q for q in _SINGLE_QUOTED.finditer(text) if q.start() > first_free), None)
    if quoted and free(*quoted.span()):
        title = _clean(quoted.group(1))
        spans.append(quoted.span())
    spans.sort()
    pieces, position = [], 0
    for start, end in spans:
        pieces.append(_clean(text[position:start]))
        position = max(position, end)
    pieces.append(_clean(text[position:]))
    named = [i for i, p in enumerate(pieces) if p]
    show_at = named[0] if named else None
    if show_at and spans[0] not in recap_words:
        show_at = None  # "Episode 8: Title": no show named before the code
    show = pieces[show_at] if show_at is not None else None
    if show and show_at == 1 and not pieces[0] and spans[0] in recap_words:
        # "Review of The Bear, ...", "Reseña de El Faro, ...": the show follows "of"
        show = re.sub(r"^(?:of|de|del|du|des|von|di|della|van)\s+", "", show)
    if quoted_show:
        show, show_at = quoted_show, None
        # after it, only what follows "Recap:" is a title; a headline's words are not
        after_recap = [p for (a, _), p in zip(spans, pieces[1:], strict=False)
                       if (a, _) in recap_words and p]
        title = title or (after_recap[-1] if after_recap else None)
    if title is None and not quoted_show:
        after = [pieces[i] for i in named if show_at is None or i > show_at]
        title = after[-1] if after else None
    if show is not None and re.fullmatch(rf"(?i){_SEASON}|{_EPISODE}|part", show):
        show = None
    named_inside = _SINGLE_QUOTED.search(show or "") or _DOUBLE_QUOTED.search(show or "")
    if named_inside and named_inside.group(0).strip() != show:
        # "The 7 Best Moments From 'Velvet Circuit'": the quoted name is the show's
        show = _clean(named_inside.group(1))
    if title and quoted is None:
        # "The Eel Weir – a tense, tender hour": a review's verdict after a dash, in
        # lowercase, is not part of the episode's title.
        title = re.split(r"\s[–—-]\s(?=[a-z])", title, maxsplit=1)[0].strip()
    show, title = unshouted(show or wiki), unshouted(title)
    if title and title[0].islower() and not text.islower():
        # a sentence-case headline's "– the sale goes through" (a line all in lowercase,
        # a chat's, keeps its writer's style)
        title = title[0].upper() + title[1:]
    return TitleParts(show=show or None, season=season, episode=episode, title=title or None)


def unshouted(text: str | None) -> str | None:
    """A title line written in capitals ("PARALLAX PARK") in title case, as apps show it."""
    if not text or not text.isupper() or len(re.sub(r"\W", "", text)) <= 4:
        return text
    words = re.sub(r"[^\W\d_]+(?:['’][^\W\d_]+)?", lambda m: m.group(0).capitalize(),
                   text.lower())
    # "CARVE OR CRACK": Carve or Crack (small words stay small, but not the first)
    return re.sub(r"(?<=\s)(A|An|And|As|At|But|By|For|In|Of|On|Or|The|To|Vs)\b",
                  lambda m: m.group(0).lower(), words)


def wiki_show(name: str) -> str | None:
    """The show a fan wiki is named for: "Starwake Wiki" (or "... | Fandom") -> Starwake."""
    found = _WIKI.match(name.strip())
    return found.group(1) if found else None


def show_from_previously(text: str) -> str | None:
    """The show a "Previously on Show: ..." or "Next week on Show: ..." line names."""
    found = _PREVIOUSLY.match(straight_quotes(text))
    return unshouted(found.group("show").strip()) if found else None
