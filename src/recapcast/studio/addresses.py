"""What a page's edit was made on, found again in the draft as it is now.

A page names a block by its id and, when the edit replaces the whole block, by the key of
the content it saw; a sentence by its block, its number in the block and its text. If that
block or sentence is still there unchanged it is found wherever it moved; otherwise the edit
is refused with ``Stale`` (the studio answers 409 with the current text), never applied to
whatever now sits at the old position.
"""

from __future__ import annotations

from recapcast.errors import UsageError
from recapcast.model import Segment
from recapcast.studio.blockids import block_key
from recapcast.studio.drafts import Draft, Stale, sentences_of

__all__ = ["Stale", "find_block", "find_after", "find_sentence", "find_segment"]


def _text(block) -> str:
    return getattr(block, "text", None) or repr(block)


def _id(data: dict, key: str = "id") -> str:
    value = data.get(key)
    if not isinstance(value, str) or not value:
        raise UsageError(f"{key} must be a block id (as the page's view gives it)")
    return value


def find_block(draft: Draft, data: dict) -> int:
    """The position of the block ``data["id"]``; with ``data["key"]``, only if its
    content is still the one the page saw."""
    block_id = _id(data)
    try:
        index = draft.ids.index(block_id)
    except ValueError:
        raise Stale("that block is no longer in the script (changed in another tab or on "
                    "disk)") from None
    expected = data.get("key")
    block = draft.script.blocks[index]
    if expected is not None and expected != block_key(block):
        raise Stale("that block was changed since this page showed it (in another tab or "
                    "on disk)", _text(block))
    return index


def find_after(draft: Draft, data: dict) -> int:
    """The position just after block ``data["after"]`` (0 when it is None: the top)."""
    if data.get("after") is None:
        return 0
    return find_block(draft, {"id": _id(data, "after")}) + 1


def find_sentence(draft: Draft, data: dict) -> tuple[int, int]:
    """(block position, sentence number) of the sentence ``data["raw"]`` in block
    ``data["id"]``, near number ``data["sentence"]``: the same sentence if it is still
    there unchanged; refused if it changed or the block now holds it more than once
    elsewhere."""
    index = find_block(draft, data)
    number, raw = data.get("sentence"), data.get("raw")
    if not isinstance(number, int) or not isinstance(raw, str):
        raise UsageError("a sentence is named by its number and its text (sentence, raw)")
    sentences = sentences_of(draft.script.blocks[index])
    same = [n for n, s in enumerate(sentences) if s == raw]
    if number in same:
        return index, number
    if len(same) == 1:
        return index, same[0]
    raise Stale("that sentence was changed since this page showed it (in another tab or on "
                "disk)", draft.script.blocks[index].text)


def find_segment(draft: Draft, segments: tuple[Segment, ...], data: dict) -> Segment:
    """The segment the page showed as number ``data["segment"]`` of block
    ``data["id"]``, saying ``data["written"]``: found by its block and text, so a click
    on a page that is behind plays that sentence or nothing."""
    number, written = data.get("segment"), data.get("written")
    if not isinstance(number, int) or not isinstance(written, str):
        raise UsageError("a sentence is named by its segment number and text "
                         "(segment, written)")
    index = find_block(draft, data)
    same = [s for s in segments if s.paragraph == index and s.written == written]
    for segment in same:
        if segment.index == number:
            return segment
    if len(same) == 1:
        return same[0]
    raise Stale("that sentence was changed since this page showed it (in another tab or on "
                "disk)", getattr(draft.script.blocks[index], "text", None))
