"""Edits are addressed, not counted: an edit made on a page that is behind (another tab
changed the script, a text editor wrote the file, ``recapcast import --force`` replaced it)
reaches the sentence it was made on, or is refused with 409 and the current text; it never
lands on whatever now sits at the old position (the tone engine, real HTTP)."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

from conftest import make_show, run_cli
from recapcast.studio.blockids import carry_ids, name_blocks
from recapcast.text.script import parse_script
from studio_server import Studio, running_studio

SCRIPT = textwrap.dedent("""\
    ---
    title: "Storms"
    episode: 5
    date: 2026-01-02
    summary: "A test."
    guid: "1b4e28ba-2fa1-11d2-883f-0016cb4a4c05"
    ---

    # First

    The first question is about the boat. Nobody saw it leave.

    The storm that broke the pier came at night. The answer to the second one points at Ines.

    Kenji waits on the pier. He waits all night.

    [pause 1s]

    Kenji waits on the pier. He waits all night.
    """)


@pytest.fixture
def show(tmp_path: Path) -> Path:
    return make_show(tmp_path / "show", script=SCRIPT, episode_id="ep5")


@pytest.fixture
def studio(show: Path):
    with running_studio(show) as running:
        yield running


def _post(studio: Studio, path: str, body: dict) -> tuple[int, dict]:
    status, _, data = studio.request("POST", f"/api/episodes/ep5/{path}", body)
    return status, json.loads(data)


def _texts(view: dict) -> list[str]:
    return [b.get("text", b["kind"]) for b in view["blocks"]]


def test_an_edit_from_a_tab_behind_reaches_its_own_sentence(studio: Studio, show: Path):
    stale = studio.api("/api/episodes/ep5")  # the second tab's view
    storm = studio.segment_at("ep5", 2, 0, stale)
    answer = studio.sentence_at("ep5", 2, 1, stale)
    # The first tab deletes the paragraph above.
    studio.delete_block("ep5", 1)
    # A click in the second tab plays the storm sentence, not the one now at its number.
    take = studio.api("/api/episodes/ep5/speak", storm)
    assert take["written"] == "The storm that broke the pier came at night."
    # Its edit of the second sentence changes that sentence and nothing else.
    studio.api("/api/episodes/ep5/sentence", {**answer, "text": "The answer points at Kenji."})
    view = studio.api("/api/episodes/ep5")
    assert _texts(view)[:2] == [
        "First", "The storm that broke the pier came at night. The answer points at Kenji."]
    # The first tab inserts a block at the top and moves one: still found.
    studio.insert_block("ep5", 0, {"kind": "heading", "text": "Cold Open"})
    kenji = studio.sentence_at("ep5", 3, 1)
    first = studio.api("/api/episodes/ep5")["blocks"][0]["id"]
    studio.api("/api/episodes/ep5/move", {**studio.block_at("ep5", 3), "after": None})
    studio.api("/api/episodes/ep5/move", {**studio.block_at("ep5", 0), "after": first})
    studio.api("/api/episodes/ep5/sentence", {**kenji, "text": "He sleeps."})
    assert _texts(studio.api("/api/episodes/ep5")) == [
        "Cold Open", "Kenji waits on the pier. He sleeps.", "First",
        "The storm that broke the pier came at night. The answer points at Kenji.",
        "pause", "Kenji waits on the pier. He waits all night."]


def test_an_edit_of_what_changed_or_went_away_is_refused_with_the_current_text(
        studio: Studio, show: Path):
    stale = studio.api("/api/episodes/ep5")
    gone = studio.sentence_at("ep5", 1, 0, stale)
    storm_block = studio.block_at("ep5", 2, stale)
    storm = studio.sentence_at("ep5", 2, 0, stale)
    studio.delete_block("ep5", 1)
    studio.api("/api/episodes/ep5/sentence", {**studio.sentence_at("ep5", 1, 0),
                                              "text": "A storm came."})
    before = studio.api("/api/episodes/ep5")
    # The deleted paragraph's sentence: refused, nothing changed.
    status, data = _post(studio, "sentence", {**gone, "text": "Someone saw it."})
    assert status == 409 and data["stale"] and data["current"] is None
    assert data["view"]["revision"] == before["revision"]
    # The sentence another tab changed: refused, with the block's text as it is now.
    status, data = _post(studio, "sentence", {**storm, "text": "The wind rose."})
    assert status == 409
    assert data["current"] == ("A storm came. The answer to the second one points "
                               "at Ines.")
    # The whole block, edited or deleted from the older view: refused.
    status, data = _post(studio, "block", {**storm_block, "block": {
        "kind": "paragraph", "text": "Overwritten."}})
    assert status == 409 and "Overwritten" not in json.dumps(data["view"])
    status, data = _post(studio, "delete", storm_block)
    assert status == 409
    # Inserting after a block that is gone, and a click on it: refused.
    status, _ = _post(studio, "insert", {"after": gone["id"], "block": {
        "kind": "pause", "seconds": 1}})
    assert status == 409
    status, _ = _post(studio, "speak", {"id": gone["id"], "segment": 2,
                                        "written": "Nobody saw it leave."})
    assert status == 409
    assert studio.api("/api/episodes/ep5")["revision"] == before["revision"]


def test_two_identical_paragraphs_are_told_apart(studio: Studio):
    view = studio.api("/api/episodes/ep5")
    assert view["blocks"][3]["id"] != view["blocks"][5]["id"]
    last = studio.sentence_at("ep5", 5, 1, view)
    studio.delete_block("ep5", 3)  # the first of the twins
    studio.api("/api/episodes/ep5/sentence", {**last, "text": "He goes home."})
    assert _texts(studio.api("/api/episodes/ep5"))[-1] == "Kenji waits on the pier. He goes home."


def test_a_text_editor_and_import_force_writing_the_file(studio: Studio, show: Path,
                                                        tmp_path: Path):
    script = show / "scripts" / "ep5.md"
    view = studio.api("/api/episodes/ep5")
    boat = studio.sentence_at("ep5", 1, 1, view)
    storm = studio.sentence_at("ep5", 2, 0, view)
    # A text editor adds a paragraph at the top and rewrites the storm sentence.
    text = script.read_text("utf-8").replace("# First\n", "# First\n\nA new line.\n").replace(
        "The storm that broke the pier came at night.", "The gale came at dawn.")
    script.write_text(text, "utf-8")
    now = studio.api("/api/episodes/ep5")
    assert now["revision"] != view["revision"] and not now["dirty"]
    assert "The gale came at dawn." in now["text"]  # the draft follows the file
    studio.api("/api/episodes/ep5/sentence", {**boat, "text": "Everyone saw it leave."})
    status, data = _post(studio, "sentence", {**storm, "text": "Thunder."})
    assert status == 409 and data["current"].startswith("The gale came at dawn.")
    assert studio.api("/api/episodes/ep5/save", {})["saved"]
    saved = script.read_text("utf-8")
    assert "A new line.\n\nThe first question is about the boat. Everyone saw it leave." in saved
    assert "The gale came at dawn." in saved and "Thunder" not in saved
    # recapcast import --force replaces the script: every edit from before is refused.
    view = studio.api("/api/episodes/ep5")
    recap = tmp_path / "recap.txt"
    recap.write_text("Storms, Episode 5\n\nA different recap entirely. It has two lines.\n",
                     "utf-8")
    run_cli("import", str(recap), "ep5", "--force", cwd=show, check=True)
    status, data = _post(studio, "sentence", {**studio.sentence_at("ep5", 2, 0, view),
                                              "text": "Lost?"})
    assert status == 409
    assert "A different recap entirely." in data["view"]["text"]
    assert script.read_text("utf-8") == data["view"]["text"]


def test_ids_follow_blocks_through_a_change_of_the_file():
    old = parse_script(SCRIPT, "ep5").blocks
    ids = name_blocks(old)
    assert len(set(ids)) == len(ids) and name_blocks(old) == ids  # the same in every run
    new = parse_script(SCRIPT.replace("# First\n", "# First\n\nNew.\n").replace(
        "He waits all night.\n\n[pause", "He sleeps.\n\n[pause"), "ep5").blocks
    carried = carry_ids(old, ids, new)
    assert carried[0] == ids[0] and carried[2:] == ids[1:]  # the changed twin keeps its id
    assert carried[1] not in ids


def test_details_and_undo_name_what_they_change(studio: Studio):
    stale = studio.api("/api/episodes/ep5")
    studio.api("/api/episodes/ep5/details", {"details": {"title": "Gales"},
                                             "was": stale["meta"]})
    # Another tab, behind, changes the title too: refused; a field it did not touch is
    # not compared.
    status, data = _post(studio, "details", {"details": {"title": "Squalls"},
                                             "was": stale["meta"]})
    assert status == 409 and data["current"] == "Gales"
    view = studio.api("/api/episodes/ep5/details", {
        "details": {**stale["meta"], "season": "3"}, "was": stale["meta"]})
    assert (view["meta"]["title"], view["meta"]["season"]) == ("Gales", 3)
    status, data = _post(studio, "details", {"details": {"date": "3 March"},
                                             "was": view["meta"]})
    assert status == 400 and "YYYY-MM-DD" in data["error"]
    # Undo takes back one change at a time, redo does it again.
    assert studio.api("/api/episodes/ep5/undo", {})["meta"]["season"] is None
    undone = studio.api("/api/episodes/ep5/undo", {})
    assert undone["meta"]["title"] == "Storms" and not undone["dirty"] and undone["redo"] == 2
    assert studio.api("/api/episodes/ep5/redo", {})["meta"]["title"] == "Gales"
    assert studio.api("/api/episodes/ep5/redo", {})["meta"]["season"] == 3
    status, data = _post(studio, "redo", {})
    assert status == 400 and data["error"] == "nothing to redo"
