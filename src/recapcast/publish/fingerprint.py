"""The input fingerprint of an episode build: what must change for its audio to change."""

from __future__ import annotations

import dataclasses
import hashlib
from pathlib import Path

from recapcast import __version__
from recapcast.config import Project
from recapcast.model import Show
from recapcast.voice.engines import voice_identity

__all__ = ["FINGERPRINT_VERSION", "input_fingerprint"]

FINGERPRINT_VERSION = "3"
"""Bump when a build's output changes for the same inputs (mixing, encoding, tagging)."""


def _file_digest(path: Path) -> str:
    digest = hashlib.sha256()
    try:
        with path.open("rb") as f:
            while block := f.read(1 << 20):
                digest.update(block)
    except OSError as exc:
        return f"unreadable:{exc.errno}"
    return digest.hexdigest()


def _named_files(root: Path, value: object, name: str = "show") -> list[tuple[str, Path]]:
    """Every setting, however deeply nested, that names a file: music, cover and the like."""
    if dataclasses.is_dataclass(value):
        return [found for field in dataclasses.fields(value)
                for found in _named_files(root, getattr(value, field.name),
                                          f"{name}.{field.name}")]
    if isinstance(value, str) and value and "\n" not in value and len(value) < 4096:
        path = root / value
        try:
            if path.is_file():
                return [(name, path)]
        except (OSError, ValueError):
            pass
    return []


def input_fingerprint(project: Project, episode_id: str, show: Show, plan: str,
                      cache_version: str) -> str:
    """A hash of the script bytes, the planned segments, the show config, the voices and the
    music and cover files.

    ``plan`` is the text of the segments and chapter titles as spoken, so whatever shapes
    them (the text rules, a lexicon) counts even if the script did not change. Cheap to
    compute: it reads small files and the voices' file metadata, and imports no audio
    library.
    """
    parts = [
        f"recapcast {__version__}", f"fingerprint {FINGERPRINT_VERSION}",
        f"cache {cache_version}", f"episode {episode_id}",
        f"script {_file_digest(project.script_path(episode_id))}",
        f"plan {hashlib.sha256(plan.encode('utf-8')).hexdigest()}",
        # The lexicon counts through the plan, for the words this episode says: a new entry
        # changes only the episodes whose spoken text it changes.
        f"show {dataclasses.replace(show, lexicon=())!r}",
        f"voice {voice_identity(show.voice)}",
        f"quote_voice {voice_identity(show.quote_voice)}",
    ]
    for name, path in _named_files(project.root, show):
        parts.append(f"{name} {_file_digest(path)}")
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()
