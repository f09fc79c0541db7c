"""The Pilotage page (campus managers): the campus's progress toward its share of the programme's goal.

Key figures, cumulative placed against the goal's trajectory, monthly bars, the funnel enrolled → trained → placed,
and breakdowns as tables with small bars, over a period the manager picks. Every chart sits in a tab beside its
table (keyboard and screen-reader users read the table). The figures come from `services.pilotage` through the task
runner; definitions in docs/indicators.md. Threading: main thread only.
"""

from __future__ import annotations

from datetime import date, timedelta
from enum import StrEnum
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from gn_core import indicators as ind
from gn_core import report
from gn_core.domain import enums as e
from gn_desktop.services import pilotage
from gn_desktop.views.charts import BAR_ROLE, BLUE, GREY, ORANGE, BarChart, BarDelegate, FunnelChart, LineChart, Series
from gn_desktop.views.common import heading, lab, table
from gn_desktop.views.i18n import current_language
from gn_desktop.views.person.access_export import write_pdf
from gn_desktop.views.person.tab import pydate, qdate
from gn_desktop.views.tasks import TaskError, TaskRunner

#: the period presets, in the combo's order
PRESETS = ("programme", "year", "12_months", "last_month", "custom")
_VOCABULARIES: dict[str, type[StrEnum]] = {
    "gender": e.Gender,
    "education_level": e.EducationLevel,
    "situation": e.Situation,
    "referral_source": e.ReferralSource,
}


def preset_period(preset: str, today: date) -> ind.Period:
    if preset == "year":
        return ind.Period(date(today.year, 1, 1), today)
    if preset == "12_months":
        return ind.Period(date(today.year - 1, today.month, 1), today)
    if preset == "last_month":
        first = date(today.year, today.month, 1)
        return ind.Period.month(f"{(first - timedelta(days=1)):%Y-%m}")
    return ind.Period.programme(today)


def _count(value: int | None) -> str:
    return "< 5" if value is None else f"{value:,}".replace(",", "\u202f")


