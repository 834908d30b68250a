"""The review of an imported script in the studio: left-out lines shown where they stood with
their reasons, brought back or left out in a click (over HTTP and in headless Chromium), the
front matter corrected, a stale page refused."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

from conftest import make_show
from recapcast.studio.review import Entry, Record, layout, source_lines
from recapcast.text import learned
from recapcast.text.script import parse_script, render_script
from studio_server import Studio, running_studio
from test_page import CHROMIUM, Chromium

RECAP = textwrap.dedent("""\
    Harbor Lights, Episode 4: The Long Tide
    By Jane Doe
    Posted March 3, 2026

    Ines sails out at dawn. The storm follows her.

    [Advertisement]

    ## The Storm

    Kenji waits on the pier.
    He counts the boats.

    "We wait," says Kenji.

    Sofa score: 3 cushions of 5
    Share this recap
    """)
"""The recap the fixture record stands for (line numbers below are its lines)."""

SCRIPT = textwrap.dedent("""\
    ---
    title: "The Long Tide"
    show: "Harbor Lights"
    episode: 4
    season:
    date: 2026-03-03
    summary: "Ines sails out at dawn."
    guid: "5f1c7a52-8d55-4c3e-9d0a-2b6c0e9a4f11"
    ---

    Ines sails out at dawn. The storm follows her.

    # The Storm

    Kenji waits on the pier. He counts the boats.

    > We wait.
    > — Kenji

    Sofa score: 3 cushions of 5
    """)

RECORD = {
    "source": "recap.txt",
    "meta": {"show": "Harbor Lights", "title": "The Long Tide", "season": None, "episode": 4,
             "author": "Jane Doe"},
    "script": SCRIPT,
    "kept": [
        {"line": 1, "text": "Harbor Lights, Episode 4: The Long Tide", "as": "title line"},
        {"line": 5, "text": "Ines sails out at dawn. The storm follows her.", "as": "narration"},
        {"line": 9, "text": "## The Storm", "as": "heading"},
        {"line": 11, "text": "Kenji waits on the pier.", "as": "narration"},
        {"line": 12, "text": "He counts the boats.", "as": "narration"},
        {"line": 14, "text": "\"We wait,\" says Kenji.", "as": "quote by Kenji"},
        {"line": 16, "text": "Sofa score: 3 cushions of 5", "as": "narration"},
    ],
    "left_out": [
        {"line": 2, "text": "By Jane Doe", "reason": "byline"},
        {"line": 3, "text": "Posted March 3, 2026", "reason": "publication date"},
        {"line": 7, "text": "[Advertisement]", "reason": "site furniture: advertisement"},
        {"line": 17, "text": "Share this recap", "reason": "call to action"},
    ],
}
BODY = ["Ines sails out at dawn. The storm follows her.", "The Storm",
        "Kenji waits on the pier. He counts the boats.", "We wait.",
        "Sofa score: 3 cushions of 5"]


def _imported(show: Path, episode_id: str, script: str = SCRIPT) -> Path:
    """An imported episode as import leaves it: the script and its import record."""
    assert RECAP.splitlines()[1] == "By Jane Doe"  # the record's line numbers hold
    path = show / "scripts" / f"{episode_id}.md"
    path.write_text(script, "utf-8")
    (show / "scripts" / ".imported").mkdir(exist_ok=True)
    (show / "scripts" / ".imported" / f"{episode_id}.json").write_text(
        json.dumps(RECORD, indent=1), "utf-8")
    return path


def _blocks(path: Path) -> list[tuple[str, str]]:
    script = parse_script(path.read_text("utf-8"), path.stem)
    return [(type(b).__name__, b.text) for b in script.blocks]


def _taught(show: Path, which: str, text: str) -> bool:
    """Whether the show's learned.toml has a ``leave_out`` or ``keep`` rule for ``text``."""
    return any(rule.pattern.matches(text) for rule in getattr(learned.load(show), which))


