"""A walk-in's short pre-registration: who, how to reach them, where they live, why they came, and consent.

The screen collects a `services.kiosk.PreRegistrationForm`; the service checks it (the person's fields as an intake
does, `gn_core.domain.person`, then the kiosk's own rules) and the window shows each error under its field, translated
when the kiosk is not in French. Threading: main thread only.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QWidget

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
    label,
)


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
        grid.addWidget(self.first_name, 0, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.last_name, 0, 1, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.birth_date, 1, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.phone, 2, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.email, 2, 1, Qt.AlignmentFlag.AlignTop)
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
        reasons = ReflowGrid(2)
        self.reasons: dict[str, KioskButton] = {}
        for key in service.REASONS:
            button = KioskButton(variant="choice")
            button.setObjectName(f"reason-{key}")
            button.setCheckable(True)
            button.setAutoExclusive(True)
            reasons.add(button)
            self.reasons[key] = button
        self.column.addWidget(reasons)

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
