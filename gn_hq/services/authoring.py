"""Records HQ writes itself (campuses, accounts, advisors' decisions): merged like any change, from device "hq"."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from gn_core.merge import Incoming, RecordState, merge
from gn_hq.db.types import utcnow
from gn_hq.services import records
from gn_hq.services.context import HQ_DEVICE_ID, Hq, WriteTx


def write_as_hq(
    hq: Hq, tx: WriteTx, entity: str, record_id: str, values: Mapping[str, Any], user_id: str | None = None
) -> RecordState:
    """Insert or update a record with `values`, as HQ, having seen its current state (so it simply applies)."""
    stored = records.load(tx.conn, [(entity, record_id)]).get((entity, record_id))
    state = stored.state if stored else None
    current = state.data if state else {}
    change = Incoming(
        op="update" if stored else "insert",
        fields={k: (current.get(k), v) for k, v in values.items()},
        base_version=state.version if state else 0,
        stamp=str(hq.clock.now()),
        device_id=HQ_DEVICE_ID,
        user_id=user_id,
    )
    result = merge(state, change)
    if result.changed:
        row = records.columns_of(entity, record_id, result.state, tx.next_seq(), utcnow())
        records.write(tx.conn, [] if stored else [row], [row] if stored else [])
    return result.state
