"""HQ's reference data as this PC holds it, as a file HQ can load (`gn-hq reference import`).

Campuses, accounts and the catalogue are HQ's to write (gn_core.sync_rules): a campus PC never pushes them. A PC
set up before HQ existed (the demo campus of `make run`, a campus that started offline) hands them over this way,
by an explicit act of an HQ administrator, with the ids it gave them so that both sides keep one record each.

The file holds the accounts' password hashes (argon2): keep it as you would keep a password.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from gn_core.protocol import REFERENCE_FORMAT
from gn_core.sync_rules import ACCOUNT_ENTITY, REFERENCE_ENTITIES
from gn_desktop.store import models as m
from gn_desktop.store.changes import data_columns
from gn_desktop.store.codec import wire
from gn_desktop.store.uow import UnitOfWork


def reference_document(uow: UnitOfWork) -> dict[str, Any]:
    """Every reference record of this PC (`gn_core.protocol.REFERENCE_FORMAT`), by entity, sorted by id."""
    entities: dict[str, list[dict[str, Any]]] = {}
    for model in m.SYNCED_MODELS:
        entity = model.__tablename__
        if entity not in REFERENCE_ENTITIES:
            continue
        columns = data_columns(model)
        rows = []
        for record in uow.session.scalars(select(model).order_by(model.id)):
            values = {c: wire(getattr(record, c)) for c in columns}
            if entity == ACCOUNT_ENTITY and not values.get("password_hash"):
                continue  # another campus's account, kept here for its name only: not this PC's to hand over
            rows.append({"id": record.id, **values})
        if rows:
            entities[entity] = rows
    return {"format": REFERENCE_FORMAT, "entities": entities}
