"""A page a writing editor exported ("Download as web page" in Google Docs): the draft's
own furniture taken out before the article is read.

Every such export has the same fixed shape, whatever the document says: the page header and
footer are ``div``s directly in the body, around the text; a comment is a ``[a]`` anchor in
the sentence (``<a id="cmnt_ref1" href="#cmnt1">``) and its text at the end, in a ``div``
that opens with the anchor back (``<a id="cmnt1" href="#cmnt_ref1">``); a suggested deletion
is text in a class whose style strikes it through; and the document's title and subtitle
styles are ``p.title`` and ``p.subtitle``. None of the furniture is the writer's story: the
header and footer hold draft notes and page numbers, the comments an editor's remarks.
"""

from __future__ import annotations

import re

__all__ = ["is_editor_export", "without_editor_furniture"]

# The comment anchors in the text and the comment texts' anchors back, as every export
# names them; the body's class of a Google Docs export.
_COMMENT_ANCHOR = re.compile(r"<sup>\s*<a\b[^>]*\bid=\"cmnt_ref\d+\"[^>]*>[^<]*</a>\s*</sup>"
                             r"|<a\b[^>]*\bid=\"cmnt_ref\d+\"[^>]*>[^<]*</a>", re.IGNORECASE)
_EXPORT_BODY = re.compile(r"<body\b[^>]*\bclass=\"[^\"]*\bdoc-content\b", re.IGNORECASE)
_BODY = re.compile(r"(<body\b[^>]*>)(.*)(</body\s*>)", re.IGNORECASE | re.DOTALL)
# A div directly in the body holding no other div: a header, a footer or a comment's text.
# A footnote's div (``id="ftnt1"``) is the writer's and stays.
_TOP_DIV = re.compile(r"<div\b[^>]*>(?:(?!<div\b|</div>).)*</div>", re.IGNORECASE | re.DOTALL)
_FOOTNOTE = re.compile(r"\bid=\"ftnt\d+\"", re.IGNORECASE)
_STYLE = re.compile(r"<style\b[^>]*>(.*?)</style>", re.IGNORECASE | re.DOTALL)
_CLASS_RULE = re.compile(r"\.([\w-]+)\s*\{([^}]*)\}")
_SUBTITLE = re.compile(r"<p\b[^>]*\bclass=\"[^\"]*\bsubtitle\b[^\"]*\"[^>]*>.*?</p>",
                       re.IGNORECASE | re.DOTALL)
_TITLE = re.compile(r"<p\b([^>]*\bclass=\"[^\"]*\btitle\b[^\"]*\"[^>]*)>(.*?)</p>",
                    re.IGNORECASE | re.DOTALL)


def is_editor_export(page: str) -> bool:
    """Whether ``page`` is a writing editor's web-page export of a document."""
    return bool(_EXPORT_BODY.search(page) or _COMMENT_ANCHOR.search(page))


def _struck_classes(page: str) -> set[str]:
    """The classes whose style strikes text through: a suggested deletion."""
    struck = set()
    for style in _STYLE.findall(page):
        for name, rules in _CLASS_RULE.findall(style):
            if re.search(r"text-decoration\s*:\s*[^;]*line-through", rules):
                struck.add(name)
    return struck


def without_editor_furniture(page: str) -> tuple[str, str]:
    """``page`` without its export's header, footer, comments and suggested deletions, its
    title style made the page's ``h1``; and the subtitle's text ("" when none), which is a
    line about the document (a byline, a word count), never the story."""
    if not is_editor_export(page):
        return page, ""
    struck = _struck_classes(page)
    body = _BODY.search(page)
    if not body:
        return page, ""
    inner = _COMMENT_ANCHOR.sub("", body.group(2))
    inner = _TOP_DIV.sub(lambda m: m.group(0) if _FOOTNOTE.search(m.group(0)) else "", inner)
    if struck:
        names = "|".join(re.escape(x) for x in sorted(struck))
        inner = re.sub(rf"<span\b[^>]*\bclass=\"(?:[^\"]*\s)?(?:{names})(?:\s[^\"]*)?\"[^>]*>"
                       r"[^<]*</span>", "", inner, flags=re.IGNORECASE)
    subtitle = _SUBTITLE.search(inner)
    subtitle_text = " ".join(re.sub(r"<[^>]+>", " ", subtitle.group(0)).split()) if subtitle \
        else ""
    inner = _SUBTITLE.sub("", inner)
    inner = _TITLE.sub(lambda m: f"<h1>{m.group(2)}</h1>", inner, count=1)
    return page[:body.start(2)] + inner + page[body.end(2):], subtitle_text
