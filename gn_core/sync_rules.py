"""What each synced entity is, for sync: who receives it, which fields HQ keeps on conflict, what may never change.

Both ends read these tables: the campus store declares its models' `__protected_fields__` from `PROTECTED_FIELDS`,
and HQ uses the same sets to decide merges, scoping and erasure. Entity names are the campus store's table names.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

#: data shared by every campus: campuses, accounts (with password hashes, for offline sign-in), partners, programmes,
#: their sessions, job offers and events
REFERENCE_ENTITIES: frozenset[str] = frozenset(
    {"campus", "app_user", "partner", "programme", "programme_session", "job_offer", "event"}
)

#: records about one person, and the attribute holding that person's id; a campus receives them only for the people
#: it follows (its own, and those shared with or transferred to it); erasure wipes them all
PERSON_LINK: Mapping[str, str] = {
    "person": "id",
    "rqth_decision": "person_id",
    "consent": "person_id",
    "pathway_event": "person_id",
    "note": "person_id",
    "appointment": "person_id",
    "referral": "person_id",
    "event_registration": "person_id",
    "startup": "person_id",  # the founder; a startup without one is shared like reference data
}
PERSON_SCOPED: frozenset[str] = frozenset(PERSON_LINK)

#: every entity the protocol carries
ENTITIES: frozenset[str] = REFERENCE_ENTITIES | PERSON_SCOPED

#: fields HQ keeps when two campuses change them concurrently: the conflict waits for an advisor instead of a clock
#: picking a winner (identity, birth date, pathway step, consents, disability recognition dates)
PROTECTED_FIELDS: Mapping[str, frozenset[str]] = {
    "person": frozenset({"first_name", "last_name", "birth_date", "pathway_step"}),
    "rqth_decision": frozenset({"decided_on", "valid_from", "valid_until"}),
    "consent": frozenset({"purpose", "legal_basis", "text_version", "given_on", "withdrawn_on"}),
}

#: records that are inserted, never edited or deleted (except by erasure)
APPEND_ONLY: frozenset[str] = frozenset({"pathway_event", "note"})

#: the field that must stay unique among live records of an entity (a campus code, a user name)
NATURAL_KEYS: Mapping[str, str] = {"campus": "code", "app_user": "username"}

#: the person field telling which campus follows the person; changing it transfers the person
OWNING_CAMPUS_FIELD = "campus_id"


def protected_fields(entity: str) -> frozenset[str]:
    """The fields of `entity` HQ keeps on a concurrent edit (empty for most entities)."""
    return PROTECTED_FIELDS.get(entity, frozenset())


def person_id_of(entity: str, record_id: str, data: Mapping[str, Any]) -> str | None:
    """The person a record belongs to (the record itself for a person), or None for shared data."""
    attr = PERSON_LINK.get(entity)
    if attr is None:
        return None
    if attr == "id":
        return record_id
    value = data.get(attr)
    return value if isinstance(value, str) else None
