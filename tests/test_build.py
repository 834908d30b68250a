"""End-to-end builds: the MP3 read back with mutagen, the feed read back by real parsers."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import feedparser
import podcastparser
import pytest
from mutagen.id3 import ID3
from mutagen.mp3 import MP3

from conftest import make_show, run_cli
from recapcast.voice.engines.tone import SECONDS_PER_WORD

REPO = Path(__file__).resolve().parent.parent


def _chapters(path: Path) -> list[tuple[int, int, str]]:
    tags = ID3(str(path))
    chaps = sorted(tags.getall("CHAP"), key=lambda c: c.start_time)
    return [(c.start_time, c.end_time, str(c.sub_frames["TIT2"])) for c in chaps]


def _build(show: Path, *args: str) -> dict:
    result = run_cli("build", "ep3", "--json", *args, cwd=show, check=True)
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def first_build(tmp_path_factory) -> tuple[Path, dict]:
    """A tone show whose ep3 was built once, and that build's report; read, not changed."""
    show = make_show(tmp_path_factory.mktemp("built") / "show")
    return show, _build(show)


def test_tone_build_tags_chapters_and_feed(first_build: tuple[Path, dict]):
    show, report = first_build
    audio = Path(report["audio"])
    assert audio == show / "audio" / "ep3.mp3"
    assert set(report) >= {"episode", "audio", "duration_s", "segments", "synthesized",
                           "cached", "feed", "seconds"}
    mp3 = MP3(str(audio))
    assert mp3.info.sample_rate == 44100
    # Words spoken by the tone voice: 0.3 s each, plus intro music and pauses.
    words = len("Opening Jessica walks into the bar. She orders a drink and waits. As Jessica "
                "Jones puts it: I can only fight one big bad at a time. The Chase Cage follows "
                "her through the park. The night is cold and quiet.".split())
    assert mp3.info.length > words * SECONDS_PER_WORD + 8
    assert mp3.info.length == pytest.approx(report["duration_s"], abs=0.05)

    tags = ID3(str(audio))
    assert tags.version[:2] == (2, 3)
    assert str(tags["TIT2"]) == "A Short Test"
    assert str(tags["TALB"]) == "Test Show"
    assert str(tags["TPE1"]) == "Test Author"
    assert str(tags["TRCK"]) == "3"
    assert str(tags["TCON"]) == "Podcast"
    assert str(tags.getall("TDRC")[0]) .startswith("2026")
    assert tags.getall("APIC")[0].mime == "image/jpeg"
    assert "00:00 Intro" in str(tags.getall("COMM")[0])

    chapters = _chapters(audio)
    assert [c[2] for c in chapters] == ["Intro", "Opening", "The Chase"]
    assert chapters[0][0] == 0
    for (_, end, _), (start, _, _) in zip(chapters, chapters[1:], strict=False):
        assert end == start
    assert chapters[-1][1] == int(mp3.info.length * 1000)
    toc = tags.getall("CTOC")[0]
    assert toc.child_element_ids == [f"chp{i}" for i in range(3)]
    assert toc.flags & 0x03 == 0x03  # top-level and ordered

    feed_bytes = (show / "feed" / "feed.xml").read_bytes()
    parsed = podcastparser.parse("http://127.0.0.1:8000/feed/feed.xml",
                                 __import__("io").BytesIO(feed_bytes))
    assert parsed["title"] == "Test Show"
    assert len(parsed["episodes"]) == 1
    episode = parsed["episodes"][0]
    assert episode["guid"] == "1b4e28ba-2fa1-11d2-883f-0016cb4a4c01"
    assert episode["total_time"] == round(mp3.info.length)
    enclosure = episode["enclosures"][0]
    assert enclosure["file_size"] == audio.stat().st_size
    assert enclosure["mime_type"] == "audio/mpeg"
    assert enclosure["url"].startswith("http://127.0.0.1:8000/audio/ep3.mp3")

    fp = feedparser.parse(feed_bytes)
    assert not fp.bozo
    assert fp.feed.title == "Test Show"
    assert fp.entries[0].itunes_duration == str(round(mp3.info.length))
    assert fp.entries[0].enclosures[0].length == str(audio.stat().st_size)


def test_rebuild_uses_the_cache_and_an_edit_resynthesises_one_segment(
        first_build: tuple[Path, dict], tmp_path: Path):
    show = Path(shutil.copytree(first_build[0], tmp_path / "show"))
    first = first_build[1]
    assert first["synthesized"] == first["segments"] > 0
    again = _build(show)
    assert again["synthesized"] == 0 and again["cached"] == first["segments"]
    script = show / "scripts" / "ep3.md"
    script.write_text(script.read_text().replace("cold and quiet", "warm and loud"))
    edited = _build(show)
    assert edited["synthesized"] == 1


def test_piper_builds_a_short_script_end_to_end(piper_built: tuple[Path, dict]):
    _, report = piper_built
    mp3 = MP3(report["audio"])
    # About 40 words of speech at Piper's pace (2.5-4 words a second) after ~9 s of music.
    assert 20 < mp3.info.length < 40
    assert report["synthesized"] == report["segments"]
    assert [c[2] for c in _chapters(Path(report["audio"]))] == ["Intro", "Opening", "The Chase"]


@pytest.mark.slow
def test_ep12_from_a_copy_of_the_repository(tmp_path: Path):
    """The demo show's own ep12: 4 to 6 minutes, one episode in the feed, exact length."""
    show = tmp_path / "demo"
    show.mkdir()
    shutil.copy(REPO / "recapcast.toml", show)
    shutil.copytree(REPO / "scripts", show / "scripts")
    result = run_cli("build", "ep12", "--json", cwd=show, check=True)
    report = json.loads(result.stdout)
    audio = Path(report["audio"])
    mp3 = MP3(str(audio))
    assert 240 <= mp3.info.length <= 360
    with open(show / "feed" / "feed.xml", "rb") as f:
        parsed = podcastparser.parse("http://localhost:8000/feed/feed.xml", f)
    assert len(parsed["episodes"]) == 1
    assert parsed["episodes"][0]["enclosures"][0]["file_size"] == audio.stat().st_size
    assert parsed["episodes"][0]["title"] == "AKA Take A Bloody Number"
    from test_release import assert_mastered

    assert_mastered(audio)
    for key in ("chapters_file", "cover"):
        assert Path(report[key]).is_file()
    assert Path(report["transcript"]["vtt"]).read_text().startswith("WEBVTT")
    assert "<v Jessica Jones>" in Path(report["transcript"]["vtt"]).read_text()
