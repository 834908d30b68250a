"""Recognises what each part of a recap is: title, byline, chapters, dialogue, narration.

Works on the source blocks of any format (text, Markdown, a web page's article), so a
recap's structure is found the same way whatever it was written in. What it cannot tell
apart stays narration; only what it recognises as not part of the recap (bylines, dates,
spoiler warnings, timestamps, stage directions, sign-offs, site furniture) is left out.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field

from recapcast.model import Block, Heading, Paragraph, Pause, Quote
from recapcast.text.ledger import Kept, Learned, Ledger, LeftOut
from recapcast.text.plaintext import without_emoji
from recapcast.text.source import RecapSource, SourceBlock
from recapcast.text.speakable import split_sentences
from recapcast.text.titles import (
    TitleParts,
    parse_title,
    show_from_previously,
    straight_quotes,
    unshouted,
    wiki_show,
)

__all__ = ["Kept", "LeftOut", "Recognised", "recognise"]

MAX_PAUSE_S = 30.0


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


# --- words and names -------------------------------------------------------------------------

_PARTICLES = {"de", "da", "do", "dos", "das", "del", "della", "di", "du", "van", "von", "der",
              "den", "ter", "la", "le", "ní", "nic", "ó", "ua", "mac", "mc", "bin", "ibn",
              "al", "el", "y", "af", "zu", "st.", "of"}
# Words that end in a colon as labels, not as a speaker's name.
_LABELS = {
    # a fan-fiction archive's work header
    "relationship", "relationships", "character", "characters", "fandom", "fandoms",
    "archive warning", "archive warnings", "category", "categories", "language", "words",
    "chapters", "kudos", "hits", "bookmarks", "tags", "additional tags", "series",
    "rating", "ratings", "verdict", "warning", "note", "notes", "update", "updated", "edit",
    "editor's note", "spoiler", "spoilers", "spoiler warning", "spoiler alert", "grade",
    "score", "scores", "previously", "next week", "next time", "also", "plus", "bonus",
    "source", "sources", "photo", "photos", "image", "credit", "credits", "cast", "starring",
    "written", "directed", "director", "writer", "writers", "air date", "aired", "runtime",
    "genre", "network", "season", "episode", "part", "act", "chapter", "scene", "question",
    "answer", "q", "a", "tl;dr", "tldr", "summary", "recap", "review", "final thoughts",
    "best line", "quote", "quote of the week", "mvp", "stray observations", "the good",
    "the bad", "the ugly", "pros", "cons", "read more", "related", "watch", "listen",
    "location", "time", "date", "setting", "song", "music", "soundtrack", "bottom line",
    "overall", "standout", "highlights", "lowlights", "observations", "thoughts", "meanwhile",
    "later", "elsewhere", "today", "tonight", "now", "first", "second", "third", "finally",
    "lesson", "moral", "fun fact", "trivia", "tip", "ps", "p.s", "nb", "fyi", "round",
    "challenge", "twist", "winner", "loser", "eliminated", "result", "results", "vote",
    "votes", "immunity", "reward", "who went home", "caption", "via", "featured",
}
_SECTION_WORDS = {"part", "act", "chapter", "round", "day", "night", "week", "episode",
                  "season", "series", "scene", "previously", "next", "last", "this"}
# The sections a review is written in, whatever their case: "Stray observations".
_SECTION_LABELS = {"stray observations", "final thoughts", "the verdict", "bottom line",
                   "the bottom line", "what worked", "what didn't work", "what happened",
                   "the good", "the bad", "the ugly", "odds and ends", "loose ends",
                   "best line", "best lines", "quote of the week", "mvp", "observations",
                   "previously", "next week", "next time", "the recap", "the review",
                   "spoiler-free summary", "our verdict", "the episode", "what didn't",
                   "the highlights", "highlights",
                   "lowlights", "random thoughts", "other thoughts", "odds & ends"}
_LABEL_WORDS = {"week", "winner", "winners", "challenge", "result", "results", "score",
                "scores", "verdict", "grade", "rating", "ratings", "eliminated", "round",
                "episode", "season", "immunity", "reward", "vote", "votes", "standings",
                "baker", "runner-up", "runners-up", "finalist", "finalists", "champion",
                "bottom", "safe", "host", "hosts", "judge", "judges", "guest", "guests"}
_NAME_WORD = re.compile(r"^[^\W\d_][\w'’.\-]*$")


def _is_name(text: str, max_words: int = 4) -> bool:
    words = text.split()
    if not 1 <= len(words) <= max_words or text.lower().rstrip(".") in _LABELS:
        return False
    if not all(_NAME_WORD.match(w) for w in words) or not words[0][0].isupper():
        return False
    if words[0].lower() in _SECTION_WORDS:
        return False  # "PART ONE: THE CLIMB" is a heading, not a speaker
    if any(w.lower() in _LABEL_WORDS for w in words) or (
            len(words) > 2 and any(w.lower() in ("of", "the") for w in words[1:])):
        return False  # "GARMENT OF THE WEEK: AUGUSTINE" names an award, not who speaks
    return all(w[0].isupper() or w.lower() in _PARTICLES for w in words)


def _attributed(name: str) -> str | None:
    """The speaker an attribution names ("Ewan Gillespie, the vanished keeper" -> the name)."""
    name = name.strip().rstrip(".")
    head, _, role = name.partition(",")
    if _SAYING.match(role.strip()):
        return None  # "— Non, dit Capucine.": a line of dialogue, not a quotation's source
    if _is_name(head.strip(), 5) and (not role or role.strip()[:1].islower()
                                      or _words(role) <= 6):
        return head.strip()
    return None


def _shouted(name: str) -> bool:
    letters = [c for c in name if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _speaker_name(name: str, known: dict[str, str]) -> str:
    name = " ".join(name.split())
    if name.lower() in known:
        return known[name.lower()]
    if _shouted(name):
        # RADU -> Radu, MAC GIOLLA -> Mac Giolla; keep the apostrophe's next letter low.
        name = " ".join(w[:1] + w[1:].lower() for w in name.split())
    return name


# --- patterns ----------------------------------------------------------------------------------

_QUOTE_MARKS = "\"“”„«»"
_DIALOGUE = re.compile(
    r"^(?P<name>[^:\"“”()\[\]\d]{1,60}?)\s*(?:[(\[](?P<direction>[^)\]]{1,40})[)\]])?\s*"
    r"(?P<mark>:|—|–|--)\s*(?P<line>\S.*)$")
_STAGE_DIRECTION = re.compile(r"\s*(?:\[[^\[\]]{1,60}\]|\([^()]{1,40}\))\s*")
# "*lights flicker*" alone on its line: a stage direction set in asterisks
_STARRED_DIRECTION = re.compile(r"^\s*[*_][a-z][^*_]{0,60}[*_]\s*$")
_BRACKETED_LINE = re.compile(r"^\s*[\[(][^\])]{1,80}[\])]\s*$")
_PAUSE = re.compile(r"^\[pause\s+(?P<s>\d+(?:\.\d+)?)\s*s?\]$", re.IGNORECASE)
_INLINE_DIRECTION = re.compile(r"\s*\[(?:[a-z][^\[\]]{0,40}|\d{1,2}:\d{2}(?::\d{2})?)\]")
_TIMESTAMP = re.compile(
    # a live blog's "8:58 PM:" or "9:15 p.m. ET —": a clock time with its mark after it
    r"^[\[(]?\d{1,2}:\d{2}\s*[apAP]\.?\s?[mM]\.?(?:\s+[A-Z]{2,4})?[\])]?\s*[—–\-|:]+\s*"
    # "(7:02pm) Adaeze opens ...": a clock time in brackets
    r"|^[\[(]\d{1,2}[:.]\d{2}\s*(?:[apAP]\.?\s?[mM]\.?)?(?:\s+[A-Z]{2,4})?[\])]\s*"
    r"|^[\[(]?\d{1,2}:\d{2}(?::\d{2})?[\])]?(?!\s*(?:[apAP]\.?\s?[mM]\b|o'clock))\s*"
    r"(?:[—–\-|:]+\s*)?")
_ATTRIBUTION_LINE = re.compile(r"^(?:—|–|--|―|~)\s*(?P<name>[^—–~]{1,60}?)\s*$")
_QUOTED_THEN_NAME = re.compile(
    r"^(?P<before>.*?)(?:[\"“](?P<quote>[^\"“”]{2,})[\"”]|‘(?P<single>.{2,})’)\s*(?:—|–|--|―|~)\s*"
    r"(?P<name>[^\"“”—–~]{1,60}?)\s*$")
# Spanish dialogue: "—No pienso pelearme —dice Maite desde la puerta—. Nunca."
_SAYING_VERBS = (
    "dice|dijo|responde|respondió|pregunta|preguntó|grita|gritó|susurra|susurró|contesta|"
    "contestó|añade|añadió|murmura|murmuró|explica|explicó|insiste|insistió|replica|replicó|"
    "exclama|exclamó|suelta|soltó|admite|admitió|confiesa|confesó|advierte|advirtió|asegura|"
    "aseguró|afirma|afirmó|sentencia|sentenció|repite|repitió|anuncia|anunció|"
    # Portuguese
    "diz|disse|pergunta|perguntou|respondeu|gritou|sussurrou|murmurou|explicou|insistiu|retruca|"
    "retrucou|exclamou|avisa|avisou|completa|completou")
_DASH_DIALOGUE = re.compile(
    rf"^[—―]\s*(?P<quote>[^—―]+?)\s*[—―]\s*(?:{_SAYING_VERBS})\s+(?P<name>[^\W\d_][^—―,.;]*?)"
    rf"(?P<aside>\s+[a-záéíóúñ][^—―]*?)?\s*(?:[—―]\s*[.,;]?\s*(?P<more>\S.*))?[.,;]?\s*$")
# French dialogue: "— Ta sœur habite à Marseille, dit Capucine."
_FRENCH_VERBS = ("dit|répond|demande|lance|murmure|crie|ajoute|souffle|explique|réplique|"
                 "rétorque|poursuit|insiste|soupire|s'exclame|s’exclame|s'écrie|s’écrie|"
                 "s'étonne|s’étonne|avoue|annonce|chuchote|hurle|lâche|glisse|tranche|ironise")
# Words after the speaker's name that say how ("quietly", "sans la regarder").
_MANNER = (r"(?:\s+(?!(?:and|then|as|before|while|but|et|puis|mais|und|dann|y|pero)\b)"
           r"[a-zà-ÿ'’\-]+){0,4}")
# A line that is one quotation and who said it, in English, French or German:
# '"I'm done," Mara says.', 'Mara tells him, "Go."', '« Non », répond Anselme.',
# '„Warum?“, fragt Henrike.'
_SAID = (r"says|said|asks|asked|replies|replied|shouts|shouted|yells|yelled|whispers|"
         r"whispered|adds|added|snaps|snapped|mutters|muttered|explains|explained|insists|"
         r"insisted|admits|admitted|warns|warned|screams|screamed|tells (?:him|her|them|us)|"
         r"told (?:him|her|them|us)|"
         rf"{_FRENCH_VERBS}|sagt|fragt|antwortet|ruft|flüstert|meint|erwidert|murmelt|"
         rf"schreit|gesteht|erklärt|{_SAYING_VERBS}")
_OPEN, _CLOSE = "\"“«„‚", "\"”»“‘"
# A dash line of dialogue: "— Ta sœur habite à Marseille, dit Capucine.", "— Never, says Ines."
_FRENCH_DASH = re.compile(
    rf"^[—―–]\s*(?P<quote>.+?)\s*(?P<mark>[,!?…])\s*(?:{_SAID})(?:-t-(?:il|elle))?\s+"
    rf"(?P<name>[^\W\d_][^,.;!?]*?){_MANNER}\s*[.!]?$")
_SAYING = re.compile(rf"(?:{_SAID}|{_SAYING_VERBS})\b", re.IGNORECASE)
_QUOTE_THEN_SAID = re.compile(
    rf"^[{_OPEN}]\s*(?P<quote>[^{_OPEN}{_CLOSE}]{{2,}}?)\s*[{_CLOSE}]\s*,?\s*"
    rf"(?:(?:{_SAID})(?:-t-(?:il|elle))?\s+(?P<name>[^\W\d_][^,.;!?]*?)"
    rf"|(?P<name2>[^\W\d_][^,.;!?]*?)\s+(?:{_SAID})){_MANNER}\s*[.!,]?"
    # the quotation going on after its speaker: '"Nobody has the key," says Denise. "That's
    # the point."'
    rf"(?:\s*[{_OPEN}]\s*(?P<more>[^{_OPEN}{_CLOSE}]{{2,}}?)\s*[{_CLOSE}])?\s*$")
_SAID_THEN_QUOTE = re.compile(
    rf"^(?P<name>[^\W\d_][^,.;!?\"“«„]*?)\s+(?:{_SAID})\s*[,:]\s*[{_OPEN}]\s*"
    rf"(?P<quote>[^{_OPEN}{_CLOSE}]{{2,}}?)\s*[{_CLOSE}]\s*\.?$")
# A screenplay excerpt: a character's cue alone on its line, then the words; sluglines and
# transitions are stage directions.
_CUE = re.compile(r"^(?P<name>[A-Z][A-Z'’.\- ]{1,30}?)\s*"
                  r"(?:\((?:CONT'D|CONT’D|V\.O\.|O\.S\.|O\.C\.|CONTINUED)\))?$")
_SLUGLINE = re.compile(r"^(?:INT|EXT|INT\./EXT|EXT\./INT|I/E)[.\s]\s*[A-Z0-9'’ .,\-–—/]+$")
_TRANSITION = re.compile(r"^(?:(?:SMASH |MATCH |HARD |JUMP )?CUT TO|DISSOLVE TO|FADE (?:IN|OUT|TO "
                         r"BLACK)|CUT TO BLACK|BACK TO SCENE|END OF (?:ACT|EPISODE)\b.*)[:.]?$")
_TILDE_NAME = re.compile(r"^(?P<quote>.*\S)\s+~\s*(?P<name>[^~]{1,60}?)\s*$")
_NUMBER_NAMES = ("one two three four five six seven eight nine ten eleven twelve thirteen "
                 "fourteen fifteen sixteen seventeen eighteen nineteen twenty").split()
_EPISODE_HEADING = re.compile(
    rf"^(?:Episode|Ep\.?|Chapter)\s+(?P<n>\d+|{'|'.join(_NUMBER_NAMES)})\s*[:.\-–—~]\s*"
    r"(?P<title>\S.*)$", re.IGNORECASE)
_PIPE_LABEL = re.compile(r"^(?P<label>[A-Z][A-Z0-9'’&,.\- ]{1,40}?)\s+\|\s+(?P<text>\S.{20,})$")
_RATING_LABEL = re.compile(r"^(?:rating|grade|verdict|score|our rating|my rating)\s*:\s*\S",
                           re.IGNORECASE)
_PART_HEADING = re.compile(r"^(?:Part|Act|Chapter|Round|Day|Night|Week)\s+\w+\s*[:.\-–—]\s*\S",
                           re.IGNORECASE)
_EDIT_LINK = re.compile(r"\s*\[\s*edit(?:\s*\|\s*edit source)?\s*\]", re.IGNORECASE)
_HASHTAG = re.compile(r"(?<![\w&/#])#(?P<tag>[^\W\d_][\w]*)")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"“A-Z0-9])")

_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_DATE = re.compile(
    rf"^(?:(?:Mon|Tue|Tues|Wed|Wednes|Thu|Thurs|Fri|Sat|Satur|Sun)(?:day)?\.?,?\s+)?(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?"
    rf"(?:\s+\d{{4}})?|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}}|"
    rf"\d{{1,2}}/\d{{1,2}}/\d{{2,4}}|\d{{1,2}}\.\s?\d{{1,2}}\.\s?\d{{2,4}})"
    rf"(?:,?\s+(?:at\s+|um\s+|à\s+)?\d{{1,2}}(?:[:h.]\d{{2}})?\s*(?:[ap]\.?m\.?|uhr|h)?"
    rf"(?:\s+[A-Z]{{2,4}})?)?\.?$", re.IGNORECASE)
_CLOCK_ONLY = re.compile(r"^\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s+[A-Z]{2,5})?$",
                         re.IGNORECASE)
# A credit worded its own way: "filed under Recaps by Nnamdi Okonjo", "Live-tweeted, then
# tidied up, by Dolores Ibarra-Nakamura (@forkandflame)"
_CREDITED = re.compile(
    r"^(?:(?:filed|posted|published) (?:under|in) [^,.;]{1,40}?|[\w-]+ed\b[^.!?]{0,40}?|"
    r"(?:running |live )?(?:commentary|notes|thoughts))\s*,?"
    r"\s+(?:by|from)\s+(?P<name>[^\W\d_][^|·•,;(]*?)\s*(?:\(@?[\w.]+\))?$", re.IGNORECASE)
# "15 de outubro de 2023, 21h30", "3 de marzo de 2025 a las 10:15": a Spanish or
# Portuguese date line, and its time
_ROMANCE_DATE = re.compile(
    r"^\d{1,2}\s+de\s+[^\W\d_]{3,10}\s+de\s+\d{4}(?:,?\s+(?:às\s+|a las\s+)?"
    r"\d{1,2}(?:[:h]\d{2})?h?)?\.?$", re.IGNORECASE)
_BYLINE = re.compile(
    r"^(?:(?:written|posted|words|recap(?:ped)?|review(?:ed)?|live-?blogged|live updates|"
    r"updates|coverage|reporting|story|text|photos?)\s+)?(?:by|par|von|por|di|door)\s+"
    r"(?P<name>[^\W\d_][^|·•,;(]*?)\s*(?:\(@?[\w.]+\)|\([^()]{1,60}\))?"
    r"(?:\s+(?:on|at)\s+[^,]*\d[^,]*)?"  # "... on 12/03/2026 at 10:15"
    r"(?:\s*,\s*(?P<role>[^.!?]*))?$", re.IGNORECASE)
_DATED = re.compile(
    r"^(?:posted|published|updated|last updated|last modified|first published|"
    r"originally published|watched|"
    r"rewatched|reviewed|aired|air date|airdate|"
    r"modified|publié|mis à jour|veröffentlicht|aktualisiert|publicado|actualizado|"
    r"pubblicato|aggiornato|gepubliceerd|bijgewerkt)\b(?:\s+(?:on|at|le|am|el|il|op))?",
    re.IGNORECASE)
# "Posted by u/fenlandfan", "by @kay": a forum or social handle instead of a name.
_HANDLE_BYLINE = re.compile(
    r"^(?:(?:posted|submitted|written|shared)\s+)?by\s+(?P<handle>(?:/?u/|@)[\w.\-]{2,40}"
    r"|(?=[\w.\-]*[_\d])[\w.\-]{2,40}|(?-i:[a-z][a-z.\-]{1,39}))$", re.IGNORECASE)
# A fan-fiction archive's header of a work: "Fandom: ...", "Kudos: 412".
_WORK_FIELD = re.compile(r"^(?:fandoms?|characters?|relationships?|additional tags|words|"
                         r"chapters|kudos|hits|bookmarks|archive warnings?|categor(?:y|ies)|"
                         r"stats|collections?|series)\s*:\s*\S", re.IGNORECASE)
# What a fan site's post line says beside its author: "Spring 2027 season", "Episode 12 of 13".
_POST_INFO = re.compile(r"^(?:(?:spring|summer|fall|autumn|winter) \d{4}(?: season)?|"
                        r"episode \d+ of \d+|season \d+,? episode \d+|"
                        r"editor'?s rating\b.{0,20})$", re.IGNORECASE)
# A post's age as forums and social sites show it: "6h", "3 hours ago", "yesterday".
_AGE = re.compile(
    r"^(?:\d{1,3}\s*(?:s|m|h|d|w|mo|y|yr|mins?|minutes?|hrs?|hours?|days?|weeks?|months?|"
    r"years?)(?:\s+ago)?|yesterday|just now|edited)$", re.IGNORECASE)
# The poster's own notes under a forum post: "Edit: typo", "EDIT 2: thanks for the gold".
_POST_EDIT = re.compile(r"^(?:edit|eta)\s*\d*\s*[:\-–—]", re.IGNORECASE)
_READ_TIME = re.compile(
    r"^\d+\s*(?:-\s*)?(?:min(?:ute)?s?|minutos|minuti)\.?\s*(?:read|reading time|de lecture|"
    r"de lectura|di lettura|leestijd|lesezeit)$"
    r"|^(?:lesezeit|temps de lecture|tiempo de lectura|tempo di lettura|leestijd|reading time|"
    r"read time|time to read|lectura de|lecture de|lettura di)\s*:?\s*"
    r"\d+\s*(?:min(?:ute[ns]?|utos|uti)?)\.?$", re.IGNORECASE)
_META_SPLIT = re.compile(
    rf"\s+[|·•/]\s+|\s+[—–]\s+(?=(?:by|updated|posted|published|filed|\d|{_MONTH}\s))",
    re.IGNORECASE)
_SPOILER = re.compile(r"\bspoil(?:er|ers|ing|s)\b", re.IGNORECASE)
_SPOILER_CUE = re.compile(
    r"^(?:warning|spoiler|caution|note|heads up|fair warning|beware|full|attention|achtung|"
    r"vorsicht|atención|cuidado|aviso|attenzione)|\b(?:ahead|contains?|below|alert|warning|"
    r"follow|discuss(?:es|ed)?|you've been warned|be warned|contient|enthält|contiene|"
    r"contém)\b",
    re.IGNORECASE)
# Site furniture that opens a short line, by sort (each sort a reason import names).
_FURNITURE_SORTS = (
    ("site furniture: related links", re.compile(
        r"^(?:read more about|read more|related|see also|also read|more|watch|recommended|"
        r"most read|trending|"
        r"lire aussi|à lire aussi|voir aussi|mehr zum thema|lesen sie auch|auch interessant|"
        r"lee también|leer más|ver también|leggi anche|lees ook)\s*:"
        r"|^(?:next|previous|prev|up next)\s*:\s*\S.{0,120}\b(?:recap|review|episode)\b",
        re.IGNORECASE)),
    ("site furniture: photo credit", re.compile(
        r"^\(?(?:photo|image|photograph|picture|video|foto|bild)s?(?:\s+credit)?\s*:"
        r"|^\(?(?:photo|image)s?\s+(?:by|courtesy|credit)\b|^image for article titled\b"
        r"|^screenshot\s*:", re.IGNORECASE)),
    ("site furniture: copyright", re.compile(r"^(?:©|\(c\)\s|copyright\b|all rights reserved)",
                                             re.IGNORECASE)),
    ("site furniture: advertisement", re.compile(r"^(?:advertisement|sponsored)$",
                                                 re.IGNORECASE)),
    ("site furniture: share buttons", re.compile(r"^(?:share this|like this:)", re.IGNORECASE)),
    ("site furniture: poll", re.compile(r"^poll\s*:", re.IGNORECASE)),
    ("site furniture: grade list", re.compile(r"^(?:[A-F][+-]?\s+){3,}[A-F][+-]?$",
                                              re.IGNORECASE)),
)
_SIGN_OFF = re.compile(
    r"thanks? (?:you )?for reading|follow (?:me|us|her|him|them) (?:on|at)\b|follow (?:me|us)\b|"
    r"\bhas (?:covered|written about|reviewed) (?:tv|television)\b|"
    r"\bis an? (?:staff|freelance|senior|contributing|regular|tv|television) (?:writer|editor|"
    r"critic|reporter|columnist)\b|buy me a coffee|ko-?fi|patreon|"
    r"\bsubscribe (?:now|here|below|today|to (?:my|our)\b|to the (?:blog|newsletter|channel|"
    r"podcast|feed))|^subscribe\b|share this|leave a comment|let me know in the comments|"
    r"sound off in the comments|join the (?:discussion|conversation)|newsletter|"
    r"\bsign up (?:here|now|below|today|for (?:my|our|the newsletter))\b|support (?:me|my|the "
    r"blog)|see you next week|until next (?:week|time)|\bunsubscribe\b|you(?:'re| are) "
    r"receiving this|manage (?:your )?preferences|that's (?:it|all) (?:for|from)\b"
    r"|see you next \w+day\b|\bfind me on\b"
    r"|\bhit reply\b", re.IGNORECASE)
_PREVIOUSLY = re.compile(r"^(?:previously\b|last (?:week|time|episode|season)\b|when we last)",
                         re.IGNORECASE)
# Labels over a list of links to other articles: the lines under them are headlines.
_LINK_LIST_LABELS = {"related", "related stories", "related articles", "related links",
                     "related content", "read more", "see also", "also read", "more stories",
                     "more like this", "recommended", "recommended for you",
                     "you may also like", "you might also like", "most read", "most popular",
                     "popular", "trending", "trending now", "latest", "up next",
                     "mehr zum thema", "lesen sie auch", "lire aussi", "à lire aussi",
                     "voir aussi", "lee también", "leer más", "leggi anche", "lees ook",
                     "leia também", "veja também", "saiba mais", "topics", "explore more",
                     "more on this story",
                     "more from"}
_FURNITURE_HEADINGS = _LINK_LIST_LABELS | {
    "comments", "share this", "share", "advertisement", "ad", "sponsored", "sponsored content",
    "paid content", "promoted", "latest news", "newsletter", "tags"}
# A page's table of contents: dropped with the list under it.
_CONTENTS_HEADINGS = {"contents", "table of contents", "inhalt", "inhaltsverzeichnis",
                      "sommaire", "índice", "indice"}
# Headings dropped with what they head: the furniture ones and a comment form's.
_DROPPED_HEADINGS = _FURNITURE_HEADINGS | _CONTENTS_HEADINGS | {"leave a comment",
                                                                  "leave a reply"}
_MORE_FROM = re.compile(
    r"^more (?:from|on|in|about)\b|^related(?: \w+)?$|^(?:more|other|recent|latest|popular|"
    r"similar|recommended) (?:stories|recaps|reviews|posts|articles|news|coverage|reading)\b",
    re.IGNORECASE)
_TAGS = re.compile(r"^(?:tags?|tagged(?: with| as)?|filed (?:under|in)|categor(?:y|ies)|"
                   r"posted in|topics?|labels?)\s*:", re.IGNORECASE)
_BARE_HANDLE = re.compile(r"^@[\w.]{2,40}(?: on (?:instagram|twitter|x|bluesky|tiktok|threads|"
                          r"mastodon|youtube))?$|^/?r/\w{2,40}$", re.IGNORECASE)
# A forum's vote count and action links, a sort menu, a thread's flair: "1.4k", "Reply Share
# Report", "Sort by: Best", "Episode Discussion".
_FORUM_FURNITURE = re.compile(
    r"^[+-]?\d[\d.,]*\s?[kKmM]?(?:\s+(?:points?|votes?|upvotes?|likes?))?$"
    r"|^(?:(?:reply|share|save|report|award|give award|hide|permalink|embed|more replies|"
    r"continue this thread|upvote|downvote|vote|follow|like|quote)\b\s*)+$"
    r"|^(?:♥|❤|♡)?\s*\d[\d.,]*\s?[kK]?\s+(?:likes?|notes?|reblogs?|claps?|views?|shares?|"
    r"retweets?|reposts?|responses?|hearts?)\b.{0,80}$|^liked by\b.{0,80}$"
    r"|^[\w.\-]{2,40} (?:reblogged this from [\w.\-]{2,40}(?: and added:?.*)?|liked this|"
    r"posted this)$"
    r"|^sort by\b.{0,30}$|^(?:episode|post-episode|pre-episode|live|weekly|official)\s+"
    r"discussion(?: thread)?$|^level \d+$",
    re.IGNORECASE)
# A button or call to action on its own line: a newsletter's "Subscribe now".
_BUTTONS = {"subscribe", "subscribe now", "share", "share this post", "read in app",
            "open in app", "upgrade to paid", "give a gift subscription", "restack",
            "leave a comment", "sign up", "sign in", "log in", "download the app", "listen now",
            "print", "email", "tweet", "pin it", "copy link", "back to top", "continue reading",
            "show comments", "view comments", "load more", "keep reading",
            "view in browser", "view this post on the web", "view online", "s'abonner",
            "abonnieren", "suscríbete", "hi friends", "hi all", "hi everyone", "hey everyone",
            "hey friends", "hello friends", "hello everyone", "dear readers", "hey y'all",
            "iscriviti", "partager", "teilen", "compartir", "condividi"}
# A photo's caption with its credit: "Pictured: X as Y in "Show." Photo: Name/Agency"
_CAPTION = re.compile(r"^(?:pictured|above|below|top|bottom|left|right|from left|seen here)\s*:"
                      r".{0,240}\b(?:photo|photograph|credit|courtesy|image)\b", re.IGNORECASE)
# A site's call to action in a line of its own: a newsletter box, "Have a news tip?",
# "Tell me in the comments below!", a share line. Each needs words no scene of a recap has.
_CALL_TO_ACTION = re.compile(
    r"^(?:sign up|subscribe)\b|\b(?:sign up|subscribe)\b.{0,40}\b(?:our|my) "
    r"(?:\w+ )?(?:newsletters?|inbox)\b"
    r"|\b(?:tell|let) (?:me|us)\b.{0,40}\bin the comments\b|\bin the comments (?:below|section)\b"
    r"|\bhit (?:up )?the comments\b|^read on for (?:the|our|my) (?:highlights|recap|full)\b"
    r"|\bleave a comment\b|\bsubscribe to (?:the|my|our) newsletter\b"
    r"|^follow (?:the|our|me|us)\b.{0,60}@\w|\bdrop (?:your|a) (?:hot )?(?:takes?|comments?)\b"
    r"|\bforwarded this (?:email |newsletter )?to you\b|\bplease clap\b"
    r"|\b(?:welcome|hello|hi)\b.{0,40}\bnew subscribers\b|\bpaid subscribers (?:get|can|will)\b"
    r"|^quick housekeeping\b|^housekeeping\s*:"
    r"|^refresh (?:the page )?for (?:updates|more)\b"
    r"|^(?:update|editor'?s note|correction)\s*:.{0,80}\b(?:this (?:recap|article|story|post)|"
    r"an earlier version|was (?:first )?published|misspelled|misstated|corrected)\b"
    r"|\bsound off (?:below|in the comments)\b|^have a (?:news )?tip\b|\bsend (?:us )?your tips\b"
    r"|\bforward (?:it|this(?: email| newsletter)?) to a friend\b"
    r"|^(?:share|comparte|compartir|partagez|partager|teilen sie|condividi) (?:this|este|esta|cet|"
    r"cette|diesen|diese|questo|questa) (?:article|story|post|recap|artículo|nota|artikel|"
    r"beitrag|articolo)\b",
    re.IGNORECASE)
# A post's tags on a line of their own: "#the velvet armada #tva spoilers #my posts"
_TAG_LINE = re.compile(r"^#[^\W\d_][^#\n]{0,40}(?:\s+#[^\W\d_][^#\n]{0,40})+$")
# A forum poster's edit that thanks or fixes, not one that adds to the recap
_THANKS_EDIT = re.compile(r"^(?:edit|eta)\s*\d*\s*[:\-–—]\s*(?:thanks?|thank you|wow|omg|"
                          r"typo|fixed|formatting|spelling|grammar|rip my inbox|holy)\b",
                          re.IGNORECASE)
# What ends a recap pasted from a page: the comments under it.
_COMMENTS_START = re.compile(
    r"^(?:\d[\d.,]*\s?k?\s+)?(?:comments?|replies|responses|kommentare|commentaires|"
    r"comentarios|commenti)$|^sort by\b|^(?:leave a reply|join the discussion|add a comment|"
    r"post a comment|comments are closed)$|^level 1$|^responses?\s*\(\d[\d,]*\)$|"
    r"^what are your thoughts\??$",
    re.IGNORECASE)
# Sections of a reference page that are not the recap: a wiki's notes and sources.
_BACK_MATTER = {"references", "notes", "footnotes", "citations", "sources", "bibliography",
                "external links", "further reading", "see also", "notes and references",
                "références", "einzelnachweise", "weblinks", "referencias", "enlaces externos",
                "note", "collegamenti esterni"}
_INLINE_CREDIT = re.compile(r"\s*\((?:photo|image|picture|photograph|credit|foto|bild)s?"
                            r"(?:\s+credit)?\s*:[^()]{1,60}\)", re.IGNORECASE)
_FOOTNOTE_MARK = re.compile(r"\s*\[(?:\d{1,3}|[a-z]|note \d+|nb \d+|citation needed|"
                            r"clarification needed|who\?|when\?|according to whom\?)\]")
_COMMENT_COUNT = re.compile(r"^(?:\d+|no|one)\s+(?:comments?|replies|responses)$|"
                            r"^(?:comments?|replies)\s*\(?\d[\d,]*\)?$|"
                            r"^(?:leave|add|post) a (?:comment|reply)$|^comments?\s*\(\d+\)$",
                            re.IGNORECASE)


def _label(line: str) -> str:
    return _EDIT_LINK.sub("", line).strip(" *_").rstrip(":").strip().lower()


def _furniture_line(line: str) -> bool:
    """A line of site furniture on its own: an ad slot, a credit, a tag list, a handle."""
    return _furniture_reason(line) is not None


def _furniture_reason(line: str) -> str | None:
    """The sort of site furniture a line on its own is (the reason import names), else None."""
    label = _label(line)
    bare = line.strip(" *_")
    # A long line that starts like furniture ("Share this with everyone, Marnie captions
    # the video") is a sentence of the story.
    if _words(line) <= 12:
        for reason, pattern in _FURNITURE_SORTS:
            if pattern.match(bare):
                return reason
    if _CAPTION.match(bare) and _words(line) <= 40:
        return "site furniture: photo caption"
    if label in _FURNITURE_HEADINGS or (_MORE_FROM.match(label) and _words(label) <= 6):
        return "site furniture: section label"
    if label.rstrip(",!") in _BUTTONS:
        return "site furniture: button"
    if _FORUM_FURNITURE.match(label):
        return "site furniture: forum votes and links"
    if _TAGS.match(bare) or _TAG_LINE.match(line.strip()):
        return "site furniture: tags"
    if _BARE_HANDLE.match(line.strip()):
        return "site furniture: handle"
    if _COMMENT_COUNT.match(label):
        return "site furniture: comment count"
    if _THANKS_EDIT.match(line.strip()):
        return "poster's edit note"
    if _words(line) <= 30 and _CALL_TO_ACTION.search(bare):
        return "call to action"
    return None


def _link_list_label(line: str) -> bool:
    label = _label(line)
    return label in _LINK_LIST_LABELS or bool(_MORE_FROM.match(label) and _words(label) <= 6)


def _words(text: str) -> int:
    return len(text.split())


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
    if _DATED.match(segment) and _words(segment) <= 14 and re.search(rf"\d|{_MONTH}", segment):
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
    author, reasons = "", []
    for segment in _META_SPLIT.split(line.strip()):
        reason, name = _meta_segment(segment)
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
    r"^(?:(?:achtung|vorsicht|attention|atención|attenzione|aviso|warning)\W+)?"
    r"(?:dieser (?:text|artikel|beitrag)|cet article|ce texte|este (?:artículo|texto)|"
    r"questo (?:articolo|testo)|este (?:artigo|texto)|this (?:article|recap|review|post))\s+"
    r"(?:verrät|enthält|dévoile|révèle|contient|revela|desvela|contiene|rivela|contém|"
    r"reveals|gives away)\b", re.IGNORECASE)


_SPOILER_LABEL = re.compile(r"^(?:spoiler alert|spoiler warning|spoilers?)\s*[:!—–-]+\s*"
                            r"(?P<rest>\S.*)$", re.IGNORECASE)
# What a spoiler label's words say when they speak of the recap, not the plot: "Spoiler
# warning: this recap discusses the whole episode" (but "SPOILER: Kayla dies in the finale")
_ABOUT_THE_RECAP = re.compile(
    r"\bthis (?:recap|review|article|post|piece|story)\b|\bdiscuss\w*|\bahead\b|\bbelow\b|"
    r"\bfollow\b|\bcontains?\b|\bfor (?:the )?(?:whole|entire|full|latest)\b", re.IGNORECASE)


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
        elif not (_only_a_warning(sentence) or label and _words(sentence) <= 30):
            kept.append(sentence)
    return " ".join(kept)


def _only_a_warning(sentence: str) -> bool:
    """A sentence that warns and tells nothing: short, no "but", and no name in it unless
    it speaks of the recap ("spoilers for Copperline season 2"): a warning that names
    people is read, so that no plot is ever dropped."""
    words = sentence.split()
    named = [w for w in words[1:] if w[:1].isupper()
             and w.strip(".,:;!?").upper() not in ("SPOILER", "SPOILERS", "WARNING", "ALERT", "I")]
    if _REVEALS.search(sentence):
        return True  # "Dieser Text verrät Details ...": says only what it gives away
    about_the_recap = re.search(r"\b(?:recap|review|article|post|episodes?|season|finale|"
                                r"premiere|series)\b", sentence, re.IGNORECASE)
    return (len(words) <= 14 and _spoiler_warning(sentence) and (not named or about_the_recap)
            and not re.search(r"\bbut\b", sentence, re.IGNORECASE))


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


def _sentence_case_headings(blocks: list[SourceBlock]) -> set[int]:
    """The lines of short one-line blocks in sentence case that head a long paragraph
    ("Notre avis", "The night shift"), when a recap has two or more: one such line is as
    likely a line of narration ("Cut to black"), several are its sections."""
    found = set()
    for block, following in zip(blocks, blocks[1:], strict=False):
        line = block.lines[0] if block.kind == "paragraph" and len(block.lines) == 1 else ""
        if (line and block.line and 1 <= _words(line) <= 7 and line[:1].isupper()
                and line[-1] not in ".,;:!…\"”’)»" and not _DIALOGUE.match(line)
                and not _meta_line(line)[0] and not _furniture_line(line)
                and line[:1] not in _QUOTE_MARKS
                and (following.kind == "paragraph" and _words(following.text) >= 20
                     or following.kind == "list" and len(following.lines) >= 2)):
            found.add(block.line)
    return found if len(found) >= 2 else set()


def _cue(line: str) -> str:
    """The character a screenplay cue line names ("INES", "KENJI (V.O.)"), else ""."""
    cue = _CUE.match(line)
    name = cue.group("name").strip() if cue else ""
    return name if name and _shouted(name) and _is_name(name.title()) else ""


def _unshouted_label(label: str) -> str:
    """A label set in capitals as a chapter title: "THE SALE" -> "The sale"."""
    label = label.strip()
    return label[:1] + label[1:].lower()


def _spoken_line(line: str) -> bool:
    """A "Name: line" line: a name, then words as speech starts (not "Gareth: the only man
    who ...")."""
    found = _DIALOGUE.match(line)
    name = found.group("name").strip() if found else ""
    return bool(found) and (_is_name(name) or _shouted(name)) and (
        found.group("line")[:1].isupper() or found.group("line")[:1] in _QUOTE_MARKS)


def _dialogue_paragraphs(blocks: list[SourceBlock]) -> set[int]:
    """The ids of one-line "Name: line" paragraphs next to another: a web page's dialogue,
    a <p> a line, is a run like lines under each other."""
    shaped = [block.kind == "paragraph" and len(block.lines) == 1 and _spoken_line(block.lines[0])
              for block in blocks]
    return {id(block) for i, block in enumerate(blocks) if shaped[i] and (
        (i > 0 and shaped[i - 1]) or (i + 1 < len(blocks) and shaped[i + 1]))}


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


_PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "il", "elle", "ils", "elles", "on",
             "er", "sie", "es", "wir", "ihr", "someone", "everyone", "nobody", "somebody"}


