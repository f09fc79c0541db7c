"""What HQ offers a new PC as a ready database: its own campus's, of the current epoch, fresh — to a campus PC only."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta

from gn_core.protocol import SnapshotInfo
from gn_hq.services import devices
from tests.hq.world import World, enrol


def _place(world: World, campus: str, *, epoch: str | None = None, age: timedelta = timedelta(0)) -> bytes:
    folder = world.hq.data_dir / "snapshots"  # type: ignore[operator]
    folder.mkdir(exist_ok=True)
    body = f"base prête de {campus}".encode() * 1000
    campus_id = world.campus_ids[campus]
    (folder / f"{campus_id}.db").write_bytes(body)
    info = SnapshotInfo(
        campus_id=campus_id,
        epoch=epoch or world.hq.epoch,
        cursor=1,
        schema_revision="0009",
        sha256=hashlib.sha256(body).hexdigest(),
        size=len(body),
        created_at=(datetime.now(UTC) - age).isoformat(),
    )
    (folder / f"{campus_id}.json").write_text(info.model_dump_json())
    return body


def test_a_campus_pc_gets_its_campus_snapshot_and_can_resume_it_by_range(world: World) -> None:
    body = _place(world, "SDN")
    sdn = world.devices["SDN"]
    info = world.client.get("/v1/snapshot", headers=sdn.headers)
    assert info.status_code == 200 and info.json()["campus_id"] == world.campus_ids["SDN"]
    whole = world.client.get("/v1/snapshot/file", headers={**sdn.headers, "Accept-Encoding": "identity"})
    assert whole.content == body and whole.headers["gn-snapshot-sha256"] == info.json()["sha256"]
    rest = world.client.get(
        "/v1/snapshot/file", headers={**sdn.headers, "Range": "bytes=100-", "Accept-Encoding": "identity"}
    )
    assert rest.status_code == 206 and rest.content == body[100:]


def test_no_snapshot_of_another_campus_another_epoch_a_stale_one_nor_for_a_kiosk(world: World) -> None:
    _place(world, "SDN")
    aub = world.devices["AUB"]
    assert world.client.get("/v1/snapshot", headers=aub.headers).status_code == 404  # AUB has none
    assert world.client.get("/v1/snapshot/file", headers=aub.headers).status_code == 404
    kiosk = enrol(
        world.client,
        devices.issue_enrolment_code(world.hq, "SDN", devices.DeviceRole.KIOSK),
        world.campus_ids["SDN"],
    )
    assert world.client.get("/v1/snapshot", headers=kiosk.headers).status_code == 404
    sdn = world.devices["SDN"]
    _place(world, "SDN", epoch="une-autre-époque")
    assert world.client.get("/v1/snapshot", headers=sdn.headers).status_code == 404
    _place(world, "SDN", age=timedelta(days=8))
    answer = world.client.get("/v1/snapshot", headers=sdn.headers)
    assert answer.status_code == 404 and answer.json()["code"] == "no_snapshot"
    assert world.client.get("/v1/snapshot").status_code in (401, 426)  # and nothing for an unknown caller
