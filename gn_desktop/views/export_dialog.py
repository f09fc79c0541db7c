"""File → Export…: what (people, referrals, events with attendance, startups, outcomes), over which period, as CSV
or an Excel workbook; the file chosen, then written with a progress bar and "Cancel" (`services.extracts`: the file
appears whole or not at all; never comments or RQTH data).

Threading: main thread only; the export runs through the `TaskRunner`.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from gn_desktop.services import extracts
from gn_desktop.services.extracts import What
from gn_desktop.services.progress import Progress
from gn_desktop.views.files import JobDialog, count_text
from gn_desktop.views.tasks import TaskError, TaskRunner


def run_export(
    uow: Any, what: str, fmt: str, out: Path, since: date | None, until: date | None, progress: Progress
) -> int:
    """The task: write the extract (worker thread)."""
    return extracts.export(uow, what, fmt, out, since=since, until=until, progress=progress)


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


class ExportDialog(JobDialog):
    """Choose what, when and how, then where; `export_to(path)` is what the file chooser's answer leads to."""

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None, *, today: date | None = None) -> None:
        super().__init__(runner, parent)
        self.setObjectName("export-dialog")
        self.written: tuple[Path, int] | None = None
        today = today or date.today()
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.what = QComboBox()
        self.what.setObjectName("export-what")
        for kind in What:
            self.what.addItem("", kind.value)
        self.period_box = QCheckBox()
        self.period_box.setObjectName("export-period")
        self.period_box.setChecked(True)
        self.since = QDateEdit(_qdate(date(today.year, 1, 1)))
        self.since.setObjectName("export-from")
        self.until = QDateEdit(_qdate(today))
        self.until.setObjectName("export-to")
        for edit in (self.since, self.until):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd/MM/yyyy")
        self.period_box.toggled.connect(self.since.setEnabled)
        self.period_box.toggled.connect(self.until.setEnabled)
        self.to_label = QLabel()
        period = QHBoxLayout()
        period.addWidget(self.since)
        period.addWidget(self.to_label)
        period.addWidget(self.until)
        period.addStretch(1)
        self.format = QComboBox()
        self.format.setObjectName("export-format")
        self.format.addItem("", "xlsx")
        self.format.addItem("", "csv")
        self.period_hint = QLabel()
        self.period_hint.setObjectName("export-period-hint")
        self.period_hint.setWordWrap(True)
        self.what.currentIndexChanged.connect(self._show_period_hint)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.labels = {name: QLabel() for name in ("what", "format")}
        self.form.addRow(self.labels["what"], self.what)
        self.form.addRow(self.period_box, period)
        self.form.addRow("", self.period_hint)
        self.form.addRow(self.labels["format"], self.format)
        self.outcome = QLabel()
        self.outcome.setObjectName("export-result")
        self.outcome.setWordWrap(True)
        self.export_button = self.start_button
        self.export_button.setObjectName("export-start")
        self.cancel_button.setObjectName("export-cancel")
        self.export_button.clicked.connect(self.choose_file)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addWidget(self.progress)
        layout.addWidget(self.outcome)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(640)
        self._retranslate()

    def _titles(self) -> dict[str, str]:
        return {
            What.PEOPLE: self.tr("People (enrolled in the period)"),
            What.REFERRALS: self.tr("Referrals"),
            What.EVENTS: self.tr("Events, with attendance"),
            What.STARTUPS: self.tr("Startups (created in the period)"),
            What.OUTCOMES: self.tr("Outcomes (jobs, businesses created, other exits)"),
        }

    def _show_period_hint(self, _index: int = 0) -> None:
        hints = {
            What.PEOPLE: self.tr("People whose enrolment date falls in the period."),
            What.REFERRALS: self.tr("Referrals made in the period, with their current status."),
            What.EVENTS: self.tr("Events that start in the period: one line per registered person and attendance."),
            What.STARTUPS: self.tr("Startups created in the period (without a creation date: untick the period)."),
            What.OUTCOMES: self.tr("Outcomes recorded in the period."),
        }
        self.period_hint.setText(hints[What(self.what.currentData())])

    def selection(self) -> tuple[str, str, date | None, date | None]:
        """(what, format, since, until) as chosen."""
        since = _pydate(self.since.date()) if self.period_box.isChecked() else None
        until = _pydate(self.until.date()) if self.period_box.isChecked() else None
        return str(self.what.currentData()), str(self.format.currentData()), since, until

    def default_name(self) -> str:
        what, fmt, since, until = self.selection()
        period = "_".join(d.isoformat() for d in (since, until) if d is not None)
        return f"{extracts.TITLES[What(what)].lower()}{'_' + period if period else ''}.{fmt}"

    def choose_file(self) -> None:
        _what, fmt, _since, _until = self.selection()
        filters = self.tr("Excel workbook (*.xlsx)") if fmt == "xlsx" else self.tr("CSV file for Excel (*.csv)")
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export to"), str(Path.home() / self.default_name()), filters
        )
        if name:
            path = Path(name)
            self.export_to(path if path.suffix.lower() == f".{fmt}" else path.with_name(f"{path.name}.{fmt}"))

    def export_to(self, path: Path) -> None:
        if self.running:
            return
        what, fmt, since, until = self.selection()
        progress = self.begin()
        self.outcome.clear()
        self._runner.run(
            run_export,
            what,
            fmt,
            path,
            since,
            until,
            progress,
            on_done=lambda count: self._done(path, count),
            on_error=self._failed,
        )

    def _done(self, path: Path, count: int) -> None:
        if not self.end():
            return
        self.written = (path, count)
        self.outcome.setProperty("error", False)
        text = self.tr("%1 lines written to %2.")
        self.outcome.setText(text.replace("%1", count_text(count)).replace("%2", str(path)))
        self.outcome.style().polish(self.outcome)

    def _failed(self, error: TaskError) -> None:
        if not self.end():
            return
        self.outcome.setProperty("error", True)
        self.outcome.setText(error.message)
        self.outcome.style().polish(self.outcome)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Export"))
        self.intro.setText(
            self.tr(
                "An extract of this computer's data for a spreadsheet. Comments, notes and disability (RQTH) data are "
                "never exported. The export is recorded in the audit trail."
            )
        )
        self.labels["what"].setText(self.tr("&What"))
        self.labels["what"].setBuddy(self.what)
        for i, title in enumerate(self._titles().values()):
            self.what.setItemText(i, title)
        self.period_box.setText(self.tr("&From"))
        self.to_label.setText(self.tr("to"))
        self.labels["format"].setText(self.tr("F&ormat"))
        self.labels["format"].setBuddy(self.format)
        self.format.setItemText(0, self.tr("Excel workbook (.xlsx)"))
        self.format.setItemText(1, self.tr("CSV for Excel (semicolons)"))
        self.export_button.setText(self.tr("&Export…"))
        self._retranslate_buttons()
        self._show_period_hint()
