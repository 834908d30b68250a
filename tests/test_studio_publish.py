"""The studio's Publish button over real HTTP on 127.0.0.1: the same publish as the CLI, its
progress as events, and each episode live, changed since the last publish, or scheduled."""

from __future__ import annotations

import http.client
import json
import time
from pathlib import Path

from conftest import SHORT_SCRIPT, run_cli
from published import publish_two_episodes
from publishing import live_feed_is_consistent, set_base_url
from studio_server import Studio, running_studio

BASE = "https://pods.example.org/show/"
LATER = (SHORT_SCRIPT.replace("episode: 3", "episode: 9").replace("2026-01-02",
                                                                  "2099-12-11T06:00:00Z")
         .replace("1b4e28ba-2fa1-11d2-883f-0016cb4a4c01", "c1d2e3f4-2fa1-11d2-883f-0016cb4a4c09"))


def _until(studio: Studio, since: int, wanted: tuple[str, ...], timeout: float = 120) -> dict:
    connection = http.client.HTTPConnection("127.0.0.1", studio.port, timeout=timeout)
    connection.request("GET", f"/api/events?since={since}", headers={"Cookie": studio.cookie})
    response = connection.getresponse()
    deadline = time.monotonic() + timeout
    try:
        while time.monotonic() < deadline:
            line = response.fp.readline().decode()
            if line.startswith("data: "):
                event = json.loads(line[6:])
                if event["type"] in wanted:
                    return event
    finally:
        connection.close()
    raise AssertionError(f"no {wanted} event")


def test_publish_from_the_studio(tmp_path: Path):
    show = publish_two_episodes(tmp_path / "show")
    (show / "scripts" / "ep9.md").write_text(LATER, encoding="utf-8")
    run_cli("build", "ep9", cwd=show, check=True)
    with running_studio(show) as studio:
        status, _, body = studio.request("POST", "/api/publish", {})
        assert status == 400 and json.loads(body)["error"] == "no publish target"

        set_base_url(show, BASE, 'to = "../site"\n')
        before = studio.api("/api/publish")
        assert before["to"] == "../site" and before["episodes"]["ep3"] == {"state":
                                                                          "unpublished"}
        assert before["episodes"]["ep9"] == {"state": "scheduled",
                                             "goes_out": "2099-12-11T06:00:00+00:00"}
        started = studio.api("/api/publish", {})
        assert started["started"] == str(tmp_path / "site")
        done = _until(studio, started["events"], ("publish-done", "publish-failed"))
        assert done["type"] == "publish-done" and done["uploaded"] == 11, done
        assert live_feed_is_consistent(tmp_path / "site", BASE) is True
        after = studio.api("/api/publish")["episodes"]
        assert after["ep3"] == after["ep4"] == {"state": "live"}
        assert after["ep9"]["state"] == "scheduled"

        script = show / "scripts" / "ep4.md"
        script.write_text(script.read_text("utf-8").replace("drives the long way",
                                                            "walks the long way"), "utf-8")
        run_cli("build", "ep4", cwd=show, check=True)
        assert studio.api("/api/publish")["episodes"]["ep4"] == {"state": "changed"}
