"""The one context pass: what a line is by what stands around it (the header above the
first paragraph, the sign-off and comments after the last, dialogue runs, headings between
paragraphs, lists under a "Related" label, paragraphs pasted single-spaced)."""

from __future__ import annotations

import dataclasses
import re

from recapcast.model import Block, Heading, Paragraph
from recapcast.text.ledger import Ledger
from recapcast.text.recognise.blocks import _from_line, _leave_out_block, _numbered
from recapcast.text.recognise.patterns import (
    _CLOCK_HEADING,
    _COMMENTS_START,
    _DIALOGUE,
    _POST_EDIT,
    _PREVIOUSLY,
    _SENTENCE_END,
    _SIGN_OFF,
    _TOLD,
    _words,
)
from recapcast.text.recognise.phrases import (
    _BACK_MATTER,
    _CAST_HEADINGS,
    _CONTENTS_HEADINGS,
    _DROPPED_HEADINGS,
    _PERSONAL_NOTES,
    _QUOTE_MARKS,
    SPONSOR_HEADINGS,
    SPONSOR_READ_OPENS,
    alt,
    phrases_of,
)
from recapcast.text.recognise.rules import (
    _ENDS_SENTENCE,
    LONG_LINE,
    _furniture_line,
    _furniture_reason,
    _header_line,
    _label,
    _link_list_label,
    _listed_lines,
    _meta_line,
    _meta_reason,
    _without_spoiler_warning,
)
from recapcast.text.recognise.speakers import _is_name, _spoken_line
from recapcast.text.source import SourceBlock


def _sentence_case_headings(blocks: list[SourceBlock]) -> set[int]:
    """The lines of short one-line blocks in sentence case that head a long paragraph
    ("Notre avis", "The night shift"), when a recap has two or more: one such line is as
    likely a line of narration ("Cut to black"), several are its sections."""
    found = set()
    for block, following in zip(blocks, blocks[1:], strict=False):
        line = block.lines[0] if block.kind == "paragraph" and len(block.lines) == 1 else ""
        if (line and block.line and _CLOCK_HEADING.match(line) and following.kind == "paragraph"
                and not _CLOCK_HEADING.match(following.lines[0])):
            found.add(block.line)  # a live-watch recap's "9:02 PM" over what happened then
        elif (line and block.line and 1 <= _words(line) <= 7 and line[:1].isupper()
                and line[-1] not in ".,;:!…\"”’)»" and not _DIALOGUE.match(line)
                and not _meta_line(line)[0] and not _furniture_line(line)
                and line[:1] not in _QUOTE_MARKS
                and (following.kind == "paragraph" and _words(following.text) >= 20
                     or following.kind == "list" and len(following.lines) >= 2)):
            found.add(block.line)
    return found if len(found) >= 2 else set()


def _dialogue_paragraphs(blocks: list[SourceBlock]) -> set[int]:
    """The ids of one-line "Name: line" paragraphs next to another: a web page's dialogue,
    a <p> a line, is a run like lines under each other."""
    shaped = [block.kind == "paragraph" and len(block.lines) == 1 and _spoken_line(block.lines[0])
              for block in blocks]
    return {id(block) for i, block in enumerate(blocks) if shaped[i] and (
        (i > 0 and shaped[i - 1]) or (i + 1 < len(blocks) and shaped[i + 1]))}


def _meta_lines(block: SourceBlock) -> list[tuple[bool, str]]:
    """Per line: whether it is publication metadata (a spoiler warning among the byline's
    lines counts), and the author it names."""
    return [(True, "") if _furniture_line(line) or not _without_spoiler_warning(line)
            else _meta_line(line) for line in block.lines]


def _front_reason(line: str) -> str:
    """Why a line of an article's header above the recap is left out."""
    reason = _furniture_reason(line)
    if reason:
        return reason
    if not _without_spoiler_warning(line):
        return "spoiler warning"
    reason, _ = _meta_reason(line)
    if reason:
        return reason
    return "byline" if _is_name(line) else "article header (kicker, rating, show name)"


