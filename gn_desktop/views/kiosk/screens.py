"""The kiosk's screens. Each shows and collects; the window (`window.py`) runs the services and moves between them.

Every screen has `retranslate()` (called on every language change) and `wipe()` (forget everything typed or shown
about a visitor). Sentences are short and plain (FALC spirit). Threading: main thread only.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QDate, QDateTime, QLocale, Qt, Signal
from PySide6.QtWidgets import QComboBox, QGridLayout, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from gn_core.domain import enums as e
from gn_core.domain.reference import COMMUNES_93, OTHER_COMMUNE
from gn_desktop.services import kiosk as service
from gn_desktop.views.kiosk.widgets import (
    CheckField,
    ErrorLabel,
    Field,
    Keypad,
    KioskButton,
    OnScreenKeyboard,
    TypingTarget,
    card,
    label,
)


class Screen(QWidget):
    """Base of the kiosk screens: a title, a column of content, `retranslate()` and `wipe()`."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setProperty("page", True)
        self.title = label(role="title")
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(48, 24, 48, 32)
        self.column.setSpacing(16)
        self.column.addWidget(self.title)

    def retranslate(self) -> None:
        raise NotImplementedError

    def wipe(self) -> None:
        """Forget everything about the current visitor."""

    def first_focus(self) -> QWidget | None:
        """The widget that gets the keyboard focus when the screen is shown."""
        return None


def commune_box(name: str) -> QComboBox:
    box = QComboBox()
    box.setObjectName(name)
    box.addItem("", "")
    for commune in sorted(COMMUNES_93, key=lambda c: c.name):
        box.addItem(f"{commune.name} ({commune.postcode})", commune.insee)
    box.addItem("", OTHER_COMMUNE)
    box.setMaxVisibleItems(12)
    return box


def retranslate_commune_box(box: QComboBox, choose: str, other: str) -> None:
    box.setItemText(0, choose)
    box.setItemText(box.count() - 1, other)


