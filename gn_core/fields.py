"""What each synced record's fields may hold, and the one check of a value both ends run.

A campus PC checks every value it captures against these rules before it writes it (so it never queues a change HQ
would refuse), HQ checks every value a device pushes before it merges anything (so a value no campus can store never
reaches a feed), and a campus checks every value it pulls (so one record it cannot store is set aside instead of
stopping its sync). Values are the JSON forms the protocol carries: ISO dates, vocabulary values, sorted lists.

`ENTITY_FIELDS` lists the data fields of every synced entity (the campus store's columns, bookkeeping and derived
columns aside); a test keeps it equal to the campus store's models. Messages are French, name the field and never
repeat the value (it may be personal data and refusals are logged).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from gn_core.domain import enums as e

#: record and reference ids: UUIDs in practice; letters, digits and `_.:-`, 1 to 64 characters
ID_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}")
#: control characters (C0 and C1, DEL), lone surrogates (not text: UTF-8 cannot encode them) and non-characters
_BAD_IN_LINE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
#: the same, but a multi-line text may hold tabs and line breaks
_BAD_IN_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_DATE_RE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
#: dates and times outside these years are typing mistakes (or attacks), never real records
MIN_YEAR, MAX_YEAR = 1900, 2100
#: the longest multi-line text (a note, a description)
MAX_TEXT = 20_000
#: the most items in a list of codes
MAX_LIST = 50
#: integers (capacities, durations)
MAX_INT = 1_000_000


class Kind(StrEnum):
    LINE = "line"  # one line of text
    TEXT = "text"  # several lines of text
    ID = "id"  # the id of another record
    DATE = "date"  # yyyy-mm-dd
    DATETIME = "datetime"  # ISO 8601 with its offset
    INT = "int"
    BOOL = "bool"
    CHOICE = "choice"  # one value of a vocabulary
    CHOICES = "choices"  # a list of values of a vocabulary


@dataclass(frozen=True, slots=True)
class FieldSpec:
    """What one field holds. `required`: never null (the campus column is NOT NULL)."""

    kind: Kind
    required: bool = False
    max_length: int | None = None
    vocabulary: type[StrEnum] | None = None
    #: a stricter shape for some text fields (a commune code, a phone number in E.164), as a full match
    pattern: str | None = None
    #: a required field added after the first release: a whole record may leave it out (an older PC's insert, an
    #: older reference file), and the campus column's default applies; a value given is still checked
    may_be_absent: bool = False


@dataclass(frozen=True, slots=True)
class FieldProblem:
    """Why a value is refused: `code` is stable (`unknown_field`, `required`, `invalid_value`), `message` French."""

    field: str
    code: str
    message: str


def _line(n: int, *, required: bool = False, pattern: str | None = None) -> FieldSpec:
    return FieldSpec(Kind.LINE, required=required, max_length=n, pattern=pattern)


def _text(*, required: bool = False) -> FieldSpec:
    return FieldSpec(Kind.TEXT, required=required, max_length=MAX_TEXT)


def _id(*, required: bool = False) -> FieldSpec:
    return FieldSpec(Kind.ID, required=required)


def _date(*, required: bool = False) -> FieldSpec:
    return FieldSpec(Kind.DATE, required=required)


def _datetime(*, required: bool = False) -> FieldSpec:
    return FieldSpec(Kind.DATETIME, required=required)


def _int(*, required: bool = False) -> FieldSpec:
    return FieldSpec(Kind.INT, required=required)


def _bool(*, may_be_absent: bool = False) -> FieldSpec:
    return FieldSpec(Kind.BOOL, required=True, may_be_absent=may_be_absent)


def _added_flag() -> FieldSpec:
    """A flag added later, False when absent (e.g. `archived`)."""
    return _bool(may_be_absent=True)


def _choice(vocabulary: type[StrEnum], *, required: bool = False) -> FieldSpec:
    return FieldSpec(Kind.CHOICE, required=required, vocabulary=vocabulary)


def _choices(vocabulary: type[StrEnum], *, may_be_absent: bool = False) -> FieldSpec:
    return FieldSpec(Kind.CHOICES, required=True, vocabulary=vocabulary, may_be_absent=may_be_absent)


#: INSEE commune codes (Corsica's have a letter)
COMMUNE_PATTERN = r"[0-9][0-9AB][0-9]{3}"
#: phone numbers as stored: E.164
PHONE_PATTERN = r"\+[1-9][0-9]{6,14}"
#: France Travail identifiers as stored: 7 digits, a digit or letter, and optionally 3 more digits
FRANCE_TRAVAIL_PATTERN = r"[0-9]{7}[0-9A-Z]([0-9]{3})?"
SIRET_PATTERN = r"[0-9]{14}"

ENTITY_FIELDS: Mapping[str, Mapping[str, FieldSpec]] = {
    # --- reference data ---
    "campus": {
        "code": _line(8, required=True, pattern=r"[A-Z0-9]{1,8}"),
        "name": _line(200, required=True),
        "commune_insee": _line(5, required=True, pattern=COMMUNE_PATTERN),
        "is_hq": _bool(),
    },
    "app_user": {
        "username": _line(64, required=True),
        "display_name": _line(200, required=True),
        "role": _choice(e.UserRole, required=True),
        "campus_id": _id(),
        "password_hash": _line(200, required=True),
        "active": _bool(),
    },
    "partner": {
        "name": _line(200, required=True),
        "kind": _choice(e.PartnerKind, required=True),
        "commune_insee": _line(5, pattern=COMMUNE_PATTERN),
        "website": _line(200),
        "email": _line(200),
        "phone": _line(20, pattern=PHONE_PATTERN),
        "job_families": _choices(e.JobFamily),
        "committed_to_hire": _bool(),
        "contact_name": _line(200),
        "contact_email": _line(200),
        "contact_phone": _line(20, pattern=PHONE_PATTERN),
        "campus_id": _id(),
        "archived": _added_flag(),
    },
    "programme": {
        "partner_id": _id(required=True),
        "title": _line(200, required=True),
        "job_family": _choice(e.JobFamily, required=True),
        "duration_weeks": _int(required=True),
        "prerequisites": _text(required=True),
        "min_education_level": _choice(e.EducationLevel),
        "certification": _line(200, required=True),
        "description": _text(required=True),
        "funding": _choices(e.FundingSource, may_be_absent=True),
        "campus_id": _id(),
        "archived": _added_flag(),
    },
    "programme_session": {
        "programme_id": _id(required=True),
        "campus_id": _id(),
        "starts_on": _date(required=True),
        "ends_on": _date(required=True),
        "capacity": _int(required=True),
        "place": _line(200),
        "archived": _added_flag(),
    },
    "job_offer": {
        "partner_id": _id(required=True),
        "title": _line(200, required=True),
        "job_family": _choice(e.JobFamily, required=True),
        "contract_type": _choice(e.ContractType, required=True),
        "commune_insee": _line(5, pattern=COMMUNE_PATTERN),
        "posted_on": _date(required=True),
        "closes_on": _date(),
        "description": _text(required=True),
        "is_open": _bool(),
        "campus_id": _id(),
        "archived": _added_flag(),
    },
    "event": {
        "title": _line(200, required=True),
        "kind": _choice(e.EventKind, required=True),
        "campus_id": _id(),
        "starts_at": _datetime(required=True),
        "ends_at": _datetime(required=True),
        "capacity": _int(),
        "audience": _line(200, required=True),
        "description": _text(required=True),
        "audiences": _choices(e.Audience, may_be_absent=True),
        "archived": _added_flag(),
    },
    # --- people and their records ---
    "person": {
        "first_name": _line(200, required=True),
        "last_name": _line(200, required=True),
        "gender": _choice(e.Gender),
        "birth_date": _date(),
        "phone": _line(20, pattern=PHONE_PATTERN),
        "email": _line(254),
        "commune_insee": _line(5, pattern=COMMUNE_PATTERN),
        "commune_other": _line(200),
        "situation": _choice(e.Situation),
        "france_travail_id": _line(11, pattern=FRANCE_TRAVAIL_PATTERN),
        "education_level": _choice(e.EducationLevel),
        "benefits": _choices(e.Benefit),
        "barriers": _choices(e.BarrierTheme),
        "job_families": _choices(e.JobFamily),
        "referral_source": _choice(e.ReferralSource),
        "campus_id": _id(required=True),
        "advisor_id": _id(),
        "enrolled_on": _date(required=True),
        "pathway_step": _choice(e.PathwayStep, required=True),
        "pathway_since": _date(required=True),
        "last_contact_on": _date(),
        "follow_up_snoozed_until": _date(),
        "anonymised_on": _date(),
        "merged_into": _id(),
    },
    "rqth_decision": {
        "person_id": _id(required=True),
        "decided_on": _date(required=True),
        "valid_from": _date(required=True),
        "valid_until": _date(),
    },
    "consent": {
        "person_id": _id(required=True),
        "purpose": _choice(e.ConsentPurpose, required=True),
        "legal_basis": _choice(e.LegalBasis, required=True),
        "text_version": _line(64, required=True),
        "given_on": _date(required=True),
        "withdrawn_on": _date(),
    },
    "pathway_event": {
        "person_id": _id(required=True),
        "from_step": _choice(e.PathwayStep),
        "to_step": _choice(e.PathwayStep, required=True),
        "occurred_on": _date(required=True),
        "author_id": _id(),
        "programme_session_id": _id(),
        "contract_type": _choice(e.ContractType),
        "employer_name": _line(200),
        "employer_partner_id": _id(),
        "contract_start": _date(),
        "siret": _line(14, pattern=SIRET_PATTERN),
        "business_created_on": _date(),
        "exit_reason": _choice(e.ExitReason),
        "comment": _text(required=True),
    },
    "note": {
        "person_id": _id(required=True),
        "author_id": _id(),
        "body": _text(required=True),
        "restricted": _bool(),
    },
    "appointment": {
        "person_id": _id(required=True),
        "campus_id": _id(required=True),
        "advisor_id": _id(),
        "starts_at": _datetime(required=True),
        "duration_min": _int(required=True),
        "subject": _line(200, required=True),
        "status": _choice(e.AppointmentStatus, required=True),
        "code": _line(8),
    },
    "referral": {
        "person_id": _id(required=True),
        "programme_session_id": _id(),
        "job_offer_id": _id(),
        "partner_id": _id(),
        "status": _choice(e.ReferralStatus, required=True),
        "referred_on": _date(required=True),
        "decided_on": _date(),
        "comment": _text(required=True),
    },
    "event_registration": {
        "event_id": _id(required=True),
        "person_id": _id(required=True),
        "status": _choice(e.AttendanceStatus, required=True),
    },
    # --- the front desk of a campus ---
    "pre_registration": {
        "campus_id": _id(required=True),
        "first_name": _line(200, required=True),
        "last_name": _line(200, required=True),
        "birth_date": _date(),
        "phone": _line(20, pattern=PHONE_PATTERN),
        "email": _line(254),
        "commune_insee": _line(5, pattern=COMMUNE_PATTERN),
        "commune_other": _line(200),
        "job_families": _choices(e.JobFamily),
        "message": _text(required=True),
        "consent_text_version": _line(64, required=True),
        "language": _line(8, required=True, pattern=r"[a-z]{2}"),
        "status": _choice(e.PreRegistrationStatus, required=True),
        "person_id": _id(),
        "event_id": _id(),
    },
    "visit": {
        "campus_id": _id(required=True),
        "ticket": _line(8, required=True, pattern=r"[A-Z0-9-]{1,8}"),
        "purpose": _choice(e.VisitPurpose, required=True),
        "arrived_at": _datetime(required=True),
        "status": _choice(e.VisitStatus, required=True),
        "person_id": _id(),
        "appointment_id": _id(),
        "pre_registration_id": _id(),
        "advisor_id": _id(),
    },
    "startup": {
        "name": _line(200, required=True),
        "person_id": _id(),
        "stage": _choice(e.StartupStage, required=True),
        "zfu_zone": _line(100),
        "mentor_name": _line(200),
        "siret": _line(14, pattern=SIRET_PATTERN),
        "created_on": _date(),
        "job_family": _choice(e.JobFamily),
        "address": _line(200),
        "commune_insee": _line(5, pattern=COMMUNE_PATTERN),
        "sector": _line(100),
    },
    "startup_founder": {
        "startup_id": _id(required=True),
        "person_id": _id(required=True),
    },
    "startup_action": {
        "startup_id": _id(required=True),
        "person_id": _id(required=True),
        "done_on": _date(required=True),
        "title": _line(200, required=True),
        "note": _text(required=True),
    },
    # --- HQ's settings every campus receives (gn_core.retention.SETTING_ID…) ---
    "hq_setting": {"value": _line(200, required=True)},
    # --- the audit trail of sensitive reads: added by campus PCs, read at HQ only ---
    "audit_event": {
        "at": _datetime(required=True),
        "account_id": _id(),
        "device_id": _id(required=True),
        "campus_id": _id(required=True),
        "action": _choice(e.AuditAction, required=True),
        "person_id": _id(),
        "detail": _line(200),
    },
}

#: French names of fields, for messages (the field's code is shown when it has none here)
FIELD_LABELS: Mapping[str, str] = {
    "code": "code",
    "name": "nom",
    "commune_insee": "commune (code INSEE)",
    "username": "identifiant",
    "display_name": "nom affiché",
    "role": "rôle",
    "campus_id": "campus",
    "password_hash": "mot de passe",
    "active": "actif",
    "kind": "type",
    "website": "site web",
    "email": "e-mail",
    "phone": "téléphone",
    "job_families": "métiers visés",
    "title": "intitulé",
    "first_name": "prénom",
    "last_name": "nom",
    "gender": "genre",
    "birth_date": "date de naissance",
    "situation": "situation",
    "france_travail_id": "identifiant France Travail",
    "education_level": "niveau de formation",
    "benefits": "allocations",
    "barriers": "freins",
    "referral_source": "orienté par",
    "advisor_id": "conseiller",
    "enrolled_on": "date d'inscription",
    "pathway_step": "étape du parcours",
    "pathway_since": "date de l'étape",
    "last_contact_on": "dernier contact",
    "follow_up_snoozed_until": "suivi reporté au",
    "anonymised_on": "anonymisé le",
    "merged_into": "fusionné dans",
    "at": "date et heure",
    "account_id": "compte",
    "device_id": "poste",
    "action": "action",
    "detail": "détail",
    "value": "valeur",
    "person_id": "personne",
    "starts_at": "début",
    "ends_at": "fin",
    "starts_on": "début",
    "ends_on": "fin",
    "status": "statut",
    "comment": "commentaire",
    "body": "texte de la note",
    "siret": "SIRET",
}


def label(field: str) -> str:
    return FIELD_LABELS.get(field, field)


# --- checking -----------------------------------------------------------------------------------------------------

Check = Callable[[Any], str | None]  # None when the (non-null) value is good, else what is wrong, in French


def _check_line(spec: FieldSpec, bad: re.Pattern[str]) -> Check:
    limit = spec.max_length or MAX_TEXT
    shape = re.compile(spec.pattern) if spec.pattern else None
    multi = spec.kind is Kind.TEXT

    def check(v: Any) -> str | None:
        if type(v) is not str:
            return "du texte est attendu"
        if len(v) > limit:
            return f"{limit} caractères au plus"
        if bad.search(v):
            return "caractères de contrôle interdits" if multi else "une seule ligne, sans caractère de contrôle"
        if shape is not None and not shape.fullmatch(v):
            return "format non reconnu"
        return None

    return check


def _check_id(v: Any) -> str | None:
    if type(v) is not str or not ID_RE.fullmatch(v):
        return "identifiant invalide"
    return None


def _year_ok(year: int) -> bool:
    return MIN_YEAR <= year <= MAX_YEAR


def _check_date(v: Any) -> str | None:
    if type(v) is not str or not _DATE_RE.fullmatch(v):
        return "date attendue au format aaaa-mm-jj"
    try:
        parsed = date.fromisoformat(v)
    except ValueError:
        return "date inexistante"
    return None if _year_ok(parsed.year) else f"année entre {MIN_YEAR} et {MAX_YEAR} attendue"


def _check_datetime(v: Any) -> str | None:
    if type(v) is not str or len(v) > 40 or not v[:10].isascii():
        return "date et heure attendues (ISO 8601 avec fuseau)"
    try:
        parsed = datetime.fromisoformat(v)
    except ValueError:
        return "date et heure attendues (ISO 8601 avec fuseau)"
    if parsed.tzinfo is None:
        return "le fuseau horaire manque"
    return None if _year_ok(parsed.year) else f"année entre {MIN_YEAR} et {MAX_YEAR} attendue"


def _check_int(v: Any) -> str | None:
    if type(v) is not int:
        return "un nombre entier est attendu"
    return None if 0 <= v <= MAX_INT else f"un nombre entre 0 et {MAX_INT} est attendu"


def _check_bool(v: Any) -> str | None:
    return None if type(v) is bool else "oui ou non (true/false) est attendu"


def _check_choice(vocabulary: type[StrEnum]) -> Check:
    values = frozenset(member.value for member in vocabulary)

    def check(v: Any) -> str | None:
        return None if type(v) is str and v in values else "valeur inconnue de la liste"

    return check


def _check_choices(vocabulary: type[StrEnum]) -> Check:
    values = frozenset(member.value for member in vocabulary)

    def check(v: Any) -> str | None:
        if type(v) is not list:
            return "une liste de valeurs est attendue"
        if len(v) > MAX_LIST:
            return f"{MAX_LIST} valeurs au plus"
        if not all(type(x) is str and x in values for x in v):
            return "valeur inconnue de la liste"
        return None

    return check


def _checker(spec: FieldSpec) -> Check:
    if spec.kind is Kind.LINE:
        return _check_line(spec, _BAD_IN_LINE)
    if spec.kind is Kind.TEXT:
        return _check_line(spec, _BAD_IN_TEXT)
    if spec.kind is Kind.ID:
        return _check_id
    if spec.kind is Kind.DATE:
        return _check_date
    if spec.kind is Kind.DATETIME:
        return _check_datetime
    if spec.kind is Kind.INT:
        return _check_int
    if spec.kind is Kind.BOOL:
        return _check_bool
    assert spec.vocabulary is not None, spec
    if spec.kind is Kind.CHOICE:
        return _check_choice(spec.vocabulary)
    return _check_choices(spec.vocabulary)


#: (entity, field) -> (required, check), built once
_CHECKS: dict[str, dict[str, tuple[bool, Check]]] = {
    entity: {name: (spec.required, _checker(spec)) for name, spec in fields.items()}
    for entity, fields in ENTITY_FIELDS.items()
}
#: entity -> the required fields a whole record must carry
_MUST_CARRY: dict[str, tuple[str, ...]] = {
    entity: tuple(name for name, spec in fields.items() if spec.required and not spec.may_be_absent)
    for entity, fields in ENTITY_FIELDS.items()
}


def checks_of(entity: str) -> Mapping[str, tuple[bool, Check]]:
    """Each field of `entity` (empty for an unknown entity): whether it is required, and its check (None when a
    non-None value may be stored, else why not). For a caller checking many values, such as HQ's push; `problem`
    says the same with a message."""
    return _CHECKS.get(entity, {})


def carries_required(entity: str, names: Collection[str]) -> bool:
    """Whether a whole new record with these fields carries every field it must."""
    return all(name in names for name in _MUST_CARRY.get(entity, ()))


def problem(entity: str, field: str, value: Any) -> FieldProblem | None:
    """What is wrong with `value` as the new value of `entity.field`, or None if it may be stored."""
    checks = _CHECKS.get(entity)
    found = checks.get(field) if checks is not None else None
    if found is None:
        return FieldProblem(field, "unknown_field", f"Champ inconnu « {field[:64]} » pour ce type d'enregistrement.")
    required, check = found
    if value is None:
        if required:
            return FieldProblem(field, "required", f"{label(field).capitalize()} : ce champ est obligatoire.")
        return None
    why = check(value)
    if why is None:
        return None
    return FieldProblem(field, "invalid_value", f"{label(field).capitalize()} : valeur refusée ({why}).")


def problems(
    entity: str, values: Mapping[str, Any], *, complete: bool = False, fields: Iterable[str] | None = None
) -> list[FieldProblem]:
    """Every problem of `values` (field -> new value) for `entity`. `complete`: `values` is a whole new record, so a
    required field it lacks is a problem too. `fields` restricts the check to those names (the others are taken as
    they are)."""
    checks = _CHECKS.get(entity)
    if checks is None:
        return [FieldProblem("", "unknown_entity", "Type d'enregistrement inconnu.")]
    found: list[FieldProblem] = []
    names = values.keys() if fields is None else fields
    for name in names:
        p = problem(entity, name, values.get(name))
        if p is not None:
            found.append(p)
    if complete:
        for name in _MUST_CARRY[entity]:
            if name not in values:
                found.append(FieldProblem(name, "required", f"{label(name).capitalize()} : ce champ est obligatoire."))
    return found
