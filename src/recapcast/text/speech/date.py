"""Dates (2026-11-14, 14/11/2026, 14.11.2026, Nov. 14, 14 November, "on 6/15"), short
years ('24) and decades (the '90s). The words of a date are the language's."""

from __future__ import annotations

import re

from recapcast.text.speech.reader import Reader

__all__ = ["dates", "years", "month_and_day", "day_and_month"]

_DAY_MONTH = re.compile(r"\b(?P<month>[A-Z][a-z]{2,8})\.?\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?\b"
                        r"(?!:|\d|\s?(?:%|[ap]\.?m\b))")
_MONTH_DAY = re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?"
                        r"(?P<month>[A-Z][a-z]{2,8})\b\.?")
_ISO_DATE = re.compile(r"(?<![\d-])(?P<y>1[89]\d\d|20\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?![\d-])")
_SLASH_DATE = re.compile(r"(?<![\d/])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4}|\d{2})(?![\d/])")
_DOTTED_DATE = re.compile(
    r"(?<![\d.])(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4}|\d{2})(?![\d.]\d)")
# "am 1.5.", "vom 3.10. bis": a day and month, the year left out
_DOTTED_DAY = re.compile(r"(?<![\d.,])(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?![\d.,]?\d)")
_DATE_BEFORE = re.compile(r"\b(?:on|by|since|until|till|before|after|from|dated|aired|"
                          r"airs|premieres?|premiered)\s+$", re.IGNORECASE)
_DAY_BEFORE = re.compile(r"\b(?:el|le|il|am|dia|día|giorno|jour|desde|hasta|depuis|dal|del|"
                         r"du|vom|bis|ab|seit|zum|sábado|domingo|lunes|martes|miércoles|jueves|"
                         r"viernes|sáb|dom|Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|"
                         r"Sonntag|(?-i:(?:Mo|Di|Mi|Do|Fr|Sa|So)\.))\.?,?\s+$", re.IGNORECASE)
# "Jan. '24", "in '85": a year by its last two digits (not '90s, a decade)
_SHORT_YEAR = re.compile(r"(?<![\w'’])['’](\d{2})\b(?!['’]?s\b)")
_DECADE = re.compile(r"(?<![\w'’])['’]?(?P<num>\d{2}|\d{4})s\b")


def _valid(day: int, month: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= 31


def dates(r: Reader, text: str) -> str:
    """Dates written in digits or with a month's name, as the show's language says them."""
    if r.n is None or not r.w.months:
        return text
    months = r.w.months

    def month_day(m: re.Match) -> str:  # Nov. 14
        month, day = months.get(m.group("month").lower()), int(m.group("day"))
        if month is None or not 1 <= day <= 31:
            return m.group(0)
        return r.lang.month_then_day(r, month, day)

    def day_month(m: re.Match) -> str:  # 14 November
        month, day = months.get(m.group("month").lower().rstrip(".")), int(m.group("day"))
        if month is None or not 1 <= day <= 31:
            return m.group(0)
        return r.lang.day_then_month(r, day, month, m.string[:m.start()])

    def numeric(m: re.Match, day: int, month: int, year: str, iso: bool = False) -> str:
        if not _valid(day, month) or len(r.w.month_names) != 12:
            return m.group(0)
        year_n = int(year) + (2000 if len(year) == 2 else 0)
        return r.lang.date(r, day, month, year_n, m.string[:m.start()], iso=iso)

    def slash(m: re.Match) -> str:
        a, b = int(m.group("a")), int(m.group("b"))
        # 11/14/2026 in US English, 14/11/2026 everywhere else.
        month, day = (a, b) if r.w.us_dates else (b, a)
        return numeric(m, day, month, m.group("y"))

    text = _ISO_DATE.sub(lambda m: numeric(m, int(m.group("d")), int(m.group("m")),
                                           m.group("y"), iso=True), text)
    if r.lang.dotted_dates:
        text = _DOTTED_DATE.sub(
            lambda m: numeric(m, int(m.group("d")), int(m.group("m")), m.group("y")), text)
        text = _DOTTED_DAY.sub(lambda m: _dotted_day(r, m), text)
    text = _SLASH_DATE.sub(slash, text)
    text = _DAY_MONTH.sub(month_day, text)
    return _MONTH_DAY.sub(day_month, text)


def _dotted_day(r: Reader, m: re.Match) -> str:
    """"am 1.5.", "Fr., 03.05.": a day and month where a word or a leading zero asks for a
    date (else "7.5." may be a number written the English way)."""
    day, month, before = m.group("d"), m.group("m"), m.string[:m.start()]
    if not _valid(int(day), int(month)) or not (
            day.startswith("0") or month.startswith("0") or _DAY_BEFORE.search(before)):
        return m.group(0)
    return r.lang.date(r, int(day), int(month), None, before)


def month_and_day(r: Reader, a: str, b: int, before: str) -> str | None:
    """"on 6/15": a month and day without a year, where a date is expected (after "on",
    "by", "since"...), as US English writes it; else None."""
    if "." in a or not r.w.us_dates or not _DATE_BEFORE.search(before) or \
            (a, b) == ("9", 11):  # "after 9/11" is the day's name: nine eleven
        return None
    month, day = int(a), b
    if not _valid(day, month):
        return None
    return r.lang.month_then_day(r, r.w.month_names[month - 1], day)


def day_and_month(r: Reader, a: str, b: str, before: str) -> str | None:
    """"el 10/02", "il 10/02": a day and month without a year, as other languages write
    them (a leading zero or a word that asks for a date says so); else None."""
    if "." in a or len(r.w.month_names) != 12 or not (
            a.startswith("0") or b.startswith("0") or _DAY_BEFORE.search(before)):
        return None
    day, month = int(a), int(b)
    if not _valid(day, month):
        return None
    return r.lang.date(r, day, month, None, before)


def years(r: Reader, text: str) -> str:
    """'24 -> twenty four; the '90s -> the nineties; los 1990s -> los mil novecientos..."""
    if r.n is None:
        return text
    if not r.en:
        # "los 1990s" (an English habit): the year, without the s
        return _DECADE.sub(lambda m: f" {r.cardinal(m.group('num'))} ", text)
    text = _SHORT_YEAR.sub(lambda m: f" {r.n.cardinal(int(m.group(1)))}", text)
    return _DECADE.sub(lambda m: _decade(r, m), text)


def _decade(r: Reader, m: re.Match) -> str:
    num = m.group("num")
    words = r.n.year(int(num)) if len(num) == 4 else r.n.cardinal(int(num))
    return words[:-1] + "ies" if words.endswith("y") else words + "s"
