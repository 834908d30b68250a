"""The words the narrator says around the recap: the opening after the intro music and the
sign-off before the outro, made from the show's templates (``[show] opening`` and
``signoff`` in ``recapcast.toml``)."""

from __future__ import annotations

import re
import string

from recapcast.errors import ConfigError
from recapcast.model import EpisodeMeta
from recapcast.text.wording import wording_for

__all__ = ["FIELDS", "check_template", "fill", "default_signoff"]

DEFAULT_SIGNOFF = "Thanks for listening to {podcast}."

FIELDS = ("podcast", "show", "title", "season", "episode", "number")
"""``podcast``: the podcast's title; ``show``: the script's ``show``, else the podcast's
title; ``number``: "Season 3, episode 4", "Episode 4", "Season 3" or nothing, in the show's
language ("Temporada 3, episodio 4")."""

# A field left empty leaves its punctuation behind ("Show. : Title.", "Episode 7: ."): of
# a run of marks separated only by spaces, the first full stop (., !, ?) is kept, else the
# first mark.
_MARK_RUN = re.compile(r"([.,:;!?])(?:\s*[.,:;!?—–-])+(?=\s|$)")
_LEADING = re.compile(r"^[\s.,:;!?—–-]+")


def check_template(key: str, template: str) -> None:
    """Raise ConfigError when ``template`` names a field that does not exist."""
    try:
        names = [name for _, name, spec, _ in string.Formatter().parse(template)
                 if name is not None]
    except ValueError as exc:
        raise ConfigError(f"[show] {key}: {exc}",
                          "write fields in braces, like {show}; a literal brace is {{ or }}"
                          ) from None
    for name in names:
        if name not in FIELDS:
            raise ConfigError(f"[show] {key} names an unknown field {{{name}}}",
                              f"known fields: {', '.join('{' + f + '}' for f in FIELDS)}")


def _one_mark(run: re.Match) -> str:
    return next((c for c in run.group(0) if c in ".!?"), run.group(1))


def default_signoff(language: str) -> str:
    """The sign-off a show gets when its config sets none, in the show's language."""
    lead = wording_for(language).words.get("thanks for listening to")
    return f"{lead} {{podcast}}." if lead else DEFAULT_SIGNOFF


def _number(meta: EpisodeMeta, language: str) -> str:
    words = wording_for(language).words
    season, episode = words.get("season", "season"), words.get("episode", "episode")
    if meta.season is not None and meta.episode is not None:
        return f"{season[:1].upper()}{season[1:]} {meta.season}, {episode} {meta.episode}"
    if meta.episode is not None:
        return f"{episode[:1].upper()}{episode[1:]} {meta.episode}"
    if meta.season is not None:
        return f"{season[:1].upper()}{season[1:]} {meta.season}"
    return ""


def fill(template: str, meta: EpisodeMeta, podcast: str, language: str = "en",
         episode_id: str = "") -> str:
    """``template`` with the episode's fields, its words in the show's ``language``; empty
    when the template is empty. A title that is only the episode id (an untitled recap's
    placeholder) is left out."""
    if not template.strip():
        return ""
    title = "" if episode_id and meta.title == episode_id else meta.title
    if meta.episode is not None and re.fullmatch(rf"\w+\.? ?0*{meta.episode}", title):
        title = ""  # "Episode 1", a title made from the number alone: said once, not twice
    values = {"podcast": podcast, "show": meta.show or podcast, "title": title,
              "season": "" if meta.season is None else str(meta.season),
              "episode": "" if meta.episode is None else str(meta.episode),
              "number": _number(meta, language)}
    text = template.format_map(values)
    text = _MARK_RUN.sub(_one_mark, " ".join(text.split()))
    return _LEADING.sub("", text).strip()
