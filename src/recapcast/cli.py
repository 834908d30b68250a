"""The command line: commands, progress on stderr, results on stdout, the one error boundary."""

from __future__ import annotations

import datetime as dt
import errno
import json
import os
import signal
import sys
from pathlib import Path

import click

from recapcast.errors import RecapcastError, UsageError

__all__ = ["main", "cli"]


def _project(ctx: click.Context):
    from recapcast.config import find_root, load_project

    root = ctx.obj.get("root")
    return load_project(Path(root) if root else find_root(Path.cwd()))


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--root", type=click.Path(file_okay=False), default=None,
              help="The show folder (default: the nearest folder holding recapcast.toml).")
@click.option("--debug", is_flag=True, help="Show tracebacks and debug logs.")
@click.version_option(package_name="recapcast")
@click.pass_context
def cli(ctx: click.Context, root: str | None, debug: bool) -> None:
    """Turn written TV-episode recaps into podcast episodes."""
    ctx.ensure_object(dict)
    ctx.obj["root"] = root
    ctx.obj["debug"] = debug


@cli.command("import")
@click.argument("source")
@click.argument("episode_id")
@click.option("--force", is_flag=True,
              help="Replace an existing script (it keeps its guid, and its date unless "
                   "--date is given, so a published episode stays one episode).")
@click.option("--season", type=click.IntRange(min=0), default=None,
              help="Season number (default: from the recap, else none).")
@click.option("--date", "date_", default=None, help="Publish date YYYY-MM-DD (default: today).")
@click.option("--explain", is_flag=True,
              help="Print the metadata found and every line left out, with its line number "
                   "and reason (the script is still written, unless it exists).")
@click.option("--json", "as_json", is_flag=True,
              help="Print the metadata found and every line kept and left out as JSON.")
@click.pass_context
def import_cmd(ctx: click.Context, source: str, episode_id: str, force: bool,
               season: int | None, date_: str | None, explain: bool, as_json: bool) -> None:
    """Turn a recap (a .txt, .md, .html, .docx, .odt, .pdf or .rtf file, or an http(s) URL)
    into scripts/EPISODE_ID.md, a narration script to edit."""
    from recapcast.config import check_episode_id
    from recapcast.errors import ScriptError
    from recapcast.text.account import account, explanation, write_imported
    from recapcast.text.learned import learn_show
    from recapcast.text.script import import_explained
    from recapcast.text.sources import load_source

    check_episode_id(episode_id)
    project = _project(ctx)
    try:
        publish = dt.date.fromisoformat(date_) if date_ else None
    except ValueError:
        raise UsageError(f"--date must be YYYY-MM-DD, not {date_!r}") from None
    target = project.script_path(episode_id)
    shown = target.relative_to(project.root)
    # --explain and --json may look at a recap again after its script was edited: they
    # never overwrite it without --force, and say so.
    keep_existing = target.exists() and not force
    if keep_existing and not (explain or as_json):
        raise ScriptError(f"{shown} already exists",
                          "edit it, or pass --force to replace it with a fresh import; "
                          f"to see what import leaves out: recapcast import {source} "
                          f"{episode_id} --explain")
    recap = load_source(source, project.max_recap_bytes)
    # What the editor changed in the show's imported scripts (in the studio or any text
    # editor) is learned now, before this import, which then leaves out the same furniture.
    learned = learn_show(project.root)
    imported = import_explained(recap, episode_id, season=season, date=publish,
                                learned=learned)
    if keep_existing:
        message = f"{shown} already exists: left as it is (pass --force to replace it)"
    else:
        write_imported(project.scripts_dir, source, imported, keep_date=publish is None)
        left = len(imported.recognised.left_out)
        message = f"wrote {shown}" + (
            f" ({left} line{'s' * (left != 1)} left out; to see them: recapcast import "
            f"{source} {episode_id} --explain)" if left and not (explain or as_json) else "")
    if as_json:
        click.echo(json.dumps(account(imported), ensure_ascii=False, indent=1))
        click.echo(message, err=True)  # stdout stays one JSON document
        return
    if explain:
        click.echo(explanation(imported), nl=False)
    click.echo(message)


