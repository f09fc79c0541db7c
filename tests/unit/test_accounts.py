"""An advisor changes their own password (argon2; the change is a captured update HQ accepts from a PC of the
account's campus, so it syncs); the workspace language is remembered on this computer."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from gn_core.domain import enums as e
from gn_core.domain.errors import InvalidInput, PermissionDenied
from gn_desktop.services import accounts, auth, preferences
from gn_desktop.store import models as m
from tests.unit.world import World

OLD = "motdepasse-demo"  # the world's accounts' password
NEW = "un nouveau mot de passe"


def _signs_in(world: World, username: str, password: str) -> bool:
    with world.store.unit_of_work(None) as uow:
        ok = auth.sign_in(uow, username, password).ok
        uow.commit()
    return ok


def test_the_new_password_works_and_the_old_one_no_longer(world: World) -> None:
    with world.store.unit_of_work(world.advisor_id) as uow:
        accounts.change_password(uow, OLD, NEW, NEW)
        uow.commit()
    assert not _signs_in(world, "conseil", OLD)
    assert _signs_in(world, "conseil", NEW)
    assert _signs_in(world, "conseil2", OLD)  # nobody else's changed
    with world.store.read_unit(world.advisor_id) as uow:
        entry = uow.session.execute(
            select(m.ChangeLog.entity, m.ChangeLog.op, m.ChangeLog.fields).order_by(m.ChangeLog.seq.desc())
        ).first()
    assert entry is not None
    entity, op, fields = entry
    assert (entity, op, set(fields)) == ("app_user", "update", {"password_hash"})  # queued for HQ, hash only
    assert fields["password_hash"]["new"].startswith("$argon2")


def test_the_current_password_the_length_and_the_confirmation_are_checked(world: World) -> None:
    cases = [
        ("wrong-password", NEW, NEW, "current", "Mot de passe actuel : il est incorrect."),
        (OLD, "court", "court", "new", "au moins 10 caractères"),
        (OLD, OLD, OLD, "new", "différent de l'actuel"),
        (OLD, NEW, NEW + "!", "repeat", "Confirmation : elle diffère"),
    ]
    for current, new, repeat, field, message in cases:
        with world.store.unit_of_work(world.advisor_id) as uow, pytest.raises(InvalidInput) as refused:
            accounts.change_password(uow, current, new, repeat)
        assert [err.field for err in refused.value.errors] == [field]
        assert message in refused.value.message
    assert _signs_in(world, "conseil", OLD)


def test_every_mistake_is_listed_at_once(world: World) -> None:
    with world.store.unit_of_work(world.advisor_id) as uow, pytest.raises(InvalidInput) as refused:
        accounts.change_password(uow, "wrong-password", "court", "autre")
    assert [err.field for err in refused.value.errors] == ["current", "new", "repeat"]


def test_nobody_signed_in_changes_no_password(world: World) -> None:
    with world.store.unit_of_work(None) as uow, pytest.raises(PermissionDenied, match="Connectez-vous"):
        accounts.change_password(uow, OLD, NEW, NEW)


def _write_hash(world: World, user_id: str) -> None:
    with world.store.unit_of_work(world.advisor_id) as uow:
        user = uow.session.get(m.User, user_id)
        assert user is not None
        user.password_hash = accounts.hash_password(NEW)
        uow.flush()


def test_a_campus_pc_may_not_change_the_password_of_another_campus_or_of_hq(world: World) -> None:
    """What change capture refuses, as HQ would (gn_core.sync_rules): the service only ever changes the signed-in
    user's own account, and a PC cannot write any other campus's account, nor an HQ administrator's."""
    pw = accounts.hash_password(OLD)
    with world.store.unit_of_work(None) as uow:
        elsewhere = accounts.create_user(
            uow, "conseil.aub", "Inès Aubert", e.UserRole.ADVISOR, "", campus_id=world.other_campus_id, password_hash=pw
        )
        admin = accounts.create_user(
            uow, "admin", "Siège", e.UserRole.HQ_ADMIN, "", campus_id=world.campus_id, password_hash=pw
        )
        uow.commit()
    for user_id in (elsewhere, admin):
        with pytest.raises(PermissionDenied, match="au siège seulement"):
            _write_hash(world, user_id)
    with world.store.unit_of_work(world.advisor_id) as uow, pytest.raises(PermissionDenied):
        user = uow.session.get(m.User, world.advisor_id)
        assert user is not None
        user.display_name = "Camille M."  # nothing else of an account, even one's own
        uow.flush()
    assert _signs_in(world, "conseil.aub", OLD)


def test_the_workspace_language_is_remembered(world: World) -> None:
    with world.store.read_unit(None) as uow:
        assert preferences.workspace_language(uow) is None
    with world.store.unit_of_work(world.advisor_id) as uow:
        preferences.set_workspace_language(uow, "en")
        uow.commit()
    with world.store.unit_of_work(world.advisor_id) as uow:
        assert preferences.workspace_language(uow) == "en"
        preferences.set_workspace_language(uow, "fr")
        uow.commit()
    with world.store.read_unit(None) as uow:
        assert preferences.workspace_language(uow) == "fr"
        assert uow.session.scalar(select(m.ChangeLog.seq).where(m.ChangeLog.entity == "local_setting")) is None
    with world.store.unit_of_work(None) as uow, pytest.raises(ValueError):
        preferences.set_workspace_language(uow, "ar")  # the workspace speaks French and English
