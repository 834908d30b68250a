"""Import from the page: pasted text, an uploaded file or a web address, through the same
steps as ``recapcast import``."""

from __future__ import annotations

import base64
import binascii
from pathlib import Path

from recapcast.config import Project
from recapcast.errors import ScriptError, UsageError
from recapcast.text.account import write_imported
from recapcast.text.fetch import is_url
from recapcast.text.learned import learn_show
from recapcast.text.script import import_explained
from recapcast.text.source import RecapSource
from recapcast.text.sources import format_of, load_source, read_source

__all__ = ["import_source"]


def _source(data: dict, limit: int) -> tuple[RecapSource, str]:
    """The recap the page sent, read as the CLI reads a file or a URL, and its name for
    the import record."""
    given = [key for key in ("file", "url", "text") if data.get(key) and (
        key != "text" or str(data[key]).strip())]
    if len(given) > 1:
        # Never guessed: a file chosen earlier must not win over text pasted later.
        raise UsageError(f"give one recap, not {' and '.join(given)}",
                         "clear the ones you do not mean")
    if data.get("file"):
        upload = data["file"]
        if not isinstance(upload, dict):
            raise UsageError("file must be {name, data}")
        try:
            raw = base64.b64decode(str(upload.get("data", "")), validate=True)
        except (binascii.Error, ValueError):
            raise UsageError("the uploaded file is not base64") from None
        name = Path(str(upload.get("name") or "upload")).name
        return read_source(raw, name, format_of(name), max_bytes=limit), name
    if data.get("url"):
        url = str(data["url"]).strip()
        # Only a web address: a path would let a page read files outside the show.
        if not is_url(url):
            raise UsageError(f"{url!r} is not an http:// or https:// address",
                             "upload a saved page as a file instead")
        return load_source(url, limit), url
    text = data.get("text")
    if not isinstance(text, str) or not text.strip():
        raise UsageError("give the recap: paste its text, upload a file or give its address")
    return read_source(text.encode("utf-8"), "the pasted text", max_bytes=limit), "pasted text"


def import_source(project: Project, episode_id: str, data: dict, *, force: bool = False
                  ) -> Path:
    """Write ``scripts/<episode_id>.md`` from the recap in ``data``; return its path."""
    target = project.script_path(episode_id)
    if target.exists() and not force:
        raise ScriptError(f"{target.relative_to(project.root)} already exists",
                          "open it, or tick 'replace' to import it again")
    recap, name = _source(data, project.max_recap_bytes)
    # as `recapcast import` does: learn from the editor's edits first, keep a record after
    imported = import_explained(recap, episode_id, learned=learn_show(project.root))
    return write_imported(project.scripts_dir, name, imported)
