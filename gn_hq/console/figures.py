"""What the console's dashboard shows, read from HQ's indicators service — the one seam between the console and the
indicator definitions.

Today it reads `gn_hq.services.indicators` (counts from each person's current pathway step). The programme's own
definitions (gn_core's pure indicator functions, issue 17) replace what `dashboard()` reads here and nothing else:
the templates only see the dataclasses below.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from gn_core.domain.enums import PathwayStep
from gn_core.domain.labels import label
from gn_hq.services import indicators
from gn_hq.services.context import Hq

#: the programme's goal: people placed in a job or who created their business, by 2027
GOAL_PLACED = 20_000
#: sensitive breakdowns (disability recognition) show no cell under this many people
SMALL_CELL = 5

#: pathway steps grouped into the stages the dashboard charts (enrolled → in training → trained → placed)
STAGES: tuple[tuple[str, tuple[PathwayStep, ...]], ...] = (
    ("Accueil et orientation", (PathwayStep.WELCOME, PathwayStep.ASSESSMENT, PathwayStep.ORIENTATION)),
    (
        "En formation",
        (PathwayStep.TRAINING_REFERRED, PathwayStep.TRAINING_ENROLLED, PathwayStep.TRAINING_IN_PROGRESS),
    ),
    ("Formés, en recherche", (PathwayStep.TRAINING_COMPLETED, PathwayStep.JOB_SEARCH)),
    ("En emploi", (PathwayStep.OUTCOME_HIRED,)),
    ("Entreprise créée", (PathwayStep.OUTCOME_BUSINESS,)),
    ("Autres sorties", (PathwayStep.TRAINING_DROPPED, PathwayStep.OUTCOME_OTHER_EXIT)),
)


@dataclass(frozen=True, slots=True)
class CampusFigures:
    code: str
    name: str
    people: int
    placed: int  # hired + business created
    hired: int
    business: int
    under_26: int
    rqth: int
    stages: tuple[int, ...]  # one count per STAGES entry
    steps: dict[str, int] = field(default_factory=dict)  # French step label -> count

    @property
    def rqth_shown(self) -> str:
        """The disability-recognition count, or "< 5" for a small cell (never shown exactly)."""
        return f"< {SMALL_CELL}" if 0 < self.rqth < SMALL_CELL else str(self.rqth)


@dataclass(frozen=True, slots=True)
class Dashboard:
    as_of: str
    campuses: list[CampusFigures]
    total: CampusFigures
    goal: int = GOAL_PLACED
    stage_labels: tuple[str, ...] = tuple(name for name, _ in STAGES)


def _figures(row: indicators.CampusIndicators, code: str, name: str) -> CampusFigures:
    stages = tuple(sum(row.pathway.get(step.value, 0) for step in steps) for _name, steps in STAGES)
    hired = row.outcomes.get("hired", 0)
    business = row.outcomes.get("business", 0)
    steps = {label(PathwayStep(s)) if s in PathwayStep._value2member_map_ else s: n for s, n in row.pathway.items()}
    return CampusFigures(
        code, name, row.people, hired + business, hired, business, row.public.under_26, row.public.rqth, stages, steps
    )


def dashboard(hq: Hq, campus_id: str | None = None) -> Dashboard:
    """Every campus side by side, and their total (or one campus only, for its manager)."""
    found = indicators.indicators(hq, campus_id=campus_id)
    rows = sorted(
        (
            _figures(c, c.campus_code or "?", c.campus_name or "Campus inconnu")
            for c in found.campuses
            if c.campus_id is not None or c.people
        ),
        key=lambda f: f.code,
    )
    total = _figures(found.total, "Total", "Tous les campus" if campus_id is None else "Total")
    return Dashboard(as_of=found.as_of, campuses=rows, total=total)
