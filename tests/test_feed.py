"""The published feed: read back by real parsers, identity across edits, and its checker."""

from __future__ import annotations

import io
import json
import re
import shutil
import tomllib
from pathlib import Path

import feedparser
import podcastparser
import pytest
from lxml import etree

from conftest import run_cli
from published import publish_two_episodes
from recapcast.config import load_project
from recapcast.publish.catalog import write_feed
from recapcast.publish.feed import podcast_guid
from recapcast.publish.feedcheck import validate_feed
from recapcast.release.shownotes import timestamp

BASE = "http://127.0.0.1:8000/"
NS = {"itunes": "http://www.itunes.com/dtds/podcast-1.0.dtd",
      "podcast": "https://podcastindex.org/namespace/1.0",
      "atom": "http://www.w3.org/2005/Atom"}


@pytest.fixture(scope="module")
def published(tmp_path_factory) -> Path:
    return publish_two_episodes(tmp_path_factory.mktemp("feed") / "show")


def _feed(root: Path) -> bytes:
    return (root / "feed" / "feed.xml").read_bytes()


def test_podcast_guid_matches_the_spec_test_vector():
    assert podcast_guid("https://podnews.net/rss") == "9b024349-ccf0-5f69-a609-6b82873eab3c"
    assert podcast_guid("podnews.net/rss/") == "9b024349-ccf0-5f69-a609-6b82873eab3c"


def test_podcastparser_reads_every_episode_newest_first(published: Path):
    parsed = podcastparser.parse(BASE + "feed/feed.xml", io.BytesIO(_feed(published)))
    assert parsed["title"] == "Test Show"
    assert parsed["link"] == BASE + "feed/index.html"
    assert parsed["cover_url"] == BASE + "feed/cover.jpg"
    assert parsed["type"] == "episodic"
    episodes = parsed["episodes"]
    assert [e["title"] for e in episodes] == ["The Second Test", "A Short Test"]
    assert [e["number"] for e in episodes] == [4, 3]
    for episode, episode_id in zip(episodes, ["ep4", "ep3"], strict=True):
        audio = published / "audio" / f"{episode_id}.mp3"
        enclosure = episode["enclosures"][0]
        assert enclosure["file_size"] == audio.stat().st_size
        assert enclosure["url"].startswith(f"{BASE}audio/{episode_id}.mp3?v=")
        assert "00:00 Intro" in episode["description"]
    ep3 = episodes[1]
    assert ep3["guid"] == "1b4e28ba-2fa1-11d2-883f-0016cb4a4c01"
    assert ep3["published"] == 1767355200  # 2026-01-02 12:00 UTC
    # podcastparser 0.6 maps podcast:transcript only under the namespace's old GitHub URLs,
    # not the one PSP-1 names, so the Podcasting 2.0 tags are checked with XPath below.


def test_feedparser_reads_the_apple_and_psp1_tags(published: Path):
    fp = feedparser.parse(_feed(published))
    assert not fp.bozo, fp.bozo_exception
    assert fp.feed.link == BASE + "feed/index.html"
    assert any(link.rel == "self" and link.href == BASE + "feed/feed.xml"
               for link in fp.feed.links)
    assert fp.feed.image.href == BASE + "feed/cover.jpg"
    assert fp.feed.tags[0].term == "TV & Film"
    assert not fp.feed.itunes_explicit  # feedparser 6 maps only "yes" to True
    assert fp.feed.publisher_detail.email == "tests@example.com"
    assert [e.itunes_episode for e in fp.entries] == ["4", "3"]
    assert [e.itunes_season for e in fp.entries] == ["1", "1"]
    assert all(e.itunes_episodetype == "full" for e in fp.entries)
    assert fp.entries[1].id == "1b4e28ba-2fa1-11d2-883f-0016cb4a4c01"


def test_podcasting20_tags_link_the_files_that_exist(published: Path, tmp_path: Path):
    published = Path(shutil.copytree(published, tmp_path / "show"))
    for suffix in (".vtt", ".srt", ".chapters.json"):
        (published / "audio" / f"ep4{suffix}").unlink()
    write_feed(load_project(published))
    channel = etree.fromstring(_feed(published)).find("channel")
    guid = channel.findtext("podcast:guid", namespaces=NS)
    assert guid == podcast_guid(BASE + "feed/feed.xml")
    assert channel.findtext("podcast:locked", namespaces=NS) == "no"
    assert channel.findtext("itunes:explicit", namespaces=NS) == "false"
    ep4, ep3 = channel.findall("item")
    transcripts = ep3.findall("podcast:transcript", NS)
    assert [(t.get("type"), t.get("url").split("?")[0]) for t in transcripts] == [
        ("text/vtt", BASE + "audio/ep3.vtt"), ("application/x-subrip", BASE + "audio/ep3.srt")]
    chapters = ep3.find("podcast:chapters", NS)
    assert chapters.get("type") == "application/json+chapters"
    assert chapters.get("url").startswith(BASE + "audio/ep3.chapters.json?v=")
    assert ep4.find("podcast:transcript", NS) is None
    assert ep4.find("podcast:chapters", NS) is None


