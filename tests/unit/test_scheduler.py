"""The sync scheduler: when cycles run, how failures back off, what stops them. A manual clock, never a sleep.

Where HQ's behaviour matters (pushing what was typed, noticing the network is back) the cycle is a real `Syncer`
against a real `gn-hq serve` on loopback.
"""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from gn_core.domain.errors import KnownError
from gn_desktop.store.uow import Store
from gn_desktop.sync.client import HqClient
from gn_desktop.sync.engine import Progress, Syncer, SyncReport
from gn_desktop.sync.errors import OFFLINE, UPDATE_REQUIRED, Offline, SyncError, UpdateRequired
from gn_desktop.sync.scheduler import Phase, SyncActivity, SyncScheduler, backoff_delay
from tests.e2e.conftest import Campus, Hq
from tests.support.live_hq import enrolled_campus, ensure_running, running_hq

WAIT_S = 20.0  # real seconds a test waits for the sync thread before failing


class ManualClock:
    """Time moves only when the test says so; records when the sync thread is blocked, and at what time it decided."""

    def __init__(self) -> None:
        self.now = 0.0
        self._conds: set[threading.Condition] = set()
        self._seen: dict[int, float] = {}
        self.state = threading.Condition()
        self.blocked_at: float | None = None  # the clock time the sync thread saw before blocking (None: not blocked)

    def monotonic(self) -> float:
        self._seen[threading.get_ident()] = self.now
        return self.now

    def wait(self, cond: threading.Condition, timeout: float | None) -> None:
        self._conds.add(cond)
        with self.state:
            self.blocked_at = self._seen.get(threading.get_ident())
            self.state.notify_all()
        cond.wait(1.0)  # a real-time safety net only: the scheduler re-checks its due times on every wake-up
        with self.state:
            self.blocked_at = None

    def advance(self, seconds: float) -> None:
        self.now += seconds
        for cond in list(self._conds):
            with cond:
                cond.notify_all()

    def settle(self) -> None:
        """Wait until the sync thread is blocked, having decided with the current time that nothing is due."""
        with self.state:
            assert self.state.wait_for(lambda: self.blocked_at == self.now, WAIT_S), "the sync thread never settled"


class Recorder:
    """The listener: every snapshot the scheduler published."""

    def __init__(self) -> None:
        self.seen: list[SyncActivity] = []
        self.cond = threading.Condition()

    def __call__(self, activity: SyncActivity) -> None:
        with self.cond:
            self.seen.append(activity)
            self.cond.notify_all()

    def wait_for(self, test: Callable[[SyncActivity], bool]) -> SyncActivity:
        with self.cond:
            assert self.cond.wait_for(lambda: bool(self.seen) and test(self.seen[-1]), WAIT_S), self.seen[-1:]
            return self.seen[-1]


class FakeCycle:
    """A cycle that answers from a script of outcomes (a report, or an exception to raise); counts its calls."""

    def __init__(self, *outcomes: SyncReport | Exception) -> None:
        self.outcomes = list(outcomes)
        self.calls = 0
        self.cond = threading.Condition()

    def __call__(self, progress: Progress) -> SyncReport:
        with self.cond:
            self.calls += 1
            self.cond.notify_all()
            outcome = self.outcomes.pop(0) if self.outcomes else SyncReport()
        if isinstance(outcome, Exception):
            raise outcome
        return outcome

    def wait_calls(self, n: int) -> None:
        with self.cond:
            assert self.cond.wait_for(lambda: self.calls >= n, WAIT_S), f"{self.calls} cycle(s), expected {n}"


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


@pytest.fixture
def make(clock: ManualClock) -> Iterator[Callable[..., tuple[SyncScheduler, Recorder]]]:
    made: list[SyncScheduler] = []

    def build(cycle: Callable[[Progress], SyncReport], **options: object) -> tuple[SyncScheduler, Recorder]:
        recorder = Recorder()
        options.setdefault("sync_at_start", False)
        options.setdefault("rng", random.Random(7))
        scheduler = SyncScheduler(cycle, listener=recorder, clock=clock, **options)  # type: ignore[arg-type]
        made.append(scheduler)
        scheduler.start()
        return scheduler, recorder

    yield build
    for s in made:
        assert s.stop(WAIT_S), "the sync thread did not stop"