def _front_matter(blocks: list[SourceBlock], ledger: Ledger) -> tuple[list[SourceBlock], str]:
    """The blocks without the bylines, dates and read times above the recap, and the author.

    Only a paragraph made wholly of such lines goes, so a wrapped line of narration that
    happens to start "By Monday, ..." stays.
    """
    author = ""
    kept: list[SourceBlock] = []
    in_front = True
    clocks = [b for b in blocks if b.kind == "paragraph" and len(b.lines) == 1
              and _CLOCK_HEADING.match(b.lines[0])]
    for index, block in enumerate(blocks):
        if in_front and len(clocks) >= 2 and block is clocks[0]:
            in_front = False  # a live-watch recap's first "8:58 PM" heading, not a date
        if in_front and block.kind == "paragraph":
            found = _meta_lines(block)
            metas = sum(is_meta for is_meta, _ in found)
            if metas >= 2 or (metas == 1 and len(found) == 2 and any(
                    not is_meta and _is_name(line) for line, (is_meta, _) in
                    zip(block.lines, found, strict=True))):
                # An article's header around its byline and date: the show's name again
                # ("The Harrow House"), a rating, the writer's bare name (the author only
                # when no "By" line names one).
                bylined = any(name for _, name in found)
                found = [(True, line if _is_name(line) and not bylined else "")
                         if not is_meta and _header_line(line) else (is_meta, name)
                         for line, (is_meta, name) in zip(block.lines, found, strict=True)]
            if found and all(is_meta for is_meta, _ in found):
                author = author or next((name for _, name in found if name), "")
                for at, line in _numbered(block):
                    ledger.leave_out(at, line, _front_reason(line))
                continue
            if len(found) >= 2 and found[0][0] and not kept and all(
                    _words(x) <= 15 and not _ENDS_SENTENCE.search(x) for x in block.lines[1:]):
                # "Issue #112 · Sunday, April 11" above a newsletter's tagline
                for at, line in _numbered(block):
                    ledger.leave_out(at, line, _front_reason(line))
                continue
            lead = next(i for i, (is_meta, _) in enumerate(found) if is_meta) if any(
                is_meta for is_meta, _ in found) else len(found)
            if lead and len(found) - lead >= 2 and all(m for m, _ in found[lead:]):
                # A dek above the byline and dates: the dek stays, the rest goes.
                author = author or next((name for _, name in found if name), "")
                for at, line in _numbered(block)[lead:]:
                    ledger.leave_out(at, line, _front_reason(line))
                block = dataclasses.replace(block, lines=block.lines[:lead],
                                            numbers=tuple(block.number(i) for i in range(lead)))
            # a standfirst (one line under the title, "Here's what happened") may stand
            # above the byline block; narration may not
            following = blocks[index + 1] if index + 1 < len(blocks) else None
            in_front = not any(_words(x) > 12 for x in block.lines) or (
                not kept and len(block.lines) == 1 and _words(block.lines[0]) <= 30
                and following is not None and following.kind == "paragraph"
                and sum(m for m, _ in _meta_lines(following)) >= 2)
        elif block.kind != "heading":
            in_front = False
        if (not in_front and block.kind == "paragraph" and index and blocks[index - 1].kind
                == "heading" and (found := _meta_lines(block)) and all(m for m, _ in found)
                and any(name for _, name in found)):
            # a section's own byline under its heading ("Uitgebreide recap" / "Door Sanne
            # Brouwer · bijgewerkt 13 november 2026"), below a summary of the page's
            author = author or next(name for _, name in found if name)
            for at, line in _numbered(block):
                ledger.leave_out(at, line, _front_reason(line))
            continue
        kept.append(block)
    return kept, author


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


_SIGNATURE = re.compile(r"^(?:[—–~-]\s*|(?:xo+|cheers|best|love|thanks|talk soon|see you|"
                        r"until next time),?\s+)[^\W\d_][\w .'’-]{0,40}$", re.IGNORECASE)


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


