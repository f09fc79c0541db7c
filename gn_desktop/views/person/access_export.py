"""A person's complete file for them (GDPR art. 15, right of access), written as a readable PDF and as JSON.

The data is the service's (`services.access.person_export`: every record, every history entry, sensitive data
included); this module only lays it out: the PDF with the advisor's words for every field and value (the labels of
the history tab, `RecordLabels`), one section per kind of record, the sensitive data in a section of its own, then
the history. The JSON is the service's document as it is. Threading: main thread only (Qt's text layout).
"""

from __future__ import annotations

import html
import json
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QMarginsF, QObject, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument

from gn_core.domain.normalize import fold
from gn_desktop.services.access import SENSITIVE_ENTITIES, AccessExport
from gn_desktop.views.common import fmt_datetime
from gn_desktop.views.record_labels import RecordLabels

# the kinds of record, in the order the document shows them (the sensitive ones come in their own section)
ORDER = (
    "person",
    "consent",
    "pathway_event",
    "note",
    "appointment",
    "referral",
    "event_registration",
    "startup",
    "startup_founder",
    "startup_action",
    "pre_registration",
    "visit",
)
# fields a reader has no use for: the person's own id on each of their records, the derived ones
_SKIPPED = frozenset({"person_id", "id"})
# records shown with every field, empty ones too (the others: the fields that hold something)
_ALL_FIELDS = frozenset({"person", "consent", "rqth_decision"})


def file_stem(export: AccessExport) -> str:
    """The files' name without extension: the person's folded name and the day of the export."""
    name = "-".join(fold(f"{export.last_name} {export.first_name}").split()) or "personne"
    return f"donnees-{name}-{export.generated_at.astimezone():%Y-%m-%d}"


def write_export(export: AccessExport, directory: Path) -> tuple[Path, Path]:
    """Write `<stem>.pdf` and `<stem>.json` into `directory`; returns both paths."""
    directory.mkdir(parents=True, exist_ok=True)
    stem = file_stem(export)
    pdf, js = directory / f"{stem}.pdf", directory / f"{stem}.json"
    text = json.dumps(export.document(), ensure_ascii=False, indent=1)
    tmp = js.with_name(js.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(js)
    write_pdf(AccessDocument().html(export), pdf, title=AccessDocument().title(export))
    return pdf, js


def write_pdf(document_html: str, path: Path, *, title: str = "") -> None:
    """Lay `document_html` out on A4 pages into the PDF file `path`."""
    writer = QPdfWriter(str(path))
    writer.setTitle(title)
    writer.setCreator("Le Grand Numérique")
    writer.setResolution(150)
    writer.setPageLayout(
        QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait, QMarginsF(15, 15, 15, 15))
    )
    doc = QTextDocument()
    doc.setHtml(document_html)
    doc.setPageSize(QSizeF(writer.width(), writer.height()))
    doc.print_(writer)


