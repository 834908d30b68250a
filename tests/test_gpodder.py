"""A real podcast client, gPodder's gpo, subscribes to recapcast serve and downloads it all."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from published import publish_two_episodes, serving

GPO = shutil.which("gpo")
pytestmark = pytest.mark.skipif(
    GPO is None, reason="gPodder's gpo is not installed (Debian: apt-get install gpodder)")


def _gpo(home: Path, downloads: Path, *args: str) -> str:
    # gpo is a system Python program: keep this test's venv and PYTHONPATH away from it.
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME")}
    env.update(GPODDER_HOME=str(home), GPODDER_DOWNLOAD_DIR=str(downloads),
               PATH="/usr/bin:/bin", HOME=str(home))
    result = subprocess.run([GPO, *args], env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def test_gpodder_subscribes_lists_and_downloads_every_episode_byte_identical(tmp_path: Path):
    root = publish_two_episodes(tmp_path / "show")
    home, downloads = tmp_path / "gpodder", tmp_path / "downloads"
    home.mkdir()
    downloads.mkdir()
    with serving(root) as base:
        feed = f"{base}feed/feed.xml"
        _gpo(home, downloads, "subscribe", feed)
        _gpo(home, downloads, "update")
        listed = _gpo(home, downloads, "episodes", "--guid", feed)
        assert "A Short Test" in listed and "The Second Test" in listed
        for guid in ("1b4e28ba-2fa1-11d2-883f-0016cb4a4c01",
                     "6fa459ea-ee8a-3ca4-894e-db77e160355e"):
            assert guid in listed
            _gpo(home, downloads, "download", feed, guid)
    got = {p.name: p.read_bytes() for p in downloads.rglob("*.mp3")}
    assert sorted(got) == ["ep3.mp3", "ep4.mp3"], sorted(got)
    for name, data in got.items():
        assert data == (root / "audio" / name).read_bytes(), name
