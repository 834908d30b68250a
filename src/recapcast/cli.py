"""The command line: commands, progress on stderr, results on stdout, the one error boundary."""

from __future__ import annotations

import datetime as dt
import json
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
@click.argument("recap_file", type=click.Path(dir_okay=False))
@click.argument("episode_id")
@click.option("--force", is_flag=True, help="Overwrite an existing script.")
@click.option("--season", type=click.IntRange(min=0), default=None,
              help="Season number (default: from the title line, else 1).")
@click.option("--date", "date_", default=None, help="Publish date YYYY-MM-DD (default: today).")
@click.pass_context
def import_cmd(ctx: click.Context, recap_file: str, episode_id: str, force: bool,
               season: int | None, date_: str | None) -> None:
    """Turn a raw recap into scripts/EPISODE_ID.md, a narration script to edit."""
    from recapcast.atomic import write_text
    from recapcast.config import check_episode_id
    from recapcast.errors import ScriptError
    from recapcast.sanitize import clean_text
    from recapcast.script import decode_text, import_recap, render_script

    check_episode_id(episode_id)
    project = _project(ctx)
    try:
        publish = dt.date.fromisoformat(date_) if date_ else None
    except ValueError:
        raise UsageError(f"--date must be YYYY-MM-DD, not {date_!r}") from None
    target = project.script_path(episode_id)
    if target.exists() and not force:
        raise ScriptError(f"{target.relative_to(project.root)} already exists",
                          "edit it, or pass --force to replace it with a fresh import")
    try:
        data = Path(recap_file).read_bytes()
    except OSError as exc:
        raise ScriptError(f"cannot read {recap_file}: {exc.strerror}") from None
    script = import_recap(clean_text(decode_text(data, recap_file)), episode_id,
                          season=season, date=publish)
    write_text(target, render_script(script))
    click.echo(f"wrote {target.relative_to(project.root)}")


@cli.command()
@click.argument("episode_id", required=False)
@click.option("--all", "build_all", is_flag=True, help="Build every script in scripts/.")
@click.option("--engine", default=None, help="Speech engine for this build (piper, gtts, ...).")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object describing the build.")
@click.option("--jobs", type=click.IntRange(min=1), default=None,
              help="Speech worker processes (default: one per core).")
@click.option("--force", is_flag=True, help="Rebuild even if nothing changed.")
@click.pass_context
def build(ctx: click.Context, episode_id: str | None, build_all: bool, engine: str | None,
          as_json: bool, jobs: int | None, force: bool) -> None:
    """Build EPISODE_ID's MP3 from its script and update the feed."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

    from recapcast.build import build_episode
    from recapcast.config import check_episode_id
    from recapcast.engines import check_engine

    if engine:
        check_engine(engine)
    project = _project(ctx)
    if build_all:
        ids = project.episode_ids()
        if not ids:
            raise UsageError("there are no scripts in scripts/ to build")
    elif episode_id:
        ids = [check_episode_id(episode_id)]
    else:
        raise UsageError("give an EPISODE_ID or --all", "for example: recapcast build ep12")
    reports = []
    console = Console(stderr=True)
    for one in ids:
        with Progress("[progress.description]{task.description}", BarColumn(),
                      MofNCompleteColumn(), TimeElapsedColumn(), console=console,
                      transient=True) as progress:
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


def main(argv: list[str] | None = None) -> None:
    """Run the CLI; every user-caused failure ends here as ``error: ...`` and an exit code."""
    args = sys.argv[1:] if argv is None else argv
    debug = "--debug" in args
    try:
        cli.main(args=args, prog_name="recapcast", standalone_mode=False)
    except RecapcastError as exc:
        if debug:
            raise
        click.echo(f"error: {exc.message}", err=True)
        if exc.hint:
            click.echo(f"hint: {exc.hint}", err=True)
        sys.exit(exc.exit_code)
    except click.exceptions.Abort:
        click.echo("error: interrupted", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        message = exc.format_message().replace("\n", " ")
        click.echo(f"error: {message}", err=True)
        click.echo("hint: see recapcast --help", err=True)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        click.echo("error: interrupted", err=True)
        sys.exit(130)
    sys.exit(0)
