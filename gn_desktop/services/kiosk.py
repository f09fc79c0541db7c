"""What the self-service kiosk may do, and nothing more: narrow functions that never return anyone's data.

The kiosk is a public machine. Each function here answers one visitor's own request and returns at most what that
visitor typed back to them (a first name) plus non-personal information (a queue ticket, programmes, events):

* `check_in_by_code` / `check_in_by_name_and_birth_date`: mark today's appointment ARRIVED, open a `Visit` with a queue
  ticket (the advisor's home screen lists waiting visits) and return only the first name and the ticket. A failed
  check-in says nothing about why (unknown code, other day, other person): `CheckInNotFound`.
* `pre_register`: a walk-in's short form becomes a `PreRegistration` (an advisor completes it and checks it against
  existing people) and a `Visit` with a ticket.
* `job_families`, `programmes_near`, `upcoming_events`: public information.
* `register_for_event`: a self-registration kept as a pre-registration tied to the event (see its docstring).
* `verify_staff_pin` / `set_staff_pin`: the campus manager's PIN that lets staff leave the kiosk, argon2-hashed in
  `LocalSetting`; wrong PINs lock the pad for longer and longer.

There is deliberately no function that searches, lists or reads people. Every function takes the unit of work first
(the task runner's contract) and works for this device's campus (`uow.campus_id`).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import Select, case, func, or_, select

from gn_core import checkin
from gn_core.domain import enums as e
from gn_core.domain import normalize
from gn_core.domain.errors import FieldError, InvalidInput, KnownError
from gn_core.domain.person import LABELS, PersonForm, check_person
from gn_core.domain.reference import COMMUNES_BY_INSEE, CURRENT_CONSENT_VERSION, OTHER_COMMUNE
from gn_core.domain.validation import Collector
from gn_core.sync_rules import DeviceRole
from gn_desktop.services.accounts import hash_password, verify_password
from gn_desktop.store import models as m
from gn_desktop.store.replica import CHECKIN_KEY_SETTING
from gn_desktop.store.uow import UnitOfWork

PIN_HASH_KEY = "kiosk.staff_pin_hash"
#: a kiosk device's ticket counter: "<local day> <last number>"
TICKET_COUNTER_KEY = "kiosk.ticket_counter"
PIN_FAILURES_KEY = "kiosk.staff_pin_failures"
PIN_LOCKED_UNTIL_KEY = "kiosk.staff_pin_locked_until"
PIN_PATTERN = re.compile(r"^\d{4,8}$")
#: after the n-th wrong PIN in a row the pad is locked for min(2 ** (n - 1), PIN_MAX_LOCK_S) seconds
PIN_MAX_LOCK_S = 300
CHECKIN_FAILURES_KEY = "kiosk.checkin_failures"
CHECKIN_LAST_FAILURE_KEY = "kiosk.checkin_last_failure"
CHECKIN_LOCKED_UNTIL_KEY = "kiosk.checkin_locked_until"
#: failed check-ins (code or name not found) are free up to this many; then each waits twice as long as the last, up
#: to CHECKIN_MAX_WAIT_S; the count is forgotten after CHECKIN_QUIET quiet time (a busy morning's typos are not an
#: attack). Kept in the store: a restart does not reset it.
CHECKIN_FREE_FAILURES = 3
CHECKIN_MAX_WAIT_S = 60
CHECKIN_QUIET = timedelta(minutes=10)
#: job families the kiosk explains (OTHER is an advisor's catch-all, not a family one can discover)
KIOSK_JOB_FAMILIES: tuple[e.JobFamily, ...] = (
    e.JobFamily.DEVELOPMENT,
    e.JobFamily.DATA,
    e.JobFamily.AI,
    e.JobFamily.CYBERSECURITY,
    e.JobFamily.INFRASTRUCTURE,
    e.JobFamily.VIDEO_GAMES,
)
#: the fields of a person's form each kiosk journey collects, checked by `gn_core.domain.person` like an intake
CHECK_IN_FIELDS = ("first_name", "last_name", "birth_date")
PRE_REGISTRATION_FIELDS = ("first_name", "last_name", "birth_date", "phone", "email", "commune", "job_families")
EVENT_SIGN_UP_FIELDS = ("first_name", "last_name", "phone", "email")
#: why a walk-in came, as the kiosk asks it
REASONS = ("training", "job", "business", "information")
_REASON_FR = {
    "training": "Trouver une formation",
    "job": "Trouver un emploi",
    "business": "Créer une entreprise",
    "information": "M'informer",
}
#: ticket letters by visit purpose: R (rendez-vous), N (nouveau), I (information)
_TICKET_LETTER = {
    e.VisitPurpose.APPOINTMENT: "R",
    e.VisitPurpose.PRE_REGISTRATION: "N",
    e.VisitPurpose.INFORMATION: "I",
    e.VisitPurpose.OTHER: "I",
}
#: approximate centre (latitude, longitude) of each commune of the 93, to rank campuses by distance
_COMMUNE_CENTRES: dict[str, tuple[float, float]] = {
    "93001": (48.914, 2.382),
    "93005": (48.938, 2.497),
    "93006": (48.869, 2.418),
    "93007": (48.938, 2.461),
    "93008": (48.908, 2.439),
    "93010": (48.902, 2.483),
    "93013": (48.935, 2.426),
    "93014": (48.910, 2.553),
    "93015": (48.917, 2.579),
    "93027": (48.928, 2.396),
    "93029": (48.923, 2.445),
    "93030": (48.953, 2.416),
    "93031": (48.955, 2.309),
    "93032": (48.883, 2.534),
    "93033": (48.862, 2.572),
    "93039": (48.940, 2.337),
    "93045": (48.880, 2.419),
    "93046": (48.919, 2.535),
    "93047": (48.898, 2.567),
    "93048": (48.861, 2.443),
    "93049": (48.863, 2.506),
    "93050": (48.853, 2.530),
    "93051": (48.848, 2.553),
    "93053": (48.891, 2.460),
    "93055": (48.894, 2.409),
    "93057": (48.906, 2.506),
    "93061": (48.885, 2.404),
    "93062": (48.899, 2.518),
    "93063": (48.885, 2.435),
    "93064": (48.874, 2.486),
    "93066": (48.936, 2.357),
    "93070": (48.912, 2.334),
    "93071": (48.939, 2.527),
    "93072": (48.950, 2.383),
    "93073": (48.950, 2.568),
    "93074": (48.930, 2.569),
    "93077": (48.883, 2.508),
    "93078": (48.962, 2.533),
    "93079": (48.958, 2.345),
}


class CheckInNotFound(KnownError):
    """No appointment today matches what the visitor typed. Deliberately says nothing more. `wait_s`: how long the
    kiosk waits before the next try (0 for the first few failures); the failure is counted (`keeps_writes`)."""

    keeps_writes = True

    def __init__(self, wait_s: int = 0) -> None:
        super().__init__(
            "Nous n'avons pas trouvé votre rendez-vous d'aujourd'hui. Vérifiez ce que vous avez tapé, "
            "ou demandez à l'accueil."
        )
        self.wait_s = wait_s


class CheckInLocked(KnownError):
    """Too many check-ins failed lately on this kiosk: the next try waits `seconds` (slows down guessing codes)."""

    def __init__(self, seconds: int) -> None:
        super().__init__(f"Trop d'essais : réessayez dans {seconds} secondes, ou demandez à l'accueil.")
        self.seconds = seconds


class StaffPinLocked(KnownError):
    """Too many wrong PINs: the pad is locked for `seconds` more."""

    def __init__(self, seconds: int) -> None:
        super().__init__(f"Code PIN : trop d'essais. Réessayez dans {seconds} secondes.")
        self.seconds = seconds


class StaffPinNotSet(KnownError):
    def __init__(self) -> None:
        super().__init__("Aucun code PIN n'est défini pour cette borne : lancez « gn-desktop kiosk-pin ».")


class NoCampus(KnownError):
    def __init__(self) -> None:
        super().__init__("Cette borne n'est rattachée à aucun campus : un responsable doit la configurer.")


@dataclass(frozen=True, slots=True)
class CheckIn:
    """A successful check-in: the first name to greet (nothing else about the person) and the queue ticket."""

    first_name: str
    ticket: str


@dataclass(frozen=True, slots=True)
class Ticket:
    ticket: str


@dataclass(frozen=True, slots=True)
class PinCheck:
    """The outcome of a PIN attempt: `ok`, or the number of seconds the pad is locked for."""

    ok: bool
    locked_for_s: int = 0


@dataclass(slots=True)
class PreRegistrationForm:
    """What a walk-in types at the kiosk, as text (the service validates and normalises it)."""

    first_name: str = ""
    last_name: str = ""
    birth_date: str = ""
    phone: str = ""
    email: str = ""
    commune_insee: str = ""  # a code of the 93, OTHER_COMMUNE, or empty
    commune_other: str = ""
    reason: str = ""  # one of REASONS
    job_families: tuple[str, ...] = ()
    accessibility: str = ""  # what would help the visitor (free text, optional)
    consent: bool = False
    language: str = "fr"


@dataclass(frozen=True, slots=True)
class ProgrammeOffer:
    """A programme session as the kiosk shows it: public information only."""

    programme_title: str
    partner_name: str
    job_family: e.JobFamily
    campus_name: str
    distance_km: float | None
    starts_on: date
    duration_weeks: int
    has_places: bool


@dataclass(frozen=True, slots=True)
class EventOffer:
    id: str
    title: str
    kind: e.EventKind
    starts_at: datetime
    ends_at: datetime
    campus_name: str
    is_full: bool
    description: str


@dataclass(slots=True)
class EventSignUp:
    """The minimum needed to hold a place at an event: a name for the list at the door and one way to reach the
    person if the event moves. No birth date, no address."""

    first_name: str = ""
    last_name: str = ""
    phone: str = ""
    email: str = ""
    consent: bool = False
    language: str = "fr"


# -- helpers -----------------------------------------------------------------------------------------------------


def _now(now: datetime | None) -> datetime:
    return now if now is not None else datetime.now(UTC)


def _campus(uow: UnitOfWork) -> str:
    if uow.campus_id is None:
        raise NoCampus()
    return uow.campus_id


def _local_day_bounds(now: datetime) -> tuple[datetime, datetime]:
    """Start and end (UTC) of the local day `now` falls in (the kiosk's own time zone)."""
    local = now.astimezone()
    start = local.replace(hour=0, minute=0, second=0, microsecond=0)
    return start.astimezone(UTC), (start + timedelta(days=1)).astimezone(UTC)


def _next_ticket(uow: UnitOfWork, campus_id: str, purpose: e.VisitPurpose, now: datetime) -> str:
    """The next queue ticket of the day. On a PC (the kiosk beside the advisors' app), counted from the day's visits;
    on a kiosk device, from its own counter (it keeps no visit once sent) and marked with the kiosk's prefix, so two
    kiosks of a campus never hand out the same ticket ("R1-012", "R2-012")."""
    if not _is_kiosk_device(uow):
        start, end = _local_day_bounds(now)
        count = uow.session.scalar(
            select(func.count())
            .select_from(m.Visit)
            .where(m.Visit.campus_id == campus_id, m.Visit.arrived_at >= start, m.Visit.arrived_at < end)
        )
        return f"{_TICKET_LETTER[purpose]}{(count or 0) + 1:03d}"
    day = now.astimezone().date().isoformat()
    counted = (_setting(uow, TICKET_COUNTER_KEY) or "").split(" ")
    n = int(counted[1]) + 1 if len(counted) == 2 and counted[0] == day and counted[1].isdigit() else 1
    _put(uow, TICKET_COUNTER_KEY, f"{day} {n}")
    return f"{_TICKET_LETTER[purpose]}{_ticket_prefix(uow)}-{n % 1000:03d}"


def _is_kiosk_device(uow: UnitOfWork) -> bool:
    """A kiosk enrolled at HQ as such: it holds nobody's file, only the check-in index of its campus."""
    return uow.role is DeviceRole.KIOSK


def _ticket_prefix(uow: UnitOfWork) -> str:
    state = uow.session.get(m.DeviceState, 1)
    return (state.ticket_prefix if state is not None else None) or "0"


def _arrive(uow: UnitOfWork, appt: m.Appointment, first_name: str, now: datetime) -> CheckIn:
    """Mark `appt` arrived and open its visit; checking in twice gives the same ticket back."""
    existing = uow.session.scalar(select(m.Visit).where(m.Visit.appointment_id == appt.id))
    if existing is not None:
        return CheckIn(first_name, existing.ticket)
    appt.status = e.AppointmentStatus.ARRIVED
    person = uow.session.get(m.Person, appt.person_id)
    if person is not None:
        person.last_contact_on = now.astimezone().date()
    visit = m.Visit(
        campus_id=appt.campus_id,
        ticket=_next_ticket(uow, appt.campus_id, e.VisitPurpose.APPOINTMENT, now),
        purpose=e.VisitPurpose.APPOINTMENT,
        arrived_at=now,
        status=e.VisitStatus.WAITING,
        person_id=appt.person_id,
        appointment_id=appt.id,
        advisor_id=appt.advisor_id,
    )
    uow.session.add(visit)
    uow.session.flush()
    return CheckIn(first_name, visit.ticket)


def _todays_appointments(campus_id: str, now: datetime) -> Select[m.Appointment]:
    start, end = _local_day_bounds(now)
    return select(m.Appointment).where(
        m.Appointment.campus_id == campus_id,
        m.Appointment.starts_at >= start,
        m.Appointment.starts_at < end,
        m.Appointment.status.in_((e.AppointmentStatus.PLANNED, e.AppointmentStatus.ARRIVED)),
    )


# -- check-in ----------------------------------------------------------------------------------------------------


def _check_in_guard(uow: UnitOfWork, at: datetime) -> None:
    """`CheckInLocked` while the wait after the last failures runs."""
    locked_until = _setting(uow, CHECKIN_LOCKED_UNTIL_KEY)
    if locked_until:
        until = datetime.fromisoformat(locked_until)
        if until > at:
            raise CheckInLocked(max(1, math.ceil((until - at).total_seconds())))


def _check_in_failed(uow: UnitOfWork, at: datetime) -> CheckInNotFound:
    """Count a failed check-in (the caller raises the error returned, which keeps the count)."""
    last = _setting(uow, CHECKIN_LAST_FAILURE_KEY)
    recent = bool(last) and at - datetime.fromisoformat(last or "") < CHECKIN_QUIET
    failures = (int(_setting(uow, CHECKIN_FAILURES_KEY) or "0") if recent else 0) + 1
    over = failures - CHECKIN_FREE_FAILURES
    wait_s = min(2**over, CHECKIN_MAX_WAIT_S) if over > 0 else 0
    _put(uow, CHECKIN_FAILURES_KEY, str(failures))
    _put(uow, CHECKIN_LAST_FAILURE_KEY, at.isoformat())
    _put(uow, CHECKIN_LOCKED_UNTIL_KEY, (at + timedelta(seconds=wait_s)).isoformat() if wait_s else "")
    uow.session.flush()
    return CheckInNotFound(wait_s)


def check_in_by_code(uow: UnitOfWork, code: str, *, now: datetime | None = None) -> CheckIn:
    """Check in with the 6-digit code of today's appointment at this campus; `CheckInNotFound` otherwise (counted:
    after a few failures each try waits longer, `CheckInLocked`)."""
    at = _now(now)
    campus_id = _campus(uow)
    clean = normalize.digits(code or "")
    if len(clean) != 6:
        raise InvalidInput([FieldError("code", "Code du rendez-vous : il compte 6 chiffres.")])
    _check_in_guard(uow, at)
    try:
        return _check_in_by_code(uow, campus_id, clean, at)
    except CheckInNotFound:
        raise _check_in_failed(uow, at) from None


def _check_in_by_code(uow: UnitOfWork, campus_id: str, clean: str, at: datetime) -> CheckIn:
    if _is_kiosk_device(uow):
        key = _checkin_key(uow)
        return _arrive_from_index(uow, campus_id, m.CheckInEntry.code_hash == checkin.code_hash(key, clean), at)
    appt = uow.session.scalar(
        _todays_appointments(campus_id, at).where(m.Appointment.code == clean).order_by(m.Appointment.starts_at)
    )
    if appt is None:
        raise CheckInNotFound()
    person = uow.session.get(m.Person, appt.person_id)
    return _arrive(uow, appt, person.first_name if person is not None else "", at)


def check_in_by_name_and_birth_date(
    uow: UnitOfWork, first_name: str, last_name: str, birth_date: str, *, now: datetime | None = None
) -> CheckIn:
    """Check in by first name, last name and birth date (all three must match one person with an appointment
    today at this campus). Returns the first name as stored, nothing else; `CheckInNotFound` when there is no match
    or more than one."""
    at = _now(now)
    campus_id = _campus(uow)
    c = Collector()
    typed = PersonForm(first_name=first_name, last_name=last_name, birth_date=birth_date)
    values, problems = check_person(typed, at.astimezone().date(), CHECK_IN_FIELDS)
    c.errors.extend(problems)
    if not (birth_date or "").strip():
        c.add("birth_date", f"{LABELS['birth_date']} : ce champ est obligatoire.")
    c.raise_if_any()
    _check_in_guard(uow, at)
    try:
        return _check_in_by_name(uow, campus_id, values, at)
    except CheckInNotFound:
        raise _check_in_failed(uow, at) from None


def _check_in_by_name(uow: UnitOfWork, campus_id: str, values: dict[str, Any], at: datetime) -> CheckIn:
    first, last, birth = values["first_name"], values["last_name"], values["birth_date"]
    if _is_kiosk_device(uow):
        wanted = m.CheckInEntry.name_hash == checkin.name_hash(_checkin_key(uow), first, last, birth)
        return _arrive_from_index(uow, campus_id, wanted, at)
    rows = uow.session.execute(
        _todays_appointments(campus_id, at)
        .add_columns(m.Person.first_name)
        .join(m.Person, m.Person.id == m.Appointment.person_id)
        .where(m.Person.name_key == normalize.name_key(first, last), m.Person.birth_date == birth)
        .order_by(m.Appointment.starts_at)
    ).all()
    people = {appt.person_id for appt, _ in rows}
    if len(people) != 1:
        raise CheckInNotFound()
    # the appointment still to come first: someone with two appointments today checks in for the next one
    pending = [(a, n) for a, n in rows if a.status == e.AppointmentStatus.PLANNED] or list(rows)
    appt, stored_first_name = pending[0]
    return _arrive(uow, appt, stored_first_name, at)


def _checkin_key(uow: UnitOfWork) -> bytes:
    key = _setting(uow, CHECKIN_KEY_SETTING)
    if not key:
        raise CheckInNotFound()  # a kiosk that has not received its campus's index yet knows no appointment
    return checkin.decode_key(key)


def _arrive_from_index(uow: UnitOfWork, campus_id: str, wanted: Any, now: datetime) -> CheckIn:
    """A kiosk device's check-in: the appointment found in the check-in index by its keyed hash (today's, the next
    one first), a visit naming it (HQ marks the appointment arrived and names the person); checking in twice gives
    the same ticket back."""
    start, end = _local_day_bounds(now)
    entries = uow.session.scalars(
        select(m.CheckInEntry)
        .where(wanted, m.CheckInEntry.starts_at >= start, m.CheckInEntry.starts_at < end)
        .order_by(m.CheckInEntry.ticket.is_not(None), m.CheckInEntry.starts_at)
    ).all()
    if not entries:
        raise CheckInNotFound()
    entry = entries[0]
    if entry.ticket is not None:
        return CheckIn(entry.first_name, entry.ticket)
    entry.ticket = _next_ticket(uow, campus_id, e.VisitPurpose.APPOINTMENT, now)
    uow.session.add(
        m.Visit(
            campus_id=campus_id,
            ticket=entry.ticket,
            purpose=e.VisitPurpose.APPOINTMENT,
            arrived_at=now,
            status=e.VisitStatus.WAITING,
            appointment_id=entry.appointment_id,
        )
    )
    uow.session.flush()
    return CheckIn(entry.first_name, entry.ticket)


# -- pre-registration --------------------------------------------------------------------------------------------


def _reachable(c: Collector, phone: str, email: str) -> None:
    """The kiosk's own rule: a visitor leaves at least one way to be reached."""
    if not (phone or "").strip() and not (email or "").strip():
        c.add("phone", "Téléphone ou e-mail : indiquez au moins l'un des deux pour que l'on puisse vous joindre.")


def pre_register(
    uow: UnitOfWork, form: PreRegistrationForm, *, now: datetime | None = None, today: date | None = None
) -> Ticket:
    """Record a walk-in's pre-registration and open a visit; returns the queue ticket.

    Raises `InvalidInput` listing every field to fix: the person fields checked as an intake checks them
    (`gn_core.domain.person`), then the kiosk's own rules (a commune from the list, a way to be reached, consent).
    """
    at = _now(now)
    day = today if today is not None else at.astimezone().date()
    campus_id = _campus(uow)
    c = Collector()
    # the kiosk offers the communes of the 93 as a list, and "another town" with its name typed
    commune: str | None = None
    if form.commune_insee == OTHER_COMMUNE:
        commune = form.commune_other
    elif form.commune_insee in COMMUNES_BY_INSEE:
        commune = form.commune_insee
    elif form.commune_insee:
        c.add("commune", "Commune : choisissez-la dans la liste.")
    else:
        c.add("commune", "Commune : choisissez votre commune, ou « Autre commune ».")
    kiosk_families = {j.value for j in KIOSK_JOB_FAMILIES}
    typed = PersonForm(
        first_name=form.first_name,
        last_name=form.last_name,
        birth_date=form.birth_date,
        phone=form.phone,
        email=form.email,
        commune=commune,
        job_families=[f for f in form.job_families if f in kiosk_families],
    )
    values, problems = check_person(typed, day, PRE_REGISTRATION_FIELDS)
    c.errors.extend(problems)
    _reachable(c, form.phone, form.email)
    if form.reason and form.reason not in REASONS:
        c.add("reason", "Motif : choisissez-le dans la liste.")
    if not form.consent:
        c.add("consent", "Accord : cochez la case pour que l'accueil puisse garder vos informations.")
    c.raise_if_any()
    lines = []
    if form.reason:
        lines.append(f"Motif : {_REASON_FR[form.reason]}.")
    if form.accessibility.strip():
        lines.append(f"Besoins pour l'accueil : {form.accessibility.strip()}")
    pre = m.PreRegistration(
        campus_id=campus_id,
        **values,
        message="\n".join(lines),
        consent_text_version=CURRENT_CONSENT_VERSION,
        language=form.language if form.language in ("fr", "en", "ar") else "fr",
        status=e.PreRegistrationStatus.WAITING,
    )
    uow.session.add(pre)
    uow.session.flush()
    visit = m.Visit(
        campus_id=campus_id,
        ticket=_next_ticket(uow, campus_id, e.VisitPurpose.PRE_REGISTRATION, at),
        purpose=e.VisitPurpose.PRE_REGISTRATION,
        arrived_at=at,
        status=e.VisitStatus.WAITING,
        pre_registration_id=pre.id,
    )
    uow.session.add(visit)
    uow.session.flush()
    return Ticket(visit.ticket)


# -- discovering programmes and events ---------------------------------------------------------------------------


def job_families() -> tuple[e.JobFamily, ...]:
    """The six job families the kiosk explains (their plain-language texts are interface strings)."""
    return KIOSK_JOB_FAMILIES


def _distance_km(a: str | None, b: str | None) -> float | None:
    pa, pb = _COMMUNE_CENTRES.get(a or ""), _COMMUNE_CENTRES.get(b or "")
    if pa is None or pb is None:
        return None
    (lat1, lon1), (lat2, lon2) = pa, pb
    x = math.radians(lon2 - lon1) * math.cos(math.radians((lat1 + lat2) / 2))
    y = math.radians(lat2 - lat1)
    return round(6371 * math.hypot(x, y), 1)


def programmes_near(
    uow: UnitOfWork,
    commune_insee: str | None,
    *,
    job_family: str | None = None,
    today: date | None = None,
    limit: int = 8,
) -> list[ProgrammeOffer]:
    """Upcoming programme sessions, nearest campus first (then soonest); without a commune, soonest first."""
    day = today if today is not None else date.today()
    q = (
        select(m.ProgrammeSession, m.Programme, m.Partner.name, m.Campus.name, m.Campus.commune_insee)
        .join(m.Programme, m.Programme.id == m.ProgrammeSession.programme_id)
        .join(m.Partner, m.Partner.id == m.Programme.partner_id)
        .outerjoin(m.Campus, m.Campus.id == m.ProgrammeSession.campus_id)
        .where(m.ProgrammeSession.starts_on >= day)
        .where(m.ProgrammeSession.archived.is_(False), m.Programme.archived.is_(False), m.Partner.archived.is_(False))
        .order_by(m.ProgrammeSession.starts_on, m.Programme.title)
    )
    if job_family:
        q = q.where(m.Programme.job_family == e.JobFamily(job_family))
    offers = []
    seen: set[str] = set()
    for session, programme, partner_name, campus_name, campus_commune in uow.session.execute(q):
        if programme.id in seen:  # next session of each programme only
            continue
        seen.add(programme.id)
        offers.append(
            ProgrammeOffer(
                programme_title=programme.title,
                partner_name=partner_name,
                job_family=programme.job_family,
                campus_name=campus_name or "",
                distance_km=_distance_km(commune_insee, campus_commune),
                starts_on=session.starts_on,
                duration_weeks=programme.duration_weeks,
                has_places=session.capacity > 0,
            )
        )
    if commune_insee:
        offers.sort(key=lambda o: (o.distance_km is None, round(o.distance_km or 0), o.starts_on))
    return offers[:limit]


def upcoming_events(uow: UnitOfWork, *, now: datetime | None = None, limit: int = 6) -> list[EventOffer]:
    """Information sessions, hackathons and contests still to come: this campus's (and HQ-wide ones) first, then the
    other campuses', soonest first in each (outreach actions are for groups and are not offered at the kiosk)."""
    at = _now(now)
    here = uow.campus_id
    elsewhere = case((or_(m.Event.campus_id.is_(None), m.Event.campus_id == here), 0), else_=1)
    taken = (
        select(m.EventRegistration.event_id, func.count().label("n"))
        .where(m.EventRegistration.status != e.AttendanceStatus.CANCELLED)
        .group_by(m.EventRegistration.event_id)
        .subquery()
    )
    q = (
        select(m.Event, m.Campus.name, func.coalesce(taken.c.n, 0))
        .outerjoin(m.Campus, m.Campus.id == m.Event.campus_id)
        .outerjoin(taken, taken.c.event_id == m.Event.id)
        .where(m.Event.starts_at >= at, m.Event.kind != e.EventKind.OUTREACH, m.Event.archived.is_(False))
        .order_by(elsewhere, m.Event.starts_at)
        .limit(limit)
    )
    return [
        EventOffer(
            id=ev.id,
            title=ev.title,
            kind=ev.kind,
            starts_at=ev.starts_at,
            ends_at=ev.ends_at,
            campus_name=campus_name or "",
            is_full=ev.capacity is not None and int(n) >= ev.capacity,
            description=ev.description,
        )
        for ev, campus_name, n in uow.session.execute(q)
    ]


def register_for_event(uow: UnitOfWork, event_id: str, form: EventSignUp, *, now: datetime | None = None) -> None:
    """Hold a place at an event for a visitor.

    The visitor is not looked up among existing people (that would tell a stranger who is registered): the sign-up
    is stored as a pre-registration naming the event, which staff confirm and attach to the right person. The
    answer is the same whoever signs up, so nothing can be learnt from it.
    """
    at = _now(now)
    campus_id = _campus(uow)
    event = uow.session.get(m.Event, event_id)
    if event is None or event.starts_at < at or event.kind == e.EventKind.OUTREACH:
        raise InvalidInput([FieldError("event_id", "Événement : il n'est plus ouvert aux inscriptions.")])
    c = Collector()
    typed = PersonForm(first_name=form.first_name, last_name=form.last_name, phone=form.phone, email=form.email)
    values, problems = check_person(typed, at.astimezone().date(), EVENT_SIGN_UP_FIELDS)
    c.errors.extend(problems)
    _reachable(c, form.phone, form.email)
    if not form.consent:
        c.add("consent", "Accord : cochez la case pour que l'on garde votre inscription.")
    c.raise_if_any()
    when = event.starts_at.astimezone().strftime("%d/%m/%Y %H:%M")
    uow.session.add(
        m.PreRegistration(
            campus_id=campus_id,  # this campus: its front desk takes the sign-up (HQ allows no other)
            **values,
            message=f"Inscription à l'événement « {event.title} » du {when}.",
            event_id=event.id,
            consent_text_version=CURRENT_CONSENT_VERSION,
            language=form.language if form.language in ("fr", "en", "ar") else "fr",
            status=e.PreRegistrationStatus.WAITING,
        )
    )
    uow.session.flush()


# -- staff PIN ---------------------------------------------------------------------------------------------------


def _setting(uow: UnitOfWork, key: str) -> str | None:
    row = uow.session.get(m.LocalSetting, key)
    return row.value if row is not None else None


def _put(uow: UnitOfWork, key: str, value: str) -> None:
    row = uow.session.get(m.LocalSetting, key)
    if row is None:
        uow.session.add(m.LocalSetting(key=key, value=value))
    else:
        row.value = value


def set_staff_pin(uow: UnitOfWork, pin: str) -> None:
    """Set the PIN staff type to leave the kiosk (4 to 8 digits), stored as an argon2 hash; clears any lock."""
    if not PIN_PATTERN.match(pin or ""):
        raise InvalidInput([FieldError("pin", "Code PIN : il compte de 4 à 8 chiffres.")])
    _put(uow, PIN_HASH_KEY, hash_password(pin))
    _put(uow, PIN_FAILURES_KEY, "0")
    _put(uow, PIN_LOCKED_UNTIL_KEY, "")
    uow.session.flush()


def has_staff_pin(uow: UnitOfWork) -> bool:
    return bool(_setting(uow, PIN_HASH_KEY))


def verify_staff_pin(uow: UnitOfWork, pin: str, *, now: datetime | None = None) -> PinCheck:
    """Check a PIN typed to leave the kiosk (a write: it counts failures).

    A wrong PIN locks the pad for 1, 2, 4… seconds (at most `PIN_MAX_LOCK_S`); while locked every attempt is refused
    without being checked (`StaffPinLocked`). A right PIN resets the count.
    """
    at = _now(now)
    stored = _setting(uow, PIN_HASH_KEY)
    if not stored:
        raise StaffPinNotSet()
    locked_until = _setting(uow, PIN_LOCKED_UNTIL_KEY)
    if locked_until:
        until = datetime.fromisoformat(locked_until)
        if until > at:
            raise StaffPinLocked(max(1, math.ceil((until - at).total_seconds())))
    if verify_password(stored, pin or ""):
        _put(uow, PIN_FAILURES_KEY, "0")
        _put(uow, PIN_LOCKED_UNTIL_KEY, "")
        uow.session.flush()
        return PinCheck(ok=True)
    failures = int(_setting(uow, PIN_FAILURES_KEY) or "0") + 1
    lock_s = min(2 ** (failures - 1), PIN_MAX_LOCK_S)
    _put(uow, PIN_FAILURES_KEY, str(failures))
    _put(uow, PIN_LOCKED_UNTIL_KEY, (at + timedelta(seconds=lock_s)).isoformat())
    uow.session.flush()
    return PinCheck(ok=False, locked_for_s=lock_s)


# -- ticket printer ----------------------------------------------------------------------------------------------

PRINTER_KEY = "kiosk.printer"


def printer_name(uow: UnitOfWork) -> str | None:
    """The printer this kiosk prints queue tickets on, as the system names it (a setting of this machine), or None."""
    return _setting(uow, PRINTER_KEY) or None


def set_printer(uow: UnitOfWork, name: str | None) -> None:
    """Print queue tickets on the printer `name` (a receipt or an office printer), or on none (None or "")."""
    _put(uow, PRINTER_KEY, (name or "").strip())
    uow.session.flush()
