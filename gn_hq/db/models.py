"""HQ's tables (SQLAlchemy 2 declarative, typed). The same schema runs on PostgreSQL and SQLite.

Every synced record, whatever its entity, is one row of `record` (a generic record store): HQ merges fields, scopes
and erases by rules that are the same for all entities (gn_core.sync_rules), so one table with the few columns
those rules and the indicators need beats sixteen copies of the campus schema that would have to follow every
campus migration. `data` and `field_meta` are JSON text (not a JSON column type): HQ never queries inside them, and
the pull feed splices the stored text into its pages without parsing it again.

`server_seq` is the feed's order: every write of a record or conflict takes the next number from
`server_meta.last_seq`, inside the one writer transaction HQ allows at a time, so sequence order is commit order
and a cursor can never skip a change (pouchdb#1240).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, ClassVar, cast

from sqlalchemy import BigInteger, Index, Integer, MetaData, String, Table, Text, text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from gn_hq.db.types import UTCDateTime

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: ClassVar[dict[Any, Any]] = {datetime: UTCDateTime()}


class ServerMeta(Base):
    """The single row of HQ-wide state: the epoch (changes when HQ's data went back) and the last sequence number."""

    __tablename__ = "server_meta"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    epoch: Mapped[str] = mapped_column(String(36))
    last_seq: Mapped[int] = mapped_column(BigInteger)
    created_at: Mapped[datetime]
    epoch_changed_at: Mapped[datetime]
    epoch_reason: Mapped[str] = mapped_column(String(200))


class Record(Base):
    """The current state of one synced record (or its tombstone), with what HQ needs to merge, scope and count it."""

    __tablename__ = "record"
    # Few indexes: every push rewrites the rows it touches, and each index is one more write per row.
    __table_args__ = (
        Index(
            "ix_record_natural_key",
            "entity",
            "natural_key",
            postgresql_where=text("natural_key IS NOT NULL"),
            sqlite_where=text("natural_key IS NOT NULL"),
        ),
    )

    # The key starts with the id (a UUID): a batch's records are found with one `record_id IN (…)` index scan.
    record_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    entity: Mapped[str] = mapped_column(String(40), primary_key=True)
    #: the person the record belongs to (the record itself for a person); None for data every campus receives
    person_id: Mapped[str | None] = mapped_column(String(64), index=True)
    #: the record's fields as compact JSON text; fields equal to None are left out
    data: Mapped[str] = mapped_column(Text)
    #: each field's last writer (gn_core.merge.Writer), as compact JSON (see services/records.py)
    field_meta: Mapped[str] = mapped_column(Text)
    version: Mapped[int] = mapped_column(Integer)
    #: the greatest clock stamp among the record's writers: a campus observes it so its next edits stamp later
    hlc: Mapped[str | None] = mapped_column(String(100))
    server_seq: Mapped[int] = mapped_column(BigInteger, unique=True)
    deleted: Mapped[bool]
    erased: Mapped[bool]
    updated_at: Mapped[datetime]
    # Extracted for indicators and uniqueness (only set where meaningful).
    #: a person's owning campus; for a record linked to a person, the campus that followed the person when the
    #: record was written (access only grows, so that campus still receives it: the pull checks this first)
    campus_id: Mapped[str | None] = mapped_column(String(64))
    pathway_step: Mapped[str | None] = mapped_column(String(40))
    situation: Mapped[str | None] = mapped_column(String(40))
    gender: Mapped[str | None] = mapped_column(String(20))
    birth_date: Mapped[str | None] = mapped_column(String(10))
    natural_key: Mapped[str | None] = mapped_column(String(200))  # campus code, user name


class PersonAccess(Base):
    """Which campuses receive a person: the one that enrolled them, and those they were shared with or moved to."""

    __tablename__ = "person_access"

    # Key (campus, person): the pull's "does this campus follow this person?" probe is one lookup in it.
    campus_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    person_id: Mapped[str] = mapped_column(String(64), primary_key=True, index=True)
    reason: Mapped[str] = mapped_column(String(16))  # owner | shared | transfer
    granted_at: Mapped[datetime]


class Device(Base):
    """An enrolled campus installation. Its token is stored hashed; `last_device_seq` is the idempotency mark."""

    __tablename__ = "device"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    campus_id: Mapped[str] = mapped_column(String(64), index=True)
    name: Mapped[str] = mapped_column(String(200))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    last_device_seq: Mapped[int] = mapped_column(BigInteger, default=0)
    enrolled_at: Mapped[datetime]
    last_seen_at: Mapped[datetime | None]
    revoked_at: Mapped[datetime | None]
    protocol_version: Mapped[int | None]
    #: gn_core.sync_rules.DeviceRole: an advisor's PC or a kiosk
    role: Mapped[str] = mapped_column(String(16), default="campus_pc", server_default="campus_pc")
    #: a kiosk's mark in its queue tickets ("A1-012"), so two kiosks of a campus never hand out the same ticket
    ticket_prefix: Mapped[str | None] = mapped_column(String(2))


class EnrolmentCode(Base):
    """A one-time code a campus trades for a device credential; stored hashed, expires."""

    __tablename__ = "enrolment_code"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    campus_id: Mapped[str] = mapped_column(String(64))
    code_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime]
    expires_at: Mapped[datetime]
    used_at: Mapped[datetime | None]
    device_id: Mapped[str | None] = mapped_column(String(64))
    #: the role of the device the code enrols (a kiosk code enrols a kiosk)
    role: Mapped[str] = mapped_column(String(16), default="campus_pc", server_default="campus_pc")


