"""Erasing a person (GDPR) from their file, for a campus manager: a reason from the list, a reference (a ticket
number, never the person's name), and the person's name typed again to confirm.

The erasure is the same service as `gn-desktop person erase` (`services.erasure.erase_person_here`): the request is
queued for HQ and every local trace deleted in one transaction; then the file is compacted so no freed page keeps
the name (`compact_after_erasure`). Threading: main thread only.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from gn_core.domain import enums as e
from gn_core.domain.errors import InvalidInput
from gn_core.domain.normalize import fold
from gn_desktop.services import erasure
from gn_desktop.views.common import error_label, lab, show_error
from gn_desktop.views.tasks import TaskError, TaskRunner


class EraseDialog(QDialog):
    """Erase `person_id` (named `name`). `erased(name)` once it is done here; the dialog then closes."""

    erased = Signal(str)
    failed = Signal(str)

    def __init__(self, runner: TaskRunner, person_id: str, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("erase-dialog")
        self.setModal(True)
        self.setMinimumWidth(600)
        self._runner = runner
        self.person_id = person_id
        self.name = name
        self._done_name = ""
        self.setWindowTitle(self.tr("Erase a person"))
        title = QLabel(self.tr("<b>Erase %1 for good</b>").replace("%1", name.replace("<", "&lt;")))
        title.setObjectName("erase-title")
        self.explanation = QLabel(
            self.tr(
                "Every record of this person is deleted from this computer now: identity, pathway, notes, "
                "appointments, referrals, consents, RQTH and their history. At the next synchronisation the head "
                "office erases them everywhere, on every campus. This cannot be undone. Only the request is kept, "
                "with its reason and reference and without the name."
            )
        )
        self.explanation.setObjectName("erase-explanation")
        self.explanation.setWordWrap(True)
        self.reason = QComboBox()
        self.reason.setObjectName("erase-reason")
        for reason in e.ErasureReason:
            self.reason.addItem(lab(reason), reason.value)
        self.reference = QLineEdit()
        self.reference.setObjectName("erase-reference")
        self.reference.setMaxLength(erasure.REFERENCE_MAX)
        self.reference.setPlaceholderText(self.tr("e.g. the ticket number of the request — never the person's name"))
        self.reference_error = error_label("erase-reference-error")
        self.typed_name = QLineEdit()
        self.typed_name.setObjectName("erase-typed-name")
        self.typed_name.setPlaceholderText(name)
        self.typed_name.textChanged.connect(self._update)
        self.error = error_label("erase-error")
        form = QFormLayout()
        reason_label = QLabel(self.tr("&Reason"))
        reason_label.setBuddy(self.reason)
        reference_label = QLabel(self.tr("Re&ference"))
        reference_label.setBuddy(self.reference)
        name_label = QLabel(self.tr("To confirm, type the person's name (%1)").replace("%1", name))
        name_label.setObjectName("erase-name-label")
        name_label.setWordWrap(True)
        name_label.setBuddy(self.typed_name)
        form.addRow(reason_label, self.reason)
        form.addRow(reference_label, self.reference)
        form.addRow("", self.reference_error)
        form.addRow(name_label)
        form.addRow(self.typed_name)
        self.buttons = QDialogButtonBox()
        self.erase_button = self.buttons.addButton(
            self.tr("&Erase for good"), QDialogButtonBox.ButtonRole.DestructiveRole
        )
        self.erase_button.setObjectName("erase-confirm")
        self.erase_button.clicked.connect(self.erase)
        self.cancel_button = self.buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.explanation)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons, 0, Qt.AlignmentFlag.AlignRight)
        self._update()

    def name_confirmed(self) -> bool:
        """True once the name typed is the person's (case, accents and hyphens aside)."""
        return bool(fold(self.typed_name.text())) and fold(self.typed_name.text()) == fold(self.name)

    def _update(self) -> None:
        self.erase_button.setEnabled(self.name_confirmed())

    def erase(self) -> None:
        if not self.name_confirmed():
            return
        show_error(self.error, None)
        show_error(self.reference_error, None)
        self.erase_button.setEnabled(False)
        self._runner.run(
            erasure.erase_person_here,
            self.person_id,
            str(self.reason.currentData()),
            self.reference.text(),
            on_done=self._erased,
            on_error=self._refused,
        )

    def _erased(self, done: erasure.ErasureDone) -> None:
        self._done_name = done.name
        self._runner.query(
            erasure.compact_after_erasure, self.person_id, on_done=self._compacted, on_error=self._compacted
        )

    def _compacted(self, _result: object = None) -> None:
        # a compaction that failed (disk full…) is redone at the next erasure or sync; the person is gone already
        self.accept()
        self.erased.emit(self._done_name)

    def _refused(self, error: TaskError) -> None:
        self._update()
        known = error.error
        if isinstance(known, InvalidInput) and known.for_field("reference"):
            show_error(self.reference_error, known.for_field("reference")[0])
        else:
            show_error(self.error, error.message)
        self.failed.emit(error.message)
