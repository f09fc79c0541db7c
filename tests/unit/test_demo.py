"""Demo data: deterministic, fictional, complete (every pathway step, status and kind) and captured like any write.

One store of 2,000 people is generated once for the module; determinism is checked on small stores.
"""

from __future__ import annotations

import itertools
import random
import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta

import phonenumbers
import pytest
from sqlalchemy import func, select
from stdnum.fr import siret as stdnum_siret

from gn_core import fields as value_rules
from gn_core.domain import enums as e
from gn_core.domain.errors import KnownError
from gn_core.domain.pathway import MoveDetails, check_move
from gn_core.domain.validation import check_email, check_france_travail_id
from gn_core.sync_rules import ENTITIES, PERSON_SCOPED, DeviceRole, write_refusal
from gn_desktop.services import accounts, demo, kiosk
from gn_desktop.services.demo.tables import _CAMPUS_SHARE
from gn_desktop.store import models as m
from gn_desktop.store.uow import Store

TODAY = date(2026, 3, 2)
BIG = 2000
SMALL = 50
FICTION_PHONE = re.compile(r"^\+3363998\d{4}$")
#: columns that say which device wrote a row and when: they differ between two stores by design
DEVICE_COLUMNS = frozenset({"created_at", "updated_at", "updated_by_device_id", "updated_by_campus_id"})


def _generate(people: int, seed: int) -> tuple[Store, demo.DemoSummary]:
    store = Store.in_memory()
    # small chunks, so that drawing and writing overlap (and several units of work are exercised)
    summary = demo.generate(store, people=people, seed=seed, today=TODAY, chunk_size=500)
    return store, summary


@pytest.fixture(scope="module")
def big() -> Iterator[tuple[Store, demo.DemoSummary]]:
    store, summary = _generate(BIG, seed=1)
    yield store, summary
    store.dispose()


def canonical_dump(store: Store, table: str) -> str:
    """The table's rows as text, ordered by id, without device stamps; campus, account and public partner ids are
    replaced by their natural keys (code, username, name) because their services mint ordinary device ids."""
    with store.engine.connect() as conn:
        natural: dict[str, str] = {}
        for sql in ("SELECT id, code FROM campus", "SELECT id, username FROM app_user", "SELECT id, name FROM partner"):
            natural.update({row[0]: row[1] for row in conn.exec_driver_sql(sql)})
        result = conn.exec_driver_sql(f"SELECT * FROM {table} ORDER BY id")  # table names are ours
        keys = list(result.keys())
        lines = []
        for row in result:
            kept = [natural.get(v, v) for k, v in zip(keys, row, strict=True) if k not in DEVICE_COLUMNS]
            lines.append(repr(kept))
    return "\n".join(lines)


# --- Determinism ------------------------------------------------------------------------------------------------


