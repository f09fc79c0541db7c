"""Reading the files an import accepts into one shape (`Table`): CSV, JSON and Excel workbooks (.xlsx).

- CSV in UTF-8 (with or without BOM) or as Excel in France saves it (cp1252, semicolons); the encoding and the
  separator (; , or tab) are detected.
- JSON: a list of objects, each row knowing the line it starts on.
- .xlsx: the first sheet, read with openpyxl in read-only mode and `data_only`, so a formula cell gives the value Excel
  last computed (what the person saw). Dates Excel knows as dates come as dates; dates typed as text are read by the
  import like CSV cells. The first non-empty row is the header: merged cells there are refused (a merged title above
  the columns, or one title over two columns, leaves columns without a name), naming the cells to unmerge.
  A row's line is its row number in Excel.
"""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gn_core.domain.errors import KnownError
from gn_desktop.services.progress import SILENT, Phase, Progress

#: rows read between two progress reports
_STEP = 500


@dataclass(slots=True)
class Table:
    """A file's header and rows, whatever its format."""

    headers: list[str]
    #: (line, cells by header); `extra` holds a French problem with the row's shape, if any
    records: list[tuple[int, dict[str, Any], str | None]]
    #: French remarks on how the file was read (another sheet ignored...), for the report
    warnings: list[str] = field(default_factory=list)