# -- backoff -----------------------------------------------------------------------------------------------------


def test_backoff_is_exponential_with_full_jitter_and_capped() -> None:
    rng = random.Random(1)
    for attempt in range(12):
        ceiling = min(300.0, 2.0 * 2**attempt)
        delays = [backoff_delay(attempt, rng, 2.0, 300.0, 1.0) for _ in range(200)]
        assert all(1.0 <= d <= max(ceiling, 1.0) for d in delays)
        # full jitter: spread over the whole window, not bunched at its top
        assert min(delays) < ceiling * 0.2 + 1.0 and max(delays) > ceiling * 0.8
    assert max(backoff_delay(30, rng, 2.0, 300.0) for _ in range(200)) <= 300.0


def test_offline_failures_are_retried_later_and_later_up_to_the_cap(
    make: Callable[..., tuple[SyncScheduler, Recorder]], clock: ManualClock
) -> None:
    cycle = FakeCycle(*[Offline(OFFLINE) for _ in range(12)])
    scheduler, seen = make(cycle, backoff_base_s=2.0, backoff_max_s=60.0, backoff_min_s=0.5)
    scheduler.sync_now()
    ceilings = []
    for n in range(1, 11):
        cycle.wait_calls(n)
        activity = seen.wait_for(lambda a, n=n: a.phase == Phase.OFFLINE and cycle.calls == n)
        assert activity.error == OFFLINE and not activity.halted
        assert activity.retry_in is not None
        ceiling = min(60.0, 2.0 * 2 ** (n - 1))
        assert 0.5 <= activity.retry_in <= max(ceiling, 0.5)
        ceilings.append(activity.retry_in)
        clock.settle()
        assert cycle.calls == n  # nothing before the delay is over
        clock.advance(activity.retry_in)
    assert max(ceilings) <= 60.0
    assert len(set(ceilings)) > 5  # jittered, not a fixed ladder


# -- triggers ----------------------------------------------------------------------------------------------------


def test_a_committed_change_triggers_one_cycle_after_the_debounce(
    make: Callable[..., tuple[SyncScheduler, Recorder]], clock: ManualClock
) -> None:
    cycle = FakeCycle()
    scheduler, _seen = make(cycle, debounce_s=3.0, max_delay_s=15.0, period_s=600.0)
    clock.settle()
    scheduler.changes_made()
    clock.advance(2.0)
    scheduler.changes_made()  # a burst: the cycle waits for the typing to pause
    clock.advance(2.5)
    clock.settle()
    assert cycle.calls == 0
    clock.advance(0.6)
    cycle.wait_calls(1)
    clock.settle()
    assert cycle.calls == 1


def test_changes_made_without_pause_still_sync_within_the_maximum_delay(
    make: Callable[..., tuple[SyncScheduler, Recorder]], clock: ManualClock
) -> None:
    cycle = FakeCycle()
    scheduler, _seen = make(cycle, debounce_s=3.0, max_delay_s=15.0, period_s=600.0)
    clock.settle()
    for _ in range(7):  # an edit every 2 s for 14 s
        scheduler.changes_made()
        clock.advance(2.0)
        clock.settle()
        assert cycle.calls == 0
    scheduler.changes_made()
    clock.advance(1.0)  # 15 s after the first edit
    cycle.wait_calls(1)


def test_a_successful_cycle_is_repeated_every_period(
    make: Callable[..., tuple[SyncScheduler, Recorder]], clock: ManualClock
) -> None:
    cycle = FakeCycle()
    scheduler, seen = make(cycle, period_s=60.0)
    scheduler.sync_now()
    cycle.wait_calls(1)
    assert seen.wait_for(lambda a: a.phase == Phase.IDLE and a.last_report is not None).enrolled
    clock.settle()
    clock.advance(59.0)
    clock.settle()
    assert cycle.calls == 1
    clock.advance(1.0)
    cycle.wait_calls(2)


