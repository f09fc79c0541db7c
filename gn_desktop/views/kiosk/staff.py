"""Staff only: the campus manager's PIN closes the kiosk (the window counts nothing; the service locks the pad) or,
on a kiosk not yet enrolled, opens the enrolment with HQ (its address and a kiosk enrolment code).

Threading: main thread only.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QWidget

from gn_desktop.views.kiosk.base import Screen
from gn_desktop.views.kiosk.widgets import (
    ErrorLabel,
    Field,
    Keypad,
    KioskButton,
    OnScreenKeyboard,
    TypingTarget,
    label,
)


class ExitScreen(Screen):
    """Staff only: the campus manager's PIN closes the kiosk, or opens its enrolment (`purpose` says which)."""

    pin_entered = Signal(str)
    cancelled = Signal()

    def __init__(self, target: TypingTarget, parent: QWidget | None = None) -> None:
        super().__init__("kiosk-exit", parent)
        self.intro = label(role="subtitle")
        self.column.addWidget(self.intro)
        self.pin = Field("pin")
        self.pin.edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.edit.setMaxLength(8)
        self.pin.edit.returnPressed.connect(lambda: self._submit("close"))
        self.column.addWidget(self.pin)
        self.keypad = Keypad(target)
        self.column.addWidget(self.keypad, 0, Qt.AlignmentFlag.AlignHCenter)
        self.error = ErrorLabel()
        self.column.addWidget(self.error)
        buttons = QHBoxLayout()
        self.cancel = KioskButton()
        self.cancel.setObjectName("exit-cancel")
        self.cancel.clicked.connect(self.cancelled.emit)
        self.submit = KioskButton(variant="primary")
        self.submit.setObjectName("exit-submit")
        self.submit.clicked.connect(lambda: self._submit("close"))
        buttons.addWidget(self.cancel)
        buttons.addWidget(self.submit, 1)
        self.column.addLayout(buttons)
        # shown while the kiosk is not enrolled with HQ: the same PIN opens the enrolment instead
        self.enrol = KioskButton()
        self.enrol.setObjectName("exit-enrol")
        self.enrol.clicked.connect(lambda: self._submit("enrol"))
        self.enrol.hide()
        self.column.addWidget(self.enrol)
        self.column.addStretch(1)
        # what the PIN was typed for: "close" or "enrol"
        self.purpose = "close"

    def _submit(self, purpose: str = "close") -> None:
        if self.submit.isEnabled():
            self.purpose = purpose
            self.pin_entered.emit(self.pin.value())

    def retranslate(self) -> None:
        self.title.setText(self.tr("Staff only"))
        self.intro.setText(self.tr("Type the campus manager's PIN to close the kiosk."))
        self.pin.set_texts(self.tr("PIN"))
        self.cancel.setText(self.tr("Cancel"))
        self.submit.setText(self.tr("Close the kiosk"))
        self.enrol.setText(self.tr("Enrol this kiosk with head office"))
        self.keypad.retranslate()

    def wipe(self) -> None:
        self.pin.wipe()
        self.error.show_message("")

    def first_focus(self) -> QWidget | None:
        return self.pin.edit


class EnrolScreen(Screen):
    """Staff only, after the PIN: enrol this kiosk with HQ as a kiosk of its campus (HQ's address and a kiosk
    enrolment code from `gn-hq campus code CAMPUS --kiosk`). The window sends them on the sync thread."""

    submitted = Signal(str, str)
    cancelled = Signal()

    def __init__(self, target: TypingTarget, parent: QWidget | None = None) -> None:
        super().__init__("kiosk-enrol", parent)
        self.intro = label(role="subtitle")
        self.column.addWidget(self.intro)
        self.server = Field("server")
        self.code = Field("code")
        self.code.edit.setMaxLength(24)
        for field in (self.server, self.code):
            field.edit.returnPressed.connect(self._submit)
            self.column.addWidget(field)
        self.keyboard = OnScreenKeyboard(target)
        self.column.addWidget(self.keyboard)
        self.message = ErrorLabel()  # what went wrong
        self.status = label()  # what is happening, or that it worked
        self.status.setObjectName("enrol-status")
        self.column.addWidget(self.message)
        self.column.addWidget(self.status)
        buttons = QHBoxLayout()
        self.cancel = KioskButton()
        self.cancel.setObjectName("enrol-cancel")
        self.cancel.clicked.connect(self.cancelled.emit)
        self.submit = KioskButton(variant="primary")
        self.submit.setObjectName("enrol-submit")
        self.submit.clicked.connect(self._submit)
        buttons.addWidget(self.cancel)
        buttons.addWidget(self.submit, 1)
        self.column.addLayout(buttons)
        self.column.addStretch(1)
        self.done = False

    def _submit(self) -> None:
        if self.submit.isEnabled() and not self.done:
            self.submitted.emit(self.server.value(), self.code.value())

    def show_progress(self, text: str) -> None:
        self.message.show_message("")
        self.status.setText(text)

    def show_error(self, text: str) -> None:
        self.status.setText("")
        self.message.show_message(text)

    def show_done(self, text: str) -> None:
        """Enrolled: the message, and one button back to the visitors' screens."""
        self.done = True
        self.message.show_message("")
        self.status.setText(text)
        self.submit.hide()
        self.cancel.setText(self.tr("Back to the kiosk"))

    def retranslate(self) -> None:
        self.title.setText(self.tr("Enrol this kiosk"))
        self.intro.setText(
            self.tr(
                "Type head office's address and the kiosk enrolment code head office gave you. The kiosk then "
                "receives its campus's catalogue and today's appointments, and sends check-ins at once."
            )
        )
        self.server.set_texts(self.tr("Head office address"), self.tr("For example https://siege.example.fr"))
        self.code.set_texts(self.tr("Kiosk enrolment code"), self.tr("Four groups of four characters."))
        self.submit.setText(self.tr("Enrol"))
        self.cancel.setText(self.tr("Back to the kiosk") if self.done else self.tr("Cancel"))
        self.keyboard.retranslate()

    def wipe(self) -> None:
        for field in (self.server, self.code):
            field.wipe()
        self.message.show_message("")
        self.status.setText("")
        self.submit.setEnabled(True)
        self.submit.show()
        self.done = False
        self.cancel.setText(self.tr("Cancel"))

    def first_focus(self) -> QWidget | None:
        return self.server.edit
