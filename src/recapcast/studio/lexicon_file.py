"""Keeps one pronunciation in the show's ``lexicon.toml``, leaving every other line as it was."""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path

from recapcast.errors import ConfigError
from recapcast.safety.atomic import write_text

__all__ = ["set_entry"]


def _entry_line(word: str, says: str) -> str:
    # A bare key only for plain words; a TOML basic string reads JSON's escapes the same.
    key = word if re.fullmatch(r"[A-Za-z0-9_-]+", word) else json.dumps(word, ensure_ascii=False)
    return f"{key} = {json.dumps(says, ensure_ascii=False)}"


def set_entry(path: Path, word: str, says: str) -> None:
    """Set ``word = "says"`` in the lexicon at ``path`` (made if missing), replacing the
    word's line if it has one, and write it atomically; the file must read back as a
    lexicon with the entry in it, or nothing is written."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        text = ""
    lines = text.splitlines()
    current = tomllib.loads(text) if text else {}
    line = _entry_line(word, says)
    if word in current:
        key = re.compile(r'^\s*(?:' + re.escape(word) + r'|"' + re.escape(word) + r'")\s*=')
        at = next((i for i, old in enumerate(lines) if key.match(old)), None)
        if at is None:
            raise ConfigError(f"{path.name}: cannot find the line of {word!r} to change it",
                              "edit lexicon.toml by hand")
        lines[at] = line
    else:
        lines.append(line)
    new = "\n".join(lines) + "\n"
    if dict(tomllib.loads(new)).get(word) != says:
        raise ConfigError(f"{path.name}: {word!r} could not be written", "edit it by hand")
    write_text(path, new)
