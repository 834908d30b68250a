"""What a new user met importing recaps of plain shapes: a one-paragraph recap that opens
with numbers, an opening that says "Previously" itself, and a recap pasted single-spaced.
Each is a rule for every recap of that kind, so each is tested on more than one."""

from __future__ import annotations

import datetime as dt
import re
import textwrap

import pytest

from conftest import CORPUS, DATA, NO_CORPUS
from recapcast.model import Heading, Paragraph
from recapcast.text.script import import_recap, render_script


def _import(text: str):
    return import_recap(textwrap.dedent(text), "ep1", date=dt.date(2027, 1, 1), fmt="text")


@pytest.mark.parametrize("recap", [
    "In episode 12, Marta pays 300 euros at 9:30.",
    "In episode 12, Marta pays 300 euros at 9:30. She signs her mother's name.",
    "In episode 12, Marta pays 300 euros at 9:30. She counts the notes twice\n"
    "on the counter while Tomas waits outside in the rain.",
    "In episode 12, Marta pays 300 euros at the\nbank while Tomas waits outside.",
    "Season 3, Episode 4: Marta pays the ferryman 300 euros and walks home alone.",
])
def test_a_one_paragraph_recap_is_its_story_not_its_title(recap: str) -> None:
    script = _import(recap)
    said = " ".join(b.text for b in script.blocks if isinstance(b, Paragraph))
    assert "Marta pays" in said and said.rstrip(".").endswith(recap.split()[-1].rstrip("."))


def test_a_title_line_above_a_one_paragraph_recap_is_still_its_title() -> None:
    script = _import("""\
        Harbour Lights 2x05: The Night Ferry

        In episode 5, Marta pays 300 euros at 9:30 and boards the last ferry.
        """)
    assert script.meta.title == "The Night Ferry" and script.meta.episode == 5
    assert [b.text for b in script.blocks] == [
        "In episode 5, Marta pays 300 euros at 9:30 and boards the last ferry."]


def _spoken(script) -> list[str]:
    return [b.text for b in script.blocks if isinstance(b, Heading | Paragraph)]


@pytest.mark.parametrize("opening", [
    "Previously on Harbour Lights: Marta lost the ferry licence to her brother.",
    "PREVIOUSLY: Marta lost the ferry licence to her brother.",
    "Previously, Marta lost the ferry licence to her brother.",
])
def test_an_opening_that_says_previously_is_not_headed_previously_again(opening: str) -> None:
    script = _import(f"""\
        Harbour Lights, Season 2, Episode 5: The Night Ferry

        {opening}

        ## The pier

        Marta reaches the pier at midnight and finds the ferry gone.
        """)
    spoken = _spoken(script)
    assert spoken[0] == opening
    assert sum(bool(re.match(r"previously\b", x, re.IGNORECASE)) for x in spoken) == 1


def test_an_opening_that_recalls_last_week_in_other_words_is_headed_previously() -> None:
    script = _import("""\
        Harbour Lights, Season 2, Episode 5: The Night Ferry

        Last week on Harbour Lights, Marta lost the ferry licence to her brother.

        ## The pier

        Marta reaches the pier at midnight and finds the ferry gone.
        """)
    assert _spoken(script)[:2] == [
        "Previously", "Last week on Harbour Lights, Marta lost the ferry licence to her brother."]


SPACED = """\
    Harbour Lights, Season 2, Episode 5: The Night Ferry

    By Ana Ruiz | March 3, 2027

    Marta reaches the pier at midnight and finds the ferry gone. She waits under the lamp, counting the boats that come in, until Tomas arrives with the harbourmaster's keys.

    The Office

    The harbourmaster refuses to open the office, and Marta climbs in through the window. Inside, the ledgers are stacked to the ceiling and one of them is open at her father's name.

    The Storm

    By morning the storm has closed the harbour. Tomas finds her asleep on the ledgers, the page torn out and folded in her coat.
    """  # noqa: E501 - a paragraph a line, as a page pastes it


def _same(script) -> str:
    return re.sub(r"guid: .*", "", render_script(script))


