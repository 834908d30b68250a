"""A recap that arrives inside a forwarded or replied-to e-mail: the quoted recap alone.

Mail clients quote the message they forward or answer with "> " at each line, under a
header block ("---------- Forwarded message ---------", From:, Date:, Subject:, To:). The
recap is that quoted text, less the reply it was quoting in turn ("On ... wrote:" and the
">>" lines under it) and the sender's signature; the forwarder's note above it is not.
"""

from __future__ import annotations

import re

__all__ = ["quoted_recap"]

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
    out: list[str] = []
    for line in lines[start:]:
        if not line.startswith(">"):
            if out and out[-1].strip():
                out.append("")
            continue
        if line.startswith(">>"):
            continue  # the earlier message the sender was answering
        inner = _QUOTED.sub("", line, count=1)
        if _WROTE.match(inner.strip()):
            break
        out.append(inner)
    while out and (not out[-1].strip() or _SIGNATURE.match(out[-1].strip())):
        out.pop()
    return "\n".join(out) + "\n" if any(x.strip() for x in out) else None
