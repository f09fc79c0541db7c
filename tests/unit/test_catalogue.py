"""The catalogue a campus keeps: who may write it, HQ-wide entries read-only, archiving instead of deleting."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from gn_core.domain import enums as e
from gn_core.domain.errors import InvalidInput, PermissionDenied
from gn_desktop.services import catalogue, kiosk, partners, referrals
from gn_desktop.services.catalogue import OfferForm, PartnerForm, ProgrammeForm, SessionForm
from gn_desktop.store import models as m
from tests.unit.world import TODAY, World


def _hq_partner(world: World, name: str = "Simplon") -> str:
    with world.store.reading() as s:
        pid = s.scalar(select(m.Partner.id).where(m.Partner.name == name))
    assert pid is not None
    return pid


def _programme_and_session(world: World, capacity: int = 2) -> tuple[str, str]:
    with world.store.unit_of_work(world.manager_id) as uow:
        school = catalogue.save_partner(uow, PartnerForm("Code Académie", e.PartnerKind.TRAINING_ORGANISATION))
        prog = catalogue.save_programme(uow, ProgrammeForm(school, "Développeur web", "development", 20))
        sid = catalogue.save_session(
            uow,
            SessionForm(prog, TODAY + timedelta(days=10), TODAY + timedelta(days=150), capacity, "Salle 2"),
        )
        uow.commit()
    return prog, sid


def test_a_campus_manager_keeps_the_campus_catalogue_and_an_advisor_may_not(world: World) -> None:
    form = PartnerForm(
        "Mission locale de Saint-Denis",
        e.PartnerKind.MISSION_LOCALE,
        commune_insee="93066",
        contact_name="Inès Morel",
        contact_email="Ines.Morel@example.org",
        contact_phone="01 99 00 12 34",
    )
    with world.store.unit_of_work(world.advisor_id) as uow, pytest.raises(PermissionDenied, match="responsable"):
        catalogue.save_partner(uow, form)
    with world.store.unit_of_work(world.manager_id) as uow:
        pid = catalogue.save_partner(uow, form)
        uow.commit()
    with world.store.read_unit(world.manager_id) as uow:
        data = catalogue.catalogue_data(uow, TODAY)
    row = next(p for p in data.partners if p.id == pid)
    assert data.can_edit and row.owner.own and not row.owner.hq_wide
    assert (row.form.contact_email, row.form.contact_phone) == ("ines.morel@example.org", "+33199001234")
    simplon = next(p for p in data.partners if p.form.name == "Simplon")
    assert simplon.owner.hq_wide and not simplon.owner.own
    with world.store.read_unit(world.advisor_id) as uow:
        assert not catalogue.catalogue_data(uow, TODAY).can_edit


def test_hq_wide_and_other_campuses_entries_are_read_only(world: World) -> None:
    simplon = _hq_partner(world)
    with world.store.unit_of_work(world.manager_id) as uow, pytest.raises(PermissionDenied, match="siège"):
        catalogue.save_partner(uow, PartnerForm("Simplon (renommé)", e.PartnerKind.TRAINING_ORGANISATION), simplon)
    with world.store.unit_of_work(world.manager_id) as uow, pytest.raises(PermissionDenied, match="siège"):
        catalogue.set_archived(uow, "partner", simplon, True)
    with world.store.unit_of_work(None) as uow, uow.as_reference():
        theirs = m.Partner(
            name="Employeur d'Aubervilliers", kind=e.PartnerKind.EMPLOYER, campus_id=world.other_campus_id
        )
        uow.session.add(theirs)
        uow.commit()
    with world.store.unit_of_work(world.manager_id) as uow, pytest.raises(PermissionDenied, match="autre campus"):
        catalogue.set_archived(uow, "partner", theirs.id, True)


def test_forms_name_every_bad_field(world: World) -> None:
    simplon = _hq_partner(world)
    with world.store.unit_of_work(world.manager_id) as uow:
        with pytest.raises(InvalidInput) as bad:
            catalogue.save_partner(uow, PartnerForm(" ", "employer", email="pas-une-adresse", contact_phone="12"))
        assert {err.field for err in bad.value.errors} == {"name", "email", "contact_phone"}
        with pytest.raises(InvalidInput) as bad:
            catalogue.save_programme(uow, ProgrammeForm(simplon, "", "data", 0))
        assert {err.field for err in bad.value.errors} == {"title", "duration_weeks"}
        with pytest.raises(InvalidInput) as bad:
            catalogue.save_offer(uow, OfferForm(simplon, "Dev", "development", "cdi", None))
        assert {err.field for err in bad.value.errors} == {"partner_id", "posted_on"}
        assert all(err.message.split(" : ")[0] for err in bad.value.errors)


def test_places_left_count_accepted_referrals_and_capacity_never_goes_below_them(world: World) -> None:
    prog, sid = _programme_and_session(world, capacity=2)
    a, b = world.person(), world.person("Karim", "Haddad", birth_date="01/01/1990")
    with world.store.unit_of_work(world.advisor_id) as uow:
        for pid in (a, b):
            ref = referrals.refer(uow, pid, TODAY, programme_session_id=sid)
            referrals.set_status(uow, ref, "sent", TODAY)
            referrals.set_status(uow, ref, "accepted", TODAY)
        uow.commit()
    with world.store.read_unit(world.manager_id) as uow:
        [row] = catalogue.catalogue_data(uow, TODAY).sessions
    assert (row.places_left, row.form.place) == (0, "Salle 2")
    with world.store.unit_of_work(world.manager_id) as uow, pytest.raises(InvalidInput, match="déjà acceptées"):
        catalogue.save_session(uow, SessionForm(prog, row.form.starts_on, row.form.ends_on, 1), sid)


def test_an_archived_entry_is_kept_and_hidden_from_pickers_and_the_kiosk(world: World) -> None:
    _prog, sid = _programme_and_session(world)
    a = world.person()
    with world.store.unit_of_work(world.advisor_id) as uow:
        ref = referrals.refer(uow, a, TODAY, programme_session_id=sid)
        uow.commit()
    with world.store.unit_of_work(world.manager_id) as uow:
        catalogue.set_archived(uow, "programme_session", sid, True)
        uow.commit()
    with world.store.read_unit(world.advisor_id) as uow:
        assert sid not in [s.id for s in partners.upcoming_sessions(uow, TODAY)]
        assert "Code Académie" not in [s.partner_name for s in kiosk.programmes_near(uow, None, today=TODAY)]
        assert [r.id for r in referrals.for_person(uow, a)] == [ref]  # the referral still shows it
        assert next(s for s in catalogue.catalogue_data(uow, TODAY).sessions if s.id == sid).archived
    with world.store.unit_of_work(world.manager_id) as uow:
        catalogue.set_archived(uow, "programme_session", sid, False)
        uow.commit()
    with world.store.read_unit(world.advisor_id) as uow:
        assert sid in [s.id for s in partners.upcoming_sessions(uow, TODAY)]


def test_a_campus_entry_is_queued_for_hq_with_its_campus(world: World) -> None:
    with world.store.unit_of_work(world.manager_id) as uow:
        offer = catalogue.save_offer(
            uow,
            OfferForm(
                _employer(world), "Technicien support", "infrastructure", "cdd", TODAY, TODAY + timedelta(days=30)
            ),
        )
        uow.commit()
    with world.store.reading() as s:
        log = s.scalars(select(m.ChangeLog).where(m.ChangeLog.record_id == offer)).one()
    assert world.campus_id in str(log.fields["campus_id"])


def _employer(world: World) -> str:
    with world.store.unit_of_work(world.manager_id) as uow:
        pid = catalogue.save_partner(
            uow, PartnerForm("Atelier Numérique", e.PartnerKind.EMPLOYER, committed_to_hire=True)
        )
        uow.commit()
    return pid
