"""The review of an imported script, without HTTP: the script's blocks in order with the
lines import left out shown where they stood in the recap, each brought back or left out in
a click, and the front matter import found, corrected.

It reads the import record import writes beside each script (``scripts/.imported/ID.json``:
the source, the metadata found, the script as import wrote it, the recap lines kept and what
they became, the lines left out and why). Where a block stands in the recap is found by
matching the record's kept lines to the blocks import wrote; the script as it is now is then
compared with that first script, so a block the editor removed (here or in a text editor)
shows as left out by the editor, and a left-out line now in the script shows as brought
back. Every change is written to ``scripts/ID.md`` at once (atomically), only if the file is
still the one the page was shown (its revision), and the show remembers the choice
(``text.learned``).
"""

from __future__ import annotations

import dataclasses
import difflib
import hashlib
import json
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from recapcast.config import Project, check_episode_id
from recapcast.errors import RecapcastError, ScriptError, UsageError
from recapcast.model import Block, Heading, Paragraph, Pause, Pronounce, Quote, Script
from recapcast.safety.atomic import write_text
from recapcast.safety.sanitize import clean_text
from recapcast.studio.drafts import block_to_json
from recapcast.text.learned import RECORDS_DIR, remember_kept, remember_left_out
from recapcast.text.script import decode_text, parse_script, render_script

__all__ = ["EDITOR_REASON", "RECORDS", "AS_KINDS", "ReviewConflict", "Reviews", "layout"]

RECORDS = RECORDS_DIR
"""Where import keeps its record of each imported script (``ID.json``)."""
_STATE = Path("review")
"""Under the cache: which records the editor has finished reviewing."""
EDITOR_REASON = "left out by the editor"
AS_KINDS = {"narration": Paragraph, "heading": Heading, "quote": Quote}
"""What a left-out line can come back as."""
_NOT_BLOCKS = ("title line", "metadata")
"""Kept lines that became front matter, not a block of the script."""
MATCH = 0.6
"""A block holding this share of a kept line's words is the block that line became..."""
LOOKAHEAD = 6
"""...if it is among the next few blocks (the blocks follow the recap's order)."""
EDITED = 0.5
"""A new block this close to a block gone from the same place is that block edited."""
BROUGHT_BACK = 0.8
"""A new block this close to a left-out line is that line brought back."""
_WORD = re.compile(r"\w+")
_BRACKETED = re.compile(r"^\[(?P<inner>[^\]]*)\]$")


class ReviewConflict(RecapcastError):
    """The script is not the one the page showed (HTTP 409): nothing was written."""


@dataclass(frozen=True)
class Entry:
    """A line of the import record."""

    line: int
    text: str
    label: str
    """What it became (kept) or why it was left out."""


@dataclass(frozen=True)
class Record:
    source: str
    meta: dict
    script: str
    kept: tuple[Entry, ...]
    left_out: tuple[Entry, ...]


@dataclass(frozen=True)
class Item:
    """One row of the review, in the order of the recap."""

    type: str
    """``block`` (in the script), ``left_out`` (by import), ``removed`` (by the editor)."""
    number: int
    """The block's index in the script; the record's left-out index; the removed index."""
    line: int | None
    """Its line in the recap (None: not known, e.g. a block the editor wrote)."""
    at: int
    """Where it stands among the script's blocks (the index it comes back at)."""
    block: Block | None = None
    brought_back: int | None = None
    """For a block: the left-out line of the record it is."""


@dataclass(frozen=True)
class Layout:
    items: tuple[Item, ...]
    removed: tuple[Block, ...]

    @property
    def struck(self) -> int:
        """How many lines are left out now (by import or by the editor)."""
        return sum(1 for item in self.items if item.type != "block")


# -- where each block stood -------------------------------------------------------------


def _words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def _text(block: Block) -> str:
    return block.text if isinstance(block, Heading | Paragraph | Quote) else ""


def _key(block: Block) -> tuple:
    if isinstance(block, Quote):
        return ("quote", block.text, block.speaker)
    if isinstance(block, Pause):
        return ("pause", block.seconds)
    if isinstance(block, Pronounce):
        return ("pronounce", block.word, block.says)
    return (type(block).__name__, block.text)


