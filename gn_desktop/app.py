"""Composition root of the campus app: the only module that wires store, services, task runner and windows together.

`run_app` opens (and migrates) the store, builds the task runner over it, shows the advisor window or the kiosk and
runs the Qt event loop. `self_test` does the same offscreen, checks the result and prints a French report.

Heavy modules (Qt, SQLAlchemy) are imported inside the functions: `gn-desktop --version` and the admin commands
stay fast, and the window can appear as soon as Qt is up. Threading: everything here runs on the main thread; data
work happens on the task runner's worker thread.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from gn_desktop import __version__, paths

if TYPE_CHECKING:
    from PySide6.QtGui import QImage
    from PySide6.QtWidgets import QApplication

    from gn_desktop.store.uow import Store
    from gn_desktop.views.i18n import Translations
    from gn_desktop.views.kiosk.window import KioskWindow
    from gn_desktop.views.main_window import MainWindow
    from gn_desktop.views.sync_bridge import SyncBridge
    from gn_desktop.views.tasks import TaskRunner

log = logging.getLogger(__name__)

LOG_FILE = "gn-desktop.log"
LOG_MAX_BYTES = 2_000_000
LOG_BACKUPS = 5
# how long the self-test waits for the home page's figures
SELF_TEST_TIMEOUT_S = 30.0


# -- logging ---------------------------------------------------------------------------------------------------


@contextmanager
def _file_logging(data_dir: Path) -> Iterator[Path]:
    """Log INFO and above to a rotating file in `data_dir/logs` for the duration of the block."""
    directory = paths.log_dir(data_dir)
    directory.mkdir(parents=True, exist_ok=True)
    handler = logging.handlers.RotatingFileHandler(
        directory / LOG_FILE, maxBytes=LOG_MAX_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)-7s [%(threadName)s] %(name)s: %(message)s"))
    root = logging.getLogger()
    previous_level = root.level
    root.addHandler(handler)
    if root.getEffectiveLevel() > logging.INFO:
        root.setLevel(logging.INFO)
    try:
        yield directory / LOG_FILE
    finally:
        root.removeHandler(handler)
        root.setLevel(previous_level)
        handler.close()


@contextmanager
def _log_uncaught() -> Iterator[None]:
    """Route Qt's messages and exceptions escaping Qt slots to the log (the app's own run only)."""
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    qt_log = logging.getLogger("qt")
    levels = {
        QtMsgType.QtDebugMsg: logging.DEBUG,
        QtMsgType.QtInfoMsg: logging.INFO,
        QtMsgType.QtWarningMsg: logging.WARNING,
        QtMsgType.QtCriticalMsg: logging.ERROR,
        QtMsgType.QtFatalMsg: logging.CRITICAL,
    }

    def on_qt_message(kind: QtMsgType, _context: Any, message: str) -> None:
        qt_log.log(levels.get(kind, logging.WARNING), "%s", message)

    def on_exception(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        log.critical("uncaught exception", exc_info=(kind, exc, tb))
        previous_hook(kind, exc, tb)

    previous_hook = sys.excepthook
    previous_handler = qInstallMessageHandler(on_qt_message)
    sys.excepthook = on_exception
    try:
        yield
    finally:
        sys.excepthook = previous_hook
        qInstallMessageHandler(previous_handler)


# -- building blocks -------------------------------------------------------------------------------------------


def _application() -> QApplication:
    """The QApplication (created if needed), named so settings and dialogs carry the app's name."""
    from PySide6.QtWidgets import QApplication

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName("gn-desktop")
    app.setApplicationDisplayName("Le Grand Numérique")
    app.setOrganizationName("Le Grand Numérique")
    app.setApplicationVersion(__version__)
    return app


def build_runner(store: Store) -> TaskRunner:
    """The task runner over `store`: views get units of work from it, never the store itself."""
    from gn_desktop.views.tasks import TaskRunner

    return TaskRunner(store.unit_of_work, open_read_uow=store.read_unit)