@cli.command()
@click.argument("episode_id", required=False)
@click.option("--all", "build_all", is_flag=True, help="Build every script in scripts/.")
@click.option("--engine", default=None, help="Speech engine for this build (piper, gtts, ...).")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object describing the build.")
@click.option("--no-wait", is_flag=True,
              help="Fail at once when another build of this show is running.")
@click.option("--jobs", type=click.IntRange(min=1), default=None,
              help="Speech threads (default: one per core).")
@click.option("--force", is_flag=True, help="Rebuild even if nothing changed.")
@click.pass_context
def build(ctx: click.Context, episode_id: str | None, build_all: bool, engine: str | None,
          as_json: bool, no_wait: bool, jobs: int | None, force: bool) -> None:
    """Build EPISODE_ID's MP3 from its script and update the feed."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

    from recapcast.build import build_episode
    from recapcast.config import check_episode_id
    from recapcast.safety.lock import build_lock
    from recapcast.voice.engines import check_engine

    if engine:
        check_engine(engine)
    project = _project(ctx)
    if build_all:
        ids = project.episode_ids()
        if not ids:
            raise UsageError("there are no scripts in scripts/ to build")
    elif episode_id is not None:
        ids = [check_episode_id(episode_id)]
    else:
        raise UsageError("give an EPISODE_ID or --all", "for example: recapcast build ep12")
    reports = []
    console = Console(stderr=True)
    with build_lock(project.cache_dir, wait=not no_wait, on_wait=lambda: click.echo(
            "waiting for another build of this show to finish...", err=True)):
        for one in ids:
            with Progress("[progress.description]{task.description}", BarColumn(),
                          MofNCompleteColumn(), TimeElapsedColumn(), console=console,
                          # Off the terminal it would only leave a blank line behind.
                          transient=True, disable=not console.is_terminal) as progress:
                task = progress.add_task(f"speaking {one}", total=None)
                report = build_episode(
                    project, one, engine=engine, jobs=jobs, force=force,
                    on_plan=lambda n, task=task: progress.update(task, total=n),
                    on_take=lambda _t, task=task: progress.advance(task),
                )
            reports.append(report)
            if not as_json and report.up_to_date:
                click.echo(f"{report.episode} is up to date: {report.audio} (--force rebuilds it)")
            elif not as_json:
                click.echo(
                    f"built {report.episode}: {report.audio} ({report.duration_s:.1f} s, "
                    f"{report.segments} segments: {report.synthesized} synthesized, "
                    f"{report.cached} cached) in {report.seconds:.1f} s; feed: {report.feed}"
                )
    if as_json:
        out = reports[0].to_json() if len(reports) == 1 and not build_all else {
            "episodes": [r.to_json() for r in reports]}
        click.echo(json.dumps(out, indent=2))
        return
    from recapcast.publish.catalog import scheduled

    for release in scheduled(project):
        if release.episode_id in ids:
            click.echo(f"{release.episode_id} is scheduled: it stays out of the feed and page "
                       f"until {release.meta.release_at():%Y-%m-%d %H:%M} UTC")


@cli.command()
@click.argument("folder", type=click.Path(file_okay=False))
@click.option("--title", default="", help="The show's title (default: from the folder name).")
@click.option("--author", default="", help="The show's author (default: the title).")
@click.option("--base-url", default="http://localhost:8000/",
              help="Where audio/ and feed/ will be published.")
def init(folder: str, title: str, author: str, base_url: str) -> None:
    """Create a new show folder: recapcast.toml, scripts/, audio/, feed/ and .gitignore."""
    from recapcast.publish.scaffold import create_show

    create_show(Path(folder), title=title, author=author, base_url=base_url)
    click.echo(f"created a show in {folder}; next: cd {folder} && "
               "recapcast import RECAP_FILE ep1 && recapcast build ep1")


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (0.0.0.0: every network interface).")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True,
              help="Port to listen on (0: any free port).")
@click.option("--public-url", default=None,
              help="Base URL the feed is published under (default: http://HOST:PORT/).")
@click.pass_context
def serve(ctx: click.Context, host: str, port: int, public_url: str | None) -> None:
    """Serve feed/ and audio/ over HTTP (byte ranges, HEAD, ETag) for podcast apps."""
    from recapcast.publish.catalog import feed_xml
    from recapcast.publish.serve import Site, make_server

    project = _project(ctx)
    if public_url and not public_url.startswith(("http://", "https://")):
        raise UsageError(f"--public-url must start with http:// or https://, not {public_url!r}")
    site = Site(project.feed_dir, project.audio_dir,
                render_feed=lambda base: feed_xml(project, base_url=base))
    try:
        server = make_server(site, host, port, public_url)
    except OSError as exc:
        raise UsageError(f"cannot listen on {host}:{port}: {exc.strerror}",
                         "pick another --port, or stop what is using it") from None
    bound = server.server_address
    click.echo(f"serving {project.root} on http://{host}:{bound[1]}/")
    click.echo(f"feed: {server.public_url}feed/feed.xml")
    click.echo(f"show page: {server.public_url}feed/index.html")
    click.echo("press Ctrl-C to stop", err=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        click.echo("stopped", err=True)
    finally:
        server.server_close()


@cli.command()
@click.option("--to", "to", default=None,
              help="An rclone remote path (myr2:bucket/show), connection string or folder "
                   "(default: [publish] to in recapcast.toml).")
@click.option("--dry-run", is_flag=True, help="List what would be uploaded and removed; "
                                              "change nothing.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object: uploaded, "
                                                      "skipped, removed.")
@click.option("--prune", is_flag=True, help="After the new feed is live, remove files no feed "
                                            "links (at most [publish] max_deletes).")
@click.pass_context
def publish(ctx: click.Context, to: str | None, dry_run: bool, as_json: bool,
            prune: bool) -> None:
    """Copy the built show (audio/, feed/) to its host: media first, the feed last."""
    from urllib.parse import urlsplit

    from rich.console import Console
    from rich.progress import (
        BarColumn,
        DownloadColumn,
        Progress,
        TimeRemainingColumn,
        TransferSpeedColumn,
    )

    from recapcast.publish.deploy import publish_show
    from recapcast.publish.rclone import parse_target
    from recapcast.safety.lock import build_lock

    global _interrupt_hint
    _interrupt_hint = ("the live feed is as it was, with all its files; run the same publish "
                       "again to finish")
    project = _project(ctx)
    target = parse_target(to, Path.cwd()) if to else parse_target(project.publish.to,
                                                                  project.root)
    console = Console(stderr=True)
    # A build renames new audio into place: the publish waits for it, and it for the publish.
    with build_lock(project.cache_dir, on_wait=lambda: click.echo(
            "waiting for a build of this show to finish...", err=True)), \
            Progress("[progress.description]{task.description}", BarColumn(), DownloadColumn(),
                     TransferSpeedColumn(), TimeRemainingColumn(), console=console,
                     transient=True, disable=not console.is_terminal) as progress:
        task = progress.add_task(f"publishing to {target.shown}", total=None)
        report = publish_show(
            project, target, dry_run=dry_run, prune=prune,
            on_start=lambda total: progress.update(task, total=total),
            on_bytes=lambda n: progress.advance(task, n))
    for ping in report.pings:
        if not ping.ok:
            click.echo(f"warning: could not notify {ping.service}: {ping.detail}", err=True)
    host = urlsplit(project.show.base_url).hostname or ""
    if not target.local and (host in ("localhost", "::1") or host.startswith("127.")):
        click.echo(f"warning: base_url is {project.show.base_url}, an address on this "
                   "machine: apps elsewhere cannot fetch the feed; set [show] base_url to "
                   "the target's public address", err=True)
    if as_json:
        click.echo(json.dumps(report.to_json(), indent=2))
        return
    verb = "would upload" if dry_run else "uploaded"
    for path in report.uploaded:
        click.echo(f"{verb} {path}")
    for path in report.removed:
        click.echo(f"{'would remove' if dry_run else 'removed'} {path}")
    for item in report.scheduled:
        click.echo(f"scheduled {item['episode']}: goes out {item['goes_out']} "
                   "(publish again then)")
    if report.left:
        click.echo(f"{len(report.left)} more files no feed links are left: [publish] "
                   "max_deletes allows fewer at once; run publish --prune again", err=True)
    if not report.uploaded and not report.removed:
        click.echo(f"nothing changed: {report.target} is up to date "
                   f"({len(report.skipped)} files)")
    elif dry_run:
        click.echo(f"dry run: nothing was uploaded to {report.target}")
    else:
        click.echo(f"published to {report.target}: {len(report.uploaded)} uploaded, "
                   f"{len(report.skipped)} unchanged, {len(report.removed)} removed; feed: "
                   f"{report.feed_url}")
    for ping in report.pings:
        if ping.ok:
            click.echo(f"notified {ping.service}")


@cli.command()
@click.option("--port", type=click.IntRange(0, 65535), default=None,
              help="Port on 127.0.0.1 to listen on (default: the last run's, else any free "
                   "port).")
@click.option("--no-browser", is_flag=True, help="Only print the address; open no browser.")
@click.option("--new-token", is_flag=True,
              help="Make a new token: addresses and tabs of earlier runs stop working.")
@click.pass_context
def studio(ctx: click.Context, port: int | None, no_browser: bool, new_token: bool) -> None:
    """Edit, hear and re-speak scripts in the browser (a local web app on 127.0.0.1)."""
    import dataclasses
    import threading
    import webbrowser

    from recapcast.studio.access import load_access, save_access
    from recapcast.studio.server import bind, run
    from recapcast.studio.web import create_app
    from recapcast.studio.workbench import Workbench

    project = _project(ctx)
    # The token and port are kept (private to the user) so a bookmark survives a restart.
    access = load_access(project.root, new_token=new_token)
    wanted = port if port is not None else access.port
    try:
        sock = bind(wanted)
    except OSError as exc:
        if port is not None or not wanted:
            raise UsageError(f"cannot listen on 127.0.0.1:{wanted}: {exc.strerror}",
                             "pick another --port, or stop what is using it") from None
        sock = bind(0)
        click.echo(f"port {wanted} is taken: this run uses another, so bookmarks of the "
                   "earlier address do not reach it", err=True)
    port = sock.getsockname()[1]
    if port != access.port:
        access = dataclasses.replace(access, port=port)
        save_access(project.root, access)
    bench = Workbench(project.root)
    bench.warm()
    url = f"http://127.0.0.1:{port}/?token={access.token}"
    click.echo(f"studio for {project.root}: {url}")
    click.echo("press Ctrl-C to stop", err=True)
    stopping = threading.Event()
    try:
        run(create_app(bench, token=access.token, port=port, stopping=stopping), sock,
            on_started=None if no_browser else lambda: webbrowser.open(url),
            on_stopping=lambda: (stopping.set(), bench.stopping()))
    except KeyboardInterrupt:
        pass
    finally:
        bench.close()
    click.echo("stopped", err=True)
    # Everything is written and closed; the interpreter's own teardown (freeing the loaded
    # voice, onnxruntime and numpy) would keep a busy machine waiting seconds more.
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)


@cli.command()
@click.argument("episode_id", required=False)
@click.option("--feed", "feed_only", is_flag=True,
              help="Check only feed/feed.xml against Apple's and PSP-1's rules.")
@click.pass_context
def check(ctx: click.Context, episode_id: str | None, feed_only: bool) -> None:
    """Lint scripts and the built feed without building: print problems, exit 1 on errors.

    With EPISODE_ID, only that script (the feed: --feed, or no EPISODE_ID)."""
    from recapcast.config import check_episode_id
    from recapcast.errors import BuildError, ScriptError
    from recapcast.publish.catalog import scheduled
    from recapcast.publish.feedcheck import feed_warnings, validate_feed
    from recapcast.text.check import check_scripts
    from recapcast.voice.engines import language_findings, voice_dictionary

    project = _project(ctx)
    findings = []
    if not feed_only:
        ids = [check_episode_id(episode_id)] if episode_id else None
        findings = language_findings(project.show) + check_scripts(
            project, ids, voice_dictionary(project.show.voice))
        for finding in findings:
            click.echo(str(finding))
    errors = sum(1 for f in findings if f.severity == "error")
    warnings = len(findings) - errors
    feed = project.feed_dir / "feed.xml"
    stale = []
    if episode_id and not feed_only:
        pass  # one episode's script: the built feed is `check --feed`'s (or plain check's)
    elif feed.is_file():
        xml = feed.read_bytes()
        problems = validate_feed(xml)
        stale = _fixed_by_a_rebuild(project, problems)
        for problem in problems:
            click.echo(f"feed/feed.xml: error: {problem}"
                       + (" (the feed is older than the config: a rebuild fixes it)"
                          if problem in stale else ""))
        placeholders = feed_warnings(xml, project.feed_dir)
        for placeholder in placeholders:
            click.echo(f"feed/feed.xml: warning: {placeholder}")
        errors += len(problems)
        warnings += len(placeholders)
        if not problems:
            click.echo("feed/feed.xml: ok")
        for release in scheduled(project):
            click.echo(f"scheduled: {release.episode_id} ({release.meta.title}) goes out "
                       f"{release.meta.release_at():%Y-%m-%d %H:%M} UTC; it stays out of the "
                       "feed and page until a publish at or after then")
    elif feed_only:
        raise BuildError("feed/feed.xml does not exist yet",
                         "build an episode first: recapcast build EPISODE_ID")
    if errors:
        rebuild = "rebuild the feed (recapcast build --all --force)"
        todo = (rebuild if len(stale) == errors
                else "fix the errors above" + (f" and {rebuild}" if stale else ""))
        raise ScriptError(f"check found {errors} error(s) and {warnings} warning(s)",
                          f"{todo}, then run recapcast check again")
    click.echo(f"check: no errors, {warnings} warning(s)", err=True)


def _fixed_by_a_rebuild(project, problems: list[str]) -> list[str]:
    """The built feed's problems that the feed written now from the config would not have
    (it was built before the config or recapcast changed)."""
    from recapcast.errors import RecapcastError
    from recapcast.publish.catalog import feed_xml
    from recapcast.publish.feedcheck import validate_feed

    if not problems:
        return []
    try:
        fresh = set(validate_feed(feed_xml(project)))
    except RecapcastError:
        return []
    return [p for p in problems if p not in fresh]


@cli.command()
@click.argument("episode_id", required=False)
@click.option("--segment", "number", type=int, default=None,
              help="Segment number to speak (run without it to list them).")
@click.option("--text", default=None, help="Speak this text instead of a script's segment.")
@click.option("--speaker", default="", help="With --text: speak it as this speaker's quote.")
@click.option("--engine", default=None, help="Speech engine (piper, gtts, ...).")
@click.option("--out", type=click.Path(dir_okay=False), default=None,
              help="Where to write the audio (default: .cache/preview.wav in the show).")
@click.option("--play/--no-play", default=True, help="Play it if a player is installed.")
@click.option("--json", "as_json", is_flag=True,
              help="With EPISODE_ID alone: print the segments as JSON, with the engine's text.")
@click.pass_context
def preview(ctx: click.Context, episode_id: str | None, number: int | None, text: str | None,
            speaker: str, engine: str | None, out: str | None, play: bool,
            as_json: bool) -> None:
    """Speak one segment of EPISODE_ID (or --text) into a file, to try a pronunciation."""
    import subprocess

    from recapcast.config import check_episode_id
    from recapcast.voice import preview as previews
    from recapcast.voice.engines import check_engine

    if engine:
        check_engine(engine)
    project = _project(ctx)
    if as_json and (text is not None or number is not None or not episode_id):
        raise UsageError("--json lists a script's segments: give EPISODE_ID alone",
                         "for example: recapcast preview ep12 --json")
    if text is not None:
        take = previews.preview_text(project, text, speaker, engine)
    elif episode_id and number is not None:
        take = previews.preview_segment(project, check_episode_id(episode_id), number, engine)
    elif episode_id and as_json:
        rows = previews.segment_rows(project, check_episode_id(episode_id), engine)
        click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    elif episode_id:
        for i, segment in enumerate(previews.segments_of(project, episode_id, engine), 1):
            click.echo(f"{i:4d} {segment.role:8s} {segment.written}")
        return
    else:
        raise UsageError("give EPISODE_ID --segment N, or --text TEXT",
                         'for example: recapcast preview --text "Kilgrave"')
    target = previews.save(take, Path(out) if out else project.cache_dir / "preview.wav")
    click.echo(f"wrote {target} ({take.segment.text})")
    command = previews.player() if play else None
    if command:
        try:
            subprocess.run([*command, str(target)], check=False, timeout=600,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        except (OSError, subprocess.TimeoutExpired):
            click.echo("could not play it; open the file instead", err=True)


def main(argv: list[str] | None = None) -> None:
    """Run the CLI; every user-caused failure ends here as ``error: ...`` and an exit code."""
    from recapcast.safety.interrupts import raise_on_sigterm

    # numpy's OpenBLAS would run each filter product (recapcast.fir) on a thread per core,
    # beside the speech threads that already keep every core busy: on two cores that
    # doubled the CPU for no gain. numpy is not imported yet; a user's own setting wins.
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    args = sys.argv[1:] if argv is None else argv
    debug = "--debug" in args
    raise_on_sigterm()
    try:
        cli.main(args=args, prog_name="recapcast", standalone_mode=False)
    except RecapcastError as exc:
        if debug:
            raise
        click.echo(f"error: {exc.message}", err=True)
        if exc.hint:
            click.echo(f"hint: {exc.hint}", err=True)
        sys.exit(exc.exit_code)
    except click.exceptions.Abort as exc:
        _interrupted(exc)
    except click.ClickException as exc:
        message = exc.format_message().replace("\n", " ")
        click.echo(f"error: {message}", err=True)
        click.echo("hint: see recapcast --help", err=True)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt as exc:
        _interrupted(exc)
    except OSError as exc:
        if debug:
            raise
        click.echo(f"error: {_os_error(exc)}", err=True)
        click.echo(f"hint: {_OS_HINTS.get(exc.errno, 'check the path and try again')}", err=True)
        sys.exit(1)
    except Exception as exc:
        if debug:
            raise
        click.echo(f"error: internal error: {type(exc).__name__}: {exc}", err=True)
        click.echo("hint: rerun with --debug to see the traceback, and report it", err=True)
        sys.exit(1)
    # The work is done and in place: an interrupt from here on (the interpreter's teardown,
    # which joins the speech threads) would only turn a success into a silent death by
    # signal, as a crash test once saw under load.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    sys.exit(0)


_OS_HINTS = {
    errno.ENOSPC: "free some disk space; nothing published was changed",
    errno.EDQUOT: "free some disk space; nothing published was changed",
    errno.EACCES: "check the permissions of the show folder",
    errno.EPERM: "check the permissions of the show folder",
    errno.EROFS: "the show folder is on a read-only file system",
    errno.EFBIG: "the file is larger than this system allows (ulimit -f); free space or raise "
                 "the limit",
}


def _os_error(exc: OSError) -> str:
    what = exc.strerror or str(exc)
    return f"{what}: {exc.filename}" if exc.filename else what


_interrupt_hint = "finished takes are cached; run the same build again to resume"
"""What an interrupted command leaves behind; a command that leaves something else sets it."""


def _interrupted(exc: BaseException) -> None:
    """Exit as a shell expects after SIGINT (130) or SIGTERM (143)."""
    from recapcast.safety.interrupts import Terminated

    terminated = isinstance(exc, Terminated) or isinstance(exc.__cause__, Terminated)
    click.echo("error: terminated" if terminated else "error: interrupted", err=True)
    click.echo(f"hint: {_interrupt_hint}", err=True)
    sys.exit(143 if terminated else 130)
