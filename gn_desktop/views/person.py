"""A person's file: header, pathway (timeline and moves, outcomes), notes, appointments, referrals, history.

Everything is loaded in one task-runner query (`load_file`) and reloaded after each write that touched the person.
Refused pathway moves show the state machine's French reason under the move form. Referring takes two clicks:
pick a session or an offer in the "Refer to" list, then "Refer" (or double-click it).
Threading: main thread only.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from functools import partial
from typing import Any

from PySide6.QtCore import QDate, QDateTime, QEvent, Qt, QTime, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from gn_core.domain import enums as e
from gn_core.domain.pathway import ORDER, MoveDetails, allowed_moves
from gn_core.domain.validation import format_phone
from gn_desktop.services import followup, partners, referrals
from gn_desktop.views.common import (
    error_label,
    fill,
    fmt_date,
    fmt_datetime,
    heading,
    lab,
    selected_id,
    show_error,
    table,
)
from gn_desktop.views.record_labels import RecordLabels
from gn_desktop.views.tasks import TaskError, TaskRunner


@dataclass(frozen=True, slots=True)
class FileData:
    """Everything the person's file shows."""

    file: followup.PersonFile
    notes: list[followup.NoteView]
    appointments: list[followup.AppointmentView]
    referrals: list[referrals.ReferralView]
    history: list[followup.HistoryView]
    sessions: list[partners.SessionView]
    offers: list[partners.OfferView]
    today: date