def test_an_error_no_retry_can_fix_stops_automatic_cycles_until_sync_now(
    make: Callable[..., tuple[SyncScheduler, Recorder]], clock: ManualClock
) -> None:
    cycle = FakeCycle(UpdateRequired(UPDATE_REQUIRED))
    scheduler, seen = make(cycle, period_s=60.0)
    scheduler.sync_now()
    activity = seen.wait_for(lambda a: a.phase == Phase.ERROR)
    assert activity.update_required and activity.halted and activity.retry_in is None
    assert activity.error == UPDATE_REQUIRED
    clock.settle()
    scheduler.changes_made()
    clock.advance(3600.0)
    clock.settle()
    assert cycle.calls == 1  # neither the hour, nor the change, nor the period retried
    scheduler.sync_now()
    cycle.wait_calls(2)
    activity = seen.wait_for(lambda a: a.phase == Phase.IDLE)
    assert not activity.halted and activity.error is None and activity.error_kind is None


def test_an_unexpected_error_is_retried_with_a_plain_french_message(
    make: Callable[..., tuple[SyncScheduler, Recorder]], clock: ManualClock
) -> None:
    refused = SyncError("Le siège a refusé la demande (500) : erreur interne")
    cycle = FakeCycle(refused, RuntimeError("bug"))
    scheduler, seen = make(cycle, backoff_base_s=2.0, backoff_min_s=1.0)
    scheduler.sync_now()
    first = seen.wait_for(lambda a: a.phase == Phase.ERROR and cycle.calls == 1)
    assert first.error == refused.message and not first.halted and first.retry_in is not None
    clock.settle()
    clock.advance(first.retry_in)
    cycle.wait_calls(2)
    second = seen.wait_for(lambda a: a.phase == Phase.ERROR and cycle.calls == 2 and a.error_kind == "Bug")
    assert second.error is not None and "journal" in second.error and not second.halted


def test_never_two_cycles_at_once_and_requests_during_a_cycle_give_one_more(
    make: Callable[..., tuple[SyncScheduler, Recorder]], clock: ManualClock
) -> None:
    running = 0
    most = 0
    calls = 0
    release = threading.Event()
    entered = threading.Event()
    lock = threading.Lock()

    def slow_cycle(progress: Progress) -> SyncReport:
        nonlocal running, most, calls
        with lock:
            running += 1
            calls += 1
            most = max(most, running)
        entered.set()
        if calls == 1:
            assert release.wait(WAIT_S)
        with lock:
            running -= 1
        return SyncReport()

    scheduler, seen = make(slow_cycle, debounce_s=0.0, period_s=600.0)
    scheduler.sync_now()
    assert entered.wait(WAIT_S)
    pokers = [
        threading.Thread(target=lambda: [f() for f in (scheduler.sync_now, scheduler.changes_made) * 20])
        for _ in range(4)
    ]
    for t in pokers:
        t.start()
    for t in pokers:
        t.join()
    clock.advance(1.0)
    release.set()
    seen.wait_for(lambda a: calls == 2 and a.phase == Phase.IDLE)
    clock.settle()
    assert most == 1 and calls == 2


# -- questions beside the cycle ----------------------------------------------------------------------------------


class HeldCycle:
    """A cycle that runs until the test releases it (in the app: a first sync or a catch-up, tens of seconds)."""

    def __init__(self) -> None:
        self.entered = threading.Event()
        self.release = threading.Event()
        self.ended = threading.Event()

    def __call__(self, progress: Progress) -> SyncReport:
        self.entered.set()
        assert self.release.wait(WAIT_S), "the test never released the cycle"
        self.ended.set()
        return SyncReport()


class Answers:
    """`done` callbacks: what each job answered, on which thread, in the order the answers came."""

    def __init__(self) -> None:
        self.got: list[tuple[str, object, KnownError | None, str]] = []
        self.cond = threading.Condition()

    def done(self, name: str) -> Callable[[object, KnownError | None], None]:
        def record(result: object, error: KnownError | None) -> None:
            with self.cond:
                self.got.append((name, result, error, threading.current_thread().name))
                self.cond.notify_all()

        return record

    def wait_for(self, name: str) -> tuple[str, object, KnownError | None, str]:
        with self.cond:
            assert self.cond.wait_for(lambda: name in self.names(), WAIT_S), f"no answer to {name}: {self.got}"
            return next(g for g in self.got if g[0] == name)

    def names(self) -> list[str]:
        return [g[0] for g in self.got]


