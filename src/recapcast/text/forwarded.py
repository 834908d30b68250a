"""A recap that arrives inside a forwarded or replied-to e-mail: the quoted recap alone.

Mail clients quote the message they forward or answer with "> " at each line, under a
header block ("---------- Forwarded message ---------", From:, Date:, Subject:, To:). The
recap is that quoted text, less the reply it was quoting in turn ("On ... wrote:" and the
">>" lines under it) and the sender's signature; the forwarder's note above it is not.
"""

from __future__ import annotations

import re

from recapcast.text.source import Outside, Rewritten

__all__ = ["quoted_recap", "read_forwarded"]

_HEADER = re.compile(r"^(?:From|To|Cc|Date|Sent|Subject|Reply-To):\s+\S", re.IGNORECASE)
_FORWARD_MARK = re.compile(r"^-{3,}\s*(?:Forwarded message|Original Message)\s*-{3,}\s*$",
                           re.IGNORECASE)
_WROTE = re.compile(r"^On .{6,200} wrote:\s*$|^Le .{6,200} a écrit\s*:\s*$|"
                    r"^Am .{6,200} schrieb .{1,100}:\s*$", re.IGNORECASE)
_SIGNATURE = re.compile(r"^(?:--|—|–)\s*\S.{0,40}$|^--\s*$")
_QUOTED = re.compile(r"^>(?!>) ?")


def quoted_recap(text: str) -> str | None:
    """The recap quoted in a forwarded or replied-to e-mail, as plain lines, or None when
    ``text`` is not such an e-mail (no header block, or little of it quoted)."""
    found = read_forwarded(text)
    return found.text if found else None


def read_forwarded(text: str) -> Rewritten | None:
    """``quoted_recap`` with each line's place in the e-mail and the lines it leaves out."""
    lines = text.splitlines()
    headers = [i for i, line in enumerate(lines) if _HEADER.match(line)]
    marked = any(_FORWARD_MARK.match(line) for line in lines)
    if len(headers) < 2 and not marked:
        return None
    start = (headers[-1] + 1) if headers else 0
    body = [line for line in lines[start:] if line.strip()]
    quoted = [line for line in body if line.startswith(">")]
    if not body or len(quoted) < 0.6 * len(body):
        return None
    outside = [Outside(i + 1, line.strip(), "e-mail header" if i in headers
                       or _FORWARD_MARK.match(line) else "the forwarder's note")
               for i, line in enumerate(lines[:start]) if line.strip()]
    out: list[tuple[int, str]] = []
    for index, line in enumerate(lines[start:], start=start + 1):
        if not line.startswith(">"):
            if out and out[-1][1].strip():
                out.append((0, ""))
            if line.strip():
                outside.append(Outside(index, line.strip(), "the forwarder's note"))
            continue
        if line.startswith(">>"):
            # the earlier message the sender was answering
            outside.append(Outside(index, line.lstrip("> ").strip(), "someone else's reply"))
            continue
        inner = _QUOTED.sub("", line, count=1)
        if _WROTE.match(inner.strip()):
            outside += [Outside(n, x.lstrip("> ").strip(), "someone else's reply")
                        for n, x in enumerate(lines[index - 1:], start=index)
                        if x.lstrip("> ").strip()]
            break
        out.append((index, inner))
    while out and (not out[-1][1].strip() or _SIGNATURE.match(out[-1][1].strip())):
        number, line = out.pop()
        if line.strip():
            outside.append(Outside(number, line.strip(), "signature"))
    if not any(x.strip() for _, x in out):
        return None
    return Rewritten("\n".join(x for _, x in out) + "\n", tuple(n for n, _ in out),
                     tuple(sorted(outside, key=lambda o: o.line)))
