"""SQLAlchemy 2.0 typed models of the campus store.

`Synced` records (everything shared with HQ) carry a UUIDv7 made on the device, created/updated stamps, a version,
the HQ version they were last merged against, and who last changed them (user, device, campus). Their inserts,
updates and deletes are captured into `ChangeLog` and `HistoryEntry` by `changes.py` in the same transaction; no
service writes those tables itself.

Local-only tables (`DeviceState`, `ChangeLog`, `HistoryEntry`, `Tombstone`, `LocalSetting`, `IntakeDraft`) never sync as
records.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from enum import StrEnum
from typing import Annotated, Any, ClassVar

from sqlalchemy import (
    JSON,
    Boolean,
    Enum,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from gn_core.domain import enums as e
from gn_core.domain.normalize import name_key, person_search_terms
from gn_core.ids import new_id
from gn_core.sync_rules import PROTECTED_FIELDS
from gn_desktop.store.types import StringList, UTCDateTime, utcnow

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def _enum(cls: type[StrEnum]) -> Enum:
    """Store a vocabulary by value, as a plain string column (no CHECK: new values need no table rebuild)."""
    return Enum(
        cls,
        values_callable=lambda members: [m.value for m in members],
        native_enum=False,
        create_constraint=False,
        validate_strings=True,
        length=32,
    )


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        datetime: UTCDateTime(),
        list[str]: StringList(),
        e.Situation: _enum(e.Situation),
        e.EducationLevel: _enum(e.EducationLevel),
        e.ReferralSource: _enum(e.ReferralSource),
        e.Gender: _enum(e.Gender),
        e.ConsentPurpose: _enum(e.ConsentPurpose),
        e.LegalBasis: _enum(e.LegalBasis),
        e.PathwayStep: _enum(e.PathwayStep),
        e.ContractType: _enum(e.ContractType),
        e.ExitReason: _enum(e.ExitReason),
        e.PartnerKind: _enum(e.PartnerKind),
        e.ReferralStatus: _enum(e.ReferralStatus),
        e.AppointmentStatus: _enum(e.AppointmentStatus),
        e.UserRole: _enum(e.UserRole),
        e.EventKind: _enum(e.EventKind),
        e.AttendanceStatus: _enum(e.AttendanceStatus),
        e.StartupStage: _enum(e.StartupStage),
        e.JobFamily: _enum(e.JobFamily),
        e.VisitPurpose: _enum(e.VisitPurpose),
        e.VisitStatus: _enum(e.VisitStatus),
        e.PreRegistrationStatus: _enum(e.PreRegistrationStatus),
        e.AuditAction: _enum(e.AuditAction),
    }


uuid_pk = Annotated[str, mapped_column(String(36), primary_key=True, default=new_id)]
ref_id = Annotated[str, mapped_column(String(36))]
name_str = Annotated[str, mapped_column(String(200))]
short_str = Annotated[str, mapped_column(String(64))]


class Synced(Base):
    """Abstract base of every record shared with HQ."""

    __abstract__ = True
    #: the fields HQ keeps and sends to an advisor on conflict instead of picking a winner (used by the sync issue)
    __protected_fields__: ClassVar[frozenset[str]] = frozenset()
    #: rows may be inserted, never updated or deleted (except by erasure)
    __append_only__: ClassVar[bool] = False
    #: the attribute linking the record to a person, for the person's history and erasure
    __person_attr__: ClassVar[str | None] = "person_id"
    #: columns computed from others on every write; not synced (each end recomputes them)
    __derived_fields__: ClassVar[frozenset[str]] = frozenset()
    #: the data columns derived columns are computed from
    __derived_inputs__: ClassVar[tuple[str, ...]] = ()
    #: whether writes go to the `history` table (who changed what, for a person's file) and to the unit of work's
    #: `changed()` set; the audit trail's events do neither (they change nothing anyone sees)
    __history__: ClassVar[bool] = True

    @classmethod
    def derived_values(cls, values: Mapping[str, Any]) -> dict[str, Any]:
        """Derived columns computed from data column `values`; called by change capture on every write."""
        return {}

    def refresh_derived(self) -> None:
        """Recompute derived columns on this instance."""
        if self.__derived_fields__:
            for key, value in self.derived_values({k: getattr(self, k) for k in self.__derived_inputs__}).items():
                setattr(self, key, value)

    id: Mapped[uuid_pk]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    version: Mapped[int] = mapped_column(default=1)
    sync_version: Mapped[int] = mapped_column(default=0)
    updated_by_user_id: Mapped[str | None] = mapped_column(String(36))
    updated_by_device_id: Mapped[str | None] = mapped_column(String(36))
    updated_by_campus_id: Mapped[str | None] = mapped_column(String(36))


#: bookkeeping columns, in table order: stamped by change capture, never reported as changed fields
BOOKKEEPING_COLUMNS = (
    "id",
    "created_at",
    "updated_at",
    "version",
    "sync_version",
    "updated_by_user_id",
    "updated_by_device_id",
    "updated_by_campus_id",
)
BOOKKEEPING = frozenset(BOOKKEEPING_COLUMNS)


# --- Reference data (sent to every campus) -------------------------------------------------------------------


class Campus(Synced):
    __tablename__ = "campus"
    __person_attr__ = None

    code: Mapped[str] = mapped_column(String(8), unique=True)
    name: Mapped[name_str]
    commune_insee: Mapped[str] = mapped_column(String(5))
    is_hq: Mapped[bool] = mapped_column(default=False)


class User(Synced):
    __tablename__ = "app_user"
    __person_attr__ = None

    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[name_str]
    role: Mapped[e.UserRole]
    campus_id: Mapped[str | None] = mapped_column(ForeignKey("campus.id"))
    password_hash: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(default=True)


class Partner(Synced):
    __tablename__ = "partner"
    __person_attr__ = None

    name: Mapped[name_str]
    kind: Mapped[e.PartnerKind]
    commune_insee: Mapped[str | None] = mapped_column(String(5))
    website: Mapped[str | None] = mapped_column(String(200))
    email: Mapped[str | None] = mapped_column(String(200))
    phone: Mapped[str | None] = mapped_column(String(20))
    job_families: Mapped[list[str]] = mapped_column(default=list)
    committed_to_hire: Mapped[bool] = mapped_column(default=False)
    #: the person to talk to there
    contact_name: Mapped[str | None] = mapped_column(String(200))
    contact_email: Mapped[str | None] = mapped_column(String(200))
    contact_phone: Mapped[str | None] = mapped_column(String(20))
    #: the campus that keeps this entry, or None for HQ's catalogue (gn_core.sync_rules.CAMPUS_OWNED_FIELD)
    campus_id: Mapped[str | None] = mapped_column(ForeignKey("campus.id"))
    #: hidden from pickers and the kiosk; kept because referrals point to it (never deleted)
    archived: Mapped[bool] = mapped_column(default=False)


class Programme(Synced):
    """A training programme of a partner training organisation."""

    __tablename__ = "programme"
    __person_attr__ = None

    partner_id: Mapped[ref_id] = mapped_column(ForeignKey("partner.id"))
    title: Mapped[name_str]
    job_family: Mapped[e.JobFamily]
    duration_weeks: Mapped[int]
    prerequisites: Mapped[str] = mapped_column(Text, default="")
    min_education_level: Mapped[e.EducationLevel | None] = mapped_column(_enum(e.EducationLevel))
    certification: Mapped[str] = mapped_column(String(200), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    funding: Mapped[list[str]] = mapped_column(default=list)  # FundingSource values
    campus_id: Mapped[str | None] = mapped_column(ForeignKey("campus.id"))
    archived: Mapped[bool] = mapped_column(default=False)


class ProgrammeSession(Synced):
    __tablename__ = "programme_session"
    __person_attr__ = None

    programme_id: Mapped[ref_id] = mapped_column(ForeignKey("programme.id"))
    campus_id: Mapped[str | None] = mapped_column(ForeignKey("campus.id"))
    starts_on: Mapped[date]
    ends_on: Mapped[date]
    capacity: Mapped[int]
    place: Mapped[str | None] = mapped_column(String(200))  # where it takes place
    archived: Mapped[bool] = mapped_column(default=False)


class JobOffer(Synced):
    __tablename__ = "job_offer"
    __person_attr__ = None

    partner_id: Mapped[ref_id] = mapped_column(ForeignKey("partner.id"))
    title: Mapped[name_str]
    job_family: Mapped[e.JobFamily]
    contract_type: Mapped[e.ContractType]
    commune_insee: Mapped[str | None] = mapped_column(String(5))
    posted_on: Mapped[date]
    closes_on: Mapped[date | None]
    description: Mapped[str] = mapped_column(Text, default="")
    is_open: Mapped[bool] = mapped_column(default=True)
    campus_id: Mapped[str | None] = mapped_column(ForeignKey("campus.id"))
    archived: Mapped[bool] = mapped_column(default=False)


class Event(Synced):
    __tablename__ = "event"
    __person_attr__ = None

    title: Mapped[name_str]
    kind: Mapped[e.EventKind]
    campus_id: Mapped[str | None] = mapped_column(ForeignKey("campus.id"))
    starts_at: Mapped[datetime]
    ends_at: Mapped[datetime]
    capacity: Mapped[int | None]
    audience: Mapped[str] = mapped_column(String(200), default="")  # free text, beside the closed list
    description: Mapped[str] = mapped_column(Text, default="")
    audiences: Mapped[list[str]] = mapped_column(default=list)  # Audience values (reach per audience)
    archived: Mapped[bool] = mapped_column(default=False)


# --- People and their pathway (scoped to campuses) ------------------------------------------------------------


class Person(Synced):
    __tablename__ = "person"
    __person_attr__ = "id"
    __protected_fields__ = PROTECTED_FIELDS["person"]
    __derived_fields__ = frozenset({"name_key", "search_terms"})
    __derived_inputs__ = ("first_name", "last_name", "birth_date", "phone", "email", "france_travail_id")

    first_name: Mapped[name_str]
    last_name: Mapped[name_str]
    name_key: Mapped[str] = mapped_column(String(400), index=True)  # normalize.name_key, for matching
    gender: Mapped[e.Gender | None]
    birth_date: Mapped[date | None] = mapped_column(index=True)
    phone: Mapped[str | None] = mapped_column(String(20), index=True)  # E.164
    email: Mapped[str | None] = mapped_column(String(254), index=True)
    commune_insee: Mapped[str | None] = mapped_column(String(5))  # a commune of the 93, or None
    commune_other: Mapped[str | None] = mapped_column(String(200))  # free text when outside the 93
    situation: Mapped[e.Situation | None]
    france_travail_id: Mapped[str | None] = mapped_column(String(11), index=True)
    education_level: Mapped[e.EducationLevel | None]
    benefits: Mapped[list[str]] = mapped_column(default=list)
    barriers: Mapped[list[str]] = mapped_column(default=list)
    job_families: Mapped[list[str]] = mapped_column(default=list)
    referral_source: Mapped[e.ReferralSource | None]
    # Enrolment
    campus_id: Mapped[ref_id] = mapped_column(ForeignKey("campus.id"), index=True)
    advisor_id: Mapped[str | None] = mapped_column(ForeignKey("app_user.id"), index=True)  # the referent advisor
    enrolled_on: Mapped[date]
    # Current pathway step (the timeline is PathwayEvent)
    pathway_step: Mapped[e.PathwayStep] = mapped_column(default=e.PathwayStep.WELCOME, index=True)
    pathway_since: Mapped[date]
    last_contact_on: Mapped[date | None] = mapped_column(index=True)  # the worklist's retention warning
    #: the follow-up worklist leaves the person out until this day (services.worklist); synced, so every PC of the
    #: campus agrees
    follow_up_snoozed_until: Mapped[date | None]
    #: set by HQ when the file was anonymised after its retention period (gn_core.retention): no identity is left
    anonymised_on: Mapped[date | None]
    #: set by HQ when this file was merged into another (a duplicate): a redirect, never kept as a person on a PC
    #: (sync.apply moves what it holds to that person and deletes it)
    merged_into: Mapped[str | None] = mapped_column(String(36))
    # Folded words the person is found by; indexed by the person_fts full-text table (migration 0002)
    search_terms: Mapped[str] = mapped_column(Text, default="")

    @classmethod
    def derived_values(cls, values: Mapping[str, Any]) -> dict[str, Any]:
        first, last = values.get("first_name") or "", values.get("last_name") or ""
        return {
            "name_key": name_key(first, last),
            "search_terms": person_search_terms(
                first,
                last,
                values.get("birth_date"),
                values.get("phone"),
                values.get("email"),
                values.get("france_travail_id"),
            ),
        }


class RqthDecision(Synced):
    """Recognition of disabled-worker status (RQTH): the decision and its validity only, never a diagnosis.

    Sensitive: shown only to roles allowed to see it, never exported in extracts.
    """

    __tablename__ = "rqth_decision"
    __protected_fields__ = PROTECTED_FIELDS["rqth_decision"]

    person_id: Mapped[ref_id] = mapped_column(ForeignKey("person.id"), unique=True)
    decided_on: Mapped[date]
    valid_from: Mapped[date]
    valid_until: Mapped[date | None]  # None: permanent


class Consent(Synced):
    __tablename__ = "consent"
    __protected_fields__ = PROTECTED_FIELDS["consent"]

    person_id: Mapped[ref_id] = mapped_column(ForeignKey("person.id"), index=True)
    purpose: Mapped[e.ConsentPurpose]
    legal_basis: Mapped[e.LegalBasis]
    text_version: Mapped[short_str]
    given_on: Mapped[date]
    withdrawn_on: Mapped[date | None]


class PathwayEvent(Synced):
    """One move in a person's pathway, with the details some moves require (contract, business, exit reason)."""

    __tablename__ = "pathway_event"
    __append_only__ = True

    person_id: Mapped[ref_id] = mapped_column(ForeignKey("person.id"), index=True)
    from_step: Mapped[e.PathwayStep | None] = mapped_column(_enum(e.PathwayStep))
    to_step: Mapped[e.PathwayStep]
    occurred_on: Mapped[date]
    author_id: Mapped[str | None] = mapped_column(String(36))
    programme_session_id: Mapped[str | None] = mapped_column(ForeignKey("programme_session.id"))
    contract_type: Mapped[e.ContractType | None]
    employer_name: Mapped[str | None] = mapped_column(String(200))
    employer_partner_id: Mapped[str | None] = mapped_column(ForeignKey("partner.id"))
    contract_start: Mapped[date | None]
    siret: Mapped[str | None] = mapped_column(String(14))
    business_created_on: Mapped[date | None]
    exit_reason: Mapped[e.ExitReason | None]
    comment: Mapped[str] = mapped_column(Text, default="")


