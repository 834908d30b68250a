"""Stitches music, takes and pauses into one mix and encodes the MP3 (owns pydub and ffmpeg)."""

from __future__ import annotations

import contextlib
import io
import math
import subprocess
import threading
import time
import warnings
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

import numpy as np

from recapcast.errors import BuildError
from recapcast.model import AudioSettings, Chapter, Mix, Span, Take
from recapcast.safety import interrupts
from recapcast.safety.atomic import write_bytes
from recapcast.sound import loudness
from recapcast.sound.fir import FilterBank
from recapcast.voice.engines import levelled_in_mix, peak_target

__all__ = ["SAMPLE_RATE", "TakeStore", "ffmpeg_exe", "decode_file", "decode_music",
           "mix_episode", "encoder_gain", "prepare",
           "encode_mp3"]

SAMPLE_RATE = 44100
MEASURES_VERSION = "2"
"""Bump when loudness.measure changes, so cached measures are made again."""
DEFAULT_AUDIO = AudioSettings()
LEAD_IN_S = 0.4
"""Silence before the first words when there is no intro music (or it is short)."""
DUCK_S = 0.8
"""How long the intro takes to fall to its bed level, ending as the voice starts."""
BED_S = 3.0
BED_FADE_S = 2.5
"""The bed holds under the first words for BED_S, then fades out over BED_FADE_S."""
OUTRO_GAP_S = 1.0
TAIL_S = 0.3
END_SILENCE_S = 1.0
"""Silence after the last words when there is no outro."""
RUN_JOIN_S = 0.12
"""Silence left between two voices taking turns inside one paragraph (``Segment.inline``):
the takes' own silent edges overlap down to this, so a quotation inside a sentence is a
change of voice, not a pause."""
VOICED = 0.01
"""A sample this loud (about -40 dBFS) is voice, not a take's silent edge."""


@lru_cache(maxsize=1)
def ffmpeg_exe() -> str:
    """The ffmpeg binary that ``imageio-ffmpeg`` ships (with libmp3lame)."""
    import imageio_ffmpeg

    return imageio_ffmpeg.get_ffmpeg_exe()


@lru_cache(maxsize=1)
def _audio_segment():
    with warnings.catch_warnings():
        # pydub warns at import when no ffprobe is on PATH; we never use ffprobe.
        warnings.simplefilter("ignore", RuntimeWarning)
        from pydub import AudioSegment
    AudioSegment.converter = ffmpeg_exe()
    return AudioSegment


def decode_music(path: Path, rate: int = SAMPLE_RATE) -> np.ndarray:
    """Decode a music file (any format ffmpeg reads) to mono float samples at ``rate``."""
    return np.frombuffer(decode_file(path, rate), dtype="<i2").astype(np.float64) / 32768


def decode_file(path: Path, rate: int = SAMPLE_RATE) -> bytes:
    """Decode any file ffmpeg reads to mono s16le PCM at ``rate``."""
    result = subprocess.run(
        [ffmpeg_exe(), "-v", "error", "-nostdin", "-i", str(path), "-f", "s16le", "-ac", "1",
         "-ar", str(rate), "-"],
        capture_output=True,
    )
    if result.returncode != 0 or not result.stdout:
        detail = result.stderr.decode("utf-8", "replace").strip().splitlines()
        raise BuildError(f"cannot read audio file {path}: {detail[-1] if detail else 'no audio'}",
                         "give a file ffmpeg can decode (WAV, MP3, FLAC, OGG, ...)")
    return result.stdout


def _upsample(samples: np.ndarray, factor: int) -> np.ndarray:
    """Resample by a whole ``factor`` with a windowed-sinc interpolator (no images above
    the old Nyquist, which MP3 coding would turn into true-peak overshoot); float32."""
    return _upsampler(factor).run(samples).T.ravel()


@lru_cache(maxsize=2)
def _upsampler(factor: int) -> FilterBank:
    """Output sample ``k * factor + offset`` is filter ``offset``'s output at ``k``."""
    taps = 32 * factor - 1
    n = np.arange(taps) - (taps - 1) / 2
    h = np.sinc(n / factor) * np.kaiser(taps, 8.0)
    h *= factor / h.sum()
    centre = (taps - 1) // 2
    filters, delays = [], []
    for offset in range(factor):
        phase, delay = (offset + centre) % factor, (offset + centre) // factor
        filters.append(h[phase::factor])
        delays.append(delay)
    return FilterBank(filters, delays)


