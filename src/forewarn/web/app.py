"""The FastAPI app: one shared DuckDB connection, a cursor per request, routers per resource."""

from __future__ import annotations

from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path
from urllib.parse import parse_qsl, urlencode

from fastapi import FastAPI, Request
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.responses import Response

from .. import __version__
from ..config import Settings, load_settings
from ..store import Store
from .routers import actors, articles, events, ingest, pages, stats

__all__ = ["create_app"]

HERE = Path(str(resources.files("forewarn.web")))
#: No inline script can run, whatever an article contains; everything loads from this origin.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
       "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'")


def create_app(db: str | Path, *, token: str | None = None, settings: Settings | None = None) -> FastAPI:
    """The app over the store at ``db``.

    Read-only unless ``token`` is given: then the store is opened for writing too and
    ``POST /api/ingest`` is mounted, answering only requests that carry ``Bearer <token>``.
    Raises StoreMissing (before serving anything) when there is no store at ``db``.
    """
    writable = bool(token)
    store = Store.open(db, read_only=not writable)  # fails here, at start-up, not on a request

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        yield
        store.close()

    app = FastAPI(title="forewarn", version=__version__, lifespan=lifespan,
                  description="Political events coded from news (PLOVER): who did what to whom, where, "
                              "when, and according to whom. Read-only unless an ingest token is configured.")
    app.state.con, app.state.db_path, app.state.read_only = store.con, store.path, not writable
    app.state.token = token
    app.state.settings = settings or (load_settings(db=Path(db)) if writable else None)
    # A read-only store cannot change while it is served (DuckDB holds its lock), so clients
    # may cache for a minute; with ingest on they revalidate every time (ETag → 304).
    app.state.cache_control = "public, max-age=60" if not writable else "no-cache"
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    templates.env.globals["version"] = __version__
    app.state.templates = templates

    for router in (events.router, articles.router, actors.router, stats.router):
        app.include_router(router)
    if writable:
        app.include_router(ingest.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")

    @app.middleware("http")
    async def security_headers(request: Request, call_next) -> Response:
        if not request.url.path.startswith("/api/") and request.scope.get("query_string"):
            # An HTML form sends its empty fields too ("lat="); they mean "no filter".
            pairs = parse_qsl(request.scope["query_string"].decode("latin-1"), keep_blank_values=True)
            request.scope["query_string"] = urlencode([(k, v) for k, v in pairs if v]).encode("latin-1")
        response = await call_next(request)
        response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        if request.url.path.startswith("/static/"):
            response.headers["Cache-Control"] = "public, max-age=86400"
        return response

    return app