def load_file(uow: Any, person_id: str, today: date) -> FileData:
    """Worker thread: the whole file in one read."""
    return FileData(
        followup.person_file(uow, person_id, today),
        followup.notes(uow, person_id),
        followup.appointments(uow, person_id),
        referrals.for_person(uow, person_id),
        followup.history(uow, person_id),
        [s for s in partners.upcoming_sessions(uow, today) if s.places_left > 0][:200],
        partners.open_offers(uow, today)[:200],
        today,
    )


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(qd: QDate) -> date:
    return date(qd.year(), qd.month(), qd.day())


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

        self.tabs = QTabWidget()
        self.tabs.setObjectName("person-tabs")
        self.tabs.addTab(self._pathway_tab(), "")
        self.tabs.addTab(self._notes_tab(), "")
        self.tabs.addTab(self._appointments_tab(), "")
        self.tabs.addTab(self._referrals_tab(), "")
        self.tabs.addTab(self._history_tab(), "")

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

    def _pathway_tab(self) -> QWidget:
        page = QWidget()
        self.timeline = table("timeline-table", 5, stretch=4)
        self.move_box = QGroupBox()
        self.move_target = QComboBox()
        self.move_target.setObjectName("move-target")
        self.move_date = QDateEdit()
        self.move_date.setObjectName("move-date")
        self.move_date.setCalendarPopup(True)
        self.move_date.setDate(_qdate(date.today()))
        self.contract_type = QComboBox()
        self.contract_type.setObjectName("contract-type")
        self.employer = QLineEdit()
        self.employer.setObjectName("employer")
        self.contract_start = QDateEdit()
        self.contract_start.setObjectName("contract-start")
        self.contract_start.setCalendarPopup(True)
        self.contract_start.setDate(_qdate(date.today()))
        self.siret = QLineEdit()
        self.siret.setObjectName("siret")
        self.business_date = QDateEdit()
        self.business_date.setObjectName("business-date")
        self.business_date.setCalendarPopup(True)
        self.business_date.setDate(_qdate(date.today()))
        self.exit_reason = QComboBox()
        self.exit_reason.setObjectName("exit-reason")
        self.move_comment = QLineEdit()
        self.move_comment.setObjectName("move-comment")
        self.move_button = QPushButton()
        self.move_button.setObjectName("move-button")
        self.move_button.clicked.connect(self.move_step)
        self.move_error = error_label("move-error")

        self.move_form = QFormLayout(self.move_box)
        self.move_labels: dict[str, QLabel] = {}
        for key, widget in (
            ("target", self.move_target),
            ("date", self.move_date),
            ("contract_type", self.contract_type),
            ("employer", self.employer),
            ("contract_start", self.contract_start),
            ("siret", self.siret),
            ("business_date", self.business_date),
            ("exit_reason", self.exit_reason),
            ("comment", self.move_comment),
        ):
            lab_ = QLabel()
            lab_.setBuddy(widget)
            self.move_labels[key] = lab_
            self.move_form.addRow(lab_, widget)
        self.move_form.addRow(self.move_error)
        self.move_form.addRow(self.move_button)
        self.move_target.currentIndexChanged.connect(self._show_move_details)

        layout = QHBoxLayout(page)
        layout.addWidget(self.timeline, 3)
        layout.addWidget(self.move_box, 2)
        return page

    def _notes_tab(self) -> QWidget:
        page = QWidget()
        self.notes_table = table("notes-table", 3, stretch=2)
        self.notes_table.setWordWrap(True)
        self.note_text = QPlainTextEdit()
        self.note_text.setObjectName("note-text")
        self.note_text.setTabChangesFocus(True)
        self.note_text.setMaximumHeight(90)
        self.note_restricted = QCheckBox()
        self.note_restricted.setObjectName("note-restricted")
        self.note_button = QPushButton()
        self.note_button.setObjectName("note-add")
        self.note_button.clicked.connect(self.add_note)
        QShortcut(QKeySequence("Ctrl+Return"), self.note_text, self.add_note, Qt.ShortcutContext.WidgetShortcut)
        self.note_error = error_label("note-error")
        self.note_hint = QLabel()
        self.note_hint.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.note_restricted, 1)
        row.addWidget(self.note_button)
        layout = QVBoxLayout(page)
        layout.addWidget(self.notes_table, 1)
        layout.addWidget(self.note_hint)
        layout.addWidget(self.note_text)
        layout.addWidget(self.note_error)
        layout.addLayout(row)
        return page

    def _appointments_tab(self) -> QWidget:
        page = QWidget()
        self.appointments_table = table("person-appointments", 5, stretch=2)
        self.appt_when = QDateTimeEdit()
        self.appt_when.setObjectName("appointment-when")
        self.appt_when.setCalendarPopup(True)
        tomorrow = date.today() + timedelta(days=1)
        self.appt_when.setDateTime(QDateTime(_qdate(tomorrow), QTime(10, 0)))
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
        layout = QVBoxLayout(page)
        layout.addWidget(self.appointments_table, 1)
        layout.addLayout(form)
        layout.addWidget(self.appt_error)
        return page

    def _referrals_tab(self) -> QWidget:
        page = QWidget()
        self.referrals_title = heading(size=12)
        self.referrals_table = table("referrals-table", 5, stretch=1)
        self.referral_status = QComboBox()
        self.referral_status.setObjectName("referral-status")
        self.referral_status_button = QPushButton()
        self.referral_status_button.setObjectName("referral-status-button")
        self.referral_status_button.clicked.connect(self.change_referral_status)
        self.referrals_table.itemSelectionChanged.connect(self._referral_selected)
        self.options_title = heading(size=12)
        self.options_table = table("referral-options", 5, stretch=1)
        self.options_table.itemActivated.connect(lambda _item: self.refer())
        self.refer_button = QPushButton()
        self.refer_button.setObjectName("refer-button")
        self.refer_button.clicked.connect(self.refer)
        self.referral_error = error_label("referral-error")
        status_row = QHBoxLayout()
        self.referral_status_label = QLabel()
        self.referral_status_label.setBuddy(self.referral_status)
        status_row.addWidget(self.referral_status_label)
        status_row.addWidget(self.referral_status, 1)
        status_row.addWidget(self.referral_status_button)
        refer_row = QHBoxLayout()
        refer_row.addWidget(self.options_title, 1)
        refer_row.addWidget(self.refer_button)
        layout = QVBoxLayout(page)
        layout.addWidget(self.referrals_title)
        layout.addWidget(self.referrals_table, 2)
        layout.addLayout(status_row)
        layout.addLayout(refer_row)
        layout.addWidget(self.options_table, 3)
        layout.addWidget(self.referral_error)
        return page

    def _history_tab(self) -> QWidget:
        page = QWidget()
        self.history_table = table("history-table", 4, stretch=3)
        layout = QVBoxLayout(page)
        layout.addWidget(self.history_table)
        return page

    # -- loading -------------------------------------------------------------------------------------------------

    def show_person(self, person_id: str) -> None:
        if person_id != self.person_id:
            self.data = None
            self.name.setText(self.tr("Loading…"))
            self.details.clear()
            self.step_label.clear()
            self.tabs.setCurrentIndex(0)
            for err in (self.move_error, self.note_error, self.appt_error, self.referral_error):
                show_error(err, None)
        self.person_id = person_id
        self.reload()

    def reload(self) -> None:
        if self.person_id is not None:
            self._runner.query(load_file, self.person_id, date.today(), on_done=self._show, on_error=self._load_failed)

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
        self.loaded.emit(data)

    # -- actions -------------------------------------------------------------------------------------------------

    def move_step(self) -> None:
        if self.person_id is None:
            return
        target = self.move_target.currentData()
        if target is None:
            return
        step = e.PathwayStep(target)
        details = MoveDetails(
            contract_type=e.ContractType(self.contract_type.currentData())
            if step == e.PathwayStep.OUTCOME_HIRED
            else None,
            employer_name=self.employer.text() if step == e.PathwayStep.OUTCOME_HIRED else None,
            contract_start=_pydate(self.contract_start.date()) if step == e.PathwayStep.OUTCOME_HIRED else None,
            siret=self.siret.text() if step == e.PathwayStep.OUTCOME_BUSINESS else None,
            business_created_on=_pydate(self.business_date.date()) if step == e.PathwayStep.OUTCOME_BUSINESS else None,
            exit_reason=e.ExitReason(self.exit_reason.currentData())
            if step == e.PathwayStep.OUTCOME_OTHER_EXIT
            else None,
        )
        show_error(self.move_error, None)
        self._runner.run(
            partial(followup.advance_pathway, comment=self.move_comment.text()),
            self.person_id,
            step,
            _pydate(self.move_date.date()),
            details,
            on_done=self._moved,
            on_error=self._move_refused,
        )

    def add_note(self) -> None:
        if self.person_id is None:
            return
        show_error(self.note_error, None)
        self._runner.run(
            partial(followup.add_note, restricted=self.note_restricted.isChecked()),
            self.person_id,
            self.note_text.toPlainText(),
            on_done=self._note_added,
            on_error=self._note_refused,
        )

    def _moved(self, _result: object) -> None:
        self.move_comment.clear()
        self._saved("move", self.move_error)

    def _move_refused(self, error: TaskError) -> None:
        self._refused(self.move_error, error)

    def _note_refused(self, error: TaskError) -> None:
        self._refused(self.note_error, error)

    def _appointment_refused(self, error: TaskError) -> None:
        self._refused(self.appt_error, error)

    def _referral_refused(self, error: TaskError) -> None:
        self._refused(self.referral_error, error)

    def _referred(self, _result: object) -> None:
        self._saved("referral", self.referral_error)

    def _referral_status_changed(self, _result: object) -> None:
        self._saved("referral-status", self.referral_error)

    def _note_added(self, _result: object = None) -> None:
        self.note_text.clear()
        self.note_restricted.setChecked(False)
        self._saved("note", self.note_error)

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

    def refer(self) -> None:
        if self.person_id is None:
            return
        key = selected_id(self.options_table)
        if key is None:
            show_error(self.referral_error, self.tr("Choose a session or an offer in the list first."))
            return
        kind, _, target = key.partition(":")
        self._runner.run(
            partial(
                referrals.refer,
                programme_session_id=target if kind == "session" else None,
                job_offer_id=target if kind == "offer" else None,
            ),
            self.person_id,
            date.today(),
            on_done=self._referred,
            on_error=self._referral_refused,
        )

    def change_referral_status(self) -> None:
        referral_id = selected_id(self.referrals_table)
        status = self.referral_status.currentData()
        if referral_id is None or status is None:
            show_error(self.referral_error, self.tr("Choose a referral and its new status first."))
            return
        self._runner.run(
            referrals.set_status,
            referral_id,
            status,
            date.today(),
            on_done=self._referral_status_changed,
            on_error=self._referral_refused,
        )

    def _saved(self, what: str, error: QLabel) -> None:
        show_error(error, None)
        self.status.setText(self.tr("Saved."))
        self.saved.emit(what)

    def _refused(self, where: QLabel, error: TaskError) -> None:
        show_error(where, error.message)
        self.failed.emit(error.message)

    # -- display -------------------------------------------------------------------------------------------------

    def _show_move_details(self) -> None:
        target = self.move_target.currentData()
        hired = target == e.PathwayStep.OUTCOME_HIRED.value
        business = target == e.PathwayStep.OUTCOME_BUSINESS.value
        other = target == e.PathwayStep.OUTCOME_OTHER_EXIT.value
        for key, visible in (
            ("contract_type", hired),
            ("employer", hired),
            ("contract_start", hired),
            ("siret", business),
            ("business_date", business),
            ("exit_reason", other),
        ):
            self.move_form.setRowVisible(self.move_labels[key], visible)

    def _fill_move_targets(self) -> None:
        current = self.move_target.currentData()
        self.move_target.blockSignals(True)
        self.move_target.clear()
        step = self.data.file.step if self.data is not None else None
        allowed = allowed_moves(step) if step is not None else []
        for s in allowed:
            self.move_target.addItem(lab(s), s.value)
        if allowed:
            self.move_target.insertSeparator(len(allowed))
        for s in ORDER:
            if s not in allowed and s != step:
                self.move_target.addItem(self.tr("%1 (not possible from here)").replace("%1", lab(s)), s.value)
        index = self.move_target.findData(current)
        self.move_target.setCurrentIndex(index if index >= 0 else 0)
        self.move_target.blockSignals(False)
        self._show_move_details()

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
        fill(
            self.timeline,
            [
                [
                    fmt_date(ev.occurred_on),
                    lab(ev.from_step) if ev.from_step else "—",
                    lab(ev.to_step),
                    ev.author_name,
                    ev.details,
                ]
                for ev in reversed(f.timeline)
            ],
        )
        self._fill_move_targets()
        fill(
            self.notes_table,
            [
                [
                    fmt_datetime(n.created_at),
                    n.author_name + (" 🔒" if n.restricted else ""),
                    n.body,
                ]
                for n in d.notes
            ],
        )
        self.notes_table.resizeRowsToContents()
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
                for a in d.appointments
            ],
            [a.id for a in d.appointments],
        )
        fill(
            self.referrals_table,
            [
                [
                    self.tr("Training") if r.kind == "session" else self.tr("Job offer"),
                    r.title,
                    r.partner_name,
                    fmt_date(r.referred_on),
                    lab(r.status),
                ]
                for r in d.referrals
            ],
            [r.id for r in d.referrals],
        )
        self._referral_selected()
        options = [
            [
                self.tr("Training"),
                s.programme_title,
                s.partner_name,
                self.tr("from %1").replace("%1", fmt_date(s.starts_on)),
                self.tr("%n place(s) left", "", s.places_left),
            ]
            for s in d.sessions
        ] + [
            [
                self.tr("Job offer"),
                f"{o.title} ({lab(o.contract_type)})",
                o.partner_name,
                self.tr("posted %1").replace("%1", fmt_date(o.posted_on)),
                "",
            ]
            for o in d.offers
        ]
        fill(
            self.options_table,
            options,
            [f"session:{s.id}" for s in d.sessions] + [f"offer:{o.id}" for o in d.offers],
        )
        fill(
            self.history_table,
            [[fmt_datetime(h.at), h.user_name, self._what(h), self._fields(h)] for h in d.history],
        )
        self.tabs.setTabText(1, self.tr("&Notes (%1)").replace("%1", str(len(d.notes))))
        self.tabs.setTabText(2, self.tr("&Appointments (%1)").replace("%1", str(len(d.appointments))))
        self.tabs.setTabText(3, self.tr("&Referrals (%1)").replace("%1", str(len(d.referrals))))

    def _referral_selected(self) -> None:
        self.referral_status.clear()
        rid = selected_id(self.referrals_table)
        ref = next((r for r in self.data.referrals if r.id == rid), None) if self.data and rid else None
        for status in ref.next_statuses if ref is not None else ():
            self.referral_status.addItem(lab(status), status.value)
        self.referral_status_button.setEnabled(self.referral_status.count() > 0)

    def _what(self, h: followup.HistoryView) -> str:
        ops = {
            "insert": self.tr("created"),
            "update": self.tr("changed"),
            "delete": self.tr("deleted"),
            "received": self.tr("created elsewhere, received from the head office (earlier changes are kept there)"),
        }
        return f"{RecordLabels().entity(h.entity)} — {ops.get(h.op, h.op)}"

    def _fields(self, h: followup.HistoryView) -> str:
        shown = []
        labels = RecordLabels()
        for key, change in sorted(h.fields.items()):
            name = labels.field(key)
            if name is None or key.endswith("_id"):  # ids and derived columns: nothing an advisor reads
                continue
            new = change.get("new") if isinstance(change, dict) else change
            old = change.get("old") if isinstance(change, dict) else None
            if old in (None, "", []) and new in (None, "", []):
                continue  # an empty field of a new record
            value = labels.value(new) if old in (None, "", []) else f"{labels.value(old)} → {labels.value(new)}"
            shown.append(self.tr("%1: %2").replace("%1", name).replace("%2", value))
        text = "; ".join(shown)
        return text if len(text) <= 160 else text[:157] + "…"

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
        self.timeline.setHorizontalHeaderLabels(
            [self.tr("Date"), self.tr("From"), self.tr("To"), self.tr("By"), self.tr("Details")]
        )
        self.timeline.setAccessibleName(self.tr("Pathway timeline"))
        self.move_box.setTitle(self.tr("Move to another step"))
        texts = {
            "target": self.tr("&Step"),
            "date": self.tr("&Date"),
            "contract_type": self.tr("Contract &type"),
            "employer": self.tr("&Employer"),
            "contract_start": self.tr("Contract &start"),
            "siret": self.tr("&SIRET"),
            "business_date": self.tr("&Creation date"),
            "exit_reason": self.tr("Exit &reason"),
            "comment": self.tr("Co&mment"),
        }
        for key, text in texts.items():
            self.move_labels[key].setText(text)
        self.move_button.setText(self.tr("Record the &move"))
        self.contract_type.clear()
        for ct in e.ContractType:
            self.contract_type.addItem(lab(ct), ct.value)
        self.exit_reason.clear()
        for reason in e.ExitReason:
            self.exit_reason.addItem(lab(reason), reason.value)
        self.notes_table.setHorizontalHeaderLabels([self.tr("Date"), self.tr("Author"), self.tr("Note")])
        self.notes_table.setAccessibleName(self.tr("Notes"))
        self.note_hint.setText(self.tr("Notes cannot be edited or deleted once added. Ctrl+Enter adds the note."))
        self.note_text.setPlaceholderText(self.tr("New note"))
        self.note_text.setAccessibleName(self.tr("New note"))
        self.note_restricted.setText(self.tr("Restricted &note (only you and the campus managers can read it)"))
        self.note_button.setText(self.tr("Add the no&te"))
        self.appointments_table.setHorizontalHeaderLabels(
            [self.tr("When"), self.tr("Duration"), self.tr("Subject"), self.tr("Status"), self.tr("Advisor")]
        )
        self.appt_when_label.setText(self.tr("&When"))
        self.appt_duration_label.setText(self.tr("D&uration (min)"))
        self.appt_subject_label.setText(self.tr("Su&bject"))
        self.appt_button.setText(self.tr("&Book"))
        self.referrals_title.setText(self.tr("Referrals of this person"))
        self.referrals_table.setHorizontalHeaderLabels(
            [self.tr("Type"), self.tr("Title"), self.tr("Partner"), self.tr("Referred on"), self.tr("Status")]
        )
        self.referral_status_label.setText(self.tr("New s&tatus of the selected referral"))
        self.referral_status_button.setText(self.tr("Change the stat&us"))
        self.options_title.setText(self.tr("Refer to a training session or a job offer"))
        self.options_table.setHorizontalHeaderLabels(
            [self.tr("Type"), self.tr("Title"), self.tr("Partner"), self.tr("Dates"), self.tr("Places")]
        )
        self.options_table.setAccessibleName(self.tr("Sessions and offers to refer to"))
        self.refer_button.setText(self.tr("Re&fer"))
        self.history_table.setHorizontalHeaderLabels(
            [self.tr("When"), self.tr("Who"), self.tr("What"), self.tr("Changes")]
        )
        self.history_table.setAccessibleName(self.tr("History of changes"))
        self._render()
