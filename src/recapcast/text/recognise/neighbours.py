"""What a block is by the blocks around it: short sentence-case lines that head long
paragraphs (when a recap has several), one-line "Name: line" paragraphs in a run
(dialogue), and the "Previously" chapter over an opening that tells what came before."""

from __future__ import annotations

import re

from recapcast.model import Block, Heading, Paragraph
from recapcast.text.recognise.patterns import _CLOCK_HEADING, _DIALOGUE, _PREVIOUSLY, _words
from recapcast.text.recognise.phrases import _QUOTE_MARKS
from recapcast.text.recognise.rules import _furniture_line, _meta_line
from recapcast.text.recognise.speakers import _spoken_line
from recapcast.text.source import SourceBlock


def _sentence_case_headings(blocks: list[SourceBlock]) -> set[int]:
    """The lines of short one-line blocks in sentence case that head a long paragraph
    ("Notre avis", "The night shift"), when a recap has two or more: one such line is as
    likely a line of narration ("Cut to black"), several are its sections."""
    found = set()
    for block, following in zip(blocks, blocks[1:], strict=False):
        line = block.lines[0] if block.kind == "paragraph" and len(block.lines) == 1 else ""
        if (line and block.line and _CLOCK_HEADING.match(line) and following.kind == "paragraph"
                and not _CLOCK_HEADING.match(following.lines[0])):
            found.add(block.line)  # a live-watch recap's "9:02 PM" over what happened then
        elif (line and block.line and 1 <= _words(line) <= 7 and line[:1].isupper()
                and line[-1] not in ".,;:!…\"”’)»" and not _DIALOGUE.match(line)
                and not _meta_line(line)[0] and not _furniture_line(line)
                and line[:1] not in _QUOTE_MARKS
                and (following.kind == "paragraph" and _words(following.text) >= 20
                     or following.kind == "list" and len(following.lines) >= 2)):
            found.add(block.line)
    return found if len(found) >= 2 else set()


def _dialogue_paragraphs(blocks: list[SourceBlock]) -> set[int]:
    """The ids of one-line "Name: line" paragraphs next to another: a web page's dialogue,
    a <p> a line, is a run like lines under each other."""
    shaped = [block.kind == "paragraph" and len(block.lines) == 1 and _spoken_line(block.lines[0])
              for block in blocks]
    return {id(block) for i, block in enumerate(blocks) if shaped[i] and (
        (i > 0 and shaped[i - 1]) or (i + 1 < len(blocks) and shaped[i + 1]))}


def _with_previously(blocks: list[Block], episode: int | None) -> list[Block]:
    """A ``Previously`` chapter over text before the first heading that tells what came before."""
    first_heading = next((i for i, b in enumerate(blocks) if isinstance(b, Heading)), None)
    if not first_heading:
        return blocks
    opening = " ".join(b.text for b in blocks[:first_heading] if isinstance(b, Paragraph))
    earlier = [int(n) for n in re.findall(r"\bEpisode\s+(\d+)\b", opening, re.IGNORECASE)]
    if _PREVIOUSLY.match(opening) or (episode is not None and any(n < episode for n in earlier)):
        # "Tonight's episode is built around the inquest": what came before ends there
        now = next((i for i, b in enumerate(blocks[:first_heading]) if i and isinstance(
            b, Paragraph) and _THIS_EPISODE.match(b.text)), None)
        # A chapter is named once: text that opens "Previously on Harbour Lights:" names
        # its own, and a "Previously" heading over it would be said twice.
        named = [] if _SAYS_PREVIOUSLY.match(opening) else [Heading("Previously", 0)]
        if now is not None:
            # nor "This week" over a paragraph that opens "This week, ..."
            said = re.match(r"^\W*this week\b", blocks[now].text, re.IGNORECASE)
            this_week = [] if said else [Heading("This week", 0)]
            return [*named, *blocks[:now], *this_week, *blocks[now:]]
        return [*named, *blocks]
    return blocks


_SAYS_PREVIOUSLY = re.compile(r"^\W*previously\b", re.IGNORECASE)


_THIS_EPISODE = re.compile(r"^(?:tonight(?:'s|’s)?|this (?:week|episode|hour|time)|"
                           r"this week(?:'s|’s) episode|in this episode|now,)\b", re.IGNORECASE)
