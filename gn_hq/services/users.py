"""Accounts: advisors, campus managers and HQ administrators, with argon2 password hashes.

An account is reference data (an `app_user` record every campus receives) so that its holder can sign in on any
campus with no network; the same record lets HQ staff read HQ's indicators (HTTP Basic).
"""

from __future__ import annotations

import contextlib
import json
import secrets
import uuid
from collections.abc import Callable
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Connection, select

from gn_core.domain.enums import UserRole
from gn_hq.db.models import record_table as record_t
from gn_hq.services import authoring, records
from gn_hq.services.context import Hq
from gn_hq.services.devices import find_campus
from gn_hq.services.errors import Conflicting, HqError, NotFound, Unauthorized

_hasher = PasswordHasher()
MIN_PASSWORD_LENGTH = 10
#: longer passwords are refused unhashed (argon2's work grows with the input)
MAX_PASSWORD_LENGTH = 1000


@dataclass(frozen=True, slots=True)
class HqUser:
    id: str
    username: str
    role: UserRole
    campus_id: str | None


def add_user(hq: Hq, username: str, display_name: str, role: str, password: str, campus_code: str | None = None) -> str:
    """Create an account; returns its id. The password is hashed with argon2 (the campus app verifies the same hash)."""
    clean = username.strip().lower()
    if not clean or len(clean) > 64:
        raise HqError("Identifiant manquant ou trop long (64 caractères au plus).", code="invalid_user")
    try:
        user_role = UserRole(role)
    except ValueError:
        roles = ", ".join(r.value for r in UserRole)
        raise HqError(f"Rôle inconnu « {role} » : {roles}.", code="invalid_user") from None
    if len(password) < MIN_PASSWORD_LENGTH:
        raise HqError(f"Mot de passe trop court : {MIN_PASSWORD_LENGTH} caractères au moins.", code="invalid_user")
    if user_role is not UserRole.HQ_ADMIN and not campus_code:
        raise HqError(
            "Un conseiller ou un responsable de campus a besoin d'un campus (--campus CODE).", code="invalid_user"
        )
    password_hash = _hasher.hash(password)
    with hq.write() as tx:
        campus_id = None
        if campus_code:
            campus = find_campus(tx.conn, campus_code)
            if campus is None:
                raise NotFound(f"Campus « {campus_code} » inconnu.", code="unknown_campus")
            campus_id = campus.id
        if _find(tx.conn, clean) is not None:
            raise Conflicting(f"L'identifiant « {clean} » est déjà pris.", code="user_exists")
        user_id = str(uuid.uuid4())
        authoring.write_as_hq(
            hq,
            tx,
            "app_user",
            user_id,
            {
                "username": clean,
                "display_name": display_name.strip() or clean,
                "role": user_role.value,
                "campus_id": campus_id,
                "password_hash": password_hash,
                "active": True,
            },
        )
    return user_id


@dataclass(frozen=True, slots=True)
class AccountInfo:
    id: str
    username: str
    display_name: str
    role: str
    campus_id: str | None
    active: bool


def list_accounts(hq: Hq) -> list[AccountInfo]:
    with hq.read() as conn:
        rows = conn.execute(
            select(record_t.c.record_id, record_t.c.data).where(
                record_t.c.entity == "app_user", record_t.c.deleted.is_(False)
            )
        ).all()
    out = []
    for record_id, text in rows:
        data = json.loads(text)
        campus = data.get("campus_id")
        out.append(
            AccountInfo(
                record_id,
                str(data.get("username", "")),
                str(data.get("display_name", "")),
                str(data.get("role", "")),
                campus if isinstance(campus, str) else None,
                bool(data.get("active", True)),
            )
        )
    return sorted(out, key=lambda a: a.username)


def set_active(hq: Hq, username: str, active: bool) -> str:
    """Deactivate (or reactivate) an account: its holder can no longer sign in, at HQ nor — from their next sync —
    on the campus PCs, which receive the change like any other. Returns the account's id."""
    with hq.write() as tx:
        found = _find(tx.conn, username.strip().lower())
        if found is None:
            raise NotFound(f"Compte « {username.strip()} » inconnu.", code="unknown_user")
        user_id, _data = found
        authoring.write_as_hq(hq, tx, "app_user", user_id, {"active": active})
    return user_id


def get_account(hq: Hq, user_id: str) -> AccountInfo | None:
    """The live account with this id (active or not), or None."""
    with hq.read() as conn:
        row = conn.execute(
            select(record_t.c.data).where(
                record_t.c.entity == "app_user", record_t.c.record_id == user_id, record_t.c.deleted.is_(False)
            )
        ).first()
    if row is None:
        return None
    data = json.loads(row.data)
    campus = data.get("campus_id")
    return AccountInfo(
        user_id,
        str(data.get("username", "")),
        str(data.get("display_name", "")),
        str(data.get("role", "")),
        campus if isinstance(campus, str) else None,
        bool(data.get("active", True)),
    )