def _said_line(line: str) -> tuple[str, str] | None:
    """(speaker, words) of a line that is only a quotation and who said it, else None. A
    pronoun ("he tells her") names nobody, so such a line stays narration."""
    for pattern in (_QUOTE_THEN_SAID, _SAID_THEN_QUOTE, _FRENCH_DASH):
        found = pattern.match(line.strip())
        if not found:
            continue
        name = (found.groupdict().get("name") or found.groupdict().get("name2") or "").strip()
        if _is_name(name) and name.lower() not in _PRONOUNS:
            words = found.group("quote").strip().rstrip(",")
            mark = found.groupdict().get("mark") or ""
            if mark in ("?", "!", "…"):
                words += mark  # "— Pourquoi ? répond Solveig": still a question
            more = found.groupdict().get("more")
            return name, _sentence(words) + (f" {_sentence(more.strip())}" if more else "")
    return None


_BROKEN_WORD = re.compile(r"([^\W\d_]+)-$")
_LIGATURES = str.maketrans({"ﬁ": "fi", "ﬂ": "fl", "ﬀ": "ff", "ﬃ": "ffi", "ﬄ": "ffl",
                            "ﬅ": "st", "ﬆ": "st"})
_SUPERSCRIPT_MARK = re.compile(r"(?<=[^\W\d_]|[.,;:!?)”\"’])[¹²³⁴⁵⁶⁷⁸⁹⁰]+(?=\s|$|[.,;:!?])"
                               r"|^[¹²³⁴⁵⁶⁷⁸⁹⁰]+\s*")


