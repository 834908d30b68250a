"""Narration scripts: import a raw recap, read and write ``scripts/<id>.md``.

A script is Markdown with a small front matter block::

    ---
    title: "AKA Take A Bloody Number"
    show: "Jessica Jones"
    episode: 12
    season: 1
    date: 2026-11-26
    author: "A. Writer"
    summary: "Jessica learns what Kilgrave wants."
    guid: "3c1f..."
    ---

    # Chapter heading

    A paragraph of narration.

    > A quotation.
    > — Speaker

    [pause 1.5s]

    [pronounce Kilgrave = KILL-grave]

A word can carry its pronunciation inline, ``{Kilgrave|KILL-grave}`` (a respelling) or
``{Kilgrave|/ˈkɪlɡɹeɪv/}`` (IPA phonemes); ``[pronounce WORD = SAYS]`` does the same for
every occurrence in the script, over the show's ``lexicon.toml``.

``show`` and ``author`` are optional (import fills them from the recap's title line and
byline); they are written only when set. Writing a parsed script gives back the same text
(the format round-trips).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
import uuid
from typing import TYPE_CHECKING

from recapcast.errors import ScriptError
from recapcast.model import (
    Block,
    EpisodeMeta,
    Heading,
    Paragraph,
    Pause,
    Pronounce,
    Quote,
    Script,
)
from recapcast.safety.sanitize import clean_text
from recapcast.text.ledger import Learned
from recapcast.text.lexicon import entry_problem
from recapcast.text.source import RecapSource
from recapcast.text.sources import decode_text, source_of_text

if TYPE_CHECKING:
    from recapcast.config import Project
    from recapcast.text.recap import Recognised

__all__ = ["DIRECTIVES", "Imported", "decode_text", "import_explained", "import_recap",
           "import_source", "parse_date", "parse_script", "read_script", "render_script"]

_FRONT_KEYS = ("title", "show", "episode", "season", "date", "author", "summary", "guid")
_OPTIONAL_KEYS = ("show", "author")  # written only when set, so older scripts read the same
_ATTRIBUTION = re.compile(r"^\s*(?:—|–|--|~)\s*(?P<speaker>\S.*)$")
_PAUSE = re.compile(r"^\[pause\s+(?P<s>\d+(?:\.\d+)?)\s*s?\]$", re.IGNORECASE)
_PRONOUNCE = re.compile(r"^\[pronounce\s+(?P<word>[^=\]]+?)\s*=\s*(?P<says>[^\]]*?)\s*\]$",
                        re.IGNORECASE)
DIRECTIVES = ("[pause 1.5s]", "[pronounce WORD = SAYS]")
_DIRECTIVE = re.compile(r"^\[(?P<name>[A-Za-z-]+)\b[^\]]*\]$")
MAX_PAUSE_S = 30.0


def _blocks_of_text(text: str) -> list[tuple[int, list[str]]]:
    """Split text into blank-line separated blocks, each with its first line number."""
    blocks: list[tuple[int, list[str]]] = []
    current: list[str] = []
    start = 0
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            if not current:
                start = number
            current.append(line.strip())
        elif current:
            blocks.append((start, current))
            current = []
    if current:
        blocks.append((start, current))
    return blocks


def import_recap(text: str, episode_id: str, *, season: int | None = None,
                 date: dt.date | None = None, fmt: str | None = None) -> Script:
    """Turn a raw recap (text, Markdown or HTML; ``fmt`` None guesses) into a narration script."""
    return import_source(source_of_text(text, fmt=fmt), episode_id, season=season, date=date)


@dataclasses.dataclass(frozen=True)
class Imported:
    """A script import made, and its account of the recap's lines."""

    script: Script
    recognised: Recognised


def import_source(source: RecapSource, episode_id: str, *, season: int | None = None,
                  date: dt.date | None = None, learned: Learned | None = None) -> Script:
    """Turn a recap read by ``sources.read_source`` into a narration script (see
    ``import_explained``)."""
    return import_explained(source, episode_id, season=season, date=date,
                            learned=learned).script


