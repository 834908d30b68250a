"""Kinds of recap the hold-out set v brought (a live-watch post, a two-part newsletter post,
a tracking site's review, show notes, a forum thread, a plain-text newsletter): the rules
that need context, each on a recap of our own, not the hold-outs' words."""

from __future__ import annotations

import datetime as dt
import textwrap

from recapcast.model import Heading, Paragraph, Quote
from recapcast.text.script import import_recap, parse_script, render_script

LONG = "Then the whole town gathers at the harbour wall to watch the boats come in at dusk."
MORE = "Marta counts the crates twice, and the second time there is one more than the first."


def _import(text: str):
    script = import_recap(textwrap.dedent(text), "ep1", date=dt.date(2027, 1, 1))
    return parse_script(render_script(script), "ep1")


def _kinds(script):
    out = []
    for b in script.blocks:
        if isinstance(b, Heading):
            out.append(("#", b.text))
        elif isinstance(b, Quote):
            out.append((">", b.speaker, b.text))
        elif isinstance(b, Paragraph):
            out.append(("p", b.text))
    return out


def test_time_of_day_lines_head_a_live_watch_recap_and_its_header_goes():
    script = _import(f"""\
        Harbour Lights, Season 3, Episode 2: "Low Water"
        By Ana Ruiz · Live updates · Refresh for the latest

        Last update: 9:41 PM ET

        8:58 PM

        {LONG}

        9:12 p.m.

        {MORE}
        """)
    assert (script.meta.title, script.meta.season, script.meta.episode) == ("Low Water", 3, 2)
    assert script.meta.author == "Ana Ruiz"
    assert _kinds(script) == [("#", "8:58 PM"), ("p", LONG), ("#", "9:12 p.m."), ("p", MORE)]


def test_one_clock_time_alone_is_no_chapter():
    script = _import(f"""\
        Harbour Lights S03E02: Low Water

        {LONG}

        9:12 PM

        {MORE}
        """)
    assert not any(isinstance(b, Heading) for b in script.blocks)


def test_a_recap_of_two_episodes_keeps_each_number_in_its_chapter():
    script = _import(f"""\
        Harbour Lights, Episodes 3 & 4: "Low Water" and "Spring Tide"

        Episode 3: "Low Water"

        {LONG}

        Episode 4: "Spring Tide"

        {MORE}
        """)
    assert [b.text for b in script.blocks if isinstance(b, Heading)] == [
        "Episode 3: Low Water", "Episode 4: Spring Tide"]
    single = _import(f"""\
        Harbour Lights recap

        {MORE}

        Episode 3: "Low Water"

        {LONG}
        """)
    assert [b.text for b in single.blocks if isinstance(b, Heading)] == ["Low Water"]


def test_a_tracking_sites_review_names_the_show_above_the_episode_line():
    script = _import(f"""\
        Logbook
        Shows  Lists  Members    Sign in  Create account

        Harbour Lights
        Season 3 · Episode 2 · "Low Water"
        Aired Mar 3, 2027 · 48 mins · Tidewater+

        Where to watch: Tidewater+ · Buy on Shelfstore

        Review by tide_reader ★★★½ ♥

        This review may contain spoilers. I can handle the truth.

        {LONG}

        Like review · 31 likes
        """)
    meta = script.meta
    assert (meta.show, meta.title, meta.season, meta.episode) == (
        "Harbour Lights", "Low Water", 3, 2)
    assert _kinds(script) == [("p", LONG)]


def test_show_notes_give_the_shows_episode_and_leave_the_podcasts_own_parts_out():
    script = _import(f"""\
        Tide Talk: A Harbour Lights Podcast
        Ep. 12 — Harbour Lights S3E2 "Low Water" (with Tom Reyes)

        Published: March 3, 2027 · Runtime: 58:10 · Explicit
        Hosts: Ana Ruiz & Bea Lund
        Produced by Cal Moss · Artwork by Dee Park

        Chapters
        [00:00] Intro
        [04:15] Your letters
        [20:40] Low water

        RECAP

        {LONG}

        SPONSOR

        This episode is brought to you by Inkpot. Use promo code TIDE10 for 10% off.

        Links mentioned:
        - Tom's book: https://books.example/tom

        {MORE}
        """)
    meta = script.meta
    assert (meta.show, meta.title, meta.season, meta.episode) == (
        "Harbour Lights", "Low Water", 3, 2)
    text = " ".join(b.text for b in script.blocks if isinstance(b, (Paragraph, Heading)))
    for gone in ("Tide Talk", "Runtime", "Hosts", "Produced", "Intro", "Your letters",
                 "Inkpot", "TIDE10", "Links mentioned", "books.example"):
        assert gone not in text
    assert LONG in text and MORE in text