def _furniture_block(block: SourceBlock) -> bool:
    """A paragraph made only of furniture lines (votes, buttons, a tag list), but not a
    "Related" label, which says what the next block is."""
    return (block.kind == "paragraph" and bool(block.lines)
            and all(_furniture_line(x) and not _link_list_label(x) for x in block.lines))


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


def _without_furniture_headings(blocks: tuple[SourceBlock, ...], ledger: Ledger
                                ) -> list[SourceBlock]:
    """The blocks less headings such as "Comments" or "Related", the list of links under a
    "Related"-like heading, and a reference page's back matter ("References", "External
    links") up to the next heading of its level."""
    kept: list[SourceBlock] = []
    skip_list = ""  # the reason the list under the last heading goes, "" when it stays
    back_matter = None  # the level of the back-matter heading being skipped
    skipping = ""  # why: back matter, or the writer's own notes ("My notes")
    for at, block in enumerate(blocks):
        if back_matter is not None:
            if block.kind == "heading" and block.level <= back_matter:
                back_matter = None
            else:
                _leave_out_block(ledger, block, skipping)
                continue
        if block.kind == "heading" and _label(block.text) in _BACK_MATTER | _PERSONAL_NOTES:
            back_matter = block.level
            skipping = ("personal notes" if _label(block.text) in _PERSONAL_NOTES
                        else "back matter (references, notes)")
            _leave_out_block(ledger, block, skipping)
            continue
        if skip_list and block.kind == "list":
            _leave_out_block(ledger, block, skip_list)
            skip_list = ""
            continue
        skip_list = ""
        if (block.kind == "heading" and _label(block.text) in _CAST_HEADINGS
                and at + 1 < len(blocks) and blocks[at + 1].kind == "list"):
            # a guide's cast list ("Femke de Groot – Lotte van Wijngaarden"): who plays whom
            _leave_out_block(ledger, block, "cast list")
            skip_list = "cast list"
            continue
        if block.kind == "heading" and (_label(block.text) in _DROPPED_HEADINGS
                                        or _link_list_label(block.text)):
            label = _label(block.text)
            reason = ("site furniture: related links" if _link_list_label(block.text)
                      else "table of contents" if label in _CONTENTS_HEADINGS
                      else "comment section" if label in ("comments", "leave a comment",
                                                          "leave a reply")
                      else _furniture_reason(block.text) or "site furniture: section label")
            _leave_out_block(ledger, block, reason)
            if _link_list_label(block.text) or label in _CONTENTS_HEADINGS:
                skip_list = reason
            continue
        kept.append(block)
    return kept


def _without_leading_furniture(blocks: list[SourceBlock], ledger: Ledger
                               ) -> list[SourceBlock]:
    """The blocks without furniture lines at the top of the first ("Episode Discussion"
    flair under a forum post's title)."""
    if not blocks or blocks[0].kind != "paragraph":
        return blocks
    first = blocks[0]
    skipped = 0
    while (skipped < len(first.lines) and _furniture_line(first.lines[skipped])
           and not _link_list_label(first.lines[skipped])):
        ledger.leave_out(first.number(skipped), first.lines[skipped],
                         _furniture_reason(first.lines[skipped]) or "site furniture")
        skipped += 1
    if not skipped:
        return blocks
    rest = _from_line(first, skipped)
    return ([rest] if rest.lines else []) + blocks[1:]


def _without_learned(blocks: tuple[SourceBlock, ...], ledger: Ledger) -> list[SourceBlock]:
    """The blocks less the lines (and whole blocks) an editor's corrections taught import
    to leave out; this show's own furniture, found before any general rule."""
    learned = ledger.learned
    if learned is None:
        return list(blocks)
    kept = []
    for block in blocks:
        whole = learned.leaves_out(block.text) if len(block.lines) > 1 else None
        if whole:
            _leave_out_block(ledger, block, whole)
            continue
        stay = []
        for index, line in enumerate(block.lines):
            cited = learned.leaves_out(line)
            if cited:
                ledger.leave_out(block.number(index), line, cited)
            else:
                stay.append(index)
        if len(stay) == len(block.lines):
            kept.append(block)
        elif stay:
            kept.append(dataclasses.replace(
                block, lines=tuple(block.lines[i] for i in stay),
                line=block.line + stay[0] if block.line else 0,
                numbers=tuple(block.number(i) for i in stay)))
    return kept


