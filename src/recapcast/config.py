"""Reads the show config (``recapcast.toml``) once and returns a Project."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, fields
from pathlib import Path

from recapcast.errors import ConfigError, UsageError
from recapcast.model import AudioSettings, PublishSettings, Show, VoiceSettings
from recapcast.safety.sanitize import clean_text
from recapcast.text.lexicon import LEXICON_NAME, read_lexicon
from recapcast.text.opening import check_template, default_signoff

__all__ = ["CONFIG_NAME", "Project", "find_root", "load_project", "check_episode_id"]

CONFIG_NAME = "recapcast.toml"
_EPISODE_ID = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")
# Windows device names: an id is also a file name on every host a show might be copied to.
DEFAULT_MAX_RECAP_BYTES = 100_000
"""About 16,000 words, 90 minutes of speech. The mix holds the whole episode in memory
(about 1 GB per 15 minutes), so a larger recap is refused unless the show raises it."""
_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)),
             *(f"lpt{i}" for i in range(10))}


@dataclass(frozen=True)
class Project:
    """A show folder: its settings and where things live."""

    root: Path
    show: Show
    max_recap_bytes: int = DEFAULT_MAX_RECAP_BYTES
    """``[limits] max_recap_bytes``: larger recaps and scripts are refused."""
    publish: PublishSettings = PublishSettings()
    """``[publish]``: where ``recapcast publish`` copies the show, and whom it tells."""

    @property
    def scripts_dir(self) -> Path:
        return self.root / "scripts"

    @property
    def audio_dir(self) -> Path:
        return self.root / "audio"

    @property
    def feed_dir(self) -> Path:
        return self.root / "feed"

    @property
    def cache_dir(self) -> Path:
        return self.root / ".cache"

    def script_path(self, episode_id: str) -> Path:
        return self.scripts_dir / f"{check_episode_id(episode_id)}.md"

    def episode_ids(self) -> list[str]:
        """Ids of every script in ``scripts/``, sorted."""
        return sorted(p.stem for p in self.scripts_dir.glob("*.md") if _EPISODE_ID.match(p.stem))


def check_episode_id(episode_id: str) -> str:
    """Return the id if it is a safe file stem, else raise UsageError."""
    if not _EPISODE_ID.match(episode_id) or episode_id in _RESERVED:
        shown = episode_id.encode("unicode_escape").decode("ascii")[:80]
        raise UsageError(
            f"invalid episode id '{shown}'",
            "use 1-64 lowercase letters, digits, '-' or '_', starting with a letter or digit "
            "(for example ep12)",
        )
    return episode_id


def find_root(start: Path) -> Path:
    """The nearest folder at or above ``start`` holding ``recapcast.toml``."""
    start = start.resolve()
    for folder in (start, *start.parents):
        if (folder / CONFIG_NAME).is_file():
            return folder
    raise ConfigError(
        f"no {CONFIG_NAME} in {start} or any parent folder",
        "run recapcast inside a show folder, or create one with: recapcast init DIR",
    )


def _voice(table: dict, base: VoiceSettings, where: str) -> VoiceSettings:
    known = {f.name for f in fields(VoiceSettings)}
    unknown = set(table) - known
    if unknown:
        raise ConfigError(
            f"unknown setting {where}.{sorted(unknown)[0]} in {CONFIG_NAME}",
            f"known settings: {', '.join(sorted(known))}",
        )
    values = {f.name: getattr(base, f.name) for f in fields(VoiceSettings)}
    values.update(table)
    try:
        return VoiceSettings(
            engine=str(values["engine"]),
            voice=str(values["voice"]),
            length_scale=float(values["length_scale"]),
            volume=float(values["volume"]),
            tld=str(values["tld"]),
            fallback=str(values["fallback"]),
            noise_scale=None if values["noise_scale"] is None else float(values["noise_scale"]),
            noise_w=None if values["noise_w"] is None else float(values["noise_w"]),
        )
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"bad value in [{where}] of {CONFIG_NAME}: {exc}") from None


def _audio(table: dict) -> AudioSettings:
    known = {f.name: f for f in fields(AudioSettings)}
    unknown = set(table) - set(known)
    if unknown:
        raise ConfigError(f"unknown setting audio.{sorted(unknown)[0]} in {CONFIG_NAME}",
                          f"known settings: {', '.join(sorted(known))}")
    values = {}
    for name, value in table.items():
        kind = int if known[name].type == "int" else float
        if isinstance(value, bool) or not isinstance(value, int | float) or (
                kind is int and not isinstance(value, int)):
            raise ConfigError(f"audio.{name} in {CONFIG_NAME} must be a number, not {value!r}")
        values[name] = kind(value)
    audio = AudioSettings(**values)
    checks = [
        (audio.channels in (1, 2), "audio.channels must be 1 (mono) or 2 (stereo)"),
        (audio.sample_rate in (44100, 48000), "audio.sample_rate must be 44100 or 48000"),
        (32 <= audio.bitrate_kbps <= 320, "audio.bitrate_kbps must be 32 to 320"),
        (-40 <= audio.loudness_lufs <= -5, "audio.loudness_lufs must be -40 to -5"),
        (-20 <= audio.true_peak_db <= 0, "audio.true_peak_db must be -20 to 0"),
        (-60 <= audio.duck_db <= 0, "audio.duck_db must be -60 to 0"),
        (-40 <= audio.music_db <= 12, "audio.music_db must be -40 to 12"),
        (0 <= audio.intro_s <= 60, "audio.intro_s must be 0 to 60 seconds"),
    ]
    for ok, message in checks:
        if not ok:
            raise ConfigError(f"{message} (in {CONFIG_NAME})",
                              "podcast defaults: channels 1, bitrate_kbps 96, sample_rate 44100")
    return audio


def load_project(root: Path) -> Project:
    """Read ``root/recapcast.toml`` into a Project."""
    path = root / CONFIG_NAME
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{path} not found", "create a show with: recapcast init DIR") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path} is not valid TOML: {exc}") from None
    # Titles and names go into XML and ID3, which cannot carry control characters.
    show_table = {k: clean_text(v) if isinstance(v, str) else v
                  for k, v in data.get("show", {}).items()}
    if not show_table.get("title"):
        raise ConfigError(f"{path} has no [show] title", "add: [show] title = \"My show\"")
    voice = _voice(dict(data.get("voice", {})), VoiceSettings(), "voice")
    quote_default = Show.__dataclass_fields__["quote_voice"].default_factory()
    quote_table = dict(data.get("quote_voice", {}))
    # A quote voice inherits the narrator's engine and voice unless it names its own.
    quote_base = VoiceSettings(
        engine=voice.engine, voice=voice.voice, length_scale=quote_default.length_scale,
        volume=quote_default.volume, tld=voice.tld, fallback=voice.fallback,
    )
    quote_voice = _voice(quote_table, quote_base, "quote_voice")
    voices_table = data.get("voices", {})
    if not isinstance(voices_table, dict) or not all(
            isinstance(v, dict) for v in voices_table.values()):
        raise ConfigError(f"[voices] in {CONFIG_NAME} must hold one table a speaker",
                          'write: [voices."Jessica Jones"] then length_scale = 1.05')
    # A named speaker's voice starts from the quote voice and changes what it names.
    voices = tuple((str(name), _voice(dict(table), quote_voice, f'voices."{name}"'))
                   for name, table in voices_table.items())
    known = {f.name for f in fields(Show)} - {"voice", "quote_voice", "voices", "lexicon",
                                               "audio"}
    unknown = set(show_table) - known
    if unknown:
        raise ConfigError(
            f"unknown setting show.{sorted(unknown)[0]} in {CONFIG_NAME}",
            f"known settings: {', '.join(sorted(known))}",
        )
    show_table.setdefault("author", show_table["title"])
    show_table.setdefault("description", show_table["title"])
    base_url = str(show_table.get("base_url", Show.base_url))
    if not base_url.endswith("/"):
        base_url += "/"
    show_table["base_url"] = base_url
    if "signoff" not in show_table:
        show_table["signoff"] = default_signoff(str(show_table.get("language", Show.language)))
    for key in ("opening", "signoff"):
        if key in show_table:
            if not isinstance(show_table[key], str):
                raise ConfigError(f"[show] {key} must be text", f'for example: {key} = ""')
            check_template(key, show_table[key])
    try:
        show = Show(**show_table, voice=voice, quote_voice=quote_voice, voices=voices,
                    lexicon=read_lexicon(root / LEXICON_NAME),
                    audio=_audio(dict(data.get("audio", {}))))
    except TypeError as exc:
        raise ConfigError(f"bad [show] in {CONFIG_NAME}: {exc}") from None
    return Project(root=root.resolve(), show=show, max_recap_bytes=_max_recap_bytes(data),
                   publish=_publish(data))


_SECRET_OPTION = re.compile(r"(key|secret|pass|token|password)\w*\s*=", re.I)


def _publish(data: dict) -> PublishSettings:
    table = data.get("publish", {})
    if not isinstance(table, dict):
        raise ConfigError(f"[publish] in {CONFIG_NAME} must be a table", 'write: [publish] then '
                          'to = "myremote:bucket/show"')
    known = {f.name: f for f in fields(PublishSettings)}
    unknown = set(table) - set(known)
    if unknown:
        raise ConfigError(f"unknown setting publish.{sorted(unknown)[0]} in {CONFIG_NAME}",
                          f"known settings: {', '.join(sorted(known))}")
    for name, value in table.items():
        kind = known[name].type
        ok = (isinstance(value, bool) if kind == "bool" else
              isinstance(value, int) and not isinstance(value, bool) and value >= 0
              if kind == "int" else isinstance(value, str))
        if not ok:
            wanted = {"bool": "true or false", "int": "a whole number"}.get(kind, "text")
            raise ConfigError(f"publish.{name} in {CONFIG_NAME} must be {wanted}, not {value!r}")
    for name in ("websub_hub", "podcastindex_url", "podping_url"):
        value = table.get(name, "")
        if value and not value.startswith(("http://", "https://")):
            raise ConfigError(f"publish.{name} in {CONFIG_NAME} must be an http(s) URL")
    if _SECRET_OPTION.search(str(table.get("to", ""))):
        # The show folder is shared and kept in git: a key in it is a leaked key.
        raise ConfigError(f"[publish] to in {CONFIG_NAME} holds a key or password",
                          "keep keys out of the show: name a remote from `rclone config`, or "
                          "set RCLONE_CONFIG_<NAME>_* environment variables")
    return PublishSettings(**table)


def _max_recap_bytes(data: dict) -> int:
    limits = dict(data.get("limits", {}))
    unknown = set(limits) - {"max_recap_bytes"}
    if unknown:
        raise ConfigError(f"unknown setting limits.{sorted(unknown)[0]} in {CONFIG_NAME}",
                          "known settings: max_recap_bytes")
    value = limits.get("max_recap_bytes", DEFAULT_MAX_RECAP_BYTES)
    if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
        raise ConfigError(f"[limits] max_recap_bytes must be a positive whole number of bytes, "
                          f"not {value!r}", "for example: max_recap_bytes = 100_000")
    return value

