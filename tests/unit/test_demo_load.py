"""Demo data into a store on disk: one all-or-nothing load that leaves the store as the app expects it (WAL, the
search trigger, a complete search index), even when the load fails or the process is killed halfway."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from gn_core.sync_rules import PERSON_SCOPED
from gn_desktop.services import accounts, demo, intake, search
from gn_desktop.services.demo import loader
from gn_desktop.store import cipher
from gn_desktop.store import models as m
from gn_desktop.store.engine import DB_FILENAME
from gn_desktop.store.uow import Store

TODAY = date(2026, 3, 2)
PEOPLE = 300
CHUNK = 100
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def _fast_hash(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(accounts, "hash_password", lambda password: f"not-a-hash:{password}")  # argon2 is slow


def _scalar(store: Store, sql: str) -> object:
    with store.engine.connect() as conn:
        return conn.exec_driver_sql(sql).scalar()


def _search_trigger(store: Store) -> object:
    return _scalar(store, "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'person_fts_ai'")


def _counts(store: Store) -> tuple[int, int, int, int]:
    with store.reading() as s:
        return (
            s.scalar(select(func.count()).select_from(m.Person)) or 0,
            s.scalar(select(func.count()).select_from(m.User)) or 0,
            s.scalar(select(func.count()).select_from(m.ChangeLog)) or 0,
            s.scalar(select(func.count()).select_from(m.HistoryEntry)) or 0,
        )


def _index_matches_people(store: Store) -> None:
    """FTS5's own check that the index holds exactly the entries of the person table (raises if not)."""
    with store.engine.begin() as conn:
        conn.exec_driver_sql("INSERT INTO person_fts(person_fts, rank) VALUES ('integrity-check', 1)")


