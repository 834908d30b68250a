"""A recap as its format marks it up, before import recognises what each block is."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

__all__ = ["Outside", "RecapSource", "Rewritten", "SourceBlock", "numbered_lines"]


@dataclass(frozen=True)
class SourceBlock:
    """One block of a recap: a heading, paragraph, block quote, list or rule."""

    kind: str
    """``heading``, ``paragraph``, ``quote``, ``list`` or ``rule``."""
    lines: tuple[str, ...] = ()
    """The block's text lines (a paragraph's line breaks, a quote's lines, a list's items)."""
    line: int = 0
    """The first line of the block in the recap file (0 when the format has no lines)."""
    level: int = 0
    """A heading's level (1 for the page title); 0 for other blocks."""
    ordered: bool = False
    """A numbered list."""
    first: int = 1
    """The number a numbered list starts at ("3." when a recap numbers its sections)."""
    italic: bool = False
    """The whole paragraph is in italics (a transcript's stage direction, a dek, an aside)."""
    bold: bool = False
    """The whole paragraph is bold, as sites set a sub-heading they did not mark as one."""
    table: bool = False
    """A table, its rows read as sentences ("Nkechi, score 9, carried the hour.")."""
    numbers: tuple[int, ...] = ()
    """Each line's number, for the account of what import kept and left out: the recap
    file's line (a Markdown list item's first line), or for a web page the line of the
    extracted article. Empty: ``line`` and the lines after it."""

    def number(self, index: int) -> int:
        """The number of line ``index`` (see ``numbers``), 0 when the format has none."""
        if index < len(self.numbers):
            return self.numbers[index]
        return self.line + index if self.line else 0

    @property
    def text(self) -> str:
        """The block's lines joined with spaces."""
        return " ".join(line for line in self.lines if line)


@dataclass(frozen=True)
class Outside:
    """A line the format reader took out before import reads the blocks: an e-mail's
    headers, another person's chat message, front matter, an image."""

    line: int
    text: str
    reason: str
    """Why it is not in the script, or (``kept``) what it became ("metadata: front matter")."""
    kept: bool = False


@dataclass(frozen=True)
class Rewritten:
    """A recap's text as a reader rewrote it (a chat's or an e-mail's recap alone), with the
    file's line of each of its lines and the lines it took out."""

    text: str
    lines: tuple[int, ...]
    """The file's line number of each line of ``text`` (0 for a blank it added)."""
    outside: tuple[Outside, ...] = ()

    def original(self, number: int) -> int:
        """The file's line of line ``number`` (1-based) of ``text``."""
        return self.lines[number - 1] if 0 < number <= len(self.lines) else number


@dataclass(frozen=True)
class RecapSource:
    """A recap read from a text, Markdown or HTML file, or a web page."""

    blocks: tuple[SourceBlock, ...]
    titles: tuple[str, ...] = ()
    """Title lines the page gives outside its text (its h1, og:title), best first."""
    author: str = ""
    site: str = ""
    """The site's name, cut from the end of title lines."""
    summary: str = ""
    """The page's own description."""
    show: str = ""
    """The show the page's own metadata names (a post's front matter), "" when none."""
    season: int | None = None
    """The season the page's own metadata gives, for when its title line does not."""
    episode: int | None = None
    """The episode the page's own metadata gives, for when its title line does not."""
    outside: tuple[Outside, ...] = ()
    """Lines the format reader took out before the blocks, each with its reason."""
    removed: int | None = None
    """For a web page: the lines of text the main-content extractor left behind (menus,
    ads, footers), counted, not listed; None for a text or Markdown recap."""


def numbered_lines(blocks: tuple[SourceBlock, ...] | list[SourceBlock]
                   ) -> tuple[SourceBlock, ...]:
    """The blocks with each line numbered as a line of the text read out of a page or a
    document (1, 2, ...), so import's account names lines a user can count; ``line`` stays
    as it was (0: the format has no lines of its own)."""
    numbered, at = [], 1
    for block in blocks:
        count = max(len(block.lines), 1)
        numbered.append(dataclasses.replace(block, numbers=tuple(range(at, at + count))))
        at += count
    return tuple(numbered)
