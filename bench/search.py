"""Search-as-you-type benchmark: the cost of one keystroke on a campus store of 100,000 people.

One keystroke = what the search page does on the task runner's worker thread (`services.search.search_page`: the
FTS5 query for the ids plus the display rows of the first screenful, in a read-only unit of work) plus, back on the
UI thread, the lazy model's reset (`PeopleModel.set_result`). Queries are typed letter by letter: last names, first
and last names, birth dates (dd/mm/yyyy), phone numbers and e-mail prefixes of people drawn from the store.

    gn-desktop --data-dir /tmp/bench100k demo-data --people 100000
    QT_QPA_PLATFORM=offscreen python bench/search.py --data-dir /tmp/bench100k [--write]

`--write` replaces the "Search" section of docs/benchmarks.md with the figures (other sections are left alone).
Also measured: the same keystrokes with the People page's filters (an advisor's "my people", alone and with "no
contact for 30 days"; a pathway step with "no contact for 90 days"), cold start (a new process until the signed-in
home page has its data) and resident memory after scrolling the whole result list of a broad query.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DOC = ROOT / "docs" / "benchmarks.md"
TARGET_P95_MS = 20.0


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1))))
    return ordered[k]


def _queries(store: object, count: int, seed: int) -> list[tuple[str, str]]:
    """(kind, full text) pairs typed letter by letter."""
    from sqlalchemy import func, select

    from gn_desktop.store import models as m

    rng = random.Random(seed)
    with store.reading() as session:  # type: ignore[attr-defined]
        total = session.scalar(select(func.count()).select_from(m.Person)) or 0
        offsets = [rng.randrange(total) for _ in range(count)]
        people = [
            session.execute(
                select(m.Person.first_name, m.Person.last_name, m.Person.birth_date, m.Person.phone, m.Person.email)
                .order_by(m.Person.rowid if hasattr(m.Person, "rowid") else m.Person.id)
                .offset(o)
                .limit(1)
            ).one()
            for o in offsets
        ]
    out: list[tuple[str, str]] = []
    for i, (first, last, birth, phone, email) in enumerate(people):
        kind = i % 5
        if kind == 0:
            out.append(("nom", last.lower()))
        elif kind == 1:
            out.append(("prénom nom", f"{first} {last}".lower()))
        elif kind == 2 and birth is not None:
            out.append(("date de naissance", birth.strftime("%d/%m/%Y")))
        elif kind == 3 and phone:
            national = "0" + phone[3:] if phone.startswith("+33") else phone
            out.append(("téléphone", " ".join(national[j : j + 2] for j in range(0, len(national), 2))))
        elif kind == 4 and email:
            out.append(("e-mail", email.split("@")[0]))
        else:
            out.append(("nom", last.lower()))
    return out


def measure(data_dir: Path, count: int, seed: int) -> dict[str, object]:
    from PySide6.QtWidgets import QApplication

    from gn_desktop.services import search
    from gn_desktop.store.uow import Store
    from gn_desktop.views.search import FIRST_ROWS, PeopleModel

    app = QApplication.instance() or QApplication(sys.argv[:1])
    store = Store.open(data_dir)
    model = PeopleModel(lambda ids: None)
    people = 0
    with store.read_unit(None) as uow:
        from sqlalchemy import func, select

        from gn_desktop.store import models as m

        people = uow.session.scalar(select(func.count()).select_from(m.Person)) or 0
    queries = _queries(store, count, seed)
    # warm the page cache the way a running app would be warm after its first searches
    for _kind, text in queries[:20]:
        with store.read_unit(None) as uow:
            search.search_page(uow, text[:3], FIRST_ROWS)
    timings: list[float] = []
    by_kind: dict[str, list[float]] = {}
    by_length: dict[int, list[float]] = {}
    by_filter = _filtered(store, queries)
    for kind, text in queries:
        for n in range(1, len(text) + 1):
            typed = text[:n]
            if not typed.strip():
                continue
            started = time.perf_counter()
            with store.read_unit(None) as uow:
                page = search.search_page(uow, typed, FIRST_ROWS)
            model.set_result(page.result.ids, page.first_rows, page.result.truncated)
            elapsed = (time.perf_counter() - started) * 1000
            timings.append(elapsed)
            by_kind.setdefault(kind, []).append(elapsed)
            by_length.setdefault(min(n, 6), []).append(elapsed)
    store.dispose()
    del app
    return {
        "people": people,
        "keystrokes": len(timings),
        "p50": statistics.median(timings),
        "p95": _percentile(timings, 95),
        "max": max(timings),
        "by_kind": {k: (statistics.median(v), _percentile(v, 95), len(v)) for k, v in by_kind.items()},
        "by_length": {k: (statistics.median(v), _percentile(v, 95), len(v)) for k, v in sorted(by_length.items())},
        "by_filter": {k: (statistics.median(v), _percentile(v, 95), len(v)) for k, v in by_filter.items()},
    }


def _filtered(store: object, queries: list[tuple[str, str]]) -> dict[str, list[float]]:
    """Milliseconds per keystroke with the People page's filters, as the first advisor of the campus."""
    from gn_core.domain.enums import PathwayStep
    from gn_desktop.services import auth, search
    from gn_desktop.views.search import FIRST_ROWS

    with store.read_unit(None) as uow:  # type: ignore[attr-defined]
        advisor = auth.first_advisor(uow)
        me = auth.session_for(uow, advisor).user_id if advisor else None
    configs = {
        "mes personnes": search.Filters(mine=True),
        "mes personnes, sans contact depuis 30 jours": search.Filters(mine=True, no_contact_days=30),
        "recherche d'emploi, sans contact depuis 90 jours": search.Filters(
            step=PathwayStep.JOB_SEARCH, no_contact_days=90
        ),
    }
    out: dict[str, list[float]] = {name: [] for name in configs}
    for _kind, text in queries:
        for n in range(1, len(text) + 1):
            if not text[:n].strip():
                continue
            for name, filters in configs.items():
                started = time.perf_counter()
                with store.read_unit(me) as uow:  # type: ignore[attr-defined]
                    search.search_page(uow, text[:n], FIRST_ROWS, filters=filters)
                out[name].append((time.perf_counter() - started) * 1000)
    return out


