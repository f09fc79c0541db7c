"""Export of people with their current pathway step, as CSV (for Excel in France), JSON (re-importable) or xlsx.

What is exported: each person's identity and contact fields, situation, education level, benefits, barriers, job
families, who referred them, their campus (by code), their current pathway step (value and French label) and its
date, enrolment and last-contact dates. What never is: follow-up notes (free text) and anything about an RQTH decision
(sensitive data); those tables are not even read.

- CSV: UTF-8 with BOM, semicolons, dd/mm/yyyy dates, French headers and French labels, so Excel in France opens it
  right; multi-valued cells separate labels with " | ". It re-imports too (headers and labels are recognised).
- JSON: a list of objects, one a line, with stable English keys, stored vocabulary values and ISO dates, including
  "id"; `importing.import_file` re-imports it into another store with the same ids and values.
- xlsx: the CSV's columns in a workbook, dates as real dates.

Cells a spreadsheet would run as a formula (text starting with = + - @) are written as text: with a leading
apostrophe in CSV (the import removes it), as a text cell in xlsx.

Rows are streamed (columns only, `yield_per`), so exporting 100,000 people does not load 100,000 ORM objects.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
from collections.abc import Callable, Iterator
from datetime import date, datetime, time
from enum import StrEnum
from pathlib import Path
from typing import Any, TextIO

from sqlalchemy import Select, select

from gn_core.domain import enums as e
from gn_core.domain.enums import AuditAction
from gn_core.domain.errors import KnownError
from gn_core.domain.labels import label
from gn_core.domain.reference import COMMUNES_BY_INSEE
from gn_core.domain.validation import format_phone
from gn_desktop.services import audit
from gn_desktop.store import models as m
from gn_desktop.store.uow import UnitOfWork

FORMATS = ("csv", "json", "xlsx")
_BATCH = 1000

#: JSON keys, in order; each is also a column `importing` recognises
JSON_KEYS = (
    "id",
    "first_name",
    "last_name",
    "gender",
    "birth_date",
    "phone",
    "email",
    "commune_insee",
    "commune_other",
    "situation",
    "france_travail_id",
    "education_level",
    "benefits",
    "barriers",
    "job_families",
    "referral_source",
    "campus_code",
    "pathway_step",
    "pathway_step_label",
    "pathway_since",
    "enrolled_on",
    "last_contact_on",
)

_PERSON_COLUMNS = (
    m.Person.id,
    m.Person.first_name,
    m.Person.last_name,
    m.Person.gender,
    m.Person.birth_date,
    m.Person.phone,
    m.Person.email,
    m.Person.commune_insee,
    m.Person.commune_other,
    m.Person.situation,
    m.Person.france_travail_id,
    m.Person.education_level,
    m.Person.benefits,
    m.Person.barriers,
    m.Person.job_families,
    m.Person.referral_source,
    m.Person.pathway_step,
    m.Person.pathway_since,
    m.Person.enrolled_on,
    m.Person.last_contact_on,
)


def _people_query() -> Select[*tuple[Any, ...]]:
    """Every person's exported columns (plus "campus_code"), oldest first (`extracts` narrows it to a period)."""
    return (
        select(*_PERSON_COLUMNS, m.Campus.code.label("campus_code"))
        .join(m.Campus, m.Campus.id == m.Person.campus_id)
        .order_by(m.Person.id)  # UUIDv7: creation order, and stable across an export and its re-import
    )


def _people(uow: UnitOfWork) -> Iterator[dict[str, Any]]:
    """Every person as a dict of Python values (plus "campus_code"), oldest first, fetched in batches."""
    stmt = _people_query().execution_options(yield_per=_BATCH)
    for row in uow.session.execute(stmt):
        yield dict(row._mapping)


# --- Value formatting ------------------------------------------------------------------------------------------


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _fr_date(value: date | None) -> str:
    return f"{value:%d/%m/%Y}" if value is not None else ""


