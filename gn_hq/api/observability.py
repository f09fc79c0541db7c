"""Every request answered gets an id, one access-log line and its metrics.

The id is the caller's `X-Request-ID` when it is a short token (a reverse proxy's), otherwise a new one; it is sent
back in `X-Request-ID` and carried by every log line written while serving the request (`gn_hq.logs.REQUEST_ID`).
The access line names the route template (`/v1/people/{person_id}/erasure`), never the raw path or query, and the
authenticated device and campus (set by `deps.current_device` in the request's state) — never a person's data.
"""

from __future__ import annotations

import logging
import re
import time
import uuid

from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from gn_hq.api import metrics
from gn_hq.logs import REQUEST_ID

REQUEST_ID_HEADER = "x-request-id"
_GOOD_ID = re.compile(r"[A-Za-z0-9._-]{1,64}")

access_log = logging.getLogger("gn_hq.access")

#: request-state keys set by authentication (see deps.current_device)
DEVICE_KEY = "gn_device_id"
CAMPUS_KEY = "gn_campus_id"
ROUTE_KEY = "gn_route"


def note_route(request: Request) -> None:
    """An app-wide dependency: the matched route's template, for the access log and the metrics' labels (low
    cardinality, no ids). Middleware only sees the raw path; routing happens below it, in a copy of the scope."""
    route = request.scope.get("route")
    state = request.scope.get("state")
    if isinstance(state, dict):
        state[ROUTE_KEY] = str(getattr(route, "path", "unmatched"))


class RequestLog:
    """Outermost middleware: request id, access log, request count and latency by route."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request_id = _request_id(scope)
        token = REQUEST_ID.set(request_id)
        # shared with the inner scopes (middleware may copy the scope, not this dict): authentication writes here
        state = scope.setdefault("state", {})
        status = 500
        started = time.perf_counter()

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = int(message["status"])
                message = {**message, "headers": [*message.get("headers", []), (b"x-request-id", request_id.encode())]}
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        finally:
            elapsed = time.perf_counter() - started
            route = str(state.get(ROUTE_KEY, "unmatched"))
            metrics.REQUESTS.labels(scope["method"], route, str(status)).inc()
            metrics.LATENCY.labels(route).observe(elapsed)
            access_log.info(
                "%s %s %d %.1f ms",
                scope["method"],
                route,
                status,
                elapsed * 1000,
                extra={
                    "method": scope["method"],
                    "route": route,
                    "status": status,
                    "duration_ms": round(elapsed * 1000, 1),
                    "device_id": state.get(DEVICE_KEY),
                    "campus_id": state.get(CAMPUS_KEY),
                },
            )
            REQUEST_ID.reset(token)


def _request_id(scope: Scope) -> str:
    for name, value in scope.get("headers", []):
        if name == b"x-request-id":
            text = bytes(value).decode("latin-1")
            if _GOOD_ID.fullmatch(text):
                return text
            break
    return uuid.uuid4().hex
