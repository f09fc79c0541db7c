"""Checking in for today's appointment: by the code of the invitation, or by name and birth date.

The screen collects; the window runs `services.kiosk.check_in_by_*` and shows the ticket. Threading: main thread only.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from gn_desktop.views.kiosk.base import Screen
from gn_desktop.views.kiosk.widgets import ErrorLabel, Field, Keypad, KioskButton, OnScreenKeyboard, TypingTarget


class CheckInScreen(Screen):
    """Check in for today's appointment: by the 6-digit code, or by name and birth date."""

    by_code = Signal(str)
    by_name = Signal(str, str, str)

    def __init__(self, target: TypingTarget, parent: QWidget | None = None) -> None:
        super().__init__("kiosk-checkin", parent)
        modes = QHBoxLayout()
        self.code_mode = KioskButton(variant="choice")
        self.name_mode = KioskButton(variant="choice")
        for button in (self.code_mode, self.name_mode):
            button.setCheckable(True)
            button.setAutoExclusive(True)
            modes.addWidget(button)
        self.code_mode.setObjectName("mode-code")
        self.name_mode.setObjectName("mode-name")
        self.code_mode.clicked.connect(lambda: self.set_mode("code"))
        self.name_mode.clicked.connect(lambda: self.set_mode("name"))
        self.column.addLayout(modes)

        self.code_panel = QWidget()
        code_layout = QVBoxLayout(self.code_panel)
        code_layout.setContentsMargins(0, 0, 0, 0)
        self.code = Field("code")
        self.code.edit.setMaxLength(7)
        self.code.edit.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly)
        self.keypad = Keypad(target)
        code_layout.addWidget(self.code)
        code_layout.addWidget(self.keypad, 0, Qt.AlignmentFlag.AlignHCenter)
        self.column.addWidget(self.code_panel)

        self.name_panel = QWidget()
        name_layout = QVBoxLayout(self.name_panel)
        name_layout.setContentsMargins(0, 0, 0, 0)
        self.first_name = Field("first_name")
        self.last_name = Field("last_name")
        self.birth_date = Field("birth_date")
        row = QHBoxLayout()
        row.addWidget(self.first_name, 1, Qt.AlignmentFlag.AlignTop)  # side by side fields start at the same height
        row.addWidget(self.last_name, 1, Qt.AlignmentFlag.AlignTop)
        name_layout.addLayout(row)
        name_layout.addWidget(self.birth_date)
        self.keyboard = OnScreenKeyboard(target)
        name_layout.addWidget(self.keyboard)
        self.column.addWidget(self.name_panel)

        self.error = ErrorLabel()
        self.submit = KioskButton(variant="primary")
        self.submit.setObjectName("checkin-submit")
        self.submit.clicked.connect(self._submit)
        for field in (self.code, self.first_name, self.last_name, self.birth_date):
            field.edit.returnPressed.connect(self._submit)
        self.column.addWidget(self.error)
        self.column.addWidget(self.submit)
        self.column.addStretch(1)
        self.set_mode("code")

    @property
    def fields(self) -> dict[str, Field]:
        return {f.name: f for f in (self.code, self.first_name, self.last_name, self.birth_date)}

    def mode(self) -> str:
        return "name" if self.name_mode.isChecked() else "code"

    def set_mode(self, mode: str) -> None:
        (self.name_mode if mode == "name" else self.code_mode).setChecked(True)
        self.code_panel.setVisible(mode == "code")
        self.name_panel.setVisible(mode == "name")
        self.error.show_message("")
        focus = self.first_name.edit if mode == "name" else self.code.edit
        if self.isVisible():
            focus.setFocus()

    def _submit(self) -> None:
        if not self.submit.isEnabled():
            return
        if self.mode() == "code":
            self.by_code.emit(self.code.value())
        else:
            self.by_name.emit(self.first_name.value(), self.last_name.value(), self.birth_date.value())

    def retranslate(self) -> None:
        self.title.setText(self.tr("I have an appointment"))
        self.code_mode.setText(self.tr("With my code"))
        self.name_mode.setText(self.tr("With my name"))
        self.code.set_texts(self.tr("Appointment code"), self.tr("6 digits, written on your invitation."))
        self.first_name.set_texts(self.tr("First name"))
        self.last_name.set_texts(self.tr("Last name"))
        self.birth_date.set_texts(self.tr("Birth date"), self.tr("Day/month/year, for example 14/02/2001."))
        self.submit.setText(self.tr("Check in"))
        self.keypad.retranslate()
        self.keyboard.retranslate()

    def wipe(self) -> None:
        for field in self.fields.values():
            field.wipe()
        self.error.show_message("")
        self.submit.setEnabled(True)
        self.set_mode("code")

    def first_focus(self) -> QWidget | None:
        return self.first_name.edit if self.mode() == "name" else self.code.edit
