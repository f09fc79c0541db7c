"""The Qt binding must not corrupt Python's reference counts (PySide6 6.12.0 on CPython 3.11 does)."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot


def test_thousands_of_qt_calls_leave_none_true_and_false_alone(qtbot: QtBot) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    before = (sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False))
    for _ in range(2000):
        label.setText("Bonjour")  # returns None
        label.isVisible()  # returns a bool
    after = (sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False))
    # A leak-free binding moves these counts by a handful at most; the broken one by thousands (then aborts).
    assert all(abs(a - b) < 100 for a, b in zip(before, after, strict=True)), (before, after)