def test_the_built_feed_passes_the_check(published: Path):
    assert validate_feed(_feed(published)) == []
    result = run_cli("check", "--feed", cwd=published)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "feed/feed.xml: ok" in result.stdout


def test_rebuilding_leaves_the_feed_and_page_byte_identical(published: Path):
    feed, page = _feed(published), (published / "feed" / "index.html").read_bytes()
    run_cli("build", "--all", cwd=published, check=True)
    from recapcast.publish.catalog import write_feed
    write_feed(load_project(published))
    assert _feed(published) == feed
    assert (published / "feed" / "index.html").read_bytes() == page


def _items(root: Path) -> dict[str, tuple[str, str]]:
    parsed = podcastparser.parse(BASE + "feed/feed.xml", io.BytesIO(_feed(root)))
    return {e["title"]: (e["guid"], e["enclosures"][0]["url"]) for e in parsed["episodes"]}


def test_an_edit_keeps_the_guid_and_changes_the_enclosure_url(tmp_path: Path):
    root = publish_two_episodes(tmp_path / "show")
    before = _items(root)
    script = root / "scripts" / "ep3.md"
    script.write_text(script.read_text().replace("cold and quiet", "cold, wet and very quiet")
                      .replace('title: "A Short Test"', 'title: "A Short Test, Edited"'))
    run_cli("build", "ep3", cwd=root, check=True)
    after = _items(root)
    assert after["A Short Test, Edited"][0] == before["A Short Test"][0]
    assert after["A Short Test, Edited"][1] != before["A Short Test"][1]
    assert after["The Second Test"] == before["The Second Test"]


def test_a_script_without_a_guid_keeps_the_one_it_was_first_built_with(tmp_path: Path):
    root = publish_two_episodes(tmp_path / "show")
    script = root / "scripts" / "ep4.md"
    script.write_text(re.sub(r'guid: "[^"]+"\n', "", script.read_text()))
    run_cli("build", "ep4", cwd=root, check=True)
    first = _items(root)["The Second Test"][0]
    config = root / "recapcast.toml"
    config.write_text(config.read_text().replace(BASE, "https://example.org/show/"))
    script.write_text(script.read_text().replace("bright and loud", "bright"))
    run_cli("build", "ep4", cwd=root, check=True)
    assert _items(root)["The Second Test"][0] == first


def test_the_base_url_and_podcast_guid_come_from_the_config(tmp_path: Path):
    root = publish_two_episodes(tmp_path / "show")
    config = root / "recapcast.toml"
    config.write_text(config.read_text().replace(BASE, "https://example.org/show")
                      .replace("[voice]", 'podcast_guid = "9b024349-ccf0-5f69-a609-6b82873eab3c"'
                               '\nlocked = true\n\n[voice]'))
    run_cli("build", "ep3", cwd=root, check=True)
    channel = etree.fromstring(_feed(root)).find("channel")
    assert channel.findtext("link") == "https://example.org/show/feed/index.html"
    assert channel.findtext("podcast:guid", namespaces=NS) == \
        "9b024349-ccf0-5f69-a609-6b82873eab3c"
    assert channel.findtext("podcast:locked", namespaces=NS) == "yes"
    urls = [i.find("enclosure").get("url") for i in channel.findall("item")]
    assert all(u.startswith("https://example.org/show/audio/") for u in urls)


def _break(feed: bytes, old: bytes, new: bytes) -> bytes:
    assert old in feed, old
    return feed.replace(old, new, 1)


