"""The "Appointments" tab of a person's file: their appointments, what to do with the one selected (mark it done or
missed, with a note; cancel it; move it), and the form that books a new one.

The note goes into the person's follow-up notes, its text naming the appointment
(`followup.record_appointment_outcome`). Threading: main thread only.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from functools import partial

from PySide6.QtCore import QDateTime, QEvent, QTime
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
)

from gn_core.domain import enums as e
from gn_desktop.services import followup
from gn_desktop.views.common import error_label, fill, fmt_datetime, lab, selected_id, show_error, table
from gn_desktop.views.person.tab import FileTab, qdate
from gn_desktop.views.tasks import TaskError, TaskRunner

S = e.AppointmentStatus


def _qdatetime(moment: datetime) -> QDateTime:
    local = moment.astimezone()
    return QDateTime(qdate(local.date()), QTime(local.hour, local.minute))


def _aware(qdt: QDateTime) -> datetime:
    """The UTC instant of what the advisor chose in local time."""
    d, t = qdt.date(), qdt.time()
    return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute()).astimezone().astimezone(UTC)


def _when_edit(name: str) -> QDateTimeEdit:
    edit = QDateTimeEdit()
    edit.setObjectName(name)
    edit.setCalendarPopup(True)
    return edit


class AppointmentsTab(FileTab):
    def __init__(self, runner: TaskRunner) -> None:
        super().__init__(runner)
        self._selected: str | None = None
        self.appointments_table = table("person-appointments", 5, stretch=2)
        self.appointments_table.itemSelectionChanged.connect(self._selection_changed)
        self._build_selected_box()
        self._build_booking_box()
        layout = QVBoxLayout(self)
        layout.addWidget(self.appointments_table, 1)
        layout.addWidget(self.selected_box)
        layout.addWidget(self.book_box)
        self._retranslate()

    # -- building ------------------------------------------------------------------------------------------------

    def _build_selected_box(self) -> None:
        self.selected_box = QGroupBox()
        self.selected_box.setObjectName("appointment-selected")
        self.outcome_note = QLineEdit()
        self.outcome_note.setObjectName("appointment-note")
        self.outcome_note_label = QLabel()
        self.outcome_note_label.setBuddy(self.outcome_note)
        self.done_button = QPushButton()
        self.done_button.setObjectName("appointment-done")
        self.done_button.clicked.connect(lambda: self.record(S.DONE))
        self.missed_button = QPushButton()
        self.missed_button.setObjectName("appointment-missed")
        self.missed_button.clicked.connect(lambda: self.record(S.MISSED))
        self.cancel_button = QPushButton()
        self.cancel_button.setObjectName("appointment-cancel")
        self.cancel_button.clicked.connect(lambda: self.record(S.CANCELLED))
        self.move_when = _when_edit("appointment-move-when")
        self.move_when_label = QLabel()
        self.move_when_label.setBuddy(self.move_when)
        self.move_button = QPushButton()
        self.move_button.setObjectName("appointment-move")
        self.move_button.clicked.connect(self.reschedule)
        self.selected_error = error_label("appointment-selected-error")
        grid = QGridLayout(self.selected_box)
        grid.addWidget(self.outcome_note_label, 0, 0)
        grid.addWidget(self.outcome_note, 0, 1)
        row = QHBoxLayout()
        for button in (self.done_button, self.missed_button, self.cancel_button):
            row.addWidget(button)
        grid.addLayout(row, 0, 2)
        grid.addWidget(self.move_when_label, 1, 0)
        move = QHBoxLayout()
        move.addWidget(self.move_when)
        move.addWidget(self.move_button)
        move.addStretch(1)
        grid.addLayout(move, 1, 1, 1, 2)
        grid.addWidget(self.selected_error, 2, 0, 1, 3)
        grid.setColumnStretch(1, 1)

    def _build_booking_box(self) -> None:
        self.book_box = QGroupBox()
        self.book_box.setObjectName("appointment-new")
        self.appt_when = _when_edit("appointment-when")
        tomorrow = date.today() + timedelta(days=1)
        self.appt_when.setDateTime(QDateTime(qdate(tomorrow), QTime(10, 0)))
        self.appt_duration = QSpinBox()
        self.appt_duration.setObjectName("appointment-duration")
        self.appt_duration.setRange(5, 480)
        self.appt_duration.setSingleStep(15)
        self.appt_duration.setValue(45)
        self.appt_subject = QLineEdit()
        self.appt_subject.setObjectName("appointment-subject")
        self.appt_button = QPushButton()
        self.appt_button.setObjectName("appointment-book")
        self.appt_button.clicked.connect(self.book)
        self.appt_error = error_label("appointment-error")
        form = QHBoxLayout()
        self.appt_when_label = QLabel()
        self.appt_when_label.setBuddy(self.appt_when)
        self.appt_duration_label = QLabel()
        self.appt_duration_label.setBuddy(self.appt_duration)
        self.appt_subject_label = QLabel()
        self.appt_subject_label.setBuddy(self.appt_subject)
        for w in (
            self.appt_when_label,
            self.appt_when,
            self.appt_duration_label,
            self.appt_duration,
            self.appt_subject_label,
        ):
            form.addWidget(w)
        form.addWidget(self.appt_subject, 1)
        form.addWidget(self.appt_button)
        box = QVBoxLayout(self.book_box)
        box.addLayout(form)
        box.addWidget(self.appt_error)

    # -- writing -------------------------------------------------------------------------------------------------

    def clear_messages(self) -> None:
        show_error(self.appt_error, None)
        show_error(self.selected_error, None)

    def book(self) -> None:
        if self.person_id is None:
            return
        self._runner.run(
            partial(
                followup.book_appointment,
                duration_min=self.appt_duration.value(),
                subject=self.appt_subject.text(),
                now=datetime.now(UTC),
            ),
            self.person_id,
            _aware(self.appt_when.dateTime()),
            on_done=self._booked,
            on_error=self._appointment_refused,
        )

    def _booked(self, _result: object = None) -> None:
        self.appt_subject.clear()
        self._saved("appointment", self.appt_error)

    def _appointment_refused(self, error: TaskError) -> None:
        self._refused(self.appt_error, error)

    def record(self, status: e.AppointmentStatus) -> None:
        """Mark the selected appointment done, missed or cancelled, with the note typed (if any)."""
        if self._selected is None:
            return
        self._runner.run(
            partial(followup.record_appointment_outcome, now=datetime.now(UTC)),
            self._selected,
            status,
            self.outcome_note.text(),
            on_done=self._recorded,
            on_error=self._selected_refused,
        )

    def reschedule(self) -> None:
        if self._selected is None:
            return
        self._runner.run(
            partial(followup.reschedule_appointment, now=datetime.now(UTC)),
            self._selected,
            _aware(self.move_when.dateTime()),
            on_done=self._recorded,
            on_error=self._selected_refused,
        )

    def _recorded(self, _result: object = None) -> None:
        self.outcome_note.clear()
        self._saved("appointment", self.selected_error)

    def _selected_refused(self, error: TaskError) -> None:
        self._refused(self.selected_error, error)

    # -- display -------------------------------------------------------------------------------------------------

    def selected(self) -> followup.AppointmentView | None:
        if self.data is None or self._selected is None:
            return None
        return next((a for a in self.data.appointments if a.id == self._selected), None)

    def _selection_changed(self) -> None:
        chosen = selected_id(self.appointments_table)
        if chosen != self._selected:
            self._selected = chosen
            show_error(self.selected_error, None)
            appt = self.selected()
            if appt is not None:
                self.move_when.setDateTime(_qdatetime(appt.starts_at))
        self._update_actions()

    def _update_actions(self) -> None:
        appt = self.selected()
        moves = followup.STATUS_MOVES[appt.status] if appt is not None else frozenset()
        has_come = appt is not None and appt.starts_at.astimezone().date() <= date.today()
        self.done_button.setEnabled(S.DONE in moves and has_come)
        self.missed_button.setEnabled(S.MISSED in moves and has_come)
        self.cancel_button.setEnabled(S.CANCELLED in moves)
        self.move_button.setEnabled(appt is not None and appt.status == S.PLANNED)
        self.outcome_note.setEnabled(appt is not None and bool(moves))
        self.move_when.setEnabled(self.move_button.isEnabled())
        if appt is None:
            self.selected_box.setTitle(self.tr("Selected appointment: choose one in the list"))
        else:
            title = self.tr("Selected appointment: %1").replace("%1", fmt_datetime(appt.starts_at))
            self.selected_box.setTitle(f"{title} — {appt.subject}" if appt.subject else title)

    def _render(self) -> None:
        if self.data is None:
            return
        appointments = self.data.appointments
        keep = self._selected
        self.appointments_table.blockSignals(True)  # the selection is put back below, as it was
        fill(
            self.appointments_table,
            [
                [
                    fmt_datetime(a.starts_at),
                    self.tr("%1 min").replace("%1", str(a.duration_min)),
                    a.subject,
                    lab(a.status),
                    a.advisor_name,
                ]
                for a in appointments
            ],
            [a.id for a in appointments],
        )
        ids = [a.id for a in appointments]
        if keep in ids:
            self.appointments_table.selectRow(ids.index(keep))  # the one just changed stays selected
        else:
            self._selected = None
        self.appointments_table.blockSignals(False)
        self._update_actions()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.appointments_table.setHorizontalHeaderLabels(
            [self.tr("When"), self.tr("Duration"), self.tr("Subject"), self.tr("Status"), self.tr("Advisor")]
        )
        self.outcome_note_label.setText(self.tr("N&ote (optional)"))
        self.outcome_note.setPlaceholderText(self.tr("What happened: it goes into the follow-up notes"))
        self.done_button.setText(self.tr("Mark &done"))
        self.missed_button.setText(self.tr("Mark &missed"))
        self.cancel_button.setText(self.tr("&Cancel it"))
        self.move_when_label.setText(self.tr("New &time"))
        self.move_button.setText(self.tr("Mo&ve"))
        self.book_box.setTitle(self.tr("New appointment"))
        self.appt_when_label.setText(self.tr("&When"))
        self.appt_duration_label.setText(self.tr("D&uration (min)"))
        self.appt_subject_label.setText(self.tr("Su&bject"))
        self.appt_button.setText(self.tr("&Book"))
        self._render()
        self._update_actions()
