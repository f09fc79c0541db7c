"""Why a person is erased, as kept for proof on campus PCs and at HQ: a reason from a closed list and a reference (a
ticket or register number), never free text — the proof outlives the person and must not name them."""

from __future__ import annotations

import json

from gn_core.domain import enums as e
from gn_core.domain.errors import FieldError
from gn_core.domain.labels import label
from gn_core.domain.normalize import fold

#: a reference's length (a ticket number, the register's line, the id of the file kept for a duplicate)
REFERENCE_MIN, REFERENCE_MAX = 2, 200


def problems(reason: e.ErasureReason | str, reference: str, first_name: str, last_name: str) -> list[FieldError]:
    """What is wrong with an erasure's reason and reference (French, one per field); none when all is well. The
    names are the person's, when known: a reference holding them is refused."""
    found = []
    try:
        e.ErasureReason(reason)
    except ValueError:
        choices = ", ".join(f"{r.value} ({label(r)})" for r in e.ErasureReason)
        found.append(FieldError("reason", f"Motif de l'effacement : choisissez-en un dans la liste : {choices}."))
    text = " ".join(reference.split())
    if not REFERENCE_MIN <= len(text) <= REFERENCE_MAX:
        found.append(
            FieldError(
                "reference",
                f"Référence : indiquez-en une ({REFERENCE_MIN} à {REFERENCE_MAX} caractères, par exemple le numéro "
                "du ticket de la demande) ; elle est conservée comme preuve.",
            )
        )
    elif names_in(text, first_name, last_name):
        found.append(
            FieldError(
                "reference",
                "Référence : elle ne doit pas contenir le nom ni le prénom de la personne (elle est conservée après "
                "l'effacement). Indiquez un numéro de ticket ou de dossier.",
            )
        )
    return found


def names_in(text: str, first_name: str, last_name: str) -> bool:
    """Whether `text` holds a part of the name (accents and case aside; short parts only as whole words)."""
    words = fold(text).split()
    squeezed = "".join(words)
    for part in fold(f"{first_name} {last_name}").split():
        if len(part) >= 4 and part in squeezed:
            return True
        if len(part) >= 2 and part in words:
            return True
    return False


def proof_text(reason: e.ErasureReason | str, reference: str) -> str:
    """The reason as kept for proof: its French label and the reference."""
    return f"{label(e.ErasureReason(reason))} — référence : {' '.join(reference.split())}"


def encode(reason: e.ErasureReason | str, reference: str) -> str:
    """A request waiting on a campus PC for HQ: the reason's code and the reference."""
    return json.dumps({"reason": e.ErasureReason(reason).value, "reference": " ".join(reference.split())})


def decode(stored: str) -> tuple[e.ErasureReason, str]:
    """The (reason, reference) of `encode`; a request queued by an older version (French text) reads as "other"."""
    try:
        value = json.loads(stored)
        return e.ErasureReason(value["reason"]), str(value["reference"])
    except (ValueError, KeyError, TypeError):
        return e.ErasureReason.OTHER, "demande antérieure"
