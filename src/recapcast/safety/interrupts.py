"""Turns SIGTERM into an exception, and holds interrupts while a build publishes."""

from __future__ import annotations

import contextlib
import os
import signal
import threading
from collections.abc import Iterator

__all__ = ["Terminated", "raise_on_sigterm", "deferred"]

_HELD = (signal.SIGINT, signal.SIGTERM)


class Terminated(KeyboardInterrupt):
    """SIGTERM arrived; a KeyboardInterrupt so every ``finally`` and temp-file cleanup runs."""


def _on_sigterm(signum, frame) -> None:
    raise Terminated()


def raise_on_sigterm() -> None:
    """Make SIGTERM raise Terminated in the main thread instead of killing the process."""
    signal.signal(signal.SIGTERM, _on_sigterm)


@contextlib.contextmanager
def deferred() -> Iterator[None]:
    """Hold SIGINT and SIGTERM until the block ends, then act on the first one that came.

    Used where an interrupt would leave things half done: while the MP3, its manifest and
    the feed are renamed into place, and while a child process is started (an exception
    inside ``Popen()`` leaves the child running, unknown to the caller). Handlers are
    swapped rather than signals masked, so children do not inherit a blocked mask.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    pending: list[int] = []
    previous = {s: signal.signal(s, lambda signum, frame: pending.append(signum)) for s in _HELD}
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
        if pending:
            handler = previous[pending[0]]
            if callable(handler):
                handler(pending[0], None)
            elif handler == signal.SIG_DFL:
                os.kill(os.getpid(), pending[0])
