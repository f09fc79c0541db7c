"""Every view issue #14 added renders in French and in English at 1280×800, as `gn-desktop screenshot` draws it for the
README (`screenshots.shown_view`, over a small demo campus): the window needs no more room than the screen, and no
text of the interface is left in the other language.

A text is "left in the other language" when a label, button, group box, tab, column header, menu entry, placeholder or
chosen item shows, whole, a string of the catalogue (`resources/translations/gn_desktop_fr.ts`) or a domain label
(`gn_core.domain.labels`) in the language not chosen — strings that read the same in both languages do not count.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from enum import StrEnum
from functools import cache
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMenuBar,
    QTabBar,
    QWidget,
)

from gn_core.domain import enums
from gn_core.domain.labels import label
from gn_desktop.screenshots import SCREENSHOT_VIEWS, shown_view
from gn_desktop.services import demo
from gn_desktop.store.uow import Store

from .conftest import ROOT

#: the views of issue #14 (a person's file corrected and completed, appointments, caseload, preferences)
FOLLOW_UP_VIEWS = (
    "person-edit",
    "person-conflict",
    "consents-tab",
    "consent-withdraw",
    "rqth",
    "erase",
    "appointments",
    "caseload",
    "reassign",
    "preferences",
    "password",
)

pytestmark = pytest.mark.qt_log_ignore("does not support", "This plugin")


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A campus with a few hundred demo people (enough for every view: RQTH, a manager, appointments due)."""
    data_dir = tmp_path_factory.mktemp("demo-campus")
    store = Store.open(data_dir)
    try:
        demo.generate(store, people=200, seed=1)
    finally:
        store.dispose()
    return data_dir


@cache
def _only_in() -> dict[str, frozenset[str]]:
    """For each language, the interface texts that read differently in the other one."""
    pairs: list[tuple[str, str]] = []  # (English, French)
    root = ET.parse(ROOT / "resources" / "translations" / "gn_desktop_fr.ts").getroot()
    for message in root.iter("message"):
        source, translation = message.findtext("source"), message.find("translation")
        if source and translation is not None and message.get("numerus") != "yes" and translation.text:
            pairs.append((source, translation.text))
    for vocabulary in vars(enums).values():
        if isinstance(vocabulary, type) and issubclass(vocabulary, StrEnum) and vocabulary is not StrEnum:
            pairs += [(label(value, "en"), label(value, "fr")) for value in vocabulary]
    english = {en for en, fr in pairs if en != fr}
    french = {fr for en, fr in pairs if en != fr}
    return {"en": frozenset(english - french), "fr": frozenset(french - english)}


def _texts(widget: QWidget) -> Iterator[str]:
    """What `widget` shows of the interface (not the data of its tables)."""
    if isinstance(widget, QLabel | QAbstractButton):
        yield widget.text()
    elif isinstance(widget, QGroupBox):
        yield widget.title()
    elif isinstance(widget, QTabBar):
        yield from (widget.tabText(i) for i in range(widget.count()))
    elif isinstance(widget, QLineEdit):
        yield widget.placeholderText()
    elif isinstance(widget, QComboBox):
        yield widget.currentText()
    elif isinstance(widget, QMenu | QMenuBar):
        yield from (action.text() for action in widget.actions())
    elif isinstance(widget, QHeaderView) and widget.orientation() == Qt.Orientation.Horizontal:
        model = widget.model()
        yield from (str(model.headerData(c, Qt.Orientation.Horizontal) or "") for c in range(widget.count()))


@pytest.mark.parametrize("view", FOLLOW_UP_VIEWS)
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_each_follow_up_view_fits_1280_by_800_in_its_language(
    qapp: QApplication, demo_dir: Path, view: str, lang: str
) -> None:
    assert view in SCREENSHOT_VIEWS
    other = "en" if lang == "fr" else "fr"
    with shown_view(demo_dir, view=view, size="1280x800", lang=lang) as window:
        needed = window.minimumSizeHint()
        assert needed.width() <= 1280 and needed.height() <= 800, f"{view} needs {needed.width()}×{needed.height()}"
        assert (window.width(), window.height()) == (1280, 800)
        shown = [w for w in window.findChildren(QWidget) if w.isVisible()]
        leftovers = sorted({t for w in shown for t in _texts(w) if t in _only_in()[other]})
        assert not leftovers, f"{view} in {lang} shows texts in {other}: {leftovers}"
