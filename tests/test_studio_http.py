"""``recapcast studio`` over real HTTP on 127.0.0.1: the guard, saving with conflicts,
episode states, builds behind the lock, take readings and import (the tone engine)."""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path

import pytest

from conftest import make_show, run_cli
from recapcast.config import load_project
from recapcast.safety.lock import build_lock
from recapcast.text.script import parse_script, render_script
from studio_server import Studio, running_studio


@pytest.fixture(scope="module")
def show(tmp_path_factory) -> Path:
    return make_show(tmp_path_factory.mktemp("studio") / "show")


@pytest.fixture(scope="module")
def studio(show: Path):
    with running_studio(show) as running:
        yield running


def _events(studio: Studio, since: int, wanted: str, episode: str, timeout: float = 120
            ) -> list[dict]:
    """Read the progress stream from event ``since`` until an event of type ``wanted``."""
    import http.client

    connection = http.client.HTTPConnection("127.0.0.1", studio.port, timeout=timeout)
    connection.request("GET", f"/api/events?since={since}",
                       headers={"Cookie": studio.cookie})
    response = connection.getresponse()
    assert response.status == 200
    assert response.getheader("content-type").startswith("text/event-stream")
    seen = []
    deadline = time.monotonic() + timeout
    try:
        while time.monotonic() < deadline:
            line = response.fp.readline().decode()
            if line.startswith("data: "):
                event = json.loads(line[6:])
                seen.append(event)
                if event["type"] == wanted and event.get("episode", episode) == episode:
                    return seen
    finally:
        connection.close()
    raise AssertionError(f"no {wanted} event: {seen}")


def test_a_request_without_the_token_is_refused(studio: Studio):
    for path in ("/", "/api/episodes", "/api/episodes/ep3", "/static/studio.js"):
        status, _, body = studio.request("GET", path, cookie=False)
        assert status == 403, path
        assert b"token" in body
    status, _, _ = studio.request("GET", "/", headers={
        "Cookie": f"recapcast-studio-{studio.port}=not-the-token"}, cookie=False)
    assert status == 403
    status, _, _ = studio.request("GET", "/?token=wrong", cookie=False)
    assert status == 403
    # The printed address sets the cookie and drops the token from the address bar.
    status, headers, _ = studio.request("GET", f"/?token={studio.token}", cookie=False)
    assert status == 303 and headers["location"] == "/"
    cookie = headers["set-cookie"]
    assert cookie.startswith(f"recapcast-studio-{studio.port}={studio.token};")
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie
    status, _, body = studio.request("GET", "/")
    assert status == 200 and b"recapcast studio" in body


def test_a_foreign_host_is_refused(studio: Studio):
    # A DNS-rebinding page reaches 127.0.0.1 under its own name: its Host gives it away.
    for host in ("evil.example", f"evil.example:{studio.port}", f"127.0.0.1:{studio.port + 1}",
                 "127.0.0.1"):
        status, _, body = studio.request("GET", "/api/episodes", headers={"Host": host})
        assert status == 403 and b"unknown host" in body, host
    assert studio.request("GET", "/api/episodes",
                          headers={"Host": f"localhost:{studio.port}"})[0] == 200


