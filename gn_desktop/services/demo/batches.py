"""Batches: the rows of one chunk of people, per model, as the generator draws them and the loader writes them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from gn_desktop.store import models as m

#: insertion order: referenced tables first (SQLite checks foreign keys at each insert)
_PERSON_MODELS: tuple[type[m.Synced], ...] = (
    m.Person,
    m.RqthDecision,
    m.Consent,
    m.PathwayEvent,
    m.Note,
    m.Appointment,
    m.Referral,
    m.EventRegistration,
    m.Startup,
    m.StartupFounder,
    m.StartupAction,
)


@dataclass(slots=True)
class _Batch:
    """Rows of one chunk of people, per model, ready for `bulk_insert`."""

    rows: dict[type[m.Synced], list[dict[str, Any]]] = field(
        default_factory=lambda: {model: [] for model in _PERSON_MODELS}
    )
