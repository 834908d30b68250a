"""Markup, emoji and other scripts: what is written but never said."""

from __future__ import annotations

import html
import re

from recapcast.text.speech.reader import Reader

__all__ = ["markup", "emoji", "other_script", "PLACEHOLDER"]

_TAG = re.compile(r"<\s*(?P<close>/)?\s*(?P<name>[a-zA-Z][\w-]*)[^<>]*>|<!--.*?-->", re.DOTALL)
_BLOCK_TAGS = {"br", "p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "tr", "td"}
_MD_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_MD_LINK = re.compile(r"\[(?P<text>[^\]]+)\]\((?:[^)\s]+)(?:\s+\"[^\"]*\")?\)")
_MD_EMPHASIS = re.compile(r"(\*\*|__|\*|_|~~|`)(?=\S)(?P<text>.+?)(?<=\S)\1(?!\w)")
_EMOJI = re.compile("[\U0001f000-\U0001faff\u2600-\u27bf\u2b00-\u2bff\ufe0f\u200d\u20e3"
                    "\U000e0020-\U000e007f\u2300-\u23ff]")
PLACEHOLDER = re.compile("[\ue100-\ue8ff]")
"""Private-use characters: they mean nothing to a voice, and mark protected tokens."""
_LATIN_SCRIPT = {"en", "es", "fr", "de", "it", "pt", "nl"}
_OTHER_SCRIPT = re.compile(r"\(?[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uff00-\uffef]+\)?")


def markup(text: str) -> str:
    """HTML tags and entities, Markdown images, links and emphasis: their words only."""
    text = _TAG.sub(lambda m: " " if (m.group("name") or "").lower() in _BLOCK_TAGS else "",
                    text)
    text = html.unescape(text)
    text = _MD_IMAGE.sub("", text)
    text = _MD_LINK.sub(lambda m: m.group("text"), text)
    for _ in range(2):
        text = _MD_EMPHASIS.sub(lambda m: m.group("text"), text)
    return text


def emoji(r: Reader, text: str) -> str:
    return _EMOJI.sub(" ", text)


def other_script(r: Reader, text: str) -> str:
    """"Skyforge Academy (空鍛学園)": a voice of a Latin-script language cannot say it."""
    if r.w.language in _LATIN_SCRIPT:
        text = _OTHER_SCRIPT.sub(" ", text)
    return text
