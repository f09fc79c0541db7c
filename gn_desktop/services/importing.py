"""Import of people from the spreadsheets campuses kept before the app, or from an export of another campus.

Accepted files:

- CSV in UTF-8 (with or without BOM) or as Excel in France saves it (cp1252, semicolons); the encoding and the
  separator (; , or tab) are detected. Dates are typed dd/mm/yyyy (ISO yyyy-mm-dd also works).
- JSON (a file ending in .json): a list of objects with the keys of `exporting.export_people(..., "json")`, so an
  export re-imports as is.
- Excel workbooks (.xlsx): the first sheet; a formula cell gives the value Excel last computed, dates are real Excel
  dates or dates typed as text, a merged header is refused naming the cells (see `import_files`).

Columns are recognised by their French or English header, ignoring accents, case, spaces and punctuation ("Prénom",
"first_name", "PRENOM" are one column); unknown columns are ignored and named in the report. Vocabulary cells take the
stored value ("job_seeker") or its French (or English) label ("Demandeur d'emploi (France Travail)"); multi-valued
cells (job families, barriers, benefits) separate their values with | , or ;.

Upsert: a row whose "id" is a person of this store updates that person (only the fields whose columns are in the file;
an empty cell clears the field; only changed fields produce change-log entries). A row with an unknown id creates the
person with that id (an export from another campus keeps its identities); a row without id creates a new person. The
pathway step, enrolment, step and last-contact dates are read only when creating: an existing person changes step
through the pathway, never through an import, so a row asking another step for them is refused.

Consent: people created by an import come from files the campus already kept, not from an intake where they could be
asked; they are recorded with a follow-up consent whose legal basis is public interest (the public-interest mission
of the campuses, as the CNIL social-support framework allows), dated the day of the import.

All or nothing: every row is validated before anything is written. A file with any bad row imports nothing
(`ImportRefused`, listing every bad line and why) unless `skip_bad_rows` is set, in which case the valid rows are
imported and the report lists the skipped lines. Nothing is committed here: the caller's unit of work decides.

Long imports report their progress (reading, checking, writing) between chunks of rows, and stop when cancelled
(`progress.Cancelled`): the caller's unit of work then rolls back, leaving nothing.
"""

from __future__ import annotations

import functools
import re
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from sqlalchemy import select

from gn_core.domain import enums as e
from gn_core.domain.errors import InvalidInput, KnownError
from gn_core.domain.labels import label
from gn_core.domain.normalize import fold, name_key
from gn_core.domain.person import CHOICES, MULTIPLE_CHOICES, PersonForm, clean_person
from gn_core.domain.reference import CURRENT_CONSENT_VERSION, find_commune
from gn_core.domain.validation import parse_date
from gn_core.ids import new_id
from gn_desktop.services.import_files import read_table
from gn_desktop.services.intake import update_person
from gn_desktop.services.progress import SILENT, Cancelled, Phase, Progress
from gn_desktop.services.setup import campus_id_for, ensure_reference_data
from gn_desktop.store import models as m
from gn_desktop.store.changes import bulk_insert
from gn_desktop.store.uow import UnitOfWork

#: how many ids go in one SQL IN (...) list
_CHUNK = 500
#: rows checked, or written, between two progress reports (and cancellation checks)
_STEP = 500
#: people created by one bulk insert (large: a bulk insert costs a few statements whatever its size)
_WRITE_CHUNK = 5000

# --- Columns ---------------------------------------------------------------------------------------------------

