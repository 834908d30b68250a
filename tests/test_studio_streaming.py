"""Takes heard while they are made: the studio's one voice worker (newest take first), a
take served as its pieces are made and written whole after, over HTTP and in Chromium."""

from __future__ import annotations

import io
import threading
import time
import wave
from pathlib import Path

import pytest

from conftest import make_show
from recapcast.errors import EngineError
from recapcast.model import Segment, VoiceSettings
from recapcast.studio import speaking
from recapcast.studio.speaking import WarmVoices, wav_header
from recapcast.voice.engines import Audio, Speech
from recapcast.voice.takes import take_path
from studio_server import running_studio, studio_page

PIECE = b"\x01\x02" * 100


class Gated:
    """An engine whose takes come in three pieces, each only when the test lets it out;
    it records which take each piece it made was for."""

    name = "gated"
    made: list[str] = []
    gates: dict[str, threading.Semaphore] = {}
    fail_after: dict[str, int] = {}

    def __init__(self, settings: VoiceSettings, threads: int = 0) -> None:
        self.settings = settings

    def synthesize(self, text: str) -> Audio:
        return Audio(PIECE * 3, 22050)

    def stream(self, text: str) -> Speech:
        gate = self.gates.setdefault(text, threading.Semaphore(0))

        def pieces():
            for n in range(3):
                if self.fail_after.get(text) == n:
                    raise RuntimeError("the voice fell over")
                assert gate.acquire(timeout=20), "the test never let the piece out"
                self.made.append(text)
                yield PIECE

        return Speech(22050, 300, pieces())


@pytest.fixture
def voices(monkeypatch):
    Gated.made, Gated.gates, Gated.fail_after = [], {}, {}
    monkeypatch.setattr(speaking, "get_engine", lambda settings, threads=0: Gated(settings))
    return WarmVoices()


def _segment(text: str) -> Segment:
    return Segment(0, text, text, VoiceSettings(engine="tone"), 0)


def _let_out(text: str, count: int = 1) -> None:
    for _ in range(count):
        Gated.gates.setdefault(text, threading.Semaphore(0)).release()


def test_a_take_is_served_as_it_is_made_then_written_whole(voices, tmp_path):
    segment = _segment("The storm came at night.")
    take = voices.speak([segment], tmp_path)[0]
    # Answered as soon as its length is known, before any piece is made.
    assert not take.cached and take.frames == 300 and Gated.made == []
    assert not take.path.exists() and voices.in_pieces(take.path)
    live = voices.live(take.path)
    assert live.length == 44 + 600 and live.header == wav_header(22050, 300)
    read = live.read()
    assert next(read) == live.header
    _let_out(segment.text)
    assert next(read) == PIECE  # the first piece, while the others are not made yet
    assert not take.path.exists()
    _let_out(segment.text, 2)
    body = live.header + PIECE + b"".join(read)
    assert len(body) == live.length
    assert live.wait() == take.path and take.path.read_bytes() == body
    with wave.open(io.BytesIO(body)) as wav:
        assert wav.getnframes() == 300 and wav.getframerate() == 22050
    # Whole now: served from the cache, and asked again, not made again.
    assert voices.live(take.path) is None
    assert voices.speak([segment], tmp_path)[0].cached


def test_the_newest_take_is_made_first(voices, tmp_path):
    first, second = _segment("First sentence."), _segment("Second sentence.")
    voices.speak([first], tmp_path)
    # The worker now waits for the first take's first piece; the user clicks another
    # sentence meanwhile.
    _let_out(second.text, 3)
    asked = threading.Thread(target=voices.speak, args=([second], tmp_path))
    asked.start()
    deadline = time.monotonic() + 10
    while len(voices._jobs) < 2 and time.monotonic() < deadline:
        time.sleep(0.01)
    _let_out(first.text, 3)
    asked.join(10)
    for segment in (first, second):
        live = voices.live(take_path(tmp_path, segment.voice, segment.text))
        assert live is None or live.wait()
    # The piece under way is finished; then the whole newer take; then the older's rest.
    assert Gated.made == [first.text] + [second.text] * 3 + [first.text] * 2
    assert all(take_path(tmp_path, s.voice, s.text).is_file() for s in (first, second))


