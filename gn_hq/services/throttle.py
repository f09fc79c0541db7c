"""Throttles at HQ: password guessing (growing delays, a temporary lockout, a bound on concurrent argon2 work), and
person lookups at intake (a rate per device).

Each failed sign-in counts against the account name tried and against the client's address. Past a few free tries
the next attempt must wait, twice as long after each further failure (1 s, 2 s, 4 s…), up to a lockout of
`LOCKOUT_S`; a success clears the account's count. While it must wait, an attempt is answered at once (429 with
Retry-After) without hashing anything, so guessing costs the attacker time and HQ nothing. Unknown names count like
known ones: the answers never tell whether an account exists.

argon2 is deliberately slow and memory-hungry: at most `max_hashes` run at once, the others wait their turn for a
few seconds and are then told to come back (429), so a flood of sign-ins cannot starve the sync.

The counts live in HQ's database (`DatabaseCounts`, table `sign_in_throttle`), shared by every HQ process: with
`gn-hq serve --workers N` an attacker spreading guesses over the workers meets one limit, not N. Each failure is
counted in a short transaction of its own, one at a time across HQ's processes but beside HQ's writer transaction (a
failed sign-in never holds up a push); a sign-in reads the counts before hashing anything.
A guard made without a database (tests) keeps them in memory (`MemoryCounts`).

Each device's person lookups (services/lookup.py) go through a token bucket, `LookupLimiter`: a burst, then one more
every few seconds (429 with Retry-After). Its buckets are in HQ's database too (`DatabaseBuckets`, table
`lookup_throttle`), each spend one short atomic transaction of its own, not the writer's; in memory for a limiter made
without a database (`MemoryBuckets`).

Threading: one guard and one limiter per HQ process, shared by every request thread; the guard's argon2 slots are
per process (they bound that process's processor and memory).
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Protocol

from sqlalchemy import case, delete, insert, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from gn_hq.db.engine import SIGN_IN_LOCK_KEY
from gn_hq.db.models import lookup_throttle_table as lookup_t
from gn_hq.db.models import sign_in_throttle_table as throttle_t
from gn_hq.services.errors import HqError

if TYPE_CHECKING:
    from gn_hq.services.context import Hq

#: failures allowed before any delay, per account name and per client address
FREE_FAILURES_ACCOUNT = 3
FREE_FAILURES_ADDRESS = 10
#: the longest wait; reached after about ten failures of an account
LOCKOUT_S = 15 * 60.0
#: failures are forgotten after this long without a new one
FORGET_AFTER_S = 60 * 60.0
#: how many names and addresses (or devices, for lookups) are remembered at most in memory (the oldest are forgotten
#: first)
MAX_ENTRIES = 50_000


class Throttled(HqError):
    """The attempt must wait `retry_after` seconds (or HQ is busy hashing): 429 with Retry-After."""

    status = 429
    code = "too_many_attempts"

    def __init__(self, retry_after: float) -> None:
        self.retry_after = max(1, int(retry_after + 0.999))
        super().__init__(
            f"Trop de tentatives de connexion : réessayez dans {self.retry_after} s.",
            detail="Les essais de mot de passe sont ralentis après plusieurs échecs.",
        )


@dataclass(slots=True)
class Count:
    failures: int = 0
    last_failure: float = 0.0
    blocked_until: float = 0.0


class Counts(Protocol):
    """Where a guard keeps its counts, by key (`account:NAME`, `address:IP`)."""

    def get(self, keys: list[str]) -> dict[str, Count]:
        """The counts of `keys` that exist (copies)."""
        ...

    def changing(self, keys: list[str], now: float) -> contextlib.AbstractContextManager[dict[str, Count]]:
        """The counts of `keys` that exist, to change, add or remove in the block; saved when it ends, one change at
        a time for each key."""
        ...


class MemoryCounts:
    """Counts in this process's memory; the least recently failed are forgotten first."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._counts: OrderedDict[str, Count] = OrderedDict()

    def get(self, keys: list[str]) -> dict[str, Count]:
        with self._lock:
            return {k: replace(c) for k in keys if (c := self._counts.get(k)) is not None}

    @contextlib.contextmanager
    def changing(self, keys: list[str], now: float) -> Iterator[dict[str, Count]]:
        with self._lock:
            found = {k: c for k in keys if (c := self._counts.pop(k, None)) is not None}
            try:
                yield found
            finally:
                self._counts.update(found)  # most recent last
                while len(self._counts) > MAX_ENTRIES:
                    self._counts.popitem(last=False)


