"""The one place that knows the order of the stages: script, segments, takes, mix, release, feed."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import logging
import time
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urljoin

from recapcast import cover as cover_art
from recapcast import feed as feeds
from recapcast import tags
from recapcast.atomic import atomic_path, write_bytes, write_text
from recapcast.config import Project
from recapcast.engines import Engine, check_engine, get_engine
from recapcast.errors import BuildError, ScriptError
from recapcast.fingerprint import input_fingerprint
from recapcast.model import Chapter, EpisodeMeta, Release, Script, Show, Take, VoiceSettings
from recapcast.sanitize import clean_text
from recapcast.script import decode_text, parse_script
from recapcast.segments import plan_segments
from recapcast.shownotes import episode_description
from recapcast.speech import CACHE_VERSION, render_takes

if TYPE_CHECKING:
    import numpy as np

__all__ = ["BuildReport", "read_script", "build_episode", "write_feed", "episode_guid"]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class BuildReport:
    """What one build did, as ``--json`` prints it."""

    episode: str
    audio: str
    duration_s: float
    segments: int
    synthesized: int
    cached: int
    feed: str
    seconds: float
    chapters: list[dict]
    up_to_date: bool = False
    """True when the inputs were unchanged and nothing was rebuilt."""

    def to_json(self) -> dict:
        return dataclasses.asdict(self)


def read_script(project: Project, episode_id: str) -> Script:
    """Read and parse ``scripts/<episode_id>.md``."""
    path = project.script_path(episode_id)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        known = ", ".join(project.episode_ids()) or "none yet"
        raise ScriptError(
            f"no script for episode {episode_id!r} ({path.relative_to(project.root)} not found)",
            f"known episodes: {known}; create one with: recapcast import RECAP_FILE {episode_id}",
        ) from None
    name = str(path.relative_to(project.root))
    return parse_script(clean_text(decode_text(data, name)), episode_id, name)


def episode_guid(project: Project, script: Script) -> str:
    """The script's guid, or one derived from the show and the episode id."""
    if script.meta.guid:
        return script.meta.guid
    return str(uuid.uuid5(uuid.UUID(feeds.podcast_guid(_feed_url(project))), script.episode_id))


def _feed_url(project: Project) -> str:
    return urljoin(project.show.base_url, "feed/feed.xml")


def _with_engine(show: Show, engine: str | None) -> Show:
    if not engine:
        return show
    check_engine(engine)

    def swap(voice: VoiceSettings) -> VoiceSettings:
        if voice.engine == engine:
            return voice
        return dataclasses.replace(voice, engine=engine, voice="en" if engine == "gtts" else
                                   VoiceSettings.voice)

    return dataclasses.replace(show, voice=swap(show.voice), quote_voice=swap(show.quote_voice))


def _intro(project: Project) -> np.ndarray:
    import numpy as np

    from recapcast import mixdown, music

    if not project.show.intro:
        return music.jingle(mixdown.SAMPLE_RATE)
    pcm = mixdown.decode_file(project.root / project.show.intro)
    return np.frombuffer(pcm, dtype="<i2").astype(np.float64) / 32768


def _cover(project: Project) -> tuple[bytes, str]:
    show = project.show
    if show.cover:
        return cover_art.load_cover(project.root / show.cover)
    return cover_art.default_cover(show.title, show.author), "image/jpeg"


def _cover_name(mime: str) -> str:
    return "cover.png" if mime == "image/png" else "cover.jpg"


def build_episode(
    project: Project,
    episode_id: str,
    *,
    engine: str | None = None,
    engine_for: Callable[[VoiceSettings], Engine] = get_engine,
    on_plan: Callable[[int], None] | None = None,
    on_take: Callable[[Take], None] | None = None,
    jobs: int | None = None,
    force: bool = False,
) -> BuildReport:
    """Build one episode's MP3 from its script, then rewrite the feed.

    When the audio's manifest records the same input fingerprint (script, show config,
    voices, music, versions), nothing is rebuilt unless ``force``. ``jobs`` is the number
    of speech worker processes (None: one per core).
    """
    started = time.perf_counter()
    script = read_script(project, episode_id)
    show = _with_engine(project.show, engine)
    segments, titles = plan_segments(script, show)
    if not segments:
        raise ScriptError(f"scripts/{episode_id}.md has nothing to speak",
                          "write at least one paragraph")
    fingerprint = input_fingerprint(project, episode_id, show, repr((segments, titles)),
                                    CACHE_VERSION)
    if not force:
        report = _up_to_date(project, episode_id, fingerprint, started)
        if report:
            return report
    from recapcast import mixdown

    if on_plan:
        on_plan(len(segments))
    # The music and cover are made while the voices speak, not after the last take.
    with ThreadPoolExecutor(max_workers=1) as side:
        intro_job = side.submit(_intro, project)
        cover_job = side.submit(_cover, project)
        takes = render_takes(segments, project.cache_dir, engine_for=engine_for,
                             on_take=on_take, jobs=jobs)
        mix = mixdown.mix_episode(takes, titles, intro_job.result())
        cover = cover_job.result()
    meta = dataclasses.replace(script.meta, guid=episode_guid(project, script))
    description = episode_description(meta, mix.chapters)

    target = project.audio_dir / f"{episode_id}.mp3"
    with atomic_path(target) as tmp:
        mixdown.encode_mp3(mix, tmp)
        duration = tags.mp3_duration(tmp)
        chapters = _clamp(mix.chapters, duration)
        tags.write_tags(tmp, meta=meta, show=project.show, chapters=chapters,
                        description=description, cover=cover)
        size, sha256 = _size_and_hash(tmp)
    release = Release(episode_id, meta, target, size, sha256, duration, chapters)
    manifest = {**_manifest(release), "segments": len(takes), "fingerprint": fingerprint}
    write_text(_manifest_path(project, episode_id), json.dumps(manifest, indent=2))
    feed_path = write_feed(project, cover)
    synthesized = sum(1 for t in takes if not t.cached)
    return BuildReport(
        episode=episode_id, audio=str(target), duration_s=round(duration, 3),
        segments=len(takes), synthesized=synthesized, cached=len(takes) - synthesized,
        feed=str(feed_path), seconds=round(time.perf_counter() - started, 3),
        chapters=[dataclasses.asdict(c) for c in chapters],
    )


