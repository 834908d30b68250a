"""Voices by role: narrator, quote and named speakers, from the show config."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from conftest import SHORT_SCRIPT, SHOW_TOML
from recapcast.config import load_project
from recapcast.errors import ConfigError
from recapcast.model import Show, VoiceSettings
from recapcast.text.script import parse_script
from recapcast.text.segments import plan_segments, voice_for
from recapcast.voice.engines import get_engine

VOICES = """
[quote_voice]
length_scale = 1.2

[voices."Jessica Jones"]
length_scale = 0.95
noise_scale = 0.4

[voices.Kilgrave]
engine = "gtts"
voice = "en"
tld = "co.uk"
"""


def _project(tmp_path: Path, extra: str):
    (tmp_path / "recapcast.toml").write_text(SHOW_TOML.format(engine="piper") + extra)
    return load_project(tmp_path)


def test_named_speakers_get_their_own_voice(tmp_path: Path):
    show = _project(tmp_path, VOICES).show
    assert show.voice == VoiceSettings()
    assert show.quote_voice == VoiceSettings(length_scale=1.2, volume=0.9)
    assert Show(title="t", author="a", description="d").quote_voice == VoiceSettings(
        length_scale=1.25, volume=0.9)
    jessica = voice_for(show, "jessica jones")
    # A named voice starts from the quote voice.
    assert jessica == VoiceSettings(length_scale=0.95, volume=0.9, noise_scale=0.4)
    assert voice_for(show, "Kilgrave") == VoiceSettings(
        engine="gtts", voice="en", length_scale=1.2, volume=0.9, tld="co.uk")
    assert voice_for(show, "Trish") == show.quote_voice
    script = parse_script(SHORT_SCRIPT, "ep3")
    segments, _ = plan_segments(script, show)
    quote = next(s for s in segments if s.role == "quote")
    assert quote.speaker == "Jessica Jones" and quote.voice == jessica
    assert {s.voice for s in segments if s.role == "narrator"} == {show.voice}
    # Settings are part of the take's cache key.
    assert jessica.fingerprint() != show.quote_voice.fingerprint()
    assert VoiceSettings().fingerprint() == "piper|joe-us|1.0000|1.0000|com"


@pytest.mark.parametrize("extra, message", [
    ('[voices."Jessica Jones"]\nspeed = 2\n', 'unknown setting voices."Jessica Jones".speed'),
    ('[voices]\nJessica = 1\n', "one table a speaker"),
    ('[quote_voice]\nnoise_w = "loud"\n', "bad value in [quote_voice]"),
])
def test_bad_voice_tables_are_refused(tmp_path: Path, extra: str, message: str):
    with pytest.raises(ConfigError, match=message.replace("[", r"\[").replace(".", r"\.")):
        _project(tmp_path, extra)


def _seconds(settings: VoiceSettings, text: str) -> float:
    """Seconds of speech, silence at both ends trimmed, of Piper saying ``text``."""
    audio = get_engine(settings).synthesize(text)
    pcm = np.frombuffer(audio.data, dtype="<i2").astype(np.float64) / 32768
    voiced = np.flatnonzero(np.abs(pcm) > 0.02)
    pcm = pcm[voiced[0]:voiced[-1] + 1]
    return len(pcm) / audio.sample_rate


def test_default_quote_delivery_is_slower_than_narration():
    text = ("Cage tells Jones that he followed her to the restaurant, but when the door "
            "opened, only Kilgrave and Albert came outside into the cold night.")
    words = len(text.split())
    show = Show(title="t", author="a", description="d")
    narrator_wps = words / _seconds(show.voice, text)
    quote_wps = words / _seconds(show.quote_voice, text)
    # Measured: about 0.87 (length_scale 1.25); Piper's duration noise is a few percent.
    assert quote_wps < 0.93 * narrator_wps, (narrator_wps, quote_wps)


def test_an_engine_override_reaches_named_speakers(tmp_path: Path):
    from recapcast.voice.engines import with_engine

    show = with_engine(_project(tmp_path, VOICES).show, "tone")
    assert {v.engine for _, v in show.voices} == {"tone"}


DIALOGUE = """---
title: "Barn"
---

# The Barn

> I burned the parish records.
> — Maud

> I know.
> — Tobiah

[pause 1s]

> All of them?
> — Tobiah

The bell rings.

> Go.
> — Maud
"""


@pytest.mark.parametrize("language, lead", [("en", "In the words of"),
                                            ("es", "En palabras de")])
def test_a_dialogue_exchange_names_each_speaker_once_briefly(language: str, lead: str):
    show = Show(title="t", author="a", description="d", language=language)
    segments, _ = plan_segments(parse_script(DIALOGUE, "ep1"), show)
    intros = [s.written for s in segments if s.role == "narrator" and s.written.endswith(":")]
    # A quote that answers the one before it (a pause between is fine) is introduced by
    # its speaker's name alone; one after narration gets the whole introduction again.
    assert intros == [f"{lead} Maud:", "Tobiah:", "Tobiah:", f"{lead} Maud:"]
