"""Line shapes: a line whose numbers, dates, times, links, handles, quoted titles and names
are typed wildcards, so one site's furniture line matches its next issue's variant.

``The Back Row Club keeps these recaps free: 912 members and counting`` has the shape
``The {name} keeps these recaps free: {number} members and counting``; a shape matches a
whole line (or block) only, its fixed words case-, punctuation- and whitespace-blind, each
wildcard standing for one thing of its kind. Words per language live in the tables below;
the patterns are built from them.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property, lru_cache

from recapcast.text.wording import wording_for

__all__ = ["KINDS", "Line", "Pattern", "Token", "ShapeError", "make_shape", "parse_shape",
           "tokenise", "words_of", "normal_text", "MIN_FIXED_WORDS"]

KINDS = ("url", "handle", "quoted", "date", "time", "number", "code", "name")
"""The wildcards a shape may hold, written ``{kind}``."""

MIN_FIXED_WORDS = 2
"""A shape with wildcards needs at least this many fixed words, and no fewer fixed words
than wildcards: ``{name}: {number}`` would leave out any short line with a number."""

FUZZY_MIN_FIXED = 12
FUZZY_RATIO = 0.9
"""A long shape (a sponsor read) also matches a block whose words differ in a few places:
at least this many fixed words, and this much of the sequence the same."""

_LANGUAGES = ("en", "es", "fr", "de", "it", "pt")
WEEKDAYS = {
    "en": "Monday Tuesday Wednesday Thursday Friday Saturday Sunday "
          "Mon Tue Tues Wed Thu Thur Thurs Fri Sat Sun",
    "es": "lunes martes miércoles jueves viernes sábado domingo",
    "fr": "lundi mardi mercredi jeudi vendredi samedi dimanche",
    "de": "Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonnabend Sonntag",
    "it": "lunedì martedì mercoledì giovedì venerdì sabato domenica",
    "pt": "segunda-feira terça-feira quarta-feira quinta-feira sexta-feira sábado domingo",
}
RELATIVE_DAYS = {
    "en": "today tonight tomorrow yesterday",
    "es": "hoy mañana ayer",
    "fr": "aujourd'hui demain hier ce soir",
    "de": "heute morgen gestern",
    "it": "oggi domani ieri stasera",
    "pt": "hoje amanhã ontem",
}
AMBIGUOUS_MONTHS = {"may", "march", "mar", "jun", "mai"}
"""Month names that are also common words: a date only next to a day or a year."""
NOT_MONTHS = {"out", "set", "ago", "gen"}
"""Three-letter month abbreviations (outubro, setembro, agosto, gennaio) that are words:
"4 out of 5" is no date."""
NEVER_NAMES = {
    "en": "the a an this that these those next last our your my his her their its we you "
          "i he she they it in on at of for by with and or to from up new all every each",
    "es": "el la los las un una unos unas este esta estos estas nuestro nuestra su sus y o "
          "en de del con por para al",
    "fr": "le la les l un une des ce cette ces notre nos votre vos son sa ses et ou en de "
          "du au aux avec pour par sur",
    "de": "der die das den dem des ein eine einen einem einer unser unsere ihr ihre sein "
          "seine und oder in im am an auf mit von vom zu zum zur für",
    "it": "il lo la i gli le un uno una questo questa nostro nostra suo sua e o in di del "
          "della con per su al alla",
    "pt": "o a os as um uma este esta nosso nossa seu sua e ou em no na de do da com por para",
}
"""Capitalised at a sentence's start these are words, not names."""
CONNECTORS = {
    "en": "of the in on at to for a an and",
    "es": "de del la las los el y",
    "fr": "de du des la le les et",
    "de": "von vom der die das den und",
    "it": "di del della da la il lo e",
    "pt": "de do da dos das e",
}
"""Small words a title or a name holds between capitalised words (Love in the Time of X,
Salt and Iron): the run is one name."""

PRONOUNS = {
    "en": "he she they him her them his their",
    "es": "él ella ellos ellas",
    "fr": "il elle ils elles lui eux",
    "de": "er sie ihn ihm ihr ihnen",
    "it": "lui lei loro egli",
    "pt": "ele ela eles elas dele dela deles delas",
}
"""A language's personal pronouns stand for each other in a shape: "Follow her on Bluesky"
and "Follow him on Bluesky" are one furniture line, written about another writer."""
LABEL_KINDS = frozenset({"date", "time"})
"""A label and a timestamp ("Updated {time}, {date}") is general enough with one fixed word:
a date or time, unlike a name, is never a line of the story by itself."""

_CURRENCY = "$€£¥₹"
_TIME_ZONES = "ET PT CT MT GMT UTC CET CEST BST EST EDT PST PDT AEST"


