"""Helpers of the workspace GUI tests: build the window, sign in through the real form."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from gn_desktop.app import build_main_window
from gn_desktop.views.main_window import MainWindow
from gn_desktop.views.tasks import TaskRunner

from .conftest import PASSWORD


def open_window(qtbot: QtBot, runner: TaskRunner, lock_after_s: float = 600) -> MainWindow:
    win = build_main_window(runner, lock_after_s=lock_after_s)
    qtbot.addWidget(win)
    return win


def sign_in(qtbot: QtBot, win: MainWindow, username: str = "conseil.sdn", password: str = PASSWORD) -> None:
    """Type the username and password and press Enter, as an advisor does; waits for the workspace."""
    page = win.sign_in_page
    page.username.clear()
    qtbot.keyClicks(page.username, username)
    qtbot.keyClick(page.username, Qt.Key.Key_Return)  # moves to the password
    qtbot.keyClicks(page.password, password)
    with qtbot.waitSignal(win.signed_in, timeout=10_000):
        qtbot.keyClick(page.password, Qt.Key.Key_Return)
