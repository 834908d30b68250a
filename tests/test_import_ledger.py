"""Import's account of a recap: every line either kept, as what it became, or left out with
a named reason; and what an editor taught (learned furniture, lines brought back) applied
through the one place lines are left out."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest

from conftest import CORPUS, DATA
from recapcast.model import Paragraph
from recapcast.text.recap import recognise
from recapcast.text.sources import format_of, read_source, source_of_text


def _recaps() -> list[Path]:
    found = []
    for folder in (DATA / "recaps", CORPUS):
        if folder.is_dir():
            found += sorted(p for p in folder.iterdir() if p.suffix != ".json"
                            and p.name != "README.md" and not p.name.startswith("."))
    # documents: their lines are numbered as the text read out of them
    found += sorted(p for p in (DATA / "documents").glob("recap*.*"))
    return found


@pytest.mark.parametrize("path", _recaps(), ids=lambda p: p.name)
def test_every_line_of_a_recap_is_kept_or_left_out_with_a_reason(path: Path) -> None:
    source = read_source(path.read_bytes(), path.name, format_of(path.name),
                         max_bytes=1_000_000)
    found = recognise(source)
    accounted = {x.line for x in found.kept} | {x.line for x in found.left_out}
    assert all(x.reason for x in found.left_out)
    assert all(x.as_what for x in found.kept)
    # every line of every block the format reader found, and what it took out itself
    lines = {block.number(i): line for block in source.blocks
             for i, line in enumerate(block.lines)}
    lines.update({x.line: x.text for x in source.outside})
    missing = {n: x for n, x in lines.items() if n not in accounted}
    assert not missing, f"{path.name}: lines neither kept nor left out: {missing}"
    assert 0 not in accounted, "every account names its line"
    if format_of(path.name) in ("text", "markdown"):
        # and so every line of the file that has a word in it
        text = path.read_bytes().decode("utf-8", "replace").splitlines()
        unread = [(n, x) for n, x in enumerate(text, start=1)
                  if re.search(r"\w", x) and n not in accounted]
        assert not unread, f"{path.name}: file lines import never accounted for: {unread}"


def _recognised(text: str, learned=None):
    return recognise(source_of_text(textwrap.dedent(text), fmt="text"), learned)


RECAP = """\
    Harbour Lights, Season 2, Episode 5: "The Night Ferry"

    By Ana Ruiz | March 3, 2027

    Spoiler warning: this recap discusses the whole episode.

    Marta reaches the pier at midnight and finds the ferry gone. She waits under the lamp,
    counting the boats that come in, until Tomas arrives with the harbourmaster's keys.

    Related: Harbour Lights season 1 recap

    The harbourmaster refuses to open the office, and Marta climbs in through the window.

    Thanks for reading! Follow me on Bluesky for more recaps.
    """


def test_left_out_lines_name_their_rule_and_their_line() -> None:
    found = _recognised(RECAP)
    left = {x.line: x.reason for x in found.left_out}
    assert left[3] == "byline"
    assert left[5] == "spoiler warning"
    assert left[10] == "site furniture: related links"
    assert left[14] == "sign-off"
    kept = {(x.line, x.as_what) for x in found.kept}
    assert (1, "title line") in kept
    assert (7, "narration") in kept and (8, "narration") in kept
    assert found.author == "Ana Ruiz"


class FakeLearned:
    """What an editor's corrections taught, as the real learned rules answer it."""

    def __init__(self, furniture: str, kept: str) -> None:
        self.furniture, self.kept = re.compile(furniture), re.compile(kept)

    def leaves_out(self, text: str) -> str | None:
        if self.furniture.fullmatch(text):
            return f"learned from the editor (ep4): {self.furniture.pattern}"
        return None

    def keeps(self, text: str) -> bool:
        return bool(self.kept.fullmatch(text))


