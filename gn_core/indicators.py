"""The programme's indicators, defined once: pure functions over plain records, used by the campus app and HQ.

docs/indicators.md explains each definition; this module is its only implementation. A campus PC
(`gn_desktop.services.pilotage`) and HQ (`gn_hq.services.indicators`) load the same records from their own stores
and call `compute`; a test feeds one fixture through both and gets equal results.

- **enrolled**: people whose enrolment day (`person.enrolled_on`) falls in the period;
- **in training**: people whose pathway step on the period's last day (their last pathway event on or before it)
  is training enrolled or in progress;
- **trained**: people who completed a training (first `training_completed` event) in the period;
- **placed**: people whose *first* placement — a hire on a work contract (CDI, CDD, apprenticeship, temporary work;
  an internship is not one) or a business created — falls in the period. Counted once per person, from the pathway
  history: a person placed who later returns to job search still counts. `placed_cumulative` counts from the
  programme's start to the period's end;
- **startups**: accompanied = every startup record; created = those with a creation day in the period;
- **referral conversion**: referrals made in the period that were accepted, over referrals made in the period;
- **event reach**: distinct people (of the campus) who attended an event held in the period, and the number of
  those events (whoever organised them: a PC holds its own people's registrations, not the others').

Breakdowns count enrolled, trained and placed by a person's characteristics. Sensitive breakdowns never show a cell
of 1 to 4 people (`SMALL_CELL`), nor a second cell that would give it away through the total.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from gn_core.domain.enums import ContractType, EducationLevel, Gender, PathwayStep, Situation

#: the programme's start, and the day the goal is due
PROGRAMME_START = date(2025, 1, 1)
GOAL_DUE = date(2027, 12, 31)
#: people placed, and startups accompanied, by GOAL_DUE (the whole programme)
PLACED_GOAL = 20_000
STARTUP_GOAL = 150
#: cells of fewer people than this are never shown in a sensitive breakdown
SMALL_CELL = 5

#: each campus's share of the placement goal (campus code → share); they add up to 1. HQ enrols nobody.
CAMPUS_GOAL_SHARES: dict[str, float] = {
    "SDN": 0.25,
    "AUB": 0.20,
    "MTR": 0.15,
    "BOB": 0.15,
    "SEV": 0.125,
    "CSB": 0.125,
}

#: the contracts that make a hire a placement
PLACING_CONTRACTS = frozenset({ContractType.CDI, ContractType.CDD, ContractType.APPRENTICESHIP, ContractType.TEMP})
IN_TRAINING_STEPS = frozenset({PathwayStep.TRAINING_ENROLLED, PathwayStep.TRAINING_IN_PROGRESS})
#: the pathway events the indicators read. A training is left only through completed or dropped
#: (gn_core.domain.pathway), so the last of these events on a day tells whether the person was in training then;
#: loaders may load only these (other events are ignored anyway).
COUNTED_STEPS = frozenset(
    {
        PathwayStep.TRAINING_ENROLLED,
        PathwayStep.TRAINING_IN_PROGRESS,
        PathwayStep.TRAINING_COMPLETED,
        PathwayStep.TRAINING_DROPPED,
        PathwayStep.OUTCOME_HIRED,
        PathwayStep.OUTCOME_BUSINESS,
    }
)
#: a person's age on their enrolment day → its band
AGE_BANDS: tuple[tuple[int, str], ...] = ((26, "under_26"), (45, "26_44"), (200, "45_plus"))
UNKNOWN = "unknown"

#: Communes of the 93 where most residents live in a priority neighbourhood (QPV). A PC knows a person's commune, not
#: their address, so QPV residence is approximated by the commune: see docs/indicators.md. Reference data, versioned
#: with the other lists (REFERENCE_VERSION); to be checked against the ANCT's figures before any publication.
QPV_MAJORITY_COMMUNES = frozenset(
    {
        "93001",  # Aubervilliers
        "93008",  # Bobigny
        "93014",  # Clichy-sous-Bois
        "93027",  # La Courneuve
        "93066",  # Saint-Denis
        "93071",  # Sevran
        "93072",  # Stains
        "93079",  # Villetaneuse
    }
)

#: the breakdowns, in the order pages show them; the sensitive ones get small-cell suppression
DIMENSIONS: tuple[str, ...] = (
    "campus",
    "gender",
    "age_band",
    "qpv",
    "rqth",
    "education_level",
    "situation",
    "referral_source",
)
SENSITIVE_DIMENSIONS = frozenset({"gender", "age_band", "qpv", "rqth", "education_level", "situation"})


@dataclass(frozen=True, slots=True)
class PersonRecord:
    id: str
    campus_id: str | None
    enrolled_on: date
    gender: str | None = None
    birth_date: date | None = None
    commune_insee: str | None = None
    situation: str | None = None
    education_level: str | None = None
    referral_source: str | None = None
    rqth: bool = False  # a disability recognition decision is recorded


@dataclass(frozen=True, slots=True)
class StepRecord:
    """A pathway event. `id` orders events of the same day (UUIDv7 ids grow with time)."""

    id: str
    person_id: str
    to_step: str
    occurred_on: date
    contract_type: str | None = None


@dataclass(frozen=True, slots=True)
class ReferralRecord:
    person_id: str
    referred_on: date
    status: str


@dataclass(frozen=True, slots=True)
class AttendanceRecord:
    """A person's registration to an event; `on` is the event's (UTC) day."""

    event_id: str
    person_id: str
    on: date
    status: str


@dataclass(frozen=True, slots=True)
class StartupRecord:
    """A startup; `campus_id` is its founder's campus (None when it has none)."""

    id: str
    campus_id: str | None
    stage: str
    created_on: date | None = None