def import_explained(source: RecapSource, episode_id: str, *, season: int | None = None,
                     date: dt.date | None = None, learned: Learned | None = None) -> Imported:
    """Turn a recap read by ``sources.read_source`` into a narration script, with the
    account of every line (kept as what, or left out why).

    The title line gives the show, season, episode and title (a post's front matter fills
    in what it does not say); bylines, dates, spoiler warnings, timestamps, stage
    directions and sign-offs are left out; headings and heading-like lines become chapters;
    dialogue lines and attributed quotations become quotes with their speaker; lists become
    sentences; everything else is narration. ``learned`` is what the editor's corrections
    of the show's earlier imports taught.
    """
    # Here, not at the top: reading and writing scripts (every build) needs none of the
    # recogniser, whose patterns cost about 0.1 s to compile.
    from recapcast.text.recap import recognise

    found = recognise(source, learned)
    blocks = found.blocks
    if not blocks:
        raise ScriptError("the recap is empty", "give a text file with a title line and paragraphs")
    if not any(isinstance(b, (Paragraph, Quote)) for b in blocks):
        raise ScriptError("the recap has a title line but no paragraphs",
                          "separate the title and the paragraphs with blank lines")
    told = found.parts
    title = told.title or (found.title_line if told.score() == 0 else "")
    # The title line says it as the recap's writer put it; the page's metadata fills gaps.
    parts = dataclasses.replace(
        told, show=told.show or source.show or None,
        season=told.season if told.season is not None else source.season,
        episode=told.episode if told.episode is not None else source.episode)
    title = title or (f"Episode {parts.episode}" if parts.episode is not None else episode_id)
    meta = EpisodeMeta(
        title=title,
        episode=parts.episode,
        season=season if season is not None else parts.season,
        date=date or dt.date.today(),
        summary=found.summary,
        guid=str(uuid.uuid4()),
        show=parts.show or "",
        author=found.author,
    )
    return Imported(Script(episode_id=episode_id, meta=meta, blocks=tuple(blocks)), found)


def _front_value(key: str, raw: str, name: str, line: int):
    raw = raw.strip()
    if raw == "":
        return None
    if raw.startswith('"'):
        try:
            # JSON escapes can spell characters that clean_text removed from the raw text.
            return clean_text(str(json.loads(raw)))
        except json.JSONDecodeError:
            raise ScriptError(f"{name}:{line}: bad quoted value for {key}",
                              'quote text with double quotes, escaping " as \\"') from None
    if key in ("episode", "season"):
        if not raw.isdigit():
            raise ScriptError(f"{name}:{line}: {key} must be a whole number, not {raw!r}")
        return int(raw)
    if key == "date":
        return parse_date(raw, f"{name}:{line}: ")
    return raw


def parse_date(raw: str, where: str = "") -> tuple[dt.date, dt.time | None]:
    """A script's date, ``YYYY-MM-DD``, optionally with a time when it goes out
    (``2026-12-11T06:00:00Z``; a time without a zone is UTC), as (date, UTC time or None)."""
    raw = raw.strip()
    try:
        if len(raw) == 10:
            return dt.date.fromisoformat(raw), None
        when = dt.datetime.fromisoformat(raw)
    except ValueError:
        raise ScriptError(f"{where}date must be YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ, not {raw!r}",
                          "for example: date: 2026-12-11, or date: 2026-12-11T06:00:00Z") from None
    if when.tzinfo is not None:
        when = when.astimezone(dt.UTC).replace(tzinfo=None)
    return when.date(), when.time()


def _date_text(meta: EpisodeMeta) -> str:
    if meta.date is None or meta.time is None:
        return str(meta.date) if meta.date else ""
    return f"{meta.date.isoformat()}T{meta.time.isoformat()}Z"


