"""The "File requests" tab of the Synchronisation page: what other campuses asked this campus for, and the answers to
this campus's own requests (issue 18, item 4).

Another campus found, at its intake, a person this campus follows (HQ's lookup) and asked, with the person's consent,
for a share or a transfer. HQ keeps the requests; this tab asks HQ for them (`SyncBridge.ask_hq`, a question
answered beside a running sync cycle), names the people from this PC's own files (task runner), and lets an advisor
or manager accept or decline. Accepting a transfer first records the usual synced change of campus in the file (with
a note), then tells HQ; accepting a share is granted by HQ (the note is written here). The other campus receives the
file at its next synchronisation, or learns that the request was declined. A decision is sent on the sync thread
between cycles, not beside one: accepting makes HQ send the person's records again (the next pull changes), and a
transfer goes with the change of campus a cycle pushes.

Threading: main thread only.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from gn_core.protocol import MoveRequestsResponse, MoveRequestView
from gn_desktop.services import transfers
from gn_desktop.views.common import error_label, fill, fmt_datetime, heading, selected_id, show_error, table
from gn_desktop.views.intake.elsewhere import campus_words
from gn_desktop.views.sync_bridge import SyncBridge
from gn_desktop.views.tasks import TaskError, TaskRunner


class MoveRequestsTab(QWidget):
    """Requests from other campuses (accept / decline) and this campus's own. Emits `listed()` once HQ's list is
    shown, `answered(message)` once an answer is recorded at HQ."""

    listed = Signal()
    answered = Signal(str)

    def __init__(self, runner: TaskRunner, bridge: SyncBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("move-requests-tab")
        self._runner = runner
        self.bridge = bridge
        self.response: MoveRequestsResponse | None = None
        self.names: dict[str, transfers.RequestedFile] = {}
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.ask_button = QPushButton()
        self.ask_button.setObjectName("move-requests-ask")
        self.ask_button.clicked.connect(self.ask)
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.error = error_label("move-requests-error")
        self.incoming_title = heading(size=12)
        self.incoming = table("move-requests-incoming", 5, stretch=0)
        self.accept_button = QPushButton()
        self.accept_button.setObjectName("move-requests-accept")
        self.accept_button.clicked.connect(lambda: self.answer(True))
        self.decline_button = QPushButton()
        self.decline_button.setObjectName("move-requests-decline")
        self.decline_button.clicked.connect(lambda: self.answer(False))
        self.incoming.itemSelectionChanged.connect(self._update_buttons)
        self.outgoing_title = heading(size=12)
        self.outgoing = table("move-requests-outgoing", 4, stretch=2)
        row = QHBoxLayout()
        row.addWidget(self.ask_button)
        row.addWidget(self.state, 1)
        answers = QHBoxLayout()
        answers.addStretch(1)
        answers.addWidget(self.decline_button)
        answers.addWidget(self.accept_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addWidget(self.intro)
        layout.addLayout(row)
        layout.addWidget(self.error)
        layout.addWidget(self.incoming_title)
        layout.addWidget(self.incoming, 1)
        layout.addLayout(answers)
        layout.addWidget(self.outgoing_title)
        layout.addWidget(self.outgoing, 1)
        self._retranslate()
        self._update_buttons()

    # -- asking HQ -----------------------------------------------------------------------------------------------

    def ask(self) -> None:
        """Ask HQ for the requests (a question: answered even while a cycle runs)."""
        if self.bridge.ask_hq(lambda syncer: syncer.move_requests(), self._arrived, owner=self, beside_cycle=True):
            self.ask_button.setEnabled(False)
            self.state.setText(self.tr("Asking the head office…"))
            show_error(self.error, None)
        else:
            show_error(self.error, self.tr("This computer is not linked to the head office."))

    def _arrived(self, answer: object, message: str | None) -> None:
        self.ask_button.setEnabled(True)
        if message is not None or not isinstance(answer, MoveRequestsResponse):
            self.state.setText("")
            show_error(self.error, message)
            return
        ids = [r.person_id for r in answer.incoming if r.person_id]
        self._runner.query(
            transfers.requested_files,
            ids,
            on_done=lambda names: self.show_requests(answer, names),
            on_error=self._failed,
        )

    def show_requests(self, answer: MoveRequestsResponse, names: dict[str, transfers.RequestedFile]) -> None:
        """Show HQ's list, people named from this PC's files (also used by the screenshot command)."""
        self.response, self.names = answer, names
        show_error(self.error, None)
        fill(
            self.incoming,
            [
                [
                    names[r.person_id].name if r.person_id in names else self.tr("(not on this computer yet)"),
                    r.campus_name,
                    self._kind(r),
                    _when(r.requested_at),
                    _when(r.expires_at),
                ]
                for r in answer.incoming
            ],
            [r.id for r in answer.incoming],
        )
        fill(
            self.outgoing,
            [[r.campus_name, self._kind(r), self._status(r), _when(r.requested_at)] for r in answer.outgoing],
        )
        if answer.incoming:
            self.incoming.selectRow(0)
        n = len(answer.incoming)
        self.state.setText(
            self.tr("%n request(s) waiting for this campus's answer.", "", n)
            if n
            else self.tr("No request waits for this campus's answer.")
        )
        self._update_buttons()
        self.listed.emit()

    # -- answering -----------------------------------------------------------------------------------------------

    def _selected(self) -> MoveRequestView | None:
        wanted = selected_id(self.incoming)
        if self.response is None or wanted is None:
            return None
        return next((r for r in self.response.incoming if r.id == wanted), None)

    def _update_buttons(self) -> None:
        request = self._selected()
        self.decline_button.setEnabled(request is not None)
        self.accept_button.setEnabled(request is not None and request.person_id in self.names)

    def answer(self, accept: bool) -> None:
        """Accept or decline the selected request."""
        request = self._selected()
        if request is None or request.person_id is None:
            return
        self.accept_button.setEnabled(False)
        self.decline_button.setEnabled(False)
        if accept and request.kind == "transfer":  # the file's own change (synced) first, then HQ's answer
            self._record_here(request, then_tell_hq=True)
        else:  # a share is HQ's grant: noted in the file once HQ recorded it
            self._tell_hq(request, accept)

    def _record_here(self, request: MoveRequestView, *, then_tell_hq: bool) -> None:
        self._runner.run(
            transfers.accept_request,
            request.person_id or "",
            request.campus_code,
            transfers.Move(request.kind),
            on_done=lambda _done: self._tell_hq(request, True) if then_tell_hq else self._told(request, True, None),
            on_error=self._failed,
        )

    def _tell_hq(self, request: MoveRequestView, accept: bool) -> None:
        user_id = self._runner.user_id
        self.bridge.ask_hq(  # between cycles (see the module's docstring)
            lambda syncer: syncer.decide_move(request.id, accept, user_id),
            lambda answer, message: self._answered_at_hq(request, accept, message),
            owner=self,
        )

    def _answered_at_hq(self, request: MoveRequestView, accept: bool, message: str | None) -> None:
        if message is None and accept and request.kind == "share":
            self._record_here(request, then_tell_hq=False)  # the note in the file
        else:
            self._told(request, accept, message)

    def _told(self, request: MoveRequestView, accept: bool, message: str | None) -> None:
        if message is not None:
            show_error(self.error, message)
            self._update_buttons()
            return
        who = self.names[request.person_id].name if request.person_id in self.names else ""
        if not accept:
            text = self.tr("Request declined: the %1 campus will be told.")
        elif request.kind == "transfer":
            text = self.tr("%3: file transferred to the %1 campus (everywhere at the next synchronisation).")
        else:
            text = self.tr("%3: file shared with the %1 campus, which receives it at its next synchronisation.")
        done = text.replace("%1", campus_words(request.campus_name)).replace("%3", who)
        self.answered.emit(done)
        self.bridge.sync_now()  # a transfer's change leaves now
        self.ask()
        self.state.setText(done)

    def _failed(self, error: TaskError) -> None:
        show_error(self.error, error.message)
        self._update_buttons()

    # -- words ---------------------------------------------------------------------------------------------------

    def _kind(self, r: MoveRequestView) -> str:
        return self.tr("Share") if r.kind == "share" else self.tr("Transfer")

    def _status(self, r: MoveRequestView) -> str:
        return {
            "pending": self.tr("Waiting for an answer"),
            "accepted": self.tr("Accepted: the file arrives with the next synchronisation"),
            "declined": self.tr("Declined"),
            "expired": self.tr("Expired without an answer"),
        }[r.status]

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.intro.setText(
            self.tr(
                "Other campuses found, at their intake, people this campus follows, and asked with the person's "
                "consent for their file: a share (both campuses follow the person) or a transfer (the other campus "
                "follows the person from now on). Requests lapse after 30 days."
            )
        )
        self.ask_button.setText(self.tr("&Ask the head office"))
        self.incoming_title.setText(self.tr("Requests for this campus"))
        self.incoming.setHorizontalHeaderLabels(
            [self.tr("Person"), self.tr("Asked by"), self.tr("Request"), self.tr("On"), self.tr("Until")]
        )
        self.accept_button.setText(self.tr("A&ccept"))
        self.decline_button.setText(self.tr("&Decline"))
        self.outgoing_title.setText(self.tr("This campus's requests"))
        self.outgoing.setHorizontalHeaderLabels(
            [self.tr("Campus asked"), self.tr("Request"), self.tr("Answer"), self.tr("On")]
        )
        if self.response is not None:
            self.show_requests(self.response, self.names)


def _when(iso: str) -> str:
    try:
        return fmt_datetime(datetime.fromisoformat(iso))
    except ValueError:
        return iso
