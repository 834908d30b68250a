"""Checks a feed against what Apple Podcasts and PSP-1 require; returns each violation."""

from __future__ import annotations

import email.utils
import re
import uuid
import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

__all__ = ["APPLE_CATEGORIES", "validate_feed"]

_ITUNES = "{http://www.itunes.com/dtds/podcast-1.0.dtd}"
_PODCAST = "{https://podcastindex.org/namespace/1.0}"
_ATOM = "{http://www.w3.org/2005/Atom}"
_CONTENT = "{http://purl.org/rss/1.0/modules/content/}"
_MAX_DESCRIPTION = 4000

APPLE_CATEGORIES: dict[str, tuple[str, ...]] = {
    "Arts": ("Books", "Design", "Fashion & Beauty", "Food", "Performing Arts", "Visual Arts"),
    "Business": ("Careers", "Entrepreneurship", "Investing", "Management", "Marketing",
                 "Non-Profit"),
    "Comedy": ("Comedy Interviews", "Improv", "Stand-Up"),
    "Education": ("Courses", "How To", "Language Learning", "Self-Improvement"),
    "Fiction": ("Comedy Fiction", "Drama", "Science Fiction"),
    "Government": (),
    "History": (),
    "Health & Fitness": ("Alternative Health", "Fitness", "Medicine", "Mental Health",
                         "Nutrition", "Sexuality"),
    "Kids & Family": ("Education for Kids", "Parenting", "Pets & Animals", "Stories for Kids"),
    "Leisure": ("Animation & Manga", "Automotive", "Aviation", "Crafts", "Games", "Hobbies",
                "Home & Garden", "Video Games"),
    "Music": ("Music Commentary", "Music History", "Music Interviews"),
    "News": ("Business News", "Daily News", "Entertainment News", "News Commentary", "Politics",
             "Sports News", "Tech News"),
    "Religion & Spirituality": ("Buddhism", "Christianity", "Hinduism", "Islam", "Judaism",
                                "Religion", "Spirituality"),
    "Science": ("Astronomy", "Chemistry", "Earth Sciences", "Life Sciences", "Mathematics",
                "Natural Sciences", "Nature", "Physics", "Social Sciences"),
    "Society & Culture": ("Documentary", "Personal Journals", "Philosophy", "Places & Travel",
                          "Relationships"),
    "Sports": ("Baseball", "Basketball", "Cricket", "Fantasy Sports", "Football", "Golf",
               "Hockey", "Rugby", "Running", "Soccer", "Swimming", "Tennis", "Volleyball",
               "Wilderness", "Wrestling"),
    "Technology": (),
    "True Crime": (),
    "TV & Film": ("After Shows", "Film History", "Film Interviews", "Film Reviews",
                  "TV Reviews"),
}
_TRANSCRIPT_TYPES = {"text/vtt", "application/x-subrip", "application/srt", "text/html",
                     "text/plain", "application/json"}
_TIMESTAMP_LINE = re.compile(r"^(?:\d+:)?\d{2}:\d{2} \S", re.MULTILINE)
_DURATION = re.compile(r"^(?:\d+|(?:\d+:)?[0-5]?\d:[0-5]\d)$")


def _text(parent: ET.Element, tag: str) -> str | None:
    found = parent.find(tag)
    return None if found is None else (found.text or "")


def _is_url(value: str | None) -> bool:
    parts = urlsplit(value or "")
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def _date(value: str | None):
    try:
        return email.utils.parsedate_to_datetime(value or "")
    except (TypeError, ValueError, IndexError):
        return None


def _positive_int(value: str | None) -> bool:
    return value is not None and value.isdigit() and int(value) > 0


def _channel(channel: ET.Element) -> list[str]:
    problems = []
    for tag in ("title", "description", "link", "language"):
        if not (_text(channel, tag) or "").strip():
            problems.append(f"channel: <{tag}> is missing or empty")
    description = _text(channel, "description") or ""
    if len(description.encode("utf-8")) > _MAX_DESCRIPTION:
        problems.append(f"channel: <description> is over {_MAX_DESCRIPTION} bytes")
    for tag in ("title", "description"):
        value = _text(channel, tag)
        if value and value != value.strip():
            problems.append(f"channel: <{tag}> has leading or trailing spaces")
    selfs = [a for a in channel.findall(f"{_ATOM}link") if a.get("rel") == "self"]
    if not selfs or not _is_url(selfs[0].get("href")):
        problems.append('channel: <atom:link rel="self" href=...> is missing')
    elif (_text(channel, "link") or "").strip() == selfs[0].get("href"):
        problems.append("channel: <link> is the feed itself; it should be the show's web page")
    elif not _is_url(_text(channel, "link")):
        problems.append("channel: <link> is not an http(s) URL")
    image = channel.find(f"{_ITUNES}image")
    href = "" if image is None else image.get("href", "")
    if not _is_url(href):
        problems.append("channel: <itunes:image href=...> is missing")
    elif not urlsplit(href).path.lower().endswith((".jpg", ".jpeg", ".png")):
        problems.append(f"channel: itunes:image {href} does not end in .jpg or .png")
    categories = channel.findall(f"{_ITUNES}category")
    if not categories:
        problems.append("channel: <itunes:category> is missing")
    for category in categories:
        name = category.get("text", "")
        if name not in APPLE_CATEGORIES:
            problems.append(f"channel: itunes:category {name!r} is not in Apple's list")
            continue
        for sub in category.findall(f"{_ITUNES}category"):
            if sub.get("text", "") not in APPLE_CATEGORIES[name]:
                problems.append(f"channel: itunes:category {sub.get('text')!r} is not a "
                                f"subcategory of {name!r}")
    if _text(channel, f"{_ITUNES}explicit") not in ("true", "false"):
        problems.append("channel: <itunes:explicit> must be true or false")
    if not (_text(channel, f"{_ITUNES}author") or "").strip():
        problems.append("channel: <itunes:author> is missing")
    owner = channel.find(f"{_ITUNES}owner")
    if owner is None or not (_text(owner, f"{_ITUNES}email") or "").strip():
        problems.append("channel: <itunes:owner> with <itunes:email> is missing")
    if _text(channel, f"{_ITUNES}type") not in ("episodic", "serial"):
        problems.append("channel: <itunes:type> must be episodic or serial")
    guid = _text(channel, f"{_PODCAST}guid")
    try:
        if guid is None or uuid.UUID(guid).version != 5 or str(uuid.UUID(guid)) != guid:
            raise ValueError
    except ValueError:
        problems.append("channel: <podcast:guid> must be a lower-case UUIDv5")
    if _text(channel, f"{_PODCAST}locked") not in ("yes", "no"):
        problems.append("channel: <podcast:locked> must be yes or no")
    return problems + _people(channel, "channel")


