"""Where the campus app keeps its data, settings and logs: the user's platform directories, never the program folder.

By default (platformdirs, for the OS account running the app):

* data — campus.db and its backup copies; the campus settings live in the database:
  Linux `~/.local/share/gn-desktop`, Windows `%LOCALAPPDATA%\\LeGrandNumerique\\gn-desktop`;
* logs (rotating): Linux `~/.local/state/gn-desktop/log`, Windows `%LOCALAPPDATA%\\LeGrandNumerique\\gn-desktop\\Logs`.

On Linux (and macOS) the data directory is private to the OS account: 0700, its files 0600 (`private_dir`,
`private_file`; SQLite gives a database's -wal and -shm files the database file's mode). On Windows the per-user
profile's ACLs already keep other accounts out of `%LOCALAPPDATA%`.

`--data-dir DIR` or `GN_DATA_DIR` overrides the data directory, so several campuses can run side by side; the logs
then go to `DIR/logs`, beside the data they describe. The program folder (a PyInstaller bundle under Program Files or
/opt) is read-only for the app.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "gn-desktop"
APP_AUTHOR = "LeGrandNumerique"
ENV_DATA_DIR = "GN_DATA_DIR"


def default_data_dir() -> Path:
    """The platform's user data directory for the app."""
    return Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The data directory: `override`, else $GN_DATA_DIR, else the platform's user data dir."""
    chosen = override or os.environ.get(ENV_DATA_DIR)
    if chosen:
        return Path(chosen).expanduser().resolve()
    return default_data_dir()


def log_dir(data: Path) -> Path:
    """Where the rotating log of a run on `data` goes: the platform's user log dir for the default data directory,
    else `data/logs`."""
    if data == default_data_dir():
        return Path(platformdirs.user_log_dir(APP_NAME, APP_AUTHOR))
    return data / "logs"


def private_dir(path: Path) -> Path:
    """Create `path` (and its parents) if missing and make it readable by this OS account only (POSIX: 0700)."""
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    if os.name == "posix" and path.stat().st_mode & 0o077:
        path.chmod(0o700)
    return path


def private_file(path: Path) -> None:
    """Make the existing file `path` readable and writable by this OS account only (POSIX: 0600)."""
    if os.name == "posix" and path.exists() and path.stat().st_mode & 0o077:
        path.chmod(0o600)


def create_private_file(path: Path) -> None:
    """Create `path` empty with mode 0600 if it does not exist (SQLite then keeps that mode for the database)."""
    if not path.exists():
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600))
