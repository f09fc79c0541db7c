"""Search-before-create across campuses: intake asks HQ whether the person typed is followed at another campus.

The answer holds, per likely match, the campus's name and code, a strength ("strong" or "possible") and an opaque
match token — no id, no name, no date: what the desk needs to say "this person seems followed at Bobigny" and to ask
that campus for the file (services/move_requests.py), nothing a curious PC could collect people with. Against
probing: the first and last names plus a birth date, a phone or an e-mail are required (less is a 422 naming the
fields), each device has a rate (services/throttle.py: `LookupLimiter`, 429 with Retry-After), and every lookup is in
HQ's audit trail (who, which device, how many matches — never what was typed).

Matching is duplicate detection's (services/duplicates.py: `likely`), against the people of `person_match` —
live people only: erased, anonymised and merged-away files are not there.

The match token seals the person's id for the asking campus with AES-256-GCM (`cryptography`): `v | expires | nonce
| ciphertext+tag`, the version, expiry and asking campus authenticated as associated data, under HQ's `lookup` key
in `hq_key`. Another campus cannot use it, nobody can forge or read it, and two lookups of the same person give two
unrelated tokens.
"""

from __future__ import annotations

import base64
import logging
import secrets
import struct
import time
from datetime import timedelta

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from sqlalchemy import Connection, insert, select

from gn_core.domain.enums import UserRole
from gn_core.domain.likeness import MatchKeys
from gn_core.ids import new_id
from gn_core.protocol import LookupMatch, LookupRequest, LookupResponse
from gn_core.sync_rules import ACCOUNT_ENTITY, AUDIT_ENTITY
from gn_hq.db.models import hq_key_table as key_t
from gn_hq.db.types import utcnow
from gn_hq.services import authoring, duplicates, records
from gn_hq.services.context import Hq
from gn_hq.services.devices import AuthDevice, find_campus
from gn_hq.services.errors import Invalid

log = logging.getLogger(__name__)

#: a likeness at least this high (gn_core.domain.likeness: same name and birth date, or name and phone…) is "strong"
STRONG_SCORE = 95
#: how long a match token may be used to ask for the file
TOKEN_TTL = timedelta(hours=2)
#: at most this many matches are answered (the most likely first)
MAX_MATCHES = 5
#: at most this many rounds of `duplicates.absorb` before a lookup (the detector is normally there already)
ABSORB_ROUNDS = 10
KEY_PURPOSE = "lookup"

_VERSION = 1
_HEAD = struct.Struct(">BI")  # version, expiry (Unix seconds)
_NONCE = 12
_TAG = 16

TOO_VAGUE = "Recherche trop vague : indiquez le prénom et le nom, avec la date de naissance, le téléphone ou l'e-mail."
BAD_TOKEN = "Correspondance inconnue : refaites la recherche depuis l'accueil."
OLD_TOKEN = "Correspondance expirée : refaites la recherche depuis l'accueil."


def _key(hq: Hq) -> bytes:
    """HQ's lookup key, drawn the first time it is needed."""
    with hq.read() as conn:
        found = conn.scalar(select(key_t.c.key).where(key_t.c.purpose == KEY_PURPOSE))
    if found is None:
        with hq.write() as tx:
            found = tx.conn.scalar(select(key_t.c.key).where(key_t.c.purpose == KEY_PURPOSE))
            if found is None:
                found = base64.b64encode(secrets.token_bytes(32)).decode()
                tx.conn.execute(insert(key_t).values(purpose=KEY_PURPOSE, key=found, created_at=utcnow()))
    return base64.b64decode(found)


def _aad(campus_id: str, head: bytes) -> bytes:
    return head + campus_id.encode()


def seal(key: bytes, person_id: str, campus_id: str, expires: int) -> str:
    """A match token for `campus_id` naming `person_id` until `expires` (Unix seconds)."""
    head = _HEAD.pack(_VERSION, expires)
    nonce = secrets.token_bytes(_NONCE)
    sealed = AESGCM(key).encrypt(nonce, person_id.encode(), _aad(campus_id, head))
    return base64.urlsafe_b64encode(head + nonce + sealed).rstrip(b"=").decode()


