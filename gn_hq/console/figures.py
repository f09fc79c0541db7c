"""What the console's dashboard shows: HQ's programme indicators (`gn_hq.services.indicators.programme`, defined once
in `gn_core.indicators`, as the campus app's Pilotage page and `GET /v1/indicators`), with the names of the
breakdowns in the viewer's language. Only counts reach the templates, and hidden small cells stay hidden ("< 5").
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from gn_core import indicators as ind
from gn_core.domain import enums as e
from gn_core.domain.labels import label
from gn_hq.console.i18n import N_, Lang
from gn_hq.services import indicators
from gn_hq.services.context import Hq

DIMENSION_LABELS = {
    "campus": N_("Campus"),
    "gender": N_("Genre"),
    "age_band": N_("Âge à l'inscription"),
    "qpv": N_("Quartier prioritaire (QPV, approximation par la commune)"),
    "rqth": N_("Reconnaissance de handicap"),
    "education_level": N_("Niveau de formation"),
    "situation": N_("Situation"),
    "referral_source": N_("Orienté par"),
}
_FIXED = {
    ("age_band", "under_26"): N_("Moins de 26 ans"),
    ("age_band", "26_44"): N_("26 à 44 ans"),
    ("age_band", "45_plus"): N_("45 ans et plus"),
    ("qpv", "yes"): N_("Commune majoritairement en QPV"),
    ("qpv", "no"): N_("Autre commune"),
    ("rqth", "yes"): N_("RQTH enregistrée"),
    ("rqth", "no"): N_("Pas de RQTH enregistrée"),
}
_VOCABULARIES: dict[str, type[StrEnum]] = {
    "gender": e.Gender,
    "education_level": e.EducationLevel,
    "situation": e.Situation,
    "referral_source": e.ReferralSource,
}


def dimension_label(dimension: str, lang: Lang) -> str:
    """The name of a breakdown (gender, age band…) in `lang`."""
    return lang._(DIMENSION_LABELS[dimension]) if dimension in DIMENSION_LABELS else dimension


def key_label(dimension: str, key: str, lang: Lang) -> str:
    """The name of a breakdown's category in `lang`."""
    if key == ind.UNKNOWN:
        return lang._("Non renseigné")
    vocabulary = _VOCABULARIES.get(dimension)
    if vocabulary is not None and key in {v.value for v in vocabulary}:
        return label(vocabulary(key), lang.code)
    fixed = _FIXED.get((dimension, key))
    return lang._(fixed) if fixed is not None else key


def cell(value: int | None, lang: Lang) -> str:
    """A count, or "< 5" where a small cell is hidden."""
    return f"< {ind.SMALL_CELL}" if value is None else lang.number(value)


@dataclass(frozen=True, slots=True)
class CampusRow:
    code: str
    name: str | None  # None: a campus HQ no longer knows
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
        CampusRow(c.campus.code if c.campus else "?", c.campus.name if c.campus else None, c.indicators)
        for c in found.campuses
    ]
    return Dashboard(period=period, campuses=rows, total=found.total.indicators)
