"""The real thing: `gn-hq` commands and `gn-hq serve` in subprocesses, a campus enrolling, pushing and pulling over
loopback HTTP."""

from __future__ import annotations

import contextlib
import os
import re
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from sqlalchemy import func, select

from gn_hq.db.engine import make_engine
from gn_hq.db.models import duplicate_pair_table as pair_t
from gn_hq.db.models import person_match_table as match_t
from gn_hq.health import HqDidNotStart, wait_until_healthy
from tests.hq.world import new_id, person_values


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _gn_hq(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "gn_hq.cli", *args], capture_output=True, text=True, env=env, timeout=60, check=False
    )


@contextlib.contextmanager
def _serve(db_url: str, tmp_path: Path, *options: str) -> Iterator[tuple[str, dict[str, str]]]:
    env = {**os.environ, "GN_HQ_DATABASE_URL": db_url, "GN_HQ_DATA_DIR": str(tmp_path / "hq")}
    port = _free_port()
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gn_hq.cli",
            "serve",
            "--port",
            str(port),
            "--no-access-log",
            "--log-level",
            "warning",
            *options,
        ],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        try:
            wait_until_healthy(base, proc=proc, timeout_s=30)
        except HqDidNotStart as exc:
            raise AssertionError(f"{exc}: {proc.stdout.read() if proc.stdout else ''}") from None
        yield base, env
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        if proc.stdout:
            proc.stdout.close()


@pytest.fixture
def server(db_url: str, tmp_path: Path) -> Iterator[tuple[str, dict[str, str]]]:
    with _serve(db_url, tmp_path) as served:
        yield served


def _enrol(client: httpx.Client, env: dict[str, str]) -> tuple[dict[str, str], str, str]:
    """A new campus and a device of it: (authorization header, campus id, device id)."""
    added = _gn_hq("campus", "add", "--code", "SDN", env=env)
    assert added.returncode == 0, added.stderr
    code = re.search(r"([0-9A-Z]{4}-){3}[0-9A-Z]{4}", added.stdout)
    assert code is not None
    enrolled = client.post("/v1/enrol", json={"code": code.group(0), "device_id": new_id(), "device_name": "accueil"})
    assert enrolled.status_code == 201, enrolled.text
    token, campus_id, device_id = (enrolled.json()[k] for k in ("token", "campus_id", "device_id"))
    return {"Authorization": f"Bearer {token}"}, campus_id, device_id


def _insert(seq: int, device_id: str, campus_id: str, pid: str, values: dict[str, object]) -> dict[str, object]:
    return {
        "device_seq": seq,
        "device_id": device_id,
        "campus_id": campus_id,
        "user_id": None,
        "entity": "person",
        "record_id": pid,
        "op": "insert",
        "fields": {k: {"old": None, "new": v} for k, v in values.items()},
        "base_version": 0,
        "hlc": f"{int(time.time() * 1000):013d}-{seq:05d}-{device_id[-12:]}",
    }


def test_enrol_push_and_pull_against_gn_hq_serve(server: tuple[str, dict[str, str]]) -> None:
    base, env = server
    with httpx.Client(base_url=base, headers={"GN-Protocol": "1"}, timeout=30) as client:
        auth, campus_id, device_id = _enrol(client, env)
        pid = new_id()
        change = _insert(1, device_id, campus_id, pid, person_values(campus_id))
        pushed = client.post("/v1/push", json={"changes": [change]}, headers=auth)
        assert pushed.status_code == 200, pushed.text
        assert pushed.json()["applied"] == 1 and pushed.headers["gn-epoch"] == pushed.json()["epoch"]
        page = client.get("/v1/pull", params={"cursor": 0}, headers={**auth, "Accept-Encoding": "gzip"})
        assert page.status_code == 200 and page.headers.get("content-encoding") == "gzip"
        ids = {(r["entity"], r["id"]) for r in page.json()["records"]}
        assert ("person", pid) in ids and ("campus", campus_id) in ids
    listed = _gn_hq("device", "list", env=env)
    assert device_id in listed.stdout
    assert _gn_hq("device", "revoke", device_id, env=env).returncode == 0
    assert httpx.get(f"{base}/v1/pull", headers={"GN-Protocol": "1", **auth}).status_code == 401


@pytest.mark.parametrize("db_url", [pytest.param("postgres", marks=pytest.mark.postgres)], indirect=True)
def test_the_served_detector_keeps_keys_at_once_and_compares_people_when_the_pushes_pause(
    db_url: str, tmp_path: Path
) -> None:
    """During a burst of pushes (a campus's first upload) HQ's duplicate detector reads the new people's keys at once
    — an intake lookup finds them — but compares them only once the pushes pause, so that comparing does not slow
    the upload; then the likely pair is proposed without anyone listing the pairs."""
    engine = make_engine(db_url)
    try:
        with (
            _serve(db_url, tmp_path, "--compare-after", "3") as (base, env),
            httpx.Client(base_url=base, headers={"GN-Protocol": "1"}, timeout=30) as client,
        ):
            auth, campus_id, device_id = _enrol(client, env)
            twins = [new_id(), new_id()]  # the same person enrolled twice: same names, birth date and phone
            seq = 0
            burst_ends = time.monotonic() + 2.5
            while time.monotonic() < burst_ends:
                pid = twins[seq] if seq < 2 else new_id()
                values = person_values(campus_id) if seq < 2 else _stranger(campus_id, seq)
                seq += 1
                pushed = client.post(
                    "/v1/push", json={"changes": [_insert(seq, device_id, campus_id, pid, values)]}, headers=auth
                )
                assert pushed.status_code == 200, pushed.text
                threading.Event().wait(0.2)
            with engine.connect() as conn:
                keyed = set(conn.scalars(select(match_t.c.person_id).where(match_t.c.person_id.in_(twins))))
                proposed = conn.execute(select(func.count()).select_from(pair_t)).scalar_one()
            assert keyed == set(twins), "their keys are read during the burst"
            assert proposed == 0, "nobody is compared while the pushes go on"

            def proposed_pairs() -> set[frozenset[str]]:
                with engine.connect() as conn:
                    return {frozenset((r.person_a, r.person_b)) for r in conn.execute(select(pair_t))}

            deadline = time.monotonic() + 20
            while frozenset(twins) not in proposed_pairs() and time.monotonic() < deadline:
                threading.Event().wait(0.1)
            assert proposed_pairs() == {frozenset(twins)}, "the pair is proposed once the pushes paused"
    finally:
        engine.dispose()


def _stranger(campus_id: str, n: int) -> dict[str, object]:
    """A person nobody else resembles."""
    return person_values(
        campus_id,
        first_name="Inès",
        last_name=f"Zerbib-{'abcdefghijklmnopqrstuvwxyz'[n % 26]}{'zyxwvutsrqponmlkjihgfedcba'[n // 26 % 26]}",
        birth_date=f"19{50 + n % 40}-0{1 + n % 9}-1{n % 10}",
        phone=f"+3361{n:07d}",
        email=f"ines{n}@example.org",
    )
