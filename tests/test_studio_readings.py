"""Take history: a chosen reading is what the build speaks and mixes."""

from __future__ import annotations

from pathlib import Path

from recapcast.build import build_episode, is_up_to_date
from recapcast.config import load_project
from recapcast.text.script import read_script
from recapcast.text.segments import plan_segments
from recapcast.voice import readings
from recapcast.voice.takes import render_takes, take_key, take_path


def test_the_build_uses_the_chosen_reading_and_rebuilds_when_it_changes(show: Path):
    project = load_project(show)
    build_episode(project, "ep3")
    assert is_up_to_date(project, "ep3")
    segment = plan_segments(read_script(project, "ep3"), project.show)[0][2]
    assert readings.readings(project.cache_dir, segment.voice, segment.text) == [0]
    assert readings.next_reading(project.cache_dir, segment.voice, segment.text) == 1
    render_takes([readings.with_readings([segment], {take_key(segment.voice, segment.text): 1})[0]],
                 project.cache_dir)
    assert readings.readings(project.cache_dir, segment.voice, segment.text) == [0, 1]
    readings.choose(project.cache_dir, "ep3", segment.voice, segment.text, 1)
    assert not is_up_to_date(project, "ep3")
    used: dict[int, Path] = {}
    report = build_episode(project, "ep3", on_take=lambda t: used.__setitem__(t.segment.index,
                                                                             t.path))
    assert report.synthesized == 0
    assert used[2] == take_path(project.cache_dir, segment.voice, segment.text, 1)
    assert used[1] == take_path(project.cache_dir, *_voice_text(project, 1))
    assert is_up_to_date(project, "ep3")
    # Back to the first reading: reading 0 is no entry at all.
    readings.choose(project.cache_dir, "ep3", segment.voice, segment.text, 0)
    assert readings.chosen(project.cache_dir, "ep3") == {}
    assert not is_up_to_date(project, "ep3")


def _voice_text(project, index: int):
    segment = plan_segments(read_script(project, "ep3"), project.show)[0][index]
    return segment.voice, segment.text


def test_takes_cached_before_readings_existed_are_the_first_reading():
    import hashlib

    from recapcast.model import VoiceSettings
    from recapcast.voice.takes import CACHE_VERSION

    voice = VoiceSettings(engine="tone")
    before = hashlib.sha256(f"{CACHE_VERSION}\n{voice.fingerprint()}\nHello.".encode()).hexdigest()
    assert take_key(voice, "Hello.") == take_key(voice, "Hello.", 0) == before
    assert take_key(voice, "Hello.", 1) != before


def test_preview_of_a_segment_plays_the_reading_the_episode_chose(show: Path):
    from recapcast.voice import preview

    project = load_project(show)
    segment = plan_segments(read_script(project, "ep3"), project.show)[0][2]
    assert preview.preview_segment(project, "ep3", 3).path == take_path(
        project.cache_dir, segment.voice, segment.text, 0)
    readings.choose(project.cache_dir, "ep3", segment.voice, segment.text, 2)
    take = preview.preview_segment(project, "ep3", 3)
    assert take.path == take_path(project.cache_dir, segment.voice, segment.text, 2)
    assert take.path.stat().st_size > 0
    assert [s.reading for s in preview.segments_of(project, "ep3")][2] == 2
