"""Narration scripts: import a raw recap, read and write ``scripts/<id>.md``.

A script is Markdown with a small front matter block::

    ---
    title: "AKA Take A Bloody Number"
    episode: 12
    season: 1
    date: 2026-11-26
    summary: "Jessica learns what Kilgrave wants."
    guid: "3c1f..."
    show: "Jessica Jones"
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

Writing a parsed script gives back the same text (the format round-trips).
"""

from __future__ import annotations

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
from recapcast.text.lexicon import entry_problem
from recapcast.text.plaintext import plain_text

if TYPE_CHECKING:
    from recapcast.config import Project

__all__ = ["DIRECTIVES", "decode_text", "import_recap", "parse_script", "read_script",
           "render_script"]

_FRONT_KEYS = ("title", "episode", "season", "date", "summary", "guid", "show", "author")
_OPTIONAL_KEYS = frozenset({"show", "author"})
"""Written only when set, so scripts from before these keys keep their bytes."""
_EPISODE_HEADING = re.compile(r"^Episode\s+(\d+)\s*[:.\-–—]\s*(\S.*)$", re.IGNORECASE)
_SEASON = re.compile(r"\bSeason\s+(\d+)\b", re.IGNORECASE)
_QUOTE_LINE = re.compile(r"^(?P<text>.*\S)\s+~\s*(?P<speaker>[^~]{1,60})$")
_ATTRIBUTION = re.compile(r"^\s*(?:—|–|--|~)\s*(?P<speaker>\S.*)$")
_PAUSE = re.compile(r"^\[pause\s+(?P<s>\d+(?:\.\d+)?)\s*s?\]$", re.IGNORECASE)
_PRONOUNCE = re.compile(r"^\[pronounce\s+(?P<word>[^=\]]+?)\s*=\s*(?P<says>[^\]]*?)\s*\]$",
                        re.IGNORECASE)
DIRECTIVES = ("[pause 1.5s]", "[pronounce WORD = SAYS]")
_DIRECTIVE = re.compile(r"^\[(?P<name>[A-Za-z-]+)\b[^\]]*\]$")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"“A-Z0-9])")
MAX_PAUSE_S = 30.0


def _utf16_without_bom(data: bytes) -> str | None:
    """The UTF-16 codec ``data`` is in when it has no BOM but NUL high bytes, else None."""
    if len(data) < 4 or len(data) % 2 or data.count(0) < len(data) // 4:
        return None
    odd_nuls = data[1::2].count(0)
    even_nuls = data[0::2].count(0)
    if odd_nuls > 2 * even_nuls:
        return "utf-16-le"
    if even_nuls > 2 * odd_nuls:
        return "utf-16-be"
    return None


def decode_text(data: bytes, name: str, max_bytes: int | None = None) -> str:
    """Decode a text file: UTF-8 (with or without BOM), UTF-16 (BOM or plainly so), else cp1252.

    Raises ScriptError naming the byte offset when none fits, or when ``data`` is larger
    than ``max_bytes``.
    """
    if max_bytes is not None and len(data) > max_bytes:
        raise ScriptError(
            f"{name} is {len(data):,} bytes, over the limit of {max_bytes:,} bytes",
            "split it into several episodes, or raise [limits] max_recap_bytes in "
            "recapcast.toml",
        )
    utf16 = "utf-16" if data.startswith((b"\xff\xfe", b"\xfe\xff")) else _utf16_without_bom(data)
    if utf16:
        try:
            return data.decode(utf16, "surrogatepass")
        except UnicodeDecodeError as exc:
            raise ScriptError(
                f"{name}: invalid UTF-16 at byte offset {exc.start}", "save the file as UTF-8"
            ) from None
    try:
        # surrogatepass: an encoded lone surrogate decodes (and clean_text drops it) rather
        # than sending the whole file down the cp1252 path as mojibake.
        return data.decode("utf-8-sig", "surrogatepass")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    try:
        # Text pasted from the web on Windows is usually cp1252 (a superset of Latin-1's
        # printable range); it decodes unless it holds one of the five bytes cp1252 leaves
        # undefined.
        return data.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise ScriptError(
            f"{name}: neither UTF-8 nor cp1252 (byte 0x{data[exc.start]:02x} at offset "
            f"{exc.start}; first invalid UTF-8 byte at offset {utf8_error.start})",
            "save the file as UTF-8",
        ) from None


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