def _rows(view: dict) -> list[tuple]:
    return [(i["type"], i["line"], i["text"], i.get("reason") or i.get("was"))
            for i in view["items"]]


@pytest.fixture(scope="module")
def show(tmp_path_factory) -> Path:
    return make_show(tmp_path_factory.mktemp("studio-review") / "show")


@pytest.fixture(scope="module")
def studio(show: Path):
    with running_studio(show) as running:
        yield running


# -- where a block stood (no server) --------------------------------------------------


def _record() -> Record:
    return Record("recap.txt", RECORD["meta"], SCRIPT,
                  tuple(Entry(e["line"], e["text"], e["as"]) for e in RECORD["kept"]),
                  tuple(Entry(e["line"], e["text"], e["reason"]) for e in RECORD["left_out"]))


def test_each_block_import_wrote_is_placed_at_the_recap_line_it_came_from():
    blocks = list(parse_script(SCRIPT, "ep").blocks)
    # Two lines made one paragraph; the quote's line names its speaker; the title line
    # became the front matter.
    assert source_lines(blocks, _record().kept) == [5, 9, 11, 14, 16]


def test_a_line_cut_short_and_two_quotes_alike_find_their_blocks():
    # Seen on the recap corpus: a wiki heading's "[edit]" taken off by import; a reply that
    # holds most of the words of the line before it.
    script = parse_script(textwrap.dedent("""\
        ---
        title: "T"
        ---

        # Plot

        Ines goes out alone.

        > We go out today, or we sell the boat on Friday.
        > — Ines

        > Then we sell the boat on Friday.
        > — Kenji
        """), "ep")
    kept = (Entry(2, "Plot[edit]", "heading"), Entry(3, "Ines goes out alone.", "narration"),
            Entry(4, "INES: We go out today, or we sell the boat on Friday.", "quote by Ines"),
            Entry(5, "KENJI: Then we sell the boat on Friday.", "quote by Kenji"))
    assert source_lines(list(script.blocks), kept) == [2, 3, 4, 5]


def test_edits_made_in_a_text_editor_show_in_the_review():
    # A sentence edited, a block removed, a left-out line typed back in: the edited block
    # keeps its place, the removed one is struck through, the typed one is brought back.
    edited = (SCRIPT.replace("He counts the boats.", "He counts every boat.")
              .replace("Sofa score: 3 cushions of 5\n", "Share this recap\n"))
    found = layout(_record(), parse_script(edited, "ep"))
    rows = [(i.type, i.line, i.brought_back) for i in found.items]
    assert rows == [("left_out", 2, None), ("left_out", 3, None), ("block", 5, None),
                    ("left_out", 7, None), ("block", 9, None), ("block", 11, None),
                    ("block", 14, None), ("removed", 16, None), ("block", 17, 3)]
    assert found.removed[0].text == "Sofa score: 3 cushions of 5"
    assert found.struck == 4


# -- over HTTP ------------------------------------------------------------------------


def test_the_review_shows_each_left_out_line_where_it_stood_with_its_reason(
        studio: Studio, show: Path):
    _imported(show, "rv1")
    view = studio.api("/api/episodes/rv1/review")
    assert view["record"] is True and view["reviewed"] is False
    assert view["found"]["author"] == "Jane Doe" and view["source"] == "recap.txt"
    assert view["meta"] == {"title": "The Long Tide", "show": "Harbor Lights", "season": None,
                            "episode": 4}
    assert _rows(view) == [
        ("left_out", 2, "By Jane Doe", "byline"),
        ("left_out", 3, "Posted March 3, 2026", "publication date"),
        ("block", 5, BODY[0], None),
        ("left_out", 7, "[Advertisement]", "site furniture: advertisement"),
        ("block", 9, BODY[1], None),
        ("block", 11, BODY[2], None),
        ("block", 14, BODY[3], None),
        ("block", 16, BODY[4], None),
        ("left_out", 17, "Share this recap", "call to action"),
    ]
    assert view["left_out"] == 4
    assert {"id": "rv1", "reviewed": False, "left_out": 4} in \
        studio.api("/api/reviews")["imports"]
    # A script import did not write has nothing to review.
    assert studio.api("/api/episodes/ep3/review") == {"id": "ep3", "record": False}
    assert "ep3" not in [i["id"] for i in studio.api("/api/reviews")["imports"]]


