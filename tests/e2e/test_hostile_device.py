"""A compromised campus PC against a real `gn-hq serve` process, on SQLite and on PostgreSQL: hypothesis-driven
hostile pushes (tests/hq/hostile.py) change and leak nothing and never get a 5xx; malformed requests get a 4xx
problem; password guessing is slowed down; and nothing personal ever reaches HQ's log."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gn_core.protocol import PROTOCOL_VERSION
from gn_hq.db.engine import make_engine
from gn_hq.db.migrate import upgrade_to_head
from gn_hq.health import HqDidNotStart, wait_until_healthy
from gn_hq.services import devices
from gn_hq.services.context import Hq as HqContext
from tests.e2e.conftest import free_port
from tests.hq.hostile import HostileWorld, hostile_batches, personal_strings, push_raw
from tests.hq.world import SimDevice, enrol, new_id

PG_ADMIN_URL = os.environ.get("GN_HQ_TEST_PG_URL", "postgresql://postgres@127.0.0.1:5432/postgres")


@dataclass
class LiveHq:
    url: str
    database_url: str
    data_dir: Path
    log: Path
    proc: subprocess.Popen[bytes]

    def context(self) -> HqContext:
        return HqContext(make_engine(self.database_url), data_dir=self.data_dir)


def _pg_database() -> Iterator[str]:
    import psycopg

    try:
        admin = psycopg.connect(PG_ADMIN_URL, autocommit=True, connect_timeout=3)
    except psycopg.OperationalError as exc:
        if os.environ.get("GN_REQUIRE_POSTGRES") == "1":
            pytest.fail(f"PostgreSQL is required (GN_REQUIRE_POSTGRES=1) but unreachable: {exc}")
        pytest.skip("PostgreSQL unavailable")
    name = f"gn_hq_hostile_{uuid.uuid4().hex[:10]}"
    with admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield PG_ADMIN_URL.rsplit("/", 1)[0] + "/" + name
    finally:
        with psycopg.connect(PG_ADMIN_URL, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def live(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[LiveHq]:
    data_dir = tmp_path / "hq"
    data_dir.mkdir()
    databases: Iterator[str] | None = None
    if request.param == "postgres":
        databases = _pg_database()
        database_url = next(databases)
    else:
        database_url = f"sqlite:///{data_dir / 'hq.db'}"
    engine = make_engine(database_url)
    upgrade_to_head(engine)
    engine.dispose()
    port = free_port()
    log = tmp_path / "serve.log"
    command = [sys.executable, "-m", "gn_hq.cli", "serve", "--port", str(port), "--log-level", "info"]
    command += ["--database-url", database_url, "--data-dir", str(data_dir)]
    with log.open("wb") as out:
        proc = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_healthy(url, proc=proc, timeout_s=30)
    except HqDidNotStart as exc:
        raise AssertionError(f"{exc}: {log.read_text()}") from None
    try:
        yield LiveHq(url, database_url, data_dir, log, proc)
    finally:
        proc.terminate()
        proc.wait(timeout=15)
        if databases is not None:
            databases.close()


def _world(live: LiveHq, client: httpx.Client) -> tuple[HqContext, HostileWorld]:
    hq = live.context()
    campus_ids: dict[str, str] = {}
    sims: dict[str, SimDevice] = {}
    for code in ("SDN", "AUB", "MTR"):
        campus, secret = devices.add_campus(hq, None, code)
        campus_ids[code] = campus.id
        sims[code] = enrol(client, secret, campus.id)  # type: ignore[arg-type]  # httpx.Client: the same calls
    return hq, HostileWorld.build(hq, sims, campus_ids)


def test_a_hostile_device_against_a_real_hq_changes_leaks_and_logs_nothing(live: LiveHq) -> None:
    with httpx.Client(base_url=live.url, timeout=30) as client:
        hq, world = _world(live, client)
        try:

            @settings(max_examples=30, deadline=None, database=None, suppress_health_check=list(HealthCheck))
            @given(data=st.data())
            def hostile(data: st.DataObject) -> None:
                before = world.snapshot()
                world.check(before, push_raw(world.attacker, data.draw(hostile_batches(world))))

            hostile()
            _malformed_requests_get_a_problem(client, world)
            _password_guessing_is_slowed_down(client)
        finally:
            hq.dispose()
    log = live.log.read_text(encoding="utf-8", errors="replace")
    assert "bug while serving" not in log and "Traceback" not in log, log[-3000:]
    for text in personal_strings():
        assert text not in log, f"{text!r} is in HQ's log"


def _malformed_requests_get_a_problem(client: httpx.Client, world: HostileWorld) -> None:
    attacker = world.attacker
    headers = attacker.headers
    victim_person = world.victim_ids["person"]
    requests = [
        ("GET", "/v1/status", {**headers, "GN-Protocol": "²".encode()}, None),  # digits, but not ASCII ones
        ("GET", "/v1/status", {**headers, "GN-Protocol": "١".encode()}, None),
        ("POST", f"/v1/people/{victim_person}%0A/shares", headers, {"campus_id": world.campus_ids["AUB"]}),
        ("POST", f"/v1/people/{victim_person}/shares", headers, {"campus_id": ["x"]}),
        (
            "POST",
            f"/v1/people/{victim_person}/erasure",
            headers,
            {"reason": "other", "reference": "Victime-Secrete\x00"},
        ),
        ("POST", "/v1/conflicts/a%00b/resolution", headers, {"choice": "hq"}),
        ("PUT", "/v1/set-aside", headers, {"app_version": "1", "items": [{"entity": "person", "record_id": ["x"]}]}),
        (
            "POST",
            "/v1/enrol",
            {"GN-Protocol": str(PROTOCOL_VERSION)},
            {"code": "Victime-Secrete\x00", "device_id": "x"},
        ),
    ]
    for method, path, request_headers, body in requests:
        response = client.request(method, path, headers=request_headers, json=body)
        assert 400 <= response.status_code < 500, (path, response.status_code, response.text)
        assert response.headers["content-type"] == "application/problem+json", path
    # A push whose values hold the victim's name and control characters: refused whole, logged without values.
    bad = attacker.insert("person", new_id(), {"last_name": "Victime-Secrete\x00", "email": ["Note confidentielle"]})
    assert push_raw(attacker, [bad]) == 422


def _password_guessing_is_slowed_down(client: httpx.Client) -> None:
    answers = [client.get("/v1/indicators", auth=("admin.siege", f"mauvais-{i}")).status_code for i in range(6)]
    assert answers[:3] == [401, 401, 401] and 429 in answers[3:]
    locked = client.get("/v1/indicators", auth=("admin.siege", "mot-de-passe-du-siege"))
    assert locked.status_code == 429 and int(locked.headers["retry-after"]) >= 1
    # the same answer for an unknown name and for an advisor's right password
    assert client.get("/v1/indicators", auth=("Victime-Secrete", "x")).status_code == 401
    assert client.get("/v1/indicators", auth=("conseil.sdn", "mot-de-passe-sdn")).status_code == 401