def _summary_of(paragraphs: list[str]) -> str:
    if not paragraphs:
        return ""
    sentences = _SENTENCE_END.split(paragraphs[0])
    return " ".join(sentences[:2]).strip()


def import_recap(text: str, episode_id: str, *, season: int | None = None,
                 date: dt.date | None = None) -> Script:
    """Turn a raw recap into a narration script.

    Recognises the title line (first line), a heading like ``Episode 12: Title``,
    a quote line ``text ~ Speaker`` and ordinary paragraphs. Paragraphs before the
    first heading go under a ``Previously`` chapter, as recaps open with what came
    before.
    """
    raw = _blocks_of_text(plain_text(text))
    if not raw:
        raise ScriptError("the recap is empty", "give a text file with a title line and paragraphs")
    first_line, first = raw[0]
    title_line = first[0]
    rest = [(first_line + 1, first[1:])] if len(first) > 1 else []
    rest += raw[1:]

    blocks: list[Block] = []
    number: int | None = None
    title = title_line
    narrative: list[str] = []
    for line, lines in rest:
        joined = " ".join(lines)
        heading = _EPISODE_HEADING.match(joined)
        quote = _QUOTE_LINE.match(joined)
        if heading and len(lines) == 1 and len(joined.split()) <= 16:
            if number is None:
                number = int(heading.group(1))
                title = heading.group(2).strip()
            blocks.append(Heading(joined, line))
        elif quote and len(lines) == 1 and len(quote.group("speaker").split()) <= 5:
            blocks.append(Quote(quote.group("text").strip(), quote.group("speaker").strip(), line))
        elif _DIRECTIVE.match(joined):
            # A bracketed line in a recap is a stage direction ("[Music]"): a pause if it
            # reads as one, else not spoken.
            pause = _PAUSE.match(joined)
            if pause:
                blocks.append(Pause(min(float(pause.group("s")), MAX_PAUSE_S), line))
        else:
            # A leading "#" or ">" would make the written script read it as a heading or quote.
            joined = joined.lstrip("#> ")
            if not joined:
                continue
            blocks.append(Paragraph(joined, line))
            if any(isinstance(b, Heading) for b in blocks):
                narrative.append(joined)
    if not any(isinstance(b, (Paragraph, Quote)) for b in blocks):
        raise ScriptError("the recap has a title line but no paragraphs",
                          "separate the title and the paragraphs with blank lines")
    if not isinstance(blocks[0], Heading):
        blocks.insert(0, Heading("Previously", 0))
    if number is None:
        found = re.search(r"\bEpisode\s+(\d+)\b", title_line, re.IGNORECASE)
        number = int(found.group(1)) if found else None
    if season is None:
        found = _SEASON.search(title_line)
        season = int(found.group(1)) if found else 1
    if not narrative:
        narrative = [b.text for b in blocks if isinstance(b, Paragraph)]
    meta = EpisodeMeta(
        title=title,
        episode=number,
        season=season,
        date=date or dt.date.today(),
        summary=_summary_of(narrative),
        guid=str(uuid.uuid4()),
    )
    return Script(episode_id=episode_id, meta=meta, blocks=tuple(blocks))


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
        try:
            return dt.date.fromisoformat(raw)
        except ValueError:
            raise ScriptError(f"{name}:{line}: date must be YYYY-MM-DD, not {raw!r}") from None
    return raw


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
    meta = EpisodeMeta(
        title=front["title"], episode=front.get("episode"), season=front.get("season"),
        date=front.get("date"), summary=front.get("summary") or "", guid=front.get("guid") or "",
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
    if isinstance(value, int | dt.date):
        return f"{key}: {value}"
    return f"{key}: {json.dumps(str(value), ensure_ascii=False)}"


def render_script(script: Script) -> str:
    """Write a script as text; ``parse_script(render_script(s))`` gives ``s`` back."""
    meta = script.meta
    out = ["---"]
    out += [_front_line(k, getattr(meta, k)) for k in _FRONT_KEYS
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
