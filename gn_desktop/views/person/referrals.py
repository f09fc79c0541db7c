"""The "Referrals" tab of a person's file: their referrals (and the next status of the selected one), and the list of
training sessions with places left, open job offers and employment services (France Travail, missions locales, Cap
Emploi, associations) to refer them to.

Referring takes two clicks: pick a session or an offer in the "Refer to" list, then "Refer" (or double-click it).
Threading: main thread only.
"""

from __future__ import annotations

from datetime import date
from functools import partial

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from gn_desktop.services import events, referrals
from gn_desktop.views.common import error_label, fill, fmt_date, heading, lab, selected_id, show_error, table
from gn_desktop.views.person.tab import FileTab
from gn_desktop.views.tasks import TaskError, TaskRunner


class ReferralsTab(FileTab):
    def __init__(self, runner: TaskRunner) -> None:
        super().__init__(runner)
        self.referrals_title = heading(size=12)
        self.referrals_table = table("referrals-table", 5, stretch=1)
        self.referral_status = QComboBox()
        self.referral_status.setObjectName("referral-status")
        self.referral_status_button = QPushButton()
        self.referral_status_button.setObjectName("referral-status-button")
        self.referral_status_button.clicked.connect(self.change_referral_status)
        self.referrals_table.itemSelectionChanged.connect(self._referral_selected)
        self.options_title = heading(size=12)
        self.options_table = table("referral-options", 5, stretch=1)
        self.options_table.itemActivated.connect(lambda _item: self.refer())
        self.refer_button = QPushButton()
        self.refer_button.setObjectName("refer-button")
        self.refer_button.clicked.connect(self.refer)
        self.referral_error = error_label("referral-error")
        self.event_label = QLabel()
        self.event_choice = QComboBox()
        self.event_choice.setObjectName("register-event-choice")
        self.event_label.setBuddy(self.event_choice)
        self.event_button = QPushButton()
        self.event_button.setObjectName("register-event-button")
        self.event_button.clicked.connect(self.register_to_event)
        event_row = QHBoxLayout()
        event_row.addWidget(self.event_label)
        event_row.addWidget(self.event_choice, 1)
        event_row.addWidget(self.event_button)
        status_row = QHBoxLayout()
        self.referral_status_label = QLabel()
        self.referral_status_label.setBuddy(self.referral_status)
        status_row.addWidget(self.referral_status_label)
        status_row.addWidget(self.referral_status, 1)
        status_row.addWidget(self.referral_status_button)
        refer_row = QHBoxLayout()
        refer_row.addWidget(self.options_title, 1)
        refer_row.addWidget(self.refer_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.referrals_title)
        layout.addWidget(self.referrals_table, 2)
        layout.addLayout(status_row)
        layout.addLayout(refer_row)
        layout.addWidget(self.options_table, 3)
        layout.addLayout(event_row)
        layout.addWidget(self.referral_error)
        self._retranslate()

    def clear_messages(self) -> None:
        show_error(self.referral_error, None)

    # -- actions -------------------------------------------------------------------------------------------------

    def refer(self) -> None:
        if self.person_id is None:
            return
        key = selected_id(self.options_table)
        if key is None:
            show_error(self.referral_error, self.tr("Choose a session, an offer or a service in the list first."))
            return
        kind, _, target = key.partition(":")
        self._runner.run(
            partial(
                referrals.refer,
                programme_session_id=target if kind == "session" else None,
                job_offer_id=target if kind == "offer" else None,
                partner_id=target if kind == "service" else None,
            ),
            self.person_id,
            date.today(),
            on_done=self._referred,
            on_error=self._referral_refused,
        )

    def register_to_event(self) -> None:
        event_id = self.event_choice.currentData()
        if self.person_id is None or event_id is None:
            show_error(self.referral_error, self.tr("Choose an event first."))
            return
        self._runner.run(
            events.register, event_id, self.person_id, on_done=self._registered, on_error=self._referral_refused
        )

    def _registered(self, _result: object) -> None:
        self._saved("event-registration", self.referral_error)

    def change_referral_status(self) -> None:
        referral_id = selected_id(self.referrals_table)
        status = self.referral_status.currentData()
        if referral_id is None or status is None:
            show_error(self.referral_error, self.tr("Choose a referral and its new status first."))
            return
        self._runner.run(
            referrals.set_status,
            referral_id,
            status,
            date.today(),
            on_done=self._referral_status_changed,
            on_error=self._referral_refused,
        )

    def _referred(self, _result: object) -> None:
        self._saved("referral", self.referral_error)

    def _referral_status_changed(self, _result: object) -> None:
        self._saved("referral-status", self.referral_error)

    def _referral_refused(self, error: TaskError) -> None:
        self._refused(self.referral_error, error)

    # -- display -------------------------------------------------------------------------------------------------

    def _render(self) -> None:
        d = self.data
        if d is None:
            return
        fill(
            self.referrals_table,
            [
                [
                    self._kind(r),
                    r.title,
                    r.partner_name,
                    fmt_date(r.referred_on),
                    lab(r.status),
                ]
                for r in d.referrals
            ],
            [r.id for r in d.referrals],
        )
        self._referral_selected()
        current = self.event_choice.currentData()
        self.event_choice.clear()
        for ev in d.events:
            self.event_choice.addItem(f"{fmt_date(ev.starts_at.astimezone().date())} — {ev.title}", ev.id)
        if current is not None and self.event_choice.findData(current) >= 0:
            self.event_choice.setCurrentIndex(self.event_choice.findData(current))
        self.event_button.setEnabled(self.event_choice.count() > 0)
        options = (
            [
                [
                    self.tr("Training"),
                    s.programme_title,
                    s.partner_name,
                    self.tr("from %1").replace("%1", fmt_date(s.starts_on)),
                    self.tr("%n place(s) left", "", s.places_left),
                ]
                for s in d.sessions
            ]
            + [
                [
                    self.tr("Job offer"),
                    f"{o.title} ({lab(o.contract_type)})",
                    o.partner_name,
                    self.tr("posted %1").replace("%1", fmt_date(o.posted_on)),
                    "",
                ]
                for o in d.offers
            ]
            + [[lab(p.kind), p.name, "", "", ""] for p in d.services]
        )
        fill(
            self.options_table,
            options,
            [f"session:{s.id}" for s in d.sessions]
            + [f"offer:{o.id}" for o in d.offers]
            + [f"service:{p.id}" for p in d.services],
        )

    def _kind(self, r: referrals.ReferralView) -> str:
        if r.kind == "session":
            return self.tr("Training")
        if r.kind == "offer":
            return self.tr("Job offer")
        return lab(r.service_kind)

    def _referral_selected(self) -> None:
        self.referral_status.clear()
        rid = selected_id(self.referrals_table)
        ref = next((r for r in self.data.referrals if r.id == rid), None) if self.data and rid else None
        for status in ref.next_statuses if ref is not None else ():
            self.referral_status.addItem(lab(status), status.value)
        self.referral_status_button.setEnabled(self.referral_status.count() > 0)

    # -- translation ---------------------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.referrals_title.setText(self.tr("Referrals of this person"))
        self.referrals_table.setHorizontalHeaderLabels(
            [self.tr("Type"), self.tr("Title"), self.tr("Partner"), self.tr("Referred on"), self.tr("Status")]
        )
        self.referral_status_label.setText(self.tr("New s&tatus of the selected referral"))
        self.referral_status_button.setText(self.tr("Change the stat&us"))
        self.options_title.setText(self.tr("Refer to a training session, a job offer or an employment service"))
        self.options_table.setHorizontalHeaderLabels(
            [self.tr("Type"), self.tr("Title"), self.tr("Partner"), self.tr("Dates"), self.tr("Places")]
        )
        self.options_table.setAccessibleName(self.tr("Sessions, offers and services to refer to"))
        self.refer_button.setText(self.tr("Re&fer"))
        self.event_label.setText(self.tr("Register to an &event"))
        self.event_button.setText(self.tr("Re&gister"))
        self._render()
