"""The speed features, checked for behaviour (never for time): the synthesis pool gives the
same takes and chapters as one process, and an unchanged episode is not rebuilt."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
import wave
from pathlib import Path

import pytest

from conftest import SHORT_SCRIPT, SRC, make_show, run_cli
from recapcast.config import load_project
from recapcast.errors import EngineError
from recapcast.model import Segment, Take, VoiceSettings
from recapcast.text.script import parse_script
from recapcast.text.segments import plan_segments
from recapcast.voice.engines import voice_identity
from recapcast.voice.takes import render_takes, take_key

HEAVY = ("numpy", "pydub", "piper", "onnxruntime", "feedgen", "mutagen", "PIL", "lxml")


def _build(show: Path, *args: str) -> dict:
    return json.loads(run_cli("build", "ep3", "--json", *args, cwd=show, check=True).stdout)


def _render(show: Path, cache: Path, jobs: int) -> list[Take]:
    project = load_project(show)
    script = parse_script(SHORT_SCRIPT, "ep3", "scripts/ep3.md")
    segments, _ = plan_segments(script, project.show)
    return render_takes(segments, cache, jobs=jobs)


def _seconds(take: Take) -> float:
    with wave.open(str(take.path), "rb") as wav:
        return wav.getnframes() / wav.getframerate()


def test_tone_pool_gives_the_same_takes_and_chapters_as_one_process(tmp_path: Path):
    one = make_show(tmp_path / "one")
    pooled = make_show(tmp_path / "pooled")
    serial = _build(one, "--jobs", "1")
    parallel = _build(pooled, "--jobs", "2")
    assert parallel["synthesized"] == serial["synthesized"] == serial["segments"]
    assert parallel["chapters"] == serial["chapters"]
    assert parallel["duration_s"] == serial["duration_s"]
    one_takes = _render(one, tmp_path / "cache1", jobs=1)
    two_takes = _render(one, tmp_path / "cache2", jobs=2)
    assert [t.segment for t in two_takes] == [t.segment for t in one_takes]
    assert [t.frames for t in two_takes] == [t.frames for t in one_takes]
    assert [t.path.name for t in two_takes] == [t.path.name for t in one_takes]
    assert all(not t.cached for t in two_takes)


def test_piper_pool_keeps_segment_order(tmp_path: Path):
    show = make_show(tmp_path / "show", engine="piper")
    serial = _render(show, tmp_path / "cache1", jobs=1)
    pooled = _render(show, tmp_path / "cache2", jobs=2)
    assert [t.segment for t in pooled] == [t.segment for t in serial]
    for take in pooled:
        assert take.path.stem == take_key(take.segment.voice, take.segment.text)
    # Piper samples noise, so lengths differ a little from run to run, never a lot.
    for a, b in zip(pooled, serial, strict=True):
        assert _seconds(a) == pytest.approx(_seconds(b), rel=0.2)


def _stamp(show: Path) -> dict[str, tuple[bytes, int]]:
    files = [*(show / "audio").iterdir(), *(show / "feed").iterdir()]
    return {f.name: (f.read_bytes(), f.stat().st_mtime_ns) for f in files}


@pytest.fixture(scope="module")
def first_build(tmp_path_factory) -> tuple[Path, dict]:
    """A tone show with ep3 built once, and that first build's report."""
    show = make_show(tmp_path_factory.mktemp("built") / "show")
    return show, _build(show)


@pytest.fixture
def built(first_build: tuple[Path, dict], tmp_path: Path) -> tuple[Path, dict]:
    """A copy (file times kept) of the built show, to change, and its first build's report."""
    show, report = first_build
    return Path(shutil.copytree(show, tmp_path / "show")), report


def test_noop_rebuild_touches_nothing_and_imports_no_audio_library(built: tuple[Path, dict]):
    show, first = built
    assert first["up_to_date"] is False
    before = _stamp(show)
    assert {"ep3.mp3", "ep3.json", "feed.xml"} <= set(before)
    result = run_cli("build", "ep3", "--json", cwd=show, check=True,
                     env={"PYTHONPROFILEIMPORTTIME": "1"})
    again = json.loads(result.stdout)
    assert again["up_to_date"] is True
    assert again["synthesized"] == 0 and again["cached"] == first["segments"]
    assert again["chapters"] == first["chapters"]
    assert again["duration_s"] == first["duration_s"]
    assert _stamp(show) == before
    imported = {line.split("|")[-1].strip().split(".")[0]
                for line in result.stderr.splitlines() if line.startswith("import time:")}
    assert imported and not imported & set(HEAVY)