def test_a_question_is_answered_beside_a_running_cycle_while_an_enrolment_waits_for_its_end(
    make: Callable[..., tuple[SyncScheduler, Recorder]],
) -> None:
    cycle = HeldCycle()
    scheduler, _seen = make(cycle)
    answers = Answers()

    def offline() -> object:
        raise Offline(OFFLINE)

    scheduler.sync_now()
    assert cycle.entered.wait(WAIT_S)
    try:
        scheduler.run_job(lambda: "enrolled", answers.done("enrol"))  # must never overlap a cycle
        scheduler.run_job(lambda: "followed at Bobigny", answers.done("lookup"), beside_cycle=True)
        scheduler.run_job(offline, answers.done("requests"), beside_cycle=True)
        lookup = answers.wait_for("lookup")
        requests = answers.wait_for("requests")
        assert not cycle.ended.is_set() and scheduler.activity.phase == Phase.SYNCING  # answered during the cycle
        assert lookup[1:] == ("followed at Bobigny", None, "gn-sync-questions")
        assert requests[1] is None and isinstance(requests[2], Offline) and requests[2].message == OFFLINE
        assert answers.names() == ["lookup", "requests"]  # in the order asked; the enrolment still waits
    finally:
        cycle.release.set()
    enrol = answers.wait_for("enrol")
    assert enrol[1:] == ("enrolled", None, "gn-sync")  # on the sync thread, once the cycle ended
    assert cycle.ended.is_set() and answers.names() == ["lookup", "requests", "enrol"]


def test_stopping_does_not_wait_long_for_a_question_in_flight_and_drops_its_answer(
    make: Callable[..., tuple[SyncScheduler, Recorder]],
) -> None:
    scheduler, _seen = make(FakeCycle())
    answers = Answers()
    asked, hq_answers = threading.Event(), threading.Event()

    def slow_question() -> object:  # HQ slow to answer (the client's timeouts bound it in the app)
        asked.set()
        assert hq_answers.wait(WAIT_S)
        return "too late"

    scheduler.run_job(slow_question, answers.done("slow"), beside_cycle=True)
    assert asked.wait(WAIT_S)
    started = time.monotonic()
    assert not scheduler.stop(0.2)  # the question still runs: the app closes anyway (daemon threads)
    assert time.monotonic() - started < WAIT_S / 4
    hq_answers.set()
    assert scheduler.stop(WAIT_S)
    assert answers.got == []  # nobody is left to tell


def test_sync_at_start_runs_one_cycle_at_once(
    make: Callable[..., tuple[SyncScheduler, Recorder]], clock: ManualClock
) -> None:
    cycle = FakeCycle()
    make(cycle, sync_at_start=True)
    cycle.wait_calls(1)


# -- with a real HQ ----------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def hq(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Hq]:
    with running_hq(tmp_path_factory.mktemp("hq"), tmp_path_factory.mktemp("keyring") / "keyring.json") as server:
        yield server


def _real(store: Store, campus: Campus) -> Callable[[Progress], SyncReport]:
    def cycle(progress: Progress) -> SyncReport:
        # no retries inside the client: the scheduler's backoff is what is under test
        return Syncer(
            store, campus.data_dir, client_factory=lambda u, t: HqClient(u, t, retries=0), progress=progress
        ).cycle()

    return cycle


def _probe(url: str) -> Callable[[], bool]:
    import httpx

    def probe() -> bool:
        try:
            return httpx.get(f"{url}/health", timeout=2).status_code == 200
        except httpx.TransportError:
            return False

    return probe


