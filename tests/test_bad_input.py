"""Whatever a show is given, a build ends in a clear message and audio/ and feed/ stay whole."""

from __future__ import annotations

import io
import json
import os
import re
import textwrap
from pathlib import Path

import feedparser
import podcastparser
import pytest
from mutagen.id3 import ID3
from PIL import Image

import safety
from conftest import SHORT_SCRIPT, SRC, run_cli
from recapcast.config import check_episode_id, load_project
from recapcast.errors import ScriptError, UsageError
from recapcast.model import Heading, Paragraph
from recapcast.text.script import decode_text, import_recap, read_script
from recapcast.text.segments import FRAMING_ROLES, plan_segments
from recapcast.text.speakable import MAX_CHUNK_WORDS
from safety import assert_complete, assert_error, snapshot, temp_files

built_template, built = safety.built_template, safety.built
RECAP = ("Jessica Jones, Season 1, Episode 12\n\nEpisode 12: The Title\n\n"
         "Jessica’s café — “déjà vu”.\n")
UNSAFE = "\x00\x07\x1b\x7f\x85\udfff\ud800\ufffe\uffff"  # the surrogates cannot pair


def _script(title: str = "A Short Test", body: str = "Jessica walks in.") -> str:
    return SHORT_SCRIPT.split("---\n\n", 1)[0].replace('"A Short Test"', json.dumps(title)) + \
        "---\n\n# Opening\n\n" + body + "\n"


def _write_config(show: Path, extra: str = "", **show_values: str) -> None:
    """Rewrite recapcast.toml with extra [show] values and extra tables."""
    lines = (show / "recapcast.toml").read_text().splitlines(keepends=True)
    text = "".join(line for line in lines if line.split("=")[0].strip() not in show_values)
    for key, value in show_values.items():
        text = text.replace("[show]\n", f"[show]\n{key} = {value}\n", 1)
    (show / "recapcast.toml").write_text(text + extra)


def _import(show: Path, data: bytes, name: str = "recap.txt", *args: str):
    path = show / name
    path.write_bytes(data)
    return run_cli("import", str(path), "ep13", "--date", "2026-01-09", *args, cwd=show)


# --- empty input -------------------------------------------------------------------------

@pytest.mark.parametrize("data", [b"", b"   \n\t\n  \n", "\ufeff \u3000\n".encode(), b"\x00\x00"])
def test_an_empty_recap_is_refused(built: Path, data: bytes):
    _assert_import_refused(built, data, "the recap is empty")


def _assert_import_refused(built: Path, data: bytes, message: str) -> None:
    """Importing ``data`` fails with ``message`` and writes nothing."""
    before = snapshot(built)
    result = _import(built, data)
    assert_error(result, message)
    assert not (built / "scripts" / "ep13.md").exists()
    assert snapshot(built) == before


@pytest.mark.parametrize("text, message", [
    ("", "must start with a front matter block"),
    ("  \n\n\t\n", "must start with a front matter block"),
    ('---\ntitle: "x"\n---\n\n   \n', "has no text to speak"),
    ('---\ntitle: "x"\n---\n\n[pause 2s]\n', "has no text to speak"),
    ('---\ntitle: "x"\n---\n\n😀 🎬\n\n...\n', "nothing to speak"),
])
def test_an_empty_script_never_makes_a_zero_length_episode(built: Path, text: str, message):
    before = snapshot(built)
    (built / "scripts" / "ep3.md").write_text(text)
    assert_error(run_cli("build", "ep3", cwd=built), message)
    assert snapshot(built) == before


# --- encodings ---------------------------------------------------------------------------

@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252", "utf-16", "utf-16-le",
                                      "utf-16-be"])
def test_recaps_in_common_encodings_are_decoded(show: Path, encoding: str):
    result = _import(show, RECAP.encode(encoding))
    assert result.returncode == 0, result.stderr
    script = (show / "scripts" / "ep13.md").read_text(encoding="utf-8")
    assert "Jessica’s café — “déjà vu”." in script
    assert "\ufeff" not in script


def test_a_latin1_recap_is_decoded(show: Path):
    result = _import(show, "Title line\n\nSeñor Müller's café in São Paulo.\n".encode("latin-1"))
    assert result.returncode == 0, result.stderr
    assert "Señor Müller's café in São Paulo." in (show / "scripts" / "ep13.md").read_text()


def test_undecodable_bytes_are_refused_with_their_offset(built: Path):
    before = snapshot(built)
    data = b"Title\n\nGood text, then " + b"\x81\x8d" + b" more.\n"
    result = _import(built, data)
    offset = data.index(b"\x81")
    assert_error(result, f"byte 0x81 at offset {offset}", hint="save the file as UTF-8")
    assert not (built / "scripts" / "ep13.md").exists()
    assert snapshot(built) == before


