"""recapcast publish against real servers on 127.0.0.1: rclone's S3 server (order from its own
log), a static HTTP host reading the result back, a local folder; nothing changed, dry run,
a changed episode, prune, bad credentials and a dead server."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import make_show, run_cli
from published import publish_two_episodes
from publishing import (
    SECRET_KEY,
    check_links_resolve,
    free_port,
    live_feed_is_consistent,
    rclone_http,
    rclone_s3,
    set_base_url,
)
from recapcast.errors import PublishError
from recapcast.publish.deploy import SiteFile, _stage
from recapcast.publish.rclone import rclone_binary


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """ep3 and ep4 built with the tone voice, once for the module."""
    return publish_two_episodes(tmp_path_factory.mktemp("publish") / "show")


@pytest.fixture
def show(built: Path, tmp_path: Path) -> Path:
    """A copy of the built show for one test to change."""
    root = tmp_path / "show"
    shutil.copytree(built, root, symlinks=True)
    return root


def _no_secret(result: subprocess.CompletedProcess, *folders: Path) -> None:
    assert SECRET_KEY not in result.stdout + result.stderr
    for folder in folders:
        for path in folder.rglob("*"):
            if path.is_file():
                assert SECRET_KEY.encode() not in path.read_bytes(), path


def _rebuild_ep3(root: Path) -> None:
    """Change ep3's script, so its audio, transcripts and chapters change, and rebuild it."""
    script = root / "scripts" / "ep3.md"
    script.write_text(script.read_text("utf-8").replace(
        "She orders a drink and waits.", "She orders a coffee and waits by the door."), "utf-8")
    run_cli("build", "ep3", cwd=root, check=True)


def test_publish_to_s3_media_first_feed_last_and_every_link_resolves(show: Path, tmp_path):
    with rclone_s3(tmp_path / "s3") as s3, rclone_http(tmp_path / "s3" / "bucket" / "show") \
            as host:
        set_base_url(show, host)
        result = run_cli("publish", "--to", s3.target(), cwd=show)
        assert result.returncode == 0, result.stderr
        created = [key.removeprefix("bucket/show/") for key in s3.created()]
        # The server's own log: every media file, then the page, then the feed, last.
        assert created[-2:] == ["feed/index.html", "feed/feed.xml"]
        assert len(created) == 11 and all(k.startswith(("audio/", "feed/cover.")) for k in
                                          created[:-2])
        episodes = check_links_resolve(host + "feed/feed.xml")
        assert {e["title"] for e in episodes} == {"A Short Test", "The Second Test"}
        # Hashed names: a changed episode can never overwrite what the live feed links.
        assert all(re.search(r"/audio/ep[34]\.[0-9a-f]{12}\.mp3$", e["enclosures"][0]["url"])
                   for e in episodes)
        listing = json.loads(subprocess.run(
            [rclone_binary(), "--config", "", "lsjson", "-R", "--files-only", s3.target()],
            capture_output=True, check=True).stdout)
        types = {e["Path"]: e["MimeType"] for e in listing}
        assert types["feed/feed.xml"] == "application/rss+xml; charset=utf-8"
        assert types["feed/index.html"] == "text/html; charset=utf-8"
        assert {types[p] for p in types if p.endswith(".vtt")} == {"text/vtt; charset=utf-8"}
        assert {types[p] for p in types if p.endswith(".chapters.json")} == {
            "application/json+chapters"}
        assert "published to :s3:bucket/show: 11 uploaded" in result.stdout
        _no_secret(result, tmp_path / "s3")

        again = run_cli("publish", "--to", s3.target(), cwd=show)
        assert again.returncode == 0, again.stderr
        assert "nothing changed" in again.stdout and "uploaded" not in again.stdout
        assert len(s3.created()) == 11, "an unchanged show uploaded something"

        _rebuild_ep3(show)
        dry = run_cli("publish", "--to", s3.target(), "--dry-run", "--json", cwd=show)
        assert dry.returncode == 0, dry.stderr
        planned = json.loads(dry.stdout)
        assert planned["dry_run"] and len(s3.created()) == 11, "the dry run uploaded"
        # ep3's four files (new names), the page and the feed; ep4 and the cover are there.
        assert sorted(planned["uploaded"]) == sorted(
            [p for p in planned["uploaded"] if p.startswith("audio/ep3.")]
            + ["feed/index.html", "feed/feed.xml"])
        assert len(planned["uploaded"]) == 6 and len(planned["skipped"]) == 5

        changed = run_cli("publish", "--to", s3.target(), "--json", cwd=show)
        assert changed.returncode == 0, changed.stderr
        report = json.loads(changed.stdout)
        assert report["uploaded"] == planned["uploaded"] and report["removed"] == []
        assert s3.created()[-1] == "bucket/show/feed/feed.xml"
        check_links_resolve(host + "feed/feed.xml")
        site = tmp_path / "s3" / "bucket" / "show"
        assert len(list((site / "audio").glob("ep3.*"))) == 8, "the old ep3 files went early"

        (show / "recapcast.toml").write_text(
            (show / "recapcast.toml").read_text("utf-8") + "\n[publish]\nmax_deletes = 3\n")
        pruned = json.loads(run_cli("publish", "--to", s3.target(), "--prune", "--json",
                                    cwd=show, check=True).stdout)
        assert len(pruned["removed"]) == 3 and len(pruned["left"]) == 1
        assert all(p.startswith("audio/ep3.") for p in pruned["removed"] + pruned["left"])
        run_cli("publish", "--to", s3.target(), "--prune", cwd=show, check=True)
        assert len(list((site / "audio").glob("ep3.*"))) == 4
        assert live_feed_is_consistent(site, host) is True
        check_links_resolve(host + "feed/feed.xml")


