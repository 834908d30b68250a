"""The account import keeps of a recap: every line either kept, as what it became, or left
out with a named reason.

Every rule that leaves a line out does so through ``Ledger.leave_out``, the one place where
what the editor taught (``Learned.keeps``) overrides it; so a user can see every line import
did not narrate, and why, and no rule can drop a line an editor brought back.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

__all__ = ["BROUGHT_BACK", "REASONS", "Kept", "Learned", "Ledger", "LeftOut"]

BROUGHT_BACK = "narration (the editor kept such a line)"
"""What a line becomes that a rule left out but the editor taught import to keep."""


REASONS = {
    # who wrote it and when
    "byline": "who wrote the recap (the author goes into the episode's metadata)",
    "publication date": "when the page went up or was last changed",
    "reading time": "\"7 min read\"",
    "post age": "a forum post's age (\"3 hours ago\")",
    "post information": "what a fan site's post line says beside its author",
    "fan-fiction work header": "an archive's fields above a work (\"Fandom: ...\")",
    "article header (kicker, rating, show name)": "a short line among the byline's",
    "kicker above the title": "a title-like line above the title line",
    "headline (a line below names the episode)": "a catchy headline, the title is below",
    "running header": "a PDF page's running header, a document's header on each page",
    "page number": "a document's \"Page 2 of 3\" line, printed at each page's foot",
    "the draft's note on itself": "a document's \"last saved ...\", \"approx. 780 words\" line",
    "review comment": "a reviewer's comment a word processor saves inline (\"[Comment IS1: ...]\")",
    "another section of the document": "a newsletter's sections around the one recap",
    "repeated title": "a heading that only says the title or the numbers again",
    # what the recap is not
    "spoiler warning": "a warning that tells nothing of the story",
    "stage direction": "[phone buzzes], (beat), a slugline, a transcript's italics",
    "time stamp": "a live blog's clock time alone",
    "sign-off": "the writer's goodbye after the recap",
    "signature": "the writer's name under the sign-off",
    "call to action": "subscribe, comment, share, send tips",
    "poster's edit note": "\"Edit: thanks for the gold\"",
    "comment section": "the comments under the recap",
    "someone else's reply": "another person's message in a chat, thread or e-mail",
    "chat message header": "a chat message's name and time",
    "post header": "a social post's name and handle above it",
    "post counts and buttons": "a social post's \"14 boosts · 37 favourites\", \"Reply Boost\"",
    "post number": "a thread's \"2/9\" at a post's end",
    "chat reactions": "a chat's reaction counts and \"(edited)\" marks",
    "before the recap": "chat lines above the recapper's first message",
    "e-mail header": "From:, Date:, Subject: ...",
    "the forwarder's note": "the lines of whoever forwarded the recap",
    "back matter (references, notes)": "a reference page's notes and sources",
    "table of contents": "a page's contents list",
    "cast list": "a guide's list of who plays whom, under its \"Cast\" heading",
    "video description": "a video page's description above its transcript",
    "site chrome (a wiki's menus and infobox)": "a wiki page's lines above its lead, as copied",
    "image and its caption": "an image and its italic caption",
    "template shortcode (an embed)": "a static site's \"{{< youtube ... >}}\" line",
    "link address": "a Markdown link's address on its own line",
    # a writer's own document (a note app's page, an editor's export)
    "page properties": "a note page's property lines under its title (\"Status: Draft\")",
    "callout (a note beside the text)": "a note box: Notion's <aside>, Obsidian's > [!note]",
    "toggle (folded away on the page)": "a Notion toggle: a list item with its body below it",
    "to-do item": "a checklist's item, \"- [ ]\" or \"- [x]\"",
    "code or query block": "a fenced block in a language: code, a dataview query",
    "personal notes": "a section the writer keeps for themselves (\"My notes\", \"To do\")",
    # a big site's notes around the article
    "correction note": "\"An earlier version of this recap misstated ...\"",
    "embedded social post": "a post quoted from a social network, signed with its handle or date",
    "air time": "when and where the show airs (\"Thursdays at 9 on ...\")",
    "nothing to say (marks, emoji, a tag)": "a line with no words to say",
    # a site's furniture, by sort
    "site furniture": "a site's furniture of no sort named below",
    "site furniture: related links": "\"Read more: ...\", the headlines under \"Related\"",
    "site furniture: photo credit": "\"Photo: ...\"",
    "site furniture: photo caption": "\"Pictured: ... Photo: ...\"",
    "site furniture: copyright": "\"© 2027 ...\"",
    "site furniture: advertisement": "\"Advertisement\", \"Sponsored\"",
    "site furniture: share buttons": "\"Share this:\"",
    "site furniture: poll": "\"Poll: ...\"",
    "site furniture: feed footer": "\"The post ... appeared first on ...\" under a feed's post",
    "site furniture: grade list": "a row of letter grades",
    "site furniture: section label": "\"Comments\", \"More from ...\"",
    "site furniture: button": "\"Subscribe now\", \"Continue reading\"",
    "site furniture: forum votes and links": "\"1.4k\", \"Reply Share Report\"",
    "site furniture: tags": "\"Tags: ...\", \"#a #b\"",
    "site furniture: handle": "\"@name on Instagram\"",
    "site furniture: comment count": "\"12 Comments\"",
    "site furniture: where to watch": "\"Where to watch: ...\" on a tracking site",
    "site furniture: menu": "a site's menu with its sign-in links",
    "site furniture: breadcrumb": "a forum's or site's path to the page (\"Forums > TV > Show\")",
    "site furniture: credits": "a podcast's hosts, guests and producers",
    "sponsor read": "a sponsor's section or read, with its promo code",
    "box around a quote (its border and label)": "a plain-text newsletter's \"+---+\" box",
    "chapter marks (the podcast's own)": "show notes' \"[12:40] The vault\" list",
}
"""Every reason a rule leaves a line out for, and what it means; an editor's learned rule
is cited as "learned from the editor (EPISODE): SHAPE"."""


@dataclass(frozen=True)
class LeftOut:
    """A line (or part of one) import did not put in the script, and the rule why."""

    line: int
    """Its line in the recap (1-based; a web page's: the extracted article's); 0 unknown."""
    text: str
    reason: str
    """The named rule: "byline", "spoiler warning", "site furniture: related links"..."""


@dataclass(frozen=True)
class Kept:
    """A line that is in the script, and what it became there."""

    line: int
    text: str
    as_what: str
    """"title line", "heading", "narration", "quote by Mara", "list item", "table row",
    "metadata: author"..."""


class Learned(Protocol):
    """What an editor's corrections taught import about one show's recaps."""

    def leaves_out(self, text: str) -> str | None:
        """The learned rule's citation when a whole line is furniture of a learned shape."""

    def keeps(self, text: str) -> bool:
        """Whether the editor brought such a line back, so no rule may leave it out."""


