"""The kiosk's services: check-in, pre-registration, public information and the staff PIN; never anyone's data."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select

from gn_core.domain import enums as e
from gn_core.domain.errors import InvalidInput
from gn_desktop.services import events, followup, kiosk, kiosk_printing, partners
from gn_desktop.store import models as m
from tests.unit.world import World

NOW = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)


def _appointment(world: World, person_id: str, at: datetime = NOW + timedelta(hours=1)) -> tuple[str, str]:
    with world.store.unit_of_work(world.advisor_id) as uow:
        appt_id = followup.book_appointment(uow, person_id, at)
        code = uow.session.get(m.Appointment, appt_id).code  # type: ignore[union-attr]
        uow.commit()
    assert code is not None
    return appt_id, code


def test_check_in_by_code_marks_arrival_and_opens_a_visit(world: World) -> None:
    pid = world.person("Awa", "Diallo")
    appt_id, code = _appointment(world, pid)
    with world.store.unit_of_work(None) as uow:
        result = kiosk.check_in_by_code(uow, f" {code[:3]} {code[3:]} ", now=NOW)
        uow.commit()
    assert result == kiosk.CheckIn(first_name="Awa", ticket="R001")
    assert [f.name for f in dataclasses.fields(result)] == ["first_name", "ticket"]  # nothing else leaks
    with world.store.reading() as s:
        assert s.get(m.Appointment, appt_id).status == e.AppointmentStatus.ARRIVED  # type: ignore[union-attr]
        visit = s.scalars(select(m.Visit)).one()
        assert (visit.status, visit.person_id, visit.appointment_id) == (e.VisitStatus.WAITING, pid, appt_id)
        assert visit.advisor_id == world.advisor_id
    # checking in again gives the same ticket, no second visit
    with world.store.unit_of_work(None) as uow:
        assert kiosk.check_in_by_code(uow, code, now=NOW).ticket == "R001"
        uow.commit()
    with world.store.reading() as s:
        assert len(s.scalars(select(m.Visit)).all()) == 1


def test_check_in_refuses_unknown_codes_and_other_days_without_saying_why(world: World) -> None:
    pid = world.person()
    _, tomorrow_code = _appointment(world, pid, NOW + timedelta(days=1))
    with world.store.unit_of_work(None) as uow:
        with pytest.raises(kiosk.CheckInNotFound):
            kiosk.check_in_by_code(uow, tomorrow_code, now=NOW)
        with pytest.raises(kiosk.CheckInNotFound):
            kiosk.check_in_by_code(uow, "000000" if tomorrow_code != "000000" else "111111", now=NOW)
        with pytest.raises(InvalidInput) as bad:
            kiosk.check_in_by_code(uow, "12", now=NOW)
    assert bad.value.for_field("code")


def test_check_in_by_name_and_birth_date_returns_only_the_first_name(world: World) -> None:
    pid = world.person("Élodie", "N'Guessan", birth_date="03/04/2000")
    world.person("Élodie", "N'Guessan", birth_date="05/06/1990")  # a namesake without an appointment
    appt_id, _ = _appointment(world, pid)
    with world.store.unit_of_work(None) as uow:
        with pytest.raises(kiosk.CheckInNotFound):
            kiosk.check_in_by_name_and_birth_date(uow, "elodie", "nguessan", "05/06/1990", now=NOW)
        result = kiosk.check_in_by_name_and_birth_date(uow, "elodie", "N'GUESSAN", "03/04/2000", now=NOW)
        uow.commit()
    assert result.first_name == "Élodie"
    with world.store.reading() as s:
        assert s.get(m.Appointment, appt_id).status == e.AppointmentStatus.ARRIVED  # type: ignore[union-attr]


def test_check_in_by_name_needs_all_three_fields(world: World) -> None:
    with world.store.unit_of_work(None) as uow, pytest.raises(InvalidInput) as bad:
        kiosk.check_in_by_name_and_birth_date(uow, "", "Diallo", "", now=NOW)
    assert {err.field for err in bad.value.errors} == {"first_name", "birth_date"}


def _form(**fields: object) -> kiosk.PreRegistrationForm:
    form = kiosk.PreRegistrationForm(
        first_name="  inès ",
        last_name="benali",
        birth_date="14/02/2001",
        phone="06 12 34 56 78",
        commune_insee="93048",
        reason="training",
        job_families=("data",),
        accessibility="Je me déplace en fauteuil.",
        consent=True,
        language="ar",
    )
    return dataclasses.replace(form, **fields)  # type: ignore[arg-type]


def test_pre_registration_creates_a_waiting_record_and_a_ticket(world: World) -> None:
    with world.store.unit_of_work(None) as uow:
        first = kiosk.pre_register(uow, _form(), now=NOW)
        second = kiosk.pre_register(uow, _form(first_name="Paul", phone="", email="Paul@Example.fr"), now=NOW)
        uow.commit()
    assert (first.ticket, second.ticket) == ("N001", "N002")
    with world.store.reading() as s:
        pre = s.scalars(select(m.PreRegistration).order_by(m.PreRegistration.created_at)).first()
        assert pre is not None
        assert (pre.first_name, pre.last_name, pre.phone, pre.commune_insee) == (
            "Inès",
            "Benali",
            "+33612345678",
            "93048",
        )
        assert pre.language == "ar" and pre.job_families == ["data"] and pre.campus_id == world.campus_id
        assert "Trouver une formation" in pre.message and "fauteuil" in pre.message
        visits = s.scalars(select(m.Visit)).all()
        assert {v.purpose for v in visits} == {e.VisitPurpose.PRE_REGISTRATION}


def test_pre_registration_lists_every_problem_in_french(world: World) -> None:
    with world.store.unit_of_work(None) as uow, pytest.raises(InvalidInput) as bad:
        kiosk.pre_register(
            uow,
            _form(first_name="", birth_date="31/02/2001", phone="", email="", commune_insee="", consent=False),
            now=NOW,
        )
    fields = {err.field for err in bad.value.errors}
    assert fields == {"first_name", "birth_date", "phone", "commune", "consent"}
    assert "Prénom : ce champ est obligatoire." in bad.value.for_field("first_name")


def test_pre_registration_checks_the_person_fields_as_an_intake_does(world: World) -> None:
    """The fields a walk-in shares with an intake go through gn_core's one person validation (storage rules too)."""
    with world.store.unit_of_work(None) as uow:
        with pytest.raises(InvalidInput) as bad:
            kiosk.pre_register(uow, _form(last_name="B" * 201, email="x@", commune_insee="99999"), now=NOW)
        assert {err.field for err in bad.value.errors} == {"last_name", "email", "commune"}
        assert "Nom : valeur refusée (200 caractères au plus)." in bad.value.for_field("last_name")
        kiosk.pre_register(
            uow, _form(commune_insee="other", commune_other=" Montreuil ", job_families=("ai", "other")), now=NOW
        )
        kiosk.pre_register(uow, _form(commune_insee="other", commune_other="Lyon"), now=NOW)
        uow.commit()
    with world.store.reading() as s:
        pres = s.scalars(select(m.PreRegistration)).all()
        assert {(p.commune_insee, p.commune_other) for p in pres} == {("93048", None), (None, "Lyon")}
        montreuil = next(p for p in pres if p.commune_insee)
        assert montreuil.job_families == ["ai"]  # only the families the kiosk explains