class Note(Synced):
    """Append-only follow-up note; `restricted` notes are shown only to roles allowed to read them."""

    __tablename__ = "note"
    __append_only__ = True

    person_id: Mapped[ref_id] = mapped_column(ForeignKey("person.id"), index=True)
    author_id: Mapped[str | None] = mapped_column(String(36))
    body: Mapped[str] = mapped_column(Text)
    restricted: Mapped[bool] = mapped_column(default=False)


class Appointment(Synced):
    __tablename__ = "appointment"
    #: the follow-up worklist looks for appointments missed lately
    __table_args__ = (Index("ix_appointment_status_starts_at", "status", "starts_at"),)

    person_id: Mapped[ref_id] = mapped_column(ForeignKey("person.id"), index=True)
    campus_id: Mapped[ref_id] = mapped_column(ForeignKey("campus.id"))
    advisor_id: Mapped[str | None] = mapped_column(ForeignKey("app_user.id"))
    starts_at: Mapped[datetime] = mapped_column(index=True)
    duration_min: Mapped[int] = mapped_column(default=45)
    subject: Mapped[str] = mapped_column(String(200), default="")
    status: Mapped[e.AppointmentStatus] = mapped_column(default=e.AppointmentStatus.PLANNED)
    code: Mapped[str | None] = mapped_column(String(8))  # short check-in code given to the person


