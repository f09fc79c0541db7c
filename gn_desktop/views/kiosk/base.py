"""What every kiosk screen shares: the `Screen` base, the commune list, and what tests look for on screen.

Every screen has `retranslate()` (called on every language change) and `wipe()` (forget everything typed or shown
about a visitor). Sentences are short and plain (FALC spirit). Threading: main thread only.
"""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractButton, QComboBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from gn_core.domain.reference import COMMUNES_93, OTHER_COMMUNE
from gn_desktop.views.kiosk.widgets import label


class Screen(QWidget):
    """Base of the kiosk screens: a title, a column of content, `retranslate()` and `wipe()`."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setProperty("page", True)
        self.title = label(role="title")
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(48, 24, 48, 32)
        self.column.setSpacing(16)
        self.column.addWidget(self.title)

    def retranslate(self) -> None:
        raise NotImplementedError

    def wipe(self) -> None:
        """Forget everything about the current visitor."""

    def first_focus(self) -> QWidget | None:
        """The widget that gets the keyboard focus when the screen is shown."""
        return None


def commune_box(name: str) -> QComboBox:
    box = QComboBox()
    box.setObjectName(name)
    box.addItem("", "")
    for commune in sorted(COMMUNES_93, key=lambda c: c.name):
        box.addItem(f"{commune.name} ({commune.postcode})", commune.insee)
    box.addItem("", OTHER_COMMUNE)
    box.setMaxVisibleItems(12)
    return box


def retranslate_commune_box(box: QComboBox, choose: str, other: str) -> None:
    box.setItemText(0, choose)
    box.setItemText(box.count() - 1, other)


def accessible_widgets(root: QWidget) -> list[QWidget]:
    """Every interactive widget under `root` (what must carry an accessible name)."""
    return [w for w in root.findChildren(QWidget) if isinstance(w, QAbstractButton | QLineEdit | QComboBox)]


def shown_texts(root: QWidget) -> list[str]:
    """Every text on screen under `root`."""
    texts = [w.text() for w in root.findChildren(QLabel) if w.isVisibleTo(root)]
    texts += [w.text() for w in root.findChildren(QLineEdit) if w.isVisibleTo(root)]
    return [t for t in texts if t]
