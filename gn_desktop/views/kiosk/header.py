"""The kiosk's header, on every screen: home, text size, and the language buttons.

The language bar keeps its place and order whatever the language: a visitor who switched to Arabic by mistake finds
the way back where it was. With big text, the language buttons get a row of their own. Threading: main thread only.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QButtonGroup, QGridLayout, QHBoxLayout, QWidget

from gn_desktop.views.kiosk.widgets import KioskButton

# language buttons: code and endonym (each language is named in itself, so these are never translated)
LANGUAGE_BUTTONS = (("fr", "Français"), ("en", "English"), ("ar", "العربية"))


class KioskHeader(QWidget):
    """Emits `home()`, `text_size()` (the next size, please) and `language_chosen(code)`."""

    home = Signal()
    text_size = Signal()
    language_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kiosk-header")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(80, 12, 24, 12)  # the top-left corner stays free for the staff long-press
        self._grid.setSpacing(12)
        self._left = QWidget()
        bar = QHBoxLayout(self._left)
        bar.setContentsMargins(0, 0, 0, 0)
        bar.setSpacing(12)
        self.home_button = KioskButton(variant="header")
        self.home_button.setObjectName("kiosk-home")
        self.home_button.clicked.connect(self.home)
        self.text_size_button = KioskButton(variant="header")
        self.text_size_button.setObjectName("kiosk-text-size")
        self.text_size_button.clicked.connect(self.text_size)
        self.language_bar = QWidget()
        self.language_bar.setObjectName("language-bar")
        self.language_bar.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        languages = QHBoxLayout(self.language_bar)
        languages.setContentsMargins(0, 0, 0, 0)
        languages.setSpacing(12)
        self.language_group = QButtonGroup(self)
        self.language_buttons: dict[str, KioskButton] = {}
        for code, name in LANGUAGE_BUTTONS:
            button = KioskButton(name, "language")
            button.setObjectName(f"language-{code}")
            button.setCheckable(True)
            button.clicked.connect(lambda _c=False, code=code: self.language_chosen.emit(code))
            self.language_group.addButton(button)
            self.language_buttons[code] = button
            languages.addWidget(button)
        bar.addWidget(self.home_button)
        bar.addWidget(self.text_size_button)
        bar.addStretch(1)
        self.place(1.0)

    def place(self, scale: float) -> None:
        """One row at normal size; with big text the language buttons get a row of their own."""
        self._grid.removeWidget(self._left)
        self._grid.removeWidget(self.language_bar)
        self._grid.addWidget(self._left, 0, 0)
        if scale > 1.0:
            self._grid.addWidget(self.language_bar, 1, 0, Qt.AlignmentFlag.AlignRight)
        else:
            self._grid.addWidget(self.language_bar, 0, 1, Qt.AlignmentFlag.AlignRight)

    def show_language(self, lang: str) -> None:
        button = self.language_buttons.get(lang)
        if button is not None:
            button.setChecked(True)

    def retranslate(self, scale: float) -> None:
        self.home_button.setText(self.tr("Home"))
        self.text_size_button.setText(self.tr("Text size: %1 %").replace("%1", str(round(scale * 100))))
        self.text_size_button.setAccessibleName(self.tr("Make the text bigger"))
        self.language_group.setExclusive(True)