class WelcomeScreen(Screen):
    """The first screen: four journeys in big buttons."""

    chosen = Signal(str)
    JOURNEYS = ("checkin", "new", "jobs", "events")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("kiosk-welcome", parent)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.brand = label("Le Grand Numérique", role="subtitle")  # the brand: never translated
        self.brand.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.column.addWidget(self.brand)
        self.column.addStretch(1)
        grid = QGridLayout()
        grid.setSpacing(24)
        self.journeys: dict[str, KioskButton] = {}
        for index, key in enumerate(self.JOURNEYS):
            button = KioskButton(variant="journey")
            button.setObjectName(f"journey-{key}")
            button.setMinimumHeight(140)
            button.clicked.connect(lambda _c=False, key=key: self.chosen.emit(key))
            grid.addWidget(button, index // 2, index % 2)
            self.journeys[key] = button
        self.column.addLayout(grid)
        self.column.addStretch(1)
        self.help = label(role="subtitle")
        self.help.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.column.addWidget(self.help)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Welcome to the campus"))
        self.journeys["checkin"].setText(self.tr("I have an appointment"))
        self.journeys["new"].setText(self.tr("I am new here"))
        self.journeys["jobs"].setText(self.tr("Discover digital jobs"))
        self.journeys["events"].setText(self.tr("Events"))
        self.help.setText(self.tr("Need help? Ask at the front desk."))

    def first_focus(self) -> QWidget | None:
        return self.journeys["checkin"]


class CheckInScreen(Screen):
    """Check in for today's appointment: by the 6-digit code, or by name and birth date."""

    by_code = Signal(str)
    by_name = Signal(str, str, str)

    def __init__(self, target: TypingTarget, parent: QWidget | None = None) -> None:
        super().__init__("kiosk-checkin", parent)
        modes = QHBoxLayout()
        self.code_mode = KioskButton(variant="choice")
        self.name_mode = KioskButton(variant="choice")
        for button in (self.code_mode, self.name_mode):
            button.setCheckable(True)
            button.setAutoExclusive(True)
            modes.addWidget(button)
        self.code_mode.setObjectName("mode-code")
        self.name_mode.setObjectName("mode-name")
        self.code_mode.clicked.connect(lambda: self.set_mode("code"))
        self.name_mode.clicked.connect(lambda: self.set_mode("name"))
        self.column.addLayout(modes)

        self.code_panel = QWidget()
        code_layout = QVBoxLayout(self.code_panel)
        code_layout.setContentsMargins(0, 0, 0, 0)
        self.code = Field("code")
        self.code.edit.setMaxLength(7)
        self.code.edit.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly)
        self.keypad = Keypad(target)
        code_layout.addWidget(self.code)
        code_layout.addWidget(self.keypad, 0, Qt.AlignmentFlag.AlignHCenter)
        self.column.addWidget(self.code_panel)

        self.name_panel = QWidget()
        name_layout = QVBoxLayout(self.name_panel)
        name_layout.setContentsMargins(0, 0, 0, 0)
        self.first_name = Field("first_name")
        self.last_name = Field("last_name")
        self.birth_date = Field("birth_date")
        row = QHBoxLayout()
        row.addWidget(self.first_name)
        row.addWidget(self.last_name)
        name_layout.addLayout(row)
        name_layout.addWidget(self.birth_date)
        self.keyboard = OnScreenKeyboard(target)
        name_layout.addWidget(self.keyboard)
        self.column.addWidget(self.name_panel)

        self.error = ErrorLabel()
        self.submit = KioskButton(variant="primary")
        self.submit.setObjectName("checkin-submit")
        self.submit.clicked.connect(self._submit)
        for field in (self.code, self.first_name, self.last_name, self.birth_date):
            field.edit.returnPressed.connect(self._submit)
        self.column.addWidget(self.error)
        self.column.addWidget(self.submit)
        self.column.addStretch(1)
        self.set_mode("code")

    @property
    def fields(self) -> dict[str, Field]:
        return {f.name: f for f in (self.code, self.first_name, self.last_name, self.birth_date)}

    def mode(self) -> str:
        return "name" if self.name_mode.isChecked() else "code"

    def set_mode(self, mode: str) -> None:
        (self.name_mode if mode == "name" else self.code_mode).setChecked(True)
        self.code_panel.setVisible(mode == "code")
        self.name_panel.setVisible(mode == "name")
        self.error.show_message("")
        focus = self.first_name.edit if mode == "name" else self.code.edit
        if self.isVisible():
            focus.setFocus()

    def _submit(self) -> None:
        if not self.submit.isEnabled():
            return
        if self.mode() == "code":
            self.by_code.emit(self.code.value())
        else:
            self.by_name.emit(self.first_name.value(), self.last_name.value(), self.birth_date.value())

    def retranslate(self) -> None:
        self.title.setText(self.tr("I have an appointment"))
        self.code_mode.setText(self.tr("With my code"))
        self.name_mode.setText(self.tr("With my name"))
        self.code.set_texts(self.tr("Appointment code"), self.tr("6 digits, written on your invitation."))
        self.first_name.set_texts(self.tr("First name"))
        self.last_name.set_texts(self.tr("Last name"))
        self.birth_date.set_texts(self.tr("Birth date"), self.tr("Day/month/year, for example 14/02/2001."))
        self.submit.setText(self.tr("Check in"))
        self.keypad.retranslate()
        self.keyboard.retranslate()

    def wipe(self) -> None:
        for field in self.fields.values():
            field.wipe()
        self.error.show_message("")
        self.submit.setEnabled(True)
        self.set_mode("code")

    def first_focus(self) -> QWidget | None:
        return self.first_name.edit if self.mode() == "name" else self.code.edit


