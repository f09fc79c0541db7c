"""The "Details" tab of a person's file: their fields as intake took them, to correct and complete — identity,
contact, commune, situation, education level, benefits, barriers, target jobs, who referred them, France Travail id.

* The fields are the intake form's (`PersonFields`): the same labels, the same checks (gn_core's, inline when a field
  is left) and the service's French messages under each field when it refuses.
* Changing the first name, last name or birth date asks for a confirmation first (`identity_box`).
* The form remembers the version of the record it shows (`base`). The service refuses to write over a change made
  meanwhile (another PC's, received by the synchronisation): the form then shows the new values, keeps the advisor's
  other corrections, and says which fields changed, what they hold now and what the advisor had typed, to be applied
  again. A newer file loaded while the advisor types is handled the same way.

Ctrl+S saves. Threading: main thread only.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from functools import partial
from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from gn_core.domain.errors import InvalidInput
from gn_core.domain.person import CHOICES, COLUMNS, MULTIPLE_CHOICES, PERSON_FIELDS, check_person
from gn_desktop.services import intake
from gn_desktop.services.person_file import FileData
from gn_desktop.views.common import error_label, lab, show_error
from gn_desktop.views.intake.form import PersonFields, person_form
from gn_desktop.views.person.tab import FileTab
from gn_desktop.views.record_labels import RecordLabels
from gn_desktop.views.tasks import TaskError, TaskRunner

# the two columns of the form
LEFT = ("first_name", "last_name", "birth_date", "gender", "phone", "email", "commune", "france_travail_id")
RIGHT = ("situation", "education_level", "referral_source", "benefits", "barriers", "job_families")
IDENTITY = ("first_name", "last_name", "birth_date")
NOTICE_STYLE = "background: #fff4d6; border: 1px solid #e8c66a; border-radius: 6px; padding: 8px;"


class DetailsTab(FileTab):
    def __init__(self, runner: TaskRunner) -> None:
        super().__init__(runner)
        self.base: intake.EditablePerson | None = None
        self._loading = False
        self.notice = QLabel()
        self.notice.setObjectName("person-edit-notice")
        self.notice.setWordWrap(True)
        self.notice.setTextFormat(Qt.TextFormat.PlainText)
        self.notice.setStyleSheet(NOTICE_STYLE)
        self.notice.hide()
        self.groups = (PersonFields(LEFT), PersonFields(RIGHT))
        self.fields = {n: w for g in self.groups for n, w in g.fields.items()}
        for group in self.groups:
            group.changed.connect(self._changed)
        self.save_button = QPushButton()
        self.save_button.setObjectName("person-edit-save")
        self.save_button.clicked.connect(self.save)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save, Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.revert_button = QPushButton()
        self.revert_button.setObjectName("person-edit-revert")
        self.revert_button.clicked.connect(self.revert)
        self.error = error_label("person-edit-error")
        self.hint = QLabel()
        self.hint.setObjectName("person-edit-hint")
        self.hint.setWordWrap(True)
        self.identity_box: QMessageBox | None = None
        self.identity_confirm: QPushButton | None = None

        columns = QHBoxLayout()
        columns.setSpacing(28)
        for group in self.groups:
            columns.addWidget(group, 1, Qt.AlignmentFlag.AlignTop)
        inner = QWidget()
        inner.setObjectName("person-edit-form")
        inner_layout = QVBoxLayout(inner)
        inner_layout.addLayout(columns)
        inner_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(inner)
        buttons = QHBoxLayout()
        buttons.addWidget(self.hint, 1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.notice)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self._retranslate()
        self._update_buttons()

    # -- values --------------------------------------------------------------------------------------------------

    def values(self) -> dict[str, Any]:
        return {name: value for group in self.groups for name, value in group.values().items()}

    def set_values(self, values: Mapping[str, Any]) -> None:
        self._loading = True
        try:
            for group in self.groups:
                group.set_values(values)
        finally:
            self._loading = False
        self._update_buttons()

    @property
    def dirty(self) -> bool:
        """True when the form holds corrections not saved yet."""
        return self.base is not None and _differs(self.values(), self.base.values)

    def _changed(self) -> None:
        if not self._loading:
            self._update_buttons()

    def _update_buttons(self) -> None:
        dirty = self.dirty
        self.save_button.setEnabled(dirty)
        self.revert_button.setEnabled(dirty)

    # -- loading -------------------------------------------------------------------------------------------------

    def clear_messages(self) -> None:
        show_error(self.error, None)
        self.notice.hide()
        for group in self.groups:
            group.clear_errors()

    def set_person(self, person_id: str) -> None:
        if person_id != self.person_id:
            self.base = None
        super().set_person(person_id)

    def show_file(self, data: FileData) -> None:
        self.data = data
        current = data.editable
        if self.base is None or not self.dirty:
            self.base = current
            self.set_values(current.values)
        elif current.version != self.base.version:
            self._newer(current, self.values())

    def revert(self) -> None:
        """Forget the corrections typed: the form shows the file as loaded."""
        if self.base is not None:
            self.clear_messages()
            self.set_values(self.base.values)

    def _newer(self, current: intake.EditablePerson, mine: Mapping[str, Any]) -> None:
        """A newer version of the record than the one the form was loaded from: show its values for the fields that
        changed meanwhile, keep the advisor's other corrections, and say what changed."""
        assert self.base is not None
        before = self.base.values
        moved = [n for n in PERSON_FIELDS if current.values.get(n) != before.get(n)]
        self.base = current
        if not moved:
            self._update_buttons()
            return
        merged = {n: current.values[n] if n in moved else mine.get(n) for n in PERSON_FIELDS}
        self.set_values(merged)
        labels = RecordLabels()
        lines = []
        for name in moved:
            line = self.tr("%1: now %2").replace("%1", _field_name(labels, name))
            line = line.replace("%2", _shown(name, current.values[name]))
            if _differs({name: mine.get(name)}, {name: before.get(name)}) and mine.get(name) != current.values[name]:
                line += " " + self.tr("(you had typed: %1)").replace("%1", _shown(name, mine.get(name)))
            lines.append(line)
        self.notice.setText(
            self.tr(
                "This file was changed while you were correcting it (on another computer, or in another window). "
                "Nothing was saved. The form now shows the new values:"
            )
            + "\n• "
            + "\n• ".join(lines)
            + "\n"
            + self.tr("Check them, apply your corrections again if they are still needed, then save.")
        )
        self.notice.show()

    # -- saving --------------------------------------------------------------------------------------------------

    def save(self) -> None:
        if self.person_id is None or self.base is None:
            return
        show_error(self.error, None)
        values = self.values()
        if not _differs(values, self.base.values):
            return
        problems = [n for group in self.groups for n in group.check()]
        if problems:
            self.fields[problems[0]].setFocus()
            show_error(self.error, self.tr("Some fields need correcting: see the messages under them."))
            return
        identity = self._identity_changes(values)
        if identity:
            self._confirm_identity(identity)
        else:
            self._submit()

    def _identity_changes(self, values: Mapping[str, Any]) -> list[str]:
        """The identity fields the form changes, as "Name: old → new" (values as gn_core normalises them)."""
        assert self.base is not None
        today = date.today()
        new = check_person(person_form(values), today, IDENTITY)[0]
        old = check_person(person_form(self.base.values), today, IDENTITY)[0]
        labels = RecordLabels()
        return [
            self.tr("%1: %2 → %3")
            .replace("%1", _field_name(labels, n))
            .replace("%2", labels.value(_wired(old[n])))
            .replace("%3", labels.value(_wired(new[n])))
            for n in IDENTITY
            if new[n] != old[n]
        ]

    def _confirm_identity(self, changes: list[str]) -> None:
        box = QMessageBox(self)
        box.setObjectName("person-identity-confirm")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Change the person's identity"))
        box.setText(
            self.tr("You are about to change this person's identity:")
            + "\n• "
            + "\n• ".join(changes)
            + "\n\n"
            + self.tr(
                "Check it against an identity document: the name and birth date are how the person is found and "
                "told apart from others, here and at the head office."
            )
        )
        self.identity_confirm = box.addButton(self.tr("Change the identity"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(self.identity_confirm)
        box.buttonClicked.connect(self._identity_answered)
        self.identity_box = box
        box.open()

    def _identity_answered(self, button: object) -> None:
        box, self.identity_box = self.identity_box, None
        if box is not None:
            box.deleteLater()
        if button is self.identity_confirm:
            self._submit()

    def _submit(self) -> None:
        assert self.person_id is not None and self.base is not None
        self.save_button.setEnabled(False)
        self._runner.run(
            partial(intake.update_person, base=self.base),
            self.person_id,
            person_form(self.values()),
            date.today(),
            on_done=self._done,
            on_error=self._save_refused,
        )

    def _done(self, _changed: object) -> None:
        self.clear_messages()
        self.base = None  # the reload that follows shows the values as stored (a phone as people read it)
        self._saved("person", self.error)

    def _save_refused(self, error: TaskError) -> None:
        self._update_buttons()
        known = error.error
        if isinstance(known, intake.PersonChangedElsewhere):
            self._newer(known.current, self.values())
            self.failed.emit(error.message)
            return
        if isinstance(known, InvalidInput):
            for group in self.groups:
                group.show_errors(known.errors)
        self._refused(self.error, error)

    # -- translation ---------------------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        # no mnemonic: every letter of it is taken by a field of the form; Ctrl+S saves
        self.save_button.setText(self.tr("Save the corrections (Ctrl+S)"))
        self.revert_button.setText(self.tr("&Undo my changes"))
        self.hint.setText(
            self.tr(
                "Every correction is kept in the history (who, when, the value before). "
                "Changing the name or birth date asks for a confirmation."
            )
        )


def _differs(a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
    """Whether two sets of form values differ (empty texts, no choice and empty lists are the same)."""

    def norm(value: Any) -> Any:
        if isinstance(value, list):
            return sorted(value)
        return (value or "").strip() if isinstance(value, str) or value is None else value

    return any(norm(a.get(n)) != norm(b.get(n)) for n in set(a) | set(b))


def _field_name(labels: RecordLabels, name: str) -> str:
    return labels.field(COLUMNS[name][0]) or name


def _wired(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


def _shown(name: str, value: Any) -> str:
    """A form value as the advisor reads it: labels of codes, "—" for nothing."""
    if name in MULTIPLE_CHOICES:
        items = [lab(MULTIPLE_CHOICES[name](v)) for v in value or []]
        return ", ".join(items) if items else "—"
    if name in CHOICES and value:
        return lab(CHOICES[name](value))
    return str(value) if value else "—"
