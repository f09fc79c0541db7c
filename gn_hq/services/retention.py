"""Limited retention at HQ: the setting (months without contact), who is affected on a day, and the run that
anonymises them everywhere (`gn-hq retention run [--dry-run] [--today DATE]`).

The rules are gn_core.retention's (the definition of last contact, what anonymising keeps); the anonymisation itself
is `erasure.anonymise_person`, which travels to every campus PC like an erasure. The setting is an `hq_setting`
record, written by HQ only and received by every campus PC, which warns its advisors 30 days ahead.

A run works in batches of `BATCH` people, one writer transaction each, and checks each person again inside it: a
contact pushed meanwhile keeps the file. Logs hold counts only, never an id nor a name.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Connection, select

from gn_core import retention as rules
from gn_core.domain.enums import ErasureReason
from gn_core.domain.erasure import proof_text
from gn_hq.db.models import record_table as record_t
from gn_hq.services import authoring, devices, erasure, records
from gn_hq.services.context import Hq
from gn_hq.services.errors import HqError

log = logging.getLogger(__name__)

#: people anonymised per writer transaction (pushes wait for at most one batch)
BATCH = 200


@dataclass(frozen=True, slots=True)
class Affected:
    """A file past its retention period on a day: whose (opaque id), which campus, and since when."""

    person_id: str
    campus_id: str | None
    campus_code: str | None
    last_contact: date
    due_on: date


@dataclass(frozen=True, slots=True)
class RunReport:
    months: int
    today: date
    affected: list[Affected]
    anonymised: int  # files anonymised by this run (0 for a dry run)
    records: int  # records rewritten


# --- the setting ------------------------------------------------------------------------------------------------


def months(hq: Hq) -> int:
    """The retention period in months (gn_core.retention.DEFAULT_MONTHS until HQ sets another)."""
    with hq.read() as conn:
        return _months(conn)


def _months(conn: Connection) -> int:
    stored = records.load(conn, [("hq_setting", rules.SETTING_ID)]).get(("hq_setting", rules.SETTING_ID))
    value = stored.state.data.get("value") if stored is not None and not stored.state.deleted else None
    return rules.months_setting(value if isinstance(value, str) else None)


def set_months(hq: Hq, value: int) -> int:
    """Set the retention period (every campus PC receives it at its next sync); returns it."""
    if not rules.MIN_MONTHS <= value <= rules.MAX_MONTHS:
        raise HqError(
            f"Durée de conservation refusée : indiquez un nombre de mois entre {rules.MIN_MONTHS} et "
            f"{rules.MAX_MONTHS}.",
            code="invalid_value",
        )
    with hq.write() as tx:
        authoring.write_as_hq(hq, tx, "hq_setting", rules.SETTING_ID, {"value": str(value)})
    return value


# --- who is affected --------------------------------------------------------------------------------------------


def _people(conn: Connection, ids: Sequence[str] | None = None) -> list[tuple[str, dict[str, Any]]]:
    """Live people HQ holds not anonymised (all of them, or those among `ids`), with their data."""
    stmt = select(record_t.c.record_id, record_t.c.data).where(
        record_t.c.entity == "person", record_t.c.deleted.is_(False), record_t.c.erased.is_(False)
    )
    rows: list[Any] = []
    if ids is None:
        rows = list(conn.execute(stmt))
    else:
        for chunk in records.chunks(conn, list(ids)):
            rows.extend(conn.execute(stmt.where(records.id_in(conn, record_t.c.record_id, chunk))))
    out = []
    for record_id, text in rows:
        data = json.loads(text)
        if data.get("anonymised_on") is None:
            out.append((record_id, data))
    return out


def _contacts(conn: Connection, person_ids: Sequence[str]) -> dict[str, list[tuple[str, dict[str, Any]]]]:
    """The live records whose dates are contacts (gn_core.retention.CONTACT_ENTITIES), by person."""
    found: dict[str, list[tuple[str, dict[str, Any]]]] = {}
    for chunk in records.chunks(conn, list(person_ids)):
        stmt = select(record_t.c.entity, record_t.c.person_id, record_t.c.data).where(
            records.id_in(conn, record_t.c.person_id, chunk),
            record_t.c.entity.in_(rules.CONTACT_ENTITIES),
            record_t.c.deleted.is_(False),
        )
        for entity, person_id, text in conn.execute(stmt):
            found.setdefault(person_id, []).append((entity, json.loads(text)))
    return found


def _due(
    conn: Connection, people: Iterable[tuple[str, dict[str, Any]]], months_: int, today: date
) -> list[tuple[str, dict[str, Any], date]]:
    """The people among `people` whose file is past its retention period on `today`, with their last contact.

    Their own dates first (a later record can only make the last contact later): only those old enough are looked
    at further, with their records."""
    candidates = []
    for pid, data in people:
        own = rules.last_contact(data, ())
        if own is not None and rules.is_due(own, months_, today):
            candidates.append((pid, data))
    contacts = _contacts(conn, [pid for pid, _ in candidates])
    due = []
    for pid, data in candidates:
        contact = rules.last_contact(data, contacts.get(pid, ()))
        if contact is not None and rules.is_due(contact, months_, today):
            due.append((pid, data, contact))
    return due


def affected(hq: Hq, today: date) -> tuple[int, list[Affected]]:
    """The retention period, and the files past it on `today` (by campus code, then last contact)."""
    codes = {c.id: c.code for c in devices.list_campuses(hq)}
    with hq.read() as conn:
        months_ = _months(conn)
        due = _due(conn, _people(conn), months_, today)
    out = []
    for pid, data, contact in due:
        campus = data.get("campus_id") if isinstance(data.get("campus_id"), str) else None
        out.append(Affected(pid, campus, codes.get(campus or ""), contact, rules.anonymisation_day(contact, months_)))
    out.sort(key=lambda a: (a.campus_code or "", a.last_contact, a.person_id))
    return months_, out


def run(hq: Hq, today: date, *, dry_run: bool = False) -> RunReport:
    """List the files past their retention period on `today` and, unless `dry_run`, anonymise them (at HQ now, on
    every campus PC that follows them at its next sync)."""
    months_, found = affected(hq, today)
    if dry_run or not found:
        return RunReport(months_, today, found, 0, 0)
    # the proof, as an erasure's: a reason code and a reference that names nobody
    reason = proof_text(ErasureReason.END_OF_RETENTION, f"{months_} mois sans contact au {today:%d/%m/%Y}")
    changed = 0
    done: set[str] = set()
    ids = [a.person_id for a in found]
    for start in range(0, len(ids), BATCH):
        with hq.write() as tx:
            # again inside the writer transaction: a contact pushed since the listing keeps the file
            still = _due(tx.conn, _people(tx.conn, ids[start : start + BATCH]), months_, today)
            for pid, _data, _contact in still:
                changed += erasure.anonymise_person(hq, tx, pid, reason, today)
                done.add(pid)
    log.info("retention: %d files anonymised (%d records), %d months without contact", len(done), changed, months_)
    return RunReport(months_, today, [a for a in found if a.person_id in done], len(done), changed)