def test_bring_back_a_left_out_line_where_it_stood_and_leave_it_out_again(
        studio: Studio, show: Path):
    path = _imported(show, "rv2")
    view = studio.api("/api/episodes/rv2/review")
    view = studio.api("/api/episodes/rv2/review/restore",
                      {"revision": view["revision"], "left_out": 0})
    assert _blocks(path)[:2] == [("Paragraph", "By Jane Doe"), ("Paragraph", BODY[0])]
    assert _rows(view)[:3] == [("block", 2, "By Jane Doe", "byline"),
                               ("left_out", 3, "Posted March 3, 2026", "publication date"),
                               ("block", 5, BODY[0], None)]
    assert _taught(show, "keep", "By Jane Doe")

    # As a heading; its brackets would make it a directive, so they go.
    view = studio.api("/api/episodes/rv2/review/restore",
                      {"revision": view["revision"], "left_out": 2, "as": "heading"})
    assert [t for _, t in _blocks(path)] == ["By Jane Doe", BODY[0], "Advertisement",
                                             *BODY[1:]]
    assert _blocks(path)[2] == ("Heading", "Advertisement")

    # The opposite click: left out again, struck through with import's reason.
    index = next(i["number"] for i in view["items"] if i["text"] == "By Jane Doe")
    view = studio.api("/api/episodes/rv2/review/leave-out",
                      {"revision": view["revision"], "index": index})
    assert [t for _, t in _blocks(path)] == [BODY[0], "Advertisement", *BODY[1:]]
    assert _rows(view)[0] == ("left_out", 2, "By Jane Doe", "byline")
    assert _taught(show, "leave_out", "By Jane Doe")
    assert not _taught(show, "keep", "By Jane Doe")

    # As a quote.
    view = studio.api("/api/episodes/rv2/review/restore",
                      {"revision": view["revision"], "left_out": 3, "as": "quote"})
    assert _blocks(path)[-1] == ("Quote", "Share this recap")
    status, _, data = studio.request("POST", "/api/episodes/rv2/review/restore",
                                     {"revision": view["revision"], "left_out": 1,
                                      "as": "table"})
    assert status == 400 and b"narration, heading, quote" in data


def test_leave_out_a_kept_block_and_bring_it_back(studio: Studio, show: Path):
    path = _imported(show, "rv3")
    view = studio.api("/api/episodes/rv3/review")
    assert {"id": "rv3", "reviewed": False, "left_out": 4} in \
        studio.api("/api/reviews")["imports"]
    view = studio.api("/api/episodes/rv3/review/leave-out",
                      {"revision": view["revision"], "index": 4})
    assert [t for _, t in _blocks(path)] == BODY[:4]
    assert _taught(show, "leave_out", BODY[4])
    removed = [i for i in view["items"] if i["type"] == "removed"]
    assert [(r["line"], r["text"], r["reason"]) for r in removed] == [
        (16, BODY[4], "left out by the editor")]
    assert view["left_out"] == 5
    # The episode list's count follows the file.
    assert {"id": "rv3", "reviewed": False, "left_out": 5} in \
        studio.api("/api/reviews")["imports"]
    view = studio.api("/api/episodes/rv3/review/restore",
                      {"revision": view["revision"], "removed": removed[0]["number"]})
    assert path.read_text("utf-8") == SCRIPT
    assert _rows(view)[-2] == ("block", 16, BODY[4], None)
    assert _taught(show, "keep", BODY[4]) and not _taught(show, "leave_out", BODY[4])
    # Pauses and pronunciations are not lines of the recap: the editor deletes those.
    _imported(show, "rv3", SCRIPT + "\n[pause 2s]\n")
    view = studio.api("/api/episodes/rv3/review")
    status, _, data = studio.request("POST", "/api/episodes/rv3/review/leave-out",
                                     {"revision": view["revision"], "index": 5})
    assert status == 400 and b"only text" in data


