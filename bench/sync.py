"""Benchmark of campus sync end to end: a real `gn-hq serve` process on loopback, campus stores in their own data dirs.

1. Initial sync: a new campus PC enrols and pulls 100,000 people and 300,000 pathway events (plus reference data)
   into an empty store, in a separate process whose peak RSS is recorded; with the phase breakdown (HQ producing
   and sending pages, decoding, applying to SQLite) and, for comparison, HQ alone serving every page.
2. Naive baseline: the same rows (the campus tables as the first sync left them) dumped as JSON, gzipped, sent over
   HTTP loopback page by page and inserted with executemany into another empty store — no merge, no cursor, no
   history: what a whole-row transfer costs (and it loses concurrent edits).
3. 10,000 edited people: campus A edits 10,000 people (two fields), then one cycle of A (push, and pull back the
   merged state) and one cycle of B (pull): the round trip.
4. First sync from a snapshot: campus0 (a synced PC) publishes its database into HQ's snapshots folder; a new PC enrols
   and runs the command line's first sync (download, checks, install, pull what came after); against a plain copy of
   the same file (copy + fsync) and the naive transfer of the same run. Then the same from the running app: the file
   put in place on a task runner's thread kept busy by reads, with how long the swap held the app's tasks back.
5. One edit's delay: B polls HQ (one cycle, then a pause) in its own process; A edits one person and runs a cycle;
   the delay is from A's commit to the moment B's store holds the value.

HQ's content (100,000 people + 300,000 events pushed by a source device of campus SDN) is built once per size and
database kind and cached under /tmp/gn_sync_bench_cache (SQLite only), so reruns skip the ~90 s of pushing.

Usage: python -m bench.sync [--people 100000] [--runs 3] [--database-url postgresql://...] [--json] [--write]
`--write` replaces the "Sync" section of docs/benchmarks.md (other sections are left as they are).
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import json
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlparse

import httpx

from gn_desktop.store import cipher
from gn_hq.health import wait_until_healthy

ROOT = Path(__file__).resolve().parent.parent
CACHE = Path(tempfile.gettempdir()) / "gn_sync_bench_cache"
CAMPUS_CODE = "SDN"
PUSH_BATCH = 5000
HEADERS = {"GN-Protocol": "1", "Content-Type": "application/json"}
KEYRING_ENV = "GN_TEST_KEYRING_FILE"
#: the campus stores' database key, kept beside the cached stores so that a later run opens them
STORE_KEY = ("GN_TEST_STORE_KEY_FILE", str(CACHE / "store-key.json"))


# --- helpers -----------------------------------------------------------------------------------------------------


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: kilobytes


def load() -> float:
    return os.getloadavg()[0]


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


class Timer:
    """Accumulated time of wrapped functions (busy time per phase; phases overlap when pipelined)."""

    def __init__(self) -> None:
        self.totals: dict[str, float] = {}
        self.counts: dict[str, int] = {}
        self._lock = threading.Lock()

    def wrap(self, owner: Any, name: str, label: str) -> None:
        original = getattr(owner, name)
        if isinstance(owner, type) and isinstance(owner.__dict__.get(name), staticmethod | classmethod):
            return self._wrap_descriptor(owner, name, label)

        def timed(*args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                self.add(label, time.perf_counter() - start)

        setattr(owner, name, timed)
        return None

    def _wrap_descriptor(self, owner: type, name: str, label: str) -> None:
        descriptor = owner.__dict__[name]
        func = descriptor.__func__
        kind = type(descriptor)

        def timed(*args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                return func(*args, **kwargs)
            finally:
                self.add(label, time.perf_counter() - start)

        setattr(owner, name, kind(timed))

    def add(self, label: str, seconds: float) -> None:
        with self._lock:
            self.totals[label] = self.totals.get(label, 0.0) + seconds
            self.counts[label] = self.counts.get(label, 0) + 1


def keyring_env(work: Path) -> dict[str, str]:
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        KEYRING_ENV: str(work / "keyring.json"),
        "PYTHON_KEYRING_BACKEND": "tests.support.keyring_file.FileKeyring",
        STORE_KEY[0]: STORE_KEY[1],
    }
    return env


def use_test_keyring(work: Path) -> None:
    """This process: the test-only file keyring (device tokens of the benchmark campuses)."""
    import keyring

    from tests.support.keyring_file import FileKeyring

    os.environ[KEYRING_ENV] = str(work / "keyring.json")
    os.environ["PYTHON_KEYRING_BACKEND"] = "tests.support.keyring_file.FileKeyring"
    os.environ[STORE_KEY[0]] = STORE_KEY[1]
    CACHE.mkdir(parents=True, exist_ok=True)
    keyring.set_keyring(FileKeyring())


def child(kind: str, params: dict[str, Any], env: dict[str, str], *, timeout: float = 900) -> dict[str, Any]:
    """Run one measured step in a new process (so its peak RSS is its own) and return its JSON answer."""
    done = subprocess.run(
        [sys.executable, "-m", "bench.sync", "--child", kind, "--params", json.dumps(params)],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    if done.returncode != 0:
        raise RuntimeError(f"child {kind} failed:\n{done.stderr[-4000:]}")
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


# --- HQ ----------------------------------------------------------------------------------------------------------


class HqServer:
    """`gn-hq serve` on a free loopback port."""

    def __init__(self, data_dir: Path, env: dict[str, str], database_url: str | None) -> None:
        from bench.hq import free_port

        self.data_dir = data_dir
        self.database_url = database_url or f"sqlite:///{data_dir / 'hq.db'}"
        self.env = {**env, "GN_HQ_DATA_DIR": str(data_dir)}
        if database_url:
            self.env["GN_HQ_DATABASE_URL"] = database_url
        else:
            self.env.pop("GN_HQ_DATABASE_URL", None)
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        cmd = [sys.executable, "-m", "gn_hq.cli", "serve", "--port", str(self.port), "--no-access-log"]
        self.proc = subprocess.Popen([*cmd, "--log-level", "warning"], env=self.env, cwd=ROOT)
        wait_until_healthy(self.url, proc=self.proc)

    def stop(self) -> None:
        if self.proc is not None:
            self.proc.terminate()
            self.proc.wait(timeout=30)
            self.proc = None

    @contextlib.contextmanager
    def context(self) -> Iterator[Any]:
        from gn_hq.db.engine import make_engine
        from gn_hq.services.context import Hq

        engine = make_engine(self.database_url)
        try:
            yield Hq(engine, data_dir=self.data_dir)
        finally:
            engine.dispose()

    def device_code(self) -> str:
        from gn_hq.services import devices

        with self.context() as hq:
            return devices.issue_enrolment_code(hq, CAMPUS_CODE)


def populate(server: HqServer, people: int) -> float:
    """One source device of campus SDN pushes `people` people and 3 pathway events each. Returns seconds."""
    from bench.hq import Campus, body
    from gn_hq.services import devices

    with server.context() as hq:
        campus, secret = devices.add_campus(hq, None, CAMPUS_CODE)
    source = Campus(server.url, CAMPUS_CODE, campus.id, secret)
    total = people * 4
    changes = source.inserts(total, 0)
    start = time.perf_counter()
    sent = 0
    with httpx.Client(base_url=server.url, headers={**HEADERS, **source.auth}, timeout=600) as client:
        while sent < total:
            batch = [next(changes) for _ in range(min(PUSH_BATCH, total - sent))]
            client.post("/v1/push", content=body(batch)).raise_for_status()
            sent += len(batch)
            if sent % 100_000 < PUSH_BATCH:
                print(f"  HQ populated: {sent:,} / {total:,}", flush=True)
    return time.perf_counter() - start


def fetch_only(server: HqServer, limit: int | None) -> dict[str, Any]:
    """HQ alone: every page of a new device's initial sync fetched in sequence (gzip), not decoded."""
    from bench.hq import Campus

    device = Campus(server.url, CAMPUS_CODE, "", server.device_code())
    headers = {**HEADERS, **device.auth, "Accept-Encoding": "gzip"}
    wire = pages = 0
    start = time.perf_counter()
    head = re.compile(rb'"cursor":(\d+),"until":(\d+),"more":(true|false)')
    with httpx.Client(base_url=server.url, headers=headers, timeout=600) as client:
        cursor, until = 0, None
        while True:
            params: dict[str, Any] = {"cursor": cursor}
            if until is not None:
                params["until"] = until
            if limit:
                params["limit"] = limit
            with client.stream("GET", "/v1/pull", params=params) as response:
                response.raise_for_status()
                raw = b"".join(response.iter_raw())
            wire += len(raw)
            content = gzip.decompress(raw) if response.headers.get("content-encoding") == "gzip" else raw
            pages += 1
            found = head.search(content[:400])
            assert found is not None
            cursor, until = int(found.group(1)), int(found.group(2))
            if found.group(3) == b"false":
                break
    return {"seconds": time.perf_counter() - start, "pages": pages, "wire_mb": wire / 1e6}


