"""The monthly report: the same figures as the Pilotage page and HQ, laid out once as titled tables, then written as
XLSX here (openpyxl) and as PDF by each end — the campus app with Qt (QTextDocument on QPdfWriter, from `to_html`),
HQ without it (fpdf2). Pure, no I/O except `write_xlsx`.

In French (the funders' language, the default) or English. The code carries the French text; `ENGLISH` is its
English wording, one entry per French message (`wording`). Numbers follow the language: 1 234 (a narrow no-break
space) and 50 % in French, 1,234 and 50% in English. The vocabularies' categories (genders, situations…) take
their labels from `gn_core.domain.labels`, which has both languages already.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Final

from gn_core import indicators as ind
from gn_core.domain import enums as e
from gn_core.domain.labels import label

#: the report's languages, the default first
LANGUAGES: Final = ("fr", "en")
DEFAULT_LANGUAGE: Final = "fr"

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
MONTHS_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
#: each breakdown's title (French: see `ENGLISH` for the English)
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
#: the report's wording in English, keyed by its French text (the source, as written in this module); where the HQ
#: console says the same in French, the English is the console catalogue's too (tests/hq/test_reports.py checks)
ENGLISH: Final[dict[str, str]] = {
    # the title, the subtitle, the file's and sheet's names
    "Le Grand Numérique — rapport de {month}": "Le Grand Numérique — report for {month}",
    "{scope} — du {start} au {end}": "{scope} — from {start} to {end}",
    "Tous les campus": "All campuses",
    "rapport": "report",
    "tous": "all",
    "Rapport": "Report",
    # the month's figures
    "Chiffres du mois": "The month's figures",
    "Indicateur": "Indicator",
    "Valeur": "Value",
    "Personnes inscrites dans le mois": "People enrolled in the month",
    "Personnes en formation à la fin du mois": "People in training at the end of the month",
    "Personnes formées dans le mois": "People trained in the month",
    "Personnes placées dans le mois": "People placed in the month",
    "Personnes placées depuis le début du programme": "People placed since the programme's start",
    "Objectif de placements (fin 2027)": "Placement goal (end of 2027)",
    "Trajectoire attendue à la fin du mois": "Expected trajectory at the end of the month",
    "Atteinte de l'objectif": "Share of the goal reached",
    "Startups accompagnées": "Startups supported",
    "{done} sur {goal}": "{done} of {goal}",
    "Startups créées dans le mois": "Startups created in the month",
    "Orientations acceptées": "Referrals accepted",
    "{accepted} sur {referrals} ({share})": "{accepted} of {referrals} ({share})",
    "Personnes venues à un événement": "People who came to an event",
    "{reach} ({events} événements)": "{reach} ({events} events)",
    "{reach} ({events} événement)": "{reach} ({events} event)",
    # the funnel
    "Parcours des inscrits du mois": "Pathway of the people enrolled in the month",
    "Étape": "Stage",
    "Personnes": "People",
    "Part": "Share",
    "Inscrits du mois": "Enrolled in the month",
    "… formés depuis": "… trained since",
    "… placés depuis": "… placed since",
    # campuses side by side, breakdowns
    "Campus côte à côte": "Campuses side by side",
    "Campus": "Campus",
    "Inscrits": "Enrolled",
    "Formés": "Trained",
    "Placés": "Placed",
    "Placés depuis le début": "Placed since the start",
    "Objectif": "Goal",
    "Groupe": "Group",
    "Par campus": "By campus",
    "Par genre": "By gender",
    "Par âge à l'inscription": "By age at enrolment",
    "Résidence en quartier prioritaire (QPV, approximation par la commune)": (
        "Residence in a priority neighbourhood (QPV, approximated by the town)"
    ),
    "Reconnaissance du handicap (RQTH)": "Disability recognition (RQTH)",
    "Par niveau d'études": "By education level",
    "Par situation": "By situation",
    "Par orienteur": "By referrer",
    # not "Not stated" (the console's word): that is Gender.UNDISCLOSED's label, a row of the same table
    "Non renseigné": "Not recorded",
    "Moins de 26 ans": "Under 26",
    "26 à 44 ans": "26 to 44",
    "45 ans et plus": "45 and over",
    "Commune majoritairement en QPV": "Town mostly in a QPV",
    "Autre commune": "Other town",
    "RQTH": "RQTH",
    "Pas de RQTH enregistrée": "No RQTH recorded",
    # the notes
    "Définitions : docs/indicators.md. Une personne placée (premier contrat de travail, alternance ou "
    "création d'entreprise) est comptée une fois, même si elle revient ensuite en recherche d'emploi.": (
        "Definitions: docs/indicators.md. A person placed (a first employment contract, a work-study contract or a "
        "business created) is counted once, even if they later look for work again."
    ),
    "Données sensibles : « < 5 » masque un groupe de moins de 5 personnes, ou celui qui permettrait de le "
    "retrouver par différence.": (
        "Sensitive data: “< 5” hides a group of fewer than 5 people, or the group that would reveal it by subtraction."
    ),
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
    #: the language it is written in ("fr", "en")
    lang: str = DEFAULT_LANGUAGE


def language(lang: str | None) -> str:
    """`lang` if the report speaks it, else French (an interface in Arabic, an unknown code)."""
    return lang if lang in LANGUAGES else DEFAULT_LANGUAGE


def wording(french: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """The report's `french` text in `lang` (French where no English is known, as a last resort)."""
    return ENGLISH.get(french, french) if language(lang) == "en" else french