class Referral(Synced):
    """A person referred to a programme session or a job offer, and what became of it."""

    __tablename__ = "referral"

    person_id: Mapped[ref_id] = mapped_column(ForeignKey("person.id"), index=True)
    programme_session_id: Mapped[str | None] = mapped_column(ForeignKey("programme_session.id"))
    job_offer_id: Mapped[str | None] = mapped_column(ForeignKey("job_offer.id"))
    #: a referral to an employment service itself (France Travail, a mission locale, Cap Emploi, an association)
    partner_id: Mapped[str | None] = mapped_column(ForeignKey("partner.id"))
    status: Mapped[e.ReferralStatus] = mapped_column(default=e.ReferralStatus.PROPOSED)
    referred_on: Mapped[date]
    decided_on: Mapped[date | None]
    comment: Mapped[str] = mapped_column(Text, default="")


class EventRegistration(Synced):
    __tablename__ = "event_registration"
    __table_args__ = (UniqueConstraint("event_id", "person_id"),)

    event_id: Mapped[ref_id] = mapped_column(ForeignKey("event.id"), index=True)
    person_id: Mapped[ref_id] = mapped_column(ForeignKey("person.id"), index=True)
    status: Mapped[e.AttendanceStatus] = mapped_column(default=e.AttendanceStatus.REGISTERED)


