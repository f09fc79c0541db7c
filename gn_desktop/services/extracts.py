"""Extracts for campus managers: people, referrals, events with attendance, startups or outcomes over a period, as
CSV (Excel in France: UTF-8 with BOM, semicolons, dd/mm/yyyy) or an .xlsx workbook (real dates).

What each holds, and the date the period applies to (both bounds included; no bound, everything):

- people: `exporting.SHEET_COLUMNS` (re-importable), enrolment date;
- referrals: the person, the session (programme, training organisation, dates) or job offer (employer, contract),
  status and dates; referral date;
- events: one row per registration (the person and their attendance), and a row for an event nobody registered for;
  the event's start date;
- startups: name, stage, founder, SIRET, ZFU, sector, mentor; creation date (startups without one only without a
  period);
- outcomes: the moves to an outcome step (hired, business created, other exit) with their details; their date.

Never in an extract: free-text comments and notes, anything about an RQTH decision (those tables are not read).
The file is written beside its destination and moved onto it once complete (`exporting._replacing`): never a
half-written file, and nothing at all when cancelled (`progress.Cancelled`). Every extract is recorded in the audit
trail in the caller's unit of work.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from pathlib import Path
from typing import Any

from sqlalchemy import ColumnElement, Select, func, select
from sqlalchemy.orm import aliased

from gn_core.domain import enums as e
from gn_core.domain.enums import AuditAction
from gn_core.domain.errors import KnownError
from gn_core.domain.labels import label
from gn_desktop.services import audit
from gn_desktop.services.exporting import SHEET_COLUMNS, _csv_cell, _people_query, _replacing
from gn_desktop.services.progress import SILENT, Cancelled, Phase, Progress
from gn_desktop.store import models as m
from gn_desktop.store.uow import UnitOfWork


class What(StrEnum):
    PEOPLE = "people"
    REFERRALS = "referrals"
    EVENTS = "events"
    STARTUPS = "startups"
    OUTCOMES = "outcomes"


FORMATS = ("csv", "xlsx")
#: French name of each extract (file names, sheet titles, messages)
TITLES = {
    What.PEOPLE: "Personnes",
    What.REFERRALS: "Orientations",
    What.EVENTS: "Événements",
    What.STARTUPS: "Startups",
    What.OUTCOMES: "Sorties",
}
OUTCOME_STEPS = (e.PathwayStep.OUTCOME_HIRED, e.PathwayStep.OUTCOME_BUSINESS, e.PathwayStep.OUTCOME_OTHER_EXIT)
_BATCH = 1000
_STEP = 500

Row = dict[str, Any]
Column = tuple[str, Callable[[Row], Any]]


def _lbl(value: StrEnum | None) -> str:
    return label(value, "fr") if value is not None else ""


def _day(value: datetime | None) -> date | None:
    """The day of a stored (UTC) moment, on this machine's clock."""
    return value.astimezone().date() if value is not None else None


def _hour(value: datetime | None) -> str:
    return f"{value.astimezone():%H:%M}" if value is not None else ""


def _between(column: Any, since: date | None, until: date | None, *, moment: bool = False) -> list[ColumnElement[bool]]:
    """The period's conditions on a date column (or a UTC timestamp column, `moment`)."""
    if moment:
        low = datetime.combine(since, time(), UTC) if since else None
        high = datetime.combine(until + timedelta(days=1), time(), UTC) if until else None
        return [c for c in (column >= low if low else None, column < high if high else None) if c is not None]
    return [c for c in (column >= since if since else None, column <= until if until else None) if c is not None]


# --- What each extract reads ---------------------------------------------------------------------------------------