def test_a_script_changed_since_the_page_read_it_is_not_written(studio: Studio, show: Path):
    path = _imported(show, "rv4")
    view = studio.api("/api/episodes/rv4/review")
    # Changed on disk (another editor) after the review was shown.
    changed = SCRIPT.replace("He counts the boats.", "He counts the gulls.")
    path.write_text(changed, "utf-8")
    before = (show / "learned.toml").read_bytes() if (show / "learned.toml").exists() else b""
    for action, body in (("restore", {"left_out": 0}), ("leave-out", {"index": 0}),
                         ("meta", {"title": "X"})):
        status, _, data = studio.request("POST", f"/api/episodes/rv4/review/{action}",
                                         {"revision": view["revision"], **body})
        assert status == 409 and b"changed since the review was shown" in data, action
    assert path.read_text("utf-8") == changed
    after = (show / "learned.toml").read_bytes() if (show / "learned.toml").exists() else b""
    assert after == before
    # Unsaved edits of the script in the editor: the review does not write under them.
    first = studio.api("/api/episodes/rv4")["blocks"][0]
    studio.api("/api/episodes/rv4/block", {"id": first["id"], "key": first["key"],
                                           "block": {"kind": "paragraph", "text": "Ines sails."}})
    view = studio.api("/api/episodes/rv4/review")
    status, _, data = studio.request("POST", "/api/episodes/rv4/review/leave-out",
                                     {"revision": view["revision"], "index": 4})
    assert status == 409 and b"unsaved edits" in data
    assert path.read_text("utf-8") == changed
    studio.api("/api/episodes/rv4/discard", {})
    studio.api("/api/episodes/rv4/review/leave-out", {"revision": view["revision"], "index": 4})
    assert BODY[4] not in path.read_text("utf-8")


def test_the_review_is_behind_the_studio_guard(studio: Studio, show: Path):
    path = _imported(show, "rv7")
    revision = studio.api("/api/episodes/rv7/review")["revision"]
    for route in ("/api/reviews", "/api/episodes/rv7/review", "/static/review.js"):
        assert studio.request("GET", route, cookie=False)[0] == 403, route
    body = {"revision": revision, "index": 0}
    for headers in ({"Origin": "http://evil.example"}, {"Content-Type": "text/plain"}):
        status, _, _ = studio.request("POST", "/api/episodes/rv7/review/leave-out", body,
                                      headers=headers)
        assert status in (403, 415), headers
    assert path.read_text("utf-8") == SCRIPT
    status, _, data = studio.request("GET", "/api/episodes/..%2Fscripts/review")
    assert status in (400, 404), data


def test_a_broken_learned_file_loses_the_lesson_not_the_edit(studio: Studio, show: Path):
    path = _imported(show, "rv8")
    learned_file = show / "learned.toml"
    before = learned_file.read_bytes() if learned_file.exists() else None
    learned_file.write_text("[[leave_out]\n", "utf-8")
    try:
        view = studio.api("/api/episodes/rv8/review")
        view = studio.api("/api/episodes/rv8/review/leave-out",
                          {"revision": view["revision"], "index": 4})
        assert BODY[4] not in path.read_text("utf-8")
        assert view["warning"].startswith("changed, but the show did not remember it: ")
        assert "learned.toml" in view["warning"]
        assert learned_file.read_text("utf-8") == "[[leave_out]\n"
    finally:
        if before is None:
            learned_file.unlink()
        else:
            learned_file.write_bytes(before)


