"""What import recognises in a recap, whatever its format: chapters, dialogue, attributed
quotes, bylines, stage directions, lists; and what it cannot tell apart stays narration."""

from __future__ import annotations

import datetime as dt
import textwrap

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from recapcast.errors import RecapcastError
from recapcast.model import Heading, Paragraph, Pause, Quote
from recapcast.text.script import import_recap, parse_script, render_script


def _import(text: str, fmt: str | None = None):
    script = import_recap(textwrap.dedent(text), "ep1", date=dt.date(2027, 1, 1), fmt=fmt)
    return parse_script(render_script(script), "ep1")  # as written to scripts/


def _kinds(script):
    out = []
    for b in script.blocks:
        if isinstance(b, Heading):
            out.append(("#", b.text))
        elif isinstance(b, Quote):
            out.append((">", b.speaker, b.text))
        elif isinstance(b, Paragraph):
            out.append(("p", b.text))
        elif isinstance(b, Pause):
            out.append(("pause", b.seconds))
    return out


LONG = "Then the whole town gathers at the harbour wall to watch the boats come in at dusk."


def test_dialogue_lines_in_every_common_shape_become_quotes():
    script = _import(f"""\
        Show S01E02 recap: Title

        {LONG}

        INES: We go out today.
        Kenji: "Then we sell the boat."
        KENJI (quietly): Fine. [sighs]
        Ines — "You always say that."
        """)
    assert _kinds(script)[1:] == [
        (">", "Ines", "We go out today."),
        (">", "Kenji", "Then we sell the boat."),
        (">", "Kenji", "Fine."),
        (">", "Ines", "You always say that."),
    ]


def test_attributions_after_a_quotation_name_its_speaker():
    script = _import(f"""\
        Show S01E02 recap: Title

        {LONG}

        "A house remembers who built it." ~ Margarethe Vinter

        "I can bury this." — Ottilie Szabó

        "Every family keeps a ledger."
        — Bartholomew Nwachukwu

        "The light is not for the ships."

        – Ewan Gillespie, the vanished keeper

        I can only fight one big bad at a time. ~ Jessica Jones

        In the end it is Tomás who speaks. "You can't buy the quiet." ~ Tomás Oyarzún
        """)
    quotes = [(b.speaker, b.text) for b in script.blocks if isinstance(b, Quote)]
    assert quotes == [
        ("Margarethe Vinter", "A house remembers who built it."),
        ("Ottilie Szabó", "I can bury this."),
        ("Bartholomew Nwachukwu", "Every family keeps a ledger."),
        ("Ewan Gillespie", "The light is not for the ships."),
        ("Jessica Jones", "I can only fight one big bad at a time."),
        ("Tomás Oyarzún", "You can't buy the quiet."),
    ]
    assert ("p", "In the end it is Tomás who speaks.") in _kinds(script)


def test_what_only_looks_like_dialogue_stays_narration():
    script = _import(f"""\
        Show S01E02 recap: Title

        {LONG}

        Gareth: the only man in the village who owns a tuxedo.

        Rating: 4/5 stars

        Verdict: a strong episode, docked a point for the ending.

        Previously on Ashgrove Hall: the letter arrived.

        "Leave the lever where it is," he tells her.

        Saoirse — the captain — says nothing at all for a while.
        """)
    assert not any(isinstance(b, Quote) for b in script.blocks)
    paragraphs = [b.text for b in script.blocks if isinstance(b, Paragraph)]
    assert paragraphs[1:] == [
        "Gareth: the only man in the village who owns a tuxedo.",
        "Rating: 4/5 stars",
        "Verdict: a strong episode, docked a point for the ending.",
        "Previously on Ashgrove Hall: the letter arrived.",
        '"Leave the lever where it is," he tells her.',
        "Saoirse — the captain — says nothing at all for a while.",
    ]


def test_a_name_that_speaks_elsewhere_speaks_in_a_plain_line_too():
    script = _import(f"""\
        Show S01E02 recap: Title

        {LONG}

        Thảo: "Somebody has been paying them."

        Some narration in between, long enough to be a paragraph of its own here.

        Thảo: And the payments go back to 1962.
        """)
    quotes = [(b.speaker, b.text) for b in script.blocks if isinstance(b, Quote)]
    assert quotes == [("Thảo", "Somebody has been paying them."),
                      ("Thảo", "And the payments go back to 1962.")]


def test_stage_directions_and_timestamps_are_not_spoken():
    script = _import(f"""\
        Show S01E02 recap: Title

        {LONG}

        [phone buzzes]

        (beat)

        00:09:30 — Tadhg opens his packet. [laughs]

        [14:05] Chiamaka identifies her seeds (from the smell alone).

        At 9:30 pm the judges arrive.

        [pause 2s]
        """)
    assert _kinds(script)[1:] == [
        ("p", "Tadhg opens his packet."),
        ("p", "Chiamaka identifies her seeds (from the smell alone)."),
        ("p", "At 9:30 pm the judges arrive."),
        ("pause", 2.0),
    ]


def test_bylines_dates_and_spoiler_warnings_are_left_out_and_the_author_kept():
    script = _import(f"""\
        'Copperline' Recap: Season 2, Episode 6, "The Night Freight"
        By Delphine Okafor-Reyes | Updated Nov. 14, 2026, 9:00 a.m. ET

        Warning: this recap contains spoilers for Copperline season 2, episode 6.

        {LONG}

        By the end of the hour Ines has taken the boat out alone.
        """)
    assert script.meta.author == "Delphine Okafor-Reyes"
    assert (script.meta.show, script.meta.season, script.meta.episode, script.meta.title) == (
        "Copperline", 2, 6, "The Night Freight")
    assert [b.text for b in script.blocks] == [
        LONG, "By the end of the hour Ines has taken the boat out alone."]