def _joined(lines: list[str]) -> str:
    """A paragraph's lines as one text. A word broken at a line's end ("Daugh-" / "ter", as
    text copied from a PDF has it) is joined again: without its hyphen when the dictionary
    knows the whole word, else with it ("well-" / "known")."""
    # Imported here: CMUdict is only needed for a broken word, not on every build's start.
    from recapcast.text.names import in_dictionary

    text = ""
    for line in lines:
        broken = _BROKEN_WORD.search(text)
        head = line.split(maxsplit=1)[0] if line.split() else ""
        if broken and head[:1].islower():
            whole = broken.group(1) + re.sub(r"[^\w'’-].*$", "", head)
            text = text[:-1] + line if in_dictionary(whole) else text + line
        else:
            text = f"{text} {line}" if text else line
    return _SUPERSCRIPT_MARK.sub("", text.translate(_LIGATURES))


def _removed_part(written: str, kept: str) -> str:
    """What of ``written`` is not in ``kept`` (the words a rule cut from a line)."""
    written, kept = " ".join(written.split()), " ".join(kept.split())
    if kept and kept in written:
        before, _, after = written.partition(kept)
        return f"{before.strip()} {after.strip()}".strip()
    return written


def _sentence(item: str) -> str:
    item = item.strip()
    if item and item[0].islower():
        item = item[0].upper() + item[1:]
    if item and (item[-1].isalnum() or item[-1] in ")”\"'’%") and not (
            item[-1] in "”\"'’)" and item[-2:-1] in tuple(".!?…")):
        item += "."  # not after 'forever."', which has its full stop
    return item