@pytest.mark.parametrize("old, new, message", [
    (b"<itunes:explicit>false</itunes:explicit>", b"<itunes:explicit>no</itunes:explicit>",
     "channel: <itunes:explicit> must be true or false"),
    (b'text="TV Reviews"', b'text="Sitcoms"', "'Sitcoms' is not a subcategory of 'TV & Film'"),
    (b'<itunes:category text="TV &amp; Film">', b'<itunes:category text="Television">',
     "'Television' is not in Apple's list"),
    (b"<link>http://127.0.0.1:8000/feed/index.html</link>",
     b"<link>http://127.0.0.1:8000/feed/feed.xml</link>", "<link> is the feed itself"),
    (b'rel="self"', b'rel="alternate"', '<atom:link rel="self" href=...> is missing'),
    (b"<podcast:guid>", b"<podcast:guid>x", "<podcast:guid> must be a lower-case UUIDv5"),
    (b">no</podcast:locked>", b">maybe</podcast:locked>", "<podcast:locked> must be yes or no"),
    (b"<itunes:type>episodic", b"<itunes:type>weekly", "<itunes:type> must be episodic or"),
    (b"<itunes:email>tests@example.com</itunes:email>", b"",
     "<itunes:owner> with <itunes:email> is missing"),
    (b"cover.jpg\"/>", b"cover.gif\"/>", "does not end in .jpg or .png"),
    (b"<itunes:episodeType>full", b"<itunes:episodeType>main", "must be full, trailer or bonus"),
    # Recommended, not required: absent is fine (test_feedcheck), a bad number is not.
    (b"<itunes:episode>4</itunes:episode>", b"<itunes:episode>four</itunes:episode>",
     "<itunes:episode> must be a positive"),
    (b"<itunes:duration>", b"<itunes:duration>about ", "<itunes:duration> must be seconds"),
    (b"<pubDate>Fri, 09 Jan 2026", b"<pubDate>Someday", "not an RFC 2822 date"),
    (b"<pubDate>Fri, 09 Jan 2026", b"<pubDate>Fri, 02 Jan 2025", "items are not newest first"),
    (b"6fa459ea-ee8a-3ca4-894e-db77e160355e</guid>", b"1b4e28ba-2fa1-11d2-883f-0016cb4a4c01"
     b"</guid>", "<guid> repeats an earlier item's"),
    (b'type="application/json+chapters"', b'type="application/json"',
     "podcast:chapters type must be application/json+chapters"),
    (b'type="application/x-subrip"', b'type="subtitles"', "is not a transcript type"),
    (b'length="', b'length="-', "enclosure length must be the file size"),
    (b"00:00 Intro", b"Intro", None),
    (b"</channel>", b"", "not well-formed XML"),
])
def test_the_check_reports_each_broken_rule(published: Path, old, new, message):
    feed = _feed(published)
    if message is None:
        # Chapter lines in the description: drop them all from one item.
        item = re.search(rb"<description>Two chapters[^<]*</description>", feed)[0]
        broken = feed.replace(item, b"<description>Two chapters.</description>", 1)
        message = "has no 'MM:SS Title' chapter lines"
    else:
        broken = _break(feed, old, new)
    problems = validate_feed(broken)
    assert any(message in p for p in problems), problems


def test_check_command_prints_each_violation_and_fails(published: Path, tmp_path: Path):
    feed = published / "feed" / "feed.xml"
    original = feed.read_bytes()
    try:
        feed.write_bytes(_break(original, b"<itunes:type>episodic", b"<itunes:type>weekly"))
        result = run_cli("check", "--feed", cwd=published)
    finally:
        feed.write_bytes(original)
    assert result.returncode == 1
    assert ("feed/feed.xml: error: channel: <itunes:type> must be episodic or serial"
            in result.stdout)
    assert result.stderr.startswith("error: check found 1 error(s)")


