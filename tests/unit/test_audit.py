"""The audit trail on a campus PC (services.audit): opening a person's file records the RQTH decision and the
restricted notes it shows, once per opening, in the opening's transaction; an export records itself with its rows,
and an export that fails records nothing; the events go to HQ (change log), never into anyone's file history."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from gn_core.domain import enums as e
from gn_core.domain.errors import KnownError, PermissionDenied
from gn_core.sync_rules import DeviceRole
from gn_desktop import cli
from gn_desktop.services import accounts, audit, exporting, followup, person_file, setup
from gn_desktop.services.intake import ConsentInput, PersonForm, RqthInput, create_person
from gn_desktop.store import models as m
from gn_desktop.store.uow import Store
from tests.unit.world import TODAY, World


def _events(store: Store) -> list[tuple[str, str | None, str | None, str | None]]:
    with store.reading() as s:
        rows = s.scalars(select(m.AuditEvent).order_by(m.AuditEvent.at, m.AuditEvent.action)).all()
        return [(r.action.value, r.account_id, r.person_id, r.detail) for r in rows]


def _sensitive_person(world: World) -> str:
    """A person with an RQTH decision and a restricted note written by the advisor."""
    with world.store.unit_of_work(world.advisor_id) as uow:
        pid = create_person(
            uow,
            PersonForm(first_name="Karim", last_name="Haddad", birth_date="03/02/1990"),
            [ConsentInput("follow_up"), ConsentInput("rqth_recording")],
            campus_id=world.campus_id,
            advisor_id=world.advisor_id,
            today=TODAY,
            confirmed_new=True,
            rqth=RqthInput("02/01/2024", "02/01/2024"),
        )
        followup.add_note(uow, pid, "Reconnaissance RQTH obtenue, aménagement de poste", restricted=True)
        followup.add_note(uow, pid, "Entretien de suivi")
        uow.commit()
    return pid


def _open(store: Store, user_id: str, pid: str) -> person_file.FileData:
    with store.unit_of_work(user_id) as uow:
        data = person_file.open_file(uow, pid, TODAY)
        uow.commit()
    return data


def test_opening_a_file_records_what_sensitive_data_it_shows_once_and_a_reload_nothing(world: World) -> None:
    pid = _sensitive_person(world)
    plain = world.person("Awa", "Diallo")
    store = world.store

    data = _open(store, world.manager_id, pid)
    assert data.file.rqth is not None and any(n.restricted for n in data.notes)
    assert sorted(_events(store)) == [
        ("restricted_note_read", world.manager_id, pid, "notes=1"),
        ("rqth_read", world.manager_id, pid, None),
    ]
    with store.read_unit(world.manager_id) as uow:  # the reloads after an edit
        person_file.file_data(uow, pid, TODAY)
        person_file.file_data(uow, pid, TODAY)
    assert len(_events(store)) == 2

    # another advisor reads the RQTH decision but not the restricted note: only what was shown is recorded
    _open(store, world.other_advisor_id, pid)
    assert _events(store)[-1] == ("rqth_read", world.other_advisor_id, pid, None) and len(_events(store)) == 3
    _open(store, world.manager_id, plain)  # nothing sensitive in this file
    assert len(_events(store)) == 3

    with store.reading() as s:
        event = s.scalars(select(m.AuditEvent)).first()
        assert event is not None
        assert (event.device_id, event.campus_id) == (store.device_id, world.campus_id)
        queued = s.scalars(select(m.ChangeLog).where(m.ChangeLog.entity == "audit_event")).all()
        assert len(queued) == 3 and all(c.op == "insert" for c in queued)
        assert not s.scalars(select(m.HistoryEntry).where(m.HistoryEntry.entity == "audit_event")).all()
    with store.read_unit(world.manager_id) as uow:
        assert not [h for h in followup.history(uow, pid) if h.entity == "audit_event"]


def test_an_opening_that_fails_records_nothing_and_an_event_changes_no_view(world: World) -> None:
    pid = _sensitive_person(world)
    with world.store.unit_of_work(world.manager_id) as uow:
        person_file.open_file(uow, pid, TODAY)
        assert uow.changed() == set()  # no view refreshes for it
        # no commit: the opening failed after the read (a crash, a lost window)
    assert _events(world.store) == []
    with world.store.read_unit(world.manager_id) as uow, pytest.raises(RuntimeError):
        person_file.open_file(uow, pid, TODAY)  # a read-only unit cannot open a file: its events would be lost


def test_an_audit_event_is_never_edited_on_the_pc(world: World) -> None:
    pid = _sensitive_person(world)
    _open(world.store, world.manager_id, pid)
    with world.store.unit_of_work(world.manager_id) as uow:
        event = uow.session.scalars(select(m.AuditEvent)).first()
        assert event is not None
        event.detail = "rien lu"
        with pytest.raises(Exception, match="cannot be edited"):
            uow.flush()


def test_an_export_records_itself_with_its_rows_and_a_failed_one_nothing(world: World, tmp_path: Path) -> None:
    world.person("Awa", "Diallo")
    world.person("Inès", "Moreau")
    with world.store.unit_of_work(world.manager_id) as uow:
        assert exporting.export_people(uow, "csv", tmp_path / "personnes.csv") == 2
        uow.commit()
    assert _events(world.store) == [("people_export", world.manager_id, None, "format=csv rows=2")]
    with world.store.unit_of_work(world.manager_id) as uow, pytest.raises(KnownError):
        exporting.export_people(uow, "xlsx", io.StringIO())
    assert len(_events(world.store)) == 1


def test_gn_desktop_export_records_the_export_and_a_refused_one_nothing(tmp_path: Path) -> None:
    data_dir = tmp_path / "campus"
    store = Store.open(data_dir)
    try:
        with store.unit_of_work(None) as uow:
            campuses = setup.ensure_reference_data(uow)
            uow.commit()
        store.set_campus(campuses["SDN"])
        with store.unit_of_work(None) as uow:
            create_person(
                uow,
                PersonForm(first_name="Awa", last_name="Diallo", birth_date="12/05/1999"),
                [ConsentInput("follow_up")],
                campus_id=campuses["SDN"],
                today=date.today(),
                confirmed_new=True,
            )
            uow.commit()
    finally:
        store.dispose()
    out = tmp_path / "personnes.json"
    assert cli.main(["--data-dir", str(data_dir), "export", "--format", "json", "--out", str(out)]) == 0
    assert len(json.loads(out.read_text(encoding="utf-8"))) == 1
    assert cli.main(["--data-dir", str(data_dir), "export", "--format", "xlsx"]) == 1  # xlsx needs --out
    store = Store.open(data_dir)
    try:
        assert _events(store) == [("people_export", None, None, "format=json rows=1")]
    finally:
        store.dispose()


def test_a_kiosk_never_records_an_audit_event(world: World) -> None:
    world.store.set_role(DeviceRole.KIOSK, "A1")
    with world.store.unit_of_work(None) as uow, pytest.raises(PermissionDenied):
        audit.record(uow, e.AuditAction.PEOPLE_EXPORT, detail="rows=1")


def test_an_hq_administrator_s_reads_are_recorded_too(world: World) -> None:
    pid = _sensitive_person(world)
    with world.store.unit_of_work(None) as uow:
        admin = accounts.create_user(uow, "siege", "Siège", e.UserRole.HQ_ADMIN, "", password_hash="x")
        uow.commit()
    with world.store.unit_of_work(admin) as uow:
        audit.record(uow, e.AuditAction.PERSON_EXPORT, person_id=pid, detail="pdf+json")
        uow.commit()
    assert _events(world.store) == [("person_export", admin, pid, "pdf+json")]


def test_after_a_new_device_identity_the_events_not_sent_name_the_new_device(world: World) -> None:
    """Re-enrolment gives the installation a new device id; HQ accepts an event only from the device it names."""
    from gn_desktop.store import replica

    pid = _sensitive_person(world)
    _open(world.store, world.manager_id, pid)
    with replica.sync_transaction(world.store.engine) as conn:
        replica.move_audit_events(conn, "new-device-id")
    with world.store.reading() as s:
        assert {r.device_id for r in s.scalars(select(m.AuditEvent))} == {"new-device-id"}
        queued = s.scalars(select(m.ChangeLog).where(m.ChangeLog.entity == "audit_event")).all()
        assert queued and {c.fields["device_id"]["new"] for c in queued} == {"new-device-id"}
