"""A blog post's own YAML front matter: its fields fill in what the title line does not say,
it is never narrated, and whatever title import finds is written so the script reads back
with the same title."""

from __future__ import annotations

import dataclasses
import datetime as dt
import textwrap
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import run_cli
from recapcast.config import load_project
from recapcast.model import Paragraph, Script
from recapcast.safety.sanitize import clean_text
from recapcast.text.script import (
    import_source,
    parse_script,
    read_script,
    render_script,
)
from recapcast.text.sources import read_source

BODY = """
The tide goes out and does not come back. Mara stands on the causeway and watches the
harbour empty, boat by boat, until the fishing fleet lies on its side in the mud.

Nobody in the village wants to say what it means. Tomas says it is the moon; the old
women at the chapel say it is something older than the moon.

## The causeway

By nightfall the causeway is dry all the way to the island, and Mara walks it alone with
a lamp, which is the kind of decision this show loves to punish.
"""

POST = r'''---
title: "Saltmarsh Season 4, Episode 2 Recap: \"Low Water\""
author: Hal Ferreira
date: 2025-03-02
show: Saltmarsh
season: 4
episode: 2
tags: [recap, saltmarsh]
---
''' + BODY


def _post(front: str) -> str:
    return "---\n" + textwrap.dedent(front).strip("\n") + "\n---\n" + BODY


def _import(text: str, date: dt.date | None = dt.date(2027, 1, 1)) -> Script:
    """The script import writes for a .md file holding ``text``, read back as a build
    reads it; it must be what was written."""
    source = read_source(text.encode("utf-8"), "post.md", "markdown")
    written = render_script(import_source(source, "ep1", date=date))
    script = parse_script(written, "ep1")
    assert render_script(script) == written
    return script


def _fields(script: Script) -> tuple:
    meta = script.meta
    return meta.show, meta.season, meta.episode, meta.title, meta.author


def _spoken(script: Script) -> str:
    return "\n".join(b.text for b in script.blocks)


def test_the_reviewed_post_imports_through_the_cli_and_reads_back(show: Path):
    (show / "post.md").write_text(POST, encoding="utf-8")
    result = run_cli("import", "post.md", "ep1", cwd=show)
    assert result.returncode == 0, result.stderr
    written = (show / "scripts" / "ep1.md").read_text(encoding="utf-8")
    assert written.splitlines()[1:5] == [
        'title: "Low Water"', 'show: "Saltmarsh"', "episode: 2", "season: 4"]
    assert 'author: "Hal Ferreira"' in written
    script = read_script(load_project(show), "ep1")
    assert _fields(script) == ("Saltmarsh", 4, 2, "Low Water", "Hal Ferreira")
    assert render_script(script) == written
    for front in ("recap, saltmarsh", "tags", "2025", "Hal Ferreira", "Low Water"):
        assert front not in _spoken(script)
    assert _spoken(script).startswith("The tide goes out")


def test_front_matter_fields_fill_in_what_the_title_does_not_say():
    script = _import(_post("""
        title: Low Water
        show: Saltmarsh
        season: 4
        episode: 2
        author: Hal Ferreira
        """))
    assert _fields(script) == ("Saltmarsh", 4, 2, "Low Water", "Hal Ferreira")


def test_other_names_for_the_same_fields_are_read():
    script = _import(_post("""
        title: 'Low Water'
        series: "Saltmarsh"
        season: "4"
        episode_number: 2
        authors:
          - Hal Ferreira
          - Ines Duarte
        """))
    assert _fields(script) == ("Saltmarsh", 4, 2, "Low Water", "Hal Ferreira, Ines Duarte")


def test_the_title_line_wins_over_the_front_matter():
    script = _import(_post("""
        title: "Saltmarsh 4x02 Recap: 'Low Water'"
        show: Another Show
        season: 3
        episode: 9
        """))
    assert _fields(script)[:4] == ("Saltmarsh", 4, 2, "Low Water")