def _referrals(since: date | None, until: date | None) -> tuple[Select[*tuple[Any, ...]], list[Column]]:
    trainer = aliased(m.Partner)
    employer = aliased(m.Partner)
    stmt = (
        select(
            m.Referral.id,
            m.Referral.person_id,
            m.Person.first_name,
            m.Person.last_name,
            m.Campus.code.label("campus_code"),
            m.Referral.referred_on,
            m.Referral.status,
            m.Referral.decided_on,
            m.Programme.title.label("programme"),
            trainer.name.label("trainer"),
            m.ProgrammeSession.starts_on,
            m.ProgrammeSession.ends_on,
            m.JobOffer.title.label("offer"),
            employer.name.label("employer"),
            m.JobOffer.contract_type,
        )
        .join(m.Person, m.Person.id == m.Referral.person_id)
        .join(m.Campus, m.Campus.id == m.Person.campus_id)
        .outerjoin(m.ProgrammeSession, m.ProgrammeSession.id == m.Referral.programme_session_id)
        .outerjoin(m.Programme, m.Programme.id == m.ProgrammeSession.programme_id)
        .outerjoin(trainer, trainer.id == m.Programme.partner_id)
        .outerjoin(m.JobOffer, m.JobOffer.id == m.Referral.job_offer_id)
        .outerjoin(employer, employer.id == m.JobOffer.partner_id)
        .where(*_between(m.Referral.referred_on, since, until))
        .order_by(m.Referral.referred_on, m.Referral.id)
    )
    columns: list[Column] = [
        ("Identifiant orientation", lambda r: r["id"]),
        ("Identifiant personne", lambda r: r["person_id"]),
        ("Prénom", lambda r: r["first_name"]),
        ("Nom", lambda r: r["last_name"]),
        ("Campus", lambda r: r["campus_code"]),
        ("Orienté le", lambda r: r["referred_on"]),
        ("Vers", lambda r: "Formation" if r["programme"] else "Offre d'emploi" if r["offer"] else ""),
        ("Formation", lambda r: r["programme"] or ""),
        ("Organisme de formation", lambda r: r["trainer"] or ""),
        ("Début de session", lambda r: r["starts_on"]),
        ("Fin de session", lambda r: r["ends_on"]),
        ("Offre", lambda r: r["offer"] or ""),
        ("Employeur", lambda r: r["employer"] or ""),
        ("Contrat", lambda r: _lbl(r["contract_type"])),
        ("Statut", lambda r: _lbl(r["status"])),
        ("Décidé le", lambda r: r["decided_on"]),
    ]
    return stmt, columns


def _events(since: date | None, until: date | None) -> tuple[Select[*tuple[Any, ...]], list[Column]]:
    stmt = (
        select(
            m.Event.id,
            m.Event.title,
            m.Event.kind,
            m.Event.starts_at,
            m.Event.ends_at,
            m.Event.capacity,
            m.Event.audience,
            m.Campus.code.label("campus_code"),
            m.EventRegistration.person_id,
            m.EventRegistration.status,
            m.Person.first_name,
            m.Person.last_name,
        )
        .outerjoin(m.Campus, m.Campus.id == m.Event.campus_id)
        .outerjoin(m.EventRegistration, m.EventRegistration.event_id == m.Event.id)
        .outerjoin(m.Person, m.Person.id == m.EventRegistration.person_id)
        .where(*_between(m.Event.starts_at, since, until, moment=True))
        .order_by(m.Event.starts_at, m.Event.id, m.Person.last_name, m.Person.first_name)
    )
    columns: list[Column] = [
        ("Identifiant événement", lambda r: r["id"]),
        ("Événement", lambda r: r["title"]),
        ("Type", lambda r: _lbl(r["kind"])),
        ("Date", lambda r: _day(r["starts_at"])),
        ("Début", lambda r: _hour(r["starts_at"])),
        ("Fin", lambda r: _hour(r["ends_at"])),
        ("Campus", lambda r: r["campus_code"] or "Tous"),
        ("Public", lambda r: r["audience"] or ""),
        ("Places", lambda r: r["capacity"]),
        ("Identifiant personne", lambda r: r["person_id"] or ""),
        ("Prénom", lambda r: r["first_name"] or ""),
        ("Nom", lambda r: r["last_name"] or ""),
        ("Présence", lambda r: _lbl(r["status"])),
    ]
    return stmt, columns