def _quoted_words(found: re.Match) -> str:
    """The words of a quotation found in double quotes or in British single ones."""
    return found.groupdict().get("quote") or found.groupdict().get("single") or ""


def _unquoted(text: str) -> str:
    text = text.strip()
    if len(text) >= 2 and text[0] in _QUOTE_MARKS and text[-1] in _QUOTE_MARKS:
        inner = text[1:-1]
        if not any(mark in inner for mark in _QUOTE_MARKS):
            return inner.strip()
    return text


def _without_directions(text: str) -> str:
    """Dialogue without its stage directions: ``(beat)``, ``[laughs]``."""
    return " ".join(_STAGE_DIRECTION.sub(" ", text).split())


def _narration(text: str) -> str:
    """Narration as a voice should get it: no timestamps, bracketed directions or hashtags."""
    text = without_emoji(text).strip()
    text = _TIMESTAMP.sub("", text) if _TIMESTAMP.match(text) else text
    text = _INLINE_DIRECTION.sub("", _FOOTNOTE_MARK.sub("", _INLINE_CREDIT.sub("", text)))
    text = _HASHTAG.sub(lambda m: re.sub(r"(?<=[a-z0-9])(?=[A-Z])", " ",
                                         m.group("tag")).replace("_", " "), text)
    # A leading "#" or ">" would make the written script read it as a heading or quote.
    return " ".join(text.split()).lstrip("#> ")


