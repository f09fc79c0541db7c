"""HQ's password guessing guard (gn_hq.services.throttle), on a fake clock: free tries, then waits that double, a
lockout, a success that clears the name, and failures forgotten after an hour without one."""

from __future__ import annotations

import threading
from collections.abc import Callable

import pytest

from gn_hq.services.context import Hq
from gn_hq.services.throttle import FORGET_AFTER_S, FREE_FAILURES_ACCOUNT, LOCKOUT_S, SignInGuard, Throttled


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
