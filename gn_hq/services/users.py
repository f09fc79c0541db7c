"""Accounts: advisors, campus managers and HQ administrators, with argon2 password hashes.

An account is reference data (an `app_user` record every campus receives) so that its holder can sign in on any
campus with no network; the same record lets HQ staff read HQ's indicators (HTTP Basic).
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Connection, select

from gn_core.domain.enums import UserRole
from gn_hq.db.models import record_table as record_t
from gn_hq.services import authoring, records
from gn_hq.services.context import Hq
from gn_hq.services.devices import find_campus
from gn_hq.services.errors import Conflicting, HqError, NotFound

_hasher = PasswordHasher()
MIN_PASSWORD_LENGTH = 10


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


def _find(conn: Connection, username: str) -> tuple[str, dict[str, object]] | None:
    row = conn.execute(
        select(record_t.c.record_id, record_t.c.data).where(
            record_t.c.entity == "app_user",
            record_t.c.natural_key == records.natural_key(username),
            record_t.c.deleted.is_(False),
        )
    ).first()
    return (row.record_id, json.loads(row.data)) if row else None


def verify(hq: Hq, username: str, password: str) -> HqUser | None:
    """The active account with these credentials, or None."""
    with hq.read() as conn:
        found = _find(conn, username.strip().lower())
    if found is None:
        _hasher.hash("constant-time-ish")  # similar cost whether or not the account exists
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
