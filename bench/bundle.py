"""Start time of the frozen bundle: `dist/gn-desktop/gn-desktop --self-test`, median of several runs.

Run `make bundle` first, then `.venv/bin/python -m bench.bundle`. Writes the "Bundle" section of
docs/benchmarks.md (target: self-test ≤ 1 s).
Baseline in the same run: the same self-test from the virtualenv (`python -m gn_desktop.cli --self-test`).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXE = ROOT / "dist" / "gn-desktop" / "gn-desktop"
RUNS = 7


def _median_start(command: list[str]) -> tuple[float, list[float]]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([*command, "--data-dir", tmp, "--self-test"], env=env, check=True, capture_output=True)
        timings = []
        for _ in range(RUNS):
            started = time.perf_counter()
            subprocess.run([*command, "--data-dir", tmp, "--self-test"], env=env, check=True, capture_output=True)
            timings.append(time.perf_counter() - started)
    return statistics.median(timings), timings


def _size_mb(folder: Path) -> float:
    # Symlinks (PyInstaller links some shared libraries) would count their target twice, as `du` does not.
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink()) / 2**20


def main() -> int:
    if not EXE.exists():
        print("Build the bundle first: make bundle", file=sys.stderr)
        return 2
    frozen, frozen_runs = _median_start([str(EXE)])
    venv, _ = _median_start([sys.executable, "-m", "gn_desktop.cli"])
    load = os.getloadavg()[0]
    section = "\n".join(
        [
            "## Bundle",
            "",
            f"Measured {time.strftime('%Y-%m-%d')} by `python -m bench.bundle` on this 2-core machine "
            f"(load average {load:.1f} during the run).",
            "",
            "| measure | result | target |",
            "|---|---|---|",
            f"| bundle folder size | {_size_mb(EXE.parent):.0f} MiB | ≤ 170 MiB |",
            f"| `--self-test` from the bundle, median of {RUNS} | {frozen:.2f} s | ≤ 1 s |",
            f"| same self-test from the virtualenv (baseline) | {venv:.2f} s | — |",
            f"| ratio bundle / virtualenv | {frozen / venv:.2f} | — |",
            "",
            f"Individual bundle runs: {', '.join(f'{t:.2f}' for t in frozen_runs)} s.",
            "",
        ]
    )
    print(section)
    from bench.report import write_section

    write_section("Bundle", section)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
