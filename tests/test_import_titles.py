"""Title lines in the shapes recap sites use give the show, season, episode and title."""

from __future__ import annotations

import pytest

from recapcast.text.titles import TitleParts, parse_title, show_from_previously


@pytest.mark.parametrize("line, parts", [
    ("'Copperline' Recap: Season 2, Episode 6, \"The Night Freight\"",
     ("Copperline", 2, 6, "The Night Freight")),
    ("‘Saltwater Kings’ Season 1, Episode 7 Recap: “The Widow’s Net”",
     ("Saltwater Kings", 1, 7, "The Widow's Net")),
    ("Harbor Lights Season 3, Episode 4 Recap: \"The Long Tide\"",
     ("Harbor Lights", 3, 4, "The Long Tide")),
    # a listicle's headline: the quoted name in it is the show
    ("The 7 Best Moments From 'Velvet Circuit' Season 1, Episode 6",
     ("Velvet Circuit", 1, 6, None)),
    ("Skyforge Academy Episode #12 Recap — \"The Long Fall\"",
     ("Skyforge Academy", None, 12, "The Long Fall")),
    ("Moonlit Ledger: Episodes 9-10 Recap", ("Moonlit Ledger", None, 9, None)),
    ("PARALLAX PARK, SEASON 1, EPISODE 4: \"THE QUIET CARTOGRAPHER\"",
     ("Parallax Park", 1, 4, "The Quiet Cartographer")),
    ("Episode 3x04 The Drowned Bell | Veilbrook Wiki | Fandom",
     ("Veilbrook", 3, 4, "The Drowned Bell")),
    ("NCIS S02E03 recap: Lost", ("NCIS", 2, 3, "Lost")),
    ("\"The Ferryman's Daughter\" Episode 2 Recap: The Search",
     ("The Ferryman's Daughter", None, 2, "The Search")),
    ("Why \"Glass Orchard\" Episode 4 Broke Me", ("Glass Orchard", None, 4, None)),
    ("Marlow & Finch — 2×06 — \"The Long Weekend\"", ("Marlow & Finch", 2, 6, "The Long Weekend")),
    ("Show S02E06 recap – Title Here", ("Show", 2, 6, "Title Here")),
    ("The Great Glasshouse Grow-Off S4E9 Recap: Quarter-Final Blooms",
     ("The Great Glasshouse Grow-Off", 4, 9, "Quarter-Final Blooms")),
    ("The Ninth Archive 3x02 Recap: \"Marginalia\"", ("The Ninth Archive", 3, 2, "Marginalia")),
    ("Recap: Glasswing, \"Paper Moths\" (Season 1, Episode 2)", ("Glasswing", 1, 2, "Paper Moths")),
    ("Star Trek: Discovery Season Five, Episode 3 review: Whistlespeak",
     ("Star Trek: Discovery", 5, 3, "Whistlespeak")),
    ("Doctor Who series 14 episode 2 recap: 'The Devil's Chord'",
     ("Doctor Who", 14, 2, "The Devil's Chord")),
    ("Harbor Lights 3.04: The Long Tide", ("Harbor Lights", 3, 4, "The Long Tide")),
    ("Kestrel Street, Season 2 — Dialogue Recap", ("Kestrel Street", 2, None, None)),
    ("'Saltwater Kings' Recap: Six Feet of Water", ("Saltwater Kings", None, None,
                                                    "Six Feet of Water")),
    ("Episode 8: \"The Second Letter\"", (None, None, 8, "The Second Letter")),
    ("Episode 5: Lost Socks", (None, None, 5, "Lost Socks")),
    ("Watchtower Bay | Series 2, Episode 3 review: 'The Lamp Room'",
     ("Watchtower Bay", 2, 3, "The Lamp Room")),
    # Recaps written in other languages name seasons and episodes in their words.
    ("Las Hermanas Quiroga, temporada 2, episodio 5: «La herencia»",
     ("Las Hermanas Quiroga", 2, 5, "La herencia")),
    ("Las Hermanas Quiroga T2E5 – La herencia", ("Las Hermanas Quiroga", 2, 5, "La herencia")),
    ("Reseña de El Faro, temporada 1, capítulo 3: Niebla", ("El Faro", 1, 3, "Niebla")),
    ("Review of The Lantern, Season 1, Episode 2: Fog", ("The Lantern", 1, 2, "Fog")),
    ("Dix pour cent saison 4 épisode 3 : « Le départ »", ("Dix pour cent", 4, 3, "Le départ")),
    ("Der Leuchtturm Staffel 3, Folge 4: Der Fall", ("Der Leuchtturm", 3, 4, "Der Fall")),
    # Forums, wikis, anime and soaps write the numbers their own way.
    ("The Quarry Line - 2x07 \"Blasting Cap\" - Episode Discussion [Spoilers]",
     ("The Quarry Line", 2, 7, "Blasting Cap")),
    ("Hoshikuzu no Kanata #12 — \"Kimi no Na wa\" (I Don't Know Your Name) Recap",
     ("Hoshikuzu no Kanata", None, 12, "Kimi no Na wa")),
    ("Ep 8,123 | BBC One, 7.30pm", (None, None, 8123, None)),
    ("Brackwater series 2 episode 5 review: The Eel Weir – a tense, tender hour",
     ("Brackwater", 2, 5, "The Eel Weir")),
    ("#episode-talk | the reed house s1e3 \"low tide\" recap thread",
     ("the reed house", 1, 3, "low tide")),
    ("Moonlight Pharmacy (달빛 약국) Episode 7 Recap: \"The Prescription\"",
     ("Moonlight Pharmacy", None, 7, "The Prescription")),
    ('"Thornfield Abbey" The Glass Orchard (TV Episode 2027) - IMDb',
     ("Thornfield Abbey", None, None, "The Glass Orchard")),
    ("Thornfield Abbey S2.E5 Recap: The Glass Orchard", ("Thornfield Abbey", 2, 5,
                                                         "The Glass Orchard")),
])
def test_title_line_shapes(line: str, parts: tuple):
    assert parse_title(line) == TitleParts(*parts)


def test_a_wiki_page_title_with_spaced_codes_and_a_slash():
    assert parse_title("The Brass Cartographers S 2 E 3 The Inkwell Gambit / Recap - TV Tropes",
                       "TV Tropes") == TitleParts("The Brass Cartographers", 2, 3,
                                                  "The Inkwell Gambit")


def test_the_site_name_is_cut_from_a_page_title():
    assert parse_title("Lanternfish S01E03 recap – The Quiet Shoal – Reef & Reel",
                       site="Reef & Reel") == TitleParts("Lanternfish", 1, 3, "The Quiet Shoal")
    assert parse_title("Harbor Lights Season 3, Episode 4 Recap: \"The Long Tide\" | Courier") \
        == TitleParts("Harbor Lights", 3, 4, "The Long Tide")


@pytest.mark.parametrize("line", ["Title line", "AKA Take A Bloody Number",
                                  "It starts, as this show so often does, with a ferry."])
def test_a_line_without_an_episode_code_or_recap_is_not_a_title_line(line: str):
    assert parse_title(line) is None


@pytest.mark.parametrize("text, show", [
    ("Previously on Ashgrove Hall: Ottilie learned the truth.", "Ashgrove Hall"),
    ("Next week on The Ninth Archive: drawer 10.", "The Ninth Archive"),
    ("Previously, Ottilie learned the truth.", None),
])
def test_previously_on_names_the_show(text: str, show: str | None):
    assert show_from_previously(text) == show
