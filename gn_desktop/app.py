"""Composition root of the campus app: the only module that wires store, services, task runner and windows together.

`run_app` opens (and migrates) the store, builds the task runner over it, shows the advisor window or the kiosk and
runs the Qt event loop. The self-test (`gn_desktop.selftest`) and the screenshot harness (`gn_desktop.screenshots`)
build their windows with the same functions, offscreen.

Heavy modules (Qt, SQLAlchemy) are imported inside the functions: `gn-desktop --version` and the admin commands
stay fast, and the window can appear as soon as Qt is up. Threading: everything here runs on the main thread; data
work happens on the task runner's worker thread.
"""

from __future__ import annotations

import logging
import logging.handlers
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from gn_desktop import __version__, paths

if TYPE_CHECKING:
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


# -- logging ---------------------------------------------------------------------------------------------------


@contextmanager
def file_logging(data_dir: Path) -> Iterator[Path]:
    """Log INFO and above to a rotating file in `data_dir/logs` for the duration of the block."""
    directory = paths.private_dir(paths.log_dir(data_dir))
    paths.create_private_file(directory / LOG_FILE)  # rotated files keep their mode
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


def application() -> QApplication:
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
    runner: TaskRunner,
    *,
    lock_after_s: float | None = None,
    sync: SyncBridge | None = None,
    translations: Translations | None = None,
) -> MainWindow:
    """The advisor workspace (behind its sign-in screen), with the loader of its home page.

    `lock_after_s`: seconds of inactivity before locking; None reads the campus setting (default 10 minutes).
    `sync`: the sync thread's adapter (`build_sync`); None shows the stored sync state only (tests, screenshots).
    `translations`: the app's translators, which the Preferences menu switches; None disables the language choice.
    """
    from gn_desktop.services import home
    from gn_desktop.views.main_window import MainWindow

    return MainWindow(
        runner, home.home_view, version=__version__, lock_after_s=lock_after_s, sync=sync, translations=translations
    )


def build_sync(
    store: Store,
    data_dir: Path,
    runner: TaskRunner,
    *,
    client_factory: Any = None,
    kiosk: bool = False,
    **options: Any,
) -> SyncBridge:
    """The sync thread over `store` (not started) and its Qt adapter; every committed write pokes it.

    `client_factory` goes to `Syncer` (tests: an httpx mock transport), `options` to `SyncScheduler`; `kiosk`: an
    enrolment from this window enrols a kiosk device.

    A new campus PC's first sync starts from HQ's ready database of its campus (issue #19): downloaded, checked and
    caught up aside on this thread while the app stays usable, then put in place of the store's file on the task
    runner's thread between two tasks (`TaskRunner.exclusive`, `Store.swap_in`), after which every view reloads
    (`TaskRunner.replaced`). A kiosk never does: it holds no one's file.

    The thread is separate from the task runner's database worker: a cycle waits on the network for seconds (minutes
    on a bad line), which must never delay an advisor's save nor the UI. While online and idle, a second thread keeps
    a long poll open at HQ, so another campus's edit arrives here within about a second. A third one answers the
    advisors' questions to HQ (intake's lookup, the file requests, the likely duplicates) beside a running cycle.
    """
    from gn_core.sync_rules import DeviceRole
    from gn_desktop.sync.engine import Progress, Syncer
    from gn_desktop.sync.scheduler import SyncScheduler, hq_probe
    from gn_desktop.views.sync_bridge import SyncBridge

    bridge = SyncBridge()

    def swap(fn: Callable[[], bool]) -> bool:
        swapped = runner.exclusive(fn)
        if swapped:
            runner.replaced()
        return swapped

    def cycle(progress: Progress) -> Any:
        syncer = Syncer(
            store, data_dir, client_factory=client_factory, progress=progress, snapshot=not kiosk, exclusive=swap
        )
        return syncer.cycle()

    def server_url() -> str | None:
        url = Syncer(store, data_dir).state()["server_url"]
        return str(url) if url else None

    def watch(timeout_s: float) -> bool:
        return Syncer(store, data_dir, client_factory=client_factory).wait_for_news(timeout_s)

    def enrol(server_url: str, code: str) -> object:
        syncer = Syncer(store, data_dir, client_factory=client_factory)
        return syncer.enrol(server_url, code, role=DeviceRole.KIOSK if kiosk else DeviceRole.CAMPUS_PC)

    def duplicates() -> object:
        return Syncer(store, data_dir, client_factory=client_factory).duplicates()

    bridge.enrol_fn = enrol
    bridge.duplicates_fn = duplicates
    bridge.syncer_fn = lambda: Syncer(store, data_dir, client_factory=client_factory)  # questions and decisions
    options.setdefault("probe", hq_probe(server_url))
    options.setdefault("watch", watch)
    bridge.scheduler = SyncScheduler(cycle, listener=bridge.listener, **options)
    runner.changed.connect(bridge.changes_made)
    return bridge


