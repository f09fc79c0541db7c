"""Where HQ keeps its files: the data dir (embedded database, epoch watermark) and the database URL.

Order of precedence: command-line option, then environment ($GN_HQ_DATA_DIR, $GN_HQ_DATABASE_URL), then defaults
(the user data dir given by platformdirs; an SQLite file `hq.db` in the data dir).
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

DB_FILENAME = "hq.db"


def data_dir(option: str | Path | None = None) -> Path:
    """The data dir, created if missing, and reachable by HQ's OS account only (POSIX: 0700)."""
    chosen = option or os.environ.get("GN_HQ_DATA_DIR") or platformdirs.user_data_dir("gn-hq", "LeGrandNumerique")
    path = Path(chosen).expanduser()
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    if os.name == "posix" and path.stat().st_mode & 0o077:
        path.chmod(0o700)
    return path


def database_url(option: str | None, directory: Path) -> str:
    """The database URL: the option, $GN_HQ_DATABASE_URL, or the embedded SQLite file of `directory`."""
    return option or os.environ.get("GN_HQ_DATABASE_URL") or f"sqlite:///{directory / DB_FILENAME}"
