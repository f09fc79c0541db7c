"""Startups: the list (stage, founders, ZFU zone, support actions) and the selected one's file — its details (SIRET
checked, the ZFU zone of its commune), its founders (people followed here, found by name) and its support actions
with their dates. "New…" starts an empty file; its first founder is required. Threading: main thread only.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from gn_core.domain import enums as e
from gn_core.domain.errors import InvalidInput
from gn_desktop.services import events, startups
from gn_desktop.views.catalogue.forms import DateField, choice_combo, commune_combo, set_combo
from gn_desktop.views.common import error_label, fill, fmt_date, heading, lab, selected_id, show_error, table
from gn_desktop.views.tasks import TaskError, TaskRunner


def _line(name: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName(name)
    return edit


def _button(name: str) -> QPushButton:
    button = QPushButton()
    button.setObjectName(name)
    return button


class StartupsPage(QWidget):
    loaded = Signal(object)
    file_loaded = Signal(object)

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("startups-page")
        self._runner = runner
        self.rows: list[startups.StartupRow] = []
        self.file: startups.StartupFile | None = None
        self.shown_once = False
        self.title = heading()
        self.new_button = _button("startup-new")
        self.new_button.clicked.connect(self.new_startup)
        self.list = table("startups-table", 4, stretch=2)
        header = self.list.horizontalHeader()
        for column, width in ((0, 135), (1, 95), (3, 120)):  # the founders take what is left
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
        self.list.itemSelectionChanged.connect(self._selected)
        self._build_details()
        self._build_founders()
        self._build_actions()
        self.status = QLabel()
        self.status.setObjectName("startups-status")
        self.status.setWordWrap(True)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        bar.addWidget(self.new_button)
        bar.addStretch(1)
        left_layout.addLayout(bar)
        left_layout.addWidget(self.list, 1)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(8, 0, 0, 0)
        right_layout.addWidget(self.file_title)
        right_layout.addWidget(self.details_box)
        right_layout.addWidget(self.founders_box)
        right_layout.addWidget(self.actions_box, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([540, 480])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 20, 28, 16)
        layout.addWidget(self.title)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status)
        self._retranslate()
        runner.changed.connect(self._on_changed)

    # -- building ------------------------------------------------------------------------------------------------

    def _build_details(self) -> None:
        self.file_title = heading(size=14)
        self.file_title.setWordWrap(True)
        self.details_box = QGroupBox()
        self.name = _line("startup-name")
        self.stage = choice_combo("startup-stage", startups.STAGES)
        self.siret = _line("startup-siret")
        self.address = _line("startup-address")
        self.commune = commune_combo("startup-commune")
        self.zfu = QLabel()
        self.zfu.setObjectName("startup-zfu")
        self.sector = _line("startup-sector")
        self.mentors = _line("startup-mentors")
        self.job_family = choice_combo("startup-job-family", e.JobFamily, empty=True)
        self.created = DateField("startup-created", optional=True)
        self.save_button = _button("startup-save")
        self.save_button.clicked.connect(self.save)
        self.form = QFormLayout(self.details_box)
        self.labels: dict[str, QLabel] = {}
        self.errors: dict[str, QLabel] = {}
        for field, widget in (
            ("name", self.name), ("stage", self.stage), ("siret", self.siret), ("address", self.address),
            ("commune_insee", self.commune), ("zfu_zone", self.zfu), ("sector", self.sector),
            ("mentors", self.mentors), ("job_family", self.job_family), ("created_on", self.created),
        ):  # fmt: skip
            label = QLabel()
            label.setBuddy(widget)
            error = error_label(f"startup-{field}-error")
            box = QWidget()
            column = QVBoxLayout(box)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(1)
            column.addWidget(widget)
            column.addWidget(error)
            self.form.addRow(label, box)
            self.labels[field], self.errors[field] = label, error
        self.details_error = error_label("startup-error")
        row = QHBoxLayout()
        row.addWidget(self.details_error, 1)
        row.addWidget(self.save_button)
        self.form.addRow(row)

    def _build_founders(self) -> None:
        self.founders_box = QGroupBox()
        self.founders_label = QLabel()
        self.founders_label.setObjectName("startup-founders")
        self.founders_label.setWordWrap(True)
        self.founder_query = _line("startup-founder-query")
        self.founder_query.returnPressed.connect(self.find_founder)
        self.find_button = _button("startup-find-founder")
        self.find_button.clicked.connect(self.find_founder)
        self.founder_choice = QComboBox()
        self.founder_choice.setObjectName("startup-founder-choice")
        self.add_founder_button = _button("startup-add-founder")
        self.add_founder_button.clicked.connect(self.add_founder)
        self.founder_error = error_label("startup-founder-error")
        row = QHBoxLayout()
        row.addWidget(self.founder_query, 1)
        row.addWidget(self.find_button)
        row.addWidget(self.founder_choice, 1)
        row.addWidget(self.add_founder_button)
        box = QVBoxLayout(self.founders_box)
        box.addWidget(self.founders_label)
        box.addLayout(row)
        box.addWidget(self.founder_error)

    def _build_actions(self) -> None:
        self.actions_box = QGroupBox()
        self.actions_table = table("startup-actions", 3, stretch=2)
        self.action_on = QDateEdit()
        self.action_on.setObjectName("startup-action-on")
        self.action_on.setCalendarPopup(True)
        self.action_on.setDate(QDate.currentDate())
        self.action_title = _line("startup-action-title")
        self.action_note = _line("startup-action-note")
        self.add_action_button = _button("startup-add-action")
        self.add_action_button.clicked.connect(self.add_action)
        self.action_error = error_label("startup-action-error")
        row = QHBoxLayout()
        row.addWidget(self.action_on)
        row.addWidget(self.action_title, 2)
        row.addWidget(self.action_note, 2)
        row.addWidget(self.add_action_button)
        box = QVBoxLayout(self.actions_box)
        box.addWidget(self.actions_table, 1)
        box.addLayout(row)
        box.addWidget(self.action_error)

    # -- loading -------------------------------------------------------------------------------------------------

    def reload(self) -> None:
        self._runner.query(startups.list_startups, on_done=self._show, on_error=self._failed)

    def _on_changed(self, _changes: object) -> None:
        if self.shown_once:
            self.reload()

    def _failed(self, error: TaskError) -> None:
        self.status.setText(error.message)

    def _show(self, rows: list[startups.StartupRow]) -> None:
        self.shown_once = True
        current = self.file.id if self.file else selected_id(self.list)
        self.rows = rows
        self.list.blockSignals(True)
        fill(
            self.list,
            [[r.name, lab(r.stage), r.founders, r.zfu_zone or ""] for r in rows],
            [r.id for r in rows],
        )
        ids = [r.id for r in rows]
        if current in ids:
            self.list.setCurrentCell(ids.index(current), 0)
        self.list.blockSignals(False)
        if current in ids:
            self._open(current)
        elif ids:
            self.list.setCurrentCell(0, 0)
        else:
            self.new_startup()
        self.loaded.emit(rows)

    def _selected(self) -> None:
        key = selected_id(self.list)
        if key is not None:
            self._open(key)

    def _open(self, startup_id: str) -> None:
        self._runner.query(startups.startup_file, startup_id, on_done=self._show_file, on_error=self._failed)

    def _show_file(self, file: startups.StartupFile) -> None:
        self.file = file
        self._clear_errors()
        f = file.form
        self.name.setText(f.name)
        set_combo(self.stage, f.stage)
        self.siret.setText(f.siret or "")
        self.address.setText(f.address or "")
        set_combo(self.commune, f.commune_insee)
        self.sector.setText(f.sector or "")
        self.mentors.setText(f.mentors or "")
        set_combo(self.job_family, f.job_family)
        self.created.set_value(f.created_on)
        self._show_zfu(file.zfu_zone)
        self.founders_label.setText(", ".join(name for _pid, name in file.founders) or "—")
        fill(
            self.actions_table,
            [[fmt_date(a.done_on), a.title, a.note] for a in file.actions],
            [a.id for a in file.actions],
        )
        self.file_title.setText(f.name)
        self._enable_file(True)
        self.file_loaded.emit(file)

    def _show_zfu(self, zone: str | None) -> None:
        self.zfu.setText(
            self.tr("%1 (to confirm with the street address)").replace("%1", zone) if zone else self.tr("none")
        )

    def new_startup(self) -> None:
        """An empty file: its details, then its first founder, then Save."""
        self.file = None
        self.list.clearSelection()
        self._clear_errors()
        for edit in (self.name, self.siret, self.address, self.sector, self.mentors):
            edit.clear()
        set_combo(self.stage, e.StartupStage.IDEA)
        set_combo(self.commune, None)
        set_combo(self.job_family, None)
        self.created.set_value(None)
        self._show_zfu(None)
        self.founders_label.setText(self.tr("Find the founder below, then save."))
        fill(self.actions_table, [])
        self.file_title.setText(self.tr("New startup"))
        self._enable_file(False)

    def _enable_file(self, existing: bool) -> None:
        self.actions_box.setEnabled(existing)
        self.add_founder_button.setVisible(existing)

    # -- actions -------------------------------------------------------------------------------------------------

    def _form(self) -> startups.StartupForm:
        return startups.StartupForm(
            self.name.text(), str(self.stage.currentData()), self.siret.text(), self.address.text(),
            self.commune.currentData(), self.sector.text(), self.mentors.text(), self.job_family.currentData(),
            self.created.value(),
        )  # fmt: skip

    def save(self) -> None:
        self._clear_errors()
        founder = None if self.file else self.founder_choice.currentData()
        self._runner.run(
            lambda uow, form, key, who: startups.save_startup(uow, form, key, founder_id=who),
            self._form(),
            self.file.id if self.file else None,
            founder,
            on_done=self._saved,
            on_error=self._refused,
        )

    def _saved(self, startup_id: object) -> None:
        self.status.setText(self.tr("Saved."))
        if self.file is None and isinstance(startup_id, str):
            self._open(startup_id)

    def _refused(self, error: TaskError) -> None:
        known = error.error
        if not isinstance(known, InvalidInput):
            show_error(self.details_error, error.message)
            return
        rest = []
        for err in known.errors:
            where = self.errors.get("mentors" if err.field == "mentor_name" else err.field)
            if err.field == "founder":
                show_error(self.founder_error, err.message)
            elif where is not None:
                show_error(where, err.message)
            else:
                rest.append(err.message)
        show_error(self.details_error, " ".join(rest) or None)

    def _clear_errors(self) -> None:
        for lab_ in (*self.errors.values(), self.details_error, self.founder_error, self.action_error):
            show_error(lab_, None)

    def find_founder(self) -> None:
        query = self.founder_query.text().strip()
        if query:
            self._runner.query(events.find_people, query, on_done=self._show_people, on_error=self._failed)

    def _show_people(self, people: list[tuple[str, str]]) -> None:
        self.founder_choice.clear()
        for pid, text in people:
            self.founder_choice.addItem(text, pid)
        show_error(self.founder_error, None if people else self.tr("Nobody found: check the spelling."))

    def add_founder(self) -> None:
        pid = self.founder_choice.currentData()
        if self.file is None or pid is None:
            show_error(self.founder_error, self.tr("Find the person first."))
            return
        self._runner.run(startups.add_founder, self.file.id, pid, on_error=self._founder_refused)

    def _founder_refused(self, error: TaskError) -> None:
        show_error(self.founder_error, error.message)

    def add_action(self) -> None:
        if self.file is None:
            return
        d = self.action_on.date()
        self._runner.run(
            startups.add_action,
            self.file.id,
            date(d.year(), d.month(), d.day()),
            self.action_title.text(),
            self.action_note.text(),
            on_done=self._action_added,
            on_error=lambda error: show_error(self.action_error, error.message),
        )

    def _action_added(self, _result: object) -> None:
        show_error(self.action_error, None)
        self.action_title.clear()
        self.action_note.clear()

    # -- translation ---------------------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.title.setText(self.tr("Startups"))
        self.new_button.setText(self.tr("&New…"))
        self.list.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("Stage"), self.tr("Founders"), self.tr("ZFU zone")]
        )
        self.details_box.setTitle(self.tr("Details"))
        texts = {
            "name": self.tr("&Name"),
            "stage": self.tr("S&tage"),
            "siret": self.tr("S&IRET"),
            "address": self.tr("&Address"),
            "commune_insee": self.tr("Co&mmune"),
            "zfu_zone": self.tr("ZFU zone"),
            "sector": self.tr("Se&ctor"),
            "mentors": self.tr("Men&tors"),
            "job_family": self.tr("&Job family"),
            "created_on": self.tr("Created on"),
        }
        for field, text in texts.items():
            self.labels[field].setText(text)
        self.created.present.setText(self.tr("known:"))
        self.save_button.setText(self.tr("&Save"))
        self.founders_box.setTitle(self.tr("Founders (people followed)"))
        self.founder_query.setPlaceholderText(self.tr("Name, phone or e-mail"))
        self.find_button.setText(self.tr("&Find"))
        self.add_founder_button.setText(self.tr("Add as &founder"))
        self.actions_box.setTitle(self.tr("Support actions"))
        self.actions_table.setHorizontalHeaderLabels([self.tr("Date"), self.tr("Action"), self.tr("Note")])
        self.action_title.setPlaceholderText(self.tr("Action (mentoring, workshop, financing…)"))
        self.action_note.setPlaceholderText(self.tr("Note"))
        self.add_action_button.setText(self.tr("Add the a&ction"))
        if self.file is None:
            self.file_title.setText(self.tr("New startup"))
