"""A stolen PC's disk holds nothing readable: the campus database, its WAL and its backup copies are encrypted with
a key kept in the OS keyring (gn_desktop.store.cipher). Without a keyring no personal data is opened; a plain database
of an earlier version is encrypted once, and a kill -9 at any moment of that loses nothing."""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import keyring
import pytest
from keyring.backends.fail import Keyring as FailKeyring

from gn_desktop.services import demo
from gn_desktop.store import backup, cipher
from gn_desktop.store.engine import DB_FILENAME
from gn_desktop.store.migrate import head_revision
from gn_desktop.store.uow import Store
from tests.support.keyring_file import STORE_KEY_ENV
from tests.unit.world import World

NAME = "Quintanilla"
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = Store.open(tmp_path / "campus")
    yield s
    s.dispose()


def _files(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file()]


def _holding(folder: Path, needle: str) -> list[str]:
    return [p.name for p in _files(folder) if needle.encode() in p.read_bytes()]


def _counts(data_dir: Path, key: str | None) -> dict[str, int]:
    conn = cipher.connect(data_dir / DB_FILENAME, key)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}
    finally:
        conn.close()


def test_the_database_its_wal_and_its_backups_are_unreadable_without_the_key(world: World, tmp_path: Path) -> None:
    world.person("Zebulonia", NAME, phone="06 12 34 56 78")
    data = tmp_path / "campus"
    assert (data / f"{DB_FILENAME}-wal").stat().st_size > 0  # the person is in the WAL too, the store still open
    copy = backup.take(data / DB_FILENAME, head_revision())
    assert _holding(data, NAME) == [] and _holding(data, "612345678") == []
    for path in (data / DB_FILENAME, copy):
        with pytest.raises(sqlite3.DatabaseError, match="file is not a database"):
            sqlite3.connect(path).execute("SELECT count(*) FROM sqlite_master").fetchone()
    with cipher.connect(copy, cipher.database_key()) as conn:  # the copy opens with the key, and is whole
        assert conn.execute("SELECT count(*) FROM person WHERE last_name = ?", (NAME,)).fetchone() == (1,)
    if os.name == "posix":
        assert data.stat().st_mode & 0o777 == 0o700
        assert {oct(p.stat().st_mode & 0o777) for p in _files(data)} == {oct(0o600)}


def test_without_a_keyring_no_personal_data_is_opened_and_the_app_says_why(tmp_path: Path) -> None:
    Store.open(tmp_path / "old").dispose()
    before = (tmp_path / "old" / DB_FILENAME).read_bytes()
    previous = keyring.get_keyring()
    keyring.set_keyring(FailKeyring())
    try:
        for folder in (tmp_path / "new", tmp_path / "old"):
            with pytest.raises(cipher.NoDatabaseKey) as caught:
                Store.open(folder)
            assert "trousseau" in caught.value.message and "jamais ouverte en clair" in caught.value.message
    finally:
        keyring.set_keyring(previous)
    assert not (tmp_path / "new" / DB_FILENAME).exists()
    assert (tmp_path / "old" / DB_FILENAME).read_bytes() == before


def test_a_database_encrypted_on_another_pc_is_refused_and_left_untouched(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    Store.open(tmp_path).dispose()
    before = (tmp_path / DB_FILENAME).read_bytes()
    other_pc = tmp_path / "other-pc-key.json"
    monkeypatch.setenv(STORE_KEY_ENV, str(other_pc))  # this keyring has no key yet: one is made, another one
    with pytest.raises(cipher.WrongDatabaseKey) as caught:
        Store.open(tmp_path)
    assert "clé" in caught.value.message and "n'a pas été modifiée" in caught.value.message
    assert (tmp_path / DB_FILENAME).read_bytes() == before
    assert json.loads(other_pc.read_text())  # the key made for this keyring, kept there


def test_programs_starting_at_once_on_a_new_pc_agree_on_one_key(tmp_path: Path) -> None:
    env = {**os.environ, STORE_KEY_ENV: str(tmp_path / "new-pc.json"), "PYTHONPATH": str(ROOT)}
    script = "from gn_desktop.store import cipher; print(cipher.database_key())"
    children = [
        subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True, env=env, cwd=ROOT)
        for _ in range(4)
    ]
    keys = {child.communicate(timeout=60)[0].strip() for child in children}
    assert len(keys) == 1 and len(keys.pop()) == 64
    assert all(child.returncode == 0 for child in children)


