"""A built episode measured as a listener's app and a loudness meter see it.

Loudness is read with two BS.1770 meters (pyloudnorm on the decoded MP3, ffmpeg's
ebur128 filter on the file); chapters are read back with mutagen and compared with the
chapters JSON and the description; transcripts are parsed with webvtt-py.
"""

from __future__ import annotations

import json
import re
import subprocess
import textwrap
import wave
from pathlib import Path

import numpy as np
import pyloudnorm
import pytest
import webvtt
from mutagen.id3 import ID3
from mutagen.mp3 import MP3
from PIL import Image

from conftest import SHORT_SCRIPT, make_show, run_cli
from recapcast.sound.mixdown import ffmpeg_exe


def ebur128(path: Path) -> tuple[float, float]:
    """(integrated LUFS, true peak dBTP) of ``path`` by ffmpeg's ebur128 filter."""
    result = subprocess.run([ffmpeg_exe(), "-nostats", "-i", str(path), "-filter_complex",
                             "ebur128=peak=true", "-f", "null", "-"],
                            capture_output=True, text=True, check=True)
    summary = result.stderr[result.stderr.rfind("Summary:"):]
    integrated = float(re.search(r"I:\s+(-?[\d.]+) LUFS", summary).group(1))
    peak = float(re.search(r"Peak:\s+(-?[\d.]+) dBFS", summary).group(1))
    return integrated, peak


def decode(path: Path) -> tuple[np.ndarray, int]:
    """The MP3 decoded to float samples (channels last) and its sample rate."""
    info = MP3(str(path)).info
    raw = subprocess.run([ffmpeg_exe(), "-v", "error", "-i", str(path), "-f", "f32le", "-"],
                         capture_output=True, check=True).stdout
    samples = np.frombuffer(raw, dtype="<f4").astype(np.float64)
    return samples.reshape(-1, info.channels), info.sample_rate


def assert_mastered(path: Path) -> None:
    integrated, peak = ebur128(path)
    assert integrated == pytest.approx(-16.0, abs=1.0)
    assert peak <= -1.0
    samples, rate = decode(path)
    assert pyloudnorm.Meter(rate).integrated_loudness(samples) == pytest.approx(-16.0, abs=1.0)


def build(show: Path, episode: str = "ep3") -> dict:
    return json.loads(run_cli("build", episode, "--json", cwd=show, check=True).stdout)


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, dict]:
    show = make_show(tmp_path_factory.mktemp("release") / "show")
    return show, build(show)


def _words(text: str) -> list[str]:
    return [w for w in re.sub(r"[^\w' ]+", " ", text.lower()).split() if w.strip("'")]


def _seconds(stamp: str) -> float:
    hours, minutes, seconds = stamp.replace(",", ".").split(":")
    return int(hours) * 3600 + int(minutes) * 60 + float(seconds)


def test_tone_episode_is_mastered_to_minus_16_lufs(built):
    show, report = built
    assert_mastered(Path(report["audio"]))
    assert report["loudness_lufs"] == pytest.approx(-16.0, abs=0.2)
    assert report["true_peak_db"] <= -1.0
    outside_lufs, outside_peak = ebur128(Path(report["audio"]))
    assert report["loudness_lufs"] == pytest.approx(outside_lufs, abs=0.1)
    assert report["true_peak_db"] == pytest.approx(outside_peak, abs=0.2)
    mp3 = MP3(report["audio"])
    assert (mp3.info.channels, mp3.info.sample_rate, mp3.info.bitrate) == (1, 44100, 96000)


def test_intro_music_plays_alone_then_ducks_under_the_first_words(built):
    show, report = built
    samples, rate = decode(Path(report["audio"]))
    mono = samples.mean(axis=1)
    first_words = Path(report["transcript"]["vtt"]).read_text().split("\n\n")[1]
    voice_at = _seconds(first_words.splitlines()[1].split(" --> ")[0])
    assert voice_at == pytest.approx(4.0, abs=0.01)

    def level(a: float, b: float) -> float:
        part = mono[int(a * rate):int(b * rate)]
        return 20 * np.log10(np.sqrt(np.mean(part ** 2)) + 1e-12)

    def tone_free(a: float, b: float) -> float:
        # The tone voice is a 220 Hz sine: notch it out to hear the music bed alone.
        part = mono[int(a * rate):int(b * rate)]
        spectrum = np.fft.rfft(part * np.hanning(len(part)))
        freqs = np.fft.rfftfreq(len(part), 1 / rate)
        spectrum[np.abs(freqs - 220) < 15] = 0
        return 20 * np.log10(np.sqrt(np.mean(np.fft.irfft(spectrum) ** 2)) + 1e-12)

    assert level(0.5, 3.0) > -30  # the intro opens the episode
    # music_db = -4: the intro sits about 4 LU under the voice's -16 LUFS.
    intro = pyloudnorm.Meter(rate).integrated_loudness(mono[int(0.5 * rate):int(3.5 * rate)])
    assert intro == pytest.approx(-20.0, abs=1.5)
    assert tone_free(0.5, 3.0) - tone_free(4.5, 6.5) > 10  # the bed is ducked under the voice
    assert tone_free(4.5, 6.5) > -70  # ... but still there
    assert tone_free(12.0, 13.5) < tone_free(4.5, 6.5) - 20  # and then gone