class Startup(Synced):
    """A company created by a person the platform follows (or accompanied in its incubation programme)."""

    __tablename__ = "startup"

    name: Mapped[name_str]
    person_id: Mapped[str | None] = mapped_column(ForeignKey("person.id"), index=True)  # founder
    stage: Mapped[e.StartupStage]
    zfu_zone: Mapped[str | None] = mapped_column(String(100))
    mentor_name: Mapped[str | None] = mapped_column(String(200))
    siret: Mapped[str | None] = mapped_column(String(14))
    created_on: Mapped[date | None]
    job_family: Mapped[e.JobFamily | None]
    address: Mapped[str | None] = mapped_column(String(200))  # street and number
    commune_insee: Mapped[str | None] = mapped_column(String(5))  # the ZFU zone is detected from it
    sector: Mapped[str | None] = mapped_column(String(100))


class StartupFounder(Synced):
    """A person followed here who founded (or co-founded) a startup: the startup shows in their file."""

    __tablename__ = "startup_founder"
    __table_args__ = (UniqueConstraint("startup_id", "person_id"),)

    startup_id: Mapped[ref_id] = mapped_column(ForeignKey("startup.id"), index=True)
    person_id: Mapped[ref_id] = mapped_column(ForeignKey("person.id"), index=True)


