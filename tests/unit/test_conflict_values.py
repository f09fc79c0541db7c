"""A value typed in the conflicts inbox passes the same checks as the forms before it is sent to every campus."""

from __future__ import annotations

from datetime import date

import pytest

from gn_core.domain.errors import InvalidInput, KnownError
from gn_desktop.services.conflicts import checked_value

TODAY = date(2026, 11, 28)


def test_a_typed_phone_is_stored_like_the_form_stores_it() -> None:
    assert checked_value("person", "phone", "06 39 98 12 34", TODAY) == "+33639981234"


def test_a_malformed_phone_is_refused_with_the_field_named() -> None:
    with pytest.raises(InvalidInput) as caught:
        checked_value("person", "phone", "06 12", TODAY)
    assert caught.value.errors[0].field == "phone"


def test_a_typed_french_date_becomes_the_stored_date() -> None:
    assert checked_value("person", "birth_date", "15/03/1990", TODAY) == "1990-03-15"


@pytest.mark.parametrize("typed", ["31/02/1990", "01/01/2030"])
def test_an_impossible_or_future_birth_date_is_refused(typed: str) -> None:
    with pytest.raises(InvalidInput):
        checked_value("person", "birth_date", typed, TODAY)


def test_an_empty_name_is_refused() -> None:
    with pytest.raises(InvalidInput):
        checked_value("person", "last_name", None, TODAY)


def test_a_code_outside_the_vocabulary_is_refused() -> None:
    with pytest.raises(KnownError, match="n'est pas une valeur possible"):
        checked_value("person", "pathway_step", "vacances", TODAY)
    assert checked_value("person", "pathway_step", "orientation", TODAY) == "orientation"


def test_free_text_is_kept_as_typed() -> None:
    assert checked_value("person", "commune_other", "Lille", TODAY) == "Lille"
