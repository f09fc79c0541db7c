"""gn_core.indicators on hand-made records: each definition of docs/indicators.md, the small-cell rule, periods."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from gn_core import indicators as ind

START = date(2026, 1, 1)


def _people(n: int, **fields: object) -> list[ind.PersonRecord]:
    return [ind.PersonRecord(f"p{i}", "c", START, **fields) for i in range(n)]  # type: ignore[arg-type]


def _step(pid: str, step: str, on: date, contract: str | None = None, sid: str = "") -> ind.StepRecord:
    return ind.StepRecord(sid or f"{pid}-{step}-{on}", pid, step, on, contract)


def test_placed_once_from_the_history_even_after_returning_to_job_search() -> None:
    people = _people(3)
    steps = [
        _step("p0", "outcome_hired", date(2026, 2, 1), "cdd"),
        _step("p0", "job_search", date(2026, 5, 1)),
        _step("p0", "outcome_hired", date(2026, 7, 1), "cdi"),  # a second contract: still one person placed
        _step("p1", "outcome_hired", date(2026, 3, 1), "internship"),  # not a work contract
        _step("p2", "outcome_business", date(2026, 4, 1)),
    ]
    got = ind.compute(ind.Records(people, steps), ind.Period(START, date(2026, 12, 31)))
    assert got.placed == got.placed_cumulative == 2
    by_month = {r.month: r.placed for r in got.months}
    assert by_month["2026-02"] == 1 and by_month["2026-04"] == 1 and by_month["2026-07"] == 0
    later = ind.compute(ind.Records(people, steps), ind.Period(date(2026, 6, 1), date(2026, 12, 31)))
    assert later.placed == 0 and later.placed_cumulative == 2  # placed before the period


def test_in_training_on_the_period_s_last_day() -> None:
    people = _people(2)
    steps = [
        _step("p0", "training_enrolled", date(2026, 2, 1)),
        _step("p0", "training_in_progress", date(2026, 2, 8)),
        _step("p0", "training_completed", date(2026, 6, 1)),
        # same day: the event ids (UUIDv7, growing) give the order
        _step("p1", "training_enrolled", date(2026, 3, 1), sid="a"),
        _step("p1", "training_dropped", date(2026, 3, 1), sid="b"),
    ]
    records = ind.Records(people, steps)
    assert ind.compute(records, ind.Period(START, date(2026, 5, 31))).in_training == 1
    assert ind.compute(records, ind.Period(START, date(2026, 6, 1))).in_training == 0
    assert ind.compute(records, ind.Period(START, date(2026, 6, 1))).trained == 1


def test_small_cells_are_hidden_with_the_one_that_would_give_them_away() -> None:
    people = _people(20, gender="female")
    people += [ind.PersonRecord(f"m{i}", "c", START, gender="male") for i in range(2)]
    people += [ind.PersonRecord(f"o{i}", "c", START, gender="other") for i in range(8)]
    got = ind.compute(ind.Records(people), ind.Period(START, START))
    rows = {r.key: r.enrolled for r in got.breakdown("gender").rows}
    # male (2) is hidden; so is the smallest other cell (other, 8), which the total would reveal it through
    assert rows == {"female": 20, "male": None, "other": None, "undisclosed": 0}
    # not sensitive: shown as it is
    assert {r.key: r.enrolled for r in got.breakdown("campus").rows} == {"c": 30}


@given(st.lists(st.integers(min_value=0, max_value=12), min_size=1, max_size=6))
def test_no_sensitive_cell_of_1_to_4_is_ever_shown(sizes: list[int]) -> None:
    levels = ["infra_3", "3", "4", "5", "6", "7"]
    people = [
        ind.PersonRecord(f"{level}-{i}", "c", START, education_level=level)
        for level, n in zip(levels, sizes, strict=False)
        for i in range(n)
    ]
    got = ind.compute(ind.Records(people), ind.Period(START, START))
    shown = [r.enrolled for r in got.breakdown("education_level").rows if r.enrolled is not None]
    assert all(n == 0 or n >= ind.SMALL_CELL for n in shown)
    hidden = [r for r in got.breakdown("education_level").rows if r.enrolled is None]
    assert len(hidden) != 1  # one hidden cell alone would be given away by the total
    assert len(got.breakdown("education_level").rows) >= len(levels)  # every level, zeros included


def test_periods_goals_and_age_bands() -> None:
    assert ind.Period.month("2026-02") == ind.Period(date(2026, 2, 1), date(2026, 2, 28))
    assert ind.Period.month("2026-12").end == date(2026, 12, 31)
    assert ind.target_on(ind.PROGRAMME_START, 20_000) == 0 and ind.target_on(ind.GOAL_DUE, 20_000) == 20_000
    assert sum(ind.CAMPUS_GOAL_SHARES.values()) == 1.0
    assert ind.age_band(date(2000, 6, 2), date(2026, 6, 1)) == "under_26"
    assert ind.age_band(date(2000, 6, 1), date(2026, 6, 1)) == "26_44"
    assert ind.age_band(date(1981, 6, 1), date(2026, 6, 1)) == "45_plus"
    assert ind.qpv("93066") == "yes" and ind.qpv("93048") == "no" and ind.qpv(None) == "unknown"