class StartupAction(Synced):
    """A support action for a startup (a mentoring session, a workshop, a financing file), on a date. It belongs to
    the startup's lead founder (`person_id`), whose campus follows the startup."""

    __tablename__ = "startup_action"

    startup_id: Mapped[ref_id] = mapped_column(ForeignKey("startup.id"), index=True)
    person_id: Mapped[ref_id] = mapped_column(ForeignKey("person.id"), index=True)
    done_on: Mapped[date]
    title: Mapped[str] = mapped_column(String(200))
    note: Mapped[str] = mapped_column(Text, default="")


class PreRegistration(Synced):
    """What a walk-in visitor typed at the kiosk, waiting for an advisor to turn it into a person's file.

    Holds personal data: it is scoped to its campus and erased with the person it became (person_id).
    """

    __tablename__ = "pre_registration"

    campus_id: Mapped[ref_id] = mapped_column(ForeignKey("campus.id"), index=True)
    first_name: Mapped[name_str]
    last_name: Mapped[name_str]
    birth_date: Mapped[date | None]
    phone: Mapped[str | None] = mapped_column(String(20))
    email: Mapped[str | None] = mapped_column(String(254))
    commune_insee: Mapped[str | None] = mapped_column(String(5))
    commune_other: Mapped[str | None] = mapped_column(String(200))
    job_families: Mapped[list[str]] = mapped_column(default=list)
    message: Mapped[str] = mapped_column(Text, default="")
    consent_text_version: Mapped[short_str]
    language: Mapped[str] = mapped_column(String(8), default="fr")  # the kiosk language the visitor used
    status: Mapped[e.PreRegistrationStatus] = mapped_column(default=e.PreRegistrationStatus.WAITING, index=True)
    person_id: Mapped[str | None] = mapped_column(ForeignKey("person.id"), index=True)
    #: set when the visitor signed up for an event at the kiosk: the advisor registers the person once known
    event_id: Mapped[str | None] = mapped_column(ForeignKey("event.id"), index=True)


