"""The console's plumbing: templates, who is signed in, CSRF checks, forms, flash messages, security headers.

Pages (pages.py) call HQ's services; this module only decides who may see a page and how it is answered.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime
from typing import Annotated, Any
from urllib.parse import parse_qsl

from fastapi import Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from jinja2 import Environment, PackageLoader, select_autoescape

from gn_core.domain.enums import UserRole
from gn_hq.services import devices, users
from gn_hq.services.console_sessions import Session, SessionStore
from gn_hq.services.context import Hq

PREFIX = "/console"
SESSION_COOKIE = "gn_console"
#: the sign-in form's own CSRF token (double submit: cookie and hidden field), before any session exists
SIGNIN_COOKIE = "gn_console_signin"
#: a form is small; anything bigger is not one of ours
MAX_FORM_BYTES = 64 * 1024

ROLE_LABELS = {
    UserRole.ADVISOR.value: "Conseiller",
    UserRole.CAMPUS_MANAGER.value: "Responsable de campus",
    UserRole.HQ_ADMIN.value: "Administrateur du siège",
}

SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
    "frame-ancestors 'none'; base-uri 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
    "Cache-Control": "no-store",
}


def _date(value: datetime | None, with_time: bool = True) -> str:
    if value is None:
        return "—"
    return value.strftime("%d/%m/%Y %H:%M" if with_time else "%d/%m/%Y")


def _number(value: int) -> str:
    return f"{value:,}".replace(",", "\u202f")


templates = Environment(
    loader=PackageLoader("gn_hq.console", "templates"),
    autoescape=select_autoescape(default=True, default_for_string=True),
    trim_blocks=True,
    lstrip_blocks=True,
)
templates.filters["date"] = _date
templates.filters["number"] = _number
templates.globals["PREFIX"] = PREFIX
templates.globals["ROLE_LABELS"] = ROLE_LABELS


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
EXPIRED = "Formulaire expiré ou envoyé d'ailleurs : rechargez la page et recommencez."


def secure(request: Request) -> bool:
    return request.url.scheme == "https"


def page(request: Request, template: str, who: Viewer | None, status: int = 200, **context: Any) -> HTMLResponse:
    """A rendered page, with the viewer, its CSRF token and its flash messages."""
    flash = sessions_of(request).take_flash(who.session) if who is not None else []
    html = templates.get_template(template).render(
        viewer=who, csrf=who.session.csrf if who else "", flash=flash, path=request.url.path, **context
    )
    return HTMLResponse(html, status_code=status, headers=SECURITY_HEADERS)


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
        return refused(request, who, EXPIRED, 403)
    return who


def flash(request: Request, who: Viewer, kind: str, message: str) -> None:
    sessions_of(request).add_flash(who.session, kind, message)


def same(a: str | None, b: str | None) -> bool:
    """Constant-time comparison of two tokens (False when either is missing)."""
    return bool(a) and bool(b) and secrets.compare_digest(str(a).encode(), str(b).encode())


def new_signin_token() -> str:
    return secrets.token_urlsafe(32)


def set_cookie(response: Response, request: Request, name: str, value: str, max_age: int | None = None) -> None:
    response.set_cookie(
        name,
        value,
        max_age=max_age,
        path=PREFIX,
        secure=secure(request),
        httponly=True,
        samesite="strict",
    )
