"""Encryption at rest of the campus database: SQLCipher (AES-256 pages, HMAC per page) with this PC's key.

The key is 256 random bits made on the PC's first start and kept in the OS keyring (Windows Credential Manager, the
Secret Service on Linux) — never in a file. Every connection to the database or to one of its backup copies is made
by `connect`, which applies the key (`PRAGMA key` with a raw key: no passphrase derivation) before any other
statement, so the database file, its WAL and its backup copies are encrypted; without the key they read as noise
("file is not a database").

Without a usable keyring the app refuses to open personal data (`NoDatabaseKey`), except in the explicit insecure
demo mode: `GN_INSECURE_PLAINTEXT=1` (a local demo on a machine without any keyring; never on a campus PC), where the
database is a plain SQLite file.

A database written by an earlier version, in plain SQLite, is encrypted once, on its first opening with a key
(`encrypt_in_place`): exported into a new encrypted file beside it, synced to disk, renamed over it; a stop at any
moment leaves either the plain file whole or the encrypted one whole.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import secrets
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import keyring
import keyring.errors
import sqlcipher3.dbapi2 as dbapi

from gn_core.domain.errors import KnownError
from gn_desktop import paths

log = logging.getLogger(__name__)

#: the DB-API module every connection to the campus database comes from (SQLite built with SQLCipher)
DBAPI = dbapi
Connection = dbapi.Connection
#: set to 1 to run without encryption (a demo on a machine without a keyring; tests of that mode)
ENV_PLAINTEXT = "GN_INSECURE_PLAINTEXT"
#: the keyring entry of the database key, beside the device tokens' "gn-desktop-sync"
SERVICE = "gn-desktop-store"
ENTRY = "database-key"

SQLITE_HEADER = b"SQLite format 3\x00"
#: each page's authentication code. SQLCipher 4 defaults to HMAC-SHA512; SHA-256, hardware-accelerated on current
#: x86 and ARM processors (SHA extensions), halves what reading a page costs beyond plain SQLite (bench.encryption),
#: and is as sound a MAC. Part of the file format: every connection to a database or its copies must say it.
HMAC = "HMAC_SHA256"
_KEY = re.compile(r"[0-9a-f]{64}")

NO_KEYRING = (
    "Aucun trousseau de mots de passe sécurisé n'est disponible sur ce poste : la base de données du campus est "
    "chiffrée avec une clé gardée dans le trousseau du système, et elle n'est jamais ouverte en clair. Installez et "
    "ouvrez le trousseau du système (sous Linux : « sudo apt-get install gnome-keyring », puis ouvrez une session "
    "graphique ; sous Windows, le gestionnaire d'identification de la session), puis relancez gn-desktop."
)


class NoDatabaseKey(KnownError):
    """No secure keyring: the database key can be neither read nor kept, so no personal data is opened."""

    def __init__(self) -> None:
        super().__init__(NO_KEYRING)


class WrongDatabaseKey(KnownError):
    """The database is encrypted with a key this PC's keyring does not hold (copied from another PC, keyring reset)."""

    def __init__(self, database: Path) -> None:
        self.database = database
        super().__init__(
            f"La base de données {database} est chiffrée avec une clé que le trousseau de ce poste ne contient pas "
            f"(fichier copié depuis un autre poste, ou trousseau du système réinitialisé) : elle ne peut pas être "
            f"ouverte, et elle n'a pas été modifiée. Rouvrez la session du système qui l'a créée, ou, si ce poste "
            f"est inscrit au siège, déplacez ce dossier puis inscrivez le poste à nouveau : ses données reviendront "
            f"du siège."
        )


class EncryptedButPlaintextMode(KnownError):
    """The insecure demo mode was asked for, but the database is encrypted: it cannot be opened in that mode."""

    def __init__(self, database: Path) -> None:
        super().__init__(
            f"La base de données {database} est chiffrée : elle ne peut pas être ouverte en mode de démonstration "
            f"non chiffré ({ENV_PLAINTEXT}=1). Relancez gn-desktop sans cette variable, dans une session qui a "
            f"un trousseau du système."
        )


