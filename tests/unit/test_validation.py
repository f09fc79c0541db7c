"""Validation answers in French, names the field and the fix, and normalises what it accepts."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gn_core.domain.errors import InvalidInput
from gn_core.domain.person import (
    COLUMNS,
    FOLLOW_UP_CONSENT_MISSING,
    LABELS,
    PERSON_FIELDS,
    PersonForm,
    check_person,
    clean_person,
    consent_problems,
    person_problems,
)
from gn_core.domain.validation import (
    check_birth_date,
    check_email,
    check_france_travail_id,
    check_phone,
    check_siret,
    format_phone,
    parse_date,
)

TODAY = date(2026, 3, 2)


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("06 12 34 56 78", "+33612345678"),
        ("0612345678", "+33612345678"),
        ("+33 6 12 34 56 78", "+33612345678"),
        ("01.48.36.00.00", "+33148360000"),
        ("+212 6 12 34 56 78", "+212612345678"),
    ],
)
def test_phone_is_stored_in_e164(typed: str, stored: str) -> None:
    assert check_phone(typed) == stored


def test_bad_phone_message_names_field_and_fix() -> None:
    with pytest.raises(InvalidInput) as err:
        check_phone("06 12 34")
    assert err.value.errors[0].field == "phone"
    assert err.value.message.startswith("Téléphone")
    assert "10 chiffres" in err.value.message


def test_french_number_is_shown_nationally() -> None:
    assert format_phone("+33612345678") == "06 12 34 56 78"


def test_email_is_normalised_and_bad_one_refused() -> None:
    assert check_email("  Awa.Diallo@Example.ORG ") == "awa.diallo@example.org"
    with pytest.raises(InvalidInput, match="E-mail"):
        check_email("awa.diallo@")


def test_birth_date_in_future_is_refused() -> None:
    with pytest.raises(InvalidInput, match="dans le futur"):
        check_birth_date(date(2027, 1, 1), TODAY)


def test_under_15_is_refused_with_age() -> None:
    with pytest.raises(InvalidInput, match="14 ans"):
        check_birth_date(date(2011, 5, 1), TODAY)
    assert check_birth_date(date(2011, 3, 2), TODAY) == date(2011, 3, 2)  # 15 today


@pytest.mark.parametrize("typed", ["02/03/2001", "2/3/2001", "02-03-2001", "02.03.2001", "2001-03-02"])
def test_dates_typed_the_french_way(typed: str) -> None:
    assert parse_date(typed, "birth_date", "Date de naissance") == date(2001, 3, 2)


def test_impossible_date_says_the_expected_format() -> None:
    with pytest.raises(InvalidInput, match="jj/mm/aaaa"):
        parse_date("31/02/2001", "birth_date", "Date de naissance")


@pytest.mark.parametrize(
    ("typed", "stored"), [("1234567A", "1234567A"), ("1234567 a", "1234567A"), ("12345678123", "12345678123")]
)
def test_france_travail_id(typed: str, stored: str) -> None:
    assert check_france_travail_id(typed) == stored


@pytest.mark.parametrize("typed", ["123456", "ABCDEFGH", "1234567AB"])
def test_malformed_france_travail_id(typed: str) -> None:
    with pytest.raises(InvalidInput, match="France Travail"):
        check_france_travail_id(typed)


def test_siret_checked_by_luhn() -> None:
    assert check_siret("732 829 320 00074") == "73282932000074"
    with pytest.raises(InvalidInput, match="SIRET"):
        check_siret("73282932000075")


@given(st.dates(min_value=date(1926, 3, 3), max_value=date(2011, 3, 2)))
def test_every_age_between_15_and_100_is_accepted(birth: date) -> None:
    assert check_birth_date(birth, TODAY) == birth


@given(st.text(max_size=30))
def test_phone_never_crashes_on_any_text(text: str) -> None:
    try:
        result = check_phone(text)
    except InvalidInput as exc:
        assert exc.errors[0].field == "phone"
    else:
        assert result is None or result.startswith("+")


# -- a person's form, checked once (gn_core.domain.person) ---------------------------------------------------------


def test_a_person_form_is_normalised_into_column_values() -> None:
    values = clean_person(
        PersonForm(
            first_name="  jean-baptiste ",
            last_name="N'DIAYE",
            birth_date="03/04/2000",
            phone="06 12 34 56 78",
            email="JB@Example.org",
            commune="93200",
            france_travail_id="1234567 a",
            benefits=["rsa", "rsa"],
        ),
        TODAY,
    )
    assert (values["first_name"], values["last_name"]) == ("Jean-Baptiste", "N'Diaye")
    assert values["birth_date"] == date(2000, 4, 3) and values["phone"] == "+33612345678"
    assert (values["email"], values["france_travail_id"]) == ("jb@example.org", "1234567A")
    assert (values["commune_insee"], values["commune_other"]) == ("93066", None)  # Saint-Denis by its postcode
    assert values["benefits"] == ["rsa"]
    assert set(values) == {c for name in PERSON_FIELDS for c in COLUMNS[name]}


def test_every_bad_field_of_a_person_is_named_once_with_its_fix() -> None:
    form = PersonForm(first_name=" ", birth_date="2001-02-30", gender="?", phone="12", barriers=["x", "y"])
    problems = person_problems(form, TODAY)
    assert [p.field for p in problems] == [
        "first_name",
        "last_name",
        "birth_date",
        "gender",
        "phone",
        "barriers",
        "barriers",
    ]
    assert problems[0].message == "Prénom : ce champ est obligatoire."
    assert problems[3].message == "Genre : « ? » n'est pas une valeur reconnue."
    with pytest.raises(InvalidInput) as err:
        clean_person(form, TODAY)
    assert err.value.errors == problems


def test_only_the_fields_a_screen_collects_are_checked() -> None:
    form = PersonForm(first_name="Awa", last_name="", phone="06 12 34 56 78", gender="?")
    assert clean_person(form, TODAY, ("first_name", "phone")) == {"first_name": "Awa", "phone": "+33612345678"}
    values, problems = check_person(form, TODAY, ("last_name", "commune"))
    assert values == {"last_name": "", "commune_insee": None, "commune_other": None}
    assert [p.field for p in problems] == ["last_name"]
    with pytest.raises(ValueError, match="not fields"):
        person_problems(form, TODAY, ("consents",))


def test_what_the_store_refuses_is_named_as_the_form_names_it() -> None:
    """The storage rules (gn_core.fields) run after the form's own: a town of 300 letters is kept as text, then
    refused by its length under the form's "Commune" field."""
    problems = person_problems(PersonForm(first_name="A" * 201, last_name="Sow", commune="x" * 300), TODAY)
    assert [(p.field, p.message) for p in problems] == [
        ("first_name", "Prénom : valeur refusée (200 caractères au plus)."),
        ("commune", "Commune : valeur refusée (200 caractères au plus)."),
    ]
    assert LABELS.keys() == set(PERSON_FIELDS)


def test_an_intake_needs_the_follow_up_consent() -> None:
    assert consent_problems(["follow_up", "newsletter"]) == []
    missing = consent_problems(["newsletter"])
    assert [p.message for p in missing] == [FOLLOW_UP_CONSENT_MISSING]
    assert [p.field for p in consent_problems(["follow_up", "?"], ["??"])] == ["consents", "consents"]
