"""The kiosk as a device of its campus, with real processes (a `gn-hq serve` on SQLite and on PostgreSQL, an advisor PC
and kiosk PCs in their own data dirs): check-ins by code and by name reach the advisor PC, a walk-in's
pre-registration goes from the queue to a person's file, an event sign-up arrives, two kiosks never hand out the same
ticket, kill -9 of a kiosk while it sends loses and doubles nothing, and a kiosk synced against a campus of 2,000 demo
people holds none of their names, phones, e-mails or birth dates."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from gn_core.sync_rules import DeviceRole
from gn_desktop.app import KIOSK_DEBOUNCE_S
from gn_desktop.services import demo, drafts, followup, home, intake, kiosk
from gn_desktop.store import models as m
from gn_desktop.store.uow import Store
from gn_desktop.sync.engine import Syncer
from gn_desktop.sync.scheduler import SyncScheduler
from tests.e2e.conftest import ROOT, Campus, Hq, next_campus_code
from tests.support.disk import readable_bytes
from tests.support.pg import pg_database

NOW = datetime.now(UTC)


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def front_hq(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, keyring_file: dict[str, str]
) -> Iterator[Hq]:
    if request.param == "sqlite":
        server = Hq(tmp_path_factory.mktemp("hq"), keyring_file)
        server.start()
        yield server
        server.stop()
        return
    with pg_database("gn_hq_kiosk") as url:
        server = Hq(tmp_path_factory.mktemp("hq"), keyring_file, database_url=url)
        server.start()
        yield server
        server.stop()


def _advisor(hq: Hq, root: Path, env: dict[str, str], code: str | None = None, people: int = 0) -> Campus:
    campus = Campus("advisor", root / "advisor", env, hq, code or next_campus_code())
    secret = hq.new_code(campus.code)
    store = campus.store()
    try:
        if people:
            demo.generate(store, people=people, seed=4, campus_code=campus.code)
        Syncer(store, campus.data_dir).enrol(hq.url, secret, "accueil", role=DeviceRole.CAMPUS_PC)
    finally:
        store.dispose()
    campus.sync()
    return campus


def _kiosk(advisor: Campus, root: Path, name: str = "kiosk") -> Campus:
    borne = Campus(name, root / name, advisor.env, advisor.hq, advisor.code)
    store = borne.store()
    try:
        Syncer(store, borne.data_dir).enrol(
            advisor.hq.url, advisor.hq.device_code(advisor.code, "kiosk"), name, role=DeviceRole.KIOSK
        )
        assert store.role is DeviceRole.KIOSK
    finally:
        store.dispose()
    borne.sync()
    return borne


def _appointment(advisor: Campus, first: str, last: str, birth: str, *, at: datetime | None = None) -> tuple[str, str]:
    """A person of the advisor's campus with an appointment today; returns (person id, check-in code)."""
    store = advisor.store()
    try:
        with store.unit_of_work(None) as uow:
            form = intake.PersonForm(first_name=first, last_name=last, birth_date=birth, phone="0639981234")
            pid = intake.create_person(
                uow, form, [intake.ConsentInput("follow_up")], campus_id=store.campus_id, today=date.today(),
                confirmed_new=True,
            )  # fmt: skip
            when = at or _later_today()
            aid = followup.book_appointment(uow, pid, when)
            code = uow.session.get(m.Appointment, aid).code  # type: ignore[union-attr]
            uow.commit()
    finally:
        store.dispose()
    advisor.sync()
    assert code
    return pid, code


def _later_today() -> datetime:
    """A moment of today's local day, a little ahead of now (behind it just before midnight)."""
    soon = datetime.now().astimezone() + timedelta(minutes=10)
    moment = soon if soon.date() == date.today() else soon - timedelta(minutes=20)
    return moment.astimezone(UTC)


def _run(campus: Campus, fn: object, *args: object, **kwargs: object) -> object:
    store = campus.store()
    try:
        with store.unit_of_work(None) as uow:
            result = fn(uow, *args, **kwargs)  # type: ignore[operator]
            uow.commit()
        return result
    finally:
        store.dispose()


def _waiting(advisor: Campus) -> list[home.WalkIn]:
    store = advisor.store()
    try:
        with store.read_unit(None) as uow:
            return home.home_view(uow, date.today()).walk_ins  # type: ignore[attr-defined]
    finally:
        store.dispose()