def _value(value: StrEnum | None) -> str | None:
    return value.value if value is not None else None


def _label(value: StrEnum | str | None, vocab: type[StrEnum] | None = None) -> str:
    if value is None or value == "":
        return ""
    if not isinstance(value, StrEnum) and vocab is not None:
        try:
            value = vocab(value)
        except ValueError:
            return str(value)
    return label(value, "fr") if isinstance(value, StrEnum) else str(value)


def _labels(values: list[str] | None, vocab: type[StrEnum]) -> str:
    return " | ".join(sorted(_label(v, vocab) for v in values or []))


def _commune_text(p: dict[str, Any]) -> str:
    insee = p["commune_insee"]
    if insee:
        commune = COMMUNES_BY_INSEE.get(insee)
        return commune.name if commune else insee
    return p["commune_other"] or ""


def _json_record(p: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": p["id"],
        "first_name": p["first_name"],
        "last_name": p["last_name"],
        "gender": _value(p["gender"]),
        "birth_date": _iso(p["birth_date"]),
        "phone": p["phone"],
        "email": p["email"],
        "commune_insee": p["commune_insee"],
        "commune_other": p["commune_other"],
        "situation": _value(p["situation"]),
        "france_travail_id": p["france_travail_id"],
        "education_level": _value(p["education_level"]),
        "benefits": sorted(p["benefits"] or []),
        "barriers": sorted(p["barriers"] or []),
        "job_families": sorted(p["job_families"] or []),
        "referral_source": _value(p["referral_source"]),
        "campus_code": p["campus_code"],
        "pathway_step": _value(p["pathway_step"]),
        "pathway_step_label": _label(p["pathway_step"]),
        "pathway_since": _iso(p["pathway_since"]),
        "enrolled_on": _iso(p["enrolled_on"]),
        "last_contact_on": _iso(p["last_contact_on"]),
    }


#: (French header, cell for a person): the columns of the CSV and xlsx exports; headers `importing` recognises
SHEET_COLUMNS: tuple[tuple[str, Callable[[dict[str, Any]], Any]], ...] = (
    ("Identifiant", lambda p: p["id"]),
    ("Prénom", lambda p: p["first_name"]),
    ("Nom", lambda p: p["last_name"]),
    ("Genre", lambda p: _label(p["gender"])),
    ("Date de naissance", lambda p: p["birth_date"]),
    ("Téléphone", lambda p: format_phone(p["phone"])),
    ("E-mail", lambda p: p["email"] or ""),
    ("Commune", _commune_text),
    ("Situation", lambda p: _label(p["situation"])),
    ("Identifiant France Travail", lambda p: p["france_travail_id"] or ""),
    ("Niveau", lambda p: _label(p["education_level"])),
    ("Allocations", lambda p: _labels(p["benefits"], e.Benefit)),
    ("Freins", lambda p: _labels(p["barriers"], e.BarrierTheme)),
    ("Métiers visés", lambda p: _labels(p["job_families"], e.JobFamily)),
    ("Orienté par", lambda p: _label(p["referral_source"])),
    ("Campus", lambda p: p["campus_code"]),
    ("Étape", lambda p: _label(p["pathway_step"])),
    ("Code étape", lambda p: _value(p["pathway_step"])),
    ("Étape depuis", lambda p: p["pathway_since"]),
    ("Inscrit le", lambda p: p["enrolled_on"]),
    ("Dernier contact", lambda p: p["last_contact_on"]),
)

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return _fr_date(value)
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


# --- Writers ---------------------------------------------------------------------------------------------------


