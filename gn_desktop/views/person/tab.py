"""What every tab of a person's file shares: the person shown, the file as last loaded, and how a write ends.

Threading: main thread only.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QLabel, QWidget

from gn_desktop.services.person_file import FileData
from gn_desktop.views.common import show_error
from gn_desktop.views.tasks import TaskError, TaskRunner


def qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def pydate(qd: QDate) -> date:
    return date(qd.year(), qd.month(), qd.day())


class FileTab(QWidget):
    """One tab of a person's file. The page tells it which person is shown (`set_person`) and hands it each load of
    the file (`show_file`). A write ends with `saved(what)`, or `failed(message)` once the French message is shown
    under the tab's form; the page then reloads the file (the task runner reports the change)."""

    saved = Signal(str)  # what was saved
    failed = Signal(str)  # the French message

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self.person_id: str | None = None
        self.data: FileData | None = None

    def set_person(self, person_id: str) -> None:
        """Show `person_id` from now on: another person drops the previous one's data and messages."""
        if person_id != self.person_id:
            self.data = None
            self.clear_messages()
        self.person_id = person_id

    def show_file(self, data: FileData) -> None:
        self.data = data
        self._render()

    def clear_messages(self) -> None:
        """Hide the messages under the tab's form (a tab that writes overrides it)."""

    def _render(self) -> None:
        """Show `self.data` (each tab overrides it; nothing to show before the first load)."""

    def _saved(self, what: str, error: QLabel) -> None:
        show_error(error, None)
        self.saved.emit(what)

    def _refused(self, where: QLabel, error: TaskError) -> None:
        show_error(where, error.message)
        self.failed.emit(error.message)