def test_check_ins_by_code_and_by_name_reach_the_advisor_pc(
    front_hq: Hq, tmp_path: Path, keyring_file: dict[str, str]
) -> None:
    advisor = _advisor(front_hq, tmp_path, keyring_file)
    pid, code = _appointment(advisor, "Awa", "Diallo", "12/04/2003")
    other, _ = _appointment(advisor, "Binta", "Sow", "03/02/1990")
    borne = _kiosk(advisor, tmp_path)
    by_code = _run(borne, kiosk.check_in_by_code, code)
    again = _run(borne, kiosk.check_in_by_code, code)
    by_name = _run(borne, kiosk.check_in_by_name_and_birth_date, "binta", "SOW", "03/02/1990")
    assert by_code.first_name == "Awa" and again.ticket == by_code.ticket  # type: ignore[attr-defined]
    assert by_name.first_name == "Binta" and by_name.ticket != by_code.ticket  # type: ignore[attr-defined]
    assert by_code.ticket.startswith("R1-")  # type: ignore[attr-defined]
    with pytest.raises(kiosk.CheckInNotFound):
        _run(borne, kiosk.check_in_by_code, "000000")
    borne.sync()
    advisor.sync()
    waiting = {w.person_id: w for w in _waiting(advisor)}
    assert set(waiting) == {pid, other}
    assert waiting[pid].ticket == by_code.ticket  # type: ignore[attr-defined]
    store = advisor.store()
    try:
        with store.reading() as s:
            statuses = set(s.scalars(select(m.Appointment.status).where(m.Appointment.person_id.in_([pid, other]))))
    finally:
        store.dispose()
    assert statuses == {"arrived"}
    assert _kiosk_holds_nothing_sent(borne)


def _kiosk_holds_nothing_sent(borne: Campus) -> bool:
    store = borne.store()
    try:
        with store.reading() as s:
            return not s.scalars(select(m.Visit.id)).all() and not s.scalars(select(m.PreRegistration.id)).all()
    finally:
        store.dispose()


def test_a_walk_in_goes_from_the_kiosk_to_the_queue_to_a_person_s_file(
    front_hq: Hq, tmp_path: Path, keyring_file: dict[str, str]
) -> None:
    advisor = _advisor(front_hq, tmp_path, keyring_file)
    second = Campus("second", tmp_path / "second", keyring_file, front_hq, advisor.code)
    store = second.store()
    try:
        Syncer(store, second.data_dir).enrol(front_hq.url, front_hq.device_code(advisor.code), "second")
    finally:
        store.dispose()
    borne = _kiosk(advisor, tmp_path)
    form = kiosk.PreRegistrationForm(
        first_name="Inès", last_name="Moreau", birth_date="05/06/2001", phone="06 39 98 44 55", email="",
        commune_insee="93066", commune_other="", job_families=("data",), reason="training", consent=True,
        language="fr", accessibility="",
    )  # fmt: skip
    ticket = _run(borne, kiosk.pre_register, form)
    assert ticket.ticket.startswith("N1-")  # type: ignore[attr-defined]
    borne.sync()
    for pc in (advisor, second):
        pc.sync()
    [walk_in] = [w for w in _waiting(advisor) if w.pre_registration_id]
    assert walk_in.name.startswith("Inès") or "Moreau" in walk_in.name
    values = _run(advisor, drafts.pre_registration_form, walk_in.pre_registration_id)
    person_form = intake.PersonForm(**{k: v for k, v in values.items() if k in intake.PersonForm.__dataclass_fields__})
    request = drafts.IntakeRequest(
        form=person_form,
        consents=[intake.ConsentInput("follow_up")],
        confirmed_new=True,
        pre_registration_id=walk_in.pre_registration_id,
    )
    pid = _run(advisor, drafts.complete_intake, request, date.today())
    advisor.sync()
    second.sync()
    assert not any(w.pre_registration_id for w in _waiting(second))  # received: out of the queue everywhere
    assert not [w for w in _waiting(second) if w.ticket == ticket.ticket]  # type: ignore[attr-defined]
    assert second.person(str(pid)) is not None and _kiosk_holds_nothing_sent(borne)


