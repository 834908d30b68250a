"""What a show learned from its editor: furniture to leave out, lines to keep.

When the editor removes a line from an imported script, or brings back a line import left
out, the show remembers the line's shape (see :mod:`recapcast.text.shapes`) in
``learned.toml`` beside ``recapcast.toml``; the next import into that show leaves out the
same furniture, variants included, and keeps what was brought back. Learning compares the
script as import first wrote it (the import record, ``scripts/.imported/ID.json``) with the
script as it is now, so an editor who only ever uses a text editor teaches it too.
"""

from __future__ import annotations

import dataclasses
import difflib
import json
import tomllib
from collections import Counter
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from recapcast.errors import ConfigError, ScriptError
from recapcast.model import Heading, Paragraph, Quote
from recapcast.safety.atomic import write_text
from recapcast.text.lexicon import display_text
from recapcast.text.shapes import (
    KINDS,
    Line,
    Pattern,
    ShapeError,
    literal_shape,
    make_shape,
    parse_shape,
    words_of,
)

__all__ = ["LEARNED_NAME", "RECORDS_DIR", "LearnedRule", "LearnedRules", "load", "save",
           "rule_for", "learn", "learn_show", "remember_left_out", "remember_kept"]

LEARNED_NAME = "learned.toml"
RECORDS_DIR = Path("scripts") / ".imported"
"""Where import keeps, per episode, what it first wrote and what it left out."""

EDITED_RATIO = 0.6
"""A block gone from the script with a new block this close is an edit, not a removal."""
COVERED = 0.6
"""...as is a block whose words mostly stand in the script's new blocks (split, merged)."""
BROUGHT_BACK_RATIO = 0.8
"""A left-out line is back when a new block of the script is this close to it..."""
BROUGHT_BACK_MIN_WORDS = 3
"""...or holds it whole, if it has at least this many words."""
MAX_CHARS = 3000
"""Longer blocks are story, not furniture: they are neither learned nor matched."""

_LEAVE_OUT, _KEEP = "leave_out", "keep"
_HEADER = """\
# What this show learned from its editor. recapcast writes this file when you remove a line
# from an imported script (in the studio or in any text editor) or bring back a line import
# left out; the next import into this show leaves out lines of a [[leave_out]] shape and
# keeps lines of a [[keep]] shape. You may edit it by hand: delete a rule to forget it (it
# comes back only if you make the same edit in another episode, or in the studio), or write
# one. A shape is a whole line; its wildcards each stand for one thing of that kind:
#   {number} {date} {time} {url} {handle} {quoted} {name} {code}
# Other words must be there, in that order (case and punctuation do not matter).
# See docs/learning.md.
"""
_SEEN_COMMENT = """\
# The edits already learned from, per episode, so a rule you delete stays deleted.
"""


@dataclass(frozen=True)
class LearnedRule:
    """One learned shape, the episode that taught it and the line it was made from."""

    shape: str
    learned_from: str = ""
    example: str = ""

    @cached_property
    def pattern(self) -> Pattern:
        return parse_shape(self.shape)

    @property
    def key(self) -> str:
        return self.pattern.key


@dataclass(frozen=True)
class LearnedRules:
    """A show's learned rules; what import asks while it reads a recap."""

    leave_out: tuple[LearnedRule, ...] = ()
    keep: tuple[LearnedRule, ...] = ()
    seen: tuple[tuple[str, str, str], ...] = ()
    """(episode, ``leave_out`` or ``keep``, rule key): edits already learned from."""

    def rule_leaving_out(self, text: str) -> LearnedRule | None:
        """The learned rule that leaves out the whole line or block ``text``, if any."""
        if not self.leave_out or len(text) > MAX_CHARS or not words_of(text):
            return None
        line = Line.of(text)
        if any(rule.pattern.matches(line) for rule in self.keep):
            return None
        return next((r for r in self.leave_out if r.pattern.matches(line)), None)

    def leaves_out(self, text: str) -> str | None:
        """The reason import cites for leaving ``text`` out, or None."""
        rule = self.rule_leaving_out(text)
        if rule is None:
            return None
        source = f" ({rule.learned_from})" if rule.learned_from else ""
        return f"learned from the editor{source}: {rule.shape}"

    def keeps(self, text: str) -> bool:
        """Whether the editor brought back a line of this shape (no rule may leave it out)."""
        if not self.keep or len(text) > MAX_CHARS or not words_of(text):
            return False
        line = Line.of(text)
        return any(rule.pattern.matches(line) for rule in self.keep)

    def __bool__(self) -> bool:
        return bool(self.leave_out or self.keep)


# ---- the file ---------------------------------------------------------------------------

