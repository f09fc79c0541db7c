"""The audit trail of sensitive reads at HQ (SQLite and PostgreSQL): a campus PC adds the events it recorded, for its
own campus, naming itself and an account of its campus; nobody edits or deletes one; no device receives them; an
erasure keeps them; HQ administrators read them with `gn-hq audit list`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from gn_core.sync_rules import REFUSAL_DETAIL, DeviceRole, Refusal
from gn_hq import cli
from gn_hq.services import audit, devices, users
from tests.hq.world import SimDevice, World, enrol, new_id, person_values

AT = "2026-03-02T10:00:00.000+00:00"


def _event(device: SimDevice, **values: Any) -> dict[str, Any]:
    """The values of an audit event as `device` records it (its campus, itself), with `values`."""
    return {
        "at": AT,
        "account_id": None,
        "device_id": device.device_id,
        "campus_id": device.campus_id,
        "action": "rqth_read",
        "person_id": None,
        "detail": None,
        **values,
    }


def _person(world: World, code: str = "SDN") -> str:
    device = world.devices[code]
    pid = new_id()
    assert device.push(device.insert("person", pid, person_values(world.campus_ids[code])))["rejected"] == []
    return pid


def test_a_campus_pc_adds_its_own_events_and_no_device_ever_receives_them(world: World) -> None:
    sdn, aub = world.devices["SDN"], world.devices["AUB"]
    advisor = users.add_user(world.hq, "conseil.sdn", "Camille", "advisor", "mot-de-passe-cons", "SDN")
    pid = _person(world)
    event = new_id()
    answer = sdn.push(sdn.insert("audit_event", event, _event(sdn, account_id=advisor, person_id=pid)))
    assert answer["rejected"] == [] and answer["applied"] == 1
    for device in (sdn, aub):
        device.pull()
        assert not any(entity == "audit_event" for entity, _id in device.replica)
    listed = audit.list_events(world.hq)
    assert [(e.id, e.account, e.campus_code, e.action, e.person_id) for e in listed] == [
        (event, "conseil.sdn", "SDN", "rqth_read", pid)
    ]
    assert listed[0].action_label == "Lecture d'une RQTH" and listed[0].device == "poste d'accueil"


def test_an_event_is_added_once_by_its_own_device_for_its_campus_and_never_changed(world: World) -> None:
    sdn, aub = world.devices["SDN"], world.devices["AUB"]
    sdn_advisor = users.add_user(world.hq, "conseil.sdn", "Camille", "advisor", "mot-de-passe-cons", "SDN")
    aub_advisor = users.add_user(world.hq, "conseil.aub", "Hugo", "advisor", "mot-de-passe-cons", "AUB")
    admin = users.add_user(world.hq, "admin", "Administratrice", "hq_admin", "mot-de-passe-du-siege")
    good, by_admin = new_id(), new_id()
    answer = sdn.push(
        sdn.insert("audit_event", good, _event(sdn, account_id=sdn_advisor)),
        sdn.insert("audit_event", by_admin, _event(sdn, account_id=admin, action="people_export")),
        sdn.insert("audit_event", new_id(), _event(sdn, campus_id=world.campus_ids["AUB"])),  # another campus
        sdn.insert("audit_event", new_id(), _event(sdn, device_id=aub.device_id)),  # blaming another device
        sdn.insert("audit_event", new_id(), _event(sdn, account_id=aub_advisor)),  # another campus's advisor
        sdn.insert("audit_event", new_id(), _event(sdn, account_id=new_id())),  # an account HQ does not know
        sdn.change("audit_event", good, "update", {"action": ("rqth_read", "people_export")}, base=1),
        sdn.change("audit_event", good, "delete", {"action": ("rqth_read", None)}, base=1),
    )
    assert answer["applied"] == 8 and answer["last_device_seq"] == sdn.seq  # refusals never block the queue
    assert [r["code"] for r in answer["rejected"]] == ["forbidden"] * 6
    assert {r["detail"] for r in answer["rejected"]} == {REFUSAL_DETAIL[Refusal.AUDIT_TRAIL]}
    # another campus cannot touch it either
    other = aub.push(aub.change("audit_event", good, "update", {"detail": (None, "effacé")}, base=1))
    assert [r["code"] for r in other["rejected"]] == ["forbidden"]
    assert {(e.id, e.action, e.detail) for e in audit.list_events(world.hq)} == {
        (good, "rqth_read", None),
        (by_admin, "people_export", None),
    }


def test_a_kiosk_never_writes_the_trail(world: World) -> None:
    secret = devices.issue_enrolment_code(world.hq, "SDN", DeviceRole.KIOSK)
    kiosk = enrol(world.client, secret, world.campus_ids["SDN"])
    answer = kiosk.push(kiosk.insert("audit_event", new_id(), _event(kiosk)))
    assert [r["code"] for r in answer["rejected"]] == ["forbidden"]
    assert audit.list_events(world.hq) == []


def test_erasing_a_person_keeps_the_events_about_them(world: World) -> None:
    """The trail outlives the file: the event keeps the person's opaque id (nothing else names them once erased)."""
    sdn = world.devices["SDN"]
    pid = _person(world)
    event = new_id()
    sdn.push(sdn.insert("audit_event", event, _event(sdn, person_id=pid)))
    response = world.client.post(
        f"/v1/people/{pid}/erasure", json={"reason": "person_request", "reference": "T-2041"}, headers=sdn.headers
    )
    assert response.status_code == 200, response.text
    # an event recorded before the erasure and sent after it is kept too
    late = new_id()
    assert sdn.push(sdn.insert("audit_event", late, _event(sdn, person_id=pid)))["rejected"] == []
    assert {e.id for e in audit.list_events(world.hq, person_id=pid)} == {event, late}
    sdn.pull()
    assert not sdn.has("person", pid)


