"""Limited retention, campus side: which files of this campus HQ will soon anonymise, for the advisors' worklist.

HQ anonymises a file `months` months after the person's last contact (gn_core.retention: the definition of "last
contact", the default of 24 months; HQ's setting reaches every PC as the `hq_setting` record `retention_months`).
From `WARNING_DAYS` days before, the file shows on the home page's worklist — "Dossier anonymisé le JJ/MM/AAAA sans
nouveau contact" — until a new contact moves the date, or HQ anonymises it.

The last contact is computed here by one SQL query over the store, the same definition as
`gn_core.retention.last_contact` (a property test holds them equal). Plain data out; no Qt.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import text

from gn_core import retention as rules
from gn_desktop.store import models as m
from gn_desktop.store.uow import UnitOfWork

#: how many files the worklist lists (the count covers them all)
LIST_LIMIT = 200


@dataclass(frozen=True, slots=True)
class AnonymisationDue:
    """A file HQ anonymises on `on` unless the person is in contact before."""

    person_id: str
    person_name: str
    on: date
    last_contact: date


@dataclass(frozen=True, slots=True)
class AnonymisationWarnings:
    """The files of this campus due for anonymisation within `WARNING_DAYS` days (at most `LIST_LIMIT`, soonest
    first), and how many there are in all."""

    items: list[AnonymisationDue]
    count: int


def retention_months(uow: UnitOfWork) -> int:
    """HQ's retention period in months, as this PC last received it (the default until then)."""
    setting = uow.session.get(m.HqSetting, rules.SETTING_ID)
    return rules.months_setting(setting.value if setting is not None else None)


#: each person's last contact (gn_core.retention.last_contact), for the people of a campus whose own dates are old
#: enough: SQLite's max() of several values, dates compared as the ISO text the store keeps ('' for none)
_LAST_CONTACT_SQL = """
SELECT p.id, p.first_name, p.last_name, max(
    p.enrolled_on,
    coalesce(p.last_contact_on, ''),
    coalesce((SELECT max(occurred_on) FROM pathway_event WHERE person_id = p.id), ''),
    coalesce((SELECT max(substr(starts_at, 1, 10)) FROM appointment
              WHERE person_id = p.id AND status IN ('arrived', 'done')), ''),
    coalesce((SELECT max(max(referred_on, coalesce(decided_on, ''))) FROM referral WHERE person_id = p.id), ''),
    coalesce((SELECT max(substr(arrived_at, 1, 10)) FROM visit WHERE person_id = p.id), '')
) AS last_contact
FROM person AS p
WHERE (p.last_contact_on <= :bound OR (p.last_contact_on IS NULL AND p.enrolled_on <= :bound))
  AND max(p.enrolled_on, coalesce(p.last_contact_on, '')) <= :bound
  AND p.anonymised_on IS NULL
  AND (:campus IS NULL OR +p.campus_id = :campus)
"""
# (the first condition lets SQLite find the few old contacts through ix_person_last_contact_on, where the campus's
# index would make it read all its people: 0.1 ms instead of 120 ms for a campus of 100,000 people)


def last_contacts(uow: UnitOfWork, bound: date, campus_id: str | None) -> list[tuple[str, str, str, date]]:
    """(id, first name, last name, last contact) of the people (of `campus_id`, or everyone) not anonymised whose
    last contact is on or before `bound`."""
    # filtered here rather than in SQL, where the last contact's subqueries would run twice per person
    rows = uow.session.execute(text(_LAST_CONTACT_SQL), {"campus": campus_id, "bound": bound.isoformat()}).all()
    day = bound.isoformat()
    return [(pid, first, last, date.fromisoformat(lc)) for pid, first, last, lc in rows if lc <= day]


def due_for_anonymisation(uow: UnitOfWork, day: date) -> AnonymisationWarnings:
    """The files of this PC's campus HQ anonymises within `WARNING_DAYS` days of `day` (or is late doing)."""
    months = retention_months(uow)
    horizon = day + timedelta(days=rules.WARNING_DAYS)
    # a generous bound (months have different lengths); the exact rule is applied below
    bound = rules.add_months(horizon, -months) + timedelta(days=3)
    found = []
    for pid, first, last, contact in last_contacts(uow, bound, uow.campus_id):
        on = rules.anonymisation_day(contact, months)
        if on <= horizon:
            found.append(AnonymisationDue(pid, f"{first} {last}".strip(), on, contact))
    found.sort(key=lambda item: (item.on, item.person_name))
    return AnonymisationWarnings(found[:LIST_LIMIT], len(found))
