"""The one way views reach data: `TaskRunner` runs service calls on a single worker thread, results come back on the UI
thread (modelled on Anki's `CollectionOp`/`QueryOp`).

A view never holds a database session. It hands the runner a function taking a unit of work first, plus arguments::

    runner.run(followup.add_note, person_id, text, on_done=self._note_added, on_error=self._show_error)
    runner.query(dashboard.home_summary, on_done=self._show_summary)

`run` is a write: the unit of work is committed when the function returns, then `changed` is emitted with the
(entity, id) of every record the write touched, so each open view decides whether to refresh. `query` is a read: it
gets a read-only unit of work when the runner has `open_read_uow` (no write lock taken), is never committed (anything
written is rolled back) and `changed` is not emitted.

Threading contract:

* `run`, `query`, `shutdown` and the `user_id` property are called on the UI (main) thread only.
* The function and its arguments are used on the worker thread only, inside a unit of work opened there; they must be
  plain data in and plain data out (ids, dataclasses, strings): never ORM objects, never Qt objects.
* Tasks run one at a time, in submission order, on one dedicated thread (SQLite has one writer anyway), so a read
  submitted after a write sees the write.
* Long tasks (imports, exports) take a `ProgressChannel`'s `progress()` among their arguments: the one object made on
  the UI thread that they use on the worker thread. It reports counts back through a queued signal and tells the task
  when the user pressed "Annuler" (the task then raises `services.progress.Cancelled`, and its unit of work is rolled
  back like any failed task's).
* `on_done(result)` / `on_error(TaskError)` and every signal are delivered on the UI thread, through a queued signal.
  A callback bound to a Qt object that has been deleted meanwhile is skipped.
* Errors the user can act on (`gn_core.domain.errors.KnownError`) reach `on_error` with their French message. Any
  other exception is a bug: it is logged with its traceback and reported with a generic message. When a task has no
  `on_error`, the error is emitted on the `error` signal instead (the main window shows it).

The runner never imports the store: the composition root (`gn_desktop.app`) passes `open_uow`, a callable
`open_uow(user_id) -> context manager yielding a unit of work` (in the app: `Store.unit_of_work`), and optionally
`open_read_uow` of the same shape for queries (in the app: `Store.read_unit`).
"""

from __future__ import annotations

import itertools
import logging
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from typing import Any, Protocol, TypeVar, TypeVarTuple

import shiboken6
from PySide6.QtCore import QObject, Signal, Slot

from gn_core.domain.errors import KnownError
from gn_desktop.services.progress import Phase, Progress

log = logging.getLogger(__name__)

T = TypeVar("T")
Ts = TypeVarTuple("Ts")

# (entity, record id) pairs, e.g. ("person", "0192…")
Changes = frozenset[tuple[str, str]]

# what `changed` carries when the store's data was replaced as a whole (`TaskRunner.replaced`): every record
EVERYTHING: Changes = frozenset({("*", "*")})


class UnitOfWorkLike(Protocol):
    """What the runner needs of a unit of work (the store's `UnitOfWork` satisfies it)."""

    def commit(self) -> None: ...

    def changed(self) -> set[tuple[str, str]]: ...


class OpenUnitOfWork(Protocol):
    """Opens a unit of work attributed to `user_id` (None before sign-in); called on the worker thread."""

    def __call__(self, user_id: str | None, /) -> AbstractContextManager[UnitOfWorkLike]: ...


@dataclass(frozen=True, slots=True)
class TaskError:
    """Why a task failed, ready to show: `message` is complete and translated.

    `error` is the `KnownError` itself (e.g. `InvalidInput` with per-field messages, `PossibleDuplicates` with the
    matches), or None when the failure is a bug.
    """

    message: str
    error: KnownError | None = None

    @property
    def is_bug(self) -> bool:
        return self.error is None


@dataclass(slots=True)
class _Outcome:
    """A finished task, carried from the worker thread to the UI thread."""

    task_id: int
    result: Any = None
    known: KnownError | None = None
    bug: bool = False
    changes: Changes = field(default_factory=frozenset)


@dataclass(slots=True)
class _Callbacks:
    on_done: Callable[[Any], object] | None
    on_error: Callable[[TaskError], object] | None


