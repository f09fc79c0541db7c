"""Change capture: every mutation of a synced record gives exactly one change-log entry, in its own transaction.

These are the guarantees sync rests on: nothing is written without its entry, a rollback leaves none, sequence
numbers never repeat, and replaying the log rebuilds the data.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule
from sqlalchemy import delete, func, select

from gn_desktop.services.followup import add_note
from gn_desktop.store import models as m
from gn_desktop.store.changes import AppendOnlyViolation, MissingCaptureContext, bulk_insert, wire
from gn_desktop.store.uow import Store
from tests.unit.world import World

START = datetime(2026, 3, 1, 9, tzinfo=UTC)


def event(title: str, campus_id: str | None = None, **values: Any) -> m.Event:
    """An event of the PC's campus: a record a campus PC writes and sends to HQ (gn_core.sync_rules)."""
    return m.Event(
        title=title,
        kind="info_session",
        campus_id=campus_id,
        starts_at=START,
        ends_at=START + timedelta(hours=2),
        **values,
    )


def log(store: Store) -> list[m.ChangeLog]:
    with store.reading() as s:
        return list(s.scalars(select(m.ChangeLog).order_by(m.ChangeLog.seq)))


def test_insert_writes_one_entry_with_who_and_every_field(world: World) -> None:
    before = len(log(world.store))
    with world.store.unit_of_work(world.advisor_id) as uow:
        pid = event("Atelier Numérique", world.campus_id)
        uow.session.add(pid)
        uow.commit()
    entries = log(world.store)[before:]
    assert len(entries) == 1
    entry = entries[0]
    assert (entry.entity, entry.op, entry.record_id) == ("event", "insert", pid.id)
    assert entry.user_id == world.advisor_id and entry.campus_id == world.campus_id
    assert entry.fields["title"] == {"old": None, "new": "Atelier Numérique"}
    assert entry.base_version == 0
    assert len(pid.id) == 36 and pid.id[14] == "7"  # a UUIDv7 made on the device
    assert pid.updated_by_device_id == world.store.device_id


def test_rolled_back_transaction_leaves_no_entry_and_no_row(world: World) -> None:
    before = len(log(world.store))
    with world.store.unit_of_work(world.advisor_id) as uow:
        uow.session.add(event("Jamais", world.campus_id))
        uow.flush()  # written to the database, then rolled back by leaving without commit
    assert len(log(world.store)) == before
    with world.store.reading() as s:
        assert s.scalar(select(func.count()).where(m.Event.title == "Jamais")) == 0


def test_update_records_only_changed_fields_with_old_and_new(world: World) -> None:
    pid = world.person(phone="0612345678")
    before = len(log(world.store))
    with world.store.unit_of_work(world.other_advisor_id) as uow:
        p = uow.session.get(m.Person, pid)
        assert p is not None
        p.phone = "+33698765432"
        p.email = None  # unchanged (was None): not reported
        uow.commit()
    [entry] = log(world.store)[before:]
    assert entry.op == "update"
    assert entry.fields == {"phone": {"old": "+33612345678", "new": "+33698765432"}}
    assert entry.user_id == world.other_advisor_id
    with world.store.reading() as s:
        p = s.get(m.Person, pid)
        assert p is not None and p.version == 2 and p.updated_by_user_id == world.other_advisor_id


def test_setting_the_same_value_writes_nothing(world: World) -> None:
    pid = world.person()
    before = len(log(world.store))
    with world.store.unit_of_work(world.advisor_id) as uow:
        p = uow.session.get(m.Person, pid)
        assert p is not None
        p.first_name = "Awa"
        p.job_families = []
        uow.commit()
    assert len(log(world.store)) == before


def test_delete_leaves_a_tombstone_and_an_entry(world: World) -> None:
    with world.store.unit_of_work(world.advisor_id) as uow:
        partner = event("Éphémère", world.campus_id)
        uow.session.add(partner)
        uow.commit()
    with world.store.unit_of_work(world.advisor_id) as uow:
        uow.session.delete(uow.session.get(m.Event, partner.id))
        uow.commit()
    entry = log(world.store)[-1]
    assert (entry.op, entry.record_id) == ("delete", partner.id)
    assert entry.fields["title"] == {"old": "Éphémère", "new": None}
    with world.store.reading() as s:
        tomb = s.get(m.Tombstone, ("event", partner.id))
        assert tomb is not None and not tomb.erased


def test_notes_are_append_only(world: World) -> None:
    pid = world.person()
    with world.store.unit_of_work(world.advisor_id) as uow:
        nid = add_note(uow, pid, "Premier entretien")
        uow.commit()
    with world.store.unit_of_work(world.advisor_id) as uow:
        note = uow.session.get(m.Note, nid)
        assert note is not None
        note.body = "Réécrit"
        with pytest.raises(AppendOnlyViolation):
            uow.flush()
    with world.store.unit_of_work(world.advisor_id) as uow:
        uow.session.delete(uow.session.get(m.Note, nid))
        with pytest.raises(AppendOnlyViolation):
            uow.flush()


def test_synced_records_cannot_be_written_outside_a_unit_of_work(store: Store) -> None:
    from gn_desktop.store.uow import StoreSession

    with StoreSession(store.engine) as session:
        session.add(event("X"))
        with pytest.raises(MissingCaptureContext):
            session.flush()


