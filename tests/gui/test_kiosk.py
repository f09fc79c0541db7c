"""The kiosk welcome screen: live language switch (Arabic right to left), nothing personal on screen."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from gn_desktop.app import build_kiosk_window
from gn_desktop.store.uow import Store
from gn_desktop.views.i18n import Translations
from gn_desktop.views.kiosk.window import KioskWindow


@pytest.fixture
def kiosk(qtbot: QtBot, translations: Translations) -> Iterator[KioskWindow]:
    window = build_kiosk_window(translations)
    window.resize(1920, 1080)
    qtbot.addWidget(window)
    yield window


def _visible_texts(widget: QWidget) -> list[str]:
    texts = [w.text() for w in widget.findChildren(QLabel)]
    texts += [b.text() for b in widget.findChildren(QAbstractButton)]
    return [t for t in texts if t]


def test_french_welcome_with_journeys_coming_soon(kiosk: KioskWindow) -> None:
    assert kiosk.welcome.text() == "Bienvenue au campus"
    assert [b.text() for b in kiosk.journeys.values()] == [
        "Je suis arrivé(e)",
        "M'inscrire",
        "Découvrir les formations",
    ]
    assert all(not b.isEnabled() for b in kiosk.journeys.values())
    assert {label.text() for label in kiosk.soon_labels} == {"Bientôt disponible"}
    assert kiosk.language_buttons["fr"].isChecked()
    assert QApplication.layoutDirection() == Qt.LayoutDirection.LeftToRight


def test_switching_to_arabic_flips_the_layout_and_back(qtbot: QtBot, kiosk: KioskWindow) -> None:
    qtbot.mouseClick(kiosk.language_buttons["ar"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: kiosk.welcome.text() == "مرحبًا بكم في المركز")
    assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert kiosk.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert kiosk.journeys["arrived"].text() == "لقد وصلت"
    assert kiosk.soon_labels[0].text() == "قريبًا"
    assert kiosk.language_buttons["ar"].isChecked()
    # The language bar stays where the visitor found it.
    assert kiosk.language_bar.layoutDirection() == Qt.LayoutDirection.LeftToRight

    qtbot.mouseClick(kiosk.language_buttons["en"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: kiosk.welcome.text() == "Welcome to the campus")
    assert QApplication.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert kiosk.journeys["sign-up"].text() == "Sign me up"

    qtbot.mouseClick(kiosk.language_buttons["fr"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: kiosk.welcome.text() == "Bienvenue au campus")


def test_the_kiosk_shows_no_personal_data(
    qtbot: QtBot,
    kiosk: KioskWindow,
    translations: Translations,
    store: Store,
    add_person: Callable[..., str],
) -> None:
    add_person("Yasmina", "Belkacem")
    add_person("Théo", "Marchand")
    other = build_kiosk_window(translations)
    qtbot.addWidget(other)
    for window in (kiosk, other):
        shown = " ".join(_visible_texts(window))
        for name in ("Yasmina", "Belkacem", "Théo", "Marchand"):
            assert name not in shown
