"""The rules a single line meets without context, each named: the name is the reason
``recapcast import --explain`` prints when a line is left out."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from recapcast.text.recognise.patterns import (
    _AGE,
    _AIR_TIME,
    _BARE_HANDLE,
    _BRACKETED_LINE,
    _BYLINE,
    _CALL_TO_ACTION,
    _CAPTION,
    _CLOCK_ONLY,
    _COMMENT_COUNT,
    _CORRECTION,
    _CREDITED,
    _DASH_DIALOGUE,
    _DATE,
    _DATED,
    _DIALOGUE,
    _EDIT_LINK,
    _EPISODE_HEADING,
    _FORUM_FURNITURE,
    _HANDLE_BYLINE,
    _META_SPLIT,
    _MORE_FROM,
    _PART_HEADING,
    _PAUSE,
    _POST_INFO,
    _READ_TIME,
    _ROMANCE_DATE,
    _SENTENCE_END,
    _SIGN_OFF,
    _SLUGLINE,
    _SPOILER,
    _SPOILER_CUE,
    _STARRED_DIRECTION,
    _TAG_LINE,
    _TAGS,
    _THANKS_EDIT,
    _TIMESTAMP,
    _TOLD,
    _TRANSITION,
    _WORK_FIELD,
    _words,
)
from recapcast.text.recognise.phrases import (
    _BUTTONS,
    _FURNITURE_HEADINGS,
    _LINK_LIST_LABELS,
    _MONTH,
    _QUOTE_MARKS,
    _SECTION_LABELS,
    ACCOUNT_LINKS,
    ADVERTISEMENT,
    BUT,
    COPYRIGHT,
    FEED_FOOTER_OPENS,
    FEED_FOOTER_SAYS,
    LINK_LINE_LABELS,
    NOT_WATCHED,
    PHOTO_LABELS,
    POLL,
    RECAP_WORDS,
    REVEALS_SUBJECT,
    REVEALS_VERB,
    REVEALS_WARNING,
    WHERE_TO_WATCH,
    alt,
)
from recapcast.text.recognise.phrases_time import MONTHS
from recapcast.text.recognise.speakers import _is_name, _said_line
from recapcast.text.source import SourceBlock
from recapcast.text.titles import parse_title

# Site furniture that opens a short line, by sort (each sort a reason import names).
_FURNITURE_SORTS = (
    ("site furniture: related links", re.compile(
        rf"^{alt(LINK_LINE_LABELS)}\s*:"
        r"|^(?:next|previous|prev|up next)\s*:\s*\S.{0,120}\b(?:recap|review|episode)\b",
        re.IGNORECASE)),
    ("site furniture: photo credit", re.compile(
        rf"^\(?{alt(PHOTO_LABELS)}s?(?:\s+credit)?\s*:"
        r"|^\(?(?:photo|image)s?\s+(?:by|courtesy|credit)\b|^image for article titled\b"
        r"|^screenshot\s*:", re.IGNORECASE)),
    ("site furniture: copyright", re.compile(rf"^(?:©|\(c\)\s|{alt(COPYRIGHT)}(?!\w))",
                                             re.IGNORECASE)),
    ("site furniture: advertisement", re.compile(rf"^{alt(ADVERTISEMENT)}$", re.IGNORECASE)),
    ("site furniture: share buttons", re.compile(r"^(?:share this|like this:)", re.IGNORECASE)),
    ("site furniture: poll", re.compile(rf"^{alt(POLL)}\s*:", re.IGNORECASE)),
    ("site furniture: credits", re.compile(
        # a podcast's or a video's credits: "Hosts: ...", "Produced by ... · Artwork by ..."
        r"^(?:hosts?|co-?hosts?|guests?|producers?|executive producers?|theme music)\s*:\s*\S"
        r"|^(?:hosted|produced|edited|mixed|artwork|cover art|art|music|sound design|audio)\s+"
        r"by\s+(?-i:[A-Z@])", re.IGNORECASE)),
    ("site furniture: where to watch", re.compile(
        rf"^{alt(WHERE_TO_WATCH)}\s*:",
        re.IGNORECASE)),
    ("site furniture: grade list", re.compile(r"^(?:[A-F][+-]?\s+){3,}[A-F][+-]?$",
                                              re.IGNORECASE)),
)


# A site's menu pasted with the page: "Shows  Lists  Members  Journal  Sign in  Create account"
_ACCOUNT_LINKS = re.compile(rf"(?<!\w){alt(ACCOUNT_LINKS)}(?!\w)", re.IGNORECASE)


def _site_menu(line: str) -> bool:
    """A site's menu: a short line of capitalised links, one of them the account's (sign
    in, create account), with no sentence in it."""
    words = _ACCOUNT_LINKS.sub("", line).split()
    return (2 <= len(words) <= 12 and bool(_ACCOUNT_LINKS.search(line))
            and not re.search(r"[.!?,:;]", line)
            and all(not w[:1].isalpha() or w[:1].isupper() for w in words))


# An e-mail's link to its web copy, with or without the address: "View this email in your
# browser: https://..."
_VIEW_ONLINE = re.compile(r"^\W*(?:view|read|open) (?:this (?:e-?mail|post|issue|newsletter|"
                          r"message) )?(?:in|on) (?:your|a|the) (?:web )?(?:browser|web)\b"
                          r"(?:\s*:?\s*\S+)?\W*$|^\W*(?:view|read) (?:it |this )?online\b"
                          r"(?:\s*:?\s*\S+)?\W*$", re.IGNORECASE)


def _label(line: str) -> str:
    return _EDIT_LINK.sub("", line).strip(" *_").rstrip(":").strip().lower()


def _furniture_line(line: str) -> bool:
    """A line of site furniture on its own: an ad slot, a credit, a tag list, a handle."""
    return _furniture_reason(line) is not None


@dataclass(frozen=True)
class Rule:
    """A rule a line meets by itself, without context: ``kind`` is what import does with
    such a line, ``name`` the reason ``--explain`` prints (or what the line becomes)."""

    kind: str
    """"leave out", or "keep" for a line the rule keeps as something other than narration."""
    name: str
    test: Callable[[str], bool]


def _short(line: str, words: int) -> bool:
    return _words(line) <= words


def _bare(line: str) -> str:
    return line.strip(" *_")


def _sort(name: str) -> Rule:
    """A furniture sort of ``_FURNITURE_SORTS``: a short line (a long one that starts like
    furniture, "Share this with everyone, Marnie captions the video", is the story's)."""
    pattern = dict(_FURNITURE_SORTS)[name]
    return Rule("leave out", name, lambda line: _short(line, 12) and bool(
        pattern.match(_bare(line))))


# The line a blog's feed adds under each post: "The post X appeared first on Y." (it names
# the post's whole title, so it may be long).
_FEED_FOOTER = re.compile(
    rf"^{alt(FEED_FOOTER_OPENS)}\s.{{1,200}}\s{alt(FEED_FOOTER_SAYS)}\s+\S.{{0,80}}$",
    re.IGNORECASE)

FURNITURE_RULES = (
    *(_sort(name) for name, _ in _FURNITURE_SORTS),
    Rule("leave out", "site furniture: feed footer",
         lambda line: _short(line, 40) and bool(_FEED_FOOTER.match(_bare(line)))),
    Rule("leave out", "site furniture: photo caption",
         lambda line: _short(line, 40) and bool(_CAPTION.match(_bare(line)))),
    Rule("leave out", "site furniture: section label",
         lambda line: _label(line) in _FURNITURE_HEADINGS or bool(
             _MORE_FROM.match(_label(line)) and _words(_label(line)) <= 6)),
    Rule("leave out", "site furniture: button",
         lambda line: _label(line).rstrip(",!") in _BUTTONS or bool(_VIEW_ONLINE.match(line))),
    Rule("leave out", "site furniture: menu", _site_menu),
    Rule("leave out", "site furniture: forum votes and links",
         lambda line: bool(_FORUM_FURNITURE.match(_label(line)))),
    Rule("leave out", "site furniture: tags",
         lambda line: bool(_TAGS.match(_bare(line)) or _TAG_LINE.match(line.strip()))),
    Rule("leave out", "site furniture: handle", lambda line: bool(_BARE_HANDLE.match(
        line.strip()))),
    Rule("leave out", "site furniture: comment count",
         lambda line: bool(_COMMENT_COUNT.match(_label(line)))),
    Rule("leave out", "correction note",
         lambda line: _short(line, 60) and bool(_CORRECTION.match(_bare(line)))),
    # a schedule's one line ("Show, tous les jeudis à 21h10 sur ..."): a line that goes on
    # to say more ("... airs Wednesdays at 8. The finale is out Sept. 22.") is the writer's
    Rule("leave out", "air time",
         lambda line: _short(line, 25) and bool(_AIR_TIME.search(_bare(line))) and len(
             [x for x in _SENTENCE_END.split(_bare(line)) if x.strip()]) == 1),
    Rule("leave out", "poster's edit note", lambda line: bool(_THANKS_EDIT.match(line.strip()))),
    Rule("leave out", "call to action",
         lambda line: _short(line, 30) and bool(_CALL_TO_ACTION.search(_bare(line)))),
)
"""Site furniture, each sort a rule: the first a line meets names why it is left out."""


def _furniture_reason(line: str) -> str | None:
    """The sort of site furniture a line on its own is (the reason import names), else None."""
    return next((rule.name for rule in FURNITURE_RULES if rule.test(line)), None)


def _link_list_label(line: str) -> bool:
    label = _label(line)
    return label in _LINK_LIST_LABELS or bool(_MORE_FROM.match(label) and _words(label) <= 6)


# A month named in any language: "Publié le 3 mars", "Aktualisiert im März".
_MONTH_NAME = re.compile(rf"(?<!\w){alt(MONTHS)}(?!\w)", re.IGNORECASE)


def _meta_segment(segment: str) -> tuple[str, str]:
    """What sort of publication metadata a byline segment is ("" when none), and the
    author it names."""
    segment = segment.strip(" *_")
    byline = _BYLINE.match(segment)
    role = (byline.group("role") or "") if byline else ""
    if (byline and _words(segment) <= 12 and _is_name(byline.group("name").strip(), 5)
            and _words(role) <= 5 and not role[:1].islower()):
        return "byline", byline.group("name").strip()
    if byline and _is_name(byline.group("name").strip(), 5) and _DATED.match(role) and _words(
            segment) <= 24:
        return "byline", byline.group("name").strip()  # "By Jane Roe, published March 3, 2025"
    if _BARE_HANDLE.match(segment.strip()):
        return "byline", ""  # "@sunnivadances on Instagram" beside a byline
    if _CLOCK_ONLY.match(segment.strip()):
        return "publication date", ""  # "8:52pm AEDT" beside a byline
    if _FORUM_FURNITURE.match(segment.strip()):
        return "site furniture: forum votes and links", ""
    credited = _CREDITED.match(segment)
    if credited and _is_name(credited.group("name").strip(), 5):
        return "byline", credited.group("name").strip()
    handle = _HANDLE_BYLINE.match(segment)
    if handle:
        return "byline", handle.group("handle").lstrip("/")
    if _WORK_FIELD.match(segment):
        return "fan-fiction work header", ""
    if _DATED.match(segment) and _words(segment) <= 14 and (
            re.search(rf"\d|{_MONTH}", segment) or _MONTH_NAME.search(segment)):
        by = re.search(r"\bby\s+(?P<name>[^\W\d_][^|·•,;(]*?)\s*$", segment, re.IGNORECASE)
        name = by.group("name").strip() if by else ""
        return "publication date", name if _is_name(name, 5) else ""
    if _DATE.match(segment) or _ROMANCE_DATE.match(segment):
        return "publication date", ""
    if _READ_TIME.match(segment):
        return "reading time", ""
    if _AGE.match(segment):
        return "post age", ""
    if _COMMENT_COUNT.match(segment):
        return "site furniture: comment count", ""
    if _POST_INFO.match(segment):
        return "post information", ""
    return "", ""


def _meta_reason(line: str) -> tuple[str, str]:
    """What sort of publication metadata a whole line is (a byline, a date, a read time;
    "" when it is not), and the author it names."""
    if _words(line) > 24:
        return "", ""
    author, reasons, names = "", [], 0
    segments = _META_SPLIT.split(line.strip())
    for segment in segments:
        reason, name = _meta_segment(segment)
        if not reason and len(segments) >= 3 and not names and _words(segment) <= 2 and (
                segment[:1].isupper() and not re.search(r"[.!?,:;]", segment)):
            names += 1  # the network beside an episode's date and runtime: "Northlight+"
            continue
        if not reason:
            return "", ""
        reasons.append(reason)
        author = author or name
    # "By Ana Ruiz | March 3, 2025" is a byline with its date
    return ("byline" if "byline" in reasons else reasons[0]), author


def _meta_line(line: str) -> tuple[bool, str]:
    """Whether a whole line is a byline/date/read-time line, and the author it names."""
    reason, author = _meta_reason(line)
    return bool(reason), author


def _spoiler_warning(text: str) -> bool:
    return bool(_words(text) <= 30 and (_SPOILER.search(text) and _SPOILER_CUE.search(text)
                                        or _REVEALS.search(text)))


# A warning that says what the text gives away, without the word "spoiler": "Dieser Text
# verrät Details zur fünften Folge", "Attention, cet article dévoile des éléments clés".
_REVEALS = re.compile(
    r"^look away now\b|^(?:do not|don't) read (?:on|any further|further)\b|"
    rf"^(?:{alt(REVEALS_WARNING)}\W+)?{alt(REVEALS_SUBJECT)}\s+{alt(REVEALS_VERB)}\b",
    re.IGNORECASE)


_SPOILER_LABEL = re.compile(r"^(?:spoiler alert|spoiler warning|spoilers?)\s*[:!—–-]+\s*"
                            r"(?P<rest>\S.*)$", re.IGNORECASE)


# What a spoiler label's words say when they speak of the recap, not the plot: "Spoiler
# warning: this recap discusses the whole episode" (but "SPOILER: Kayla dies in the finale")
_ABOUT_THE_RECAP = re.compile(
    r"\bthis (?:recap|review|article|post|piece|story)\b|\bdiscuss\w*|\bahead\b|\bbelow\b|"
    r"\bfollow\b|\bcontains?\b|\bfor (?:the )?(?:whole|entire|full|latest)\b", re.IGNORECASE)


_NOT_WATCHED = re.compile(rf"(?<!\w){alt(NOT_WATCHED)}(?!\w)", re.IGNORECASE)


def _without_spoiler_warning(line: str) -> str:
    """``line`` less its spoiler warnings ("Spoilers below!"), keeping what else it says:
    "Okay so this episode was a LOT. Spoilers below!" keeps its first sentence, and
    "SPOILER ALERT: Kayla takes the job." is the plot after a label."""
    if not _spoiler_warning(line):
        return line
    kept = []
    for sentence in _SENTENCE_END.split(line):
        label = _SPOILER_LABEL.match(sentence)
        if label and not _SPOILER.search(label.group("rest")) and not _ABOUT_THE_RECAP.search(
                label.group("rest")):
            kept.append(label.group("rest"))
        elif not (_only_a_warning(sentence) or label and _words(sentence) <= 30
                  or _NOT_WATCHED.search(sentence) and _words(sentence) <= 20
                  or _label(sentence).rstrip(",!.") in _BUTTONS):  # "I can handle the truth."
            kept.append(sentence)
    return " ".join(kept)


# A newsletter's welcome to its new readers, a sentence of its opening paragraph.
_WELCOME = re.compile(r"\b(?:welcome|hello|hi)\b.{0,40}\bnew (?:subscribers|readers|members)\b",
                      re.IGNORECASE)


def _without_welcome(line: str) -> str:
    """``line`` less its sentences that welcome new subscribers ("Happy Sunday, and welcome
    to the 41 new subscribers who found us ...")."""
    if not _WELCOME.search(line):
        return line
    return " ".join(x for x in _SENTENCE_END.split(line) if not _WELCOME.search(x))


def _only_a_warning(sentence: str) -> bool:
    """A sentence that warns and tells nothing: short, no "but", and no name in it unless
    it speaks of the recap ("spoilers for Copperline season 2"): a warning that names
    people is read, so that no plot is ever dropped."""
    words = sentence.split()
    named = [w for w in words[1:] if w[:1].isupper()
             and w.strip(".,:;!?").upper() not in ("SPOILER", "SPOILERS", "WARNING", "ALERT", "I")]
    if _REVEALS.search(sentence):
        return True  # "Dieser Text verrät Details ...": says only what it gives away
    about_the_recap = _RECAP_WORD.search(sentence)
    return (len(words) <= 14 and _spoiler_warning(sentence) and (not named or about_the_recap)
            and not _BUT.search(sentence))


_RECAP_WORD = re.compile(rf"(?<!\w){alt(RECAP_WORDS)}(?!\w)", re.IGNORECASE)
_BUT = re.compile(rf"(?<!\w){alt(BUT)}(?!\w)", re.IGNORECASE)


def _prose(line: str, next_line: str = "") -> bool:
    """A line that reads as the start of the story, not a title: it holds two sentences
    ("In episode 12, Marta pays. She counts ..."), or it breaks off mid-sentence and the
    next line goes on in lower case (a wrapped paragraph)."""
    sentences = [x for x in _SENTENCE_END.split(line.strip()) if _words(x) >= 2]
    return len(sentences) >= 2 or bool(
        next_line[:1].islower() and _words(next_line) >= 4
        and not line.rstrip().endswith((".", "!", "?", ":", "…"))
        and not _meta_line(next_line)[0] and not _furniture_line(next_line))


def _title_like(line: str) -> bool:
    return (parse_title(line) is not None
            or (_words(line) <= 15 and not line.rstrip().endswith((".", ",", ";", ":"))
                and not _DIALOGUE.match(line)))


def _heading_like(line: str, next_block: SourceBlock | None) -> str | None:
    """The heading a plain single line makes (``Stray observations:`` -> its label), else None."""
    text = line.strip()
    if not text or _words(text) > 8 or len(text) > 70 or not (text[0].isupper() or
                                                               text[0].isdigit()):
        return None
    if _BRACKETED_LINE.match(text) or _TIMESTAMP.match(text) or _meta_line(text)[0]:
        return None
    if _PART_HEADING.match(text) or text.lower().rstrip(":") in _SECTION_LABELS:
        return text.rstrip(":")
    if text.endswith(":"):
        label = text[:-1].strip()
        if sum(_words(x) >= 1 for x in _SENTENCE_END.split(label)) >= 2:
            return None  # "Her list has nine items. Among them:": a lead-in, narration
        followed_by_list = next_block is not None and next_block.kind == "list"
        return label if label and (_words(label) <= 5 or followed_by_list) else None
    if text[-1] in ".,;!…" or text[-1] in _QUOTE_MARKS or ": " in text and not (
            _PART_HEADING.match(text) or _EPISODE_HEADING.match(text)):
        return None
    if _DIALOGUE.match(text) and not _EPISODE_HEADING.match(text):
        return None
    # "The Signal Box" is a heading; "Cut to black" is a line of narration.
    if not all(not w[:1].isalpha() or w[:1].isupper() or len(w) <= 3
               for w in text.split()) and not _EPISODE_HEADING.match(text):
        return None
    return text


_LIST_ITEM = re.compile(r"^(?:[A-Z][A-Z'’\-]+(?: [A-Z][A-Z'’\-]+)?|\d+\w{0,2})\s*[—–:]\s")


def _listed_lines(lines: list[str]) -> bool:
    """Whether a block's lines are a list's items, not a wrapped paragraph: three or more
    short lines that each start with a capital or a digit and end without a comma."""
    items = lines[1:] if lines and lines[0].rstrip().endswith(":") else lines
    if len(items) < 3 or any(x.rstrip().endswith((",", ";", "-", "—")) for x in items):
        return False
    # Short lines, or lines that each open with a name in capitals or a number and a dash
    # ("PRIYA — silver catsuit ... 26/30"), as results and scores are listed.
    return (all(_words(x) <= 8 and (x[:1].isupper() or x[:1].isdigit()) for x in items)
            or all(_LIST_ITEM.match(x) and _words(x) <= 30 for x in items))


def _header_line(line: str) -> bool:
    """A short line of an article's header: a name, a kicker, a rating, no sentence."""
    return (_words(line) <= 6 and not line.rstrip().endswith((".", "!", "?", ":", ","))
            and not _DIALOGUE.match(line) and line[:1].isupper())


_ENDS_SENTENCE = re.compile(r"[.!?…][\"”’')\]]*$")


LONG_LINE = 100
"""Characters: a line longer than any an editor wraps at is a paragraph of its own."""


def _meta_rule(name: str) -> Rule:
    return Rule("leave out", name, lambda line: _meta_reason(line)[0] == name)


def _stage_direction(line: str) -> bool:
    return bool(_BRACKETED_LINE.match(line) or _STARRED_DIRECTION.match(line)
                or _SLUGLINE.match(line) or _TRANSITION.match(line))


LINE_RULES = (
    *FURNITURE_RULES,
    *(_meta_rule(name) for name in ("byline", "publication date", "reading time",
                                    "post age", "post information", "fan-fiction work header")),
    Rule("leave out", "spoiler warning", lambda line: not _without_spoiler_warning(line)),
    Rule("keep", "pause", lambda line: bool(_PAUSE.match(line))),  # bracketed, not a direction
    Rule("leave out", "stage direction", _stage_direction),
    Rule("leave out", "time stamp", lambda line: not _TIMESTAMP.sub("", line).strip()),
    Rule("leave out", "sign-off", lambda line: _short(line, 60) and bool(
        _SIGN_OFF.search(line)) and not _TOLD.search(line)),
    Rule("keep", "quote by its speaker", lambda line: _said_line(line) is not None or bool(
        _DASH_DIALOGUE.match(line))),
    Rule("keep", "heading", lambda line: _heading_like(line, None) is not None),
)
"""What a line is by itself, rule by rule, first met first: the context pass then decides
where a rule holds (a sign-off only at the end, a byline only above the story, a
heading-like line only between paragraphs). A line no rule meets is narration."""


def line_rule(line: str) -> Rule | None:
    """The first rule of ``LINE_RULES`` a line meets by itself, else None (narration)."""
    return next((rule for rule in LINE_RULES if rule.test(line)), None)
