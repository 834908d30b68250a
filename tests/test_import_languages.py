"""The recogniser's phrase tables in each language: the patterns that act in context, row by
row from a golden table of (pattern, holds, line), and whole recaps in Spanish, German and
French whose dates, read times, sign-offs, signatures and comment forms are left out with
their named reasons."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import DATA
from recapcast.text.recap import recognise
from recapcast.text.recognise.closing import _signature
from recapcast.text.recognise.patterns import _COMMENTS_START, _EPISODE_HEADING, _RATING_LABEL
from recapcast.text.recognise.rules import _label
from recapcast.text.source import SourceBlock
from recapcast.text.sources import source_of_text

GOLDEN = DATA / "patterns_golden.tsv"

PATTERNS: dict[str, Callable[[str], bool]] = {
    "signature": lambda line: _signature(SourceBlock("paragraph", (line,), 1)),
    "comment form": lambda line: bool(_COMMENTS_START.match(_label(line))),
    "rating label": lambda line: bool(_RATING_LABEL.match(line)),
    "episode heading": lambda line: bool(_EPISODE_HEADING.match(line)),
}


def _rows(path: Path) -> list[tuple[str, bool, str]]:
    rows = []
    for line in path.read_text("utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            pattern, holds, text = line.split("\t")
            assert holds in ("yes", "no"), line
            rows.append((pattern, holds == "yes", text))
    return rows


ROWS = _rows(GOLDEN)


@pytest.mark.parametrize(("pattern", "holds", "line"), ROWS,
                         ids=[f"{p}: {t[:30]}" for p, _, t in ROWS])
def test_a_context_pattern_holds_for_its_golden_rows(pattern: str, holds: bool,
                                                     line: str) -> None:
    assert PATTERNS[pattern](line) is holds


def test_every_context_pattern_has_rows_that_hold_and_rows_that_do_not() -> None:
    assert {p for p, _, _ in ROWS} == set(PATTERNS)
    for pattern in PATTERNS:
        assert {holds for p, holds, _ in ROWS if p == pattern} == {True, False}, pattern


def _left_out(text: str) -> dict[str, str]:
    found = recognise(source_of_text(textwrap.dedent(text), fmt="text"))
    assert not {x.text for x in found.left_out} & {x.text for x in found.kept}
    return {x.text.strip(): x.reason for x in found.left_out}


STORY = {
    "es": ("Marta llega al puerto a medianoche y encuentra el ferry vacío. Nadie sabe quién "
           "soltó las amarras, y el capitán jura que dejó la llave en la caseta del muelle. "
           "Cuando amanece, el pueblo entero está en la plaza esperando una explicación."),
    "de": ("Henrike erreicht den Hafen um Mitternacht und findet die Fähre leer. Niemand "
           "weiß, wer die Leinen gelöst hat, und der Kapitän schwört, dass er den Schlüssel "
           "im Häuschen am Steg gelassen hat. Am Morgen wartet das ganze Dorf auf dem Platz."),
    "fr": ("Capucine arrive au port à minuit et trouve le ferry vide. Personne ne sait qui a "
           "largué les amarres, et le capitaine jure qu'il a laissé la clé dans la cabane du "
           "quai. Au matin, tout le village attend une explication sur la place."),
}


@pytest.mark.parametrize(("language", "header", "closing"), [
    ("es", "martes, 3 de marzo de 2027\nTiempo de lectura: 5 minutos",
     "¡Gracias por leer! Nos vemos la próxima semana.\n\nUn abrazo, Lucía\n\n"
     "Deja una respuesta\n\nPepa: ¡Qué episodio más bueno!"),
    ("de", "Dienstag, 3. März 2027 um 10:15 Uhr\nvor 3 Stunden",
     "Danke fürs Lesen, bis nächste Woche!\n\nLiebe Grüße, Henrike\n\n"
     "Schreibe einen Kommentar\n\nJonas: Endlich wieder eine gute Folge."),
    ("fr", "mardi 3 mars 2027 à 10h15\n4 minutes de lecture",
     "Merci de m'avoir lu, à la semaine prochaine !\n\nBises, Claire\n\n"
     "Laisser un commentaire\n\nPaul : Quel épisode !"),
])
def test_a_recap_in_another_language_loses_its_header_sign_off_and_comments(
        language: str, header: str, closing: str) -> None:
    story = STORY[language]
    left_out = _left_out(f"The Harbour 2x04\n\n{header}\n\n{story}\n\n{story}\n\n{closing}\n")
    date, age = header.split("\n")
    assert left_out[date] == "publication date"
    assert left_out[age] in ("reading time", "post age")
    sign_off, signature, form, comment = closing.split("\n\n")
    assert left_out[sign_off] == "sign-off"
    assert left_out[signature] == "sign-off"
    assert left_out[form] == left_out[comment] == "comment section"
    assert story.split(".")[0] not in " ".join(left_out)
