"""The studio's Publish button: the same publish as ``recapcast publish``, in a thread, with
its progress as events, and each episode's state against the last publish."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from recapcast.config import Project
from recapcast.errors import BuildError, RecapcastError
from recapcast.publish.deploy import episode_states, publish_show
from recapcast.publish.rclone import parse_target
from recapcast.safety.lock import build_lock
from recapcast.studio.builds import Events

__all__ = ["Publishes"]

_EVERY_S = 0.25
"""Progress events at most this often: a fast upload would flood the page's stream."""


class Publishes:
    """One publish at a time, to ``[publish] to``."""

    def __init__(self, project: Callable[[], Project], events: Events) -> None:
        self._project = project
        self.events = events
        self._thread: threading.Thread | None = None

    def status(self) -> dict:
        project = self._project()
        running = self._thread is not None and self._thread.is_alive()
        return {**episode_states(project), "to": project.publish.to, "running": running}

    def start(self) -> dict:
        project = self._project()
        target = parse_target(project.publish.to, project.root)  # no target: an error now
        if self._thread is not None and self._thread.is_alive():
            raise RecapcastError("a publish is already running", "wait for it to finish")
        self._thread = threading.Thread(target=self._run, args=(project, target),
                                        name="recapcast-studio-publish", daemon=True)
        self._thread.start()
        return {"started": target.shown, "events": self.events.count()}

    def _run(self, project: Project, target) -> None:
        self.events.add(type="publish-start", target=target.shown)
        sent = [0, 0, 0.0]  # bytes done, total, when last told

        def on_start(total: int) -> None:
            sent[1] = total
            self.events.add(type="publish-progress", done=0, total=total)

        def on_bytes(n: int) -> None:
            sent[0] += n
            if time.monotonic() - sent[2] >= _EVERY_S:
                sent[2] = time.monotonic()
                self.events.add(type="publish-progress", done=sent[0], total=sent[1])

        try:
            with build_lock(project.cache_dir, wait=False):
                report = publish_show(project, target, on_start=on_start, on_bytes=on_bytes)
        except BuildError:
            self.events.add(type="publish-failed", message="a build of this show is running",
                            hint="publish when it is done")
        except RecapcastError as exc:
            self.events.add(type="publish-failed", message=exc.message, hint=exc.hint)
        except Exception as exc:  # noqa: BLE001 - shown on the page, the studio goes on
            self.events.add(type="publish-failed",
                            message=f"internal error: {type(exc).__name__}: {exc}", hint="")
        else:
            self.events.add(type="publish-done", target=report.target,
                            uploaded=len(report.uploaded), skipped=len(report.skipped),
                            warnings=[f"could not notify {p.service}: {p.detail}"
                                      for p in report.pings if not p.ok])