def test_a_cross_origin_write_is_refused(studio: Studio, show: Path):
    script = show / "scripts" / "ep3.md"
    before = script.read_bytes()
    edit = {**studio.block_at("ep3", 1), "block": {"kind": "paragraph", "text": "Hijacked."}}
    for headers in ({"Origin": "http://evil.example"}, {"Origin": None},
                    {"Origin": f"http://localhost:{studio.port + 1}"}):
        status, _, body = studio.request("POST", "/api/episodes/ep3/block", edit,
                                         headers=headers)
        assert status == 403 and b"cross-origin" in body, headers
    # A form post, which a foreign page can send without asking, is not JSON.
    status, _, _ = studio.request("POST", "/api/episodes/ep3/save", b"mode=mine",
                                  headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert status == 415
    assert studio.api("/api/episodes/ep3")["dirty"] is False
    assert script.read_bytes() == before


def test_no_path_outside_the_show_is_served(studio: Studio):
    for path in ("/api/takes/..%2f..%2frecapcast.toml", "/api/takes/" + "0" * 64,
                 "/api/episodes/..%2frecapcast/audio", "/static/../../recapcast.toml",
                 "/api/episodes/ep3%2f..%2f..%2fx"):
        status, _, body = studio.request("GET", path)
        assert status in (400, 404), (path, status)
        assert b"[show]" not in body


def test_a_conflicting_edit_on_disk_is_reported_and_neither_is_lost(studio: Studio, show: Path):
    script = show / "scripts" / "ep3.md"
    original = script.read_text("utf-8")
    try:
        view = studio.api("/api/episodes/ep3")
        index = next(i for i, b in enumerate(view["blocks"]) if b["kind"] == "paragraph")
        mine = studio.edit_block("ep3", index, {"kind": "paragraph",
                                                "text": "Jessica walks into the studio."})
        assert mine["dirty"] and not mine["disk_changed"]
        # Meanwhile the user edits the file in their own editor.
        theirs = original.replace("The night is cold and quiet.", "The night is warm.")
        script.write_text(theirs, "utf-8")
        assert studio.api("/api/episodes/ep3")["disk_changed"] is True
        result = studio.api("/api/episodes/ep3/save", {"mode": "save"})
        assert result["saved"] is False
        assert "Jessica walks into the studio." in result["conflict"]["mine"]
        assert result["conflict"]["disk"] == theirs
        assert script.read_text("utf-8") == theirs  # nothing written
        # Keeping mine writes it, and puts the disk version in a side file first.
        result = studio.api("/api/episodes/ep3/save", {"mode": "mine"})
        assert result["saved"] is True
        side = show / result["side_file"]
        assert side.parent == script.parent and side.name.startswith("ep3.disk-")
        assert side.read_text("utf-8") == theirs
        saved = script.read_text("utf-8")
        assert "Jessica walks into the studio." in saved and "The night is warm." not in saved
        assert render_script(parse_script(saved, "ep3")) == saved
        assert load_project(show).episode_ids() == ["ep3"]  # the side file is no episode
        side.unlink()
    finally:
        script.write_text(original, "utf-8")
        studio.api("/api/episodes/ep3/discard", {})


def test_taking_the_disk_version_keeps_the_edits_in_a_side_file(studio: Studio, show: Path):
    script = show / "scripts" / "ep3.md"
    original = script.read_text("utf-8")
    try:
        studio.edit_block("ep3", 0, {"kind": "heading", "text": "A New Opening"})
        theirs = original.replace("# Opening", "# Their Opening")
        script.write_text(theirs, "utf-8")
        assert studio.api("/api/episodes/ep3/save", {})["conflict"]
        result = studio.api("/api/episodes/ep3/save", {"mode": "theirs"})
        side = show / result["side_file"]
        assert "# A New Opening" in side.read_text("utf-8")
        assert result["view"]["blocks"][0]["text"] == "Their Opening"
        assert not result["view"]["dirty"]
        assert script.read_text("utf-8") == theirs
        side.unlink()
    finally:
        script.write_text(original, "utf-8")
        studio.api("/api/episodes/ep3/discard", {})


def _state(studio: Studio, episode_id: str) -> dict:
    return next(e for e in studio.api("/api/episodes")["episodes"] if e["id"] == episode_id)


def _build(studio: Studio, episode_id: str, wanted: str = "done") -> list[dict]:
    since = len(_events_so_far(studio))
    studio.api(f"/api/episodes/{episode_id}/build", {})
    return _events(studio, since, wanted, episode_id)


def _events_so_far(studio: Studio) -> list[dict]:
    """Every event so far (the stream replays them from 0, then the lock state)."""
    events = _events(studio, 0, "lock", "")
    return [e for e in events if "n" in e]


def test_episode_states_follow_builds_edits_and_failures(studio: Studio, show: Path):
    text = (show / "scripts" / "ep3.md").read_text("utf-8")
    (show / "scripts" / "ep5.md").write_text(
        text.replace("A Short Test", "States").replace("1b4e28ba", "2c4e28ba"), "utf-8")
    assert _state(studio, "ep5")["state"] == "not built"
    events = _build(studio, "ep5")
    kinds = [e["type"] for e in events if e.get("episode") == "ep5"]
    assert kinds[:3] == ["start", "building", "plan"] and kinds[-1] == "done"
    assert kinds.count("take") == next(e["total"] for e in events if e["type"] == "plan")
    row = _state(studio, "ep5")
    assert row["state"] == "up to date" and row["audio"] == "/api/episodes/ep5/audio"
    status, headers, body = studio.request("GET", row["audio"], headers={"Range": "bytes=0-99"})
    assert status == 206 and headers["content-type"] == "audio/mpeg" and len(body) == 100
    # A CLI build now has nothing to do: the studio's state is the build's own no-op test.
    assert "is up to date" in run_cli("build", "ep5", cwd=show, check=True).stdout
    (show / "scripts" / "ep5.md").write_text(text.replace("States", "Changed")
                                             .replace("A Short Test", "Changed"), "utf-8")
    assert _state(studio, "ep5")["state"] == "changed"
    (show / "scripts" / "ep5.md").write_text(text.replace("# Opening", "## "), "utf-8")
    row = _state(studio, "ep5")
    assert row["state"] == "unreadable" and "empty heading" in row["message"]
    # A script check finds an error in is not built: refused before a take is spoken,
    # with check's message; the state says so until the script changes.
    (show / "scripts" / "ep5.md").write_text(
        "---\ntitle: \"Nothing\"\n---\n\n# ...\n", "utf-8")
    status, _, body = studio.request("POST", "/api/episodes/ep5/build", {})
    assert status == 400 and json.loads(body)["error"].startswith(
        "scripts/ep5.md:5: error: nothing to speak")
    row = _state(studio, "ep5")
    assert row["state"] == "has errors" and "nothing to speak" in row["message"]
    (show / "scripts" / "ep5.md").unlink()


def test_a_cli_build_holding_the_lock_is_shown_and_a_studio_build_waits(studio: Studio,
                                                                        show: Path):
    project = load_project(show)
    held = threading.Event()
    release = threading.Event()

    def cli_build():
        with build_lock(project.cache_dir):
            held.set()
            release.wait(60)

    holder = threading.Thread(target=cli_build)
    holder.start()
    try:
        assert held.wait(10)
        events = _events(studio, 10**6, "lock", "")
        assert events[-1] == {"type": "lock", "busy": True}
        since = len(_events_so_far(studio))
        studio.api("/api/episodes/ep3/build", {"force": True})
        waiting = _events(studio, since, "waiting", "ep3")
        assert "another build" in waiting[-1]["message"]
    finally:
        release.set()
        holder.join()
    events = _events(studio, since, "done", "ep3")
    assert [e["type"] for e in events].index("waiting") < [e["type"] for e in events].index(
        "building")


def test_a_new_reading_is_listed_restorable_and_what_the_build_uses(studio: Studio,
                                                                   show: Path):
    view = studio.api("/api/episodes/ep3")
    sentence = studio.segment_at("ep3", 1, 1, view)
    first = studio.api("/api/episodes/ep3/speak", sentence)
    assert first["reading"] == 0
    second = studio.api("/api/episodes/ep3/respeak", sentence)
    assert second["reading"] == 1 and second["url"] != first["url"]
    assert [(r["reading"], r["chosen"]) for r in second["readings"]] == [(0, False), (1, True)]
    assert studio.api("/api/episodes/ep3")["blocks"][1]["sentences"][1]["reading"] == 1
    _build(studio, "ep3")
    assert _state(studio, "ep3")["state"] == "up to date"
    restored = studio.api("/api/episodes/ep3/choose", {**sentence, "reading": 0})
    assert [(r["reading"], r["chosen"]) for r in restored["readings"]] == [(0, True), (1, False)]
    # The choice is an input of the build: the episode is no longer up to date.
    assert _state(studio, "ep3")["state"] == "changed"
    status, _, body = studio.request("POST", "/api/episodes/ep3/choose",
                                     {**sentence, "reading": 7})
    assert status == 400 and b"no reading 7" in body


def test_import_pasted_text_and_an_uploaded_file_as_the_cli_does(studio: Studio, show: Path,
                                                                tmp_path: Path):
    import base64

    recap = ("Harbor Lights, Episode 4: The Long Tide\n\nInes sails out at dawn. "
             "The storm follows her.\n\nEpisode 4: The Long Tide\n\nKenji waits on the pier.\n")
    result = studio.api("/api/import", {"episode": "ep40", "text": recap})
    assert result == {"episode": "ep40", "script": "scripts/ep40.md"}
    (tmp_path / "recap.txt").write_text(recap, "utf-8")
    run_cli("import", str(tmp_path / "recap.txt"), "ep41", cwd=show, check=True)

    def body(name: str) -> list[str]:
        lines = (show / "scripts" / name).read_text("utf-8").splitlines()
        return [line for line in lines if not line.startswith("guid:")]

    assert body("ep40.md") == body("ep41.md")
    status, _, data = studio.request("POST", "/api/import", {"episode": "ep40", "text": recap})
    assert status == 400 and b"already exists" in data
    upload = {"name": "recap.txt", "data": base64.b64encode(recap.encode("cp1252")).decode()}
    assert studio.api("/api/import", {"episode": "ep42", "file": upload})["episode"] == "ep42"
    assert body("ep42.md") == body("ep41.md")
    status, _, data = studio.request("POST", "/api/import", {"episode": "../x", "text": recap})
    assert status == 400 and b"invalid episode id" in data
    for name in ("ep40.md", "ep41.md", "ep42.md"):
        (show / "scripts" / name).unlink()


def test_headings_quotes_pauses_and_pronunciations_are_added_changed_and_saved(
        studio: Studio, show: Path):
    script = show / "scripts" / "ep3.md"
    original = script.read_text("utf-8")
    try:
        def block(index: int, insert: bool = False, **fields) -> dict:
            if insert:
                return studio.insert_block("ep3", index, fields)
            return studio.edit_block("ep3", index, fields)

        block(0, True, kind="pronounce", word="Kilgrave", says="KILL-grave")
        block(2, True, kind="heading", text="A  New\nChapter")
        block(3, True, kind="quote", text="Every hero needs a villain.", speaker="Trish")
        view = block(3, kind="quote", text="Every hero needs a villain.",
                     speaker="Trish Walker")
        view = block(4, True, kind="pause", seconds=2.5)
        assert [b["kind"] for b in view["blocks"][:5]] == [
            "pronounce", "heading", "heading", "quote", "pause"]
        quote = view["blocks"][3]["sentences"]
        assert [(s["role"], s["speaker"]) for s in quote] == [("narrator", ""),
                                                             ("quote", "Trish Walker")]
        assert quote[0]["written"] == "In the words of Trish Walker:"
        for bad in ({"kind": "pause", "seconds": 99}, {"kind": "pronounce", "word": "Kilgrave",
                    "says": ""}, {"kind": "quote", "text": " "}, {"kind": "chorus"}):
            status, _, body = studio.request("POST", "/api/episodes/ep3/block",
                                             {**studio.block_at("ep3", 0), "block": bad})
            assert status == 400, (bad, body)
        assert studio.api("/api/episodes/ep3/save", {})["saved"]
        saved = script.read_text("utf-8")
        assert "[pronounce Kilgrave = KILL-grave]\n\n# Opening\n\n# A New Chapter\n\n" \
               "> Every hero needs a villain.\n> — Trish Walker\n\n[pause 2.5s]\n" in saved
        assert render_script(parse_script(saved, "ep3")) == saved
        view = studio.delete_block("ep3", 2)
        assert "A New Chapter" not in json.dumps(view["blocks"]) and view["dirty"]
    finally:
        script.write_text(original, "utf-8")
        studio.api("/api/episodes/ep3/discard", {})


def test_ctrl_c_while_a_build_waits_for_the_lock_stops_the_studio_cleanly(tmp_path: Path):
    show = make_show(tmp_path / "show")
    release = threading.Event()
    held = threading.Event()

    def cli_build():
        with build_lock(load_project(show).cache_dir):
            held.set()
            release.wait(60)

    holder = threading.Thread(target=cli_build)
    holder.start()
    try:
        assert held.wait(10)
        with running_studio(show) as studio:
            studio.api("/api/episodes/ep3/build", {})
            _events(studio, 0, "waiting", "ep3")
        # running_studio has sent Ctrl-C and seen it exit 0 with "stopped".
        assert not (show / "audio").exists()
        assert not [p for p in show.rglob("*") if p.name.startswith(".recapcast-tmp-")]
        assert not (show / ".cache" / "studio" / "failed-builds.json").exists()
    finally:
        release.set()
        holder.join()


def test_import_a_web_address_as_the_cli_does_and_nothing_but_one(studio: Studio, show: Path):
    import functools
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    site = show.parent / "site"
    site.mkdir()
    (site / "recap.html").write_text(
        "<html><head><title>Harbor Lights Season 3, Episode 4 Recap: 'The Long Tide' | TV</title>"
        "</head><body><nav><a href='/'>Home</a> <a href='/tv'>TV</a></nav><article>"
        "<h1>Harbor Lights Season 3, Episode 4 Recap: \"The Long Tide\"</h1>"
        "<p>Ines sails out at dawn, and the whole harbour watches her go past the lighthouse."
        "</p><h2>The Storm</h2><p>The storm follows her out past the point, and by noon the "
        "radio is silent. Kenji waits on the pier until the lamps come on.</p></article>"
        "<footer>Copyright 2026 Example Media</footer></body></html>", "utf-8")
    handler = functools.partial(SimpleHTTPRequestHandler, directory=str(site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_port}/recap.html"
        assert studio.api("/api/import", {"episode": "ep43", "url": url})["episode"] == "ep43"
        run_cli("import", url, "ep44", cwd=show, check=True)
    finally:
        server.shutdown()
        server.server_close()

    def body(name: str) -> list[str]:
        lines = (show / "scripts" / name).read_text("utf-8").splitlines()
        return [line for line in lines if not line.startswith("guid:")]

    assert body("ep43.md") == body("ep44.md")
    assert 'title: "The Long Tide"' in body("ep43.md") and "# The Storm" in body("ep43.md")
    # A path or another scheme would let a page read files outside the show.
    for address in (str(site / "recap.html"), (site / "recap.html").as_uri()):
        status, _, data = studio.request("POST", "/api/import",
                                         {"episode": "ep45", "url": address})
        assert status == 400 and b"error" in data.lower(), data
    assert not (show / "scripts" / "ep45.md").exists()
    for name in ("ep43.md", "ep44.md"):
        (show / "scripts" / name).unlink()


def test_unsaved_edits_survive_a_studio_that_is_killed(tmp_path: Path):
    show = make_show(tmp_path / "show")
    script = show / "scripts" / "ep3.md"
    original = script.read_text("utf-8")
    with running_studio(show) as first:
        view = first.api("/api/episodes/ep3")
        index = next(i for i, b in enumerate(view["blocks"]) if b["kind"] == "paragraph")
        first.edit_block("ep3", index, {
            "kind": "paragraph", "text": "Jessica keeps this line through a crash."}, view)
        first.proc.kill()  # no chance to save anything on the way out
        first.proc.wait()
    assert script.read_text("utf-8") == original
    with running_studio(show) as second:
        view = second.api("/api/episodes/ep3")
        assert view["dirty"] and view["recovered"] and not view["disk_changed"]
        assert "Jessica keeps this line through a crash." in view["text"]
        assert next(e for e in second.api("/api/episodes")["episodes"]
                    if e["id"] == "ep3")["dirty"]
        assert second.api("/api/episodes/ep3/save", {})["saved"] is True
        assert "Jessica keeps this line through a crash." in script.read_text("utf-8")
        assert not second.api("/api/episodes/ep3")["recovered"]
    # Saved: a third run opens the file itself, nothing left to restore.
    with running_studio(show) as third:
        view = third.api("/api/episodes/ep3")
        assert not view["dirty"] and not view["recovered"]


def test_a_sentence_edit_keeps_the_paragraph_a_paragraph(studio: Studio, show: Path):
    script = show / "scripts" / "ep3.md"
    original = script.read_text("utf-8")
    try:
        view = studio.api("/api/episodes/ep3")
        index = next(i for i, b in enumerate(view["blocks"])
                     if b["kind"] == "paragraph" and b["text"].startswith("Jessica walks"))
        for text, refused in (("# Jessica arrives", "cannot start with # or >"),
                              ("> She waits", "cannot start with # or >"),
                              ("She waits [pause 3s] and drinks.", "[directive]"),
                              (None, "has no text")):
            body = studio.sentence_at("ep3", index, 0)
            if text is not None:
                body["text"] = text
            status, _, data = studio.request("POST", "/api/episodes/ep3/sentence", body)
            assert status == 400 and refused in json.loads(data)["error"], (text, data)
        assert studio.api("/api/episodes/ep3")["blocks"][index]["text"] == (
            "Jessica walks into the bar. She orders a drink and waits.")
        # A sentence typed without its full stop stays a sentence of its own.
        studio.api("/api/episodes/ep3/sentence", {**studio.sentence_at("ep3", index, 0),
                                                  "text": "Jessica walks in"})
        block = studio.api("/api/episodes/ep3")["blocks"][index]
        assert block["text"] == "Jessica walks in. She orders a drink and waits."
        assert [s["written"] for s in block["sentences"]] == [
            "Jessica walks in.", "She orders a drink and waits."]
        # An empty edit deletes the sentence (the page asks first).
        studio.api("/api/episodes/ep3/sentence", {**studio.sentence_at("ep3", index, 0),
                                                  "text": ""})
        assert studio.api("/api/episodes/ep3")["blocks"][index]["text"] == (
            "She orders a drink and waits.")
    finally:
        script.write_text(original, "utf-8")
        studio.api("/api/episodes/ep3/discard", {})
