"""Where the campus app keeps its data, settings and logs: the user's platform directories, never the program folder.

`--data-dir DIR` or `GN_DATA_DIR` overrides the data directory, so several campuses can run side by side.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "gn-desktop"
APP_AUTHOR = "LeGrandNumerique"
ENV_DATA_DIR = "GN_DATA_DIR"


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The data directory: `override`, else $GN_DATA_DIR, else the platform's user data dir."""
    chosen = override or os.environ.get(ENV_DATA_DIR)
    if chosen:
        return Path(chosen).expanduser().resolve()
    return Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))


def log_dir(data: Path) -> Path:
    return data / "logs"
