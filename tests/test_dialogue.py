"""Dialogue inside the narration: runs of a paragraph voiced by their speakers.

The golden table (data/dialogue_golden.tsv) says how paragraphs in each of the shows'
languages are cut into runs; the other tests follow the runs into segments, transcripts,
the preview and a real Piper build that is listened to.
"""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import numpy as np
import pytest

from conftest import DATA, make_show, run_cli
from recapcast.config import load_project
from recapcast.model import Show, Span, VoiceSettings
from recapcast.release.transcript import to_srt, to_text, to_vtt
from recapcast.text.dialogue import runs
from recapcast.text.script import parse_script
from recapcast.text.segments import RUN_GAP_S, plan_segments, voice_for
from recapcast.voice.takes import take_key
from studio_server import running_studio

GOLDEN = DATA / "dialogue_golden.tsv"


def _rows() -> list[tuple[str, str, str]]:
    rows = []
    for line in GOLDEN.read_text("utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            language, paragraph, expected = line.split("\t")
            rows.append((language, paragraph, expected))
    return rows


ROWS = _rows()


def _shown(paragraph: str) -> str:
    return " || ".join(f"[{r.speaker}] {r.text}" if r.speaker else r.text
                       for r in runs(paragraph))


@pytest.mark.parametrize(("language", "paragraph", "expected"), ROWS,
                         ids=[f"{lang}: {p[:40]}" for lang, p, _ in ROWS])
def test_a_paragraph_is_cut_into_its_speakers_runs(language: str, paragraph: str,
                                                   expected: str) -> None:
    assert _shown(paragraph) == expected


def test_the_golden_table_covers_every_language_with_voiced_and_unvoiced_rows() -> None:
    for language in ("en", "es", "fr", "de", "it", "pt"):
        mine = [expected for lang, _, expected in ROWS if lang == language]
        assert any("[" in e for e in mine), language
        assert any("[" not in e for e in mine), language  # a pronoun stays narration


def _script(body: str) -> str:
    return ("---\ntitle: \"Dialogue\"\nepisode: 1\ndate: 2026-01-02\n---\n\n"
            + textwrap.dedent(body))


PARAGRAPH = ("The rain keeps falling on the harbour. “Keep the engine running,” Oksana tells "
             "him, and slams the door.")


def _show(**changes) -> Show:
    show = Show(title="t", author="a", description="d", opening="", signoff="")
    return Show(**{**show.__dict__, **changes})


def test_a_paragraph_with_dialogue_becomes_runs_in_their_voices_without_pauses() -> None:
    jessica = VoiceSettings(length_scale=0.95, volume=0.8)
    show = _show(voices=(("Oksana", jessica),))
    script = parse_script(_script(f"Before it all.\n\n{PARAGRAPH}\n\n"
                                  "“Run,” Mbali says.\n"), "ep1")
    segments, _ = plan_segments(script, show)
    second = [s for s in segments if s.paragraph == 1]
    assert [(s.role, s.speaker, s.written) for s in second] == [
        ("narrator", "", "The rain keeps falling on the harbour."),
        ("quote", "Oksana", "“Keep the engine running,”"),
        ("narrator", "", "Oksana tells him, and slams the door.")]
    assert [s.voice for s in second] == [show.voice, jessica, show.voice]
    # the paragraph's pause before it, none where the voice changes
    assert second[0].pause_before_s == show.pause_s
    assert [s.pause_before_s for s in second[1:]] == [RUN_GAP_S, RUN_GAP_S] == [0.0, 0.0]
    assert all(s.inline for s in second)
    # no "In the words of" inside a sentence; a speaker with no voice of their own gets
    # the quote voice
    assert not any("words of" in s.text for s in segments)
    third = [s for s in segments if s.paragraph == 2]
    assert (third[0].speaker, third[0].voice) == ("Mbali", show.quote_voice)
    # a paragraph with no dialogue is as it was: one narrator segment, not inline
    assert [(s.role, s.inline) for s in segments if s.paragraph == 0] == [("narrator", False)]


def test_a_pronoun_or_an_escape_keeps_the_quotation_in_the_narrators_voice() -> None:
    script = parse_script(_script("“Go,” she says, and nobody moves.\n\n"
                                  "\\“Keep the engine running,” Oksana tells him.\n"), "ep1")
    segments, _ = plan_segments(script, _show())
    assert [(s.role, s.written) for s in segments] == [
        ("narrator", "“Go,” she says, and nobody moves."),
        ("narrator", "“Keep the engine running,” Oksana tells him.")]


def _spans(segments, length: int = 1000) -> list[Span]:
    return [Span(s, n * length, (n + 1) * length) for n, s in enumerate(segments)]


def test_the_transcript_marks_the_speaker_on_the_quotations_run() -> None:
    segments, _ = plan_segments(parse_script(_script(f"{PARAGRAPH}\n"), "ep1"), _show())
    spans = _spans(segments)
    vtt = to_vtt(spans, 1000)
    assert "00:00:01.000 --> 00:00:02.000\n<v Oksana>“Keep the engine running,”</v>" in vtt
    assert "<v Oksana>Oksana tells him" not in vtt  # the narration after it is not hers
    srt = to_srt(spans, 1000)
    assert "Oksana: “Keep the engine running,”" in srt
    assert "Oksana: The rain" not in srt and "Oksana: Oksana" not in srt
    # the text transcript reads the paragraph as it was written, on one line
    assert to_text(spans) == PARAGRAPH + "\n"


def test_preview_lists_each_run_with_its_role_and_speaker(show: Path) -> None:
    (show / "scripts" / "ep3.md").write_text(_script(f"{PARAGRAPH}\n"), encoding="utf-8")
    listed = json.loads(run_cli("preview", "ep3", "--json", cwd=show, check=True).stdout)
    runs_seen = [(s["role"], s["speaker"]) for s in listed
                 if s["role"] in ("narrator", "quote")]
    assert runs_seen == [("narrator", ""), ("quote", "Oksana"), ("narrator", "")]


# -- a built paragraph, listened to ----------------------------------------------------

QUOTE_PACE = 1.5
QUOTED = "Keep the engine running and do not look back at the house"
LISTENED = (f"The rain keeps falling on the harbour. “{QUOTED},” Oksana tells him, and "
            "slams the door.")


def _voiced(samples: np.ndarray, rate: int, loudest: float | None = None) -> np.ndarray:
    """Where the 10 ms windows louder than 40 dB under ``loudest`` (else the loudest of
    ``samples``) start."""
    window = rate // 100
    frames = samples[:len(samples) // window * window].reshape(-1, window)
    rms = np.sqrt((frames.astype(np.float64) ** 2).mean(axis=1)) + 1e-9
    return np.flatnonzero(20 * np.log10(rms / (loudest or rms.max())) > -40) * window


def _loudest(samples: np.ndarray, rate: int) -> float:
    window = rate // 100
    frames = samples[:len(samples) // window * window].reshape(-1, window)
    return float(np.sqrt((frames ** 2).mean(axis=1)).max())


def _speech_s(samples: np.ndarray, rate: int, loudest: float | None = None) -> float:
    voiced = _voiced(samples, rate, loudest)
    return (voiced[-1] - voiced[0] + rate // 100) / rate


def listen(tmp_path: Path, pace: float = QUOTE_PACE) -> dict[str, float]:
    """Build the paragraph with Piper (the quote voice at ``pace``) and measure it: the
    quotation's speech against the narrator saying it, and the silences between runs."""
    from recapcast.sound import mixdown
    from recapcast.voice.engines import get_engine
    from recapcast.voice.takes import render_takes

    root = make_show(tmp_path / "show", engine="piper", script=None)
    with (root / "recapcast.toml").open("a", encoding="utf-8") as config:
        config.write(f"\n[quote_voice]\nlength_scale = {pace}\n")
    (root / "scripts" / "ep1.md").write_text(_script(f"{LISTENED}\n"), encoding="utf-8")
    project = load_project(root)
    show = Show(**{**project.show.__dict__, "opening": "", "signoff": ""})
    segments, titles = plan_segments(parse_script(_script(f"{LISTENED}\n"), "ep1"), show)
    takes = render_takes(segments, project.cache_dir, jobs=1)
    mix = mixdown.mix_episode(takes, titles, intro=None, outro=None, audio=show.audio)
    rate = mix.sample_rate
    track = np.frombuffer(mix.pcm, dtype="<i2").astype(np.float64)[::mix.channels] / 32768
    spans = {s.segment.role + str(n): s for n, s in enumerate(mix.spans)}
    before, quote, after = spans["narrator0"], spans["quote1"], spans["narrator2"]
    loud = _loudest(track, rate)
    in_quote = _speech_s(track[quote.start:quote.end], rate)
    narrated = get_engine(show.voice).synthesize(f"“{QUOTED},”")
    pcm = np.frombuffer(narrated.data, dtype="<i2").astype(np.float64) / 32768
    as_narration = _speech_s(pcm, narrated.sample_rate)
    ends = _voiced(track[before.start:before.end], rate, loud)[-1] + before.start
    starts = _voiced(track[quote.start:quote.end], rate, loud)[0] + quote.start
    quote_end = _voiced(track[quote.start:quote.end], rate, loud)[-1] + quote.start
    resumes = _voiced(track[after.start:after.end], rate, loud)[0] + after.start
    return {"pace_ratio": in_quote / as_narration,
            "gap_into_quote_s": (starts - ends) / rate,
            "gap_out_of_quote_s": (resumes - quote_end) / rate,
            "pause_s": show.pause_s,
            "quote_voice": float(quote.segment.voice.length_scale)}


def test_a_built_paragraph_changes_voice_at_the_quote_pace_without_a_break(tmp_path: Path):
    heard = listen(tmp_path)
    assert heard["quote_voice"] == QUOTE_PACE
    # Measured: 1.35 for length_scale 1.5 (1.01 at 1.0, 1.15 at 1.25, 1.75 at 2.0: the
    # speech itself slows by the scale, the edges of its words less).
    assert 1 + 0.5 * (QUOTE_PACE - 1) < heard["pace_ratio"] < QUOTE_PACE + 0.15, heard
    # Between the runs about RUN_JOIN_S (measured 0.10 to 0.12 s): well under a
    # paragraph's pause, which a listener hears as a new paragraph.
    assert heard["gap_into_quote_s"] < 0.5 * heard["pause_s"], heard
    assert heard["gap_out_of_quote_s"] < 0.5 * heard["pause_s"], heard


def test_the_studio_shows_each_run_with_its_speaker_and_plays_it(show: Path) -> None:
    (show / "scripts" / "ep3.md").write_text(_script(f"# One\n\n{PARAGRAPH}\n"),
                                             encoding="utf-8")
    project = load_project(show)
    with running_studio(show) as studio:
        view = studio.api("/api/episodes/ep3")
        paragraph = view["blocks"][1]
        assert [(s["role"], s["speaker"], s["written"]) for s in paragraph["sentences"]] == [
            ("narrator", "", "The rain keeps falling on the harbour."),
            ("quote", "Oksana", "“Keep the engine running,”"),
            ("narrator", "", "Oksana tells him, and slams the door.")]
        # a click on the quotation's run plays that run, in the speaker's voice
        take = studio.api("/api/episodes/ep3/speak", studio.segment_at("ep3", 1, 1, view))
        assert take["written"] == "“Keep the engine running,”"
        assert take["url"] == "/api/takes/" + take_key(voice_for(project.show, "Oksana"),
                                                       take["spoken"])
        assert take["url"] != "/api/takes/" + take_key(project.show.voice, take["spoken"])
        status, _, body = studio.request("GET", take["url"])
        assert status == 200 and body[:4] == b"RIFF"
