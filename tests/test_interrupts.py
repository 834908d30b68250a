"""Interrupts are held while a group of renames finishes, then acted on."""

from __future__ import annotations

import os
import signal

import pytest

from recapcast.safety.interrupts import Terminated, deferred, raise_on_sigterm


def test_an_interrupt_inside_deferred_is_raised_when_the_block_ends():
    done = []
    with pytest.raises(KeyboardInterrupt):
        with deferred():
            os.kill(os.getpid(), signal.SIGINT)
            done.append("first rename")
            done.append("second rename")
    assert done == ["first rename", "second rename"]


def test_sigterm_becomes_terminated_and_the_handlers_come_back():
    previous = signal.getsignal(signal.SIGTERM)
    try:
        raise_on_sigterm()
        handler = signal.getsignal(signal.SIGTERM)
        with pytest.raises(Terminated):
            with deferred():
                os.kill(os.getpid(), signal.SIGTERM)
        assert signal.getsignal(signal.SIGTERM) is handler
        assert issubclass(Terminated, KeyboardInterrupt)
    finally:
        signal.signal(signal.SIGTERM, previous)


def test_nothing_is_raised_without_a_signal():
    with deferred():
        pass
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler


def test_ctrl_c_while_a_take_is_read_stays_an_interrupt(tmp_path, monkeypatch):
    # pydub's from_file catches everything (KeyboardInterrupt too) and retries with
    # ffprobe; the take reader must let the interrupt through.
    import wave

    from recapcast.model import Segment, Take, VoiceSettings
    from recapcast.sound import mixdown

    path = tmp_path / "take.wav"
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(22050)
        out.writeframes(b"\0\1" * 2205)
    segment = Segment(0, "x", "x", VoiceSettings(engine="tone"), 0)
    take = Take(segment, path, 22050, 2205, cached=True)
    assert len(mixdown._samples(take, 44100)) == 4410
    import pydub.audio_segment  # imported by now, without its warning about ffmpeg

    def interrupted(data, headers=None):
        raise KeyboardInterrupt

    monkeypatch.setattr(pydub.audio_segment, "read_wav_audio", interrupted)
    with pytest.raises(KeyboardInterrupt):
        mixdown._samples(take, 44100)