def month_label(month: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """ "2026-11" as "novembre 2026" / "November 2026"."""
    year, mon = month.split("-")
    names = MONTHS_EN if language(lang) == "en" else MONTHS_FR
    return f"{names[int(mon) - 1]} {year}"


def count(value: int | None, lang: str = DEFAULT_LANGUAGE) -> str:
    """A count as shown: '< 5' when hidden, thousands apart (French: a narrow no-break space; English: a comma)."""
    if value is None:
        return "< 5"
    return f"{value:,}" if language(lang) == "en" else f"{value:,}".replace(",", "\u202f")


def category(dimension: str, key: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """The name of a breakdown's group in `lang`."""
    if key == ind.UNKNOWN:
        return wording("Non renseigné", lang)
    vocabulary = _VOCABULARIES.get(dimension)
    if vocabulary is not None and key in {v.value for v in vocabulary}:
        return label(vocabulary(key), language(lang))
    fixed = _FIXED.get((dimension, key))
    return wording(fixed, lang) if fixed is not None else key


def _percent(part: int, whole: int, lang: str = DEFAULT_LANGUAGE) -> str:
    if not whole:
        return "—"
    return f"{round(100 * part / whole)}%" if language(lang) == "en" else f"{round(100 * part / whole)} %"


def _day(value: date, lang: str) -> str:
    """A day: 01/03/2026 in French, 2026-03-01 in English (as the HQ console writes them)."""
    return value.isoformat() if language(lang) == "en" else f"{value:%d/%m/%Y}"


def monthly_report(
    month: str,
    scope: str,
    data: ind.Indicators,
    campuses: Sequence[tuple[str, ind.Indicators]] = (),
    lang: str = DEFAULT_LANGUAGE,
) -> Report:
    """The report of `month` ("YYYY-MM") for `scope` (a campus's name, or the whole programme), from `data` computed
    over that month; `campuses`: each campus's figures over the same month, side by side (HQ-wide reports); in `lang`
    ("fr", the default, or "en": the same figures either way)."""
    lang = language(lang)

    def t(french: str) -> str:
        return wording(french, lang)

    def n(value: int | None) -> str:
        return count(value, lang)

    d = data
    conversion = _percent(d.referrals_accepted, d.referrals, lang)
    events = "{reach} ({events} événement)" if d.events_held == 1 else "{reach} ({events} événements)"
    figures = Table(
        t("Chiffres du mois"),
        (t("Indicateur"), t("Valeur")),
        (
            (t("Personnes inscrites dans le mois"), n(d.enrolled)),
            (t("Personnes en formation à la fin du mois"), n(d.in_training)),
            (t("Personnes formées dans le mois"), n(d.trained)),
            (t("Personnes placées dans le mois"), n(d.placed)),
            (t("Personnes placées depuis le début du programme"), n(d.placed_cumulative)),
            (t("Objectif de placements (fin 2027)"), n(d.placed_goal)),
            (t("Trajectoire attendue à la fin du mois"), n(d.placed_target)),
            (t("Atteinte de l'objectif"), _percent(d.placed_cumulative, d.placed_goal, lang)),
            (
                t("Startups accompagnées"),
                t("{done} sur {goal}").format(done=n(d.startups_accompanied), goal=n(d.startup_goal)),
            ),
            (t("Startups créées dans le mois"), n(d.startups_created)),
            (
                t("Orientations acceptées"),
                t("{accepted} sur {referrals} ({share})").format(
                    accepted=n(d.referrals_accepted), referrals=n(d.referrals), share=conversion
                ),
            ),
            (t("Personnes venues à un événement"), t(events).format(reach=n(d.event_reach), events=n(d.events_held))),
        ),
    )
    funnel_names = {"enrolled": "Inscrits du mois", "trained": "… formés depuis", "placed": "… placés depuis"}
    top = d.funnel[0][1] if d.funnel else 0
    funnel = Table(
        t("Parcours des inscrits du mois"),
        (t("Étape"), t("Personnes"), t("Part")),
        tuple((t(funnel_names[k]), n(v), _percent(v, top, lang)) for k, v in d.funnel),
    )
    tables = [figures, funnel]
    if campuses:
        tables.append(
            Table(
                t("Campus côte à côte"),
                tuple(t(h) for h in ("Campus", "Inscrits", "Formés", "Placés", "Placés depuis le début", "Objectif")),
                tuple(
                    (name, n(c.enrolled), n(c.trained), n(c.placed), n(c.placed_cumulative), n(c.placed_goal))
                    for name, c in campuses
                ),
            )
        )
    for b in d.breakdowns:
        if b.dimension == "campus" and not campuses:
            continue
        tables.append(
            Table(
                t(DIMENSION_TITLES[b.dimension]),
                tuple(t(h) for h in ("Groupe", "Inscrits", "Formés", "Placés")),
                tuple((category(b.dimension, r.key, lang), n(r.enrolled), n(r.trained), n(r.placed)) for r in b.rows),
            )
        )
    return Report(
        title=t("Le Grand Numérique — rapport de {month}").format(month=month_label(month, lang)),
        subtitle=t("{scope} — du {start} au {end}").format(
            scope=scope, start=_day(d.period.start, lang), end=_day(d.period.end, lang)
        ),
        tables=tuple(tables),
        notes=(
            t(
                "Définitions : docs/indicators.md. Une personne placée (premier contrat de travail, alternance ou "
                "création d'entreprise) est comptée une fois, même si elle revient ensuite en recherche d'emploi."
            ),
            t(
                "Données sensibles : « < 5 » masque un groupe de moins de 5 personnes, ou celui qui permettrait de le "
                "retrouver par différence."
            ),
        ),
        lang=lang,
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
    ws.title = wording("Rapport", report.lang)
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
            ws.append([_number(v, report.lang) for v in row])
    ws.append([])
    for note in report.notes:
        ws.append([note])
    ws.column_dimensions["A"].width = 48
    for col in "BCDEF":
        ws.column_dimensions[col].width = 16
    wb.save(path)


def _number(value: str, lang: str = DEFAULT_LANGUAGE) -> str | int:
    """A count as a number ("1\u202f234" in French, "1,234" in English); any other text as it is."""
    digits = value.replace("," if language(lang) == "en" else "\u202f", "")
    return int(digits) if digits.isdigit() else value
