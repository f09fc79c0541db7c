"""User accounts of the campus: argon2 password hashes, so advisors can sign in with no network."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select

from gn_core.domain import enums as e
from gn_core.domain.errors import FieldError, InvalidInput, PermissionDenied
from gn_desktop.store import models as m
from gn_desktop.store.uow import UnitOfWork

_hasher = PasswordHasher()

MIN_PASSWORD_LENGTH = 10


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def create_user(
    uow: UnitOfWork,
    username: str,
    display_name: str,
    role: e.UserRole | str,
    password: str,
    *,
    campus_id: str | None = None,
    password_hash: str | None = None,
    user_id: str | None = None,
) -> str:
    """Create an account on this PC only; `password_hash` lets demo data reuse one hash (argon2 is slow on purpose).

    Accounts are HQ's to write (`gn-hq user add`; gn_core.sync_rules): one created here is never sent to HQ. This
    is for demo data, tests and a PC set up offline before it ever reached HQ."""
    errors = []
    clean = username.strip().lower()
    if not clean:
        errors.append(FieldError("username", "Identifiant : ce champ est obligatoire."))
    elif uow.session.scalar(select(m.User.id).where(m.User.username == clean)):
        errors.append(FieldError("username", f"Identifiant : « {clean} » est déjà pris. Choisissez-en un autre."))
    if password_hash is None and len(password) < MIN_PASSWORD_LENGTH:
        errors.append(
            FieldError("password", f"Mot de passe : il doit compter au moins {MIN_PASSWORD_LENGTH} caractères.")
        )
    if errors:
        raise InvalidInput(errors)
    user = m.User(
        id=user_id,
        username=clean,
        display_name=display_name.strip() or clean,
        role=e.UserRole(role),
        campus_id=campus_id,
        password_hash=password_hash or hash_password(password),
    )
    with uow.as_reference():
        uow.session.add(user)
    return user.id


def change_password(uow: UnitOfWork, current: str, new: str, repeat: str) -> None:
    """The signed-in user changes their own password: the current one, then the new one twice.

    An ordinary captured update of the account's hash: it syncs (a campus PC may write that one field of its own
    campus's accounts, gn_core.sync_rules), so the old password stops working on every PC of the campus."""
    user = uow.session.get(m.User, uow.user_id) if uow.user_id else None
    if user is None:
        raise PermissionDenied("Connectez-vous pour changer votre mot de passe.")
    errors = []
    if not verify_password(user.password_hash, current):
        errors.append(FieldError("current", "Mot de passe actuel : il est incorrect."))
    if len(new) < MIN_PASSWORD_LENGTH:
        errors.append(
            FieldError("new", f"Nouveau mot de passe : il doit compter au moins {MIN_PASSWORD_LENGTH} caractères.")
        )
    elif new == current:
        errors.append(FieldError("new", "Nouveau mot de passe : choisissez-en un différent de l'actuel."))
    if new != repeat:
        errors.append(FieldError("repeat", "Confirmation : elle diffère du nouveau mot de passe. Retapez-le."))
    if errors:
        raise InvalidInput(errors)
    user.password_hash = hash_password(new)
    uow.session.flush()
