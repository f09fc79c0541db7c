"""The "Likely duplicates" tab of the Synchronisation page (campus managers only): the pairs HQ found where either
person belongs to this campus, with only what deciding needs — names, birth date, campus, pathway step, last contact.

HQ's list is not a synced record: the tab asks HQ on demand (`SyncBridge.fetch_duplicates`), a question answered
beside a running sync cycle, never on the UI thread nor on the task runner's database worker. Merging or dismissing
a pair is done at HQ (`gn-hq duplicates merge|dismiss`); every PC then applies the merge at its next synchronisation.

Threading: main thread only.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent, QLocale, Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gn_core.domain.enums import PathwayStep
from gn_core.protocol import DuplicatePairView, DuplicateSide, DuplicatesResponse
from gn_desktop.views.common import fmt_date, lab, show_error
from gn_desktop.views.sync_bridge import SyncBridge


class DuplicatesTab(QWidget):
    """Asks HQ for this campus's likely duplicates and lists them, two rows per pair."""

    def __init__(self, bridge: SyncBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("duplicates-tab")
        self.bridge = bridge
        self.pairs: list[DuplicatePairView] | None = None
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.ask_button = QPushButton()
        self.ask_button.setObjectName("duplicates-ask")
        self.ask_button.clicked.connect(self.ask)
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.error.hide()
        self.table = QTableWidget(0, 7)
        self.table.setObjectName("duplicates-table")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setMinimumSectionSize(30)  # rows fit their text, never tighter than usual
        self.table.setWordWrap(True)  # only the last column ("what agrees") is narrower than its text
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        row = QHBoxLayout()
        row.addWidget(self.ask_button)
        row.addWidget(self.state, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addWidget(self.intro)
        layout.addLayout(row)
        layout.addWidget(self.error)
        layout.addWidget(self.table, 1)
        bridge.duplicates_finished.connect(self._answered)
        self._retranslate()

    def ask(self) -> None:
        """Ask HQ (off the UI thread, even while a cycle runs); the answer comes back through the bridge."""
        if self.bridge.fetch_duplicates():
            self.ask_button.setEnabled(False)
            self.state.setText(self.tr("Asking the head office…"))
            show_error(self.error, None)
        else:
            show_error(self.error, self.tr("This computer is not linked to the head office."))

    def _answered(self, answer: object, message: object) -> None:
        self.ask_button.setEnabled(True)
        if isinstance(message, str):
            self.state.setText("")
            show_error(self.error, message)
            return
        if isinstance(answer, DuplicatesResponse):
            self.show_pairs(answer.pairs)

    def show_pairs(self, pairs: list[DuplicatePairView]) -> None:
        """Show HQ's answer (also used by the screenshot command with sample pairs)."""
        self.pairs = pairs
        show_error(self.error, None)
        self.table.setRowCount(0)
        for n, pair in enumerate(pairs):
            why = ", ".join(self._reason(r) for r in pair.reasons)
            shade = self.palette().alternateBase() if n % 2 else self.palette().base()
            for i, side in enumerate((pair.a, pair.b)):
                score = self.tr("%1 %").replace("%1", str(pair.score)) if i == 0 else ""
                self._add_row(score, side, why if i == 0 else "", shade)
        self.table.resizeRowsToContents()
        self._render_state()

    def _add_row(self, score: str, side: DuplicateSide, why: str, shade: QBrush) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        born = fmt_date(date.fromisoformat(side.birth_date)) if side.birth_date else "—"
        step = lab(PathwayStep(side.pathway_step)) if side.pathway_step in _STEPS else (side.pathway_step or "—")
        contact = fmt_date(date.fromisoformat(side.last_contact_on)) if side.last_contact_on else self.tr("never")
        cells = (score, f"{side.first_name} {side.last_name}", born, side.campus or "—", step, contact, why)
        for col, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            item.setBackground(shade)  # the two files of a pair share a background
            if col == 0:
                font = item.font()
                font.setBold(True)
                item.setFont(font)
            self.table.setItem(row, col, item)

    def _reason(self, code: str) -> str:
        return {
            "same_name": self.tr("same name"),
            "name": self.tr("close name"),
            "birth_date": self.tr("same birth date"),
            "phone": self.tr("same phone"),
            "email": self.tr("same e-mail"),
        }.get(code, code)

    def _render_state(self) -> None:
        if self.pairs is None:
            self.state.setText("")
        elif not self.pairs:
            self.state.setText(self.tr("No likely duplicate concerns this campus."))
        else:
            self.state.setText(self.tr("%1 pair(s) to review.").replace("%1", QLocale().toString(len(self.pairs))))

    # -- translation ---------------------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.intro.setText(
            self.tr(
                "The head office compares every campus's people at each synchronisation. These files look like one "
                "person followed at two places. To merge them or mark them as two different people, tell the head "
                "office: the merge then reaches every computer by itself, and nothing written on either file is lost."
            )
        )
        self.ask_button.setText(self.tr("Ask the head office"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Likelihood"),
                self.tr("Person"),
                self.tr("Birth date"),
                self.tr("Campus"),
                self.tr("Step"),
                self.tr("Last contact"),
                self.tr("What agrees"),
            ]
        )
        if self.pairs is not None:
            self.show_pairs(self.pairs)


_STEPS = frozenset(s.value for s in PathwayStep)
