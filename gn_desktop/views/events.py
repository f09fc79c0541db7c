"""Events and outreach (information sessions, hackathons, contests, job datings, school visits, outreach actions): the
list with its audiences, each event's registrations and attendance, registering a known person found by name, and
the kiosk's sign-ups matched to the people they are. A campus manager creates, corrects and archives the events of
their campus. Threading: main thread only.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from gn_core.domain import enums as e
from gn_desktop.services import catalogue, events
from gn_desktop.views.catalogue.dialogs import EventDialog
from gn_desktop.views.common import fill, fmt_datetime, heading, lab, selected_id, table
from gn_desktop.views.tasks import TaskError, TaskRunner


def _button(name: str) -> QPushButton:
    button = QPushButton()
    button.setObjectName(name)
    return button


class EventsPage(QWidget):
    loaded = Signal(object)
    registrations_loaded = Signal(object)

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("events-page")
        self._runner = runner
        self.events: list[events.EventView] = []
        self.can_edit = False
        self.shown_once = False
        self.registrations: list[events.RegistrationView] = []
        self.sign_ups: list[events.SignUpView] = []
        self.dialog: EventDialog | None = None
        self.title = heading()
        self.new_button = _button("event-new")
        self.new_button.clicked.connect(lambda: self.open_form(new=True))
        self.edit_button = _button("event-edit")
        self.edit_button.clicked.connect(lambda: self.open_form(new=False))
        self.archive_button = _button("event-archive")
        self.archive_button.clicked.connect(self.toggle_archived)
        self.show_archived = QCheckBox()
        self.show_archived.setObjectName("events-show-archived")
        self.show_archived.toggled.connect(lambda _on: self._render())
        self.list = table("events-table", 6, stretch=0)
        header = self.list.horizontalHeader()
        for column, width in ((1, 125), (2, 112), (3, 150)):  # the title takes what is left, wrapped
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
        self.list.itemSelectionChanged.connect(self._load_registrations)
        self.list.itemActivated.connect(lambda _item: self.open_form(new=False))
        self.reg_title = heading(size=13)
        self.reg_title.setWordWrap(True)  # a long event title must not squeeze the event list
        self.reg_table = table("registrations-table", 2, stretch=0)
        self.present_button = _button("mark-attended")
        self.present_button.clicked.connect(lambda: self._mark(e.AttendanceStatus.ATTENDED))
        self.absent_button = _button("mark-absent")
        self.absent_button.clicked.connect(lambda: self._mark(e.AttendanceStatus.ABSENT))
        self._build_register_box()
        self._build_sign_ups_box()
        self.sign_ups_box.hide()
        self.status = QLabel()
        self.status.setObjectName("events-status")
        self.status.setWordWrap(True)

        bar = QHBoxLayout()
        for button in (self.new_button, self.edit_button, self.archive_button):
            bar.addWidget(button)
        bar.addStretch(1)
        bar.addWidget(self.show_archived)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(bar)
        left_layout.addWidget(self.list, 1)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(8, 0, 0, 0)
        right_layout.addWidget(self.reg_title)
        right_layout.addWidget(self.reg_table, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.present_button)
        buttons.addWidget(self.absent_button)
        right_layout.addLayout(buttons)
        right_layout.addWidget(self.register_box)
        right_layout.addWidget(self.sign_ups_box)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([700, 320])
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

    def _build_register_box(self) -> None:
        self.register_box = QGroupBox()
        self.register_box.setObjectName("event-register")
        self.person_query = QLineEdit()
        self.person_query.setObjectName("event-person-query")
        self.person_query.returnPressed.connect(self.find_people)
        self.find_button = _button("event-find-person")
        self.find_button.clicked.connect(self.find_people)
        self.person_choice = QComboBox()
        self.person_choice.setObjectName("event-person-choice")
        self.register_button = _button("event-register-person")
        self.register_button.clicked.connect(self.register_person)
        row1 = QHBoxLayout()
        row1.addWidget(self.person_query, 1)
        row1.addWidget(self.find_button)
        row2 = QHBoxLayout()
        row2.addWidget(self.person_choice, 1)
        row2.addWidget(self.register_button)
        box = QVBoxLayout(self.register_box)
        box.addLayout(row1)
        box.addLayout(row2)

    def _build_sign_ups_box(self) -> None:
        self.sign_ups_box = QGroupBox()
        self.sign_ups_box.setObjectName("event-sign-ups")
        self.sign_up_table = table("event-sign-ups-table", 2, stretch=0)
        self.sign_up_table.setMaximumHeight(120)
        self.sign_up_table.itemSelectionChanged.connect(self._sign_up_selected)
        self.sign_up_match = QComboBox()
        self.sign_up_match.setObjectName("event-sign-up-match")
        self.confirm_button = _button("event-confirm-sign-up")
        self.confirm_button.clicked.connect(self.confirm_sign_up)
        row = QHBoxLayout()
        row.addWidget(self.sign_up_match, 1)
        row.addWidget(self.confirm_button)
        box = QVBoxLayout(self.sign_ups_box)
        box.addWidget(self.sign_up_table)
        box.addLayout(row)

    # -- loading -------------------------------------------------------------------------------------------------

    def reload(self) -> None:
        self._runner.query(events.events_data, on_done=self._show, on_error=self._failed)

    def _on_changed(self, _changes: object) -> None:
        if self.shown_once:  # keep it current
            self.reload()

    def _failed(self, error: TaskError) -> None:
        self.status.setText(error.message)

    def _show(self, data: events.EventsData) -> None:
        self.events = data.events
        self.can_edit = data.can_edit
        self.shown_once = True
        for widget in (self.new_button, self.edit_button, self.archive_button, self.show_archived):
            widget.setVisible(data.can_edit)
        self.list.blockSignals(True)  # the selected event's registrations are loaded once, below
        self._render()
        self.list.blockSignals(False)
        self._load_registrations()
        self.loaded.emit(data.events)

    def selected(self) -> events.EventView | None:
        key = selected_id(self.list)
        return next((x for x in self.events if x.id == key), None)

    def _load_registrations(self) -> None:
        self._update_actions()
        event_id = selected_id(self.list)
        if event_id is not None:
            self._runner.query(events.registrations, event_id, on_done=self._show_registrations)
            self._runner.query(events.kiosk_sign_ups, event_id, on_done=self._show_sign_ups)

    def _show_registrations(self, regs: list[events.RegistrationView]) -> None:
        current = selected_id(self.reg_table)
        self.registrations = regs
        fill(self.reg_table, [[r.person_name, lab(r.status)] for r in regs], [r.id for r in regs])
        ids = [r.id for r in regs]
        if current in ids:
            self.reg_table.selectRow(ids.index(current))
        ev = self.selected()
        self.reg_title.setText(
            self.tr("Registrations: %1").replace("%1", ev.title) if ev is not None else self.tr("Registrations")
        )
        self.registrations_loaded.emit(regs)

    def _show_sign_ups(self, sign_ups: list[events.SignUpView]) -> None:
        self.sign_ups = sign_ups
        fill(
            self.sign_up_table,
            [[s.name, s.phone or s.email or ""] for s in sign_ups],
            [s.id for s in sign_ups],
        )
        self.sign_ups_box.setTitle(self.tr("Kiosk sign-ups to confirm (%1)").replace("%1", str(len(sign_ups))))
        self.sign_ups_box.setVisible(bool(sign_ups))
        if sign_ups:
            self.sign_up_table.setCurrentCell(0, 0)
        self._sign_up_selected()

    def _sign_up_selected(self) -> None:
        key = selected_id(self.sign_up_table)
        sign_up = next((s for s in self.sign_ups if s.id == key), None)
        self.sign_up_match.clear()
        for pid, text in sign_up.matches if sign_up else []:
            self.sign_up_match.addItem(text, pid)
        if sign_up is not None and not sign_up.matches:
            self.sign_up_match.addItem(self.tr("No known person: register them from the home page"), None)
        self.confirm_button.setEnabled(self.sign_up_match.currentData() is not None)

    # -- actions -------------------------------------------------------------------------------------------------

    def open_form(self, *, new: bool) -> None:
        ev = None if new else self.selected()
        if not self.can_edit or (not new and (ev is None or not ev.owner.own)):
            return
        self.dialog = EventDialog(self._runner, ev, self)
        self.dialog.finished.connect(lambda _r: setattr(self, "dialog", None))
        self.dialog.open()

    def toggle_archived(self) -> None:
        ev = self.selected()
        if ev is not None:
            self._runner.run(catalogue.set_archived, "event", ev.id, not ev.archived, on_error=self._failed)

    def find_people(self) -> None:
        query = self.person_query.text().strip()
        if query:
            self._runner.query(events.find_people, query, on_done=self._show_people, on_error=self._failed)

    def _show_people(self, people: list[tuple[str, str]]) -> None:
        self.person_choice.clear()
        for pid, text in people:
            self.person_choice.addItem(text, pid)
        if not people:
            self.status.setText(self.tr("Nobody found: check the spelling, or search by phone."))

    def register_person(self) -> None:
        ev, pid = self.selected(), self.person_choice.currentData()
        if ev is None or pid is None:
            self.status.setText(self.tr("Choose an event, then find the person to register."))
            return
        self._runner.run(events.register, ev.id, pid, on_done=self._saved, on_error=self._failed)

    def confirm_sign_up(self) -> None:
        key, pid = selected_id(self.sign_up_table), self.sign_up_match.currentData()
        if key is not None and pid is not None:
            self._runner.run(events.confirm_sign_up, key, pid, on_done=self._saved, on_error=self._failed)

    def _mark(self, status: e.AttendanceStatus) -> None:
        reg_id = selected_id(self.reg_table)
        if reg_id is None:
            self.status.setText(self.tr("Choose a registered person first."))
            return
        self._runner.run(events.mark_attendance, reg_id, status, on_done=self._saved)

    def _saved(self, _result: object) -> None:
        self.status.setText(self.tr("Saved."))

    # -- display -------------------------------------------------------------------------------------------------

    def _update_actions(self) -> None:
        ev = self.selected()
        own = ev is not None and ev.owner.own
        self.edit_button.setEnabled(own)
        self.archive_button.setEnabled(own)
        self.archive_button.setText(self.tr("&Restore") if ev and ev.archived else self.tr("&Archive"))

    def _render(self) -> None:
        current = selected_id(self.list)
        shown = [ev for ev in self.events if not ev.archived or self.show_archived.isChecked()]
        archived = self.tr("archived")
        fill(
            self.list,
            [
                [
                    ev.title + (f" ({archived})" if ev.archived else ""),
                    lab(ev.kind),
                    fmt_datetime(ev.starts_at),
                    ", ".join(lab(e.Audience(a)) for a in ev.audiences),
                    str(ev.registered) + (f" / {ev.capacity}" if ev.capacity else ""),
                    str(ev.attended),
                ]
                for ev in shown
            ],
            [ev.id for ev in shown],
        )
        ids = [ev.id for ev in shown]
        row = ids.index(current) if current in ids else (0 if ids else -1)
        if row >= 0:
            self.list.setCurrentCell(row, 0)
        self._update_actions()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.title.setText(self.tr("Events and outreach"))
        self.new_button.setText(self.tr("&New…"))
        self.edit_button.setText(self.tr("&Correct…"))
        self.show_archived.setText(self.tr("Show archived events"))
        self.list.setHorizontalHeaderLabels(
            [
                self.tr("Event"),
                self.tr("Kind"),
                self.tr("Starts"),
                self.tr("Audiences"),
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
        self.register_box.setTitle(self.tr("Register a person followed here"))
        self.person_query.setPlaceholderText(self.tr("Name, phone or e-mail"))
        self.find_button.setText(self.tr("&Find"))
        self.register_button.setText(self.tr("Re&gister"))
        self.sign_ups_box.setTitle(self.tr("Kiosk sign-ups to confirm"))
        self.sign_up_table.setHorizontalHeaderLabels([self.tr("Name typed"), self.tr("Phone or e-mail")])
        self.confirm_button.setText(self.tr("It is this person: re&gister"))
        self._render()
