"""What the kiosk needs to print a queue ticket: the printer chosen for this machine and the name of its campus.

Nothing about anyone: the ticket itself comes from the check-in or the pre-registration (`services.kiosk`).
"""

from __future__ import annotations

from dataclasses import dataclass

from gn_desktop.services import kiosk
from gn_desktop.store import models as m
from gn_desktop.store.uow import UnitOfWork


@dataclass(frozen=True, slots=True)
class TicketPrinting:
    """The printer to print on (None: the kiosk prints nothing) and the campus named on the ticket."""

    printer: str | None
    campus_name: str


def ticket_printing(uow: UnitOfWork) -> TicketPrinting:
    campus = uow.session.get(m.Campus, uow.campus_id) if uow.campus_id else None
    return TicketPrinting(kiosk.printer_name(uow), campus.name if campus is not None else "")
