"""The header above the story: a paragraph of bylines, dates and read times (with the
show's name, a rating or the writer's bare name beside them) is left out and its author
kept, as are furniture lines at the top of the first paragraph."""

from __future__ import annotations

import dataclasses

from recapcast.text.ledger import Ledger
from recapcast.text.recognise.blocks import _from_line, _numbered
from recapcast.text.recognise.patterns import _CLOCK_HEADING, _words
from recapcast.text.recognise.rules import (
    _ENDS_SENTENCE,
    _furniture_line,
    _furniture_reason,
    _header_line,
    _link_list_label,
    _meta_line,
    _meta_reason,
    _without_spoiler_warning,
)
from recapcast.text.recognise.speakers import _is_name
from recapcast.text.source import SourceBlock


def _meta_lines(block: SourceBlock) -> list[tuple[bool, str]]:
    """Per line: whether it is publication metadata (a spoiler warning among the byline's
    lines counts), and the author it names."""
    return [(True, "") if _furniture_line(line) or not _without_spoiler_warning(line)
            else _meta_line(line) for line in block.lines]


def _front_reason(line: str) -> str:
    """Why a line of an article's header above the recap is left out."""
    reason = _furniture_reason(line)
    if reason:
        return reason
    if not _without_spoiler_warning(line):
        return "spoiler warning"
    reason, _ = _meta_reason(line)
    if reason:
        return reason
    return "byline" if _is_name(line) else "article header (kicker, rating, show name)"


def _front_matter(blocks: list[SourceBlock], ledger: Ledger) -> tuple[list[SourceBlock], str]:
    """The blocks without the bylines, dates and read times above the recap, and the author.

    Only a paragraph made wholly of such lines goes, so a wrapped line of narration that
    happens to start "By Monday, ..." stays.
    """
    author = ""
    kept: list[SourceBlock] = []
    in_front = True
    clocks = [b for b in blocks if b.kind == "paragraph" and len(b.lines) == 1
              and _CLOCK_HEADING.match(b.lines[0])]
    for index, block in enumerate(blocks):
        if in_front and len(clocks) >= 2 and block is clocks[0]:
            in_front = False  # a live-watch recap's first "8:58 PM" heading, not a date
        if in_front and block.kind == "paragraph":
            found = _meta_lines(block)
            metas = sum(is_meta for is_meta, _ in found)
            if metas >= 2 or (metas == 1 and len(found) == 2 and any(
                    not is_meta and _is_name(line) for line, (is_meta, _) in
                    zip(block.lines, found, strict=True))):
                # An article's header around its byline and date: the show's name again
                # ("The Harrow House"), a rating, the writer's bare name (the author only
                # when no "By" line names one).
                bylined = any(name for _, name in found)
                found = [(True, line if _is_name(line) and not bylined else "")
                         if not is_meta and _header_line(line) else (is_meta, name)
                         for line, (is_meta, name) in zip(block.lines, found, strict=True)]
            if found and all(is_meta for is_meta, _ in found):
                author = author or next((name for _, name in found if name), "")
                for at, line in _numbered(block):
                    ledger.leave_out(at, line, _front_reason(line))
                continue
            if len(found) >= 2 and found[0][0] and not kept and all(
                    _words(x) <= 15 and not _ENDS_SENTENCE.search(x) for x in block.lines[1:]):
                # "Issue #112 · Sunday, April 11" above a newsletter's tagline
                for at, line in _numbered(block):
                    ledger.leave_out(at, line, _front_reason(line))
                continue
            lead = next(i for i, (is_meta, _) in enumerate(found) if is_meta) if any(
                is_meta for is_meta, _ in found) else len(found)
            if lead and len(found) - lead >= 2 and all(m for m, _ in found[lead:]):
                # A dek above the byline and dates: the dek stays, the rest goes.
                author = author or next((name for _, name in found if name), "")
                for at, line in _numbered(block)[lead:]:
                    ledger.leave_out(at, line, _front_reason(line))
                block = dataclasses.replace(block, lines=block.lines[:lead],
                                            numbers=tuple(block.number(i) for i in range(lead)))
            # a standfirst (one line under the title, "Here's what happened") may stand
            # above the byline block; narration may not
            following = blocks[index + 1] if index + 1 < len(blocks) else None
            in_front = not any(_words(x) > 12 for x in block.lines) or (
                not kept and len(block.lines) == 1 and _words(block.lines[0]) <= 30
                and following is not None and following.kind == "paragraph"
                and sum(m for m, _ in _meta_lines(following)) >= 2)
        elif block.kind != "heading":
            in_front = False
        if (not in_front and block.kind == "paragraph" and index and blocks[index - 1].kind
                == "heading" and (found := _meta_lines(block)) and all(m for m, _ in found)
                and any(name for _, name in found)):
            # a section's own byline under its heading ("Uitgebreide recap" / "Door Sanne
            # Brouwer · bijgewerkt 13 november 2026"), below a summary of the page's
            author = author or next(name for _, name in found if name)
            for at, line in _numbered(block):
                ledger.leave_out(at, line, _front_reason(line))
            continue
        kept.append(block)
    return kept, author


def _without_leading_furniture(blocks: list[SourceBlock], ledger: Ledger
                               ) -> list[SourceBlock]:
    """The blocks without furniture lines at the top of the first ("Episode Discussion"
    flair under a forum post's title)."""
    if not blocks or blocks[0].kind != "paragraph":
        return blocks
    first = blocks[0]
    skipped = 0
    while (skipped < len(first.lines) and _furniture_line(first.lines[skipped])
           and not _link_list_label(first.lines[skipped])):
        ledger.leave_out(first.number(skipped), first.lines[skipped],
                         _furniture_reason(first.lines[skipped]) or "site furniture")
        skipped += 1
    if not skipped:
        return blocks
    rest = _from_line(first, skipped)
    return ([rest] if rest.lines else []) + blocks[1:]
