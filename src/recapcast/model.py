"""Frozen dataclasses for the nouns that flow through a build."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

__all__ = [
    "Show",
    "VoiceSettings",
    "AudioSettings",
    "EpisodeMeta",
    "Heading",
    "Paragraph",
    "Quote",
    "Pause",
    "Pronounce",
    "Block",
    "Script",
    "Segment",
    "Take",
    "Chapter",
    "Span",
    "Mix",
    "Release",
    "Finding",
]


@dataclass(frozen=True)
class VoiceSettings:
    """Which engine speaks, with which voice and settings."""

    engine: str = "piper"
    """Engine name: ``piper`` (offline default) or ``gtts`` (online)."""
    voice: str = "joe-us"
    """Piper: ``joe-us`` (bundled) or a path to an ``.onnx`` voice; gTTS: a language code."""
    length_scale: float = 1.0
    """Piper pace: above 1 is slower."""
    volume: float = 1.0
    """Piper output gain."""
    tld: str = "com"
    """gTTS accent (Google domain)."""
    fallback: str = ""
    """Engine to speak the episode with when this one fails (``[voice] fallback``); not
    part of the fingerprint, as it does not change this voice's audio."""
    noise_scale: float | None = None
    """Piper voice variation; None keeps the voice's own setting."""
    noise_w: float | None = None
    """Piper rhythm variation; None keeps the voice's own setting."""

    def fingerprint(self) -> str:
        """A stable text that changes whenever the audio this voice makes would change."""
        base = f"{self.engine}|{self.voice}|{self.length_scale:.4f}|{self.volume:.4f}|{self.tld}"
        # Appended only when set, so takes cached before these settings existed stay valid.
        if self.noise_scale is not None or self.noise_w is not None:
            base += f"|{self.noise_scale}|{self.noise_w}"
        return base


@dataclass(frozen=True)
class AudioSettings:
    """How the episode sounds and is encoded: the ``[audio]`` table of ``recapcast.toml``."""

    channels: int = 1
    """1 (mono) or 2 (stereo, the mono mix on both channels)."""
    bitrate_kbps: int = 96
    """MP3 bitrate; Apple asks 64-128 kbps for mono, 128 and up for stereo."""
    sample_rate: int = 44100
    loudness_lufs: float = -16.0
    """Integrated loudness of the whole mix (ITU-R BS.1770)."""
    true_peak_db: float = -1.0
    """Highest true peak allowed in the MP3, in dBTP."""
    music_db: float = -4.0
    """Loudness of the intro and outro music relative to the voice, in LU."""
    duck_db: float = -16.0
    """How far the intro music drops once the voice starts, in dB."""
    intro_s: float = 4.0
    """Seconds of intro music before the first words."""


@dataclass(frozen=True)
class Show:
    """Show-wide settings from ``recapcast.toml``."""

    title: str
    author: str
    description: str
    language: str = "en-us"
    category: str = "TV & Film"
    subcategory: str = "TV Reviews"
    explicit: bool = False
    base_url: str = "http://localhost:8000/"
    owner_name: str = ""
    owner_email: str = ""
    show_type: str = "episodic"
    locked: bool = False
    """``podcast:locked``: true asks other platforms not to import the feed."""
    podcast_guid: str = ""
    """The show's ``podcast:guid``; empty means the UUIDv5 of the feed URL."""
    cover: str = ""
    """Path of the cover image relative to the show root; empty means generated."""
    intro: str = ""
    """Path of an intro music file; empty means the generated jingle, ``none`` no intro."""
    outro: str = ""
    """Path of an outro music file; empty means the generated outro, ``none`` no outro."""
    voice: VoiceSettings = field(default_factory=VoiceSettings)
    quote_voice: VoiceSettings = field(
        default_factory=lambda: VoiceSettings(length_scale=1.25, volume=0.9)
    )
    """Voice for quotes: by default slower and softer than the narrator."""
    voices: tuple[tuple[str, VoiceSettings], ...] = ()
    """Voices of named speakers (``[voices."Jessica Jones"]``), in config order."""
    lexicon: tuple[tuple[str, str], ...] = ()
    """Show-wide pronunciations from ``lexicon.toml``: word -> respelling or /phonemes/."""
    pause_s: float = 0.6
    """Silence between paragraphs."""
    chapter_pause_s: float = 1.2
    """Silence before a new chapter."""
    opening: str = "{show}. {number}: {title}."
    """What the narrator says after the intro music (fields as in ``text.opening``); empty
    turns it off."""
    signoff: str = "Thanks for listening to {podcast}."
    """What the narrator says before the outro; empty turns it off."""
    audio: AudioSettings = field(default_factory=AudioSettings)


@dataclass(frozen=True)
class PublishSettings:
    """``[publish]`` in ``recapcast.toml``: where ``recapcast publish`` copies the show, and
    whom it tells. Never a secret: keys come from rclone's own config or environment."""

    to: str = ""
    """An rclone remote path, connection string or local folder; empty: give --to."""
    max_deletes: int = 50
    """At most this many files are removed by one ``publish --prune``."""
    websub_hub: str = ""
    podcastindex: bool = False
    podcastindex_url: str = "https://api.podcastindex.org/api/1.0/hub/pubnotify"
    podping: bool = False
    podping_url: str = "https://podping.cloud/"


