"""HQ's throttles (gn_hq.services.throttle), on a fake clock. The password guessing guard: free tries, then waits
that double, a lockout, a success that clears the name, and failures forgotten after an hour without one. The person
lookups' rate per device: a burst, then one per refill, in memory and in the database — one limit for every HQ
process, which two workers spending at the same moment cannot both pass."""

from __future__ import annotations

import threading
from collections.abc import Callable

import pytest
from sqlalchemy import select

from gn_hq.db.models import lookup_throttle_table as lookup_t
from gn_hq.services.context import Hq
from gn_hq.services.throttle import (
    FORGET_AFTER_S,
    FREE_FAILURES_ACCOUNT,
    LOCKOUT_S,
    LOOKUP_BURST,
    LOOKUP_FORGET_AFTER_S,
    DatabaseBuckets,
    DatabaseCounts,
    LookupLimiter,
    LookupThrottled,
    SignInGuard,
    Throttled,
)


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def waits(guard: SignInGuard, name: str, address: str | None = None) -> float | None:
    try:
        guard.check(name, address)
    except Throttled as exc:
        return exc.retry_after
    return None


def test_waits_grow_after_the_free_tries_up_to_a_lockout_and_a_success_clears_them() -> None:
    clock = Clock()
    guard = SignInGuard(now=clock)
    seen = []
    for _ in range(16):
        guard.failed(" Admin.Siege", None)
        seen.append(waits(guard, "ADMIN.SIEGE"))  # names are compared case-folded, trimmed
        clock.now += 0.5  # tries keep coming, faster than the waits
    assert seen[:3] == [None, None, None]
    assert seen[3:7] == [1, 2, 4, 8]
    assert seen[-1] == LOCKOUT_S
    clock.now += LOCKOUT_S + 1
    assert waits(guard, "admin.siege") is None
    guard.succeeded("admin.siege")
    guard.failed("admin.siege", None)
    assert waits(guard, "admin.siege") is None  # counting starts again


def test_an_address_trying_many_names_is_slowed_down_too_and_old_failures_are_forgotten() -> None:
    clock = Clock()
    guard = SignInGuard(now=clock)
    for i in range(10):
        guard.failed(f"nom{i}", "203.0.113.7")
    assert waits(guard, "another", "203.0.113.7") is None
    guard.failed("nom10", "203.0.113.7")
    assert waits(guard, "another", "203.0.113.7") == 1
    assert waits(guard, "another", "198.51.100.1") is None
    clock.now += FORGET_AFTER_S + 1
    guard.failed("nom11", "203.0.113.7")
    assert waits(guard, "another", "203.0.113.7") is None


def test_at_most_two_hashes_run_at_once() -> None:
    guard = SignInGuard(max_hashes=2, wait_for_hash_s=0.05)
    release = threading.Event()
    inside = threading.Barrier(3)

    def hold() -> None:
        with guard.hashing():
            inside.wait()
            release.wait()

    threads = [threading.Thread(target=hold) for _ in range(2)]
    for t in threads:
        t.start()
    inside.wait()
    with pytest.raises(Throttled), guard.hashing():
        pass
    release.set()
    for t in threads:
        t.join()
    with guard.hashing():
        pass


def test_failures_count_for_every_hq_process_so_workers_do_not_loosen_the_limit(make_hq: Callable[..., Hq]) -> None:
    one, two = make_hq(), make_hq()  # two `gn-hq serve` workers on one database
    for n in range(FREE_FAILURES_ACCOUNT + 1):  # a guesser spreading tries over the workers
        (one if n % 2 else two).sign_in_guard.failed("Awa.Diallo", f"198.51.100.{n}")
    for guard in (one.sign_in_guard, two.sign_in_guard):
        assert waits(guard, "awa.diallo", "203.0.113.9") == 1  # the name waits, from any address, on any worker
        assert waits(guard, "karim", "198.51.100.1") is None  # an address alone is allowed more tries
    one.sign_in_guard.succeeded("awa.diallo")  # the holder signs in on one worker: every worker lets them in
    assert waits(two.sign_in_guard, "awa.diallo", "203.0.113.9") is None


@pytest.mark.parametrize("db_url", [pytest.param("postgres", marks=pytest.mark.postgres)], indirect=True)
def test_a_failed_sign_in_is_counted_while_a_push_holds_the_writer(make_hq: Callable[..., Hq]) -> None:
    """Counting a failure takes a short transaction of its own, not HQ's writer transaction: a sign-in that fails
    while a large push is being applied neither waits for it nor holds up the pushes behind it (PostgreSQL; SQLite
    has one writer for everything)."""
    pushing, signing_in = make_hq(), make_hq()
    counted = threading.Event()

    def fail() -> None:
        signing_in.sign_in_guard.failed("awa.diallo", "198.51.100.7")
        counted.set()

    with pushing.write():  # a push being applied: HQ's write lock is held
        thread = threading.Thread(target=fail)
        thread.start()
        assert counted.wait(10), "the failure is counted while the writer holds its lock"
    thread.join()
    assert DatabaseCounts(pushing).get(["account:awa.diallo"])["account:awa.diallo"].failures == 1


