"""File → Import people…: choose a CSV, .xlsx or JSON file, import it with a progress bar and "Cancel", and read the
report — the lines in error with the column concerned and why, or what was created and updated.

All or nothing as on the command line: a file with a bad line imports nobody unless "import only the valid lines"
is ticked. "Cancel" during the import stops it between two chunks of rows and leaves nothing (the task's unit of work
is rolled back). Threading: main thread only; the import runs through the `TaskRunner`.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gn_desktop.services import importing
from gn_desktop.services.importing import BadRow, ImportRefused, ImportReport
from gn_desktop.services.progress import Progress
from gn_desktop.views.common import fill, table
from gn_desktop.views.files import JobDialog, count_text
from gn_desktop.views.tasks import TaskError, TaskRunner


def run_import(uow: Any, path: Path, skip_bad_rows: bool, progress: Progress) -> ImportReport:
    """The task: import `path` for this PC's campus (worker thread)."""
    return importing.import_file(
        uow, path, campus_code=None, skip_bad_rows=skip_bad_rows, today=date.today(), progress=progress
    )


def problem_rows(bad_rows: list[BadRow]) -> list[tuple[str, str, str]]:
    """(line, column, reason) for each reason of each bad line; the column is what the French reason names first."""
    rows = []
    for bad in bad_rows:
        for reason in bad.reasons:
            column, sep, text = reason.partition(" : ")
            if not sep or len(column) > 40:
                column, text = "", reason
            rows.append((str(bad.line), column, text[:1].upper() + text[1:]))
    return rows


class ImportDialog(JobDialog):
    """Choose a file, import it, read the report (`report` once imported). Open views refresh through the runner's
    `changed` signal, like after any write."""

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(runner, parent)
        self.setObjectName("import-dialog")
        self.report: ImportReport | None = None
        self.path: Path | None = None
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.path_edit = QLineEdit()
        self.path_edit.setObjectName("import-path")
        self.path_edit.setReadOnly(True)
        self.browse_button = QPushButton()
        self.browse_button.setObjectName("import-browse")
        self.browse_button.clicked.connect(self.browse)
        file_row = QHBoxLayout()
        file_row.addWidget(self.path_edit, 1)
        file_row.addWidget(self.browse_button)
        self.skip_box = QCheckBox()
        self.skip_box.setObjectName("import-skip-bad-rows")
        self.summary = QLabel()
        self.summary.setObjectName("import-summary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problems = table("import-problems", 3, stretch=2)
        self.problems.setWordWrap(True)
        self.problems.setTextElideMode(Qt.TextElideMode.ElideNone)  # the whole reason, on several lines if need be
        self.problems.horizontalHeader().sectionResized.connect(self.problems.resizeRowsToContents)
        self.problems.hide()
        self.import_button = self.start_button
        self.import_button.setObjectName("import-start")
        self.import_button.setEnabled(False)
        self.cancel_button.setObjectName("import-cancel")
        self.import_button.clicked.connect(self.start)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(file_row)
        layout.addWidget(self.skip_box)
        layout.addWidget(self.progress)
        layout.addWidget(self.summary)
        layout.addWidget(self.problems, 1)
        layout.addWidget(self.buttons)
        self.setMinimumSize(820, 560)
        self._retranslate()

    def browse(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose the file to import"),
            str(Path.home()),
            self.tr("Spreadsheets (*.xlsx *.csv *.json);;All files (*)"),
        )
        if name:
            self.choose(Path(name))

    def choose(self, path: Path) -> None:
        """The file to import (what the file chooser gives)."""
        self.path = path
        self.path_edit.setText(str(path))
        self.import_button.setEnabled(True)
        self.summary.clear()
        self.problems.hide()

    def start(self) -> None:
        if self.running or self.path is None:
            return
        progress = self.begin()
        self.summary.clear()
        self.problems.hide()
        self.browse_button.setEnabled(False)
        self.skip_box.setEnabled(False)
        self._runner.run(
            run_import,
            self.path,
            self.skip_box.isChecked(),
            progress,
            on_done=self._done,
            on_error=self._failed,
        )

    def _finished(self) -> bool:
        self.browse_button.setEnabled(True)
        self.skip_box.setEnabled(True)
        return self.end()

    def _done(self, report: ImportReport) -> None:
        if not self._finished():
            return
        self.report = report
        self.import_button.setEnabled(False)  # done: importing the same file again would only update
        lines = [
            self.tr("%1: %2 lines read. Created: %3. Updated: %4. Unchanged: %5.")
            .replace("%1", report.file_name)
            .replace("%2", count_text(report.rows))
            .replace("%3", count_text(report.created))
            .replace("%4", count_text(report.updated))
            .replace("%5", count_text(report.unchanged))
        ]
        if report.skipped_bad_rows:
            lines.append(
                self.tr("%1 lines in error were skipped (below).").replace("%1", count_text(len(report.bad_rows)))
            )
        if report.ignored_columns:
            names = ", ".join(f"« {c} »" for c in report.ignored_columns)
            lines.append(self.tr("Columns not recognised, ignored: %1.").replace("%1", names))
        lines.extend(report.warnings)
        self._show(lines, report.bad_rows if report.skipped_bad_rows else [])

    def _failed(self, error: TaskError) -> None:
        if not self._finished():
            return
        known = error.error
        if isinstance(known, ImportRefused) and known.report.bad_rows:
            n = len(known.report.bad_rows)
            self._show(
                [
                    self.tr("Import refused: %1 lines of %2 are in error, nobody was imported.")
                    .replace("%1", count_text(n))
                    .replace("%2", known.report.file_name),
                    self.tr(
                        "Correct these lines in the file and import it again, or tick \u201cimport only the valid "
                        "lines\u201d."
                    ),
                ],
                known.report.bad_rows,
                error=True,
            )
            return
        self._show([error.message], [], error=True)

    def _show(self, lines: list[str], bad_rows: list[BadRow], *, error: bool = False) -> None:
        self.summary.setText("\n".join(lines))
        self.summary.setProperty("error", error)
        self.summary.style().polish(self.summary)
        if bad_rows:
            fill(self.problems, problem_rows(bad_rows))
            self.problems.resizeRowsToContents()
            self.problems.show()
        else:
            self.problems.hide()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Import people"))
        self.intro.setText(
            self.tr(
                "A CSV file (as Excel saves it), an Excel workbook (.xlsx, its first sheet) or an export of another "
                "campus. The first line names the columns, with at least \u201cPrénom\u201d and \u201cNom\u201d. "
                "A person whose \u201cIdentifiant\u201d is known here is updated; the others are created. If any line "
                "is in error, nobody is imported."
            )
        )
        self.browse_button.setText(self.tr("&Choose a file…"))
        self.skip_box.setText(self.tr("Import only the valid lines (skip the lines in error)"))
        self.import_button.setText(self.tr("&Import"))
        self._retranslate_buttons()
        self.problems.setHorizontalHeaderLabels([self.tr("Line"), self.tr("Column"), self.tr("Problem")])
        self.path_edit.setPlaceholderText(self.tr("No file chosen"))
