"""Errors are problem+json with a stable code; bad input is never a 500; oversized bodies are 413."""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator

import pytest

from gn_hq.settings import Settings
from tests.hq.world import World, new_id, person_values

PROBLEM = "application/problem+json"


@pytest.fixture
def settings() -> Settings:
    return Settings(max_body_bytes=64 * 1024, max_push_changes=50)


def test_oversized_bodies_get_413_whether_announced_streamed_or_compressed(world: World) -> None:
    sdn = world.devices["SDN"]
    big = json.dumps({"changes": [], "pad": "x" * 100_000}).encode()
    announced = world.client.post("/v1/push", content=big, headers={**sdn.headers, "Content-Type": "application/json"})
    assert announced.status_code == 413 and announced.headers["content-type"] == PROBLEM

    def chunks() -> Iterator[bytes]:
        for _ in range(100):
            yield b"x" * 1024

    streamed = world.client.post("/v1/push", content=chunks(), headers=sdn.headers)
    assert streamed.status_code == 413 and streamed.json()["code"] == "payload_too_large"
    bomb = gzip.compress(b"[" + b" " * 10_000_000 + b"]")
    compressed = world.client.post("/v1/push", content=bomb, headers={**sdn.headers, "Content-Encoding": "gzip"})
    assert compressed.status_code == 413


def test_gzip_requests_are_accepted(world: World) -> None:
    sdn = world.devices["SDN"]
    body = json.dumps({"changes": [sdn.insert("person", new_id(), person_values(world.campus_ids["SDN"]))]})
    response = world.client.post(
        "/v1/push",
        content=gzip.compress(body.encode()),
        headers={**sdn.headers, "Content-Encoding": "gzip", "Content-Type": "application/json"},
    )
    assert response.status_code == 200 and response.json()["applied"] == 1
    broken = world.client.post("/v1/push", content=b"not gzip", headers={**sdn.headers, "Content-Encoding": "gzip"})
    assert broken.status_code == 400 and broken.headers["content-type"] == PROBLEM


@pytest.mark.parametrize(
    "body",
    [
        b"",
        b"not json",
        b"[]",
        b'{"changes": "no"}',
        b'{"changes": [{"device_seq": 0}]}',
        b"[" * 50_000 + b"]" * 50_000,
        b'{"changes": [{"device_seq": 1, "device_id": "x", "entity": "person", "record_id": "r", "op": "insert",'
        b' "fields": {"a": {"new": NaN}}, "base_version": 0, "hlc": "0000000000001-00000-n"}]}',
    ],
)
def test_garbage_gets_a_problem_never_a_500(world: World, body: bytes) -> None:
    response = world.client.post(
        "/v1/push", content=body, headers={**world.devices["SDN"].headers, "Content-Type": "application/json"}
    )
    assert 400 <= response.status_code < 500
    assert response.headers["content-type"] == PROBLEM
    problem = response.json()
    assert problem["status"] == response.status_code and problem["code"] and problem["title"]


def test_values_that_are_not_json_refuse_the_batch(world: World) -> None:
    sdn = world.devices["SDN"]
    change = sdn.insert("person", new_id(), {"first_name": "x"})
    body = json.dumps({"changes": [change]}).replace('"x"', "Infinity")
    response = world.client.post("/v1/push", content=body, headers={**sdn.headers, "Content-Type": "application/json"})
    assert response.status_code == 422


def test_too_many_changes_unknown_paths_and_methods(world: World) -> None:
    sdn = world.devices["SDN"]
    changes = [sdn.insert("person", new_id(), {"first_name": "x"}) for _ in range(51)]
    assert world.client.post("/v1/push", json={"changes": changes}, headers=sdn.headers).status_code == 422
    missing = world.client.get("/v2/nothing")
    assert missing.status_code == 404 and missing.headers["content-type"] == PROBLEM
    wrong = world.client.delete("/v1/push", headers=sdn.headers)
    assert wrong.status_code == 405 and wrong.json()["code"] == "method_not_allowed"
    bad_query = world.client.get("/v1/pull", params={"cursor": -1}, headers=sdn.headers)
    assert bad_query.status_code == 422 and bad_query.json()["errors"][0]["loc"] == ["query", "cursor"]
