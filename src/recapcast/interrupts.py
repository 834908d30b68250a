"""Turns SIGTERM into an exception, and holds interrupts while a build publishes."""

from __future__ import annotations

import contextlib
import signal
from collections.abc import Iterator

__all__ = ["Terminated", "raise_on_sigterm", "deferred"]

_HELD = {signal.SIGINT, signal.SIGTERM}


class Terminated(KeyboardInterrupt):
    """SIGTERM arrived; a KeyboardInterrupt so every ``finally`` and temp-file cleanup runs."""


def _on_sigterm(signum, frame) -> None:
    raise Terminated()


def raise_on_sigterm() -> None:
    """Make SIGTERM raise Terminated in the main thread instead of killing the process."""
    signal.signal(signal.SIGTERM, _on_sigterm)


@contextlib.contextmanager
def deferred() -> Iterator[None]:
    """Hold SIGINT and SIGTERM until the block ends, so a group of renames finishes together.

    The signals are blocked, not lost: the pending one is delivered when the block ends.
    """
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, _HELD)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)
