"""Without a secure keyring, enrolment stops before spending the code, with the French remedy; never plain text."""

from __future__ import annotations

from pathlib import Path

import keyring
import pytest
from keyring.backends.fail import Keyring as FailKeyring

from gn_desktop.store.uow import Store
from gn_desktop.sync.engine import Syncer
from gn_desktop.sync.errors import NoKeyring


def test_enrolment_without_keyring_says_what_to_install_and_writes_no_token(tmp_path: Path) -> None:
    store = Store.open(tmp_path)  # opened with its key; then the keyring goes away
    previous = keyring.get_keyring()
    keyring.set_keyring(FailKeyring())
    called: list[str] = []

    def factory(url: str, token: str | None) -> object:
        called.append(url)
        raise AssertionError("HQ must not be contacted: the one-time code would be spent for nothing")

    try:
        with pytest.raises(NoKeyring) as caught:
            Syncer(store, tmp_path, client_factory=factory).enrol("http://127.0.0.1:9", "K7QX-9MPD-R2TW-HV4C")  # type: ignore[arg-type]
    finally:
        keyring.set_keyring(previous)
        store.dispose()
    assert "gnome-keyring" in caught.value.message and "trousseau" in caught.value.message
    assert called == []
    assert not any(b"K7QX" in p.read_bytes() for p in tmp_path.iterdir() if p.is_file())
