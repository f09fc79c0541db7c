"""One sync cycle (no Qt): pending erasures and decisions, push the change log, pull and apply pages.

Safe to kill at any instant: a change-log entry is deleted only after HQ acknowledged it (a re-sent batch is
recognised by HQ as duplicates), and each pulled page is committed together with its cursor.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import hashlib
import logging
import queue
import socket
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ParamSpec, TypeVar

import orjson
from sqlalchemy import delete, func, insert, select, update

from gn_core.domain import erasure as erasure_rules
from gn_core.hlc import MAX_DRIFT_MS
from gn_core.ids import new_id
from gn_core.protocol import (
    MAX_PUSH_CHANGES,
    DuplicatesResponse,
    LookupRequest,
    LookupResponse,
    MoveRequestsResponse,
    MoveRequestView,
    PushResponse,
)
from gn_core.sync_rules import ENTITIES, DeviceRole
from gn_desktop import __version__
from gn_desktop.store import models as m
from gn_desktop.store.replica import (
    Outgoing,
    acknowledge_sent,
    compact_file,
    last_assigned_seq,
    move_audit_events,
    outgoing_changes,
    purge_sent_front_desk,
    read_state,
    replace_checkin_index,
    requeue_current_state,
    sync_transaction,
    write_state,
)
from gn_desktop.store.types import utcnow
from gn_desktop.store.uow import Store
from gn_desktop.sync import apply, credentials
from gn_desktop.sync import snapshot as snapshots
from gn_desktop.sync.client import HqClient, Page, decode_page
from gn_desktop.sync.errors import (
    KIOSK_WITH_FILES,
    NOT_ENROLLED,
    REENROL,
    KioskWithFiles,
    NeedsReenrol,
    NotEnrolled,
    Offline,
    SyncError,
    clock_message,
)

#: (phase, done, total): phase "push", "pull" or "snapshot" (bytes of HQ's ready database); total 0 when unknown
Progress = Callable[[str, int, int], None]

#: runs a function where no unit of work of the store is open, and returns what it returned (see `Syncer`)
Exclusive = Callable[[Callable[[], bool]], bool]


log = logging.getLogger(__name__)

#: the local setting holding a digest of the set-aside list last reported to HQ
SET_ASIDE_REPORTED = "sync.set_aside_reported"


@dataclass(slots=True)
class SyncReport:
    pushed: int = 0
    pulled: int = 0
    conflicts: int = 0
    duplicates: int = 0
    rejected: int = 0
    erased: int = 0
    errors: list[str] = field(default_factory=list)
    #: set when this PC's clock is more than MAX_DRIFT_MS away from HQ's (the sync still runs: HQ clamps stamps)
    clock_warning: str | None = None
    #: records received from HQ this PC could not store (kept aside, shown on the Synchronisation page)
    set_aside: int = 0
    #: this cycle started the PC from HQ's ready database of its campus (sync/snapshot.py)
    snapshot: bool = False
    #: shares decided here and sent to HQ (services/transfers.py)
    shared: int = 0
    #: other campuses' requests for a file this campus follows, waiting for its answer (None: HQ did not say)
    requests_waiting: int | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "pushed": self.pushed,
            "pulled": self.pulled,
            "conflicts": self.conflicts,
            "duplicates": self.duplicates,
            "rejected": self.rejected,
            "erased": self.erased,
            "errors": list(self.errors),
            "clock_warning": self.clock_warning,
            "set_aside": self.set_aside,
            "snapshot": self.snapshot,
            "shared": self.shared,
            "requests_waiting": self.requests_waiting,
        }


_P = ParamSpec("_P")
_R = TypeVar("_R")


def paused_gc(fn: Callable[_P, _R]) -> Callable[_P, _R]:
    """`fn` runs with CPython's cyclic garbage collector paused, then put back as it was.

    A push or a pull allocates hundreds of thousands of containers — decoded pages, rows, changes — that reference
    counting frees as soon as their page or batch is written. While they live, the collector, triggered every 700
    allocations, scans them again and again, and twice per 10,000 records the whole process's objects: about a fifth
    of the campus's time for 10,000 records. Paused, nothing is lost: those objects are freed as before, and the few
    reference cycles made meanwhile (by any thread: the pause is process-wide) wait for the next collection."""

    @functools.wraps(fn)
    def paused(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        was_enabled = gc.isenabled()
        gc.disable()
        try:
            return fn(*args, **kwargs)
        finally:
            if was_enabled:
                gc.enable()

    return paused


def collect_young() -> None:
    """While the collector is paused (`paused_gc`), what the HTTP client leaves in reference cycles is freed once per
    page or batch: each httpx response holds itself through its stream, with the bytes of the request and the answer
    (a page of 5,000 records is megabytes; an initial sync's would pile up until the end of the pull). Collecting the
    youngest generation only goes through what was allocated since the last time: a millisecond or two."""
    if not gc.isenabled():
        gc.collect(0)


class Syncer:
    def __init__(
        self,
        store: Store,
        data_dir: Path,
        *,
        client_factory: Callable[[str, str | None], HqClient] | None = None,
        progress: Progress | None = None,
        batch_size: int = MAX_PUSH_CHANGES,
        page_limit: int | None = None,
        snapshot: bool = False,
        exclusive: Exclusive | None = None,
    ) -> None:
        """`snapshot`: a new PC may start from HQ's ready database of its campus (sync/snapshot.py): downloaded,
        installed and caught up aside, it then replaces `store`'s file through `exclusive`, which runs what it is
        given where no unit of work of `store` is open and returns its result (the app: on the task runner's thread
        between two tasks, `TaskRunner.exclusive`; by default, here: the command line, alone with its store)."""
        self.store = store
        self.data_dir = data_dir
        self._client_factory = client_factory or (lambda url, token: HqClient(url, token))
        self._progress = progress or (lambda _p, _d, _t: None)
        self.batch_size = min(batch_size, MAX_PUSH_CHANGES)
        self.page_limit = page_limit
        self.snapshot = snapshot
        self._exclusive: Exclusive = exclusive or (lambda fn: fn())
        #: (entity, id) of the records this cycle pushed and HQ acknowledged (a hint for preparing the pull-back)
        self._pushed: set[tuple[str, str]] = set()

    # -- state --------------------------------------------------------------------------------------------

    def state(self) -> dict[str, Any]:
        with sync_transaction(self.store.engine) as conn:
            return read_state(conn)

    def _set_state(self, **values: Any) -> None:
        with sync_transaction(self.store.engine) as conn:
            write_state(conn, **values)

    # -- enrolment ----------------------------------------------------------------------------------------

    def enrol(
        self, server_url: str, code: str, device_name: str | None = None, *, role: DeviceRole | None = None
    ) -> dict[str, str]:
        """Enrol this installation with a one-time code. `role`: what it means to be (HQ refuses a code for another
        kind of device without spending it); a kiosk is refused here when this store holds anyone's file."""
        server_url = server_url.rstrip("/")
        if role is DeviceRole.KIOSK:
            with self.store.reading() as session:
                if session.scalar(select(m.Person.id).limit(1)) is not None:
                    raise KioskWithFiles(KIOSK_WITH_FILES)
        credentials.save_check()
        state = self.state()
        if state["server_url"] or state["needs_reenrol"]:
            self._new_device_identity()
        device_id = self.store.device_id
        with self._client_factory(server_url, None) as client:
            answer = client.enrol(
                code.strip(), device_id, device_name or socket.gethostname(), role.value if role else None
            )
        install_id = new_id()
        credentials.save(self.data_dir, server_url, credentials.Credentials(answer.token, device_id, install_id))
        self._set_state(
            server_url=server_url,
            install_id=install_id,
            campus_code=answer.campus_code,
            campus_name=answer.campus_name,
            epoch=answer.epoch,
            needs_reenrol=False,
            last_error=None,
        )
        if self.store.campus_id != answer.campus_id:
            self.store.set_campus(answer.campus_id)
        self.store.set_role(DeviceRole(answer.role), answer.ticket_prefix)
        self._know_own_campus(answer.campus_id, answer.campus_code, answer.campus_name, answer.campus_commune_insee)
        return {
            "campus_id": answer.campus_id,
            "campus_code": answer.campus_code,
            "campus_name": answer.campus_name,
            "role": answer.role,
        }

    def _know_own_campus(self, campus_id: str, code: str, name: str, commune_insee: str | None) -> None:
        """Store this PC's campus as HQ described it at enrolment, unless known: until the first pull brings HQ's
        record (same id, which then replaces this one), people enrolled or imported here need their campus to exist.
        Written as reference data (never queued: a campus PC does not write campuses at HQ)."""
        with self.store.unit_of_work(None) as uow:
            session = uow.session
            known = session.scalar(
                select(func.count()).select_from(m.Campus).where((m.Campus.id == campus_id) | (m.Campus.code == code))
            )
            if known:
                return
            with uow.as_reference():
                session.add(m.Campus(id=campus_id, code=code, name=name, commune_insee=commune_insee or ""))
            uow.commit()

    def _new_device_identity(self) -> None:
        with sync_transaction(self.store.engine) as conn:
            device_id = new_id()
            conn.execute(update(m.DeviceState).where(m.DeviceState.id == 1).values(device_id=device_id))
            move_audit_events(conn, device_id)
            # this device's sequence at HQ starts over: acknowledged records will be re-sent only if HQ lost them
            conn.execute(delete(m.SyncSent))
            write_state(conn, last_acked_seq=0)
        self.store.forget_identity()

    # -- counts for the indicator -------------------------------------------------------------------------

    def pending_count(self) -> int:
        with self.store.reading() as session:
            changes = session.scalar(
                select(func.count()).select_from(m.ChangeLog).where(m.ChangeLog.entity.in_(ENTITIES))
            )
            erasures = session.scalar(select(func.count()).select_from(m.PendingErasure))
            shares = session.scalar(select(func.count()).select_from(m.PendingShare))
            decisions = session.scalar(
                select(func.count()).select_from(m.SyncConflict).where(m.SyncConflict.pending_choice.is_not(None))
            )
        return int(changes or 0) + int(erasures or 0) + int(shares or 0) + int(decisions or 0)

    # -- the cycle ----------------------------------------------------------------------------------------

    def cycle(self) -> SyncReport:
        report = SyncReport()
        self._pushed = set()
        state = self.state()
        if not state["server_url"]:
            raise NotEnrolled(NOT_ENROLLED)
        if state["needs_reenrol"]:
            raise NeedsReenrol(REENROL)
        creds = credentials.load(self.data_dir, state["server_url"])
        if creds is None:
            raise NotEnrolled(NOT_ENROLLED)
        try:
            if creds.device_id != self.store.device_id or creds.install_id != state["install_id"]:
                self._set_state(needs_reenrol=True)
                raise NeedsReenrol(REENROL)
            self._set_state(last_attempt_at=utcnow())
            with self._client_factory(state["server_url"], creds.token) as client:
                report.clock_warning = self._check_hq(client, state)
                self._send_decisions(client, report)
                self._push(client, report)
                self._send_shares(client, report)
                self._first_sync(client, report)
                self._pull(client, report)
                self._report_set_aside(client, report)
                if self.store.role is DeviceRole.KIOSK:
                    self._kiosk_index(client)
                else:
                    self._count_requests(client, report)
            # a wrong clock does not stop the sync (HQ clamps stamps to its own time) but stays visible
            self._set_state(last_success_at=utcnow(), last_error=report.clock_warning)
        except SyncError as exc:
            self._set_state(last_error=exc.message)
            raise
        return report

    def _client(self) -> HqClient:
        """A client of its own for a call asked on demand (not a cycle); NotEnrolled when this PC has no link with HQ.

        These calls may run beside a cycle (`SyncScheduler.run_job(beside_cycle=True)`): HQ's address is read in a
        read transaction of their own, which never waits for the cycle's write transactions (WAL), and the client
        (an httpx connection pool) is theirs alone, closed when the call ends."""
        with self.store.reading() as session:
            server_url = session.scalar(select(m.SyncState.server_url).where(m.SyncState.id == 1))
        if not server_url:
            raise NotEnrolled(NOT_ENROLLED)
        creds = credentials.load(self.data_dir, server_url)
        if creds is None:
            raise NotEnrolled(NOT_ENROLLED)
        return self._client_factory(server_url, creds.token)

    def duplicates(self) -> DuplicatesResponse:
        """The likely duplicates HQ found that concern this campus (asked on demand: they are not synced records).
        Raises the cycle's errors (Offline, NotEnrolled…)."""
        with self._client() as client:
            return client.duplicates()

    # -- the person followed at another campus (HQ's lookup and the move requests) ------------------------------

    def lookup(self, typed: LookupRequest) -> LookupResponse:
        """Whether the person typed at intake is followed at another campus (only the campus, a strength and a match
        token come back). Fails fast: no retry, a short timeout."""
        with self._client() as client:
            return client.quick().lookup(typed)

    def request_move(self, token: str, kind: str, consent: bool, user_id: str | None) -> MoveRequestView:
        """Ask the campus following the person of a lookup's match to share or transfer their file."""
        with self._client() as client:
            return client.request_move(token, kind, consent, user_id)

    def move_requests(self) -> MoveRequestsResponse:
        """The requests waiting for this campus's answer, and this campus's own with their outcome."""
        with self._client() as client:
            return client.move_requests()

    def decide_move(self, request_id: str, accept: bool, user_id: str | None) -> MoveRequestView:
        """Accept (the asking campus receives the file with its next pull) or decline a request."""
        with self._client() as client:
            return client.decide_move(request_id, accept, user_id)

    def wait_for_news(self, timeout_s: float = 25.0) -> bool:
        """Block until HQ holds something new for this campus, or `timeout_s` (at most 30) has passed: True when a
        cycle would pull something. A long poll (one request held by HQ): an online campus that loops on it, running
        a cycle when it answers True, sees another campus's edit about a second after it reached HQ, for one idle
        request every `timeout_s`. Raises the cycle's errors (Offline when HQ cannot be reached, NotEnrolled…); an
        HQ older than the long poll answers at once, so the caller must not loop on it without a pause."""
        state = self.state()
        if not state["server_url"]:
            raise NotEnrolled(NOT_ENROLLED)
        creds = credentials.load(self.data_dir, state["server_url"])
        if creds is None:
            raise NotEnrolled(NOT_ENROLLED)
        with self._client_factory(state["server_url"], creds.token) as client:
            page = decode_page(client.pull_raw(state["cursor"], None, 1, wait=min(timeout_s, 30.0)))
        return bool(page.records or page.conflicts or page.more)

    def _check_hq(self, client: HqClient, state: dict[str, Any]) -> str | None:
        """Refuse a copied database, re-send after an HQ restore; returns the clock warning, if any."""
        status = client.status()
        with sync_transaction(self.store.engine) as conn:
            if status.last_device_seq > last_assigned_seq(conn):
                # HQ holds changes of this device that this database never made: it is a copy or an old backup
                write_state(conn, needs_reenrol=True, last_error=REENROL)
                raise_reenrol = True
            else:
                raise_reenrol = False
        if raise_reenrol:
            raise NeedsReenrol(REENROL)
        if state["epoch"] != status.epoch or status.last_device_seq < state["last_acked_seq"]:
            self._epoch_changed(status.epoch, status.last_device_seq)
        skew_ms = status.server_time_ms - self.store.clock._wall()
        return clock_message(skew_ms // 1000) if abs(skew_ms) > MAX_DRIFT_MS else None

    def _epoch_changed(self, epoch: str, hq_last_seq: int) -> None:
        """HQ was restored: pull everything again, and re-send the current state of what HQ lost."""
        with sync_transaction(self.store.engine) as conn:
            lost = conn.execute(
                select(m.SyncSent.entity, m.SyncSent.record_id).where(m.SyncSent.seq > hq_last_seq).distinct()
            ).all()
            conn.execute(delete(m.SyncSent).where(m.SyncSent.seq > hq_last_seq))
            pending = {(e, r) for e, r in conn.execute(select(m.ChangeLog.entity, m.ChangeLog.record_id))}
            # a record with a change still queued goes with it; the others are queued again as they are now
            lost_now = [(entity, rid) for entity, rid in lost if (entity, rid) not in pending]
            requeue_current_state(conn, lost_now, lambda: str(self.store.clock.now()), self.store.campus_id)
            write_state(conn, epoch=epoch, cursor=0, until=None, last_acked_seq=hq_last_seq)

    def _send_decisions(self, client: HqClient, report: SyncReport) -> None:
        with self.store.reading() as session:
            erasures = session.execute(
                select(m.PendingErasure.person_id, m.PendingErasure.reason, m.PendingErasure.user_id)
            ).all()
            decisions = session.execute(
                select(m.SyncConflict.id, m.SyncConflict.pending_choice, m.SyncConflict.pending_value).where(
                    m.SyncConflict.pending_choice.is_not(None)
                )
            ).all()
        for person_id, queued, user_id in erasures:
            reason, reference = erasure_rules.decode(queued)
            client.erase(person_id, reason.value, reference, user_id)
            with sync_transaction(self.store.engine) as conn:
                conn.execute(delete(m.PendingErasure).where(m.PendingErasure.person_id == person_id))
            report.erased += 1
        for conflict_id, choice, value in decisions:
            try:
                notice = client.resolve(conflict_id, choice, value, None)
            except SyncError as exc:
                if getattr(exc, "status", 0) in (404, 409, 422):
                    report.errors.append(exc.message)
                    with sync_transaction(self.store.engine) as conn:
                        conn.execute(
                            update(m.SyncConflict).where(m.SyncConflict.id == conflict_id).values(pending_choice=None)
                        )
                    continue
                raise
            with sync_transaction(self.store.engine) as conn:
                apply.upsert_conflicts(conn, [notice])

    def _send_shares(self, client: HqClient, report: SyncReport) -> None:
        """Shares decided here (services/transfers.py), after the push: HQ must know the person first. One HQ
        refuses for good (the person erased, or no longer followed here) is reported and dropped."""
        with self.store.reading() as session:
            shares = session.execute(select(m.PendingShare.person_id, m.PendingShare.campus_id)).all()
        for person_id, campus_id in shares:
            try:
                client.share(person_id, campus_id)
            except SyncError as exc:
                if getattr(exc, "status", 0) not in (403, 404, 409, 422):
                    raise
                report.errors.append(exc.message)
            with sync_transaction(self.store.engine) as conn:
                conn.execute(
                    delete(m.PendingShare).where(
                        m.PendingShare.person_id == person_id, m.PendingShare.campus_id == campus_id
                    )
                )
            report.shared += 1

    def _count_requests(self, client: HqClient, report: SyncReport) -> None:
        """How many requests for a file wait for this campus's answer (the Synchronisation page and the status bar
        say so). The cycle's work is done: a failure here (an HQ older than the requests) leaves it unsaid."""
        try:
            report.requests_waiting = len(client.move_requests().incoming)
        except SyncError:
            report.requests_waiting = None

    @paused_gc
    def _push(self, client: HqClient, report: SyncReport) -> None:
        """Send the change log to HQ in batches, oldest first, each acknowledged here once HQ applied it.

        The requests run on a thread of their own: while HQ merges a batch, this thread commits the acknowledgement
        of the batch before and reads the next one. A batch is still sent only after HQ applied the one before (a
        refused batch stops the push: a later one would move HQ's sequence of this device past it), and the
        acknowledgements are committed in order, at most one batch behind HQ: a crash in between leaves that batch in
        the change log, sent again by the next cycle and reported by HQ as duplicates."""
        total = self.pending_count()
        done = 0
        unacked: tuple[PushResponse, Sequence[Outgoing]] | None = None
        with ThreadPoolExecutor(1, thread_name_prefix="gn-sync-push") as requests:
            batch = self._outgoing(after=0)
            while batch is not None:
                rows, changes = batch
                if not changes:  # entries of local tables only: never sent
                    if unacked is not None:
                        self._acknowledge(*unacked)
                        unacked = None
                    with sync_transaction(self.store.engine) as conn:
                        conn.execute(delete(m.ChangeLog).where(m.ChangeLog.seq.in_([r.seq for r in rows])))
                    batch = self._outgoing(after=rows[-1].seq)
                    continue
                self._progress("push", done, total)
                sent = requests.submit(client.push, changes)
                if unacked is not None:
                    self._acknowledge(*unacked)
                    unacked = None
                following = self._outgoing(after=rows[-1].seq)
                answer = sent.result()
                collect_young()
                report.pushed += answer.applied
                report.duplicates += len(answer.duplicates)
                report.rejected += len(answer.rejected)
                report.errors.extend(rej.detail for rej in answer.rejected)
                report.conflicts += len(answer.conflicts)
                done += len(changes)
                self._progress("push", done, total)
                unacked = (answer, rows)
                if answer.last_device_seq < rows[-1].seq:  # not all of it applied: read again once acknowledged
                    self._acknowledge(*unacked)
                    unacked = None
                    following = self._outgoing(after=0)
                batch = following
        if unacked is not None:
            self._acknowledge(*unacked)

    def _outgoing(self, *, after: int) -> tuple[list[Outgoing], list[dict[str, Any]]] | None:
        """The next batch of the change log after sequence `after`, and its changes as pushed; None when none left."""
        with self.store.reading() as session:
            rows = outgoing_changes(session.connection(), self.batch_size, after=after)
            erased = (
                {
                    (e, r)
                    for e, r in session.execute(
                        select(m.Tombstone.entity, m.Tombstone.record_id).where(m.Tombstone.erased.is_(True))
                    )
                }
                if any(r.op == "delete" for r in rows)
                else set()
            )
        if not rows:
            return None
        return rows, self.wire_changes(rows, erased)

    def wire_changes(self, rows: Sequence[Outgoing], erased: set[tuple[str, str]]) -> list[dict[str, Any]]:
        """The change-log entries as pushed (`erased`: the tombstones marked erased, for the erasure flag)."""
        device_id = self.store.device_id
        return [
            {
                "device_seq": r.seq,
                "device_id": device_id,
                "campus_id": r.campus_id,
                "user_id": r.user_id,
                "entity": r.entity,
                "record_id": r.record_id,
                "op": r.op,
                "fields": r.fields,
                "base_version": r.base_version,
                "hlc": r.hlc,
                "erasure": r.op == "delete" and (r.entity, r.record_id) in erased,
            }
            for r in rows
            if r.entity in ENTITIES
        ]

    def _acknowledge(self, answer: PushResponse, rows: Sequence[Outgoing]) -> None:
        acked = [r for r in rows if r.seq <= answer.last_device_seq]
        with sync_transaction(self.store.engine) as conn:
            if acked:
                acknowledge_sent(conn, acked, max(r.seq for r in acked))
                self._pushed.update((r.entity, r.record_id) for r in acked)
            by_seq = {r.seq: r for r in rows}
            if answer.rejected:
                conn.execute(
                    insert(m.SyncRejection).prefix_with("OR REPLACE"),
                    [
                        {
                            "device_seq": rej.device_seq,
                            "entity": rej.entity,
                            "record_id": rej.record_id,
                            "person_id": by_seq[rej.device_seq].person_id if rej.device_seq in by_seq else None,
                            "code": rej.code,
                            "detail": rej.detail,
                            "at": utcnow(),
                        }
                        for rej in answer.rejected
                    ],
                )
            apply.upsert_conflicts(conn, answer.conflicts)
            write_state(conn, last_acked_seq=max(answer.last_device_seq, 0))

    def _kiosk_index(self, client: HqClient) -> None:
        """A kiosk: the check-in index of its campus, fresh from HQ; and nothing left of the visitors whose check-ins
        and pre-registrations HQ now holds (the kiosk keeps nobody's data longer than it takes to send it)."""
        index = client.check_in_index()
        with sync_transaction(self.store.engine) as conn:
            replace_checkin_index(conn, index)
            purged = purge_sent_front_desk(conn)
        if purged:
            compact_file(self.store.engine)

    def _report_set_aside(self, client: HqClient, report: SyncReport) -> None:
        """Tell HQ what this PC set aside, when that changed since it last told it (an older HQ without the call is
        left alone: the list stays on the Synchronisation page)."""
        with self.store.reading() as session:
            rows = session.execute(
                select(m.SyncSetAside.entity, m.SyncSetAside.record_id, m.SyncSetAside.version, m.SyncSetAside.reason)
                .order_by(m.SyncSetAside.entity, m.SyncSetAside.record_id)
                .limit(1000)
            ).all()
            told = session.get(m.LocalSetting, SET_ASIDE_REPORTED)
        report.set_aside = len(rows)
        items = [{"entity": e, "record_id": r, "version": v, "reason": why[:500]} for e, r, v, why in rows]
        digest = hashlib.sha256(orjson.dumps(items)).hexdigest()
        if (told.value if told else hashlib.sha256(b"[]").hexdigest()) == digest:
            return
        try:
            client.report_set_aside(__version__, items)
        except SyncError as exc:
            if getattr(exc, "status", 0) in (404, 405, 422):
                return  # an HQ without this call, or one that refuses the report: nothing to retry
            raise
        with sync_transaction(self.store.engine) as conn:
            conn.execute(insert(m.LocalSetting).prefix_with("OR REPLACE").values(key=SET_ASIDE_REPORTED, value=digest))

    @paused_gc
    def _pull(self, client: HqClient, report: SyncReport) -> None:
        with sync_transaction(self.store.engine) as conn:
            apply.retry_set_aside(conn)  # an update of the app may store what an older one could not
        state = self.state()
        cursor, until = state["cursor"], state["until"]
        # From cursor 0 (a new PC, or after an HQ restore): the snapshot, in the biggest pages HQ serves, with no
        # history entry for the records it brings (see apply.apply_records)
        snapshot = cursor == 0
        limit = self.page_limit or (SNAPSHOT_PAGE_LIMIT if snapshot else None)
        erased_people: list[str] = []
        self._progress("pull", 0, 0)
        with PageFetcher(client, cursor, until, limit, own=frozenset(self._pushed)) as pages:
            for page in pages:
                apply.observe(self.store.clock, (r.get("hlc") for r in page.records), page.server_time_ms)
                with sync_transaction(self.store.engine, bulk=snapshot) as conn:
                    count, erased = apply.apply_records(conn, page.records, insert_history=not snapshot)
                    report.conflicts += apply.upsert_conflicts(conn, page.conflicts)
                    write_state(
                        conn,
                        cursor=page.cursor,
                        until=page.until if page.more else None,
                        epoch=page.epoch,
                    )
                report.pulled += count
                erased_people.extend(erased)
                self._progress("pull", page.cursor - state["cursor"], max(page.until - state["cursor"], 0))
        campus = self.store.campus_id
        if campus is not None:
            with sync_transaction(self.store.engine) as conn:
                apply.forget_other_accounts(conn, campus)
        if erased_people:
            apply.compact(self.store.engine, erased_people)

    def _first_sync(self, client: HqClient, report: SyncReport) -> None:
        """A new PC starts from HQ's snapshot when it can (`report.snapshot`); the pull that follows brings what
        arrived since, usually nothing."""
        state = self.state()
        worth_it = snapshots.worth_it(self.store, state)
        if not worth_it:  # what an interrupted first sync left (campus data, the download unencrypted) goes
            snapshots.discard_leftovers(self.data_dir)
        elif self.snapshot and self._start_from_snapshot(client, report, state):
            report.snapshot = True

    def _start_from_snapshot(self, client: HqClient, report: SyncReport, state: dict[str, Any]) -> bool:
        """Make this PC's database from HQ's snapshot aside (download, check, install as this PC), pull into it what
        came after the snapshot (edits, erasures: applied before anyone sees the data), then let it replace the
        store's file (`Store.swap_in`, run through `exclusive`). True when the store now is that database; False,
        the store untouched, when there is no usable snapshot or the store was written to meanwhile: the caller
        pulls page by page. A failure while catching up (HQ out of reach) is raised, the store untouched, and the
        database made aside kept for the next sync to go on with."""
        progress = functools.partial(self._progress, "snapshot")
        ready = snapshots.prepare(self.store, client, self.data_dir, state, progress)
        if ready is None:
            return False
        caught_up = SyncReport()
        swapped = keep = False
        try:
            aside = self.store.beside(ready)
            try:
                Syncer(aside, self.data_dir, progress=self._progress, page_limit=self.page_limit)._pull(
                    client, caught_up
                )
            except Offline:
                keep = True  # HQ out of reach: the next sync goes on from the pages applied (snapshots.resumable)
                raise
            finally:
                aside.dispose()
            try:
                swapped = self._exclusive(functools.partial(self.store.swap_in, ready))
            except Exception:  # the app closing (its task runner shut down), or a file that could not be renamed
                log.warning("the snapshot could not replace the store: pulling page by page", exc_info=True)
        finally:
            if not swapped and not keep:
                snapshots.discard_ready(self.data_dir)
        if not swapped:
            log.info("the store was written to while the snapshot was made ready: pulling page by page")
            return False
        report.pulled += caught_up.pulled
        report.conflicts += caught_up.conflicts
        return True


#: page size asked for during a snapshot: 2.5 times the default, fewer transactions; bigger pages cost memory (a
#: decoded page of 5,000 records is ~25 MB, and three are alive at once) for no measurable gain
SNAPSHOT_PAGE_LIMIT = 5_000


class PageFetcher:
    """The pages of one pull, fetched and decoded by a thread one page ahead of the caller applying them.

    HQ prepares the next page, and this thread receives and decodes it, while the caller writes the current one.
    Pages come out in order; nothing is stored here, so a crash loses at most pages fetched and not yet applied, which
    the next pull asks for again (the cursor is only ever saved with the page it follows). An error while fetching
    is raised by the iteration; leaving the `with` block early stops the thread.
    """

    AHEAD = 1

    def __init__(
        self,
        client: HqClient,
        cursor: int,
        until: int | None,
        limit: int | None,
        *,
        own: frozenset[tuple[str, str]] = frozenset(),
    ) -> None:
        """`own`: records this PC has just pushed (see `apply.prepare_records`)."""
        self._client = client
        self._own = own
        self._cursor = cursor
        self._until = until
        self._limit = limit
        self._queue: queue.Queue[Page | BaseException | None] = queue.Queue(maxsize=self.AHEAD)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="gn-sync-pull", daemon=True)

    def __enter__(self) -> PageFetcher:
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._stop.set()
        with contextlib.suppress(queue.Empty):
            while True:  # unblock a pending put
                self._queue.get_nowait()
        self._thread.join()

    def __iter__(self) -> Iterator[Page]:
        while True:
            item = self._queue.get()
            if item is None:
                return
            if isinstance(item, BaseException):
                raise item
            yield item

    def _put(self, item: Page | BaseException | None) -> bool:
        while not self._stop.is_set():
            try:
                self._queue.put(item, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def _run(self) -> None:
        cursor, until = self._cursor, self._until
        try:
            while not self._stop.is_set():
                raw = self._client.pull_raw(cursor, until, self._limit)
                collect_young()
                page = decode_page(raw)
                del raw
                apply.prepare_records(page.records, self._own)
                if not self._put(page):
                    return
                if not page.more:
                    break
                cursor, until = page.cursor, page.until
        except BaseException as exc:  # handed to the caller, who raises it
            self._put(exc)
            return
        self._put(None)
