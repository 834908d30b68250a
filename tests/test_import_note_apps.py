"""A writer's own documents: a note app's Markdown (Obsidian, Notion) and an editor's web-page
export (Google Docs), each mark read as its page shows it."""

from recapcast.text.extract import extract_page
from recapcast.text.markdown import read_markdown

NOTE = """# Harbour Lights 2x03 — Low Tide

Status: Published
Tags: drama, recap
Season: 2
Episode: 3

<aside>
📌 Safe to lift for the newsletter.
</aside>

> [!note] Context
> Written after the second watch.

[[Marta Gil|Marta]] finds the ledger in [[People/Jon Reyes#Early life]]'s boat.

![[still.png|420]]

- Theory board

    Score: 9/10.

- [x] Check spelling
- [ ] Send to copy edit

```dataview
TABLE rating FROM #tv
```
"""


def _account(text):
    source = read_markdown(text)
    said = [line for b in source.blocks for line in b.lines]
    left = {o.text: o.reason for o in source.outside if not o.kept}
    return source, said, left


def test_note_app_marks_are_read_as_the_page_shows_them():
    source, said, left = _account(NOTE)
    assert "Marta finds the ledger in Jon Reyes's boat." in said
    assert left["Status: Published"] == "page properties"
    assert (source.season, source.episode) == (2, 3)
    assert left["📌 Safe to lift for the newsletter."] == "callout (a note beside the text)"
    assert left["Written after the second watch."] == "callout (a note beside the text)"
    assert left["Theory board"] == left["Score: 9/10."] == "toggle (folded away on the page)"
    assert left["[x] Check spelling"] == "to-do item"
    assert left["TABLE rating FROM #tv"] == "code or query block"
    assert not any("still.png" in x or "Score" in x or "copy edit" in x for x in said)


def test_a_quote_callout_stays_a_quote_and_a_plain_list_stays():
    _, said, left = _account("> [!quote] Best line\n> Nobody touches the ledger.\n\n"
                             "- Marta runs.\n- Jon hides.\n")
    assert "Nobody touches the ledger." in said and "Marta runs." in said
    assert "Best line" not in " ".join(said)


EXPORT = """<html><head><style>.c3{text-decoration:line-through}.c4{color:#38761d}</style>
</head><body class="c9 doc-content"><div><p>DRAFT v3 do not publish</p></div>
<p class="title">Harbour Lights, Season 2, Episode 3: Low Tide</p>
<p class="subtitle">Recap by Ana Ruiz · 900 words</p>
<h2>The ledger</h2><p>Marta finds the ledger in the boat and reads it twice before anyone
comes<sup><a href="#cmnt1" id="cmnt_ref1">[a]</a></sup>. <span class="c3">It is the best
scene ever.</span><span class="c4">It is a fine scene.</span> Jon hides the key.</p>
<div><p>Page 1</p></div><hr><div><p><a href="#cmnt_ref1" id="cmnt1">[a]</a>Cut this? — Rafe</p>
<p>Marked as resolved</p></div></body></html>"""


def test_an_editor_export_keeps_the_story_and_drops_the_draft_around_it():
    source = extract_page(EXPORT)
    text = " ".join(line for b in source.blocks for line in b.lines)
    assert "Marta finds the ledger" in text and "It is a fine scene." in text
    for furniture in ("DRAFT", "[a]", "best scene ever", "Page 1", "Cut this", "Marked as",
                      "Recap by"):
        assert furniture not in text
    assert "Harbour Lights, Season 2, Episode 3: Low Tide" in source.titles


def test_a_social_post_pasted_into_a_page_is_not_narrated():
    from recapcast.text.recap import recognise

    text = ("# Harbour Lights 2x03: Low Tide\n\nMarta finds the ledger in the boat and reads "
            "it twice before anyone comes to the pier.\n\n> the pier scene tonight. i cannot "
            "cope\n> — Pier Fan Account (@pierfan) May 4, 2027\n\nJon hides the key under the "
            "third plank and says nothing at all.\n\n> Nobody touches the ledger.\n> — Marta\n")
    recognised = recognise(read_markdown(text))
    spoken = " ".join(getattr(b, "text", "") for b in recognised.blocks)
    assert "cannot cope" not in spoken and "Jon hides the key" in spoken
    assert "Nobody touches the ledger." in spoken
