"""The show's opening and sign-off around every recap, and ``preview --json``."""

from __future__ import annotations

import json
from pathlib import Path

import webvtt

from conftest import SHORT_SCRIPT, make_show, run_cli
from recapcast.config import load_project
from recapcast.model import EpisodeMeta
from recapcast.text.opening import fill
from recapcast.text.script import read_script
from recapcast.text.segments import plan_segments

DEFAULT = "{show}. {number}: {title}."


def _preview(show: Path, episode_id: str = "ep3") -> list[dict]:
    return json.loads(run_cli("preview", episode_id, "--json", cwd=show, check=True).stdout)


def _set(show: Path, line: str) -> None:
    config = show / "recapcast.toml"
    config.write_text(config.read_text().replace("[voice]", f"{line}\n\n[voice]"))


def test_the_default_opening_names_the_show_season_episode_and_title():
    meta = EpisodeMeta("The Long Tide", episode=4, season=3, show="Harbor Lights")
    assert fill(DEFAULT, meta, "My Recaps") == "Harbor Lights. Season 3, episode 4: The Long Tide."


def test_missing_fields_leave_no_stray_punctuation():
    assert fill(DEFAULT, EpisodeMeta("Pilot", episode=1), "Pod") == "Pod. Episode 1: Pilot."
    assert fill(DEFAULT, EpisodeMeta("Pilot"), "Pod") == "Pod. Pilot."
    assert fill("{number}: {title}", EpisodeMeta("Pilot"), "Pod") == "Pilot"
    assert fill("", EpisodeMeta("Pilot"), "Pod") == ""


def test_preview_json_lists_the_opening_body_and_sign_off(show: Path):
    rows = _preview(show)
    assert [r["number"] for r in rows] == list(range(1, len(rows) + 1))
    assert [(r["role"], r["written"]) for r in rows[:2]] == [
        ("opening", "Test Show."), ("opening", "Season 1, episode 3: A Short Test.")]
    # The engine is handed number words; the opening is in the Intro chapter.
    assert rows[1]["text"] == "Season one, episode three: A Short Test."
    assert {r["chapter"] for r in rows[:2]} == {"Intro"}
    quote = next(r for r in rows if r["role"] == "quote")
    assert (quote["speaker"], quote["chapter"]) == ("Jessica Jones", "Opening")
    assert rows[-1]["role"] == "signoff" and rows[-1]["chapter"] == "The Chase"
    assert rows[-1]["text"] == "Thanks for listening to Test Show."
    assert all(r["engine"] == "tone" for r in rows)


def test_the_script_show_name_is_used_and_a_changed_template_speaks_one_take(show: Path):
    script = show / "scripts" / "ep3.md"
    script.write_text(SHORT_SCRIPT.replace('guid: "', 'show: "Harbor Lights"\nguid: "'))
    assert _preview(show)[0]["written"] == "Harbor Lights."
    first = json.loads(run_cli("build", "ep3", "--json", cwd=show, check=True).stdout)
    vtt = webvtt.read(first["transcript"]["vtt"]).captions
    assert vtt[0].text == "Harbor Lights." and vtt[-1].text == "Thanks for listening to Test Show."
    _set(show, 'signoff = "See you next week on {podcast}."')
    second = json.loads(run_cli("build", "ep3", "--json", cwd=show, check=True).stdout)
    assert second["synthesized"] == 1 and second["segments"] == first["segments"]
    assert webvtt.read(second["transcript"]["vtt"]).captions[-1].text == (
        "See you next week on Test Show.")


def test_opening_and_sign_off_can_be_turned_off(show: Path):
    _set(show, 'opening = ""\nsignoff = ""')
    project = load_project(show)
    segments, _ = plan_segments(read_script(project, "ep3"), project.show)
    assert segments[0].written == "Opening" and segments[-1].role == "narrator"


def test_an_unknown_template_field_is_a_config_error(tmp_path: Path):
    show = make_show(tmp_path / "show")
    _set(show, 'opening = "{series}: {title}"')
    result = run_cli("build", "ep3", cwd=show)
    assert result.returncode == 1
    assert result.stderr.startswith("error: [show] opening names an unknown field {series}")
    assert "Traceback" not in result.stderr


def test_preview_json_refuses_a_segment_number(show: Path):
    result = run_cli("preview", "ep3", "--json", "--segment", "2", cwd=show)
    assert result.returncode == 2 and result.stderr.startswith("error: --json lists")


def test_the_opening_and_default_sign_off_are_in_the_shows_language(show: Path):
    meta = EpisodeMeta("La herencia", episode=5, season=2, show="Las Hermanas")
    assert fill(DEFAULT, meta, "Pod", "es") == "Las Hermanas. Temporada 2, episodio 5: La herencia."
    assert fill(DEFAULT, meta, "Pod", "de-AT") == "Las Hermanas. Staffel 2, Folge 5: La herencia."
    _set(show, 'language = "es"')
    rows = _preview(show)
    assert rows[1]["text"] == "Temporada uno, episodio tres: A Short Test."
    assert rows[-1]["role"] == "signoff"
    assert rows[-1]["text"] == "Gracias por escuchar Test Show."


def test_an_untitled_recaps_placeholder_title_is_not_announced(show: Path):
    assert fill(DEFAULT, EpisodeMeta("ep7", episode=7), "Pod", "en", "ep7") == "Pod. Episode 7."
    assert fill(DEFAULT, EpisodeMeta("ep7"), "Pod", "en", "ep7") == "Pod."
    assert fill(DEFAULT, EpisodeMeta("Pilot"), "Pod", "en", "ep7") == "Pod. Pilot."
    # a title made of the number alone ("Pebble & Finch 2x01" has none): said once
    assert fill(DEFAULT, EpisodeMeta("Episode 1", episode=1, season=2), "Pod", "en", "ep7") == \
        "Pod. Season 2, episode 1."