def test_a_take_that_fails_half_way_is_silence_to_its_length_and_not_cached(voices, tmp_path):
    segment = _segment("This one breaks.")
    Gated.fail_after[segment.text] = 1
    take = voices.speak([segment], tmp_path)[0]
    live = voices.live(take.path)
    _let_out(segment.text)
    body = b"".join(live.read())
    assert len(body) == live.length
    assert body == live.header + PIECE + b"\0" * 400
    assert live.wait() is None and not take.path.exists()
    # Asked again, it is made again.
    del Gated.fail_after[segment.text]
    again = voices.speak([segment], tmp_path)[0]
    _let_out(segment.text, 3)
    assert voices.live(again.path).wait() == again.path


def test_an_engine_that_cannot_stream_answers_when_its_take_is_whole(monkeypatch, tmp_path):
    class Whole(Gated):
        stream = None

    monkeypatch.setattr(speaking, "get_engine", lambda settings, threads=0: Whole(settings))
    voices = WarmVoices()
    segment = _segment("Said in one go.")
    take = voices.speak([segment], tmp_path)[0]
    assert take.frames == 300 and not voices.in_pieces(take.path)
    live = voices.live(take.path)
    if live is not None:
        assert b"".join(live.read()) == wav_header(22050, 300) + PIECE * 3
        live.wait()
    assert take.path.read_bytes() == wav_header(22050, 300) + PIECE * 3


def test_an_engine_error_is_the_studios_own(monkeypatch, tmp_path):
    class Broken(Gated):
        def stream(self, text: str) -> Speech:
            raise RuntimeError("no such voice")

    monkeypatch.setattr(speaking, "get_engine", lambda settings, threads=0: Broken(settings))
    with pytest.raises(EngineError, match="no such voice"):
        WarmVoices().speak([_segment("Anything.")], tmp_path)


# -- the real voice, over HTTP and in Chromium ---------------------------------------


@pytest.fixture(scope="module")
def show(tmp_path_factory) -> Path:
    return make_show(tmp_path_factory.mktemp("studio-streaming") / "show", engine="piper")


@pytest.fixture(scope="module")
def studio(show: Path):
    with running_studio(show) as running:
        yield running


def _address(studio, n: int) -> dict:
    return studio.segment_at("ep3", n, 0)


def test_a_piper_take_comes_over_http_as_a_wav_of_the_promised_length(studio, show: Path):
    take = studio.api("/api/episodes/ep3/speak", _address(studio, 2))
    assert take["live"] is True and take["synthesized"] == 1
    status, headers, body = studio.request("GET", take["url"])
    assert status == 200 and headers["content-type"] == "audio/wav"
    assert int(headers["content-length"]) == len(body)
    with wave.open(io.BytesIO(body)) as wav:
        assert wav.getframerate() == 22050 and wav.getnframes() * 2 + 44 == len(body)
    # The file written whole is what was sent.
    key = take["url"].rsplit("/", 1)[1]
    path = show / ".cache" / "takes" / key[:2] / f"{key}.wav"
    deadline = time.monotonic() + 30
    while not path.is_file() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert path.read_bytes() == body
    # A part of it (a seek) comes from the file; asked again, the take is not live.
    status, headers, part = studio.request("GET", take["url"], headers={"Range": "bytes=100-199"})
    assert status == 206 and part == body[100:200]
    again = studio.api("/api/episodes/ep3/speak", _address(studio, 2))
    assert again["live"] is False and again["synthesized"] == 0


