"""Sync in the advisor window, against a real `gn-hq serve` on loopback: the status-bar indicator, the Synchronisation
page (state, progress, errors, the update-needed banner) and the conflicts inbox with its count on the navigation.

The sync thread is the app's own (`gn_desktop.app.build_sync`); tests wait on Qt signals, never sleep.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from gn_core.protocol import ConflictNotice, ConflictSide
from gn_desktop.services import setup
from gn_desktop.services.auth import SignedIn
from gn_desktop.store import models as m
from gn_desktop.store.uow import Store
from gn_desktop.sync import apply, credentials
from gn_desktop.sync.client import HqClient
from gn_desktop.sync.engine import Syncer
from gn_desktop.sync.errors import OFFLINE, UPDATE_REQUIRED
from gn_desktop.views.main_window import SECTIONS
from tests.e2e.conftest import Campus, Hq
from tests.gui.sync_app import WAIT_MS, App, CycleGate
from tests.support.live_hq import enrolled_campus, ensure_running, keyring_in_file


def sync_now(qtbot: QtBot, app: App) -> None:
    """Press "Synchroniser maintenant" and wait until the cycle ended and the page read the result."""
    page = app.window.sync_page
    with qtbot.waitSignal(app.sync.activity_changed, timeout=WAIT_MS, check_params_cb=_ended):
        page.sync_button.click()
    qtbot.waitUntil(lambda: not page.refreshing, timeout=WAIT_MS)  # the page read what the cycle left


def shown(widget: QWidget) -> bool:
    """Shown by the page (the window itself is not on screen in these tests)."""
    return not widget.isHidden()


def _ended(activity: Any) -> bool:
    return str(activity.phase) != "syncing"


def test_after_a_successful_sync_the_indicator_says_online_and_when(
    qtbot: QtBot, hq: Hq, tmp_path: Path, open_app: Callable[..., App]
) -> None:
    campus = enrolled_campus(ensure_running(hq), tmp_path / "sdn")
    app = open_app(campus.data_dir)
    w = app.window
    progress_seen: list[str] = []
    app.sync.activity_changed.connect(lambda _a: progress_seen.append(w.sync_page.progress_label.text()))
    w.go_to(SECTIONS.index("sync"))
    assert w.sync_page.sync_button.text() == "Synchroniser maintenant"
    sync_now(qtbot, app)
    qtbot.waitUntil(lambda: w.offline_label.text() == "● En ligne", timeout=WAIT_MS)
    assert w.last_sync_label.text() == "Synchronisé à l'instant"
    assert w.sync_label.text() == "Aucune modification en attente de synchronisation"
    page = w.sync_page
    assert page.state_value.text() == "En ligne — à jour avec le siège"
    assert page.fact_values["server"].text() == hq.url
    assert page.fact_values["campus"].text() == f"Campus {campus.code} ({campus.code})"
    assert page.fact_values["pending"].text() == "Aucune : tout est parti"
    assert page.fact_values["last_success"].text().startswith("Synchronisé à l'instant (")
    assert not shown(page.error_box) and not shown(page.enrol_box)
    assert any(t.startswith("Réception") for t in progress_seen), progress_seen

    # a change made in the window leaves by itself, a moment later (no button pressed)
    pid = campus.add_person("Awa", "Diallo")
    with qtbot.waitSignal(app.sync.activity_changed, timeout=WAIT_MS, check_params_cb=_pushed):
        app.sync.changes_made()
    qtbot.waitUntil(lambda: w.sync_label.text() == "Aucune modification en attente de synchronisation")
    assert [row[0] for row in campus.hq_people()] == [pid]


def _pushed(activity: Any) -> bool:
    return _ended(activity) and activity.last_report is not None and activity.last_report.pushed == 1


def test_hq_out_of_reach_shows_offline_and_keeps_the_changes(
    qtbot: QtBot, hq: Hq, tmp_path: Path, open_app: Callable[..., App]
) -> None:
    campus = enrolled_campus(ensure_running(hq), tmp_path / "sdn")
    campus.sync()
    campus.add_person("Karim", "Benali")
    hq.stop()
    try:
        app = open_app(campus.data_dir)
        w = app.window
        w.go_to(SECTIONS.index("sync"))
        sync_now(qtbot, app)
        qtbot.waitUntil(
            lambda: w.offline_label.text() == "Hors ligne — les données restent sur ce poste", timeout=WAIT_MS
        )
        assert w.offline_label.toolTip() == OFFLINE
        assert w.sync_label.text() == "1 modification en attente de synchronisation"
        page = w.sync_page
        assert page.state_value.text() == (
            "Hors ligne — les modifications restent sur ce poste et partiront au retour du réseau"
        )
        assert page.error_text.text() == OFFLINE and shown(page.error_box)
        assert page.fact_values["pending"].text() == "1 modification en attente d'envoi"
        assert page.fact_values["next"].text().startswith("Nouvel essai automatique dans")
    finally:
        ensure_running(hq)


def test_hq_answering_426_shows_the_update_banner_and_keeps_the_changes(
    qtbot: QtBot, tmp_path: Path, open_app: Callable[..., App]
) -> None:
    data = tmp_path / "campus"
    url = "https://hq.invalid"
    too_old = {"type": "about:blank", "title": "Mettez l'application à jour", "status": 426}

    def hq_too_old(_request: httpx.Request) -> httpx.Response:
        return httpx.Response(426, json=too_old, headers={"Content-Type": "application/problem+json"})

    with keyring_in_file(tmp_path / "keyring.json"):
        store = Store.open(data)
        try:
            with store.unit_of_work(None) as uow:
                campuses = setup.ensure_reference_data(uow)
                uow.commit()
            store.set_campus(campuses["SDN"])
            with store.unit_of_work(None) as uow:  # a change waiting to be sent
                uow.session.add(
                    m.Event(
                        title="Job dating",
                        kind="info_session",
                        campus_id=campuses["SDN"],
                        starts_at=datetime(2026, 3, 1, 9, tzinfo=UTC),
                        ends_at=datetime(2026, 3, 1, 12, tzinfo=UTC),
                    )
                )
                uow.commit()
            credentials.save(data, url, credentials.Credentials("tok", store.device_id, "install-1"))
            syncer = Syncer(store, data)
            syncer._set_state(server_url=url, install_id="install-1", epoch="e1", campus_code="SDN")
            pending = syncer.pending_count()
        finally:
            store.dispose()
        assert pending > 0
        app = open_app(data, client_factory=lambda u, t: HqClient(u, t, transport=httpx.MockTransport(hq_too_old)))
        w = app.window
        w.go_to(SECTIONS.index("sync"))
        page = w.sync_page
        assert not shown(page.update_banner)
        sync_now(qtbot, app)
        qtbot.waitUntil(lambda: shown(page.update_banner), timeout=WAIT_MS)
        assert page.update_title.text() == "Mise à jour nécessaire"
        assert "trop ancienne" in page.update_text.text() and "restent sur ce poste" in page.update_text.text()
        assert w.offline_label.text() == "Mise à jour nécessaire — synchronisation arrêtée"
        assert w.offline_label.toolTip() == UPDATE_REQUIRED
        assert page.fact_values["next"].text().startswith("Arrêtée jusqu'à ce que le problème soit réglé")
        assert page.sync_button.isEnabled()  # after the update, or to check again
        assert page.status is not None and page.status.pending == pending  # every change kept for later


def test_a_pc_never_enrolled_says_how_to_enrol(qtbot: QtBot, tmp_path: Path, open_app: Callable[..., App]) -> None:
    app = open_app(tmp_path / "campus", sync_at_start=True)
    w = app.window
    w.go_to(SECTIONS.index("sync"))
    page = w.sync_page
    qtbot.waitUntil(lambda: shown(page.enrol_box), timeout=WAIT_MS)
    assert page.enrol_box.command.text() == "gn-desktop enrol --server URL --code CODE"
    assert page.state_value.text() == "Ce poste n'est pas inscrit auprès du siège"
    assert w.offline_label.text() == "Non relié au siège — les données restent sur ce poste"
    assert not page.sync_button.isEnabled()
    assert not shown(w.last_sync_label)


# -- the conflicts inbox -----------------------------------------------------------------------------------------


def _conflict_between_two_campuses(hq: Hq, tmp_path: Path) -> tuple[Campus, Campus, str]:
    """The same person's last name changed on campus A and on campus B before either synced."""
    a = enrolled_campus(hq, tmp_path / "sdn", "sdn")
    b = enrolled_campus(hq, tmp_path / "aub", "aub")
    a.sync()
    b.sync()
    pid = a.add_shared_person("Awa", "Diallo", b)
    a.edit(pid, last_name="Diallo-Sy")
    b.edit(pid, last_name="Dialo")
    a.sync()
    return a, b, pid


