"""The "Synchronisation" section: link with HQ, "Synchroniser maintenant", progress, the enrolment box while this PC
is not enrolled (`views.sync_enrol`), and the conflicts inbox (`views.conflicts_inbox`) in a second tab.

The page follows the sync thread through `SyncBridge` (`views.sync_bridge`) and reads the stored sync state and the
inbox through the task runner, in one read (`sync_status.sync_page_data`). Once the inbox recorded a decision, the
scheduler is poked so the decision leaves at the next cycle.

Threading: main thread only.
"""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QEvent, QLocale, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from gn_core.domain.enums import UserRole
from gn_desktop.services.conflicts import Inbox
from gn_desktop.services.sync_status import SyncPageData, SyncStatus, sync_page_data
from gn_desktop.sync.scheduler import Phase, SyncActivity
from gn_desktop.views.common import fmt_datetime, heading, show_error
from gn_desktop.views.conflicts_inbox import ConflictsInbox
from gn_desktop.views.duplicates import DuplicatesTab
from gn_desktop.views.move_requests import MoveRequestsTab
from gn_desktop.views.record_labels import RecordLabels
from gn_desktop.views.sync_bridge import Indicator, SyncBridge, indicator
from gn_desktop.views.sync_enrol import EnrolBox
from gn_desktop.views.tasks import TaskError, TaskRunner

_STYLE = """
QFrame#sync-update-banner { background: #fde2e1; border: 2px solid #b00020; border-radius: 6px; }
QFrame#sync-error-box { background: #fff4d6; border: 1px solid #e8c66a; border-radius: 6px; }
QLabel#sync-state[state="idle"] { color: #2e7d32; font-weight: bold; }
QLabel#sync-state[state="syncing"] { color: #1f3a5f; font-weight: bold; }
QLabel#sync-state[state="offline"] { color: #8a5a00; font-weight: bold; }
QLabel#sync-state[state="error"] { color: #b00020; font-weight: bold; }
QLabel#sync-state[state="unenrolled"] { color: #555555; font-weight: bold; }
QTabBar::tab { padding: 6px 14px; }
"""


