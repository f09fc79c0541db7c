"""The advisor's home page: today's appointments, walk-ins waiting from the kiosk, follow-ups due, sync status.

The data comes from a loader the composition root injects (in the app, `services.home.home_view`), run through the
task runner; the page only formats it. It reloads after every committed write and every `POLL_MS` (the kiosk writes
visits from another window or computer), and shows a notice when someone new is waiting.
Threading: main thread only.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, timedelta
from typing import Any, Protocol

from PySide6.QtCore import QEvent, QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QKeySequence
from PySide6.QtWidgets import (
    QDateEdit,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from gn_core.domain.enums import PathwayStep
from gn_desktop.services import worklist
from gn_desktop.services.home import AppointmentItem, WalkIn
from gn_desktop.services.retention import AnonymisationWarnings
from gn_desktop.services.worklist import DueItem, DueReason
from gn_desktop.views.common import (
    ID_ROLE,
    error_label,
    fill,
    fmt_date,
    fmt_long_date,
    fmt_time,
    heading,
    lab,
    selected_id,
    show_error,
    table,
)
from gn_desktop.views.person.tab import pydate, qdate
from gn_desktop.views.tasks import TaskError, TaskRunner

#: how often the page looks for new walk-ins
POLL_MS = 30_000


class HomeData(Protocol):
    """What the home page shows (`services.home.HomeView` has this shape)."""

    @property
    def campus_name(self) -> str | None: ...
    @property
    def people_by_step(self) -> Sequence[tuple[PathwayStep, int]]: ...
    @property
    def appointments_today(self) -> int: ...
    @property
    def pending_changes(self) -> int: ...
    @property
    def day(self) -> date: ...
    @property
    def people_total(self) -> int: ...
    @property
    def appointments(self) -> Sequence[AppointmentItem]: ...
    @property
    def due(self) -> Sequence[DueItem]: ...
    @property
    def due_counts(self) -> dict[DueReason, int]: ...
    @property
    def walk_ins(self) -> Sequence[WalkIn]: ...
    @property
    def anonymisation(self) -> AnonymisationWarnings: ...


# loads the home data; called with a unit of work on the task runner's worker thread
HomeLoader = Callable[[Any], HomeData]


class _Figure(QFrame):
    """A card with one big number and what it counts."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setProperty("card", True)
        self.number = QLabel("—")
        self.number.setObjectName(f"{name}-number")
        font = QFont(self.font())
        font.setPointSize(22)
        font.setBold(True)
        self.number.setFont(font)
        self.caption = QLabel()
        self.caption.setObjectName(f"{name}-caption")
        self.caption.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 10, 16, 10)
        layout.addWidget(self.number)
        layout.addWidget(self.caption)

    def show_value(self, value: int | None, caption: str) -> None:
        self.number.setText("—" if value is None else QLocale().toString(value))
        self.caption.setText(caption)
        self.setAccessibleName(f"{self.number.text()} {caption}")


