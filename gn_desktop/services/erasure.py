"""GDPR erasure requested on this campus: who may, and the request kept until HQ has it."""

from __future__ import annotations

from sqlalchemy import select

from gn_core.domain import enums as e
from gn_core.domain.errors import KnownError, NotFound
from gn_desktop.store import models as m
from gn_desktop.store.uow import UnitOfWork

ALLOWED_ROLES = frozenset({e.UserRole.CAMPUS_MANAGER, e.UserRole.HQ_ADMIN})


def request_erasure(uow: UnitOfWork, person_id: str, reason: str) -> str:
    """Check the request and queue it for HQ; returns the person's display name (for the confirmation).

    The local data is deleted by the caller (gn_desktop.sync erases every trace and compacts the file)."""
    reason = reason.strip()
    if len(reason) < 3:
        raise KnownError("Indiquez le motif de l'effacement (au moins 3 caractères) : il est conservé comme preuve.")
    if uow.user_id is not None:
        role = uow.session.scalar(select(m.User.role).where(m.User.id == uow.user_id))
        if role not in ALLOWED_ROLES:
            raise KnownError("Seul un responsable de campus ou le siège peut effacer une personne.")
    person = uow.session.get(m.Person, person_id)
    if person is None:
        raise NotFound(f"Personne « {person_id} » introuvable sur ce poste.")
    name = f"{person.first_name} {person.last_name}"
    uow.session.merge(m.PendingErasure(person_id=person_id, reason=reason, user_id=uow.user_id))
    uow.flush()
    return name