def test_a_person_added_offline_reaches_hq_after_the_debounce(
    hq: Hq, tmp_path: Path, make: Callable[..., tuple[SyncScheduler, Recorder]], clock: ManualClock
) -> None:
    campus = enrolled_campus(ensure_running(hq), tmp_path / "sdn")
    store = campus.store()
    try:
        scheduler, seen = make(_real(store, campus), debounce_s=3.0, period_s=600.0)
        scheduler.sync_now()
        seen.wait_for(lambda a: a.phase == Phase.IDLE and a.last_report is not None)
        clock.settle()
        pid = campus.add_person("Awa", "Diallo")
        assert campus.pending() == 1
        scheduler.changes_made()
        clock.advance(3.0)
        seen.wait_for(lambda a: a.phase == Phase.IDLE and a.last_report is not None and a.last_report.pushed == 1)
        assert campus.pending() == 0
        assert [row[:3] for row in campus.hq_people()] == [(pid, "Awa", "Diallo")]
        assert any(a.progress is not None and a.progress[0] == "push" for a in seen.seen)
    finally:
        store.dispose()


def test_when_hq_comes_back_the_pending_change_leaves_by_itself(
    hq: Hq, tmp_path: Path, make: Callable[..., tuple[SyncScheduler, Recorder]], clock: ManualClock
) -> None:
    campus = enrolled_campus(ensure_running(hq), tmp_path / "sdn")
    campus.sync()  # the campus's reference data (its own campus record) arrives first
    store = campus.store()
    try:
        scheduler, seen = make(_real(store, campus), probe=_probe(hq.url), debounce_s=1.0, period_s=600.0)
        hq.stop()
        pid = campus.add_person("Karim", "Benali")
        scheduler.changes_made()
        clock.advance(1.0)
        offline = seen.wait_for(lambda a: a.phase == Phase.OFFLINE)
        assert offline.error == OFFLINE and not offline.halted and offline.retry_in is not None
        clock.settle()
        clock.advance(offline.retry_in)  # still down: the probe fails, no cycle, a longer wait
        later = seen.wait_for(lambda a: a.phase == Phase.OFFLINE and a is not offline)
        assert later.retry_in is not None
        clock.settle()
        assert campus.pending() == 1
        hq.start()
        clock.advance(later.retry_in)
        back = seen.wait_for(lambda a: a.phase == Phase.IDLE and a.last_report is not None)
        assert back.last_report is not None and back.last_report.pushed == 1 and back.error is None
        assert campus.pending() == 0
        assert [row[0] for row in campus.hq_people()] == [pid]
    finally:
        store.dispose()


def test_a_pc_never_enrolled_stays_idle_without_error(
    tmp_path: Path, make: Callable[..., tuple[SyncScheduler, Recorder]], clock: ManualClock
) -> None:
    store = Store.open(tmp_path / "campus")
    try:
        scheduler, seen = make(lambda progress: Syncer(store, tmp_path / "campus", progress=progress).cycle())
        scheduler.sync_now()
        idle = seen.wait_for(lambda a: a.enrolled is False)
        assert idle.phase == Phase.IDLE and idle.error is None and idle.halted
        clock.settle()
        scheduler.changes_made()
        clock.advance(3600.0)
        clock.settle()
        assert scheduler.cycles == 1
    finally:
        store.dispose()


def test_an_online_pc_sees_another_pcs_edit_at_once_not_at_the_next_period(hq: Hq, tmp_path: Path) -> None:
    from tests.e2e.conftest import enrol_second_pc

    a = enrolled_campus(ensure_running(hq), tmp_path / "a")
    b = enrol_second_pc(a, tmp_path, "b")
    a.sync()
    store = b.store()
    seen = Recorder()
    scheduler = SyncScheduler(
        _real(store, b),
        listener=seen,
        period_s=3600.0,  # without the watch, the edit would wait an hour
        watch=lambda timeout: Syncer(store, b.data_dir).wait_for_news(timeout),
        watch_s=10.0,
    )
    scheduler.start()
    try:
        first = seen.wait_for(lambda x: x.phase == Phase.IDLE and x.last_report is not None).last_report
        pid = a.add_person("Léa", "Nguyen")
        a.sync()
        seen.wait_for(lambda x: x.phase == Phase.IDLE and x.last_report is not None and x.last_report is not first)
        person = b.person(pid)
        assert person is not None and person["last_name"] == "Nguyen"
        assert scheduler.cycles == 2
    finally:
        assert scheduler.stop(WAIT_S)
        store.dispose()
