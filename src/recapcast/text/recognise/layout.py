"""A paste's layout undone: paragraphs pasted single-spaced parted as blank lines would
part them, and an ASCII box drawn around a quote read as the quote."""

from __future__ import annotations

import dataclasses
import re

from recapcast.text.ledger import Ledger
from recapcast.text.recognise.patterns import _words
from recapcast.text.recognise.rules import (
    _ENDS_SENTENCE,
    LONG_LINE,
    _furniture_line,
    _listed_lines,
    _meta_line,
)
from recapcast.text.recognise.speakers import _is_name, _spoken_line
from recapcast.text.source import SourceBlock


def _own_paragraphs(lines: tuple[str, ...]) -> bool:
    """Whether a block's lines are paragraphs pasted single-spaced (no blank line between
    them), not one paragraph's wrapped lines: lines longer than an editor wraps at, two or
    more, and nearly all of them end a sentence (a wrapped line ends where the width falls,
    mid-sentence), and no line is left hanging on a comma or a dash, or goes on in lower
    case on the next."""
    long = [x for x in lines if len(x) > LONG_LINE]
    ended = [x for x in long if _ENDS_SENTENCE.search(x) or x.rstrip().endswith(":")]
    if len(lines) < 3 or len(ended) < 2 or 3 * len(ended) < 2 * len(long):
        return False
    for line, following in zip(lines, lines[1:] + ("",), strict=True):
        if line.rstrip().endswith((",", ";", "-", "—", "–")):
            return False
        if (following[:1].islower() and not _ENDS_SENTENCE.search(line)
                and not _meta_line(following)[0] and not _furniture_line(following)):
            return False  # ("posted by ana" under the title is a byline, not more of it)
    return True


def _mark(line: str) -> str:
    """The mark a line of a hand-made list opens with ("– ", "• ", "#1 "), else ""."""
    found = re.match(r"^(?:[–—•·*>~]|#\d+)\s", line)
    return found.group(0)[0] if found else ""


def _header(line: str) -> bool:
    """A line of an article's header: a byline, a date, or the writer's bare name."""
    return _meta_line(line)[0] or (_words(line) <= 5 and _is_name(line))


def _run(lines: tuple[str, ...], start: int, alike) -> int:
    end = start
    while end < len(lines) and alike(lines[end]):
        end += 1
    return end


def _groups(lines: tuple[str, ...]) -> list[tuple[int, int]]:
    """Where a single-spaced block parts into blocks: a line each, except what a writer
    sets line under line when blank lines part the rest: lines of dialogue (one
    exchange), an article's header (byline, date, the writer's name), lines a hand-made
    list opens with one mark ("– ", "#1 "), and three or more short lines a list would
    give ("1st — Tavita & Mirela, 37" a line), with the label above them."""
    spans, start = [], 0
    while start < len(lines):
        line = lines[start]
        end = start + 1
        label = line.rstrip().endswith(":") and len(line) <= LONG_LINE
        if _spoken_line(line):
            end = _run(lines, start, _spoken_line)
        elif _header(line) and start + 1 < len(lines) and _header(lines[start + 1]):
            # Bare names may open the run ("Ana Ruiz" over the date, a tag list's words);
            # once a byline or a date is in it, only bylines and dates go on: a short line
            # under the date ("The Pier") is the first heading, as blank lines would show.
            end, dated = start, False
            while end < len(lines) and _header(lines[end]):
                meta = _meta_line(lines[end])[0]
                if dated and not meta:
                    break
                dated, end = dated or meta, end + 1
        elif _mark(line) and start + 1 < len(lines) and _mark(lines[start + 1]) == _mark(line):
            mark = _mark(line)
            end = _run(lines, start, lambda x: _mark(x) == mark)  # noqa: B023 - used at once
        else:
            first = start + 1 if label else start
            short = _run(lines, first, lambda x: len(x) <= LONG_LINE and not _spoken_line(x))
            if label and short - first >= 2:
                end = short  # "Final standings:" and the short lines under it
            else:
                # the longest run from here that reads as a list
                end = next((stop for stop in range(short, start + 2, -1)
                            if _listed_lines(list(lines[start:stop]))), start + 1)
        spans.append((start, end))
        start = end
    return spans


def _single_spaced(blocks: list[SourceBlock]) -> list[SourceBlock]:
    """The blocks with each paragraph pasted single-spaced (as a copy from a web page into a
    plain editor often gives) parted as blank lines would part them (see ``_groups``), so
    its headings, byline and paragraphs are read as they are then."""
    out: list[SourceBlock] = []
    for block in blocks:
        if block.kind != "paragraph" or not _own_paragraphs(block.lines):
            out.append(block)
            continue
        for start, end in _groups(block.lines):
            out.append(SourceBlock("paragraph", block.lines[start:end],
                                   block.line + start if block.line else 0,
                                   numbers=tuple(block.number(i) for i in range(start, end))))
    return out


# An ASCII box a plain-text newsletter draws around a quote: "+-----+" rules and "|" sides.
_BOX_RULE = re.compile(r"^\s*\+[-=+]{3,}\+\s*$")
_BOX_SIDE = re.compile(r"^\s*\|(?P<inner>.*)\|\s*$")


def _unboxed(blocks: list[SourceBlock], ledger: Ledger) -> list[SourceBlock]:
    """The blocks with an ASCII box (a "QUOTE OF THE WEEK" drawn in "+---+" and "|") read
    as the block quote it holds: its border and its label line are left out."""
    out: list[SourceBlock] = []
    for block in blocks:
        lines = block.lines
        if not (block.kind == "paragraph" and len(lines) >= 3 and _BOX_RULE.match(lines[0])
                and _BOX_RULE.match(lines[-1])
                and all(_BOX_SIDE.match(x) for x in lines[1:-1])):
            out.append(block)
            continue
        inner = [(block.number(i), _BOX_SIDE.match(x).group("inner").strip())
                 for i, x in enumerate(lines) if 0 < i < len(lines) - 1]
        inner = [(at, x) for at, x in inner if x]
        for at, x in ((block.number(0), lines[0]), (block.number(len(lines) - 1), lines[-1])):
            ledger.leave_out(at, x, "box around a quote (its border and label)")
        if inner and len(inner) > 1 and _words(inner[0][1]) <= 6 and inner[0][1].isupper():
            ledger.leave_out(*inner[0], "box around a quote (its border and label)")
            inner = inner[1:]
        if inner:
            out.append(dataclasses.replace(block, kind="quote", lines=tuple(x for _, x in inner),
                                           numbers=tuple(at for at, _ in inner)))
    return out
