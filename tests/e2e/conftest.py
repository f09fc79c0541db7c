"""Real processes: `gn-hq serve` on a free loopback port with its own data dir, campuses in separate data dirs.

The device tokens go to a test-only keyring backend (tests.support.keyring_file), shared with CLI subprocesses."""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import httpx
import keyring
import pytest

from gn_desktop.store import models as m
from gn_desktop.store.uow import Store
from gn_desktop.sync.engine import Syncer, SyncReport
from tests.support.keyring_file import ENV as KEYRING_ENV
from tests.support.keyring_file import FileKeyring

ROOT = Path(__file__).resolve().parents[2]
SERVE = [sys.executable, "-m", "gn_hq.cli", "serve", "--no-access-log", "--log-level", "warning"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Hq:
    def __init__(self, data_dir: Path, env: dict[str, str]) -> None:
        self.data_dir = data_dir
        self.env = {**env, "GN_HQ_DATA_DIR": str(data_dir)}
        self.env.pop("GN_HQ_DATABASE_URL", None)
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        self.proc = subprocess.Popen(
            [*SERVE, "--port", str(self.port)],
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 30
        while True:
            try:
                if httpx.get(f"{self.url}/health", timeout=1).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            assert self.proc.poll() is None and time.monotonic() < deadline, "gn-hq serve did not start"
            time.sleep(0.05)

    def stop(self, *, kill: bool = False) -> None:
        if self.proc is None:
            return
        if kill:
            self.proc.kill()
        else:
            self.proc.terminate()
        self.proc.wait(timeout=10)
        self.proc = None

    def admin(self, *args: str) -> str:
        done = subprocess.run(
            [sys.executable, "-m", "gn_hq.cli", *args], env=self.env, capture_output=True, text=True, timeout=60
        )
        assert done.returncode == 0, done.stderr
        return done.stdout

    def new_code(self, campus_code: str) -> str:
        out = self.admin("campus", "add", "--code", campus_code)
        found = re.search(r"([0-9A-Z]{4}-){3}[0-9A-Z]{4}", out)
        assert found is not None, out
        return found.group(0)


@dataclass
class Campus:
    name: str
    data_dir: Path
    env: dict[str, str]
    hq: Hq

    def store(self) -> Store:
        return Store.open(self.data_dir)

    def sync(self) -> SyncReport:
        store = self.store()
        try:
            return Syncer(store, self.data_dir).cycle()
        finally:
            store.dispose()

    def cli(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        done = subprocess.run(
            [sys.executable, "-m", "gn_desktop.cli", "--data-dir", str(self.data_dir), *args],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        if check:
            assert done.returncode == 0, done.stderr
        return done

    def sync_json(self) -> dict[str, Any]:
        return dict(json.loads(self.cli("sync", "--json").stdout))

    def campus_id(self) -> str:
        store = self.store()
        try:
            cid = store.campus_id
            assert cid is not None
            return cid
        finally:
            store.dispose()

    def add_person(self, first: str, last: str) -> str:
        store = self.store()
        try:
            with store.unit_of_work(None) as uow:
                p = m.Person(
                    first_name=first,
                    last_name=last,
                    campus_id=store.campus_id,
                    enrolled_on=date(2025, 1, 6),
                    pathway_since=date(2025, 1, 6),
                )
                uow.session.add(p)
                uow.flush()
                pid = p.id
                uow.commit()
            return pid
        finally:
            store.dispose()

    def edit(self, person_id: str, **values: Any) -> None:
        store = self.store()
        try:
            with store.unit_of_work(None) as uow:
                p = uow.session.get(m.Person, person_id)
                assert p is not None
                for k, v in values.items():
                    setattr(p, k, v)
                uow.commit()
        finally:
            store.dispose()

    def delete(self, person_id: str) -> None:
        store = self.store()
        try:
            with store.unit_of_work(None) as uow:
                p = uow.session.get(m.Person, person_id)
                assert p is not None
                uow.session.delete(p)
                uow.commit()
        finally:
            store.dispose()

    def person(self, person_id: str) -> dict[str, Any] | None:
        store = self.store()
        try:
            with store.reading() as s:
                p = s.get(m.Person, person_id)
                if p is None:
                    return None
                return {c: getattr(p, c) for c in ("first_name", "last_name", "phone", "email", "commune_other")}
        finally:
            store.dispose()

    def export(self) -> list[tuple[Any, ...]]:
        """Every person's data (sorted): what must be equal on every campus that follows them."""
        store = self.store()
        try:
            with store.reading() as s:
                rows = s.query(m.Person).order_by(m.Person.id).all()
                return [(p.id, p.first_name, p.last_name, p.phone, p.email, p.commune_other) for p in rows]
        finally:
            store.dispose()

    def pending(self) -> int:
        store = self.store()
        try:
            return Syncer(store, self.data_dir).pending_count()
        finally:
            store.dispose()


@pytest.fixture
def keyring_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, str]]:
    path = tmp_path / "keyring.json"
    monkeypatch.setenv(KEYRING_ENV, str(path))
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "tests.support.keyring_file.FileKeyring")
    previous = keyring.get_keyring()
    keyring.set_keyring(FileKeyring())
    env = {**os.environ, "PYTHONPATH": str(ROOT), KEYRING_ENV: str(path)}
    env["PYTHON_KEYRING_BACKEND"] = "tests.support.keyring_file.FileKeyring"
    yield env
    keyring.set_keyring(previous)


@pytest.fixture
def hq(tmp_path: Path, keyring_file: dict[str, str]) -> Iterator[Hq]:
    server = Hq(tmp_path / "hq", keyring_file)
    server.start()
    yield server
    server.stop()


def enrol(hq: Hq, tmp_path: Path, env: dict[str, str], code: str, name: str) -> Campus:
    campus = Campus(name, tmp_path / name, env, hq)
    campus.cli("enrol", "--server", hq.url, "--code", hq.new_code(code), "--name", name)
    return campus


@pytest.fixture
def two(hq: Hq, tmp_path: Path, keyring_file: dict[str, str]) -> tuple[Campus, Campus]:
    a = enrol(hq, tmp_path, keyring_file, "SDN", "sdn")
    b = enrol(hq, tmp_path, keyring_file, "AUB", "aub")
    a.sync()
    b.sync()
    return a, b
