"""Builds started from the studio, one at a time behind the show's build lock, with their
progress as a list of events the page reads as a stream."""

from __future__ import annotations

import contextlib
import json
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from recapcast.build import build_episode
from recapcast.config import Project
from recapcast.errors import BuildError, RecapcastError
from recapcast.model import Take
from recapcast.safety.atomic import write_text
from recapcast.safety.lock import build_lock

__all__ = ["Events", "Builds", "BuildStopped", "FAILURES"]

FAILURES = "studio/failed-builds.json"
"""Under ``.cache/``: the message of each episode's last failed studio build."""


class BuildStopped(RecapcastError):
    """The studio is stopping: the build ends before its next take."""


class Events:
    """Numbered events, appended by build threads and read by the page's streams."""

    def __init__(self) -> None:
        self.items: list[dict] = []
        self.changed = threading.Condition()

    def add(self, **event) -> None:
        with self.changed:
            event["n"] = len(self.items)
            self.items.append(event)
            self.changed.notify_all()

    def since(self, n: int) -> list[dict]:
        with self.changed:
            return self.items[n:]

    def count(self) -> int:
        with self.changed:
            return len(self.items)


class Builds:
    """Runs one studio build at a time in a thread; reports progress as events."""

    def __init__(self, project: Callable[[], Project], events: Events,
                 after: Callable[[], None] | None = None) -> None:
        self._project = project
        self.events = events
        self._after = after
        self._thread: threading.Thread | None = None
        self._stop = threading.Event()
        self.running: str | None = None

    def failures(self) -> dict[str, dict]:
        """Episode id -> {message, hint, script}: its last studio build failed."""
        try:
            data = json.loads((self._project().cache_dir / FAILURES).read_text("utf-8"))
            return data if isinstance(data, dict) else {}
        except (OSError, ValueError):
            return {}

    def _record(self, episode_id: str, failure: dict | None) -> None:
        path: Path = self._project().cache_dir / FAILURES
        failures = self.failures()
        if failure is None and episode_id not in failures:
            return
        if failure is None:
            failures.pop(episode_id, None)
        else:
            failures[episode_id] = failure
        write_text(path, json.dumps(failures, indent=1))

    def start(self, episode_id: str, script_digest: str, *, force: bool = False) -> bool:
        """Start building ``episode_id``; False if a studio build is already running."""
        if self._thread is not None and self._thread.is_alive():
            return False
        self.running = episode_id
        self._thread = threading.Thread(target=self._run, args=(episode_id, script_digest, force),
                                        name="recapcast-studio-build")
        self._thread.start()
        return True

    def _run(self, episode_id: str, script_digest: str, force: bool) -> None:
        project = self._project()
        started = time.monotonic()
        done = 0

        def on_plan(total: int) -> None:
            self.events.add(type="plan", episode=episode_id, total=total)

        def on_take(take: Take) -> None:
            nonlocal done
            if self._stop.is_set():
                raise BuildStopped("the studio is stopping", "build again from the CLI")
            done += 1
            self.events.add(type="take", episode=episode_id, done=done,
                            cached=take.cached, text=take.segment.written)

        self.events.add(type="start", episode=episode_id)
        try:
            with self._locked(project, episode_id):
                self.events.add(type="building", episode=episode_id)
                report = build_episode(project, episode_id, force=force, on_plan=on_plan,
                                       on_take=on_take)
        except BuildStopped:
            self.events.add(type="failed", episode=episode_id, message="stopped with the studio",
                            hint="build it again")
        except RecapcastError as exc:
            self._record(episode_id, {"message": exc.message, "hint": exc.hint,
                                      "script": script_digest})
            self.events.add(type="failed", episode=episode_id, message=exc.message,
                            hint=exc.hint)
        except Exception as exc:  # noqa: BLE001 - shown on the page, the studio goes on
            message = f"internal error: {type(exc).__name__}: {exc}"
            self._record(episode_id, {"message": message, "hint": "", "script": script_digest})
            self.events.add(type="failed", episode=episode_id, message=message, hint="")
        else:
            self._record(episode_id, None)
            self.events.add(type="done", episode=episode_id, up_to_date=report.up_to_date,
                            synthesized=report.synthesized, cached=report.cached,
                            duration_s=report.duration_s,
                            seconds=round(time.monotonic() - started, 2))
        finally:
            self.running = None
            if self._after:
                self._after()

    @contextlib.contextmanager
    def _locked(self, project: Project, episode_id: str) -> Iterator[None]:
        """Hold the show's build lock; while a CLI build has it, wait (and say so), but
        give up as soon as the studio stops."""
        told = False
        with contextlib.ExitStack() as held:
            while True:
                try:
                    held.enter_context(build_lock(project.cache_dir, wait=False))
                    break
                except BuildError:
                    if not told:
                        self.events.add(type="waiting", episode=episode_id, message=(
                            "waiting for another build of this show to finish"))
                        told = True
                if self._stop.wait(0.2):
                    raise BuildStopped("the studio is stopping")
            yield

    def stop(self) -> None:
        """Stop a running build before its next take, and wait for it to end."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join()

    def lock_busy(self) -> bool:
        """Whether another process (a CLI build) holds the show's build lock."""
        if self.running:
            return False
        try:
            with build_lock(self._project().cache_dir, wait=False):
                return False
        except BuildError:
            return True
