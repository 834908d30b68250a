"""Stable names for the blocks of a draft, so an edit made in a page reaches the block and
sentence it was made on, not whatever now sits at that position.

A block's *id* stays with it while it is edited, moved or has blocks added or removed
around it; its *key* is a hash of its content, so a page can say which version of a block
it saw. Ids are first made from the content (the same file gives the same ids in every
studio run), and carried over by a diff when the file changes under the draft.
"""

from __future__ import annotations

import dataclasses
import difflib
import hashlib
from collections.abc import Iterable, Sequence

from recapcast.model import Block

__all__ = ["block_key", "name_blocks", "new_id", "carry_ids"]


def block_key(block: Block) -> str:
    """A hash of what the block says (not of the line it is on)."""
    content = repr(dataclasses.replace(block, line=0))
    return hashlib.sha256(content.encode("utf-8")).hexdigest()[:12]


def new_id(block: Block, taken: Iterable[str]) -> str:
    """An id for ``block`` that is not in ``taken``: its key's start and a number."""
    taken = set(taken)
    stem = block_key(block)[:8]
    n = 0
    while f"{stem}-{n}" in taken:
        n += 1
    return f"{stem}-{n}"


def name_blocks(blocks: Sequence[Block]) -> tuple[str, ...]:
    """Ids for a script read from its file: the same text gives the same ids."""
    ids: list[str] = []
    for block in blocks:
        ids.append(new_id(block, ids))
    return tuple(ids)


def carry_ids(old: Sequence[Block], old_ids: Sequence[str], new: Sequence[Block]
              ) -> tuple[str, ...]:
    """Ids for ``new``, a later version of the blocks ``old``: a block that is still there
    keeps its id, and so does a block changed in place (one block replaced by one block of
    the same kind), so an edit of one of its unchanged sentences still finds it."""
    ids: list[str | None] = [None] * len(new)
    matcher = difflib.SequenceMatcher(None, [block_key(b) for b in old],
                                      [block_key(b) for b in new], autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal" or (tag == "replace" and i2 - i1 == j2 - j1):
            for i, j in zip(range(i1, i2), range(j1, j2), strict=True):
                if tag == "equal" or type(old[i]) is type(new[j]):
                    ids[j] = old_ids[i]
    taken = {i for i in ids if i is not None}
    for j, block in enumerate(new):
        if ids[j] is None:
            ids[j] = new_id(block, taken)
            taken.add(ids[j])
    return tuple(ids)  # type: ignore[arg-type]
