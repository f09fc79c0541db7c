"""What each synced entity is, for sync: who receives it, which fields HQ keeps on conflict, what may never change.

Both ends read these tables: the campus store declares its models' `__protected_fields__` from `PROTECTED_FIELDS`,
and HQ uses the same sets to decide merges, scoping and erasure. Entity names are the campus store's table names.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from enum import StrEnum
from typing import Any

#: data shared by every campus: campuses, accounts (with password hashes, for offline sign-in), partners, programmes,
#: their sessions, job offers, events and HQ's settings (`hq_setting`: the retention period, gn_core.retention)
REFERENCE_ENTITIES: frozenset[str] = frozenset(
    {"campus", "app_user", "partner", "programme", "programme_session", "job_offer", "event", "hq_setting"}
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
    "startup_founder": "person_id",  # each founder followed: the startup shows in their file
    "startup_action": "person_id",  # the startup's lead founder
}
PERSON_SCOPED: frozenset[str] = frozenset(PERSON_LINK)

#: the front desk of one campus: kiosk check-ins (visits) and what walk-in visitors typed (pre-registrations, event
#: sign-ups). Personal data for the PCs of that campus only (`campus_id`), never for a kiosk nor another campus;
#: linked to a person once the visitor is known (`person_id`), and erased with them
FRONT_DESK: Mapping[str, str] = {"visit": "person_id", "pre_registration": "person_id"}

#: the audit trail of sensitive reads (who read a disability decision or a restricted note, who exported whom): a
#: campus PC adds the events it recorded, for its own campus, and nothing else; nobody edits or deletes one; no device
#: receives them (HQ administrators read them: `gn-hq audit list`). An event names a person by their opaque id only
AUDIT_ENTITY = "audit_event"
#: entities no device ever receives
NOT_PULLED: frozenset[str] = frozenset({AUDIT_ENTITY})

#: every entity the protocol carries
ENTITIES: frozenset[str] = REFERENCE_ENTITIES | PERSON_SCOPED | frozenset(FRONT_DESK) | {AUDIT_ENTITY}

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

#: fields of campus-written records that HQ alone sets: the day HQ anonymised a file (gn_core.retention), and the
#: person a file was merged into (a duplicate merged at HQ: the file is then a redirect to that person)
HQ_FIELDS: Mapping[str, frozenset[str]] = {"person": frozenset({"anonymised_on", "merged_into"})}
#: the person field naming the file a duplicate was merged into
MERGED_INTO_FIELD = "merged_into"


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


# --- Who may write what ----------------------------------------------------------------------------------------------
#
# HQ decides, change by change, from these rules; a campus PC applies the same ones to what it captures, so it never
# queues a change HQ would refuse. A refusal is per change: the rest of the batch, and of the device's queue, goes on.


class DeviceRole(StrEnum):
    """What an enrolled device is. A campus PC is an advisor's workstation; a kiosk is the self-service terminal of
    a campus's front desk: it holds no one's file."""

    CAMPUS_PC = "campus_pc"
    KIOSK = "kiosk"


class Owner(StrEnum):
    """Who writes the records of an entity."""

    HQ = "hq"  # campuses, accounts and the HQ-wide catalogue: HQ alone (its command line, later its console)
    CAMPUS = "campus"  # catalogue entries of one campus (CAMPUS_OWNED_FIELD names it): that campus's devices
    PERSON = "person"  # records about a person: the devices of the campuses that follow the person
    DEVICE = "device"  # the audit trail: each event added once by the device that recorded it, never changed


#: entities whose records belong to one campus, and the field naming it (None there: an HQ-wide entry)
CAMPUS_OWNED_FIELD: Mapping[str, str] = {
    "partner": "campus_id",
    "programme": "campus_id",
    "job_offer": "campus_id",
    "programme_session": "campus_id",
    "event": "campus_id",
    **dict.fromkeys(FRONT_DESK, "campus_id"),
}

ENTITY_OWNER: Mapping[str, Owner] = {
    **{entity: Owner.HQ for entity in REFERENCE_ENTITIES},
    **{entity: Owner.CAMPUS for entity in CAMPUS_OWNED_FIELD},
    **{entity: Owner.PERSON for entity in PERSON_SCOPED},
    AUDIT_ENTITY: Owner.DEVICE,
}

#: the entities each kind of device may write at all (within the scope its campus has on them)
ROLE_WRITES: Mapping[DeviceRole, frozenset[str]] = {
    DeviceRole.CAMPUS_PC: frozenset(e for e, owner in ENTITY_OWNER.items() if owner is not Owner.HQ),
    DeviceRole.KIOSK: frozenset(FRONT_DESK),
}
#: the changes each kind of device may make (a kiosk only adds: a check-in, a pre-registration, a sign-up)
ROLE_OPS: Mapping[DeviceRole, frozenset[str]] = {
    DeviceRole.CAMPUS_PC: frozenset({"insert", "update", "delete"}),
    DeviceRole.KIOSK: frozenset({"insert"}),
}
#: what a kiosk receives: the catalogue it shows (its campus, partners, programmes and sessions, job offers, events)
#: and nothing about anyone (check-ins use a separate, minimal index: gn_core.protocol.CheckInIndex)
KIOSK_PULLS: frozenset[str] = frozenset({"campus", "partner", "programme", "programme_session", "job_offer", "event"})

#: the entity whose records are accounts: a campus receives only its own (they carry password hashes)
ACCOUNT_ENTITY = "app_user"


class Refusal(StrEnum):
    """Why a well-formed change is refused (the `code` of a `Rejection`: `forbidden` for all of these)."""

    READ_ONLY = "read_only"  # the device's role never writes this entity
    KIOSK_ADDS_ONLY = "kiosk_adds_only"  # a kiosk records check-ins and sign-ups, it changes nothing
    OTHER_CAMPUS = "other_campus"  # another campus's (or an HQ-wide) catalogue entry
    NOT_FOLLOWED = "not_followed"  # a person the device's campus does not follow
    NO_PERSON = "no_person"  # a record that must belong to a person the campus follows
    TRANSFER = "transfer"  # a person's owning campus changed by a campus that does not own them, or to no campus
    OWN_CAMPUS_ONLY = "own_campus_only"  # a new person enrolled at another campus than the device's
    AUDIT_TRAIL = "audit_trail"  # an audit event changed, deleted, or added for another campus, device or account
    HQ_FIELD = "hq_field"  # a field only HQ writes (the day a file was anonymised)


REFUSAL_DETAIL: Mapping[Refusal, str] = {
    Refusal.READ_ONLY: "Les comptes, les campus et le catalogue commun se modifient au siège seulement.",
    Refusal.KIOSK_ADDS_ONLY: "Une borne d'accueil enregistre les arrivées et les pré-inscriptions, sans rien modifier.",
    Refusal.OTHER_CAMPUS: "Cette entrée du catalogue appartient à un autre campus ou au siège : "
    "seul son campus (ou le siège) la modifie.",
    Refusal.NOT_FOLLOWED: "Cette personne n'est pas suivie par votre campus : "
    "demandez au campus qui la suit de la partager.",
    Refusal.NO_PERSON: "Cet enregistrement doit être rattaché à une personne suivie par votre campus.",
    Refusal.TRANSFER: "Seul le campus qui suit une personne peut la transférer, et vers un campus existant.",
    Refusal.OWN_CAMPUS_ONLY: "Une personne inscrite depuis ce poste appartient à son campus : "
    "inscrivez-la ici puis transférez-la.",
    Refusal.HQ_FIELD: "Ce champ est tenu par le siège (la date d'anonymisation d'un dossier) : un poste ne le "
    "modifie pas.",
    Refusal.AUDIT_TRAIL: "Le journal des consultations ne fait que s'allonger : un poste y ajoute ce qui a été lu "
    "sur lui, pour son campus et par un compte de son campus ; rien ne s'y modifie ni ne s'en efface.",
}

#: an account as the rules need it: its campus (None for an HQ administrator) and its role
AccountInfo = tuple[str | None, str]


def write_refusal(
    role: DeviceRole,
    device_campus: str,
    entity: str,
    record_id: str,
    op: str,
    *,
    stored: Mapping[str, Any] | None,
    new: Mapping[str, Any],
    follows: Callable[[str], bool],
    campus_exists: Callable[[str], bool],
    author: str | None = None,
    device_id: str | None = None,
    account_of: Callable[[str], AccountInfo | None] | None = None,
) -> Refusal | None:
    """Why a device of `role` at `device_campus` may not make this change, or None when it may.

    `stored`: the record's data at HQ (None when HQ has never held it; a deleted record keeps its data). `new`: the
    values the change sets (field -> value; a delete sets none). `follows(person_id)`: whether the device's campus
    follows that person (True for a person HQ has never seen: the change may be creating them).
    `campus_exists(campus_id)`: a live campus. `author`: the account the change is made by (an account's holder
    alone changes its password). `device_id`: the device making the change (an audit event must name it);
    `account_of(account_id)`: an account's campus and role, None when unknown (None: not checked — the campus
    checking its own user's writes). Values are already known to be well-formed (gn_core.fields)."""
    if entity == ACCOUNT_ENTITY and role is DeviceRole.CAMPUS_PC:
        return _own_password_refusal(device_campus, op, stored, new) or (
            None if author == record_id else Refusal.READ_ONLY
        )
    if entity not in ROLE_WRITES.get(role, frozenset()):
        return Refusal.READ_ONLY
    if op not in ROLE_OPS.get(role, frozenset()) or (role is DeviceRole.KIOSK and stored is not None):
        return Refusal.KIOSK_ADDS_ONLY
    hq_fields = HQ_FIELDS.get(entity, frozenset())
    if hq_fields and op != "delete" and any(new.get(f) != (stored or {}).get(f) for f in hq_fields if f in new):
        return Refusal.HQ_FIELD
    owner = ENTITY_OWNER.get(entity)
    if owner is Owner.DEVICE:
        return _audit_refusal(device_campus, device_id, op, stored, new, account_of)
    if owner is Owner.CAMPUS:
        field = CAMPUS_OWNED_FIELD[entity]
        if stored is not None and stored.get(field) != device_campus:
            return Refusal.OTHER_CAMPUS
        if op != "delete" and (field in new or stored is None) and new.get(field) != device_campus:
            return Refusal.OTHER_CAMPUS
        link = FRONT_DESK.get(entity)
        person = new.get(link) if link is not None and op != "delete" else None
        if link is not None and isinstance(person, str) and person != (stored or {}).get(link) and not follows(person):
            return Refusal.NOT_FOLLOWED  # a visitor recognised as a person the campus does not follow
        return None
    link = PERSON_LINK[entity]
    if link == "id":
        return _person_refusal(device_campus, record_id, op, stored, new, follows, campus_exists)
    before = stored.get(link) if stored is not None else None
    if before is not None and not follows(before):
        return Refusal.NOT_FOLLOWED
    after = new.get(link) if (op != "delete" and link in new) else before
    if after is None:
        # a record about nobody (a startup without a founder) is HQ-wide data
        return Refusal.NO_PERSON if op != "delete" or stored is not None else None
    if after != before and not follows(after):
        return Refusal.NOT_FOLLOWED
    return None