def test_correct_the_title_show_season_and_episode(studio: Studio, show: Path):
    path = _imported(show, "rv5")
    view = studio.api("/api/episodes/rv5/review")
    view = studio.api("/api/episodes/rv5/review/meta", {
        "revision": view["revision"], "title": " The  Long Tide, Part 2 ",
        "show": "Harbour \"Lights\"", "season": "3", "episode": 5})
    assert view["meta"] == {"title": "The Long Tide, Part 2", "show": 'Harbour "Lights"',
                            "season": 3, "episode": 5}
    script = parse_script(path.read_text("utf-8"), "rv5")
    first = parse_script(SCRIPT, "rv5")
    assert script.blocks == first.blocks
    assert (script.meta.guid, script.meta.date, script.meta.summary) == (
        first.meta.guid, first.meta.date, first.meta.summary)
    assert render_script(script) == path.read_text("utf-8")
    view = studio.api("/api/episodes/rv5/review/meta", {
        "revision": view["revision"], "title": "The Long Tide", "show": "", "season": "",
        "episode": None})
    assert view["meta"] == {"title": "The Long Tide", "show": "", "season": None,
                            "episode": None}
    for bad, message in (({"title": ""}, b"title cannot be empty"),
                         ({"title": "T", "season": "three"}, b"season must be a whole number"),
                         ({"title": "T", "episode": -1}, b"episode must be a whole number")):
        status, _, data = studio.request("POST", "/api/episodes/rv5/review/meta",
                                         {"revision": view["revision"], **bad})
        assert status == 400 and message in data, bad


def test_a_reviewed_import_is_not_offered_again_until_it_is_imported_again(
        studio: Studio, show: Path):
    _imported(show, "rv6")

    def entry() -> dict:
        return next(i for i in studio.api("/api/reviews")["imports"] if i["id"] == "rv6")

    assert entry() == {"id": "rv6", "reviewed": False, "left_out": 4}
    assert studio.api("/api/episodes/rv6/review/done", {})["reviewed"] is True
    assert entry() == {"id": "rv6", "reviewed": True, "left_out": None}
    record = show / "scripts" / ".imported" / "rv6.json"
    record.write_text(record.read_text("utf-8").replace("byline", "author line"), "utf-8")
    assert entry()["reviewed"] is False


# -- in headless Chromium ---------------------------------------------------------------


@pytest.fixture
def page(studio: Studio, show: Path, tmp_path: Path):
    if CHROMIUM is None:
        pytest.skip("chromium is not installed (Debian: apt-get install chromium)")
    _imported(show, "rv9")
    (show / "learned.toml").unlink(missing_ok=True)  # what this test's clicks teach, alone
    browser = Chromium(tmp_path / "chromium-profile")
    try:
        browser.open(studio.url)
        # The page first opens an episode in the editor; the test starts after that.
        browser.wait_for("document.querySelector('#editor').hidden === false")
        yield browser
    finally:
        browser.close()


def _row(selector: str) -> str:
    return f"document.querySelector({json.dumps(selector)})"