def test_a_forum_threads_first_post_is_the_recap_without_its_posters_profile():
    script = _import(f"""\
        Harbour Forums > TV Talk > Drama > Harbour Lights
        Harbour Lights 3x02 "Low Water" - Episode Discussion [SPOILERS]
        Page 1 of 2   1 2 >

        #1   Old 03-03-2027, 21:58
        tide_reader
        Senior Member
        Join Date: Feb 2019
        Location: Cork
        Posts: 4,812

        Harbour Lights 3x02 "Low Water" - Episode Discussion [SPOILERS]

        {LONG}

        Marta: "Count them again."

        Last edited by tide_reader; 03-03-2027 at 22:41.
        Like (37)   Reply   Quote

        #2   Old 03-03-2027, 22:06
        quay_queen
        Member
        Join Date: Oct 2023
        Posts: 391

        Quote:
        Originally Posted by tide_reader
        {LONG}

        Loved it, best of the season.

        Like (12)   Reply   Quote

        #3   Old 03-03-2027, 22:19
        knut_n
        Junior Member
        Posts: 3

        First post here, and the tide tables were all wrong.
        """)
    meta = script.meta
    assert (meta.show, meta.title, meta.season, meta.episode) == (
        "Harbour Lights", "Low Water", 3, 2)
    assert _kinds(script) == [("p", LONG), (">", "Marta", "Count them again.")]


OPENING = ("Happy Sunday, and welcome to the 12 new subscribers who joined this week. This "
           "one is long, because HARBOUR LIGHTS finally paid off the storm it has been promising "
           'since March. Full spoilers for Season 3, Episode 2, "Low Water," below.')


def test_a_plain_text_newsletter_names_its_episode_in_the_opening_and_boxes_its_quote():
    script = _import(f"""\
        View this email in your browser: https://tides.example/p/harbour-lights-3x02

        THE TIDE TABLE
        Issue #40 · Sunday, March 7, 2027

        Hi friends,

        {OPENING}

        ----------------------------------------
        THE COUNT
        ----------------------------------------

        {LONG}

        +--------------------------------------+
        |           QUOTE OF THE WEEK           |
        |  "Count them again, and then count    |
        |   them once more."                    |
        |                        — Marta Ruiz   |
        +--------------------------------------+

        ----------------------------------------
        THIS ISSUE IS BROUGHT TO YOU BY
        ----------------------------------------

        Inkpot Pens. Use code TIDE10 for 10% off.

        ----------------------------------------

        {MORE}
        """)
    meta = script.meta
    assert (meta.show, meta.title, meta.season, meta.episode) == (
        "Harbour Lights", "Low Water", 3, 2)
    kinds = _kinds(script)
    assert ("#", "THE COUNT") in kinds and ("p", LONG) in kinds and ("p", MORE) in kinds
    assert (">", "Marta Ruiz", "Count them again, and then count them once more.") in kinds
    text = " ".join(k[-1] for k in kinds)
    for gone in ("browser", "Issue", "new subscribers", "QUOTE OF THE WEEK", "Inkpot", "TIDE10"):
        assert gone not in text


def test_the_season_a_spoiler_line_names_fills_in_a_title_that_gave_only_the_episode():
    script = _import(f"""\
        Harbour Lights, Episodes 3 & 4: "Low Water" and "Spring Tide"

        Two episodes this week. Spoilers for all of Season 2, obviously.

        Episode 3: "Low Water"

        {LONG}

        Episode 4: "Spring Tide"

        {MORE}
        """)
    assert (script.meta.season, script.meta.episode, script.meta.title) == (2, 3, "Low Water")


def test_a_web_pages_byline_names_its_author_and_is_listed_as_left_out() -> None:
    # The extractor drops the byline and cuts its author at the date ("Name; June"): the
    # author is the byline's name, and the line is accounted for as a byline.
    from recapcast.text.script import import_explained
    from recapcast.text.sources import source_of_text
    story = " ".join(["Odile walks the length of the pier and counts the boats."] * 6)
    page = textwrap.dedent(f"""\
        <html><head><title>Harbour Lights recap: Season 1, Episode 2</title></head><body>
        <main><article><h1>Harbour Lights recap: Season 1, Episode 2</h1>
        <p class="byline">By Tomasz Quill | June 14, 2026 | 4 min read</p>
        <p>{story}</p><p>{story}</p><p>She leaves before the tide turns.</p>
        </article></main></body></html>""")
    found = import_explained(source_of_text(page, fmt="html"), "ep1", date=dt.date(2027, 1, 1))
    assert found.recognised.author == "Tomasz Quill"
    assert any(x.reason == "byline" and "Tomasz Quill" in x.text
               for x in found.recognised.left_out)


def test_a_markdown_posts_front_matter_author_wins_over_its_byline() -> None:
    from recapcast.text.script import import_explained
    from recapcast.text.sources import source_of_text
    post = textwrap.dedent("""\
        ---
        title: "Harbour Lights, episode 2"
        author: Odile Marchetti
        ---

        *Posted by Odile · 3 min read*

        Odile walks the length of the pier and counts the boats before the storm.

        She leaves before the tide turns, and nobody follows her home.
        """)
    found = import_explained(source_of_text(post, fmt="markdown"), "ep1",
                             date=dt.date(2027, 1, 1))
    assert found.recognised.author == "Odile Marchetti"
    assert any(x.reason == "byline" for x in found.recognised.left_out)
