"""How likely two files are one person (gn_core.domain.likeness): the rule HQ's duplicate detection scores with."""

from __future__ import annotations

from typing import Any

from gn_core.domain.likeness import THRESHOLD, MatchKeys, likeness


def keys(first: str, last: str, birth: str | None = "1999-05-12", **contact: Any) -> MatchKeys:
    return MatchKeys.of({"first_name": first, "last_name": last, "birth_date": birth, **contact})


def test_the_same_person_typed_differently_is_proposed() -> None:
    base = keys("Marie", "Dupont")
    assert likeness(base, keys("DUPONT", "Marie")) is not None  # first and last name swapped
    assert likeness(base, keys("Marie", "Dupond")).reasons == ("name", "birth_date")  # type: ignore[union-attr]
    assert likeness(keys("Иван", "Петров"), keys("Ivan", "Petrov")).score == 100  # type: ignore[union-attr]
    assert likeness(keys("Fatou", "Diallo"), keys("Fatou Binta", "Diallo")) is not None  # a middle name added
    # no birth date on one side: the phone (in any form) confirms
    found = likeness(
        keys("Mohamed", "Ali", None, phone="06 12 34 56 78"), keys("Mohammed", "Ali", phone="+33612345678")
    )
    assert found is not None and "phone" in found.reasons and found.score >= THRESHOLD


def test_namesakes_siblings_and_strangers_are_not() -> None:
    base = keys("Marie", "Dupont", phone="+33612345678", email="famille.dupont@example.org")
    assert likeness(base, keys("Marie", "Dupont", "1987-01-30")) is None  # namesake born another day
    assert likeness(base, keys("Paul", "Dupont", phone="+33612345678", email="famille.dupont@example.org")) is None
    assert likeness(base, keys("Awa", "Diallo")) is None
    assert likeness(keys("", ""), keys("", "")) is None  # no name: nothing to compare
