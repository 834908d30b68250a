"""A recap that is one section of a newsletter, and a section's own byline."""

from recapcast.text.recognise.recognise import recognise
from recapcast.text.sources import source_of_text

LONG = ("Ana finds the mine flooded and the crew gone, and nobody in the camp will say "
        "where they went or who opened the sluice.")

NEWSLETTER = f"""# The Reel Deal

## From the Chair

Thanks to everyone who came to the screening on Tuesday, it was a record night.

## Screening recap: Starwake, Season 2, Episode 4 — "Dust"

*Recap by Ana Ruiz*

{LONG}

## Coming up

- Tues 14th: Episode 5 screening

## Puzzle corner

Unscramble this week's film.
"""


def test_the_section_that_names_an_episode_is_the_recap():
    found = recognise(source_of_text(NEWSLETTER))
    assert (found.parts.season, found.parts.episode, found.parts.title) == (2, 4, "Dust")
    assert found.author == "Ana Ruiz"
    reasons = {x.text: x.reason for x in found.left_out}
    assert reasons["From the Chair"] == "another section of the document"
    assert reasons["Unscramble this week's film."] == "another section of the document"
    assert [b.text for b in found.blocks] == [LONG]


def test_a_recap_titled_with_its_episode_keeps_its_own_sections():
    text = NEWSLETTER.replace("# The Reel Deal", "# Starwake 2x04 recap: Dust")
    found = recognise(source_of_text(text))
    assert "From the Chair" not in {x.text for x in found.left_out}


def test_a_sections_own_byline_under_its_heading_goes():
    text = f"# Starwake 2x04: Dust\n\n{LONG}\n\n## The full recap\n\nBy Ana Ruiz\n\n{LONG}\n"
    found = recognise(source_of_text(text))
    assert found.author == "Ana Ruiz"
    assert ("By Ana Ruiz", "byline") in {(x.text, x.reason) for x in found.left_out}


def test_a_cast_heading_over_a_list_goes_with_it_a_cast_chapter_of_prose_stays():
    listed = f"# Starwake 2x04: Dust\n\n{LONG}\n\n## Cast\n\n- Ana – Mia Berg\n- Tom – Eli Roe\n"
    found = recognise(source_of_text(listed))
    assert {x.reason for x in found.left_out} == {"cast list"}
    prose = f"# Starwake 2x04: Dust\n\n## The cast\n\n{LONG}\n"
    assert recognise(source_of_text(prose)).left_out == ()
