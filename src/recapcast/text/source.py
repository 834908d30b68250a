"""A recap as its format marks it up, before import recognises what each block is."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["SourceBlock", "RecapSource"]


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

    @property
    def text(self) -> str:
        """The block's lines joined with spaces."""
        return " ".join(line for line in self.lines if line)


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
