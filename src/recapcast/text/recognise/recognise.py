"""Recognises what each part of a recap is: title, byline, chapters, dialogue, narration.

Works on the source blocks of any format (text, Markdown, a web page's article), so a
recap's structure is found the same way whatever it was written in. What it cannot tell
apart stays narration; only what it recognises as not part of the recap (bylines, dates,
spoiler warnings, timestamps, stage directions, sign-offs, site furniture) is left out,
each line with the named rule that left it out.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

from recapcast.model import Block, Heading, Paragraph
from recapcast.text.ledger import Kept, Learned, Ledger, LeftOut
from recapcast.text.plaintext import without_emoji
from recapcast.text.recognise.blocks import _from_line, _leave_out_block, _numbered
from recapcast.text.recognise.closing import _without_comments, _without_sign_off
from recapcast.text.recognise.front import _front_matter, _without_leading_furniture
from recapcast.text.recognise.furniture_blocks import (
    _furniture_block,
    _without_chapter_marks,
    _without_furniture_headings,
    _without_learned,
    _without_sponsor_reads,
)
from recapcast.text.recognise.layout import _single_spaced, _unboxed
from recapcast.text.recognise.neighbours import (
    _SAYS_PREVIOUSLY,
    _dialogue_paragraphs,
    _sentence_case_headings,
    _with_previously,
)
from recapcast.text.recognise.patterns import _SOCIAL_POST_SIGNED, _words
from recapcast.text.recognise.reader import _Reader
from recapcast.text.recognise.rules import (
    _furniture_line,
    _furniture_reason,
    _meta_line,
    _prose,
    _site_menu,
    _title_like,
)
from recapcast.text.recognise.sections import the_recap_section
from recapcast.text.recognise.title import (
    _best_title,
    _from_lead,
    _from_opening,
    _numbers_line,
    _page_author,
    _recap_line,
    _running_header_above_title,
    _several_episodes,
    _title_at,
    _without_repeated_title,
)
from recapcast.text.source import RecapSource, SourceBlock
from recapcast.text.speakable import split_sentences
from recapcast.text.titles import (
    TitleParts,
    parse_title,
    show_from_previously,
    unshouted,
    wiki_show,
)


@dataclass(frozen=True)
class Recognised:
    """A recap's parts: what its title says, who wrote it, and its blocks as narration."""

    parts: TitleParts
    title_line: str = ""
    """The title line as written ("" when the recap has none)."""
    author: str = ""
    blocks: tuple[Block, ...] = field(default_factory=tuple)
    summary: str = ""
    kept: tuple[Kept, ...] = ()
    """Every line in the script, as what it became (title line, heading, narration ...)."""
    left_out: tuple[LeftOut, ...] = ()
    """Every line not in the script, with the named rule that left it out."""
    extractor_removed: int | None = None
    """For a web page: lines of its text the main-content extractor left behind (None for
    a text or Markdown recap)."""


def recognise(source: RecapSource, learned: Learned | None = None) -> Recognised:
    """What a recap's blocks are, in order, what its title and byline say, and an account
    of every line: kept as what, or left out why. ``learned`` is what the editor's
    corrections of this show's earlier imports taught (furniture to leave out, lines to
    keep)."""
    ledger = Ledger(learned)
    for outside in source.outside:
        if outside.kept:
            ledger.keep(outside.line, outside.text, outside.reason)
        else:
            ledger.leave_out(outside.line, outside.text, outside.reason)
    source = dataclasses.replace(source, blocks=the_recap_section(source.blocks, ledger))
    blocks = _without_site_menu(_without_furniture(source, ledger), ledger)
    # A forum's subreddit, poster and age above the title: front matter, not the title.
    lead: list[SourceBlock] = []
    while blocks and blocks[0].kind == "paragraph" and all(
            _meta_line(x)[0] or _furniture_line(x) for x in blocks[0].lines):
        lead.append(blocks.pop(0))
    parts, title_line, blocks = _title(source, blocks, ledger)
    parts, blocks = _numbers_line(parts, _without_leading_furniture(blocks, ledger), ledger)
    blocks, author = _front_matter(lead + blocks, ledger)
    parts = _from_opening(parts, blocks)
    blocks = _without_sign_off(blocks, ledger)
    blocks = _without_repeated_title(blocks, parts, ledger)
    reader = _read(source, blocks, ledger)
    parts = _from_lead(_with_episode(source, parts, reader), reader.blocks, title_line)
    body = _with_previously(reader.blocks, parts.episode)
    if source.removed is None and source.author.strip():
        # A post's own front matter ("author: Priya Raman") is what its writer set down;
        # a byline in its text ("Posted by Priya") is a shorter, looser form of it.
        author = _page_author(source.author)
    author = author or _page_author(source.author)
    return Recognised(parts=parts, title_line=title_line, author=author, blocks=tuple(body),
                      summary=_summary(source.summary, body), kept=ledger.kept,
                      left_out=ledger.left_out, extractor_removed=source.removed)