def _kind_of(label: str) -> type:
    label = label.casefold()
    if label.startswith("heading"):
        return Heading
    if label.startswith("quote"):
        return Quote
    return Paragraph


def _ratio(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, " ".join(_words(a)), " ".join(_words(b)),
                                   autojunk=False).ratio()


def _held(line: set[str], block: set[str]) -> float:
    """The share of a block's words that stand in a recap line (0 when fewer than two
    words, or than the block's one word, are shared)."""
    shared = len(line & block)
    return shared / len(block) if block and shared >= min(2, len(block)) else 0.0


def source_lines(blocks: list[Block], kept: tuple[Entry, ...]) -> list[int | None]:
    """The recap line each block of the script import wrote starts at (None: not found).

    A kept line became the block, among the next few, that holds most of its words, of the
    kind it became when one does (several lines can make one block: a list, the lines of
    one paragraph); the blocks come in the recap's order. A block import made itself (a
    "Previously" heading split off a line) has no line of its own.
    """
    lines: list[int | None] = [None] * len(blocks)
    # A quote's speaker is in the recap's line too ('"We wait," says Kenji').
    words = [set(_words(_text(b) + " " + getattr(b, "speaker", ""))) for b in blocks]
    at = 0
    for entry in sorted(kept, key=lambda e: e.line):
        own = set(_words(entry.text))
        if entry.line <= 0 or not own or entry.label.casefold().startswith(_NOT_BLOCKS):
            continue
        window = range(at, min(len(blocks), at + LOOKAHEAD))
        scores = {j: len(own & words[j]) / len(own) for j in window}
        wanted = _kind_of(entry.label)
        # Of the kind it became, a block no line has become yet may also be the line cut
        # short (a wiki's "[edit]" taken off a heading): most of the block's words.
        fits = {j: max(scores[j], _held(own, words[j]) if lines[j] is None else 0.0)
                for j in window if isinstance(blocks[j], wanted)}
        # The best fit, the first of equals ("KENJI: Then we sell the boat" is not the
        # line before, that has most of its words too).
        found = max(fits, key=lambda j: (fits[j], -j), default=None)
        if found is not None and fits[found] < MATCH:
            found = None
        if found is None:
            found = max(window, key=lambda j: scores[j], default=None)
            if found is None or scores[found] < MATCH:
                continue
        at = found
        if lines[found] is None:
            lines[found] = entry.line
    return lines


