"""English: its words around numbers, its clock (a-m, "fourteen hundred"), its dates
("November fourteenth", "the fourteenth of November")."""

from __future__ import annotations

import re

from recapcast.text.speech.languages.base import Language, Reader

UNITS = {
    "km": ("kilometer", "kilometers"), "kms": ("kilometer", "kilometers"),
    "m": ("meter", "meters"), "cm": ("centimeter", "centimeters"),
    "mm": ("millimeter", "millimeters"), "mi": ("mile", "miles"),
    "ft": ("foot", "feet"), "yd": ("yard", "yards"),
    "kg": ("kilogram", "kilograms"), "g": ("gram", "grams"), "mg": ("milligram", "milligrams"),
    "lb": ("pound", "pounds"), "lbs": ("pound", "pounds"), "oz": ("ounce", "ounces"),
    "tbsp": ("tablespoon", "tablespoons"), "tsp": ("teaspoon", "teaspoons"),
    "tbs": ("tablespoon", "tablespoons"),
    "mph": ("mile per hour", "miles per hour"), "kph": ("kilometer per hour",
                                                        "kilometers per hour"),
    "km/h": ("kilometer per hour", "kilometers per hour"),
    "ml": ("milliliter", "milliliters"), "l": ("liter", "liters"),
    "hz": ("hertz", "hertz"), "khz": ("kilohertz", "kilohertz"),
    "mhz": ("megahertz", "megahertz"), "ghz": ("gigahertz", "gigahertz"),
    "kb": ("kilobyte", "kilobytes"), "mb": ("megabyte", "megabytes"),
    "gb": ("gigabyte", "gigabytes"), "tb": ("terabyte", "terabytes"),
    "w": ("watt", "watts"), "kw": ("kilowatt", "kilowatts"), "v": ("volt", "volts"),
    "min": ("minute", "minutes"), "mins": ("minute", "minutes"), "hr": ("hour", "hours"),
    "hrs": ("hour", "hours"), "sec": ("second", "seconds"), "secs": ("second", "seconds"),
    "ms": ("millisecond", "milliseconds"), "fps": ("frame per second", "frames per second"),
    "°c": ("degree Celsius", "degrees Celsius"), "°f": ("degree Fahrenheit",
                                                        "degrees Fahrenheit"),
    "°": ("degree", "degrees"),
    "yr": ("year", "years"), "yrs": ("year", "years"),
    "bps": ("basis point", "basis points"), "bp": ("basis point", "basis points"),
    "kt": ("knot", "knots"), "kts": ("knot", "knots"), "atm": ("atmosphere", "atmospheres"),
    "psi": ("pound per square inch", "pounds per square inch"), "mpg": ("mile per gallon",
                                                                       "miles per gallon"),
}

