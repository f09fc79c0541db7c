"""Shares and transfers decided on a campus PC (`gn-desktop person share|transfer`, the same service as the person's
file): with the person's consent noted in their file, queued offline, sent at the next sync; the other campus then
holds the file — following it after a transfer — and this campus keeps what it worked on."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from gn_desktop.store import models as m
from tests.e2e.conftest import Campus, Hq, enrol

PASSWORD = "mot-de-passe-conseil"


def _advisor(hq: Hq, campus: Campus, username: str) -> None:
    from gn_hq.services import users

    ctx = hq.context()
    try:
        users.add_user(ctx, username, "Conseillère", "advisor", PASSWORD, campus.code)
    finally:
        ctx.dispose()
    campus.sync()


def _campus_of(campus: Campus, person_id: str) -> str | None:
    store = campus.store()
    try:
        with store.reading() as session:
            return session.scalar(select(m.Person.campus_id).where(m.Person.id == person_id))
    finally:
        store.dispose()


def _notes(campus: Campus, person_id: str) -> list[str]:
    store = campus.store()
    try:
        with store.reading() as session:
            return list(session.scalars(select(m.Note.body).where(m.Note.person_id == person_id)))
    finally:
        store.dispose()


def test_a_share_and_a_transfer_reach_the_other_campus_at_the_next_sync(
    live_hq: Hq, tmp_path: Path, keyring_file: dict[str, str]
) -> None:
    sdn = enrol(live_hq, tmp_path, keyring_file, "sdn")
    aub = enrol(live_hq, tmp_path, keyring_file, "aub")
    sdn.sync()
    aub.sync()
    _advisor(live_hq, sdn, "conseil.partage")
    shared = sdn.add_person("Awa", "Partagée")
    moved = sdn.add_person("Moussa", "Transféré")
    sdn.sync()
    aub.sync()  # AUB's PC now knows SDN and SDN knows AUB (campuses are reference data)
    sdn.sync()
    who = ("--user", "conseil.partage")

    refused = sdn.cli("person", "share", shared, "--campus", aub.code, *who, stdin=PASSWORD + "\n", check=False)
    assert refused.returncode == 1 and "Accord de la personne" in refused.stderr

    sdn.cli("person", "share", shared, "--campus", aub.code, "--consent", *who, stdin=PASSWORD + "\n")
    sdn.cli("person", "transfer", moved, "--campus", aub.code, "--consent", *who, stdin=PASSWORD + "\n")
    assert sdn.status()["pending"] >= 2  # decided offline, waiting for the sync
    assert sdn.sync_json()["shared"] == 1
    aub.sync()

    assert {shared, moved} <= aub.people()
    assert _campus_of(aub, moved) == aub.campus_id()  # AUB follows Moussa now
    assert _campus_of(aub, shared) == sdn.campus_id()  # SDN still follows Awa
    assert {shared, moved} <= sdn.people()  # SDN keeps the files it worked on
    assert any("avec l'accord de la personne" in body for body in _notes(aub, moved))
    assert any("partagé avec le campus" in body for body in _notes(aub, shared))
