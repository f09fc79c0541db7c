"""A person's file: the header (name, details, current step, a withdrawn follow-up consent) above one tab per part of
the file (`views.person.*`): pathway, notes, appointments, referrals, details (to correct them), consents, RQTH (only
for the roles allowed to read it: for the others the tab is not created) and history.

Everything is loaded in one task-runner call — `person_file.open_file` when the file is opened (it records the
sensitive reads in the audit trail), `person_file.file_data` when it is reloaded after each write that touched the
person; each tab shows its part and records its own writes. A campus manager also exports the person's data
for them (PDF and JSON, `access_export`) and erases the person (`erase.EraseDialog`). The signed-in user's role comes
from the main window (`set_session`). Threading: main thread only.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from functools import partial
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from gn_core.domain.enums import UserRole
from gn_core.domain.permissions import can_erase, can_export_person_data, can_read_sensitive
from gn_core.domain.validation import format_phone
from gn_desktop.services import access, audit, transfers
from gn_desktop.services.auth import SignedIn
from gn_desktop.services.consents import follow_up_withdrawn_on
from gn_desktop.services.person_file import FileData, file_data, open_file
from gn_desktop.views.common import fmt_date, heading, lab
from gn_desktop.views.person.access_export import write_export
from gn_desktop.views.person.appointments import AppointmentsTab
from gn_desktop.views.person.consents import ConsentsTab
from gn_desktop.views.person.details import DetailsTab
from gn_desktop.views.person.erase import EraseDialog
from gn_desktop.views.person.history import HistoryTab
from gn_desktop.views.person.move import MoveDialog
from gn_desktop.views.person.notes import NotesTab
from gn_desktop.views.person.pathway import PathwayTab
from gn_desktop.views.person.referrals import ReferralsTab
from gn_desktop.views.person.rqth import RqthTab
from gn_desktop.views.person.tab import FileTab
from gn_desktop.views.tasks import TaskError, TaskRunner


class PersonPage(QWidget):
    """The file of one person. `back()` asks to return to the search; `loaded(FileData)` after each load."""

    back = Signal()
    loaded = Signal(object)
    saved = Signal(str)  # what was saved, for tests and the status bar
    failed = Signal(str)
    erased = Signal(str)  # the name of the person erased
    exported = Signal(object)  # the files written: [pdf, json]

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("person-page")
        self._runner = runner
        self.person_id: str | None = None
        self.data: FileData | None = None
        self.role: UserRole | None = None
        self.rqth: RqthTab | None = None  # only for the roles allowed to read it (`set_session`)
        self.erase_dialog: EraseDialog | None = None
        self._build()
        runner.changed.connect(self._on_changed)
        self._retranslate()

    # -- building ------------------------------------------------------------------------------------------------

    def _build(self) -> None:
        self.back_button = QPushButton()
        self.back_button.setObjectName("person-back")
        self.back_button.clicked.connect(self.back)
        QShortcut(QKeySequence("Alt+Left"), self, self._go_back, Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.name = heading(size=20)
        self.name.setObjectName("person-name")
        self.details = QLabel()
        self.details.setObjectName("person-details")
        self.details.setWordWrap(True)
        self.step_label = QLabel()
        self.step_label.setObjectName("person-step")
        self.status = QLabel()
        self.status.setObjectName("person-status")
        self.status.setWordWrap(True)

        self.pathway = PathwayTab(self._runner)
        self.notes = NotesTab(self._runner)
        self.appointments = AppointmentsTab(self._runner)
        self.referrals = ReferralsTab(self._runner)
        self.edit = DetailsTab(self._runner)
        self.consents = ConsentsTab(self._runner)
        self.history = HistoryTab(self._runner)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("person-tabs")
        for tab in (
            self.pathway,
            self.notes,
            self.appointments,
            self.referrals,
            self.edit,
            self.consents,
            self.history,
        ):
            self._add_tab(tab)
        # what the screenshot command (app.py) selects through the page
        self.move_target = self.pathway.move_target
        self.options_table = self.referrals.options_table
        self.consent_alert = QLabel()
        self.consent_alert.setObjectName("person-consent-alert")
        self.consent_alert.setProperty("error", True)
        self.consent_alert.setWordWrap(True)
        self.consent_alert.hide()
        self.export_button = QPushButton()
        self.export_button.setObjectName("person-export")
        self.export_button.clicked.connect(self.export_data)
        self.erase_button = QPushButton()
        self.erase_button.setObjectName("person-erase")
        self.erase_button.clicked.connect(self.ask_erasure)
        self.move_button = QPushButton()
        self.move_button.setObjectName("person-move")
        self.move_button.clicked.connect(self.ask_move)
        self.move_dialog: MoveDialog | None = None
        self.set_session(None)

        top = QHBoxLayout()
        names = QVBoxLayout()
        names.addWidget(self.name)
        names.addWidget(self.details)
        names.addWidget(self.step_label)
        names.addWidget(self.consent_alert)
        top.addLayout(names, 1)
        actions = QVBoxLayout()
        actions.addWidget(self.back_button)
        manager = QHBoxLayout()
        manager.addWidget(self.move_button)
        manager.addWidget(self.export_button)
        manager.addWidget(self.erase_button)
        actions.addLayout(manager)
        actions.addStretch(1)
        top.addLayout(actions)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 18, 28, 14)
        layout.setSpacing(8)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.status)

    def _add_tab(self, tab: FileTab, index: int = -1) -> None:
        self.tabs.insertTab(index, tab, "")
        tab.saved.connect(self._saved)
        tab.failed.connect(self.failed)

    @property
    def file_tabs(self) -> tuple[FileTab, ...]:
        """The tabs, in order (the RQTH one only for the roles allowed to read it)."""
        return tuple(w for i in range(self.tabs.count()) if isinstance(w := self.tabs.widget(i), FileTab))

    def _go_back(self) -> None:
        self.back.emit()

    # -- who reads ------------------------------------------------------------------------------------------------

    def set_session(self, session: SignedIn | None) -> None:
        """The signed-in user: the RQTH tab exists for the roles allowed to read it only (it is built or destroyed,
        never merely hidden); exporting and erasing are offered to the roles allowed to."""
        self.role = session.role if session is not None else None
        allowed = can_read_sensitive(self.role)
        if allowed and self.rqth is None:
            self.rqth = RqthTab(self._runner)
            self._add_tab(self.rqth, self.tabs.indexOf(self.history))
            if self.person_id is not None:
                self.rqth.set_person(self.person_id)
                self.reload()
            self._retranslate()
        elif not allowed and self.rqth is not None:
            self.tabs.removeTab(self.tabs.indexOf(self.rqth))
            self.rqth.setParent(None)
            self.rqth.deleteLater()
            self.rqth = None
        self.export_button.setVisible(can_export_person_data(self.role))
        self.erase_button.setVisible(can_erase(self.role))
        self.move_button.setVisible(self.role in transfers.MAY_MOVE)

    # -- loading -------------------------------------------------------------------------------------------------

    def show_person(self, person_id: str) -> None:
        if person_id != self.person_id:
            self.data = None
            self.name.setText(self.tr("Loading…"))
            self.details.clear()
            self.step_label.clear()
            self.consent_alert.hide()
            self.tabs.setCurrentIndex(0)
        for tab in self.file_tabs:
            tab.set_person(person_id)
        self.person_id = person_id
        # opening the file records what sensitive data it shows (the audit trail): a write, once per opening
        self._runner.run(open_file, person_id, date.today(), on_done=self._show, on_error=self._load_failed)

    def reload(self) -> None:
        if self.person_id is not None:
            self._runner.query(file_data, self.person_id, date.today(), on_done=self._show, on_error=self._load_failed)

    def _on_changed(self, changes: frozenset[tuple[str, str]]) -> None:
        if self.person_id is not None:
            self.reload()

    def _load_failed(self, error: TaskError) -> None:
        self.status.setText(error.message)
        self.failed.emit(error.message)

    def _show(self, data: FileData) -> None:
        if self.person_id != data.file.id:
            return
        self.data = data
        self._render()
        for tab in self.file_tabs:
            tab.show_file(data)
        self.loaded.emit(data)

    def _saved(self, what: str) -> None:
        self.status.setText(self.tr("Saved."))
        self.saved.emit(what)

    # -- the person's rights: access and erasure -----------------------------------------------------------------

    def export_data(self) -> None:
        """Ask where to write the person's data, then write it (`export_to`)."""
        if self.person_id is None:
            return
        directory = QFileDialog.getExistingDirectory(self, self.tr("Folder for the exported data"), str(Path.home()))
        if directory:
            self.export_to(Path(directory))

    def export_to(self, directory: Path) -> None:
        """Write the person's complete file into `directory`, as PDF and JSON; `exported([pdf, json])` when done."""
        if self.person_id is None:
            return
        self._runner.query(
            partial(access.person_export, now=datetime.now(UTC)),
            self.person_id,
            on_done=lambda export: self._write_export(export, directory),
            on_error=self._load_failed,
        )

    def _write_export(self, export: access.AccessExport, directory: Path) -> None:
        try:
            pdf, js = write_export(export, directory)
        except OSError as exc:
            message = self.tr("The files could not be written in %1: %2").replace("%1", str(directory))
            self._load_failed(TaskError(message.replace("%2", exc.strerror or str(exc))))
            return  # nothing exported: nothing recorded
        # written: the audit trail records the export (services.audit)
        self._runner.run(
            audit.person_exported,
            export.person_id,
            "pdf+json",
            on_done=lambda _id: self._exported(pdf, js),
            on_error=self._load_failed,
        )

    def _exported(self, pdf: Path, js: Path) -> None:
        self.status.setText(self.tr("Data exported: %1 and %2").replace("%1", str(pdf)).replace("%2", js.name))
        self.exported.emit([pdf, js])

    def ask_erasure(self) -> None:
        """Open the erasure dialog (a campus manager's); once done, the page forgets the person."""
        if self.person_id is None or self.data is None:
            return
        f = self.data.file
        dialog = EraseDialog(self._runner, self.person_id, f"{f.first_name} {f.last_name}", self)
        dialog.erased.connect(self._erased)
        dialog.finished.connect(dialog.deleteLater)
        self.erase_dialog = dialog
        dialog.open()

    def ask_move(self) -> None:
        """Open the share-or-transfer dialog; once recorded, the file is shown again (its new note, its campus)."""
        if self.person_id is None or self.data is None:
            return
        f = self.data.file
        dialog = MoveDialog(self._runner, self.person_id, f"{f.first_name} {f.last_name}", self)
        dialog.moved.connect(self._moved)
        dialog.finished.connect(dialog.deleteLater)
        self.move_dialog = dialog
        dialog.open()

    def _moved(self, message: str) -> None:
        self.move_dialog = None
        self.status.setText(message)
        self.reload()

    def _erased(self, name: str) -> None:
        self.erase_dialog = None
        self.person_id = None
        self.data = None
        self.name.clear()
        self.details.clear()
        self.step_label.clear()
        self.consent_alert.hide()
        self.status.setText(self.tr("%1 was erased from this computer.").replace("%1", name))
        self.erased.emit(name)

    # -- display -------------------------------------------------------------------------------------------------

    def _render(self) -> None:
        d = self.data
        if d is None:
            return
        f = d.file
        self.name.setText(f"{f.first_name} {f.last_name}")
        parts = []
        if f.age is not None:
            parts.append(self.tr("%n year(s) old", "", f.age) + f" ({fmt_date(f.birth_date)})")
        parts.append(f.campus_name)
        parts.append(self.tr("Advisor: %1").replace("%1", f.advisor_name or self.tr("none")))
        if f.phone:
            parts.append(format_phone(f.phone))
        if f.email:
            parts.append(f.email)
        self.details.setText(" · ".join(parts))
        self.step_label.setText(
            self.tr("Current step: %1, since %2").replace("%1", lab(f.step)).replace("%2", fmt_date(f.step_since))
        )
        if f.rqth is not None:
            self.step_label.setText(
                self.step_label.text()
                + " · "
                + self.tr("RQTH valid until %1").replace(
                    "%1", fmt_date(f.rqth[2]) if f.rqth[2] else self.tr("no end date")
                )
            )
        withdrawn = follow_up_withdrawn_on(d.consents)
        self.consent_alert.setVisible(withdrawn is not None)
        if withdrawn is not None:
            self.consent_alert.setText(
                self.tr("Follow-up consent withdrawn on %1: this file must no longer be followed.").replace(
                    "%1", fmt_date(withdrawn)
                )
            )
        self._tab_text(self.notes, self.tr("&Notes (%1)").replace("%1", str(len(d.notes))))
        self._tab_text(self.appointments, self.tr("&Appointments (%1)").replace("%1", str(len(d.appointments))))
        self._tab_text(self.referrals, self.tr("&Referrals (%1)").replace("%1", str(len(d.referrals))))

    def _tab_text(self, tab: QWidget, text: str) -> None:
        self.tabs.setTabText(self.tabs.indexOf(tab), text)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.back_button.setText(self.tr("← Back to the search (Alt+Left)"))
        self.export_button.setText(self.tr("E&xport their data…"))
        self.export_button.setToolTip(self.tr("The person's complete file, for them (right of access): PDF and JSON"))
        self.erase_button.setText(self.tr("Erase the person…"))
        self.move_button.setText(self.tr("Share or transfer…"))
        texts: dict[QWidget | None, str] = {
            self.pathway: self.tr("&Pathway"),
            self.notes: self.tr("&Notes"),
            self.appointments: self.tr("&Appointments"),
            self.referrals: self.tr("&Referrals"),
            self.edit: self.tr("&Details"),
            self.consents: self.tr("&Consents"),
            self.rqth: self.tr("R&QTH"),
            self.history: self.tr("&History"),
        }
        for tab, text in texts.items():
            if tab is not None:
                self._tab_text(tab, text)
        self._render()
