"""Soak: the kill -9 loop of tests/e2e/test_sync_kill.py, thousands of times, within a time bound.

    python -m bench.soak_sync --runs 5000 --minutes 30 [--seed N]

A real `gn-hq serve` on loopback, two PCs of one campus; each run makes offline edits on both, SIGKILLs one PC's
sync at a random point of its push or pull, syncs both again and checks: no change lost, none doubled, both PCs
equal to HQ's state for the campus. Stops at the first failure (printing the seed of the run) or at the bound."""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from pathlib import Path

import keyring

from tests.e2e.conftest import ROOT, Hq, enrol, enrol_second_pc
from tests.support.keyring_file import ENV as KEYRING_ENV
from tests.support.keyring_file import FileKeyring
from tests.support.sync_kill import KillStats, Model, one_run


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5000)
    parser.add_argument("--minutes", type=float, default=30.0)
    parser.add_argument("--seed", type=int, default=int(time.time()))
    parser.add_argument("--max-delay", type=float, default=0.08, help="kill up to this many seconds into the phase")
    args = parser.parse_args(argv)
    root = Path(tempfile.mkdtemp(prefix="gn-soak-"))
    os.environ[KEYRING_ENV] = str(root / "keyring.json")
    os.environ["PYTHON_KEYRING_BACKEND"] = "tests.support.keyring_file.FileKeyring"
    keyring.set_keyring(FileKeyring())
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    hq = Hq(root / "hq", env)
    hq.start()
    stats = KillStats()
    model: Model = {}
    deadline = time.monotonic() + args.minutes * 60
    started = time.monotonic()
    try:
        a = enrol(hq, root, env, "pc1")
        b = enrol_second_pc(a, root, "pc2")
        a.sync()
        b.sync()
        for run in range(args.runs):
            if time.monotonic() > deadline:
                break
            try:
                one_run(a, b, model, random.Random(args.seed + run), stats, args.max_delay)
            except AssertionError as exc:
                print(f"FAILED at run {run} (seed {args.seed + run}): {exc}", file=sys.stderr)
                return 1
            if run % 100 == 99:
                print(f"{stats.runs} runs, {time.monotonic() - started:.0f} s, {stats}", flush=True)
    finally:
        hq.stop()
    elapsed = time.monotonic() - started
    print(
        f"{stats.runs} runs in {elapsed:.0f} s ({elapsed / max(stats.runs, 1):.2f} s/run): killed during push "
        f"{stats.killed['push']}, during pull {stats.killed['pull']}, finished before the kill {stats.finished_first}; "
        f"{len(model)} people; zero lost, zero duplicated, PCs equal to HQ after every run"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
