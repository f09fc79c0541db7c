"""The intake wizard: search before create, then identity, contact, situation, barriers, target jobs and consents.

* Search before create: as the name and birth date are typed, likely matches (`services.intake.likely_matches`) are
  listed; while there are some, the wizard goes on only once the advisor ticks "this is someone else" (or opens one).
  Saving asks the service again (phone, e-mail…): `PossibleDuplicates` brings the advisor back to the matches.
* Inline validation in French, with the domain's own checks, when a field is left and before each next page.
* The draft is saved as it is typed (`services.drafts.save_draft`, through the task runner, 400 ms after the last
  change): after a crash, opening the wizard again offers to resume it.

Keyboard: Tab moves between fields, Alt+→ / Alt+← next and previous page, Ctrl+S saves on the last page.
Threading: main thread only.
"""

from __future__ import annotations

from collections import deque
from datetime import date
from enum import StrEnum
from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from gn_core.domain import enums as e
from gn_core.domain.errors import InvalidInput
from gn_core.domain.reference import COMMUNES_93, CURRENT_CONSENT_VERSION, consent_text
from gn_core.domain.validation import (
    check_birth_date,
    check_email,
    check_france_travail_id,
    check_phone,
    check_required,
    parse_date,
)
from gn_core.ids import new_id
from gn_desktop.services import drafts, intake
from gn_desktop.views.common import (
    error_label,
    fill,
    fmt_date,
    fmt_datetime,
    heading,
    lab,
    selected_id,
    show_error,
    table,
)
from gn_desktop.views.tasks import TaskError, TaskRunner

DRAFT_DELAY_MS = 400
MATCH_DELAY_MS = 250

PAGES = ("identity", "contact", "situation", "barriers", "jobs", "consents")
FIELD_PAGE = {
    "first_name": 0,
    "last_name": 0,
    "birth_date": 0,
    "gender": 0,
    "phone": 1,
    "email": 1,
    "commune": 1,
    "situation": 2,
    "france_travail_id": 2,
    "education_level": 2,
    "benefits": 2,
    "referral_source": 2,
    "barriers": 3,
    "job_families": 4,
    "consents": 5,
    "rqth": 5,
}


def _check(fn: Any) -> str | None:
    try:
        fn()
    except InvalidInput as exc:
        return exc.errors[0].message
    return None


