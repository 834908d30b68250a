"""The title line, the numbers line and what a recap's opening lines say of the episode."""

from __future__ import annotations

import re

from recapcast.model import Block, Paragraph
from recapcast.text.ledger import Ledger
from recapcast.text.recognise.blocks import _leave_out_block, _without_line
from recapcast.text.recognise.patterns import _EPISODE_HEADING, _SENTENCE_END, _SPOILER, _words
from recapcast.text.recognise.phrases import _MONTH, _ORDINAL_WORDS
from recapcast.text.recognise.rules import (
    _header_line,
    _meta_line,
    _prose,
    _spoiler_warning,
    _title_like,
)
from recapcast.text.recognise.speakers import _is_name
from recapcast.text.source import SourceBlock
from recapcast.text.titles import TitleParts, parse_title, straight_quotes, unshouted


def _recap_line(parts: TitleParts, title_line: str, blocks: list[SourceBlock], ledger: Ledger
                ) -> tuple[TitleParts, str, list[SourceBlock]]:
    """A line of its own just under a catchy headline or a blog's name that says more of
    the episode ('Saltmarsh recap: "The Tide Tables" (season 1, episode 3)', a Blogger
    post's 'Hollow Pines 1x05 - "The Ranger's Cabin"' heading): it is the title line, and
    not narrated."""
    for index, block in enumerate(blocks[:2]):
        # a bold line under the headline, or a blog post's own title under the blog's name
        if (block.kind not in ("paragraph", "heading") or len(block.lines) != 1
                or _words(block.lines[0]) > 16 or _score(block.lines[0]) < 0
                or _prose(block.lines[0])):
            continue
        if not any(b.kind in ("paragraph", "quote", "list") for b in blocks if b is not block):
            continue  # the recap's only paragraph is its story, whatever it starts with
        found = parse_title(block.lines[0])
        if (found is not None and found.score() > parts.score()
                and (found.season, found.episode) != (None, None) and found.show):
            ledger.keep(block.number(0), block.lines[0], "title line")
            return found, block.lines[0], blocks[:index] + blocks[index + 1:]
    return parts, title_line, blocks


def _numbers_line(parts: TitleParts, blocks: list[SourceBlock], ledger: Ledger
                  ) -> tuple[TitleParts, list[SourceBlock]]:
    """The season and episode from a line of its own under the title ("Season 2, Episode
    6", "S02E06"), which then is not narrated; it may stand among an article's header
    lines (the show's name, a byline, a date) too."""
    first = blocks[0] if blocks else None
    if first is None or first.kind not in ("paragraph", "heading") or not first.lines or (
            _EPISODE_HEADING.match(first.lines[0]) and _several_episodes(blocks)):
        return parts, blocks  # a two-part recap's first "Episode 9: ..." is its chapter
    for index, line in enumerate(first.lines[:6]):
        found = parse_title(line)
        if found is not None and found.title and not found.show and parts.show and _words(
                line) <= 10 and (found.season, found.episode) != (None, None) and (
                parts.season, parts.episode) in ((None, None), (found.season, found.episode)):
            # 'Season 2, Episode 3, "Annealing"' under 'Salt & Cinder Recap: Ludovica Plays
            # With Fire': the episode's own title is the one a podcast app shows
            parts = TitleParts(parts.show, found.season, found.episode, found.title)
            ledger.keep(first.number(index), line, "title line")
            return parts, _without_line(blocks, index)
        if (found is None or found.show or found.title or _words(line) > 6
                or (found.season is None and found.episode is None)
                or (parts.season, parts.episode) not in ((None, None),
                                                         (found.season, found.episode))):
            if not _header_line(line) and not _meta_line(line)[0]:
                return parts, blocks
            continue
        parts = TitleParts(parts.show, found.season, found.episode, parts.title)
        ledger.keep(first.number(index), line, "metadata: season and episode")
        return parts, _without_line(blocks, index)
    return parts, blocks


