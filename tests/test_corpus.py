"""Every recap of the shared corpus, imported and planned as a user would run it
(``recapcast import`` then ``recapcast preview --json``), holds what a careful editor's script
holds (``NAME.expected.json``; the keys are explained in the corpus README)."""

from __future__ import annotations

import json
import re
import unicodedata

import pytest

from conftest import CORPUS, NO_CORPUS, make_show, run_cli
from recapcast.text.script import parse_script

CASES = sorted(p.name.removesuffix(".expected.json") for p in CORPUS.glob("*.expected.json"))
SYMBOLS_ONLY = re.compile(r"^[^\w\s]+$")


def _norm(text: str) -> str:
    """Lowercase words without quote marks or punctuation, as the corpus README compares."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(re.sub(r"[^\w\s]+", " ", text).split())


def _has(haystack: str, phrase: str) -> bool:
    return f" {_norm(phrase)} " in f" {haystack} "


@pytest.fixture(scope="module")
def imported(tmp_path_factory) -> dict[str, tuple[object, list[dict]]]:
    show = make_show(tmp_path_factory.mktemp("corpus") / "show", script=None)
    out = {}
    for case in CASES:
        recap = next(p for p in CORPUS.glob(f"{case}.*") if not p.name.endswith(".json"))
        run_cli("import", str(recap), case, cwd=show, check=True)
        script = parse_script((show / "scripts" / f"{case}.md").read_text("utf-8"), case)
        rows = json.loads(run_cli("preview", case, "--json", cwd=show, check=True).stdout)
        out[case] = (script, rows)
    return out


@pytest.mark.skipif(not CASES, reason=NO_CORPUS)
@pytest.mark.parametrize("case", CASES)
def test_a_corpus_recap_imports_to_what_an_editor_would_write(case: str, imported):
    expected = json.loads((CORPUS / f"{case}.expected.json").read_text("utf-8"))
    script, rows = imported[case]
    meta = script.meta
    assert (_norm(meta.show) if meta.show else None) == (
        _norm(expected["show"]) if expected["show"] else None)
    assert _norm(meta.title) == _norm(expected["title"]) if expected["title"] else True
    assert (meta.season, meta.episode) == (expected["season"], expected["episode"])

    # Chapters in order; headings the importer adds (Previously) or extra ones are allowed.
    titles = list(dict.fromkeys(_norm(r["chapter"]) for r in rows))
    wanted = iter(titles)
    missing = [c for c in expected["chapters"] if _norm(c) not in wanted]
    assert missing == [], titles

    # Each quote voiced as its speaker, in order. A quote is spoken a sentence a segment,
    # so a line starts at a segment and may run on through the same speaker's next ones.
    quotes = [(r["speaker"].casefold(), _norm(r["written"])) for r in rows
              if r["role"] == "quote"]
    position = 0
    for quote in expected["quotes"]:
        speaker, starts = quote["speaker"].casefold(), _norm(quote["starts"])
        for i in range(position, len(quotes)):
            run = []
            for s, w in quotes[i:]:
                if s != speaker:
                    break
                run.append(w)
            if run and " ".join(run).startswith(starts):
                position = i + 1
                break
        else:
            raise AssertionError((quote, quotes[position:]))

    spoken = _norm(" ".join(r["text"] for r in rows))
    written = _norm(" ".join(r["written"] for r in rows))
    raw = " ".join(r["text"] for r in rows)
    for phrase in expected["must_not_speak"]:
        if SYMBOLS_ONLY.match(phrase):
            assert phrase not in raw, phrase
        else:
            assert not _has(spoken, phrase) and not _has(written, phrase), phrase
    for phrase in expected["must_speak"]:
        assert _has(written, phrase) or _has(spoken, phrase), phrase
    for form, says in expected["says"]:
        assert _has(spoken, says), (form, says)
