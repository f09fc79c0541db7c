"""The sync API (`/v1/…`), as documented in docs/sync-protocol.md and served at /openapi.json.

Handlers only translate HTTP to service calls: authentication and the protocol check are dependencies, errors are
`HqError`s turned into problem+json by `problems`. Blocking work (database, merge) runs in the thread pool.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, Response
from pydantic import ValidationError

from gn_core import indicators as ind
from gn_core.domain.enums import UserRole
from gn_core.protocol import (
    ID_PATTERN,
    CheckInIndex,
    ConflictNotice,
    DuplicatesResponse,
    EnrolRequest,
    EnrolResponse,
    ErasureRequest,
    ErasureResponse,
    LookupRequest,
    LookupResponse,
    MoveDecision,
    MoveRequestCreate,
    MoveRequestsResponse,
    MoveRequestView,
    Problem,
    PullPage,
    PushResponse,
    ResolveRequest,
    SetAsideAck,
    SetAsideReport,
    ShareRequest,
    ShareResponse,
    SnapshotInfo,
    StatusResponse,
)
from gn_core.sync_rules import DeviceRole
from gn_hq.api import metrics, push_body
from gn_hq.api.deps import DeviceDep, HqDep, IndicatorsReaderDep, ProtocolDep
from gn_hq.services import (
    conflicts,
    devices,
    duplicates,
    erasure,
    indicators,
    kiosk,
    lookup,
    move_requests,
    pull,
    push,
    set_aside,
    sharing,
    snapshots,
)
from gn_hq.services.errors import Forbidden, HqError

PersonId = Annotated[str, Path(pattern=ID_PATTERN, description="the person's id")]
ConflictId = Annotated[str, Path(pattern=ID_PATTERN, description="the conflict's id")]
RequestId = Annotated[str, Path(pattern=ID_PATTERN, description="the move request's id")]

_PROBLEM = {"model": Problem, "content": {"application/problem+json": {}}}
_COMMON: dict[int | str, dict[str, Any]] = {
    400: {**_PROBLEM, "description": "Malformed request or protocol newer than HQ"},
    401: {**_PROBLEM, "description": "Unknown or revoked device"},
    413: {**_PROBLEM, "description": "Body too large"},
    422: {**_PROBLEM, "description": "Invalid request"},
    426: {**_PROBLEM, "description": "Client protocol too old: upgrade the campus app"},
}

router = APIRouter(prefix="/v1", responses=_COMMON)


def _campus_pc_only(device: devices.AuthDevice) -> None:
    if device.role is not DeviceRole.CAMPUS_PC:
        raise Forbidden(
            "Une borne d'accueil ne fait pas cela : seul un poste du campus le peut.", code="campus_pc_only"
        )


def _json(model: Any) -> Response:
    return Response(content=model.model_dump_json(), media_type="application/json")


@router.post(
    "/enrol",
    response_model=EnrolResponse,
    status_code=201,
    summary="Trade a one-time enrolment code for a device token",
    responses={403: {**_PROBLEM, "description": "Invalid, expired or used code"}, 409: _PROBLEM},
)
def enrol(body: EnrolRequest, hq: HqDep, protocol: ProtocolDep) -> Response:
    result = devices.enrol(hq, body.code, body.device_id, body.device_name, protocol, body.role)
    return Response(content=result.model_dump_json(), media_type="application/json", status_code=201)


_PUSH_BODY = {
    "requestBody": {
        "required": True,
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/PushRequest"}}},
    }
}


@router.post(
    "/push",
    response_model=PushResponse,
    summary="Apply a batch of this device's changes (all or nothing, idempotent per device_seq)",
    openapi_extra=_PUSH_BODY,
)
async def push_changes(request: Request, hq: HqDep, device: DeviceDep, protocol: ProtocolDep) -> Response:
    # The body is read after authentication (an unknown device learns nothing, not even what is wrong with its
    # batch), as `PushRequest` says (push_body: orjson and the envelope checked, else pydantic's own reading).
    body = await request.body()
    try:
        changes = await run_in_threadpool(push_body.read, body)
    except ValidationError as exc:
        errors = exc.errors(include_url=False, include_context=False, include_input=False)
        raise RequestValidationError([{**e, "loc": ("body", *e["loc"])} for e in errors]) from None
    if len(changes) > hq.settings.max_push_changes:
        raise RequestValidationError(
            [{"loc": ("body", "changes"), "msg": f"at most {hq.settings.max_push_changes} changes", "type": "too_long"}]
        )
    result = await run_in_threadpool(push.push, hq, device, changes, protocol)
    metrics.count_push(
        device.campus_id,
        applied=result.applied - len(result.rejected),
        rejected=len(result.rejected),
        conflicts=len(result.conflicts),
        duplicates=len(result.duplicates),
    )
    return _json(result)


@router.get(
    "/pull",
    response_model=PullPage,
    summary="Records and conflicts for this campus after a cursor (also the initial snapshot, from cursor 0)",
)
async def pull_changes(
    hq: HqDep,
    device: DeviceDep,
    cursor: Annotated[int, Query(ge=0, le=2**62, description="the last seq received (0: from the start)")] = 0,
    until: Annotated[
        int | None, Query(ge=0, le=2**62, description="the upper bound given by the first page; keep it until done")
    ] = None,
    limit: Annotated[int | None, Query(ge=1, le=10000, description="most items in the page")] = None,
    max_bytes: Annotated[int | None, Query(ge=1024, le=2**31, description="byte budget of the page")] = None,
    wait: Annotated[
        float,
        Query(
            ge=0,
            le=pull.MAX_WAIT_S,
            description="long poll: while nothing at HQ is newer than `cursor`, hold the answer up to this many "
            "seconds (an online campus learns of a change as soon as it is written)",
        ),
    ] = 0,
) -> Response:
    if wait and until is None:
        # Only a campus exactly up to date waits: a cursor past HQ's sequence (HQ restored) is answered at once
        await hq.feed.wait_for_news(cursor, wait, lambda: run_in_threadpool(pull.last_seq, hq))
        # the device may have been revoked while it waited: it gets nothing more
        await run_in_threadpool(devices.check_still_enrolled, hq, device)
    page = await run_in_threadpool(pull.pull_page, hq, device, cursor, until, limit, max_bytes)
    metrics.count_pull(device.campus_id, len(page))
    return Response(content=page, media_type="application/json")


@router.get("/status", response_model=StatusResponse, summary="HQ's epoch and what it holds of this device")
def status(hq: HqDep, device: DeviceDep) -> StatusResponse:
    return devices.status(hq, device)


@router.get(
    "/snapshot",
    response_model=SnapshotInfo,
    summary="The ready database a new PC of this campus may start from (then it pulls from its cursor)",
    responses={404: {**_PROBLEM, "description": "No fresh snapshot: pull page by page"}},
)
def snapshot_info(hq: HqDep, device: DeviceDep) -> SnapshotInfo:
    return snapshots.offer(hq, device)[0]


@router.get(
    "/snapshot/file",
    summary="The snapshot's file (HTTP ranges: an interrupted download resumes)",
    response_class=FileResponse,
    responses={404: {**_PROBLEM, "description": "No fresh snapshot"}},
)
def snapshot_file(hq: HqDep, device: DeviceDep) -> FileResponse:
    info, path = snapshots.offer(hq, device)
    # the file may be replaced by a newer one while this answer is on its way: the PC checks the digest it was given
    return FileResponse(path, media_type="application/vnd.sqlite3", headers={"GN-Snapshot-SHA256": info.sha256})


@router.post(
    "/people/{person_id}/erasure",
    response_model=ErasureResponse,
    summary="Erase a person (GDPR) everywhere, leaving only tombstones",
    responses={403: _PROBLEM},
)
def erase_person(person_id: PersonId, body: ErasureRequest, hq: HqDep, device: DeviceDep) -> ErasureResponse:
    _campus_pc_only(device)
    return erasure.request_erasure(hq, device, person_id, body.reason, body.reference, body.user_id)


@router.post(
    "/people/{person_id}/shares",
    response_model=ShareResponse,
    summary="Share a person this campus follows with another campus",
    responses={403: _PROBLEM, 404: _PROBLEM, 409: _PROBLEM},
)
def share_person(person_id: PersonId, body: ShareRequest, hq: HqDep, device: DeviceDep) -> ShareResponse:
    _campus_pc_only(device)
    return sharing.share(hq, device, person_id, body.campus_id)


@router.post(
    "/people/lookup",
    response_model=LookupResponse,
    summary="Is the person typed at intake followed at another campus? Only the campus, a strength and a token",
    responses={
        403: _PROBLEM,
        429: {**_PROBLEM, "description": "Too many lookups from this device: retry after Retry-After seconds"},
    },
)
def lookup_person(body: LookupRequest, hq: HqDep, device: DeviceDep) -> LookupResponse:
    _campus_pc_only(device)
    return lookup.lookup(hq, device, body)


@router.post(
    "/move-requests",
    response_model=MoveRequestView,
    status_code=201,
    summary="Ask the campus following a person found by a lookup to share or transfer their file (with consent)",
    responses={403: _PROBLEM, 409: _PROBLEM},
)
def create_move_request(body: MoveRequestCreate, hq: HqDep, device: DeviceDep) -> Response:
    _campus_pc_only(device)
    return Response(
        content=move_requests.create(hq, device, body).model_dump_json(),
        media_type="application/json",
        status_code=201,
    )


@router.get(
    "/move-requests",
    response_model=MoveRequestsResponse,
    summary="Requests waiting for this campus's answer, and this campus's own requests with their outcome",
    responses={403: _PROBLEM},
)
def list_move_requests(hq: HqDep, device: DeviceDep) -> MoveRequestsResponse:
    _campus_pc_only(device)
    return move_requests.for_campus(hq, device)


@router.post(
    "/move-requests/{request_id}/decision",
    response_model=MoveRequestView,
    summary="Accept (the asking campus gains access to the file) or decline a request addressed to this campus",
    responses={403: _PROBLEM, 404: _PROBLEM, 409: _PROBLEM},
)
def decide_move_request(request_id: RequestId, body: MoveDecision, hq: HqDep, device: DeviceDep) -> MoveRequestView:
    _campus_pc_only(device)
    return move_requests.decide(hq, device, request_id, body)


@router.post(
    "/conflicts/{conflict_id}/resolution",
    response_model=ConflictNotice,
    summary="An advisor's decision on an open conflict",
    responses={403: _PROBLEM, 404: _PROBLEM, 409: _PROBLEM},
)
def resolve_conflict(conflict_id: ConflictId, body: ResolveRequest, hq: HqDep, device: DeviceDep) -> ConflictNotice:
    _campus_pc_only(device)
    return conflicts.resolve(hq, device, conflict_id, body)


@router.get(
    "/duplicates",
    response_model=DuplicatesResponse,
    summary="Likely duplicates found at HQ that concern this campus (names, birth date, campus, step, last contact)",
    responses={403: _PROBLEM},
)
def list_duplicates(hq: HqDep, device: DeviceDep) -> DuplicatesResponse:
    _campus_pc_only(device)
    return duplicates.for_campus(hq, device.campus_id)


@router.get(
    "/kiosk/check-in-index",
    response_model=CheckInIndex,
    summary="A kiosk's check-in index: its campus's coming appointments, with keyed hashes and first names only",
    responses={403: _PROBLEM},
)
def kiosk_check_in_index(hq: HqDep, device: DeviceDep) -> CheckInIndex:
    return kiosk.check_in_index(hq, device)


@router.put(
    "/set-aside",
    response_model=SetAsideAck,
    summary="The records this device received but could not store (replaces its previous report)",
)
def report_set_aside(body: SetAsideReport, hq: HqDep, device: DeviceDep) -> SetAsideAck:
    return set_aside.report(hq, device, body.app_version, body.items)


reporting = APIRouter(prefix="/v1", responses={401: {**_PROBLEM, "description": "HQ account required"}})


@reporting.get(
    "/indicators",
    response_model=indicators.Indicators,
    summary="The programme's indicators (docs/indicators.md) by campus and in total, since the programme's start or "
    "over [start, end] (HQ administrators; campus managers see their campus)",
    responses={
        400: {**_PROBLEM, "description": "Invalid period"},
        429: {**_PROBLEM, "description": "Too many failed sign-ins: retry later"},
    },
)
def get_indicators(
    hq: HqDep, user: IndicatorsReaderDep, start: date | None = None, end: date | None = None
) -> indicators.Indicators:
    today = date.today()
    period = ind.Period(start or ind.PROGRAMME_START, end or today)
    if period.start > period.end:
        raise HqError("Période invalide : le début doit précéder la fin.", code="invalid_period")
    campus_id = None if user.role is UserRole.HQ_ADMIN else user.campus_id
    return indicators.indicators(hq, campus_id=campus_id, period=period)
