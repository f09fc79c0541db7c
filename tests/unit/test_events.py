"""Events and outreach: a campus manager's events for audiences of a closed list, registrations from a file or the
event, kiosk sign-ups matched to known people, and the reach per audience the indicators count."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from gn_core.domain import enums as e
from gn_core.domain.errors import InvalidInput, PermissionDenied
from gn_desktop.services import catalogue, events, kiosk
from gn_desktop.services.events import EventForm
from tests.unit.world import World

START = datetime(2026, 4, 1, 9, tzinfo=UTC)


def _event(world: World, title: str = "Journée Femmes et numérique", **changes: object) -> str:
    values: dict[str, object] = {
        "title": title,
        "kind": e.EventKind.OUTREACH,
        "starts_at": START,
        "ends_at": START + timedelta(hours=3),
        "capacity": 30,
        "audiences": (e.Audience.WOMEN, e.Audience.PRIORITY_NEIGHBOURHOODS),
    }
    values.update(changes)
    with world.store.unit_of_work(world.manager_id) as uow:
        ev = events.save_event(uow, EventForm(**values))  # type: ignore[arg-type]
        uow.commit()
    return ev


def test_a_campus_manager_creates_and_corrects_an_event_an_advisor_may_not(world: World) -> None:
    form = EventForm("Job dating alternance", "job_dating", START, START + timedelta(hours=2), None, ("job_seekers",))
    with world.store.unit_of_work(world.advisor_id) as uow, pytest.raises(PermissionDenied, match="responsable"):
        events.save_event(uow, form)
    with world.store.unit_of_work(world.manager_id) as uow:
        with pytest.raises(InvalidInput) as bad:
            events.save_event(uow, EventForm(" ", "school_visit", START, START, 0))
        assert {err.field for err in bad.value.errors} == {"title", "ends_at", "capacity", "audiences"}
        ev = events.save_event(uow, form)
        events.save_event(uow, EventForm(**{**_fields(form), "title": "Job dating : alternance"}), ev)
        uow.commit()
    with world.store.read_unit(world.advisor_id) as uow:
        data = events.events_data(uow)
        [view] = [x for x in data.events if x.id == ev]
    assert not data.can_edit
    assert (view.title, view.kind, view.audiences, view.owner.own) == (
        "Job dating : alternance",
        e.EventKind.JOB_DATING,
        ("job_seekers",),
        True,
    )


def _fields(form: EventForm) -> dict[str, object]:
    return {name: getattr(form, name) for name in EventForm.__dataclass_fields__}


def test_reach_per_audience_counts_events_registrations_and_people_who_came(world: World) -> None:
    a, b = world.person(), world.person("Karim", "Haddad", birth_date="01/01/1990")
    women = _event(world)
    pupils = _event(world, "Visite du collège", kind="school_visit", audiences=("pupils",))
    archived = _event(world, "Annulé", audiences=("women",))
    with world.store.unit_of_work(world.advisor_id) as uow:
        events.mark_attendance(uow, events.register(uow, women, a), "attended")
        events.register(uow, women, b)
        events.mark_attendance(uow, events.register(uow, pupils, b), "absent")
        uow.commit()
    with world.store.unit_of_work(world.manager_id) as uow:
        catalogue.set_archived(uow, "event", archived, True)
        with pytest.raises(InvalidInput, match="archivé"):
            events.register(uow, archived, a)
        uow.commit()
    with world.store.read_unit(world.advisor_id) as uow:
        reach = events.reach_by_audience(uow, START - timedelta(days=1), START + timedelta(days=1))
    assert reach[e.Audience.WOMEN] == events.Reach(1, 2, 1)
    assert reach[e.Audience.PRIORITY_NEIGHBOURHOODS] == events.Reach(1, 2, 1)
    assert reach[e.Audience.PUPILS] == events.Reach(1, 1, 0)
    assert reach[e.Audience.SENIORS] == events.Reach(0, 0, 0)


def test_a_kiosk_sign_up_is_matched_to_the_person_and_registers_them(world: World) -> None:
    a = world.person(phone="06 39 98 00 12")
    ev = _event(world, kind="info_session", audiences=("everyone",))
    with world.store.unit_of_work(None) as uow:
        kiosk.register_for_event(
            uow,
            ev,
            kiosk.EventSignUp("awa", "DIALLO", phone="0639980012", consent=True),
            now=START - timedelta(days=2),
        )
        uow.commit()
    with world.store.read_unit(world.advisor_id) as uow:
        [sign_up] = events.kiosk_sign_ups(uow, ev)
        assert [pid for pid, _ in sign_up.matches] == [a]
        assert next(x for x in events.list_events(uow) if x.id == ev).sign_ups == 1
    with world.store.unit_of_work(world.advisor_id) as uow:
        events.confirm_sign_up(uow, sign_up.id, a)
        uow.commit()
    with world.store.read_unit(world.advisor_id) as uow:
        assert events.kiosk_sign_ups(uow, ev) == []
        assert [r.person_id for r in events.registrations(uow, ev)] == [a]
