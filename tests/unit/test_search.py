"""Search as you type: accents, case, hyphens and compound names do not matter; dates and phones typed as people
type them are found."""

from __future__ import annotations

import pytest
from sqlalchemy import delete

from gn_desktop.services import search
from gn_desktop.services.intake import PersonForm, update_person
from gn_desktop.store import models as m
from tests.unit.world import TODAY, World


@pytest.fixture
def people(world: World) -> dict[str, str]:
    return {
        "jb": world.person(
            "Jean-Baptiste",
            "N'Diaye",
            birth_date="12/05/1999",
            phone="06 12 34 56 78",
            email="jb.ndiaye@example.org",
            france_travail_id="1234567A",
        ),
        "helene": world.person("Hélène", "Lefèvre", birth_date="03/11/1987"),
        "awa": world.person("Awa", "Diallo", birth_date="12/06/2001", phone="07 98 76 54 32"),
    }


def found(world: World, query: str) -> list[str]:
    with world.store.read_unit() as uow:
        return search.search(uow, query).ids


@pytest.mark.parametrize(
    "query",
    [
        "jean",
        "JEAN-BAP",
        "jean bap",
        "jeanbaptiste",
        "ndiaye",
        "n'diaye",
        "diaye jean",
        "12/05/1999",
        "12/05",
        "12.05.19",
        "06 12 34",
        "0612345678",
        "+33 6 12 34 56 78",
        "jb.ndiaye@",
        "jb.ndiaye@example.org",
        "1234567a",
    ],
)
def test_one_box_finds_jean_baptiste_however_typed(world: World, people: dict[str, str], query: str) -> None:
    assert found(world, query) == [people["jb"]]


def test_accents_do_not_matter(world: World, people: dict[str, str]) -> None:
    assert found(world, "helene lefevre") == [people["helene"]]
    assert found(world, "HÉLÈNE") == [people["helene"]]


def test_nothing_typed_finds_nothing_and_odd_input_does_not_crash(world: World, people: dict[str, str]) -> None:
    assert found(world, "   ") == []
    assert found(world, '"*)(:^') == []  # FTS syntax typed by mistake is not an error
    assert found(world, "zzz") == []


def test_edits_and_deletes_keep_the_index_right(world: World, people: dict[str, str]) -> None:
    with world.store.unit_of_work(world.advisor_id) as uow:
        update_person(uow, people["awa"], PersonForm(first_name="Awa", last_name="Sow", birth_date="12/06/2001"), TODAY)
        uow.commit()
    assert found(world, "diallo") == []
    assert found(world, "sow") == [people["awa"]]
    with world.store.unit_of_work(None, capture=False) as uow:  # as an erasure would
        uow.ctx.erasing = True
        for model in (m.PathwayEvent, m.Consent):
            uow.session.execute(delete(model).where(model.person_id == people["awa"]))
        uow.session.delete(uow.session.get(m.Person, people["awa"]))
        uow.commit()
    assert found(world, "sow") == []


def test_rows_come_back_in_the_order_asked(world: World, people: dict[str, str]) -> None:
    ids = [people["awa"], people["jb"]]
    with world.store.read_unit() as uow:
        assert [r.id for r in search.rows(uow, [*ids, "missing"])] == ids


def test_many_matches_are_truncated(world: World) -> None:
    for i in range(12):
        world.person("Inès", f"Martin{i}", birth_date=f"{i + 1:02d}/01/1990")
    with world.store.read_unit() as uow:
        result = search.search(uow, "ines", limit=10)
    assert len(result.ids) == 10 and result.truncated
