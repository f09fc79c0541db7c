"""Duplicate detection at HQ at 500,000 people: what it adds to a push of new people.

HQ's `person_match` is filled with the comparison keys of N people of other campuses (French names from Faker's
lists, one in ten written in Arabic script; birth dates over 50 years; a phone and an e-mail for most), as the
detection keeps them. One campus then pushes batches of new people, in-process (`push.push`, no HTTP), one in ten
being someone already there typed differently (a typo, first and last name swapped, or the name in Latin letters).
The push itself does no detection: HQ's detector reads the people it wrote from the feed after the commit and
compares them (`duplicates.catch_up`). Each batch is pushed twice over the same state, alternating: once followed
by the detector's catch-up, timed with the push ("with"), and once alone ("without"; the detector then catches up
untimed, so both start from the same state); the report gives medians, their ratio and how many planted duplicates
were proposed.

Usage: python -m bench.duplicates [--people 500000] [--batch 1000] [--runs 5] [--database-url URL] [--write]
(default: an SQLite file in a temporary directory; `--database-url postgresql+psycopg://…/db` for PostgreSQL, an
empty database). `--write` replaces the "Duplicate detection" section of docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
import uuid
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from faker.providers.person.ar_AA import Provider as ArabicNames
from faker.providers.person.fr_FR import Provider as FrenchNames
from sqlalchemy import delete, func, insert, select

from bench.report import load_average, machine, write_section
from gn_core.domain.likeness import MatchKeys
from gn_core.protocol import PROTOCOL_VERSION, Change
from gn_hq.db.engine import make_engine
from gn_hq.db.migrate import upgrade_to_head
from gn_hq.db.models import duplicate_pair_table as pair_t
from gn_hq.db.models import person_match_pending_table as pending_t
from gn_hq.db.models import person_match_table as match_t
from gn_hq.db.models import record_table as record_t
from gn_hq.services import devices, duplicates, push
from gn_hq.services.context import Hq

FR_FIRST, FR_LAST = list(FrenchNames.first_names), list(FrenchNames.last_names)
AR_FIRST, AR_LAST = list(ArabicNames.first_names), list(ArabicNames.last_names)
DAY0 = date(1960, 1, 1)


def identity(rng: random.Random, i: int) -> dict[str, Any]:
    arabic = rng.random() < 0.1
    first = rng.choice(AR_FIRST if arabic else FR_FIRST)
    last = rng.choice(AR_LAST if arabic else FR_LAST)
    return {
        "first_name": first,
        "last_name": last,
        "birth_date": (DAY0 + timedelta(days=rng.randrange(50 * 365))).isoformat(),
        "phone": f"+336{i:08d}" if rng.random() < 0.8 else None,
        "email": f"p{i}@example.org" if rng.random() < 0.6 else None,
    }


def typed_again(rng: random.Random, person: dict[str, Any]) -> dict[str, Any]:
    """The same person enrolled again elsewhere: a typo, names swapped, or no contact given."""
    again = dict(person)
    kind = rng.randrange(3)
    if kind == 0:
        name = again["last_name"]
        at = rng.randrange(len(name))
        again["last_name"] = name[:at] + name[at + 1 :] if len(name) > 4 else name + "e"
    elif kind == 1:
        again["first_name"], again["last_name"] = again["last_name"], again["first_name"]
    again["phone"] = again["phone"] if rng.random() < 0.5 else None
    again["email"] = None
    return again


def fill(hq: Hq, people: list[dict[str, Any]], campus_ids: list[str]) -> None:
    """The keys of people of other campuses, as detection keeps them (written directly: pushing 500,000 people
    first would measure the push, not detection; the detector's feed holds none of them)."""
    with hq.write() as tx:
        rows = []
        for i, values in enumerate(people):
            keys = MatchKeys.of(values)
            rows.append(
                {
                    "person_id": f"00000000-0000-4000-8000-{i:012d}",
                    "campus_id": campus_ids[i % len(campus_ids)],
                    "name_key": keys.name,
                    "birth_date": keys.birth_date,
                    "phone": keys.phone,
                    "email": keys.email,
                }
            )
            if len(rows) == 20_000:
                tx.conn.execute(insert(match_t), rows)
                rows = []
        if rows:
            tx.conn.execute(insert(match_t), rows)
    if hq.postgres:
        with hq.engine.connect() as conn:
            conn.exec_driver_sql("ANALYZE person_match")
            conn.commit()


def batch_changes(
    device: devices.AuthDevice, campus_id: str, batch: list[dict[str, Any]], seq: int
) -> tuple[list[Change], int]:
    changes = []
    for values in batch:
        seq += 1
        fields = {
            **values,
            "gender": None,
            "campus_id": campus_id,
            "enrolled_on": "2026-12-01",
            "pathway_step": "welcome",
            "pathway_since": "2026-12-01",
            "benefits": [],
            "barriers": [],
            "job_families": [],
        }
        changes.append(
            Change(
                device_seq=seq,
                device_id=device.id,
                campus_id=campus_id,
                user_id=None,
                entity="person",
                record_id=str(uuid.uuid4()),
                op="insert",
                fields={k: {"old": None, "new": v} for k, v in fields.items()},
                base_version=0,
                hlc=f"{int(time.time() * 1000):013d}-{seq % 100_000:05d}-bench",
                erasure=False,
            )
        )
    return changes, seq


def forget_batch(hq: Hq, ids: list[str]) -> None:
    """Put HQ back as it was before a batch (so both variants push over the same state)."""
    with hq.write() as tx:
        tx.conn.execute(delete(record_t).where(record_t.c.record_id.in_(ids)))
        tx.conn.execute(delete(match_t).where(match_t.c.person_id.in_(ids)))
        tx.conn.execute(delete(pending_t).where(pending_t.c.person_id.in_(ids)))
        tx.conn.execute(delete(pair_t).where(pair_t.c.person_a.in_(ids) | pair_t.c.person_b.in_(ids)))


def run(args: argparse.Namespace, url: str) -> dict[str, Any]:
    engine = make_engine(url)
    upgrade_to_head(engine)
    hq = Hq(engine)
    rng = random.Random(18)
    campuses = [devices.add_campus(hq, None, code) for code in ("SDN", "AUB", "BOB", "MTR")]
    campus_ids = [c.id for c, _secret in campuses]
    started = time.perf_counter()
    people = [identity(rng, i) for i in range(args.people)]
    fill(hq, people, campus_ids[1:])
    print(f"{args.people:,} people's keys in {time.perf_counter() - started:.0f} s", flush=True)
    secret = devices.issue_enrolment_code(hq, "SDN")
    enrolled = devices.enrol(hq, secret, str(uuid.uuid4()), "bench", PROTOCOL_VERSION)
    device = devices.AuthDevice(enrolled.device_id, campus_ids[0], 0)
    seq = 0
    times: dict[str, list[float]] = {"with": [], "without": [], "with_push": []}
    planted = found = 0
    for run_no in range(args.runs):
        batch, twins = [], []
        for i in range(args.batch):
            if i % 10 == 0:
                twins.append(rng.randrange(args.people))
                batch.append(typed_again(rng, people[twins[-1]]))
            else:
                batch.append(identity(rng, args.people + run_no * args.batch + i))
        order = ("with", "without") if run_no % 2 == 0 else ("without", "with")
        for variant in order:
            changes, seq = batch_changes(device, campus_ids[0], batch, seq)
            start = time.perf_counter()
            push.push(hq, device, changes, PROTOCOL_VERSION)
            pushed = time.perf_counter() - start
            if variant == "with":
                duplicates.catch_up(hq)  # what HQ's detector does right after the commit
                times["with_push"].append(pushed)
            times[variant].append(time.perf_counter() - start)
            ids = [c.record_id for c in changes]
            if variant == "with":
                with hq.read() as conn:
                    wanted = {
                        (min(ids[i * 10], other), max(ids[i * 10], other))
                        for i, n in enumerate(twins)
                        if (other := f"00000000-0000-4000-8000-{n:012d}")
                    }
                    got = {(r.person_a, r.person_b) for r in conn.execute(select(pair_t))}
                planted += len(wanted)
                found += len(wanted & got)
            forget_batch(hq, ids)
            duplicates.catch_up(hq)  # untimed: the detector's cursor passes the batch taken back
        print(f"run {run_no + 1}: " + ", ".join(f"{k} {v[-1] * 1000:.0f} ms" for k, v in times.items()), flush=True)
    edits, seq = _edits(hq, device, campus_ids[0], rng, args, seq)
    with hq.read() as conn:
        counted = conn.execute(select(func.count()).select_from(match_t)).scalar_one()
    hq.dispose()
    engine.dispose()
    return {
        "database": "PostgreSQL" if url.startswith("postgresql") else "SQLite",
        "people": counted,
        "with": statistics.median(times["with"]),
        "with_push": statistics.median(times["with_push"]),
        "without": statistics.median(times["without"]),
        "planted": planted,
        "found": found,
        **edits,
    }


def _edits(
    hq: Hq, device: devices.AuthDevice, campus_id: str, rng: random.Random, args: argparse.Namespace, seq: int
) -> tuple[dict[str, float], int]:
    """The steady state: a batch of edits of people HQ holds that leave their identity alone (a pathway step), the
    push followed by the detector's catch-up (which reads each person again and finds nothing to compare) and the
    push alone (medians of `args.runs`)."""
    batch = [identity(rng, 10_000_000 + i) for i in range(args.batch)]
    changes, seq = batch_changes(device, campus_id, batch, seq)
    push.push(hq, device, changes, PROTOCOL_VERSION)
    duplicates.catch_up(hq)
    ids = [c.record_id for c in changes]
    times: dict[str, list[float]] = {"edit_with": [], "edit_without": []}
    for run_no in range(args.runs):
        old, new = "welcome", "assessment"
        for variant in ("edit_with", "edit_without") if run_no % 2 == 0 else ("edit_without", "edit_with"):
            edited = []
            for record_id in ids:
                seq += 1
                edited.append(
                    Change(
                        device_seq=seq,
                        device_id=device.id,
                        campus_id=campus_id,
                        user_id=None,
                        entity="person",
                        record_id=record_id,
                        op="update",
                        fields={"pathway_step": {"old": old, "new": new}},
                        base_version=0,
                        hlc=f"{int(time.time() * 1000):013d}-{seq % 100_000:05d}-bench",
                        erasure=False,
                    )
                )
            old, new = new, old  # the second variant puts the step back, so both start from the same state
            start = time.perf_counter()
            push.push(hq, device, edited, PROTOCOL_VERSION)
            if variant == "edit_with":
                duplicates.catch_up(hq)
            times[variant].append(time.perf_counter() - start)
            if variant == "edit_without":
                duplicates.catch_up(hq)  # untimed: both variants start with the detector caught up
    return {k: statistics.median(v) for k, v in times.items()}, seq


def section(results: list[dict[str, Any]], args: argparse.Namespace) -> str:
    lines = [
        "## Duplicate detection",
        "",
        f"Measured on {date.today().isoformat()}, {machine()}, load average {load_average()} at the end. Command: "
        f"`python -m bench.duplicates --people {args.people} --batch {args.batch} --runs {args.runs} --write` "
        "(and `--database-url` for PostgreSQL 15, default settings, same machine).",
        "",
        f"A campus pushes {args.batch} new people in one batch (in-process `push.push`, no HTTP) while HQ holds the "
        f"comparison keys of {args.people:,} people of other campuses; one new person in ten is someone already "
        "there typed differently (a letter dropped, first and last name swapped, contact details missing). The "
        "push itself does no detection: HQ's detector process reads the people it wrote from the feed after the "
        "commit (their comparison keys into `person_match`, those whose keys changed queued), then compares them "
        "(`duplicates.catch_up`). The same batch is pushed twice over the same state: alone, and followed by that "
        "catch-up, timed with it (the push itself in brackets); per new person, what the detector adds. "
        f"Medians of {args.runs} runs.",
        "",
        "| database | people compared with | push without detection | push with detection (of which the push "
        "itself) | ratio | per new person | planted duplicates proposed |",
        "|---|---|---|---|---|---|---|",
    ]
    for r in results:
        extra = (r["with"] - r["without"]) / args.batch * 1e6
        lines.append(
            f"| {r['database']} | {r['people']:,} | {r['without'] * 1000:,.0f} ms | {r['with'] * 1000:,.0f} ms "
            f"({r['with_push'] * 1000:,.0f} ms) | {r['with'] / r['without']:.2f} | +{extra:,.0f} µs | "
            f"{r['found']} / {r['planted']} |"
        )
    lines += [
        "",
        f"The steady state — {args.batch} edits of people HQ holds that leave their identity alone (a pathway step); "
        "with detection, the push is followed by the detector's catch-up (it reads each person again from the feed "
        "and finds nothing to compare):",
        "",
        "| database | push without detection | push with detection | ratio |",
        "|---|---|---|---|",
    ]
    for r in results:
        lines.append(
            f"| {r['database']} | {r['edit_without'] * 1000:,.0f} ms | {r['edit_with'] * 1000:,.0f} ms | "
            f"{r['edit_with'] / r['edit_without']:.2f} |"
        )
    lines += [
        "",
        "Blocking keeps the work per new person small whatever the number of people: each is scored (rapidfuzz) "
        "only against those sharing its folded name key, birth date, phone or e-mail, found through the four "
        "indexes of `person_match` (a few dozen people, most of them born the same day). A duplicate whose name "
        "has a typo AND whose birth date differs or is missing AND who shares no phone or e-mail is not found: "
        "no key brings the two together.",
    ]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--people", type=int, default=500_000)
    parser.add_argument("--batch", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--database-url", action="append", help="PostgreSQL database(s) to measure besides SQLite")
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args(argv)
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        results.append(run(args, f"sqlite:///{Path(tmp) / 'hq.db'}"))
    for url in args.database_url or []:
        results.append(run(args, url))
    text = section(results, args)
    print(text)
    if args.write:
        write_section("Duplicate detection", text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
