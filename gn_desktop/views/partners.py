"""Partners and what they offer: upcoming training sessions with places left, employers' open job offers, and every
partner (training organisations, employers, employment services, funders). Read-only lists; referring a person is
done from their file. Threading: main thread only.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from gn_core.domain import enums as e
from gn_core.domain.reference import COMMUNES_BY_INSEE
from gn_core.domain.validation import format_phone
from gn_desktop.services.partners import PartnersData, partners_data
from gn_desktop.views.common import fill, fmt_date, heading, lab, table
from gn_desktop.views.tasks import TaskError, TaskRunner


def _commune(insee: str | None) -> str:
    c = COMMUNES_BY_INSEE.get(insee or "")
    return c.name if c else ""


class PartnersPage(QWidget):
    loaded = Signal(object)

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("partners-page")
        self._runner = runner
        self.data: PartnersData | None = None
        self.title = heading()
        self.status = QLabel()
        self.tabs = QTabWidget()
        self.sessions = table("sessions-table", 6, stretch=0)
        self.offers = table("offers-table", 6, stretch=0)
        self.partners = table("partners-table", 5, stretch=0)
        self.tabs.addTab(self.sessions, "")
        self.tabs.addTab(self.offers, "")
        self.tabs.addTab(self.partners, "")
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
        self._runner.query(partners_data, date.today(), on_done=self._show, on_error=self._failed)

    def _failed(self, error: TaskError) -> None:
        self.status.setText(error.message)

    def _show(self, data: PartnersData) -> None:
        self.data = data
        self._render()
        self.loaded.emit(data)

    def _render(self) -> None:
        d = self.data
        if d is None:
            return
        fill(
            self.sessions,
            [
                [
                    s.programme_title,
                    s.partner_name,
                    lab(s.job_family),
                    f"{fmt_date(s.starts_on)} → {fmt_date(s.ends_on)}",
                    s.campus_name,
                    self.tr("%1 of %2").replace("%1", str(s.places_left)).replace("%2", str(s.capacity)),
                ]
                for s in d.sessions
            ],
            [s.id for s in d.sessions],
        )
        fill(
            self.offers,
            [
                [
                    o.title,
                    o.partner_name,
                    lab(o.contract_type),
                    lab(o.job_family),
                    _commune(o.commune_insee),
                    fmt_date(o.closes_on) if o.closes_on else self.tr("open"),
                ]
                for o in d.offers
            ],
            [o.id for o in d.offers],
        )
        fill(
            self.partners,
            [
                [
                    p.name,
                    lab(p.kind),
                    ", ".join(lab(e.JobFamily(j)) for j in p.job_families),
                    format_phone(p.phone),
                    self.tr("committed to hire") if p.committed_to_hire else "",
                ]
                for p in d.partners
            ],
            [p.id for p in d.partners],
        )
        self.tabs.setTabText(0, self.tr("Training sessions (%1)").replace("%1", str(len(d.sessions))))
        self.tabs.setTabText(1, self.tr("Job offers (%1)").replace("%1", str(len(d.offers))))
        self.tabs.setTabText(2, self.tr("Partners (%1)").replace("%1", str(len(d.partners))))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.title.setText(self.tr("Partners and programmes"))
        self.tabs.setTabText(0, self.tr("Training sessions"))
        self.tabs.setTabText(1, self.tr("Job offers"))
        self.tabs.setTabText(2, self.tr("Partners"))
        self.sessions.setHorizontalHeaderLabels(
            [
                self.tr("Programme"),
                self.tr("Training organisation"),
                self.tr("Job family"),
                self.tr("Dates"),
                self.tr("Campus"),
                self.tr("Places left"),
            ]
        )
        self.offers.setHorizontalHeaderLabels(
            [
                self.tr("Job"),
                self.tr("Employer"),
                self.tr("Contract"),
                self.tr("Job family"),
                self.tr("Commune"),
                self.tr("Closes on"),
            ]
        )
        self.partners.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("Kind"), self.tr("Job families"), self.tr("Phone"), self.tr("Commitment")]
        )
        self._render()
