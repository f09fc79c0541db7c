"""The conflicts inbox: conflicts received from HQ, and the advisor's decisions (sent at the next sync)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, date, datetime
from enum import Enum as PyEnum
from typing import Any

from sqlalchemy import Date, Enum, func, select
from sqlalchemy import inspect as sa_inspect

from gn_core.domain import validation
from gn_core.domain.enums import UserRole
from gn_core.domain.errors import KnownError, NotFound
from gn_core.domain.permissions import can_read_restricted_note, can_read_sensitive
from gn_core.hlc import Stamp
from gn_desktop.services.common import acting_role, today
from gn_desktop.store import models as m
from gn_desktop.store.codec import wire
from gn_desktop.store.uow import UnitOfWork


@dataclass(frozen=True, slots=True)
class ConflictView:
    id: str
    entity: str
    record_id: str
    person_id: str | None
    kind: str
    field: str | None
    status: str
    base: Any
    mine: Any
    theirs: Any
    mine_by: str | None
    theirs_by: str | None
    theirs_campus: str | None
    mine_at: str | None
    theirs_at: str | None
    winner: str
    created_at: str
    pending_choice: str | None

    def as_dict(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in self.__slots__}


def _my_side(notice: dict[str, Any], campus_id: str | None) -> str:
    """Which side of the notice is this campus: "campus" unless HQ's side was written here."""
    if notice["hq"].get("campus_id") == campus_id and notice["campus"].get("campus_id") != campus_id:
        return "hq"
    return "campus"


def _view(row: m.SyncConflict, campus_id: str | None) -> ConflictView:
    n = row.notice
    mine_key = _my_side(n, campus_id)
    other_key = "hq" if mine_key == "campus" else "campus"
    mine, other = n[mine_key], n[other_key]
    return ConflictView(
        id=row.id,
        entity=row.entity,
        record_id=row.record_id,
        person_id=row.person_id,
        kind=row.kind,
        field=row.field,
        status=row.status,
        base=n.get("base"),
        mine=mine.get("value"),
        theirs=other.get("value"),
        mine_by=mine.get("user_id"),
        theirs_by=other.get("user_id"),
        theirs_campus=other.get("campus_id"),
        mine_at=mine.get("hlc"),
        theirs_at=other.get("hlc"),
        winner="mine" if n.get("winner") == mine_key else "theirs",
        created_at=n.get("created_at", ""),
        pending_choice=row.pending_choice,
    )


def list_conflicts(uow: UnitOfWork, *, open_only: bool = False) -> list[ConflictView]:
    q = select(m.SyncConflict).order_by(m.SyncConflict.seq)
    if open_only:
        q = q.where(m.SyncConflict.status == "open")
    return [_view(row, uow.campus_id) for row in uow.session.scalars(q)]


def open_count(uow: UnitOfWork) -> int:
    return len(list_conflicts(uow, open_only=True))


def resolve(uow: UnitOfWork, conflict_id: str, take: str, value: Any = None) -> ConflictView:
    """Record the advisor's decision: take "mine", "theirs", or a typed value (`take="value"`). Sent at next sync."""
    row = uow.session.get(m.SyncConflict, conflict_id)
    if row is None:
        raise NotFound(f"Conflit « {conflict_id} » introuvable.")
    if row.status != "open":
        raise KnownError("Ce conflit est déjà réglé : il n'y a plus rien à décider.")
    mine_key = _my_side(row.notice, uow.campus_id)
    other_key = "hq" if mine_key == "campus" else "campus"
    if row.kind == "delete":
        if take not in ("mine", "theirs"):
            raise KnownError("Pour une suppression, choisissez « mine » (ma version) ou « theirs » (l'autre campus).")
        side = row.notice[mine_key if take == "mine" else other_key]
        choice = "delete" if side.get("value") is None else "keep"
        row.pending_choice, row.pending_value = choice, None
    elif take == "mine":
        row.pending_choice, row.pending_value = mine_key, None
    elif take == "theirs":
        row.pending_choice, row.pending_value = other_key, None
    else:
        row.pending_choice, row.pending_value = "value", value
    uow.flush()
    return _view(row, uow.campus_id)


# -- the inbox, as the advisor window shows it -------------------------------------------------------------------

#: an "auto" conflict (a non-protected field changed on two campuses: HQ kept the most recent value) is shown until an
#: advisor of this campus has looked at it; "seen" is this campus's own mark and is never sent to HQ
TO_REVIEW = ("open", "auto")
SEEN = "seen"


