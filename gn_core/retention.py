"""Limited retention: when a person's file is anonymised, and what anonymising it keeps. Pure functions, no I/O.

A person with no contact for `months` months (HQ's setting, `DEFAULT_MONTHS` unless changed) is anonymised by HQ
(`gn-hq retention run`) and, through the feed, on every campus PC: identity, contact details and free text go,
what the indicators count stays (campus, gender, year of birth, education level, situation, steps and outcomes
with their dates, RQTH recognition as a count). Advisors see it coming `WARNING_DAYS` days ahead on their worklist.

**Last contact** (`last_contact`) is the latest of:

- the enrolment (`person.enrolled_on`: the intake);
- the person's recorded last contact (`person.last_contact_on`), which the campus services set whenever an advisor
  writes a note, records a pathway step, marks an appointment arrived or done, or the person checks in at the kiosk
  — notes count through it, as the protocol carries no date of their own;
- every pathway event (`occurred_on`);
- every appointment the person came to (status `arrived` or `done`: its day, `starts_at` in UTC);
- every referral (`referred_on`, and `decided_on` once the partner answered);
- every kiosk check-in linked to the person (`visit.arrived_at`'s day, in UTC).

Both ends compute it: HQ from the records it holds (`gn_hq.services.retention`), a campus PC with one SQL query
over its store (`gn_desktop.services.retention`, checked against this function by a property test).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import UTC, date, datetime, timedelta
from typing import Any

#: months without contact after which a file is anonymised, unless HQ sets another value
DEFAULT_MONTHS = 24
#: the range HQ accepts for the setting (half a year to ten years)
MIN_MONTHS, MAX_MONTHS = 6, 120
#: how many days ahead advisors are warned on their worklist
WARNING_DAYS = 30
#: the `hq_setting` record holding the number of months (its id; its `value` is the number as text)
SETTING_ID = "retention_months"

#: the records whose dates are contacts (besides the person's own dates), and the appointment statuses that are
CONTACT_ENTITIES = ("pathway_event", "appointment", "referral", "visit")
ATTENDED = frozenset({"arrived", "done"})

#: why a change to an anonymised person's file is refused (at HQ and when a campus PC captures it)
ANONYMISED_REFUSAL = (
    "Ce dossier a été anonymisé (aucun contact pendant la durée de conservation) : il ne se modifie plus. "
    "Si la personne revient, inscrivez-la de nouveau."
)

#: what the person's names become
ANONYMOUS_FIRST_NAME = "Anonyme"
ANONYMOUS_LAST_NAME = ""


def add_months(day: date, months: int) -> date:
    """The same day `months` months later (the month's last day when it has no such day: 31 March + 1 → 30 April)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    for d in (day.day, 30, 29, 28):
        try:
            return date(year, month, d)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def anonymisation_day(last_contact: date, months: int) -> date:
    """The first day a file with this last contact is anonymised."""
    return add_months(last_contact, months)


def is_due(last_contact: date, months: int, today: date) -> bool:
    """Whether a file whose last contact is `last_contact` is anonymised on `today`: no contact for `months` months."""
    return anonymisation_day(last_contact, months) <= today


def warning_from(last_contact: date, months: int) -> date:
    """The first day advisors are warned."""
    return anonymisation_day(last_contact, months) - timedelta(days=WARNING_DAYS)


def months_setting(value: str | None) -> int:
    """The number of months a stored setting holds (`DEFAULT_MONTHS` when unset or unreadable)."""
    try:
        months = int(value) if value is not None else DEFAULT_MONTHS
    except ValueError:
        return DEFAULT_MONTHS
    return months if MIN_MONTHS <= months <= MAX_MONTHS else DEFAULT_MONTHS


def _day(value: Any) -> date | None:
    """A wire date ("2026-03-01") or datetime ("2026-03-01T09:00:00.000+00:00", its UTC day) as a date."""
    if not isinstance(value, str) or len(value) < 10:
        return None
    try:
        if len(value) == 10:
            return date.fromisoformat(value)
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    return (moment.astimezone(UTC) if moment.tzinfo else moment).date()


def contact_days(entity: str, data: Mapping[str, Any]) -> list[date]:
    """The contact days one record of a person holds (see the module's definition)."""
    if entity == "person":
        days = [_day(data.get("enrolled_on")), _day(data.get("last_contact_on"))]
    elif entity == "pathway_event":
        days = [_day(data.get("occurred_on"))]
    elif entity == "appointment":
        days = [_day(data.get("starts_at"))] if data.get("status") in ATTENDED else []
    elif entity == "referral":
        days = [_day(data.get("referred_on")), _day(data.get("decided_on"))]
    elif entity == "visit":
        days = [_day(data.get("arrived_at"))]
    else:
        days = []
    return [d for d in days if d is not None]


def last_contact(person: Mapping[str, Any], records: Iterable[tuple[str, Mapping[str, Any]]]) -> date | None:
    """The person's last contact: the latest contact day of the person and of their live `records` (entity, data)."""
    days = contact_days("person", person)
    for entity, data in records:
        days.extend(contact_days(entity, data))
    return max(days, default=None)


# --- what anonymising keeps -----------------------------------------------------------------------------------------


def _birth_year(value: Any) -> Any:
    """A birth date reduced to its year, stored as 1 July (mid-year: an age computed from it is off by six months at
    most, never more, so age bands still count)."""
    day = _day(value)
    return f"{day.year:04d}-07-01" if day is not None else None


def _constant(value: Any) -> Any:
    return lambda _old: value


_NONE = _constant(None)
_EMPTY = _constant("")

#: per entity linked to a person, the fields anonymising replaces and how; `KEPT` lists the others (a test checks
#: that every field of every such entity is in one of the two, so a field added later needs a decision)
ANONYMISED: Mapping[str, Mapping[str, Any]] = {
    "person": {
        "first_name": _constant(ANONYMOUS_FIRST_NAME),
        "last_name": _constant(ANONYMOUS_LAST_NAME),
        "birth_date": _birth_year,
        "phone": _NONE,
        "email": _NONE,
        "commune_other": _NONE,  # free text (an address, a town outside the département)
        "france_travail_id": _NONE,
    },
    "pathway_event": {"comment": _EMPTY, "employer_name": _NONE, "siret": _NONE},  # a SIRET may name a sole trader
    "note": {"body": _EMPTY},
    "appointment": {"subject": _EMPTY, "code": _NONE},
    "referral": {"comment": _EMPTY},
    "startup": {
        "name": _constant("Entreprise anonymisée"),
        "siret": _NONE,
        "mentor_name": _NONE,
        "address": _NONE,  # a sole trader's address is often their home
    },
    "startup_action": {"title": _constant("Action d'accompagnement"), "note": _EMPTY},  # free text
    "pre_registration": {
        "first_name": _constant(ANONYMOUS_FIRST_NAME),
        "last_name": _constant(ANONYMOUS_LAST_NAME),
        "birth_date": _NONE,
        "phone": _NONE,
        "email": _NONE,
        "commune_other": _NONE,
        "message": _EMPTY,
    },
}

#: the fields anonymising keeps: what the indicators and the pathway's story need, and nothing that names anyone
KEPT: Mapping[str, frozenset[str]] = {
    "person": frozenset(
        {
            "gender",
            "commune_insee",  # the commune (INSEE code) only: tens of thousands of inhabitants
            "situation",
            "education_level",
            "benefits",
            "barriers",
            "job_families",
            "referral_source",
            "campus_id",
            "advisor_id",
            "enrolled_on",
            "pathway_step",
            "pathway_since",
            "last_contact_on",
            "anonymised_on",  # set by anonymising
            "follow_up_snoozed_until",  # a date the worklist waits for: nothing about who they are
            "merged_into",  # the file this one was merged into (a redirect): an id, nothing about who they are
        }
    ),
    "rqth_decision": frozenset({"person_id", "decided_on", "valid_from", "valid_until"}),  # counted by indicators
    "consent": frozenset({"person_id", "purpose", "legal_basis", "text_version", "given_on", "withdrawn_on"}),
    "pathway_event": frozenset(
        {
            "person_id",
            "from_step",
            "to_step",
            "occurred_on",
            "author_id",
            "programme_session_id",
            "contract_type",
            "employer_partner_id",
            "contract_start",
            "business_created_on",
            "exit_reason",
        }
    ),
    "note": frozenset({"person_id", "author_id", "restricted"}),
    "appointment": frozenset({"person_id", "campus_id", "advisor_id", "starts_at", "duration_min", "status"}),
    "referral": frozenset(
        {"person_id", "programme_session_id", "job_offer_id", "partner_id", "status", "referred_on", "decided_on"}
    ),
    "event_registration": frozenset({"event_id", "person_id", "status"}),
    "startup": frozenset({"person_id", "stage", "zfu_zone", "created_on", "job_family", "commune_insee", "sector"}),
    "startup_founder": frozenset({"person_id", "startup_id"}),
    "startup_action": frozenset({"person_id", "startup_id", "done_on"}),
    "pre_registration": frozenset(
        {
            "campus_id",
            "commune_insee",
            "job_families",
            "consent_text_version",
            "language",
            "status",
            "person_id",
            "event_id",
        }
    ),
    "visit": frozenset(
        {
            "campus_id",
            "ticket",
            "purpose",
            "arrived_at",
            "status",
            "person_id",
            "appointment_id",
            "pre_registration_id",
            "advisor_id",
        }
    ),
}


def anonymised(entity: str, data: Mapping[str, Any], today: date) -> dict[str, Any]:
    """The fields of a record of an anonymised person that change, and their new values (empty: nothing to change).

    A person also gets `anonymised_on` (today), which is how every campus PC recognises an anonymisation."""
    changes: dict[str, Any] = {}
    for name, rule in ANONYMISED.get(entity, {}).items():
        new = rule(data.get(name))
        if new != data.get(name):
            changes[name] = new
    if entity == "person" and data.get("anonymised_on") is None:
        changes["anonymised_on"] = today.isoformat()
    return changes
