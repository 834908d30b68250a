"""What import tells a user about a recap: the metadata it found and every line it kept or
left out, as text (``--explain``), as JSON (``--json``) and as the import record written
beside the script (``scripts/.imported/ID.json``), from which an editor's later changes to
the script can be told apart from what import wrote."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

from recapcast.errors import ScriptError
from recapcast.safety.atomic import write_text
from recapcast.text.script import Imported, parse_date, render_script

__all__ = ["RECORD_FOLDER", "account", "explanation", "import_record", "record_json",
           "record_path", "write_imported"]

RECORD_FOLDER = ".imported"
"""The folder in ``scripts/`` that holds each script's import record."""


def record_path(scripts_dir: Path, episode_id: str) -> Path:
    """Where the import record of ``scripts/EPISODE_ID.md`` is kept."""
    return scripts_dir / RECORD_FOLDER / f"{episode_id}.json"


def _meta(imported: Imported) -> dict:
    meta = imported.script.meta
    return {"show": meta.show, "title": meta.title, "season": meta.season,
            "episode": meta.episode, "author": meta.author}


def _lines(imported: Imported) -> dict:
    found = imported.recognised
    lines = {"kept": [{"line": x.line, "text": x.text, "as": x.as_what} for x in found.kept],
             "left_out": [{"line": x.line, "text": x.text, "reason": x.reason}
                          for x in found.left_out]}
    if found.extractor_removed is not None:
        lines["extractor_removed"] = found.extractor_removed
    return lines


def account(imported: Imported) -> dict:
    """The ``--json`` account: the metadata found, then every line kept and left out."""
    return {**_meta(imported), **_lines(imported)}


def import_record(source: str, imported: Imported, script_text: str) -> dict:
    """The record written beside a script: where it came from, what import found, the
    script exactly as import wrote it, and the account of every line."""
    return {"source": source, "meta": _meta(imported), "script": script_text,
            **_lines(imported)}


def record_json(record: dict) -> str:
    return json.dumps(record, ensure_ascii=False, indent=1) + "\n"


def explanation(imported: Imported) -> str:
    """The ``--explain`` text: the metadata found and each left-out line with its line
    number and reason."""
    found = imported.recognised
    out = [f"{key}: {'' if value is None else value}"
           for key, value in _meta(imported).items()]
    left = found.left_out
    out.append(f"kept: {len({x.line for x in found.kept})} lines; "
               f"left out: {len(left)} line{'s' * (len(left) != 1)}"
               + (f"; the page's extractor removed {found.extractor_removed} more "
                  "(menus, ads, footers: counted, not listed)"
                  if found.extractor_removed else ""))
    width = max((len(str(x.line)) for x in left), default=1)
    # the reason in brackets: a learned rule's citation has colons of its own
    out += [f"  line {x.line:>{width}}  [{x.reason}] {x.text}" for x in left]
    return "\n".join(out) + "\n"


def _published_as(target: Path) -> dict:
    """The ``guid`` and ``date`` front matter of the script an import replaces, read line
    by line so that a script broken elsewhere still gives them."""
    try:
        lines = target.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return {}
    found: dict = {}
    if not lines or lines[0].strip() != "---":
        return found
    for line in lines[1:]:
        if line.strip() == "---":
            break
        key, _, value = line.partition(":")
        value = value.strip().strip('"')
        if key.strip() == "guid" and value:
            found["guid"] = value
        elif key.strip() == "date" and value:
            try:
                found["date"], found["time"] = parse_date(value)
            except ScriptError:
                pass
    return found


def write_imported(scripts_dir: Path, source: str, imported: Imported, *,
                   keep_date: bool = True) -> Path:
    """Write the imported script and, beside it, its import record; the script's path.

    A script it replaces keeps its ``guid``, and its ``date`` when ``keep_date``: an
    episode already in the feed must stay one episode in podcast apps, not come back as
    a new one."""
    episode_id = imported.script.episode_id
    target = scripts_dir / f"{episode_id}.md"
    old = _published_as(target) if target.exists() else {}
    if not keep_date:
        old = {k: v for k, v in old.items() if k == "guid"}
    if old:
        meta = dataclasses.replace(imported.script.meta, **old)
        imported = dataclasses.replace(
            imported, script=dataclasses.replace(imported.script, meta=meta))
    text = render_script(imported.script)
    write_text(target, text)
    # What import wrote, beside the script: the editor's changes are what differs.
    write_text(record_path(scripts_dir, episode_id),
               record_json(import_record(source, imported, text)))
    return target
