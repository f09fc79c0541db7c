"""The store facade (`Store`) and the unit of work services receive.

`Store` owns the engine, the device identity and the clock. `store.unit_of_work(user_id)` gives a `UnitOfWork`: one
transaction, begun with the write lock (BEGIN IMMEDIATE), with change capture attributed to that user. Services take a
unit of work and primitives and return plain data; they never build sessions themselves.

Threading: a `Store` may be shared across threads; a `UnitOfWork` belongs to the thread that opened it. Its file may
be replaced while the app runs (`swap_in`: a new PC starting from HQ's snapshot), by the one thread where no unit of
work is open; any other thread asking for a connection meanwhile gets `StoreBeingReplaced`.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from types import TracebackType
from typing import Self

from sqlalchemy import Engine, event, select
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool

from gn_core.domain.errors import KnownError
from gn_core.hlc import HybridClock, Stamp
from gn_core.ids import new_id
from gn_core.sync_rules import DeviceRole
from gn_desktop import paths
from gn_desktop.store import changes, cipher, snapshot
from gn_desktop.store.engine import DB_FILENAME, make_engine, writer
from gn_desktop.store.models import DeviceState

#: said to a task that asked for the data during the second the campus database is put in place
STORE_BEING_REPLACED = (
    "Les données du campus reçues du siège sont en cours d'installation sur ce poste : réessayez dans un instant."
)


class StoreBeingReplaced(KnownError):
    """A connection was asked for while `Store.swap_in` replaces the file (another thread than the one doing it)."""


class StoreSession(Session):
    """Session class with change capture registered."""


changes.install(StoreSession)


class UnitOfWork:
    """One atomic piece of work: commit() makes every change (and its change-log entries) durable together.

    Leaving the `with` block without commit() rolls everything back.
    """

    def __init__(self, session: Session, ctx: changes.CaptureContext, *, read_only: bool = False) -> None:
        self.session = session
        self.ctx = ctx
        self.read_only = read_only
        session.info["capture"] = ctx
        self._committed = False

    @property
    def user_id(self) -> str | None:
        return self.ctx.user_id

    @property
    def role(self) -> DeviceRole:
        """What this installation is: an advisor's PC, or a kiosk (which holds nobody's file)."""
        return self.ctx.role

    @property
    def campus_id(self) -> str | None:
        return self.ctx.campus_id

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if not self._committed:
            self.session.rollback()
        self.session.close()

    def commit(self) -> None:
        if self.read_only:
            raise RuntimeError("a read-only unit of work cannot commit")
        self.session.commit()
        self._committed = True

    def flush(self) -> None:
        self.session.flush()

    @contextlib.contextmanager
    def as_reference(self) -> Iterator[None]:
        """Writes made inside are HQ's reference data known in advance (the campuses, the public partners, demo
        accounts and catalogue): stored like records received from HQ, never queued for it — a campus PC does not
        write reference data at HQ (gn_core.sync_rules), HQ sends its own copy (same ids) to every campus."""
        saved = self.ctx.capture
        self.ctx.capture = False
        try:
            yield
            self.session.flush()
        finally:
            self.ctx.capture = saved

    def changed(self) -> set[tuple[str, str]]:
        """(entity, id) of every synced record this unit of work wrote, so views can refresh what changed."""
        return set(self.ctx.touched)


class Store:
    """The campus store on one SQLite file (or in memory), with this installation's device identity and clock."""

    def __init__(
        self, engine: Engine, *, wall: Callable[[], int] | None = None, key: str | cipher.ThisPc | None = cipher.THIS_PC
    ) -> None:
        """`wall` replaces the system clock (milliseconds since the epoch) for this store's clock; tests only.
        `key`: the key `engine` was made with (this PC's by default)."""
        self._wall = wall
        #: the key of this store's file (as `make_engine` takes it), for the file that replaces it (`swap_in`)
        self._key: str | cipher.ThisPc | None = key
        self._gate = threading.Lock()
        #: the thread replacing the file (`swap_in`), None otherwise
        self._swapping: int | None = None
        self._bind(engine)

    def _bind(self, engine: Engine) -> None:
        self.engine = engine
        event.listen(engine, "checkout", self._checkout_gate)
        self._write_sessions = sessionmaker(bind=writer(engine), class_=StoreSession, expire_on_commit=False)
        self._read_sessions = sessionmaker(bind=engine, class_=StoreSession, expire_on_commit=False)
        self._device: DeviceState | None = None
        self._clock: HybridClock | None = None

    @classmethod
    def open(cls, data_dir: Path, *, migrate: bool = True, wall: Callable[[], int] | None = None) -> Store:
        """Open (creating and migrating if needed) the store in `data_dir`; `wall` as in `__init__`.

        The database is encrypted with this PC's key (`cipher`): `cipher.NoDatabaseKey` without a usable keyring,
        `cipher.WrongDatabaseKey` for a database encrypted elsewhere; a plain database of an earlier version is
        encrypted first. The directory and its files are made private to the OS account."""
        paths.private_dir(data_dir)
        path = data_dir / DB_FILENAME
        key = cipher.database_key()
        cipher.prepare(path, key)
        paths.create_private_file(path)
        for name in (path, *data_dir.glob(f"{DB_FILENAME}-*"), *data_dir.glob(f"{DB_FILENAME}.bak-*")):
            paths.private_file(name)
        engine = make_engine(path, key=key)
        if migrate:
            from gn_desktop.store.migrate import upgrade_to_head

            upgrade_to_head(engine)
        return cls(engine, wall=wall, key=key)

    @classmethod
    def in_memory(cls) -> Store:
        """A fresh migrated store in memory (tests). One connection is shared so the data survives."""
        from gn_desktop.store.engine import make_memory_engine
        from gn_desktop.store.migrate import upgrade_to_head

        engine = make_memory_engine()
        upgrade_to_head(engine)
        return cls(engine)

    # -- device identity ---------------------------------------------------------------------------------------

    def device(self) -> DeviceState:
        """This installation's device row, created on first use."""
        if self._device is None:
            with self._write_sessions() as session, session.begin():
                state = session.get(DeviceState, 1)
                if state is None:
                    state = DeviceState(id=1, device_id=new_id(), campus_id=None, hlc_last="")
                    session.add(state)
                    session.flush()
                session.expunge(state)
            self._device = state
        return self._device

    @property
    def device_id(self) -> str:
        return self.device().device_id

    @property
    def campus_id(self) -> str | None:
        return self.device().campus_id

    def set_campus(self, campus_id: str) -> None:
        with self._write_sessions() as session, session.begin():
            state = session.get(DeviceState, 1)
            assert state is not None
            state.campus_id = campus_id
        self._device = None

    @property
    def role(self) -> DeviceRole:
        """What HQ enrolled this installation as (an advisor's PC until enrolled otherwise)."""
        return DeviceRole(self.device().role)

    @property
    def ticket_prefix(self) -> str | None:
        return self.device().ticket_prefix

    def set_role(self, role: DeviceRole, ticket_prefix: str | None) -> None:
        with self._write_sessions() as session, session.begin():
            state = session.get(DeviceState, 1)
            assert state is not None
            state.role = role.value
            state.ticket_prefix = ticket_prefix
        self._device = None

    @property
    def clock(self) -> HybridClock:
        if self._clock is None:
            device = self.device()
            last = self._last_stamp()
            self._clock = HybridClock(device.device_id[-12:], wall=self._wall, last=last)
        return self._clock

    def _last_stamp(self) -> Stamp | None:
        from sqlalchemy import func

        from gn_desktop.store.models import HistoryEntry

        with self._read_sessions() as session:
            top = session.scalar(select(func.max(HistoryEntry.hlc)).where(HistoryEntry.origin == "local"))
        return Stamp.parse(top) if top else None

    def forget_identity(self) -> None:
        """Drop the cached device row and clock (after sync gives this installation a new device id)."""
        self._device = None
        self._clock = None

    # -- units of work -----------------------------------------------------------------------------------------

    def unit_of_work(self, user_id: str | None = None, *, capture: bool = True) -> UnitOfWork:
        """A write transaction attributed to `user_id` (None for system jobs such as imports)."""
        ctx = changes.CaptureContext(
            device_id=self.device_id,
            campus_id=self.campus_id,
            user_id=user_id,
            clock=self.clock,
            capture=capture,
            role=self.role,
        )
        return UnitOfWork(self._write_sessions(), ctx)

    def read_unit(self, user_id: str | None = None) -> UnitOfWork:
        """A unit of work for queries only: no write lock is taken, and commit() is refused."""
        ctx = changes.CaptureContext(
            device_id=self.device_id,
            campus_id=self.campus_id,
            user_id=user_id,
            clock=self.clock,
            capture=True,
            role=self.role,
        )
        return UnitOfWork(self._read_sessions(), ctx, read_only=True)

    @contextlib.contextmanager
    def reading(self) -> Iterator[Session]:
        """A read-only session (no write lock); anything written through it is discarded.

        Objects loaded through it stay readable (detached, not expired) after the block.
        """
        session = self._read_sessions()
        try:
            yield session
        finally:
            session.close()  # rolls the transaction back without expiring loaded objects

    def install_beside(self, downloaded: Path, ready: Path) -> snapshot.SnapshotFacts:
        """Make HQ's snapshot `downloaded` (its digest checked) this PC's database at `ready`, beside this store's
        file: checked (store/snapshot.py), given this installation's device id and encrypted with its key.
        Raises `snapshot.SnapshotRefused` (another campus, another schema revision, not a campus database)."""
        from gn_desktop.store.migrate import head_revision

        campus_id = self.campus_id
        if campus_id is None:
            raise snapshot.SnapshotRefused("an unenrolled store")
        paths.private_file(downloaded)
        found = snapshot.install(
            downloaded,
            ready,
            device_id=self.device_id,
            campus_id=campus_id,
            expected_revision=head_revision() or "",
            key=cipher.resolve(self._key),
        )
        paths.private_file(ready)  # as the store's own file (0600)
        return found

    def beside(self, ready: Path) -> Store:
        """A store on the database file `ready` made beside this one (`install_beside`: the same key); the caller
        disposes it."""
        return Store(make_engine(ready, key=self._key), wall=self._wall, key=self._key)

    def swap_in(self, ready: Path) -> bool:
        """Become the database file `ready` while the app may be running: this PC's campus database made aside
        (`gn_desktop.sync.snapshot`: HQ's snapshot installed as this PC and caught up), which replaces this store's
        empty one. Call it where no unit of work of this store is open (the app: on the task runner's thread,
        between tasks; the command line: alone). Returns False, and changes nothing, when this store now holds
        something of its own (a person, a change waiting for HQ, a decision: written while the file was made) or
        a connection of its file is still in use; the caller then drops `ready` and pulls page by page.

        While the file is replaced, any other thread asking this store for a connection is refused
        (`StoreBeingReplaced`), so no connection of the old file survives: the pool is emptied, the file (which no
        other program may have open) renamed over, and the next connection opens the new one. This installation's
        local state (settings, intake drafts, sign-in throttles, what it sent to HQ and HQ's refusals, its change
        sequence, its role) is carried into the new file first."""
        from gn_desktop.store.migrate import database_file
        from gn_desktop.store.replica import sync_transaction

        path = database_file(self.engine)
        if path is None or ready.resolve() == path.resolve():
            return False
        with self._gate:
            if self._swapping is not None:
                return False
            self._swapping = threading.get_ident()
        try:
            if _in_use(self.engine):  # a unit of work (another thread's) is open: not now
                return False
            with self.engine.connect() as live:
                carried = snapshot.local_state(live)
            if carried is None:
                return False
            scratch = make_engine(ready, key=self._key)
            try:
                with sync_transaction(scratch) as conn:
                    if not snapshot.carry_local_state(conn, carried):
                        return False
                with scratch.connect() as conn:
                    conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            finally:
                scratch.dispose()
            if _in_use(self.engine):
                return False
            self.engine.dispose()
            if not _alone(path, cipher.resolve(self._key)):  # another program has the file open
                return False
            snapshot.put_in_place(ready, path)
            self._bind(make_engine(path, key=self._key))
            return True
        finally:
            with self._gate:
                self._swapping = None

    def _checkout_gate(self, _dbapi: object, _record: object, _proxy: object) -> None:
        """Pool checkout hook: while the file is being replaced, only the thread replacing it gets a connection."""
        swapping = self._swapping
        if swapping is not None and swapping != threading.get_ident():
            raise StoreBeingReplaced(STORE_BEING_REPLACED)

    def dispose(self) -> None:
        self.engine.dispose()


def _in_use(engine: Engine) -> bool:
    """Whether a connection of `engine` is checked out (True when its pool cannot say: assume it is)."""
    pool = engine.pool
    return not isinstance(pool, QueuePool) or pool.checkedout() > 0


def _alone(path: Path, key: str | None) -> bool:
    """Whether nothing else (another program) has the database at `path` open: it can then leave WAL, which needs
    every other connection closed; it is left in rollback-journal mode, closed, its WAL checkpointed and gone (the
    next connection of a store engine puts it back in WAL)."""
    conn = cipher.connect(path, key, timeout=1, check_same_thread=False)
    try:
        conn.isolation_level = None
        try:
            (mode,) = conn.execute("PRAGMA journal_mode=DELETE").fetchone()
        except cipher.DBAPI.OperationalError:  # database is locked
            return False
        return str(mode).lower() == "delete"
    finally:
        conn.close()
