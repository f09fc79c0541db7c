"""Campuses, enrolment codes and devices: how a campus installation gets its credential, and how HQ checks it.

A campus is reference data (a `campus` record every campus receives). `gn-hq campus add` creates it and prints a
one-time enrolment code; the campus app trades the code for a device token (`enrol`). Codes and tokens are
high-entropy random strings stored as SHA-256 hashes (a slow password hash adds nothing against 80+ random bits).
"""

from __future__ import annotations

import hashlib
import json
import secrets
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Connection, insert, select, update

from gn_core.domain.reference import CAMPUSES, COMMUNES_BY_INSEE
from gn_core.ids import reference_id
from gn_core.protocol import PROTOCOL_VERSION, EnrolResponse, StatusResponse
from gn_core.sync_rules import DeviceRole
from gn_hq.db.models import device_table as device_t
from gn_hq.db.models import enrolment_code_table as code_t
from gn_hq.db.models import record_table as record_t
from gn_hq.db.types import utcnow
from gn_hq.services import authoring
from gn_hq.services.context import Hq
from gn_hq.services.errors import Conflicting, Forbidden, HqError, NotFound, Unauthorized

#: Crockford's base32 alphabet: no I, L, O, U, so a code read aloud or copied by hand survives
_CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


@dataclass(frozen=True, slots=True)
class AuthDevice:
    """The device a request is authenticated as."""

    id: str
    campus_id: str
    last_device_seq: int
    role: DeviceRole = DeviceRole.CAMPUS_PC


@dataclass(frozen=True, slots=True)
class DeviceInfo:
    id: str
    campus_id: str
    campus_code: str | None
    name: str
    enrolled_at: datetime
    last_seen_at: datetime | None
    revoked_at: datetime | None
    last_device_seq: int
    role: str = DeviceRole.CAMPUS_PC.value
    ticket_prefix: str | None = None
    #: the sync protocol version of its last push (or of its enrolment)
    protocol_version: int | None = None


@dataclass(frozen=True, slots=True)
class CampusInfo:
    id: str
    code: str
    name: str
    commune_insee: str
    is_hq: bool


