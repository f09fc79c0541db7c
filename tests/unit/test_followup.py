"""Follow-up: pathway moves with outcomes, append-only notes with restrictions, appointments, history."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from gn_core.domain.enums import AppointmentStatus as AS
from gn_core.domain.enums import ContractType
from gn_core.domain.enums import PathwayStep as S
from gn_core.domain.errors import InvalidInput, PathwayMoveRefused
from gn_core.domain.pathway import MoveDetails
from gn_desktop.services import followup
from gn_desktop.store import models as m
from tests.unit.world import TODAY, World


def _move(world: World, pid: str, target: S, on: date = TODAY, details: MoveDetails | None = None) -> None:
    with world.store.unit_of_work(world.advisor_id) as uow:
        followup.advance_pathway(uow, pid, target, on, details)
        uow.commit()


def test_pathway_to_hired_shows_on_the_timeline(world: World) -> None:
    pid = world.person()
    for step in (S.ASSESSMENT, S.ORIENTATION, S.JOB_SEARCH):
        _move(world, pid, step)
    _move(
        world,
        pid,
        S.OUTCOME_HIRED,
        details=MoveDetails(ContractType.APPRENTICESHIP, "Atelier Numérique", date(2026, 4, 1)),
    )
    with world.store.unit_of_work(world.advisor_id) as uow:
        file = followup.person_file(uow, pid, TODAY)
    assert file.step == S.OUTCOME_HIRED
    assert [t.to_step for t in file.timeline] == [S.WELCOME, S.ASSESSMENT, S.ORIENTATION, S.JOB_SEARCH, S.OUTCOME_HIRED]
    assert file.timeline[-1].details == "Alternance / apprentissage chez Atelier Numérique, début le 01/04/2026"
    assert file.timeline[-1].author_name == "Camille Martin"
    assert file.age == 26


def test_refused_move_changes_nothing(world: World) -> None:
    pid = world.person()
    with pytest.raises(PathwayMoveRefused, match="diagnostic"):
        _move(world, pid, S.TRAINING_IN_PROGRESS)
    with world.store.unit_of_work(world.advisor_id) as uow:
        assert followup.person_file(uow, pid, TODAY).step == S.WELCOME


def test_business_outcome_checks_the_siret(world: World) -> None:
    pid = world.person()
    for step in (S.ASSESSMENT, S.ORIENTATION, S.JOB_SEARCH):
        _move(world, pid, step)
    with pytest.raises(InvalidInput, match="SIRET"):
        _move(world, pid, S.OUTCOME_BUSINESS, details=MoveDetails(siret="12345678901234", business_created_on=TODAY))


def test_a_step_cannot_be_dated_before_the_current_one(world: World) -> None:
    pid = world.person()
    with pytest.raises(InvalidInput, match="précède"):
        _move(world, pid, S.ASSESSMENT, on=TODAY - timedelta(days=3))


def test_restricted_notes_are_hidden_from_other_advisors(world: World) -> None:
    pid = world.person()
    with world.store.unit_of_work(world.advisor_id) as uow:
        followup.add_note(uow, pid, "Point sur le CV")
        followup.add_note(uow, pid, "Situation de santé évoquée", restricted=True)
        uow.commit()
    with world.store.unit_of_work(world.other_advisor_id) as uow:
        assert [n.body for n in followup.notes(uow, pid)] == ["Point sur le CV"]
        hist = followup.history(uow, pid)
        assert all(
            "body" not in h.fields for h in hist if h.entity == "note" and h.fields.get("restricted", {}).get("new")
        )
    with world.store.unit_of_work(world.manager_id) as uow:
        assert len(followup.notes(uow, pid)) == 2
    with world.store.unit_of_work(world.advisor_id) as uow:
        assert len(followup.notes(uow, pid)) == 2  # the author reads their own


def test_empty_note_is_refused(world: World) -> None:
    pid = world.person()
    with world.store.unit_of_work(world.advisor_id) as uow, pytest.raises(InvalidInput, match="vide"):
        followup.add_note(uow, pid, "   ")


def test_appointment_in_the_past_is_refused_and_future_gets_a_code(world: World) -> None:
    pid = world.person()
    now = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
    with world.store.unit_of_work(world.advisor_id) as uow:
        with pytest.raises(InvalidInput, match="passée"):
            followup.book_appointment(uow, pid, now - timedelta(days=1), now=now)
        aid = followup.book_appointment(uow, pid, now + timedelta(days=1), subject="Bilan", now=now)
        uow.commit()
    assert aid


def test_history_says_who_changed_what(world: World) -> None:
    pid = world.person()
    _move(world, pid, S.ASSESSMENT)
    with world.store.unit_of_work(world.manager_id) as uow:
        hist = followup.history(uow, pid)
    latest_person = next(h for h in hist if h.entity == "person")
    assert latest_person.op == "update"
    assert latest_person.fields["pathway_step"] == {"old": "welcome", "new": "assessment"}
    assert latest_person.user_name == "Camille Martin"


def test_history_names_the_session_of_a_referral_and_leaves_out_an_id_it_cannot_name(world: World) -> None:
    from sqlalchemy import select

    from gn_desktop.services import partners, referrals

    pid = world.person()
    with world.store.unit_of_work(world.advisor_id) as uow:
        simplon = uow.session.scalar(select(m.Partner.id).where(m.Partner.name == "Simplon"))
        assert simplon is not None
        with uow.as_reference():  # HQ's catalogue
            programme = partners.create_programme(uow, simplon, "Développeur web", "development", 20)
            session = partners.add_session(uow, programme, date(2026, 4, 10), date(2026, 8, 10), 12)
        referrals.refer(uow, pid, TODAY, programme_session_id=session)
        uow.commit()
    with world.store.unit_of_work(world.advisor_id) as uow:
        referral = next(h for h in followup.history(uow, pid) if h.entity == "referral")
        assert referral.fields["programme_session_id"] == {"old": None, "new": "Développeur web (10/04/2026)"}
        uow.session.execute(
            m.HistoryEntry.__table__.update()
            .where(m.HistoryEntry.entity == "referral")
            .values(fields=referral.fields | {"programme_session_id": {"old": None, "new": "unknown-session"}})
        )
        referral = next(h for h in followup.history(uow, pid) if h.entity == "referral")
        assert referral.fields["programme_session_id"] == {"old": None, "new": None}  # never a raw id


def test_a_person_received_without_history_still_shows_when_the_record_was_created(world: World) -> None:
    from sqlalchemy import delete

    from gn_desktop.store import models as m

    pid = world.person()
    with world.store.unit_of_work(world.advisor_id) as uow:
        # what a first sync leaves: the state, no local story
        uow.session.execute(delete(m.HistoryEntry).where(m.HistoryEntry.person_id == pid))
        uow.commit()
    with world.store.unit_of_work(world.advisor_id) as uow:
        followup.add_note(uow, pid, "Premier entretien")
        uow.commit()
    with world.store.unit_of_work(world.advisor_id) as uow:
        hist = followup.history(uow, pid)
    assert ("note", "insert") in [(h.entity, h.op) for h in hist]
    assert [(h.entity, h.op, h.origin) for h in hist if h.op == "received"] == [("person", "received", "hq")]
    assert hist[-1].op == "received"  # the oldest line


# -- appointments: reschedule, cancel, done or missed with a note ---------------------------------------------------

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def _appointment(world: World, pid: str, starts_at: datetime, subject: str = "Bilan") -> str:
    with world.store.unit_of_work(world.advisor_id) as uow:
        aid = followup.book_appointment(uow, pid, starts_at, subject=subject)
        uow.commit()
    return aid


def _views(world: World, pid: str) -> list[followup.AppointmentView]:
    with world.store.read_unit(world.advisor_id) as uow:
        return followup.appointments(uow, pid)


def test_a_planned_appointment_is_rescheduled_and_keeps_its_code(world: World) -> None:
    pid = world.person()
    aid = _appointment(world, pid, NOW + timedelta(days=1))
    later = NOW + timedelta(days=3, hours=5)
    with world.store.unit_of_work(world.advisor_id) as uow:
        code = uow.session.get(m.Appointment, aid).code  # type: ignore[union-attr]
        with pytest.raises(InvalidInput, match="passée"):
            followup.reschedule_appointment(uow, aid, NOW - timedelta(hours=2), now=NOW)
        with pytest.raises(InvalidInput, match="Durée"):
            followup.reschedule_appointment(uow, aid, later, duration_min=600, now=NOW)
        followup.reschedule_appointment(uow, aid, later, duration_min=60, now=NOW)
        uow.commit()
    [view] = _views(world, pid)
    assert (view.starts_at, view.duration_min, view.status) == (later, 60, AS.PLANNED)
    with world.store.read_unit(world.advisor_id) as uow:
        assert uow.session.get(m.Appointment, aid).code == code  # type: ignore[union-attr]


def test_only_a_planned_appointment_is_rescheduled(world: World) -> None:
    pid = world.person()
    aid = _appointment(world, pid, NOW - timedelta(days=1))
    with world.store.unit_of_work(world.advisor_id) as uow:
        followup.record_appointment_outcome(uow, aid, AS.DONE, now=NOW, tz=UTC)
        with pytest.raises(InvalidInput, match="seul un rendez-vous prévu peut être déplacé"):
            followup.reschedule_appointment(uow, aid, NOW + timedelta(days=1), now=NOW)


def test_cancelling_with_a_note_names_the_appointment_and_records_no_contact(world: World) -> None:
    pid = world.person()
    aid = _appointment(world, pid, datetime(2026, 3, 9, 14, 30, tzinfo=UTC), subject="Atelier CV")
    with world.store.unit_of_work(world.advisor_id) as uow:
        before = uow.session.get(m.Person, pid).last_contact_on  # type: ignore[union-attr]
        followup.record_appointment_outcome(uow, aid, AS.CANCELLED, "la personne a trouvé un stage", now=NOW, tz=UTC)
        uow.commit()
    assert _views(world, pid)[0].status == AS.CANCELLED
    with world.store.read_unit(world.advisor_id) as uow:
        [note] = followup.notes(uow, pid)
        assert note.body == "Rendez-vous du 09/03/2026 à 14:30 (Atelier CV) — annulé : la personne a trouvé un stage"
        assert uow.session.get(m.Person, pid).last_contact_on == before  # type: ignore[union-attr]
        # a cancelled appointment stays cancelled
        with pytest.raises(InvalidInput, match="impossible de passer de « Annulé » à « Réalisé »"):
            followup.set_appointment_status(uow, aid, AS.DONE, now=NOW + timedelta(days=10), tz=UTC)


def test_done_records_a_contact_on_its_day_and_the_note_names_it(world: World) -> None:
    pid = world.person()
    with world.store.unit_of_work(world.advisor_id) as uow:
        uow.session.get(m.Person, pid).last_contact_on = date(2026, 1, 5)  # type: ignore[union-attr]
        uow.commit()
    aid = _appointment(world, pid, datetime(2026, 2, 27, 10, 0, tzinfo=UTC))
    with world.store.unit_of_work(world.advisor_id) as uow:
        note_id = followup.record_appointment_outcome(uow, aid, AS.DONE, "CV revu, deux candidatures", now=NOW, tz=UTC)
        uow.commit()
    assert note_id is not None
    with world.store.read_unit(world.advisor_id) as uow:
        assert uow.session.get(m.Person, pid).last_contact_on == date(2026, 2, 27)  # type: ignore[union-attr]
        assert followup.notes(uow, pid)[0].body.startswith("Rendez-vous du 27/02/2026 à 10:00 (Bilan) — réalisé : CV")


def test_missed_records_no_contact_and_can_be_corrected_to_done(world: World) -> None:
    pid = world.person()
    with world.store.unit_of_work(world.advisor_id) as uow:
        uow.session.get(m.Person, pid).last_contact_on = date(2026, 1, 5)  # type: ignore[union-attr]
        uow.commit()
    aid = _appointment(world, pid, datetime(2026, 3, 2, 8, 0, tzinfo=UTC))
    with world.store.unit_of_work(world.advisor_id) as uow:
        assert followup.record_appointment_outcome(uow, aid, AS.MISSED, "  ", now=NOW, tz=UTC) is None  # no note
        uow.commit()
    with world.store.read_unit(world.advisor_id) as uow:
        assert uow.session.get(m.Person, pid).last_contact_on == date(2026, 1, 5)  # type: ignore[union-attr]
        assert followup.notes(uow, pid) == []
    with world.store.unit_of_work(world.advisor_id) as uow:
        followup.record_appointment_outcome(uow, aid, AS.DONE, "arrivée en retard", now=NOW, tz=UTC)
        uow.commit()
    assert _views(world, pid)[0].status == AS.DONE
    with world.store.read_unit(world.advisor_id) as uow:
        assert uow.session.get(m.Person, pid).last_contact_on == date(2026, 3, 2)  # type: ignore[union-attr]


def test_a_future_appointment_is_not_yet_done_or_missed(world: World) -> None:
    pid = world.person()
    aid = _appointment(world, pid, NOW + timedelta(days=2))
    with world.store.unit_of_work(world.advisor_id) as uow:
        for status in (AS.DONE, AS.MISSED):
            with pytest.raises(InvalidInput, match="attendez ce jour"):
                followup.record_appointment_outcome(uow, aid, status, "note", now=NOW, tz=UTC)
        assert followup.notes(uow, pid) == []  # nothing half done


def test_appointment_changes_are_in_the_history(world: World) -> None:
    pid = world.person()
    aid = _appointment(world, pid, NOW + timedelta(days=1))
    with world.store.unit_of_work(world.advisor_id) as uow:
        followup.reschedule_appointment(uow, aid, NOW + timedelta(days=2), now=NOW)
        followup.record_appointment_outcome(uow, aid, AS.CANCELLED, now=NOW, tz=UTC)
        uow.commit()
    with world.store.read_unit(world.manager_id) as uow:
        changes = [h.fields for h in followup.history(uow, pid) if h.entity == "appointment" and h.op == "update"]
    assert {"status"} in [set(f) for f in changes] and {"starts_at"} in [set(f) for f in changes]