def test_same_seed_gives_the_same_people_and_record_ids_and_another_seed_does_not(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(accounts, "hash_password", lambda password: f"not-a-hash:{password}")  # argon2 is slow
    first, _ = _generate(SMALL, seed=7)
    second, _ = _generate(SMALL, seed=7)
    other, _ = _generate(SMALL, seed=8)
    try:
        for table in ("person", "pathway_event", "consent", "note", "referral", "appointment", "job_offer"):
            assert canonical_dump(first, table) == canonical_dump(second, table), table
        assert canonical_dump(first, "person") != canonical_dump(other, "person")
        with first.reading() as s:
            ids = list(s.scalars(select(m.Person.id)))
        assert len(ids) == SMALL and all(len(i) == 36 and i[14] == "7" for i in ids)
    finally:
        for store in (first, second, other):
            store.dispose()


def test_ids_are_unique_across_tables(big: tuple[Store, demo.DemoSummary]) -> None:
    store, _ = big
    with store.engine.connect() as conn:
        ids = [
            row[0] for model in m.SYNCED_MODELS for row in conn.exec_driver_sql(f"SELECT id FROM {model.__tablename__}")
        ]
    assert len(ids) == len(set(ids))
    assert all(len(i) == 36 for i in ids)


# --- Pathways ---------------------------------------------------------------------------------------------------


def test_every_pathway_step_is_someone_s_current_step(big: tuple[Store, demo.DemoSummary]) -> None:
    store, _ = big
    with store.reading() as s:
        steps = set(s.scalars(select(m.Person.pathway_step).distinct()))
    assert steps == set(e.PathwayStep)


def test_every_pathway_chain_is_legal_and_ends_at_the_current_step(big: tuple[Store, demo.DemoSummary]) -> None:
    store, _ = big
    with store.reading() as s:
        people = {p.id: p for p in s.scalars(select(m.Person))}
        chains: dict[str, list[m.PathwayEvent]] = defaultdict(list)
        for ev in s.scalars(select(m.PathwayEvent).order_by(m.PathwayEvent.id)):  # ids follow creation order
            chains[ev.person_id].append(ev)
        employers = set(s.scalars(select(m.Partner.name).where(m.Partner.kind == e.PartnerKind.EMPLOYER)))
    assert set(chains) == set(people)
    for pid, chain in chains.items():
        assert chain[0].from_step is None and chain[0].to_step == e.PathwayStep.WELCOME
        assert chain[0].occurred_on == people[pid].enrolled_on
        for before, ev in itertools.pairwise(chain):
            assert ev.from_step == before.to_step
            assert before.occurred_on < ev.occurred_on <= TODAY
            details = MoveDetails(
                contract_type=ev.contract_type,
                employer_name=ev.employer_name,
                contract_start=ev.contract_start,
                siret=ev.siret,
                business_created_on=ev.business_created_on,
                exit_reason=ev.exit_reason,
            )
            check_move(ev.from_step, ev.to_step, details)  # raises if illegal
            if ev.to_step == e.PathwayStep.OUTCOME_HIRED:
                assert ev.employer_name in employers and ev.employer_partner_id is not None
            if ev.to_step == e.PathwayStep.OUTCOME_BUSINESS:
                assert stdnum_siret.is_valid(ev.siret or "")
        assert chain[-1].to_step == people[pid].pathway_step
        assert chain[-1].occurred_on == people[pid].pathway_since


def test_fictional_sirets_pass_stdnum() -> None:
    rng = random.Random(3)
    assert all(stdnum_siret.is_valid(demo.fictional_siret(rng)) for _ in range(2000))


# --- People -----------------------------------------------------------------------------------------------------


def test_contact_details_are_fictional(big: tuple[Store, demo.DemoSummary]) -> None:
    store, _ = big
    with store.reading() as s:
        rows = s.execute(select(m.Person.phone, m.Person.email, m.Person.france_travail_id, m.Person.situation)).all()
    phones = [r.phone for r in rows if r.phone]
    emails = [r.email for r in rows if r.email]
    assert len(phones) > BIG * 0.8 and len(emails) > BIG * 0.6
    assert len(set(phones)) == len(phones)  # the 10,000-number block is only reused beyond 10,000 people
    for phone in phones:
        assert FICTION_PHONE.match(phone), phone
        parsed = phonenumbers.parse(phone, None)
        # a French mobile number in E.164; libphonenumber marks this block unassigned (it is kept for fiction)
        assert parsed.country_code == 33 and phonenumbers.is_possible_number(parsed)
        assert phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164) == phone
    for email in emails:
        assert email.rsplit("@", 1)[1] in ("example.org", "example.net")
        assert check_email(email) == email
    for r in rows:
        if r.situation == e.Situation.JOB_SEEKER:
            assert r.france_travail_id is not None
        if r.france_travail_id:
            assert check_france_travail_id(r.france_travail_id) == r.france_travail_id