def _own_paragraphs(lines: tuple[str, ...]) -> bool:
    """Whether a block's lines are paragraphs pasted single-spaced (no blank line between
    them), not one paragraph's wrapped lines: lines longer than an editor wraps at, two or
    more, and nearly all of them end a sentence (a wrapped line ends where the width falls,
    mid-sentence), and no line is left hanging on a comma or a dash, or goes on in lower
    case on the next."""
    long = [x for x in lines if len(x) > LONG_LINE]
    ended = [x for x in long if _ENDS_SENTENCE.search(x) or x.rstrip().endswith(":")]
    if len(lines) < 3 or len(ended) < 2 or 3 * len(ended) < 2 * len(long):
        return False
    for line, following in zip(lines, lines[1:] + ("",), strict=True):
        if line.rstrip().endswith((",", ";", "-", "—", "–")):
            return False
        if (following[:1].islower() and not _ENDS_SENTENCE.search(line)
                and not _meta_line(following)[0] and not _furniture_line(following)):
            return False  # ("posted by ana" under the title is a byline, not more of it)
    return True


def _mark(line: str) -> str:
    """The mark a line of a hand-made list opens with ("– ", "• ", "#1 "), else ""."""
    found = re.match(r"^(?:[–—•·*>~]|#\d+)\s", line)
    return found.group(0)[0] if found else ""


def _header(line: str) -> bool:
    """A line of an article's header: a byline, a date, or the writer's bare name."""
    return _meta_line(line)[0] or (_words(line) <= 5 and _is_name(line))


def _run(lines: tuple[str, ...], start: int, alike) -> int:
    end = start
    while end < len(lines) and alike(lines[end]):
        end += 1
    return end


def _groups(lines: tuple[str, ...]) -> list[tuple[int, int]]:
    """Where a single-spaced block parts into blocks: a line each, except what a writer
    sets line under line when blank lines part the rest: lines of dialogue (one
    exchange), an article's header (byline, date, the writer's name), lines a hand-made
    list opens with one mark ("– ", "#1 "), and three or more short lines a list would
    give ("1st — Tavita & Mirela, 37" a line), with the label above them."""
    spans, start = [], 0
    while start < len(lines):
        line = lines[start]
        end = start + 1
        label = line.rstrip().endswith(":") and len(line) <= LONG_LINE
        if _spoken_line(line):
            end = _run(lines, start, _spoken_line)
        elif _header(line) and start + 1 < len(lines) and _header(lines[start + 1]):
            # Bare names may open the run ("Ana Ruiz" over the date, a tag list's words);
            # once a byline or a date is in it, only bylines and dates go on: a short line
            # under the date ("The Pier") is the first heading, as blank lines would show.
            end, dated = start, False
            while end < len(lines) and _header(lines[end]):
                meta = _meta_line(lines[end])[0]
                if dated and not meta:
                    break
                dated, end = dated or meta, end + 1
        elif _mark(line) and start + 1 < len(lines) and _mark(lines[start + 1]) == _mark(line):
            mark = _mark(line)
            end = _run(lines, start, lambda x: _mark(x) == mark)  # noqa: B023 - used at once
        else:
            first = start + 1 if label else start
            short = _run(lines, first, lambda x: len(x) <= LONG_LINE and not _spoken_line(x))
            if label and short - first >= 2:
                end = short  # "Final standings:" and the short lines under it
            else:
                # the longest run from here that reads as a list
                end = next((stop for stop in range(short, start + 2, -1)
                            if _listed_lines(list(lines[start:stop]))), start + 1)
        spans.append((start, end))
        start = end
    return spans


