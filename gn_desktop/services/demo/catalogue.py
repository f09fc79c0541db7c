"""The demo's accounts and catalogue: HQ's data, the same (same ids) on every campus PC made with one seed.

Demo accounts (known passwords, printed by `gn-desktop demo-data`), employer partners, the programmes of the public
training partners and their sessions, job offers and events; `_Catalogue` keeps the ids the people point to and the
places left in sessions and events. Every campus gets sessions starting soon at the campus and upcoming events of its
own, so that its kiosk's jobs and events screens show real content.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from datetime import time as dtime
from typing import Any

from sqlalchemy import select

from gn_core.domain import enums as e
from gn_core.domain.labels import label
from gn_core.domain.normalize import fold
from gn_core.ids import reference_id
from gn_desktop.services import accounts
from gn_desktop.services.demo.draws import _Ids
from gn_desktop.services.demo.tables import (
    _AUDIENCE_CODES,
    _AUDIENCES,
    _CAMPUS_SHARE,
    _CONTACTS,
    _CONTRACT,
    _EMPLOYERS,
    _EVENTS,
    _FUNDING,
    _OFFER_TITLES,
    _PROGRAMMES,
    _STAFF,
    ADMIN_PASSWORD,
    ADVISOR_PASSWORD,
    ADVISORS_PER_CAMPUS,
    EMAIL_DOMAINS,
    FICTION_LANDLINE_PREFIX,
    MANAGER_PASSWORD,
    PARIS,
    _ProgrammeSpec,
)
from gn_desktop.store import changes
from gn_desktop.store import models as m
from gn_desktop.store.uow import UnitOfWork


@dataclass(frozen=True, slots=True)
class DemoAccount:
    """A demo sign-in, printed so whoever runs the demo can log in."""

    username: str
    password: str
    role: e.UserRole
    campus_name: str


# --- Catalogue built once per run ---------------------------------------------------------------------------------


@dataclass(slots=True)
class _Session:
    id: str
    family: str
    women_only: bool
    starts_on: date
    ends_on: date
    capacity: int
    taken: int = 0


@dataclass(slots=True)
class _Offer:
    id: str
    partner_id: str
    family: str
    contract: e.ContractType
    posted_on: date
    closes_on: date
    is_open: bool


@dataclass(slots=True)
class _Event:
    id: str
    campus_id: str | None
    starts_at: datetime
    capacity: int | None
    taken: int = 0


@dataclass(slots=True)
class _Catalogue:
    """Reference ids the people point to, and the places left in sessions and events."""

    campus_ids: dict[str, str]
    campus_names: dict[str, str]  # campus id -> name
    advisors: dict[str, list[str]]  # campus id -> advisor ids
    employers: list[tuple[str, str, tuple[str, ...]]]  # (id, name, job families)
    sessions: list[_Session]  # sorted by start date
    session_starts: list[date]
    offers: list[_Offer]  # sorted by posting date
    offers_by_employer: dict[str, list[_Offer]]
    events: list[_Event]


# --- Accounts and catalogue, written once per run -----------------------------------------------------------------


def _display_name(rng: random.Random, female: bool) -> str:
    return f"{rng.choice(_STAFF.female if female else _STAFF.male)} {rng.choice(_STAFF.last)}"


def _accounts_and_catalogue(
    uow: UnitOfWork, rng: random.Random, new_id: _Ids, today: date, people: int
) -> tuple[list[DemoAccount], _Catalogue, dict[str, int]]:
    """Demo accounts, employer partners, programmes and their sessions, job offers and events."""
    campuses = {c.code: c for c in uow.session.scalars(select(m.Campus))}
    campus_ids = {code: c.id for code, c in campuses.items()}
    hashes = {pw: accounts.hash_password(pw) for pw in (ADVISOR_PASSWORD, MANAGER_PASSWORD, ADMIN_PASSWORD)}
    demo_accounts: list[DemoAccount] = []
    advisors: dict[str, list[str]] = {}

    def add_user(username: str, role: e.UserRole, password: str, campus_code: str | None) -> str:
        campus = campuses[campus_code] if campus_code else None
        user_id = accounts.create_user(
            uow,
            username,
            _display_name(rng, rng.random() < 0.5),
            role,
            password,
            campus_id=campus.id if campus else None,
            password_hash=hashes[password],
            user_id=reference_id("app_user", username),  # the same on every demo PC and at the demo HQ
        )
        demo_accounts.append(DemoAccount(username, password, role, campus.name if campus else ""))
        return user_id

    for code in _CAMPUS_SHARE:
        slug = code.lower()
        advisors[campus_ids[code]] = [
            add_user(f"conseil{n if n > 1 else ''}.{slug}", e.UserRole.ADVISOR, ADVISOR_PASSWORD, code)
            for n in range(1, ADVISORS_PER_CAMPUS + 1)
        ]
    for code in _CAMPUS_SHARE:
        add_user(f"resp.{code.lower()}", e.UserRole.CAMPUS_MANAGER, MANAGER_PASSWORD, code)
    add_user("admin.siege", e.UserRole.HQ_ADMIN, ADMIN_PASSWORD, "LCO")

    counts: dict[str, int] = {"app_user": len(demo_accounts)}

    def write(model: type[m.Synced], rows: list[dict[str, Any]]) -> None:
        changes.bulk_insert(uow.session, model, rows)
        counts[model.__tablename__] = counts.get(model.__tablename__, 0) + len(rows)

    # Employers that committed to hire people the campuses train
    employer_rows = []
    employers: list[tuple[str, str, tuple[str, ...]]] = []
    campus_choices = [campus_ids[c] for c in _CAMPUS_SHARE]
    employer_campus: dict[str, str | None] = {}
    for i, (name, insee, families) in enumerate(_EMPLOYERS):
        slug = "-".join(fold(name).split()[:4])
        pid = new_id()
        employers.append((pid, name, families))
        # every other employer was found by a campus, which keeps it; the others are the network's (HQ's)
        employer_campus[pid] = campus_choices[(i // 2) % len(campus_choices)] if i % 2 == 0 else None
        contact_first, contact_last = _CONTACTS[(i + i // len(_CONTACTS)) % len(_CONTACTS)]
        employer_rows.append(
            {
                "id": pid,
                "name": name,
                "kind": e.PartnerKind.EMPLOYER,
                "commune_insee": insee,
                "website": f"https://{slug}.example",
                "email": f"recrutement.{slug}@{EMAIL_DOMAINS[1]}",
                "phone": f"{FICTION_LANDLINE_PREFIX}{rng.randrange(10_000):04d}",
                "job_families": list(families),
                "committed_to_hire": True,
                "contact_name": f"{contact_first} {contact_last}",
                "contact_email": f"{fold(contact_first)}.{fold(contact_last)}@{EMAIL_DOMAINS[1]}".replace(" ", "-"),
                "contact_phone": f"{FICTION_LANDLINE_PREFIX}{(i * 379 + 17) % 10_000:04d}",
                "campus_id": employer_campus[pid],
            }
        )
    write(m.Partner, employer_rows)

    # Programmes of the public training partners, with sessions from four years ago to six months ahead
    partner_ids = dict(
        uow.session.execute(
            select(m.Partner.name, m.Partner.id).where(m.Partner.kind == e.PartnerKind.TRAINING_ORGANISATION)
        ).all()
    )
    programme_rows = []
    session_rows = []
    sessions: list[_Session] = []
    spacing = max(7, min(56, 56 * 6000 // max(people, 1)))
    programmes: list[tuple[str, _ProgrammeSpec]] = []
    for i, spec in enumerate(_PROGRAMMES):
        if spec.partner not in partner_ids:
            continue
        prog_id = new_id()
        programmes.append((prog_id, spec))
        programme_rows.append(
            {
                "id": prog_id,
                "partner_id": partner_ids[spec.partner],
                "title": spec.title,
                "job_family": e.JobFamily(spec.family),
                "duration_weeks": spec.weeks,
                "prerequisites": "Aucun diplôme requis ; motivation et test de positionnement.",
                "min_education_level": None,
                "certification": spec.certification,
                "description": f"Formation « {spec.title} » proposée par {spec.partner} (données de démonstration).",
                "funding": sorted(_FUNDING[i % len(_FUNDING)]),
            }
        )
        start = today - timedelta(days=4 * 365 - rng.randrange(spacing))
        while start <= today + timedelta(days=180):
            session = _Session(
                new_id(),
                spec.family,
                spec.women_only,
                start,
                start + timedelta(weeks=spec.weeks),
                rng.choice((12, 15, 16, 18, 20, 24)),
            )
            sessions.append(session)
            session_rows.append(
                {
                    "id": session.id,
                    "programme_id": prog_id,
                    "campus_id": rng.choice(campus_choices) if rng.random() < 0.8 else None,
                    "starts_on": session.starts_on,
                    "ends_on": session.ends_on,
                    "capacity": session.capacity,
                }
            )
            start += timedelta(days=spacing + rng.randint(-3, 3))
    for session, row in _kiosk_sessions(rng, new_id, today, programmes, campus_choices):
        sessions.append(session)
        session_rows.append(row)
    write(m.Programme, programme_rows)
    write(m.ProgrammeSession, session_rows)
    sessions.sort(key=lambda s: s.starts_on)

    # Job offers over the last two years, a few still open
    offer_rows = []
    offers: list[_Offer] = []
    by_employer: dict[str, list[_Offer]] = {pid: [] for pid, _, _ in employers}
    n_offers = 90 + people // 500
    for k in range(n_offers):
        pid, name, families = employers[k % len(employers)]
        posted = today - timedelta(days=rng.randint(0, 730))
        closes = posted + timedelta(days=rng.randint(30, 120))
        offer = _Offer(
            new_id(),
            pid,
            rng.choice(families),
            _CONTRACT(rng),
            posted,
            closes,
            closes >= today and rng.random() < 0.9,
        )
        offers.append(offer)
        by_employer[pid].append(offer)
        family_label = label(e.JobFamily(offer.family)).lower()
        offer_rows.append(
            {
                "id": offer.id,
                "partner_id": pid,
                "title": f"{label(offer.contract)} — {_OFFER_TITLES[offer.family]}",
                "job_family": e.JobFamily(offer.family),
                "contract_type": offer.contract,
                "commune_insee": _EMPLOYERS[k % len(_EMPLOYERS)][1],
                "posted_on": posted,
                "closes_on": closes,
                "description": f"Poste fictif en {family_label} chez {name}.",
                "is_open": offer.is_open,
                "campus_id": employer_campus[pid],
            }
        )
    offers.sort(key=lambda o: o.posted_on)
    write(m.JobOffer, offer_rows)

    # Events of every kind, past and upcoming
    event_rows = []
    events: list[_Event] = []
    kinds = list(_EVENTS)
    n_events = 12 + min(people // 2000, 48)
    for k in range(n_events):
        kind = kinds[k % len(kinds)]
        # the first two rounds give each kind an upcoming and a past event; the others fall anywhere
        if k >= len(kinds) * 2:
            day = today + timedelta(days=rng.randint(-540, 120))
        else:
            day = today + timedelta(days=14 if k < len(kinds) else -30)
        campus = rng.choice([*campus_choices, campus_ids["LCO"], None])
        hours = 8 if kind in (e.EventKind.HACKATHON, e.EventKind.CONTEST) else 2
        starts = datetime.combine(day, dtime(9 if hours == 8 else 14, 0), tzinfo=PARIS).astimezone(UTC)
        capacity = None if kind == e.EventKind.INFO_SESSION and rng.random() < 0.5 else rng.choice((20, 30, 40, 60))
        event = _Event(new_id(), campus, starts, capacity)
        events.append(event)
        event_rows.append(
            {
                "id": event.id,
                "title": rng.choice(_EVENTS[kind]),
                "kind": kind,
                "campus_id": campus,
                "starts_at": starts,
                "ends_at": starts + timedelta(hours=hours),
                "capacity": capacity,
                "audience": _AUDIENCES[kind],
                "audiences": sorted(_AUDIENCE_CODES[kind]),
                "description": "Événement fictif (données de démonstration).",
            }
        )
    for event, row in _kiosk_events(rng, new_id, today, campus_choices):
        events.append(event)
        event_rows.append(row)
    write(m.Event, event_rows)

    catalogue = _Catalogue(
        campus_ids=campus_ids,
        campus_names={c.id: c.name for c in campuses.values()},
        advisors=advisors,
        employers=employers,
        sessions=sessions,
        session_starts=[s.starts_on for s in sessions],
        offers=offers,
        offers_by_employer=by_employer,
        events=events,
    )
    return demo_accounts, catalogue, counts


# --- What each campus's kiosk shows -------------------------------------------------------------------------------

#: sessions of different programmes starting at each campus in the coming ten weeks
KIOSK_SESSIONS_PER_CAMPUS = 3


def _kiosk_sessions(
    rng: random.Random, new_id: _Ids, today: date, programmes: list[tuple[str, _ProgrammeSpec]], campuses: list[str]
) -> list[tuple[_Session, dict[str, Any]]]:
    """At each campus, a few sessions starting soon, so that every campus's kiosk finds training near its commune
    whatever the draw of the other sessions gave it."""
    made = []
    for campus_id in campuses:
        for k, (prog_id, spec) in enumerate(rng.sample(programmes, min(KIOSK_SESSIONS_PER_CAMPUS, len(programmes)))):
            start = today + timedelta(days=7 + 21 * k + rng.randrange(14))
            end = start + timedelta(weeks=spec.weeks)
            session = _Session(new_id(), spec.family, spec.women_only, start, end, rng.choice((12, 16, 20)))
            row = {
                "id": session.id,
                "programme_id": prog_id,
                "campus_id": campus_id,
                "starts_on": start,
                "ends_on": end,
                "capacity": session.capacity,
            }
            made.append((session, row))
    return made


def _kiosk_events(
    rng: random.Random, new_id: _Ids, today: date, campuses: list[str]
) -> list[tuple[_Event, dict[str, Any]]]:
    """At each campus, an information session and a hackathon or contest in the coming five weeks (kinds the kiosk
    offers: outreach actions are for groups)."""
    made = []
    for campus_id in campuses:
        kinds = [e.EventKind.INFO_SESSION, rng.choice((e.EventKind.HACKATHON, e.EventKind.CONTEST))]
        rng.shuffle(kinds)
        for k, kind in enumerate(kinds):
            day = today + timedelta(days=2 + 14 * k + rng.randrange(12))
            hours = 2 if kind == e.EventKind.INFO_SESSION else 8
            starts = datetime.combine(day, dtime(14 if hours == 2 else 9, 0), tzinfo=PARIS).astimezone(UTC)
            event = _Event(new_id(), campus_id, starts, rng.choice((30, 40, 60)))
            row = {
                "id": event.id,
                "title": rng.choice(_EVENTS[kind]),
                "kind": kind,
                "campus_id": campus_id,
                "starts_at": starts,
                "ends_at": starts + timedelta(hours=hours),
                "capacity": event.capacity,
                "audience": _AUDIENCES[kind],
                "audiences": sorted(_AUDIENCE_CODES[kind]),
                "description": "Événement fictif (données de démonstration).",
            }
            made.append((event, row))
    return made
