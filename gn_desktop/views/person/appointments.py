"""The "Appointments" tab of a person's file: their appointments and the form that books one.

Threading: main thread only.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from functools import partial

from PySide6.QtCore import QDateTime, QEvent, QTime
from PySide6.QtWidgets import QDateTimeEdit, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSpinBox, QVBoxLayout

from gn_desktop.services import followup
from gn_desktop.views.common import error_label, fill, fmt_datetime, lab, show_error, table
from gn_desktop.views.person.tab import FileTab, qdate
from gn_desktop.views.tasks import TaskError, TaskRunner


class AppointmentsTab(FileTab):
    def __init__(self, runner: TaskRunner) -> None:
        super().__init__(runner)
        self.appointments_table = table("person-appointments", 5, stretch=2)
        self.appt_when = QDateTimeEdit()
        self.appt_when.setObjectName("appointment-when")
        self.appt_when.setCalendarPopup(True)
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
        layout = QVBoxLayout(self)
        layout.addWidget(self.appointments_table, 1)
        layout.addLayout(form)
        layout.addWidget(self.appt_error)
        self._retranslate()

    def clear_messages(self) -> None:
        show_error(self.appt_error, None)

    def book(self) -> None:
        if self.person_id is None:
            return
        qdt = self.appt_when.dateTime()
        d, t = qdt.date(), qdt.time()
        local = datetime(d.year(), d.month(), d.day(), t.hour(), t.minute()).astimezone()
        self._runner.run(
            partial(
                followup.book_appointment,
                duration_min=self.appt_duration.value(),
                subject=self.appt_subject.text(),
                now=datetime.now(UTC),
            ),
            self.person_id,
            local.astimezone(UTC),
            on_done=self._booked,
            on_error=self._appointment_refused,
        )

    def _booked(self, _result: object = None) -> None:
        self.appt_subject.clear()
        self._saved("appointment", self.appt_error)

    def _appointment_refused(self, error: TaskError) -> None:
        self._refused(self.appt_error, error)

    def _render(self) -> None:
        if self.data is None:
            return
        appointments = self.data.appointments
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

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.appointments_table.setHorizontalHeaderLabels(
            [self.tr("When"), self.tr("Duration"), self.tr("Subject"), self.tr("Status"), self.tr("Advisor")]
        )
        self.appt_when_label.setText(self.tr("&When"))
        self.appt_duration_label.setText(self.tr("D&uration (min)"))
        self.appt_subject_label.setText(self.tr("Su&bject"))
        self.appt_button.setText(self.tr("&Book"))
        self._render()
