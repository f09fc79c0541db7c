"""Errors as RFC 9457 problem details (`application/problem+json`): a stable `code`, a French `title`.

Bad input is always a 4xx; only a bug gives a 500, which is logged with its traceback and still answers a problem.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from gn_hq.services.errors import HqError, Unauthorized
from gn_hq.services.throttle import Throttled

log = logging.getLogger("gn_hq")

PROBLEM_MEDIA_TYPE = "application/problem+json"

_HTTP_TITLES = {
    400: ("bad_request", "Requête incorrecte."),
    401: ("unauthorized", "Appareil ou identifiants non reconnus : authentification requise."),
    403: ("forbidden", "Accès refusé."),
    404: ("not_found", "Adresse inconnue."),
    405: ("method_not_allowed", "Méthode non autorisée pour cette adresse."),
    406: ("not_acceptable", "Format de réponse non disponible."),
    413: ("payload_too_large", "Requête trop volumineuse : envoyez des lots plus petits."),
    415: ("unsupported_media_type", "Format de requête non pris en charge : envoyez du JSON."),
    429: ("too_many_requests", "Trop de requêtes : réessayez plus tard."),
}


def problem(
    status: int,
    code: str,
    title: str,
    *,
    detail: str | None = None,
    errors: list[dict[str, Any]] | None = None,
    headers: dict[str, str] | None = None,
) -> JSONResponse:
    body: dict[str, Any] = {"type": "about:blank", "title": title, "status": status, "code": code}
    if detail is not None:
        body["detail"] = detail
    if errors is not None:
        body["errors"] = errors
    return JSONResponse(body, status_code=status, media_type=PROBLEM_MEDIA_TYPE, headers=headers)


def _clean_errors(errors: Any) -> list[dict[str, Any]]:
    """Validation errors without the offending input or context objects (they may be huge or not JSON)."""
    out = []
    for err in errors:
        out.append(
            {
                "loc": [str(p) for p in err.get("loc", ())],
                "msg": str(err.get("msg", "")),
                "type": str(err.get("type", "")),
            }
        )
        if len(out) >= 50:
            break
    return out


async def _hq_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, HqError)
    headers = None
    if isinstance(exc, Unauthorized):
        headers = {"WWW-Authenticate": exc.scheme}
    elif isinstance(exc, Throttled):
        headers = {"Retry-After": str(exc.retry_after)}
    elif exc.status == 426:
        from gn_core.protocol import PROTOCOL_VERSION

        headers = {"Upgrade": f"GN-Protocol/{PROTOCOL_VERSION}", "Connection": "Upgrade"}
    return problem(exc.status, exc.code, exc.title, detail=exc.detail, errors=exc.errors, headers=headers)


async def _validation_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    errors = _clean_errors(exc.errors())
    detail = "; ".join(f"{'.'.join(e['loc'])} : {e['msg']}" for e in errors[:3])
    return problem(
        422, "invalid_request", "Requête invalide : vérifiez les champs signalés.", detail=detail, errors=errors
    )


async def _http_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    code, title = _HTTP_TITLES.get(exc.status_code, (f"http_{exc.status_code}", "Requête refusée."))
    detail = exc.detail if isinstance(exc.detail, str) else None
    return problem(exc.status_code, code, title, detail=detail, headers=dict(exc.headers or {}) or None)


async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
    log.exception("bug while serving %s %s", request.method, request.url.path, exc_info=exc)
    return problem(500, "internal_error", "Erreur interne du siège : elle a été enregistrée ; réessayez plus tard.")


def install(app: FastAPI) -> None:
    app.add_exception_handler(HqError, _hq_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(Exception, _unexpected)
