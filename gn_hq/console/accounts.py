"""The console's account pages: add, deactivate or reactivate, reset a password, change a role — through the same
services as `gn-hq user …`. A campus manager manages the advisors and managers of their campus only, and nobody
deactivates or demotes their own account here.
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from gn_core.domain.enums import UserRole
from gn_hq.console.i18n import N_, Lang
from gn_hq.console.web import (
    Form,
    Viewer,
    flash,
    hq_of,
    language_of,
    page,
    redirect,
    sender,
    service_error,
    sessions_of,
    to_signin,
    viewer,
)
from gn_hq.services import devices, users
from gn_hq.services.errors import HqError

router = APIRouter(include_in_schema=False)

_OUT_OF_SCOPE = N_("Compte : inconnu ou hors de votre périmètre.")


def _roles_for(who: Viewer) -> list[str]:
    roles = [UserRole.ADVISOR.value, UserRole.CAMPUS_MANAGER.value]
    return [*roles, UserRole.HQ_ADMIN.value] if who.is_admin else roles


def _accounts_page(
    request: Request,
    who: Viewer,
    status: int = 200,
    errors: dict[str, str] | None = None,
    values: dict[str, str] | None = None,
) -> Response:
    hq = hq_of(request)
    campus_list = [c for c in devices.list_campuses(hq) if who.scope is None or c.id == who.scope]
    codes = {c.id: c.code for c in devices.list_campuses(hq)}
    accounts = [a for a in users.list_accounts(hq) if who.scope is None or a.campus_id == who.scope]
    return page(
        request,
        "accounts.html",
        who,
        status=status,
        here="/comptes",
        accounts=accounts,
        codes=codes,
        campuses=campus_list,
        roles=_roles_for(who),
        errors=errors or {},
        values=values or {},
    )


@router.get("/comptes")
def accounts(request: Request) -> Response:
    who = viewer(request)
    if who is None:
        return to_signin()
    return _accounts_page(request, who)


def _check_role_and_campus(who: Viewer, role: str, campus: str, lang: Lang) -> dict[str, str]:
    errors: dict[str, str] = {}
    if role not in _roles_for(who):
        errors["role"] = (
            lang._("Rôle : choisissez conseiller ou responsable de campus, ou administrateur du siège.")
            if who.is_admin
            else lang._("Rôle : choisissez conseiller ou responsable de campus.")
        )
    elif role != UserRole.HQ_ADMIN.value and not campus:
        errors["campus"] = lang._("Campus : obligatoire pour un conseiller ou un responsable de campus.")
    if campus and who.scope is not None and campus.upper() != (who.campus_code or ""):
        errors["campus"] = lang._("Campus : vous ne gérez que les comptes de votre campus.")
    return errors


def _check_password(form: dict[str, str], errors: dict[str, str], lang: Lang) -> None:
    password = form.get("password", "")
    if len(password) < users.MIN_PASSWORD_LENGTH:
        errors["password"] = lang._("Mot de passe : {n} caractères au moins.").format(n=users.MIN_PASSWORD_LENGTH)
    elif len(password) > users.MAX_PASSWORD_LENGTH:
        errors["password"] = lang._("Mot de passe : {n} caractères au plus.").format(n=users.MAX_PASSWORD_LENGTH)
    elif form.get("confirm", "") != password:
        errors["confirm"] = lang._("Confirmation : les deux mots de passe diffèrent.")


def _service_error(exc: HqError, lang: Lang, username: str, campus: str) -> dict[str, str]:
    """Put a service's refusal beside the field it is about."""
    field = {
        "user_exists": "username",
        "unknown_campus": "campus",
        "unknown_user": "username",
    }.get(exc.code, "form")
    return {field: service_error(lang, exc, username=username, campus=campus)}