# --- the recogniser ----------------------------------------------------------------------------


class _Reader:
    def __init__(self, source: RecapSource, ledger: Ledger) -> None:
        self.source = source
        self.ledger = ledger
        self.blocks: list[Block] = []
        # each script block's first line in the recap (by id), where a rescued line goes
        self.origins: dict[int, int] = {}
        self.narration_at: list[int] = []  # the recap's line of each narration line
        self.known: dict[str, str] = {}
        self.episode: int | None = None
        self.episode_title: str | None = None
        self.narration: list[str] = []  # paragraph lines waiting to become a Paragraph
        self.narration_line = 0
        self.after_link_label = False  # the last block was a bare "Related" label
        self.guessed_headings: set[int] = set()  # lines of sentence-case headings
        # ids of one-line "Name: line" paragraph blocks next to another such block
        self.dialogue_paragraphs: set[int] = set()

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
                    self.ledger.keep(at, line, "narration")
                else:
                    self.ledger.leave_out(at, line, "nothing to say (marks, emoji, a tag)")
            if text:
                self.emit(Paragraph(text, self.narration_line), self.narration_at[0])
        self.narration = []
        self.narration_at = []

    def say(self, text: str, line: int, at: int) -> None:
        if not self.narration:
            self.narration_line = line
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
            paragraph = Paragraph(_narration(kept.text), 0)
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
            # The chapter is named by the episode's title: the opening already says its number.
            text = title = unshouted(episode.group("title").strip().strip('"\'‘’“”').strip())
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
        if any(camera) and any(cues) or (len(lines) > 1 and cues[0]):
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
            self.say(line, number, at)
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


