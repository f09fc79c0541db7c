"""Partners, programmes, sessions with places, job offers, referrals, events and startups."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select

from gn_core.domain import enums as e
from gn_core.domain.errors import InvalidInput
from gn_desktop.services import events, partners, person_file, referrals, startups
from gn_desktop.store import models as m
from tests.unit.world import TODAY, World


def _simplon(world: World) -> str:
    with world.store.reading() as s:
        pid = s.scalar(select(m.Partner.id).where(m.Partner.name == "Simplon"))
    assert pid is not None
    return pid


def _session(world: World, capacity: int = 1) -> str:
    with world.store.unit_of_work(world.manager_id) as uow:
        with uow.as_reference():  # HQ's catalogue, known to the campus
            prog = partners.create_programme(uow, _simplon(world), "Développeur web", "development", 28)
        sid = partners.add_session(
            uow, prog, TODAY + timedelta(days=30), TODAY + timedelta(days=200), capacity, campus_id=world.campus_id
        )
        uow.commit()
    return sid


def test_session_places_left_follow_referrals(world: World) -> None:
    sid = _session(world, capacity=1)
    a, b = world.person(), world.person("Karim", "Haddad", birth_date="01/01/1990")
    with world.store.unit_of_work(world.advisor_id) as uow:
        ref = referrals.refer(uow, a, TODAY, programme_session_id=sid)
        referrals.set_status(uow, ref, e.ReferralStatus.SENT, TODAY)
        uow.commit()
    with world.store.read_unit(world.advisor_id) as uow:  # sent, not yet accepted: the place is still free
        assert partners.upcoming_sessions(uow, TODAY)[0].places_left == 1
    with world.store.unit_of_work(world.advisor_id) as uow:
        referrals.set_status(uow, ref, e.ReferralStatus.ACCEPTED, TODAY)
        uow.commit()
    with world.store.unit_of_work(world.advisor_id) as uow:
        [view] = partners.upcoming_sessions(uow, TODAY)
        assert (view.partner_name, view.places_left) == ("Simplon", 0)
        with pytest.raises(InvalidInput, match="complète"):
            referrals.refer(uow, b, TODAY, programme_session_id=sid)


def test_a_full_session_is_listed_on_the_partners_page_but_not_offered_in_a_file(world: World) -> None:
    sid = _session(world, capacity=1)
    a, b = world.person(), world.person("Karim", "Haddad", birth_date="01/01/1990")
    with world.store.unit_of_work(world.advisor_id) as uow:
        ref = referrals.refer(uow, a, TODAY, programme_session_id=sid)
        referrals.set_status(uow, ref, "sent", TODAY)
        referrals.set_status(uow, ref, "accepted", TODAY)
        uow.commit()
    with world.store.read_unit(world.advisor_id) as uow:
        data = partners.partners_data(uow, TODAY)
        assert [(s.id, s.places_left) for s in data.sessions] == [(sid, 0)]
        assert "Simplon" in [p.name for p in data.partners]
        file = person_file.file_data(uow, b, TODAY)
        assert (file.file.id, file.today, file.sessions, file.referrals) == (b, TODAY, [], [])
        assert [r.title for r in person_file.file_data(uow, a, TODAY).referrals] == ["Développeur web"]


def test_referral_twice_to_the_same_session_is_refused(world: World) -> None:
    sid = _session(world, capacity=5)
    a = world.person()
    with world.store.unit_of_work(world.advisor_id) as uow:
        referrals.refer(uow, a, TODAY, programme_session_id=sid)
        with pytest.raises(InvalidInput, match="déjà orientée"):
            referrals.refer(uow, a, TODAY, programme_session_id=sid)


def test_referral_status_moves_are_checked(world: World) -> None:
    sid = _session(world, capacity=5)
    a = world.person()
    with world.store.unit_of_work(world.advisor_id) as uow:
        ref = referrals.refer(uow, a, TODAY, programme_session_id=sid)
        with pytest.raises(InvalidInput, match="statut"):
            referrals.set_status(uow, ref, e.ReferralStatus.ACCEPTED, TODAY)
        referrals.set_status(uow, ref, e.ReferralStatus.SENT, TODAY)
        referrals.set_status(uow, ref, e.ReferralStatus.ACCEPTED, TODAY)
        r = uow.session.get(m.Referral, ref)
        assert r is not None and r.decided_on == TODAY


def test_only_employers_publish_offers_and_closed_offers_take_no_referral(world: World) -> None:
    a = world.person()
    with world.store.unit_of_work(world.advisor_id) as uow, uow.as_reference():  # HQ's catalogue
        with pytest.raises(InvalidInput, match="employeur"):
            partners.create_job_offer(uow, _simplon(world), "Dev", "development", "cdi", TODAY)
        emp = partners.create_partner(uow, "Atelier Numérique de Pantin", "employer", committed_to_hire=True)
        offer = partners.create_job_offer(uow, emp, "Technicien support", "infrastructure", "cdd", TODAY)
        partners.close_job_offer(uow, offer)
        uow.commit()
    with world.store.unit_of_work(world.advisor_id) as uow, pytest.raises(InvalidInput, match="close"):
        referrals.refer(uow, a, TODAY, job_offer_id=offer)


def test_event_registration_and_capacity(world: World) -> None:
    a, b = world.person(), world.person("Karim", "Haddad", birth_date="01/01/1990")
    start = datetime(2026, 4, 1, 9, tzinfo=UTC)
    with world.store.unit_of_work(world.advisor_id) as uow:
        ev = events.create_event(uow, "Hackathon IA", "hackathon", start, start + timedelta(hours=8), capacity=1)
        reg = events.register(uow, ev, a)
        with pytest.raises(InvalidInput, match="complet"):
            events.register(uow, ev, b)
        events.mark_attendance(uow, reg, "attended")
        with pytest.raises(InvalidInput, match="après le début"):
            events.create_event(uow, "X", "contest", start, start)


def test_startup_in_a_zfu_zone(world: World) -> None:
    a = world.person()
    with world.store.unit_of_work(world.advisor_id) as uow:
        with pytest.raises(InvalidInput, match="Zone franche"):
            startups.create_startup(uow, "DataCité", "idea", person_id=a, zfu_zone="Paris")
        sid = startups.create_startup(
            uow,
            "DataCité",
            "prototype",
            person_id=a,
            zfu_zone="Pantin",
            siret="73282932000074",
            created_on=date(2026, 1, 5),
        )
        startups.set_stage(uow, sid, "launched")
        s = uow.session.get(m.Startup, sid)
        assert s is not None and s.stage == e.StartupStage.LAUNCHED


def _partner(world: World, name: str) -> str:
    with world.store.reading() as s:
        pid = s.scalar(select(m.Partner.id).where(m.Partner.name == name))
    assert pid is not None
    return pid


def test_a_person_is_referred_to_an_employment_service_and_its_status_follows(world: World) -> None:
    a = world.person()
    mission, simplon = _partner(world, "Mission locale de Saint-Denis"), _partner(world, "Simplon")
    with world.store.unit_of_work(world.advisor_id) as uow:
        assert {p.name for p in partners.referral_services(uow)} >= {"France Travail", "Cap Emploi 93"}
        assert "Simplon" not in {p.name for p in partners.referral_services(uow)}
        with pytest.raises(InvalidInput, match="Structure"):
            referrals.refer(uow, a, TODAY, partner_id=simplon)  # a training organisation: through a session
        with pytest.raises(InvalidInput, match="choisissez une session"):
            referrals.refer(uow, a, TODAY)
        ref = referrals.refer(uow, a, TODAY, partner_id=mission, comment="Accompagnement CEJ")
        with pytest.raises(InvalidInput, match="déjà orientée"):
            referrals.refer(uow, a, TODAY, partner_id=mission)
        referrals.set_status(uow, ref, "sent", TODAY)
        referrals.set_status(uow, ref, "accepted", TODAY + timedelta(days=3))
        uow.commit()
    with world.store.read_unit(world.advisor_id) as uow:
        [view] = referrals.for_person(uow, a)
        assert (view.kind, view.title, view.service_kind, view.status) == (
            "service",
            "Mission locale de Saint-Denis",
            e.PartnerKind.MISSION_LOCALE,
            e.ReferralStatus.ACCEPTED,
        )
        assert mission in [p.id for p in person_file.file_data(uow, a, TODAY).services]
