"""Two builds of one show never run at once: the second waits, or says a build is running."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

from conftest import SRC, run_cli
from recapcast.safety.lock import build_lock
from safety import assert_complete, assert_error, snapshot


def _popen(show: Path, *args: str) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=str(SRC))
    return subprocess.Popen([sys.executable, "-m", "recapcast", "build", "ep3", *args],
                            cwd=show, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)


def test_no_wait_says_a_build_is_running(show: Path):
    before = snapshot(show)
    with build_lock(show / ".cache"):
        result = run_cli("build", "ep3", "--no-wait", cwd=show)
    assert_error(result, "another build of this show is running", hint="--no-wait")
    assert snapshot(show) == before


def test_the_second_build_waits_for_the_first(show: Path):
    with build_lock(show / ".cache"):
        waiting = _popen(show, "--json")
        first_line = waiting.stderr.readline()  # printed just before it blocks on the lock
        assert "waiting for another build of this show to finish" in first_line
        time.sleep(0.5)
        assert waiting.poll() is None, "the build ran while the lock was held"
        assert not (show / "audio" / "ep3.mp3").exists()
    out, err = waiting.communicate(timeout=120)
    assert waiting.returncode == 0, err
    assert json.loads(out)["episode"] == "ep3"
    assert_complete(show)


def test_two_builds_at_once_both_finish_and_leave_a_whole_episode(show: Path):
    first, second = _popen(show, "--json"), _popen(show, "--json")
    reports = []
    for proc in (first, second):
        out, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err
        reports.append(json.loads(out))
    # One of them made the takes; the other, serialised behind it, found them all cached.
    assert sorted(r["cached"] for r in reports) == [0, reports[0]["segments"]]
    assert_complete(show)


def test_a_killed_build_does_not_leave_the_lock_held(show: Path):
    proc = _popen(show)
    while not (show / ".cache" / "build.lock").exists():
        time.sleep(0.01)
    proc.kill()
    proc.wait()
    result = run_cli("build", "ep3", "--no-wait", cwd=show)
    assert result.returncode == 0, result.stderr
