"""The script being edited: blocks changed in memory, saved atomically, conflicts kept."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path

from recapcast.config import Project
from recapcast.errors import ScriptError, UsageError
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
from recapcast.safety.atomic import write_text
from recapcast.safety.sanitize import clean_text
from recapcast.studio.blockids import carry_ids, name_blocks, new_id
from recapcast.text.lexicon import display_text
from recapcast.text.script import decode_text, parse_script, render_script
from recapcast.text.speakable import chunk_text

__all__ = ["Draft", "Conflict", "load_draft", "block_from_json", "block_to_json", "with_block",
           "without_block", "moved_block", "with_sentence", "reloaded", "sentences_of",
           "save_draft", "disk_digest", "side_file", "details_json", "with_details",
           "keep_unsaved", "unsaved", "forget_unsaved", "Stale"]

KINDS = ("heading", "paragraph", "quote", "pause", "pronounce")
_DIRECTIVE = re.compile(r"\[(?:pause|pronounce)\b", re.IGNORECASE)
_SENTENCE_ENDS = ".!?…\"”’)»"


@dataclass(frozen=True)
class Draft:
    """An episode's script as the studio holds it, and the file as it was when loaded."""

    script: Script
    disk_text: str | None
    """The script file's text when it was loaded or last saved (None: no file)."""
    disk_digest: str
    dirty: bool = False
    """Edited since it was loaded or saved."""
    recovered: bool = False
    """Unsaved edits of an earlier studio run, read back from the cache."""
    ids: tuple[str, ...] = ()
    """Each block's stable id (``blockids``), in the order of ``script.blocks``."""

    def __post_init__(self) -> None:
        if len(self.ids) != len(self.script.blocks):
            object.__setattr__(self, "ids", name_blocks(self.script.blocks))

    @property
    def text(self) -> str:
        """The script as saving would write it (the documented format)."""
        return render_script(self.script)

    @functools.cached_property
    def revision(self) -> str:
        """A hash of the draft's text: which version of the script a page was shown."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()[:16]


class Stale(UsageError):
    """The block or sentence an edit was made on changed or went away since the page read
    the script: nothing was changed."""

    exit_code = 1

    def __init__(self, message: str, current: str | None = None) -> None:
        super().__init__(message, "the page now shows the script as it is: make the edit "
                                  "again if it is still wanted")
        self.current = current
        """The block or sentence's text now (None: it is gone)."""


@dataclass(frozen=True)
class Conflict:
    """The file changed on disk since the draft was loaded: both versions, nothing lost."""

    disk_text: str
    mine_text: str


