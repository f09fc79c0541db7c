"""The "Consents" tab of a person's file: each purpose with its legal basis, text version and the dates it was given
and withdrawn; withdrawing one (a dialog says what it changes) and giving one again (against the current text).

The records are never rewritten: a withdrawal is dated, a consent given again is a new record; both are in the
history. Threading: main thread only.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gn_core.domain import enums as e
from gn_core.domain.reference import CURRENT_CONSENT_VERSION, consent_text
from gn_desktop.services import consents
from gn_desktop.views.common import error_label, fill, fmt_date, lab, show_error, table
from gn_desktop.views.person.tab import FileTab, pydate, qdate
from gn_desktop.views.tasks import TaskError, TaskRunner


class ConsentDialog(QDialog):
    """Withdrawing a consent (`withdraw=True`: what it changes for the person) or recording it (again): the text the
    person agrees to, and the date. `accepted` once the advisor confirms; `day()` is the date chosen."""

    def __init__(self, consent: consents.ConsentView, *, withdraw: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("consent-dialog")
        self.setModal(True)
        self.setMinimumWidth(560)
        self.consent = consent
        self.withdraw = withdraw
        what = lab(consent.purpose)
        self.title = QLabel()
        self.title.setObjectName("consent-dialog-title")
        self.title.setWordWrap(True)
        self.body = QLabel()
        self.body.setObjectName("consent-dialog-body")
        self.body.setWordWrap(True)
        self.body.setTextFormat(Qt.TextFormat.PlainText)
        self.date = QDateEdit()
        self.date.setObjectName("consent-dialog-date")
        self.date.setCalendarPopup(True)
        self.date.setDate(qdate(date.today()))
        self.date_label = QLabel()
        self.date_label.setBuddy(self.date)
        form = QFormLayout()
        form.addRow(self.date_label, self.date)
        self.buttons = QDialogButtonBox()
        self.ok = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setObjectName("consent-dialog-ok")
        self.cancel = self.buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.body)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        if withdraw:
            self.setWindowTitle(self.tr("Withdraw a consent"))
            self.title.setText(self.tr("<b>Withdraw the consent “%1”</b>").replace("%1", what))
            self.body.setText(
                self.effect(consent.purpose)
                + "\n\n"
                + self.tr(
                    "The withdrawal is dated and kept in the history; the consent given before stays on record. "
                    "The person may give it again later."
                )
            )
            self.date_label.setText(self.tr("&Withdrawn on"))
            self.ok.setText(self.tr("&Withdraw the consent"))
        else:
            self.setWindowTitle(self.tr("Record a consent"))
            self.title.setText(self.tr("<b>Record the consent “%1”</b>").replace("%1", what))
            self.body.setText(
                self.tr(
                    "Read this text to the person (version %1) and record their agreement only if they accept:"
                ).replace("%1", CURRENT_CONSENT_VERSION)
                + "\n\n« "
                + consent_text(consent.purpose.value).text_fr
                + " »"
            )
            self.date_label.setText(self.tr("&Given on"))
            self.ok.setText(self.tr("&Record the consent"))
        self.cancel.setText(self.tr("Cancel"))

    def day(self) -> date:
        return pydate(self.date.date())

    def effect(self, purpose: e.ConsentPurpose) -> str:
        """What withdrawing this consent changes for the person, in the advisor's words."""
        effects = {
            e.ConsentPurpose.FOLLOW_UP: self.tr(
                "Without this consent the person can no longer be followed: add no more notes, appointments or "
                "referrals to their file. The withdrawal shows at the top of their file. Offer them the erasure "
                "of their data (a campus manager does it)."
            ),
            e.ConsentPurpose.SHARE_WITH_PARTNERS: self.tr(
                "Their file must no longer be passed to partner training organisations or employers. Referrals "
                "already made stay in the file."
            ),
            e.ConsentPurpose.CONTACT_BY_SMS: self.tr(
                "They must no longer be contacted by text message: no appointment reminders, no offers by SMS."
            ),
            e.ConsentPurpose.NEWSLETTER: self.tr("They will no longer receive the newsletter."),
            e.ConsentPurpose.RQTH_RECORDING: self.tr(
                "Their RQTH decision can no longer be recorded or corrected. The decision already recorded stays "
                "visible to the advisors and managers of the campus only, until the file is erased."
            ),
        }
        return effects[purpose]


