"""Runs the studio's ASGI app with uvicorn on a loopback socket (owns uvicorn)."""

from __future__ import annotations

import logging
import socket
from collections.abc import Callable

import uvicorn

__all__ = ["bind", "run"]

HOST = "127.0.0.1"


def bind(port: int) -> socket.socket:
    """A listening socket on 127.0.0.1:``port`` (0: any free port), bound before the app
    exists so its address (and so the allowed Host header) is known."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((HOST, port))
        sock.listen(128)
    except OSError:
        sock.close()
        raise
    return sock


def run(app, sock: socket.socket, *, on_started: Callable[[], None] | None = None,
        on_stopping: Callable[[], None] | None = None) -> None:
    """Serve ``app`` on ``sock`` until SIGINT or SIGTERM; ``on_stopping`` is called as soon
    as the signal comes (the app ends its progress streams on it, so connections close at
    once), then the call returns.

    uvicorn re-raises the signal it caught once it has shut down, so Ctrl-C ends as a
    KeyboardInterrupt in the caller after a clean stop.
    """
    config = uvicorn.Config(app, log_level="warning", access_log=False, lifespan="on",
                            timeout_graceful_shutdown=1, ws="none")
    server = _Server(config, on_started, on_stopping)
    logging.getLogger("uvicorn.error").propagate = True
    server.run(sockets=[sock])


class _Server(uvicorn.Server):
    def __init__(self, config: uvicorn.Config, on_started: Callable[[], None] | None,
                 on_stopping: Callable[[], None] | None) -> None:
        super().__init__(config)
        self._on_started = on_started
        self._on_stopping = on_stopping

    def handle_exit(self, sig, frame) -> None:
        if self._on_stopping:
            self._on_stopping()
        super().handle_exit(sig, frame)

    async def startup(self, sockets=None) -> None:
        await super().startup(sockets)
        if self._on_started and self.started:
            self._on_started()
