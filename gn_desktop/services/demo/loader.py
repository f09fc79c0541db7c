"""Loading demo data into a store: `generate`, the one entry point, and its summary (`DemoSummary`).

Safety: demo data only goes into a store that holds no people and no accounts yet (otherwise `KnownError`), so it can
never mix known demo passwords or fictional people into a real campus.

Speed: people and everything attached to them are written with `changes.bulk_insert` (change-log and history capture
for every record), `CHUNK_SIZE` people at a time, on a writer thread while this thread draws the next chunk (SQLite
releases the GIL while it writes). Draws use a seeded `random.Random` and plain lists (Faker's fr_FR name lists, no
Faker call per row); derived person columns are computed on the drawing thread, and so is the Python half of each
insert (`changes.stage_rows`). While chunks are written, the drawing thread hands the GIL back to the writer within
0.5 ms (`_prompt_gil_handover`). The search index is built once at the end (`changes.search_index_deferred`).

All or nothing: the whole run is one transaction. On disk it goes through `engine.bulk_load_engine` (rollback journal
instead of WAL, so every page is written once; no fsync while loading): a run that fails or is killed halfway leaves
the store as it was (the journal rolls it back, at the latest the next time the store is opened), so the command can
simply be run again in the same data directory.
"""

from __future__ import annotations

import contextlib
import gc
import sys
import time
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select

from gn_core.domain import enums as e
from gn_core.domain.errors import KnownError
from gn_core.domain.labels import label
from gn_desktop.services import setup
from gn_desktop.services.demo.batches import _Batch
from gn_desktop.services.demo.catalogue import DemoAccount, _accounts_and_catalogue
from gn_desktop.services.demo.draws import _Ids, _Random
from gn_desktop.services.demo.generator import _Generator
from gn_desktop.services.demo.tables import _CAMPUS_SHARE
from gn_desktop.services.progress import SILENT, Phase, Progress
from gn_desktop.store import changes
from gn_desktop.store import models as m
from gn_desktop.store.engine import BulkLoadUnavailable, bulk_load_engine
from gn_desktop.store.engine import writer as writer_engine
from gn_desktop.store.uow import Store, StoreSession, UnitOfWork

#: people drawn, then written, at a time: memory stays flat however many people are made
CHUNK_SIZE = 5_000


# --- Summary ------------------------------------------------------------------------------------------------------


#: French names of the counted records, in the order the summary lists them
_COUNT_LABELS: dict[str, tuple[str, str]] = {
    "person": ("personne", "personnes"),
    "consent": ("consentement", "consentements"),
    "rqth_decision": ("décision RQTH", "décisions RQTH"),
    "pathway_event": ("étape de parcours", "étapes de parcours"),
    "note": ("note de suivi", "notes de suivi"),
    "appointment": ("rendez-vous", "rendez-vous"),
    "referral": ("orientation", "orientations"),
    "event_registration": ("inscription à un événement", "inscriptions à des événements"),
    "startup": ("entreprise accompagnée", "entreprises accompagnées"),
    "partner": ("partenaire employeur", "partenaires employeurs"),
    "programme": ("formation", "formations"),
    "programme_session": ("session de formation", "sessions de formation"),
    "job_offer": ("offre d'emploi", "offres d'emploi"),
    "event": ("événement", "événements"),
    "app_user": ("compte", "comptes"),
}


def _fr_int(n: int) -> str:
    return f"{n:,}".replace(",", "\u202f")


def _fr_count(n: int, noun: str) -> str:
    """'0 personne', '1 personne', '2 personnes' (French takes the singular below 2)."""
    return f"{_fr_int(n)} {noun}{'s' if n >= 2 else ''}"


