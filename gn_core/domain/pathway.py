"""The pathway state machine: welcome → assessment → orientation → training → job search → outcome.

`check_move` refuses an illegal move with a French reason saying what to do instead; outcomes require their details
(contract, business, exit reason). HQ and the campus app share it, so a move legal on one end is legal on the other.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from gn_core.domain.enums import ContractType, ExitReason
from gn_core.domain.enums import PathwayStep as S
from gn_core.domain.errors import PathwayMoveRefused
from gn_core.domain.labels import label

TRANSITIONS: dict[S, frozenset[S]] = {
    S.WELCOME: frozenset({S.ASSESSMENT, S.OUTCOME_OTHER_EXIT}),
    S.ASSESSMENT: frozenset({S.ORIENTATION, S.OUTCOME_OTHER_EXIT}),
    S.ORIENTATION: frozenset({S.TRAINING_REFERRED, S.JOB_SEARCH, S.OUTCOME_OTHER_EXIT}),
    S.TRAINING_REFERRED: frozenset({S.TRAINING_ENROLLED, S.ORIENTATION, S.OUTCOME_OTHER_EXIT}),
    S.TRAINING_ENROLLED: frozenset({S.TRAINING_IN_PROGRESS, S.TRAINING_DROPPED}),
    S.TRAINING_IN_PROGRESS: frozenset({S.TRAINING_COMPLETED, S.TRAINING_DROPPED}),
    S.TRAINING_COMPLETED: frozenset({S.JOB_SEARCH, S.TRAINING_REFERRED, S.OUTCOME_HIRED, S.OUTCOME_BUSINESS}),
    S.TRAINING_DROPPED: frozenset({S.ORIENTATION, S.TRAINING_REFERRED, S.JOB_SEARCH, S.OUTCOME_OTHER_EXIT}),
    S.JOB_SEARCH: frozenset({S.OUTCOME_HIRED, S.OUTCOME_BUSINESS, S.TRAINING_REFERRED, S.OUTCOME_OTHER_EXIT}),
    # A contract ends or a company closes: the person comes back to job search.
    S.OUTCOME_HIRED: frozenset({S.JOB_SEARCH}),
    S.OUTCOME_BUSINESS: frozenset({S.JOB_SEARCH}),
    # A person who left comes back: a new welcome.
    S.OUTCOME_OTHER_EXIT: frozenset({S.WELCOME}),
}

OUTCOMES = frozenset({S.OUTCOME_HIRED, S.OUTCOME_BUSINESS, S.OUTCOME_OTHER_EXIT})
TRAINING_STEPS = frozenset(
    {
        S.TRAINING_REFERRED,
        S.TRAINING_ENROLLED,
        S.TRAINING_IN_PROGRESS,
        S.TRAINING_COMPLETED,
        S.TRAINING_DROPPED,
    }
)

# The canonical order, used to explain what comes next.
ORDER: tuple[S, ...] = (
    S.WELCOME,
    S.ASSESSMENT,
    S.ORIENTATION,
    S.TRAINING_REFERRED,
    S.TRAINING_ENROLLED,
    S.TRAINING_IN_PROGRESS,
    S.TRAINING_COMPLETED,
    S.TRAINING_DROPPED,
    S.JOB_SEARCH,
    S.OUTCOME_HIRED,
    S.OUTCOME_BUSINESS,
    S.OUTCOME_OTHER_EXIT,
)


@dataclass(frozen=True, slots=True)
class MoveDetails:
    """What some moves require: a contract for a hire, a SIRET for a business, a reason for another exit."""

    contract_type: ContractType | None = None
    employer_name: str | None = None
    contract_start: date | None = None
    siret: str | None = None
    business_created_on: date | None = None
    exit_reason: ExitReason | None = None


def allowed_moves(current: S) -> list[S]:
    """The steps reachable from `current`, in pathway order."""
    targets = TRANSITIONS[current]
    return [s for s in ORDER if s in targets]


def check_move(current: S, target: S, details: MoveDetails | None = None) -> None:
    """Raise PathwayMoveRefused with the reason if `current` → `target` is not allowed or lacks its details."""
    details = details or MoveDetails()
    if target == current:
        raise PathwayMoveRefused(f"La personne est déjà à l'étape « {label(current)} ».")
    if target not in TRANSITIONS[current]:
        options = ", ".join(f"« {label(s)} »" for s in allowed_moves(current))
        raise PathwayMoveRefused(
            f"Impossible de passer de « {label(current)} » à « {label(target)} » : {_why(current, target)} "
            f"Étapes possibles depuis « {label(current)} » : {options}."
        )
    missing: list[str] = []
    if target == S.OUTCOME_HIRED:
        if details.contract_type is None:
            missing.append("le type de contrat")
        if not (details.employer_name or "").strip():
            missing.append("l'employeur")
        if details.contract_start is None:
            missing.append("la date de début du contrat")
    elif target == S.OUTCOME_BUSINESS:
        if not (details.siret or "").strip():
            missing.append("le SIRET de l'entreprise")
        if details.business_created_on is None:
            missing.append("la date de création")
    elif target == S.OUTCOME_OTHER_EXIT and details.exit_reason is None:
        missing.append("le motif de sortie")
    if missing:
        raise PathwayMoveRefused(f"Pour passer à « {label(target)} », indiquez " + _join_fr(missing) + ".")


def _why(current: S, target: S) -> str:
    if current in OUTCOMES and target != S.JOB_SEARCH and target != S.WELCOME:
        return "le parcours est terminé ; rouvrez-le d'abord."
    if target in (S.OUTCOME_HIRED, S.OUTCOME_BUSINESS):
        return "une sortie en emploi ou en création se déclare après la formation ou pendant la recherche d'emploi."
    if target in TRAINING_STEPS and current in (S.WELCOME, S.ASSESSMENT):
        return "la personne doit d'abord passer par le diagnostic puis l'orientation."
    if ORDER.index(target) < ORDER.index(current):
        return "on ne revient pas en arrière à cette étape."
    return "cette étape ne suit pas la précédente."


def _join_fr(items: list[str]) -> str:
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + " et " + items[-1]
