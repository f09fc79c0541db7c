"""The console's pages: sign-in, dashboard, campuses and devices, accounts, conflicts and erasures, audit trail.

Every action calls the same HQ service as the `gn-hq` command that does it. Every form carries the session's CSRF
token; a refusal a person can act on is shown on the page in the viewer's language (French by default), naming the
field — never a 500. `GET /langue` is the header's language switch.
"""

from __future__ import annotations

import tempfile
from collections.abc import Mapping
from datetime import date, timedelta
from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from gn_core import indicators as ind
from gn_core.domain.enums import ErasureReason
from gn_core.domain.erasure import proof_text
from gn_core.domain.labels import label
from gn_core.sync_rules import DeviceRole
from gn_hq.console import charts, figures, i18n
from gn_hq.console.i18n import N_, Lang
from gn_hq.console.web import (
    EXPIRED,
    SECURITY_HEADERS,
    SESSION_COOKIE,
    SIGNIN_COOKIE,
    Form,
    Viewer,
    csrf_ok,
    flash,
    hq_of,
    language_of,
    may_use_console,
    new_signin_token,
    page,
    redirect,
    refused,
    safe_return,
    same,
    sender,
    service_error,
    sessions_of,
    set_cookie,
    to_signin,
    viewer,
)
from gn_hq.services import audit, conflicts, devices, erasure, reports, set_aside, users
from gn_hq.services.errors import HqError
from gn_hq.services.throttle import Throttled

router = APIRouter(include_in_schema=False)

_ADMIN_ONLY = N_("Cette page est réservée aux administrateurs du siège.")
_OUT_OF_SCOPE = N_("Campus : inconnu ou hors de votre périmètre.")
_DATE_EXPECTED = N_("{field} : date attendue au format AAAA-MM-JJ.")
XLSX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


# --- Sign-in ------------------------------------------------------------------------------------------------------


def _signin_page(request: Request, status: int = 200, username: str = "", error: str | None = None) -> Response:
    token = new_signin_token()
    context = {"signin_csrf": token, "username": username, "error": error}
    response = page(request, "signin.html", None, status=status, here="/connexion", **context)
    set_cookie(response, request, SIGNIN_COOKIE, token, max_age=3600)
    return response


@router.get("/")
def home(request: Request) -> Response:
    return redirect("/tableau-de-bord" if viewer(request) else "/connexion")


@router.get("/langue")
def choose_language(request: Request) -> Response:
    """The header's switch (`?choix=en&retour=/console/campus`): remember the language in a cookie and go back to the
    page it was clicked on. A language it does not know changes nothing."""
    choice = request.query_params.get("choix", "")
    response = RedirectResponse(
        safe_return(request.query_params.get("retour")), status_code=303, headers=SECURITY_HEADERS
    )
    if choice in i18n.LANGUAGES:
        # lax, not strict: a link to the console from elsewhere (an e-mail) still opens it in the chosen language
        set_cookie(response, request, i18n.COOKIE, choice, max_age=i18n.COOKIE_MAX_AGE, same_site="lax")
    return response


@router.get("/connexion")
def signin_form(request: Request) -> Response:
    if viewer(request) is not None:
        return redirect("/tableau-de-bord")
    return _signin_page(request)


@router.post("/connexion")
def signin(request: Request, form: Form) -> Response:
    lang = language_of(request)
    username = form.get("username", "").strip()[:64]
    if not same(form.get("csrf"), request.cookies.get(SIGNIN_COOKIE)):
        return _signin_page(request, 403, username, lang._(EXPIRED))
    if not username or not form.get("password"):
        missing = lang._("Identifiant") if not username else lang._("Mot de passe")
        return _signin_page(request, 422, username, lang._("{field} : champ obligatoire.").format(field=missing))
    address = request.client.host if request.client else None
    try:
        user = users.sign_in(hq_of(request), username, form.get("password", ""), address, may_use_console)
    except Throttled as exc:
        return _signin_page(request, 429, username, service_error(lang, exc))
    except HqError:
        return _signin_page(
            request,
            401,
            username,
            lang._(
                "Identifiant ou mot de passe incorrect, ou compte sans accès à la console "
                "(administrateurs du siège et responsables de campus)."
            ),
        )
    token, _session = sessions_of(request).open(user.id)
    response = redirect("/tableau-de-bord")
    set_cookie(response, request, SESSION_COOKIE, token)
    response.delete_cookie(SIGNIN_COOKIE, path="/console")
    return response


