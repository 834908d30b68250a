"""The one place that knows the order of the stages: script, segments, takes, mix, release, feed."""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
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
from recapcast import interrupts, tags
from recapcast import page as show_page
from recapcast.atomic import atomic_path, write_bytes, write_text
from recapcast.config import Project
from recapcast.engines import Engine, check_engine, get_engine
from recapcast.errors import BuildError, EngineError, ScriptError
from recapcast.fingerprint import input_fingerprint
from recapcast.model import Chapter, EpisodeMeta, Release, Script, Show, Take, VoiceSettings
from recapcast.sanitize import clean_text
from recapcast.script import decode_text, parse_script
from recapcast.segments import plan_segments
from recapcast.shownotes import episode_description, podcast_chapters
from recapcast.speech import CACHE_VERSION, render_takes

if TYPE_CHECKING:
    import numpy as np

__all__ = ["BuildReport", "read_script", "build_episode", "write_feed", "feed_xml",
           "episode_guid"]

log = logging.getLogger(__name__)
_EPOCH = dt.date(1970, 1, 1)


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
    chapters_file: str = ""
    """Podcasting 2.0 chapters JSON beside the MP3."""
    transcript: dict = dataclasses.field(default_factory=dict)
    """Paths of the WebVTT (``vtt``) and SRT (``srt``) transcripts beside the MP3."""
    cover: str = ""
    """The cover published for the feed (also embedded in the MP3)."""
    loudness_lufs: float | None = None
    true_peak_db: float | None = None
    """The MP3's integrated loudness and true peak, as ffmpeg's ebur128 filter measures them."""
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
    return parse_script(clean_text(decode_text(data, name, project.max_recap_bytes)),
                        episode_id, name)


def episode_guid(project: Project, script: Script) -> str:
    """The script's guid, else the one it was first built with, else one derived from the id."""
    if script.meta.guid:
        return script.meta.guid
    try:
        manifest = json.loads(_manifest_path(project, script.episode_id).read_text("utf-8"))
        if manifest.get("guid"):
            return str(manifest["guid"])
    except (OSError, ValueError, AttributeError):
        pass
    return str(uuid.uuid5(uuid.UUID(feeds.podcast_guid(_feed_url(project))), script.episode_id))


def _feed_url(project: Project) -> str:
    return urljoin(project.show.base_url, "feed/feed.xml")


def with_engine(show: Show, engine: str | None) -> Show:
    if not engine:
        return show
    check_engine(engine)

    def swap(voice: VoiceSettings) -> VoiceSettings:
        if voice.engine == engine:
            return voice
        return dataclasses.replace(voice, engine=engine, voice="en" if engine == "gtts" else
                                   VoiceSettings.voice)

    return dataclasses.replace(show, voice=swap(show.voice), quote_voice=swap(show.quote_voice),
                               voices=tuple((name, swap(v)) for name, v in show.voices))


def _music(project: Project, name: str, generate: Callable[[int], np.ndarray]
           ) -> np.ndarray | None:
    """The configured music file, the generated default when empty, or None for ``none``."""
    from recapcast import mixdown

    rate = project.show.audio.sample_rate
    if not name:
        return generate(rate)
    if name.lower() == "none":
        return None
    return mixdown.decode_music(project.root / name, rate)


