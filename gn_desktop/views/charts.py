"""Small charts drawn with QPainter: lines, grouped bars, a funnel, and a table delegate drawing a bar behind a count.

QtCharts would need PySide6-Addons (+157 MB in the bundle) for four simple charts; these take a few hundred lines.
A chart is a picture: every page that shows one also shows its figures in a table (keyboard, screen readers), and
the chart's accessible description says what it shows. Threading: main thread only.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem, QWidget

#: the palette (colour-blind safe: blue, orange, grey; lines also differ by dash, bars by position)
BLUE, ORANGE, GREY, GREEN = QColor("#1f5fa8"), QColor("#e08a1e"), QColor("#8a96a3"), QColor("#2e7d32")
AXIS, GRID, TEXT = QColor("#5f6b7a"), QColor("#e3e8ee"), QColor("#1f2933")
#: the item data role holding a bar's length (0 to 1) in a table cell (`BarDelegate`)
BAR_ROLE = Qt.ItemDataRole.UserRole + 7


@dataclass(frozen=True, slots=True)
class Series:
    label: str
    values: Sequence[float]
    color: QColor
    dashed: bool = False


def nice_max(value: float) -> float:
    """A round upper bound for an axis (1, 2, 2.5 or 5 times a power of ten)."""
    if value <= 0:
        return 1.0
    power = 10 ** (len(str(int(value))) - 1)
    for step in (1.0, 2.0, 2.5, 5.0, 10.0):
        if value <= step * power:
            return float(step * power)
    return float(10 * power)


def _fmt(value: float) -> str:
    return f"{int(value):,}".replace(",", "\u202f")


class Chart(QWidget):
    """Axes, a grid and a legend around a plot area; subclasses draw the data in `plot`."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setMinimumSize(240, 120)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the table beside it is what a keyboard user reads
        self.labels: list[str] = []
        self.series: list[Series] = []

    def sizeHint(self) -> QSize:
        return QSize(480, 240)

    def set_data(self, labels: Sequence[str], series: Sequence[Series], description: str = "") -> None:
        self.labels, self.series = list(labels), list(series)
        self.setAccessibleDescription(description)
        self.update()

    def maximum(self) -> float:
        return nice_max(max((v for s in self.series for v in s.values), default=0))

    def paintEvent(self, _event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = QFont(self.font())
        font.setPointSizeF(max(7.5, font.pointSizeF() - 1))
        p.setFont(font)
        fm = QFontMetrics(font)
        top = fm.height() + 10  # the legend
        ymax = self.maximum()
        left = fm.horizontalAdvance(_fmt(ymax)) + 12
        area = QRectF(left, top, self.width() - left - 10, self.height() - top - fm.height() - 10)
        self._legend(p, fm, left)
        p.setPen(QPen(GRID, 1))
        for i in range(5):
            y = area.bottom() - area.height() * i / 4
            p.drawLine(QPointF(area.left(), y), QPointF(area.right(), y))
            p.setPen(TEXT)
            p.drawText(
                QRectF(0, y - fm.height() / 2, left - 6, fm.height()), Qt.AlignmentFlag.AlignRight, _fmt(ymax * i / 4)
            )
            p.setPen(QPen(GRID, 1))
        p.setPen(QPen(AXIS, 1))
        p.drawLine(area.bottomLeft(), area.bottomRight())
        if self.labels:
            self._x_labels(p, fm, area)
            self.plot(p, area, ymax)
        p.end()

    def _legend(self, p: QPainter, fm: QFontMetrics, x: float) -> None:
        for s in self.series:
            p.setPen(QPen(s.color, 3, Qt.PenStyle.DashLine if s.dashed else Qt.PenStyle.SolidLine))
            p.drawLine(QPointF(x, fm.height() / 2 + 3), QPointF(x + 18, fm.height() / 2 + 3))
            p.setPen(TEXT)
            p.drawText(QPointF(x + 22, fm.ascent() + 1), s.label)
            x += 22 + fm.horizontalAdvance(s.label) + 18

    def _x_labels(self, p: QPainter, fm: QFontMetrics, area: QRectF) -> None:
        n = len(self.labels)
        slot = area.width() / n
        every = max(1, int((fm.horizontalAdvance("0000-00") + 8) // slot) + 1)
        p.setPen(TEXT)
        for i, text in enumerate(self.labels):
            if i % every == 0:
                x = area.left() + slot * (i + 0.5)
                w = fm.horizontalAdvance(text)
                p.drawText(QPointF(x - w / 2, area.bottom() + fm.ascent() + 4), text)

    def plot(self, p: QPainter, area: QRectF, ymax: float) -> None:
        raise NotImplementedError


class LineChart(Chart):
    def plot(self, p: QPainter, area: QRectF, ymax: float) -> None:
        slot = area.width() / len(self.labels)
        for s in self.series:
            p.setPen(QPen(s.color, 2.5, Qt.PenStyle.DashLine if s.dashed else Qt.PenStyle.SolidLine))
            points = [
                QPointF(area.left() + slot * (i + 0.5), area.bottom() - area.height() * v / ymax)
                for i, v in enumerate(s.values)
            ]
            p.drawPolyline(points)


class BarChart(Chart):
    """Grouped bars: one group per label, one bar per series."""

    def plot(self, p: QPainter, area: QRectF, ymax: float) -> None:
        slot = area.width() / len(self.labels)
        width = slot * 0.8 / max(1, len(self.series))
        p.setPen(Qt.PenStyle.NoPen)
        for j, s in enumerate(self.series):
            p.setBrush(s.color)
            for i, v in enumerate(s.values):
                h = area.height() * v / ymax
                p.drawRect(QRectF(area.left() + slot * (i + 0.1) + width * j, area.bottom() - h, width, h))


class FunnelChart(Chart):
    """Horizontal bars, one per stage, longest first; each labelled with its name and count."""

    def maximum(self) -> float:
        return max((v for s in self.series for v in s.values), default=0) or 1.0

    def paintEvent(self, _event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        fm = QFontMetrics(self.font())
        values = list(self.series[0].values) if self.series else []
        colours = [GREY, BLUE, GREEN]
        label_w = max((fm.horizontalAdvance(t) for t in self.labels), default=0) + 12
        rows = max(1, len(values))
        row_h = min(44.0, (self.height() - 8) / rows)
        top = max(0.0, (self.height() - row_h * rows) / 2)
        ymax = self.maximum()
        avail = self.width() - label_w - fm.horizontalAdvance("000 000 (100 %)") - 16
        for i, (text, v) in enumerate(zip(self.labels, values, strict=False)):
            y = top + i * row_h
            p.setPen(TEXT)
            p.drawText(
                QRectF(0, y, label_w - 8, row_h), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, text
            )
            w = avail * v / ymax
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(colours[i % len(colours)])
            p.drawRect(QRectF(label_w, y + row_h * 0.15, max(1.0, w), row_h * 0.7))
            share = f" ({round(100 * v / values[0])} %)" if values and values[0] and i else ""
            p.setPen(TEXT)
            p.drawText(QRectF(label_w + w + 6, y, 200, row_h), Qt.AlignmentFlag.AlignVCenter, _fmt(v) + share)
        p.end()

    def plot(self, p: QPainter, area: QRectF, ymax: float) -> None:  # pragma: no cover - paintEvent draws it all
        return


class BarDelegate(QStyledItemDelegate):
    """Draws a light bar behind a cell's text, as long as the cell's `BAR_ROLE` value (0 to 1)."""

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        share = index.data(BAR_ROLE)
        if isinstance(share, float) and share > 0:
            rect = QRectF(option.rect).adjusted(2, 4, -2, -4)
            rect.setWidth(rect.width() * min(1.0, share))
            painter.save()
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor("#cfe0f3"))
            painter.drawRect(rect)
            painter.restore()
        super().paint(painter, option, index)
