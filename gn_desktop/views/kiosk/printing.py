"""Printing the queue ticket on the kiosk's printer (a receipt printer or an office one), off the UI thread.

The printer is a setting of the kiosk machine (`gn-desktop kiosk-printer NAME`, `services.kiosk.printer_name`). A
ticket is printed when the ticket screen shows; the screen never waits for the printer: the printer is looked up and
the page drawn on a thread of its own, one ticket after the other. A missing or failing printer is logged (and
`failed` is emitted), and the visitor still reads the number on the screen.

The printed ticket names the campus and the number in big type, with the screen's sentences in the visitor's
language; nobody's name is printed (a ticket left on a chair tells nothing about its owner).

Threading: `TicketPrinter` lives on the main thread; `_print` and `paint_ticket` run on its worker thread (Qt allows a
QPainter on a QPrinter outside the GUI thread).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QMarginsF, QObject, QRectF, QSizeF, Qt, QThreadPool, Signal
from PySide6.QtGui import QFont, QFontMetricsF, QImage, QPageLayout, QPageSize, QPaintDevice, QPainter
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

log = logging.getLogger(__name__)

#: the printable width of an 80 mm receipt roll; wider pages (A4) get the ticket at the top, this wide
TICKET_WIDTH_MM = 72.0


@dataclass(frozen=True, slots=True)
class PrintedTicket:
    """What goes on paper: the number, the campus, and the screen's sentences in the visitor's language."""

    ticket: str
    campus: str
    caption: str  # "Your ticket number:"
    explanation: str  # what to do now
    printed_at: str  # date and time, as the visitor reads them
    right_to_left: bool = False


def available_printers() -> list[str]:
    """The printers the system offers Qt (CUPS on Linux, the Windows print spooler), by name."""
    return sorted(QPrinterInfo.availablePrinterNames())


def default_printer() -> str:
    return QPrinterInfo.defaultPrinterName()


def system_printer(name: str) -> QPrinter | None:
    """The system's printer called `name`, or None when there is none by that name."""
    info = QPrinterInfo.printerInfo(name)
    if info.isNull():
        return None
    return QPrinter(info, QPrinter.PrinterMode.HighResolution)


def pdf_printer(path: Path) -> Callable[[str], QPrinter]:
    """A stand-in for the printer that writes each ticket to `path` as an 80 mm wide PDF page (tests, demos)."""

    def open_printer(_name: str) -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(path))
        printer.setPageLayout(
            QPageLayout(
                QPageSize(QSizeF(80, 120), QPageSize.Unit.Millimeter, "ticket"),
                QPageLayout.Orientation.Portrait,
                QMarginsF(4, 4, 4, 4),
                QPageLayout.Unit.Millimeter,
            )
        )
        return printer

    return open_printer


def paint_ticket(printer: QPrinter, ticket: PrintedTicket) -> bool:
    """Draw `ticket` at the top of one page of `printer`; False when the printer cannot be opened."""
    painter = QPainter()
    if not painter.begin(printer):
        return False
    try:
        page = printer.pageRect(QPrinter.Unit.DevicePixel)
        width = min(page.width(), TICKET_WIDTH_MM / 25.4 * printer.resolution())
        draw_ticket(painter, QRectF((page.width() - width) / 2, 0, width, page.height()), ticket)
    finally:
        painter.end()
    return True


def ticket_image(ticket: PrintedTicket, dots_per_inch: int = 203) -> QImage:
    """The ticket as a receipt printer of `dots_per_inch` would print it, on white (previews, reviews)."""
    width = round(TICKET_WIDTH_MM / 25.4 * dots_per_inch)
    image = QImage(width, width * 2, QImage.Format.Format_RGB32)
    dots_per_metre = round(dots_per_inch / 0.0254)
    image.setDotsPerMeterX(dots_per_metre)
    image.setDotsPerMeterY(dots_per_metre)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    try:
        height = draw_ticket(painter, QRectF(0, 0, width, image.height()), ticket)
    finally:
        painter.end()
    return image.copy(0, 0, width, min(image.height(), round(height)))


def draw_ticket(painter: QPainter, area: QRectF, ticket: PrintedTicket) -> float:
    """Draw `ticket` from the top of `area`, each line centred; returns the height used."""
    device = painter.device()
    rtl = ticket.right_to_left
    painter.setLayoutDirection(Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight)
    flags = int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap)
    top = area.top()
    lines = (
        ("Le Grand Numérique", _font(12, bold=True)),
        (ticket.campus, _font(12)),
        (ticket.caption, _font(11)),
        (ticket.ticket, _number_font(ticket.ticket, area.width(), device)),
        (ticket.explanation, _font(10)),
        (ticket.printed_at, _font(9)),
    )
    for text, font in lines:
        if not text:
            continue
        painter.setFont(font)
        box = painter.boundingRect(QRectF(area.left(), top, area.width(), area.bottom() - top), flags, text)
        painter.drawText(QRectF(area.left(), top, area.width(), box.height()), flags, text)
        top += box.height() + QFontMetricsF(font, device).height() * 0.4
    return top - area.top()


def _font(points: float, *, bold: bool = False) -> QFont:
    font = QFont()
    font.setPointSizeF(points)
    font.setBold(bold)
    return font


def _number_font(number: str, width: float, device: QPaintDevice) -> QFont:
    """The ticket number as big as it fits on one line (36 pt at most)."""
    points = 36.0
    font = _font(points, bold=True)
    while points > 12 and QFontMetricsF(font, device).horizontalAdvance(number) > width:
        points -= 2
        font = _font(points, bold=True)
    return font


class TicketPrinter(QObject):
    """Prints tickets one after the other on a worker thread. Emits `printed(ticket)` or `failed(reason)` (the
    reason is also logged); `open_printer(name)` finds the printer (the system's by default)."""

    printed = Signal(str)
    failed = Signal(str)

    def __init__(
        self, parent: QObject | None = None, *, open_printer: Callable[[str], QPrinter | None] = system_printer
    ) -> None:
        super().__init__(parent)
        self.open_printer = open_printer
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)  # tickets come out in the order they were taken

    def print_ticket(self, printer_name: str, ticket: PrintedTicket) -> None:
        """Print `ticket` on `printer_name` without waiting for it."""
        self._pool.start(lambda: self._print(printer_name, ticket))

    def _print(self, printer_name: str, ticket: PrintedTicket) -> None:
        """On the worker thread: never raises (a printer problem must not reach the visitor)."""
        try:
            printer = self.open_printer(printer_name)
            if printer is None:
                reason = f"no printer named {printer_name!r}"
            elif not paint_ticket(printer, ticket):
                reason = f"printer {printer_name!r} could not be opened"
            else:
                log.info("ticket %s printed on %r", ticket.ticket, printer_name)
                self.printed.emit(ticket.ticket)
                return
        except Exception as exc:  # a driver's or Qt's error: logged with its trace, the kiosk goes on
            log.exception("ticket %s not printed on %r", ticket.ticket, printer_name)
            reason = f"printing failed: {exc}"
        else:
            log.warning("ticket %s not printed: %s", ticket.ticket, reason)
        self.failed.emit(reason)

    def wait(self, msecs: int = 30_000) -> bool:
        """Wait for the tickets being printed (shutting down, tests); False if some are still printing."""
        return self._pool.waitForDone(msecs)