@dataclass(slots=True)
class DemoSummary:
    """What `generate` made: counts per table, the demo accounts and how long it took."""

    seed: int
    today: date
    counts: dict[str, int]
    accounts: list[DemoAccount]
    device_campus: str = ""
    seconds: float = 0.0

    @property
    def people(self) -> int:
        return self.counts.get("person", 0)

    def describe(self) -> str:
        """A short French summary for the command line."""
        secs = f"{self.seconds:.1f}".replace(".", ",")
        lines = [f"Données de démonstration créées en {secs} s (graine {self.seed}, au {self.today:%d/%m/%Y}) :"]
        parts = []
        for key, (one, many) in _COUNT_LABELS.items():
            n = self.counts.get(key, 0)
            if n:
                parts.append(f"{_fr_int(n)} {one if n == 1 else many}")
        lines.append("  " + ", ".join(parts) + ".")
        lines.append("Toutes ces données sont fictives. Comptes de démonstration (identifiant / mot de passe) :")
        by_role: dict[tuple[e.UserRole, str], list[str]] = {}
        for acc in self.accounts:
            by_role.setdefault((acc.role, acc.password), []).append(acc.username)
        for (role, password), names in by_role.items():
            shown = ", ".join(names[:3])
            others = sorted({n.rsplit(".", 1)[-1] for n in names[3:]} - {n.rsplit(".", 1)[-1] for n in names[:3]})
            if others:
                shown += f", et les mêmes en .{', .'.join(others)}"
            lines.append(f"  {label(role)} : {shown} / {password}")
        if self.device_campus:
            lines.append(f"Ce poste est réglé sur le {self.device_campus}.")
        return "\n".join(lines)


# --- Entry point --------------------------------------------------------------------------------------------------


def generate(
    store: Store,
    *,
    people: int,
    seed: int,
    today: date | None = None,
    chunk_size: int = CHUNK_SIZE,
    campus_code: str | None = None,
    progress: Progress = SILENT,
) -> DemoSummary:
    """Fill an empty store with `people` fictional people and everything around them; same seed, same data.

    Refuses (KnownError) a store that already holds people or accounts: demo data is never mixed with real data,
    and running the command twice does not duplicate anything. Sets this device's campus to `campus_code` (default:
    the device's, else Saint-Denis, SDN); the people are all of that campus, as on a real campus PC. The accounts and
    the catalogue are HQ's data, the same (same ids) on every PC made with the seed. The whole run is one
    transaction: all of it or nothing (`chunk_size` people are drawn, then written, at a time; `progress` hears of
    each chunk).
    """
    if people < 0:
        raise KnownError("Nombre de personnes : indiquez un nombre positif ou nul.")
    started = time.perf_counter()
    today = today or date.today()
    rng = _Random(seed)
    new_id = _Ids(seed)
    with _gc_paused(), _loading(store) as uow:
        _refuse_if_not_empty(uow)
        campus_ids = setup.ensure_reference_data(uow)
        device = uow.session.get(m.DeviceState, 1)
        if campus_code is not None:
            code = campus_code.strip().upper()
            if code not in campus_ids or code not in _CAMPUS_SHARE:
                known = ", ".join(_CAMPUS_SHARE)
                raise KnownError(f"Campus « {campus_code} » : les données de démonstration existent pour {known}.")
            if uow.ctx.campus_id not in (None, campus_ids[code]):
                raise KnownError(f"Ce poste est déjà réglé sur un autre campus que {code}.")
            if device is not None:
                device.campus_id = uow.ctx.campus_id = campus_ids[code]
        if device is not None and device.campus_id is None:
            device.campus_id = uow.ctx.campus_id = campus_ids["SDN"]
        device_campus = uow.ctx.campus_id or campus_ids["SDN"]
        # HQ's data, the same on every campus PC made with this seed (same ids): `gn-desktop export-reference` gives
        # it to a demo HQ
        with uow.as_reference():
            demo_accounts, catalogue, counts = _accounts_and_catalogue(uow, rng, new_id, today, people)
        uow.flush()
        # This campus's people: drawn from the seed and the campus, so that the PCs of two campuses hold different
        # people (a PC holds only the files of its own campus)
        code = next(c for c, cid in campus_ids.items() if cid == device_campus)
        if code != "SDN":
            rng, new_id = _Random(f"{seed}:{code}"), _Ids(f"{seed}:{code}")
        generator = _Generator(rng, new_id, today, catalogue, people, device_campus)
        dialect = uow.session.get_bind().dialect
        # A writer thread stores chunk n while this thread draws chunk n + 1: SQLite releases the GIL while it
        # writes, so the two cores work at once. Drawing stays on this thread, in order, so the data is the same;
        # so does `stage_rows` (all the Python of `bulk_insert`), leaving the writer almost nothing but SQLite.
        # The unit of work is handed to the writer and back, never used by both threads at once.
        deferred = changes.search_index_deferred(uow.session)
        with deferred, _prompt_gil_handover(), ThreadPoolExecutor(1, thread_name_prefix="gn-demo-writer") as writer:
            pending: Future[None] | None = None
            for first in range(0, people, chunk_size):
                progress.step(Phase.WRITE, first, people)
                batch = _Batch()
                for _ in range(min(chunk_size, people - first)):
                    generator.person(batch)
                staged = []
                for model, rows in batch.rows.items():
                    counts[model.__tablename__] = counts.get(model.__tablename__, 0) + len(rows)
                    if rows:
                        staged.append(changes.stage_rows(model, rows, dialect))
                if pending is not None:
                    pending.result()
                pending = writer.submit(_write_chunk, uow, staged)
            if pending is not None:
                pending.result()
        progress.step(Phase.WRITE, people, people)
        uow.commit()
    store.forget_identity()  # the device row got its campus through the load's connection
    counts.setdefault("person", 0)
    device_name = catalogue.campus_names.get(store.campus_id or "", "")
    return DemoSummary(seed, today, counts, demo_accounts, device_name, time.perf_counter() - started)