def test_a_recap_pasted_single_spaced_imports_like_the_same_recap_with_blank_lines() -> None:
    spaced = _import(SPACED)
    single = _import(re.sub(r"\n\s*\n", "\n", textwrap.dedent(SPACED)))
    assert _same(single) == _same(spaced)
    assert [b.text for b in single.blocks if isinstance(b, Heading)] == ["The Office",
                                                                          "The Storm"]
    assert single.meta.author == "Ana Ruiz"
    assert not any("Ana Ruiz" in b.text for b in single.blocks)
    assert len([b for b in single.blocks if isinstance(b, Paragraph)]) == 3


def test_a_heading_under_a_single_spaced_byline_and_date_stays_a_heading() -> None:
    # The byline and the date on lines of their own, the first chapter's heading right under
    # them: the heading is not a third line of the header.
    text = SPACED.replace("By Ana Ruiz | March 3, 2027", "By Ana Ruiz\n\n    March 3, 2027")
    text = text.replace("    Marta reaches", "    The Pier\n\n    Marta reaches", 1)
    spaced = _import(text)
    single = _import(re.sub(r"\n\s*\n", "\n", textwrap.dedent(text)))
    assert _same(single) == _same(spaced)
    assert [b.text for b in single.blocks if isinstance(b, Heading)] == [
        "The Pier", "The Office", "The Storm"]
    assert single.meta.author == "Ana Ruiz"


def test_a_line_after_a_list_item_that_starts_anew_is_a_paragraph_of_its_own() -> None:
    script = _import("""\
        Harbour Lights 2x05: The Night Ferry

        Marta reaches the pier at midnight and finds the ferry gone. She waits under the lamp.
        - The ferry's bell is the one from the pilot.
        - Tomas still has the harbourmaster's keys.
        Rating: 4/5 stars
        """)
    assert [b.text for b in script.blocks][-1] == "Rating: 4/5 stars"
    wrapped = _import("""\
        Harbour Lights 2x05: The Night Ferry

        Marta reaches the pier at midnight and finds the ferry gone.

        - The ferry's bell is the one from the pilot, and
        it still rings at noon.
        """)
    assert wrapped.blocks[-1].text.endswith("and it still rings at noon.")


def test_a_hard_wrapped_paragraph_stays_one_paragraph() -> None:
    script = _import("""\
        Harbour Lights, Season 2, Episode 5: The Night Ferry

        Marta reaches the pier at midnight and finds the ferry gone. She waits
        under the lamp, counting the boats that come in, until Tomas arrives.
        The harbourmaster refuses to open the office, and Marta climbs in
        through the window. Inside, the ledgers are stacked to the ceiling.
        """)
    assert len(script.blocks) == 1 and isinstance(script.blocks[0], Paragraph)


# Recaps of the corpus that set no line alone in italics, put no list mark before a
# paragraph's first words, and have paragraphs longer than a line an editor wraps at.
SINGLE_SPACED_ALIKE = ["s1.txt", "s4.txt", "s6.txt", "s7.txt", "s8.txt", "holdout-h1.txt",
                       "holdout-h5.txt", "holdout-h6.txt", "holdout-h7.txt", "holdout-h8.txt",
                       "holdout-h9.txt", "holdout-h10.txt", "holdout-n2.txt", "holdout-n7.txt",
                       "holdout-n8.txt", "holdout-n9.txt", "holdout-t4-dialogue.txt",
                       "holdout-t6-numbers.txt", "holdout-t7-bare.txt",
                       "holdout-t8-previously.txt", "holdout-u6-numbers.txt"]


@pytest.mark.parametrize("name", SINGLE_SPACED_ALIKE)
def test_corpus_recaps_pasted_single_spaced_import_as_they_do_spaced(name: str) -> None:
    path = next((p for p in (DATA / "recaps" / name, CORPUS / name) if p.is_file()), None)
    if path is None:
        pytest.skip(NO_CORPUS)
    text = path.read_text("utf-8")
    single = re.sub(r"\n[ \t]*\n+", "\n", text)
    assert _same(import_recap(single, "ep1", date=dt.date(2027, 1, 1), fmt="text")) == _same(
        import_recap(text, "ep1", date=dt.date(2027, 1, 1), fmt="text"))


