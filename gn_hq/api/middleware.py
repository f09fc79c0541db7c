"""ASGI middleware: request size limit (with gzip-encoded requests) and the epoch header on every answer."""

from __future__ import annotations

import json
import zlib
from collections.abc import Callable

from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from gn_core.protocol import EPOCH_HEADER
from gn_hq.api.problems import PROBLEM_MEDIA_TYPE


async def _send_problem(send: Send, status: int, code: str, title: str) -> None:
    body = json.dumps(
        {"type": "about:blank", "title": title, "status": status, "code": code}, ensure_ascii=False
    ).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [(b"content-type", PROBLEM_MEDIA_TYPE.encode()), (b"content-length", str(len(body)).encode())],
        }
    )
    await send({"type": "http.response.body", "body": body})


_TOO_LARGE = "Requête trop volumineuse : envoyez des lots plus petits."


class BodyLimit:
    """Refuses bodies above `max_bytes` with 413 — by Content-Length first, then while reading, then after gzip
    decoding (so a small compressed bomb is refused too). Campuses may send `Content-Encoding: gzip` bodies;
    the application below always receives the plain body."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        length = headers.get("content-length")
        if length is not None:
            if not length.isdigit():
                await _send_problem(send, 400, "bad_request", "En-tête Content-Length invalide.")
                return
            if int(length) > self.max_bytes:
                await _send_problem(send, 413, "payload_too_large", _TOO_LARGE)
                return
        body = await self._read(receive, send)
        if body is None:
            return
        body = await self._decoded(body, headers.get("content-encoding", "identity").strip().lower(), send)
        if body is None:
            return
        raw = [(k, v) for k, v in scope["headers"] if k not in (b"content-length", b"content-encoding")]
        raw.append((b"content-length", str(len(body)).encode()))
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app({**scope, "headers": raw}, replay, send)

    async def _read(self, receive: Receive, send: Send) -> bytes | None:
        """The whole body, or None when the client left or the body is too large (answered)."""
        chunks: list[bytes] = []
        total = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return None
            chunk = message.get("body", b"")
            total += len(chunk)
            if total > self.max_bytes:
                await _send_problem(send, 413, "payload_too_large", _TOO_LARGE)
                return None
            chunks.append(chunk)
            if not message.get("more_body", False):
                return b"".join(chunks)

    async def _decoded(self, body: bytes, encoding: str, send: Send) -> bytes | None:
        """The body without its content encoding, or None when it cannot be (answered)."""
        if encoding in ("identity", ""):
            return body
        if encoding != "gzip":
            await _send_problem(send, 415, "unsupported_encoding", "Encodage non pris en charge : gzip ou aucun.")
            return None
        decoder = zlib.decompressobj(16 + zlib.MAX_WBITS)
        try:
            plain = decoder.decompress(body, self.max_bytes + 1)
        except zlib.error:
            await _send_problem(send, 400, "invalid_encoding", "Corps compressé (gzip) illisible.")
            return None
        if len(plain) > self.max_bytes or decoder.unconsumed_tail:
            await _send_problem(send, 413, "payload_too_large", _TOO_LARGE)
            return None
        if not decoder.eof:
            await _send_problem(send, 400, "invalid_encoding", "Corps compressé (gzip) incomplet.")
            return None
        return plain


class EpochHeader:
    """Adds HQ's epoch to every answer (except 401: an unknown device learns nothing)."""

    def __init__(self, app: ASGIApp, epoch: Callable[[], str]) -> None:
        self.app = app
        self.epoch = epoch

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_epoch(message: Message) -> None:
            if message["type"] == "http.response.start" and message.get("status") != 401:
                epoch = self.epoch()
                if epoch:
                    message = {
                        **message,
                        "headers": [*message.get("headers", []), (EPOCH_HEADER.lower().encode(), epoch.encode())],
                    }
            await send(message)

        await self.app(scope, receive, send_with_epoch)
