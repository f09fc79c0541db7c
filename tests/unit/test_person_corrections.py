"""Correcting a file after intake: the person's fields (the same checks as intake; a change made meanwhile is never
overwritten), their consents (withdrawn, given again) and their RQTH decision (allowed roles only)."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from gn_core.domain import enums as e
from gn_core.domain.errors import InvalidInput, KnownError, PermissionDenied
from gn_core.domain.person import clean_person, form_values
from gn_core.domain.reference import CURRENT_CONSENT_VERSION
from gn_desktop.services import accounts, consents, followup, rqth
from gn_desktop.services.intake import (
    ConsentInput,
    PersonChangedElsewhere,
    PersonForm,
    create_person,
    editable_person,
    update_person,
)
from gn_desktop.services.person_file import file_data
from gn_desktop.store import models as m
from tests.unit.world import TODAY, World


def _form(values: dict[str, object]) -> PersonForm:
    return PersonForm(**values)


def _load(world: World, pid: str):
    with world.store.read_unit(world.advisor_id) as uow:
        return editable_person(uow, pid)


def _save(world: World, pid: str, values: dict[str, object], base: object = None, user: str | None = None) -> set[str]:
    with world.store.unit_of_work(user or world.advisor_id) as uow:
        changed = update_person(uow, pid, _form(values), TODAY, base=base)
        uow.commit()
    return changed


# -- the person's fields ---------------------------------------------------------------------------------------------


def test_form_values_give_the_stored_values_back() -> None:
    stored = clean_person(
        PersonForm(
            first_name="awa",
            last_name="DIALLO",
            birth_date="12/05/1999",
            phone="06 12 34 56 78",
            commune="93200",
            situation="job_seeker",
            benefits=["rsa", "are"],
            job_families=["data"],
        ),
        TODAY,
    )
    shown = form_values(stored)
    assert shown["phone"] == "06 12 34 56 78" and shown["commune"] == "Saint-Denis"
    assert shown["birth_date"] == "12/05/1999" and shown["benefits"] == ["are", "rsa"]
    assert clean_person(_form(shown), TODAY) == stored
    other = clean_person(PersonForm(first_name="A", last_name="B", commune="Lyon"), TODAY)
    assert form_values(other)["commune"] == "Lyon"


def test_a_correction_is_checked_like_intake_and_written_to_the_history(world: World) -> None:
    pid = world.person(phone="06 12 34 56 78")
    base = _load(world, pid)
    bad = base.values | {"phone": "12", "email": "pas-un-email", "first_name": ""}
    with pytest.raises(InvalidInput) as refused:
        _save(world, pid, bad, base)
    assert {err.field for err in refused.value.errors} == {"phone", "email", "first_name"}
    assert all(err.message.startswith(("Téléphone", "E-mail", "Prénom")) for err in refused.value.errors)
    changed = _save(world, pid, base.values | {"phone": "07 81 22 33 44", "situation": "employee"}, base)
    assert changed == {"phone", "situation"}
    with world.store.read_unit(world.advisor_id) as uow:
        history = followup.history(uow, pid)
    update = next(h for h in history if h.entity == "person" and h.op == "update")
    assert update.user_name == "Camille Martin"
    assert update.fields["phone"] == {"old": "+33612345678", "new": "+33781223344"}


def test_a_change_made_meanwhile_is_not_overwritten(world: World) -> None:
    pid = world.person(phone="06 12 34 56 78")
    base = _load(world, pid)
    # another PC's change arrives (here: another unit of work) between loading the form and saving it
    _save(world, pid, base.values | {"phone": "07 99 88 77 66", "situation": "student"}, user=world.other_advisor_id)
    mine = base.values | {"phone": "06 00 00 00 01", "email": "awa@example.org"}
    with pytest.raises(PersonChangedElsewhere) as refused:
        _save(world, pid, mine, base)
    assert refused.value.fields == ["phone", "situation"]
    assert refused.value.current.values["phone"] == "07 99 88 77 66"
    assert "Téléphone, Situation" in refused.value.message and "Rien n'a été enregistré" in refused.value.message
    with world.store.reading() as s:
        person = s.get(m.Person, pid)
        assert person is not None and person.phone == "+33799887766" and person.email is None
    # applied again on the new values, it goes through
    again = refused.value.current
    assert _save(world, pid, again.values | {"email": "awa@example.org"}, again) == {"email"}


def test_a_write_that_touched_no_field_of_the_form_does_not_block_the_save(world: World) -> None:
    pid = world.person()
    base = _load(world, pid)
    with world.store.unit_of_work(world.advisor_id) as uow:
        followup.add_note(uow, pid, "Appel.")  # updates the last contact date: the record's version moves
        uow.commit()
    assert _load(world, pid).version != base.version
    assert _save(world, pid, base.values | {"email": "awa@example.org"}, base) == {"email"}


# -- consents --------------------------------------------------------------------------------------------------------


def _consent(world: World, pid: str, purpose: e.ConsentPurpose) -> consents.ConsentView:
    with world.store.read_unit(world.advisor_id) as uow:
        return next(c for c in consents.consents_of(uow, pid) if c.purpose == purpose)


def test_consents_are_listed_per_purpose_withdrawn_and_given_again(world: World) -> None:
    pid = world.person()
    with world.store.read_unit(world.advisor_id) as uow:
        views = consents.consents_of(uow, pid)
    assert [v.purpose for v in views] == list(e.ConsentPurpose)
    follow = views[0]
    assert follow.active and follow.text_version == CURRENT_CONSENT_VERSION and follow.given_on == TODAY
    assert not views[2].active and views[2].id is None  # SMS: never asked
    with world.store.unit_of_work(world.advisor_id) as uow:
        consents.withdraw_consent(uow, follow.id or "", date(2026, 3, 5))
        uow.commit()
    withdrawn = _consent(world, pid, e.ConsentPurpose.FOLLOW_UP)
    assert withdrawn.withdrawn_on == date(2026, 3, 5) and withdrawn.can_give
    with world.store.read_unit(world.advisor_id) as uow:
        assert consents.follow_up_withdrawn_on(consents.consents_of(uow, pid)) == date(2026, 3, 5)
    with world.store.unit_of_work(world.advisor_id) as uow, pytest.raises(KnownError, match="déjà été retiré"):
        consents.withdraw_consent(uow, follow.id or "", date(2026, 3, 6))
    with world.store.unit_of_work(world.advisor_id) as uow:
        new_id = consents.give_consent(uow, pid, e.ConsentPurpose.FOLLOW_UP, date(2026, 3, 9))
        uow.commit()
    again = _consent(world, pid, e.ConsentPurpose.FOLLOW_UP)
    assert again.id == new_id and again.active and again.earlier == 1
    assert again.legal_basis == e.LegalBasis.CONSENT and again.text_version == CURRENT_CONSENT_VERSION
    with world.store.unit_of_work(world.advisor_id) as uow, pytest.raises(KnownError, match="déjà donné"):
        consents.give_consent(uow, pid, e.ConsentPurpose.FOLLOW_UP, date(2026, 3, 9))
    with world.store.read_unit(world.advisor_id) as uow:
        assert consents.follow_up_withdrawn_on(consents.consents_of(uow, pid)) is None
        entries = [h for h in followup.history(uow, pid) if h.entity == "consent"]
    assert len(entries) == 3  # given at intake, withdrawn, given again


def test_a_processing_on_another_legal_basis_is_not_withdrawn_and_dates_are_checked(world: World) -> None:
    with world.store.unit_of_work(world.advisor_id) as uow:
        pid = create_person(
            uow,
            PersonForm(first_name="Léa", last_name="Roux"),
            [ConsentInput("follow_up", legal_basis="public_interest"), ConsentInput("contact_by_sms")],
            campus_id=world.campus_id,
            today=TODAY,
        )
        uow.commit()
    follow = _consent(world, pid, e.ConsentPurpose.FOLLOW_UP)
    assert not follow.withdrawable
    with world.store.unit_of_work(world.advisor_id) as uow, pytest.raises(KnownError, match="Mission d'intérêt"):
        consents.withdraw_consent(uow, follow.id or "", TODAY)
    sms = _consent(world, pid, e.ConsentPurpose.CONTACT_BY_SMS)
    with world.store.unit_of_work(world.advisor_id) as uow, pytest.raises(InvalidInput, match="précède"):
        consents.withdraw_consent(uow, sms.id or "", date(2020, 1, 1))


# -- RQTH ------------------------------------------------------------------------------------------------------------


def _hq_admin(world: World) -> str:
    with world.store.unit_of_work(None) as uow:
        uid = accounts.create_user(uow, "siege", "Siège", e.UserRole.HQ_ADMIN, "", password_hash="x")
        uow.commit()
    return uid


def test_rqth_is_recorded_and_corrected_by_an_advisor_with_the_consent(world: World) -> None:
    pid = world.person()
    decision = rqth.RqthInput("10/01/2025", "10/01/2025", "09/01/2030")
    with world.store.unit_of_work(world.advisor_id) as uow, pytest.raises(InvalidInput, match="accepter"):
        rqth.record_rqth(uow, pid, decision)
    with world.store.unit_of_work(world.advisor_id) as uow:
        consents.give_consent(uow, pid, e.ConsentPurpose.RQTH_RECORDING, TODAY)
        assert rqth.record_rqth(uow, pid, decision)
        uow.commit()
    with world.store.unit_of_work(world.advisor_id) as uow, pytest.raises(InvalidInput) as bad:
        rqth.record_rqth(uow, pid, rqth.RqthInput("", "31/02/2025", "01/01/2020"))
    assert all(err.message.startswith("RQTH") or "RQTH" in err.message for err in bad.value.errors)
    with world.store.unit_of_work(world.manager_id) as uow:
        assert rqth.record_rqth(uow, pid, rqth.RqthInput("10/01/2025", "10/01/2025", None))  # now permanent
        uow.commit()
    with world.store.read_unit(world.advisor_id) as uow:
        view = rqth.rqth_of(uow, pid)
        data = file_data(uow, pid, TODAY)
    assert view == rqth.RqthView(date(2025, 1, 10), date(2025, 1, 10), None, True)
    assert data.rqth == view


def test_rqth_is_refused_to_other_roles_and_to_nobody(world: World) -> None:
    pid = world.person()
    admin = _hq_admin(world)
    for user in (admin, None):
        with world.store.read_unit(user) as uow:
            with pytest.raises(PermissionDenied):
                rqth.rqth_of(uow, pid)
            assert file_data(uow, pid, TODAY).rqth is None
        with world.store.unit_of_work(user) as uow, pytest.raises(PermissionDenied):
            rqth.record_rqth(uow, pid, rqth.RqthInput("10/01/2025", "10/01/2025"))
    with world.store.reading() as s:
        assert s.scalar(select(m.RqthDecision.id)) is None