def disk_digest(path: Path) -> str:
    """A hash of the file's bytes ("" when there is no file)."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except FileNotFoundError:
        return ""


def _name(project: Project, episode_id: str) -> str:
    return str(project.script_path(episode_id).relative_to(project.root))


def load_draft(project: Project, episode_id: str) -> Draft:
    """The script file as a fresh draft; raises ScriptError if it cannot be read or parsed."""
    path = project.script_path(episode_id)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ScriptError(f"no script for episode {episode_id!r}",
                          "import one first (the Import button)") from None
    name = _name(project, episode_id)
    text = clean_text(decode_text(data, name, project.max_recap_bytes))
    return Draft(parse_script(text, episode_id, name), text,
                 hashlib.sha256(data).hexdigest())


def _checked(project: Project, script: Script) -> Script:
    """``script`` as saving and re-reading it would give it (with line numbers), or
    ScriptError: an edit the file format cannot hold is refused before it is made."""
    return parse_script(render_script(script), script.episode_id,
                        _name(project, script.episode_id))


def _text(value: object, what: str) -> str:
    if not isinstance(value, str):
        raise ScriptError(f"{what} must be text")
    return clean_text(value).strip()


def block_from_json(data: dict) -> Block:
    """A script block from its JSON form (``kind`` and the fields of that kind)."""
    if not isinstance(data, dict):
        raise ScriptError("a block must be a JSON object")
    kind = data.get("kind")
    if kind == "heading":
        return Heading(" ".join(_text(data.get("text"), "a heading").split()))
    if kind == "paragraph":
        return Paragraph(" ".join(_text(data.get("text"), "a paragraph").split()))
    if kind == "quote":
        return Quote(" ".join(_text(data.get("text"), "a quote").split()),
                     _text(data.get("speaker", ""), "a speaker"))
    if kind == "pause":
        try:
            seconds = float(data.get("seconds"))
        except (TypeError, ValueError):
            raise ScriptError("a pause needs its length in seconds") from None
        if not 0 < seconds <= 30:
            raise ScriptError("a pause is from 0 to 30 seconds long")
        return Pause(round(seconds, 2))
    if kind == "pronounce":
        return Pronounce(_text(data.get("word"), "a word"), _text(data.get("says"), "a sound"))
    raise ScriptError(f"unknown block kind {kind!r}", f"known kinds: {', '.join(KINDS)}")


def block_to_json(block: Block) -> dict:
    """The JSON form of a script block, with the script line it starts on."""
    if isinstance(block, Heading):
        return {"kind": "heading", "text": block.text, "line": block.line}
    if isinstance(block, Quote):
        return {"kind": "quote", "text": block.text, "speaker": block.speaker,
                "line": block.line}
    if isinstance(block, Pause):
        return {"kind": "pause", "seconds": block.seconds, "line": block.line}
    if isinstance(block, Pronounce):
        return {"kind": "pronounce", "word": block.word, "says": block.says,
                "line": block.line}
    return {"kind": "paragraph", "text": block.text, "line": block.line}


def _edited(project: Project, draft: Draft, blocks: list[Block], ids: list[str]) -> Draft:
    script = _checked(project, dataclasses.replace(draft.script, blocks=tuple(blocks)))
    return dataclasses.replace(draft, script=script, dirty=True, ids=tuple(ids))


def with_block(project: Project, draft: Draft, index: int, block: Block, *,
               insert: bool = False) -> Draft:
    """The draft with block ``index`` replaced by ``block`` (it keeps its id), or ``block``
    inserted there (with a new id)."""
    blocks, ids = list(draft.script.blocks), list(draft.ids)
    if not 0 <= index <= len(blocks) - (0 if insert else 1):
        raise ScriptError(f"there is no block {index}")
    if insert:
        blocks.insert(index, block)
        ids.insert(index, new_id(block, ids))
    else:
        blocks[index] = block
    return _edited(project, draft, blocks, ids)


def without_block(project: Project, draft: Draft, index: int) -> Draft:
    """The draft without block ``index``."""
    blocks, ids = list(draft.script.blocks), list(draft.ids)
    if not 0 <= index < len(blocks):
        raise ScriptError(f"there is no block {index}")
    del blocks[index]
    del ids[index]
    return _edited(project, draft, blocks, ids)


def moved_block(project: Project, draft: Draft, index: int, to: int) -> Draft:
    """The draft with block ``index`` taken out and put back at position ``to`` (counted
    in the blocks without it)."""
    blocks, ids = list(draft.script.blocks), list(draft.ids)
    if not 0 <= index < len(blocks) or not 0 <= to < len(blocks):
        raise ScriptError(f"cannot move block {index} to {to}")
    block, name = blocks.pop(index), ids.pop(index)
    blocks.insert(to, block)
    ids.insert(to, name)
    return _edited(project, draft, blocks, ids)


def reloaded(project: Project, old: Draft | None, episode_id: str) -> Draft:
    """The file on disk as a fresh draft, its blocks keeping the ids they had in ``old``."""
    draft = load_draft(project, episode_id)
    if old is None:
        return draft
    return dataclasses.replace(draft, ids=carry_ids(old.script.blocks, old.ids,
                                                    draft.script.blocks))


DETAILS = ("title", "show", "season", "episode", "date", "summary", "author")
"""The episode's details the studio edits (the script's front matter but its guid)."""


def details_json(meta: EpisodeMeta) -> dict:
    """The details as the page shows them (the date as YYYY-MM-DD)."""
    out = {key: getattr(meta, key) for key in DETAILS}
    out["date"] = meta.date.isoformat() if meta.date else None
    return out


def _detail(key: str, value: object) -> object:
    if key in ("season", "episode"):
        if value in (None, ""):
            return None
        try:
            number = int(str(value).strip())
        except ValueError:
            raise ScriptError(f"{key} must be a whole number") from None
        if number < 0:
            raise ScriptError(f"{key} must be 0 or more")
        return number
    if key == "date":
        if value in (None, ""):
            return None
        try:
            return dt.date.fromisoformat(str(value).strip())
        except ValueError:
            raise ScriptError(f"the date must be YYYY-MM-DD, not {value!r}") from None
    text = " ".join(_text(value if value is not None else "", key).split())
    if key == "title" and not text:
        raise ScriptError("an episode needs a title")
    return text


def _same(key: str, shown: object, value: object) -> bool:
    try:
        return _detail(key, shown) == value
    except ScriptError:
        return False


def with_details(project: Project, draft: Draft, details: object, was: object) -> Draft:
    """The draft with its details changed. A field whose value is no longer ``was`` (the
    page's) is refused: another tab or the file changed it since."""
    if not isinstance(details, dict) or not isinstance(was, dict):
        raise ScriptError("send the details and the values they replace (details, was)")
    meta = draft.script.meta
    now = details_json(meta)
    changes = {}
    for key in DETAILS:
        if key not in details:
            continue
        value = _detail(key, details[key])
        if value == getattr(meta, key):
            continue
        if key in was and _same(key, was[key], value):
            continue  # a field the user did not touch: the form sends them all
        if key not in was or was[key] != now[key]:
            raise Stale(f"the episode's {key} was changed since this page showed it",
                        str(now[key]))
        changes[key] = value
    if not changes:
        return draft
    script = _checked(project, dataclasses.replace(
        draft.script, meta=dataclasses.replace(meta, **changes)))
    return dataclasses.replace(draft, script=script, dirty=True)


def sentences_of(block: Block) -> list[str]:
    """The written sentences of a paragraph, quote or heading, as the build cuts them."""
    if isinstance(block, (Paragraph, Quote, Heading)):
        return chunk_text(block.text)
    return []


def with_sentence(project: Project, draft: Draft, index: int, sentence: int,
                  text: str | None) -> Draft:
    """The draft with sentence ``sentence`` of block ``index`` replaced by ``text`` (empty:
    removed; a block left without text is removed too)."""
    blocks = draft.script.blocks
    if not 0 <= index < len(blocks):
        raise ScriptError(f"there is no block {index}")
    block = blocks[index]
    sentences = sentences_of(block)
    if not 0 <= sentence < len(sentences):
        raise ScriptError(f"block {index} has no sentence {sentence}")
    if text is None:
        raise ScriptError("the edit has no text", 'send "text" (empty deletes the sentence)')
    new = " ".join(_text(text, "a sentence").split())
    if new.startswith(("#", ">")) or _DIRECTIVE.search(new):
        # Written into a paragraph, these would turn it into a heading, a quote or a
        # directive when the script is read again.
        raise ScriptError("a sentence cannot start with # or > or hold a [directive]",
                          "add a heading, quote or pause with the + add… menu")
    if new and sentence < len(sentences) - 1 and new[-1] not in _SENTENCE_ENDS:
        new += "."  # so it stays its own sentence, not the start of the next one
    sentences[sentence] = new
    joined = " ".join(s for s in sentences if s)
    if not joined:
        return without_block(project, draft, index)
    return with_block(project, draft, index, dataclasses.replace(block, text=joined))


def written_sentence(sentence: str) -> str:
    """A sentence as a listener reads it in the transcript (inline pronunciations removed)."""
    return display_text(sentence)


def side_file(project: Project, episode_id: str, label: str, now: dt.datetime | None = None
              ) -> Path:
    """A file beside the script for a version that must not be lost, e.g.
    ``scripts/ep12.studio-20261203-101500.md``; its name is not an episode id, so no
    build or check reads it."""
    stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
    return project.scripts_dir / f"{episode_id}.{label}-{stamp}.md"


def save_draft(project: Project, draft: Draft, *, overwrite: bool = False
               ) -> tuple[Draft, Conflict | None, Path | None]:
    """Write the draft to ``scripts/<id>.md`` atomically.

    If the file changed on disk since the draft was loaded, nothing is written and the
    Conflict is returned, unless ``overwrite``: then the disk version is first kept in a
    side file (returned), so neither edit is lost.
    """
    path = project.script_path(draft.script.episode_id)
    current = disk_digest(path)
    kept = None
    if current != draft.disk_digest:
        disk = path.read_bytes() if current else b""
        disk_text = clean_text(decode_text(disk, _name(project, draft.script.episode_id)))
        if not overwrite:
            return draft, Conflict(disk_text, draft.text), None
        if current:
            kept = side_file(project, draft.script.episode_id, "disk")
            write_text(kept, disk_text)
    text = draft.text
    write_text(path, text)
    return (Draft(draft.script, text, hashlib.sha256(text.encode("utf-8")).hexdigest(),
                  ids=draft.ids), None, kept)


# Unsaved edits are kept on disk as they are made, the way editors keep a swap file, so a
# studio that is stopped or crashes loses none of them: the next run opens them again.
def _unsaved_path(project: Project, episode_id: str) -> Path:
    return project.cache_dir / "drafts" / f"{episode_id}.json"


def keep_unsaved(project: Project, draft: Draft) -> None:
    """Write the draft's edits to the cache (atomically), to be read back by ``unsaved``."""
    data = {"disk_digest": draft.disk_digest, "disk_text": draft.disk_text,
            "text": draft.text, "ids": list(draft.ids)}
    write_text(_unsaved_path(project, draft.script.episode_id),
               json.dumps(data, ensure_ascii=False))


def unsaved(project: Project, episode_id: str) -> Draft | None:
    """The unsaved edits an earlier studio run kept for ``episode_id``, as a dirty draft
    over the file as it was then (so a later change on disk is a conflict), or None."""
    path = _unsaved_path(project, episode_id)
    try:
        data = json.loads(path.read_text("utf-8"))
        text = data["text"]
        if disk_digest(project.script_path(episode_id)) == hashlib.sha256(
                text.encode("utf-8")).hexdigest():
            # The file already holds these edits (saved from elsewhere).
            path.unlink(missing_ok=True)
            return None
        script = parse_script(text, episode_id, _name(project, episode_id))
        ids = data.get("ids")
        ids = tuple(ids) if isinstance(ids, list) and all(isinstance(i, str) for i in ids) \
            and len(set(ids)) == len(ids) else ()
        return Draft(script, data.get("disk_text"), str(data["disk_digest"]), dirty=True,
                     recovered=True, ids=ids)
    except (OSError, ValueError, KeyError, TypeError, ScriptError):
        # Nothing kept, or not readable as a script: the file on disk is the draft (and
        # an unreadable copy stays where it is rather than being deleted).
        return None


def forget_unsaved(project: Project, episode_id: str) -> None:
    """Remove the kept edits of ``episode_id`` (they were saved or discarded)."""
    _unsaved_path(project, episode_id).unlink(missing_ok=True)
