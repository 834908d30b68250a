"""What a user sees: import, and one-line errors with no traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import DATA, run_cli


def _assert_error(result, message: str, code: int = 1) -> None:
    assert result.returncode == code, result.stderr
    # The very first line, with nothing (not even a progress bar's blank line) before it.
    assert result.stderr.startswith("error: "), result.stderr
    lines = result.stderr.strip().splitlines()
    assert message in lines[0]
    assert "Traceback" not in result.stderr


def test_import_writes_a_script_and_refuses_to_overwrite(show: Path):
    first = run_cli("import", str(DATA / "ep12.txt"), "ep12", cwd=show)
    assert first.returncode == 0, first.stderr
    script = show / "scripts" / "ep12.md"
    text = script.read_text()
    assert "> I can only fight one big bad at a time.\n> — Jessica Jones" in text
    script.write_text(text + "\nMy own edit.\n")
    again = run_cli("import", str(DATA / "ep12.txt"), "ep12", cwd=show)
    _assert_error(again, "already exists")
    assert "My own edit." in script.read_text()
    forced = run_cli("import", str(DATA / "ep12.txt"), "ep12", "--force", cwd=show)
    assert forced.returncode == 0
    assert "My own edit." not in script.read_text()


def _front(script: Path, key: str) -> str:
    return next(line.partition(":")[2].strip() for line in script.read_text().splitlines()
                if line.startswith(f"{key}:"))


def test_import_force_keeps_the_published_guid_and_date(show: Path):
    # A replaced script is the same episode in podcast apps: its guid (and date) stay.
    script = show / "scripts" / "ep12.md"
    run_cli("import", str(DATA / "ep12.txt"), "ep12", "--date", "2026-01-02", cwd=show,
            check=True)
    guid = _front(script, "guid")
    run_cli("import", str(DATA / "ep12.txt"), "ep12", "--force", cwd=show, check=True)
    assert (_front(script, "guid"), _front(script, "date")) == (guid, "2026-01-02")
    run_cli("import", str(DATA / "ep12.txt"), "ep12", "--force", "--date", "2026-03-04",
            cwd=show, check=True)
    assert (_front(script, "guid"), _front(script, "date")) == (guid, "2026-03-04")


@pytest.mark.parametrize("args, message, code", [
    (("build", "ep99"), "no script for episode 'ep99'", 1),
    (("build", "../etc"), "invalid episode id", 2),
    (("build", "ep3", "--engine", "espeak"), "unknown engine 'espeak'", 1),
    (("import", "missing.txt", "ep5"), "cannot read missing.txt", 1),
    (("build",), "give an EPISODE_ID or --all", 2),
    (("frobnicate",), "No such command", 2),
])
def test_user_errors_are_one_line_with_no_traceback(show: Path, args, message, code):
    result = run_cli(*args, cwd=show)
    _assert_error(result, message, code)


def test_a_missing_recap_file_says_so_and_hints_at_the_path(show: Path):
    result = run_cli("import", "missing.txt", "ep5", cwd=show)
    _assert_error(result, "cannot read missing.txt: there is no such file")
    assert f"hint: check the path (a relative path starts in {show})" in result.stderr
    assert "narration script" not in result.stderr
    folder = run_cli("import", "scripts", "ep5", cwd=show)
    _assert_error(folder, "cannot read scripts: it is a folder, not a file")
    assert not (show / "scripts" / "ep5.md").exists()


def test_unknown_engine_hint_lists_the_known_engines(show: Path):
    result = run_cli("build", "ep3", "--engine", "espeak", cwd=show)
    assert "hint: known engines: gtts, piper, tone" in result.stderr


def test_malformed_script_names_the_line(show: Path):
    (show / "scripts" / "ep3.md").write_text('---\ntitle: "x"\n---\n\n[fade 2s]\n')
    result = run_cli("build", "ep3", cwd=show)
    _assert_error(result, "scripts/ep3.md:")
    assert "\nscripts/ep3.md:5: error: unknown directive [fade 2s]" in result.stderr
    assert not (show / "audio" / "ep3.mp3").exists()


def test_build_lists_every_check_error_as_check_prints_them(show: Path):
    # A parse error after check errors: build lists all of them, in check's own lines.
    (show / "scripts" / "ep3.md").write_text(
        '---\ntitle: "x"\n---\n\nJessica walks in.\n\nHe said {episode|EP-i-sode.\n\n'
        'Then {Cage|KAYJ.\n\n[fade 2s]\n')
    check = run_cli("check", "ep3", cwd=show)
    errors = [x for x in check.stdout.splitlines() if ": error: " in x]
    assert len(errors) == 3, check.stdout
    result = run_cli("build", "ep3", cwd=show)
    lines = result.stderr.splitlines()
    assert lines[:3] == [f"error: {errors[0]}", *errors[1:]]
    assert lines[3].startswith("hint: fix these 3 errors, then build again (recapcast check")


def test_outside_a_show_folder(tmp_path: Path):
    result = run_cli("build", "ep12", cwd=tmp_path)
    _assert_error(result, "no recapcast.toml")
