"""Learning from the editor: line shapes, learned.toml, and what an edited script teaches."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest

from recapcast.errors import ConfigError, RecapcastError
from recapcast.text import learned
from recapcast.text.learned import (
    LEARNED_NAME,
    LearnedRule,
    LearnedRules,
    learn,
    learn_show,
    load,
    remember_kept,
    remember_left_out,
    rule_for,
)
from recapcast.text.script import import_recap, render_script
from recapcast.text.shapes import make_shape, parse_shape

DATA = Path(__file__).parent / "data"
GOLDEN = DATA / "learned_golden.tsv"
LEARNING = DATA / "learning"


def _golden():
    for number, line in enumerate(GOLDEN.read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip() and not line.startswith("#"):
            taught, other, matches, why = line.split("\t")
            assert matches in ("yes", "no"), (number, matches)
            yield pytest.param(taught, other, matches == "yes", id=f"{number}-{why[:40]}")


@pytest.mark.parametrize(("taught", "other", "matches"), list(_golden()))
def test_golden_shapes(taught, other, matches):
    rule = rule_for(taught, "ep1")
    rules = LearnedRules(leave_out=(rule,))
    reason = rules.leaves_out(other)
    assert bool(reason) == matches, (rule.shape, other)
    if matches:
        assert reason == f"learned from the editor (ep1): {rule.shape}"


def test_the_golden_table_covers_every_wildcard():
    shapes = " ".join(rule_for(p.values[0]).shape for p in _golden())
    for kind in ("number", "date", "time", "url", "handle", "quoted", "name", "code"):
        assert "{" + kind + "}" in shapes, kind


def test_a_shape_is_the_line_with_typed_wildcards():
    assert make_shape("Sofa score: 3 cushions of 5") == "Sofa score: {number} cushions of {number}"
    assert make_shape("The Back Row Club keeps these recaps free: 1,040 members and counting") \
        == "The {name} keeps these recaps free: {number} members and counting"
    assert make_shape("Next week on Harbour Lights: 'The Tide Turns' (airs March 3)") \
        == "Next week on {name}: {quoted} (airs {date})"
    assert make_shape("Live at 9:30 pm ET on www.example.com with @dee") \
        == "Live at {time} on {url} with {handle}"
    # "et" after a time is French for "and", not Eastern Time.
    assert make_shape("à 21h30 et demain") == "à {time} et {date}"


def test_too_general_a_shape_is_learned_as_the_line_itself():
    assert rule_for("March 3, 2026").shape == "March 3, 2026"
    assert rule_for("By Dee Okafor, 9:30 pm").shape == "By Dee Okafor, 9:30 pm"
    assert rule_for("Tuesday at 9 pm").shape == "Tuesday at 9 pm"
    assert parse_shape("updated {time} {date}").general_enough()
    assert not parse_shape("updated {name} {date}").general_enough()
    assert not parse_shape("{name}: {number}").general_enough()
    assert not parse_shape("score {number} of {number} {name}").general_enough()
    assert parse_shape("sofa score {number} of {number}").general_enough()
    assert rule_for("  ...  ") is None
    assert rule_for("A very long story paragraph. " * 200) is None


def test_a_kept_shape_overrides_a_left_out_one():
    rules = LearnedRules(leave_out=(rule_for("Sofa score: 3 cushions of 5", "ep1"),),
                         keep=(rule_for("Sofa score: 5 cushions of 5", "ep2"),))
    assert rules.keeps("Sofa score: 1 cushions of 5")
    assert rules.leaves_out("Sofa score: 1 cushions of 5") is None
    assert not LearnedRules().keeps("anything") and LearnedRules().leaves_out("x") is None
    long = LearnedRules(leave_out=(LearnedRule("The {name} keeps on {number}"),))
    assert long.leaves_out("The Club keeps on 4") and not long.leaves_out("The Club keeps on "
                                                                          + "9" * 4000)


# ---- learning from an edited script ------------------------------------------------------

RECAP = """\
Harbour Lights 2x04: "Low Water"