class Visit(Synced):
    """A kiosk check-in: a queue ticket, why the visitor came, and whether they have been seen."""

    __tablename__ = "visit"

    campus_id: Mapped[ref_id] = mapped_column(ForeignKey("campus.id"), index=True)
    ticket: Mapped[str] = mapped_column(String(8))  # e.g. "A012", reset each day
    purpose: Mapped[e.VisitPurpose]
    arrived_at: Mapped[datetime] = mapped_column(index=True)
    status: Mapped[e.VisitStatus] = mapped_column(default=e.VisitStatus.WAITING)
    person_id: Mapped[str | None] = mapped_column(ForeignKey("person.id"), index=True)
    #: the appointment checked in for; no foreign key: a kiosk device records the check-in of an appointment it never
    #: holds (it knows it from its check-in index only)
    appointment_id: Mapped[str | None] = mapped_column(String(36))
    pre_registration_id: Mapped[str | None] = mapped_column(ForeignKey("pre_registration.id"))
    advisor_id: Mapped[str | None] = mapped_column(ForeignKey("app_user.id"))


class HqSetting(Synced):
    """One of HQ's settings every campus receives (`id` names it: gn_core.retention.SETTING_ID…; `value` as text)."""

    __tablename__ = "hq_setting"
    __person_attr__ = None

    value: Mapped[str] = mapped_column(String(200))


class AuditEvent(Synced):
    """One sensitive read or export (gn_core.domain.enums.AuditAction): who, on which device and campus, when, about
    which person (their id only) — never a name. Added in the same transaction as the read it records, pushed to HQ
    (where administrators read the trail), then removed from this PC once HQ holds it; never edited."""

    __tablename__ = "audit_event"
    __person_attr__ = None  # not part of the person's file: the trail outlives it (erasure keeps the event)
    __append_only__ = True
    __history__ = False

    at: Mapped[datetime]
    account_id: Mapped[str | None] = mapped_column(String(36))
    device_id: Mapped[str] = mapped_column(String(36))
    campus_id: Mapped[str] = mapped_column(String(36))
    action: Mapped[e.AuditAction]
    person_id: Mapped[str | None] = mapped_column(String(36))
    detail: Mapped[str | None] = mapped_column(String(200))


# --- Local-only bookkeeping -----------------------------------------------------------------------------------


class DeviceState(Base):
    """The single row describing this installation: its device identity, campus and clock high-water mark."""

    __tablename__ = "device_state"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, default=1)
    device_id: Mapped[str] = mapped_column(String(36))
    campus_id: Mapped[str | None] = mapped_column(String(36))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    hlc_last: Mapped[str] = mapped_column(String(64), default="")
    #: gn_core.sync_rules.DeviceRole as HQ enrolled this installation: an advisor's PC, or a kiosk
    role: Mapped[str] = mapped_column(String(16), default="campus_pc", server_default="campus_pc")
    #: a kiosk's mark in its queue tickets, given by HQ (unique among the campus's kiosks)
    ticket_prefix: Mapped[str | None] = mapped_column(String(2))


class CheckInEntry(Base):
    """One appointment a visitor may check in for at this kiosk (gn_core.checkin): keyed hashes, a first name, a time
    — nobody's file. Replaced from HQ at each sync of a kiosk device; `ticket` remembers a check-in already made."""

    __tablename__ = "checkin_entry"

    appointment_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    code_hash: Mapped[str | None] = mapped_column(String(64), index=True)
    name_hash: Mapped[str | None] = mapped_column(String(64), index=True)
    first_name: Mapped[str] = mapped_column(String(200))
    starts_at: Mapped[datetime] = mapped_column(index=True)
    ticket: Mapped[str | None] = mapped_column(String(8))