def _startups(since: date | None, until: date | None) -> tuple[Select[*tuple[Any, ...]], list[Column]]:
    stmt = (
        select(
            m.Startup.id,
            m.Startup.name,
            m.Startup.stage,
            m.Startup.created_on,
            m.Startup.siret,
            m.Startup.zfu_zone,
            m.Startup.job_family,
            m.Startup.mentor_name,
            m.Startup.person_id,
            m.Person.first_name,
            m.Person.last_name,
        )
        .outerjoin(m.Person, m.Person.id == m.Startup.person_id)
        .where(*_between(m.Startup.created_on, since, until))
        .order_by(m.Startup.name, m.Startup.id)
    )
    columns: list[Column] = [
        ("Identifiant startup", lambda r: r["id"]),
        ("Nom", lambda r: r["name"]),
        ("Stade", lambda r: _lbl(r["stage"])),
        ("Créée le", lambda r: r["created_on"]),
        ("SIRET", lambda r: r["siret"] or ""),
        ("Zone franche urbaine", lambda r: r["zfu_zone"] or ""),
        ("Secteur", lambda r: _lbl(r["job_family"])),
        ("Mentor", lambda r: r["mentor_name"] or ""),
        ("Identifiant fondateur", lambda r: r["person_id"] or ""),
        ("Fondateur", lambda r: " ".join(n for n in (r["first_name"], r["last_name"]) if n)),
    ]
    return stmt, columns


def _outcomes(since: date | None, until: date | None) -> tuple[Select[*tuple[Any, ...]], list[Column]]:
    stmt = (
        select(
            m.PathwayEvent.id,
            m.PathwayEvent.person_id,
            m.Person.first_name,
            m.Person.last_name,
            m.Campus.code.label("campus_code"),
            m.PathwayEvent.to_step,
            m.PathwayEvent.occurred_on,
            m.PathwayEvent.contract_type,
            m.PathwayEvent.employer_name,
            m.Partner.name.label("employer_partner"),
            m.PathwayEvent.contract_start,
            m.PathwayEvent.siret,
            m.PathwayEvent.business_created_on,
            m.PathwayEvent.exit_reason,
        )
        .join(m.Person, m.Person.id == m.PathwayEvent.person_id)
        .join(m.Campus, m.Campus.id == m.Person.campus_id)
        .outerjoin(m.Partner, m.Partner.id == m.PathwayEvent.employer_partner_id)
        .where(m.PathwayEvent.to_step.in_(OUTCOME_STEPS), *_between(m.PathwayEvent.occurred_on, since, until))
        .order_by(m.PathwayEvent.occurred_on, m.PathwayEvent.id)
    )
    columns: list[Column] = [
        ("Identifiant personne", lambda r: r["person_id"]),
        ("Prénom", lambda r: r["first_name"]),
        ("Nom", lambda r: r["last_name"]),
        ("Campus", lambda r: r["campus_code"]),
        ("Sortie", lambda r: _lbl(r["to_step"])),
        ("Date", lambda r: r["occurred_on"]),
        ("Contrat", lambda r: _lbl(r["contract_type"])),
        ("Employeur", lambda r: r["employer_partner"] or r["employer_name"] or ""),
        ("Début du contrat", lambda r: r["contract_start"]),
        ("SIRET", lambda r: r["siret"] or ""),
        ("Entreprise créée le", lambda r: r["business_created_on"]),
        ("Motif de sortie", lambda r: _lbl(r["exit_reason"])),
    ]
    return stmt, columns


def _people(since: date | None, until: date | None) -> tuple[Select[*tuple[Any, ...]], list[Column]]:
    stmt = _people_query().where(*_between(m.Person.enrolled_on, since, until))
    return stmt, list(SHEET_COLUMNS)


_QUERIES: dict[What, Callable[[date | None, date | None], tuple[Select[*tuple[Any, ...]], list[Column]]]] = {
    What.PEOPLE: _people,
    What.REFERRALS: _referrals,
    What.EVENTS: _events,
    What.STARTUPS: _startups,
    What.OUTCOMES: _outcomes,
}