# --- campus steps (each in its own process) ------------------------------------------------------------------------


def child_initial(p: dict[str, Any]) -> dict[str, Any]:
    """Enrol a new PC of campus SDN in an empty data dir and run one cycle (the initial sync)."""
    from gn_core import protocol
    from gn_desktop.store.uow import Store
    from gn_desktop.sync import apply, client, engine

    timer = Timer()
    timer.wrap(client.HqClient, "_request", "request")
    timer.wrap(client.HqClient, "pull", "pull")
    timer.wrap(protocol.PullPage, "model_validate_json", "decode")
    for owner, name, label in ((engine, "decode_page", "decode"), (apply, "prepare_records", "prepare")):
        if hasattr(owner, name):
            timer.wrap(owner, name, label)
    timer.wrap(apply, "apply_records", "apply")
    start = time.perf_counter()
    data_dir = Path(p["data_dir"])
    store = Store.open(data_dir)
    opened = time.perf_counter()
    syncer = engine.Syncer(store, data_dir)
    syncer.enrol(p["url"], p["code"], "bench")
    enrolled = time.perf_counter()
    report = syncer.cycle()
    done = time.perf_counter()
    with store.reading() as session:
        from sqlalchemy import func, select

        from gn_desktop.store import models as m

        people = session.scalar(select(func.count()).select_from(m.Person))
        events = session.scalar(select(func.count()).select_from(m.PathwayEvent))
        indexed = session.execute(
            select(func.count()).select_from(m.Person).where(m.Person.search_terms != "")
        ).scalar()
    store.dispose()
    return {
        "open_s": opened - start,
        "enrol_s": enrolled - opened,
        "cycle_s": done - enrolled,
        "total_s": done - start,
        "pulled": report.pulled,
        "people": people,
        "events": events,
        "indexed": indexed,
        "rss_mb": peak_rss_mb(),
        "phases": timer.totals,
        "calls": timer.counts,
    }


