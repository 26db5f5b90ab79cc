"""Building the explorer app and running it on uvicorn.

The store is opened read-only and every query opens its own short-lived connection (see
``kronika.store.db``), so ``kronika ingest`` can write to the same file while the explorer runs: each
side waits briefly for the other's lock instead of failing.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from importlib import resources
from pathlib import Path

from fastapi import FastAPI, Request, Response
from fastapi.staticfiles import StaticFiles

from kronika.serve.api import router as api_router
from kronika.serve.errors import install_error_handlers
from kronika.serve.pages import render_error
from kronika.serve.pages import router as pages_router
from kronika.store import Store

# Scripts, styles and images come from this server only: no CDN, no inline script, works offline.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'")


LOCK_WAIT = 5.0  # seconds a request waits for the store's lock: an ingest's writes take less than that


def create_app(db: str | Path, *, lock_wait: float = LOCK_WAIT) -> FastAPI:
    """The explorer over the store at ``db`` (which must exist); a request that cannot get the store's
    lock within ``lock_wait`` seconds answers 503."""
    from kronika import __version__ as version

    # FastAPI's /docs and /redoc pages load their scripts from a CDN: leave them out, keep /openapi.json.
    app = FastAPI(title="kronika explorer", version=version, docs_url=None, redoc_url=None,
                  description="Read-only JSON API over a kronika store of PLOVER events.")
    app.state.store = Store(db, read_only=True, lock_timeout=lock_wait)
    install_error_handlers(app, render_error)
    app.include_router(api_router)
    app.include_router(pages_router)
    app.mount("/static", StaticFiles(directory=str(resources.files("kronika.serve") / "static")),
              name="static")

    @app.middleware("http")
    async def security_headers(request: Request,
                               call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        response = await call_next(request)
        response.headers["Content-Security-Policy"] = CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        return response

    return app


def serve(db: str | Path, *, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Run the explorer until interrupted."""
    run(create_app(db), host=host, port=port)


def run(app: FastAPI, *, host: str = "127.0.0.1", port: int = 8000) -> None:
    import uvicorn

    uvicorn.run(app, host=host, port=port, log_level="info")
