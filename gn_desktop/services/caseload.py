"""Caseloads: each person has a referent advisor (`person.advisor_id`); a campus manager hands people over to another
advisor of the campus, one or many at once. The "my people" list is a filter of the search (`search.Filters`).

Plain data in and out (no Qt); runs on the task runner's worker thread.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from gn_core.domain import enums as e
from gn_core.domain.errors import FieldError, InvalidInput, PermissionDenied
from gn_desktop.services.common import acting_role
from gn_desktop.store import models as m
from gn_desktop.store.uow import UnitOfWork

#: who may hand people over to another advisor
REASSIGNING_ROLES = frozenset({e.UserRole.CAMPUS_MANAGER})
#: who may be a referent advisor
REFERENT_ROLES = (e.UserRole.ADVISOR, e.UserRole.CAMPUS_MANAGER)
#: the most people reassigned at once (a result list holds at most 500)
MAX_AT_ONCE = 1000


@dataclass(frozen=True, slots=True)
class Advisor:
    """An account of this campus that can follow people, with how many of the campus's people it follows."""

    id: str
    name: str
    role: e.UserRole
    people: int


def can_reassign(role: e.UserRole | None) -> bool:
    return role in REASSIGNING_ROLES


def advisors(uow: UnitOfWork) -> list[Advisor]:
    """The active advisors and managers of this device's campus, by name, with the size of their caseload here."""
    counts = select(m.Person.advisor_id, func.count(m.Person.id).label("n")).group_by(m.Person.advisor_id)
    if uow.campus_id:
        counts = counts.where(m.Person.campus_id == uow.campus_id)
    sub = counts.subquery()
    q = (
        select(m.User.id, m.User.display_name, m.User.role, func.coalesce(sub.c.n, 0))
        .outerjoin(sub, sub.c.advisor_id == m.User.id)
        .where(m.User.active.is_(True), m.User.role.in_(REFERENT_ROLES))
        .order_by(m.User.display_name)
    )
    if uow.campus_id:
        q = q.where(m.User.campus_id == uow.campus_id)
    return [Advisor(uid, name, role, n) for uid, name, role, n in uow.session.execute(q).all()]


def reassign(uow: UnitOfWork, person_ids: list[str], advisor_id: str) -> int:
    """Make `advisor_id` the referent advisor of `person_ids` (all or none); returns how many changed.

    Campus managers only. The advisor must be an active advisor or manager of this campus, and every person one of
    this campus's."""
    if not can_reassign(acting_role(uow)):
        raise PermissionDenied("Seul un responsable de campus peut confier des personnes à un autre conseiller.")
    ids = list(dict.fromkeys(person_ids))
    if not ids:
        raise InvalidInput([FieldError("person_ids", "Choisissez au moins une personne dans la liste.")])
    if len(ids) > MAX_AT_ONCE:
        raise InvalidInput([FieldError("person_ids", f"Réaffectez au plus {MAX_AT_ONCE} personnes à la fois.")])
    advisor = uow.session.get(m.User, advisor_id)
    if (
        advisor is None
        or not advisor.active
        or advisor.role not in REFERENT_ROLES
        or (uow.campus_id is not None and advisor.campus_id != uow.campus_id)
    ):
        raise InvalidInput([FieldError("advisor_id", "Conseiller : choisissez un conseiller actif de votre campus.")])
    people = list(uow.session.scalars(select(m.Person).where(m.Person.id.in_(ids))))
    missing = len(ids) - len(people)
    elsewhere = [p for p in people if uow.campus_id is not None and p.campus_id != uow.campus_id]
    if missing or elsewhere:
        names = ", ".join(f"{p.first_name} {p.last_name}" for p in elsewhere[:5])
        detail = f" ({names}{'…' if len(elsewhere) > 5 else ''})" if names else ""
        raise PermissionDenied(
            f"{missing + len(elsewhere)} personne(s) ne sont pas suivies par votre campus{detail} : "
            "rien n'a été réaffecté. Retirez-les de la sélection."
        )
    changed = 0
    for person in people:
        if person.advisor_id != advisor_id:
            person.advisor_id = advisor_id
            changed += 1
    uow.session.flush()
    return changed
