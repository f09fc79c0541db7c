"""How likely two person files are the same person: the rule HQ's duplicate detection scores pairs with.

Names are compared folded and sorted (`normalize.name_key`: accents, case, script and first/last order do not
matter), with rapidfuzz for typos; the birth date, the phone and the e-mail confirm or contradict. Pure functions:
what is compared is `MatchKeys`, made from a person's fields wherever they are stored.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from rapidfuzz import fuzz

from gn_core.domain.identity import Identity

#: below this name similarity (0–100) two files are never proposed, whatever else they share (siblings share a
#: phone, twins a birth date)
NAME_FLOOR = 80
#: a pair scoring this much (0–100) is proposed for review
THRESHOLD = 80


@dataclass(frozen=True, slots=True)
class MatchKeys:
    """What a person is compared by: the folded sorted name, the ISO birth date, the phone's last nine digits, the
    e-mail case-folded (see `identity.Identity`)."""

    name: str
    birth_date: str | None
    phone: str | None
    email: str | None

    @classmethod
    def of(cls, values: Mapping[str, Any]) -> MatchKeys:
        ident = Identity.of(values)
        return cls(ident.name, ident.birth_date, ident.phone, ident.email)


@dataclass(frozen=True, slots=True)
class Likeness:
    """A pair worth a look: its score (0–100) and what agrees (`name`, `same_name`, `birth_date`, `phone`,
    `email`)."""

    score: int
    reasons: tuple[str, ...]


def name_similarity(a: str, b: str) -> float:
    """0–100: two sorted name keys alike despite typos ('dupont marie' / 'dupond marie'), or one holding the
    other's every word ('diallo fatou' / 'binta diallo fatou'), a little less sure."""
    return max(fuzz.ratio(a, b), 0.9 * fuzz.token_set_ratio(a, b))


def likeness(a: MatchKeys, b: MatchKeys, similarity: float | None = None) -> Likeness | None:
    """The pair's score when it is worth proposing, else None.

    Names weigh 70 % of the score; a birth date known on both sides and equal adds 30, different removes 40 (same
    name, different birth date: namesakes), unknown on one side adds 10; the same phone or e-mail adds 15 each.
    """
    if not a.name or not b.name:
        return None
    sim = name_similarity(a.name, b.name) if similarity is None else similarity
    if sim < NAME_FLOOR:
        return None
    reasons = ["same_name" if a.name == b.name else "name"]
    score = 0.7 * sim
    if a.birth_date and b.birth_date:
        if a.birth_date == b.birth_date:
            score += 30
            reasons.append("birth_date")
        else:
            score -= 40
    else:
        score += 10
    if a.phone and a.phone == b.phone:
        score += 15
        reasons.append("phone")
    if a.email and a.email == b.email:
        score += 15
        reasons.append("email")
    final = min(100, round(score))
    return Likeness(final, tuple(reasons)) if final >= THRESHOLD else None
