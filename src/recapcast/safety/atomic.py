"""Writes files so a reader sees the old file or the whole new one, never a part."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from recapcast.safety import interrupts

__all__ = ["atomic_path", "write_bytes", "write_text", "TEMP_PREFIX"]

TEMP_PREFIX = ".recapcast-tmp-"


@contextlib.contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """Yield a temporary path beside ``target``; on success it replaces ``target``.

    On any exception, KeyboardInterrupt included, the temporary file is removed and
    ``target`` is left as it was.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    name = ""
    try:
        # No interrupt between creating the file and knowing its name to remove it.
        with interrupts.deferred():
            fd, name = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=target.suffix,
                                        dir=target.parent)
            os.close(fd)
        tmp = Path(name)
        yield tmp
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException as exc:
        if name:
            Path(name).unlink(missing_ok=True)
        if isinstance(exc, OSError) and exc.errno and exc.filename in (None, name):
            # Name the file the user knows, not the temporary one that is gone.
            raise OSError(exc.errno, exc.strerror or str(exc), str(target)) from None
        raise


def write_bytes(target: Path, data: bytes) -> None:
    """Atomically write ``data`` to ``target``."""
    with atomic_path(target) as tmp:
        tmp.write_bytes(data)


def write_text(target: Path, text: str) -> None:
    """Atomically write UTF-8 ``text`` to ``target``."""
    write_bytes(target, text.encode("utf-8"))