class Conflict(Base):
    """Two concurrent writes of one field, or a delete against an update; sent to the campuses of both sides."""

    __tablename__ = "conflict"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    entity: Mapped[str] = mapped_column(String(40))
    record_id: Mapped[str] = mapped_column(String(64), index=True)
    person_id: Mapped[str | None] = mapped_column(String(64), index=True)
    kind: Mapped[str] = mapped_column(String(8))  # field | delete
    field: Mapped[str | None] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(10))  # auto | open | resolved | erased
    winner: Mapped[str] = mapped_column(String(8))  # hq | campus
    base: Mapped[str | None] = mapped_column(Text)  # JSON
    hq_value: Mapped[str | None] = mapped_column(Text)  # JSON
    hq_device_id: Mapped[str | None] = mapped_column(String(64))
    hq_campus_id: Mapped[str | None] = mapped_column(String(64), index=True)
    hq_user_id: Mapped[str | None] = mapped_column(String(64))
    hq_hlc: Mapped[str | None] = mapped_column(String(100))
    campus_value: Mapped[str | None] = mapped_column(Text)  # JSON
    campus_device_id: Mapped[str | None] = mapped_column(String(64))
    campus_campus_id: Mapped[str | None] = mapped_column(String(64), index=True)
    campus_user_id: Mapped[str | None] = mapped_column(String(64))
    campus_hlc: Mapped[str | None] = mapped_column(String(100))
    resolution: Mapped[str | None] = mapped_column(Text)  # JSON
    resolved_by_device_id: Mapped[str | None] = mapped_column(String(64))
    resolved_by_user_id: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[datetime]
    resolved_at: Mapped[datetime | None]
    server_seq: Mapped[int] = mapped_column(BigInteger, unique=True)


class Erasure(Base):
    """Proof that a person's data was erased (GDPR), or their file anonymised at the end of its retention period
    (`kind`): when, why and at whose request. Holds no personal data. A person anonymised, then erased, has both."""

    __tablename__ = "erasure"

    person_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    #: "erase" (everything removed) or "anonymise" (identity removed, statistics kept: gn_core.retention)
    kind: Mapped[str] = mapped_column(String(16), primary_key=True, default="erase", server_default="erase")
    reason: Mapped[str] = mapped_column(Text)
    requested_by_device_id: Mapped[str | None] = mapped_column(String(64))
    requested_by_user_id: Mapped[str | None] = mapped_column(String(64))
    requested_at: Mapped[datetime]
    records_erased: Mapped[int]


class SetAside(Base):
    """A record a campus PC received but could not store (an older app, a rule added later), as that PC reported it.

    Holds no value of the record, only what it is and why: HQ administrators look at these (`gn-hq set-aside list`).
    """

    __tablename__ = "set_aside"

    device_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    entity: Mapped[str] = mapped_column(String(40), primary_key=True)
    record_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    campus_id: Mapped[str] = mapped_column(String(64), index=True)
    version: Mapped[int] = mapped_column(BigInteger)
    reason: Mapped[str] = mapped_column(String(500))
    app_version: Mapped[str] = mapped_column(String(40))
    reported_at: Mapped[datetime]


