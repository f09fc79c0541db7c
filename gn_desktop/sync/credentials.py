"""The device token in the OS keyring: one entry per data dir and HQ URL, never written in plain text.

The entry also holds the device id and the install id the store had when it enrolled: a database copied to another
installation, or restored from an older backup, no longer matches them and must enrol again as a new device.

Threading: any thread. The sync thread and the questions thread (`SyncScheduler`) may read the entry at the same
moment, and an enrolment may be writing it; keyring backends do not all promise to be thread-safe (a file backend
rewrites its file), so the calls here take turns (`_lock`).
"""

from __future__ import annotations

import contextlib
import json
import threading
from dataclasses import dataclass
from pathlib import Path

import keyring
import keyring.errors

from gn_desktop.sync.errors import NO_KEYRING, NoKeyring

SERVICE = "gn-desktop-sync"
_lock = threading.Lock()


@dataclass(frozen=True, slots=True)
class Credentials:
    token: str
    device_id: str
    install_id: str


def entry_name(data_dir: Path, server_url: str) -> str:
    return f"{data_dir.resolve()}|{server_url.rstrip('/')}"


def _backend_usable() -> None:
    backend = keyring.get_keyring()
    priority = getattr(backend, "priority", 1)
    name = type(backend).__module__ + "." + type(backend).__name__
    if priority <= 0 or name.startswith("keyring.backends.fail"):
        raise NoKeyring(NO_KEYRING)


def save(data_dir: Path, server_url: str, creds: Credentials) -> None:
    _backend_usable()
    payload = json.dumps({"token": creds.token, "device_id": creds.device_id, "install_id": creds.install_id})
    try:
        with _lock:
            keyring.set_password(SERVICE, entry_name(data_dir, server_url), payload)
    except keyring.errors.KeyringError as exc:
        raise NoKeyring(NO_KEYRING) from exc


def load(data_dir: Path, server_url: str) -> Credentials | None:
    try:
        with _lock:
            raw = keyring.get_password(SERVICE, entry_name(data_dir, server_url))
    except keyring.errors.KeyringError as exc:
        raise NoKeyring(NO_KEYRING) from exc
    if not raw:
        return None
    data = json.loads(raw)
    return Credentials(token=data["token"], device_id=data["device_id"], install_id=data["install_id"])


def forget(data_dir: Path, server_url: str) -> None:
    with contextlib.suppress(keyring.errors.KeyringError), _lock:
        keyring.delete_password(SERVICE, entry_name(data_dir, server_url))


def save_check() -> None:
    """Refuse before anything is spent (an enrolment code is single-use) when no secure keyring is available."""
    _backend_usable()
