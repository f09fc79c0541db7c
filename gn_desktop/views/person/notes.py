"""The "Notes" tab of a person's file: the follow-up notes (append-only) and the form that adds one, restricted or
not. Ctrl+Enter in the text adds the note. Threading: main thread only.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout

from gn_desktop.services import followup
from gn_desktop.views.common import error_label, fill, fmt_datetime, show_error, table
from gn_desktop.views.person.tab import FileTab
from gn_desktop.views.tasks import TaskError, TaskRunner


class NotesTab(FileTab):
    def __init__(self, runner: TaskRunner) -> None:
        super().__init__(runner)
        self.notes_table = table("notes-table", 3, stretch=2)
        self.notes_table.setWordWrap(True)
        self.note_text = QPlainTextEdit()
        self.note_text.setObjectName("note-text")
        self.note_text.setTabChangesFocus(True)
        self.note_text.setMaximumHeight(90)
        self.note_restricted = QCheckBox()
        self.note_restricted.setObjectName("note-restricted")
        self.note_button = QPushButton()
        self.note_button.setObjectName("note-add")
        self.note_button.clicked.connect(self.add_note)
        QShortcut(QKeySequence("Ctrl+Return"), self.note_text, self.add_note, Qt.ShortcutContext.WidgetShortcut)
        self.note_error = error_label("note-error")
        self.note_hint = QLabel()
        self.note_hint.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.note_restricted, 1)
        row.addWidget(self.note_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.notes_table, 1)
        layout.addWidget(self.note_hint)
        layout.addWidget(self.note_text)
        layout.addWidget(self.note_error)
        layout.addLayout(row)
        self._retranslate()

    def clear_messages(self) -> None:
        show_error(self.note_error, None)

    def add_note(self) -> None:
        if self.person_id is None:
            return
        show_error(self.note_error, None)
        self._runner.run(
            partial(followup.add_note, restricted=self.note_restricted.isChecked()),
            self.person_id,
            self.note_text.toPlainText(),
            on_done=self._note_added,
            on_error=self._note_refused,
        )

    def _note_added(self, _result: object = None) -> None:
        self.note_text.clear()
        self.note_restricted.setChecked(False)
        self._saved("note", self.note_error)

    def _note_refused(self, error: TaskError) -> None:
        self._refused(self.note_error, error)

    def _render(self) -> None:
        if self.data is None:
            return
        fill(
            self.notes_table,
            [
                [
                    fmt_datetime(n.created_at),
                    n.author_name + (" 🔒" if n.restricted else ""),
                    n.body,
                ]
                for n in self.data.notes
            ],
        )
        self.notes_table.resizeRowsToContents()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.notes_table.setHorizontalHeaderLabels([self.tr("Date"), self.tr("Author"), self.tr("Note")])
        self.notes_table.setAccessibleName(self.tr("Notes"))
        self.note_hint.setText(self.tr("Notes cannot be edited or deleted once added. Ctrl+Enter adds the note."))
        self.note_text.setPlaceholderText(self.tr("New note"))
        self.note_text.setAccessibleName(self.tr("New note"))
        self.note_restricted.setText(self.tr("Restricted &note (only you and the campus managers can read it)"))
        self.note_button.setText(self.tr("Add the no&te"))
        self._render()
