"""The Qt side of the sync thread: `SyncBridge` and what the status indicator says (`Indicator`, `indicator()`).

`SyncBridge` is the thin Qt adapter over `gn_desktop.sync.scheduler.SyncScheduler`: the scheduler reports from its own
thread, the bridge re-emits on the UI thread through a queued signal (as `TaskRunner` does), and forwards the
window's requests (sync now, a change was made, enrol this PC, a question or a decision for HQ) to the scheduler.
Questions (intake's lookup, the file requests, the likely duplicates) are answered beside a running cycle, on the
scheduler's questions thread; an enrolment and a decision wait for the cycle to end (`SyncScheduler.run_job`).

Threading: main thread only, except `SyncBridge.listener`, which any thread may call.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Signal, Slot

from gn_core.domain.errors import KnownError
from gn_desktop.services.sync_status import SyncStatus
from gn_desktop.sync.engine import Syncer
from gn_desktop.sync.scheduler import Phase, SyncActivity, SyncScheduler

#: what `ask_hq` delivers on the UI thread: the job's result, or None and the French error message
HqAnswer = Callable[[Any, str | None], None]


class SyncBridge(QObject):
    """Delivers the scheduler's reports on the UI thread (`activity_changed`) and forwards the window's requests.

    `scheduler` may be None (tests and screenshots without a sync thread): the page then only shows stored state.
    """

    activity_changed = Signal(object)
    #: an enrolment ended: the French error message, or None when this PC is now enrolled
    enrol_finished = Signal(object)
    _incoming = Signal(object)  # sync thread -> UI thread (queued: the bridge lives on the UI thread)
    _enrolled = Signal(object)  # sync thread -> UI thread
    #: HQ answered the question of duplicates: (DuplicatesResponse or None, French error message or None)
    duplicates_finished = Signal(object, object)
    _duplicates = Signal(object, object)  # sync thread -> UI thread
    _hq_answer = Signal(object, object, object)  # sync thread -> UI thread: ((owner, callback), result, message)

    def __init__(self, scheduler: SyncScheduler | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.scheduler = scheduler
        #: enrols this PC: `enrol_fn(server_url, code)` (set by the composition root; run on the sync thread)
        self.enrol_fn: Callable[[str, str], object] | None = None
        #: asks HQ for this campus's likely duplicates (set by the composition root; run on the questions thread)
        self.duplicates_fn: Callable[[], object] | None = None
        #: a new `Syncer` for each call asked of HQ on demand (set by the composition root; used on the sync or the
        #: questions thread: each call makes its own HTTP client)
        self.syncer_fn: Callable[[], Syncer] | None = None
        self.activity: SyncActivity | None = None
        self._incoming.connect(self._deliver)
        self._enrolled.connect(self._enrol_done)
        self._duplicates.connect(self.duplicates_finished)
        self._hq_answer.connect(self._answer)

    def enrol(self, server_url: str, code: str) -> bool:
        """Enrol this PC with HQ on the sync thread (never beside a cycle); `enrol_finished` tells how it went.
        False when this window has no sync thread."""
        if self.scheduler is None or self.enrol_fn is None:
            return False
        fn = self.enrol_fn
        self.scheduler.run_job(lambda: fn(server_url, code), lambda _r, error: self._enrolled.emit(error))
        return True

    def fetch_duplicates(self) -> bool:
        """Ask HQ for this campus's likely duplicates, beside a running cycle (a question: it writes nothing here);
        `duplicates_finished` brings the answer. False when this window has no sync thread."""
        if self.scheduler is None or self.duplicates_fn is None:
            return False
        fn = self.duplicates_fn
        self.scheduler.run_job(
            fn,
            lambda result, error: self._duplicates.emit(result, None if error is None else error.message),
            beside_cycle=True,
        )
        return True

    def can_ask_hq(self) -> bool:
        """True when this window has a sync thread and this PC is not known to be unenrolled or offline (a question
        then would only wait for the network to fail)."""
        if self.scheduler is None or self.syncer_fn is None:
            return False
        activity = self.activity
        return activity is None or (activity.enrolled is not False and activity.phase != Phase.OFFLINE)

    def ask_hq(
        self, job: Callable[[Syncer], Any], done: HqAnswer, owner: QObject | None = None, *, beside_cycle: bool = False
    ) -> bool:
        """Run `job(syncer)` off the UI thread and the database worker; `done(result, error message)` is called on
        the UI thread — skipped once `owner` (or the object `done` is a method of) is deleted. False when this window
        has no sync thread.

        `beside_cycle`: a question — `job` writes nothing in this PC's store and HQ's answer changes nothing a cycle
        pushes or pulls (a lookup, a list, a new request for a file) — is answered at once, even while a cycle runs.
        Otherwise (a decision) `job` runs on the sync thread between cycles."""
        if self.scheduler is None or self.syncer_fn is None:
            return False
        make = self.syncer_fn
        self.scheduler.run_job(
            lambda: job(make()),
            lambda result, error: self._hq_answer.emit((owner, done), result, None if error is None else error.message),
            beside_cycle=beside_cycle,
        )
        return True

    @Slot(object, object, object)
    def _answer(self, target: tuple[QObject | None, HqAnswer], result: object, message: object) -> None:
        owner, done = target
        owner = owner or getattr(done, "__self__", None)
        if isinstance(owner, QObject) and not shiboken6.isValid(owner):
            return
        done(result, message if isinstance(message, str) else None)

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
