"""The right of access (GDPR art. 15): a person's complete file, for them — every record of theirs and every entry of
its history, sensitive data included (their RQTH decision, restricted notes: it is their data).

Because it holds every restricted note and the RQTH decision, only a role that may read both exports it
(`gn_core.domain.permissions.ACCESS_EXPORT_ROLES`: campus managers). `person_export` returns plain data: the records
with their values as the wire carries them (ISO dates, vocabulary values, sorted lists), the history entries, and
the names of the accounts, campuses, partners, sessions, offers and events they point to. The view writes it as JSON
(`AccessExport.document`) and as a readable French PDF.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select

from gn_core.domain.errors import PermissionDenied
from gn_core.domain.permissions import can_export_person_data
from gn_desktop.services.common import acting_role, get_or_fail
from gn_desktop.store import models as m
from gn_desktop.store.changes import data_columns
from gn_desktop.store.codec import wire
from gn_desktop.store.uow import UnitOfWork

FORMAT = "gn-person-export"
FORMAT_VERSION = 1
REFUSED = (
    "Seul un responsable de campus peut exporter les données d'une personne (elles comprennent ses données sensibles)."
)
#: record kinds that are sensitive data (shown apart in the PDF); restricted notes are too
SENSITIVE_ENTITIES = ("rqth_decision",)

#: what names a record another one points to (accounts, campuses, the catalogue)
_NAMED: tuple[tuple[type[m.Synced], str], ...] = (
    (m.User, "display_name"),
    (m.Campus, "name"),
    (m.Partner, "name"),
    (m.Programme, "title"),
    (m.JobOffer, "title"),
    (m.Event, "title"),
)


@dataclass(frozen=True, slots=True)
class AccessExport:
    """A person's complete file. `records`: entity → records (wire values, with `id`, `created_at`, `updated_at`);
    `history`: every change, newest last; `names`: id → readable name of what the records point to."""

    person_id: str
    first_name: str
    last_name: str
    generated_at: datetime
    generated_by: str
    records: dict[str, list[dict[str, Any]]]
    history: list[dict[str, Any]]
    names: dict[str, str]

    def document(self) -> dict[str, Any]:
        """The JSON document: format, who made it and when, every record, the history, the names referred to."""
        return {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "generated_at": wire(self.generated_at),
            "generated_by": self.generated_by,
            "person_id": self.person_id,
            "records": self.records,
            "sensitive": {
                "entities": list(SENSITIVE_ENTITIES),
                "restricted_notes": [n["id"] for n in self.records.get("note", []) if n.get("restricted")],
            },
            "history": self.history,
            "names": self.names,
        }


def person_export(uow: UnitOfWork, person_id: str, now: datetime) -> AccessExport:
    """Everything this PC holds about the person; refused (PermissionDenied) to roles not allowed."""
    if not can_export_person_data(acting_role(uow)):
        raise PermissionDenied(REFUSED)
    person = get_or_fail(uow, m.Person, person_id)
    records: dict[str, list[dict[str, Any]]] = {}
    for model in m.SYNCED_MODELS:
        attr = model.__person_attr__
        if attr is None:
            continue
        rows = uow.session.scalars(
            select(model).where(getattr(model, attr) == person_id).order_by(model.created_at, model.id)
        ).all()
        if rows:
            columns = ["id", "created_at", "updated_at", *data_columns(model)]
            records[model.__tablename__] = [{c: wire(getattr(row, c)) for c in columns} for row in rows]
    entries = uow.session.scalars(
        select(m.HistoryEntry).where(m.HistoryEntry.person_id == person_id).order_by(m.HistoryEntry.hlc)
    ).all()
    history = [
        {
            "at": wire(h.at),
            "entity": h.entity,
            "record_id": h.record_id,
            "op": h.op,
            "user_id": h.user_id,
            "origin": h.origin,
            "fields": h.fields,
        }
        for h in entries
    ]
    names = _names(uow, records, history)
    me = uow.session.get(m.User, uow.user_id) if uow.user_id else None
    return AccessExport(
        person.id,
        person.first_name,
        person.last_name,
        now,
        me.display_name if me is not None else "",
        records,
        history,
        names,
    )


def _names(uow: UnitOfWork, records: dict[str, list[dict[str, Any]]], history: list[dict[str, Any]]) -> dict[str, str]:
    ids = {h["user_id"] for h in history if h["user_id"]}
    for rows in records.values():
        for row in rows:
            ids.update(v for k, v in row.items() if k.endswith("_id") and isinstance(v, str))
    names: dict[str, str] = {}
    for model, attr in _NAMED:
        for rid, name in uow.session.execute(select(model.id, getattr(model, attr)).where(model.id.in_(ids))):
            names[rid] = name
    sessions = uow.session.execute(
        select(m.ProgrammeSession.id, m.Programme.title, m.ProgrammeSession.starts_on)
        .join(m.Programme, m.Programme.id == m.ProgrammeSession.programme_id)
        .where(m.ProgrammeSession.id.in_(ids))
    )
    for rid, title, starts in sessions:
        names[rid] = f"{title} ({starts:%d/%m/%Y})"
    return names
