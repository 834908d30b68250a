"""``recapcast import --explain`` and ``--json`` through the real CLI: the metadata found,
every left-out line with its line number and reason, and the import record beside the
script."""

from __future__ import annotations

import json
import shutil
import textwrap
from pathlib import Path

from conftest import DATA, run_cli
from test_import_ledger import RECAP


def _recap(show: Path) -> Path:
    path = show / "recap.txt"
    path.write_text(textwrap.dedent(RECAP), encoding="utf-8")
    return path


def test_a_plain_import_says_how_many_lines_it_left_out_and_how_to_see_them(show: Path) -> None:
    _recap(show)
    result = run_cli("import", "recap.txt", "ep5", cwd=show, check=True)
    assert result.stdout.strip() == ("wrote scripts/ep5.md (4 lines left out; to see them: "
                                     "recapcast import recap.txt ep5 --explain)")
    record = json.loads((show / "scripts" / ".imported" / "ep5.json").read_text("utf-8"))
    assert set(record) == {"source", "meta", "script", "kept", "left_out"}
    assert record["source"] == "recap.txt"
    assert record["script"] == (show / "scripts" / "ep5.md").read_text("utf-8")
    assert record["meta"] == {"show": "Harbour Lights", "title": "The Night Ferry",
                              "season": 2, "episode": 5, "author": "Ana Ruiz"}
    assert {"line": 3, "text": "By Ana Ruiz | March 3, 2027", "reason": "byline"} in (
        record["left_out"])
    assert {"line": 1, "text": 'Harbour Lights, Season 2, Episode 5: "The Night Ferry"',
            "as": "title line"} in record["kept"]


def test_explain_prints_the_metadata_and_each_left_out_line_with_its_reason(show: Path) -> None:
    _recap(show)
    result = run_cli("import", "recap.txt", "ep5", "--explain", cwd=show, check=True)
    out = result.stdout
    for line in ("show: Harbour Lights", "title: The Night Ferry", "season: 2", "episode: 5",
                 "author: Ana Ruiz"):
        assert line in out.splitlines()
    assert "line  3  [byline] By Ana Ruiz | March 3, 2027" in out
    assert "line  5  [spoiler warning] Spoiler warning:" in out
    assert "line 10  [site furniture: related links] Related:" in out
    assert "line 14  [sign-off] Thanks for reading!" in out
    assert "Marta reaches the pier" not in out  # kept lines are not listed
    assert out.rstrip().endswith("wrote scripts/ep5.md")
    assert (show / "scripts" / "ep5.md").exists()


def test_explain_on_an_edited_script_prints_and_leaves_the_edit_alone(show: Path) -> None:
    _recap(show)
    run_cli("import", "recap.txt", "ep5", cwd=show, check=True)
    script = show / "scripts" / "ep5.md"
    edited = script.read_text("utf-8") + "\nThe editor's own last line.\n"
    script.write_text(edited, encoding="utf-8")
    result = run_cli("import", "recap.txt", "ep5", "--explain", cwd=show, check=True)
    assert "line  3  [byline]" in result.stdout
    assert "already exists: left as it is (pass --force to replace it)" in result.stdout
    assert script.read_text("utf-8") == edited
    refused = run_cli("import", "recap.txt", "ep5", cwd=show)
    assert refused.returncode != 0 and "--explain" in refused.stderr
    assert "Traceback" not in refused.stderr


def test_json_prints_the_account_alone_on_stdout(show: Path) -> None:
    _recap(show)
    result = run_cli("import", "recap.txt", "ep5", "--json", cwd=show, check=True)
    found = json.loads(result.stdout)
    assert set(found) == {"show", "title", "season", "episode", "author", "kept", "left_out"}
    assert found["episode"] == 5 and found["author"] == "Ana Ruiz"
    assert [x["line"] for x in found["left_out"]] == [3, 5, 10, 14]
    assert all(set(x) == {"line", "text", "reason"} for x in found["left_out"])
    assert all(set(x) == {"line", "text", "as"} for x in found["kept"])
    assert "wrote scripts/ep5.md" in result.stderr


def test_json_for_a_web_page_counts_what_the_extractor_removed(show: Path) -> None:
    shutil.copy(DATA / "recaps" / "wordpress-blog.html", show / "page.html")
    result = run_cli("import", "page.html", "ep2", "--json", cwd=show, check=True)
    found = json.loads(result.stdout)
    assert found["extractor_removed"] > 10  # menus, sidebar, comments: counted
    # every line of the extracted article is accounted for, numbered from 1
    lines = {x["line"] for x in found["kept"]} | {x["line"] for x in found["left_out"]}
    assert min(lines) == 1 and lines == set(range(1, max(lines) + 1))


LEARNING = DATA / "learning"


def test_after_the_editor_removes_a_recaps_furniture_the_next_recap_comes_in_without_it(
        show: Path) -> None:
    """The whole loop through the command: import one site's recap, remove its furniture
    from the script in a text editor, import that site's next recap."""
    expected = json.loads((LEARNING / "expected.json").read_text("utf-8"))
    for name in ("backrow-1", "backrow-2"):
        shutil.copy(LEARNING / f"{name}.txt", show / f"{name}.txt")
    run_cli("import", "backrow-1.txt", "ep4", cwd=show, check=True)
    script = show / "scripts" / "ep4.md"
    head, body = script.read_text("utf-8").split("\n---\n", 1)
    furniture = [" ".join(x.split())[:30] for x in expected["backrow-1"]["furniture"]]
    kept = [b for b in body.split("\n\n")
            if not any(" ".join(b.split()).startswith(f) for f in furniture)]
    script.write_text(head + "\n---\n" + "\n\n".join(kept), encoding="utf-8")

    result = run_cli("import", "backrow-2.txt", "ep5", "--json", cwd=show, check=True)
    found = json.loads(result.stdout)
    second = (show / "scripts" / "ep5.md").read_text("utf-8")
    for line in expected["backrow-2"]["furniture"]:
        assert line[:30] not in second, line
    for line in expected["backrow-2"]["story"]:
        assert line[:40] in " ".join(second.split()), line
    cited = [x["reason"] for x in found["left_out"] if x["reason"].startswith("learned")]
    assert cited, "a learned rule is cited for what it left out"
    assert (show / "learned.toml").is_file()
