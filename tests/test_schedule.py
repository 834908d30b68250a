"""Scheduled episodes: a script dated in the future is built, but stays out of the feed and the
page until its time; no date in the feed comes from the future."""

from __future__ import annotations

import datetime as dt
import email.utils
import json
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from conftest import SHORT_SCRIPT, make_show, run_cli
from recapcast.config import load_project
from recapcast.model import EpisodeMeta
from recapcast.publish.deploy import publish_show
from recapcast.publish.rclone import parse_target

UTC = dt.UTC
LATER = (SHORT_SCRIPT.replace('title: "A Short Test"', 'title: "Friday\'s Episode"')
         .replace("episode: 3", "episode: 5").replace("2026-01-02", "2099-12-11T06:00:00Z")
         .replace("1b4e28ba-2fa1-11d2-883f-0016cb4a4c01", "9a4e28ba-2fa1-11d2-883f-0016cb4a4c05"))

# (date, time, now) -> (goes out, pubDate): a date alone goes out as its day begins (UTC) and
# is dated noon, the same day in every time zone, but never later than now.
GOLDEN = [
    ((dt.date(2026, 12, 11), dt.time(6, 0), dt.datetime(2026, 12, 11, 7, tzinfo=UTC)),
     (dt.datetime(2026, 12, 11, 6, tzinfo=UTC), dt.datetime(2026, 12, 11, 6, tzinfo=UTC))),
    ((dt.date(2026, 12, 11), None, dt.datetime(2026, 12, 12, tzinfo=UTC)),
     (dt.datetime(2026, 12, 11, tzinfo=UTC), dt.datetime(2026, 12, 11, 12, tzinfo=UTC))),
    ((dt.date(2026, 12, 11), None, dt.datetime(2026, 12, 11, 9, tzinfo=UTC)),
     (dt.datetime(2026, 12, 11, tzinfo=UTC), dt.datetime(2026, 12, 11, tzinfo=UTC))),
    ((dt.date(2026, 12, 11), None, dt.datetime(2026, 12, 11, 12, tzinfo=UTC)),
     (dt.datetime(2026, 12, 11, tzinfo=UTC), dt.datetime(2026, 12, 11, 12, tzinfo=UTC))),
]


@pytest.mark.parametrize(("given", "expected"), GOLDEN)
def test_when_an_episode_goes_out_and_the_date_it_carries(given, expected):
    date, time, now = given
    meta = EpisodeMeta(title="t", date=date, time=time)
    assert (meta.release_at(), meta.published_at(now)) == expected


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    root = make_show(tmp_path_factory.mktemp("schedule") / "show")
    (root / "scripts" / "ep5.md").write_text(LATER, encoding="utf-8")
    built = run_cli("build", "--all", cwd=root, check=True)
    assert ("ep5 is scheduled: it stays out of the feed and page until 2099-12-11 06:00 UTC"
            in built.stdout.splitlines())
    return root


def _feed(xml: bytes) -> tuple[list[str], dt.datetime]:
    channel = ET.fromstring(xml).find("channel")
    titles = [item.findtext("title") for item in channel.iter("item")]
    return titles, email.utils.parsedate_to_datetime(channel.findtext("lastBuildDate"))


def test_a_future_episode_is_built_but_kept_out_of_feed_and_page(built: Path):
    assert (built / "audio" / "ep5.mp3").is_file()
    titles, last_build = _feed((built / "feed" / "feed.xml").read_bytes())
    assert titles == ["A Short Test"]
    assert last_build <= dt.datetime.now(UTC)
    page = (built / "feed" / "index.html").read_text("utf-8")
    assert "A Short Test" in page and "Friday" not in page

    check = run_cli("check", "--feed", cwd=built)
    assert check.returncode == 0, check.stdout + check.stderr
    assert ("scheduled: ep5 (Friday's Episode) goes out 2099-12-11 06:00 UTC"
            in check.stdout)


def test_publish_puts_it_out_at_its_time_not_before(built: Path, tmp_path: Path):
    root = tmp_path / "show"
    shutil.copytree(built, root)
    project = load_project(root)
    target = parse_target(str(tmp_path / "site"), tmp_path)
    feed = tmp_path / "site" / "feed" / "feed.xml"

    before = publish_show(project, target, now=dt.datetime(2099, 12, 11, 5, 59, tzinfo=UTC))
    assert before.scheduled == [{"episode": "ep5", "title": "Friday's Episode",
                                 "goes_out": "2099-12-11T06:00:00+00:00"}]
    assert not [p for p in before.uploaded if p.startswith("audio/ep5.")]
    assert _feed(feed.read_bytes())[0] == ["A Short Test"]

    at = publish_show(project, target, now=dt.datetime(2099, 12, 11, 6, 0, tzinfo=UTC))
    assert at.scheduled == []
    assert sorted(p.split(".")[0] for p in at.uploaded) == [
        "audio/ep5", "audio/ep5", "audio/ep5", "audio/ep5", "feed/feed", "feed/index"]
    titles, last_build = _feed(feed.read_bytes())
    assert titles == ["Friday's Episode", "A Short Test"]
    assert last_build == dt.datetime(2099, 12, 11, 6, 0, tzinfo=UTC)


def test_the_cli_says_what_is_scheduled(built: Path, tmp_path: Path):
    result = run_cli("publish", "--to", str(tmp_path / "site"), "--json", cwd=built)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["scheduled"][0]["episode"] == "ep5"
    text = run_cli("publish", "--to", str(tmp_path / "site"), cwd=built, check=True).stdout
    assert "scheduled ep5: goes out 2099-12-11T06:00:00+00:00" in text
