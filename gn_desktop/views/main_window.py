"""The advisor workspace's main window: navigation on the left, one page at a time on the right, status bar below.

Only the home page has content so far; the other sections say they are coming. Threading: main thread only; data
arrives through the `TaskRunner` it is given (the window never opens a unit of work itself).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QAction, QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from gn_desktop.views.home import HomeData, HomeLoader, HomePage
from gn_desktop.views.tasks import TaskError, TaskRunner

# navigation sections, in order (object names; the visible names are translated in `MainWindow._section_name`)
SECTIONS = ("home", "people", "partners", "events", "sync")

DEFAULT_SIZE = QSize(1280, 800)

_STYLE = """
QListWidget#navigation { border: none; background: #1f3a5f; color: white; font-size: 11pt; padding-top: 12px; }
QListWidget#navigation::item { padding: 10px 18px; }
QListWidget#navigation::item:selected { background: #f2f5f9; color: #1f3a5f; font-weight: bold; }
QFrame[card="true"] { background: #f2f5f9; border: 1px solid #d5dde8; border-radius: 8px; }
QLabel#home-notice { background: #fff4d6; border: 1px solid #e8c66a; border-radius: 6px; padding: 8px; }
QStatusBar QLabel { padding: 2px 10px; }
"""


class PlaceholderPage(QWidget):
    """A section that is not built yet: its name and a clear "coming soon"."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(title)
        font = QFont(self.font())
        font.setPointSize(20)
        font.setBold(True)
        self.title.setFont(font)
        self.message = QLabel()
        self.message.setObjectName("placeholder-message")
        message_font = QFont(self.font())
        message_font.setPointSize(14)
        self.message.setFont(message_font)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.addWidget(self.title)
        layout.addSpacing(12)
        layout.addWidget(self.message)
        layout.addWidget(self.detail)
        layout.addStretch(1)
        self._retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.message.setText(self.tr("Coming soon"))
        self.detail.setText(self.tr("This part of the application arrives in a later version."))


class MainWindow(QMainWindow):
    """The advisor workspace. `load_home` is the home page's data loader, run through `runner`."""

    def __init__(
        self,
        runner: TaskRunner,
        load_home: HomeLoader,
        *,
        version: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("main-window")
        self._runner = runner
        self._version = version
        self.resize(DEFAULT_SIZE)
        self.setStyleSheet(_STYLE)

        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setFixedWidth(220)
        self.navigation.setFrameShape(QFrame.Shape.NoFrame)
        self.pages = QStackedWidget()
        self.pages.setObjectName("pages")
        self.home = HomePage(runner, load_home)
        for key in SECTIONS:
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.navigation.addItem(item)
            self.pages.addWidget(self.home if key == "home" else PlaceholderPage(""))
        self.navigation.currentRowChanged.connect(self.pages.setCurrentIndex)
        self.navigation.setCurrentRow(0)

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.navigation)
        layout.addWidget(self.pages, 1)
        self.setCentralWidget(central)

        # Ctrl+1 … Ctrl+5 jump to a section from anywhere in the window.
        for row in range(len(SECTIONS)):
            shortcut = QShortcut(QKeySequence(f"Ctrl+{row + 1}"), self)
            shortcut.activated.connect(lambda row=row: self.go_to(row))

        self.offline_label = QLabel()
        self.offline_label.setObjectName("offline-status")
        self.sync_label = QLabel()
        self.sync_label.setObjectName("sync-status")
        self.version_label = QLabel()
        self.version_label.setObjectName("version-status")
        self.statusBar().addWidget(self.offline_label)
        self.statusBar().addWidget(self.sync_label)
        self.statusBar().addPermanentWidget(self.version_label)

        self.file_menu = self.menuBar().addMenu("")
        self.quit_action = QAction(self)
        self.quit_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Quit))
        self.quit_action.triggered.connect(self.close)
        self.file_menu.addAction(self.quit_action)
        self.help_menu = self.menuBar().addMenu("")
        self.about_action = QAction(self)
        self.about_action.triggered.connect(self._about)
        self.help_menu.addAction(self.about_action)

        self.home.loaded.connect(self._on_home_loaded)
        runner.error.connect(self._on_task_error)
        self._retranslate()
        self.navigation.setFocus()

    def go_to(self, row: int) -> None:
        """Show section `row` (0 = home) and put the keyboard focus on the navigation."""
        self.navigation.setCurrentRow(row)
        self.navigation.setFocus()

    def current_section(self) -> str:
        return SECTIONS[self.pages.currentIndex()]

    # -- translation ---------------------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _section_name(self, key: str) -> str:
        names = {
            "home": self.tr("Home"),
            "people": self.tr("People"),
            "partners": self.tr("Partners"),
            "events": self.tr("Events"),
            "sync": self.tr("Synchronisation"),
        }
        return names[key]

    def _retranslate(self) -> None:
        for row, key in enumerate(SECTIONS):
            item = self.navigation.item(row)
            item.setText(self._section_name(key))
            item.setToolTip(self.tr("%1 (Ctrl+%2)").replace("%1", self._section_name(key)).replace("%2", str(row + 1)))
            page = self.pages.widget(row)
            if isinstance(page, PlaceholderPage):
                page.title.setText(self._section_name(key))
        self.navigation.setAccessibleName(self.tr("Sections"))
        self.file_menu.setTitle(self.tr("&File"))
        self.quit_action.setText(self.tr("&Quit"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.about_action.setText(self.tr("&About"))
        self.offline_label.setText(self.tr("Offline — data stays on this computer"))
        self.version_label.setText(self.tr("Version %1").replace("%1", self._version))
        self._update_title()
        self._update_sync_label()

    def _update_title(self) -> None:
        summary = self.home.summary
        if summary is None:
            self.setWindowTitle("Le Grand Numérique")  # brand name: never translated
        elif summary.campus_name:
            self.setWindowTitle(self.tr("Le Grand Numérique — %1").replace("%1", summary.campus_name))
        else:
            self.setWindowTitle(self.tr("Le Grand Numérique — no campus configured"))

    def _update_sync_label(self) -> None:
        summary = self.home.summary
        if summary is None:
            self.sync_label.clear()
        elif summary.pending_changes == 0:
            self.sync_label.setText(self.tr("No changes waiting to be synchronised"))
        else:
            self.sync_label.setText(self.tr("%n change(s) waiting to be synchronised", "", summary.pending_changes))

    # -- reactions -----------------------------------------------------------------------------------------------

    def _on_home_loaded(self, _summary: HomeData) -> None:
        self._update_title()
        self._update_sync_label()

    def _on_task_error(self, error: TaskError) -> None:
        self.statusBar().showMessage(error.message, 15000)

    def _about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About"),
            self.tr(
                "Le Grand Numérique — campus application, version %1.\n\n"
                "Follow-up of the people the campus accompanies towards digital jobs. "
                "The data stays on this computer and is shared only with the head office."
            ).replace("%1", self._version),
        )
