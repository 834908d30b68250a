"""An episode's item in the built feed, as the page shows it after a build."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

__all__ = ["feed_entry"]

_ITUNES = "{http://www.itunes.com/dtds/podcast-1.0.dtd}"


def feed_entry(feed: Path, guid: str | None) -> dict | None:
    """Title, date, duration, enclosure and description of the item with ``guid``."""
    if not guid:
        return None
    try:
        root = ET.parse(feed).getroot()
    except (OSError, ET.ParseError):
        return None
    for item in root.iter("item"):
        if (item.findtext("guid") or "").strip() != guid:
            continue
        enclosure = item.find("enclosure")
        return {
            "title": item.findtext("title") or "",
            "pub_date": item.findtext("pubDate") or "",
            "duration": item.findtext(f"{_ITUNES}duration") or "",
            "enclosure": enclosure.get("url", "") if enclosure is not None else "",
            "length": enclosure.get("length", "") if enclosure is not None else "",
            "guid": guid,
            "description": item.findtext("description") or "",
        }
    return None
