"""Turns written recap text into what a narrator would say, in chunks a voice can take."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

from recapcast.text.lexicon import substitute

__all__ = [
    "MAX_CHUNK_WORDS", "speakable", "chunk_text", "split_sentences", "number_words",
    "ordinal_words", "year_words",
]

MAX_CHUNK_WORDS = 50
"""Piper's memory grows with sentence length; no chunk handed to a voice is longer."""

_ABBREVIATIONS = {
    "Dr.": "Doctor", "Mr.": "Mister", "Mrs.": "Missus", "Ms.": "Miz", "Mt.": "Mount",
    "Jr.": "Junior", "Sr.": "Senior", "vs.": "versus", "etc.": "et cetera",
    "e.g.": "for example", "i.e.": "that is", "approx.": "about",
}
_ABBREVIATION = re.compile(
    r"(?<!\w)(" + "|".join(re.escape(k) for k in _ABBREVIATIONS) + r")(?=\s|$|[,;:])"
)
_SAINT = re.compile(r"(?<!\w)St\.(?=\s+[A-Z])")
_STREET = re.compile(r"(?<=\w)\s+St\.")
_NUMBER_SIGN = re.compile(r"(?<!\w)No\.\s*(?=\d)")
_HASH_NUMBER = re.compile(r"(?<!\w)#(?=\d)")
_ARITHMETIC = re.compile(r"(?<=\w)\s*([+=])\s*(?=\w)")
_ARITHMETIC_WORDS = {"+": "plus", "=": "equals"}
_AKA = re.compile(r"\bAKA\b|\ba\.k\.a\.", re.IGNORECASE)
_SENTENCE = re.compile(r"(?<=[.!?…][\"”’)])\s+|(?<=[.!?…])\s+")
_NOT_AN_END = re.compile(
    r"(?:\b(?:Dr|Mr|Mrs|Ms|Mt|Jr|Sr|St|No|vs|etc|approx|e\.g|i\.e)|\b[A-Z])\.$"
)
_CLAUSE = re.compile(r"(?<=[,;:–—])\s+")

_ONES = ("zero one two three four five six seven eight nine ten eleven twelve thirteen "
         "fourteen fifteen sixteen seventeen eighteen nineteen").split()
_TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_SCALES = ((10**12, "trillion"), (10**9, "billion"), (10**6, "million"), (1000, "thousand"))
_ORDINAL_WORDS = {"one": "first", "two": "second", "three": "third", "five": "fifth",
                  "eight": "eighth", "nine": "ninth", "twelve": "twelfth"}
_CURRENCIES = {"$": ("dollar", "cent"), "£": ("pound", "penny"), "€": ("euro", "cent")}
_SCALE_WORDS = {"k": "thousand", "m": "million", "mn": "million", "bn": "billion",
                "b": "billion", "thousand": "thousand", "million": "million",
                "billion": "billion", "trillion": "trillion"}

