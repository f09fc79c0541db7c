"""The real thing: `gn-hq` commands and `gn-hq serve` in subprocesses, a campus enrolling, pushing and pulling over
loopback HTTP."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

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


@pytest.fixture
def server(db_url: str, tmp_path: Path) -> Iterator[tuple[str, dict[str, str]]]:
    env = {**os.environ, "GN_HQ_DATABASE_URL": db_url, "GN_HQ_DATA_DIR": str(tmp_path / "hq")}
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "gn_hq.cli", "serve", "--port", str(port), "--no-access-log", "--log-level", "warning"],
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


def test_enrol_push_and_pull_against_gn_hq_serve(server: tuple[str, dict[str, str]]) -> None:
    base, env = server
    added = _gn_hq("campus", "add", "--code", "SDN", env=env)
    assert added.returncode == 0, added.stderr
    code = re.search(r"([0-9A-Z]{4}-){3}[0-9A-Z]{4}", added.stdout)
    assert code is not None
    with httpx.Client(base_url=base, headers={"GN-Protocol": "1"}, timeout=30) as client:
        enrolled = client.post(
            "/v1/enrol", json={"code": code.group(0), "device_id": new_id(), "device_name": "accueil"}
        )
        assert enrolled.status_code == 201, enrolled.text
        token, campus_id, device_id = (enrolled.json()[k] for k in ("token", "campus_id", "device_id"))
        auth = {"Authorization": f"Bearer {token}"}
        pid = new_id()
        change = {
            "device_seq": 1,
            "device_id": device_id,
            "campus_id": campus_id,
            "user_id": None,
            "entity": "person",
            "record_id": pid,
            "op": "insert",
            "fields": {k: {"old": None, "new": v} for k, v in person_values(campus_id).items()},
            "base_version": 0,
            "hlc": f"{int(time.time() * 1000):013d}-00000-{device_id[-12:]}",
        }
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
