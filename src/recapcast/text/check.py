"""``recapcast check``: finds problems in narration scripts without building anything."""

from __future__ import annotations

import re
from collections.abc import Iterable

from recapcast.config import Project
from recapcast.errors import ScriptError
from recapcast.model import Finding, Heading, Paragraph, Quote, Script
from recapcast.safety.sanitize import clean_text
from recapcast.text.lexicon import INLINE, display_text
from recapcast.text.script import DIRECTIVES, decode_text, parse_script
from recapcast.text.segments import script_lexicon
from recapcast.text.speakable import MAX_CHUNK_WORDS, speakable, split_sentences

__all__ = ["LONG_PARAGRAPH_WORDS", "check_scripts", "check_script_text"]

LONG_PARAGRAPH_WORDS = 150
"""Longer paragraphs still build, but are hard to edit and re-synthesise as one piece."""
_DIRECTIVE_LINE = re.compile(r"^\[(?P<name>[A-Za-z-]+)\b[^\]]*\]$")
_KNOWN_DIRECTIVES = {d[1:].split()[0].rstrip("]") for d in DIRECTIVES}
_LOCATED = re.compile(r"^(?P<path>[^:]+):(?P<line>\d+): (?P<message>.*)$")
_NAME = re.compile(r"(?<![\w'’-])(?P<name>[A-Z][a-z]+(?:[A-Z][a-z]+)*)(?:['’]s)?(?![\w'’-])")
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
        findings += _name_findings(script, name, project, *known)
    return sorted(findings, key=lambda f: f.line)


def _line_findings(text: str, name: str) -> list[Finding]:
    findings = []
    for number, line in enumerate(text.splitlines(), start=1):
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


def _names(script: Script):
    """(name, line) for each capitalised word that does not start a sentence."""
    for block in script.blocks:
        if isinstance(block, Paragraph | Quote):
            texts = [display_text(block.text)]
            if isinstance(block, Quote) and block.speaker:
                texts.append(f"by {block.speaker}")
            for text in texts:
                for match in _NAME.finditer(text):
                    if not _SENTENCE_START.search(text[:match.start()]):
                        yield match["name"], block.line


def _name_findings(script: Script, name: str, project: Project, known_words,
                   phonemes) -> list[Finding]:
    covered = {w.casefold() for w, _ in script_lexicon(script, project.show)}
    for block in script.blocks:
        text = getattr(block, "text", "")
        covered |= {m["word"].casefold() for m in INLINE.finditer(text)}
    findings, seen = [], set()
    for word, line in _names(script):
        key = word.casefold()
        if key in seen or key in covered or key in known_words:
            continue
        seen.add(key)
        findings.append(Finding(
            name, line, f"{word!r} is in neither the lexicon nor the voice's dictionary; the "
            f"voice guesses /{phonemes(word)}/ (if wrong, add it to lexicon.toml)", "warning"))
    return findings
