"""ID3v2.3 tags, chapters, transcript and cover on the built MP3 (owns mutagen)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from recapcast.errors import BuildError
from recapcast.model import Chapter, EpisodeMeta, Show

__all__ = ["write_tags", "mp3_duration"]

_MAX_CHAPTER_TITLE = 50
"""Apple Podcasts breaks on chapter titles over 51 characters."""


def _short(title: str) -> str:
    if len(title) <= _MAX_CHAPTER_TITLE:
        return title
    return title[: _MAX_CHAPTER_TITLE - 1].rstrip() + "…"


def write_tags(path: Path, *, meta: EpisodeMeta, show: Show, chapters: Sequence[Chapter],
               description: str, cover: tuple[bytes, str] | None,
               transcript: str = "") -> None:
    """Replace the tags of the MP3 at ``path`` with the episode's, saved as ID3v2.3."""
    from mutagen.id3 import (
        APIC,
        CHAP,
        COMM,
        CTOC,
        ID3,
        TALB,
        TCON,
        TDRC,
        TIT2,
        TPE1,
        TRCK,
        USLT,
        CTOCFlags,
        ID3NoHeaderError,
    )

    try:
        tags = ID3(str(path))
    except ID3NoHeaderError:
        tags = ID3()
    tags.delete(str(path))
    tags = ID3()
    tags.add(TIT2(encoding=1, text=meta.title))
    tags.add(TPE1(encoding=1, text=show.author))
    tags.add(TALB(encoding=1, text=show.title))
    tags.add(TCON(encoding=1, text="Podcast"))
    if meta.episode is not None:
        tags.add(TRCK(encoding=1, text=str(meta.episode)))
    if meta.date is not None:
        tags.add(TDRC(encoding=1, text=meta.date.isoformat()))
    if description:
        tags.add(COMM(encoding=1, lang="eng", desc="", text=description))
    if transcript:
        tags.add(USLT(encoding=1, lang="eng", desc="Transcript", text=transcript))
    if cover is not None:
        data, mime = cover
        tags.add(APIC(encoding=1, mime=mime, type=3, desc="Cover", data=data))
    ids = [f"chp{i}" for i in range(len(chapters))]
    for chapter_id, chapter in zip(ids, chapters, strict=True):
        tags.add(CHAP(element_id=chapter_id, start_time=chapter.start_ms,
                      end_time=chapter.end_ms, start_offset=0xFFFFFFFF, end_offset=0xFFFFFFFF,
                      sub_frames=[TIT2(encoding=1, text=_short(chapter.title))]))
    if ids:
        tags.add(CTOC(element_id="toc", flags=CTOCFlags.TOP_LEVEL | CTOCFlags.ORDERED,
                      child_element_ids=ids, sub_frames=[TIT2(encoding=1, text="Chapters")]))
    try:
        tags.save(str(path), v2_version=3)
    except OSError as exc:
        raise BuildError(f"cannot write tags to {path}: {exc}") from None


def mp3_duration(path: Path) -> float:
    """Duration of the MP3 at ``path`` in seconds, as a player computes it."""
    from mutagen.mp3 import MP3

    return float(MP3(str(path)).info.length)
