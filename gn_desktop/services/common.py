"""Helpers every service uses: the acting user, today's date, loading a record or failing in French."""

from __future__ import annotations

from datetime import date
from typing import TypeVar

from gn_core.domain.enums import UserRole
from gn_core.domain.errors import NotFound, PermissionDenied
from gn_core.domain.permissions import can_edit_catalogue
from gn_desktop.store.models import Synced, User
from gn_desktop.store.uow import UnitOfWork

M = TypeVar("M", bound=Synced)

_WHAT = {
    "person": "Personne",
    "campus": "Campus",
    "app_user": "Utilisateur",
    "partner": "Partenaire",
    "programme": "Formation",
    "programme_session": "Session de formation",
    "job_offer": "Offre d'emploi",
    "event": "Événement",
    "referral": "Orientation",
    "appointment": "Rendez-vous",
    "startup": "Entreprise",
    "startup_action": "Action d'accompagnement",
    "consent": "Consentement",
    "note": "Note",
}


def get_or_fail(uow: UnitOfWork, model: type[M], record_id: str) -> M:
    obj = uow.session.get(model, record_id)
    if obj is None:
        what = _WHAT.get(model.__tablename__, model.__tablename__)
        raise NotFound(f"{what} introuvable (identifiant {record_id}). Elle a peut-être été supprimée.")
    return obj


def acting_role(uow: UnitOfWork) -> UserRole | None:
    if uow.user_id is None:
        return None
    user = uow.session.get(User, uow.user_id)
    return user.role if user else None


CATALOGUE_REFUSED = (
    "Le catalogue est tenu par les responsables de campus : demandez à votre responsable d'ajouter ou de modifier "
    "cette entrée."
)


def require_editor(uow: UnitOfWork) -> None:
    """Refuse a catalogue write unless the signed-in account keeps the catalogue (gn_core.domain.permissions).

    HQ's reference data known in advance (`uow.as_reference()`) and commands run without signing in pass."""
    if not uow.ctx.capture or uow.user_id is None:
        return
    if not can_edit_catalogue(acting_role(uow)):
        raise PermissionDenied(CATALOGUE_REFUSED)


def today() -> date:
    return date.today()
