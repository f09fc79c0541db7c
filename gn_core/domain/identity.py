"""Whether something typed apart from a person's file describes that person: used by erasure, on campus PCs and at
HQ, to find a kiosk pre-registration or an intake draft that was never linked to the file but holds the same person's
name, phone or e-mail (an erasure must leave none of them)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from gn_core.domain.normalize import digits, name_key

_DMY = re.compile(r"^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$")
#: the digits that identify a French phone number whatever its form (06…, +336…, 0033 6…)
_SUBSCRIBER_DIGITS = 9


@dataclass(frozen=True, slots=True)
class Identity:
    """What identifies a person in free-standing records, normalised for comparison."""

    name: str
    birth_date: str | None
    phone: str | None
    email: str | None

    @classmethod
    def of(cls, values: Mapping[str, Any]) -> Identity:
        """From a record's fields or a form's values (`first_name`, `last_name`, `birth_date`, `phone`, `email`),
        stored or as typed."""
        return cls(
            name=name_key(str(values.get("first_name") or ""), str(values.get("last_name") or "")),
            birth_date=_iso_date(values.get("birth_date")),
            phone=_phone(values.get("phone")),
            email=_email(values.get("email")),
        )

    def describes(self, other: Identity) -> bool:
        """Same phone, same e-mail, or the same name (in either order, accents and case aside) with a birth date that
        agrees or is missing on one side."""
        if self.phone and self.phone == other.phone:
            return True
        if self.email and self.email == other.email:
            return True
        if not self.name or self.name != other.name:
            return False
        return self.birth_date is None or other.birth_date is None or self.birth_date == other.birth_date


def _iso_date(value: Any) -> str | None:
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if not isinstance(value, str) or not value.strip():
        return None
    match = _DMY.match(value)
    if match:
        day, month, year = (int(g) for g in match.groups())
        return f"{year:04d}-{month:02d}-{day:02d}"
    return value.strip()[:10]


def _phone(value: Any) -> str | None:
    number = digits(value) if isinstance(value, str) else ""
    return number[-_SUBSCRIBER_DIGITS:] if len(number) >= _SUBSCRIBER_DIGITS else None


def _email(value: Any) -> str | None:
    return value.strip().casefold() if isinstance(value, str) and "@" in value else None
