"""Limited retention at HQ (SQLite and PostgreSQL), with a fixed day: `gn-hq retention run --dry-run` lists exactly the
files with no contact for the retention period (24 months unless HQ sets another), one day inside it is kept, and a
run anonymises them — identity, contact and free text gone, statistics kept — for every campus that follows them,
which then cannot change them; the indicators still count them."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from gn_core.retention import ANONYMISED_REFUSAL
from gn_hq import cli
from gn_hq.services import indicators, retention
from tests.hq.world import SimDevice, World, new_id, person_values

TODAY = date(2026, 3, 1)  # 24 months earlier: 1 March 2024


def _person(device: SimDevice, campus_id: str, *records: tuple[str, dict[str, Any]], **values: Any) -> str:
    """A person enrolled in January 2023 (as `values` say otherwise), with `records` (entity, values)."""
    pid = new_id()
    values = {"enrolled_on": "2023-01-10", "pathway_since": "2023-01-10", **values}
    changes = [device.insert("person", pid, person_values(campus_id, **values))]
    changes += [device.insert(entity, new_id(), {"person_id": pid, **v}) for entity, v in records]
    assert device.push(*changes)["rejected"] == []
    return pid


@pytest.fixture
def people(world: World) -> dict[str, str]:
    sdn, aub = world.devices["SDN"], world.devices["AUB"]
    s, a = world.campus_ids["SDN"], world.campus_ids["AUB"]
    done = {"status": "done", "starts_at": "2025-06-02T09:00:00.000+00:00"}
    planned = {"status": "planned", "starts_at": "2025-06-02T09:00:00.000+00:00", "subject": "Bilan avec Awa"}
    return {
        # past the period
        "old": _person(
            sdn,
            s,
            ("note", {"body": "Awa cherche une alternance, joignable au 06 12 34 56 78", "restricted": True}),
            ("appointment", planned),  # planned is not a contact
            ("rqth_decision", {}),
            ("pathway_event", {"to_step": "assessment", "occurred_on": "2023-02-01", "comment": "Awa motivée"}),
            last_contact_on="2024-02-10",
        ),
        "exactly": _person(aub, a, last_contact_on="2024-03-01"),  # exactly 24 months: due that day
        # kept
        "inside": _person(sdn, s, last_contact_on="2024-03-02"),  # one day inside the period
        "came": _person(sdn, s, ("appointment", done), last_contact_on="2023-05-01"),
        "referred": _person(sdn, s, ("referral", {"referred_on": "2023-04-01", "decided_on": "2024-09-01"})),
        "stepped": _person(aub, a, ("pathway_event", {"to_step": "assessment", "occurred_on": "2024-12-01"})),
        "checked_in": _person(
            sdn, s, ("visit", {"campus_id": s, "arrived_at": "2025-01-06T08:30:00.000+00:00"}), last_contact_on=None
        ),
        "recent": _person(aub, a, enrolled_on="2025-09-01", pathway_since="2025-09-01"),
    }


def _cli(db_url: str, tmp_path: Path, *args: str) -> int:
    return cli.main([*args, "--database-url", db_url, "--data-dir", str(tmp_path / "data")])


def test_a_dry_run_lists_exactly_the_files_past_the_period_and_changes_nothing(
    world: World, people: dict[str, str], db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    months, found = retention.affected(world.hq, TODAY)
    assert months == 24
    assert {a.person_id for a in found} == {people["old"], people["exactly"]}
    by_id = {a.person_id: a for a in found}
    assert by_id[people["old"]].last_contact == date(2024, 2, 10) and by_id[people["old"]].campus_code == "SDN"
    assert by_id[people["exactly"]].due_on == TODAY

    assert _cli(db_url, tmp_path, "retention", "run", "--dry-run", "--today", "2026-03-01") == 0
    out = capsys.readouterr().out
    assert "Conservation : 24 mois sans contact. Au 01/03/2026, 2 dossiers à anonymiser (rien n'est modifié)" in out
    assert people["old"] in out and people["exactly"] in out and "10/02/2024" in out
    assert "Diallo" not in out  # ids, campus and dates: no name
    sdn = world.devices["SDN"]
    sdn.pull()
    assert sdn.data("person", people["old"])["last_name"] == "Diallo"
    # one day earlier, the file exactly at the limit is not due yet
    assert {a.person_id for a in retention.affected(world.hq, date(2026, 2, 28))[1]} == {people["old"]}


def test_a_run_anonymises_at_hq_keeps_the_statistics_and_refuses_later_changes(
    world: World, people: dict[str, str], db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    admin, password = world.admin()
    before = world.client.get("/v1/indicators", auth=(admin, password)).json()["total"]
    sdn, aub = world.devices["SDN"], world.devices["AUB"]
    sdn.pull()
    assert _cli(db_url, tmp_path, "retention", "run", "--today", "2026-03-01") == 0
    assert "2 dossiers anonymisés" in capsys.readouterr().out

    sdn.pull()
    old = sdn.data("person", people["old"])
    assert (old["first_name"], old["last_name"], old.get("phone"), old.get("email")) == ("Anonyme", "", None, None)
    assert old["birth_date"] == "2003-07-01" and old["anonymised_on"] == "2026-03-01"
    assert (old["gender"], old["education_level"], old["pathway_step"], old["campus_id"]) == (
        "female",
        "4",
        "welcome",
        world.campus_ids["SDN"],
    )
    linked = {e: sdn.data(e, rid) for (e, rid), r in sdn.replica.items() if r["person_id"] == people["old"]}
    assert linked["note"]["body"] == "" and linked["note"]["restricted"] is True
    assert linked["appointment"]["subject"] == "" and linked["appointment"]["starts_at"].startswith("2025-06-02")
    assert linked["pathway_event"]["comment"] == "" and linked["pathway_event"]["occurred_on"] == "2023-02-01"
    assert linked["rqth_decision"]["decided_on"] == "2024-05-02"  # counted by the indicators
    assert sdn.data("person", people["inside"])["last_name"] == "Diallo"
    # the person comes first in the feed: a campus knows the file is anonymised before its records arrive
    seqs = {e: r["seq"] for (e, _id), r in sdn.replica.items() if r["person_id"] == people["old"]}
    assert seqs["person"] < min(seqs[e] for e in ("note", "appointment", "pathway_event"))  # (RQTH: unchanged)

    after = world.client.get("/v1/indicators", auth=(admin, password)).json()["total"]
    # the same figures, the same breakdowns (gender, age, disability recognition…): statistics kept
    assert after["indicators"] == before["indicators"]
    assert before["indicators"]["enrolled_cumulative"] >= 2 and before["indicators"]["breakdowns"]

    # an anonymised file changes no more: not its identity, nor a new note; another run finds nothing to do
    answer = sdn.push(
        sdn.update("person", people["old"], phone="+33612345678"),
        sdn.insert("note", new_id(), {"person_id": people["old"], "body": "Awa est revenue"}),
    )
    assert [(r["code"], r["detail"]) for r in answer["rejected"]] == [("forbidden", ANONYMISED_REFUSAL)] * 2
    assert retention.run(world.hq, TODAY).affected == []
    # ...but it can still be erased
    aub.pull()
    answer = aub.push(aub.delete("person", people["exactly"], erasure=True))
    assert answer["rejected"] == []
    aub.pull()
    assert aub.replica[("person", people["exactly"])]["erased"] is True


def test_the_period_is_set_at_hq_and_reaches_every_campus(
    world: World, people: dict[str, str], db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _cli(db_url, tmp_path, "retention", "show") == 0
    assert "24 mois" in capsys.readouterr().out
    assert _cli(db_url, tmp_path, "retention", "set", "30") == 0
    capsys.readouterr()
    assert retention.months(world.hq) == 30
    assert retention.affected(world.hq, TODAY)[1] == []
    assert _cli(db_url, tmp_path, "retention", "set", "3") == 1
    assert "entre 6 et 120" in capsys.readouterr().err
    for device in world.devices.values():
        device.pull()
        assert device.data("hq_setting", "retention_months") == {"value": "30"}
    # a campus never writes it
    mtr = world.devices["MTR"]
    answer = mtr.push(mtr.update("hq_setting", "retention_months", value="1200"))
    assert [r["code"] for r in answer["rejected"]] == ["forbidden"]
    assert indicators.indicators(world.hq).total.indicators.enrolled_cumulative == len(people)


def test_anonymising_a_shared_file_leaves_no_old_value_at_hq_nor_in_a_conflict(world: World) -> None:
    """Like an erasure, the values of every conflict about the person go; both campuses receive the file anonymised."""
    from sqlalchemy import select, text

    from gn_hq.db.models import conflict_table, erasure_table

    sdn, aub = world.devices["SDN"], world.devices["AUB"]
    pid = _person(sdn, world.campus_ids["SDN"], last_name="Keïta", last_contact_on="2024-01-05")
    world.client.post(f"/v1/people/{pid}/shares", json={"campus_id": world.campus_ids["AUB"]}, headers=sdn.headers)
    sdn.pull()
    aub.pull()
    sdn.push(sdn.update("person", pid, phone="+33611111111"))  # a conflict holding personal values
    aub.push(aub.update("person", pid, phone="+33622222222"))
    report = retention.run(world.hq, TODAY)
    assert [a.person_id for a in report.affected] == [pid] and report.anonymised == 1
    with world.hq.read() as conn:
        conflicts = conn.execute(select(conflict_table).where(conflict_table.c.person_id == pid)).all()
        assert conflicts and all(c.status == "erased" and c.hq_value is None for c in conflicts)
        dump = " ".join(
            str(v)
            for table in ("record", "conflict")
            for row in conn.execute(text(f"SELECT * FROM {table}"))
            for v in row
        )
        assert "Keïta" not in dump and "+3361" not in dump and "+3362" not in dump
        kinds = conn.execute(select(erasure_table.c.kind).where(erasure_table.c.person_id == pid)).scalars().all()
        assert kinds == ["anonymise"]
    for device in (sdn, aub):
        device.pull()
        assert device.data("person", pid)["last_name"] == "" and device.data("person", pid).get("phone") is None
