"""The HQ application factory: `create_app(database_url)` gives the ASGI app `gn-hq serve` runs.

Composition root of HQ: builds the engine, migrates, creates the `Hq` context, and wires routes, errors and
middleware (request ids, access log and metrics; size limit and gzip-encoded requests, epoch header, gzip
answers), and `/health` and `/metrics` for operators.
"""

from __future__ import annotations

import gc
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import Depends, FastAPI, Response
from fastapi.openapi.utils import get_openapi
from prometheus_client import CONTENT_TYPE_LATEST
from starlette.middleware.gzip import GZipMiddleware

from gn_core.protocol import PROTOCOL_VERSION, PushRequest
from gn_hq import __version__, console, paths
from gn_hq.api import metrics, problems
from gn_hq.api.middleware import BodyLimit, EpochHeader
from gn_hq.api.observability import RequestLog, note_route
from gn_hq.api.routes import reporting, router
from gn_hq.db.engine import make_engine
from gn_hq.db.migrate import upgrade_to_head
from gn_hq.services.context import Hq
from gn_hq.settings import Settings

DESCRIPTION = f"""
The HQ sync service of Le Grand Numérique. Campuses push their changes and pull what changed for them;
see docs/sync-protocol.md. Sync protocol version {PROTOCOL_VERSION}: send it in the `GN-Protocol` header.
Errors are `application/problem+json` with a stable `code` and a French `title`.
"""


#: Collect the youngest generation every 50,000 allocations instead of 700. A push of 2,000 changes allocates some
#: 100,000 dicts and strings that live until its answer, none in a cycle: at the default threshold the collector ran
#: hundreds of times a push, scanning them again and again (parsing a batch took twice as long, applying it 20 % more;
#: docs/benchmarks.md). The older generations keep their ratios, so cycles are still freed.
GC_THRESHOLDS = (50_000, 20, 100)


def tune_garbage_collector() -> None:
    """For a serving process: what was loaded at start-up is frozen out of every collection, and the young
    generation is collected less often (`GC_THRESHOLDS`)."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(*GC_THRESHOLDS)


def create_app(
    database_url: str | None = None,
    *,
    data_dir: str | Path | None = None,
    settings: Settings | None = None,
    hq: Hq | None = None,
    migrate: bool = True,
) -> FastAPI:
    """The ASGI app on `database_url` (default: the embedded SQLite file of the data dir), migrated to head.

    Pass `hq` to serve an existing context (tests); the app then leaves its engine open when it stops.
    """
    owned = hq is None
    if hq is None:
        directory = paths.data_dir(data_dir)
        engine = make_engine(paths.database_url(database_url, directory))
        if migrate:
            upgrade_to_head(engine)
        hq = Hq(engine, settings=settings, data_dir=directory)
    context = hq

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        if owned:
            tune_garbage_collector()
        yield
        if owned:
            context.dispose()

    app = FastAPI(
        title="Le Grand Numérique — siège (HQ)",
        version=__version__,
        description=DESCRIPTION,
        lifespan=lifespan,
        dependencies=[Depends(note_route)],
    )
    app.state.hq = hq
    problems.install(app)
    app.include_router(router)
    app.include_router(reporting)
    console.install(app, hq)

    @app.get("/health", summary="Liveness: HQ answers and reaches its database", tags=["ops"])
    def health() -> dict[str, Any]:
        with context.read() as conn:
            epoch, last_seq = context.read_meta(conn)
        return {"status": "ok", "epoch": epoch, "last_seq": last_seq, "protocol_version": PROTOCOL_VERSION}

    app.add_middleware(GZipMiddleware, minimum_size=1024, compresslevel=hq.settings.gzip_level)
    app.add_middleware(EpochHeader, epoch=lambda: context.epoch)
    app.add_middleware(BodyLimit, max_bytes=hq.settings.max_body_bytes)
    app.add_middleware(RequestLog)  # outermost: ids, times and counts every answer, 413s too

    @app.get("/metrics", summary="Prometheus metrics (rates, latencies, lag per campus)", tags=["ops"])
    def prometheus_metrics() -> Response:
        return Response(metrics.exposition(context), media_type=CONTENT_TYPE_LATEST)

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = get_openapi(title=app.title, version=app.version, description=app.description, routes=app.routes)
            # /v1/push reads its body itself (after authentication): declare the schema it expects.
            push_schema = PushRequest.model_json_schema(ref_template="#/components/schemas/{model}")
            components = schema.setdefault("components", {}).setdefault("schemas", {})
            components.update(push_schema.pop("$defs", {}))
            components["PushRequest"] = push_schema
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]  # FastAPI's documented way to customise the schema
    return app
