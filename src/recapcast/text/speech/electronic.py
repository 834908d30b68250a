"""E-mail addresses, web addresses, hashtags and handles."""

from __future__ import annotations

import re

from recapcast.text.speech.reader import Reader

__all__ = ["emails", "urls", "handles"]

_EMAIL = re.compile(r"(?<![\w.])(?P<user>[\w.+-]+)@(?P<host>[\w-]+(?:\.[\w-]+)+)")
_URL = re.compile(r"(?:https?://|www\.)[^\s<>\"]+", re.IGNORECASE)
_HASHTAG = re.compile(r"(?<![\w&#])#(?P<tag>[^\W\d_]\w*)")
_HANDLE = re.compile(r"(?<![\w@.])@(?P<tag>\w+)")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|(?<=[^\W\d_])(?=\d)"
                    r"|(?<=\d)(?=[^\W\d_])")


def emails(r: Reader, text: str) -> str:
    """tips@recap.example.com -> tips at recap dot example dot com."""
    dot, at = r.say("dot", "dot"), r.say("at", "at")
    return _EMAIL.sub(
        lambda m: f"{m.group('user')} {at} {m.group('host').replace('.', f' {dot} ')}", text)


def urls(r: Reader, text: str) -> str:
    """https://www.netflix.com/title/8 -> netflix dot com: the site, not its path."""
    dot = r.say("dot", "dot")

    def url(m: re.Match) -> str:
        address = m.group(0).rstrip(".,;:!?)")
        host = re.sub(r"^(?:https?://)?(?:www\.)?", "", address,
                      flags=re.IGNORECASE).split("/")[0]
        return " " + host.replace(".", f" {dot} ") + m.group(0)[len(address):]
    return _URL.sub(url, text)


def handles(r: Reader, text: str) -> str:
    """#TeamRed, @GrowOffTV: their words (Team Red, Grow Off TV), without the sign."""
    def words(m: re.Match) -> str:
        return _CAMEL.sub(" ", m.group("tag").replace("_", " ")).strip()
    text = _HASHTAG.sub(words, text)
    return _HANDLE.sub(words, text)
