"""The show page's habits of a podcast's own page, in headless Chromium at a phone's width:
a subscribe button per common app with that app's own link, copying the feed address (or
showing it to copy by hand), a player that stays in view while the transcript scrolls, one
episode playing at a time; and the link-preview tags a shared link is shown with."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from lxml import html as lxml_html

from conftest import make_show, run_cli
from published import SECOND_SCRIPT, serving
from test_page import CHROMIUM, Chromium

FEED = "http://127.0.0.1:8000/feed/feed.xml"

# (app, its subscribe link for FEED), as each app documents it (docs/feed.md).
APP_LINKS = [
    ("apple", "podcast://127.0.0.1:8000/feed/feed.xml"),
    ("pocketcasts", "pktc://subscribe/127.0.0.1:8000/feed/feed.xml"),
    ("overcast", "overcast://x-callback-url/add?url=http%3A%2F%2F127.0.0.1%3A8000%2Ffeed%2F"
                 "feed.xml"),
    ("antennapod", "antennapod-subscribe://127.0.0.1:8000/feed/feed.xml"),
    ("podcastaddict", "podcastaddict://127.0.0.1:8000/feed/feed.xml"),
]
PHONE = {"width": 390, "height": 844, "deviceScaleFactor": 1, "mobile": True}


# ep4 with a transcript longer than a phone's screen.
LONG_SCRIPT = SECOND_SCRIPT.replace("# The Chase", "\n\n".join(
    f"Paragraph {n} goes on about the harbour. Trish waits by the boats." for n in range(1, 25))
    + "\n\n# The Chase")


@pytest.fixture(scope="module")
def show(tmp_path_factory) -> Path:
    assert LONG_SCRIPT != SECOND_SCRIPT
    root = make_show(tmp_path_factory.mktemp("sharing") / "show")
    (root / "scripts" / "ep4.md").write_text(LONG_SCRIPT, encoding="utf-8")
    run_cli("build", "--all", cwd=root, check=True)
    return root


@pytest.fixture
def phone(tmp_path: Path):
    if CHROMIUM is None:
        pytest.skip("chromium is not installed (Debian: apt-get install chromium)")
    browser = Chromium(tmp_path / "chromium-profile")
    browser.page("Emulation.setDeviceMetricsOverride", PHONE)
    yield browser
    browser.close()


def test_a_shared_link_shows_the_cover_and_the_title(show: Path):
    tree = lxml_html.fromstring((show / "feed" / "index.html").read_bytes())
    tags = {m.get("property") or m.get("name"): m.get("content")
            for m in tree.xpath("//head/meta[@content]")}
    assert tags["og:title"] == "Test Show"
    assert tags["og:description"] == "A show made by the tests."
    assert tags["og:type"] == "website"
    assert tags["og:url"] == "http://127.0.0.1:8000/feed/index.html"
    assert tags["twitter:card"] == "summary"
    # The cover, by its full address (a preview is fetched from elsewhere), is the file
    # the page itself shows.
    image = urlsplit(tags["og:image"])
    (img,) = tree.xpath("//header/img")
    assert (image.scheme, image.netloc, image.path) == ("http", "127.0.0.1:8000",
                                                        f"/feed/{img.get('src')}")
    assert (show / "feed" / img.get("src")).is_file()


def test_each_app_gets_its_own_subscribe_link(show: Path):
    tree = lxml_html.fromstring((show / "feed" / "index.html").read_bytes())
    links = [(a.get("data-app"), a.get("href")) for a in tree.xpath("//nav[@class='apps']/a")]
    assert links == APP_LINKS
    assert tree.xpath("//nav[@class='apps']/a/text()") == [
        "Apple Podcasts", "Pocket Casts", "Overcast", "AntennaPod", "Podcast Addict"]
    assert tree.xpath("//button[@id='copy-feed']/text()") == ["Copy feed address"]


def _links_for(base: str) -> list[tuple[str, str]]:
    """APP_LINKS for the feed where the page is served from (``base``)."""
    host = urlsplit(base).netloc
    return [(app, href.replace("127.0.0.1:8000", host).replace("127.0.0.1%3A8000",
                                                               host.replace(":", "%3A")))
            for app, href in APP_LINKS]


def test_at_a_phones_width_buttons_copy_sticky_player_and_one_sound(show: Path,
                                                                    phone: Chromium):
    with serving(show) as base:
        phone.open(f"{base}feed/index.html")
        phone.wait_for(f"innerWidth === {PHONE['width']}")
        # The buttons link to the feed where the page is served from, and fit the screen.
        links = phone.js("[...document.querySelectorAll('nav.apps a')]"
                         ".map(a => [a.dataset.app, a.href])")
        assert [tuple(link) for link in links] == _links_for(base)
        assert phone.js("[...document.querySelectorAll('nav.apps a, #copy-feed')].every(e => {"
                        " const r = e.getBoundingClientRect(); return r.width > 0 &&"
                        " r.left >= 0 && r.right <= innerWidth; })")

        # Copy feed address: on the clipboard, and shown.
        phone.send("Browser.grantPermissions", {
            "origin": base.rstrip("/"),
            "permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"]})
        phone.click("#copy-feed")
        phone.wait_for("document.getElementById('copy-done').textContent === 'Copied.'")
        copied = phone.page("Runtime.evaluate", {
            "expression": "navigator.clipboard.readText()", "awaitPromise": True,
            "returnByValue": True})["result"]["value"]
        assert copied == f"{base}feed/feed.xml"
        assert phone.js("document.getElementById('copy-field').value") == copied

        # Without a clipboard (a plain-http host): the address is shown, selected.
        phone.js("document.getElementById('copy-fallback').hidden = true;"
                 "Object.defineProperty(navigator, 'clipboard', {value: undefined})")
        phone.click("#copy-feed")
        phone.wait_for("!document.getElementById('copy-fallback').hidden")
        assert phone.js("(() => { const f = document.getElementById('copy-field');"
                        " return [f.value, f.selectionStart, f.selectionEnd,"
                        " document.activeElement === f]; })()") == [
            copied, 0, len(copied), True]

        # Reading ep4's transcript far down, its player is still on screen: where the
        # player would be without sticking is above the top by then.
        phone.js("document.querySelector('#ep4 details.transcript').open = true")
        phone.js("[...document.querySelectorAll('#ep4 .transcript span[data-t]')].at(-1)"
                 ".scrollIntoView({block: 'end'})")
        where = phone.js("""(() => { const a = document.querySelector('#ep4 audio');
            const stuck = a.getBoundingClientRect();
            a.style.position = 'static'; const loose = a.getBoundingClientRect();
            a.style.position = ''; return [stuck.top, stuck.bottom, loose.top]; })()""")
        top, bottom, unstuck = where
        assert unstuck < 0, where  # the page did scroll past the player
        assert 0 <= top and bottom <= PHONE["height"], where

        # One episode at a time: starting ep4 pauses ep3.
        phone.click("#ep3 ol.chapters li:nth-child(2) button")
        phone.wait_for("!document.querySelector('#ep3 audio').paused")
        phone.click("#ep4 .transcript span[data-t]")
        phone.wait_for("!document.querySelector('#ep4 audio').paused")
        phone.wait_for("document.querySelector('#ep3 audio').paused")
        states = phone.js("[...document.querySelectorAll('audio')].map(a => a.paused)")
        assert states.count(False) == 1, json.dumps(states)

        # The same, with ep4 started before ep3's 'play' event has come (it is queued: a
        # quick second tap, or any tap on a busy phone): the late event must not pause
        # ep4, which left both silent. Both clicks in one task make that order certain.
        phone.js("document.querySelectorAll('audio').forEach(a => a.pause())")
        phone.wait_for("[...document.querySelectorAll('audio')].every(a => a.paused)")
        phone.js("document.querySelector('#ep3 ol.chapters li:nth-child(3) button').click();"
                 "document.querySelector('#ep4 .transcript span[data-t]').click()")
        phone.wait_for("!document.querySelector('#ep4 audio').paused")
        phone.wait_for("document.querySelector('#ep3 audio').paused")
        states = phone.js("[...document.querySelectorAll('audio')].map(a => a.paused)")
        assert states.count(False) == 1, json.dumps(states)
