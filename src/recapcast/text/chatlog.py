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
# A forum's path to the thread, above its title: "Forums > TV Talk > Drama > Show".
_BREADCRUMB = re.compile(r"^[^>»›]{1,40}(?:\s+[>»›]\s+[^>»›]{1,40}){2,}$")
# What a forum shows under the poster's name, above the post: rank, join date, posts.
_PROFILE = re.compile(
    r"^(?:join(?:ed)?(?: date)?|member since|posts|location|reputation|rep power|thanks|"
    r"likes received|age|gender|threads)\s*:\s*\S.{0,40}$"
    r"|^(?:(?:senior|junior|new|full|veteran|registered|super|premium|elite)\s+)?"
    r"(?:member|user|moderator|mod|administrator|admin|poster|contributor|lurker)$"
    r"|^(?:banned|guest|supporter)$", re.IGNORECASE)
_HANDLE = re.compile(r"^[\w.\-]{2,40}$")
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
    # The thread's title is the first line above the posts that is not the forum's path.
    crumbs = [(n, x) for n, x in before if _BREADCRUMB.match(x)]
    before = [(n, x) for n, x in before if not _BREADCRUMB.match(x)]
    outside += [Outside(n, x, "site furniture: breadcrumb") for n, x in crumbs]
    outside += [Outside(n, x, "before the recap") for n, x in before[1:]]
    outside += [Outside(n, x, "someone else's reply") for user, lines in messages
                if user != author for n, x in lines]
    title = before[0][1] if before else ""
    for user, lines in messages:
        if user == author:
            lines[:] = _without_profile(lines, title, outside)
    paragraphs = [[(n, x) for n, x in before[:1]]] if before else []
    # Each chat line is said as a sentence of its own, as it was sent.
    paragraphs += [[(n, x if x.rstrip("\"”’')»")[-1:] in ".!?…:;," else x + ".")
                    for n, x in lines]
                   for user, lines in messages if user == author and lines]
    out: list[tuple[int, str]] = []
    for paragraph in paragraphs:
        if out:
            out.append((0, ""))
        out += paragraph
    return Rewritten("\n".join(x for _, x in out) + "\n", tuple(n for n, _ in out),
                     tuple(sorted(outside, key=lambda o: o.line)))


def _without_profile(lines: list[tuple[int, str]], title: str, outside: list[Outside]
                     ) -> list[tuple[int, str]]:
    """A forum post's lines less the poster's profile above it (name, rank, "Join Date:",
    "Posts:") and the thread's title repeated at its top."""
    at = 0
    while at < len(lines) and (_PROFILE.match(lines[at][1]) or (
            at == 0 and _HANDLE.match(lines[at][1]))):
        outside.append(Outside(lines[at][0], lines[at][1], "post information"))
        at += 1
    if at == 0:
        return lines  # a chat message: its first line is the message
    if at < len(lines) and title and lines[at][1] == title:
        outside.append(Outside(lines[at][0], lines[at][1], "repeated title"))
        at += 1
    return lines[at:]