#: field -> accepted headers (compared after `fold`); the first one is the French name used in messages
COLUMN_ALIASES: dict[str, tuple[str, ...]] = {
    "id": ("Identifiant", "id", "uuid"),
    "first_name": ("Prénom", "first_name", "first name", "given name", "prénoms"),
    "last_name": ("Nom", "last_name", "last name", "nom de famille", "surname", "family name"),
    "gender": ("Genre", "gender", "sexe"),
    "birth_date": ("Date de naissance", "birth_date", "né le", "née le", "né(e) le", "date of birth", "birthdate"),
    "phone": ("Téléphone", "phone", "tél", "tel", "portable", "mobile", "numéro de téléphone"),
    "email": ("E-mail", "email", "mail", "courriel", "adresse e-mail", "adresse mail"),
    "commune": ("Commune", "commune", "ville", "commune de résidence"),
    "commune_insee": ("Code INSEE", "commune_insee", "code commune"),
    "commune_other": ("Commune hors 93", "commune_other"),
    "situation": ("Situation", "situation"),
    "france_travail_id": (
        "Identifiant France Travail",
        "france_travail_id",
        "n° France Travail",
        "numéro France Travail",
        "ID France Travail",
        "identifiant Pôle emploi",
    ),
    "education_level": ("Niveau", "education_level", "niveau d'études", "niveau de formation", "niveau de diplôme"),
    "benefits": ("Allocations", "benefits", "allocation"),
    "barriers": ("Freins", "barriers", "freins périphériques"),
    "job_families": ("Métiers visés", "job_families", "métier visé", "métiers"),
    "referral_source": ("Orienté par", "referral_source", "orientée par", "orienté(e) par", "prescripteur"),
    "campus": ("Campus", "campus_code", "code campus"),
    "pathway_step": ("Étape", "pathway_step", "étape du parcours", "étape de parcours"),
    "pathway_step_code": ("Code étape", "pathway_step_code"),
    "pathway_since": ("Étape depuis", "pathway_since", "depuis le"),
    "enrolled_on": ("Inscrit le", "enrolled_on", "inscrite le", "inscrit(e) le", "date d'inscription"),
    "last_contact_on": ("Dernier contact", "last_contact_on", "date du dernier contact"),
}
#: columns an export writes for people to read, which an import needs not (not reported as unknown)
INFORMATIONAL_COLUMNS = frozenset(fold(h) for h in ("pathway_step_label", "libellé étape"))
REQUIRED = ("first_name", "last_name")
_HEADER_INDEX: dict[str, str] = {fold(h): fld for fld, headers in COLUMN_ALIASES.items() for h in headers}
_SPLIT = re.compile(r"[|,;]")
#: an export protects cells that a spreadsheet would run as a formula with a leading apostrophe; an import removes it
_FORMULA_GUARD = re.compile(r"^'(?=[=+\-@\t\r])")


def column_name(fld: str) -> str:
    """The French header of a field, as messages name it."""
    return COLUMN_ALIASES[fld][0]


# --- Report ----------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class BadRow:
    line: int  # physical line of the file where the row starts (the header is line 1)
    reasons: tuple[str, ...]  # French, each naming the column and the fix


@dataclass(slots=True)
class ImportReport:
    file_name: str
    rows: int = 0  # data rows read (blank lines not counted)
    created_ids: list[str] = field(default_factory=list)
    updated_ids: list[str] = field(default_factory=list)
    unchanged_ids: list[str] = field(default_factory=list)
    bad_rows: list[BadRow] = field(default_factory=list)
    #: True when bad rows were skipped and the others imported; False when they made the import refused
    skipped_bad_rows: bool = False
    ignored_columns: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def created(self) -> int:
        return len(self.created_ids)

    @property
    def updated(self) -> int:
        return len(self.updated_ids)

    @property
    def unchanged(self) -> int:
        return len(self.unchanged_ids)

    @property
    def skipped_lines(self) -> list[int]:
        return [b.line for b in self.bad_rows] if self.skipped_bad_rows else []

    def bad_lines_text(self) -> list[str]:
        return [f"  ligne {b.line} : {' ; '.join(b.reasons)}" for b in self.bad_rows]

    def describe(self) -> str:
        """A French summary: how many people were created, updated, left unchanged, and which lines were skipped."""
        lines = [f"Import de {self.file_name} : {_count(self.rows, 'ligne lue', 'lignes lues')}."]
        if self.rows == 0:
            lines.append("  Aucune ligne de données dans le fichier : personne n'a été importé.")
        lines.append(f"  Personnes créées : {self.created}")
        lines.append(f"  Personnes mises à jour : {self.updated}")
        lines.append(f"  Personnes inchangées : {self.unchanged}")
        if self.skipped_bad_rows:
            lines.append(f"  Lignes ignorées car en erreur : {len(self.bad_rows)}")
            lines.extend("  " + text for text in self.bad_lines_text())
        if self.ignored_columns:
            names = ", ".join(f"« {c} »" for c in self.ignored_columns)
            lines.append(f"Colonnes non reconnues, ignorées : {names}.")
        lines.extend(f"Attention : {w}" for w in self.warnings)
        return "\n".join(lines)


