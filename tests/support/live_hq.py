"""A real HQ process for tests outside tests/e2e (the scheduler and sync page tests), built on tests/e2e's `Hq`.

`running_hq` starts `gn-hq serve` on a free loopback port with the test keyring backend selected (the device tokens
go to a JSON file, shared with nothing else), and stops it afterwards. `enrolled_campus` enrols a fresh campus into a
data directory in-process, as tests/e2e/conftest.py's `enrol` does.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import keyring

from tests.e2e.conftest import ROOT, Campus, Hq, next_campus_code
from tests.support.keyring_file import ENV as KEYRING_ENV
from tests.support.keyring_file import FileKeyring


@contextmanager
def keyring_in_file(path: Path) -> Iterator[dict[str, str]]:
    """Select the test keyring backend (a JSON file at `path`) for this process; yields the env for subprocesses."""
    saved = {k: os.environ.get(k) for k in (KEYRING_ENV, "PYTHON_KEYRING_BACKEND")}
    os.environ[KEYRING_ENV] = str(path)
    os.environ["PYTHON_KEYRING_BACKEND"] = "tests.support.keyring_file.FileKeyring"
    previous = keyring.get_keyring()
    keyring.set_keyring(FileKeyring())
    try:
        yield {**os.environ, "PYTHONPATH": str(ROOT)}
    finally:
        keyring.set_keyring(previous)
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


@contextmanager
def running_hq(hq_dir: Path, keyring_path: Path) -> Iterator[Hq]:
    with keyring_in_file(keyring_path) as env:
        hq = Hq(hq_dir, env)
        hq.start()
        try:
            yield hq
        finally:
            hq.stop()


def ensure_running(hq: Hq) -> Hq:
    """The HQ, restarted if a test stopped it."""
    if hq.proc is None or hq.proc.poll() is not None:
        hq.proc = None
        hq.start()
    return hq


def enrolled_campus(hq: Hq, data_dir: Path, name: str = "sdn") -> Campus:
    """A new campus on `hq` (fresh code) and this data dir enrolled as its PC, in-process."""
    from gn_desktop.sync.engine import Syncer

    campus = Campus(name, data_dir, hq.env, hq, next_campus_code())
    store = campus.store()
    try:
        Syncer(store, data_dir).enrol(hq.url, hq.new_code(campus.code), name)
    finally:
        store.dispose()
    return campus