def test_chromium_plays_a_take_as_it_is_made_then_from_its_file(studio, tmp_path):
    from test_studio_page import _click, _plays, _sentence

    with studio_page(studio, tmp_path / "profile") as page:
        _click(page, _sentence("Cage follows her through the park."))
        live = page.wait_for("document.querySelector('#take-audio').dataset.live", timeout=60)
        assert "/api/takes/" in live
        _plays(page, "#take-audio", after=0.2)
        assert page.js("document.querySelector('#take-audio').srcObject !== null")
        # When the last piece has played: 'ended', and the player holds the take's file.
        page.wait_for("document.querySelector('#take-audio').getAttribute('src') !== null",
                      timeout=30)
        assert page.js("document.querySelector('#take-audio').src") == live
        assert page.js("document.querySelector('#take-audio').srcObject") is None
        assert page.js("document.querySelector('#take-audio').dataset.live") is None
        # Played again, it plays from the file.
        page.js("document.querySelector('#take-audio').play()")
        _plays(page, "#take-audio", after=0.2)


def test_closing_waits_for_the_piece_under_way_and_tells_who_waits(voices, tmp_path):
    segment = _segment("Stopped half-way.")
    take = voices.speak([segment], tmp_path)[0]
    live = voices.live(take.path)
    reader = live.read()
    next(reader)
    worker = voices._worker
    closing = threading.Thread(target=voices.close, kwargs={"timeout": 10})
    closing.start()
    # The worker is inside a piece: close waits for it rather than leave the voice running.
    time.sleep(0.2)
    assert closing.is_alive()
    _let_out(segment.text)
    closing.join(10)
    assert not closing.is_alive() and not worker.is_alive()
    # The listener gets the promised length (silence after what was made); nothing cached.
    assert len(b"".join(reader)) == live.length - len(live.header)
    assert live.wait() is None and not take.path.exists()
    with pytest.raises(EngineError, match="stopping"):
        voices.speak([_segment("Another one.")], tmp_path)


def test_an_encoded_take_is_written_whole_and_served_from_its_file(monkeypatch, tmp_path):
    """gTTS gives MP3 bytes: nothing to stream; the take is its file at once."""
    class Encoded(Gated):
        stream = None

        def synthesize(self, text: str) -> Audio:
            return Audio(b"ID3\x04" + b"\0" * 60, format="mp3")

    monkeypatch.setattr(speaking, "get_engine", lambda settings, threads=0: Encoded(settings))
    voices = WarmVoices()
    segment = Segment(0, "Bonjour.", "Bonjour.", VoiceSettings(engine="gtts", voice="fr"), 0)
    take = voices.speak([segment], tmp_path)[0]
    assert take.path.suffix == ".mp3" and take.path.read_bytes().startswith(b"ID3")
    assert voices.live(take.path) is None and not voices.in_pieces(take.path)


def _made(count: int) -> list[str]:
    deadline = time.monotonic() + 10
    while len(Gated.made) < count and time.monotonic() < deadline:
        time.sleep(0.01)
    return Gated.made


def test_of_several_takes_asked_at_once_the_first_is_made_first(voices, tmp_path):
    """An edit that speaks two sentences plays the first: the answer waits only for every
    take's length, and the first take's pieces come before the others'."""
    a, b, c = (_segment(f"Sentence {n}.") for n in "ABC")
    takes = voices.speak([a, b, c], tmp_path)
    assert [t.frames for t in takes] == [300] * 3 and Gated.made == []
    for segment in (c, b, a):
        _let_out(segment.text, 3)
    assert _made(9) == [a.text] * 3 + [b.text] * 3 + [c.text] * 3


def test_a_take_asked_for_again_is_made_first_again(voices, tmp_path):
    first, second = _segment("Back to this one."), _segment("A detour.")
    voices.speak([first], tmp_path)
    asked = threading.Thread(target=voices.speak, args=([second], tmp_path))
    asked.start()
    _let_out(first.text)
    asked.join(10)
    assert _made(1) == [first.text]
    # The worker now waits for the detour's first piece; the user goes back to the first.
    voices.speak([first], tmp_path)
    _let_out(second.text, 3)
    _let_out(first.text, 2)
    assert _made(6) == [first.text, second.text, first.text, first.text, second.text,
                        second.text]
