"""When to sync (no Qt): one background thread that runs `Syncer.cycle()` at the right moments, one cycle at a time.

A cycle runs:

* a few seconds after a local write was committed (`changes_made()`, debounced: a burst of edits gives one cycle, but
  never later than `max_delay_s` after the first edit of the burst);
* every `period_s` while HQ answers;
* as soon as HQ holds something new for this campus, when a `watch` is given: a second thread keeps one long poll
  open at HQ while the campus is online and idle (`Syncer.wait_for_news`), so another campus's edit shows here about a
  second after it reached HQ instead of at the next period;
* at once on `sync_now()` (the "Synchroniser maintenant" button, an enrolment, a conflict decision);
* when the network returns: after an `Offline` failure (or another retryable one) the next attempt waits an
  exponential backoff with full jitter, uniform in [0, min(`backoff_max_s`, `backoff_base_s` · 2^n)] (at least
  `backoff_min_s`), and a cheap `probe` (HQ's /health) runs first, so an unplugged cable costs no full cycle.

Errors no retry can fix (`SyncError.retry` false: update required, not enrolled, re-enrolment needed, no keyring, clock
wrong) stop every automatic attempt until `sync_now()` or a restart. Not enrolled is not an error: the app works fully
offline and the scheduler simply stays idle.

Jobs other than cycles go one of two ways (`run_job`):

* between cycles, on the sync thread (the default): an enrolment, a decision on another campus's request for a file —
  whatever writes in this PC's store or changes what the next cycle pushes or pulls must never overlap a cycle;
* beside the cycle (`beside_cycle=True`), on a thread of their own, `gn-sync-questions`, one at a time in the order
  asked: questions that write nothing in this PC's store and whose answer changes nothing a cycle pushes or pulls
  (intake's lookup, the list of file requests, the likely duplicates, a new request for a file). An advisor's
  question then never waits behind a cycle — a first sync or a catch-up takes tens of seconds. Each question makes
  its own HTTP client and reads the store in a short read transaction of its own (`Syncer` on-demand calls).

The network waits happen on these threads, never on the UI thread nor on the task runner's single database worker (see
docs/architecture.md). State changes are reported to `listener(SyncActivity)` on this thread: the Qt adapter
(`gn_desktop.views.sync_bridge.SyncBridge`) re-emits them on the UI thread. Time and randomness are injectable
(`clock`, `rng`) so tests are deterministic and never sleep.
"""

from __future__ import annotations

import logging
import random
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Protocol

from gn_core.domain.errors import KnownError
from gn_desktop.sync.engine import Progress, SyncReport
from gn_desktop.sync.errors import OFFLINE, NotEnrolled, Offline, SyncError

log = logging.getLogger(__name__)

DEBOUNCE_S = 3.0
MAX_DELAY_S = 15.0
PERIOD_S = 60.0
BACKOFF_BASE_S = 2.0
BACKOFF_MAX_S = 300.0
BACKOFF_MIN_S = 1.0
#: how long HQ holds one long poll, and the pause after a watch that failed or came back at once (an older HQ)
WATCH_S = 25.0
WATCH_PAUSE_S = 10.0

#: what to call with a job's outcome: `done(result, None)`, or `done(None, error)`
Done = Callable[[object, KnownError | None], None]
Job = tuple[Callable[[], object], Done]

#: shown when a cycle failed on a bug (the traceback is in the log)
BUG_MESSAGE = (
    "La synchronisation a échoué sur une erreur inattendue. Les détails sont dans le journal de l'application ; "
    "une nouvelle tentative aura lieu automatiquement."
)


class Phase(StrEnum):
    IDLE = "idle"
    SYNCING = "syncing"
    OFFLINE = "offline"
    ERROR = "error"


@dataclass(frozen=True, slots=True)
class SyncActivity:
    """What the sync thread is doing, as the indicator shows it (a snapshot; a new one at every change)."""

    phase: Phase = Phase.IDLE
    #: False once a cycle said this PC is not enrolled (None: not known yet)
    enrolled: bool | None = None
    #: (phase, done, total) of the running cycle: "push" or "pull"; total 0 when unknown
    progress: tuple[str, int, int] | None = None
    #: the last finished cycle's report (None before the first success)
    last_report: SyncReport | None = None
    #: the last failure's French message (None after a success)
    error: str | None = None
    #: the last failure's class name ("Offline", "UpdateRequired", …), for the page's banners
    error_kind: str | None = None
    #: True when automatic attempts stopped (an error no retry can fix): only "sync now" restarts them
    halted: bool = False
    #: seconds until the next automatic attempt, from when this snapshot was made (None: none planned)
    retry_in: float | None = None

    @property
    def update_required(self) -> bool:
        return self.error_kind == "UpdateRequired"


