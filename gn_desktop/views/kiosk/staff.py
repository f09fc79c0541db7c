"""Staff only: the campus manager's PIN closes the kiosk (the window counts nothing; the service locks the pad).

Threading: main thread only.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QWidget

from gn_desktop.views.kiosk.base import Screen
from gn_desktop.views.kiosk.widgets import ErrorLabel, Field, Keypad, KioskButton, TypingTarget, label


class ExitScreen(Screen):
    """Staff only: the campus manager's PIN closes the kiosk."""

    pin_entered = Signal(str)
    cancelled = Signal()

    def __init__(self, target: TypingTarget, parent: QWidget | None = None) -> None:
        super().__init__("kiosk-exit", parent)
        self.intro = label(role="subtitle")
        self.column.addWidget(self.intro)
        self.pin = Field("pin")
        self.pin.edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.edit.setMaxLength(8)
        self.pin.edit.returnPressed.connect(self._submit)
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
        self.submit.clicked.connect(self._submit)
        buttons.addWidget(self.cancel)
        buttons.addWidget(self.submit, 1)
        self.column.addLayout(buttons)
        self.column.addStretch(1)

    def _submit(self) -> None:
        if self.submit.isEnabled():
            self.pin_entered.emit(self.pin.value())

    def retranslate(self) -> None:
        self.title.setText(self.tr("Staff only"))
        self.intro.setText(self.tr("Type the campus manager's PIN to close the kiosk."))
        self.pin.set_texts(self.tr("PIN"))
        self.cancel.setText(self.tr("Cancel"))
        self.submit.setText(self.tr("Close the kiosk"))
        self.keypad.retranslate()

    def wipe(self) -> None:
        self.pin.wipe()
        self.error.show_message("")

    def first_focus(self) -> QWidget | None:
        return self.pin.edit
