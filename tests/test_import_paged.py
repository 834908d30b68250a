"""A word processor's document saved as text: its page furniture is left out."""

from recapcast.text.paged import read_paged

PAGED = """ACME DESK – DRAFT

The storm hits the harbour at dawn. [Comment AB1: check the time]

Page 1 of 2

ACME DESK – DRAFT

Mara ties the boat to the
Page 2 of 2

ACME DESK – DRAFT

pier and waits.
"""


def test_page_lines_header_and_comments_go_and_a_broken_sentence_is_joined():
    paged = read_paged(PAGED)
    assert paged is not None
    lines = paged.text.split("\n")
    assert [x for x in lines if x] == [
        "The storm hits the harbour at dawn.", "Mara ties the boat to the pier and waits."]
    reasons = {(x.line, x.reason) for x in paged.outside}
    assert reasons == {(1, "running header"), (3, "review comment"), (5, "page number"),
                       (7, "running header"), (10, "page number"), (12, "running header")}
    assert paged.original(lines.index("Mara ties the boat to the pier and waits.") + 1) == 9


def test_a_text_with_one_page_line_is_not_a_paged_document():
    assert read_paged("Page 1 of 1\n\nThe storm hits.\n") is None
    assert read_paged("She turns to page 3 of 40 in the ledger.\nPage 2 of 9\n") is None


def test_the_drafts_notes_on_itself_go():
    paged = read_paged("ACME DESK\nAna Ruiz – last saved 02/12/2026 16:47\n"
                       "Recap – approx. 780 words\n\nThe storm hits.\nPage 1 of 2\n\n"
                       "ACME DESK\n\nIt ends.\nPage 2 of 2\n")
    assert paged is not None
    assert [x for x in paged.text.split("\n") if x] == ["The storm hits.", "It ends."]
    assert {x.reason for x in paged.outside if x.line in (2, 3)} == {"the draft's note on itself"}
