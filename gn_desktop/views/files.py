"""Files from the window: the File menu's "Import…" and "Export…" (what `gn-desktop import` and `export` do, for the
people who never open a terminal), and the progress line both dialogs show.

Threading: main thread only; the dialogs run their job through the `TaskRunner` with a `ProgressChannel`.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QProgressBar,
    QPushButton,
    QWidget,
)

from gn_desktop.services.progress import Progress
from gn_desktop.views.tasks import ProgressChannel, TaskRunner


def count_text(n: int) -> str:
    """A count with a thin space between thousands, as in French."""
    return f"{n:,}".replace(",", "\u202f")


class ProgressLine(QWidget):
    """A progress bar and what is being done ("Checking rows: 1 200 / 5 000"); hidden until a job starts."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bar = QProgressBar()
        self.bar.setObjectName("progress-bar")
        self.bar.setTextVisible(True)
        self.label = QLabel()
        self.label.setObjectName("progress-label")
        self.label.setMinimumWidth(260)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.bar, 1)
        self.hide()

    def start(self) -> None:
        self.bar.setRange(0, 0)  # busy until the first count
        self.label.setText(self.tr("Starting…"))
        self.show()

    def step(self, phase: str, done: int, total: int) -> None:
        """Show `done` of `total` in `phase` (a `services.progress.Phase` value)."""
        names = {
            "read": self.tr("Reading"),
            "check": self.tr("Checking rows"),
            "write": self.tr("Writing"),
        }
        name = names.get(phase, phase)
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(min(done, total))
            text = self.tr("%1: %2 / %3").replace("%1", name)
            self.label.setText(text.replace("%2", count_text(done)).replace("%3", count_text(total)))
        else:
            self.bar.setRange(0, 0)
            self.label.setText(self.tr("%1: %2").replace("%1", name).replace("%2", count_text(done)))


class JobDialog(QDialog):
    """A dialog that runs one long job at a time with a progress line: its "Close" button becomes "Cancel" while the
    job runs, and closing the dialog then cancels the job and waits for it to stop (the job leaves nothing).
    Subclasses call `begin()` to get the job's `Progress`, and `end()` when its result or error arrives."""

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self.channel: ProgressChannel | None = None
        self._close_when_done = False
        self.progress = ProgressLine()
        self.buttons = QDialogButtonBox()
        self.start_button: QPushButton = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button: QPushButton = self.buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        self.cancel_button.clicked.connect(self.cancel_or_close)

    @property
    def running(self) -> bool:
        return self.channel is not None

    def begin(self) -> Progress:
        """A job starts: the progress line shows, "Close" becomes "Cancel"; returns what the job reports to."""
        self.channel = ProgressChannel(self)
        self.channel.progressed.connect(self.progress.step)
        self.progress.start()
        self.start_button.setEnabled(False)
        self._retranslate_buttons()
        return self.channel.progress()

    def end(self) -> bool:
        """The job's result or error arrived; False when the dialog was abandoned meanwhile (then it closes)."""
        self.channel = None
        self.progress.hide()
        self.start_button.setEnabled(True)
        self.cancel_button.setEnabled(True)
        self._retranslate_buttons()
        if self._close_when_done:
            super().reject()
            return False
        return True

    def cancel_or_close(self) -> None:
        """While the job runs: ask it to stop (the dialog stays until it has); otherwise close."""
        if self.channel is not None:
            self.channel.cancel()
            self.cancel_button.setEnabled(False)
            self.progress.label.setText(self.tr("Cancelling…"))
            return
        super().reject()

    def abandon(self) -> None:
        """Close now, or as soon as the running job has stopped (cancelled): the screen is being locked."""
        self._close_when_done = True
        self.cancel_or_close()

    def reject(self) -> None:  # Escape
        self.cancel_or_close()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.running:
            self.cancel_or_close()
            event.ignore()
            return
        super().closeEvent(event)

    def _retranslate_buttons(self) -> None:
        self.cancel_button.setText(self.tr("Cancel") if self.running else self.tr("Close"))


class FilesMenu(QObject):
    """ "Import…" and "Export…" at the top of `menu` (the window's File menu), enabled once someone is signed in."""

    def __init__(self, window: QMainWindow, menu: QMenu, runner: TaskRunner) -> None:
        super().__init__(window)
        self._runner = runner
        self._window = window
        self.import_action = QAction(self)
        self.import_action.setObjectName("import-action")
        self.import_action.triggered.connect(self.open_import)
        self.export_action = QAction(self)
        self.export_action.setObjectName("export-action")
        self.export_action.triggered.connect(self.open_export)
        menu.addAction(self.import_action)
        menu.addAction(self.export_action)
        menu.addSeparator()
        self.dialog: JobDialog | None = None
        self.set_signed_in(False)

    def set_signed_in(self, signed_in: bool) -> None:
        self.import_action.setEnabled(signed_in)
        self.export_action.setEnabled(signed_in)
        if not signed_in and isinstance(self.dialog, JobDialog):
            self.dialog.abandon()  # nothing of the report stays on a locked screen

    def open_import(self) -> None:
        from gn_desktop.views.import_dialog import ImportDialog

        self._open(ImportDialog(self._runner, self._window))

    def open_export(self) -> None:
        from gn_desktop.views.export_dialog import ExportDialog

        self._open(ExportDialog(self._runner, self._window))

    def _open(self, dialog: JobDialog) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(self._closed)
        self.dialog = dialog
        dialog.open()

    def _closed(self, _obj: object = None) -> None:
        self.dialog = None

    def retranslate(self) -> None:
        self.import_action.setText(self.tr("&Import people…"))
        self.export_action.setText(self.tr("&Export…"))