class NewVisitorScreen(Screen):
    """A walk-in's short pre-registration: who, how to reach them, where they live, why they came."""

    submitted = Signal(object)  # service.PreRegistrationForm

    def __init__(self, target: TypingTarget, parent: QWidget | None = None) -> None:
        super().__init__("kiosk-new", parent)
        self.intro = label(role="subtitle")
        self.column.addWidget(self.intro)
        self.first_name = Field("first_name")
        self.last_name = Field("last_name")
        self.birth_date = Field("birth_date")
        self.phone = Field("phone")
        self.email = Field("email")
        self.phone.edit.setInputMethodHints(Qt.InputMethodHint.ImhDialableCharactersOnly)
        self.email.edit.setInputMethodHints(Qt.InputMethodHint.ImhEmailCharactersOnly)
        grid = QGridLayout()
        grid.setHorizontalSpacing(24)
        grid.addWidget(self.first_name, 0, 0)
        grid.addWidget(self.last_name, 0, 1)
        grid.addWidget(self.birth_date, 1, 0)
        grid.addWidget(self.phone, 2, 0)
        grid.addWidget(self.email, 2, 1)
        self.column.addLayout(grid)

        self.commune_caption = label(role="subtitle")
        self.commune = commune_box("commune")
        self.commune_caption.setBuddy(self.commune)
        self.commune_other = Field("commune_other")
        self.commune_other.hide()
        self.commune.currentIndexChanged.connect(
            lambda _i: self.commune_other.setVisible(self.commune.currentData() == OTHER_COMMUNE)
        )
        self.commune_error = ErrorLabel()
        self.column.addWidget(self.commune_caption)
        self.column.addWidget(self.commune)
        self.column.addWidget(self.commune_error)
        self.column.addWidget(self.commune_other)

        self.reason_caption = label(role="subtitle")
        self.column.addWidget(self.reason_caption)
        reasons = QGridLayout()
        self.reasons: dict[str, KioskButton] = {}
        for index, key in enumerate(service.REASONS):
            button = KioskButton(variant="choice")
            button.setObjectName(f"reason-{key}")
            button.setCheckable(True)
            button.setAutoExclusive(True)
            reasons.addWidget(button, index // 2, index % 2)
            self.reasons[key] = button
        self.column.addLayout(reasons)

        self.accessibility = Field("accessibility")
        self.column.addWidget(self.accessibility)
        self.consent_text = label()
        self.consent = CheckField("consent")
        self.column.addWidget(self.consent_text)
        self.column.addWidget(self.consent)
        self.error = ErrorLabel()
        self.column.addWidget(self.error)
        self.submit = KioskButton(variant="primary")
        self.submit.setObjectName("new-submit")
        self.submit.clicked.connect(self._submit)
        self.column.addWidget(self.submit)
        self.keyboard = OnScreenKeyboard(target)
        self.column.addWidget(self.keyboard)

    @property
    def fields(self) -> dict[str, Field]:
        return {
            f.name: f
            for f in (self.first_name, self.last_name, self.birth_date, self.phone, self.email, self.accessibility)
        }

    def form(self, language: str) -> service.PreRegistrationForm:
        reason = next((key for key, button in self.reasons.items() if button.isChecked()), "")
        return service.PreRegistrationForm(
            first_name=self.first_name.value(),
            last_name=self.last_name.value(),
            birth_date=self.birth_date.value(),
            phone=self.phone.value(),
            email=self.email.value(),
            commune_insee=str(self.commune.currentData() or ""),
            commune_other=self.commune_other.value(),
            reason=reason,
            accessibility=self.accessibility.value(),
            consent=self.consent.box.isChecked(),
            language=language,
        )

    def _submit(self) -> None:
        if self.submit.isEnabled():
            self.submitted.emit(None)

    def retranslate(self) -> None:
        self.title.setText(self.tr("I am new here"))
        self.intro.setText(self.tr("Tell us who you are. An advisor will see you soon."))
        self.first_name.set_texts(self.tr("First name"))
        self.last_name.set_texts(self.tr("Last name"))
        self.birth_date.set_texts(self.tr("Birth date"), self.tr("Day/month/year, for example 14/02/2001."))
        self.phone.set_texts(self.tr("Phone"), self.tr("Phone or e-mail: give at least one."))
        self.email.set_texts(self.tr("E-mail"))
        self.commune_caption.setText(self.tr("Where do you live?"))
        self.commune.setAccessibleName(self.tr("Where do you live?"))
        retranslate_commune_box(self.commune, self.tr("Choose your town"), self.tr("Another town"))
        self.commune_other.set_texts(self.tr("Name of your town"))
        self.reason_caption.setText(self.tr("What brings you here?"))
        self.reasons["training"].setText(self.tr("Find a training course"))
        self.reasons["job"].setText(self.tr("Find a job"))
        self.reasons["business"].setText(self.tr("Start a business"))
        self.reasons["information"].setText(self.tr("Get information"))
        self.accessibility.set_texts(
            self.tr("Do you need help to be welcomed? (optional)"),
            self.tr("For example: wheelchair, hearing, reading, an interpreter."),
        )
        self.consent_text.setText(
            self.tr(
                "We keep these details to help you find a training or a job. Only the campus team sees them. "
                "We delete them 2 years after your last visit. You can ask to see, change or delete them."
            )
        )
        self.consent.set_text(self.tr("I agree"))
        self.submit.setText(self.tr("Send and get my ticket"))
        self.keyboard.retranslate()

    def wipe(self) -> None:
        for field in (*self.fields.values(), self.commune_other):
            field.wipe()
        self.commune.setCurrentIndex(0)
        self.commune_error.show_message("")
        for button in self.reasons.values():
            button.setAutoExclusive(False)
            button.setChecked(False)
            button.setAutoExclusive(True)
        self.consent.wipe()
        self.error.show_message("")
        self.submit.setEnabled(True)

    def first_focus(self) -> QWidget | None:
        return self.first_name.edit


class TicketScreen(Screen):
    """The end of a check-in or a pre-registration: a greeting and the queue ticket."""

    done = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("kiosk-ticket", parent)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.caption = label(role="subtitle")
        self.caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.ticket = label(role="ticket", wrap=False)
        self.ticket.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.ticket.setObjectName("ticket-number")
        self.explanation = label(role="subtitle")
        self.explanation.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.finish = KioskButton(variant="primary")
        self.finish.setObjectName("ticket-done")
        self.finish.clicked.connect(self.done.emit)
        self.column.addStretch(1)
        self.column.addWidget(self.caption)
        self.column.addWidget(self.ticket, 0, Qt.AlignmentFlag.AlignHCenter)
        self.column.addWidget(self.explanation)
        self.column.addStretch(1)
        self.column.addWidget(self.finish, 0, Qt.AlignmentFlag.AlignHCenter)
        self._first_name: str | None = None
        self._kind = "new"

    def show_ticket(self, ticket: str, *, first_name: str | None, kind: str) -> None:
        self._first_name = first_name
        self._kind = kind
        self.ticket.setText(ticket)
        self.ticket.setAccessibleName(ticket)
        self.retranslate()

    def retranslate(self) -> None:
        if self._first_name:
            self.title.setText(self.tr("Welcome, %1").replace("%1", self._first_name))
        else:
            self.title.setText(self.tr("Thank you"))
        self.caption.setText(self.tr("Your ticket number:"))
        if self._kind == "checkin":
            self.explanation.setText(self.tr("Please take a seat. Your advisor knows you are here."))
        else:
            self.explanation.setText(self.tr("Please take a seat. An advisor will call your number."))
        self.finish.setText(self.tr("Finish"))

    def wipe(self) -> None:
        self._first_name = None
        self.ticket.setText("")
        self.retranslate()

    def first_focus(self) -> QWidget | None:
        return self.finish


class JobsScreen(Screen):
    """The six job families explained simply, and the programmes near the visitor's town."""

    search = Signal(str, str)  # commune INSEE code (or ""), job family (or "")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("kiosk-jobs", parent)
        self.intro = label(role="subtitle")
        self.column.addWidget(self.intro)
        grid = QGridLayout()
        grid.setSpacing(16)
        self.families: dict[str, KioskButton] = {}
        for index, family in enumerate(service.KIOSK_JOB_FAMILIES):
            button = KioskButton(variant="choice")
            button.setObjectName(f"family-{family.value}")
            button.setCheckable(True)
            button.setAutoExclusive(True)
            button.clicked.connect(self._changed)
            grid.addWidget(button, index // 3, index % 3)
            self.families[family.value] = button
        self.column.addLayout(grid)
        self.explanation = label()
        self.explanation.setObjectName("family-explanation")
        self.column.addWidget(self.explanation)
        row = QHBoxLayout()
        self.commune_caption = label(role="subtitle")
        self.commune = commune_box("jobs-commune")
        self.commune_caption.setBuddy(self.commune)
        self.commune.currentIndexChanged.connect(self._changed)
        row.addWidget(self.commune_caption)
        row.addWidget(self.commune, 1)
        self.column.addLayout(row)
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
        self.intro = label(role="subtitle")
        self.column.addWidget(self.intro)
        self.list = QVBoxLayout()
        self.column.addLayout(self.list)
        self.form = QWidget()
        self.form.setObjectName("event-signup")
        form = QVBoxLayout(self.form)
        form.setContentsMargins(0, 0, 0, 0)
        self.form_title = label(role="subtitle")
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
        grid.addWidget(self.first_name, 0, 0)
        grid.addWidget(self.last_name, 0, 1)
        grid.addWidget(self.phone, 1, 0)
        grid.addWidget(self.email, 1, 1)
        form.addWidget(self.form_title)
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
        self._event_id: str | None = None
        self.signup_buttons: dict[str, KioskButton] = {}

    @property
    def fields(self) -> dict[str, Field]:
        return {f.name: f for f in (self.first_name, self.last_name, self.phone, self.email)}

    def _submit(self) -> None:
        if self.submit.isEnabled() and self._event_id:
            self.sign_up.emit(self._event_id)

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
        locale = QLocale()
        if not events:
            self.list.addWidget(label(self.tr("No event is planned for now. Come back soon!"), "muted"))
        kinds = {
            e.EventKind.HACKATHON: self.tr("Hackathon"),
            e.EventKind.CONTEST: self.tr("Innovation contest"),
            e.EventKind.INFO_SESSION: self.tr("Information session"),
        }
        for event in events:
            frame = card()
            row = QHBoxLayout(frame)
            text = QVBoxLayout()
            text.addWidget(label(event.title, "subtitle"))
            starts = QDateTime.fromSecsSinceEpoch(int(event.starts_at.timestamp())).toLocalTime()
            when = locale.toString(starts, "dddd d MMMM, HH:mm")
            place = event.campus_name or self.tr("Place to be confirmed")
            text.addWidget(label(f"{kinds.get(event.kind, '')} · {when} · {place}"))
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

    def open_form(self, event: service.EventOffer) -> None:
        self._event_id = event.id
        self.form_title.setText(self.tr("Sign up for: %1").replace("%1", event.title))
        self.confirmation.hide()
        self.form.show()
        self.first_name.edit.setFocus()

    def close_form(self) -> None:
        for field in self.fields.values():
            field.wipe()
        self.consent.wipe()
        self.error.show_message("")
        self.form.hide()
        self._event_id = None

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

    def wipe(self) -> None:
        self.close_form()
        self.confirmation.hide()
        self.confirmation.setText("")

    def first_focus(self) -> QWidget | None:
        return next(iter(self.signup_buttons.values()), None)


class ExitScreen(Screen):
    """Staff only: the campus manager's PIN closes the kiosk."""

    pin_entered = Signal(str)
    cancelled = Signal()

    def __init__(self, target: TypingTarget, parent: QWidget | None = None) -> None:
        super().__init__("kiosk-exit", parent)
        self.intro = label(role="subtitle")
        self.column.addWidget(self.intro)
        self.pin = Field("pin")
        self.pin.edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.edit.setMaxLength(8)
        self.pin.edit.returnPressed.connect(self._submit)
        self.column.addWidget(self.pin)
        self.keypad = Keypad(target)
        self.column.addWidget(self.keypad, 0, Qt.AlignmentFlag.AlignHCenter)
        self.error = ErrorLabel()
        self.column.addWidget(self.error)
        buttons = QHBoxLayout()
        self.cancel = KioskButton()
        self.cancel.setObjectName("exit-cancel")
        self.cancel.clicked.connect(self.cancelled.emit)
        self.submit = KioskButton(variant="primary")
        self.submit.setObjectName("exit-submit")
        self.submit.clicked.connect(self._submit)
        buttons.addWidget(self.cancel)
        buttons.addWidget(self.submit, 1)
        self.column.addLayout(buttons)
        self.column.addStretch(1)

    def _submit(self) -> None:
        if self.submit.isEnabled():
            self.pin_entered.emit(self.pin.value())

    def retranslate(self) -> None:
        self.title.setText(self.tr("Staff only"))
        self.intro.setText(self.tr("Type the campus manager's PIN to close the kiosk."))
        self.pin.set_texts(self.tr("PIN"))
        self.cancel.setText(self.tr("Cancel"))
        self.submit.setText(self.tr("Close the kiosk"))
        self.keypad.retranslate()

    def wipe(self) -> None:
        self.pin.wipe()
        self.error.show_message("")

    def first_focus(self) -> QWidget | None:
        return self.pin.edit


class IdleOverlay(QWidget):
    """ "Are you still there?": covers the kiosk; any answer keeps the visitor's work, silence wipes it."""

    keep = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kiosk-idle")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet("QWidget#kiosk-idle { background: rgba(20, 32, 46, 215); }")
        box = card()
        box.setObjectName("idle-box")
        inner = QVBoxLayout(box)
        inner.setContentsMargins(40, 32, 40, 32)
        inner.setSpacing(20)
        self.question = label(role="title")
        self.question.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.detail = label(role="subtitle")
        self.detail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.continue_button = KioskButton(variant="primary")
        self.continue_button.setObjectName("idle-continue")
        self.continue_button.clicked.connect(self.keep.emit)
        inner.addWidget(self.question)
        inner.addWidget(self.detail)
        inner.addWidget(self.continue_button)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(box, 3)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(1)
        self.hide()

    def retranslate(self) -> None:
        self.question.setText(self.tr("Are you still there?"))
        self.detail.setText(self.tr("Without an answer, everything you typed will be erased."))
        self.continue_button.setText(self.tr("Yes, I am still here"))


def accessible_widgets(root: QWidget) -> list[QWidget]:
    """Every interactive widget under `root` (what must carry an accessible name)."""
    from PySide6.QtWidgets import QAbstractButton

    return [w for w in root.findChildren(QWidget) if isinstance(w, QAbstractButton | QLineEdit | QComboBox)]


def shown_texts(root: QWidget) -> list[str]:
    """Every text on screen under `root`."""
    texts = [w.text() for w in root.findChildren(QLabel) if w.isVisibleTo(root)]
    texts += [w.text() for w in root.findChildren(QLineEdit) if w.isVisibleTo(root)]
    return [t for t in texts if t]
