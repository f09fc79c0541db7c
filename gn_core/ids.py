"""Record identities: UUIDv7 made on the device, time-ordered so new rows append to the index."""

from __future__ import annotations

import uuid

from uuid_utils.compat import uuid7


def new_id() -> str:
    """A fresh UUIDv7 as its canonical 36-character string."""
    return str(uuid7())


# Fixed namespace for the ids of reference records known by a natural key (a campus code, a partner name).
_REFERENCE_NAMESPACE = uuid.UUID("8f3c2a1e-5d47-4b6a-9e0f-6a1d2c3b4e5f")


def reference_id(entity: str, key: str) -> str:
    """The id every installation gives the reference record `entity` known by `key` (UUIDv5).

    A campus seeded locally before it ever talked to HQ (demo data, a campus set up offline) and the same campus
    created at HQ then share one id, so people enrolled at it keep pointing to the right campus after enrolment.
    """
    return str(uuid.uuid5(_REFERENCE_NAMESPACE, f"{entity}:{key.strip().upper()}"))