def child_naive(p: dict[str, Any]) -> dict[str, Any]:
    """The naive transfer's receiving end: fetch JSON+gzip pages of whole rows, insert with executemany."""
    from gn_desktop.store.uow import Store

    data_dir = Path(p["data_dir"])
    store = Store.open(data_dir)
    store.dispose()
    start = time.perf_counter()
    conn = cipher.connect(data_dir / "campus.db", cipher.database_key(), isolation_level=None)
    conn.execute("PRAGMA foreign_keys=OFF")
    conn.execute("PRAGMA synchronous=NORMAL")
    rows_in = 0
    wire = 0
    net = decode = insert = 0.0
    with httpx.Client(base_url=p["url"], timeout=600) as http:
        conn.execute("BEGIN IMMEDIATE")
        for table in p["tables"]:
            after = 0
            while True:
                t0 = time.perf_counter()
                r = http.get("/rows", params={"table": table, "after": after, "limit": p["page"]})
                r.raise_for_status()
                content = r.content  # gunzipped by httpx
                t1 = time.perf_counter()
                page = json.loads(content)
                t2 = time.perf_counter()
                wire += int(r.headers["content-length"])
                rows = page["rows"]
                if rows:
                    cols = page["columns"]
                    sql = f"INSERT OR REPLACE INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' for _ in cols)})"
                    conn.executemany(sql, rows)
                t3 = time.perf_counter()
                net, decode, insert = net + t1 - t0, decode + t2 - t1, insert + t3 - t2
                rows_in += len(rows)
                after = page["last"]
                if len(rows) < p["page"]:
                    break
        conn.execute("COMMIT")
    conn.close()
    return {
        "seconds": time.perf_counter() - start,
        "rows": rows_in,
        "wire_mb": wire / 1e6,
        "net_s": net,
        "decode_s": decode,
        "insert_s": insert,
        "rss_mb": peak_rss_mb(),
    }


