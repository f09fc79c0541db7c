"""A campus's catalogue over a real HQ: what a campus manager creates and archives reaches the other campus, with
every new field, and stays read-only there."""

from __future__ import annotations

from datetime import date, timedelta

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
