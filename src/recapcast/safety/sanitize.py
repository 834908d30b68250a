"""Removes characters that break speech engines, XML and ID3 from any text."""

from __future__ import annotations

import re
import unicodedata

__all__ = ["clean_text"]

# C0/C1 controls except tab and newline, lone surrogates, and the noncharacters
# U+FFFE/U+FFFF: piper raises on NUL, and XML 1.0 cannot carry any of these.
_UNSAFE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def clean_text(text: str) -> str:
    """NFC-normalise ``text``, turn CR/CRLF into LF and drop unsafe characters."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _UNSAFE.sub("", text)
    return unicodedata.normalize("NFC", text)