def child_naive_server(p: dict[str, Any]) -> None:
    """The naive transfer's sending end: rows of a campus database as JSON, gzipped, over HTTP."""
    source = p["source"]

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            q = parse_qs(urlparse(self.path).query)
            table, after, limit = q["table"][0], int(q["after"][0]), int(q["limit"][0])
            db = cipher.connect(f"file:{source}?mode=ro", cipher.database_key(), uri=True)
            cur = db.execute(f"SELECT rowid, * FROM {table} WHERE rowid > ? ORDER BY rowid LIMIT ?", (after, limit))
            columns = [d[0] for d in cur.description][1:]
            rows = cur.fetchall()
            db.close()
            last = rows[-1][0] if rows else after
            page = {"columns": columns, "rows": [r[1:] for r in rows], "last": last}
            payload = gzip.compress(json.dumps(page).encode(), compresslevel=6)
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        def log_message(self, *_args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", p["port"]), Handler)
    print("ready", flush=True)
    server.serve_forever()


def child_poll(p: dict[str, Any]) -> None:
    """An online campus: cycle, look for the awaited value, pause, again. Prints when it sees it."""
    from gn_desktop.store import models as m
    from gn_desktop.store.uow import Store
    from gn_desktop.sync.engine import Syncer

    data_dir = Path(p["data_dir"])
    store = Store.open(data_dir)
    syncer = Syncer(store, data_dir)
    syncer.cycle()
    print("ready", flush=True)
    want = sys.stdin.readline().strip()  # the value to wait for, sent just before the edit
    cycles = 0
    while True:
        if p["interval"] <= 0 and not syncer.wait_for_news(25):
            continue  # long poll: HQ answers as soon as something is newer than this campus's cursor
        syncer.cycle()
        cycles += 1
        with store.reading() as session:
            person = session.get(m.Person, p["person_id"])
            seen = person is not None and person.phone == want
        if seen:
            print(json.dumps({"seen_at": time.time(), "cycles": cycles}), flush=True)
            break
        if p["interval"] > 0:
            time.sleep(p["interval"])
    store.dispose()


def child_snapshot(p: dict[str, Any]) -> dict[str, Any]:
    """A new PC of campus SDN: enrol, then the first sync, which starts from HQ's snapshot — the command line's, or
    with `p["app"]` the running app's (the file put in place on its task runner's thread, which a stream of reads
    keeps busy meanwhile, as a window would: `held_s` is how long the swap held the runner's tasks back)."""
    from gn_desktop.store.uow import Store
    from gn_desktop.sync import engine

    data_dir = Path(p["data_dir"])
    start = time.perf_counter()
    store = Store.open(data_dir)
    held: list[float] = []
    runner = None
    exclusive = None
    if p.get("app"):
        from PySide6.QtCore import QCoreApplication

        from gn_desktop.app import build_runner

        _qt = QCoreApplication.instance() or QCoreApplication([])
        runner = build_runner(store)

        def exclusive(fn: Callable[[], bool]) -> bool:
            def timed() -> bool:
                started = time.perf_counter()
                try:
                    return fn()
                finally:
                    held.append(time.perf_counter() - started)

            assert runner is not None
            return runner.exclusive(timed)

    syncer = engine.Syncer(store, data_dir, snapshot=True, exclusive=exclusive)
    syncer.enrol(p["url"], p["code"], "bench")
    enrolled = time.perf_counter()
    reads = threading.Event()
    if runner is not None:
        from gn_desktop.services import home

        def keep_busy() -> None:  # what the open window asks meanwhile (its home figures), one after another
            assert runner is not None
            while not reads.is_set():
                runner.exclusive(lambda: _home_once(store, home))

        reader = threading.Thread(target=keep_busy, daemon=True)
        reader.start()
    report = syncer.cycle()
    done = time.perf_counter()
    reads.set()
    if runner is not None:
        reader.join()
        runner.shutdown()
    store.dispose()
    return {
        "cycle_s": done - enrolled,
        "total_s": done - start,
        "snapshot": report.snapshot,
        "rss_mb": peak_rss_mb(),
        "held_s": held[0] if held else None,
    }


def _home_once(store: Any, home: Any) -> bool:
    with store.read_unit(None) as uow:
        home.home_view(uow)
    return True


def bench_snapshot(server: HqServer, replica: Path, work: Path, env: dict[str, str], runs: int) -> dict[str, Any]:
    from gn_desktop.store.uow import Store
    from gn_desktop.sync import engine
    from gn_desktop.sync import snapshot as snapshots

    store = Store.open(replica)
    try:
        engine.Syncer(store, replica).cycle()
        started = time.perf_counter()
        info = snapshots.publish(store, server.data_dir / "snapshots")
        publish_s = time.perf_counter() - started
    finally:
        store.dispose()
    source = server.data_dir / "snapshots" / f"{info.campus_id}.db"
    cycles, copies, app_cycles, helds = [], [], [], []
    for run in range(runs):
        r = child(
            "snapshot", {"data_dir": str(work / f"snap{run}"), "url": server.url, "code": server.device_code()}, env
        )
        assert r["snapshot"], "the new PC did not start from the snapshot"
        cycles.append(r["cycle_s"])
        params = {"data_dir": str(work / f"snapapp{run}"), "url": server.url, "code": server.device_code(), "app": 1}
        a = child("snapshot", params, env)
        assert a["snapshot"], "the app's first sync did not start from the snapshot"
        app_cycles.append(a["cycle_s"])
        helds.append(a["held_s"])
        target = work / f"copy{run}.db"
        started = time.perf_counter()
        shutil.copyfile(source, target)
        with target.open("rb") as f:
            os.fsync(f.fileno())
        copies.append(time.perf_counter() - started)
        print(
            f"  snapshot first sync {r['cycle_s']:.2f} s, in the app {a['cycle_s']:.2f} s (tasks held "
            f"{a['held_s'] * 1000:.0f} ms), plain copy {copies[-1]:.2f} s",
            flush=True,
        )
    return {
        "app_cycle_s": median(app_cycles),
        "held_s": median(helds),
        "cycle_s": median(cycles),
        "copy_s": median(copies),
        "mb": info.size / 1e6,
        "publish_s": publish_s,
    }


CHILDREN: dict[str, Callable[[dict[str, Any]], Any]] = {
    "snapshot": child_snapshot,
    "initial": child_initial,
    "naive": child_naive,
    "naive_server": child_naive_server,
    "poll": child_poll,
}


# --- measures ------------------------------------------------------------------------------------------------------


def edit_people(data_dir: Path, ids: list[str], tag: int) -> None:
    """Two fields of each person, through the store's unit of work (change capture as in the app)."""
    from sqlalchemy import select

    from gn_core.domain import enums as e
    from gn_desktop.store import models as m
    from gn_desktop.store.uow import Store

    store = Store.open(data_dir)
    try:
        situations = [s for s in e.Situation]
        for start in range(0, len(ids), 2000):
            chunk = ids[start : start + 2000]
            with store.unit_of_work(None) as uow:
                for i, person in enumerate(uow.session.scalars(select(m.Person).where(m.Person.id.in_(chunk)))):
                    person.phone = f"+336{tag:02d}{(start + i) % 1_000_000:06d}"
                    person.situation = situations[(tag + i) % len(situations)]
                uow.commit()
    finally:
        store.dispose()


def cycle_in_process(data_dir: Path) -> tuple[float, Any]:
    from gn_desktop.store.uow import Store
    from gn_desktop.sync.engine import Syncer

    store = Store.open(data_dir)
    try:
        syncer = Syncer(store, data_dir)
        start = time.perf_counter()
        report = syncer.cycle()
        return time.perf_counter() - start, report
    finally:
        store.dispose()


def person_ids(data_dir: Path, n: int) -> list[str]:
    conn = cipher.connect(data_dir / "campus.db", cipher.database_key())
    try:
        return [r[0] for r in conn.execute("SELECT id FROM person ORDER BY rowid LIMIT ?", (n,))]
    finally:
        conn.close()


def bench_edits(a: Path, b: Path, runs: int, count: int) -> dict[str, Any]:
    from gn_desktop.sync import client

    ids = person_ids(a, count * runs)
    pushes, pulls, totals, hq_push = [], [], [], []
    timer = Timer()
    timer.wrap(client.HqClient, "push", "push")  # the push request: HQ merging, plus the transfer
    for run in range(runs):
        chunk = ids[run * count : (run + 1) * count] if len(ids) >= (run + 1) * count else ids[:count]
        edit_people(a, chunk, run + 10)
        before = timer.totals.get("push", 0.0)
        t_a, rep_a = cycle_in_process(a)
        hq_push.append(timer.totals["push"] - before)
        t_b, rep_b = cycle_in_process(b)
        assert rep_a.pushed == len(chunk), rep_a
        assert rep_b.pulled >= len(chunk), rep_b
        pushes.append(t_a)
        pulls.append(t_b)
        totals.append(t_a + t_b)
        print(f"  {len(chunk):,} edits: A {t_a:.2f} s (push requests {hq_push[-1]:.2f} s), B {t_b:.2f} s", flush=True)
    return {
        "count": count,
        "push_s": median(pushes),
        "pull_s": median(pulls),
        "total_s": median(totals),
        "push_request_s": median(hq_push),
    }


def bench_delay(a: Path, b: Path, env: dict[str, str], runs: int, interval: float) -> dict[str, Any]:
    pid = person_ids(a, 1)[0]
    delays, cycles = [], []
    for run in range(runs):
        want = f"+3379{run:07d}"
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "bench.sync",
                "--child",
                "poll",
                "--params",
                json.dumps({"data_dir": str(b), "person_id": pid, "interval": interval}),
            ],
            env=env,
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        try:
            assert proc.stdin is not None and proc.stdout is not None
            assert proc.stdout.readline().strip() == "ready"
            proc.stdin.write(want + "\n")
            proc.stdin.flush()
            from gn_desktop.store import models as m
            from gn_desktop.store.uow import Store
            from gn_desktop.sync.engine import Syncer

            store = Store.open(a)
            try:
                with store.unit_of_work(None) as uow:
                    person = uow.session.get(m.Person, pid)
                    assert person is not None
                    person.phone = want
                    uow.commit()
                t0 = time.time()
                Syncer(store, a).cycle()
            finally:
                store.dispose()
            answer = json.loads(proc.stdout.readline())
            proc.wait(timeout=60)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
        delays.append(answer["seen_at"] - t0)
        cycles.append(answer["cycles"])
        print(f"  one edit seen after {delays[-1]:.2f} s ({answer['cycles']} polls)", flush=True)
    return {"delay_s": median(delays), "max_s": max(delays), "interval": interval, "runs": delays}