def _alt(words) -> str:
    """One alternation of literal words, longest first."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def _table_words(table: dict[str, str]) -> set[str]:
    return {w.lower() for lang in _LANGUAGES for w in table.get(lang, "").split()}


def _months() -> set[str]:
    months = set()
    for lang in _LANGUAGES:
        months |= set(wording_for(lang).months)
    return months - NOT_MONTHS


_MONTHS = _months()
_MONTH = r"(?:" + _alt(_MONTHS) + r")\.?"
_FREE_MONTH = r"(?:" + _alt(m for m in _MONTHS if len(m) > 4 and m not in AMBIGUOUS_MONTHS) + ")"
_WEEKDAY = r"(?:" + _alt(_table_words(WEEKDAYS)) + r")\.?"
_DAY = r"\d{1,2}(?:st|nd|rd|th|er|º|ª|\.)?"
_YEAR = r"\d{4}"
_DATE = "|".join((
    r"\d{4}-\d{1,2}-\d{1,2}",
    r"\d{1,2}[./-]\d{1,2}[./-]\d{2,4}",
    rf"(?:{_WEEKDAY},?\s+)?(?:(?:le|el|den|il|o|the)\s+)?{_DAY}\s+(?:(?:de|of)\s+)?{_MONTH}"
    rf"(?:,?\s+(?:de\s+)?{_YEAR})?",
    rf"(?:{_WEEKDAY},?\s+)?{_MONTH}\s+{_DAY}(?!\d)(?:,?\s+{_YEAR})?",
    rf"{_MONTH}\s+(?:de\s+)?{_YEAR}",
    rf"{_WEEKDAY}",
    rf"{_FREE_MONTH}",
    _alt(_table_words(RELATIVE_DAYS)),
))
_AMPM = r"[ap]\.?\s?m\b\.?"
_ZONE = r"(?:\s(?-i:" + _alt(_TIME_ZONES.split()) + r")\b)?"  # "et" is French for "and"
_TIME = "(?:" + "|".join((
    rf"\d{{1,2}}[:h]\d{{2}}(?:\s?{_AMPM})?",
    rf"\d{{1,2}}\.\d{{2}}\s?{_AMPM}",
    rf"\d{{1,2}}\s?{_AMPM}",
    r"\d{1,2}/\d{1,2}c\b",
    r"\d{1,2}\s?Uhr\b",
)) + ")" + _ZONE
_NUMBER = (rf"(?:[{_CURRENCY}]\s?)?\d{{1,3}}(?:[,.\u00a0\u202f]\d{{3}})+(?:[.,]\d+)?"
           rf"|(?:[{_CURRENCY}]\s?)?\d+(?:[.,]\d+)?")
_NUMBER_END = rf"(?:\s?%|\s?[{_CURRENCY}]|st|nd|rd|th|º|ª|k|K|x)?"
_URL = (r"(?:https?://|www\.)[^\s<>()\[\]\"'“”]*[^\s<>()\[\]\"'“”.,;:!?]"
        # A bare domain starts where a dotted run starts: tried from every letter of
        # "a.a.a.a..." it would take time growing with the square of the line.
        r"|(?<![\w.-])[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|io|co|tv|fm|fr|de|es|it|pt|uk|us|ca|au|info|me"
        r"|app|club|blog|news|show)\b(?:/[^\s<>()\[\]\"'“”]*[^\s<>()\[\]\"'“”.,;:!?])?")
_QUOTED = ("\"[^\"\\n]{1,160}\"|“[^”\\n]{1,160}”|„[^“”\\n]{1,160}[“”]|«[^»\\n]{1,160}»"
           "|(?<!\\w)['‘](?=[^\\s'’])[^'‘’\\n]{0,158}[^\\s'‘][’'](?!\\w)")
_HANDLE = r"(?<![\w@])@\w[\w.]{0,30}\w|(?<![\w#&])#[^\W\d_]\w{1,40}"
_CODE = r"(?=[^\W_]*\d)(?=[^\W_]*[^\W\d_])[^\W_]{2,}"
_TYPED = re.compile(
    r"(?P<url>" + _URL + r")|(?P<handle>" + _HANDLE + r")|(?P<quoted>" + _QUOTED + r")"
    r"|(?<![\w.])(?:(?P<date>" + _DATE + r")|(?P<time>" + _TIME + r")"
    r"|(?P<number>(?:" + _NUMBER + r")" + _NUMBER_END + r")|(?P<code>" + _CODE + r"))(?!\w)",
    re.IGNORECASE)
_WORD = re.compile(r"[^\W_]+")
_SENTENCE_END = re.compile(r"[.!?…]|\n|^\s*(?:[-*•]|\d+[.)])\s")
_JOIN = re.compile(r"^[\s'’\-&]+$")
_NEVER_NAME = _table_words(NEVER_NAMES)
_CONNECTOR = _table_words(CONNECTORS)
_PRONOUN_OF: dict[str, frozenset[str]] = {}
for _lang, _words in PRONOUNS.items():
    for _word in _words.split():
        _PRONOUN_OF[_word.casefold()] = _PRONOUN_OF.get(_word.casefold(), frozenset()) | {_lang}
_NO_LANGUAGE: frozenset[str] = frozenset()
_WILDCARD = re.compile(r"\{([a-z]+)\}")
_COMPATIBLE = {"name": "title", "quoted": "title", "code": "title"}
"""A name, a quoted title and a code stand in for each other: a title is quoted one week
and not the next, a promo code is BACKROW one week and SOFA20 the next."""


class ShapeError(ValueError):
    """A shape string that cannot be read (an unknown wildcard, no words)."""


def _same_word(mine: str, theirs: str) -> bool:
    """Whether a shape's fixed word matches a line's word: the same word, or two pronouns
    of one language."""
    return mine == theirs or bool(_PRONOUN_OF.get(mine, _NO_LANGUAGE)
                                  & _PRONOUN_OF.get(theirs, _NO_LANGUAGE))


def _kin(word: str) -> str:
    """A word as the near match of long shapes compares it: any pronoun is one."""
    return "{pronoun}" if word in _PRONOUN_OF else word


def normal_text(text: str) -> str:
    return unicodedata.normalize("NFC", text).replace("\u00a0", " ")


def words_of(text: str) -> tuple[str, ...]:
    """The words of ``text``, case-folded, punctuation dropped."""
    return tuple(w.casefold() for w in _WORD.findall(normal_text(text)))


@dataclass(frozen=True)
class Token:
    kind: str
    """``word`` or one of KINDS."""
    text: str
    start: int
    end: int

    @property
    def words(self) -> tuple[str, ...]:
        return words_of(self.text)


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


def _plain_tokens(text: str, offset: int, at_start: bool) -> list[Token]:
    """Words of a stretch between typed things, capitalised runs made names."""
    found = [(m.group(), m.start() + offset, m.end() + offset) for m in _WORD.finditer(text)]
    tokens: list[Token] = []
    i = 0
    while i < len(found):
        word, start, end = found[i]
        gap = text[found[i - 1][2] - offset:start - offset] if i else text[:start - offset]
        sentence_start = (at_start and i == 0) or bool(_SENTENCE_END.search(gap))
        if not _capitalised(word) or word.isdigit():
            tokens.append(Token("word", word, start, end))
            i += 1
            continue
        # The run of capitalised words (with connectors between them) from here.
        j, last = i, i
        while j + 1 < len(found):
            between = text[found[j][2] - offset:found[j + 1][1] - offset]
            nxt = found[j + 1][0]
            if not _JOIN.match(between):
                break
            if _capitalised(nxt) and nxt.casefold() not in _NEVER_NAME:
                j += 1
                last = j
            elif nxt.casefold() in _CONNECTOR and not _capitalised(nxt):
                j += 1
            else:
                break
        run_len = last - i + 1
        lead = word.casefold() in _NEVER_NAME
        # At a sentence's start a capitalised word begins a name only beside another one:
        # "Previously on Harbour Lights" is a word, "on" and a name.
        joined = run_len > 1 and (not sentence_start or _capitalised(found[i + 1][0]))
        if (sentence_start and (not joined or lead)) or (lead and run_len == 1):
            # "Sofa score", "The Back Row Club": a sentence's first word is a word.
            tokens.append(Token("word", word, start, end))
            i += 1
            continue
        tokens.append(Token("name", text[start - offset:found[last][2] - offset],
                            start, found[last][2]))
        i = last + 1
    return tokens


def tokenise(text: str) -> list[Token]:
    """The words and typed things of a line, in order."""
    text = normal_text(text)
    tokens: list[Token] = []
    pos = 0
    for match in _TYPED.finditer(text):
        tokens += _plain_tokens(text[pos:match.start()], pos, pos == 0)
        tokens.append(Token(match.lastgroup or "word", match.group(), match.start(),
                            match.end()))
        pos = match.end()
    return tokens + _plain_tokens(text[pos:], pos, pos == 0)


def _group(kind: str) -> str:
    return _COMPATIBLE.get(kind, kind)


@dataclass(frozen=True)
class Pattern:
    """A parsed shape: fixed words and wildcards, in order."""

    elements: tuple[tuple[str, str], ...]
    """(``word``, the word) or (``wild``, the kind)."""

    @property
    def fixed(self) -> int:
        return sum(1 for kind, _ in self.elements if kind == "word")

    @property
    def wildcards(self) -> int:
        return len(self.elements) - self.fixed

    @property
    def key(self) -> str:
        """The shape as words and wildcards only: two shapes with one key are one rule."""
        return " ".join(v if k == "word" else "{" + v + "}" for k, v in self.elements)

    def general_enough(self) -> bool:
        """Not a shape that could match ordinary narration (see MIN_FIXED_WORDS)."""
        if self.wildcards == 0:
            return True
        if self.fixed >= MIN_FIXED_WORDS and self.fixed >= self.wildcards:
            return True
        # "Updated {time}, {date}": one label word first, then only a timestamp.
        first, rest = self.elements[0], self.elements[1:]
        return (self.fixed == 1 and first[0] == "word"
                and all(kind == "wild" and value in LABEL_KINDS for kind, value in rest))

    def matches(self, line: Line | str) -> bool:
        """Whether the whole of ``line`` has this shape."""
        line = Line.of(line) if isinstance(line, str) else line
        if self._exact(line.flat):
            return True
        return self.fixed >= FUZZY_MIN_FIXED and self._close(line.sequence)

    def _exact(self, flat) -> bool:
        pos = 0
        for kind, value in self.elements:
            if pos >= len(flat):
                return False
            group, index, size, word = flat[pos]
            if kind == "word":
                if not _same_word(value, word):
                    return False
                pos += 1
            elif index == 0 and group == _group(value):
                pos += size
            else:
                return False
        return pos == len(flat)

    @cached_property
    def _sequence(self) -> list[str]:
        return [_kin(v) if k == "word" else "{" + _group(v) + "}" for k, v in self.elements]

    def _close(self, theirs: tuple[str, ...]) -> bool:
        mine = self._sequence
        if 2 * min(len(mine), len(theirs)) < FUZZY_RATIO * (len(mine) + len(theirs)):
            return False  # the lengths alone rule it out
        matcher = difflib.SequenceMatcher(None, mine, theirs, autojunk=False)
        return (matcher.real_quick_ratio() >= FUZZY_RATIO
                and matcher.quick_ratio() >= FUZZY_RATIO and matcher.ratio() >= FUZZY_RATIO)


@dataclass(frozen=True)
class Line:
    """A line read once for matching against many shapes."""

    flat: tuple[tuple[str, int, int, str], ...]
    """Each word: (its token's kind group, its index in the token, the token's word count,
    the word)."""
    sequence: tuple[str, ...]
    """Plain words, and each typed thing as ``{group}``: for the near match of long shapes."""

    @classmethod
    def of(cls, text: str) -> Line:
        tokens = tokenise(text)
        flat, sequence = [], []
        for token in tokens:
            words, group = token.words, _group(token.kind)
            flat += [(group, i, len(words), w) for i, w in enumerate(words)]
            sequence += list(map(_kin, words)) if token.kind == "word" else ["{" + group + "}"]
        return cls(tuple(flat), tuple(sequence))


def make_shape(text: str) -> str:
    """The shape of a line: its typed things replaced by ``{kind}``, the rest as written."""
    text = normal_text(text)
    out, pos = [], 0
    for token in tokenise(text):
        if token.kind == "word":
            continue
        out.append(text[pos:token.start])
        out.append("{" + token.kind + "}")
        pos = token.end
    out.append(text[pos:])
    # Braces in the words themselves would read back as wildcards.
    shape = "".join(part if part.startswith("{") and part[1:-1] in KINDS
                    else part.replace("{", "(").replace("}", ")") for part in out)
    return " ".join(shape.split())


def literal_shape(text: str) -> str:
    """A line as a shape with no wildcards (braces made parentheses)."""
    return " ".join(normal_text(text).replace("{", "(").replace("}", ")").split())


@lru_cache(maxsize=4096)
def parse_shape(shape: str) -> Pattern:
    """Read a shape string; raises ShapeError for an unknown wildcard or a shape of no words."""
    elements: list[tuple[str, str]] = []
    pos = 0
    for match in _WILDCARD.finditer(shape):
        elements += [("word", w) for w in words_of(shape[pos:match.start()])]
        kind = match.group(1)
        if kind not in KINDS:
            raise ShapeError(f"unknown wildcard {{{kind}}}")
        elements.append(("wild", kind))
        pos = match.end()
    elements += [("word", w) for w in words_of(shape[pos:])]
    if not elements:
        raise ShapeError("the shape has no words")
    return Pattern(tuple(elements))