def parse_script(text: str, episode_id: str, name: str = "script") -> Script:
    """Parse a narration script; raises ScriptError with ``file:line`` on bad input."""
    lines = text.splitlines()
    if not lines or lines[0].strip() != "---":
        raise ScriptError(f"{name}:1: the script must start with a front matter block (---)",
                          "see the script format in the README")
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].strip() == "---")
    except StopIteration:
        raise ScriptError(f"{name}:1: the front matter block is not closed with ---") from None
    front: dict = {}
    for i in range(1, end):
        if not lines[i].strip() or lines[i].lstrip().startswith("#"):
            continue
        key, sep, value = lines[i].partition(":")
        key = key.strip()
        if not sep or key not in _FRONT_KEYS:
            raise ScriptError(f"{name}:{i + 1}: unknown front matter line {lines[i].strip()!r}",
                              f"known keys: {', '.join(_FRONT_KEYS)}")
        front[key] = _front_value(key, value, name, i + 1)
    if not front.get("title"):
        raise ScriptError(f"{name}:1: the front matter has no title", 'add: title: "..."')
    date, time = front.get("date") or (None, None)
    meta = EpisodeMeta(
        title=front["title"], episode=front.get("episode"), season=front.get("season"),
        date=date, time=time, summary=front.get("summary") or "", guid=front.get("guid") or "",
        show=front.get("show") or "", author=front.get("author") or "",
    )
    body = "\n".join(lines[end + 1:])
    blocks: list[Block] = []
    for line, block_lines in _blocks_of_text(body):
        line += end + 1
        first = block_lines[0]
        if first.startswith("#"):
            if len(block_lines) > 1:
                raise ScriptError(f"{name}:{line}: a heading must be a line of its own",
                                  "leave a blank line after the heading")
            heading = first.lstrip("#").strip()
            if not heading:
                raise ScriptError(f"{name}:{line}: empty heading")
            blocks.append(Heading(heading, line))
        elif first.startswith(">"):
            quoted = [bl.lstrip(">").strip() for bl in block_lines]
            speaker = ""
            attribution = _ATTRIBUTION.match(quoted[-1])
            if len(quoted) > 1 and attribution:
                speaker = attribution.group("speaker").strip()
                quoted = quoted[:-1]
            quote_text = " ".join(q for q in quoted if q)
            if not quote_text:
                raise ScriptError(f"{name}:{line}: empty quote")
            blocks.append(Quote(quote_text, speaker, line))
        elif _DIRECTIVE.match(first) and len(block_lines) == 1:
            pause = _PAUSE.match(first)
            pronounce = _PRONOUNCE.match(first)
            if pronounce:
                word, says = pronounce.group("word"), pronounce.group("says")
                problem = entry_problem(word, says)
                if problem:
                    raise ScriptError(f"{name}:{line}: {problem}",
                                      "write: [pronounce Kilgrave = KILL-grave]")
                blocks.append(Pronounce(word, says, line))
                continue
            if not pause:
                raise ScriptError(f"{name}:{line}: unknown directive {first}",
                                  f"known directives: {', '.join(DIRECTIVES)}")
            seconds = float(pause.group("s"))
            if seconds > MAX_PAUSE_S:
                raise ScriptError(f"{name}:{line}: pause of {seconds:g}s is longer than "
                                  f"{MAX_PAUSE_S:g}s")
            blocks.append(Pause(seconds, line))
        else:
            blocks.append(Paragraph(" ".join(block_lines), line))
    if not any(isinstance(b, (Paragraph, Quote, Heading)) for b in blocks):
        raise ScriptError(f"{name}: the script has no text to speak",
                          "write at least one paragraph under the front matter")
    return Script(episode_id=episode_id, meta=meta, blocks=tuple(blocks))


def _front_line(key: str, value) -> str:
    if value is None or value == "":
        return f"{key}:"
    if isinstance(value, int | dt.date) or key == "date":
        return f"{key}: {value}"
    quoted = json.dumps(str(value), ensure_ascii=False)
    # JSON leaves U+2028/U+2029 as they are, but the reader's splitlines() ends a line there.
    return f"{key}: " + quoted.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def render_script(script: Script) -> str:
    """Write a script as text; ``parse_script(render_script(s))`` gives ``s`` back."""
    meta = script.meta
    out = ["---"]
    out += [_front_line(k, _date_text(meta) if k == "date" else getattr(meta, k))
            for k in _FRONT_KEYS
            if k not in _OPTIONAL_KEYS or getattr(meta, k)]
    out.append("---")
    for block in script.blocks:
        out.append("")
        if isinstance(block, Heading):
            out.append(f"# {block.text}")
        elif isinstance(block, Quote):
            out.append(f"> {block.text}")
            if block.speaker:
                out.append(f"> — {block.speaker}")
        elif isinstance(block, Pause):
            out.append(f"[pause {block.seconds:g}s]")
        elif isinstance(block, Pronounce):
            out.append(f"[pronounce {block.word} = {block.says}]")
        else:
            out.append(block.text)
    return "\n".join(out) + "\n"


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