_COLD = r"""
import os, sys, time
t0 = float(sys.argv[2])
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from pathlib import Path
from bench.report import write_section
from gn_desktop import app as gn_app
from gn_desktop.services import auth
from gn_desktop.store.uow import Store
from PySide6.QtCore import QEventLoop, QTimer
application = gn_app.application()
from gn_desktop.views.i18n import Translations
tr = Translations(application); tr.set_language("fr")
store = Store.open(Path(sys.argv[1]))
runner = gn_app.build_runner(store)
win = gn_app.build_main_window(runner, lock_after_s=3600)
win.show()
application.processEvents()
shown = time.time() - t0
with store.read_unit(None) as uow:
    session = auth.session_for(uow, auth.first_advisor(uow))
loop = QEventLoop()
win.home.loaded.connect(loop.quit)
win.sign_in_as(session)
QTimer.singleShot(30000, loop.quit)
loop.exec()
home = time.time() - t0
# memory after scrolling the whole result list of a broad query
loop2 = QEventLoop()
win.search.results_shown.connect(lambda q: loop2.quit())
win.find_person()
win.search.search_now("a")
QTimer.singleShot(30000, loop2.quit)
loop2.exec()
view = win.search.view
rows = win.search.model.rowCount()
for r in range(0, rows, 20):
    view.scrollTo(win.search.model.index(r, 0))
    application.processEvents()
    for _ in range(50):
        if runner.pending == 0:
            break
        application.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
rss_kb = 0
for line in open("/proc/self/status"):
    if line.startswith("VmRSS:"):
        rss_kb = int(line.split()[1])
print(f"{shown:.3f} {home:.3f} {rss_kb} {rows} {win.search.model.loaded_rows()}")
runner.shutdown(); store.dispose()
"""