class DatabaseCounts:
    """Counts in HQ's database, shared by all its processes (`sign_in_throttle`); a failure older than
    `FORGET_AFTER_S` is deleted when the next one is counted."""

    def __init__(self, hq: Hq) -> None:
        self._hq = hq

    def get(self, keys: list[str]) -> dict[str, Count]:
        with self._hq.read() as conn:
            rows = conn.execute(select(throttle_t).where(throttle_t.c.key.in_(keys))).all()
        return {r.key: Count(r.failures, r.last_failure, r.blocked_until) for r in rows}

    @contextlib.contextmanager
    def changing(self, keys: list[str], now: float) -> Iterator[dict[str, Count]]:
        # A short transaction of its own, one at a time across HQ's processes, beside the writer's (pushes never wait
        # for a failed sign-in): PostgreSQL's lock of the sign-in counts; SQLite's BEGIN IMMEDIATE, its one writer.
        with self._hq.engine.connect().execution_options(hq_write=True) as conn, conn.begin():
            if self._hq.postgres:
                conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({SIGN_IN_LOCK_KEY})")
            rows = conn.execute(select(throttle_t).where(throttle_t.c.key.in_(keys))).all()
            before = {r.key for r in rows}
            found = {r.key: Count(r.failures, r.last_failure, r.blocked_until) for r in rows}
            yield found
            if gone := sorted(before - set(found)):
                conn.execute(delete(throttle_t).where(throttle_t.c.key.in_(gone)))
            for key, count in found.items():
                values = {
                    "failures": count.failures,
                    "last_failure": count.last_failure,
                    "blocked_until": count.blocked_until,
                }
                if key in before:
                    conn.execute(update(throttle_t).where(throttle_t.c.key == key).values(**values))
                else:
                    conn.execute(insert(throttle_t).values(key=key, **values))
            if found:
                conn.execute(delete(throttle_t).where(throttle_t.c.last_failure < now - FORGET_AFTER_S))


class SignInGuard:
    def __init__(
        self,
        *,
        counts: Counts | None = None,
        max_hashes: int = 2,
        wait_for_hash_s: float = 5.0,
        now: Callable[[], float] = time.time,
    ) -> None:
        """`counts`: where failures are counted (default: this process's memory); `now`: wall clock seconds (several
        processes compare the times they wrote)."""
        self._now = now
        self._counts: Counts = counts if counts is not None else MemoryCounts()
        self._hashing = threading.BoundedSemaphore(max_hashes)
        self._wait_for_hash_s = wait_for_hash_s

    @staticmethod
    def _keys(username: str, address: str | None) -> list[tuple[str, int]]:
        keys = [("account:" + username.strip().casefold()[:200], FREE_FAILURES_ACCOUNT)]
        if address:
            keys.append(("address:" + address[:100], FREE_FAILURES_ADDRESS))
        return keys

    def check(self, username: str, address: str | None) -> None:
        """Raise `Throttled` if this account name or address must still wait."""
        now = self._now()
        found = self._counts.get([key for key, _free in self._keys(username, address)])
        wait = max((c.blocked_until - now for c in found.values()), default=0.0)
        if wait > 0:
            raise Throttled(wait)

    def failed(self, username: str, address: str | None) -> None:
        now = self._now()
        keys = self._keys(username, address)
        with self._counts.changing([key for key, _free in keys], now) as found:
            for key, free in keys:
                count = found.get(key) or Count()
                if now - count.last_failure > FORGET_AFTER_S:
                    count = Count()
                count.failures += 1
                count.last_failure = now
                if count.failures > free:
                    count.blocked_until = now + min(LOCKOUT_S, 2.0 ** (count.failures - free - 1))
                found[key] = count

    def succeeded(self, username: str) -> None:
        key = self._keys(username, None)[0][0]
        if not self._counts.get([key]):
            return  # the common case: nothing to clear, and no transaction to write it
        with self._counts.changing([key], self._now()) as found:
            found.pop(key, None)

    @contextlib.contextmanager
    def hashing(self) -> Iterator[None]:
        """A slot to run one argon2 hash; `Throttled` when every slot stays busy for a few seconds."""
        if not self._hashing.acquire(timeout=self._wait_for_hash_s):
            raise Throttled(self._wait_for_hash_s)
        try:
            yield
        finally:
            self._hashing.release()


# --- person lookups ---------------------------------------------------------------------------------------------

#: lookups a device may make in a burst, and how many seconds earn it one more (about ten a minute: an advisor types
#: a few identities an hour; a script trying names is slowed to a crawl)
LOOKUP_BURST = 20
LOOKUP_REFILL_S = 6.0
#: a device's bucket not written for this long is forgotten (full again long before: the same as no bucket)
LOOKUP_FORGET_AFTER_S = 60 * 60.0


class LookupThrottled(Throttled):
    """Too many lookups from one device: 429 with Retry-After."""

    code = "too_many_lookups"

    def __init__(self, retry_after: float) -> None:
        super().__init__(retry_after)
        self.title = f"Trop de recherches dans les autres campus depuis ce poste : réessayez dans {self.retry_after} s."
        self.detail = "Les recherches d'une personne au siège sont limitées par poste."
        self.args = (self.title,)