def _size_and_hash(path: Path) -> tuple[int, str]:
    digest = hashlib.sha256()
    size = 0
    with path.open("rb") as f:
        while block := f.read(1 << 20):
            digest.update(block)
            size += len(block)
    return size, digest.hexdigest()


def _up_to_date(project: Project, episode_id: str, fingerprint: str,
                started: float) -> BuildReport | None:
    """The report of a build that has nothing to do, or None if the episode must be built."""
    audio = project.audio_dir / f"{episode_id}.mp3"
    feed = project.feed_dir / "feed.xml"
    try:
        manifest = json.loads(_manifest_path(project, episode_id).read_text(encoding="utf-8"))
        if (manifest.get("fingerprint") != fingerprint
                or audio.stat().st_size != manifest["size"] or not feed.is_file()):
            return None
        segments = int(manifest["segments"])
        return BuildReport(
            episode=episode_id, audio=str(audio), duration_s=round(manifest["duration_s"], 3),
            segments=segments, synthesized=0, cached=segments, feed=str(feed),
            seconds=round(time.perf_counter() - started, 3), chapters=manifest["chapters"],
            up_to_date=True,
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _clamp(chapters: tuple[Chapter, ...], duration_s: float) -> tuple[Chapter, ...]:
    """End the last chapter at the MP3's real duration, and no chapter past it."""
    end_ms = int(duration_s * 1000)
    out = [dataclasses.replace(c, start_ms=min(c.start_ms, end_ms), end_ms=min(c.end_ms, end_ms))
           for c in chapters]
    if out:
        out[-1] = dataclasses.replace(out[-1], end_ms=end_ms)
    return tuple(out)


def _manifest_path(project: Project, episode_id: str) -> Path:
    return project.audio_dir / f"{episode_id}.json"


def _manifest(release: Release) -> dict:
    return {
        "episode": release.episode_id,
        "guid": release.meta.guid,
        "size": release.size,
        "sha256": release.sha256,
        "duration_s": release.duration_s,
        "chapters": [dataclasses.asdict(c) for c in release.chapters],
    }


def _releases(project: Project) -> list[Release]:
    """Every episode that has a script and a built MP3 whose manifest matches it."""
    releases = []
    for episode_id in project.episode_ids():
        manifest_path = _manifest_path(project, episode_id)
        audio = project.audio_dir / f"{episode_id}.mp3"
        if not (manifest_path.is_file() and audio.is_file()):
            continue
        try:
            manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
            script = read_script(project, episode_id)
        except (ValueError, ScriptError) as exc:
            log.warning("skipping %s in the feed: %s", episode_id, exc)
            continue
        if audio.stat().st_size != manifest["size"]:
            log.warning("skipping %s in the feed: audio does not match its manifest", episode_id)
            continue
        meta: EpisodeMeta = dataclasses.replace(script.meta, guid=manifest["guid"])
        chapters = tuple(Chapter(**c) for c in manifest["chapters"])
        releases.append(Release(episode_id, meta, audio, manifest["size"], manifest["sha256"],
                                manifest["duration_s"], chapters))
    return releases


def write_feed(project: Project, cover: tuple[bytes, str] | None = None) -> Path:
    """Write the cover and then ``feed/feed.xml`` listing every built episode."""
    if cover is None:
        cover = _cover(project)
    cover_name = _cover_name(cover[1])
    write_bytes(project.feed_dir / cover_name, cover[0])
    base = project.show.base_url
    entries = [
        feeds.FeedEntry(r, urljoin(base, f"audio/{r.episode_id}.mp3?v={r.sha256[:12]}"))
        for r in _releases(project)
    ]
    try:
        xml = feeds.render_feed(project.show, entries, feed_url=_feed_url(project),
                                cover_url=urljoin(base, f"feed/{cover_name}"))
    except ValueError as exc:
        raise BuildError(f"cannot write the feed: {exc}") from None
    target = project.feed_dir / "feed.xml"
    write_bytes(target, xml)
    return target
