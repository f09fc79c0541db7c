"""The "RQTH" tab of a person's file: their disability recognition decision — its date and validity, never a
diagnosis — to record or correct.

The page creates this tab only for the roles allowed to read sensitive data (`gn_core.domain.permissions`); for the
others it does not exist, and the service refuses them too. Recording needs the person's consent to it (the
"Consents" tab). Threading: main thread only.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout

from gn_desktop.services import rqth
from gn_desktop.services.person_file import FileData
from gn_desktop.views.common import error_label, fmt_date, show_error
from gn_desktop.views.person.tab import FileTab
from gn_desktop.views.tasks import TaskError, TaskRunner

_FIELDS = ("decided_on", "valid_from", "valid_until")


class RqthTab(FileTab):
    def __init__(self, runner: TaskRunner) -> None:
        super().__init__(runner)
        self._typed = False
        self.explanation = QLabel()
        self.explanation.setObjectName("rqth-explanation")
        self.explanation.setWordWrap(True)
        self.state = QLabel()
        self.state.setObjectName("rqth-state")
        self.state.setWordWrap(True)
        self.consent_missing = QLabel()
        self.consent_missing.setObjectName("rqth-consent-missing")
        self.consent_missing.setProperty("error", True)
        self.consent_missing.setWordWrap(True)
        self.consent_missing.hide()
        self.box = QGroupBox()
        self.inputs: dict[str, QLineEdit] = {}
        self.labels: dict[str, QLabel] = {}
        form = QFormLayout(self.box)
        for name in _FIELDS:
            line = QLineEdit()
            line.setObjectName(f"rqth-{name}")
            line.setMaxLength(10)
            line.setMaximumWidth(260)
            line.textEdited.connect(self._edited)
            label = QLabel()
            label.setBuddy(line)
            self.inputs[name] = line
            self.labels[name] = label
            form.addRow(label, line)
        self.save_button = QPushButton()
        self.save_button.setObjectName("rqth-save")
        self.save_button.clicked.connect(self.save)
        self.error = error_label("rqth-error")
        form.addRow(self.error)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.save_button)
        form.addRow(row)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explanation)
        layout.addWidget(self.state)
        layout.addWidget(self.consent_missing)
        layout.addWidget(self.box)
        layout.addStretch(1)
        self._retranslate()

    def clear_messages(self) -> None:
        show_error(self.error, None)

    def set_person(self, person_id: str) -> None:
        if person_id != self.person_id:
            self._typed = False
        super().set_person(person_id)

    def show_file(self, data: FileData) -> None:
        self.data = data
        if not self._typed:
            view = data.rqth
            for name in _FIELDS:
                value = getattr(view, name) if view is not None else None
                self.inputs[name].setText(value.strftime("%d/%m/%Y") if value is not None else "")
        self._render()

    def _edited(self) -> None:
        self._typed = True

    def save(self) -> None:
        if self.person_id is None:
            return
        show_error(self.error, None)
        decision = rqth.RqthInput(*(self.inputs[name].text().strip() or None for name in _FIELDS))
        self._runner.run(rqth.record_rqth, self.person_id, decision, on_done=self._done, on_error=self._failed)

    def _done(self, _changed: object) -> None:
        self._typed = False
        self._saved("rqth", self.error)

    def _failed(self, error: TaskError) -> None:
        self._refused(self.error, error)

    def _render(self) -> None:
        view = self.data.rqth if self.data is not None else None
        if view is None:
            return
        if view.decided_on is None or view.valid_from is None:
            self.state.setText(self.tr("No RQTH decision recorded."))
        elif view.valid_until is None:
            self.state.setText(
                self.tr("Decision of %1, valid from %2 with no end date.")
                .replace("%1", fmt_date(view.decided_on))
                .replace("%2", fmt_date(view.valid_from))
            )
        else:
            self.state.setText(
                self.tr("Decision of %1, valid from %2 to %3.")
                .replace("%1", fmt_date(view.decided_on))
                .replace("%2", fmt_date(view.valid_from))
                .replace("%3", fmt_date(view.valid_until))
            )
        self.consent_missing.setVisible(not view.consent_given)
        self.box.setEnabled(view.consent_given)
        self.save_button.setText(self.tr("&Correct the RQTH") if view.decided_on else self.tr("&Record the RQTH"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.explanation.setText(
            self.tr(
                "Recognition of disabled worker status (RQTH): only the decision date and its validity are recorded, "
                "never a diagnosis nor any medical information. Only the advisors and managers of the campus see it."
            )
        )
        self.consent_missing.setText(
            self.tr(
                "The person has not agreed to the recording of their RQTH: record their consent first (Consents tab)."
            )
        )
        self.box.setTitle(self.tr("Decision"))
        self.labels["decided_on"].setText(self.tr("&Decision date"))
        self.labels["valid_from"].setText(self.tr("Valid &from"))
        self.labels["valid_until"].setText(self.tr("Valid &until"))
        self.inputs["decided_on"].setPlaceholderText(self.tr("dd/mm/yyyy"))
        self.inputs["valid_from"].setPlaceholderText(self.tr("dd/mm/yyyy"))
        self.inputs["valid_until"].setPlaceholderText(self.tr("dd/mm/yyyy — empty: no end date"))
        self.save_button.setText(self.tr("&Record the RQTH"))
        self._render()
