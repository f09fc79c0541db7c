"""Erasure from this campus (a manager only, a reason from the list and a reference that does not name the person, the
same service for the app and `gn-desktop person erase`, which asks for a manager's sign-in) and the right of access
(the person's complete file, sensitive data included, for a campus manager)."""

from __future__ import annotations

import io
import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from gn_core.domain import enums as e
from gn_core.domain import erasure as erasure_rules
from gn_core.domain.errors import InvalidInput, PermissionDenied
from gn_desktop import cli
from gn_desktop.services import access, accounts, consents, erasure, followup, rqth, setup
from gn_desktop.services.intake import ConsentInput, PersonForm, create_person
from gn_desktop.store import models as m
from gn_desktop.store.uow import Store
from tests.support.disk import readable_bytes
from tests.unit.world import TODAY, World


def _rich_person(world: World) -> str:
    pid = world.person(phone="06 12 34 56 78")
    with world.store.unit_of_work(world.advisor_id) as uow:
        consents.give_consent(uow, pid, e.ConsentPurpose.RQTH_RECORDING, TODAY)
        rqth.record_rqth(uow, pid, rqth.RqthInput("10/01/2025", "10/01/2025", "09/01/2030"))
        followup.add_note(uow, pid, "Premier entretien.")
        followup.add_note(uow, pid, "Suivi psychologique en cours.", restricted=True)
        followup.advance_pathway(uow, pid, e.PathwayStep.ASSESSMENT, TODAY)
        followup.book_appointment(uow, pid, datetime(2026, 3, 20, 9, 30, tzinfo=UTC), subject="Bilan")
        uow.commit()
    return pid


# -- erasure ---------------------------------------------------------------------------------------------------------


def test_a_manager_erases_with_a_reason_and_a_reference_and_nothing_of_the_person_stays(world: World) -> None:
    pid = _rich_person(world)
    keep = world.person("Karim", "Haddad")
    with world.store.unit_of_work(world.manager_id) as uow:
        done = erasure.erase_person_here(uow, pid, e.ErasureReason.PERSON_REQUEST, " TICKET-42 ")
        uow.commit()
    with world.store.read_unit(None) as uow:
        erasure.compact_after_erasure(uow, pid)
    assert done.name == "Awa Diallo" and done.records >= 8
    with world.store.reading() as s:
        assert s.get(m.Person, pid) is None
        assert s.scalar(select(func.count()).where(m.HistoryEntry.person_id == pid)) == 0
        assert s.scalar(select(func.count()).where(m.RqthDecision.person_id == pid)) == 0
        assert s.get(m.Person, keep) is not None
        pending = s.get(m.PendingErasure, pid)
    assert pending is not None and pending.user_id == world.manager_id
    assert erasure_rules.decode(pending.reason) == (e.ErasureReason.PERSON_REQUEST, "TICKET-42")


@pytest.mark.parametrize(
    ("reason", "reference", "field"),
    [
        ("person_request", "demande de Awa", "reference"),
        ("person_request", "DIALLO-2026", "reference"),
        ("duplicate", "x", "reference"),
        ("because", "T-1", "reason"),
    ],
)
def test_a_reason_off_the_list_or_a_reference_naming_the_person_is_refused(
    world: World, reason: str, reference: str, field: str
) -> None:
    pid = world.person()
    with world.store.unit_of_work(world.manager_id) as uow, pytest.raises(InvalidInput) as refused:
        erasure.erase_person_here(uow, pid, reason, reference)
    assert [err.field for err in refused.value.errors] == [field]


def test_an_advisor_or_nobody_cannot_erase(world: World) -> None:
    pid = world.person()
    for user in (world.advisor_id, None):
        with world.store.unit_of_work(user) as uow, pytest.raises(PermissionDenied, match="responsable de campus"):
            erasure.erase_person_here(uow, pid, "person_request", "T-1")
    with world.store.reading() as s:
        assert s.get(m.Person, pid) is not None


# -- the command line ------------------------------------------------------------------------------------------------

PASSWORD = "motdepasse-responsable"


