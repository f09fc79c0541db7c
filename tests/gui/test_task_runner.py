"""The task runner: work off the UI thread, results on it, known errors vs bugs, what a write changed."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from gn_core.domain.errors import InvalidInput, KnownError
from gn_desktop.services import dashboard, intake
from gn_desktop.store.uow import Store, UnitOfWork
from gn_desktop.views.tasks import TaskError, TaskRunner

from .conftest import TODAY


class Recorder:
    """Collects callback calls and the thread they ran on."""

    def __init__(self) -> None:
        self.done: list[Any] = []
        self.errors: list[TaskError] = []
        self.threads: list[threading.Thread] = []

    def on_done(self, result: Any) -> None:
        self.threads.append(threading.current_thread())
        self.done.append(result)

    def on_error(self, error: TaskError) -> None:
        self.threads.append(threading.current_thread())
        self.errors.append(error)


def test_work_runs_off_the_ui_thread_and_the_result_arrives_on_it(qtbot: QtBot, runner: TaskRunner) -> None:
    worker_threads: list[threading.Thread] = []

    def work(uow: UnitOfWork, a: int, b: int) -> int:
        worker_threads.append(threading.current_thread())
        assert isinstance(uow, UnitOfWork)
        return a + b

    rec = Recorder()
    with qtbot.waitSignal(runner.busy_changed, check_params_cb=lambda busy: busy is False):
        runner.query(work, 2, 3, on_done=rec.on_done)
    assert rec.done == [5]
    assert rec.threads == [threading.main_thread()]
    assert worker_threads and worker_threads[0] is not threading.main_thread()
    assert runner.pending == 0


def test_tasks_run_in_order_on_one_worker(qtbot: QtBot, runner: TaskRunner) -> None:
    seen: list[tuple[int, str]] = []

    def work(_uow: UnitOfWork, n: int) -> int:
        seen.append((n, threading.current_thread().name))
        return n

    results: list[int] = []
    for n in range(5):
        runner.query(work, n, on_done=results.append)
    qtbot.waitUntil(lambda: len(results) == 5)
    assert results == [0, 1, 2, 3, 4]
    assert [n for n, _ in seen] == [0, 1, 2, 3, 4]
    assert len({name for _, name in seen}) == 1


def test_a_write_commits_and_changed_carries_the_touched_records(
    qtbot: QtBot, runner: TaskRunner, store: Store
) -> None:
    assert store.campus_id is not None
    form = intake.PersonForm(first_name="Awa", last_name="Diallo", birth_date="2001-02-03")

    def create(uow: UnitOfWork, form: intake.PersonForm) -> str:
        assert uow.campus_id is not None
        return intake.create_person(
            uow, form, [intake.ConsentInput(purpose="follow_up")], campus_id=uow.campus_id, today=TODAY
        )

    rec = Recorder()
    with qtbot.waitSignal(runner.changed) as changed:
        runner.run(create, form, on_done=rec.on_done)
    qtbot.waitUntil(lambda: bool(rec.done))
    person_id = rec.done[0]
    touched = changed.args[0]
    assert ("person", person_id) in touched
    assert {entity for entity, _ in touched} >= {"person", "consent", "pathway_event"}
    with store.unit_of_work(None) as uow:  # committed: visible to a new unit of work
        assert dashboard.home_summary(uow, TODAY).people_total == 1


def test_a_query_is_never_committed_and_changes_nothing(qtbot: QtBot, runner: TaskRunner, store: Store) -> None:
    def sneaky_write(uow: UnitOfWork) -> str:
        assert uow.campus_id is not None
        return intake.create_person(
            uow,
            intake.PersonForm(first_name="Ines", last_name="Martin"),
            [intake.ConsentInput(purpose="follow_up")],
            campus_id=uow.campus_id,
            today=TODAY,
        )

    emitted: list[object] = []
    runner.changed.connect(emitted.append)
    rec = Recorder()
    runner.query(sneaky_write, on_done=rec.on_done)
    qtbot.waitUntil(lambda: bool(rec.done))
    assert emitted == []
    with store.unit_of_work(None) as uow:
        assert dashboard.home_summary(uow, TODAY).people_total == 0


def test_a_known_error_reaches_on_error_with_its_french_message(qtbot: QtBot, runner: TaskRunner) -> None:
    def invalid(uow: UnitOfWork) -> str:
        assert uow.campus_id is not None
        return intake.create_person(uow, intake.PersonForm(), [], campus_id=uow.campus_id, today=TODAY)

    rec = Recorder()
    done: list[object] = []
    runner.run(invalid, on_done=done.append, on_error=rec.on_error)
    qtbot.waitUntil(lambda: bool(rec.errors))
    error = rec.errors[0]
    assert not error.is_bug
    assert isinstance(error.error, InvalidInput)
    assert "Prénom" in error.message
    assert error.message == error.error.message
    assert error.error.for_field("first_name")
    assert done == []
    assert rec.threads == [threading.main_thread()]


def test_a_bug_is_logged_with_its_traceback_and_reported_generically(
    qtbot: QtBot, runner: TaskRunner, translations: Any, caplog: pytest.LogCaptureFixture
) -> None:
    def buggy(_uow: UnitOfWork) -> None:
        raise ZeroDivisionError("secret internal detail")

    rec = Recorder()
    with caplog.at_level(logging.ERROR, logger="gn_desktop.views.tasks"):
        runner.run(buggy, on_error=rec.on_error)
        qtbot.waitUntil(lambda: bool(rec.errors))
    error = rec.errors[0]
    assert error.is_bug and error.error is None
    assert error.message.startswith("Une erreur inattendue est survenue")
    assert "secret" not in error.message
    record = next(r for r in caplog.records if r.name == "gn_desktop.views.tasks")
    assert record.exc_info is not None and record.exc_info[0] is ZeroDivisionError


def test_an_error_without_on_error_goes_to_the_error_signal(qtbot: QtBot, runner: TaskRunner) -> None:
    def refused(_uow: UnitOfWork) -> None:
        raise KnownError("Ce rendez-vous est déjà annulé.")

    with qtbot.waitSignal(runner.error) as blocker:
        runner.run(refused)
    assert blocker.args[0].message == "Ce rendez-vous est déjà annulé."


def test_a_refusal_that_counts_attempts_keeps_its_count_and_nothing_else(
    qtbot: QtBot, runner: TaskRunner, store: Store
) -> None:
    """A failed check-in is refused and counted: the count is committed, the refused work is not."""
    from gn_desktop.store import models as m

    class Counted(KnownError):
        keeps_writes = True

    def refuse(uow: UnitOfWork, keeps: bool) -> None:
        uow.session.add(m.LocalSetting(key=f"attempts-{keeps}", value="1"))
        uow.session.flush()
        raise (Counted if keeps else KnownError)("Rendez-vous introuvable.")

    for keeps in (True, False):
        with qtbot.waitSignal(runner.error):
            runner.run(refuse, keeps)
    with store.reading() as session:
        assert session.get(m.LocalSetting, "attempts-True") is not None
        assert session.get(m.LocalSetting, "attempts-False") is None


def test_the_user_is_passed_to_the_unit_of_work(qtbot: QtBot, store: Store) -> None:
    opened: list[str | None] = []

    def open_uow(user_id: str | None) -> UnitOfWork:
        opened.append(user_id)
        return store.unit_of_work(user_id)

    task_runner = TaskRunner(open_uow, user_id="advisor-1")
    try:
        results: list[str | None] = []
        task_runner.query(lambda uow: uow.user_id, on_done=results.append)
        qtbot.waitUntil(lambda: bool(results))
        assert results == ["advisor-1"] and opened == ["advisor-1"]
    finally:
        task_runner.shutdown()


def test_queries_get_the_read_only_unit_of_work(qtbot: QtBot, runner: TaskRunner) -> None:
    kinds: list[tuple[str, bool]] = []
    done: list[object] = []
    runner.query(lambda uow: kinds.append(("query", uow.read_only)), on_done=done.append)
    runner.run(lambda uow: kinds.append(("run", uow.read_only)), on_done=done.append)
    qtbot.waitUntil(lambda: len(done) == 2)
    assert kinds == [("query", True), ("run", False)]


def test_after_shutdown_no_task_is_accepted(runner: TaskRunner) -> None:
    runner.shutdown()
    runner.shutdown()  # idempotent
    with pytest.raises(RuntimeError):
        runner.query(lambda _uow: None)


def test_callbacks_of_deleted_widgets_are_skipped(qtbot: QtBot, runner: TaskRunner) -> None:
    from PySide6.QtWidgets import QLabel

    label = QLabel()
    on_done: Callable[[str], None] = label.setText
    label.deleteLater()
    qtbot.waitUntil(lambda: not _valid(label))
    with qtbot.waitSignal(runner.busy_changed, check_params_cb=lambda busy: busy is False):
        runner.query(lambda _uow: "late", on_done=on_done)


def _valid(obj: object) -> bool:
    import shiboken6

    return bool(shiboken6.isValid(obj))