@contextlib.contextmanager
def _loading(store: Store) -> Iterator[UnitOfWork]:
    """The one unit of work of a demo load, on a connection tuned for it (`engine.bulk_load_engine`) when the store
    is a file: the store's own connections are closed first, and open again on demand afterwards. If another program
    has the file open, the load goes through the store's usual connection (WAL): slower, still all or nothing."""
    database = store.engine.url.database
    if not database or database == ":memory:":
        with store.unit_of_work(None) as uow:
            yield uow
        return
    ctx = changes.CaptureContext(store.device_id, store.campus_id, None, store.clock)
    store.engine.dispose()
    with contextlib.ExitStack() as stack:
        try:
            engine = stack.enter_context(bulk_load_engine(database))
        except BulkLoadUnavailable:
            uow = stack.enter_context(store.unit_of_work(None))
        else:
            session = StoreSession(bind=writer_engine(engine), expire_on_commit=False)
            uow = stack.enter_context(UnitOfWork(session, ctx))
        yield uow


def _write_chunk(uow: UnitOfWork, staged: list[changes.StagedRows]) -> None:
    """Store one chunk of people and their records (each captured) in the load's unit of work."""
    for rows in staged:
        changes.bulk_insert(uow.session, rows.model, rows)
    uow.ctx.touched.clear()  # no view to refresh, and a million ids would pile up


#: how long the drawing thread may keep the GIL once the writer thread wants it back (Python's default: 5 ms)
_WRITER_GIL_WAIT_S = 0.0005


@contextlib.contextmanager
def _prompt_gil_handover() -> Iterator[None]:
    """Let the writer thread have the GIL back within half a millisecond instead of five.

    The writer gives the GIL up during each SQLite statement and needs it again right after; with the drawing thread
    busy in Python, it would wait up to `sys.getswitchinterval()` each time (the "convoy effect"): about 200 times
    per chunk, 8 s of 100,000 people spent waiting. The interval is the process's, put back on leaving.
    """
    previous = sys.getswitchinterval()
    sys.setswitchinterval(min(previous, _WRITER_GIL_WAIT_S))
    try:
        yield
    finally:
        sys.setswitchinterval(previous)


@contextlib.contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while rows pile up (reference counting still frees memory).

    Building hundreds of thousands of row dicts otherwise triggers full collections that scan them all, again and
    again, for no garbage: the rows are acyclic.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _refuse_if_not_empty(uow: UnitOfWork) -> None:
    """Demo data goes only into a store without people or accounts (reference data from HQ is fine)."""
    n_people = uow.session.scalar(select(func.count()).select_from(m.Person)) or 0
    n_users = uow.session.scalar(select(func.count()).select_from(m.User)) or 0
    if n_people or n_users:
        raise KnownError(
            f"Ce dossier de données contient déjà des données ({_fr_count(n_people, 'personne')}, "
            f"{_fr_count(n_users, 'compte')}) : les données de démonstration ne vont que dans un dossier vide, "
            "pour ne jamais se mêler à de vraies données ni se dupliquer. Indiquez un nouveau dossier avec --data-dir."
        )
