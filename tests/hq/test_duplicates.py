"""Likely duplicates across campuses: found at HQ on push, listed for review, dismissed for good (issue 18)."""

from __future__ import annotations

import contextlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete, select

from gn_hq.db.models import duplicate_pair_table as pair_t
from gn_hq.db.models import person_match_cursor_table as cursor_t
from gn_hq.db.models import person_match_pending_table as pending_t
from gn_hq.db.models import person_match_table as match_t
from gn_hq.db.models import record_table as record_t
from gn_hq.services import duplicates, erasure, merging
from gn_hq.services.errors import HqError
from tests.hq.world import World, new_id, person_values


def _enrol(world: World, code: str, **values: object) -> str:
    device = world.devices[code]
    pid = new_id()
    device.push(device.insert("person", pid, person_values(world.campus_ids[code], **values)))
    return pid


def _pairs(world: World) -> dict[frozenset[str], tuple[int, str, str]]:
    """The pair table once the people pushed are compared (what the served HQ's detector does after each push)."""
    duplicates.catch_up(world.hq)
    with world.hq.read() as conn:
        rows = conn.execute(select(pair_t)).all()
    return {frozenset((r.person_a, r.person_b)): (r.score, r.reasons, r.status) for r in rows}


def test_the_same_person_enrolled_at_two_campuses_is_proposed_after_one_push(world: World) -> None:
    sdn = _enrol(world, "SDN", first_name="Awa", last_name="Diallo", phone="+33612345678")
    aub = _enrol(world, "AUB", first_name="DIALLO", last_name="Awa", phone=None, email=None)  # names swapped
    found = _pairs(world)
    assert found[frozenset((sdn, aub))] == (100, "same_name,birth_date", "open")

    listed = duplicates.pairs(world.hq)
    assert len(listed) == 1
    sides = {listed[0].a.person_id: listed[0].a, listed[0].b.person_id: listed[0].b}
    assert sides[sdn].campus_id == world.campus_ids["SDN"] and sides[aub].campus_id == world.campus_ids["AUB"]
    assert sides[aub].first_name == "DIALLO" and sides[aub].pathway_step == "welcome"
    # a campus manager of either campus sees the pair, the third campus does not
    assert len(duplicates.pairs(world.hq, campus_id=world.campus_ids["AUB"])) == 1
    assert duplicates.pairs(world.hq, campus_id=world.campus_ids["MTR"]) == []


def test_typos_other_scripts_and_contacts_are_found_namesakes_and_siblings_are_not(world: World) -> None:
    base = _enrol(world, "SDN", first_name="Mohamed", last_name="Benali", birth_date="2000-02-01", email=None)
    typo = _enrol(world, "AUB", first_name="Mohammed", last_name="Benalli", birth_date="2000-02-01", phone=None)
    cyr = _enrol(world, "SDN", first_name="Иван", last_name="Петров", birth_date="1999-09-09", phone=None)
    lat = _enrol(world, "MTR", first_name="Ivan", last_name="Petrov", birth_date="1999-09-09", phone=None)
    # a namesake born another day, a sibling sharing the phone: not proposed
    namesake = _enrol(world, "MTR", first_name="Mohamed", last_name="Benali", birth_date="1987-06-30", email=None)
    sibling = _enrol(world, "MTR", first_name="Yasmine", last_name="Benali", birth_date="2002-03-03", email=None)
    found = _pairs(world)
    assert frozenset((base, typo)) in found and found[frozenset((base, typo))][1] == "name,birth_date"
    assert frozenset((cyr, lat)) in found
    for other in (namesake, sibling):
        assert not any(other in pair for pair in found)


