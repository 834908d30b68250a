"""Importing from http(s) URLs and web pages, against real servers on 127.0.0.1: pages that
import, and pages that must end in one clear error with nothing written."""

from __future__ import annotations

import gzip
import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from conftest import DATA, run_cli
from recapcast.model import Heading, Paragraph, Quote
from recapcast.text.script import parse_script
from safety import assert_error, temp_files

PAGES = DATA / "recaps"
FAST = {"RECAPCAST_FETCH_TIMEOUT_S": "0.5"}

_ARTICLE = """<article><h1>Harbor Lights Season 3, Episode 4 Recap: "The Long Tide"</h1>
<p>Pål Eriksen and Xoán Castro argue on the breakwater about the cannery, the storm and
the boat that never came back, while the whole town listens from the harbour wall.</p>
<h2>The Deal</h2><p>Nobody in town has heard of the developer, and Pål knows it.</p>
</article>"""


def _page(charset_meta: str) -> str:
    return (f"<html><head><meta charset=\"{charset_meta}\"><title>x</title></head><body>"
            f"<nav><a href='/'>Home</a></nav>{_ARTICLE}<footer>© 2026</footer></body></html>")


def _routes() -> dict[str, tuple[int, dict[str, str], bytes]]:
    nav_only = ("<html><head><title>Home | TV | Movies</title></head><body><div class='cookie'>"
                "We use cookies. <button>Accept all</button></div><nav><ul><li><a href='/tv'>TV"
                "</a></li><li><a href='/m'>Movies</a></li></ul></nav><footer>&copy; 2026 "
                "Example Media</footer></body></html>")
    deep = ("<html><body><article>" + "<div>" * 5000 + "<p>" + "A recap paragraph of words. "
            * 20 + "</p>" + "</div>" * 5000 + "</article></body></html>")
    huge = "<html><body><article>" + "<p>Words and more words.</p>" * 250_000 + "</article>"
    html = {"Content-Type": "text/html; charset=utf-8"}
    return {
        "/wordpress": (200, {"Content-Type": "text/html; charset=UTF-8"},
                       (PAGES / "wordpress-blog.html").read_bytes()),
        "/latin1": (200, {"Content-Type": "text/html"},
                    (PAGES / "news-div-soup-latin1.html").read_bytes()),
        # says UTF-8 (header and page) but is cp1252
        "/says-utf8-is-cp1252": (200, html, _page("utf-8").encode("cp1252")),
        # says Latin-1 (header and page) but is UTF-8
        "/says-latin1-is-utf8": (200, {"Content-Type": "text/html; charset=iso-8859-1"},
                                 _page("iso-8859-1").encode("utf-8")),
        "/moved": (301, {"Location": "/wordpress"}, b""),
        "/to-file": (302, {"Location": "file:///etc/passwd"}, b""),
        "/to-ftp": (302, {"Location": "ftp://127.0.0.1/recap.html"}, b""),
        "/loop": (302, {"Location": "/loop"}, b""),
        "/nav-only": (200, html, nav_only.encode()),
        "/deep": (200, html, deep.encode()),
        "/huge": (200, html, huge.encode()),
        "/report.pdf": (200, {"Content-Type": "application/pdf"}, b"%PDF-1.4 not a recap"),
        "/recap.pdf": (200, {"Content-Type": "application/pdf"},
                       (DATA / "documents" / "recap.pdf").read_bytes()),
        "/photo.jpg": (200, {"Content-Type": "image/jpeg"}, b"\xff\xd8\xff\xe0 not a recap"),
        # gzip sent although the request asked for no encoding, and a small gzip that
        # inflates past the page limit
        "/gzipped": (200, {"Content-Type": "text/html", "Content-Encoding": "gzip"},
                     gzip.compress((PAGES / "wordpress-blog.html").read_bytes())),
        "/gzip-bomb": (200, {"Content-Type": "text/html", "Content-Encoding": "gzip"},
                       gzip.compress(b"<p>" + b"word " * 1_200_000 + b"</p>")),
    }