def test_chapters_agree_in_id3_json_and_description(built):
    show, report = built
    audio = Path(report["audio"])
    tags = ID3(str(audio))
    assert tags.version[:2] == (2, 3)
    chaps = sorted(tags.getall("CHAP"), key=lambda c: c.start_time)
    toc = tags.getall("CTOC")[0]
    assert toc.flags & 0x03 == 0x03
    assert toc.child_element_ids == [c.element_id for c in chaps]
    data = json.loads(Path(report["chapters_file"]).read_text())
    assert Path(report["chapters_file"]) == show / "audio" / "ep3.chapters.json"
    assert data["version"] == "1.2.0"
    assert [c["title"] for c in data["chapters"]] == ["Intro", "Opening", "The Chase"]
    assert [str(c.sub_frames["TIT2"]) for c in chaps] == ["Intro", "Opening", "The Chase"]
    description = str(tags.getall("COMM")[0])
    lines = [line for line in description.splitlines() if re.match(r"\d\d:\d\d ", line)]
    assert len(lines) == len(chaps)
    for chap, entry, line in zip(chaps, data["chapters"], lines, strict=True):
        assert abs(chap.start_time / 1000 - entry["startTime"]) <= 0.05
        assert abs(chap.end_time / 1000 - entry["endTime"]) <= 0.05
        minutes, seconds = line[:5].split(":")
        # MM:SS is cut to the second; chapters start on whole seconds where they can.
        assert abs(int(minutes) * 60 + int(seconds) - entry["startTime"]) <= 0.05
    duration = MP3(str(audio)).info.length
    assert chaps[-1].end_time == int(duration * 1000)
    assert data["chapters"][-1]["endTime"] == pytest.approx(duration, abs=0.05)
    assert data["chapters"][0]["startTime"] == 0


def test_vtt_cues_cover_the_script_in_order_with_quote_speakers(built):
    show, report = built
    vtt_path = Path(report["transcript"]["vtt"])
    assert vtt_path == show / "audio" / "ep3.vtt"
    captions = webvtt.read(str(vtt_path)).captions
    duration = MP3(report["audio"]).info.length
    times = [(_seconds(c.start), _seconds(c.end)) for c in captions]
    for (start, end), (next_start, _) in zip(times, times[1:] + [(duration, 0)], strict=True):
        assert 0 <= start < end <= next_start <= duration
    spoken = [w for c in captions for w in _words(c.text)]
    body = SHORT_SCRIPT.split("---", 2)[2]
    expected = []
    for line in body.splitlines():
        line = line.lstrip("#> ").strip()
        if line.startswith("—"):
            continue
        expected += _words(line)
    remaining = iter(spoken)
    assert all(word in remaining for word in expected), "cues miss script words or reorder them"
    quotes = [c for c in captions if c.voice]
    assert [c.voice for c in quotes] == ["Jessica Jones"]
    assert quotes[0].text == "I can only fight one big bad at a time."
    assert "<v Jessica Jones>" in vtt_path.read_text()


def test_srt_and_uslt_carry_the_same_transcript(built):
    show, report = built
    srt = webvtt.from_srt(report["transcript"]["srt"]).captions
    vtt = webvtt.read(report["transcript"]["vtt"]).captions
    assert [(c.start, c.end) for c in srt] == [(c.start, c.end) for c in vtt]
    assert any(c.text.startswith("Jessica Jones: I can only") for c in srt)
    uslt = ID3(report["audio"]).getall("USLT")[0]
    assert uslt.lang == "eng"
    words = _words(uslt.text)
    # The show's opening, then the script from its first heading.
    assert words[:12] == ["test", "show", "season", "1", "episode", "3", "a", "short", "test",
                          "opening", "jessica", "walks"]
    assert "“I can only fight one big bad at a time.” — Jessica Jones" in uslt.text


