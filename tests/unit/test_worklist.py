"""The follow-up worklist: each rule on fixed dates, one line per person, counts equal to the lists, done and snoozed
items leaving the list (and the snooze syncing as a field of the person)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import Any

import pytest
from sqlalchemy import select

from gn_core.domain import enums as e
from gn_core.domain.errors import InvalidInput
from gn_desktop.services import followup, home, partners, worklist
from gn_desktop.services.worklist import DueReason as R
from gn_desktop.store import models as m
from tests.unit.world import World

DAY = date(2026, 6, 15)  # the day the worklist is read


def _set(world: World, pid: str, **values: Any) -> None:
    with world.store.unit_of_work(world.advisor_id) as uow:
        person = uow.session.get(m.Person, pid)
        assert person is not None
        for key, value in values.items():
            setattr(person, key, value)
        uow.commit()


def _person(world: World, last: str, *, contact: date | None = DAY, **values: Any) -> str:
    """A person enrolled long ago, last contacted on `contact`."""
    pid = world.person("Awa", last)
    _set(world, pid, enrolled_on=date(2025, 1, 6), last_contact_on=contact, **values)
    return pid


def _due(world: World, day: date = DAY, **rules: int) -> worklist.Worklist:
    with world.store.read_unit(world.advisor_id) as uow:
        return worklist.due(uow, day, worklist.FollowUpRules(**rules), UTC)


def _listed(w: worklist.Worklist) -> dict[str, R]:
    return {item.person_id: item.reason for item in w.items}


def _session_ending(world: World, pid: str, ends_on: date, step: e.PathwayStep) -> None:
    """`pid` accepted on a session ending on `ends_on`, now at `step`."""
    with world.store.unit_of_work(world.advisor_id) as uow:
        simplon = uow.session.scalar(select(m.Partner.id).where(m.Partner.name == "Simplon"))
        assert simplon is not None
        with uow.as_reference():
            programme = partners.create_programme(uow, simplon, "Développeur web", e.JobFamily.DEVELOPMENT, 20)
            session = partners.add_session(uow, programme, ends_on - timedelta(weeks=20), ends_on, 12)
        uow.session.add(
            m.Referral(
                person_id=pid,
                programme_session_id=session,
                status=e.ReferralStatus.ACCEPTED,
                referred_on=ends_on - timedelta(weeks=22),
                decided_on=ends_on - timedelta(weeks=21),
            )
        )
        person = uow.session.get(m.Person, pid)
        assert person is not None
        person.pathway_step = step
        uow.commit()


def _missed(world: World, pid: str, on: date, status: e.AppointmentStatus = e.AppointmentStatus.MISSED) -> str:
    with world.store.unit_of_work(world.advisor_id) as uow:
        aid = followup.book_appointment(uow, pid, datetime.combine(on, time(10, 0), tzinfo=UTC))
        if status != e.AppointmentStatus.PLANNED:
            followup.set_appointment_status(uow, aid, status, now=datetime.combine(DAY, time(18), tzinfo=UTC), tz=UTC)
        uow.commit()
    return aid


# -- each rule, on fixed dates ---------------------------------------------------------------------------------------


def test_no_contact_for_30_days(world: World) -> None:
    boundary = _person(world, "Trente", contact=DAY - timedelta(days=30))
    recent = _person(world, "Recent", contact=DAY - timedelta(days=29))
    never = _person(world, "Jamais", contact=None)  # never contacted: counted from enrolment (6 Jan 2025)
    done = _person(world, "Sortie", contact=DAY - timedelta(days=90), pathway_step=e.PathwayStep.OUTCOME_HIRED)
    w = _due(world)
    assert _listed(w) == {boundary: R.NO_CONTACT, never: R.NO_CONTACT}
    assert recent not in _listed(w) and done not in _listed(w)  # contacted lately; pathway finished
    item = next(i for i in w.items if i.person_id == boundary)
    assert (item.person_name, item.on) == ("Awa Trente", DAY - timedelta(days=30))
    assert next(i for i in w.items if i.person_id == never).on == date(2025, 1, 6)
    assert [i.person_id for i in w.items] == [never, boundary]  # longest without contact first
    assert _due(world, no_contact_days=31).counts[R.NO_CONTACT] == 1  # configurable


def test_training_ending_within_14_days(world: World) -> None:
    old_contact = DAY - timedelta(days=20)
    in_14 = _person(world, "Quatorze", contact=old_contact)
    _session_ending(world, in_14, DAY + timedelta(days=14), e.PathwayStep.TRAINING_IN_PROGRESS)
    in_15 = _person(world, "Quinze", contact=old_contact)
    _session_ending(world, in_15, DAY + timedelta(days=15), e.PathwayStep.TRAINING_IN_PROGRESS)
    today = _person(world, "Aujourdhui", contact=old_contact)
    _session_ending(world, today, DAY, e.PathwayStep.TRAINING_ENROLLED)
    ended = _person(world, "Finie", contact=old_contact)
    _session_ending(world, ended, DAY - timedelta(days=1), e.PathwayStep.TRAINING_IN_PROGRESS)
    contacted = _person(world, "Vue", contact=DAY - timedelta(days=13))  # seen since the reminder started
    _session_ending(world, contacted, DAY + timedelta(days=1), e.PathwayStep.TRAINING_IN_PROGRESS)
    w = _due(world)
    assert _listed(w) == {today: R.TRAINING_ENDING, in_14: R.TRAINING_ENDING}
    assert [i.on for i in w.items] == [DAY, DAY + timedelta(days=14)]  # soonest end first


def test_no_outcome_3_months_after_training(world: World) -> None:
    # the reminder starts 3 months after the end: 15 March 2026 for 15 June 2026
    contact = date(2026, 3, 1)
    three_months = _person(world, "Trois", contact=contact)
    _session_ending(world, three_months, date(2026, 3, 15), e.PathwayStep.JOB_SEARCH)
    not_yet = _person(world, "Pasencore", contact=contact)
    _session_ending(world, not_yet, date(2026, 3, 16), e.PathwayStep.TRAINING_COMPLETED)
    hired = _person(world, "Embauche", contact=contact)
    _session_ending(world, hired, date(2026, 1, 10), e.PathwayStep.JOB_SEARCH)
    _set(world, hired, pathway_step=e.PathwayStep.OUTCOME_HIRED)
    contacted = _person(world, "Vue", contact=date(2026, 5, 20))  # seen after the reminder started (10 April)
    _session_ending(world, contacted, date(2026, 1, 10), e.PathwayStep.TRAINING_COMPLETED)
    w = _due(world, no_contact_days=365)
    assert _listed(w) == {three_months: R.NO_OUTCOME}
    assert w.items[0].on == date(2026, 3, 15)


def test_missed_appointment(world: World) -> None:
    missed = _person(world, "Absent", contact=DAY - timedelta(days=10))
    aid = _missed(world, missed, DAY - timedelta(days=2))
    rebooked = _person(world, "Nouveau", contact=DAY - timedelta(days=10))
    _missed(world, rebooked, DAY - timedelta(days=3))
    _missed(world, rebooked, DAY + timedelta(days=4), e.AppointmentStatus.PLANNED)  # a new appointment is booked
    called = _person(world, "Rappel", contact=DAY - timedelta(days=1))  # in contact since
    _missed(world, called, DAY - timedelta(days=3))
    long_ago = _person(world, "Ancien", contact=DAY - timedelta(days=29))
    _missed(world, long_ago, DAY - timedelta(days=31))  # older than 30 days: no longer on the list
    cancelled = _person(world, "Annule", contact=DAY - timedelta(days=10))
    _missed(world, cancelled, DAY - timedelta(days=2), e.AppointmentStatus.CANCELLED)
    w = _due(world)
    assert _listed(w) == {missed: R.MISSED_APPOINTMENT}
    assert w.items[0].on == DAY - timedelta(days=2)
    # a missed appointment corrected to done is a contact: it leaves the list
    with world.store.unit_of_work(world.advisor_id) as uow:
        followup.set_appointment_status(
            uow, aid, e.AppointmentStatus.DONE, now=datetime.combine(DAY, time(9), tzinfo=UTC), tz=UTC
        )
        uow.commit()
    assert _due(world).items == []


def test_a_person_shows_once_and_the_counts_equal_the_lists(world: World) -> None:
    old = DAY - timedelta(days=60)
    # missed an appointment AND no contact for 60 days: listed once, for the missed appointment
    both = _person(world, "Deux", contact=old)
    _missed(world, both, DAY - timedelta(days=5))
    # training ending AND no contact for 60 days
    training = _person(world, "Formation", contact=old)
    _session_ending(world, training, DAY + timedelta(days=3), e.PathwayStep.TRAINING_IN_PROGRESS)
    quiet = [_person(world, f"Silence{i}", contact=old - timedelta(days=i)) for i in range(3)]
    _person(world, "Suivie", contact=DAY)
    w = _due(world)
    assert _listed(w) == {both: R.MISSED_APPOINTMENT, training: R.TRAINING_ENDING} | dict.fromkeys(quiet, R.NO_CONTACT)
    assert len(w.items) == len(_listed(w))  # one line per person
    assert w.counts == {R.MISSED_APPOINTMENT: 1, R.TRAINING_ENDING: 1, R.NO_OUTCOME: 0, R.NO_CONTACT: 3}
    for reason, count in w.counts.items():
        assert count == sum(1 for i in w.items if i.reason == reason)
    # the home page gets the same worklist: the figure on home is the number of lines
    with world.store.read_unit(world.advisor_id) as uow:
        view = home.home_view(uow, DAY, tz=UTC)
    assert view.due == w.items and view.due_counts == w.counts
    assert sum(view.due_counts.values()) == len(view.due) == 5


def test_the_lists_are_capped_but_the_counts_cover_everyone(world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(worklist, "LIST_LIMIT", 2)
    for i in range(4):
        _person(world, f"Silence{i}", contact=DAY - timedelta(days=40 + i))
    w = _due(world)
    assert w.counts[R.NO_CONTACT] == 4 and len(w.items) == 2


def test_only_this_campus(world: World) -> None:
    here = _person(world, "Ici", contact=DAY - timedelta(days=40))
    elsewhere = _person(world, "Ailleurs", contact=DAY - timedelta(days=40))
    _set(world, elsewhere, campus_id=world.other_campus_id)  # transferred to Aubervilliers
    assert _listed(_due(world)) == {here: R.NO_CONTACT}


# -- done, snoozed ---------------------------------------------------------------------------------------------------


def test_marking_done_records_a_contact_today(world: World) -> None:
    quiet = _person(world, "Silence", contact=DAY - timedelta(days=40))
    training = _person(world, "Formation", contact=DAY - timedelta(days=40))
    _session_ending(world, training, DAY + timedelta(days=3), e.PathwayStep.TRAINING_IN_PROGRESS)
    missed = _person(world, "Absent", contact=DAY - timedelta(days=40))
    _missed(world, missed, DAY - timedelta(days=1))
    assert len(_due(world).items) == 3
    with world.store.unit_of_work(world.advisor_id) as uow:
        for pid in (quiet, training, missed):
            worklist.mark_done(uow, pid, DAY)
        uow.commit()
    assert _due(world).items == []
    with world.store.read_unit(world.advisor_id) as uow:
        person = uow.session.get(m.Person, quiet)
        assert person is not None and person.last_contact_on == DAY
    # a month without contact later, all three are due again
    assert _listed(_due(world, DAY + timedelta(days=30))) == dict.fromkeys((quiet, training, missed), R.NO_CONTACT)


def test_snoozing_until_a_date_syncs_as_a_field_of_the_person(world: World) -> None:
    quiet = _person(world, "Silence", contact=DAY - timedelta(days=40))
    until = DAY + timedelta(days=7)
    with world.store.unit_of_work(world.advisor_id) as uow:
        worklist.snooze(uow, quiet, until, DAY)
        uow.commit()
    assert _due(world).items == []
    assert _due(world, until - timedelta(days=1)).items == []
    assert _listed(_due(world, until)) == {quiet: R.NO_CONTACT}  # back on the day chosen
    with world.store.read_unit(world.advisor_id) as uow:
        fields = uow.session.scalars(
            select(m.ChangeLog.fields).where(m.ChangeLog.record_id == quiet).order_by(m.ChangeLog.seq.desc())
        ).first()
    # queued for HQ: every PC of the campus agrees
    assert fields == {"follow_up_snoozed_until": {"old": None, "new": until.isoformat()}}


@pytest.mark.parametrize(
    ("until", "message"),
    [(DAY, "date à venir"), (DAY - timedelta(days=1), "date à venir"), (DAY + timedelta(days=400), "douze")],
)
def test_a_snooze_goes_to_a_coming_date(world: World, until: date, message: str) -> None:
    pid = _person(world, "Silence")
    with world.store.unit_of_work(world.advisor_id) as uow, pytest.raises(InvalidInput, match=message):
        worklist.snooze(uow, pid, until, DAY)


def test_months_are_counted_on_the_calendar() -> None:
    assert worklist.minus_months(date(2026, 5, 31), 3) == date(2026, 2, 28)
    assert worklist.minus_months(date(2026, 1, 15), 3) == date(2025, 10, 15)