@dataclass(frozen=True, slots=True)
class Records:
    people: Sequence[PersonRecord]
    steps: Sequence[StepRecord] = ()
    referrals: Sequence[ReferralRecord] = ()
    attendances: Sequence[AttendanceRecord] = ()
    startups: Sequence[StartupRecord] = ()


@dataclass(frozen=True, slots=True)
class Period:
    """Days from `start` to `end`, both included."""

    start: date
    end: date

    @classmethod
    def programme(cls, today: date) -> Period:
        return cls(PROGRAMME_START, today)

    @classmethod
    def month(cls, month: str) -> Period:
        """The calendar month "YYYY-MM"."""
        year, mon = (int(p) for p in month.split("-"))
        nxt = date(year + mon // 12, mon % 12 + 1, 1)
        return cls(date(year, mon, 1), date.fromordinal(nxt.toordinal() - 1))

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.start <= day <= self.end


@dataclass(frozen=True, slots=True)
class MonthRow:
    month: str  # "YYYY-MM"
    enrolled: int
    trained: int
    placed: int
    placed_cumulative: int  # since the programme's start, at the month's end
    target_cumulative: int  # the trajectory to the goal, at the month's end


@dataclass(frozen=True, slots=True)
class BreakdownRow:
    """One category; a count is None when it is hidden (small cell)."""

    key: str
    enrolled: int | None
    trained: int | None
    placed: int | None


@dataclass(frozen=True, slots=True)
class Breakdown:
    dimension: str
    sensitive: bool
    rows: tuple[BreakdownRow, ...]


@dataclass(frozen=True, slots=True)
class Indicators:
    period: Period
    campus_id: str | None  # None: every campus
    enrolled: int
    in_training: int
    trained: int
    placed: int
    enrolled_cumulative: int
    placed_cumulative: int
    placed_goal: int
    placed_target: int  # the trajectory's value on the period's last day
    startups_accompanied: int
    startups_created: int
    startup_goal: int
    referrals: int
    referrals_accepted: int
    events_held: int
    event_reach: int
    #: the people enrolled in the period, then how many of them were trained, then placed, by the period's end
    funnel: tuple[tuple[str, int], ...]
    months: tuple[MonthRow, ...]
    breakdowns: tuple[Breakdown, ...] = field(default=())

    @property
    def referral_conversion(self) -> float | None:
        return self.referrals_accepted / self.referrals if self.referrals else None

    def breakdown(self, dimension: str) -> Breakdown:
        return next(b for b in self.breakdowns if b.dimension == dimension)


def campus_goal(campus_code: str | None) -> int:
    """The placement goal of a campus (its share of PLACED_GOAL); the whole goal for None (every campus)."""
    if campus_code is None:
        return PLACED_GOAL
    return round(PLACED_GOAL * CAMPUS_GOAL_SHARES.get(campus_code, 0.0))


def campus_startup_goal(campus_code: str | None) -> int:
    if campus_code is None:
        return STARTUP_GOAL
    return round(STARTUP_GOAL * CAMPUS_GOAL_SHARES.get(campus_code, 0.0))


def target_on(day: date, goal: int) -> int:
    """The trajectory: from 0 at PROGRAMME_START to `goal` at GOAL_DUE, in a straight line (0 before, goal after)."""
    if day < PROGRAMME_START:
        return 0
    span = (GOAL_DUE - PROGRAMME_START).days
    return round(goal * min(1.0, (day - PROGRAMME_START).days / span))


def age_band(birth_date: date | None, on: date) -> str:
    if birth_date is None:
        return UNKNOWN
    age = on.year - birth_date.year - ((on.month, on.day) < (birth_date.month, birth_date.day))
    return next(name for limit, name in AGE_BANDS if age < limit)


def qpv(commune_insee: str | None) -> str:
    """'yes' / 'no' (approximated from the commune), 'unknown' when the commune is not known."""
    if not commune_insee:
        return UNKNOWN
    return "yes" if commune_insee in QPV_MAJORITY_COMMUNES else "no"


def is_placement(step: StepRecord) -> bool:
    if step.to_step == PathwayStep.OUTCOME_BUSINESS:
        return True
    return step.to_step == PathwayStep.OUTCOME_HIRED and (
        step.contract_type is None or step.contract_type in PLACING_CONTRACTS
    )


@dataclass(frozen=True, slots=True)
class Milestones:
    """Per person id: the first training completed, the first placement, the step on the period's last day."""

    trained_on: dict[str, date]
    placed_on: dict[str, date]
    step_at_end: dict[str, str]


def milestones(steps: Iterable[StepRecord], end: date) -> Milestones:
    """Each person's milestones from their pathway events (in training at `end`: their last COUNTED_STEPS event on or
    before it is a training enrolled or in progress)."""
    trained: dict[str, date] = {}
    placed: dict[str, date] = {}
    last: dict[str, tuple[date, str, str]] = {}
    completed = PathwayStep.TRAINING_COMPLETED
    counted = COUNTED_STEPS
    for s in steps:
        pid, day, step = s.person_id, s.occurred_on, s.to_step
        if step not in counted:
            continue
        if step == completed:
            first = trained.get(pid)
            if first is None or day < first:
                trained[pid] = day
        elif is_placement(s):
            first = placed.get(pid)
            if first is None or day < first:
                placed[pid] = day
        if day <= end:
            prev = last.get(pid)
            if prev is None or (day, s.id) > prev[:2]:
                last[pid] = (day, s.id, step)
    return Milestones(trained, placed, {pid: v[2] for pid, v in last.items()})


def _months(period: Period) -> list[str]:
    out, y, m = [], period.start.year, period.start.month
    while (y, m) <= (period.end.year, period.end.month):
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def _keys(p: PersonRecord, campus: str) -> tuple[str, ...]:
    """The person's category in each of DIMENSIONS (`campus`: the name of theirs)."""
    return (
        campus,
        p.gender or UNKNOWN,
        age_band(p.birth_date, p.enrolled_on),
        qpv(p.commune_insee),
        "yes" if p.rqth else "no",
        p.education_level or UNKNOWN,
        p.situation or UNKNOWN,
        p.referral_source or UNKNOWN,
    )


@dataclass(slots=True)
class _Tally:
    """What the pass over people adds up."""

    enrolled_cumulative: int = 0
    placed_cumulative: int = 0
    placed_before: int = 0  # placed before the period (where the monthly cumulative series starts)
    in_training: int = 0
    funnel: list[int] = field(default_factory=lambda: [0, 0, 0])
    #: (what: 0 enrolled / 1 trained / 2 placed, year * 12 + month - 1) → people
    months: Counter[tuple[int, int]] = field(default_factory=Counter)
    #: (what, the person's categories) → people; spread over the breakdowns at the end (few distinct combinations)
    combos: Counter[tuple[int, tuple[str, ...]]] = field(default_factory=Counter)


def _tally(
    people: Iterable[PersonRecord], ms: Milestones, period: Period, campus_key: Callable[[str | None], str]
) -> _Tally:
    start, end = period.start, period.end
    trained_get, placed_get, step_get = ms.trained_on.get, ms.placed_on.get, ms.step_at_end.get
    in_training_steps = IN_TRAINING_STEPS
    t = _Tally()
    months, combos, funnel = t.months, t.combos, t.funnel
    names: dict[str | None, str] = {}
    for p in people:
        pid, enrolled = p.id, p.enrolled_on
        trained, placed = trained_get(pid), placed_get(pid)
        keys: tuple[str, ...] | None = None
        if enrolled <= end:
            t.enrolled_cumulative += 1
            if start <= enrolled:
                campus = names.get(p.campus_id) or names.setdefault(p.campus_id, campus_key(p.campus_id))
                keys = _keys(p, campus)
                months[(0, enrolled.year * 12 + enrolled.month - 1)] += 1
                combos[(0, keys)] += 1
                funnel[0] += 1
                if trained is not None and trained <= end:
                    funnel[1] += 1
                if placed is not None and placed <= end:
                    funnel[2] += 1
        if trained is not None and start <= trained <= end:
            if keys is None:
                keys = _keys(p, names.get(p.campus_id) or names.setdefault(p.campus_id, campus_key(p.campus_id)))
            months[(1, trained.year * 12 + trained.month - 1)] += 1
            combos[(1, keys)] += 1
        if placed is not None and placed <= end:
            t.placed_cumulative += 1
            if placed < start:
                t.placed_before += 1
            else:
                if keys is None:
                    keys = _keys(p, names.get(p.campus_id) or names.setdefault(p.campus_id, campus_key(p.campus_id)))
                months[(2, placed.year * 12 + placed.month - 1)] += 1
                combos[(2, keys)] += 1
        if step_get(pid) in in_training_steps:
            t.in_training += 1
    return t


def compute(
    records: Records,
    period: Period,
    campus_id: str | None = None,
    goal: int = PLACED_GOAL,
    startup_goal: int = STARTUP_GOAL,
    campus_key: Callable[[str | None], str] | None = None,
) -> Indicators:
    """The indicators of `campus_id` (None: every campus) over `period`. `campus_key` names a campus in the campus
    breakdown (default: its id)."""
    people = records.people if campus_id is None else [p for p in records.people if p.campus_id == campus_id]
    ids = {p.id for p in people}
    steps = records.steps if campus_id is None else [s for s in records.steps if s.person_id in ids]
    t = _tally(people, milestones(steps, period.end), period, campus_key or (lambda c: c or UNKNOWN))
    rows, running = [], t.placed_before
    for mo in _months(period):
        year, month = (int(x) for x in mo.split("-"))
        enrolled, trained, placed = (t.months[(i, year * 12 + month - 1)] for i in range(3))
        running += placed
        month_end = min(Period.month(mo).end, period.end)
        rows.append(MonthRow(mo, enrolled, trained, placed, running, target_on(month_end, goal)))
    cells: list[Counter[tuple[int, str]]] = [Counter() for _ in DIMENSIONS]
    for (what, keys), n in t.combos.items():
        for d, k in enumerate(keys):
            cells[d][(what, k)] += n
    referrals = [r for r in records.referrals if r.person_id in ids and period.start <= r.referred_on <= period.end]
    attended = [
        a
        for a in records.attendances
        if a.status == "attended" and a.on in period and (campus_id is None or a.person_id in ids)
    ]
    startups = [s for s in records.startups if campus_id is None or s.campus_id == campus_id]
    enrolled, trained, placed = (sum(getattr(row, what) for row in rows) for what in ("enrolled", "trained", "placed"))
    return Indicators(
        period=period,
        campus_id=campus_id,
        enrolled=enrolled,
        in_training=t.in_training,
        trained=trained,
        placed=placed,
        enrolled_cumulative=t.enrolled_cumulative,
        placed_cumulative=t.placed_cumulative,
        placed_goal=goal,
        placed_target=target_on(period.end, goal),
        startups_accompanied=len(startups),
        startups_created=sum(1 for s in startups if s.created_on in period),
        startup_goal=startup_goal,
        referrals=len(referrals),
        referrals_accepted=sum(1 for r in referrals if r.status == "accepted"),
        events_held=len({a.event_id for a in attended}),
        event_reach=len({a.person_id for a in attended}),
        funnel=(("enrolled", t.funnel[0]), ("trained", t.funnel[1]), ("placed", t.funnel[2])),
        months=tuple(rows),
        breakdowns=tuple(_breakdown(d, cells[i]) for i, d in enumerate(DIMENSIONS)),
    )


#: the order of the categories of a breakdown (others: alphabetical; unknown last)
#: (a sensitive breakdown lists all of them, zeros included, so a hidden cell always has neighbours to hide with)
CATEGORY_ORDER: dict[str, tuple[str, ...]] = {
    "gender": tuple(g.value for g in Gender),
    "age_band": tuple(name for _, name in AGE_BANDS),
    "qpv": ("yes", "no"),
    "rqth": ("yes", "no"),
    "education_level": tuple(level.value for level in EducationLevel),
    "situation": tuple(s.value for s in Situation),
}


def _breakdown(dimension: str, cells: Counter[tuple[int, str]]) -> Breakdown:
    order = {k: i for i, k in enumerate(CATEGORY_ORDER.get(dimension, ()))}
    sensitive = dimension in SENSITIVE_DIMENSIONS
    seen = {k for _, k in cells} | (set(order) if sensitive else set())
    keys = sorted(seen, key=lambda k: (k == UNKNOWN, order.get(k, len(order)), k))
    table = {k: [cells[(i, k)] for i in range(3)] for k in keys}
    shown: dict[str, list[int | None]] = {k: list(v) for k, v in table.items()}
    if sensitive:
        for col in range(3):
            _suppress(shown, table, col)
    return Breakdown(dimension, sensitive, tuple(BreakdownRow(k, *shown[k]) for k in keys))


def _suppress(shown: dict[str, list[int | None]], table: dict[str, list[int]], col: int) -> None:
    """Hide cells of 1 to SMALL_CELL - 1 people; if only one is hidden, hide the next smallest too (the total would
    give it away), or a zero when it is the only other cell."""
    hidden = [k for k, v in table.items() if 0 < v[col] < SMALL_CELL]
    for k in hidden:
        shown[k][col] = None
    if len(hidden) == 1:
        # the smallest other cell; a zero if there is no other (else the total would be the hidden cell's count)
        others = sorted((v[col] == 0, v[col], k) for k, v in table.items() if k not in hidden)
        if others:
            shown[others[0][2]][col] = None
