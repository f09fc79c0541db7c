"""Engine construction for the campus store: SQLite (SQLCipher, see `cipher`) in WAL mode with foreign keys on.

Every connection is made by `cipher.connect`, which applies the database key first; a file engine's key is this PC's
(`cipher.database_key`, None in the insecure demo mode) unless one is given.

Transactions are begun explicitly (pysqlite's own implicit transaction handling is switched off) so that SAVEPOINTs
work and a write unit of work can take the write lock up front with BEGIN IMMEDIATE, avoiding SQLITE_BUSY on upgrade
from a read lock.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.pool import StaticPool

from gn_desktop.store import cipher

DB_FILENAME = "campus.db"


def _file_engine(path: Path | str, key: str | None, **kwargs: Any) -> Engine:
    """An engine on the file at `path` whose connections come from `cipher.connect` (the key applied first)."""
    target = str(path)

    def creator() -> cipher.Connection:
        return cipher.connect(target, key, timeout=30, check_same_thread=False)

    return create_engine(sqlite_url(path), module=cipher.DBAPI, creator=creator, **kwargs)


def sqlite_url(path: Path | str) -> str:
    return f"sqlite:///{path}" if str(path) != ":memory:" else "sqlite://"


#: page cache of each connection, in KiB (SQLite's default is 2 MiB): pages stay decrypted in memory between
#: queries (SQLCipher decrypts and checks a page each time it is read into the cache); it fills only as pages are read
CACHE_KIB = 32_768


def make_engine(path: Path | str, *, key: str | cipher.ThisPc | None = cipher.THIS_PC, echo: bool = False) -> Engine:
    """An engine on the SQLite file at `path`, encrypted with `key` (this PC's by default), configured for the store.

    `key` is applied to each new connection: connecting raises `cipher.WrongDatabaseKey` if it does not fit."""
    engine = _file_engine(path, cipher.resolve(key), echo=echo)
    _configure(engine)
    return engine


def make_memory_engine() -> Engine:
    """An in-memory store on one shared connection, so its data lives as long as the engine (tests)."""
    engine = create_engine(
        "sqlite://", module=cipher.DBAPI, poolclass=StaticPool, connect_args={"check_same_thread": False}
    )
    _configure(engine)
    return engine


def _configure(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: cipher.Connection, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # we issue BEGIN ourselves (see `_on_begin`)
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.execute("PRAGMA busy_timeout=30000")
        cur.execute(f"PRAGMA cache_size=-{CACHE_KIB}")
        cur.close()

    _explicit_begin(engine)


def _explicit_begin(engine: Engine) -> None:
    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        mode = "IMMEDIATE" if conn.get_execution_options().get("sqlite_immediate") else "DEFERRED"
        conn.exec_driver_sql(f"BEGIN {mode}")


#: page cache of a bulk load, in KiB (SQLite's default is 2 MiB): the indexes being filled stay in memory
BULK_CACHE_KIB = 131_072


class BulkLoadUnavailable(Exception):
    """Another connection (another program) has the database open, so it cannot leave WAL for a bulk load."""


@contextlib.contextmanager
def bulk_load_engine(path: Path | str, *, key: str | cipher.ThisPc | None = cipher.THIS_PC) -> Iterator[Engine]:
    """An engine for filling a fresh database file in one big transaction (demo data), alone.

    One connection (threads may hand it to one another, never use it at once) that holds the file exclusively, with
    a rollback journal instead of WAL: pages written for the first time are not journaled, so every page reaches the
    file once (WAL writes it twice: into the log, then at checkpoint), and a load that stops halfway, even killed,
    is rolled back from the journal the next time the file is opened: all of it or nothing. `synchronous=OFF`: no
    fsync while loading, nor at its commit (the operating system still has every write if the process dies; only a
    power cut during the load, or in the half minute after it while the system writes its cache out, could damage
    the file, which then holds nothing but demo data: make it again). Bigger page cache, temporary tables in memory.
    On leaving, the file goes back to WAL and the engine is disposed: open the store's usual engine again afterwards.

    The caller must have closed its other connections to the file. If another program has it open, WAL cannot be
    left: `BulkLoadUnavailable` is raised within about a second, before anything is written.
    """
    engine = _file_engine(path, cipher.resolve(key), poolclass=StaticPool)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: cipher.Connection, _record: Any) -> None:
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA busy_timeout=1000")
        cur.execute("PRAGMA locking_mode=EXCLUSIVE")
        try:
            (mode,) = cur.execute("PRAGMA journal_mode=DELETE").fetchone()
        except cipher.DBAPI.OperationalError as exc:  # database is locked
            mode = str(exc)
        if mode != "delete":
            raise BulkLoadUnavailable(f"the database stays in {mode!r} journal mode: another connection is open")
        cur.execute("PRAGMA busy_timeout=30000")
        cur.execute("PRAGMA synchronous=OFF")
        cur.execute(f"PRAGMA cache_size=-{BULK_CACHE_KIB}")
        cur.execute("PRAGMA temp_store=MEMORY")
        cur.close()

    _explicit_begin(engine)
    try:
        engine.connect().close()  # connect now, so that a refusal comes before any work
    except BulkLoadUnavailable:
        engine.dispose()
        raise
    try:
        yield engine
    finally:
        with engine.connect() as conn:
            raw = conn.connection.dbapi_connection
            assert raw is not None
            raw.execute("PRAGMA journal_mode=WAL")
            raw.execute("PRAGMA locking_mode=NORMAL")
        engine.dispose()


def writer(engine: Engine) -> Engine:
    """The same engine, but its transactions take the write lock at BEGIN."""
    return engine.execution_options(sqlite_immediate=True)
