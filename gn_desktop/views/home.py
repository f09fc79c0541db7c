"""The advisor's home page: people by pathway step at this campus, today's appointments, changes waiting to sync.

The figures come from a loader the composition root injects (in the app, `services.dashboard.home_summary`), run
through the task runner; the page only formats them. Threading: main thread only.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any, Protocol

from PySide6.QtCore import QDate, QEvent, QLocale, Qt, Signal
from PySide6.QtGui import QFont, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
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
from gn_core.domain.labels import label
from gn_core.domain.pathway import ORDER
from gn_desktop.views.i18n import current_language
from gn_desktop.views.tasks import TaskError, TaskRunner


class HomeData(Protocol):
    """What the home page shows (`services.dashboard.HomeSummary` has this shape)."""

    @property
    def campus_name(self) -> str | None: ...
    @property
    def people_by_step(self) -> Sequence[tuple[PathwayStep, int]]: ...
    @property
    def appointments_today(self) -> int: ...
    @property
    def pending_changes(self) -> int: ...
    @property
    def day(self) -> date: ...
    @property
    def people_total(self) -> int: ...


# loads the home figures; called with a unit of work on the task runner's worker thread
HomeLoader = Callable[[Any], HomeData]


class _Figure(QFrame):
    """A card with one big number and what it counts."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setProperty("card", True)
        self.number = QLabel("—")
        self.number.setObjectName(f"{name}-number")
        font = QFont(self.font())
        font.setPointSize(28)
        font.setBold(True)
        self.number.setFont(font)
        self.caption = QLabel()
        self.caption.setObjectName(f"{name}-caption")
        self.caption.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.addWidget(self.number)
        layout.addWidget(self.caption)
        layout.addStretch(1)

    def show_value(self, value: int | None, caption: str) -> None:
        self.number.setText("—" if value is None else QLocale().toString(value))
        self.caption.setText(caption)
        self.setAccessibleName(f"{self.number.text()} {caption}")


class HomePage(QWidget):
    """Home page of the advisor workspace. Emits `loaded(summary)` each time fresh figures are shown."""

    loaded = Signal(object)
    load_failed = Signal(str)

    def __init__(self, runner: TaskRunner, load_home: HomeLoader, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("home-page")
        self._runner = runner
        self._load_home = load_home
        self._loading = False
        self._reload_again = False
        self.summary: HomeData | None = None

        self.title = QLabel()
        self.title.setObjectName("home-title")
        title_font = QFont(self.font())
        title_font.setPointSize(20)
        title_font.setBold(True)
        self.title.setFont(title_font)
        self.subtitle = QLabel()
        self.subtitle.setObjectName("home-subtitle")
        self.notice = QLabel()
        self.notice.setObjectName("home-notice")
        self.notice.setWordWrap(True)
        self.notice.hide()
        self.refresh_button = QPushButton()
        self.refresh_button.setObjectName("home-refresh")
        self.refresh_button.setShortcut(QKeySequence(QKeySequence.StandardKey.Refresh))
        self.refresh_button.clicked.connect(self.reload)

        self.people = _Figure("people")
        self.appointments = _Figure("appointments")
        self.pending = _Figure("pending")

        self.steps_title = QLabel()
        self.steps_title.setObjectName("steps-title")
        section_font = QFont(self.font())
        section_font.setPointSize(13)
        section_font.setBold(True)
        self.steps_title.setFont(section_font)
        self.steps = QTableWidget(len(ORDER), 2)
        self.steps.setObjectName("steps-table")
        self.steps.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.steps.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.steps.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.steps.setAlternatingRowColors(True)
        self.steps.verticalHeader().hide()
        self.steps.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.steps.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.steps.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter)
        self.steps.setMaximumWidth(640)
        self.steps.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.steps.setSizeAdjustPolicy(QAbstractItemView.SizeAdjustPolicy.AdjustToContents)

        self.status = QLabel()
        self.status.setObjectName("home-status")
        self.status.setWordWrap(True)

        header = QHBoxLayout()
        titles = QVBoxLayout()
        titles.addWidget(self.title)
        titles.addWidget(self.subtitle)
        header.addLayout(titles, 1)
        header.addWidget(self.refresh_button, 0, Qt.AlignmentFlag.AlignTop)
        figures = QHBoxLayout()
        figures.setSpacing(16)
        for card in (self.people, self.appointments, self.pending):
            figures.addWidget(card, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.setSpacing(16)
        layout.addLayout(header)
        layout.addWidget(self.notice)
        layout.addLayout(figures)
        layout.addWidget(self.steps_title)
        layout.addWidget(self.steps)
        layout.addWidget(self.status)
        layout.addStretch(1)

        self._retranslate()
        runner.changed.connect(self._on_changed)
        self.reload()

    # -- loading -------------------------------------------------------------------------------------------------

    def reload(self) -> None:
        """Fetch fresh figures through the task runner (one load in flight at a time)."""
        if self._loading:
            self._reload_again = True
            return
        self._loading = True
        self.status.setText(self.tr("Loading…"))
        self._runner.query(self._load_home, on_done=self._show, on_error=self._failed)

    def _on_changed(self, _changes: frozenset[tuple[str, str]]) -> None:
        # Every write adds change-log entries, so any committed change alters at least the pending count.
        self.reload()

    def _show(self, summary: HomeData) -> None:
        self._loading = False
        self.summary = summary
        self.status.clear()
        self._render()
        self.loaded.emit(summary)
        self._maybe_reload()

    def _failed(self, error: TaskError) -> None:
        self._loading = False
        self.status.setText(self.tr("The figures could not be loaded: %1").replace("%1", error.message))
        self.load_failed.emit(error.message)
        self._maybe_reload()

    def _maybe_reload(self) -> None:
        if self._reload_again:
            self._reload_again = False
            self.reload()

    # -- display -------------------------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.refresh_button.setText(self.tr("&Refresh"))
        self.refresh_button.setToolTip(self.tr("Reload the figures (F5)"))
        self.steps_title.setText(self.tr("People by pathway step"))
        self.steps.setHorizontalHeaderLabels([self.tr("Pathway step"), self.tr("People")])
        self.steps.setAccessibleName(self.tr("People by pathway step"))
        self._render()

    def _render(self) -> None:
        s = self.summary
        if s is not None and s.campus_name:
            self.title.setText(s.campus_name)
            self.notice.hide()
        else:
            self.title.setText(self.tr("Home"))
        if s is not None and not s.campus_name:
            self.notice.setText(
                self.tr("No campus is configured on this computer yet: the figures cover everyone stored here.")
            )
            self.notice.show()
        day = s.day if s is not None else date.today()
        long_day = QLocale().toString(QDate(day.year, day.month, day.day), QLocale.FormatType.LongFormat)
        self.subtitle.setText(self.tr("Today: %1").replace("%1", long_day))
        total = s.people_total if s is not None else None
        appts = s.appointments_today if s is not None else None
        pending = s.pending_changes if s is not None else None
        self.people.show_value(total, self.tr("people followed", "", total if total is not None else 2))
        self.appointments.show_value(appts, self.tr("appointments today", "", appts if appts is not None else 2))
        self.pending.show_value(
            pending, self.tr("changes waiting to be synchronised", "", pending if pending is not None else 2)
        )
        lang = current_language()
        for row, step in enumerate(ORDER):
            count = dict(s.people_by_step).get(step) if s is not None else None
            name_item = QTableWidgetItem(label(step, lang))
            count_item = QTableWidgetItem("—" if count is None else QLocale().toString(count))
            count_item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.steps.setItem(row, 0, name_item)
            self.steps.setItem(row, 1, count_item)