def _without_furniture(source: RecapSource, ledger: Ledger) -> list[SourceBlock]:
    """The blocks less what the editor taught to leave out, furniture headings with what
    they head, the comments, and blocks made only of furniture lines; single-spaced
    paragraphs parted."""
    blocks = _single_spaced(_without_learned(source.blocks, ledger))
    kept = []
    blocks = _without_furniture_headings(tuple(blocks), ledger)
    blocks = _without_chapter_marks(_without_sponsor_reads(blocks, ledger), ledger)
    blocks = _unboxed(blocks, ledger)
    for block in _without_comments(blocks, ledger):
        if _furniture_block(block):
            for at, line in _numbered(block):
                ledger.leave_out(at, line, _furniture_reason(line) or "site furniture")
        else:
            kept.append(block)
    return kept


def _without_site_menu(blocks: list[SourceBlock], ledger: Ledger) -> list[SourceBlock]:
    """The blocks less a pasted page's menu at the top ("Shows Lists Sign in Create
    account") and the site's name above it."""
    first = blocks[0] if blocks and blocks[0].kind == "paragraph" else None
    lines = first.lines[:3] if first else ()
    menu = next((i for i, x in enumerate(lines) if _site_menu(x)), None)
    if first is None or menu is None or any(_words(x) > 4 for x in first.lines[:menu]):
        return blocks
    for at, line in _numbered(first)[:menu + 1]:
        ledger.leave_out(at, line, "site furniture: menu")
    rest = _from_line(first, menu + 1)
    return ([rest] if rest.lines else []) + blocks[1:]


def _title(source: RecapSource, blocks: list[SourceBlock], ledger: Ledger
           ) -> tuple[TitleParts, str, list[SourceBlock]]:
    """The title line (the page's, the first heading, or the line of the first paragraph
    that says most), what it says, and the blocks under it."""
    title_lines = list(source.titles)
    headline: tuple[int, str] | None = None  # the title line in the recap's own text
    kicker = ""  # the one title-like line above it
    if not title_lines and _running_header_above_title(blocks):
        # A running header above the title ("SCREEN QUARTERLY   Winter 2027"), as text
        # copied from a PDF has it: not the title, not narration.
        _leave_out_block(ledger, blocks[0], "running header")
        blocks = blocks[1:]
    if blocks:
        first = blocks[0]
        if first.kind == "heading" and first.level == 1:
            title_lines.append(first.text)
            headline = (first.number(0), first.text)
            blocks = blocks[1:]
        elif not title_lines and first.kind == "paragraph" and first.lines and (_title_like(
                first.lines[0]) or _named_above_episode(first.lines)) and (
                len(first.lines) > 1 or len(blocks) > 1) and not _prose(
                first.lines[0], first.lines[1] if len(first.lines) > 1 else ""):
            # Of the first lines, the one that says most is the title ("Review by marguerite
            # ★★★½" above "Fernhollow 1x01 — "Pilot""); the title-like lines above it go.
            at = 1 if _named_above_episode(first.lines) else _title_at(first.lines[:3])
            kicker = first.lines[0] if at == 1 else ""
            title_lines.append(first.lines[at])
            headline = (first.number(at), first.lines[at])
            for index in range(at):
                ledger.leave_out(first.number(index), first.lines[index],
                                 "kicker above the title")
            rest = dataclasses.replace(_from_line(first, at + 1), bold=False, italic=False)
            blocks = ([rest] if rest.lines else []) + blocks[1:]
    parts, title_line = _best_title(title_lines, source.site)
    if (headline is not None and headline[1] == title_line and parts.show is None
            and parts.title and parts.episode is not None and kicker
            and _words(kicker) <= 6 and _title_like(kicker) and not _meta_line(kicker)[0]):
        # 'The Quiet Republic' above 'Season 1 · Episode 5 · "Census"': the show's name
        parts = dataclasses.replace(parts, show=unshouted(kicker.strip()))  # 'FATHOM LINE'
    parts, title_line, blocks = _recap_line(parts, title_line, blocks, ledger)
    if headline is not None:
        if headline[1] == title_line:
            ledger.keep(*headline, "title line")
        else:
            ledger.leave_out(*headline, "headline (a line below names the episode)")
    return parts, title_line, blocks