@router.post("/deconnexion")
def signout(request: Request, form: Form) -> Response:
    who = viewer(request)
    if who is not None and csrf_ok(who, form):
        sessions_of(request).close(request.cookies.get(SESSION_COOKIE))
    response = to_signin()
    response.delete_cookie(SESSION_COOKIE, path="/console")
    return response


# --- Dashboard ----------------------------------------------------------------------------------------------------


def _period(args: Mapping[str, str], lang: Lang) -> tuple[ind.Period, dict[str, str], dict[str, str]]:
    """The period asked for (?du=…&au=…, default: since the programme's start), the errors naming each field, and the
    values to show again."""
    default = figures.default_period()
    values = {"du": (args.get("du") or "").strip()[:10], "au": (args.get("au") or "").strip()[:10]}
    errors: dict[str, str] = {}
    days: dict[str, date] = {}
    for name, text, fallback in (("du", values["du"], default.start), ("au", values["au"], default.end)):
        try:
            days[name] = date.fromisoformat(text) if text else fallback
        except ValueError:
            errors[name] = lang._(_DATE_EXPECTED).format(field=lang._("Du") if name == "du" else lang._("Au"))
            days[name] = fallback
    if not errors and days["du"] > days["au"]:
        errors["au"] = lang._("Au : la fin de la période doit suivre son début.")
    if errors:
        return default, errors, values
    return ind.Period(days["du"], days["au"]), errors, values


@router.get("/tableau-de-bord")
def dashboard(request: Request) -> Response:
    who = viewer(request)
    if who is None:
        return to_signin()
    return _dashboard_page(request, who)


def _dashboard_page(request: Request, who: Viewer, report_errors: dict[str, str] | None = None) -> Response:
    lang = language_of(request)
    period, errors, values = _period(request.query_params, lang)
    errors = {**errors, **(report_errors or {})}
    data = figures.dashboard(hq_of(request), period, who.scope)
    names = [c.code for c in data.campuses]
    total = data.total
    goal_chart = charts.progress(
        lang._("Personnes placées depuis le début du programme, objectif et trajectoire"),
        total.placed_cumulative,
        total.placed_goal,
        total.placed_target,
        lang=lang,
    )
    placed_chart = charts.grouped_bars(
        lang._("Placées depuis le début, et trajectoire vers l'objectif, par campus"),
        names,
        [
            charts.Series(lang._("Placées (cumul)"), [c.figures.placed_cumulative for c in data.campuses]),
            charts.Series(lang._("Trajectoire"), [c.figures.placed_target for c in data.campuses]),
        ],
        lang=lang,
    )
    stages = (("enrolled", N_("Inscrites")), ("trained", N_("Formées")), ("placed", N_("Placées")))
    funnel_chart = charts.grouped_bars(
        lang._("Inscrites dans la période, puis formées, puis placées, par campus"),
        names,
        [
            charts.Series(lang._(stage_label), [dict(c.figures.funnel).get(stage, 0) for c in data.campuses])
            for stage, stage_label in stages
        ],
        lang=lang,
    )
    months_chart = charts.columns(
        lang._("Personnes placées chaque mois"),
        [m.month for m in total.months],
        [m.placed for m in total.months],
        lang=lang,
    )
    return page(
        request,
        "dashboard.html",
        who,
        status=422 if errors else 200,
        data=data,
        errors=errors,
        values=values,
        goal_chart=goal_chart,
        placed_chart=placed_chart,
        funnel_chart=funnel_chart,
        months_chart=months_chart,
        dimension_label=lambda dimension: figures.dimension_label(dimension, lang),
        key_label=lambda dimension, key: figures.key_label(dimension, key, lang),
        cell=lambda value: figures.cell(value, lang),
        small_cell=ind.SMALL_CELL,
        campuses=[c for c in devices.list_campuses(hq_of(request)) if who.scope is None or c.id == who.scope],
        last_month=(date.today().replace(day=1) - timedelta(days=1)).strftime("%Y-%m"),
        report=request.query_params,
    )


