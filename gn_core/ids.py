"""Record identities: UUIDv7 made on the device, time-ordered so new rows append to the index."""

from __future__ import annotations

from uuid_utils.compat import uuid7


def new_id() -> str:
    """A fresh UUIDv7 as its canonical 36-character string."""
    return str(uuid7())
