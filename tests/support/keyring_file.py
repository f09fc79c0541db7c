"""A test-only keyring backend: a JSON file at $GN_TEST_KEYRING_FILE, so CLI subprocesses share it.

Selected explicitly with PYTHON_KEYRING_BACKEND=tests.support.keyring_file.FileKeyring (never auto-detected: its
priority is 0 unless the variable is set)."""

from __future__ import annotations

import json
import os
from pathlib import Path

from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError

ENV = "GN_TEST_KEYRING_FILE"


class FileKeyring(KeyringBackend):
    @property
    def priority(self) -> float:  # type: ignore[override]
        return 1 if os.environ.get(ENV) else 0

    def _path(self) -> Path:
        return Path(os.environ[ENV])

    def _load(self) -> dict[str, str]:
        p = self._path()
        return json.loads(p.read_text()) if p.exists() else {}

    def get_password(self, service: str, username: str) -> str | None:
        return self._load().get(f"{service}\x1f{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        data = self._load()
        data[f"{service}\x1f{username}"] = password
        tmp = self._path().with_suffix(".tmp")
        tmp.write_text(json.dumps(data))
        tmp.replace(self._path())

    def delete_password(self, service: str, username: str) -> None:
        data = self._load()
        if data.pop(f"{service}\x1f{username}", None) is None:
            raise PasswordDeleteError(username)
        self._path().write_text(json.dumps(data))