def _without_repeated_title(blocks: list[SourceBlock], parts: TitleParts, ledger: Ledger
                            ) -> list[SourceBlock]:
    """The blocks less a heading above the recap that only repeats its title (a blog post's
    own title under the page's)."""
    for index, block in enumerate(blocks):
        if block.kind != "heading":
            if block.kind != "rule":
                break
            continue
        again = parse_title(block.text)
        if parts.title and again and (again.title or "").casefold() == parts.title.casefold(
                ) and not _several_episodes(blocks):
            _leave_out_block(ledger, block, "repeated title")
            return blocks[:index] + blocks[index + 1:]
    # A heading anywhere that only says the show and numbers again ("Void Cartographers
    # Season 2 Episode 7"): the opening says them.
    kept = []
    for block in blocks:
        if block.kind == "heading" and _numbers_again(block.text, parts):
            _leave_out_block(ledger, block, "repeated title")
        else:
            kept.append(block)
    return kept


def _several_episodes(blocks: list[SourceBlock]) -> bool:
    """Whether the recap's "Episode N: Title" headings (or lines of their own) name more
    than one episode: a two-part recap, whose first such heading is a chapter, not the
    title again."""
    lines = [block.text for block in blocks if block.kind == "heading"] + [
        block.lines[0] for block in blocks if block.kind == "paragraph" and len(block.lines) == 1]
    return len({found.group("n").lower() for line in lines
                for found in [_EPISODE_HEADING.match(line)] if found}) >= 2


def _numbers_again(text: str, parts: TitleParts) -> bool:
    again = parse_title(text)
    return (again is not None and again.title is None
            and (again.season, again.episode) != (None, None)
            and (again.season, again.episode) == (parts.season, parts.episode)
            and (again.show is None or (again.show or "").casefold() == (
                parts.show or "").casefold()))


def _running_header(line: str) -> bool:
    """A PDF page's running header: set in capitals, or two parts far apart ("SCREEN
    QUARTERLY          Winter 2027")."""
    letters = [c for c in line if c.isalpha()]
    return bool(re.search(r"\S\s{3,}\S", line)) or (
        len(letters) >= 4 and all(c.isupper() for c in letters))


def _running_header_above_title(blocks: list[SourceBlock]) -> bool:
    """Whether the first block is a running header alone and the next holds the title."""
    if (len(blocks) < 2 or blocks[0].kind != "paragraph" or len(blocks[0].lines) != 1
            or blocks[1].kind != "paragraph"):
        return False
    header = blocks[0].lines[0]
    best = max(_score(x) for x in blocks[1].lines[:3])
    return (_title_like(header) and _running_header(header) and best >= 2
            and best > _score(header))


def _score(line: str) -> int:
    if _spoiler_warning(line) or _meta_line(line)[0]:
        return -1  # "Warning: spoilers ahead for season 2, episode 5." names no show
    parsed = parse_title(line)
    return parsed.score() if parsed else 0


def _title_at(lines: tuple[str, ...]) -> int:
    """Which of a recap's first lines is its title: the first, unless a later one names
    more of the episode and every line above it is title-like too."""
    best, best_score = 0, -1
    for index, line in enumerate(lines):
        if index and not _title_like(lines[index - 1]):
            break
        score = _score(line)
        if score > best_score:
            best, best_score = index, score
    return best


def _best_title(lines: list[str], site: str) -> tuple[TitleParts, str]:
    parsed = [(parse_title(line, site), line) for line in lines if not _spoiler_warning(line)]
    found = [(p, line) for p, line in parsed if p is not None]
    if found:
        best, line = max(found, key=lambda pair: pair[0].score())
        # What the best line leaves out, another may say: a page's subtitle 'Season 2,
        # Episode 3, "Annealing"' names no show, its headline does.
        for other, _ in sorted(found, key=lambda pair: -pair[0].score()):
            best = TitleParts(best.show or other.show,
                              best.season if best.season is not None else other.season,
                              best.episode if best.episode is not None else other.episode,
                              best.title or other.title)
        return best, line
    return TitleParts(), lines[0] if lines else ""


_ORDINAL = r"(\d{1,3})(?:st|nd|rd|th)|" + "|".join(_ORDINAL_WORDS)


