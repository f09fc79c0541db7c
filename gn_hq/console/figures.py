"""What the console's dashboard shows: HQ's programme indicators (`gn_hq.services.indicators.programme`, defined once
in `gn_core.indicators`, as the campus app's Pilotage page and `GET /v1/indicators`), with French names for the
breakdowns. Only counts reach the templates, and hidden small cells stay hidden ("< 5").
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from gn_core import indicators as ind
from gn_core.domain import enums as e
from gn_core.domain.labels import label
from gn_hq.services import indicators
from gn_hq.services.context import Hq

DIMENSION_LABELS = {
    "campus": "Campus",
    "gender": "Genre",
    "age_band": "Âge à l'inscription",
    "qpv": "Quartier prioritaire (QPV, approximation par la commune)",
    "rqth": "Reconnaissance de handicap",
    "education_level": "Niveau de formation",
    "situation": "Situation",
    "referral_source": "Orienté par",
}
_FIXED = {
    ("age_band", "under_26"): "Moins de 26 ans",
    ("age_band", "26_44"): "26 à 44 ans",
    ("age_band", "45_plus"): "45 ans et plus",
    ("qpv", "yes"): "Commune majoritairement en QPV",
    ("qpv", "no"): "Autre commune",
    ("rqth", "yes"): "RQTH enregistrée",
    ("rqth", "no"): "Pas de RQTH enregistrée",
}
_VOCABULARIES: dict[str, type[StrEnum]] = {
    "gender": e.Gender,
    "education_level": e.EducationLevel,
    "situation": e.Situation,
    "referral_source": e.ReferralSource,
}


def key_label(dimension: str, key: str) -> str:
    """The French name of a breakdown's category."""
    if key == ind.UNKNOWN:
        return "Non renseigné"
    vocabulary = _VOCABULARIES.get(dimension)
    if vocabulary is not None and key in {v.value for v in vocabulary}:
        return label(vocabulary(key))
    return _FIXED.get((dimension, key), key)


def cell(value: int | None) -> str:
    """A count, or "< 5" where a small cell is hidden."""
    return f"< {ind.SMALL_CELL}" if value is None else f"{value:,}".replace(",", "\u202f")


@dataclass(frozen=True, slots=True)
class CampusRow:
    code: str
    name: str
    figures: ind.Indicators


@dataclass(frozen=True, slots=True)
class Dashboard:
    period: ind.Period
    campuses: list[CampusRow]
    total: ind.Indicators


def default_period(today: date | None = None) -> ind.Period:
    return ind.Period.programme(today or date.today())


def dashboard(hq: Hq, period: ind.Period, campus_id: str | None = None) -> Dashboard:
    """Every campus side by side over `period`, and their total (or one campus only, for its manager)."""
    found = indicators.programme(hq, period, campus_id)
    rows = [
        CampusRow(c.campus.code if c.campus else "?", c.campus.name if c.campus else "Campus inconnu", c.indicators)
        for c in found.campuses
    ]
    return Dashboard(period=period, campuses=rows, total=found.total.indicators)
