"""Small operations on source blocks that keep each line's number for the account."""

from __future__ import annotations

import dataclasses

from recapcast.text.ledger import Ledger
from recapcast.text.source import SourceBlock


def _without_line(blocks: list[SourceBlock], index: int) -> list[SourceBlock]:
    """The blocks with line ``index`` of the first one taken out (and that block gone when
    nothing is left of it)."""
    first = blocks[0]
    rest = first.lines[:index] + first.lines[index + 1:]
    start = first.line + 1 if first.line and index == 0 else first.line
    numbers = tuple(first.number(i) for i in range(len(first.lines)) if i != index)
    return ([dataclasses.replace(first, lines=rest, line=start, numbers=numbers)]
            if rest else []) + blocks[1:]


def _from_line(block: SourceBlock, index: int) -> SourceBlock:
    """``block`` from its line ``index`` on (its first lines taken out)."""
    return dataclasses.replace(
        block, lines=block.lines[index:], line=block.line + index if block.line else 0,
        numbers=tuple(block.number(i) for i in range(index, len(block.lines))))


def _numbered(block: SourceBlock) -> list[tuple[int, str]]:
    """A block's lines, each with its number."""
    return [(block.number(i), line) for i, line in enumerate(block.lines)]


def _leave_out_block(ledger: Ledger, block: SourceBlock, reason: str) -> None:
    ledger.leave_out_lines(_numbered(block), reason)
