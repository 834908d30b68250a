"""Telling apps the feed changed: WebSub, Podcast Index and podping, sent to small recording
servers on 127.0.0.1, only after the new feed is live; a failed ping is only a warning."""

from __future__ import annotations

import shutil
import urllib.parse
from pathlib import Path

import pytest

from conftest import run_cli
from published import publish_two_episodes
from publishing import free_port, recording_server, set_base_url

TOKEN = "podping-Token-never-printed-42"
BASE = "https://pods.example.org/show/"


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    return publish_two_episodes(tmp_path_factory.mktemp("pings") / "show")


@pytest.fixture
def show(built: Path, tmp_path: Path) -> Path:
    root = tmp_path / "show"
    shutil.copytree(built, root, symlinks=True)
    return root


def test_each_service_is_told_after_the_feed_is_live(show: Path, tmp_path: Path):
    feed = tmp_path / "site" / "feed" / "feed.xml"
    with recording_server(watch=feed) as hub, recording_server(watch=feed) as index, \
            recording_server(status=200, watch=feed) as podping:
        set_base_url(show, BASE, f'to = "../site"\nwebsub_hub = "{hub.url}"\n'
                                 f'podcastindex = true\npodcastindex_url = "{index.url}api"\n'
                                 f'podping = true\npodping_url = "{podping.url}"\n')
        result = run_cli("publish", cwd=show, env={"RECAPCAST_PODPING_TOKEN": TOKEN})
        assert result.returncode == 0, result.stderr
        assert TOKEN not in result.stdout + result.stderr
        xml = feed.read_text("utf-8")
        assert f'<atom:link href="{hub.url}" rel="hub"/>' in xml
        assert '<podcast:podping usesPodping="true"/>' in xml
        feed_url = BASE + "feed/feed.xml"

        [sent] = hub.requests
        assert sent["method"] == "POST"
        assert urllib.parse.parse_qs(sent["body"]) == {"hub.mode": ["publish"],
                                                        "hub.url": [feed_url]}
        [asked] = index.requests
        assert asked["method"] == "GET" and asked["path"] == "/api?" + urllib.parse.urlencode(
            {"url": feed_url})
        [pinged] = podping.requests
        assert pinged["headers"]["Authorization"] == TOKEN
        assert urllib.parse.parse_qs(pinged["path"].split("?", 1)[1]) == {
            "url": [feed_url], "reason": ["update"], "medium": ["podcast"]}
        # Each was told when the new feed was already the live one.
        for request in (sent, asked, pinged):
            assert request["watched"] == feed.read_bytes()
        for service in ("WebSub hub", "Podcast Index", "podping"):
            assert f"notified {service}" in result.stdout

        again = run_cli("publish", cwd=show, env={"RECAPCAST_PODPING_TOKEN": TOKEN})
        assert again.stdout.startswith("nothing changed")
        assert len(hub.requests) == len(index.requests) == len(podping.requests) == 1


def test_a_failed_ping_is_a_warning_not_a_failed_publish(show: Path, tmp_path: Path):
    with recording_server(status=500) as hub:
        set_base_url(show, BASE, f'to = "../site"\nwebsub_hub = "{hub.url}"\n'
                                 f'podcastindex = true\n'
                                 f'podcastindex_url = "http://127.0.0.1:{free_port()}/"\n'
                                 "podping = true\n")
        result = run_cli("publish", cwd=show, env={"RECAPCAST_PODPING_TOKEN": ""})
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "site" / "feed" / "feed.xml").is_file()
    warnings = [line for line in result.stderr.splitlines() if line.startswith("warning:")]
    assert warnings == [
        "warning: could not notify WebSub hub: HTTP 500 Internal Server Error",
        "warning: could not notify Podcast Index: no answer (Connection refused)",
        "warning: could not notify podping: RECAPCAST_PODPING_TOKEN is not set"]
    assert len(hub.requests) == 1
