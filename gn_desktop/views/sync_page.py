"""The "Synchronisation" section: link with HQ, "Synchroniser maintenant", progress, and the conflicts inbox.

`SyncBridge` is the thin Qt adapter over `gn_desktop.sync.scheduler.SyncScheduler`: the scheduler reports from its own
thread, the bridge re-emits on the UI thread through a queued signal (as `TaskRunner` does). The page reads the
stored sync state and the inbox through the task runner (`sync_status.status`, `conflicts.inbox`) and records the
advisor's decisions with `conflicts.decide`; the scheduler is then poked so the decision leaves at the next cycle.

Threading: main thread only, except `SyncBridge.listener`, which any thread may call.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from PySide6.QtCore import QEvent, QLocale, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from gn_core.domain.errors import KnownError
from gn_core.domain.validation import format_phone
from gn_desktop.services import conflicts, sync_status
from gn_desktop.services.conflicts import Inbox, InboxItem
from gn_desktop.services.sync_status import SyncStatus
from gn_desktop.sync.scheduler import Phase, SyncActivity, SyncScheduler
from gn_desktop.views.common import fill, fmt_datetime, heading, selected_id, show_error, table
from gn_desktop.views.record_labels import RecordLabels
from gn_desktop.views.tasks import TaskError, TaskRunner

ENROL_COMMAND = "gn-desktop enrol --server URL --code CODE"

_STYLE = """
QFrame#sync-update-banner { background: #fde2e1; border: 2px solid #b00020; border-radius: 6px; }
QFrame#sync-enrol-box { background: #fff4d6; border: 1px solid #e8c66a; border-radius: 6px; }
QFrame#sync-error-box { background: #fff4d6; border: 1px solid #e8c66a; border-radius: 6px; }
QLabel#sync-state[state="idle"] { color: #2e7d32; font-weight: bold; }
QLabel#sync-state[state="syncing"] { color: #1f3a5f; font-weight: bold; }
QLabel#sync-state[state="offline"] { color: #8a5a00; font-weight: bold; }
QLabel#sync-state[state="error"] { color: #b00020; font-weight: bold; }
QLabel#sync-state[state="unenrolled"] { color: #555555; font-weight: bold; }
QLabel#sync-command { font-family: monospace; background: white; border: 1px solid #d5dde8; padding: 6px; }
QFrame#conflict-detail { background: #f2f5f9; border: 1px solid #d5dde8; border-radius: 8px; }
QTabBar::tab { padding: 6px 14px; }
"""


def load_page(uow: Any) -> tuple[SyncStatus, Inbox]:
    """Worker thread: what the page shows, in one read."""
    return sync_status.status(uow), conflicts.inbox(uow)


class SyncBridge(QObject):
    """Delivers the scheduler's reports on the UI thread (`activity_changed`) and forwards the window's requests.

    `scheduler` may be None (tests and screenshots without a sync thread): the page then only shows stored state.
    """

    activity_changed = Signal(object)
    #: an enrolment ended: the French error message, or None when this PC is now enrolled
    enrol_finished = Signal(object)
    _incoming = Signal(object)  # sync thread -> UI thread (queued: the bridge lives on the UI thread)
    _enrolled = Signal(object)  # sync thread -> UI thread

    def __init__(self, scheduler: SyncScheduler | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.scheduler = scheduler
        #: enrols this PC: `enrol_fn(server_url, code)` (set by the composition root; run on the sync thread)
        self.enrol_fn: Callable[[str, str], object] | None = None
        self.activity: SyncActivity | None = None
        self._incoming.connect(self._deliver)
        self._enrolled.connect(self._enrol_done)

    def enrol(self, server_url: str, code: str) -> bool:
        """Enrol this PC with HQ on the sync thread (never beside a cycle); `enrol_finished` tells how it went.
        False when this window has no sync thread."""
        if self.scheduler is None or self.enrol_fn is None:
            return False
        fn = self.enrol_fn
        self.scheduler.run_job(lambda: fn(server_url, code), lambda _r, error: self._enrolled.emit(error))
        return True

    @Slot(object)
    def _enrol_done(self, error: KnownError | None) -> None:
        if error is None and self.scheduler is not None:
            self.scheduler.sync_now()  # the first sync starts at once (and ends the "not enrolled" idle state)
        self.enrol_finished.emit(None if error is None else error.message)

    def listener(self, activity: SyncActivity) -> None:
        """The scheduler's listener: called on the sync thread."""
        self._incoming.emit(activity)

    @Slot(object)
    def _deliver(self, activity: SyncActivity) -> None:
        self.activity = activity
        self.activity_changed.emit(activity)

    def show(self, activity: SyncActivity) -> None:
        """Show `activity` as if the sync thread had reported it (screenshots with sample data). UI thread only."""
        self._deliver(activity)

    def sync_now(self) -> None:
        if self.scheduler is not None:
            self.scheduler.sync_now()

    def changes_made(self, _changes: object = None) -> None:
        if self.scheduler is not None:
            self.scheduler.changes_made()

    def stop(self) -> None:
        if self.scheduler is not None:
            self.scheduler.stop(timeout=5.0)


