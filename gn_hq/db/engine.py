"""Engines for HQ's database: PostgreSQL through psycopg 3 in production, an SQLite file embedded by default.

Statement parameters are personal data: `hide_parameters` keeps them out of every error message and log line.

Write transactions are serialised (see `gn_hq.services.context.Hq.write`): on PostgreSQL with a transaction-scoped
advisory lock, on SQLite by taking the database write lock at BEGIN (BEGIN IMMEDIATE; pysqlite's own transaction
handling is switched off so that we can). Reads never wait for writers: PostgreSQL's MVCC, SQLite's WAL.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url

#: HQ's PostgreSQL advisory locks (transaction-level), kept here together so that no two share a key.
#: The one every HQ writer takes first (`Hq.write`, migrations); the ASCII of "gn_hq".
WRITE_LOCK_KEY = 0x676E5F6871
#: over what the duplicate detector writes (services/duplicates.py), never the write lock
MATCH_LOCK_KEY = WRITE_LOCK_KEY + 1
#: over the sign-in failure counts (services/throttle.py), never the write lock
SIGN_IN_LOCK_KEY = WRITE_LOCK_KEY + 2


def normalize_url(url: str) -> str:
    """Accept `postgresql://…` and `postgres://…` as psycopg 3 URLs; leave anything else as given."""
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def is_postgres(engine: Engine) -> bool:
    return engine.dialect.name == "postgresql"


def make_engine(url: str, *, pool_size: int = 10, max_overflow: int = 30) -> Engine:
    """An engine configured for HQ on `url` (PostgreSQL or an SQLite file)."""
    url = normalize_url(url)
    backend = make_url(url).get_backend_name()
    if backend == "sqlite":
        engine = create_engine(url, connect_args={"timeout": 30, "check_same_thread": False}, hide_parameters=True)
        _configure_sqlite(engine)
        return engine
    if backend != "postgresql":
        raise ValueError(f"unsupported database {backend!r}: use PostgreSQL or SQLite")
    # No JIT: HQ's statements look rows up by key, and the writer turns sequential scans off (services/context.py),
    # which makes the planner's costs huge: PostgreSQL then compiled each push's UPDATE (about 200 ms of LLVM for a
    # statement that runs in 55 ms) and each pull page.
    return create_engine(
        url,
        pool_size=pool_size,
        max_overflow=max_overflow,
        pool_pre_ping=True,
        hide_parameters=True,
        connect_args={"options": "-c jit=off"},
    )


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # we issue BEGIN ourselves (see `_on_begin`)
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.execute("PRAGMA busy_timeout=30000")
        # what is deleted or overwritten (an erased person's record) is zeroed in the file, not left in a free page
        cur.execute("PRAGMA secure_delete=ON")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        mode = "IMMEDIATE" if conn.get_execution_options().get("hq_write") else "DEFERRED"
        conn.exec_driver_sql(f"BEGIN {mode}")
