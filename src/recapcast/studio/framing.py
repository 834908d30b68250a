"""The opening and the sign-off as the studio shows and changes them: the words the narrator
says around every recap of the show, made from ``[show] opening`` and ``signoff`` in
``recapcast.toml`` (``text.opening``). Changing one changes it for every episode."""

from __future__ import annotations

from recapcast.config import CONFIG_NAME, Project
from recapcast.errors import UsageError
from recapcast.model import Segment, Show
from recapcast.studio.config_file import set_show_text
from recapcast.studio.drafts import Stale
from recapcast.text.opening import FIELDS, check_template, default_signoff

__all__ = ["PARTS", "parts_json", "change", "find", "is_part"]

PARTS = ("opening", "signoff")
"""Each is also the id the page names its sentences by (no block has such an id)."""


def is_part(name: object) -> bool:
    return name in PARTS


def _default(part: str, show: Show) -> str:
    if part == "opening":
        return Show.__dataclass_fields__["opening"].default
    return default_signoff(show.language)


def parts_json(show: Show, segments: tuple[Segment, ...], sentence) -> dict:
    """Each part's template, its default and its sentences for this episode (``sentence``
    makes a sentence's JSON from its segment and the part's name)."""
    return {part: {"template": getattr(show, part), "default": _default(part, show),
                   "fields": list(FIELDS), "setting": f"[show] {part} in {CONFIG_NAME}",
                   "sentences": [sentence(s, part) for s in segments if s.role == part]}
            for part in PARTS}


def change(project: Project, part: str, template: object, was: object) -> None:
    """Set the show's ``part`` to ``template``, made on the page's view of it (``was``):
    refused (Stale) when the config changed since, ConfigError when a field is unknown."""
    if not is_part(part):
        raise UsageError(f"unknown part {part!r}", "opening or signoff")
    if not isinstance(template, str) or not isinstance(was, str):
        raise UsageError("a part is changed by its new template and the one the page showed "
                         "(template, was)")
    current = getattr(project.show, part)
    if was != current:
        raise Stale(f"the {part} was changed since this page showed it (in another tab or "
                    f"in {CONFIG_NAME})", current)
    template = " ".join(template.split())
    check_template(part, template)
    set_show_text(project.root / CONFIG_NAME, part, template)


def find(segments: tuple[Segment, ...], part: str, number: object, written: str) -> Segment:
    """The segment of ``part`` the page showed as ``number`` saying ``written``."""
    same = [s for s in segments if s.role == part and s.written == written]
    for segment in same:
        if segment.index == number:
            return segment
    if len(same) == 1:
        return same[0]
    raise Stale(f"the {part} was changed since this page showed it (in another tab or in "
                f"{CONFIG_NAME})", " ".join(s.written for s in segments if s.role == part))
