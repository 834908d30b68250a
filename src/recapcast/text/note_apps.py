"""The marks note apps (Obsidian, Notion) add to Markdown, read as their page shows them:
a wiki link is its text, an embed an image, a callout a box beside the text, a checklist
the writer's to-dos, a page's property lines its metadata."""

from __future__ import annotations

import re

__all__ = ["callout", "plain_wiki_links", "properties", "task", "QUOTE_CALLOUTS"]

# ![[picture.png|420]]: an embedded file, which the page shows as an image
_EMBED = re.compile(r"!\[\[([^\]\n]*)\]\]")
# [[Note]], [[folder/Note#Heading]], [[Note|shown text]]
_WIKI_LINK = re.compile(r"\[\[([^\]\|\n]*)(?:\|([^\]\n]*))?\]\]")


def _shown(found: re.Match) -> str:
    if found.group(2) and found.group(2).strip():
        return found.group(2).strip()
    target = found.group(1).split("#")[0].strip() or found.group(1).strip("# ")
    return target.rsplit("/", 1)[-1]


def plain_wiki_links(text: str) -> str:
    """``text`` with each wiki link as the words the page shows and each embed as a Markdown
    image (which import leaves out with its caption); line for line."""
    text = _EMBED.sub(lambda m: "![](embed)", text)
    return _WIKI_LINK.sub(_shown, text)


# "> [!note] Context", "> [!warning]- Spoilers": an Obsidian (or GitHub) callout's first line
_CALLOUT = re.compile(r"^\[!(?P<kind>[\w-]+)\][+-]?\s*(?P<title>.*)$")
QUOTE_CALLOUTS = ("quote", "cite")
"""Callouts that hold a quotation: read as a quote, not left out as a note."""


def callout(first_line: str) -> tuple[str, str] | None:
    """(kind, title) of a block quote's first line when it opens a callout, else None."""
    found = _CALLOUT.match(first_line.strip())
    return (found.group("kind").lower(), found.group("title").strip()) if found else None


# "[ ] Send to copy edit", "[x] Add stills": an item of a checklist
_TASK = re.compile(r"^\[[ xX]\]\s")


def task(item: str) -> bool:
    """Whether a list item's text is a checklist item."""
    return bool(_TASK.match(item))


# "Status: Published", "Last edited: March 15, 2027 11:47 AM": a property and its value
_PROPERTY = re.compile(r"^[A-Z][\w'’&/\-]*(?: [\w'’&/\-]+){0,2}:\s+\S.{0,120}$")


def properties(lines: tuple[str, ...]) -> dict[str, str] | None:
    """The properties a paragraph of ``Name: value`` lines sets (three or more lines, each
    a short property), keyed by the name in lower case, else None."""
    if len(lines) < 3 or not all(_PROPERTY.match(x) and len(x.split()) <= 16 for x in lines):
        return None
    return {name.strip().lower(): value.strip()
            for name, _, value in (x.partition(":") for x in lines)}
