"""Prometheus metrics at `GET /metrics`: request rates and latencies by route, push and pull volumes by campus, and,
read from the database at each scrape, how long ago each campus was last heard from and HQ's feed position.

With several worker processes (`gn-hq serve --workers N`), `gn-hq serve` points `PROMETHEUS_MULTIPROC_DIR` at a
fresh directory before the workers start; each worker then writes its samples there and any of them answers a scrape
with the sum. Labels hold route templates, campus ids and codes — never a person's data.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime

from prometheus_client import REGISTRY, CollectorRegistry, Counter, Histogram, generate_latest, multiprocess
from prometheus_client.core import GaugeMetricFamily, Metric
from prometheus_client.registry import Collector

from gn_hq.services import devices, pull
from gn_hq.services.context import Hq

MULTIPROCESS_ENV = "PROMETHEUS_MULTIPROC_DIR"

REQUESTS = Counter("gn_hq_http_requests", "HTTP requests answered", ["method", "route", "status"])
LATENCY = Histogram(
    "gn_hq_http_request_duration_seconds",
    "Time to answer a request (a long poll counts its wait)",
    ["route"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0),
)
PUSHED = Counter(
    "gn_hq_pushed_changes",
    "Changes received in pushes, by campus and outcome: applied (merged, conflicts included), rejected, duplicate",
    ["campus_id", "outcome"],
)
CONFLICTS = Counter("gn_hq_conflicts", "Conflicts raised by pushed changes, by campus", ["campus_id"])
PULLED_PAGES = Counter("gn_hq_pull_pages", "Pull pages served, by campus", ["campus_id"])
PULLED_BYTES = Counter("gn_hq_pull_bytes", "Bytes of pull pages served (before gzip), by campus", ["campus_id"])


def count_push(campus_id: str, *, applied: int, rejected: int, conflicts: int, duplicates: int) -> None:
    for outcome, n in (("applied", applied), ("rejected", rejected), ("duplicate", duplicates)):
        if n:
            PUSHED.labels(campus_id, outcome).inc(n)
    if conflicts:
        CONFLICTS.labels(campus_id).inc(conflicts)


def count_pull(campus_id: str, page_bytes: int) -> None:
    PULLED_PAGES.labels(campus_id).inc()
    PULLED_BYTES.labels(campus_id).inc(page_bytes)


class _ThisProcess(Collector):
    """The default registry (this process's counters, its CPU and memory) when there is one worker."""

    def collect(self) -> Iterable[Metric]:
        return REGISTRY.collect()


class _FromDatabase(Collector):
    """What HQ's database says at scrape time: the feed's last sequence, and per campus its live devices and the
    seconds since any of them was last heard from (the sync lag an operator alerts on)."""

    def __init__(self, hq: Hq) -> None:
        self.hq = hq

    def collect(self) -> Iterator[Metric]:
        last_seq = GaugeMetricFamily("gn_hq_feed_last_seq", "HQ's last sequence number (the feed's head)")
        last_seq.add_metric([], pull.last_seq(self.hq))
        yield last_seq
        live = GaugeMetricFamily("gn_hq_campus_devices", "Enrolled, non-revoked devices", labels=["campus", "role"])
        silent = GaugeMetricFamily(
            "gn_hq_campus_last_contact_age_seconds",
            "Seconds since a live device of the campus last reached HQ",
            labels=["campus"],
        )
        counts: dict[tuple[str, str], int] = {}
        latest: dict[str, datetime] = {}
        for device in devices.list_devices(self.hq):
            if device.revoked_at is not None:
                continue
            campus = device.campus_code or device.campus_id
            counts[campus, device.role] = counts.get((campus, device.role), 0) + 1
            seen = device.last_seen_at
            if seen is not None and (campus not in latest or seen > latest[campus]):
                latest[campus] = seen
        for (campus, role), n in sorted(counts.items()):
            live.add_metric([campus, role], n)
        now = datetime.now(UTC)
        for campus, seen in sorted(latest.items()):
            silent.add_metric([campus], max(0.0, (now - _aware(seen)).total_seconds()))
        yield live
        yield silent


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def exposition(hq: Hq) -> bytes:
    """The metrics in Prometheus's text format."""
    registry = CollectorRegistry()
    if os.environ.get(MULTIPROCESS_ENV):
        multiprocess.MultiProcessCollector(registry)  # type: ignore[no-untyped-call]
    else:
        registry.register(_ThisProcess())
    registry.register(_FromDatabase(hq))
    return generate_latest(registry)
