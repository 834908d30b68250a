"""Transcripts from span timings: cue sizes, times, escaping and speakers."""

from __future__ import annotations

import io

import webvtt

from recapcast.model import Segment, Span, VoiceSettings
from recapcast.release.transcript import MAX_CUE_CHARS, cues, to_srt, to_text, to_vtt

RATE = 1000  # one frame a millisecond keeps the expected times readable

LONG = ("Jones finds a video on Delaney Hall on the internet and people are saying a British "
        "man showed up, walked on stage and told everyone to be quiet - and they did. "
        "She calls Dr. Kozlov at once.")


def _span(index: int, written: str, start: int, end: int, role: str = "narrator",
          speaker: str = "", chapter: int = 1) -> Span:
    segment = Segment(index, written, written, VoiceSettings(), chapter, role, speaker)
    return Span(segment, start, end)


def test_cues_are_whole_sentences_or_balanced_runs_within_the_span():
    found = cues([_span(0, LONG, 1000, 11000)], RATE)
    assert all(len(c.text) <= MAX_CUE_CHARS for c in found)
    assert " ".join(c.text for c in found) == LONG
    assert found[-1].text == "She calls Dr. Kozlov at once."  # "Dr." does not end a sentence
    assert found[0].start_ms == 1000 and found[-1].end_ms == 11000
    for a, b in zip(found, found[1:], strict=False):
        assert a.end_ms == b.start_ms and a.start_ms < a.end_ms


def test_vtt_escapes_text_and_marks_speakers():
    spans = [_span(0, "Fish & chips <b>now</b>.", 0, 2000),
             _span(1, "I can only fight one big bad at a time.", 2500, 5000, "quote",
                   "Jessica <Jones>")]
    text = to_vtt(spans, RATE)
    assert text.startswith("WEBVTT\n\n1\n00:00:00.000 --> 00:00:02.000\n")
    assert "Fish &amp; chips &lt;b&gt;now&lt;/b&gt;." in text
    captions = webvtt.from_buffer(io.StringIO(text)).captions
    assert captions[1].voice == "Jessica Jones"
    assert captions[1].start == "00:00:02.500"


def test_srt_numbers_cues_and_names_the_speaker_once_per_take():
    spans = [_span(0, LONG, 0, 10000, "quote", "Trish Walker")]
    blocks = to_srt(spans, RATE).strip().split("\n\n")
    assert blocks[0].startswith("1\n00:00:00,000 --> ")
    assert "Trish Walker: Jones finds" in blocks[0].replace("\n", " ")
    assert all("Trish Walker" not in b for b in blocks[1:])


def test_plain_text_keeps_chapters_apart_and_quotes_attributed():
    spans = [_span(0, "Opening", 0, 1, chapter=1), _span(1, "She waits.", 1, 2, chapter=1),
             _span(2, "Hold on.", 2, 3, "quote", "Cage", chapter=1),
             _span(3, "The Chase", 3, 4, chapter=2)]
    assert to_text(spans) == "Opening\nShe waits.\n“Hold on.” — Cage\n\nThe Chase\n"
