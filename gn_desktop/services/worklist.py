"""The follow-up worklist ("Suivis à faire" on the home page): who needs the advisors' attention, and why.

At this campus, for people whose pathway is not finished and whose follow-up is not snoozed (`FollowUpRules`,
configurable), in this order — a person shows once, for the first rule that applies:
* a **missed appointment** in the last `missed_within_days` days (30), with no contact since and no appointment
  booked, held or waiting after it;
* a training session (accepted referral) **ending** within `training_ending_days` days (14);
* **no outcome** `no_outcome_months` months (3) after the end of their training session;
* **no contact** for `no_contact_days` days (30).

An item is done once the person was in contact since it became due: `mark_done` records a contact today (any note,
a pathway move or an appointment held does too). `snooze` leaves the person out of the worklist until a date
(`person.follow_up_snoozed_until`, synced: every PC of the campus shows the same list).

Plain data out (no Qt); runs on the task runner's worker thread.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, tzinfo
from enum import StrEnum
from typing import Any

from sqlalchemy import and_, func, or_, select

from gn_core.domain import enums as e
from gn_core.domain.errors import FieldError, InvalidInput
from gn_core.domain.pathway import OUTCOMES
from gn_desktop.services.common import get_or_fail
from gn_desktop.services.dashboard import day_bounds
from gn_desktop.store import models as m
from gn_desktop.store.uow import UnitOfWork

#: how many rows of each reason are sent to the home page (the counts cover everyone)
LIST_LIMIT = 200
#: the latest day a follow-up can be snoozed to, in days from today
MAX_SNOOZE_DAYS = 366


@dataclass(frozen=True, slots=True)
class FollowUpRules:
    no_contact_days: int = 30
    training_ending_days: int = 14
    no_outcome_months: int = 3
    missed_within_days: int = 30


class DueReason(StrEnum):
    MISSED_APPOINTMENT = "missed_appointment"
    TRAINING_ENDING = "training_ending"
    NO_OUTCOME = "no_outcome"
    NO_CONTACT = "no_contact"


@dataclass(frozen=True, slots=True)
class DueItem:
    person_id: str
    person_name: str
    reason: DueReason
    on: date | None  # the missed appointment's day, the training's end, the last contact


@dataclass(frozen=True, slots=True)
class Worklist:
    """The items (at most `LIST_LIMIT` per reason, in the rules' order) and how many people each reason holds."""

    items: list[DueItem] = field(default_factory=list)
    counts: dict[DueReason, int] = field(default_factory=dict)


def minus_months(day: date, months: int) -> date:
    """The same day `months` months earlier (the month's last day when it has no such day)."""
    month = day.month - months
    year = day.year + (month - 1) // 12
    month = (month - 1) % 12 + 1
    for d in (day.day, 30, 29, 28):
        try:
            return date(year, month, d)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def _plus_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for d in (day.day, 30, 29, 28):
        try:
            return date(year, month, d)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def _name(first: str, last: str) -> str:
    return f"{first} {last}"


#: a candidate of a rule: (person id, first name, last name, the rule's date, the day it became due, last contact)
_Candidate = tuple[str, str, str, date, date, date]


class _Builder:
    """Assigns each person to the first rule that applies, counting people per reason."""

    def __init__(self, no_contact_limit: date) -> None:
        self.no_contact_limit = no_contact_limit
        self.items: list[DueItem] = []
        self.counts: dict[DueReason, int] = {}
        self.seen: set[str] = set()
        self.overlap_no_contact = 0  # people listed for an earlier reason who also have had no contact for long

    def add(self, reason: DueReason, candidates: Iterable[_Candidate]) -> None:
        count = 0
        for pid, first, last, on, due_since, last_contact in candidates:
            if pid in self.seen or last_contact >= due_since:
                continue  # listed already, or in contact since it became due
            self.seen.add(pid)
            count += 1
            if last_contact <= self.no_contact_limit:
                self.overlap_no_contact += 1
            if count <= LIST_LIMIT:
                self.items.append(DueItem(pid, _name(first, last), reason, on))
        self.counts[reason] = count


def _last_contact() -> Any:
    return func.coalesce(m.Person.last_contact_on, m.Person.enrolled_on)


def _open_here(uow: UnitOfWork, day: date, *, campus_index: bool = True) -> list[Any]:
    """People of this campus whose pathway is open and whose follow-up is not snoozed on `day`.

    `campus_index=False` keeps SQLite off the campus index (`campus_id || ''`): a campus holds nearly everyone it
    stores, and a query that also picks pathway steps should start from the step index (SQLite keeps no statistics
    to know it)."""
    snoozed = m.Person.follow_up_snoozed_until
    conditions: list[Any] = [
        m.Person.pathway_step.not_in(list(OUTCOMES)),
        or_(snoozed.is_(None), snoozed <= day),
    ]
    if uow.campus_id:
        campus = m.Person.campus_id if campus_index else m.Person.campus_id + ""
        conditions.append(campus == uow.campus_id)
    return conditions


def _missed(uow: UnitOfWork, day: date, rules: FollowUpRules, tz: tzinfo | None) -> list[_Candidate]:
    start, _ = day_bounds(day - timedelta(days=rules.missed_within_days), tz)
    _, end = day_bounds(day, tz)
    later = m.Appointment.__table__.alias("later")
    booked_after = (
        select(later.c.id)
        .where(
            later.c.person_id == m.Appointment.person_id,
            later.c.starts_at > m.Appointment.starts_at,
            later.c.status.in_(
                [e.AppointmentStatus.PLANNED.value, e.AppointmentStatus.ARRIVED.value, e.AppointmentStatus.DONE.value]
            ),
        )
        .exists()
    )
    rows = uow.session.execute(
        select(m.Person.id, m.Person.first_name, m.Person.last_name, m.Appointment.starts_at, _last_contact())
        .join(m.Appointment, m.Appointment.person_id == m.Person.id)
        .where(
            m.Appointment.status == e.AppointmentStatus.MISSED,
            m.Appointment.starts_at >= start,
            m.Appointment.starts_at < end,
            ~booked_after,
            *_open_here(uow, day),
        )
        .order_by(m.Appointment.starts_at.desc())
    ).all()
    out: list[_Candidate] = []
    for pid, first, last, starts_at, contact in rows:
        missed_on = _local_day(starts_at, tz)
        out.append((pid, first, last, missed_on, missed_on, contact))
    return out


def _local_day(moment: datetime, tz: tzinfo | None) -> date:
    return moment.astimezone(tz).date()


def _training(uow: UnitOfWork, day: date, rules: FollowUpRules) -> tuple[list[_Candidate], list[_Candidate]]:
    """Training sessions ending soon, and ended long ago with no outcome (accepted referrals)."""
    session_q = (
        select(m.Person.id, m.Person.first_name, m.Person.last_name, m.ProgrammeSession.ends_on, _last_contact())
        .join(m.Referral, m.Referral.person_id == m.Person.id)
        .join(m.ProgrammeSession, m.ProgrammeSession.id == m.Referral.programme_session_id)
        .where(m.Referral.status == e.ReferralStatus.ACCEPTED, *_open_here(uow, day, campus_index=False))
    )
    window = timedelta(days=rules.training_ending_days)
    ending = uow.session.execute(
        session_q.where(
            m.Person.pathway_step.in_([e.PathwayStep.TRAINING_ENROLLED, e.PathwayStep.TRAINING_IN_PROGRESS]),
            m.ProgrammeSession.ends_on >= day,
            m.ProgrammeSession.ends_on <= day + window,
        ).order_by(m.ProgrammeSession.ends_on)
    ).all()
    no_outcome = uow.session.execute(
        session_q.where(
            m.Person.pathway_step.in_([e.PathwayStep.TRAINING_COMPLETED, e.PathwayStep.JOB_SEARCH]),
            m.ProgrammeSession.ends_on <= minus_months(day, rules.no_outcome_months),
        ).order_by(m.ProgrammeSession.ends_on)
    ).all()
    return (
        [(pid, f, la, ends, ends - window, contact) for pid, f, la, ends, contact in ending],
        [
            (pid, f, la, ends, _plus_months(ends, rules.no_outcome_months), contact)
            for pid, f, la, ends, contact in no_outcome
        ],
    )


def due(uow: UnitOfWork, day: date, rules: FollowUpRules | None = None, tz: tzinfo | None = None) -> Worklist:
    """The worklist of this device's campus on `day` (`tz`: the campus's time zone, local if None)."""
    rules = rules or FollowUpRules()
    limit_day = day - timedelta(days=rules.no_contact_days)
    build = _Builder(limit_day)
    build.add(DueReason.MISSED_APPOINTMENT, _missed(uow, day, rules, tz))
    ending, no_outcome = _training(uow, day, rules)
    build.add(DueReason.TRAINING_ENDING, ending)
    build.add(DueReason.NO_OUTCOME, no_outcome)

    # No contact for a while: counted in SQL (everyone), listed up to the limit, each person once
    contact_where = and_(_last_contact() <= limit_day, *_open_here(uow, day))
    total = uow.session.scalar(select(func.count(m.Person.id)).where(contact_where)) or 0
    build.counts[DueReason.NO_CONTACT] = total - build.overlap_no_contact
    rows = uow.session.execute(
        select(m.Person.id, m.Person.first_name, m.Person.last_name, _last_contact())
        .where(contact_where)
        .order_by(_last_contact(), m.Person.id)
        .limit(LIST_LIMIT + len(build.seen))
    ).all()
    listed = 0
    for pid, first, last, when in rows:
        if pid not in build.seen and listed < LIST_LIMIT:
            listed += 1
            build.items.append(DueItem(pid, _name(first, last), DueReason.NO_CONTACT, when))
    return Worklist(build.items, build.counts)


def mark_done(uow: UnitOfWork, person_id: str, today: date | None = None) -> None:
    """The advisor followed the person up: a contact today (the item leaves the worklist)."""
    person = get_or_fail(uow, m.Person, person_id)
    day = today or date.today()
    person.last_contact_on = max(person.last_contact_on or day, day)
    uow.session.flush()


def snooze(uow: UnitOfWork, person_id: str, until: date, today: date | None = None) -> None:
    """Leave the person out of the worklist until `until` (they come back that day)."""
    person = get_or_fail(uow, m.Person, person_id)
    day = today or date.today()
    if until <= day:
        raise InvalidInput([FieldError("until", "Reporter au : choisissez une date à venir.")])
    if until > day + timedelta(days=MAX_SNOOZE_DAYS):
        raise InvalidInput([FieldError("until", "Reporter au : choisissez une date dans les douze prochains mois.")])
    person.follow_up_snoozed_until = until
    uow.session.flush()
