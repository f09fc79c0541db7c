"""HTTP client for HQ (httpx, no Qt): timeouts and TLS verification on, the protocol header on every call, retries
with exponential backoff and jitter on transient failures, and every answer mapped to a plain French error."""

from __future__ import annotations

import functools
import gzip
import logging
import os
import random
import ssl
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx
import orjson

from gn_core.protocol import (
    PROTOCOL_HEADER,
    PROTOCOL_VERSION,
    CheckInIndex,
    ConflictNotice,
    DuplicatesResponse,
    EnrolResponse,
    LookupRequest,
    LookupResponse,
    MoveRequestsResponse,
    MoveRequestView,
    PullPage,
    PullPageHead,
    PushResponse,
    SnapshotInfo,
    StatusResponse,
)
from gn_desktop.sync.errors import (
    INSECURE_URL,
    OFFLINE,
    REVOKED,
    UPDATE_REQUIRED,
    NeedsReenrol,
    Offline,
    SyncError,
    UpdateRequired,
)

log = logging.getLogger(__name__)

TIMEOUT = httpx.Timeout(connect=5.0, read=60.0, write=60.0, pool=5.0)
RETRIES = 4
BACKOFF_BASE_S = 0.2
BACKOFF_MAX_S = 10.0
TRANSIENT = frozenset({502, 503, 504})
_JSON = {"Content-Type": "application/json"}


@functools.cache
def tls_context() -> ssl.SSLContext:
    """Certificate verification on, against the operating system's trust store (truststore): a campus behind an
    internal certificate authority its IT installed on the PC connects, as the PC's browser does. Built once."""
    import truststore

    return truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)


#: hosts a plain http:// address may name: this machine only (a local HQ for demos and tests)
LOOPBACK_HOSTS = frozenset({"127.0.0.1", "::1", "localhost"})


def check_server_url(url: str) -> str:
    """HQ's address, refused unless https:// (or http:// to this machine): tokens and people's data never cross a
    network unencrypted."""
    parts = urlsplit(url.strip())
    if parts.scheme == "https" and parts.hostname:
        return url.strip().rstrip("/")
    if parts.scheme == "http" and (parts.hostname or "") in LOOPBACK_HOSTS:
        return url.strip().rstrip("/")
    raise SyncError(INSECURE_URL)


def backoff_delay(attempt: int, rng: random.Random | None = None) -> float:
    """Exponential backoff with full jitter: uniform in [0, min(max, base * 2**attempt)]."""
    r = rng or random
    return r.uniform(0, min(BACKOFF_MAX_S, BACKOFF_BASE_S * (2**attempt)))


@dataclass(slots=True)
class Page:
    """A pulled page, decoded for applying: the fields of `PullPage`, with records as plain dicts (the shape of
    `PulledRecord`, checked by `decode_page`) — a model per record would triple the decoding time of a snapshot."""

    epoch: str
    server_time_ms: int
    cursor: int
    until: int
    more: bool
    last_device_seq: int
    records: list[dict[str, Any]]
    conflicts: list[ConflictNotice]


def decode_page(content: bytes) -> Page:
    """Parse a pull page (orjson) and check it has the `PullPage` shape; a page that does not is refused whole."""
    try:
        body = orjson.loads(content)
        head = PullPageHead.model_validate(body)
        records = body["records"]
        if not isinstance(records, list):
            raise TypeError("records")
        for rec in records:  # unrolled: a snapshot checks 400,000 records
            if (
                type(rec["entity"]) is not str
                or type(rec["id"]) is not str
                or type(rec["version"]) is not int
                or type(rec.setdefault("deleted", False)) is not bool
                or type(rec.setdefault("erased", False)) is not bool
                or ((data := rec.get("data")) is not None and type(data) is not dict)
                or ((hlc := rec.setdefault("hlc", None)) is not None and type(hlc) is not str)
                or ((person := rec.setdefault("person_id", None)) is not None and type(person) is not str)
            ):
                raise TypeError("record")
        conflicts = [ConflictNotice.model_validate(c) for c in body["conflicts"]]
    except (ValueError, TypeError, KeyError) as exc:
        raise SyncError(f"Réponse du siège illisible ({type(exc).__name__}) : réessayez plus tard.") from exc
    return Page(
        epoch=head.epoch,
        server_time_ms=head.server_time_ms,
        cursor=head.cursor,
        until=head.until,
        more=head.more,
        last_device_seq=head.last_device_seq,
        records=records,
        conflicts=conflicts,
    )