def test_chromium_review_brings_a_byline_back_and_leaves_a_line_out(page: Chromium,
                                                                    show: Path):
    entry = "#episodes li[data-id='rv9'] .review-entry"
    page.wait_for(f"{_row(entry)}?.textContent === 'Review import (4 left out)'")
    page.click(entry)
    page.wait_for(_row("#review") + ".hidden === false")
    assert page.js(_row("#editor") + ".hidden") is True
    byline = ".review-item[data-type='left_out'][data-number='0']"
    assert page.js(_row(byline + " del") + ".textContent") == "By Jane Doe"
    assert page.js(_row(byline + " .reason") + ".textContent") == "byline"
    assert page.js(f"getComputedStyle({_row(byline + ' del')}).textDecorationLine") == \
        "line-through"
    # Where it stood: above the first paragraph.
    texts = page.js("[...document.querySelectorAll('.review-item')].map(e => "
                    "e.querySelector('del, p, h3').textContent)")
    assert texts[:3] == ["By Jane Doe", "Posted March 3, 2026", BODY[0]]

    page.click(byline + " .bring-back")
    page.wait_for(_row("#review-status") + ".textContent === 'brought back where it stood'")
    path = show / "scripts" / "rv9.md"
    assert [t for _, t in _blocks(path)] == ["By Jane Doe", *BODY]
    back = ".review-item[data-type='block'][data-index='0']"
    assert page.js(_row(back + " p") + ".textContent") == "By Jane Doe"
    assert page.js(_row(back + " .was") + ".textContent") == \
        "brought back (was left out: byline)"

    sofa = ("[...document.querySelectorAll('.review-item.kept')].find(e => "
            f"e.textContent.includes({json.dumps(BODY[4])}))")
    index = page.js(sofa + ".dataset.index")
    page.click(f".review-item[data-type='block'][data-index='{index}'] .leave-out")
    page.wait_for(_row("#review-status") + ".textContent.startsWith('left out')")
    assert BODY[4] not in path.read_text("utf-8")
    rules = learned.load(show)
    assert [r.learned_from for r in rules.keep] == ["rv9"]
    assert rules.keep[0].pattern.matches("By Jane Doe")
    assert [r.learned_from for r in rules.leave_out] == ["rv9"]
    assert rules.rule_leaving_out(BODY[4]) is not None
    # What import will leave out next time: the same line of another episode's score.
    assert rules.rule_leaving_out("Sofa score: 4 cushions of 5") is not None
    removed = ".review-item[data-type='removed']"
    assert page.js(_row(removed + " del") + ".textContent") == BODY[4]
    assert page.js(_row(removed + " .reason") + ".textContent") == "left out by the editor"

    # Done: the editor opens, and the list no longer offers the review.
    page.click("#review-done")
    page.wait_for(_row("#editor") + ".hidden === false && " + _row("#review") + ".hidden")
    page.wait_for(f"{_row(entry)}?.textContent === 'import review'")


def test_chromium_the_import_form_opens_the_review(page: Chromium, show: Path):
    # Import learns from the show's imported scripts first: the other tests' edits of
    # their episodes would teach this import; this test is about the review alone.
    for other in (show / "scripts" / ".imported").glob("rv[1-8].json"):
        other.unlink()
    # The record as import leaves it for this recap (today's rules leave out the score too).
    record = dict(RECORD, script=SCRIPT.replace("\nSofa score: 3 cushions of 5\n", ""),
                  kept=RECORD["kept"][:-1],
                  left_out=[*RECORD["left_out"][:3], {"line": 16, "text": BODY[4],
                                                      "reason": "site furniture: score"},
                            RECORD["left_out"][3]])
    (show / "scripts" / ".imported" / "rv10.json").write_text(json.dumps(record), "utf-8")
    page.wait_for(_row("#episodes li") + " !== null")
    page.js("document.querySelector('#import').open = true; const form = "
            "document.querySelector('#import-form'); form.episode.value = 'rv10'; "
            f"form.text.value = {json.dumps(RECAP)};")
    page.click("#import-form button[type='submit']")
    page.wait_for(_row("#review") + ".hidden === false")
    assert page.js(_row("#review-title") + ".textContent") == \
        "Review import: The Long Tide (rv10)"
    rows = page.js("[...document.querySelectorAll('.review-item')].map(e => "
                   "[e.dataset.type, e.querySelector('del, p, h3').textContent])")
    assert rows == [["left_out", "By Jane Doe"], ["left_out", "Posted March 3, 2026"],
                    ["block", BODY[0]], ["left_out", "[Advertisement]"], ["block", BODY[1]],
                    ["block", BODY[2]], ["block", BODY[3]], ["left_out", BODY[4]],
                    ["left_out", "Share this recap"]]
    assert page.js(_row("#review-source") + ".textContent").startswith("5 line(s) left out")
