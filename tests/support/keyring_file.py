"""A test-only keyring backend: a JSON file at $GN_TEST_KEYRING_FILE, so CLI subprocesses share it.

The campus database key (service "gn-desktop-store") goes to $GN_TEST_STORE_KEY_FILE instead when that is set
(tests/conftest.py sets it for the session): a test that switches to a keyring file of its own for device tokens still
opens the databases made before.

Selected explicitly with PYTHON_KEYRING_BACKEND=tests.support.keyring_file.FileKeyring (never auto-detected: its
priority is 0 unless the variable is set)."""

from __future__ import annotations

import json
import os
from pathlib import Path

from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError

ENV = "GN_TEST_KEYRING_FILE"
STORE_KEY_ENV = "GN_TEST_STORE_KEY_FILE"
STORE_SERVICE = "gn-desktop-store"


class FileKeyring(KeyringBackend):
    @property
    def priority(self) -> float:  # type: ignore[override]
        return 1 if os.environ.get(ENV) else 0

    def _path(self, service: str) -> Path:
        if service == STORE_SERVICE and os.environ.get(STORE_KEY_ENV):
            return Path(os.environ[STORE_KEY_ENV])
        return Path(os.environ[ENV])

    def _load(self, service: str) -> dict[str, str]:
        p = self._path(service)
        return json.loads(p.read_text()) if p.exists() else {}

    def get_password(self, service: str, username: str) -> str | None:
        return self._load(service).get(f"{service}\x1f{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        data = self._load(service)
        data[f"{service}\x1f{username}"] = password
        path = self._path(service)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps(data))
        tmp.replace(path)

    def delete_password(self, service: str, username: str) -> None:
        data = self._load(service)
        if data.pop(f"{service}\x1f{username}", None) is None:
            raise PasswordDeleteError(username)
        self._path(service).write_text(json.dumps(data))