def test_the_inbox_shows_both_values_and_keeping_mine_settles_it_everywhere(
    qtbot: QtBot, hq: Hq, tmp_path: Path, open_app: Callable[..., App]
) -> None:
    a, b, pid = _conflict_between_two_campuses(ensure_running(hq), tmp_path)
    app = open_app(b.data_dir)
    w = app.window
    sync_now(qtbot, app)  # B pushes its edit: HQ keeps A's value and opens a conflict in both inboxes
    qtbot.waitUntil(lambda: w.conflicts_label.text() == "1 conflit à régler", timeout=WAIT_MS)
    nav = w.navigation.item(SECTIONS.index("sync"))
    assert nav.text() == "Synchronisation  (1)"
    w.conflicts_label.clicked.emit()
    page = w.sync_page
    assert w.current_section() == "sync" and page.tabs.currentIndex() == 1
    assert page.tabs.tabText(1) == "Conflits (1)"
    table = page.conflicts_table
    assert table.rowCount() == 1
    row = [table.item(0, c).text() for c in range(6)]
    assert row[:5] == ["Awa Diallo-Sy", "Nom", "Diallo", "Dialo", "Diallo-Sy"]  # HQ kept the first value meanwhile
    assert row[5].endswith(f"Campus {a.code}")  # when, then who (no user: changed by the campus's own scripts)
    inbox = page.conflicts
    assert shown(inbox.detail) and inbox.detail_title.text() == "Awa Diallo-Sy — Nom"
    assert "Dialo" in inbox.detail_text.text() and "Diallo-Sy" in inbox.detail_text.text()

    inbox.keep_mine.click()
    qtbot.waitUntil(lambda: table.rowCount() == 0, timeout=WAIT_MS)
    assert shown(inbox.inbox_empty) and not shown(inbox.detail)
    assert inbox.inbox_empty.text() == "Aucun conflit à régler."
    qtbot.waitUntil(lambda: w.navigation.item(SECTIONS.index("sync")).text() == "Synchronisation", timeout=WAIT_MS)
    assert not shown(w.conflicts_label)

    # the decision leaves by itself at the next cycle, and reaches the other campus
    qtbot.waitUntil(lambda: app.sync.activity is not None and _sent_decision(app), timeout=WAIT_MS)
    a.sync()
    assert a.person(pid) == b.person(pid)
    person = a.person(pid)
    assert person is not None and person["last_name"] == "Dialo"
    assert [c["status"] for c in a.conflicts()] == ["resolved"]