def _alive(callback: Callable[..., object]) -> bool:
    """False when `callback` is a method of a Qt object whose C++ side is gone (a closed dialog, say)."""
    owner = getattr(callback, "__self__", None)
    return not isinstance(owner, QObject) or shiboken6.isValid(owner)


class TaskRunner(QObject):
    """Runs service calls on one worker thread and delivers their results on the UI thread.

    Signals (all emitted on the UI thread):

    * `changed(frozenset[tuple[str, str]])`: after a committed write that touched records, before its `on_done`.
    * `error(TaskError)`: a task failed and had no `on_error`.
    * `busy_changed(bool)`: True when the first task is submitted, False when the last one is delivered.
    * `store_replaced()`: the store's data was replaced as a whole (`replaced()`), after `changed(EVERYTHING)`.
    """

    changed = Signal(object)
    error = Signal(object)
    busy_changed = Signal(bool)
    store_replaced = Signal()
    _delivered = Signal(object)  # worker thread -> UI thread (queued: the runner lives on the UI thread)
    _replaced = Signal()  # any thread -> UI thread

    def __init__(
        self,
        open_uow: OpenUnitOfWork,
        *,
        open_read_uow: OpenUnitOfWork | None = None,
        user_id: str | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._open_uow = open_uow
        self._open_read_uow = open_read_uow if open_read_uow is not None else open_uow
        self._user_id = user_id
        self._executor: ThreadPoolExecutor | None = ThreadPoolExecutor(max_workers=1, thread_name_prefix="gn-db")
        self._ids = itertools.count(1)
        self._pending: dict[int, _Callbacks] = {}
        self._delivered.connect(self._deliver)
        self._replaced.connect(self._announce_replaced)

    # -- UI thread API -------------------------------------------------------------------------------------------

    @property
    def user_id(self) -> str | None:
        """The signed-in user new tasks are attributed to (changes are logged under this id)."""
        return self._user_id

    @user_id.setter
    def user_id(self, value: str | None) -> None:
        self._user_id = value

    @property
    def is_shut_down(self) -> bool:
        """True once `shutdown()` was called: timers of views still alive must not submit tasks any more."""
        return self._executor is None

    @property
    def pending(self) -> int:
        """Tasks submitted whose result has not been delivered yet."""
        return len(self._pending)

    def run(
        self,
        fn: Callable[[Any, *Ts], T],
        *args: *Ts,
        on_done: Callable[[T], object] | None = None,
        on_error: Callable[[TaskError], object] | None = None,
    ) -> int:
        """Submit a write: `fn(uow, *args)` then commit; returns the task id. UI thread only."""
        return self._submit(fn, args, write=True, on_done=on_done, on_error=on_error)

    def query(
        self,
        fn: Callable[[Any, *Ts], T],
        *args: *Ts,
        on_done: Callable[[T], object] | None = None,
        on_error: Callable[[TaskError], object] | None = None,
    ) -> int:
        """Submit a read: `fn(uow, *args)`, never committed; returns the task id. UI thread only."""
        return self._submit(fn, args, write=False, on_done=on_done, on_error=on_error)

    def shutdown(self) -> None:
        """Finish the running task, drop the queued ones and stop the worker thread. UI thread only; idempotent.

        Results still on their way are not delivered.
        """
        executor, self._executor = self._executor, None
        if executor is not None:
            executor.shutdown(wait=True, cancel_futures=True)
        self._pending.clear()

    # -- any thread but the UI thread ------------------------------------------------------------------------------

    def exclusive(self, fn: Callable[[], T]) -> T:
        """Run `fn` (no unit of work) on the worker thread between two tasks and wait for what it returns: while it
        runs no task does, and none has a unit of work open. For work on the store itself from another thread (the
        sync thread putting HQ's snapshot in place of the database file: `Store.swap_in`). Never from the UI thread,
        which would wait for every queued task. Raises what `fn` raised; RuntimeError once the runner is shut down
        (`concurrent.futures.CancelledError` when it was shut down before `fn` ran)."""
        executor = self._executor
        if executor is None:
            raise RuntimeError("TaskRunner.shutdown() was called: no more tasks can run")
        return executor.submit(fn).result()

    def replaced(self) -> None:
        """The store's data was replaced as a whole (any thread): on the UI thread, `changed(EVERYTHING)` makes every
        open view reload, then `store_replaced` is emitted."""
        self._replaced.emit()

    # -- internals -----------------------------------------------------------------------------------------------

    @Slot()
    def _announce_replaced(self) -> None:
        if self._executor is None:
            return
        self.changed.emit(EVERYTHING)
        self.store_replaced.emit()

    def _submit(
        self,
        fn: Callable[..., Any],
        args: tuple[Any, ...],
        *,
        write: bool,
        on_done: Callable[[Any], object] | None,
        on_error: Callable[[TaskError], object] | None,
    ) -> int:
        if self._executor is None:
            raise RuntimeError("TaskRunner.shutdown() was called: no more tasks can run")
        task_id = next(self._ids)
        self._pending[task_id] = _Callbacks(on_done, on_error)
        if len(self._pending) == 1:
            self.busy_changed.emit(True)
        self._executor.submit(self._work, task_id, fn, args, write, self._user_id)
        return task_id

    def _work(
        self, task_id: int, fn: Callable[..., Any], args: tuple[Any, ...], write: bool, user_id: str | None
    ) -> None:
        """Worker thread: run one task in its own unit of work and post the outcome to the UI thread."""
        name = getattr(fn, "__qualname__", repr(fn))
        try:
            with (self._open_uow if write else self._open_read_uow)(user_id) as uow:
                try:
                    result = fn(uow, *args)
                except KnownError as refused:
                    if write and refused.keeps_writes:
                        uow.commit()  # the refusal was recorded (failed attempts): keep that, and only that
                    raise
                changes: Changes = frozenset()
                if write:
                    uow.commit()
                    changes = frozenset(uow.changed())
            outcome = _Outcome(task_id, result=result, changes=changes)
        except KnownError as exc:
            log.info("task %s refused: %s", name, exc.message)
            outcome = _Outcome(task_id, known=exc)
        except Exception:
            log.exception("bug in task %s (thread %s)", name, threading.current_thread().name)
            outcome = _Outcome(task_id, bug=True)
        self._delivered.emit(outcome)

    @Slot(object)
    def _deliver(self, outcome: _Outcome) -> None:
        """UI thread: hand a finished task to its callbacks."""
        callbacks = self._pending.pop(outcome.task_id, None)
        if callbacks is None:  # shut down meanwhile
            return
        try:
            if outcome.known is None and not outcome.bug:
                if outcome.changes:
                    self.changed.emit(outcome.changes)
                if callbacks.on_done is not None and _alive(callbacks.on_done):
                    callbacks.on_done(outcome.result)
                return
            failure = TaskError(
                outcome.known.message
                if outcome.known is not None
                else self.tr(
                    "An unexpected error occurred. The details were written to the application log; "
                    "if it happens again, tell your technical contact."
                ),
                outcome.known,
            )
            if callbacks.on_error is None:
                self.error.emit(failure)
            elif _alive(callbacks.on_error):
                callbacks.on_error(failure)
        finally:
            if not self._pending:
                self.busy_changed.emit(False)


class ProgressChannel(QObject):
    """A long task's progress, carried from the worker thread to the UI thread, and the user's cancel request carried
    the other way. Made on the UI thread by the view that shows the progress; hand `progress()` to the task.

    `progressed(phase, done, total)` is emitted on the UI thread (phase: a `services.progress.Phase` value; total 0
    when unknown). `cancel()` (UI thread) makes the task's next progress step raise `Cancelled`.
    """

    progressed = Signal(str, int, int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._cancel = threading.Event()

    def progress(self) -> Progress:
        """What the task reports to (on the worker thread) and learns from whether it was cancelled."""
        return Progress(self._report, self._cancel.is_set)

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def _report(self, phase: Phase, done: int, total: int) -> None:
        """Worker thread: the signal is queued to the UI thread (this object lives there). A channel whose view was
        deleted meanwhile is skipped."""
        if shiboken6.isValid(self):
            self.progressed.emit(phase.value, done, total)