class Clock(Protocol):
    """Time as the scheduler sees it (the real one is `RealClock`; tests pass a manual clock)."""

    def monotonic(self) -> float: ...

    def wait(self, cond: threading.Condition, timeout: float | None) -> None:
        """Block on `cond` (held by the caller) for at most `timeout` seconds of this clock, or until notified."""


class RealClock:
    def monotonic(self) -> float:
        return time.monotonic()

    def wait(self, cond: threading.Condition, timeout: float | None) -> None:
        cond.wait(timeout)


def backoff_delay(attempt: int, rng: random.Random, base: float, cap: float, floor: float = 0.0) -> float:
    """Exponential backoff with full jitter: uniform in [0, min(cap, base · 2**attempt)], at least `floor`."""
    return max(floor, rng.uniform(0.0, min(cap, base * (2**attempt))))


class SyncScheduler:
    """Owns the sync thread (and the watcher and questions threads). `run_cycle(progress)` runs one cycle (in the app:
    `Syncer(...).cycle()`).

    Thread-safe: `start`, `stop`, `changes_made`, `sync_now`, `run_job` may be called from any thread.
    """

    def __init__(
        self,
        run_cycle: Callable[[Progress], SyncReport],
        *,
        listener: Callable[[SyncActivity], None] | None = None,
        probe: Callable[[], bool] | None = None,
        clock: Clock | None = None,
        rng: random.Random | None = None,
        debounce_s: float = DEBOUNCE_S,
        max_delay_s: float = MAX_DELAY_S,
        period_s: float = PERIOD_S,
        backoff_base_s: float = BACKOFF_BASE_S,
        backoff_max_s: float = BACKOFF_MAX_S,
        backoff_min_s: float = BACKOFF_MIN_S,
        sync_at_start: bool = True,
        watch: Callable[[float], bool] | None = None,
        watch_s: float = WATCH_S,
        watch_pause_s: float = WATCH_PAUSE_S,
    ) -> None:
        self._run_cycle = run_cycle
        self._watch = watch
        self.watch_s = watch_s
        self.watch_pause_s = watch_pause_s
        self._listener = listener or (lambda _a: None)
        self._probe = probe
        self._clock: Clock = clock or RealClock()
        self._rng = rng or random.Random()
        self.debounce_s = debounce_s
        self.max_delay_s = max_delay_s
        self.period_s = period_s
        self.backoff_base_s = backoff_base_s
        self.backoff_max_s = backoff_max_s
        self.backoff_min_s = backoff_min_s

        self._cond = threading.Condition()
        self._thread: threading.Thread | None = None
        self._watcher: threading.Thread | None = None
        self._asker: threading.Thread | None = None
        self._stopping = False
        self._news_due: float | None = None
        self._jobs: deque[Job] = deque()  # run between cycles
        self._questions: deque[Job] = deque()  # run beside the cycle
        # when each kind of trigger is due (monotonic seconds of `clock`; None: not planned)
        self._now_requested = sync_at_start
        self._changes_due: float | None = None
        self._first_change_at: float | None = None
        self._periodic_due: float | None = None
        self._retry_due: float | None = None
        self._failures = 0
        self._halted = False
        self._activity = SyncActivity()
        #: cycles run so far (tests and the bench read it)
        self.cycles = 0
        #: cycles finished (either way): the watcher waits for the next one after reporting news
        self._finished = 0

    # -- any thread ---------------------------------------------------------------------------------------------

    @property
    def activity(self) -> SyncActivity:
        with self._cond:
            return self._activity

    def start(self) -> None:
        with self._cond:
            if self._thread is not None:
                return
            self._stopping = False
            self._thread = threading.Thread(target=self._loop, name="gn-sync", daemon=True)
            self._thread.start()
            self._asker = threading.Thread(target=self._questions_loop, name="gn-sync-questions", daemon=True)
            self._asker.start()
            if self._watch is not None:
                self._watcher = threading.Thread(target=self._watch_loop, name="gn-sync-watch", daemon=True)
                self._watcher.start()

    def stop(self, timeout: float | None = 10.0) -> bool:
        """Ask the threads to end after the running cycle and question (if any); True when both ended within
        `timeout` seconds in all (real time).

        Neither a cycle nor a question blocked on the network can be interrupted: the threads are daemons, so they
        never keep the process alive, and every cycle is safe to cut at any instant (see `gn_desktop.sync.engine`).
        Jobs and questions not started yet are not run (until a next `start`); the answer to a question that ends
        after `stop` was called is dropped (`stop` may not have waited for it: nobody is left to tell).
        """
        with self._cond:
            self._stopping = True
            self._cond.notify_all()
            threads = [t for t in (self._thread, self._asker) if t is not None]
        deadline = None if timeout is None else time.monotonic() + timeout
        for thread in threads:
            thread.join(None if deadline is None else max(0.0, deadline - time.monotonic()))
        ended = not any(t.is_alive() for t in threads)
        if ended:
            with self._cond:
                self._thread = self._asker = None
                # a long poll in flight ends by itself (daemon thread; its answer is ignored once stopping)
                self._watcher = None
        return ended

    def changes_made(self) -> None:
        """A local write was committed: sync soon (debounced). Ignored while automatic attempts are halted."""
        with self._cond:
            if self._halted:
                return
            now = self._clock.monotonic()
            if self._first_change_at is None:
                self._first_change_at = now
            due = min(now + self.debounce_s, self._first_change_at + self.max_delay_s)
            self._changes_due = due
            self._cond.notify_all()

    def run_job(
        self,
        job: Callable[[], object],
        done: Done,
        *,
        beside_cycle: bool = False,
    ) -> None:
        """Run `job`, then `done(result, None)`, or `done(None, error)` when it raised a `KnownError` (a bug: the log
        and `BUG_MESSAGE`); `done` is called on the thread that ran the job.

        By default the job runs on the sync thread between cycles (an enrolment, a decision: never beside a cycle).
        `beside_cycle`: a question — it writes nothing in this PC's store and HQ's answer changes nothing a cycle
        pushes or pulls — runs at once on the questions thread, even while a cycle runs, after the questions asked
        before it. Either way, before `start` it waits for the threads to start."""
        with self._cond:
            (self._questions if beside_cycle else self._jobs).append((job, done))
            self._cond.notify_all()

    def sync_now(self) -> None:
        """Run a cycle as soon as possible (after the running one), even after an error that halted retries."""
        with self._cond:
            self._now_requested = True
            self._halted = False
            self._cond.notify_all()

    # -- the sync thread ----------------------------------------------------------------------------------------

    def _next_due(self) -> float | None:
        """When the next automatic cycle is due (lock held); None when nothing is planned."""
        if self._now_requested:
            return float("-inf")
        if self._halted:
            return None
        dues = [d for d in (self._changes_due, self._periodic_due, self._news_due) if d is not None]
        due = min(dues) if dues else None
        if self._retry_due is not None:
            # while failing, changes wait for the next retry (HQ does not answer anyway)
            due = self._retry_due if due is None else max(due, self._retry_due)
        return due

    def _loop(self) -> None:
        while True:
            with self._cond:
                while True:
                    if self._stopping:
                        return
                    if self._jobs:
                        break
                    now = self._clock.monotonic()
                    due = self._next_due()
                    if due is not None and due <= now:
                        break
                    self._clock.wait(self._cond, None if due is None else due - now)
                if self._jobs:
                    job, done = self._jobs.popleft()
                else:
                    job = None
            if job is not None:
                self._run_job(job, done)
                continue
            with self._cond:
                requested = self._now_requested
                retrying = self._retry_due is not None
                self._now_requested = False
                self._changes_due = self._first_change_at = None
                self._periodic_due = self._news_due = None
            if not requested and retrying and self._probe is not None and not self._probe_ok():
                self._failed(Offline(OFFLINE), probed=True)
                continue
            self._cycle()
            with self._cond:
                self._finished += 1
                self._cond.notify_all()

    def _run_job(self, job: Callable[[], object], done: Done, *, question: bool = False) -> None:
        result: object = None
        error: KnownError | None = None
        try:
            result = job()
        except KnownError as exc:
            error = exc
        except Exception:
            log.exception("bug in a question to HQ" if question else "bug in a job on the sync thread")
            error = KnownError(BUG_MESSAGE)
        if question:
            with self._cond:
                if self._stopping:
                    return  # `stop` did not wait for this answer (bounded): nobody is left to tell
        try:
            done(result, error)
        except Exception:
            log.exception("sync job callback failed")

    # -- the questions thread -------------------------------------------------------------------------------------

    def _questions_loop(self) -> None:
        """The questions thread: runs the jobs asked `beside_cycle`, one at a time in order, whatever the sync thread
        is doing. It waits on the condition alone (no clock: nothing here is timed)."""
        while True:
            with self._cond:
                while not self._stopping and not self._questions:
                    self._cond.wait()
                if self._stopping:
                    return
                job, done = self._questions.popleft()
            self._run_job(job, done, question=True)

    def _watching(self) -> bool:
        """Lock held: whether a long poll is worth keeping open (online, idle, nothing planned sooner)."""
        return (
            self._activity.enrolled is True
            and not self._halted
            and self._retry_due is None
            and self._news_due is None
            and not self._now_requested
            and self._activity.phase == Phase.IDLE
        )

    def _watch_loop(self) -> None:
        """The watcher thread: one long poll at a time while online and idle; news plans a cycle at once."""
        assert self._watch is not None
        while True:
            with self._cond:
                while not self._stopping and not self._watching():
                    self._clock.wait(self._cond, None)
                if self._stopping:
                    return
                seen = self._finished
            started = self._clock.monotonic()
            try:
                news = self._watch(self.watch_s)
            except Exception:  # offline, HQ restarting…: the scheduler's own cycles report it; look again later
                log.debug("sync watch failed", exc_info=True)
                news = None
            with self._cond:
                if self._stopping:
                    return
                if news:
                    self._news_due = self._clock.monotonic()
                    self._cond.notify_all()
                    # look again only once that cycle has pulled the news (else the same news answers at once)
                    while not self._stopping and self._finished == seen:
                        self._clock.wait(self._cond, None)
                elif news is None or self._clock.monotonic() - started < 1.0:
                    self._clock.wait(self._cond, self.watch_pause_s)

    def _probe_ok(self) -> bool:
        try:
            return bool(self._probe and self._probe())
        except Exception:
            log.info("sync probe failed", exc_info=True)
            return False

    def _cycle(self) -> None:
        self._publish(phase=Phase.SYNCING, progress=None, retry_in=None)

        def progress(phase: str, done: int, total: int) -> None:
            self._publish(progress=(phase, done, total))

        try:
            self.cycles += 1
            report = self._run_cycle(progress)
        except NotEnrolled:
            # not an error: the app works offline; nothing to retry until someone enrols this PC
            with self._cond:
                self._halted = True
                self._retry_due = None
                self._failures = 0
            self._publish(
                phase=Phase.IDLE, enrolled=False, progress=None, error=None, error_kind=None, halted=True, retry_in=None
            )
        except SyncError as exc:
            self._failed(exc)
        except KnownError as exc:  # a known refusal from the store (database locked, say): retry later
            self._failed(exc)
        except Exception:
            log.exception("bug during a sync cycle")
            self._failed(None)
        else:
            with self._cond:
                self._failures = 0
                self._retry_due = None
                self._periodic_due = self._clock.monotonic() + self.period_s
            self._publish(
                phase=Phase.IDLE,
                enrolled=True,
                progress=None,
                last_report=report,
                error=report.clock_warning,
                error_kind="ClockWarning" if report.clock_warning else None,
                halted=False,
                retry_in=self.period_s,
            )

    def _failed(self, exc: KnownError | None, *, probed: bool = False) -> None:
        retry = exc is None or not isinstance(exc, SyncError) or exc.retry
        message = exc.message if exc is not None else BUG_MESSAGE
        kind = type(exc).__name__ if exc is not None else "Bug"
        offline = isinstance(exc, Offline)
        with self._cond:
            if retry:
                delay = backoff_delay(
                    self._failures, self._rng, self.backoff_base_s, self.backoff_max_s, self.backoff_min_s
                )
                self._failures += 1
                self._retry_due = self._clock.monotonic() + delay
            else:
                delay = None
                self._halted = True
                self._retry_due = None
                self._failures = 0
        if not probed:
            log.info("sync cycle failed (%s): %s", kind, message)
        self._publish(
            phase=Phase.OFFLINE if offline else Phase.ERROR,
            enrolled=True,
            progress=None,
            error=message,
            error_kind=kind,
            halted=not retry,
            retry_in=delay,
        )

    def _publish(self, **changes: object) -> None:
        with self._cond:
            self._activity = replace(self._activity, **changes)  # type: ignore[arg-type]
            activity = self._activity
            self._cond.notify_all()  # the watcher looks at the phase
        try:
            self._listener(activity)
        except Exception:
            log.exception("sync listener failed")


def hq_probe(server_url: Callable[[], str | None], timeout_s: float = 3.0) -> Callable[[], bool]:
    """A cheap "is HQ reachable?" check: GET /health with a short timeout, no retries (True when not enrolled, so the
    cycle itself says so)."""
    import httpx

    from gn_desktop.sync.client import tls_context

    def probe() -> bool:
        url = server_url()
        if not url:
            return True
        try:
            return httpx.get(f"{url.rstrip('/')}/health", timeout=timeout_s, verify=tls_context()).status_code < 500
        except httpx.HTTPError:
            return False

    return probe
