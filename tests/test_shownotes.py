"""Show notes: plain and HTML descriptions within Apple's 4,000 bytes, chapter lines whole."""

from __future__ import annotations

import io
from html.parser import HTMLParser
from pathlib import Path

import feedparser
import podcastparser

from recapcast.model import Chapter, EpisodeMeta, Release, Show
from recapcast.publish.feed import FeedEntry, render_feed
from recapcast.publish.feedcheck import validate_feed
from recapcast.release.shownotes import (
    MAX_NOTES_BYTES,
    episode_description,
    episode_notes_html,
    timestamp,
)

# Multi-byte text, so bytes and characters differ.
SENTENCE = "Jessica Jones confronts Kilgrave’s déjà-vu plan at the Alias office & café. "


def _chapters(count: int, title: str = "A chapter") -> tuple[Chapter, ...]:
    return tuple(Chapter(f"{title} {n}", n * 61_000, (n + 1) * 61_000) for n in range(count))


def _lines(chapters) -> list[str]:
    return [f"{timestamp(c.start_ms)} {c.title}" for c in chapters]


class _Text(HTMLParser):
    def __init__(self):
        super().__init__()
        self.items: list[str] = []
        self.paragraphs: list[str] = []
        self._tag = ""

    def handle_starttag(self, tag, attrs):
        self._tag = tag
        if tag == "li":
            self.items.append("")
        elif tag == "p":
            self.paragraphs.append("")

    def handle_endtag(self, tag):
        self._tag = ""

    def handle_data(self, data):
        if self._tag == "li":
            self.items[-1] += data
        elif self._tag == "p":
            self.paragraphs[-1] += data


def _html(notes: str) -> _Text:
    parsed = _Text()
    parsed.feed(notes)
    return parsed


def test_short_notes_are_whole_in_both_forms():
    meta = EpisodeMeta("Title", summary="Cage & <Jones> argue.\n\nThen they make up.")
    chapters = _chapters(3)
    assert episode_description(meta, chapters) == \
        "Cage & <Jones> argue.\n\nThen they make up.\n\n" + "\n".join(_lines(chapters))
    notes = episode_notes_html(meta, chapters)
    assert notes.startswith("<p>Cage &amp; &lt;Jones&gt; argue.</p>\n<p>Then they make up.</p>")
    assert _html(notes).items == _lines(chapters)
    # No summary: the title stands in, as before.
    assert episode_description(EpisodeMeta("Only a title"), ()) == "Only a title"
    assert episode_notes_html(EpisodeMeta("Only a title"), ()) == "<p>Only a title</p>"


def test_a_long_summary_is_cut_at_a_word_and_every_chapter_line_kept():
    meta = EpisodeMeta("Title", summary=SENTENCE * 100)
    chapters = _chapters(20)
    for notes in (episode_description(meta, chapters), episode_notes_html(meta, chapters)):
        assert MAX_NOTES_BYTES - 100 < len(notes.encode("utf-8")) <= MAX_NOTES_BYTES
    plain = episode_description(meta, chapters)
    summary, listing = plain.split("\n\n")
    assert summary.endswith("…") and SENTENCE.startswith(summary.split(". ")[-1][:-1])
    assert listing.split("\n") == _lines(chapters)
    parsed = _html(episode_notes_html(meta, chapters))
    assert parsed.items == _lines(chapters)
    assert parsed.paragraphs[0].endswith("…")


def test_too_many_chapters_drop_whole_lines_from_the_end():
    meta = EpisodeMeta("Title", summary=SENTENCE * 10)
    chapters = _chapters(200, "A chapter with a rather long and descriptive title")
    lines = _lines(chapters)
    plain = episode_description(meta, chapters)
    assert len(plain.encode("utf-8")) <= MAX_NOTES_BYTES
    summary, listing = plain.split("\n\n")
    assert 200 < len(summary.encode("utf-8")) <= 280  # cut to a few sentences, not to nothing
    kept, more = listing.split("\n")[:-1], listing.split("\n")[-1]
    assert kept == lines[:len(kept)] and len(kept) > 40
    assert more == f"… and {len(lines) - len(kept)} more chapters"
    notes = episode_notes_html(meta, chapters)
    assert len(notes.encode("utf-8")) <= MAX_NOTES_BYTES
    parsed = _html(notes)
    assert parsed.items == lines[:len(parsed.items)] and len(parsed.items) > 40
    assert parsed.paragraphs[-1] == f"… and {len(lines) - len(parsed.items)} more chapters"


def test_long_notes_in_the_feed_stay_within_apples_limit(tmp_path: Path):
    show = Show("Show", "Author", "About the show.", owner_email="me@pods.invalid.org")
    meta = EpisodeMeta("Long", episode=1, season=1, summary=SENTENCE * 100, guid="g-1")
    chapters = _chapters(30)
    release = Release("ep1", meta, tmp_path / "ep1.mp3", 1000, "0" * 64, 1900.0, chapters)
    feed = render_feed(show, [FeedEntry(release, "https://pods.test/audio/ep1.mp3")],
                       feed_url="https://pods.test/feed/feed.xml",
                       cover_url="https://pods.test/feed/cover.jpg",
                       page_url="https://pods.test/feed/index.html")
    assert not [p for p in validate_feed(feed) if "bytes" in p]
    entry = feedparser.parse(feed).entries[0]
    assert len(entry.summary.encode("utf-8")) <= MAX_NOTES_BYTES
    assert len(entry.content[0].value.encode("utf-8")) <= MAX_NOTES_BYTES
    assert _html(entry.content[0].value).items == _lines(chapters)
    parsed = podcastparser.parse("https://pods.test/feed/feed.xml", io.BytesIO(feed))
    episode = parsed["episodes"][0]
    assert episode["description"].split("\n\n")[1].split("\n") == _lines(chapters)