def build_kiosk_window(translations: Translations, runner: TaskRunner | None = None) -> KioskWindow:
    """The self-service kiosk over `runner` (it acts for nobody: no user is signed in on a kiosk)."""
    from gn_desktop.views.kiosk import build_kiosk

    return build_kiosk(translations, runner)


#: a kiosk device sends a check-in or a pre-registration this long after it is made (an advisor's PC waits 3 s)
KIOSK_DEBOUNCE_S = 0.3


def run_app(data_dir: Path, *, kiosk: bool = False, lang: str | None = None) -> int:
    """Start the campus app on `data_dir` (advisor workspace, or the kiosk full screen); returns the exit status.

    `lang`: the interface language; None: the one last chosen in the workspace on this computer, else French."""
    started = time.perf_counter()
    with file_logging(data_dir) as log_file:
        log.info("gn-desktop %s starting (data: %s, kiosk: %s, language: %s)", __version__, data_dir, kiosk, lang)
        app = application()
        with _log_uncaught():
            from gn_core.sync_rules import DeviceRole
            from gn_desktop.store.uow import Store
            from gn_desktop.views.i18n import Translations

            translations = Translations(app)
            translations.set_language(lang or "fr")
            try:
                store = Store.open(data_dir)
            except Exception as exc:
                _tell_store_failed(data_dir, exc, log_file)
                translations.uninstall()
                raise
            if lang is None and not kiosk:
                _use_saved_language(store, translations)
            runner = build_runner(store)
            sync: SyncBridge | None = None
            try:
                window: MainWindow | KioskWindow
                if kiosk:
                    window = build_kiosk_window(translations, runner)
                    window.show_full_screen()  # with or without a window manager, and after a change of resolution
                    enrolled = store.role is DeviceRole.KIOSK
                    if enrolled or not _is_enrolled(store, data_dir):
                        # a kiosk device of its campus: check-ins leave at once, the catalogue and check-in index
                        # come in; not enrolled yet, staff enrol it from its PIN screen. (Beside an advisor's app on
                        # one PC, sharing its data, that app's sync does it all.)
                        sync = build_sync(store, data_dir, runner, kiosk=True, debounce_s=KIOSK_DEBOUNCE_S)
                        window.attach_sync(sync, enrolled=enrolled)
                        assert sync.scheduler is not None
                        sync.scheduler.start()
                        app.aboutToQuit.connect(sync.stop)
                else:
                    sync = build_sync(store, data_dir, runner)
                    window = build_main_window(runner, sync=sync, translations=translations)
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


def _is_enrolled(store: Store, data_dir: Path) -> bool:
    from gn_desktop.sync.engine import Syncer

    return bool(Syncer(store, data_dir).state()["server_url"])


def _use_saved_language(store: Store, translations: Translations) -> None:
    """The workspace language last chosen on this computer (Preferences menu), when there is one."""
    from gn_desktop.services import preferences

    with store.read_unit(None) as uow:
        saved = preferences.workspace_language(uow)
    if saved is not None and saved != translations.language:
        log.info("workspace language: %s (chosen earlier on this computer)", saved)
        translations.set_language(saved)


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