@router.get("/rapport")
def report(request: Request) -> Response:
    """The monthly report (PDF or XLSX) of a campus or of the whole programme, as `gn-hq report` writes it, in the
    console's language (the page's: the switch's cookie, else the browser's)."""
    who = viewer(request)
    if who is None:
        return to_signin()
    lang = language_of(request)
    args = request.query_params
    month = (args.get("mois") or "").strip()[:7]
    fmt = args.get("format") or ""
    campus = (args.get("campus") or "").strip()[:8] or None
    errors: dict[str, str] = {}
    if fmt not in reports.FORMATS:
        errors["format"] = lang._("Format : PDF ou XLSX.")
    if who.scope is not None:
        campus = who.campus_code or who.scope  # a campus manager's report is their campus's, never the programme's
    if campus is not None and _campus_allowed(request, who, campus) is None:
        errors["campus"] = lang._(_OUT_OF_SCOPE)
    if not errors:
        try:
            content = _report_bytes(request, month, campus, fmt, lang)
        except HqError as exc:
            errors["mois"] = service_error(lang, exc, month=month, campus=campus)  # "Mois invalide « … » : …"
    if errors:
        return _dashboard_page(request, who, errors)
    name = reports.file_name(month, campus, fmt, lang.code)
    media = "application/pdf" if fmt == "pdf" else XLSX_MEDIA_TYPE
    headers = {**SECURITY_HEADERS, "Content-Disposition": f'attachment; filename="{name}"'}
    return Response(content, media_type=media, headers=headers)


def _report_bytes(request: Request, month: str, campus: str | None, fmt: str, lang: Lang) -> bytes:
    with tempfile.TemporaryDirectory(prefix="gn-hq-report-") as tmp:
        path = Path(tmp) / f"report.{fmt}"
        reports.write(reports.monthly(hq_of(request), month, campus, lang.code), fmt, path)
        return path.read_bytes()


# --- Campuses and devices -----------------------------------------------------------------------------------------


def _campuses_page(request: Request, who: Viewer, status: int = 200, error: str | None = None) -> Response:
    """The campuses and their devices (also after a refused form, which the language switch leaves for the page)."""
    hq = hq_of(request)
    campuses = [c for c in devices.list_campuses(hq) if who.scope is None or c.id == who.scope]
    shown = {c.id for c in campuses}
    device_list = [d for d in devices.list_devices(hq) if d.campus_id in shown]
    set_aside_counts: dict[str, int] = {}
    for item in set_aside.list_set_aside(hq):
        set_aside_counts[item.device_id] = set_aside_counts.get(item.device_id, 0) + 1
    by_campus = {c.id: [d for d in device_list if d.campus_id == c.id] for c in campuses}
    return page(
        request,
        "campuses.html",
        who,
        status=status,
        here="/campus",
        campuses=campuses,
        by_campus=by_campus,
        set_aside=set_aside_counts,
        error=error,
        kiosk=DeviceRole.KIOSK.value,
    )


@router.get("/campus")
def campuses(request: Request) -> Response:
    who = viewer(request)
    if who is None:
        return to_signin()
    return _campuses_page(request, who)


def _campus_allowed(request: Request, who: Viewer, code: str) -> str | None:
    """The campus id `code` names, if the viewer may act on it."""
    with hq_of(request).read() as conn:
        campus = devices.find_campus(conn, code) if code else None
    if campus is None or (who.scope is not None and campus.id != who.scope):
        return None
    return campus.id


@router.post("/campus/code")
def enrolment_code(request: Request, form: Form) -> Response:
    who = sender(request, form)
    if not isinstance(who, Viewer):
        return who
    lang = language_of(request)
    code = form.get("campus", "").strip()[:64]
    if _campus_allowed(request, who, code) is None:
        return _campuses_page(request, who, 422, lang._(_OUT_OF_SCOPE))
    role = DeviceRole.KIOSK if form.get("kind") == "kiosk" else DeviceRole.CAMPUS_PC
    try:
        secret = devices.issue_enrolment_code(hq_of(request), code, role)
    except HqError as exc:
        status = exc.status if 400 <= exc.status < 500 else 422
        return _campuses_page(request, who, status, service_error(lang, exc, campus=code))
    if role is DeviceRole.KIOSK:
        message = N_(
            "Code d'inscription d'une borne d'accueil pour {campus} (usage unique, valable {days} jours) : {code}"
        )
    else:
        message = N_(
            "Code d'inscription d'un poste de conseiller pour {campus} (usage unique, valable {days} jours) : {code}"
        )
    days = hq_of(request).settings.enrolment_code_days
    flash(request, who, "code", lang._(message).format(campus=code.upper(), days=days, code=secret))
    return redirect("/campus")


