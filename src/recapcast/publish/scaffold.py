"""``recapcast init``: a new, empty show folder a user can build their own show in."""

from __future__ import annotations

import json
from pathlib import Path

from recapcast.config import CONFIG_NAME
from recapcast.errors import UsageError
from recapcast.safety.atomic import write_text

__all__ = ["create_show"]

_CONFIG = """\
# The show. Every setting is described in recapcast's README.
[show]
title = {title}
author = {author}
description = {description}
language = "en-us"
category = "TV & Film"          # from Apple's category list
subcategory = "TV Reviews"
explicit = false
base_url = {base_url}   # where audio/ and feed/ are published
owner_name = {author}
owner_email = ""                # Apple asks for one; podcast apps show it to no one
show_type = "episodic"
cover = ""                      # empty: a generated 3000x3000 cover
intro = ""                      # empty: the generated jingle

[voice]
engine = "piper"
voice = "joe-us"
length_scale = 1.0
"""

_GITIGNORE = """\
# Built from scripts/ by recapcast build; publish audio/ and feed/ from here.
/audio/*
!/audio/.gitkeep
/feed/*
!/feed/.gitkeep
.cache/
"""


def _toml(text: str) -> str:
    # A JSON string is a valid TOML basic string.
    return json.dumps(text, ensure_ascii=False)


def create_show(folder: Path, *, title: str = "", author: str = "",
                base_url: str = "http://localhost:8000/") -> list[Path]:
    """Create ``folder`` with a config, ``scripts/``, ``audio/``, ``feed/`` and .gitignore.

    Refuses a folder that already holds a show; returns the paths it created.
    """
    config = folder / CONFIG_NAME
    if config.exists():
        raise UsageError(f"{config} already exists",
                         "that folder is already a show; edit its recapcast.toml")
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"{folder} exists and is not a folder")
    title = title or folder.resolve().name.replace("-", " ").replace("_", " ").title() or "My show"
    created = []
    for name in ("scripts", "audio", "feed"):
        (folder / name).mkdir(parents=True, exist_ok=True)
        keep = folder / name / ".gitkeep"
        if not keep.exists():
            write_text(keep, "")
        created.append(folder / name)
    ignore = folder / ".gitignore"
    if not ignore.exists():
        write_text(ignore, _GITIGNORE)
        created.append(ignore)
    write_text(config, _CONFIG.format(
        title=_toml(title), author=_toml(author or title),
        description=_toml(f"{title}: episode recaps, read aloud."),
        base_url=_toml(base_url if base_url.endswith("/") else base_url + "/")))
    created.append(config)
    return created