@dataclass(frozen=True, slots=True)
class InboxItem:
    """An open conflict waiting for this campus's decision, with names instead of ids.

    `hidden`: the signed-in user may not read this record (disability recognition, a restricted note): the values are
    withheld (None) and only an allowed colleague can decide.
    `automatic`: HQ already applied the most recent value (`kept` says whose: "mine" or "theirs"); the advisor checks
    it, keeps it, or restores the other one (a normal edit, synced like any other).
    """

    id: str
    entity: str
    field: str | None
    kind: str
    person_id: str | None
    person_name: str | None
    base: Any
    mine: Any
    theirs: Any
    hidden: bool
    mine_by: str | None
    theirs_by: str | None
    theirs_campus: str | None
    mine_at: datetime | None
    theirs_at: datetime | None
    automatic: bool = False
    kept: str | None = None


@dataclass(frozen=True, slots=True)
class Inbox:
    items: list[InboxItem]
    #: decisions taken here that HQ has not received yet
    waiting: int


def _stamp_time(stamp: str | None) -> datetime | None:
    if not stamp:
        return None
    try:
        return datetime.fromtimestamp(Stamp.parse(stamp).wall_ms / 1000, UTC)
    except ValueError:
        return None


def _may_read(uow: UnitOfWork, entity: str, record_id: str, role: UserRole | None) -> bool:
    if entity == "rqth_decision":
        return can_read_sensitive(role)
    if entity == "note":
        note = uow.session.get(m.Note, record_id)
        return note is None or not note.restricted or can_read_restricted_note(role, uow.user_id, note.author_id)
    return True


def inbox(uow: UnitOfWork) -> Inbox:
    """The conflicts waiting for a decision here (oldest first), values withheld where the user may not read them."""
    role = acting_role(uow)
    users = dict(uow.session.execute(select(m.User.id, m.User.display_name)).all())
    campuses = dict(uow.session.execute(select(m.Campus.id, m.Campus.name)).all())
    rows = list(
        uow.session.scalars(
            select(m.SyncConflict)
            .where(m.SyncConflict.status.in_(TO_REVIEW), m.SyncConflict.pending_choice.is_(None))
            .order_by(m.SyncConflict.seq)
        )
    )
    person_ids = {r.person_id for r in rows if r.person_id}
    people = {
        pid: f"{first} {last}"
        for pid, first, last in uow.session.execute(
            select(m.Person.id, m.Person.first_name, m.Person.last_name).where(m.Person.id.in_(person_ids))
        )
    }
    items = []
    for row in rows:
        v = _view(row, uow.campus_id)
        hidden = not _may_read(uow, v.entity, v.record_id, role)
        items.append(
            InboxItem(
                id=v.id,
                entity=v.entity,
                field=v.field,
                kind=v.kind,
                person_id=v.person_id,
                person_name=people.get(v.person_id or ""),
                base=None if hidden else v.base,
                mine=None if hidden else v.mine,
                theirs=None if hidden else v.theirs,
                hidden=hidden,
                mine_by=users.get(v.mine_by or ""),
                theirs_by=users.get(v.theirs_by or ""),
                theirs_campus=campuses.get(v.theirs_campus or ""),
                mine_at=_stamp_time(v.mine_at),
                theirs_at=_stamp_time(v.theirs_at),
                automatic=row.status == "auto",
                kept=v.winner if row.status == "auto" else None,
            )
        )
    waiting = uow.session.scalar(
        select(func.count()).select_from(m.SyncConflict).where(m.SyncConflict.pending_choice.is_not(None))
    )
    return Inbox(items, int(waiting or 0))


def typed_value(item_mine: Any, item_theirs: Any, text: str) -> Any:
    """The value an advisor typed, in the type of the values in conflict: text stays text (a phone number is not a
    number); for numbers, yes/no and lists the text is read as JSON. Empty means no value."""
    text = text.strip()
    if text == "":
        return None
    samples = [v for v in (item_mine, item_theirs) if v is not None]
    if not samples or any(isinstance(v, str) for v in samples):
        return text
    try:
        return json.loads(text)
    except ValueError:
        raise KnownError(
            "Cette valeur n'a pas la bonne forme : reprenez celle d'un des deux côtés et modifiez-la."
        ) from None


