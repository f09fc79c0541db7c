"""An erasure on a campus PC leaves nothing of the person: not in their file, nor in a kiosk pre-registration or an
intake draft never linked to it, nor in the migration backups beside the database."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from gn_core.domain import enums as e
from gn_core.domain.identity import Identity
from gn_desktop.services import drafts, erasure, kiosk
from gn_desktop.store import backup, cipher
from gn_desktop.store.migrate import head_revision
from gn_desktop.store.uow import Store
from tests.support.disk import readable_bytes
from tests.unit.world import World

NAME, PHONE, EMAIL = "Quintanilla", "+33612345678", "zebulonia.q@example.org"
NOW = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = Store.open(tmp_path / "campus")
    yield s
    s.dispose()


def _pre_register(world: World, first: str, last: str, phone: str, email: str = "") -> None:
    form = kiosk.PreRegistrationForm(
        first_name=first,
        last_name=last,
        birth_date="03/04/2001",
        phone=phone,
        email=email,
        commune_insee="93066",
        reason=kiosk.REASONS[0],
        consent=True,
    )
    with world.store.unit_of_work(None) as uow:
        kiosk.pre_register(uow, form, now=NOW)
        uow.commit()


def _rows_holding(store: Store, *needles: str) -> list[str]:
    """Every table row (and search-index segment) that holds one of `needles`, read through the store."""
    found: list[str] = []
    raw = store.engine.raw_connection()
    try:
        tables = [r[0] for r in raw.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        for table in tables:
            for row in raw.execute(f'SELECT * FROM "{table}"'):
                text = " ".join(
                    v.decode("latin-1") if isinstance(v, bytes) else str(v) for v in row if v is not None
                ).lower()
                found.extend(f"{table}: {n}" for n in needles if n.lower() in text)
    finally:
        raw.close()
    return found


def test_an_erasure_leaves_the_name_phone_and_email_nowhere_on_the_pc(world: World, tmp_path: Path) -> None:
    pid = world.person("Zebulonia", NAME, phone="06 12 34 56 78", email=EMAIL)
    kept = world.person("Awa", "Diallo", phone="07 80 00 00 01")
    _pre_register(world, "Zeb", "Q", "+33 6 12 34 56 78")  # the same phone, typed at the kiosk before intake
    _pre_register(world, "Zebulonia", NAME, "+33699999999", EMAIL)
    _pre_register(world, "Awa", "Diallo", "+33780000001")  # someone else's, kept
    with world.store.unit_of_work(world.advisor_id) as uow:
        drafts.save_draft(uow, None, {"first_name": "zebulonia", "last_name": "QUINTANILLA", "birth_date": ""}, 1)
        drafts.save_draft(uow, None, {"first_name": "Moussa", "last_name": "Kone"}, 0)
        uow.commit()
    database = Path(str(world.store.engine.url.database))
    copy = backup.take(database, head_revision())

    with world.store.unit_of_work(world.manager_id) as uow:
        erasure.erase_person_here(uow, pid, e.ErasureReason.PERSON_REQUEST, "DPO-2026-12")
        uow.commit()
    with world.store.read_unit(None) as uow:
        erasure.compact_after_erasure(uow, pid)

    assert _rows_holding(world.store, NAME, "zebulonia", "612345678", EMAIL) == []
    assert copy.exists()  # rewritten, not lost: a failed update can still be rolled back
    # the files' pages decrypted with the PC's key, freed ones included: nothing even for whoever holds the key
    assert NAME.encode() not in readable_bytes(copy) and b"612345678" not in readable_bytes(copy)
    with cipher.connect(copy, cipher.database_key()) as conn:
        assert conn.execute("SELECT count(*) FROM person WHERE id = ?", (pid,)).fetchone() == (0,)
        assert conn.execute("SELECT count(*) FROM person WHERE id = ?", (kept,)).fetchone() == (1,)
        assert conn.execute("SELECT count(*) FROM pre_registration").fetchone() == (1,)
    for path in database.parent.iterdir():
        assert NAME.encode() not in readable_bytes(path), path.name
    with world.store.reading() as session:
        assert {d.data.get("last_name") for d in session.query(drafts.m.IntakeDraft)} == {"Kone"}
    # someone else's kiosk pre-registration, draft and file are untouched
    assert _rows_holding(world.store, "Diallo") and _rows_holding(world.store, "Kone")


def test_a_backup_that_cannot_be_rewritten_is_deleted(world: World) -> None:
    pid = world.person("Zebulonia", NAME)
    database = Path(str(world.store.engine.url.database))
    copy = backup.take(database, head_revision())
    copy.write_bytes(b"not a database")
    backup.scrub(database, [pid])
    assert not copy.exists()


@pytest.mark.parametrize(
    ("typed", "same"),
    [
        ({"first_name": "Quintanilla", "last_name": "Zébulonia", "birth_date": "03/04/2001"}, True),
        ({"first_name": "Zebulonia", "last_name": "Quintanilla"}, True),  # no birth date typed yet
        ({"first_name": "Zebulonia", "last_name": "Quintanilla", "birth_date": "2001-04-04"}, False),  # a namesake
        ({"first_name": "X", "last_name": "Y", "phone": "0033 6 12 34 56 78"}, True),
        ({"first_name": "X", "last_name": "Y", "email": " ZEBULONIA.Q@example.org "}, True),
        ({"first_name": "X", "last_name": "Y", "phone": "06 12"}, False),
    ],
)
def test_what_describes_a_person(typed: dict[str, str], same: bool) -> None:
    person = Identity.of(
        {
            "first_name": "Zébulonia",
            "last_name": "Quintanilla",
            "birth_date": "2001-04-03",
            "phone": PHONE,
            "email": EMAIL,
        }
    )
    assert person.describes(Identity.of(typed)) is same
