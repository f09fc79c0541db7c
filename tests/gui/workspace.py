"""Helpers of the workspace GUI tests: build the window, sign in through the real form, click as the mouse does."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QCheckBox, QStyle, QStyleOptionButton, QTabWidget, QWidget
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


def click(qtbot: QtBot, widget: QWidget) -> None:
    """A left click in the middle of `widget` (a button, a check box), as the mouse does it."""
    assert widget.isVisible() and widget.isEnabled(), f"{widget.objectName()} cannot be clicked"
    where = widget.rect().center()
    if isinstance(widget, QCheckBox):  # only its box and its text take the click, not the width the layout gave it
        option = QStyleOptionButton()
        widget.initStyleOption(option)
        where = widget.style().subElementRect(QStyle.SubElement.SE_CheckBoxClickRect, option, widget).center()
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=where)


def click_row(qtbot: QtBot, table: QAbstractItemView, row: int) -> None:
    """A click on the first cell of `row` of a table or list (which selects the row)."""
    index = table.model().index(row, 0)
    table.scrollTo(index)
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(index).center())


def click_tab(qtbot: QtBot, tabs: QTabWidget, page: QWidget) -> None:
    """A click on the tab of `page`."""
    bar = tabs.tabBar()
    index = tabs.indexOf(page)
    assert index >= 0
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    assert tabs.currentWidget() is page


def type_text(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Type `text` key by key into `widget`, accents included (`qtbot.keyClicks` aborts on a non-ASCII letter)."""
    for char in text:
        if char.isascii():
            qtbot.keyClicks(widget, char)
        else:
            QTest.sendKeyEvent(QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, char, Qt.KeyboardModifier.NoModifier)
