"""``recapcast check``: finds problems in narration scripts without building anything."""

from __future__ import annotations

import re
from collections.abc import Iterable

from recapcast.config import Project
from recapcast.errors import ScriptError
from recapcast.model import Finding, Heading, Paragraph, Quote, Script
from recapcast.safety.sanitize import clean_text
from recapcast.text.lexicon import INLINE, display_text
from recapcast.text.names import (
    compound_of_dictionary_words,
    in_dictionary,
    says_as_dictionary,
)
from recapcast.text.script import DIRECTIVES, decode_text, parse_script
from recapcast.text.segments import script_lexicon
from recapcast.text.speakable import MAX_CHUNK_WORDS, speakable, split_sentences

__all__ = ["LONG_PARAGRAPH_WORDS", "check_scripts", "check_script_text"]

LONG_PARAGRAPH_WORDS = 150
"""Longer paragraphs still build, but are hard to edit and re-synthesise as one piece."""
_DIRECTIVE_LINE = re.compile(r"^\[(?P<name>[A-Za-z-]+)\b[^\]]*\]$")
_KNOWN_DIRECTIVES = {d[1:].split()[0].rstrip("]") for d in DIRECTIVES}
_LOCATED = re.compile(r"^(?P<path>[^:]+):(?P<line>\d+): (?P<message>.*)$")
# A word as a voice takes it: "MacAskill" and "GrowOff" are read as two.
_WORD = re.compile(r"[^\W\d_][^\W\d_A-Z]*(?:['’][^\W\d_]+)*")
_POSSESSIVE = re.compile(r"['’]s$")
_TAGGED = re.compile(r"[@#]\w+|\S+://\S+")
_SENTENCE_START = re.compile(r"(?:^|[.!?…:;]['\"”’)]?\s+|[\"“(]\s*)$")
_RECOMMENDED = ("episode", "date", "summary", "guid")


def check_scripts(project: Project, episode_ids: Iterable[str] | None = None,
                  known=None) -> list[Finding]:
    """Findings for the named scripts, or for every script in ``scripts/``.

    ``known`` is the narrator voice's ``(known_words, phonemes)``
    (``voice.engines.voice_dictionary``), or None to skip the pronunciation warnings.
    """
    ids = list(episode_ids) if episode_ids is not None else project.episode_ids()
    findings: list[Finding] = []
    for episode_id in ids:
        path = project.script_path(episode_id)
        name = str(path.relative_to(project.root))
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            findings.append(Finding(name, 0, "no such script"))
            continue
        try:
            text = clean_text(decode_text(data, name))
        except ScriptError as exc:
            findings.append(Finding(name, 1, exc.message.removeprefix(f"{name}: ")))
            continue
        findings += check_script_text(text, episode_id, name, project, known)
    return findings


def check_script_text(text: str, episode_id: str, name: str, project: Project,
                      known=None) -> list[Finding]:
    """Findings for one script's text; ``known`` as for ``check_scripts``."""
    findings = _line_findings(text, name)
    # Blank the lines already reported, so the parser gets past them to the rest.
    flagged = {f.line for f in findings}
    lines = text.splitlines()
    text = "\n".join("" if i in flagged else line for i, line in enumerate(lines, 1)) + "\n"
    try:
        script = parse_script(text, episode_id, name)
    except ScriptError as exc:
        located = _LOCATED.match(exc.message)
        line, message = ((int(located["line"]), located["message"]) if located
                         else (1, exc.message.removeprefix(f"{name}: ")))
        if not any(f.line == line for f in findings):
            findings.append(Finding(name, line, message))
        return sorted(findings, key=lambda f: f.line)
    findings += _meta_findings(script, name)
    findings += _block_findings(script, name, project)
    if known is not None:
        findings += _name_findings(script, name, project, *known, lines=lines)
    return sorted(findings, key=lambda f: f.line)


def _line_findings(text: str, name: str) -> list[Finding]:
    findings = []
    lines = text.splitlines()
    # The front matter holds quoted values, not narration: a "{" in a title is text.
    front = lines.index("---", 1) + 1 if lines[:1] == ["---"] and "---" in lines[1:] else 0
    for number, line in enumerate(lines, start=1):
        if number <= front:
            continue
        stripped = line.strip()
        directive = _DIRECTIVE_LINE.match(stripped)
        if directive and directive["name"].lower() not in _KNOWN_DIRECTIVES:
            findings.append(Finding(name, number, f"unknown directive {stripped} (known: "
                                    f"{', '.join(DIRECTIVES)})"))
        left = INLINE.sub("", stripped)
        if "{" in left or "}" in left:
            findings.append(Finding(name, number, "unclosed or empty pronunciation: write "
                                    "{Kilgrave|KILL-grave} or {Kilgrave|/ˈkɪlɡɹeɪv/}"))
    return findings


def _meta_findings(script: Script, name: str) -> list[Finding]:
    missing = [k for k in _RECOMMENDED if getattr(script.meta, k) in (None, "")]
    if not missing:
        return []
    return [Finding(name, 1, f"front matter has no {', '.join(missing)} (podcast apps show "
                    "and sort episodes by them)", "warning")]


