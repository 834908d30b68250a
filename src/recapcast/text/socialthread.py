"""A thread of social posts copied as text (Mastodon, Bluesky, X): the posts' text alone.

Copying a thread keeps each post's furniture: the poster's name and handle above it, its
time and client ("Nov 30, 2026, 21:04 · Web"), its counts ("14 boosts · 37 favourites"),
the action buttons, hashtag lines, images with their ALT text, and the thread's numbering
at each post's end ("2/9"). A text where one handle heads three posts or more is read this
way: the furniture is left out, each line of a post is a paragraph, and a content warning
that names the episode ("CW: spoilers — Show 1x03 "Title"") is the title line.
"""

from __future__ import annotations

import re

from recapcast.text.source import Outside, Rewritten
from recapcast.text.titles import parse_title

__all__ = ["read_social_thread"]

_HANDLE = re.compile(r"^\s*@[\w.\-]{1,40}(?:@[\w.\-]{2,80})?\s*$")
_WARNING = re.compile(r"^\s*(?:CW|TW|content warning|spoiler warning)\s*:\s*"
                      r"(?:spoilers?\s*(?:[—–\-:|]\s*|for\s+))?(?P<rest>.*)$", re.IGNORECASE)
_TIME = re.compile(r"^\s*(?=.*\b\d{1,2}:\d{2}\b)(?=.*\b(?:19|20)\d{2}\b).{0,60}$")
# A post's counts and buttons, in the words of the networks.
COUNT_WORDS = ("boosts?", "favou?rites?", "reblogs?", "likes?", "reposts?", "replies",
               "repl(?:y|ies)", "quotes?", "retweets?", "bookmarks?", "views?")
_COUNTS = re.compile(rf"^\s*(?:[\d.,]+[KkM]?\s+(?:{'|'.join(COUNT_WORDS)})\s*(?:[·•|]\s*)?)+$",
                     re.IGNORECASE)
_BUTTONS = re.compile(rf"^\s*(?:(?:{'|'.join(COUNT_WORDS)}|boost|favou?rite|share|more|"
                      r"show (?:more|less)|translate)\s*)+$", re.IGNORECASE)
_HASHTAGS = re.compile(r"^\s*(?:#\w+\s*)+$")
_IMAGE = re.compile(r"^\s*(?:\[(?:image|video|gif|photo)\]|alt\s*:.*)$", re.IGNORECASE)
_NUMBERED = re.compile(r"\s*(?:🧵\s*)?\b(?P<n>\d{1,3}/\d{1,3})\s*$")
MIN_POSTS = 3


def read_social_thread(text: str) -> Rewritten | None:
    """The posts of a copied thread as paragraphs, less their furniture, or None when
    ``text`` is not a thread (fewer than three posts under a handle line)."""
    lines = text.splitlines()
    handles = [i for i, line in enumerate(lines) if i and _HANDLE.match(line)]
    names = {lines[i - 1].strip() for i in handles}
    if len(handles) < MIN_POSTS or len(names) > len(handles) // 2:
        return None
    out: list[tuple[int, str]] = []
    outside: list[Outside] = []
    titled = False
    for index, line in enumerate(lines):
        number, stripped = index + 1, line.strip()
        if not stripped:
            continue
        warning = _WARNING.match(stripped)
        if index in handles or index + 1 in handles and stripped in names:
            outside.append(Outside(number, stripped, "post header"))
        elif warning and not titled and _names_episode(warning.group("rest")):
            titled = True
            out[:0] = [(number, "# " + warning.group("rest").strip()), (0, "")]
        elif warning:
            outside.append(Outside(number, stripped, "spoiler warning"))
        elif _COUNTS.match(stripped) or _BUTTONS.match(stripped):
            outside.append(Outside(number, stripped, "post counts and buttons"))
        elif _TIME.match(stripped) and len(stripped.split()) <= 8:
            outside.append(Outside(number, stripped, "post age"))
        elif _HASHTAGS.match(stripped):
            outside.append(Outside(number, stripped, "site furniture: tags"))
        elif _IMAGE.match(stripped):
            outside.append(Outside(number, stripped, "image and its caption"))
        else:
            counted = _NUMBERED.search(stripped)
            if counted:
                outside.append(Outside(number, counted.group("n"), "post number"))
                stripped = stripped[:counted.start()].rstrip()
            out += [(number, stripped), (0, "")]
    return Rewritten("\n".join(x for _, x in out), tuple(n for n, _ in out), tuple(outside))


def _names_episode(text: str) -> bool:
    parts = parse_title(text)
    return parts is not None and parts.episode is not None
