"""The RSS feed with iTunes and Podcasting 2.0 tags (owns feedgen)."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from recapcast.model import Release, Show
from recapcast.release.shownotes import episode_description, episode_notes_html

__all__ = ["FeedEntry", "Person", "Sidecar", "podcast_guid", "render_feed", "PODCAST_NS"]

PODCAST_NS = "https://podcastindex.org/namespace/1.0"
ITUNES_NS = "http://www.itunes.com/dtds/podcast-1.0.dtd"
ATOM_NS = "http://www.w3.org/2005/Atom"
_PODCAST_GUID_NS = uuid.UUID("ead4c236-bf58-58c6-a2c6-a6b28d128cb6")
_MAX_NAME = 128
"""Aggregators may truncate a ``podcast:person`` name past 128 characters."""


def podcast_guid(feed_url: str) -> str:
    """The ``podcast:guid`` of a feed: UUIDv5 of its URL without scheme or trailing slashes."""
    bare = feed_url.split("://", 1)[-1].rstrip("/")
    return str(uuid.uuid5(_PODCAST_GUID_NS, bare))


@dataclass(frozen=True)
class Sidecar:
    """A file published beside an episode's audio: a transcript or its chapters."""

    url: str
    mime: str


@dataclass(frozen=True)
class FeedEntry:
    """A release with the URLs it is published under."""

    release: Release
    audio_url: str
    transcripts: tuple[Sidecar, ...] = ()
    chapters: Sidecar | None = None


def _extensions():
    from feedgen.ext.base import BaseEntryExtension, BaseExtension
    from lxml import etree

    def sub(parent, ns: str, tag: str, text: str | None = None, **attrs):
        element = etree.SubElement(parent, f"{{{ns}}}{tag}", {k: str(v) for k, v in attrs.items()})
        if text is not None:
            element.text = text
        return element

    class Channel(BaseExtension):
        """Podcasting 2.0 channel tags, and ``itunes:explicit`` as true/false."""

        def __init__(self):
            self.values: dict = {}

        def extend_ns(self):
            return {"podcast": PODCAST_NS}

        def extend_rss(self, rss_feed):
            channel = rss_feed[0]
            if self.values.get("hub"):
                # Beside rel="self", where WebSub subscribers look for it.
                self_link = channel.find(f"{{{ATOM_NS}}}link")
                hub = etree.Element(f"{{{ATOM_NS}}}link", href=self.values["hub"], rel="hub")
                if self_link is not None:
                    self_link.addnext(hub)
                else:
                    channel.append(hub)
            sub(channel, ITUNES_NS, "explicit", "true" if self.values["explicit"] else "false")
            sub(channel, PODCAST_NS, "guid", self.values["guid"])
            owner = {"owner": self.values["owner"]} if self.values.get("owner") else {}
            sub(channel, PODCAST_NS, "locked", "yes" if self.values["locked"] else "no", **owner)
            _people(channel, self.values["people"])
            if self.values.get("podping"):
                sub(channel, PODCAST_NS, "podping", usesPodping="true")
            return rss_feed

    class Entry(BaseEntryExtension):
        """Podcasting 2.0 item tags."""

        def __init__(self):
            self.values: dict = {}

        def extend_rss(self, item):
            sub(item, ITUNES_NS, "explicit", "true" if self.values["explicit"] else "false")
            if self.values.get("season") is not None:
                sub(item, PODCAST_NS, "season", str(self.values["season"]))
            if self.values.get("episode") is not None:
                sub(item, PODCAST_NS, "episode", str(self.values["episode"]))
            for transcript in self.values.get("transcripts", ()):
                extra = {"rel": "captions"} if transcript.mime == "text/vtt" else {}
                sub(item, PODCAST_NS, "transcript", url=transcript.url, type=transcript.mime,
                    language=self.values["language"], **extra)
            if self.values.get("chapters"):
                chapters = self.values["chapters"]
                sub(item, PODCAST_NS, "chapters", url=chapters.url, type=chapters.mime)
            _people(item, self.values["people"])
            return item

    def _people(parent, people: Sequence[Person]) -> None:
        for person in people:
            sub(parent, PODCAST_NS, "person", person.name, role=person.role, group=person.group)

    return Channel, Entry


