"""The audit trail and retention with real processes (a `gn-hq serve` on SQLite and on PostgreSQL, two campus PCs in
their own data dirs): a file opened on a PC reaches HQ's trail and leaves the PC; `gn-hq retention run` anonymises a
file shared by two campuses on both PCs at their next sync — no old value left in any database file, history
included — keeps the one in contact a day inside the period, and the indicators still count them."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from gn_desktop.services import followup, person_file, retention
from gn_desktop.store import models as m
from gn_hq.services import indicators
from tests.e2e.conftest import Campus, Hq, enrol
from tests.support.pg import pg_database

TODAY = date(2026, 3, 1)
NAME, PHONE = "Quintanilla", "+33639981234"


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def audit_hq(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, keyring_file: dict[str, str]
) -> Iterator[Hq]:
    if request.param == "sqlite":
        server = Hq(tmp_path_factory.mktemp("hq"), keyring_file)
        server.start()
        yield server
        server.stop()
        return
    with pg_database("gn_hq_retention") as url:
        server = Hq(tmp_path_factory.mktemp("hq"), keyring_file, database_url=url)
        server.start()
        yield server
        server.stop()


def _person(campus: Campus, last: str, last_contact: date, phone: str = PHONE) -> str:
    """A person enrolled in 2023 with a phone and a restricted note, last in contact on `last_contact`."""
    store = campus.store()
    try:
        with store.unit_of_work(None) as uow:
            p = m.Person(
                first_name="Zebulonia",
                last_name=last,
                phone=phone,
                campus_id=store.campus_id,
                enrolled_on=date(2023, 1, 10),
                pathway_since=date(2023, 1, 10),
            )
            uow.session.add(p)
            uow.flush()
            followup.add_note(uow, p.id, f"{last} : dossier RQTH en cours", restricted=True)
            p.last_contact_on = last_contact
            uow.commit()
            return p.id
    finally:
        store.dispose()


def _manager(campus: Campus) -> str:
    """A campus manager's account, made at HQ (accounts are HQ's) and received by the campus."""
    from gn_hq.services import users

    ctx = campus.hq.context()
    try:
        user = users.add_user(
            ctx, f"resp.{campus.code.lower()}", "Nadia", "campus_manager", "mot-de-passe-resp", campus.code
        )
    finally:
        ctx.dispose()
    campus.sync()
    return user


def _open(campus: Campus, user_id: str, pid: str) -> None:
    store = campus.store()
    try:
        with store.unit_of_work(user_id) as uow:
            person_file.open_file(uow, pid, TODAY)
            uow.commit()
    finally:
        store.dispose()


def _audit_events(campus: Campus) -> int:
    store = campus.store()
    try:
        with store.reading() as s:
            return len(s.scalars(select(m.AuditEvent)).all())
    finally:
        store.dispose()


def _warned(campus: Campus, day: date) -> list[str]:
    store = campus.store()
    try:
        with store.read_unit() as uow:
            return [a.person_id for a in retention.due_for_anonymisation(uow, day).items]
    finally:
        store.dispose()


def test_audit_trail_and_retention_across_hq_and_two_campus_pcs(
    audit_hq: Hq, tmp_path: Path, keyring_file: dict[str, str]
) -> None:
    a = enrol(audit_hq, tmp_path, keyring_file, "sdn")
    b = enrol(audit_hq, tmp_path, keyring_file, "aub")
    a.sync()
    b.sync()
    old = _person(a, NAME, date(2024, 2, 10))
    kept = _person(a, "Kept", date(2024, 3, 2), "+33639981299")  # one day inside the 24 months on 1 March 2026
    a.sync()
    a.share(old, b)
    b.sync()
    assert b.person(old) is not None

    # the audit trail: a manager opens the file on A; the events reach HQ and leave the PC
    manager = _manager(a)
    _open(a, manager, old)
    assert _audit_events(a) == 1  # the restricted note (no RQTH decision in this file)
    a.sync()
    assert _audit_events(a) == 0
    events = json.loads(audit_hq.admin("audit", "list", "--person", old, "--json"))
    assert [(ev["action"], ev["account_id"], ev["campus_code"]) for ev in events] == [
        ("restricted_note_read", manager, a.code)
    ]

    # retention: advisors were warned, the dry run lists the file, the run anonymises it on both PCs
    assert _warned(a, date(2026, 1, 15)) == [old]  # due on 10 February, warned from 11 January
    dry = audit_hq.admin("retention", "run", "--dry-run", "--today", TODAY.isoformat())
    assert old in dry and kept not in dry and NAME not in dry
    ctx = audit_hq.context()
    try:
        before = indicators.indicators(ctx).total.indicators.enrolled_cumulative
    finally:
        ctx.dispose()
    done = audit_hq.admin("retention", "run", "--today", TODAY.isoformat())
    assert "1 dossier anonymisé" in done
    a.sync()
    b.sync()
    for campus in (a, b):
        assert campus.person(old) == {
            "first_name": "Anonyme", "last_name": "", "phone": None, "email": None, "commune_other": None,
        }  # fmt: skip
        assert campus.person(kept) is None or campus.person(kept)["last_name"] == "Kept"  # type: ignore[index]
        for name in ("campus.db", "campus.db-wal"):
            path = campus.data_dir / name
            if path.exists():
                raw = path.read_bytes()
                assert NAME.encode() not in raw, f"{campus.name}/{name}"
                assert PHONE.encode() not in raw, f"{campus.name}/{name}"
        assert old not in _warned(campus, date(2026, 3, 2))
    assert a.person(kept) is not None and a.person(kept)["last_name"] == "Kept"  # type: ignore[index]
    ctx = audit_hq.context()
    try:
        assert indicators.indicators(ctx).total.indicators.enrolled_cumulative == before
    finally:
        ctx.dispose()
    # the trail about the file outlives its anonymisation
    assert len(json.loads(audit_hq.admin("audit", "list", "--person", old, "--json"))) == 1