_TAG = re.compile(r"<\s*(?P<close>/)?\s*(?P<name>[a-zA-Z][\w-]*)[^<>]*>|<!--.*?-->", re.DOTALL)
_BLOCK_TAGS = {"br", "p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "tr", "td"}
_MD_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_MD_LINK = re.compile(r"\[(?P<text>[^\]]+)\]\((?:[^)\s]+)(?:\s+\"[^\"]*\")?\)")
_MD_EMPHASIS = re.compile(r"(\*\*|__|\*|_|~~|`)(?=\S)(?P<text>.+?)(?<=\S)\1(?!\w)")
_EMAIL = re.compile(r"(?<![\w.])(?P<user>[\w.+-]+)@(?P<host>[\w-]+(?:\.[\w-]+)+)")
_URL = re.compile(r"(?:https?://|www\.)[^\s<>\"]+", re.IGNORECASE)
_EMOJI = re.compile("[\U0001f000-\U0001faff\u2600-\u27bf\u2b00-\u2bff\ufe0f\u200d\u20e3"
                    "\U000e0020-\U000e007f\u2300-\u23ff]")
_ATTRIBUTION = re.compile(r"(?:^|\s)~\s*(?=[A-Z])")
_TILDE_ABOUT = re.compile(r"~\s*(?=\d)")
_MONEY = re.compile(
    r"(?P<cur>[$£€])\s?(?P<num>\d[\d,]*(?:\.\d+)?)"
    r"(?:\s?(?P<scale>thousand|million|billion|trillion|mn|bn|[kmb])\b)?", re.IGNORECASE)
_TIME = re.compile(
    r"\b(?P<h>\d{1,2})(?::(?P<m>[0-5]\d))?\s?(?P<ap>[ap])\.?\s?m\b\.?(?!\w)"
    r"|\b(?P<h2>\d{1,2}):(?P<m2>[0-5]\d)\b(?!:)", re.IGNORECASE)
_PERCENT = re.compile(r"(?P<num>\d[\d,]*(?:\.\d+)?)\s?(?:%|per ?cent\b)")
_ORDINAL = re.compile(r"\b(?P<num>\d+)(?:st|nd|rd|th)\b", re.IGNORECASE)
_RANGE = re.compile(r"(?<![\d.,–-])(?P<a>\d+)\s?[–—-]\s?(?P<b>\d+)(?![\d–-])")
_DECADE = re.compile(r"(?<![\w'’])['’]?(?P<num>\d{2}|\d{4})s\b")
_DECIMAL = re.compile(r"(?<![\d.])(?P<int>\d[\d,]*)\.(?P<frac>\d+)(?![\d.])")
_INTEGER = re.compile(r"(?<![\d.])\d{1,3}(?:,\d{3})+(?![\d,]\d)|(?<![\d.])\d+")
_PLACEHOLDER = re.compile("[\ue100-\ue8ff]")
# Left-over symbols a voice would name ("tilde", "asterisk"); spoken text never holds them.
_SYMBOLS = re.compile(r"[<>{}\[\]|\\^_*#~=`@+]")


def number_words(n: int) -> str:
    """A whole number in words, US style: 1,234 -> one thousand two hundred thirty-four."""
    if n < 0:
        return "minus " + number_words(-n)
    if n < 20:
        return _ONES[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return _TENS[tens] + (f"-{_ONES[ones]}" if ones else "")
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        return f"{_ONES[hundreds]} hundred" + (f" {number_words(rest)}" if rest else "")
    for value, name in _SCALES:
        if n >= value:
            top, rest = divmod(n, value)
            return f"{number_words(top)} {name}" + (f" {number_words(rest)}" if rest else "")
    raise AssertionError("unreachable")


def ordinal_words(n: int) -> str:
    """21 -> twenty-first."""
    words = number_words(n)
    cut = max(words.rfind(" "), words.rfind("-")) + 1
    head, last = words[:cut], words[cut:]
    if last in _ORDINAL_WORDS:
        last = _ORDINAL_WORDS[last]
    elif last.endswith("y"):
        last = last[:-1] + "ieth"
    else:
        last += "th"
    return head + last


def year_words(n: int) -> str:
    """1999 -> nineteen ninety-nine, 2005 -> two thousand five, 2015 -> twenty fifteen."""
    if 2000 <= n <= 2009 or n % 1000 == 0:
        return number_words(n)
    high, low = divmod(n, 100)
    if low == 0:
        return f"{number_words(high)} hundred"
    return f"{number_words(high)} {'oh ' if low < 10 else ''}{number_words(low)}"


def _cardinal(digits: str) -> str:
    n = int(digits.replace(",", ""))
    if "," not in digits and len(digits) == 4 and 1100 <= n <= 2099:
        return year_words(n)
    return number_words(n)


def _decimal(whole: str, frac: str) -> str:
    return f"{number_words(int(whole.replace(',', '')))} point " + " ".join(
        _ONES[int(d)] for d in frac)


def _money(m: re.Match) -> str:
    unit, cent = _CURRENCIES[m.group("cur")]
    num, scale = m.group("num"), m.group("scale")
    whole, _, frac = num.partition(".")
    if scale:
        amount = _decimal(whole, frac) if frac else number_words(int(whole.replace(",", "")))
        return f"{amount} {_SCALE_WORDS[scale.lower()]} {unit}s"
    dollars = int(whole.replace(",", ""))
    words = f"{number_words(dollars)} {unit}{'' if dollars == 1 else 's'}"
    if frac and int(frac[:2].ljust(2, "0")):
        cents = int(frac[:2].ljust(2, "0"))
        plural = "pence" if cent == "penny" and cents != 1 else cent + ("" if cents == 1 else "s")
        words += f" and {number_words(cents)} {plural}"
    return words


def _time(m: re.Match) -> str:
    hour = int(m.group("h") or m.group("h2"))
    minute = int(m.group("m") or m.group("m2") or 0)
    if m.group("ap"):
        # "p.m." at the end of the text also ends the sentence.
        end = "." if m.group(0).endswith(".") and m.end() == len(m.string) else ""
        suffix = f" {m.group('ap').lower()} m{end}"
    elif minute == 0:
        suffix = " o'clock"
    else:
        suffix = ""
    if minute == 0:
        return number_words(hour) + suffix
    return f"{number_words(hour)} {'oh ' if minute < 10 else ''}{number_words(minute)}{suffix}"


def _decade(m: re.Match) -> str:
    num = m.group("num")
    words = year_words(int(num)) if len(num) == 4 else number_words(int(num))
    return words[:-1] + "ies" if words.endswith("y") else words + "s"


def _url(m: re.Match) -> str:
    url = m.group(0).rstrip(".,;:!?)")
    host = re.sub(r"^(?:https?://)?(?:www\.)?", "", url, flags=re.IGNORECASE).split("/")[0]
    return " " + host.replace(".", " dot ") + m.group(0)[len(url):]


def _markup(text: str) -> str:
    text = _TAG.sub(lambda m: " " if (m.group("name") or "").lower() in _BLOCK_TAGS else "",
                    text)
    text = html.unescape(text)
    text = _MD_IMAGE.sub("", text)
    text = _MD_LINK.sub(lambda m: m.group("text"), text)
    for _ in range(2):
        text = _MD_EMPHASIS.sub(lambda m: m.group("text"), text)
    return text


def speakable(text: str, lexicon: Iterable[tuple[str, str]] = (), *,
              phonemes: bool = True) -> str:
    """Return ``text`` as a narrator would say it.

    Markup and emoji are dropped; abbreviations, numbers, money, times, ordinals, ranges
    and symbols become words; ``lexicon`` entries and inline ``{word|says}`` become their
    pronunciations (IPA as Piper's ``[[ ... ]]`` when ``phonemes`` is true).
    """
    kept: list[str] = []

    def protect(spoken: str) -> str:
        kept.append(spoken)
        # One private-use character a token: no later rule reads or splits it.
        return chr(0xE100 + len(kept) - 1)

    # Private-use characters mean nothing to a voice, and these ones mark protected tokens.
    text = _markup(_PLACEHOLDER.sub(" ", text))
    text = substitute(text, lexicon, phonemes, protect)
    text = _EMOJI.sub(" ", text)
    text = _EMAIL.sub(lambda m: f"{m.group('user')} at {m.group('host').replace('.', ' dot ')}",
                      text)
    text = _URL.sub(_url, text)
    text = _SAINT.sub("Saint", text)
    text = _STREET.sub(lambda m: " Street." if m.end() == len(text) else " Street", text)
    text = _NUMBER_SIGN.sub("number ", text)
    text = _HASH_NUMBER.sub("number ", text)
    text = _ABBREVIATION.sub(lambda m: _ABBREVIATIONS[m.group(1)], text)
    text = _AKA.sub("A.K.A.", text)
    text = _ATTRIBUTION.sub(" — ", text)
    text = _TILDE_ABOUT.sub("about ", text)
    text = _MONEY.sub(_money, text)
    text = _TIME.sub(_time, text)
    text = _PERCENT.sub(lambda m: f"{_number(m.group('num'))} percent", text)
    text = _ORDINAL.sub(lambda m: ordinal_words(int(m.group("num"))), text)
    text = _RANGE.sub(lambda m: f"{_cardinal(m.group('a'))} to {_cardinal(m.group('b'))}", text)
    text = _DECADE.sub(_decade, text)
    text = _DECIMAL.sub(lambda m: _decimal(m.group("int"), m.group("frac")), text)
    text = _INTEGER.sub(lambda m: _cardinal(m.group(0)), text)
    text = text.replace("&", " and ").replace("%", " percent ")
    text = _ARITHMETIC.sub(lambda m: f" {_ARITHMETIC_WORDS[m.group(1)]} ", text)
    text = re.sub(r"(?<=\w)/(?=\w)", " ", text)
    text = re.sub(r"\s+-+\s+", ", ", text)
    text = _SYMBOLS.sub(" ", text)
    text = re.sub(r"\s+([,.;:!?])", r"\1", text)
    text = re.sub(r"([,;:])(?:\s*[,;:])+", r"\1", text)
    text = _PLACEHOLDER.sub(lambda m: kept[ord(m.group(0)) - 0xE100], text)
    return re.sub(r"\s+", " ", text).strip()


def _number(digits: str) -> str:
    whole, _, frac = digits.partition(".")
    return _decimal(whole, frac) if frac else number_words(int(whole.replace(",", "")))


def _split_long(sentence: str, limit: int) -> list[str]:
    """Cut a sentence over ``limit`` words at clause marks, else into equal word runs."""
    pieces: list[str] = []
    for clause in _CLAUSE.split(sentence):
        words = clause.split()
        if len(words) <= limit:
            pieces.append(clause)
            continue
        parts = -(-len(words) // limit)
        size = -(-len(words) // parts)
        pieces += [" ".join(words[i:i + size]) for i in range(0, len(words), size)]
    return _pack(pieces, limit)


def _pack(pieces: list[str], limit: int) -> list[str]:
    """Join pieces into chunks of at most ``limit`` words, of about even length.

    Even chunks avoid a short tail (a 108-word paragraph is 36+36+36, not 50+43+15): a
    few words alone lose the context that carries their intonation.
    """
    total = sum(len(p.split()) for p in pieces)
    target = total / max(1, -(-total // limit))
    chunks: list[str] = []
    current: list[str] = []
    count = 0
    for piece in pieces:
        n = len(piece.split())
        if current and (count + n > limit or abs(count + n - target) > abs(count - target)):
            chunks.append(" ".join(current))
            current, count = [], 0
        current.append(piece)
        count += n
    if current:
        chunks.append(" ".join(current))
    return chunks


def split_sentences(text: str) -> list[str]:
    """The sentences of a paragraph; abbreviations such as ``Dr.`` do not end one."""
    sentences: list[str] = []
    for piece in _SENTENCE.split(text.strip()):
        if sentences and _NOT_AN_END.search(sentences[-1]):
            sentences[-1] += " " + piece
        elif piece.strip():
            sentences.append(piece.strip())
    return sentences


def chunk_text(text: str, limit: int = MAX_CHUNK_WORDS) -> list[str]:
    """Split a paragraph into its sentences; a sentence over ``limit`` words is cut further.

    One sentence a chunk keeps chunk boundaries where the author put them: editing a
    sentence changes only its own take (packing sentences into longer chunks shifted every
    boundary after an edit). Piper speaks each sentence on its own anyway, so nothing is
    lost in intonation.
    """
    chunks: list[str] = []
    for sentence in split_sentences(text):
        if len(sentence.split()) > limit:
            chunks += _split_long(sentence, limit)
        else:
            chunks.append(sentence)
    return chunks
