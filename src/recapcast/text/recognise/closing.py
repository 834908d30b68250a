"""What follows the story: the sign-off ("Thanks for reading! Follow me on ..."), the
writer's signature under it, a forum poster's edit notes, and the comments under the recap."""

from __future__ import annotations

import dataclasses
import re

from recapcast.text.ledger import Ledger
from recapcast.text.recognise.blocks import _leave_out_block
from recapcast.text.recognise.patterns import (
    _COMMENTS_START,
    _POST_EDIT,
    _SENTENCE_END,
    _SIGN_OFF,
    _TOLD,
    _words,
)
from recapcast.text.recognise.phrases import alt
from recapcast.text.recognise.phrases_closing import SIGNATURES
from recapcast.text.recognise.rules import _label
from recapcast.text.source import SourceBlock


def _before_sign_off(text: str) -> str:
    """The sentences of a closing paragraph before its sign-off; a sentence of the story
    that quotes one ("Thanks for reading, Theo says flatly.") is no sign-off."""
    sentences = _SENTENCE_END.split(" ".join(text.split()))
    for index, sentence in enumerate(sentences):
        if _SIGN_OFF.search(sentence) and not _TOLD.search(sentence):
            # its lead-in question goes with it, not left dangling in the narration:
            # "Liked it? Share it with a friend!"
            while index and _words(sentences[index - 1]) <= 4 and sentences[index - 1][
                    -1:] in "?!":
                index -= 1
            return " ".join(sentences[:index])
    return " ".join(sentences)



def _sign_off_block(block: SourceBlock) -> bool:
    return block.kind == "paragraph" and _words(block.text) <= 60 and bool(
        _SIGN_OFF.search(block.text))


def _signature(block: SourceBlock) -> bool:
    """A writer's name under a sign-off: "— Marguerite", "xo, Dana", "Cheers, Tom"."""
    line = block.lines[0] if block.kind == "paragraph" and len(block.lines) == 1 else ""
    return bool(line) and _words(line) <= 5 and bool(_SIGNATURE.match(line))


_SIGNATURE = re.compile(rf"^(?:[—–~-]\s*|(?:xo+|{alt(SIGNATURES)}),?\s+)[^\W\d_][\w .'’-]{{0,40}}$",
                        re.IGNORECASE)


def _cut_sign_off(block: SourceBlock, ledger: Ledger) -> SourceBlock | None:
    """A closing paragraph less its sign-off (None when nothing else is left); its lines
    that stay are kept as one, the sign-off's sentences left out."""
    kept = _before_sign_off(block.text)
    for index, line in enumerate(block.lines):
        # a line merged into what stays counts as kept; the line the sign-off starts in
        # is both
        line, at = " ".join(line.split()), block.number(index)
        tail = kept[-30:]
        if kept and line in kept:
            ledger.keep(at, line, "narration")
        elif kept and tail in line:
            ledger.keep(at, line, "narration")
            ledger.leave_out(at, line[line.index(tail) + len(tail):], "sign-off")
        else:
            ledger.leave_out(at, line, "sign-off")
    if not kept:
        return None
    return dataclasses.replace(block, lines=(kept,), numbers=(block.number(0),))


def _without_sign_off(blocks: list[SourceBlock], ledger: Ledger) -> list[SourceBlock]:
    """The blocks less the trailing sign-off ("Thanks for reading! Follow me on ...") and a
    forum poster's edit notes ("Edit: typo")."""
    end = len(blocks)
    while end > 0:
        block = blocks[end - 1]
        if block.kind == "rule":
            end -= 1
        elif end >= 2 and _signature(block) and _sign_off_block(blocks[end - 2]):
            _leave_out_block(ledger, block, "sign-off")
            end -= 1  # "— Marguerite" under "That's it for this week. Hit reply ..."
        elif _sign_off_block(block):
            cut = _cut_sign_off(block, ledger)
            if cut is not None:
                # "The last ten minutes are the best television I have seen this year.
                # Thanks for reading!": the sentences before the sign-off stay.
                return blocks[:end - 1] + [cut]
            end -= 1
        elif block.kind == "paragraph" and all(_POST_EDIT.match(x) for x in block.lines):
            _leave_out_block(ledger, block, "poster's edit note")
            end -= 1
        else:
            break
    blocks = blocks[:end]
    # A sign-off set off by a rule, with footnotes still under it ("***" then "That's it from
    # me this week ..." then "[^1]: ...")
    rules = [i for i, b in enumerate(blocks) if b.kind == "rule"]
    after = rules[-1] + 1 if rules else None
    if after is not None and after < len(blocks) and _sign_off_block(blocks[after]):
        cut = _cut_sign_off(blocks[after], ledger)
        blocks = blocks[:after] + ([cut] if cut is not None else []) + blocks[after + 1:]
    return blocks


def _without_comments(blocks: list[SourceBlock], ledger: Ledger) -> list[SourceBlock]:
    """The blocks up to the comments under the recap ("412 Comments", "Sort by: Best",
    "Leave a Reply"), once some of the recap has been read."""
    seen_words = 0
    for index, block in enumerate(blocks):
        first = block.lines[0] if block.lines else ""
        if (seen_words >= 40 and block.kind in ("paragraph", "heading")
                and _COMMENTS_START.match(_label(first))):
            for after in blocks[index:]:
                _leave_out_block(ledger, after, "comment section")
            return blocks[:index]
        if block.kind in ("paragraph", "quote", "list"):
            seen_words += _words(block.text)
    return blocks