def _single_spaced(blocks: list[SourceBlock]) -> list[SourceBlock]:
    """The blocks with each paragraph pasted single-spaced (as a copy from a web page into a
    plain editor often gives) parted as blank lines would part them (see ``_groups``), so
    its headings, byline and paragraphs are read as they are then."""
    out: list[SourceBlock] = []
    for block in blocks:
        if block.kind != "paragraph" or not _own_paragraphs(block.lines):
            out.append(block)
            continue
        for start, end in _groups(block.lines):
            out.append(SourceBlock("paragraph", block.lines[start:end],
                                   block.line + start if block.line else 0,
                                   numbers=tuple(block.number(i) for i in range(start, end))))
    return out


def _with_previously(blocks: list[Block], episode: int | None) -> list[Block]:
    """A ``Previously`` chapter over text before the first heading that tells what came before."""
    first_heading = next((i for i, b in enumerate(blocks) if isinstance(b, Heading)), None)
    if not first_heading:
        return blocks
    opening = " ".join(b.text for b in blocks[:first_heading] if isinstance(b, Paragraph))
    earlier = [int(n) for n in re.findall(r"\bEpisode\s+(\d+)\b", opening, re.IGNORECASE)]
    if _PREVIOUSLY.match(opening) or (episode is not None and any(n < episode for n in earlier)):
        # "Tonight's episode is built around the inquest": what came before ends there
        now = next((i for i, b in enumerate(blocks[:first_heading]) if i and isinstance(
            b, Paragraph) and _THIS_EPISODE.match(b.text)), None)
        # A chapter is named once: text that opens "Previously on Harbour Lights:" names
        # its own, and a "Previously" heading over it would be said twice.
        named = [] if _SAYS_PREVIOUSLY.match(opening) else [Heading("Previously", 0)]
        if now is not None:
            # nor "This week" over a paragraph that opens "This week, ..."
            said = re.match(r"^\W*this week\b", blocks[now].text, re.IGNORECASE)
            this_week = [] if said else [Heading("This week", 0)]
            return [*named, *blocks[:now], *this_week, *blocks[now:]]
        return [*named, *blocks]
    return blocks


_SAYS_PREVIOUSLY = re.compile(r"^\W*previously\b", re.IGNORECASE)


_THIS_EPISODE = re.compile(r"^(?:tonight(?:'s|’s)?|this (?:week|episode|hour|time)|"
                           r"this week(?:'s|’s) episode|in this episode|now,)\b", re.IGNORECASE)


_SPONSOR_HEADINGS = phrases_of(SPONSOR_HEADINGS)
_SPONSOR_READ = re.compile(rf"^{alt(SPONSOR_READ_OPENS)}\b", re.IGNORECASE)


def _sponsor_label(block: SourceBlock) -> bool:
    """A sponsor section's heading: a heading, or a line of its own ("SPONSOR")."""
    text = block.text if block.kind == "heading" else (
        block.lines[0] if block.kind == "paragraph" and len(block.lines) == 1 else "")
    return bool(text) and _label(text) in _SPONSOR_HEADINGS


def _label_line(block: SourceBlock) -> bool:
    """A one-line paragraph that labels what follows: "Links mentioned:", "FOOTNOTES"."""
    line = block.lines[0] if block.kind == "paragraph" and len(block.lines) == 1 else ""
    return bool(line) and _words(line) <= 6 and (line.rstrip().endswith(":") or line.isupper())


