"""Episode states are what ``recapcast build`` would do, and what check calls an error stops
every build (CLI and studio) before a take is spoken (the tone engine, real processes)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import SHORT_SCRIPT, make_show, run_cli
from studio_server import running_studio

BROKEN = SHORT_SCRIPT.replace("3", "6").replace("4c01", "4c06").replace(
    "She orders a drink and waits.", "She says {episode|EP-i-sode and waits.")
OTHER = SHORT_SCRIPT.replace("episode: 3", "episode: 7").replace("4c01", "4c07").replace(
    "Cage follows her", "Trish follows her")


@pytest.fixture
def show(tmp_path: Path) -> Path:
    show = make_show(tmp_path / "show")
    (show / "scripts" / "ep7.md").write_text(OTHER, "utf-8")
    return show


def _takes(show: Path) -> set[Path]:
    return set((show / ".cache" / "takes").rglob("*.wav"))


def test_a_check_error_stops_the_cli_and_studio_builds_but_not_save(show: Path):
    script = show / "scripts" / "ep6.md"
    script.write_text(BROKEN, "utf-8")
    where = "scripts/ep6.md:12: error: unclosed or empty pronunciation"
    check = run_cli("check", "ep6", cwd=show)
    assert check.returncode == 1 and where in check.stdout
    result = run_cli("build", "ep6", cwd=show)
    assert result.returncode == 1 and result.stderr.startswith(f"error: {where}")
    assert "hint: fix it, then build again (recapcast check ep6" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (show / "audio" / "ep6.mp3").exists() and not _takes(show)
    with running_studio(show) as studio:
        row = next(e for e in studio.api("/api/episodes")["episodes"] if e["id"] == "ep6")
        assert row["state"] == "has errors" and row["message"].startswith(where)
        view = studio.api("/api/episodes/ep6")
        block = next(b for b in view["blocks"] if "{episode" in b.get("text", ""))
        assert [f["severity"] for f in block["findings"]] == ["error"]  # shown on its line
        # A script in progress may be broken: an edit of it is saved.
        studio.api("/api/episodes/ep6/sentence", {**studio.sentence_at("ep6", 1, 0, view),
                                                  "text": "Jessica walks in."})
        assert studio.api("/api/episodes/ep6/save", {})["saved"]
        assert "Jessica walks in." in script.read_text("utf-8")
        status, _, body = studio.request("POST", "/api/episodes/ep6/build", {})
        assert status == 400 and json.loads(body)["error"].startswith(where)
    assert not (show / "audio" / "ep6.mp3").exists()
    assert len(_takes(show)) == 1  # the edited sentence's take; the build spoke none


def test_a_lexicon_entry_changes_exactly_the_episodes_that_say_the_word(show: Path):
    run_cli("build", "--all", cwd=show, check=True)
    with running_studio(show) as studio:
        states = {e["id"]: e["state"] for e in studio.api("/api/episodes")["episodes"]}
        assert states == {"ep3": "up to date", "ep7": "up to date"}
        studio.api("/api/episodes/ep3/pronounce/keep",
                   {"word": "Cage", "says": "KAYJ", "scope": "show"})
        states = {e["id"]: e["state"] for e in studio.api("/api/episodes")["episodes"]}
        assert states == {"ep3": "changed", "ep7": "up to date"}
    result = run_cli("build", "--all", cwd=show, check=True)
    assert "ep7 is up to date" in result.stdout and "built ep3" in result.stdout
