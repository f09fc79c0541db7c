"""A kiosk not yet enrolled is enrolled by staff from its PIN screen, with a kiosk code from HQ, against a real HQ
process; it then syncs as a kiosk device of its campus (it receives the catalogue, never anyone's file)."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from gn_core.sync_rules import DeviceRole
from gn_desktop.app import build_kiosk_window, build_runner, build_sync
from gn_desktop.services import kiosk
from gn_desktop.store.uow import Store
from gn_desktop.sync.client import HqClient
from gn_desktop.views.i18n import Translations
from tests.e2e.conftest import Hq, next_campus_code

WAIT_MS = 20_000


def test_staff_enrol_a_new_kiosk_from_its_pin_screen(
    qtbot: QtBot, hq: Hq, tmp_path: Path, translations: Translations
) -> None:
    campus_code = next_campus_code()
    hq.new_code(campus_code)  # the campus exists at HQ
    kiosk_code = hq.device_code(campus_code, "kiosk")
    store = Store.open(tmp_path / "kiosk")
    with store.unit_of_work(None) as uow:
        kiosk.set_staff_pin(uow, "2468")
        uow.commit()
    runner = build_runner(store)
    sync = build_sync(
        store,
        tmp_path / "kiosk",
        runner,
        kiosk=True,
        client_factory=lambda u, t: HqClient(u, t, retries=0),
        debounce_s=0.2,
        sync_at_start=False,
    )
    window = build_kiosk_window(translations, runner)
    qtbot.addWidget(window)
    try:
        window.attach_sync(sync, enrolled=False)
        assert sync.scheduler is not None
        sync.scheduler.start()
        window.open_staff_exit()
        exit_screen = window.exit_screen
        assert not exit_screen.enrol.isHidden()
        assert exit_screen.enrol.text() == "Inscrire la borne auprès du siège"
        exit_screen.pin.edit.setText("2468")
        with qtbot.waitSignal(window.screen_changed, timeout=WAIT_MS) as changed:
            exit_screen.enrol.click()
        assert changed.args == ["kiosk-enrol"]
        screen = window.enrol_screen

        screen.submit.click()  # nothing typed: each field says what to type
        assert "Adresse du siège" in screen.server.error.text() and "Code" in screen.code.error.text()

        screen.server.edit.setText("siege.example.invalid")  # typed on the on-screen keyboard: no "https://"
        screen.code.edit.setText(kiosk_code)
        with qtbot.waitSignal(sync.enrol_finished, timeout=WAIT_MS) as unreachable:
            screen.submit.click()
        assert unreachable.args[0].startswith("Siège injoignable")  # tried as https://siege.example.invalid

        screen.server.edit.setText(hq.url)
        screen.code.edit.setText("AAAA-BBBB-CCCC-DDDD")
        with qtbot.waitSignal(sync.enrol_finished, timeout=WAIT_MS) as refused:
            screen.submit.click()
        assert refused.args[0] and screen.message.text() == "⚠ " + refused.args[0]
        assert screen.submit.isEnabled()

        screen.code.edit.setText(kiosk_code.lower())  # as typed on the on-screen keyboard
        with qtbot.waitSignal(window.enrolled, timeout=WAIT_MS):
            screen.submit.click()
        assert screen.status.text().startswith("La borne est inscrite") and not screen.message.text()
        assert store.role is DeviceRole.KIOSK
        assert exit_screen.enrol.isHidden()  # enrolled once
        qtbot.waitUntil(lambda: bool(_campus_code(store)), timeout=WAIT_MS)  # its first sync brought its campus
        assert _campus_code(store) == campus_code
        with qtbot.waitSignal(window.screen_changed, timeout=WAIT_MS) as changed:
            screen.cancel.click()
        assert changed.args == ["kiosk-welcome"]
    finally:
        window.allow_close()
        sync.stop()
        runner.shutdown()
        store.dispose()


def _campus_code(store: Store) -> str | None:
    from gn_desktop.store import models as m

    with store.reading() as session:
        campus_id = store.campus_id
        campus = session.get(m.Campus, campus_id) if campus_id else None
        return campus.code if campus is not None else None
