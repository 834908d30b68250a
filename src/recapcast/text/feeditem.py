"""A blog post saved as its feed's item (an RSS ``<item>``): the post as a page.

A feed item wraps the post's HTML in XML: the title, the author (``dc:creator``), a teaser
(``description``) and the post itself in ``content:encoded``, entity-escaped or in CDATA.
Read as a page, the wrapper's fields would be text; instead the post is set in a page of
its own, with its title as the heading and the teaser as the page's description.
"""

from __future__ import annotations

import html
import re

__all__ = ["feed_item_page"]

_ITEM = re.compile(r"^\s*(?:<\?xml[^>]*>\s*)?(?:<rss\b[^>]*>\s*<channel>.*?)?<item\b",
                   re.DOTALL | re.IGNORECASE)
_CDATA = re.compile(r"^\s*<!\[CDATA\[(.*)\]\]>\s*$", re.DOTALL)


def _field(item: str, name: str) -> str:
    found = re.search(rf"<{name}\b[^>]*>(.*?)</{name}>", item, re.DOTALL | re.IGNORECASE)
    if not found:
        return ""
    inner = found.group(1)
    cdata = _CDATA.match(inner)
    return cdata.group(1) if cdata else html.unescape(inner)


def feed_item_page(text: str) -> str | None:
    """The post of a feed's first item as an HTML page, or None when ``text`` is not a
    feed item with the post's content."""
    if not _ITEM.match(text):
        return None
    item = text[text.lower().find("<item"):]
    content = _field(item, "content:encoded")
    if not content.strip():
        return None
    title = html.unescape(_field(item, "title")).strip()
    author = html.unescape(_field(item, "dc:creator") or _field(item, "author")).strip()
    teaser = html.unescape(re.sub(r"<[^>]+>", " ", _field(item, "description"))).strip()
    return (f"<html><head><title>{html.escape(title)}</title>"
            f'<meta name="author" content="{html.escape(author)}">'
            f'<meta name="description" content="{html.escape(teaser)}">'
            f"</head><body><article><h1>{html.escape(title)}</h1>{content}</article>"
            "</body></html>")
