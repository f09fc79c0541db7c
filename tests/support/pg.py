"""A throwaway PostgreSQL database for tests that start their own `gn-hq serve` on PostgreSQL.

The server is at $GN_HQ_TEST_PG_URL (default postgresql://postgres@127.0.0.1:5432/postgres, trust auth). When it is
unreachable the test is skipped — unless GN_REQUIRE_POSTGRES=1 (CI), which makes it fail instead."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

PG_ADMIN_URL = os.environ.get("GN_HQ_TEST_PG_URL", "postgresql://postgres@127.0.0.1:5432/postgres")


@contextmanager
def pg_database(prefix: str = "gn_hq_e2e") -> Iterator[str]:
    """A new, empty database (its URL), dropped afterwards."""
    import psycopg

    try:
        admin = psycopg.connect(PG_ADMIN_URL, autocommit=True, connect_timeout=3)
    except psycopg.OperationalError as exc:
        if os.environ.get("GN_REQUIRE_POSTGRES") == "1":
            pytest.fail(f"PostgreSQL is required (GN_REQUIRE_POSTGRES=1) but unreachable: {exc}")
        pytest.skip("PostgreSQL unavailable")
    name = f"{prefix}_{uuid.uuid4().hex[:10]}"
    with admin:
        admin.execute(f'CREATE DATABASE "{name}"')
        admin.execute(f'ALTER DATABASE "{name}" SET synchronous_commit = off')
    try:
        yield PG_ADMIN_URL.rsplit("/", 1)[0] + "/" + name
    finally:
        with psycopg.connect(PG_ADMIN_URL, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