def test_learned_furniture_is_left_out_with_its_citation() -> None:
    recap = RECAP.replace("    Related: Harbour Lights season 1 recap\n",
                          "    Sofa score: 3 cushions of 5\n")
    plain = _recognised(recap)
    assert any("cushions" in b.text for b in plain.blocks if isinstance(b, Paragraph))
    learned = FakeLearned(r"Sofa score: \d+ cushions of \d+", r"(?!)")
    found = _recognised(recap, learned)
    assert not any("cushions" in b.text for b in found.blocks if isinstance(b, Paragraph))
    cited = [x for x in found.left_out if x.line == 10]
    assert cited and cited[0].reason.startswith("learned from the editor (ep4)")
    # a story sentence of another shape stays
    assert any("climbs in through the window" in b.text for b in found.blocks)


def test_a_line_the_editor_brought_back_is_kept_whatever_rule_would_leave_it_out() -> None:
    learned = FakeLearned(r"(?!)", r"Related: .*")
    found = _recognised(RECAP, learned)
    texts = [b.text for b in found.blocks if isinstance(b, Paragraph)]
    assert "Related: Harbour Lights season 1 recap" in texts
    # where it stood: after the ferry paragraph, before the office one
    at = texts.index("Related: Harbour Lights season 1 recap")
    assert "ferry gone" in texts[at - 1] and "office" in texts[at + 1]
    assert 10 not in {x.line for x in found.left_out}
    assert any(x.line == 10 and "editor" in x.as_what for x in found.kept)


def test_a_chat_paste_names_the_other_peoples_replies() -> None:
    found = recognise(read_source((DATA / "recaps" / "chat-log.txt").read_bytes(),
                                  "chat-log.txt", "text"))
    reasons = {x.reason for x in found.left_out}
    assert "someone else's reply" in reasons and "chat message header" in reasons
    text = (DATA / "recaps" / "chat-log.txt").read_text("utf-8").splitlines()
    for x in found.left_out + found.kept:
        # the lines named are the file's, not the recap cut out of it
        assert x.text.rstrip(".")[:20] in text[x.line - 1] or x.line == 0, x


def test_a_tables_rows_are_kept_as_table_rows_under_their_header() -> None:
    found = recognise(source_of_text(textwrap.dedent("""\
        Harbour Lights 2x05: The Night Ferry

        The crews were scored on the night crossing, and the scores say it all.

        | Crew | Score |
        | --- | --- |
        | Marta | 9 |
        | Tomas | 7 |
        """), fmt="markdown"))
    kept = {(x.line, x.as_what) for x in found.kept}
    assert {(5, "table header (names the columns)"), (7, "table row"), (8, "table row")} <= kept


def test_every_reason_a_recap_meets_is_a_named_reason_of_the_catalogue() -> None:
    from recapcast.text.ledger import REASONS
    from recapcast.text.recognise.rules import LINE_RULES

    assert {r.name for r in LINE_RULES if r.kind == "leave out"} <= set(REASONS)
    met = set()
    for path in _recaps():
        source = read_source(path.read_bytes(), path.name, format_of(path.name),
                             max_bytes=1_000_000)
        met |= {x.reason for x in recognise(source).left_out}
    assert met - set(REASONS) == set()
    assert len(met) >= 30  # the test recaps meet most of them


def test_a_bracketed_line_the_editor_brought_back_is_narration_not_a_directive() -> None:
    from recapcast.text.script import import_explained, parse_script, render_script

    learned = FakeLearned(r"(?!)", r"\[Advertisement\]")
    recap = RECAP.replace("    Related: Harbour Lights season 1 recap\n", "    [Advertisement]\n")
    imported = import_explained(source_of_text(textwrap.dedent(recap), fmt="text"), "ep5",
                                learned=learned)
    assert "Advertisement" in [b.text for b in imported.script.blocks]
    # and the script it makes parses (a bracketed line would be read as a directive)
    parse_script(render_script(imported.script), "ep5")
