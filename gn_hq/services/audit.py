"""The audit trail of sensitive reads, as HQ administrators read it (`gn-hq audit list`).

Campus PCs add the events (gn_core.sync_rules: a PC adds events of its own campus, naming itself and an account of
its campus, and nobody edits or deletes one); HQ stores them as records of `record` (entity `audit_event`, with the
person and campus extracted for the filters) and sends them to no device. An event names a person by their opaque id
only; erasing or anonymising the person keeps it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import select

from gn_core.domain.enums import AuditAction
from gn_core.domain.labels import label
from gn_core.sync_rules import AUDIT_ENTITY
from gn_hq.db.models import device_table as device_t
from gn_hq.db.models import record_table as record_t
from gn_hq.services import devices, users
from gn_hq.services.context import Hq
from gn_hq.services.errors import HqError


@dataclass(frozen=True, slots=True)
class AuditEntry:
    """One event, with the names an administrator reads (account, device, campus code) beside the ids."""

    id: str
    at: datetime
    campus_id: str
    campus_code: str | None
    account_id: str | None
    account: str | None  # the user name, None for a command run without signing in
    device_id: str
    device: str | None  # the device's name
    action: str
    action_label: str  # French (`action_label(action, "en")`: English)
    person_id: str | None
    detail: str | None  # as the PC recorded it: `key=value` words (`format=csv rows=120`)

    @property
    def detail_label(self) -> str:
        """The detail in French (`detail_label`)."""
        return detail_label(self.detail)

    def as_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "at": self.at.isoformat(timespec="seconds"),
            "campus_id": self.campus_id,
            "campus_code": self.campus_code,
            "account_id": self.account_id,
            "account": self.account,
            "device_id": self.device_id,
            "device": self.device,
            "action": self.action,
            "action_label": self.action_label,
            "person_id": self.person_id,
            "detail": self.detail,
            "detail_label": self.detail_label,
        }


@dataclass(frozen=True, slots=True)
class _Wording:
    """How one language words an event's detail."""

    extracts: dict[str, str]  # what a people export was of (gn_desktop.services.extracts.What)
    extract: str  # "{what}" is one of `extracts`
    rows: tuple[str, str, str]  # one, many, none
    notes: tuple[str, str]
    matches: tuple[str, str, str]
    between: str  # "{since}", "{until}"
    since: str
    until: str
    joined: str  # two formats: "PDF et JSON"
    colon: str  # "lignes : x"
    day: str  # strftime
    group: str  # thousands separator


_WORDING = {
    "fr": _Wording(
        extracts={
            "people": "personnes",
            "referrals": "orientations",
            "events": "événements",
            "startups": "startups",
            "outcomes": "sorties",
        },
        extract="extraction des {what}",
        rows=("ligne", "lignes", "aucune ligne"),
        notes=("note restreinte", "notes restreintes"),
        matches=("correspondance", "correspondances", "aucune correspondance"),
        between="du {since} au {until}",
        since="depuis le {since}",
        until="jusqu'au {until}",
        joined=" et ",
        colon=" : ",
        day="%d/%m/%Y",
        group="\u202f",
    ),
    "en": _Wording(
        extracts={
            "people": "people",
            "referrals": "referrals",
            "events": "events",
            "startups": "startups",
            "outcomes": "outcomes",
        },
        extract="{what} extract",
        rows=("row", "rows", "no rows"),
        notes=("restricted note", "restricted notes"),
        matches=("match", "matches", "no match"),
        between="from {since} to {until}",
        since="since {since}",
        until="until {until}",
        joined=" and ",
        colon=": ",
        day="%Y-%m-%d",
        group=",",
    ),
}


def _count(n: str, words: tuple[str, ...], wording: _Wording) -> str:
    one, many = words[0], words[1]
    if not (n.isascii() and n.isdigit()):  # "²" is a digit to Python, not a number
        return f"{many}{wording.colon}{n}"
    value = int(n)
    if value == 0 and len(words) > 2:
        return words[2]
    return f"{value:,} {one if value == 1 else many}".replace(",", wording.group)


def _day(text: str, wording: _Wording) -> str:
    try:
        return date.fromisoformat(text).strftime(wording.day)
    except ValueError:
        return text


