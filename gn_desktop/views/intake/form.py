"""The person form: fields of a person's file as an advisor types them, each with its label and inline error.

`PersonFields` shows any of the person fields (`gn_core.domain.person.PERSON_FIELDS`) in a form layout; the intake
wizard puts a few on each page. It gives the values as typed (`values`, `set_values`; `person_form` turns them into
a `PersonForm`) and shows under each field what `gn_core.domain.person` refuses: a line is checked when it is left,
and `check()` checks them all (the wizard, before it moves on). The checks are gn_core's, pure: nothing is
re-implemented here, and the French messages are shown as they come.

Threading: main thread only.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from enum import StrEnum
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from gn_core.domain.errors import FieldError
from gn_core.domain.person import CHOICES, MULTIPLE_CHOICES, PERSON_FIELDS, PersonForm, person_problems
from gn_core.domain.reference import COMMUNES_93
from gn_desktop.views.common import error_label, lab, show_error

# check boxes per row in a multiple choice
BOX_COLUMNS = 2


def person_form(values: Mapping[str, Any]) -> PersonForm:
    """The form as typed (`PersonFields.values`, a draft) as a `PersonForm`; empty texts are no value."""
    typed: dict[str, Any] = {name: values.get(name) or None for name in PERSON_FIELDS}
    typed |= {name: list(values.get(name) or []) for name in MULTIPLE_CHOICES}
    typed |= {name: values.get(name) or "" for name in ("first_name", "last_name")}
    return PersonForm(**typed)


class PersonFields(QWidget):
    """Some of a person's fields with their labels and error lines. `changed()` on every edit."""

    changed = Signal()

    def __init__(self, names: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        unknown = set(names) - set(PERSON_FIELDS)
        assert not unknown, unknown
        self.fields: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        self.labels: dict[str, QLabel] = {}
        self._boxes: dict[str, dict[str, QCheckBox]] = {}
        self._form = QFormLayout(self)
        self._form.setContentsMargins(0, 0, 0, 0)
        self._form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._form.setVerticalSpacing(6)
        for name in names:
            self._row(name, self._widget(name))
        self.retranslate()

    # -- building ------------------------------------------------------------------------------------------------

    def _widget(self, name: str) -> QWidget:
        if name in CHOICES:
            combo = QComboBox()
            combo.currentIndexChanged.connect(self.changed)
            widget: QWidget = combo
        elif name in MULTIPLE_CHOICES:
            widget = QWidget()
            grid = QGridLayout(widget)
            grid.setContentsMargins(0, 0, 0, 0)
            boxes: dict[str, QCheckBox] = {}
            for i, value in enumerate(MULTIPLE_CHOICES[name]):
                box = QCheckBox()
                box.setObjectName(f"intake-{name}-{value.value}")
                box.toggled.connect(self.changed)
                boxes[value.value] = box
                grid.addWidget(box, i // BOX_COLUMNS, i % BOX_COLUMNS)
            self._boxes[name] = boxes
        else:
            line = QLineEdit()
            line.textEdited.connect(self.changed)
            line.editingFinished.connect(lambda name=name: self.check([name]))
            if name == "birth_date":
                line.setMaxLength(10)
            elif name == "commune":
                completer = QCompleter([c.name for c in COMMUNES_93], line)
                completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
                completer.setFilterMode(Qt.MatchFlag.MatchContains)
                line.setCompleter(completer)
            widget = line
        widget.setObjectName(f"intake-{name}")
        self.fields[name] = widget
        return widget

    def _row(self, name: str, widget: QWidget) -> None:
        label = QLabel()
        label.setBuddy(widget)
        self.labels[name] = label
        self.errors[name] = error_label(f"intake-{name}-error")
        box = QVBoxLayout()
        box.setSpacing(2)
        box.addWidget(widget)
        box.addWidget(self.errors[name])
        self._form.addRow(label, box)

    # -- values --------------------------------------------------------------------------------------------------

    def values(self) -> dict[str, Any]:
        """The fields as typed: texts, vocabulary values ("" for none), lists of ticked values."""
        out: dict[str, Any] = {}
        for name, w in self.fields.items():
            if isinstance(w, QLineEdit):
                out[name] = w.text()
            elif isinstance(w, QComboBox):
                out[name] = w.currentData() or ""
            else:
                out[name] = [v for v, b in self._boxes[name].items() if b.isChecked()]
        return out

    def set_values(self, data: Mapping[str, Any]) -> None:
        """Show `data` (the fields it lacks are emptied); errors shown stay until the next check."""
        for name, w in self.fields.items():
            value = data.get(name)
            if isinstance(w, QLineEdit):
                w.setText(str(value or ""))
            elif isinstance(w, QComboBox):
                w.setCurrentIndex(max(0, w.findData(value or "")))
            else:
                for v, b in self._boxes[name].items():
                    b.setChecked(v in (value or []))

    # -- errors --------------------------------------------------------------------------------------------------

    def check(self, names: Iterable[str] | None = None, today: date | None = None) -> list[str]:
        """Check these fields (all by default) with gn_core's rules and show their errors; returns the bad ones."""
        wanted = [n for n in (self.fields if names is None else names) if n in self.fields]
        problems = person_problems(person_form(self.values()), today or date.today(), wanted)
        self._show({name: next((p.message for p in problems if p.field == name), None) for name in wanted})
        return [n for n in wanted if any(p.field == n for p in problems)]

    def show_errors(self, errors: Iterable[FieldError]) -> None:
        """Show each error under its field (the first one when a field has several); others are ignored."""
        messages: dict[str, str | None] = {}
        for err in errors:
            if err.field in self.errors:
                messages.setdefault(err.field, err.message)
        self._show(messages)

    def clear_errors(self) -> None:
        self._show(dict.fromkeys(self.errors))

    def _show(self, messages: Mapping[str, str | None]) -> None:
        for name, message in messages.items():
            show_error(self.errors[name], message)
        # A form layout that is a widget's own layout keeps the row heights it had before an error line appeared
        # (wrapped messages were clipped): have it measure them again.
        self._form.invalidate()

    # -- translation ---------------------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        labels = {
            "first_name": self.tr("&First name *"),
            "last_name": self.tr("&Last name *"),
            "birth_date": self.tr("&Birth date"),
            "gender": self.tr("&Gender"),
            "phone": self.tr("&Phone"),
            "email": self.tr("&E-mail"),
            "commune": self.tr("&Commune"),
            "situation": self.tr("&Situation"),
            "france_travail_id": self.tr("France &Travail id"),
            "education_level": self.tr("E&ducation level"),
            "benefits": self.tr("Be&nefits"),
            "referral_source": self.tr("&Referred by"),
            "barriers": self.tr("&Barriers"),
            "job_families": self.tr("&Jobs"),
        }
        placeholders = {
            "birth_date": self.tr("dd/mm/yyyy"),
            "phone": self.tr("06 12 34 56 78"),
            "email": self.tr("name@domain.fr"),
            "commune": self.tr("Commune of Seine-Saint-Denis, or another town"),
            "france_travail_id": self.tr("1234567A"),
        }
        for name, w in self.fields.items():
            label = self.labels[name]
            label.setText(labels[name])
            # a few pixels more than Qt measures: the last letter of "&Téléphone" was clipped
            label.setMinimumWidth(label.sizeHint().width() + 3)
            if isinstance(w, QLineEdit):
                w.setPlaceholderText(placeholders.get(name, ""))
            elif isinstance(w, QComboBox):
                self._refill(w, CHOICES[name])
            else:
                vocab = MULTIPLE_CHOICES[name]
                for raw, box in self._boxes[name].items():
                    box.setText(lab(vocab(raw)))

    def _refill(self, combo: QComboBox, vocab: type[StrEnum]) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(self.tr("— not stated —"), "")
        for value in vocab:
            combo.addItem(lab(value), value.value)
        combo.setCurrentIndex(max(0, combo.findData(current or "")))
        combo.blockSignals(False)
