"""A recap exported from a word processor as plain text: the text less its page furniture.

A document saved as text keeps what its pages printed: a "Page 2 of 3" line at each page's
foot, the running header repeated at each page's head, and the reviewers' comments inline
("[Comment IS1: check spelling]"). None of it is the recap, and a page break may fall in
the middle of a sentence ("freeze with the" / Page 2 of 3 / header / "ice."): the sentence
is joined again. Only a text with two or more page-number lines is read this way.
"""

from __future__ import annotations

import re

from recapcast.text.source import Outside, Rewritten

__all__ = ["read_paged"]

# The page-number line a word processor prints, per language: (page, of).
PAGE_WORDS = (
    ("en", "page", "of"),
    ("es", "página", "de"),
    ("fr", "page", "sur"),
    ("de", "seite", "von"),
    ("it", "pagina", "di"),
    ("pt", "página", "de"),
    ("nl", "pagina", "van"),
)
_PAGE_LINE = re.compile(
    r"^\s*(?:-\s*)?(?:" + "|".join(rf"{page}\s+\d+\s+{of}\s+\d+" for _, page, of in PAGE_WORDS)
    + r")(?:\s*-)?\s*$", re.IGNORECASE)
# A reviewer's comment a word processor writes inline when it saves text: "[Comment IS1:
# ...]", "[Kommentar AB2: ...]", "[Commentaire JD1 : ...]", "[Comentario MG3: ...]".
_COMMENT = re.compile(r"\s*\[(?:comment|kommentar|commentaire|comentario|coment[áa]rio|"
                      r"commento|opmerking)\s+[A-Z]{1,4}\d+\s*:[^\]]*\]", re.IGNORECASE)
# A draft's notes about itself, in its header: "Ingrid S. – last saved 02/12/2026 16:47",
# "Recap for the weekend edition – approx. 780 words".
SAVED_WORDS = ("last saved", "last modified", "zuletzt gespeichert", "dernier enregistrement",
               "última modificación", "ultimo salvataggio", "salvo pela última vez",
               "laatst opgeslagen")
_SAVED = re.compile(rf"\b(?:{'|'.join(SAVED_WORDS)})\b.{{0,12}}\d", re.IGNORECASE)
WORD_WORDS = ("words", "wörter", "mots", "palabras", "parole", "palavras", "woorden")
_WORD_COUNT = re.compile(rf"\b(?:approx\.?|ca\.?|c\.|about|around|~)?\s*[\d.,]+\s+"
                         rf"(?:{'|'.join(WORD_WORDS)})\s*\)?\s*$", re.IGNORECASE)
_MAX_NOTE_WORDS = 14
_SENTENCE_END = re.compile(r"[.!?…:\"”»)]\s*$")
_MAX_HEADER_WORDS = 16


def read_paged(text: str) -> Rewritten | None:
    """The text of a document saved with its pages' numbers, less those lines, its running
    header and its inline review comments, or None when the text has no page lines."""
    lines = text.splitlines()
    pages = [i for i, line in enumerate(lines) if _PAGE_LINE.match(line)]
    if len(pages) < 2:
        return None
    headers = _running_headers(lines, pages)
    outside: list[Outside] = []
    out: list[tuple[int, str]] = []
    broken = False  # a page break fell after the last kept line, mid-sentence
    for index, line in enumerate(lines):
        number = index + 1
        if index in pages or line.strip() in headers:
            outside.append(Outside(number, line.strip(), "page number" if index in pages
                                   else "running header"))
            if out and out[-1][1].strip() and not _SENTENCE_END.search(out[-1][1]):
                broken = broken or index in pages
            continue
        if len(line.split()) <= _MAX_NOTE_WORDS and (_SAVED.search(line)
                                                     or _WORD_COUNT.search(line)):
            outside.append(Outside(number, line.strip(), "the draft's note on itself"))
            continue
        for comment in _COMMENT.finditer(line):
            outside.append(Outside(number, comment.group().strip(), "review comment"))
        line = _COMMENT.sub("", line)
        if not line.strip():
            if not lines[index].strip() and not broken:
                out.append((number, line))  # a blank the comment alone did not leave
            continue
        if broken:
            broken = False
            last = max(i for i, (_, kept) in enumerate(out) if kept.strip())
            if line.lstrip()[:1].islower():
                del out[last + 1:]
                out[last] = (out[last][0], out[last][1].rstrip() + " " + line.strip())
                continue
        out.append((number, line))
    return Rewritten("\n".join(x for _, x in out), tuple(n for n, _ in out), tuple(outside))


def _running_headers(lines: list[str], pages: list[int]) -> set[str]:
    """The lines printed at the head of each page: a short line that stands again within
    the first lines after a page-number line, and stood before."""
    headers = set()
    for page in pages:
        after = [x.strip() for x in lines[page + 1:page + 6] if x.strip()][:2]
        for line in after:
            if (len(line.split()) <= _MAX_HEADER_WORDS and not _PAGE_LINE.match(line)
                    and sum(1 for x in lines if x.strip() == line) >= 2):
                headers.add(line)
    return headers
