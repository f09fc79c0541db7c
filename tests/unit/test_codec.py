"""The store's codec (gn_desktop/store/codec.py) is the one definition of stored values: for every kind of column,
what the ORM's types write is what the codec says, what they read back is the value written, and the sync path
(wire -> stored) and change capture's SQL (stored -> wire) agree with them — hypothesis round trips."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

import orjson
import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gn_core.domain import enums as e
from gn_desktop.store import models as m
from gn_desktop.store.codec import codec_for, wire
from gn_desktop.store.engine import make_memory_engine
from gn_desktop.store.types import StringList, UTCDateTime

metadata = sa.MetaData()
SCRATCH = sa.Table(
    "codec_scratch",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("vocabulary", m.Base.type_annotation_map[e.Situation]),
    sa.Column("moment", UTCDateTime()),
    sa.Column("day", sa.Date),
    sa.Column("codes", StringList()),
    sa.Column("flag", sa.Boolean),
    sa.Column("line", sa.String(200)),
    sa.Column("body", sa.Text),
    sa.Column("number", sa.Integer),
)

VALUES: dict[str, st.SearchStrategy[Any]] = {
    "vocabulary": st.sampled_from(list(e.Situation)),
    "moment": st.datetimes(
        datetime(1901, 1, 1), datetime(2099, 12, 31), timezones=st.sampled_from([UTC, timezone(timedelta(hours=2))])
    ).map(lambda d: d.replace(microsecond=d.microsecond // 1000 * 1000)),
    "day": st.dates(date(1900, 1, 1), date(2100, 12, 31)),
    "codes": st.sets(st.sampled_from([m.value for m in e.BarrierTheme])).map(sorted),
    "flag": st.booleans(),
    "line": st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=30),
    "body": st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=60),
    "number": st.integers(-(2**40), 2**40),
}


@pytest.fixture(scope="module")
def engine() -> Any:
    eng = make_memory_engine()
    metadata.create_all(eng)
    yield eng
    eng.dispose()


def _normalised(name: str, value: Any) -> Any:
    """What the ORM hands back for a value it stored (timestamps come back in UTC)."""
    return value.astimezone(UTC) if name == "moment" else value


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(row=st.fixed_dictionaries(VALUES))
def test_each_kind_of_value_round_trips_the_same_way_on_every_path(engine: Any, row: dict[str, Any]) -> None:
    with engine.begin() as conn:
        conn.execute(sa.delete(SCRATCH))
        conn.execute(sa.insert(SCRATCH).values(id=1, **row))
        stored = dict(conn.exec_driver_sql(f"SELECT {', '.join(VALUES)} FROM codec_scratch").mappings().one())
        read = conn.execute(sa.select(*[SCRATCH.c[n] for n in VALUES])).mappings().one()
        for name, value in row.items():
            column = SCRATCH.c[name]
            found = codec_for(column)
            # the ORM's types store what the codec says, and read back what was written
            expected_stored = found.to_stored(value) if found.to_stored else value
            assert stored[name] == expected_stored, name
            assert read[name] == _normalised(name, value), name
            if found.from_stored is not None:
                assert found.from_stored(stored[name]) == _normalised(name, value), name
            # the sync path: the wire form becomes the same stored value
            assert found.wire_to_stored(wire(value)) == expected_stored, name
            # history from stored values, in Python and in SQL, gives the wire form back
            back = found.stored_to_wire(stored[name]) if found.stored_to_wire else stored[name]
            assert back == wire(_normalised(name, value)), name
            sql = found.stored_to_wire_sql(f'"{name}"')
            via_sql = conn.exec_driver_sql(f"SELECT json_array({sql}) FROM codec_scratch").scalar()
            assert orjson.loads(via_sql)[0] == wire(_normalised(name, value)), name


def test_every_synced_column_has_a_codec() -> None:
    for model in m.SYNCED_MODELS:
        for column in model.__table__.columns:
            codec_for(column)  # raises for a column type the store cannot encode


@pytest.mark.parametrize(
    ("column", "value"),
    [
        ("vocabulary", "astronaut"),
        ("vocabulary", ["job_seeker"]),
        ("moment", "2026-03-01T09:00:00"),  # no time zone
        ("moment", 12),
        ("day", "2026-02-30"),
        ("codes", "mobility"),
        ("codes", [1, 2]),
        ("flag", "yes"),
        ("line", ["a"]),
        ("number", "12"),
    ],
)
def test_a_wire_value_the_store_cannot_hold_is_refused(column: str, value: Any) -> None:
    with pytest.raises((ValueError, TypeError)):
        codec_for(SCRATCH.c[column]).wire_to_stored(value)
