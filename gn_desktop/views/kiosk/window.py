# Over 500 lines: the one place where every kiosk flow (service, answer, refusal), the idle wipe and staff exit meet.
"""The self-service kiosk's window: full screen, no decorations, one visitor at a time, nothing kept after them.

The window owns the header (`header.py`: home, text size, language — reachable from every screen), the screens (one
module per journey: `welcome`, `checkin`, `new_visitor`, `discover`, `staff`), the idle watch and the staff exit. It
calls the kiosk's narrow services (`gn_desktop.services.kiosk`) only through the task runner; the services never
return anyone's data but a greeting first name, a ticket, programmes and events.

* Idle: after `KioskConfig.idle_ms` without input, "Are you still there?"; `wipe_ms` later everything is wiped (fields,
  undo history, results, language, text size) and the welcome screen returns (`wiped` is emitted).
* Ticket: shown at the end of a check-in or a pre-registration, and printed on the kiosk's printer when it has one
  (`printing.py`: off the UI thread; a missing printer is logged, the screen never waits).
* Screen: `show_full_screen()` covers the screen with or without a window manager and follows its resolution.
* Staff exit: the key chord `KioskConfig.exit_chord`, or a long press (`long_press_ms`) on the top-left corner, opens
  the PIN screen; the campus manager's PIN (argon2-hashed by the service) closes the window. Wrong PINs lock the pad
  for longer and longer (the service counts them; the pad shows the wait).

Threading: main thread only; data work runs on the task runner's worker thread.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDateTime, QEvent, QLocale, QObject, QPoint, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QResizeEvent, QScreen, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QLineEdit,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from gn_core.domain.errors import InvalidInput
from gn_desktop.services import kiosk as service
from gn_desktop.services import kiosk_printing
from gn_desktop.views.i18n import DEFAULT_LANGUAGE, RIGHT_TO_LEFT, Translations
from gn_desktop.views.kiosk import theme
from gn_desktop.views.kiosk.base import Screen
from gn_desktop.views.kiosk.checkin import CheckInScreen
from gn_desktop.views.kiosk.discover import EventsScreen, JobsScreen
from gn_desktop.views.kiosk.header import KioskHeader
from gn_desktop.views.kiosk.messages import KioskMessages
from gn_desktop.views.kiosk.new_visitor import NewVisitorScreen
from gn_desktop.views.kiosk.printing import PrintedTicket, TicketPrinter
from gn_desktop.views.kiosk.staff import EnrolScreen, ExitScreen
from gn_desktop.views.kiosk.welcome import IdleOverlay, TicketScreen, WelcomeScreen
from gn_desktop.views.kiosk.widgets import CornerHotspot, Field, TypingTarget, is_typing_event, label
from gn_desktop.views.tasks import TaskError, TaskRunner

if TYPE_CHECKING:
    from gn_desktop.views.sync_bridge import SyncBridge

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class KioskConfig:
    """Timings and gestures; tests use short timings."""

    idle_ms: int = 60_000
    wipe_ms: int = 20_000
    long_press_ms: int = 3_000
    exit_chord: str = "Ctrl+Alt+Shift+K"
    #: extra delay before a failed check-in can be retried (slows down guessing codes)
    retry_delay_ms: int = 1_500


@dataclass(frozen=True)
class KioskServices:
    """The only service functions the kiosk can reach (none reads people)."""

    check_in_by_code: Callable[..., service.CheckIn] = service.check_in_by_code
    check_in_by_name_and_birth_date: Callable[..., service.CheckIn] = service.check_in_by_name_and_birth_date
    pre_register: Callable[..., service.Ticket] = service.pre_register
    programmes_near: Callable[..., list[service.ProgrammeOffer]] = service.programmes_near
    upcoming_events: Callable[..., list[service.EventOffer]] = service.upcoming_events
    register_for_event: Callable[..., None] = service.register_for_event
    verify_staff_pin: Callable[..., service.PinCheck] = service.verify_staff_pin
    ticket_printing: Callable[..., kiosk_printing.TicketPrinting] = kiosk_printing.ticket_printing
    extra: dict[str, Any] = field(default_factory=dict)


class KioskWindow(QWidget):
    """The kiosk. Signals for tests and the app: `screen_changed(name)`, `idle_warning()`, `wiped()`,
    `ticket_shown(ticket)`, `offers_shown()`, `events_shown()`, `event_booked()`, `failed(message)`,
    `pin_refused(seconds)`, `exit_granted()`."""

    screen_changed = Signal(str)
    idle_warning = Signal()
    wiped = Signal()
    ticket_shown = Signal(str)
    offers_shown = Signal()
    events_shown = Signal()
    event_booked = Signal()
    failed = Signal(str)
    pin_refused = Signal(int)
    exit_granted = Signal()
    # this kiosk was just enrolled with HQ from its staff screen
    enrolled = Signal()

    def __init__(
        self,
        translations: Translations,
        runner: TaskRunner | None = None,
        *,
        config: KioskConfig | None = None,
        services: KioskServices | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("kiosk")
        self.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.config = config or KioskConfig()
        self.services = services or KioskServices()
        self._translations = translations
        self._runner = runner
        self._scale = theme.SCALES[0]
        self._exit_allowed = False
        self.setStyleSheet(theme.stylesheet(self._scale))
        self.target = TypingTarget(self)
        self.messages = KioskMessages(self)
        self.ticket_printer = TicketPrinter(self)
        self._watched_screen: QScreen | None = None
        self._follows_screen = False

        self.header = KioskHeader()
        self.header.home.connect(self.go_home)
        self.header.text_size.connect(self.next_text_size)
        self.header.language_chosen.connect(self.set_language)

        # screens
        self.welcome = WelcomeScreen()
        self.checkin = CheckInScreen(self.target)
        self.new_visitor = NewVisitorScreen(self.target)
        self.ticket = TicketScreen()
        self.jobs = JobsScreen()
        self.events = EventsScreen(self.target)
        self.exit_screen = ExitScreen(self.target)
        self.enrol_screen = EnrolScreen(self.target)
        self._sync: SyncBridge | None = None
        self.screens: dict[str, Screen] = {}
        self._pages: dict[str, QScrollArea] = {}
        self.stack = QStackedWidget()
        for screen in (
            self.welcome,
            self.checkin,
            self.new_visitor,
            self.ticket,
            self.jobs,
            self.events,
            self.exit_screen,
            self.enrol_screen,
        ):
            scroll = QScrollArea()
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QScrollArea.Shape.NoFrame)
            scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            scroll.setWidget(screen)
            scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            self.stack.addWidget(scroll)
            self.screens[screen.objectName()] = screen
            self._pages[screen.objectName()] = scroll

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addWidget(self.stack, 1)
        self.busy_label = label(role="muted")
        self.busy_label.hide()

        self.idle_overlay = IdleOverlay(self)
        self.corner = CornerHotspot(self.config.long_press_ms, self)
        self.corner.move(0, 0)
        self.corner.long_pressed.connect(self.open_staff_exit)
        self.chord = QShortcut(QKeySequence(self.config.exit_chord), self)
        self.chord.setContext(Qt.ShortcutContext.WindowShortcut)
        self.chord.activated.connect(self.open_staff_exit)

        # idle watch
        self.idle_timer = QTimer(self)
        self.idle_timer.setSingleShot(True)
        self.idle_timer.setInterval(self.config.idle_ms)
        self.idle_timer.timeout.connect(self._on_idle)
        self.wipe_timer = QTimer(self)
        self.wipe_timer.setSingleShot(True)
        self.wipe_timer.setInterval(self.config.wipe_ms)
        self.wipe_timer.timeout.connect(self.wipe)
        self.pin_lock_timer = QTimer(self)
        self.pin_lock_timer.setSingleShot(True)
        self.pin_lock_timer.timeout.connect(self._unlock_pin_pad)
        self.retry_timer = QTimer(self)
        self.retry_timer.setSingleShot(True)
        self.retry_timer.timeout.connect(lambda: self.checkin.submit.setEnabled(True))
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

        # flows
        self.welcome.chosen.connect(self._journey)
        self.checkin.by_code.connect(self._check_in_by_code)
        self.checkin.by_name.connect(self._check_in_by_name)
        self.new_visitor.submitted.connect(lambda _none: self._pre_register())
        self.ticket.done.connect(self.wipe)
        self.jobs.search.connect(self._search_programmes)
        self.events.sign_up.connect(self._sign_up_for_event)
        self.exit_screen.pin_entered.connect(self._verify_pin)
        self.exit_screen.cancelled.connect(self.go_home)
        self.enrol_screen.submitted.connect(self._enrol)
        self.enrol_screen.cancelled.connect(self.go_home)
        self.idle_overlay.keep.connect(self._keep_session)
        translations.language_changed.connect(self._on_language_changed)

        self._on_language_changed(translations.language or "")
        self._retranslate()
        self._current = "kiosk-welcome"
        self.header.home_button.hide()
        self.idle_timer.start()

    # -- service calls --------------------------------------------------------------------------------------------

    def _run(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_done: Callable[[Any], object],
        on_error: Callable[[TaskError], object],
    ) -> None:
        if self._runner is None:
            on_error(TaskError("La borne n'est reliée à aucune base de données."))
            return
        self._runner.run(fn, *args, on_done=on_done, on_error=on_error)

    def _query(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_done: Callable[[Any], object],
        on_error: Callable[[TaskError], object],
        **kwargs: Any,
    ) -> None:
        if self._runner is None:
            on_error(TaskError("La borne n'est reliée à aucune base de données."))
            return
        if kwargs:
            self._runner.query(lambda uow, *a: fn(uow, *a, **kwargs), *args, on_done=on_done, on_error=on_error)
        else:
            self._runner.query(fn, *args, on_done=on_done, on_error=on_error)

    # -- navigation -------------------------------------------------------------------------------------------

    @property
    def current_screen(self) -> str:
        return self._current

    def show_screen(self, name: str) -> None:
        screen = self.screens[name]
        self.stack.setCurrentWidget(self._pages[name])
        self._current = name
        focus = screen.first_focus()
        if focus is not None:
            focus.setFocus(Qt.FocusReason.OtherFocusReason)
            if isinstance(focus, QLineEdit):
                self.target.edit = focus
        self.header.home_button.setVisible(name != "kiosk-welcome")
        self.screen_changed.emit(name)

    def go_home(self) -> None:
        """Back to the welcome screen, forgetting the current visitor (same as the idle wipe, language kept)."""
        self._wipe_screens()
        self.show_screen("kiosk-welcome")

    def _journey(self, key: str) -> None:
        if key == "checkin":
            self.show_screen("kiosk-checkin")
        elif key == "new":
            self.show_screen("kiosk-new")
        elif key == "jobs":
            self.show_screen("kiosk-jobs")
            self._search_programmes(self.jobs.commune_code(), self.jobs.family())
        elif key == "events":
            self.show_screen("kiosk-events")
            self._query(self.services.upcoming_events, on_done=self._show_events, on_error=self._failed)

    # -- language and text size -------------------------------------------------------------------------------

    def set_language(self, lang: str) -> None:
        self._translations.set_language(lang)

    def language(self) -> str:
        return self._translations.language or DEFAULT_LANGUAGE

    def _on_language_changed(self, lang: str) -> None:
        self.header.show_language(lang)

    def text_scale(self) -> float:
        return self._scale

    def set_text_scale(self, scale: float) -> None:
        self._scale = scale
        self.setStyleSheet(theme.stylesheet(scale))
        self.header.place(scale)
        self._retranslate()

    def next_text_size(self) -> None:
        index = theme.SCALES.index(self._scale) if self._scale in theme.SCALES else 0
        self.set_text_scale(theme.SCALES[(index + 1) % len(theme.SCALES)])

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Le Grand Numérique — welcome kiosk"))
        self.header.retranslate(self._scale)
        for screen in self.screens.values():
            screen.retranslate()
        self.idle_overlay.retranslate()

    # -- idle and wipe ----------------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if is_typing_event(event) and not self.idle_overlay.isVisible():
            self.idle_timer.start()
        return False

    def _is_pristine(self) -> bool:
        return self._current == "kiosk-welcome" and self.language() == DEFAULT_LANGUAGE and self._scale == 1.0

    def _on_idle(self) -> None:
        if self._is_pristine():
            self.idle_timer.start()
            return
        self.idle_overlay.setGeometry(self.rect())
        self.idle_overlay.show()
        self.idle_overlay.raise_()
        self.idle_overlay.continue_button.setFocus()
        self.wipe_timer.start()
        self.idle_warning.emit()

    def _keep_session(self) -> None:
        self.wipe_timer.stop()
        self.idle_overlay.hide()
        self.idle_timer.start()
        screen = self.screens[self._current].first_focus()
        if screen is not None:
            screen.setFocus()

    def _wipe_screens(self) -> None:
        for screen in self.screens.values():
            screen.wipe()
        self.retry_timer.stop()

    def wipe(self) -> None:
        """Forget the visitor: every field (and its undo history), every result, the language and the text size."""
        self.wipe_timer.stop()
        self.idle_overlay.hide()
        self._wipe_screens()
        if self._scale != 1.0:
            self.set_text_scale(1.0)
        if self.language() != DEFAULT_LANGUAGE:
            self.set_language(DEFAULT_LANGUAGE)
        self.show_screen("kiosk-welcome")
        self.idle_timer.start()
        self.wiped.emit()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        focus = self.screens[self._current].first_focus()
        if focus is not None:
            QTimer.singleShot(0, focus, lambda: focus.setFocus(Qt.FocusReason.OtherFocusReason))

    # -- covering the screen --------------------------------------------------------------------------------

    def show_full_screen(self) -> None:
        """Cover the screen the kiosk is on, with or without a window manager, and keep covering it.

        A window manager makes the window full screen; with none (a plain X display) `showFullScreen()` is only a
        wish, so the window also takes the screen's geometry itself, and again whenever the resolution changes or the
        window moves to another screen.
        """
        self.cover_screen()
        self.showFullScreen()
        self.cover_screen()
        handle = self.windowHandle()
        if handle is not None and not self._follows_screen:
            handle.screenChanged.connect(self._screen_changed)
            self._follows_screen = True
        self._watch(self.screen())
        self.activateWindow()  # without a window manager, nobody else gives the kiosk the keyboard

    def cover_screen(self, _geometry: QRect | None = None) -> None:
        """Take the whole geometry of the window's screen."""
        screen = self.screen()
        if screen is not None and self.geometry() != screen.geometry():
            self.setGeometry(screen.geometry())

    def _screen_changed(self, screen: QScreen | None) -> None:
        self._watch(screen)
        self.cover_screen()

    def _watch(self, screen: QScreen | None) -> None:
        """Follow the resolution of `screen` (only: the screen the window is on)."""
        if screen is self._watched_screen:
            return
        if self._watched_screen is not None:
            with contextlib.suppress(RuntimeError, TypeError):  # the screen was unplugged and deleted
                self._watched_screen.geometryChanged.disconnect(self.cover_screen)
        self._watched_screen = screen
        if screen is not None:
            screen.geometryChanged.connect(self.cover_screen)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.idle_overlay.setGeometry(self.rect())
        self.corner.move(QPoint(0, 0))
        self.corner.raise_()

    # -- errors -----------------------------------------------------------------------------------------------

    def _field_message(self, fieldname: str, french: str) -> str:
        return self.messages.field_message(fieldname, french, self.language())

    def _show_field_errors(self, fields: dict[str, Field], error: TaskError, general: Callable[[str], None]) -> None:
        for f in fields.values():
            f.set_error("")
        leftover: list[str] = []
        if isinstance(error.error, InvalidInput):
            for err in error.error.errors:
                message = self._field_message(err.field, err.message)
                if err.field in fields:
                    fields[err.field].set_error(message)
                else:
                    leftover.append(message)
            first = next((f for f in fields.values() if f.error.text()), None)
            if first is not None:
                first.edit.setFocus()
        else:
            leftover.append(self.messages.error_message(error))
        general(" ".join(leftover))
        self.failed.emit(error.message)

    def _failed(self, error: TaskError) -> None:
        self.failed.emit(error.message)

    # -- check-in ---------------------------------------------------------------------------------------------

    def _check_in_by_code(self, code: str) -> None:
        self.checkin.submit.setEnabled(False)
        self._run(self.services.check_in_by_code, code, on_done=self._checked_in, on_error=self._check_in_failed)

    def _check_in_by_name(self, first: str, last: str, birth: str) -> None:
        self.checkin.submit.setEnabled(False)
        self._run(
            self.services.check_in_by_name_and_birth_date,
            first,
            last,
            birth,
            on_done=self._checked_in,
            on_error=self._check_in_failed,
        )

    def _checked_in(self, result: service.CheckIn) -> None:
        self.checkin.wipe()
        self.ticket.show_ticket(result.ticket, first_name=result.first_name, kind="checkin")
        self.show_screen("kiosk-ticket")
        self._print_ticket(result.ticket)

    def _check_in_failed(self, error: TaskError) -> None:
        self._show_field_errors(self.checkin.fields, error, self.checkin.error.show_message)
        # the button comes back after a pause, longer after repeated failures (the service counts them)
        wait_s = 0
        if isinstance(error.error, service.CheckInNotFound):
            wait_s = error.error.wait_s
        elif isinstance(error.error, service.CheckInLocked):
            wait_s = error.error.seconds
        self.retry_timer.start(max(self.config.retry_delay_ms, wait_s * 1000))

    # -- the printed ticket -----------------------------------------------------------------------------------

    def _print_ticket(self, ticket: str) -> None:
        """Print the ticket shown on this kiosk's printer, if it has one; the screen never waits for the printer.

        `ticket_shown` follows once the ticket went to the printer (or there is none): the printer setting is read
        through the task runner, after the check-in or pre-registration that gave the ticket."""
        # the sentences as the visitor reads them now (Finish or the idle wipe may change them before printing)
        when = QLocale().toString(QDateTime.currentDateTime(), QLocale.FormatType.ShortFormat)
        paper = PrintedTicket(
            ticket,
            "",
            self.ticket.caption.text(),
            self.ticket.explanation.text(),
            when,
            self.language() in RIGHT_TO_LEFT,
        )

        def send(printing: kiosk_printing.TicketPrinting) -> None:
            if printing.printer:
                self.ticket_printer.print_ticket(printing.printer, replace(paper, campus=printing.campus_name))
            self.ticket_shown.emit(ticket)

        def unknown(error: TaskError) -> None:
            log.warning("ticket %s not printed: the printer setting could not be read (%s)", ticket, error.message)
            self.ticket_shown.emit(ticket)

        self._query(self.services.ticket_printing, on_done=send, on_error=unknown)

    # -- pre-registration -------------------------------------------------------------------------------------

    def _pre_register(self) -> None:
        form = self.new_visitor.form(self.language())
        self.new_visitor.submit.setEnabled(False)
        self._run(self.services.pre_register, form, on_done=self._pre_registered, on_error=self._pre_failed)

    def _pre_registered(self, result: service.Ticket) -> None:
        self.new_visitor.wipe()
        self.ticket.show_ticket(result.ticket, first_name=None, kind="new")
        self.show_screen("kiosk-ticket")
        self._print_ticket(result.ticket)

    def _pre_failed(self, error: TaskError) -> None:
        self.new_visitor.submit.setEnabled(True)
        screen = self.new_visitor
        screen.commune_error.show_message("")
        screen.consent.error.show_message("")
        rest: list[str] = []
        if isinstance(error.error, InvalidInput):
            for err in error.error.errors:
                if err.field == "commune":
                    screen.commune_error.show_message(self._field_message("commune", err.message))
                elif err.field == "consent":
                    screen.consent.error.show_message(self._field_message("consent", err.message))
        self._show_field_errors(screen.fields, error, rest.append)
        summary = self.tr("Some answers need a correction. They are marked with ⚠.")
        screen.error.show_message(summary)

    # -- jobs and events --------------------------------------------------------------------------------------

    def _search_programmes(self, commune: str, family: str) -> None:
        self._query(
            self.services.programmes_near,
            commune or None,
            job_family=family or None,
            on_done=self._show_offers,
            on_error=self._failed,
        )

    def _show_offers(self, offers: list[service.ProgrammeOffer]) -> None:
        self.jobs.show_offers(offers)
        self.offers_shown.emit()

    def _show_events(self, events: list[service.EventOffer]) -> None:
        self.events.show_events(events)
        focus = self.events.first_focus()
        if self._current == "kiosk-events" and focus is not None:
            focus.setFocus(Qt.FocusReason.OtherFocusReason)  # the list came after the screen
        self.events_shown.emit()

    def _sign_up_for_event(self, event_id: str) -> None:
        form = self.events.signup_form(self.language())
        self.events.submit.setEnabled(False)
        self._run(
            self.services.register_for_event,
            event_id,
            form,
            on_done=self._event_booked,
            on_error=self._event_failed,
        )

    def _event_booked(self, _result: object) -> None:
        self.events.submit.setEnabled(True)
        self.events.confirmed()
        self.event_booked.emit()

    def _event_failed(self, error: TaskError) -> None:
        self.events.submit.setEnabled(True)
        if isinstance(error.error, InvalidInput):
            for err in error.error.errors:
                if err.field == "consent":
                    self.events.consent.error.show_message(self._field_message("consent", err.message))
        self._show_field_errors(self.events.fields, error, self.events.error.show_message)

    # -- staff exit -------------------------------------------------------------------------------------------

    def open_staff_exit(self) -> None:
        self._wipe_screens()
        self.show_screen("kiosk-exit")

    def _verify_pin(self, pin: str) -> None:
        self.exit_screen.submit.setEnabled(False)
        self._run(self.services.verify_staff_pin, pin, on_done=self._pin_checked, on_error=self._pin_error)

    def _pin_checked(self, result: service.PinCheck) -> None:
        self.exit_screen.pin.wipe()
        if result.ok and self.exit_screen.purpose == "enrol" and self._sync is not None:
            self.enrol_screen.wipe()
            self.show_screen("kiosk-enrol")
            return
        if result.ok:
            self._exit_allowed = True
            self.exit_granted.emit()
            self.close()
            return
        self._lock_pin_pad(result.locked_for_s)
        self.exit_screen.error.show_message(
            self.tr("Wrong PIN. Wait %1 seconds before trying again.").replace("%1", str(result.locked_for_s))
        )
        self.pin_refused.emit(result.locked_for_s)

    def _pin_error(self, error: TaskError) -> None:
        self.exit_screen.pin.wipe()
        seconds = error.error.seconds if isinstance(error.error, service.StaffPinLocked) else 1
        self._lock_pin_pad(seconds)
        self.exit_screen.error.show_message(self.messages.error_message(error))
        self.pin_refused.emit(seconds)

    def _lock_pin_pad(self, seconds: int) -> None:
        self.exit_screen.submit.setEnabled(False)
        self.exit_screen.keypad.setEnabled(False)
        self.pin_lock_timer.start(max(1, seconds) * 1000)

    def _unlock_pin_pad(self) -> None:
        self.exit_screen.submit.setEnabled(True)
        self.exit_screen.keypad.setEnabled(True)

    # -- enrolment with HQ (staff, after the PIN) -------------------------------------------------------------

    def attach_sync(self, bridge: SyncBridge, *, enrolled: bool) -> None:
        """The kiosk's sync thread; while the kiosk is not `enrolled`, the staff screen offers its enrolment."""
        self._sync = bridge
        self.exit_screen.enrol.setVisible(not enrolled)
        bridge.enrol_finished.connect(self._enrol_finished)

    def _enrol(self, server: str, code: str) -> None:
        missing = {
            "server": self.tr("Head office address: type it, it starts with https://."),
            "code": self.tr("Kiosk enrolment code: type it as head office gave it."),
        }
        fields = {"server": self.enrol_screen.server, "code": self.enrol_screen.code}
        empty = [name for name, value in (("server", server), ("code", code)) if not value.strip()]
        for name, widget in fields.items():
            widget.set_error(missing[name] if name in empty else "")
        if empty:
            return
        server = server.strip()
        if "://" not in server:
            server = f"https://{server}"  # the on-screen keyboard has no ":" nor "/"
        if self._sync is None or not self._sync.enrol(server, code.strip()):
            self.enrol_screen.show_error(self.tr("This kiosk cannot be enrolled from here."))
            return
        self.enrol_screen.submit.setEnabled(False)
        self.enrol_screen.show_progress(self.tr("Contacting head office…"))

    def _enrol_finished(self, error: str | None) -> None:
        self.enrol_screen.submit.setEnabled(True)
        if error is not None:
            self.enrol_screen.show_error(error)  # for staff, in French (as HQ and the sync word it)
            return
        self.exit_screen.enrol.hide()
        self.enrol_screen.show_done(
            self.tr("This kiosk is enrolled. It receives its campus's catalogue and today's appointments.")
        )
        self.enrolled.emit()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Only staff close the kiosk (PIN); Alt+F4 and the like are ignored."""
        if self._exit_allowed:
            app = QApplication.instance()
            if app is not None:
                app.removeEventFilter(self)
            self.ticket_printer.wait(5_000)
            super().closeEvent(event)
        else:
            event.ignore()

    def allow_close(self) -> None:
        """Let the program close the window (tests, the self-test, shutting the app down)."""
        self._exit_allowed = True
