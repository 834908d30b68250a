"""Stopping the studio and coming back: Ctrl-C with a page's progress stream open ends it
with one line and no traceback; the token (and port) survive a restart, private to the
user; ``--new-token`` replaces the token (real subprocesses and SIGINT)."""

from __future__ import annotations

import http.client
import stat
from pathlib import Path

from conftest import make_show
from studio_server import running_studio, state_home


def test_ctrl_c_with_a_page_open_stops_with_one_line(tmp_path: Path):
    show = make_show(tmp_path / "show")
    with running_studio(show) as studio:
        # A page's open progress stream (it never ends on its own) and a page request.
        stream = http.client.HTTPConnection("127.0.0.1", studio.port, timeout=30)
        stream.request("GET", "/api/events", headers={"Cookie": studio.cookie})
        response = stream.getresponse()
        assert response.status == 200
        response.fp.readline()
        assert studio.api("/api/episodes/ep3")["id"] == "ep3"
        err = studio.stop()  # Ctrl-C (SIGINT)
        assert err == "press Ctrl-C to stop\nstopped\n", err
        stream.close()


def test_the_token_survives_a_restart_and_new_token_replaces_it(tmp_path: Path):
    show = make_show(tmp_path / "show")
    with running_studio(show) as first:
        assert first.api("/api/episodes")["episodes"]
    kept = list((state_home(show) / "recapcast" / "studio").iterdir())
    assert len(kept) == 1 and first.token in kept[0].read_text("utf-8")
    assert stat.S_IMODE(kept[0].stat().st_mode) == 0o600
    assert stat.S_IMODE(kept[0].parent.stat().st_mode) == 0o700
    assert not any(first.token in p.read_text("utf-8", errors="replace")
                   for p in show.rglob("*") if p.is_file())  # nothing in the show folder
    # A bookmark (the same address) and an open tab's cookie work after a restart.
    with running_studio(show) as second:
        assert (second.port, second.token) == (first.port, first.token)
        assert second.request("GET", "/api/episodes")[0] == 200
        status, headers, _ = second.request("GET", f"/?token={first.token}", cookie=False)
        assert status == 303
    with running_studio(show, "--new-token") as third:
        assert third.token != first.token and third.port == first.port
        assert third.request("GET", "/api/episodes",
                             headers={"Cookie": first.cookie})[0] == 403
        assert third.request("GET", "/api/episodes")[0] == 200