def _people(parent: ET.Element, where: str) -> list[str]:
    return [f"{where}: <podcast:person> has no name"
            for person in parent.findall(f"{_PODCAST}person") if not (person.text or "").strip()]


def _item(item: ET.Element, where: str) -> list[str]:
    problems = []
    if not (_text(item, "title") or "").strip():
        problems.append(f"{where}: <title> is missing")
    enclosure = item.find("enclosure")
    if enclosure is None:
        problems.append(f"{where}: <enclosure> is missing")
    else:
        if not _is_url(enclosure.get("url")):
            problems.append(f"{where}: enclosure url is not an http(s) URL")
        if not _positive_int(enclosure.get("length")):
            problems.append(f"{where}: enclosure length must be the file size in bytes")
        if not (enclosure.get("type") or "").startswith(("audio/", "video/")):
            problems.append(f"{where}: enclosure type must be an audio MIME type")
    if not (_text(item, "guid") or "").strip():
        problems.append(f"{where}: <guid> is missing")
    if _date(_text(item, "pubDate")) is None:
        problems.append(f"{where}: <pubDate> is missing or not an RFC 2822 date")
    if not _DURATION.match(_text(item, f"{_ITUNES}duration") or ""):
        problems.append(f"{where}: <itunes:duration> must be seconds or [HH:]MM:SS")
    for tag in ("episode", "season"):
        if not _positive_int(_text(item, f"{_ITUNES}{tag}")):
            problems.append(f"{where}: <itunes:{tag}> must be a positive whole number")
    if _text(item, f"{_ITUNES}episodeType") not in ("full", "trailer", "bonus"):
        problems.append(f"{where}: <itunes:episodeType> must be full, trailer or bonus")
    explicit = _text(item, f"{_ITUNES}explicit")
    if explicit is not None and explicit not in ("true", "false"):
        problems.append(f"{where}: <itunes:explicit> must be true or false")
    description = _text(item, "description") or ""
    if not description.strip():
        problems.append(f"{where}: <description> is missing")
    elif len(description.encode("utf-8")) > _MAX_DESCRIPTION:
        problems.append(f"{where}: <description> is over {_MAX_DESCRIPTION} bytes")
    elif not _TIMESTAMP_LINE.search(description):
        problems.append(f"{where}: <description> has no 'MM:SS Title' chapter lines")
    encoded = _text(item, f"{_CONTENT}encoded")
    if encoded is not None and len(encoded.encode("utf-8")) > _MAX_DESCRIPTION:
        problems.append(f"{where}: <content:encoded> is over {_MAX_DESCRIPTION} bytes")
    problems += _people(item, where)
    for transcript in item.findall(f"{_PODCAST}transcript"):
        if not _is_url(transcript.get("url")):
            problems.append(f"{where}: podcast:transcript url is not an http(s) URL")
        if transcript.get("type") not in _TRANSCRIPT_TYPES:
            problems.append(f"{where}: podcast:transcript type {transcript.get('type')!r} "
                            "is not a transcript type")
    for chapters in item.findall(f"{_PODCAST}chapters"):
        if not _is_url(chapters.get("url")):
            problems.append(f"{where}: podcast:chapters url is not an http(s) URL")
        if chapters.get("type") != "application/json+chapters":
            problems.append(f"{where}: podcast:chapters type must be application/json+chapters")
    return problems


def validate_feed(xml_bytes: bytes) -> list[str]:
    """Every rule the feed breaks, as one readable line each; empty when it is valid."""
    try:
        root = ET.fromstring(xml_bytes)
    except ET.ParseError as exc:
        return [f"feed is not well-formed XML: {exc}"]
    if root.tag != "rss" or root.get("version") != "2.0":
        return ['feed is not RSS 2.0 (<rss version="2.0">)']
    channel = root.find("channel")
    if channel is None:
        return ["feed has no <channel>"]
    problems = _channel(channel)
    seen_guids: set[str] = set()
    seen_urls: set[str] = set()
    previous = None
    for number, item in enumerate(channel.findall("item"), start=1):
        guid = (_text(item, "guid") or "").strip()
        where = f"item {number} ({guid or _text(item, 'title') or 'untitled'})"
        problems += _item(item, where)
        if guid and guid in seen_guids:
            problems.append(f"{where}: <guid> repeats an earlier item's")
        seen_guids.add(guid)
        enclosure = item.find("enclosure")
        url = enclosure.get("url") if enclosure is not None else None
        if url and url in seen_urls:
            problems.append(f"{where}: enclosure url repeats an earlier item's")
        seen_urls.add(url or "")
        published = _date(_text(item, "pubDate"))
        if published and previous and published > previous:
            problems.append(f"{where}: items are not newest first")
        previous = published or previous
    return problems
