"""What is published: each episode's manifest, the list of releases, the feed and page glue.

The scripts are the source of truth and ``audio/`` and ``feed/`` are derived from them: beside
each MP3 a small ``audio/<id>.json`` manifest records its size, hash, duration and chapters, so
the feed and the show page are rendered from the scripts and the built files without decoding
audio.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import logging
import uuid
from pathlib import Path
from urllib.parse import urljoin

from recapcast.config import Project
from recapcast.errors import BuildError, ScriptError
from recapcast.model import Chapter, EpisodeMeta, Release, Script, VoiceSettings
from recapcast.publish import feed as feeds
from recapcast.publish import page as show_page
from recapcast.release import cover as cover_art
from recapcast.safety.atomic import write_bytes, write_text
from recapcast.text.script import read_script

__all__ = ["episode_guid", "feed_url", "narrator_name", "show_cover", "cover_name", "sidecar_paths",
           "size_and_hash", "read_manifest", "write_manifest", "published_releases", "with_pending",
           "feed_xml", "write_feed", "publish_feed", "published_cover", "out_now", "scheduled",
           "page_html", "site_files"]

log = logging.getLogger(__name__)


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
    return str(uuid.uuid5(uuid.UUID(feeds.podcast_guid(feed_url(project))), script.episode_id))


def feed_url(project: Project) -> str:
    """The feed's address under the configured ``base_url``."""
    return urljoin(project.show.base_url, "feed/feed.xml")


# How the feed names each engine in a narrator's credit.
_ENGINE_NAMES = {"piper": "Piper", "gtts": "Google", "tone": "test tone"}


def narrator_name(voice: VoiceSettings) -> str:
    """How the feed credits a voice, e.g. ``joe-us (Piper text-to-speech)``."""
    name = Path(voice.voice).stem if voice.voice.endswith(".onnx") else voice.voice
    return f"{name} ({_ENGINE_NAMES.get(voice.engine, voice.engine)} text-to-speech)"


def show_cover(project: Project) -> tuple[bytes, str]:
    """The configured cover's bytes and MIME type, else the generated one."""
    show = project.show
    if show.cover:
        return cover_art.load_cover(project.root / show.cover)
    return cover_art.default_cover(show.title, show.author), "image/jpeg"


def cover_name(mime: str) -> str:
    """The file name of the published cover in ``feed/``."""
    return "cover.png" if mime == "image/png" else "cover.jpg"


def sidecar_paths(project: Project, episode_id: str) -> dict[str, Path]:
    """Files published beside ``audio/<id>.mp3``: chapters JSON and the transcripts."""
    return {key: project.audio_dir / f"{episode_id}{suffix}"
            for key, (suffix, _, _) in _SIDECARS.items()}


def size_and_hash(path: Path) -> tuple[int, str]:
    """The file's size and SHA-256 hex digest."""
    digest = hashlib.sha256()
    size = 0
    with path.open("rb") as f:
        while block := f.read(1 << 20):
            digest.update(block)
            size += len(block)
    return size, digest.hexdigest()


def _manifest_path(project: Project, episode_id: str) -> Path:
    return project.audio_dir / f"{episode_id}.json"