# --- Writing -------------------------------------------------------------------------------------------------------


def _rows(uow: UnitOfWork, stmt: Select[*tuple[Any, ...]], total: int, progress: Progress) -> Iterator[Row]:
    done = 0
    for row in uow.session.execute(stmt.execution_options(yield_per=_BATCH)):
        if done % _STEP == 0:
            progress.step(Phase.WRITE, done, total)
        done += 1
        yield dict(row._mapping)
    progress.step(Phase.WRITE, done, total)


def _write_csv(out: Path, columns: Sequence[Column], rows: Iterator[Row]) -> int:
    count = 0
    with _replacing(out) as tmp, tmp.open("w", encoding="utf-8-sig", newline="") as f:
        writer = csv.writer(f, delimiter=";", lineterminator="\r\n")
        writer.writerow([header for header, _ in columns])
        for row in rows:
            writer.writerow([_csv_cell(get(row)) for _, get in columns])
            count += 1
    return count


def _write_xlsx(out: Path, title: str, columns: Sequence[Column], rows: Iterator[Row]) -> int:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    wb = Workbook(write_only=True)
    ws = wb.create_sheet(title)
    ws.freeze_panes = "A2"
    bold = Font(bold=True)
    header = []
    for name, _ in columns:
        cell = WriteOnlyCell(ws, value=name)
        cell.font = bold
        header.append(cell)
    ws.append(header)
    count = 0
    for row in rows:
        cells: list[Any] = []
        for _, get in columns:
            value = get(row)
            if value == "":
                value = None
            elif isinstance(value, date):
                cell = WriteOnlyCell(ws, value=datetime.combine(value, time()))
                cell.number_format = "DD/MM/YYYY"
                value = cell
            elif isinstance(value, str) and value.startswith("="):
                cell = WriteOnlyCell(ws, value=value)
                cell.data_type = "s"  # text, never a formula
                value = cell
            cells.append(value)
        ws.append(cells)
        count += 1
    with _replacing(out) as tmp:
        wb.save(tmp)
    return count


def export(
    uow: UnitOfWork,
    what: What | str,
    fmt: str,
    out: Path,
    *,
    since: date | None = None,
    until: date | None = None,
    progress: Progress = SILENT,
) -> int:
    """Write the extract `what` over the period [since, until] to the file `out` as csv or xlsx; returns its rows.

    The file appears complete or not at all. Recorded in the audit trail in `uow` (the caller commits). Raises
    `Cancelled` when `progress` says so (no file written)."""
    try:
        kind = What(what)
    except ValueError:
        choices = ", ".join(w.value for w in What)
        raise KnownError(f"Extraction « {what} » inconnue : choisissez {choices}.") from None
    fmt = fmt.lower()
    if fmt not in FORMATS:
        raise KnownError(f"Format d'extraction « {fmt} » inconnu : choisissez csv ou xlsx.")
    if since is not None and until is not None and since > until:
        raise KnownError(
            f"Période : le début ({since:%d/%m/%Y}) est après la fin ({until:%d/%m/%Y}). Inversez les deux dates."
        )
    stmt, columns = _QUERIES[kind](since, until)
    total = uow.session.scalar(select(func.count()).select_from(stmt.order_by(None).subquery())) or 0
    rows = _rows(uow, stmt, total, progress)
    try:
        progress.step(Phase.READ, 0, total)
        count = _write_csv(out, columns, rows) if fmt == "csv" else _write_xlsx(out, TITLES[kind], columns, rows)
    except Cancelled:
        raise Cancelled("Extraction annulée : aucun fichier n'a été écrit.") from None
    period = f" from={since.isoformat() if since else ''} to={until.isoformat() if until else ''}"
    audit.record(uow, AuditAction.PEOPLE_EXPORT, detail=f"what={kind.value} format={fmt} rows={count}{period}")
    return count
