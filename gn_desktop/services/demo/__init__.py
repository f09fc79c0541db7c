"""Deterministic, clearly fictional demo data for a campus store (`gn-desktop demo-data`).

What it is for: showing the app, training advisors and measuring the store with realistic volumes. Same seed (and
same `today`), same data, record ids included; demo data only goes into an empty store.

`loader` holds the entry point (`generate`) and its summary; `catalogue` makes the demo accounts and HQ's catalogue;
`generator` draws the people and their records, along `routes` (legal pathways), with `draws` (seeded ids and
weighted choices) from `tables` (names, weights, fictional employers and programmes, fixed values); `batches` carries
the drawn rows to the writer.
"""

from __future__ import annotations

from gn_desktop.services.demo.catalogue import DemoAccount
from gn_desktop.services.demo.draws import fictional_siret
from gn_desktop.services.demo.loader import CHUNK_SIZE, DemoSummary, generate
from gn_desktop.services.demo.tables import (
    ADMIN_PASSWORD,
    ADVISOR_PASSWORD,
    ADVISORS_PER_CAMPUS,
    EMAIL_DOMAINS,
    FICTION_LANDLINE_PREFIX,
    FICTION_MOBILE_PREFIX,
    MANAGER_PASSWORD,
    PARIS,
)

__all__ = [
    "ADMIN_PASSWORD",
    "ADVISORS_PER_CAMPUS",
    "ADVISOR_PASSWORD",
    "CHUNK_SIZE",
    "EMAIL_DOMAINS",
    "FICTION_LANDLINE_PREFIX",
    "FICTION_MOBILE_PREFIX",
    "MANAGER_PASSWORD",
    "PARIS",
    "DemoAccount",
    "DemoSummary",
    "fictional_siret",
    "generate",
]
