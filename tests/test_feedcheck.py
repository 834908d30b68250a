"""``check --feed`` warns about placeholders: a local or example base_url, an example owner
e-mail, and a cover without a 72 dpi density."""

from __future__ import annotations

import io
import re
import shutil
from pathlib import Path

import pytest
from PIL import Image

from conftest import run_cli
from published import publish_two_episodes
from recapcast.config import load_project
from recapcast.publish.catalog import write_feed
from recapcast.publish.feedcheck import feed_warnings, validate_feed
from recapcast.release.cover import cover_dpi, default_cover

BASE = "http://127.0.0.1:8000/"


@pytest.fixture(scope="module")
def published(tmp_path_factory) -> Path:
    return publish_two_episodes(tmp_path_factory.mktemp("feedcheck") / "show")


@pytest.fixture
def show(published: Path, tmp_path: Path) -> Path:
    return Path(shutil.copytree(published, tmp_path / "show"))


def _configure(root: Path, old: str, new: str) -> None:
    config = root / "recapcast.toml"
    assert old in config.read_text()
    config.write_text(config.read_text().replace(old, new))
    write_feed(load_project(root))


def _warnings(root: Path) -> list[str]:
    return feed_warnings((root / "feed" / "feed.xml").read_bytes(), root / "feed")


def test_check_feed_names_each_placeholder_and_still_passes(published: Path):
    result = run_cli("check", "--feed", cwd=published)
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert (f"feed/feed.xml: warning: channel: base_url {BASE} is on this machine (127.0.0.1): "
            "podcast apps on other devices cannot reach it; set [show] base_url in "
            "recapcast.toml to where you publish audio/ and feed/") in lines
    assert ("feed/feed.xml: warning: channel: owner e-mail tests@example.com is an example "
            "address (example.com, RFC 2606): Apple writes to it to verify the show; set "
            "[show] owner_email in recapcast.toml") in lines
    assert "feed/feed.xml: ok" in lines
    assert len([line for line in lines if ": warning: " in line]) == 2  # the cover is fine
    assert result.stderr.strip().endswith("check: no errors, 2 warning(s)")


@pytest.mark.parametrize("base, message", [
    ("http://localhost:8000/", "is on this machine (localhost)"),
    ("http://[::1]:8000/show/", "is on this machine (::1)"),
    ("http://0.0.0.0:8000/", "is on this machine (0.0.0.0)"),
    ("https://example.com/", "is an example domain (example.com, RFC 2606)"),
    ("https://pods.example.net/mine/", "is an example domain (pods.example.net, RFC 2606)"),
    ("https://EXAMPLE.ORG/", "is an example domain (example.org, RFC 2606)"),
    ("https://my-show.test/", "is an example domain (my-show.test, RFC 2606)"),
    ("https://podcasts.examples.com/", None),
    ("https://example.community/", None),
    ("http://192.168.1.5:8000/", None),
])
def test_base_url_placeholders(show: Path, base: str, message: str | None):
    _configure(show, BASE, base)
    warnings = [w for w in _warnings(show) if "base_url" in w]
    if message is None:
        assert warnings == []
    else:
        (warning,) = warnings
        assert warning.startswith(f"channel: base_url {base} {message}"), warning


@pytest.mark.parametrize("email, flagged", [
    ("tests@example.com", True), ("me@mail.example.org", True), ("owner@shows.invalid", True),
    ("me@localhost", True), ("me@pods.recapcast.net", False), ("ex@exampleshow.com", False),
])
def test_owner_email_placeholders(show: Path, email: str, flagged: bool):
    _configure(show, "tests@example.com", email)
    warnings = [w for w in _warnings(show) if "owner e-mail" in w]
    assert warnings == ([f"channel: owner e-mail {email} is an example address "
                         f"({email.rpartition('@')[2]}, RFC 2606): Apple writes to it to "
                         "verify the show; set [show] owner_email in recapcast.toml"]
                        if flagged else [])


def test_the_generated_cover_declares_72_dpi(published: Path):
    assert cover_dpi((published / "feed" / "cover.jpg").read_bytes()) == (72.0, 72.0)
    assert cover_dpi(default_cover("Any Show", size=1400)) == (72.0, 72.0)
    assert not [w for w in _warnings(published) if "cover" in w]