def refilled(tokens: float, counted_at: float, now: float, burst: int, refill_s: float) -> float:
    """The tokens at `now` of a bucket that held `tokens` at `counted_at`: one more every `refill_s` seconds, `burst`
    at most; a clock gone back adds none."""
    return min(float(burst), tokens + max(0.0, now - counted_at) / refill_s)


class Buckets(Protocol):
    """Where a limiter keeps its token buckets, by device."""

    def spend(self, device_id: str, now: float, burst: int, refill_s: float) -> float | None:
        """Spend one token of the device's bucket (a new bucket holds `burst`) if it holds one at `now`: None.
        Otherwise change nothing and return the tokens it holds at `now` (fewer than one). One spend at a time per
        device, for every limiter sharing these buckets."""
        ...


class MemoryBuckets:
    """Buckets in this process's memory; the least recently seen devices are forgotten first."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()  # device -> (tokens, counted_at)

    def spend(self, device_id: str, now: float, burst: int, refill_s: float) -> float | None:
        with self._lock:
            tokens, counted_at = self._buckets.pop(device_id, (float(burst), now))
            held = refilled(tokens, counted_at, now, burst, refill_s)
            if held < 1.0:
                self._buckets[device_id] = (tokens, counted_at)  # unchanged: it refills from there all the same
                return held
            self._buckets[device_id] = (held - 1.0, max(counted_at, now))
            while len(self._buckets) > MAX_ENTRIES:
                self._buckets.popitem(last=False)
            return None


class DatabaseBuckets:
    """Buckets in HQ's database (`lookup_throttle`), shared by all its processes.

    A spend is one short transaction of its own, beside `Hq.write()` (on PostgreSQL pushes never wait for a lookup's
    count): a single `INSERT … ON CONFLICT DO UPDATE … WHERE … RETURNING` computes the bucket from its stored row and
    spends a token only if there is one — PostgreSQL runs it on the latest row, one statement at a time per device,
    so two workers never both spend the last token; on SQLite the transaction is BEGIN IMMEDIATE, the database's one
    writer for its few statements. The rule is `refilled`'s, written in SQL. A row not written for
    `LOOKUP_FORGET_AFTER_S` (a full bucket: the same as no row) is deleted after each spend."""

    def __init__(self, hq: Hq) -> None:
        self._hq = hq

    def spend(self, device_id: str, now: float, burst: int, refill_s: float) -> float | None:
        t = lookup_t
        new = (pg_insert if self._hq.postgres else sqlite_insert)(t).values(
            device_id=device_id, tokens=float(burst) - 1.0, counted_at=now
        )
        later = new.excluded.counted_at > t.c.counted_at
        grown = t.c.tokens + case((later, new.excluded.counted_at - t.c.counted_at), else_=0.0) / float(refill_s)
        held = case((grown > float(burst), float(burst)), else_=grown)
        stmt = new.on_conflict_do_update(
            index_elements=[t.c.device_id],
            set_={"tokens": held - 1.0, "counted_at": case((later, new.excluded.counted_at), else_=t.c.counted_at)},
            where=held >= 1.0,  # otherwise no row is written, nor returned
        ).returning(t.c.device_id)
        forget_before = now - max(LOOKUP_FORGET_AFTER_S, burst * refill_s)
        # BEGIN IMMEDIATE on SQLite: the write lock is taken (or waited for) up front, never upgraded mid-transaction
        with self._hq.engine.connect().execution_options(hq_write=True) as conn, conn.begin():
            if conn.execute(stmt).first() is not None:
                # rows another transaction holds are left for the next spend: this one never waits for them
                old = select(t.c.device_id).where(t.c.counted_at < forget_before).with_for_update(skip_locked=True)
                conn.execute(delete(t).where(t.c.device_id.in_(old.scalar_subquery())))
                return None
            row = conn.execute(select(t.c.tokens, t.c.counted_at).where(t.c.device_id == device_id)).one()
        return refilled(row.tokens, row.counted_at, now, burst, refill_s)


class LookupLimiter:
    """A token bucket per device: `burst` lookups at once, then one every `refill_s` seconds. The buckets are in HQ's
    database for an `Hq` (`DatabaseBuckets`, shared by every HQ process), in memory when made without (tests)."""

    def __init__(
        self,
        *,
        buckets: Buckets | None = None,
        burst: int = LOOKUP_BURST,
        refill_s: float = LOOKUP_REFILL_S,
        now: Callable[[], float] = time.time,
    ) -> None:
        """`now`: wall clock seconds (several processes compare the times they wrote)."""
        self._buckets: Buckets = buckets if buckets is not None else MemoryBuckets()
        self._burst = burst
        self._refill_s = refill_s
        self._now = now

    def take(self, device_id: str) -> None:
        """Spend one lookup of this device, or raise `LookupThrottled`."""
        held = self._buckets.spend(device_id, self._now(), self._burst, self._refill_s)
        if held is not None:
            raise LookupThrottled((1.0 - held) * self._refill_s)