class Ledger:
    """Collects what happened to each line of one recap during recognition."""

    def __init__(self, learned: Learned | None = None) -> None:
        self.learned = learned
        self._left: list[LeftOut] = []
        self._kept: list[Kept] = []
        self.rescued: list[Kept] = []
        """Lines a rule left out that the editor taught import to keep: put back as
        narration where they stood."""

    def leave_out(self, line: int, text: str, reason: str) -> None:
        """Leave ``text`` (at ``line``) out of the script for ``reason``, the one way any
        rule drops a line; a line like one the editor brought back is kept instead."""
        text = " ".join(text.split())
        if not text:
            return
        if self.learned is not None and self.learned.keeps(text):
            self.rescued.append(Kept(line, text, BROUGHT_BACK))
            return
        self._left.append(LeftOut(line, text, reason))

    def leave_out_lines(self, numbered: list[tuple[int, str]], reason: str) -> None:
        for line, text in numbered:
            self.leave_out(line, text, reason)

    def keep(self, line: int, text: str, as_what: str) -> None:
        text = " ".join(text.split())
        if text:
            self._kept.append(Kept(line, text, as_what))

    @property
    def left_out(self) -> tuple[LeftOut, ...]:
        """What was left out, in the recap's order."""
        return tuple(sorted(dict.fromkeys(self._left), key=lambda x: x.line))

    @property
    def kept(self) -> tuple[Kept, ...]:
        """What was kept, in the recap's order (a line named once per thing it became)."""
        return tuple(sorted(dict.fromkeys(self._kept + self.rescued), key=lambda x: x.line))
