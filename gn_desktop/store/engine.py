"""Engine construction for the campus store: SQLite in WAL mode with foreign keys on.

Transactions are begun explicitly (pysqlite's own implicit transaction handling is switched off) so that SAVEPOINTs
work and a write unit of work can take the write lock up front with BEGIN IMMEDIATE, avoiding SQLITE_BUSY on upgrade
from a read lock.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event

DB_FILENAME = "campus.db"


def sqlite_url(path: Path | str) -> str:
    return f"sqlite:///{path}" if str(path) != ":memory:" else "sqlite://"


def make_engine(path: Path | str, *, echo: bool = False) -> Engine:
    """An engine on the SQLite file at `path` (":memory:" for tests), configured for the store."""
    engine = create_engine(sqlite_url(path), echo=echo, connect_args={"timeout": 30})
    _configure(engine)
    return engine


def make_memory_engine() -> Engine:
    """An in-memory store on one shared connection, so its data lives as long as the engine (tests)."""
    from sqlalchemy.pool import StaticPool

    engine = create_engine("sqlite://", poolclass=StaticPool, connect_args={"check_same_thread": False})
    _configure(engine)
    return engine


def _configure(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # we issue BEGIN ourselves (see `_on_begin`)
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.execute("PRAGMA busy_timeout=30000")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        mode = "IMMEDIATE" if conn.get_execution_options().get("sqlite_immediate") else "DEFERRED"
        conn.exec_driver_sql(f"BEGIN {mode}")


def writer(engine: Engine) -> Engine:
    """The same engine, but its transactions take the write lock at BEGIN."""
    return engine.execution_options(sqlite_immediate=True)