class ChangeLog(Base):
    """One entry per captured mutation, waiting to be pushed; deleted only once HQ acknowledges it.

    `seq` is SQLite AUTOINCREMENT: strictly increasing, never reused, assigned in the writing transaction, so it is
    the per-device sequence the protocol's idempotency rests on.
    """

    __tablename__ = "change_log"
    __table_args__ = (
        Index("ix_change_log_entity_record", "entity", "record_id"),
        {"sqlite_autoincrement": True},
    )

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    entity: Mapped[str] = mapped_column(String(40))
    record_id: Mapped[str] = mapped_column(String(36))
    person_id: Mapped[str | None] = mapped_column(String(36), index=True)
    op: Mapped[str] = mapped_column(String(8))
    fields: Mapped[dict[str, Any]] = mapped_column(JSON)
    base_version: Mapped[int]
    hlc: Mapped[str] = mapped_column(String(64))
    user_id: Mapped[str | None] = mapped_column(String(36))
    campus_id: Mapped[str | None] = mapped_column(String(36))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class HistoryEntry(Base):
    """The permanent history of every change to a record (who changed what, when), local or received from HQ."""

    __tablename__ = "history"
    __table_args__ = (
        Index("ix_history_entity_record", "entity", "record_id"),
        Index("ix_history_origin_hlc", "origin", "hlc"),  # the clock's high-water mark at start, without a scan
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    entity: Mapped[str] = mapped_column(String(40))
    record_id: Mapped[str] = mapped_column(String(36))
    person_id: Mapped[str | None] = mapped_column(String(36), index=True)
    op: Mapped[str] = mapped_column(String(8))
    fields: Mapped[dict[str, Any]] = mapped_column(JSON)
    user_id: Mapped[str | None] = mapped_column(String(36))
    device_id: Mapped[str | None] = mapped_column(String(36))
    campus_id: Mapped[str | None] = mapped_column(String(36))
    hlc: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(default=utcnow)
    origin: Mapped[str] = mapped_column(String(8), default="local")  # local | remote


class Tombstone(Base):
    """What remains of a deleted record: enough to refuse a late edit and to tell HQ it is gone."""

    __tablename__ = "tombstone"

    entity: Mapped[str] = mapped_column(String(40), primary_key=True)
    record_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    deleted_at: Mapped[datetime] = mapped_column(default=utcnow)
    hlc: Mapped[str] = mapped_column(String(64))
    erased: Mapped[bool] = mapped_column(Boolean, default=False)  # GDPR erasure rather than an ordinary delete


class IntakeDraft(Base):
    """An intake form as it is being typed, saved on every change so a crash or power cut loses nothing.

    Local only (never synced); deleted when the person is created or the advisor discards it.
    """

    __tablename__ = "intake_draft"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    user_id: Mapped[str | None] = mapped_column(String(36), index=True)
    pre_registration_id: Mapped[str | None] = mapped_column(String(36))
    data: Mapped[dict[str, Any]] = mapped_column(JSON)
    page: Mapped[int] = mapped_column(default=0)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)


class SignInThrottle(Base):
    """Failed sign-ins per username, so repeated failures slow further attempts down, across restarts."""

    __tablename__ = "sign_in_throttle"

    username: Mapped[str] = mapped_column(String(64), primary_key=True)
    failures: Mapped[int] = mapped_column(default=0)
    last_failure_at: Mapped[datetime | None]
    locked_until: Mapped[datetime | None]


class LocalSetting(Base):
    __tablename__ = "local_setting"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


SYNCED_MODELS: tuple[type[Synced], ...] = (
    Campus,
    User,
    Partner,
    Programme,
    ProgrammeSession,
    JobOffer,
    Event,
    Person,
    RqthDecision,
    Consent,
    PathwayEvent,
    Note,
    Appointment,
    Referral,
    EventRegistration,
    Startup,
    StartupFounder,
    StartupAction,
    PreRegistration,
    Visit,
    HqSetting,
    AuditEvent,
)
MODEL_BY_ENTITY: dict[str, type[Synced]] = {m.__tablename__: m for m in SYNCED_MODELS}


# --- Sync bookkeeping (local only; gn_desktop.sync) ------------------------------------------------------------


