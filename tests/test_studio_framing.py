"""Hearing and editing the show's opening and sign-off in the studio, in headless Chromium
(the tone engine): they are shown around the script, a click plays them, an edit writes
``[show] opening`` / ``signoff`` in recapcast.toml (comments kept), speaks the new take and
plays it; an edit made on an opening another tab changed is refused, not applied."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest

from conftest import make_show
from recapcast.config import load_project
from recapcast.errors import ConfigError
from recapcast.studio.config_file import set_show_text
from recapcast.text.script import parse_script
from recapcast.text.segments import plan_segments
from studio_server import Studio, running_studio, studio_page
from test_page import Chromium
from test_studio_addresses import SCRIPT
from test_studio_page import _click, _sentence, _type


@pytest.fixture
def show(tmp_path: Path) -> Path:
    show = make_show(tmp_path / "show", script=SCRIPT, episode_id="ep5")
    config = show / "recapcast.toml"
    config.write_text(config.read_text("utf-8").replace(
        'owner_email = "tests@example.com"',
        'owner_email = "tests@example.com"\nopening = "{show}. {number}: {title}."  # ours'),
        "utf-8")
    (show / "scripts" / "ep6.md").write_text(SCRIPT.replace("Storms", "Calm").replace(
        "4c05", "4c06").replace("episode: 5", "episode: 6"), "utf-8")
    return show


@pytest.fixture
def studio(show: Path):
    with running_studio(show) as running:
        yield running


@pytest.fixture
def page(studio: Studio, tmp_path: Path):
    with studio_page(studio, tmp_path / "profile") as browser:
        yield browser


def _part(part: str) -> str:
    return f"document.querySelector('#script .framing[data-part={part}]')"


def _said(page: Chromium, part: str) -> list[str]:
    return page.js(f"[...{_part(part)}.querySelectorAll('.sentence')].map(e => e.textContent)")


def _status(page: Chromium, start: str) -> None:
    page.wait_for(f"document.querySelector('#status').textContent.startsWith({json.dumps(start)})",
                  timeout=60)


def _edit(page: Chromium, part: str, template: str) -> None:
    _click(page, f"{_part(part)}.querySelector('.edit-framing')")
    page.wait_for("document.activeElement.closest('.framing-form') !== null")
    page.js("document.activeElement.select()")
    _type(page, template, enter=True)


def test_hear_and_edit_the_opening_and_the_sign_off(page: Chromium, studio: Studio,
                                                    show: Path):
    # Shown around the script: the opening before the first block, the sign-off after the
    # last, as this episode says them.
    assert _said(page, "opening") == ["Test Show.", "Episode 5: Storms."]
    assert _said(page, "signoff") == ["Thanks for listening to Test Show."]
    order = page.js("[...document.querySelectorAll('#script > div')].map(d => d.dataset.part"
                    " ?? (d.classList.contains('block') ? 'block' : 'insert'))")
    assert order[0] == "opening" and order[-1] == "signoff" and "block" in order[1:-1]
    # A click plays it (spoken first: it was never heard).
    _click(page, _sentence("Episode 5: Storms."))
    page.wait_for("!document.querySelector('#take-audio').paused", timeout=60)
    assert "episode five" in page.js("document.querySelector('#take-spoken').textContent"
                                     ".toLowerCase()")
    # "Edit sentence" on it edits the show's template, where the words come from.
    _click(page, "document.querySelector('#edit-sentence')")
    page.wait_for("document.activeElement.closest('.framing.opening .framing-form') !== null")
    assert page.js("document.activeElement.value") == "{show}. {number}: {title}."
    page.page("Input.dispatchKeyEvent", {"type": "keyDown", "key": "Escape", "code": "Escape",
                                         "windowsVirtualKeyCode": 27})
    page.wait_for(f"{_part('opening')}.querySelector('.framing-form') === null")

    # Editing the sign-off: written to the config (its other lines and comments kept),
    # spoken and played at once, and the show's other episodes say it too.
    config = show / "recapcast.toml"
    before = config.read_text("utf-8")
    _edit(page, "signoff", "That was {title}. Until next time on {podcast}!")
    _status(page, "the show's sign-off is changed for every episode")
    page.wait_for(f"{_part('signoff')}.textContent.includes('That was Storms.')")
    assert _said(page, "signoff") == ["That was Storms.", "Until next time on Test Show!"]
    # The take the player holds: being made (played as it arrives) or its file.
    take = page.js("(() => { const a = document.querySelector('#take-audio');"
                   " return a.dataset.live || a.src; })()")
    assert take and take.startswith(f"http://127.0.0.1:{studio.port}/api/takes/")
    assert "that was storms" in page.js("document.querySelector('#take-spoken').textContent"
                                        ".toLowerCase()")
    after = config.read_text("utf-8")
    assert tomllib.loads(after)["show"]["signoff"] == \
        "That was {title}. Until next time on {podcast}!"
    assert after.replace('signoff = "That was {title}. Until next time on {podcast}!"\n',
                         "") == before
    project = load_project(show)
    ep6 = parse_script((show / "scripts" / "ep6.md").read_text("utf-8"), "ep6")
    assert [s.written for s in plan_segments(ep6, project.show)[0]
            if s.role == "signoff"] == ["That was Calm.", "Until next time on Test Show!"]

    # An unknown field is refused with the known ones; nothing is written.
    _edit(page, "opening", "{show}: {chapter}.")
    _status(page, "[show] opening names an unknown field {chapter}")
    assert config.read_text("utf-8") == after

    # Empty: nothing is said; the comment on the line stays.
    page.js(f"{_part('opening')}.querySelector('textarea').value = ''")
    page.js(f"{_part('opening')}.querySelector('form').requestSubmit()")
    _status(page, "the show's opening is changed")
    page.wait_for(f"{_part('opening')}.textContent.includes('none: the narrator says nothing')")
    assert 'opening = ""   # ours' in config.read_text("utf-8")
    assert load_project(show).show.opening == ""


def test_an_opening_changed_in_another_tab_is_not_overwritten(page: Chromium,
                                                              studio: Studio, show: Path):
    _click(page, f"{_part('opening')}.querySelector('.edit-framing')")
    page.wait_for("document.activeElement.closest('.framing-form') !== null")
    # Meanwhile another tab changes the opening.
    other = studio.api("/api/episodes/ep5/framing", {
        "part": "opening", "template": "Welcome to {podcast}.",
        "was": "{show}. {number}: {title}."})
    assert [t["written"] for t in other["takes"]] == ["Welcome to Test Show."]
    page.js("document.activeElement.select()")
    _type(page, "{show}, {number}.", enter=True)
    page.wait_for("!document.querySelector('#stale').hidden")
    stale = page.js("document.querySelector('#stale').textContent")
    assert "Not applied" in stale and "Welcome to {podcast}." in stale
    assert page.js("document.querySelector('#stale textarea.mine').value") == \
        "{show}, {number}."
    assert load_project(show).show.opening == "Welcome to {podcast}."
    assert _said(page, "opening") == ["Welcome to Test Show."]


@pytest.mark.parametrize("config", [
    '[show]\ntitle = "T"\nsignoff = """Thanks\nfor listening."""\n',  # over two lines
    'show.title = "T"\n',  # no [show] line to add it under
])
def test_a_setting_that_cannot_be_changed_in_place_is_left_alone(tmp_path: Path, config: str):
    path = tmp_path / "recapcast.toml"
    path.write_text(config, "utf-8")
    with pytest.raises(ConfigError, match=r"changed in place|no \[show\] table line") as refused:
        set_show_text(path, "signoff", "Bye.")
    assert "by hand" in refused.value.hint
    assert path.read_text("utf-8") == config