@pytest.mark.parametrize("line", [
    "Posted March 4, 2027 · by Ruaidhrí Colquhoun · 7 min read",
    "Reviewed by Agnieszka Wróbel-Hughes — 3 March 2027",
    "Live-blogged by Ruth Achterberg (@petalpusher_ruth)",
    "Published 2026-10-22",
    "Oct. 22, 2026",
])
def test_byline_shapes(line: str):
    script = _import(f"Show S01E02 recap: Title\n{line}\n\n{LONG}\n")
    assert [b.text for b in script.blocks] == [LONG]


def test_short_heading_like_lines_become_chapters_and_lists_sentences():
    script = _import(f"""\
        Show S01E02 recap: Title

        {LONG}

        The Signal Box

        {LONG}

        PART TWO: THE LIGHT

        {LONG}

        Stray observations:
        - the storm effects are the best yet
        - Dmitri's jumper deserves its own episode.

        Judges' scoreboard after both rounds:
        1. Chiamaka Eze – 31 points
        2. Haruto Fujimoto – 27 points

        • Bullets pasted from a page count too
        """)
    assert [b.text for b in script.blocks if isinstance(b, Heading)] == [
        "The Signal Box", "PART TWO: THE LIGHT", "Stray observations",
        "Judges' scoreboard after both rounds"]
    paragraphs = [b.text for b in script.blocks if isinstance(b, Paragraph)]
    assert paragraphs[-3:] == [
        "The storm effects are the best yet. Dmitri's jumper deserves its own episode.",
        "1: Chiamaka Eze – 31 points. 2: Haruto Fujimoto – 27 points.",
        "Bullets pasted from a page count too."]


def test_a_recap_with_marked_headings_keeps_its_short_lines_as_narration():
    script = _import(f"""\
        # Show S01E02 recap: Title

        ## The Flood

        {LONG}

        Of course not

        **The Reveal**

        {LONG}
        """, fmt="markdown")
    assert _kinds(script) == [("#", "The Flood"), ("p", LONG), ("p", "Of course not"),
                              ("#", "The Reveal"), ("p", LONG)]


def test_markdown_marks_images_links_and_sign_offs_are_not_narrated():
    script = _import(f"""\
        # The Ninth Archive 3x02 Recap: "Marginalia"

        ![Ngaio holding a card](still.jpg)

        As I said in [last week's recap](http://example.com/x), it is **salt**, _really_.
        See <http://example.com/raw> and `code`.

        > The archive doesn't forget.
        > — Emiko Takahashi

        {LONG}

        ---

        Thanks for reading! Follow me on Mastodon at [@stackrat](http://example.com/@s).
        """, fmt="markdown")
    assert _kinds(script) == [
        ("p", "As I said in last week's recap, it is salt, really. See and code."),
        (">", "Emiko Takahashi", "The archive doesn't forget."),
        ("p", LONG),
    ]


def test_hashtags_are_read_as_words_and_emoji_dropped():
    script = _import(f"Show S01E02 recap: Title\n\n#TeamRed is in shambles 😭 and #team_blue"
                     f" wins #1.\n\n{LONG}\n")
    assert script.blocks[0].text == "Team Red is in shambles and team blue wins #1."


def test_previously_opens_only_a_recap_of_what_came_before():
    before = _import(f"""\
        Show Episode 12 Recap: Title

        Episode 11 saw the return of Luke Cage.

        Episode 12: Title

        {LONG}
        """)
    assert [b.text for b in before.blocks if isinstance(b, Heading)] == [
        "Previously", "Title"]
    intro = _import(f"""\
        Show Episode 12 Recap: Title

        Copperline has spent five episodes laying track, and tonight it pays off.

        The Signal Box

        {LONG}
        """)
    assert [b.text for b in intro.blocks if isinstance(b, Heading)] == ["The Signal Box"]


def test_an_untitled_recap_keeps_every_paragraph_and_gets_a_placeholder_title():
    script = _import(f"{LONG}\n\n{LONG} Again.\n")
    assert script.meta.title == "ep1" and script.meta.show == "" and script.meta.season is None
    assert [b.text for b in script.blocks] == [LONG, LONG + " Again."]


def test_show_and_author_round_trip_through_the_script_file():
    script = _import(f"Kestrel Street, Season 2 — Dialogue Recap\nBy Ana Lima\n\n"
                     f"Episode 5: Lost Socks\n\n{LONG}\n")
    text = render_script(script)
    assert 'show: "Kestrel Street"' in text and 'author: "Ana Lima"' in text
    assert parse_script(text, "ep1").meta == script.meta
    assert (script.meta.title, script.meta.episode, script.meta.season) == ("Lost Socks", 5, 2)


def test_a_script_without_show_or_author_is_written_as_before():
    text = render_script(_import(f"Title line\n\n{LONG}\n"))
    assert "show:" not in text and "author:" not in text


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aZ .,:;!?\"“”'—–-~#*_>[]()<>/\n0123456789É")),
               max_size=300))
def test_any_text_imports_or_fails_with_a_recapcast_error(text: str):
    try:
        script = import_recap(text, "ep1", date=dt.date(2027, 1, 1))
    except RecapcastError:
        return
    again = parse_script(render_script(script), "ep1")
    assert _kinds(again) == _kinds(script)


def test_a_wrapped_line_that_starts_like_a_byline_stays_narration():
    script = _import("""\
        Recap: Ironbridge S01E01 "Pilot"
        Posted by Ana Lima on 12/03/2026 at 10:15

        By Monday, everything in Ironbridge has changed. The mill is closed, the
        mayor is missing, and nobody will say why.
        """)
    assert script.meta.author == "Ana Lima"
    assert [b.text for b in script.blocks] == [
        "By Monday, everything in Ironbridge has changed. The mill is closed, the mayor is "
        "missing, and nobody will say why."]


def test_only_title_case_lines_are_guessed_as_chapters():
    script = _import(f"Show S01E02 recap: Title\n\n{LONG}\n\nCut to black\n\nWhat happens next?"
                     f"\n\nA Ledger in the Snow\n\n{LONG}\n")
    assert _kinds(script) == [("p", LONG), ("p", "Cut to black"), ("p", "What happens next?"),
                              ("#", "A Ledger in the Snow"), ("p", LONG)]