def test_programmes_near_a_commune_come_nearest_first(world: World) -> None:
    with world.store.unit_of_work(None) as uow:
        simplon = uow.session.scalar(select(m.Partner.id).where(m.Partner.name == "Simplon"))
        assert simplon is not None
        campuses = dict(uow.session.execute(select(m.Campus.code, m.Campus.id)).all())
        with uow.as_reference():  # HQ's catalogue and another campus's session, known to this one
            far = partners.create_programme(uow, simplon, "Développeur web", "development", 20)
            near = partners.create_programme(uow, simplon, "Analyste de données", "data", 16)
            partners.add_session(uow, far, date(2026, 3, 10), date(2026, 7, 10), 12, campus_id=campuses["CSB"])
        partners.add_session(uow, near, date(2026, 4, 10), date(2026, 8, 10), 12, campus_id=campuses["SDN"])
        partners.add_session(uow, near, date(2026, 9, 10), date(2026, 12, 10), 12, campus_id=campuses["SDN"])
        uow.commit()
    with world.store.read_unit(None) as uow:
        offers = kiosk.programmes_near(uow, "93066", today=date(2026, 3, 2))
        assert [o.programme_title for o in offers] == ["Analyste de données", "Développeur web"]
        assert offers[0].starts_on == date(2026, 4, 10) and offers[0].distance_km == 0
        soonest = kiosk.programmes_near(uow, None, today=date(2026, 3, 2))
        assert soonest[0].programme_title == "Développeur web"
        assert [
            o.job_family for o in kiosk.programmes_near(uow, "93066", job_family="data", today=date(2026, 3, 2))
        ] == [e.JobFamily.DATA]
    assert len(kiosk.job_families()) == 6