class ConsentsTab(FileTab):
    def __init__(self, runner: TaskRunner) -> None:
        super().__init__(runner)
        self.consents_table = table("consents-table", 6, stretch=0)
        self.consents_table.itemSelectionChanged.connect(self._selected)
        self.text = QLabel()
        self.text.setObjectName("consent-text")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.withdraw_button = QPushButton()
        self.withdraw_button.setObjectName("consent-withdraw")
        self.withdraw_button.clicked.connect(self.withdraw)
        self.give_button = QPushButton()
        self.give_button.setObjectName("consent-give")
        self.give_button.clicked.connect(self.give)
        self.error = error_label("consent-error")
        self.dialog: ConsentDialog | None = None
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.give_button)
        buttons.addWidget(self.withdraw_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.consents_table, 1)
        layout.addWidget(self.text)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self._retranslate()

    def clear_messages(self) -> None:
        show_error(self.error, None)

    def selected(self) -> consents.ConsentView | None:
        row = self.consents_table.currentRow()
        if self.data is None or not 0 <= row < len(self.data.consents):
            return None
        return self.data.consents[row]

    def select(self, purpose: e.ConsentPurpose) -> None:
        if self.data is not None:
            rows = [c.purpose for c in self.data.consents]
            if purpose in rows:
                self.select_row(rows.index(purpose))

    def select_row(self, row: int) -> None:
        self.consents_table.selectRow(row)

    # -- actions -------------------------------------------------------------------------------------------------

    def withdraw(self) -> None:
        consent = self.selected()
        if consent is not None and consent.withdrawable:
            self._ask(consent, withdraw=True)

    def give(self) -> None:
        consent = self.selected()
        if consent is not None and consent.can_give:
            self._ask(consent, withdraw=False)

    def _ask(self, consent: consents.ConsentView, *, withdraw: bool) -> None:
        show_error(self.error, None)
        dialog = ConsentDialog(consent, withdraw=withdraw, parent=self)
        dialog.accepted.connect(lambda: self._answered(dialog))
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()

    def _answered(self, dialog: ConsentDialog) -> None:
        self.dialog = None
        if self.person_id is None:
            return
        consent = dialog.consent
        if dialog.withdraw:
            assert consent.id is not None
            self._runner.run(
                consents.withdraw_consent,
                consent.id,
                dialog.day(),
                on_done=lambda _r: self._saved("consent-withdrawn", self.error),
                on_error=self._failed,
            )
        else:
            self._runner.run(
                consents.give_consent,
                self.person_id,
                consent.purpose,
                dialog.day(),
                on_done=lambda _r: self._saved("consent-given", self.error),
                on_error=self._failed,
            )

    def _failed(self, error: TaskError) -> None:
        self._refused(self.error, error)

    # -- display -------------------------------------------------------------------------------------------------

    def _render(self) -> None:
        if self.data is None:
            return
        row = max(0, self.consents_table.currentRow())
        fill(
            self.consents_table,
            [
                [
                    lab(c.purpose),
                    self._state(c),
                    lab(c.legal_basis),
                    c.text_version or "",
                    fmt_date(c.given_on),
                    fmt_date(c.withdrawn_on),
                ]
                for c in self.data.consents
            ],
            [c.id for c in self.data.consents],
        )
        self.consents_table.selectRow(min(row, len(self.data.consents) - 1))
        self._selected()

    def _state(self, c: consents.ConsentView) -> str:
        if c.id is None:
            return self.tr("Not given")
        if c.withdrawn_on is not None:
            return self.tr("Withdrawn")
        return self.tr("Given")

    def _selected(self) -> None:
        c = self.selected()
        self.withdraw_button.setEnabled(c is not None and c.withdrawable)
        self.give_button.setEnabled(c is not None and c.can_give)
        if c is None:
            self.text.clear()
            return
        version = c.text_version or CURRENT_CONSENT_VERSION
        try:
            text = consent_text(c.purpose.value, version).text_fr
        except KeyError:
            text = consent_text(c.purpose.value).text_fr
        intro = self.tr("Text of the consent (version %1):").replace("%1", version)
        if c.id is not None and c.legal_basis != e.LegalBasis.CONSENT:
            intro = self.tr(
                "This processing rests on “%1”, not on consent: it cannot be withdrawn. If the person objects to "
                "it, note it and tell the campus manager."
            ).replace("%1", lab(c.legal_basis))
        if c.earlier:
            intro += " " + self.tr("%n earlier record(s) of this consent are in the history.", "", c.earlier)
        self.text.setText(f"{intro}\n« {text} »")

    # -- translation ---------------------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.consents_table.setHorizontalHeaderLabels(
            [
                self.tr("Purpose"),
                self.tr("State"),
                self.tr("Legal basis"),
                self.tr("Text version"),
                self.tr("Given on"),
                self.tr("Withdrawn on"),
            ]
        )
        self.consents_table.setAccessibleName(self.tr("Consents of this person"))
        self.withdraw_button.setText(self.tr("&Withdraw the consent…"))
        self.give_button.setText(self.tr("&Record the consent…"))
        self._render()
