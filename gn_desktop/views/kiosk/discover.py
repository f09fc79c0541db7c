"""Public information: the six families of digital jobs with the next training sessions near the visitor, and the
upcoming events with self-registration (a name and one way to be reached; nothing else).

Threading: main thread only.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QDate, QDateTime, QLocale, Qt, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QVBoxLayout, QWidget

from gn_core.domain import enums as e
from gn_core.domain.reference import OTHER_COMMUNE
from gn_desktop.services import kiosk as service
from gn_desktop.views.kiosk.base import Screen, commune_box, retranslate_commune_box
from gn_desktop.views.kiosk.widgets import (
    CheckField,
    ErrorLabel,
    Field,
    KioskButton,
    OnScreenKeyboard,
    ReflowGrid,
    TypingTarget,
    card,
    label,
)


class JobsScreen(Screen):
    """The six job families explained simply, and the programmes near the visitor's town."""

    search = Signal(str, str)  # commune INSEE code (or ""), job family (or "")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("kiosk-jobs", parent)
        self.intro = label(role="subtitle")
        self.column.addWidget(self.intro)
        grid = ReflowGrid(3)
        self.families: dict[str, KioskButton] = {}
        for family in service.KIOSK_JOB_FAMILIES:
            button = KioskButton(variant="choice")
            button.setObjectName(f"family-{family.value}")
            button.setCheckable(True)
            button.setAutoExclusive(True)
            button.clicked.connect(self._changed)
            grid.add(button)
            self.families[family.value] = button
        self.column.addWidget(grid)
        self.explanation = label()
        self.explanation.setObjectName("family-explanation")
        self.column.addWidget(self.explanation)
        self.commune_caption = label(role="subtitle")
        self.commune = commune_box("jobs-commune")
        self.commune_caption.setBuddy(self.commune)
        self.commune.currentIndexChanged.connect(self._changed)
        self.column.addWidget(self.commune_caption)
        self.column.addWidget(self.commune)
        self.offers_title = label(role="subtitle")
        self.column.addWidget(self.offers_title)
        self.offers = QVBoxLayout()
        self.column.addLayout(self.offers)
        self.column.addStretch(1)
        self._offers: list[service.ProgrammeOffer] | None = None

    def family(self) -> str:
        return next((key for key, button in self.families.items() if button.isChecked()), "")

    def commune_code(self) -> str:
        code = str(self.commune.currentData() or "")
        return "" if code == OTHER_COMMUNE else code

    def _changed(self) -> None:
        self._show_explanation()
        self.search.emit(self.commune_code(), self.family())

    def _show_explanation(self) -> None:
        texts = {
            "development": self.tr(
                "Developers write the code of websites, apps and software. You build things step by step."
            ),
            "data": self.tr("Data jobs collect and sort information, then turn it into tables and charts."),
            "ai": self.tr("Artificial intelligence jobs teach computers to recognise text, images or voices."),
            "cybersecurity": self.tr("Cybersecurity jobs protect computers and data from attacks."),
            "infrastructure": self.tr("Network and system technicians install and repair computers and networks."),
            "video_games": self.tr("Video game jobs create games: code, images, sound and game design."),
        }
        self.explanation.setText(texts.get(self.family(), self.tr("Choose a job family to learn more.")))

    def show_offers(self, offers: Sequence[service.ProgrammeOffer]) -> None:
        self._offers = list(offers)
        while self.offers.count():
            item = self.offers.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.setParent(None)
                widget.deleteLater()
        locale = QLocale()
        if not offers:
            self.offers.addWidget(label(self.tr("No upcoming session for now. Ask at the front desk."), "muted"))
        for offer in offers:
            frame = card()
            inner = QVBoxLayout(frame)
            inner.addWidget(label(f"{offer.programme_title} — {offer.partner_name}", "subtitle"))
            day = offer.starts_on
            when = locale.toString(QDate(day.year, day.month, day.day), "d MMMM yyyy")
            details = (
                self.tr("Starts on %1. Lasts %2 weeks.").replace("%1", when).replace("%2", str(offer.duration_weeks))
            )
            where = offer.campus_name or self.tr("Place to be confirmed")
            if offer.distance_km is not None:
                distance = locale.toString(offer.distance_km, "f", 1)
                where = self.tr("%1, about %2 km from you").replace("%1", where).replace("%2", distance)
            inner.addWidget(label(details))
            inner.addWidget(label(where, "muted"))
            self.offers.addWidget(frame)
            frame.show()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Discover digital jobs"))
        self.intro.setText(self.tr("There are six families of digital jobs. Choose one to learn more."))
        for family in service.KIOSK_JOB_FAMILIES:
            self.families[family.value].setText(self._family_name(family))
        self._show_explanation()
        self.commune_caption.setText(self.tr("Where do you live?"))
        self.commune.setAccessibleName(self.tr("Where do you live?"))
        retranslate_commune_box(self.commune, self.tr("Anywhere in Seine-Saint-Denis"), self.tr("Another town"))
        self.offers_title.setText(self.tr("Next training sessions near you"))
        if self._offers is not None:
            self.show_offers(self._offers)

    def _family_name(self, family: e.JobFamily) -> str:
        names = {
            e.JobFamily.DEVELOPMENT: self.tr("Software development"),
            e.JobFamily.DATA: self.tr("Data"),
            e.JobFamily.AI: self.tr("Artificial intelligence"),
            e.JobFamily.CYBERSECURITY: self.tr("Cybersecurity"),
            e.JobFamily.INFRASTRUCTURE: self.tr("Networks and systems"),
            e.JobFamily.VIDEO_GAMES: self.tr("Video games"),
        }
        return names[family]

    def wipe(self) -> None:
        self.commune.blockSignals(True)
        self.commune.setCurrentIndex(0)
        self.commune.blockSignals(False)
        for button in self.families.values():
            button.setAutoExclusive(False)
            button.setChecked(False)
            button.setAutoExclusive(True)
        self._offers = None
        self.show_offers([])
        self._offers = None
        self._show_explanation()

    def first_focus(self) -> QWidget | None:
        return self.families["development"]


