"""Schemathesis over /openapi.json: generated requests to every operation, as an enrolled device; never a 5xx."""

from __future__ import annotations

import schemathesis
from hypothesis import HealthCheck, given, settings

from tests.hq.world import World

EXAMPLES_PER_OPERATION = 25


def test_generated_requests_never_get_a_server_error(world: World) -> None:
    schema = schemathesis.openapi.from_asgi("/openapi.json", world.client.app)
    headers = world.devices["SDN"].headers
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 9
    for operation in operations:

        @settings(
            max_examples=EXAMPLES_PER_OPERATION,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        @given(case=operation.as_strategy())
        def check(case: schemathesis.Case) -> None:
            response = case.call(headers=headers)
            assert response.status_code < 500, f"{case.method} {case.formatted_path}: {response.text[:500]}"
            if response.status_code >= 400:
                content_type = response.headers.get("content-type") or [""]
                assert "application/problem+json" in content_type

        check()