class AppointmentSlot(Base):
    """When and where each live appointment is: what a kiosk's check-in index is drawn from (one query by campus and
    time, instead of reading every appointment). Kept by the record store on every appointment write."""

    __tablename__ = "appointment_slot"
    __table_args__ = (Index("ix_appointment_slot_campus_starts", "campus_id", "starts_at"),)

    appointment_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    campus_id: Mapped[str] = mapped_column(String(64))
    starts_at: Mapped[str] = mapped_column(String(40))  # ISO 8601, UTC


class CampusKey(Base):
    """The secret a campus's kiosks hash check-in codes and names with (HMAC): an index copied off a kiosk cannot be
    matched against another campus's, nor read without it."""

    __tablename__ = "campus_key"

    campus_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    key: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[datetime]


class PersonMatch(Base):
    """What duplicate detection compares a live person by (gn_core.domain.likeness.MatchKeys), one row per person,
    kept up to date from the feed by the detector (services/duplicates.py, `absorb`), not by the pushes. Each column
    is a blocking key: a person is only scored against those sharing its name key, birth date, phone or e-mail, so
    detection stays fast at 500,000 people."""

    __tablename__ = "person_match"
    # birth date first: its block is the largest, and the query reading it needs only these columns (index-only)
    __table_args__ = (Index("ix_person_match_birth_name", "birth_date", "name_key", "person_id"),)

    person_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    campus_id: Mapped[str | None] = mapped_column(String(64))
    name_key: Mapped[str] = mapped_column(String(400), index=True)
    birth_date: Mapped[str | None] = mapped_column(String(10))
    phone: Mapped[str | None] = mapped_column(String(20), index=True)
    email: Mapped[str | None] = mapped_column(String(254), index=True)


class PersonMatchPending(Base):
    """People whose comparison keys changed and who are still to be compared with everyone. Queued by the detector
    when it reads the change from the feed (services/duplicates.py, `absorb`, in the transaction that moves its
    cursor); compared after (`detect_pending`), so a crash between the two loses no comparison. `queued_seq` (the
    person record's `server_seq`) tells a comparison made before a newer change of the person from one made after."""

    __tablename__ = "person_match_pending"

    person_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    queued_seq: Mapped[int] = mapped_column(BigInteger)


class PersonMatchCursor(Base):
    """How far duplicate detection has read the feed (services/duplicates.py, `absorb`): every person record written
    with a `server_seq` above `last_seq` still has its `person_match` row to bring up to date. One row (id 1), none
    before the first round (read as 0: the first round reads every person)."""

    __tablename__ = "person_match_cursor"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    last_seq: Mapped[int] = mapped_column(BigInteger)


class DuplicatePair(Base):
    """Two person files that are likely one person, found at HQ, and what was decided: `open` (to review),
    `different` (judged two people: never proposed again) or `merged`. `person_a` < `person_b`. Holds no personal
    data: the review reads the people's records."""

    __tablename__ = "duplicate_pair"

    person_a: Mapped[str] = mapped_column(String(64), primary_key=True)
    person_b: Mapped[str] = mapped_column(String(64), primary_key=True, index=True)
    score: Mapped[int] = mapped_column(Integer)
    reasons: Mapped[str] = mapped_column(String(100))  # comma-separated gn_core.domain.likeness reasons
    status: Mapped[str] = mapped_column(String(10), index=True)  # open | different | merged
    found_at: Mapped[datetime]
    decided_at: Mapped[datetime | None]
    decided_by: Mapped[str | None] = mapped_column(String(200))


class PersonRedirect(Base):
    """A person file merged into another (a duplicate): what HQ does with a change still naming it (a PC that had
    not heard of the merge): the change lands on the survivor. The merged record itself stays, with `merged_into`."""

    __tablename__ = "person_redirect"

    person_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    survivor_id: Mapped[str] = mapped_column(String(64), index=True)
    merged_at: Mapped[datetime]
    decided_by: Mapped[str | None] = mapped_column(String(200))