def plaintext_mode() -> bool:
    """True when the insecure demo mode is asked for (`GN_INSECURE_PLAINTEXT=1`): no key, plain SQLite files."""
    return os.environ.get(ENV_PLAINTEXT, "") == "1"


def _usable_backend() -> None:
    backend = keyring.get_keyring()
    name = type(backend).__module__ + "." + type(backend).__name__
    if getattr(backend, "priority", 1) <= 0 or name.startswith("keyring.backends.fail"):
        raise NoDatabaseKey()


def database_key() -> str | None:
    """This PC's database key (64 hex digits), made and kept in the keyring on first use; None in plaintext mode.

    Raises `NoDatabaseKey` without a usable keyring. A new key is made only when the keyring has none: an existing
    encrypted database is never touched by that (it then fails to open with `WrongDatabaseKey`)."""
    if plaintext_mode():
        return None
    _usable_backend()
    try:
        key = keyring.get_password(SERVICE, ENTRY)
        if key and _KEY.fullmatch(key):
            return key
        with _creating_the_key():  # of two programs starting at once, the second finds the first one's key
            key = keyring.get_password(SERVICE, ENTRY)
            if not (key and _KEY.fullmatch(key)):
                keyring.set_password(SERVICE, ENTRY, secrets.token_hex(32))
                key = keyring.get_password(SERVICE, ENTRY)  # read back: a keyring that drops what it is given
                log.info("a new database key was made and kept in the OS keyring")
    except (keyring.errors.KeyringError, RuntimeError, OSError) as exc:
        raise NoDatabaseKey() from exc
    if not key or not _KEY.fullmatch(key):
        raise NoDatabaseKey()
    return key