def test_an_event_sign_up_arrives_and_two_kiosks_never_share_a_ticket(
    front_hq: Hq, tmp_path: Path, keyring_file: dict[str, str]
) -> None:
    advisor = _advisor(front_hq, tmp_path, keyring_file)
    event_id = _run(
        advisor, lambda uow: __import__("gn_desktop.services.events", fromlist=["x"]).create_event(
            uow, "Hackathon IA", "hackathon", NOW + timedelta(days=3), NOW + timedelta(days=3, hours=8), capacity=30
        )
    )  # fmt: skip
    advisor.sync()
    first, second = _kiosk(advisor, tmp_path, "kiosk1"), _kiosk(advisor, tmp_path, "kiosk2")
    sign_up = kiosk.EventSignUp(first_name="Lina", last_name="Haddad", phone="", email="lina@example.org",
                                consent=True, language="ar")  # fmt: skip
    _run(first, kiosk.register_for_event, event_id, sign_up)
    tickets = [
        _run(borne, kiosk.pre_register, kiosk.PreRegistrationForm(
            first_name=f"Visiteur{i}", last_name="Test", birth_date="01/01/1990", phone="0639981111", email="",
            commune_insee="93066", commune_other="", job_families=(), reason="information", consent=True,
            language="fr", accessibility="",
        )).ticket  # type: ignore[attr-defined]
        for i, borne in enumerate((first, second, first, second))
    ]  # fmt: skip
    assert len(set(tickets)) == 4, tickets
    for pc in (first, second, advisor):
        pc.sync()
    store = advisor.store()
    try:
        with store.reading() as s:
            signed = s.scalars(select(m.PreRegistration).where(m.PreRegistration.event_id == event_id)).all()
            assert [(p.first_name, p.language) for p in signed] == [("Lina", "ar")]
            visits = set(s.scalars(select(m.Visit.ticket).where(m.Visit.campus_id == store.campus_id)))
    finally:
        store.dispose()
    assert set(tickets) <= visits
    # the advisor receives the sign-up: a person, registered for the event
    person_form = intake.PersonForm(first_name="Lina", last_name="Haddad", email="lina@example.org")
    request = drafts.IntakeRequest(
        form=person_form, consents=[intake.ConsentInput("follow_up")], confirmed_new=True,
        pre_registration_id=signed[0].id,
    )  # fmt: skip
    pid = _run(advisor, drafts.complete_intake, request, date.today())
    store = advisor.store()
    try:
        with store.reading() as s:
            registered = s.scalars(
                select(m.EventRegistration.person_id).where(m.EventRegistration.event_id == event_id)
            )
            assert list(registered) == [pid]
    finally:
        store.dispose()