def test_cover_is_generated_embedded_and_published(built):
    show, report = built
    cover = Path(report["cover"])
    assert cover == show / "feed" / "cover.jpg"
    with Image.open(cover) as image:
        assert (image.format, image.mode, image.size) == ("JPEG", "RGB", (3000, 3000))
    apic = ID3(report["audio"]).getall("APIC")[0]
    assert apic.mime == "image/jpeg" and apic.data == cover.read_bytes()


def _write_wav(path: Path, samples: np.ndarray, rate: int = 48000) -> None:
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes((samples * 32767).astype("<i2").tobytes())


def test_stereo_128k_with_own_music_files_and_pauses(tmp_path: Path):
    show = make_show(tmp_path / "show")
    rate = 48000
    t = np.arange(int(6 * rate)) / rate
    _write_wav(show / "intro.wav", 0.5 * np.sin(2 * np.pi * 660 * t), rate)
    _write_wav(show / "outro.wav", 0.5 * np.sin(2 * np.pi * 880 * t[: 3 * rate]), rate)
    config = show / "recapcast.toml"
    config.write_text(config.read_text().replace(
        'owner_email = "tests@example.com"',
        'owner_email = "tests@example.com"\nintro = "intro.wav"\noutro = "outro.wav"\n'
        "pause_s = 1.0\nchapter_pause_s = 2.5\nopening = \"\"") + textwrap.dedent("""
        [audio]
        channels = 2
        bitrate_kbps = 128
        music_db = -2.0
        intro_s = 3.0
        """))
    report = build(show)
    audio = Path(report["audio"])
    mp3 = MP3(str(audio))
    assert (mp3.info.channels, mp3.info.bitrate) == (2, 128000)
    assert_mastered(audio)
    chapters = json.loads(Path(report["chapters_file"]).read_text())["chapters"]
    assert chapters[1]["startTime"] == 3.0
    samples, rate = decode(audio)
    tail = samples[-int(2.5 * rate):, 0]
    spectrum = np.abs(np.fft.rfft(tail))
    assert np.fft.rfftfreq(len(tail), 1 / rate)[np.argmax(spectrum)] == pytest.approx(880, abs=5)
    cues = webvtt.read(report["transcript"]["vtt"]).captions
    gaps = [_seconds(b.start) - _seconds(a.end) for a, b in zip(cues, cues[1:], strict=False)]
    # Between chapters 2.5 s; between paragraphs 1.0 s; between sentences of one take, none.
    assert max(gaps) == pytest.approx(2.5, abs=0.01)
    assert any(g == pytest.approx(1.0, abs=0.01) for g in gaps)


def test_music_can_be_turned_off(tmp_path: Path):
    show = make_show(tmp_path / "show")
    config = show / "recapcast.toml"
    config.write_text(config.read_text().replace(
        'owner_email = "tests@example.com"',
        'owner_email = "tests@example.com"\nintro = "none"\noutro = "none"'))
    report = build(show)
    first = webvtt.read(report["transcript"]["vtt"]).captions[0]
    assert _seconds(first.start) == pytest.approx(0.4, abs=0.01)
    assert_mastered(Path(report["audio"]))


def test_bad_audio_settings_are_config_errors(tmp_path: Path):
    show = make_show(tmp_path / "show")
    config = show / "recapcast.toml"
    original = config.read_text()
    for table, needle in [("[audio]\nchannels = 6\n", "audio.channels"),
                          ("[audio]\nloudnes_lufs = -16\n", "unknown setting audio.loudnes"),
                          ("[audio]\nbitrate_kbps = \"96k\"\n", "audio.bitrate_kbps")]:
        config.write_text(original + table)
        result = run_cli("build", "ep3", cwd=show)
        assert result.returncode == 1
        assert needle in result.stderr and "Traceback" not in result.stderr
    config.write_text(original.replace('owner_email = "tests@example.com"',
                                       'owner_email = "tests@example.com"\nintro = "gone.mp3"'))
    result = run_cli("build", "ep3", cwd=show)
    assert result.returncode == 1 and "gone.mp3" in result.stderr


def test_piper_episode_is_mastered_on_real_speech(piper_built: tuple[Path, dict]):
    _, report = piper_built
    assert_mastered(Path(report["audio"]))
    cues = webvtt.read(report["transcript"]["vtt"]).captions
    assert [c.voice for c in cues if c.voice] == ["Jessica Jones"]
