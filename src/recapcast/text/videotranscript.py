"""A video's page copied as text: its description, then the transcript panel.

A video site's transcript panel, copied, gives each caption line under its time ("0:41"),
the chapter titles as lines of their own, and cues such as "[Music]". Above it stands the
video's title and its description (views, hashtags, the chapter list, links). The recap is
the transcript: each chapter a heading, its caption lines one paragraph; the description,
the times, the cues and a sponsor's read are left out. Only a text with a "Transcript"
line followed by timed caption lines is read this way.
"""

from __future__ import annotations

import re

from recapcast.text.recognise.rules import line_rule
from recapcast.text.source import Outside, Rewritten

__all__ = ["read_video_transcript"]

# The panel's label, per language.
TRANSCRIPT_LABELS = ("transcript", "transcription", "transkript", "transcripción",
                     "trascrizione", "transcrição", "transcriptie")
_LABEL = re.compile(rf"^\s*(?:{'|'.join(TRANSCRIPT_LABELS)})\s*$", re.IGNORECASE)
_TIME = re.compile(r"^\s*(?:\d{1,2}:)?\d{1,2}:\d{2}\s*$")
_CUE = re.compile(r"^\s*\[[^\]]{1,30}\]\s*$")
# A sponsor's read in the caption lines, as a channel says it; it runs to the next cue or
# chapter.
_SPONSOR = re.compile(r"\b(?:(?:is|was) sponsored by|brought to you by|thanks to our sponsor|"
                      r"patrocinado por|sponsorisée? par|gesponsert von|sponsorizzato da|"
                      r"gesponsord door)\b", re.IGNORECASE)
MIN_TIMED_LINES = 5
# What a caption line may be by itself that the channel says, not the recap: left out line
# by line, as a chapter's caption lines are read as one paragraph.
_CHANNEL_TALK = ("call to action", "sign-off")


def read_video_transcript(text: str) -> Rewritten | None:
    """The transcript of a copied video page as Markdown (title, chapter headings, one
    paragraph per chapter), or None when ``text`` has no transcript panel."""
    lines = text.splitlines()
    label = next((i for i, line in enumerate(lines) if _LABEL.match(line)), None)
    if label is None or sum(1 for x in lines[label:] if _TIME.match(x)) < MIN_TIMED_LINES:
        return None
    title = next((i for i, line in enumerate(lines[:label]) if line.strip()), None)
    out: list[tuple[int, str]] = []
    outside: list[Outside] = []
    if title is not None:
        out += [(title + 1, "# " + lines[title].strip()), (0, "")]
    for index, line in enumerate(lines[:label + 1]):
        if line.strip() and index != title:
            outside.append(Outside(index + 1, line.strip(), "video description"))
    said: list[tuple[int, str]] = []
    sponsor = False

    def flush() -> None:
        if said:
            out.extend([(said[0][0], " ".join(x for _, x in said)), (0, "")])
            said.clear()

    body = lines[label + 1:]
    for offset, line in enumerate(body):
        number = label + 2 + offset
        following = body[offset + 1] if offset + 1 < len(body) else ""
        if not line.strip():
            continue
        if _TIME.match(line):
            outside.append(Outside(number, line.strip(), "time stamp"))
        elif _CUE.match(line):
            sponsor = False
            outside.append(Outside(number, line.strip(), "stage direction"))
        elif _TIME.match(following) and (offset == 0 or not body[offset - 1].strip()):
            flush()
            sponsor = False
            out += [(number, "## " + line.strip()), (0, "")]
        elif sponsor or _SPONSOR.search(line):
            sponsor = True
            outside.append(Outside(number, line.strip(), "sponsor read"))
        elif (rule := line_rule(line.strip())) is not None and rule.name in _CHANNEL_TALK:
            outside.append(Outside(number, line.strip(), rule.name))
        else:
            said.append((number, line.strip()))
    flush()
    return Rewritten("\n".join(x for _, x in out), tuple(n for n, _ in out), tuple(outside))
