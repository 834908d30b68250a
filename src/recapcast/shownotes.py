"""The episode description: the summary, then one ``MM:SS Title`` line per chapter."""

from __future__ import annotations

from collections.abc import Sequence

from recapcast.model import Chapter, EpisodeMeta

__all__ = ["timestamp", "episode_description"]


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
