"""kill -9 of a campus sync process at random points of its push and of its pull (at least 50 randomised runs):
after the next sync, zero lost changes, zero duplicates, and both PCs of the campus equal HQ's state for it."""

from __future__ import annotations

import os
import random
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e.conftest import Campus, Hq, enrol, enrol_second_pc
from tests.support.sync_kill import KillStats, Model, one_run

RUNS = 50
SEED = int(os.environ.get("GN_KILL_SEED", "20250106"))


@pytest.fixture(scope="module")
def pcs(
    hq: Hq, keyring_file: dict[str, str], tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Campus, Campus, Model, KillStats]]:
    root = tmp_path_factory.mktemp("kill")
    a = enrol(hq, root, keyring_file, "pc1")
    b = enrol_second_pc(a, root, "pc2")
    a.sync()
    b.sync()
    stats = KillStats()
    yield a, b, {}, stats
    # over the runs, kills landed in both phases (the delay is random, so a few runs finish before their kill)
    assert stats.killed["push"] > 0 and stats.killed["pull"] > 0, stats


@pytest.mark.parametrize("run", range(RUNS))
def test_kill_9_during_sync_loses_and_duplicates_nothing(
    pcs: tuple[Campus, Campus, Model, KillStats], run: int, tmp_path: Path
) -> None:
    a, b, model, stats = pcs
    one_run(a, b, model, random.Random(SEED + run), stats, max_delay_s=0.08)
