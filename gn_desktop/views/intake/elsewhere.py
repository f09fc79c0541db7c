"""Search before create, across campuses: is the person being typed followed at another campus? (issue 18, item 4)

When this PC is linked to HQ and not offline, what is typed (first and last names with a valid birth date, phone
or e-mail) is sent to HQ's lookup `LOOKUP_DELAY_MS` after the last change, as a question answered beside a running
sync cycle (`SyncBridge.ask_hq(..., beside_cycle=True)`: network never on the UI thread nor on the database worker,
and never behind a first sync or a catch-up of tens of seconds). HQ answers only the campus and how sure the match is;
the notice then offers to ask that campus for a share or a transfer, once the person's consent is ticked. Offline,
not enrolled, or any error: nothing is shown and intake works as before. Answers to what was typed before are
dropped. The request itself is not a record of this PC: the file arrives with the next pull once accepted, and the
outcome is listed in the Synchronisation page's "File requests" tab.

Threading: main thread only.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtWidgets import QCheckBox, QFrame, QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from gn_core.domain.person import check_person
from gn_core.protocol import LookupMatch, LookupRequest, LookupResponse, MoveRequestView
from gn_desktop.views.common import error_label, show_error
from gn_desktop.views.i18n import current_language
from gn_desktop.views.intake.form import person_form
from gn_desktop.views.sync_bridge import SyncBridge

LOOKUP_DELAY_MS = 900
_VOWELS = frozenset("AEIOUYÂÀÉÈÊÎÏÔÛ")


def campus_words(name: str) -> str:
    """A campus's name as the sentences "… at the %1 campus" / "… au campus %1" want it in the interface's language:
    "Bobigny" for "Campus Bobigny"; in French after "de": "de Bobigny", "d'Aubervilliers"."""
    place = name[7:].strip() if name.casefold().startswith("campus ") else name.strip()
    if current_language() != "fr":
        return place
    return f"d'{place}" if place[:1].upper() in _VOWELS else f"de {place}"


def lookup_request(typed: Mapping[str, Any], user_id: str | None) -> LookupRequest | None:
    """What to ask HQ for what is typed, or None while there is too little (HQ would refuse it anyway)."""
    first, last = str(typed.get("first_name") or "").strip(), str(typed.get("last_name") or "").strip()
    if not (first and last):
        return None
    clean, _problems = check_person(person_form(typed), date.today(), ("birth_date", "phone", "email"))
    born, phone, email = clean.get("birth_date"), clean.get("phone"), clean.get("email")
    if not (born or phone or email):
        return None
    return LookupRequest(
        first_name=first[:100],
        last_name=last[:100],
        birth_date=born.isoformat() if isinstance(born, date) else None,
        phone=phone or None,
        email=email or None,
        user_id=user_id,
    )


class FollowedElsewhere(QFrame):
    """The notice "this person seems followed at campus X", with the requests it allows. Emits `answered(n)` when
    HQ's answer for what is typed now is shown, `requested(message)` once a request is recorded at HQ."""

    answered = Signal(int)
    requested = Signal(str)

    def __init__(
        self,
        bridge: SyncBridge | None,
        typed: Callable[[], Mapping[str, Any]],
        user_id: Callable[[], str | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("intake-elsewhere")
        self.setStyleSheet(
            "QFrame#intake-elsewhere { background: #eef4fb; border: 1px solid #9db8d9; border-radius: 6px; }"
        )
        self._bridge = bridge
        self._typed = typed
        self._user_id = user_id
        self._asked: LookupRequest | None = None  # the question whose answer is awaited or shown
        self.matches: list[LookupMatch] = []
        self._sent: set[str] = set()  # tokens already used

        self.rows = QGridLayout()
        self.rows.setColumnStretch(0, 1)
        self.explanation = QLabel()
        self.explanation.setObjectName("intake-elsewhere-explanation")
        self.explanation.setWordWrap(True)
        self.consent = QCheckBox()
        self.consent.setObjectName("intake-elsewhere-consent")
        self.consent.toggled.connect(self._update_buttons)
        self.done = QLabel()
        self.done.setObjectName("intake-elsewhere-done")
        self.done.setWordWrap(True)
        self.done.hide()
        self.error = error_label("intake-elsewhere-error")
        layout = QVBoxLayout(self)
        layout.addLayout(self.rows)
        layout.addWidget(self.explanation)
        layout.addWidget(self.consent)
        layout.addWidget(self.done)
        layout.addWidget(self.error)
        self._labels: list[QLabel] = []
        self._buttons: list[tuple[QPushButton, QPushButton]] = []

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(LOOKUP_DELAY_MS)
        self._timer.timeout.connect(self.ask_now)
        self._retranslate()
        self.hide()

    # -- asking --------------------------------------------------------------------------------------------------

    def schedule(self) -> None:
        """Ask again a moment after the last change (nothing is sent while typing goes on)."""
        if self._bridge is not None:
            self._timer.start()

    def ask_now(self) -> None:
        self._timer.stop()
        question = lookup_request(self._typed(), self._user_id())
        if question is None:
            self._asked = None
            self.show_matches([])
            return
        if question == self._asked:
            return  # asked already (the answer is shown or coming)
        if self._bridge is None or not self._bridge.can_ask_hq():
            return
        self._asked = question
        self._bridge.ask_hq(
            lambda syncer: syncer.lookup(question),
            lambda r, m: self._arrived(question, r, m),
            owner=self,
            beside_cycle=True,
        )

    def _arrived(self, question: LookupRequest, answer: object, message: str | None) -> None:
        if question != self._asked:
            return  # typed on meanwhile: another question is coming
        if message is not None or not isinstance(answer, LookupResponse):
            self._asked = None  # silent: intake works as before; asked again at the next change
            self.show_matches([])
            return
        self.show_matches(answer.matches)
        self.answered.emit(len(answer.matches))

    def clear(self) -> None:
        self._timer.stop()
        self._asked = None
        self.consent.setChecked(False)
        self.show_matches([])

    # -- showing -------------------------------------------------------------------------------------------------

    def show_matches(self, matches: list[LookupMatch]) -> None:
        """Show HQ's answer (also used by the screenshot command with a sample match)."""
        if [m.token for m in matches] != [m.token for m in self.matches]:
            self.done.hide()
            show_error(self.error, None)
        self.matches = list(matches)
        for lab in self._labels:
            lab.deleteLater()
        for pair in self._buttons:
            for button in pair:
                button.deleteLater()
        self._labels, self._buttons = [], []
        for row, match in enumerate(self.matches):
            lab = QLabel()
            lab.setObjectName("intake-elsewhere-text")
            lab.setWordWrap(True)
            share, transfer = QPushButton(), QPushButton()
            share.setObjectName("intake-elsewhere-share")
            transfer.setObjectName("intake-elsewhere-transfer")
            share.clicked.connect(lambda _c=False, m=match: self.request(m, "share"))
            transfer.clicked.connect(lambda _c=False, m=match: self.request(m, "transfer"))
            self.rows.addWidget(lab, row, 0)
            self.rows.addWidget(share, row, 1)
            self.rows.addWidget(transfer, row, 2)
            self._labels.append(lab)
            self._buttons.append((share, transfer))
        self._retranslate_rows()
        self._update_buttons()
        self.setVisible(bool(self.matches))

    def _update_buttons(self) -> None:
        for match, (share, transfer) in zip(self.matches, self._buttons, strict=True):
            may = self.consent.isChecked() and match.token not in self._sent
            share.setEnabled(may)
            transfer.setEnabled(may)

    # -- requesting ----------------------------------------------------------------------------------------------

    def request(self, match: LookupMatch, kind: str) -> None:
        """Ask the campus following the person for a share or a transfer (the consent box must be ticked)."""
        if not self.consent.isChecked():
            show_error(self.error, self.tr("Tick the person's consent first."))
            return
        if self._bridge is None:
            return
        user_id = self._user_id()
        self._sent.add(match.token)
        self._update_buttons()
        self._bridge.ask_hq(  # beside a cycle: HQ keeps the request; nothing here nor in the next pull changes
            lambda syncer: syncer.request_move(match.token, kind, True, user_id),
            lambda r, m: self._request_done(match, r, m),
            owner=self,
            beside_cycle=True,
        )

    def _request_done(self, match: LookupMatch, answer: object, message: str | None) -> None:
        if message is not None or not isinstance(answer, MoveRequestView):
            self._sent.discard(match.token)
            self._update_buttons()
            show_error(self.error, message or self.tr("The head office could not be reached: try again in a moment."))
            return
        show_error(self.error, None)
        if answer.kind == "share":
            text = self.tr(
                "Share requested from the %1 campus. If it accepts, the file arrives on this computer at the next "
                "synchronisation: find it with the search instead of creating a new file. The answer shows in "
                "Synchronisation › File requests."
            )
        else:
            text = self.tr(
                "Transfer requested from the %1 campus. If it accepts, the file arrives on this computer at the next "
                "synchronisation and this campus follows the person: no need to create a new file. The answer shows "
                "in Synchronisation › File requests."
            )
        message = text.replace("%1", campus_words(answer.campus_name))
        self.done.setText(message)
        self.done.show()
        self.requested.emit(message)

    # -- translation ---------------------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate_rows(self) -> None:
        for match, lab, (share, transfer) in zip(self.matches, self._labels, self._buttons, strict=True):
            if match.strength == "strong":
                text = self.tr("This person seems already followed at the %1 campus (strong match)")
            else:
                text = self.tr("This person may already be followed at the %1 campus (possible match)")
            lab.setText(f"<b>{text.replace('%1', campus_words(match.campus_name.replace('<', '&lt;')))}</b>")
            share.setText(self.tr("Request a &share"))
            transfer.setText(self.tr("Request a &transfer"))

    def _retranslate(self) -> None:
        self.explanation.setText(
            self.tr(
                "That campus can share the file with this campus (both follow the person) or transfer it here. "
                "Ask the person first: the request goes with their consent."
            )
        )
        self.consent.setText(
            self.tr("The person &agrees to their file being shared with or transferred to this campus")
        )
        self._retranslate_rows()
