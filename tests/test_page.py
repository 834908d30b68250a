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
from lxml import html as lxml_html

from published import LONG_SENTENCE, publish_two_episodes, serving
from recapcast.config import load_project
from recapcast.publish.catalog import write_feed

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
    assert LONG_SENTENCE in text  # ep4's
    (subscribe,) = [a for t, a in page.tags if t == "a" and a.get("id") == "subscribe"]
    assert subscribe["href"] == "feed.xml"
    assert "http://127.0.0.1:8000/feed/feed.xml" in text
    assert not [a for t, a in page.tags if t in ("script", "link", "img")
                and "://" in (a.get("src", "") + a.get("href", ""))], "no external assets"


def _vtt(path: Path) -> list[tuple[float, str]]:
    """(start in seconds, text) of each cue of a WebVTT file."""
    cues = []
    for block in path.read_text(encoding="utf-8").split("\n\n")[1:]:
        lines = block.strip().split("\n")
        h, m, rest = lines[1].split(" --> ")[0].split(":")
        cues.append((int(h) * 3600 + int(m) * 60 + float(rest), " ".join(lines[2:])))
    return cues


def _tree(show: Path):
    return lxml_html.fromstring((show / "feed" / "index.html").read_bytes())


def test_the_transcript_is_shown_by_paragraph_and_sentence(show: Path):
    tree = _tree(show)
    ep3 = tree.get_element_by_id("ep3").find_class("transcript")[0]
    cues = _vtt(show / "audio" / "ep3.vtt")
    starts = {text: start for start, text in cues}
    # Each paragraph of the script is one <p>, each of its sentences a span that seeks.
    paragraphs = [[(s.text, float(s.get("data-t"))) for s in p.findall("span")]
                  for p in ep3.findall("p")]
    # The opening is a paragraph of its own, before the script's first one.
    assert [text for text, _ in paragraphs[0]] == ["Test Show.",
                                                   "Season 1, episode 3: A Short Test."]
    assert paragraphs[1] == [("Jessica walks into the bar.", starts["Jessica walks into the bar."]),
                             ("She orders a drink and waits.",
                              starts["She orders a drink and waits."])]
    assert [s.text for s in ep3.xpath("blockquote/p/span")] == \
        ["I can only fight one big bad at a time."]
    headings = [(h.text, float(h.get("data-t"))) for h in ep3.findall("h4")]
    assert headings == [("Opening", starts["Opening"]), ("The Chase", starts["The Chase"])]
    # ep4's long sentence spans two caption cues, and is one sentence on the page.
    cues = _vtt(show / "audio" / "ep4.vtt")
    (first,) = [i for i, (_, text) in enumerate(cues) if LONG_SENTENCE.startswith(text)
                and text != LONG_SENTENCE]
    assert f"{cues[first][1]} {cues[first + 1][1]}" == LONG_SENTENCE
    ep4 = tree.get_element_by_id("ep4").find_class("transcript")[0]
    (long,) = [s for s in ep4.xpath(".//span[@data-t]") if LONG_SENTENCE in s.text_content()]
    assert long.text_content() == LONG_SENTENCE
    assert float(long.get("data-t")) == cues[first][0]
    assert not [s for s in ep4.xpath(".//span") if s.text_content() == cues[first + 1][1]]


def test_the_feed_address_may_wrap_only_at_its_slashes(show: Path):
    page = (show / "feed" / "index.html").read_text(encoding="utf-8")
    assert '<code id="feed-url">http://<wbr>127.0.0.1:8000/<wbr>feed/<wbr>feed.xml</code>' in page
    style = "".join(_tree(show).xpath("//style/text()"))
    assert "#feed-url{overflow-wrap:normal;word-break:keep-all}" in style


