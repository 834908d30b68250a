"""Golden tables of the speech kinds: tests/data/speech/<kind>.<language>.tsv, each line
``written<TAB>spoken`` (what the voice is handed for a show in that language).

One test a row, named ``<kind>.<language>:<line>``, so a failure says which kind and row.
Run this file as a script for the count of rows per kind and language (docs/speakable.md).
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import pytest

from recapcast.text.speakable import KINDS, speakable
from recapcast.text.speech.languages import LANGUAGES

TABLES = Path(__file__).resolve().parent / "data" / "speech"


def rows(folder: Path = TABLES):
    """(kind, language, line number, written, spoken) of every golden table."""
    for table in sorted(folder.glob("*.tsv")):
        kind, language = table.stem.split(".", 1)
        for number, line in enumerate(table.read_text("utf-8").splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            written, spoken = line.split("\t")
            yield kind, language, number, written, spoken


def counts(folder: Path = TABLES) -> str:
    """A Markdown table of golden rows per kind (rows) and language (columns)."""
    tally = Counter((kind, language) for kind, language, *_ in rows(folder))
    languages = sorted({language for _, language in tally},
                       key=lambda code: (code.split("-")[0] != "en", code))
    kinds = sorted({kind for kind, _ in tally})
    lines = ["| kind | " + " | ".join(languages) + " | total |",
             "|---" * (len(languages) + 2) + "|"]
    for kind in kinds:
        cells = [str(tally[kind, language] or "") for language in languages]
        total = sum(tally[kind, language] for language in languages)
        lines.append(f"| {kind} | " + " | ".join(cells) + f" | {total} |")
    totals = [str(sum(tally[kind, language] for kind in kinds)) for language in languages]
    lines.append("| total | " + " | ".join(totals) + f" | {sum(tally.values())} |")
    return "\n".join(lines)


_ROWS = [pytest.param(written, spoken, language, id=f"{kind}.{language}:{number}")
         for kind, language, number, written, spoken in rows()]


@pytest.mark.parametrize("written, spoken, language", _ROWS)
def test_golden_row(written: str, spoken: str, language: str):
    assert speakable(written, language=language) == spoken


def test_every_table_names_a_kind_and_a_language():
    kinds = {kind for kind, _ in KINDS} | {"markup", "electronic", "grades"}
    for table in TABLES.glob("*.tsv"):
        kind, language = table.stem.split(".", 1)
        assert kind in kinds, table.name
        assert language.split("-")[0] in LANGUAGES, table.name


def test_every_language_module_has_golden_rows():
    languages = {language.split("-")[0] for _, language, *_ in rows()}
    assert set(LANGUAGES) <= languages


def test_a_wrong_row_fails(tmp_path: Path):
    (tmp_path / "cardinal.en-us.tsv").write_text("# written\tspoken\n12\tthirteen\n", "utf-8")
    [(kind, language, number, written, spoken)] = list(rows(tmp_path))
    assert (kind, language, number) == ("cardinal", "en-us", 2)
    assert speakable(written, language=language) != spoken
    assert "| cardinal | 1 | 1 |" in counts(tmp_path)


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
    print(counts())
