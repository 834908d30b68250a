"""``recapcast check``: its messages, line numbers and exit codes."""

from __future__ import annotations

from pathlib import Path

from conftest import SHORT_SCRIPT, make_show, run_cli

BAD = """\
---
title: "Broken"
---

# Opening

[fade 2s]

<b></b> 😱

{Kilgrave|KILL-grave and then

Kilgrave smiles at Zebediah Quux, who stays.
"""


def _check(show: Path, *args: str):
    return run_cli("check", *args, cwd=show)


def test_a_clean_script_passes_with_warnings_only(tmp_path: Path):
    show = make_show(tmp_path / "show", engine="piper")
    result = _check(show, "ep3")
    assert result.returncode == 0, result.stderr
    assert "error" not in result.stdout
    assert "no errors" in result.stderr


def test_errors_and_warnings_are_file_line_messages(tmp_path: Path):
    show = make_show(tmp_path / "show", engine="piper", script=BAD, episode_id="ep9")
    (show / "lexicon.toml").write_text('Zebediah = "ZEB-uh-DYE-uh"\n', encoding="utf-8")
    result = _check(show, "ep9")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = result.stdout.splitlines()
    assert "scripts/ep9.md:1: warning: front matter has no episode, date, summary, guid" in (
        lines[0])
    assert lines[1].startswith("scripts/ep9.md:7: error: unknown directive [fade 2s] (known: "
                               "[pause 1.5s], [pronounce WORD = SAYS])")
    assert lines[2] == ("scripts/ep9.md:9: error: nothing to speak here (only markup, emoji or "
                        "symbols)")
    assert lines[3].startswith("scripts/ep9.md:11: error: unclosed or empty pronunciation")
    assert result.stderr.startswith("error: check found 3 error(s)")


def test_parse_errors_after_line_checks_are_reported(tmp_path: Path):
    show = make_show(tmp_path / "show", script='---\ntitle: "x"\nepisode: two\n---\n\nHi.\n')
    result = _check(show)
    assert result.returncode == 1
    assert "scripts/ep3.md:3: error: episode must be a whole number, not 'two'" in result.stdout


def test_names_the_voice_may_mispronounce_are_hinted_once(tmp_path: Path):
    script = SHORT_SCRIPT.replace("Cage follows her through the park.",
                                  "Then Kilgrave and Zebediah follow Kilgrave and Malcolm.")
    show = make_show(tmp_path / "show", engine="piper", script=script)
    (show / "lexicon.toml").write_text('Zebediah = "ZEB-uh-DYE-uh"\n', encoding="utf-8")
    result = _check(show, "ep3")
    assert result.returncode == 0
    hints = [line for line in result.stdout.splitlines() if "neither the lexicon" in line]
    # Zebediah is in the lexicon, Malcolm in espeak's dictionary, "Then" starts a sentence.
    assert [h.split("'")[1] for h in hints] == ["Jessica", "Jones", "Kilgrave"]
    assert hints[2].startswith("scripts/ep3.md:19: warning: 'Kilgrave' is in neither the "
                               "lexicon nor the voice's dictionary; the voice guesses /k")
    (show / "scripts" / "ep3.md").write_text(
        script.replace("# The Chase", "[pronounce Kilgrave = KILL-grave]\n\n# The Chase"))
    assert "Kilgrave" not in _check(show, "ep3").stdout


def test_long_paragraphs_and_sentences_are_warned(tmp_path: Path):
    long_sentence = " ".join(["word"] * 60) + "."
    body = " ".join([long_sentence] + ["Short one here."] * 40)
    show = make_show(tmp_path / "show", script=SHORT_SCRIPT + "\n" + body + "\n")
    out = _check(show, "ep3").stdout
    assert "warning: paragraph of 180 words (over 150)" in out
    assert "warning: sentence of 60 words (over 50) will be cut mid-sentence" in out


def test_check_every_script_and_a_bad_lexicon(tmp_path: Path):
    show = make_show(tmp_path / "show")
    (show / "scripts" / "ep4.md").write_text("no front matter\n")
    result = _check(show)
    assert result.returncode == 1
    assert "scripts/ep4.md:1: error: the script must start with a front matter block" in (
        result.stdout)
    (show / "lexicon.toml").write_text('Kilgrave = "KILL-grave"\nReva = ""\n', encoding="utf-8")
    result = _check(show)
    assert result.returncode == 1
    assert result.stderr.startswith("error: lexicon.toml:2: 'Reva' has an empty pronunciation")