# A reference page's lead: '"Tinder" is the third episode of the first season of ...'
_LEAD = re.compile(rf"\bis the (?P<e>{_ORDINAL}) episode of the (?P<s>{_ORDINAL}) season\b"
                   rf"(?: of (?:the )?(?:[a-z][\w-]* )*[A-Z][^.,;]{{1,60}}?)?[.,;]",
                   re.IGNORECASE)


_TITLE_SHOW = re.compile(r"^(?P<title>.+?) \((?P<show>[^()]{2,60})\)$")


def _ordinal(word: str) -> int | None:
    word = word.lower()
    digits = re.match(r"(\d+)", word)
    return int(digits.group(1)) if digits else _ORDINAL_WORDS.get(word)


def _from_lead(parts: TitleParts, blocks: list[Block], title_line: str = "") -> TitleParts:
    """The season and episode a reference page's first paragraph gives when the title did
    not; and its "Title (Show)" page title split when the lead names that show."""
    lead = next((b.text for b in blocks if isinstance(b, Paragraph)), "")
    found = _LEAD.search(lead)
    if not found:
        return parts
    season, episode = parts.season, parts.episode
    lead_season, lead_episode = _ordinal(found.group("s")), _ordinal(found.group("e"))
    if season in (None, lead_season):
        # Only a lead that agrees with what the title said fills in the rest.
        season, episode = lead_season, episode if episode is not None else lead_episode
    show, title = parts.show, parts.title or straight_quotes(title_line).strip() or None
    named = _TITLE_SHOW.match(title or "")
    if show is None and named and named.group("show") in lead:
        show, title = named.group("show"), named.group("title").strip('"')
    return TitleParts(show, season, episode, title)


def _page_author(author: str) -> str:
    """A page's author as a name: "Ana Ruiz; TV Editor" and "Wrenna Castellane · Apr 4" are
    Ana Ruiz and Wrenna Castellane (a page's metadata joins roles and dates to names)."""
    parts = [p.strip() for p in re.split(r"\s*[;·|•,]\s*|\s+[—–-]\s+", author or "")]
    names = [p for p in parts if _is_name(p, 5) and not _ROLE.search(p)
             and not re.fullmatch(rf"{_MONTH}\.?(?:\s+\d.*)?", p)]  # "January 31": a date
    return ", ".join(names) if names else (parts[0] if parts else "")


_ROLE = re.compile(r"\b(?:editor|writer|critic|correspondent|reporter|contributor|staff|"
                   r"columnist|producer|host|tv|television|entertainment)\b", re.IGNORECASE)


# A show's name shouted in a sentence: "because NORTHBOUND FREIGHT finally did the thing".
_SHOUTED = re.compile(r"(?<![\w'’])([A-Z][A-Z'’\-]+(?:\s+[A-Z][A-Z'’\-]+){1,3})(?![\w'’])")


def _from_opening(parts: TitleParts, blocks: list[SourceBlock]) -> TitleParts:
    """The episode a newsletter's opening names when no title line did: its spoiler line
    ('Full spoilers for Season 1, Episode 8, "Switchback," below.') gives the numbers and
    title, and a name shouted in that paragraph ("NORTHBOUND FREIGHT") the show; or the
    season alone ("Spoilers for all of Season 3") when the title named only the episode."""
    if parts.episode is not None and parts.season is not None:
        return parts
    for block in blocks[:3]:
        if block.kind == "heading":
            break
        if block.kind != "paragraph":
            continue
        text = " ".join(block.lines)
        for sentence in _SENTENCE_END.split(text):
            found = parse_title(sentence) if _SPOILER.search(sentence) else None
            if parts.episode is not None and found is not None and found.season is not None \
                    and found.episode in (None, parts.episode):
                # "Episodes 9 & 10" in the title, "Spoilers for all of Season 3" below it
                return TitleParts(parts.show, found.season, parts.episode, parts.title)
            if found is None or found.episode is None or not found.title or (
                    parts.episode is not None):
                continue
            shouted = [m.group(1) for m in _SHOUTED.finditer(text)
                       if not _SPOILER.search(m.group(1)) and len(m.group(1)) > 4]
            show = parts.show or (unshouted(shouted[0]) if len(set(shouted)) == 1 else None)
            return TitleParts(show, found.season, found.episode, found.title)
    return parts