@dataclass(frozen=True)
class Person:
    """A ``podcast:person`` credit; role and group from the Podcast Taxonomy Project."""

    name: str
    role: str
    group: str = "cast"


def _credits(show: Show, release: Release | None = None) -> tuple[Person, ...]:
    """The show's author as host; an episode adds the recap's author and its narrator voice.

    An item's people replace the channel's in apps, so each item names the host again.
    The taxonomy's Narrator "tells the exposition of a ... story, often in a scripted
    manner", which is what the narrator voice does with the script (Voice Actor is for a
    character's voice); its Author (group Writing) "has written prose ... now being read
    verbatim on air", which is the recap's writer.
    """
    people = [("host", "cast", show.author)]
    if release is not None:
        people += [("author", "writing", release.meta.author),
                   ("narrator", "cast", release.narrator)]
    return tuple(Person(name.strip()[:_MAX_NAME], role, group)
                 for role, group, name in people if name.strip())


def render_feed(show: Show, entries: Sequence[FeedEntry], *, feed_url: str, cover_url: str,
                page_url: str, guid: str = "", now: dt.datetime | None = None, hub: str = "",
                podping: bool = False) -> bytes:
    """The feed as UTF-8 XML bytes; the same inputs always give the same bytes.

    ``guid`` is the show's ``podcast:guid``; empty means the UUIDv5 of ``feed_url``.
    ``now`` is when the feed is rendered: no date in it is later (the entries given are the
    ones already out). ``hub`` is a WebSub hub to name; ``podping`` opts in to podping.
    """
    from feedgen.feed import FeedGenerator

    now = now or dt.datetime.now(dt.UTC)

    def _published(release: Release) -> dt.datetime:
        return release.meta.published_at(now)

    channel_ext, entry_ext = _extensions()
    fg = FeedGenerator()
    fg.load_extension("podcast")
    fg.register_extension("podcastindex", channel_ext, entry_ext)
    fg.podcastindex.values.update(explicit=show.explicit, guid=guid or podcast_guid(feed_url),
                                  locked=show.locked, owner=show.owner_email,
                                  people=_credits(show), podping=podping, hub=hub)
    fg.title(show.title)
    fg.description(show.description)
    # feedgen writes the last link given as the channel <link>: the show page, not the feed.
    fg.link(href=feed_url, rel="self", type="application/rss+xml")
    fg.link(href=page_url, rel="alternate")
    fg.language(show.language)
    fg.generator("recapcast")
    fg.image(url=cover_url, title=show.title, link=page_url)
    fg.podcast.itunes_author(show.author)
    fg.podcast.itunes_category(show.category, show.subcategory or None)
    fg.podcast.itunes_image(cover_url)
    fg.podcast.itunes_type(show.show_type)
    fg.podcast.itunes_summary(show.description)
    if show.owner_email:
        # feedgen refuses an owner without an email; the check reports the missing owner.
        fg.podcast.itunes_owner(name=show.owner_name or show.author, email=show.owner_email)
    ordered = sorted(entries, key=lambda e: (_published(e.release), e.release.meta.episode or 0,
                                             e.release.episode_id), reverse=True)
    for entry in ordered:
        release = entry.release
        meta = release.meta
        item = fg.add_entry(order="append")
        item.guid(meta.guid, permalink=False)
        item.title(meta.title)
        item.description(episode_description(meta, release.chapters))
        # The plain description for apps that read only it; the HTML keeps the chapter
        # lines apart in apps that join the description's lines into one.
        item.content(episode_notes_html(meta, release.chapters), type="CDATA")
        item.enclosure(entry.audio_url, str(release.size), "audio/mpeg")
        item.published(_published(release))
        item.podcast.itunes_duration(int(round(release.duration_s)))
        if meta.episode is not None:
            item.podcast.itunes_episode(meta.episode)
        if meta.season is not None:
            item.podcast.itunes_season(meta.season)
        item.podcast.itunes_episode_type("full")
        item.podcastindex.values.update(explicit=show.explicit, season=meta.season,
                                        episode=meta.episode, language=show.language,
                                        transcripts=entry.transcripts, chapters=entry.chapters,
                                        people=_credits(show, release))
    newest = _published(ordered[0].release) if ordered else dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
    fg.lastBuildDate(newest)
    return fg.rss_str(pretty=True)