def set_password(hq: Hq, username: str, password: str) -> str:
    """Reset an account's password (HQ's decision, e.g. a forgotten one): the campus PCs receive the new hash at their
    next sync. Returns the account's id."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise HqError(f"Mot de passe trop court : {MIN_PASSWORD_LENGTH} caractères au moins.", code="invalid_user")
    if len(password) > MAX_PASSWORD_LENGTH:
        raise HqError(f"Mot de passe trop long : {MAX_PASSWORD_LENGTH} caractères au plus.", code="invalid_user")
    password_hash = _hasher.hash(password)
    with hq.write() as tx:
        found = _find(tx.conn, username.strip().lower())
        if found is None:
            raise NotFound(f"Compte « {username.strip()[:64]} » inconnu.", code="unknown_user")
        user_id, _data = found
        authoring.write_as_hq(hq, tx, "app_user", user_id, {"password_hash": password_hash})
    return user_id


def set_role(hq: Hq, username: str, role: str, campus_code: str | None = None) -> str:
    """Change an account's role (and campus: required for an advisor or a campus manager, none for an HQ
    administrator). Returns the account's id."""
    try:
        user_role = UserRole(role)
    except ValueError:
        roles = ", ".join(r.value for r in UserRole)
        raise HqError(f"Rôle inconnu « {role[:40]} » : {roles}.", code="invalid_user") from None
    if user_role is not UserRole.HQ_ADMIN and not campus_code:
        raise HqError(
            "Un conseiller ou un responsable de campus a besoin d'un campus (--campus CODE).", code="invalid_user"
        )
    with hq.write() as tx:
        found = _find(tx.conn, username.strip().lower())
        if found is None:
            raise NotFound(f"Compte « {username.strip()[:64]} » inconnu.", code="unknown_user")
        campus_id = None
        if campus_code and user_role is not UserRole.HQ_ADMIN:
            campus = find_campus(tx.conn, campus_code)
            if campus is None:
                raise NotFound(f"Campus « {campus_code[:8]} » inconnu.", code="unknown_campus")
            campus_id = campus.id
        user_id, _data = found
        authoring.write_as_hq(hq, tx, "app_user", user_id, {"role": user_role.value, "campus_id": campus_id})
    return user_id


def _find(conn: Connection, username: str) -> tuple[str, dict[str, object]] | None:
    row = conn.execute(
        select(record_t.c.record_id, record_t.c.data).where(
            record_t.c.entity == "app_user",
            record_t.c.natural_key == records.natural_key(username),
            record_t.c.deleted.is_(False),
        )
    ).first()
    return (row.record_id, json.loads(row.data)) if row else None


_DUMMY_HASH: list[str] = []  # a hash of a random password, made once: unknown names cost a verification too


def _dummy_hash() -> str:
    if not _DUMMY_HASH:
        _DUMMY_HASH.append(_hasher.hash(secrets.token_urlsafe(16)))
    return _DUMMY_HASH[0]


def verify(hq: Hq, username: str, password: str) -> HqUser | None:
    """The active account with these credentials, or None. Takes the same argon2 work whether or not the account
    exists (an unknown name is checked against a hash of a random password)."""
    found = None
    name = username.strip().lower()
    if 0 < len(name) <= 64:
        with hq.read() as conn:
            found = _find(conn, name)
    if found is None:
        with contextlib.suppress(VerificationError, InvalidHashError):
            _hasher.verify(_dummy_hash(), password)
        return None
    user_id, data = found
    try:
        _hasher.verify(str(data.get("password_hash", "")), password)
    except (VerificationError, InvalidHashError):
        return None
    if not data.get("active", True):
        return None
    try:
        role = UserRole(str(data.get("role")))
    except ValueError:
        return None
    campus = data.get("campus_id")
    return HqUser(user_id, str(data.get("username")), role, campus if isinstance(campus, str) else None)


def sign_in(hq: Hq, username: str, password: str, address: str | None, allowed: Callable[[HqUser], bool]) -> HqUser:
    """An HQ password sign-in, throttled (gn_hq.services.throttle): the account if the password is right, the account
    active and `allowed`; otherwise `Unauthorized` — the same answer for a wrong password, an unknown name, an
    inactive account and a role not allowed — or `Throttled` while this name or address must wait."""
    guard = hq.sign_in_guard
    guard.check(username, address)
    if len(password) > MAX_PASSWORD_LENGTH:
        guard.failed(username, address)
        raise Unauthorized("Basic")
    with guard.hashing():
        user = verify(hq, username, password)
    if user is None or not allowed(user):
        guard.failed(username, address)
        raise Unauthorized("Basic")
    guard.succeeded(username)
    return user
