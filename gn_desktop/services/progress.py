"""Progress and cancellation of long jobs (imports, exports, demo data), without Qt.

A job calls `progress.step(phase, done, total)` between chunks of work. `step` raises `Cancelled` once whoever started
the job asked to stop, so the job's unit of work rolls back and nothing is left of it; otherwise it hands the counts
to `report`, which may run on another thread than the one that shows them (the view's progress channel posts them to
the UI thread; the CLI draws a line on a terminal).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from gn_core.domain.errors import KnownError


class Phase(StrEnum):
    """What a long job is doing; views and the CLI word it."""

    READ = "read"  # reading the file (or the store, for an export)
    CHECK = "check"  # validating rows
    WRITE = "write"  # writing rows (to the store, or to the file)


class Cancelled(KnownError):
    """The job was cancelled by its user: its unit of work is rolled back (nothing written)."""

    def __init__(self, message: str = "Opération annulée : rien n'a été enregistré.") -> None:
        super().__init__(message)


@dataclass(frozen=True, slots=True)
class Progress:
    """Where a job reports its counts and learns whether it was cancelled; both optional."""

    report: Callable[[Phase, int, int], None] | None = None
    is_cancelled: Callable[[], bool] | None = None

    def step(self, phase: Phase, done: int, total: int) -> None:
        """`done` of `total` (0 when unknown) in `phase`; raises `Cancelled` if the user asked to stop."""
        if self.is_cancelled is not None and self.is_cancelled():
            raise Cancelled()
        if self.report is not None:
            self.report(phase, done, total)


#: no report, never cancelled
SILENT = Progress()