def test_a_load_on_disk_leaves_wal_the_search_trigger_and_every_person_findable(tmp_path: Path) -> None:
    store = Store.open(tmp_path)
    trigger = _search_trigger(store)
    assert trigger
    summary = demo.generate(store, people=PEOPLE, seed=3, today=TODAY, chunk_size=CHUNK)
    assert summary.people == PEOPLE
    assert _scalar(store, "PRAGMA journal_mode") == "wal"
    assert _search_trigger(store) == trigger
    assert not (tmp_path / f"{DB_FILENAME}-journal").exists()
    _index_matches_people(store)
    with store.reading() as s:
        people = s.execute(
            select(m.Person.id, m.Person.first_name, m.Person.last_name, m.Person.birth_date).order_by(m.Person.id)
        ).all()
    with store.read_unit() as uow:
        for pid, first, last, _ in people[:: PEOPLE // 30]:
            assert pid in search.search(uow, f"{first} {last}").ids
    assert store.campus_id is not None  # the device got its campus through the load
    n_people, _, logged, history = _counts(store)
    with store.reading() as s:
        records = sum(s.scalar(select(func.count()).select_from(model)) or 0 for model in m.SYNCED_MODELS)
        queued = sum(
            s.scalar(select(func.count()).select_from(model)) or 0
            for model in m.SYNCED_MODELS
            if model.__tablename__ in PERSON_SCOPED  # the reference data is HQ's: never queued
        )
    assert n_people == PEOPLE and history == records and logged == queued

    # the trigger kept after the load indexes an edit made later, and the old name is gone from the index
    pid, first, last, birth = people[0]
    with store.unit_of_work(None) as uow:
        form = intake.PersonForm(first_name=first, last_name="Zébulonnière", birth_date=birth)
        assert "last_name" in intake.update_person(uow, pid, form, today=TODAY)
        uow.commit()
    _index_matches_people(store)
    with store.read_unit() as uow:
        assert pid in search.search(uow, f"{first} zebulonniere").ids
        assert pid not in search.search(uow, f"{first} {last}").ids
    store.dispose()


def test_a_failed_load_leaves_nothing_and_can_be_run_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = Store.open(tmp_path)
    trigger = _search_trigger(store)
    write_chunk = loader._write_chunk
    calls = 0

    def failing(*args: object) -> None:
        nonlocal calls
        calls += 1
        if calls == 2:
            raise OSError("disque plein")
        write_chunk(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(loader, "_write_chunk", failing)
    with pytest.raises(OSError, match="disque plein"):
        demo.generate(store, people=PEOPLE, seed=3, today=TODAY, chunk_size=CHUNK)
    assert _counts(store) == (0, 0, 0, 0)
    assert _scalar(store, "PRAGMA journal_mode") == "wal"
    assert _search_trigger(store) == trigger

    monkeypatch.setattr(loader, "_write_chunk", write_chunk)
    assert demo.generate(store, people=PEOPLE, seed=3, today=TODAY, chunk_size=CHUNK).people == PEOPLE
    _index_matches_people(store)
    store.dispose()


def test_a_load_while_another_program_has_the_store_open_still_completes(tmp_path: Path) -> None:
    store = Store.open(tmp_path)
    # another program (WAL): the load cannot take the file alone
    other = cipher.connect(tmp_path / DB_FILENAME, cipher.database_key())
    try:
        other.execute("SELECT count(*) FROM person").fetchone()
        assert demo.generate(store, people=PEOPLE, seed=3, today=TODAY, chunk_size=CHUNK).people == PEOPLE
        assert other.execute("SELECT count(*) FROM person").fetchone() == (PEOPLE,)
    finally:
        other.close()
    assert _scalar(store, "PRAGMA journal_mode") == "wal"
    _index_matches_people(store)
    store.dispose()


def test_the_writer_gets_the_gil_back_promptly_during_the_load_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """The drawing thread hands the GIL over within 0.5 ms while chunks are written (not Python's 5 ms, which made
    the writer wait about 8 s per 100,000 people), and the process's setting is back afterwards."""
    write_chunk = loader._write_chunk
    seen: list[float] = []

    def recording(*args: object) -> None:
        seen.append(sys.getswitchinterval())
        write_chunk(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(loader, "_write_chunk", recording)
    before = sys.getswitchinterval()
    store = Store.in_memory()
    demo.generate(store, people=PEOPLE, seed=3, today=TODAY, chunk_size=CHUNK)
    store.dispose()
    assert len(seen) == PEOPLE // CHUNK and max(seen) <= 0.0005 < before
    assert sys.getswitchinterval() == before


KILLED_HALFWAY = textwrap.dedent(
    """
    import os, signal, sys
    from datetime import date
    from pathlib import Path
    from gn_desktop.services import accounts, demo
    from gn_desktop.services.demo import loader
    from gn_desktop.store.uow import Store

    accounts.hash_password = lambda password: "not-a-hash:" + password
    write_chunk, calls = loader._write_chunk, []

    def killed(*args):
        calls.append(1)
        if len(calls) == 3:
            os.kill(os.getpid(), signal.SIGKILL)
        write_chunk(*args)

    loader._write_chunk = killed
    demo.generate(Store.open(Path(sys.argv[1])), people=500, seed=3, today=date(2026, 3, 2), chunk_size=100)
    """
)


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="no SIGKILL on this platform")
def test_a_load_killed_halfway_is_rolled_back_when_the_store_is_next_opened(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", KILLED_HALFWAY, str(tmp_path)], env=env, timeout=120, check=False)
    assert done.returncode == -signal.SIGKILL
    assert (tmp_path / f"{DB_FILENAME}-journal").exists()  # the half-written load, to roll back
    store = Store.open(tmp_path)
    assert _counts(store) == (0, 0, 0, 0)
    assert _scalar(store, "PRAGMA journal_mode") == "wal"
    assert _search_trigger(store)
    assert demo.generate(store, people=PEOPLE, seed=3, today=TODAY, chunk_size=CHUNK).people == PEOPLE
    _index_matches_people(store)
    store.dispose()
