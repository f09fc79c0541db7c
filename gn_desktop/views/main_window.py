# Over 500 lines: eight sections wired with the lock, menus and the sync indicator; every page is its own module.
"""The advisor workspace's main window: navigation on the left, one page at a time on the right, status bar below.

Sections: home, people (search and a person's file), new registration, partners, events, startups, synchronisation
(state of the link with HQ and the conflicts inbox; its count is shown on the navigation item), and for campus managers
only the pilotage (indicators). The status bar shows the sync indicator: online/offline, last success, changes waiting,
conflicts, errors; a click opens the synchronisation page. Threading: main thread only; data arrives through the
`TaskRunner` it is given (the window never opens a unit of work itself).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from gn_desktop.services import auth, pilotage
from gn_desktop.services.auth import DEFAULT_LOCK_MINUTES, SignedIn
from gn_desktop.sync.scheduler import SyncActivity
from gn_desktop.views.catalogue.page import CataloguePage
from gn_desktop.views.common import ClickableLabel
from gn_desktop.views.events import EventsPage
from gn_desktop.views.files import FilesMenu
from gn_desktop.views.home import HomeData, HomeLoader, HomePage
from gn_desktop.views.i18n import Translations
from gn_desktop.views.intake import IntakePage
from gn_desktop.views.person import PersonPage
from gn_desktop.views.pilotage import PilotagePage
from gn_desktop.views.preferences import PreferencesMenu
from gn_desktop.views.search import SearchPage
from gn_desktop.views.signin import InactivityWatch, SignInPage
from gn_desktop.views.startups import StartupsPage
from gn_desktop.views.sync_bridge import Indicator, SyncBridge, indicator
from gn_desktop.views.sync_page import SyncPage
from gn_desktop.views.tasks import TaskError, TaskRunner

# navigation sections, in order (object names; the visible names are translated in `MainWindow._section_name`)
SECTIONS = ("home", "people", "intake", "partners", "events", "startups", "sync", "pilotage")

DEFAULT_SIZE = QSize(1280, 800)

_STYLE = """
QListWidget#navigation { border: none; background: #1f3a5f; color: white; font-size: 11pt; padding-top: 12px; }
QListWidget#navigation::item { padding: 10px 18px; }
QListWidget#navigation::item:selected { background: #f2f5f9; color: #1f3a5f; font-weight: bold; }
QFrame[card="true"] { background: #f2f5f9; border: 1px solid #d5dde8; border-radius: 8px; }
QLabel#home-notice { background: #fff4d6; border: 1px solid #e8c66a; border-radius: 6px; padding: 8px; }
QStatusBar QLabel { padding: 2px 10px; }
QWidget#nav-column { background: #1f3a5f; }
QLabel#user-label { color: white; padding: 6px 18px; }
QPushButton#lock-button { margin: 4px 18px 16px 18px; }
QLabel[error="true"] { color: #b00020; }
QLabel#offline-status[state="online"] { color: #2e7d32; }
QLabel#offline-status[state="error"] { color: #b00020; font-weight: bold; }
QLabel#conflicts-status { color: #b00020; font-weight: bold; }
QLabel#home-arrival { background: #e3f4e1; border: 2px solid #3d8b37; border-radius: 6px; padding: 8px;
    font-weight: bold; }
QFrame[alert="true"] { background: #e3f4e1; border: 2px solid #3d8b37; }
QWidget#intake-resume { background: #fff4d6; border: 1px solid #e8c66a; border-radius: 6px; }
QListWidget#intake-steps { border: none; background: #f2f5f9; }
QListWidget#intake-steps::item { padding: 8px 10px; }
QListWidget#intake-steps::item:selected { background: #1f3a5f; color: white; }
"""


class MainWindow(QMainWindow):
    """The advisor workspace, behind the sign-in screen. `load_home` is the home page's loader, run through `runner`.

    Nothing but the sign-in screen is shown until someone signs in (`sign_in_as`); every write is then attributed to
    them (`runner.user_id`). After `lock_after_s` seconds without input the window locks back to the sign-in screen
    (what was typed stays; the intake draft is saved first). Another advisor signing in gets a fresh workspace.
    """

    signed_in = Signal(object)
    locked = Signal()

    def __init__(
        self,
        runner: TaskRunner,
        load_home: HomeLoader,
        *,
        version: str,
        lock_after_s: float | None = None,
        sync: SyncBridge | None = None,
        translations: Translations | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("main-window")
        self.sync = sync if sync is not None else SyncBridge(None, self)
        self._report_seen: object = None
        #: changes waiting, from whichever read came last (the home figures or the sync page)
        self._pending: int | None = None
        self._runner = runner
        self._version = version
        self.session: SignedIn | None = None
        self._last_user: str | None = None
        self.resize(DEFAULT_SIZE)
        self.setStyleSheet(_STYLE)

        self.screens = QStackedWidget()
        self.sign_in_page = SignInPage(runner)
        self.sign_in_page.signed_in.connect(self.sign_in_as)
        self.workspace = QWidget()
        self.workspace.setObjectName("workspace")

        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setFixedWidth(220)
        self.navigation.setFrameShape(QFrame.Shape.NoFrame)
        self.pages = QStackedWidget()
        self.pages.setObjectName("pages")
        self.home = HomePage(runner, load_home)
        self.search = SearchPage(runner)
        self.person = PersonPage(runner)
        self.people = QStackedWidget()
        self.people.addWidget(self.search)
        self.people.addWidget(self.person)
        self.intake = IntakePage(runner, self.sync)
        self.partners = CataloguePage(runner)
        self.events = EventsPage(runner)
        self.sync_page = SyncPage(runner, self.sync)
        self.startups = StartupsPage(runner)
        self.pilotage = PilotagePage(runner)
        pages = {
            "home": self.home,
            "people": self.people,
            "intake": self.intake,
            "partners": self.partners,
            "events": self.events,
            "sync": self.sync_page,
            "startups": self.startups,
            "pilotage": self.pilotage,
        }
        for key in SECTIONS:
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.navigation.addItem(item)
            self.pages.addWidget(pages[key])
        self.navigation.currentRowChanged.connect(self._section_changed)
        self.navigation.setCurrentRow(0)

        self.user_label = QLabel()
        self.user_label.setObjectName("user-label")
        self.lock_button = QPushButton()
        self.lock_button.setObjectName("lock-button")
        self.lock_button.clicked.connect(self.lock)
        nav_column = QWidget()
        nav_column.setObjectName("nav-column")
        nav_layout = QVBoxLayout(nav_column)
        nav_layout.setContentsMargins(0, 0, 0, 0)
        nav_layout.setSpacing(0)
        nav_layout.addWidget(self.navigation, 1)
        nav_layout.addWidget(self.user_label)
        nav_layout.addWidget(self.lock_button)
        layout = QHBoxLayout(self.workspace)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(nav_column)
        layout.addWidget(self.pages, 1)
        self.screens.addWidget(self.sign_in_page)
        self.screens.addWidget(self.workspace)
        self.setCentralWidget(self.screens)

        # Ctrl+1 … Ctrl+7 jump to a section; Ctrl+F search, Ctrl+N new registration, Ctrl+L lock.
        for row in range(len(SECTIONS)):
            shortcut = QShortcut(QKeySequence(f"Ctrl+{row + 1}"), self)
            shortcut.activated.connect(lambda row=row: self.go_to(row))
        QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self, self.find_person)
        QShortcut(QKeySequence(QKeySequence.StandardKey.New), self, self.new_intake)
        QShortcut(QKeySequence("Ctrl+L"), self, self.lock)

        self.search.open_person.connect(self.open_person)
        self.search.new_intake.connect(self.new_intake)
        self.person.back.connect(self.find_person)
        self.person.erased.connect(self._person_erased)
        self.home.open_person.connect(self.open_person)
        self.home.intake_from_pre_registration.connect(self.intake_from_pre_registration)
        self.intake.created.connect(self.open_person)
        self.intake.open_person.connect(self.open_person)

        self.inactivity = InactivityWatch(lock_after_s or DEFAULT_LOCK_MINUTES * 60, self)
        self.inactivity.timed_out.connect(self.lock)
        if lock_after_s is None:
            runner.query(auth.lock_minutes, on_done=self._set_lock_minutes)

        self.offline_label = ClickableLabel()
        self.offline_label.setObjectName("offline-status")
        self.last_sync_label = ClickableLabel()
        self.last_sync_label.setObjectName("last-sync-status")
        self.sync_label = ClickableLabel()
        self.sync_label.setObjectName("sync-status")
        self.conflicts_label = ClickableLabel()
        self.conflicts_label.setObjectName("conflicts-status")
        self.requests_label = ClickableLabel()
        self.requests_label.setObjectName("requests-status")
        self.version_label = QLabel()
        self.version_label.setObjectName("version-status")
        for status_label in (
            self.offline_label,
            self.last_sync_label,
            self.sync_label,
            self.conflicts_label,
            self.requests_label,
        ):
            self.statusBar().addWidget(status_label)
            status_label.clicked.connect(self.open_sync)
        self.last_sync_label.hide()
        self.conflicts_label.hide()
        self.requests_label.hide()
        self.statusBar().addPermanentWidget(self.version_label)

        self.file_menu = self.menuBar().addMenu("")
        self.files = FilesMenu(self, self.file_menu, runner)  # import and export, from the window
        self.quit_action = QAction(self)
        self.quit_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Quit))
        self.quit_action.triggered.connect(self.close)
        self.file_menu.addAction(self.quit_action)
        # the interface language (remembered here) and one's own password; `translations`: the app's translators
        self.preferences = PreferencesMenu(self, runner, translations)
        self.preferences.password_changed.connect(self._password_changed)
        self.help_menu = self.menuBar().addMenu("")
        self.about_action = QAction(self)
        self.about_action.triggered.connect(self._about)
        self.help_menu.addAction(self.about_action)

        self.home.loaded.connect(self._on_home_loaded)
        self.sync_page.loaded.connect(self._on_sync_page_loaded)
        self.sync.activity_changed.connect(self._on_sync_activity)
        runner.error.connect(self._on_task_error)
        runner.store_replaced.connect(self._on_store_replaced)
        self._retranslate()
        self.screens.setCurrentWidget(self.sign_in_page)
        self.sign_in_page.reset()

    def _set_lock_minutes(self, minutes: int) -> None:
        self.inactivity.set_timeout(minutes * 60)

    # -- session -------------------------------------------------------------------------------------------------

    def sign_in_as(self, session: SignedIn) -> None:
        """Open the workspace for `session`: its writes are attributed to this user from now on."""
        if self._last_user is not None and self._last_user != session.user_id:
            self._reset_workspace()
        self.session = session
        self._last_user = session.user_id
        self._runner.user_id = session.user_id
        self.person.set_session(session)  # what the person's file offers depends on the role
        self.search.set_role(session.role)
        self.sync_page.set_role(session.role)  # campus managers review the likely duplicates HQ found
        # campus managers only (the service refuses the others too)
        self.navigation.item(SECTIONS.index("pilotage")).setHidden(not pilotage.can_view(session.role))
        self.preferences.set_signed_in(True)
        self.files.set_signed_in(True)
        self.screens.setCurrentWidget(self.workspace)
        self.sync_page.refresh()  # the inbox depends on who reads it (restricted values)
        self.home.activate()
        self.inactivity.start()
        self._retranslate()
        page = self.pages.currentWidget()
        if page is None or page is self.home or page is self.sync_page:
            self.navigation.setFocus()
        else:
            page.setFocus()
        self.signed_in.emit(session)

    def lock(self) -> None:
        """Back to the sign-in screen; nothing more is attributed to the user until they sign in again."""
        if self.session is None:
            return
        if self.intake.dirty:
            self.intake.save_draft_now()  # submitted now, so still attributed to the user
        username = self.session.username
        self.session = None
        self._runner.user_id = None
        self.preferences.set_signed_in(False)
        self.files.set_signed_in(False)
        self.inactivity.stop()
        self.home.deactivate()
        self.screens.setCurrentWidget(self.sign_in_page)
        self.sign_in_page.reset(locked_user=username)
        self.locked.emit()

    def _on_store_replaced(self) -> None:
        """The campus's data came whole from HQ (a new PC's first sync): the signed-in user carries on if their
        account is in it, else signs in again with an account of the campus."""
        session = self.session
        if session is None or session.user_id is None:
            return
        self._runner.query(
            auth.account_active, session.user_id, on_done=lambda active: self._account_checked(session, active)
        )

    def _account_checked(self, session: SignedIn, active: bool) -> None:
        if active or self.session is not session:
            return
        self.lock()
        self.sign_in_page.reset()
        self.sign_in_page.tell(
            self.tr(
                "The campus's data has been received from the head office, and your account is not in it: sign in "
                "with your account of this campus."
            )
        )

    def _reset_workspace(self) -> None:
        """Another advisor signs in: show nothing of the previous one's work."""
        self.intake.clear()
        self.search.field.clear()
        self.search.filters.set_filters()
        self.search.model.set_result([], [])
        self.person.person_id = None
        self.people.setCurrentWidget(self.search)
        self.navigation.setCurrentRow(0)

    # -- navigation ----------------------------------------------------------------------------------------------

    def go_to(self, row: int) -> None:
        """Show section `row` (0 = home) and put the keyboard focus on the navigation."""
        if self.session is None or self.navigation.item(row).isHidden():
            return
        self.navigation.setCurrentRow(row)
        self.navigation.setFocus()

    def _section_changed(self, row: int) -> None:
        if row > 0 and self.navigation.item(row).isHidden():  # reached by End or Down: the nearest entry above
            self.navigation.setCurrentRow(max(r for r in range(row) if not self.navigation.item(r).isHidden()))
            return
        self.pages.setCurrentIndex(row)
        key = SECTIONS[row]
        if self.session is None:
            return
        if key == "partners":
            self.partners.reload()
        elif key == "pilotage":
            self.pilotage.reload()
        elif key == "events":
            self.events.reload()
        elif key == "startups":
            self.startups.reload()
        elif key == "intake":
            self.intake.open()
        elif key == "sync":
            self.sync_page.refresh()

    def find_person(self) -> None:
        """Ctrl+F: the search field, from anywhere in the workspace."""
        if self.session is None:
            return
        self.navigation.setCurrentRow(SECTIONS.index("people"))
        self.people.setCurrentWidget(self.search)
        self.search.field.setFocus()
        self.search.field.selectAll()

    def new_intake(self) -> None:
        """Ctrl+N: the intake wizard."""
        if self.session is None:
            return
        self.navigation.setCurrentRow(SECTIONS.index("intake"))
        self.intake.fields["first_name"].setFocus()

    def open_person(self, person_id: str) -> None:
        if self.session is None:
            return
        self.navigation.setCurrentRow(SECTIONS.index("people"))
        self.people.setCurrentWidget(self.person)
        self.person.show_person(person_id)
        self.person.tabs.setFocus()

    def _person_erased(self, _name: str) -> None:
        """Back to the search, whose results are read again (the erased person leaves them), and the home figures."""
        self.find_person()
        self.search.search_now(self.search.field.text())
        self.home.reload()

    def intake_from_pre_registration(self, pre_registration_id: str) -> None:
        if self.session is None:
            return
        self.navigation.blockSignals(True)
        self.navigation.setCurrentRow(SECTIONS.index("intake"))
        self.pages.setCurrentIndex(SECTIONS.index("intake"))
        self.navigation.blockSignals(False)
        self.intake.start_from_pre_registration(pre_registration_id)
        self.intake.fields["first_name"].setFocus()

    def open_sync(self) -> None:
        """The synchronisation page (a click on the status-bar indicator); its conflicts tab when some wait."""
        if self.session is None:
            return
        self.navigation.setCurrentRow(SECTIONS.index("sync"))
        status = self.sync_page.status
        if status is not None and status.open_conflicts and self.sender() is self.conflicts_label:
            self.sync_page.tabs.setCurrentIndex(1)
        elif self.sender() is self.requests_label:
            self.sync_page.tabs.setCurrentWidget(self.sync_page.requests)

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
            "intake": self.tr("New registration"),
            "partners": self.tr("Partners"),
            "events": self.tr("Events"),
            "sync": self.tr("Synchronisation"),
            "startups": self.tr("Startups"),
            "pilotage": self.tr("Pilotage"),
        }
        return names[key]

    def _retranslate(self) -> None:
        for row, key in enumerate(SECTIONS):
            item = self.navigation.item(row)
            item.setText(self._section_name(key))
            item.setToolTip(self.tr("%1 (Ctrl+%2)").replace("%1", self._section_name(key)).replace("%2", str(row + 1)))
        self.navigation.setAccessibleName(self.tr("Sections"))
        self.file_menu.setTitle(self.tr("&File"))
        self.quit_action.setText(self.tr("&Quit"))
        self.files.retranslate()
        self.help_menu.setTitle(self.tr("&Help"))
        self.about_action.setText(self.tr("&About"))
        self.preferences.retranslate()
        self.lock_button.setText(self.tr("Lock (Ctrl+L)"))
        self.user_label.setText(
            self.tr("Signed in: %1").replace("%1", self.session.display_name) if self.session is not None else ""
        )
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
        """The status bar's sync indicator and the conflicts count on the navigation item."""
        status = self.sync_page.status
        pending = self._pending
        if pending is None:
            self.sync_label.clear()
        elif pending == 0:
            self.sync_label.setText(self.tr("No changes waiting to be synchronised"))
        else:
            self.sync_label.setText(self.tr("%n change(s) waiting to be synchronised", "", pending))

        activity = self.sync.activity
        state = indicator(activity, status)
        texts = {
            Indicator.UNKNOWN: self.tr("Offline — data stays on this computer"),
            Indicator.OFFLINE: self.tr("Offline — data stays on this computer"),
            Indicator.UNENROLLED: self.tr("Not enrolled with the head office — data stays on this computer"),
            Indicator.ONLINE: self.tr("● Online"),
            Indicator.SYNCING: self.sync_page.progress_text() or self.tr("Synchronising…"),
            Indicator.ERROR: self.tr("Synchronisation failed — click for details"),
            Indicator.UPDATE: self.tr("Update needed — synchronisation stopped"),
        }
        self.offline_label.setText(texts[state])
        style = {Indicator.ONLINE: "online", Indicator.ERROR: "error", Indicator.UPDATE: "error"}.get(state, "")
        if self.offline_label.property("state") != style:
            self.offline_label.setProperty("state", style)
            self.offline_label.style().unpolish(self.offline_label)
            self.offline_label.style().polish(self.offline_label)
        error = activity.error if activity is not None else None
        self.offline_label.setToolTip(error or self.tr("Open the synchronisation page"))

        enrolled = status is not None and status.enrolled
        self.last_sync_label.setVisible(enrolled)
        if status is not None and enrolled:
            self.last_sync_label.setText(self.sync_page.since_text(status.last_success_at))
        conflicts = status.open_conflicts if status is not None else 0
        self.conflicts_label.setVisible(conflicts > 0)
        self.conflicts_label.setText(self.tr("%n conflict(s) to settle", "", conflicts) if conflicts else "")
        waiting = self.sync_page.requests_waiting
        self.requests_label.setVisible(waiting > 0)
        self.requests_label.setText(self.tr("%n file request(s) to answer", "", waiting) if waiting else "")
        item = self.navigation.item(SECTIONS.index("sync"))
        name = self._section_name("sync")
        item.setText(f"{name}  ({conflicts})" if conflicts else name)

    def _on_sync_page_loaded(self) -> None:
        if self.sync_page.status is not None:
            self._pending = self.sync_page.status.pending
        self._update_sync_label()

    def _on_sync_activity(self, activity: SyncActivity) -> None:
        self._update_sync_label()
        report = activity.last_report
        if report is not None and report is not self._report_seen:
            self._report_seen = report
            if report.pulled and self.session is not None:
                self.home.reload()  # records received from HQ: the figures may have changed

    # -- reactions -----------------------------------------------------------------------------------------------

    def _on_home_loaded(self, summary: HomeData) -> None:
        self._pending = summary.pending_changes
        self._update_title()
        self._update_sync_label()

    def _password_changed(self) -> None:
        self.statusBar().showMessage(self.tr("Your password has been changed."), 15000)

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