def test_a_pair_judged_different_is_never_proposed_again(world: World) -> None:
    a = _enrol(world, "SDN", first_name="Fatou", last_name="Camara")
    b = _enrol(world, "AUB", first_name="Fatou", last_name="Camara")
    duplicates.dismiss(world.hq, b, a, decided_by="test")
    assert duplicates.pairs(world.hq) == []
    aub = world.devices["AUB"]
    aub.pull()
    aub.push(aub.update("person", b, phone="+33699999999", email="fatou.camara@example.org"))
    assert _pairs(world)[frozenset((a, b))][2] == "different"
    assert duplicates.pairs(world.hq) == []
    assert duplicates.scan(world.hq) == 0


def test_an_erased_person_leaves_no_key_and_no_pair(world: World) -> None:
    a = _enrol(world, "SDN", first_name="Inès", last_name="Kaci")
    b = _enrol(world, "AUB", first_name="Ines", last_name="Kaci")
    assert _pairs(world)
    erasure.request_erasure(world.hq, None, a, "person_request", "DPO-1", None)
    assert _pairs(world) == {}
    with world.hq.read() as conn:
        assert list(conn.execute(select(match_t.c.person_id)).scalars()) == [b]


def test_the_command_line_lists_and_dismisses(
    world: World, db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from gn_hq import cli

    a = _enrol(world, "SDN", first_name="Awa", last_name="Diallo")
    b = _enrol(world, "AUB", first_name="Awa", last_name="Dialo")
    common = ["--database-url", db_url, "--data-dir", str(tmp_path / "cli")]
    assert cli.main(["duplicates", "list", *common]) == 0
    out = capsys.readouterr().out
    assert "Awa Dialo, 12/04/2003" in out and "nom proche, même date de naissance" in out and "Accueil" in out
    assert cli.main(["duplicates", "list", "--json", "--campus", "AUB", *common]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert {listed[0]["a"]["person_id"], listed[0]["b"]["person_id"]} == {a, b}
    assert set(listed[0]["a"]) == {
        "person_id",
        "first_name",
        "last_name",
        "birth_date",
        "campus_id",
        "campus",
        "pathway_step",
        "last_contact_on",
    }
    assert cli.main(["duplicates", "list", "--campus", "ZZZ", *common]) == 1
    assert "inconnu" in capsys.readouterr().err
    assert cli.main(["duplicates", "dismiss", a, a, *common]) == 1
    assert cli.main(["duplicates", "dismiss", a, b, *common]) == 0
    assert cli.main(["duplicates", "list", *common]) == 0
    assert "Aucun doublon probable" in capsys.readouterr().out


def test_a_campus_pc_asks_hq_for_the_pairs_that_concern_its_campus(world: World) -> None:
    a = _enrol(world, "SDN", first_name="Awa", last_name="Diallo")
    b = _enrol(world, "AUB", first_name="Awa", last_name="Diallo")
    sdn, mtr = world.devices["SDN"], world.devices["MTR"]
    answer = world.client.get("/v1/duplicates", headers=sdn.headers)
    assert answer.status_code == 200, answer.text
    (pair,) = answer.json()["pairs"]
    assert {pair["a"]["person_id"], pair["b"]["person_id"]} == {a, b}
    assert set(pair["a"]) == {
        "person_id",
        "first_name",
        "last_name",
        "birth_date",
        "campus_id",
        "campus",
        "pathway_step",
        "last_contact_on",
    }  # no phone, no e-mail, nothing of the file
    assert world.client.get("/v1/duplicates", headers=mtr.headers).json()["pairs"] == []
    no_token = {"GN-Protocol": sdn.headers["GN-Protocol"]}
    assert world.client.get("/v1/duplicates", headers=no_token).status_code == 401


def test_people_are_compared_after_the_push_and_a_change_in_between_is_not_lost(world: World) -> None:
    a = _enrol(world, "SDN", first_name="Awa", last_name="Diallo")
    b = _enrol(world, "AUB", first_name="Awa", last_name="Diallo")
    with world.hq.read() as conn:  # the push did not wait for any comparison
        assert conn.execute(select(pair_t)).all() == []
    duplicates.absorb(world.hq)  # the detector reads the two new people from the feed
    scoring = duplicates._score_pending(world.hq, 100)
    assert set(scoring.seen) == {a, b}
    assert frozenset((a, b)) in {frozenset(p) for p in scoring.scored}
    # while the pair was being scored, the AUB advisor corrected the name: that pair no longer holds
    aub = world.devices["AUB"]
    aub.pull()
    aub.push(aub.update("person", b, first_name="Mariam", last_name="Koné"))
    assert duplicates._queue_scored(world.hq, scoring) == (0, 0)  # both wait for AUB's new name to be read
    assert duplicates.catch_up(world.hq) == 0
    assert _pairs(world) == {}


def test_a_pair_scored_before_a_change_of_the_other_file_is_kept_when_it_still_holds(world: World) -> None:
    """The other file of a pair changed in something not compared while the pair was being scored: the pair is
    proposed all the same, at the next comparison (an edit of the pathway step queues nobody again)."""
    a = _enrol(world, "SDN", first_name="Awa", last_name="Diallo")
    duplicates.catch_up(world.hq)
    b = _enrol(world, "AUB", first_name="Awa", last_name="Diallo")
    duplicates.absorb(world.hq)
    scoring = duplicates._score_pending(world.hq, 100)
    assert set(scoring.seen) == {b}
    sdn = world.devices["SDN"]
    sdn.pull()
    sdn.push(sdn.update("person", a, pathway_step="assessment"))
    assert duplicates._queue_scored(world.hq, scoring) == (0, 0)
    assert _pairs(world)[frozenset((a, b))][2] == "open"


def test_a_phone_many_files_give_blocks_nobody_and_a_push_stays_fast(world: World) -> None:
    """A switchboard or a social worker's number given by many files: comparing them all with each other was
    quadratic (minutes for 10,000 files). Past the bound the phone stops being a key; names and dates still are."""
    limit = duplicates.BLOCK_LIMITS["phone"]
    sdn = world.devices["SDN"]
    shared = "+33148000000"
    ids = [new_id() for _ in range(limit + 5)]
    sdn.push(
        *[
            sdn.insert(
                "person",
                pid,
                person_values(
                    world.campus_ids["SDN"],
                    first_name=f"Prénom{n}",
                    last_name="Martin",
                    birth_date=f"19{60 + n % 40}-0{1 + n % 9}-1{n % 10}",
                    phone=shared,
                    email=None,
                ),
            )
            for n, pid in enumerate(ids)
        ]
    )
    twin = _enrol(world, "AUB", first_name="Prénom3", last_name="Martin", birth_date="1963-04-13", phone=shared)
    found = _pairs(world)
    assert frozenset((ids[3], twin)) in found  # found by name and birth date
    assert all(twin in pair for pair in found)  # the files sharing only the number were not compared


def test_only_a_change_of_what_is_compared_queues_the_person_again(world: World) -> None:
    pid = _enrol(world, "SDN", first_name="Awa", last_name="Diallo")
    duplicates.catch_up(world.hq)
    sdn = world.devices["SDN"]
    sdn.pull()

    def queued() -> set[str]:
        duplicates.absorb(world.hq)  # what the detector does after each push
        with world.hq.read() as conn:
            return set(conn.execute(select(pending_t.c.person_id)).scalars())

    sdn.push(sdn.update("person", pid, pathway_step="assessment", last_contact_on="2026-12-01"))
    assert queued() == set()  # the common edit: nothing to compare again
    sdn.push(sdn.update("person", pid, phone="+33698765432"))
    assert queued() == {pid}


def test_an_upgraded_hq_reads_everyone_again_and_proposes_nothing_new(world: World) -> None:
    """Migration 0012 starts the detector's cursor at 0: its first rounds read every person again, whose keys the
    pushes kept until then. Nobody is queued again, a dismissed pair stays dismissed, an open one stays as it was."""
    a = _enrol(world, "SDN", first_name="Fatou", last_name="Camara")
    b = _enrol(world, "AUB", first_name="Fatou", last_name="Camara")
    duplicates.dismiss(world.hq, a, b, decided_by="test")
    _enrol(world, "SDN", first_name="Awa", last_name="Diallo")
    _enrol(world, "MTR", first_name="Awa", last_name="Dialo")
    before = _pairs(world)
    assert sorted(status for _score, _reasons, status in before.values()) == ["different", "open"]
    with world.hq.write() as tx:
        tx.conn.execute(delete(cursor_t))  # what migration 0012 leaves
    assert duplicates.absorb(world.hq) == 4
    with world.hq.read() as conn:
        assert conn.execute(select(pending_t)).all() == []
    assert _pairs(world) == before
    assert [p.status for p in duplicates.pairs(world.hq)] == ["open"]


def test_a_detector_failing_mid_round_resumes_from_its_cursor_without_losing_anyone(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    a = _enrol(world, "SDN", first_name="Awa", last_name="Diallo")
    b = _enrol(world, "AUB", first_name="Awa", last_name="Diallo")
    real = duplicates.records.insert_rows

    def fail_on_the_queue(conn: Any, table: Any, rows: Any, **kw: Any) -> None:
        if table is pending_t:  # the keys are written, the queue fails: the round's transaction is rolled back
            raise RuntimeError("detector killed")
        real(conn, table, rows, **kw)

    monkeypatch.setattr(duplicates.records, "insert_rows", fail_on_the_queue)
    with pytest.raises(RuntimeError):
        duplicates.absorb(world.hq)
    with world.hq.read() as conn:
        assert duplicates._cursor(conn) == 0 and conn.execute(select(match_t)).all() == []
    monkeypatch.setattr(duplicates.records, "insert_rows", real)
    assert _pairs(world)[frozenset((a, b))][2] == "open"


def test_a_person_erased_while_the_detector_reads_them_never_comes_back(world: World) -> None:
    a = _enrol(world, "SDN", first_name="Inès", last_name="Kaci")
    b = _enrol(world, "AUB", first_name="Ines", last_name="Kaci")
    read = duplicates._read_feed(world.hq, 100)  # the detector read both people…
    assert read is not None and set(read.rows) == {a, b}
    erasure.request_erasure(world.hq, None, a, "person_request", "DPO-1", None)  # …then SDN's person was erased
    duplicates._write_absorbed(world.hq, read)
    with world.hq.read() as conn:
        assert list(conn.execute(select(match_t.c.person_id)).scalars()) == [b]
    assert _pairs(world) == {}


NAMES = (("Awa", "Diallo"), ("Ava", "Diallo"), ("Moussa", "Traoré"))
PHONES = ("+33611111111", "+33622222222", None)
KINDS = ("new", "name", "phone", "step", "erase", "merge", "absorb", "read", "write", "write", "fail", "score", "queue")
OPS = st.tuples(st.sampled_from(KINDS), st.integers(0, 9), st.integers(0, 2), st.integers(0, 2))


def _people(conn: Any) -> tuple[dict[str, dict[str, Any]], set[str]]:
    """The live people HQ holds (id -> fields), and the ids of the others (erased, anonymised, merged away)."""
    live: dict[str, dict[str, Any]] = {}
    gone: set[str] = set()
    for r in conn.execute(select(record_t).where(record_t.c.entity == "person")):
        data = json.loads(r.data)
        if r.erased or r.deleted or data.get("anonymised_on") or data.get("merged_into"):
            gone.add(r.record_id)
        else:
            live[r.record_id] = data
    return live, gone


@dataclass
class _Interleaving:
    """People pushed, erased and merged while detector rounds are cut anywhere."""

    world: World
    people: list[tuple[str, str]] = field(default_factory=list)
    reads: list[Any] = field(default_factory=list)
    scorings: list[Any] = field(default_factory=list)

    def enrol(self, code: str, name: int, phone: int) -> None:
        first, last = NAMES[name]
        pid = _enrol(self.world, code, first_name=first, last_name=last, phone=PHONES[phone], email=None)
        self.people.append((code, pid))

    def edit(self, op: str, x: int, y: int) -> None:
        code, pid = self.people[x % len(self.people)]
        device = self.world.devices[code]
        device.pull()
        if op == "name":
            values: dict[str, Any] = dict(zip(("first_name", "last_name"), NAMES[y], strict=True))
        else:
            values = {"phone": PHONES[y]} if op == "phone" else {"pathway_step": "assessment"}
        device.push(device.update("person", pid, **values))

    def detector(self, op: str, limit: int) -> None:
        hq = self.world.hq
        if op == "absorb":
            duplicates.absorb(hq, limit)
        elif op == "read":  # a round read now, written later (or never): another detector may run in between
            self.reads.append(duplicates._read_feed(hq, limit))
        elif op == "write" and self.reads and (read := self.reads.pop(0)) is not None:
            duplicates._write_absorbed(hq, read)
        elif op == "fail" and (read := duplicates._read_feed(hq, limit)) is not None:
            killed = mock.patch.object(duplicates.records, "insert_rows", side_effect=RuntimeError("killed"))
            with contextlib.suppress(RuntimeError), killed:  # the round dies before its commit
                duplicates._write_absorbed(hq, read)
        elif op == "score":
            self.scorings.append(duplicates._score_pending(hq, 2))
        elif op == "queue" and self.scorings:
            duplicates._queue_scored(hq, self.scorings.pop(0))

    def step(self, op: str, x: int, y: int, z: int) -> None:
        if op == "new":
            self.enrol(("SDN", "AUB")[x % 2], y, z)
        elif op in ("name", "phone", "step"):
            self.edit(op, x, y)
        elif op == "erase":
            pid = self.people[x % len(self.people)][1]
            erasure.request_erasure(self.world.hq, None, pid, "person_request", "DPO-1", None)
        elif op == "merge":
            survivor, merged = self.people[x % len(self.people)][1], self.people[y % len(self.people)][1]
            with contextlib.suppress(HqError):
                merging.merge_people(self.world.hq, survivor, merged, decided_by="test")
        else:
            self.detector(op, 1 + y)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ops=st.lists(OPS, min_size=4, max_size=14))
def test_the_detector_reading_the_feed_in_any_interleaving_keeps_every_key_and_finds_every_pair(
    world: World, ops: list[tuple[str, int, int, int]]
) -> None:
    """Pushes, erasures and merges interleaved with rounds of the detector cut anywhere (read, then written later,
    possibly after another detector's round; killed before it commits; scoring then queueing late): an erased or
    merged person is never in `person_match`, and once the detector catches up it holds exactly the keys of the live
    people and every likely pair among them is queued."""
    run = _Interleaving(world)
    for n in range(3):
        run.enrol(("SDN", "AUB", "SDN")[n], n, n)
    for op, x, y, z in ops:
        run.step(op, x, y, z)
        with world.hq.read() as conn:
            _live, gone = _people(conn)
            assert not gone & set(conn.execute(select(match_t.c.person_id)).scalars())
    duplicates.catch_up(world.hq)
    with world.hq.read() as conn:
        live, _gone = _people(conn)
        kept = {r.person_id: dict(r._mapping) for r in conn.execute(select(match_t))}
        assert kept == {pid: row for pid, data in live.items() if (row := duplicates._row(pid, data))}
        expected = set(duplicates._score(conn, kept))
        found = {(r.person_a, r.person_b) for r in conn.execute(select(pair_t))}
        assert conn.execute(select(pending_t)).all() == []
    assert expected <= found
