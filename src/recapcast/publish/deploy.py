"""``recapcast publish``: copy the built show to where podcast apps fetch it, in a safe order.

The order is what keeps the live feed honest at every moment, even if the publish is killed:
media first (audio, transcripts, chapters, cover), then a listing of the target that proves
every file the new feed links is there with the size the feed states, then the show page,
then the feed. Media are published under names that carry their hash
(``audio/ep3.1a2b3c4d5e6f.mp3``), so a changed episode is a new file and the one the live feed
links is never overwritten; old files go only with ``--prune``, after the new feed is live.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from recapcast.config import Project
from recapcast.errors import PublishError
from recapcast.publish import catalog
from recapcast.publish.pings import Ping, send_pings
from recapcast.publish.rclone import Rclone, Target
from recapcast.safety.atomic import write_text

__all__ = ["SiteFile", "PublishReport", "plan_site", "publish_show", "HEADERS",
           "episode_states", "PUBLISHED_STATE"]

_MEDIA_CACHE = "public, max-age=31536000, immutable"
"""A media file never changes under its name (the name carries its hash)."""
_SHORT_CACHE = "public, max-age=300"
"""The feed and page change with every episode: apps and CDNs ask again after 5 minutes."""
HEADERS = {
    "audio/mpeg": ("audio/mpeg", _MEDIA_CACHE),
    "text/vtt": ("text/vtt; charset=utf-8", _MEDIA_CACHE),
    "application/x-subrip": ("application/x-subrip; charset=utf-8", _MEDIA_CACHE),
    "application/json+chapters": ("application/json+chapters", _MEDIA_CACHE),
    "image/jpeg": ("image/jpeg", _MEDIA_CACHE),
    "image/png": ("image/png", _MEDIA_CACHE),
    "page": ("text/html; charset=utf-8", _SHORT_CACHE),
    "feed": ("application/rss+xml; charset=utf-8", _SHORT_CACHE),
}
"""Kind -> (Content-Type, Cache-Control) the target stores with the file."""
FEED_PATH = "feed/feed.xml"
PAGE_PATH = "feed/index.html"
_PRUNED_FOLDERS = ("audio/", "feed/")
PUBLISHED_STATE = "published.json"
"""Under ``.cache/``: where the last publish went and the audio each episode went out with."""


@dataclass(frozen=True)
class SiteFile:
    """One file of the published show."""

    path: str
    """Its path under the target (and under ``base_url``)."""
    kind: str
    """A MIME type for media; ``page`` or ``feed``."""
    size: int
    source: Path | None = None
    data: bytes | None = None


@dataclass
class PublishReport:
    """What one publish did (or, with ``dry_run``, would do)."""

    target: str
    dry_run: bool
    uploaded: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    left: list[str] = field(default_factory=list)
    """Files no feed links that ``max_deletes`` kept for a later ``--prune``."""
    scheduled: list[dict] = field(default_factory=list)
    pings: list[Ping] = field(default_factory=list)
    feed_url: str = ""

    def to_json(self) -> dict:
        return {"target": self.target, "dry_run": self.dry_run, "uploaded": self.uploaded,
                "skipped": self.skipped, "removed": self.removed, "left": self.left,
                "scheduled": self.scheduled, "feed": self.feed_url,
                "pings": [{"service": p.service, "ok": p.ok, "detail": p.detail}
                          for p in self.pings]}


def plan_site(project: Project, now: dt.datetime) -> list[SiteFile]:
    """Every file to publish, media first, then the page, then the feed."""
    releases = catalog.published_releases(project)
    if not releases:
        raise PublishError("there is no built episode to publish",
                           "build one first: recapcast build EPISODE_ID")
    media = catalog.site_files(project, releases, now)
    cover = next((path.rsplit("/", 1)[1] for _, path, mime in media
                  if path.startswith("feed/")), None)
    feed = catalog.feed_xml(project, cover_name=cover, releases=releases, immutable=True,
                            now=now)
    page = catalog.page_html(project, releases, cover or "cover.jpg", immutable=True, now=now)
    files = [SiteFile(path, mime, source.stat().st_size, source=source)
             for source, path, mime in media]
    return [*files, SiteFile(PAGE_PATH, "page", len(page), data=page),
            SiteFile(FEED_PATH, "feed", len(feed), data=feed)]


def _stage(stage: Path, files: list[SiteFile]) -> None:
    """Lay the files out as published, in ``stage``: media hard-linked, feed and page written.

    A staged media file must still hash to the name it is published under: a file rebuilt
    since the plan (of the same size, as a CBR MP3 of the same length is) is never
    published under the old file's name.
    """
    shutil.rmtree(stage, ignore_errors=True)
    for one in files:
        target = stage / one.path
        target.parent.mkdir(parents=True, exist_ok=True)
        if one.data is not None:
            target.write_bytes(one.data)
            continue
        try:
            os.link(one.source, target)
        except OSError:
            shutil.copyfile(one.source, target)
        version = target.name.split(".")[1]
        if catalog.size_and_hash(target)[1][:len(version)] != version:
            raise PublishError(f"{one.source.name} changed while it was being published",
                               "wait for the build to finish, then publish again")


def publish_show(project: Project, target: Target, *, dry_run: bool = False,
                 prune: bool = False, now: dt.datetime | None = None,
                 on_start: Callable[[int], None] | None = None,
                 on_bytes: Callable[[int], None] | None = None,
                 rclone: Rclone | None = None) -> PublishReport:
    """Publish the built show to ``target``; see the module's docstring for the order."""
    now = now or dt.datetime.now(dt.UTC)
    files = plan_site(project, now)
    report = PublishReport(target.shown, dry_run, feed_url=catalog.feed_url(project))
    report.scheduled = [{"episode": r.episode_id, "title": r.meta.title,
                         "goes_out": r.meta.release_at().isoformat()}
                        for r in catalog.scheduled(project, now)]
    rclone = rclone or Rclone(target)
    on_target = rclone.listing(probe=True)
    changed = [f for f in files if _changed(rclone, f, on_target)]
    report.uploaded = [f.path for f in changed]
    report.skipped = [f.path for f in files if f not in changed]
    linked = {f.path for f in files}
    stale = sorted(p for p in on_target if p.startswith(_PRUNED_FOLDERS) and p not in linked
                   and not _temporary(p))
    if prune:
        report.removed = stale[:project.publish.max_deletes]
        report.left = stale[project.publish.max_deletes:]
    if dry_run:
        return report
    if on_start:
        on_start(sum(f.size for f in changed))
    stage = project.cache_dir / "publish"
    _stage(stage, changed)
    media = [f for f in changed if f.kind not in ("page", "feed")]
    for kind in dict.fromkeys(f.kind for f in media):
        _upload(rclone, stage, [f for f in media if f.kind == kind], kind, on_bytes)
    # The new feed goes out only when every file it links is there, with its size.
    listed = rclone.listing() if media else on_target
    for one in files:
        if one.kind not in ("page", "feed") and listed.get(one.path) != one.size:
            found = listed.get(one.path)
            raise PublishError(
                f"{one.path} is not on {target.shown} with its {one.size} bytes after the "
                f"upload ({'missing' if found is None else f'{found} bytes'}); the feed "
                "was not changed", "publish again; if it fails again, check the target")
    for kind in ("page", "feed"):
        _upload(rclone, stage, [f for f in changed if f.kind == kind], kind, on_bytes)
    shutil.rmtree(stage, ignore_errors=True)
    _record(project, target, files, now)
    if any(f.kind == "feed" for f in changed):
        report.pings = send_pings(project.publish, report.feed_url)
    rclone.delete(report.removed)
    return report


