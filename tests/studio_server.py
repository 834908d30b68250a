"""``recapcast studio`` run as a user runs it, and plain HTTP requests to it."""

from __future__ import annotations

import contextlib
import http.client
import json
import os
import re
import signal
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from conftest import SRC


@dataclass
class Studio:
    """A running studio: its address, token and process."""

    url: str
    """The address it printed, token included."""
    port: int
    token: str
    proc: subprocess.Popen
    stopped: str | None = None
    """What it printed on stderr, once ``stop`` stopped it."""

    def stop(self) -> str:
        """Ctrl-C it, check it stopped cleanly; return what it printed on stderr."""
        self.stopped = _stop_cleanly(self.proc)
        return self.stopped

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    @property
    def cookie(self) -> str:
        return f"recapcast-studio-{self.port}={self.token}"

    def request(self, method: str, path: str, body: object = None, *,
                headers: dict | None = None, cookie: bool = True,
                timeout: float = 120) -> tuple[int, dict, bytes]:
        """One HTTP request, by default as the studio's own page sends it."""
        sent = {"Host": f"127.0.0.1:{self.port}"}
        if cookie:
            sent["Cookie"] = self.cookie
        data = None
        if body is not None:
            data = body if isinstance(body, bytes) else json.dumps(body).encode()
            sent["Content-Type"] = "application/json"
            sent["Origin"] = f"http://127.0.0.1:{self.port}"
        sent.update(headers or {})
        sent = {k: v for k, v in sent.items() if v is not None}
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        try:
            connection.request(method, path, body=data, headers=sent)
            response = connection.getresponse()
            return response.status, dict(response.getheaders()), response.read()
        finally:
            connection.close()

    def api(self, path: str, body: object = None) -> dict:
        """A JSON call that must succeed."""
        status, _, data = self.request("POST" if body is not None else "GET", path, body)
        assert status == 200, (path, status, data)
        return json.loads(data)

    # Edits as the page makes them: naming the block (its id and the content it showed) or
    # the sentence (block, number and text) of the view it was read from.

    def block_at(self, episode: str, index: int, view: dict | None = None) -> dict:
        block = (view or self.api(f"/api/episodes/{episode}"))["blocks"][index]
        return {"id": block["id"], "key": block["key"]}

    def edit_block(self, episode: str, index: int, block: dict, view: dict | None = None
                   ) -> dict:
        return self.api(f"/api/episodes/{episode}/block",
                        {**self.block_at(episode, index, view), "block": block})

    def insert_block(self, episode: str, index: int, block: dict) -> dict:
        """Add ``block`` so that it becomes block ``index``."""
        view = self.api(f"/api/episodes/{episode}")
        after = view["blocks"][index - 1]["id"] if index else None
        return self.api(f"/api/episodes/{episode}/insert", {"after": after, "block": block})

    def delete_block(self, episode: str, index: int) -> dict:
        return self.api(f"/api/episodes/{episode}/delete", self.block_at(episode, index))

    def sentence_at(self, episode: str, index: int, number: int, view: dict | None = None
                    ) -> dict:
        block = (view or self.api(f"/api/episodes/{episode}"))["blocks"][index]
        raw = next(s["raw"] for s in block["sentences"] if s["sentence"] == number)
        return {"id": block["id"], "sentence": number, "raw": raw}

    def segment_at(self, episode: str, index: int, n: int, view: dict | None = None) -> dict:
        """The address of the ``n``-th segment of block ``index``, as a click sends it."""
        block = (view or self.api(f"/api/episodes/{episode}"))["blocks"][index]
        s = block["sentences"][n]
        return {"id": block["id"], "segment": s["segment"], "written": s["written"]}


@contextlib.contextmanager
def running_studio(show: Path, *args: str) -> Iterator[Studio]:
    """Start ``recapcast studio --no-browser`` in ``show``; stop it with Ctrl-C (SIGINT)
    and check it stopped cleanly. The token it keeps goes beside the show folder (in
    ``state/``), not in the user's own state folder."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(SRC), env.get("PYTHONPATH", "")])
    env["XDG_STATE_HOME"] = str(state_home(show))
    proc = subprocess.Popen([sys.executable, "-m", "recapcast", "studio", "--no-browser", *args],
                            cwd=show, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)
    studio = None
    try:
        line = proc.stdout.readline()
        found = re.search(r"http://127\.0\.0\.1:(\d+)/\?token=(\S+)", line)
        assert found, (line, proc.stderr.read() if proc.poll() is not None else "")
        studio = Studio(found.group(0), int(found.group(1)), found.group(2), proc)
        yield studio
    finally:
        # A studio the test killed (a crash) has no clean stop to check.
        if proc.poll() != -signal.SIGKILL and (studio is None or studio.stopped is None):
            _stop_cleanly(proc)
        proc.stdout.close()
        proc.stderr.close()


@contextlib.contextmanager
def studio_page(studio: Studio, profile: Path) -> Iterator:
    """Headless Chromium on the studio's page, once its script is drawn; skips the test
    where Chromium is not installed."""
    import pytest

    from test_page import CHROMIUM, Chromium

    if CHROMIUM is None:
        pytest.skip("chromium is not installed (Debian: apt-get install chromium)")
    browser = Chromium(profile)
    try:
        browser.open(studio.url)
        browser.wait_for("document.querySelectorAll('.sentence').length > 3")
        yield browser
    finally:
        browser.close()


def state_home(show: Path) -> Path:
    """Where the tests' studios keep their tokens (``$XDG_STATE_HOME``)."""
    return show.parent / "state"


def _stop_cleanly(proc: subprocess.Popen) -> str:
    """Ctrl-C the studio and check it stopped with exit code 0 and its last line."""
    if proc.poll() is None:
        proc.send_signal(signal.SIGINT)
    try:
        code = proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
        raise AssertionError("the studio did not stop on Ctrl-C") from None
    err = proc.stderr.read()
    assert code == 0 and err.rstrip().endswith("stopped"), (code, err)
    return err
