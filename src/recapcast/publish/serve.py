"""``recapcast serve``: a show's ``feed/`` and ``audio/`` over HTTP for podcast apps on the LAN
(owns serve's Starlette app and its uvicorn server).

Starlette's static files do what players need (``HEAD``, byte ranges with ``If-Range``,
``ETag`` and ``Last-Modified`` with ``304``); this module decides what is published (only
the feed, page, cover, audio, transcripts and chapters of the two folders) and renders the
feed for the address it is served under.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import os
import re
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from email.utils import formatdate
from pathlib import Path

import uvicorn
from starlette.applications import Starlette
from starlette.datastructures import Headers
from starlette.requests import Request
from starlette.responses import PlainTextResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from uvicorn.protocols.http.h11_impl import H11Protocol

from recapcast.safety.atomic import TEMP_PREFIX

__all__ = ["Site", "ShowServer", "make_server", "create_app", "content_type"]

log = logging.getLogger(__name__)

_TYPES = {
    ".mp3": "audio/mpeg",
    ".xml": "application/rss+xml",
    ".vtt": "text/vtt; charset=utf-8",
    ".srt": "application/x-subrip; charset=utf-8",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".png": "image/png",
    ".html": "text/html; charset=utf-8",
}
_CHAPTERS = ".chapters.json"
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,200}$")
_NO_CACHE = {".xml", ".html"}
_IDLE_S = 60
"""Seconds a keep-alive connection may sit idle before it is closed."""


def content_type(name: str) -> str | None:
    """The Content-Type a published file is served with, or None if it is not served."""
    if name.endswith(_CHAPTERS):
        return "application/json+chapters"
    return _TYPES.get(os.path.splitext(name)[1].lower())


@dataclass(frozen=True)
class Site:
    """What a server publishes: the two folders, and the feed rendered for its address."""

    feed_dir: Path
    audio_dir: Path
    render_feed: Callable[[str], bytes] | None = None
    """Renders ``feed.xml`` for a base URL; None serves the file as built."""


def _published(folder: Path, name: str, audio: bool) -> bool:
    """Whether ``name`` in ``folder`` is a published file (never a dotfile, temp file,
    manifest, or a link out of the folder)."""
    if not _NAME.match(name) or name.startswith(TEMP_PREFIX) or content_type(name) is None:
        return False
    # The build manifests beside the MP3s are internal.
    if audio and name.endswith(".json") and not name.endswith(_CHAPTERS):
        return False
    try:
        real = (folder / name).resolve(strict=True)
    except (OSError, RuntimeError):
        return False
    return real.parent == folder.resolve() and real.is_file()


class _Folder(StaticFiles):
    """One published folder: Starlette serves the file; this decides which and its headers."""

    def __init__(self, folder: Path, audio: bool) -> None:
        super().__init__(directory=folder, check_dir=False)
        self.folder = folder
        self.audio = audio

    def lookup_path(self, path: str) -> tuple[str, os.stat_result | None]:
        if "/" in path or not _published(self.folder, path, self.audio):
            return "", None
        return super().lookup_path(path)

    def file_response(self, full_path, stat_result, scope, status_code: int = 200) -> Response:
        response = super().file_response(full_path, stat_result, scope, status_code)
        name = os.path.basename(full_path)
        response.headers["content-type"] = content_type(name)
        response.headers["cache-control"] = _cache(name)
        response.headers["access-control-allow-origin"] = "*"
        return response


def _cache(name: str) -> str:
    return "no-cache" if os.path.splitext(name)[1] in _NO_CACHE else "public, max-age=300"


class _Feed:
    """``feed.xml`` rendered for the public URL, again whenever the built feed changes (and
    each minute, for scheduled episodes)."""

    def __init__(self, site: Site, public_url: str, folder: _Folder) -> None:
        self.site = site
        self.folder = folder
        self.public_url = public_url
        self._cache: tuple[tuple, bytes] | None = None
        self._lock = threading.Lock()

    def data(self, path: Path) -> tuple[bytes, os.stat_result]:
        stat = path.stat()
        # Rendered again each minute too: a scheduled episode comes out when its time comes.
        key = (stat.st_mtime_ns, stat.st_size, stat.st_ino, int(time.time() // 60))
        with self._lock:
            if not self._cache or self._cache[0] != key:
                render = self.site.render_feed
                self._cache = (key, render(self.public_url) if render else path.read_bytes())
            return self._cache[1], stat

    async def respond(self, request: Request) -> Response:
        path = self.site.feed_dir / "feed.xml"
        if not _published(self.site.feed_dir, "feed.xml", False):
            return _not_found()
        data, stat = await asyncio.to_thread(self.data, path)
        headers = {"etag": '"' + hashlib.sha256(data).hexdigest()[:32] + '"',
                   "last-modified": formatdate(stat.st_mtime, usegmt=True),
                   "cache-control": "no-cache", "access-control-allow-origin": "*"}
        # The same 304 rule as the static files.
        if self.folder.is_not_modified(Headers(headers), request.headers):
            return Response(status_code=304, headers=headers)
        return Response(data, media_type="application/rss+xml", headers=headers)


def _not_found() -> Response:
    return PlainTextResponse("not found\n", status_code=404)


def create_app(site: Site, public_url: str) -> Starlette:
    """The ASGI app of ``serve``: ``/`` goes to the show page; the rest is a published file
    or 404."""

    async def root(request: Request) -> Response:
        return RedirectResponse("/feed/index.html", status_code=302)

    async def missing(request: Request, exc: Exception) -> Response:
        return _not_found()

    feed_folder = _Folder(site.feed_dir, audio=False)
    app = Starlette(routes=[
        Route("/", root, methods=["GET", "HEAD"]),
        Route("/feed/feed.xml", _Feed(site, public_url, feed_folder).respond,
              methods=["GET", "HEAD"]),
        Mount("/feed", feed_folder),
        Mount("/audio", _Folder(site.audio_dir, audio=True)),
    ], exception_handlers={404: missing, 405: missing})
    # No redirect from /audio to /audio/: a folder is not published, only its files.
    app.router.redirect_slashes = False
    return app


class _Connection(H11Protocol):
    """uvicorn's HTTP/1.1 connection that says, in one log line, when a client hangs up
    before its answer is complete (players drop connections once they have the bytes they
    wanted: not an error of the server, and never a traceback), and closes one that stalls:
    sends no request, stops halfway through one, or stops taking its answer, for
    ``idle_s`` (uvicorn's own keep-alive timeout covers only the time between requests)."""

    idle_s: float = _IDLE_S

    def connection_made(self, transport) -> None:
        peer = transport.get_extra_info("peername")
        self.peer = peer[0] if peer else "a client"
        self._stall: asyncio.TimerHandle | None = None
        self._told = False
        super().connection_made(transport)
        self._watch(True)

    def data_received(self, data: bytes) -> None:
        super().data_received(data)
        # Watched while the request is still arriving; an answer in flight is watched by
        # flow control below.
        self._watch(self.cycle is None or self.cycle.response_complete)

    def pause_writing(self) -> None:
        super().pause_writing()
        self._watch(True)

    def resume_writing(self) -> None:
        super().resume_writing()
        self._watch(False)

    def on_response_complete(self) -> None:
        super().on_response_complete()
        self._watch(False)  # idle between requests: uvicorn's keep-alive timeout

    def _watch(self, on: bool) -> None:
        if self._stall is not None:
            self._stall.cancel()
            self._stall = None
        if on and not self.transport.is_closing():
            self._stall = self.loop.call_later(self.idle_s, self._stalled)

    def _stalled(self) -> None:
        self._stall = None
        if self.cycle is not None and not self.cycle.response_complete:
            request = f"{self.cycle.scope['method']} {self.cycle.scope['path']}"
        else:
            request = "a request"
        log.warning("%s stalled during %s for %g s: closed", self.peer, request, self.idle_s)
        self._told = True  # said once, here; not again as a hang-up
        self.transport.abort()

    def connection_lost(self, exc: Exception | None) -> None:
        self._watch(False)
        request = None
        if self.cycle is not None and not self.cycle.response_complete:
            request = f"{self.cycle.scope['method']} {self.cycle.scope['path']}"
        elif exc is not None:
            # The connection went while its request was still arriving.
            data = self.conn.trailing_data[0]
            line = bytes(data).split(b"\r\n", 1)[0].decode("latin-1").split(" ")
            request = " ".join(line[:2]) if len(line) >= 2 else "a request"
        if request and not self._told:
            reason = getattr(exc, "strerror", None) or "connection closed"
            log.warning("%s hung up during %s (%s)", self.peer, request, reason)
        super().connection_lost(exc)


class ShowServer:
    """``serve`` on uvicorn, bound at once (port 0 picks a free one); ``serve_forever()``
    runs it, ``shutdown()`` from another thread stops it."""

    # A burst of 50 players (range requests, each on a new connection) overflowed a backlog
    # of 5, and one connect in ten waited for the client's SYN retry, a second or more. The
    # kernel caps this at net.core.somaxconn.
    request_queue_size = 128

    def __init__(self, site: Site, host: str, port: int, public_url: str | None = None,
                 idle_s: float = _IDLE_S):
        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        self.socket = socket.socket(family, socket.SOCK_STREAM)
        self.socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            self.socket.bind((host, port))
            self.socket.listen(self.request_queue_size)
        except OSError:
            self.socket.close()
            raise
        self.server_address = self.socket.getsockname()
        self.public_url = _with_slash(
            public_url or f"http://{_url_host(host)}:{self.server_address[1]}/")
        connection = type("Connection", (_Connection,), {"idle_s": idle_s})
        config = uvicorn.Config(
            create_app(site, self.public_url), http=connection, ws="none", lifespan="off",
            log_config=None, log_level="warning", access_log=False,
            timeout_keep_alive=idle_s, timeout_graceful_shutdown=1,
            backlog=self.request_queue_size, server_header=False)
        self._server = uvicorn.Server(config)
        self._stopped = threading.Event()

    def serve_forever(self) -> None:
        try:
            self._server.run(sockets=[self.socket])
        finally:
            self._stopped.set()

    def shutdown(self) -> None:
        self._server.should_exit = True
        self._stopped.wait(10)

    def server_close(self) -> None:
        self.socket.close()


def _with_slash(url: str) -> str:
    return url if url.endswith("/") else url + "/"


def _url_host(host: str) -> str:
    if host in ("", "0.0.0.0", "::"):
        host = _lan_address()
    return f"[{host}]" if ":" in host else host


def _lan_address() -> str:
    """This machine's address on its LAN (a UDP connect sends no packet), else 127.0.0.1."""
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            probe.connect(("10.255.255.255", 1))
            return probe.getsockname()[0]
    except OSError:
        return "127.0.0.1"


def make_server(site: Site, host: str = "127.0.0.1", port: int = 8000,
                public_url: str | None = None, idle_s: float = _IDLE_S) -> ShowServer:
    """Bind a server (port 0 picks a free one); call ``serve_forever()`` to run it."""
    return ShowServer(site, host, port, public_url, idle_s)

