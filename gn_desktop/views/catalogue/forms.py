"""The dialog every catalogue form is built on: labelled fields with their French error under each, Save and Cancel,
the save run through the task runner. Also the few inputs the forms share (a vocabulary combo, a list of check
boxes, an optional date). Threading: main thread only.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date
from enum import StrEnum
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gn_core.domain.errors import InvalidInput
from gn_core.domain.reference import COMMUNES_93
from gn_desktop.views.common import error_label, heading, lab, show_error
from gn_desktop.views.tasks import TaskError, TaskRunner


def choice_combo(name: str, values: Iterable[StrEnum], *, empty: bool = False) -> QComboBox:
    """A combo of vocabulary values (their labels), with an empty first entry when the field is optional."""
    combo = QComboBox()
    combo.setObjectName(name)
    if empty:
        combo.addItem("—", None)
    for value in values:
        combo.addItem(lab(value), value.value)
    return combo


def commune_combo(name: str) -> QComboBox:
    combo = QComboBox()
    combo.setObjectName(name)
    combo.addItem("—", None)
    for c in sorted(COMMUNES_93, key=lambda c: c.name):
        combo.addItem(c.name, c.insee)
    return combo


def set_combo(combo: QComboBox, value: object) -> None:
    """Select the entry whose data is `value` (a vocabulary value, an id, or None)."""
    key = value.value if isinstance(value, StrEnum) else value
    index = combo.findData(key)
    combo.setCurrentIndex(max(index, 0))


class ChecksList(QListWidget):
    """Several values of a vocabulary, each a check box (job families, funding, audiences)."""

    def __init__(self, name: str, values: Iterable[StrEnum], rows: int = 4) -> None:
        super().__init__()
        self.setObjectName(name)
        for value in values:
            item = QListWidgetItem(lab(value))
            item.setData(Qt.ItemDataRole.UserRole, value.value)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.addItem(item)
        self.setMaximumHeight(self.sizeHintForRow(0) * rows + 6)

    def set_values(self, values: Iterable[str]) -> None:
        wanted = set(values)
        for i in range(self.count()):
            item = self.item(i)
            checked = item.data(Qt.ItemDataRole.UserRole) in wanted
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def values(self) -> tuple[str, ...]:
        return tuple(
            str(self.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.count())
            if self.item(i).checkState() == Qt.CheckState.Checked
        )


class DateField(QWidget):
    """A date, optional when built with `optional=True` (a check box says whether there is one)."""

    def __init__(self, name: str, *, optional: bool = False) -> None:
        super().__init__()
        self.setObjectName(name)
        self.optional = optional
        self.edit = QDateEdit()
        self.edit.setObjectName(f"{name}-date")
        self.edit.setCalendarPopup(True)
        self.edit.setDate(QDate.currentDate())
        self.present = QCheckBox()
        self.present.setObjectName(f"{name}-set")
        self.present.setVisible(optional)
        self.present.setChecked(not optional)
        self.present.toggled.connect(self.edit.setEnabled)
        self.edit.setEnabled(not optional)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.present)
        row.addWidget(self.edit)
        row.addStretch(1)

    def set_value(self, day: date | None) -> None:
        self.present.setChecked(day is not None or not self.optional)
        if day is not None:
            self.edit.setDate(QDate(day.year, day.month, day.day))

    def value(self) -> date | None:
        if not self.present.isChecked():
            return None
        d = self.edit.date()
        return date(d.year(), d.month(), d.day())


class EntryDialog(QDialog):
    """A catalogue form: `add_field` builds it, `save_call` says which service function saves it. `saved` carries the
    record's id. Errors of the service appear under the field they name, others at the bottom."""

    saved = Signal(str)

    def __init__(self, runner: TaskRunner, name: str, record_id: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setModal(True)
        self.setMinimumWidth(560)
        self._runner = runner
        self.record_id = record_id
        self.title = heading(size=14)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.labels: dict[str, QLabel] = {}
        self.errors: dict[str, QLabel] = {}
        self.general_error = error_label(f"{name}-error")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(self.form)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)

    def add_field(self, field: str, widget: QWidget) -> None:
        """A row: its label (translated by the subclass in `retranslate`), the input, its error label below."""
        label = QLabel()
        label.setBuddy(widget)
        error = error_label(f"{field}-error")
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        column.addWidget(error)
        self.form.addRow(label, box)
        self.labels[field] = label
        self.errors[field] = error

    def set_labels(self, texts: dict[str, str]) -> None:
        for field, text in texts.items():
            self.labels[field].setText(text)

    # -- saving --------------------------------------------------------------------------------------------------

    def save_call(self) -> tuple[Callable[..., Any], Sequence[Any]]:
        """The service function and its arguments after the unit of work."""
        raise NotImplementedError

    def save(self) -> None:
        self.clear_errors()
        fn, args = self.save_call()
        self.buttons.setEnabled(False)
        self._runner.run(fn, *args, on_done=self._done, on_error=self._refused)

    def clear_errors(self) -> None:
        for error in (*self.errors.values(), self.general_error):
            show_error(error, None)

    def _done(self, record_id: object) -> None:
        self.buttons.setEnabled(True)
        self.saved.emit(str(record_id) if record_id else self.record_id or "")
        self.accept()

    def _refused(self, error: TaskError) -> None:
        self.buttons.setEnabled(True)
        known = error.error
        if isinstance(known, InvalidInput):
            rest = []
            for err in known.errors:
                where = self.errors.get(err.field)
                if where is not None and not where.isVisibleTo(self):
                    show_error(where, err.message)
                elif where is not None:
                    show_error(where, f"{where.text()} {err.message}")
                else:
                    rest.append(err.message)
            show_error(self.general_error, " ".join(rest) or None)
        else:
            show_error(self.general_error, error.message)