def test_a_dialogue_line_wrapped_onto_the_next_line_stays_one_quote():
    script = _import(f"""\
        Show S01E02 recap: Title

        {LONG}

        INSPECTOR VOSS: Nobody leaves town.
        MARTA: And if we do?
        INSPECTOR VOSS: Then you'd better run fast,
        because I run faster.
        """)
    assert _kinds(script)[1:] == [
        (">", "Inspector Voss", "Nobody leaves town."),
        (">", "Marta", "And if we do?"),
        (">", "Inspector Voss", "Then you'd better run fast, because I run faster."),
    ]


def test_markdown_front_matter_and_a_one_line_block_quote():
    recap = """\
        ---
        title: My recap
        author: Kay Oduya
        tags:
          - ironbridge
        ---

        # Ironbridge 1x02 review — "The Mill"

        > "Nobody leaves town." — Inspector Voss

        ### The River

        The river is still red.
        """
    script = _import(recap, fmt="markdown")
    meta = script.meta
    assert (meta.show, meta.season, meta.episode, meta.title, meta.author) == (
        "Ironbridge", 1, 2, "The Mill", "Kay Oduya")
    assert _kinds(script) == [(">", "Inspector Voss", "Nobody leaves town."),
                              ("#", "The River"), ("p", "The river is still red.")]
    # The recap's own line numbers survive the blanked front matter (check reports them).
    imported = import_recap(textwrap.dedent(recap), "ep1", date=dt.date(2027, 1, 1),
                            fmt="markdown")
    assert imported.blocks[-1].line == 14


def test_a_forum_posts_handle_age_and_edit_notes_are_not_narrated():
    script = _import(f"""\
        Ironbridge - 1x04 - "The Weir" [Episode Discussion]

        Posted by u/millpond_kay · 6h

        {LONG}

        Rating: 9/10.

        Edit: typo
        EDIT 2: thanks for the award!
        """)
    assert (script.meta.show, script.meta.episode, script.meta.title, script.meta.author) == (
        "Ironbridge", 4, "The Weir", "u/millpond_kay")
    assert _kinds(script) == [("p", LONG), ("p", "Rating: 9/10.")]


def test_site_furniture_lines_in_pasted_text_are_neither_chapters_nor_narration():
    script = _import(f"""\
        Copper Valley Recap: The Seam
        Season 2, Episode 6

        By Priyanka Osei
        Photo: Northlight Studios
        @priyankawrites

        Advertisement

        {LONG}

        Related
        Copper Valley Season Premiere Recap: The Seam
        The Best Westerns on Television

        SPONSORED CONTENT

        Related:

        Ten Shows Like Copper Valley

        The sheriff rides out to the railhead and finds the payroll car empty.

        @somebody

        Tagged: Copper Valley, TV Recaps
        More From This Series
        """)
    assert (script.meta.show, script.meta.season, script.meta.episode) == ("Copper Valley", 2, 6)
    assert script.meta.author == "Priyanka Osei"
    assert _kinds(script) == [
        ("p", LONG),
        ("p", "The sheriff rides out to the railhead and finds the payroll car empty."),
    ]


def test_a_blog_posts_metadata_line_tags_and_related_heading_are_left_out():
    script = _import("""\
        # Harrowgate S1E09 Review – The Quiet Room

        **Posted on** April 4, 2027 by *Emeka Obi* | [5 comments](#comments)

        Tags: [Harrowgate](/tag/harrowgate), [reviews](/tag/reviews)

        The night nurse finally confronts the board over the missing files, and it lands.

        > Nobody in this building is owed the truth.

        — The Chairman

        ## Related posts

        - [Harrowgate S1E08 Review](/s1e08)
        - [Harrowgate S1E07 Review](/s1e07)
        """, fmt="md")
    assert script.meta.author == "Emeka Obi"
    assert (script.meta.season, script.meta.episode) == (1, 9)
    assert _kinds(script) == [
        ("p", "The night nurse finally confronts the board over the missing files, and it "
              "lands."),
        (">", "The Chairman", "Nobody in this building is owed the truth."),
    ]


def test_spanish_dash_dialogue_is_voiced_by_its_speaker():
    script = _import(f"""\
        {LONG}

        —No pienso pelearme por dinero —dice Maite desde la puerta.
        —Eso es mentira —responde Ximena—. Y lo sabes.
        —Nada —dijo él.
        """)
    assert _kinds(script) == [
        ("p", LONG),
        (">", "Maite", "No pienso pelearme por dinero."),
        (">", "Ximena", "Eso es mentira. Y lo sabes."),
        ("p", "—Nada —dijo él."),
    ]


def test_a_line_that_is_one_quotation_and_its_speaker_is_voiced_by_them():
    script = _import(f"""\
        {LONG}

        "I'm done," Mara says.

        Mara tells him, "Go."

        « Non, je reste », répond Anselme.

        „Sie waren wo?“, fragt Henrike.

        — Ta sœur habite à Marseille, dit Capucine.

        — Pourquoi avez-vous décroché ? répond Solveig sans la regarder.

        "Leave it," Teodor says quietly.

        "Leave the lever where it is," he tells her.

        She says "Ask me again" and walks off.
        """)
    assert _kinds(script) == [
        ("p", LONG),
        (">", "Mara", "I'm done."),
        (">", "Mara", "Go."),
        (">", "Anselme", "Non, je reste."),
        (">", "Henrike", "Sie waren wo?"),
        (">", "Capucine", "Ta sœur habite à Marseille."),
        (">", "Solveig", "Pourquoi avez-vous décroché?"),
        (">", "Teodor", "Leave it."),
        # A pronoun names nobody, and a quotation inside a sentence stays narration.
        ("p", '"Leave the lever where it is," he tells her.'),
        ("p", 'She says "Ask me again" and walks off.'),
    ]


