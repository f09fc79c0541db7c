"""The `Hq` context every service receives: the engine, settings, HQ's clock, and the one way to write.

`Hq.write()` is the only writer transaction. It takes HQ's write lock first (a PostgreSQL advisory lock; SQLite's
BEGIN IMMEDIATE), so writers run one at a time and the sequence numbers they take from `server_meta.last_seq`
commit in order: a reader that saw sequence N has seen everything up to N, and a cursor never skips a change.

It also guards the epoch. HQ keeps a high-water mark of the last sequence it committed outside the database (in
memory and in a small file of the data dir). When the database shows a lower sequence, it was restored from an older
backup (or replaced): HQ draws a new epoch at once, and every campus that sees it re-sends what HQ lost.

Threading: an `Hq` is shared by all request threads; each `write()`/`read()` uses its own connection.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Connection, Engine, Text, bindparam, func, insert, select, update
from sqlalchemy.engine import make_url

from gn_core.hlc import HybridClock
from gn_hq.db.engine import WRITE_LOCK_KEY, is_postgres
from gn_hq.db.models import server_meta_table as meta_t
from gn_hq.db.types import utcnow
from gn_hq.services.feed import CHANNEL, FeedSignal
from gn_hq.services.throttle import DatabaseBuckets, DatabaseCounts, LookupLimiter, SignInGuard
from gn_hq.settings import Settings

log = logging.getLogger(__name__)

WATERMARK_FILENAME = "hq-watermark.json"
ANALYZE_EVERY_ROWS = 50_000
#: the device id HQ itself writes with (administration, advisors' decisions made at HQ)
HQ_DEVICE_ID = "hq"


def wall_ms() -> int:
    return time.time_ns() // 1_000_000


class Watermark:
    """The highest sequence this HQ has committed, kept outside the database it guards.

    Keyed by the database URL (without password), so pointing HQ at another database does not look like a restore.
    """

    def __init__(self, path: Path | None, database_url: str) -> None:
        self._path = path
        self._key = hashlib.sha256(make_url(database_url).render_as_string(hide_password=True).encode()).hexdigest()
        self._lock = threading.Lock()
        self.epoch: str | None = None
        self.last_seq = 0
        if path is not None and path.exists():
            try:
                saved = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                log.warning("unreadable watermark file %s: ignored", path)
            else:
                if isinstance(saved, dict) and saved.get("database") == self._key:
                    self.epoch = str(saved.get("epoch"))
                    self.last_seq = int(saved.get("last_seq", 0))

    def went_back(self, last_seq: int) -> bool:
        """True when the database holds fewer changes than HQ already committed: it was restored or replaced."""
        return last_seq < self.last_seq

    def observe(self, epoch: str, last_seq: int) -> None:
        """Record a committed state (call after commit)."""
        with self._lock:
            if epoch == self.epoch and last_seq <= self.last_seq:
                return
            self.epoch = epoch
            self.last_seq = max(last_seq, self.last_seq)
            if self._path is None:
                return
            tmp = self._path.with_name(f"{self._path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
            try:
                tmp.write_text(
                    json.dumps({"database": self._key, "epoch": self.epoch, "last_seq": self.last_seq}),
                    encoding="utf-8",
                )
                os.replace(tmp, self._path)
            except OSError:
                log.exception("could not write the watermark file %s", self._path)


# what every writer transaction runs, built once (records.ids_bound says why)
_META = select(meta_t.c.epoch, meta_t.c.last_seq).where(meta_t.c.id == 1)
_ADVANCE = update(meta_t).where(meta_t.c.id == 1).values(last_seq=bindparam("last_seq"))
_ADVANCE_NOTIFYING = _ADVANCE.returning(func.pg_notify(CHANNEL, bindparam("seq_text", type_=Text)))


@dataclass(slots=True)
class WriteTx:
    """One writer transaction: its connection, the epoch, and the sequence numbers it hands out."""

    conn: Connection
    epoch: str
    last_seq: int
    now_ms: int
    _start_seq: int = field(default=0)
    #: someone was erased: once committed, nothing of them may stay in a file beside the database (SQLite's WAL)
    erased: bool = False

    def next_seq(self) -> int:
        self.last_seq += 1
        return self.last_seq

    @property
    def advanced(self) -> bool:
        return self.last_seq != self._start_seq


class Hq:
    """HQ's engine, settings, clock and epoch guard, shared by every request."""

    def __init__(
        self,
        engine: Engine,
        *,
        settings: Settings | None = None,
        data_dir: Path | None = None,
        now_ms: Callable[[], int] = wall_ms,
    ) -> None:
        self.engine = engine
        self.settings = settings or Settings()
        self.now_ms = now_ms
        self.clock = HybridClock(HQ_DEVICE_ID, wall=now_ms)
        self.postgres = is_postgres(engine)
        #: HQ's data directory (the watermark file, ready campus snapshots); None for a purely in-memory test HQ
        self.data_dir = data_dir
        path = data_dir / WATERMARK_FILENAME if data_dir is not None else None
        self.watermark = Watermark(path, engine.url.render_as_string(hide_password=False))
        #: the epoch last seen; answers carry it
        self.epoch = ""
        #: password sign-ins: delays after failures (counted in the database, for every HQ process), a bound on
        #: concurrent argon2 hashes
        self.sign_in_guard = SignInGuard(counts=DatabaseCounts(self))
        #: person lookups at intake: a rate per device (services/lookup.py), kept in the database for every HQ process
        self.lookup_limiter = LookupLimiter(buckets=DatabaseBuckets(self))
        #: wakes long polls when the feed moves (services/feed.py)
        self.feed = FeedSignal(engine, self.postgres)
        self._analyze_lock = threading.Lock()
        self._written_since_analyze = 0
        self._analyzing = False
        with self.write():
            pass  # creates server_meta on a new database, checks the epoch

    # --- transactions ---------------------------------------------------------------------------------------------

    @contextlib.contextmanager
    def write(self) -> Iterator[WriteTx]:
        """The writer transaction (one at a time across all HQ processes). Commits on success, else rolls back."""
        with self.engine.connect().execution_options(hq_write=True) as conn:
            with conn.begin():
                if self.postgres:
                    # The lock, and (one round trip with it) no sequential scans: writers only look rows up by key,
                    # and right after a bulk load the planner's statistics lag (it took 250 ids to match half the
                    # table) and it scanned the whole table for each push.
                    conn.exec_driver_sql(
                        f"SELECT pg_advisory_xact_lock({WRITE_LOCK_KEY}), set_config('enable_seqscan', 'off', true)"
                    )
                tx = self._open(conn)
                yield tx
                if tx.advanced:
                    # on PostgreSQL with a notification, delivered to every HQ process's listener at commit
                    # (services/feed.py)
                    if self.postgres:
                        conn.execute(_ADVANCE_NOTIFYING, {"last_seq": tx.last_seq, "seq_text": str(tx.last_seq)})
                    else:
                        conn.execute(_ADVANCE, {"last_seq": tx.last_seq})
            self.epoch = tx.epoch
            self.watermark.observe(tx.epoch, tx.last_seq)
        if tx.advanced:
            self.feed.advanced(tx.last_seq)
        if tx.erased and not self.postgres:
            self._empty_wal()
        self._maybe_analyze(tx.last_seq - tx._start_seq)

    def _empty_wal(self) -> None:
        """Copy the WAL into the database file and truncate it: the erased values overwritten in the database
        (secure_delete) must not survive in the WAL's older frames. Waits for readers up to the busy timeout."""
        with self.engine.connect() as conn:
            busy = conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)").first()
        if busy is not None and busy[0]:
            log.warning("the WAL could not be emptied after an erasure (readers busy): it will be at the next one")

    @contextlib.contextmanager
    def read(self) -> Iterator[Connection]:
        """A read-only transaction (never waits for writers)."""
        with self.engine.connect() as conn, conn.begin():
            yield conn

    def read_meta(self, conn: Connection) -> tuple[str, int]:
        """The epoch and last sequence as `conn` sees them; rotates the epoch if the database went back.

        A reader's snapshot may simply be older than a commit another thread of this process made since (it then
        looks as if the database went back): the writer transaction, which reads the latest state, decides, and
        unless it rotated the epoch the values are the reader's own. Answering the writer's newer `last_seq` with the
        reader's older rows would make a pull page skip what was committed in between."""
        row = conn.execute(select(meta_t.c.epoch, meta_t.c.last_seq).where(meta_t.c.id == 1)).one()
        epoch, last_seq = str(row.epoch), int(row.last_seq)
        if self.watermark.went_back(last_seq):
            with self.write() as tx:  # rotates if the database did go back
                if tx.epoch != epoch:
                    epoch, last_seq = tx.epoch, tx.last_seq
        self.epoch = epoch
        return epoch, last_seq

    def _open(self, conn: Connection) -> WriteTx:
        row = conn.execute(_META).one_or_none()
        now = utcnow()
        if row is None:
            epoch = str(uuid.uuid4())
            last_seq = self.watermark.last_seq  # a replaced database never reuses numbers campuses saw
            conn.execute(
                insert(meta_t).values(
                    id=1,
                    epoch=epoch,
                    last_seq=last_seq,
                    created_at=now,
                    epoch_changed_at=now,
                    epoch_reason="new database",
                )
            )
            if self.watermark.epoch is not None:
                log.warning("HQ's database is new but HQ had committed up to %d: new epoch %s", last_seq, epoch)
        else:
            epoch, last_seq = str(row.epoch), int(row.last_seq)
            if self.watermark.went_back(last_seq):
                old = epoch
                epoch, last_seq = str(uuid.uuid4()), self.watermark.last_seq
                conn.execute(
                    update(meta_t)
                    .where(meta_t.c.id == 1)
                    .values(
                        epoch=epoch,
                        last_seq=last_seq,
                        epoch_changed_at=now,
                        epoch_reason=f"database went back from {self.watermark.last_seq} to {row.last_seq}",
                    )
                )
                log.warning(
                    "HQ's database went back (restored from a backup?): sequence %d < %d; epoch %s -> %s",
                    row.last_seq,
                    self.watermark.last_seq,
                    old,
                    epoch,
                )
        tx = WriteTx(conn, epoch, last_seq, self.now_ms())
        tx._start_seq = last_seq
        return tx

    def _maybe_analyze(self, written: int) -> None:
        """Refresh PostgreSQL's statistics after every ~50,000 rows written by this process (in the background):
        autovacuum may lag far behind a bulk load, and the readers' plans depend on them."""
        if not self.postgres or written <= 0:
            return
        with self._analyze_lock:
            self._written_since_analyze += written
            if self._written_since_analyze < ANALYZE_EVERY_ROWS or self._analyzing:
                return
            self._written_since_analyze = 0
            self._analyzing = True

        def analyze() -> None:
            try:
                with self.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                    conn.exec_driver_sql("ANALYZE record, person_access, conflict")
            except Exception:
                log.exception("ANALYZE failed (statistics stay as they were)")
            finally:
                self._analyzing = False

        threading.Thread(target=analyze, name="gn-hq-analyze", daemon=True).start()

    def rotate_epoch(self, reason: str) -> str:
        """Draw a new epoch (after restoring a backup by hand): every campus re-sends what HQ may have lost."""
        with self.write() as tx:
            tx.epoch = str(uuid.uuid4())
            tx.conn.execute(
                update(meta_t)
                .where(meta_t.c.id == 1)
                .values(epoch=tx.epoch, epoch_changed_at=utcnow(), epoch_reason=reason[:200])
            )
        return tx.epoch

    def dispose(self) -> None:
        self.feed.close()
        self.engine.dispose()