class ImportRefused(KnownError):
    """The file cannot be imported (unreadable, missing columns, or bad rows without skip_bad_rows): nothing was
    imported. `report.bad_rows` lists every bad line and why."""

    def __init__(self, message: str, report: ImportReport) -> None:
        super().__init__(message)
        self.report = report


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n <= 1 else many}"


def _lines_fr(lines: Sequence[int]) -> str:
    texts = [str(n) for n in lines]
    return texts[0] if len(texts) == 1 else ", ".join(texts[:-1]) + " et " + texts[-1]


# --- Cells -----------------------------------------------------------------------------------------------------


def _cell(value: Any) -> str | list[str] | None:
    """A cell as text (or a list of texts for JSON arrays); empty is None."""
    if value is None:
        return None
    if isinstance(value, list):
        items = [t for t in (_cell(v) for v in value) if isinstance(t, str)]
        return items
    if isinstance(value, bool):
        text = "oui" if value else "non"
    elif isinstance(value, float) and value.is_integer():
        text = str(int(value))
    elif isinstance(value, datetime):
        text = value.date().isoformat()
    elif isinstance(value, date):
        text = value.isoformat()
    else:
        text = str(value)
    text = _FORMULA_GUARD.sub("", text.strip())
    return text or None


def _text(value: str | list[str] | None) -> str | None:
    if isinstance(value, list):
        return ", ".join(value) or None
    return value


def _parts(value: str | list[str] | None) -> list[str]:
    if value is None:
        return []
    items = value if isinstance(value, list) else _SPLIT.split(value)
    return [p.strip() for p in items if p.strip()]


@functools.cache
def _vocabulary(vocab: type[StrEnum]) -> dict[str, str]:
    """Folded value, French and English labels (and labels without their bracketed details) -> value."""
    index: dict[str, str] = {}
    for member in vocab:
        index.setdefault(fold(member.value), member.value)
    for lang in ("fr", "en"):
        for member in vocab:
            text = label(member, lang)
            index.setdefault(fold(text), member.value)
            index.setdefault(fold(text.split("(")[0]), member.value)
    index.pop("", None)
    return index


def _choice(raw: str | None, vocab: type[StrEnum]) -> str | None:
    """The vocabulary value `raw` names, or `raw` unchanged (validation then says it is not recognised)."""
    if raw is None:
        return None
    return _vocabulary(vocab).get(fold(raw), raw)


@functools.lru_cache(maxsize=4096)
def _commune(text: str) -> str:
    """An INSEE code when `text` names a commune of the 93 (cached: files repeat the same few communes)."""
    found = find_commune(text)
    return found.insee if found else text


# --- Rows ------------------------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Row:
    line: int
    cells: dict[str, str | list[str] | None]
    reasons: list[str] = field(default_factory=list)
    person_id: str | None = None
    existing: m.Person | None = None
    form: PersonForm | None = None
    values: dict[str, Any] = field(default_factory=dict)
    campus_id: str | None = None
    step: e.PathwayStep | None = None
    dates: dict[str, date | None] = field(default_factory=dict)


def _form_of(p: m.Person) -> PersonForm:
    """The form that reproduces a stored person (for the columns a file does not have)."""
    return PersonForm(
        first_name=p.first_name,
        last_name=p.last_name,
        birth_date=p.birth_date,
        gender=p.gender,
        phone=p.phone,
        email=p.email,
        commune=p.commune_insee or p.commune_other,
        situation=p.situation,
        france_travail_id=p.france_travail_id,
        education_level=p.education_level,
        benefits=list(p.benefits or []),
        barriers=list(p.barriers or []),
        job_families=list(p.job_families or []),
        referral_source=p.referral_source,
    )


