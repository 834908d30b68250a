"""recapcast serve over real HTTP on 127.0.0.1: ranges, HEAD, 304, 416, types, traversal."""

from __future__ import annotations

import contextlib
import http.client
import io
import os
import signal
import socket
import struct
import subprocess
import sys
import threading
import time
from pathlib import Path

import podcastparser
import pytest

from conftest import SRC
from published import publish_two_episodes
from recapcast.config import load_project
from recapcast.publish.catalog import feed_xml
from recapcast.publish.serve import Site, make_server


@pytest.fixture(scope="module")
def show(tmp_path_factory) -> Path:
    root = publish_two_episodes(tmp_path_factory.mktemp("serve") / "show")
    (root / "feed" / ".secret").write_text("hidden")
    (root / "feed" / ".recapcast-tmp-abc.xml").write_text("<half")
    os.symlink(root / "recapcast.toml", root / "feed" / "linked.xml")
    return root


@pytest.fixture(scope="module")
def server(show: Path):
    project = load_project(show)
    site = Site(project.feed_dir, project.audio_dir,
                render_feed=lambda base: feed_xml(project, base_url=base))
    srv = make_server(site, "127.0.0.1", 0, public_url="http://192.168.1.5:8000")
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    yield srv
    srv.shutdown()
    srv.server_close()


