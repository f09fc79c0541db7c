"""A push body read the quick way (gn_hq.api.push_body: orjson, then the envelope in strict mode) gives the same
changes as pydantic's reading of `PushRequest`, on generated bodies good and bad; where the quick way takes what
pydantic refuses (a field object that is not `{old, new}`), the push refuses the batch before merging anything."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from gn_core.protocol import Change, PushRequest
from gn_hq.api import push_body
from gn_hq.services import push
from gn_hq.services.devices import AuthDevice
from gn_hq.services.errors import InvalidChange

DEVICE = "0b9c2d7e-5f1a-4c3b-9e8d-7a6b5c4d3e2f"

_ids = st.sampled_from([DEVICE, "campus-sdn", "a", "x" * 64, "x" * 65, "bad id", "", "é", "_lead"])
#: (integers within 64 bits: beyond, orjson reads a float — see the last test)
_json_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**63), max_value=2**64 - 1),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=12),
)
_json_values = st.recursive(
    _json_scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=5), inner, max_size=3)),
    max_leaves=6,
)
#: a field's object: usually {old, new}, sometimes missing one, holding more, or not an object at all
_field_objects = st.one_of(
    st.fixed_dictionaries({"old": _json_values, "new": _json_values}),
    st.fixed_dictionaries({}, optional={"old": _json_values, "new": _json_values, "extra": _json_values}),
    _json_values,
)


#: what each key of a change may be instead of a good value
_ODD: dict[str, Any] = {
    "device_seq": st.one_of(st.integers(min_value=-(2**70), max_value=2**70), st.just("7"), st.just(7.0)),
    "device_id": _ids,
    "campus_id": _ids,
    "user_id": _ids,
    "entity": st.sampled_from(["x" * 41, "", "pathway_event"]),
    "record_id": _ids,
    "op": st.sampled_from(["upsert", "INSERT", ""]),
    "fields": _json_values,
    "base_version": st.one_of(st.integers(min_value=-1, max_value=2**62 + 1), st.just("0"), st.none()),
    "hlc": st.sampled_from(["1765000000000-1-x", "", "1765000000000-00001-" + "x" * 65]),
    "erasure": st.one_of(st.just(0), st.just("false"), st.none()),
}


@st.composite
def changes(draw: st.DrawFn) -> dict[str, Any]:
    """A change, good or with a few keys odd (a wrong type, a value out of bounds, left out), often with field
    objects that are not `{old, new}`."""
    change: dict[str, Any] = {
        "device_seq": draw(st.integers(min_value=1, max_value=2**62)),
        "device_id": DEVICE,
        "campus_id": draw(st.sampled_from([None, "campus-sdn"])),
        "user_id": draw(st.sampled_from([None, "u-1"])),
        "entity": draw(st.sampled_from(["person", "pathway_event"])),
        "record_id": draw(st.sampled_from(["p-1", "0b9c2d7e-5f1a-4c3b-9e8d-7a6b5c4d3e2f"])),
        "op": draw(st.sampled_from(["insert", "update", "delete"])),
        "fields": draw(
            st.dictionaries(st.sampled_from(["first_name", "phone", "birth_date", "x"]), _field_objects, max_size=4)
        ),
        "base_version": draw(st.integers(min_value=0, max_value=2**62)),
        "hlc": "1765000000000-00001-7a6b5c4d3e2f",
        "erasure": draw(st.booleans()),
    }
    for key in draw(st.sets(st.sampled_from(sorted(change)), max_size=2)):
        if draw(st.booleans()):
            del change[key]  # left out (some have defaults)
        else:
            change[key] = draw(_ODD[key])
    if draw(st.integers(min_value=0, max_value=9)) == 0:
        change["unknown"] = 1
    return change


def _read(read: Any, body: bytes) -> list[Change] | None:
    try:
        return list(read(body))
    except ValidationError:
        return None


def _as_sent(change: Change) -> dict[str, Any]:
    """A change as pydantic reads it: a field object keeps only `old` and `new`."""
    dumped = change.model_dump()
    dumped["fields"] = {
        name: {k: v for k, v in value.items() if k in ("old", "new")} for name, value in dumped["fields"].items()
    }
    return dumped


def _not_old_new(change: Change) -> bool:
    return any(not isinstance(value, dict) for value in change.fields.values())


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.lists(changes(), max_size=4), st.sampled_from(["changes", "other"]))
def test_both_readings_accept_the_same_changes_with_the_same_values(batch: list[dict[str, Any]], key: str) -> None:
    body = json.dumps({key: batch}).encode()
    slow = _read(lambda b: PushRequest.model_validate_json(b).changes, body)
    quick = _read(push_body.read, body)
    if slow is not None:
        assert quick is not None
        assert [_as_sent(c) for c in quick] == [_as_sent(c) for c in slow]
        assert all(isinstance(c, Change) for c in quick)
        return
    if quick is not None:  # only a field object pydantic refuses (not an object): the push refuses the batch
        assert any(_not_old_new(c) for c in quick)
        with pytest.raises(InvalidChange):  # (the change may have another problem it names first)
            push.validate(AuthDevice(DEVICE, "campus-sdn", 0), quick)


def test_a_body_that_is_not_json_or_too_large_a_number_is_read_by_pydantic() -> None:
    """What orjson refuses goes to pydantic, which says what is wrong or reads it as it always has."""
    with pytest.raises(ValidationError):
        push_body.read(b'{"changes": [')
    change = {
        "device_seq": 2**64,  # beyond orjson's integers: pydantic reads it, and refuses it (at most 2**62)
        "device_id": DEVICE,
        "entity": "person",
        "record_id": "p1",
        "op": "insert",
        "base_version": 0,
        "hlc": "1765000000000-00001-7a6b5c4d3e2f",
    }
    with pytest.raises(ValidationError):
        push_body.read(json.dumps({"changes": [change]}).encode())
    change["device_seq"] = "3"  # a number as text: strict mode refuses it, pydantic's lax reading takes it
    assert push_body.read(json.dumps({"changes": [change]}).encode())[0].device_seq == 3


def test_a_field_value_beyond_64_bits_is_refused_whichever_reading() -> None:
    """orjson reads an integer beyond 64 bits as a float, pydantic as an integer: no field takes either (integers
    are at most 1,000,000, and no field holds a fraction), so the push refuses the batch both ways."""
    change = {
        "device_seq": 1,
        "device_id": DEVICE,
        "entity": "person",
        "record_id": "p-1",
        "op": "update",
        "fields": {"first_name": {"old": None, "new": 2**70}},
        "base_version": 1,
        "hlc": "1765000000000-00001-7a6b5c4d3e2f",
    }
    body = json.dumps({"changes": [change]}).encode()
    for changes in (push_body.read(body), PushRequest.model_validate_json(body).changes):
        with pytest.raises(InvalidChange):
            push.validate(AuthDevice(DEVICE, "campus-sdn", 0), list(changes))