def test_the_line_that_names_the_episode_is_the_title_not_a_byline_above_it():
    script = _import(f"""\
        Review by marguerite ★★★½
        Fernhollow 1x01 — "Pilot"

        {LONG}
        """)
    assert (script.meta.show, script.meta.season, script.meta.episode, script.meta.title) == (
        "Fernhollow", 1, 1, "Pilot")
    assert _kinds(script) == [("p", LONG)]


def test_a_screenplay_excerpt_is_voiced_and_its_directions_are_not_spoken():
    script = _import(f"""\
        {LONG}

        INT. MAUREEN'S KITCHEN - NIGHT

                                 LORNA
                  You've got a key, then.

                                 CALLUM
                       (not moving)
                  She never changed the locks.

        CUT TO:

        The silence after that lasts nearly twenty seconds.
        """)
    assert _kinds(script) == [
        ("p", LONG),
        (">", "Lorna", "You've got a key, then."),
        (">", "Callum", "She never changed the locks."),
        ("p", "The silence after that lasts nearly twenty seconds."),
    ]


def test_a_pasted_list_reads_a_sentence_a_line_and_an_award_is_no_speaker():
    script = _import(f"""\
        {LONG}

        Results:
        1st — PRIYA
        2nd — AUGUSTINE
        3rd — MARGIT

        GARMENT OF THE WEEK: AUGUSTINE, for the second time.

        Stray observations

        The zip was the real villain.
        """)
    assert _kinds(script) == [
        ("p", LONG),
        ("p", "Results: 1st — PRIYA. 2nd — AUGUSTINE. 3rd — MARGIT."),
        ("p", "GARMENT OF THE WEEK: AUGUSTINE, for the second time."),
        ("#", "Stray observations"),
        ("p", "The zip was the real villain."),
    ]


def test_a_posts_notes_likes_and_a_repeated_title_are_not_narrated():
    script = _import(f"""\
        # Hollowmere 2x07 "The Drowned Choir" thoughts

        ## hollowmere 2x07 "the drowned choir" thoughts (spoilers!!)

        Watched 14 Jan 2027

        {LONG}

        ♥ 214 likes
        Liked by josephine, petrichor_films and 212 others

        - mothwing reblogged this from lanternlit
        - lanternlit posted this
        """, fmt="md")
    assert script.meta.title == "The Drowned Choir"
    assert _kinds(script) == [("p", LONG)]


def test_several_sentence_case_headings_are_chapters_but_one_short_line_is_not():
    script = _import(f"""\
        Harbor Lights S1E2 Recap: The Tide

        The night shift

        {LONG} {LONG}

        Notre avis

        {LONG} {LONG}
        """)
    assert [b.text for b in script.blocks if isinstance(b, Heading)] == [
        "The night shift", "Notre avis"]
    single = _import(f"""\
        {LONG}

        Cut to black

        {LONG} {LONG}
        """)
    assert not any(isinstance(b, Heading) for b in single.blocks)


def test_scores_listed_a_contestant_a_line_and_a_works_header_are_read_right():
    script = _import(f"""\
        Stitch Off S5E8 Recap: Sequins

        Fandom: Stitch Off (TV)
        Characters: Priya, Augustine
        Kudos: 412

        {LONG}

        PRIYA — silver catsuit with a detachable train. Judges: 9, 9, 8 = 26/30
        AUGUSTINE — a gold suit of armour. Judges: 10, 9, 9 = 28/30
        MARGIT — a beaded flamenco dress. Judges: 8, 7, 8 = 23/30
        """)
    assert _kinds(script) == [
        ("p", LONG),
        ("p", "PRIYA — silver catsuit with a detachable train. Judges: 9, 9, 8 = 26/30. "
              "AUGUSTINE — a gold suit of armour. Judges: 10, 9, 9 = 28/30. "
              "MARGIT — a beaded flamenco dress. Judges: 8, 7, 8 = 23/30."),
    ]


def test_a_short_dash_line_of_dialogue_is_voiced_and_the_narration_before_it_stays():
    # "— Non, dit Capucine." once made the paragraph before it a quote by "Non".
    script = _import(f"""\
        Show S01E02 recap: Title

        {LONG}

        — Non, dit Capucine.

        — Never, says Ines.

        "El faro no se vende", dice Carmela.
        """)
    assert _kinds(script)[1:] == [
        (">", "Capucine", "Non."),
        (">", "Ines", "Never."),
        (">", "Carmela", "El faro no se vende."),
    ]
    assert _kinds(script)[0] == ("p", LONG)


def test_dialogue_a_paragraph_a_line_is_voiced_as_on_a_web_page():
    lines = """\
        <p>Dutch: You walk out that gate, you don't walk back in.</p>
        <p>Marta: "Then lock it behind us."</p>"""
    for text, fmt in ((f"Show S01E02 recap: Title\n\n{LONG}\n\n"
                       "Dutch: You walk out that gate, you don't walk back in.\n\n"
                       "Marta: \"Then lock it behind us.\"\n", None),
                      (f"<html><body><article><h1>Show S01E02 recap: Title</h1><p>{LONG}</p>"
                       f"{textwrap.dedent(lines)}</article></body></html>", "html")):
        script = _import(text, fmt)
        assert [k for k in _kinds(script) if k[0] == ">"] == [
            (">", "Dutch", "You walk out that gate, you don't walk back in."),
            (">", "Marta", "Then lock it behind us."),
        ], fmt


def test_a_label_naming_a_contestant_is_narration_with_nothing_dropped():
    script = _import(f"""\
        Show S01E02 recap: Title

        {LONG}

        Star Baker: Priyanka (her 3rd of the season!)
        Eliminated: Tevita
        Runner-up: Alma
        """)
    assert not any(isinstance(b, Quote) for b in script.blocks)
    text = " ".join(b.text for b in script.blocks if isinstance(b, Paragraph))
    for phrase in ("Star Baker: Priyanka (her 3rd of the season!)", "Eliminated: Tevita.",
                   "Runner-up: Alma."):
        assert phrase in text