def build_main_window(
    runner: TaskRunner, *, lock_after_s: float | None = None, sync: SyncBridge | None = None
) -> MainWindow:
    """The advisor workspace (behind its sign-in screen), with the loader of its home page.

    `lock_after_s`: seconds of inactivity before locking; None reads the campus setting (default 10 minutes).
    `sync`: the sync thread's adapter (`build_sync`); None shows the stored sync state only (tests, screenshots).
    """
    from gn_desktop.services import home
    from gn_desktop.views.main_window import MainWindow

    return MainWindow(runner, home.home_view, version=__version__, lock_after_s=lock_after_s, sync=sync)


def build_sync(
    store: Store, data_dir: Path, runner: TaskRunner, *, client_factory: Any = None, **options: Any
) -> SyncBridge:
    """The sync thread over `store` (not started) and its Qt adapter; every committed write pokes it.

    `client_factory` goes to `Syncer` (tests: an httpx mock transport), `options` to `SyncScheduler`.

    The thread is separate from the task runner's database worker: a cycle waits on the network for seconds (minutes
    on a bad line), which must never delay an advisor's save nor the UI. While online and idle, a second thread keeps
    a long poll open at HQ, so another campus's edit arrives here within about a second.
    """
    from gn_desktop.sync.engine import Progress, Syncer
    from gn_desktop.sync.scheduler import SyncScheduler, hq_probe
    from gn_desktop.views.sync_bridge import SyncBridge

    bridge = SyncBridge()

    def cycle(progress: Progress) -> Any:
        return Syncer(store, data_dir, client_factory=client_factory, progress=progress).cycle()

    def server_url() -> str | None:
        url = Syncer(store, data_dir).state()["server_url"]
        return str(url) if url else None

    def watch(timeout_s: float) -> bool:
        return Syncer(store, data_dir, client_factory=client_factory).wait_for_news(timeout_s)

    def enrol(server_url: str, code: str) -> object:
        return Syncer(store, data_dir, client_factory=client_factory).enrol(server_url, code)

    bridge.enrol_fn = enrol
    options.setdefault("probe", hq_probe(server_url))
    options.setdefault("watch", watch)
    bridge.scheduler = SyncScheduler(cycle, listener=bridge.listener, **options)
    runner.changed.connect(bridge.changes_made)
    return bridge


def build_kiosk_window(translations: Translations, runner: TaskRunner | None = None) -> KioskWindow:
    """The self-service kiosk over `runner` (it acts for nobody: no user is signed in on a kiosk)."""
    from gn_desktop.views.kiosk import build_kiosk

    return build_kiosk(translations, runner)


def run_app(data_dir: Path, *, kiosk: bool = False, lang: str = "fr") -> int:
    """Start the campus app on `data_dir` (advisor workspace, or the kiosk full screen); returns the exit status."""
    started = time.perf_counter()
    with _file_logging(data_dir) as log_file:
        log.info("gn-desktop %s starting (data: %s, kiosk: %s, language: %s)", __version__, data_dir, kiosk, lang)
        app = _application()
        with _log_uncaught():
            from gn_desktop.store.uow import Store
            from gn_desktop.views.i18n import Translations

            translations = Translations(app)
            translations.set_language(lang)
            try:
                store = Store.open(data_dir)
            except Exception as exc:
                _tell_store_failed(data_dir, exc, log_file)
                translations.uninstall()
                raise
            runner = build_runner(store)
            sync: SyncBridge | None = None
            try:
                window: MainWindow | KioskWindow
                if kiosk:
                    window = build_kiosk_window(translations, runner)
                    window.showFullScreen()
                else:
                    sync = build_sync(store, data_dir, runner)
                    window = build_main_window(runner, sync=sync)
                    window.show()
                    assert sync.scheduler is not None
                    sync.scheduler.start()  # after the window: a first cycle runs at once, off the UI thread
                    app.aboutToQuit.connect(sync.stop)
                app.aboutToQuit.connect(runner.shutdown)
                log.info("window shown in %.2f s; log file %s", time.perf_counter() - started, log_file)
                status = app.exec()
            finally:
                if sync is not None:
                    sync.stop()
                runner.shutdown()
                store.dispose()
                translations.uninstall()
        log.info("gn-desktop stopped (status %s)", status)
        return status


