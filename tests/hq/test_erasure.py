"""GDPR erasure: personal data removed everywhere at HQ, tombstones sent to every campus that had the person, late
edits refused — whether asked of HQ directly or pushed by a campus."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select, text

from gn_hq.db.models import conflict_table, erasure_table, record_table
from tests.hq.world import World, new_id, person_values


def _followed_by_two_campuses(world: World) -> tuple[str, list[str]]:
    sdn, aub = world.devices["SDN"], world.devices["AUB"]
    pid = new_id()
    linked = [new_id(), new_id(), new_id()]
    sdn.push(
        sdn.insert("person", pid, person_values(world.campus_ids["SDN"], last_name="Keïta")),
        sdn.insert(
            "note", linked[0], {"person_id": pid, "body": "Mme Keïta cherche une alternance", "restricted": False}
        ),
        sdn.insert("consent", linked[1], {"person_id": pid, "purpose": "follow_up", "legal_basis": "consent"}),
        sdn.insert(
            "rqth_decision", linked[2], {"person_id": pid, "decided_on": "2024-01-10", "valid_from": "2024-01-10"}
        ),
    )
    world.client.post(f"/v1/people/{pid}/shares", json={"campus_id": world.campus_ids["AUB"]}, headers=sdn.headers)
    sdn.pull()
    aub.pull()
    # A conflict about the person, holding personal values.
    sdn.push(sdn.update("person", pid, phone="+33611111111"))
    aub.push(aub.update("person", pid, phone="+33622222222"))
    return pid, linked


def _nothing_personal_left(world: World, pid: str, linked: list[str]) -> None:
    with world.hq.read() as conn:
        rows = conn.execute(select(record_table).where(record_table.c.person_id == pid)).all()
        assert {r.record_id for r in rows} == {pid, *linked}
        assert all(r.erased and r.deleted and r.data == "{}" and r.field_meta == "{}" for r in rows)
        conflicts = conn.execute(select(conflict_table).where(conflict_table.c.person_id == pid)).all()
        assert conflicts and all(
            c.status == "erased" and c.hq_value is None and c.campus_value is None for c in conflicts
        )
        dump = " ".join(
            str(v)
            for table in ("record", "conflict")
            for row in conn.execute(text(f"SELECT * FROM {table}"))
            for v in row
        )
        assert "Keïta" not in dump and "+3361" not in dump and "+3362" not in dump
        proof = conn.execute(select(erasure_table.c.reason).where(erasure_table.c.person_id == pid)).scalar()
        assert proof and "Keïta" not in proof


def _campuses_are_told_and_late_edits_refused(world: World, pid: str, linked: list[str]) -> None:
    sdn, aub, mtr = world.devices["SDN"], world.devices["AUB"], world.devices["MTR"]
    for device in (sdn, aub):
        device.pull()
        for key in [("person", pid), *(("note", linked[0]),)]:
            record = device.replica[key]
            assert record["erased"] and record["data"] is None
    mtr.pull()
    assert ("person", pid) not in mtr.replica
    late = aub.push(
        aub.change("person", pid, "update", {"phone": ("+33622222222", "+33699999999")}, base=3),
        aub.insert("note", new_id(), {"person_id": pid, "body": "Note écrite hors ligne", "restricted": False}),
    )
    assert [r["code"] for r in late["rejected"]] == ["erased", "erased"]
    with world.hq.read() as conn:
        assert "hors ligne" not in " ".join(r.data for r in conn.execute(select(record_table.c.data)))


def test_erasure_asked_of_hq_leaves_only_tombstones(world: World) -> None:
    pid, linked = _followed_by_two_campuses(world)
    sdn = world.devices["SDN"]
    for wrong in (
        {},
        {"reason": "Demande de la personne", "reference": "T-1"},  # free text: a code from the list is needed
        {"reason": "person_request", "reference": "Keïta, Awa"},  # the proof would keep the name
    ):
        refused = world.client.post(f"/v1/people/{pid}/erasure", json=wrong, headers=sdn.headers)
        assert refused.status_code == 422, wrong
        assert refused.headers["content-type"] == "application/problem+json"
    assert world.client.post(f"/v1/people/{pid}/erasure", json={}, headers=sdn.headers).status_code == 422
    done = world.client.post(
        f"/v1/people/{pid}/erasure", json={"reason": "person_request", "reference": "DPO-7"}, headers=sdn.headers
    )
    assert done.status_code == 200, done.text
    assert done.json()["records_erased"] == 4 and not done.json()["already_erased"]
    again = world.client.post(
        f"/v1/people/{pid}/erasure", json={"reason": "duplicate", "reference": "D-2"}, headers=sdn.headers
    ).json()
    assert again["already_erased"] and again["records_erased"] == 0
    _nothing_personal_left(world, pid, linked)
    _campuses_are_told_and_late_edits_refused(world, pid, linked)
    # A campus that does not follow the person cannot erase them.
    other = world.client.post(
        f"/v1/people/{pid}/erasure",
        json={"reason": "other", "reference": "x" * 5},
        headers=world.devices["MTR"].headers,
    )
    assert other.status_code == 403


def test_erasure_pushed_by_a_campus_does_the_same(world: World) -> None:
    pid, linked = _followed_by_two_campuses(world)
    sdn = world.devices["SDN"]
    sdn.pull()
    response = sdn.push(sdn.delete("person", pid, erasure=True))
    assert response["rejected"] == []
    _nothing_personal_left(world, pid, linked)
    _campuses_are_told_and_late_edits_refused(world, pid, linked)


def test_a_large_batch_ending_with_an_erasure(world: World) -> None:
    """Bulk writes twice in one transaction (the batch, then the erasure of records it did not touch)."""
    sdn = world.devices["SDN"]
    pid = new_id()
    notes = [new_id() for _ in range(80)]
    sdn.push(
        sdn.insert("person", pid, person_values(world.campus_ids["SDN"])),
        *[
            sdn.insert("note", n, {"person_id": pid, "body": f"Note {i}", "restricted": False})
            for i, n in enumerate(notes)
        ],
    )
    others = [new_id() for _ in range(80)]
    sdn.pull()
    answer = sdn.push(
        *[sdn.insert("person", o, person_values(world.campus_ids["SDN"])) for o in others],
        sdn.delete("person", pid, erasure=True),
    )
    assert answer["rejected"] == [] and answer["applied"] == 81
    with world.hq.read() as conn:
        rows = conn.execute(select(record_table.c.erased).where(record_table.c.person_id == pid)).all()
        assert len(rows) == 81 and all(r.erased for r in rows)
        kept = conn.execute(select(record_table.c.record_id).where(record_table.c.record_id.in_(others))).all()
        assert len(kept) == 80


def test_an_erasure_takes_the_kiosk_pre_registrations_that_describe_the_person_at_any_campus(
    world: World, db_url: str
) -> None:
    """A visitor pre-registered at another campus's kiosk (never linked to their file) with the same phone: the
    pre-registration is erased with them, and that campus's PCs are told; someone else's stays."""
    sdn, aub = world.devices["SDN"], world.devices["AUB"]
    pid, theirs, someone_else = new_id(), new_id(), new_id()
    sdn.push(sdn.insert("person", pid, person_values(world.campus_ids["SDN"], last_name="Quintanilla")))

    def pre_registration(first: str, last: str, phone: str) -> dict[str, object]:
        return {
            "campus_id": world.campus_ids["AUB"],
            "first_name": first,
            "last_name": last,
            "phone": phone,
            "message": "",
            "language": "fr",
            "consent_text_version": "2025-01",
            "status": "waiting",
            "job_families": [],
        }

    aub.push(
        aub.insert("pre_registration", theirs, pre_registration("Awa", "Q.", "+33612345678")),
        aub.insert("pre_registration", someone_else, pre_registration("Inès", "Moreau", "+33780000001")),
    )
    aub.pull()
    assert aub.has("pre_registration", theirs)
    done = world.client.post(
        f"/v1/people/{pid}/erasure", json={"reason": "person_request", "reference": "DPO-8"}, headers=sdn.headers
    )
    assert done.status_code == 200, done.text
    aub.pull()
    assert aub.replica[("pre_registration", theirs)]["erased"]
    assert aub.has("pre_registration", someone_else)
    with world.hq.read() as conn:
        dump = " ".join(r.data for r in conn.execute(select(record_table.c.data)))
    assert "Quintanilla" not in dump and "+33612345678" not in dump and "Moreau" in dump
    if db_url.startswith("sqlite"):
        # nothing of them in any file beside HQ's database either (its WAL was emptied after the erasure)
        folder = Path(db_url.removeprefix("sqlite:///")).parent
        for path in folder.iterdir():
            if path.is_file():
                assert b"Quintanilla" not in path.read_bytes() and b"+33612345678" not in path.read_bytes(), path


def test_an_hq_administrator_erases_from_the_command_line_with_a_reason_code_and_a_reference(
    world: World, db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from gn_hq import cli

    sdn = world.devices["SDN"]
    pid = new_id()
    sdn.push(sdn.insert("person", pid, person_values(world.campus_ids["SDN"], last_name="Quintanilla")))
    common = ["--database-url", db_url, "--data-dir", str(tmp_path / "cli")]
    with pytest.raises(SystemExit):  # free text is not a reason
        cli.main(["person", "erase", pid, "--reason", "elle l'a demandé", "--reference", "T-1", *common])
    assert cli.main(["person", "erase", pid, "--reason", "person_request", "--reference", "Quintanilla", *common]) == 1
    assert "ne doit pas contenir le nom" in capsys.readouterr().err
    assert cli.main(["person", "erase", pid, "--reason", "person_request", "--reference", "DPO-12", *common]) == 0
    with world.hq.read() as conn:
        proof = conn.execute(select(erasure_table.c.reason).where(erasure_table.c.person_id == pid)).scalar()
    assert proof == "Demande de la personne (art. 17 RGPD) — référence : DPO-12"