def _image(fmt: str, **save) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (1400, 1400), (20, 120, 200)).save(out, format=fmt, **save)
    return out.getvalue()


@pytest.mark.parametrize("name, data, found", [
    ("art.png", _image("PNG"), "declares no density"),
    ("art.jpg", _image("JPEG"), "declares no density"),  # JFIF with an aspect ratio only
    ("art.jpg", _image("JPEG", dpi=(300, 300)), "declares 300 dpi"),
    ("art.png", _image("PNG", dpi=(96, 96)), "declares 96 dpi"),
    ("art.png", _image("PNG", dpi=(72, 72)), None),
    ("art.jpg", _image("JPEG", dpi=(72, 72)), None),
])
def test_a_cover_without_72_dpi_is_named(show: Path, name: str, data: bytes, found: str | None):
    (show / name).write_bytes(data)
    _configure(show, "[voice]", f'cover = "{name}"\n\n[voice]')
    published = "cover.png" if name.endswith(".png") else "cover.jpg"
    assert (show / "feed" / published).read_bytes() == data  # published as it is
    warnings = [w for w in _warnings(show) if "cover" in w]
    if found is None:
        assert warnings == []
    else:
        assert warnings == [f"channel: cover feed/{published} {found}, not 72 dpi (JPEG JFIF "
                            "or PNG pHYs), which Apple asks for: save it with 72 dpi, or "
                            "leave [show] cover empty for the generated one"]
    assert validate_feed((show / "feed" / "feed.xml").read_bytes()) == []


def test_an_episode_without_a_number_is_valid_and_a_bad_number_is_not(show: Path):
    feed = show / "feed" / "feed.xml"
    xml = feed.read_text("utf-8")
    assert "<itunes:episode>" in xml and validate_feed(xml.encode()) == []
    # Episode and season numbers are recommended, not required: no tag is no problem.
    bare = xml
    for tag in ("itunes:episode", "itunes:season"):
        while f"<{tag}>" in bare:
            start = bare.index(f"<{tag}>")
            bare = bare[:start] + bare[bare.index(f"</{tag}>", start) + len(tag) + 3:]
    assert "<itunes:episode>" not in bare and validate_feed(bare.encode()) == []
    zero = re.sub(r"<itunes:episode>\d+<", "<itunes:episode>0<", xml, count=1)
    assert any("<itunes:episode> must be a positive whole number" in p
               for p in validate_feed(zero.encode()))


def test_check_of_one_script_ignores_the_feed_and_a_stale_feed_hints_rebuild(show: Path):
    # A feed built before the config gave an owner e-mail (or by an older recapcast).
    feed = show / "feed" / "feed.xml"
    xml = feed.read_text("utf-8")
    stale = re.sub(r"<itunes:email>[^<]*</itunes:email>", "", xml)
    assert stale != xml
    feed.write_text(stale, "utf-8")
    episode = sorted(p.stem for p in (show / "scripts").glob("*.md"))[0]
    one = run_cli("check", episode, cwd=show)
    assert one.returncode == 0, one.stdout + one.stderr
    assert "feed/feed.xml" not in one.stdout
    whole = run_cli("check", "--feed", cwd=show)
    assert whole.returncode == 1
    assert ("feed/feed.xml: error: channel: <itunes:owner> with <itunes:email> is missing "
            "(the feed is older than the config: a rebuild fixes it)") in whole.stdout
    assert "hint: rebuild the feed (recapcast build --all --force)" in whole.stderr
    run_cli("build", "--all", "--force", cwd=show, check=True)
    assert run_cli("check", "--feed", cwd=show).returncode == 0


def test_a_feed_error_the_config_causes_does_not_hint_rebuild(show: Path):
    _configure(show, 'owner_email = "tests@example.com"', 'owner_email = ""')
    result = run_cli("check", "--feed", cwd=show)
    assert result.returncode == 1
    assert "<itunes:email> is missing\n" in result.stdout
    assert "rebuild" not in result.stderr
