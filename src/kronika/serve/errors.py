"""One error shape for the whole API, and never a stack trace for a bad parameter.

Every failure under ``/api/`` answers ``{"error": {"status": 400, "message": "..."}}``; pages answer
an HTML page with the same status and message. Bad parameters are 400, unknown ids 404, a store
that stays locked or unreadable 503.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.exceptions import HTTPException

from kronika.errors import QueryError, StoreBusy, StoreError

log = logging.getLogger("kronika.serve")


class NotFound(Exception):
    """An id or a name in the path that the store does not hold."""


ECHO = 200  # characters of the request's own input a message may repeat
_QUOTED = re.compile(f'"([^"]{{{ECHO + 1},}})"')


def bounded(message: str) -> str:
    """A message with every quoted piece of input cut to ECHO characters (a 100 kB parameter is not
    sent back), and the whole of it to a few lines' worth."""
    message = _QUOTED.sub(lambda m: f'"{m.group(1)[:ECHO]}…"', message)
    return message if len(message) <= 3 * ECHO else message[:3 * ECHO] + "…"


def error_body(status: int, message: str) -> dict[str, object]:
    return {"error": {"status": status, "message": message}}


def install_error_handlers(app: FastAPI, render_error: Callable[[int, str], str]) -> None:
    """Map every failure to (status, message), then to JSON or to the HTML error page."""

    def respond(request: Request, status: int, message: str) -> Response:
        message = bounded(message)
        if request.url.path.startswith("/api/") or request.url.path == "/openapi.json":
            return JSONResponse(error_body(status, message), status_code=status)
        return HTMLResponse(render_error(status, message), status_code=status)

    async def on_validation(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        first = exc.errors()[0] if exc.errors() else {}
        where = str(first.get("loc", ("", "parameter"))[-1])
        return respond(request, 400, f"{where}: {first.get('msg', 'invalid value')}")

    async def on_query(request: Request, exc: Exception) -> Response:
        return respond(request, 400, str(exc))

    async def on_not_found(request: Request, exc: Exception) -> Response:
        return respond(request, 404, str(exc))

    async def on_http(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        message = exc.detail if isinstance(exc.detail, str) else "request failed"
        return respond(request, exc.status_code, message)

    async def on_store(request: Request, exc: Exception) -> Response:
        # The details (the file's path, DuckDB's message naming the program and PID holding the lock)
        # are for the server's log, not for whoever can reach the server.
        log.warning("store error on %s: %s (%s)", request.url.path, exc, exc.__cause__)
        if isinstance(exc, StoreBusy):
            return respond(request, 503, "the store is busy (an ingest is running); retry in a few seconds")
        return respond(request, 503, "the store cannot be read right now (see the server log)")

    async def on_bug(request: Request, exc: Exception) -> Response:
        log.exception("unexpected error on %s", request.url.path, exc_info=exc)
        return respond(request, 500, "internal error (see the server log)")

    app.add_exception_handler(RequestValidationError, on_validation)
    app.add_exception_handler(QueryError, on_query)
    app.add_exception_handler(NotFound, on_not_found)
    app.add_exception_handler(HTTPException, on_http)
    app.add_exception_handler(StoreError, on_store)
    app.add_exception_handler(Exception, on_bug)
