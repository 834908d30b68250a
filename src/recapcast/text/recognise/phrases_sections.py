"""Words that name a recap's parts and an episode, per language, as data: a part's heading
("Part Two:", "Teil 2:"), an episode's ("Episode 3:", "Folge 3:"), a season and a count
("Season 2, Episode 5 of 10"), a rating's label. ``patterns.py`` builds its heading and
post-information patterns from these.

Pure data: nothing here imports the rest of the recogniser (``phrases.PHRASE_TABLES``
counts these tables with the others)."""

from __future__ import annotations

# A rating's label: "Rating: ★★★★", "Wertung: 4/5" (said, not a chapter).
RATING_LABELS = {
    "en": ("rating", "grade", "verdict", "score", "our rating", "my rating"),
    "es": ("puntuación", "calificación", "veredicto", "nuestra nota", "mi nota"),
    "fr": ("verdict", "notre note", "ma note", "note finale"),
    "de": ("wertung", "bewertung", "unsere wertung", "meine wertung"),
    "it": ("voto", "giudizio", "valutazione", "il nostro voto", "il mio voto"),
    "pt": ("avaliação", "veredito", "nossa nota", "minha nota", "nota final"),
    "nl": ("beoordeling", "oordeel", "ons oordeel", "cijfer"),
}
# A recap's part as its heading names it: "Part Two: The Storm", "Teil 2: Der Sturm".
PART_WORDS = {
    "en": ("part", "act", "chapter", "round", "day", "night", "week"),
    "es": ("parte", "acto", "capítulo", "ronda", "día", "noche", "semana"),
    "fr": ("partie", "acte", "chapitre", "manche", "jour", "nuit", "semaine"),
    "de": ("teil", "akt", "kapitel", "runde", "tag", "nacht", "woche"),
    "it": ("parte", "atto", "capitolo", "giorno", "notte", "settimana"),
    "pt": ("parte", "ato", "capítulo", "rodada", "dia", "noite", "semana"),
    "nl": ("deel", "akte", "hoofdstuk", "ronde", "dag", "nacht", "week"),
}
# An episode and a season, as a heading ("Episode 3: The Flood", "Folge 3: Die Flut") or a
# post's information ("Season 2, Episode 5", "Staffel 2, Folge 5", "Episode 12 of 13")
# names them; the word between a number and the count ("of", "de", "von").
EPISODE_WORDS = {"en": ("episode", "ep", "ep."), "es": ("episodio", "capítulo"),
                 "fr": ("épisode",), "de": ("folge", "episode"),
                 "it": ("episodio", "puntata"), "pt": ("episódio",), "nl": ("aflevering",),
                 "sv": ("avsnitt",)}
# A chapter's heading, as a fan-fiction archive or a serial names one: "Chapter 3: ...".
CHAPTER_WORDS = {"en": ("chapter",), "es": ("capítulo",), "fr": ("chapitre",),
                 "de": ("kapitel",), "it": ("capitolo",), "pt": ("capítulo",),
                 "nl": ("hoofdstuk",)}
SEASON_WORDS = {"en": ("season",), "es": ("temporada",), "fr": ("saison",),
                "de": ("staffel",), "it": ("stagione",), "pt": ("temporada",),
                "nl": ("seizoen",), "sv": ("säsong",)}
COUNT_OF = {"en": ("of",), "es": ("de",), "fr": ("sur",), "de": ("von",), "it": ("di",),
            "pt": ("de",), "nl": ("van",), "sv": ("av",)}

SECTION_TABLES = {
    "rating labels": RATING_LABELS, "part words": PART_WORDS, "episode words": EPISODE_WORDS,
    "chapter words": CHAPTER_WORDS, "season words": SEASON_WORDS, "count of": COUNT_OF,
}
"""The tables of this module, by concept, for ``phrases.PHRASE_TABLES``."""