def _audit_refusal(
    device_campus: str,
    device_id: str | None,
    op: str,
    stored: Mapping[str, Any] | None,
    new: Mapping[str, Any],
    account_of: Callable[[str], AccountInfo | None] | None,
) -> Refusal | None:
    """An audit event is added once, by the device that recorded it, for its campus, naming an account of that campus
    (or an HQ administrator, who signs in on HQ's own PCs) or none (a command run without signing in)."""
    if op != "insert" or stored is not None:
        return Refusal.AUDIT_TRAIL
    if new.get("campus_id") != device_campus or (device_id is not None and new.get("device_id") != device_id):
        return Refusal.AUDIT_TRAIL
    account = new.get("account_id")
    if account is not None and account_of is not None:
        info = account_of(account)
        if info is None or (info[0] != device_campus and info[1] != "hq_admin"):
            return Refusal.AUDIT_TRAIL
    return None


#: the only field of an account a campus PC may change: its password (its holder changing it there)
ACCOUNT_FIELDS_A_CAMPUS_WRITES = frozenset({"password_hash"})


def _own_password_refusal(
    device_campus: str, op: str, stored: Mapping[str, Any] | None, new: Mapping[str, Any]
) -> Refusal | None:
    """Accounts are HQ's, but an advisor or a campus manager changes their own password on a PC of their campus: the
    new hash syncs, and the old password stops working on every PC of the campus. Nothing else of an account, no
    account of another campus, no HQ administrator's."""
    if op != "update" or stored is None or not new or set(new) - ACCOUNT_FIELDS_A_CAMPUS_WRITES:
        return Refusal.READ_ONLY
    if stored.get("campus_id") != device_campus or stored.get("role") == "hq_admin":
        return Refusal.READ_ONLY
    return None


def _person_refusal(
    device_campus: str,
    person_id: str,
    op: str,
    stored: Mapping[str, Any] | None,
    new: Mapping[str, Any],
    follows: Callable[[str], bool],
    campus_exists: Callable[[str], bool],
) -> Refusal | None:
    if stored is None:
        if op != "delete" and new.get(OWNING_CAMPUS_FIELD) != device_campus:
            return Refusal.OWN_CAMPUS_ONLY
        return None
    if not follows(person_id):
        return Refusal.NOT_FOLLOWED
    owner = stored.get(OWNING_CAMPUS_FIELD)
    if op != "delete" and OWNING_CAMPUS_FIELD in new and new[OWNING_CAMPUS_FIELD] != owner:
        target = new[OWNING_CAMPUS_FIELD]
        if owner != device_campus or not isinstance(target, str) or not campus_exists(target):
            return Refusal.TRANSFER
    return None
