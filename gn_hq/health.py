"""Waiting for a `gn-hq serve` process to answer: the one way the launcher (`make run`), the tests and the benchmarks
wait for the HQ they started. Standard library only (no HTTP client dependency), so anything can use it."""

from __future__ import annotations

import subprocess
import time
import urllib.error
import urllib.request
from typing import Any


class HqDidNotStart(RuntimeError):
    """HQ's process ended, or did not answer `/health` in time."""


def healthy(url: str, timeout_s: float = 1.0) -> bool:
    """Whether HQ at `url` answers `GET /health` with 200 (and so reaches its database)."""
    try:
        with urllib.request.urlopen(f"{url.rstrip('/')}/health", timeout=timeout_s) as answer:
            return bool(answer.status == 200)
    except (urllib.error.URLError, OSError):
        return False


def wait_until_healthy(
    url: str, *, proc: subprocess.Popen[Any] | None = None, timeout_s: float = 60.0, every_s: float = 0.05
) -> None:
    """Return once HQ at `url` answers `/health`; raise `HqDidNotStart` if `proc` ended or `timeout_s` passed."""
    deadline = time.monotonic() + timeout_s
    while not healthy(url):
        if proc is not None and proc.poll() is not None:
            raise HqDidNotStart(f"gn-hq serve ended with status {proc.returncode} before answering at {url}")
        if time.monotonic() > deadline:
            raise HqDidNotStart(f"gn-hq serve did not answer at {url} within {timeout_s:.0f} s")
        time.sleep(every_s)
