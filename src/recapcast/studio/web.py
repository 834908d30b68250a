"""The studio's HTTP side (owns starlette): the guard every request passes, the JSON routes,
the progress stream and the page's own files."""

from __future__ import annotations

import asyncio
import contextlib
import json
import secrets
import threading
from http.cookies import SimpleCookie
from importlib import resources
from urllib.parse import parse_qs

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import (
    FileResponse,
    JSONResponse,
    PlainTextResponse,
    RedirectResponse,
    Response,
    StreamingResponse,
)
from starlette.routing import Route

from recapcast.errors import EngineError, RecapcastError
from recapcast.studio.addresses import Stale
from recapcast.studio.publishing import Publishes
from recapcast.studio.review import ReviewConflict, Reviews
from recapcast.studio.speaking import LiveTake
from recapcast.studio.workbench import Workbench

__all__ = ["create_app", "COOKIE"]

COOKIE = "recapcast-studio-{port}"
"""The session cookie's name; one per port, so two studios do not log each other out."""
_STATIC = {"index.html": "text/html; charset=utf-8", "studio.css": "text/css",
           **{name: "text/javascript" for name in (
               "common.js", "player.js", "script.js", "studio.js", "habits.js",
               "review.js", "live.js")}}
_SAFE = {"GET", "HEAD"}
_MAX_BODY = 4 << 20
"""An uploaded recap (base64) or a script: the show's recap limit is 100 kB by default."""


class Guard:
    """Refuses, before any route runs: a Host that is not the studio's own address (DNS
    rebinding), a request without the session token, and a state-changing request without
    a same-origin ``Origin`` and a JSON body."""

    def __init__(self, app, token: str, port: int) -> None:
        self.app, self.token, self.port = app, token, port
        self.hosts = {f"127.0.0.1:{port}", f"localhost:{port}"}
        self.cookie = COOKIE.format(port=port)

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1"): v.decode("latin-1") for k, v in scope["headers"]}
        host = headers.get("host", "")
        if host not in self.hosts:
            await _refuse(scope, receive, send, 403, "unknown host")
            return
        query = parse_qs(scope.get("query_string", b"").decode("latin-1"))
        offered = (query.get("token") or [""])[0]
        if offered and secrets.compare_digest(offered, self.token) and \
                scope["method"] in _SAFE:
            # The URL's token becomes a cookie, and leaves the address bar and history.
            response = RedirectResponse(scope["path"], status_code=303)
            response.set_cookie(self.cookie, self.token, httponly=True, samesite="strict",
                                path="/")
            await response(scope, receive, send)
            return
        cookie = SimpleCookie()
        try:
            cookie.load(headers.get("cookie", ""))
        except Exception:  # noqa: BLE001 - a mangled cookie header is no token
            cookie = SimpleCookie()
        held = cookie.get(self.cookie)
        if held is None or not secrets.compare_digest(held.value, self.token):
            await _refuse(scope, receive, send, 403,
                          "no studio token: open the address recapcast studio printed")
            return
        if scope["method"] not in _SAFE:
            if headers.get("origin") != f"http://{host}":
                await _refuse(scope, receive, send, 403, "cross-origin request refused")
                return
            kind = headers.get("content-type", "").split(";")[0].strip().lower()
            if kind != "application/json":
                await _refuse(scope, receive, send, 415, "the studio takes JSON bodies only")
                return
        await self.app(scope, receive, send)


async def _refuse(scope, receive, send, status: int, message: str) -> None:
    await PlainTextResponse(message + "\n", status_code=status)(scope, receive, send)


def _error(exc: RecapcastError, status: int = 400) -> JSONResponse:
    return JSONResponse({"error": exc.message, "hint": exc.hint}, status_code=status)


async def _body(request: Request) -> dict:
    try:
        data = json.loads(await request.body() or b"{}")
    except ValueError:
        data = None
    if not isinstance(data, dict):
        raise RecapcastError("the body must be a JSON object")
    return data


def _int(data: dict, key: str) -> int:
    value = data.get(key)
    if not isinstance(value, int) or isinstance(value, bool):
        raise RecapcastError(f"{key} must be a whole number")
    return value


