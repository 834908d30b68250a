"""The studio's address and token, kept between runs so a bookmark and an open tab keep
working after a restart.

Kept in the user's own state folder (``$XDG_STATE_HOME/recapcast/studio/``, by default
``~/.local/state/recapcast/studio/``; the folder 0700, each file 0600), one file per show,
named by a hash of the show folder's path. Not in the show's ``.cache/``: a show folder is
often shared (synced, copied, on a shared disk) while the token lets whoever holds it
drive the studio as this user; the user's state folder is private to them.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

__all__ = ["Access", "access_file", "load_access", "save_access"]


@dataclass(frozen=True)
class Access:
    token: str
    port: int
    """The port of the last run (0: none yet); the next run asks for it again."""


def _state_home() -> Path:
    base = os.environ.get("XDG_STATE_HOME")
    return Path(base) if base and Path(base).is_absolute() else Path.home() / ".local" / "state"


def access_file(root: Path) -> Path:
    key = hashlib.sha256(str(root.resolve()).encode("utf-8")).hexdigest()[:20]
    return _state_home() / "recapcast" / "studio" / f"{key}.json"


def load_access(root: Path, *, new_token: bool = False) -> Access:
    """The show's kept token and port, or a new token (``new_token``, or none kept yet:
    then it is kept at once)."""
    path = access_file(root)
    port = 0
    with contextlib.suppress(OSError, ValueError, KeyError, TypeError):
        data = json.loads(path.read_text("utf-8"))
        token, port = str(data["token"]), int(data.get("port", 0))
        # A file others could read holds a token others may know: not used.
        if not new_token and len(token) >= 24 and (path.stat().st_mode & 0o077) == 0:
            return Access(token, port)
    access = Access(secrets.token_urlsafe(24), port)
    save_access(root, access)
    return access


def save_access(root: Path, access: Access) -> None:
    """Write the show's token and port, readable by this user only (never a moment
    readable by others: the file is made 0600 before the token is written to it)."""
    path = access_file(root)
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    with contextlib.suppress(OSError):
        os.chmod(path.parent, 0o700)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump({"show": str(root.resolve()), "token": access.token,
                       "port": access.port}, f)
        os.replace(tmp, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