class AccessDocument(QObject):
    """The readable document (HTML for `write_pdf`), in the interface language (context `AccessDocument`)."""

    def title(self, export: AccessExport) -> str:
        return self.tr("Personal data of %1").replace("%1", f"{export.first_name} {export.last_name}")

    def html(self, export: AccessExport) -> str:
        labels = RecordLabels()
        parts = [
            "<html><body style='font-family: DejaVu Sans, sans-serif; font-size: 9pt'>",
            f"<h1>{_e(self.title(export))}</h1>",
            "<p>"
            + _e(
                self.tr(
                    "Exported on %1 by %2, at the request of the person (right of access, article 15 of the GDPR). "
                    "This document holds everything recorded about them on this computer: every record and every "
                    "change, with who made it and when. The JSON file beside it holds the same data in a structured "
                    "form."
                )
                .replace("%1", fmt_datetime(export.generated_at))
                .replace("%2", export.generated_by or "—")
            )
            + "</p>",
        ]
        records = export.records
        restricted = [n for n in records.get("note", []) if n.get("restricted")]
        for entity in ORDER:
            rows = [r for r in records.get(entity, []) if not (entity == "note" and r.get("restricted"))]
            if rows:
                parts.append(f"<h2>{_e(self._section(entity))}</h2>")
                parts.extend(self._record(labels, export, entity, row) for row in rows)
        sensitive_title = self.tr("Sensitive data")
        parts.append(f"<h2>{_e(sensitive_title)}</h2>")
        parts.append(
            "<p>"
            + _e(
                self.tr(
                    "Only the people whose work needs it see these data: the disability recognition decision (RQTH, "
                    "its dates only, never a diagnosis) and the restricted notes."
                )
            )
            + "</p>"
        )
        sensitive = [("rqth_decision", r) for e in SENSITIVE_ENTITIES for r in records.get(e, [])]
        sensitive += [("note", r) for r in restricted]
        if not sensitive:
            none = self.tr("None.")
            parts.append(f"<p>{_e(none)}</p>")
        parts.extend(self._record(labels, export, entity, row) for entity, row in sensitive)
        history_title = self.tr("History of changes")
        parts.append(f"<h2>{_e(history_title)}</h2>")
        parts.append(self._history(labels, export))
        parts.append("</body></html>")
        return "\n".join(parts)

    def _section(self, entity: str) -> str:
        sections = {
            "person": self.tr("Identity and situation"),
            "consent": self.tr("Consents"),
            "pathway_event": self.tr("Pathway"),
            "note": self.tr("Follow-up notes"),
            "appointment": self.tr("Appointments"),
            "referral": self.tr("Referrals"),
            "event_registration": self.tr("Events"),
            "startup": self.tr("Business"),
            "startup_founder": self.tr("Business founder"),
            "startup_action": self.tr("Business support action"),
            "pre_registration": self.tr("Kiosk pre-registrations"),
            "visit": self.tr("Kiosk visits"),
        }
        return sections.get(entity, RecordLabels().entity(entity))

    def _record(self, labels: RecordLabels, export: AccessExport, entity: str, row: dict[str, Any]) -> str:
        """One record as a two-column table: the advisor's name of each field, its value as they read it."""
        when = _when(row.get("created_at"))
        recorded = self.tr("recorded on %1").replace("%1", when)
        caption = f"{labels.entity(entity)} — {recorded}"
        lines = [
            f"<p><b>{_e(caption)}</b></p>",
            "<table border='1' cellspacing='0' cellpadding='3' width='100%'>",
        ]
        keys = [k for k in row if k not in _SKIPPED and k not in ("created_at", "updated_at")] + ["updated_at"]
        for key in keys:
            value = row.get(key)
            if value in (None, "", []) and entity not in _ALL_FIELDS:
                continue  # an outcome's fields on an ordinary step, say: nothing to read
            name = labels.field(key) or key
            shown = _named(export, value) if key.endswith("_id") else labels.value(value, key)
            lines.append(f"<tr><td width='32%'>{_e(name)}</td><td>{_e(shown)}</td></tr>")
        lines.append("</table>")
        return "\n".join(lines)

    def _history(self, labels: RecordLabels, export: AccessExport) -> str:
        ops = {"insert": self.tr("created"), "update": self.tr("changed"), "delete": self.tr("deleted")}
        head = [self.tr("When"), self.tr("Who"), self.tr("What"), self.tr("Changes")]
        lines = [
            "<table border='1' cellspacing='0' cellpadding='3' width='100%'>",
            "<tr>" + "".join(f"<th align='left'>{_e(h)}</th>" for h in head) + "</tr>",
        ]
        for h in export.history:
            who = export.names.get(h["user_id"] or "", "") or (
                self.tr("head office") if h["origin"] == "remote" else "—"
            )
            what = f"{labels.entity(h['entity'])} — {ops.get(h['op'], h['op'])}"
            changes = "; ".join(self._changes(labels, export, h["fields"]))
            cells = (_when(h["at"]), who, what, changes)
            lines.append("<tr>" + "".join(f"<td>{_e(c)}</td>" for c in cells) + "</tr>")
        lines.append("</table>")
        return "\n".join(lines)

    def _changes(self, labels: RecordLabels, export: AccessExport, fields: dict[str, Any]) -> Iterable[str]:
        for key, change in sorted(fields.items()):
            if key in _SKIPPED:
                continue
            old = change.get("old") if isinstance(change, dict) else None
            new = change.get("new") if isinstance(change, dict) else change
            if old in (None, "", []) and new in (None, "", []):
                continue

            def shown(value: Any, key: str = key) -> str:
                return _named(export, value) if key.endswith("_id") else labels.value(value, key)

            value = shown(new) if old in (None, "", []) else f"{shown(old)} → {shown(new)}"
            yield self.tr("%1: %2").replace("%1", labels.field(key) or key).replace("%2", value)


def _named(export: AccessExport, value: Any) -> str:
    if value in (None, ""):
        return "—"
    return export.names.get(str(value), str(value))


def _when(value: Any) -> str:
    if not value:
        return "—"
    try:
        return fmt_datetime(datetime.fromisoformat(str(value)))
    except ValueError:
        return str(value)


def _e(text: str) -> str:
    return html.escape(text, quote=False)
