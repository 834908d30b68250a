"""Episode codes: S3E4, 3x02, S2, Ep. 5."""

from __future__ import annotations

import re

from recapcast.text.speech.reader import Reader

__all__ = ["episodes"]

_EPISODE_CODE = re.compile(r"\b[Ss]\s?(?P<s>\d{1,2})\s?[Ee][Pp]?\s?(?P<e>\d{1,3})\b"
                           r"|\b(?P<s2>\d{1,2})[x×](?P<e2>\d{2,3})\b")
_SEASON_CODE = re.compile(r"\bS(?P<s>\d{1,2})\b(?![-–]\d)")
_EPISODE_ABBR = re.compile(r"\b(?P<abbr>Eps?|EPS?|ep)\.?\s*(?=\d)")


def episodes(r: Reader, text: str) -> str:
    """S3E4 -> season three episode four (temporada tres episodio cuatro)."""
    season, episode = r.say("season"), r.say("episode")
    if season is None or r.n is None:
        return text

    def code(m: re.Match) -> str:
        s, e = m.group("s") or m.group("s2"), m.group("e") or m.group("e2")
        return f"{season} {r.n.cardinal(int(s))} {episode} {r.n.cardinal(int(e))}"
    text = _EPISODE_CODE.sub(code, text)
    text = _SEASON_CODE.sub(lambda m: f"{season} {r.n.cardinal(int(m.group('s')))}", text)
    return _EPISODE_ABBR.sub(
        lambda m: (r.say("episodes") if m.group("abbr").lower() == "eps"
                   else episode) + " ", text)
