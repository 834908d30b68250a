"""Importing recaps and reading/writing narration scripts."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import DATA, SHORT_SCRIPT
from recapcast.errors import ScriptError
from recapcast.model import Heading, Paragraph, Pause, Pronounce, Quote, Script
from recapcast.text.script import decode_text, import_recap, parse_script, render_script


def _ep12():
    text = (DATA / "ep12.txt").read_text(encoding="utf-8")
    return import_recap(text, "ep12", date=dt.date(2026, 11, 26))


def test_import_recognises_title_heading_and_number():
    script = _ep12()
    assert script.meta.title == "AKA Take A Bloody Number"
    assert script.meta.episode == 12
    assert script.meta.season is None  # the recap does not say (--season gives one)
    headings = [b.text for b in script.blocks if isinstance(b, Heading)]
    assert headings == ["Previously", "AKA Take A Bloody Number"]


def test_import_recognises_the_quote_line_and_its_speaker():
    quotes = [b for b in _ep12().blocks if isinstance(b, Quote)]
    assert quotes == [Quote("I can only fight one big bad at a time.", "Jessica Jones",
                            quotes[0].line)]
    assert quotes[0].line == 8  # its line in the recap


def test_import_keeps_every_paragraph_and_drops_the_title_line():
    script = _ep12()
    paragraphs = [b.text for b in script.blocks if isinstance(b, Paragraph)]
    assert len(paragraphs) == 15
    assert paragraphs[0].startswith("Episode 11 AKA And I've Got The Blues")
    assert paragraphs[-1] == "After a chase and struggle, Jones shoots Cage in the head."
    assert not any("Netflix" in p for p in paragraphs)
    assert script.meta.summary.startswith("As Jones tends to Cage")


def test_committed_ep12_script_is_what_import_makes():
    from pathlib import Path

    committed = Path(__file__).parent.parent / "scripts" / "ep12.md"
    parsed = parse_script(committed.read_text(encoding="utf-8"), "ep12")
    fresh = _ep12()
    assert [type(b) for b in parsed.blocks] == [type(b) for b in fresh.blocks]
    assert [getattr(b, "text", None) for b in parsed.blocks] == [
        getattr(b, "text", None) for b in fresh.blocks]


def test_script_round_trips():
    script = parse_script(SHORT_SCRIPT, "ep3")
    assert render_script(script) == SHORT_SCRIPT
    again = render_script(_ep12())
    assert render_script(parse_script(again, "ep12")) == again


def test_pause_directive_is_read():
    text = SHORT_SCRIPT.replace("# The Chase", "[pause 1.5s]\n\n# The Chase")
    pauses = [b for b in parse_script(text, "ep3").blocks if isinstance(b, Pause)]
    assert [p.seconds for p in pauses] == [1.5]


@pytest.mark.parametrize("text, message", [
    ("no front matter\n", "must start with a front matter block"),
    ("---\ntitle: \"x\"\n", "not closed"),
    ("---\nepisode: 1\n---\n\nText.\n", "no title"),
    ("---\ntitle: \"x\"\nepisode: twelve\n---\n\nText.\n", "whole number"),
    ("---\ntitle: \"x\"\n---\n\n[fade 2s]\n", "unknown directive"),
    ("---\ntitle: \"x\"\n---\n\n", "no text to speak"),
])
def test_malformed_scripts_are_refused_with_a_reason(text, message):
    with pytest.raises(ScriptError, match=message):
        parse_script(text, "ep1", "scripts/ep1.md")


def test_decode_text_handles_bom_utf16_and_cp1252():
    assert decode_text("\ufeffCafé".encode(), "x") == "Café"
    assert decode_text("Café".encode("utf-16"), "x") == "Café"
    assert decode_text("Café “quoted”".encode("cp1252"), "x") == "Café “quoted”"


RICH_SCRIPT = SHORT_SCRIPT.replace(
    "# The Chase\n",
    "[pronounce Kilgrave = KILL-grave]\n\n[pronounce Kozlov = /ˈkɑzlɔv/]\n\n"
    "> You can't fight me, {Kozlov|KOZ-lov}.\n> — Kilgrave\n\n[pause 1.5s]\n\n# The Chase\n",
).replace("Cage follows her", "{Kilgrave|/ˈkɪlɡɹeɪv/} follows her")


@pytest.mark.parametrize("text", [
    SHORT_SCRIPT, RICH_SCRIPT,
    (Path(__file__).parent.parent / "scripts" / "ep12.md").read_text(encoding="utf-8"),
])
def test_canonical_scripts_round_trip_exactly(text: str):
    assert render_script(parse_script(text, "ep3")) == text


def test_pronounce_lines_and_inline_pronunciations_are_read():
    script = parse_script(RICH_SCRIPT, "ep3")
    assert [b for b in script.blocks if isinstance(b, Pronounce)] == [
        Pronounce("Kilgrave", "KILL-grave", 17), Pronounce("Kozlov", "/ˈkɑzlɔv/", 19)]
    quote = next(b for b in script.blocks if isinstance(b, Quote) and b.speaker == "Kilgrave")
    assert quote.text == "You can't fight me, {Kozlov|KOZ-lov}."


@pytest.mark.parametrize("line, message", [
    ("[pronounce Kilgrave = ]", "empty pronunciation"),
    ("[pronounce Kilgrave = /kɪl]", "between two slashes"),
    ("[pronounce 42 = forty-two]", "is not a word"),
])
def test_bad_pronounce_lines_name_the_line(line: str, message: str):
    with pytest.raises(ScriptError, match=f"scripts/ep1.md:5: .*{message}"):
        parse_script(f'---\ntitle: "x"\n---\n\n{line}\n\nText.\n', "ep1", "scripts/ep1.md")


_WORD = st.text(alphabet="abcKLMxyz'’,.!?é{}|/-", min_size=1, max_size=8).filter(
    lambda w: w[0].isalpha())
_TEXT = st.lists(_WORD, min_size=1, max_size=12).map(" ".join)
_BLOCK = st.one_of(
    _TEXT.map(Paragraph),
    _TEXT.map(Heading),
    st.tuples(_TEXT, st.sampled_from(["", "Jessica Jones", "Kilgrave"])).map(
        lambda t: Quote(*t)),
    st.sampled_from([0.5, 1.5, 2.0, 12.25]).map(Pause),
    st.sampled_from([Pronounce("Kilgrave", "KILL-grave"), Pronounce("Reva", "/ɹˈiːvə/")]),
)


@settings(max_examples=60, deadline=None)
@given(st.lists(_BLOCK, min_size=1, max_size=8))
def test_any_rendered_script_reads_back_to_the_same_text(blocks):
    meta = parse_script(SHORT_SCRIPT, "ep3").meta
    text = render_script(Script("ep3", meta, (Heading("Start"), *blocks)))
    assert render_script(parse_script(text, "ep3")) == text