def test_changed_inputs_rebuild_and_force_rebuilds(built: tuple[Path, dict]):
    show, first = built
    forced = _build(show, "--force")
    assert forced["up_to_date"] is False and forced["synthesized"] == 0
    toml = show / "recapcast.toml"
    toml.write_text(toml.read_text() + "length_scale = 1.2\n")
    slower = _build(show)
    assert slower["up_to_date"] is False
    # Every narrator take changes with the pace; the quote voice has its own.
    assert slower["synthesized"] == first["segments"] - 1
    script = show / "scripts" / "ep3.md"
    script.write_text(script.read_text().replace('title: "A Short Test"', 'title: "Renamed"'))
    retitled = _build(show)
    # Only the opening says the title.
    assert retitled["up_to_date"] is False and retitled["synthesized"] == 1


def test_deleted_audio_is_rebuilt(built: tuple[Path, dict]):
    show, _ = built
    (show / "audio" / "ep3.mp3").unlink()
    assert _build(show)["up_to_date"] is False
    assert (show / "audio" / "ep3.mp3").is_file()


@pytest.mark.parametrize("value", ["0", "-2", "two"])
def test_jobs_must_be_a_positive_number(show: Path, value: str):
    result = run_cli("build", "ep3", "--jobs", value, cwd=show)
    assert result.returncode == 2
    assert result.stderr.startswith("error: ") and "--jobs" in result.stderr.splitlines()[0]
    assert "Traceback" not in result.stderr
    assert not (show / "audio" / "ep3.mp3").exists()



def test_a_speech_thread_error_is_one_engine_error(tmp_path: Path):
    voice = VoiceSettings(voice=str(tmp_path / "missing.onnx"))
    segments = [Segment(i, f"Take number {i}.", f"Take number {i}.", voice, 0) for i in range(3)]
    with pytest.raises(EngineError, match="unknown piper voice"):
        render_takes(segments, tmp_path / "cache", jobs=2)


def _group(pgid: int) -> list[int]:
    """Live (not zombie) processes of the process group ``pgid``."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if fields[0] != "Z" and int(fields[2]) == pgid:
            found.append(int(stat.parent.name))
    return found


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux /proc")
def test_ctrl_c_while_speaking_ends_the_build(piper_show: Path):
    env = dict(os.environ, PYTHONPATH=str(SRC))
    proc = subprocess.Popen(
        [sys.executable, "-m", "recapcast", "build", "ep3", "--jobs", "2"], cwd=piper_show,
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    takes = piper_show / ".cache" / "takes"
    try:
        deadline = time.monotonic() + 60
        # The first take written: both speech threads are busy with the next ones.
        while not any(takes.glob("*/*.wav")):
            assert proc.poll() is None and time.monotonic() < deadline, "no take was spoken"
            time.sleep(0.02)
        os.killpg(proc.pid, signal.SIGINT)  # what Ctrl-C in a terminal does
        _, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    assert proc.returncode == 130
    err = err.decode()
    assert "error: interrupted" in err and "Traceback" not in err and "Fatal" not in err, err
    assert _group(proc.pid) == []
    assert not (piper_show / "audio" / "ep3.mp3").exists()
    # A take is in the cache whole or not at all.
    for take in takes.glob("*/*"):
        assert take.suffix == ".wav"
        with wave.open(str(take), "rb") as wav:
            assert wav.getnframes() > 0


def test_a_changed_voice_model_changes_the_fingerprint(tmp_path: Path):
    model = tmp_path / "narrator.onnx"
    model.write_bytes(b"model")
    model.with_name("narrator.onnx.json").write_text("{}")
    voice = VoiceSettings(voice=str(model))
    before = voice_identity(voice)
    assert voice_identity(voice) == before
    os.utime(model, ns=(1, 1))
    assert voice_identity(voice) != before


def _write_wav(path: Path, level: int) -> None:
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(22050)
        out.writeframes(level.to_bytes(2, "little", signed=True) * 22050)


def test_changed_music_file_rebuilds(show: Path):
    _write_wav(show / "intro.wav", 1000)
    toml = show / "recapcast.toml"
    toml.write_text(toml.read_text().replace("[show]\n", '[show]\nintro = "intro.wav"\n'))
    assert _build(show)["up_to_date"] is False
    assert _build(show)["up_to_date"] is True
    _write_wav(show / "intro.wav", 2000)
    assert _build(show)["up_to_date"] is False
