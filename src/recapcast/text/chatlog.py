"""A recap pasted from a chat (Discord, Slack): the recapper's messages alone.

A chat paste is a run of message headers ("mothgirl — Today at 9:14 PM", "dex  9:15 PM")
each followed by that person's lines, with reaction counts (":skull: 3") and "(edited)"
marks between. The recap is the messages of the one who wrote most of it; the others'
replies are chatter, as a forum's comments are.
"""

from __future__ import annotations

import re

__all__ = ["chat_recap"]

_HEADER = re.compile(
    r"^(?P<user>[^\s—–-][^—–]{0,40}?)\s+(?:[—–-]\s+)?(?:(?:Today|Yesterday|Last \w+) at |"
    r"\d{1,2}/\d{1,2}/\d{2,4},?\s+(?:at\s+)?)?\d{1,2}:\d{2}\s?(?:[AaPp]\.?[Mm]\.?)?\s*$")
_NOISE = re.compile(r"^(?:(?::[\w+-]+:\s*\d*\s*)+|\(edited\)|\[edited\]|[\U0001F300-\U0001FAFF"
                    r"\u2600-\u27BF]\s*\d+(?:\s+[\U0001F300-\U0001FAFF\u2600-\u27BF]\s*\d+)*)$")
_MENTION = re.compile(r"^@[\w.\-]+\s+")
MIN_HEADERS = 3


def chat_recap(text: str) -> str | None:
    """The recapper's messages of a chat paste, one paragraph a message, or None when
    ``text`` is not a chat (fewer than three message headers)."""
    messages: list[tuple[str, list[str]]] = []
    before: list[str] = []
    for line in text.splitlines():
        header = _HEADER.match(line.strip())
        if header:
            messages.append((header.group("user").strip(), []))
        elif messages:
            if line.strip() and not _NOISE.match(line.strip()):
                messages[-1][1].append(_MENTION.sub("", line.strip()))
        else:
            before.append(line)
    if len(messages) < MIN_HEADERS:
        return None
    words: dict[str, int] = {}
    for user, lines in messages:
        words[user] = words.get(user, 0) + sum(len(x.split()) for x in lines)
    author = max(words, key=words.get)
    title = [x.strip() for x in before if x.strip()][:1]
    # Each chat line is said as a sentence of its own, as it was sent.
    body = ["\n".join(x if x[-1] in ".!?…:;," else x + "." for x in lines)
            for user, lines in messages if user == author and lines]
    return "\n\n".join(title + body) + "\n"