def bench_naive(source: Path, work: Path, env: dict[str, str], runs: int) -> dict[str, Any]:
    from bench.hq import free_port

    conn = cipher.connect(source, cipher.database_key())
    tables = [
        t
        for (t,) in conn.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")
        if t in _synced_tables() and conn.execute(f"SELECT 1 FROM {t} LIMIT 1").fetchone()
    ]
    conn.close()
    port = free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "bench.sync",
            "--child",
            "naive_server",
            "--params",
            json.dumps({"source": str(source), "port": port}),
        ],
        env=env,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    results = []
    try:
        assert server.stdout is not None and server.stdout.readline().strip() == "ready"
        for run in range(runs):
            target = work / f"naive{run}"
            params = {"data_dir": str(target), "url": f"http://127.0.0.1:{port}", "tables": tables, "page": 10_000}
            r = child("naive", params, env)
            results.append(r)
            print(f"  naive: {r['rows']:,} rows in {r['seconds']:.2f} s, {r['rss_mb']:.0f} MB", flush=True)
            shutil.rmtree(target, ignore_errors=True)
    finally:
        server.terminate()
        server.wait(timeout=10)
    best = sorted(results, key=lambda r: r["seconds"])[len(results) // 2]
    return {**best, "seconds": median([r["seconds"] for r in results])}


def _synced_tables() -> set[str]:
    from gn_desktop.store import models as m

    return set(m.MODEL_BY_ENTITY)


def run_initial(server: HqServer, work: Path, env: dict[str, str], name: str) -> dict[str, Any]:
    data_dir = work / name
    r = child("initial", {"data_dir": str(data_dir), "url": server.url, "code": server.device_code()}, env)
    phases = ", ".join(f"{k} {v:.1f}" for k, v in sorted(r["phases"].items()))
    print(
        f"  initial sync {name}: {r['pulled']:,} records, cycle {r['cycle_s']:.2f} s (enrol {r['enrol_s']:.2f} s), "
        f"{r['rss_mb']:.0f} MB peak; busy: {phases}",
        flush=True,
    )
    return r


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--people", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--edits", type=int, default=10_000)
    parser.add_argument(
        "--poll-interval", type=float, default=0.0, help="online campus: pause between cycles (0: long poll)"
    )
    parser.add_argument("--database-url", help="PostgreSQL database for HQ (created and dropped by the benchmark)")
    parser.add_argument("--parts", default="initial,naive,snapshot,edits,delay")
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    parser.add_argument("--write", action="store_true", help="write the Sync section of docs/benchmarks.md")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--params", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        answer = CHILDREN[args.child](json.loads(args.params))
        if answer is not None:
            print(json.dumps(answer))
        return 0

    parts = set(args.parts.split(","))
    work = Path(tempfile.mkdtemp(prefix="gn_sync_bench_"))
    env = keyring_env(work)
    use_test_keyring(work)
    results: dict[str, Any] = {"load": [load()], "people": args.people}
    pg_name = None
    database_url = None
    if args.database_url:
        import psycopg

        pg_name = f"gn_sync_bench_{uuid.uuid4().hex[:8]}"
        with psycopg.connect(args.database_url, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{pg_name}"')
        database_url = args.database_url.rsplit("/", 1)[0] + "/" + pg_name
    cached = CACHE / f"hq-{args.people}"
    hq_dir = work / "hq"
    if database_url is None and (cached / "hq.db").exists():
        shutil.copytree(cached, hq_dir)
        fresh = False
    else:
        hq_dir.mkdir()
        fresh = True
    server = HqServer(hq_dir, env, database_url)
    try:
        server.start()
        if fresh:
            print(f"populating HQ with {args.people:,} people and {3 * args.people:,} events…", flush=True)
            results["populate_s"] = populate(server, args.people)
            if database_url is None:
                server.stop()
                shutil.rmtree(cached, ignore_errors=True)
                shutil.copytree(hq_dir, cached)
                server.start()
        results["load"].append(load())
        print("HQ alone (fetch every page, no decoding)…", flush=True)
        results["fetch"] = fetch_only(server, None)
        print(f"  {results['fetch']}", flush=True)
        initial = []
        for run in range(max(args.runs, 2) if "initial" in parts else 2):
            initial.append(run_initial(server, work, env, f"campus{run}"))
        results["initial"] = initial
        results["load"].append(load())
        a, b = work / "campus0", work / "campus1"
        if "naive" in parts:
            print("naive whole-row JSON+gzip transfer…", flush=True)
            results["naive"] = bench_naive(a / "campus.db", work, env, args.runs)
            results["load"].append(load())
        if "snapshot" in parts:
            print("first sync from a snapshot…", flush=True)
            results["snapshot"] = bench_snapshot(server, a, work, env, args.runs)
            results["load"].append(load())
        if "edits" in parts:
            print(f"{args.edits:,} edited people, A pushes, B pulls…", flush=True)
            results["edits"] = bench_edits(a, b, args.runs, args.edits)
            results["load"].append(load())
        if "delay" in parts:
            how = f"polling every {args.poll_interval:g} s" if args.poll_interval > 0 else "long polling"
            print(f"one edit, B {how}…", flush=True)
            results["delay"] = bench_delay(a, b, env, max(args.runs, 5), args.poll_interval)
            results["load"].append(load())
    finally:
        server.stop()
        shutil.rmtree(work, ignore_errors=True)
        if pg_name and args.database_url:
            import psycopg

            with psycopg.connect(args.database_url, autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{pg_name}" WITH (FORCE)')
    results["hq"] = "postgresql" if database_url else "sqlite"
    results["date"] = date.today().isoformat()
    CACHE.mkdir(parents=True, exist_ok=True)
    (CACHE / f"last-{results['hq']}.json").write_text(json.dumps(results, indent=1))
    # The section shows the embedded-SQLite HQ (the default) and, below, the last run with PostgreSQL, if any
    saved = {kind: CACHE / f"last-{kind}.json" for kind in ("sqlite", "postgresql")}
    runs = {kind: json.loads(path.read_text()) for kind, path in saved.items() if path.exists()}
    runs[results["hq"]] = results
    if args.json:
        print(json.dumps(results))
        return 0
    report = render(runs.get("sqlite", results), runs.get("postgresql") if "sqlite" in runs else None)
    print(report)
    if args.write:
        from bench.report import write_section

        write_section("Sync", report)
    return 0


# --- report ---------------------------------------------------------------------------------------------------------

ANALYSIS = """What the campus does (docs/sync-protocol.md, "Pull and the initial sync"): a thread fetches and decodes
(orjson) the next page while the current one is written; each page (5,000 records during a snapshot) is one
transaction with its cursor; values are converted once to what SQLite stores and written through a temporary table
for people (one INSERT ... SELECT, so the search index's trigger indexes a page at once; row by row, FTS5 flushed
at every statement: 40 % more), with one executemany for the other tables. A snapshot writes no history entry for
the records it brings; updates and deletes keep theirs. Before this work the same initial sync took 88-112 s
(ORM-typed values, per-row FTS flushes, one history entry per record, pages of 2,000 fetched one after the other).

Where the initial sync's time goes now, CPU seconds of the campus process measured apart on a quieter moment (the
saved pages applied in one thread, no HTTP): 6.5 s in SQLite writing 400,000 rows into person (8 indexes and the
FTS5 index) and pathway_event (2 indexes) — the naive transfer's executemany into the same schema pays about the
same —, 1.3 s committing, 3.6 s converting values and computing the derived search columns of 100,000 people
(`normalize.fold`), 2 s parsing JSON: 14 s, plus 3-4 s of CPU in HQ serving the pages. On 2 cores that is 9 s at
best with nothing else running; the pull overlaps HQ, decoding and writing, but the writing thread is the critical
path (SQLite and the Python around it, slowed by the decoding thread holding the GIL), and other jobs shared the
cores. Against the naive whole-row transfer, the sync keeps field-level merge, local unsent edits on top, the
cursor in each page's transaction and a resumable snapshot for about 1.4 times its time.

10,000 edits: most of A's cycle is HQ merging the pushed changes (the push requests; HQ's push path is measured in
the HQ section); the campus side — reading the change log, acknowledging, pulling the merged state back — and B's
pull of 10,000 updated people (history entries, search index updated per page) take about 1-1.5 s each. The 1 s
target is not reachable without a faster HQ push. One edit's delay: the other PC waits on HQ with a long poll
(`GET /v1/pull?wait=25`, `Syncer.wait_for_news`), which HQ answers as soon as a write passes the PC's cursor; the
delay is then A's cycle plus B's: 0.2 s here. The app's scheduler keeps such a long poll open while online and idle
(gn_desktop/sync/scheduler.py); without it, the delay would be the 60 s between its periodic cycles."""


def render(r: dict[str, Any], postgres: dict[str, Any] | None = None) -> str:
    from bench.report import cpu_model

    cpu = cpu_model()
    initial = r["initial"]
    cycle = median([x["cycle_s"] for x in initial])
    total = median([x["enrol_s"] + x["cycle_s"] for x in initial])
    rss = max(x["rss_mb"] for x in initial)
    runs = " / ".join(f"{x['cycle_s']:.1f}" for x in initial)
    records = initial[0]["pulled"]
    phases: dict[str, list[float]] = {}
    for x in initial:
        for k, v in x["phases"].items():
            phases.setdefault(k, []).append(v)
    fetch = r["fetch"]

    def ok(value: float, target: float) -> str:
        return "met" if value <= target else "**not met**"

    hq_kind = "PostgreSQL" if r.get("hq") == "postgresql" else "SQLite, the embedded default"
    loads = ", ".join(f"{x:.1f}" for x in r["load"])
    lines = [
        "## Sync",
        "",
        f"Measured on {r.get('date', date.today().isoformat())} by `python -m bench.sync --write`: "
        f"{platform.machine()} {os.cpu_count()} cores ({cpu}), Python {platform.python_version()}, "
        f"SQLite {cipher.DBAPI.sqlite_version} (SQLCipher); "
        f"`gn-hq serve` ({hq_kind}) as a separate process on loopback HTTP, campus stores in their own data dirs, "
        f"HQ, campus and benchmark sharing the 2 cores. HQ holds {r['people']:,} people and {3 * r['people']:,} "
        f"pathway events of campus SDN (pushed by another device); each campus is a new PC of SDN. Medians of "
        f"{len(initial)} runs where repeated.",
        "",
        f"Load average (1 min) sampled between parts: {loads} (the benchmark's own HQ and campus processes count "
        "for about 1-1.5; more means other jobs shared the cores"
        + (", so the figures are pessimistic)." if max(r["load"]) > 1.6 else ")."),
        "",
        "| measure | result | target | |",
        "|---|---|---|---|",
        f"| initial sync, {records:,} records into an empty campus (one cycle; runs "
        f"{runs} s) | {cycle:.1f} s | ≤ 10 s "
        f"| {ok(cycle, 10)} |",
        f"| same, enrolment included | {total:.1f} s | ≤ 10 s | {ok(total, 10)} |",
        f"| peak RSS of the campus process during the initial sync | {rss:.0f} MB | ≤ 300 MB | {ok(rss, 300)} |",
    ]
    if "naive" in r:
        n = r["naive"]
        lines.append(
            f"| naive whole-row JSON+gzip transfer of the same rows ({n['rows']:,} rows, {n['wire_mb']:.0f} MB), "
            f"executemany | {n['seconds']:.1f} s | | ratio sync / naive: **{cycle / n['seconds']:.2f}** |"
        )
    if "snapshot" in r:
        sn = r["snapshot"]
        versus = f"; ratio / naive **{sn['cycle_s'] / r['naive']['seconds']:.2f}**" if "naive" in r else ""
        lines.append(
            f"| first sync from HQ's ready database ({sn['mb']:.0f} MB: download, digest, checks, install, pull "
            f"since) | {sn['cycle_s']:.1f} s | ≤ 5 s idle, ≤ 0.25 × naive | plain copy of the file "
            f"{sn['copy_s']:.1f} s{versus} |"
        )
        if "app_cycle_s" in sn:
            lines.append(
                f"| same, from the running app (put in place on its task runner's thread while reads keep it busy) "
                f"| {sn['app_cycle_s']:.1f} s | | the app's tasks held {sn['held_s'] * 1000:.0f} ms |"
            )
    if "edits" in r:
        e = r["edits"]
        lines.append(
            f"| {e['count']:,} edited people: A's cycle (push, pull back) + B's cycle (pull) | {e['total_s']:.2f} s "
            f"(A {e['push_s']:.2f}"
            + (f", of which push requests {e['push_request_s']:.2f}" if "push_request_s" in e else "")
            + f"; B {e['pull_s']:.2f}) | ≤ 1 s | {ok(e['total_s'], 1)} |"
        )
    if "delay" in r:
        d = r["delay"]
        how = (
            f"polling every {d['interval']:g} s"
            if d["interval"] > 0
            else "waiting on HQ (`Syncer.wait_for_news`, long poll)"
        )
        lines.append(
            f"| one edit visible at another online PC {how}, from the edit's commit to the other PC's store "
            f"(max {d['max_s']:.1f} s) | {d['delay_s']:.1f} s | ≤ 5 s | {ok(d['delay_s'], 5)} |"
        )
    lines += [
        "",
        "Initial sync, where the time goes (busy seconds, medians; phases overlap when pipelined): "
        + ", ".join(f"{k} {median(v):.1f}" for k, v in sorted(phases.items()))
        + f". HQ alone serving the same pages one after another (fetched, not decoded): {fetch['seconds']:.1f} s "
        f"for {fetch['pages']} pages, {fetch['wire_mb']:.0f} MB on the wire.",
    ]
    if "naive" in r:
        n = r["naive"]
        lines.append(
            f"Naive transfer: network and server {n['net_s']:.1f} s, decoding {n['decode_s']:.1f} s, executemany "
            f"{n['insert_s']:.1f} s, {n['rss_mb']:.0f} MB peak."
        )
    if postgres is not None:
        lines += ["", _render_postgres(postgres)]
    if ANALYSIS:
        lines += ["", ANALYSIS]
    lines += ["", JSON_KEYS]
    return "\n".join(lines)


JSON_KEYS = (
    "`python -m bench.sync --json` prints the figures as one JSON object: `load` (list), `people`, `populate_s`, "
    "`fetch` (`seconds`, `pages`, `wire_mb`), `initial` (one object per run: `cycle_s`, `total_s`, `pulled`, "
    "`rss_mb`, `phases`…), `naive`, `snapshot`, `edits` (`count`, `push_s`, `pull_s`, `total_s`, `push_request_s`), "
    "`delay`, `hq` (the database kind) and `date`; seconds unless the key says otherwise."
)


def _render_postgres(r: dict[str, Any]) -> str:
    """The same workloads with HQ on PostgreSQL (`--database-url`), in one paragraph."""
    cycle = median([x["cycle_s"] for x in r["initial"]])
    rss = max(x["rss_mb"] for x in r["initial"])
    parts = [f"initial sync {cycle:.1f} s ({rss:.0f} MB peak)"]
    if "naive" in r:
        parts.append(f"naive transfer {r['naive']['seconds']:.1f} s (ratio {cycle / r['naive']['seconds']:.2f})")
    if "edits" in r:
        e = r["edits"]
        parts.append(f"10,000 edits {e['total_s']:.2f} s (A {e['push_s']:.2f}, B {e['pull_s']:.2f})")
    if "delay" in r:
        how = "long poll" if r["delay"]["interval"] <= 0 else f"polling every {r['delay']['interval']:g} s"
        parts.append(f"one edit's delay {r['delay']['delay_s']:.1f} s ({how})")
    loads = ", ".join(f"{x:.1f}" for x in r["load"])
    return (
        f"Same benchmark with HQ on PostgreSQL (`--database-url`, a database created and dropped by the run), "
        f"measured {r.get('date', '')} with load averages {loads}"
        + (f" ({r['note']})" if r.get("note") else "")
        + ": "
        + "; ".join(parts)
        + "."
    )


if __name__ == "__main__":
    raise SystemExit(main())