def read_manifest(project: Project, episode_id: str) -> dict | None:
    """The manifest beside ``audio/<id>.mp3``, or None when it is missing or unreadable."""
    try:
        manifest = json.loads(_manifest_path(project, episode_id).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return manifest if isinstance(manifest, dict) else None


def write_manifest(project: Project, release: Release, **build: object) -> None:
    """Record ``release`` (and the build's own facts, such as its fingerprint) beside its MP3."""
    write_text(_manifest_path(project, release.episode_id),
               json.dumps({**_manifest(release), **build}, indent=2))


def _manifest(release: Release) -> dict:
    meta = release.meta
    return {
        "episode": release.episode_id,
        "guid": release.meta.guid,
        "size": release.size,
        "sha256": release.sha256,
        "duration_s": release.duration_s,
        "chapters": [dataclasses.asdict(c) for c in release.chapters],
        "narrator": release.narrator,
        # What the feed shows, so a script broken later does not drop a published episode.
        "meta": {"title": meta.title, "episode": meta.episode, "season": meta.season,
                 "date": meta.date.isoformat() if meta.date else None,
                 "time": meta.time.isoformat() if meta.time else None, "summary": meta.summary,
                 "author": meta.author},
    }


def _published_meta(manifest: dict) -> EpisodeMeta | None:
    """The episode details recorded at publication, or None in an older or damaged manifest."""
    try:
        m = manifest["meta"]
        return EpisodeMeta(title=str(m["title"]), episode=m.get("episode"),
                           season=m.get("season"), summary=str(m.get("summary") or ""),
                           author=str(m.get("author") or ""),
                           date=dt.date.fromisoformat(m["date"]) if m.get("date") else None,
                           time=dt.time.fromisoformat(m["time"]) if m.get("time") else None)
    except (KeyError, TypeError, ValueError):
        return None


def published_releases(project: Project) -> list[Release]:
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
            # A manifest from before narrators were recorded: the configured voice.
            narrator = str(manifest.get("narrator") or narrator_name(project.show.voice))
            releases.append(Release(episode_id, meta, audio, manifest["size"],
                                    manifest["sha256"], manifest["duration_s"], chapters,
                                    narrator))
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


def _sidecars(project: Project, episode_id: str,
              immutable: bool = False) -> list[tuple[str, str, str]]:
    """(versioned path under the show root, MIME type, label) of each sidecar that exists."""
    found = []
    paths = sidecar_paths(project, episode_id)
    for key, (_, mime, label) in _SIDECARS.items():
        path = paths[key]
        if path.is_file():
            version = hashlib.sha256(path.read_bytes()).hexdigest()[:12]
            found.append((_versioned(f"audio/{path.name}", version, immutable), mime, label))
    return found


def _versioned(path: str, version: str, immutable: bool) -> str:
    """``audio/ep3.mp3?v=HASH`` for ``serve``; ``audio/ep3.HASH.mp3`` when published.

    A static host ignores the query, so a published file carries its hash in its name: a
    changed episode is a new file, and the one the live feed links is never overwritten.
    """
    if not immutable:
        return f"{path}?v={version}"
    folder, _, name = path.rpartition("/")
    stem, dot, rest = name.partition(".")
    return f"{folder}/{stem}.{version}{dot}{rest}"


def _audio_path(release: Release, immutable: bool = False) -> str:
    # The hash gives changed audio a new URL; the guid stays the same.
    return _versioned(f"audio/{release.episode_id}.mp3", release.sha256[:12], immutable)


def out_now(releases: list[Release], now: dt.datetime) -> list[Release]:
    """The releases whose time has come; the rest are scheduled and stay out of feed and page."""
    return [r for r in releases if r.meta.release_at() <= now]


def scheduled(project: Project, now: dt.datetime | None = None) -> list[Release]:
    """Built episodes whose time has not come, soonest first."""
    now = now or dt.datetime.now(dt.UTC)
    later = [r for r in published_releases(project) if r.meta.release_at() > now]
    return sorted(later, key=lambda r: (r.meta.release_at(), r.episode_id))


def published_cover(project: Project) -> str:
    """The cover file name in feed/ (the newest of cover.jpg and cover.png)."""
    found = [p for p in (project.feed_dir / "cover.jpg", project.feed_dir / "cover.png")
             if p.is_file()]
    return max(found, key=lambda p: p.stat().st_mtime_ns).name if found else "cover.jpg"


def feed_xml(project: Project, base_url: str | None = None, *, cover_name: str | None = None,
             releases: list[Release] | None = None, immutable: bool = False,
             now: dt.datetime | None = None) -> bytes:
    """The feed of every built episode out by ``now`` with its URLs under ``base_url``
    (default: the config's); ``immutable`` names each file by its hash, as published.

    The show's ``podcast:guid`` always comes from the configured URL, so a feed served under
    another address (``recapcast serve --public-url``) is still the same show.
    """
    now = now or dt.datetime.now(dt.UTC)
    base = base_url or project.show.base_url
    if not base.endswith("/"):
        base += "/"
    entries = []
    for release in out_now(published_releases(project) if releases is None else releases, now):
        sidecars = _sidecars(project, release.episode_id, immutable)
        entries.append(feeds.FeedEntry(
            release, urljoin(base, _audio_path(release, immutable)),
            transcripts=tuple(feeds.Sidecar(urljoin(base, path), mime)
                              for path, mime, _ in sidecars if mime != _CHAPTERS_MIME),
            chapters=next((feeds.Sidecar(urljoin(base, path), mime)
                           for path, mime, _ in sidecars if mime == _CHAPTERS_MIME), None),
        ))
    try:
        return feeds.render_feed(
            project.show, entries, feed_url=urljoin(base, "feed/feed.xml"),
            cover_url=urljoin(base, f"feed/{cover_name or published_cover(project)}"),
            page_url=urljoin(base, "feed/index.html"),
            guid=project.show.podcast_guid or feeds.podcast_guid(feed_url(project)),
            now=now, hub=project.publish.websub_hub, podping=project.publish.podping)
    except ValueError as exc:
        raise BuildError(f"cannot write the feed: {exc}") from None


def _page_episode(project: Project, release: Release,
                  immutable: bool = False) -> show_page.PageEpisode:
    sidecars = _sidecars(project, release.episode_id, immutable)
    vtt = project.audio_dir / f"{release.episode_id}.vtt"
    cues = show_page.parse_vtt(vtt.read_text("utf-8", errors="replace")) if vtt.is_file() else ()
    try:
        script = read_script(project, release.episode_id)
    except ScriptError:
        script = None
    return show_page.PageEpisode(
        release, f"../{_audio_path(release, immutable)}",
        transcript=show_page.transcript(cues, script, project.show, release.chapters),
        captions_href=next((f"../{path}" for path, mime, _ in sidecars if mime == "text/vtt"), ""),
        links=tuple(show_page.PageLink(label, f"../{path}") for path, _, label in sidecars),
    )


def write_feed(project: Project, cover: tuple[bytes, str] | None = None) -> Path:
    """Write the cover, then ``feed/feed.xml`` listing every built episode, then the show page."""
    if cover is None:
        cover = show_cover(project)
    releases = published_releases(project)
    xml = feed_xml(project, cover_name=cover_name(cover[1]), releases=releases)
    return publish_feed(project, cover, xml, releases)


def with_pending(project: Project, pending: Release) -> list[Release]:
    """Every published release, with ``pending`` in place of its published one."""
    others = [r for r in published_releases(project) if r.episode_id != pending.episode_id]
    return [*others, pending]


def publish_feed(project: Project, cover: tuple[bytes, str], xml: bytes,
                 releases: list[Release]) -> Path:
    """Write the cover, the rendered feed, then the show page."""
    cover_file = cover_name(cover[1])
    write_bytes(project.feed_dir / cover_file, cover[0])
    target = project.feed_dir / "feed.xml"
    write_bytes(target, xml)
    write_bytes(project.feed_dir / "index.html", page_html(project, releases, cover_file))
    return target


def page_html(project: Project, releases: list[Release], cover_file: str, *,
              immutable: bool = False, now: dt.datetime | None = None) -> bytes:
    """The show page of the releases out by ``now``, newest first."""
    now = now or dt.datetime.now(dt.UTC)
    newest_first = sorted(out_now(releases, now),
                          key=lambda r: (r.meta.release_at(), r.meta.episode or 0,
                                         r.episode_id), reverse=True)
    return show_page.render_page(
        project.show, [_page_episode(project, r, immutable) for r in newest_first],
        feed_href="feed.xml", feed_url=feed_url(project), cover_href=cover_file)


def site_files(project: Project, releases: list[Release],
               now: dt.datetime) -> list[tuple[Path, str, str]]:
    """(local file, published path, MIME type) of every file the published feed links:
    each episode's audio, transcripts and chapters under hashed names, then the cover."""
    files = []
    for release in out_now(releases, now):
        files.append((release.audio, _audio_path(release, True), "audio/mpeg"))
        paths = sidecar_paths(project, release.episode_id)
        for key, (_, mime, _) in _SIDECARS.items():
            path = paths[key]
            if path.is_file():
                version = hashlib.sha256(path.read_bytes()).hexdigest()[:12]
                files.append((path, _versioned(f"audio/{path.name}", version, True), mime))
    cover = project.feed_dir / published_cover(project)
    if cover.is_file():
        version = hashlib.sha256(cover.read_bytes()).hexdigest()[:12]
        mime = "image/png" if cover.suffix == ".png" else "image/jpeg"
        files.append((cover, _versioned(f"feed/{cover.name}", version, True), mime))
    return files
