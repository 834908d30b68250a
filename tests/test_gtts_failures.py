"""The online voice against a fake Google on 127.0.0.1: bounded retries, clear errors, fallback.

No test here touches the network: RECAPCAST_GTTS_URL points gTTS at a local server.
"""

from __future__ import annotations

import base64
import json
import socket
import subprocess
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import imageio_ffmpeg
import pytest
from mutagen.mp3 import MP3

import safety
from conftest import run_cli
from recapcast.errors import EngineError
from recapcast.model import VoiceSettings
from recapcast.voice.engines.gtts import GttsEngine
from safety import assert_complete, assert_error, snapshot

built_template, built = safety.built_template, safety.built


@pytest.fixture(scope="module")
def mp3_bytes(tmp_path_factory) -> bytes:
    out = tmp_path_factory.mktemp("mp3") / "beep.mp3"
    subprocess.run([imageio_ffmpeg.get_ffmpeg_exe(), "-v", "error", "-f", "lavfi", "-i",
                    "sine=frequency=440:duration=1", "-ac", "1", "-b:a", "64k", str(out)],
                   check=True)
    return out.read_bytes()


class FakeGoogle:
    """Answers every TTS request the same way: an HTTP status, a hang, or real audio."""

    def __init__(self, mode: str, audio: bytes = b"") -> None:
        self.mode = mode
        self.requests = 0
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                fake.requests += 1
                self.rfile.read(int(self.headers.get("Content-Length", 0)))
                if fake.mode == "hang":
                    time.sleep(3)
                    return
                if fake.mode == "ok":
                    line = 'jQ1olc","[\\"' + base64.b64encode(audio).decode() + '\\"]'
                    body = (")]}'\n\n" + line + "\n").encode()
                    self.send_response(200)
                else:
                    body = b"nope"
                    self.send_response(int(fake.mode))
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def google(request, mp3_bytes):
    fake = FakeGoogle(request.param, mp3_bytes)
    yield fake
    fake.close()


def _closed_port_url() -> str:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}/"


def _env(url: str) -> dict:
    return {"RECAPCAST_GTTS_URL": url, "RECAPCAST_GTTS_RETRIES": "3",
            "RECAPCAST_GTTS_BACKOFF_S": "0.01", "RECAPCAST_GTTS_TIMEOUT_S": "0.5",
            "http_proxy": "", "https_proxy": "", "HTTP_PROXY": "", "HTTPS_PROXY": ""}


def _use_gtts(show: Path, fallback: str = "") -> None:
    config = (show / "recapcast.toml").read_text().replace('engine = "tone"', 'engine = "gtts"')
    if fallback:
        config += f'fallback = "{fallback}"\n'
    (show / "recapcast.toml").write_text(config)


@pytest.mark.parametrize("google, cause", [
    ("429", "429 (Too Many Requests)"),
    ("500", "500 (Internal Server Error)"),
    ("hang", "Timeout"),
], indirect=["google"])
def test_gtts_failures_end_in_a_clear_error_after_bounded_retries(built: Path, google, cause):
    before = snapshot(built)
    _use_gtts(built)
    result = run_cli("build", "ep3", cwd=built, env=_env(google.url))
    assert_error(result, "gTTS failed after 3 tries", hint="--engine piper")
    assert cause in result.stderr
    assert google.requests == 3
    assert snapshot(built) == before


def test_gtts_with_no_network_is_a_clear_error(built: Path):
    before = snapshot(built)
    _use_gtts(built)
    result = run_cli("build", "ep3", cwd=built, env=_env(_closed_port_url()))
    assert_error(result, "gTTS failed after 3 tries: Failed to connect", hint="fallback")
    assert snapshot(built) == before


@pytest.mark.parametrize("google", ["429"], indirect=True)
def test_gtts_falls_back_to_the_offline_voice_when_the_config_asks(show: Path, google):
    _use_gtts(show, fallback="tone")
    result = run_cli("build", "ep3", "--json", cwd=show, env=_env(google.url))
    assert result.returncode == 0, result.stderr
    assert "speaking ep3 with the fallback engine tone" in result.stderr
    report = json.loads(result.stdout)
    assert report["synthesized"] == report["segments"]
    assert google.requests == 3  # one failed segment is enough to switch the whole episode
    assert_complete(show)
    # The feed credits the voice that spoke the episode, not the one the config names.
    feed = (show / "feed" / "feed.xml").read_text(encoding="utf-8")
    assert '<podcast:person role="narrator" group="cast">joe-us (test tone text-to-speech)' \
        in feed


@pytest.mark.parametrize("google", ["ok"], indirect=True)
def test_gtts_speaks_through_the_local_server(built: Path, google):
    _use_gtts(built)
    result = run_cli("build", "ep3", "--json", cwd=built, env=_env(google.url))
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert google.requests >= report["segments"]
    # About one second of beep a request, after the intro music.
    assert MP3(report["audio"]).info.length > report["segments"] + 8
    assert_complete(built)


def test_backoff_doubles_between_bounded_retries():
    engine = GttsEngine(VoiceSettings(engine="gtts"), base_url=_closed_port_url(), retries=4,
                        backoff_s=0.05, timeout_s=0.5)
    started = time.monotonic()
    with pytest.raises(EngineError, match="after 4 tries"):
        engine.synthesize("Hello there.")
    assert time.monotonic() - started >= 0.05 + 0.1 + 0.2
