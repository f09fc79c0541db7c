"""Sharing a person's file with another campus, or transferring it there, from the file (advisors and managers).

The same service as `gn-desktop person share|transfer` (`services.transfers.move_person`): the other campus from the
network's list, share or transfer, and the person's consent, which must be ticked (it is noted in their file).
A share is sent to HQ at the next synchronisation; a transfer is a change of the campus that follows the person.
Threading: main thread only.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from gn_core.domain.errors import InvalidInput
from gn_desktop.services import transfers
from gn_desktop.views.common import error_label, show_error
from gn_desktop.views.tasks import TaskError, TaskRunner


class MoveDialog(QDialog):
    """Share or transfer `person_id` (named `name`). `moved(message)` once it is recorded; the dialog then closes."""

    moved = Signal(str)
    failed = Signal(str)

    def __init__(self, runner: TaskRunner, person_id: str, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("move-dialog")
        self.setModal(True)
        self.setMinimumWidth(620)
        self._runner = runner
        self.person_id = person_id
        self.name = name
        self.setWindowTitle(self.tr("Share or transfer the file"))
        title = QLabel(self.tr("<b>%1 goes to another campus</b>").replace("%1", name.replace("<", "&lt;")))
        title.setObjectName("move-title")
        self.campus = QComboBox()
        self.campus.setObjectName("move-campus")
        self.campus_error = error_label("move-campus-error")
        self.share = QRadioButton(self.tr("&Share: the other campus follows the person too; this campus goes on"))
        self.share.setObjectName("move-share")
        self.transfer = QRadioButton(
            self.tr("&Transfer: the other campus follows the person from now on (the referent advisor is cleared)")
        )
        self.transfer.setObjectName("move-transfer")
        self.share.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.share)
        group.addButton(self.transfer)
        explanation = QLabel(
            self.tr(
                "The other campus receives the whole file at its next synchronisation, this campus keeps what it "
                "worked on. Ask the person first: their consent is noted in their file, with your name and the date."
            )
        )
        explanation.setWordWrap(True)
        explanation.setObjectName("move-explanation")
        self.consent = QCheckBox(self.tr("The person &agrees to their file going to this campus"))
        self.consent.setObjectName("move-consent")
        self.consent.toggled.connect(self._update)
        self.consent_error = error_label("move-consent-error")
        self.error = error_label("move-error")
        campus_label = QLabel(self.tr("&Campus"))
        campus_label.setBuddy(self.campus)
        self.buttons = QDialogButtonBox()
        self.confirm = self.buttons.addButton(self.tr("&Confirm"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.confirm.setObjectName("move-confirm")
        self.confirm.clicked.connect(self.submit)
        self.buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(campus_label)
        layout.addWidget(self.campus)
        layout.addWidget(self.campus_error)
        layout.addWidget(self.share)
        layout.addWidget(self.transfer)
        layout.addWidget(explanation)
        layout.addWidget(self.consent)
        layout.addWidget(self.consent_error)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons, 0, Qt.AlignmentFlag.AlignRight)
        self._update()
        self._runner.query(transfers.other_campuses, on_done=self._campuses, on_error=self._refused)

    def _campuses(self, choices: list[transfers.CampusChoice]) -> None:
        self.campus.clear()
        for choice in choices:
            self.campus.addItem(f"{choice.name} ({choice.code})", choice.id)
        if not choices:
            show_error(
                self.campus_error, self.tr("No other campus is known here yet: synchronise this computer first.")
            )
        self._update()

    def _update(self) -> None:
        self.confirm.setEnabled(self.consent.isChecked() and self.campus.count() > 0)

    def submit(self) -> None:
        for label in (self.error, self.campus_error, self.consent_error):
            show_error(label, None)
        self.confirm.setEnabled(False)
        move = transfers.Move.TRANSFER if self.transfer.isChecked() else transfers.Move.SHARE
        self._runner.run(
            transfers.move_person,
            self.person_id,
            str(self.campus.currentData()),
            move,
            self.consent.isChecked(),
            on_done=self._moved,
            on_error=self._refused,
        )

    def _moved(self, done: transfers.MoveDone) -> None:
        if done.move is transfers.Move.SHARE:
            text = self.tr("%1 will be shared with %2 at the next synchronisation.")
        else:
            text = self.tr("%1 is transferred to %2; the change reaches every computer at the next synchronisation.")
        self.accept()
        self.moved.emit(text.replace("%1", done.person).replace("%2", done.campus))

    def _refused(self, error: TaskError) -> None:
        self._update()
        known = error.error
        if isinstance(known, InvalidInput):
            show_error(self.campus_error, " ".join(known.for_field("campus")) or None)
            show_error(self.consent_error, " ".join(known.for_field("consent")) or None)
        else:
            show_error(self.error, error.message)
        self.failed.emit(error.message)