def _tell_store_failed(data_dir: Path, exc: Exception, log_file: Path) -> None:
    """Say in a dialog that the data could not be opened (the app is often started from a shortcut, with no console)."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication, QMessageBox

    from gn_core.domain.errors import KnownError

    log.exception("cannot open the campus data in %s", data_dir)
    if isinstance(exc, KnownError):
        message = exc.message
    else:
        message = (
            QCoreApplication.translate(
                "app", "The campus data in %1 could not be opened. The details were written to %2."
            )
            .replace("%1", str(data_dir))
            .replace("%2", str(log_file))
        )
    if QApplication.platformName() not in ("offscreen", "minimal"):  # a modal dialog nobody can see would hang
        QMessageBox.critical(None, "Le Grand Numérique", message)


# -- self-test -------------------------------------------------------------------------------------------------


def is_blank(image: QImage) -> bool:
    """True when an image is empty or (almost) one flat colour: nothing was drawn."""
    from PySide6.QtCore import Qt

    if image.isNull() or image.width() == 0 or image.height() == 0:
        return True
    small = image.scaled(160, 100, Qt.AspectRatioMode.IgnoreAspectRatio, Qt.TransformationMode.FastTransformation)
    background = small.pixel(0, 0)
    differing = sum(1 for y in range(small.height()) for x in range(small.width()) if small.pixel(x, y) != background)
    return differing < small.width() * small.height() // 200  # fewer than 0.5 % of the pixels differ


class _Report:
    """The self-test's checks, printed one per line as they complete."""

    def __init__(self) -> None:
        self.failures = 0

    def check(self, ok: bool, what: str, detail: str = "") -> bool:
        status = "OK   " if ok else "ÉCHEC"
        print(f"  [{status}] {what}{f' — {detail}' if detail else ''}", flush=True)
        if not ok:
            self.failures += 1
        return ok

    def attempt(self, what: str, step: Callable[[], str | None]) -> bool:
        """Run `step`; an exception is a failed check (logged with its traceback), not a crash."""
        try:
            detail = step()
        except Exception as exc:
            log.exception("self-test step failed: %s", what)
            return self.check(False, what, f"{type(exc).__name__} : {exc}")
        return self.check(True, what, detail or "")