def _header_line(line: str) -> bool:
    """A short line of an article's header: a name, a kicker, a rating, no sentence."""
    return (_words(line) <= 6 and not line.rstrip().endswith((".", "!", "?", ":", ","))
            and not _DIALOGUE.match(line) and line[:1].isupper())


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
    for index, block in enumerate(blocks):
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
        kept.append(block)
    return kept, author


def _before_sign_off(text: str) -> str:
    """The sentences of a closing paragraph before its sign-off; a sentence of the story
    that quotes one ("Thanks for reading, Theo says flatly.") is no sign-off."""
    sentences = _SENTENCE_END.split(" ".join(text.split()))
    for index, sentence in enumerate(sentences):
        if _SIGN_OFF.search(sentence) and not _TOLD.search(sentence):
            return " ".join(sentences[:index])
    return " ".join(sentences)


_TOLD = re.compile(r"\b(?:says|said|mutters|muttered|captions|captioned|tells|told|asks|asked|"
                   r"writes|wrote|posts|posted|types|typed|reads|shouts|whispers)\b(?! me\b)",
                   re.IGNORECASE)


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
    for block in blocks:
        if back_matter is not None:
            if block.kind == "heading" and block.level <= back_matter:
                back_matter = None
            else:
                _leave_out_block(ledger, block, "back matter (references, notes)")
                continue
        if block.kind == "heading" and _label(block.text) in _BACK_MATTER:
            back_matter = block.level
            _leave_out_block(ledger, block, "back matter (references, notes)")
            continue
        if skip_list and block.kind == "list":
            _leave_out_block(ledger, block, skip_list)
            skip_list = ""
            continue
        skip_list = ""
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