def test_init_creates_a_show_that_builds_and_publishes(tmp_path: Path):
    result = run_cli("init", "my-show", "--base-url", "https://pods.example.org/mine",
                     cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    root = tmp_path / "my-show"
    for name in ("scripts", "audio", "feed"):
        assert (root / name).is_dir()
    assert "/audio/*" in (root / ".gitignore").read_text()
    config = tomllib.loads((root / "recapcast.toml").read_text())
    assert config["show"]["title"] == "My Show"
    project = load_project(root)
    assert project.show.base_url == "https://pods.example.org/mine/"
    again = run_cli("init", "my-show", cwd=tmp_path)
    assert again.returncode == 2 and "already exists" in again.stderr
    # The new show builds with the user's own script (tone voice to keep the test fast).
    from conftest import SHORT_SCRIPT
    (root / "scripts" / "ep1.md").write_text(SHORT_SCRIPT)
    run_cli("build", "--all", "--engine", "tone", cwd=root, check=True)
    parsed = podcastparser.parse("x", io.BytesIO(_feed(root)))
    assert parsed["episodes"][0]["enclosures"][0]["url"].startswith(
        "https://pods.example.org/mine/audio/ep1.mp3?v=")
    problems = validate_feed(_feed(root))
    assert problems == ["channel: <itunes:owner> with <itunes:email> is missing"]


def test_audio_and_cover_are_in_place_before_the_feed_and_page(tmp_path: Path):
    root = publish_two_episodes(tmp_path / "show")
    run_cli("build", "ep3", cwd=root, check=True)

    def written(*parts: str) -> int:
        return root.joinpath(*parts).stat().st_mtime_ns

    assert written("audio", "ep3.mp3") <= written("audio", "ep3.json") \
        <= written("feed", "cover.jpg") <= written("feed", "feed.xml") \
        <= written("feed", "index.html")
    leftovers = [p.name for p in root.rglob(".recapcast-tmp-*")]
    assert leftovers == []


def test_content_encoded_has_the_summary_and_chapter_list_as_html(published: Path):
    manifest = json.loads((published / "audio" / "ep3.json").read_text())
    lines = [f"{timestamp(c['start_ms'])} {c['title']}" for c in manifest["chapters"]]
    assert lines[0] == "00:00 Intro" and len(lines) == 3
    fp = feedparser.parse(_feed(published))
    ep3 = fp.entries[1]
    assert ep3.content[0].type == "text/html"
    assert ep3.content[0].value == ("<p>Two chapters of test narration.</p>\n<ul>\n"
                                    + "".join(f"<li>{line}</li>\n" for line in lines) + "</ul>")
    # The plain description stays, one chapter a line, for apps that read only it.
    assert ep3.summary.split("\n") == ["Two chapters of test narration.", "", *lines]
    parsed = podcastparser.parse(BASE + "feed/feed.xml", io.BytesIO(_feed(published)))
    episode = parsed["episodes"][1]
    assert episode["description_html"] == ep3.content[0].value
    assert episode["description"] == ep3.summary


def test_podcast_person_credits_the_host_and_each_episodes_narrator(published: Path,
                                                                   tmp_path: Path):
    root = etree.fromstring(_feed(published))
    assert root.xpath("/rss/channel/podcast:person[@role='host'][@group='cast']/text()",
                      namespaces=NS) == ["Test Author"]
    items = root.xpath("/rss/channel/item")
    assert len(items) == 2
    for item in items:
        # An item's people replace the channel's in apps, so the host is named again.
        assert item.xpath("podcast:person/@role", namespaces=NS) == ["host", "narrator"]
        assert item.xpath("podcast:person[@role='host']/text()", namespaces=NS) == \
            ["Test Author"]
        assert item.xpath("podcast:person[@role='narrator'][@group='cast']/text()",
                          namespaces=NS) == ["joe-us (test tone text-to-speech)"]
    # The credit is the voice the episode was built with, not whatever the config says now.
    show = Path(shutil.copytree(published, tmp_path / "show"))
    config = show / "recapcast.toml"
    config.write_text(config.read_text().replace('engine = "tone"',
                                                 'engine = "piper"\nvoice = "/v/en_GB-x.onnx"'))
    write_feed(load_project(show))
    narrators = etree.fromstring(_feed(show)).xpath(
        "//item/podcast:person[@role='narrator']/text()", namespaces=NS)
    assert narrators == ["joe-us (test tone text-to-speech)"] * 2


def test_a_recaps_author_is_credited_as_its_writer(published: Path, tmp_path: Path):
    show = Path(shutil.copytree(published, tmp_path / "show"))
    script = show / "scripts" / "ep3.md"
    script.write_text(script.read_text(encoding="utf-8").replace(
        'title: "A Short Test"', 'title: "A Short Test"\nauthor: "Dana Whitfield"'),
        encoding="utf-8")
    run_cli("build", "ep3", cwd=show, check=True)
    root = etree.fromstring(_feed(show))
    ep3, ep4 = sorted(root.xpath("/rss/channel/item"),
                      key=lambda item: item.findtext("title"))
    assert ep3.xpath("podcast:person/@role", namespaces=NS) == ["host", "author", "narrator"]
    assert ep3.xpath("podcast:person[@role='author'][@group='writing']/text()",
                     namespaces=NS) == ["Dana Whitfield"]
    # The channel's host is the show's, not the recap's writer; ep4 names no writer.
    assert root.xpath("/rss/channel/podcast:person/text()", namespaces=NS) == ["Test Author"]
    assert ep4.xpath("podcast:person/@role", namespaces=NS) == ["host", "narrator"]