def _samples(take: Take, rate: int) -> np.ndarray:
    """A take as float32 mono samples at ``rate``, at the level it has in the mix."""
    if take.path.suffix != ".wav" or (rate % take.sample_rate if take.sample_rate else 1):
        # ffmpeg's resampler for encoded takes and uneven rate ratios.
        pcm = decode_file(take.path, rate)
        return _level(take, np.frombuffer(pcm, dtype="<i2").astype(np.float32) / 32768)
    # Read from the bytes, not with from_wav: that goes through from_file, whose bare
    # except turns a Ctrl-C during the read into a retry with ffprobe (not installed).
    segment = _audio_segment()(data=take.path.read_bytes())
    segment = segment.set_channels(1).set_sample_width(2)
    samples = np.frombuffer(segment.raw_data, dtype="<i2").astype(np.float32) / 32768
    samples = _level(take, samples)
    factor = rate // segment.frame_rate
    return samples if factor == 1 else _upsample(samples, factor)


def _level(take: Take, samples: np.ndarray) -> np.ndarray:
    """A take of an engine whose takes are at the voice's own level (Piper) with its peak
    brought to the voice's volume, as Piper's normalising did (takes cached before, already
    there, get a gain of exactly 1). Piper normalised each sentence espeak-ng found in a
    segment on its own; here the segment is levelled as one."""
    voice = take.segment.voice
    peak = float(np.max(np.abs(samples))) if len(samples) else 0.0
    if peak < 1e-6 or not levelled_in_mix(voice.engine):
        return samples
    gain = np.float32(peak_target(voice) / peak)
    return samples if gain == 1 else samples * gain


