"""A campus app with its own sync thread (`gn_desktop.app.build_sync`), as the sync GUI tests open it against a real
`gn-hq serve` (the `hq` and `open_app` fixtures of tests/gui/conftest.py)."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
from pytestqt.qtbot import QtBot

from gn_desktop.app import build_main_window, build_runner, build_sync
from gn_desktop.services.auth import SignedIn
from gn_desktop.store.uow import Store
from gn_desktop.sync.client import HqClient
from gn_desktop.views.main_window import MainWindow
from gn_desktop.views.sync_bridge import SyncBridge
from gn_desktop.views.tasks import TaskRunner

WAIT_MS = 30_000
NOBODY = SignedIn(None, "test", "Test", None, None)


@dataclass
class App:
    """One campus app: its store, task runner, sync thread and advisor window."""

    store: Store
    runner: TaskRunner
    sync: SyncBridge
    window: MainWindow
    #: what the Synchronisation page and the status bar said at each report of the sync thread
    said: list[tuple[str, str]] = field(default_factory=list)


class CycleGate:
    """Holds an app's sync cycles at their first call to HQ (`GET /v1/status`, which only a cycle makes) between
    `hold()` and `release()` — in the app, a first sync or a catch-up that takes tens of seconds; `held` is set once a
    cycle waits. Open the app with `client_factory=gate.client_factory` (no retries, like the default)."""

    def __init__(self) -> None:
        self.held = threading.Event()
        self._open = threading.Event()
        self._open.set()

    def hold(self) -> None:
        self.held.clear()
        self._open.clear()

    def release(self) -> None:
        self._open.set()

    def client_factory(self, url: str, token: str | None) -> HqClient:
        return HqClient(url, token, retries=0, transport=_GatedTransport(self))


class _GatedTransport(httpx.HTTPTransport):
    def __init__(self, gate: CycleGate) -> None:
        super().__init__()
        self._gate = gate

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if request.url.path == "/v1/status" and not self._gate._open.is_set():
            self._gate.held.set()
            self._gate._open.wait(4 * WAIT_MS / 1000)  # a safety net: the tests release it
        return super().handle_request(request)


@contextlib.contextmanager
def campus_apps(qtbot: QtBot) -> Iterator[Callable[..., App]]:
    """Opens apps on data directories — signed in as `session`, the sync thread started (by default without a first
    cycle at once: `sync_at_start`), HQ unreachable reported at once (no retries in the client) — and closes them."""
    opened: list[App] = []

    def open_(data_dir: Path, *, session: SignedIn = NOBODY, client_factory: Any = None, **options: Any) -> App:
        store = Store.open(data_dir)
        runner = build_runner(store)
        options.setdefault("debounce_s", 0.2)
        options.setdefault("sync_at_start", False)
        if client_factory is None:
            client_factory = lambda u, t: HqClient(u, t, retries=0)  # noqa: E731
        sync = build_sync(store, data_dir, runner, client_factory=client_factory, **options)
        window = build_main_window(runner, lock_after_s=600, sync=sync)
        qtbot.addWidget(window)
        app = App(store, runner, sync, window)
        sync.activity_changed.connect(
            lambda _a: app.said.append((window.sync_page.progress_label.text(), window.offline_label.text()))
        )
        opened.append(app)
        with qtbot.waitSignal(window.sync_page.loaded, timeout=WAIT_MS):
            window.sign_in_as(session)
        assert sync.scheduler is not None
        sync.scheduler.start()
        return app

    try:
        yield open_
    finally:
        for app in opened:
            app.sync.stop()
            app.runner.shutdown()
            app.store.dispose()
