"""The corpus's ``says`` pairs: what a narrator says for each written form, as a voice gets it."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import CORPUS, NO_CORPUS
from recapcast.text.speakable import speakable, split_sentences

# Words a careless voice makes of symbols; the corpus lists them under must_not_speak.
SYMBOL_NAMES = ("number sign", "hashtag", "tilde", "slash", "asterisk", "crying face",
                "bracket")


def _recaps() -> list[Path]:
    if not CORPUS.is_dir():
        return []
    return sorted(p for p in CORPUS.iterdir() if p.suffix in (".txt", ".md", ".html")
                  and p.with_name(p.stem + ".expected.json").is_file())


def _expected(recap: Path) -> dict:
    return json.loads(recap.with_name(recap.stem + ".expected.json").read_text("utf-8"))


def _pairs():
    for recap in _recaps():
        for written, said in _expected(recap)["says"]:
            yield pytest.param(recap, written, said, id=f"{recap.stem}:{written}")


def normalised(text: str) -> str:
    """Lowercase words without punctuation, as the corpus compares phrases."""
    return " ".join(re.sub(r"[^\w]+", " ", text.lower()).split())


def contains_in_order(spoken: str, said: str) -> bool:
    """``said``'s words appear one after another in ``spoken`` (both normalised)."""
    return f" {normalised(said)} " in f" {normalised(spoken)} "


def sentence_holding(recap: Path, written: str) -> str:
    """The sentence of ``recap`` in which ``written`` first appears, as written."""
    for line in recap.read_text("utf-8").splitlines():
        if written in line:
            return next((s for s in split_sentences(line) if written in s), line)
    raise AssertionError(f"{written!r} is not in {recap.name}")


@pytest.mark.skipif(not _recaps(), reason=NO_CORPUS)
@pytest.mark.parametrize("recap, written, said", list(_pairs()) or [(None, "", "")])
def test_each_written_form_is_said_as_a_narrator_would(recap: Path, written: str, said: str):
    sentence = sentence_holding(recap, written)
    spoken = speakable(sentence)
    assert contains_in_order(spoken, said), (sentence, spoken)


def _paragraphs(recap: Path):
    text = recap.read_text("utf-8")
    if recap.suffix == ".html":
        # Only the article: the page around it is the importer's business, not the voice's.
        text = text[text.index("<article"):text.index("</article>")]
    for paragraph in re.split(r"\n\s*\n", text):
        yield " ".join(paragraph.split())


@pytest.mark.skipif(not _recaps(), reason=NO_CORPUS)
@pytest.mark.parametrize("recap", _recaps() or [None], ids=lambda p: getattr(p, "name", "none"))
def test_no_symbol_or_symbol_name_reaches_the_voice(recap: Path):
    for paragraph in _paragraphs(recap):
        spoken = speakable(paragraph)
        for symbol in ("#", "**", "](", "~", "/", "\\", "_", "*", "@", "<", ">", "|", "`"):
            assert symbol not in spoken, (symbol, paragraph, spoken)
        for name in SYMBOL_NAMES:
            # whole words: "Matilde" is a name, not "tilde"
            assert not re.search(rf"\b{re.escape(name)}\b", spoken.lower()), (name, spoken)
        assert not re.search(r"\d", spoken), (paragraph, spoken)


def test_the_checks_can_fail():
    assert not contains_in_order("four five stars", "four out of five stars")
    assert not contains_in_order("season three episode four", "three episode five")
    assert contains_in_order("It's nine thirty, p.m.!", "nine thirty p m")