def _sent_decision(app: App) -> bool:
    page = app.window.sync_page
    inbox = page.conflicts.inbox
    return inbox is not None and inbox.waiting == 0 and str(app.sync.activity.phase) == "idle"  # type: ignore[union-attr]


def test_typing_another_value_settles_the_conflict_with_it(
    qtbot: QtBot, hq: Hq, tmp_path: Path, open_app: Callable[..., App]
) -> None:
    a, b, pid = _conflict_between_two_campuses(ensure_running(hq), tmp_path)
    app = open_app(b.data_dir, debounce_s=600)  # the decision waits: the inbox's "waiting" line is visible
    w = app.window
    sync_now(qtbot, app)
    qtbot.waitUntil(lambda: w.sync_page.conflicts_table.rowCount() == 1, timeout=WAIT_MS)
    page = w.sync_page
    qtbot.keyClicks(page.conflicts.other_value, "Diallo Sy")
    page.conflicts.keep_typed.click()
    qtbot.waitUntil(lambda: page.conflicts_table.rowCount() == 0, timeout=WAIT_MS)
    assert page.conflicts.waiting_label.text() == "1 décision en attente d'envoi au siège"
    sync_now(qtbot, app)
    a.sync()
    person = a.person(pid)
    assert person is not None and person["last_name"] == "Diallo Sy"