def _build_form(row: _Row, present: set[str]) -> PersonForm:
    form = _form_of(row.existing) if row.existing is not None else PersonForm()
    cells = row.cells
    for fld in ("first_name", "last_name", "birth_date", "phone", "email", "france_travail_id"):
        if fld in present:
            setattr(form, fld, _text(cells.get(fld)) or ("" if fld in REQUIRED else None))
    for fld, vocab in CHOICES.items():
        if fld in present:
            setattr(form, fld, _choice(_text(cells.get(fld)), vocab))
    for fld, vocab in MULTIPLE_CHOICES.items():
        if fld in present:
            setattr(form, fld, [_vocabulary(vocab).get(fold(p), p) for p in _parts(cells.get(fld))])
    commune_columns = [c for c in ("commune_insee", "commune", "commune_other") if c in present]
    if commune_columns:
        texts = [_text(cells.get(c)) for c in commune_columns]
        text = next((t for t in texts if t), None)
        form.commune = _commune(text) if text else None
    return form


def _step(row: _Row, present: set[str]) -> e.PathwayStep | None:
    """The step the row names by its code or its label column (value or label either way); both filled must agree."""
    found: list[tuple[str, e.PathwayStep]] = []
    for fld in ("pathway_step_code", "pathway_step"):
        raw = _text(row.cells.get(fld)) if fld in present else None
        if raw is None:
            continue
        try:
            found.append((fld, e.PathwayStep(_vocabulary(e.PathwayStep).get(fold(raw), raw))))
        except ValueError:
            row.reasons.append(f"{column_name(fld)} : « {raw} » n'est pas une étape de parcours reconnue.")
            return None
    if len({s for _, s in found}) > 1:
        row.reasons.append(
            f"{column_name('pathway_step')} et {column_name('pathway_step_code')} ne désignent pas la même étape "
            f"(« {label(found[1][1])} » et « {label(found[0][1])} ») : corrigez l'une des deux."
        )
        return None
    return found[0][1] if found else None


def _validate(
    row: _Row,
    present: set[str],
    campuses: dict[str, str],
    default_campus: str | None,
    today: date,
    own_campus: str | None = None,
) -> None:
    form = _build_form(row, present)
    row.form = form
    try:
        row.values = clean_person(form, today)
    except InvalidInput as exc:
        row.reasons.extend(err.message for err in exc.errors)
    code = _text(row.cells.get("campus")) if "campus" in present else None
    if code is not None:
        row.campus_id = campuses.get(code.upper())
        if row.campus_id is None:
            known = ", ".join(sorted(campuses))
            row.reasons.append(f"Campus : « {code} » n'est pas un code de campus connu ({known}).")
    elif row.existing is None:
        row.campus_id = default_campus
    if row.existing is None and own_campus is not None and row.campus_id not in (None, own_campus):
        row.reasons.append(
            "Campus : ce poste inscrit les personnes de son campus seulement (le siège refuserait les autres). "
            "Importez cette ligne sur un poste du campus indiqué, ou inscrivez la personne ici puis transférez-la."
        )
    step = _step(row, present)
    if row.existing is not None:
        if step is not None and step != row.existing.pathway_step:
            row.reasons.append(
                f"Étape : la personne est à l'étape « {label(row.existing.pathway_step)} », le fichier indique "
                f"« {label(step)} ». Un import ne change pas l'étape d'un parcours : faites-le depuis sa fiche, "
                "ou remettez l'étape actuelle dans le fichier."
            )
        return
    row.step = step or e.PathwayStep.WELCOME
    for fld in ("enrolled_on", "pathway_since", "last_contact_on"):
        if fld not in present:
            continue
        try:
            row.dates[fld] = parse_date(_text(row.cells.get(fld)), fld, column_name(fld))
        except InvalidInput as exc:
            row.reasons.extend(err.message for err in exc.errors)


def _chunks(items: Sequence[str]) -> Iterator[Sequence[str]]:
    for i in range(0, len(items), _CHUNK):
        yield items[i : i + _CHUNK]


