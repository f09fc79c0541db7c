"""A PC enrolled from the running app starts from HQ's ready database of its campus (issue #19), against a real
`gn-hq serve`: downloaded and caught up aside while the window stays usable, then put in place of the app's store
between two tasks — what happened after the snapshot (an edit, a newcomer, an erasure) is in it before anyone sees
it, the download shows on the Synchronisation page, no connection of the old file survives, and the PC carries on
as itself. An unusable snapshot leaves the app on its own store, which pulls page by page; a kiosk never takes one.

The sync thread is the app's own (`gn_desktop.app.build_sync`); tests wait on Qt signals, never sleep.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pytestqt.qtbot import QtBot

from gn_core.sync_rules import DeviceRole
from gn_desktop.app import build_main_window, build_runner, build_sync
from gn_desktop.store import models as m
from gn_desktop.store.uow import Store
from gn_desktop.sync.client import HqClient
from gn_desktop.sync.scheduler import SyncActivity
from gn_desktop.views.i18n import Translations
from gn_desktop.views.main_window import SECTIONS
from gn_desktop.views.sync_bridge import SyncBridge
from gn_desktop.views.tasks import TaskRunner
from tests.e2e.conftest import Campus, Hq, publish_snapshot
from tests.gui.sync_app import NOBODY, WAIT_MS, App
from tests.support.disk import readable_bytes
from tests.support.live_hq import enrolled_campus, ensure_running


def _new_pc(qtbot: QtBot, open_app: Callable[..., App], data_dir: Path) -> App:
    """The app of a PC never enrolled, on its Synchronisation page: its first cycle ran and waits for an enrolment."""
    app = open_app(data_dir, sync_at_start=True)
    app.window.go_to(SECTIONS.index("sync"))
    qtbot.waitUntil(lambda: not app.window.sync_page.enrol_box.isHidden(), timeout=WAIT_MS)
    return app


def _enrol_from_the_page(qtbot: QtBot, app: App, hq: Hq, code: str) -> SyncActivity:
    """Type HQ's address and the code in the enrolment box, as a technician does; returns the first sync's end."""
    box = app.window.sync_page.enrol_box
    box.server.setText(hq.url)
    box.code.setText(code)
    with qtbot.waitSignal(app.sync.activity_changed, timeout=WAIT_MS, check_params_cb=_synced) as done:
        box.button.click()
    activity: SyncActivity = done.args[0]
    return activity


def _synced(activity: SyncActivity) -> bool:
    return str(activity.phase) == "idle" and activity.last_report is not None


def _people(store: Store) -> dict[str, dict[str, Any]]:
    with store.reading() as session:
        return {p.id: {"last_name": p.last_name, "phone": p.phone} for p in session.query(m.Person)}


def _open_deleted_files(directory: Path) -> list[str]:
    """Files of `directory` this process still holds open although they were replaced (Linux: /proc/self/fd)."""
    held = []
    for fd in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink(f"/proc/self/fd/{fd}")
        except OSError:
            continue
        if target.startswith(str(directory)) and target.endswith(" (deleted)"):
            held.append(target)
    return held


def _files_hold(directory: Path, needle: str) -> list[str]:
    return [p.name for p in directory.rglob("*") if p.is_file() and needle.encode() in readable_bytes(p)]


def test_a_pc_enrolled_from_the_app_starts_from_the_snapshot_and_carries_on_as_itself(
    qtbot: QtBot, hq: Hq, tmp_path: Path, open_app: Callable[..., App]
) -> None:
    server = ensure_running(hq)
    replica = enrolled_campus(server, tmp_path / "replica", "replica")
    replica.sync()
    kept = [replica.add_person(f"Awa{i}", f"Instantané{i}") for i in range(25)]
    gone = replica.add_person("Zoubida", "Effacéedepuis")
    replica.sync()
    info = publish_snapshot(replica)
    # after the snapshot: an edit, someone new, someone erased at HQ
    replica.edit(kept[0], phone="+33612345678")
    later = replica.add_person("Nadia", "Arrivéeaprès")
    replica.sync()
    server.admin("person", "erase", gone, "--reason", "person_request", "--reference", "DPO-2026-31")

    app = _new_pc(qtbot, open_app, tmp_path / "newcomer")
    replaced: list[bool] = []
    app.runner.store_replaced.connect(lambda: replaced.append(True))
    activity = _enrol_from_the_page(qtbot, app, server, server.device_code(replica.code))

    assert activity.last_report is not None and activity.last_report.snapshot is True
    assert replaced == [True]  # the views were told to reload
    people = _people(app.store)
    assert set(people) == {*kept, later}
    assert people[kept[0]]["phone"] == "+33612345678"
    # the download showed, in French, on the Synchronisation page
    assert any(page.startswith("Téléchargement des données du campus : ") for page, _bar in app.said), app.said
    assert not _open_deleted_files(tmp_path / "newcomer")  # no connection of the replaced file survives
    assert not _files_hold(tmp_path / "newcomer", "Effacéedepuis")
    assert (tmp_path / "newcomer" / "campus.db").stat().st_mode & 0o077 == 0  # private to this OS account
    assert not (tmp_path / "newcomer" / "snapshot.part").exists()
    assert not (tmp_path / "newcomer" / "snapshot.ready.db").exists()
    with app.store.reading() as session:
        state = session.get(m.SyncState, 1)
        assert state is not None and state.cursor > int(info["cursor"])
    assert app.store.device_id != _device_id(replica)

    # it is a PC of its own: an edit made in the app after the swap reaches HQ and the replica
    with app.store.unit_of_work(None) as uow:
        person = uow.session.get(m.Person, later)
        assert person is not None
        person.phone = "+33700000001"
        uow.commit()
    with qtbot.waitSignal(app.sync.activity_changed, timeout=WAIT_MS, check_params_cb=_pushed):
        app.sync.changes_made()
    replica.sync()
    assert replica.person(later)["phone"] == "+33700000001"  # type: ignore[index]


def _pushed(activity: SyncActivity) -> bool:
    return _synced(activity) and activity.last_report is not None and activity.last_report.pushed >= 1


def _device_id(campus: Campus) -> str:
    store = campus.store()
    try:
        return store.device_id
    finally:
        store.dispose()


def test_an_unusable_snapshot_leaves_the_app_on_its_store_which_pulls_page_by_page(
    qtbot: QtBot, hq: Hq, tmp_path: Path, open_app: Callable[..., App]
) -> None:
    server = ensure_running(hq)
    replica = enrolled_campus(server, tmp_path / "replica", "replica")
    replica.sync()
    people = {replica.add_person(f"Rémi{i}", f"Secours{i}") for i in range(5)}
    replica.sync()
    publish_snapshot(replica)
    with sqlite3.connect(server.data_dir / "snapshots" / f"{replica.campus_id()}.db") as conn:
        conn.execute("UPDATE person SET last_name = 'Altéré'")  # changed after HQ announced its digest

    app = _new_pc(qtbot, open_app, tmp_path / "newcomer")
    replaced: list[bool] = []
    app.runner.store_replaced.connect(lambda: replaced.append(True))
    engine = app.store.engine
    activity = _enrol_from_the_page(qtbot, app, server, server.device_code(replica.code))

    assert activity.last_report is not None and activity.last_report.snapshot is False
    assert not replaced and app.store.engine is engine  # the same store, never closed
    assert set(_people(app.store)) == people
    assert not _files_hold(tmp_path / "newcomer", "Altéré")
    assert not (tmp_path / "newcomer" / "snapshot.part").exists()


def test_a_kiosk_enrolled_from_its_screen_never_takes_the_snapshot(
    qtbot: QtBot, hq: Hq, tmp_path: Path, translations: Translations
) -> None:
    server = ensure_running(hq)
    replica = enrolled_campus(server, tmp_path / "replica", "replica")
    replica.sync()
    replica.add_person("Inès", "Pasàlaborne")
    replica.sync()
    publish_snapshot(replica)
    store = Store.open(tmp_path / "kiosk")
    runner = build_runner(store)
    sync = build_sync(
        store,
        tmp_path / "kiosk",
        runner,
        kiosk=True,
        client_factory=lambda u, t: HqClient(u, t, retries=0),
        sync_at_start=False,
    )
    try:
        assert sync.scheduler is not None
        sync.scheduler.start()
        with qtbot.waitSignal(sync.enrol_finished, timeout=WAIT_MS) as enrolled:
            assert sync.enrol(server.url, server.device_code(replica.code, "kiosk"))  # what its staff screen does
        assert enrolled.args == [None]
        with qtbot.waitSignal(sync.activity_changed, timeout=WAIT_MS, check_params_cb=_synced) as done:
            pass
        report = done.args[0].last_report
        assert store.role is DeviceRole.KIOSK and report.snapshot is False
        assert _people(store) == {}
        assert not (tmp_path / "kiosk" / "snapshot.part").exists()
        assert not _files_hold(tmp_path / "kiosk", "Pasàlaborne")
    finally:
        sync.stop()
        runner.shutdown()
        store.dispose()


def test_the_download_shows_in_french_on_the_page_and_in_the_status_bar(
    qtbot: QtBot, store: Store, runner: TaskRunner, translations: Translations, tmp_path: Path
) -> None:
    from gn_desktop.store.replica import sync_transaction, write_state
    from gn_desktop.sync.scheduler import Phase

    with sync_transaction(store.engine) as conn:
        write_state(
            conn,
            server_url="https://siege.example",
            install_id="i",
            campus_code="SDN",
            campus_name="Saint-Denis",
            epoch="e",
        )
    bridge = SyncBridge(None)
    window = build_main_window(runner, lock_after_s=600, sync=bridge)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    with qtbot.waitSignal(window.sync_page.loaded, timeout=WAIT_MS):
        window.sign_in_as(NOBODY)
    window.go_to(SECTIONS.index("sync"))

    bridge.show(SyncActivity(phase=Phase.SYNCING, enrolled=True, progress=("snapshot", 12_400_000, 41_900_000)))

    said = "Téléchargement des données du campus : 11,8 Mo sur 40,0 Mo"
    assert window.sync_page.progress_label.text() == said
    assert window.offline_label.text() == said
    bar = window.sync_page.progress
    assert not bar.isHidden() and (bar.value(), bar.maximum()) == (12_400_000 // 1024, 41_900_000 // 1024)
    if os.environ.get("GN_SCREENSHOTS"):
        window.grab().save(str(Path(os.environ["GN_SCREENSHOTS"]) / "sync-snapshot-download.png"))