def _cli(db_url: str, tmp_path: Path, *args: str) -> int:
    return cli.main([*args, "--database-url", db_url, "--data-dir", str(tmp_path / "data")])


def test_gn_hq_audit_list_filters_by_person_campus_and_day(
    world: World, db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sdn, aub = world.devices["SDN"], world.devices["AUB"]
    advisor = users.add_user(world.hq, "conseil.sdn", "Camille", "advisor", "mot-de-passe-cons", "SDN")
    awa, karim = _person(world), _person(world, "AUB")
    sdn.push(
        sdn.insert("audit_event", new_id(), _event(sdn, account_id=advisor, person_id=awa)),
        sdn.insert(
            "audit_event",
            new_id(),
            _event(sdn, at="2026-03-05T08:00:00.000+00:00", action="people_export", detail="format=csv rows=120"),
        ),
    )
    late = "2026-03-02T11:00:00.000+00:00"
    aub.push(aub.insert("audit_event", new_id(), _event(aub, at=late, action="restricted_note_read", person_id=karim)))

    assert _cli(db_url, tmp_path, "audit", "list") == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].split() == ["Date", "(UTC)", "Campus", "Compte", "Poste", "Action", "Personne", "Détail"]
    assert len(out) == 4 and "conseil.sdn" in out[1] and "Lecture d'une RQTH" in out[1] and awa in out[1]
    assert "CSV, 120 lignes" in out[3] and "Export de personnes" in out[3]

    assert _cli(db_url, tmp_path, "audit", "list", "--person", awa, "--json") == 0
    rows = json.loads(capsys.readouterr().out)
    assert [(r["person_id"], r["account"], r["campus_code"]) for r in rows] == [(awa, "conseil.sdn", "SDN")]
    assert _cli(db_url, tmp_path, "audit", "list", "--campus", "aub", "--json") == 0
    assert [r["action"] for r in json.loads(capsys.readouterr().out)] == ["restricted_note_read"]
    assert _cli(db_url, tmp_path, "audit", "list", "--since", "2026-03-03", "--json") == 0
    assert [r["action"] for r in json.loads(capsys.readouterr().out)] == ["people_export"]
    assert _cli(db_url, tmp_path, "audit", "list", "--campus", "ZZZ") == 1
    assert "inconnu" in capsys.readouterr().err


def test_the_detail_of_an_event_reads_as_french() -> None:
    assert audit.detail_label("what=people format=xlsx rows=1250 from=2026-01-01 to=2026-03-31") == (
        "extraction des personnes, XLSX, 1\u202f250 lignes, du 01/01/2026 au 31/03/2026"
    )
    assert audit.detail_label("what=outcomes format=csv rows=0 from=2026-01-01 to=") == (
        "extraction des sorties, CSV, aucune ligne, depuis le 01/01/2026"
    )
    assert audit.detail_label("format=csv rows=1") == "CSV, 1 ligne"
    assert audit.detail_label("formats=pdf+json") == "PDF et JSON"
    assert audit.detail_label("notes=2") == "2 notes restreintes"
    assert audit.detail_label("correspondances=0") == "aucune correspondance"
    assert audit.detail_label("correspondances=3") == "3 correspondances"
    # what it does not know stays as it is; nothing is not an empty phrase
    assert audit.detail_label("version=2 rows=x") == "lignes : x, version=2"
    assert audit.detail_label("rows=²") == "lignes : ²"  # a digit to Python, not a number
    assert audit.detail_label(None) == "" and audit.detail_label("") == ""


def test_the_detail_and_the_action_read_in_english_when_asked() -> None:
    """The console's English pages ask for English; everything else (gn-hq audit list, the JSON) keeps French."""
    assert audit.detail_label("what=people format=xlsx rows=1250 from=2026-01-01 to=2026-03-31", "en") == (
        "people extract, XLSX, 1,250 rows, from 2026-01-01 to 2026-03-31"
    )
    assert audit.detail_label("what=outcomes format=csv rows=0 from=2026-01-01 to=", "en") == (
        "outcomes extract, CSV, no rows, since 2026-01-01"
    )
    assert audit.detail_label("what=events to=2026-02-28", "en") == "events extract, until 2026-02-28"
    assert audit.detail_label("format=csv rows=1", "en") == "CSV, 1 row"
    assert audit.detail_label("formats=pdf+json", "en") == "PDF and JSON"
    assert audit.detail_label("notes=1", "en") == "1 restricted note"
    assert audit.detail_label("correspondances=0", "en") == "no match"
    assert audit.detail_label("correspondances=3", "en") == "3 matches"
    assert audit.detail_label("version=2 rows=x", "en") == "rows: x, version=2"
    assert audit.detail_label("from=2026-13-01", "en") == "since 2026-13-01"  # not a day: as it was written
    assert audit.action_label("rqth_read", "en") == "RQTH decision read"
    assert audit.action_label("rqth_read") == "Lecture d'une RQTH"
    assert audit.action_label("something_new", "en") == "something_new"
    assert audit.detail_label("notes=2", "xx") == "2 notes restreintes"  # a language it does not know: French
