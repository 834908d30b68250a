"""Reads the recap's blocks in order into the script's blocks, accounting for each line."""

from __future__ import annotations

import dataclasses
import re

from recapcast.model import Block, Heading, Paragraph, Pause, Quote
from recapcast.text.ledger import Ledger
from recapcast.text.plaintext import without_emoji
from recapcast.text.recognise.blocks import _leave_out_block, _numbered
from recapcast.text.recognise.cleanup import (
    _joined,
    _narration,
    _quoted_words,
    _removed_part,
    _unquoted,
    _unshouted_label,
    _without_directions,
)
from recapcast.text.recognise.patterns import (
    _ATTRIBUTION_LINE,
    _BRACKETED_LINE,
    _DASH_DIALOGUE,
    _DATE,
    _DIALOGUE,
    _EDIT_LINK,
    _EPISODE_HEADING,
    _PAUSE,
    _PIPE_LABEL,
    _QUOTED_THEN_NAME,
    _RATING_LABEL,
    _ROMANCE_DATE,
    _SLUGLINE,
    _STARRED_DIRECTION,
    _TILDE_NAME,
    _TIMESTAMP,
    _TRANSITION,
    _sentence,
    _words,
)
from recapcast.text.recognise.phrases import _NUMBER_NAMES, _OPEN, _QUOTE_MARKS, _SECTION_LABELS
from recapcast.text.recognise.rules import (
    _furniture_line,
    _furniture_reason,
    _heading_like,
    _link_list_label,
    _listed_lines,
    _title_like,
    _without_spoiler_warning,
    _without_welcome,
)
from recapcast.text.recognise.speakers import (
    _attributed,
    _cue,
    _is_name,
    _said_line,
    _shouted,
    _speaker_name,
)
from recapcast.text.source import RecapSource, SourceBlock
from recapcast.text.titles import straight_quotes, unshouted

MAX_PAUSE_S = 30.0