def test_kill_9_of_a_kiosk_while_it_sends_loses_and_doubles_nothing(
    front_hq: Hq, tmp_path: Path, keyring_file: dict[str, str]
) -> None:
    advisor = _advisor(front_hq, tmp_path, keyring_file)
    borne = _kiosk(advisor, tmp_path)
    names = [f"Nom{i}" for i in range(40)]
    for name in names:
        _run(borne, kiosk.pre_register, kiosk.PreRegistrationForm(
            first_name="Kiosque", last_name=name, birth_date="01/01/1990", phone="0639981111", email="",
            commune_insee="93066", commune_other="", job_families=(), reason="information", consent=True,
            language="fr", accessibility="",
        ))  # fmt: skip
    # a sync of the kiosk in its own process, killed while it pushes (small batches: several requests)
    child = subprocess.Popen(
        [sys.executable, "-c", KILLABLE_SYNC, str(borne.data_dir)],
        env={**keyring_file, "PYTHONPATH": str(ROOT)},
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    assert child.stdout is not None
    assert child.stdout.readline().strip() == b"push"  # it has started sending
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    child.stdout.close()
    borne.sync()
    borne.sync()
    advisor.sync()
    store = advisor.store()
    try:
        with store.reading() as s:
            got = s.scalars(select(m.PreRegistration.last_name).where(m.PreRegistration.first_name == "Kiosque")).all()
    finally:
        store.dispose()
    assert sorted(got) == sorted(names)  # each one once
    assert borne.pending() == 0 and _kiosk_holds_nothing_sent(borne)


KILLABLE_SYNC = """
import sys, time
from pathlib import Path
from gn_desktop.store.uow import Store
from gn_desktop.app import KIOSK_DEBOUNCE_S
from gn_desktop.store.uow import Store
from gn_desktop.sync.engine import Syncer
from gn_desktop.sync.scheduler import SyncScheduler
data = Path(sys.argv[1])
def progress(phase, done, total):
    if phase == "push":
        print("push", flush=True)
        time.sleep(0.05)
Syncer(Store.open(data), data, progress=progress, batch_size=3).cycle()
"""


def test_a_kiosk_of_a_campus_of_2000_people_holds_none_of_their_data(
    front_hq: Hq, tmp_path: Path, keyring_file: dict[str, str]
) -> None:
    advisor = _advisor(front_hq, tmp_path, keyring_file, code="SDN", people=2000)
    borne = _kiosk(advisor, tmp_path)
    store = advisor.store()
    recent = datetime.now(UTC) - timedelta(hours=13)
    try:
        with store.reading() as s:
            people = s.execute(select(m.Person.last_name, m.Person.phone, m.Person.email, m.Person.birth_date)).all()
            # a kiosk may show a first name back to the visitor who typed it: many French last names are also first
            # names ("Bertrand", "Antoine"), so those are not counted as leaks
            first_names = set(s.scalars(select(m.Person.first_name)))
            today = [
                (a.code, first)
                for a, first in s.execute(
                    select(m.Appointment, m.Person.first_name)
                    .join(m.Person, m.Person.id == m.Appointment.person_id)
                    .where(m.Appointment.status == "planned")
                ).all()
                # the kiosk's index holds the appointments of the last 14 hours (gn_hq.services.kiosk.INDEX_BEHIND)
                if a.code and a.starts_at.astimezone().date() == date.today() and a.starts_at > recent
            ]
    finally:
        store.dispose()
    assert len(people) == 2000 and today, "the demo has appointments today"
    code, first_name = today[0]
    assert _run(borne, kiosk.check_in_by_code, code).first_name == first_name  # type: ignore[attr-defined]
    borne.sync()
    secrets = set()
    for last, phone, email, birth in people:
        if last not in first_names:
            secrets.add(last)
        secrets.update(v for v in (phone, email) if v)
        if birth is not None:
            secrets.update({birth.isoformat(), birth.strftime("%d/%m/%Y")})
    texts = [readable_bytes(p).decode("utf-8", "replace") for p in borne.data_dir.rglob("*") if p.is_file()]
    assert texts
    words = set().union(*(re.findall(r"\w+", text) for text in texts))

    def held(secret: str) -> bool:
        # names as whole words only ("Li" is in "Livraison", "Marin" in "Marine"); phones, e-mails, dates as they are
        tokens = re.findall(r"\w+", secret)
        return all(t in words for t in tokens) and any(secret in text for text in texts)

    found = {s for s in secrets if held(s)}
    assert found == set(), sorted(found)[:10]


def test_with_hq_reachable_a_check_in_shows_on_an_advisor_pc_within_5_seconds(
    front_hq: Hq, tmp_path: Path, keyring_file: dict[str, str]
) -> None:
    """The kiosk's own scheduler sends the check-in at once; the advisor's, long polling HQ, pulls it."""
    advisor = _advisor(front_hq, tmp_path, keyring_file)
    _pid, code = _appointment(advisor, "Awa", "Diallo", "12/04/2003")
    borne = _kiosk(advisor, tmp_path)
    advisor_store, kiosk_store = advisor.store(), borne.store()
    schedulers = [
        SyncScheduler(
            lambda p: Syncer(advisor_store, advisor.data_dir, progress=p).cycle(),
            watch=lambda t: Syncer(advisor_store, advisor.data_dir).wait_for_news(t),
            watch_s=5,
        ),
        SyncScheduler(lambda p: Syncer(kiosk_store, borne.data_dir, progress=p).cycle(), debounce_s=KIOSK_DEBOUNCE_S),
    ]
    try:
        for scheduler in schedulers:
            scheduler.start()
        deadline = time.monotonic() + 20
        while schedulers[0].cycles < 1 or schedulers[1].cycles < 1:  # both have done their first cycle
            assert time.monotonic() < deadline
            time.sleep(0.05)
        with kiosk_store.unit_of_work(None) as uow:
            ticket = kiosk.check_in_by_code(uow, code).ticket
            uow.commit()
        checked_in = time.monotonic()
        schedulers[1].changes_made()  # what the task runner tells the kiosk's scheduler after a write
        while not _visit_arrived(advisor_store, ticket):
            assert time.monotonic() - checked_in < 5, "the check-in took more than 5 s to reach the advisor PC"
            time.sleep(0.05)
    finally:
        for scheduler in schedulers:
            scheduler.stop()
        advisor_store.dispose()
        kiosk_store.dispose()


def _visit_arrived(store: Store, ticket: str) -> bool:
    with store.reading() as s:
        return s.scalar(select(m.Visit.id).where(m.Visit.ticket == ticket)) is not None
