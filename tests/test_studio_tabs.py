"""Two pages on one show in headless Chromium (the tone engine): one deletes, inserts and
moves blocks while the other edits and clicks sentences; no edit lands on another sentence
or is lost. Then the file is written by a text editor and by ``recapcast import --force``
while a page is open: the page follows it, or shows the conflict view."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import make_show, run_cli
from studio_server import Studio, running_studio
from test_page import CHROMIUM, Chromium
from test_studio_addresses import SCRIPT
from test_studio_page import _click, _sentence, _type


@pytest.fixture
def show(tmp_path: Path) -> Path:
    return make_show(tmp_path / "show", script=SCRIPT, episode_id="ep5")


@pytest.fixture
def studio(show: Path):
    with running_studio(show) as running:
        yield running


def _open(studio: Studio, profile: Path) -> Chromium:
    browser = Chromium(profile)
    browser.open(studio.url)
    browser.wait_for("document.querySelectorAll('.sentence').length > 3")
    browser.js("window.confirm = () => true")  # the page asks before deleting
    return browser


@pytest.fixture
def pages(studio: Studio, tmp_path: Path):
    if CHROMIUM is None:
        pytest.skip("chromium is not installed (Debian: apt-get install chromium)")
    opened = []
    try:
        opened.append(_open(studio, tmp_path / "a"))
        opened.append(_open(studio, tmp_path / "b"))
        yield opened
    finally:
        for browser in opened:
            browser.close()


def _block(page: Chromium, text: str) -> str:
    return ("[...document.querySelectorAll('#script .block')].find(b => b.textContent"
            f".includes({json.dumps(text)}))")


def _start_editing(page: Chromium, sentence: str, which: str | None = None) -> None:
    """Click a sentence (it plays), then 'Edit sentence': its edit box is open and focused."""
    _click(page, which or _sentence(sentence))
    page.wait_for(f"document.querySelector('#take-spoken').textContent.toLowerCase().includes("
                  f"{json.dumps(sentence[:20].lower())})")
    _click(page, "document.querySelector('#edit-sentence')")
    page.wait_for("document.activeElement.classList.contains('sentence-edit')")
    page.js("document.activeElement.select()")


def _texts(studio: Studio) -> list[str]:
    return [b.get("text", b["kind"]) for b in studio.api("/api/episodes/ep5")["blocks"]]


def test_edits_from_two_pages_each_land_on_their_own_sentence(pages, studio: Studio):
    a, b = pages
    # B opens the second sentence of the storm paragraph for editing; A deletes the
    # paragraph above it: B's edit changes that sentence, no other.
    _start_editing(b, "The answer to the second one points at Ines.")
    _click(a, _block(a, "The first question") + ".querySelector('.delete-block')")
    a.wait_for("!document.body.textContent.includes('The first question')")
    _type(b, "The answer points at Kenji.", enter=True)
    b.wait_for("document.querySelector('#status').textContent.startsWith('spoke')")
    assert _texts(studio)[:2] == [
        "First", "The storm that broke the pier came at night. The answer points at Kenji."]
    # A click in B on the storm sentence plays the storm sentence.
    _click(b, _sentence("The storm that broke the pier came at night."))
    b.wait_for("document.querySelector('#take-spoken').textContent.includes('storm')")

    # B edits the second of two identical paragraphs while A adds a heading above the
    # first block and moves the first twin to the top.
    b.wait_for("document.querySelectorAll('.sentence-edit').length === 0")
    twins = "[...document.querySelectorAll('.sentence')].filter(e => e.textContent === " \
            "'He waits all night.')"
    _start_editing(b, "He waits all night.", twins + "[1]")
    a.js("document.querySelector('#script > .insert select').value = 'heading';"
         "document.querySelector('#script > .insert select').dispatchEvent("
         "new Event('change'))")
    a.wait_for("document.activeElement.name === 'text'")
    _type(a, "Cold Open")
    _click(a, "document.querySelector('.block-form button[type=submit]')")
    a.wait_for("document.querySelector('#status').textContent === 'added a heading'")
    assert a.js("document.querySelector('#script .block h2').textContent").strip() == \
        'Cold Open'
    _click(a, _block(a, "Kenji waits") + ".querySelector('.move-up')")
    a.wait_for("document.querySelector('#status').textContent === 'block moved'")
    _type(b, "He goes home.", enter=True)
    b.wait_for("document.querySelector('#status').textContent.startsWith('spoke')")
    assert _texts(studio) == [
        "Cold Open", "First", "Kenji waits on the pier. He waits all night.",
        "The storm that broke the pier came at night. The answer points at Kenji.", "pause",
        "Kenji waits on the pier. He goes home."]


def test_an_edit_of_a_sentence_another_page_changed_is_refused_and_kept(pages, studio):
    a, b = pages
    _start_editing(b, "The storm that broke the pier came at night.")
    _start_editing(a, "The storm that broke the pier came at night.")
    _type(a, "The gale came at dawn.", enter=True)
    a.wait_for("document.querySelector('#status').textContent.startsWith('spoke')")
    _type(b, "Thunder all night.", enter=True)
    b.wait_for("document.querySelector('#stale').hidden === false")
    assert "The gale came at dawn." in b.js("document.querySelector('#stale .current')"
                                           ".textContent")
    assert b.js("document.querySelector('#stale .mine').value") == "Thunder all night."
    assert "Thunder" not in json.dumps(_texts(studio))
    assert b.js(_sentence("The gale came at dawn.") + " !== undefined")


def test_the_page_follows_the_file_and_shows_a_conflict_over_unsaved_edits(
        pages, studio: Studio, show: Path, tmp_path: Path):
    a, b = pages
    script = show / "scripts" / "ep5.md"
    # A text editor writes the file: both pages show it, with no reload.
    script.write_text(script.read_text("utf-8").replace("Nobody saw it leave.",
                                                        "Everyone saw it go."), "utf-8")
    for page in pages:
        page.wait_for(_sentence("Everyone saw it go.") + " !== undefined", timeout=10)
    # A has an unsaved edit; the file changes again: A shows both versions to choose from.
    _start_editing(a, "Everyone saw it go.")
    _type(a, "Only Ines saw it go.", enter=True)
    a.wait_for("document.querySelector('#status').textContent.startsWith('spoke')")
    script.write_text(script.read_text("utf-8").replace("# First", "# Beginning"), "utf-8")
    a.wait_for("document.querySelector('#conflict').hidden === false", timeout=10)
    assert "# Beginning" in a.js("document.querySelector('#conflict-disk').textContent")
    assert "Only Ines saw it go." in a.js("document.querySelector('#conflict-mine')"
                                          ".textContent")
    _click(a, "document.querySelector('#conflict button[data-mode=mine]')")
    a.wait_for("document.querySelector('#status').textContent.startsWith('saved')")
    assert "Only Ines saw it go." in script.read_text("utf-8")
    # recapcast import --force replaces the script: the pages show the new one.
    recap = tmp_path / "recap.txt"
    recap.write_text("Storms, Episode 5\n\nA different recap entirely. It has two lines.\n",
                     "utf-8")
    run_cli("import", str(recap), "ep5", "--force", cwd=show, check=True)
    for page in pages:
        page.wait_for(_sentence("A different recap entirely.") + " !== undefined", timeout=10)


def test_a_pronunciation_marks_its_sentences_and_the_sidebar_until_a_build(pages, studio):
    page = pages[0]
    state = "document.querySelector('#episodes li[data-id=ep5]').dataset.state"
    _click(page, "document.querySelector('#build')")
    page.wait_for("document.querySelector('#status').textContent.startsWith('built')",
                  timeout=120)
    page.wait_for(f"{state} === 'up to date'")
    page.js("document.querySelector('#pron-word').value = 'Kenji';"
            "document.querySelector('#pron-says').value = 'KEN-jee'")
    _click(page, "document.querySelector('#pron-show')")
    page.wait_for("document.querySelector('#pron-message').textContent.startsWith('kept')")
    page.wait_for(f"{state} === 'changed'")  # no reload needed
    marked = "[...document.querySelectorAll('.sentence.affected')].map(e => e.textContent)"
    assert page.js(marked) == ["Kenji waits on the pier.", "Kenji waits on the pier."]
    # The build re-speaks them: the marks go.
    _click(page, "document.querySelector('#build')")
    page.wait_for("document.querySelector('#status').textContent.startsWith('built')",
                  timeout=120)
    page.wait_for(f"{marked}.length === 0 && {state} === 'up to date'")


def test_one_sound_at_a_time_and_a_double_click_selects_without_playing(pages, studio):
    page = pages[0]
    # A double click on a word fills in the pronunciation panel and plays nothing.
    word = ("(() => { const e = " + _sentence("Kenji waits on the pier.")
            + "; const r = document.createRange(); r.setStart(e.firstChild, 0);"
            " r.setEnd(e.firstChild, 5); const b = r.getBoundingClientRect();"
            " return [b.x + b.width / 2, b.y + b.height / 2]; })()")
    page.js(_sentence("Kenji waits on the pier.") + ".scrollIntoView({block: 'center'})")
    x, y = page.js(word)
    for n in (1, 2):
        for kind in ("mousePressed", "mouseReleased"):
            page.page("Input.dispatchMouseEvent", {"type": kind, "x": x, "y": y,
                                                   "button": "left", "clickCount": n})
    page.wait_for("document.querySelector('#pron-word').value === 'Kenji'")
    # Past the page's wait for a second click (250 ms), nothing was played.
    page.page("Runtime.evaluate", {"expression": "new Promise(r => setTimeout(r, 600))",
                                   "awaitPromise": True})
    assert page.js("(() => { const a = document.querySelector('#take-audio');"
                   " return a.getAttribute('src') === null && a.srcObject === null; })()")
    # Two players: the take's starts, the other one stops.
    _click(page, _sentence("The storm that broke the pier came at night."))
    page.wait_for("!document.querySelector('#take-audio').paused")
    page.js("(() => { const a = document.createElement('audio'); a.id = 'other';"
            " const t = document.querySelector('#take-audio');"
            " a.src = t.dataset.live || t.currentSrc; a.loop = true;"
            " document.body.append(a); })()")
    page.wait_for("document.querySelector('#other').readyState >= 2")
    page.js("document.querySelector('#other').play()")
    page.wait_for("!document.querySelector('#other').paused")
    page.wait_for("document.querySelector('#take-audio').paused")