def _decode(data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        raise KnownError(
            "Encodage du fichier non reconnu : enregistrez-le depuis Excel au format « CSV UTF-8 » ou « CSV "
            "(séparateur : point-virgule) »."
        ) from None


def _delimiter(text: str) -> str:
    for line in text.splitlines():
        if line.strip():
            counts = {d: line.count(d) for d in (";", ",", "\t")}
            best = max(counts, key=lambda d: counts[d])
            return best if counts[best] else ","
    return ","


def _read_csv(text: str) -> Table:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    headers: list[str] | None = None
    records: list[tuple[int, dict[str, Any], str | None]] = []
    start = 1
    try:
        for row in reader:
            line, start = start, reader.line_num + 1
            if not any(cell.strip() for cell in row):
                continue
            if headers is None:
                headers = [cell.strip() for cell in row]
                continue
            extra = None
            if len(row) > len(headers) and any(cell.strip() for cell in row[len(headers) :]):
                extra = (
                    f"La ligne compte {len(row)} valeurs alors que l'en-tête compte {len(headers)} colonnes : "
                    "une valeur contient sans doute le séparateur sans être entre guillemets."
                )
            records.append((line, dict(zip(headers, row, strict=False)), extra))
    except csv.Error as exc:
        raise KnownError(f"Le fichier CSV est mal formé vers la ligne {reader.line_num} ({exc}).") from None
    return Table(headers or [], records)


def _skip_blank(text: str, pos: int) -> int:
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos


def _read_json(text: str) -> Table:
    """A JSON list of objects, parsed one element at a time so each row knows the line it starts on."""
    decoder = json.JSONDecoder()
    try:
        pos = _skip_blank(text, 0)
        if pos >= len(text):
            return Table([], [])
        if text[pos] != "[":
            raise KnownError("Le fichier JSON doit contenir une liste de personnes ([ {...}, {...} ]).")
        headers: dict[str, None] = {}
        records: list[tuple[int, dict[str, Any], str | None]] = []
        line, counted = 1, 0
        pos = _skip_blank(text, pos + 1)
        if text.startswith("]", pos):
            return Table([], [])
        while True:
            line += text.count("\n", counted, pos)
            counted = pos
            obj, pos = decoder.raw_decode(text, pos)
            if isinstance(obj, dict):
                headers.update(dict.fromkeys(str(k) for k in obj))
                records.append((line, {str(k): v for k, v in obj.items()}, None))
            else:
                records.append((line, {}, "L'élément n'est pas un objet { ... } décrivant une personne."))
            pos = _skip_blank(text, pos)
            if text.startswith("]", pos):
                break
            if not text.startswith(",", pos):
                raise json.JSONDecodeError("expected , or ]", text, pos)
            pos = _skip_blank(text, pos + 1)
    except json.JSONDecodeError as exc:
        raise KnownError(
            f"Le fichier JSON est mal formé vers la ligne {exc.lineno}, colonne {exc.colno} : vérifiez les "
            "virgules, les guillemets et les crochets à cet endroit."
        ) from None
    return Table(list(headers), records)


def _merged_ranges(archive: zipfile.ZipFile, member: str) -> Iterator[str]:
    """The merged ranges ("A1:C1") of a sheet, read from its XML as a stream (they follow the cell data)."""
    pattern = re.compile(rb'<(?:\w+:)?mergeCell\s+ref="([A-Z]+[0-9]+(?::[A-Z]+[0-9]+)?)"')
    tail = b""
    with archive.open(member) as f:
        while chunk := f.read(1 << 20):
            data = tail + chunk
            end = 0
            for found in pattern.finditer(data):
                end = found.end()
                yield found.group(1).decode()
            tail = data[max(end, len(data) - 200) :]


def _merged_in_row(archive: Any, member: str | None, row: int) -> list[str]:
    """The merged ranges that cross the sheet's row `row` (1-based)."""
    if archive is None or member is None:
        return []
    from openpyxl.utils.cell import range_boundaries

    hits = []
    for ref in _merged_ranges(archive, member):
        _, min_row, _, max_row = range_boundaries(ref)
        if min_row is not None and max_row is not None and min_row <= row <= max_row and ":" in ref:
            hits.append(ref)
    return hits


def _header_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _read_xlsx(path: Path, progress: Progress) -> Table:
    from openpyxl import load_workbook

    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError):
        raise KnownError(
            f"{path.name} n'est pas un classeur Excel lisible : ouvrez-le dans Excel et enregistrez-le à nouveau au "
            "format « Classeur Excel (.xlsx) », ou en « CSV (séparateur : point-virgule) »."
        ) from None
    try:
        ws = wb.worksheets[0]
        table = Table([], [])
        if len(wb.worksheets) > 1:
            table.warnings.append(
                f"le classeur compte {len(wb.worksheets)} feuilles : seule la première, « {ws.title} », a été lue."
            )
        total = int(getattr(ws, "max_row", 0) or 0)
        for number, values in enumerate(ws.iter_rows(values_only=True), start=1):
            if number % _STEP == 0:
                progress.step(Phase.READ, number, total)
            if not any(v is not None and str(v).strip() for v in values):
                continue
            if not table.headers:
                merged = _merged_in_row(getattr(wb, "_archive", None), getattr(ws, "_worksheet_path", None), number)
                if merged:
                    cells = ", ".join(merged)
                    raise KnownError(
                        f"L'en-tête du classeur {path.name} (ligne {number}, feuille « {ws.title} ») contient des "
                        f"cellules fusionnées : {cells}. Défusionnez-les (Accueil > Fusionner et centrer) pour que "
                        "chaque colonne ait son propre titre sur une seule ligne, puis importez à nouveau."
                    )
                table.headers = [_header_text(v) for v in values]
                continue
            width = len(table.headers)
            extra = None
            if len(values) > width and any(v is not None and str(v).strip() for v in values[width:]):
                extra = (
                    f"La ligne a des valeurs au-delà de la dernière colonne de l'en-tête ({width} colonnes) : "
                    "donnez un titre à ces colonnes ou videz ces cellules."
                )
            table.records.append((number, dict(zip(table.headers, values, strict=False)), extra))
        return table
    finally:
        wb.close()


def _is_workbook(path: Path, data: bytes) -> bool:
    return data.startswith(b"PK\x03\x04") or path.suffix.lower() in (".xlsx", ".xlsm")


def read_table(path: Path, progress: Progress = SILENT) -> Table:
    """The file at `path` as a `Table`; `KnownError` (French, saying what to do) when it cannot be read."""
    if path.suffix.lower() in (".xls", ".ods"):
        raise KnownError(
            f"{path.name} est un classeur d'un format que l'import ne lit pas : dans Excel ou LibreOffice, choisissez "
            "« Enregistrer sous » puis « Classeur Excel (.xlsx) » ou « CSV (séparateur : point-virgule) »."
        )
    try:
        with path.open("rb") as f:
            start = f.read(4)
        if _is_workbook(path, start):
            return _read_xlsx(path, progress)
        data = path.read_bytes()
    except FileNotFoundError:
        raise KnownError(f"Fichier introuvable : {path}.") from None
    except OSError as exc:
        raise KnownError(f"Impossible de lire le fichier {path} : {exc.strerror or exc}.") from None
    text = _decode(data)
    if path.suffix.lower() == ".json":
        return _read_json(text)
    return _read_csv(text)
