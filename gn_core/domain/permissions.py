"""Who may see what: sensitive data (RQTH, restricted notes) stays with the people whose work needs it."""

from __future__ import annotations

from gn_core.domain.enums import UserRole

#: roles that may read and record disability recognition (RQTH) decisions of people of their campus
SENSITIVE_DATA_ROLES = frozenset({UserRole.ADVISOR, UserRole.CAMPUS_MANAGER})
#: roles that may read every restricted note (authors always read their own)
RESTRICTED_NOTE_ROLES = frozenset({UserRole.CAMPUS_MANAGER})
#: roles that may erase a person (GDPR)
ERASURE_ROLES = frozenset({UserRole.CAMPUS_MANAGER, UserRole.HQ_ADMIN})
#: roles that may export a person's complete file for them (GDPR art. 15, right of access): it holds their sensitive
#: data and every restricted note, so only a role that reads both
ACCESS_EXPORT_ROLES = SENSITIVE_DATA_ROLES & RESTRICTED_NOTE_ROLES


def can_read_sensitive(role: UserRole | None) -> bool:
    return role in SENSITIVE_DATA_ROLES


def can_read_restricted_note(role: UserRole | None, user_id: str | None, author_id: str | None) -> bool:
    return role in RESTRICTED_NOTE_ROLES or (user_id is not None and user_id == author_id)


def can_erase(role: UserRole | None) -> bool:
    return role in ERASURE_ROLES


def can_export_person_data(role: UserRole | None) -> bool:
    return role in ACCESS_EXPORT_ROLES


#: roles that keep a campus's catalogue (partners, programmes, sessions, job offers, events, startups)
CATALOGUE_ROLES = frozenset({UserRole.CAMPUS_MANAGER, UserRole.HQ_ADMIN})


def can_edit_catalogue(role: UserRole | None) -> bool:
    return role in CATALOGUE_ROLES