def layout(record: Record, script: Script) -> Layout:
    """The review's rows: the script's blocks, the record's left-out lines that are not back
    in it and the blocks import wrote that the editor removed, in the recap's order."""
    current = list(script.blocks)
    try:
        first = list(parse_script(record.script, script.episode_id, "import record").blocks)
    except ScriptError:
        first = current  # a damaged record: the script as it is, with nothing removed
    first_lines = source_lines(first, record.kept)
    left = record.left_out
    claimed: set[int] = set()

    def brought_back(block: Block, near: int | None) -> int | None:
        text = _text(block)
        if not text:
            return None
        found = [i for i, e in enumerate(left) if i not in claimed and _words(e.text)
                 and (_words(e.text) == _words(text) or _ratio(e.text, text) >= BROUGHT_BACK)]
        if not found:
            return None
        # Of two alike lines (an ad repeated), the one that stood nearest.
        best = min(found, key=lambda i: abs(left[i].line - (near or 0)))
        claimed.add(best)
        return best

    # (order key, type, number, line, brought back)
    rows: list[tuple[tuple, str, int, int | None, int | None]] = []
    removed: list[Block] = []
    matcher = difflib.SequenceMatcher(None, [_key(b) for b in first],
                                      [_key(b) for b in current], autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            rows += [((i1 + k, 0), "block", j1 + k, first_lines[i1 + k], None)
                     for k in range(i2 - i1)]
            continue
        near = next((first_lines[i] for i in range(i1 - 1, -1, -1)
                     if first_lines[i] is not None), None)
        paired: set[int] = set()
        last, start = i1 - 1, i1
        for j in range(j1, j2):
            found = brought_back(current[j], near)
            if found is not None:
                # After the blocks gone from here that stood before it in the recap.
                line = left[found].line
                last = max([last, *(i for i in range(start, i2) if first_lines[i] is not None
                                    and first_lines[i] <= line)])
                start = max(start, last + 1)
                rows.append(((last, 1, j), "block", j, line, found))
                continue
            # A block changed where it stood is that block edited, not removed and added.
            i = next((i for i in range(start, i2)
                      if _ratio(_text(first[i]), _text(current[j])) >= EDITED
                      and type(first[i]) is type(current[j])), None)
            if i is None:
                rows.append(((last, 1, j), "block", j, None, None))
                continue
            paired.add(i)
            last, start = i, i + 1
            rows.append(((i, 0), "block", j, first_lines[i], None))
        for i in range(i1, i2):
            if i not in paired:
                rows.append(((i, 0), "removed", len(removed), first_lines[i], None))
                removed.append(first[i])
    rows.sort(key=lambda r: r[0])

    pending = sorted((i for i in range(len(left)) if i not in claimed),
                     key=lambda i: (left[i].line, i))
    items: list[Item] = []
    blocks = 0
    for _, kind, number, line, back in rows:
        # A left-out line goes before the first row that stood after it in the recap
        # (a row whose place is not known, such as a block the editor wrote, moves none).
        while line is not None and pending and left[pending[0]].line <= line:
            gone = pending.pop(0)
            items.append(Item("left_out", gone, left[gone].line, blocks))
        if kind == "block":
            items.append(Item("block", number, line, blocks, current[number], back))
            blocks += 1
        else:
            items.append(Item("removed", number, line, blocks, removed[number]))
    items += [Item("left_out", i, left[i].line, blocks) for i in pending]
    return Layout(tuple(items), tuple(removed))


# -- the record -------------------------------------------------------------------------


def _entries(raw, label: str) -> tuple[Entry, ...]:
    out = []
    for entry in raw if isinstance(raw, list) else []:
        if not isinstance(entry, dict):
            continue
        line = entry.get("line")
        out.append(Entry(line if isinstance(line, int) and not isinstance(line, bool) else 0,
                         str(entry.get("text") or ""), str(entry.get(label) or "")))
    return tuple(out)


def read_record(path: Path) -> Record | None:
    """The import record at ``path``; None when there is none (or it cannot be read)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict):
        return None
    meta = data.get("meta") if isinstance(data.get("meta"), dict) else {}
    return Record(str(data.get("source") or ""), meta, str(data.get("script") or ""),
                  _entries(data.get("kept"), "as"), _entries(data.get("left_out"), "reason"))


# -- the review -------------------------------------------------------------------------


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _clean_line(text: str) -> str:
    """A recap line as a script block's text: one line, without the marks that would make
    the script read it as another kind of block (``#``, ``>``, a ``[directive]``)."""
    text = " ".join(clean_text(text).split()).lstrip("#> ").strip()
    bracketed = _BRACKETED.match(text)
    return bracketed.group("inner").strip() if bracketed else text


def _number(value, name: str) -> int | None:
    if value is None or value == "":
        return None
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return value
    raise UsageError(f"{name} must be a whole number (or empty)")


class Reviews:
    """The reviews of one show's imported scripts. ``busy(id)`` tells whether the studio's
    editor holds unsaved edits of that script (then the review does not write it)."""

    def __init__(self, project: Callable[[], Project], busy: Callable[[str], bool]) -> None:
        self._project = project
        self._busy = busy
        self._lock = threading.Lock()
        self._counts: dict[str, tuple[tuple, int]] = {}
        """Per episode: the record's and script's size and time, and the lines left out."""

    # -- reading ------------------------------------------------------------------------

    def _record_path(self, project: Project, episode_id: str) -> Path:
        return project.root / RECORDS / f"{check_episode_id(episode_id)}.json"

    def _state_path(self, project: Project, episode_id: str) -> Path:
        return project.cache_dir / _STATE / f"{episode_id}.json"

    def _read(self, project: Project, episode_id: str) -> tuple[str, Script]:
        path = project.script_path(episode_id)
        name = str(path.relative_to(project.root))
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            raise ScriptError(f"{name} not found", "import the recap again") from None
        text = clean_text(decode_text(data, name, project.max_recap_bytes))
        return _digest(data), parse_script(text, episode_id, name)

    def _reviewed(self, project: Project, episode_id: str) -> bool:
        try:
            record = self._record_path(project, episode_id).read_bytes()
            state = json.loads(self._state_path(project, episode_id).read_text("utf-8"))
        except (OSError, ValueError):
            return False
        # Imported again: a new record to review.
        return isinstance(state, dict) and state.get("record") == _digest(record)

    def view(self, episode_id: str) -> dict:
        """The review of ``episode_id``: ``{"record": false}`` when it was not imported."""
        project = self._project()
        record = read_record(self._record_path(project, episode_id))
        if record is None:
            return {"id": episode_id, "record": False}
        revision, script = self._read(project, episode_id)
        found = layout(record, script)
        items = []
        for item in found.items:
            row = {"type": item.type, "number": item.number, "line": item.line, "at": item.at}
            if item.type == "left_out":
                entry = record.left_out[item.number]
                row.update(text=entry.text, reason=entry.label)
            else:
                row.update(block_to_json(item.block))
                row.pop("line")
                row["line"] = item.line
            if item.type == "removed":
                row["reason"] = EDITOR_REASON
            if item.brought_back is not None:
                row["was"] = record.left_out[item.brought_back].label
            items.append(row)
        meta = script.meta
        return {
            "id": episode_id, "record": True, "revision": revision,
            "reviewed": self._reviewed(project, episode_id),
            "source": record.source,
            "found": {k: record.meta.get(k) for k in ("show", "title", "season", "episode",
                                                      "author")},
            "meta": {"title": meta.title, "show": meta.show, "season": meta.season,
                     "episode": meta.episode},
            "left_out": found.struck, "items": items,
        }

    def imports(self) -> list[dict]:
        """The imported scripts: whether each was reviewed, and (if not) how many of its
        lines are left out."""
        project = self._project()
        out = []
        for path in sorted((project.root / RECORDS).glob("*.json")):
            episode_id = path.stem
            try:
                check_episode_id(episode_id)
            except RecapcastError:
                continue
            if not project.script_path(episode_id).is_file():
                continue
            if self._reviewed(project, episode_id):
                out.append({"id": episode_id, "reviewed": True, "left_out": None})
                continue
            try:
                count = self._count(project, episode_id, path)
            except OSError:
                continue  # removed meanwhile
            out.append({"id": episode_id, "reviewed": False, "left_out": count})
        return out

    def _count(self, project: Project, episode_id: str, record: Path) -> int:
        """How many lines are left out now; worked out again only when the record or the
        script changed (the episode list asks at every refresh)."""
        stamp = tuple((st.st_size, st.st_mtime_ns) for st in (
            record.stat(), project.script_path(episode_id).stat()))
        known = self._counts.get(episode_id)
        if known and known[0] == stamp:
            return known[1]
        try:
            count = self.view(episode_id).get("left_out", 0)
        except RecapcastError:
            found = read_record(record)
            count = len(found.left_out) if found else 0
        self._counts[episode_id] = (stamp, count)
        return count

    # -- changing the script ------------------------------------------------------------

    def _change(self, episode_id: str, revision: str,
                change: Callable[[Project, Record, Script], tuple[Script, Callable[[], None]]]
                ) -> dict:
        """Apply ``change`` to the script if it is still at ``revision``; write it, then
        run what the change remembers."""
        with self._lock:
            project = self._project()
            record = read_record(self._record_path(project, episode_id))
            if record is None:
                raise UsageError(f"{episode_id} has no import record",
                                 "only an imported script can be reviewed")
            now, script = self._read(project, episode_id)
            if revision != now:
                raise ReviewConflict(f"scripts/{episode_id}.md changed since the review was shown",
                            "nothing was written; the review shows the script as it is now")
            if self._busy(episode_id):
                raise ReviewConflict(f"scripts/{episode_id}.md has unsaved edits in the editor",
                            "save or discard them first")
            new, remember = change(project, record, script)
            text = render_script(new)
            check = parse_script(text, episode_id, f"scripts/{episode_id}.md")
            if [_key(b) for b in check.blocks] != [_key(b) for b in new.blocks]:
                raise UsageError("that line cannot stand in the script as it is",
                                 "bring it back as narration, or edit the script")
            write_text(project.script_path(episode_id), text)
            warning = ""
            try:
                remember()
            except RecapcastError as exc:
                # The edit is made; only the lesson is lost (learned.toml needs fixing).
                warning = f"changed, but the show did not remember it: {exc.message}"
        view = self.view(episode_id)
        if warning:
            view["warning"] = warning
        return view

    def restore(self, episode_id: str, revision: str, *, left_out: int | None = None,
                removed: int | None = None, as_kind: str = "narration") -> dict:
        """Bring back left-out line ``left_out`` of the record (as narration, a heading or
        a quote) or block ``removed`` the editor left out, where it stood."""
        if (left_out is None) == (removed is None):
            raise UsageError("say which line comes back: left_out or removed")

        def change(project: Project, record: Record, script: Script):
            found = layout(record, script)
            if left_out is not None:
                item = next((i for i in found.items
                             if i.type == "left_out" and i.number == left_out), None)
                if item is None:
                    raise UsageError("that line is not left out (any more)")
                kind = AS_KINDS.get(as_kind)
                if kind is None:
                    raise UsageError(f"a line comes back as {', '.join(AS_KINDS)}, "
                                     f"not {as_kind!r}")
                text = _clean_line(record.left_out[left_out].text)
                if not text:
                    raise UsageError("that line has no words to bring back")
                block = kind(text)
                said = record.left_out[left_out].text
            else:
                item = next((i for i in found.items
                             if i.type == "removed" and i.number == removed), None)
                if item is None:
                    raise UsageError("that block is not left out (any more)")
                block = found.removed[removed]
                said = _text(block)
            blocks = list(script.blocks)
            blocks.insert(item.at, block)
            new = dataclasses.replace(script, blocks=tuple(blocks))
            return new, lambda: remember_kept(project.root, episode_id, said)

        return self._change(episode_id, revision, change)

    def leave_out(self, episode_id: str, revision: str, index: int) -> dict:
        """Take block ``index`` out of the script (shown struck through, to bring back)."""
        def change(project: Project, record: Record, script: Script):
            if not 0 <= index < len(script.blocks):
                raise UsageError(f"{episode_id} has no block {index}")
            block = script.blocks[index]
            if not _text(block):
                raise UsageError("only text (narration, a heading, a quote) is left out here",
                                 "delete a pause or pronunciation in the editor")
            blocks = script.blocks[:index] + script.blocks[index + 1:]
            if not any(isinstance(b, Heading | Paragraph | Quote) for b in blocks):
                raise UsageError("that is the script's last text", "a script needs some")
            new = dataclasses.replace(script, blocks=blocks)
            return new, lambda: remember_left_out(project.root, episode_id, _text(block))

        return self._change(episode_id, revision, change)

    def set_meta(self, episode_id: str, revision: str, data: dict) -> dict:
        """Correct the title, show, season and episode import found (the rest of the front
        matter, the guid included, stays)."""
        def change(project: Project, record: Record, script: Script):
            title = " ".join(clean_text(str(data.get("title") or "")).split())
            if not title:
                raise UsageError("the title cannot be empty")
            meta = dataclasses.replace(
                script.meta, title=title,
                show=" ".join(clean_text(str(data.get("show") or "")).split()),
                season=_number(data.get("season"), "season"),
                episode=_number(data.get("episode"), "episode"))
            return dataclasses.replace(script, meta=meta), lambda: None

        return self._change(episode_id, revision, change)

    def done(self, episode_id: str) -> dict:
        """The editor finished reviewing this import (until it is imported again)."""
        project = self._project()
        path = self._record_path(project, episode_id)
        try:
            record = path.read_bytes()
        except FileNotFoundError:
            raise UsageError(f"{episode_id} has no import record") from None
        write_text(self._state_path(project, episode_id),
                   json.dumps({"record": _digest(record), "reviewed": True}) + "\n")
        return self.view(episode_id)
