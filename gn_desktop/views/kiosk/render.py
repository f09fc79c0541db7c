"""Building the kiosk for the app, and drawing each of its screens to an image (screenshots, the README, reviews).

Threading: main thread only.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from typing import Any

from PySide6.QtCore import QEventLoop, QSize, QTimer
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from gn_core.domain import enums as e
from gn_desktop.services import kiosk as service
from gn_desktop.views.i18n import Translations
from gn_desktop.views.kiosk.window import KioskConfig, KioskServices, KioskWindow
from gn_desktop.views.tasks import T, TaskError, TaskRunner, Ts

#: every kiosk screen `render_kiosk_screen` can draw (`gn-desktop screenshot --view <name>`)
SCREEN_NAMES = (
    "kiosk-welcome",
    "kiosk-checkin",
    "kiosk-checkin-name",
    "kiosk-new",
    "kiosk-new-errors",
    "kiosk-ticket",
    "kiosk-jobs",
    "kiosk-events",
    "kiosk-event-signup",
    "kiosk-idle",
    "kiosk-exit",
    "kiosk-enrol",
)


def build_kiosk(
    translations: Translations,
    runner: TaskRunner | None,
    *,
    config: KioskConfig | None = None,
    services: KioskServices | None = None,
) -> KioskWindow:
    """The kiosk window over `runner` (a task runner with no signed-in user: the kiosk acts for nobody)."""
    if runner is not None:
        runner.user_id = None
    return KioskWindow(translations, runner, config=config, services=services)


def sample_services() -> KioskServices:
    """Fixed, fictitious answers for screenshots taken without a database (no person's data: there is none)."""
    today = date.today()
    now = datetime.now(UTC).replace(minute=0, second=0, microsecond=0)
    offers = [
        service.ProgrammeOffer(
            "Développeur web et mobile",
            "Simplon",
            e.JobFamily.DEVELOPMENT,
            "Campus Saint-Denis",
            1.2,
            today + timedelta(days=12),
            28,
            True,
        ),
        service.ProgrammeOffer(
            "Analyste de données",
            "Descodeuses",
            e.JobFamily.DATA,
            "Campus Aubervilliers",
            3.4,
            today + timedelta(days=30),
            16,
            True,
        ),
        service.ProgrammeOffer(
            "Technicien réseaux",
            "Les Plombiers du Numérique",
            e.JobFamily.INFRASTRUCTURE,
            "Campus Bobigny",
            6.8,
            today + timedelta(days=45),
            20,
            True,
        ),
    ]
    events = [
        service.EventOffer(
            "ev-1",
            "Réunion d'information : les métiers du numérique",
            e.EventKind.INFO_SESSION,
            now + timedelta(days=2),
            now + timedelta(days=2, hours=2),
            "Campus Saint-Denis",
            False,
            "",
        ),
        service.EventOffer(
            "ev-2",
            "Hackathon « Ville durable »",
            e.EventKind.HACKATHON,
            now + timedelta(days=9),
            now + timedelta(days=10),
            "Siège — La Courneuve",
            False,
            "",
        ),
        service.EventOffer(
            "ev-3",
            "Concours d'innovation 93",
            e.EventKind.CONTEST,
            now + timedelta(days=20),
            now + timedelta(days=20, hours=6),
            "Campus Montreuil",
            True,
            "",
        ),
    ]
    return KioskServices(
        programmes_near=lambda _uow, *_a, **_k: offers,
        upcoming_events=lambda _uow, *_a, **_k: events,
    )


class ImmediateRunner(TaskRunner):
    """A task runner that answers at once on the UI thread, with no database (screenshots only)."""

    def __init__(self) -> None:
        super().__init__(lambda _user: None)  # type: ignore[arg-type]
        self.shutdown()

    def query(
        self,
        fn: Callable[[Any, *Ts], T],
        *args: *Ts,
        on_done: Callable[[T], object] | None = None,
        on_error: Callable[[TaskError], object] | None = None,
    ) -> int:
        result = fn(None, *args)
        if on_done is not None:
            on_done(result)
        return 0

    def run(
        self,
        fn: Callable[[Any, *Ts], T],
        *args: *Ts,
        on_done: Callable[[T], object] | None = None,
        on_error: Callable[[TaskError], object] | None = None,
    ) -> int:
        return self.query(fn, *args, on_done=on_done, on_error=on_error)


def _settle(window: KioskWindow, runner: TaskRunner | None) -> None:
    """Let queued results arrive and layouts settle."""
    loop = QEventLoop()
    if runner is not None and runner.pending:

        def idle(busy: bool) -> None:
            if not busy:
                loop.quit()

        runner.busy_changed.connect(idle)
        QTimer.singleShot(10_000, loop.quit)
        loop.exec()
    QApplication.processEvents()
    QApplication.processEvents()


def render_kiosk_screen(
    name: str,
    lang: str,
    size: tuple[int, int] | QSize = (1920, 1080),
    *,
    runner: TaskRunner | None = None,
    translations: Translations | None = None,
    text_scale: float = 1.0,
) -> QImage:
    """Draw the kiosk screen `name` (one of `SCREEN_NAMES`) in `lang` at `size`.

    With a `runner` the programmes and events come from its database; without one, from fictitious samples.
    Installs French/English/Arabic translators for the duration when `translations` is not given.
    """
    if name not in SCREEN_NAMES:
        raise ValueError(f"unknown kiosk screen {name!r}; choose one of {', '.join(SCREEN_NAMES)}")
    app = QApplication.instance()
    assert isinstance(app, QApplication), "a QApplication is needed to render"
    own = translations is None
    tr = translations if translations is not None else Translations(app)
    width, height = (size.width(), size.height()) if isinstance(size, QSize) else size
    fake = ImmediateRunner() if runner is None else None
    window = build_kiosk(tr, runner or fake, services=None if runner is not None else sample_services())
    try:
        tr.set_language(lang)
        window.resize(width, height)
        window.set_text_scale(text_scale)
        window.show()
        prepare_screen(window, name)
        _settle(window, runner)
        return window.grab().toImage()
    finally:
        window.allow_close()
        window.close()
        window.deleteLater()
        if own:
            tr.uninstall()
            tr.deleteLater()


def prepare_screen(window: KioskWindow, name: str) -> None:
    """Bring `window` to the screen `name` (one of `SCREEN_NAMES`), with what that screen shows filled in."""
    if name == "kiosk-welcome":
        return
    if name in ("kiosk-checkin", "kiosk-checkin-name"):
        window.show_screen("kiosk-checkin")
        if name == "kiosk-checkin-name":
            window.checkin.set_mode("name")
    elif name in ("kiosk-new", "kiosk-new-errors"):
        window.show_screen("kiosk-new")
        if name == "kiosk-new-errors":
            from gn_core.domain.errors import FieldError, InvalidInput
            from gn_desktop.views.tasks import TaskError

            error = InvalidInput(
                [
                    FieldError("first_name", "Prénom : ce champ est obligatoire."),
                    FieldError("phone", "Téléphone ou e-mail : indiquez au moins l'un des deux."),
                    FieldError("consent", "Accord : cochez la case."),
                ]
            )
            window._pre_failed(TaskError(error.message, error))
    elif name == "kiosk-ticket":
        window.ticket.show_ticket("R007", first_name="Awa", kind="checkin")
        window.show_screen("kiosk-ticket")
    elif name == "kiosk-jobs":
        window.welcome.chosen.emit("jobs")
        window.jobs.commune.setCurrentIndex(window.jobs.commune.findData("93066"))
        window.jobs.families["data"].click()
    elif name in ("kiosk-events", "kiosk-event-signup"):
        window.welcome.chosen.emit("events")
        _settle(window, None)
        if name == "kiosk-event-signup":
            button = next(iter(window.events.signup_buttons.values()), None)
            if button is not None:
                button.click()
    elif name == "kiosk-idle":
        window.show_screen("kiosk-new")
        window._on_idle()
    elif name == "kiosk-exit":
        window.open_staff_exit()
    elif name == "kiosk-enrol":
        window.enrol_screen.wipe()
        window.show_screen("kiosk-enrol")