@pytest.mark.parametrize("byline", [
    "By Lorna Achebe-Finch\nSpoiler warning: this recap discusses the whole episode.",
    "By Lorna Achebe-Finch\nUpdated Feb. 18, 2025, 9:41 a.m. ET\n6 min read\n"
    "Warning: spoilers ahead.",
    "Por Lorna Achebe-Finch\nLectura de 5 min",
])
def test_a_byline_block_with_a_spoiler_warning_or_read_time_is_left_out(byline: str):
    script = _import(f"Ridgeback S02E05 recap: Dry County\n\n{byline}\n\n{LONG}\n")
    assert script.meta.author == "Lorna Achebe-Finch"
    assert _kinds(script) == [("p", LONG)]


def test_calls_to_action_and_a_writers_bio_are_left_out_but_narration_about_them_stays():
    script = _import(f"""\
        Ridgeback S02E05 recap: Dry County

        {LONG}

        Sign up for our free Entertainment newsletter!

        He sells the horses anyway, one by one.

        Have a news tip? Email tips@example.org or call 555-0142.

        What were your favourite moments? Tell me in the comments below!

        Comparte este artículo: Facebook · X · WhatsApp

        She tells him to subscribe to the county paper, and he laughs.

        Lorna Achebe-Finch is a staff writer covering television. Follow her on X @lornaachebe.
        """)
    assert _kinds(script) == [
        ("p", LONG), ("p", "He sells the horses anyway, one by one."),
        ("p", "She tells him to subscribe to the county paper, and he laughs."),
    ]


def test_a_nested_list_belongs_to_its_item_so_a_ranking_keeps_its_numbers():
    script = _import(f"""\
        # Velvet Circuit S01E06 recap: Feedback Loop

        {LONG}

        1. **Dex's apology.** It takes him 4 tries.
           - Bonus: the song is actually good
           - It even charts
        2. **"Turn it up, Dex."** The crowd goes wild.
        3. The ending
        """, "md")
    assert _kinds(script)[1:] == [("p", "1: Dex's apology. It takes him 4 tries. Bonus: the song "
                                        "is actually good. It even charts. 2: \"Turn it up, "
                                        "Dex.\" The crowd goes wild. 3: The ending.")]


def test_a_screenplay_excerpt_under_its_slugline_voices_each_cue():
    script = _import(f"""\
        Ferry S01E02 recap: The Crossing

        {LONG}

        INT. FERRY BRIDGE - NIGHT
        INES
        (quietly)
        Turn us around.
        KENJI
        We cannot.
        CUT TO:

        They hold course.
        """)
    assert _kinds(script)[1:] == [(">", "Ines", "Turn us around."), (">", "Kenji", "We cannot."),
                                  ("p", "They hold course.")]


def test_a_fan_wikis_name_gives_the_show_a_page_does_not_name():
    page = """\
        <html><head><title>Dry County | Starwake Wiki | Fandom</title>
        <meta property="og:site_name" content="Starwake Wiki"></head><body><article>
        <h1>Dry County</h1><p>"Dry County" is the fourth episode of the second season.</p>
        <h2>Plot</h2><p>The crew finds the signal in the dust storm, and Ines follows it into
        the canyon alone while the others sleep.</p></article></body></html>"""
    meta = _import(page, "html").meta
    assert (meta.show, meta.season, meta.episode, meta.title) == ("Starwake", 2, 4, "Dry County")


def test_a_recap_of_short_paragraphs_still_gets_a_summary():
    meta = _import("Ridgeback S02E05 recap: Dry County\n\nThe drought comes early.\n\n"
                   "Cal sells the horses.\n").meta
    assert meta.summary == "The drought comes early."


def test_a_read_more_cut_keeps_the_list_under_it():
    # Tumblr's "Keep reading" cut: what follows is the post, not a list of other posts.
    script = _import(f"""\
        Velvet Armada 4x11 thoughts

        {LONG}

        Keep reading

        - the way Isolde held the compass out
        - the storm scene
        """, "md")
    assert _kinds(script)[1:] == [("p", "The way Isolde held the compass out. The storm scene.")]


def test_a_newsletters_greeting_sign_off_signature_and_footer_are_left_out():
    script = _import(f"""\
        Parallax Park S01E04 recap: The Quiet Cartographer

        Hi friends,

        {LONG}

        — Você sabia? — pergunta Helena.

        "Não vou", diz Tiago.

        That's it for this week. Hit reply and tell me what you thought!

        — Marguerite

        You're receiving this because you signed up. Unsubscribe · Manage preferences
        """)
    assert _kinds(script) == [("p", LONG), (">", "Helena", "Você sabia?"),
                              (">", "Tiago", "Não vou.")]


def test_a_portuguese_byline_date_and_spoiler_line_are_left_out():
    script = _import("Parallax Park S01E04 recap: The Quiet Cartographer\n\n"
                     "Por Beatriz Nogueira\n15 de outubro de 2023, 21h30\nContém spoilers!\n\n"
                     f"{LONG}\n")
    assert script.meta.author == "Beatriz Nogueira"
    assert _kinds(script) == [("p", LONG)]


def test_a_forums_comments_start_at_level_1_and_a_wikis_contents_are_not_read():
    script = _import(f"""\
        Mill Town S02E07 discussion: The Salt Line

        {LONG} {LONG}

        level 1

        The mill wheel scene was the best part.
        """)
    assert _kinds(script) == [("p", f"{LONG} {LONG}")]
    page = f"""\
        <html><body><article><h1>Mill Town S02E07 recap: The Salt Line</h1><p>{LONG}</p>
        <h2>Contents</h2><ul><li>1 Synopsis</li><li>2 Plot</li></ul>
        <h2>Plot</h2><p>{LONG}</p></article></body></html>"""
    assert [k[0:2] for k in _kinds(_import(page, "html"))] == [("p", LONG), ("#", "Plot"),
                                                              ("p", LONG)]