#: typed values of these fields go through the same checks as the forms (E.164 phone, lower-case email…)
_FIELD_CHECKS: dict[str, Any] = {
    "phone": validation.check_phone,
    "email": validation.check_email,
    "france_travail_id": validation.check_france_travail_id,
    "siret": validation.check_siret,
}
_REQUIRED = {"first_name": "Prénom", "last_name": "Nom"}


def checked_value(entity: str, field: str | None, value: Any, on: date) -> Any:
    """A typed value checked and normalised like the forms would: a typed value must not smuggle in what a form
    refuses (a malformed phone, a date in the wrong format, an unknown code). Raises `InvalidInput` in French."""
    model = m.MODEL_BY_ENTITY.get(entity)
    if field is None or model is None or not isinstance(value, str | type(None)):
        return value
    if field in _REQUIRED:
        return validation.check_required(value, field, _REQUIRED[field])
    if field in _FIELD_CHECKS:
        return _FIELD_CHECKS[field](value, field)
    column = sa_inspect(model).columns.get(field)
    if column is None:
        return value
    if isinstance(column.type, Date):
        parsed = validation.parse_date(value, field, "Date")
        if field == "birth_date":
            validation.check_birth_date(parsed, on, field)
        return parsed.isoformat() if parsed else None
    if isinstance(column.type, Enum) and value is not None and value not in column.type.enums:
        raise KnownError(f"« {value} » n'est pas une valeur possible ici : choisissez la valeur d'un des deux côtés.")
    return value


def decide(uow: UnitOfWork, conflict_id: str, take: str, typed: str | None = None) -> ConflictView:
    """The advisor's decision from the inbox: "mine", "theirs", or `take="value"` with the text they typed.

    Refused when the signed-in user may not read the record (they cannot judge values they cannot see)."""
    row = uow.session.get(m.SyncConflict, conflict_id)
    if row is None:
        raise NotFound(f"Conflit « {conflict_id} » introuvable.")
    if not _may_read(uow, row.entity, row.record_id, acting_role(uow)):
        raise KnownError(
            "Ce conflit porte sur une donnée que votre rôle ne permet pas de lire : un responsable de campus doit le "
            "régler."
        )
    if take == "value":
        view = _view(row, uow.campus_id)
        value = checked_value(row.entity, row.field, typed_value(view.mine, view.theirs, typed or ""), today())
    if row.status == "auto":
        return _review_automatic(uow, row, take, value if take == "value" else None)
    if take == "value":
        return resolve(uow, conflict_id, "value", value)
    return resolve(uow, conflict_id, take)


def _review_automatic(uow: UnitOfWork, row: m.SyncConflict, take: str, typed: Any) -> ConflictView:
    """An automatic conflict checked by an advisor: when the value they choose is not the one HQ kept, it is written
    here as an ordinary edit (captured in the change log, so it reaches HQ and every campus), then the conflict is
    marked seen."""
    view = _view(row, uow.campus_id)
    wanted = {"mine": view.mine, "theirs": view.theirs, "value": typed}.get(take)
    if take not in ("mine", "theirs", "value"):
        raise KnownError("Choix invalide : « mine », « theirs » ou une valeur.")
    model = m.MODEL_BY_ENTITY.get(row.entity)
    record = uow.session.get(model, row.record_id) if model is not None and row.field else None
    kept = view.mine if view.winner == "mine" else view.theirs
    if (record is None or row.field is None) and wanted != kept:
        raise KnownError("Cette fiche n'est plus sur ce campus : elle ne peut pas être corrigée d'ici.")
    if record is not None and row.field is not None and wire(getattr(record, row.field)) != wanted:
        setattr(record, row.field, _from_wire(model, row.field, wanted))
    row.status = SEEN
    uow.flush()
    return _view(row, uow.campus_id)


def _from_wire(model: Any, field: str, value: Any) -> Any:
    """A JSON value (ISO dates and datetimes, enum values) in the Python type of the model's column."""
    if value is None:
        return None
    try:
        python_type = sa_inspect(model).columns[field].type.python_type
    except NotImplementedError:  # JSON lists and other types stored as they travel
        return value
    if python_type is datetime:
        return datetime.fromisoformat(value)
    if python_type is date:
        return date.fromisoformat(value)
    if isinstance(python_type, type) and issubclass(python_type, PyEnum):
        return python_type(value)
    return value
