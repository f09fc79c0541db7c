"""`Store.swap_in`: the store's file replaced, while the app may be running, by this PC's database made aside (HQ's
snapshot installed and caught up): this installation's own state carried over, nothing of the old file left open,
other threads refused meanwhile — and nothing changed when the store is no longer empty or still in use."""

from __future__ import annotations

import os
import shutil
import threading
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from gn_desktop.services import setup
from gn_desktop.store import cipher, snapshot
from gn_desktop.store import models as m
from gn_desktop.store.replica import sync_transaction, write_state
from gn_desktop.store.uow import Store, StoreBeingReplaced

ENROLMENT = {"server_url": "https://siege.example", "install_id": "install-1", "campus_code": "SDN", "epoch": "e1"}


def _add_person(store: Store, last_name: str) -> str:
    with store.unit_of_work(None) as uow:
        person = m.Person(
            first_name="Awa",
            last_name=last_name,
            campus_id=store.campus_id,
            enrolled_on=date(2025, 1, 6),
            pathway_since=date(2025, 1, 6),
        )
        uow.session.add(person)
        uow.flush()
        uow.commit()
        return person.id


@pytest.fixture
def pc(tmp_path: Path) -> Iterator[tuple[Store, Path, str]]:
    """An enrolled, empty PC store, and this PC's database made aside beside it holding one person (its id)."""
    live = Store.open(tmp_path / "pc")
    with live.unit_of_work(None) as uow:
        campus = setup.ensure_reference_data(uow)["SDN"]
        uow.commit()
    live.set_campus(campus)
    with sync_transaction(live.engine) as conn:
        write_state(conn, **ENROLMENT)
    made = Store.open(tmp_path / "made")
    with made.unit_of_work(None) as uow:
        setup.ensure_reference_data(uow)
        uow.commit()
    made.set_campus(campus)
    with sync_transaction(made.engine) as conn:
        conn.execute(m.DeviceState.__table__.update().values(device_id=live.device_id))
        write_state(conn, **ENROLMENT, cursor=42)
        conn.execute(m.ChangeLog.__table__.delete())
    person = _add_person(made, "Danslabase")
    with sync_transaction(made.engine) as conn:
        conn.execute(m.ChangeLog.__table__.delete())  # pulled, not this PC's change
    made.dispose()
    ready = tmp_path / "pc" / "snapshot.ready.db"
    shutil.copyfile(tmp_path / "made" / "campus.db", ready)
    yield live, ready, person
    live.dispose()


def _people(store: Store) -> set[str]:
    with store.reading() as session:
        return set(session.scalars(select(m.Person.id)))


def _held_deleted(directory: Path) -> list[str]:
    out = []
    for fd in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink(f"/proc/self/fd/{fd}")
        except OSError:
            continue
        if target.startswith(str(directory)) and target.endswith(" (deleted)"):
            out.append(target)
    return out


def test_the_store_becomes_the_file_made_aside_keeping_this_installations_own_state(
    pc: tuple[Store, Path, str],
) -> None:
    live, ready, person = pc
    device = live.device_id
    with live.unit_of_work(None) as uow:
        uow.session.add(m.LocalSetting(key="inactivity_lock_minutes", value="5"))
        uow.session.add(m.IntakeDraft(id="draft-1", data={"first_name": "Rose"}, page=1))
        uow.commit()
    _people(live)  # the pool holds an idle connection to the old file

    assert live.swap_in(ready) is True

    assert _people(live) == {person}
    assert live.device_id == device
    with live.reading() as session:
        assert session.get(m.LocalSetting, "inactivity_lock_minutes").value == "5"  # type: ignore[union-attr]
        assert session.get(m.IntakeDraft, "draft-1").data == {"first_name": "Rose"}  # type: ignore[union-attr]
        state = session.get(m.SyncState, 1)
        assert state is not None and state.cursor == 42
    assert not ready.exists()
    assert not _held_deleted(ready.parent)  # nothing of the old file stays open
    _add_person(live, "Aprèsleremplacement")  # the store works on, on its new file
    assert len(_people(live)) == 2


def test_nothing_changes_when_someone_was_registered_meanwhile(pc: tuple[Store, Path, str]) -> None:
    live, ready, _person = pc
    mine = _add_person(live, "Inscriteentretemps")

    assert live.swap_in(ready) is False

    assert _people(live) == {mine}
    assert ready.exists()  # the caller drops it


def test_nothing_changes_while_a_unit_of_work_is_open(pc: tuple[Store, Path, str]) -> None:
    live, ready, _person = pc
    with live.reading() as session:
        session.execute(select(m.Person.id)).all()  # holds its connection until closed
        assert live.swap_in(ready) is False
    assert _people(live) == set()


def test_another_thread_asking_for_the_data_during_the_swap_is_refused(
    pc: tuple[Store, Path, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    live, ready, person = pc
    seen: list[BaseException | None] = []
    put_in_place = snapshot.put_in_place

    def other_thread_reads() -> None:
        try:
            _people(live)
            seen.append(None)
        except StoreBeingReplaced as exc:
            seen.append(exc)

    def while_renaming(source: Path, target: Path) -> None:
        reader = threading.Thread(target=other_thread_reads)
        reader.start()
        reader.join()
        put_in_place(source, target)

    monkeypatch.setattr(snapshot, "put_in_place", while_renaming)
    assert live.swap_in(ready) is True
    assert len(seen) == 1 and isinstance(seen[0], StoreBeingReplaced)
    assert "réessayez dans un instant" in seen[0].message
    assert _people(live) == {person}  # and served again once it is in place


def test_nothing_changes_while_another_program_has_the_file_open(pc: tuple[Store, Path, str]) -> None:
    live, ready, _person = pc
    other = cipher.connect(ready.parent / "campus.db", cipher.database_key(), check_same_thread=False)
    try:
        other.execute("SELECT count(*) FROM person").fetchall()  # another process, say `gn-desktop export`
        assert live.swap_in(ready) is False
    finally:
        other.close()
    assert _people(live) == set()
    assert live.swap_in(ready) is True  # once it closed it