def test_invalid_utf16_is_refused_with_its_offset(show: Path):
    data = "Title\n\nText.\n".encode("utf-16") + b"\x00"  # an odd byte count
    assert_error(_import(show, data), "invalid UTF-16 at byte offset")


def test_decode_text_handles_boms_and_lone_surrogates():
    assert decode_text(b"\xef\xbb\xbfhi", "x") == "hi"
    assert decode_text("hi".encode("utf-16-be"), "x") == "hi"
    assert decode_text(b"a\xed\xa0\x80b", "x") == "a\ud800b"  # then clean_text drops it
    with pytest.raises(ScriptError, match="over the limit of 10 bytes"):
        decode_text(b"x" * 11, "big.txt", max_bytes=10)


# --- unsafe characters ----------------------------------------------------------------------

def test_control_characters_surrogates_and_noncharacters_are_removed_everywhere(built: Path):
    title = f"Cage{UNSAFE} & <Kilgrave> \"AKA\" 'Jones'"
    body = f"Jessica{UNSAFE} walks\x0b into the\x0c bar."
    data = _script(title, body).encode("utf-8", "surrogatepass")
    (built / "scripts" / "ep3.md").write_bytes(data)
    _write_config(built, title='"Show \\u0007 & <Co> \\"Q\\" \'s\\u001b"',
                  author='"A\\u0000uthor & Sons <x>"')
    result = run_cli("build", "ep3", "--json", cwd=built)
    assert result.returncode == 0, result.stderr
    clean_title = "Cage & <Kilgrave> \"AKA\" 'Jones'"

    tags = ID3(str(built / "audio" / "ep3.mp3"))
    assert str(tags["TIT2"]) == clean_title
    assert str(tags["TALB"]) == "Show  & <Co> \"Q\" 's"
    assert str(tags["TPE1"]) == "Author & Sons <x>"

    feed = (built / "feed" / "feed.xml").read_bytes()
    parsed = feedparser.parse(feed)
    assert not parsed.bozo
    assert parsed.feed.title == "Show  & <Co> \"Q\" 's"
    assert parsed.entries[0].title == clean_title
    episode = podcastparser.parse("http://127.0.0.1:8000/feed/feed.xml", io.BytesIO(feed))
    assert episode["episodes"][0]["title"] == clean_title
    assert_complete(built)

    project = load_project(built)
    segments, _ = plan_segments(read_script(project, "ep3"), project.show)
    spoken = " ".join(s.text for s in segments)
    assert not any(c in spoken for c in UNSAFE + "\x0b\x0c")
    assert "Jessica walks into the bar." in spoken


# --- markup and emoji -------------------------------------------------------------------------

HTML_RECAP = textwrap.dedent("""\
    <html><head><title>Recap</title><style>p { color: red }</style></head><body>
    <h1>Jessica Jones, Season 1</h1>
    <h2>Episode 12: AKA Take A Bloody Number</h2>
    <p>Jessica &amp; Luke meet at the <b>bar</b>.&nbsp;She says &quot;no&quot; &#8212; twice.</p>
    <p>Trish <em>waits</em> 😀 outside.<br>Then she <a href="http://x">calls</a> Simpson.</p>
    <script>alert("not a recap")</script>
    </body></html>
    """)

MARKDOWN_RECAP = textwrap.dedent("""\
    **Jessica Jones**, Season 1

    ## Episode 12: AKA Take A Bloody Number

    Jessica &amp; Luke meet at the **bar**. She says *no* — [twice](http://example.com/x).

    - Trish waits 👍🏽 outside.
    - Then she calls `Simpson`.

    ![a still](still.png)
    """)


@pytest.mark.parametrize("recap", [HTML_RECAP, MARKDOWN_RECAP], ids=["html", "markdown"])
def test_html_and_markdown_recaps_become_plain_text(show: Path, recap: str):
    result = _import(show, recap.encode())
    assert result.returncode == 0, result.stderr
    text = (show / "scripts" / "ep13.md").read_text()
    for mark in ("<", ">", "&amp;", "&quot;", "&#", "**", "](", "`", "😀", "👍", "alert",
                 "color: red", "still.png", "http"):
        body = text.split("---", 2)[2]
        assert mark not in body.replace("\n> ", "\n"), (mark, text)
    assert "# AKA Take A Bloody Number" in text
    assert "Jessica & Luke meet at the bar." in text
    assert 'title: "AKA Take A Bloody Number"' in text


def test_import_recap_keeps_plain_recaps_as_they_were():
    script = import_recap("Title\n\nEpisode 2: Two\n\nA & B, 5 * 3 * 2, snake_case_name.\n", "e")
    assert [b.text for b in script.blocks if isinstance(b, Paragraph)] == [
        "A & B, 5 * 3 * 2, snake_case_name."]
    assert [b.text for b in script.blocks if isinstance(b, Heading)] == ["Two"]


