"""The show's episodes as the studio's sidebar lists them, and the stamp pages follow.

A state is always what ``recapcast build`` would do with the episode, from the build's own
functions: ``has errors`` (check's errors, the build refuses), ``not built``, ``up to date``
or ``changed`` (the no-op build's own test), ``failed`` (the last studio build of this very
script failed), ``building``, ``unreadable``.
"""

from __future__ import annotations

import contextlib
import hashlib
import os

from recapcast.build import is_up_to_date, script_errors
from recapcast.config import Project
from recapcast.errors import ScriptError
from recapcast.publish import catalog
from recapcast.studio import drafts

__all__ = ["episode_rows", "files_stamp"]


def episode_rows(project: Project, dirty: set[str], failures: dict[str, dict],
                 running: str | None) -> list[dict]:
    """Every script with its title, state, message, audio address and unsaved mark."""
    out = []
    for episode_id in project.episode_ids():
        path = project.script_path(episode_id)
        row = {"id": episode_id, "title": episode_id, "message": "", "hint": "",
               "audio": None, "dirty": episode_id in dirty}
        try:
            draft = drafts.load_draft(project, episode_id)
            row["title"] = draft.script.meta.title
        except ScriptError as exc:
            row.update(state="unreadable", message=exc.message, hint=exc.hint)
            out.append(row)
            continue
        built = catalog.read_manifest(project, episode_id) is not None and (
            project.audio_dir / f"{episode_id}.mp3").is_file()
        failure = failures.get(episode_id)
        if built:
            row["audio"] = f"/api/episodes/{episode_id}/audio"
        if failure and failure.get("script") == drafts.disk_digest(path):
            row.update(state="failed", message=failure.get("message", ""),
                       hint=failure.get("hint", ""))
        elif errors := script_errors(project, episode_id):
            # A build would refuse it: the first error, where check puts it.
            row.update(state="has errors", message=str(errors[0]),
                       hint="the studio shows it on its line; fix it, then build")
        elif not built:
            row["state"] = "not built"
        elif is_up_to_date(project, episode_id):
            row["state"] = "up to date"
        else:
            row["state"] = "changed"
        if running == episode_id:
            row["state"] = "building"
        out.append(row)
    return out


def files_stamp(project: Project, config: str, revisions: list[str]) -> str:
    """A hash of what the pages follow: ``scripts/`` and ``audio/`` (names, sizes, times),
    the config and lexicon (``config``, their stamp) and the drafts' ``revisions``. When it
    changes, the pages recompute the states and show the open script as it is now."""
    parts = []
    for folder in (project.scripts_dir, project.audio_dir):
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except FileNotFoundError:
            continue
        for entry in entries:
            with contextlib.suppress(FileNotFoundError):
                st = entry.stat()
                parts.append(f"{entry.name} {st.st_size} {st.st_mtime_ns}")
    parts.append(config)
    parts += revisions
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()[:16]
