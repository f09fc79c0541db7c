"""The consents of an intake: one box per purpose, each text shown with its version, and the consent rule's message.

The rule is gn_core's (`gn_core.domain.person.consent_problems`: the follow-up consent is needed), checked by
`check()` before saving and again by the service. Threading: main thread only.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QCheckBox, QLabel, QVBoxLayout, QWidget

from gn_core.domain import enums as e
from gn_core.domain.errors import FieldError
from gn_core.domain.person import consent_problems
from gn_core.domain.reference import CURRENT_CONSENT_VERSION, consent_text
from gn_desktop.views.common import error_label, lab, show_error


class ConsentBoxes(QWidget):
    """A box per consent purpose (the follow-up one starred) with its text. `changed()` on every tick."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.boxes: dict[str, QCheckBox] = {}
        for purpose in e.ConsentPurpose:
            box = QCheckBox()
            box.setObjectName(f"intake-consent-{purpose.value}")
            box.toggled.connect(self.changed)
            text = QLabel(consent_text(purpose.value).text_fr)
            text.setWordWrap(True)
            text.setObjectName(f"intake-consent-text-{purpose.value}")
            text.setContentsMargins(24, 0, 0, 6)
            self.boxes[purpose.value] = box
            layout.addWidget(box)
            layout.addWidget(text)
        self.version = QLabel()
        self.version.setObjectName("intake-consent-version")
        layout.addWidget(self.version)
        self.error = error_label("intake-consents-error")
        layout.addWidget(self.error)
        self.retranslate()

    def values(self) -> list[str]:
        """The purposes ticked."""
        return [p for p, b in self.boxes.items() if b.isChecked()]

    def set_values(self, purposes: Iterable[str]) -> None:
        ticked = set(purposes)
        for p, b in self.boxes.items():
            b.setChecked(p in ticked)

    def check(self) -> bool:
        """Check the consent rule and show its message; True when the consents may be saved."""
        problems = consent_problems(self.values())
        self.show_errors(problems)
        return not problems

    def show_errors(self, errors: Iterable[FieldError]) -> None:
        """Show the first error about the consents (none: the error line is hidden)."""
        show_error(self.error, next((err.message for err in errors if err.field == "consents"), None))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        for purpose, box in self.boxes.items():
            text = lab(e.ConsentPurpose(purpose))
            box.setText(text + (" *" if purpose == e.ConsentPurpose.FOLLOW_UP.value else ""))
        self.version.setText(
            self.tr("Consent texts, version %1. Read them to the person before ticking.").replace(
                "%1", CURRENT_CONSENT_VERSION
            )
        )
