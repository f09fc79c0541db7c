"""Interface languages: installs the app's compiled catalogues and Qt's own, switches them live.

Source strings are English (`tr()` in the views); French is the default language. Two compiled catalogues, built by
`resources/build_translations.py`: `gn_desktop_<lang>.qm` (the advisor workspace: French, English) and
`gn_kiosk_<lang>.qm` (the self-service kiosk: French, English, Arabic). Both are installed for a language when they
exist, so Arabic translates the kiosk only (the workspace shows its English source). They ship inside the package and
are read through `importlib.resources`, so the same code works from a source tree, a wheel or a PyInstaller bundle.
Qt's own catalogue (`qtbase_<lang>.qm`, from PySide6's translations directory) makes standard dialogs and buttons speak
the same language.

Threading: main thread only (translators and the layout direction are application-wide).
"""

from __future__ import annotations

import logging
from importlib import resources

from PySide6.QtCore import QLibraryInfo, QLocale, QObject, Qt, QTranslator, Signal
from PySide6.QtWidgets import QApplication

log = logging.getLogger(__name__)


# languages the interface offers, the default first
LANGUAGES = ("fr", "en", "ar")
DEFAULT_LANGUAGE = "fr"
RIGHT_TO_LEFT = frozenset({"ar"})
_LOCALES = {"fr": "fr_FR", "en": "en_GB", "ar": "ar"}

DESKTOP = "gn_desktop"
KIOSK = "gn_kiosk"
#: each catalogue and the languages it is translated into (the build script keeps the same list)
CATALOGUES: dict[str, tuple[str, ...]] = {DESKTOP: ("fr", "en"), KIOSK: ("fr", "en", "ar")}


def catalogue_name(lang: str, catalogue: str = DESKTOP) -> str:
    """File name of a compiled catalogue for `lang` (the advisor workspace's by default)."""
    return f"{catalogue}_{lang}.qm"


def load_catalogue(lang: str, catalogue: str | None = None) -> bytes | None:
    """A compiled catalogue for `lang`, or None when it is missing (translations not built).

    With no `catalogue`, the first one translated into `lang` (the workspace's; the kiosk's for Arabic).
    """
    if catalogue is None:
        catalogue = next((name for name, langs in CATALOGUES.items() if lang in langs), DESKTOP)
    ref = resources.files("gn_desktop").joinpath("resources", "i18n", catalogue_name(lang, catalogue))
    return ref.read_bytes() if ref.is_file() else None


def current_language() -> str:
    """The language the interface is in, from Qt's default locale (set by `Translations.set_language`)."""
    code = QLocale().name().split("_")[0]
    return code if code in LANGUAGES else DEFAULT_LANGUAGE


class Translations(QObject):
    """The application's translators: one language at a time, switched live.

    Installing or removing a translator sends `LanguageChange` to every widget, which re-reads its strings; switching
    to Arabic also flips the layout to right-to-left. `uninstall()` restores what was there before (tests, self-test).
    """

    language_changed = Signal(str)

    def __init__(self, app: QApplication, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._app = app
        self._language: str | None = None
        self._translators: list[QTranslator] = []
        self._data: list[bytes] = []  # QTranslator.load(bytes) reads from this buffer: keep it alive
        self._previous_locale = QLocale()
        self._previous_direction = app.layoutDirection()

    @property
    def language(self) -> str | None:
        return self._language

    def set_language(self, lang: str) -> bool:
        """Switch the interface to `lang`; returns False when a catalogue translated into it is missing.

        English is the source language: with no catalogue the interface is still complete, in English.
        """
        if lang not in LANGUAGES:
            raise ValueError(f"unsupported language {lang!r}; choose one of {', '.join(LANGUAGES)}")
        self._remove_translators()
        found = True
        for catalogue, languages in CATALOGUES.items():
            if lang not in languages:
                continue
            name = catalogue_name(lang, catalogue)
            data = load_catalogue(lang, catalogue)
            if data is None:
                log.warning("catalogue %s is missing: run `make translations`", name)
                found = False
                continue
            app_translator = QTranslator(self)
            if app_translator.load(data):
                self._data.append(data)
                self._install(app_translator)
            else:
                log.warning("catalogue %s is unreadable", name)
                found = False
        qt_translator = QTranslator(self)
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt_translator.load(f"qtbase_{lang}", qt_dir):
            self._install(qt_translator)
        QLocale.setDefault(QLocale(_LOCALES[lang]))
        self._app.setLayoutDirection(
            Qt.LayoutDirection.RightToLeft if lang in RIGHT_TO_LEFT else Qt.LayoutDirection.LeftToRight
        )
        self._language = lang
        self.language_changed.emit(lang)
        return found

    def uninstall(self) -> None:
        """Remove this object's translators and restore the previous locale and layout direction."""
        self._remove_translators()
        QLocale.setDefault(self._previous_locale)
        self._app.setLayoutDirection(self._previous_direction)
        self._language = None

    def _install(self, translator: QTranslator) -> None:
        self._app.installTranslator(translator)
        self._translators.append(translator)

    def _remove_translators(self) -> None:
        for translator in self._translators:
            self._app.removeTranslator(translator)
            translator.deleteLater()
        self._translators.clear()
        self._data.clear()
