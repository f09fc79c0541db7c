"""Real processes: `gn-hq serve` on a free loopback port with its own data dir, campuses in separate data dirs.

One HQ process per test module (starting it costs seconds); each test enrols fresh campuses with new codes, so tests
never see each other's people. Campus codes are created in-process on HQ's database (what `gn-hq campus add` does,
without a Python start-up per code) and campuses enrol in-process; the CLI is exercised where its output matters.
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

import keyring
import pytest

from gn_core.protocol import PulledRecord
from gn_core.sync_rules import ENTITIES
from gn_desktop.services import conflicts, sync_status
from gn_desktop.store import models as m
from gn_desktop.store.changes import data_columns, wire
from gn_desktop.store.uow import Store
from gn_desktop.sync.client import HqClient
from gn_desktop.sync.credentials import load
from gn_desktop.sync.engine import Syncer, SyncReport
from gn_hq.health import wait_until_healthy
from tests.support.keyring_file import ENV as KEYRING_ENV
from tests.support.keyring_file import FileKeyring

ROOT = Path(__file__).resolve().parents[2]
SERVE = [sys.executable, "-m", "gn_hq.cli", "serve", "--no-access-log", "--log-level", "warning"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Hq:
    def __init__(self, data_dir: Path, env: dict[str, str], database_url: str | None = None) -> None:
        """`gn-hq serve` on `data_dir`'s embedded SQLite file, or on `database_url` (PostgreSQL)."""
        self.data_dir = data_dir
        self.database_url = database_url or f"sqlite:///{data_dir / 'hq.db'}"
        self.env = {**env, "GN_HQ_DATA_DIR": str(data_dir)}
        self.env.pop("GN_HQ_DATABASE_URL", None)
        if database_url:
            self.env["GN_HQ_DATABASE_URL"] = database_url
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
        wait_until_healthy(self.url, proc=self.proc, timeout_s=30)

    def stop(self, *, kill: bool = False) -> None:
        if self.proc is None:
            return
        if kill:
            self.proc.kill()
        else:
            self.proc.terminate()
        self.proc.wait(timeout=10)
        self.proc = None

    @property
    def database(self) -> Path:
        return self.data_dir / "hq.db"

    def admin(self, *args: str) -> str:
        done = subprocess.run(
            [sys.executable, "-m", "gn_hq.cli", *args], env=self.env, capture_output=True, text=True, timeout=60
        )
        assert done.returncode == 0, done.stderr
        return done.stdout

    def new_code(self, campus_code: str) -> str:
        """A new campus and its enrolment code, written to HQ's database in-process (as `gn-hq campus add` does)."""
        from gn_hq.db.engine import make_engine
        from gn_hq.services import devices
        from gn_hq.services.context import Hq as HqContext

        engine = make_engine(self.database_url)
        try:
            ctx = HqContext(engine, data_dir=self.data_dir)
            _campus, secret = devices.add_campus(ctx, f"Campus {campus_code}", campus_code, commune_insee="93066")
            assert re.fullmatch(r"([0-9A-Z]{4}-){3}[0-9A-Z]{4}", secret), secret
            return secret
        finally:
            engine.dispose()

    def device_code(self, campus_code: str, role: str = "campus_pc") -> str:
        """Another enrolment code for an existing campus (a second PC, or a kiosk), as `gn-hq campus code` does."""
        from gn_core.sync_rules import DeviceRole
        from gn_hq.db.engine import make_engine
        from gn_hq.services import devices
        from gn_hq.services.context import Hq as HqContext

        engine = make_engine(self.database_url)
        try:
            return devices.issue_enrolment_code(
                HqContext(engine, data_dir=self.data_dir), campus_code, DeviceRole(role)
            )
        finally:
            engine.dispose()

    def context(self) -> Any:
        """An in-process `Hq` context on this HQ's database (the caller disposes it)."""
        from gn_hq.db.engine import make_engine
        from gn_hq.services.context import Hq as HqContext

        return HqContext(make_engine(self.database_url), data_dir=self.data_dir)


