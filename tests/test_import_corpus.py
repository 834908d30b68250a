"""Every recap of the shared corpus, and our own in other shapes, imports to what a careful
editor's script holds: title, show, season, episode, chapters, quotes and their speakers,
and the narration with no site furniture and no lost content."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from conftest import CORPUS, DATA, NO_CORPUS
from recapcast.model import Heading, Paragraph, Quote, Script
from recapcast.text.dialogue import runs
from recapcast.text.script import import_source, parse_script, render_script
from recapcast.text.sources import format_of, read_source
from recapcast.text.speakable import speakable
from recapcast.text.titles import straight_quotes

OURS = DATA / "recaps"
EPISODE_ID = "ep1"


def _recaps(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir()
                  if p.suffix != ".json" and p.name != "README.md" and not p.name.startswith("."))


def _imported(path: Path) -> Script:
    """The script import writes for ``path``, read back as the build would read it."""
    source = read_source(path.read_bytes(), path.name, format_of(path.name), max_bytes=100_000)
    script = import_source(source, EPISODE_ID, date=dt.date(2027, 1, 1))
    return parse_script(render_script(script), EPISODE_ID)


def _norm(text: str) -> str:
    """Lowercase words: quote marks and other punctuation ignored."""
    return " ".join(re.sub(r"[^\w\s]|_", " ", straight_quotes(text).lower()).split())


def _spoken(script: Script) -> list[str]:
    """Everything the episode says: headings, paragraphs, quotes and the speakers named."""
    out = []
    for block in script.blocks:
        if isinstance(block, Heading | Paragraph):
            out.append(block.text)
        elif isinstance(block, Quote):
            out += [block.text, block.speaker]
    return out


def _check(path: Path) -> None:
    expected = json.loads(path.with_name(path.stem + ".expected.json").read_text("utf-8"))
    script = _imported(path)
    meta = script.meta
    assert meta.title == (expected["title"] or EPISODE_ID)
    assert meta.show == (expected["show"] or "")
    assert (meta.season, meta.episode) == (expected["season"], expected["episode"])

    headings = [_norm(b.text) for b in script.blocks if isinstance(b, Heading)]
    position = 0
    for chapter in expected["chapters"]:
        # An "Episode 5: Lost Socks" heading is the chapter "Lost Socks".
        found = next((i for i in range(position, len(headings))
                      if headings[i] == _norm(chapter)), None)
        assert found is not None, (chapter, headings)
        position = found + 1

    # Whole-line quotes, and quotations inside a paragraph voiced as its runs.
    quotes = [q for b in script.blocks for q in (
        [b] if isinstance(b, Quote) else
        [Quote(r.text, r.speaker) for r in runs(b.text) if r.speaker]
        if isinstance(b, Paragraph) else [])]
    position = 0
    for want in expected["quotes"]:
        found = next((i for i in range(position, len(quotes))
                      if _norm(quotes[i].speaker) == _norm(want["speaker"])
                      and _norm(quotes[i].text).startswith(_norm(want["starts"]))), None)
        assert found is not None, (want, [(q.speaker, q.text[:40]) for q in quotes])
        position = found + 1
    assert len(quotes) >= len(expected["quotes"])

    spoken = _spoken(script)
    words = " " + " ".join(_norm(s) for s in spoken) + " "
    # symbols are checked in what the voice is handed ("#1 Adaeze" is written, "number one
    # Adaeze" said), as the corpus README asks
    raw = "\n".join(speakable(s) for s in spoken)
    for phrase in expected["must_not_speak"]:
        if _norm(phrase):
            assert f" {_norm(phrase)} " not in words, phrase
        else:
            assert phrase not in raw, phrase  # symbols: the voice must never get them
    for phrase in expected["must_speak"]:
        assert f" {_norm(phrase)} " in words, phrase


CORPUS_RECAPS = _recaps(CORPUS)


@pytest.mark.skipif(not CORPUS_RECAPS, reason=NO_CORPUS)
@pytest.mark.parametrize("path", CORPUS_RECAPS, ids=lambda p: p.name)
def test_corpus_recap_imports_as_expected(path: Path):
    _check(path)


@pytest.mark.parametrize("path", _recaps(OURS), ids=lambda p: p.name)
def test_our_recaps_in_other_shapes_import_as_expected(path: Path):
    _check(path)


def test_the_corpus_has_what_this_test_reads():
    if not CORPUS_RECAPS:
        pytest.skip(NO_CORPUS)
    assert len(CORPUS_RECAPS) == 8
    assert all(p.with_name(p.stem + ".expected.json").is_file() for p in CORPUS_RECAPS)
