"""Everything a person's file shows, in one read: the header and pathway, notes, appointments, referrals, history,
the sessions and offers the person can be referred to, their fields to correct (with the record's version), their
consents, and their RQTH decision for the roles allowed to read it.

Plain data out (no Qt): the view formats and translates. Read-only; runs on the task runner's worker thread.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from gn_core.domain.permissions import can_read_sensitive
from gn_desktop.services import consents, followup, intake, partners, referrals, rqth
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
        today,
        intake.editable_person(uow, person_id),
        consents.consents_of(uow, person_id),
        rqth.rqth_of(uow, person_id) if can_read_sensitive(acting_role(uow)) else None,
    )