def test_sequence_numbers_never_repeat_after_entries_are_acknowledged(tmp_path: Path) -> None:
    store = Store.open(tmp_path)
    with store.unit_of_work(None) as uow:
        for i in range(3):
            uow.session.add(event(f"P{i}"))
        uow.commit()
    top = log(store)[-1].seq
    with store.unit_of_work(None) as uow:  # HQ acknowledged everything: the log is emptied
        uow.session.execute(delete(m.ChangeLog))
        uow.commit()
    store.dispose()
    reopened = Store.open(tmp_path)
    with reopened.unit_of_work(None) as uow:
        uow.session.add(event("Après"))
        uow.commit()
    assert log(reopened)[0].seq > top
    reopened.dispose()


def test_clock_never_goes_back_across_restarts(tmp_path: Path) -> None:
    store = Store.open(tmp_path)
    with store.unit_of_work(None) as uow:
        uow.session.add(event("A"))
        uow.commit()
    first = log(store)[-1].hlc
    device = store.device_id
    store.dispose()
    again = Store.open(tmp_path)
    assert again.device_id == device  # the identity is kept with the data
    with again.unit_of_work(None) as uow:
        uow.session.add(event("B"))
        uow.commit()
    assert log(again)[-1].hlc > first
    again.dispose()


def test_bulk_insert_captures_like_the_orm(world: World) -> None:
    before = len(log(world.store))
    with world.store.unit_of_work(world.advisor_id) as uow:
        ids = bulk_insert(
            uow.session,
            m.Person,
            [
                dict(
                    first_name=f"Inès{i}",
                    last_name="Moreau",
                    campus_id=world.campus_id,
                    enrolled_on=date(2026, 1, 1),
                    pathway_since=date(2026, 1, 1),
                )
                for i in range(5)
            ],
        )
        uow.commit()
    entries = log(world.store)[before:]
    assert [e.record_id for e in entries] == ids
    assert all(e.op == "insert" and e.fields["pathway_step"]["new"] == "welcome" for e in entries)
    with world.store.reading() as s:
        p = s.get(m.Person, ids[0])
        assert p is not None and p.name_key == "ines0 moreau" and p.barriers == []


def test_person_history_covers_related_records(world: World) -> None:
    pid = world.person()
    with world.store.unit_of_work(world.advisor_id) as uow:
        add_note(uow, pid, "Appel")
        uow.commit()
    with world.store.reading() as s:
        entities = set(s.scalars(select(m.HistoryEntry.entity).where(m.HistoryEntry.person_id == pid)))
    assert entities == {"person", "consent", "pathway_event", "note"}


# --- Property: replaying the change log rebuilds exactly what the table holds -----------------------------


def _replay(entries: list[m.ChangeLog]) -> dict[str, dict[str, Any]]:
    state: dict[str, dict[str, Any]] = {}
    for e in entries:
        if e.op == "insert":
            state[e.record_id] = {k: v["new"] for k, v in e.fields.items()}
        elif e.op == "update":
            for k, v in e.fields.items():
                assert state[e.record_id][k] == v["old"], "an update's old value is what the log said before"
                state[e.record_id][k] = v["new"]
        else:
            del state[e.record_id]
    return state


NAMES = st.sampled_from(["Simplon", "École 42", "Webforce3", "Descodeuses", "Plombiers"])


class ChangeLogMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.store = Store.in_memory()
        self.ids: list[str] = []

    @rule(name=NAMES, commit=st.booleans())
    def create(self, name: str, commit: bool) -> None:
        with self.store.unit_of_work("u") as uow:
            p = event(name, audience="data")
            uow.session.add(p)
            uow.flush()
            if commit:
                uow.commit()
                self.ids.append(p.id)

    @rule(
        data=st.data(),
        name=NAMES,
        audience=st.sampled_from(["", "lycéens", "femmes", "demandeurs d'emploi"]),
        commit=st.booleans(),
    )
    def update(self, data: st.DataObject, name: str, audience: str, commit: bool) -> None:
        if not self.ids:
            return
        rid = data.draw(st.sampled_from(self.ids))
        with self.store.unit_of_work("u") as uow:
            p = uow.session.get(m.Event, rid)
            assert p is not None
            p.title = name
            p.audience = audience
            uow.flush()
            if commit:
                uow.commit()

    @rule(data=st.data())
    def remove(self, data: st.DataObject) -> None:
        if not self.ids:
            return
        rid = data.draw(st.sampled_from(self.ids))
        with self.store.unit_of_work("u") as uow:
            uow.session.delete(uow.session.get(m.Event, rid))
            uow.commit()
        self.ids.remove(rid)

    @invariant()
    def replay_matches_table(self) -> None:
        with self.store.reading() as s:
            entries = list(
                s.scalars(select(m.ChangeLog).where(m.ChangeLog.entity == "event").order_by(m.ChangeLog.seq))
            )
            rows = {
                p.id: {k: wire(getattr(p, k)) for k in ("title", "kind", "audience", "starts_at")}
                for p in s.scalars(select(m.Event))
            }
        replayed = {
            rid: {k: f[k] for k in ("title", "kind", "audience", "starts_at")} for rid, f in _replay(entries).items()
        }
        assert replayed == rows
        seqs = [e.seq for e in entries]
        assert seqs == sorted(set(seqs))

    def teardown(self) -> None:
        self.store.dispose()


TestChangeLogReplay = ChangeLogMachine.TestCase
TestChangeLogReplay.settings = settings(
    max_examples=25, stateful_step_count=15, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