def test_events_and_self_registration_reveal_nobody(world: World) -> None:
    with world.store.unit_of_work(None) as uow:
        hack = events.create_event(
            uow,
            "Hackathon IA",
            "hackathon",
            NOW + timedelta(days=3),
            NOW + timedelta(days=4),
            campus_id=world.campus_id,
        )
        events.create_event(uow, "Collège Jean-Jaurès", "outreach", NOW + timedelta(days=1), NOW + timedelta(days=2))
        events.create_event(uow, "Passé", "info_session", NOW - timedelta(days=1), NOW - timedelta(hours=20))
        uow.commit()
    with world.store.read_unit(None) as uow:
        offers = kiosk.upcoming_events(uow, now=NOW)
    assert [o.title for o in offers] == ["Hackathon IA"]
    assert not offers[0].is_full
    signup = kiosk.EventSignUp(first_name="Sam", last_name="Ortiz", email="sam@example.fr", consent=True)
    with world.store.unit_of_work(None) as uow:
        kiosk.register_for_event(uow, hack, signup, now=NOW)
        with pytest.raises(InvalidInput):
            kiosk.register_for_event(uow, hack, dataclasses.replace(signup, email="", consent=False), now=NOW)
        uow.commit()
    with world.store.reading() as s:
        pre = s.scalars(select(m.PreRegistration)).one()
        assert "Hackathon IA" in pre.message and pre.event_id == hack and pre.birth_date is None


def test_the_kiosk_offers_its_own_campus_s_events_first(world: World) -> None:
    with world.store.unit_of_work(None) as uow, uow.as_reference():  # as received from HQ
        for title, days, campus in (
            ("Job dating Aubervilliers", 1, world.other_campus_id),
            ("Réunion d'information ici", 5, world.campus_id),
            ("Hackathon du siège", 3, None),
            ("Concours Aubervilliers", 2, world.other_campus_id),
        ):
            kind = "hackathon" if "Hackathon" in title else "info_session"
            at = NOW + timedelta(days=days)
            events.create_event(uow, title, kind, at, at + timedelta(hours=2), campus_id=campus)
        uow.commit()
    with world.store.read_unit(None) as uow:
        offers = kiosk.upcoming_events(uow, now=NOW)
    assert [o.title for o in offers] == [
        "Hackathon du siège",
        "Réunion d'information ici",
        "Job dating Aubervilliers",
        "Concours Aubervilliers",
    ]