# What each audio element of the page is doing, for a failure's message.
_MEDIA_STATE = """JSON.stringify(Array.from(document.querySelectorAll('audio')).map(a => ({
  src: a.currentSrc, paused: a.paused, t: a.currentTime, ready: a.readyState,
  network: a.networkState, error: a.error && a.error.code})))"""


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
            time.sleep(0.02)
        raise AssertionError(f"timed out waiting for {expression}: {self.js(expression)!r} "
                             f"(media: {self.js(_MEDIA_STATE)})")

    def open(self, url: str) -> None:
        self.page("Page.navigate", {"url": url})
        self.wait_for("document.readyState === 'complete' && location.href !== 'about:blank'")

    def click(self, selector: str) -> None:
        """A real mouse click in the middle of the element (a user gesture, so play works)."""
        # The first line box: the middle of an inline element that wraps may be another's.
        # The point is taken only once the element is what is hit there: under load a
        # viewport change (an emulated screen cleared) can reach layout after a first look.
        x, y = self.wait_for(f"""(() => {{ const e = document.querySelector({json.dumps(selector)});
            e.scrollIntoView({{block: 'center'}}); const r = e.getClientRects()[0];
            const x = r.x + r.width / 2, y = r.y + r.height / 2;
            const hit = document.elementFromPoint(x, y);
            return hit && (hit === e || e.contains(hit)) ? [x, y] : null; }})()""")
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
        assert chromium.js("document.getElementById('feed-url').textContent") == \
            f"{base}feed/feed.xml"
        # On a narrow phone screen the address wraps, and only right after a slash.
        chromium.page("Emulation.setDeviceMetricsOverride",
                      {"width": 200, "height": 700, "deviceScaleFactor": 1, "mobile": False})
        breaks = chromium.js(_LINE_BREAKS)
        chromium.page("Emulation.clearDeviceMetricsOverride")
        chromium.wait_for("window.innerWidth > 200")
        assert breaks and set(breaks) == {"/"}, breaks
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
    cues = _vtt(show / "audio" / "ep4.vtt")
    (first,) = [i for i, (_, text) in enumerate(cues) if LONG_SENTENCE.startswith(text)
                and text != LONG_SENTENCE]
    start, second = cues[first][0], cues[first + 1][0]
    chromium.open((show / "feed" / "index.html").as_uri())
    chromium.js("document.querySelector('#ep4 details.transcript').open = true")
    # The sentence that spans two cues is one element, and clicking it seeks to its start.
    spans = chromium.js("Array.from(document.querySelectorAll('#ep4 .transcript [data-t]'))"
                        ".map((e, i) => [i, e.textContent, Number(e.dataset.t)])")
    (index,) = [i for i, text, _ in spans if text == LONG_SENTENCE]
    assert spans[index][2] == start
    chromium.click(f"#ep4 .transcript span[data-t='{start:.3f}']")
    chromium.wait_for(_audio("ep4", f"!a.paused && a.currentTime >= {start} "
                                    f"&& a.currentTime < {second}"))
    # A click on another sentence seeks there.
    chromium.click("#ep4 .transcript p span[data-t]")
    first_sentence = spans[1][2]
    chromium.wait_for(_audio("ep4", f"!a.paused && a.currentTime >= {first_sentence} "
                                    f"&& a.currentTime < {start}"))


# Each character of the feed address that starts a new line, as the character before it.
_LINE_BREAKS = """(() => {
  const code = document.getElementById('feed-url');
  code.scrollIntoView();
  const walker = document.createTreeWalker(code, NodeFilter.SHOW_TEXT);
  const breaks = [];
  let top = null, before = '';
  while (walker.nextNode()) {
    const node = walker.currentNode;
    for (let i = 0; i < node.length; i++) {
      const range = document.createRange();
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      const rect = range.getClientRects()[0];
      if (!rect) continue;
      if (top !== null && rect.top > top + 1) breaks.push(before);
      top = rect.top;
      before = node.data[i];
    }
  }
  return breaks;
})()"""


def test_a_transcript_that_no_longer_matches_its_script_keeps_sentences(show: Path,
                                                                       tmp_path: Path):
    root = Path(shutil.copytree(show, tmp_path / "show"))
    script = root / "scripts" / "ep4.md"
    # Edited since the build: the captions no longer match the script's sentences.
    script.write_text(script.read_text().replace("She orders a drink and waits.",
                                                 "She waits."))
    (root / "audio" / "ep3.vtt").unlink()
    write_feed(load_project(root))
    tree = _tree(root)
    ep4 = tree.get_element_by_id("ep4").find_class("transcript")[0]
    sentences = [s.text_content() for s in ep4.xpath(".//span[@data-t]")]
    assert LONG_SENTENCE in sentences and "She orders a drink and waits." in sentences
    # Without captions, the script's text by paragraph and sentence, untimed but headings.
    ep3 = tree.get_element_by_id("ep3").find_class("transcript")[0]
    assert ep3.findall("p")[0].text_content() == \
        "Jessica walks into the bar. She orders a drink and waits."
    assert not ep3.xpath(".//span[@data-t]")
    assert [h.text for h in ep3.xpath("h4[@data-t]")] == ["Opening", "The Chase"]