def test_people_are_varied_and_mostly_from_the_93(big: tuple[Store, demo.DemoSummary]) -> None:
    store, _ = big
    with store.reading() as s:
        people = list(s.scalars(select(m.Person)))
    outside = sum(p.commune_insee is None for p in people)
    assert 0.02 * BIG < outside < 0.09 * BIG
    assert all(p.commune_other for p in people if p.commune_insee is None)
    ages = [(p.enrolled_on - p.birth_date).days // 365 for p in people if p.birth_date]
    assert min(ages) >= 16 and max(ages) <= 60 and sorted(ages)[len(ages) // 2] < 32
    names = {p.first_name for p in people}
    assert any("-" in n for n in names) and any(ch in "éèëïç" for n in names for ch in n)
    assert {"Mamadou", "Mohamed", "Wei", "Priya", "João"} & names
    assert {p.campus_id for p in people} == {store.campus_id}  # a campus PC holds the files of its campus


def test_two_campus_pcs_share_the_catalogue_and_accounts_but_not_their_people() -> None:
    sdn, aub = Store.in_memory(), Store.in_memory()
    try:
        demo.generate(sdn, people=30, seed=5, today=TODAY)
        demo.generate(aub, people=30, seed=5, today=TODAY, campus_code="AUB")
        reference: list[set[tuple[str, str]]] = []
        people: list[set[str]] = []
        for store in (sdn, aub):
            with store.reading() as s:
                reference.append(
                    {
                        (model.__tablename__, i)
                        for model in (m.User, m.Partner, m.Programme, m.ProgrammeSession, m.JobOffer, m.Event)
                        for i in s.scalars(select(model.id))
                    }
                )
                people.append(set(s.scalars(select(m.Person.id))))
                assert set(s.scalars(select(m.Person.campus_id))) == {store.campus_id}
        assert reference[0] == reference[1] and len(reference[0]) > 20
        assert people[0] and people[1] and not people[0] & people[1]
        with pytest.raises(KnownError, match="Campus « XYZ »"):
            demo.generate(Store.in_memory(), people=1, seed=5, campus_code="XYZ")
    finally:
        sdn.dispose()
        aub.dispose()


def test_consents_rqth_and_notes(big: tuple[Store, demo.DemoSummary]) -> None:
    store, _ = big
    with store.reading() as s:
        purposes: dict[str, set[e.ConsentPurpose]] = defaultdict(set)
        for pid, purpose in s.execute(select(m.Consent.person_id, m.Consent.purpose)):
            purposes[pid].add(purpose)
        rqth = set(s.scalars(select(m.RqthDecision.person_id)))
        restricted = s.scalar(select(func.count()).where(m.Note.restricted.is_(True)))
        notes = s.scalar(select(func.count()).select_from(m.Note))
    assert len(purposes) == BIG and all(e.ConsentPurpose.FOLLOW_UP in p for p in purposes.values())
    assert set().union(*purposes.values()) == set(e.ConsentPurpose)
    assert 0.01 * BIG < len(rqth) < 0.08 * BIG
    assert all(e.ConsentPurpose.RQTH_RECORDING in purposes[pid] for pid in rqth)
    assert notes and 0 < (restricted or 0) < notes * 0.2


def test_every_status_and_kind_is_represented(big: tuple[Store, demo.DemoSummary]) -> None:
    store, _ = big
    with store.reading() as s:
        referral = s.execute(select(m.Referral.status, m.Referral.programme_session_id, m.Referral.job_offer_id)).all()
        kinds = set(s.scalars(select(m.Event.kind)))
        attendance = set(s.scalars(select(m.EventRegistration.status)))
        stages = set(s.scalars(select(m.Startup.stage)))
        zones = set(s.scalars(select(m.Startup.zfu_zone)))
        committed = s.scalar(
            select(func.count()).where(m.Partner.kind == e.PartnerKind.EMPLOYER, m.Partner.committed_to_hire)
        )
    assert {r.status for r in referral} == set(e.ReferralStatus)
    assert all((r.programme_session_id is None) != (r.job_offer_id is None) for r in referral)
    assert any(r.programme_session_id for r in referral) and any(r.job_offer_id for r in referral)
    assert kinds == set(e.EventKind)
    assert attendance == set(e.AttendanceStatus)
    assert stages == set(e.StartupStage) - {e.StartupStage.PROTOTYPE}  # its earlier name, kept for old records
    assert len(zones - {None}) > 1
    assert committed == 30


def test_every_campus_kiosk_has_sessions_nearby_and_events_of_its_own(big: tuple[Store, demo.DemoSummary]) -> None:
    """The kiosk's jobs and events screens show real content at every demo campus: sessions starting in the coming
    months at (or near) the campus, and upcoming events of its own of the kinds a kiosk offers."""
    store, _ = big
    soon = TODAY + timedelta(days=120)
    with store.read_unit(None) as uow:
        campuses = uow.session.execute(select(m.Campus.id, m.Campus.code, m.Campus.commune_insee)).all()
        for campus_id, code, commune in campuses:
            if code not in _CAMPUS_SHARE:
                continue  # HQ
            sessions = uow.session.scalar(
                select(func.count()).where(
                    m.ProgrammeSession.campus_id == campus_id,
                    m.ProgrammeSession.starts_on > TODAY,
                    m.ProgrammeSession.starts_on <= soon,
                )
            )
            assert (sessions or 0) >= 3, code
            offers = kiosk.programmes_near(uow, commune, today=TODAY)
            assert len(offers) >= 3 and min(o.distance_km or 0 for o in offers) < 2, code
            events = uow.session.scalars(
                select(m.Event.kind).where(
                    m.Event.campus_id == campus_id,
                    m.Event.starts_at > datetime.combine(TODAY, time(23, 59), tzinfo=UTC),
                    m.Event.starts_at <= datetime.combine(soon, time(0, 0), tzinfo=UTC),
                )
            ).all()
            assert len([k for k in events if k != e.EventKind.OUTREACH]) >= 2, code


def test_appointments_today_at_the_device_campus(big: tuple[Store, demo.DemoSummary]) -> None:
    store, _ = big
    sdn = store.campus_id
    with store.reading() as s:
        code = s.scalar(select(m.Campus.code).where(m.Campus.id == sdn))
        starts = list(s.scalars(select(m.Appointment.starts_at).where(m.Appointment.campus_id == sdn)))
    assert code == "SDN"
    days = [when.date() for when in starts]
    assert sum(d == TODAY for d in days) >= 5
    assert any(d < TODAY for d in days) and any(d > TODAY for d in days)


# --- Capture, accounts, re-runs ---------------------------------------------------------------------------------


def test_every_synced_record_has_its_change_log_and_history_entry(big: tuple[Store, demo.DemoSummary]) -> None:
    """People and their records are queued for HQ; the reference data (campuses, accounts, catalogue) is HQ's, so it
    has its history but is never queued (a campus PC may not write it at HQ)."""
    store, summary = big
    with store.reading() as s:
        logged = dict(s.execute(select(m.ChangeLog.entity, func.count()).group_by(m.ChangeLog.entity)).all())
        history = dict(s.execute(select(m.HistoryEntry.entity, func.count()).group_by(m.HistoryEntry.entity)).all())
        for model in m.SYNCED_MODELS:
            entity = model.__tablename__
            rows = s.scalar(select(func.count()).select_from(model))
            queued = rows if entity in PERSON_SCOPED or entity not in ENTITIES else 0
            assert logged.get(entity, 0) == queued, entity
            assert history.get(entity, 0) == rows, entity
    assert summary.counts["person"] == BIG and summary.counts["pathway_event"] == logged["pathway_event"]


def test_every_queued_demo_change_is_one_hq_accepts(big: tuple[Store, demo.DemoSummary]) -> None:
    """Each value passes the checks HQ runs before merging (gn_core.fields), and each change is one a PC of the demo
    campus may make (gn_core.sync_rules): the demo's first sync is never refused."""
    store, _summary = big
    with store.reading() as s:
        entries = s.execute(select(m.ChangeLog.entity, m.ChangeLog.record_id, m.ChangeLog.fields)).all()
        campus = store.campus_id
    assert entries and campus is not None
    for entity, record_id, fields in entries:
        if entity not in ENTITIES:
            continue
        new = {name: f["new"] for name, f in fields.items()}
        assert value_rules.problems(entity, new, complete=True) == [], (entity, record_id)
        refusal = write_refusal(
            DeviceRole.CAMPUS_PC,
            campus,
            entity,
            record_id,
            "insert",
            stored=None,
            new=new,
            follows=lambda _pid: True,
            campus_exists=lambda _cid: True,
        )
        assert refusal is None, (entity, refusal)


def test_demo_accounts_sign_in_with_the_printed_passwords(big: tuple[Store, demo.DemoSummary]) -> None:
    store, summary = big
    with store.reading() as s:
        hashes = dict(s.execute(select(m.User.username, m.User.password_hash)).all())
        roles = dict(s.execute(select(m.User.username, m.User.role)).all())
    assert {"conseil.sdn", "resp.sdn", "admin.siege"} <= set(hashes)
    by_password: dict[str, set[str]] = defaultdict(set)
    for account in summary.accounts:
        assert len(account.password) >= accounts.MIN_PASSWORD_LENGTH
        assert roles[account.username] == account.role
        by_password[account.password].add(hashes[account.username])
    assert len(by_password) == 3 and all(len(h) == 1 for h in by_password.values())  # each password hashed once
    for password, (password_hash,) in by_password.items():
        assert accounts.verify_password(password_hash, password)
    text = summary.describe()
    assert "conseil.sdn" in text and "demo-conseil" in text and "2\u202f000 personnes" in text


def test_a_store_with_data_is_refused(big: tuple[Store, demo.DemoSummary]) -> None:
    store, _ = big
    with pytest.raises(KnownError, match="contient déjà"):
        demo.generate(store, people=10, seed=1, today=TODAY)
    with store.reading() as s:
        assert s.scalar(select(func.count()).select_from(m.Person)) == BIG


def test_a_history_that_ramps_up_with_seasonal_intakes(big: tuple[Store, demo.DemoSummary]) -> None:
    """Enrolments span the programme's history, grow from one year to the next, peak at the September intake; the
    people placed are spread over the months, so the Pilotage page shows trends."""
    store, _ = big
    with store.reading() as s:
        enrolled = s.scalars(select(m.Person.enrolled_on)).all()
    per_month = Counter(f"{d:%Y-%m}" for d in enrolled)
    assert min(enrolled) <= TODAY - timedelta(days=365)
    first_year = sum(n for mo, n in per_month.items() if mo.startswith(f"{TODAY.year - 1}"))
    assert first_year > 0
    assert per_month[f"{TODAY.year - 1}-09"] > per_month[f"{TODAY.year - 1}-08"]
    with store.reading() as s:
        placed = s.scalars(
            select(m.PathwayEvent.occurred_on).where(
                m.PathwayEvent.to_step.in_([e.PathwayStep.OUTCOME_HIRED, e.PathwayStep.OUTCOME_BUSINESS])
            )
        ).all()
    assert len({f"{d:%Y-%m}" for d in placed}) >= 6