def test_a_live_blogs_dialogue_a_posts_tags_and_a_thank_you_edit():
    script = _import(f"""\
        Night Shift S01E01 live blog: Pilot

        {LONG}

        9:40 PM: REYES: You don't get to walk away from this.
        9:41 PM: OYELARAN: Watch me.

        Relationship: Isolde Marsh/Benedikt Roe

        #the velvet armada #tva spoilers #my posts

        Edit 2: thanks for the award kind stranger!
        """)
    assert _kinds(script) == [
        ("p", LONG), (">", "Reyes", "You don't get to walk away from this."),
        (">", "Oyelaran", "Watch me."), ("p", "Relationship: Isolde Marsh/Benedikt Roe")]


def test_a_spoiler_warning_goes_but_the_plot_beside_it_stays():
    script = _import(f"""\
        Harrow House S02E05 recap: The Sale

        {LONG}

        Spoilers ahead, obviously, but the short version is that Kayla quits and Bruno cries.

        Okay so this episode was a LOT. Spoilers below!

        SPOILER ALERT: Kayla takes the job.

        Spoiler warning: this recap discusses the whole episode.

        Warning: spoilers ahead.
        """)
    assert _kinds(script) == [
        ("p", LONG),
        ("p", "Spoilers ahead, obviously, but the short version is that Kayla quits and "
              "Bruno cries."),
        ("p", "Okay so this episode was a LOT."), ("p", "Kayla takes the job.")]


@pytest.mark.parametrize("head, author", [
    # a magazine's header: the show again, the numbers, a rating, the byline, the date
    ("The Harrow House Recap: The Sale Goes Through\nThe Harrow House\nSeason 2 Episode 5\n"
     "Editor's Rating 4 stars\nBy Dana Whitcombe\nMarch 9, 2025", "Dana Whitcombe"),
    # a newspaper's: a dek, the writer's bare name, dated and modified lines
    ("The Harrow House series 2 episode 5 recap – the sale goes through\n\nThe family takes "
     "on the council.\nGareth Lloyd-Pryce\nSun 23 Feb 2025 22.00 GMT\nLast modified on Sun "
     "23 Feb 2025 22.30 GMT", "Gareth Lloyd-Pryce"),
    ("The Harrow House S02E05 recap: The Sale Goes Through\n\nBy Dana Whitcombe / December 4 "
     "2024, 10:01 PM PST", "Dana Whitcombe"),
])
def test_an_articles_header_is_left_out_and_gives_the_numbers_and_author(head: str,
                                                                         author: str):
    script = _import(f"{head}\n\n{LONG}\n")
    assert (script.meta.show, script.meta.season, script.meta.episode, script.meta.author) == \
        ("The Harrow House", 2, 5, author)
    assert [k for k in _kinds(script) if k != ("p", "The family takes on the council.")] == [
        ("p", LONG)]


def test_a_news_sites_polls_next_links_image_notes_and_comment_prompts_are_not_read():
    script = _import(f"""\
        Ridgeline S03E08 recap: Cody Comes Clean

        Read on for the highlights of the episode.

        {LONG}

        POLL: How would you grade the episode?

        A B C D F

        Next: Ridgeline Season 3 Episode 9 Recap: The Long Ride

        Image for article titled Ridgeline recap
        Screenshot: AMC

        Ridgeline fans, what did you think of the episode? Hit the comments!

        Anyway let me know what you thought in the comments!! xx

        Marcus Bellweather has covered television for TVLine since 2011.
        """)
    assert _kinds(script) == [("p", LONG)]
    medium = _import(f"Ridgeline S03E08 recap: Cody Comes Clean\n\n{LONG} {LONG}\n\n"
                     "Responses (38)\n\nWhat are your thoughts?\n\nGreat recap, loved it.\n")
    assert _kinds(medium) == [("p", f"{LONG} {LONG}")]


@pytest.mark.parametrize("byline", ["Ana Ruiz; TV Editor", "Ana Ruiz · Apr 4"])
def test_a_pages_author_is_the_name_without_role_or_date(byline: str):
    page = f"""\
        <html><head><meta name="author" content="{byline}"></head><body><article>
        <h1>Ridgeline S03E08 recap: Cody Comes Clean</h1><p>{LONG}</p></article></body></html>"""
    assert _import(page, "html").meta.author == "Ana Ruiz"


def test_junk_headings_a_date_a_rating_and_the_numbers_again_are_no_chapters():
    script = _import(f"""\
        # Void Cartographers S02E07 recap: The Drift

        ## Sunday, 16 March 2025

        {LONG}

        ## Void Cartographers Season 2 Episode 7

        {LONG}

        **Rating: ★★★★★**

        ## The Drift

        {LONG}
        """, "md")
    assert [k[0:2] for k in _kinds(script)] == [
        ("p", LONG), ("p", LONG), ("p", "Rating: ★★★★★"), ("#", "The Drift"), ("p", LONG)]


def test_a_quotation_that_goes_on_after_its_speaker_is_one_quote():
    script = _import(f"""\
        Lockbox S01E02 recap: The Key

        {LONG}

        "Nobody has the key," says Denise. "That's the point of a lockbox."
        """)
    assert _kinds(script)[1:] == [
        (">", "Denise", "Nobody has the key. That's the point of a lockbox.")]


def test_a_piped_section_label_and_a_label_with_its_items_under_it_are_chapters():
    script = _import(f"""\
        Ridgeline S03E08 recap: Cody Comes Clean

        {LONG}

        THE SALE | It's been bubbling for six episodes, and the buyer finally shows up.

        Stray observations
        Harlan's Cadillac gets its own theme music
        The dog deserves an Emmy.
        """)
    assert _kinds(script)[1:] == [
        ("#", "The sale"), ("p", "It's been bubbling for six episodes, and the buyer finally "
                                 "shows up."),
        ("#", "Stray observations"),
        ("p", "Harlan's Cadillac gets its own theme music. The dog deserves an Emmy.")]


