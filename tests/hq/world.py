"""A small simulated network for HQ tests: campuses with enrolled devices that push changes and pull their feed.

`SimDevice` plays the part of a campus installation: it numbers its changes, stamps them with its own hybrid logical
clock, and keeps a replica of what it pulled, so tests read like the story they check.
"""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from gn_core.hlc import ClockDriftError, HybridClock
from gn_core.protocol import PROTOCOL_VERSION
from gn_hq.services import devices, users
from gn_hq.services.context import Hq

if TYPE_CHECKING:
    from fastapi.testclient import TestClient

Key = tuple[str, str]


def person_values(campus_id: str, **overrides: Any) -> dict[str, Any]:
    """The data fields of a person as a campus sends them on insert."""
    values: dict[str, Any] = {
        "first_name": "Awa",
        "last_name": "Diallo",
        "gender": "female",
        "birth_date": "2003-04-12",
        "phone": "+33612345678",
        "email": "awa.diallo@example.org",
        "commune_insee": "93066",
        "commune_other": None,
        "situation": "young_under_26",
        "france_travail_id": None,
        "education_level": "4",
        "benefits": [],
        "barriers": ["mobility"],
        "job_families": ["development"],
        "referral_source": "mission_locale",
        "campus_id": campus_id,
        "advisor_id": None,
        "enrolled_on": "2025-03-01",
        "pathway_step": "welcome",
        "pathway_since": "2025-03-01",
        "last_contact_on": None,
    }
    values.update(overrides)
    return values


#: complete values of each entity as a campus sends them on insert (person_id, where there is one, comes from the
#: test); `SimDevice.insert` starts from these, so a test names only the fields its story is about
DEFAULTS: dict[str, dict[str, Any]] = {
    "campus": {"code": "XYZ", "name": "Campus", "commune_insee": "93066", "is_hq": False},
    "app_user": {
        "username": "compte",
        "display_name": "Compte",
        "role": "advisor",
        "campus_id": None,
        "password_hash": "$argon2id$v=19$m=65536,t=3,p=4$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA",
        "active": True,
    },
    "partner": {"name": "Partenaire", "kind": "employer", "job_families": [], "committed_to_hire": False},
    "programme": {
        "partner_id": "partner-1",
        "title": "Formation",
        "job_family": "development",
        "duration_weeks": 12,
        "prerequisites": "",
        "certification": "",
        "description": "",
    },
    "programme_session": {
        "programme_id": "programme-1",
        "starts_on": "2026-01-05",
        "ends_on": "2026-04-05",
        "capacity": 12,
    },
    "job_offer": {
        "partner_id": "partner-1",
        "title": "Développeuse",
        "job_family": "development",
        "contract_type": "cdi",
        "posted_on": "2026-01-05",
        "description": "",
        "is_open": True,
    },
    "event": {
        "title": "Hackathon",
        "kind": "hackathon",
        "starts_at": "2026-03-01T09:00:00.000+00:00",
        "ends_at": "2026-03-01T18:00:00.000+00:00",
        "audience": "",
        "description": "",
    },
    "rqth_decision": {"decided_on": "2024-05-02", "valid_from": "2024-05-02", "valid_until": None},
    "consent": {
        "purpose": "follow_up",
        "legal_basis": "consent",
        "text_version": "2025-01",
        "given_on": "2025-03-01",
        "withdrawn_on": None,
    },
    "pathway_event": {"to_step": "assessment", "occurred_on": "2025-03-02", "comment": ""},
    "note": {"body": "Premier entretien.", "restricted": False},
    "appointment": {
        "starts_at": "2026-12-10T09:00:00.000+00:00",
        "duration_min": 45,
        "subject": "Suivi",
        "status": "planned",
    },
    "referral": {"status": "proposed", "referred_on": "2025-04-01", "comment": ""},
    "event_registration": {"event_id": "event-1", "status": "registered"},
    "startup": {"name": "Jeune pousse", "stage": "idea"},
    "startup_founder": {"startup_id": "startup-1"},
    "startup_action": {"startup_id": "startup-1", "done_on": "2025-05-02", "title": "Atelier", "note": ""},
    "visit": {
        "ticket": "A001",
        "purpose": "information",
        "arrived_at": "2026-12-10T09:00:00.000+00:00",
        "status": "waiting",
    },
    "hq_setting": {"value": "24"},
    "audit_event": {"at": "2026-03-02T10:00:00.000+00:00", "action": "rqth_read"},
    "pre_registration": {
        "first_name": "Inès",
        "last_name": "Moreau",
        "job_families": [],
        "message": "",
        "consent_text_version": "2025-01",
        "language": "fr",
        "status": "waiting",
    },
}


