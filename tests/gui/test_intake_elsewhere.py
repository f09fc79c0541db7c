"""Search before create asks HQ (issue 18, item 4), in the app, with a real HQ and two campus PCs: while the advisor
types, intake learns the person is followed at another campus and asks for a share with the person's consent; the
other campus accepts in its Synchronisation page and the file arrives at the next sync. The questions (the lookup,
the request, the list of requests) are answered while a long sync cycle of the PC asking them is still running."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from gn_core.domain.enums import UserRole
from gn_desktop.services.auth import SignedIn
from gn_desktop.store import models as m
from gn_desktop.sync.scheduler import Phase
from gn_desktop.views.intake.elsewhere import campus_words
from gn_desktop.views.main_window import SECTIONS
from tests.e2e.conftest import Campus, Hq
from tests.e2e.test_transfers import _advisor
from tests.gui.sync_app import WAIT_MS, App, CycleGate
from tests.gui.test_sync_page import sync_now
from tests.support.live_hq import enrolled_campus, ensure_running

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


def _user_id(campus: Campus, username: str) -> str:
    store = campus.store()
    try:
        with store.reading() as session:
            found = session.scalar(select(m.User.id).where(m.User.username == username))
    finally:
        store.dispose()
    assert found is not None
    return str(found)


def test_intake_shows_the_campus_following_the_person_and_a_share_request_brings_the_file(
    qtbot: QtBot,
    hq: Hq,
    tmp_path: Path,
    open_app: Callable[..., App],
) -> None:
    running = ensure_running(hq)
    sdn = enrolled_campus(running, tmp_path / "sdn")
    aub = enrolled_campus(running, tmp_path / "aub", "aub")
    sdn.sync()
    aub.sync()
    _advisor(running, sdn, "conseil.sdn.gui")
    pid = sdn.add_person("Zoubida", "Hamdani")  # a name no other test of this HQ uses
    sdn.edit(pid, birth_date=date(2001, 9, 30))
    sdn.sync()
    aub.sync()
    sdn.sync()  # each PC knows the other campus

    aub_gate, sdn_gate = CycleGate(), CycleGate()
    accueil = SignedIn(None, "accueil", "Accueil", UserRole.ADVISOR, None)
    app = open_app(aub.data_dir, session=accueil, client_factory=aub_gate.client_factory)
    window = app.window
    window.go_to(SECTIONS.index("intake"))
    page = window.intake
    notice = page.elsewhere
    aub_gate.hold()
    app.sync.sync_now()  # a long cycle (a first sync, a catch-up after a day offline) runs while the advisor types
    qtbot.waitUntil(aub_gate.held.is_set, timeout=WAIT_MS)
    try:
        qtbot.keyClicks(page.fields["first_name"], "zoubida")
        qtbot.keyClicks(page.fields["last_name"], "HAMDANI")
        assert notice.isHidden()  # a name alone is not asked
        with qtbot.waitSignal(notice.answered, timeout=WAIT_MS) as answered:
            qtbot.keyClicks(page.fields["birth_date"], "30/09/2001")
        assert answered.args == [1]
        assert not notice.isHidden()
        where = campus_words(f"Campus {sdn.code}")
        assert where == f"de {sdn.code}"  # "T00042": no elision
        expected = f"Cette personne semble déjà suivie au campus {where} (correspondance forte)"
        assert notice._labels[0].text() == f"<b>{expected}</b>"
        share, transfer = notice._buttons[0]
        assert (share.text(), transfer.text()) == ("Demander un &partage", "Demander un &transfert")
        assert not share.isEnabled()  # the person's consent first
        notice.consent.setChecked(True)
        assert share.isEnabled()
        with qtbot.waitSignal(notice.requested, timeout=WAIT_MS):
            share.click()
        assert notice.done.text().startswith(f"Partage demandé au campus {where}. S'il l'accepte")
        assert not share.isEnabled()  # asked once
        assert app.sync.scheduler is not None
        held = app.sync.scheduler.activity
        assert held.phase == Phase.SYNCING and held.last_report is None  # that first cycle still runs
    finally:
        aub_gate.release()
    qtbot.waitUntil(
        lambda: app.sync.activity is not None and app.sync.activity.last_report is not None, timeout=WAIT_MS
    )

    advisor = SignedIn(_user_id(sdn, "conseil.sdn.gui"), "conseil.sdn.gui", "Conseil", UserRole.ADVISOR, None)
    owner = open_app(sdn.data_dir, session=advisor, client_factory=sdn_gate.client_factory)
    owner.window.go_to(SECTIONS.index("sync"))
    sync_page = owner.window.sync_page
    tab = sync_page.requests
    assert sync_page.tabs.tabText(sync_page.tabs.indexOf(tab)) == "Demandes de dossier"
    assert owner.window.requests_label.isHidden()
    sync_now(qtbot, owner)  # each cycle asks how many requests wait: the status bar says so
    assert owner.window.requests_label.text() == "1 demande de dossier à traiter"
    assert not owner.window.requests_label.isHidden()
    assert sync_page.tabs.tabText(sync_page.tabs.indexOf(tab)) == "Demandes de dossier (1)"
    sdn_gate.hold()
    owner.sync.sync_now()
    qtbot.waitUntil(sdn_gate.held.is_set, timeout=WAIT_MS)
    try:
        with qtbot.waitSignal(tab.listed, timeout=WAIT_MS):  # the list comes while that cycle runs
            sync_page.tabs.setCurrentWidget(tab)
        assert owner.sync.scheduler is not None and owner.sync.scheduler.activity.phase == Phase.SYNCING
    finally:
        sdn_gate.release()
    cells = [tab.incoming.item(0, c).text() for c in range(3)]
    assert cells == ["Zoubida Hamdani", f"Campus {aub.code}", "Partage"]
    assert tab.state.text() == "1 demande attend la réponse de ce campus."
    with qtbot.waitSignal(tab.answered, timeout=WAIT_MS) as said:
        tab.accept_button.click()
    assert said.args[0].startswith("Zoubida Hamdani : dossier partagé avec le campus")
    qtbot.waitUntil(lambda: tab.incoming.rowCount() == 0, timeout=WAIT_MS)
    assert owner.window.requests_label.isHidden()

    aub.sync()
    assert pid in aub.people()  # the file arrived with the next pull