def create_app(bench: Workbench, *, token: str, port: int,
               stopping: threading.Event | None = None) -> Guard:
    """The studio app over ``bench``, for a server on 127.0.0.1:``port``; once ``stopping``
    is set (Ctrl-C), the progress streams end, so the server stops at once."""
    stopping = stopping or threading.Event()

    publishes = Publishes(bench.project, bench.events)

    def json_route(path: str, handler, methods=("POST",)):
        async def endpoint(request: Request) -> Response:
            try:
                data = await _body(request) if request.method == "POST" else {}
                result = await run_in_threadpool(handler, request.path_params, data)
            except Stale as exc:
                # The edit was made on a version the script no longer has: nothing changed;
                # the page gets the script as it is and shows the conflict.
                view = await run_in_threadpool(bench.view, request.path_params["id"])
                return JSONResponse({"error": exc.message, "hint": exc.hint, "stale": True,
                                     "current": exc.current, "view": view}, status_code=409)
            except RecapcastError as exc:
                return _error(exc)
            return result if isinstance(result, Response) else JSONResponse(result)

        return Route(path, endpoint, methods=list(methods))

    reviews = Reviews(bench.project, lambda episode_id: bench.draft(episode_id).dirty)

    def review_route(path: str, handler, methods=("POST",)):
        # A script changed since the review was shown is a conflict (409): the page reloads.
        async def endpoint(request: Request) -> Response:
            try:
                data = await _body(request) if request.method == "POST" else {}
                result = await run_in_threadpool(handler, request.path_params, data)
            except ReviewConflict as exc:
                return _error(exc, 409)
            except RecapcastError as exc:
                return _error(exc)
            return JSONResponse(result)

        return Route(path, endpoint, methods=list(methods))

    def optional_int(data: dict, key: str) -> int | None:
        return None if data.get(key) is None else _int(data, key)

    def page(name: str):
        async def endpoint(request: Request) -> Response:
            data = resources.files("recapcast.studio").joinpath("static", name).read_bytes()
            return Response(data, media_type=_STATIC[name],
                            headers={"Cache-Control": "no-store"})
        return endpoint

    async def events(request: Request) -> Response:
        since = int(request.query_params.get("since", "0") or 0)

        async def stream():
            n = since
            busy = files = None
            ticks = 0
            while not stopping.is_set():
                for event in bench.events.since(n):
                    n = event["n"] + 1
                    yield f"id: {n}\ndata: {json.dumps(event)}\n\n"
                if ticks % 10 == 0:
                    now = await run_in_threadpool(bench.builds.lock_busy)
                    if now != busy:
                        busy = now
                        yield f"data: {json.dumps({'type': 'lock', 'busy': busy})}\n\n"
                    # A script, the lexicon or a draft changed: pages follow within a second.
                    now = await run_in_threadpool(bench.stamp)
                    if now != files:
                        if files is not None:
                            yield f"data: {json.dumps({'type': 'files', 'stamp': now})}\n\n"
                        files = now
                if ticks % 150 == 0:
                    yield ": still here\n\n"
                ticks += 1
                await asyncio.sleep(0.1)

        return StreamingResponse(stream(), media_type="text/event-stream",
                                 headers={"Cache-Control": "no-store"})

    def episode_file(params, _data):
        return FileResponse(bench.audio_path(params["id"]), media_type="audio/mpeg")

    async def take_file(request: Request) -> Response:
        """A take: its file, or while it is being made, its samples as they are made (with
        the whole length, so the page knows it); a request for a later part of a take
        being made (a seek) waits for its file."""
        try:
            found = await run_in_threadpool(bench.take_file, request.path_params["key"])
        except RecapcastError as exc:
            return _error(exc)
        if isinstance(found, LiveTake):
            wanted = request.headers.get("range", "bytes=0-").replace(" ", "")
            if request.method == "GET" and wanted == "bytes=0-":
                return StreamingResponse(found.read(), media_type=found.media_type, headers={
                    "Content-Length": str(found.length), "Cache-Control": "no-store"})
            found = await run_in_threadpool(found.wait)
            if found is None:
                return _error(EngineError("the take could not be made"))
        return FileResponse(found, media_type="audio/mpeg" if found.suffix == ".mp3"
                            else "audio/wav")

    routes = [
        Route("/", page("index.html")),
        *[Route(f"/static/{name}", page(name)) for name in _STATIC if name != "index.html"],
        Route("/api/events", events),
        json_route("/api/episodes", lambda p, d: {"episodes": bench.episodes(),
                                                  "running": bench.builds.running},
                   methods=("GET",)),
        json_route("/api/episodes/{id}", lambda p, d: bench.view(p["id"]), methods=("GET",)),
        json_route("/api/episodes/{id}/audio", episode_file, methods=("GET", "HEAD")),
        json_route("/api/episodes/{id}/release", lambda p, d: bench.release(p["id"]),
                   methods=("GET",)),
        Route("/api/takes/{key}", take_file, methods=["GET", "HEAD"]),
        json_route("/api/episodes/{id}/discard", lambda p, d: bench.discard(p["id"])),
        json_route("/api/episodes/{id}/block", lambda p, d: bench.edit_block(p["id"], d)),
        json_route("/api/episodes/{id}/insert", lambda p, d: bench.insert_block(p["id"], d)),
        json_route("/api/episodes/{id}/delete", lambda p, d: bench.delete_block(p["id"], d)),
        json_route("/api/episodes/{id}/move", lambda p, d: bench.move_block(p["id"], d)),
        json_route("/api/episodes/{id}/sentence", lambda p, d: bench.edit_sentence(p["id"], d)),
        json_route("/api/episodes/{id}/speak", lambda p, d: bench.speak(p["id"], d)),
        json_route("/api/episodes/{id}/respeak", lambda p, d: bench.respeak(p["id"], d)),
        json_route("/api/episodes/{id}/choose", lambda p, d: bench.choose(
            p["id"], d, _int(d, "reading"))),
        json_route("/api/episodes/{id}/save", lambda p, d: bench.save(
            p["id"], str(d.get("mode", "save")))),
        json_route("/api/episodes/{id}/pronounce/try", lambda p, d: bench.try_pronunciation(
            p["id"], str(d.get("word", "")), str(d.get("says", "")))),
        json_route("/api/episodes/{id}/pronounce/keep", lambda p, d: bench.keep_pronunciation(
            p["id"], str(d.get("word", "")), str(d.get("says", "")),
            str(d.get("scope", "")))),
        json_route("/api/episodes/{id}/undo", lambda p, d: bench.undo(p["id"])),
        json_route("/api/episodes/{id}/redo", lambda p, d: bench.undo(p["id"], redo=True)),
        json_route("/api/episodes/{id}/details", lambda p, d: bench.set_details(p["id"], d)),
        json_route("/api/episodes/{id}/framing", lambda p, d: bench.set_framing(p["id"], d)),
        json_route("/api/episodes/{id}/remove", lambda p, d: bench.delete_episode(p["id"])),
        json_route("/api/episodes/{id}/build", lambda p, d: bench.build(
            p["id"], force=bool(d.get("force")))),
        json_route("/api/import", lambda p, d: bench.import_recap(d)),
        review_route("/api/reviews", lambda p, d: {"imports": reviews.imports()},
                     methods=("GET",)),
        review_route("/api/episodes/{id}/review", lambda p, d: reviews.view(p["id"]),
                     methods=("GET",)),
        review_route("/api/episodes/{id}/review/restore", lambda p, d: reviews.restore(
            p["id"], str(d.get("revision", "")), left_out=optional_int(d, "left_out"),
            removed=optional_int(d, "removed"), as_kind=str(d.get("as") or "narration"))),
        review_route("/api/episodes/{id}/review/leave-out", lambda p, d: reviews.leave_out(
            p["id"], str(d.get("revision", "")), _int(d, "index"))),
        review_route("/api/episodes/{id}/review/meta", lambda p, d: reviews.set_meta(
            p["id"], str(d.get("revision", "")), d)),
        review_route("/api/episodes/{id}/review/done", lambda p, d: reviews.done(p["id"])),
        json_route("/api/publish", lambda p, d: publishes.status(), methods=("GET",)),
        json_route("/api/publish", lambda p, d: publishes.start()),
    ]
    @contextlib.asynccontextmanager
    async def lifespan(_app):
        yield
        # Ctrl-C: a build running in the studio stops before its next take.
        await run_in_threadpool(bench.close)

    app = Starlette(routes=routes, lifespan=lifespan, max_body_size=_MAX_BODY)
    return Guard(app, token, port)
