"""Reads the show config (``recapcast.toml``) once and returns a Project."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, fields
from pathlib import Path

from recapcast.errors import ConfigError, UsageError
from recapcast.lexicon import LEXICON_NAME, read_lexicon
from recapcast.model import Show, VoiceSettings

__all__ = ["CONFIG_NAME", "Project", "find_root", "load_project", "check_episode_id"]

CONFIG_NAME = "recapcast.toml"
_EPISODE_ID = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")
# Windows device names: an id is also a file name on every host a show might be copied to.
_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)),
             *(f"lpt{i}" for i in range(10))}


@dataclass(frozen=True)
class Project:
    """A show folder: its settings and where things live."""

    root: Path
    show: Show

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
            f"invalid episode id {shown!r}",
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
            noise_scale=None if values["noise_scale"] is None else float(values["noise_scale"]),
            noise_w=None if values["noise_w"] is None else float(values["noise_w"]),
        )
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"bad value in [{where}] of {CONFIG_NAME}: {exc}") from None


def load_project(root: Path) -> Project:
    """Read ``root/recapcast.toml`` into a Project."""
    path = root / CONFIG_NAME
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{path} not found", "create a show with: recapcast init DIR") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path} is not valid TOML: {exc}") from None
    show_table = dict(data.get("show", {}))
    if not show_table.get("title"):
        raise ConfigError(f"{path} has no [show] title", "add: [show] title = \"My show\"")
    voice = _voice(dict(data.get("voice", {})), VoiceSettings(), "voice")
    quote_default = Show.__dataclass_fields__["quote_voice"].default_factory()
    quote_table = dict(data.get("quote_voice", {}))
    # A quote voice inherits the narrator's engine and voice unless it names its own.
    quote_base = VoiceSettings(
        engine=voice.engine, voice=voice.voice, length_scale=quote_default.length_scale,
        volume=quote_default.volume, tld=voice.tld,
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
    known = {f.name for f in fields(Show)} - {"voice", "quote_voice", "voices", "lexicon"}
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
    try:
        show = Show(**show_table, voice=voice, quote_voice=quote_voice, voices=voices,
                    lexicon=read_lexicon(root / LEXICON_NAME))
    except TypeError as exc:
        raise ConfigError(f"bad [show] in {CONFIG_NAME}: {exc}") from None
    return Project(root=root.resolve(), show=show)
