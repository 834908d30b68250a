"""A wiki's episode page copied as text: its chrome, infobox and contents list go."""

from recapcast.text.sources import source_of_text
from recapcast.text.wikipaste import read_wiki_paste

PAGE = """Starwake Wiki
Explore
Sign In
Dust
Air date\tMay 1, 2026
← Previous

"Dust" is the fourth episode of the second season of Starwake, and the tenth overall.

Contents
1 Plot
1.1 The mine
2 Trivia

Plot[edit | edit source]
The mine[edit | edit source]
Ana finds the mine flooded and the crew gone.

Trivia[edit | edit source]
The mine set was reused.
"""


def test_the_chrome_goes_and_headings_take_the_contents_depth():
    paste = read_wiki_paste(PAGE)
    assert paste is not None
    assert "## Plot" in paste.text.split("\n")
    assert "### The mine" in paste.text.split("\n")
    assert "Sign In" not in paste.text and "Air date" not in paste.text
    reasons = {x.text: x.reason for x in paste.outside}
    assert reasons["1.1 The mine"] == "table of contents"
    assert reasons["Explore"] == "site chrome (a wiki's menus and infobox)"
    source = source_of_text(PAGE)
    assert source.show == "Starwake"
    assert [b.text for b in source.blocks if b.kind == "heading"][:2] == ["Dust", "Plot"]


def test_a_text_with_one_edit_link_is_not_a_wiki_page():
    assert read_wiki_paste("Plot[edit]\nAna finds the mine flooded.\n") is None
