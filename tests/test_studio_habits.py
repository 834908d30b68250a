"""An audio editor's habits in the studio, in headless Chromium (the tone engine): undo and
redo, Ctrl+S, Space, playing on with the sentence heard highlighted, re-speaking every
marked sentence, the episode's details, deleting an episode."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import make_show
from recapcast.text.script import parse_script, render_script
from studio_server import Studio, running_studio, studio_page
from test_page import Chromium
from test_studio_addresses import SCRIPT
from test_studio_page import _click, _sentence, _type
from test_studio_tabs import _start_editing

CTRL, SHIFT = 2, 8


@pytest.fixture
def show(tmp_path: Path) -> Path:
    show = make_show(tmp_path / "show", script=SCRIPT, episode_id="ep5")
    (show / "scripts" / "ep6.md").write_text(SCRIPT.replace("Storms", "Calm").replace(
        "4c05", "4c06"), "utf-8")
    return show


@pytest.fixture
def studio(show: Path):
    with running_studio(show) as running:
        yield running


@pytest.fixture
def page(studio: Studio, tmp_path: Path):
    with studio_page(studio, tmp_path / "profile") as browser:
        browser.js("window.confirm = () => true")
        yield browser


def _key(page: Chromium, key: str, code: str, vk: int, modifiers: int = 0) -> None:
    for kind in ("keyDown", "keyUp"):
        page.page("Input.dispatchKeyEvent", {"type": kind, "key": key, "code": code,
                                             "windowsVirtualKeyCode": vk,
                                             "modifiers": modifiers})


def _status(page: Chromium, start: str) -> None:
    page.wait_for(f"document.querySelector('#status').textContent.startsWith({json.dumps(start)})",
                  timeout=60)


def _edit(page: Chromium, sentence: str, text: str) -> None:
    _start_editing(page, sentence)
    _type(page, text, enter=True)
    _status(page, "spoke")


def test_undo_and_redo_every_edit_and_ctrl_s_saves(page: Chromium, studio: Studio,
                                                   show: Path):
    script = show / "scripts" / "ep5.md"
    original = script.read_text("utf-8")
    _edit(page, "Nobody saw it leave.", "Everyone saw it.")
    page.js("[...document.querySelectorAll('#script .block')].find(b => b.textContent"
            ".includes('The storm')).querySelector('.delete-block').click()")
    _status(page, "block deleted")
    page.js("document.activeElement.blur()")
    _key(page, "z", "KeyZ", 90, CTRL)
    page.wait_for(_sentence("The storm that broke the pier came at night.") + " !== undefined")
    _key(page, "z", "KeyZ", 90, CTRL)
    page.wait_for(_sentence("Nobody saw it leave.") + " !== undefined")
    assert studio.api("/api/episodes/ep5")["text"] == render_script(parse_script(original,
                                                                               "ep5"))
    page.wait_for("document.querySelector('#save').disabled")  # as the file is again
    _key(page, "z", "KeyZ", 90, CTRL | SHIFT)
    page.wait_for(_sentence("Everyone saw it.") + " !== undefined")
    assert "The storm that" in studio.api("/api/episodes/ep5")["text"]
    _key(page, "s", "KeyS", 83, CTRL)
    _status(page, "saved")
    saved = script.read_text("utf-8")
    assert "Everyone saw it." in saved and "The storm that" in saved


def test_space_plays_and_pauses_and_play_on_follows_the_script(page: Chromium):
    _click(page, _sentence("The first question is about the boat."))
    page.wait_for("!document.querySelector('#take-audio').paused")
    _key(page, " ", "Space", 32)
    page.wait_for("document.querySelector('#take-audio').paused")
    _key(page, " ", "Space", 32)
    page.wait_for("!document.querySelector('#take-audio').paused")
    # Play from here: each sentence in turn, highlighted and in view.
    page.js("document.querySelector('#play-on').scrollIntoView()")
    _click(page, "document.querySelector('#play-on')")
    playing = "document.querySelector('.sentence.playing')?.textContent"
    for text in ("Nobody saw it leave.", "The storm that broke the pier came at night."):
        page.wait_for(f"{playing} === {json.dumps(text)}", timeout=60)
        page.wait_for("(() => { const r = document.querySelector('.sentence.playing')"
                      ".getBoundingClientRect(); return r.top >= 0 && r.bottom <= "
                      "innerHeight; })()")
    _key(page, "Escape", "Escape", 27)
    page.wait_for(f"{playing} === undefined && document.querySelector('#take-audio').paused")


def test_respeak_every_marked_sentence_at_once(page: Chromium, show: Path):
    page.js("document.querySelector('#pron-word').value = 'Kenji';"
            "document.querySelector('#pron-says').value = 'KEN-jee'")
    _click(page, "document.querySelector('#pron-show')")
    page.wait_for("document.querySelector('#pron-message').textContent.startsWith('kept')")
    button = "document.querySelector('#respeak-marked')"
    page.wait_for(f"!{button}.hidden && {button}.textContent === 'Re-speak marked (2)'")
    takes = len(list((show / ".cache" / "takes").rglob("*.wav")))
    _click(page, button)
    _status(page, "re-spoke 2")
    assert page.js("document.querySelectorAll('.sentence.affected').length") == 0
    assert page.js(f"{button}.hidden") is True
    assert len(list((show / ".cache" / "takes").rglob("*.wav"))) == takes + 1  # twins


def test_edit_the_details_and_delete_an_episode(page: Chromium, studio: Studio, show: Path):
    page.js("document.querySelector('#details').open = true")
    form = "document.querySelector('#details-form')"
    page.js(f"{form}.title.value = 'Storms at Sea'; {form}.season.value = '2';"
            f"{form}.date.value = '2026-02-03'; {form}.show.value = 'Harbor Lights'")
    _click(page, f"{form}.querySelector('button[type=submit]')")
    _status(page, "details changed")
    page.wait_for("document.querySelector('#title').textContent.startsWith('Storms at Sea')")
    _key(page, "s", "KeyS", 83, CTRL)
    _status(page, "saved")
    meta = parse_script((show / "scripts" / "ep5.md").read_text("utf-8"), "ep5").meta
    assert (meta.title, meta.season, meta.date.isoformat(), meta.show) == (
        "Storms at Sea", 2, "2026-02-03", "Harbor Lights")
    page.wait_for("document.querySelector('#episodes li[data-id=ep5] .title').textContent"
                  " === 'Storms at Sea'")
    _click(page, "document.querySelector('#delete-episode')")
    _status(page, "deleted ep5")
    assert not (show / "scripts" / "ep5.md").exists()
    kept = list((show / "scripts").glob("ep5.deleted-*.md"))
    assert len(kept) == 1 and "Storms at Sea" in kept[0].read_text("utf-8")
    page.wait_for("document.querySelector('#episodes li[data-id=ep5]') === null")
    assert [e["id"] for e in studio.api("/api/episodes")["episodes"]] == ["ep6"]
