"""Validation answers in French, names the field and the fix, and normalises what it accepts."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gn_core.domain.errors import InvalidInput
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
