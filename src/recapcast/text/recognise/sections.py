"""A recap that is one section of a longer document: a newsletter's or a digest's.

A club's newsletter, a digest or a blog's weekly round-up sets its recap under a heading of
its own among other sections ("From the Chair", "Coming up", "Puzzle corner"). When exactly
one section heading names an episode and the document has other sections, that section is
the recap: its heading is the title line, and the other sections are left out.
"""

from __future__ import annotations

import dataclasses

from recapcast.text.ledger import Ledger
from recapcast.text.recognise.blocks import _leave_out_block
from recapcast.text.source import SourceBlock
from recapcast.text.titles import parse_title

MIN_SECTIONS = 3
"""Section headings (the recap's among them) that make a document a newsletter."""


def the_recap_section(blocks: tuple[SourceBlock, ...], ledger: Ledger
                      ) -> tuple[SourceBlock, ...]:
    """The blocks of the one section that names an episode, its heading made the title,
    or ``blocks`` as they are when the document is not sections around one recap."""
    sections = [i for i, b in enumerate(blocks) if b.kind == "heading" and b.level >= 2]
    naming = [i for i in sections if _names_episode(blocks[i].text)]
    titled = any(b.kind == "heading" and b.level == 1 and _names_episode(b.text)
                 for b in blocks)  # the recap's own title names it: its headings are its own
    if len(sections) < MIN_SECTIONS or len(naming) != 1 or titled:
        return blocks
    start = naming[0]
    level = blocks[start].level
    end = next((i for i in range(start + 1, len(blocks)) if blocks[i].kind == "heading"
                and blocks[i].level <= level), len(blocks))
    if not any(b.kind == "paragraph" for b in blocks[start + 1:end]):
        return blocks
    for index, block in enumerate(blocks):
        if not start <= index < end:
            _leave_out_block(ledger, block, "another section of the document")
    return (dataclasses.replace(blocks[start], level=1),) + blocks[start + 1:end]


def _names_episode(text: str) -> bool:
    parts = parse_title(text)
    return parts is not None and parts.episode is not None