def self_test(data_dir: Path, *, lang: str = "fr") -> int:
    """Open and migrate the store, build both windows offscreen, render them and check the result.

    Prints each check in French with OK or ÉCHEC; returns 0 only when every check passes. Leaves the process as it
    found it (translators, logging), so it can run inside a test session.
    """
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    report = _Report()
    print(f"Autotest de gn-desktop {__version__} — données : {data_dir}", flush=True)
    with _file_logging(data_dir) as log_file:
        app = _application()
        from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer
        from PySide6.QtGui import QFontDatabase, QFontMetrics

        from gn_desktop.views.i18n import Translations

        translations = Translations(app)
        store: Store | None = None
        runner: TaskRunner | None = None
        windows: list[Any] = []
        try:
            loaded = translations.set_language(lang)
            if lang == "fr":
                home = QCoreApplication.translate("MainWindow", "Home")
                report.check(loaded and home == "Accueil", "Traduction française chargée", f"« Home » → « {home} »")
            else:
                report.check(loaded, f"Traduction « {lang} » chargée")

            def open_store() -> str:
                nonlocal store
                from gn_desktop.store.uow import Store

                store = Store.open(data_dir)
                return f"{data_dir / 'campus.db'}"

            if not report.attempt("Base de données ouverte et migrée", open_store) or store is None:
                return _finish(report, log_file)
            runner = build_runner(store)

            def font_check() -> str:
                metrics = QFontMetrics(app.font())
                missing = [ch for ch in "éèêàçÉœ" if not metrics.inFontUcs4(ord(ch))]
                if missing:
                    raise RuntimeError(f"police « {app.font().family()} » sans {' '.join(missing)}")
                return app.font().family()

            report.attempt("Police d'interface avec les accents français", font_check)
            arabic = QFontDatabase.families(QFontDatabase.WritingSystem.Arabic)
            report.check(
                bool(arabic), "Police pour l'arabe (borne)", arabic[0] if arabic else "aucune police installée"
            )

            window = build_main_window(runner)
            windows.append(window)
            from gn_desktop.services.auth import SignedIn

            # read-only checks: a session attributed to nobody, so nothing could be written in anyone's name
            window.sign_in_as(SignedIn(None, "autotest", "Autotest", None, None))
            if window.home.summary is None:
                loop = QEventLoop()
                window.home.loaded.connect(loop.quit)
                window.home.load_failed.connect(loop.quit)
                QTimer.singleShot(int(SELF_TEST_TIMEOUT_S * 1000), loop.quit)
                loop.exec()
            summary = window.home.summary
            report.check(
                summary is not None,
                "Tableau de bord chargé par le gestionnaire de tâches",
                f"personnes : {summary.people_total}, modifications en attente : {summary.pending_changes}"
                if summary is not None
                else window.home.status.text(),
            )
            image = window.grab().toImage()
            report.check(
                not is_blank(image),
                "Fenêtre conseiller rendue hors écran (image non vide)",
                f"{image.width()}×{image.height()}",
            )

            kiosk = build_kiosk_window(translations, runner)
            windows.append(kiosk)
            kiosk.resize(1280, 800)
            kiosk_image = kiosk.grab().toImage()
            report.check(
                not is_blank(kiosk_image),
                "Borne d'accueil rendue hors écran (image non vide)",
                f"{kiosk_image.width()}×{kiosk_image.height()}",
            )
        finally:
            for w in windows:
                w.close()
                w.deleteLater()
            if runner is not None:
                runner.shutdown()
            if store is not None:
                store.dispose()
            translations.uninstall()
            translations.deleteLater()
        return _finish(report, log_file)


def _finish(report: _Report, log_file: Path) -> int:
    if report.failures:
        print(f"Autotest : {report.failures} contrôle(s) en échec. Détails dans le journal : {log_file}", flush=True)
        return 1
    print("Autotest : tous les contrôles sont passés.", flush=True)
    return 0


# -- screenshots -----------------------------------------------------------------------------------------------

#: views `gn-desktop screenshot --view NAME` renders, with what they show (French, for `--view list`)
SCREENSHOT_VIEWS: dict[str, str] = {
    "signin": "écran de connexion",
    "locked": "session verrouillée après inactivité",
    "home": "accueil : rendez-vous du jour, personnes en attente, suivis à faire",
    "search": "recherche d'une personne (saisie « mar »)",
    "person": "fiche d'une personne : parcours et changement d'étape",
    "notes": "fiche d'une personne : notes de suivi",
    "referrals": "fiche d'une personne : orientations vers une formation ou une offre",
    "history": "fiche d'une personne : historique des modifications",
    "intake": "nouvelle inscription : identité et recherche des doublons",
    "consents": "nouvelle inscription : consentements (version du texte)",
    "partners": "partenaires : sessions de formation et places restantes",
    "events": "événements : inscriptions et présence",
    "sync": "synchronisation : état du lien avec le siège, réception initiale en cours (exemple)",
    "conflicts": "synchronisation : conflits à régler (exemple)",
}
SCREENSHOT_DEMO_PEOPLE = 2000


def _parse_size(size: str) -> tuple[int, int]:
    from gn_core.domain.errors import KnownError

    try:
        width, height = (int(x) for x in size.lower().split("x"))
    except ValueError:
        raise KnownError(
            f"--size : « {size} » n'est pas une taille valide ; écrivez LARGEURxHAUTEUR, ex. 1280x800."
        ) from None
    if not (320 <= width <= 7680 and 240 <= height <= 4320):
        raise KnownError("--size : choisissez une taille entre 320x240 et 7680x4320.")
    return width, height


