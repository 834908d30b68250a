"""Downloads a recap page over http(s): a deadline, a size limit, no other schemes."""

from __future__ import annotations

import os
import re
import socket
import ssl
import time
import urllib.error
import urllib.parse
import urllib.request
import zlib
from dataclasses import dataclass
from email.message import Message

from recapcast.errors import ScriptError

__all__ = ["Fetched", "fetch_url", "is_url", "DEFAULT_TIMEOUT_S", "MAX_REDIRECTS"]

DEFAULT_TIMEOUT_S = 20.0
"""The whole download's deadline; ``RECAPCAST_FETCH_TIMEOUT_S`` changes it."""
MAX_REDIRECTS = 5
_SCHEMES = ("http", "https")
_CHUNK = 64 * 1024


@dataclass(frozen=True)
class Fetched:
    """A downloaded page."""

    data: bytes
    url: str
    """The URL after redirects."""
    content_type: str = ""
    """The media type the server gave, without parameters."""
    charset: str | None = None
    """The charset the server declared, if any."""


def is_url(source: str) -> bool:
    """True when ``source`` names a URL (any scheme) rather than a file."""
    scheme = re.match(r"([A-Za-z][A-Za-z0-9+.\-]*)://", source)
    return bool(scheme) and len(scheme.group(1)) > 1  # "C:\\recap.txt" is a file


class _Redirects(urllib.request.HTTPRedirectHandler):
    """Follows at most MAX_REDIRECTS redirects, and only to http(s)."""

    max_redirections = MAX_REDIRECTS

    def http_error_302(self, req, fp, code, msg, headers):
        location = headers.get("Location") or headers.get("URI")
        if location:
            target = urllib.parse.urljoin(req.full_url, location)
            if urllib.parse.urlsplit(target).scheme.lower() not in _SCHEMES:
                raise ScriptError(
                    f"{req.full_url} redirects to {target}, which is not http or https",
                    "only http:// and https:// pages are fetched; save the page and import "
                    "the file")
        return super().http_error_302(req, fp, code, msg, headers)

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302


def _timeout_s() -> float:
    raw = os.environ.get("RECAPCAST_FETCH_TIMEOUT_S", "")
    try:
        return float(raw) if raw else DEFAULT_TIMEOUT_S
    except ValueError:
        return DEFAULT_TIMEOUT_S


def _reason(exc: BaseException) -> str:
    reason = getattr(exc, "reason", exc)
    if isinstance(reason, socket.gaierror):
        return "the host name does not resolve (offline?)"
    if isinstance(reason, ConnectionRefusedError):
        return "the connection was refused"
    if isinstance(reason, TimeoutError):
        return "no answer in time"
    if isinstance(reason, ssl.SSLError):
        return f"TLS failed ({reason.reason or reason})"
    return str(getattr(reason, "strerror", None) or reason)


def _decoded(data: bytes, encoding: str, url: str, max_bytes: int) -> bytes:
    """The body without the gzip or deflate a server applied though we asked for none,
    still within ``max_bytes`` once inflated."""
    encoding = encoding.strip().lower()
    if encoding not in ("gzip", "x-gzip", "deflate"):
        return data
    # 16 + MAX_WBITS reads a gzip header; deflate is zlib-wrapped or raw, try both
    for wbits in ((16 + zlib.MAX_WBITS,) if "gzip" in encoding else (zlib.MAX_WBITS,
                                                                      -zlib.MAX_WBITS)):
        inflater = zlib.decompressobj(wbits)
        try:
            out = inflater.decompress(data, max_bytes + 1)
        except zlib.error:
            continue
        if len(out) > max_bytes:
            raise ScriptError(f"{url} is over the limit of {max_bytes:,} bytes",
                              "save the recap's text as a file")
        return out
    raise ScriptError(f"{url}: the server's {encoding} data is corrupt",
                      "check the URL, or save the page and import the file")


def fetch_url(url: str, max_bytes: int, timeout_s: float | None = None) -> Fetched:
    """Download ``url`` (http or https only) in at most ``timeout_s`` seconds and
    ``max_bytes`` bytes; raises ScriptError with the reason on any failure."""
    try:
        parts = urllib.parse.urlsplit(url)
        _ = parts.port  # reading the port raises ValueError when it is out of range
    except ValueError as exc:  # "http://[::1", "http://host:99999/"
        raise ScriptError(f"{url} is not a valid URL ({exc})",
                          "check the address, or save the page and import the file") from None
    scheme = parts.scheme.lower()
    if not parts.hostname and scheme in _SCHEMES:
        raise ScriptError(f"{url} names no host", "check the address") from None
    if scheme not in _SCHEMES:
        raise ScriptError(f"{url}: only http:// and https:// URLs can be imported",
                          "save the page and import the file")
    deadline_s = timeout_s if timeout_s is not None else _timeout_s()
    deadline = time.monotonic() + deadline_s
    opener = urllib.request.build_opener(_Redirects())
    request = urllib.request.Request(url, headers={
        "User-Agent": "recapcast (podcast importer)", "Accept": "text/html, text/*;q=0.9"})
    hint = "check the URL and your connection, or save the page and import the file"
    try:
        with opener.open(request, timeout=deadline_s) as response:
            headers: Message = response.headers
            length = headers.get("Content-Length", "")
            if length.isdigit() and int(length) > max_bytes:
                raise ScriptError(f"{url} is {int(length):,} bytes, over the limit of "
                                  f"{max_bytes:,} bytes", "save the recap's text as a file")
            chunks, size = [], 0
            while True:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise TimeoutError
                # The socket timeout bounds each read; the deadline bounds them all, so a
                # server that trickles bytes cannot hold the import forever.
                sock = getattr(getattr(response.fp, "raw", None), "_sock", None)
                if sock is not None:
                    sock.settimeout(left)
                chunk = response.read1(_CHUNK) if hasattr(response, "read1") else response.read(
                    _CHUNK)
                if not chunk:
                    break
                size += len(chunk)
                if size > max_bytes:
                    raise ScriptError(f"{url} is over the limit of {max_bytes:,} bytes",
                                      "save the recap's text as a file")
                chunks.append(chunk)
            data = _decoded(b"".join(chunks), headers.get("Content-Encoding", ""), url,
                            max_bytes)
            return Fetched(data=data, url=response.geturl(),
                           content_type=headers.get_content_type() if headers.get(
                               "Content-Type") else "",
                           charset=headers.get_content_charset())
    except ScriptError:
        raise
    except urllib.error.HTTPError as exc:
        if 300 <= exc.code < 400:  # urllib's own "infinite loop" message runs to three lines
            raise ScriptError(f"{url}: more than {MAX_REDIRECTS} redirects (a redirect loop?)",
                              hint) from None
        raise ScriptError(f"{url}: HTTP {exc.code} {' '.join(str(exc.reason).split())}",
                          hint) from None
    except TimeoutError:
        raise ScriptError(f"{url}: no answer within {deadline_s:g} s", hint) from None
    except urllib.error.URLError as exc:
        if isinstance(exc.reason, TimeoutError):
            raise ScriptError(f"{url}: no answer within {deadline_s:g} s", hint) from None
        raise ScriptError(f"{url}: {_reason(exc)}", hint) from None
    except (OSError, ValueError) as exc:
        raise ScriptError(f"{url}: {_reason(exc)}", hint) from None