def token_hash(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def _normalise_code(code: str) -> str:
    return "".join(ch for ch in code.upper() if ch.isalnum())


def new_enrolment_code() -> str:
    """16 characters (80 random bits) in four groups, e.g. `K7QX-9MPD-R2TW-HV4C`."""
    raw = "".join(secrets.choice(_CODE_ALPHABET) for _ in range(16))
    return "-".join(raw[i : i + 4] for i in range(0, 16, 4))


# --- Campuses -------------------------------------------------------------------------------------------------


def find_campus(conn: Connection, code_or_id: str) -> CampusInfo | None:
    """A live campus by code (case-insensitive) or id."""
    stmt = select(record_t.c.record_id, record_t.c.data).where(
        record_t.c.entity == "campus",
        record_t.c.deleted.is_(False),
        (record_t.c.natural_key == code_or_id.strip().casefold()) | (record_t.c.record_id == code_or_id),
    )
    row = conn.execute(stmt).first()
    if row is None:
        return None
    data = json.loads(row.data)
    return CampusInfo(
        row.record_id,
        str(data.get("code", "")),
        str(data.get("name", "")),
        str(data.get("commune_insee", "")),
        bool(data.get("is_hq", False)),
    )


def live_campus_ids(conn: Connection) -> set[str]:
    """The ids of every campus that is not deleted."""
    return set(
        conn.scalars(select(record_t.c.record_id).where(record_t.c.entity == "campus", record_t.c.deleted.is_(False)))
    )


def list_campuses(hq: Hq) -> list[CampusInfo]:
    with hq.read() as conn:
        ids = conn.scalars(
            select(record_t.c.record_id).where(record_t.c.entity == "campus", record_t.c.deleted.is_(False))
        ).all()
        found = [find_campus(conn, i) for i in ids]
    return sorted((c for c in found if c is not None), key=lambda c: c.code)


def add_campus(
    hq: Hq, name: str | None, code: str, *, commune_insee: str | None = None, is_hq: bool = False
) -> tuple[CampusInfo, str]:
    """Create a campus (reference data sent to every campus) and a first enrolment code for it."""
    code = code.strip().upper()
    if not code or len(code) > 8 or not code.isalnum():
        raise HqError("Code de campus invalide : 1 à 8 lettres ou chiffres (par exemple SDN).", code="invalid_campus")
    ref = next((c for c in CAMPUSES if c.code == code), None)
    name = (name or "").strip() or (ref.name if ref else "")
    commune_insee = commune_insee or (ref.commune_insee if ref else None)
    if not name:
        raise HqError("Nom du campus manquant.", code="invalid_campus")
    if commune_insee is None or commune_insee not in COMMUNES_BY_INSEE:
        raise HqError(
            "Commune du campus manquante ou inconnue : donnez son code INSEE en Seine-Saint-Denis (par exemple 93066).",
            code="invalid_campus",
        )
    with hq.write() as tx:
        if find_campus(tx.conn, code) is not None:
            raise Conflicting(f"Le campus « {code} » existe déjà.", code="campus_exists")
        campus_id = reference_id("campus", code)  # the id campuses seeded offline already use
        fields = {
            "code": code,
            "name": name,
            "commune_insee": commune_insee,
            "is_hq": is_hq or (ref.is_hq if ref else False),
        }
        authoring.write_as_hq(hq, tx, "campus", campus_id, fields)
        secret = _issue_code(tx.conn, campus_id, hq.settings.enrolment_code_days)
    return CampusInfo(campus_id, code, name, commune_insee, bool(fields["is_hq"])), secret


def issue_enrolment_code(hq: Hq, campus_code: str, role: DeviceRole = DeviceRole.CAMPUS_PC) -> str:
    """A new one-time enrolment code for an existing campus (one per device to enrol); `role` is what it enrols: an
    advisor's PC, or a kiosk (which may only add check-ins and pre-registrations, and receives nobody's file)."""
    with hq.write() as tx:
        campus = find_campus(tx.conn, campus_code)
        if campus is None:
            raise NotFound(f"Campus « {campus_code} » inconnu.", code="unknown_campus")
        return _issue_code(tx.conn, campus.id, hq.settings.enrolment_code_days, role)


def _issue_code(conn: Connection, campus_id: str, days: int, role: DeviceRole = DeviceRole.CAMPUS_PC) -> str:
    secret = new_enrolment_code()
    now = utcnow()
    conn.execute(
        insert(code_t).values(
            id=str(uuid.uuid4()),
            campus_id=campus_id,
            code_hash=token_hash(_normalise_code(secret)),
            created_at=now,
            expires_at=now + timedelta(days=days),
            role=role.value,
        )
    )
    return secret


#: the marks kiosks of one campus put in their tickets, in the order they are handed out
TICKET_PREFIXES = "123456789ABCDEFGHJKMNPQRSTVWXYZ"


def _free_ticket_prefix(conn: Connection, campus_id: str) -> str:
    used = set(
        conn.scalars(
            select(device_t.c.ticket_prefix).where(
                device_t.c.campus_id == campus_id,
                device_t.c.role == DeviceRole.KIOSK.value,
                device_t.c.revoked_at.is_(None),
            )
        )
    )
    free = next((p for p in TICKET_PREFIXES if p not in used), None)
    if free is None:
        raise Conflicting("Ce campus a déjà le nombre maximal de bornes : révoquez-en une.", code="too_many_kiosks")
    return free


# --- Devices --------------------------------------------------------------------------------------------------


def enrol(
    hq: Hq, code: str, device_id: str, device_name: str, protocol_version: int, expected_role: str | None = None
) -> EnrolResponse:
    """Trade a one-time code for a device token. The code is spent in the same transaction the device is created.
    `expected_role`: what the installation means to be; a code for another kind of device is refused, unspent."""
    now = utcnow()
    with hq.write() as tx:
        row = tx.conn.execute(select(code_t).where(code_t.c.code_hash == token_hash(_normalise_code(code)))).first()
        if row is None or row.used_at is not None or row.expires_at < now:
            raise Forbidden(
                "Code d'inscription invalide, expiré ou déjà utilisé : demandez un nouveau code au siège.",
                code="invalid_enrolment_code",
            )
        if expected_role is not None and expected_role != row.role:
            raise Conflicting(
                "Ce code inscrit une borne d'accueil : lancez « gn-desktop --kiosk enrol » sur la borne."
                if row.role == DeviceRole.KIOSK
                else "Ce code inscrit un poste de conseiller, pas une borne : demandez un code de borne au siège "
                "(gn-hq campus code CAMPUS --kiosk).",
                code="role_mismatch",
            )
        if tx.conn.execute(select(device_t.c.id).where(device_t.c.id == device_id)).first() is not None:
            raise Conflicting(
                "Cet identifiant d'appareil est déjà inscrit : une copie de la base d'un autre poste ne peut pas "
                "s'inscrire ; réinitialisez l'identité de ce poste.",
                code="device_exists",
            )
        campus = find_campus(tx.conn, row.campus_id)
        if campus is None:
            raise Forbidden("Le campus de ce code n'existe plus.", code="invalid_enrolment_code")
        token = secrets.token_urlsafe(32)
        role = DeviceRole(row.role)
        prefix = _free_ticket_prefix(tx.conn, campus.id) if role is DeviceRole.KIOSK else None
        tx.conn.execute(
            insert(device_t).values(
                id=device_id,
                campus_id=campus.id,
                name=device_name.strip()[:200],
                token_hash=token_hash(token),
                last_device_seq=0,
                enrolled_at=now,
                last_seen_at=now,
                protocol_version=protocol_version,
                role=role.value,
                ticket_prefix=prefix,
            )
        )
        tx.conn.execute(update(code_t).where(code_t.c.id == row.id).values(used_at=now, device_id=device_id))
    return EnrolResponse(
        device_id=device_id,
        token=token,
        campus_id=campus.id,
        campus_code=campus.code,
        campus_name=campus.name,
        campus_commune_insee=campus.commune_insee or None,
        epoch=tx.epoch,
        role=role.value,
        ticket_prefix=prefix,
    )


def authenticate(hq: Hq, token: str | None) -> AuthDevice:
    """The live device holding `token`; anything else is 401 and nothing more."""
    if not token or len(token) > 200:
        raise Unauthorized()
    with hq.engine.connect() as conn:
        row = conn.execute(
            select(device_t.c.id, device_t.c.campus_id, device_t.c.last_device_seq, device_t.c.role).where(
                device_t.c.token_hash == token_hash(token), device_t.c.revoked_at.is_(None)
            )
        ).first()
    if row is None:
        raise Unauthorized()
    return AuthDevice(row.id, row.campus_id, int(row.last_device_seq), DeviceRole(row.role))


def status(hq: Hq, device: AuthDevice) -> StatusResponse:
    """HQ's epoch and last sequence, and the last change of this device HQ holds (`GET /v1/status`)."""
    with hq.read() as conn:
        epoch, last_seq = hq.read_meta(conn)
        last_device_seq = conn.scalar(select(device_t.c.last_device_seq).where(device_t.c.id == device.id)) or 0
    return StatusResponse(
        epoch=epoch,
        server_time_ms=hq.now_ms(),
        device_id=device.id,
        campus_id=device.campus_id,
        last_device_seq=int(last_device_seq),
        last_seq=last_seq,
        protocol_version=PROTOCOL_VERSION,
    )


def check_still_enrolled(hq: Hq, device: AuthDevice) -> None:
    """`Unauthorized` if the device was revoked since its request was authenticated (a long poll waits seconds)."""
    with hq.read() as conn:
        row = conn.execute(select(device_t.c.revoked_at).where(device_t.c.id == device.id)).first()
    if row is None or row.revoked_at is not None:
        raise Unauthorized()


def list_devices(hq: Hq) -> list[DeviceInfo]:
    with hq.read() as conn:
        rows = conn.execute(select(device_t).order_by(device_t.c.campus_id, device_t.c.enrolled_at)).all()
        codes = {
            c.id: c.code for c in (find_campus(conn, r.campus_id) for r in {r.campus_id: r for r in rows}.values()) if c
        }
    return [
        DeviceInfo(
            r.id,
            r.campus_id,
            codes.get(r.campus_id),
            r.name,
            r.enrolled_at,
            r.last_seen_at,
            r.revoked_at,
            int(r.last_device_seq),
            r.role,
            r.ticket_prefix,
            r.protocol_version,
        )
        for r in rows
    ]


def revoke_device(hq: Hq, device_id: str) -> None:
    """Revoke a device: its token stops working at once (401). Its changes already applied stay."""
    with hq.write() as tx:
        done = tx.conn.execute(
            update(device_t)
            .where(device_t.c.id == device_id, device_t.c.revoked_at.is_(None))
            .values(revoked_at=utcnow())
        )
        if done.rowcount == 0:
            exists = tx.conn.execute(select(device_t.c.id).where(device_t.c.id == device_id)).first()
            if exists is None:
                raise NotFound(f"Appareil « {device_id} » inconnu.", code="unknown_device")


def campus_of_devices(conn: Connection, device_ids: set[str]) -> dict[str, str]:
    ids = [d for d in device_ids if d]
    if not ids:
        return {}
    return dict(conn.execute(select(device_t.c.id, device_t.c.campus_id).where(device_t.c.id.in_(ids))).all())