def _check_ids(uow: UnitOfWork, rows: list[_Row], present: set[str]) -> None:
    """Canonical ids; load the people they name; refuse ids repeated in the file or of deleted people."""
    if "id" not in present:
        return
    by_id: dict[str, list[_Row]] = {}
    for row in rows:
        raw = _text(row.cells.get("id"))
        if raw is None:
            continue
        try:
            row.person_id = str(uuid.UUID(raw))
        except ValueError:
            row.reasons.append(
                f"Identifiant : « {raw} » n'est pas un identifiant valide. Laissez la cellule vide pour créer une "
                "nouvelle personne."
            )
            continue
        by_id.setdefault(row.person_id, []).append(row)
    for same in by_id.values():
        if len(same) > 1:
            lines = _lines_fr([r.line for r in same])
            for row in same:
                row.reasons.append(
                    f"Identifiant en double : le même identifiant figure aux lignes {lines} du fichier. "
                    "Gardez une seule ligne par personne."
                )
    ids = list(by_id)
    existing: dict[str, m.Person] = {}
    gone: set[str] = set()
    for chunk in _chunks(ids):
        existing.update((p.id, p) for p in uow.session.scalars(select(m.Person).where(m.Person.id.in_(chunk))))
        gone.update(
            uow.session.scalars(
                select(m.Tombstone.record_id).where(m.Tombstone.entity == "person", m.Tombstone.record_id.in_(chunk))
            )
        )
    for pid, same in by_id.items():
        for row in same:
            row.existing = existing.get(pid)
            if pid in gone:
                row.reasons.append(
                    "Identifiant : cette personne a été supprimée (ou ses données effacées) ; un import ne peut pas "
                    "la recréer. Retirez la ligne, ou videz l'identifiant s'il s'agit d'une nouvelle inscription."
                )


def _check_same_person_twice(rows: list[_Row]) -> None:
    """Rows without id that repeat the name and birth date of another row of the file are refused."""
    groups: dict[tuple[str, date], list[_Row]] = {}
    for row in rows:
        birth = row.values.get("birth_date")
        if birth is None or not row.values.get("first_name"):
            continue
        groups.setdefault((name_key(row.values["first_name"], row.values["last_name"]), birth), []).append(row)
    for same in groups.values():
        if len(same) < 2:
            continue
        for row in same:
            if row.person_id is not None:
                continue  # a row with an id says which record it is
            others = [r.line for r in same if r is not row]
            where = f"qu'à la ligne {others[0]}" if len(others) == 1 else f"qu'aux lignes {_lines_fr(others)}"
            row.reasons.append(
                f"Même nom et même date de naissance {where} : cette personne figure plusieurs fois dans le fichier. "
                "Gardez une seule ligne (ou indiquez l'identifiant de chacune si ce sont bien des personnes "
                "différentes)."
            )


def _warn_already_known(uow: UnitOfWork, creations: list[_Row], report: ImportReport) -> None:
    """Created people sharing name and birth date with someone already in the store: a warning, not a refusal."""
    wanted = {
        (name_key(r.values["first_name"], r.values["last_name"]), r.values["birth_date"]): r.line
        for r in creations
        if r.values.get("birth_date") is not None
    }
    keys = sorted({k for k, _ in wanted})
    lines: list[int] = []
    for chunk in _chunks(keys):
        rows = uow.session.execute(select(m.Person.name_key, m.Person.birth_date).where(m.Person.name_key.in_(chunk)))
        lines.extend(wanted[k] for k in rows if k in wanted)
    if lines:
        lines = sorted(set(lines))
        report.warnings.append(
            f"{_count(len(lines), 'personne créée porte', 'personnes créées portent')} le nom et la date de "
            f"naissance d'une personne déjà enregistrée (lignes {_lines_fr(lines)}). Vérifiez qu'il ne s'agit "
            "pas de doublons ; pour mettre à jour une personne, indiquez son identifiant dans la colonne "
            "« Identifiant » (ou id)."
        )


# --- Writing ---------------------------------------------------------------------------------------------------