def test_a_disability_recognition_conflict_shows_no_value_to_a_user_without_the_right(
    qtbot: QtBot, tmp_path: Path, open_app: Callable[..., App]
) -> None:
    data = tmp_path / "campus"
    store = Store.open(data)
    try:
        side = {"user_id": None, "campus_id": None, "hlc": "1741946400000-00000-n1"}
        notice = ConflictNotice(
            id="c-rqth",
            seq=1,
            entity="rqth_decision",
            record_id="r1",
            person_id=None,
            kind="field",
            field="valid_until",
            status="open",
            base="2026-01-31",
            hq=ConflictSide(value="2027-01-31", **side),
            campus=ConflictSide(value="2026-06-30", **side),
            winner="hq",
            created_at="2025-03-14T10:00:00+00:00",
        )
        with apply.sync_transaction(store.engine) as conn:
            apply.upsert_conflicts(conn, [notice])
    finally:
        store.dispose()
    app = open_app(data)  # signed in with no role: may not read RQTH
    page = app.window.sync_page
    qtbot.waitUntil(lambda: page.conflicts_table.rowCount() == 1, timeout=WAIT_MS)
    row = [page.conflicts_table.item(0, c).text() for c in range(5)]
    assert row[1] == "RQTH — Valable jusqu'au"
    assert row[2:5] == ["•••", "•••", "•••"]
    inbox = page.conflicts
    assert "2027" not in inbox.detail_text.text() and "responsable de campus" in inbox.detail_text.text()
    assert not inbox.keep_mine.isEnabled() and not inbox.keep_theirs.isEnabled() and not inbox.keep_typed.isEnabled()
    assert (
        app.window.navigation.item(SECTIONS.index("sync")).text() == "Synchronisation  (1)"
    )  # it exists, and is counted


def test_a_pc_is_enrolled_from_the_page_and_syncs_at_once(
    qtbot: QtBot, hq: Hq, tmp_path: Path, open_app: Callable[..., App]
) -> None:
    from tests.e2e.conftest import next_campus_code

    server = ensure_running(hq)
    code = server.new_code(next_campus_code())
    app = open_app(tmp_path / "campus", sync_at_start=True)
    w = app.window
    w.go_to(SECTIONS.index("sync"))
    page = w.sync_page
    qtbot.waitUntil(lambda: shown(page.enrol_box), timeout=WAIT_MS)

    page.enrol_box.server.setText("siege.example")
    page.enrol_box.button.click()
    assert page.enrol_box.message.text().startswith("Adresse du siège")

    page.enrol_box.server.setText(server.url)
    page.enrol_box.code.setText("AAAA-BBBB-CCCC-DDDD")
    with qtbot.waitSignal(app.sync.enrol_finished, timeout=WAIT_MS) as refused:
        page.enrol_box.button.click()
    assert refused.args[0] and page.enrol_box.message.text() == refused.args[0]
    assert page.enrol_box.button.isEnabled() and shown(page.enrol_box)

    page.enrol_box.code.setText(code)
    with qtbot.waitSignal(app.sync.activity_changed, timeout=WAIT_MS, check_params_cb=_synced):
        page.enrol_box.button.click()
    qtbot.waitUntil(lambda: not shown(page.enrol_box), timeout=WAIT_MS)
    assert w.offline_label.text() != "Non relié au siège — les données restent sur ce poste"


