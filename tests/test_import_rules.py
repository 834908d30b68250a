"""The recogniser's rules one by one, from a golden table of (rule, line): a failure names
the rule that changed, not "import"."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import DATA
from recapcast.text.recognise.phrases import LANGUAGES, PHRASE_TABLES, alt, coverage
from recapcast.text.recognise.rules import LINE_RULES, line_rule

GOLDEN = DATA / "rules_golden.tsv"


def _rows(path: Path) -> list[tuple[str, str]]:
    rows = []
    for line in path.read_text("utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rule, text = line.split("\t")
            rows.append((rule, text))
    return rows


ROWS = _rows(GOLDEN)


@pytest.mark.parametrize(("rule", "line"), ROWS, ids=[f"{r}: {t[:30]}" for r, t in ROWS])
def test_a_line_meets_its_rule(rule: str, line: str) -> None:
    found = line_rule(line)
    assert (found.name if found else "narration") == rule


def test_every_rule_has_a_golden_row() -> None:
    named = {rule for rule, _ in ROWS}
    assert [r.name for r in LINE_RULES if r.name not in named] == []
    assert len({r.name for r in LINE_RULES}) == len(LINE_RULES), "rule names are unique"


def test_a_new_phrase_is_a_one_line_change_in_one_language() -> None:
    import re

    pattern = re.compile(alt({"en": ("you've been warned",), "fr": ("à lire aussi",)}),
                         re.IGNORECASE)
    assert pattern.fullmatch("You’ve  been warned") and pattern.fullmatch("À lire aussi")
    counts = coverage(PHRASE_TABLES)
    assert set(counts["saying verbs"]) == set(LANGUAGES)
    assert all(counts["saying verbs"][lang] for lang in ("en", "es", "fr", "de", "it", "pt"))