def _settle(app: QApplication, runner: TaskRunner, minimum_s: float = 0.5, timeout_s: float = 30.0) -> None:
    """Process events until the runner has been idle for a moment (and at least `minimum_s`, for debounce timers)."""
    from PySide6.QtCore import QEventLoop

    started = time.monotonic()
    idle_since: float | None = None
    while time.monotonic() - started < timeout_s:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        now = time.monotonic()
        if runner.pending == 0:
            idle_since = idle_since or now
            if now - idle_since > 0.15 and now - started >= minimum_s:
                return
        else:
            idle_since = None
        time.sleep(0.005)


def _demo_person(store: Store) -> str | None:
    """A person of this campus with a rich file (notes, referrals, a few steps), for the person screenshots."""
    from sqlalchemy import func, select

    from gn_core.domain import enums as e
    from gn_desktop.store import models as m

    with store.reading() as session:
        notes = select(m.Note.person_id, func.count().label("n")).group_by(m.Note.person_id).subquery()
        q = (
            select(m.Person.id)
            .join(notes, notes.c.person_id == m.Person.id)
            .join(m.Referral, m.Referral.person_id == m.Person.id)
            .where(m.Person.pathway_step == e.PathwayStep.JOB_SEARCH)
            .order_by(notes.c.n.desc(), m.Person.last_name)
            .limit(1)
        )
        if store.campus_id:
            q = q.where(m.Person.campus_id == store.campus_id)
        found = session.scalar(q)
        return found or session.scalar(select(m.Person.id).limit(1))


def screenshot(data_dir: Path, *, view: str, out: Path | None, size: str = "1280x800", lang: str = "fr") -> int:
    """Render one view of the advisor workspace with demo data, offscreen, into a PNG file.

    An empty data directory gets demo data first (`SCREENSHOT_DEMO_PEOPLE` people); the window is signed in as an
    advisor of the demo campus. `view="list"` prints the view names.
    """
    from gn_core.domain.errors import KnownError
    from gn_desktop.views.kiosk import SCREEN_NAMES as KIOSK_SCREENS

    if view == "list":
        for name, what in SCREENSHOT_VIEWS.items():
            print(f"{name:10} {what}")
        for name in KIOSK_SCREENS:
            print(f"{name:10} borne d'accueil")
        return 0
    if view in KIOSK_SCREENS:
        return _kiosk_screenshot(data_dir, view, out, size, lang)
    if view not in SCREENSHOT_VIEWS:
        raise KnownError(f"Vue « {view} » inconnue. Vues possibles : {', '.join(SCREENSHOT_VIEWS)}.")
    width, height = _parse_size(size)
    target = out if out is not None else Path(f"{view}.png")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = _application()
    from gn_desktop.services import auth, demo
    from gn_desktop.store.uow import Store
    from gn_desktop.views.i18n import Translations

    translations = Translations(app)
    translations.set_language(lang)
    store = Store.open(data_dir)
    runner: TaskRunner | None = None
    window: MainWindow | None = None
    try:
        with store.read_unit(None) as uow:
            username = auth.first_advisor(uow)
        if username is None:
            print(f"Aucune donnée dans {data_dir} : création de données de démonstration…", flush=True)
            demo.generate(store, people=SCREENSHOT_DEMO_PEOPLE, seed=1)
            with store.read_unit(None) as uow:
                username = auth.first_advisor(uow)
        assert username is not None
        runner = build_runner(store)
        sync = _sample_sync() if view in ("sync", "conflicts") else None
        window = build_main_window(runner, lock_after_s=3600, sync=sync)
        window.resize(width, height)
        window.show()
        _settle(app, runner)
        if view == "signin":
            window.sign_in_page.reset()
            window.sign_in_page.username.setText(username)
        else:
            with store.read_unit(None) as uow:
                window.sign_in_as(auth.session_for(uow, username))
            _settle(app, runner)
        if view == "locked":
            window.lock()
        elif view == "search":
            window.find_person()
            window.search.search_now("mar")
        elif view in ("person", "notes", "referrals", "history"):
            person_id = _demo_person(store)
            if person_id is not None:
                window.open_person(person_id)
                _settle(app, runner)
                window.person.tabs.setCurrentIndex({"person": 0, "notes": 1, "referrals": 3, "history": 4}[view])
                if view == "person":
                    window.person.move_target.setCurrentIndex(0)
                if view == "referrals" and window.person.options_table.rowCount():
                    window.person.options_table.selectRow(0)
        elif view in ("intake", "consents"):
            window.new_intake()
            _settle(app, runner)
            window.intake.resume_banner.hide()
            window.intake.set_values(_intake_example(store, view))
            if view == "consents":
                window.intake.confirm_new.setChecked(True)
                window.intake._go(window.intake.stack.count() - 1)
        elif view == "partners":
            window.go_to(3)
        elif view == "events":
            window.go_to(4)
        elif view in ("sync", "conflicts"):
            window.go_to(5)
            _settle(app, runner)
            _show_sync_sample(window, store, view, lambda: _settle(app, runner))
        _settle(app, runner, minimum_s=0.8)
        image = window.grab().toImage()
        target.parent.mkdir(parents=True, exist_ok=True)
        if not image.save(str(target)):
            raise KnownError(f"Impossible d'écrire {target}.")
        print(f"{target} ({image.width()}×{image.height()}, vue {view}, langue {lang})")
        return 0
    finally:
        if window is not None:
            window.close()
            window.deleteLater()
        if runner is not None:
            runner.shutdown()
        store.dispose()
        translations.uninstall()
        translations.deleteLater()


