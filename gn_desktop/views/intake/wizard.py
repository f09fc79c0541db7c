"""The intake wizard: search before create, then identity, contact, situation, barriers, target jobs and consents.

* The person's fields are `PersonFields` (`form.py`), a few on each page, and the consents `ConsentBoxes`
  (`consents.py`); their inline French messages are gn_core's (`gn_core.domain.person`), shown when a field is left
  and before each next page, and those the service returns when saving.
* Search before create (`matches.py`): as the name and birth date are typed, likely matches are listed; while there
  are some, the wizard goes on only once the advisor ticks "this is someone else" (or opens one). Saving asks the
  service again (phone, e-mail…): `PossibleDuplicates` brings the advisor back to the matches.
* The draft is saved as it is typed (`services.drafts.save_draft`, through the task runner, 400 ms after the last
  change): after a crash, opening the wizard again offers to resume it.

Keyboard: Tab moves between fields, Alt+→ / Alt+← next and previous page, Ctrl+S saves on the last page.
Threading: main thread only.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from gn_core.domain.errors import InvalidInput
from gn_core.domain.reference import CURRENT_CONSENT_VERSION
from gn_core.ids import new_id
from gn_desktop.services import drafts, intake
from gn_desktop.views.common import fmt_datetime, heading
from gn_desktop.views.intake.consents import ConsentBoxes
from gn_desktop.views.intake.elsewhere import FollowedElsewhere
from gn_desktop.views.intake.form import PersonFields, person_form
from gn_desktop.views.intake.matches import LikelyMatches
from gn_desktop.views.sync_bridge import SyncBridge
from gn_desktop.views.tasks import TaskError, TaskRunner

DRAFT_DELAY_MS = 400

PAGES = ("identity", "contact", "situation", "barriers", "jobs", "consents")
# the person's fields on each page (the consents page has its own boxes)
PAGE_FIELDS: dict[str, tuple[str, ...]] = {
    "identity": ("first_name", "last_name", "birth_date", "gender"),
    "contact": ("phone", "email", "commune"),
    "situation": ("situation", "france_travail_id", "education_level", "benefits", "referral_source"),
    "barriers": ("barriers",),
    "jobs": ("job_families",),
}
FIELD_PAGE = {name: PAGES.index(page) for page, names in PAGE_FIELDS.items() for name in names} | {
    "consents": PAGES.index("consents"),
    "rqth": PAGES.index("consents"),
}


class IntakePage(QWidget):
    """The intake wizard. Emits `created(person_id)`, `open_person(id)`, `draft_saved(id)`, `matches_checked(n)`."""

    created = Signal(str)
    open_person = Signal(str)
    draft_saved = Signal(str)
    draft_offered = Signal(object)
    matches_checked = Signal(int)
    failed = Signal(str)

    def __init__(self, runner: TaskRunner, sync: SyncBridge | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("intake-page")
        self._runner = runner
        self._sync = sync
        self._loading_values = False
        self._draft_id = new_id()
        self._pre_registration_id: str | None = None
        self._offered: drafts.Draft | None = None
        self.dirty = False
        self.groups: dict[str, PersonFields] = {}
        self._titles: dict[str, QLabel] = {}
        self._build()
        # every field and error line, by field name (the consents' error line too)
        self.fields: dict[str, QWidget] = {n: w for g in self.groups.values() for n, w in g.fields.items()}
        self.errors: dict[str, QLabel] = {n: w for g in self.groups.values() for n, w in g.errors.items()}
        self.errors["consents"] = self.consents.error
        self._retranslate()
        self._go(0)

    # -- building ------------------------------------------------------------------------------------------------

    def _page(self, key: str) -> QVBoxLayout:
        """A page: its title, then the person's fields it shows (if any); returns its layout for the rest."""
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        title = heading(size=15)
        title.setObjectName(f"intake-title-{key}")
        layout.addWidget(title)
        self._titles[key] = title
        if key in PAGE_FIELDS:
            group = PersonFields(PAGE_FIELDS[key])
            group.changed.connect(self._changed)
            layout.addWidget(group)
            self.groups[key] = group
        self.stack.addWidget(page)
        return layout

    def _build(self) -> None:
        self.title = heading()
        self.title.setObjectName("intake-title")
        self.resume_banner = QWidget()
        self.resume_banner.setObjectName("intake-resume")
        self.resume_text = QLabel()
        self.resume_text.setObjectName("intake-resume-text")
        self.resume_text.setWordWrap(True)
        self.resume_button = QPushButton()
        self.resume_button.setObjectName("intake-resume-button")
        self.resume_button.clicked.connect(self.resume_draft)
        self.discard_offer_button = QPushButton()
        self.discard_offer_button.setObjectName("intake-discard-offer")
        self.discard_offer_button.clicked.connect(self.discard_offered_draft)
        banner = QHBoxLayout(self.resume_banner)
        banner.addWidget(self.resume_text, 1)
        banner.addWidget(self.resume_button)
        banner.addWidget(self.discard_offer_button)
        self.resume_banner.hide()

        self.steps = QListWidget()
        self.steps.setObjectName("intake-steps")
        self.steps.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.steps.setFixedWidth(190)
        for _ in PAGES:
            self.steps.addItem("")
        self.steps.currentRowChanged.connect(self._step_clicked)
        self.stack = QStackedWidget()

        # identity, with the search before create
        layout = self._page("identity")
        self.matches = LikelyMatches(self._runner, self.values)
        self.matches.checked.connect(self.matches_checked)
        self.matches.open_person.connect(self._open_match)
        self.matches.changed.connect(self._update_buttons)
        self.confirm_new = self.matches.confirm_new
        layout.addWidget(self.matches)
        # and at the other campuses, when this PC is linked to HQ and online: shown under every step (a phone or an
        # e-mail typed on the contact step may be what finds the person)
        self.elsewhere = FollowedElsewhere(self._sync, self.values, lambda: self._runner.user_id)
        layout.addStretch(1)
        for key in ("contact", "situation"):
            self._page(key).addStretch(1)
        layout = self._page("barriers")
        self.barriers_hint = QLabel()
        self.barriers_hint.setWordWrap(True)
        layout.insertWidget(1, self.barriers_hint)
        layout.addStretch(1)
        self._page("jobs").addStretch(1)

        layout = self._page("consents")
        self.consents = ConsentBoxes()
        self.consents.changed.connect(self._changed)
        layout.addWidget(self.consents)
        layout.addStretch(1)

        self.previous_button = QPushButton()
        self.previous_button.setObjectName("intake-previous")
        self.previous_button.clicked.connect(self.previous)
        self.next_button = QPushButton()
        self.next_button.setObjectName("intake-next")
        self.next_button.clicked.connect(self.next)
        self.save_button = QPushButton()
        self.save_button.setObjectName("intake-save")
        self.save_button.clicked.connect(self.save)
        self.discard_button = QPushButton()
        self.discard_button.setObjectName("intake-discard")
        self.discard_button.clicked.connect(self.discard)
        self.status = QLabel()
        self.status.setObjectName("intake-status")
        self.status.setWordWrap(True)
        for keys, slot in (("Alt+Right", self.next), ("Alt+Left", self.previous), ("Ctrl+S", self.save)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

        buttons = QHBoxLayout()
        buttons.addWidget(self.discard_button)
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.previous_button)
        buttons.addWidget(self.next_button)
        buttons.addWidget(self.save_button)
        body = QHBoxLayout()
        body.addWidget(self.steps)
        column = QVBoxLayout()
        column.addWidget(self.stack, 1)
        column.addWidget(self.elsewhere)
        body.addLayout(column, 1)
        layout_main = QVBoxLayout(self)
        layout_main.setContentsMargins(28, 20, 28, 16)
        layout_main.addWidget(self.title)
        layout_main.addWidget(self.resume_banner)
        layout_main.addLayout(body, 1)
        layout_main.addLayout(buttons)

        self._draft_timer = QTimer(self)
        self._draft_timer.setSingleShot(True)
        self._draft_timer.setInterval(DRAFT_DELAY_MS)
        self._draft_timer.timeout.connect(self.save_draft_now)

    # -- values --------------------------------------------------------------------------------------------------

    def values(self) -> dict[str, Any]:
        """The form as typed (what a draft stores)."""
        out: dict[str, Any] = {}
        for group in self.groups.values():
            out |= group.values()
        out["consents"] = self.consents.values()
        out["confirmed_new"] = self.confirm_new.isChecked()
        return out

    def set_values(self, data: dict[str, Any]) -> None:
        self._loading_values = True
        try:
            for group in self.groups.values():
                group.set_values(data)
            self.consents.set_values(data.get("consents") or [])
            self.confirm_new.setChecked(bool(data.get("confirmed_new")))
        finally:
            self._loading_values = False
        self.matches.schedule()
        self.elsewhere.schedule()

    def clear(self) -> None:
        """An empty form with a new draft id."""
        self._draft_timer.stop()
        self.set_values({})
        self._draft_id = new_id()
        self._pre_registration_id = None
        self.dirty = False
        self.matches.clear()
        self.elsewhere.clear()
        for group in self.groups.values():
            group.clear_errors()
        self.consents.show_errors([])
        self.status.clear()
        self._go(0)

    # -- opening, drafts -----------------------------------------------------------------------------------------

    def open(self) -> None:
        """Called when the wizard is shown: offer to resume an unfinished draft when the form is empty."""
        if not self.dirty:
            self._runner.query(drafts.latest_draft, on_done=self._offer_draft)
        self.fields["first_name"].setFocus()

    def _open_match(self, person_id: str) -> None:
        """The person is already followed: open their file (a walk-in being received is attached to them first)."""
        pre = self._pre_registration_id
        if pre is None:
            self.open_person.emit(person_id)
            return
        self._runner.run(
            drafts.attach_pre_registration,
            pre,
            person_id,
            on_done=lambda _r: self.open_person.emit(person_id),
            on_error=lambda error: self.failed.emit(error.message),
        )

    def start_from_pre_registration(self, pre_registration_id: str) -> None:
        self.clear()
        self._pre_registration_id = pre_registration_id
        self._runner.query(drafts.pre_registration_form, pre_registration_id, on_done=self._prefill)

    def _prefill(self, data: dict[str, Any]) -> None:
        self.resume_banner.hide()
        self.set_values(data)
        self.dirty = True
        self.status.setText(self.tr("Pre-filled from the kiosk form: check each page with the person."))
        self.save_draft_now()

    def _offer_draft(self, draft: drafts.Draft | None) -> None:
        self._offered = draft
        if draft is None or self.dirty:
            self.resume_banner.hide()
            return
        who = " ".join(x for x in (draft.data.get("first_name", ""), draft.data.get("last_name", "")) if x)
        self.resume_text.setText(
            self.tr("A registration started on %1 was not finished (%2). Resume it?")
            .replace("%1", fmt_datetime(draft.updated_at))
            .replace("%2", who or self.tr("no name yet"))
        )
        self.resume_banner.show()
        self.resume_button.setFocus()
        self.draft_offered.emit(draft)

    def resume_draft(self) -> None:
        draft = self._offered
        if draft is None:
            return
        self.resume_banner.hide()
        self.set_values(draft.data)
        self._draft_id = draft.id
        self._pre_registration_id = draft.pre_registration_id
        self.dirty = True
        self._offered = None
        self._go(min(max(draft.page, 0), len(PAGES) - 1))

    def discard_offered_draft(self) -> None:
        draft = self._offered
        self.resume_banner.hide()
        self._offered = None
        if draft is not None:
            self._runner.run(drafts.discard_draft, draft.id)
        self.fields["first_name"].setFocus()

    def discard(self) -> None:
        """Abandon the registration being typed (its draft is deleted)."""
        draft_id = self._draft_id
        self.clear()
        self._runner.run(drafts.discard_draft, draft_id)
        self.status.setText(self.tr("Registration abandoned."))

    def _changed(self, *_args: object) -> None:
        if self._loading_values:
            return
        self.dirty = True
        self.resume_banner.hide()
        self._draft_timer.start()
        self.matches.schedule()
        self.elsewhere.schedule()

    def save_draft_now(self) -> None:
        self._draft_timer.stop()
        if self._runner.is_shut_down:
            return
        self._runner.run(
            drafts.save_draft,
            self._draft_id,
            self.values(),
            self.stack.currentIndex(),
            self._pre_registration_id,
            on_done=self._draft_saved,
        )

    def _draft_saved(self, draft_id: str) -> None:
        self.draft_saved.emit(draft_id)

    # -- navigation ----------------------------------------------------------------------------------------------

    def _step_clicked(self, row: int) -> None:
        if row != self.stack.currentIndex() and 0 <= row < len(PAGES):
            if row < self.stack.currentIndex() or self._page_ok(self.stack.currentIndex()):
                self._go(row)
            else:
                self.steps.setCurrentRow(self.stack.currentIndex())

    def _go(self, index: int) -> None:
        self.stack.setCurrentIndex(index)
        self.steps.blockSignals(True)
        self.steps.setCurrentRow(index)
        self.steps.blockSignals(False)
        self._update_buttons()
        page = self.stack.currentWidget()
        if page is None:
            return
        first = next(
            (w for w in page.findChildren(QWidget) if w.focusPolicy() & Qt.FocusPolicy.TabFocus and w.isEnabled()),
            None,
        )
        if first is not None and self.isVisible():
            first.setFocus()

    def next(self) -> None:
        index = self.stack.currentIndex()
        if index >= len(PAGES) - 1:
            return
        if not self._page_ok(index):
            return
        self._go(index + 1)
        if self.dirty:
            self.save_draft_now()

    def previous(self) -> None:
        index = self.stack.currentIndex()
        if index > 0:
            self._go(index - 1)

    def _update_buttons(self) -> None:
        index = self.stack.currentIndex()
        last = index == len(PAGES) - 1
        self.previous_button.setEnabled(index > 0)
        self.next_button.setVisible(not last)
        self.save_button.setVisible(last)
        self.next_button.setEnabled(not (index == 0 and self.matches.blocks()))

    # -- validation: gn_core's, shown under each field ------------------------------------------------------------

    def _page_ok(self, index: int) -> bool:
        group = self.groups.get(PAGES[index])
        bad = group.check() if group is not None else []
        if PAGES[index] == "consents" and not self.consents.check():
            bad.append("consents")
        if index == 0 and not bad and self.matches.blocks():
            self.status.setText(
                self.tr("Check the people already registered: open their file, or tick that this is someone else.")
            )
            return False
        if bad:
            widget = self.fields.get(bad[0])
            if widget is not None:
                widget.setFocus()
            self.status.setText(self.tr("Correct the fields marked in red."))
            return False
        self.status.clear()
        return True

    # -- saving --------------------------------------------------------------------------------------------------

    def save(self) -> None:
        if self.stack.currentIndex() != len(PAGES) - 1:
            return
        for index in range(len(PAGES)):
            if not self._page_ok(index):
                self._go(index)
                self._page_ok(index)
                return
        v = self.values()
        consents = [intake.ConsentInput(p, text_version=CURRENT_CONSENT_VERSION) for p in v["consents"]]
        request = drafts.IntakeRequest(
            person_form(v), consents, self.confirm_new.isChecked(), self._draft_id, self._pre_registration_id
        )
        self._draft_timer.stop()
        self.save_button.setEnabled(False)
        self.status.setText(self.tr("Saving…"))
        self._runner.run(drafts.complete_intake, request, date.today(), on_done=self._created, on_error=self._refused)

    def _created(self, person_id: str) -> None:
        self.save_button.setEnabled(True)
        self.clear()
        self.status.setText(self.tr("Person registered."))
        self.created.emit(person_id)

    def _refused(self, error: TaskError) -> None:
        self.save_button.setEnabled(True)
        self.status.setText(error.message)
        known = error.error
        if isinstance(known, intake.PossibleDuplicates):
            self.matches.show_matches(known.matches)
            self.confirm_new.setChecked(False)
            self._go(0)
        elif isinstance(known, InvalidInput):
            for group in self.groups.values():
                group.show_errors(known.errors)
            if known.for_field("consents"):
                self.consents.show_errors(known.errors)
            pages = [FIELD_PAGE.get(err.field, 0) for err in known.errors]
            self._go(min(pages) if pages else 0)
        self.failed.emit(error.message)

    # -- translation ---------------------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.title.setText(self.tr("New registration"))
        step_names = [
            self.tr("1. Identity"),
            self.tr("2. Contact"),
            self.tr("3. Situation"),
            self.tr("4. Barriers"),
            self.tr("5. Target jobs"),
            self.tr("6. Consents"),
        ]
        for row, name in enumerate(step_names):
            self.steps.item(row).setText(name)
        titles = {
            "identity": self.tr("Identity — search before creating"),
            "contact": self.tr("Contact"),
            "situation": self.tr("Situation"),
            "barriers": self.tr("Barriers to employment"),
            "jobs": self.tr("Target jobs"),
            "consents": self.tr("Consents"),
        }
        for key, text in titles.items():
            self._titles[key].setText(text)
        self.barriers_hint.setText(
            self.tr("Tick the themes the person mentions; details go in a note of their file, not here.")
        )
        self.resume_button.setText(self.tr("&Resume"))
        self.discard_offer_button.setText(self.tr("&Abandon it"))
        self.previous_button.setText(self.tr("← &Previous (Alt+←)"))
        self.next_button.setText(self.tr("&Next (Alt+→) →"))
        self.save_button.setText(self.tr("&Save the person (Ctrl+S)"))
        self.discard_button.setText(self.tr("Abandon this registration"))
