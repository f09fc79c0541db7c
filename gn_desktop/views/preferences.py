"""The workspace's Preferences menu: the interface language (French or English, remembered on this computer) and the
dialog in which the signed-in advisor changes their own password.

The language switches live (`Translations.set_language`) and is saved as a local setting that the next start reads
(`services.preferences`). The new password syncs like any change (`services.accounts.change_password`): the old one
stops working on every PC of the campus. Threading: main thread only.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QVBoxLayout,
    QWidget,
)

from gn_core.domain.errors import InvalidInput
from gn_desktop.services import accounts, preferences
from gn_desktop.views.common import error_label, show_error
from gn_desktop.views.i18n import Translations, current_language
from gn_desktop.views.tasks import TaskError, TaskRunner

# each workspace language, named in itself (never translated)
LANGUAGE_NAMES = {"fr": "Français", "en": "English"}


class PasswordDialog(QDialog):
    """Current password, then the new one twice. Emits `changed` once the new one is saved; stays open on a mistake,
    with the French message under the field concerned."""

    changed = Signal()

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("password-dialog")
        self._runner = runner
        self.fields: dict[str, QLineEdit] = {}
        self.errors: dict[str, QLabel] = {}
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.labels: dict[str, QLabel] = {}
        for name in ("current", "new", "repeat"):
            edit = QLineEdit()
            edit.setObjectName(f"password-{name}")
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            self.fields[name] = edit
            self.errors[name] = error_label(f"password-{name}-error")
            self.labels[name] = QLabel()
            self.labels[name].setBuddy(edit)
            column = QVBoxLayout()
            column.setSpacing(2)
            column.addWidget(edit)
            column.addWidget(self.errors[name])
            form.addRow(self.labels[name], column)
        self.error = error_label("password-error")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)
        self._retranslate()

    def submit(self) -> None:
        for label in (*self.errors.values(), self.error):
            show_error(label, None)
        self.ok_button.setEnabled(False)
        current, new, repeat = (self.fields[name].text() for name in ("current", "new", "repeat"))
        self._runner.run(accounts.change_password, current, new, repeat, on_done=self._changed, on_error=self._refused)

    def _changed(self, _result: object = None) -> None:
        for edit in self.fields.values():
            edit.clear()
        self.changed.emit()
        self.accept()

    def _refused(self, error: TaskError) -> None:
        self.ok_button.setEnabled(True)
        known = error.error
        if isinstance(known, InvalidInput):
            for name, label in self.errors.items():
                show_error(label, " ".join(known.for_field(name)) or None)
            first = next((n for n in self.fields if known.for_field(n)), "current")
            self.fields[first].setFocus()
            self.fields[first].selectAll()
        else:
            show_error(self.error, error.message)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Change my password"))
        self.intro.setText(
            self.tr(
                "At least %1 characters. The new password works on this computer at once, and on the campus's other "
                "computers after the next synchronisation; the old one then stops working there."
            ).replace("%1", str(accounts.MIN_PASSWORD_LENGTH))
        )
        self.labels["current"].setText(self.tr("&Current password"))
        self.labels["new"].setText(self.tr("&New password"))
        self.labels["repeat"].setText(self.tr("New password &again"))
        self.ok_button.setText(self.tr("&Change the password"))


class PreferencesMenu(QObject):
    """The Preferences menu of `window`: a language submenu and "Change my password…" (once someone is signed in).

    Without `translations` (a window built without the app's translators) the language choices are disabled."""

    language_changed = Signal(str)
    password_changed = Signal()

    def __init__(self, window: QMainWindow, runner: TaskRunner, translations: Translations | None) -> None:
        super().__init__(window)  # no reference of its own to the window: a Python cycle would outlive a deleted one
        self._runner = runner
        self._translations = translations
        self.password_dialog: PasswordDialog | None = None
        self.menu = window.menuBar().addMenu("")
        self.menu.setObjectName("preferences-menu")
        self.language_menu = self.menu.addMenu("")
        self.language_actions: dict[str, QAction] = {}
        group = QActionGroup(self)
        group.setExclusive(True)
        for lang, name in LANGUAGE_NAMES.items():
            action = QAction(name, self)
            action.setCheckable(True)
            action.setEnabled(translations is not None)
            action.triggered.connect(lambda _checked=False, lang=lang: self.choose_language(lang))
            group.addAction(action)
            self.language_menu.addAction(action)
            self.language_actions[lang] = action
        self.password_action = QAction(self)
        self.password_action.setObjectName("change-password")
        self.password_action.triggered.connect(self.change_password)
        self.password_action.setEnabled(False)
        self.menu.addAction(self.password_action)

    def set_signed_in(self, signed_in: bool) -> None:
        self.password_action.setEnabled(signed_in)
        if not signed_in and self.password_dialog is not None:
            self.password_dialog.reject()  # nothing typed stays on a locked screen

    def choose_language(self, lang: str) -> None:
        """Switch the workspace to `lang` now, and remember it for the next start on this computer."""
        if self._translations is None:
            return
        if lang != self._translations.language:
            self._translations.set_language(lang)
        self._runner.run(preferences.set_workspace_language, lang)
        self.language_changed.emit(lang)

    def change_password(self) -> None:
        window = self.parent()
        dialog = PasswordDialog(self._runner, window if isinstance(window, QWidget) else None)
        dialog.changed.connect(self.password_changed)
        dialog.finished.connect(dialog.deleteLater)
        dialog.finished.connect(self._dialog_closed)
        self.password_dialog = dialog
        dialog.open()

    def _dialog_closed(self, _result: int = 0) -> None:
        self.password_dialog = None

    def retranslate(self) -> None:
        self.menu.setTitle(self.tr("&Preferences"))
        self.language_menu.setTitle(self.tr("&Language"))
        self.password_action.setText(self.tr("Change my &password…"))
        lang = current_language()
        if lang in self.language_actions:
            self.language_actions[lang].setChecked(True)
