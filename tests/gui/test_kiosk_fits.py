"""Nothing on the kiosk is clipped: every screen, rendered at sizes from a 1024×600 panel to a 4K screen, in French,
English and Arabic, at 100 % and 200 % text, shows every label and button whole.

One window per size is reused for every language, text size and screen (screens are prepared as for the README's
screenshots, with the renderer's sample programmes and events). A text is clipped when its widget is smaller than
the text needs (one line: the line's width and height; wrapped: the height for its width, and its longest word on one
line) or when the widget sticks out of one of its ancestors — scrolled pages count only sideways: what is below the
fold is reached by scrolling, what is past the right edge is not.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QLabel,
    QScrollArea,
    QStyle,
    QStyleOptionComboBox,
    QWidget,
)
from pytestqt.qtbot import QtBot

from gn_desktop.views.i18n import Translations
from gn_desktop.views.kiosk import SCREEN_NAMES, build_kiosk
from gn_desktop.views.kiosk.render import ImmediateRunner, prepare_screen, sample_services
from gn_desktop.views.kiosk.widgets import KioskButton
from gn_desktop.views.kiosk.window import KioskWindow

SIZES = ((1024, 600), (1280, 800), (1920, 1080), (3840, 2160))
LANGUAGES = ("fr", "en", "ar")
TEXT_SCALES = (1.0, 2.0)
#: rounding of font metrics
SLACK_PX = 1


def _sticks_out(widget: QWidget, window: QWidget) -> str:
    """Which ancestor `widget` sticks out of ("" when none): it would be cut at that ancestor's edge."""
    rect = QRect(QPoint(0, 0), widget.size())
    child, parent = widget, widget.parentWidget()
    while parent is not None:
        rect.translate(child.pos())
        bounds = parent.rect()
        scroll = parent.parentWidget()
        if isinstance(scroll, QScrollArea) and parent is scroll.viewport():
            if rect.left() < bounds.left() or rect.right() > bounds.right():
                return f"the side of its page ({rect.left()}..{rect.right()} in 0..{bounds.right()})"
            rect = rect.intersected(bounds)  # below the fold: reached by scrolling
            if rect.isEmpty():
                return ""
        elif not bounds.contains(rect):
            name = parent.objectName() or type(parent).__name__
            return f"{name} ({rect.getRect()} in {bounds.getRect()})"
        if parent is window:
            return ""
        child, parent = parent, parent.parentWidget()
    return ""


def _label_cut(label: QLabel) -> str:
    """Why `label` cannot show its whole text ("" when it can)."""
    metrics = label.fontMetrics()
    room = label.contentsRect()
    if label.wordWrap():
        longest = max((metrics.horizontalAdvance(word) for word in label.text().split()), default=0)
        if longest > room.width() + SLACK_PX:
            return f"a word needs {longest} px, the label has {room.width()}"
        needed = label.heightForWidth(label.width())
        if needed > label.height() + SLACK_PX:
            return f"needs {needed} px high, has {label.height()}"
        return ""
    lines = label.text().split("\n")
    width = max(metrics.horizontalAdvance(line) for line in lines)
    height = metrics.height() * len(lines)
    if width > room.width() + SLACK_PX or height > room.height() + SLACK_PX:
        return f"needs {width}×{height} px, has {room.width()}×{room.height()}"
    return ""


def _combo_cut(combo: QComboBox) -> str:
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    field = combo.style().subControlRect(
        QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, combo
    )
    needed = combo.fontMetrics().horizontalAdvance(combo.currentText())
    return f"needs {needed} px, shows {field.width()}" if needed > field.width() + SLACK_PX else ""


def clipped_texts(window: QWidget) -> list[str]:
    """Every visible text of `window` that is not shown whole, with why."""
    found = []
    for label in window.findChildren(QLabel):
        if label.isVisible() and label.text():
            why = _label_cut(label) or _sticks_out(label, window)
            if why:
                found.append(f"{label.text()!r}: {why}")
    # buttons draw their own text (a KioskButton's is its label, checked above)
    for button in window.findChildren(QAbstractButton):
        if button.isVisible() and button.text() and not isinstance(button, KioskButton):
            needed = button.fontMetrics().horizontalAdvance(button.text())
            why = f"needs {needed} px, has {button.width()}" if needed > button.width() else ""
            why = why or _sticks_out(button, window)
            if why:
                found.append(f"{button.text()!r}: {why}")
    for combo in window.findChildren(QComboBox):
        if combo.isVisible():
            why = _combo_cut(combo) or _sticks_out(combo, window)
            if why:
                found.append(f"{combo.currentText()!r}: {why}")
    return found


def _settle() -> None:
    # layouts are computed from posted events; a grid that reflows posts more
    for _ in range(3):
        QApplication.sendPostedEvents()
        QApplication.processEvents()


@pytest.fixture
def kiosk_window(qtbot: QtBot, translations: Translations) -> Iterator[KioskWindow]:
    runner = ImmediateRunner()
    window = build_kiosk(translations, runner, services=sample_services())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.allow_close()


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_no_text_is_clipped_on_any_screen(
    kiosk_window: KioskWindow, translations: Translations, size: tuple[int, int]
) -> None:
    problems = []
    kiosk_window.resize(*size)
    for lang in LANGUAGES:
        translations.set_language(lang)
        for scale in TEXT_SCALES:
            kiosk_window.set_text_scale(scale)
            for name in SCREEN_NAMES:
                kiosk_window.go_home()
                kiosk_window.idle_overlay.hide()
                prepare_screen(kiosk_window, name)
                _settle()
                image = kiosk_window.grab().toImage()
                where = f"{name} {size[0]}×{size[1]} {lang} {round(scale * 100)} %"
                assert (image.width(), image.height()) == size, f"{where}: the window does not fit the screen"
                problems += [f"{where}: {problem}" for problem in clipped_texts(kiosk_window)]
    assert not problems, "clipped:\n" + "\n".join(problems)