class _Handler(BaseHTTPRequestHandler):
    routes: dict = {}

    def log_message(self, *args):  # keep pytest's output clean
        pass

    def do_GET(self):
        if self.path == "/huge-unannounced":
            # no Content-Length: the client must stop reading at its limit
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Connection", "close")
            self.end_headers()
            try:
                for _ in range(800):  # 6.5 MB at most, then this handler stops by itself
                    self.wfile.write(b"<p>" + b"word " * 1600 + b"</p>")
            except OSError:
                pass
            return
        if self.path == "/trickle":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            try:
                for _ in range(40):  # stops by itself after 4 s
                    self.wfile.write(b"<p>slow ")
                    self.wfile.flush()
                    time.sleep(0.1)
            except OSError:
                pass
            return
        status, headers, body = self.routes.get(self.path, (404, {}, b"not found"))
        self.send_response(status)
        for key, value in headers.items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    """A web server on 127.0.0.1 serving the routes above; yields its base URL."""
    _Handler.routes = _routes()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture
def silent_server() -> Iterator[str]:
    """A server that accepts connections (the kernel does) and never answers."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    yield f"http://127.0.0.1:{listener.getsockname()[1]}/recap"
    listener.close()


def _import(show: Path, source: str, env: dict | None = None):
    return run_cli("import", source, "ep13", "--date", "2026-01-09", cwd=show, env=env)


def _script(show: Path):
    return parse_script((show / "scripts" / "ep13.md").read_text("utf-8"), "ep13")


def _refused(show: Path, result, message: str) -> None:
    assert_error(result, message)
    # the error and its hint, nothing else (urllib's redirect-loop text ran to three lines)
    assert all(line.startswith(("error: ", "hint: "))
               for line in result.stderr.splitlines() if line.strip()), result.stderr
    assert not (show / "scripts" / "ep13.md").exists()
    assert not temp_files(show)


def test_a_url_imports_like_the_saved_page(show: Path, site: str):
    result = _import(show, f"{site}/wordpress")
    assert result.returncode == 0, result.stderr
    from_url = _script(show)
    (show / "scripts" / "ep13.md").unlink()
    result = _import(show, str(PAGES / "wordpress-blog.html"))
    assert result.returncode == 0, result.stderr
    from_file = _script(show)
    assert from_url.blocks == from_file.blocks
    assert (from_url.meta.title, from_url.meta.show) == ("The Quiet Shoal", "Lanternfish")
    assert [b.text for b in from_url.blocks if isinstance(b, Heading)] == [
        "Running Silent", "The Thing in the Trench", "Surfacing"]


def test_a_page_sent_gzipped_unasked_imports_like_the_saved_page(show: Path, site: str):
    result = _import(show, f"{site}/gzipped")
    assert result.returncode == 0, result.stderr
    assert _script(show).meta.title == "The Quiet Shoal"


def test_a_pdf_a_site_offers_imports_like_the_saved_file(show: Path, site: str):
    result = _import(show, f"{site}/recap.pdf")
    assert result.returncode == 0, result.stderr
    from_url = _script(show)
    (show / "scripts" / "ep13.md").unlink()
    assert _import(show, str(DATA / "documents" / "recap.pdf")).returncode == 0
    assert from_url.blocks == _script(show).blocks
    assert [b.text for b in from_url.blocks if isinstance(b, Heading)] == [
        "The Warehouse", "Mbali's Gamble", "Low Tide"]


def test_a_redirect_within_http_is_followed(show: Path, site: str):
    result = _import(show, f"{site}/moved")
    assert result.returncode == 0, result.stderr
    assert _script(show).meta.title == "The Quiet Shoal"


def test_a_page_without_a_declared_charset_uses_its_meta_tag(show: Path, site: str):
    result = _import(show, f"{site}/latin1")
    assert result.returncode == 0, result.stderr
    text = (show / "scripts" / "ep13.md").read_text("utf-8")
    assert "harbour master Pål Eriksen" in text


@pytest.mark.parametrize("path", ["/says-utf8-is-cp1252", "/says-latin1-is-utf8"])
def test_a_page_lying_about_its_encoding_reads_right(show: Path, site: str, path: str):
    result = _import(show, site + path)
    assert result.returncode == 0, result.stderr
    paragraphs = [b.text for b in _script(show).blocks if isinstance(b, Paragraph)]
    assert paragraphs[0].startswith("Pål Eriksen and Xoán Castro argue")
    assert not any("Ã" in p or "\ufffd" in p for p in paragraphs)


@pytest.mark.parametrize("path, message", [
    ("/to-file", "redirects to file:///etc/passwd, which is not http or https"),
    ("/to-ftp", "redirects to ftp://127.0.0.1/recap.html, which is not http or https"),
    ("/loop", "more than 5 redirects (a redirect loop?)"),
    ("/gzip-bomb", "is over the limit of 5,000,000 bytes"),
    ("/missing", "HTTP 404 Not Found"),
    ("/nav-only", "no article text found in the page"),
    ("/deep", "the page nests its elements 5,00"),
    ("/huge", "bytes, over the limit of 5,000,000 bytes"),
    ("/huge-unannounced", "is over the limit of 5,000,000 bytes"),
    ("/report.pdf", "cannot read http://127.0.0.1"),
    ("/photo.jpg", "is not a web page or text (it is image/jpeg)"),
])
def test_bad_pages_are_refused_with_nothing_written(show: Path, site: str, path: str,
                                                    message: str):
    _refused(show, _import(show, site + path), message)


def test_a_server_that_never_answers_times_out(show: Path, silent_server: str):
    _refused(show, _import(show, silent_server, env=FAST), "no answer within 0.5 s")


def test_a_server_that_trickles_is_cut_off_by_the_deadline(show: Path, site: str):
    _refused(show, _import(show, f"{site}/trickle", env=FAST), "no answer within 0.5 s")


def test_a_closed_port_is_a_clear_error(show: Path):
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()
    _refused(show, _import(show, f"http://127.0.0.1:{port}/recap"), "connection was refused")


def test_an_unresolvable_host_says_so(show: Path):
    # .invalid never resolves (RFC 6761), so no lookup leaves the machine
    _refused(show, _import(show, "http://recap.invalid/ep1"), "does not resolve")


@pytest.mark.parametrize("source", ["ftp://127.0.0.1/recap.txt", "file:///etc/passwd"])
def test_other_schemes_are_refused(show: Path, source: str):
    _refused(show, _import(show, source), "only http:// and https:// URLs can be imported")


@pytest.mark.parametrize("source, message", [
    ("http://[::1", "is not a valid URL (Invalid IPv6 URL)"),
    ("http://127.0.0.1:99999/recap", "is not a valid URL (Port out of range"),
    ("http:///recap", "names no host"),
])
def test_a_malformed_url_is_a_clear_error(show: Path, source: str, message: str):
    _refused(show, _import(show, source), message)


def test_a_saved_page_with_no_article_is_refused(show: Path, tmp_path: Path):
    page = tmp_path / "home.html"
    page.write_bytes(_routes()["/nav-only"][2])
    _refused(show, _import(show, str(page)), "no article text found in the page")


def test_a_page_quote_keeps_its_cited_speaker(show: Path, site: str):
    result = _import(show, f"{site}/wordpress")
    assert result.returncode == 0, result.stderr
    quotes = [b for b in _script(show).blocks if isinstance(b, Quote)]
    assert [(q.speaker, q.text[:20]) for q in quotes] == [("Saoirse Ó Dálaigh",
                                                           "If it can hear the p")]
