"""Stopping the studio and coming back: Ctrl-C with a page's progress stream open ends it
with one line and no traceback; the token (and port) survive a restart, private to the
user; ``--new-token`` replaces the token (real subprocesses and SIGINT)."""

from __future__ import annotations

import http.client
import stat
import wave
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


LONG = """---
title: "A Long One"
episode: 4
date: 2026-01-03
---

The storm that broke the pier came at night, and by morning the whole town knew that the
man who had been watching Jessica from the roof across the street for three long weeks was
not a stranger at all, but the brother she had buried twelve years before in the rain.
"""


def test_ctrl_c_while_a_take_is_being_made_and_heard_stops_cleanly(tmp_path: Path):
    """The voice runs on its own thread: the studio waits for the piece under way, so the
    process never exits while onnxruntime runs (that aborts it), and no take is left
    half-written."""
    show = make_show(tmp_path / "show", engine="piper", script=LONG, episode_id="ep4")
    with running_studio(show) as studio:
        view = studio.api("/api/episodes/ep4")
        sentence = view["blocks"][0]["sentences"][0]
        take = studio.api("/api/episodes/ep4/speak", {
            "id": view["blocks"][0]["id"], "segment": sentence["segment"],
            "written": sentence["written"]})
        assert take["live"] is True
        listening = http.client.HTTPConnection("127.0.0.1", studio.port, timeout=30)
        listening.request("GET", take["url"], headers={"Cookie": studio.cookie})
        response = listening.getresponse()
        assert response.status == 200 and response.read(44).startswith(b"RIFF")
        err = studio.stop()  # Ctrl-C while the rest of the take is being made
        assert err == "press Ctrl-C to stop\nstopped\n", err
        listening.close()
    for path in (show / ".cache" / "takes").rglob("*"):
        if path.is_file():
            with wave.open(str(path)) as whole:  # each take written is whole
                assert whole.getnframes() > 0
