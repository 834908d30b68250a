"""Publish targets as rclone reads them, and what rclone says turned into one plain error
with nothing secret in it: golden tables from real rclone 1.75 messages."""

from __future__ import annotations

from pathlib import Path

import pytest

from recapcast.errors import PublishError
from recapcast.publish.rclone import Rclone, _Run, parse_target

CONNECTION = (":s3,provider=Other,endpoint='http://127.0.0.1:9000',access_key_id=AKID,"
              "secret_access_key=Sup3rS3cret:bucket/show")

# target -> (what is printed, reads the user's rclone config, a local folder)
TARGETS = [
    (CONNECTION, (":s3:bucket/show", False, False)),
    ("myr2:podcasts/show", ("myr2:podcasts/show", True, False)),
    ("myr2,secret_access_key=\"a:b,c\":podcasts", ("myr2:podcasts", True, False)),
    (":sftp,host=example.org,user=me:/var/www", (":sftp:/var/www", False, False)),
    ("site", ("/shows/mine/site", False, True)),
    ("../site", ("/shows/site", False, True)),
    ("/srv/www/pods", ("/srv/www/pods", False, True)),
]


@pytest.mark.parametrize(("spec", "expected"), TARGETS)
def test_targets(spec: str, expected):
    target = parse_target(spec, Path("/shows/mine"))
    assert (target.shown, target.user_config, target.local) == expected


def test_a_remote_in_the_environment_needs_no_config_file(monkeypatch):
    monkeypatch.setenv("RCLONE_CONFIG_PODHOST_TYPE", "sftp")
    assert parse_target("podhost:show", Path("/x")).user_config is False


@pytest.mark.parametrize("spec", [":s3,secret_access_key='unclosed:bucket",
                                  "r2,key=abc"])
def test_an_unreadable_connection_string_is_never_echoed(spec: str):
    with pytest.raises(PublishError) as caught:
        parse_target(spec, Path("/x"))
    assert "abc" not in caught.value.message and "unclosed" not in caught.value.message


# rclone's JSON log message -> the error's words (the part after "failed: ")
FAILURES = [
    ('Failed to create file system for "' + CONNECTION + '": didn\'t find backend called '
     '"s4"', "rclone has no backend called s4"),
    ("didn't find section in config file", "there is no remote of that name in your rclone "
                                           "config"),
    ("unknown flag: --s3-no-check-bucket", "this rclone is too old for the flag "
                                           "--s3-no-check-bucket"),
    ("operation error S3: ListObjects, https response error StatusCode: 403, RequestID: , "
     "api error SignatureDoesNotMatch: The request signature we calculated does not match",
     "the target refused the credentials"),
    ('Failed to create file system for "' + CONNECTION + '": is a file not a directory',
     "the target refused the credentials"),
    ("NewFs: couldn't connect SSH: ssh: handshake failed: ssh: unable to authenticate",
     "the target refused the credentials"),
    ("NewFs: couldn't connect SSH: ssh: handshake failed: knownhosts: key mismatch",
     "the server's host key is not the one in your known_hosts file"),
    ("operation error S3: PutObject, https response error StatusCode: 404, api error "
     "NoSuchBucket: The specified bucket does not exist", "the bucket does not exist on the "
                                                          "target"),
    ('Get "http://127.0.0.1:18999/bucket?delimiter=%2F": dial tcp 127.0.0.1:18999: connect: '
     "connection refused", "the target's server did not answer"),
    ("Failed to copy: write /srv/pods/audio/ep3.mp3: no space left on device",
     "the target is full"),
]


@pytest.mark.parametrize(("said", "expected"), FAILURES)
def test_what_rclone_says_becomes_one_plain_error(said: str, expected: str, monkeypatch):
    monkeypatch.setenv("RCLONE_CONFIG_X_SECRET_ACCESS_KEY", "EnvS3cretValue")
    rclone = Rclone(parse_target(CONNECTION, Path("/x")), binary="rclone")
    run = _Run(1, b"", [{"level": "error", "msg": said + " EnvS3cretValue",
                         "object": "audio/ep3.abc.mp3"}])
    error = rclone._fail(run, "uploading to")
    assert error.message == f"uploading to :s3:bucket/show failed (audio/ep3.abc.mp3): " \
                            f"{expected}"
    assert "Sup3rS3cret" not in error.message + error.hint
    assert "EnvS3cretValue" not in error.message + error.hint


def test_an_unknown_failure_is_quoted_with_secrets_masked(monkeypatch):
    monkeypatch.setenv("RCLONE_CONFIG_X_PASS", "EnvPassValue")
    rclone = Rclone(parse_target(CONNECTION, Path("/x")), binary="rclone")
    said = f"weird failure for {CONNECTION} token=tok123 with EnvPassValue"
    error = rclone._fail(_Run(7, b"", [{"level": "error", "msg": said}]), "listing")
    assert error.message.startswith("listing :s3:bucket/show failed: rclone: weird failure "
                                    "for :s3:bucket/show token=***")
    for secret in ("Sup3rS3cret", "tok123", "EnvPassValue"):
        assert secret not in error.message


def test_a_connection_strings_keys_go_to_rclone_in_its_environment_not_its_arguments(
        tmp_path: Path):
    # Another user's `ps` shows a process's arguments; its environment it does not.
    seen = tmp_path / "seen"
    fake = tmp_path / "rclone"
    fake.write_text(f"#!/bin/sh\necho \"$@\" > {seen}.args\nenv > {seen}.env\necho '[]'\n")
    fake.chmod(0o755)
    Rclone(parse_target(CONNECTION, Path("/x")), binary=str(fake)).listing()
    args = (tmp_path / "seen.args").read_text()
    assert "Sup3rS3cret" not in args and "recapcast_target:bucket/show" in args
    env = (tmp_path / "seen.env").read_text().splitlines()
    assert "RCLONE_CONFIG_RECAPCAST_TARGET_SECRET_ACCESS_KEY=Sup3rS3cret" in env
    assert "RCLONE_CONFIG_RECAPCAST_TARGET_ENDPOINT=http://127.0.0.1:9000" in env
    assert "RCLONE_CONFIG_RECAPCAST_TARGET_TYPE=s3" in env
