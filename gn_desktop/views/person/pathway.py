"""The "Pathway" tab of a person's file: the timeline of steps and the form that moves the person to another step
(with an outcome's details: contract, business created, exit reason).

A refused move shows the state machine's French reason under the form. Threading: main thread only.
"""

from __future__ import annotations

from datetime import date
from functools import partial

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from gn_core.domain import enums as e
from gn_core.domain.pathway import ORDER, MoveDetails, allowed_moves
from gn_desktop.services import followup
from gn_desktop.views.common import error_label, fill, fmt_date, lab, show_error, table
from gn_desktop.views.person.tab import FileTab, pydate, qdate
from gn_desktop.views.tasks import TaskError, TaskRunner


class PathwayTab(FileTab):
    def __init__(self, runner: TaskRunner) -> None:
        super().__init__(runner)
        self.timeline = table("timeline-table", 5, stretch=4)
        self.move_box = QGroupBox()
        self.move_target = QComboBox()
        self.move_target.setObjectName("move-target")
        self.move_date = QDateEdit()
        self.move_date.setObjectName("move-date")
        self.move_date.setCalendarPopup(True)
        self.move_date.setDate(qdate(date.today()))
        self.contract_type = QComboBox()
        self.contract_type.setObjectName("contract-type")
        self.employer = QLineEdit()
        self.employer.setObjectName("employer")
        self.contract_start = QDateEdit()
        self.contract_start.setObjectName("contract-start")
        self.contract_start.setCalendarPopup(True)
        self.contract_start.setDate(qdate(date.today()))
        self.siret = QLineEdit()
        self.siret.setObjectName("siret")
        self.business_date = QDateEdit()
        self.business_date.setObjectName("business-date")
        self.business_date.setCalendarPopup(True)
        self.business_date.setDate(qdate(date.today()))
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

        self.startups_label = QLabel()
        self.startups_label.setObjectName("person-startups")
        self.startups_label.setWordWrap(True)
        left = QVBoxLayout()
        left.addWidget(self.timeline, 1)
        left.addWidget(self.startups_label)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 3)
        layout.addWidget(self.move_box, 2)
        self._retranslate()

    def clear_messages(self) -> None:
        show_error(self.move_error, None)

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
            contract_start=pydate(self.contract_start.date()) if step == e.PathwayStep.OUTCOME_HIRED else None,
            siret=self.siret.text() if step == e.PathwayStep.OUTCOME_BUSINESS else None,
            business_created_on=pydate(self.business_date.date()) if step == e.PathwayStep.OUTCOME_BUSINESS else None,
            exit_reason=e.ExitReason(self.exit_reason.currentData())
            if step == e.PathwayStep.OUTCOME_OTHER_EXIT
            else None,
        )
        show_error(self.move_error, None)
        self._runner.run(
            partial(followup.advance_pathway, comment=self.move_comment.text()),
            self.person_id,
            step,
            pydate(self.move_date.date()),
            details,
            on_done=self._moved,
            on_error=self._move_refused,
        )

    def _moved(self, _result: object) -> None:
        self.move_comment.clear()
        self._saved("move", self.move_error)

    def _move_refused(self, error: TaskError) -> None:
        self._refused(self.move_error, error)

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
        if self.data is None:
            return
        founded = ", ".join(f"{s.name} ({lab(s.stage)})" for s in self.data.startups)
        self.startups_label.setText(self.tr("Startups founded: %1").replace("%1", founded) if founded else "")
        self.startups_label.setVisible(bool(founded))
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
                for ev in reversed(self.data.file.timeline)
            ],
        )
        self._fill_move_targets()

    # -- translation ---------------------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
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
        self._render()
