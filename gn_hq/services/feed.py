"""Waking long polls when HQ's feed moves, without asking the database over and over.

A campus that is up to date holds `GET /v1/pull?wait=25` open. Its answer must leave as soon as anything newer than its
cursor is committed — by this process, by another worker, or by the `gn-hq` command line. `FeedSignal` knows the last
sequence committed as soon as it is committed:

- in this process: `Hq.write()` calls `advanced(last_seq)` after each commit that took sequence numbers;
- from other processes on PostgreSQL: the writer's transaction sends `NOTIFY gn_hq_feed, '<last_seq>'` (delivered at
  commit, never for a rolled-back write), and one listener thread per process (its own connection, `LISTEN`) relays
  it; the listener reconnects with a backoff if its connection drops.

A waiting request (`wait_for_news`) reads the database once, then sleeps on the signal; it re-reads only when the
signal moved, or after a safety interval while the signal cannot be trusted alone: on SQLite (other processes cannot
notify), and on PostgreSQL while the listener is not connected. A notification sent while it was away is lost, so on
each (re)connection the listener reads the last sequence itself and moves the signal; while it is connected, waiting
requests never ask the database. 500 waiting PCs then cost HQ almost nothing (bench/hq.py, "long poll").
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import threading
import time
from collections.abc import Awaitable, Callable

from sqlalchemy import Engine

log = logging.getLogger(__name__)

CHANNEL = "gn_hq_feed"
#: how often a waiting request re-reads the database anyway
RECHECK_POSTGRES_S = 10.0
RECHECK_SQLITE_S = 2.0


class FeedSignal:
    """The last sequence this process knows was committed, and the requests waiting for it to move."""

    def __init__(self, engine: Engine, postgres: bool) -> None:
        self._engine = engine
        self._postgres = postgres
        self._lock = threading.Lock()
        self._known = -1
        self._waiters: set[tuple[asyncio.AbstractEventLoop, asyncio.Event]] = set()
        self._listener: threading.Thread | None = None
        self._stop = threading.Event()
        #: the listener is connected and has read the last sequence since: every commit reaches this signal
        self.listening = False
        self.recheck_s = RECHECK_POSTGRES_S if postgres else RECHECK_SQLITE_S

    # --- producers ------------------------------------------------------------------------------------------------

    def advanced(self, last_seq: int) -> None:
        """A commit took the feed to `last_seq` (this process's, or another's relayed by the listener)."""
        with self._lock:
            if last_seq == self._known:
                return
            self._known = last_seq
            waiters = list(self._waiters)
        for loop, event in waiters:
            loop.call_soon_threadsafe(event.set)

    # --- consumers ------------------------------------------------------------------------------------------------

    async def wait_for_news(self, cursor: int, timeout_s: float, read_last_seq: Callable[[], Awaitable[int]]) -> None:
        """Return once HQ's last sequence differs from `cursor` (new changes, or HQ went back), or after `timeout_s`.

        `read_last_seq` reads the database (the caller runs it in the thread pool).
        """
        deadline = time.monotonic() + timeout_s
        self._ensure_listener()
        loop = asyncio.get_running_loop()
        event = asyncio.Event()
        entry = (loop, event)
        with self._lock:
            self._waiters.add(entry)
        try:
            while True:
                event.clear()
                last_seq = await read_last_seq()
                if last_seq != cursor:
                    return
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    return
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(
                        event.wait(), remaining if self.listening else min(remaining, self.recheck_s)
                    )
        finally:
            with self._lock:
                self._waiters.discard(entry)

    # --- PostgreSQL listener ------------------------------------------------------------------------------------------

    def _ensure_listener(self) -> None:
        if not self._postgres or self._listener is not None:
            return
        with self._lock:
            if self._listener is not None:
                return
            self._listener = threading.Thread(target=self._listen, name="gn-hq-feed-listener", daemon=True)
            self._listener.start()

    def _listen(self) -> None:
        import psycopg

        conninfo = self._engine.url.set(drivername="postgresql").render_as_string(hide_password=False)
        backoff = 0.5
        while not self._stop.is_set():
            try:
                with psycopg.connect(conninfo, autocommit=True) as conn:
                    conn.execute(f"LISTEN {CHANNEL}")
                    # what was committed while nobody listened: read after LISTEN, so nothing falls in between
                    row = conn.execute("SELECT last_seq FROM server_meta WHERE id = 1").fetchone()
                    if row is not None:
                        self.advanced(int(row[0]))
                    self.listening = True
                    backoff = 0.5
                    while not self._stop.is_set():
                        for note in conn.notifies(timeout=1.0):
                            if note.payload.isdigit():
                                self.advanced(int(note.payload))
            except Exception:
                self.listening = False
                log.warning("feed listener lost its PostgreSQL connection; reconnecting in %.1f s", backoff)
                self._stop.wait(backoff)
                backoff = min(backoff * 2, 30.0)
        self.listening = False

    def close(self) -> None:
        self._stop.set()
        listener = self._listener
        if listener is not None:
            listener.join(timeout=3)
