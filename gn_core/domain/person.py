"""A person's form, checked once: what an advisor, an import row or a kiosk visitor typed, as normalised values.

`clean_person(form, today)` validates every field of a `PersonForm` (required names, birth date and age, the
vocabularies, phone → E.164, e-mail, France Travail id, commune lookup) and then what the store and HQ accept whatever
the form (`gn_core.fields`: lengths, one line, no control character). It returns the Person column values, or raises
`InvalidInput` with one `FieldError` per bad field: French messages that name the field (`LABELS`) and the fix.
`check_person` and `person_problems` give the same without raising (inline messages), and `fields=` restricts them
all to the form fields a screen collects (the kiosk asks for a few). `consent_problems` is an intake's consent rule.
`form_values` goes the other way: a stored person as a form shows it, to correct it (checking it again gives the
stored values back).

Pure: no I/O, no clock (the caller passes `today`). Used by the intake and import services, the kiosk's
pre-registration and the intake wizard's inline messages.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import Enum, StrEnum
from functools import partial
from typing import Any

from gn_core import fields as value_rules
from gn_core.domain import enums as e
from gn_core.domain.errors import FieldError, InvalidInput
from gn_core.domain.normalize import tidy_name
from gn_core.domain.reference import COMMUNES_BY_INSEE, OTHER_COMMUNE, find_commune
from gn_core.domain.validation import (
    Collector,
    check_birth_date,
    check_choice,
    check_email,
    check_france_travail_id,
    check_phone,
    check_required,
    format_phone,
    parse_date,
)

#: the form's fields, in the order a form shows them
PERSON_FIELDS: tuple[str, ...] = (
    "first_name",
    "last_name",
    "birth_date",
    "gender",
    "phone",
    "email",
    "commune",
    "situation",
    "france_travail_id",
    "education_level",
    "benefits",
    "barriers",
    "job_families",
    "referral_source",
)

#: how messages name each field (French, as the intake form labels it)
LABELS: dict[str, str] = {
    "first_name": "Prénom",
    "last_name": "Nom",
    "birth_date": "Date de naissance",
    "gender": "Genre",
    "phone": "Téléphone",
    "email": "E-mail",
    "commune": "Commune",
    "situation": "Situation",
    "france_travail_id": "Identifiant France Travail",
    "education_level": "Niveau d'études",
    "benefits": "Allocation",
    "barriers": "Frein",
    "job_families": "Métier visé",
    "referral_source": "Orienté par",
}

#: the Person columns each form field fills (the commune: a code of the 93, or the name of another town)
COLUMNS: dict[str, tuple[str, ...]] = {name: (name,) for name in PERSON_FIELDS} | {
    "commune": ("commune_insee", "commune_other")
}
_FIELD_OF_COLUMN = {column: name for name, columns in COLUMNS.items() for column in columns}

#: the vocabulary of each single-choice and multiple-choice field
CHOICES: dict[str, type[StrEnum]] = {
    "gender": e.Gender,
    "situation": e.Situation,
    "education_level": e.EducationLevel,
    "referral_source": e.ReferralSource,
}
MULTIPLE_CHOICES: dict[str, type[StrEnum]] = {
    "benefits": e.Benefit,
    "barriers": e.BarrierTheme,
    "job_families": e.JobFamily,
}

#: the intake's consent rule: the follow-up consent (or its legal basis) comes first
FOLLOW_UP_CONSENT_MISSING = (
    "Consentements : indiquez l'accord (ou la base légale) pour le suivi du parcours avant d'enregistrer."
)


@dataclass(slots=True)
class PersonForm:
    """What an intake form, an import row or the kiosk provides, as typed (strings, lists of vocabulary values)."""

    first_name: str = ""
    last_name: str = ""
    birth_date: str | date | None = None
    gender: str | None = None
    phone: str | None = None
    email: str | None = None
    commune: str | None = None  # INSEE code, postcode or name of a commune of the 93; anything else is kept as text
    situation: str | None = None
    france_travail_id: str | None = None
    education_level: str | None = None
    benefits: list[str] = field(default_factory=list)
    barriers: list[str] = field(default_factory=list)
    job_families: list[str] = field(default_factory=list)
    referral_source: str | None = None


def clean_person(form: PersonForm, today: date, fields: Iterable[str] | None = None) -> dict[str, Any]:
    """Validate and normalise `form` into Person column values; raises InvalidInput listing every problem.

    `fields`: check only these form fields (the values returned are theirs: `COLUMNS`); all of them by default.
    """
    values, errors = check_person(form, today, fields)
    if errors:
        raise InvalidInput(errors)
    return values


def person_problems(form: PersonForm, today: date, fields: Iterable[str] | None = None) -> list[FieldError]:
    """What `clean_person` would refuse, without raising: one FieldError per bad field (none when all is well)."""
    return check_person(form, today, fields)[1]


def check_person(
    form: PersonForm, today: date, fields: Iterable[str] | None = None
) -> tuple[dict[str, Any], list[FieldError]]:
    """`clean_person` without raising: the normalised values (a refused field's are empty) and the problems."""
    wanted = PERSON_FIELDS if fields is None else tuple(fields)
    unknown = set(wanted) - set(PERSON_FIELDS)
    if unknown:
        raise ValueError(f"not fields of a person's form: {sorted(unknown)}")
    errors: list[FieldError] = []
    values: dict[str, Any] = {}
    for name in PERSON_FIELDS:
        if name not in wanted:
            continue
        try:
            values.update(_CLEANERS[name](form, today))
        except InvalidInput as exc:
            errors.extend(exc.errors)
            values.update({column: _EMPTY.get(column) for column in COLUMNS[name]})
    # What the store (and HQ) accept whatever the form: lengths, one line, no control characters (gn_core.fields)
    for problem in value_rules.problems("person", {k: _wired(v) for k, v in values.items()}):
        name = _FIELD_OF_COLUMN.get(problem.field, problem.field)
        if not any(err.field == name for err in errors):
            errors.append(FieldError(name, _named(name, problem.message)))
    return values, errors


def form_values(columns: Mapping[str, Any]) -> dict[str, Any]:
    """A stored person (Person column values) as a form shows it, field by field (`PERSON_FIELDS`): texts, dates as
    dd/mm/yyyy, the phone as people read it, the commune by its name, vocabulary values, sorted lists. Checking these
    values again (`clean_person`) gives the stored values back."""
    out: dict[str, Any] = {}
    for name in PERSON_FIELDS:
        if name == "commune":
            insee, other = columns.get("commune_insee"), columns.get("commune_other")
            known = COMMUNES_BY_INSEE.get(insee) if insee else None
            out[name] = known.name if known is not None else (insee or other or "")
        elif name == "birth_date":
            born = columns.get(name)
            out[name] = born.strftime("%d/%m/%Y") if isinstance(born, date) else (born or "")
        elif name == "phone":
            out[name] = format_phone(columns.get(name))
        elif name in MULTIPLE_CHOICES:
            out[name] = sorted(_plain(v) for v in columns.get(name) or [])
        else:
            out[name] = _plain(columns.get(name)) or ""
    return out


def _plain(value: Any) -> Any:
    return value.value if isinstance(value, Enum) else value


def consent_problems(purposes: Collection[str], legal_bases: Iterable[str] = ()) -> list[FieldError]:
    """The consents of an intake: the follow-up one is needed, and every purpose and legal basis must be known."""
    c = Collector()
    if e.ConsentPurpose.FOLLOW_UP.value not in purposes:
        c.add("consents", FOLLOW_UP_CONSENT_MISSING)
    for purpose in purposes:
        c.check(partial(check_choice, purpose, e.ConsentPurpose, "consents", "Consentement"), None)
    for basis in legal_bases:
        c.check(partial(check_choice, basis, e.LegalBasis, "consents", "Base légale"), None)
    return c.errors


# -- the checks, field by field ----------------------------------------------------------------------------------

Cleaner = Callable[[PersonForm, date], dict[str, Any]]


def _name(name: str) -> Cleaner:
    return lambda form, _today: {name: tidy_name(check_required(getattr(form, name), name, LABELS[name]))}


def _birth_date(form: PersonForm, today: date) -> dict[str, Any]:
    return {"birth_date": check_birth_date(parse_date(form.birth_date, "birth_date", LABELS["birth_date"]), today)}


def _commune(form: PersonForm, _today: date) -> dict[str, Any]:
    text = (form.commune or "").strip()
    if not text or text == OTHER_COMMUNE:
        return {"commune_insee": None, "commune_other": None}
    found = find_commune(text)
    if found:
        return {"commune_insee": found.insee, "commune_other": None}
    return {"commune_insee": None, "commune_other": " ".join(text.split())}


def _choice(name: str, vocab: type[StrEnum]) -> Cleaner:
    return lambda form, _today: {name: check_choice(getattr(form, name), vocab, name, LABELS[name])}


def _choices(name: str, vocab: type[StrEnum]) -> Cleaner:
    def clean(form: PersonForm, _today: date) -> dict[str, Any]:
        c = Collector()
        checked = [c.check(partial(check_choice, v, vocab, name, LABELS[name]), None) for v in getattr(form, name)]
        c.raise_if_any()
        return {name: sorted({v for v in checked if v})}

    return clean


def _single(name: str, check: Callable[[str | None], str | None]) -> Cleaner:
    return lambda form, _today: {name: check(getattr(form, name))}


_CLEANERS: dict[str, Cleaner] = {
    "first_name": _name("first_name"),
    "last_name": _name("last_name"),
    "birth_date": _birth_date,
    "phone": _single("phone", check_phone),
    "email": _single("email", check_email),
    "commune": _commune,
    "france_travail_id": _single("france_travail_id", check_france_travail_id),
    **{name: _choice(name, vocab) for name, vocab in CHOICES.items()},
    **{name: _choices(name, vocab) for name, vocab in MULTIPLE_CHOICES.items()},
}
assert set(_CLEANERS) == set(PERSON_FIELDS)
#: what a refused field stores when the form is checked anyway (so every field is listed at once)
_EMPTY: dict[str, Any] = {"first_name": "", "last_name": "", **{name: [] for name in MULTIPLE_CHOICES}}


def _named(name: str, message: str) -> str:
    """A storage refusal ("Commune_other : valeur refusée (…)") named as the form names the field."""
    _, sep, why = message.partition(" : ")
    return f"{LABELS[name]} : {why}" if sep and name in LABELS else message


def _wired(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value
