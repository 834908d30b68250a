"""A small HTTP server for a show's ``feed/`` and ``audio/``: HEAD, byte ranges, ETag, 304."""

from __future__ import annotations

import email.utils
import hashlib
import logging
import os
import re
import socket
import threading
from collections.abc import Callable
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

from recapcast.safety.atomic import TEMP_PREFIX

__all__ = ["Site", "ShowServer", "make_server", "content_type", "parse_range"]

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
_CHUNK = 64 * 1024
_NO_CACHE = {".xml", ".html"}
_IDLE_S = 60
"""Seconds a connection may sit without sending a request (or taking bytes) before it is
closed, so idle keep-alive clients do not hold threads forever."""


def content_type(name: str) -> str | None:
    """The Content-Type a published file is served with, or None if it is not served."""
    if name.endswith(_CHAPTERS):
        return "application/json+chapters"
    return _TYPES.get(os.path.splitext(name)[1].lower())


def parse_range(header: str, size: int) -> tuple[int, int] | None | str:
    """``(first, last)`` of a single ``bytes=`` range; None to ignore it; "unsatisfiable".

    Malformed headers and multiple ranges are ignored (the whole file is sent), as RFC 9110
    allows; a well-formed range that selects no byte of the file is unsatisfiable.
    """
    unit, _, spec = header.partition("=")
    if unit.strip().lower() != "bytes" or "," in spec:
        return None
    match = re.fullmatch(r"\s*(\d*)\s*-\s*(\d*)\s*", spec)
    if not match or not (match[1] or match[2]):
        return None
    if not match[1]:
        suffix = int(match[2])
        if suffix == 0 or size == 0:
            return "unsatisfiable"
        return max(0, size - suffix), size - 1
    first = int(match[1])
    last = int(match[2]) if match[2] else size - 1
    if match[2] and last < first:
        return None
    if first >= size:
        return "unsatisfiable"
    return first, min(last, size - 1)


@dataclass(frozen=True)
class Site:
    """What a server publishes: the two folders, and the feed rendered for its address."""

    feed_dir: Path
    audio_dir: Path
    render_feed: Callable[[str], bytes] | None = None
    """Renders ``feed.xml`` for a base URL; None serves the file as built."""


