"""A wiki's episode page copied as text: the plot less the wiki's chrome.

Copying a MediaWiki page (a fan wiki's, an encyclopedia's) as text keeps what the page
shows around the article: the site's menus, the infobox as tab-separated lines, the
contents list, and "[edit | edit source]" glued to each section heading. Those edit links
are the wiki's own fixed words, so a text with two or more of them is read this way: the
lines above the lead paragraph are the page's chrome (an epigraph quote among them is
kept), the contents list goes, and each heading with its edit link becomes a heading, at
the depth the contents list numbers it ("2.1 The regency council").
"""

from __future__ import annotations

import re

from recapcast.text.source import Outside, Rewritten
from recapcast.text.titles import wiki_show

__all__ = ["read_wiki_paste"]

# The edit link after a section heading, per language: "[edit | edit source]", "[modifier |
# modifier le wikicode]", "[Bearbeiten | Quelltext bearbeiten]", "[editar | editar código-fonte]".
EDIT_WORDS = {
    "en": ("edit",), "fr": ("modifier",), "de": ("bearbeiten",), "es": ("editar",),
    "it": ("modifica",), "pt": ("editar",), "nl": ("bewerken",),
}
_EDIT_LINK = re.compile(
    r"^(?P<heading>\S.{0,120}?)\s*\[(?:"
    + "|".join(sorted({w for ws in EDIT_WORDS.values() for w in ws}))
    + r")(?:\s*\|[^\]]{1,40})?\]\s*$", re.IGNORECASE)
_CONTENTS_ITEM = re.compile(r"^(?P<number>\d+(?:\.\d+)*)\s+(?P<name>\S.*)$")
_EPIGRAPH_SIGNED = re.compile(r"^\s*[—–-]\s*\S.{0,60}$")
_QUOTED_LINE = re.compile(r"^\s*[\"“„«].{10,}[\"”“»]\s*$")
_LEAD_NAME = re.compile(r"^[\"“„«'‘](?P<title>[^\"”“»’]{1,80})[\"”“»'’]\s+\S")
_MIN_LEAD_WORDS = 12


def read_wiki_paste(text: str) -> Rewritten | None:
    """The article of a wiki page copied as text, as Markdown, with its chrome left out;
    None when ``text`` has fewer than two headings with the wiki's edit link."""
    lines = text.splitlines()
    edits = [i for i, line in enumerate(lines) if _EDIT_LINK.match(line.strip())]
    if len(edits) < 2:
        return None
    lead = next((i for i, line in enumerate(lines[:edits[0]])
                 if len(line.split()) >= _MIN_LEAD_WORDS and not _QUOTED_LINE.match(line)
                 and "\t" not in line), None)
    start = lead if lead is not None else edits[0]
    depths = _contents_depths(lines[start:edits[0]])
    outside: list[Outside] = []
    out: list[tuple[int, str]] = []
    show = next((s for line in lines[:start] for s in [wiki_show(line)] if s), None)
    if show:
        out += [(0, "---"), (0, f"show: {show}"), (0, "---"), (0, "")]
    if lead is not None:
        named = _LEAD_NAME.match(lines[lead].strip())
        if named:
            out += [(0, f"# {named.group('title')}"), (0, "")]
    for index, line in enumerate(lines[:start]):
        after = lines[index + 1] if index + 1 < len(lines) else ""
        if _QUOTED_LINE.match(line) and _EPIGRAPH_SIGNED.match(after):
            out += [(index + 1, f"> {line.strip()}"), (index + 2, f"> {after.strip()}"),
                    (0, "")]
        elif line.strip() and not (out and out[-2:-1] and out[-2][0] == index + 1):
            outside.append(Outside(index + 1, line.strip(), "site chrome (a wiki's menus and "
                                   "infobox)"))
    for index, line in enumerate(lines[start:], start=start):
        heading = _EDIT_LINK.match(line.strip())
        if index < edits[0] and index != lead and _CONTENTS_ITEM.match(line.strip()) or (
                index < edits[0] and line.strip() in _CONTENTS_LABELS):
            outside.append(Outside(index + 1, line.strip(), "table of contents"))
        elif heading:
            name = heading.group("heading").strip()
            out += [(0, ""), (index + 1, "#" * depths.get(name.casefold(), 2) + " " + name),
                    (0, "")]
        else:
            out += [(index + 1, line), (0, "")] if line.strip() else []
    return Rewritten("\n".join(x for _, x in out), tuple(n for n, _ in out), tuple(outside))


_CONTENTS_LABELS = {"Contents", "Table of contents", "Sommaire", "Inhaltsverzeichnis",
                    "Índice", "Indice", "Inhoud", "Conteúdo"}


def _contents_depths(lines: list[str]) -> dict[str, int]:
    """Each section's heading depth as the contents list numbers it ("2.1" -> 3)."""
    depths = {}
    for line in lines:
        item = _CONTENTS_ITEM.match(line.strip())
        if item:
            depths[item.group("name").strip().casefold()] = 2 + item.group("number").count(".")
    return depths
