"""Helpers for the robustness tests: snapshots of a show, temp-file scans, error checks."""

from __future__ import annotations

import hashlib
import io
import json
import shutil
from pathlib import Path

import feedparser
import podcastparser
import pytest
from mutagen.mp3 import MP3

from conftest import make_show, run_cli

TEMP_PREFIX = ".recapcast-tmp-"


def snapshot(show: Path) -> dict[str, str]:
    """sha256 of every file under audio/ and feed/, by relative path."""
    out = {}
    for folder in ("audio", "feed"):
        for path in sorted((show / folder).rglob("*")):
            if path.is_file():
                out[path.relative_to(show).as_posix()] = hashlib.sha256(
                    path.read_bytes()).hexdigest()
    return out


def temp_files(root: Path) -> list[Path]:
    """Every leftover temporary file of an atomic write under ``root``."""
    return [p for p in root.rglob("*") if p.name.startswith(TEMP_PREFIX)]


def assert_error(result, message: str, code: int = 1, hint: str = "") -> None:
    """One ``error:`` line holding ``message``, a hint, the exit code, no traceback."""
    assert result.returncode == code, (result.returncode, result.stderr)
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    errors = [line for line in lines if line.startswith("error: ")]
    assert len(errors) == 1, result.stderr
    assert message in errors[0], result.stderr
    assert any(line.startswith("hint: ") for line in lines), result.stderr
    if hint:
        assert hint in result.stderr
    assert "Traceback" not in result.stderr


def assert_complete(show: Path) -> None:
    """Every episode in the feed has its whole MP3 and its manifest agrees with it."""
    feed = (show / "feed" / "feed.xml").read_bytes()
    parsed = podcastparser.parse("http://127.0.0.1:8000/feed/feed.xml", io.BytesIO(feed))
    assert not feedparser.parse(feed).bozo
    for episode in parsed["episodes"]:
        enclosure = episode["enclosures"][0]
        name = enclosure["url"].split("/audio/", 1)[1].split("?", 1)[0]
        audio = show / "audio" / name
        assert audio.stat().st_size == enclosure["file_size"]
        manifest = json.loads(audio.with_suffix(".json").read_text())
        assert manifest["sha256"] == hashlib.sha256(audio.read_bytes()).hexdigest()
        assert MP3(str(audio)).info.length == pytest.approx(
            manifest["duration_s"], abs=0.05)
    assert not temp_files(show)


@pytest.fixture(scope="module")
def built_template(tmp_path_factory) -> Path:
    """A show whose ep3 was built once with the tone voice."""
    root = make_show(tmp_path_factory.mktemp("template") / "show")
    run_cli("build", "ep3", cwd=root, check=True)
    return root


@pytest.fixture
def built(built_template: Path, tmp_path: Path) -> Path:
    """A fresh copy of the built show, with its published audio/ and feed/."""
    show = tmp_path / "show"
    shutil.copytree(built_template, show)
    return show
