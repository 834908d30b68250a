"""Telling podcast apps a feed changed: WebSub, Podcast Index's pubnotify and podping.

Sent only after the new feed is live. A ping that fails is a warning: the feed is out, and
apps that were not told find it on their next poll.
"""

from __future__ import annotations

import os
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass

from recapcast.model import PublishSettings

__all__ = ["Ping", "PODPING_TOKEN_ENV", "send_pings"]

PODPING_TOKEN_ENV = "RECAPCAST_PODPING_TOKEN"
_TIMEOUT_S = 20
_AGENT = "recapcast (podcast publisher)"


@dataclass(frozen=True)
class Ping:
    """One notice sent (or not) and how it went."""

    service: str
    ok: bool
    detail: str = ""


def _send(request: urllib.request.Request) -> str:
    """'' when the service accepted the request, else why not (never the token)."""
    try:
        with urllib.request.urlopen(request, timeout=_TIMEOUT_S) as answer:
            answer.read(65536)
            return ""
    except urllib.error.HTTPError as exc:
        return f"HTTP {exc.code} {exc.reason}"
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        return f"no answer ({getattr(reason, 'strerror', None) or reason})"


def send_pings(settings: PublishSettings, feed_url: str) -> list[Ping]:
    """Send every ping ``settings`` asks for about ``feed_url``."""
    pings = []
    headers = {"User-Agent": _AGENT}
    if settings.websub_hub:
        body = urllib.parse.urlencode({"hub.mode": "publish", "hub.url": feed_url}).encode()
        failed = _send(urllib.request.Request(
            settings.websub_hub, data=body, method="POST",
            headers={**headers, "Content-Type": "application/x-www-form-urlencoded"}))
        pings.append(Ping("WebSub hub", not failed, failed))
    if settings.podcastindex:
        url = _with_query(settings.podcastindex_url, {"url": feed_url})
        failed = _send(urllib.request.Request(url, headers=headers))
        pings.append(Ping("Podcast Index", not failed, failed))
    if settings.podping:
        token = os.environ.get(PODPING_TOKEN_ENV, "")
        if not token:
            pings.append(Ping("podping", False, f"{PODPING_TOKEN_ENV} is not set"))
        else:
            url = _with_query(settings.podping_url,
                              {"url": feed_url, "reason": "update", "medium": "podcast"})
            failed = _send(urllib.request.Request(
                url, headers={**headers, "Authorization": token}))
            pings.append(Ping("podping", not failed, failed))
    return pings


def _with_query(url: str, query: dict[str, str]) -> str:
    return url + ("&" if "?" in url else "?") + urllib.parse.urlencode(query)