def _recap_line(parts: TitleParts, title_line: str, blocks: list[SourceBlock], ledger: Ledger
                ) -> tuple[TitleParts, str, list[SourceBlock]]:
    """A line of its own just under a catchy headline or a blog's name that says more of
    the episode ('Saltmarsh recap: "The Tide Tables" (season 1, episode 3)', a Blogger
    post's 'Hollow Pines 1x05 - "The Ranger's Cabin"' heading): it is the title line, and
    not narrated."""
    for index, block in enumerate(blocks[:2]):
        # a bold line under the headline, or a blog post's own title under the blog's name
        if (block.kind not in ("paragraph", "heading") or len(block.lines) != 1
                or _words(block.lines[0]) > 16 or _score(block.lines[0]) < 0
                or _prose(block.lines[0])):
            continue
        if not any(b.kind in ("paragraph", "quote", "list") for b in blocks if b is not block):
            continue  # the recap's only paragraph is its story, whatever it starts with
        found = parse_title(block.lines[0])
        if (found is not None and found.score() > parts.score()
                and (found.season, found.episode) != (None, None) and found.show):
            ledger.keep(block.number(0), block.lines[0], "title line")
            return found, block.lines[0], blocks[:index] + blocks[index + 1:]
    return parts, title_line, blocks


def _numbers_line(parts: TitleParts, blocks: list[SourceBlock], ledger: Ledger
                  ) -> tuple[TitleParts, list[SourceBlock]]:
    """The season and episode from a line of its own under the title ("Season 2, Episode
    6", "S02E06"), which then is not narrated; it may stand among an article's header
    lines (the show's name, a byline, a date) too."""
    first = blocks[0] if blocks else None
    if first is None or first.kind not in ("paragraph", "heading") or not first.lines:
        return parts, blocks
    for index, line in enumerate(first.lines[:6]):
        found = parse_title(line)
        if found is not None and found.title and not found.show and parts.show and _words(
                line) <= 10 and (found.season, found.episode) != (None, None) and (
                parts.season, parts.episode) in ((None, None), (found.season, found.episode)):
            # 'Season 2, Episode 3, "Annealing"' under 'Salt & Cinder Recap: Ludovica Plays
            # With Fire': the episode's own title is the one a podcast app shows
            parts = TitleParts(parts.show, found.season, found.episode, found.title)
            ledger.keep(first.number(index), line, "title line")
            return parts, _without_line(blocks, index)
        if (found is None or found.show or found.title or _words(line) > 6
                or (found.season is None and found.episode is None)
                or (parts.season, parts.episode) not in ((None, None),
                                                         (found.season, found.episode))):
            if not _header_line(line) and not _meta_line(line)[0]:
                return parts, blocks
            continue
        parts = TitleParts(parts.show, found.season, found.episode, parts.title)
        ledger.keep(first.number(index), line, "metadata: season and episode")
        return parts, _without_line(blocks, index)
    return parts, blocks


def _without_line(blocks: list[SourceBlock], index: int) -> list[SourceBlock]:
    """The blocks with line ``index`` of the first one taken out (and that block gone when
    nothing is left of it)."""
    first = blocks[0]
    rest = first.lines[:index] + first.lines[index + 1:]
    start = first.line + 1 if first.line and index == 0 else first.line
    numbers = tuple(first.number(i) for i in range(len(first.lines)) if i != index)
    return ([dataclasses.replace(first, lines=rest, line=start, numbers=numbers)]
            if rest else []) + blocks[1:]


def _from_line(block: SourceBlock, index: int) -> SourceBlock:
    """``block`` from its line ``index`` on (its first lines taken out)."""
    return dataclasses.replace(
        block, lines=block.lines[index:], line=block.line + index if block.line else 0,
        numbers=tuple(block.number(i) for i in range(index, len(block.lines))))


def _numbered(block: SourceBlock) -> list[tuple[int, str]]:
    """A block's lines, each with its number."""
    return [(block.number(i), line) for i, line in enumerate(block.lines)]


def _leave_out_block(ledger: Ledger, block: SourceBlock, reason: str) -> None:
    ledger.leave_out_lines(_numbered(block), reason)


def _without_repeated_title(blocks: list[SourceBlock], parts: TitleParts, ledger: Ledger
                            ) -> list[SourceBlock]:
    """The blocks less a heading above the recap that only repeats its title (a blog post's
    own title under the page's)."""
    for index, block in enumerate(blocks):
        if block.kind != "heading":
            if block.kind != "rule":
                break
            continue
        again = parse_title(block.text)
        if parts.title and again and (again.title or "").casefold() == parts.title.casefold():
            _leave_out_block(ledger, block, "repeated title")
            return blocks[:index] + blocks[index + 1:]
    # A heading anywhere that only says the show and numbers again ("Void Cartographers
    # Season 2 Episode 7"): the opening says them.
    kept = []
    for block in blocks:
        if block.kind == "heading" and _numbers_again(block.text, parts):
            _leave_out_block(ledger, block, "repeated title")
        else:
            kept.append(block)
    return kept


def _numbers_again(text: str, parts: TitleParts) -> bool:
    again = parse_title(text)
    return (again is not None and again.title is None
            and (again.season, again.episode) != (None, None)
            and (again.season, again.episode) == (parts.season, parts.episode)
            and (again.show is None or (again.show or "").casefold() == (
                parts.show or "").casefold()))


def _running_header(line: str) -> bool:
    """A PDF page's running header: set in capitals, or two parts far apart ("SCREEN
    QUARTERLY          Winter 2027")."""
    letters = [c for c in line if c.isalpha()]
    return bool(re.search(r"\S\s{3,}\S", line)) or (
        len(letters) >= 4 and all(c.isupper() for c in letters))


def _running_header_above_title(blocks: list[SourceBlock]) -> bool:
    """Whether the first block is a running header alone and the next holds the title."""
    if (len(blocks) < 2 or blocks[0].kind != "paragraph" or len(blocks[0].lines) != 1
            or blocks[1].kind != "paragraph"):
        return False
    header = blocks[0].lines[0]
    best = max(_score(x) for x in blocks[1].lines[:3])
    return (_title_like(header) and _running_header(header) and best >= 2
            and best > _score(header))


def _score(line: str) -> int:
    if _spoiler_warning(line) or _meta_line(line)[0]:
        return -1  # "Warning: spoilers ahead for season 2, episode 5." names no show
    parsed = parse_title(line)
    return parsed.score() if parsed else 0


def _title_at(lines: tuple[str, ...]) -> int:
    """Which of a recap's first lines is its title: the first, unless a later one names
    more of the episode and every line above it is title-like too."""
    best, best_score = 0, -1
    for index, line in enumerate(lines):
        if index and not _title_like(lines[index - 1]):
            break
        score = _score(line)
        if score > best_score:
            best, best_score = index, score
    return best


def _best_title(lines: list[str], site: str) -> tuple[TitleParts, str]:
    parsed = [(parse_title(line, site), line) for line in lines if not _spoiler_warning(line)]
    found = [(p, line) for p, line in parsed if p is not None]
    if found:
        best, line = max(found, key=lambda pair: pair[0].score())
        # What the best line leaves out, another may say: a page's subtitle 'Season 2,
        # Episode 3, "Annealing"' names no show, its headline does.
        for other, _ in sorted(found, key=lambda pair: -pair[0].score()):
            best = TitleParts(best.show or other.show,
                              best.season if best.season is not None else other.season,
                              best.episode if best.episode is not None else other.episode,
                              best.title or other.title)
        return best, line
    return TitleParts(), lines[0] if lines else ""


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


_ENDS_SENTENCE = re.compile(r"[.!?…][\"”’')\]]*$")
LONG_LINE = 100
"""Characters: a line longer than any an editor wraps at is a paragraph of its own."""


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
        if following[:1].islower() and not _ENDS_SENTENCE.search(line):
            return False
    return True


