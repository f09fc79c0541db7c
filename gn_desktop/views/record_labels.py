"""What the advisor reads for a kind of record or a field of one, wherever records are listed by name: a person's
history, the conflicts inbox. One translated list (context `RecordLabels`), so both say the same thing."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Any

from PySide6.QtCore import QObject

from gn_core.domain import enums as e
from gn_core.domain.labels import label
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


class RecordLabels(QObject):
    """Translated names of record kinds (`entity`) and fields; build one when the language may have changed."""

    def entity(self, entity: str) -> str:
        return self._entities().get(entity, entity)

    def field(self, field: str) -> str | None:
        """The field's name, or None for a field the advisor has no word for (ids, derived columns)."""
        return self._fields().get(field)

    def value(self, value: Any) -> str:
        """A stored value as the advisor reads it: codes by their label, dates as dd/mm/yyyy, yes/no, lists joined."""
        if value is None or value == "" or value == []:
            return "—"
        if isinstance(value, bool):
            return self.tr("yes") if value else self.tr("no")
        if isinstance(value, list):
            return ", ".join(self.value(v) for v in value)
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

    def _entities(self) -> dict[str, str]:
        return {
            "person": self.tr("Identity"),
            "consent": self.tr("Consent"),
            "pathway_event": self.tr("Pathway"),
            "note": self.tr("Note"),
            "appointment": self.tr("Appointment"),
            "referral": self.tr("Referral"),
            "rqth_decision": self.tr("RQTH"),
            "event_registration": self.tr("Event registration"),
            "startup": self.tr("Business"),
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
        }
