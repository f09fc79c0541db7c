"""Field validation with French messages that name the field and the fix.

Each `check_*` function returns the normalised value or raises `InvalidInput` with one `FieldError`.
`Collector` gathers the errors of a whole form so the user sees them all at once.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime
from typing import TypeVar

import phonenumbers
from email_validator import EmailNotValidError, validate_email
from stdnum.fr import siret as stdnum_siret

from gn_core.domain.errors import FieldError, InvalidInput

T = TypeVar("T")

MIN_AGE = 15
MAX_AGE = 100


def _fail(field: str, message: str) -> InvalidInput:
    return InvalidInput([FieldError(field, message)])


def parse_date(text: str | date | None, field: str, label: str) -> date | None:
    """A date typed as dd/mm/yyyy (also d/m/yyyy, dd-mm-yyyy, dd.mm.yyyy) or ISO yyyy-mm-dd; empty is None."""
    if text is None or isinstance(text, date):
        return text
    raw = text.strip()
    if not raw:
        return None
    for fmt in ("%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(raw, fmt).date()
        except ValueError:
            continue
    raise _fail(field, f"{label} : « {raw} » n'est pas une date valide. Saisissez-la au format jj/mm/aaaa.")


def check_birth_date(value: date | None, today: date, field: str = "birth_date") -> date | None:
    if value is None:
        return None
    if value > today:
        raise _fail(field, "Date de naissance : elle est dans le futur. Vérifiez l'année saisie.")
    age = age_on(value, today)
    if age < MIN_AGE:
        raise _fail(
            field,
            f"Date de naissance : la personne a {age} ans ; l'accompagnement commence à {MIN_AGE} ans. "
            "Vérifiez l'année saisie.",
        )
    if age > MAX_AGE:
        raise _fail(field, f"Date de naissance : la personne aurait {age} ans. Vérifiez l'année saisie.")
    return value


def age_on(birth: date, today: date) -> int:
    return today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))


def check_phone(raw: str | None, field: str = "phone") -> str | None:
    """A phone number in E.164 (+33612345678); French numbers may be typed nationally (06 12 34 56 78)."""
    if raw is None or not raw.strip():
        return None
    try:
        parsed = phonenumbers.parse(raw, "FR")
    except phonenumbers.NumberParseException:
        parsed = None
    if parsed is None or not (phonenumbers.is_valid_number(parsed) or _is_fiction_mobile(parsed)):
        raise _fail(
            field,
            f"Téléphone : « {raw.strip()} » n'est pas un numéro valide. "
            "Saisissez 10 chiffres (06 12 34 56 78) ou le numéro international (+33 6 12 34 56 78).",
        )
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


def _is_fiction_mobile(parsed: phonenumbers.PhoneNumber) -> bool:
    """06 39 98 00 00 to 06 39 98 99 99: the mobile block ARCEP reserves for fiction. libphonenumber calls it
    unassigned (so invalid), but demo data and training use it precisely so that no real person is ever called."""
    national = str(parsed.national_number)
    return parsed.country_code == 33 and len(national) == 9 and national.startswith("63998")


def format_phone(e164: str | None) -> str:
    """A stored E.164 number shown as people read it: French numbers nationally, others internationally."""
    if not e164:
        return ""
    try:
        parsed = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return e164
    fmt = (
        phonenumbers.PhoneNumberFormat.NATIONAL
        if parsed.country_code == 33
        else phonenumbers.PhoneNumberFormat.INTERNATIONAL
    )
    return phonenumbers.format_number(parsed, fmt)


def check_email(raw: str | None, field: str = "email") -> str | None:
    if raw is None or not raw.strip():
        return None
    try:
        result = validate_email(raw.strip(), check_deliverability=False)
    except EmailNotValidError:
        raise _fail(
            field,
            f"E-mail : « {raw.strip()} » n'est pas une adresse valide. Vérifiez la forme nom@domaine.fr.",
        ) from None
    # Stored lower-case: mailboxes are case-insensitive in practice, and duplicates must match.
    return result.normalized.lower()


_FT_ID = re.compile(r"^\d{7}[0-9A-Z](\d{3})?$")


def check_france_travail_id(raw: str | None, field: str = "france_travail_id") -> str | None:
    """France Travail (ex-Pôle emploi) identifier: 7 digits and a digit or letter, optionally 3 more digits."""
    if raw is None or not raw.strip():
        return None
    compact = re.sub(r"[\s.\-]", "", raw).upper()
    if not _FT_ID.match(compact):
        raise _fail(
            field,
            f"Identifiant France Travail : « {raw.strip()} » est mal formé. Il compte 7 chiffres suivis d'un "
            "chiffre ou d'une lettre (ex. 1234567A), parfois de 3 chiffres de plus.",
        )
    return compact


def check_siret(raw: str | None, field: str = "siret") -> str | None:
    if raw is None or not raw.strip():
        return None
    compact = re.sub(r"\s", "", raw)
    if not stdnum_siret.is_valid(compact):
        raise _fail(
            field,
            f"SIRET : « {raw.strip()} » n'est pas valide. Il compte 14 chiffres ; vérifiez-le sur l'avis de "
            "situation Insee.",
        )
    return stdnum_siret.compact(compact)


def check_required(value: str | None, field: str, label: str) -> str:
    if value is None or not value.strip():
        raise _fail(field, f"{label} : ce champ est obligatoire.")
    return value.strip()


def check_period(start: date | None, end: date | None, field: str, label: str) -> None:
    if start is not None and end is not None and end < start:
        raise _fail(field, f"{label} : la date de fin est avant la date de début. Corrigez l'une des deux.")


def check_choice(value: str | None, allowed: type, field: str, label: str) -> str | None:
    """A value of a StrEnum vocabulary, or None."""
    if value is None or value == "":
        return None
    try:
        return str(allowed(value))
    except ValueError:
        raise _fail(field, f"{label} : « {value} » n'est pas une valeur reconnue.") from None


class Collector:
    """Runs checks and collects every FieldError, so a form reports all its problems at once."""

    def __init__(self) -> None:
        self.errors: list[FieldError] = []

    def check(self, fn: Callable[[], T], default: T) -> T:
        try:
            return fn()
        except InvalidInput as exc:
            self.errors.extend(exc.errors)
            return default

    def add(self, field: str, message: str) -> None:
        self.errors.append(FieldError(field, message))

    def raise_if_any(self) -> None:
        if self.errors:
            raise InvalidInput(self.errors)