def _get(server, path: str, method: str = "GET", **headers) -> tuple[int, dict, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", server.server_address[1], timeout=10)
    try:
        conn.request(method, path, headers=headers)
        response = conn.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, \
            response.read()
    finally:
        conn.close()


@pytest.mark.parametrize("header, status, first, last", [
    ("bytes=0-9", 206, 0, 9),
    ("bytes=90-", 206, 90, None),
    ("bytes=-10", 206, -10, None),
    ("bytes=50-5000000000", 206, 50, None),
    ("bytes=0-0", 206, 0, 0),
    ("bytes=9-3", 400, None, None),
    ("items=0-9", 400, None, None),
    ("bytes=abc", 400, None, None),
])
def test_range_headers(server, show: Path, header, status, first, last):
    # Starlette's rules: a malformed range is a 400 (RFC 9110 lets a server refuse or
    # ignore it); a valid one is the bytes asked for.
    mp3 = (show / "audio" / "ep3.mp3").read_bytes()
    got, headers, body = _get(server, "/audio/ep3.mp3", Range=header)
    assert got == status, header
    if status == 206:
        end = len(mp3) - 1 if last is None else last
        start = len(mp3) + first if first < 0 else first
        assert body == mp3[start:end + 1]
        assert headers["content-range"] == f"bytes {start}-{end}/{len(mp3)}"


def test_two_ranges_are_one_multipart_answer(server, show: Path):
    mp3 = (show / "audio" / "ep3.mp3").read_bytes()
    status, headers, body = _get(server, "/audio/ep3.mp3", Range="bytes=0-1,5-6")
    assert status == 206 and headers["content-type"].startswith("multipart/byteranges")
    assert mp3[0:2] in body and mp3[5:7] in body


def test_whole_file_head_and_types(server, show: Path):
    mp3 = (show / "audio" / "ep3.mp3").read_bytes()
    status, headers, body = _get(server, "/audio/ep3.mp3?v=abc")
    assert status == 200 and body == mp3
    assert headers["content-type"] == "audio/mpeg"
    assert headers["accept-ranges"] == "bytes"
    assert int(headers["content-length"]) == len(mp3)
    status, head_headers, body = _get(server, "/audio/ep3.mp3", method="HEAD")
    assert status == 200 and body == b""
    assert head_headers["content-length"] == str(len(mp3))
    assert head_headers["etag"] == headers["etag"]
    for path, mime in [("/feed/feed.xml", "application/rss+xml"),
                       ("/feed/index.html", "text/html; charset=utf-8"),
                       ("/feed/cover.jpg", "image/jpeg"),
                       ("/audio/ep3.vtt", "text/vtt; charset=utf-8"),
                       ("/audio/ep3.srt", "application/x-subrip; charset=utf-8"),
                       ("/audio/ep3.chapters.json", "application/json+chapters")]:
        status, headers, _ = _get(server, path, method="HEAD")
        assert (status, headers["content-type"]) == (200, mime), path


def test_byte_ranges(server, show: Path):
    mp3 = (show / "audio" / "ep3.mp3").read_bytes()
    size = len(mp3)
    for header, first, last in [("bytes=0-99", 0, 99), ("bytes=1000-", 1000, size - 1),
                                ("bytes=-500", size - 500, size - 1),
                                ("bytes=10-99999999", 10, size - 1)]:
        status, headers, body = _get(server, "/audio/ep3.mp3", Range=header)
        assert status == 206, header
        assert headers["content-range"] == f"bytes {first}-{last}/{size}"
        assert body == mp3[first:last + 1]
        assert headers["content-length"] == str(last - first + 1)
    status, headers, body = _get(server, "/audio/ep3.mp3", method="HEAD", Range="bytes=0-1")
    assert status == 206 and headers["content-length"] == "2" and body == b""


def test_unsatisfiable_range_is_416(server, show: Path):
    size = (show / "audio" / "ep3.mp3").stat().st_size
    for header in (f"bytes={size}-", f"bytes={size + 10}-{size + 20}", "bytes=-0"):
        status, headers, _ = _get(server, "/audio/ep3.mp3", Range=header)
        assert status == 416, header
        assert headers["content-range"] == f"bytes */{size}"


def test_conditional_requests_get_304(server):
    status, headers, _ = _get(server, "/audio/ep3.mp3", method="HEAD")
    etag, modified = headers["etag"], headers["last-modified"]
    status, headers, body = _get(server, "/audio/ep3.mp3", **{"If-None-Match": etag})
    assert status == 304 and body == b"" and headers["etag"] == etag
    status, _, _ = _get(server, "/audio/ep3.mp3", **{"If-Modified-Since": modified})
    assert status == 304
    status, _, _ = _get(server, "/audio/ep3.mp3", **{"If-None-Match": '"other"'})
    assert status == 200
    status, _, _ = _get(server, "/audio/ep3.mp3",
                        **{"If-Modified-Since": "Thu, 01 Jan 2009 00:00:00 GMT"})
    assert status == 200
    status, headers, _ = _get(server, "/feed/feed.xml")
    status, _, _ = _get(server, "/feed/feed.xml", **{"If-None-Match": headers["etag"]})
    assert status == 304


def test_if_range_with_an_old_etag_sends_the_whole_new_file(server, show: Path):
    status, headers, body = _get(server, "/audio/ep3.mp3", Range="bytes=0-9",
                                 **{"If-Range": '"old-version"'})
    assert status == 200 and len(body) == (show / "audio" / "ep3.mp3").stat().st_size
    etag = _get(server, "/audio/ep3.mp3", method="HEAD")[1]["etag"]
    status, _, body = _get(server, "/audio/ep3.mp3", Range="bytes=0-9", **{"If-Range": etag})
    assert status == 206 and len(body) == 10


@pytest.mark.parametrize("path", [
    "/feed/../recapcast.toml", "/feed/%2e%2e/recapcast.toml", "/feed/%2E%2E%2Frecapcast.toml",
    "/audio/..%2f..%2fetc%2fpasswd", "/%2e%2e/recapcast.toml", "/scripts/ep3.md",
    "/recapcast.toml", "/feed/.secret", "/feed/%2esecret", "/feed/.recapcast-tmp-abc.xml",
    "/audio/ep3.json", "/feed/linked.xml", "/feed/", "/audio", "/feed/feed.xml%00.mp3",
    "/feed/%ff.xml", "/feed//etc/passwd", "/audio/..\\recapcast.toml", "/feed/missing.xml",
])
def test_nothing_outside_the_published_files(server, path: str):
    status, _, body = _get(server, path)
    assert status == 404, path
    assert b"title" not in body


def test_root_redirects_to_the_show_page(server):
    status, headers, _ = _get(server, "/")
    assert status == 302 and headers["location"] == "/feed/index.html"


def test_the_served_feed_uses_the_public_url(server, show: Path):
    status, _, body = _get(server, "/feed/feed.xml")
    parsed = podcastparser.parse("http://192.168.1.5:8000/feed/feed.xml", io.BytesIO(body))
    urls = [e["enclosures"][0]["url"] for e in parsed["episodes"]]
    assert all(u.startswith("http://192.168.1.5:8000/audio/") for u in urls)
    assert b'href="http://192.168.1.5:8000/feed/feed.xml" rel="self"' in body
    built = (show / "feed" / "feed.xml").read_bytes()
    # Same show: the podcast:guid stays the configured one.
    guid = built.split(b"<podcast:guid>")[1].split(b"<")[0]
    assert b"<podcast:guid>" + guid in body


def test_the_serve_command_prints_its_addresses_and_stops_on_ctrl_c(show: Path):
    env = dict(os.environ, PYTHONPATH=str(SRC))
    proc = subprocess.Popen([sys.executable, "-m", "recapcast", "serve", "--port", "0"],
                            cwd=show, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    try:
        first = proc.stdout.readline()
        feed_line = proc.stdout.readline()
        port = int(first.rsplit(":", 1)[1].strip(" /\n"))
        assert feed_line == f"feed: http://127.0.0.1:{port}/feed/feed.xml\n"
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        conn.request("GET", "/feed/feed.xml")
        body = conn.getresponse().read()
        assert f"http://127.0.0.1:{port}/audio/ep3.mp3?v=".encode() in body
        conn.close()
    finally:
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=10)
    assert proc.returncode == 0, err
    assert "Traceback" not in err


def test_a_burst_of_50_clients_gets_every_range_right(tmp_path: Path):
    # 50 players at once, 500 range requests of 64 KiB, each on a new connection: with the
    # old backlog of 5 about one connect in ten waited a second (benchmarks/serve_burst.py
    # measures that); here every answer must be a 206 with the right bytes.
    (tmp_path / "feed").mkdir()
    (tmp_path / "audio").mkdir()
    chunk, blocks, clients, each = 64 * 1024, 64, 50, 10
    data = os.urandom(chunk * blocks)
    (tmp_path / "audio" / "burst.mp3").write_bytes(data)
    srv = make_server(Site(tmp_path / "feed", tmp_path / "audio"), "127.0.0.1", 0)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    answers: list[tuple[int, str, bool]] = []
    lock = threading.Lock()
    gate = threading.Barrier(clients, timeout=30)

    def client(n: int) -> None:
        gate.wait()
        for i in range(each):
            first = ((n * each + i) % blocks) * chunk
            last = first + chunk - 1
            status, headers, body = _get(srv, "/audio/burst.mp3", Range=f"bytes={first}-{last}")
            with lock:
                answers.append((status, headers.get("content-range"),
                                body == data[first:last + 1]))

    threads = [threading.Thread(target=client, args=(n,), daemon=True) for n in range(clients)]
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
    finally:
        srv.shutdown()
        srv.server_close()
    assert len(answers) == clients * each
    assert all(status == 206 and rng.endswith(f"/{len(data)}") and right
               for status, rng, right in answers), [a for a in answers if a[0] != 206][:3]
    assert srv.request_queue_size >= clients


def _hang_up(port: int, request: bytes, read: int = 0) -> None:
    """Send ``request``, read ``read`` bytes of the answer, then reset the connection."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(request)
        got = 0
        while got < read:
            got += len(sock.recv(read - got))
        # Linger 0: close() sends a RST, as a player that gives up does.
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))


def test_a_client_that_hangs_up_is_one_log_line_and_no_traceback(show: Path):
    # Big enough that the server is still writing it when the client resets the connection.
    (show / "audio" / "long.mp3").write_bytes(os.urandom(32 * 1024 * 1024))
    env = dict(os.environ, PYTHONPATH=str(SRC))
    proc = subprocess.Popen([sys.executable, "-m", "recapcast", "serve", "--port", "0"],
                            cwd=show, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    lines: list[str] = []
    two_logged = threading.Event()

    def read_stderr() -> None:
        for line in proc.stderr:
            lines.append(line.rstrip("\n"))
            if sum("hung up" in seen for seen in lines) >= 2:
                two_logged.set()

    reader = threading.Thread(target=read_stderr, daemon=True)
    reader.start()
    try:
        port = int(proc.stdout.readline().rsplit(":", 1)[1].strip(" /\n"))
        # Mid-download, and while the server still reads the request's headers.
        _hang_up(port, b"GET /audio/long.mp3 HTTP/1.1\r\nHost: x\r\n\r\n", read=65536)
        _hang_up(port, b"GET /audio/ep3.mp3 HTTP/1.1\r\nHost: x\r\n")
        # The server still answers afterwards.
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        conn.request("HEAD", "/audio/ep3.mp3")
        assert conn.getresponse().status == 200
        conn.close()
        # Each hang-up is logged by the thread that served it: wait for them (bounded).
        two_logged.wait(timeout=20)
    finally:
        proc.send_signal(signal.SIGINT)
        proc.wait(timeout=10)
        reader.join(timeout=10)
        (show / "audio" / "long.mp3").unlink()
    err = "\n".join(lines)
    assert proc.returncode == 0, err
    assert "Traceback" not in err and "Exception" not in err, err
    hung = [line for line in lines if "hung up" in line]
    assert sorted(hung) == ["127.0.0.1 hung up during GET /audio/ep3.mp3 (Connection reset by "
                            "peer)", "127.0.0.1 hung up during GET /audio/long.mp3 (Connection "
                            "reset by peer)"], err
    assert [line for line in lines if line not in hung] == ["press Ctrl-C to stop", "stopped"]


def test_a_stalled_connection_is_closed_with_one_log_line(tmp_path: Path, caplog):
    # A request that stops halfway, and a client that stops taking its answer: each holds a
    # socket until the idle time (60 s in serve; half a second here) closes it.
    (tmp_path / "feed").mkdir()
    (tmp_path / "audio").mkdir()
    (tmp_path / "audio" / "big.mp3").write_bytes(os.urandom(16 * 1024 * 1024))
    srv = make_server(Site(tmp_path / "feed", tmp_path / "audio"), "127.0.0.1", 0, idle_s=0.5)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    port = srv.server_address[1]
    try:
        with caplog.at_level("WARNING", logger="recapcast.publish.serve"):
            for request in (b"GET /audio/big.mp3 HTTP/1.1\r\nHost: x\r\n",
                            b"GET /audio/big.mp3 HTTP/1.1\r\nHost: x\r\n\r\n"):
                with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:
                    sock.sendall(request)
                    # Take nothing: the server must give up on its own and close.
                    time.sleep(2)
                    received = b""
                    with contextlib.suppress(ConnectionResetError):
                        while chunk := sock.recv(1 << 20):
                            received += chunk
                    assert len(received) < 16 * 1024 * 1024
            # The server still answers afterwards.
            status, _, _ = _get(srv, "/audio/big.mp3", method="HEAD")
            assert status == 200
    finally:
        srv.shutdown()
        srv.server_close()
    stalled = [r.getMessage() for r in caplog.records if "stalled" in r.getMessage()]
    assert stalled == ["127.0.0.1 stalled during a request for 0.5 s: closed",
                       "127.0.0.1 stalled during GET /audio/big.mp3 for 0.5 s: closed"]
    assert not [r for r in caplog.records if "hung up" in r.getMessage()]