def test_emoji_are_not_spoken(show: Path):
    (show / "scripts" / "ep3.md").write_text(_script("Emoji 🎬", "Jessica 😀 walks 👍🏽 in 🇺🇸."))
    project = load_project(show)
    segments, _ = plan_segments(read_script(project, "ep3"), project.show)
    assert [s.text for s in segments if s.role not in FRAMING_ROLES] == [
        "Opening", "Jessica walks in."]
    result = run_cli("build", "ep3", cwd=show)
    assert result.returncode == 0, result.stderr
    assert str(ID3(str(show / "audio" / "ep3.mp3"))["TIT2"]) == "Emoji 🎬"


# --- size ----------------------------------------------------------------------------------

def test_a_long_paragraph_without_punctuation_is_spoken_in_chunks(show: Path):
    # Letters only: a digit would be spoken as its own words ("word12" is "word twelve").
    words = " ".join(f"word{chr(97 + i % 26)}" for i in range(3000))
    (show / "scripts" / "ep3.md").write_text(_script(body=words))
    project = load_project(show)
    segments, _ = plan_segments(read_script(project, "ep3"), project.show)
    lengths = [len(s.text.split()) for s in segments if s.role not in FRAMING_ROLES][1:]
    assert sum(lengths) == 3000
    assert max(lengths) <= MAX_CHUNK_WORDS and min(lengths) > 0
    assert len(lengths) == 60


def test_a_1mb_recap_is_refused_by_the_limit_and_allowed_when_raised(built: Path):
    before = snapshot(built)
    sentence = "Jessica walks into the bar and orders a drink while Luke waits. "
    data = ("Title\n\n" + "\n\n".join([sentence * 40] * 410)).encode()
    assert len(data) > 1_000_000
    result = _import(built, data)
    assert_error(result, f"is {len(data):,} bytes, over the limit of 100,000 bytes",
                 hint="[limits] max_recap_bytes")
    assert not (built / "scripts" / "ep13.md").exists()

    _write_config(built, "\n[limits]\nmax_recap_bytes = 2_000_000\n")
    assert _import(built, data).returncode == 0
    script = built / "scripts" / "ep13.md"
    assert script.stat().st_size > 1_000_000
    (built / "recapcast.toml").write_text(
        (built / "recapcast.toml").read_text().replace("2_000_000", "600_000"))
    result = run_cli("build", "ep13", cwd=built)
    assert_error(result, "scripts/ep13.md is", hint="max_recap_bytes")
    assert snapshot(built) == before


@pytest.mark.parametrize("value", ["0", "-1", '"big"', "true"])
def test_a_bad_limit_is_a_config_error(show: Path, value: str):
    _write_config(show, f"\n[limits]\nmax_recap_bytes = {value}\n")
    assert_error(run_cli("build", "ep3", cwd=show), "max_recap_bytes must be a positive")


# --- episode ids -----------------------------------------------------------------------------

@pytest.mark.parametrize("episode_id", ["../ep3", "a/b", "a\\b", "/etc/passwd", "x" * 65,
                                        "con", "nul", "com1", "lpt9", ".hidden", "Ep3", "",
                                        "ep 3", "ep3.md"])
def test_unsafe_episode_ids_are_refused(built: Path, episode_id: str):
    before = snapshot(built)
    for args in (("build", episode_id), ("import", str(built / "recapcast.toml"), episode_id)):
        assert_error(run_cli(*args, cwd=built), "invalid episode id", code=2,
                     hint="1-64 lowercase letters")
    assert snapshot(built) == before
    assert sorted(p.name for p in (built / "scripts").iterdir()) == ["ep3.md"]


def test_an_episode_id_with_nul_is_refused():
    with pytest.raises(UsageError, match=re.escape("invalid episode id 'ep\\x003'")):
        check_episode_id("ep\x003")


# --- engines and voices ------------------------------------------------------------------------

@pytest.mark.parametrize("voice_table, message, hint", [
    ('engine = "espeak"', "unknown engine 'espeak'", "known engines: gtts, piper, tone"),
    ('engine = "piper"\nvoice = "nobody"', "unknown piper voice 'nobody'", "known voices: joe-us"),
])
def test_an_unknown_engine_or_voice_lists_the_known_ones(built: Path, voice_table, message, hint):
    before = snapshot(built)
    text = (built / "recapcast.toml").read_text().replace('engine = "tone"', voice_table)
    (built / "recapcast.toml").write_text(text)
    (built / "scripts" / "ep3.md").write_text(_script(body="A new paragraph to speak."))
    assert_error(run_cli("build", "ep3", cwd=built), message, hint=hint)
    assert snapshot(built) == before


# --- cover and music -------------------------------------------------------------------------

