"""Small building blocks the workspace pages share: titles, read-only tables, date formats, field error labels, a
clickable label.

Threading: main thread only.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from enum import StrEnum

from PySide6.QtCore import QDate, QDateTime, QLocale, Qt, QTime, Signal
from PySide6.QtGui import QFont, QMouseEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableWidget, QTableWidgetItem, QWidget

from gn_core.domain.labels import label
from gn_desktop.views.i18n import current_language

ID_ROLE = Qt.ItemDataRole.UserRole


def heading(text: str = "", size: int = 20, parent: QWidget | None = None) -> QLabel:
    """A bold title label."""
    title = QLabel(text, parent)
    font = QFont(title.font())
    font.setPointSize(size)
    font.setBold(True)
    title.setFont(font)
    return title


class ClickableLabel(QLabel):
    """A label that emits `clicked` on a left click (the status bar's sync indicators open the synchronisation page)."""

    clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
        super().mouseReleaseEvent(event)


def error_label(name: str) -> QLabel:
    """A hidden red label under a field, for its French validation message."""
    lab = QLabel()
    lab.setObjectName(name)
    lab.setProperty("error", True)
    lab.setWordWrap(True)
    lab.hide()
    return lab


def show_error(lab: QLabel, message: str | None) -> None:
    if message:
        lab.setText(message)
        lab.show()
    else:
        lab.clear()
        lab.hide()


def table(name: str, columns: int, stretch: int = 0) -> QTableWidget:
    """A read-only, row-selecting table; column `stretch` takes the spare width."""
    t = QTableWidget(0, columns)
    t.setObjectName(name)
    t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    t.setAlternatingRowColors(True)
    t.setTabKeyNavigation(False)  # Tab leaves the table, arrows move inside it
    t.verticalHeader().hide()
    header = t.horizontalHeader()
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter)
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return t


def fill(t: QTableWidget, rows: Sequence[Sequence[str]], ids: Sequence[str | None] | None = None) -> None:
    """Replace the table's rows; `ids[i]` is stored on the first cell of row i (ID_ROLE)."""
    t.setRowCount(len(rows))
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            item = QTableWidgetItem(value)
            if c == 0 and ids is not None:
                item.setData(ID_ROLE, ids[r])
            t.setItem(r, c, item)


def selected_id(t: QTableWidget) -> str | None:
    row = t.currentRow()
    item = t.item(row, 0) if row >= 0 else None
    value = item.data(ID_ROLE) if item is not None else None
    return str(value) if value else None


def lab(value: StrEnum | None) -> str:
    """The domain label of a vocabulary value in the interface language."""
    return label(value, current_language()) if value is not None else ""


def fmt_date(day: date | None) -> str:
    if day is None:
        return ""
    return QLocale().toString(QDate(day.year, day.month, day.day), QLocale.FormatType.ShortFormat)


def fmt_long_date(day: date) -> str:
    return QLocale().toString(QDate(day.year, day.month, day.day), QLocale.FormatType.LongFormat)


def fmt_datetime(moment: datetime | None) -> str:
    if moment is None:
        return ""
    local = moment.astimezone()
    qdt = QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute))
    return QLocale().toString(qdt, QLocale.FormatType.ShortFormat)


def fmt_time(moment: datetime) -> str:
    local = moment.astimezone()
    return f"{local.hour:02d}:{local.minute:02d}"