class _Reader:
    def __init__(self, source: RecapSource, ledger: Ledger) -> None:
        self.source = source
        self.ledger = ledger
        self.blocks: list[Block] = []
        # each script block's first line in the recap (by id), where a rescued line goes
        self.origins: dict[int, int] = {}
        self.narration_at: list[int] = []  # the recap's line of each narration line
        self.narration_as = "narration"
        self.known: dict[str, str] = {}
        self.episode: int | None = None
        self.episode_title: str | None = None
        self.narration: list[str] = []  # paragraph lines waiting to become a Paragraph
        self.narration_line = 0
        self.after_link_label = False  # the last block was a bare "Related" label
        self.guessed_headings: set[int] = set()  # lines of sentence-case headings
        # ids of one-line "Name: line" paragraph blocks next to another such block
        self.dialogue_paragraphs: set[int] = set()
        # whether the recap's "Episode N: Title" headings name more than one episode
        self.several_episodes = False

    # dialogue ----------------------------------------------------------------------------

    def dialogue(self, line: str, run: bool) -> tuple[str, str] | None:
        """(speaker, words) when ``line`` is a line of dialogue, else None."""
        found = _DIALOGUE.match(line)
        if not found or _EPISODE_HEADING.match(line):
            return None
        name, words = found.group("name").strip(), found.group("line").strip()
        addressed = re.match(r"^(?P<who>.+?) to [A-Z][\w'’\-]+$", name)
        if addressed and _is_name(addressed.group("who")):
            name = addressed.group("who")  # 'Ines to Tobiah: "Lock it."' is Ines speaking
        who, _, where = name.partition(",")
        if where.strip()[:1].islower() and _is_name(who.strip()) and words[:1] in _OPEN + "‘'":
            name = who.strip()  # "Henrike, standing at the back of the hall: '...'"
        if words[:1] in "‘'" and words.rstrip(".")[-1:] in "’'" and len(words) > 3:
            words = f"“{words.rstrip('.')[1:-1]}”"  # British single quotes
        if not _is_name(name) and not (_shouted(name) and _is_name(name.title())):
            return None
        quoted = words[0] in _QUOTE_MARKS
        if found.group("mark") != ":" and not quoted:
            return None  # "Saoirse — the captain — ..." is narration
        if not (quoted or _shouted(name) or run or name.lower() in self.known):
            return None
        spoken = _unquoted(_without_directions(words))
        if (not quoted and not _shouted(name) and name.lower() not in self.known
                and not words.rstrip().endswith((".", "!", "?", "…")) and _is_name(spoken, 4)):
            return None  # "Star Baker: Priyanka" labels a name; nobody says "Priyanka"
        return _speaker_name(name, self.known), spoken

    def learn_speakers(self) -> None:
        """Names that speak in a shouted or quoted dialogue line anywhere in the recap."""
        for block in self.source.blocks:
            for line in block.lines if block.kind == "paragraph" else ():
                found = _DIALOGUE.match(line)
                if not found or found.group("mark") != ":":
                    continue
                name, words = found.group("name").strip(), found.group("line").strip()
                if _is_name(name) and not _shouted(name) and words[:1] in tuple(_QUOTE_MARKS):
                    self.known.setdefault(name.lower(), name)
        for block in self.source.blocks:
            for line in block.lines if block.kind == "paragraph" else ():
                found = _DIALOGUE.match(line)
                if found and _shouted(found.group("name")) and _is_name(
                        found.group("name").strip().title()):
                    name = found.group("name").strip()
                    self.known.setdefault(name.lower(), _speaker_name(name, self.known))

    # output --------------------------------------------------------------------------------

    def emit(self, block: Block, at: int) -> None:
        """Add ``block`` to the script; ``at`` is its first line in the recap."""
        self.blocks.append(block)
        self.origins[id(block)] = at

    def replace_last(self, block: Block) -> None:
        self.origins[id(block)] = self.origins.get(id(self.blocks[-1]), 0)
        self.blocks[-1] = block

    def flush(self) -> None:
        if self.narration:
            text = _narration(_joined(self.narration))
            for at, line in zip(self.narration_at, self.narration, strict=True):
                if text:
                    self.ledger.keep(at, line, self.narration_as)
                else:
                    self.ledger.leave_out(at, line, "nothing to say (marks, emoji, a tag)")
            if text:
                self.emit(Paragraph(text, self.narration_line), self.narration_at[0])
        self.narration = []
        self.narration_at = []

    def say(self, text: str, line: int, at: int, as_what: str = "narration") -> None:
        if not self.narration:
            self.narration_line = line
            self.narration_as = as_what  # a table's rows are said as narration
        self.narration.append(text)
        self.narration_at.append(at)

    def quote(self, text: str, speaker: str, line: int, at: int,
              lines: list[tuple[int, str]] | None = None) -> None:
        """A quotation by ``speaker`` from the recap's ``lines`` (``at`` and ``text`` when
        it is one line)."""
        self.flush()
        text = " ".join(without_emoji(text).split())
        speaker = " ".join(speaker.split())
        for number, line_text in lines or [(at, text)]:
            if text:
                self.ledger.keep(number, line_text, f"quote by {speaker}" if speaker
                                 else "quote")
            else:
                self.ledger.leave_out(number, line_text, "stage direction")
        if text:
            self.emit(Quote(text, speaker, line), at)

    def put_back_rescued(self) -> None:
        """The lines a rule left out that the editor taught import to keep, as narration
        where they stood in the recap."""
        for kept in self.ledger.rescued:
            index = next((i for i, b in enumerate(self.blocks)
                          if self.origins.get(id(b), 0) > kept.line), len(self.blocks))
            # "[Advertisement]" brought back is its words: a whole line in brackets would
            # be a directive to the script
            text = _narration(kept.text)
            text = text[1:-1].strip() if text[:1] == "[" and text[-1:] == "]" else text
            if not text:
                continue
            paragraph = Paragraph(text, 0)
            self.blocks.insert(index, paragraph)
            self.origins[id(paragraph)] = kept.line

    def quotable_last(self) -> bool:
        """Whether the last block is a paragraph an attribution line on its own may name:
        a quotation, or a line or two (an epigraph)."""
        last = self.blocks[-1] if self.blocks else None
        if not isinstance(last, Paragraph):
            return False
        text = last.text.strip()
        whole_quote = text[:1] in _QUOTE_MARKS and text[-1:] in _QUOTE_MARKS
        return whole_quote or _words(text) <= 25

    def heading(self, text: str, line: int, at: int) -> None:
        self.flush()
        written = text
        text = _EDIT_LINK.sub("", text).strip()
        if not text or _DATE.match(text) or _ROMANCE_DATE.match(text):
            # a blog's date header ("Sunday, 16 March 2025") names no chapter
            self.ledger.leave_out(at, written, "publication date")
            return
        if _RATING_LABEL.match(text):
            self.say(_sentence(text), line, at)  # "Rating: ★★★★★" is said, not a chapter
            self.flush()
            return
        text = " ".join(straight_quotes(text).split()) if '"' in straight_quotes(text) else text
        episode = _EPISODE_HEADING.match(text)
        if episode:
            # The chapter is named by the episode's title: the opening already says its number,
            # unless the recap covers several episodes (a two-part recap's "Episode 10: ..."
            # says where the next one starts).
            label = text[:episode.start("title")].rstrip(" :.-–—~")  # "Episode 10"
            text = title = unshouted(episode.group("title").strip().strip('"\'‘’“”').strip())
            if self.several_episodes:
                text = f"{label}: {title}"
            if self.episode is None:
                number = episode.group("n").lower()
                self.episode = (int(number) if number.isdigit()
                                else _NUMBER_NAMES.index(number) + 1)  # "Episode Six"
                self.episode_title = title
        self.ledger.keep(at, written, "heading")
        self.emit(Heading(text, line), at)

    # blocks --------------------------------------------------------------------------------

    def paragraph(self, block: SourceBlock, next_block: SourceBlock | None,
                  marked_headings: bool) -> None:
        lines = list(block.lines)
        ledger = self.ledger
        # "INT. KITCHEN - NIGHT", "CUT TO:": where the camera is, not the story
        camera = [bool(_SLUGLINE.match(x) or _TRANSITION.match(x)) for x in lines]
        if all(camera):
            _leave_out_block(ledger, block, "stage direction")
            return
        cues = [_cue(x) for x in lines]
        if any(camera) and any(cues) or (len(lines) > 1 and cues[0] and (
                sum(map(bool, cues)) > 1 or _reads_as_speech(" ".join(lines[1:])))):
            # A screenplay excerpt: LORNA / (not moving) / You've got a key, then. Several
            # cues in one block, under a slugline, each voice their own lines.
            kept = [(x, cue, block.number(i)) for i, (x, cue, cam) in
                    enumerate(zip(lines, cues, camera, strict=True)) if not cam]
            if kept and kept[0][1]:
                for i, cam in enumerate(camera):
                    if cam:
                        ledger.leave_out(block.number(i), lines[i], "stage direction")
                speaker, said = "", []
                for x, cue, at in kept + [("", "", 0)]:
                    if cue or not x:
                        if speaker and said:
                            name = _speaker_name(speaker, self.known)
                            self.quote(_without_directions(" ".join(t for _, t in said)),
                                       name, block.line, said[0][0], said)
                        if cue:
                            ledger.keep(at, x, f"speaker cue ({_speaker_name(cue, self.known)})")
                        speaker, said = cue, []
                    elif not _BRACKETED_LINE.match(x):
                        said.append((at, x))
                    else:
                        ledger.leave_out(at, x, "stage direction")
                return
        if self.after_link_label:
            self.after_link_label = False
            if all(_title_like(x) and not _DIALOGUE.match(x) for x in lines):
                # the headlines listed under a bare "Related"
                _leave_out_block(ledger, block, "site furniture: related links")
                return
        base = 0  # the block's line that lines[0] is
        if len(lines) > 1 and lines[0].strip().lower().rstrip(":") in _SECTION_LABELS:
            # "Stray observations" with its items right under it, no blank line between
            self.heading(lines[0].strip().rstrip(":"), block.line, block.number(0))
            lines = [_sentence(x) for x in lines[1:]]
            base = 1
        elif len(lines) > 1 and cues[0] and not any(camera):
            # "THE PARADE" over narration that reads as no speech: a section heading
            self.heading(_unshouted_label(lines[0].strip()), block.line, block.number(0))
            lines = lines[1:]
            base = 1
        piped = _PIPE_LABEL.match(lines[0])
        if piped:
            # "THE SALE | It's been bubbling...": a news site's section label, then its text
            self.heading(_unshouted_label(piped.group("label")), block.line,
                         block.number(base))
            lines[0] = piped.group("text")
        if _link_list_label(lines[0]) and (len(lines) == 1 or all(
                _title_like(x) for x in lines[1:])):
            # "Related" and the headlines under it, in this block or the next
            self.after_link_label = len(lines) == 1
            for offset, x in enumerate(lines):
                ledger.leave_out(block.number(base + offset), x, "site furniture: related links")
            return
        if len(lines) == 1 and _furniture_line(lines[0]):
            ledger.leave_out(block.number(base), lines[0],
                             _furniture_reason(lines[0]) or "site furniture")
            return
        if len(lines) == 1:
            heading = (_heading_like(lines[0], next_block)
                       if (block.bold or not marked_headings) or lines[0].endswith(":")
                       else None)
            if block.bold and heading is None and _words(lines[0]) <= 10 and not lines[0].endswith(
                    (".", "!", "?")):
                heading = lines[0].rstrip(":")
            if heading is None and _EPISODE_HEADING.match(lines[0]) and _words(lines[0]) <= 16:
                heading = lines[0]
            if heading is None and block.line in self.guessed_headings:
                heading = lines[0]
            if heading:
                self.heading(heading, block.line, block.number(base))
                return
        # A live blog's "9:40 PM: REYES: You don't get to..." is a line of dialogue.
        lines = [_TIMESTAMP.sub("", x) if _DIALOGUE.match(_TIMESTAMP.sub("", x)) else x
                 for x in lines]
        if len(lines) > 1 and not _without_spoiler_warning(" ".join(lines)):
            # a spoiler warning wrapped over two lines
            for offset, x in enumerate(lines):
                ledger.leave_out(block.number(base + offset), x, "spoiler warning")
            return
        if block.italic and len(self.known) >= 2 and not any(_DIALOGUE.match(x) for x in lines):
            # In a transcript whose people speak in "Name:" lines, a paragraph set in italics
            # is a stage direction ("*The bell over the door rings.*"), not narration.
            for offset, x in enumerate(lines):
                ledger.leave_out(block.number(base + offset), x, "stage direction")
            return
        shaped = sum(bool(_DIALOGUE.match(x)) for x in lines)
        run = (shaped >= 2 and shaped >= len(lines) - 1) or id(block) in self.dialogue_paragraphs
        spoken_lines = any(self.dialogue(x, run) for x in lines)
        if run and not spoken_lines:
            # "Star Baker: Priyanka" a line: labels and what they name, a sentence each
            lines = [_sentence(x) for x in lines]
        elif not spoken_lines and _listed_lines(lines):
            # A list pasted without its bullets ("1st — PRIYA" a line): a sentence a line.
            lines = [lines[0]] + [_sentence(x) for x in lines[1:]]
            if not lines[0].rstrip().endswith((":", ".", "!", "?")):
                lines[0] = _sentence(lines[0])
        for offset, line in enumerate(lines):
            number = block.line + offset if block.line else 0
            at = block.number(base + offset)
            furniture = _furniture_reason(line)
            if furniture:
                ledger.leave_out(at, line, furniture)
                continue
            written = line
            line = _without_spoiler_warning(line)
            if not line:
                ledger.leave_out(at, written, "spoiler warning")
                continue
            if line != written:
                ledger.leave_out(at, _removed_part(written, line), "spoiler warning")
            unwelcomed = _without_welcome(line)
            if not unwelcomed:
                ledger.leave_out(at, line, "call to action")
                continue
            if unwelcomed != line:
                ledger.leave_out(at, _removed_part(line, unwelcomed), "call to action")
                line = unwelcomed
            pause = _PAUSE.match(line)
            if pause:
                self.flush()
                ledger.keep(at, line, "pause")
                self.emit(Pause(min(float(pause.group("s")), MAX_PAUSE_S), number), at)
                continue
            if _BRACKETED_LINE.match(line) or _STARRED_DIRECTION.match(line):
                ledger.leave_out(at, line, "stage direction")  # "[phone buzzes]", "(beat)"
                continue
            if not _TIMESTAMP.sub("", line).strip():
                ledger.leave_out(at, line, "time stamp")  # a timestamp alone
                continue
            attribution = _ATTRIBUTION_LINE.match(line)
            speaker = _attributed(attribution.group("name")) if attribution else None
            if speaker and self.narration:
                said = _unquoted(" ".join(self.narration))
                said_lines = list(zip(self.narration_at, self.narration, strict=True))
                self.narration, self.narration_at = [], []
                self.quote(_without_directions(said), speaker, self.narration_line,
                           said_lines[0][0], said_lines)
                ledger.keep(at, line, f"attribution of a quote by {speaker}")
                continue
            last = self.blocks[-1] if self.blocks else None
            if speaker and len(lines) == 1 and isinstance(last, Quote) and not last.speaker:
                # a block quote, a blank line, then "— Name"
                self.replace_last(dataclasses.replace(last, speaker=speaker))
                ledger.keep(at, line, f"attribution of a quote by {speaker}")
                continue
            if speaker and len(lines) == 1 and self.quotable_last():
                said = self.blocks.pop()
                origin = self.origins.get(id(said), 0)
                self.quote(_without_directions(_unquoted(said.text)), speaker, said.line,
                           origin, [(origin, said.text)])
                ledger.keep(at, line, f"attribution of a quote by {speaker}")
                continue
            last = self.blocks[-1] if self.blocks else None
            if (run and isinstance(last, Quote) and not self.narration and line[:1].islower()
                    and not _DIALOGUE.match(line)):
                # a dialogue line wrapped onto the next line of the recap
                self.replace_last(Quote(f"{last.text} {_without_directions(line)}",
                                        last.speaker, last.line))
                ledger.keep(at, line, f"quote by {last.speaker}")
                continue
            said = _said_line(line)
            if said:
                self.quote(_without_directions(said[1]), _speaker_name(said[0], self.known),
                           number, at, [(at, line)])
                continue
            dashed = _DASH_DIALOGUE.match(line)
            if dashed and _is_name(dashed.group("name").strip()):
                said = " ".join(_sentence(x) for x in (dashed.group("quote"),
                                                      dashed.group("more")) if x)
                self.quote(_without_directions(said),
                           _speaker_name(dashed.group("name").strip(), self.known), number,
                           at, [(at, line)])
                continue
            spoken = self.dialogue(line, run)
            if spoken:
                if spoken[1]:
                    self.quote(spoken[1], spoken[0], number, at, [(at, line)])
                else:
                    ledger.leave_out(at, line, "stage direction")
                continue
            quoted = _QUOTED_THEN_NAME.match(line) or _TILDE_NAME.match(line)
            if quoted and _attributed(quoted.group("name")):
                before = quoted.groupdict().get("before") or ""
                if not before.strip() or before.rstrip().endswith(tuple(".!?…:;")):
                    if before.strip():
                        self.say(before, number, at)
                    self.quote(_unquoted(_without_directions(_quoted_words(quoted))),
                               _attributed(quoted.group("name")), number, at, [(at, line)])
                    continue
            self.say(line, number, at, "table row" if block.table else "narration")
        self.flush()

    def quote_block(self, block: SourceBlock) -> None:
        lines = list(block.lines)
        numbered = _numbered(block)
        speaker = ""
        if len(lines) > 1:
            last = _ATTRIBUTION_LINE.match(lines[-1])
            name = _attributed(last.group("name") if last else lines[-1])
            if name:
                speaker, lines = name, lines[:-1]
                self.ledger.keep(numbered[-1][0], numbered[-1][1],
                                 f"attribution of a quote by {speaker}")
                numbered = numbered[:-1]
        if not speaker and len(lines) == 1:
            inline = _QUOTED_THEN_NAME.match(lines[0]) or _TILDE_NAME.match(lines[0])
            name = _attributed(inline.group("name")) if inline else None
            if name and not (inline.groupdict().get("before") or "").strip():
                speaker, lines = name, [_quoted_words(inline)]
        unstarred = re.sub(r"\*+", "", " ".join(lines))
        if not speaker and not _without_spoiler_warning(unstarred).strip():
            # a boxed "**Spoilers ahead!** If you haven't watched yet, come back later."
            _leave_out_block(self.ledger, block, "spoiler warning")
            return
        if not speaker and all(self.dialogue(x, True) for x in lines):
            for offset, line in enumerate(lines):
                name, spoken = self.dialogue(line, True)
                self.quote(spoken, name, block.line + offset if block.line else 0,
                           block.number(offset), [(block.number(offset), line)])
            return
        text = _unquoted(_without_directions(" ".join(lines)))
        if not speaker and _words(text) > 80:
            # A long passage quoted with no speaker (a quoted article or letter) is read
            # as narration, not in a character's voice.
            self.say(text, block.line, block.number(0))
            self.flush()
            for at, line in numbered[1:]:
                self.ledger.keep(at, line, "narration")
            return
        self.quote(text, speaker, block.line, block.number(0), numbered)

    def list_block(self, block: SourceBlock) -> None:
        ledger = self.ledger
        if self.after_link_label:
            self.after_link_label = False
            _leave_out_block(ledger, block, "site furniture: related links")
            return  # the links listed under a bare "Related"
        if block.ordered and len(block.lines) == 1 and _heading_like(
                block.lines[0].strip(), None) and not block.lines[0].rstrip().endswith(":"):
            # "2. The Tunnels" alone, a paragraph under it: a numbered section's heading
            self.heading(block.lines[0].strip(), block.line, block.number(0))
            return
        # A list of a post's notes ("x reblogged this from y") is furniture.
        items = []
        for at, line in _numbered(block):
            furniture = _furniture_reason(line)
            if furniture:
                ledger.leave_out(at, line, furniture)
            elif not _narration(line):
                ledger.leave_out(at, line, "nothing to say (marks, emoji, a tag)")
            else:
                items.append(_sentence(_narration(line)))
                ledger.keep(at, line, "list item")
        if block.ordered:
            items = [f"{n}: {item}" for n, item in enumerate(items, start=block.first)]
        if items:
            self.flush()
            self.emit(Paragraph(" ".join(items), block.line), block.number(0))


_SPEECH_PERSON = re.compile(r"\b(?:i|i'm|i've|i'll|i'd|me|my|mine|we|we're|us|our|you|you're|"
                            r"your|yours)\b", re.IGNORECASE)


def _reads_as_speech(text: str) -> bool:
    """Whether the words under a lone shouted line read as a speech, so the line is a
    screenplay cue ("MARTA / You said you'd be here."), not a section heading over the
    narration ("THE PARADE / The float breaks down at noon."): a short line, or one that
    speaks in the first or second person or asks or exclaims."""
    text = re.sub(r"\([^()]{1,60}\)|\[[^\[\]]{1,60}\]", " ", text).replace("’", "'")
    return _words(text) <= 12 or bool(_SPEECH_PERSON.search(text)) or text.rstrip()[-1:] in "?!"
