"""Loading reference data at HQ from a file: campuses, accounts and the catalogue, written by HQ itself.

Reference data is HQ's to write (gn_core.sync_rules): a campus PC may not push it. This is how HQ takes in a
catalogue prepared elsewhere — a spreadsheet turned into JSON, the demo campus's catalogue for `make run`, a campus
set up offline before HQ existed (`gn-desktop export-reference`). The file keeps the records' ids, so campuses that
already hold the same records (seeded with the same ids) see them updated rather than doubled.

The file is checked whole first (every value against gn_core.fields, ids, unique campus codes and user names) and
written in one transaction: all of it or nothing.

Format: `{"format": "gn-reference/1", "entities": {"partner": [{"id": "…", "name": "…", …}, …], …}}`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import select

from gn_core import fields as value_rules
from gn_core.merge import Incoming, merge
from gn_core.protocol import REFERENCE_FORMAT
from gn_core.sync_rules import NATURAL_KEYS, REFERENCE_ENTITIES
from gn_hq.db.models import record_table as record_t
from gn_hq.db.types import utcnow
from gn_hq.services import records
from gn_hq.services.context import HQ_DEVICE_ID, Hq
from gn_hq.services.errors import HqError

FORMAT = REFERENCE_FORMAT
#: the order records are written in (what they point to first)
ORDER = ("campus", "app_user", "partner", "programme", "programme_session", "job_offer", "event")


class InvalidReference(HqError):
    status = 422
    code = "invalid_reference"


def import_reference(hq: Hq, document: Mapping[str, Any], *, dry_run: bool = False) -> dict[str, int]:
    """Write every record of `document` as HQ (inserted, or updated to the file's values). Returns the count of
    records per entity that changed. Raises `InvalidReference` listing every problem, having written nothing."""
    rows = _checked(document)
    written: dict[str, int] = {}
    with hq.write() as tx:
        _check_keys(tx.conn, rows)
        if dry_run:
            return {entity: len(items) for entity, items in rows.items() if items}
        keys = [(entity, item["id"]) for entity, items in rows.items() for item in items]
        stored = records.load(tx.conn, keys)
        now = utcnow()
        new_rows: list[dict[str, Any]] = []
        changed_rows: list[dict[str, Any]] = []
        for entity in ORDER:
            for item in rows.get(entity, []):
                key = (entity, item["id"])
                current = stored.get(key)
                state = current.state if current is not None and not current.state.erased else None
                if current is not None and current.state.erased:
                    continue
                data = state.data if state is not None and not state.deleted else {}
                change = Incoming(
                    op="update" if state is not None else "insert",
                    fields={k: (data.get(k), v) for k, v in item.items() if k != "id"},
                    base_version=state.version if state is not None else 0,
                    stamp=str(hq.clock.now()),
                    device_id=HQ_DEVICE_ID,
                )
                result = merge(state, change)
                if not result.changed:
                    continue
                row = records.columns_of(entity, item["id"], result.state, tx.next_seq(), now)
                (changed_rows if current is not None else new_rows).append(row)
                written[entity] = written.get(entity, 0) + 1
        records.write(tx.conn, new_rows, changed_rows)
    return written


def _checked(document: Mapping[str, Any]) -> dict[str, list[dict[str, Any]]]:
    if not isinstance(document, Mapping) or document.get("format") != FORMAT:
        raise InvalidReference(f"Fichier de référence illisible : le format « {FORMAT} » est attendu.")
    entities = document.get("entities")
    if not isinstance(entities, Mapping):
        raise InvalidReference("Fichier de référence illisible : « entities » manque.")
    errors: list[dict[str, Any]] = []
    rows: dict[str, list[dict[str, Any]]] = {}
    seen_ids: set[tuple[str, str]] = set()
    for entity, items in entities.items():
        if entity not in REFERENCE_ENTITIES:
            errors.append({"entity": str(entity)[:40], "detail": "seules les données de référence se chargent ainsi"})
            continue
        if not isinstance(items, list):
            errors.append({"entity": entity, "detail": "une liste d'enregistrements est attendue"})
            continue
        for index, item in enumerate(items, start=1):
            where = {"entity": entity, "index": index}
            if not isinstance(item, Mapping):
                errors.append({**where, "detail": "un objet est attendu"})
                continue
            record_id = item.get("id")
            if not isinstance(record_id, str) or not value_rules.ID_RE.fullmatch(record_id):
                errors.append({**where, "detail": "identifiant (id) manquant ou invalide"})
                continue
            if (entity, record_id) in seen_ids:
                errors.append({**where, "detail": "identifiant en double dans le fichier"})
                continue
            seen_ids.add((entity, record_id))
            values = {k: v for k, v in item.items() if k != "id"}
            for p in value_rules.problems(entity, values, complete=True):
                errors.append({**where, "id": record_id, "field": p.field, "detail": p.message})
            rows.setdefault(entity, []).append({"id": record_id, **values})
    if errors:
        raise InvalidReference(
            f"Fichier de référence refusé ({len(errors)} problème(s)) : rien n'a été chargé.",
            detail=describe(errors[0]),
            errors=errors[:200],
        )
    return rows


def _check_keys(conn: Any, rows: Mapping[str, list[dict[str, Any]]]) -> None:
    """Campus codes and user names stay unique: within the file, and against other records HQ holds."""
    errors: list[dict[str, Any]] = []
    for entity, key_field in NATURAL_KEYS.items():
        mine: dict[str, str] = {}
        for item in rows.get(entity, []):
            nk = records.natural_key(item.get(key_field))
            if nk is None:
                continue
            if nk in mine and mine[nk] != item["id"]:
                errors.append(
                    {"entity": entity, "id": item["id"], "detail": f"« {key_field} » en double dans le fichier"}
                )
            mine[nk] = item["id"]
        if not mine:
            continue
        held = conn.execute(
            select(record_t.c.natural_key, record_t.c.record_id).where(
                record_t.c.entity == entity, record_t.c.natural_key.in_(sorted(mine)), record_t.c.deleted.is_(False)
            )
        ).all()
        for nk, record_id in held:
            if mine.get(nk) != record_id:
                errors.append(
                    {
                        "entity": entity,
                        "id": mine[nk],
                        "detail": f"« {key_field} » déjà pris par un autre enregistrement",
                    }
                )
    if errors:
        raise InvalidReference(
            f"Fichier de référence refusé ({len(errors)} problème(s)) : rien n'a été chargé.",
            detail=describe(errors[0]),
            errors=errors[:200],
        )


def describe(error: Mapping[str, Any]) -> str:
    where = f"{error.get('entity', '')} n° {error['index']}" if "index" in error else str(error.get("entity", ""))
    return f"{where} : {error['detail']}"
