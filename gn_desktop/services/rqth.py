"""Disability recognition (RQTH): the decision date and its validity only, never a diagnosis.

Sensitive data: only the roles of `gn_core.domain.permissions.SENSITIVE_DATA_ROLES` read or record it; anyone else is
refused (`PermissionDenied`), whatever screen or command asks. Recording needs the person's consent to it
(`rqth_recording`, given and not withdrawn). The checks of the dates are shared with intake (`clean_rqth`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select

from gn_core.domain import enums as e
from gn_core.domain.errors import PermissionDenied
from gn_core.domain.permissions import can_read_sensitive
from gn_core.domain.validation import Collector, check_period, parse_date
from gn_desktop.services.common import acting_role, get_or_fail
from gn_desktop.store import models as m
from gn_desktop.store.uow import UnitOfWork

CONSENT_NEEDED = "RQTH : la personne doit d'abord accepter l'enregistrement de sa RQTH."
REFUSED = "Seuls les conseillers et responsables de campus peuvent consulter ou enregistrer une RQTH."


@dataclass(slots=True)
class RqthInput:
    decided_on: str | date | None
    valid_from: str | date | None
    valid_until: str | date | None = None


@dataclass(frozen=True, slots=True)
class RqthView:
    """The person's RQTH decision (`decided_on` None: none recorded) and whether they agree to its recording."""

    decided_on: date | None
    valid_from: date | None
    valid_until: date | None  # None: permanent
    consent_given: bool


def clean_rqth(rqth: RqthInput, c: Collector) -> dict[str, Any]:
    """The decision's column values; each problem (French, field `rqth`) goes to `c`."""
    decided = c.check(lambda: parse_date(rqth.decided_on, "rqth", "Date de décision RQTH"), None)
    start = c.check(lambda: parse_date(rqth.valid_from, "rqth", "Début de validité RQTH"), None)
    end = c.check(lambda: parse_date(rqth.valid_until, "rqth", "Fin de validité RQTH"), None)
    if decided is None or start is None:
        c.add("rqth", "RQTH : indiquez la date de décision et le début de validité.")
    c.check(lambda: check_period(start, end, "rqth", "Validité RQTH"), None)
    return {"decided_on": decided, "valid_from": start, "valid_until": end}


def _allowed(uow: UnitOfWork) -> None:
    if not can_read_sensitive(acting_role(uow)):
        raise PermissionDenied(REFUSED)


def _consent_given(uow: UnitOfWork, person_id: str) -> bool:
    found = uow.session.scalar(
        select(m.Consent.id).where(
            m.Consent.person_id == person_id,
            m.Consent.purpose == e.ConsentPurpose.RQTH_RECORDING,
            m.Consent.withdrawn_on.is_(None),
        )
    )
    return found is not None


def rqth_of(uow: UnitOfWork, person_id: str) -> RqthView:
    """The person's RQTH for the signed-in user; refused (PermissionDenied) to roles not allowed to read it."""
    _allowed(uow)
    get_or_fail(uow, m.Person, person_id)
    r = uow.session.scalar(select(m.RqthDecision).where(m.RqthDecision.person_id == person_id))
    given = _consent_given(uow, person_id)
    if r is None:
        return RqthView(None, None, None, given)
    return RqthView(r.decided_on, r.valid_from, r.valid_until, given)


def record_rqth(uow: UnitOfWork, person_id: str, rqth: RqthInput) -> bool:
    """Record the person's RQTH decision, or correct the one recorded; returns True when something changed.

    Refused to roles not allowed to read it (PermissionDenied), without the person's consent, or with bad dates
    (InvalidInput, every problem at once)."""
    _allowed(uow)
    get_or_fail(uow, m.Person, person_id)
    c = Collector()
    if not _consent_given(uow, person_id):
        c.add("rqth", CONSENT_NEEDED)
    values = clean_rqth(rqth, c)
    c.raise_if_any()
    current = uow.session.scalar(select(m.RqthDecision).where(m.RqthDecision.person_id == person_id))
    if current is None:
        uow.session.add(m.RqthDecision(person_id=person_id, **values))
        uow.session.flush()
        return True
    changed = False
    for key, value in values.items():
        if getattr(current, key) != value:
            setattr(current, key, value)
            changed = True
    uow.session.flush()
    return changed