class HomePage(QWidget):
    """Home page of the advisor workspace. Emits `loaded(data)` each time fresh data is shown."""

    loaded = Signal(object)
    load_failed = Signal(str)
    open_person = Signal(str)
    intake_from_pre_registration = Signal(str)

    def __init__(self, runner: TaskRunner, load_home: HomeLoader, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("home-page")
        self._runner = runner
        self._load_home = load_home
        self._loading = False
        self._reload_again = False
        self._active = False
        self._known_walk_ins: set[str] | None = None
        self.summary: HomeData | None = None

        self.title = heading()
        self.title.setObjectName("home-title")
        self.subtitle = QLabel()
        self.subtitle.setObjectName("home-subtitle")
        self.notice = QLabel()
        self.notice.setObjectName("home-notice")
        self.notice.setWordWrap(True)
        self.notice.hide()
        self.arrival = QLabel()
        self.arrival.setObjectName("home-arrival")
        self.arrival.setWordWrap(True)
        self.arrival.hide()
        self.refresh_button = QPushButton()
        self.refresh_button.setObjectName("home-refresh")
        self.refresh_button.setShortcut(QKeySequence(QKeySequence.StandardKey.Refresh))
        self.refresh_button.clicked.connect(self.reload)

        self.people = _Figure("people")
        self.appointments = _Figure("appointments")
        self.waiting = _Figure("waiting")
        self.due_figure = _Figure("due")
        self.pending = _Figure("pending")

        self.appointments_title = heading(size=13)
        self.appointments_table = table("appointments-table", 4, stretch=1)
        self.walk_ins_title = heading(size=13)
        self.walk_ins_table = table("walk-ins-table", 4, stretch=1)
        self.receive_button = QPushButton()
        self.receive_button.setObjectName("walk-in-receive")
        self.receive_button.clicked.connect(self._receive)
        self.due_title = heading(size=13)
        self._anonymised_soon: set[str] = set()
        self.due_table = table("due-table", 3, stretch=1)  # the names in full; a long reason is elided (tooltip)
        self.due_done_button = QPushButton()
        self.due_done_button.setObjectName("due-done")
        self.due_done_button.clicked.connect(self.mark_done)
        self.snooze_date = QDateEdit()
        self.snooze_date.setObjectName("due-snooze-date")
        self.snooze_date.setCalendarPopup(True)
        self.snooze_date.setDate(qdate(date.today() + timedelta(days=14)))
        self.snooze_label = QLabel()
        self.snooze_label.setBuddy(self.snooze_date)
        self.snooze_button = QPushButton()
        self.snooze_button.setObjectName("due-snooze")
        self.snooze_button.clicked.connect(self.snooze)
        self.due_error = error_label("due-error")
        self.due_table.itemSelectionChanged.connect(self._due_selection_changed)
        self.status = QLabel()
        self.status.setObjectName("home-status")
        self.status.setWordWrap(True)

        for t in (self.appointments_table, self.due_table):
            t.itemActivated.connect(lambda item, t=t: self._open_from(t, item.row()))
        self.walk_ins_table.itemActivated.connect(lambda _item: self._receive())

        header = QHBoxLayout()
        titles = QVBoxLayout()
        titles.addWidget(self.title)
        titles.addWidget(self.subtitle)
        header.addLayout(titles, 1)
        header.addWidget(self.refresh_button, 0, Qt.AlignmentFlag.AlignTop)
        figures = QHBoxLayout()
        figures.setSpacing(12)
        for card in (self.appointments, self.waiting, self.due_figure, self.people, self.pending):
            figures.addWidget(card, 1)
        grid = QGridLayout()
        grid.setHorizontalSpacing(20)
        grid.setVerticalSpacing(6)
        grid.addWidget(self.appointments_title, 0, 0)
        grid.addWidget(self.appointments_table, 1, 0)
        walk_header = QHBoxLayout()
        walk_header.addWidget(self.walk_ins_title, 1)
        walk_header.addWidget(self.receive_button)
        grid.addLayout(walk_header, 2, 0)
        grid.addWidget(self.walk_ins_table, 3, 0)
        grid.addWidget(self.due_title, 0, 1)
        due_column = QVBoxLayout()
        due_column.addWidget(self.due_table, 1)
        due_actions = QHBoxLayout()
        due_actions.addWidget(self.due_done_button)
        due_actions.addStretch(1)
        due_actions.addWidget(self.snooze_label)
        due_actions.addSpacing(4)
        due_actions.addWidget(self.snooze_date)
        due_actions.addWidget(self.snooze_button)
        due_column.addLayout(due_actions)
        due_column.addWidget(self.due_error)
        grid.addLayout(due_column, 1, 1, 3, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 20, 28, 16)
        layout.setSpacing(12)
        layout.addLayout(header)
        layout.addWidget(self.notice)
        layout.addWidget(self.arrival)
        layout.addLayout(figures)
        layout.addLayout(grid, 1)
        layout.addWidget(self.status)
        self.setTabOrder(self.refresh_button, self.appointments_table)
        self.setTabOrder(self.appointments_table, self.receive_button)
        self.setTabOrder(self.receive_button, self.walk_ins_table)
        self.setTabOrder(self.walk_ins_table, self.due_table)
        self.setTabOrder(self.due_table, self.due_done_button)
        self.setTabOrder(self.due_done_button, self.snooze_date)
        self.setTabOrder(self.snooze_date, self.snooze_button)

        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self.reload)
        self._retranslate()
        runner.changed.connect(self._on_changed)

    # -- loading -------------------------------------------------------------------------------------------------

    def activate(self) -> None:
        """Start loading (and polling) once someone is signed in."""
        self._active = True
        self._poll.start()
        self.reload()

    def deactivate(self) -> None:
        """Stop polling and forget what was shown (the session was locked or closed)."""
        self._active = False
        self._poll.stop()

    def reload(self) -> None:
        """Fetch fresh data through the task runner (one load in flight at a time)."""
        if self._runner.is_shut_down:
            return
        if self._loading:
            self._reload_again = True
            return
        self._loading = True
        self.status.setText(self.tr("Loading…"))
        self._runner.query(self._load_home, on_done=self._show, on_error=self._failed)

    def _on_changed(self, _changes: frozenset[tuple[str, str]]) -> None:
        if self._active:
            self.reload()

    def _show(self, data: HomeData) -> None:
        self._loading = False
        self.summary = data
        self.status.clear()
        self._notice_arrivals(data)
        self._render()
        self.loaded.emit(data)
        self._maybe_reload()

    def _failed(self, error: TaskError) -> None:
        self._loading = False
        self.status.setText(self.tr("The figures could not be loaded: %1").replace("%1", error.message))
        self.load_failed.emit(error.message)
        self._maybe_reload()

    def _maybe_reload(self) -> None:
        if self._reload_again:
            self._reload_again = False
            self.reload()

    def _notice_arrivals(self, data: HomeData) -> None:
        keys = {w.visit_id or w.pre_registration_id or "" for w in data.walk_ins}
        if self._known_walk_ins is not None:
            new = [w for w in data.walk_ins if (w.visit_id or w.pre_registration_id or "") not in self._known_walk_ins]
            if new:
                names = ", ".join(self._walk_in_name(w) for w in new[:3])
                self.arrival.setText(self.tr("Someone has just arrived at the reception: %1").replace("%1", names))
                self.arrival.show()
        self._known_walk_ins = keys

    def _walk_in_name(self, w: WalkIn) -> str:
        who = w.name or self.tr("visitor")
        return f"{w.ticket} — {who}" if w.ticket else who

    # -- actions -------------------------------------------------------------------------------------------------

    def _open_from(self, t: QTableWidget, row: int) -> None:
        item = t.item(row, 0)
        pid = item.data(ID_ROLE) if item is not None else None
        if pid:
            self.open_person.emit(str(pid))

    def _receive(self) -> None:
        """Take the selected walk-in: open their file, or start the intake from their pre-registration."""
        key = selected_id(self.walk_ins_table)
        if key is None or self.summary is None:
            return
        walk_in = next((w for w in self.summary.walk_ins if (w.visit_id or w.pre_registration_id) == key), None)
        if walk_in is None:
            return
        self.arrival.hide()
        if walk_in.visit_id is not None:
            from gn_desktop.services import home as home_service

            self._runner.run(home_service.mark_visit, walk_in.visit_id, "seen")
        if walk_in.person_id:
            self.open_person.emit(walk_in.person_id)
        elif walk_in.pre_registration_id:
            self.intake_from_pre_registration.emit(walk_in.pre_registration_id)

    def _due_person(self) -> str | None:
        return selected_id(self.due_table)

    def _due_selection_changed(self) -> None:
        show_error(self.due_error, None)
        person = self._due_person()
        self.due_done_button.setEnabled(person is not None)
        # a file due for anonymisation is kept by a contact only: snoozing the worklist would not keep it
        self.snooze_button.setEnabled(person is not None and person not in self._anonymised_soon)

    def mark_done(self) -> None:
        """The selected follow-up is done: a contact today; the item leaves the list."""
        pid = self._due_person()
        if pid is not None:
            self._runner.run(worklist.mark_done, pid, date.today(), on_error=self._due_refused)

    def snooze(self) -> None:
        """Leave the selected person out of the list until the date chosen (on every PC of the campus)."""
        pid = self._due_person()
        if pid is not None:
            until = pydate(self.snooze_date.date())
            self._runner.run(worklist.snooze, pid, until, date.today(), on_error=self._due_refused)

    def _due_refused(self, error: TaskError) -> None:
        show_error(self.due_error, error.message)

    # -- display -------------------------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.refresh_button.setText(self.tr("&Refresh"))
        self.refresh_button.setToolTip(self.tr("Reload (F5)"))
        self.appointments_title.setText(self.tr("Today's appointments"))
        self.appointments_table.setHorizontalHeaderLabels(
            [self.tr("Time"), self.tr("Person"), self.tr("Subject"), self.tr("Status")]
        )
        self.appointments_table.setAccessibleName(self.tr("Today's appointments"))
        self.walk_ins_title.setText(self.tr("Waiting at the reception"))
        self.walk_ins_table.setHorizontalHeaderLabels(
            [self.tr("Ticket"), self.tr("Name"), self.tr("Reason"), self.tr("Arrived")]
        )
        self.walk_ins_table.setAccessibleName(self.tr("Waiting at the reception"))
        self.receive_button.setText(self.tr("Re&ceive"))
        self.receive_button.setToolTip(self.tr("Open their file, or start their registration from the kiosk form"))
        self.due_title.setText(self.tr("Follow-ups due"))
        self.due_table.setHorizontalHeaderLabels([self.tr("Person"), self.tr("Why"), self.tr("Date")])
        self.due_table.setAccessibleName(self.tr("Follow-ups due"))
        self.due_done_button.setText(self.tr("&Done: contact made"))
        self.due_done_button.setToolTip(self.tr("Records a contact today: the person leaves the list"))
        self.snooze_label.setText(self.tr("&Snooze until"))
        self.snooze_button.setText(self.tr("Sn&ooze"))
        self.snooze_button.setToolTip(
            self.tr("The person leaves the list until that day, on every computer of the campus")
        )
        self._render()

    def _reason(self, item: DueItem) -> str:
        if item.reason == DueReason.NO_CONTACT:
            return self.tr("No contact for 30 days")
        if item.reason == DueReason.TRAINING_ENDING:
            return self.tr("Training ends soon")
        if item.reason == DueReason.MISSED_APPOINTMENT:
            return self.tr("Missed appointment")
        return self.tr("No outcome 3 months after training")

    def _anonymised_on(self, day: date) -> str:
        return self.tr("File anonymised on %1 without a new contact").replace("%1", fmt_date(day))

    def _render(self) -> None:
        s = self.summary
        if s is not None and s.campus_name:
            self.title.setText(s.campus_name)
            self.notice.hide()
        else:
            self.title.setText(self.tr("Home"))
        if s is not None and not s.campus_name:
            self.notice.setText(
                self.tr("No campus is configured on this computer yet: the figures cover everyone stored here.")
            )
            self.notice.show()
        day = s.day if s is not None else date.today()
        self.subtitle.setText(self.tr("Today: %1").replace("%1", fmt_long_date(day)))
        total = s.people_total if s is not None else None
        appts = s.appointments_today if s is not None else None
        pending = s.pending_changes if s is not None else None
        waiting = len(s.walk_ins) if s is not None else None
        due = sum(s.due_counts.values()) + s.anonymisation.count if s is not None else None
        self.people.show_value(total, self.tr("people followed", "", total if total is not None else 2))
        self.appointments.show_value(appts, self.tr("appointments today", "", appts if appts is not None else 2))
        self.waiting.show_value(waiting, self.tr("waiting at the reception", "", waiting if waiting else 2))
        self.due_figure.show_value(due, self.tr("follow-ups due", "", due if due is not None else 2))
        self.pending.show_value(
            pending, self.tr("changes waiting to be synchronised", "", pending if pending is not None else 2)
        )
        self.waiting.setProperty("alert", bool(waiting))
        self.waiting.style().unpolish(self.waiting)
        self.waiting.style().polish(self.waiting)
        if s is None:
            return
        fill(
            self.appointments_table,
            [[fmt_time(a.starts_at), a.person_name, a.subject, lab(a.status)] for a in s.appointments],
            [a.person_id for a in s.appointments],
        )
        fill(
            self.walk_ins_table,
            [
                [w.ticket or "—", w.name or self.tr("visitor"), lab(w.purpose), fmt_time(w.arrived_at)]
                for w in s.walk_ins
            ],
            [w.visit_id or w.pre_registration_id for w in s.walk_ins],
        )
        self.receive_button.setEnabled(bool(s.walk_ins))
        keep = self._due_person()
        self.due_table.blockSignals(True)
        # first, files HQ anonymises within 30 days without a contact (services.retention); their date is the last
        # contact's
        soon = s.anonymisation.items
        self._anonymised_soon = {a.person_id for a in soon}
        fill(
            self.due_table,
            [[a.person_name, self._anonymised_on(a.on), fmt_date(a.last_contact)] for a in soon]
            + [[d.person_name, self._reason(d), fmt_date(d.on)] for d in s.due],
            [a.person_id for a in soon] + [d.person_id for d in s.due],
        )
        ids = [a.person_id for a in soon] + [d.person_id for d in s.due]
        if keep in ids:
            self.due_table.selectRow(ids.index(keep))
        for row in range(self.due_table.rowCount()):
            why = self.due_table.item(row, 1)
            if why is not None:
                why.setToolTip(why.text())
        self.due_table.blockSignals(False)
        self._due_selection_changed()