@router.post("/appareils/revoquer")
def revoke(request: Request, form: Form) -> Response:
    who = sender(request, form)
    if not isinstance(who, Viewer):
        return who
    lang = language_of(request)
    device_id = form.get("device", "").strip()[:64]
    device = next((d for d in devices.list_devices(hq_of(request)) if d.id == device_id), None)
    if device is None or (who.scope is not None and device.campus_id != who.scope):
        return _campuses_page(request, who, 422, lang._("Appareil : inconnu ou hors de votre périmètre."))
    devices.revoke_device(hq_of(request), device_id)
    message = lang._("Appareil « {device} » révoqué : son jeton ne fonctionne plus.")
    flash(request, who, "ok", message.format(device=device.name))
    return redirect("/campus")


# --- Conflicts and erasures ---------------------------------------------------------------------------------------


@router.get("/conflits")
def open_conflicts(request: Request) -> Response:
    who = viewer(request)
    if who is None:
        return to_signin()
    hq = hq_of(request)
    codes = {c.id: c.code for c in devices.list_campuses(hq)}
    found = conflicts.list_open(hq, who.scope)
    erased = erasure.list_erasures(hq, who.scope)
    per_campus: dict[str, int] = {}
    for c in found:
        for cid in c.campus_ids:
            per_campus[codes.get(cid, cid)] = per_campus.get(codes.get(cid, cid), 0) + 1
    return page(
        request,
        "conflicts.html",
        who,
        conflicts=found,
        erasures=erased,
        codes=codes,
        per_campus=sorted(per_campus.items()),
        proof_label=lambda text: _proof_label(text, language_of(request)),
    )


def _proof_label(text: str, lang: Lang) -> str:
    """An erasure's proof (`gn_core.domain.erasure.proof_text`: the reason's French label, then the reference) in
    `lang`; the reference is what the campus typed, shown as it is."""
    if lang.code == i18n.DEFAULT:
        return text
    for reason in ErasureReason:
        head = proof_text(reason, "")
        if text.startswith(head):
            proof = lang._("{reason} — référence : {reference}")
            return proof.format(reason=label(reason, lang.code), reference=text[len(head) :])
    return text


# --- Audit trail --------------------------------------------------------------------------------------------------


@router.get("/journal")
def audit_trail(request: Request) -> Response:
    who = viewer(request)
    if who is None:
        return to_signin()
    lang = language_of(request)
    if not who.is_admin:
        return refused(request, who, lang._(_ADMIN_ONLY), 403)
    args = request.query_params
    campus = (args.get("campus") or "").strip()[:8] or None
    person = (args.get("personne") or "").strip()[:64] or None
    since_text = (args.get("depuis") or "").strip()[:10]
    errors: dict[str, str] = {}
    since = None
    if since_text:
        try:
            since = date.fromisoformat(since_text)
        except ValueError:
            errors["depuis"] = lang._(_DATE_EXPECTED).format(field=lang._("Depuis"))
    events: list[audit.AuditEntry] = []
    if not errors:
        try:
            events = audit.list_events(hq_of(request), person_id=person, since=since, campus_code=campus)
        except HqError as exc:
            errors["campus"] = lang._("{field} : {message}").format(
                field=lang._("Campus"), message=service_error(lang, exc, campus=campus)
            )
    campuses_list = devices.list_campuses(hq_of(request))
    return page(
        request,
        "audit.html",
        who,
        status=422 if errors else 200,
        events=events[-1000:],
        total=len(events),
        errors=errors,
        values={"campus": campus or "", "personne": person or "", "depuis": since_text},
        campuses=campuses_list,
    )


def not_found_page(request: Request) -> HTMLResponse:
    return refused(request, viewer(request), language_of(request)._("Page inconnue."), 404)


@router.get("/{rest:path}")
def unknown(request: Request, rest: str) -> HTMLResponse:
    return not_found_page(request)
