"""Search-before-create asks HQ (issue 18, item 4), with a real HQ process and two campus PCs, from the command line:
Aubervilliers learns that the person at its desk is followed at Saint-Denis (campus and strength only), asks for a
transfer with the person's consent, Saint-Denis accepts, and after one sync each the file is Aubervilliers'."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from tests.e2e.conftest import Hq, enrol
from tests.e2e.test_transfers import PASSWORD, _advisor, _campus_of, _notes


def test_a_lookup_a_transfer_request_and_its_acceptance_bring_the_file(
    live_hq: Hq, tmp_path: Path, keyring_file: dict[str, str]
) -> None:
    sdn = enrol(live_hq, tmp_path, keyring_file, "sdn")
    aub = enrol(live_hq, tmp_path, keyring_file, "aub")
    sdn.sync()
    aub.sync()
    _advisor(live_hq, sdn, "conseil.sdn")
    _advisor(live_hq, aub, "conseil.aub")
    pid = sdn.add_person("Awa", "Diallo")
    sdn.edit(pid, birth_date=date(2003, 4, 12))
    sdn.sync()
    aub.sync()
    sdn.sync()
    as_aub = ("--user", "conseil.aub")
    as_sdn = ("--user", "conseil.sdn")
    typed = ("--first-name", "awa", "--last-name", "DIALLO", "--birth-date", "12/04/2003")

    vague = aub.cli(
        "person", "lookup", "--first-name", "Awa", "--last-name", "Diallo", *as_aub, stdin=PASSWORD + "\n", check=False
    )
    assert vague.returncode == 1 and "Recherche trop vague" in vague.stderr

    found = json.loads(aub.cli("person", "lookup", *typed, "--json", *as_aub, stdin=PASSWORD + "\n").stdout)
    assert [(m["campus_code"], m["strength"]) for m in found["matches"]] == [(sdn.code, "strong")]
    assert pid not in json.dumps(found) and "Diallo" not in json.dumps(found)
    said = aub.cli("person", "lookup", *typed, *as_aub, stdin=PASSWORD + "\n").stdout
    assert "semble déjà suivie au campus de" in said and "correspondance forte" in said

    token = found["matches"][0]["token"]
    asked = aub.cli("person", "request", token, "--kind", "transfer", "--consent", *as_aub, stdin=PASSWORD + "\n")
    assert "Demande de transfert envoyée" in asked.stdout

    incoming = json.loads(sdn.cli("person", "requests", "--json").stdout)["incoming"]
    assert [(r["person_id"], r["kind"], r["campus_code"]) for r in incoming] == [(pid, "transfer", aub.code)]
    assert "Awa Diallo" in sdn.cli("person", "requests").stdout  # named from SDN's own file
    sdn.cli("person", "accept", incoming[0]["id"], *as_sdn, stdin=PASSWORD + "\n")
    sdn.sync()
    aub.sync()

    assert pid in aub.people()
    assert _campus_of(aub, pid) == aub.campus_id()  # Aubervilliers follows Awa now
    assert any("à sa demande" in body for body in _notes(aub, pid))
    outgoing = json.loads(aub.cli("person", "requests", "--json").stdout)["outgoing"]
    assert [(r["status"], r["person_id"]) for r in outgoing] == [("accepted", pid)]
