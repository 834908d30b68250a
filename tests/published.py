"""A built two-episode show (audio, transcripts, chapters, feed, page) for publish tests."""

from __future__ import annotations

import atexit
import contextlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

from conftest import SHORT_SCRIPT, SRC, make_show, run_cli

LONG_SENTENCE = ("The morning is bright and loud, and Trish drives the long way round the "
                 "harbour so that nobody can follow them home.")
"""Over one caption's 84 characters: ep4's transcript has it in two cues."""
SECOND_SCRIPT = (SHORT_SCRIPT.replace('title: "A Short Test"', 'title: "The Second Test"')
                 .replace("episode: 3", "episode: 4").replace("2026-01-02", "2026-01-09")
                 .replace("1b4e28ba-2fa1-11d2-883f-0016cb4a4c01",
                          "6fa459ea-ee8a-3ca4-894e-db77e160355e")
                 .replace("The night is cold and quiet.", LONG_SENTENCE))


_built: list[Path] = []
"""The show built by the session's first call, which later calls copy."""


def publish_two_episodes(root: Path) -> Path:
    """Build ep3 and ep4 with the tone voice at ``root``; return the show root.

    The build is made once per test session; each call gets a copy of it (file times kept),
    as the same build would have left it."""
    if not _built:
        scratch = Path(tempfile.mkdtemp(prefix="recapcast-published-"))
        atexit.register(shutil.rmtree, scratch, ignore_errors=True)
        show = make_show(scratch / "show")
        (show / "scripts" / "ep4.md").write_text(SECOND_SCRIPT, encoding="utf-8")
        run_cli("build", "--all", cwd=show, check=True)
        _built.append(show)
    shutil.copytree(_built[0], root)
    return root


@contextlib.contextmanager
def serving(root: Path, *args: str) -> Iterator[str]:
    """Run ``recapcast serve --port 0`` in ``root``; yield its base URL; stop it with Ctrl-C."""
    env = dict(os.environ, PYTHONPATH=str(SRC))
    proc = subprocess.Popen([sys.executable, "-m", "recapcast", "serve", "--port", "0", *args],
                            cwd=root, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)
    try:
        first = proc.stdout.readline()
        if not first.startswith("serving "):
            raise AssertionError(f"recapcast serve did not start: {proc.stderr.read()}")
        yield first.split(" on ", 1)[1].strip()
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.communicate()
