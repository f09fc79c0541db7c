"""The generator: people and everything attached to them, drawn from one seeded generator in a fixed order.

Each person gets a pathway (a legal route through the steps, with referrals to training sessions and job offers, hires
and startups), consents, follow-up notes, appointments and event registrations, as rows of the current `_Batch`.
"""

from __future__ import annotations

import bisect
import random
from datetime import UTC, date, datetime, timedelta
from datetime import time as dtime
from functools import cache
from itertools import accumulate
from typing import Any

from gn_core.domain import enums as e
from gn_core.domain.labels import label
from gn_core.domain.normalize import fold
from gn_core.domain.pathway import ORDER, MoveDetails, check_move
from gn_core.domain.reference import CAMPUSES, COMMUNES_93, CURRENT_CONSENT_VERSION, ZFU_ZONES
from gn_core.indicators import PROGRAMME_START
from gn_desktop.services.demo.batches import _Batch
from gn_desktop.services.demo.catalogue import _Catalogue, _Session
from gn_desktop.services.demo.draws import _Ids, fictional_siret
from gn_desktop.services.demo.routes import _route
from gn_desktop.services.demo.tables import (
    _ACTIVE_SLACK_DAYS,
    _AGE_BAND,
    _BARRIERS,
    _COMPOUND_FEMALE,
    _COMPOUND_LAST,
    _COMPOUND_MALE,
    _CONTRACT,
    _DONE_SLACK_DAYS,
    _EDUCATION,
    _EXIT_REASON,
    _FINAL_STEP,
    _FR_LAST,
    _FRENCH,
    _GAP_DAYS,
    _GENDER,
    _JOB_FAMILY,
    _JOB_SEEKER_BENEFIT,
    _NOTE_COUNT,
    _NOTES,
    _OFFER_STATUS,
    _ORIGIN_PICK,
    _OUTCOMES,
    _OUTSIDE_93,
    _RESTRICTED_NOTES,
    _RESTRICTED_SHARE,
    _SITUATION_ADULT,
    _SITUATION_YOUNG,
    _SOURCE,
    _STAFF,
    _STARTUP_SUFFIXES,
    _STARTUP_WORDS,
    _SUBJECTS,
    _SUPPORT_ACTIONS,
    EMAIL_DOMAINS,
    FICTION_MOBILE_PREFIX,
    PARIS,
)
from gn_desktop.store import models as m

S = e.PathwayStep


@cache
def _mail_part(name: str, space: str) -> str:
    """A name as the ASCII part of an e-mail address: 'Jean-Étienne' -> 'jean-etienne', "N'Diaye" -> 'ndiaye'."""
    return fold(name).replace(" ", space)


# --- The generator ------------------------------------------------------------------------------------------------


#: the moves whose referral to a training session the generator keeps consistent (`_Generator._training_move`)
_TRAINING_MOVES = frozenset({S.TRAINING_REFERRED, S.ORIENTATION, S.TRAINING_ENROLLED, S.TRAINING_DROPPED})


#: how many people enrol in each calendar month, relative to the year's average: the September intake (la rentrée),
#: a January one, quiet summers and Christmas
SEASON = {1: 1.2, 2: 1.0, 3: 1.0, 4: 0.9, 5: 0.9, 6: 0.8, 7: 0.6, 8: 0.35, 9: 1.7, 10: 1.5, 11: 1.1, 12: 0.7}
#: the programme ramps up: the last month enrols this many times more than the first
RAMP = 3.0