def _bad(message: str) -> ConfigError:
    return ConfigError(f"{LEARNED_NAME}: {message}",
                       f"fix {LEARNED_NAME} by hand, or delete it to forget what the show "
                       "learned (docs/learning.md shows the format)")


def _rules(data: dict, which: str) -> tuple[LearnedRule, ...]:
    entries = data.get(which, [])
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        raise _bad(f"{which} must be a list of [[{which}]] tables")
    rules = []
    for number, entry in enumerate(entries, start=1):
        where = f"[[{which}]] number {number}"
        unknown = set(entry) - {"shape", "learned_from", "example"}
        if unknown:
            raise _bad(f"{where}: unknown key {sorted(unknown)[0]!r} "
                       "(known: shape, learned_from, example)")
        shape = entry.get("shape")
        if not isinstance(shape, str) or not shape.strip():
            raise _bad(f'{where} has no shape (write: shape = "...")')
        if not all(isinstance(entry.get(k, ""), str) for k in ("learned_from", "example")):
            raise _bad(f"{where}: learned_from and example must be text in quotes")
        try:
            parse_shape(shape)
        except ShapeError as exc:
            raise ConfigError(
                f"{LEARNED_NAME}: {where}: {exc}",
                "the wildcards are " + " ".join("{" + k + "}" for k in KINDS)) from None
        rules.append(LearnedRule(shape.strip(), entry.get("learned_from", ""),
                                 entry.get("example", "")))
    return tuple(rules)


def _seen(data: dict) -> tuple[tuple[str, str, str], ...]:
    table = data.get("seen", {})
    if not isinstance(table, dict):
        raise _bad("seen must be a table of episode = [...]")
    seen = []
    for episode, edits in table.items():
        if not isinstance(edits, list) or not all(isinstance(e, str) for e in edits):
            raise _bad(f"seen.{episode} must be a list of texts")
        for edit in edits:
            which, sep, key = edit.partition(": ")
            if not sep or which not in (_LEAVE_OUT, _KEEP):
                raise _bad(f"seen.{episode}: {edit!r} must start with 'leave_out: ' or 'keep: '")
            seen.append((episode, which, key))
    return tuple(seen)


def load(root: Path) -> LearnedRules:
    """The rules in ``root/learned.toml``; a missing file is a show that learned nothing."""
    path = root / LEARNED_NAME
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return LearnedRules()
    except UnicodeDecodeError:
        raise _bad("not UTF-8") from None
    except tomllib.TOMLDecodeError as exc:
        raise _bad(f"not valid TOML ({exc})") from None
    unknown = set(data) - {_LEAVE_OUT, _KEEP, "seen"}
    if unknown:
        raise _bad(f"unknown section {sorted(unknown)[0]!r} (known: leave_out, keep, seen)")
    return LearnedRules(_rules(data, _LEAVE_OUT), _rules(data, _KEEP), _seen(data))


def _string(text: str) -> str:
    # A JSON string is a TOML basic string; U+2028/9 are escaped so each value is one line.
    return json.dumps(text, ensure_ascii=False).replace("\u2028", "\\u2028").replace(
        "\u2029", "\\u2029")


def render(rules: LearnedRules) -> str:
    """``learned.toml`` as text (``load`` of it gives ``rules`` back)."""
    out = [_HEADER]
    for which, group in ((_LEAVE_OUT, rules.leave_out), (_KEEP, rules.keep)):
        for rule in group:
            out.append(f"[[{which}]]")
            out.append(f"shape = {_string(rule.shape)}")
            if rule.learned_from:
                out.append(f"learned_from = {_string(rule.learned_from)}")
            if rule.example and rule.example != rule.shape:
                out.append(f"example = {_string(rule.example)}")
            out.append("")
    if rules.seen:
        out += ["[seen]", _SEEN_COMMENT.rstrip()]
        by_episode: dict[str, list[str]] = {}
        for episode, which, key in rules.seen:
            by_episode.setdefault(episode, []).append(f"{which}: {key}")
        for episode, edits in by_episode.items():
            items = ",\n".join(f"    {_string(e)}" for e in edits)
            out.append(f"{_string(episode)} = [\n{items},\n]")
    return "\n".join(out).rstrip("\n") + "\n"


def save(root: Path, rules: LearnedRules) -> None:
    """Write ``root/learned.toml`` atomically."""
    write_text(root / LEARNED_NAME, render(rules))


# ---- learning ---------------------------------------------------------------------------

def rule_for(text: str, episode_id: str = "") -> LearnedRule | None:
    """The rule a removed or brought-back line teaches: its shape, or the line itself when
    the shape would be too general (mostly wildcards, fewer than two fixed words)."""
    text = " ".join(display_text(text).split())
    if len(text) > MAX_CHARS or not words_of(text):
        return None
    shape = make_shape(text)
    try:
        general = parse_shape(shape).general_enough()
    except ShapeError:
        general = False
    if not general:
        shape = literal_shape(text)
    return LearnedRule(shape, episode_id, text)