def _sample_sync() -> SyncBridge:
    """A sync adapter over a scheduler that is never started (the screenshot shows sample activity)."""
    from gn_desktop.sync.engine import SyncReport
    from gn_desktop.sync.scheduler import SyncScheduler
    from gn_desktop.views.sync_bridge import SyncBridge

    return SyncBridge(SyncScheduler(lambda _progress: SyncReport(), sync_at_start=False))


def _show_sync_sample(window: MainWindow, store: Store, view: str, settle: Callable[[], None]) -> None:
    """Sample sync state and conflicts (names of demo people) on the synchronisation page; nothing is written."""
    from datetime import UTC, datetime, timedelta

    from sqlalchemy import select

    from gn_desktop.services.conflicts import Inbox, InboxItem
    from gn_desktop.services.sync_status import SetAsideView, SyncStatus
    from gn_desktop.store import models as m
    from gn_desktop.sync.engine import SyncReport
    from gn_desktop.sync.scheduler import Phase, SyncActivity

    now = datetime.now(UTC)
    with store.reading() as session:
        people = [
            (pid, f"{first} {last}", last)
            for pid, first, last in session.execute(
                select(m.Person.id, m.Person.first_name, m.Person.last_name).order_by(m.Person.last_name).limit(4)
            )
        ]
    while len(people) < 4:
        people.append(("p", "Awa Diallo", "Diallo"))

    def item(
        n: int, entity: str, field: str, base: Any, mine: Any, theirs: Any, minutes: int, kept: str | None = None
    ) -> InboxItem:
        pid, name, _last = people[n]
        hidden = entity == "rqth_decision"
        return InboxItem(
            id=f"sample-{n}",
            entity=entity,
            field=field,
            kind="field",
            person_id=pid,
            person_name=name,
            base=None if hidden else base,
            mine=None if hidden else mine,
            theirs=None if hidden else theirs,
            hidden=hidden,
            mine_by="Camille Martin",
            theirs_by="Hugo Lefèvre",
            theirs_campus="Campus Aubervilliers",
            mine_at=now - timedelta(minutes=minutes + 12),
            theirs_at=now - timedelta(minutes=minutes),
            automatic=kept is not None,
            kept=kept,
        )

    last0 = people[0][2]
    items = [
        item(0, "person", "last_name", last0, f"{last0}-Sy", f"{last0} Sy", 40),
        item(1, "person", "phone", "+33612345678", "+33698765432", "+33611223344", 95, kept="theirs"),
        item(2, "person", "pathway_step", "orientation", "training_referred", "job_search", 180),
        item(3, "rqth_decision", "valid_until", None, None, None, 300),
    ]
    status = SyncStatus(
        enrolled=True,
        server_url="https://siege.legrandnumerique.example",
        campus_code="SDN",
        pending=2,
        open_conflicts=len(items),
        rejected=0,
        last_success_at=now - timedelta(minutes=3),
        last_attempt_at=now,
        last_error=None,
        needs_reenrol=False,
        campus_name="Campus Saint-Denis",
        set_aside=(
            SetAsideView(
                "job_offer",
                "0193c0de-0000-7000-8000-000000000001",
                "Valeur inconnue de cette version de l'application (liste, date ou format) : mettez-la à jour.",
                now - timedelta(minutes=3),
            ),
        ),
        set_aside_count=1,
    )
    page = window.sync_page
    if view == "sync":
        activity = SyncActivity(Phase.SYNCING, enrolled=True, progress=("pull", 12_000, 400_000))
    else:
        report = SyncReport(pushed=14, pulled=230, conflicts=1)
        activity = SyncActivity(Phase.IDLE, enrolled=True, last_report=report, retry_in=60)
    window.sync.show(activity)
    settle()  # the page re-reads the (real) state after an activity: show the sample after that
    page.show_status(status)
    page.show_inbox(Inbox(items, waiting=1))
    page.loaded.emit()
    if view == "conflicts":
        page.tabs.setCurrentIndex(1)
        page.conflicts_table.selectRow(1)  # the automatic one: it says what HQ kept


