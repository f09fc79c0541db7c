"""The store facade (`Store`) and the unit of work services receive.

`Store` owns the engine, the device identity and the clock. `store.unit_of_work(user_id)` gives a `UnitOfWork`: one
transaction, begun with the write lock (BEGIN IMMEDIATE), with change capture attributed to that user. Services take a
unit of work and primitives and return plain data; they never build sessions themselves.

Threading: a `Store` may be shared across threads; a `UnitOfWork` belongs to the thread that opened it.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from pathlib import Path
from types import TracebackType
from typing import Self

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session, sessionmaker

from gn_core.hlc import HybridClock, Stamp
from gn_core.ids import new_id
from gn_core.sync_rules import DeviceRole
from gn_desktop.store import changes, snapshot
from gn_desktop.store.engine import DB_FILENAME, make_engine, writer
from gn_desktop.store.models import DeviceState


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

    def __init__(self, engine: Engine, *, wall: Callable[[], int] | None = None) -> None:
        """`wall` replaces the system clock (milliseconds since the epoch) for this store's clock; tests only."""
        self._wall = wall
        self._bind(engine)

    def _bind(self, engine: Engine) -> None:
        self.engine = engine
        self._write_sessions = sessionmaker(bind=writer(engine), class_=StoreSession, expire_on_commit=False)
        self._read_sessions = sessionmaker(bind=engine, class_=StoreSession, expire_on_commit=False)
        self._device: DeviceState | None = None
        self._clock: HybridClock | None = None

    @classmethod
    def open(cls, data_dir: Path, *, migrate: bool = True, wall: Callable[[], int] | None = None) -> Store:
        """Open (creating and migrating if needed) the store in `data_dir`; `wall` as in `__init__`."""
        data_dir.mkdir(parents=True, exist_ok=True)
        engine = make_engine(data_dir / DB_FILENAME)
        if migrate:
            from gn_desktop.store.migrate import upgrade_to_head

            upgrade_to_head(engine)
        return cls(engine, wall=wall)

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

    def replace_with_snapshot(self, downloaded: Path) -> snapshot.SnapshotFacts:
        """Become the campus database in `downloaded` (checked, see store/snapshot.py), keeping this installation's
        identity. Nothing else may use this store meanwhile: the command line's first sync does it, never the app.
        Raises `snapshot.SnapshotRefused` (this store is then unchanged)."""
        from gn_desktop.store.migrate import database_file, head_revision

        path = database_file(self.engine)
        campus_id = self.campus_id
        if path is None or campus_id is None:
            raise snapshot.SnapshotRefused("an in-memory or unenrolled store")
        device_id = self.device_id
        revision = head_revision() or ""
        self.engine.dispose()
        found = snapshot.install(downloaded, path, device_id=device_id, campus_id=campus_id, expected_revision=revision)
        self._bind(make_engine(path))
        return found

    def dispose(self) -> None:
        self.engine.dispose()