def test_unknown_keys_and_the_posts_date_are_not_used_or_narrated():
    before = dt.date.today()
    script = _import(_post("""
        layout: post
        title: Low Water
        date: 2025-03-02 09:30:00 +0100
        draft: false
        image: /img/saltmarsh-402.jpg
        categories:
          - television
        tags: [recap, saltmarsh]
        description: >
          Mara walks the dry causeway
          in a tense hour.
        """), date=None)
    # The script's date is the publish date (today unless --date), as for a byline's date.
    assert before <= script.meta.date <= dt.date.today()
    assert script.meta.summary == "Mara walks the dry causeway in a tense hour."
    assert script.meta.title == "Low Water"
    spoken = _spoken(script)
    for front in ("post", "2025", "saltmarsh-402", "television", "recap", "false", "causeway in"):
        assert front not in spoken


def test_numbers_are_read_as_written_not_as_yaml_octal_or_words():
    script = _import(_post("""
        title: Low Water
        season: 010
        episode: two
        """))
    assert (script.meta.season, script.meta.episode) == (10, None)


@pytest.mark.parametrize("front, title", [
    ("title: Low Water: Part 2\nauthor: Hal Ferreira", "Low Water: Part 2"),  # not YAML
    ('title: "Low Water\nauthor: Hal Ferreira', "Low Water"),  # an unclosed quote
    ("title: Low Water\n\tauthor: Hal Ferreira", "Low Water"),  # a tab YAML refuses
])
def test_malformed_front_matter_is_read_line_by_line_as_before(front: str, title: str):
    script = _import(_post(front))
    assert script.meta.title == title
    assert script.meta.author == "Hal Ferreira"
    assert _spoken(script).startswith("The tide goes out")


def test_a_line_between_two_rules_is_not_front_matter():
    # YAML reads "Saltmarsh S04E02: Low Water" as a mapping; it stays text: the recap's
    # first line, so its title line (a recap line under no other title).
    script = _import("---\nSaltmarsh S04E02: Low Water\n---\n" + BODY)
    assert (script.meta.show, script.meta.season, script.meta.episode, script.meta.title) == (
        "Saltmarsh", 4, 2, "Low Water")
    assert "Low Water" not in script.blocks[0].text


@pytest.mark.parametrize("front, title", [
    (r'title: "Saltmarsh S04E02 Recap: \"Back\\Slash\""', "Back\\Slash"),
    (r"title: 'Saltmarsh S04E02: AC\DC Night'", "AC\\DC Night"),
    (r'title: "He said \"no\" \\ then"', 'He said "no" \\ then'),
    (r'title: "\\\"Low Water\\"', '\\"Low Water\\'),
])
def test_titles_with_quotes_and_backslashes_are_written_so_they_read_back(front, title):
    script = _import(_post(front))
    assert script.meta.title == title


@settings(max_examples=200, deadline=None)
@given(st.text(min_size=1, max_size=40).map(clean_text).filter(str.strip))
def test_any_title_and_summary_are_written_so_they_read_back(text: str):
    meta = parse_script("---\ntitle: x\n---\n\nHello.\n", "ep1").meta
    meta = dataclasses.replace(meta, title=text, summary=text, show=text, author=text)
    written = render_script(Script("ep1", meta, (Paragraph("Hello.", 0),)))
    back = parse_script(written, "ep1").meta
    assert (back.title, back.summary, back.show, back.author) == (text,) * 4


@pytest.mark.parametrize("title", ['He said "no" \\ then', "Low\u2028Water", "Low\u2029Water"])
def test_a_title_that_json_leaves_unescaped_still_reads_back(title: str):
    meta = dataclasses.replace(parse_script("---\ntitle: x\n---\n\nHello.\n", "ep1").meta,
                               title=title)
    written = render_script(Script("ep1", meta, (Paragraph("Hello.", 0),)))
    assert written.splitlines()[1].startswith("title: ")
    assert parse_script(written, "ep1").meta.title == title


def test_a_static_sites_shortcode_lines_are_embeds_not_words():
    from recapcast.text.markdown import read_markdown

    source = read_markdown('Ana finds the mine.\n\n{{< youtube id="q7X" title="Trailer" >}}\n\n'
                           '{% include share.html %}\n\nThe crew are gone.\n')
    assert [b.text for b in source.blocks] == ["Ana finds the mine.", "The crew are gone."]
    assert [(x.line, x.reason) for x in source.outside] == [
        (3, "template shortcode (an embed)"), (5, "template shortcode (an embed)")]
