"""Pronunciations: the show's ``lexicon.toml``, a script's overrides and inline ``{word|says}``.

A pronunciation is a respelling (``KILL-grave``, read by any engine) or IPA phonemes between
slashes (``/ˈkɪlɡɹeɪv/``, handed to Piper as ``[[ ... ]]``; other engines say the word).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from recapcast.errors import ConfigError

__all__ = [
    "LEXICON_NAME", "read_lexicon", "entry_problem", "spoken", "display_text", "substitute",
    "INLINE",
]

LEXICON_NAME = "lexicon.toml"
INLINE = re.compile(r"\{(?P<word>[^{}|\n]*)\|(?P<says>[^{}|\n]*)\}(?P<pos>['’]s(?!\w))?")
"""Inline pronunciation in a script: ``{Kilgrave|KILL-grave}`` or ``{Kilgrave|/ˈkɪlɡɹeɪv/}``."""
_WORD = re.compile(r"^[^\W\d_][\w'’.-]*(?: [^\W\d_][\w'’.-]*)*$")


def entry_problem(word: str, says: str) -> str | None:
    """Why ``word -> says`` is not a usable pronunciation, or None."""
    if not _WORD.match(word):
        return f"{word!r} is not a word (letters, then letters, digits, ' . or -)"
    if not says.strip():
        return f"{word!r} has an empty pronunciation"
    if says.startswith("/") != (says.endswith("/") and len(says) > 1):
        return f"{word!r}: phonemes must be written between two slashes, like /ˈkɪlɡɹeɪv/"
    if says.startswith("/") and not says.strip("/ "):
        return f"{word!r} has empty phonemes"
    if any(c in says for c in "[]{}|"):
        return f"{word!r}: a pronunciation cannot hold [ ] {{ }} or |"
    return None


def _line_of(text: str, word: str) -> int:
    pattern = re.compile(r'^\s*"?' + re.escape(word) + r'"?\s*=')
    for number, line in enumerate(text.splitlines(), start=1):
        if pattern.match(line):
            return number
    return 1


def read_lexicon(path: Path) -> tuple[tuple[str, str], ...]:
    """Read a lexicon file (``word = "respelling"`` lines); a missing file is an empty lexicon."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return ()
    except UnicodeDecodeError:
        raise ConfigError(f"{path.name}: not UTF-8", "save the file as UTF-8") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path.name} is not valid TOML: {exc}",
                          'write one entry a line: Kilgrave = "KILL-grave"') from None
    entries = []
    for word, says in data.items():
        problem = (entry_problem(word, says) if isinstance(says, str)
                   else f"{word!r} must map to a string")
        if problem:
            raise ConfigError(f"{path.name}:{_line_of(text, word)}: {problem}",
                              'write one entry a line: Kilgrave = "KILL-grave"')
        entries.append((word, says.strip()))
    return tuple(entries)


def spoken(says: str, phonemes: bool, word: str, possessive: str = "") -> str:
    """What an engine is given for a pronunciation."""
    if says.startswith("/"):
        if not phonemes:
            return word + possessive
        ipa = says.strip("/ ")
        return f"[[ {ipa}{'z' if possessive else ''} ]]"
    # Capitals mark stress for the person reading the script; a voice would spell them out.
    return says.lower() + possessive


def display_text(text: str) -> str:
    """Written text with inline pronunciations reduced to their words."""
    return INLINE.sub(lambda m: m.group("word") + (m.group("pos") or ""), text)


@lru_cache(maxsize=64)
def _pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    ordered = sorted(words, key=len, reverse=True)
    alternatives = "|".join(re.escape(w) for w in ordered)
    return re.compile(r"(?<![\w'’-])(?P<word>" + alternatives + r")(?P<pos>['’]s)?(?![\w-])")


def substitute(text: str, entries: Iterable[tuple[str, str]], phonemes: bool,
               protect) -> str:
    """Replace inline pronunciations and lexicon words; ``protect(spoken)`` returns a token."""
    text = INLINE.sub(lambda m: protect(spoken(m.group("says").strip(), phonemes,
                                               m.group("word"), m.group("pos") or "")), text)
    lexicon = dict(entries)
    if not lexicon:
        return text
    return _pattern(tuple(lexicon)).sub(
        lambda m: protect(spoken(lexicon[m.group("word")], phonemes, m.group("word"),
                                 m.group("pos") or "")), text)