class EventsScreen(Screen):
    """Upcoming events with self-registration (a name and one way to be reached; nothing else)."""

    sign_up = Signal(str)  # event id; the window reads `signup_form()`

    def __init__(self, target: TypingTarget, parent: QWidget | None = None) -> None:
        super().__init__("kiosk-events", parent)
        # the list of events, and in its place, once an event is chosen, its sign-up form
        self.list_panel = QWidget()
        self.list_panel.setObjectName("event-list")
        panel = QVBoxLayout(self.list_panel)
        panel.setContentsMargins(0, 0, 0, 0)
        panel.setSpacing(16)
        self.intro = label(role="subtitle")
        panel.addWidget(self.intro)
        self.list = QVBoxLayout()
        panel.addLayout(self.list)
        self.column.addWidget(self.list_panel)
        self.form = QWidget()
        self.form.setObjectName("event-signup")
        form = QVBoxLayout(self.form)
        form.setContentsMargins(0, 0, 0, 0)
        self.form_title = label(role="subtitle")
        self.form_title.setObjectName("event-signup-title")
        self.form_details = label(role="muted")
        self.first_name = Field("first_name")
        self.last_name = Field("last_name")
        self.phone = Field("phone")
        self.email = Field("email")
        self.consent = CheckField("event-consent")
        self.error = ErrorLabel()
        self.submit = KioskButton(variant="primary")
        self.submit.setObjectName("event-submit")
        self.submit.clicked.connect(self._submit)
        self.back = KioskButton()
        self.back.setObjectName("event-back")
        self.back.clicked.connect(self.close_form)
        grid = QGridLayout()
        grid.setHorizontalSpacing(24)
        grid.addWidget(self.first_name, 0, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.last_name, 0, 1, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.phone, 1, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.email, 1, 1, Qt.AlignmentFlag.AlignTop)
        form.addWidget(self.form_title)
        form.addWidget(self.form_details)
        form.addLayout(grid)
        form.addWidget(self.consent)
        form.addWidget(self.error)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back)
        buttons.addWidget(self.submit, 1)
        form.addLayout(buttons)
        self.keyboard = OnScreenKeyboard(target)
        form.addWidget(self.keyboard)
        self.column.addWidget(self.form)
        self.confirmation = label(role="subtitle")
        self.confirmation.setObjectName("event-confirmation")
        self.column.addWidget(self.confirmation)
        self.column.addStretch(1)
        self.form.hide()
        self.confirmation.hide()
        self._events: list[service.EventOffer] | None = None
        self._event: service.EventOffer | None = None
        self.signup_buttons: dict[str, KioskButton] = {}

    @property
    def fields(self) -> dict[str, Field]:
        return {f.name: f for f in (self.first_name, self.last_name, self.phone, self.email)}

    def _submit(self) -> None:
        if self.submit.isEnabled() and self._event is not None:
            self.sign_up.emit(self._event.id)

    def signup_form(self, language: str) -> service.EventSignUp:
        return service.EventSignUp(
            first_name=self.first_name.value(),
            last_name=self.last_name.value(),
            phone=self.phone.value(),
            email=self.email.value(),
            consent=self.consent.box.isChecked(),
            language=language,
        )

    def show_events(self, events: Sequence[service.EventOffer]) -> None:
        self._events = list(events)
        while self.list.count():
            item = self.list.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.setParent(None)
                widget.deleteLater()
        self.signup_buttons = {}
        if not events:
            self.list.addWidget(label(self.tr("No event is planned for now. Come back soon!"), "muted"))
        for event in events:
            frame = card()
            row = QHBoxLayout(frame)
            text = QVBoxLayout()
            text.addWidget(label(event.title, "subtitle"))
            text.addWidget(label(self._details(event)))
            row.addLayout(text, 1)
            if event.is_full:
                row.addWidget(label(self.tr("Full"), "muted"))
            else:
                button = KioskButton(self.tr("Sign me up"))
                button.setObjectName(f"event-{event.id}")
                button.setAccessibleName(self.tr("Sign me up: %1").replace("%1", event.title))
                button.clicked.connect(lambda _c=False, ev=event: self.open_form(ev))
                row.addWidget(button)
                self.signup_buttons[event.id] = button
            self.list.addWidget(frame)
            frame.show()

    def _details(self, event: service.EventOffer) -> str:
        """What kind of event, when and where, in the visitor's language."""
        kinds = {
            e.EventKind.HACKATHON: self.tr("Hackathon"),
            e.EventKind.CONTEST: self.tr("Innovation contest"),
            e.EventKind.INFO_SESSION: self.tr("Information session"),
        }
        starts = QDateTime.fromSecsSinceEpoch(int(event.starts_at.timestamp())).toLocalTime()
        when = QLocale().toString(starts, "dddd d MMMM, HH:mm")
        place = event.campus_name or self.tr("Place to be confirmed")
        return f"{kinds.get(event.kind, '')} · {when} · {place}"

    def open_form(self, event: service.EventOffer) -> None:
        """The sign-up form of `event`, in place of the list (Back brings the list again)."""
        self._event = event
        self._show_form_texts()
        self.confirmation.hide()
        self.list_panel.hide()
        self.form.show()
        self.first_name.edit.setFocus()

    def _show_form_texts(self) -> None:
        if self._event is not None:
            self.form_title.setText(self.tr("Sign up for: %1").replace("%1", self._event.title))
            self.form_details.setText(self._details(self._event))

    def close_form(self) -> None:
        for field in self.fields.values():
            field.wipe()
        self.consent.wipe()
        self.error.show_message("")
        self.form.hide()
        self.list_panel.show()
        self._event = None

    def confirmed(self) -> None:
        self.close_form()
        self.confirmation.setText(self.tr("Thank you, your place is booked. We will contact you if anything changes."))
        self.confirmation.show()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Events"))
        self.intro.setText(self.tr("Information sessions and hackathons. They are free."))
        self.first_name.set_texts(self.tr("First name"))
        self.last_name.set_texts(self.tr("Last name"))
        self.phone.set_texts(self.tr("Phone"), self.tr("Phone or e-mail: give at least one."))
        self.email.set_texts(self.tr("E-mail"))
        self.consent.set_text(
            self.tr("I agree that the campus keeps my name and contact until the event, to welcome me.")
        )
        self.submit.setText(self.tr("Book my place"))
        self.back.setText(self.tr("Back"))
        self.keyboard.retranslate()
        if self._events is not None:
            self.show_events(self._events)
        self._show_form_texts()

    def wipe(self) -> None:
        self.close_form()
        self.confirmation.hide()
        self.confirmation.setText("")

    def first_focus(self) -> QWidget | None:
        return next(iter(self.signup_buttons.values()), None)
