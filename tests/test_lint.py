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


def _hints(stdout: str) -> list[str]:
    return [line for line in stdout.splitlines() if "pronouncing dictionary" in line]


def test_names_the_voice_may_mispronounce_are_hinted_once(tmp_path: Path):
    script = SHORT_SCRIPT.replace("Cage follows her through the park.",
                                  "Then Kilgrave and Zebediah follow Kilgrave and Malcolm.")
    show = make_show(tmp_path / "show", engine="piper", script=script)
    (show / "lexicon.toml").write_text('Zebediah = "ZEB-uh-DYE-uh"\n', encoding="utf-8")
    result = _check(show, "ep3")
    assert result.returncode == 0
    hints = _hints(result.stdout)
    # Zebediah is in the lexicon, Malcolm in espeak's dictionary, Jessica and Jones in CMUdict
    # and read as it says; "Then" starts a sentence.
    assert [h.split("'")[1] for h in hints] == ["Kilgrave"]
    assert hints[0].startswith("scripts/ep3.md:19: warning: 'Kilgrave' (said 2 times) may be "
                               "mispronounced: it is in neither the lexicon nor the pronouncing "
                               "dictionary; the voice guesses /k")
    (show / "scripts" / "ep3.md").write_text(
        script.replace("# The Chase", "[pronounce Kilgrave = KILL-grave]\n\n# The Chase"))
    assert "Kilgrave" not in _check(show, "ep3").stdout


RECAP = """\
---
title: "The Long Tide"
episode: 4
season: 3
date: 2026-11-14
summary: "Ines goes out."
guid: "1b4e28ba-2fa1-11d2-883f-0016cb4a4c02"
---

# The Storm

Down on Water Street, Captain Morrow waits out the Storm with Detective Hale. It is March,
and the Deal they made over the Updated Harbour Office Wi-Fi is falling apart.

# The Deal

At dawn, Ines takes the boat out alone. Capt. Morrow watches her go from Marsh Lane, and
Det. Hale calls the Coast Guard. By noon Ines is back, and Ines is smiling. Then Oisín
arrives on the ferry with Nwachukwu, who has the Deal in his pocket.
"""


def test_ordinary_words_are_never_warned_and_rare_names_once_with_count_and_line(
        tmp_path: Path):
    show = make_show(tmp_path / "show", engine="piper", script=RECAP, episode_id="ep4")
    hints = _hints(_check(show, "ep4").stdout)
    warned = [h.split("'")[1] for h in hints]
    for word in ("Street", "Water", "March", "Storm", "Deal", "Captain", "Detective",
                 "Updated", "Harbour", "Office", "Coast", "Guard", "Capt", "Det", "Lane",
                 "Morrow", "Hale", "Marsh", "Wi", "Fi"):
        assert word not in warned, (word, hints)
    assert warned == ["Ines", "Oisín", "Nwachukwu"], hints
    ines = hints[0]
    # Once per script, at its first use, with its three uses and the voice's guess.
    assert ines.startswith("scripts/ep4.md:17: warning: 'Ines' (said 3 times) may be "
                           "mispronounced: the voice reads it unlike the pronouncing dictionary")
    assert "the voice guesses /ɪnˈiːz/" in ines
    # The line of the first use, not of the paragraph's start.
    assert hints[1].startswith("scripts/ep4.md:18: warning: 'Oisín' (said once)")


def test_a_spanish_show_warns_without_the_english_dictionary(tmp_path: Path):
    show = make_show(tmp_path / "show", engine="piper", script=RECAP, episode_id="ep4")
    toml = show / "recapcast.toml"
    toml.write_text(toml.read_text().replace("[show]\n", '[show]\nlanguage = "es"\n'))
    stdout = _check(show, "ep4").stdout
    warned = [h.split("'")[1] for h in _hints(stdout)]
    # CMUdict is English: a Spanish show is told about every name its voice reads by rule.
    assert "Ines" in warned and "Morrow" in warned
    # ... and that its narrator, the bundled English voice, would read Spanish with English
    # sounds; an English show hears nothing of the kind.
    out = stdout.splitlines()
    assert out[0].startswith("recapcast.toml:0: warning: the show's language is es but the "
                             "narrator voice joe-us speaks en-us")
    toml.write_text(toml.read_text().replace('language = "es"\n', ""))
    assert "the show's language" not in _check(show, "ep4").stdout


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


def test_braces_in_the_front_matter_are_text_not_a_pronunciation(tmp_path: Path):
    # A post's broken YAML gave an imported script 'show: "{a:"'; check then refused it.
    script = '---\ntitle: "He said {no}"\nshow: "{a:"\n---\n\nHi there.\n\n{Kilgrave|\n'
    show = make_show(tmp_path / "show", script=script)
    result = _check(show, "ep3")
    assert result.returncode == 1
    errors = [x for x in result.stdout.splitlines() if ": error: " in x]
    assert errors == ["scripts/ep3.md:8: error: unclosed or empty pronunciation: write "
                      "{Kilgrave|KILL-grave} or {Kilgrave|/ˈkɪlɡɹeɪv/}"], result.stdout