def cold_start(data_dir: Path) -> tuple[float, float, int, int, int]:
    """Seconds until the window is shown and until the signed-in home page has its data; RSS (kB) after scrolling."""
    started = time.time()
    out = subprocess.run(
        [sys.executable, "-c", _COLD, str(data_dir), repr(started)],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    ).stdout.split()
    return float(out[0]), float(out[1]), int(out[2]), int(out[3]), int(out[4])


def _fmt(ms: float) -> str:
    return f"{ms:.1f}".replace(".", ",")


def section(result: dict[str, object], cold: tuple[float, float, int, int, int] | None) -> str:
    from bench.report import load_average, machine

    by_kind = result["by_kind"]
    by_length = result["by_length"]
    assert isinstance(by_kind, dict) and isinstance(by_length, dict)
    lines = [
        "## Search",
        "",
        f"Measured on {date.today():%Y-%m-%d}, {machine()}, SQLite (FTS5), load average {load_average()} at the "
        f"end, store of {result['people']:,} demo people "
        "(`gn-desktop demo-data --people 100000`). Command: `QT_QPA_PLATFORM=offscreen python bench/search.py "
        "--data-dir DIR --write`.",
        "",
        "One keystroke = `services.search.search_page` (FTS5 ids, at most 500, plus the rows of the first 40) in a "
        "read-only unit of work, plus the lazy model's reset. Queries typed letter by letter from random people.",
        "",
        "| keystrokes | median | p95 | max | target p95 |",
        "|---|---|---|---|---|",
        f"| {result['keystrokes']} | {_fmt(result['p50'])} ms | {_fmt(result['p95'])} ms | "  # type: ignore[arg-type]
        f"{_fmt(result['max'])} ms | ≤ {_fmt(TARGET_P95_MS)} ms |",  # type: ignore[arg-type]
        "",
        "| typed | keystrokes | median | p95 |",
        "|---|---|---|---|",
    ]
    for kind, (p50, p95, n) in by_kind.items():
        lines.append(f"| {kind} | {n} | {_fmt(p50)} ms | {_fmt(p95)} ms |")
    lines += ["", "| characters typed | keystrokes | median | p95 |", "|---|---|---|---|"]
    for length, (p50, p95, n) in by_length.items():
        lines.append(f"| {length}{'+' if length == 6 else ''} | {n} | {_fmt(p50)} ms | {_fmt(p95)} ms |")
    by_filter = result.get("by_filter") or {}
    assert isinstance(by_filter, dict)
    if by_filter:
        lines += [
            "",
            "The same keystrokes with the People page's filters (the full-text index drives, each match is checked "
            "against the filters until 500 are found; the slowest case is a selective filter and few letters):",
            "",
            "| filters | keystrokes | median | p95 |",
            "|---|---|---|---|",
        ]
        for name, (p50, p95, n) in by_filter.items():
            lines.append(f"| {name} | {n} | {_fmt(p50)} ms | {_fmt(p95)} ms |")
    if cold is not None:
        shown, home, rss_kb, rows, loaded = cold
        lines += [
            "",
            f"Cold start (new process, store of {result['people']:,} people): window shown after "
            f"{_fmt(shown * 1000)} ms, signed-in home page with its data after {_fmt(home * 1000)} ms "
            "(target ≤ 1 500 ms).",
            f"Resident memory after scrolling the whole result list of « a » ({rows} rows, {loaded} fetched "
            f"lazily): {rss_kb / 1024:.0f} MB (target ≤ 250 MB).",
        ]
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--no-cold-start", action="store_true")
    parser.add_argument("--write", action="store_true", help="update the Search section of docs/benchmarks.md")
    args = parser.parse_args()
    from bench.report import ensure_keyring

    ensure_keyring()
    result = measure(args.data_dir, args.queries, args.seed)
    cold = None if args.no_cold_start else cold_start(args.data_dir)
    text = section(result, cold)
    print(text)
    if args.write:
        from bench.report import write_section

        write_section("Search", text)
    return 0 if float(result["p95"]) <= TARGET_P95_MS else 1  # type: ignore[arg-type]


if __name__ == "__main__":
    raise SystemExit(main())