def test_the_one_paragraph_recap_imports_through_the_command(show) -> None:
    from conftest import run_cli

    (show / "ep12.txt").write_text("In episode 12, Marta pays 300 euros at 9:30.\n", "utf-8")
    result = run_cli("import", "ep12.txt", "ep12", cwd=show)
    assert result.returncode == 0, result.stderr
    assert "In episode 12, Marta pays 300 euros at 9:30." in (
        show / "scripts" / "ep12.md").read_text("utf-8")


@pytest.mark.parametrize("closing", [
    "Odile Marchetti writes about TV for The Harbour Post. Follow her on Bluesky.\n\n"
    "Did you enjoy this recap? Share it with a friend!",
    "She leaves before the tide turns. Odile Marchetti covers television for The Harbour "
    "Post.\n\nLiked it? Share it with a friend!",
])
def test_a_writers_bio_and_a_share_invitation_under_the_recap_are_left_out(closing) -> None:
    script = _import("Harbour Lights, Season 1, Episode 2\n\n"
                     "Odile walks the length of the pier and counts the boats before the "
                     "storm comes in over the breakwater.\n\n" + closing + "\n")
    spoken = " ".join(_spoken(script))
    assert "writes about" not in spoken and "covers television" not in spoken
    assert "Bluesky" not in spoken and "Share it" not in spoken and "Harbour Post" not in spoken
    assert "counts the boats" in spoken


def test_a_shouted_section_heading_over_narration_is_a_heading_not_a_speaker() -> None:
    script = _import("""\
        Harbour Lights, Season 1, Episode 2

        Odile walks the length of the pier and counts the boats before the storm.

        THE STORM
        The wind takes the harbour master's shed at midnight. Odile ties the last boat to \
        the breakwater and watches the lights of the town go out one by one.

        MARTA
        You said you would be here before the tide.
        """)
    headings = [b.text for b in script.blocks if isinstance(b, Heading)]
    assert [h.lower() for h in headings] == ["the storm"]
    quotes = [b for b in script.blocks if not isinstance(b, Heading | Paragraph)]
    assert [q.speaker for q in quotes] == ["Marta"]
    assert any("The wind takes" in b.text for b in script.blocks if isinstance(b, Paragraph))


def _import_markdown(text: str):
    return import_recap(textwrap.dedent(text), "ep1", date=dt.date(2027, 1, 1), fmt="markdown")


def test_a_markdown_lead_in_sentence_ending_in_a_colon_is_narration() -> None:
    script = _import_markdown("""\
        # Harbour Lights, Season 1, Episode 2

        > **Spoiler warning!** If you haven't seen the episode yet, come back later.

        Odile walks the length of the pier and counts the boats before the storm.

        Marta's ledger has *nine* debts in it. The worst of them:

        - The ferry licence
        - The roof of the chapel
        - A bet on the regatta

        She closes the ledger and goes to bed.
        """)
    spoken = _spoken(script)
    assert not any(isinstance(b, Heading) for b in script.blocks)
    assert "Marta's ledger has nine debts in it. The worst of them:" in spoken
    assert not any("Spoiler" in x or "come back later" in x for x in spoken)
    assert not any("Spoiler" in b.text for b in script.blocks if hasattr(b, "text"))


def test_a_this_week_chapter_is_not_named_over_a_paragraph_that_opens_this_week() -> None:
    script = _import("""\
        Harbour Lights, Season 2, Episode 5: The Night Ferry

        Last week on Harbour Lights, Marta lost the ferry licence to her brother.

        This week, she wants it back, and she will row across the bay to get it.

        ## The pier

        Marta reaches the pier at midnight and finds the ferry gone.
        """)
    spoken = _spoken(script)
    assert spoken[0] == "Previously" and spoken[1].startswith("Last week on Harbour Lights")
    assert spoken[2].startswith("This week, she wants it back")
    assert sum(x.lower().startswith("this week") for x in spoken) == 1
