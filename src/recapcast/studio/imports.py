"""Import from the page: pasted text, an uploaded file or a web address, through the same
steps as ``recapcast import``."""

from __future__ import annotations

import base64
import binascii
from pathlib import Path

from recapcast.config import Project
from recapcast.errors import ScriptError, UsageError
from recapcast.safety.atomic import write_text
from recapcast.safety.sanitize import clean_text
from recapcast.text.script import decode_text, import_recap, render_script

__all__ = ["import_source"]


def _source(data: dict, limit: int) -> tuple[bytes, str]:
    """The recap's bytes and a name for messages."""
    if data.get("file"):
        upload = data["file"]
        if not isinstance(upload, dict):
            raise UsageError("file must be {name, data}")
        try:
            raw = base64.b64decode(str(upload.get("data", "")), validate=True)
        except (binascii.Error, ValueError):
            raise UsageError("the uploaded file is not base64") from None
        return raw, Path(str(upload.get("name") or "upload")).name
    if data.get("url"):
        raise UsageError("this recapcast cannot import from a web address yet",
                         "save the page and upload the file, or paste its text")
    text = data.get("text")
    if not isinstance(text, str) or not text.strip():
        raise UsageError("give the recap: paste its text, upload a file or give its address")
    return text.encode("utf-8"), "the pasted text"


def import_source(project: Project, episode_id: str, data: dict, *, force: bool = False
                  ) -> Path:
    """Write ``scripts/<episode_id>.md`` from the recap in ``data``; return its path."""
    target = project.script_path(episode_id)
    if target.exists() and not force:
        raise ScriptError(f"{target.relative_to(project.root)} already exists",
                          "open it, or tick 'replace' to import it again")
    raw, name = _source(data, project.max_recap_bytes)
    script = import_recap(clean_text(decode_text(raw, name, project.max_recap_bytes)),
                          episode_id)
    write_text(target, render_script(script))
    return target
