"""The catalogue's forms: a partner (with its contact), a programme, a session, a job offer, an event — to create one
of this campus or correct it. Pickers list entries that are not archived. Threading: main thread only.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from PySide6.QtCore import QDate, QDateTime, QEvent, QTime
from PySide6.QtWidgets import QCheckBox, QComboBox, QDateTimeEdit, QLineEdit, QPlainTextEdit, QSpinBox, QWidget

from gn_core.domain import enums as e
from gn_core.domain.validation import format_phone
from gn_desktop.services import catalogue as cat
from gn_desktop.services.events import EventForm, EventView, save_event
from gn_desktop.views.catalogue.forms import ChecksList, DateField, EntryDialog, choice_combo, commune_combo, set_combo
from gn_desktop.views.tasks import TaskRunner


def _line(name: str, text: str | None = "") -> QLineEdit:
    edit = QLineEdit(text or "")
    edit.setObjectName(name)
    return edit


def _text(name: str, text: str = "") -> QPlainTextEdit:
    edit = QPlainTextEdit(text)
    edit.setObjectName(name)
    edit.setMaximumHeight(70)
    return edit


def _picker(name: str, items: Sequence[tuple[str, str]], current: str | None) -> QComboBox:
    combo = QComboBox()
    combo.setObjectName(name)
    combo.addItem("—", None)
    for key, text in items:
        combo.addItem(text, key)
    set_combo(combo, current)
    return combo


class _Translated(EntryDialog):
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        raise NotImplementedError


class PartnerDialog(_Translated):
    def __init__(self, runner: TaskRunner, row: cat.PartnerRow | None, parent: QWidget | None = None) -> None:
        super().__init__(runner, "partner-dialog", row.id if row else None, parent)
        f = row.form if row else cat.PartnerForm("", e.PartnerKind.TRAINING_ORGANISATION)
        self.name = _line("partner-name", f.name)
        self.kind = choice_combo("partner-kind", e.PartnerKind)
        set_combo(self.kind, f.kind)
        self.commune = commune_combo("partner-commune")
        set_combo(self.commune, f.commune_insee)
        self.phone = _line("partner-phone", format_phone(f.phone))
        self.email = _line("partner-email", f.email)
        self.website = _line("partner-website", f.website)
        self.contact_name = _line("partner-contact-name", f.contact_name)
        self.contact_phone = _line("partner-contact-phone", format_phone(f.contact_phone))
        self.contact_email = _line("partner-contact-email", f.contact_email)
        self.job_families = ChecksList("partner-job-families", e.JobFamily, rows=3)
        self.job_families.set_values(f.job_families)
        self.committed = QCheckBox()
        self.committed.setObjectName("partner-committed")
        self.committed.setChecked(f.committed_to_hire)
        for field, widget in (
            ("name", self.name), ("kind", self.kind), ("commune_insee", self.commune), ("phone", self.phone),
            ("email", self.email), ("website", self.website), ("contact_name", self.contact_name),
            ("contact_phone", self.contact_phone), ("contact_email", self.contact_email),
            ("job_families", self.job_families), ("committed_to_hire", self.committed),
        ):  # fmt: skip
            self.add_field(field, widget)
        self.retranslate()

    def form_values(self) -> cat.PartnerForm:
        return cat.PartnerForm(
            self.name.text(), str(self.kind.currentData()), self.commune.currentData(), self.website.text(),
            self.email.text(), self.phone.text(), self.contact_name.text(), self.contact_email.text(),
            self.contact_phone.text(), self.job_families.values(), self.committed.isChecked(),
        )  # fmt: skip

    def save_call(self) -> tuple[Callable[..., Any], Sequence[Any]]:
        return cat.save_partner, (self.form_values(), self.record_id)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Partner"))
        self.title.setText(self.tr("Correct a partner") if self.record_id else self.tr("New partner"))
        self.committed.setText(self.tr("This employer has committed to hire"))
        self.set_labels(
            {
                "name": self.tr("&Name"),
                "kind": self.tr("&Kind"),
                "commune_insee": self.tr("Co&mmune"),
                "phone": self.tr("Switch&board"),
                "email": self.tr("&E-mail"),
                "website": self.tr("&Website"),
                "contact_name": self.tr("C&ontact person"),
                "contact_phone": self.tr("Contact's p&hone"),
                "contact_email": self.tr("Contact's e-ma&il"),
                "job_families": self.tr("&Job families"),
                "committed_to_hire": self.tr("Commitment"),
            }
        )


class ProgrammeDialog(_Translated):
    def __init__(
        self,
        runner: TaskRunner,
        data: cat.CatalogueData,
        row: cat.ProgrammeRow | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(runner, "programme-dialog", row.id if row else None, parent)
        f = row.form if row else cat.ProgrammeForm("", "", e.JobFamily.DEVELOPMENT, 12)
        schools = [
            (p.id, p.form.name)
            for p in data.partners
            if p.form.kind == e.PartnerKind.TRAINING_ORGANISATION and (not p.archived or p.id == f.partner_id)
        ]
        self.partner = _picker("programme-partner", schools, f.partner_id)
        self.title_edit = _line("programme-title", f.title)
        self.job_family = choice_combo("programme-job-family", e.JobFamily)
        set_combo(self.job_family, f.job_family)
        self.weeks = QSpinBox()
        self.weeks.setObjectName("programme-weeks")
        self.weeks.setRange(0, 200)
        self.weeks.setValue(f.duration_weeks)
        self.level = choice_combo("programme-level", e.EducationLevel, empty=True)
        set_combo(self.level, f.min_education_level)
        self.funding = ChecksList("programme-funding", e.FundingSource, rows=3)
        self.funding.set_values(f.funding)
        self.certification = _line("programme-certification", f.certification)
        self.description = _text("programme-description", f.description)
        for field, widget in (
            ("partner_id", self.partner), ("title", self.title_edit), ("job_family", self.job_family),
            ("duration_weeks", self.weeks), ("min_education_level", self.level), ("funding", self.funding),
            ("certification", self.certification), ("description", self.description),
        ):  # fmt: skip
            self.add_field(field, widget)
        self._prerequisites = f.prerequisites
        self.retranslate()

    def save_call(self) -> tuple[Callable[..., Any], Sequence[Any]]:
        form = cat.ProgrammeForm(
            self.partner.currentData() or "", self.title_edit.text(), str(self.job_family.currentData()),
            self.weeks.value(), self.level.currentData(), self.funding.values(), self.certification.text(),
            self._prerequisites, self.description.toPlainText(),
        )  # fmt: skip
        return cat.save_programme, (form, self.record_id)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Programme"))
        self.title.setText(self.tr("Correct a programme") if self.record_id else self.tr("New programme"))
        self.weeks.setSuffix(self.tr(" weeks"))
        self.set_labels(
            {
                "partner_id": self.tr("Training &organisation"),
                "title": self.tr("&Title"),
                "job_family": self.tr("&Job family"),
                "duration_weeks": self.tr("&Length"),
                "min_education_level": self.tr("Le&vel required"),
                "funding": self.tr("&Funding"),
                "certification": self.tr("&Certification"),
                "description": self.tr("&Description"),
            }
        )


class SessionDialog(_Translated):
    def __init__(
        self,
        runner: TaskRunner,
        data: cat.CatalogueData,
        row: cat.SessionRow | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(runner, "session-dialog", row.id if row else None, parent)
        f = row.form if row else cat.SessionForm("", None, None, 12)
        programmes = [(p.id, p.form.title) for p in data.programmes if not p.archived or p.id == f.programme_id]
        self.programme = _picker("session-programme", programmes, f.programme_id)
        self.starts = DateField("session-starts")
        self.starts.set_value(f.starts_on)
        self.ends = DateField("session-ends")
        self.ends.set_value(f.ends_on)
        self.capacity = QSpinBox()
        self.capacity.setObjectName("session-capacity")
        self.capacity.setRange(0, 500)
        self.capacity.setValue(f.capacity)
        self.place = _line("session-place", f.place)
        for field, widget in (
            ("programme_id", self.programme), ("starts_on", self.starts), ("ends_on", self.ends),
            ("capacity", self.capacity), ("place", self.place),
        ):  # fmt: skip
            self.add_field(field, widget)
        self.retranslate()

    def save_call(self) -> tuple[Callable[..., Any], Sequence[Any]]:
        form = cat.SessionForm(
            self.programme.currentData() or "", self.starts.value(), self.ends.value(), self.capacity.value(),
            self.place.text(),
        )  # fmt: skip
        return cat.save_session, (form, self.record_id)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Training session"))
        self.title.setText(self.tr("Correct a session") if self.record_id else self.tr("New training session"))
        self.set_labels(
            {
                "programme_id": self.tr("&Programme"),
                "starts_on": self.tr("&Starts on"),
                "ends_on": self.tr("&Ends on"),
                "capacity": self.tr("&Capacity"),
                "place": self.tr("P&lace"),
            }
        )


class OfferDialog(_Translated):
    def __init__(
        self,
        runner: TaskRunner,
        data: cat.CatalogueData,
        row: cat.OfferRow | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(runner, "offer-dialog", row.id if row else None, parent)
        f = row.form if row else cat.OfferForm("", "", e.JobFamily.DEVELOPMENT, e.ContractType.CDI, None)
        employers = [
            (p.id, p.form.name)
            for p in data.partners
            if p.form.kind == e.PartnerKind.EMPLOYER and (not p.archived or p.id == f.partner_id)
        ]
        self.partner = _picker("offer-partner", employers, f.partner_id)
        self.title_edit = _line("offer-title", f.title)
        self.job_family = choice_combo("offer-job-family", e.JobFamily)
        set_combo(self.job_family, f.job_family)
        self.contract = choice_combo("offer-contract", e.ContractType)
        set_combo(self.contract, f.contract_type)
        self.posted = DateField("offer-posted")
        self.posted.set_value(f.posted_on)
        self.closes = DateField("offer-closes", optional=True)
        self.closes.set_value(f.closes_on)
        self.commune = commune_combo("offer-commune")
        set_combo(self.commune, f.commune_insee)
        self.is_open = QCheckBox()
        self.is_open.setObjectName("offer-open")
        self.is_open.setChecked(f.is_open)
        self.description = _text("offer-description", f.description)
        for field, widget in (
            ("partner_id", self.partner), ("title", self.title_edit), ("job_family", self.job_family),
            ("contract_type", self.contract), ("posted_on", self.posted), ("closes_on", self.closes),
            ("commune_insee", self.commune), ("is_open", self.is_open), ("description", self.description),
        ):  # fmt: skip
            self.add_field(field, widget)
        self.retranslate()

    def save_call(self) -> tuple[Callable[..., Any], Sequence[Any]]:
        form = cat.OfferForm(
            self.partner.currentData() or "", self.title_edit.text(), str(self.job_family.currentData()),
            str(self.contract.currentData()), self.posted.value(), self.closes.value(), self.commune.currentData(),
            self.description.toPlainText(), self.is_open.isChecked(),
        )  # fmt: skip
        return cat.save_offer, (form, self.record_id)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Job offer"))
        self.title.setText(self.tr("Correct a job offer") if self.record_id else self.tr("New job offer"))
        self.is_open.setText(self.tr("Open: candidates can still be referred"))
        self.closes.present.setText(self.tr("Closing date:"))
        self.set_labels(
            {
                "partner_id": self.tr("&Employer"),
                "title": self.tr("&Job title"),
                "job_family": self.tr("Job &family"),
                "contract_type": self.tr("&Contract"),
                "posted_on": self.tr("&Posted on"),
                "closes_on": self.tr("C&loses"),
                "commune_insee": self.tr("Co&mmune"),
                "is_open": self.tr("&Status"),
                "description": self.tr("&Description"),
            }
        )


def _datetime_edit(name: str, moment: datetime) -> QDateTimeEdit:
    edit = QDateTimeEdit()
    edit.setObjectName(name)
    edit.setCalendarPopup(True)
    local = moment.astimezone()
    edit.setDateTime(QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute)))
    return edit


def _aware(edit: QDateTimeEdit) -> datetime:
    """The UTC instant of the local time chosen."""
    d, t = edit.date(), edit.time()
    return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute()).astimezone().astimezone(UTC)


class EventDialog(_Translated):
    """An event or outreach action of this campus: kind, dates, audiences from the closed list, capacity."""

    def __init__(self, runner: TaskRunner, event: EventView | None, parent: QWidget | None = None) -> None:
        super().__init__(runner, "event-dialog", event.id if event else None, parent)
        start = datetime.combine(date.today() + timedelta(days=14), time(14, 0)).astimezone()
        f = event.form() if event else EventForm("", e.EventKind.INFO_SESSION, start, start + timedelta(hours=2))
        self.title_edit = _line("event-title", f.title)
        self.kind = choice_combo("event-kind", e.EventKind)
        set_combo(self.kind, f.kind)
        self.starts = _datetime_edit("event-starts", f.starts_at)
        self.ends = _datetime_edit("event-ends", f.ends_at)
        self.capacity = QSpinBox()
        self.capacity.setObjectName("event-capacity")
        self.capacity.setRange(0, 5000)
        self.capacity.setValue(f.capacity or 0)
        self.audiences = ChecksList("event-audiences", e.Audience, rows=4)
        self.audiences.set_values(f.audiences)
        self.audience = _line("event-audience", f.audience)
        self.description = _text("event-description", f.description)
        for field, widget in (
            ("title", self.title_edit), ("kind", self.kind), ("starts_at", self.starts), ("ends_at", self.ends),
            ("capacity", self.capacity), ("audiences", self.audiences), ("audience", self.audience),
            ("description", self.description),
        ):  # fmt: skip
            self.add_field(field, widget)
        self.retranslate()

    def save_call(self) -> tuple[Callable[..., Any], Sequence[Any]]:
        form = EventForm(
            self.title_edit.text(), str(self.kind.currentData()), _aware(self.starts), _aware(self.ends),
            self.capacity.value() or None, self.audiences.values(), self.audience.text(),
            self.description.toPlainText(),
        )  # fmt: skip
        return save_event, (form, self.record_id)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Event"))
        self.title.setText(self.tr("Correct an event") if self.record_id else self.tr("New event or outreach action"))
        self.capacity.setSpecialValueText(self.tr("open access"))
        self.set_labels(
            {
                "title": self.tr("&Title"),
                "kind": self.tr("&Kind"),
                "starts_at": self.tr("&Starts"),
                "ends_at": self.tr("&Ends"),
                "capacity": self.tr("&Places"),
                "audiences": self.tr("&Audiences"),
                "audience": self.tr("In &words"),
                "description": self.tr("&Description"),
            }
        )
