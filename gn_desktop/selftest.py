"""`gn-desktop --self-test`: the campus app's own check that this PC can run it.

`self_test` opens (and migrates) the store, builds both windows offscreen over the composition root
(`gn_desktop.app`), renders them and prints a French report, one check per line; exit status 0 only when every check
passes. Threading: everything here runs on the main thread; data work happens on the task runner's worker thread.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from gn_desktop import __version__
from gn_desktop.app import application, build_kiosk_window, build_main_window, build_runner, file_logging

if TYPE_CHECKING:
    from PySide6.QtGui import QImage

    from gn_desktop.store.uow import Store
    from gn_desktop.views.tasks import TaskRunner

log = logging.getLogger(__name__)

# how long the self-test waits for the home page's figures
SELF_TEST_TIMEOUT_S = 30.0


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
    with file_logging(data_dir) as log_file:
        app = application()
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