class IntakePage(QWidget):
    """The intake wizard. Emits `created(person_id)`, `open_person(id)`, `draft_saved(id)`, `matches_checked(n)`."""

    created = Signal(str)
    open_person = Signal(str)
    draft_saved = Signal(str)
    draft_offered = Signal(object)
    matches_checked = Signal(int)
    failed = Signal(str)

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("intake-page")
        self._runner = runner
        self._loading_values = False
        self._draft_id = new_id()
        self._pre_registration_id: str | None = None
        self._offered: drafts.Draft | None = None
        self._matches: list[intake.LikelyMatch] = []
        self._matches_for: tuple[str, ...] | None = None
        self._match_keys: deque[tuple[str, ...]] = deque()  # keys of the checks in flight (answered in order)
        self.dirty = False
        self.fields: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        self.labels: dict[str, QLabel] = {}
        self._vocabs: dict[str, type[StrEnum] | None] = {}
        self._checkboxes: dict[str, tuple[type[StrEnum], dict[str, QCheckBox]]] = {}
        self._titles: dict[str, QLabel] = {}
        self._build()
        self._retranslate()
        self._go(0)

    # -- building ------------------------------------------------------------------------------------------------

    def _line(self, name: str) -> QLineEdit:
        w = QLineEdit()
        w.setObjectName(f"intake-{name}")
        w.textEdited.connect(self._changed)
        w.editingFinished.connect(lambda name=name: self._validate_field(name))
        self.fields[name] = w
        return w

    def _combo(self, name: str, vocab: type[StrEnum] | None) -> QComboBox:
        w = QComboBox()
        w.setObjectName(f"intake-{name}")
        w.currentIndexChanged.connect(self._changed)
        self._vocabs[name] = vocab
        self.fields[name] = w
        return w

    def _boxes(self, name: str, vocab: type[StrEnum], columns: int = 2) -> QWidget:
        holder = QWidget()
        holder.setObjectName(f"intake-{name}")
        grid = QGridLayout(holder)
        grid.setContentsMargins(0, 0, 0, 0)
        boxes: dict[str, QCheckBox] = {}
        for i, value in enumerate(vocab):
            box = QCheckBox()
            box.setObjectName(f"intake-{name}-{value.value}")
            box.toggled.connect(self._changed)
            boxes[value.value] = box
            grid.addWidget(box, i // columns, i % columns)
        self._checkboxes[name] = (vocab, boxes)
        self.fields[name] = holder
        return holder

    def _row(self, form: QFormLayout, name: str, widget: QWidget) -> None:
        label = QLabel()
        label.setBuddy(widget)
        self.labels[name] = label
        err = error_label(f"intake-{name}-error")
        self.errors[name] = err
        box = QVBoxLayout()
        box.setSpacing(2)
        box.addWidget(widget)
        box.addWidget(err)
        form.addRow(label, box)

    def _page(self, title_key: str) -> tuple[QWidget, QVBoxLayout, QFormLayout]:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        title = heading(size=15)
        title.setObjectName(f"intake-title-{title_key}")
        layout.addWidget(title)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setVerticalSpacing(6)
        layout.addLayout(form)
        self._titles[title_key] = title
        return page, layout, form

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

        # 0 identity, with the search before create
        page, layout, form = self._page("identity")
        self._row(form, "first_name", self._line("first_name"))
        self._row(form, "last_name", self._line("last_name"))
        birth = self._line("birth_date")
        birth.setMaxLength(10)
        self._row(form, "birth_date", birth)
        self._row(form, "gender", self._combo("gender", e.Gender))
        self.matches_title = heading(size=12)
        self.matches_table = table("intake-matches", 4, stretch=3)
        self.matches_table.setMaximumHeight(150)
        self.matches_table.itemActivated.connect(lambda _item: self._open_match())
        self.open_match_button = QPushButton()
        self.open_match_button.setObjectName("intake-open-match")
        self.open_match_button.clicked.connect(self._open_match)
        self.confirm_new = QCheckBox()
        self.confirm_new.setObjectName("intake-confirm-new")
        self.confirm_new.toggled.connect(self._update_buttons)
        self.matches_status = QLabel()
        self.matches_status.setObjectName("intake-matches-status")
        self.matches_status.setWordWrap(True)
        layout.addWidget(self.matches_title)
        layout.addWidget(self.matches_status)
        layout.addWidget(self.matches_table)
        match_row = QHBoxLayout()
        match_row.addWidget(self.confirm_new, 1)
        match_row.addWidget(self.open_match_button)
        layout.addLayout(match_row)
        layout.addStretch(1)
        self.stack.addWidget(page)

        # 1 contact
        page, layout, form = self._page("contact")
        self._row(form, "phone", self._line("phone"))
        self._row(form, "email", self._line("email"))
        commune = self._line("commune")
        completer = QCompleter([c.name for c in COMMUNES_93], commune)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        commune.setCompleter(completer)
        self._row(form, "commune", commune)
        layout.addStretch(1)
        self.stack.addWidget(page)

        # 2 situation
        page, layout, form = self._page("situation")
        self._row(form, "situation", self._combo("situation", e.Situation))
        self._row(form, "france_travail_id", self._line("france_travail_id"))
        self._row(form, "education_level", self._combo("education_level", e.EducationLevel))
        self._row(form, "benefits", self._boxes("benefits", e.Benefit, 2))
        self._row(form, "referral_source", self._combo("referral_source", e.ReferralSource))
        layout.addStretch(1)
        self.stack.addWidget(page)

        # 3 barriers
        page, layout, form = self._page("barriers")
        self.barriers_hint = QLabel()
        self.barriers_hint.setWordWrap(True)
        layout.insertWidget(1, self.barriers_hint)
        self._row(form, "barriers", self._boxes("barriers", e.BarrierTheme))
        layout.addStretch(1)
        self.stack.addWidget(page)

        # 4 target jobs
        page, layout, form = self._page("jobs")
        self._row(form, "job_families", self._boxes("job_families", e.JobFamily))
        layout.addStretch(1)
        self.stack.addWidget(page)

        # 5 consents: each text shown with its version
        page, layout, _form = self._page("consents")
        self.consent_boxes: dict[str, QCheckBox] = {}
        self.consent_texts: dict[str, QLabel] = {}
        for purpose in e.ConsentPurpose:
            box = QCheckBox()
            box.setObjectName(f"intake-consent-{purpose.value}")
            box.toggled.connect(self._changed)
            text = QLabel(consent_text(purpose.value).text_fr)
            text.setWordWrap(True)
            text.setObjectName(f"intake-consent-text-{purpose.value}")
            text.setContentsMargins(24, 0, 0, 6)
            self.consent_boxes[purpose.value] = box
            self.consent_texts[purpose.value] = text
            layout.addWidget(box)
            layout.addWidget(text)
        self.consent_version = QLabel()
        self.consent_version.setObjectName("intake-consent-version")
        layout.addWidget(self.consent_version)
        self.errors["consents"] = error_label("intake-consents-error")
        layout.addWidget(self.errors["consents"])
        layout.addStretch(1)
        self.stack.addWidget(page)

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
        body.addWidget(self.stack, 1)
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
        self._match_timer = QTimer(self)
        self._match_timer.setSingleShot(True)
        self._match_timer.setInterval(MATCH_DELAY_MS)
        self._match_timer.timeout.connect(self._check_matches)

    # -- values --------------------------------------------------------------------------------------------------

    def values(self) -> dict[str, Any]:
        """The form as typed (what a draft stores)."""
        out: dict[str, Any] = {}
        for name, w in self.fields.items():
            if isinstance(w, QLineEdit):
                out[name] = w.text()
            elif isinstance(w, QComboBox):
                out[name] = w.currentData() or ""
            else:
                _vocab, boxes = self._checkboxes[name]
                out[name] = [v for v, b in boxes.items() if b.isChecked()]
        out["consents"] = [p for p, b in self.consent_boxes.items() if b.isChecked()]
        out["confirmed_new"] = self.confirm_new.isChecked()
        return out

    def set_values(self, data: dict[str, Any]) -> None:
        self._loading_values = True
        try:
            for name, w in self.fields.items():
                value = data.get(name)
                if isinstance(w, QLineEdit):
                    w.setText(str(value or ""))
                elif isinstance(w, QComboBox):
                    index = w.findData(value or "")
                    w.setCurrentIndex(max(0, index))
                else:
                    _vocab, boxes = self._checkboxes[name]
                    for v, b in boxes.items():
                        b.setChecked(v in (value or []))
            for p, b in self.consent_boxes.items():
                b.setChecked(p in (data.get("consents") or []))
            self.confirm_new.setChecked(bool(data.get("confirmed_new")))
        finally:
            self._loading_values = False
        self._match_timer.start()

    def clear(self) -> None:
        """An empty form with a new draft id."""
        self._draft_timer.stop()
        self.set_values({})
        self._draft_id = new_id()
        self._pre_registration_id = None
        self.dirty = False
        self._matches = []
        self._matches_for = None
        fill(self.matches_table, [])
        for err in self.errors.values():
            show_error(err, None)
        self.status.clear()
        self._go(0)

    # -- opening, drafts -----------------------------------------------------------------------------------------

    def open(self) -> None:
        """Called when the wizard is shown: offer to resume an unfinished draft when the form is empty."""
        if not self.dirty:
            self._runner.query(drafts.latest_draft, on_done=self._offer_draft)
        self.fields["first_name"].setFocus()

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
        self._match_timer.start()

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

    # -- search before create ------------------------------------------------------------------------------------

    def _match_key(self) -> tuple[str, ...]:
        v = self.values()
        return (v["first_name"].strip(), v["last_name"].strip(), v["birth_date"].strip(), v["phone"], v["email"])

    def _check_matches(self) -> None:
        if self._runner.is_shut_down:
            return
        first, last, birth_text, phone, email = self._match_key()
        if not (first and last):
            self._show_matches([], self._match_key())
            return
        try:
            birth = parse_date(birth_text, "birth_date", "")
        except InvalidInput:
            birth = None
        try:
            clean_phone = check_phone(phone)
        except InvalidInput:
            clean_phone = None
        try:
            clean_email = check_email(email)
        except InvalidInput:
            clean_email = None
        key = self._match_key()
        self._runner.query(
            intake.likely_matches,
            first,
            last,
            birth,
            clean_phone,
            clean_email,
            on_done=self._matches_arrived,
        )
        self._match_keys.append(key)

    def _matches_arrived(self, found: list[intake.LikelyMatch]) -> None:
        key = self._match_keys.popleft() if self._match_keys else ()
        self._show_matches(found, key)

    def _show_matches(self, found: list[intake.LikelyMatch], key: tuple[str, ...]) -> None:
        if key != self._match_key():
            return  # typed on meanwhile: another check is coming
        self._matches = list(found)
        self._matches_for = key
        fill(
            self.matches_table,
            [
                [f"{m.first_name} {m.last_name}", fmt_date(m.birth_date), m.campus_name, ", ".join(m.reasons)]
                for m in found
            ],
            [m.person_id for m in found],
        )
        if found:
            self.matches_table.selectRow(0)
        self._update_buttons()
        self.matches_checked.emit(len(found))

    def _open_match(self) -> None:
        pid = selected_id(self.matches_table)
        if pid is not None:
            self.open_person.emit(pid)

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
        blocked = index == 0 and self._blocked_by_matches()
        self.next_button.setEnabled(not blocked)
        self.confirm_new.setVisible(bool(self._matches))
        self.open_match_button.setVisible(bool(self._matches))
        self.matches_table.setVisible(bool(self._matches))
        self._retranslate_matches()

    def _blocked_by_matches(self) -> bool:
        first, last = self._match_key()[:2]
        if not (first and last):
            return False  # the required-field check says what is missing
        if self._matches_for is None or self._matches_for[:3] != self._match_key()[:3]:
            return True  # the check for the name and birth date just typed has not answered yet
        # (phone and e-mail typed later are checked again by the service when saving)
        return bool(self._matches) and not self.confirm_new.isChecked()

    # -- validation ----------------------------------------------------------------------------------------------

    def _field_error(self, name: str) -> str | None:
        v = self.values()
        today = date.today()
        if name == "first_name":
            return _check(lambda: check_required(v["first_name"], name, "Prénom"))
        if name == "last_name":
            return _check(lambda: check_required(v["last_name"], name, "Nom"))
        if name == "birth_date":
            return _check(lambda: check_birth_date(parse_date(v["birth_date"], name, "Date de naissance"), today))
        if name == "phone":
            return _check(lambda: check_phone(v["phone"]))
        if name == "email":
            return _check(lambda: check_email(v["email"]))
        if name == "france_travail_id":
            return _check(lambda: check_france_travail_id(v["france_travail_id"]))
        if name == "consents" and e.ConsentPurpose.FOLLOW_UP.value not in v["consents"]:
            return (
                "Consentements : indiquez l'accord (ou la base légale) pour le suivi du parcours avant d'enregistrer."
            )
        return None

    def _validate_field(self, name: str) -> str | None:
        message = self._field_error(name)
        if name in self.errors:
            show_error(self.errors[name], message)
        return message

    def _page_ok(self, index: int) -> bool:
        names = [n for n, p in FIELD_PAGE.items() if p == index]
        bad = [n for n in names if self._validate_field(n)]
        if index == 0 and not bad and self._blocked_by_matches():
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
        form = intake.PersonForm(
            first_name=v["first_name"],
            last_name=v["last_name"],
            birth_date=v["birth_date"] or None,
            gender=v["gender"] or None,
            phone=v["phone"] or None,
            email=v["email"] or None,
            commune=v["commune"] or None,
            situation=v["situation"] or None,
            france_travail_id=v["france_travail_id"] or None,
            education_level=v["education_level"] or None,
            benefits=v["benefits"],
            barriers=v["barriers"],
            job_families=v["job_families"],
            referral_source=v["referral_source"] or None,
        )
        consents = [intake.ConsentInput(p, text_version=CURRENT_CONSENT_VERSION) for p in v["consents"]]
        request = drafts.IntakeRequest(
            form, consents, self.confirm_new.isChecked(), self._draft_id, self._pre_registration_id
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
            self._matches_for = self._match_key()
            self._show_matches(known.matches, self._match_key())
            self.confirm_new.setChecked(False)
            self._go(0)
        elif isinstance(known, InvalidInput):
            pages = []
            for err in known.errors:
                if err.field in self.errors:
                    show_error(self.errors[err.field], err.message)
                pages.append(FIELD_PAGE.get(err.field, 0))
            self._go(min(pages) if pages else 0)
        self.failed.emit(error.message)

    # -- translation ---------------------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate_matches(self) -> None:
        n = len(self._matches)
        if n:
            self.matches_status.setText(
                self.tr(
                    "%n person(s) already registered may be the same: "
                    "open their file, or confirm this is someone else.",
                    "",
                    n,
                )
            )
        elif self._matches_for is not None and self._matches_for[0] and self._matches_for[1]:
            self.matches_status.setText(self.tr("Nobody registered matches this name and birth date."))
        else:
            self.matches_status.setText(self.tr("Type the name and birth date: people already registered show here."))

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
        labels = {
            "first_name": self.tr("&First name *"),
            "last_name": self.tr("&Last name *"),
            "birth_date": self.tr("&Birth date"),
            "gender": self.tr("&Gender"),
            "phone": self.tr("&Phone"),
            "email": self.tr("&E-mail"),
            "commune": self.tr("&Commune"),
            "situation": self.tr("&Situation"),
            "france_travail_id": self.tr("France &Travail id"),
            "education_level": self.tr("E&ducation level"),
            "benefits": self.tr("Be&nefits"),
            "referral_source": self.tr("&Referred by"),
            "barriers": self.tr("&Barriers"),
            "job_families": self.tr("&Jobs"),
        }
        for key, text in labels.items():
            self.labels[key].setText(text)
        self.fields["birth_date"].setProperty("placeholderText", self.tr("dd/mm/yyyy"))
        self.fields["phone"].setProperty("placeholderText", self.tr("06 12 34 56 78"))
        self.fields["email"].setProperty("placeholderText", self.tr("name@domain.fr"))
        self.fields["commune"].setProperty("placeholderText", self.tr("Commune of Seine-Saint-Denis, or another town"))
        self.fields["france_travail_id"].setProperty("placeholderText", self.tr("1234567A"))
        for name in ("gender", "situation", "education_level", "referral_source"):
            combo = self.fields[name]
            assert isinstance(combo, QComboBox)
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("— not stated —"), "")
            for value in self._vocabs[name] or ():
                combo.addItem(lab(value), value.value)
            combo.setCurrentIndex(max(0, combo.findData(current or "")))
            combo.blockSignals(False)
        for vocab, boxes in self._checkboxes.values():
            for raw, box in boxes.items():
                box.setText(lab(vocab(raw)))
        self.barriers_hint.setText(
            self.tr("Tick the themes the person mentions; details go in a note of their file, not here.")
        )
        for purpose, box in self.consent_boxes.items():
            text = lab(e.ConsentPurpose(purpose))
            box.setText(text + (" *" if purpose == e.ConsentPurpose.FOLLOW_UP.value else ""))
        self.consent_version.setText(
            self.tr("Consent texts, version %1. Read them to the person before ticking.").replace(
                "%1", CURRENT_CONSENT_VERSION
            )
        )
        self.matches_title.setText(self.tr("Already registered?"))
        self.matches_table.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("Birth date"), self.tr("Campus"), self.tr("Why")]
        )
        self.matches_table.setAccessibleName(self.tr("People already registered who may be the same"))
        self.open_match_button.setText(self.tr("&Open this file"))
        self.confirm_new.setText(self.tr("This is &someone else: create a new file"))
        self.resume_button.setText(self.tr("&Resume"))
        self.discard_offer_button.setText(self.tr("&Abandon it"))
        self.previous_button.setText(self.tr("← &Previous (Alt+←)"))
        self.next_button.setText(self.tr("&Next (Alt+→) →"))
        self.save_button.setText(self.tr("&Save the person (Ctrl+S)"))
        self.discard_button.setText(self.tr("Abandon this registration"))
        self._retranslate_matches()
