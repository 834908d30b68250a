"""A built two-episode show with transcripts and chapters beside the audio, for publish tests."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

from conftest import SHORT_SCRIPT, SRC, make_show, run_cli
from recapcast.build import write_feed
from recapcast.config import load_project

SECOND_SCRIPT = (SHORT_SCRIPT.replace('title: "A Short Test"', 'title: "The Second Test"')
                 .replace("episode: 3", "episode: 4").replace("2026-01-02", "2026-01-09")
                 .replace("1b4e28ba-2fa1-11d2-883f-0016cb4a4c01",
                          "6fa459ea-ee8a-3ca4-894e-db77e160355e")
                 .replace("The night is cold and quiet.", "The morning is bright and loud."))


def write_sidecars(root: Path, episode_id: str) -> None:
    """What the transcript stage writes beside audio/<id>.mp3 (VTT, SRT, chapters JSON)."""
    audio = root / "audio"
    manifest = json.loads((audio / f"{episode_id}.json").read_text())
    chapters = manifest["chapters"]
    vtt = ["WEBVTT", ""]
    srt = []
    for n, chapter in enumerate(chapters, start=1):
        start, end = chapter["start_ms"], chapter["end_ms"]
        stamp = f"00:{start // 60000:02d}:{start // 1000 % 60:02d}.{start % 1000:03d}"
        until = f"00:{end // 60000:02d}:{end // 1000 % 60:02d}.{end % 1000:03d}"
        vtt += [f"{stamp} --> {until}", f"Now: {chapter['title']}", ""]
        srt += [str(n), f"{stamp.replace('.', ',')} --> {until.replace('.', ',')}",
                f"Now: {chapter['title']}", ""]
    (audio / f"{episode_id}.vtt").write_text("\n".join(vtt), encoding="utf-8")
    (audio / f"{episode_id}.srt").write_text("\n".join(srt), encoding="utf-8")
    (audio / f"{episode_id}.chapters.json").write_text(json.dumps({
        "version": "1.2.0",
        "chapters": [{"startTime": c["start_ms"] / 1000, "title": c["title"]} for c in chapters],
    }), encoding="utf-8")


def publish_two_episodes(root: Path, sidecars: bool = True) -> Path:
    """Build ep3 and ep4 with the tone voice (and sidecars for ep3); return the show root."""
    make_show(root)
    (root / "scripts" / "ep4.md").write_text(SECOND_SCRIPT, encoding="utf-8")
    run_cli("build", "--all", cwd=root, check=True)
    if sidecars:
        write_sidecars(root, "ep3")
        write_feed(load_project(root))
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
