"""Sharing a person with another campus, or transferring them there, from their file or the command line.

People move between neighbouring campuses. With the person's consent (asked by the advisor, recorded in a note of
their file, with who and when), this campus either:

- **shares** the file: the other campus gains access and receives it at its next sync; this campus keeps following.
  The request waits in `pending_share` until the next sync sends it to HQ (`POST /v1/people/{id}/shares`), so it can
  be decided offline;
- **transfers** it: the other campus becomes the one that follows the person (`person.campus_id`, a synced change HQ
  accepts from the owning campus only) and the referent advisor is cleared — the new campus picks one. This campus
  keeps access to the file it worked on (access only grows, docs/sync-protocol.md).

Advisors and campus managers of the campus that follows the person may; an anonymised file moves no more.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from sqlalchemy import select

from gn_core.domain.enums import UserRole
from gn_core.domain.errors import FieldError, InvalidInput, NotFound, PermissionDenied
from gn_desktop.store import models as m
from gn_desktop.store.uow import UnitOfWork

MAY_MOVE = frozenset({UserRole.ADVISOR, UserRole.CAMPUS_MANAGER})
CONSENT_NEEDED = "Accord de la personne : cochez la case une fois qu'elle a donné son accord."
NOT_FOLLOWED_HERE = "Seul le campus qui suit cette personne peut transférer son dossier."


class Move(StrEnum):
    SHARE = "share"
    TRANSFER = "transfer"


@dataclass(frozen=True, slots=True)
class CampusChoice:
    id: str
    code: str
    name: str


@dataclass(frozen=True, slots=True)
class MoveDone:
    move: Move
    person: str  # display name
    campus: str  # the other campus's name


def other_campuses(uow: UnitOfWork) -> list[CampusChoice]:
    """The campuses a file may go to: every campus this PC knows but its own and HQ."""
    rows = uow.session.execute(
        select(m.Campus.id, m.Campus.code, m.Campus.name)
        .where(m.Campus.id != (uow.campus_id or ""), m.Campus.is_hq.is_(False))
        .order_by(m.Campus.name)
    ).all()
    return [CampusChoice(cid, code, name) for cid, code, name in rows]


def find_campus(uow: UnitOfWork, code_or_id: str) -> CampusChoice | None:
    for choice in other_campuses(uow):
        if code_or_id.strip().upper() == choice.code.upper() or code_or_id.strip() == choice.id:
            return choice
    return None


def move_person(uow: UnitOfWork, person_id: str, campus_id: str, move: Move, consent: bool) -> MoveDone:
    """Share or transfer `person_id` to `campus_id` (see the module's docstring); in the caller's transaction."""
    role = uow.session.scalar(select(m.User.role).where(m.User.id == uow.user_id)) if uow.user_id else None
    if role not in MAY_MOVE:
        raise PermissionDenied("Seuls les conseillers et responsables du campus partagent ou transfèrent un dossier.")
    person = uow.session.get(m.Person, person_id)
    if person is None:
        raise NotFound(f"Personne « {person_id} » introuvable sur ce poste.")
    if person.anonymised_on is not None:
        raise PermissionDenied("Ce dossier a été anonymisé : il ne change plus de campus.")
    target = next((c for c in other_campuses(uow) if c.id == campus_id), None)
    problems = []
    if target is None:
        problems.append(FieldError("campus", "Campus : choisissez un autre campus du réseau dans la liste."))
    if not consent:
        problems.append(FieldError("consent", CONSENT_NEEDED))
    if problems:
        raise InvalidInput(problems)
    assert target is not None
    if move is Move.TRANSFER:
        if person.campus_id != uow.campus_id:
            raise PermissionDenied(NOT_FOLLOWED_HERE)
        person.campus_id = target.id
        person.advisor_id = None
        what = f"Dossier transféré au campus {target.name}"
    else:
        uow.session.merge(m.PendingShare(person_id=person_id, campus_id=target.id, user_id=uow.user_id))
        what = f"Dossier partagé avec le campus {target.name}"
    uow.session.add(
        m.Note(
            person_id=person_id,
            author_id=uow.user_id,
            body=f"{what}, avec l'accord de la personne recueilli le {date.today():%d/%m/%Y}.",
        )
    )
    uow.flush()
    return MoveDone(move, f"{person.first_name} {person.last_name}", target.name)


# --- requests from other campuses (HQ's move requests, gn_hq/services/move_requests.py) -------------------------


@dataclass(frozen=True, slots=True)
class RequestedFile:
    """A person another campus asked for, as this campus knows them."""

    person_id: str
    name: str
    followed_here: bool


def requested_files(uow: UnitOfWork, person_ids: list[str]) -> dict[str, RequestedFile]:
    """The people named by requests addressed to this campus, by id (those this PC does not hold are left out)."""
    if not person_ids:
        return {}
    rows = uow.session.execute(
        select(m.Person.id, m.Person.first_name, m.Person.last_name, m.Person.campus_id).where(
            m.Person.id.in_(person_ids)
        )
    ).all()
    return {pid: RequestedFile(pid, f"{first} {last}", campus == uow.campus_id) for pid, first, last, campus in rows}


def accept_request(uow: UnitOfWork, person_id: str, campus: str, move: Move) -> MoveDone:
    """This campus accepts another campus's request (the person consented at that campus's desk): a transfer is the
    usual synced change of `person.campus_id`; a share is granted by HQ when it records the answer. Either way a note
    in the person's file says so. In the caller's transaction."""
    role = uow.session.scalar(select(m.User.role).where(m.User.id == uow.user_id)) if uow.user_id else None
    if role not in MAY_MOVE:
        raise PermissionDenied("Seuls les conseillers et responsables du campus répondent à une demande de dossier.")
    person = uow.session.get(m.Person, person_id)
    if person is None:
        raise NotFound("Cette personne n'est pas sur ce poste : synchronisez-le d'abord.")
    target = find_campus(uow, campus)  # the asking campus, by code or id
    if target is None:
        raise NotFound(f"Campus « {campus} » inconnu de ce poste : synchronisez-le d'abord.")
    campus_id, name = target.id, target.name
    if move is Move.TRANSFER:
        if person.campus_id != campus_id:  # (already done when HQ's answer failed and is sent again)
            if person.campus_id != uow.campus_id:
                raise PermissionDenied(NOT_FOLLOWED_HERE)
            person.campus_id = campus_id
            person.advisor_id = None
        what = f"Dossier transféré au campus {name}"
    else:
        what = f"Dossier partagé avec le campus {name}"
    uow.session.add(
        m.Note(
            person_id=person_id,
            author_id=uow.user_id,
            body=f"{what} à sa demande, la personne ayant donné son accord à ce campus (réponse du "
            f"{date.today():%d/%m/%Y}).",
        )
    )
    uow.flush()
    return MoveDone(move, f"{person.first_name} {person.last_name}", name)
