"""A video page copied with its transcript panel: the transcript is the recap."""

from recapcast.text.videotranscript import read_video_transcript

PAGE = """Starwake 2x04 Recap | "Dust" Explained

1,204 views  #Starwake
0:00 Intro

Transcript

Intro
0:00
hey everyone this video is sponsored by Acme use code STAR
0:04
[Music]

The mine
0:20
so ana finds the mine flooded
0:24
and the crew are gone
0:28
hit like and subscribe see you next week
"""


def test_description_times_cues_and_sponsor_go_chapters_become_headings():
    video = read_video_transcript(PAGE)
    assert video is not None
    assert [x for x in video.text.split("\n") if x] == [
        '# Starwake 2x04 Recap | "Dust" Explained', "## Intro", "## The mine",
        "so ana finds the mine flooded and the crew are gone"]
    reasons = {x.text: x.reason for x in video.outside}
    assert reasons["1,204 views  #Starwake"] == "video description"
    assert reasons["0:20"] == "time stamp"
    assert reasons["[Music]"] == "stage direction"
    assert reasons["hey everyone this video is sponsored by Acme use code STAR"] == "sponsor read"
    assert reasons["hit like and subscribe see you next week"] == "sign-off"


def test_a_text_without_a_timed_transcript_is_not_a_video_page():
    assert read_video_transcript("Transcript\n0:00\nhello\n") is None
