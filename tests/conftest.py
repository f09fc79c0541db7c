"""Shared test configuration. Qt-free: unit tests must run without a display (and without Qt installed).

Qt fixtures live in tests/gui/conftest.py. The platform must be chosen before anything imports Qt: without a display
a pytest-qt run would otherwise abort the whole process.

Every campus database of the suite is encrypted, as on a campus PC (gn_desktop.store.cipher): the test keyring backend
(tests.support.keyring_file, a JSON file) is selected for this process and the CLI subprocesses it starts, and the
database key stays in one file for the whole session, whichever keyring file a test chooses for device tokens.
"""

import atexit
import json
import os
import secrets
import shutil
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

_keyrings = Path(tempfile.mkdtemp(prefix="gn-test-keyring-"))
atexit.register(shutil.rmtree, _keyrings, ignore_errors=True)
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "tests.support.keyring_file.FileKeyring")
os.environ.setdefault("GN_TEST_KEYRING_FILE", str(_keyrings / "keyring.json"))
os.environ.setdefault("GN_TEST_STORE_KEY_FILE", str(_keyrings / "store-key.json"))
_store_key = Path(os.environ["GN_TEST_STORE_KEY_FILE"])
if not _store_key.exists():  # made once, before processes started at the same moment could each make one
    _store_key.write_text(json.dumps({"gn-desktop-store\x1fdatabase-key": secrets.token_hex(32)}))
os.environ.setdefault("PYTHONPATH", str(Path(__file__).resolve().parents[1]))  # subprocesses find tests.support