def _block_texts(script_text: str, episode_id: str, name: str) -> list[str]:
    # Imported here, not above: script.py imports the recogniser these rules are handed to,
    # so script.py (or anything it imports) may import this module.
    from recapcast.text.script import parse_script

    script = parse_script(script_text, episode_id or "episode", name)
    return [" ".join(display_text(b.text).split()) for b in script.blocks
            if isinstance(b, (Heading, Paragraph, Quote))]


def _norm(text: str) -> str:
    return " ".join(words_of(text))


def _close(a: str, b: str, least: float) -> bool:
    """Whether the word sequences of ``a`` and ``b`` are at least ``least`` alike."""
    matcher = difflib.SequenceMatcher(None, a.split(), b.split(), autojunk=False)
    return (matcher.real_quick_ratio() >= least and matcher.quick_ratio() >= least
            and matcher.ratio() >= least)


def _covered(old: str, new_blocks: list[str]) -> float:
    """How much of ``old``'s words stand, in order, somewhere in ``new_blocks``."""
    words = old.split()
    if not words or not new_blocks:
        return 0.0
    joined = " | ".join(new_blocks).split()
    matcher = difflib.SequenceMatcher(None, words, joined, autojunk=False)
    # Runs of a single common word ("the") do not show the block survived.
    same = sum(m.size for m in matcher.get_matching_blocks() if m.size >= 2)
    return same / len(words)


def _removed(old: list[str], new: list[str]) -> list[int]:
    """Blocks of ``old`` gone from ``new`` with no edited, split or merged counterpart."""
    old_n, new_n = [_norm(b) for b in old], [_norm(b) for b in new]
    left = Counter(new_n)
    gone = []
    for index, norm in enumerate(old_n):
        if left[norm] > 0:
            left[norm] -= 1
        elif norm:
            gone.append((index, norm))
    old_set = set(old_n)
    added = [n for n in new_n if n and n not in old_set]
    removed = []
    for index, norm in gone:
        if any(_within(norm, a) or _close(norm, a, EDITED_RATIO) for a in added):
            continue
        if _covered(norm, added) >= COVERED:
            continue
        removed.append(index)
    return removed


def _within(part: str, whole: str) -> bool:
    return f" {part} " in f" {whole} "


def _belonging(text: str, blocks: list[str]) -> int | None:
    """The index of the script block a recap line became, by its words, or None."""
    norm = _norm(text)
    if not norm:
        return None
    best, best_score = None, 0.0
    for index, block in enumerate(blocks):
        if norm == block:
            score = 3.0
        elif len(norm.split()) >= 2 and _within(norm, block):
            score = 2.0 + len(norm) / max(len(block), 1)
        elif best_score < 1.0 and _close(norm, block, BROUGHT_BACK_RATIO):
            score = 1.0
        else:
            continue
        if score > best_score:
            best, best_score = index, score
    return best


def _sources(old: list[str], kept: list[dict]) -> dict[int, list[str]]:
    """The recap lines import turned into each block of the script it wrote: the next
    import meets those, not the blocks."""
    norms = [_norm(b) for b in old]
    found: dict[int, list[str]] = {}
    for entry in kept:
        text = str(entry.get("text", ""))
        block = _belonging(text, norms)
        if block is not None:
            found.setdefault(block, []).append(text)
    return found


def _brought_back(line: str, added: list[str]) -> bool:
    norm = _norm(line)
    if not norm:
        return False
    for block in added:
        if _close(norm, block, BROUGHT_BACK_RATIO):
            return True
        if len(norm.split()) >= BROUGHT_BACK_MIN_WORDS and _within(norm, block):
            return True
    return False


def learn(record: dict, script_text: str, episode_id: str = ""
          ) -> tuple[tuple[LearnedRule, ...], tuple[LearnedRule, ...]]:
    """What the editor's edits to one imported script teach: (leave-out rules, keep rules).

    ``record`` is the import record (the script import wrote, its kept and left-out lines);
    ``script_text`` the script as it is now. A block gone with no close edited counterpart
    is a removal (its recap lines' shapes are left out); a left-out line now in the script
    was brought back (its shape is kept). Raises ScriptError if either script cannot be read.
    """
    episode_id = episode_id or str(record.get("id", ""))
    old = _block_texts(str(record.get("script", "")), episode_id, "import record")
    new = _block_texts(script_text, episode_id, f"scripts/{episode_id}.md")
    kept = [e for e in record.get("kept", []) if isinstance(e, dict)]
    leave: dict[str, LearnedRule] = {}
    removed = _removed(old, new)
    sources = _sources(old, kept) if removed else {}
    for block in removed:
        for source in sources.get(block) or [old[block]]:
            rule = rule_for(source, episode_id)
            if rule is not None:
                leave.setdefault(rule.key, rule)
    old_n = set(map(_norm, old))
    added = [n for n in map(_norm, new) if n and n not in old_n]
    keep: dict[str, LearnedRule] = {}
    for entry in record.get("left_out", []):
        text = str(entry.get("text", "")) if isinstance(entry, dict) else ""
        if _brought_back(text, added):
            rule = rule_for(text, episode_id)
            if rule is not None:
                keep.setdefault(rule.key, rule)
    return tuple(leave.values()), tuple(keep.values())


