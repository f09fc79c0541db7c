"""Writing results into docs/benchmarks.md: each benchmark owns one `## Name` section and leaves the others alone."""

from __future__ import annotations

import contextlib
import os
import platform
import re
from pathlib import Path

DOC = Path(__file__).resolve().parents[1] / "docs" / "benchmarks.md"


def cpu_model() -> str:
    """The CPU's name as the system reports it (machines change between sessions: say which one measured)."""
    with contextlib.suppress(OSError, AttributeError):
        return re.search(r"model name\s*:\s*(.*)", Path("/proc/cpuinfo").read_text()).group(1)  # type: ignore[union-attr]
    return "unknown CPU"


def machine() -> str:
    """'x86_64, 2 cores (CPU name), Python 3.11.7'."""
    return f"{platform.machine()}, {os.cpu_count()} cores ({cpu_model()}), Python {platform.python_version()}"


def load_average() -> str:
    """The 1-minute load average now, as text (how busy the machine was)."""
    with contextlib.suppress(OSError):
        return f"{os.getloadavg()[0]:.1f}"
    return "unknown"


def write_section(name: str, text: str, doc: Path = DOC) -> None:
    """Replace (or append) the `## name` section with `text` (which starts with that heading).

    The file is re-read right before writing, so benchmarks run one after another never lose each other's sections.
    """
    current = doc.read_text(encoding="utf-8") if doc.exists() else "# Benchmarks\n"
    pattern = re.compile(rf"^## {re.escape(name)}\n.*?(?=^## |\Z)", re.S | re.M)
    body = text.rstrip("\n") + "\n\n"
    if pattern.search(current):
        updated = pattern.sub(lambda _m: body, current, count=1)
    else:
        updated = current.rstrip("\n") + "\n\n" + body
    doc.write_text(updated.rstrip("\n") + "\n", encoding="utf-8")


def ensure_keyring() -> None:
    """Campus stores are encrypted with a key from the OS keyring (gn_desktop.store.cipher). On a machine whose session
    has none (a CI runner, a bare container), use the test keyring backend (a JSON file in a temporary folder), for
    this process and those it starts, and say so."""
    import tempfile

    import keyring

    from gn_desktop.store import cipher

    try:
        cipher.database_key()
        return
    except cipher.NoDatabaseKey:
        pass
    folder = Path(tempfile.mkdtemp(prefix="gn-bench-keyring-"))
    os.environ["PYTHON_KEYRING_BACKEND"] = "tests.support.keyring_file.FileKeyring"
    os.environ["GN_TEST_KEYRING_FILE"] = str(folder / "keyring.json")
    os.environ["PYTHONPATH"] = os.pathsep.join(p for p in (str(DOC.parents[1]), os.environ.get("PYTHONPATH")) if p)
    from tests.support.keyring_file import FileKeyring

    keyring.set_keyring(FileKeyring())
    print(f"[bench] no keyring in this session: the database key is kept in {folder} (test keyring backend)")
