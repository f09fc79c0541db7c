"""What encryption at rest costs: the same work on a plain SQLite store and on an SQLCipher one, in the same run.

    python -m bench.encryption [--people 20000] [--runs 3] [--queries 60] [--write]

Measured for each mode, runs alternating plain / encrypted so that the machine's load weighs on both alike:
- demo data: `demo.generate` of N people into a fresh store (bulk-load engine);
- search: the keystrokes of `bench.search` (FTS5 ids and first rows, plus the model's reset) on the store just made;
- cold start: `bench.search.cold_start`, a new process until the signed-in home page has its data.
The initial sync is not measured here: it needs an HQ and minutes at this scale (`bench.sync`), and its cost on the
PC is the store's writes, which the demo load measures.

The encrypted runs take their key from the test keyring backend (a JSON file): on a campus PC the OS keyring adds
one lookup at start (a D-Bus call on Linux). The plain runs use the insecure demo mode (`GN_INSECURE_PLAINTEXT=1`).
`--write` replaces the "Encryption at rest" section of docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import report  # noqa: E402
from bench import search as search_bench  # noqa: E402

MODES = ("plain", "encrypted")
TARGET_RATIO = 1.10
SEED = 7


def _mode(mode: str) -> None:
    if mode == "plain":
        os.environ["GN_INSECURE_PLAINTEXT"] = "1"
    else:
        os.environ.pop("GN_INSECURE_PLAINTEXT", None)


def _keyring(folder: Path) -> None:
    """The test keyring backend, in `folder`, for this process and the cold starts' processes."""
    os.environ["PYTHON_KEYRING_BACKEND"] = "tests.support.keyring_file.FileKeyring"
    os.environ["GN_TEST_KEYRING_FILE"] = str(folder / "keyring.json")
    os.environ["PYTHONPATH"] = str(ROOT)


def _demo(data: Path, people: int) -> float:
    from gn_desktop.services import demo
    from gn_desktop.store.uow import Store

    store = Store.open(data)
    started = time.perf_counter()
    demo.generate(store, people=people, seed=SEED, today=date(2026, 3, 2))
    elapsed = time.perf_counter() - started
    store.dispose()
    return elapsed


def measure(people: int, runs: int, queries: int, work: Path, *, search_runs: int) -> dict[str, dict[str, list[float]]]:
    out: dict[str, dict[str, list[float]]] = {
        m: {"demo": [], "p50": [], "p95": [], "shown": [], "home": []} for m in MODES
    }
    stores: dict[str, Path] = {}
    for run in range(runs):
        for mode in MODES if run % 2 == 0 else tuple(reversed(MODES)):
            _mode(mode)
            data = work / f"{mode}-{run}"
            out[mode]["demo"].append(_demo(data, people))
            if mode in stores:
                shutil.rmtree(stores[mode], ignore_errors=True)
            stores[mode] = data
            print(f"demo data, {mode}: {out[mode]['demo'][-1]:.2f} s", flush=True)
    for run in range(search_runs):
        for mode in MODES if run % 2 == 0 else tuple(reversed(MODES)):
            _mode(mode)
            result = search_bench.measure(stores[mode], queries, SEED + run)
            out[mode]["p50"].append(float(result["p50"]))  # type: ignore[arg-type]
            out[mode]["p95"].append(float(result["p95"]))  # type: ignore[arg-type]
            shown, home, _rss, _rows, _loaded = search_bench.cold_start(stores[mode])
            out[mode]["shown"].append(shown * 1000)
            out[mode]["home"].append(home * 1000)
            print(f"search and cold start, {mode}: p95 {out[mode]['p95'][-1]:.1f} ms, home {home:.2f} s", flush=True)
    return out


def _n(value: float, digits: int = 1) -> str:
    return f"{value:,.{digits}f}".replace(",", " ").replace(".", ",")


def section(result: dict[str, dict[str, list[float]]], people: int, runs: int, queries: int, search_runs: int) -> str:
    rows = [
        ("demo data, {people} people (s)", "demo", 2),
        ("search, median keystroke (ms)", "p50", 1),
        ("search, p95 keystroke (ms)", "p95", 1),
        ("cold start, window shown (ms)", "shown", 0),
        ("cold start, signed-in home page with its data (ms)", "home", 0),
    ]
    lines = [
        "## Encryption at rest",
        "",
        f"Measured on {date.today().isoformat()} by `python -m bench.encryption --people {people} --runs {runs} "
        f"--queries {queries} --search-runs {search_runs}`: {report.machine()}, "
        f"SQLCipher 4 (SQLite {_sqlite_version()}). Load average "
        f"{report.load_average()} at the end: other jobs shared the machine. Plain and encrypted runs alternate in "
        f"the same run; medians of {runs} demo loads, each into a fresh store of {_n(people, 0)} demo people, then of "
        f"{search_runs} search and cold-start runs on the last store of each mode (search: "
        f"{queries} names, birth dates, phones and e-mails typed letter by letter, as in Search).",
        "",
        "| what | plain SQLite | encrypted (SQLCipher) | ratio | target |",
        "|---|---|---|---|---|",
    ]
    for label, key, digits in rows:
        plain = statistics.median(result["plain"][key])
        enc = statistics.median(result["encrypted"][key])
        target = f"≤ {_n(TARGET_RATIO, 2)}"
        lines.append(
            f"| {label.format(people=f'{people:,}'.replace(',', ' '))} | {_n(plain, digits)} | {_n(enc, digits)} "
            f"| {_n(enc / plain, 2)} | {target} |"
        )
    lines += [
        "",
        "Runs (plain / encrypted): "
        + "; ".join(
            f"{label} {' '.join(_n(v, digits) for v in result['plain'][key])} / "
            f"{' '.join(_n(v, digits) for v in result['encrypted'][key])}"
            for label, key, digits in (("demo data (s)", "demo", 2), ("p95 (ms)", "p95", 1), ("home (ms)", "home", 0))
        )
        + ".",
        "",
        "What costs: each page is encrypted (AES-256-CBC) and authenticated (HMAC-SHA256, `cipher.HMAC`) when "
        "written, checked and decrypted when read into SQLite's page cache (32 MiB a connection, `engine.CACHE_KIB`); "
        "pages already in the cache cost nothing more. The key is a raw 256-bit key (no passphrase derivation at each "
        "connection). Not measured: the initial sync (see the note in `bench/encryption.py`), the one-time encryption "
        "of an existing plain database (an export of the whole file: about 0,2 s for 8 MB here).",
    ]
    return "\n".join(lines) + "\n"


def _sqlite_version() -> str:
    from gn_desktop.store import cipher

    return str(cipher.DBAPI.sqlite_version)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--people", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--queries", type=int, default=60)
    parser.add_argument("--search-runs", type=int, default=5, help="search and cold start runs per mode")
    parser.add_argument("--write", action="store_true", help="replace the section of docs/benchmarks.md")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="gn-bench-enc-"))
    try:
        _keyring(work)
        result = measure(args.people, args.runs, args.queries, work, search_runs=args.search_runs)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    text = section(result, args.people, args.runs, args.queries, args.search_runs)
    print(text)
    if args.write:
        report.write_section("Encryption at rest", text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
