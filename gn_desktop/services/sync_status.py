"""What the sync indicator shows: pending changes, last success, last error, open conflicts, refused changes; and
what the synchronisation page shows (that state and the conflicts inbox, in one read)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select

from gn_core.sync_rules import ENTITIES
from gn_desktop.services import conflicts
from gn_desktop.store import models as m
from gn_desktop.store.uow import UnitOfWork

#: how many set-aside records the status lists (the count covers them all)
SHOWN_SET_ASIDE = 5


@dataclass(frozen=True, slots=True)
class SetAsideView:
    """A record received from HQ that this PC could not store, and why (French, no value of the record)."""

    entity: str
    record_id: str
    reason: str
    at: datetime


@dataclass(frozen=True, slots=True)
class SyncStatus:
    enrolled: bool
    server_url: str | None
    campus_code: str | None
    pending: int
    open_conflicts: int
    rejected: int
    last_success_at: datetime | None
    last_attempt_at: datetime | None
    last_error: str | None
    needs_reenrol: bool
    campus_name: str | None = None
    #: records received from HQ this PC could not store (the first few; `set_aside_count` counts them all)
    set_aside: tuple[SetAsideView, ...] = ()
    set_aside_count: int = 0

    def as_dict(self) -> dict[str, object]:
        return {
            "enrolled": self.enrolled,
            "server_url": self.server_url,
            "campus_code": self.campus_code,
            "pending": self.pending,
            "open_conflicts": self.open_conflicts,
            "rejected": self.rejected,
            "last_success_at": self.last_success_at.isoformat() if self.last_success_at else None,
            "last_attempt_at": self.last_attempt_at.isoformat() if self.last_attempt_at else None,
            "last_error": self.last_error,
            "needs_reenrol": self.needs_reenrol,
            "campus_name": self.campus_name,
            "set_aside": self.set_aside_count,
            "set_aside_records": [
                {"entity": a.entity, "record_id": a.record_id, "reason": a.reason, "at": a.at.isoformat()}
                for a in self.set_aside
            ],
        }


def status(uow: UnitOfWork) -> SyncStatus:
    s = uow.session
    state = s.get(m.SyncState, 1)
    changes = s.scalar(select(func.count()).select_from(m.ChangeLog).where(m.ChangeLog.entity.in_(ENTITIES))) or 0
    # requests waiting for HQ besides the change log: erasures and shares decided here
    requests = (s.scalar(select(func.count()).select_from(m.PendingErasure)) or 0) + (
        s.scalar(select(func.count()).select_from(m.PendingShare)) or 0
    )
    decisions = (
        s.scalar(select(func.count()).select_from(m.SyncConflict).where(m.SyncConflict.pending_choice.is_not(None)))
        or 0
    )
    conflicts = (
        s.scalar(
            select(func.count())
            .select_from(m.SyncConflict)
            .where(m.SyncConflict.status.in_(("open", "auto")), m.SyncConflict.pending_choice.is_(None))
        )
        or 0
    )
    rejected = s.scalar(select(func.count()).select_from(m.SyncRejection)) or 0
    aside_count = s.scalar(select(func.count()).select_from(m.SyncSetAside)) or 0
    aside = tuple(
        SetAsideView(a.entity, a.record_id, a.reason, a.set_aside_at)
        for a in s.scalars(select(m.SyncSetAside).order_by(m.SyncSetAside.set_aside_at.desc()).limit(SHOWN_SET_ASIDE))
    )
    return SyncStatus(
        enrolled=bool(state and state.server_url),
        server_url=state.server_url if state else None,
        campus_code=state.campus_code if state else None,
        pending=int(changes) + int(requests) + int(decisions),
        open_conflicts=int(conflicts),
        rejected=int(rejected),
        last_success_at=state.last_success_at if state else None,
        last_attempt_at=state.last_attempt_at if state else None,
        last_error=state.last_error if state else None,
        needs_reenrol=bool(state and state.needs_reenrol),
        campus_name=state.campus_name if state else None,
        set_aside=aside,
        set_aside_count=int(aside_count),
    )


@dataclass(frozen=True, slots=True)
class SyncPageData:
    """What the synchronisation page shows: the stored sync state and the conflicts inbox."""

    status: SyncStatus
    inbox: conflicts.Inbox


def sync_page_data(uow: UnitOfWork) -> SyncPageData:
    """The synchronisation page's data, in one read."""
    return SyncPageData(status(uow), conflicts.inbox(uow))
