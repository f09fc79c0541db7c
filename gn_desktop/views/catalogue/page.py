"""The catalogue page ("Partenaires et formations"): partners, programmes, training sessions with their places left,
job offers. Everyone reads it; a campus manager creates, corrects and archives the entries of their campus (the
buttons are not even shown to an advisor, and the service refuses them anyway). HQ-wide entries are marked
"Réseau" and read-only. Archived entries are hidden unless "Show archived" is ticked. Threading: main thread only.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from gn_core.domain import enums as e
from gn_core.domain.reference import COMMUNES_BY_INSEE
from gn_core.domain.validation import format_phone
from gn_desktop.services import catalogue as cat
from gn_desktop.views.catalogue.dialogs import OfferDialog, PartnerDialog, ProgrammeDialog, SessionDialog
from gn_desktop.views.catalogue.forms import EntryDialog
from gn_desktop.views.common import error_label, fill, fmt_date, heading, lab, selected_id, show_error, table
from gn_desktop.views.tasks import TaskError, TaskRunner

ARCHIVED_GREY = QColor("#8a8f98")


def _commune(insee: str | None) -> str:
    c = COMMUNES_BY_INSEE.get(insee or "")
    return c.name if c else ""


@dataclass(frozen=True, slots=True)
class _Entry:
    """A row as a list shows it: its id, its cells, whose it is and whether it is archived."""

    id: str
    cells: list[str]
    owner: cat.Owner
    archived: bool


class CatalogueList(QWidget):
    """One tab: a table, and for a campus manager New, Correct, Archive/Restore and "Show archived"."""

    def __init__(self, name: str, entity: str, columns: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entity = entity
        self.entries: list[_Entry] = []
        self.table = table(f"{name}-table", columns, stretch=0)
        self.new_button = QPushButton()
        self.new_button.setObjectName(f"{name}-new")
        self.edit_button = QPushButton()
        self.edit_button.setObjectName(f"{name}-edit")
        self.archive_button = QPushButton()
        self.archive_button.setObjectName(f"{name}-archive")
        self.show_archived = QCheckBox()
        self.show_archived.setObjectName(f"{name}-show-archived")
        self.hint = QLabel()
        self.hint.setObjectName(f"{name}-hint")
        self.hint.setWordWrap(True)
        self.error = error_label(f"{name}-error")
        bar = QHBoxLayout()
        for button in (self.new_button, self.edit_button, self.archive_button):
            bar.addWidget(button)
        bar.addStretch(1)
        bar.addWidget(self.show_archived)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.hint)
        layout.addWidget(self.error)
        self.table.itemSelectionChanged.connect(self.update_actions)
        self.show_archived.toggled.connect(lambda _on: self.show_rows())
        self.can_edit = False
        self._retranslate()

    def set_entries(self, entries: list[_Entry], can_edit: bool) -> None:
        self.entries = entries
        self.can_edit = can_edit
        for widget in (self.new_button, self.edit_button, self.archive_button, self.show_archived):
            widget.setVisible(can_edit)
        self.show_rows()

    def visible_entries(self) -> list[_Entry]:
        return [x for x in self.entries if not x.archived or self.show_archived.isChecked()]

    def show_rows(self) -> None:
        current = selected_id(self.table)
        shown = self.visible_entries()
        fill(self.table, [x.cells for x in shown], [x.id for x in shown])
        for r, entry in enumerate(shown):
            if entry.archived:
                for c in range(self.table.columnCount()):
                    item = self.table.item(r, c)
                    if item is not None:
                        item.setForeground(QBrush(ARCHIVED_GREY))
            if entry.id == current:
                self.table.setCurrentCell(r, 0)
        self.update_actions()

    def selected(self) -> _Entry | None:
        key = selected_id(self.table)
        return next((x for x in self.entries if x.id == key), None)

    def update_actions(self) -> None:
        entry = self.selected()
        own = entry is not None and entry.owner.own
        self.edit_button.setEnabled(own)
        self.archive_button.setEnabled(own)
        self.archive_button.setText(self.tr("&Restore") if entry and entry.archived else self.tr("&Archive"))
        if entry is not None and not own and self.can_edit:
            self.hint.setText(
                self.tr("An entry of the network: HQ keeps it.")
                if entry.owner.hq_wide
                else self.tr("An entry of campus %1: that campus keeps it.").replace("%1", entry.owner.campus_name)
            )
        else:
            self.hint.clear()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.new_button.setText(self.tr("&New…"))
        self.edit_button.setText(self.tr("&Correct…"))
        self.show_archived.setText(self.tr("Show archived entries"))
        self.update_actions()


class CataloguePage(QWidget):
    """The catalogue, read by everyone, kept by campus managers. `loaded` carries the data once shown."""

    loaded = Signal(object)

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("partners-page")
        self._runner = runner
        self.data: cat.CatalogueData | None = None
        self.dialog: EntryDialog | None = None
        self.title = heading()
        self.status = QLabel()
        self.tabs = QTabWidget()
        self.partners = CatalogueList("partners", "partner", 6)
        self.programmes = CatalogueList("programmes", "programme", 7)
        self.sessions = CatalogueList("sessions", "programme_session", 6)
        self.offers = CatalogueList("offers", "job_offer", 7)
        self.lists = (self.sessions, self.offers, self.partners, self.programmes)
        for lst in self.lists:
            self.tabs.addTab(lst, "")
            lst.new_button.clicked.connect(lambda _c=False, w=lst: self.open_form(w, new=True))
            lst.edit_button.clicked.connect(lambda _c=False, w=lst: self.open_form(w, new=False))
            lst.table.itemActivated.connect(lambda _i, w=lst: self.open_form(w, new=False))
            lst.archive_button.clicked.connect(lambda _c=False, w=lst: self.toggle_archived(w))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 20, 28, 16)
        layout.addWidget(self.title)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.status)
        self._retranslate()
        runner.changed.connect(self._on_changed)

    def _on_changed(self, _changes: object) -> None:
        if self.data is not None:  # shown once already: keep places left current
            self.reload()

    def reload(self) -> None:
        self._runner.query(cat.catalogue_data, date.today(), on_done=self._show, on_error=self._failed)

    def _failed(self, error: TaskError) -> None:
        self.status.setText(error.message)

    def _show(self, data: cat.CatalogueData) -> None:
        self.data = data
        self._render()
        self.loaded.emit(data)

    # -- actions -------------------------------------------------------------------------------------------------

    def open_form(self, which: CatalogueList, *, new: bool) -> None:
        """The form of a new entry, or of the selected one when it is this campus's."""
        d = self.data
        entry = None if new else which.selected()
        if d is None or not d.can_edit or (not new and (entry is None or not entry.owner.own)):
            return
        key = entry.id if entry else None
        dialog: EntryDialog
        if which is self.partners:
            dialog = PartnerDialog(self._runner, next((p for p in d.partners if p.id == key), None), self)
        elif which is self.programmes:
            dialog = ProgrammeDialog(self._runner, d, next((p for p in d.programmes if p.id == key), None), self)
        elif which is self.sessions:
            dialog = SessionDialog(self._runner, d, next((s for s in d.sessions if s.id == key), None), self)
        else:
            dialog = OfferDialog(self._runner, d, next((o for o in d.offers if o.id == key), None), self)
        self.dialog = dialog
        dialog.finished.connect(lambda _r: setattr(self, "dialog", None))
        dialog.open()

    def toggle_archived(self, which: CatalogueList) -> None:
        entry = which.selected()
        if entry is None:
            return
        show_error(which.error, None)
        self._runner.run(
            cat.set_archived,
            which.entity,
            entry.id,
            not entry.archived,
            on_error=lambda error: show_error(which.error, error.message),
        )

    # -- display -------------------------------------------------------------------------------------------------

    def _owner(self, owner: cat.Owner) -> str:
        return self.tr("Network (HQ)") if owner.hq_wide else owner.campus_name

    def _state(self, archived: bool, extra: str = "") -> str:
        return self.tr("archived") if archived else extra

    def _render(self) -> None:
        d = self.data
        if d is None:
            return
        entries: dict[CatalogueList, list[_Entry]] = {
            self.partners: [self._partner(p) for p in d.partners],
            self.programmes: [self._programme(p) for p in d.programmes],
            self.sessions: [self._session(s) for s in d.sessions],
            self.offers: [self._offer(o) for o in d.offers],
        }
        for lst, rows in entries.items():
            lst.set_entries(rows, d.can_edit)
        counts: Sequence[tuple[CatalogueList, Callable[[], str]]] = (
            (self.sessions, lambda: self.tr("Training sessions (%1)")),
            (self.offers, lambda: self.tr("Job offers (%1)")),
            (self.partners, lambda: self.tr("Partners (%1)")),
            (self.programmes, lambda: self.tr("Programmes (%1)")),
        )
        for lst, text in counts:
            live = sum(1 for x in lst.entries if not x.archived)
            self.tabs.setTabText(self.tabs.indexOf(lst), text().replace("%1", str(live)))

    def _partner(self, p: cat.PartnerRow) -> _Entry:
        f = p.form
        contact = ", ".join(x for x in (f.contact_name or "", format_phone(f.contact_phone)) if x)
        commitment = self.tr("committed to hire") if f.committed_to_hire else ""
        cells = [f.name, lab(e.PartnerKind(f.kind)), contact or format_phone(f.phone), _commune(f.commune_insee)]
        return _Entry(p.id, [*cells, self._owner(p.owner), self._state(p.archived, commitment)], p.owner, p.archived)

    def _programme(self, p: cat.ProgrammeRow) -> _Entry:
        f = p.form
        level = lab(e.EducationLevel(f.min_education_level)) if f.min_education_level else ""
        funding = ", ".join(lab(e.FundingSource(x)) for x in f.funding)
        weeks = self.tr("%n week(s)", "", f.duration_weeks)
        cells = [f.title, p.partner_name, lab(e.JobFamily(f.job_family)), weeks, level, funding]
        return _Entry(p.id, [*cells, self._owner(p.owner)], p.owner, p.archived)

    def _session(self, s: cat.SessionRow) -> _Entry:
        f = s.form
        places = self.tr("%1 of %2").replace("%1", str(s.places_left)).replace("%2", str(f.capacity))
        dates = f"{fmt_date(f.starts_on)} → {fmt_date(f.ends_on)}"
        cells = [s.programme_title, dates, f.place, places, self._owner(s.owner), self._state(s.archived)]
        return _Entry(s.id, cells, s.owner, s.archived)

    def _offer(self, o: cat.OfferRow) -> _Entry:
        f = o.form
        status = self.tr("open") if f.is_open else self.tr("closed")
        closes = fmt_date(f.closes_on) if f.closes_on else ""
        cells = [f.title, o.partner_name, lab(e.ContractType(f.contract_type)), fmt_date(f.posted_on), closes]
        return _Entry(o.id, [*cells, self._state(o.archived, status), self._owner(o.owner)], o.owner, o.archived)

    # -- translation ---------------------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.title.setText(self.tr("Partners and programmes"))
        self.tabs.setTabText(self.tabs.indexOf(self.sessions), self.tr("Training sessions"))
        self.tabs.setTabText(self.tabs.indexOf(self.offers), self.tr("Job offers"))
        self.tabs.setTabText(self.tabs.indexOf(self.partners), self.tr("Partners"))
        self.tabs.setTabText(self.tabs.indexOf(self.programmes), self.tr("Programmes"))
        headers: dict[CatalogueList, list[str]] = {
            self.partners: [
                self.tr("Name"), self.tr("Kind"), self.tr("Contact"), self.tr("Commune"), self.tr("Kept by"),
                self.tr("State"),
            ],
            self.programmes: [
                self.tr("Programme"), self.tr("Training organisation"), self.tr("Job family"), self.tr("Length"),
                self.tr("Level"), self.tr("Funding"), self.tr("Kept by"),
            ],
            self.sessions: [
                self.tr("Programme"), self.tr("Dates"), self.tr("Place"), self.tr("Places left"),
                self.tr("Kept by"), self.tr("State"),
            ],
            self.offers: [
                self.tr("Job"), self.tr("Employer"), self.tr("Contract"), self.tr("Posted on"), self.tr("Closes on"),
                self.tr("Status"), self.tr("Kept by"),
            ],
        }  # fmt: skip
        for lst, labels in headers.items():
            lst.table.setHorizontalHeaderLabels(labels)
        self._render()
