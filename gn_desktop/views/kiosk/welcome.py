"""The frame of every visit: the welcome screen's four journeys, the queue ticket at the end, and the idle question.

Threading: main thread only.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from gn_desktop.views.kiosk.base import Screen
from gn_desktop.views.kiosk.widgets import KioskButton, ReflowGrid, card, label


class WelcomeScreen(Screen):
    """The first screen: four journeys in big buttons."""

    chosen = Signal(str)
    JOURNEYS = ("checkin", "new", "jobs", "events")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("kiosk-welcome", parent)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.brand = label("Le Grand Numérique", role="subtitle")  # the brand: never translated
        self.brand.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.column.addWidget(self.brand)
        self.column.addStretch(1)
        grid = ReflowGrid(2, spacing=24)
        self.journeys: dict[str, KioskButton] = {}
        for key in self.JOURNEYS:
            button = KioskButton(variant="journey")
            button.setObjectName(f"journey-{key}")
            button.setMinimumHeight(140)
            button.clicked.connect(lambda _c=False, key=key: self.chosen.emit(key))
            grid.add(button)
            self.journeys[key] = button
        self.column.addWidget(grid)
        self.column.addStretch(1)
        self.help = label(role="subtitle")
        self.help.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.column.addWidget(self.help)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Welcome to the campus"))
        self.journeys["checkin"].setText(self.tr("I have an appointment"))
        self.journeys["new"].setText(self.tr("I am new here"))
        self.journeys["jobs"].setText(self.tr("Discover digital jobs"))
        self.journeys["events"].setText(self.tr("Events"))
        self.help.setText(self.tr("Need help? Ask at the front desk."))

    def first_focus(self) -> QWidget | None:
        return self.journeys["checkin"]


class TicketScreen(Screen):
    """The end of a check-in or a pre-registration: a greeting and the queue ticket."""

    done = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("kiosk-ticket", parent)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.caption = label(role="subtitle")
        self.caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.ticket = label(role="ticket", wrap=False)
        self.ticket.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.ticket.setObjectName("ticket-number")
        self.explanation = label(role="subtitle")
        self.explanation.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.finish = KioskButton(variant="primary")
        self.finish.setObjectName("ticket-done")
        self.finish.clicked.connect(self.done.emit)
        self.column.addStretch(1)
        self.column.addWidget(self.caption)
        self.column.addWidget(self.ticket, 0, Qt.AlignmentFlag.AlignHCenter)
        self.column.addWidget(self.explanation)
        self.column.addStretch(1)
        self.column.addWidget(self.finish, 0, Qt.AlignmentFlag.AlignHCenter)
        self._first_name: str | None = None
        self._kind = "new"

    def show_ticket(self, ticket: str, *, first_name: str | None, kind: str) -> None:
        self._first_name = first_name
        self._kind = kind
        self.ticket.setText(ticket)
        self.ticket.setAccessibleName(ticket)
        self.retranslate()

    def retranslate(self) -> None:
        if self._first_name:
            self.title.setText(self.tr("Welcome, %1").replace("%1", self._first_name))
        else:
            self.title.setText(self.tr("Thank you"))
        self.caption.setText(self.tr("Your ticket number:"))
        if self._kind == "checkin":
            self.explanation.setText(self.tr("Please take a seat. Your advisor knows you are here."))
        else:
            self.explanation.setText(self.tr("Please take a seat. An advisor will call your number."))
        self.finish.setText(self.tr("Finish"))

    def wipe(self) -> None:
        self._first_name = None
        self.ticket.setText("")
        self.retranslate()

    def first_focus(self) -> QWidget | None:
        return self.finish


class IdleOverlay(QWidget):
    """ "Are you still there?": covers the kiosk; any answer keeps the visitor's work, silence wipes it."""

    keep = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kiosk-idle")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet("QWidget#kiosk-idle { background: rgba(20, 32, 46, 215); }")
        self.box = card()
        self.box.setObjectName("idle-box")
        inner = QVBoxLayout(self.box)
        inner.setContentsMargins(32, 24, 32, 24)
        inner.setSpacing(16)
        self.question = label(role="title")
        self.question.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.detail = label(role="subtitle")
        self.detail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.continue_button = KioskButton(variant="primary")
        self.continue_button.setObjectName("idle-continue")
        self.continue_button.clicked.connect(self.keep.emit)
        inner.addWidget(self.question)
        inner.addWidget(self.detail)
        inner.addWidget(self.continue_button)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(16, 16, 16, 16)
        row = QHBoxLayout()  # not an alignment: an aligned widget would get a height for the overlay's whole width
        row.addStretch(1)
        row.addWidget(self.box)
        row.addStretch(1)
        outer.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(1)
        self.hide()

    def retranslate(self) -> None:
        self.question.setText(self.tr("Are you still there?"))
        self.detail.setText(self.tr("Without an answer, everything you typed will be erased."))
        self.continue_button.setText(self.tr("Yes, I am still here"))

    def resizeEvent(self, event: QResizeEvent) -> None:
        # the question takes 60 % of a wide screen, and all of a small one (big text must not grow taller than it)
        width = event.size().width()
        self.box.setFixedWidth(max(0, min(width - 32, max(width * 3 // 5, 1200))))
        super().resizeEvent(event)
