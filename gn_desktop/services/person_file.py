"""Everything a person's file shows, in one read: the header and pathway, notes, appointments, referrals, history,
the sessions and offers the person can be referred to, their fields to correct (with the record's version), their
consents, and their RQTH decision for the roles allowed to read it.

Plain data out (no Qt): the view formats and translates. Runs on the task runner's worker thread: `open_file` when
a file is opened (a write: it records the sensitive reads in the audit trail), `file_data` for each reload after an
edit (a read: the file is already open, nothing more to record).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time

from gn_core.domain.enums import AuditAction
from gn_core.domain.permissions import can_read_sensitive
from gn_desktop.services import audit, consents, events, followup, intake, partners, referrals, rqth, startups
from gn_desktop.services.common import acting_role
from gn_desktop.store.uow import UnitOfWork

#: how many sessions (with places left) and open offers the "Refer to" list shows
REFER_TO_LIMIT = 200


@dataclass(frozen=True, slots=True)
class FileData:
    """Everything the person's file shows."""

    file: followup.PersonFile
    notes: list[followup.NoteView]
    appointments: list[followup.AppointmentView]
    referrals: list[referrals.ReferralView]
    history: list[followup.HistoryView]
    sessions: list[partners.SessionView]
    offers: list[partners.OfferView]
    services: list[partners.PartnerView]  # employment services to refer to
    events: list[events.EventView]  # events to register the person to
    startups: list[startups.StartupRow]  # the businesses the person founded
    today: date
    editable: intake.EditablePerson
    consents: list[consents.ConsentView]
    rqth: rqth.RqthView | None  # None for the roles not allowed to read it


def file_data(uow: UnitOfWork, person_id: str, today: date) -> FileData:
    """The whole file of `person_id` on `today`: only sessions with places left are offered."""
    return FileData(
        followup.person_file(uow, person_id, today),
        followup.notes(uow, person_id),
        followup.appointments(uow, person_id),
        referrals.for_person(uow, person_id),
        followup.history(uow, person_id),
        [s for s in partners.upcoming_sessions(uow, today) if s.places_left > 0][:REFER_TO_LIMIT],
        partners.open_offers(uow, today)[:REFER_TO_LIMIT],
        partners.referral_services(uow),
        events.upcoming(uow, datetime.combine(today, time(0, 0)).astimezone()),
        startups.list_startups(uow, person_id=person_id),
        today,
        intake.editable_person(uow, person_id),
        consents.consents_of(uow, person_id),
        rqth.rqth_of(uow, person_id) if can_read_sensitive(acting_role(uow)) else None,
    )


def open_file(uow: UnitOfWork, person_id: str, today: date) -> FileData:
    """The file of `person_id` as `file_data` reads it, opened by the signed-in user: the sensitive data it shows —
    an RQTH decision, restricted notes — is recorded in the audit trail (`services.audit`), once for this opening,
    in this unit of work (the caller commits it)."""
    data = file_data(uow, person_id, today)
    record_sensitive_reads(uow, data)
    return data


def record_sensitive_reads(uow: UnitOfWork, data: FileData) -> None:
    """One audit event per kind of sensitive data the loaded file shows (none when it shows none)."""
    pid = data.file.id
    if data.file.rqth is not None or (data.rqth is not None and data.rqth.decided_on is not None):
        audit.record(uow, AuditAction.RQTH_READ, person_id=pid)  # the header's validity, the RQTH tab
    restricted = sum(1 for n in data.notes if n.restricted)
    if restricted:
        audit.record(uow, AuditAction.RESTRICTED_NOTE_READ, person_id=pid, detail=f"notes={restricted}")