**Sofa score:** 3 cushions of 5

Marta stands at the end of the pier while the tide pulls back further than anyone can remember.

Jonah finds the wreck's bell half-buried near the breakwater and hauls it up without a word.

Aunt Rosie counts 912 loaves in the ledger and only 640 on the shelves.

Next week on Harbour Lights: 'The Tide Turns' (airs March 3)
"""


def _record(recap: str, episode_id: str, left_out=()) -> dict:
    """An import record as import writes it: the script, each recap block kept or not."""
    script = render_script(import_recap(recap, episode_id))
    blocks = [b.strip() for b in recap.split("\n\n") if b.strip()]
    kept = [{"line": i + 1, "text": b, "as": "narration"} for i, b in enumerate(blocks[1:])]
    return {"source": f"{episode_id}.txt", "meta": {}, "script": script, "kept": kept,
            "left_out": [{"line": 99, "text": t, "reason": "site furniture"}
                         for t in left_out]}


def _without(script: str, *starts: str) -> str:
    return "\n\n".join(b for b in script.split("\n\n") if not b.startswith(starts))


def test_learn_a_removed_block_from_its_recap_line():
    record = _record(RECAP, "ep4")
    leave, keep = learn(record, _without(record["script"], "Sofa score", "Next week"), "ep4")
    # The shape is made from the recap's line (what the next import meets), Markdown and all.
    assert [r.shape for r in leave] == ["**Sofa score:** {number} cushions of {number}",
                                        "Next week on {name}: {quoted} (airs {date})"]
    assert all(r.learned_from == "ep4" for r in leave) and keep == ()
    rules = LearnedRules(leave_out=leave)
    assert rules.leaves_out("Sofa score: 4 cushions of 5")
    assert rules.leaves_out("Next week on Harbour Lights: 'Salt and Iron' (airs March 10)")


def test_an_edited_split_or_moved_block_is_not_a_removal():
    record = _record(RECAP, "ep4")
    script = record["script"].replace(
        "Marta stands at the end of the pier while",
        "Marta, soaked, stands at the end of the old pier while")
    script = script.replace("the ledger and only", "the ledger.\n\nThere are only")
    blocks = script.split("\n\n")
    jonah = next(b for b in blocks if b.startswith("Jonah"))
    script = "\n\n".join([b for b in blocks if b != jonah] + [jonah])
    assert learn(record, script, "ep4") == ((), ())


def test_nothing_changed_teaches_nothing():
    record = _record(RECAP, "ep4")
    assert learn(record, record["script"], "ep4") == ((), ())


def test_a_left_out_line_brought_back_is_kept():
    record = _record(RECAP, "ep4", left_out=["Previously on Harbour Lights: Marta lost the boat.",
                                             "Photo: Dee Okafor"])
    back = "Previously on Harbour Lights: Marta lost the boat."
    script = record["script"].replace("\n\nMarta stands", f"\n\n{back}\n\nMarta stands")
    leave, keep = learn(record, script, "ep4")
    assert leave == ()
    assert [r.shape for r in keep] == ["Previously on {name}: {name} lost the boat."]
    assert LearnedRules(keep=keep).keeps("Previously on Harbour Lights: Jonah lost the boat.")


def test_a_brought_back_timestamp_is_kept_as_a_shape():
    # A keep rule is generalised as a leave-out rule is, with the same too-general guard.
    stamp = "Updated 10:42 AM EST, Thu February 15, 2024"
    record = _record(RECAP, "ep4", left_out=[stamp, "March 3, 2026"])
    script = record["script"].replace("\n\nMarta stands",
                                      f"\n\n{stamp}\n\nMarch 3, 2026\n\nMarta stands")
    leave, keep = learn(record, script, "ep4")
    assert leave == ()
    assert [r.shape for r in keep] == ["Updated {time}, {date}", "March 3, 2026"]
    rules = LearnedRules(keep=keep)
    assert rules.keeps("Updated 9:05 PM EST, Fri March 1, 2024")
    assert not rules.keeps("March 4, 2026") and not rules.keeps("Updated the map today")


def test_pronouns_are_one_table_per_language():
    from recapcast.text.shapes import PRONOUNS

    assert set(PRONOUNS) == {"en", "es", "fr", "de", "it", "pt"}
    assert set("he she they him her them his their".split()) <= set(PRONOUNS["en"].split())
    rule = rule_for("Follow her on Bluesky.", "ep1")
    assert rule.shape == "Follow her on {name}."
    assert LearnedRules(keep=(rule,)).keeps("Follow him on Bluesky.")


def test_learning_from_a_script_that_does_not_parse_raises_a_script_error():
    with pytest.raises(RecapcastError):
        learn(_record(RECAP, "ep4"), "no front matter here", "ep4")


# ---- the show's learned.toml -------------------------------------------------------------

def _show(root: Path, episode_id: str, recap: str, *remove: str) -> Path:
    """Import ``recap`` into the show at ``root`` and remove blocks as an editor would."""
    record = _record(recap, episode_id)
    records = root / learned.RECORDS_DIR
    records.mkdir(parents=True, exist_ok=True)
    (records / f"{episode_id}.json").write_text(json.dumps(record), encoding="utf-8")
    script = _without(record["script"], *remove) if remove else record["script"]
    (root / "scripts" / f"{episode_id}.md").write_text(script, encoding="utf-8")
    return root / "scripts" / f"{episode_id}.md"


def test_learn_show_writes_a_readable_file_that_round_trips(tmp_path):
    _show(tmp_path, "ep4", RECAP, "Sofa score")
    rules = learn_show(tmp_path)
    text = (tmp_path / LEARNED_NAME).read_text(encoding="utf-8")
    assert text.startswith("# What this show learned from its editor")
    assert "edit it by hand" in text
    data = tomllib.loads(text)
    assert data["leave_out"] == [{"shape": "**Sofa score:** {number} cushions of {number}",
                                  "learned_from": "ep4",
                                  "example": "**Sofa score:** 3 cushions of 5"}]
    assert load(tmp_path) == rules
    assert learned.render(load(tmp_path)) == text
    # Learning again from the same edits changes nothing, and does not rewrite the file.
    mtime = (tmp_path / LEARNED_NAME).stat().st_mtime_ns
    assert learn_show(tmp_path) == rules
    assert (tmp_path / LEARNED_NAME).stat().st_mtime_ns == mtime


def test_a_missing_file_is_no_rules(tmp_path):
    assert load(tmp_path) == LearnedRules() and not load(tmp_path)
    assert learn_show(tmp_path) == LearnedRules()
    assert not (tmp_path / LEARNED_NAME).exists()


def test_a_rule_deleted_by_hand_stays_deleted_until_the_edit_is_made_again(tmp_path):
    _show(tmp_path, "ep4", RECAP, "Sofa score", "Next week")
    learn_show(tmp_path)
    path = tmp_path / LEARNED_NAME
    text = path.read_text(encoding="utf-8")
    start = text.index("[[leave_out]]\nshape = \"**Sofa")
    path.write_text(text[:start] + text[text.index("[[leave_out]]", start + 1):],
                    encoding="utf-8")
    assert [r.shape for r in load(tmp_path).leave_out] == [
        "Next week on {name}: {quoted} (airs {date})"]
    assert [r.shape for r in learn_show(tmp_path).leave_out] == [
        "Next week on {name}: {quoted} (airs {date})"]
    # The same edit in another episode teaches it again.
    _show(tmp_path, "ep5", RECAP.replace("3 cushions", "4 cushions"), "Sofa score")
    shapes = [(r.shape, r.learned_from) for r in learn_show(tmp_path).leave_out]
    assert ("**Sofa score:** {number} cushions of {number}", "ep5") in shapes


def test_a_click_in_the_studio_teaches_even_a_rule_deleted_by_hand(tmp_path):
    remember_left_out(tmp_path, "ep4", "Sofa score: 3 cushions of 5")
    (tmp_path / LEARNED_NAME).write_text(
        (tmp_path / LEARNED_NAME).read_text(encoding="utf-8").split("[[leave_out]]")[0],
        encoding="utf-8")
    assert not load(tmp_path).leave_out
    rules = remember_left_out(tmp_path, "ep4", "Sofa score: 3 cushions of 5")
    assert rules.leaves_out("Sofa score: 2 cushions of 5") and load(tmp_path) == rules
    # Bringing back a line of that shape turns the rule around: the latest edit wins.
    rules = remember_kept(tmp_path, "ep6", "Sofa score: 1 cushions of 5")
    assert rules.leave_out == () and rules.keeps("Sofa score: 2 cushions of 5")
    assert load(tmp_path) == rules


def test_undoing_an_edit_in_the_script_forgets_it(tmp_path):
    script = _show(tmp_path, "ep4", RECAP, "Sofa score")
    assert learn_show(tmp_path).leave_out
    record = json.loads((tmp_path / learned.RECORDS_DIR / "ep4.json").read_text())
    script.write_text(record["script"], encoding="utf-8")  # the editor puts the line back
    rules = learn_show(tmp_path)
    assert rules.leave_out == () and rules.seen == ()
    script.write_text(_without(record["script"], "Sofa score"), encoding="utf-8")
    assert learn_show(tmp_path).leave_out  # and removing it again teaches it again


def test_a_hand_written_rule_is_read(tmp_path):
    (tmp_path / LEARNED_NAME).write_text(
        '[[leave_out]]\nshape = "Sofa score: {number} cushions of 5"\n', encoding="utf-8")
    rules = load(tmp_path)
    assert rules.leave_out == (LearnedRule("Sofa score: {number} cushions of 5"),)
    assert rules.leaves_out("Sofa score: 2 cushions of 5") == \
        "learned from the editor: Sofa score: {number} cushions of 5"
    assert rules.leaves_out("Sofa score: 2 cushions of 10") is None


@pytest.mark.parametrize(("text", "says"), [
    ("[[leave_out]\nshape = 1", "not valid TOML"),
    ('[[leave_out]]\nshape = "Sofa {score} of {number}"', "unknown wildcard {score}"),
    ('[[leave_out]]\nshap = "Sofa score"', "unknown key 'shap'"),
    ('[[leave_out]]\nlearned_from = "ep1"', "has no shape"),
    ('leave_out = "Sofa score"', "must be a list"),
    ('[[leave-out]]\nshape = "Sofa score"', "unknown section 'leave-out'"),
    ('[seen]\nep1 = ["forget: x"]', "must start with"),
])
def test_a_malformed_file_is_one_clean_error(tmp_path, text, says):
    (tmp_path / LEARNED_NAME).write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load(tmp_path)
    assert caught.value.message.startswith(f"{LEARNED_NAME}: ")
    assert says in caught.value.message and "\n" not in caught.value.message
    assert caught.value.hint


def test_what_one_show_learns_does_not_reach_another(tmp_path):
    one, two = tmp_path / "one", tmp_path / "two"
    for root in (one, two):
        (root / "scripts").mkdir(parents=True)
    _show(one, "ep4", RECAP, "Sofa score")
    _show(two, "ep4", RECAP)
    assert learn_show(one).leaves_out("Sofa score: 4 cushions of 5")
    assert learn_show(two) == LearnedRules() and load(two) == LearnedRules()
    remember_left_out(two, "ep1", "Photo: Dee Okafor")
    assert load(one).leaves_out("Photo: Dee Okafor") is None


# ---- one site's second recap -------------------------------------------------------------

def _blocks(text: str) -> list[str]:
    return [" ".join(b.split()) for b in text.split("\n\n") if b.strip()]


def test_after_one_corrected_recap_the_second_from_that_site_loses_its_furniture(tmp_path):
    expected = json.loads((LEARNING / "expected.json").read_text(encoding="utf-8"))
    first = (LEARNING / "backrow-1.txt").read_text(encoding="utf-8")
    (tmp_path / "scripts").mkdir()
    furniture = tuple(expected["backrow-1"]["furniture"])
    _show(tmp_path, "backrow-1", first, *furniture)
    rules = learn_show(tmp_path)
    second = _blocks((LEARNING / "backrow-2.txt").read_text(encoding="utf-8"))
    # What import keeps of backrow-2 today (its general rules already drop the byline and
    # the sign-off): after learning, none of it is furniture and all the story remains.
    kept_now = _blocks(render_script(import_recap("\n\n".join(second), "backrow-2"))
                       .split("---", 2)[2])
    left = [b for b in kept_now if not rules.leaves_out(b)]
    for line in expected["backrow-2"]["furniture"]:
        assert not any(b.startswith(line[:30]) for b in left), line
    for line in expected["backrow-2"]["story"]:
        assert sum(line in b for b in left) == 1, line
        assert sum(line in b for b in second) == 1, line
    assert rules.keep == ()


def test_learned_furniture_matches_no_story_in_the_recap_corpus():
    expected = json.loads((LEARNING / "expected.json").read_text(encoding="utf-8"))
    taught = {p.values[0] for p in _golden()} | set(expected["backrow-1"]["furniture"])
    rules = LearnedRules(leave_out=tuple(rule_for(line, "ep1") for line in sorted(taught)))
    recaps = sorted((DATA / "recaps").glob("*.txt")) + sorted((DATA / "recaps").glob("*.md"))
    assert len(recaps) > 20
    hits = {line.strip() for p in recaps for block in p.read_text(encoding="utf-8").split("\n\n")
            for line in [block, *block.splitlines()] if rules.leaves_out(line)}
    # A magazine page's "Advertisement" lines are furniture; no block of story matches.
    assert hits == {"Advertisement"}


def test_a_removed_block_teaches_only_the_recap_lines_it_came_from():
    recap = ("Harbour Lights 2x04: \"Low Water\"\n\nThe Storm\n\n"
             "Marta rows out alone into the storm at night, the bell in the bow.\n\n"
             "Jonah watches from the lifeboat station and says nothing at all.\n")
    record = _record(recap, "ep4")
    assert "# The Storm" in record["script"] or "\nThe Storm\n" in record["script"]
    leave, _ = learn(record, _without(record["script"], "Marta rows"), "ep4")
    # "The Storm" stands inside the removed paragraph's words, but it became the heading.
    assert [r.example for r in leave] == [
        "Marta rows out alone into the storm at night, the bell in the bow."]
    record["kept"] = []
    leave, _ = learn(record, _without(record["script"], "Marta rows"), "ep4")
    assert [r.example for r in leave] == [
        "Marta rows out alone into the storm at night, the bell in the bow."]



def test_a_damaged_record_or_a_broken_script_teaches_nothing_and_stops_nothing(tmp_path):
    (tmp_path / "scripts").mkdir()
    _show(tmp_path, "ep4", RECAP, "Sofa score")
    broken = _show(tmp_path, "ep5", RECAP, "Next week")
    broken.write_text("the editor is half way through rewriting this", encoding="utf-8")
    records = tmp_path / learned.RECORDS_DIR
    (records / "ep6.json").write_text("{not json", encoding="utf-8")
    (records / "ep7.json").write_text('["a list"]', encoding="utf-8")
    _show(tmp_path, "ep8", RECAP, "Sofa score")
    (tmp_path / "scripts" / "ep8.md").unlink()  # a deleted episode is no lesson
    rules = learn_show(tmp_path)
    assert [(r.shape, r.learned_from) for r in rules.leave_out] == [
        ("**Sofa score:** {number} cushions of {number}", "ep4")]
    assert {e for e, _, _ in rules.seen} == {"ep4"}