class ShowServer(ThreadingHTTPServer):
    """A threading HTTP server that knows its site and public address."""

    daemon_threads = True
    block_on_close = False
    # socketserver listens with a backlog of 5: a burst of 50 players (range requests, each
    # on a new connection) overflowed it and one connect in ten waited for the client's SYN
    # retry, a second or more. The kernel caps this at net.core.somaxconn.
    request_queue_size = 128

    def __init__(self, address, site: Site, public_url: str | None = None) -> None:
        self.site = site
        self._feed_cache: tuple[tuple, bytes] | None = None
        self._lock = threading.Lock()
        super().__init__(address, _Handler)
        host, port = self.server_address[:2]
        self.public_url = _with_slash(public_url or f"http://{_url_host(host)}:{port}/")

    def feed_bytes(self, path: Path) -> bytes:
        """``feed.xml`` for the public URL, re-rendered whenever the built feed changes."""
        stat = path.stat()
        key = (stat.st_mtime_ns, stat.st_size, stat.st_ino)
        with self._lock:
            if self._feed_cache and self._feed_cache[0] == key:
                return self._feed_cache[1]
            data = self.site.render_feed(self.public_url) if self.site.render_feed else \
                path.read_bytes()
            self._feed_cache = (key, data)
            return data


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
                public_url: str | None = None) -> ShowServer:
    """Bind a server (port 0 picks a free one); call ``serve_forever()`` to run it."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET

    class Server(ShowServer):
        address_family = family

    return Server((host, port), site, public_url)


class _Handler(BaseHTTPRequestHandler):
    server: ShowServer
    server_version = "recapcast"
    protocol_version = "HTTP/1.1"
    timeout = _IDLE_S

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - http.server's name
        log.info("%s %s", self.address_string(), format % args)

    def handle(self) -> None:
        """Serve the connection; a client that hangs up or stalls costs one log line."""
        try:
            super().handle()
        except (ConnectionError, TimeoutError) as exc:
            # Players routinely drop a connection once they have the bytes they wanted, or
            # before the answer's headers; it is not an error of the server.
            request = f"{self.command} {self.path}" if getattr(self, "command", None) \
                else "a request"
            reason = exc.strerror or type(exc).__name__
            log.warning("%s hung up during %s (%s)", self.address_string(), request, reason)
            self.close_connection = True

    def do_GET(self) -> None:
        self._respond(body=True)

    def do_HEAD(self) -> None:
        self._respond(body=False)

    def _resolve(self) -> Path | None:
        """The published file the request names, or None (never outside the two folders)."""
        raw = urlsplit(self.path).path
        if raw == "/":
            return None
        parts = unquote(raw, errors="strict").split("/")
        if len(parts) != 3 or parts[0] != "":
            return None
        folder, name = parts[1], parts[2]
        if not _NAME.match(name) or name.startswith(TEMP_PREFIX) or ".." in name:
            return None
        if content_type(name) is None:
            return None
        if folder == "feed":
            base = self.server.site.feed_dir
        elif folder == "audio":
            base = self.server.site.audio_dir
            # The build manifests beside the MP3s are internal.
            if name.endswith(".json") and not name.endswith(_CHAPTERS):
                return None
        else:
            return None
        path = base / name
        try:
            real = path.resolve(strict=True)
        except (OSError, RuntimeError):
            return None
        if real.parent != base.resolve() or not real.is_file():
            return None
        return path

    def _respond(self, body: bool) -> None:
        if urlsplit(self.path).path == "/":
            self.send_response(HTTPStatus.FOUND)
            self.send_header("Location", "/feed/index.html")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        try:
            path = self._resolve()
        except UnicodeDecodeError:
            path = None
        if path is None:
            self._plain(HTTPStatus.NOT_FOUND, "not found\n", body)
            return
        try:
            if path.parent == self.server.site.feed_dir and path.name == "feed.xml":
                data = self.server.feed_bytes(path)
                etag = '"' + hashlib.sha256(data).hexdigest()[:32] + '"'
                stat = path.stat()
                size = len(data)
                opener = None
            else:
                stat = path.stat()
                size = stat.st_size
                etag = f'"{stat.st_size:x}-{stat.st_mtime_ns:x}-{stat.st_ino:x}"'
                data = None
                opener = path
        except OSError:
            self._plain(HTTPStatus.NOT_FOUND, "not found\n", body)
            return
        modified = email.utils.formatdate(stat.st_mtime, usegmt=True)
        headers = {
            "Content-Type": content_type(path.name),
            "ETag": etag,
            "Last-Modified": modified,
            "Accept-Ranges": "bytes",
            "Access-Control-Allow-Origin": "*",
            "Cache-Control": "no-cache" if path.suffix in _NO_CACHE else "public, max-age=300",
        }
        if self._not_modified(etag, stat.st_mtime):
            self.send_response(HTTPStatus.NOT_MODIFIED)
            for key in ("ETag", "Last-Modified", "Cache-Control", "Access-Control-Allow-Origin"):
                self.send_header(key, headers[key])
            self.end_headers()
            return
        first, last = 0, size - 1
        status = HTTPStatus.OK
        header = self.headers.get("Range")
        if header and self._if_range_holds(etag, stat.st_mtime):
            chosen = parse_range(header, size)
            if chosen == "unsatisfiable":
                self.send_response(HTTPStatus.REQUESTED_RANGE_NOT_SATISFIABLE)
                self.send_header("Content-Range", f"bytes */{size}")
                self.send_header("Content-Type", "text/plain; charset=utf-8")
                self.send_header("Content-Length", "0")
                self.send_header("ETag", etag)
                self.end_headers()
                return
            if chosen is not None:
                first, last = chosen
                status = HTTPStatus.PARTIAL_CONTENT
                headers["Content-Range"] = f"bytes {first}-{last}/{size}"
        length = max(0, last - first + 1)
        self.send_response(status)
        for key, value in headers.items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(length))
        self.end_headers()
        if not body or length == 0:
            return
        if data is not None:
            self.wfile.write(data[first:last + 1])
            return
        with open(opener, "rb") as f:
            f.seek(first)
            left = length
            while left > 0:
                chunk = f.read(min(_CHUNK, left))
                if not chunk:
                    break
                self.wfile.write(chunk)
                left -= len(chunk)

    def _not_modified(self, etag: str, mtime: float) -> bool:
        match = self.headers.get("If-None-Match")
        if match is not None:
            tags = [t.strip().removeprefix("W/") for t in match.split(",")]
            return "*" in tags or etag in tags
        since = self.headers.get("If-Modified-Since")
        if since:
            try:
                when = email.utils.parsedate_to_datetime(since).timestamp()
            except (TypeError, ValueError, IndexError, OverflowError):
                return False
            return int(mtime) <= when
        return False

    def _if_range_holds(self, etag: str, mtime: float) -> bool:
        """False when an If-Range names an older version: then the whole new file is sent."""
        value = self.headers.get("If-Range")
        if not value:
            return True
        if value.strip().startswith(("\"", "W/")):
            return value.strip() == etag
        try:
            return int(mtime) == int(email.utils.parsedate_to_datetime(value).timestamp())
        except (TypeError, ValueError, IndexError, OverflowError):
            return False

    def _plain(self, status: HTTPStatus, text: str, body: bool) -> None:
        data = text.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if body:
            self.wfile.write(data)