@pytest.fixture
def campus_dir(tmp_path: Path) -> tuple[Path, str]:
    """A campus store on disk with a manager (resp) and an advisor (conseil), and one person; returns (dir, id)."""
    store = Store.open(tmp_path)
    pw = accounts.hash_password(PASSWORD)
    with store.unit_of_work(None) as uow:
        campuses = setup.ensure_reference_data(uow)
        for username, role in (("resp", e.UserRole.CAMPUS_MANAGER), ("conseil", e.UserRole.ADVISOR)):
            accounts.create_user(uow, username, username, role, "", campus_id=campuses["SDN"], password_hash=pw)
        uow.commit()
    store.set_campus(campuses["SDN"])
    with store.unit_of_work(None) as uow:
        pid = create_person(
            uow,
            PersonForm(first_name="Zebulonia", last_name="Quintanilla"),
            [ConsentInput("follow_up")],
            campus_id=campuses["SDN"],
            today=TODAY,
        )
        uow.commit()
    store.dispose()
    return tmp_path, pid


def _erase(data: Path, pid: str, *extra: str) -> int:
    args = ["--data-dir", str(data), "person", "erase", pid, "--reason", "end_of_retention", "--reference", "R-7"]
    return cli.main([*args, *extra])


def test_the_command_line_asks_for_a_manager_and_uses_the_same_service(
    campus_dir: tuple[Path, str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    data, pid = campus_dir
    monkeypatch.setattr("sys.stdin", io.StringIO("mauvais\n"))
    assert _erase(data, pid, "--manager", "resp") == 1
    assert "incorrect" in capsys.readouterr().err
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    assert _erase(data, pid, "--manager", "conseil") == 1
    assert "Seul un responsable de campus" in capsys.readouterr().err

    def no_terminal(_prompt: str) -> str:
        raise EOFError

    monkeypatch.setattr("builtins.input", no_terminal)
    assert _erase(data, pid) == 1
    assert "--manager IDENTIFIANT" in capsys.readouterr().err
    monkeypatch.setattr("builtins.input", lambda _prompt: "resp")
    monkeypatch.setattr("getpass.getpass", lambda _prompt: PASSWORD)
    assert _erase(data, pid) == 0
    assert "Zebulonia Quintanilla : " in capsys.readouterr().out
    store = Store.open(data)
    try:
        with store.reading() as s:
            assert s.get(m.Person, pid) is None
            pending = s.get(m.PendingErasure, pid)
            assert pending is not None
            assert erasure_rules.decode(pending.reason) == (e.ErasureReason.END_OF_RETENTION, "R-7")
    finally:
        store.dispose()
    for name in ("campus.db", "campus.db-wal"):
        if (data / name).exists():
            assert b"Quintanilla" not in readable_bytes(data / name)  # decrypted with the key


# -- the right of access ---------------------------------------------------------------------------------------------


def test_the_export_holds_every_record_and_the_history_sensitive_data_included(world: World) -> None:
    pid = _rich_person(world)
    now = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)
    with world.store.read_unit(world.manager_id) as uow:
        export = access.person_export(uow, pid, now)
    doc = json.loads(json.dumps(export.document()))  # plain JSON
    records = doc["records"]
    with world.store.reading() as s:
        for model in m.SYNCED_MODELS:
            attr = model.__person_attr__
            if attr is None:
                continue
            ids = set(s.scalars(select(model.id).where(getattr(model, attr) == pid)))
            assert {r["id"] for r in records.get(model.__tablename__, [])} == ids, model.__tablename__
        history = s.scalar(select(func.count()).where(m.HistoryEntry.person_id == pid))
    assert len(doc["history"]) == history and history >= 8
    assert records["person"][0]["phone"] == "+33612345678" and records["person"][0]["birth_date"] == "1999-05-12"
    assert records["rqth_decision"][0]["valid_until"] == "2030-01-09"
    restricted = [n for n in records["note"] if n["restricted"]]
    assert restricted[0]["body"] == "Suivi psychologique en cours."
    assert doc["sensitive"] == {"entities": ["rqth_decision"], "restricted_notes": [restricted[0]["id"]]}
    assert doc["generated_by"] == "Nadia Benali" and doc["generated_at"].startswith("2026-03-10T12:00")
    assert doc["names"][world.advisor_id] == "Camille Martin"
    assert date.fromisoformat(records["consent"][0]["given_on"]) == TODAY


def test_only_a_campus_manager_exports(world: World) -> None:
    pid = world.person()
    for user in (world.advisor_id, None):
        with world.store.read_unit(user) as uow, pytest.raises(PermissionDenied):
            access.person_export(uow, pid, datetime.now(UTC))