def _with(rules: LearnedRules, which: str, rule: LearnedRule) -> LearnedRules:
    """``rules`` with ``rule`` added (the latest edit wins over the opposite rule)."""
    other = _KEEP if which == _LEAVE_OUT else _LEAVE_OUT
    same = getattr(rules, which)
    if any(r.key == rule.key for r in same):
        added = same
    else:
        added = (*same, rule)
    opposite = tuple(r for r in getattr(rules, other) if r.key != rule.key)
    return dataclasses.replace(rules, **{which: added, other: opposite})


def _mark_seen(rules: LearnedRules, episode: str, which: str, key: str) -> LearnedRules:
    entry = (episode, which, key)
    if entry in rules.seen:
        return rules
    return dataclasses.replace(rules, seen=(*rules.seen, entry))


def _records(root: Path):
    folder = root / RECORDS_DIR
    for path in sorted(folder.glob("*.json")):
        script = root / "scripts" / f"{path.stem}.md"
        try:
            record = json.loads(path.read_text(encoding="utf-8"))
            text = script.read_text(encoding="utf-8")
        except (OSError, ValueError):
            # A deleted script teaches nothing; a damaged record is import's to rewrite.
            continue
        if isinstance(record, dict):
            yield path.stem, record, text


def learn_show(root: Path) -> LearnedRules:
    """Learn from every imported script of the show at ``root``; update ``learned.toml``.

    An edit learned once is remembered in the file's ``[seen]`` table, so deleting its
    rule by hand forgets it for good; putting the line back in that episode's script
    (undoing the edit) clears it, so making the edit again teaches it again.
    """
    rules = before = load(root)
    for episode, record, text in _records(root):
        try:
            leave, keep = learn(record, text, episode)
        except ScriptError:
            continue  # a script being edited into shape teaches nothing yet
        found = {(_LEAVE_OUT, r.key): r for r in leave} | {(_KEEP, r.key): r for r in keep}
        for (which, key), rule in found.items():
            if (episode, which, key) not in rules.seen:
                rules = _mark_seen(_with(rules, which, rule), episode, which, key)
        undone = [(e, w, k) for e, w, k in rules.seen
                  if e == episode and (w, k) not in found and _undone(w, k, record, text)]
        for entry in undone:
            rules = _forget(rules, *entry)
    if rules != before:
        save(root, rules)
    return rules


def _undone(which: str, key: str, record: dict, script_text: str) -> bool:
    """Whether the episode's script shows the edit taken back: a removed line is in it
    again, a brought-back line is gone from it again."""
    pattern = parse_shape(key)
    try:
        blocks = _block_texts(script_text, "episode", "script")
    except ScriptError:
        return False
    present = any(pattern.matches(b) for b in blocks)
    return present if which == _LEAVE_OUT else not present


def _forget(rules: LearnedRules, episode: str, which: str, key: str) -> LearnedRules:
    kept = tuple(r for r in getattr(rules, which)
                 if not (r.key == key and r.learned_from == episode))
    seen = tuple(s for s in rules.seen if s != (episode, which, key))
    return dataclasses.replace(rules, **{which: kept}, seen=seen)


def _remember(root: Path, episode_id: str, text: str, which: str) -> LearnedRules:
    rules = load(root)
    rule = rule_for(text, episode_id)
    if rule is None:
        return rules
    # A click is the edit made again: it teaches even a rule deleted by hand.
    updated = _mark_seen(_with(rules, which, rule), episode_id, which, rule.key)
    if updated != rules:
        save(root, updated)
    return updated


def remember_left_out(root: Path, episode_id: str, text: str) -> LearnedRules:
    """The editor left out ``text`` (a line of ``episode_id``) in the studio: learn it."""
    return _remember(root, episode_id, text, _LEAVE_OUT)


def remember_kept(root: Path, episode_id: str, text: str) -> LearnedRules:
    """The editor brought back ``text`` (a left-out line of ``episode_id``): learn it."""
    return _remember(root, episode_id, text, _KEEP)
