"""The conflicts inbox: conflicts received from HQ, and the advisor's decisions (sent at the next sync)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from gn_core.domain.errors import KnownError, NotFound
from gn_desktop.store import models as m
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