def open_token(hq: Hq, token: str, campus_id: str, now: float | None = None) -> str:
    """The person id a match token given to `campus_id` names; `Invalid` if forged, another campus's or expired."""
    try:
        raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
    except ValueError:
        raw = b""
    if len(raw) <= _HEAD.size + _NONCE + _TAG:
        raise Invalid(BAD_TOKEN, code="invalid_token")
    head, nonce, sealed = raw[: _HEAD.size], raw[_HEAD.size : _HEAD.size + _NONCE], raw[_HEAD.size + _NONCE :]
    try:
        plain = AESGCM(_key(hq)).decrypt(nonce, sealed, _aad(campus_id, head))
    except InvalidTag:
        raise Invalid(BAD_TOKEN, code="invalid_token") from None
    version, expires = _HEAD.unpack(head)
    if version != _VERSION:
        raise Invalid(BAD_TOKEN, code="invalid_token")
    if expires < (time.time() if now is None else now):
        raise Invalid(OLD_TOKEN, code="expired_token")
    return plain.decode()


def _check_enough(body: LookupRequest, keys: MatchKeys) -> None:
    errors = []
    if not body.first_name.strip():
        errors.append({"loc": ["body", "first_name"], "msg": "Prénom : à indiquer.", "type": "missing"})
    if not body.last_name.strip():
        errors.append({"loc": ["body", "last_name"], "msg": "Nom : à indiquer.", "type": "missing"})
    if not (keys.birth_date or keys.phone or keys.email):
        errors.append(
            {
                "loc": ["body", "birth_date"],
                "msg": "Date de naissance, téléphone ou e-mail : indiquez-en au moins un (valide).",
                "type": "missing",
            }
        )
    if errors or not keys.name:
        raise Invalid(TOO_VAGUE, code="lookup_too_vague", errors=errors or None)


def account_of_campus(conn: Connection, user_id: str | None, campus_id: str) -> str | None:
    """`user_id` when it is a live account of the asking campus or an HQ administrator (as the audit trail's rule for
    events pushed by a PC); otherwise None: what HQ records then names the device only (a PC says which of its users
    acted; HQ does not take it on trust for another campus's account)."""
    if user_id is None:
        return None
    stored = records.load(conn, [(ACCOUNT_ENTITY, user_id)]).get((ACCOUNT_ENTITY, user_id))
    data = stored.state.data if stored is not None and not stored.state.deleted else {}
    ok = data.get("campus_id") == campus_id or data.get("role") == UserRole.HQ_ADMIN.value
    return user_id if data and ok else None


def lookup(hq: Hq, device: AuthDevice, body: LookupRequest) -> LookupResponse:
    """The people followed at other campuses whom `body` likely describes (see the module's docstring)."""
    hq.lookup_limiter.take(device.id)
    typed = body.model_dump(include={"first_name", "last_name", "birth_date", "phone", "email"})
    keys = MatchKeys.of(typed)
    _check_enough(body, keys)
    key = _key(hq)
    expires = int(time.time() + TOKEN_TTL.total_seconds())
    matches: list[LookupMatch] = []
    try:  # the people pushed a moment ago too (the detector keeps `person_match` from the feed after each push)
        duplicates.absorb_all(hq, rounds=ABSORB_ROUNDS)
    except Exception:
        log.exception("reading the feed into person_match failed: looking up among the people already there")
    with hq.read() as conn:  # scored outside the writer lock: pushes do not wait for a lookup
        found = duplicates.likely(conn, keys)
        mine = records.campuses_with_access(conn, list(found), device.campus_id)
        ranked = sorted(
            ((likeness.score, pid, campus_id) for pid, (likeness, campus_id) in found.items()),
            key=lambda t: (-t[0], t[1]),
        )
        campuses: dict[str, tuple[str, str] | None] = {}
        for score, pid, campus_id in ranked:
            if campus_id is None or campus_id == device.campus_id or pid in mine:
                continue  # a file this campus already has: its own search finds it
            if campus_id not in campuses:
                info = find_campus(conn, campus_id)
                campuses[campus_id] = (info.code, info.name) if info is not None and not info.is_hq else None
            campus = campuses[campus_id]
            if campus is None:
                continue
            matches.append(
                LookupMatch(
                    campus_code=campus[0],
                    campus_name=campus[1],
                    strength="strong" if score >= STRONG_SCORE else "possible",
                    token=seal(key, pid, device.campus_id, expires),
                )
            )
            if len(matches) >= MAX_MATCHES:
                break
    with hq.write() as tx:
        account = account_of_campus(tx.conn, body.user_id, device.campus_id)
        authoring.write_as_hq(
            hq,
            tx,
            AUDIT_ENTITY,
            new_id(),
            {
                "at": utcnow().isoformat(timespec="milliseconds"),
                "account_id": account,
                "device_id": device.id,
                "campus_id": device.campus_id,
                "action": "person_lookup",
                "detail": f"correspondances={len(matches)}",
            },
            user_id=account,
        )
    return LookupResponse(epoch=tx.epoch, matches=matches)
