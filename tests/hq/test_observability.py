"""What an operator sees of HQ: one JSON access line per request (route template, status, device, campus, request
id — never a person's data), Prometheus metrics, and several worker processes serving one gap-free feed."""

from __future__ import annotations

import json
import logging
import os
import re
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from gn_hq.health import wait_until_healthy
from gn_hq.logs import REQUEST_ID, JsonFormatter
from gn_hq.services import devices
from gn_hq.services.context import Hq
from tests.hq.world import SimDevice, World, enrol, new_id

NAME = "Zéphyrine-Observabilité"


def _access_lines(caplog: pytest.LogCaptureFixture) -> list[logging.LogRecord]:
    return [r for r in caplog.records if r.name == "gn_hq.access"]


def test_each_request_is_logged_once_with_its_route_device_and_campus_never_the_person(
    world: World, caplog: pytest.LogCaptureFixture
) -> None:
    sdn = world.devices["SDN"]
    pid = new_id()
    with caplog.at_level(logging.INFO):
        sdn.push(sdn.insert("person", pid, {"first_name": NAME, "last_name": NAME, "phone": "+33612345678"}))
        world.client.post(
            f"/v1/people/{pid}/erasure",
            json={"reason": "person_request", "reference": "TICKET-1"},
            headers=sdn.headers,
        )
    lines = _access_lines(caplog)
    assert [(r.route, r.status) for r in lines][:1] == [("/v1/push", 200)]  # type: ignore[attr-defined]
    routes = {r.route for r in lines}  # type: ignore[attr-defined]
    assert "/v1/people/{person_id}/erasure" in routes  # the template, not the person's id
    push_line = lines[0]
    assert push_line.device_id == sdn.device_id and push_line.campus_id == sdn.campus_id  # type: ignore[attr-defined]
    formatted = [JsonFormatter().format(r) for r in caplog.records if r.name.startswith("gn_hq")]
    for line in formatted:
        assert NAME not in line and "612345678" not in line and pid not in line
        json.loads(line)


def test_the_request_id_is_the_proxys_when_well_formed_else_a_new_one(world: World) -> None:
    given = world.client.get("/health", headers={"X-Request-ID": "proxy-1234.abc"})
    assert given.headers["x-request-id"] == "proxy-1234.abc"
    refused = world.client.get("/health", headers={"X-Request-ID": "a b\tc" * 20})
    made = refused.headers["x-request-id"]
    assert re.fullmatch(r"[0-9a-f]{32}", made)
    assert world.client.get("/health").headers["x-request-id"] != made


def test_a_json_log_line_carries_the_request_id_and_the_extras() -> None:
    token = REQUEST_ID.set("r-42")
    try:
        record = logging.LogRecord("gn_hq.push", logging.WARNING, __file__, 1, "lot de %d", (3,), None)
        record.campus_id = "c-1"
        line = json.loads(JsonFormatter().format(record))
    finally:
        REQUEST_ID.reset(token)
    assert line["msg"] == "lot de 3" and line["request_id"] == "r-42" and line["campus_id"] == "c-1"
    assert line["level"] == "warning" and line["ts"].endswith("+00:00")


def _sample(text: str, name: str, **labels: str) -> float:
    """The value of one sample in Prometheus's text format (0 when absent)."""
    for line in text.splitlines():
        if not line.startswith(name + "{") and not line.startswith(name + " "):
            continue
        if all(f'{k}="{v}"' in line for k, v in labels.items()):
            return float(line.rsplit(" ", 1)[1])
    return 0.0


def test_metrics_count_pushes_by_campus_and_show_each_campus_last_contact(world: World) -> None:
    sdn = world.devices["SDN"]
    before = _sample(world.client.get("/metrics").text, "gn_hq_pushed_changes_total", campus_id=sdn.campus_id)
    sdn.push(*(sdn.insert("person", new_id(), {}) for _ in range(3)))
    sdn.pull()
    text = world.client.get("/metrics").text
    assert _sample(text, "gn_hq_pushed_changes_total", campus_id=sdn.campus_id, outcome="applied") == before + 3
    assert _sample(text, "gn_hq_pull_pages_total", campus_id=sdn.campus_id) >= 1
    assert _sample(text, "gn_hq_campus_devices", campus="SDN", role="campus_pc") == 1
    assert 0 <= _sample(text, "gn_hq_campus_last_contact_age_seconds", campus="SDN") < 60
    assert _sample(text, "gn_hq_feed_last_seq") > 0
    assert _sample(text, "gn_hq_http_requests_total", method="POST", route="/v1/push", status="200") >= 1


