"""The sync wire schemas: the one contract between a campus and HQ.

A campus sends `Change`s (one per insert, update or delete of a synced record, in device-sequence order) in a
`PushRequest`; HQ merges them field by field (gn_core.merge) and answers a `PushResponse`. A campus reads what
changed after its cursor with pulls answered by `PullPage`s. docs/sync-protocol.md describes the whole exchange.

Every request carries the protocol version in the `GN-Protocol` header; HQ accepts `PROTOCOL_VERSION` and the one
before, and answers an older client 426. Every answer carries HQ's epoch (`GN-Epoch` header and body): when it
changes, HQ was restored from an older backup and the campus re-sends what HQ lost.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field
from typing_extensions import TypedDict

from gn_core.domain.enums import ErasureReason
from gn_core.domain.erasure import REFERENCE_MAX, REFERENCE_MIN

PROTOCOL_VERSION = 1
#: the oldest protocol version HQ still serves: the current one and the one before
OLDEST_SUPPORTED_PROTOCOL = max(1, PROTOCOL_VERSION - 1)
PROTOCOL_HEADER = "GN-Protocol"
EPOCH_HEADER = "GN-Epoch"

#: record ids, device ids, campus ids: UUIDs in practice; anything URL- and JSON-safe is accepted
ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$"
#: a hybrid logical clock stamp (gn_core.hlc): 13-digit wall milliseconds, 5-digit counter, node
HLC_PATTERN = r"^[0-9]{13}-[0-9]{5}-[A-Za-z0-9_.:-]{1,64}$"
FIELD_PATTERN = r"^[a-z][a-z0-9_]{0,63}$"
#: free text (reasons, names): no control character (NUL above all: databases refuse it in text) and no lone
#: surrogate (not encodable as UTF-8)
TEXT_PATTERN = r"^[^\x00-\x1f\x7f-\x9f]*$"
MAX_PUSH_CHANGES = 5000
#: the file format of reference data moved to HQ by hand (`gn-desktop export-reference`, `gn-hq reference import`):
#: `{"format": REFERENCE_FORMAT, "entities": {entity: [{"id": …, field: value, …}, …]}}`, values as on the wire
REFERENCE_FORMAT = "gn-reference/1"

Op = Literal["insert", "update", "delete"]


class FieldChange(TypedDict, total=False):
    """One field's value before and after the change (JSON-ready: dates as ISO strings, enums as values).

    A typed dict rather than a model: a batch carries tens of thousands of them, and plain dicts validate about
    three times faster. A missing `old` or `new` means None.
    """

    old: Any
    new: Any


class Change(BaseModel):
    """One captured mutation of a synced record."""

    model_config = ConfigDict(frozen=True)

    device_seq: int = Field(
        ge=1, le=2**62, description="strictly increasing per device; the idempotency key with device_id"
    )
    device_id: str = Field(pattern=ID_PATTERN)
    campus_id: str | None = Field(default=None, pattern=ID_PATTERN)
    user_id: str | None = Field(default=None, pattern=ID_PATTERN)
    entity: str = Field(max_length=40, description="table name of the synced record, e.g. 'person'")
    record_id: str = Field(pattern=ID_PATTERN)
    op: Op
    fields: dict[str, FieldChange] = Field(default_factory=dict)
    base_version: int = Field(
        ge=0, le=2**62, description="the record's HQ version this change was made against (0 = new)"
    )
    hlc: str = Field(pattern=HLC_PATTERN, description="hybrid logical clock stamp; breaks ties only")
    erasure: bool = Field(
        default=False,
        description="a delete made by a GDPR erasure: HQ erases the record (and for a person, all theirs)",
    )


# --- Push ----------------------------------------------------------------------------------------------------


class PushRequest(BaseModel):
    """A batch of a device's changes, in device-sequence order. Applied whole or not at all."""

    changes: list[Change] = Field(max_length=MAX_PUSH_CHANGES)


class RecordVersion(BaseModel):
    """A record's state at HQ after a push: the campus bases its next edits of it on `version`."""

    entity: str
    id: str
    version: int
    deleted: bool = False
    erased: bool = False


class Rejection(BaseModel):
    """A change HQ acknowledged but did not apply, and why (`code` is stable, `detail` is French)."""

    device_seq: int
    entity: str
    record_id: str
    code: Literal["erased", "append_only", "forbidden", "duplicate_key", "incomplete"]
    detail: str


class ConflictSide(BaseModel):
    """One side of a conflict: the value and who wrote it."""

    value: Any = None
    device_id: str | None = None
    campus_id: str | None = None
    user_id: str | None = None
    hlc: str | None = None


class ConflictNotice(BaseModel):
    """A conflict as both campuses receive it.

    `status`: "auto" (HQ picked the `winner`; for information), "open" (HQ kept its value; an advisor decides),
    "resolved" (decided; `resolution` says how), "erased" (the person was erased; values are gone).
    """

    id: str
    seq: int
    entity: str
    record_id: str
    person_id: str | None = None
    kind: Literal["field", "delete"]
    field: str | None = None
    status: Literal["auto", "open", "resolved", "erased"]
    base: Any = None
    hq: ConflictSide
    campus: ConflictSide
    winner: Literal["hq", "campus"]
    resolution: Any = None
    created_at: str
    resolved_at: str | None = None