def _intro_and_outro(project: Project) -> tuple[np.ndarray | None, np.ndarray | None]:
    from recapcast import music

    return (_music(project, project.show.intro, music.jingle),
            _music(project, project.show.outro, music.outro))


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
    of speech threads (None: one per core).
    """
    started = time.perf_counter()
    script = read_script(project, episode_id)
    show = with_engine(project.show, engine)
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
    from recapcast import mixdown, transcript

    if on_plan:
        on_plan(len(segments))
    # The music and cover are made while the voices speak, not after the last take.
    with ThreadPoolExecutor(max_workers=1) as side:
        music_job = side.submit(_intro_and_outro, project)
        cover_job = side.submit(_cover, project)
        ready = side.submit(mixdown.prepare, show.audio)
        store = mixdown.TakeStore(show.audio.sample_rate, project.cache_dir / "measures")

        def took(take: Take) -> None:
            # Each take is measured as it comes, while the voices speak the next ones.
            ready.result()  # so the two threads never import the same module at once
            store.add(take)
            if on_take:
                on_take(take)

        fell_back = False
        try:
            takes = render_takes(segments, project.cache_dir, engine_for=engine_for,
                                 on_take=took, jobs=jobs)
        except EngineError as exc:
            fallback = show.voice.fallback
            if not fallback or fallback == show.voice.engine:
                raise
            # The whole episode in one voice: a mix of two voices would sound like a mistake.
            log.warning("%s; speaking %s with the fallback engine %s", exc.message, episode_id,
                        fallback)
            fell_back = True
            show = with_engine(show, fallback)
            segments, titles = plan_segments(script, show)
            if on_plan:
                on_plan(len(segments))
            takes = render_takes(segments, project.cache_dir, engine_for=engine_for,
                                 on_take=took, jobs=jobs)
        intro, outro = music_job.result()
        ready.result()
        mix = mixdown.mix_episode(takes, titles, intro=intro, outro=outro, audio=show.audio,
                                  store=store)
        cover = cover_job.result()
    meta = dataclasses.replace(script.meta, guid=episode_guid(project, script))
    description = episode_description(meta, mix.chapters)

    target = project.audio_dir / f"{episode_id}.mp3"
    # The MP3, its manifest and the feed are published together: an interrupt that arrives
    # while they are renamed into place is held until the feed is written.
    with contextlib.ExitStack() as publishing:
        with atomic_path(target) as tmp:
            lufs, true_peak = mixdown.encode_mp3(mix, tmp, show.audio)
            duration = tags.mp3_duration(tmp)
            chapters = _clamp(mix.chapters, duration)
            tags.write_tags(tmp, meta=meta, show=project.show, chapters=chapters,
                            description=description, cover=cover,
                            transcript=transcript.to_text(mix.spans))
            size, sha256 = _size_and_hash(tmp)
            release = Release(episode_id, meta, target, size, sha256, duration, chapters)
            # The sidecars go first: the feed links each with a hash of its bytes.
            sidecars = _sidecar_paths(project, episode_id)
            write_text(sidecars["chapters"], podcast_chapters(chapters))
            write_text(sidecars["vtt"], transcript.to_vtt(mix.spans, mix.sample_rate))
            write_text(sidecars["srt"], transcript.to_srt(mix.spans, mix.sample_rate))
            # Rendered before the MP3 is published: a feed that cannot be written leaves the
            # published MP3 and feed as they were.
            releases = _with_pending(project, release)
            xml = feed_xml(project, cover_name=_cover_name(cover[1]), releases=releases)
            publishing.enter_context(interrupts.deferred())
        # A fallback voice is not what the config asks for: the next build tries again.
        manifest = {**_manifest(release), "segments": len(takes),
                    "loudness_lufs": lufs, "true_peak_db": true_peak,
                    "fingerprint": None if fell_back else fingerprint}
        write_text(_manifest_path(project, episode_id), json.dumps(manifest, indent=2))
        feed_path = _publish_feed(project, cover, xml, releases)
    synthesized = sum(1 for t in takes if not t.cached)
    return BuildReport(
        episode=episode_id, audio=str(target), duration_s=round(duration, 3),
        segments=len(takes), synthesized=synthesized, cached=len(takes) - synthesized,
        feed=str(feed_path), seconds=round(time.perf_counter() - started, 3),
        chapters=[dataclasses.asdict(c) for c in chapters],
        chapters_file=str(sidecars["chapters"]),
        transcript={"vtt": str(sidecars["vtt"]), "srt": str(sidecars["srt"])},
        cover=str(project.feed_dir / _cover_name(cover[1])),
        loudness_lufs=lufs, true_peak_db=true_peak,
    )


def _sidecar_paths(project: Project, episode_id: str) -> dict[str, Path]:
    """Files published beside ``audio/<id>.mp3``: chapters JSON and the transcripts."""
    return {key: project.audio_dir / f"{episode_id}{suffix}"
            for key, (suffix, _, _) in _SIDECARS.items()}


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
    sidecars = _sidecar_paths(project, episode_id)
    try:
        manifest = json.loads(_manifest_path(project, episode_id).read_text(encoding="utf-8"))
        if (manifest.get("fingerprint") != fingerprint
                or audio.stat().st_size != manifest["size"] or not feed.is_file()
                or not all(p.is_file() for p in sidecars.values())):
            return None
        segments = int(manifest["segments"])
        return BuildReport(
            episode=episode_id, audio=str(audio), duration_s=round(manifest["duration_s"], 3),
            segments=segments, synthesized=0, cached=segments, feed=str(feed),
            seconds=round(time.perf_counter() - started, 3), chapters=manifest["chapters"],
            chapters_file=str(sidecars["chapters"]),
            transcript={"vtt": str(sidecars["vtt"]), "srt": str(sidecars["srt"])},
            cover=str(project.feed_dir / _published_cover(project)),
            loudness_lufs=manifest.get("loudness_lufs"),
            true_peak_db=manifest.get("true_peak_db"),
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
    meta = release.meta
    return {
        "episode": release.episode_id,
        "guid": release.meta.guid,
        "size": release.size,
        "sha256": release.sha256,
        "duration_s": release.duration_s,
        "chapters": [dataclasses.asdict(c) for c in release.chapters],
        # What the feed shows, so a script broken later does not drop a published episode.
        "meta": {"title": meta.title, "episode": meta.episode, "season": meta.season,
                 "date": meta.date.isoformat() if meta.date else None, "summary": meta.summary},
    }


def _published_meta(manifest: dict) -> EpisodeMeta | None:
    """The episode details recorded at publication, or None in an older or damaged manifest."""
    try:
        m = manifest["meta"]
        return EpisodeMeta(title=str(m["title"]), episode=m.get("episode"),
                           season=m.get("season"), summary=str(m.get("summary") or ""),
                           date=dt.date.fromisoformat(m["date"]) if m.get("date") else None)
    except (KeyError, TypeError, ValueError):
        return None


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
        except ValueError as exc:
            log.warning("skipping %s in the feed: %s", episode_id, exc)
            continue
        try:
            script_meta = read_script(project, episode_id).meta
        except ScriptError as exc:
            script_meta = _published_meta(manifest) if isinstance(manifest, dict) else None
            if script_meta is None:
                log.warning("skipping %s in the feed: %s", episode_id, exc.message)
                continue
            log.warning("%s; the feed keeps %s as it was published", exc.message, episode_id)
        try:
            if audio.stat().st_size != manifest["size"]:
                log.warning("skipping %s in the feed: audio does not match its manifest",
                            episode_id)
                continue
            meta: EpisodeMeta = dataclasses.replace(script_meta, guid=manifest["guid"])
            chapters = tuple(Chapter(**c) for c in manifest["chapters"])
            releases.append(Release(episode_id, meta, audio, manifest["size"],
                                    manifest["sha256"], manifest["duration_s"], chapters))
        except (KeyError, TypeError):
            log.warning("skipping %s in the feed: its manifest is damaged; rebuild it",
                        episode_id)
    return releases


# Files the build writes beside audio/<id>.mp3: key -> (suffix, MIME type, page label).
_SIDECARS = {
    "vtt": (".vtt", "text/vtt", "WebVTT transcript"),
    "srt": (".srt", "application/x-subrip", "SRT transcript"),
    "chapters": (".chapters.json", "application/json+chapters", "Chapters (JSON)"),
}
_CHAPTERS_MIME = _SIDECARS["chapters"][1]


def _sidecars(project: Project, episode_id: str) -> list[tuple[str, str, str]]:
    """(versioned path under the show root, MIME type, label) of each sidecar that exists."""
    found = []
    paths = _sidecar_paths(project, episode_id)
    for key, (_, mime, label) in _SIDECARS.items():
        path = paths[key]
        if path.is_file():
            version = hashlib.sha256(path.read_bytes()).hexdigest()[:12]
            found.append((f"audio/{path.name}?v={version}", mime, label))
    return found


def _audio_path(release: Release) -> str:
    # The hash in the query gives changed audio a new URL; the guid stays the same.
    return f"audio/{release.episode_id}.mp3?v={release.sha256[:12]}"


def _published_cover(project: Project) -> str:
    """The cover file name in feed/ (the newest of cover.jpg and cover.png)."""
    found = [p for p in (project.feed_dir / "cover.jpg", project.feed_dir / "cover.png")
             if p.is_file()]
    return max(found, key=lambda p: p.stat().st_mtime_ns).name if found else "cover.jpg"


def feed_xml(project: Project, base_url: str | None = None, *, cover_name: str | None = None,
             releases: list[Release] | None = None) -> bytes:
    """The feed of every built episode with its URLs under ``base_url`` (default: the config's).

    The show's ``podcast:guid`` always comes from the configured URL, so a feed served under
    another address (``recapcast serve --public-url``) is still the same show.
    """
    base = base_url or project.show.base_url
    if not base.endswith("/"):
        base += "/"
    entries = []
    for release in _releases(project) if releases is None else releases:
        sidecars = _sidecars(project, release.episode_id)
        entries.append(feeds.FeedEntry(
            release, urljoin(base, _audio_path(release)),
            transcripts=tuple(feeds.Sidecar(urljoin(base, path), mime)
                              for path, mime, _ in sidecars if mime != _CHAPTERS_MIME),
            chapters=next((feeds.Sidecar(urljoin(base, path), mime)
                           for path, mime, _ in sidecars if mime == _CHAPTERS_MIME), None),
        ))
    try:
        return feeds.render_feed(
            project.show, entries, feed_url=urljoin(base, "feed/feed.xml"),
            cover_url=urljoin(base, f"feed/{cover_name or _published_cover(project)}"),
            page_url=urljoin(base, "feed/index.html"),
            guid=project.show.podcast_guid or feeds.podcast_guid(_feed_url(project)))
    except ValueError as exc:
        raise BuildError(f"cannot write the feed: {exc}") from None


def _page_episode(project: Project, release: Release) -> show_page.PageEpisode:
    sidecars = _sidecars(project, release.episode_id)
    vtt = project.audio_dir / f"{release.episode_id}.vtt"
    cues = show_page.parse_vtt(vtt.read_text("utf-8", errors="replace")) if vtt.is_file() else ()
    if not cues:
        try:
            cues = show_page.cues_from_script(read_script(project, release.episode_id),
                                              release.chapters)
        except ScriptError:
            cues = ()
    return show_page.PageEpisode(
        release, f"../{_audio_path(release)}", transcript=cues,
        captions_href=next((f"../{path}" for path, mime, _ in sidecars if mime == "text/vtt"), ""),
        links=tuple(show_page.PageLink(label, f"../{path}") for path, _, label in sidecars),
    )


def write_feed(project: Project, cover: tuple[bytes, str] | None = None) -> Path:
    """Write the cover, then ``feed/feed.xml`` listing every built episode, then the show page."""
    if cover is None:
        cover = _cover(project)
    releases = _releases(project)
    xml = feed_xml(project, cover_name=_cover_name(cover[1]), releases=releases)
    return _publish_feed(project, cover, xml, releases)


def _with_pending(project: Project, pending: Release) -> list[Release]:
    """Every published release, with ``pending`` in place of its published one."""
    others = [r for r in _releases(project) if r.episode_id != pending.episode_id]
    return [*others, pending]


def _publish_feed(project: Project, cover: tuple[bytes, str], xml: bytes,
                  releases: list[Release]) -> Path:
    """Write the cover, the rendered feed, then the show page."""
    cover_name = _cover_name(cover[1])
    write_bytes(project.feed_dir / cover_name, cover[0])
    target = project.feed_dir / "feed.xml"
    write_bytes(target, xml)
    newest_first = sorted(releases, key=lambda r: (r.meta.date or _EPOCH, r.meta.episode or 0,
                                                   r.episode_id), reverse=True)
    page = show_page.render_page(
        project.show, [_page_episode(project, r) for r in newest_first], feed_href="feed.xml",
        feed_url=_feed_url(project), cover_href=cover_name)
    write_bytes(project.feed_dir / "index.html", page)
    return target
