"""One build of a show at a time: an advisory lock on ``.cache/build.lock``."""

from __future__ import annotations

import contextlib
import fcntl
import os
from collections.abc import Callable, Iterator
from pathlib import Path

from recapcast.errors import BuildError

__all__ = ["LOCK_NAME", "build_lock"]

LOCK_NAME = "build.lock"


@contextlib.contextmanager
def build_lock(cache_dir: Path, *, wait: bool = True,
               on_wait: Callable[[], None] | None = None) -> Iterator[None]:
    """Hold the show's build lock for the block.

    When another process holds it: with ``wait``, call ``on_wait`` once and block until it
    is free; without, raise BuildError. The kernel drops the lock when its holder dies, so
    a killed build never leaves a stale lock behind.
    """
    cache_dir.mkdir(parents=True, exist_ok=True)
    fd = os.open(cache_dir / LOCK_NAME, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if not wait:
                raise BuildError("another build of this show is running",
                                 "wait for it to finish, or run without --no-wait to queue "
                                 "behind it") from None
            if on_wait:
                on_wait()
            fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)
