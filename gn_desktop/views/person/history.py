"""The "History" tab of a person's file: who changed what, when (the store's permanent history), in the advisor's
words: field names and values, never column names or codes. Read-only. Threading: main thread only.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QVBoxLayout

from gn_desktop.services import followup
from gn_desktop.views.common import fill, fmt_datetime, table
from gn_desktop.views.person.tab import FileTab
from gn_desktop.views.record_labels import RecordLabels
from gn_desktop.views.tasks import TaskRunner

#: fields read first (before the others, alphabetical), so that a long line cut at its end keeps what happened
_LEADING = ("from_step", "to_step", "programme_session_id", "job_offer_id", "status")


def _reading_order(item: tuple[str, object]) -> tuple[int, str]:
    key = item[0]
    return (_LEADING.index(key), "") if key in _LEADING else (len(_LEADING), key)


class HistoryTab(FileTab):
    def __init__(self, runner: TaskRunner) -> None:
        super().__init__(runner)
        self.history_table = table("history-table", 4, stretch=3)
        layout = QVBoxLayout(self)
        layout.addWidget(self.history_table)
        self._retranslate()

    def _render(self) -> None:
        if self.data is None:
            return
        fill(
            self.history_table,
            [[fmt_datetime(h.at), h.user_name, self._what(h), self._fields(h)] for h in self.data.history],
        )

    def _what(self, h: followup.HistoryView) -> str:
        ops = {
            "insert": self.tr("created"),
            "update": self.tr("changed"),
            "delete": self.tr("deleted"),
            "received": self.tr("created elsewhere, received from the head office (earlier changes are kept there)"),
        }
        return f"{RecordLabels().entity(h.entity)} — {ops.get(h.op, h.op)}"

    def _fields(self, h: followup.HistoryView) -> str:
        shown = []
        labels = RecordLabels()
        for key, change in sorted(h.fields.items(), key=_reading_order):
            name = labels.field(key)
            if name is None or (key.endswith("_id") and key not in followup.NAMED_TARGETS):
                continue  # ids (but a session's or an offer's, named) and derived columns: nothing an advisor reads
            new = change.get("new") if isinstance(change, dict) else change
            old = change.get("old") if isinstance(change, dict) else None
            if old in (None, "", []) and new in (None, "", []):
                continue  # an empty field of a new record
            value = (
                labels.value(new, key)
                if old in (None, "", [])
                else f"{labels.value(old, key)} → {labels.value(new, key)}"
            )
            shown.append(self.tr("%1: %2").replace("%1", name).replace("%2", value))
        text = "; ".join(shown)
        return text if len(text) <= 160 else text[:157] + "…"

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.history_table.setHorizontalHeaderLabels(
            [self.tr("When"), self.tr("Who"), self.tr("What"), self.tr("Changes")]
        )
        self.history_table.setAccessibleName(self.tr("History of changes"))
        self._render()