@dataclass
class Campus:
    name: str
    data_dir: Path
    env: dict[str, str]
    hq: Hq
    code: str = ""
    #: this PC's clock error in seconds (a campus PC whose clock is wrong)
    clock_offset_s: float = 0.0

    def store(self) -> Store:
        if self.clock_offset_s:
            shift = int(self.clock_offset_s * 1000)
            return Store.open(self.data_dir, wall=lambda: time.time_ns() // 1_000_000 + shift)
        return Store.open(self.data_dir)

    def sync(self, **options: Any) -> SyncReport:
        store = self.store()
        try:
            return Syncer(store, self.data_dir, **options).cycle()
        finally:
            store.dispose()

    def cli(self, *args: str, check: bool = True, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
        done = subprocess.run(
            [sys.executable, "-m", "gn_desktop.cli", "--data-dir", str(self.data_dir), *args],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=120,
            input=stdin,
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

    def full_export(self) -> dict[str, list[tuple[Any, ...]]]:
        """Every synced record this campus holds (each entity, each data field, as sent on the wire), sorted by id."""
        store = self.store()
        try:
            out: dict[str, list[tuple[Any, ...]]] = {}
            with store.reading() as s:
                for entity in sorted(ENTITIES):
                    model = m.MODEL_BY_ENTITY[entity]
                    cols = data_columns(model)
                    rows = s.query(model).all()
                    out[entity] = sorted(((r.id, *(wire(getattr(r, c)) for c in cols)) for r in rows), key=str)
            return out
        finally:
            store.dispose()

    def hq_full_export(self) -> dict[str, list[tuple[Any, ...]]]:
        """What HQ holds for this campus (a full pull from cursor 0), in the shape of `full_export()`."""
        out: dict[str, list[tuple[Any, ...]]] = {entity: [] for entity in sorted(ENTITIES)}
        for r in self.hq_view():
            if r.deleted or r.data is None:
                continue
            cols = data_columns(m.MODEL_BY_ENTITY[r.entity])
            out[r.entity].append((r.id, *(r.data.get(c) for c in cols)))
        return {entity: sorted(rows, key=str) for entity, rows in out.items()}

    def people(self) -> set[str]:
        """The ids of the people this PC holds."""
        return {row[0] for row in self.export()}

    def sign_in_works(self, username: str, password: str) -> bool:
        """Whether `username` can sign in on this PC with `password` (offline, as the app does)."""
        from gn_desktop.services import auth

        store = self.store()
        try:
            with store.unit_of_work(None) as uow:
                result = auth.sign_in(uow, username, password)
                uow.commit()
            return result.user is not None
        finally:
            store.dispose()

    def pending(self) -> int:
        store = self.store()
        try:
            return Syncer(store, self.data_dir).pending_count()
        finally:
            store.dispose()

    def conflicts(self) -> list[dict[str, Any]]:
        """The conflicts inbox, as `gn-desktop conflicts list --json` prints it."""
        store = self.store()
        try:
            with store.read_unit() as uow:
                return [c.as_dict() for c in conflicts.list_conflicts(uow)]
        finally:
            store.dispose()

    def resolve(self, conflict_id: str, take: str, value: Any = None) -> None:
        store = self.store()
        try:
            with store.unit_of_work(None) as uow:
                conflicts.resolve(uow, conflict_id, take, value)
                uow.commit()
        finally:
            store.dispose()

    def inbox(self) -> list[conflicts.InboxItem]:
        """The conflicts inbox as the advisor window shows it (open and automatic conflicts)."""
        store = self.store()
        try:
            with store.read_unit() as uow:
                return conflicts.inbox(uow).items
        finally:
            store.dispose()

    def decide(self, conflict_id: str, take: str, typed: str | None = None) -> None:
        """An advisor's decision from the inbox ("mine", "theirs", or "value" with what they typed)."""
        store = self.store()
        try:
            with store.unit_of_work(None) as uow:
                conflicts.decide(uow, conflict_id, take, typed)
                uow.commit()
        finally:
            store.dispose()

    def add_shared_person(self, first: str, last: str, *others: Campus) -> str:
        """A person added here, synced, shared with `others`, each of which has synced it in."""
        pid = self.add_person(first, last)
        self.sync()
        for other in others:
            self.share(pid, other)
        for other in others:
            other.sync()
        return pid

    def share(self, person_id: str, other: Campus) -> None:
        """Share a person this campus follows with another campus (POST /v1/people/{id}/shares)."""
        with HqClient(self.hq.url, self.token()) as client:
            client.share(person_id, other.campus_id())

    def status(self) -> dict[str, Any]:
        """What `gn-desktop sync --status --json` prints."""
        store = self.store()
        try:
            with store.read_unit() as uow:
                return sync_status.status(uow).as_dict()
        finally:
            store.dispose()

    def token(self) -> str:
        creds = load(self.data_dir, self.hq.url)
        assert creds is not None
        return creds.token

    def hq_view(self) -> list[PulledRecord]:
        """Everything HQ holds for this campus now (a full pull from cursor 0 with this campus's token)."""
        out: list[PulledRecord] = []
        with HqClient(self.hq.url, self.token()) as client:
            cursor, until = 0, None
            while True:
                page = client.pull(cursor, until)
                out.extend(page.records)
                cursor, until = page.cursor, page.until
                if not page.more:
                    return out

    def hq_people(self) -> list[tuple[Any, ...]]:
        """HQ's people for this campus, in the shape of `export()`."""
        rows = []
        for r in self.hq_view():
            if r.entity == "person" and not r.deleted and r.data is not None:
                d = r.data
                rows.append((r.id, *(d.get(f) for f in ("first_name", "last_name", "phone", "email", "commune_other"))))
        return sorted(rows, key=lambda row: str(row[0]))


_codes = iter(range(1, 1_000_000))


def next_campus_code() -> str:
    """A campus code never used on this HQ (codes are 1 to 8 letters or digits)."""
    return f"T{next(_codes):05d}"


@pytest.fixture(scope="module")
def keyring_file(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    path = tmp_path_factory.mktemp("keyring") / "keyring.json"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv(KEYRING_ENV, str(path))
        mp.setenv("PYTHON_KEYRING_BACKEND", "tests.support.keyring_file.FileKeyring")
        previous = keyring.get_keyring()
        keyring.set_keyring(FileKeyring())
        env = {**os.environ, "PYTHONPATH": str(ROOT), KEYRING_ENV: str(path)}
        env["PYTHON_KEYRING_BACKEND"] = "tests.support.keyring_file.FileKeyring"
        yield env
        keyring.set_keyring(previous)


@pytest.fixture(scope="module")
def hq(tmp_path_factory: pytest.TempPathFactory, keyring_file: dict[str, str]) -> Iterator[Hq]:
    server = Hq(tmp_path_factory.mktemp("hq"), keyring_file)
    server.start()
    yield server
    server.stop()


@pytest.fixture
def live_hq(hq: Hq) -> Hq:
    """The module's HQ, restarted if a previous test stopped or killed it."""
    if hq.proc is None or hq.proc.poll() is not None:
        hq.proc = None
        hq.start()
    return hq


def publish_snapshot(replica: Campus) -> dict[str, Any]:
    """`gn-desktop snapshot publish` on a campus replica beside HQ: the ready database new PCs of its campus start
    from. Returns what HQ announces of it (its JSON: sha256, size, cursor…)."""
    folder = replica.hq.data_dir / "snapshots"
    replica.cli("snapshot", "publish", "--into", str(folder))
    info: dict[str, Any] = json.loads((folder / f"{replica.campus_id()}.json").read_text())
    return info


def enrol(hq: Hq, tmp_path: Path, env: dict[str, str], name: str, code: str | None = None) -> Campus:
    """A new campus (fresh code) and one PC of it enrolled in-process in its own data dir."""
    campus = Campus(name, tmp_path / name, env, hq, code or next_campus_code())
    store = campus.store()
    try:
        Syncer(store, campus.data_dir).enrol(hq.url, hq.new_code(campus.code), name)
    finally:
        store.dispose()
    return campus


def enrol_second_pc(first: Campus, tmp_path: Path, name: str) -> Campus:
    """Another PC of the same campus (it follows the same people)."""
    campus = Campus(name, tmp_path / name, first.env, first.hq, first.code)
    store = campus.store()
    try:
        Syncer(store, campus.data_dir).enrol(first.hq.url, first.hq.device_code(first.code), name)
    finally:
        store.dispose()
    return campus


@pytest.fixture
def two(live_hq: Hq, tmp_path: Path, keyring_file: dict[str, str]) -> tuple[Campus, Campus]:
    a = enrol(live_hq, tmp_path, keyring_file, "sdn")
    b = enrol(live_hq, tmp_path, keyring_file, "aub")
    a.sync()
    b.sync()
    return a, b


@pytest.fixture
def three(live_hq: Hq, tmp_path: Path, keyring_file: dict[str, str]) -> tuple[Campus, Campus, Campus]:
    campuses = (
        enrol(live_hq, tmp_path, keyring_file, "sdn"),
        enrol(live_hq, tmp_path, keyring_file, "aub"),
        enrol(live_hq, tmp_path, keyring_file, "mtr"),
    )
    for campus in campuses:
        campus.sync()
    return campuses
