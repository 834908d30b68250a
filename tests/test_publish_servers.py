"""recapcast publish on other real servers on 127.0.0.1 (moto's S3, rclone's SFTP), and a
publish killed midway: the live feed is never ahead of its media, and the next publish
finishes the job."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
import urllib.error
from pathlib import Path

import pytest

from conftest import SRC, run_cli
from published import publish_two_episodes
from publishing import (
    check_links_resolve,
    live_feed_is_consistent,
    moto_s3,
    obscure,
    openssh,
    rclone_http,
    rclone_s3,
    rclone_sftp,
    set_base_url,
)


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    return publish_two_episodes(tmp_path_factory.mktemp("servers") / "show")


@pytest.fixture
def show(built: Path, tmp_path: Path) -> Path:
    root = tmp_path / "show"
    shutil.copytree(built, root, symlinks=True)
    return root


def test_moto_s3_stores_each_kind_with_its_type_and_cache_life(show: Path):
    boto3 = pytest.importorskip("boto3")
    pytest.importorskip("moto.server", reason="moto[server] is not installed")
    with moto_s3() as endpoint:
        client = boto3.client("s3", endpoint_url=endpoint, region_name="us-east-1",
                              aws_access_key_id="testing", aws_secret_access_key="testing")
        client.create_bucket(Bucket="pods")
        base = f"{endpoint}/pods/show/"
        set_base_url(show, base)
        target = (f":s3,provider=Other,endpoint='{endpoint}',access_key_id=testing,"
                  "secret_access_key=testing,region=us-east-1,acl=public-read:pods/show")
        result = run_cli("publish", "--to", target, "--json", cwd=show)
        assert result.returncode == 0, result.stderr
        uploaded = json.loads(result.stdout)["uploaded"]
        stored = {path: client.head_object(Bucket="pods", Key=f"show/{path}")
                  for path in uploaded}
        expected = {
            ".mp3": "audio/mpeg", ".vtt": "text/vtt; charset=utf-8",
            ".srt": "application/x-subrip; charset=utf-8",
            ".chapters.json": "application/json+chapters", ".jpg": "image/jpeg",
            "index.html": "text/html; charset=utf-8",
            "feed.xml": "application/rss+xml; charset=utf-8",
        }
        for path, head in stored.items():
            kind = next(k for k in expected if path.endswith(k))
            assert head["ContentType"] == expected[kind], path
            short = kind in ("index.html", "feed.xml")
            assert head["CacheControl"] == ("public, max-age=300" if short else
                                            "public, max-age=31536000, immutable"), path
        check_links_resolve(base + "feed/feed.xml")


def test_sftp_with_the_remote_in_environment_variables(show: Path, tmp_path: Path):
    site = tmp_path / "sftp"
    site.mkdir()
    password = "sftp-Pa55-never-printed"
    with rclone_sftp(site, "podcaster", password) as port:
        set_base_url(show, "https://pods.example.org/", 'to = "podhost:show"\n')
        env = {"RCLONE_CONFIG_PODHOST_TYPE": "sftp", "RCLONE_CONFIG_PODHOST_HOST": "127.0.0.1",
               "RCLONE_CONFIG_PODHOST_PORT": str(port), "RCLONE_CONFIG_PODHOST_USER": "podcaster",
               "RCLONE_CONFIG_PODHOST_PASS": obscure(password)}
        result = run_cli("publish", cwd=show, env=env)
        assert result.returncode == 0, result.stderr
        assert "published to podhost:show: 11 uploaded" in result.stdout
        assert live_feed_is_consistent(site / "show", "https://pods.example.org/") is True
        again = run_cli("publish", cwd=show, env=env)
        assert again.stdout.startswith("nothing changed"), again.stdout + again.stderr

        wrong = dict(env, RCLONE_CONFIG_PODHOST_PASS=obscure("not-" + password))
        refused = run_cli("publish", cwd=show, env=wrong)
        assert refused.returncode == 1
        assert refused.stderr.startswith("error: listing podhost:show failed: the target "
                                         "refused the credentials")
        assert password not in refused.stdout + refused.stderr
        assert wrong["RCLONE_CONFIG_PODHOST_PASS"] not in refused.stdout + refused.stderr


def test_openssh_sftp_with_a_key_and_a_checked_host_key(show: Path, tmp_path: Path):
    site = tmp_path / "www" / "show"
    with openssh(tmp_path / "sshd") as sshd:
        set_base_url(show, "https://pods.example.org/")
        result = run_cli("publish", "--to", sshd.target(site), cwd=show)
        assert result.returncode == 0, result.stderr
        assert f"published to :sftp:{site}: 11 uploaded" in result.stdout
        assert live_feed_is_consistent(site, "https://pods.example.org/") is True
        again = run_cli("publish", "--to", sshd.target(site), cwd=show)
        assert again.stdout.startswith("nothing changed"), again.stdout + again.stderr


# ``python -m recapcast`` with Ctrl-C as in a terminal even where the tests themselves run
# in the background: a shell starts a background job with SIGINT ignored, an ignored
# signal stays ignored in every child, and the Ctrl-C below would do nothing (the publish
# ran to its end, and no later one had anything left to be killed in).
_WITH_CTRL_C = ("import runpy, signal; signal.signal(signal.SIGINT, signal.default_int_handler);"
                " runpy.run_module('recapcast', run_name='__main__', alter_sys=True)")


def _publish_process(root: Path, target: str) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=str(SRC))
    return subprocess.Popen([sys.executable, "-c", _WITH_CTRL_C, "publish", "--to", target],
                            cwd=root, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True, start_new_session=True)


def _left_consistent(site: Path, host: str) -> bool | None:
    """The live feed as a killed publish left it. A feed whose upload reached the server
    before the kill may be in the middle of its replacement there (no feed for a moment):
    that is waited out; a feed that stays missing is not."""
    deadline = time.monotonic() + 10
    while (state := live_feed_is_consistent(site, host)) is None and time.monotonic() < deadline:
        time.sleep(0.01)
    return state


def _settled_feed(site: Path, host: str) -> bytes:
    """The live feed once the server is done with it, its links checked. A killed publish
    may leave the server still replacing the feed (it deletes the old one and then renames
    the upload in), so a missing feed is waited out for a while; a missing media file,
    or a feed that stays missing, fails."""
    feed = site / "feed" / "feed.xml"
    deadline = time.monotonic() + 10
    while True:
        try:
            before = feed.read_bytes()
            check_links_resolve(host + "feed/feed.xml")
            if feed.read_bytes() == before:
                return before
        except (FileNotFoundError, urllib.error.HTTPError) as exc:
            gone = isinstance(exc, FileNotFoundError) or exc.filename == host + "feed/feed.xml"
            if not gone or time.monotonic() > deadline:
                raise
        time.sleep(0.01)


def test_a_publish_killed_midway_never_leaves_the_feed_ahead_of_its_media(show, tmp_path):
    site = tmp_path / "s3" / "bucket" / "show"
    with rclone_s3(tmp_path / "s3") as s3, rclone_http(site) as host:
        set_base_url(show, host)
        run_cli("publish", "--to", s3.target(), cwd=show, check=True)
        first_feed = (site / "feed" / "feed.xml").read_bytes()
        script = show / "scripts" / "ep3.md"
        script.write_text(script.read_text("utf-8").replace("She orders a drink",
                                                            "She orders tea"), "utf-8")
        run_cli("build", "ep3", cwd=show, check=True)

        # A watcher checks the live feed against the files on the server all along. It
        # may find no feed for a moment: this server replaces an object by deleting the
        # old one and then renaming the upload in (see S3Server.replaced); each such gap
        # must be one of the server's replacements of the feed, never anything else.
        seen: list[bool | None] = []
        broke: list[BaseException] = []
        stop = threading.Event()
        replaced_before = s3.replaced("bucket/show/feed/feed.xml")

        def watch() -> None:
            try:
                while not stop.is_set():
                    seen.append(live_feed_is_consistent(site, host))
                    time.sleep(0.005)
            except BaseException as exc:  # a watcher that stops must fail the test
                broke.append(exc)

        watcher = threading.Thread(target=watch, daemon=True)
        watcher.start()
        try:
            # Ctrl-C after its 1st upload, then SIGKILL (publish and its rclone) after the
            # 1st, 2nd and 4th object it creates.
            killed = []
            for point, sent in ((1, signal.SIGINT), (1, signal.SIGKILL), (2, signal.SIGKILL),
                                (4, signal.SIGKILL)):
                before = len(s3.created())
                proc = _publish_process(show, s3.target())
                deadline = time.monotonic() + 60
                while (len(s3.created()) < before + point and proc.poll() is None
                       and time.monotonic() < deadline):
                    time.sleep(0.002)
                if proc.poll() is None:
                    os.killpg(proc.pid, sent)
                _, err = proc.communicate(timeout=30)
                if sent == signal.SIGINT and proc.returncode != 0:
                    # (click writes a blank line first, on any Ctrl-C.)
                    assert (proc.returncode, err.lstrip("\n")) == (130, (
                        "error: interrupted\nhint: the live feed is as it was, with all its "
                        "files; run the same publish again to finish\n"))
                killed.append(proc.returncode == -signal.SIGKILL)
                assert _left_consistent(site, host) is True
                # Every link of the feed as it is left resolves, the old one or the new.
                _settled_feed(site, host)
            assert any(killed), "every publish finished before it could be killed"
            finished = run_cli("publish", "--to", s3.target(), cwd=show)
            assert finished.returncode == 0, finished.stderr
        finally:
            stop.set()
            watcher.join()
        assert not broke, broke
        assert False not in seen, "the live feed linked a file that was not there"
        assert True in seen
        gaps = sum(1 for i, one in enumerate(seen)
                   if one is None and (i == 0 or seen[i - 1] is not None))
        assert gaps <= s3.replaced("bucket/show/feed/feed.xml") - replaced_before, (
            "the feed was missing other than while the server replaced it")
        assert (site / "feed" / "feed.xml").read_bytes() != first_feed
        check_links_resolve(host + "feed/feed.xml")
        assert run_cli("publish", "--to", s3.target(), cwd=show,
                       check=True).stdout.startswith("nothing changed")