def test_a_recap_line_under_a_catchy_headline_is_the_title_line():
    page = f"""\
        <html><head><title>The tide tables are turning | The Review Club</title></head>
        <body><article><h1>The tide tables are turning on Saltmarsh</h1>
        <p><strong>Saltmarsh recap: "The Tide Tables" (season 1, episode 3)</strong></p>
        <p>{LONG}</p></article></body></html>"""
    script = _import(page, "html")
    assert (script.meta.show, script.meta.season, script.meta.episode, script.meta.title) == (
        "Saltmarsh", 1, 3, "The Tide Tables")
    assert _kinds(script) == [("p", LONG)]


def test_story_sentences_that_sound_like_furniture_and_a_closing_review_line_stay():
    script = _import(f"""\
        Influencer S01E03 recap: The Post

        {LONG}

        Share this with everyone, Marnie captions the video, and she posts it before anyone
        can stop her.

        The last ten minutes are the best television I have seen this year. Thanks for
        reading! Follow me on Instagram for more.
        """)
    assert [k[1] for k in _kinds(script)][1:] == [
        "Share this with everyone, Marnie captions the video, and she posts it before anyone "
        "can stop her.", "The last ten minutes are the best television I have seen this year."]
    told = _import(f"Influencer S01E03 recap: The Post\n\n{LONG}\n\nThanks for reading, Theo "
                   "says flatly. Follow me for more, Kev mutters to nobody.\n")
    assert _kinds(told)[1:] == [("p", "Thanks for reading, Theo says flatly. Follow me for "
                                      "more, Kev mutters to nobody.")]


@pytest.mark.parametrize("byline, author", [
    ("Warning: spoilers ahead for season 2, episode 5.\n\nBy Jane Roe, published March 3, "
     "2025", "Jane Roe"),
    ("by Seo-yeon (Dramabeans-style weekly recaps)", "Seo-yeon"),
    ("Par Solène Varenne, publié le 12 septembre 2024 à 18 h 05, mis à jour le 13 septembre "
     "2024", "Solène Varenne"),
])
def test_a_dated_or_annotated_byline_is_left_out_and_a_warning_names_no_show(byline: str,
                                                                               author: str):
    script = _import(f"'The Harrow House' Recap: The Longest Night\n\n{byline}\n\n{LONG}\n")
    assert (script.meta.show, script.meta.title, script.meta.author) == (
        "The Harrow House", "The Longest Night", author)
    assert _kinds(script) == [("p", LONG)]


def test_a_newsletters_housekeeping_corrections_and_a_long_spoiler_label_are_not_read():
    script = _import(f"""\
        Harrow House S02E05 recap: The Sale

        Gareth Lloyd-Pryce
        Sun 23 Feb 2025 22.00 GMT

        Spoiler alert: this article contains details of the whole series, including the
        finale and its final twist.

        Hi friends, and welcome to the 600 new subscribers who joined this week! Grab a tea.

        Quick housekeeping: paid subscribers get the bonus podcast on Friday.

        UPDATE: Since this recap was published, the network has renewed the show.

        Editor's note: An earlier version of this recap misspelled Ines's name.

        Refresh for updates.

        {LONG}
        """)
    assert script.meta.author == "Gareth Lloyd-Pryce"
    assert _kinds(script) == [("p", LONG)]


def test_numbered_sections_are_chapters_and_a_list_keeps_the_numbers_it_starts_at():
    script = _import(f"""\
        Lowfield 2.06: "The Pumping Station"

        {LONG}

        1. The Break-In

        {LONG}

        2. The Tunnels

        {LONG}

        My favourite lines:

        3. "Open the gates."
        4. "Not tonight."
        """, "md")
    assert _kinds(script)[1:] == [
        ("#", "The Break-In"), ("p", LONG), ("#", "The Tunnels"), ("p", LONG),
        ("#", "My favourite lines"), ("p", '3: "Open the gates." 4: "Not tonight."')]


def test_the_summary_does_not_end_at_an_abbreviation():
    meta = _import("Casa S01E02 recap: La herencia\n\nLa familia llega a la casa al amanecer. "
                   "El Dr. Salvatierra y la Sra. Ibáñez abren el testamento delante de todos. "
                   "Nadie dice nada.\n").meta
    assert meta.summary == ("La familia llega a la casa al amanecer. El Dr. Salvatierra y la "
                            "Sra. Ibáñez abren el testamento delante de todos.")


def test_a_line_addressed_to_someone_is_voiced_by_its_speaker():
    script = _import(f"""\
        Purser S01E02 recap: The Office

        {LONG}

        Ines to Tobiah: "Lock the purser's office."
        """)
    assert _kinds(script)[1:] == [(">", "Ines", "Lock the purser's office.")]


def test_a_wiki_named_only_in_the_page_title_gives_the_show():
    page = """\
        <html><head><title>Dry County | Starwake Wiki | Fandom</title></head><body><article>
        <h1>Dry County</h1><p>"Dry County" is the fourth episode of the second season.</p>
        <h2>Plot</h2><p>The crew finds the signal in the dust storm, and Ines follows it into
        the canyon alone while the others sleep.</p></article></body></html>"""
    assert _import(page, "html").meta.show == "Starwake"


def test_a_sentence_case_heading_over_a_list_counts_as_a_section_too():
    script = _import(f"""\
        Las Hermanas S02E05 recap: La noche

        La herencia

        {LONG} {LONG}

        Lo mejor del episodio

        1. La pelea en la escalera.
        2. El monólogo de Carmela.
        """)
    assert [b.text for b in script.blocks if isinstance(b, Heading)] == [
        "La herencia", "Lo mejor del episodio"]


def test_the_previously_chapter_ends_where_this_weeks_episode_begins():
    script = _import(f"""\
        Ashgrove Hall S01E04 recap: The Inquest

        Previously on Ashgrove Hall: the letter arrived and nobody read it aloud.

        Tonight's episode is built almost entirely around the inquest.

        ## The Inquest

        {LONG}
        """)
    # The opening says "Previously" itself: no chapter of that name over it, said twice.
    assert [k[:2] for k in _kinds(script)] == [
        ("p", "Previously on Ashgrove Hall: the letter arrived and nobody read it aloud."),
        ("#", "This week"), ("p", "Tonight's episode is built almost entirely around the "
                                  "inquest."),
        ("#", "The Inquest"), ("p", LONG)]


