"""Blocks left out whole by what heads them or how they open: furniture headings and the
lists under them, back matter, a writer's own notes, a cast list, sponsor reads, a
podcast's chapter marks, and the lines an editor's corrections taught import."""

from __future__ import annotations

import dataclasses
import re

from recapcast.text.ledger import Ledger
from recapcast.text.recognise.blocks import _leave_out_block
from recapcast.text.recognise.patterns import _words
from recapcast.text.recognise.phrases import (
    _BACK_MATTER,
    _CAST_HEADINGS,
    _CONTENTS_HEADINGS,
    _DROPPED_HEADINGS,
    _PERSONAL_NOTES,
    SPONSOR_HEADINGS,
    SPONSOR_READ_OPENS,
    alt,
    phrases_of,
)
from recapcast.text.recognise.rules import (
    _ENDS_SENTENCE,
    _furniture_line,
    _furniture_reason,
    _label,
    _link_list_label,
)
from recapcast.text.source import SourceBlock


def _furniture_block(block: SourceBlock) -> bool:
    """A paragraph made only of furniture lines (votes, buttons, a tag list), but not a
    "Related" label, which says what the next block is."""
    return (block.kind == "paragraph" and bool(block.lines)
            and all(_furniture_line(x) and not _link_list_label(x) for x in block.lines))


def _without_furniture_headings(blocks: tuple[SourceBlock, ...], ledger: Ledger
                                ) -> list[SourceBlock]:
    """The blocks less headings such as "Comments" or "Related", the list of links under a
    "Related"-like heading, and a reference page's back matter ("References", "External
    links") up to the next heading of its level."""
    kept: list[SourceBlock] = []
    skip_list = ""  # the reason the list under the last heading goes, "" when it stays
    back_matter = None  # the level of the back-matter heading being skipped
    skipping = ""  # why: back matter, or the writer's own notes ("My notes")
    for at, block in enumerate(blocks):
        if back_matter is not None:
            if block.kind == "heading" and block.level <= back_matter:
                back_matter = None
            else:
                _leave_out_block(ledger, block, skipping)
                continue
        if block.kind == "heading" and _label(block.text) in _BACK_MATTER | _PERSONAL_NOTES:
            back_matter = block.level
            skipping = ("personal notes" if _label(block.text) in _PERSONAL_NOTES
                        else "back matter (references, notes)")
            _leave_out_block(ledger, block, skipping)
            continue
        if skip_list and block.kind == "list":
            _leave_out_block(ledger, block, skip_list)
            skip_list = ""
            continue
        skip_list = ""
        if (block.kind == "heading" and _label(block.text) in _CAST_HEADINGS
                and at + 1 < len(blocks) and blocks[at + 1].kind == "list"):
            # a guide's cast list ("Femke de Groot – Lotte van Wijngaarden"): who plays whom
            _leave_out_block(ledger, block, "cast list")
            skip_list = "cast list"
            continue
        if block.kind == "heading" and (_label(block.text) in _DROPPED_HEADINGS
                                        or _link_list_label(block.text)):
            label = _label(block.text)
            reason = ("site furniture: related links" if _link_list_label(block.text)
                      else "table of contents" if label in _CONTENTS_HEADINGS
                      else "comment section" if label in ("comments", "leave a comment",
                                                          "leave a reply")
                      else _furniture_reason(block.text) or "site furniture: section label")
            _leave_out_block(ledger, block, reason)
            if _link_list_label(block.text) or label in _CONTENTS_HEADINGS:
                skip_list = reason
            continue
        kept.append(block)
    return kept


def _without_learned(blocks: tuple[SourceBlock, ...], ledger: Ledger) -> list[SourceBlock]:
    """The blocks less the lines (and whole blocks) an editor's corrections taught import
    to leave out; this show's own furniture, found before any general rule."""
    learned = ledger.learned
    if learned is None:
        return list(blocks)
    kept = []
    for block in blocks:
        whole = learned.leaves_out(block.text) if len(block.lines) > 1 else None
        if whole:
            _leave_out_block(ledger, block, whole)
            continue
        stay = []
        for index, line in enumerate(block.lines):
            cited = learned.leaves_out(line)
            if cited:
                ledger.leave_out(block.number(index), line, cited)
            else:
                stay.append(index)
        if len(stay) == len(block.lines):
            kept.append(block)
        elif stay:
            kept.append(dataclasses.replace(
                block, lines=tuple(block.lines[i] for i in stay),
                line=block.line + stay[0] if block.line else 0,
                numbers=tuple(block.number(i) for i in stay)))
    return kept


