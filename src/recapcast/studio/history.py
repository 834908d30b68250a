"""Undo and redo of a studio session's edits, per episode: every change of a draft's text
(a sentence, a block, an insert, a move, a delete, the details, a pronunciation kept for
the script) can be taken back and done again. Kept in memory for the session; saving does
not clear it (undo after a save makes the draft differ from the file again)."""

from __future__ import annotations

import threading

from recapcast.model import Script

__all__ = ["History"]

LIMIT = 500
"""Steps kept per episode; the oldest go first."""

Version = tuple[Script, tuple[str, ...]]
"""A draft's script and block ids."""


class History:
    def __init__(self) -> None:
        self._undo: dict[str, list[Version]] = {}
        self._redo: dict[str, list[Version]] = {}
        self._lock = threading.Lock()

    def record(self, episode_id: str, before: Version) -> None:
        """A change was made; ``before`` is the version it changed."""
        with self._lock:
            steps = self._undo.setdefault(episode_id, [])
            steps.append(before)
            del steps[:-LIMIT]
            self._redo.pop(episode_id, None)

    def undo(self, episode_id: str, current: Version) -> Version | None:
        """The version before the last change (``current`` can be redone), or None."""
        return self._step(self._undo, self._redo, episode_id, current)

    def redo(self, episode_id: str, current: Version) -> Version | None:
        """The version the last undo took back, or None."""
        return self._step(self._redo, self._undo, episode_id, current)

    def _step(self, source, target, episode_id: str, current: Version) -> Version | None:
        with self._lock:
            steps = source.get(episode_id)
            if not steps:
                return None
            target.setdefault(episode_id, []).append(current)
            return steps.pop()

    def counts(self, episode_id: str) -> tuple[int, int]:
        """How many steps can be undone and redone."""
        with self._lock:
            return len(self._undo.get(episode_id, ())), len(self._redo.get(episode_id, ()))

    def forget(self, episode_id: str) -> None:
        with self._lock:
            self._undo.pop(episode_id, None)
            self._redo.pop(episode_id, None)
