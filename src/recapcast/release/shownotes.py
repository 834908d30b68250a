"""Show notes: the episode description as plain text and as simple HTML (summary and
``MM:SS Title`` chapter lines), and the chapters JSON file."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable, Sequence

from recapcast.model import Chapter, EpisodeMeta

__all__ = ["MAX_NOTES_BYTES", "timestamp", "episode_description", "episode_notes_html",
           "podcast_chapters"]

MAX_NOTES_BYTES = 4000
"""Apple's limit for an item's ``<description>`` (and ``content:encoded``), in UTF-8 bytes."""
_KEPT_SUMMARY_BYTES = 280
"""A summary is cut down to this before any chapter line is dropped."""
_CUT = re.compile(r"\s+")


def timestamp(ms: int) -> str:
    """``MM:SS`` (or ``H:MM:SS`` past an hour), the form Spotify and apps link."""
    seconds = ms // 1000
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


def _chapter_lines(chapters: Sequence[Chapter]) -> list[str]:
    return [f"{timestamp(c.start_ms)} {c.title}" for c in chapters]


def _more(dropped: int) -> str:
    return f"… and {dropped} more chapter{'s' if dropped > 1 else ''}"


def _plain(summary: str, lines: Sequence[str], dropped: int) -> str:
    out = [summary]
    if lines or dropped:
        out.append("")
        out += lines
    if dropped:
        out.append(_more(dropped))
    return "\n".join(out)


def _html(summary: str, lines: Sequence[str], dropped: int) -> str:
    out = ["<p>" + "<br>".join(html.escape(line, quote=False) for line in part.split("\n"))
           + "</p>" for part in re.split(r"\n\s*\n", summary.strip()) if part.strip()]
    if lines:
        out.append("<ul>")
        out += [f"<li>{html.escape(line, quote=False)}</li>" for line in lines]
        out.append("</ul>")
    if dropped:
        out.append(f"<p>{_more(dropped)}</p>")
    return "\n".join(out)


def _size(text: str) -> int:
    return len(text.encode("utf-8"))


def _shortened(text: str, fits: Callable[[str], bool]) -> str:
    """``text``, or its longest start cut at a space and ended with "…", that ``fits``."""
    if fits(text):
        return text
    cuts = [m.start() for m in _CUT.finditer(text)]
    best, low, high = "…", 0, len(cuts) - 1
    # Longer starts never render shorter, so the longest that fits is found by bisection.
    while low <= high:
        middle = (low + high) // 2
        candidate = text[:cuts[middle]].rstrip(" ,;:—–-") + "…"
        if fits(candidate):
            best, low = candidate, middle + 1
        else:
            high = middle - 1
    return best


def _notes(meta: EpisodeMeta, chapters: Sequence[Chapter], render, limit: int) -> str:
    """The notes within ``limit`` bytes: the summary is cut first, down to a few sentences,
    then whole chapter lines are dropped from the end (never a line cut in two)."""
    summary = meta.summary or meta.title
    lines = _chapter_lines(chapters)
    whole = render(summary, lines, 0)
    if _size(whole) <= limit:
        return whole
    cut = _shortened(summary, lambda s: _size(render(s, lines, 0)) <= limit)
    if _size(cut) >= min(_size(summary), _KEPT_SUMMARY_BYTES):
        return render(cut, lines, 0)
    kept = _shortened(summary, lambda s: _size(s) <= _KEPT_SUMMARY_BYTES)
    for count in range(len(lines) - 1, -1, -1):
        notes = render(kept, lines[:count], len(lines) - count)
        if _size(notes) <= limit:
            return notes
    return render(_shortened(summary, lambda s: _size(render(s, [], len(lines))) <= limit),
                  [], len(lines))


def episode_description(meta: EpisodeMeta, chapters: Sequence[Chapter],
                        limit: int = MAX_NOTES_BYTES) -> str:
    """Summary, a blank line, and the chapter list, one ``MM:SS Title`` a line."""
    return _notes(meta, chapters, _plain, limit)


def episode_notes_html(meta: EpisodeMeta, chapters: Sequence[Chapter],
                       limit: int = MAX_NOTES_BYTES) -> str:
    """The same notes as simple HTML (``<p>`` and a ``<ul>`` of chapter lines) for apps
    that show ``content:encoded`` and join the plain description's lines."""
    return _notes(meta, chapters, _html, limit)


def podcast_chapters(chapters: Sequence[Chapter]) -> str:
    """The Podcasting 2.0 chapters file (JSON, version 1.2.0) for ``chapters``."""
    return json.dumps({
        "version": "1.2.0",
        "chapters": [{"startTime": c.start_ms / 1000, "endTime": c.end_ms / 1000,
                      "title": c.title} for c in chapters],
    }, indent=2, ensure_ascii=False) + "\n"
