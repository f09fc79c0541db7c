"""GDPR erasure decided on this campus: who may, why (a reason from a closed list and a reference, never the person's
name), the request kept until HQ has it, and every local trace of the person deleted.

The same functions serve the person's file (a campus manager's "Effacer la personne") and `gn-desktop person erase`
(which asks for a campus manager's sign-in first, `eraser`). `erase_person_here` queues the request for HQ and
deletes the person's records, history and change log in the caller's transaction; `compact_after_erasure`, once that
is committed, rebuilds the file so no freed page keeps the name.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import cast

from sqlalchemy import Engine, select

from gn_core.domain import enums as e
from gn_core.domain import erasure as erasure_rules
from gn_core.domain.errors import FieldError, InvalidInput, NotFound, PermissionDenied
from gn_core.domain.permissions import ERASURE_ROLES, can_erase
from gn_desktop.services.auth import SignInResult
from gn_desktop.store import models as m
from gn_desktop.store import replica
from gn_desktop.store.uow import UnitOfWork

ALLOWED_ROLES = ERASURE_ROLES
REFUSED = "Seul un responsable de campus ou le siège peut effacer une personne."
REFERENCE_MIN, REFERENCE_MAX = erasure_rules.REFERENCE_MIN, erasure_rules.REFERENCE_MAX


@dataclass(frozen=True, slots=True)
class ErasureDone:
    name: str  # the person's display name, for the confirmation shown once
    records: int  # records deleted on this PC


def check_reason(reason: e.ErasureReason | str, reference: str, first_name: str, last_name: str) -> list[FieldError]:
    """What is wrong with an erasure's reason and reference (French, one per field); none when all is well."""
    return erasure_rules.problems(reason, reference, first_name, last_name)


def eraser(result: SignInResult) -> str:
    """The user id of a sign-in allowed to erase; refused (PermissionDenied) otherwise, with the sign-in's message."""
    if result.user is None:
        raise PermissionDenied(result.message or "Identifiant ou mot de passe incorrect.")
    if not can_erase(result.user.role) or result.user.user_id is None:
        raise PermissionDenied(REFUSED)
    return result.user.user_id


def request_erasure(uow: UnitOfWork, person_id: str, reason: e.ErasureReason | str, reference: str) -> str:
    """Check the request and queue it for HQ; returns the person's display name (for the confirmation).

    Only a signed-in campus manager (or HQ administrator) may: anyone else, or nobody, is refused. The reason is one
    of `ErasureReason`, with a reference that must not name the person. The local data is deleted by the caller
    (`erase_person_here`, or gn_desktop.sync when HQ's erasure comes back)."""
    role = uow.session.scalar(select(m.User.role).where(m.User.id == uow.user_id)) if uow.user_id else None
    if role not in ALLOWED_ROLES:
        raise PermissionDenied(REFUSED)
    person = uow.session.get(m.Person, person_id)
    if person is None:
        raise NotFound(f"Personne « {person_id} » introuvable sur ce poste.")
    problems = check_reason(reason, reference, person.first_name, person.last_name)
    if problems:
        raise InvalidInput(problems)
    name = f"{person.first_name} {person.last_name}"
    queued = erasure_rules.encode(reason, reference)
    uow.session.merge(m.PendingErasure(person_id=person_id, reason=queued, user_id=uow.user_id))
    uow.flush()
    return name


def erase_person_here(uow: UnitOfWork, person_id: str, reason: e.ErasureReason | str, reference: str) -> ErasureDone:
    """Request the erasure (`request_erasure`) and delete every local trace of the person in the same transaction:
    their records, history, change log, conflicts, kiosk data. Run `compact_after_erasure` once it is committed."""
    name = request_erasure(uow, person_id, reason, reference)
    conn = uow.session.connection()
    # the person's row goes before the records pointing to it: checked at commit, when none is left
    conn.exec_driver_sql("PRAGMA defer_foreign_keys=ON")
    conn.exec_driver_sql("PRAGMA secure_delete=ON")  # deleted rows are overwritten with zeros
    uow.session.expunge_all()  # rows deleted below must not be flushed back
    count = replica.erase_person(conn, person_id, keep_pending=True)
    return ErasureDone(name, count)


def compact_after_erasure(uow: UnitOfWork, person_id: str) -> None:
    """After an erasure is committed: merge the search index, rebuild the file and empty the write-ahead log, so no
    freed page keeps what was erased, and rewrite the migration backups beside it without the person. Runs outside
    any transaction (a read-only unit of work does)."""
    replica.compact(cast(Engine, uow.session.get_bind()), [person_id])
