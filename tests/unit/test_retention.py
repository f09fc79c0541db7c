"""Limited retention on a campus PC, with fixed dates: the last contact computed by the store is gn_core's definition;
advisors see a file on their worklist 30 days before HQ anonymises it ("Dossier anonymisé le … sans nouveau
contact"), with HQ's period; a file HQ anonymised arrives anonymised and no old value survives on the PC — not in
the file's history, nor in changes not sent yet — and it can no longer be edited here."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import Any

import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import select, text

from gn_core import retention as rules
from gn_core.domain import enums as e
from gn_core.domain.errors import PermissionDenied
from gn_desktop.services import followup, home, retention
from gn_desktop.store import models as m
from gn_desktop.store.codec import wire
from gn_desktop.store.uow import Store
from gn_desktop.sync import apply
from gn_desktop.sync.client import decode_page
from tests.unit.world import World

HLC = "1764000000000-00000-hq"


def _person(world: World, last_contact: date | None, *, enrolled: date = date(2023, 1, 10), **values: Any) -> str:
    """A person enrolled on `enrolled`, last in contact on `last_contact`, as received from HQ."""
    with world.store.unit_of_work(world.advisor_id) as uow, uow.as_reference():
        p = m.Person(
            first_name="Awa",
            last_name="Diallo",
            campus_id=values.pop("campus_id", world.campus_id),
            enrolled_on=enrolled,
            pathway_since=enrolled,
            last_contact_on=last_contact,
            phone="+33612345678",
            **values,
        )
        uow.session.add(p)
        uow.session.flush()
        uow.commit()
        return p.id


def _warned(world: World, day: date) -> list[tuple[str, date, date]]:
    with world.store.read_unit(world.advisor_id) as uow:
        return [(a.person_id, a.on, a.last_contact) for a in retention.due_for_anonymisation(uow, day).items]


def test_a_file_shows_on_the_worklist_30_days_before_it_is_anonymised(world: World) -> None:
    due = _person(world, date(2024, 4, 10))  # anonymised on 10 April 2026
    came = _person(world, date(2024, 4, 10))
    with world.store.unit_of_work(world.advisor_id) as uow:
        uow.session.add(
            m.Appointment(
                person_id=came,
                campus_id=world.campus_id,
                starts_at=datetime(2025, 1, 6, 9, tzinfo=UTC),
                status=e.AppointmentStatus.DONE,
            )
        )
        uow.commit()
    _person(world, date(2024, 1, 5), campus_id=world.other_campus_id)  # another campus's file
    _person(world, date(2024, 1, 5), anonymised_on=date(2026, 1, 6))  # HQ anonymised it already

    assert _warned(world, date(2026, 3, 10)) == []  # 31 days before
    assert _warned(world, date(2026, 3, 11)) == [(due, date(2026, 4, 10), date(2024, 4, 10))]  # 30 days before
    assert _warned(world, date(2026, 5, 1)) == [(due, date(2026, 4, 10), date(2024, 4, 10))]  # HQ has not run yet

    with world.store.read_unit(world.advisor_id) as uow:
        view = home.home_view(uow, date(2026, 3, 11))
    assert view.anonymisation.count == 1 and view.anonymisation.items[0].person_name == "Awa Diallo"

    # a new contact moves the date away
    with world.store.unit_of_work(world.advisor_id) as uow:
        followup.advance_pathway(uow, due, e.PathwayStep.ASSESSMENT, date(2026, 3, 12))
        uow.commit()
    assert _warned(world, date(2026, 3, 12)) == []


def test_the_worklist_follows_the_period_hq_sets(world: World) -> None:
    pid = _person(world, date(2025, 4, 10))
    assert _warned(world, date(2026, 3, 11)) == []
    with world.store.unit_of_work(None) as uow:
        with uow.as_reference():  # as received from HQ
            uow.session.add(m.HqSetting(id=rules.SETTING_ID, value="12"))
        uow.commit()
    with world.store.read_unit() as uow:
        assert retention.retention_months(uow) == 12
    assert _warned(world, date(2026, 3, 11)) == [(pid, date(2026, 4, 10), date(2025, 4, 10))]


_DAYS = st.dates(date(2022, 1, 1), date(2026, 12, 31))
_MOMENTS = st.datetimes(datetime(2022, 1, 1), datetime(2026, 12, 31), timezones=st.just(UTC))


def test_the_store_computes_the_last_contact_as_gn_core_defines_it(world: World) -> None:
    store = world.store

    @settings(max_examples=40, deadline=None)
    @given(
        enrolled=_DAYS,
        contact=st.none() | _DAYS,
        steps=st.lists(_DAYS, max_size=3),
        appointments=st.lists(st.tuples(_MOMENTS, st.sampled_from(list(e.AppointmentStatus))), max_size=3),
        referrals=st.lists(st.tuples(_DAYS, st.none() | _DAYS), max_size=2),
        visits=st.lists(_MOMENTS, max_size=2),
    )
    def check(
        enrolled: date,
        contact: date | None,
        steps: list[date],
        appointments: list[tuple[datetime, e.AppointmentStatus]],
        referrals: list[tuple[date, date | None]],
        visits: list[datetime],
    ) -> None:
        with store.unit_of_work(None) as uow, uow.as_reference():
            p = m.Person(
                first_name="A",
                last_name="B",
                campus_id=world.campus_id,
                enrolled_on=enrolled,
                pathway_since=enrolled,
                last_contact_on=contact,
            )
            uow.session.add(p)
            uow.session.flush()
            rows: list[m.Synced] = [
                m.PathwayEvent(person_id=p.id, to_step=e.PathwayStep.ORIENTATION, occurred_on=d) for d in steps
            ]
            rows += [
                m.Appointment(person_id=p.id, campus_id=world.campus_id, starts_at=at, status=status)
                for at, status in appointments
            ]
            rows += [m.Referral(person_id=p.id, referred_on=r, decided_on=d) for r, d in referrals]
            rows += [
                m.Visit(campus_id=world.campus_id, ticket="A001", purpose=e.VisitPurpose.OTHER, arrived_at=at,
                        person_id=p.id)
                for at in visits
            ]  # fmt: skip
            uow.session.add_all(rows)
            uow.session.flush()
            records = [(type(r).__tablename__, {k: wire(getattr(r, k)) for k in _columns(r)}) for r in rows]
            expected = rules.last_contact({k: wire(getattr(p, k)) for k in _columns(p)}, records)
            found = {pid: lc for pid, _f, _l, lc in retention.last_contacts(uow, date(2100, 1, 1), world.campus_id)}
            assert found[p.id] == expected
            # (rolled back: each example starts from the same store)

    check()


def _columns(record: m.Synced) -> list[str]:
    from gn_desktop.store.changes import data_columns

    return data_columns(type(record))


# --- a file HQ anonymised, received -------------------------------------------------------------------------------


def _pulled(record: m.Synced, version: int, **changes: Any) -> dict[str, Any]:
    entity = type(record).__tablename__
    data = {k: wire(getattr(record, k)) for k in _columns(record)}
    data.update(changes)
    person = record.id if entity == "person" else getattr(record, "person_id", None)
    envelope = {"entity": entity, "id": record.id, "version": version, "seq": version, "hlc": HLC}
    return {**envelope, "person_id": person, "deleted": False, "erased": False, "data": data}


def _pull(store: Store, records: list[dict[str, Any]]) -> None:
    head = {"epoch": "e", "server_time_ms": 1, "cursor": 1, "until": 1, "more": False, "last_device_seq": 0}
    decoded = decode_page(orjson.dumps({**head, "records": records, "conflicts": []})).records
    apply.prepare_records(decoded)
    with apply.sync_transaction(store.engine) as conn:
        apply.apply_records(conn, decoded)


def _traces(store: Store) -> str:
    """Everything the history and the change log hold, as text."""
    with store.engine.connect() as conn:
        rows = conn.execute(text("SELECT fields FROM history UNION ALL SELECT fields FROM change_log")).all()
    return "\n".join(str(r[0]) for r in rows)


def test_a_file_anonymised_at_hq_arrives_anonymised_and_no_old_value_stays(world: World) -> None:
    store = world.store
    pid = world.person("Awa", "Diallo", phone="06 12 34 56 78")
    with store.unit_of_work(world.advisor_id) as uow:
        followup.add_note(uow, pid, "Awa cherche une alternance chez Zetacorp", restricted=True)
        uow.commit()
    with store.unit_of_work(world.advisor_id) as uow:  # an edit not sent yet
        person = uow.session.get(m.Person, pid)
        assert person is not None
        person.last_name = "Diallo-Sow"
        uow.commit()
    assert "Diallo" in _traces(store) and "Zetacorp" in _traces(store)

    with store.reading() as s:
        person = s.get(m.Person, pid)
        note = s.scalars(select(m.Note).where(m.Note.person_id == pid)).one()
    assert person is not None
    today = date(2026, 3, 1)
    anonymised = rules.anonymised("person", {k: wire(getattr(person, k)) for k in _columns(person)}, today)
    # HQ sends the person first, then (here, on a later page) their records
    _pull(store, [_pulled(person, 3, **anonymised)])
    _pull(store, [_pulled(note, 2, body="")])

    with store.reading() as s:
        p = s.get(m.Person, pid)
        assert p is not None
        assert (p.first_name, p.last_name, p.phone, p.birth_date) == ("Anonyme", "", None, date(1999, 7, 1))
        assert p.anonymised_on == today and "diallo" not in p.search_terms
        assert s.scalars(select(m.Note.body).where(m.Note.person_id == pid)).one() == ""
        assert not s.scalars(select(m.ChangeLog).where(m.ChangeLog.person_id == pid)).all()
    traces = _traces(store)
    assert "Diallo" not in traces and "Zetacorp" not in traces and "+33612345678" not in traces
    with store.read_unit(world.manager_id) as uow:
        assert [h.op for h in followup.history(uow, pid)] == ["received"]

    with store.unit_of_work(world.advisor_id) as uow, pytest.raises(PermissionDenied, match="anonymisé"):
        followup.add_note(uow, pid, "Awa est revenue")


def test_a_day_is_stored_as_the_sql_query_reads_it(world: World) -> None:
    """The query compares dates as the text the store keeps: check that shape once (yyyy-mm-dd, UTC ISO moments)."""
    pid = _person(world, date(2024, 4, 10))
    with world.store.unit_of_work(None) as uow:
        uow.session.add(
            m.Visit(
                campus_id=world.campus_id,
                ticket="A001",
                purpose=e.VisitPurpose.OTHER,
                arrived_at=datetime.combine(date(2025, 2, 3), time(23, 30), tzinfo=UTC) - timedelta(hours=1),
                person_id=pid,
            )
        )
        uow.commit()
    with world.store.read_unit() as uow:
        assert retention.last_contacts(uow, date(2100, 1, 1), world.campus_id) == [
            (pid, "Awa", "Diallo", date(2025, 2, 3))
        ]


def test_anonymising_decides_for_every_field_of_every_record_about_a_person() -> None:
    """A field added later to a person's records must be declared replaced or kept: nothing is kept by default."""
    from gn_core.fields import ENTITY_FIELDS
    from gn_core.sync_rules import FRONT_DESK, PERSON_LINK

    for entity in [*PERSON_LINK, *FRONT_DESK]:
        replaced, kept = set(rules.ANONYMISED.get(entity, {})), rules.KEPT[entity]
        assert replaced | kept == set(ENTITY_FIELDS[entity]), entity
        assert not replaced & kept, entity


def test_months_are_calendar_months_and_the_last_day_counts() -> None:
    assert rules.add_months(date(2024, 3, 31), 1) == date(2024, 4, 30)
    assert rules.add_months(date(2024, 2, 29), 24) == date(2026, 2, 28)
    assert rules.add_months(date(2026, 4, 10), -24) == date(2024, 4, 10)
    assert rules.is_due(date(2024, 3, 1), 24, date(2026, 3, 1))
    assert not rules.is_due(date(2024, 3, 2), 24, date(2026, 3, 1))  # one day inside: kept
    assert rules.warning_from(date(2024, 4, 10), 24) == date(2026, 3, 11)
    assert rules.months_setting(None) == rules.months_setting("abc") == rules.months_setting("2") == 24
    assert rules.months_setting("36") == 36
