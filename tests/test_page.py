"""The show page feed/index.html: its content, and playing and seeking in headless Chromium."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import time
from html.parser import HTMLParser
from pathlib import Path

import pytest

from published import publish_two_episodes, serving

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="module")
def show(tmp_path_factory) -> Path:
    return publish_two_episodes(tmp_path_factory.mktemp("page") / "show")


class _Page(HTMLParser):
    """Collects the attributes of every element, by tag."""

    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def _parse(show: Path) -> _Page:
    page = _Page()
    page.feed((show / "feed" / "index.html").read_text(encoding="utf-8"))
    return page


def test_the_page_lists_episodes_with_player_chapters_transcript_and_subscribe(show: Path):
    page = _parse(show)
    text = "".join(page.text)
    assert text.index("The Second Test") < text.index("A Short Test")
    (img,) = [a for t, a in page.tags if t == "img"]
    assert (show / "feed" / img["src"]).is_file()
    audios = [a["src"] for t, a in page.tags if t == "audio"]
    assert [src.split("?")[0] for src in audios] == ["../audio/ep4.mp3", "../audio/ep3.mp3"]
    assert all((show / "feed" / src.split("?")[0]).is_file() for src in audios)
    seeks = [float(a["data-t"]) for t, a in page.tags if t == "button" and "data-t" in a]
    manifest = json.loads((show / "audio" / "ep3.json").read_text())
    assert seeks[-3:] == [c["start_ms"] / 1000 for c in manifest["chapters"]]
    assert "The night is cold and quiet." in text  # ep3's transcript, from its VTT
    assert "The morning is bright and loud." in text  # ep4's
    (subscribe,) = [a for t, a in page.tags if t == "a" and a.get("id") == "subscribe"]
    assert subscribe["href"] == "feed.xml"
    assert "http://127.0.0.1:8000/feed/feed.xml" in text
    assert not [a for t, a in page.tags if t in ("script", "link", "img")
                and "://" in (a.get("src", "") + a.get("href", ""))], "no external assets"


class Chromium:
    """Headless Chromium driven over the DevTools protocol on a pipe (fds 3 and 4)."""

    def __init__(self, user_data_dir: Path):
        to_child, self._to_us = os.pipe(), os.pipe()

        def wire():
            a, b = os.dup(to_child[0]), os.dup(self._to_us[1])
            os.dup2(a, 3)
            os.dup2(b, 4)

        self.proc = subprocess.Popen(
            [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             "--no-first-run", "--mute-audio", f"--user-data-dir={user_data_dir}",
             "--remote-debugging-pipe", "about:blank"],
            pass_fds=(3, 4), preexec_fn=wire, stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(to_child[0])
        os.close(self._to_us[1])
        self._write = to_child[1]
        self._buffer = b""
        self._id = 0
        targets = self.send("Target.getTargets")["targetInfos"]
        page = next(t for t in targets if t["type"] == "page")
        self.session = self.send("Target.attachToTarget",
                                 {"targetId": page["targetId"], "flatten": True})["sessionId"]

    def send(self, method: str, params: dict | None = None, session: str | None = None) -> dict:
        self._id += 1
        message = {"id": self._id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self._write, json.dumps(message).encode() + b"\0")
        while True:
            while b"\0" not in self._buffer:
                chunk = os.read(self._to_us[0], 1 << 16)
                if not chunk:
                    raise AssertionError("chromium closed the DevTools pipe")
                self._buffer += chunk
            raw, self._buffer = self._buffer.split(b"\0", 1)
            reply = json.loads(raw)
            if reply.get("id") == self._id:
                if "error" in reply:
                    raise AssertionError(f"{method}: {reply['error']}")
                return reply["result"]

    def page(self, method: str, params: dict | None = None) -> dict:
        return self.send(method, params, self.session)

    def js(self, expression: str):
        result = self.page("Runtime.evaluate", {"expression": expression,
                                                "returnByValue": True})
        if "exceptionDetails" in result:
            raise AssertionError(result["exceptionDetails"])
        return result["result"].get("value")

    def wait_for(self, expression: str, timeout: float = 20.0):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            value = self.js(expression)
            if value:
                return value
            time.sleep(0.1)
        raise AssertionError(f"timed out waiting for {expression}: {self.js(expression)!r}")

    def open(self, url: str) -> None:
        self.page("Page.navigate", {"url": url})
        self.wait_for("document.readyState === 'complete' && location.href !== 'about:blank'")

    def click(self, selector: str) -> None:
        """A real mouse click in the middle of the element (a user gesture, so play works)."""
        x, y = self.js(f"""(() => {{ const e = document.querySelector({json.dumps(selector)});
            e.scrollIntoView({{block: 'center'}}); const r = e.getBoundingClientRect();
            return [r.x + r.width / 2, r.y + r.height / 2]; }})()""")
        for kind in ("mousePressed", "mouseReleased"):
            self.page("Input.dispatchMouseEvent",
                      {"type": kind, "x": x, "y": y, "button": "left", "clickCount": 1})

    def close(self) -> None:
        try:
            self.send("Browser.close")
        except (AssertionError, OSError):
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        os.close(self._write)
        os.close(self._to_us[0])


@pytest.fixture
def chromium(tmp_path: Path):
    if CHROMIUM is None:
        pytest.skip("chromium is not installed (Debian: apt-get install chromium)")
    browser = Chromium(tmp_path / "chromium-profile")
    yield browser
    browser.close()


def _audio(episode_id: str, expression: str) -> str:
    return f"(() => {{ const a = document.querySelector('#{episode_id} audio'); " \
           f"return {expression}; }})()"


def test_chromium_plays_an_episode_and_seeks_to_a_chapter(show: Path, chromium: Chromium):
    manifest = json.loads((show / "audio" / "ep3.json").read_text())
    chase = manifest["chapters"][2]
    assert chase["title"] == "The Chase"
    start = chase["start_ms"] / 1000
    with serving(show) as base:
        chromium.open(f"{base}feed/index.html")
        assert chromium.js("document.getElementById('subscribe').href") == \
            f"{base}feed/feed.xml"
        chromium.click("#ep3 ol.chapters li:nth-child(3) button")
        # Playing from the chapter: time moves on past its start, with no media error.
        chromium.wait_for(_audio("ep3", f"!a.paused && a.currentTime > {start + 0.5} "
                                        f"&& a.currentTime < {start + 5}"))
        assert chromium.js(_audio("ep3", "a.error")) is None
        assert chromium.js(_audio("ep3", "a.duration")) == pytest.approx(
            manifest["duration_s"], abs=0.1)
        assert chromium.js("document.querySelector('#ep3 .now').textContent").endswith(
            " The Chase")
        chromium.click("#ep3 ol.chapters li:nth-child(2) button")
        second = manifest["chapters"][1]["start_ms"] / 1000
        chromium.wait_for(_audio("ep3", f"!a.paused && a.currentTime >= {second} "
                                        f"&& a.currentTime < {start}"))


def test_chromium_seeks_from_the_transcript_of_a_page_opened_from_disk(show: Path,
                                                                     chromium: Chromium):
    chromium.open((show / "feed" / "index.html").as_uri())
    chromium.js("document.querySelector('#ep3 details.transcript').open = true")
    chromium.click("#ep3 details.transcript p[data-t]:nth-of-type(2)")
    cue = float(chromium.js("document.querySelectorAll('#ep3 details.transcript p[data-t]')"
                            "[1].dataset.t"))
    chromium.wait_for(_audio("ep3", f"!a.paused && a.currentTime > {cue}"))