class SyncPage(QWidget):
    """State of the sync with HQ and the conflicts inbox. Emits `loaded` when what it shows changed (after each
    refresh, and every 30 s as "3 min ago" ages), for the status bar."""

    loaded = Signal()

    def __init__(self, runner: TaskRunner, bridge: SyncBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sync-page")
        self.setStyleSheet(_STYLE)
        self._runner = runner
        self.bridge = bridge
        self.status: SyncStatus | None = None
        self._refreshing = False
        self._again = False

        self.title = heading()
        self.tabs = QTabWidget()
        self.tabs.setObjectName("sync-tabs")
        self.tabs.addTab(self._state_tab(), "")
        self.conflicts = ConflictsInbox(runner)
        self.conflicts.decided.connect(self._decided)
        # the inbox's table (the screenshot command selects a row in it)
        self.conflicts_table: QTableWidget = self.conflicts.conflicts_table
        self.tabs.addTab(self.conflicts, "")
        # what other campuses asked this campus for, and the answers to this campus's own requests
        self.requests = MoveRequestsTab(runner, bridge)
        self.tabs.addTab(self.requests, "")
        #: requests for a file waiting for this campus's answer, as last heard (a cycle, or the tab's list)
        self.requests_waiting = 0
        self.requests.listed.connect(self._requests_listed)
        self.tabs.currentChanged.connect(self._tab_shown)
        # a tab for campus managers only (set_role); owned by the page even while not shown, so Qt deletes it with
        # the page (a parentless widget would outlive the window and its bridge)
        self.duplicates = DuplicatesTab(bridge, self)
        self.duplicates.hide()
        self._role: UserRole | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 16)
        layout.addWidget(self.title)
        layout.addSpacing(8)
        layout.addWidget(self.tabs, 1)

        bridge.activity_changed.connect(self._on_activity)
        # "il y a 3 min" ages without any new data: redraw every 30 s
        self._ticker = QTimer(self)
        self._ticker.setInterval(30_000)
        self._ticker.timeout.connect(self._tick)
        self._ticker.start()
        self._retranslate()
        self._render_status()

    # -- construction --------------------------------------------------------------------------------------------

    def _state_tab(self) -> QWidget:
        page = QWidget()
        self.update_banner = QFrame()
        self.update_banner.setObjectName("sync-update-banner")
        self.update_title = heading(size=13)
        self.update_text = QLabel()
        self.update_text.setWordWrap(True)
        banner = QVBoxLayout(self.update_banner)
        banner.addWidget(self.update_title)
        banner.addWidget(self.update_text)
        self.update_banner.hide()

        self.enrol_box = EnrolBox(self.bridge)
        self.enrol_box.enrolled.connect(self.refresh)
        self.enrol_box.hide()

        self.facts = QFrame()
        self.facts.setProperty("card", True)
        grid = QGridLayout(self.facts)
        grid.setContentsMargins(16, 12, 16, 12)
        grid.setHorizontalSpacing(24)
        grid.setVerticalSpacing(8)
        self.fact_names: dict[str, QLabel] = {}
        self.fact_values: dict[str, QLabel] = {}
        keys = ("state", "campus", "server", "last_success", "pending", "conflicts", "set_aside", "next")
        for row, key in enumerate(keys):
            name = QLabel()
            value = QLabel()
            value.setObjectName(f"sync-{key}")
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.fact_names[key], self.fact_values[key] = name, value
            grid.addWidget(name, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(value, row, 1)
        grid.setColumnStretch(1, 1)
        self.state_value = self.fact_values["state"]

        self.sync_button = QPushButton()
        self.sync_button.setObjectName("sync-now")
        self.sync_button.clicked.connect(self.sync_now)
        self.progress = QProgressBar()
        self.progress.setObjectName("sync-progress")
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.progress_label = QLabel()
        self.progress_label.setObjectName("sync-progress-label")
        action_row = QHBoxLayout()
        action_row.addWidget(self.sync_button)
        action_row.addSpacing(16)
        action_row.addWidget(self.progress, 1)
        action_row.addWidget(self.progress_label)

        self.error_box = QFrame()
        self.error_box.setObjectName("sync-error-box")
        self.error_title = heading(size=12)
        self.error_text = QLabel()
        self.error_text.setObjectName("sync-error")
        self.error_text.setWordWrap(True)
        self.error_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        errors = QVBoxLayout(self.error_box)
        errors.addWidget(self.error_title)
        errors.addWidget(self.error_text)
        self.error_box.hide()

        self.report_label = QLabel()
        self.report_label.setObjectName("sync-report")
        self.report_label.setWordWrap(True)

        layout = QVBoxLayout(page)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.setSpacing(12)
        layout.addWidget(self.update_banner)
        layout.addWidget(self.enrol_box)
        layout.addWidget(self.facts)
        layout.addLayout(action_row)
        layout.addWidget(self.report_label)
        layout.addWidget(self.error_box)
        layout.addStretch(1)
        return page

    # -- data ----------------------------------------------------------------------------------------------------

    @property
    def refreshing(self) -> bool:
        """True while a read of the page's data is on its way."""
        return self._refreshing

    def refresh(self) -> None:
        """Read the stored sync state and the inbox again (through the task runner)."""
        if self._runner.is_shut_down:
            return
        if self._refreshing:
            self._again = True
            return
        self._refreshing = True
        self._runner.query(sync_page_data, on_done=self._loaded, on_error=self._refresh_failed)

    def _loaded(self, data: SyncPageData) -> None:
        self.status = data.status
        self._render_status()
        self.show_inbox(data.inbox)
        self._refreshed()

    def _refresh_failed(self, error: TaskError) -> None:
        show_error(self.error_text, error.message)
        self.error_box.show()
        self._refreshed()

    def _refreshed(self) -> None:
        self._refreshing = False
        self.loaded.emit()
        if self._again:
            self._again = False
            self.refresh()

    def _tick(self) -> None:
        self._render_status()
        self.loaded.emit()

    def show_status(self, status: SyncStatus) -> None:
        """Show `status` (as read from the store); screenshots call it with sample data."""
        self.status = status
        self._render_status()

    def show_inbox(self, inbox: Inbox) -> None:
        """Show the conflicts inbox; screenshots call it with sample data."""
        self.conflicts.show_inbox(inbox)
        self._render_tab_title()

    # -- actions -------------------------------------------------------------------------------------------------

    def sync_now(self) -> None:
        self.bridge.sync_now()

    def _decided(self) -> None:
        self.bridge.changes_made()  # the decision leaves at the next cycle
        self.refresh()

    # -- reactions -----------------------------------------------------------------------------------------------

    def _on_activity(self, activity: SyncActivity) -> None:
        self._render_status()
        report = activity.last_report
        if report is not None and report.requests_waiting is not None and activity.phase != Phase.SYNCING:
            self.requests_waiting = report.requests_waiting
            self._render_tab_title()
        if activity.phase != Phase.SYNCING:
            self.refresh()  # a cycle ended: pending count, last success, conflicts received

    # -- rendering -----------------------------------------------------------------------------------------------

    def state_text(self) -> str:
        activity = self.bridge.activity
        state = indicator(activity, self.status)
        return {
            Indicator.SYNCING: self.tr("Synchronising…"),
            Indicator.UNKNOWN: self.tr("Not synchronised yet since the application started"),
            Indicator.UNENROLLED: self.tr("This computer is not enrolled with the head office"),
            Indicator.ONLINE: self.tr("Online — up to date with the head office"),
            Indicator.OFFLINE: self.tr("Offline — changes stay on this computer and leave when the network returns"),
            Indicator.ERROR: self.tr("Synchronisation failed"),
            Indicator.UPDATE: self.tr("Update needed"),
        }[state]

    def progress_text(self) -> str:
        activity = self.bridge.activity
        if activity is None or activity.progress is None:
            return ""
        phase, done, total = activity.progress
        loc = QLocale()
        if phase == "snapshot":  # bytes of HQ's ready database of the campus (a new PC's first sync)
            if total <= 0:
                return self.tr("Downloading the campus's data…")
            return (
                self.tr("Downloading the campus's data: %1 of %2")
                .replace("%1", loc.formattedDataSize(done, 1, QLocale.DataSizeFormat.DataSizeTraditionalFormat))
                .replace("%2", loc.formattedDataSize(total, 1, QLocale.DataSizeFormat.DataSizeTraditionalFormat))
            )
        what = self.tr("Sending") if phase == "push" else self.tr("Receiving")
        if total > 0:
            return (
                self.tr("%1: %2 / %3")
                .replace("%1", what)
                .replace("%2", loc.toString(done))
                .replace("%3", loc.toString(total))
            )
        return self.tr("%1…").replace("%1", what)

    def since_text(self, moment: datetime | None) -> str:
        """'Synchronised 3 min ago' for the status bar and the page."""
        if moment is None:
            return self.tr("Never synchronised")
        minutes = int((datetime.now(UTC) - moment).total_seconds() // 60)
        if minutes < 1:
            return self.tr("Synchronised just now")
        if minutes < 60:
            return self.tr("Synchronised %n min ago", "", minutes)
        if minutes < 48 * 60:
            return self.tr("Synchronised %n hour(s) ago", "", minutes // 60)
        return self.tr("Synchronised on %1").replace("%1", fmt_datetime(moment))

    def _render_status(self) -> None:
        activity = self.bridge.activity
        status = self.status
        state = indicator(activity, status)
        self.state_value.setText(self.state_text())
        self.state_value.setProperty("state", _STATE_STYLE[state])
        self.state_value.style().unpolish(self.state_value)
        self.state_value.style().polish(self.state_value)
        enrolled = status is None or status.enrolled
        self.enrol_box.setVisible(not enrolled)
        self.update_banner.setVisible(state == Indicator.UPDATE)
        v = self.fact_values
        if status is not None and status.enrolled:
            campus = status.campus_name or ""
            v["campus"].setText(f"{campus} ({status.campus_code})" if status.campus_code else campus)
            v["server"].setText(status.server_url or "")
            when = status.last_success_at
            v["last_success"].setText(
                f"{self.since_text(when)} ({fmt_datetime(when)})" if when else self.since_text(None)
            )
        else:
            for key in ("campus", "server", "last_success"):
                v[key].setText(self.tr("—"))
        pending = status.pending if status is not None else 0
        v["pending"].setText(
            self.tr("%n change(s) waiting to be sent", "", pending) if pending else self.tr("None: everything was sent")
        )
        open_conflicts = status.open_conflicts if status is not None else 0
        v["conflicts"].setText(
            self.tr("%n conflict(s) to settle", "", open_conflicts) if open_conflicts else self.tr("None")
        )
        aside = status.set_aside_count if status is not None else 0
        v["set_aside"].setText(self._set_aside_text(status) if status is not None and aside else "")
        v["set_aside"].setVisible(bool(aside))
        self.fact_names["set_aside"].setVisible(bool(aside))
        v["next"].setText(self._next_text(activity))
        has_scheduler = self.bridge.scheduler is not None
        self.sync_button.setEnabled(has_scheduler and enrolled and state != Indicator.SYNCING)
        progress = activity.progress if activity is not None and activity.phase == Phase.SYNCING else None
        self.progress.setVisible(progress is not None)
        if progress is not None:
            phase, done, total = progress
            if phase == "snapshot":  # bytes: in KiB, within the bar's range
                done, total = done // 1024, total // 1024
            self.progress.setRange(0, max(total, 0))  # 0..0: busy indicator when the total is unknown
            self.progress.setValue(min(done, total) if total else 0)
        self.progress_label.setText(self.progress_text() if progress is not None else "")
        self.report_label.setText(self._report_text(activity))
        message = activity.error if activity is not None and activity.error else None
        if message is None and status is not None and state != Indicator.ONLINE:
            message = status.last_error  # the last failure stored by a previous run or the command line
        if message and state != Indicator.UPDATE:
            self.error_text.setText(message)
            self.error_box.show()
        else:
            self.error_box.hide()

    def _set_aside_text(self, status: SyncStatus) -> str:
        """Records from the head office this computer could not store: how many, what and why (the first few)."""
        labels = RecordLabels()
        lines = [
            self.tr(
                "%n record(s) received from the head office could not be stored on this computer. The rest of the "
                "synchronisation goes on; they are tried again at each synchronisation and the head office is told.",
                "",
                status.set_aside_count,
            )
        ]
        lines += [f"• {labels.entity(a.entity)} — {a.reason}" for a in status.set_aside]
        if status.set_aside_count > len(status.set_aside):
            lines.append(self.tr("… and %n more", "", status.set_aside_count - len(status.set_aside)))
        return "\n".join(lines)

    def _next_text(self, activity: SyncActivity | None) -> str:
        if self.bridge.scheduler is None:
            return self.tr("Automatic synchronisation is not running in this window")
        if activity is None:
            return self.tr("Starting…")
        if activity.enrolled is False:
            return self.tr("None until this computer is enrolled")
        if activity.halted:
            return self.tr("Stopped until the problem is fixed: then press “Synchronise now”")
        if activity.phase == Phase.SYNCING:
            return self.tr("In progress")
        if activity.retry_in is not None and activity.phase in (Phase.OFFLINE, Phase.ERROR):
            return self.tr("New attempt by itself within %n second(s)", "", max(1, round(activity.retry_in)))
        return self.tr("By itself every minute, and a few seconds after each change")

    def _report_text(self, activity: SyncActivity | None) -> str:
        report = activity.last_report if activity is not None else None
        if report is None:
            return ""
        text = self.tr("Last synchronisation: %1 sent, %2 received, %3 new conflict(s).")
        loc = QLocale()
        return (
            text.replace("%1", loc.toString(report.pushed))
            .replace("%2", loc.toString(report.pulled))
            .replace("%3", loc.toString(report.conflicts))
        )

    def set_role(self, role: UserRole | None) -> None:
        """Campus managers (and HQ administrators) also see the likely duplicates HQ found (a tab the others do not
        have)."""
        self._role = role
        index = self.tabs.indexOf(self.duplicates)
        if role in _REVIEWERS and index < 0:
            self.tabs.insertTab(2, self.duplicates, self.tr("Likely duplicates"))
        elif role not in _REVIEWERS and index >= 0:
            self.tabs.removeTab(index)

    def _requests_listed(self) -> None:
        response = self.requests.response
        self.requests_waiting = len(response.incoming) if response is not None else 0
        self._render_tab_title()
        self.loaded.emit()  # the status bar says how many

    def _tab_shown(self, index: int) -> None:
        if self.tabs.widget(index) is self.requests and self.requests.ask_button.isEnabled():
            self.requests.ask()  # asked each time the tab is opened

    def _render_tab_title(self) -> None:
        inbox = self.conflicts.inbox
        count = len(inbox.items) if inbox is not None else 0
        self.tabs.setTabText(1, self.tr("Conflicts (%1)").replace("%1", str(count)) if count else self.tr("Conflicts"))
        waiting = self.requests_waiting
        self.tabs.setTabText(
            self.tabs.indexOf(self.requests),
            self.tr("File requests (%1)").replace("%1", str(waiting)) if waiting else self.tr("File requests"),
        )

    # -- translation ---------------------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.title.setText(self.tr("Synchronisation"))
        self.tabs.setTabText(0, self.tr("State"))
        names = {
            "state": self.tr("State"),
            "campus": self.tr("Campus"),
            "server": self.tr("Head office address"),
            "last_success": self.tr("Last successful synchronisation"),
            "pending": self.tr("Changes waiting"),
            "conflicts": self.tr("Conflicts"),
            "set_aside": self.tr("Set aside"),
            "next": self.tr("Next synchronisation"),
        }
        for key, name in names.items():
            self.fact_names[key].setText(name)
        self.sync_button.setText(self.tr("Synchronise now"))
        self.update_title.setText(self.tr("Update needed"))
        self.update_text.setText(
            self.tr(
                "This version of the application is too old for the head office. Install the new version (ask your "
                "technical contact). Nothing is lost: the changes waiting stay on this computer and will be sent "
                "after the update."
            )
        )
        self.error_title.setText(self.tr("Last error"))
        if (index := self.tabs.indexOf(self.duplicates)) >= 0:
            self.tabs.setTabText(index, self.tr("Likely duplicates"))
        self._render_status()
        self._render_tab_title()


_STATE_STYLE = {
    Indicator.UNKNOWN: "unenrolled",
    Indicator.UNENROLLED: "unenrolled",
    Indicator.ONLINE: "idle",
    Indicator.SYNCING: "syncing",
    Indicator.OFFLINE: "offline",
    Indicator.ERROR: "error",
    Indicator.UPDATE: "error",
}
#: who sees the likely duplicates HQ found
_REVIEWERS = frozenset({UserRole.CAMPUS_MANAGER, UserRole.HQ_ADMIN})
