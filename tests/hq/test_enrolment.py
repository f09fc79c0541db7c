"""Enrolment, device authentication, protocol versions, and the administration commands."""

from __future__ import annotations

import io
import json
import threading
from pathlib import Path

import pytest

from gn_hq import cli
from gn_hq.services import devices
from tests.hq.world import World, enrol, new_id, record_values


def test_a_code_enrols_one_device_once(world: World) -> None:
    secret = devices.issue_enrolment_code(world.hq, "SDN")
    device = enrol(world.client, secret, world.campus_ids["SDN"])
    assert device.pull()[0]["records"]
    reused = world.client.post("/v1/enrol", json={"code": secret, "device_id": new_id()}, headers={"GN-Protocol": "1"})
    assert reused.status_code == 403 and reused.json()["code"] == "invalid_enrolment_code"
    unknown = world.client.post(
        "/v1/enrol", json={"code": "AAAA-BBBB-CCCC-DDDD", "device_id": new_id()}, headers={"GN-Protocol": "1"}
    )
    assert unknown.status_code == 403
    # A copy of another installation (same device id) cannot enrol: its sequence numbers would collide.
    clone = world.client.post(
        "/v1/enrol",
        json={"code": devices.issue_enrolment_code(world.hq, "SDN"), "device_id": device.device_id},
        headers={"GN-Protocol": "1"},
    )
    assert clone.status_code == 409 and clone.json()["code"] == "device_exists"


def test_unknown_or_revoked_devices_get_401_and_nothing_else(world: World) -> None:
    sdn = world.devices["SDN"]
    for headers in ({"GN-Protocol": "1"}, {"GN-Protocol": "1", "Authorization": "Bearer not-a-token"}):
        for method, path in (("GET", "/v1/pull"), ("POST", "/v1/push"), ("GET", "/v1/status")):
            response = world.client.request(method, path, headers=headers, json={"changes": []})
            assert response.status_code == 401
            assert response.json() == {
                "type": "about:blank",
                "title": "Appareil ou identifiants non reconnus : authentification requise.",
                "status": 401,
                "code": "unauthorized",
            }
            assert "gn-epoch" not in response.headers
    assert sdn.pull()
    devices.revoke_device(world.hq, sdn.device_id)
    assert world.client.get("/v1/pull", headers=sdn.headers).status_code == 401
    assert world.client.post("/v1/push", json={"changes": []}, headers=sdn.headers).status_code == 401


def test_old_clients_get_426_and_too_new_ones_400(world: World) -> None:
    sdn = world.devices["SDN"]
    for version in (None, "0", "abc"):
        headers = {"Authorization": sdn.headers["Authorization"]}
        if version is not None:
            headers["GN-Protocol"] = version
        response = world.client.get("/v1/pull", headers=headers)
        assert response.status_code == 426
        assert response.headers["content-type"] == "application/problem+json"
        assert response.json()["code"] == "protocol_too_old"
        assert "mettez-la à jour" in response.json()["title"]
    too_new = world.client.get("/v1/pull", headers={**sdn.headers, "GN-Protocol": "99"})
    assert too_new.status_code == 400 and too_new.json()["code"] == "protocol_unsupported"


def test_administration_commands(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    common = ["--database-url", db_url, "--data-dir", str(tmp_path / "cli")]
    assert cli.main(["campus", "add", "--code", "SEV", *common]) == 0
    out = capsys.readouterr().out
    assert "Campus SEV créé" in out and "Code d'inscription" in out
    assert cli.main(["campus", "add", "Campus bis", "--code", "SEV", *common]) == 1
    assert "existe déjà" in capsys.readouterr().err
    assert cli.main(["campus", "code", "SEV", *common]) == 0
    assert cli.main(["campus", "list", *common]) == 0
    assert "SEV" in capsys.readouterr().out
    monkeypatch.setattr("sys.stdin", io.StringIO("un-mot-de-passe-solide\n"))
    assert (
        cli.main(["user", "add", "Nadia", "--role", "campus_manager", "--campus", "SEV", "--password-stdin", *common])
        == 0
    )
    assert "Compte nadia créé" in capsys.readouterr().out
    monkeypatch.setattr("sys.stdin", io.StringIO("court\n"))
    assert cli.main(["user", "add", "bob", "--role", "hq_admin", "--password-stdin", *common]) == 1
    assert cli.main(["device", "list", *common]) == 0
    assert cli.main(["device", "revoke", "nope", *common]) == 1
    assert cli.main(["epoch", "show", *common]) == 0
    before = capsys.readouterr().out
    assert cli.main(["epoch", "rotate", *common]) == 0
    assert "Nouvelle époque" in capsys.readouterr().out
    assert cli.main(["epoch", "show", *common]) == 0
    assert capsys.readouterr().out.split()[1] != before.split()[-4]
    assert cli.main(["indicators", *common]) == 0
    assert json.loads(capsys.readouterr().out)["total"]["indicators"]["enrolled_cumulative"] == 0
    assert cli.main(["--version"]) == 0


def test_accounts_reference_data_and_set_aside_records_from_the_command_line(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    common = ["--database-url", db_url, "--data-dir", str(tmp_path / "cli")]
    assert cli.main(["campus", "add", "--code", "SDN", *common]) == 0
    monkeypatch.setattr("sys.stdin", io.StringIO("un-mot-de-passe-solide\n"))
    assert cli.main(["user", "add", "awa", "--role", "advisor", "--campus", "SDN", "--password-stdin", *common]) == 0
    capsys.readouterr()
    assert cli.main(["user", "deactivate", "Awa", *common]) == 0
    assert "prochaine synchronisation" in capsys.readouterr().out
    assert cli.main(["user", "list", *common]) == 0
    assert "désactivé" in capsys.readouterr().out
    assert cli.main(["user", "activate", "inconnu", *common]) == 1
    assert "inconnu" in capsys.readouterr().err

    partner = {"id": "partner-1", **record_values("partner", name="Simplon")}
    good = tmp_path / "catalogue.json"
    good.write_text(json.dumps({"format": "gn-reference/1", "entities": {"partner": [partner]}}), encoding="utf-8")
    assert cli.main(["reference", "import", str(good), "--dry-run", *common]) == 0
    assert "rien n'est écrit" in capsys.readouterr().out
    bad = tmp_path / "bad.json"
    broken = {**partner, "id": "partner-2", "kind": "pirate"}
    bad.write_text(json.dumps({"format": "gn-reference/1", "entities": {"partner": [broken, partner]}}))
    assert cli.main(["reference", "import", str(bad), *common]) == 1
    err = capsys.readouterr().err
    assert "rien n'a été chargé" in err and "partner n° 1" in err
    assert cli.main(["reference", "import", str(good), *common]) == 0
    assert "partner 1" in capsys.readouterr().out
    assert cli.main(["set-aside", "list", "--json", *common]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_a_device_revoked_during_a_long_poll_gets_401_not_the_changes(world: World) -> None:
    sdn = world.devices["SDN"]
    sdn.pull()  # up to date: the next pull waits
    answers: list[int] = []

    def long_poll() -> None:
        params = {"cursor": sdn.cursor, "wait": 2}
        answers.append(world.client.get("/v1/pull", params=params, headers=sdn.headers).status_code)

    waiter = threading.Thread(target=long_poll)
    waiter.start()
    threading.Event().wait(0.5)  # let the request pass authentication and start waiting
    devices.revoke_device(world.hq, sdn.device_id)
    waiter.join(timeout=10)
    assert answers == [401]
