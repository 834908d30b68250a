"""``recapcast preview``: one segment or a line of text, into a file, in seconds."""

from __future__ import annotations

import wave
from pathlib import Path

from conftest import run_cli
from recapcast.voice.engines.tone import SECONDS_PER_WORD


def _seconds(path: Path) -> float:
    with wave.open(str(path), "rb") as w:
        return w.getnframes() / w.getframerate()


def test_listing_and_previewing_a_segment(show: Path):
    listing = run_cli("preview", "ep3", cwd=show, check=True).stdout.splitlines()
    # The show's opening comes first, one take a sentence.
    assert listing[0].split() == ["1", "opening", "Test", "Show."]
    assert listing[1].split(None, 2) == ["2", "opening", "Season 1, episode 3: A Short Test."]
    assert listing[2].split() == ["3", "narrator", "Opening"]
    assert listing[4].split(None, 2) == ["5", "narrator", "She orders a drink and waits."]
    assert listing[6].split(None, 2) == ["7", "quote", "I can only fight one big bad at a time."]
    assert listing[-1].split(None, 2) == ["11", "signoff", "Thanks for listening to Test Show."]
    out = show / "try.wav"
    result = run_cli("preview", "ep3", "--segment", "7", "--out", str(out), "--no-play",
                     cwd=show, check=True)
    assert f"wrote {out}" in result.stdout
    assert _seconds(out) == SECONDS_PER_WORD * 10
    # The take is cached, so the build that follows does not speak it again.
    assert list((show / ".cache" / "takes").rglob("*.wav"))


def test_previewing_text_with_the_lexicon_and_no_player(show: Path):
    (show / "lexicon.toml").write_text('Kilgrave = "KILL-grave"\n', encoding="utf-8")
    result = run_cli("preview", "--text", "Kilgrave paid $3.5 million.", cwd=show,
                     env={"PATH": "/nonexistent"}, check=True)
    out = show / ".cache" / "preview.wav"
    assert "(kill-grave paid three point five million dollars.)" in result.stdout
    assert _seconds(out) == SECONDS_PER_WORD * 7


def test_preview_text_with_real_piper(piper_show: Path):
    out = piper_show / "kilgrave.wav"
    run_cli("preview", "--text", "{Kilgrave|/ˈkɪlɡɹeɪv/} arrives.", "--out", str(out),
            "--no-play", cwd=piper_show, check=True)
    assert 0.5 < _seconds(out) < 4


def test_preview_errors(show: Path):
    result = run_cli("preview", "ep3", "--segment", "99", cwd=show)
    assert result.returncode == 2
    assert "error: ep3 has segments 1 to 11, not 99" in result.stderr
    assert run_cli("preview", cwd=show).returncode == 2
