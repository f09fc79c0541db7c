"""Two campuses and HQ over loopback: edits made offline reach the other campus; conflicts are visible on both."""

from __future__ import annotations

import json
from pathlib import Path

from gn_desktop.services import drafts, kiosk
from gn_desktop.store import backup
from gn_desktop.store.migrate import head_revision
from gn_desktop.store.uow import Store
from gn_desktop.sync.client import HqClient
from gn_desktop.sync.credentials import load
from tests.e2e.conftest import Campus
from tests.support.disk import readable_bytes


def _campus_manager(campus: Campus, username: str, password: str) -> str:
    """A campus manager's account on this PC only (as HQ would send it), for the commands that need one."""
    from gn_core.domain.enums import UserRole
    from gn_desktop.services import accounts

    store = campus.store()
    try:
        with store.unit_of_work(None) as uow, uow.as_reference():
            accounts.create_user(
                uow,
                username,
                "Responsable E2E",
                UserRole.CAMPUS_MANAGER,
                "",
                campus_id=store.campus_id,
                password_hash=accounts.hash_password(password),
            )
            uow.commit()
    finally:
        store.dispose()
    return username


def share(a: Campus, person_id: str, b: Campus) -> None:
    store = Store.open(a.data_dir)
    state_url = a.hq.url
    creds = load(a.data_dir, state_url)
    assert creds is not None
    with HqClient(state_url, creds.token) as client:
        client.share(person_id, b.campus_id())
    store.dispose()


def test_a_person_created_offline_reaches_the_other_campus_and_different_fields_both_survive(
    two: tuple[Campus, Campus],
) -> None:
    a, b = two
    pid = a.add_person("Awa", "Diallo")
    assert a.pending() == 1
    report = a.sync_json()
    assert report["pushed"] == 1 and report["errors"] == []
    assert a.pending() == 0
    share(a, pid, b)
    b.sync()
    assert b.person(pid) == {
        "first_name": "Awa",
        "last_name": "Diallo",
        "phone": None,
        "email": None,
        "commune_other": None,
    }
    a.edit(pid, phone="+33612345678")
    b.edit(pid, email="awa@example.org")
    for campus in (b, a, b):
        campus.sync()
    assert a.person(pid) == b.person(pid)
    person = a.person(pid)
    assert person is not None and person["phone"] == "+33612345678" and person["email"] == "awa@example.org"


def test_the_same_field_edited_on_both_campuses_gives_a_conflict_in_both_inboxes(
    two: tuple[Campus, Campus], tmp_path: Path
) -> None:
    a, b = two
    pid = a.add_person("Awa", "Diallo")
    a.sync()
    share(a, pid, b)
    b.sync()
    a.edit(pid, last_name="Diallo-Sy")
    b.edit(pid, last_name="Dialo")
    a.sync()
    b.sync()
    a.sync()
    in_a = a.conflicts()
    in_b = json.loads(b.cli("conflicts", "list", "--json").stdout)
    assert [c["field"] for c in in_a] == ["last_name"] and [c["field"] for c in in_b] == ["last_name"]
    assert in_b[0]["status"] == "open" and in_b[0]["mine"] == "Dialo" and in_b[0]["theirs"] == "Diallo-Sy"
    b.cli("conflicts", "resolve", in_b[0]["id"], "--take", "mine")
    b.sync()
    a.sync()
    assert a.person(pid) == b.person(pid)
    person = a.person(pid)
    assert person is not None and person["last_name"] == "Dialo"


def _kiosk_and_draft_traces(campus: Campus, phone: str, last_name: str) -> None:
    """What an erasure must find though nothing links it to the file: a visitor's kiosk pre-registration with the
    same phone, an abandoned intake draft with the same name, and a migration backup copy beside the database."""
    store = Store.open(campus.data_dir)
    try:
        form = kiosk.PreRegistrationForm(
            first_name="Zeb",
            last_name="Q",
            birth_date="03/04/2001",
            phone=phone,
            commune_insee="93066",
            reason="training",
            consent=True,
        )
        with store.unit_of_work(None) as uow:
            kiosk.pre_register(uow, form)
            drafts.save_draft(uow, None, {"first_name": "Zebulonia", "last_name": last_name}, 1)
            uow.commit()
    finally:
        store.dispose()
    backup.take(campus.data_dir / "campus.db", head_revision())


def test_erasure_reaches_every_campus_in_one_cycle_and_leaves_nothing_in_any_file(two: tuple[Campus, Campus]) -> None:
    a, b = two
    pid = a.add_person("Zebulonia", "Quintanilla")
    a.edit(pid, phone="+33781901234", email="zebulonia.q@example.org")  # found in no other test's data
    _kiosk_and_draft_traces(a, "07 81 90 12 34", "Quintanilla")
    a.sync()
    share(a, pid, b)
    b.sync()
    assert b.person(pid) is not None
    manager = _campus_manager(a, "resp.e2e", "mot-de-passe-responsable")
    erase = ("person", "erase", pid, "--reason", "person_request", "--reference", "T-7", "--manager", manager)
    refused = a.cli(*erase, check=False, stdin="pas-le-bon\n")  # the command line asks for a manager's sign-in
    assert refused.returncode == 1 and "incorrect" in refused.stderr and a.person(pid) is not None
    a.cli(*erase, stdin="mot-de-passe-responsable\n")
    a.sync()
    b.sync()
    for campus in (a, b):
        assert campus.person(pid) is None
    hq_files = [a.hq.data_dir] if a.hq.database_url.startswith("sqlite") else []
    for folder in [a.data_dir, b.data_dir, *hq_files]:
        for path in folder.rglob("*"):
            if path.is_file():
                content = readable_bytes(path)  # decrypted: nothing even for whoever holds the key
                for trace in (b"Quintanilla", b"781901234", b"zebulonia.q@"):
                    assert trace not in content, f"{trace!r} in {path.relative_to(folder.parent)}"
