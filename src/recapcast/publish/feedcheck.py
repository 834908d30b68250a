"""Checks a feed against what Apple Podcasts and PSP-1 require, and for placeholders left in
it; returns each violation or warning as one line."""

from __future__ import annotations

import email.utils
import ipaddress
import re
import uuid
import xml.etree.ElementTree as ET
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

from recapcast.release.cover import DPI, cover_dpi

__all__ = ["APPLE_CATEGORIES", "validate_feed", "feed_warnings"]

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
        # Recommended, not required: an episode without a number has no tag at all.
        value = _text(item, f"{_ITUNES}{tag}")
        if value is not None and not _positive_int(value):
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


# RFC 2606 reserves these second-level domains and top-level domains for examples and tests.
_EXAMPLE_DOMAINS = ("example.com", "example.net", "example.org")
_EXAMPLE_TLDS = ("example", "test", "invalid")


def _local(host: str) -> bool:
    """True for this machine's own names: localhost and the loopback addresses."""
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    return address.is_loopback or address.is_unspecified


def _example(host: str) -> bool:
    return (any(host == d or host.endswith("." + d) for d in _EXAMPLE_DOMAINS)
            or host.rsplit(".", 1)[-1] in _EXAMPLE_TLDS)


def _base_url(channel: ET.Element) -> str | None:
    """The show's base_url as the feed gives it: its own address less ``feed/feed.xml``."""
    for link in channel.findall(f"{_ATOM}link"):
        href = link.get("href") or ""
        if link.get("rel") == "self" and _is_url(href):
            return href.removesuffix("feed/feed.xml")
    return None


def _cover_warning(channel: ET.Element, feed_dir: Path) -> str | None:
    image = channel.find(f"{_ITUNES}image")
    href = "" if image is None else image.get("href", "")
    name = PurePosixPath(urlsplit(href).path).name
    path = feed_dir / name
    if not name or not path.is_file():
        return None
    dpi = cover_dpi(path.read_bytes())
    if dpi is not None and all(round(d) == DPI for d in dpi):
        return None
    found = "declares no density" if dpi is None else f"declares {round(dpi[0])} dpi"
    return (f"channel: cover feed/{name} {found}, not {DPI} dpi (JPEG JFIF or PNG pHYs), "
            f"which Apple asks for: save it with {DPI} dpi, or leave [show] cover empty "
            "for the generated one")


def feed_warnings(xml_bytes: bytes, feed_dir: Path | None = None) -> list[str]:
    """Placeholders that would make the published feed wrong: a ``base_url`` on this
    machine or an example domain, an example owner e-mail, and (with ``feed_dir``, where
    the cover is) a cover without a 72 dpi density. Empty for a feed that is not RSS."""
    try:
        channel = ET.fromstring(xml_bytes).find("channel")
    except ET.ParseError:
        return []
    if channel is None:
        return []
    warnings = []
    base = _base_url(channel)
    host = (urlsplit(base).hostname or "") if base else ""
    if base and _local(host):
        warnings.append(f"channel: base_url {base} is on this machine ({host}): podcast apps "
                        "on other devices cannot reach it; set [show] base_url in "
                        "recapcast.toml to where you publish audio/ and feed/")
    elif base and _example(host):
        warnings.append(f"channel: base_url {base} is an example domain ({host}, RFC 2606): "
                        "set [show] base_url in recapcast.toml to where you publish")
    owner = channel.find(f"{_ITUNES}owner")
    email = (_text(owner, f"{_ITUNES}email") or "").strip() if owner is not None else ""
    domain = email.rpartition("@")[2].lower()
    if email and (_example(domain) or _local(domain)):
        warnings.append(f"channel: owner e-mail {email} is an example address ({domain}, "
                        "RFC 2606): Apple writes to it to verify the show; set [show] "
                        "owner_email in recapcast.toml")
    if feed_dir is not None:
        cover = _cover_warning(channel, feed_dir)
        if cover:
            warnings.append(cover)
    return warnings
