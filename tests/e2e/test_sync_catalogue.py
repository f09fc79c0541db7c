"""A campus's catalogue over a real HQ: what a campus manager creates and archives reaches the other campus, with
every new field, and stays read-only there."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from sqlalchemy import select

from gn_core.domain import enums as e
from gn_core.domain.errors import PermissionDenied
from gn_desktop.services import accounts, catalogue
from gn_desktop.services.catalogue import OfferForm, PartnerForm, ProgrammeForm, SessionForm
from gn_desktop.store import models as m
from tests.e2e.conftest import Campus

START = date.today() + timedelta(days=20)


def _manager(campus: Campus) -> str:
    """A campus manager's account on this PC (as HQ would send it)."""
    store = campus.store()
    try:
        with store.unit_of_work(None) as uow, uow.as_reference():
            user = accounts.create_user(
                uow, f"resp.{campus.code.lower()}", "Responsable", e.UserRole.CAMPUS_MANAGER, "",
                campus_id=store.campus_id, password_hash="x",
            )  # fmt: skip
            uow.commit()
        return user
    finally:
        store.dispose()


def test_a_campus_catalogue_reaches_the_other_campus_whole_and_read_only(two: tuple[Campus, Campus]) -> None:
    a, b = two
    manager = _manager(a)
    store = a.store()
    try:
        with store.unit_of_work(manager) as uow:
            local = catalogue.save_partner(
                uow,
                PartnerForm(
                    "Mission locale Est", e.PartnerKind.MISSION_LOCALE, commune_insee="93066",
                    contact_name="Inès Morel", contact_email="ines@example.org", contact_phone="01 99 00 12 34",
                ),
            )  # fmt: skip
            school = catalogue.save_partner(uow, PartnerForm("Code Académie", e.PartnerKind.TRAINING_ORGANISATION))
            employer = catalogue.save_partner(uow, PartnerForm("Atelier", e.PartnerKind.EMPLOYER))
            prog = catalogue.save_programme(
                uow, ProgrammeForm(school, "Dev web", "development", 20, "4", ("cpf", "region"))
            )
            sid = catalogue.save_session(uow, SessionForm(prog, START, START + timedelta(weeks=20), 12, "Salle 2"))
            offer = catalogue.save_offer(uow, OfferForm(employer, "Technicien", "infrastructure", "cdd", START))
            uow.commit()
        with store.unit_of_work(manager) as uow:
            catalogue.set_archived(uow, "programme_session", sid, True)
            uow.commit()
    finally:
        store.dispose()
    report = a.sync()
    assert (report.errors, report.rejected, report.pushed) == ([], 0, 7)
    assert a.pending() == 0
    b.sync()
    other = b.store()
    try:
        with other.reading() as s:
            partner = s.get(m.Partner, local)
            programme = s.get(m.Programme, prog)
            session = s.get(m.ProgrammeSession, sid)
            job = s.get(m.JobOffer, offer)
            assert partner is not None and programme is not None and session is not None and job is not None
            assert (partner.kind, partner.contact_name, partner.contact_phone, partner.campus_id) == (
                e.PartnerKind.MISSION_LOCALE, "Inès Morel", "+33199001234", a.campus_id(),
            )  # fmt: skip
            assert (programme.funding, programme.min_education_level) == (["cpf", "region"], e.EducationLevel.LEVEL_4)
            assert (session.place, session.archived, job.campus_id) == ("Salle 2", True, a.campus_id())
            assert s.scalar(select(m.Partner.archived).where(m.Partner.id == school)) is False
        b_manager = _manager(b)
        with other.unit_of_work(b_manager) as uow, pytest.raises(PermissionDenied, match="autre campus"):
            catalogue.set_archived(uow, "partner", local, True)
    finally:
        other.dispose()


def test_a_startup_its_founders_and_support_actions_and_an_event_s_audiences_reach_a_campus_sharing_the_person(
    two: tuple[Campus, Campus],
) -> None:
    from gn_desktop.services import events, startups
    from gn_desktop.services.events import EventForm
    from gn_desktop.services.startups import StartupForm
    from tests.e2e.test_sync_basic import share

    a, b = two
    founder = a.add_person("Awa", "Diallo")
    manager = _manager(a)
    store = a.store()
    try:
        with store.unit_of_work(manager) as uow:
            sid = startups.save_startup(
                uow, StartupForm("DataCité", "creation", "73282932000074", "12 rue Hoche", "93055"), founder_id=founder
            )
            startups.add_action(uow, sid, START, "Atelier business plan", "Avec un mentor")
            starts = datetime.combine(START, time(14, 0)).astimezone()
            ev = events.save_event(
                uow,
                EventForm("Visite de collège", "school_visit", starts, starts + timedelta(hours=2), 25, ("pupils",)),
            )
            uow.commit()
    finally:
        store.dispose()
    report = a.sync()
    assert (report.errors, report.rejected) == ([], 0)
    share(a, founder, b)
    b.sync()
    other = b.store()
    try:
        with other.read_unit(None) as uow:
            [row] = startups.list_startups(uow, person_id=founder)
            file = startups.startup_file(uow, sid)
            [event] = [x for x in events.list_events(uow) if x.id == ev]
        assert (row.name, row.zfu_zone, row.actions, row.founders) == ("DataCité", "Pantin", 1, "Awa Diallo")
        assert (file.form.address, file.actions[0].title, file.actions[0].note) == (
            "12 rue Hoche", "Atelier business plan", "Avec un mentor",
        )  # fmt: skip
        assert (event.kind, event.audiences, event.capacity) == (e.EventKind.SCHOOL_VISIT, ("pupils",), 25)
    finally:
        other.dispose()
