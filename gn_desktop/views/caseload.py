"""The People page's caseload tools: the filters above the results ("my people", pathway step, last contact) and the
dialog in which a campus manager hands the selected people over to another advisor of the campus.

Threading: main thread only.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from gn_core.domain.enums import PathwayStep
from gn_core.domain.pathway import ORDER
from gn_desktop.services.caseload import Advisor
from gn_desktop.services.search import Filters
from gn_desktop.views.common import lab

# the "last contact" choices: no contact for at least this many days (None: whenever)
CONTACT_DAYS: tuple[int | None, ...] = (None, 30, 90)


class FiltersBar(QWidget):
    """ "My people", a pathway step, no contact for 30 or 90 days. Emits `changed` when any of them changes."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.mine = QCheckBox()
        self.mine.setObjectName("filter-mine")
        self.step = QComboBox()
        self.step.setObjectName("filter-step")
        self.step_label = QLabel()
        self.step_label.setBuddy(self.step)
        self.contact = QComboBox()
        self.contact.setObjectName("filter-contact")
        self.contact_label = QLabel()
        self.contact_label.setBuddy(self.contact)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.mine)
        row.addSpacing(16)
        row.addWidget(self.step_label)
        row.addWidget(self.step)
        row.addSpacing(16)
        row.addWidget(self.contact_label)
        row.addWidget(self.contact)
        row.addStretch(1)
        self._retranslate()
        self.mine.toggled.connect(self.changed)
        self.step.currentIndexChanged.connect(self.changed)
        self.contact.currentIndexChanged.connect(self.changed)

    def filters(self) -> Filters:
        step = self.step.currentData()
        return Filters(
            mine=self.mine.isChecked(),
            step=PathwayStep(step) if step else None,
            no_contact_days=self.contact.currentData(),
        )

    def set_filters(
        self, *, mine: bool = False, step: PathwayStep | None = None, no_contact_days: int | None = None
    ) -> None:
        """Choose the filters (screenshots, tests); `changed` is emitted once."""
        self.blockSignals(True)
        self.mine.setChecked(mine)
        self.step.setCurrentIndex(max(0, self.step.findData(step.value if step else None)))
        self.contact.setCurrentIndex(max(0, self.contact.findData(no_contact_days)))
        self.blockSignals(False)
        self.changed.emit()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.blockSignals(True)  # the choices are rebuilt, not changed
        self.mine.setText(self.tr("&My people"))
        self.mine.setToolTip(self.tr("The people you are the referent advisor of"))
        self.step_label.setText(self.tr("S&tep"))
        step = self.step.currentData()
        self.step.clear()
        self.step.addItem(self.tr("All steps"), None)
        for s in ORDER:
            self.step.addItem(lab(s), s.value)
        self.step.setCurrentIndex(max(0, self.step.findData(step)))
        self.contact_label.setText(self.tr("Last &contact"))
        days = self.contact.currentData()
        self.contact.clear()
        for n in CONTACT_DAYS:
            text = self.tr("Any time") if n is None else self.tr("No contact for %1 days").replace("%1", str(n))
            self.contact.addItem(text, n)
        self.contact.setCurrentIndex(max(0, self.contact.findData(days)))
        self.blockSignals(False)


class ReassignDialog(QDialog):
    """Which advisor of the campus the `count` people selected are handed over to; `advisor_id()` once accepted."""

    def __init__(self, advisors: Sequence[Advisor], count: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reassign-dialog")
        self.setWindowTitle(self.tr("Reassign"))
        self.intro = QLabel(self.tr("Hand the %n selected person(s) over to:", "", count))
        self.intro.setWordWrap(True)
        self.advisor = QComboBox()
        self.advisor.setObjectName("reassign-advisor")
        for a in advisors:
            caseload = self.tr("%n person(s)", "", a.people)
            self.advisor.addItem(f"{a.name} — {lab(a.role)}, {caseload}", a.id)
        self.intro.setBuddy(self.advisor)
        self.hint = QLabel(
            self.tr("They become the referent advisor of these people, on every computer of the campus.")
        )
        self.hint.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("&Reassign"))
        ok.setEnabled(bool(advisors))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.advisor)
        layout.addWidget(self.hint)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)

    def advisor_id(self) -> str | None:
        value = self.advisor.currentData()
        return str(value) if value else None
