"""The studio in headless Chromium with the real Piper voice: click a sentence and hear it,
edit it and hear the new take, save, try and keep a pronunciation, build and play."""

from __future__ import annotations

import json
import time
import tomllib
from pathlib import Path

import pytest

from conftest import make_show
from recapcast.text.script import parse_script, render_script
from studio_server import Studio, running_studio, studio_page
from test_page import Chromium


@pytest.fixture(scope="module")
def show(tmp_path_factory) -> Path:
    return make_show(tmp_path_factory.mktemp("studio-page") / "show", engine="piper")


@pytest.fixture(scope="module")
def studio(show: Path):
    with running_studio(show) as running:
        yield running


@pytest.fixture
def page(studio: Studio, tmp_path: Path):
    with studio_page(studio, tmp_path / "chromium-profile") as browser:
        yield browser


def _point(page: Chromium, expression: str) -> tuple[float, float]:
    """The middle of the first line box of an element (a sentence may wrap)."""
    return page.js(f"""(() => {{ const e = {expression}; e.scrollIntoView({{block: 'center'}});
        const r = e.getClientRects()[0]; return [r.x + Math.min(12, r.width / 2),
        r.y + r.height / 2]; }})()""")


def _click(page: Chromium, expression: str, count: int = 1) -> None:
    """A real mouse click (or double click) on an element: a user gesture."""
    x, y = _point(page, expression)
    for n in range(1, count + 1):
        for kind in ("mousePressed", "mouseReleased"):
            page.page("Input.dispatchMouseEvent", {"type": kind, "x": x, "y": y,
                                                   "button": "left", "clickCount": n})


def _type(page: Chromium, text: str, enter: bool = False) -> None:
    page.page("Input.insertText", {"text": text})
    if enter:
        for kind in ("keyDown", "keyUp"):
            page.page("Input.dispatchKeyEvent", {"type": kind, "key": "Enter", "code": "Enter",
                                                 "windowsVirtualKeyCode": 13})


def _sentence(text: str) -> str:
    return ("[...document.querySelectorAll('.sentence')].find(e => e.textContent === "
            f"{json.dumps(text)})")


def _plays(page: Chromium, audio: str, after: float = 0.3) -> None:
    """Wait until the audio element plays past ``after`` seconds, with no media error."""
    page.wait_for(f"(() => {{ const a = document.querySelector('{audio}'); return !a.paused "
                  f"&& a.currentTime > {after} && a.error === null; }})()", timeout=60)


_HEARD = ("(() => { const a = document.querySelector('#take-audio');"
          " return a.dataset.live || a.currentSrc; })()")
"""The take the page's player is playing: the address of a take played as it is made (a
stream has no ``src``), else its file's."""


def _takes(show: Path) -> set[Path]:
    return set((show / ".cache" / "takes").rglob("*.wav"))


def _written(show: Path, count: int) -> set[Path]:
    """The takes once ``count`` are written: one heard as it is made is written whole
    when its last piece is."""
    deadline = time.monotonic() + 30
    while len(_takes(show)) < count and time.monotonic() < deadline:
        time.sleep(0.05)
    return _takes(show)


def test_click_a_sentence_to_hear_it_edit_it_to_hear_the_new_take_then_save(
        page: Chromium, show: Path):
    _click(page, _sentence("Jessica walks into the bar."))
    _plays(page, "#take-audio")
    assert page.js("document.querySelector('#take-panel').hidden") is False
    first = page.js(_HEARD)
    assert first.startswith("http://127.0.0.1:")

    before = _written(show, 1)
    _click(page, "document.querySelector('#edit-sentence')")
    page.wait_for("document.activeElement.classList.contains('sentence-edit')")
    page.js("document.activeElement.select()")
    _type(page, "Jessica storms into the bar.", enter=True)
    page.wait_for("document.querySelector('#status').textContent.startsWith('spoke')",
                  timeout=60)
    assert page.js("document.querySelector('#status').textContent") == "spoke 1 new take(s)"
    _plays(page, "#take-audio")
    assert page.js(_HEARD) != first
    assert len(_written(show, len(before) + 1) - before) == 1  # the edited one only
    assert page.js(_sentence("Jessica storms into the bar.") + " !== undefined")

    script = show / "scripts" / "ep3.md"
    assert "storms" not in script.read_text("utf-8")  # not saved yet
    _click(page, "document.querySelector('#save')")
    page.wait_for("document.querySelector('#status').textContent.startsWith('saved')")
    saved = script.read_text("utf-8")
    assert "Jessica storms into the bar. She orders a drink and waits." in saved
    assert "walks" not in saved
    assert render_script(parse_script(saved, "ep3")) == saved
    assert page.js("document.querySelector('#save').disabled") is True


def test_try_a_pronunciation_and_keep_it_for_the_show(page: Chromium, show: Path):
    # Double-clicking a word selects it, which fills in the pronunciation panel.
    word = ("(() => { const e = " + _sentence("Cage follows her through the park.")
            + "; const r = document.createRange(); r.setStart(e.firstChild, 0);"
            " r.setEnd(e.firstChild, 4); return r; })()")
    x, y = page.js(f"(() => {{ const r = {word}.getBoundingClientRect(); "
                   "return [r.x + r.width / 2, r.y + r.height / 2]; })()")
    for n in (1, 2):
        for kind in ("mousePressed", "mouseReleased"):
            page.page("Input.dispatchMouseEvent", {"type": kind, "x": x, "y": y,
                                                   "button": "left", "clickCount": n})
    page.wait_for("document.querySelector('#pron-word').value === 'Cage'")
    _click(page, "document.querySelector('#pron-hear')")
    page.wait_for("document.querySelector('#pron-message').textContent.includes('Cage')",
                  timeout=60)
    _plays(page, "#take-audio", after=0.1)
    _click(page, "document.querySelector('#pron-says')")
    _type(page, "KAYJ")
    _click(page, "document.querySelector('#pron-try')")
    page.wait_for("document.querySelector('#pron-message').textContent.endsWith('kayj')",
                  timeout=60)
    _plays(page, "#take-audio", after=0.1)
    _click(page, "document.querySelector('#pron-show')")
    page.wait_for("document.querySelector('#pron-message').textContent.startsWith('kept')")
    lexicon = tomllib.loads((show / "lexicon.toml").read_text("utf-8"))
    assert lexicon == {"Cage": "KAYJ"}
    marked = page.js("[...document.querySelectorAll('.sentence.affected')]"
                     ".map(e => e.textContent)")
    assert marked == ["Cage follows her through the park."]
    # Its take now says the new word: clicking it speaks it again.
    assert page.js(_sentence("Cage follows her through the park.")
                   + ".classList.contains('uncached')")


def test_build_the_episode_and_play_it(page: Chromium, show: Path):
    _click(page, "document.querySelector('#build')")
    page.wait_for("document.querySelector('#status').textContent.startsWith('built')",
                  timeout=300)
    _plays(page, "#episode-audio", after=1.0)
    assert (show / "audio" / "ep3.mp3").is_file()
    assert page.js("document.querySelectorAll('#chapters button').length") == 3
    page.wait_for("document.querySelector('#feed-entry summary') !== null")
    assert page.js("document.querySelector('#feed-entry summary').textContent").startswith(
        "In the feed: A Short Test · ")
    assert page.js("document.querySelector('#episodes li[data-id=ep3]').dataset.state") == \
        "up to date"