def _single_spaced(blocks: list[SourceBlock]) -> list[SourceBlock]:
    """The blocks with each paragraph pasted single-spaced (as a copy from a web page into a
    plain editor often gives) split into a block a line, so its headings, byline and
    paragraphs are read as they are when blank lines part them; lines of dialogue next to
    each other stay together, as one exchange."""
    out: list[SourceBlock] = []
    for block in blocks:
        if block.kind != "paragraph" or not _own_paragraphs(block.lines):
            out.append(block)
            continue
        start = 0
        for end in range(1, len(block.lines) + 1):
            if end < len(block.lines) and _spoken_line(block.lines[end]) and _spoken_line(
                    block.lines[end - 1]):
                continue
            out.append(SourceBlock("paragraph", block.lines[start:end],
                                   block.line + start if block.line else 0,
                                   numbers=tuple(block.number(i) for i in range(start, end))))
            start = end
    return out


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
    blocks = _single_spaced(_without_learned(source.blocks, ledger))
    blocks = _without_comments(_without_furniture_headings(tuple(blocks), ledger), ledger)
    kept_blocks = []
    for block in blocks:
        if _furniture_block(block):
            for at, line in _numbered(block):
                ledger.leave_out(at, line, _furniture_reason(line) or "site furniture")
        else:
            kept_blocks.append(block)
    blocks = kept_blocks
    # A forum's subreddit, poster and age above the title: front matter, not the title.
    lead: list[SourceBlock] = []
    while blocks and blocks[0].kind == "paragraph" and all(
            _meta_line(x)[0] or _furniture_line(x) for x in blocks[0].lines):
        lead.append(blocks.pop(0))
    title_lines = list(source.titles)
    headline: tuple[int, str] | None = None  # the title line in the recap's own text
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
        elif not title_lines and first.kind == "paragraph" and first.lines and _title_like(
                first.lines[0]) and (len(first.lines) > 1 or len(blocks) > 1) and not _prose(
                first.lines[0], first.lines[1] if len(first.lines) > 1 else ""):
            # Of the first lines, the one that says most is the title ("Review by marguerite
            # ★★★½" above "Fernhollow 1x01 — "Pilot""); the title-like lines above it go.
            at = _title_at(first.lines[:3])
            title_lines.append(first.lines[at])
            headline = (first.number(at), first.lines[at])
            for index in range(at):
                ledger.leave_out(first.number(index), first.lines[index],
                                 "kicker above the title")
            rest = dataclasses.replace(_from_line(first, at + 1), bold=False, italic=False)
            blocks[0:1] = [rest] if rest.lines else []
    parts, title_line = _best_title(title_lines, source.site)
    parts, title_line, blocks = _recap_line(parts, title_line, blocks, ledger)
    if headline is not None:
        if headline[1] == title_line:
            ledger.keep(*headline, "title line")
        else:
            ledger.leave_out(*headline, "headline (a line below names the episode)")
    parts, blocks = _numbers_line(parts, _without_leading_furniture(blocks, ledger), ledger)
    blocks, author = _front_matter(lead + blocks, ledger)
    blocks = _without_sign_off(blocks, ledger)
    reader = _Reader(source, ledger)
    reader.learn_speakers()
    blocks = _without_repeated_title(blocks, parts, ledger)
    marked = any(b.kind == "heading" for b in blocks)
    if not marked:
        reader.guessed_headings = _sentence_case_headings(blocks)
    reader.dialogue_paragraphs = _dialogue_paragraphs(blocks)
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
        elif block.kind == "quote":
            reader.quote_block(block)
        elif block.kind == "list":
            reader.list_block(block)
    reader.flush()
    reader.put_back_rescued()
    show = parts.show
    if show is None:
        show = next((s for b in source.blocks for s in [show_from_previously(b.text)] if s), None)
    if show is None:
        show = wiki_show(source.site or "")  # a fan wiki is named for its show
    if parts.episode is None and reader.episode is not None:
        # "Marrow Bay, Season 4 – A Recap in Their Own Words" then "Episode 11: The Night
        # Ferry": the heading names the episode, the title line the article
        parts = TitleParts(show, parts.season, reader.episode, reader.episode_title or
                           parts.title)
    elif parts.title is None and reader.episode_title and reader.episode == parts.episode:
        parts = TitleParts(show, parts.season, parts.episode, reader.episode_title)
    else:
        parts = TitleParts(show, parts.season, parts.episode, parts.title)
    parts = _from_lead(parts, reader.blocks, title_line)
    body = _with_previously(reader.blocks, parts.episode)
    author = author or _page_author(source.author)
    return Recognised(parts=parts, title_line=title_line, author=author, blocks=tuple(body),
                      summary=_summary(source.summary, body), kept=ledger.kept,
                      left_out=ledger.left_out, extractor_removed=source.removed)


_ORDINAL_WORDS = {w: n for n, w in enumerate(
    "zeroth first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
    "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth "
    "twentieth".split())}
_ORDINAL = r"(\d{1,3})(?:st|nd|rd|th)|" + "|".join(_ORDINAL_WORDS)
# A reference page's lead: '"Tinder" is the third episode of the first season of ...'
_LEAD = re.compile(rf"\bis the (?P<e>{_ORDINAL}) episode of the (?P<s>{_ORDINAL}) season\b"
                   rf"(?: of (?:the )?(?:[a-z][\w-]* )*[A-Z][^.,;]{{1,60}}?)?[.,;]",
                   re.IGNORECASE)
_TITLE_SHOW = re.compile(r"^(?P<title>.+?) \((?P<show>[^()]{2,60})\)$")


def _ordinal(word: str) -> int | None:
    word = word.lower()
    digits = re.match(r"(\d+)", word)
    return int(digits.group(1)) if digits else _ORDINAL_WORDS.get(word)


def _from_lead(parts: TitleParts, blocks: list[Block], title_line: str = "") -> TitleParts:
    """The season and episode a reference page's first paragraph gives when the title did
    not; and its "Title (Show)" page title split when the lead names that show."""
    lead = next((b.text for b in blocks if isinstance(b, Paragraph)), "")
    found = _LEAD.search(lead)
    if not found:
        return parts
    season, episode = parts.season, parts.episode
    lead_season, lead_episode = _ordinal(found.group("s")), _ordinal(found.group("e"))
    if season in (None, lead_season):
        # Only a lead that agrees with what the title said fills in the rest.
        season, episode = lead_season, episode if episode is not None else lead_episode
    show, title = parts.show, parts.title or straight_quotes(title_line).strip() or None
    named = _TITLE_SHOW.match(title or "")
    if show is None and named and named.group("show") in lead:
        show, title = named.group("show"), named.group("title").strip('"')
    return TitleParts(show, season, episode, title)


def _page_author(author: str) -> str:
    """A page's author as a name: "Ana Ruiz; TV Editor" and "Wrenna Castellane · Apr 4" are
    Ana Ruiz and Wrenna Castellane (a page's metadata joins roles and dates to names)."""
    parts = [p.strip() for p in re.split(r"\s*[;·|•,]\s*|\s+[—–-]\s+", author or "")]
    names = [p for p in parts if _is_name(p, 5) and not _ROLE.search(p)]
    return ", ".join(names) if names else (parts[0] if parts else "")


_ROLE = re.compile(r"\b(?:editor|writer|critic|correspondent|reporter|contributor|staff|"
                   r"columnist|producer|host|tv|television|entertainment)\b", re.IGNORECASE)


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
            return [*named, *blocks[:now], Heading("This week", 0), *blocks[now:]]
        return [*named, *blocks]
    return blocks


_SAYS_PREVIOUSLY = re.compile(r"^\W*previously\b", re.IGNORECASE)
_THIS_EPISODE = re.compile(r"^(?:tonight(?:'s|’s)?|this (?:week|episode|hour|time)|"
                           r"this week(?:'s|’s) episode|in this episode|now,)\b", re.IGNORECASE)


def _summary(description: str, blocks: list[Block]) -> str:
    """The page's description, else the first two sentences of the first narration paragraph
    (not the "Previously" one)."""
    if description.strip():
        return " ".join(without_emoji(description).split())
    chapter = ""
    for block in blocks:
        if isinstance(block, Heading):
            chapter = block.text
        elif isinstance(block, Paragraph) and chapter != "Previously" and _words(block.text) >= 12:
            # the speech stage's sentences: "The No. 9 freight", "la Sra. Ibáñez", "der 3.
            # Folge" do not end at their abbreviation
            return " ".join(split_sentences(block.text)[:2]).strip()
    # A recap of short paragraphs only, or all of it under "Previously": its first words
    # still say more in an app than no summary at all.
    first = next((b.text for b in blocks if isinstance(b, Paragraph)), "")
    return " ".join(first.split()[:60])