def _block_findings(script: Script, name: str, project: Project) -> list[Finding]:
    lexicon = script_lexicon(script, project.show)
    findings = []
    for block in script.blocks:
        if not isinstance(block, Heading | Paragraph | Quote):
            continue
        spoken = speakable(block.text, lexicon, language=project.show.language)
        if not spoken.strip(" .,;:!?-—–\"'"):
            findings.append(Finding(name, block.line, "nothing to speak here (only markup, "
                                    "emoji or symbols)"))
            continue
        words = len(block.text.split())
        if words > LONG_PARAGRAPH_WORDS:
            findings.append(Finding(name, block.line, f"paragraph of {words} words (over "
                                    f"{LONG_PARAGRAPH_WORDS}): split it so edits re-synthesise "
                                    "less", "warning"))
        for sentence in split_sentences(block.text):
            count = len(sentence.split())
            if count > MAX_CHUNK_WORDS:
                findings.append(Finding(name, block.line, f"sentence of {count} words (over "
                                        f"{MAX_CHUNK_WORDS}) will be cut mid-sentence; end it "
                                        "sooner", "warning"))
    return findings


def _uses(script: Script, language: str) -> dict[str, _Uses]:
    """Capitalised words of the spoken text by casefolded form, in order of first use.

    The words are those the voice is handed ("Capt." is "Captain", "@GrowOffTV" is "Grow
    Off TV"), before the lexicon, which is checked apart.
    """
    uses: dict[str, _Uses] = {}
    lowercase: set[str] = set()
    for block in script.blocks:
        if not isinstance(block, Heading | Paragraph | Quote):
            continue
        texts = [display_text(block.text)]
        if isinstance(block, Quote) and block.speaker:
            texts.append(f"by {block.speaker}")
        for text in texts:
            # Lowercase words as written, not from handles or hashtags (@mateus_grows).
            lowercase.update(w for w in _WORD.findall(_TAGGED.sub(" ", text)) if w.islower())
            for match in _WORD.finditer(speakable(text, language=language)):
                word = _POSSESSIVE.sub("", match.group(0))
                if len(word) < 2 or not word[0].isupper() or word.isupper():
                    continue
                if _in_listed_compound(match):
                    continue  # "Wi" of "Wi-Fi": the dictionary lists the whole
                entry = uses.setdefault(word.casefold(), _Uses(word, block.line))
                entry.count += 1
                # A capital inside a sentence marks a name; at a sentence start or in a
                # title-case heading it says nothing.
                if isinstance(block, Heading) or _SENTENCE_START.search(
                        match.string[:match.start()]):
                    continue
                entry.named = True
    # A word the script also writes in lowercase is an ordinary word ("the Storm", "a storm").
    return {key: use for key, use in uses.items() if key not in lowercase}


_COMPOUND = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)+")


def _in_listed_compound(match: re.Match) -> bool:
    """Whether a word is part of a hyphenated compound the dictionary lists ("Wi-Fi")."""
    text, start, end = match.string, match.start(), match.end()
    if not (text[start - 1:start] == "-" or text[end:end + 1] == "-"):
        return False
    for compound in _COMPOUND.finditer(text):
        if compound.start() <= start and end <= compound.end():
            return in_dictionary(compound.group(0))
    return False


class _Uses:
    """How often a capitalised word is spoken, where first, and whether it looks like a name."""

    def __init__(self, word: str, line: int):
        self.word, self.line, self.count, self.named = word, line, 0, False


def _reads_as_dictionary(word: str, phonemes) -> bool:
    """Whether the voice says ``word`` as CMUdict does (or, for a compound, both halves)."""
    verdict = says_as_dictionary(word, phonemes(word))
    if verdict is not None:
        return verdict
    halves = compound_of_dictionary_words(word)
    return halves is not None and all(says_as_dictionary(h, phonemes(h)) for h in halves)


def _line_of(word: str, line: int, lines: list[str]) -> int:
    """The line, from a block's first ``line`` to its end, where ``word`` is written first."""
    pattern = re.compile(rf"(?<!\w){re.escape(word)}(?!\w)")
    for number in range(line, len(lines) + 1):
        if not lines[number - 1].strip():
            break
        if pattern.search(lines[number - 1]):
            return number
    return line


def _name_findings(script: Script, name: str, project: Project, known_words,
                   phonemes, lines: list[str] = ()) -> list[Finding]:
    """One warning per name the voice is likely to say wrong, at its first use.

    A name is likely said wrong when it is in neither the lexicon nor the voice's own
    dictionary and, for an English show, the voice's reading is not CMUdict's (or CMUdict
    does not list it). Ordinary words pass: CMUdict lists them and the voice reads them
    as it does.
    """
    covered = {w.casefold() for w, _ in script_lexicon(script, project.show)}
    for block in script.blocks:
        text = getattr(block, "text", "")
        covered |= {m["word"].casefold() for m in INLINE.finditer(text)}
    english = project.show.language.lower().startswith("en")
    findings = []
    for key, use in _uses(script, project.show.language).items():
        if not use.named or key in covered or key in known_words:
            continue
        if english and _reads_as_dictionary(use.word, phonemes):
            continue
        times = "once" if use.count == 1 else f"{use.count} times"
        where = ("the voice reads it unlike the pronouncing dictionary" if english
                 and in_dictionary(use.word) else "it is in neither the lexicon nor the "
                 "pronouncing dictionary")
        findings.append(Finding(
            name, _line_of(use.word, use.line, list(lines)),
            f"{use.word!r} (said {times}) may be mispronounced: {where}; the voice guesses "
            f"/{phonemes(use.word)}/ (if wrong, add it to lexicon.toml)", "warning"))
    return findings