def _create(uow: UnitOfWork, rows: list[_Row], today: date, file_name: str) -> list[str]:
    """Insert the people (and their follow-up consent and first pathway event) as `create_person` would, in bulk."""
    people: list[dict[str, Any]] = []
    consents: list[dict[str, Any]] = []
    events: list[dict[str, Any]] = []
    for row in rows:
        pid = row.person_id or new_id()
        step = row.step or e.PathwayStep.WELCOME
        since = row.dates.get("pathway_since") or today
        people.append(
            {
                **row.values,
                "id": pid,
                "campus_id": row.campus_id,
                "advisor_id": None,
                "enrolled_on": row.dates.get("enrolled_on") or today,
                "pathway_step": step,
                "pathway_since": since,
                "last_contact_on": row.dates.get("last_contact_on", today),
            }
        )
        consents.append(
            {
                "person_id": pid,
                "purpose": e.ConsentPurpose.FOLLOW_UP,
                "legal_basis": e.LegalBasis.PUBLIC_INTEREST,
                "text_version": CURRENT_CONSENT_VERSION,
                "given_on": today,
                "withdrawn_on": None,
            }
        )
        events.append(
            {
                "person_id": pid,
                "from_step": None,
                "to_step": step,
                "occurred_on": since,
                "author_id": uow.user_id,
                "comment": f"Inscription importée depuis {file_name}",
            }
        )
    # Rows with the same empty columns go together: the bulk INSERT then runs in a few large batches, not thousands.
    order = sorted(range(len(people)), key=lambda i: tuple(v is None for v in people[i].values()))
    bulk_insert(uow.session, m.Person, [people[i] for i in order])
    ids = [p["id"] for p in people]
    bulk_insert(uow.session, m.Consent, consents)
    bulk_insert(uow.session, m.PathwayEvent, events)
    return ids


def _update(uow: UnitOfWork, row: _Row, today: date) -> bool:
    """Apply the row to its person through `update_person`; False when nothing changed (nothing is written)."""
    person = row.existing
    assert person is not None and row.form is not None and row.person_id is not None
    campus_id = row.campus_id if row.campus_id is not None and row.campus_id != person.campus_id else None
    moved = campus_id is not None
    same = all(
        (list(current) if isinstance(current := getattr(person, key), list) else current) == value
        for key, value in row.values.items()
    )
    if same and not moved:
        return False  # what update_person would find, without validating the row a second time
    changed = update_person(uow, row.person_id, row.form, today)
    if campus_id is not None:
        person.campus_id = campus_id
        uow.session.flush()
        changed.add("campus_id")
    return bool(changed)


# --- Entry point -----------------------------------------------------------------------------------------------


def _map_columns(headers: Sequence[str], report: ImportReport) -> dict[str, str]:
    """field -> header of the file; refuses a file whose header lacks the required columns or repeats one."""
    mapping: dict[str, str] = {}
    for header in headers:
        key = fold(header)
        fld = _HEADER_INDEX.get(key)
        if fld is None:
            if key and key not in INFORMATIONAL_COLUMNS:
                report.ignored_columns.append(header)
            continue
        if fld in mapping:
            raise ImportRefused(
                f"Les colonnes « {mapping[fld]} » et « {header} » désignent la même information "
                f"({column_name(fld)}) : gardez-en une seule.",
                report,
            )
        mapping[fld] = header
    missing = [column_name(f) for f in REQUIRED if f not in mapping]
    if missing:
        found = ", ".join(f"« {h} »" for h in headers if h) or "aucune"
        names = " et ".join(f"« {c} »" for c in missing)
        raise ImportRefused(
            f"Colonne{'s' if len(missing) > 1 else ''} obligatoire{'s' if len(missing) > 1 else ''} absente"
            f"{'s' if len(missing) > 1 else ''} : {names}. La première ligne du fichier doit être l'en-tête des "
            f"colonnes, avec au moins « Prénom » et « Nom » (colonnes trouvées : {found}).",
            report,
        )
    return mapping