class Intake:
    """Enrolment days from the programme's start (or a year back, if it started later) to `today`: more each month
    as the programme grows, with seasonal intakes."""

    def __init__(self, today: date) -> None:
        start = min(PROGRAMME_START, today - timedelta(days=365))
        months: list[date] = []
        day = date(start.year, start.month, 1)
        while day <= today:
            months.append(day)
            day = date(day.year + day.month // 12, day.month % 12 + 1, 1)
        n = len(months)
        self.months = months
        self.today = today
        self.weights = list(
            accumulate(SEASON[mo.month] * (1 + (RAMP - 1) * i / max(1, n - 1)) for i, mo in enumerate(months))
        )

    def draw(self, rng: random.Random) -> date:
        first = rng.choices(self.months, cum_weights=self.weights)[0]
        nxt = date(first.year + first.month // 12, first.month % 12 + 1, 1)
        last = min(self.today, nxt - timedelta(days=1))
        return first + timedelta(days=rng.randint(0, (last - first).days))


def reached(route: list[S], gaps: list[int], enrolled: date, today: date) -> tuple[list[S], list[int]]:
    """The part of `route` a person enrolled on `enrolled` has walked by `today` (every prefix of a legal route is
    one)."""
    day, kept = enrolled, 0
    for gap in gaps:
        day += timedelta(days=gap)
        if day > today:
            break
        kept += 1
    return route[: kept + 1], gaps[:kept]


class _Generator:
    """Makes people and everything attached to them, drawing from one seeded generator in a fixed order."""

    def __init__(
        self, rng: random.Random, new_id: _Ids, today: date, catalogue: _Catalogue, people: int, device_campus: str
    ) -> None:
        self.rng = rng
        self.new_id = new_id
        self.today = today
        self.cat = catalogue
        self.device_campus = device_campus
        self.campus_commune = {catalogue.campus_ids[r.code]: r.commune_insee for r in CAMPUSES}
        self.communes = [c.insee for c in COMMUNES_93]
        # the fiction block holds 10,000 numbers: hand them out in a seeded order, reusing them only past 10,000
        self.phones = [f"{FICTION_MOBILE_PREFIX}{n:04d}" for n in range(10_000)]
        rng.shuffle(self.phones)
        self.phone_next = 0
        self.email_seen: dict[str, int] = {}
        self.today_quota = {cid: (14 if cid == device_campus else 5) for cid in catalogue.advisors}
        self.open_offers = [o for o in catalogue.offers if o.is_open and o.posted_on <= today <= o.closes_on]
        self.registration_share = min(0.2, sum(ev.capacity or 40 for ev in catalogue.events) * 0.7 / max(people, 1))
        self.index = 0
        self.intake = Intake(today)

    # -- one person ------------------------------------------------------------------------------------------

    def person(self, batch: _Batch) -> None:
        rng, today = self.rng, self.today
        pid = self.new_id()
        final = ORDER[self.index] if self.index < len(ORDER) else _FINAL_STEP(rng)
        self.index += 1
        route = _route(final, rng)
        gaps = [rng.randint(*_GAP_DAYS[step]) for step in route[1:]]
        if self.index <= len(ORDER):  # the first people, one at each step: enrolled as long ago as their route takes
            slack = rng.randint(0, _DONE_SLACK_DAYS if final in _OUTCOMES else _ACTIVE_SLACK_DAYS)
            enrolled = today - timedelta(days=sum(gaps) + slack)
        else:  # the others enrol along the programme's history, and have gone as far as time allowed
            enrolled = self.intake.draw(rng)
            route, gaps = reached(route, gaps, enrolled, today)

        gender = _GENDER(rng)
        first, last = self._name(gender)
        age = rng.randint(*_AGE_BAND(rng))
        birth = enrolled - timedelta(days=age * 365 + rng.randrange(365))
        young = age < 26
        situation = (_SITUATION_YOUNG if young else _SITUATION_ADULT)(rng)
        rqth = rng.random() < 0.04
        ft_id = None
        if situation == e.Situation.JOB_SEEKER or rng.random() < 0.12:
            ft_id = f"{rng.randrange(10_000_000):07d}{chr(65 + rng.randrange(26))}"
        education = _EDUCATION(rng) if age >= 18 else rng.choice((e.EducationLevel.INFRA_3, e.EducationLevel.LEVEL_3))
        benefits: list[str] = []
        if situation == e.Situation.JOB_SEEKER:
            b = _JOB_SEEKER_BENEFIT(rng)
            if b:
                benefits.append(b)
        elif age >= 25 and situation not in (e.Situation.EMPLOYEE, e.Situation.STUDENT) and rng.random() < 0.15:
            benefits.append(e.Benefit.RSA.value)
        if rqth and rng.random() < 0.4:
            benefits.append(e.Benefit.AAH.value)
        barriers = [theme for theme, p in _BARRIERS if rng.random() < p]
        families = sorted({_JOB_FAMILY(rng) for _ in range(1 if rng.random() < 0.7 else 2)})
        source = _SOURCE(rng)
        if source == e.ReferralSource.MISSION_LOCALE and not young:
            source = e.ReferralSource.FRANCE_TRAVAIL
        if rqth and rng.random() < 0.4:
            source = e.ReferralSource.CAP_EMPLOI
        campus = self.device_campus
        advisor = rng.choice(self.cat.advisors[campus])
        r = rng.random()
        commune_insee: str | None
        commune_other = None
        if r < 0.45:
            commune_insee = self.campus_commune[campus]
        elif r < 0.95:
            commune_insee = rng.choice(self.communes)
        else:
            commune_insee, commune_other = None, rng.choice(_OUTSIDE_93)
        phone = self._phone() if rng.random() < 0.9 else None
        email = self._email(first, last) if rng.random() < 0.75 else None

        last_date = self._pathway(batch, pid, route, gaps, enrolled, advisor, families, gender)
        step = route[-1]
        last_contact = min(today, last_date + timedelta(days=rng.randint(0, 30)))
        person: dict[str, Any] = {
            "id": pid,
            "first_name": first,
            "last_name": last,
            "gender": gender,
            "birth_date": birth,
            "phone": phone,
            "email": email,
            "commune_insee": commune_insee,
            "commune_other": commune_other,
            "situation": situation,
            "france_travail_id": ft_id,
            "education_level": education,
            "benefits": benefits,
            "barriers": barriers,
            "job_families": families,
            "referral_source": source,
            "campus_id": campus,
            "advisor_id": advisor,
            "enrolled_on": enrolled,
            "pathway_step": step,
            "pathway_since": last_date,
            "last_contact_on": last_contact,
        }
        # Derived columns (name key, search terms) are computed here, on the drawing thread, with the model's own
        # function: the writer thread is the busier one.
        person.update(m.Person.derived_values(person))
        batch.rows[m.Person].append(person)
        self._consents(batch, pid, enrolled, phone, email, rqth)
        if rqth:
            decided = enrolled - timedelta(days=rng.randint(30, 1500))
            batch.rows[m.RqthDecision].append(
                {
                    "id": self.new_id(),
                    "person_id": pid,
                    "decided_on": decided,
                    "valid_from": decided,
                    "valid_until": None if rng.random() < 0.2 else decided + timedelta(days=5 * 365),
                }
            )
        self._notes(batch, pid, advisor, enrolled, last_contact, families)
        self._appointments(batch, pid, campus, advisor, step, last_date)
        self._registration(batch, pid, enrolled, step)

    def _name(self, gender: e.Gender) -> tuple[str, str]:
        rng = self.rng
        origin = _ORIGIN_PICK(rng)
        female = gender == e.Gender.FEMALE or (gender != e.Gender.MALE and rng.random() < 0.5)
        if origin is _FRENCH and rng.random() < 0.08:
            first = rng.choice(_COMPOUND_FEMALE if female else _COMPOUND_MALE)
        else:
            first = rng.choice(origin.female if female else origin.male)
        r = rng.random()
        if r < 0.03:
            last = rng.choice(_COMPOUND_LAST)
        elif r < 0.15:
            last = rng.choice(_FR_LAST if origin is not _FRENCH else _ORIGIN_PICK(rng).last)  # mixed families
        else:
            last = rng.choice(origin.last)
        return first, last

    def _phone(self) -> str:
        phone = self.phones[self.phone_next % len(self.phones)]
        self.phone_next += 1
        return phone

    def _email(self, first: str, last: str) -> str:
        base = f"{_mail_part(first, '-')}.{_mail_part(last, '')}"
        n = self.email_seen.get(base, 0) + 1
        self.email_seen[base] = n
        domain = EMAIL_DOMAINS[0] if self.rng.random() < 0.7 else EMAIL_DOMAINS[1]
        return f"{base}{n if n > 1 else ''}@{domain}"

    # -- pathway, referrals, startups ------------------------------------------------------------------------

    def _pathway(
        self,
        batch: _Batch,
        pid: str,
        route: list[S],
        gaps: list[int],
        enrolled: date,
        advisor: str,
        families: list[str],
        gender: e.Gender,
    ) -> date:
        """Write the person's pathway events, each move checked by the state machine; returns the last move's date.

        Training referrals, enrolments in a session, hires through an offer and created companies are written
        alongside, consistent with the moves (a refused referral sends the person back to orientation, and so on).
        """
        rng = self.rng
        events = batch.rows[m.PathwayEvent]
        events.append(
            {
                "id": self.new_id(),
                "person_id": pid,
                "from_step": None,
                "to_step": S.WELCOME,
                "occurred_on": enrolled,
                "author_id": advisor,
            }
        )
        day = enrolled
        session: _Session | None = None
        referral: dict[str, Any] | None = None
        last = len(route) - 2
        for i, (current, target, gap) in enumerate(zip(route[:-1], route[1:], gaps, strict=True)):
            day = day + timedelta(days=gap)
            details = MoveDetails()
            extra: dict[str, Any] = {}
            if target in _TRAINING_MOVES:
                upcoming = i == last or (route[-1] == S.TRAINING_ENROLLED and i == last - 1)
                session, referral = self._training_move(
                    batch,
                    pid,
                    (current, target),
                    day,
                    (session, referral),
                    extra,
                    families,
                    gender,
                    upcoming,
                    i == last,
                )
            elif target == S.OUTCOME_HIRED:
                details, extra["employer_partner_id"] = self._hire(batch, pid, day, families)
            elif target == S.OUTCOME_BUSINESS:
                created = day - timedelta(days=rng.randint(0, 30))
                details = MoveDetails(siret=fictional_siret(rng), business_created_on=created)
                self._startup(batch, pid, details, families, closed=i != last)
            elif target == S.OUTCOME_OTHER_EXIT:
                details = MoveDetails(exit_reason=_EXIT_REASON(rng))
            elif target == S.JOB_SEARCH and i == last and rng.random() < 0.4:
                self._offer_referrals(batch, pid, day, families)
            check_move(current, target, details)
            events.append(
                {
                    "id": self.new_id(),
                    "person_id": pid,
                    "from_step": current,
                    "to_step": target,
                    "occurred_on": day,
                    "author_id": advisor,
                    "contract_type": details.contract_type,
                    "employer_name": details.employer_name,
                    "contract_start": details.contract_start,
                    "siret": details.siret,
                    "business_created_on": details.business_created_on,
                    "exit_reason": details.exit_reason,
                    **extra,
                }
            )
        if route[-1] in (S.JOB_SEARCH, S.TRAINING_COMPLETED) and rng.random() < 0.03:
            self._startup(batch, pid, None, families, closed=False)  # in incubation: an idea or a prototype
        return day

    def _training_move(
        self,
        batch: _Batch,
        pid: str,
        move: tuple[S, S],
        day: date,
        state: tuple[_Session | None, dict[str, Any] | None],
        extra: dict[str, Any],
        families: list[str],
        gender: e.Gender,
        upcoming: bool,
        final: bool,
    ) -> tuple[_Session | None, dict[str, Any] | None]:
        """A move of the training part of a pathway, with its referral to a session kept consistent (refused, then
        back to orientation; accepted, or refused if the session filled up, on enrolment; withdrawn on a drop-out).
        Returns the session and referral the pathway goes on with."""
        current, target = move
        session, referral = state
        if target == S.TRAINING_REFERRED:
            session = self._session_for(day, families, gender, upcoming=upcoming)
            referral = None
            if session is not None:
                status = self.rng.choice((e.ReferralStatus.PROPOSED, e.ReferralStatus.SENT)) if final else None
                referral = self._referral(batch, pid, day, session_id=session.id, status=status)
                if status == e.ReferralStatus.SENT:
                    session.taken += 1
        elif target == S.ORIENTATION and current == S.TRAINING_REFERRED and referral is not None:
            referral["status"], referral["decided_on"] = e.ReferralStatus.REFUSED, day
        elif target == S.TRAINING_ENROLLED and session is not None and referral is not None:
            if session.taken < session.capacity:
                session.taken += 1
                referral["status"], referral["decided_on"] = e.ReferralStatus.ACCEPTED, day
                extra["programme_session_id"] = session.id
            else:  # the session filled up meanwhile: the person trains elsewhere
                referral["status"], referral["decided_on"] = e.ReferralStatus.REFUSED, day
        elif (
            target == S.TRAINING_DROPPED
            and current == S.TRAINING_ENROLLED
            and referral is not None
            and referral["status"] == e.ReferralStatus.ACCEPTED
        ):
            referral["status"] = e.ReferralStatus.WITHDRAWN
            if session is not None:
                session.taken -= 1
        return session, referral

    def _session_for(self, day: date, families: list[str], gender: e.Gender, *, upcoming: bool) -> _Session | None:
        """A session starting after `day` (after today for a referral still open) with places, in a wanted family."""
        start = max(day, self.today) if upcoming else day
        sessions = self.cat.sessions
        i = bisect.bisect_right(self.cat.session_starts, start)
        fallback = None
        for s in sessions[i : i + 24]:
            if s.starts_on > start + timedelta(days=120):
                break
            if s.taken >= s.capacity or (s.women_only and gender == e.Gender.MALE):
                continue
            if s.family in families:
                return s
            if fallback is None:
                fallback = s
        return fallback

    def _referral(
        self,
        batch: _Batch,
        pid: str,
        on: date,
        *,
        session_id: str | None = None,
        offer_id: str | None = None,
        status: e.ReferralStatus | None = None,
        decided_on: date | None = None,
    ) -> dict[str, Any]:
        row = {
            "id": self.new_id(),
            "person_id": pid,
            "programme_session_id": session_id,
            "job_offer_id": offer_id,
            "status": status or e.ReferralStatus.SENT,
            "referred_on": on,
            "decided_on": decided_on,
            "comment": "",
        }
        batch.rows[m.Referral].append(row)
        return row

    def _hire(self, batch: _Batch, pid: str, day: date, families: list[str]) -> tuple[MoveDetails, str]:
        """A contract with an employer partner hiring in one of the person's job families; half through an offer."""
        rng = self.rng
        employer_id, employer_name, employer_families = rng.choice(self.cat.employers)
        for _ in range(3):
            if not set(employer_families).isdisjoint(families):
                break
            employer_id, employer_name, employer_families = rng.choice(self.cat.employers)
        contract = _CONTRACT(rng)
        if rng.random() < 0.5:
            applied = day - timedelta(days=rng.randint(5, 25))
            for offer in self.cat.offers_by_employer[employer_id]:
                if offer.posted_on <= applied <= offer.closes_on:
                    contract = offer.contract
                    self._referral(
                        batch, pid, applied, offer_id=offer.id, status=e.ReferralStatus.ACCEPTED, decided_on=day
                    )
                    break
        start = day + timedelta(days=rng.randint(0, 21))
        return MoveDetails(contract_type=contract, employer_name=employer_name, contract_start=start), employer_id

    def _offer_referrals(self, batch: _Batch, pid: str, day: date, families: list[str]) -> None:
        """One or two referrals to offers open today, pending or already answered."""
        rng = self.rng
        candidates = [o for o in self.open_offers if o.family in families] or self.open_offers
        if not candidates:
            return
        for offer in rng.sample(candidates, min(len(candidates), 2 if rng.random() < 0.3 else 1)):
            on = min(self.today, max(day, offer.posted_on))
            status = _OFFER_STATUS(rng)
            decided = None
            if status == e.ReferralStatus.REFUSED:
                decided = min(self.today, on + timedelta(days=rng.randint(3, 20)))
            self._referral(batch, pid, on, offer_id=offer.id, status=status, decided_on=decided)

    def _startup(
        self, batch: _Batch, pid: str, details: MoveDetails | None, families: list[str], *, closed: bool
    ) -> None:
        rng = self.rng
        if details is None:
            stage = e.StartupStage.IDEA if rng.random() < 0.6 else e.StartupStage.CREATION
        elif closed:
            stage = e.StartupStage.CLOSED
        else:
            stage = e.StartupStage.LAUNCHED if rng.random() < 0.6 else e.StartupStage.GROWTH
        mentor = rng.choice(_STAFF.female + _STAFF.male) + " " + rng.choice(_STAFF.last)
        startup_id = self.new_id()
        batch.rows[m.StartupFounder].append({"id": self.new_id(), "startup_id": startup_id, "person_id": pid})
        batch.rows[m.Startup].append(
            {
                "id": startup_id,
                "name": f"{rng.choice(_STARTUP_WORDS)} {rng.choice(_STARTUP_SUFFIXES)}",
                "person_id": pid,
                "stage": stage,
                "zfu_zone": rng.choice(ZFU_ZONES) if rng.random() < 0.5 else None,
                "mentor_name": mentor,
                "siret": details.siret if details else None,
                "created_on": details.business_created_on if details else None,
                "job_family": families[0],
            }
        )
        if details is not None and not closed:  # accompanied since it was created: a few support actions
            start = details.business_created_on or self.today
            for k in range(1 + len(batch.rows[m.StartupAction]) % 2):  # no draw: the people's draws stay the same
                batch.rows[m.StartupAction].append(
                    {
                        "id": self.new_id(),
                        "startup_id": startup_id,
                        "person_id": pid,
                        "done_on": min(self.today, start + timedelta(days=20 + 45 * k)),
                        "title": _SUPPORT_ACTIONS[k],
                        "note": "",
                    }
                )

    # -- consents, notes, appointments, events ---------------------------------------------------------------

    def _consents(self, batch: _Batch, pid: str, given: date, phone: str | None, email: str | None, rqth: bool) -> None:
        rng, rows = self.rng, batch.rows[m.Consent]
        basis = e.LegalBasis.CONSENT if rng.random() < 0.85 else e.LegalBasis.PUBLIC_INTEREST
        wanted = [(e.ConsentPurpose.FOLLOW_UP, basis)]
        if rng.random() < 0.35:
            wanted.append((e.ConsentPurpose.SHARE_WITH_PARTNERS, e.LegalBasis.CONSENT))
        if phone and rng.random() < 0.25:
            wanted.append((e.ConsentPurpose.CONTACT_BY_SMS, e.LegalBasis.CONSENT))
        if email and rng.random() < 0.06:
            wanted.append((e.ConsentPurpose.NEWSLETTER, e.LegalBasis.CONSENT))
        if rqth:
            wanted.append((e.ConsentPurpose.RQTH_RECORDING, e.LegalBasis.CONSENT))
        for purpose, legal_basis in wanted:
            withdrawn = None
            if purpose in (e.ConsentPurpose.NEWSLETTER, e.ConsentPurpose.CONTACT_BY_SMS) and rng.random() < 0.05:
                span = (self.today - given).days
                withdrawn = given + timedelta(days=rng.randint(0, span)) if span > 0 else None
            rows.append(
                {
                    "id": self.new_id(),
                    "person_id": pid,
                    "purpose": purpose,
                    "legal_basis": legal_basis,
                    "text_version": CURRENT_CONSENT_VERSION,
                    "given_on": given,
                    "withdrawn_on": withdrawn,
                }
            )

    def _notes(self, batch: _Batch, pid: str, advisor: str, first: date, last: date, families: list[str]) -> None:
        rng = self.rng
        span = max(0, (last - first).days)
        family = label(e.JobFamily(families[0]))
        for _ in range(_NOTE_COUNT(rng)):
            restricted = rng.random() < _RESTRICTED_SHARE
            template = rng.choice(_RESTRICTED_NOTES if restricted else _NOTES)
            when = first + timedelta(days=rng.randint(0, span))
            batch.rows[m.Note].append(
                {
                    "id": self.new_id(),
                    "person_id": pid,
                    "author_id": advisor,
                    "body": template.format(d=f"{when.day:02d}/{when.month:02d}/{when.year}", f=family),
                    "restricted": restricted,
                }
            )

    def _slot(self, day: date) -> datetime:
        """A half-hour slot between 9:00 and 17:00, Paris time, as an aware UTC datetime."""
        minutes = 9 * 60 + 30 * self.rng.randrange(16)
        local = datetime.combine(day, dtime(minutes // 60, minutes % 60), tzinfo=PARIS)
        return local.astimezone(UTC)

    def _appointments(self, batch: _Batch, pid: str, campus: str, advisor: str, step: S, since: date) -> None:
        rng, today = self.rng, self.today
        rows = batch.rows[m.Appointment]
        active = step not in _OUTCOMES
        slots: list[tuple[date, e.AppointmentStatus]] = []
        if rng.random() < 0.3:
            span = (today - since).days
            if span > 1:
                past = rng.choices(
                    (e.AppointmentStatus.DONE, e.AppointmentStatus.MISSED, e.AppointmentStatus.CANCELLED),
                    (70, 18, 12),
                )[0]
                slots.append((since + timedelta(days=rng.randint(1, span - 1)), past))
        if active and self.today_quota[campus] > 0 and rng.random() < 0.25:
            self.today_quota[campus] -= 1
            arrived = rng.random() < 0.2
            slots.append((today, e.AppointmentStatus.ARRIVED if arrived else e.AppointmentStatus.PLANNED))
        elif active and rng.random() < 0.25:
            slots.append((today + timedelta(days=rng.randint(1, 21)), e.AppointmentStatus.PLANNED))
        for day, status in slots:
            rows.append(
                {
                    "id": self.new_id(),
                    "person_id": pid,
                    "campus_id": campus,
                    "advisor_id": advisor,
                    "starts_at": self._slot(day),
                    "duration_min": rng.choice((30, 45, 45, 60)),
                    "subject": rng.choice(_SUBJECTS),
                    "status": status,
                    "code": f"{rng.randrange(1_000_000):06d}",
                }
            )

    def _registration(self, batch: _Batch, pid: str, enrolled: date, step: S) -> None:
        rng = self.rng
        if rng.random() >= self.registration_share:
            return
        event = rng.choice(self.cat.events)
        if event.capacity is not None and event.taken >= event.capacity:
            return
        day = event.starts_at.date()
        upcoming = day >= self.today
        if upcoming and step in _OUTCOMES:
            return
        if not upcoming and day < enrolled:
            return
        event.taken += 1
        if upcoming:
            status = e.AttendanceStatus.REGISTERED if rng.random() < 0.9 else e.AttendanceStatus.CANCELLED
        else:
            status = rng.choices(
                (e.AttendanceStatus.ATTENDED, e.AttendanceStatus.ABSENT, e.AttendanceStatus.CANCELLED), (70, 20, 10)
            )[0]
        batch.rows[m.EventRegistration].append(
            {"id": self.new_id(), "event_id": event.id, "person_id": pid, "status": status}
        )