class ConsoleSession(Base):
    """A signed-in session of HQ's web console (gn_hq.services.console_sessions): the SHA-256 of the cookie's token,
    never the token itself; shared by every HQ worker."""

    __tablename__ = "console_session"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[str] = mapped_column(String(64), index=True)
    csrf: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime]
    last_seen_at: Mapped[datetime]
    #: messages for the next page shown, as JSON [[kind, text], …]
    flash: Mapped[str] = mapped_column(Text)


class MoveRequest(Base):
    """A campus's request that the campus following a person share their file with it or transfer it there
    (gn_hq.services.move_requests), found by a lookup at intake. Names the person by id only; deleted when the person
    is erased or anonymised."""

    __tablename__ = "move_request"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    person_id: Mapped[str] = mapped_column(String(64), index=True)
    from_campus_id: Mapped[str] = mapped_column(String(64), index=True)  # the asking campus
    to_campus_id: Mapped[str] = mapped_column(String(64), index=True)  # the campus following the person
    kind: Mapped[str] = mapped_column(String(10))  # share | transfer
    status: Mapped[str] = mapped_column(String(10))  # pending | accepted | declined
    requested_at: Mapped[datetime]
    expires_at: Mapped[datetime]
    requested_by_device_id: Mapped[str] = mapped_column(String(64))
    requested_by_user_id: Mapped[str | None] = mapped_column(String(64))
    decided_at: Mapped[datetime | None]
    decided_by_device_id: Mapped[str | None] = mapped_column(String(64))
    decided_by_user_id: Mapped[str | None] = mapped_column(String(64))


class HqKey(Base):
    """A secret HQ draws once and keeps (by purpose): `lookup` signs and seals the match tokens of person lookups."""

    __tablename__ = "hq_key"

    purpose: Mapped[str] = mapped_column(String(40), primary_key=True)
    key: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[datetime]


class SignInThrottle(Base):
    """Failed password sign-ins, per account name and per client address (`account:NAME`, `address:IP`), shared by
    every HQ process so that `--workers N` does not loosen the limit N times (services/throttle.py). Times are wall
    clock seconds. Holds no password and no account id: a name tried, even one that does not exist."""

    __tablename__ = "sign_in_throttle"
    __table_args__ = (Index("ix_sign_in_throttle_last_failure", "last_failure"),)

    key: Mapped[str] = mapped_column(String(320), primary_key=True)
    failures: Mapped[int] = mapped_column(Integer)
    last_failure: Mapped[float]
    blocked_until: Mapped[float]


class LookupThrottle(Base):
    """The token bucket of each device's person lookups (services/throttle.py, `LookupLimiter`), shared by every HQ
    process so that `--workers N` does not let a device look up N times as fast: the tokens it held at `counted_at`
    (wall clock seconds). A row not written for an hour is a full bucket, and is deleted."""

    __tablename__ = "lookup_throttle"
    __table_args__ = (Index("ix_lookup_throttle_counted_at", "counted_at"),)

    device_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    tokens: Mapped[float]
    counted_at: Mapped[float]


record_table = cast(Table, Record.__table__)
person_access_table = cast(Table, PersonAccess.__table__)
device_table = cast(Table, Device.__table__)
enrolment_code_table = cast(Table, EnrolmentCode.__table__)
conflict_table = cast(Table, Conflict.__table__)
erasure_table = cast(Table, Erasure.__table__)
server_meta_table = cast(Table, ServerMeta.__table__)
set_aside_table = cast(Table, SetAside.__table__)
appointment_slot_table = cast(Table, AppointmentSlot.__table__)
campus_key_table = cast(Table, CampusKey.__table__)
person_match_table = cast(Table, PersonMatch.__table__)
person_match_pending_table = cast(Table, PersonMatchPending.__table__)
person_match_cursor_table = cast(Table, PersonMatchCursor.__table__)
duplicate_pair_table = cast(Table, DuplicatePair.__table__)
person_redirect_table = cast(Table, PersonRedirect.__table__)
console_session_table = cast(Table, ConsoleSession.__table__)
move_request_table = cast(Table, MoveRequest.__table__)
hq_key_table = cast(Table, HqKey.__table__)
sign_in_throttle_table = cast(Table, SignInThrottle.__table__)
lookup_throttle_table = cast(Table, LookupThrottle.__table__)
