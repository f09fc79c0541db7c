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
from gn_core.domain.errors import FieldError, InvalidInput, NotFound, PermissionDenied
from gn_core.domain.labels import label
from gn_core.domain.normalize import fold
from gn_core.domain.permissions import ERASURE_ROLES, can_erase
from gn_desktop.services.auth import SignInResult
from gn_desktop.store import models as m
from gn_desktop.store import replica
from gn_desktop.store.uow import UnitOfWork

ALLOWED_ROLES = ERASURE_ROLES
REFUSED = "Seul un responsable de campus ou le siège peut effacer une personne."
#: a reference's length (a ticket number, the register's line, the id of the file kept for a duplicate)
REFERENCE_MIN, REFERENCE_MAX = 2, 200


@dataclass(frozen=True, slots=True)
class ErasureDone:
    name: str  # the person's display name, for the confirmation shown once
    records: int  # records deleted on this PC


def reason_text(reason: e.ErasureReason | str, reference: str) -> str:
    """The reason kept as proof (here until HQ has it, then at HQ): the reason's French label and the reference."""
    return f"{label(e.ErasureReason(reason))} — référence : {' '.join(reference.split())}"


def check_reason(reason: e.ErasureReason | str, reference: str, first_name: str, last_name: str) -> list[FieldError]:
    """What is wrong with an erasure's reason and reference (French, one per field); none when all is well."""
    problems = []
    try:
        e.ErasureReason(reason)
    except ValueError:
        choices = ", ".join(f"{r.value} ({label(r)})" for r in e.ErasureReason)
        problems.append(FieldError("reason", f"Motif de l'effacement : choisissez-en un dans la liste : {choices}."))
    text = " ".join(reference.split())
    if not REFERENCE_MIN <= len(text) <= REFERENCE_MAX:
        problems.append(
            FieldError(
                "reference",
                f"Référence : indiquez-en une ({REFERENCE_MIN} à {REFERENCE_MAX} caractères, par exemple le numéro "
                "du ticket de la demande) ; elle est conservée comme preuve.",
            )
        )
    elif _names_in(text, first_name, last_name):
        problems.append(
            FieldError(
                "reference",
                "Référence : elle ne doit pas contenir le nom ni le prénom de la personne (elle est conservée après "
                "l'effacement). Indiquez un numéro de ticket ou de dossier.",
            )
        )
    return problems


def _names_in(text: str, first_name: str, last_name: str) -> bool:
    words = fold(text).split()
    squeezed = "".join(words)
    for part in fold(f"{first_name} {last_name}").split():
        if len(part) >= 4 and part in squeezed:
            return True
        if len(part) >= 2 and part in words:
            return True
    return False


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
    text = reason_text(reason, reference)
    uow.session.merge(m.PendingErasure(person_id=person_id, reason=text, user_id=uow.user_id))
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


def compact_after_erasure(uow: UnitOfWork) -> None:
    """After an erasure is committed: merge the search index, rebuild the file and empty the write-ahead log, so no
    freed page keeps what was erased. Runs outside any transaction (a read-only unit of work does)."""
    replica.compact(cast(Engine, uow.session.get_bind()))
