"""The one value check (gn_core.fields) and the write rules (gn_core.sync_rules), as the campus applies them: the
rules match the store's columns, every value the store can hold passes, and what HQ would refuse is refused when it
is captured, so a PC never queues a change HQ would refuse."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from enum import StrEnum
from typing import Any

import pytest
import sqlalchemy as sa
from hypothesis import given
from hypothesis import strategies as st

from gn_core import fields as value_rules
from gn_core.domain.errors import InvalidInput, PermissionDenied
from gn_core.fields import ENTITY_FIELDS, Kind
from gn_core.sync_rules import ENTITIES
from gn_desktop.services import partners
from gn_desktop.store import models as m
from gn_desktop.store.changes import data_columns
from gn_desktop.store.types import StringList, UTCDateTime
from tests.unit.world import World

START = datetime(2026, 3, 1, 9, tzinfo=UTC)


@pytest.mark.parametrize("model", [m for m in m.SYNCED_MODELS if m.__tablename__ in ENTITIES], ids=lambda m: m.__name__)
def test_the_value_rules_describe_the_store_s_columns(model: type[m.Synced]) -> None:
    """Field for field: the same names, nullability, kinds, vocabularies and lengths as the campus store."""
    specs = ENTITY_FIELDS[model.__tablename__]
    table = model.__table__
    assert set(specs) == set(data_columns(model))
    for name, spec in specs.items():
        column = table.c[name]
        typ = column.type
        assert spec.required == (not column.nullable), name
        if isinstance(typ, sa.Enum):
            assert spec.kind is Kind.CHOICE and spec.vocabulary is typ.enum_class, name
        elif isinstance(typ, StringList):
            assert spec.kind is Kind.CHOICES, name
        elif isinstance(typ, UTCDateTime):
            assert spec.kind is Kind.DATETIME, name
        elif isinstance(typ, sa.Date):
            assert spec.kind is Kind.DATE, name
        elif isinstance(typ, sa.Boolean):
            assert spec.kind is Kind.BOOL, name
        elif isinstance(typ, sa.Integer):
            assert spec.kind is Kind.INT, name
        elif isinstance(typ, sa.String) and typ.length == 36:  # the store's id columns
            assert spec.kind is Kind.ID, name
        elif isinstance(typ, sa.Text):
            assert spec.kind is Kind.TEXT, name
        else:
            assert isinstance(typ, sa.String) and spec.kind is Kind.LINE, name
            assert spec.max_length == typ.length, name


def _vocabulary(spec: value_rules.FieldSpec) -> list[str]:
    assert spec.vocabulary is not None
    vocabulary: type[StrEnum] = spec.vocabulary
    return [member.value for member in vocabulary]


@given(data=st.data())
def test_every_value_of_the_right_shape_passes(data: st.DataObject) -> None:
    entity = data.draw(st.sampled_from(sorted(ENTITY_FIELDS)))
    for name, spec in ENTITY_FIELDS[entity].items():
        value: Any
        if spec.kind is Kind.CHOICE:
            value = data.draw(st.sampled_from(_vocabulary(spec)))
        elif spec.kind is Kind.CHOICES:
            value = sorted(data.draw(st.sets(st.sampled_from(_vocabulary(spec)))))
        elif spec.kind is Kind.DATE:
            value = data.draw(st.dates(date(1900, 1, 1), date(2100, 12, 31))).isoformat()
        elif spec.kind is Kind.DATETIME:
            moment = data.draw(st.datetimes(datetime(1900, 1, 2), datetime(2100, 12, 30), timezones=st.just(UTC)))
            value = moment.isoformat(timespec="milliseconds")
        elif spec.kind is Kind.INT:
            value = data.draw(st.integers(0, value_rules.MAX_INT))
        elif spec.kind is Kind.BOOL:
            value = data.draw(st.booleans())
        elif spec.kind is Kind.ID:
            value = data.draw(st.uuids()).hex
        elif spec.pattern:
            value = data.draw(st.from_regex(spec.pattern, fullmatch=True))
        else:
            allowed = st.characters(codec="utf-8", exclude_categories=["Cc", "Cs"])
            text = st.text(allowed, max_size=min(spec.max_length or 50, 50))
            if spec.kind is Kind.TEXT:
                text = st.lists(text, max_size=3).map("\n".join)
            value = data.draw(text)
        assert value_rules.problem(entity, name, value) is None, (entity, name, value)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("first_name", "Awa\x00"),
        ("first_name", "Awa\nDiallo"),
        ("first_name", "Awa\u0085"),
        ("first_name", "x" * 201),
        ("first_name", None),
        ("first_name", 12),
        ("birth_date", "2003-02-30"),
        ("birth_date", "12/02/2003"),
        ("birth_date", "0001-01-01"),
        ("situation", "astronaut"),
        ("barriers", ["mobility", "flying"]),
        ("barriers", "mobility"),
        ("campus_id", "abc\n"),
        ("campus_id", ["a"]),
        ("phone", "0612345678"),
        ("no_such_field", "x"),
    ],
)
def test_values_no_campus_can_store_are_named_without_repeating_them(field: str, value: Any) -> None:
    found = value_rules.problem("person", field, value)
    assert found is not None and found.message
    assert "Awa" not in found.message and "astronaut" not in found.message


def test_a_campus_pc_refuses_to_capture_what_hq_would_refuse(world: World) -> None:
    with world.store.unit_of_work(world.manager_id) as uow, pytest.raises(PermissionDenied, match="siège"):
        partners.create_partner(uow, "Atelier Numérique", "employer")  # no campus: HQ's catalogue
    with world.store.unit_of_work(world.advisor_id) as uow, pytest.raises(PermissionDenied, match="autre campus"):
        uow.session.add(
            m.Event(
                title="Hackathon", kind="hackathon", campus_id=world.other_campus_id, starts_at=START,
                ends_at=START + timedelta(hours=8),
            )
        )  # fmt: skip
        uow.flush()
    pid = world.person()
    with world.store.unit_of_work(world.advisor_id) as uow, pytest.raises(InvalidInput) as bad:
        person = uow.session.get(m.Person, pid)
        assert person is not None
        person.last_name = "Diallo\nSy"
        uow.flush()
    assert bad.value.for_field("last_name")
    with world.store.unit_of_work(world.advisor_id) as uow:  # its own campus's event: fine, and queued
        uow.session.add(
            m.Event(
                title="Job dating", kind="info_session", campus_id=world.campus_id, starts_at=START,
                ends_at=START + timedelta(hours=3),
            )
        )  # fmt: skip
        uow.commit()
