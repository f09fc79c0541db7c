"""A person's file: the header (name, details, current step) above one tab per part of the file (`views.person.*`).

Everything is loaded in one task-runner query (`person_file.file_data`) and reloaded after each write that touched
the person; each tab shows its part and records its own writes. Threading: main thread only.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from gn_core.domain.validation import format_phone
from gn_desktop.services.person_file import FileData, file_data
from gn_desktop.views.common import fmt_date, heading, lab
from gn_desktop.views.person.appointments import AppointmentsTab
from gn_desktop.views.person.history import HistoryTab
from gn_desktop.views.person.notes import NotesTab
from gn_desktop.views.person.pathway import PathwayTab
from gn_desktop.views.person.referrals import ReferralsTab
from gn_desktop.views.person.tab import FileTab
from gn_desktop.views.tasks import TaskError, TaskRunner


class PersonPage(QWidget):
    """The file of one person. `back()` asks to return to the search; `loaded(FileData)` after each load."""

    back = Signal()
    loaded = Signal(object)
    saved = Signal(str)  # what was saved, for tests and the status bar
    failed = Signal(str)

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("person-page")
        self._runner = runner
        self.person_id: str | None = None
        self.data: FileData | None = None
        self._build()
        runner.changed.connect(self._on_changed)
        self._retranslate()

    # -- building ------------------------------------------------------------------------------------------------

    def _build(self) -> None:
        self.back_button = QPushButton()
        self.back_button.setObjectName("person-back")
        self.back_button.clicked.connect(self.back)
        QShortcut(QKeySequence("Alt+Left"), self, self._go_back, Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.name = heading(size=20)
        self.name.setObjectName("person-name")
        self.details = QLabel()
        self.details.setObjectName("person-details")
        self.details.setWordWrap(True)
        self.step_label = QLabel()
        self.step_label.setObjectName("person-step")
        self.status = QLabel()
        self.status.setObjectName("person-status")
        self.status.setWordWrap(True)

        self.pathway = PathwayTab(self._runner)
        self.notes = NotesTab(self._runner)
        self.appointments = AppointmentsTab(self._runner)
        self.referrals = ReferralsTab(self._runner)
        self.history = HistoryTab(self._runner)
        # the tabs, in order
        self.file_tabs: tuple[FileTab, ...] = (
            self.pathway,
            self.notes,
            self.appointments,
            self.referrals,
            self.history,
        )
        self.tabs = QTabWidget()
        self.tabs.setObjectName("person-tabs")
        for tab in self.file_tabs:
            self.tabs.addTab(tab, "")
            tab.saved.connect(self._saved)
            tab.failed.connect(self.failed)
        # what the screenshot command (app.py) selects through the page
        self.move_target = self.pathway.move_target
        self.options_table = self.referrals.options_table

        top = QHBoxLayout()
        names = QVBoxLayout()
        names.addWidget(self.name)
        names.addWidget(self.details)
        names.addWidget(self.step_label)
        top.addLayout(names, 1)
        top.addWidget(self.back_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 18, 28, 14)
        layout.setSpacing(8)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.status)

    def _go_back(self) -> None:
        self.back.emit()

    # -- loading -------------------------------------------------------------------------------------------------

    def show_person(self, person_id: str) -> None:
        if person_id != self.person_id:
            self.data = None
            self.name.setText(self.tr("Loading…"))
            self.details.clear()
            self.step_label.clear()
            self.tabs.setCurrentIndex(0)
        for tab in self.file_tabs:
            tab.set_person(person_id)
        self.person_id = person_id
        self.reload()

    def reload(self) -> None:
        if self.person_id is not None:
            self._runner.query(file_data, self.person_id, date.today(), on_done=self._show, on_error=self._load_failed)

    def _on_changed(self, changes: frozenset[tuple[str, str]]) -> None:
        if self.person_id is not None:
            self.reload()

    def _load_failed(self, error: TaskError) -> None:
        self.status.setText(error.message)
        self.failed.emit(error.message)

    def _show(self, data: FileData) -> None:
        if self.person_id != data.file.id:
            return
        self.data = data
        self._render()
        for tab in self.file_tabs:
            tab.show_file(data)
        self.loaded.emit(data)

    def _saved(self, what: str) -> None:
        self.status.setText(self.tr("Saved."))
        self.saved.emit(what)

    # -- display -------------------------------------------------------------------------------------------------

    def _render(self) -> None:
        d = self.data
        if d is None:
            return
        f = d.file
        self.name.setText(f"{f.first_name} {f.last_name}")
        parts = []
        if f.age is not None:
            parts.append(self.tr("%n year(s) old", "", f.age) + f" ({fmt_date(f.birth_date)})")
        parts.append(f.campus_name)
        parts.append(self.tr("Advisor: %1").replace("%1", f.advisor_name or self.tr("none")))
        if f.phone:
            parts.append(format_phone(f.phone))
        if f.email:
            parts.append(f.email)
        self.details.setText(" · ".join(parts))
        self.step_label.setText(
            self.tr("Current step: %1, since %2").replace("%1", lab(f.step)).replace("%2", fmt_date(f.step_since))
        )
        if f.rqth is not None:
            self.step_label.setText(
                self.step_label.text()
                + " · "
                + self.tr("RQTH valid until %1").replace(
                    "%1", fmt_date(f.rqth[2]) if f.rqth[2] else self.tr("no end date")
                )
            )
        self.tabs.setTabText(1, self.tr("&Notes (%1)").replace("%1", str(len(d.notes))))
        self.tabs.setTabText(2, self.tr("&Appointments (%1)").replace("%1", str(len(d.appointments))))
        self.tabs.setTabText(3, self.tr("&Referrals (%1)").replace("%1", str(len(d.referrals))))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.back_button.setText(self.tr("← Back to the search (Alt+Left)"))
        self.tabs.setTabText(0, self.tr("&Pathway"))
        self.tabs.setTabText(1, self.tr("&Notes"))
        self.tabs.setTabText(2, self.tr("&Appointments"))
        self.tabs.setTabText(3, self.tr("&Referrals"))
        self.tabs.setTabText(4, self.tr("&History"))
        self._render()
