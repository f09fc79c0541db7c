"""How a kiosk recognises a visitor without holding anyone's file: keyed hashes of what the visitor types.

HQ sends a campus's kiosks, for its appointments of the coming days, the appointment id, the first name, the time and
two HMAC-SHA256 hashes under a key of the campus: of the check-in code, and of the person's name key (folded first and
last name, gn_core.domain.normalize) with their birth date. The kiosk hashes what the visitor types the same way and
looks the hash up. Both ends use these functions, so they always agree.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from datetime import date

from gn_core.domain.normalize import digits, name_key


def decode_key(key: str) -> bytes:
    return base64.urlsafe_b64decode(key.encode("ascii") + b"=" * (-len(key) % 4))


def encode_key(key: bytes) -> str:
    return base64.urlsafe_b64encode(key).decode("ascii").rstrip("=")


def _mac(key: bytes, text: str) -> str:
    return hmac.new(key, text.encode("utf-8"), hashlib.sha256).hexdigest()


def code_hash(key: bytes, code: str) -> str | None:
    """The hash of an appointment's check-in code (its digits), or None for an empty code."""
    clean = digits(code or "")
    return _mac(key, f"code:{clean}") if clean else None


def name_hash(key: bytes, first_name: str, last_name: str, birth_date: date | str | None) -> str | None:
    """The hash of a person's name and birth date, or None when one of them is missing."""
    if birth_date is None or not (first_name or "").strip() or not (last_name or "").strip():
        return None
    born = birth_date if isinstance(birth_date, str) else birth_date.isoformat()
    return _mac(key, f"name:{name_key(first_name, last_name)}|{born}")
