"""A thread of social posts copied as text: the posts' text alone."""

from recapcast.text.socialthread import read_social_thread

POST = """Kay Reads
@kay@social.example
{text}
Nov 30, 2026, 21:0{n} · Web
4 boosts · 9 favourites
Reply Boost Favourite
"""


def test_post_furniture_goes_and_the_warning_naming_the_episode_is_the_title():
    text = 'Kay Reads\n@kay@social.example\nCW: spoilers — Starwake 2x04 "Dust"\nShow more\n'
    text += "\n".join(POST.format(text=t, n=n) for n, t in enumerate((
        "Ana finds the mine flooded. 1/3", "[Image]\nALT: a dark mine\nThe crew are gone. 2/3",
        "#Starwake\nShe walks out alone. 3/3")))
    thread = read_social_thread(text)
    assert thread is not None
    assert [x for x in thread.text.split("\n") if x] == [
        '# Starwake 2x04 "Dust"', "Ana finds the mine flooded.", "The crew are gone.",
        "She walks out alone."]
    reasons = {x.text: x.reason for x in thread.outside}
    assert reasons["@kay@social.example"] == "post header"
    assert reasons["4 boosts · 9 favourites"] == "post counts and buttons"
    assert reasons["Show more"] == "post counts and buttons"
    assert reasons["2/3"] == "post number"
    assert reasons["ALT: a dark mine"] == "image and its caption"


def test_one_post_is_not_a_thread():
    assert read_social_thread(POST.format(text="Ana finds the mine.", n=1)) is None