class PushResponse(BaseModel):
    epoch: str
    server_time_ms: int = Field(description="HQ's clock, so a campus can see its own clock is off")
    last_device_seq: int = Field(description="the last change of this device HQ holds; lower than expected: re-send")
    applied: int = Field(description="changes of this batch acknowledged now (applied, merged, or rejected)")
    duplicates: list[int] = Field(description="device_seq of changes HQ already had; nothing was done with them")
    rejected: list[Rejection]
    conflicts: list[ConflictNotice]
    records: list[RecordVersion]


# --- Pull ----------------------------------------------------------------------------------------------------


class PulledRecord(BaseModel):
    """The current state of a record. `data` is complete: a field it does not list is None. None when deleted."""

    entity: str
    id: str
    version: int
    seq: int
    hlc: str | None = Field(
        default=None,
        description="the greatest clock stamp of the record's writers: observe it (HybridClock.observe) so that "
        "edits made after seeing this record stamp later — that is what makes merges converge",
    )
    person_id: str | None = None
    deleted: bool = False
    erased: bool = False
    data: dict[str, Any] | None = None


class PullPageHead(BaseModel):
    """A pull page without its records and conflicts (the campus checks records by hand: see its client)."""

    epoch: str
    server_time_ms: int
    cursor: int
    until: int
    more: bool
    last_device_seq: int


class PullPage(PullPageHead):
    """Records and conflicts with cursor < seq <= until, in seq order, for this campus.

    Continue with `cursor` while `more`; when done, `cursor == until`: store it and start the next pull from there.
    """

    records: list[PulledRecord]
    conflicts: list[ConflictNotice]


# --- Enrolment, status, people, conflicts ---------------------------------------------------------------------


class EnrolRequest(BaseModel):
    code: str = Field(
        min_length=4, max_length=64, pattern=TEXT_PATTERN, description="the one-time code printed by `gn-hq campus add`"
    )
    device_id: str = Field(pattern=ID_PATTERN, description="the campus installation's device id")
    device_name: str = Field(default="", max_length=200, pattern=TEXT_PATTERN)
    role: Literal["campus_pc", "kiosk"] | None = Field(
        default=None,
        description="what the installation expects to be: a code for another kind of device is refused (409) "
        "without being spent",
    )


class EnrolResponse(BaseModel):
    device_id: str
    token: str = Field(description="the device credential: send it as `Authorization: Bearer <token>`")
    campus_id: str
    campus_code: str
    campus_name: str
    campus_commune_insee: str | None = Field(
        default=None, description="the campus's commune (INSEE code), so the PC knows its campus before its first pull"
    )
    epoch: str
    role: str = Field(default="campus_pc", description="gn_core.sync_rules.DeviceRole: campus_pc or kiosk")
    ticket_prefix: str | None = Field(
        default=None, description="a kiosk's mark in its queue tickets, unique among its campus's kiosks"
    )


class CheckInEntry(BaseModel):
    """One appointment a visitor may check in for at a kiosk: nothing about the person but their first name."""

    appointment_id: str
    code_hash: str | None = Field(description="HMAC-SHA256 of the appointment's check-in code (hex)")
    name_hash: str | None = Field(description="HMAC-SHA256 of the person's name key and birth date (hex)")
    first_name: str
    starts_at: str = Field(description="ISO 8601, UTC")


class CheckInIndex(BaseModel):
    """What a kiosk needs to check visitors in, for its campus's appointments from today to 7 days ahead. `key`
    (base64url) is the campus's HMAC key: the kiosk hashes what a visitor types with it (`gn_core.checkin`)."""

    epoch: str
    generated_at: str
    key: str
    entries: list[CheckInEntry]


class StatusResponse(BaseModel):
    epoch: str
    server_time_ms: int
    device_id: str
    campus_id: str
    last_device_seq: int
    last_seq: int = Field(description="HQ's latest sequence number")
    protocol_version: int


class SnapshotInfo(BaseModel):
    """A ready campus database a new PC may start from instead of pulling everything (`GET /v1/snapshot`)."""

    campus_id: str
    epoch: str = Field(description="HQ's epoch when it was made; a snapshot of another epoch is never offered")
    cursor: int = Field(description="the feed position it holds everything up to: pull from there")
    schema_revision: str = Field(description="the campus database's migration revision (the app's must equal it)")
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    size: int = Field(ge=0)
    created_at: str = Field(description="when it was made (ISO 8601, UTC)")


class ErasureRequest(BaseModel):
    reason: ErasureReason = Field(description="why the person's data is erased: a code from a closed list")
    reference: str = Field(
        min_length=REFERENCE_MIN,
        max_length=REFERENCE_MAX,
        pattern=TEXT_PATTERN,
        description="a ticket or register number, kept with the reason as proof; never the person's name",
    )
    user_id: str | None = Field(default=None, pattern=ID_PATTERN)


