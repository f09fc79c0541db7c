"""Every page of the advisor window fits a 1280×800 campus screen, in French and in English."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from gn_desktop.app import build_main_window
from gn_desktop.services.auth import SignedIn
from gn_desktop.views.i18n import Translations
from gn_desktop.views.tasks import TaskRunner


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_no_page_needs_more_than_1280_by_800(
    qtbot: QtBot, runner: TaskRunner, translations: Translations, lang: str
) -> None:
    assert translations.set_language(lang)
    win = build_main_window(runner, lock_after_s=600)
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.home.loaded, timeout=10_000):
        win.sign_in_as(SignedIn(None, "test", "Test", None, None))
    needed = win.minimumSizeHint()
    # the window is resized to its minimum when a page asks for more: the advisor would lose the right edge
    assert needed.width() <= 1280, f"the window needs {needed.width()} px in {lang}"
    assert needed.height() <= 800, f"the window needs {needed.height()} px in {lang}"
