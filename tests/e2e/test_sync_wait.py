"""Long poll (`GET /v1/pull?wait=`, `Syncer.wait_for_news`): an online PC learns of an edit made elsewhere as soon as it
reaches HQ, instead of at its next periodic cycle."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from gn_desktop.sync.engine import Syncer
from tests.e2e.conftest import Campus, enrol_second_pc


def wait_in_thread(campus: Campus, timeout_s: float) -> tuple[threading.Thread, dict[str, object]]:
    out: dict[str, object] = {}

    def run() -> None:
        store = campus.store()
        try:
            start = time.monotonic()
            out["news"] = Syncer(store, campus.data_dir).wait_for_news(timeout_s)
            out["after_s"] = time.monotonic() - start
        finally:
            store.dispose()

    thread = threading.Thread(target=run)
    thread.start()
    return thread, out


def test_an_online_pc_is_woken_by_an_edit_made_on_another_pc(two: tuple[Campus, Campus], tmp_path: Path) -> None:
    a, _other_campus = two
    b = enrol_second_pc(a, tmp_path, "sdn-accueil")  # follows the same people as a
    pid = a.add_person("Samir", "Benali")
    a.sync()
    b.sync()
    thread, out = wait_in_thread(b, 20)
    # whether the edit reaches HQ before B's request or while it waits, B must learn of it at once
    a.edit(pid, phone="+33611223344")
    a.sync()
    thread.join(timeout=30)
    assert out["news"] is True
    assert float(str(out["after_s"])) < 10  # told of the edit, not sent away by the 20 s timeout
    b.sync()
    person = b.person(pid)
    assert person is not None and person["phone"] == "+33611223344"


def test_nothing_new_answers_false_after_the_timeout(two: tuple[Campus, Campus]) -> None:
    _a, b = two
    thread, out = wait_in_thread(b, 1)
    thread.join(timeout=30)
    assert out["news"] is False
    assert float(str(out["after_s"])) >= 0.9