@contextlib.contextmanager
def _text_out(out: Path | TextIO, encoding: str) -> Iterator[TextIO]:
    """A text stream in `encoding` on a file (written beside it, then moved in place) or an open stream.

    A stream with a byte buffer (standard output) is written in `encoding` whatever the console's own encoding;
    a pure text stream (StringIO) gets the text, with the BOM character first for "utf-8-sig".
    """
    if isinstance(out, Path):
        with _replacing(out) as tmp, tmp.open("w", encoding=encoding, newline="") as f:
            yield f
    elif hasattr(out, "buffer"):
        out.flush()
        wrapper = io.TextIOWrapper(out.buffer, encoding=encoding, newline="")
        try:
            yield wrapper
        finally:
            wrapper.flush()
            wrapper.detach()
    else:
        if encoding == "utf-8-sig":
            out.write("\ufeff")
        yield out


@contextlib.contextmanager
def _replacing(out: Path) -> Iterator[Path]:
    """A temporary path beside `out`, moved onto it on success, removed on failure: never a half-written export."""
    tmp = out.with_name(out.name + ".partiel")
    try:
        yield tmp
        os.replace(tmp, out)
    except OSError as exc:
        raise KnownError(f"Impossible d'écrire {out} : {exc.strerror or exc}.") from None
    finally:
        tmp.unlink(missing_ok=True)


def _write_csv(uow: UnitOfWork, out: Path | TextIO) -> int:
    count = 0
    with _text_out(out, "utf-8-sig") as f:
        writer = csv.writer(f, delimiter=";", lineterminator="\r\n")
        writer.writerow([header for header, _ in SHEET_COLUMNS])
        for p in _people(uow):
            writer.writerow([_csv_cell(cell(p)) for _, cell in SHEET_COLUMNS])
            count += 1
    return count


def _write_json(uow: UnitOfWork, out: Path | TextIO) -> int:
    count = 0
    with _text_out(out, "utf-8") as f:
        f.write("[")
        for p in _people(uow):
            f.write(",\n" if count else "\n")
            f.write(json.dumps(_json_record(p), ensure_ascii=False))
            count += 1
        f.write("\n]\n" if count else "]\n")
    return count


def _write_xlsx(uow: UnitOfWork, out: Path) -> int:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Personnes")
    ws.freeze_panes = "A2"
    bold = Font(bold=True)
    header = []
    for title, _ in SHEET_COLUMNS:
        cell = WriteOnlyCell(ws, value=title)
        cell.font = bold
        header.append(cell)
    ws.append(header)
    count = 0
    for p in _people(uow):
        cells: list[Any] = []
        for _, get in SHEET_COLUMNS:
            value = get(p)
            if value == "":
                value = None  # no cell at all: smaller and faster to write
            elif isinstance(value, date):
                cell = WriteOnlyCell(ws, value=datetime.combine(value, time()))
                cell.number_format = "DD/MM/YYYY"
                value = cell
            elif isinstance(value, str) and value.startswith("="):
                cell = WriteOnlyCell(ws, value=value)
                cell.data_type = "s"  # text, never a formula
                value = cell
            cells.append(value)
        ws.append(cells)
        count += 1
    with _replacing(out) as tmp:
        wb.save(tmp)
    return count


def export_people(uow: UnitOfWork, fmt: str, out: Path | TextIO) -> int:
    """Write every person with their current pathway step to `out` as csv, json or xlsx; returns how many.

    `out` is a path (written atomically) or an open text stream (csv and json only). Notes and RQTH data are never
    exported. The export is recorded in the audit trail in `uow` (a write unit of work: the caller commits it).
    """
    fmt = fmt.lower()
    if fmt not in FORMATS:
        raise KnownError(f"Format d'export « {fmt} » inconnu : choisissez csv, json ou xlsx.")
    if fmt == "csv":
        count = _write_csv(uow, out)
    elif fmt == "json":
        count = _write_json(uow, out)
    elif not isinstance(out, Path):
        raise KnownError("Un export xlsx doit être écrit dans un fichier (ex. --out personnes.xlsx).")
    else:
        count = _write_xlsx(uow, out)
    # in the caller's transaction: an export that failed (raised above) records nothing
    audit.record(uow, AuditAction.PEOPLE_EXPORT, detail=f"format={fmt} rows={count}")
    return count
