"""Chapter lists: ``MM:SS Title`` lines for the description, and the chapters JSON file."""

from __future__ import annotations

import json
from collections.abc import Sequence

from recapcast.model import Chapter, EpisodeMeta

__all__ = ["timestamp", "episode_description", "podcast_chapters"]


def timestamp(ms: int) -> str:
    """``MM:SS`` (or ``H:MM:SS`` past an hour), the form Spotify and apps link."""
    seconds = ms // 1000
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


def episode_description(meta: EpisodeMeta, chapters: Sequence[Chapter]) -> str:
    """Summary, a blank line, and the chapter list."""
    lines = [meta.summary or meta.title]
    if chapters:
        lines.append("")
        lines += [f"{timestamp(c.start_ms)} {c.title}" for c in chapters]
    return "\n".join(lines)


def podcast_chapters(chapters: Sequence[Chapter]) -> str:
    """The Podcasting 2.0 chapters file (JSON, version 1.2.0) for ``chapters``."""
    return json.dumps({
        "version": "1.2.0",
        "chapters": [{"startTime": c.start_ms / 1000, "endTime": c.end_ms / 1000,
                      "title": c.title} for c in chapters],
    }, indent=2, ensure_ascii=False) + "\n"