def _save(path: Path, size: tuple[int, int], mode: str = "RGB", fmt: str = "PNG") -> str:
    Image.new(mode, size, "white" if mode != "CMYK" else (10, 200, 30, 0)).save(path, fmt)
    return path.name


@pytest.mark.parametrize("make, message", [
    (lambda d: "missing.jpg", "not found"),
    (lambda d: _save(d / "wide.png", (3000, 1500)), "is 3000x1500, not square"),
    (lambda d: (d / "junk.jpg").write_bytes(b"not an image") and "junk.jpg",
     "not a readable image"),
    (lambda d: _save(d / "bomb.png", (20000, 20000), mode="1"), "too large to open safely"),
])
def test_a_bad_cover_is_a_clear_error(built: Path, make, message):
    before = snapshot(built)
    _write_config(built, cover=json.dumps(make(built)))
    (built / "scripts" / "ep3.md").write_text(_script(body="A new paragraph to speak."))
    assert_error(run_cli("build", "ep3", cwd=built), message)
    assert snapshot(built) == before


def test_a_cmyk_or_huge_cover_is_converted(show: Path):
    config = (show / "recapcast.toml").read_text()
    for name, size, mode, fmt in (("cmyk.jpg", (1500, 1500), "CMYK", "JPEG"),
                                  ("huge.png", (5000, 5000), "RGB", "PNG")):
        _save(show / name, size, mode, fmt)
        (show / "recapcast.toml").write_text(config.replace("[show]\n",
                                                            f'[show]\ncover = "{name}"\n'))
        result = run_cli("build", "ep3", cwd=show)
        assert result.returncode == 0, result.stderr
        apic = ID3(str(show / "audio" / "ep3.mp3")).getall("APIC")[0]
        with Image.open(io.BytesIO(apic.data)) as image:
            assert image.mode == "RGB"
            assert image.size[0] == image.size[1] <= 3000
        assert_complete(show)


@pytest.mark.parametrize("intro", ["missing.mp3", "broken.mp3"])
def test_an_unreadable_music_file_is_a_clear_error(built: Path, intro: str):
    (built / "broken.mp3").write_bytes(b"ID3 this is not audio at all" * 10)
    before = snapshot(built)
    _write_config(built, intro=json.dumps(intro))
    (built / "scripts" / "ep3.md").write_text(_script(body="A new paragraph to speak."))
    assert_error(run_cli("build", "ep3", cwd=built), "cannot read audio file",
                 hint="give a file ffmpeg can decode")
    assert snapshot(built) == before
    assert not temp_files(built)


# --- the error boundary ------------------------------------------------------------------------

def _broken_plugin(site: Path) -> dict:
    """A plugin engine, registered the way any third-party one is, that fails unexpectedly."""
    site.mkdir()
    (site / "broken_engine.py").write_text(textwrap.dedent("""\
        class Broken:
            name = "broken"

            def __init__(self, settings):
                pass

            def synthesize(self, text):
                return 1 / 0
        """))
    info = site / "broken_engine-0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: broken-engine\nVersion: 0\n")
    (info / "entry_points.txt").write_text("[recapcast.engines]\nbroken = broken_engine:Broken\n")
    return {"PYTHONPATH": f"{SRC}{os.pathsep}{site}"}


def test_an_unexpected_exception_is_an_internal_error_with_a_hint(built: Path, tmp_path: Path):
    before = snapshot(built)
    env = _broken_plugin(tmp_path / "site")
    (built / "scripts" / "ep3.md").write_text(_script(body="A new paragraph to speak."))
    result = run_cli("build", "ep3", "--engine", "broken", cwd=built, env=env)
    assert_error(result, "internal error: ZeroDivisionError: division by zero",
                 hint="rerun with --debug")
    assert snapshot(built) == before
    assert not temp_files(built)
    debug = run_cli("--debug", "build", "ep3", "--engine", "broken", cwd=built, env=env)
    assert debug.returncode == 1
    assert "Traceback" in debug.stderr and "ZeroDivisionError" in debug.stderr


def _zip_bytes() -> bytes:
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:  # stored: the text shows through
        archive.writestr(zipfile.ZipInfo("recap.txt", (2027, 1, 1, 12, 0, 0)),
                         "Jessica walks into the bar. " * 20)
    return buffer.getvalue()


@pytest.mark.parametrize("data", [
    _zip_bytes(),
    # every byte value cp1252 defines, as random bytes that happen to decode have them
    bytes(b for b in range(256) if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)) * 4,
    bytes(range(256)) * 4,  # ... and with the bytes no text encoding here accepts
    b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + b"text " * 40,
], ids=["zip", "cp1252-bytes", "all-bytes", "png"])
def test_a_binary_file_is_refused_as_binary(built: Path, data: bytes):
    _assert_import_refused(built, data, "looks like a binary file, not text")
