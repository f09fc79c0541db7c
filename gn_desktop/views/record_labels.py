"""What the advisor reads for a kind of record or a field of one, wherever records are listed by name: a person's
history, the conflicts inbox. One translated list (context `RecordLabels`), so both say the same thing."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Any

from PySide6.QtCore import QObject

from gn_core.domain import enums as e
from gn_core.domain.labels import label
from gn_core.domain.reference import COMMUNES_BY_INSEE
from gn_core.domain.validation import format_phone
from gn_desktop.views.common import fmt_date, fmt_datetime
from gn_desktop.views.i18n import current_language

# codes shown by their label (other strings are shown as they are, ISO dates as dates)
_VOCABULARIES: tuple[type[StrEnum], ...] = (
    e.PathwayStep,
    e.ReferralStatus,
    e.AppointmentStatus,
    e.ConsentPurpose,
    e.LegalBasis,
)
# the vocabulary of a field, where its name says it (a code means one thing in it: "other" is a situation here)
_FIELD_VOCABULARIES: dict[str, type[StrEnum]] = {
    "gender": e.Gender,
    "situation": e.Situation,
    "education_level": e.EducationLevel,
    "benefits": e.Benefit,
    "barriers": e.BarrierTheme,
    "job_families": e.JobFamily,
    "job_family": e.JobFamily,
    "referral_source": e.ReferralSource,
    "pathway_step": e.PathwayStep,
    "from_step": e.PathwayStep,
    "to_step": e.PathwayStep,
    "contract_type": e.ContractType,
    "exit_reason": e.ExitReason,
    "purpose": e.ConsentPurpose,
    "legal_basis": e.LegalBasis,
    "stage": e.StartupStage,
}


class RecordLabels(QObject):
    """Translated names of record kinds (`entity`) and fields; build one when the language may have changed."""

    def entity(self, entity: str) -> str:
        return self._entities().get(entity, entity)

    def field(self, field: str) -> str | None:
        """The field's name, or None for a field the advisor has no word for (ids, derived columns)."""
        return self._fields().get(field)

    def value(self, value: Any, field: str | None = None) -> str:
        """A stored value as the advisor reads it: codes by their label, dates as dd/mm/yyyy, yes/no, lists joined.

        `field`, when known, says more: a phone number as people read it, a commune by its name, a code by the label
        of its field's vocabulary."""
        if value is None or value == "" or value == []:
            return "—"
        if isinstance(value, bool):
            return self.tr("yes") if value else self.tr("no")
        if isinstance(value, list):
            return ", ".join(self.value(v, field) for v in value)
        if isinstance(value, str) and field is not None:
            known = self._field_value(value, field)
            if known is not None:
                return known
        if isinstance(value, str):
            lang = current_language()
            for vocab in _VOCABULARIES:
                try:
                    return label(vocab(value), lang)
                except ValueError:
                    continue
            try:
                if len(value) == 10:
                    return fmt_date(date.fromisoformat(value))
                if len(value) > 18 and value[10] == "T":
                    return fmt_datetime(datetime.fromisoformat(value))
            except ValueError:
                pass
            return value
        return str(value)

    def _field_value(self, value: str, field: str) -> str | None:
        if field == "phone":
            return format_phone(value)
        if field == "commune_insee" and value in COMMUNES_BY_INSEE:
            return COMMUNES_BY_INSEE[value].name
        vocab = _FIELD_VOCABULARIES.get(field)
        if vocab is not None:
            try:
                return label(vocab(value), current_language())
            except ValueError:
                return None
        return None

    def _entities(self) -> dict[str, str]:
        return {
            "person": self.tr("Person's file"),
            "consent": self.tr("Consent"),
            "pathway_event": self.tr("Pathway"),
            "note": self.tr("Note"),
            "appointment": self.tr("Appointment"),
            "referral": self.tr("Referral"),
            "rqth_decision": self.tr("RQTH"),
            "event_registration": self.tr("Event registration"),
            "startup": self.tr("Business"),
            "startup_founder": self.tr("Business founder"),
            "startup_action": self.tr("Business support action"),
            "pre_registration": self.tr("Kiosk pre-registration"),
            "visit": self.tr("Kiosk visit"),
            "partner": self.tr("Partner"),
            "programme": self.tr("Programme"),
            "programme_session": self.tr("Training session"),
            "job_offer": self.tr("Job offer"),
            "event": self.tr("Event"),
            "app_user": self.tr("User account"),
            "campus": self.tr("Campus"),
        }

    def _fields(self) -> dict[str, str]:
        return {
            "first_name": self.tr("First name"),
            "last_name": self.tr("Last name"),
            "birth_date": self.tr("Date of birth"),
            "gender": self.tr("Gender"),
            "phone": self.tr("Phone"),
            "email": self.tr("E-mail"),
            "commune_insee": self.tr("Commune"),
            "commune_other": self.tr("Other commune"),
            "situation": self.tr("Situation"),
            "france_travail_id": self.tr("France Travail ID"),
            "education_level": self.tr("Education level"),
            "benefits": self.tr("Benefits"),
            "barriers": self.tr("Barriers"),
            "job_families": self.tr("Job families"),
            "referral_source": self.tr("Referred by"),
            "campus_id": self.tr("Campus following the person"),
            "advisor_id": self.tr("Advisor"),
            "pathway_step": self.tr("Pathway step"),
            "pathway_since": self.tr("In this step since"),
            "last_contact_on": self.tr("Last contact"),
            "follow_up_snoozed_until": self.tr("Follow-up snoozed until"),
            "decided_on": self.tr("Decision date"),
            "valid_from": self.tr("Valid from"),
            "valid_until": self.tr("Valid until"),
            "given_on": self.tr("Given on"),
            "withdrawn_on": self.tr("Withdrawn on"),
            "starts_at": self.tr("Date and time"),
            "status": self.tr("Status"),
            "subject": self.tr("Subject"),
            "duration_min": self.tr("Duration (minutes)"),
            "from_step": self.tr("Previous step"),
            "to_step": self.tr("New step"),
            "occurred_on": self.tr("Date"),
            "contract_type": self.tr("Contract"),
            "employer_name": self.tr("Employer"),
            "contract_start": self.tr("Contract start"),
            "siret": self.tr("SIRET"),
            "business_created_on": self.tr("Business created on"),
            "exit_reason": self.tr("Reason for leaving"),
            "comment": self.tr("Comment"),
            "body": self.tr("Text"),
            "restricted": self.tr("Restricted"),
            "referred_on": self.tr("Referred on"),
            "purpose": self.tr("Purpose"),
            "legal_basis": self.tr("Legal basis"),
            "text_version": self.tr("Text version"),
            "name": self.tr("Name"),
            "stage": self.tr("Stage"),
            "zfu_zone": self.tr("ZFU zone"),
            "mentor_name": self.tr("Mentor"),
            "created_on": self.tr("Created on"),
            "job_family": self.tr("Job family"),
            "enrolled_on": self.tr("Enrolled on"),
            "author_id": self.tr("Author"),
            "programme_session_id": self.tr("Training session"),
            "job_offer_id": self.tr("Job offer"),
            "employer_partner_id": self.tr("Employer (partner)"),
            "event_id": self.tr("Event"),
            "code": self.tr("Appointment code"),
            "message": self.tr("Message"),
            "consent_text_version": self.tr("Consent text version"),
            "language": self.tr("Language"),
            "ticket": self.tr("Ticket"),
            "arrived_at": self.tr("Arrived at"),
            "appointment_id": self.tr("Appointment"),
            "pre_registration_id": self.tr("Kiosk pre-registration"),
            "created_at": self.tr("Created on"),
            "updated_at": self.tr("Last changed on"),
            "partner_id": self.tr("Structure"),
            "startup_id": self.tr("Business"),
            "person_id": self.tr("Person"),
            "address": self.tr("Address"),
            "sector": self.tr("Sector"),
            "done_on": self.tr("Date"),
            "title": self.tr("Title"),
            "note": self.tr("Note"),
        }
