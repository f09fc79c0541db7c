"""The enrolment box of the synchronisation page, shown while this PC is not enrolled with HQ: the head office
address and the one-time enrolment code, checked here, then sent to HQ on the sync thread (`SyncBridge.enrol`).

Threading: main thread only.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QFormLayout, QFrame, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from gn_desktop.views.common import heading
from gn_desktop.views.sync_bridge import SyncBridge

ENROL_COMMAND = "gn-desktop enrol --server URL --code CODE"

_STYLE = """
QFrame#sync-enrol-box { background: #fff4d6; border: 1px solid #e8c66a; border-radius: 6px; }
QLabel#sync-command { font-family: monospace; background: white; border: 1px solid #d5dde8; padding: 6px; }
"""


class EnrolBox(QFrame):
    """The "This computer is not enrolled" box: the enrolment form. Emits `enrolled` once HQ accepted the code."""

    enrolled = Signal()

    def __init__(self, bridge: SyncBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sync-enrol-box")
        self.setStyleSheet(_STYLE)
        self._bridge = bridge
        self.title = heading(size=13)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.command = QLabel(ENROL_COMMAND)
        self.command.setObjectName("sync-command")
        self.command.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.after = QLabel()
        self.after.setWordWrap(True)
        self.server = QLineEdit()
        self.server.setObjectName("sync-enrol-server")
        self.server.setPlaceholderText("https://siege.legrandnumerique.example")
        self.code = QLineEdit()
        self.code.setObjectName("sync-enrol-code")
        self.code.setPlaceholderText("XXXX-XXXX-XXXX-XXXX")
        self.code.returnPressed.connect(self.enrol)
        self.button = QPushButton()
        self.button.setObjectName("sync-enrol-button")
        self.button.clicked.connect(self.enrol)
        self.message = QLabel()
        self.message.setObjectName("sync-enrol-message")
        self.message.setWordWrap(True)
        self.server_label = QLabel()
        self.server_label.setBuddy(self.server)
        self.code_label = QLabel()
        self.code_label.setBuddy(self.code)
        form = QFormLayout()
        form.addRow(self.server_label, self.server)
        form.addRow(self.code_label, self.code)
        button_row = QHBoxLayout()
        button_row.addWidget(self.button)
        button_row.addStretch(1)
        form.addRow("", button_row)
        box = QVBoxLayout(self)
        box.addWidget(self.title)
        box.addWidget(self.intro)
        box.addLayout(form)
        box.addWidget(self.message)
        box.addWidget(self.after)
        box.addWidget(self.command)
        bridge.enrol_finished.connect(self._finished)
        self._retranslate()

    def enrol(self) -> None:
        """ "Enrol this computer": check what was typed, then enrol on the sync thread."""
        server = self.server.text().strip()
        code = self.code.text().strip()
        if not server.startswith(("https://", "http://")):
            self._failed(
                self.tr("Head office address: type the full address given by the head office, starting with https://")
            )
            self.server.setFocus()
            return
        if not code:
            self._failed(self.tr("Enrolment code: type the code given by the head office (XXXX-XXXX-XXXX-XXXX)."))
            self.code.setFocus()
            return
        if not self._bridge.enrol(server, code):
            self._failed(self.tr("This window has no synchronisation: restart the application."))
            return
        self.button.setEnabled(False)
        self.message.setText(self.tr("Enrolling this computer…"))

    def _failed(self, message: str) -> None:
        self.message.setStyleSheet("color: #b00020;")
        self.message.setText(message)

    def _finished(self, error: str | None) -> None:
        self.button.setEnabled(True)
        if error is not None:
            self._failed(error)
            return
        self.code.clear()
        self.message.setStyleSheet("")
        self.message.setText(self.tr("This computer is enrolled: the first synchronisation is starting."))
        self.enrolled.emit()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.title.setText(self.tr("This computer is not enrolled with the head office"))
        self.intro.setText(
            self.tr(
                "The application works fully without the head office: everything stays on this computer. To share "
                "the campus's work with the head office and the other campuses, ask the head office for an "
                "enrolment code, then type it here with the head office address (once per computer):"
            )
        )
        self.server_label.setText(self.tr("&Head office address"))
        self.code_label.setText(self.tr("Enrolment &code"))
        self.button.setText(self.tr("&Enrol this computer"))
        self.after.setText(
            self.tr(
                "The synchronisation then starts by itself; the changes made before are sent too. The same can be "
                "done from the command line (technical contact):"
            )
        )