def _named_above_episode(lines: tuple[str, ...]) -> bool:
    """A short name line ("Lane Changers: A Marrow Lane Podcast", shaped like a line of
    dialogue) above a line that names a show and its episode: the podcast's or site's name
    above the title."""
    if len(lines) < 2 or _words(lines[0]) > 8 or lines[0].rstrip().endswith((".", "!", "?")):
        return False
    below = parse_title(lines[1])
    return below is not None and bool(below.show) and below.episode is not None


def _read(source: RecapSource, blocks: list[SourceBlock], ledger: Ledger) -> _Reader:
    """The recap's blocks read in order into the script's blocks."""
    reader = _Reader(source, ledger)
    reader.learn_speakers()
    marked = any(b.kind == "heading" for b in blocks)
    if not marked:
        reader.guessed_headings = _sentence_case_headings(blocks)
    reader.dialogue_paragraphs = _dialogue_paragraphs(blocks)
    reader.several_episodes = _several_episodes(blocks)
    for index, block in enumerate(blocks):
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        if block.kind == "heading":
            text = block.text
            if text.endswith(".") and _words(text) > 6:
                reader.say(text, block.line, block.number(0))  # a sub-title sentence
                reader.flush()
            else:
                reader.heading(text.rstrip(":"), block.line, block.number(0))
        elif block.kind == "paragraph":
            reader.paragraph(block, following, marked)
        elif block.kind == "quote" and _SOCIAL_POST_SIGNED.search(block.text.strip()):
            _leave_out_block(reader.ledger, block, "embedded social post")
        elif block.kind == "quote":
            reader.quote_block(block)
        elif block.kind == "list":
            reader.list_block(block)
    reader.flush()
    reader.put_back_rescued()
    return reader


def _with_episode(source: RecapSource, parts: TitleParts, reader: _Reader) -> TitleParts:
    """The title's parts with the show and episode the rest of the recap names when the
    title line did not."""
    show = parts.show
    if show is None:
        show = next((s for b in source.blocks for s in [show_from_previously(b.text)] if s), None)
    if show is None:
        show = wiki_show(source.site or "")  # a fan wiki is named for its show
    if parts.episode is None and reader.episode is not None:
        # "Marrow Bay, Season 4 – A Recap in Their Own Words" then "Episode 11: The Night
        # Ferry": the heading names the episode, the title line the article
        return TitleParts(show, parts.season, reader.episode, reader.episode_title or
                          parts.title)
    if parts.title is None and reader.episode_title and reader.episode == parts.episode:
        return TitleParts(show, parts.season, parts.episode, reader.episode_title)
    return TitleParts(show, parts.season, parts.episode, parts.title)


def _summary(description: str, blocks: list[Block]) -> str:
    """The page's description, else the first two sentences of the first narration paragraph
    (not the "Previously" one)."""
    if description.strip():
        return " ".join(without_emoji(description).split())
    chapter = ""
    for block in blocks:
        if isinstance(block, Heading):
            chapter = block.text
        elif (isinstance(block, Paragraph) and chapter != "Previously"
              and not _SAYS_PREVIOUSLY.match(block.text) and _words(block.text) >= 12):
            # the speech stage's sentences: "The No. 9 freight", "la Sra. Ibáñez", "der 3.
            # Folge" do not end at their abbreviation
            return " ".join(split_sentences(block.text)[:2]).strip()
    # A recap of short paragraphs only, or all of it under "Previously": its first words
    # still say more in an app than no summary at all.
    first = next((b.text for b in blocks if isinstance(b, Paragraph)), "")
    return " ".join(first.split()[:60])
