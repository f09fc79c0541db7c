"""Sign-in screen and inactivity lock of the advisor workspace.

`SignInPage` checks the password through the task runner (`services.auth.sign_in`, argon2, off the UI thread) and
emits `signed_in(SignedIn)`. Failures are throttled by the service; the page also disables the button while an
attempt must wait. `InactivityWatch` emits `timed_out` when no key or mouse input reached the application for
the configured time. Threading: main thread only.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QFormLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gn_desktop.services import auth
from gn_desktop.views.common import heading
from gn_desktop.views.tasks import TaskError, TaskRunner

_INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
    }
)


class InactivityWatch(QObject):
    """Emits `timed_out` after `seconds` without keyboard, mouse or touch input anywhere in the application."""

    timed_out = Signal()

    def __init__(self, seconds: float, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.timed_out)
        self.set_timeout(seconds)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    @property
    def seconds(self) -> float:
        return self._timer.interval() / 1000

    def set_timeout(self, seconds: float) -> None:
        self._timer.setInterval(max(1, int(seconds * 1000)))

    def start(self) -> None:
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    @property
    def active(self) -> bool:
        return self._timer.isActive()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT_EVENTS and self._timer.isActive():
            self._timer.start()  # restart the countdown
        return False


class SignInPage(QWidget):
    """Username and password; `signed_in(SignedIn)` on success. `locked_for(username)` prepares a lock screen."""

    signed_in = Signal(object)
    refused = Signal(str)

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sign-in-page")
        self._runner = runner
        self._busy = False
        self._locked_user: str | None = None

        self.title = heading(size=22)
        self.title.setObjectName("sign-in-title")
        self.subtitle = QLabel()
        self.subtitle.setWordWrap(True)
        self.username = QLineEdit()
        self.username.setObjectName("sign-in-username")
        self.password = QLineEdit()
        self.password.setObjectName("sign-in-password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.button = QPushButton()
        self.button.setObjectName("sign-in-button")
        self.button.setDefault(True)
        self.button.setAutoDefault(True)
        self.message = QLabel()
        self.message.setObjectName("sign-in-message")
        self.message.setProperty("error", True)
        self.message.setWordWrap(True)
        self.message.hide()
        self.offline = QLabel()
        self.offline.setObjectName("sign-in-offline")
        self.offline.setWordWrap(True)
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.timeout.connect(self._retry_allowed)

        card = QFrame()
        card.setObjectName("sign-in-card")
        card.setProperty("card", True)
        card.setFixedWidth(460)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.username_label = QLabel()
        self.username_label.setBuddy(self.username)
        self.password_label = QLabel()
        self.password_label.setBuddy(self.password)
        form.addRow(self.username_label, self.username)
        form.addRow(self.password_label, self.password)
        inner = QVBoxLayout(card)
        inner.setContentsMargins(28, 24, 28, 24)
        inner.setSpacing(12)
        inner.addWidget(self.title)
        inner.addWidget(self.subtitle)
        inner.addLayout(form)
        inner.addWidget(self.message)
        inner.addWidget(self.button)
        inner.addWidget(self.offline)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(card, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(2)

        self.button.clicked.connect(self.submit)
        self.username.returnPressed.connect(self._next_or_submit)
        self.password.returnPressed.connect(self.submit)
        self.setTabOrder(self.username, self.password)
        self.setTabOrder(self.password, self.button)
        self._retranslate()

    # -- behaviour -----------------------------------------------------------------------------------------------

    def reset(self, locked_user: str | None = None) -> None:
        """Empty the form; with `locked_user`, the screen says the session was locked and keeps the username."""
        self._locked_user = locked_user
        self.username.setText(locked_user or "")
        self.password.clear()
        self.message.hide()
        self._retranslate()
        (self.password if locked_user else self.username).setFocus()

    def _next_or_submit(self) -> None:
        if self.password.text():
            self.submit()
        else:
            self.password.setFocus()

    def submit(self) -> None:
        if self._busy or self._retry.isActive():
            return
        self._busy = True
        self.button.setEnabled(False)
        self.message.setText(self.tr("Checking…"))
        self.message.setProperty("error", False)
        self.message.show()
        self._runner.run(
            auth.sign_in, self.username.text(), self.password.text(), on_done=self._done, on_error=self._failed
        )

    def _done(self, result: auth.SignInResult) -> None:
        self._busy = False
        self.password.clear()
        if result.user is not None:
            self.message.hide()
            self.button.setEnabled(True)
            self.signed_in.emit(result.user)
            return
        self._show_refusal(result.message)
        if result.retry_after_s:
            self._retry.start(result.retry_after_s * 1000)
        else:
            self.button.setEnabled(True)
        self.password.setFocus()
        self.refused.emit(result.message)

    def _failed(self, error: TaskError) -> None:
        self._busy = False
        self.button.setEnabled(True)
        self._show_refusal(error.message)
        self.refused.emit(error.message)

    def tell(self, text: str) -> None:
        """Show `text` (why the user has to sign in again) above the form, until the next attempt."""
        self.message.setProperty("error", False)
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)
        self.message.setText(text)
        self.message.show()

    def _show_refusal(self, text: str) -> None:
        self.message.setProperty("error", True)
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)
        self.message.setText(text)
        self.message.show()

    def _retry_allowed(self) -> None:
        self.button.setEnabled(True)

    # -- translation ---------------------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        if self._locked_user:
            self.title.setText(self.tr("Session locked"))
            self.subtitle.setText(
                self.tr("The session was locked after a period of inactivity. Type your password to continue.")
            )
        else:
            self.title.setText(self.tr("Sign in"))
            self.subtitle.setText(self.tr("Each advisor signs in with their own account."))
        self.username_label.setText(self.tr("&Username"))
        self.password_label.setText(self.tr("&Password"))
        self.button.setText(self.tr("Sign &in"))
        self.offline.setText(self.tr("Works without a network: accounts are checked on this computer."))
