"""The epoch: a new one when HQ's data went back (restored backup), so campuses know to re-send."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import delete, func, select, update

from gn_hq.db.models import device_table, record_table, server_meta_table
from gn_hq.services.context import Hq
from tests.hq.world import World, new_id, person_values


def test_every_answer_carries_the_epoch_and_rotation_changes_it(world: World) -> None:
    sdn = world.devices["SDN"]
    page = sdn.pull()[0]
    response = world.client.get("/v1/status", headers=sdn.headers)
    assert response.headers["gn-epoch"] == page["epoch"] == response.json()["epoch"]
    new = world.hq.rotate_epoch("restauration d'une sauvegarde")
    assert new != page["epoch"]
    assert world.client.get("/health").headers["gn-epoch"] == new
    assert world.client.get("/v1/pull", headers=sdn.headers).json()["epoch"] == new


def test_hq_notices_its_database_went_back_and_rotates_by_itself(world: World, make_hq: Callable[..., Hq]) -> None:
    sdn = world.devices["SDN"]
    sdn.push(sdn.insert("person", new_id(), person_values(world.campus_ids["SDN"])))
    with world.hq.read() as conn:
        epoch, backup_seq = world.hq.read_meta(conn)
    # Changes HQ acknowledges after the backup...
    lost = [new_id(), new_id()]
    answer = sdn.push(*[sdn.insert("person", pid, person_values(world.campus_ids["SDN"])) for pid in lost])
    assert answer["last_device_seq"] == 3
    # ...then the database is restored from that backup (what a restore looks like from inside).
    with world.hq.engine.begin() as conn:
        conn.execute(delete(record_table).where(record_table.c.record_id.in_(lost)))
        conn.execute(update(server_meta_table).values(last_seq=backup_seq))
        conn.execute(update(device_table).where(device_table.c.id == sdn.device_id).values(last_device_seq=1))
    # A server started on the restored database, with the same data dir (its watermark), sees it at once...
    restarted = make_hq()
    assert restarted.epoch != epoch
    # ...and campuses see the new epoch and how far HQ holds their changes, so they can re-send the rest.
    status = world.client.get("/v1/status", headers=sdn.headers).json()
    assert status["epoch"] == restarted.epoch and status["last_device_seq"] == 1
    with restarted.read() as conn:
        _epoch, seq = restarted.read_meta(conn)
    assert seq > backup_seq  # sequence numbers never go back: campuses' cursors stay meaningful


def test_the_running_server_also_notices(world: World) -> None:
    sdn = world.devices["SDN"]
    sdn.push(sdn.insert("person", new_id(), person_values(world.campus_ids["SDN"])))
    before = sdn.pull()[0]["epoch"]
    with world.hq.engine.begin() as conn:
        conn.execute(update(server_meta_table).values(last_seq=1))
    page = world.client.get("/v1/pull", params={"cursor": sdn.cursor}, headers=sdn.headers).json()
    assert page["epoch"] != before


def test_a_reader_older_than_a_commit_of_its_own_process_is_not_told_of_it(world: World) -> None:
    """Two workers' pushes and a pull lost people under load: the pull's snapshot predated a push another thread of
    the same process had just committed, HQ took that for a database gone back, and answered the newer last
    sequence with the older rows — the page's cursor jumped over what it had not seen."""
    sdn = world.devices["SDN"]
    sdn.push(sdn.insert("person", new_id(), person_values(world.campus_ids["SDN"])))
    epoch = sdn.pull()[0]["epoch"]
    newest = select(func.max(record_table.c.server_seq))
    with world.hq.read() as conn:
        conn.execute(newest).scalar()  # the reader's snapshot (SQLite: its first read)
        sdn.push(sdn.insert("person", new_id(), person_values(world.campus_ids["SDN"])))  # another request commits
        now_epoch, last_seq = world.hq.read_meta(conn)
        seen = conn.execute(newest).scalar()
    assert now_epoch == epoch
    assert last_seq <= seen  # never announces a sequence whose rows this reader does not see
    page = sdn.pull()[0]
    assert page["epoch"] == epoch and page["records"]  # the person pushed meanwhile comes with the next pull
