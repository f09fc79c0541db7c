"""HQ's migrations: an empty database reaches head and matches the models (`alembic check`), on both databases."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from gn_hq.db import migrate
from gn_hq.db.engine import make_engine
from tests.hq.conftest import PG_ADMIN_URL


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def empty_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'empty.db'}"
        return
    request.getfixturevalue("pg_server_url")  # skips or fails as configured when PostgreSQL is away
    import psycopg

    name = f"gn_hq_empty_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(PG_ADMIN_URL, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    yield PG_ADMIN_URL.rsplit("/", 1)[0] + "/" + name
    with psycopg.connect(PG_ADMIN_URL, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_empty_database_upgrades_to_head_with_no_difference(empty_url: str) -> None:
    engine = make_engine(empty_url)
    try:
        assert migrate.current_revision(engine) is None
        migrate.upgrade_to_head(engine)
        migrate.upgrade_to_head(engine)  # again: nothing to do
        assert migrate.current_revision(engine) == migrate.head_revision()
        assert migrate.differences(engine) == []
    finally:
        engine.dispose()