class ErasureResponse(BaseModel):
    epoch: str
    person_id: str
    records_erased: int
    already_erased: bool


class ShareRequest(BaseModel):
    campus_id: str = Field(pattern=ID_PATTERN)


class ShareResponse(BaseModel):
    epoch: str
    person_id: str
    campus_ids: list[str]


class DuplicateSide(BaseModel):
    """One file of a likely duplicate pair, with only what deciding needs (no contact, no file)."""

    person_id: str
    first_name: str
    last_name: str
    birth_date: str | None = None
    campus_id: str | None = None
    campus: str = ""
    pathway_step: str | None = None
    last_contact_on: str | None = None


class DuplicatePairView(BaseModel):
    """Two files HQ found likely to be one person, waiting for review (`gn-hq duplicates merge|dismiss`)."""

    a: DuplicateSide
    b: DuplicateSide
    score: int
    reasons: list[str]
    found_at: str


class DuplicatesResponse(BaseModel):
    """The open pairs where either person belongs to the asking device's campus, most likely first."""

    epoch: str
    pairs: list[DuplicatePairView]


class LookupRequest(BaseModel):
    """What intake typed, to learn whether the person is followed at another campus (`POST /v1/people/lookup`).
    Blank fields are ignored; HQ needs the first and last names and at least a birth date, a phone or an e-mail."""

    first_name: str = Field(default="", max_length=100, pattern=TEXT_PATTERN)
    last_name: str = Field(default="", max_length=100, pattern=TEXT_PATTERN)
    birth_date: str | None = Field(default=None, max_length=10, pattern=r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
    phone: str | None = Field(default=None, max_length=40, pattern=TEXT_PATTERN)
    email: str | None = Field(default=None, max_length=254, pattern=TEXT_PATTERN)
    user_id: str | None = Field(default=None, pattern=ID_PATTERN, description="the signed-in advisor, for the audit")


class LookupMatch(BaseModel):
    """One person followed at another campus who looks like the one typed: the campus and how sure — nothing about
    the person. `token` is opaque, signed and short-lived: it names the match to a share or transfer request."""

    campus_code: str
    campus_name: str
    strength: Literal["strong", "possible"]
    token: str


class LookupResponse(BaseModel):
    epoch: str
    matches: list[LookupMatch]


class MoveRequestCreate(BaseModel):
    """Ask the campus following a person found by a lookup to share their file with this campus, or to transfer
    it here; `consent`: the person at the desk agreed (required)."""

    token: str = Field(min_length=16, max_length=400, pattern=r"^[A-Za-z0-9_-]+$")
    kind: Literal["share", "transfer"]
    consent: bool
    user_id: str | None = Field(default=None, pattern=ID_PATTERN)


class MoveRequestView(BaseModel):
    """A share or transfer request as the two campuses see it. `person_id` is given to the campus that follows the
    person (it knows the file), and to the asking campus only once accepted (the file is then on its way)."""

    id: str
    kind: Literal["share", "transfer"]
    status: Literal["pending", "accepted", "declined", "expired"]
    direction: Literal["incoming", "outgoing"]
    #: the other campus: the asking one for an incoming request, the one following the person for an outgoing one
    campus_code: str
    campus_name: str
    person_id: str | None = None
    requested_at: str
    expires_at: str
    decided_at: str | None = None


class MoveRequestsResponse(BaseModel):
    """The requests addressed to this campus still waiting, and this campus's own requests of the last 30 days."""

    epoch: str
    incoming: list[MoveRequestView]
    outgoing: list[MoveRequestView]


class MoveDecision(BaseModel):
    accept: bool
    user_id: str | None = Field(default=None, pattern=ID_PATTERN)


class ResolveRequest(BaseModel):
    """An advisor's decision. Field conflicts: keep HQ's value ("hq"), take the campus's ("campus"), or set
    `value` ("value"). Delete conflicts: "keep" the record or "delete" it."""

    choice: Literal["hq", "campus", "value", "keep", "delete"]
    value: Any = None
    user_id: str | None = Field(default=None, pattern=ID_PATTERN)


class SetAsideItem(BaseModel):
    """A pulled record the campus could not store: what it is and why (no value of it)."""

    entity: str = Field(max_length=40, pattern=FIELD_PATTERN)
    record_id: str = Field(pattern=ID_PATTERN)
    version: int = Field(ge=0, le=2**62)
    reason: str = Field(max_length=500, pattern=TEXT_PATTERN)


class SetAsideReport(BaseModel):
    """Every record this device has set aside now (it replaces the device's previous report)."""

    app_version: str = Field(max_length=40, pattern=TEXT_PATTERN)
    items: list[SetAsideItem] = Field(max_length=1000)


class SetAsideAck(BaseModel):
    epoch: str
    count: int


class Problem(BaseModel):
    """An error (RFC 9457 problem details): `code` is stable for programs, `title` is French for people."""

    type: str = "about:blank"
    title: str
    status: int
    code: str
    detail: str | None = None
    errors: list[dict[str, Any]] | None = None
