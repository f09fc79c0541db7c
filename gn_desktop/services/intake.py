"""Intake: validate what an advisor typed, look for likely duplicates, create or update a person.

The fields are checked by `gn_core.domain.person` (`PersonForm`, `clean_person`, `consent_problems`: the one
validation of a person's form, also used by the importer, the kiosk and the wizard's inline messages).

Search before create: `likely_matches` finds people who may be the same (same name and birth date, same phone,
email or France Travail id, or a name a few letters away with the same birth date); `create_person` refuses to
create while such matches exist unless the advisor confirms it is someone else.

Correcting a file later: `editable_person` gives the person's fields as the form shows them, with the record's
version; `update_person(..., base=...)` refuses to write over a change made meanwhile (another PC's, received by the
synchronisation, or another window's) to a field of the form: it raises `PersonChangedElsewhere` with the new values,
so the advisor sees them and applies their corrections again. Nothing is overwritten silently.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from rapidfuzz.distance import Levenshtein
from sqlalchemy import or_, select

from gn_core.domain import enums as e
from gn_core.domain.errors import KnownError
from gn_core.domain.normalize import fold, name_key
from gn_core.domain.person import (
    COLUMNS,
    LABELS,
    PERSON_FIELDS,
    PersonForm,
    check_person,
    clean_person,
    consent_problems,
    form_values,
)
from gn_core.domain.reference import CURRENT_CONSENT_VERSION
from gn_core.domain.validation import Collector
from gn_desktop.services import consents as consent_service
from gn_desktop.services.common import get_or_fail
from gn_desktop.services.rqth import CONSENT_NEEDED, RqthInput, clean_rqth
from gn_desktop.store import models as m
from gn_desktop.store.uow import UnitOfWork

#: names this many edits apart (after folding) count as a likely match when the birth date is the same
NAME_DISTANCE = 3


@dataclass(slots=True)
class ConsentInput:
    purpose: str
    legal_basis: str = e.LegalBasis.CONSENT.value
    text_version: str = CURRENT_CONSENT_VERSION
    given_on: date | None = None


__all__ = [
    "ConsentInput",
    "EditablePerson",
    "LikelyMatch",
    "PersonChangedElsewhere",
    "PersonForm",
    "PossibleDuplicates",
    "RqthInput",
    "create_person",
    "editable_person",
    "likely_matches",
    "update_person",
    "withdraw_consent",
]


@dataclass(frozen=True, slots=True)
class LikelyMatch:
    person_id: str
    first_name: str
    last_name: str
    birth_date: date | None
    campus_name: str
    reasons: tuple[str, ...]  # French, e.g. "même téléphone"


class PossibleDuplicates(KnownError):
    """Likely matches exist; the advisor must open one of them or confirm the person is someone else."""

    def __init__(self, matches: list[LikelyMatch]) -> None:
        self.matches = matches
        names = ", ".join(f"{mm.first_name} {mm.last_name}" for mm in matches[:3])
        super().__init__(
            f"Cette personne est peut-être déjà inscrite ({names}). Ouvrez sa fiche, ou confirmez qu'il s'agit "
            "d'une autre personne."
        )


def likely_matches(
    uow: UnitOfWork,
    first_name: str,
    last_name: str,
    birth_date: date | None = None,
    phone: str | None = None,
    email: str | None = None,
    france_travail_id: str | None = None,
    exclude_id: str | None = None,
) -> list[LikelyMatch]:
    """People who may be the one being registered, with the French reasons why, best first."""
    key = name_key(first_name, last_name)
    reasons: dict[str, list[str]] = {}

    def add(pid: str, why: str) -> None:
        if pid != exclude_id and why not in reasons.setdefault(pid, []):
            reasons[pid].append(why)

    s = uow.session
    exact = [m.Person.name_key == key]
    if phone:
        exact.append(m.Person.phone == phone)
    if email:
        exact.append(m.Person.email == email)
    if france_travail_id:
        exact.append(m.Person.france_travail_id == france_travail_id)
    if birth_date:
        exact.append(m.Person.birth_date == birth_date)
    rows = s.execute(
        select(
            m.Person.id,
            m.Person.name_key,
            m.Person.birth_date,
            m.Person.phone,
            m.Person.email,
            m.Person.france_travail_id,
        ).where(or_(*exact))
    ).all()
    for pid, pkey, pbirth, pphone, pemail, pft in rows:
        same_birth = birth_date is not None and pbirth == birth_date
        if pkey == key and same_birth:
            add(pid, "même nom et même date de naissance")
        elif pkey == key and (birth_date is None or pbirth is None):
            add(pid, "même nom")
        elif same_birth and Levenshtein.distance(pkey, key) <= NAME_DISTANCE:
            add(pid, "nom très proche et même date de naissance")
        if phone and pphone == phone:
            add(pid, "même téléphone")
        if email and pemail == email:
            add(pid, "même e-mail")
        if france_travail_id and pft == france_travail_id:
            add(pid, "même identifiant France Travail")
    if not reasons:
        return []
    people = s.execute(
        select(m.Person, m.Campus.name)
        .join(m.Campus, m.Campus.id == m.Person.campus_id)
        .where(m.Person.id.in_(reasons))
    ).all()
    out = [
        LikelyMatch(p.id, p.first_name, p.last_name, p.birth_date, campus_name, tuple(reasons[p.id]))
        for p, campus_name in people
    ]
    out.sort(key=lambda mm: (-len(mm.reasons), fold(mm.last_name), fold(mm.first_name)))
    return out


def create_person(
    uow: UnitOfWork,
    form: PersonForm,
    consents: list[ConsentInput],
    *,
    campus_id: str,
    advisor_id: str | None = None,
    today: date,
    rqth: RqthInput | None = None,
    confirmed_new: bool = False,
) -> str:
    """Create a person with their consents, the first pathway step and optionally an RQTH decision.

    Raises InvalidInput for bad fields, PossibleDuplicates when likely matches exist and `confirmed_new` is False.
    Does not commit: the caller's unit of work decides.
    """
    c = Collector()
    values, problems = check_person(form, today)
    c.errors.extend(problems)
    purposes = {cc.purpose for cc in consents}
    c.errors.extend(consent_problems(purposes, [cc.legal_basis for cc in consents]))
    rqth_values: dict[str, Any] | None = None
    if rqth is not None:
        if e.ConsentPurpose.RQTH_RECORDING.value not in purposes:
            c.add("rqth", CONSENT_NEEDED)
        rqth_values = clean_rqth(rqth, c)
    c.raise_if_any()
    get_or_fail(uow, m.Campus, campus_id)
    if not confirmed_new:
        matches = likely_matches(
            uow,
            values["first_name"],
            values["last_name"],
            values["birth_date"],
            values["phone"],
            values["email"],
            values["france_travail_id"],
        )
        if matches:
            raise PossibleDuplicates(matches)
    person = m.Person(
        **values,
        campus_id=campus_id,
        advisor_id=advisor_id,
        enrolled_on=today,
        pathway_step=e.PathwayStep.WELCOME,
        pathway_since=today,
        last_contact_on=today,
    )
    uow.session.add(person)
    uow.session.flush()
    for cc in consents:
        uow.session.add(
            m.Consent(
                person_id=person.id,
                purpose=e.ConsentPurpose(cc.purpose),
                legal_basis=e.LegalBasis(cc.legal_basis),
                text_version=cc.text_version,
                given_on=cc.given_on or today,
            )
        )
    uow.session.add(
        m.PathwayEvent(
            person_id=person.id,
            from_step=None,
            to_step=e.PathwayStep.WELCOME,
            occurred_on=today,
            author_id=uow.user_id,
        )
    )
    if rqth_values is not None:
        uow.session.add(m.RqthDecision(person_id=person.id, **rqth_values))
    uow.session.flush()
    return person.id


@dataclass(frozen=True, slots=True)
class EditablePerson:
    """A person's fields as the form shows them (`gn_core.domain.person.form_values`), with the version of the
    record they were read from (it changes at every write of the record, here or received)."""

    person_id: str
    version: str
    values: dict[str, Any]


class PersonChangedElsewhere(KnownError):
    """The person was changed since the form was loaded, in fields of the form: nothing was written.

    `current` holds the stored values now (and their version), `fields` the form fields that changed meanwhile."""

    def __init__(self, current: EditablePerson, fields: list[str]) -> None:
        self.current = current
        self.fields = fields
        names = ", ".join(LABELS[f] for f in fields)
        super().__init__(
            f"Cette fiche a été modifiée pendant que vous la corrigiez (sur un autre poste ou dans une autre "
            f"fenêtre) : {names}. Rien n'a été enregistré : vérifiez les nouvelles valeurs, puis enregistrez à "
            "nouveau vos corrections."
        )


def _version(person: m.Person) -> str:
    return f"{person.version}@{person.updated_at.isoformat()}"


def _editable(person: m.Person) -> EditablePerson:
    columns = {column: getattr(person, column) for columns in COLUMNS.values() for column in columns}
    return EditablePerson(person.id, _version(person), form_values(columns))


def editable_person(uow: UnitOfWork, person_id: str) -> EditablePerson:
    """The person's fields to correct them, with the record's version (`update_person(..., base=...)`)."""
    return _editable(get_or_fail(uow, m.Person, person_id))


def update_person(
    uow: UnitOfWork, person_id: str, form: PersonForm, today: date, *, base: EditablePerson | None = None
) -> set[str]:
    """Apply an edited form to a person; returns the names of the columns that changed.

    `base`: what the form was loaded with. When the record was written since, and a field of the form changed
    meanwhile, nothing is written: `PersonChangedElsewhere` says which fields and what they hold now. Writes that
    touched none of the form's fields (a note updates the last contact date) do not count.
    """
    person = get_or_fail(uow, m.Person, person_id)
    if base is not None and _version(person) != base.version:
        current = _editable(person)
        moved = [name for name in PERSON_FIELDS if current.values[name] != base.values.get(name)]
        if moved:
            raise PersonChangedElsewhere(current, moved)
    values = clean_person(form, today)
    changed = set()
    for key, value in values.items():
        current_value = getattr(person, key)
        if (list(current_value) if isinstance(current_value, list) else current_value) != value:
            setattr(person, key, value)
            changed.add(key)
    uow.session.flush()
    return changed


def withdraw_consent(uow: UnitOfWork, consent_id: str, on: date) -> None:
    """Record that the person withdrew this consent on `on` (`services.consents.withdraw_consent`)."""
    consent_service.withdraw_consent(uow, consent_id, on)
