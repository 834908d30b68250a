"""Clock times (9:30 p.m., 21h30, 22.00 GMT), durations (01:02:03, 1h 20m) and broadcast
slots (9/8c). The words of a time are the language's (:mod:`.languages`)."""

from __future__ import annotations

import re
from functools import lru_cache

from recapcast.text.speech.reader import Reader

__all__ = ["times"]

_TIME = re.compile(
    r"\b(?P<h>\d{1,2})(?:[:.](?P<m>[0-5]\d))?\s?(?P<ap>[ap])\.?\s?m\b\.?(?!\w)"
    r"(?:\s(?P<zone>(?-i:[A-Z]{2,4}))\b)?"
    r"|\b(?P<h2>\d{1,2})[:h](?P<m2>[0-5]\d)\b(?![:\d])(?P<hours>\s?(?:Uhr|hrs?|h)\b)?"
    r"(?:\s(?P<zone2>(?-i:[A-Z]{2,4}))\b)?",
    re.IGNORECASE)
# What follows a number that counts or measures, so "at 3.14 percent" is no clock time
_COUNTED = re.compile(r"\s*(?:%|°|per\b|percent|points?|pounds?|dollars?|euros?|times|"
                      r"[a-z]+s\b|(?:km|mi|mph|kph|kg|g|lbs?|oz|ft|m|cm|mm|l|ml)\b)")
_DURATION = re.compile(r"\b(?P<h>\d{1,2}):(?P<m>[0-5]\d):(?P<s>[0-5]\d)\b")
_HOURS_MINUTES = re.compile(r"\b(?P<h>\d{1,2})\s?h(?:rs?)?\s?(?P<m>[0-5]?\d)\s?m(?:ins?)?\b")
_BROADCAST = re.compile(r"\b(?P<a>\d{1,2})/(?P<b>\d{1,2})(?P<zone>c)\b")


def times(r: Reader, text: str) -> str:
    """9:30 p.m. ET -> nine thirty p-m eastern; 21:15 -> veintiuna y cuarto."""
    if r.n is None:
        return text
    text = _DURATION.sub(lambda m: _duration(r, m), text)
    text = _HOURS_MINUTES.sub(lambda m: _duration(r, m), text)
    text = _BROADCAST.sub(
        lambda m: f"{r.n.cardinal(int(m.group('a')))} {r.n.cardinal(int(m.group('b')))}"
                  f" {r.w.zones.get('CT', '')}".rstrip() if r.en else m.group(0), text)
    dotted = _dotted_clock(r.lang.clock_before, r.lang.clock_after)
    if dotted:
        # "at 21.45", "22.00 GMT", "um 18.45 Uhr", "alle 19.30": a clock time written with a
        # full stop, where the words around it say it is one (else 3.14 is a number).
        text = dotted.sub(lambda m: _colon(m) if _is_clock(r, m) else m.group(0), text)
    return _TIME.sub(lambda m: _time(r, m), text)


def _is_clock(r: Reader, m: re.Match) -> bool:
    before = (m.group("before") or "").strip().lower()
    if m.group("after"):
        return True
    if not before:
        return False
    if r.lang.dotted_dates and m.string.startswith(".", m.end()) and before != "um":
        return False  # "bis 5.10.": the fifth of October
    return before.startswith("the") or not _COUNTED.match(m.string, m.end())


def _colon(m: re.Match) -> str:
    return f"{m.group('before') or ''}{m.group('h')}:{m.group('m')}{m.group('after') or ''}"


@lru_cache(maxsize=16)
def _dotted_clock(before: str, after: str) -> re.Pattern[str] | None:
    if not (before or after):
        return None
    return re.compile(
        rf"(?P<before>\b(?:{before or '(?!)'})\s+)?\b(?P<h>[01]?\d|2[0-3])\.(?P<m>[0-5]\d)\b"
        rf"(?!\.\d)(?P<after>\s?(?:{after or '(?!)'}))?")


def _duration(r: Reader, m: re.Match) -> str:
    parts = []
    for group, one, many in (("h", "hour", "hours"), ("m", "minute", "minutes"),
                             ("s", "second", "seconds")):
        value = int(m.groupdict().get(group) or 0)
        if value:
            parts.append(f"{r.n.cardinal(value)} {r.say(one if value == 1 else many, one)}")
    return " ".join(parts) or r.n.cardinal(0)


def _time(r: Reader, m: re.Match) -> str:
    hour = int(m.group("h") or m.group("h2"))
    minute = int(m.group("m") or m.group("m2") or 0)
    zone = m.group("zone") or m.group("zone2") or ""
    zone_word = tail = ""
    if zone:
        if zone in r.w.zones:
            zone_word = " " + r.w.zones[zone]
        else:
            tail = " " + zone
    # "p.m." at the end of the text also ends the sentence.
    end = "." if m.group(0).endswith(".") and m.end() == len(m.string) and not zone else ""
    hours = bool((m.group("hours") or "").strip())
    return r.lang.clock(r, hour, minute, hours=hours, ampm=m.group("ap"), end=end) + (
        zone_word + tail)
