"""Turns a recap pasted from the web (HTML, Markdown, entities, emoji) into plain text."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

__all__ = ["looks_like_html", "html_to_text", "markdown_to_text", "without_emoji", "plain_text"]

_HTML_TAG = re.compile(
    r"</?(?:p|br|div|span|b|i|u|em|strong|a|h[1-6]|blockquote|li|ul|ol|img|table|tr|td|"
    r"script|style|html|body|head|article|section|figure|figcaption|hr|sup|sub|small)\b[^>]*>",
    re.IGNORECASE,
)
_BLOCK_TAGS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "li", "ul", "ol",
               "tr", "table", "article", "section", "figure", "figcaption", "hr", "header",
               "footer", "pre"}
_DROPPED_TAGS = {"script", "style", "head", "title", "noscript", "template"}

# Pictographs, dingbats, flags, keycaps, skin tones, joiners and variation selectors:
# a voice reads them by name ("pouting face"), which no listener wants.
# Not ★ and ☆ (U+2605, U+2606): a star rating is words the voice says.
_EMOJI = re.compile(
    "[\U0001F000-\U0001FAFF\U0001F1E6-\U0001F1FF\u2600-\u2604\u2607-\u27BF\u2B00-\u2BFF"
    "\u231A\u231B"
    "\u23E9-\u23FA\u200D\uFE0E\uFE0F\u20E3\U000E0020-\U000E007F]"
)

_MD_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_MD_LINK = re.compile(r"\[([^\]]+)\]\((?:[^()\s]|\([^)]*\))*(?:\s+\"[^\"]*\")?\)")
_MD_REF_LINK = re.compile(r"\[([^\]]+)\]\[[^\]]*\]")
_MD_REF_DEF = re.compile(r"^[ \t]{0,3}\[[^\]]+\]:[ \t]+\S+.*$", re.MULTILINE)
_MD_AUTOLINK = re.compile(r"<(?:https?|mailto):[^>\s]+>")
_MD_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+(.*?)[ \t]*#*[ \t]*$", re.MULTILINE)
_MD_SETEXT = re.compile(r"^[ \t]{0,3}(?:=+|-{2,})[ \t]*$", re.MULTILINE)
_MD_RULE = re.compile(r"^[ \t]{0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$",
                      re.MULTILINE)
_MD_QUOTE = re.compile(r"^[ \t]{0,3}(?:>[ \t]?)+", re.MULTILINE)
_MD_BULLET = re.compile(r"^[ \t]*(?:[-*+]|\d{1,3}[.)])[ \t]+", re.MULTILINE)
_MD_FENCE = re.compile(r"^[ \t]*(?:```|~~~).*$", re.MULTILINE)
_MD_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_MD_EM_STAR = re.compile(r"(?<![\w*])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![\w*])")
_MD_EM_UNDER = re.compile(r"(?<![\w_])_(?=[^\s_])(.+?)(?<=[^\s_])_(?![\w_])")
_MD_STRIKE = re.compile(r"~~(?=\S)(.+?)(?<=\S)~~")
_MD_CODE = re.compile(r"`+([^`]+)`+")
_SPACES = re.compile(r"[ \t\u00a0]+")


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._dropping = 0

    def handle_starttag(self, tag, attrs):
        if tag in _DROPPED_TAGS:
            self._dropping += 1
        elif tag == "br":
            self.parts.append("\n")
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_startendtag(self, tag, attrs):
        if tag == "br":
            self.parts.append("\n")
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag):
        if tag in _DROPPED_TAGS:
            self._dropping = max(0, self._dropping - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_data(self, data):
        if not self._dropping:
            # Inside HTML, line breaks in the source are just spaces.
            self.parts.append(re.sub(r"\s*\n\s*", " ", data))


def looks_like_html(text: str) -> bool:
    """True when ``text`` holds HTML tags a page copy would carry."""
    return bool(_HTML_TAG.search(text))


def html_to_text(text: str) -> str:
    """Drop tags (block tags become paragraph breaks), scripts and styles; decode entities."""
    parser = _TextParser()
    parser.feed(text)
    parser.close()
    return "".join(parser.parts)


def markdown_to_text(text: str) -> str:
    """Keep the words of Markdown and drop its marks: emphasis, links, images, lists, rules."""
    text = _MD_FENCE.sub("", text)
    text = _MD_REF_DEF.sub("", text)
    text = _MD_IMAGE.sub("", text)
    text = _MD_LINK.sub(r"\1", text)
    text = _MD_REF_LINK.sub(r"\1", text)
    text = _MD_AUTOLINK.sub("", text)
    text = _MD_RULE.sub("", text)
    text = _MD_HEADING.sub(r"\1", text)
    text = _MD_SETEXT.sub("", text)
    text = _MD_QUOTE.sub("", text)
    text = _MD_BULLET.sub("", text)
    text = _MD_CODE.sub(r"\1", text)
    for pattern in (_MD_STRONG, _MD_STRIKE):
        text = pattern.sub(r"\2" if pattern is _MD_STRONG else r"\1", text)
    text = _MD_EM_STAR.sub(r"\1", text)
    return _MD_EM_UNDER.sub(r"\1", text)


def without_emoji(text: str) -> str:
    """``text`` with emoji and their joiners removed."""
    return _EMOJI.sub("", text)


def plain_text(text: str) -> str:
    """A pasted recap as plain text: HTML or Markdown marks gone, entities decoded, no emoji."""
    text = html_to_text(text) if looks_like_html(text) else html.unescape(text)
    text = without_emoji(markdown_to_text(text))
    # Line for line, so the blocks of a plain recap keep their line numbers.
    return "\n".join(_SPACES.sub(" ", line).strip() for line in text.splitlines()) + "\n"
