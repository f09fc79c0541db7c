"""HQ's monthly report, per campus or programme-wide, as PDF (fpdf2: no Qt at HQ) or XLSX (openpyxl).

The figures are `indicators.programme` over the month; the layout is `gn_core.report` — the same as the campus app's
report, so both say the same thing; in French or English (`lang`: the CLI's `--lang`, the console's language).
`gn-hq report --month 2026-11 --format pdf|xlsx [--campus SDN] [--lang fr|en] --out FILE`.
"""

from __future__ import annotations

from pathlib import Path

from gn_core import indicators as ind
from gn_core import report as rep
from gn_hq.services.context import Hq
from gn_hq.services.devices import find_campus
from gn_hq.services.errors import HqError
from gn_hq.services.indicators import programme

FORMATS = ("pdf", "xlsx")
#: characters the PDF's built-in font lacks, and what stands for them
_PDF_TEXT = str.maketrans(
    {"\u202f": " ", "—": "-", "…": "...", "’": "'", "‘": "'", "“": '"', "”": '"', "œ": "oe", "Œ": "OE"}
)


def _period(month: str) -> ind.Period:
    try:
        return ind.Period.month(month)
    except ValueError as exc:
        raise HqError(
            f"Mois invalide « {month} » : attendu AAAA-MM, par exemple 2026-11.", code="invalid_month"
        ) from exc


def monthly(hq: Hq, month: str, campus: str | None = None, lang: str = rep.DEFAULT_LANGUAGE) -> rep.Report:
    """The report of `month` ("YYYY-MM") for the campus `campus` (code or id), or for the whole programme, in `lang`
    ("fr" or "en")."""
    period = _period(month)
    campus_id = None
    if campus is not None:
        with hq.read() as conn:
            info = find_campus(conn, campus)
        if info is None:
            raise HqError(f"Campus « {campus} » inconnu : voyez gn-hq campus list.", code="unknown_campus", status=404)
        campus_id = info.id
    prog = programme(hq, period, campus_id)
    if campus_id is not None:
        figures = prog.campuses[0]
        name = figures.campus.name if figures.campus else campus
        return rep.monthly_report(month, name or "", figures.indicators, lang=lang)
    side = [(f.campus.code if f.campus else "?", f.indicators) for f in prog.campuses]
    return rep.monthly_report(month, rep.wording("Tous les campus", lang), prog.total.indicators, side, lang)


def file_name(month: str, campus: str | None, fmt: str, lang: str = rep.DEFAULT_LANGUAGE) -> str:
    """The name a downloaded report is offered under: rapport-2026-11-SDN.pdf, report-2026-11-ALL.xlsx…"""
    return f"{rep.wording('rapport', lang)}-{month}-{(campus or rep.wording('tous', lang)).upper()}.{fmt}"


def write_pdf(report: rep.Report, path: Path) -> None:
    """The report as an A4 PDF: its title, then each table."""
    from fpdf import FPDF
    from fpdf.fonts import FontFace

    def text(value: str) -> str:
        return value.translate(_PDF_TEXT).encode("latin-1", "replace").decode("latin-1")

    pdf = FPDF(format="A4")
    pdf.set_title(text(report.title))
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 15)
    pdf.multi_cell(0, 8, text(report.title), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "I", 10)
    pdf.multi_cell(0, 6, text(report.subtitle), new_x="LMARGIN", new_y="NEXT")
    for t in report.tables:
        pdf.ln(3)
        pdf.set_font("Helvetica", "B", 11)
        pdf.multi_cell(0, 7, text(t.title), new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Helvetica", "", 9)
        first = 0.45 if len(t.header) <= 4 else 0.3
        rest = (1 - first) / (len(t.header) - 1)
        widths = (first, *([rest] * (len(t.header) - 1)))
        with pdf.table(
            col_widths=widths,
            text_align=("LEFT", *(["RIGHT"] * (len(t.header) - 1))),
            headings_style=FontFace(emphasis="BOLD"),
        ) as table:
            for row in (t.header, *t.rows):
                cells = table.row()
                for value in row:
                    cells.cell(text(value))
    pdf.ln(3)
    pdf.set_font("Helvetica", "", 8)
    for note in report.notes:
        pdf.multi_cell(0, 4, text(note), new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))


def write(report: rep.Report, fmt: str, path: Path) -> None:
    if fmt == "pdf":
        write_pdf(report, path)
    elif fmt == "xlsx":
        rep.write_xlsx(report, path)
    else:
        raise HqError(f"Format « {fmt} » inconnu : pdf ou xlsx.", code="invalid_format")