def detail_label(detail: str | None, lang: str = "fr") -> str:
    """An event's detail as an administrator reads it, in French (or English: `lang="en"`): the `key=value` words
    PCs and HQ record (`what=people format=csv rows=120 from=2026-01-01 to=`, `notes=2`, `formats=pdf+json`,
    `correspondances=0`) become "extraction des personnes, CSV, 120 lignes, depuis le 01/01/2026"; a word it does not
    know is kept as it is."""
    if not detail:
        return ""
    wording = _WORDING.get(lang, _WORDING["fr"])
    words: dict[str, str] = {}
    unknown: list[str] = []
    for word in detail.split():
        key, sep, value = word.partition("=")
        if sep and key in {"what", "format", "formats", "rows", "from", "to", "notes", "correspondances"}:
            words[key] = value
        else:
            unknown.append(word)
    parts = []
    if "what" in words:
        parts.append(wording.extract.format(what=wording.extracts.get(words["what"], words["what"])))
    if words.get("format"):
        parts.append(words["format"].upper())
    if words.get("formats"):
        parts.append(wording.joined.join(f.upper() for f in words["formats"].split("+") if f))
    if "rows" in words:
        parts.append(_count(words["rows"], wording.rows, wording))
    since, until = words.get("from"), words.get("to")
    if since and until:
        parts.append(wording.between.format(since=_day(since, wording), until=_day(until, wording)))
    elif since:
        parts.append(wording.since.format(since=_day(since, wording)))
    elif until:
        parts.append(wording.until.format(until=_day(until, wording)))
    if "notes" in words:
        parts.append(_count(words["notes"], wording.notes, wording))
    if "correspondances" in words:
        parts.append(_count(words["correspondances"], wording.matches, wording))
    return ", ".join([*parts, *unknown])


def action_label(action: str, lang: str = "fr") -> str:
    """An event's action as an administrator reads it, in French (or English: `lang="en"`)."""
    try:
        return label(AuditAction(action), lang)
    except ValueError:
        return action


def list_events(
    hq: Hq, *, person_id: str | None = None, since: date | None = None, campus_code: str | None = None
) -> list[AuditEntry]:
    """The events (of one person, one campus, from a day on — UTC), oldest first."""
    codes = {c.id: c.code for c in devices.list_campuses(hq)}
    campus_id = None
    if campus_code is not None:
        wanted = campus_code.strip().upper()
        campus_id = next((cid for cid, code in codes.items() if code == wanted), None)
        if campus_id is None:
            raise HqError(f"Campus « {wanted[:8]} » inconnu : voyez gn-hq campus list.", code="unknown_campus")
    accounts = {a.id: a.username for a in users.list_accounts(hq)}
    stmt = select(record_t.c.record_id, record_t.c.data).where(
        record_t.c.entity == AUDIT_ENTITY, record_t.c.deleted.is_(False)
    )
    if person_id is not None:
        stmt = stmt.where(record_t.c.person_id == person_id)
    if campus_id is not None:
        stmt = stmt.where(record_t.c.campus_id == campus_id)
    start = datetime(since.year, since.month, since.day, tzinfo=UTC) if since is not None else None
    with hq.read() as conn:
        rows = conn.execute(stmt).all()
        names: dict[str, str] = {r.id: r.name for r in conn.execute(select(device_t.c.id, device_t.c.name))}
    out = []
    for record_id, text in rows:
        data = json.loads(text)
        at = datetime.fromisoformat(data["at"]).astimezone(UTC)
        if start is not None and at < start:
            continue
        account = data.get("account_id")
        out.append(
            AuditEntry(
                id=record_id,
                at=at,
                campus_id=data["campus_id"],
                campus_code=codes.get(data["campus_id"]),
                account_id=account,
                account=accounts.get(account) if account else None,
                device_id=data["device_id"],
                device=names.get(data["device_id"]),
                action=data["action"],
                action_label=action_label(data["action"]),
                person_id=data.get("person_id"),
                detail=data.get("detail"),
            )
        )
    out.sort(key=lambda e: (e.at, e.id))
    return out