def test_bad_credentials_and_a_dead_server_are_one_error_without_the_secret(show, tmp_path):
    with rclone_s3(tmp_path / "s3") as s3:
        wrong = s3.target(secret="WrongSecret-" + SECRET_KEY[::-1])
        result = run_cli("publish", "--to", wrong, cwd=show)
        assert result.returncode == 1
        assert result.stderr.startswith("error: listing :s3:bucket/show failed: the target "
                                        "refused the credentials\nhint: ")
        assert "Traceback" not in result.stderr and SECRET_KEY[::-1] not in result.stderr
        _no_secret(result, tmp_path / "s3")

        missing = run_cli("publish", "--to", s3.target(bucket="nobucket"), cwd=show)
        assert missing.returncode == 1
        assert "the bucket does not exist" in missing.stderr.splitlines()[0]
        _no_secret(missing, tmp_path / "s3")
        assert not (tmp_path / "s3" / "nobucket").exists(), "publish made a bucket"

    dead = run_cli("publish", "--to", s3.target(port=free_port()), cwd=show)
    assert dead.returncode == 1
    lines = dead.stderr.splitlines()
    assert lines[0] == "error: listing :s3:bucket/show failed: the target's server did not " \
                       "answer" and lines[1].startswith("hint: ") and len(lines) == 2
    _no_secret(dead)

    unknown = run_cli("publish", "--to", ":nosuchbackend,token=abc123:x", cwd=show)
    assert unknown.returncode == 1 and "abc123" not in unknown.stderr
    assert "no backend called nosuchbackend" in unknown.stderr


def test_publish_to_a_folder_from_the_config(show: Path, tmp_path: Path):
    set_base_url(show, "https://pods.example.org/show/", 'to = "../site"\n')
    first = run_cli("publish", "--json", cwd=show)
    assert first.returncode == 0, first.stderr
    report = json.loads(first.stdout)
    site = tmp_path / "site"
    assert report["target"] == str(site) and len(report["uploaded"]) == 11
    published = sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())
    assert published == sorted(report["uploaded"])
    # Never a manifest, a cache, a script or a temporary file.
    assert not [p for p in published if p.endswith((".json", ".md")) and
                not p.endswith(".chapters.json")]
    assert not (show / ".cache" / "publish").exists()
    feed = (site / "feed" / "feed.xml").read_text("utf-8")
    assert "https://pods.example.org/show/audio/ep3." in feed
    assert live_feed_is_consistent(site, "https://pods.example.org/show/") is True
    second = run_cli("publish", cwd=show, check=True)
    assert second.stdout.startswith("nothing changed")


def test_no_target_is_a_usage_error(show: Path):
    result = run_cli("publish", cwd=show)
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == "error: no publish target"


def test_a_key_in_the_show_config_is_refused(show: Path):
    set_base_url(show, "https://pods.example.org/",
                 'to = ":s3,access_key_id=AK,secret_access_key=SK:bucket"\n')
    result = run_cli("publish", cwd=show)
    assert result.returncode == 1 and "holds a key or password" in result.stderr
    assert "SK" not in result.stderr.replace("SKIP", "")



def test_a_show_with_nothing_built_publishes_nothing(tmp_path: Path):
    root = make_show(tmp_path / "empty")
    result = run_cli("publish", "--to", str(tmp_path / "site"), cwd=root)
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == "error: there is no built episode to publish"
    assert not (tmp_path / "site").exists()


def test_a_file_that_no_longer_matches_its_hashed_name_is_not_staged(tmp_path: Path):
    audio = tmp_path / "ep3.mp3"
    audio.write_bytes(b"rebuilt since the plan")
    stale = SiteFile("audio/ep3.0123456789ab.mp3", "audio/mpeg", audio.stat().st_size,
                     source=audio)
    with pytest.raises(PublishError, match="ep3.mp3 changed while it was being published"):
        _stage(tmp_path / "stage", [stale])
