"""Rebuilds synthesise only what changed: an edited paragraph, a changed lexicon word."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from conftest import run_cli
from recapcast.config import load_project
from recapcast.text.script import parse_script
from recapcast.text.segments import plan_segments

REPO = Path(__file__).resolve().parent.parent


def _demo_show(root: Path) -> Path:
    """A copy of the demo show (config and scripts) spoken by the tone engine, in ``root``."""
    show = root / "demo"
    show.mkdir()
    config = (REPO / "recapcast.toml").read_text(encoding="utf-8")
    (show / "recapcast.toml").write_text(config.replace('engine = "piper"', 'engine = "tone"'),
                                         encoding="utf-8")
    shutil.copytree(REPO / "scripts", show / "scripts")
    return show


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    """A copy of the demo show (config and scripts) spoken by the tone engine."""
    return _demo_show(tmp_path)


def _build(show: Path) -> dict:
    return json.loads(run_cli("build", "ep12", "--json", cwd=show, check=True).stdout)


@pytest.fixture(scope="module")
def first_build(tmp_path_factory) -> tuple[Path, dict]:
    """The demo show with ep12 built once, and that first build's report."""
    show = _demo_show(tmp_path_factory.mktemp("built"))
    return show, _build(show)


@pytest.fixture
def built(first_build: tuple[Path, dict], tmp_path: Path) -> tuple[Path, dict]:
    """A copy (file times kept) of the built demo show, to edit, and its first build's report."""
    show, report = first_build
    return Path(shutil.copytree(show, tmp_path / "demo")), report


def _segments_with(show: Path, word: str) -> int:
    project = load_project(show)
    script = parse_script((show / "scripts" / "ep12.md").read_text(encoding="utf-8"), "ep12")
    segments, _ = plan_segments(script, project.show)
    return sum(1 for s in segments if word in s.written)


def test_editing_one_paragraph_of_ep12_resynthesises_one_segment(built: tuple[Path, dict]):
    demo, first = built
    assert first["synthesized"] == first["segments"] > 20
    script = demo / "scripts" / "ep12.md"
    text = script.read_text(encoding="utf-8")
    paragraph = "Cage goes to sleep, and Jones listens to her police scanner."
    assert text.count(paragraph) == 1
    script.write_text(text.replace(paragraph, "Cage sleeps while Jones listens to the scanner."),
                      encoding="utf-8")
    edited = _build(demo)
    assert (edited["synthesized"], edited["cached"]) == (1, first["segments"] - 1)


def test_editing_a_sentence_of_the_longest_paragraph_resynthesises_one_segment(
        built: tuple[Path, dict]):
    demo, first = built
    script = demo / "scripts" / "ep12.md"
    paragraphs = script.read_text(encoding="utf-8").split("\n\n")
    longest = max((p for p in paragraphs if p[:1].isalpha()), key=len)
    assert len(longest.split()) > 100
    # A longer first sentence: chunk boundaries after it must not move.
    edited = longest.replace(" and ", " and then ", 1)
    script.write_text("\n\n".join(edited if p == longest else p for p in paragraphs),
                      encoding="utf-8")
    again = _build(demo)
    assert (again["synthesized"], again["cached"]) == (1, first["segments"] - 1)


def test_a_lexicon_change_resynthesises_only_segments_with_that_word(demo: Path):
    lexicon = demo / "lexicon.toml"
    lexicon.write_text('Kilgrave = "KILL-grave"\nTrish = "TRISH"\n', encoding="utf-8")
    first = _build(demo)
    assert first["synthesized"] == first["segments"]
    lexicon.write_text('Kilgrave = "KILL-grayv"\nTrish = "TRISH"\n', encoding="utf-8")
    with_kilgrave = _segments_with(demo, "Kilgrave")
    assert 0 < with_kilgrave < first["segments"]
    changed = _build(demo)
    assert changed["synthesized"] == with_kilgrave
    # A script's own [pronounce] line overrides the show's lexicon, for that script only.
    script = demo / "scripts" / "ep12.md"
    text = script.read_text(encoding="utf-8")
    override = "# Previously\n\n[pronounce Trish = TRIHSH]\n"
    script.write_text(text.replace("# Previously\n", override), encoding="utf-8")
    overridden = _build(demo)
    assert overridden["synthesized"] == _segments_with(demo, "Trish") > 0
