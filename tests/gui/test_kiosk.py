"""The self-service kiosk: each flow, the idle wipe, the staff exit, Arabic right to left, accessibility, privacy.

Tests wait on the window's signals (never sleep) and use short timings through `KioskConfig`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta

import pytest
from PySide6.QtCore import QCoreApplication, QPoint, QRect, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from gn_core.domain import enums as e
from gn_desktop.services import events, followup, kiosk, partners
from gn_desktop.store import models as m
from gn_desktop.store.uow import Store
from gn_desktop.views.i18n import Translations
from gn_desktop.views.kiosk import SCREEN_NAMES, build_kiosk, render_kiosk_screen, theme
from gn_desktop.views.kiosk.base import accessible_widgets, shown_texts
from gn_desktop.views.kiosk.render import ImmediateRunner, prepare_screen, sample_services
from gn_desktop.views.kiosk.window import KioskConfig, KioskWindow
from gn_desktop.views.tasks import TaskRunner

FAST = KioskConfig(idle_ms=60_000, wipe_ms=60_000, long_press_ms=30, retry_delay_ms=10)


@pytest.fixture
def make_kiosk(qtbot: QtBot, translations: Translations, runner: TaskRunner) -> Iterator[Callable[..., KioskWindow]]:
    windows: list[KioskWindow] = []

    def make(config: KioskConfig = FAST, size: tuple[int, int] = (1280, 800)) -> KioskWindow:
        window = build_kiosk(translations, runner, config=config)
        window.resize(*size)
        qtbot.addWidget(window)
        window.show()
        window.activateWindow()
        qtbot.waitExposed(window)
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.allow_close()


def _appointment(store: Store, person_id: str) -> str:
    with store.unit_of_work(None) as uow:
        at = datetime.now(UTC) + timedelta(minutes=5)
        if at.astimezone().date() != datetime.now().astimezone().date():  # just before midnight: today's still
            at = datetime.now(UTC)
        appt_id = followup.book_appointment(uow, person_id, at)
        code = uow.session.get(m.Appointment, appt_id).code  # type: ignore[union-attr]
        uow.commit()
    assert code is not None
    return code


def _type_into_focus(qtbot: QtBot, text: str) -> None:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    qtbot.keyClicks(widget, text)


def _press(qtbot: QtBot, key: Qt.Key) -> None:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    qtbot.keyClick(widget, key)


def test_check_in_by_code_with_the_keyboard_alone(
    qtbot: QtBot, make_kiosk: Callable[..., KioskWindow], store: Store, add_person: Callable[..., str]
) -> None:
    code = _appointment(store, add_person("Awa", "Diallo"))
    kiosk_window = make_kiosk()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is kiosk_window.welcome.journeys["checkin"])
    with qtbot.waitSignal(kiosk_window.screen_changed):
        _press(qtbot, Qt.Key.Key_Return)
    assert kiosk_window.current_screen == "kiosk-checkin"
    _type_into_focus(qtbot, code)
    with qtbot.waitSignal(kiosk_window.ticket_shown, timeout=10_000) as ticket:
        _press(qtbot, Qt.Key.Key_Return)
    assert ticket.args == ["R001"]
    assert kiosk_window.ticket.title.text() == "Bienvenue, Awa"
    assert "Diallo" not in " ".join(shown_texts(kiosk_window))
    with store.reading() as s:
        visit = s.scalars(select(m.Visit)).one()
        appt = s.get(m.Appointment, visit.appointment_id)
        assert visit.status == e.VisitStatus.WAITING and appt is not None
        assert appt.status == e.AppointmentStatus.ARRIVED  # the advisor's home shows the arrival
    with qtbot.waitSignal(kiosk_window.wiped):
        _press(qtbot, Qt.Key.Key_Return)  # "Finish" has the focus
    assert kiosk_window.current_screen == "kiosk-welcome" and kiosk_window.ticket.ticket.text() == ""


def test_check_in_by_name_refuses_without_saying_why_then_greets(
    qtbot: QtBot, make_kiosk: Callable[..., KioskWindow], store: Store, add_person: Callable[..., str]
) -> None:
    _appointment(store, add_person("Yasmina", "Belkacem", "2001-02-14"))
    kiosk_window = make_kiosk()
    qtbot.mouseClick(kiosk_window.welcome.journeys["checkin"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(kiosk_window.checkin.name_mode, Qt.MouseButton.LeftButton)
    screen = kiosk_window.checkin
    screen.first_name.edit.setText("yasmina")
    screen.last_name.edit.setText("belkacem")
    screen.birth_date.edit.setText("15/02/2001")
    with qtbot.waitSignal(kiosk_window.failed, timeout=10_000):
        qtbot.mouseClick(screen.submit, Qt.MouseButton.LeftButton)
    assert "pas trouvé votre rendez-vous" in screen.error.text()
    qtbot.waitUntil(screen.submit.isEnabled)  # a pause before the next try
    screen.birth_date.edit.setText("14/02/2001")
    with qtbot.waitSignal(kiosk_window.ticket_shown, timeout=10_000):
        qtbot.mouseClick(screen.submit, Qt.MouseButton.LeftButton)
    assert kiosk_window.ticket.title.text() == "Bienvenue, Yasmina"


def test_on_screen_keyboard_and_keypad_type_into_the_focused_field(
    qtbot: QtBot, make_kiosk: Callable[..., KioskWindow]
) -> None:
    kiosk_window = make_kiosk()
    kiosk_window.show_screen("kiosk-checkin")
    for key in kiosk_window.checkin.keypad.keys[:3]:
        qtbot.mouseClick(key, Qt.MouseButton.LeftButton)
    assert kiosk_window.checkin.code.value() == "123"
    kiosk_window.checkin.set_mode("name")
    kiosk_window.show_screen("kiosk-checkin")  # focuses the first name
    qtbot.mouseClick(kiosk_window.checkin.keyboard.shift, Qt.MouseButton.LeftButton)
    a_key = next(k for k in kiosk_window.checkin.keyboard.letter_keys if k.text() == "A")
    qtbot.mouseClick(a_key, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(a_key, Qt.MouseButton.LeftButton)
    assert kiosk_window.checkin.first_name.value() == "Aa"


def test_pre_registration_in_english_shows_translated_errors_then_a_ticket(
    qtbot: QtBot, make_kiosk: Callable[..., KioskWindow], store: Store
) -> None:
    kiosk_window = make_kiosk()
    qtbot.mouseClick(kiosk_window.header.language_buttons["en"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(kiosk_window.welcome.journeys["new"], Qt.MouseButton.LeftButton)
    screen = kiosk_window.new_visitor
    with qtbot.waitSignal(kiosk_window.failed, timeout=10_000):
        qtbot.mouseClick(screen.submit, Qt.MouseButton.LeftButton)
    assert screen.first_name.error.text() == "⚠ First name: please fill it in."
    assert screen.phone.error.text().startswith("⚠ Phone:")
    assert "I agree" in screen.consent.error.text()
    screen.first_name.edit.setText("Inès")
    screen.last_name.edit.setText("Benali")
    screen.birth_date.edit.setText("14/02/2001")
    screen.phone.edit.setText("06 12 34 56 78")
    screen.commune.setCurrentIndex(screen.commune.findData("93048"))
    qtbot.mouseClick(screen.reasons["training"], Qt.MouseButton.LeftButton)
    screen.accessibility.edit.setText("wheelchair")
    screen.consent.box.setChecked(True)
    with qtbot.waitSignal(kiosk_window.ticket_shown, timeout=10_000) as ticket:
        qtbot.mouseClick(screen.submit, Qt.MouseButton.LeftButton)
    assert ticket.args == ["N001"]
    assert kiosk_window.ticket.title.text() == "Thank you"
    assert screen.first_name.value() == "" and not screen.first_name.edit.isUndoAvailable()
    with store.reading() as s:
        pre = s.scalars(select(m.PreRegistration)).one()
        assert (pre.first_name, pre.language, pre.commune_insee) == ("Inès", "en", "93048")


def test_jobs_screen_explains_families_and_lists_sessions_near_home(
    qtbot: QtBot, make_kiosk: Callable[..., KioskWindow], store: Store
) -> None:
    with store.unit_of_work(None) as uow:
        simplon = uow.session.scalar(select(m.Partner.id).where(m.Partner.name == "Simplon"))
        assert simplon is not None
        with uow.as_reference():  # HQ's catalogue
            programme = partners.create_programme(uow, simplon, "Analyste de données", "data", 16)
        start = date.today() + timedelta(days=20)
        partners.add_session(uow, programme, start, start + timedelta(weeks=16), 12, campus_id=store.campus_id)
        uow.commit()
    kiosk_window = make_kiosk()
    with qtbot.waitSignal(kiosk_window.offers_shown, timeout=10_000):
        qtbot.mouseClick(kiosk_window.welcome.journeys["jobs"], Qt.MouseButton.LeftButton)
    screen = kiosk_window.jobs
    with qtbot.waitSignal(kiosk_window.offers_shown, timeout=10_000):
        screen.commune.setCurrentIndex(screen.commune.findData("93066"))
    with qtbot.waitSignal(kiosk_window.offers_shown, timeout=10_000):
        qtbot.mouseClick(screen.families["data"], Qt.MouseButton.LeftButton)
    texts = " ".join(shown_texts(screen))
    assert "Analyste de données — Simplon" in texts
    assert "Campus Saint-Denis, à environ 0,0 km de chez vous" in texts
    assert "Les métiers de la data" in screen.explanation.text()


def test_event_self_registration_asks_only_a_name_and_a_contact(
    qtbot: QtBot, make_kiosk: Callable[..., KioskWindow], store: Store
) -> None:
    start = datetime.now(UTC) + timedelta(days=3)
    with store.unit_of_work(None) as uow:
        events.create_event(uow, "Hackathon IA", "hackathon", start, start + timedelta(hours=8))
        uow.commit()
    kiosk_window = make_kiosk()
    with qtbot.waitSignal(kiosk_window.events_shown, timeout=10_000):
        qtbot.mouseClick(kiosk_window.welcome.journeys["events"], Qt.MouseButton.LeftButton)
    screen = kiosk_window.events
    (button,) = screen.signup_buttons.values()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert set(screen.fields) == {"first_name", "last_name", "phone", "email"}
    screen.first_name.edit.setText("Sam")
    screen.last_name.edit.setText("Ortiz")
    screen.email.edit.setText("sam@example.fr")
    screen.consent.box.setChecked(True)
    with qtbot.waitSignal(kiosk_window.event_booked, timeout=10_000):
        qtbot.mouseClick(screen.submit, Qt.MouseButton.LeftButton)
    assert screen.confirmation.isVisible() and screen.first_name.value() == ""


def test_idle_visitor_is_asked_then_everything_is_wiped(qtbot: QtBot, make_kiosk: Callable[..., KioskWindow]) -> None:
    kiosk_window = make_kiosk(KioskConfig(idle_ms=200, wipe_ms=200))
    kiosk_window.set_language("ar")
    kiosk_window.show_screen("kiosk-new")
    qtbot.keyClicks(kiosk_window.new_visitor.first_name.edit, "Karim")
    kiosk_window.set_text_scale(2.0)
    with qtbot.waitSignal(kiosk_window.idle_warning, timeout=5_000):
        pass
    assert kiosk_window.idle_overlay.isVisible()
    assert kiosk_window.idle_overlay.question.text() == "هل ما زلت هنا؟"
    with qtbot.waitSignal(kiosk_window.wiped, timeout=5_000):
        pass
    edit = kiosk_window.new_visitor.first_name.edit
    assert edit.text() == "" and not edit.isUndoAvailable()  # Ctrl+Z cannot bring it back
    assert kiosk_window.current_screen == "kiosk-welcome"
    assert kiosk_window.language() == "fr" and kiosk_window.text_scale() == 1.0
    assert QApplication.layoutDirection() == Qt.LayoutDirection.LeftToRight


def test_answering_the_idle_question_keeps_the_visitor_s_work(
    qtbot: QtBot, make_kiosk: Callable[..., KioskWindow]
) -> None:
    kiosk_window = make_kiosk(KioskConfig(idle_ms=200, wipe_ms=60_000))
    kiosk_window.show_screen("kiosk-new")
    kiosk_window.new_visitor.first_name.edit.setText("Karim")
    with qtbot.waitSignal(kiosk_window.idle_warning, timeout=5_000):
        pass
    qtbot.mouseClick(kiosk_window.idle_overlay.continue_button, Qt.MouseButton.LeftButton)
    assert not kiosk_window.idle_overlay.isVisible()
    assert kiosk_window.new_visitor.first_name.value() == "Karim"


def _contrast(a: QColor, b: QColor) -> float:
    lighter, darker = sorted((_luminance(a.name()), _luminance(b.name())), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_the_idle_question_s_button_shows_its_words(
    qtbot: QtBot, make_kiosk: Callable[..., KioskWindow], lang: str
) -> None:
    kiosk_window = make_kiosk(size=(1920, 1080))
    kiosk_window.set_language(lang)
    kiosk_window.show_screen("kiosk-new")
    kiosk_window._on_idle()
    button = kiosk_window.idle_overlay.continue_button
    caption = button.label
    words = QCoreApplication.translate("IdleOverlay", "Yes, I am still here")
    assert words != "Yes, I am still here"  # translated
    qtbot.waitUntil(lambda: caption.text() == words)  # the language change reaches the window
    assert caption.isVisible() and caption.width() >= caption.fontMetrics().horizontalAdvance(caption.text())
    assert caption.height() >= caption.fontMetrics().height()
    # in the rendered image, the words stand out from what is around them (they were white on white)
    button.clearFocus()  # as in a screenshot, or once the visitor touched elsewhere
    image = kiosk_window.grab().toImage()
    area = QRect(caption.mapTo(kiosk_window, QPoint(0, 0)), caption.size())
    dots = [
        image.pixelColor(x, y) for x in range(area.left(), area.right(), 2) for y in range(area.top(), area.bottom(), 2)
    ]
    background = Counter(dot.name() for dot in dots).most_common(1)[0][0]
    ink = [dot for dot in dots if _contrast(dot, QColor(background)) >= 3]
    assert len(ink) > 100, f"the words do not show on {background} ({len(ink)} dots)"


def test_the_kiosk_covers_its_screen_even_without_a_window_manager(
    qtbot: QtBot, make_kiosk: Callable[..., KioskWindow]
) -> None:
    kiosk_window = make_kiosk(size=(770, 600))  # what a plain X display gave the kiosk before
    kiosk_window.show_full_screen()
    screen = kiosk_window.screen()
    assert kiosk_window.geometry() == screen.geometry()
    # a window manager-less display ignores "full screen": the kiosk keeps the screen's geometry itself…
    kiosk_window.setGeometry(0, 0, 770, 600)
    # …and follows a change of resolution
    screen.geometryChanged.emit(screen.geometry())
    assert kiosk_window.geometry() == screen.geometry()


def test_the_event_sign_up_screen_shows_the_form_of_one_event(qapp: QApplication, translations: Translations) -> None:
    kiosk_window = build_kiosk(translations, ImmediateRunner(), services=sample_services())
    try:
        kiosk_window.resize(1920, 1080)
        kiosk_window.show()
        prepare_screen(kiosk_window, "kiosk-event-signup")
        screen = kiosk_window.events
        assert screen.form.isVisible() and not screen.list_panel.isVisible()
        assert screen.form_title.text().startswith("Inscription : ")
        assert screen.first_name.edit.hasFocus() or not kiosk_window.isActiveWindow()
        with_form = screen.form_title.text()
        screen.back.click()
        assert screen.list_panel.isVisible() and not screen.form.isVisible()
        assert with_form.removeprefix("Inscription : ") in " ".join(shown_texts(screen))
    finally:
        kiosk_window.allow_close()
        kiosk_window.close()
        kiosk_window.deleteLater()


def test_staff_exit_needs_the_gesture_and_the_pin_and_slows_wrong_pins(
    qtbot: QtBot, make_kiosk: Callable[..., KioskWindow], store: Store
) -> None:
    with store.unit_of_work(None) as uow:
        kiosk.set_staff_pin(uow, "2468")
        uow.commit()
    kiosk_window = make_kiosk()
    with qtbot.waitSignal(kiosk_window.screen_changed) as changed:
        qtbot.mousePress(kiosk_window.corner, Qt.MouseButton.LeftButton)  # long press in the corner
    assert changed.args == ["kiosk-exit"]
    kiosk_window.go_home()
    with qtbot.waitSignal(kiosk_window.screen_changed) as changed:
        qtbot.keyClick(
            kiosk_window,
            Qt.Key.Key_K,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier,
        )
    assert changed.args == ["kiosk-exit"]
    screen = kiosk_window.exit_screen
    qtbot.keyClicks(screen.pin.edit, "1111")
    with qtbot.waitSignal(kiosk_window.pin_refused, timeout=10_000) as refused:
        qtbot.keyClick(screen.pin.edit, Qt.Key.Key_Return)
    assert refused.args == [1]
    assert not screen.submit.isEnabled() and not screen.keypad.isEnabled()
    assert "Code PIN incorrect" in screen.error.text()
    qtbot.waitUntil(screen.submit.isEnabled, timeout=5_000)
    qtbot.keyClicks(screen.pin.edit, "2468")
    with qtbot.waitSignal(kiosk_window.exit_granted, timeout=10_000):
        qtbot.keyClick(screen.pin.edit, Qt.Key.Key_Return)
    assert not kiosk_window.isVisible()


def test_the_kiosk_cannot_be_closed_without_the_pin(make_kiosk: Callable[..., KioskWindow]) -> None:
    kiosk_window = make_kiosk()
    kiosk_window.close()
    assert kiosk_window.isVisible()
    assert kiosk_window.windowFlags() & Qt.WindowType.FramelessWindowHint


def test_arabic_is_right_to_left_and_the_language_bar_stays_put(
    qtbot: QtBot, make_kiosk: Callable[..., KioskWindow]
) -> None:
    kiosk_window = make_kiosk()
    assert kiosk_window.welcome.title.text() == "Bienvenue au campus"
    qtbot.mouseClick(kiosk_window.header.language_buttons["ar"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: kiosk_window.welcome.title.text() == "مرحبًا بكم في المركز")
    assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert kiosk_window.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert kiosk_window.welcome.journeys["checkin"].text() == "لديّ موعد"
    assert kiosk_window.header.language_bar.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert kiosk_window.checkin.keypad.layoutDirection() == Qt.LayoutDirection.LeftToRight
    # the first journey sits on the right in Arabic
    first = kiosk_window.welcome.journeys["checkin"].mapTo(kiosk_window, kiosk_window.rect().topLeft())
    second = kiosk_window.welcome.journeys["new"].mapTo(kiosk_window, kiosk_window.rect().topLeft())
    assert first.x() > second.x()
    qtbot.mouseClick(kiosk_window.header.language_buttons["fr"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: kiosk_window.welcome.title.text() == "Bienvenue au campus")


def _all_screens(qtbot: QtBot, window: KioskWindow) -> Iterator[str]:
    for name in ("kiosk-welcome", "kiosk-checkin", "kiosk-new", "kiosk-ticket", "kiosk-jobs", "kiosk-exit"):
        window.show_screen(name)
        yield name
    window.checkin.set_mode("name")
    window.show_screen("kiosk-checkin")
    yield "kiosk-checkin-name"


def test_every_interactive_widget_has_an_accessible_name_and_a_large_target(
    qtbot: QtBot, make_kiosk: Callable[..., KioskWindow]
) -> None:
    kiosk_window = make_kiosk()
    for lang in ("fr", "ar"):
        kiosk_window.set_language(lang)
        for _ in _all_screens(qtbot, kiosk_window):
            widgets = accessible_widgets(kiosk_window)
            assert widgets
            unnamed = [w.objectName() or type(w).__name__ for w in widgets if not w.accessibleName().strip()]
            assert not unnamed, f"{lang}: no accessible name on {unnamed}"
            small = [
                w.objectName() or w.accessibleName()
                for w in widgets
                if w.isVisibleTo(kiosk_window) and w.isVisible() and min(w.width(), w.height()) < 44
            ]
            assert not small, f"{lang}: targets under 44 px: {small}"


def _luminance(hex_colour: str) -> float:
    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.04045 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def test_every_text_colour_contrasts_at_least_4_5_to_1() -> None:
    for what, fg, bg in theme.TEXT_PAIRS:
        lighter, darker = sorted((_luminance(fg), _luminance(bg)), reverse=True)
        ratio = (lighter + 0.05) / (darker + 0.05)
        assert ratio >= 4.5, f"{what}: {fg} on {bg} is {ratio:.2f}:1"


def test_text_at_200_percent_wraps_instead_of_being_cut(qtbot: QtBot, make_kiosk: Callable[..., KioskWindow]) -> None:
    kiosk_window = make_kiosk(size=(1280, 800))
    kiosk_window.set_language("fr")
    kiosk_window.set_text_scale(2.0)
    for name in _all_screens(qtbot, kiosk_window):
        QApplication.processEvents()
        cut = []
        for widget in kiosk_window.findChildren(QLabel):
            if not widget.isVisible() or not widget.text() or widget.width() == 0:
                continue
            needed = (
                widget.heightForWidth(widget.contentsRect().width())
                if widget.wordWrap()
                else widget.fontMetrics().horizontalAdvance(widget.text())
            )
            available = widget.contentsRect().height() if widget.wordWrap() else widget.contentsRect().width()
            if needed > available + 2:
                cut.append(widget.text())
        assert not cut, f"{name}: cut at 200 %: {cut}"


def test_the_kiosk_shows_no_personal_data(
    qtbot: QtBot, make_kiosk: Callable[..., KioskWindow], add_person: Callable[..., str]
) -> None:
    add_person("Yasmina", "Belkacem")
    add_person("Théo", "Marchand")
    kiosk_window = make_kiosk()
    for _ in _all_screens(qtbot, kiosk_window):
        shown = " ".join(shown_texts(kiosk_window))
        for name in ("Yasmina", "Belkacem", "Théo", "Marchand"):
            assert name not in shown


def test_kiosk_screens_render_for_screenshots(qapp: QApplication, translations: Translations) -> None:
    assert {"kiosk-welcome", "kiosk-checkin", "kiosk-new", "kiosk-ticket", "kiosk-jobs", "kiosk-events"} <= set(
        SCREEN_NAMES
    )
    for name in ("kiosk-jobs", "kiosk-idle"):  # every screen is rendered by `make screenshots`; two suffice here
        image = render_kiosk_screen(name, "ar", (1280, 800), translations=translations)
        assert (image.width(), image.height()) == (1280, 800) and not image.isNull()


def test_widgets_are_real(make_kiosk: Callable[..., KioskWindow]) -> None:
    kiosk_window = make_kiosk()
    assert isinstance(kiosk_window.welcome, QWidget)