def _synced(activity: Any) -> bool:
    return str(activity.phase) == "idle" and activity.last_report is not None


def test_records_set_aside_are_listed_with_their_reason(
    qtbot: QtBot, tmp_path: Path, open_app: Callable[..., App]
) -> None:
    data = tmp_path / "sdn"
    store = Store.open(data)
    try:
        with apply.sync_transaction(store.engine) as conn:
            record = {"entity": "person", "id": "p-1", "version": 3, "seq": 9, "data": {"situation": "astronaut"}}
            apply.set_aside(conn, [(record, apply.unstorable_reason(ValueError()))])
    finally:
        store.dispose()
    app = open_app(data)
    app.window.go_to(SECTIONS.index("sync"))
    page = app.window.sync_page
    qtbot.waitUntil(lambda: shown(page.fact_values["set_aside"]), timeout=WAIT_MS)
    text = page.fact_values["set_aside"].text()
    assert page.fact_names["set_aside"].text() == "Mis de côté"
    assert text.startswith("1 enregistrement reçu du siège n’a pas pu être enregistré sur ce poste.")
    assert "Dossier — Valeur inconnue de cette version de l'application" in text
    assert "astronaut" not in text


def test_a_campus_manager_asks_hq_for_the_likely_duplicates_an_advisor_has_no_such_tab(
    qtbot: QtBot, hq: Hq, tmp_path: Path, open_app: Callable[..., App]
) -> None:
    from gn_core.domain.enums import UserRole

    running = ensure_running(hq)
    sdn = enrolled_campus(running, tmp_path / "sdn")
    aub = enrolled_campus(running, tmp_path / "aub", "aub")
    for campus in (sdn, aub):
        campus.sync()
        campus.add_person("Zéphyrine", "Quintal")  # a name no other test of this HQ uses
        campus.sync()
    manager = SignedIn(None, "resp", "Responsable", UserRole.CAMPUS_MANAGER, None)
    gate = CycleGate()
    app = open_app(sdn.data_dir, session=manager, client_factory=gate.client_factory)
    page = app.window.sync_page
    app.window.go_to(SECTIONS.index("sync"))
    assert page.tabs.indexOf(page.duplicates) == 2
    assert page.tabs.tabText(2) == "Doublons probables"
    tab = page.duplicates
    gate.hold()
    app.sync.sync_now()
    qtbot.waitUntil(gate.held.is_set, timeout=WAIT_MS)
    try:
        with qtbot.waitSignal(app.sync.duplicates_finished, timeout=WAIT_MS):  # asked while a cycle runs
            tab.ask_button.click()
        assert app.sync.scheduler is not None and str(app.sync.scheduler.activity.phase) == "syncing"
    finally:
        gate.release()
    qtbot.waitUntil(lambda: tab.table.rowCount() == 2, timeout=WAIT_MS)
    assert tab.state.text() == "1 paire(s) à examiner."
    rows = {tab.table.item(r, 3).text() for r in range(2)}
    assert rows == {f"Campus {sdn.code}", f"Campus {aub.code}"}
    assert tab.table.item(0, 1).text() == "Zéphyrine Quintal"

    app.window.sign_in_as(SignedIn(None, "conseil", "Conseil", UserRole.ADVISOR, None))
    assert page.tabs.indexOf(page.duplicates) == -1