def _item(text: str, share: float | None = None, align_right: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if share is not None:
        item.setData(BAR_ROLE, share)
    if align_right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


def _fill(t: QTableWidget, rows: list[list[str]], shares: list[list[float | None]] | None = None) -> None:
    t.setRowCount(len(rows))
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            share = shares[r][c] if shares else None
            t.setItem(r, c, _item(value, share, align_right=c > 0))


class Card(QFrame):
    """One key figure: a big number and what it counts."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.setObjectName(name)
        self.setProperty("card", True)
        self.value = QLabel()
        self.value.setObjectName(f"{name}-value")
        font = self.value.font()
        font.setPointSize(16)
        font.setBold(True)
        self.value.setFont(font)
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        # the cards share the row's width equally, whatever their text
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(96)
        self.setFixedHeight(104)  # a wrapped caption must not make the page taller than the window
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addWidget(self.value)
        layout.addWidget(self.caption)

    def set(self, value: str, caption: str) -> None:
        self.value.setText(value)
        self.caption.setText(caption)
        self.setAccessibleName(f"{caption} : {value}")


class _BodyLayout(QVBoxLayout):
    """The scrolled content's layout. Its wrapped labels would make the scroll area size it by its preferred height
    for the width (taller than the window): it scrolls only below its minimum height instead."""

    def hasHeightForWidth(self) -> bool:
        return False


def chart_tabs(name: str, chart: QWidget, tab: QTableWidget) -> QTabWidget:
    tabs = QTabWidget()
    tabs.setObjectName(name)
    tabs.addTab(chart, "")
    tabs.addTab(tab, "")
    return tabs


class PilotagePage(QWidget):
    loaded = Signal(object)
    #: the monthly report's file, once written
    report_written = Signal(object)

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pilotage-page")
        self._runner = runner
        self.data: pilotage.PilotageData | None = None
        self.today = date.today()
        self.title = heading()
        self.preset = QComboBox()
        self.preset.setObjectName("pilotage-preset")
        self.preset.addItems([""] * len(PRESETS))
        self.preset.currentIndexChanged.connect(self._preset_changed)
        self.start, self.end = QDateEdit(), QDateEdit()
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.dateChanged.connect(self._dates_edited)
        self.start.setObjectName("pilotage-start")
        self.end.setObjectName("pilotage-end")
        self.show_button = QPushButton()
        self.show_button.setObjectName("pilotage-show")
        self.show_button.clicked.connect(self.reload)
        self.report_button = QPushButton()
        self.report_button.setObjectName("pilotage-report")
        self.report_button.clicked.connect(self._choose_report_file)
        self.from_label, self.to_label = QLabel(), QLabel()
        self.from_label.setBuddy(self.start)
        self.to_label.setBuddy(self.end)
        self.status = QLabel()
        self.status.setWordWrap(True)

        self.cards = {
            key: Card(f"card-{key}")
            for key in (
                "placed_cumulative",
                "enrolled",
                "in_training",
                "trained",
                "placed",
                "startups",
                "referrals",
                "events",
            )
        }
        self.progress_chart = LineChart("progress-chart")
        self.progress_table = table("progress-table", 3)
        self.progress_tabs = chart_tabs("progress-tabs", self.progress_chart, self.progress_table)
        self.monthly_chart = BarChart("monthly-chart")
        self.monthly_table = table("monthly-table", 4)
        self.monthly_tabs = chart_tabs("monthly-tabs", self.monthly_chart, self.monthly_table)
        self.funnel_chart = FunnelChart("funnel-chart")
        self.funnel_table = table("funnel-table", 3)
        self.funnel_tabs = chart_tabs("funnel-tabs", self.funnel_chart, self.funnel_table)
        self.dimension = QComboBox()
        self.dimension.setObjectName("pilotage-dimension")
        self.dimension.addItems([""] * len(ind.DIMENSIONS))
        self.dimension.setCurrentIndex(ind.DIMENSIONS.index("age_band"))  # a campus's own page: one campus
        self.dimension.currentIndexChanged.connect(self._render_breakdown)
        self.breakdown_table = table("breakdown-table", 4)
        self.breakdown_table.setItemDelegate(BarDelegate(self.breakdown_table))
        self.breakdown_note = QLabel()
        self.breakdown_title, self.funnel_title = heading(size=13), heading(size=13)

        filters = QHBoxLayout()
        filters.addWidget(self.preset)
        for w in (self.from_label, self.start, self.to_label, self.end, self.show_button):
            filters.addWidget(w)
        filters.addStretch(1)
        filters.addWidget(self.report_button)
        card_row = QHBoxLayout()
        for key, card in self.cards.items():
            card_row.addWidget(card, 2 if key == "placed_cumulative" else 1)
        grid = QGridLayout()
        grid.addWidget(self.progress_tabs, 0, 0)
        grid.addWidget(self.monthly_tabs, 0, 1)
        left = QVBoxLayout()
        left.addWidget(self.funnel_title)
        left.addWidget(self.funnel_tabs, 1)
        right = QVBoxLayout()
        pick = QHBoxLayout()
        pick.addWidget(self.breakdown_title, 1)
        pick.addWidget(self.dimension)
        right.addLayout(pick)
        right.addWidget(self.breakdown_table, 1)
        right.addWidget(self.breakdown_note)
        grid.addLayout(left, 1, 0)
        grid.addLayout(right, 1, 1)
        for tabs in (self.progress_tabs, self.monthly_tabs):
            tabs.setMinimumHeight(190)
        self.funnel_tabs.setMinimumHeight(130)
        self.breakdown_table.setMinimumHeight(130)
        grid.setRowStretch(0, 3)
        grid.setRowStretch(1, 2)
        body = QWidget()
        body_layout = _BodyLayout(body)
        body_layout.setContentsMargins(28, 16, 28, 12)
        body_layout.addWidget(self.title)
        body_layout.addLayout(filters)
        body_layout.addLayout(card_row)
        body_layout.addLayout(grid, 1)
        body_layout.addWidget(self.status)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        self.setStyleSheet('QFrame[card="true"] { background: #f2f5f9; border-radius: 6px; }')
        self._retranslate()
        self._preset_changed(0)

    # -- loading ---------------------------------------------------------------------------------------------------

    def period(self) -> ind.Period:
        return ind.Period(pydate(self.start.date()), pydate(self.end.date()))

    def reload(self) -> None:
        period = self.period()
        if period.start > period.end:
            self.status.setText(self.tr("The period's start must come before its end."))
            return
        self.status.clear()
        self._runner.query(pilotage.pilotage_data, period, on_done=self._show, on_error=self._failed)

    def _failed(self, error: TaskError) -> None:
        self.status.setText(error.message)

    # -- the monthly report ------------------------------------------------------------------------------------------

    def report_month(self) -> str:
        """The month the report covers: the one of the period's last day."""
        return f"{pydate(self.end.date()):%Y-%m}"

    def report_language(self) -> str:
        """The report's language: the interface's when the report speaks it (French, English), else French."""
        return report.language(current_language())

    def _choose_report_file(self) -> None:
        stem = report.wording("rapport", self.report_language())
        name = f"{stem}-{self.data.campus_code or 'campus' if self.data else 'campus'}-{self.report_month()}.pdf"
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the monthly report"),
            str(Path.home() / name),
            self.tr("PDF document (*.pdf);;Excel workbook (*.xlsx)"),
        )
        if path:
            self.write_report(Path(path))

    def write_report(self, path: Path) -> None:
        """Write the month's report into `path`, in the interface's language: a workbook if it ends in .xlsx, a PDF
        otherwise."""
        month, lang = self.report_month(), self.report_language()
        if path.suffix.lower() == ".xlsx":
            self._runner.query(
                pilotage.write_report_xlsx, month, path, lang, on_done=self._report_written, on_error=self._failed
            )
        else:
            self._runner.query(
                pilotage.monthly_report,
                month,
                lang,
                on_done=lambda r: self._report_written(self._write_pdf(r, path)),
                on_error=self._failed,
            )

    def _write_pdf(self, r: report.Report, path: Path) -> Path:
        write_pdf(report.to_html(r), path, title=r.title)
        return path

    def _report_written(self, path: Path) -> None:
        self.status.setText(self.tr("Report written: %1").replace("%1", str(path)))
        self.report_written.emit(path)

    def _preset_changed(self, index: int) -> None:
        if PRESETS[index] == "custom":
            return
        period = preset_period(PRESETS[index], self.today)
        for edit, day in ((self.start, period.start), (self.end, period.end)):
            edit.blockSignals(True)
            edit.setDate(qdate(day))
            edit.blockSignals(False)

    def _dates_edited(self) -> None:
        self.preset.blockSignals(True)
        self.preset.setCurrentIndex(PRESETS.index("custom"))
        self.preset.blockSignals(False)

    def _show(self, data: pilotage.PilotageData) -> None:
        self.data = data
        self._render()
        self.loaded.emit(data)

    # -- rendering -------------------------------------------------------------------------------------------------

    def _render(self) -> None:
        self._retranslate()
        if self.data is None:
            return
        d = self.data.indicators
        share = f" ({round(100 * d.placed_cumulative / d.placed_goal)} %)" if d.placed_goal else ""
        conversion = d.referral_conversion
        figures = {
            "placed_cumulative": (
                f"{_count(d.placed_cumulative)} / {_count(d.placed_goal)}",
                self.tr("placed since the start, of the goal") + share,
            ),
            "enrolled": (_count(d.enrolled), self.tr("enrolled in the period")),
            "in_training": (_count(d.in_training), self.tr("in training at the period's end")),
            "trained": (_count(d.trained), self.tr("trained in the period")),
            "placed": (_count(d.placed), self.tr("placed in the period")),
            "startups": (
                _count(d.startups_accompanied),
                self.tr("startups accompanied, of %1 (%2 created)")
                .replace("%1", str(d.startup_goal))
                .replace("%2", str(d.startups_created)),
            ),
            "referrals": (
                f"{round(100 * conversion)} %" if conversion is not None else "—",
                self.tr("referrals accepted (%1 of %2)")
                .replace("%1", str(d.referrals_accepted))
                .replace("%2", str(d.referrals)),
            ),
            "events": (
                _count(d.event_reach),
                self.tr("people at %1 events").replace("%1", str(d.events_held)),
            ),
        }
        for key, (value, caption) in figures.items():
            self.cards[key].set(value, caption)
        months = [row.month for row in d.months]
        placed_label, target_label = self.tr("Placed (cumulative)"), self.tr("Trajectory to the goal")
        self.progress_chart.set_data(
            months,
            [
                Series(placed_label, [r.placed_cumulative for r in d.months], BLUE),
                Series(target_label, [r.target_cumulative for r in d.months], GREY, dashed=True),
            ],
            self.tr("%1 people placed since the start; the trajectory expects %2 by the period's end.")
            .replace("%1", str(d.placed_cumulative))
            .replace("%2", str(d.placed_target)),
        )
        _fill(
            self.progress_table, [[r.month, _count(r.placed_cumulative), _count(r.target_cumulative)] for r in d.months]
        )
        enrolled_label, placed_month = self.tr("Enrolled"), self.tr("Placed")
        self.monthly_chart.set_data(
            months,
            [
                Series(enrolled_label, [r.enrolled for r in d.months], ORANGE),
                Series(placed_month, [r.placed for r in d.months], BLUE),
            ],
            self.tr("People enrolled and placed each month of the period."),
        )
        _fill(
            self.monthly_table, [[r.month, _count(r.enrolled), _count(r.trained), _count(r.placed)] for r in d.months]
        )
        names = {"enrolled": self.tr("Enrolled"), "trained": self.tr("Trained"), "placed": self.tr("Placed")}
        top = d.funnel[0][1] if d.funnel else 0
        self.funnel_chart.set_data(
            [names[k] for k, _ in d.funnel],
            [Series("", [v for _, v in d.funnel], BLUE)],
            ", ".join(f"{names[k]} {v}" for k, v in d.funnel),
        )
        _fill(
            self.funnel_table,
            [[names[k], _count(v), f"{round(100 * v / top)} %" if top else "—"] for k, v in d.funnel],
        )
        self._render_breakdown()

    def _render_breakdown(self) -> None:
        if self.data is None:
            return
        dimension = ind.DIMENSIONS[max(0, self.dimension.currentIndex())]
        b = self.data.indicators.breakdown(dimension)
        top = max((r.enrolled or 0 for r in b.rows), default=0) or 1
        rows = [
            [self._key_label(dimension, r.key), _count(r.enrolled), _count(r.trained), _count(r.placed)] for r in b.rows
        ]
        shares: list[list[float | None]] = [
            [None, (r.enrolled or 0) / top, (r.trained or 0) / top, (r.placed or 0) / top] for r in b.rows
        ]
        _fill(self.breakdown_table, rows, shares)
        self.breakdown_note.setText(
            self.tr("Sensitive: “< 5” hides a small group (or one that would give it away).") if b.sensitive else ""
        )

    def _key_label(self, dimension: str, key: str) -> str:
        if key == ind.UNKNOWN:
            return self.tr("Not known")
        vocabulary = _VOCABULARIES.get(dimension)
        if vocabulary is not None and key in {v.value for v in vocabulary}:
            return lab(vocabulary(key))
        fixed = {
            ("age_band", "under_26"): self.tr("Under 26"),
            ("age_band", "26_44"): self.tr("26 to 44"),
            ("age_band", "45_plus"): self.tr("45 and over"),
            ("qpv", "yes"): self.tr("Commune mostly in a QPV"),
            ("qpv", "no"): self.tr("Other commune"),
            ("rqth", "yes"): self.tr("Disability recognised (RQTH)"),
            ("rqth", "no"): self.tr("No RQTH recorded"),
        }
        return fixed.get((dimension, key), key)

    # -- translation -----------------------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._render()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        name = self.data.campus_name if self.data is not None else None
        self.title.setText(self.tr("Pilotage — %1").replace("%1", name) if name else self.tr("Pilotage"))
        presets = {
            "programme": self.tr("Since the programme's start"),
            "year": self.tr("This year"),
            "12_months": self.tr("Last 12 months"),
            "last_month": self.tr("Last month"),
            "custom": self.tr("Chosen dates"),
        }
        for i, key in enumerate(PRESETS):
            self.preset.setItemText(i, presets[key])
        self.preset.setAccessibleName(self.tr("Period"))
        self.from_label.setText(self.tr("&From"))
        self.to_label.setText(self.tr("&to"))
        self.show_button.setText(self.tr("&Show"))
        self.report_button.setText(self.tr("Monthly &report…"))
        self.report_button.setToolTip(self.tr("The report of the month of the period's last day, as PDF or Excel"))
        dims = {
            "campus": self.tr("Campus"),
            "gender": self.tr("Gender"),
            "age_band": self.tr("Age on enrolment"),
            "qpv": self.tr("Priority neighbourhood (QPV, approximation)"),
            "rqth": self.tr("Disability recognition"),
            "education_level": self.tr("Education level"),
            "situation": self.tr("Situation"),
            "referral_source": self.tr("Referred by"),
        }
        for i, key in enumerate(ind.DIMENSIONS):
            self.dimension.setItemText(i, dims[key])
        self.dimension.setAccessibleName(self.tr("Breakdown"))
        self.breakdown_title.setText(self.tr("Breakdown"))
        self.funnel_title.setText(self.tr("Funnel: people enrolled in the period"))
        for tabs, title in (
            (self.progress_tabs, self.tr("Placed against the goal")),
            (self.monthly_tabs, self.tr("Each month")),
            (self.funnel_tabs, self.tr("Funnel")),
        ):
            tabs.setTabText(0, title)
            tabs.setTabText(1, self.tr("Table"))
            tabs.setAccessibleName(title)
        month, enrolled, trained, placed = self.tr("Month"), self.tr("Enrolled"), self.tr("Trained"), self.tr("Placed")
        self.progress_table.setHorizontalHeaderLabels([month, self.tr("Placed (cumulative)"), self.tr("Trajectory")])
        self.monthly_table.setHorizontalHeaderLabels([month, enrolled, trained, placed])
        self.funnel_table.setHorizontalHeaderLabels([self.tr("Stage"), self.tr("People"), self.tr("Of the enrolled")])
        self.breakdown_table.setHorizontalHeaderLabels([self.tr("Group"), enrolled, trained, placed])
