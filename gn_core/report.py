"""The monthly report: the same figures as the Pilotage page and HQ, laid out once as titled tables (in French, the
funders' language), then written as XLSX here (openpyxl) and as PDF by each end — the campus app with Qt
(QTextDocument on QPdfWriter, from `to_html`), HQ without it (fpdf2). Pure, no I/O except `write_xlsx`.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from gn_core import indicators as ind
from gn_core.domain import enums as e
from gn_core.domain.labels import label

MONTHS_FR = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)
DIMENSION_TITLES = {
    "campus": "Par campus",
    "gender": "Par genre",
    "age_band": "Par âge à l'inscription",
    "qpv": "Résidence en quartier prioritaire (QPV, approximation par la commune)",
    "rqth": "Reconnaissance du handicap (RQTH)",
    "education_level": "Par niveau d'études",
    "situation": "Par situation",
    "referral_source": "Par orienteur",
}
_VOCABULARIES: dict[str, type[StrEnum]] = {
    "gender": e.Gender,
    "education_level": e.EducationLevel,
    "situation": e.Situation,
    "referral_source": e.ReferralSource,
}
_FIXED = {
    ("age_band", "under_26"): "Moins de 26 ans",
    ("age_band", "26_44"): "26 à 44 ans",
    ("age_band", "45_plus"): "45 ans et plus",
    ("qpv", "yes"): "Commune majoritairement en QPV",
    ("qpv", "no"): "Autre commune",
    ("rqth", "yes"): "RQTH",
    ("rqth", "no"): "Pas de RQTH enregistrée",
}


@dataclass(frozen=True, slots=True)
class Table:
    title: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True, slots=True)
class Report:
    title: str
    subtitle: str
    tables: tuple[Table, ...]
    notes: tuple[str, ...]


def month_label(month: str) -> str:
    year, mon = month.split("-")
    return f"{MONTHS_FR[int(mon) - 1]} {year}"


def count(value: int | None) -> str:
    """A count as shown: '< 5' when hidden, thin spaces between thousands."""
    return "< 5" if value is None else f"{value:,}".replace(",", "\u202f")


def category(dimension: str, key: str) -> str:
    if key == ind.UNKNOWN:
        return "Non renseigné"
    vocabulary = _VOCABULARIES.get(dimension)
    if vocabulary is not None and key in {v.value for v in vocabulary}:
        return label(vocabulary(key))
    return _FIXED.get((dimension, key), key)


def _percent(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)} %" if whole else "—"


def monthly_report(
    month: str,
    scope: str,
    data: ind.Indicators,
    campuses: Sequence[tuple[str, ind.Indicators]] = (),
) -> Report:
    """The report of `month` ("YYYY-MM") for `scope` (a campus's name, or the whole programme), from `data` computed
    over that month; `campuses`: each campus's figures over the same month, side by side (HQ-wide reports)."""
    d = data
    conversion = _percent(d.referrals_accepted, d.referrals)
    figures = Table(
        "Chiffres du mois",
        ("Indicateur", "Valeur"),
        (
            ("Personnes inscrites dans le mois", count(d.enrolled)),
            ("Personnes en formation à la fin du mois", count(d.in_training)),
            ("Personnes formées dans le mois", count(d.trained)),
            ("Personnes placées dans le mois", count(d.placed)),
            ("Personnes placées depuis le début du programme", count(d.placed_cumulative)),
            ("Objectif de placements (fin 2027)", count(d.placed_goal)),
            ("Trajectoire attendue à la fin du mois", count(d.placed_target)),
            ("Atteinte de l'objectif", _percent(d.placed_cumulative, d.placed_goal)),
            ("Startups accompagnées", f"{count(d.startups_accompanied)} sur {count(d.startup_goal)}"),
            ("Startups créées dans le mois", count(d.startups_created)),
            ("Orientations acceptées", f"{count(d.referrals_accepted)} sur {count(d.referrals)} ({conversion})"),
            ("Personnes venues à un événement", f"{count(d.event_reach)} ({count(d.events_held)} événements)"),
        ),
    )
    funnel_names = {"enrolled": "Inscrits du mois", "trained": "… formés depuis", "placed": "… placés depuis"}
    top = d.funnel[0][1] if d.funnel else 0
    funnel = Table(
        "Parcours des inscrits du mois",
        ("Étape", "Personnes", "Part"),
        tuple((funnel_names[k], count(v), _percent(v, top)) for k, v in d.funnel),
    )
    tables = [figures, funnel]
    if campuses:
        tables.append(
            Table(
                "Campus côte à côte",
                ("Campus", "Inscrits", "Formés", "Placés", "Placés depuis le début", "Objectif"),
                tuple(
                    (
                        name,
                        count(c.enrolled),
                        count(c.trained),
                        count(c.placed),
                        count(c.placed_cumulative),
                        count(c.placed_goal),
                    )
                    for name, c in campuses
                ),
            )
        )
    for b in d.breakdowns:
        if b.dimension == "campus" and not campuses:
            continue
        tables.append(
            Table(
                DIMENSION_TITLES[b.dimension],
                ("Groupe", "Inscrits", "Formés", "Placés"),
                tuple(
                    (category(b.dimension, r.key), count(r.enrolled), count(r.trained), count(r.placed)) for r in b.rows
                ),
            )
        )
    return Report(
        title=f"Le Grand Numérique — rapport de {month_label(month)}",
        subtitle=f"{scope} — du {d.period.start:%d/%m/%Y} au {d.period.end:%d/%m/%Y}",
        tables=tuple(tables),
        notes=(
            "Définitions : docs/indicators.md. Une personne placée (premier contrat de travail, alternance ou "
            "création d'entreprise) est comptée une fois, même si elle revient ensuite en recherche d'emploi.",
            "Données sensibles : « < 5 » masque un groupe de moins de 5 personnes, ou celui qui permettrait de le "
            "retrouver par différence.",
        ),
    )


def to_html(report: Report) -> str:
    """The report as simple HTML (for Qt's QTextDocument)."""
    e_ = html.escape
    parts = [f"<h1>{e_(report.title)}</h1>", f"<p><i>{e_(report.subtitle)}</i></p>"]
    for t in report.tables:
        parts.append(f"<h3>{e_(t.title)}</h3>")
        parts.append('<table border="1" cellspacing="0" cellpadding="3" width="100%">')
        parts.append("<tr>" + "".join(f"<th align='left'>{e_(h)}</th>" for h in t.header) + "</tr>")
        for row in t.rows:
            cells = "".join(f"<td{' align=right' if i else ''}>{e_(v)}</td>" for i, v in enumerate(row))
            parts.append(f"<tr>{cells}</tr>")
        parts.append("</table>")
    parts += [f"<p><small>{e_(n)}</small></p>" for n in report.notes]
    return "\n".join(parts)


def write_xlsx(report: Report, path: Path) -> None:
    """The report as a workbook: one sheet, each table under its title (numbers as numbers)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Rapport"
    ws.append([report.title])
    ws["A1"].font = Font(bold=True, size=14)
    ws.append([report.subtitle])
    for t in report.tables:
        ws.append([])
        ws.append([t.title])
        ws.cell(ws.max_row, 1).font = Font(bold=True)
        ws.append(list(t.header))
        for c in range(1, len(t.header) + 1):
            ws.cell(ws.max_row, c).font = Font(bold=True)
        for row in t.rows:
            ws.append([_number(v) for v in row])
    ws.append([])
    for note in report.notes:
        ws.append([note])
    ws.column_dimensions["A"].width = 48
    for col in "BCDEF":
        ws.column_dimensions[col].width = 16
    wb.save(path)


def _number(value: str) -> str | int:
    digits = value.replace("\u202f", "")
    return int(digits) if digits.isdigit() else value