def import_file(
    uow: UnitOfWork,
    path: Path,
    *,
    campus_code: str | None,
    skip_bad_rows: bool,
    today: date,
    progress: Progress = SILENT,
) -> ImportReport:
    """Import (create or update) the people of a CSV, JSON or xlsx file in the caller's unit of work; see the module
    doc.

    `campus_code` is the campus of created people whose row has no campus (default: this device's campus).
    Raises `ImportRefused` (nothing written) for an unreadable file, missing columns, or bad rows unless
    `skip_bad_rows`, in which case the valid rows are imported and the report lists the skipped lines.
    Raises `Cancelled` when `progress` says so: the caller's unit of work must then be rolled back.
    """
    try:
        return _import(uow, path, campus_code, skip_bad_rows, today, progress)
    except Cancelled:
        raise Cancelled("Import annulé : aucune personne n'a été importée ni modifiée.") from None


def _import(
    uow: UnitOfWork, path: Path, campus_code: str | None, skip_bad_rows: bool, today: date, progress: Progress
) -> ImportReport:
    report = ImportReport(file_name=path.name)
    campuses = ensure_reference_data(uow)
    try:
        table = read_table(path, progress)
    except Cancelled:
        raise
    except KnownError as exc:
        raise ImportRefused(exc.message, report) from None
    report.warnings.extend(table.warnings)
    if not table.headers:
        raise ImportRefused(f"Le fichier {path.name} est vide : il n'y a personne à importer.", report)
    mapping = _map_columns(table.headers, report)
    present = set(mapping)
    rows: list[_Row] = []
    for line, raw, problem in table.records:
        cells = {fld: _cell(raw.get(header)) for fld, header in mapping.items()}
        if problem is None and not any(cells.values()):
            continue  # a blank row (Excel often leaves some at the end)
        row = _Row(line, cells)
        if problem is not None:
            row.reasons.append(problem)
        rows.append(row)
    report.rows = len(rows)

    _check_ids(uow, rows, present)
    default_campus: str | None = None
    if any(r.existing is None and not _text(r.cells.get("campus")) for r in rows):
        try:
            default_campus = campus_id_for(uow, campus_code)
        except KnownError as exc:
            raise ImportRefused(exc.message, report) from None
    for i, row in enumerate(rows):
        if i % _STEP == 0:
            progress.step(Phase.CHECK, i, len(rows))
        if any(row.cells.values()):
            _validate(row, present, campuses, default_campus, today, uow.campus_id)
    progress.step(Phase.CHECK, len(rows), len(rows))
    _check_same_person_twice(rows)

    report.bad_rows = [BadRow(r.line, tuple(r.reasons)) for r in rows if r.reasons]
    if report.bad_rows and not skip_bad_rows:
        n = len(report.bad_rows)
        raise ImportRefused(
            "\n".join(
                [
                    f"Import refusé : {_count(n, 'ligne est', 'lignes sont')} en erreur dans {path.name}, "
                    "aucune personne n'a été importée.",
                    *report.bad_lines_text(),
                    "Corrigez ces lignes et relancez l'import, ou importez seulement les lignes valides "
                    "(option --skip-bad-rows).",
                ]
            ),
            report,
        )
    report.skipped_bad_rows = bool(report.bad_rows)
    _write(uow, [r for r in rows if not r.reasons], report, today, path.name, progress)
    return report


def _write(
    uow: UnitOfWork, good: list[_Row], report: ImportReport, today: date, file_name: str, progress: Progress
) -> None:
    """Update the existing people, then create the new ones in large bulk inserts, reporting progress."""
    done = 0
    for row in good:
        if row.existing is not None:
            (report.updated_ids if _update(uow, row, today) else report.unchanged_ids).append(row.existing.id)
            done += 1
            if done % _STEP == 0:
                progress.step(Phase.WRITE, done, len(good))
    creations = [r for r in good if r.existing is None]
    _warn_already_known(uow, creations, report)
    for i in range(0, len(creations), _WRITE_CHUNK):
        progress.step(Phase.WRITE, done + i, len(good))
        report.created_ids.extend(_create(uow, creations[i : i + _WRITE_CHUNK], today, file_name))
    progress.step(Phase.WRITE, len(good), len(good))
