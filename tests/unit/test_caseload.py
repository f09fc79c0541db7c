"""Caseloads: "my people", by pathway step and by last contact (with or without text typed); a campus manager hands
one or many people over to another advisor of the campus, and nobody else can."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from gn_core.domain import enums as e
from gn_core.domain.errors import InvalidInput, PermissionDenied
from gn_desktop.services import accounts, caseload, search
from gn_desktop.services.search import Filters
from gn_desktop.store import models as m
from tests.unit.world import World

DAY = date(2026, 6, 15)


def _person(world: World, first: str, last: str, advisor: str, contact: date, step: e.PathwayStep) -> str:
    pid = world.person(first, last)
    with world.store.unit_of_work(world.manager_id) as uow:
        person = uow.session.get(m.Person, pid)
        assert person is not None
        person.advisor_id, person.last_contact_on, person.pathway_step = advisor, contact, step
        uow.commit()
    return pid


@pytest.fixture
def people(world: World) -> dict[str, str]:
    mine, theirs = world.advisor_id, world.other_advisor_id
    return {
        "awa": _person(world, "Awa", "Diallo", mine, DAY - timedelta(days=5), e.PathwayStep.WELCOME),
        "karim": _person(world, "Karim", "Benali", mine, DAY - timedelta(days=45), e.PathwayStep.JOB_SEARCH),
        "lea": _person(world, "Léa", "Martin", mine, DAY - timedelta(days=120), e.PathwayStep.JOB_SEARCH),
        "hugo": _person(world, "Hugo", "Martin", theirs, DAY - timedelta(days=120), e.PathwayStep.JOB_SEARCH),
    }


def _found(world: World, query: str = "", user: str | None = None, **filters: object) -> list[str]:
    with world.store.read_unit(user or world.advisor_id) as uow:
        return search.search(uow, query, filters=Filters(today=DAY, **filters)).ids  # type: ignore[arg-type]


def test_my_people_by_step_and_by_last_contact(world: World, people: dict[str, str]) -> None:
    p = people
    assert _found(world, mine=True) == [p["karim"], p["awa"], p["lea"]]  # by last, then first name
    assert _found(world, user=world.other_advisor_id, mine=True) == [p["hugo"]]
    assert _found(world, user=world.manager_id, mine=True) == []
    assert _found(world, mine=True, step=e.PathwayStep.JOB_SEARCH) == [p["karim"], p["lea"]]
    assert _found(world, mine=True, no_contact_days=30) == [p["karim"], p["lea"]]
    assert _found(world, mine=True, no_contact_days=90) == [p["lea"]]
    assert _found(world, no_contact_days=90) == [p["hugo"], p["lea"]]  # everyone's
    assert _found(world, step=e.PathwayStep.WELCOME) == [p["awa"]]
    assert _found(world) == []  # nothing typed, no filter: nothing listed


def test_filters_narrow_what_is_typed(world: World, people: dict[str, str]) -> None:
    p = people
    assert _found(world, "martin") == [p["hugo"], p["lea"]]
    assert _found(world, "martin", mine=True) == [p["lea"]]
    assert _found(world, "mart", step=e.PathwayStep.WELCOME) == []
    assert _found(world, "martin", user=world.other_advisor_id, mine=True, no_contact_days=90) == [p["hugo"]]


def test_filtered_lists_are_truncated_too(world: World) -> None:
    for i in range(6):
        world.person("Inès", f"Martin{i}", birth_date=f"{i + 1:02d}/01/1990")  # enrolled by world.advisor_id
    with world.store.read_unit(world.advisor_id) as uow:
        result = search.search(uow, "", limit=4, filters=Filters(mine=True))
        typed = search.search(uow, "ines", limit=4, filters=Filters(mine=True))
    assert (len(result.ids), result.truncated) == (4, True)
    assert (len(typed.ids), typed.truncated) == (4, True)


def test_the_campus_advisors_with_their_caseloads(world: World, people: dict[str, str]) -> None:
    with world.store.read_unit(world.manager_id) as uow:
        found = caseload.advisors(uow)
    assert [(a.name, a.role, a.people) for a in found] == [
        ("Camille Martin", e.UserRole.ADVISOR, 3),
        ("Hugo Lefèvre", e.UserRole.ADVISOR, 1),
        ("Nadia Benali", e.UserRole.CAMPUS_MANAGER, 0),
    ]


def test_a_manager_reassigns_several_people_at_once(world: World, people: dict[str, str]) -> None:
    moved = [people["karim"], people["lea"], people["hugo"]]
    with world.store.unit_of_work(world.manager_id) as uow:
        assert caseload.reassign(uow, moved, world.other_advisor_id) == 2  # Hugo Martin was theirs already
        uow.commit()
    assert _found(world, user=world.other_advisor_id, mine=True) == [people["karim"], people["hugo"], people["lea"]]
    assert _found(world, mine=True) == [people["awa"]]
    with world.store.read_unit(world.manager_id) as uow:
        logged = uow.session.scalars(
            select(m.ChangeLog.fields).where(m.ChangeLog.record_id == people["karim"]).order_by(m.ChangeLog.seq.desc())
        ).first()
    assert logged == {"advisor_id": {"old": world.advisor_id, "new": world.other_advisor_id}}  # synced, in history


def test_only_a_campus_manager_reassigns(world: World, people: dict[str, str]) -> None:
    for user in (world.advisor_id, world.other_advisor_id, None):
        with world.store.unit_of_work(user) as uow, pytest.raises(PermissionDenied, match="responsable de campus"):
            caseload.reassign(uow, [people["awa"]], world.other_advisor_id)
    assert caseload.can_reassign(e.UserRole.CAMPUS_MANAGER) and not caseload.can_reassign(e.UserRole.ADVISOR)


def test_reassigning_to_someone_who_cannot_follow_people_here_is_refused(world: World, people: dict[str, str]) -> None:
    pw = accounts.hash_password("x" * 12)
    with world.store.unit_of_work(None) as uow:
        elsewhere = accounts.create_user(
            uow, "conseil.aub", "Inès Aubert", e.UserRole.ADVISOR, "", campus_id=world.other_campus_id, password_hash=pw
        )
        gone = accounts.create_user(
            uow, "ancien", "Paul Ancien", e.UserRole.ADVISOR, "", campus_id=world.campus_id, password_hash=pw
        )
        with uow.as_reference():
            uow.session.get(m.User, gone).active = False  # type: ignore[union-attr]
        uow.commit()
    for advisor in (elsewhere, gone, "no-such-user"):
        with world.store.unit_of_work(world.manager_id) as uow, pytest.raises(InvalidInput, match="conseiller actif"):
            caseload.reassign(uow, [people["awa"]], advisor)
    with world.store.unit_of_work(world.manager_id) as uow, pytest.raises(InvalidInput, match="au moins une"):
        caseload.reassign(uow, [], world.other_advisor_id)


def test_people_of_another_campus_are_not_reassigned_and_nothing_is(world: World, people: dict[str, str]) -> None:
    with world.store.unit_of_work(world.manager_id) as uow:
        person = uow.session.get(m.Person, people["hugo"])
        assert person is not None
        person.campus_id = world.other_campus_id  # transferred to Aubervilliers
        uow.commit()
    with world.store.unit_of_work(world.manager_id) as uow:
        with pytest.raises(
            PermissionDenied, match=r"1 personne\(s\) ne sont pas suivies par votre campus \(Hugo Martin\)"
        ):
            caseload.reassign(uow, [people["awa"], people["hugo"]], world.other_advisor_id)
        uow.commit()
    assert _found(world, mine=True) == [people["karim"], people["awa"], people["lea"]]  # Awa stayed
