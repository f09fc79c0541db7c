"""Intake: every bad field is named in French, and likely duplicates are shown before anyone is created."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from gn_core.domain.errors import InvalidInput
from gn_desktop.services.intake import ConsentInput, PersonForm, PossibleDuplicates, RqthInput, create_person
from gn_desktop.store import models as m
from tests.unit.world import TODAY, World


def _create(world: World, form: PersonForm, consents: list[ConsentInput] | None = None, **kw: object) -> str:
    with world.store.unit_of_work(world.advisor_id) as uow:
        pid = create_person(
            uow,
            form,
            consents if consents is not None else [ConsentInput("follow_up")],
            campus_id=world.campus_id,
            advisor_id=world.advisor_id,
            today=TODAY,
            **kw,  # type: ignore[arg-type]
        )
        uow.commit()
    return pid


def test_every_bad_field_is_reported_at_once(world: World) -> None:
    form = PersonForm(first_name="", last_name="Diallo", birth_date="31/13/2001", phone="12", email="x@", situation="?")
    with pytest.raises(InvalidInput) as err:
        _create(world, form)
    fields = {e.field for e in err.value.errors}
    assert fields == {"first_name", "birth_date", "phone", "email", "situation"}
    assert "Prénom : ce champ est obligatoire." in err.value.for_field("first_name")


def test_values_are_normalised(world: World) -> None:
    pid = _create(
        world,
        PersonForm(
            first_name="  jean-baptiste ",
            last_name="N'DIAYE",
            birth_date="03/04/2000",
            phone="06 12 34 56 78",
            commune="Pierrefitte-sur-Seine",
            job_families=["data", "ai", "data"],
        ),
    )
    with world.store.reading() as s:
        p = s.get(m.Person, pid)
        assert p is not None
        assert (p.first_name, p.last_name) == ("Jean-Baptiste", "N'Diaye")
        assert p.phone == "+33612345678"
        assert p.commune_insee == "93066"  # merged into Saint-Denis on 1 January 2025
        assert p.job_families == ["ai", "data"]
        assert p.pathway_step == "welcome"


def test_commune_outside_the_93_is_kept_as_text(world: World) -> None:
    pid = _create(world, PersonForm(first_name="Léa", last_name="Roux", commune="Paris 19e"))
    with world.store.reading() as s:
        p = s.get(m.Person, pid)
        assert p is not None and p.commune_insee is None and p.commune_other == "Paris 19e"


def test_follow_up_consent_or_legal_basis_is_required(world: World) -> None:
    with pytest.raises(InvalidInput, match="suivi du parcours"):
        _create(world, PersonForm(first_name="Léa", last_name="Roux"), consents=[])


def test_rqth_needs_its_own_consent_and_is_kept_apart(world: World) -> None:
    rqth = RqthInput("10/01/2025", "10/01/2025", "09/01/2030")
    with pytest.raises(InvalidInput, match="RQTH"):
        _create(world, PersonForm(first_name="Léa", last_name="Roux"), rqth=rqth)
    pid = _create(
        world,
        PersonForm(first_name="Léa", last_name="Roux"),
        consents=[ConsentInput("follow_up"), ConsentInput("rqth_recording")],
        rqth=rqth,
    )
    with world.store.reading() as s:
        assert s.scalar(select(func.count()).where(m.RqthDecision.person_id == pid)) == 1


@pytest.mark.parametrize(
    ("form", "reason"),
    [
        (
            PersonForm(first_name="awa", last_name="DIALLO", birth_date="12/05/1999"),
            "même nom et même date de naissance",
        ),
        (
            PersonForm(first_name="Diallo", last_name="Awa", birth_date="12/05/1999"),
            "même nom et même date de naissance",
        ),
        (PersonForm(first_name="Awaa", last_name="Dialo", birth_date="12/05/1999"), "nom très proche"),
        (PersonForm(first_name="Fatou", last_name="Sow", phone="+33612345678"), "même téléphone"),
        (PersonForm(first_name="Fatou", last_name="Sow", email="AWA@example.org"), "même e-mail"),
    ],
)
def test_search_before_create_finds_likely_matches(world: World, form: PersonForm, reason: str) -> None:
    first = world.person(phone="0612345678", email="awa@example.org")
    with pytest.raises(PossibleDuplicates) as err:
        _create(world, form)
    assert err.value.matches[0].person_id == first
    assert reason in " ".join(err.value.matches[0].reasons)
    assert "déjà inscrite" in err.value.message


def test_advisor_can_confirm_it_is_someone_else(world: World) -> None:
    world.person()
    _create(world, PersonForm(first_name="Awa", last_name="Diallo", birth_date="12/05/1999"), confirmed_new=True)
    with world.store.reading() as s:
        assert s.scalar(select(func.count()).select_from(m.Person)) == 2


def test_a_different_person_is_not_flagged(world: World) -> None:
    world.person()
    _create(world, PersonForm(first_name="Karim", last_name="Haddad", birth_date="01/01/1990"))


def test_withdrawn_consent_keeps_its_dates_and_is_in_the_history(world: World) -> None:
    from gn_desktop.services.intake import withdraw_consent

    pid = world.person()
    with world.store.reading() as s:
        consent_id = s.scalars(select(m.Consent.id).where(m.Consent.person_id == pid)).one()
    with world.store.unit_of_work(world.advisor_id) as uow:
        withdraw_consent(uow, consent_id, TODAY)
        uow.commit()
    with world.store.reading() as s:
        consent = s.get(m.Consent, consent_id)
        assert consent is not None and consent.given_on == TODAY and consent.withdrawn_on == TODAY
        fields = s.scalars(
            select(m.HistoryEntry.fields).where(m.HistoryEntry.record_id == consent_id, m.HistoryEntry.op == "update")
        ).one()
    assert fields == {"withdrawn_on": {"old": None, "new": TODAY.isoformat()}}
