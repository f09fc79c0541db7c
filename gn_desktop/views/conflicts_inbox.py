"""The conflicts inbox, the second tab of the synchronisation page: the same information changed here and on another
campus before they could synchronise, and the advisor's decision for each one.

The page reads the inbox (`conflicts.inbox`, with the sync state) and hands it to `ConflictsInbox.show_inbox`; a
decision is recorded here with `conflicts.decide` through the task runner, then `decided` tells the page, which pokes
the scheduler (the decision leaves at the next cycle) and reads the inbox again.

Threading: main thread only.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from gn_core.domain.validation import format_phone
from gn_desktop.services import conflicts
from gn_desktop.services.conflicts import Inbox, InboxItem
from gn_desktop.views.common import fill, fmt_datetime, heading, selected_id, show_error, table
from gn_desktop.views.record_labels import RecordLabels
from gn_desktop.views.tasks import TaskError, TaskRunner

_STYLE = """
QFrame#conflict-detail { background: #f2f5f9; border: 1px solid #d5dde8; border-radius: 8px; }
"""


class ConflictsInbox(QWidget):
    """The conflicts to settle: a table, the selected conflict's detail and the decision buttons. Emits `decided`
    once a decision is recorded."""

    decided = Signal()

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet(_STYLE)
        self._runner = runner
        self.inbox: Inbox | None = None

        self.inbox_intro = QLabel()
        self.inbox_intro.setWordWrap(True)
        self.conflicts_table = table("conflicts-table", 6, stretch=5)
        self.conflicts_table.setWordWrap(False)  # names on one line; the last column elides
        self.conflicts_table.itemSelectionChanged.connect(self._render_detail)
        self.inbox_empty = QLabel()
        self.inbox_empty.setObjectName("conflicts-empty")
        self.waiting_label = QLabel()
        self.waiting_label.setObjectName("conflicts-waiting")

        self.detail = QFrame()
        self.detail.setObjectName("conflict-detail")
        self.detail_title = heading(size=12)
        self.detail_title.setObjectName("conflict-title")
        self.detail_text = QLabel()
        self.detail_text.setObjectName("conflict-text")
        self.detail_text.setWordWrap(True)
        self.detail_text.setTextFormat(Qt.TextFormat.RichText)
        self.keep_mine = QPushButton()
        self.keep_mine.setObjectName("keep-mine")
        self.keep_mine.clicked.connect(lambda: self.decide("mine"))
        self.keep_theirs = QPushButton()
        self.keep_theirs.setObjectName("keep-theirs")
        self.keep_theirs.clicked.connect(lambda: self.decide("theirs"))
        self.other_value = QLineEdit()
        self.other_value.setObjectName("other-value")
        self.other_value.returnPressed.connect(lambda: self.decide("value"))
        self.keep_typed = QPushButton()
        self.keep_typed.setObjectName("keep-typed")
        self.keep_typed.clicked.connect(lambda: self.decide("value"))
        self.decision_error = QLabel()
        self.decision_error.setProperty("error", True)
        self.decision_error.setWordWrap(True)
        self.decision_error.hide()
        buttons = QHBoxLayout()
        buttons.addWidget(self.keep_mine)
        buttons.addWidget(self.keep_theirs)
        buttons.addSpacing(24)
        buttons.addWidget(self.other_value, 1)
        buttons.addWidget(self.keep_typed)
        detail = QVBoxLayout(self.detail)
        detail.addWidget(self.detail_title)
        detail.addWidget(self.detail_text)
        detail.addLayout(buttons)
        detail.addWidget(self.decision_error)
        self.detail.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addWidget(self.inbox_intro)
        layout.addWidget(self.conflicts_table, 1)
        layout.addWidget(self.inbox_empty, 1, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.detail)
        layout.addWidget(self.waiting_label)
        self._retranslate()

    # -- data ----------------------------------------------------------------------------------------------------

    def show_inbox(self, inbox: Inbox) -> None:
        """Show the conflicts inbox, keeping the selected conflict when it is still there."""
        previous = selected_id(self.conflicts_table)
        self.inbox = inbox
        items = inbox.items
        fill(
            self.conflicts_table,
            [
                [
                    item.person_name or self.tr("(not on this campus)"),
                    self.field_name(item),
                    self.value_text(item, item.base, "base"),
                    self.value_text(item, item.mine, "mine"),
                    self.value_text(item, item.theirs, "theirs"),
                    self._when_who(item.theirs_by, item.theirs_campus, item.theirs_at),
                ]
                for item in items
            ],
            [item.id for item in items],
        )
        self.conflicts_table.setVisible(bool(items))
        self.inbox_empty.setVisible(not items)
        row = next((r for r, item in enumerate(items) if item.id == previous), 0 if items else -1)
        if row >= 0:
            self.conflicts_table.selectRow(row)
        self._render_detail()
        self._render_waiting()

    def selected_item(self) -> InboxItem | None:
        cid = selected_id(self.conflicts_table)
        if self.inbox is None or cid is None:
            return None
        return next((i for i in self.inbox.items if i.id == cid), None)

    # -- actions -------------------------------------------------------------------------------------------------

    def decide(self, take: str) -> None:
        item = self.selected_item()
        if item is None:
            return
        typed = self.other_value.text() if take == "value" else None
        if take == "value" and not typed:
            show_error(self.decision_error, self.tr("Type the value to keep, or choose one of the two versions."))
            self.other_value.setFocus()
            return
        for button in (self.keep_mine, self.keep_theirs, self.keep_typed):
            button.setEnabled(False)
        self._runner.run(conflicts.decide, item.id, take, typed, on_done=self._decided, on_error=self._decision_failed)

    def _decided(self, _view: object) -> None:
        self.other_value.clear()
        show_error(self.decision_error, None)
        self.decided.emit()

    def _decision_failed(self, error: TaskError) -> None:
        show_error(self.decision_error, error.message)
        self._render_detail()

    # -- rendering -----------------------------------------------------------------------------------------------

    def _render_waiting(self) -> None:
        waiting = self.inbox.waiting if self.inbox is not None else 0
        self.waiting_label.setText(
            self.tr("%n decision(s) waiting to be sent to the head office", "", waiting) if waiting else ""
        )
        self.waiting_label.setVisible(bool(waiting))

    def _render_detail(self) -> None:
        item = self.selected_item()
        self.detail.setVisible(item is not None)
        if item is None:
            return
        person = item.person_name or self.tr("(not on this campus)")
        self.detail_title.setText(f"{person} — {self.field_name(item)}")
        esc = _escape
        if item.hidden:
            body = esc(
                self.tr(
                    "Your role does not allow you to read this information: a campus manager must settle this conflict."
                )
            )
        else:
            rows = [
                (self.tr("Original value"), self.value_text(item, item.base, "base"), ""),
                (
                    self.tr("This campus"),
                    self.value_text(item, item.mine, "mine"),
                    self._who(item.mine_by, None, item.mine_at),
                ),
                (
                    self.tr("Other campus"),
                    self.value_text(item, item.theirs, "theirs"),
                    self._who(item.theirs_by, item.theirs_campus, item.theirs_at),
                ),
            ]
            body = (
                "<table cellspacing='4'>"
                + "".join(
                    f"<tr><td><b>{esc(name)}</b></td><td>&nbsp;{esc(value)}</td>"
                    f"<td style='color:#555'>&nbsp;&nbsp;{esc(who)}</td></tr>"
                    for name, value, who in rows
                )
                + "</table>"
            )
            if item.automatic:
                kept = (
                    self.tr("the head office kept this campus's value (the most recent).")
                    if item.kept == "mine"
                    else self.tr("the head office kept the other campus's value (the most recent).")
                )
                body = (
                    "<p>"
                    + esc(
                        self.tr("Settled automatically: %1 Check it: keep it, or restore the other one.").replace(
                            "%1", kept
                        )
                    )
                    + "</p>"
                    + body
                )
        self.detail_text.setText(body)
        can_decide = not item.hidden
        for button in (self.keep_mine, self.keep_theirs):
            button.setEnabled(can_decide)
        typed_ok = can_decide and item.kind == "field"
        self.other_value.setEnabled(typed_ok)
        self.keep_typed.setEnabled(typed_ok)
        self.other_value.setVisible(item.kind == "field")
        self.keep_typed.setVisible(item.kind == "field")

    def _when_who(self, name: str | None, campus: str | None, at: datetime | None) -> str:
        """For the table: the date first (a long name is elided at the end of the column)."""
        parts = [p for p in (name, campus) if p]
        who = ", ".join(parts) if parts else self.tr("unknown")
        return f"{fmt_datetime(at)} — {who}" if at else who

    def _who(self, name: str | None, campus: str | None, at: datetime | None) -> str:
        parts = [p for p in (name, campus) if p]
        who = ", ".join(parts) if parts else self.tr("unknown")
        return f"{who} — {fmt_datetime(at)}" if at else who

    def field_name(self, item: InboxItem) -> str:
        labels = RecordLabels()
        entity = labels.entity(item.entity)
        if item.kind == "delete" or item.field is None:
            return self.tr("%1 (deleted on one side)").replace("%1", entity)
        field = labels.field(item.field)
        if field is None:
            return f"{entity} — {item.field}"
        return field if item.entity == "person" else f"{entity} — {field}"

    def value_text(self, item: InboxItem, value: Any, side: str) -> str:
        if item.hidden:
            return "•••"
        if item.kind == "delete":
            if side == "base":
                return self.tr("existing record")
            return self.tr("deleted") if value is None else self.tr("kept and changed")
        if item.field == "phone" and isinstance(value, str):
            return format_phone(value)
        return RecordLabels().value(value)

    # -- translation ---------------------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.inbox_intro.setText(
            self.tr(
                "The same information was changed here and on another campus before they could synchronise. Choose "
                "the right value for each one: your decision is sent to the head office and to every campus."
            )
        )
        self.conflicts_table.setHorizontalHeaderLabels(
            [
                self.tr("Person"),
                self.tr("Information"),
                self.tr("Original value"),
                self.tr("This campus"),
                self.tr("Other campus"),
                self.tr("Changed there (when, by whom)"),
            ]
        )
        self.conflicts_table.setAccessibleName(self.tr("Conflicts to settle"))
        self.inbox_empty.setText(self.tr("No conflict to settle."))
        self.keep_mine.setText(self.tr("Keep mine"))
        self.keep_theirs.setText(self.tr("Keep the other"))
        self.other_value.setPlaceholderText(self.tr("Or type another value…"))
        self.keep_typed.setText(self.tr("Keep this value"))
        self._render_waiting()
        if self.inbox is not None:
            self.show_inbox(self.inbox)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