def _without_sponsor_reads(blocks: list[SourceBlock], ledger: Ledger) -> list[SourceBlock]:
    """The blocks less a sponsor's section (its heading and what it heads, up to the next
    heading, rule or label line) and a paragraph that opens as a sponsor read ("This
    episode is supported by ...")."""
    kept: list[SourceBlock] = []
    in_sponsor = False
    for block in blocks:
        if _sponsor_label(block):
            in_sponsor = True
            _leave_out_block(ledger, block, "sponsor read")
            continue
        if in_sponsor and block.kind in ("paragraph", "list", "quote") and not _label_line(block):
            _leave_out_block(ledger, block, "sponsor read")
            continue
        in_sponsor = False
        if block.kind == "paragraph" and _SPONSOR_READ.match(block.text.strip()):
            _leave_out_block(ledger, block, "sponsor read")
            continue
        kept.append(block)
    return kept


# A podcast chapter mark: "[12:40] The vault", "1:09:10 - Outro & next week".
_CHAPTER_MARK = re.compile(r"^[\[(]?\d{1,2}:\d{2}(?::\d{2})?[\])]?\s*[—–\-|:]?\s*(?P<text>.*)$")
_CHAPTER_MARK_LABELS = {"chapters", "chapter markers", "chapter marks", "timestamps",
                        "time stamps", "in this episode", "episode chapters", "segments"}


def _chapter_marks(lines: tuple[str, ...] | list[str]) -> bool:
    """Three or more lines, each a time stamp and a few words, no sentence: a podcast's own
    chapter list, not the recap's chapters."""
    found = [_CHAPTER_MARK.match(x.strip()) for x in lines]
    return len(lines) >= 3 and all(
        m and 1 <= _words(m.group("text")) <= 8 and not _ENDS_SENTENCE.search(m.group("text"))
        for m in found)


def _without_chapter_marks(blocks: list[SourceBlock], ledger: Ledger) -> list[SourceBlock]:
    """The blocks less show notes' chapter marks ("[12:40] The vault" line under line) with
    their label ("Chapters")."""
    kept: list[SourceBlock] = []
    for block in blocks:
        lines = block.lines if block.kind in ("paragraph", "list") else ()
        labelled = bool(lines) and _label(lines[0]) in _CHAPTER_MARK_LABELS
        if not (lines and _chapter_marks(lines[1:] if labelled else lines)):
            kept.append(block)
            continue
        if not labelled and kept and _label(kept[-1].text) in _CHAPTER_MARK_LABELS:
            _leave_out_block(ledger, kept.pop(), "chapter marks (the podcast's own)")
        _leave_out_block(ledger, block, "chapter marks (the podcast's own)")
    return kept


# An ASCII box a plain-text newsletter draws around a quote: "+-----+" rules and "|" sides.
_BOX_RULE = re.compile(r"^\s*\+[-=+]{3,}\+\s*$")
_BOX_SIDE = re.compile(r"^\s*\|(?P<inner>.*)\|\s*$")


def _unboxed(blocks: list[SourceBlock], ledger: Ledger) -> list[SourceBlock]:
    """The blocks with an ASCII box (a "QUOTE OF THE WEEK" drawn in "+---+" and "|") read
    as the block quote it holds: its border and its label line are left out."""
    out: list[SourceBlock] = []
    for block in blocks:
        lines = block.lines
        if not (block.kind == "paragraph" and len(lines) >= 3 and _BOX_RULE.match(lines[0])
                and _BOX_RULE.match(lines[-1])
                and all(_BOX_SIDE.match(x) for x in lines[1:-1])):
            out.append(block)
            continue
        inner = [(block.number(i), _BOX_SIDE.match(x).group("inner").strip())
                 for i, x in enumerate(lines) if 0 < i < len(lines) - 1]
        inner = [(at, x) for at, x in inner if x]
        for at, x in ((block.number(0), lines[0]), (block.number(len(lines) - 1), lines[-1])):
            ledger.leave_out(at, x, "box around a quote (its border and label)")
        if inner and len(inner) > 1 and _words(inner[0][1]) <= 6 and inner[0][1].isupper():
            ledger.leave_out(*inner[0], "box around a quote (its border and label)")
            inner = inner[1:]
        if inner:
            out.append(dataclasses.replace(block, kind="quote", lines=tuple(x for _, x in inner),
                                           numbers=tuple(at for at, _ in inner)))
    return out