def record_values(entity: str, campus_id: str | None = None, **overrides: Any) -> dict[str, Any]:
    """Complete insert values of `entity` (a person or an appointment at `campus_id`), with `overrides`."""
    if entity == "person":
        return person_values(campus_id or "", **overrides)
    values = dict(DEFAULTS[entity])
    if entity in ("appointment", "visit", "pre_registration"):
        values["campus_id"] = campus_id
    values.update(overrides)
    return values


def new_id() -> str:
    return str(uuid.uuid4())


@dataclass
class SimDevice:
    """One campus installation talking to HQ through the test client."""

    client: TestClient
    token: str
    device_id: str
    campus_id: str
    wall: Callable[[], int] | None = None
    seq: int = 0
    cursor: int = 0
    until: int | None = None
    epoch: str | None = None
    replica: dict[Key, dict[str, Any]] = field(default_factory=dict)
    conflicts: dict[str, dict[str, Any]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.clock = HybridClock(self.device_id[-12:], wall=self.wall)

    def set_clock(self, wall_ms: int) -> None:
        """Stop this device's clock at `wall_ms` (its stamps then differ by their counter only)."""
        self.clock = HybridClock(self.device_id[-12:], wall=lambda: wall_ms)

    @property
    def headers(self) -> dict[str, str]:
        return {"GN-Protocol": str(PROTOCOL_VERSION), "Authorization": f"Bearer {self.token}"}

    # --- making changes ------------------------------------------------------------------------------------------

    def change(
        self,
        entity: str,
        record_id: str,
        op: str,
        fields: Mapping[str, tuple[Any, Any]] | None = None,
        *,
        base: int | None = None,
        erasure: bool = False,
        hlc: str | None = None,
        user_id: str | None = None,
    ) -> dict[str, Any]:
        """A wire change; `base` defaults to the version this device last pulled (0 for a record it never saw)."""
        self.seq += 1
        if base is None:
            known = self.replica.get((entity, record_id))
            base = known["version"] if known else 0
        return {
            "device_seq": self.seq,
            "device_id": self.device_id,
            "campus_id": self.campus_id,
            "user_id": user_id,
            "entity": entity,
            "record_id": record_id,
            "op": op,
            "fields": {name: {"old": old, "new": new} for name, (old, new) in (fields or {}).items()},
            "base_version": base,
            "hlc": hlc or str(self.clock.now()),
            "erasure": erasure,
        }

    def insert(
        self, entity: str, record_id: str, values: Mapping[str, Any], *, complete: bool = True, **kw: Any
    ) -> dict[str, Any]:
        """An insert; the fields `values` does not name take their usual values (`record_values`) unless `complete`
        is False (a malformed insert)."""
        if complete:
            values = {**record_values(entity, self.campus_id), **values}
        return self.change(entity, record_id, "insert", {k: (None, v) for k, v in values.items()}, base=0, **kw)

    def update(self, entity: str, record_id: str, **values: Any) -> dict[str, Any]:
        """An edit made on this device's replica: old values are what it last pulled."""
        data = self.data(entity, record_id)
        return self.change(entity, record_id, "update", {k: (data.get(k), v) for k, v in values.items()})

    def delete(self, entity: str, record_id: str, *, erasure: bool = False) -> dict[str, Any]:
        data = self.data(entity, record_id)
        return self.change(entity, record_id, "delete", {k: (v, None) for k, v in data.items()}, erasure=erasure)

    # --- talking to HQ -------------------------------------------------------------------------------------------

    def push(self, *changes: dict[str, Any], status: int = 200) -> dict[str, Any]:
        response = self.client.post("/v1/push", json={"changes": list(changes)}, headers=self.headers)
        assert response.status_code == status, response.text
        body: dict[str, Any] = response.json()
        return body

    def pull(self, *, limit: int | None = None, max_bytes: int | None = None) -> list[dict[str, Any]]:
        """Pull until caught up, applying every page to the replica; returns the pages."""
        pages = []
        while True:
            params: dict[str, Any] = {"cursor": self.cursor}
            if self.until is not None:
                params["until"] = self.until
            if limit:
                params["limit"] = limit
            if max_bytes:
                params["max_bytes"] = max_bytes
            response = self.client.get("/v1/pull", params=params, headers=self.headers)
            assert response.status_code == 200, response.text
            page = response.json()
            pages.append(page)
            self.apply(page)
            if not page["more"]:
                self.until = None
                return pages

    def apply(self, page: dict[str, Any]) -> None:
        if self.epoch is not None and page["epoch"] != self.epoch:
            raise AssertionError("epoch changed")
        self.epoch = page["epoch"]
        for record in page["records"]:
            self.replica[(record["entity"], record["id"])] = record
            if record["hlc"]:
                with contextlib.suppress(ClockDriftError):  # a real campus would warn that its clock is off
                    self.clock.observe(record["hlc"])
        for conflict in page["conflicts"]:
            self.conflicts[conflict["id"]] = conflict
        self.cursor = page["cursor"]
        self.until = page["until"] if page["more"] else None

    def data(self, entity: str, record_id: str) -> dict[str, Any]:
        record = self.replica.get((entity, record_id))
        return dict(record["data"] or {}) if record else {}

    def has(self, entity: str, record_id: str) -> bool:
        record = self.replica.get((entity, record_id))
        return record is not None and not record["deleted"]


@dataclass
class World:
    hq: Hq
    client: TestClient
    campus_ids: dict[str, str]
    devices: dict[str, SimDevice]

    @classmethod
    def build(cls, hq: Hq, client: TestClient, codes: tuple[str, ...] = ("SDN", "AUB", "MTR")) -> World:
        campus_ids: dict[str, str] = {}
        sims: dict[str, SimDevice] = {}
        for code in codes:
            campus, secret = devices.add_campus(hq, None, code)
            campus_ids[code] = campus.id
            sims[code] = enrol(client, secret, campus.id)
        return cls(hq, client, campus_ids, sims)

    def device(self, code: str, wall: Callable[[], int] | None = None) -> SimDevice:
        """Another installation of campus `code`."""
        secret = devices.issue_enrolment_code(self.hq, code)
        return enrol(self.client, secret, self.campus_ids[code], wall=wall)

    def admin(self, username: str = "admin", password: str = "mot-de-passe-du-siege") -> tuple[str, str]:
        users.add_user(self.hq, username, "Administratrice", "hq_admin", password)
        return username, password


def enrol(client: TestClient, secret: str, campus_id: str, wall: Callable[[], int] | None = None) -> SimDevice:
    device_id = new_id()
    response = client.post(
        "/v1/enrol",
        json={"code": secret, "device_id": device_id, "device_name": "poste d'accueil"},
        headers={"GN-Protocol": str(PROTOCOL_VERSION)},
    )
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["campus_id"] == campus_id
    return SimDevice(client, body["token"], device_id, campus_id, wall=wall)