WORDING = dict(
    words={
        "percent": "percent", "to": "to", "and": "and", "plus": "plus", "equals": "equals",
        "minus": "minus", "number": "number", "versus": "versus", "about": "about",
        "season": "season", "episode": "episode", "episodes": "episodes", "page": "page",
        "pages": "pages", "out of": "out of", "dot": "dot", "at": "at", "half": "half",
        "a half": "a half", "one half": "one half", "of": "of", "the": "the", "hours": "hours",
        "minutes": "minutes", "seconds": "seconds", "hour": "hour", "minute": "minute",
        "second": "second", "o'clock": "o'clock", "hashtag": "",
        "in the words of": "In the words of",
        "thanks for listening to": "Thanks for listening to",
    },
    abbreviations={
        "Dr.": "Doctor", "Mr.": "Mister", "Mrs.": "Missus", "Ms.": "Miz", "Mt.": "Mount",
        "Jr.": "Junior", "Sr.": "Senior", "vs.": "versus", "vs": "versus", "v.": "versus",
        "etc.": "et cetera", "e.g.": "for example", "i.e.": "that is",
        "approx.": "approximately", "feat.": "featuring",
        "Ave.": "Avenue", "Blvd.": "Boulevard", "Rd.": "Road", "Bros.": "Brothers",
        "Co.": "Company", "Inc.": "Incorporated", "Ltd.": "Limited", "Corp.": "Corporation",
        "Dept.": "Department", "Univ.": "University", "Jan.": "January", "Feb.": "February",
        "Aug.": "August", "Sept.": "September", "Oct.": "October", "Nov.": "November",
        "Dec.": "December", "WWI": "World War One", "WWII": "World War Two",
        "INT.": "Interior", "EXT.": "Exterior", "INT./EXT.": "Interior, exterior",
        "def.": "defeated", "mr.": "mister", "mrs.": "missus", "dr.": "doctor", "§": "section",
        "§§": "sections",
        "WW1": "World War One", "WW2": "World War Two",
        "Mon.": "Monday", "Tue.": "Tuesday", "Tues.": "Tuesday", "Wed.": "Wednesday",
        "Thu.": "Thursday", "Thur.": "Thursday", "Thurs.": "Thursday", "Fri.": "Friday",
        "Sat.": "Saturday", "ep.": "episode", "eps.": "episodes", "(ret.)": "(retired)",
        "Apt.": "Apartment", "w/": "with", "w/o": "without",
    },
    titles={
        "Lt.": "Lieutenant", "Lieut.": "Lieutenant", "Cmdr.": "Commander",
        "Cdr.": "Commander", "Capt.": "Captain", "Sgt.": "Sergeant", "Det.": "Detective",
        "Prof.": "Professor", "Gen.": "General", "Sen.": "Senator", "Rep.": "Representative",
        "Gov.": "Governor", "Pres.": "President", "Col.": "Colonel", "Maj.": "Major",
        "Adm.": "Admiral", "Insp.": "Inspector", "Supt.": "Superintendent",
        "Cpl.": "Corporal", "Pvt.": "Private", "Rev.": "Reverend", "Hon.": "Honorable",
        "Fr.": "Father", "Mme.": "Madame", "Mme": "Madame", "Mlle": "Mademoiselle",
        "Mlle.": "Mademoiselle", "Cllr.": "Councillor", "Amb.": "Ambassador",
        "Lt": "Lieutenant", "Capt": "Captain", "Sgt": "Sergeant", "Det": "Detective",
        "Prof": "Professor", "Cmdr": "Commander", "Ft.": "Fort",
    },
    month_names=tuple("January February March April May June July August September October "
                      "November December".split()),
    zones={
        "ET": "eastern", "EST": "eastern", "EDT": "eastern", "CT": "central",
        "CST": "central", "CDT": "central", "MT": "mountain", "MST": "mountain",
        "MDT": "mountain", "PT": "pacific", "PST": "pacific", "PDT": "pacific",
        "GMT": "G M T", "UTC": "U T C", "BST": "British summer time", "CET": "C E T",
        "AEST": "Australian eastern", "JST": "Japan time", "IST": "India time",
    },
    units=UNITS,
    fractions={2: ("half", "halves"), 4: ("quarter", "quarters")},
    english=True,
)


def clock(r: Reader, hour: int, minute: int, *, hours: bool = False,
          ampm: str | None = None, end: str = "") -> str:
    """9:30 p.m. -> nine thirty p-m; 14:00 -> fourteen hundred; 10:00 -> ten o'clock."""
    if ampm:
        # Letters joined by a hyphen are spelled: espeak-ng reads a lone "a" as the
        # article ("six uh em"), "a-m" as the letters.
        suffix = f" {ampm.lower()}-m{end}"
    elif minute == 0 and hour > 12:
        suffix = " hundred"  # a 24-hour clock: 14:00 is "fourteen hundred"
    elif minute == 0:
        suffix = " o'clock"
    else:
        suffix = ""
    if minute == 0:
        return r.n.cardinal(hour) + suffix
    return f"{r.n.cardinal(hour)} {'oh ' if minute < 10 else ''}{r.n.cardinal(minute)}{suffix}"


def date(r: Reader, day: int, month: int, year: int | None, before: str,
         iso: bool = False) -> str:
    """11/14/2026 -> November fourteenth twenty twenty six (a comma after the day in ISO)."""
    spoken = f"{r.w.month_names[month - 1]} {r.ordinal(day)}"
    if year is None:
        return spoken
    return f"{spoken}{',' if iso else ''} {r.n.year(year)}"


def month_then_day(r: Reader, month: str, day: int) -> str:
    """Nov. 14 -> November fourteenth."""
    return f"{month} {r.ordinal(day)}"


def day_then_month(r: Reader, day: int, month: str, before: str) -> str:
    """14 November -> the fourteenth of November ("The 4th of July" keeps its one "the")."""
    the = "" if re.search(r"\b[Tt]he\s+$", before) else "the "
    return f"{the}{r.ordinal(day)} of {month}"


# "at 21.45", "the 6.30 train", "the 10.15 from Paddington": a British clock time, written
# with a full stop, where the words around it say it is one.
_CLOCK_BEFORE = (r"(?i:at|from|until|till|by|before|after|around)|[Tt]he(?=\s+\d{1,2}\.\d\d\s+"
                 r"(?:(?:train|bus|coach|ferry|flight|plane|boat|tram|service|sailing|departure|"
                 r"arrival|kick-?off|start|showing|screening|performance|show|news|bulletin)\b|"
                 r"(?:from|to)\s+[A-Z]))")

LANGUAGE = Language(code="en", wording=WORDING, clock=clock, date=date,
                    month_then_day=month_then_day, day_then_month=day_then_month,
                    clock_before=_CLOCK_BEFORE,
                    clock_after=r"GMT|BST|CET|UTC|[ap]\.?m\b\.?|h\b")