class SyncState(Base):
    """The single row of this installation's sync progress with HQ (the device token lives in the OS keyring).

    `cursor`/`until` are stored in the same transaction as the pulled page they follow, so an interrupted pull resumes
    exactly where it stopped; `install_id` is also kept in the keyring entry to detect a copied or restored database.
    """

    __tablename__ = "sync_state"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, default=1)
    server_url: Mapped[str | None] = mapped_column(String(500))
    install_id: Mapped[str | None] = mapped_column(String(36))
    campus_code: Mapped[str | None] = mapped_column(String(16))
    campus_name: Mapped[str | None] = mapped_column(String(200))
    epoch: Mapped[str | None] = mapped_column(String(64))
    cursor: Mapped[int] = mapped_column(default=0)
    until: Mapped[int | None]
    last_acked_seq: Mapped[int] = mapped_column(default=0)
    last_attempt_at: Mapped[datetime | None]
    last_success_at: Mapped[datetime | None]
    last_error: Mapped[str | None] = mapped_column(Text)
    needs_reenrol: Mapped[bool] = mapped_column(default=False)


class SyncSent(Base):
    """Changes HQ acknowledged (seq and record only), so that after an HQ restore the records are sent again."""

    __tablename__ = "sync_sent"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    entity: Mapped[str] = mapped_column(String(40))
    record_id: Mapped[str] = mapped_column(String(36), index=True)
    person_id: Mapped[str | None] = mapped_column(String(36), index=True)


class SyncRejection(Base):
    """A change HQ acknowledged but refused (erased person, append-only record…): shown to the user as a sync error."""

    __tablename__ = "sync_rejection"

    device_seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    entity: Mapped[str] = mapped_column(String(40))
    record_id: Mapped[str] = mapped_column(String(36))
    person_id: Mapped[str | None] = mapped_column(String(36), index=True)
    code: Mapped[str] = mapped_column(String(32))
    detail: Mapped[str] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(default=utcnow)


class SyncConflict(Base):
    """A conflict received from HQ (`gn_core.protocol.ConflictNotice`), for the conflicts inbox.

    `pending_choice`/`pending_value`: a decision taken on this campus while offline, sent at the next sync.
    """

    __tablename__ = "sync_conflict"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    seq: Mapped[int]
    entity: Mapped[str] = mapped_column(String(40))
    record_id: Mapped[str] = mapped_column(String(36), index=True)
    person_id: Mapped[str | None] = mapped_column(String(36), index=True)
    kind: Mapped[str] = mapped_column(String(8))
    field: Mapped[str | None] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(16), index=True)
    notice: Mapped[dict[str, Any]] = mapped_column(JSON)
    pending_choice: Mapped[str | None] = mapped_column(String(16))
    pending_value: Mapped[Any] = mapped_column(JSON, nullable=True)
    received_at: Mapped[datetime] = mapped_column(default=utcnow)


class SyncSetAside(Base):
    """A record received from HQ that this PC could not store (a value or a rule this version does not know), kept
    with why: shown on the Synchronisation page, reported to HQ, tried again at each pull. The pull goes on without
    it: one record never stops a campus's sync."""

    __tablename__ = "sync_set_aside"

    entity: Mapped[str] = mapped_column(String(40), primary_key=True)
    record_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    person_id: Mapped[str | None] = mapped_column(String(64), index=True)
    version: Mapped[int]
    seq: Mapped[int]
    hlc: Mapped[str | None] = mapped_column(String(100))
    data: Mapped[str] = mapped_column(Text)  # the record as received (JSON), to try again
    reason: Mapped[str] = mapped_column(Text)  # French, without any value of the record
    set_aside_at: Mapped[datetime] = mapped_column(default=utcnow)


class PendingShare(Base):
    """A person this campus follows, to share with another campus (decided here, with the person's consent): HQ
    grants the other campus access at the next sync (`POST /v1/people/{id}/shares`)."""

    __tablename__ = "pending_share"

    person_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    campus_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    user_id: Mapped[str | None] = mapped_column(String(36))
    requested_at: Mapped[datetime] = mapped_column(default=utcnow)


class PendingErasure(Base):
    """An erasure decided on this campus (already applied here), to request from HQ at the next sync."""

    __tablename__ = "pending_erasure"

    person_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    reason: Mapped[str] = mapped_column(Text)
    user_id: Mapped[str | None] = mapped_column(String(36))
    requested_at: Mapped[datetime] = mapped_column(default=utcnow)