# --- person lookups ---------------------------------------------------------------------------------------------


def lookup_waits(limiter: LookupLimiter, device: str) -> int | None:
    """None when the lookup was allowed (and spent), else the Retry-After it was refused with."""
    try:
        limiter.take(device)
    except LookupThrottled as exc:
        return exc.retry_after
    return None


def check_the_bucket_rule(limiter: LookupLimiter, clock: Clock) -> None:
    """`limiter` allows 3 at once, then one every 10 s."""
    assert [lookup_waits(limiter, "pc-1") for _ in range(4)] == [None, None, None, 10]
    assert lookup_waits(limiter, "pc-2") is None  # another device has its own bucket
    clock.now += 4
    assert lookup_waits(limiter, "pc-1") == 6  # refused lookups spend nothing: the wait only shrinks
    clock.now += 6
    assert [lookup_waits(limiter, "pc-1") for _ in range(2)] == [None, 10]
    clock.now += 25  # two and a half earned
    assert [lookup_waits(limiter, "pc-1") for _ in range(3)] == [None, None, 5]
    clock.now += 1000  # full again, and no more than full
    assert [lookup_waits(limiter, "pc-1") for _ in range(4)] == [None, None, None, 10]
    clock.now -= 100  # the wall clock stepped back: it earns nothing, and takes nothing back
    assert lookup_waits(limiter, "pc-1") == 10
    clock.now += 110
    assert [lookup_waits(limiter, "pc-1") for _ in range(2)] == [None, 10]


def test_lookups_get_a_burst_then_one_per_refill_in_memory() -> None:
    clock = Clock()
    check_the_bucket_rule(LookupLimiter(burst=3, refill_s=10.0, now=clock), clock)


def test_lookups_get_a_burst_then_one_per_refill_in_the_database(hq: Hq) -> None:
    clock = Clock()
    check_the_bucket_rule(LookupLimiter(buckets=DatabaseBuckets(hq), burst=3, refill_s=10.0, now=clock), clock)


def test_an_hq_keeps_its_lookup_buckets_in_its_database(make_hq: Callable[..., Hq]) -> None:
    one, two = make_hq(), make_hq()
    one.lookup_limiter.take("pc-1")
    with two.read() as conn:
        assert conn.execute(select(lookup_t.c.device_id, lookup_t.c.tokens)).all() == [("pc-1", LOOKUP_BURST - 1)]


def test_lookups_count_for_every_hq_process_so_workers_do_not_loosen_the_rate(make_hq: Callable[..., Hq]) -> None:
    clock = Clock()
    one, two = make_hq(), make_hq()  # two `gn-hq serve` workers on one database
    workers = [LookupLimiter(buckets=DatabaseBuckets(hq), burst=4, refill_s=6.0, now=clock) for hq in (one, two)]
    assert [lookup_waits(workers[n % 2], "pc-1") for n in range(4)] == [None] * 4  # spread over the workers
    assert [lookup_waits(w, "pc-1") for w in workers] == [6, 6]  # neither has one left
    clock.now += 6
    assert lookup_waits(workers[1], "pc-1") is None  # the one earned is spent once, on either worker
    assert lookup_waits(workers[0], "pc-1") == 6
    assert lookup_waits(workers[0], "pc-2") is None

    clock.now += LOOKUP_FORGET_AFTER_S + 1  # both idle past the hour: their rows go at the next spend
    assert lookup_waits(workers[1], "pc-3") is None
    with one.read() as conn:
        assert conn.execute(select(lookup_t.c.device_id)).scalars().all() == ["pc-3"]
    assert [lookup_waits(workers[0], "pc-1") for _ in range(5)] == [None] * 4 + [6]  # forgotten: a full bucket


def test_two_workers_spending_at_the_same_moment_never_both_take_the_last_lookups(
    make_hq: Callable[..., Hq],
) -> None:
    clock = Clock()
    one, two = make_hq(), make_hq()
    workers = [LookupLimiter(buckets=DatabaseBuckets(hq), burst=5, refill_s=60.0, now=clock) for hq in (one, two)]
    attempts = 16
    start = threading.Barrier(attempts)
    answers: list[int | None] = []
    lock = threading.Lock()

    def look_up(limiter: LookupLimiter) -> None:
        start.wait()
        waited = lookup_waits(limiter, "pc-1")
        with lock:
            answers.append(waited)

    threads = [threading.Thread(target=look_up, args=(workers[n % 2],)) for n in range(attempts)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert (answers.count(None), answers.count(60)) == (5, attempts - 5)
    with two.read() as conn:
        assert conn.execute(select(lookup_t.c.tokens)).scalars().all() == [0.0]