def _record(project: Project, target: Target, files: list[SiteFile], now: dt.datetime) -> None:
    """Remember what the live feed holds, for the studio's live / changed / scheduled."""
    audio = {f.path.split("/")[1].split(".")[0]: f.path for f in files if f.kind == "audio/mpeg"}
    write_text(project.cache_dir / PUBLISHED_STATE, json.dumps(
        {"target": target.shown, "at": now.isoformat(), "audio": audio}, indent=1))


def episode_states(project: Project, now: dt.datetime | None = None) -> dict:
    """Each built episode's state against the last publish: ``live`` (published as built),
    ``changed`` (rebuilt since), ``scheduled`` (with when) or ``unpublished``."""
    now = now or dt.datetime.now(dt.UTC)
    try:
        state = json.loads((project.cache_dir / PUBLISHED_STATE).read_text("utf-8"))
        live = dict(state["audio"])
    except (OSError, ValueError, KeyError, TypeError):
        state, live = {}, {}
    episodes = {}
    for release in catalog.published_releases(project):
        at = release.meta.release_at()
        name = catalog.site_files(project, [release], at)[0][1]
        if at > now:
            episodes[release.episode_id] = {"state": "scheduled", "goes_out": at.isoformat()}
        elif release.episode_id not in live:
            episodes[release.episode_id] = {"state": "unpublished"}
        else:
            episodes[release.episode_id] = {
                "state": "live" if live[release.episode_id] == name else "changed"}
    return {"target": state.get("target"), "published_at": state.get("at"),
            "episodes": episodes}


def _upload(rclone: Rclone, stage: Path, files: list[SiteFile], kind: str,
            on_bytes: Callable[[int], None] | None) -> None:
    content_type, cache = HEADERS[kind]
    rclone.upload(stage, [f.path for f in files],
                  [f"Content-Type: {content_type}", f"Cache-Control: {cache}"], on_bytes)


def _changed(rclone: Rclone, one: SiteFile, on_target: dict[str, int]) -> bool:
    """Whether ``one`` must be uploaded: media by size (the name carries the hash), the
    feed and page by their bytes."""
    if on_target.get(one.path) != one.size:
        return True
    if one.data is None:
        return False
    return rclone.read(one.path) != one.data


def _temporary(path: str) -> bool:
    # An upload rclone or a server still holds open: not ours to remove.
    name = path.rsplit("/", 1)[-1]
    return name.startswith(".") or name.endswith(".partial")
