"""Sets one text setting of ``[show]`` in the show's ``recapcast.toml``, leaving every other
line (comments included) as it was."""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path

from recapcast.errors import ConfigError
from recapcast.safety.atomic import write_text

__all__ = ["set_show_text"]

_TABLE = re.compile(r"^\s*\[\s*show\s*\]\s*(?:#.*)?$")
_ANY_TABLE = re.compile(r"^\s*\[")


def _comment(line: str, value: object) -> str:
    """The comment after a ``key = value`` line's value ("" if none): the first ``#`` up
    to which the line reads as that value (a ``#`` inside the string is not one)."""
    for at in (m.start() for m in re.finditer("#", line)):
        try:
            if next(iter(tomllib.loads(line[:at]).values())) == value:
                return "   " + line[at:]
        except (tomllib.TOMLDecodeError, StopIteration):
            continue
    return ""


def set_show_text(path: Path, key: str, value: str) -> None:
    """Set ``[show] key = "value"`` in the config at ``path``: the key's line is replaced
    (its comment kept), or the line is added at the end of ``[show]``. Written atomically,
    and only if the file then reads back as before but for that one value; otherwise
    ConfigError (a value written over several lines, a dotted ``show.key``)."""
    text = path.read_text(encoding="utf-8")
    before = tomllib.loads(text)
    lines = text.splitlines()
    start = next((i for i, line in enumerate(lines) if _TABLE.match(line)), None)
    if start is None:
        raise ConfigError(f"{path.name} has no [show] table line to add {key} to",
                          f"edit {path.name} by hand")
    end = next((i for i in range(start + 1, len(lines)) if _ANY_TABLE.match(lines[i])),
               len(lines))
    new_line = f"{key} = {json.dumps(value, ensure_ascii=False)}"
    own = re.compile(rf"^\s*{re.escape(key)}\s*=")
    at = next((i for i in range(start + 1, end) if own.match(lines[i])), None)
    if at is not None:
        lines[at] = new_line + _comment(lines[at], before.get("show", {}).get(key))
    else:
        last = end
        while last - 1 > start and not lines[last - 1].strip():
            last -= 1
        lines.insert(last, new_line)
    new = "\n".join(lines) + "\n"
    expected = {**before, "show": {**before.get("show", {}), key: value}}
    try:
        readable = tomllib.loads(new) == expected
    except tomllib.TOMLDecodeError:
        readable = False
    if not readable:
        raise ConfigError(f"{path.name}: [show] {key} could not be changed in place",
                          f"edit {path.name} by hand")
    write_text(path, new)
