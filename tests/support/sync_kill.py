"""kill -9 of a campus sync at random points of its push or its pull, then recovery: the loop shared by
tests/e2e/test_sync_kill.py (50+ randomised runs) and bench/soak_sync.py (thousands).

The sync runs in a forked child process (the same code `gn-desktop sync` runs, in a real separate process with its
own SQLite connection and HTTP connection); the parent follows its progress through a pipe and sends SIGKILL a random
delay after the first event of the chosen phase. Then both PCs sync normally and everything is compared: the model
of every edit made, each PC's export, and HQ's state for the campus."""

from __future__ import annotations

import os
import random
import select as io_select
import signal
import time
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import select

from gn_desktop.store import models as m
from gn_desktop.sync.engine import Syncer
from tests.e2e.conftest import Campus

Model = dict[str, dict[str, Any]]


@dataclass
class KillStats:
    runs: int = 0
    killed: dict[str, int] = field(default_factory=lambda: {"push": 0, "pull": 0})
    finished_first: int = 0


def make_edits(campus: Campus, model: Model, rng: random.Random, column: str, *, may_add: bool) -> None:
    """A few offline edits on one PC, recorded in `model`: new people, and `column` of existing ones."""
    store = campus.store()
    try:
        with store.reading() as s:
            here = sorted(set(s.scalars(select(m.Person.id))) & set(model))  # what this PC has pulled so far
        with store.unit_of_work(None) as uow:
            for _ in range(rng.randint(1, 5)):
                if may_add and (not model or rng.random() < 0.4):
                    first, last = f"P{rng.randrange(10**6)}", f"N{rng.randrange(10**6)}"
                    p = m.Person(
                        first_name=first,
                        last_name=last,
                        campus_id=store.campus_id,
                        enrolled_on=date(2025, 1, 6),
                        pathway_since=date(2025, 1, 6),
                    )
                    uow.session.add(p)
                    uow.flush()
                    model[p.id] = {"first_name": first, "last_name": last, "phone": None, "email": None}
                    here.append(p.id)
                elif here:
                    pid = rng.choice(here)
                    value = (
                        f"+336{rng.randrange(10**8):08d}" if column == "phone" else f"x{rng.randrange(10**6)}@ex.org"
                    )
                    person = uow.session.get(m.Person, pid)
                    assert person is not None
                    setattr(person, column, value)
                    model[pid][column] = value
            uow.commit()
    finally:
        store.dispose()


def sync_killed(campus: Campus, phase: str, rng: random.Random, max_delay_s: float) -> bool:
    """Run one sync cycle in a child process and SIGKILL it `max_delay_s`·U(0,1) after its first `phase` event.
    Returns True if it was killed before finishing."""
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # the campus sync process
        code = 0
        try:
            os.close(read_fd)

            def progress(p: str, done: int, total: int) -> None:
                os.write(write_fd, f"{p}\n".encode())

            store = campus.store()
            Syncer(store, campus.data_dir, progress=progress, batch_size=2, page_limit=2).cycle()
        except BaseException:
            code = 1
        finally:
            os._exit(code)
    os.close(write_fd)
    delay = rng.uniform(0, max_delay_s)
    killed = False
    buffer = b""
    kill_at: float | None = None
    try:
        while True:
            timeout = None if kill_at is None else max(0.0, kill_at - time.monotonic())
            ready, _, _ = io_select.select([read_fd], [], [], timeout)
            if not ready:  # the moment has come
                os.kill(pid, signal.SIGKILL)
                killed = True
                break
            chunk = os.read(read_fd, 4096)
            if not chunk:  # the child finished before the kill point
                break
            buffer += chunk
            if kill_at is None and f"{phase}\n".encode() in buffer:
                kill_at = time.monotonic() + delay
    finally:
        os.close(read_fd)
        _, status = os.waitpid(pid, 0)
    if not killed:
        assert os.waitstatus_to_exitcode(status) == 0, "the sync child failed"
    return killed


def export(campus: Campus) -> Model:
    return {
        pid: {"first_name": first, "last_name": last, "phone": phone, "email": email}
        for pid, first, last, phone, email, _other in campus.export()
    }


def one_run(a: Campus, b: Campus, model: Model, rng: random.Random, stats: KillStats, max_delay_s: float) -> None:
    """Edits on both PCs, one of them killed mid-push or mid-pull, recovery; then nothing lost, nothing doubled."""
    make_edits(a, model, rng, "phone", may_add=True)
    make_edits(b, model, rng, "email", may_add=False)
    victim = rng.choice((a, b))
    phase = rng.choice(("push", "pull"))
    if sync_killed(victim, phase, rng, max_delay_s):
        stats.killed[phase] += 1
    else:
        stats.finished_first += 1
    stats.runs += 1
    for campus in (victim, b if victim is a else a, victim):
        campus.sync()
    assert a.pending() == 0 and b.pending() == 0, "changes left behind"
    hq_ids = [r.id for r in a.hq_view() if r.entity == "person"]
    assert len(hq_ids) == len(set(hq_ids)), "a person twice in HQ's feed"
    assert export(a) == model, "a change lost on the first PC"
    assert export(b) == model, "a change lost on the second PC"
    assert {pid: row for pid, *row in a.hq_people()} == {
        pid: [v["first_name"], v["last_name"], v["phone"], v["email"], None] for pid, v in model.items()
    }, "HQ differs from the campus"
