"""The one place that knows the order of the stages: text, voice, sound, release, publish."""

from __future__ import annotations

import dataclasses
import logging
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack
from dataclasses import dataclass

from recapcast.config import Project
from recapcast.errors import EngineError, ScriptError
from recapcast.model import Chapter, Finding, Release, Take, VoiceSettings
from recapcast.publish import catalog
from recapcast.publish.fingerprint import input_fingerprint
from recapcast.release import tags
from recapcast.release.shownotes import episode_description, podcast_chapters
from recapcast.safety import interrupts
from recapcast.safety.atomic import atomic_path, write_text
from recapcast.safety.sanitize import clean_text
from recapcast.text.check import check_script_text
from recapcast.text.script import decode_text, read_script
from recapcast.voice import readings
from recapcast.voice.engines import Engine, get_engine, with_engine
from recapcast.voice.takes import CACHE_VERSION, render_takes

__all__ = ["BuildReport", "build_episode", "is_up_to_date", "refuse_script_errors",
           "script_errors"]

log = logging.getLogger(__name__)

_ERRORS_SHOWN = 20
"""A build refused for check errors lists this many of them (check lists every one)."""


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
    # Before the plan: a script that does not parse is reported as check reports it, with
    # check's other errors, not as the parser's one (last) complaint.
    refuse_script_errors(project, episode_id)
    script, show, segments, titles, fingerprint = _plan(project, episode_id, engine)
    if not force:
        report = _up_to_date(project, episode_id, fingerprint, started)
        if report:
            return report
    from recapcast.release import transcript
    from recapcast.sound import mixdown, music

    if on_plan:
        on_plan(len(segments))
    # The music and cover are made while the voices speak, not after the last take.
    with ThreadPoolExecutor(max_workers=1) as side:
        music_job = side.submit(music.intro_and_outro, project.root, project.show)
        cover_job = side.submit(catalog.show_cover, project)
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
            segments, titles = readings.planned(project.cache_dir, script, show)
            if on_plan:
                on_plan(len(segments))
            takes = render_takes(segments, project.cache_dir, engine_for=engine_for,
                                 on_take=took, jobs=jobs)
        intro, outro = music_job.result()
        ready.result()
        mix = mixdown.mix_episode(takes, titles, intro=intro, outro=outro, audio=show.audio,
                                  store=store)
        cover = cover_job.result()
    meta = dataclasses.replace(script.meta, guid=catalog.episode_guid(project, script))
    description = episode_description(meta, mix.chapters)

    target = project.audio_dir / f"{episode_id}.mp3"
    # The MP3, its manifest and the feed are published together: an interrupt that arrives
    # while they are renamed into place is held until the feed is written.
    with ExitStack() as publishing:
        with atomic_path(target) as tmp:
            lufs, true_peak = mixdown.encode_mp3(mix, tmp, show.audio)
            duration = tags.mp3_duration(tmp)
            chapters = _clamp(mix.chapters, duration)
            tags.write_tags(tmp, meta=meta, show=project.show, chapters=chapters,
                            description=description, cover=cover,
                            transcript=transcript.to_text(mix.spans))
            size, sha256 = catalog.size_and_hash(tmp)
            release = Release(episode_id, meta, target, size, sha256, duration, chapters,
                              narrator=catalog.narrator_name(show.voice))
            # The sidecars go first: the feed links each with a hash of its bytes.
            sidecars = catalog.sidecar_paths(project, episode_id)
            write_text(sidecars["chapters"], podcast_chapters(chapters))
            write_text(sidecars["vtt"], transcript.to_vtt(mix.spans, mix.sample_rate))
            write_text(sidecars["srt"], transcript.to_srt(mix.spans, mix.sample_rate))
            # Rendered before the MP3 is published: a feed that cannot be written leaves the
            # published MP3 and feed as they were.
            releases = catalog.with_pending(project, release)
            xml = catalog.feed_xml(project, cover_name=catalog.cover_name(cover[1]),
                                   releases=releases)
            publishing.enter_context(interrupts.deferred())
        # A fallback voice is not what the config asks for: the next build tries again.
        catalog.write_manifest(project, release, segments=len(takes), loudness_lufs=lufs,
                               true_peak_db=true_peak,
                               fingerprint=None if fell_back else fingerprint)
        feed_path = catalog.publish_feed(project, cover, xml, releases)
    synthesized = sum(1 for t in takes if not t.cached)
    return BuildReport(
        episode=episode_id, audio=str(target), duration_s=round(duration, 3),
        segments=len(takes), synthesized=synthesized, cached=len(takes) - synthesized,
        feed=str(feed_path), seconds=round(time.perf_counter() - started, 3),
        chapters=[dataclasses.asdict(c) for c in chapters],
        chapters_file=str(sidecars["chapters"]),
        transcript={"vtt": str(sidecars["vtt"]), "srt": str(sidecars["srt"])},
        cover=str(project.feed_dir / catalog.cover_name(cover[1])),
        loudness_lufs=lufs, true_peak_db=true_peak,
    )