@router.post("/comptes/ajouter")
def add_account(request: Request, form: Form) -> Response:
    who = sender(request, form)
    if not isinstance(who, Viewer):
        return who
    lang = language_of(request)
    username = form.get("username", "").strip().lower()
    role = form.get("role", "")
    campus = form.get("campus", "").strip() if role != UserRole.HQ_ADMIN.value else ""
    errors = _check_role_and_campus(who, role, campus, lang)
    if not username or len(username) > 64:
        errors["username"] = lang._("Identifiant : obligatoire, 64 caractères au plus.")
    _check_password(form, errors, lang)
    values = {"username": username, "name": form.get("name", ""), "role": role, "campus": campus}
    if errors:
        return _accounts_page(request, who, 422, errors, values)
    try:
        users.add_user(hq_of(request), username, form.get("name", ""), role, form["password"], campus or None)
    except HqError as exc:
        return _accounts_page(request, who, 422, _service_error(exc, lang, username, campus), values)
    flash(request, who, "ok", lang._("Compte « {username} » créé.").format(username=username))
    return redirect("/comptes")


def _target(request: Request, who: Viewer, form: dict[str, str]) -> users.AccountInfo | None:
    """The account a form acts on, if the viewer may manage it (a campus manager: advisors and managers of their
    campus)."""
    username = form.get("username", "").strip().lower()
    account = next((a for a in users.list_accounts(hq_of(request)) if a.username == username), None)
    if account is None or (who.scope is not None and account.campus_id != who.scope):
        return None
    return account


@router.post("/comptes/activer")
def activate(request: Request, form: Form) -> Response:
    who = sender(request, form)
    if not isinstance(who, Viewer):
        return who
    lang = language_of(request)
    account = _target(request, who, form)
    if account is None:
        return _accounts_page(request, who, 422, {"form": lang._(_OUT_OF_SCOPE)})
    active = form.get("active") == "1"
    if account.id == who.user_id and not active:
        return _accounts_page(request, who, 422, {"form": lang._("Compte : vous ne pouvez pas désactiver le vôtre.")})
    users.set_active(hq_of(request), account.username, active)
    if not active:
        sessions_of(request).close_user(account.id)
    message = (
        N_("Compte « {username} » réactivé.")
        if active
        else N_("Compte « {username} » désactivé (les postes du campus le sauront à leur prochaine synchronisation).")
    )
    flash(request, who, "ok", lang._(message).format(username=account.username))
    return redirect("/comptes")


@router.post("/comptes/mot-de-passe")
def reset_password(request: Request, form: Form) -> Response:
    who = sender(request, form)
    if not isinstance(who, Viewer):
        return who
    lang = language_of(request)
    account = _target(request, who, form)
    if account is None:
        return _accounts_page(request, who, 422, {"form": lang._(_OUT_OF_SCOPE)})
    errors: dict[str, str] = {}
    _check_password(form, errors, lang)
    if errors:
        errors = {f"reset_{k}": v for k, v in errors.items()}
        return _accounts_page(request, who, 422, errors, {"reset_username": account.username})
    users.set_password(hq_of(request), account.username, form["password"])
    if account.id != who.user_id:
        sessions_of(request).close_user(account.id)
    message = lang._("Mot de passe de « {username} » changé : communiquez-le à son titulaire.")
    flash(request, who, "ok", message.format(username=account.username))
    return redirect("/comptes")


@router.post("/comptes/role")
def change_role(request: Request, form: Form) -> Response:
    who = sender(request, form)
    if not isinstance(who, Viewer):
        return who
    lang = language_of(request)
    account = _target(request, who, form)
    if account is None:
        return _accounts_page(request, who, 422, {"form": lang._(_OUT_OF_SCOPE)})
    role = form.get("role", "")
    campus = form.get("campus", "").strip() if role != UserRole.HQ_ADMIN.value else ""
    errors = _check_role_and_campus(who, role, campus, lang)
    if account.id == who.user_id and not errors:
        errors["role"] = lang._("Rôle : vous ne pouvez pas changer le vôtre.")
    if errors:
        return _accounts_page(request, who, 422, {f"role_{k}": v for k, v in errors.items()})
    try:
        users.set_role(hq_of(request), account.username, role, campus or None)
    except HqError as exc:
        refusal = _service_error(exc, lang, account.username, campus)
        return _accounts_page(request, who, 422, {f"role_{k}": v for k, v in refusal.items()})
    flash(request, who, "ok", lang._("Rôle de « {username} » changé.").format(username=account.username))
    return redirect("/comptes")