# --- several worker processes -----------------------------------------------------------------------------------


@pytest.fixture
def workers(db_url: str, tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """`gn-hq serve --workers 2` on the test database; yields its URL and the file its JSON log goes to."""
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = int(s.getsockname()[1])
    log = tmp_path / "hq.log"
    env = {**os.environ, "GN_HQ_DATABASE_URL": db_url, "GN_HQ_DATA_DIR": str(tmp_path / "hq")}
    env.pop("PROMETHEUS_MULTIPROC_DIR", None)
    with log.open("w") as sink:
        proc = subprocess.Popen(
            [sys.executable, "-m", "gn_hq.cli", "serve", "--port", str(port), "--workers", "2"],
            env=env,
            stdout=sink,
            stderr=subprocess.STDOUT,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_healthy(base, proc=proc, timeout_s=60)
        yield base, log
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@pytest.mark.slow
def test_two_workers_serve_concurrent_pushes_and_pulls_with_a_gap_free_feed(
    workers: tuple[str, Path], db_url: str, tmp_path: Path
) -> None:
    from gn_hq.db.engine import make_engine

    base, log = workers
    hq = Hq(make_engine(db_url), data_dir=tmp_path / "admin")
    try:
        campuses = [devices.add_campus(hq, None, code) for code in ("SDN", "AUB")]
    finally:
        hq.dispose()
    writers: list[SimDevice] = []
    clients: list[httpx.Client] = []
    for campus, secret in campuses:
        for n in range(2):
            client = httpx.Client(base_url=base, timeout=60)
            clients.append(client)
            code = secret if n == 0 else _new_code(db_url, tmp_path, campus.code)
            writers.append(enrol(client, code, campus.id))  # type: ignore[arg-type]  # httpx.Client is enough
    follower_client = httpx.Client(base_url=base, timeout=60)
    clients.append(follower_client)
    follower = enrol(follower_client, _new_code(db_url, tmp_path, "SDN"), campuses[0][0].id)  # type: ignore[arg-type]
    pushed: dict[str, set[str]] = {campus.id: set() for campus, _ in campuses}
    done = threading.Event()
    errors: list[BaseException] = []

    def write(device: SimDevice) -> None:
        try:
            for _ in range(15):
                ids = [new_id() for _ in range(5)]
                device.push(*(device.insert("person", pid, {}) for pid in ids))
                pushed[device.campus_id].update(ids)
        except BaseException as exc:
            errors.append(exc)

    def follow() -> None:
        try:
            while not done.is_set():
                follower.pull()
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(d,)) for d in writers]
    watcher = threading.Thread(target=follow)
    watcher.start()
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    done.set()
    watcher.join(120)
    follower.pull()
    try:
        assert not errors, errors
        # pulling along while two workers wrote, the follower missed nothing: a fresh PC sees the same people
        fresh = enrol(follower_client, _new_code(db_url, tmp_path, "SDN"), campuses[0][0].id)  # type: ignore[arg-type]
        fresh.pull()
        sdn_id = campuses[0][0].id
        followed = {rid for (entity, rid), r in follower.replica.items() if entity == "person" and not r["deleted"]}
        assert pushed[sdn_id] <= followed
        assert followed == {rid for (entity, rid) in fresh.replica if entity == "person"}
        assert not followed & pushed[campuses[1][0].id]  # never another campus's people
        metrics = follower_client.get("/metrics").text
        total = sum(
            _sample(metrics, "gn_hq_pushed_changes_total", campus_id=c.id, outcome="applied") for c, _ in campuses
        )
        assert total == 4 * 15 * 5  # counted by whichever worker served each push, summed by any of them
    finally:
        for client in clients:
            client.close()
    lines = [json.loads(line) for line in log.read_text().splitlines() if line.startswith("{")]
    access = [line for line in lines if line["logger"] == "gn_hq.access"]
    assert len(access) >= 60 and all(line["request_id"] and line["pid"] for line in access)


def _new_code(db_url: str, tmp_path: Path, campus_code: str) -> str:
    from gn_hq.db.engine import make_engine

    hq = Hq(make_engine(db_url), data_dir=tmp_path / "admin")
    try:
        return devices.issue_enrolment_code(hq, campus_code)
    finally:
        hq.dispose()
