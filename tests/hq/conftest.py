"""Fixtures of the HQ tests: every test runs on SQLite and on PostgreSQL (a fresh database created for the run).

PostgreSQL is at $GN_HQ_TEST_PG_URL (default postgresql://postgres@127.0.0.1:5432/postgres, trust auth). When it is
unreachable its tests are skipped — unless GN_REQUIRE_POSTGRES=1 (CI), which makes them fail instead.

Databases are migrated once per run; each test then gets a clean copy (SQLite: a copy of the migrated file;
PostgreSQL: the tables truncated).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import uuid
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from starlette.exceptions import StarletteDeprecationWarning

from gn_hq.app import create_app
from gn_hq.console import i18n
from gn_hq.db.engine import make_engine
from gn_hq.db.migrate import upgrade_to_head
from gn_hq.services.context import Hq
from gn_hq.settings import Settings
from tests.hq.world import World

with warnings.catch_warnings():
    # Starlette 1.x prefers the httpx2 package for its TestClient and warns when it falls back on httpx, which is
    # what this project installs; the client works the same.
    warnings.simplefilter("ignore", StarletteDeprecationWarning)
    from fastapi.testclient import TestClient

PG_ADMIN_URL = os.environ.get("GN_HQ_TEST_PG_URL", "postgresql://postgres@127.0.0.1:5432/postgres")
TABLES = (
    "record",
    "person_access",
    "device",
    "enrolment_code",
    "conflict",
    "erasure",
    "server_meta",
    "set_aside",
    "appointment_slot",
    "campus_key",
    "console_session",
    "person_match",
    "person_match_pending",
    "person_match_cursor",
    "duplicate_pair",
    "person_redirect",
    "move_request",
    "hq_key",
    "sign_in_throttle",
    "lookup_throttle",
)


def _pg_unavailable(reason: str) -> None:
    if os.environ.get("GN_REQUIRE_POSTGRES") == "1":
        pytest.fail(f"PostgreSQL is required (GN_REQUIRE_POSTGRES=1) but {reason}")
    pytest.skip(f"PostgreSQL unavailable: {reason}")


@pytest.fixture(scope="session")
def pg_server_url() -> Iterator[str]:
    """A fresh PostgreSQL database for this run, migrated to head; dropped at the end."""
    import psycopg

    admin = PG_ADMIN_URL
    try:
        conn = psycopg.connect(admin, autocommit=True, connect_timeout=3)
    except psycopg.OperationalError as exc:
        _pg_unavailable(str(exc).strip().splitlines()[0] if str(exc).strip() else "cannot connect")
    name = f"gn_hq_test_{uuid.uuid4().hex[:12]}"
    with conn:
        conn.execute(f'CREATE DATABASE "{name}"')
        # Tests need no durability: not waiting for the disk at each commit makes the PostgreSQL runs much faster.
        conn.execute(f'ALTER DATABASE "{name}" SET synchronous_commit = off')
    url = admin.rsplit("/", 1)[0] + "/" + name
    engine = make_engine(url)
    upgrade_to_head(engine)
    engine.dispose()
    yield url
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "hq.db"
    engine = make_engine(f"sqlite:///{path}")
    upgrade_to_head(engine)
    engine.dispose()
    return path


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path, sqlite_template: Path) -> str:
    """The URL of a clean, migrated HQ database (SQLite, then PostgreSQL)."""
    if request.param == "sqlite":
        path = tmp_path / "hq.db"
        shutil.copy(sqlite_template, path)
        return f"sqlite:///{path}"
    url: str = request.getfixturevalue("pg_server_url")
    engine = make_engine(url)
    with engine.begin() as conn:
        conn.exec_driver_sql(f"TRUNCATE {', '.join(TABLES)}")
    engine.dispose()
    return url


@pytest.fixture
def settings() -> Settings:
    return Settings()


@pytest.fixture
def make_hq(db_url: str, tmp_path: Path, settings: Settings) -> Iterator[Callable[..., Hq]]:
    """Builds `Hq` contexts on the test database (several may share it, like several server processes)."""
    made: list[Hq] = []

    def make(**kwargs: object) -> Hq:
        options: dict[str, object] = {"settings": settings, "data_dir": tmp_path / "data"}
        options.update(kwargs)
        hq = Hq(make_engine(db_url), **options)  # type: ignore[arg-type]  # test-only pass-through
        made.append(hq)
        return hq

    (tmp_path / "data").mkdir(exist_ok=True)
    yield make
    for hq in made:
        hq.dispose()


@pytest.fixture
def hq(make_hq: Callable[..., Hq]) -> Hq:
    return make_hq()


@pytest.fixture
def client(hq: Hq) -> Iterator[TestClient]:
    with TestClient(create_app(hq=hq)) as c:
        yield c


@pytest.fixture
def world(hq: Hq, client: TestClient) -> World:
    """Three campuses (SDN, AUB, MTR), one enrolled device each, and an HQ administrator."""
    return World.build(hq, client)


ROOT = Path(__file__).resolve().parents[2]
CONSOLE_PO = ROOT / "resources" / "translations" / f"{i18n.DOMAIN}_en.po"


@pytest.fixture(scope="session")
def console_catalogue() -> Path:
    """The console's English catalogue, compiled (a build product: `make` does it) when a fresh checkout has none or
    its .po changed since."""
    mo = i18n.LOCALE_DIR / "en" / "LC_MESSAGES" / f"{i18n.DOMAIN}.mo"
    if not mo.is_file() or mo.stat().st_mtime < CONSOLE_PO.stat().st_mtime:
        build = [sys.executable, str(ROOT / "resources" / "build_translations.py"), "--console"]
        subprocess.run(build, check=True, capture_output=True)
        i18n.catalogue.cache_clear()
    assert mo.is_file(), f"{mo} missing after build"
    return mo