def _kiosk_screenshot(data_dir: Path, view: str, out: Path | None, size: str, lang: str) -> int:
    """A kiosk screen, drawn by the kiosk's own renderer over this data directory's store."""
    from gn_desktop.store.uow import Store
    from gn_desktop.views.i18n import Translations
    from gn_desktop.views.kiosk import render_kiosk_screen

    width, height = _parse_size(size)
    target = out if out is not None else Path(f"{view}.png")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = _application()
    translations = Translations(app)
    store = Store.open(data_dir)
    runner = build_runner(store)
    try:
        image = render_kiosk_screen(view, lang, (width, height), runner=runner, translations=translations)
        target.parent.mkdir(parents=True, exist_ok=True)
        image.save(str(target))
        print(f"{target} ({image.width()}×{image.height()}, vue {view}, langue {lang})")
        return 0
    finally:
        runner.shutdown()
        store.dispose()
        translations.uninstall()
        translations.deleteLater()


def _intake_example(store: Store, view: str) -> dict[str, Any]:
    """Form values for the intake screenshots: an existing person's name and birth date, so likely matches show."""
    from sqlalchemy import select

    from gn_desktop.store import models as m

    with store.reading() as session:
        row = session.execute(
            select(m.Person.first_name, m.Person.last_name, m.Person.birth_date)
            .where(m.Person.birth_date.is_not(None))
            .order_by(m.Person.last_name)
            .limit(1)
        ).first()
    first, last, birth = row if row is not None else ("Inès", "Diallo", None)
    values: dict[str, Any] = {
        "first_name": first,
        "last_name": last,
        "birth_date": birth.strftime("%d/%m/%Y") if birth else "",
        "gender": "female",
        "phone": "06 39 98 12 34",
        "email": "ines.diallo@example.org",
        "commune": "Saint-Denis",
        "situation": "job_seeker",
        "job_families": ["development", "data"],
    }
    if view == "consents":
        values["consents"] = ["follow_up", "share_with_partners"]
    return values