@dataclass(frozen=True)
class EpisodeMeta:
    """An episode's front matter."""

    title: str
    episode: int | None = None
    season: int | None = None
    date: dt.date | None = None
    summary: str = ""
    guid: str = ""
    show: str = ""
    """The TV show the recap is about, as the recap gives it ("" when it does not; the
    podcast's own title is ``Show.title``)."""
    author: str = ""
    """Who wrote the recap (from its byline); credited in the feed, never spoken."""
    time: dt.time | None = None
    """The time of day (UTC) the episode goes out, when the script's date gives one."""

    def release_at(self) -> dt.datetime:
        """When the episode goes out: its date and time, else the start of its date in UTC
        (an episode imported today is out today, as it always was)."""
        day = self.date or dt.date(1970, 1, 1)
        return dt.datetime.combine(day, self.time or dt.time(0, 0), tzinfo=dt.UTC)

    def published_at(self, now: dt.datetime) -> dt.datetime:
        """The ``pubDate`` of an episode that is out at ``now``: its date and time, else noon
        UTC of its date (the same date in every time zone an app shows it in), but never
        later than ``now``: before noon on its own day, the start of that day."""
        if self.time is not None:
            return self.release_at()
        noon = dt.datetime.combine(self.date or dt.date(1970, 1, 1), dt.time(12, 0),
                                   tzinfo=dt.UTC)
        return noon if noon <= now else self.release_at()


@dataclass(frozen=True)
class Heading:
    """A chapter heading; spoken, and the start of a chapter."""

    text: str
    line: int = 0


@dataclass(frozen=True)
class Paragraph:
    """Narration text."""

    text: str
    line: int = 0


@dataclass(frozen=True)
class Quote:
    """A quotation with its speaker, spoken in the quote voice."""

    text: str
    speaker: str = ""
    line: int = 0


@dataclass(frozen=True)
class Pause:
    """A written pause, ``[pause 1.5s]``."""

    seconds: float
    line: int = 0


@dataclass(frozen=True)
class Pronounce:
    """A script-wide pronunciation, ``[pronounce Kilgrave = KILL-grave]``; overrides the lexicon."""

    word: str
    says: str
    line: int = 0


Block = Heading | Paragraph | Quote | Pause | Pronounce


@dataclass(frozen=True)
class Script:
    """A narration script: front matter plus body blocks."""

    episode_id: str
    meta: EpisodeMeta
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class Segment:
    """One chunk of speakable text handed to a voice, and what follows it."""

    index: int
    text: str
    """Speakable text, already normalised."""
    written: str
    """The script text this chunk came from (for transcripts)."""
    voice: VoiceSettings
    chapter: int
    """Index of the chapter this segment belongs to."""
    role: str = "narrator"
    speaker: str = ""
    pause_before_s: float = 0.0
    paragraph: int = 0
    """Index of the script block (paragraph, quote, heading) this chunk belongs to."""
    inline: bool = field(default=False, repr=False)
    """A run of a paragraph with dialogue inside it (``text.dialogue``): the paragraph's
    voices take turns with no pause between them, and the text transcript keeps the
    paragraph on one line. Out of the repr, so build fingerprints made before runs existed
    hold (a paragraph cut into runs changes the segments' texts and roles anyway)."""
    reading: int = field(default=0, repr=False)
    """Which reading of this text with this voice is used: 0 is the first one spoken;
    the studio's re-speak adds others (``voice.readings``)."""


@dataclass(frozen=True)
class Take:
    """Cached audio of one segment: 16-bit mono PCM in a WAV file."""

    segment: Segment
    path: Path
    sample_rate: int
    frames: int
    cached: bool


@dataclass(frozen=True)
class Chapter:
    """A chapter with start and end in milliseconds."""

    title: str
    start_ms: int
    end_ms: int


@dataclass(frozen=True)
class Span:
    """Where one segment's take sits in the mix, in frames (samples of one channel)."""

    segment: Segment
    start: int
    end: int


@dataclass(frozen=True)
class Mix:
    """The finished, mastered episode audio, before encoding."""

    pcm: bytes | memoryview
    """s16le samples (a view of the mix's own buffer when the mixer made it)."""
    sample_rate: int
    channels: int
    chapters: tuple[Chapter, ...]
    spans: tuple[Span, ...] = ()
    """Each take's place in the mix, in speaking order."""
    loudness_lufs: float | None = None
    """Integrated loudness of ``pcm`` as mastered."""
    true_peak_db: float | None = None
    """True peak of ``pcm`` (4x oversampled) as mastered, in dBTP."""
    encode_gain: float = 1.0
    """The gain already applied to ``pcm`` to undo the MP3 encoder's own scaling."""

    @property
    def frames(self) -> int:
        return len(self.pcm) // (2 * self.channels)

    @property
    def duration_s(self) -> float:
        return self.frames / self.sample_rate


@dataclass(frozen=True)
class Release:
    """A built, tagged episode as the feed lists it."""

    episode_id: str
    meta: EpisodeMeta
    audio: Path
    size: int
    sha256: str
    duration_s: float
    chapters: tuple[Chapter, ...]
    narrator: str = ""
    """The voice that spoke the narration, as the feed credits it; empty: not known."""


@dataclass(frozen=True)
class Finding:
    """One problem ``recapcast check`` reports, as ``file:line: severity: message``."""

    path: str
    line: int
    message: str
    severity: str = "error"
    """``error`` (check exits non-zero) or ``warning``."""

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.severity}: {self.message}"
