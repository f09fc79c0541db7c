"""The kiosk's welcome screen: full screen, large touch targets, language chosen by the visitor.

A placeholder for now: the three journeys (check-in, sign-up, discovering programmes) are shown but disabled. The
kiosk shows no one's personal data, ever. Threading: main thread only.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from gn_desktop.views.i18n import Translations

# language buttons: code and endonym (each language is named in itself, so these are never translated)
LANGUAGE_BUTTONS = (("fr", "Français"), ("en", "English"), ("ar", "العربية"))

_STYLE = """
QWidget#kiosk { background: #1f3a5f; }
QLabel { color: white; }
QLabel#kiosk-soon { color: #c9d6e8; }
QPushButton[journey="true"] { background: #ffffff; border: none; border-radius: 16px; }
QPushButton[journey="true"]:disabled { background: #dfe6ef; }
QLabel#journey-text { color: #1f3a5f; font-size: 20pt; }
QLabel#journey-text:disabled { color: #5b6b80; }
QPushButton[language="true"] {
    background: transparent; color: white; border: 2px solid #c9d6e8; border-radius: 10px;
    padding: 10px 22px; font-size: 16pt;
}
QPushButton[language="true"]:checked { background: white; color: #1f3a5f; }
QPushButton[language="true"]:focus, QPushButton[journey="true"]:focus { border: 3px solid #ffcf4a; }
"""


class JourneyButton(QPushButton):
    """A large touch button whose text wraps (a plain QPushButton never wraps, so long translations would widen it)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("journey", True)
        self._label = QLabel()
        self._label.setObjectName("journey-text")
        self._label.setWordWrap(True)
        self._label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.addWidget(self._label)

    def setText(self, text: str) -> None:
        self._label.setText(text)
        self.setAccessibleName(text)

    def text(self) -> str:
        return self._label.text()


class KioskWindow(QWidget):
    """Welcome screen of the self-service kiosk. Switches the whole interface's language through `translations`."""

    def __init__(self, translations: Translations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kiosk")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(_STYLE)
        self._translations = translations

        self.language_group = QButtonGroup(self)
        self.language_group.setExclusive(True)
        self.language_buttons: dict[str, QPushButton] = {}
        # The language bar keeps its place and order whatever the language: a visitor who switched to Arabic by
        # mistake finds the way back where it was.
        self.language_bar = QWidget()
        self.language_bar.setObjectName("language-bar")
        self.language_bar.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        languages = QHBoxLayout(self.language_bar)
        languages.setContentsMargins(0, 0, 0, 0)
        languages.setSpacing(12)
        languages.addStretch(1)
        for code, name in LANGUAGE_BUTTONS:
            button = QPushButton(name)
            button.setObjectName(f"language-{code}")
            button.setProperty("language", True)
            button.setCheckable(True)
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            button.clicked.connect(lambda _checked=False, code=code: self._translations.set_language(code))
            self.language_group.addButton(button)
            self.language_buttons[code] = button
            languages.addWidget(button)

        self.welcome = QLabel()
        self.welcome.setObjectName("kiosk-welcome")
        self.welcome.setAlignment(Qt.AlignmentFlag.AlignCenter)
        welcome_font = QFont(self.font())
        welcome_font.setPointSize(40)
        welcome_font.setBold(True)
        self.welcome.setFont(welcome_font)
        self.brand = QLabel("Le Grand Numérique")  # brand name: never translated
        self.brand.setObjectName("kiosk-brand")
        self.brand.setAlignment(Qt.AlignmentFlag.AlignCenter)
        brand_font = QFont(self.font())
        brand_font.setPointSize(20)
        self.brand.setFont(brand_font)

        self.journeys: dict[str, JourneyButton] = {}
        self.soon_labels: list[QLabel] = []
        journeys = QHBoxLayout()
        journeys.setSpacing(24)
        for key in ("arrived", "sign-up", "programmes"):
            button = JourneyButton()
            button.setObjectName(f"journey-{key}")
            button.setEnabled(False)  # coming soon
            button.setMinimumHeight(160)
            button.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
            soon = QLabel()
            soon.setObjectName("kiosk-soon")
            soon.setAlignment(Qt.AlignmentFlag.AlignCenter)
            soon_font = QFont(self.font())
            soon_font.setPointSize(14)
            soon.setFont(soon_font)
            column = QVBoxLayout()
            column.addWidget(button)
            column.addWidget(soon)
            journeys.addLayout(column, 1)
            self.journeys[key] = button
            self.soon_labels.append(soon)

        self.help = QLabel()
        self.help.setObjectName("kiosk-help")
        self.help.setAlignment(Qt.AlignmentFlag.AlignCenter)
        help_font = QFont(self.font())
        help_font.setPointSize(16)
        self.help.setFont(help_font)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 32, 48, 48)
        layout.addWidget(self.language_bar)
        layout.addStretch(2)
        layout.addWidget(self.welcome)
        layout.addWidget(self.brand)
        layout.addStretch(1)
        layout.addLayout(journeys)
        layout.addStretch(2)
        layout.addWidget(self.help)

        # Staff-only exit until the kiosk lock screen exists; visitors have no keyboard.
        QShortcut(QKeySequence("Ctrl+Alt+Shift+Q"), self, self.close)

        translations.language_changed.connect(self._on_language_changed)
        self._on_language_changed(translations.language or "")
        self._retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _on_language_changed(self, lang: str) -> None:
        button = self.language_buttons.get(lang)
        if button is not None:
            button.setChecked(True)

    def _retranslate(self) -> None:
        self.welcome.setText(self.tr("Welcome to the campus"))
        self.journeys["arrived"].setText(self.tr("I have arrived"))
        self.journeys["sign-up"].setText(self.tr("Sign me up"))
        self.journeys["programmes"].setText(self.tr("Discover the training programmes"))
        for soon in self.soon_labels:
            soon.setText(self.tr("Coming soon"))
        self.help.setText(self.tr("Need help? Ask the staff at the front desk."))
        self.setWindowTitle(self.tr("Le Grand Numérique — welcome kiosk"))
