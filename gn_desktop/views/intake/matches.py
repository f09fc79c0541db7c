"""Search before create: the people already registered who may be the one being typed (the wizard's first page).

As the name, birth date, phone and e-mail are typed, `services.intake.likely_matches` is asked (through the task
runner, `MATCH_DELAY_MS` after the last change) and its answer listed. While there are matches, `blocks()` is true
until the advisor ticks "this is someone else" (or opens one of them: `open_person`). Answers to what was typed
before are dropped: checks are answered in order and each is compared with what is typed now.

Threading: main thread only.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from gn_core.domain.person import check_person
from gn_desktop.services import intake
from gn_desktop.views.common import fill, fmt_date, heading, selected_id, table
from gn_desktop.views.intake.form import person_form
from gn_desktop.views.tasks import TaskRunner

MATCH_DELAY_MS = 250


class LikelyMatches(QWidget):
    """The likely matches of what is typed. Emits `checked(n)` when an answer for what is typed now arrives,
    `open_person(id)`, and `changed()` whenever `blocks()` may have changed."""

    checked = Signal(int)
    open_person = Signal(str)
    changed = Signal()

    def __init__(self, runner: TaskRunner, typed: Callable[[], Mapping[str, Any]], parent: QWidget | None = None):
        super().__init__(parent)
        self._runner = runner
        self._typed = typed
        self.matches: list[intake.LikelyMatch] = []
        self._matches_for: tuple[str, ...] | None = None
        self._keys: deque[tuple[str, ...]] = deque()  # keys of the checks in flight (answered in order)

        self.title = heading(size=12)
        self.status = QLabel()
        self.status.setObjectName("intake-matches-status")
        self.status.setWordWrap(True)
        self.table = table("intake-matches", 4, stretch=3)
        self.table.setMaximumHeight(150)
        self.table.itemActivated.connect(lambda _item: self.open_selected())
        self.open_button = QPushButton()
        self.open_button.setObjectName("intake-open-match")
        self.open_button.clicked.connect(self.open_selected)
        self.confirm_new = QCheckBox()
        self.confirm_new.setObjectName("intake-confirm-new")
        self.confirm_new.toggled.connect(self.changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.status)
        layout.addWidget(self.table)
        row = QHBoxLayout()
        row.addWidget(self.confirm_new, 1)
        row.addWidget(self.open_button)
        layout.addLayout(row)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(MATCH_DELAY_MS)
        self._timer.timeout.connect(self.check_now)
        self.retranslate()
        self._refresh()

    def key(self) -> tuple[str, ...]:
        """What the matches depend on, as typed now: first name, last name, birth date, phone, e-mail."""
        v = self._typed()
        return (v["first_name"].strip(), v["last_name"].strip(), v["birth_date"].strip(), v["phone"], v["email"])

    def schedule(self) -> None:
        """Check again a moment after the last change."""
        self._timer.start()

    def check_now(self) -> None:
        self._timer.stop()
        if self._runner.is_shut_down:
            return
        key = self.key()
        if not (key[0] and key[1]):
            self.show_matches([], key)
            return
        # the birth date, phone and e-mail as stored, when they are valid (the fields say what is wrong otherwise)
        clean, _problems = check_person(person_form(self._typed()), date.today(), ("birth_date", "phone", "email"))
        self._runner.query(
            intake.likely_matches,
            key[0],
            key[1],
            clean["birth_date"],
            clean["phone"],
            clean["email"],
            on_done=self._arrived,
        )
        self._keys.append(key)

    def _arrived(self, found: list[intake.LikelyMatch]) -> None:
        key = self._keys.popleft() if self._keys else ()
        self.show_matches(found, key)

    def show_matches(self, found: list[intake.LikelyMatch], key: tuple[str, ...] | None = None) -> None:
        """List `found` as the matches of `key` (by default: of what is typed now); ignored if typed on since."""
        if key is None:
            key = self.key()
        elif key != self.key():
            return  # typed on meanwhile: another check is coming
        self.matches = list(found)
        self._matches_for = key
        fill(
            self.table,
            [
                [f"{m.first_name} {m.last_name}", fmt_date(m.birth_date), m.campus_name, ", ".join(m.reasons)]
                for m in found
            ],
            [m.person_id for m in found],
        )
        if found:
            self.table.selectRow(0)
        self._refresh()
        self.changed.emit()
        self.checked.emit(len(found))

    def open_selected(self) -> None:
        pid = selected_id(self.table)
        if pid is not None:
            self.open_person.emit(pid)

    def blocks(self) -> bool:
        """True while the wizard may not go on: matches unanswered, or no answer yet for the name and birth date."""
        first, last = self.key()[:2]
        if not (first and last):
            return False  # the required-field check says what is missing
        if self._matches_for is None or self._matches_for[:3] != self.key()[:3]:
            return True  # the check for the name and birth date just typed has not answered yet
        # (phone and e-mail typed later are checked again by the service when saving)
        return bool(self.matches) and not self.confirm_new.isChecked()

    def clear(self) -> None:
        self._timer.stop()
        self.matches = []
        self._matches_for = None
        fill(self.table, [])
        self._refresh()

    def _refresh(self) -> None:
        shown = bool(self.matches)
        self.confirm_new.setVisible(shown)
        self.open_button.setVisible(shown)
        self.table.setVisible(shown)
        self._retranslate_status()

    # -- translation ---------------------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _retranslate_status(self) -> None:
        n = len(self.matches)
        if n:
            self.status.setText(
                self.tr(
                    "%n person(s) already registered may be the same: "
                    "open their file, or confirm this is someone else.",
                    "",
                    n,
                )
            )
        elif self._matches_for is not None and self._matches_for[0] and self._matches_for[1]:
            self.status.setText(self.tr("Nobody registered matches this name and birth date."))
        else:
            self.status.setText(self.tr("Type the name and birth date: people already registered show here."))

    def retranslate(self) -> None:
        self.title.setText(self.tr("Already registered?"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("Birth date"), self.tr("Campus"), self.tr("Why")]
        )
        self.table.setAccessibleName(self.tr("People already registered who may be the same"))
        self.open_button.setText(self.tr("&Open this file"))
        self.confirm_new.setText(self.tr("This is &someone else: create a new file"))
        self._retranslate_status()