_SPONSOR_HEADINGS = phrases_of(SPONSOR_HEADINGS)
_SPONSOR_READ = re.compile(rf"^{alt(SPONSOR_READ_OPENS)}\b", re.IGNORECASE)


def _sponsor_label(block: SourceBlock) -> bool:
    """A sponsor section's heading: a heading, or a line of its own ("SPONSOR")."""
    text = block.text if block.kind == "heading" else (
        block.lines[0] if block.kind == "paragraph" and len(block.lines) == 1 else "")
    return bool(text) and _label(text) in _SPONSOR_HEADINGS


def _label_line(block: SourceBlock) -> bool:
    """A one-line paragraph that labels what follows: "Links mentioned:", "FOOTNOTES"."""
    line = block.lines[0] if block.kind == "paragraph" and len(block.lines) == 1 else ""
    return bool(line) and _words(line) <= 6 and (line.rstrip().endswith(":") or line.isupper())


def _without_sponsor_reads(blocks: list[SourceBlock], ledger: Ledger) -> list[SourceBlock]:
    """The blocks less a sponsor's section (its heading and what it heads, up to the next
    heading, rule or label line) and a paragraph that opens as a sponsor read ("This
    episode is supported by ...")."""
    kept: list[SourceBlock] = []
    in_sponsor = False
    for block in blocks:
        if _sponsor_label(block):
            in_sponsor = True
            _leave_out_block(ledger, block, "sponsor read")
            continue
        if in_sponsor and block.kind in ("paragraph", "list", "quote") and not _label_line(block):
            _leave_out_block(ledger, block, "sponsor read")
            continue
        in_sponsor = False
        if block.kind == "paragraph" and _SPONSOR_READ.match(block.text.strip()):
            _leave_out_block(ledger, block, "sponsor read")
            continue
        kept.append(block)
    return kept


# A podcast chapter mark: "[12:40] The vault", "1:09:10 - Outro & next week".
_CHAPTER_MARK = re.compile(r"^[\[(]?\d{1,2}:\d{2}(?::\d{2})?[\])]?\s*[—–\-|:]?\s*(?P<text>.*)$")
_CHAPTER_MARK_LABELS = {"chapters", "chapter markers", "chapter marks", "timestamps",
                        "time stamps", "in this episode", "episode chapters", "segments"}


def _chapter_marks(lines: tuple[str, ...] | list[str]) -> bool:
    """Three or more lines, each a time stamp and a few words, no sentence: a podcast's own
    chapter list, not the recap's chapters."""
    found = [_CHAPTER_MARK.match(x.strip()) for x in lines]
    return len(lines) >= 3 and all(
        m and 1 <= _words(m.group("text")) <= 8 and not _ENDS_SENTENCE.search(m.group("text"))
        for m in found)


def _without_chapter_marks(blocks: list[SourceBlock], ledger: Ledger) -> list[SourceBlock]:
    """The blocks less show notes' chapter marks ("[12:40] The vault" line under line) with
    their label ("Chapters")."""
    kept: list[SourceBlock] = []
    for block in blocks:
        lines = block.lines if block.kind in ("paragraph", "list") else ()
        labelled = bool(lines) and _label(lines[0]) in _CHAPTER_MARK_LABELS
        if not (lines and _chapter_marks(lines[1:] if labelled else lines)):
            kept.append(block)
            continue
        if not labelled and kept and _label(kept[-1].text) in _CHAPTER_MARK_LABELS:
            _leave_out_block(ledger, kept.pop(), "chapter marks (the podcast's own)")
        _leave_out_block(ledger, block, "chapter marks (the podcast's own)")
    return kept
