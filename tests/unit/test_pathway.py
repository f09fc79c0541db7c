"""The pathway state machine refuses illegal moves with a reason and demands outcome details."""

from __future__ import annotations

import itertools
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gn_core.domain.enums import ContractType, ExitReason
from gn_core.domain.enums import PathwayStep as S
from gn_core.domain.errors import PathwayMoveRefused
from gn_core.domain.pathway import TRANSITIONS, MoveDetails, allowed_moves, check_move

HIRED = MoveDetails(contract_type=ContractType.CDI, employer_name="Atelier", contract_start=date(2026, 1, 5))


def test_the_main_road_is_allowed() -> None:
    road = [
        S.WELCOME,
        S.ASSESSMENT,
        S.ORIENTATION,
        S.TRAINING_REFERRED,
        S.TRAINING_ENROLLED,
        S.TRAINING_IN_PROGRESS,
        S.TRAINING_COMPLETED,
        S.JOB_SEARCH,
    ]
    for a, b in itertools.pairwise(road):
        check_move(a, b)
    check_move(S.JOB_SEARCH, S.OUTCOME_HIRED, HIRED)


def test_skipping_to_training_explains_the_steps_before() -> None:
    with pytest.raises(PathwayMoveRefused) as err:
        check_move(S.WELCOME, S.TRAINING_IN_PROGRESS)
    assert "Accueil" in err.value.message
    assert "diagnostic puis l'orientation" in err.value.message
    assert "« Diagnostic »" in err.value.message  # lists what is possible


def test_hire_needs_contract_employer_and_start() -> None:
    with pytest.raises(PathwayMoveRefused) as err:
        check_move(S.JOB_SEARCH, S.OUTCOME_HIRED)
    assert "type de contrat" in err.value.message
    assert "l'employeur" in err.value.message
    assert "date de début" in err.value.message


def test_business_needs_siret_and_other_exit_a_reason() -> None:
    with pytest.raises(PathwayMoveRefused, match="SIRET"):
        check_move(S.JOB_SEARCH, S.OUTCOME_BUSINESS)
    with pytest.raises(PathwayMoveRefused, match="motif"):
        check_move(S.WELCOME, S.OUTCOME_OTHER_EXIT)
    check_move(S.WELCOME, S.OUTCOME_OTHER_EXIT, MoveDetails(exit_reason=ExitReason.MOVED_AWAY))


def test_staying_put_is_refused() -> None:
    with pytest.raises(PathwayMoveRefused, match="déjà"):
        check_move(S.ORIENTATION, S.ORIENTATION)


def test_every_step_is_reachable_from_welcome_and_can_continue() -> None:
    seen = {S.WELCOME}
    frontier = [S.WELCOME]
    while frontier:
        step = frontier.pop()
        for nxt in TRANSITIONS[step]:
            if nxt not in seen:
                seen.add(nxt)
                frontier.append(nxt)
    assert seen == set(S)
    assert all(allowed_moves(s) for s in S)  # nobody is ever stuck


@given(st.sampled_from(list(S)), st.sampled_from(list(S)))
def test_a_refusal_always_has_a_french_reason(a: S, b: S) -> None:
    full = MoveDetails(
        contract_type=ContractType.CDD,
        employer_name="X",
        contract_start=date(2026, 1, 1),
        siret="73282932000074",
        business_created_on=date(2026, 1, 1),
        exit_reason=ExitReason.OTHER,
    )
    try:
        check_move(a, b, full)
    except PathwayMoveRefused as exc:
        assert exc.message and (b not in TRANSITIONS[a] or a == b)
    else:
        assert b in TRANSITIONS[a]
