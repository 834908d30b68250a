"""A recap pasted from a chat (Discord, Slack): the recapper's messages alone.

A chat paste is a run of message headers ("mothgirl — Today at 9:14 PM", "dex  9:15 PM")
each followed by that person's lines, with reaction counts (":skull: 3") and "(edited)"
marks between. The recap is the messages of the one who wrote most of it; the others'
replies are chatter, as a forum's comments are.
"""

from __future__ import annotations

import re

from recapcast.text.source import Outside, Rewritten

__all__ = ["chat_recap", "read_chat"]

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
    found = read_chat(text)
    return found.text if found else None


def read_chat(text: str) -> Rewritten | None:
    """``chat_recap`` with each line's place in the paste and the lines it leaves out."""
    messages: list[tuple[str, list[tuple[int, str]]]] = []
    before: list[tuple[int, str]] = []
    outside: list[Outside] = []
    for number, line in enumerate(text.splitlines(), start=1):
        header = _HEADER.match(line.strip())
        if header:
            messages.append((header.group("user").strip(), []))
            outside.append(Outside(number, line.strip(), "chat message header"))
        elif messages:
            if line.strip() and not _NOISE.match(line.strip()):
                messages[-1][1].append((number, _MENTION.sub("", line.strip())))
            elif line.strip():
                outside.append(Outside(number, line.strip(), "chat reactions"))
        elif line.strip():
            before.append((number, line.strip()))
    if len(messages) < MIN_HEADERS:
        return None
    words: dict[str, int] = {}
    for user, lines in messages:
        words[user] = words.get(user, 0) + sum(len(x.split()) for _, x in lines)
    author = max(words, key=words.get)
    outside += [Outside(n, x, "before the recap") for n, x in before[1:]]
    outside += [Outside(n, x, "someone else's reply") for user, lines in messages
                if user != author for n, x in lines]
    paragraphs = [[(n, x) for n, x in before[:1]]] if before else []
    # Each chat line is said as a sentence of its own, as it was sent.
    paragraphs += [[(n, x if x[-1] in ".!?…:;," else x + ".") for n, x in lines]
                   for user, lines in messages if user == author and lines]
    out: list[tuple[int, str]] = []
    for paragraph in paragraphs:
        if out:
            out.append((0, ""))
        out += paragraph
    return Rewritten("\n".join(x for _, x in out) + "\n", tuple(n for n, _ in out),
                     tuple(sorted(outside, key=lambda o: o.line)))
