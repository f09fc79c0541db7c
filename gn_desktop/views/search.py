"""Finding a person: one field, results as you type, in a lazy table; filters for caseloads (`views.caseload`).

`PeopleModel` holds the ids of the matches only; the display rows of the first screenful arrive with the ids, the
others are fetched by blocks when the view asks for them (`data()` on a row not yet fetched asks its `fetcher`, and
shows "…" until the rows arrive). `SearchPage` debounces typing (150 ms), runs `services.search.search_page` through
the task runner and drops answers that are no longer the latest (sequence numbers: the runner delivers in order).
The filters ("my people", pathway step, last contact) narrow what is typed, or list people with nothing typed. Several
rows can be selected: a campus manager hands them over to another advisor ("Reassign…").

Threading: main thread only.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Sequence
from functools import partial
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gn_core.domain.enums import UserRole
from gn_core.domain.reference import COMMUNES_BY_INSEE
from gn_core.domain.validation import format_phone
from gn_desktop.services import caseload, search
from gn_desktop.views.caseload import FiltersBar, ReassignDialog
from gn_desktop.views.common import fmt_date, heading, lab
from gn_desktop.views.tasks import TaskError, TaskRunner

DEBOUNCE_MS = 150
BLOCK = 100  # rows fetched at once when the view scrolls to rows not loaded yet
FIRST_ROWS = 40  # rows sent with the ids: a screenful

_Index = QModelIndex | QPersistentModelIndex


class PeopleModel(QAbstractTableModel):
    """Table of people found: ids known up front, display rows fetched lazily through `fetcher(ids)`.

    `fetcher` must eventually call `add_rows` (in the app: a task-runner query of `services.search.rows`).
    """

    COLUMNS = ("last_name", "first_name", "birth_date", "phone", "commune", "step", "advisor", "campus")

    def __init__(self, fetcher: Callable[[list[str]], None] | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._fetcher = fetcher
        self._ids: list[str] = []
        self._position: dict[str, int] = {}
        self._rows: dict[str, search.PersonRow] = {}
        self._requested: set[int] = set()  # blocks asked for
        self.campus_names: dict[str, str] = {}
        self.truncated = False

    # -- content -------------------------------------------------------------------------------------------------

    def set_result(self, ids: Sequence[str], first_rows: Sequence[search.PersonRow], truncated: bool = False) -> None:
        """Show a new result: `ids` in order, with the rows already known."""
        self.beginResetModel()
        self._ids = list(ids)
        self._position = {pid: i for i, pid in enumerate(self._ids)}
        self._rows = {r.id: r for r in first_rows}
        self._requested = {0} if len(first_rows) >= min(len(self._ids), BLOCK) else set()
        self.truncated = truncated
        self.endResetModel()

    def add_rows(self, rows: Sequence[search.PersonRow]) -> None:
        """Rows fetched for this result (rows of ids no longer shown are ignored)."""
        changed = []
        for r in rows:
            pos = self._position.get(r.id)
            if pos is not None:
                self._rows[r.id] = r
                changed.append(pos)
        if changed:
            self.dataChanged.emit(self.index(min(changed), 0), self.index(max(changed), len(self.COLUMNS) - 1))

    def person_id(self, row: int) -> str | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def ids(self) -> list[str]:
        return list(self._ids)

    def loaded_rows(self) -> int:
        return len(self._rows)

    # -- Qt model API --------------------------------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 — Qt's own default argument
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 — Qt's own default argument
        return 0 if parent.isValid() else len(self.COLUMNS)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        pid = self._ids[index.row()]
        if role == Qt.ItemDataRole.UserRole:
            return pid
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        row = self._rows.get(pid)
        if row is None:
            self._request(index.row())
            return "…" if index.column() == 0 else ""
        return self._cell(row, self.COLUMNS[index.column()])

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        if not 0 <= section < len(self.COLUMNS):
            return None
        titles = {
            "last_name": self.tr("Last name"),
            "first_name": self.tr("First name"),
            "birth_date": self.tr("Birth date"),
            "phone": self.tr("Phone"),
            "commune": self.tr("Commune"),
            "step": self.tr("Pathway step"),
            "advisor": self.tr("Advisor"),
            "campus": self.tr("Campus"),
        }
        return titles[self.COLUMNS[section]]

    # -- internals -----------------------------------------------------------------------------------------------

    def _cell(self, row: search.PersonRow, column: str) -> str:
        if column == "last_name":
            return row.last_name
        if column == "first_name":
            return row.first_name
        if column == "birth_date":
            return fmt_date(row.birth_date)
        if column == "phone":
            return format_phone(row.phone)
        if column == "commune":
            commune = COMMUNES_BY_INSEE.get(row.commune_insee or "")
            return commune.name if commune else ""
        if column == "step":
            return lab(row.step)
        if column == "advisor":
            return row.advisor_name
        return self.campus_names.get(row.campus_id, "")

    def _request(self, row: int) -> None:
        block = row // BLOCK
        if block in self._requested or self._fetcher is None:
            return
        self._requested.add(block)
        wanted = [pid for pid in self._ids[block * BLOCK : (block + 1) * BLOCK] if pid not in self._rows]
        if wanted:
            self._fetcher(wanted)


class _ResultsView(QTableView):
    """The results table: Enter opens the selected person."""

    activated_row = Signal(int)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.activated_row.emit(self.currentIndex().row())
            return
        super().keyPressEvent(event)


class SearchPage(QWidget):
    """Search as you type. Emits `open_person(id)`, `new_intake()`, and `results_shown(query)` after each answer."""

    open_person = Signal(str)
    new_intake = Signal()
    results_shown = Signal(str)

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("search-page")
        self._runner = runner
        self._seq = 0
        self._in_flight: deque[int] = deque()
        self.last_count = 0

        self.title = heading()
        self.field = QLineEdit()
        self.field.setObjectName("search-field")
        self.field.setClearButtonEnabled(True)
        self.field.installEventFilter(self)
        self.hint = QLabel()
        self.hint.setObjectName("search-hint")
        self.hint.setWordWrap(True)
        self.filters = FiltersBar()
        self.filters.setObjectName("search-filters")
        self.status = QLabel()
        self.status.setObjectName("search-status")
        self.model = PeopleModel(self._fetch_rows, self)
        self.reassign_dialog: ReassignDialog | None = None
        self._role: UserRole | None = None
        self._notice = ""
        self.view = _ResultsView()
        self.view.setObjectName("search-results")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setTabKeyNavigation(False)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(28)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter)
        for col, width in enumerate((120, 110, 130, 115, 125, 145, 125)):
            self.view.setColumnWidth(col, width)
        self.open_button = QPushButton()
        self.open_button.setObjectName("search-open")
        self.new_button = QPushButton()
        self.new_button.setObjectName("search-new")
        self.reassign_button = QPushButton()
        self.reassign_button.setObjectName("search-reassign")
        self.reassign_button.hide()  # campus managers only (`set_role`)
        self.reassign_button.clicked.connect(self.ask_reassign)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self._run)
        self.field.textChanged.connect(self._debounce.start)
        self.filters.changed.connect(self._filters_changed)
        self.field.returnPressed.connect(self._open_first)
        self.view.doubleClicked.connect(lambda index: self._open_row(index.row()))
        self.view.activated_row.connect(self._open_row)
        self.open_button.clicked.connect(lambda: self._open_row(self.view.currentIndex().row()))
        self.new_button.clicked.connect(self.new_intake)

        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.reassign_button)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.setSpacing(10)
        layout.addWidget(self.title)
        layout.addWidget(self.field)
        layout.addWidget(self.filters)
        layout.addWidget(self.hint)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self.setTabOrder(self.field, self.filters.mine)
        self.setTabOrder(self.filters.mine, self.filters.step)
        self.setTabOrder(self.filters.step, self.filters.contact)
        self.setTabOrder(self.filters.contact, self.view)
        self.setTabOrder(self.view, self.reassign_button)
        self.setTabOrder(self.reassign_button, self.open_button)
        self.setTabOrder(self.open_button, self.new_button)
        self.setFocusProxy(self.field)
        self._retranslate()
        runner.query(search.campus_names, on_done=self._set_campus_names)

    # -- searching -----------------------------------------------------------------------------------------------

    def search_now(self, text: str) -> None:
        """Type `text` into the field and search without waiting for the debounce (screenshots, tests)."""
        self.field.setText(text)
        self._debounce.stop()
        self._run()

    def _filters_changed(self) -> None:
        self._debounce.stop()
        self._run()

    def _run(self) -> None:
        if self._runner.is_shut_down:
            return
        query = self.field.text()
        filters = self.filters.filters()
        self._seq += 1
        if not query.strip() and not filters.active:
            self.model.set_result([], [])
            self.last_count = 0
            self._update_status()
            self.results_shown.emit(query)
            return
        self._in_flight.append(self._seq)
        self._runner.query(
            partial(search.search_page, filters=filters),
            query,
            FIRST_ROWS,
            on_done=self._show,
            on_error=self._failed,
        )

    def _show(self, page: search.SearchPage) -> None:
        seq = self._in_flight.popleft() if self._in_flight else -1
        if seq != self._seq:
            return  # a newer keystroke is on its way: this answer is stale
        self.model.set_result(page.result.ids, page.first_rows, page.result.truncated)
        self.last_count = len(page.result.ids)
        if self.last_count:
            self.view.selectRow(0)
        self._update_status()
        self.results_shown.emit(page.result.query)

    def _failed(self, error: object) -> None:
        if self._in_flight:
            self._in_flight.popleft()
        self.status.setText(getattr(error, "message", ""))

    def _fetch_rows(self, ids: list[str]) -> None:
        self._runner.query(search.rows, ids, on_done=self.model.add_rows)

    def _set_campus_names(self, names: dict[str, str]) -> None:
        self.model.campus_names = names
        if self.model.rowCount():
            self.model.dataChanged.emit(
                self.model.index(0, 0), self.model.index(self.model.rowCount() - 1, self.model.columnCount() - 1)
            )

    def _open_first(self) -> None:
        row = self.view.currentIndex().row() if self.view.currentIndex().isValid() else 0
        self._open_row(row)

    def _open_row(self, row: int) -> None:
        pid = self.model.person_id(row)
        if pid is not None:
            self.open_person.emit(pid)

    # -- reassigning (campus managers) ----------------------------------------------------------------------------

    def set_role(self, role: UserRole | None) -> None:
        """Who is signed in: a campus manager may hand the selected people over to another advisor."""
        self._role = role
        self.reassign_button.setVisible(caseload.can_reassign(role))
        self._selection_changed()

    def selected_ids(self) -> list[str]:
        rows = sorted(index.row() for index in self.view.selectionModel().selectedRows())
        return [pid for pid in (self.model.person_id(r) for r in rows) if pid is not None]

    def _selection_changed(self) -> None:
        self.reassign_button.setEnabled(bool(self.selected_ids()))

    def ask_reassign(self) -> None:
        """Open the dialog with the campus's advisors (their caseloads read first)."""
        ids = self.selected_ids()
        if ids and caseload.can_reassign(self._role):
            self._runner.query(caseload.advisors, on_done=lambda advisors: self._open_reassign(ids, advisors))

    def _open_reassign(self, ids: list[str], advisors: list[caseload.Advisor]) -> None:
        dialog = ReassignDialog(advisors, len(ids), self)
        dialog.accepted.connect(lambda: self._reassign(ids, dialog.advisor_id()))
        dialog.finished.connect(dialog.deleteLater)
        dialog.finished.connect(self._reassign_closed)
        self.reassign_dialog = dialog
        dialog.open()

    def _reassign_closed(self, _result: int = 0) -> None:
        self.reassign_dialog = None

    def _reassign(self, ids: list[str], advisor_id: str | None) -> None:
        if advisor_id is not None:
            self._runner.run(
                caseload.reassign, ids, advisor_id, on_done=self._reassigned, on_error=self._reassign_refused
            )

    def _reassigned(self, changed: int) -> None:
        self._notice = self.tr("%n person(s) reassigned.", "", changed)  # said with the refreshed list
        self._run()  # the list shows the new referent (and "my people" loses them)

    def _reassign_refused(self, error: TaskError) -> None:
        self.status.setText(error.message)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.field
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Down
            and self.model.rowCount()
        ):
            self.view.setFocus()
            if not self.view.currentIndex().isValid():
                self.view.selectRow(0)
            return True
        return super().eventFilter(watched, event)

    # -- translation ---------------------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _update_status(self) -> None:
        typed = bool(self.field.text().strip())
        if not typed and not self.filters.filters().active:
            self.status.setText(self.tr("Type at least one letter or digit, or choose a filter."))
        elif self.last_count == 0 and not typed:
            self.status.setText(self.tr("Nobody in this list."))
        elif self.last_count == 0:
            self.status.setText(self.tr("Nobody found. Check the spelling, or register a new person (Ctrl+N)."))
        elif self.model.truncated:
            self.status.setText(self.tr("First %n people found: type more to narrow the search.", "", self.last_count))
        elif not typed:
            self.status.setText(self.tr("%n person(s) in this list", "", self.last_count))
        else:
            self.status.setText(self.tr("%n person(s) found", "", self.last_count))
        if self._notice:
            self.status.setText(f"{self._notice} {self.status.text()}")
            self._notice = ""

    def _retranslate(self) -> None:
        self.title.setText(self.tr("Find a person"))
        self.field.setPlaceholderText(self.tr("Name, birth date, phone, e-mail or France Travail id"))
        self.field.setAccessibleName(self.tr("Search"))
        self.hint.setText(
            self.tr(
                "Accents, capitals and hyphens do not matter. Dates as dd/mm/yyyy. "
                "Enter opens the first result, the down arrow moves to the list."
            )
        )
        self.view.setAccessibleName(self.tr("People found"))
        self.open_button.setText(self.tr("&Open the file"))
        self.new_button.setText(self.tr("&New registration (Ctrl+N)"))
        self.reassign_button.setText(self.tr("&Reassign…"))
        self.reassign_button.setToolTip(self.tr("Hand the selected people over to another advisor of the campus"))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(PeopleModel.COLUMNS) - 1)
        self._update_status()
