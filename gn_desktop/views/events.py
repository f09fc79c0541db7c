"""Events (hackathons, innovation contests, information sessions, outreach): the list, each event's registrations,
and attendance marked by the advisor. Threading: main thread only.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSplitter, QVBoxLayout, QWidget

from gn_core.domain import enums as e
from gn_desktop.services import events
from gn_desktop.views.common import fill, fmt_datetime, heading, lab, selected_id, table
from gn_desktop.views.tasks import TaskError, TaskRunner


class EventsPage(QWidget):
    loaded = Signal(object)
    registrations_loaded = Signal(object)

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("events-page")
        self._runner = runner
        self.events: list[events.EventView] = []
        self.registrations: list[events.RegistrationView] = []
        self.title = heading()
        self.list = table("events-table", 6, stretch=0)
        self.list.itemSelectionChanged.connect(self._load_registrations)
        self.reg_title = heading(size=13)
        self.reg_title.setWordWrap(True)  # a long event title must not squeeze the event list
        self.reg_table = table("registrations-table", 2, stretch=0)
        self.present_button = QPushButton()
        self.present_button.setObjectName("mark-attended")
        self.present_button.clicked.connect(lambda: self._mark(e.AttendanceStatus.ATTENDED))
        self.absent_button = QPushButton()
        self.absent_button.setObjectName("mark-absent")
        self.absent_button.clicked.connect(lambda: self._mark(e.AttendanceStatus.ABSENT))
        self.status = QLabel()
        self.status.setWordWrap(True)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(8, 0, 0, 0)
        right_layout.addWidget(self.reg_title)
        right_layout.addWidget(self.reg_table, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.present_button)
        buttons.addWidget(self.absent_button)
        right_layout.addLayout(buttons)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.list)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([640, 380])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 20, 28, 16)
        layout.addWidget(self.title)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status)
        self.setTabOrder(self.list, self.reg_table)
        self.setTabOrder(self.reg_table, self.present_button)
        self.setTabOrder(self.present_button, self.absent_button)
        self._retranslate()
        runner.changed.connect(self._on_changed)

    def reload(self) -> None:
        self._runner.query(events.list_events, on_done=self._show, on_error=self._failed)

    def _on_changed(self, _changes: object) -> None:
        if self.events:  # shown once already: keep it current
            self.reload()

    def _failed(self, error: TaskError) -> None:
        self.status.setText(error.message)

    def _show(self, found: list[events.EventView]) -> None:
        current = selected_id(self.list)
        self.events = found
        self._render()
        ids = [ev.id for ev in found]
        row = ids.index(current) if current in ids else (0 if ids else -1)
        if row >= 0:
            self.list.selectRow(row)
        self.loaded.emit(found)

    def _load_registrations(self) -> None:
        event_id = selected_id(self.list)
        if event_id is not None:
            self._runner.query(events.registrations, event_id, on_done=self._show_registrations)

    def _show_registrations(self, regs: list[events.RegistrationView]) -> None:
        current = selected_id(self.reg_table)
        self.registrations = regs
        fill(self.reg_table, [[r.person_name, lab(r.status)] for r in regs], [r.id for r in regs])
        ids = [r.id for r in regs]
        if current in ids:
            self.reg_table.selectRow(ids.index(current))
        ev = next((x for x in self.events if x.id == selected_id(self.list)), None)
        self.reg_title.setText(
            self.tr("Registrations: %1").replace("%1", ev.title) if ev is not None else self.tr("Registrations")
        )
        self.registrations_loaded.emit(regs)

    def _mark(self, status: e.AttendanceStatus) -> None:
        reg_id = selected_id(self.reg_table)
        if reg_id is None:
            self.status.setText(self.tr("Choose a registered person first."))
            return
        self._runner.run(events.mark_attendance, reg_id, status, on_done=self._marked)

    def _marked(self, _result: object) -> None:
        self.status.setText(self.tr("Saved."))

    def _render(self) -> None:
        fill(
            self.list,
            [
                [
                    ev.title,
                    lab(ev.kind),
                    fmt_datetime(ev.starts_at),
                    ev.campus_name,
                    str(ev.registered) + (f" / {ev.capacity}" if ev.capacity else ""),
                    str(ev.attended),
                ]
                for ev in self.events
            ],
            [ev.id for ev in self.events],
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.title.setText(self.tr("Events"))
        self.list.setHorizontalHeaderLabels(
            [
                self.tr("Event"),
                self.tr("Kind"),
                self.tr("Starts"),
                self.tr("Campus"),
                self.tr("Registered"),
                self.tr("Attended"),
            ]
        )
        self.list.setAccessibleName(self.tr("Events"))
        self.reg_title.setText(self.tr("Registrations"))
        self.reg_table.setHorizontalHeaderLabels([self.tr("Person"), self.tr("Attendance")])
        self.reg_table.setAccessibleName(self.tr("Registrations"))
        self.present_button.setText(self.tr("Mark &present"))
        self.absent_button.setText(self.tr("Mark a&bsent"))
        self._render()
