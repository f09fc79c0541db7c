"""The console's plumbing: templates, who is signed in, the language, CSRF checks, forms, flash messages, security
headers.

Pages (pages.py) call HQ's services; this module only decides who may see a page and how it is answered, and in which
language (i18n.py: the header's switch, else the browser's Accept-Language, else French).
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from functools import cache
from typing import Annotated, Any, Literal, cast
from urllib.parse import parse_qsl

from fastapi import Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from jinja2 import Environment, PackageLoader, select_autoescape

from gn_core.domain.enums import UserRole
from gn_hq.console import i18n
from gn_hq.console.i18n import N_, Lang
from gn_hq.services import audit, devices, users
from gn_hq.services.console_sessions import Session, SessionStore
from gn_hq.services.context import Hq
from gn_hq.services.errors import HqError

PREFIX = "/console"
SESSION_COOKIE = "gn_console"
#: the sign-in form's own CSRF token (double submit: cookie and hidden field), before any session exists
SIGNIN_COOKIE = "gn_console_signin"
#: a form is small; anything bigger is not one of ours
MAX_FORM_BYTES = 64 * 1024

ROLE_LABELS = {
    UserRole.ADVISOR.value: N_("Conseiller"),
    UserRole.CAMPUS_MANAGER.value: N_("Responsable de campus"),
    UserRole.HQ_ADMIN.value: N_("Administrateur du siège"),
}

SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
    "frame-ancestors 'none'; base-uri 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
    "Cache-Control": "no-store",
}


def role_label(role: str, lang: Lang) -> str:
    return lang._(ROLE_LABELS[role]) if role in ROLE_LABELS else role


@cache
def environment(code: str) -> Environment:
    """The templates in language `code`: one Jinja2 environment per language, its gettext installed once, so two
    requests rendered at once in two languages never share one."""
    lang = Lang.of(code)
    env = Environment(
        loader=PackageLoader("gn_hq.console", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
        extensions=["jinja2.ext.i18n"],
    )
    env.policies["ext.i18n.trimmed"] = True  # a {% trans %} block's line breaks and indentation are not the message's
    # added by the i18n extension (not in Environment's type): `_`, `gettext` and `ngettext` in every template
    cast(Any, env).install_gettext_translations(lang.translations, newstyle=True)
    env.filters["date"] = lang.date
    env.filters["number"] = lang.number
    env.globals.update(
        PREFIX=PREFIX,
        lang=lang,
        LANGUAGE_NAMES=i18n.NAMES,
        role_label=lambda role: role_label(role, lang),
        audit_action=lambda action: audit.action_label(action, lang.code),
        audit_detail=lambda detail: audit.detail_label(detail, lang.code),
    )
    return env


def language_of(request: Request) -> Lang:
    """The language this request is answered in (the switch's cookie, else Accept-Language, else French)."""
    code = i18n.negotiate(request.cookies.get(i18n.COOKIE), request.headers.get("accept-language"))
    return Lang.of(code)


@dataclass(frozen=True, slots=True)
class Viewer:
    """The signed-in account: an HQ administrator (every campus) or a campus manager (`campus_id` only)."""

    user_id: str
    username: str
    display_name: str
    role: str
    campus_id: str | None
    campus_code: str | None
    session: Session

    @property
    def is_admin(self) -> bool:
        return self.role == UserRole.HQ_ADMIN.value

    @property
    def scope(self) -> str | None:
        """The campus this viewer is limited to (None: every campus)."""
        return None if self.is_admin else self.campus_id


def may_use_console(user: users.HqUser) -> bool:
    return user.role is UserRole.HQ_ADMIN or (user.role is UserRole.CAMPUS_MANAGER and user.campus_id is not None)


def hq_of(request: Request) -> Hq:
    hq = request.app.state.hq
    assert isinstance(hq, Hq)
    return hq


def sessions_of(request: Request) -> SessionStore:
    store = request.app.state.console_sessions
    assert isinstance(store, SessionStore)
    return store


def viewer(request: Request) -> Viewer | None:
    """The signed-in account behind this request's cookie, re-read now: a deactivated account or one whose role no
    longer opens the console is signed out at once."""
    store = sessions_of(request)
    token = request.cookies.get(SESSION_COOKIE)
    session = store.get(token)
    if session is None:
        return None
    hq = hq_of(request)
    account = users.get_account(hq, session.user_id)
    allowed = account is not None and account.active
    if allowed and account is not None:
        allowed = account.role == UserRole.HQ_ADMIN.value or (
            account.role == UserRole.CAMPUS_MANAGER.value and account.campus_id is not None
        )
    if not allowed or account is None:
        store.close(token)
        return None
    code = None
    if account.campus_id:
        with hq.read() as conn:
            campus = devices.find_campus(conn, account.campus_id)
        code = campus.code if campus else None
    return Viewer(account.id, account.username, account.display_name, account.role, account.campus_id, code, session)


async def form_of(request: Request) -> dict[str, str]:
    """The posted form (application/x-www-form-urlencoded) as a dict of stripped text; empty when it is anything
    else or too big (the CSRF check then refuses it)."""
    if not request.headers.get("content-type", "").startswith("application/x-www-form-urlencoded"):
        return {}
    body = b""
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_FORM_BYTES:
            return {}
    pairs = parse_qsl(body.decode("utf-8", "replace"), keep_blank_values=True, max_num_fields=50)
    return {k[:100]: v[:2000] for k, v in pairs}


Form = Annotated[dict[str, str], Depends(form_of)]
EXPIRED = N_("Formulaire expiré ou envoyé d'ailleurs : rechargez la page et recommencez.")


def secure(request: Request) -> bool:
    return request.url.scheme == "https"


def page(
    request: Request, template: str, who: Viewer | None, status: int = 200, here: str | None = None, **context: Any
) -> HTMLResponse:
    """A rendered page in the request's language, with the viewer, its CSRF token and its flash messages. `here` is
    the console page the language switch comes back to (default: this URL when it was a GET, else the home)."""
    lang = language_of(request)
    flash = sessions_of(request).take_flash(who.session) if who is not None else []
    if here is None:
        here = request.url.path if request.method == "GET" else PREFIX + "/"
        if request.method == "GET" and request.url.query:
            here += "?" + request.url.query
    else:
        here = PREFIX + here
    html = (
        environment(lang.code)
        .get_template(template)
        .render(
            viewer=who, csrf=who.session.csrf if who else "", flash=flash, path=request.url.path, here=here, **context
        )
    )
    headers = {**SECURITY_HEADERS, "Content-Language": lang.code, "Vary": "Accept-Language, Cookie"}
    return HTMLResponse(html, status_code=status, headers=headers)


def redirect(target: str) -> RedirectResponse:
    return RedirectResponse(PREFIX + target, status_code=303, headers=SECURITY_HEADERS)


def to_signin() -> RedirectResponse:
    return redirect("/connexion")


def csrf_ok(who: Viewer, form: dict[str, str]) -> bool:
    return same(form.get("csrf"), who.session.csrf)


def refused(request: Request, who: Viewer | None, message: str, status: int) -> HTMLResponse:
    return page(request, "error.html", who, status=status, message=message)


def sender(request: Request, form: dict[str, str]) -> Viewer | Response:
    """Who sent this form, signed in and with the form's CSRF token; otherwise the answer to give instead (the
    sign-in page, or 403 for an expired or forged form). Every form handler starts with it."""
    who = viewer(request)
    if who is None:
        return to_signin()
    if not csrf_ok(who, form):
        return refused(request, who, language_of(request)._(EXPIRED), 403)
    return who


def flash(request: Request, who: Viewer, kind: str, message: str) -> None:
    sessions_of(request).add_flash(who.session, kind, message)


def same(a: str | None, b: str | None) -> bool:
    """Constant-time comparison of two tokens (False when either is missing)."""
    return bool(a) and bool(b) and secrets.compare_digest(str(a).encode(), str(b).encode())


def new_signin_token() -> str:
    return secrets.token_urlsafe(32)


def set_cookie(
    response: Response,
    request: Request,
    name: str,
    value: str,
    max_age: int | None = None,
    same_site: Literal["strict", "lax"] = "strict",
) -> None:
    response.set_cookie(
        name,
        value,
        max_age=max_age,
        path=PREFIX,
        secure=secure(request),
        httponly=True,
        samesite=same_site,
    )


def safe_return(target: str | None) -> str:
    """`target` if it is a console page of this site (a path under /console, no scheme, host or backslash), else the
    console's home: the language switch never sends anyone elsewhere."""
    if not target or len(target) > 2000 or (not target.startswith(PREFIX + "/") and target != PREFIX):
        return PREFIX + "/"
    if "//" in target or "\\" in target or any(ord(c) < 0x20 or ord(c) == 0x7F for c in target):
        return PREFIX + "/"
    return target


#: what a service's refusal says, by its code, in the console's words (the service's own title is French only)
_SERVICE_ERRORS = {
    "user_exists": N_("L'identifiant « {username} » est déjà pris."),
    "unknown_campus": N_("Campus « {campus} » inconnu."),
    "unknown_user": N_("Compte « {username} » inconnu."),
    "invalid_month": N_("Mois invalide « {month} » : attendu AAAA-MM, par exemple 2026-11."),
    "too_many_kiosks": N_("Ce campus a déjà le nombre maximal de bornes : révoquez-en une."),
    "too_many_attempts": N_("Trop de tentatives de connexion : réessayez dans {seconds} s."),
}


def service_error(lang: Lang, exc: HqError, **values: object) -> str:
    """A service's refusal in `lang`: its code's message, filled with `values` (what the form said) — or, for a code
    the console does not word itself, the service's own (French) title."""
    message = _SERVICE_ERRORS.get(exc.code)
    if message is None:
        return exc.title
    values.setdefault("seconds", getattr(exc, "retry_after", ""))
    try:
        return lang._(message).format(**values)
    except (KeyError, IndexError, ValueError):  # a value the caller did not give: the service's title says it
        return exc.title
