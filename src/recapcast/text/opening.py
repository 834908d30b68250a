"""The words the narrator says around the recap: the opening after the intro music and the
sign-off before the outro, made from the show's templates (``[show] opening`` and
``signoff`` in ``recapcast.toml``)."""

from __future__ import annotations

import re
import string

from recapcast.errors import ConfigError
from recapcast.model import EpisodeMeta

__all__ = ["FIELDS", "check_template", "fill"]

FIELDS = ("podcast", "show", "title", "season", "episode", "number")
"""``podcast``: the podcast's title; ``show``: the script's ``show``, else the podcast's
title; ``number``: "Season 3, episode 4", "Episode 4", "Season 3" or nothing."""

# A field left empty leaves its punctuation behind ("Show. : Title."): of a run of marks
# separated only by spaces, the first is kept.
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


def _number(meta: EpisodeMeta) -> str:
    if meta.season is not None and meta.episode is not None:
        return f"Season {meta.season}, episode {meta.episode}"
    if meta.episode is not None:
        return f"Episode {meta.episode}"
    if meta.season is not None:
        return f"Season {meta.season}"
    return ""


def fill(template: str, meta: EpisodeMeta, podcast: str) -> str:
    """``template`` with the episode's fields; empty when the template is empty."""
    if not template.strip():
        return ""
    values = {"podcast": podcast, "show": meta.show or podcast, "title": meta.title,
              "season": "" if meta.season is None else str(meta.season),
              "episode": "" if meta.episode is None else str(meta.episode),
              "number": _number(meta)}
    text = template.format_map(values)
    text = _MARK_RUN.sub(r"\1", " ".join(text.split()))
    return _LEADING.sub("", text).strip()