def test_the_insecure_demo_mode_writes_plain_sqlite_and_refuses_an_encrypted_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    Store.open(tmp_path / "encrypted").dispose()
    monkeypatch.setenv(cipher.ENV_PLAINTEXT, "1")
    Store.open(tmp_path / "plain").dispose()
    sqlite3.connect(tmp_path / "plain" / DB_FILENAME).execute("SELECT count(*) FROM person").fetchone()
    with pytest.raises(cipher.EncryptedButPlaintextMode):
        Store.open(tmp_path / "encrypted")


def _plain_campus(folder: Path, monkeypatch: pytest.MonkeyPatch, people: int) -> dict[str, int]:
    """A campus database as an earlier version left it: plain SQLite, demo people, a plain backup copy beside it."""
    with monkeypatch.context() as mp:
        mp.setenv(cipher.ENV_PLAINTEXT, "1")
        store = Store.open(folder)
        demo.generate(store, people=people, seed=5, today=date(2026, 3, 2))
        store.dispose()
        backup.take(folder / DB_FILENAME, head_revision())
        assert cipher.is_plaintext(folder / DB_FILENAME)
        return _counts(folder, None)


def test_a_plain_database_of_an_earlier_version_is_encrypted_once_with_its_backups(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "campus"
    counts = _plain_campus(data, monkeypatch, 30)
    name = _some_last_name(data)
    assert _holding(data, name)

    Store.open(data).dispose()

    key = cipher.database_key()
    assert _counts(data, key) == counts
    assert not cipher.is_plaintext(data / DB_FILENAME)
    (copy,) = backup.backups(data / DB_FILENAME)
    assert not cipher.is_plaintext(copy) and cipher.connect(copy, key).execute("SELECT 1").fetchone() == (1,)
    assert _holding(data, name) == []
    assert sorted(p.name for p in data.iterdir() if p.is_file()) == [DB_FILENAME, copy.name]
    before = (data / DB_FILENAME).stat().st_mtime_ns
    Store.open(data).dispose()  # once: an encrypted database is not exported again
    assert (data / DB_FILENAME).stat().st_mtime_ns == before


def _some_last_name(data: Path) -> str:
    conn = sqlite3.connect(data / DB_FILENAME)
    try:
        return str(conn.execute("SELECT last_name FROM person ORDER BY id LIMIT 1").fetchone()[0])
    finally:
        conn.close()


OPEN_WHEN_TOLD = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from gn_desktop.store.uow import Store
    print("ready", flush=True)
    sys.stdin.readline()
    started = time.perf_counter()
    Store.open(Path(sys.argv[1])).dispose()
    print(f"done {time.perf_counter() - started:.6f}", flush=True)
    """
)


def _open_in_child(data: Path, kill_after: float | None) -> float | None:
    """Open the store at `data` in a new process; SIGKILL it `kill_after` seconds into the opening. Returns how long
    the opening took when it was let finish."""
    with subprocess.Popen(
        [sys.executable, "-c", OPEN_WHEN_TOLD, str(data)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    ) as child:
        assert child.stdin is not None and child.stdout is not None
        try:
            assert child.stdout.readline().strip() == "ready"
            child.stdin.write("go\n")
            child.stdin.flush()
            if kill_after is None:
                line = child.stdout.readline().split()
                assert child.wait(timeout=120) == 0 and line[0] == "done"
                return float(line[1])
            time.sleep(kill_after)  # the point of the test: a kill at an arbitrary moment of the opening
            child.send_signal(signal.SIGKILL)
            child.wait(timeout=30)
            return None
        finally:
            if child.poll() is None:
                child.kill()
                child.wait()


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL")
def test_a_kill_9_at_any_moment_of_the_encryption_loses_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    template = tmp_path / "template"
    counts = _plain_campus(template, monkeypatch, 300)
    took = _open_in_child(_fresh_copy(template, tmp_path / "whole"), None)
    assert took is not None
    print(f"opening with the encryption: {took:.3f} s")
    assert _counts(tmp_path / "whole", cipher.database_key()) == counts
    rng = random.Random(16)
    for attempt in range(8):
        data = _fresh_copy(template, tmp_path / f"killed-{attempt}")
        _open_in_child(data, rng.uniform(0, took * 1.1))
        Store.open(data).dispose()  # the next start: finishes (or starts again) the encryption
        assert _counts(data, cipher.database_key()) == counts, f"attempt {attempt}"
        assert not cipher.is_plaintext(data / DB_FILENAME)
        assert not any(p.name.endswith(".encrypting") for p in data.iterdir())


def _fresh_copy(template: Path, target: Path) -> Path:
    shutil.copytree(template, target)
    return target