class HqClient:
    def __init__(
        self,
        base_url: str,
        token: str | None = None,
        *,
        retries: int = RETRIES,
        sleep: Callable[[float], None] = time.sleep,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        base_url = check_server_url(base_url)
        headers = {PROTOCOL_HEADER: str(PROTOCOL_VERSION), "Accept-Encoding": "gzip"}
        if token:
            headers["Authorization"] = f"Bearer {token}"
        self._http = httpx.Client(
            base_url=base_url.rstrip("/"), headers=headers, timeout=TIMEOUT, verify=tls_context(), transport=transport
        )
        self._retries = retries
        self._sleep = sleep

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> HqClient:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # -- plumbing ---------------------------------------------------------------------------------------------

    def _request(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        attempt = 0
        while True:
            try:
                response = self._http.request(method, path, **kwargs)
            except httpx.TransportError as exc:
                if attempt >= self._retries:
                    raise Offline(OFFLINE) from exc
            else:
                if response.status_code not in TRANSIENT or attempt >= self._retries:
                    return self._check(response)
            self._sleep(backoff_delay(attempt))
            attempt += 1

    @staticmethod
    def _check(response: httpx.Response) -> httpx.Response:
        status = response.status_code
        if status < 400:
            return response
        if status == 426:
            raise UpdateRequired(UPDATE_REQUIRED)
        if status == 401:
            raise NeedsReenrol(REVOKED)
        if status in TRANSIENT:
            raise Offline(OFFLINE)
        try:
            problem = response.json()
            title = str(problem.get("title") or "")
            detail = problem.get("detail")
            code = problem.get("code")
        except ValueError:
            title, detail, code = response.text[:200], None, None
        error = SyncError(f"Le siège a refusé la demande ({status}) : {title}{' ' + detail if detail else ''}")
        error.retry = status >= 500
        error.code = code  # type: ignore[attr-defined]
        error.status = status  # type: ignore[attr-defined]
        raise error

    # -- calls ------------------------------------------------------------------------------------------------

    def enrol(self, code: str, device_id: str, device_name: str, role: str | None = None) -> EnrolResponse:
        body = {"code": code, "device_id": device_id, "device_name": device_name}
        if role is not None:
            body["role"] = role
        r = self._request("POST", "/v1/enrol", json=body)
        return EnrolResponse.model_validate_json(r.content)

    def status(self) -> StatusResponse:
        return StatusResponse.model_validate_json(self._request("GET", "/v1/status").content)

    def push(self, changes: list[dict[str, Any]]) -> PushResponse:
        body = orjson.dumps({"changes": changes})
        headers = {"Content-Type": "application/json"}
        if len(body) > 64 * 1024:
            body = gzip.compress(body, compresslevel=1)
            headers["Content-Encoding"] = "gzip"
        r = self._request("POST", "/v1/push", content=body, headers=headers)
        return PushResponse.model_validate_json(r.content)

    def pull(self, cursor: int, until: int | None, limit: int | None = None) -> PullPage:
        return PullPage.model_validate_json(self.pull_raw(cursor, until, limit))

    def pull_raw(self, cursor: int, until: int | None, limit: int | None = None, *, wait: float = 0) -> bytes:
        """One page of the feed as HQ sent it (JSON bytes, gzip already undone): see `decode_page`. `wait`: seconds
        HQ may hold the answer while nothing is newer than `cursor` (long poll)."""
        params: dict[str, Any] = {"cursor": cursor}
        if until is not None:
            params["until"] = until
        if limit is not None:
            params["limit"] = limit
        extra: dict[str, Any] = {}
        if wait:
            params["wait"] = wait
            extra["timeout"] = httpx.Timeout(connect=5.0, read=wait + 60.0, write=60.0, pool=5.0)
        return self._request("GET", "/v1/pull", params=params, **extra).content

    def erase(self, person_id: str, reason: str, reference: str, user_id: str | None) -> None:
        body = {"reason": reason, "reference": reference, "user_id": user_id}
        self._request("POST", f"/v1/people/{person_id}/erasure", json=body)

    def resolve(self, conflict_id: str, choice: str, value: Any, user_id: str | None) -> ConflictNotice:
        r = self._request(
            "POST",
            f"/v1/conflicts/{conflict_id}/resolution",
            json={"choice": choice, "value": value, "user_id": user_id},
        )
        return ConflictNotice.model_validate_json(r.content)

    def check_in_index(self) -> CheckInIndex:
        """A kiosk's check-in index (its campus's coming appointments: hashes, first names, times)."""
        return CheckInIndex.model_validate_json(self._request("GET", "/v1/kiosk/check-in-index").content)

    def report_set_aside(self, app_version: str, items: list[dict[str, Any]]) -> None:
        """Tell HQ which received records this PC could not store (the whole list: it replaces the last one)."""
        self._request("PUT", "/v1/set-aside", json={"app_version": app_version, "items": items})

    def duplicates(self) -> DuplicatesResponse:
        """The likely duplicates HQ found that concern this campus (what its managers review)."""
        return DuplicatesResponse.model_validate_json(self._request("GET", "/v1/duplicates").content)

    def share(self, person_id: str, campus_id: str) -> None:
        self._request("POST", f"/v1/people/{person_id}/shares", json={"campus_id": campus_id})

    def quick(self) -> HqClient:
        """No retry and a short read timeout: for a question asked while an advisor types (intake's lookup), where
        no answer soon is as good as none."""
        self._retries = 0
        self._http.timeout = httpx.Timeout(connect=3.0, read=10.0, write=10.0, pool=3.0)
        return self

    def lookup(self, typed: LookupRequest) -> LookupResponse:
        """Whether the person typed at intake is followed at another campus: campus, strength and a match token."""
        r = self._request("POST", "/v1/people/lookup", content=typed.model_dump_json(), headers=_JSON)
        return LookupResponse.model_validate_json(r.content)

    def request_move(self, token: str, kind: str, consent: bool, user_id: str | None) -> MoveRequestView:
        body = {"token": token, "kind": kind, "consent": consent, "user_id": user_id}
        return MoveRequestView.model_validate_json(self._request("POST", "/v1/move-requests", json=body).content)

    def move_requests(self) -> MoveRequestsResponse:
        return MoveRequestsResponse.model_validate_json(self._request("GET", "/v1/move-requests").content)

    def decide_move(self, request_id: str, accept: bool, user_id: str | None) -> MoveRequestView:
        r = self._request(
            "POST", f"/v1/move-requests/{request_id}/decision", json={"accept": accept, "user_id": user_id}
        )
        return MoveRequestView.model_validate_json(r.content)

    def snapshot_info(self) -> SnapshotInfo | None:
        """The ready database HQ offers this PC, or None (HQ has none, or is older than snapshots)."""
        try:
            return SnapshotInfo.model_validate_json(self._request("GET", "/v1/snapshot").content)
        except SyncError as exc:
            if getattr(exc, "status", None) in (404, 405):
                return None
            raise

    def download_snapshot(self, info: SnapshotInfo, part: Path, progress: Callable[[int, int], None]) -> bool:
        """Download the snapshot `info` describes into `part`, continuing what an earlier try left there (HTTP range).
        False when HQ now serves another file (a newer snapshot): start again from `snapshot_info`."""
        have = part.stat().st_size if part.exists() else 0
        if have > info.size:
            part.unlink()
            have = 0
        headers = {"Accept-Encoding": "identity"}  # byte ranges of the file itself
        if have:
            headers["Range"] = f"bytes={have}-"
        timeout = httpx.Timeout(connect=5.0, read=60.0, write=60.0, pool=5.0)
        try:
            with self._http.stream("GET", "/v1/snapshot/file", headers=headers, timeout=timeout) as response:
                if response.status_code not in (200, 206):
                    response.read()
                    self._check(response)
                    return False
                if response.headers.get("GN-Snapshot-SHA256") != info.sha256:
                    return False
                mode = "ab" if response.status_code == 206 else "wb"
                done = have if response.status_code == 206 else 0
                with part.open(mode) as out:
                    for chunk in response.iter_bytes(1 << 20):
                        out.write(chunk)
                        done += len(chunk)
                        progress(done, info.size)
                    out.flush()
                    os.fsync(out.fileno())
        except httpx.TransportError as exc:
            raise Offline(OFFLINE) from exc  # what arrived stays in `part`: the next try continues from there
        return True