def _length(take: Take, rate: int) -> int:
    """How many samples a take has at ``rate``, from its header when no decoding is needed."""
    if take.path.suffix == ".wav" and take.sample_rate and not rate % take.sample_rate:
        return take.frames * (rate // take.sample_rate)
    return len(_samples(take, rate))


class TakeStore:
    """Each take's samples at the mix rate and its loudness measures, made as the takes
    arrive (while later ones are still being spoken) rather than after the last one.

    Measures are cached in ``measures_dir`` under the take's key, stamped with the take
    file's size and time, so a take spoken again is measured again. Samples are kept in
    memory up to ``budget`` bytes and read again from the take past that.
    """

    def __init__(self, rate: int, measures_dir: Path | None = None,
                 budget: int = 64 << 20) -> None:
        self.rate = rate
        self.measures_dir = measures_dir
        self.budget = budget
        self._measures: dict[Path, loudness.Measures] = {}
        self._samples: dict[Path, np.ndarray] = {}
        self._kept = 0

    def add(self, take: Take) -> None:
        """Measure ``take`` (or load its measures), keeping its samples if they fit."""
        if take.path in self._measures:
            return
        measures = self._load(take)
        samples = None
        if measures is None or self._kept < self.budget:
            samples = _samples(take, self.rate)
        if measures is None:
            measures = loudness.measure(samples, self.rate)
            self._save(take, measures)
        self._measures[take.path] = measures
        if samples is not None and self._kept + samples.nbytes <= self.budget:
            self._samples[take.path] = samples
            self._kept += samples.nbytes

    def measures(self, take: Take) -> loudness.Measures:
        self.add(take)
        return self._measures[take.path]

    def edges(self, take: Take) -> tuple[int, int]:
        """The silent samples at the start and at the end of the take (kept in memory)."""
        kept = self._samples.get(take.path)
        samples = kept if kept is not None else _samples(take, self.rate)
        voiced = np.flatnonzero(np.abs(samples) > VOICED)
        if not len(voiced):
            return len(samples), len(samples)
        return int(voiced[0]), int(len(samples) - 1 - voiced[-1])

    def samples(self, take: Take) -> np.ndarray:
        """The take's samples at the mix rate (float32); dropped from memory once asked."""
        kept = self._samples.pop(take.path, None)
        return kept if kept is not None else _samples(take, self.rate)

    def _file(self, take: Take) -> Path | None:
        if self.measures_dir is None:
            return None
        key = take.path.stem
        return self.measures_dir / str(self.rate) / key[:2] / f"{key}.npz"

    @staticmethod
    def _stamp(take: Take) -> str:
        stat = take.path.stat()
        return f"{MEASURES_VERSION}:{stat.st_size}:{stat.st_mtime_ns}"

    def _load(self, take: Take) -> loudness.Measures | None:
        path = self._file(take)
        if path is None or not path.is_file():
            return None
        try:
            with np.load(path, allow_pickle=False) as data:
                if str(data["stamp"]) != self._stamp(take):
                    return None
                return loudness.Measures(data["energies"], data["peaks"], int(data["lead"]))
        except (OSError, ValueError, KeyError):
            return None

    def _save(self, take: Take, measures: loudness.Measures) -> None:
        path = self._file(take)
        if path is None:
            return
        buffer = io.BytesIO()
        np.savez(buffer, energies=measures.energies, peaks=measures.peaks,
                 lead=measures.lead, stamp=self._stamp(take))
        try:
            write_bytes(path, buffer.getvalue())
        except OSError:
            pass  # only a cache: the next build measures the take again


def _pcm_array(samples: np.ndarray, chunk: int = 1 << 18) -> np.ndarray:
    """16-bit samples of float samples, converted a chunk at a time."""
    out = np.empty(len(samples), dtype="<i2")
    for a in range(0, len(samples), chunk):
        part = np.clip(samples[a:a + chunk], -1.0, 32767 / 32768) * 32768
        out[a:a + chunk] = np.round(part, out=part)
    return out


def _to_pcm(samples: np.ndarray) -> bytes:
    return _pcm_array(samples).tobytes()


def _pcm_in_place(samples: np.ndarray, gain: float = 1.0, chunk: int = 1 << 18) -> memoryview:
    """16-bit PCM of float32 samples times ``gain``, written over the first half of their
    own buffer.

    Sample i's two bytes land at byte 2i, behind its float at byte 4i: converting chunk
    by chunk from the start (each chunk copied first) never overwrites a float still to be
    read. The mix then costs one buffer, not a float32 one plus an int16 one.
    """
    if samples.dtype != np.float32 or not samples.flags.c_contiguous \
            or not samples.flags.writeable:
        return memoryview(_pcm_array(samples * gain)).cast("B")
    out = samples.view("<i2")[:len(samples)]
    for a in range(0, len(samples), chunk):
        part = samples[a:a + chunk] * np.float32(gain)
        np.clip(part, -1.0, 32767 / 32768, out=part)
        part *= np.float32(32768)
        out[a:a + len(part)] = np.round(part, out=part)
    return memoryview(out).cast("B")


def _music_envelope(length: int, rate: int, voice_at: int, duck_db: float) -> np.ndarray:
    """Full level, a fall to ``duck_db`` just before the voice, a bed, then a fade to nothing."""
    at = voice_at / rate
    points = np.array([0.0, at - DUCK_S, at, at + BED_S, at + BED_S + BED_FADE_S])
    # np.interp needs increasing points; a voice at 0 s gives the duck no time.
    points = np.maximum.accumulate(np.maximum(points, 0.0)) + np.arange(5) * 1e-9
    bed = 10 ** (duck_db / 20)
    return np.interp(np.arange(length) / rate, points, [1.0, 1.0, bed, bed, 0.0])


def _bed_length(intro: np.ndarray, rate: int, voice_at: int, total: int) -> int:
    return min(len(intro), total, voice_at + int((BED_S + BED_FADE_S) * rate))


def _takes_turns(before, segment) -> bool:
    """Whether ``segment`` is the next voice of a paragraph with dialogue inside it."""
    return (segment.inline and before.inline and before.paragraph == segment.paragraph
            and (before.role, before.speaker) != (segment.role, segment.speaker))


def mix_episode(takes: Sequence[Take], chapter_titles: Sequence[str], *,
                intro: np.ndarray | None, outro: np.ndarray | None,
                audio: AudioSettings = DEFAULT_AUDIO, store: TakeStore | None = None) -> Mix:
    """Lay the takes after their pauses over the intro bed, add the outro, and master the mix.

    The voice is mastered first (loudness.master: ``audio.loudness_lufs``, true peaks
    limited); the music is then set ``audio.music_db`` LU from it: the intro plays alone
    for ``audio.intro_s``, ducks by ``audio.duck_db`` under the first words and fades out;
    the outro follows the last words. One gain then brings the whole mix to the target
    (loudness.finish, limiting only where music was added).
    Chapter times come from sample counts: chapter 0 starts at 0, each other chapter at
    the whole second before its first take when that second falls in the pause before
    it (so ``MM:SS`` lines are exact), else at the take's first sample. Takes start on a
    block edge (``loudness.block_size``, under a millisecond), so their measures from
    ``store`` add up to the voice track's.
    """
    rate = audio.sample_rate
    store = store or TakeStore(rate)
    block = loudness.block_size(rate)
    intro = intro if intro is not None and len(intro) else None
    if intro is None:
        cursor = int(LEAD_IN_S * rate)
    elif len(intro) > int(audio.intro_s * rate):
        cursor = int(round(audio.intro_s * rate))
    else:
        cursor = len(intro) + int(LEAD_IN_S * rate)
    # The mix is laid out from the takes' frame counts, then filled in place: one float32
    # buffer is the only whole-episode copy until the PCM is made.
    lengths = [_length(take, rate) for take in takes]
    layout: list[int] = []
    starts: dict[int, int] = {0: 0}
    previous_end = 0
    for n, take in enumerate(takes):
        if n:
            cursor += int(round(take.segment.pause_before_s * rate))
        if n and _takes_turns(takes[n - 1].segment, take.segment):
            tail = store.edges(takes[n - 1])[1]
            head = store.edges(take)[0]
            cursor -= max(0, min(tail + head - int(RUN_JOIN_S * rate), lengths[n - 1]))
        cursor = -(-cursor // block) * block
        if take.segment.chapter not in starts:
            starts[take.segment.chapter] = max(previous_end, cursor - cursor % rate)
        layout.append(cursor)
        cursor += lengths[n]
        previous_end = cursor
    voice_end = cursor
    outro = outro if outro is not None and len(outro) else None
    outro_at = voice_end + int(OUTRO_GAP_S * rate)
    total = outro_at + len(outro) + int(TAIL_S * rate) if outro is not None else \
        voice_end + int(END_SILENCE_S * rate)
    track = np.zeros(total, dtype=np.float32)
    spans: list[Span] = []
    for n, (take, at, length) in enumerate(zip(takes, layout, lengths, strict=True)):
        voice = store.samples(take)
        # added, not set: two voices taking turns overlap by their silent edges
        track[at:at + min(length, len(voice))] += voice[:length]
        # a span ends where the next take starts, so spans never overlap
        end = min(at + length, layout[n + 1]) if n + 1 < len(layout) else at + length
        spans.append(Span(take.segment, at, end))
        del voice
    blocks = loudness.lay_out([(at, store.measures(take)) for take, at in zip(takes, layout,
                                                                               strict=True)],
                              total, rate)
    # The voice is mastered first, so the music sits music_db from the voice as heard.
    voice = loudness.master(track, rate, loudness_lufs=audio.loudness_lufs,
                            peak_db=audio.true_peak_db, measured_blocks=blocks)
    del blocks
    track = voice.samples
    music_lufs = audio.loudness_lufs + audio.music_db
    regions = []
    voice_at = spans[0].start if spans else cursor
    if intro is not None:
        length = _bed_length(intro, rate, voice_at, total)
        bed = intro[:length] * _music_envelope(length, rate, voice_at, audio.duck_db)
        # Level the music by what plays at full level, not by a long file's later parts.
        heard = intro[:voice_at] if voice_at >= rate else intro[:length]
        track[:length] += bed * _music_gain(heard, rate, music_lufs)
        regions.append((0, length))
    if outro is not None:
        track[outro_at:outro_at + len(outro)] += outro * _music_gain(outro, rate, music_lufs)
        regions.append((outro_at, outro_at + len(outro)))
    mastered = loudness.finish(track, rate, regions, voice.true_peak_db, energies=voice.energies,
                               loudness_lufs=audio.loudness_lufs, peak_db=audio.true_peak_db)
    ordered = sorted((start, index) for index, start in starts.items())
    chapters = []
    for n, (start, index) in enumerate(ordered):
        end = ordered[n + 1][0] if n + 1 < len(ordered) else total
        chapters.append(Chapter(chapter_titles[index], start * 1000 // rate, end * 1000 // rate))
    figures = _figure(mastered.loudness_lufs), _figure(mastered.true_peak_db)
    # LAME's own scaling is undone here, in the conversion the mix needs anyway, rather
    # than by a filter in the encoder.
    makeup = 1.0 / encoder_gain(audio.bitrate_kbps, rate)
    pcm = _pcm_in_place(mastered.samples, makeup)
    return Mix(pcm, rate, 1, tuple(chapters), tuple(spans), *figures,
               encode_gain=makeup)


def _figure(value: float) -> float | None:
    return round(value, 2) if np.isfinite(value) else None


def _music_gain(music: np.ndarray, rate: int, target_lufs: float) -> float:
    measured = loudness.integrated_loudness(music, rate)
    if not np.isfinite(measured):
        return 0.0
    return 10 ** ((target_lufs - measured) / 20)


def prepare(audio: AudioSettings = DEFAULT_AUDIO) -> None:
    """Do the mix's set-up work (imports, the encoder's gain) before the takes are ready."""
    loudness.prepare(audio.sample_rate)
    _audio_segment()
    encoder_gain(audio.bitrate_kbps, audio.sample_rate)


@lru_cache(maxsize=8)
def encoder_gain(bitrate_kbps: int, rate: int = SAMPLE_RATE) -> float:
    """The level LAME leaves at ``bitrate_kbps``, measured on a test tone (about 1.0).

    LAME scales its input down at low bitrates (0.95 up to 128 kbps) to avoid clipping,
    which would take 0.45 LU off a mastered mix; the encode undoes it.
    """
    t = np.arange(rate) / rate
    tone = 0.25 * np.sin(2 * np.pi * 997 * t)
    encoded = subprocess.run(
        [ffmpeg_exe(), "-v", "error", "-nostdin", "-f", "s16le", "-ar", str(rate), "-ac", "1",
         "-i", "-", "-c:a", "libmp3lame", "-b:a", f"{bitrate_kbps}k", "-f", "mp3", "-"],
        input=_to_pcm(tone), capture_output=True).stdout
    decoded = subprocess.run(
        [ffmpeg_exe(), "-v", "error", "-nostdin", "-f", "mp3", "-i", "-", "-f", "f32le",
         "-ac", "1", "-"], input=encoded, capture_output=True).stdout
    back = np.frombuffer(decoded, dtype="<f4").astype(np.float64)
    middle = slice(rate // 4, 3 * rate // 4)
    if len(back) < 3 * rate // 4:
        return 1.0
    ratio = float(np.sqrt(np.mean(back[middle] ** 2) / np.mean(tone[middle] ** 2)))
    return ratio if 0.5 < ratio < 1.5 else 1.0


def _encode(pcm: bytes, mix: Mix, target: Path, audio: AudioSettings) -> tuple[float, float]:
    """Encode the PCM to ``target`` and measure the MP3 while it is being written.

    One ffmpeg encodes (the PCM is piped in: pydub's export leaves scratch files behind
    when interrupted); a second decodes the file as it grows, so decoding and measuring
    run on the other core while LAME works, not after it. The decoder sees the file's
    first frame before LAME rewrites its header at the end, which only delays the
    decoded audio by the encoder's start-up samples: loudness and peak do not change.
    """
    makeup = 1.0 / encoder_gain(audio.bitrate_kbps, audio.sample_rate) / mix.encode_gain
    volume = ["-af", f"volume={makeup:.6f}"] if abs(makeup - 1.0) > 1e-6 else []
    encode = [ffmpeg_exe(), "-v", "error", "-y", "-f", "s16le", "-ar", str(mix.sample_rate),
              "-ac", str(mix.channels), "-i", "pipe:0", *volume,
              "-ar", str(audio.sample_rate), "-ac", str(audio.channels),
              "-c:a", "libmp3lame", "-b:a", f"{audio.bitrate_kbps}k",
              # LAME's quality 7 encodes about 2.5 times faster than its default here.
              "-compression_level", "7", "-f", "mp3", str(target)]
    # The file has the channels and rate the encoder was given: no conversion (its filter
    # graph cost a quarter of the decoding time).
    decode = [ffmpeg_exe(), "-v", "error", "-f", "mp3", "-i", "pipe:0", "-f", "f32le",
              "pipe:1"]
    processes: list[subprocess.Popen] = []
    helpers: list[threading.Thread] = []
    # A mix mastered here has its loudness measured already; LAME's gain is undone in the
    # encode, so the file measures the same (to 0.02 LU): only its true peak is new.
    known_lufs = mix.loudness_lufs if mix.sample_rate == audio.sample_rate else None
    meter = loudness.Meter(audio.sample_rate, audio.channels, loudness=known_lufs is None)
    # Empty, so the follower never reads a previous attempt's bytes.
    target.write_bytes(b"")
    try:
        with interrupts.deferred():
            encoder = subprocess.Popen(encode, stdin=subprocess.PIPE,
                                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            processes.append(encoder)
            decoder = subprocess.Popen(decode, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                       stderr=subprocess.DEVNULL)
            processes.append(decoder)
        errors: list[bytes] = []
        for work, args in ((_feed, (encoder, pcm, errors)),
                           (_follow, (target, encoder, decoder.stdin))):
            helper = threading.Thread(target=work, args=args, daemon=True)
            helper.start()
            helpers.append(helper)
        frame = 4 * audio.channels
        rest = b""
        while data := decoder.stdout.read(1 << 18):
            data, rest = rest + data, b""
            whole = len(data) // frame * frame
            data, rest = data[:whole], data[whole:]
            meter.feed(np.frombuffer(data, dtype="<f4").reshape(-1, audio.channels))
        for helper in helpers:
            helper.join()
        encoder.wait()
        decoder.wait()
    finally:
        # Interrupted: ffmpeg must be gone before the caller removes its temporary target.
        for process in processes:
            if process.poll() is None:
                process.kill()
            process.wait()
        for helper in helpers:
            helper.join()
    if encoder.returncode != 0:
        detail = b"".join(errors).decode("utf-8", "replace").strip().splitlines()
        raise BuildError(f"MP3 encoding failed: {detail[-1] if detail else 'ffmpeg failed'}",
                         "check free disk space, then rerun with --debug")
    lufs, peak = meter.result()
    if known_lufs is not None:
        lufs = known_lufs
    if decoder.returncode != 0 or not math.isfinite(peak):
        raise BuildError(f"cannot measure the loudness of {target}")
    return round(lufs, 2), round(peak, 2)


def _feed(encoder: subprocess.Popen, pcm: bytes, errors: list[bytes]) -> None:
    """Write the PCM to the encoder, then collect what it printed."""
    try:
        encoder.stdin.write(pcm)
        encoder.stdin.close()
    except (BrokenPipeError, ValueError, OSError):
        pass  # the encoder died or was killed: its exit code says so
    errors.append(encoder.stderr.read())


def _follow(path: Path, encoder: subprocess.Popen, sink) -> None:
    """Copy ``path`` to ``sink`` as it grows, until the encoder has exited."""
    try:
        with path.open("rb") as growing:
            while True:
                finished = encoder.poll() is not None
                data = growing.read(1 << 16)
                if data:
                    sink.write(data)
                elif finished:
                    break
                else:
                    time.sleep(0.005)
    except (BrokenPipeError, ValueError, OSError):
        pass  # the decoder was killed
    finally:
        with contextlib.suppress(OSError):
            sink.close()


def encode_mp3(mix: Mix, target: Path, audio: AudioSettings = DEFAULT_AUDIO
               ) -> tuple[float, float]:
    """Encode ``mix`` as an MP3 in ``audio``'s format at ``target`` (a temporary path).

    Returns the MP3's (integrated LUFS, true peak dBTP): the true peak measured on the
    decoded file, the loudness the mix was mastered to (the encode undoes LAME's gain, so
    the file measures the same) or, for a mix not mastered here, measured on the file.
    The encoder's own gain is undone in the same pass, so the MP3 keeps the mix's
    loudness. MP3 coding can push true peaks up (about 0.4 dB on speech); when
    the file ends up over ``audio.true_peak_db`` the mix is limited that much harder and
    encoded again. A mono mix becomes stereo at -3 dB a channel (same BS.1770 loudness).
    """
    pcm = mix.pcm
    margin = loudness.ENCODE_MARGIN_DB
    for _ in range(3):
        lufs, peak = _encode(pcm, mix, target, audio)
        # A guard band: other meters (ffmpeg's ebur128 prints tenths) may read a little higher.
        if peak <= audio.true_peak_db - 0.15:
            break
        margin += peak - audio.true_peak_db + 0.3
        samples = np.frombuffer(pcm, dtype="<i2").astype(np.float32)
        samples *= np.float32(1 / 32768 / mix.encode_gain)
        again = loudness.master(samples, mix.sample_rate, loudness_lufs=audio.loudness_lufs,
                                peak_db=audio.true_peak_db, margin_db=margin).samples
        pcm = _to_pcm(again * np.float32(mix.encode_gain))
    return lufs, peak