@contextlib.contextmanager
def _creating_the_key() -> Iterator[None]:
    """An exclusive lock of this OS account, held while the key is looked up again and made: a lock file in the
    platform's user data directory (the key is per account, whatever data directory each program uses)."""
    folder = paths.private_dir(paths.default_data_dir())
    with (folder / ".database-key.lock").open("a+b") as lock:
        if sys.platform == "win32":
            import msvcrt

            lock.seek(0)
            while True:
                try:
                    msvcrt.locking(lock.fileno(), msvcrt.LK_LOCK, 1)  # retries for 10 s, then raises
                    break
                except OSError:
                    continue
            try:
                yield
            finally:
                lock.seek(0)
                msvcrt.locking(lock.fileno(), msvcrt.LK_UNLCK, 1)
        else:
            import fcntl

            fcntl.flock(lock.fileno(), fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(lock.fileno(), fcntl.LOCK_UN)


class ThisPc:
    """The default `key` of an engine or a backup function: this PC's database key (`database_key`), read when used."""


THIS_PC = ThisPc()


def resolve(key: str | ThisPc | None) -> str | None:
    """`key`, or this PC's key for `THIS_PC`."""
    return database_key() if isinstance(key, ThisPc) else key


def connect(path: Path | str, key: str | None, **kwargs: Any) -> dbapi.Connection:
    """A connection to the SQLite file at `path`, encrypted with `key` (None: plain SQLite), checked readable.

    Raises `WrongDatabaseKey` when the file exists but cannot be read with `key`."""
    conn = dbapi.connect(str(path), **kwargs)
    try:
        if key is not None:
            if not _KEY.fullmatch(key):
                raise ValueError("a database key is 64 lowercase hex digits")
            conn.execute(f"PRAGMA key = \"x'{key}'\"")  # the first statement: every page read is decrypted
            conn.execute(f"PRAGMA cipher_hmac_algorithm = {HMAC}")
            conn.execute("PRAGMA cipher_log_level = NONE")  # a wrong key is told in French (WrongDatabaseKey)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchall()
    except dbapi.DatabaseError as exc:
        conn.close()
        if str(path) != ":memory:" and ("not a database" in str(exc) or "encrypted" in str(exc)):
            if key is None:
                raise EncryptedButPlaintextMode(Path(path)) from exc
            raise WrongDatabaseKey(Path(path)) from exc
        raise
    except BaseException:
        conn.close()
        raise
    return conn


def is_plaintext(path: Path) -> bool:
    """True when `path` is a plain (unencrypted) SQLite file; an empty file counts as plain too."""
    with path.open("rb") as f:
        head = f.read(len(SQLITE_HEADER))
    return head in (SQLITE_HEADER, b"")


def _fsync(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        if path.is_dir():  # a directory cannot be opened, nor synced, on Windows: its renames are journaled anyway
            return
        raise
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _remove(path: Path) -> None:
    for name in (path, path.with_name(path.name + "-journal"), path.with_name(path.name + "-wal"),
                 path.with_name(path.name + "-shm")):  # fmt: skip
        name.unlink(missing_ok=True)


def encrypt_in_place(path: Path, key: str) -> None:
    """Encrypt the plain SQLite file at `path` with `key`, safely against a stop at any moment.

    1. the plain database is checkpointed into its main file and leaves WAL (no -wal file then holds part of it);
    2. `sqlcipher_export` copies it whole into `<name>.encrypting` beside it, which is synced to disk;
    3. that file is renamed over the plain one (atomic), and the directory synced.
    Stopped before 3, the plain file is whole and the next opening starts again (the partial copy is deleted);
    after 3, the encrypted file is whole. Nothing else may have the file open.
    """
    partial = path.with_name(path.name + ".encrypting")
    _remove(partial)
    plain = dbapi.connect(str(path), isolation_level=None, timeout=30)
    try:
        plain.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        (mode,) = plain.execute("PRAGMA journal_mode=DELETE").fetchone()
        if mode != "delete":
            raise dbapi.OperationalError(f"{path} stays in {mode} mode: another program has it open")
        (version,) = plain.execute("PRAGMA user_version").fetchone()
        os.close(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))  # private from the start
        plain.execute(f"ATTACH DATABASE ? AS encrypted KEY \"x'{key}'\"", (str(partial),))
        # the partial file is thrown away if anything stops: no journal, no sync until it is whole (then fsync)
        plain.execute(f"PRAGMA encrypted.cipher_hmac_algorithm = {HMAC}")
        plain.execute("PRAGMA encrypted.journal_mode=OFF")
        plain.execute("PRAGMA encrypted.synchronous=OFF")
        plain.execute("PRAGMA encrypted.cache_size=-65536")
        plain.execute("SELECT sqlcipher_export('encrypted')")
        plain.execute(f"PRAGMA encrypted.user_version = {int(version)}")
        plain.execute("DETACH DATABASE encrypted")
    finally:
        plain.close()
    check = connect(partial, key)  # readable with the key, or this raises and the plain file stays
    check.close()
    _fsync(partial)
    for suffix in ("-wal", "-shm"):  # the plain database left WAL: these are gone, or stale and empty
        path.with_name(path.name + suffix).unlink(missing_ok=True)
    os.replace(partial, path)
    _fsync(path.parent)
    log.info("database %s encrypted", path.name)


def prepare(path: Path, key: str | None) -> None:
    """Before opening the database at `path` with `key`: finish or undo an encryption a stop interrupted, encrypt a
    plain database (and its plain backup copies) when a key is given, refuse an encrypted one in plaintext mode."""
    _remove(path.with_name(path.name + ".encrypting"))
    if not path.is_file():
        return
    if key is None:
        if not is_plaintext(path):
            raise EncryptedButPlaintextMode(path)
        return
    if is_plaintext(path) and path.stat().st_size > 0:
        encrypt_in_place(path, key)
    elif path.stat().st_size == 0:
        path.unlink()  # an empty file is a database never written: SQLCipher makes it anew, encrypted
    from gn_desktop.store import backup  # backup imports this module

    for copy in backup.backups(path):
        if is_plaintext(copy):
            try:
                encrypt_in_place(copy, key)
            except (dbapi.Error, OSError, KnownError) as exc:
                log.warning("plain database backup %s deleted: it could not be encrypted (%s)", copy.name, exc)
                with contextlib.suppress(OSError):
                    _remove(copy)