@pytest.mark.parametrize("warning", [
    "Achtung, Spoiler! Dieser Text verrät Details zur fünften Folge.",
    "Attention, cet article dévoile des éléments clés de l'intrigue.",
    "This recap reveals the ending."])
def test_a_warning_that_says_what_it_gives_away_is_not_read(warning: str):
    script = _import(f"Ashgrove Hall S01E04 recap: The Inquest\n\n{warning}\n\n{LONG}\n")
    assert _kinds(script) == [("p", LONG)]


def test_a_blog_posts_own_title_under_the_blogs_name_is_the_title_line():
    page = f"""\
        <html><head><title>Tea &amp; Telly</title></head><body>
        <header><h1>Tea &amp; Telly</h1><p>A blog about British telly.</p></header>
        <div class="post"><h2 class="date-header">Sunday, 16 March 2025</h2>
        <h3 class="post-title">Hollow Pines 1x05 - "The Ranger's Cabin"</h3>
        <div class="post-body"><p>{LONG} {LONG}</p><p>{LONG} {LONG}</p></div></div>
        </body></html>"""
    script = _import(page, "html")
    assert (script.meta.show, script.meta.season, script.meta.episode, script.meta.title) == (
        "Hollow Pines", 1, 5, "The Ranger's Cabin")
    assert not any(isinstance(b, Heading) for b in script.blocks)


def test_a_spoiler_label_over_the_plot_keeps_the_plot():
    script = _import(f"Ashgrove Hall S01E04 recap: The Inquest\n\n{LONG}\n\n"
                     "SPOILER: Kayla dies in the season finale.\n\n"
                     "Spoiler warning: this recap discusses the whole episode.\n")
    assert _kinds(script) == [("p", LONG), ("p", "Kayla dies in the season finale.")]


def test_a_story_about_subscribers_is_not_a_newsletters_housekeeping():
    for line in ("Marnie celebrates her ten thousand new subscribers live on camera.",
                 "She tells him to subscribe to the free paper, and he laughs at her."):
        script = _import(f"Influencer S01E03 recap: The Post\n\n{line}\n\n{LONG}\n")
        assert _kinds(script) == [("p", line), ("p", LONG)]


def test_a_pages_subtitle_gives_the_episodes_numbers_and_title():
    page = f"""\
        <html><head><title>Salt &amp; Cinder Recap: Ludovica Plays With Fire</title></head>
        <body><article><h1>Salt &amp; Cinder Recap: Ludovica Plays With Fire</h1>
        <p class="entry-subtitle">Season 2, Episode 3, &#8220;Annealing&#8221;</p>
        <p>{LONG} {LONG}</p><h2>The Night Shift</h2><p>{LONG} {LONG}</p></article></body></html>"""
    meta = _import(page, "html").meta
    assert (meta.show, meta.season, meta.episode, meta.title) == (
        "Salt & Cinder", 2, 3, "Annealing")


@pytest.mark.parametrize("credit, author", [
    ("*May 12, 2027 — filed under [Recaps](/category/recaps) by Nnamdi Okonjo*",
     "Nnamdi Okonjo"),
    ("Live-tweeted, then tidied up, by Dolores Ibarra-Nakamura (@forkandflame)",
     "Dolores Ibarra-Nakamura"),
])
def test_credits_worded_their_own_way_are_left_out(credit: str, author: str):
    script = _import(f"# Hollow Orchard 1.06 recap: The Grafting\n\n{credit}\n\n{LONG}\n", "md")
    assert script.meta.author == author
    assert _kinds(script) == [("p", LONG)]


def test_an_episode_headings_title_beats_a_title_line_without_a_number():
    script = _import(f"Marrow Bay, Season 4 – A Recap in Their Own Words\n\n{LONG}\n\n"
                     f"Episode 11: The Night Ferry\n\n{LONG}\n")
    assert (script.meta.show, script.meta.season, script.meta.episode, script.meta.title) == (
        "Marrow Bay", 4, 11, "The Night Ferry")


def test_a_question_can_head_a_section_and_look_away_now_is_a_warning():
    script = _import(f"""\
        Vespers S01E03 recap: The Choir

        Look away now if you haven't watched it.

        Who poisoned the choir?

        {LONG} {LONG}

        A sermon nobody wanted

        {LONG} {LONG}
        """)
    assert [k[:2] for k in _kinds(script) if k[0] == "#"] == [
        ("#", "Who poisoned the choir?"), ("#", "A sermon nobody wanted")]
    assert "Look away" not in " ".join(k[1] for k in _kinds(script))


@pytest.mark.parametrize("box", [
    # vBulletin
    '<div class="bbcode_quote"><div class="quote_container"><div class="bbcode_postedby">'
    'Originally Posted by <strong>Ferryman</strong></div><div class="message">You paid in '
    '1994.</div></div></div>',
    # phpBB
    '<blockquote><cite>Ferryman wrote:</cite>You paid in 1994.</blockquote>',
    # XenForo
    '<blockquote class="bbCodeBlock bbCodeBlock--quote"><div class="bbCodeBlock-title">'
    '<a href="/goto/post">Ferryman said:</a></div><div class="bbCodeBlock-content">'
    '<div class="bbCodeBlock-expandContent">You paid in 1994.</div></div></blockquote>',
])
def test_a_forums_quote_box_is_a_quote_by_its_speaker_not_lost(box: str):
    page = f"""\
        <html><head><title>Lanternwick 2x07 "The Toll" – episode thread</title></head><body>
        <div class="thread"><h1>Lanternwick 2x07 "The Toll" – episode thread</h1>
        <div class="post-body"><p>{LONG} {LONG}</p><p>Then he says the line:</p>{box}
        <p>{LONG} {LONG}</p></div></div></body></html>"""
    quotes = [k for k in _kinds(_import(page, "html")) if k[0] == ">"]
    assert quotes == [(">", "Ferryman", "You paid in 1994.")]
