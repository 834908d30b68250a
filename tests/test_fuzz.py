"""Fuzzing the script reader, the recap import and the chunker with hypothesis.

Whatever the text: only ScriptError escapes, and every planned segment has words and is no
longer than the chunk limit.
"""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from recapcast.errors import ScriptError
from recapcast.model import Show
from recapcast.safety.sanitize import clean_text
from recapcast.text.plaintext import plain_text
from recapcast.text.script import import_recap, parse_script, render_script
from recapcast.text.segments import plan_segments
from recapcast.text.speakable import MAX_CHUNK_WORDS, chunk_text, speakable

FUZZ = settings(max_examples=200, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
SHOW = Show(title="Fuzz", author="Fuzz", description="Fuzz")
UNSAFE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")

# Text that looks like recaps and scripts: words, punctuation, markup, quotes, directives,
# emoji and the characters that break speech engines and XML.
_PIECES = st.sampled_from([
    "Jessica", "Kilgrave", "Dr.", "e.g.", "AKA", "&", "&amp;", "<b>", "</p>", "**", "*", "_",
    "#", "# ", "> ", "— ", "~ ", "[pause 1s]", "[pause 99s]", "[fade]", "---", "\n", "\n\n",
    ". ", "! ", "? ", ", ", "; ", "…", "“", "”", "😀", "🇺🇸", "\u200d", "\x00", "\x0b", "\r\n",
    "\ud800", "\ufffe", "title:", '"', "\\", "Episode 12: Title", "Season 2", "  ", "\t",
])
_WORDS = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)),
                 max_size=12)
RECAPISH = st.lists(st.one_of(_PIECES, _WORDS), max_size=80).map("".join)
LONG_RUN = st.integers(min_value=1, max_value=400).map(lambda n: " ".join(["word"] * n))


def _script_text(body: str, title: str = "T") -> str:
    return f'---\ntitle: "{title}"\n---\n\n{body}'


def _shape(script) -> list[tuple]:
    """The blocks without their line numbers (a rendered script has other line numbers)."""
    return [(type(b).__name__, *(v for k, v in vars(b).items() if k != "line"))
            for b in script.blocks]


def _check_segments(script) -> None:
    segments, titles = plan_segments(script, SHOW)
    assert titles[0] == "Intro"
    for segment in segments:
        assert segment.text.strip(), segment
        assert segment.text == segment.text.strip()
        assert len(segment.written.split()) <= MAX_CHUNK_WORDS, segment.written
        assert len(segment.text.split()) <= MAX_CHUNK_WORDS, segment.text
        assert not UNSAFE.search(segment.text), segment.text
        assert segment.pause_before_s >= 0


@FUZZ
@given(st.one_of(RECAPISH, st.text(), RECAPISH.map(_script_text)))
def test_parse_script_raises_only_script_errors(text: str):
    for candidate in (text, clean_text(text)):
        try:
            script = parse_script(candidate, "ep1", "scripts/ep1.md")
        except ScriptError as exc:
            assert exc.message and exc.hint
            continue
        if candidate is not text:
            _check_segments(script)


@FUZZ
@given(st.one_of(RECAPISH, st.text(), st.tuples(RECAPISH, LONG_RUN).map("\n\n".join)))
def test_imported_recaps_read_back_as_the_same_script(text: str):
    try:
        script = import_recap(clean_text(text), "ep1")
    except ScriptError as exc:
        assert exc.message and exc.hint
        return
    rendered = render_script(script)
    again = parse_script(clean_text(rendered), "ep1", "scripts/ep1.md")
    assert again.meta == script.meta
    assert _shape(again) == _shape(script)
    _check_segments(again)


@FUZZ
@given(st.one_of(RECAPISH, LONG_RUN, st.text()))
def test_chunks_are_never_empty_or_too_long(text: str):
    text = clean_text(text)
    for chunk in chunk_text(text):
        assert chunk.strip()
        assert len(chunk.split()) <= MAX_CHUNK_WORDS
    assert " ".join(chunk_text(text)).split() == text.split()
    speakable(text)


@FUZZ
@given(st.one_of(RECAPISH, st.text()))
def test_plain_text_and_clean_text_never_fail_and_are_stable(text: str):
    cleaned = clean_text(text)
    assert clean_text(cleaned) == cleaned
    assert not UNSAFE.search(cleaned.replace("\t", ""))
    plain = plain_text(cleaned)
    assert "<b>" not in plain and "</p>" not in plain
