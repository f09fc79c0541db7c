"""A person's consents after intake: what they agreed to (purpose, legal basis, text version, dates), withdrawing one,
giving one again.

A consent record is never deleted nor rewritten: withdrawing sets its `withdrawn_on`; giving it again adds a new
record against the current text (`gn_core.domain.reference.CURRENT_CONSENT_VERSION`). Change capture writes both to
the person's history. Only a processing based on consent can be withdrawn; one based on another legal basis (public
interest…) is objected to, which is a campus manager's decision, not a click.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from gn_core.domain import enums as e
from gn_core.domain.errors import FieldError, InvalidInput, KnownError
from gn_core.domain.labels import label
from gn_core.domain.reference import CURRENT_CONSENT_VERSION
from gn_desktop.services.common import get_or_fail
from gn_desktop.store import models as m
from gn_desktop.store.uow import UnitOfWork


@dataclass(frozen=True, slots=True)
class ConsentView:
    """The current state of one purpose for a person: its latest record (`id` None: never asked)."""

    purpose: e.ConsentPurpose
    id: str | None
    legal_basis: e.LegalBasis | None
    text_version: str | None
    given_on: date | None
    withdrawn_on: date | None
    earlier: int  # earlier records of this purpose (withdrawn, then given again)

    @property
    def active(self) -> bool:
        return self.id is not None and self.withdrawn_on is None

    @property
    def withdrawable(self) -> bool:
        return self.active and self.legal_basis == e.LegalBasis.CONSENT

    @property
    def can_give(self) -> bool:
        return not self.active


def consents_of(uow: UnitOfWork, person_id: str) -> list[ConsentView]:
    """One line per purpose, in the vocabulary's order: its latest record, or nothing asked yet."""
    rows = uow.session.scalars(
        select(m.Consent)
        .where(m.Consent.person_id == person_id)
        .order_by(m.Consent.given_on, m.Consent.created_at, m.Consent.id)
    ).all()
    out = []
    for purpose in e.ConsentPurpose:
        mine = [c for c in rows if c.purpose == purpose]
        # the latest: an active record wins over withdrawn ones, then the most recent
        latest = max(mine, key=lambda c: (c.withdrawn_on is None, c.given_on, c.created_at), default=None)
        if latest is None:
            out.append(ConsentView(purpose, None, None, None, None, None, 0))
        else:
            out.append(
                ConsentView(
                    purpose,
                    latest.id,
                    latest.legal_basis,
                    latest.text_version,
                    latest.given_on,
                    latest.withdrawn_on,
                    len(mine) - 1,
                )
            )
    return out


def follow_up_withdrawn_on(consents: list[ConsentView]) -> date | None:
    """When the follow-up consent was withdrawn, if it is (and was not given again)."""
    for c in consents:
        if c.purpose == e.ConsentPurpose.FOLLOW_UP and c.id is not None and c.withdrawn_on is not None:
            return c.withdrawn_on
    return None


def withdraw_consent(uow: UnitOfWork, consent_id: str, on: date) -> None:
    """Record that the person withdrew this consent on `on` (the record and its dates stay)."""
    consent = get_or_fail(uow, m.Consent, consent_id)
    what = label(consent.purpose)
    if consent.withdrawn_on is not None:
        raise KnownError(f"« {what} » : ce consentement a déjà été retiré le {consent.withdrawn_on:%d/%m/%Y}.")
    if consent.legal_basis != e.LegalBasis.CONSENT:
        raise KnownError(
            f"« {what} » repose sur « {label(consent.legal_basis)} », pas sur un consentement : il ne se retire pas. "
            "Si la personne s'y oppose, notez-le et adressez-vous au responsable du campus."
        )
    if on < consent.given_on:
        raise InvalidInput(
            [
                FieldError(
                    "withdrawn_on",
                    f"Date du retrait : elle précède la date du consentement ({consent.given_on:%d/%m/%Y}).",
                )
            ]
        )
    consent.withdrawn_on = on
    uow.session.flush()


def give_consent(uow: UnitOfWork, person_id: str, purpose: e.ConsentPurpose | str, on: date) -> str:
    """The person gives (again) their consent to `purpose` on `on`, against the current text; returns its id.

    Refused while a consent to that purpose is in force (nothing to give again)."""
    get_or_fail(uow, m.Person, person_id)
    purpose = e.ConsentPurpose(purpose)
    in_force = uow.session.scalar(
        select(m.Consent.id).where(
            m.Consent.person_id == person_id, m.Consent.purpose == purpose, m.Consent.withdrawn_on.is_(None)
        )
    )
    if in_force is not None:
        raise KnownError(f"« {label(purpose)} » : la personne a déjà donné ce consentement, il est en vigueur.")
    consent = m.Consent(
        person_id=person_id,
        purpose=purpose,
        legal_basis=e.LegalBasis.CONSENT,
        text_version=CURRENT_CONSENT_VERSION,
        given_on=on,
    )
    uow.session.add(consent)
    uow.session.flush()
    return consent.id