def _plan(project: Project, episode_id: str, engine: str | None):
    """The script, show, segments, chapter titles and input fingerprint of a build."""
    script = read_script(project, episode_id)
    show = with_engine(project.show, engine)
    segments, titles = readings.planned(project.cache_dir, script, show)
    if not segments:
        raise ScriptError(f"scripts/{episode_id}.md has nothing to speak",
                          "write at least one paragraph")
    plan = repr((segments, titles))
    if any(s.reading for s in segments):
        # Out of the segments' repr, so fingerprints made before readings existed hold.
        plan += f"\nreadings {[s.reading for s in segments]}"
    fingerprint = input_fingerprint(project, episode_id, show, plan, CACHE_VERSION)
    return script, show, segments, titles, fingerprint


def script_errors(project: Project, episode_id: str) -> list[Finding]:
    """The errors ``recapcast check`` finds in the script (none: it can be built)."""
    path = project.script_path(episode_id)
    name = str(path.relative_to(project.root))
    text = clean_text(decode_text(path.read_bytes(), name, project.max_recap_bytes))
    return [f for f in check_script_text(text, episode_id, name, project)
            if f.severity == "error"]


def refuse_script_errors(project: Project, episode_id: str) -> None:
    """Raise ScriptError listing the errors check finds in the script, in check's own
    ``file:line: error: message`` lines: what check calls an error would be spoken wrong
    ("{episode|EP-i-sode" read out as written), so nothing is spoken, mixed or published.
    A missing script is left to the build's own "no script" error."""
    if not project.script_path(episode_id).is_file():
        return
    errors = script_errors(project, episode_id)
    if not errors:
        return
    shown = [str(e) for e in errors[:_ERRORS_SHOWN]]
    if len(errors) > _ERRORS_SHOWN:
        shown.append(f"... and {len(errors) - _ERRORS_SHOWN} more")
    many = len(errors) > 1
    raise ScriptError("\n".join(shown),
                      f"fix {f'these {len(errors)} errors' if many else 'it'}, then build "
                      f"again (recapcast check {episode_id} lists the warnings too)")


def is_up_to_date(project: Project, episode_id: str, engine: str | None = None) -> bool:
    """Whether building ``episode_id`` now would do nothing (the no-op build's own test)."""
    fingerprint = _plan(project, episode_id, engine)[4]
    return _up_to_date(project, episode_id, fingerprint, time.perf_counter()) is not None


def _up_to_date(project: Project, episode_id: str, fingerprint: str,
                started: float) -> BuildReport | None:
    """The report of a build that has nothing to do, or None if the episode must be built."""
    audio = project.audio_dir / f"{episode_id}.mp3"
    feed = project.feed_dir / "feed.xml"
    sidecars = catalog.sidecar_paths(project, episode_id)
    manifest = catalog.read_manifest(project, episode_id)
    try:
        if (manifest is None or manifest.get("fingerprint") != fingerprint
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
            cover=str(project.feed_dir / catalog.published_cover(project)),
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