def test_staff_pin_is_hashed_and_wrong_pins_lock_longer_each_time(world: World) -> None:
    with world.store.unit_of_work(None) as uow:
        with pytest.raises(kiosk.StaffPinNotSet):
            kiosk.verify_staff_pin(uow, "2468", now=NOW)
        with pytest.raises(InvalidInput):
            kiosk.set_staff_pin(uow, "12a4")
        kiosk.set_staff_pin(uow, "2468")
        uow.commit()
    with world.store.reading() as s:
        stored = s.get(m.LocalSetting, kiosk.PIN_HASH_KEY)
        assert stored is not None and stored.value.startswith("$argon2") and "2468" not in stored.value
    with world.store.unit_of_work(None) as uow:
        assert kiosk.verify_staff_pin(uow, "1111", now=NOW) == kiosk.PinCheck(ok=False, locked_for_s=1)
        with pytest.raises(kiosk.StaffPinLocked):  # locked: even the right PIN is not checked
            kiosk.verify_staff_pin(uow, "2468", now=NOW)
        assert kiosk.verify_staff_pin(uow, "2222", now=NOW + timedelta(seconds=1)).locked_for_s == 2
        assert kiosk.verify_staff_pin(uow, "3333", now=NOW + timedelta(seconds=3)).locked_for_s == 4
        assert kiosk.verify_staff_pin(uow, "2468", now=NOW + timedelta(seconds=7)).ok
        assert kiosk.verify_staff_pin(uow, "0000", now=NOW + timedelta(seconds=8)).locked_for_s == 1  # count reset
        uow.commit()


def test_the_ticket_printer_is_a_setting_of_the_kiosk_machine(world: World) -> None:
    with world.store.unit_of_work(None) as uow:
        assert kiosk.printer_name(uow) is None
        assert kiosk_printing.ticket_printing(uow) == kiosk_printing.TicketPrinting(None, "Campus Saint-Denis")
        kiosk.set_printer(uow, " EPSON TM-T20III ")
        uow.commit()
    with world.store.unit_of_work(None) as uow:
        assert kiosk.printer_name(uow) == "EPSON TM-T20III"
        assert kiosk_printing.ticket_printing(uow).printer == "EPSON TM-T20III"
        kiosk.set_printer(uow, None)
        assert kiosk.printer_name(uow) is None
        uow.commit()
        assert not uow.session.scalars(select(m.ChangeLog)).all()  # never sent to HQ


def test_the_kiosk_service_has_no_function_that_reads_people() -> None:
    public = {name for name in dir(kiosk) if not name.startswith("_") and callable(getattr(kiosk, name))}
    functions = {n for n in public if getattr(getattr(kiosk, n), "__module__", "") == kiosk.__name__}
    functions -= {n for n in functions if isinstance(getattr(kiosk, n), type)}
    assert functions == {
        "check_in_by_code",
        "check_in_by_name_and_birth_date",
        "pre_register",
        "job_families",
        "programmes_near",
        "upcoming_events",
        "register_for_event",
        "set_staff_pin",
        "has_staff_pin",
        "verify_staff_pin",
        "printer_name",
        "set_printer",
    }


def _try_code(world: World, code: str, at: datetime) -> str:
    """One check-in as the kiosk window runs it (a refusal that keeps its writes is committed); what happened."""
    with world.store.unit_of_work(None) as uow:
        try:
            kiosk.check_in_by_code(uow, code, now=at)
        except kiosk.CheckInLocked as locked:
            return f"locked {locked.seconds}"
        except kiosk.CheckInNotFound as refused:
            assert refused.keeps_writes
            uow.commit()
            return f"not found, wait {refused.wait_s}"
        uow.commit()
    return "ok"


def test_failed_check_ins_wait_longer_each_time_after_three_and_are_forgotten_after_a_quiet_while(
    world: World,
) -> None:
    pid = world.person("Awa", "Diallo")
    _, code = _appointment(world, pid)
    wrong = "000000" if code != "000000" else "111111"
    at = NOW
    seen = []
    for _ in range(6):
        seen.append(_try_code(world, wrong, at))
        at += timedelta(seconds=61)  # after each wait
    assert seen == [
        "not found, wait 0",
        "not found, wait 0",
        "not found, wait 0",
        "not found, wait 2",
        "not found, wait 4",
        "not found, wait 8",
    ]
    after = at - timedelta(seconds=61) + timedelta(seconds=3)
    assert _try_code(world, code, after) == "locked 5"  # even the right code waits: nothing is checked meanwhile
    assert _try_code(world, code, after + timedelta(seconds=5)) == "ok"
    # a quiet while later, a typo is free again
    assert _try_code(world, wrong, after + kiosk.CHECKIN_QUIET + timedelta(seconds=6)) == "not found, wait 0"