class ClickableLabel(QLabel):
    """A status-bar label that opens the synchronisation page when clicked."""

    clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
        super().mouseReleaseEvent(event)


class Indicator(StrEnum):
    """What the status bar says about the link with HQ."""

    UNKNOWN = "unknown"  # no scheduler, or nothing known yet
    UNENROLLED = "unenrolled"
    ONLINE = "online"
    SYNCING = "syncing"
    OFFLINE = "offline"
    ERROR = "error"
    UPDATE = "update"


def indicator(activity: SyncActivity | None, status: SyncStatus | None) -> Indicator:
    if status is not None and not status.enrolled:
        return Indicator.UNENROLLED
    if activity is None:
        return Indicator.UNKNOWN
    if activity.enrolled is False:
        return Indicator.UNENROLLED
    if activity.phase == Phase.SYNCING:
        return Indicator.SYNCING
    if activity.phase == Phase.OFFLINE:
        return Indicator.OFFLINE
    if activity.update_required:
        return Indicator.UPDATE
    if activity.phase == Phase.ERROR:
        return Indicator.ERROR
    return Indicator.ONLINE if activity.last_report is not None else Indicator.UNKNOWN


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
        self.inbox: Inbox | None = None
        self._refreshing = False
        self._again = False

        self.title = heading()
        self.tabs = QTabWidget()
        self.tabs.setObjectName("sync-tabs")
        self.tabs.addTab(self._state_tab(), "")
        self.tabs.addTab(self._conflicts_tab(), "")
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

        self.enrol_box = QFrame()
        self.enrol_box.setObjectName("sync-enrol-box")
        self.enrol_title = heading(size=13)
        self.enrol_text = QLabel()
        self.enrol_text.setWordWrap(True)
        self.enrol_command = QLabel(ENROL_COMMAND)
        self.enrol_command.setObjectName("sync-command")
        self.enrol_command.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.enrol_after = QLabel()
        self.enrol_after.setWordWrap(True)
        self.enrol_server = QLineEdit()
        self.enrol_server.setObjectName("sync-enrol-server")
        self.enrol_server.setPlaceholderText("https://siege.legrandnumerique.example")
        self.enrol_code = QLineEdit()
        self.enrol_code.setObjectName("sync-enrol-code")
        self.enrol_code.setPlaceholderText("XXXX-XXXX-XXXX-XXXX")
        self.enrol_code.returnPressed.connect(self._enrol)
        self.enrol_button = QPushButton()
        self.enrol_button.setObjectName("sync-enrol-button")
        self.enrol_button.clicked.connect(self._enrol)
        self.enrol_message = QLabel()
        self.enrol_message.setObjectName("sync-enrol-message")
        self.enrol_message.setWordWrap(True)
        self.enrol_server_label = QLabel()
        self.enrol_server_label.setBuddy(self.enrol_server)
        self.enrol_code_label = QLabel()
        self.enrol_code_label.setBuddy(self.enrol_code)
        form = QFormLayout()
        form.addRow(self.enrol_server_label, self.enrol_server)
        form.addRow(self.enrol_code_label, self.enrol_code)
        button_row = QHBoxLayout()
        button_row.addWidget(self.enrol_button)
        button_row.addStretch(1)
        form.addRow("", button_row)
        box = QVBoxLayout(self.enrol_box)
        box.addWidget(self.enrol_title)
        box.addWidget(self.enrol_text)
        box.addLayout(form)
        box.addWidget(self.enrol_message)
        box.addWidget(self.enrol_after)
        box.addWidget(self.enrol_command)
        self.enrol_box.hide()
        self.bridge.enrol_finished.connect(self._enrol_finished)

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

    def _conflicts_tab(self) -> QWidget:
        page = QWidget()
        self.inbox_intro = QLabel()
        self.inbox_intro.setWordWrap(True)
        self.conflicts_table = table("conflicts-table", 6, stretch=5)
        self.conflicts_table.setWordWrap(False)  # names on one line; the last column elides
        self.conflicts_table.itemSelectionChanged.connect(self._render_detail)
        self.inbox_empty = QLabel()
        self.inbox_empty.setObjectName("conflicts-empty")
        self.waiting_label = QLabel()
        self.waiting_label.setObjectName("conflicts-waiting")

        self.detail = QFrame()
        self.detail.setObjectName("conflict-detail")
        self.detail_title = heading(size=12)
        self.detail_title.setObjectName("conflict-title")
        self.detail_text = QLabel()
        self.detail_text.setObjectName("conflict-text")
        self.detail_text.setWordWrap(True)
        self.detail_text.setTextFormat(Qt.TextFormat.RichText)
        self.keep_mine = QPushButton()
        self.keep_mine.setObjectName("keep-mine")
        self.keep_mine.clicked.connect(lambda: self.decide("mine"))
        self.keep_theirs = QPushButton()
        self.keep_theirs.setObjectName("keep-theirs")
        self.keep_theirs.clicked.connect(lambda: self.decide("theirs"))
        self.other_value = QLineEdit()
        self.other_value.setObjectName("other-value")
        self.other_value.returnPressed.connect(lambda: self.decide("value"))
        self.keep_typed = QPushButton()
        self.keep_typed.setObjectName("keep-typed")
        self.keep_typed.clicked.connect(lambda: self.decide("value"))
        self.decision_error = QLabel()
        self.decision_error.setProperty("error", True)
        self.decision_error.setWordWrap(True)
        self.decision_error.hide()
        buttons = QHBoxLayout()
        buttons.addWidget(self.keep_mine)
        buttons.addWidget(self.keep_theirs)
        buttons.addSpacing(24)
        buttons.addWidget(self.other_value, 1)
        buttons.addWidget(self.keep_typed)
        detail = QVBoxLayout(self.detail)
        detail.addWidget(self.detail_title)
        detail.addWidget(self.detail_text)
        detail.addLayout(buttons)
        detail.addWidget(self.decision_error)
        self.detail.hide()

        layout = QVBoxLayout(page)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addWidget(self.inbox_intro)
        layout.addWidget(self.conflicts_table, 1)
        layout.addWidget(self.inbox_empty, 1, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.detail)
        layout.addWidget(self.waiting_label)
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
        self._runner.query(load_page, on_done=self._loaded, on_error=self._refresh_failed)

    def _loaded(self, data: tuple[SyncStatus, Inbox]) -> None:
        self.status, inbox = data
        self._render_status()
        self.show_inbox(inbox)
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
        previous = selected_id(self.conflicts_table)
        self.inbox = inbox
        items = inbox.items
        fill(
            self.conflicts_table,
            [
                [
                    item.person_name or self.tr("(not on this campus)"),
                    self.field_name(item),
                    self.value_text(item, item.base, "base"),
                    self.value_text(item, item.mine, "mine"),
                    self.value_text(item, item.theirs, "theirs"),
                    self._when_who(item.theirs_by, item.theirs_campus, item.theirs_at),
                ]
                for item in items
            ],
            [item.id for item in items],
        )
        self.conflicts_table.setVisible(bool(items))
        self.inbox_empty.setVisible(not items)
        row = next((r for r, item in enumerate(items) if item.id == previous), 0 if items else -1)
        if row >= 0:
            self.conflicts_table.selectRow(row)
        self._render_detail()
        self._render_inbox_texts()

    def selected_item(self) -> InboxItem | None:
        cid = selected_id(self.conflicts_table)
        if self.inbox is None or cid is None:
            return None
        return next((i for i in self.inbox.items if i.id == cid), None)

    # -- actions -------------------------------------------------------------------------------------------------

    def sync_now(self) -> None:
        self.bridge.sync_now()

    def decide(self, take: str) -> None:
        item = self.selected_item()
        if item is None:
            return
        typed = self.other_value.text() if take == "value" else None
        if take == "value" and not typed:
            show_error(self.decision_error, self.tr("Type the value to keep, or choose one of the two versions."))
            self.other_value.setFocus()
            return
        for button in (self.keep_mine, self.keep_theirs, self.keep_typed):
            button.setEnabled(False)
        self._runner.run(conflicts.decide, item.id, take, typed, on_done=self._decided, on_error=self._decision_failed)

    def _decided(self, _view: object) -> None:
        self.other_value.clear()
        show_error(self.decision_error, None)
        self.bridge.changes_made()  # the decision leaves at the next cycle
        self.refresh()

    def _decision_failed(self, error: TaskError) -> None:
        show_error(self.decision_error, error.message)
        self._render_detail()

    # -- reactions -----------------------------------------------------------------------------------------------

    def _on_activity(self, activity: SyncActivity) -> None:
        self._render_status()
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
        what = self.tr("Sending") if phase == "push" else self.tr("Receiving")
        loc = QLocale()
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
            _phase, done, total = progress
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

    def _enrol(self) -> None:
        """ "Enrol this computer": check what was typed, then enrol on the sync thread."""
        server = self.enrol_server.text().strip()
        code = self.enrol_code.text().strip()
        if not server.startswith(("https://", "http://")):
            self._enrol_failed(
                self.tr("Head office address: type the full address given by the head office, starting with https://")
            )
            self.enrol_server.setFocus()
            return
        if not code:
            self._enrol_failed(self.tr("Enrolment code: type the code given by the head office (XXXX-XXXX-XXXX-XXXX)."))
            self.enrol_code.setFocus()
            return
        if not self.bridge.enrol(server, code):
            self._enrol_failed(self.tr("This window has no synchronisation: restart the application."))
            return
        self.enrol_button.setEnabled(False)
        self.enrol_message.setText(self.tr("Enrolling this computer…"))

    def _enrol_failed(self, message: str) -> None:
        self.enrol_message.setStyleSheet("color: #b00020;")
        self.enrol_message.setText(message)

    def _enrol_finished(self, error: str | None) -> None:
        self.enrol_button.setEnabled(True)
        if error is not None:
            self._enrol_failed(error)
            return
        self.enrol_code.clear()
        self.enrol_message.setStyleSheet("")
        self.enrol_message.setText(self.tr("This computer is enrolled: the first synchronisation is starting."))
        self.refresh()

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

    def _render_inbox_texts(self) -> None:
        count = len(self.inbox.items) if self.inbox is not None else 0
        self.tabs.setTabText(1, self.tr("Conflicts (%1)").replace("%1", str(count)) if count else self.tr("Conflicts"))
        waiting = self.inbox.waiting if self.inbox is not None else 0
        self.waiting_label.setText(
            self.tr("%n decision(s) waiting to be sent to the head office", "", waiting) if waiting else ""
        )
        self.waiting_label.setVisible(bool(waiting))

    def _render_detail(self) -> None:
        item = self.selected_item()
        self.detail.setVisible(item is not None)
        if item is None:
            return
        person = item.person_name or self.tr("(not on this campus)")
        self.detail_title.setText(f"{person} — {self.field_name(item)}")
        esc = _escape
        if item.hidden:
            body = esc(
                self.tr(
                    "Your role does not allow you to read this information: a campus manager must settle this conflict."
                )
            )
        else:
            rows = [
                (self.tr("Original value"), self.value_text(item, item.base, "base"), ""),
                (
                    self.tr("This campus"),
                    self.value_text(item, item.mine, "mine"),
                    self._who(item.mine_by, None, item.mine_at),
                ),
                (
                    self.tr("Other campus"),
                    self.value_text(item, item.theirs, "theirs"),
                    self._who(item.theirs_by, item.theirs_campus, item.theirs_at),
                ),
            ]
            body = (
                "<table cellspacing='4'>"
                + "".join(
                    f"<tr><td><b>{esc(name)}</b></td><td>&nbsp;{esc(value)}</td>"
                    f"<td style='color:#555'>&nbsp;&nbsp;{esc(who)}</td></tr>"
                    for name, value, who in rows
                )
                + "</table>"
            )
            if item.automatic:
                kept = (
                    self.tr("the head office kept this campus's value (the most recent).")
                    if item.kept == "mine"
                    else self.tr("the head office kept the other campus's value (the most recent).")
                )
                body = (
                    "<p>"
                    + esc(
                        self.tr("Settled automatically: %1 Check it: keep it, or restore the other one.").replace(
                            "%1", kept
                        )
                    )
                    + "</p>"
                    + body
                )
        self.detail_text.setText(body)
        can_decide = not item.hidden
        for button in (self.keep_mine, self.keep_theirs):
            button.setEnabled(can_decide)
        typed_ok = can_decide and item.kind == "field"
        self.other_value.setEnabled(typed_ok)
        self.keep_typed.setEnabled(typed_ok)
        self.other_value.setVisible(item.kind == "field")
        self.keep_typed.setVisible(item.kind == "field")

    def _when_who(self, name: str | None, campus: str | None, at: datetime | None) -> str:
        """For the table: the date first (a long name is elided at the end of the column)."""
        parts = [p for p in (name, campus) if p]
        who = ", ".join(parts) if parts else self.tr("unknown")
        return f"{fmt_datetime(at)} — {who}" if at else who

    def _who(self, name: str | None, campus: str | None, at: datetime | None) -> str:
        parts = [p for p in (name, campus) if p]
        who = ", ".join(parts) if parts else self.tr("unknown")
        return f"{who} — {fmt_datetime(at)}" if at else who

    def field_name(self, item: InboxItem) -> str:
        labels = RecordLabels()
        entity = labels.entity(item.entity)
        if item.kind == "delete" or item.field is None:
            return self.tr("%1 (deleted on one side)").replace("%1", entity)
        field = labels.field(item.field)
        if field is None:
            return f"{entity} — {item.field}"
        return field if item.entity == "person" else f"{entity} — {field}"

    def value_text(self, item: InboxItem, value: Any, side: str) -> str:
        if item.hidden:
            return "•••"
        if item.kind == "delete":
            if side == "base":
                return self.tr("existing record")
            return self.tr("deleted") if value is None else self.tr("kept and changed")
        if item.field == "phone" and isinstance(value, str):
            return format_phone(value)
        return RecordLabels().value(value)

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
        self.enrol_title.setText(self.tr("This computer is not enrolled with the head office"))
        self.enrol_text.setText(
            self.tr(
                "The application works fully without the head office: everything stays on this computer. To share "
                "the campus's work with the head office and the other campuses, ask the head office for an "
                "enrolment code, then type it here with the head office address (once per computer):"
            )
        )
        self.enrol_server_label.setText(self.tr("&Head office address"))
        self.enrol_code_label.setText(self.tr("Enrolment &code"))
        self.enrol_button.setText(self.tr("&Enrol this computer"))
        self.enrol_after.setText(
            self.tr(
                "The synchronisation then starts by itself; the changes made before are sent too. The same can be "
                "done from the command line (technical contact):"
            )
        )
        self.error_title.setText(self.tr("Last error"))
        self.inbox_intro.setText(
            self.tr(
                "The same information was changed here and on another campus before they could synchronise. Choose "
                "the right value for each one: your decision is sent to the head office and to every campus."
            )
        )
        self.conflicts_table.setHorizontalHeaderLabels(
            [
                self.tr("Person"),
                self.tr("Information"),
                self.tr("Original value"),
                self.tr("This campus"),
                self.tr("Other campus"),
                self.tr("Changed there (when, by whom)"),
            ]
        )
        self.conflicts_table.setAccessibleName(self.tr("Conflicts to settle"))
        self.inbox_empty.setText(self.tr("No conflict to settle."))
        self.keep_mine.setText(self.tr("Keep mine"))
        self.keep_theirs.setText(self.tr("Keep the other"))
        self.other_value.setPlaceholderText(self.tr("Or type another value…"))
        self.keep_typed.setText(self.tr("Keep this value"))
        self._render_status()
        self._render_inbox_texts()
        if self.inbox is not None:
            self.show_inbox(self.inbox)


_STATE_STYLE = {
    Indicator.UNKNOWN: "unenrolled",
    Indicator.UNENROLLED: "unenrolled",
    Indicator.ONLINE: "idle",
    Indicator.SYNCING: "syncing",
    Indicator.OFFLINE: "offline",
    Indicator.ERROR: "error",
    Indicator.UPDATE: "error",
}


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
