"""Request dependencies: the `Hq` context, the protocol version check, device and HQ-user authentication."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Header, Request, Security
from fastapi.security import HTTPAuthorizationCredentials, HTTPBasic, HTTPBasicCredentials, HTTPBearer

from gn_core.domain.enums import UserRole
from gn_core.protocol import OLDEST_SUPPORTED_PROTOCOL, PROTOCOL_HEADER, PROTOCOL_VERSION
from gn_hq.api import observability
from gn_hq.services import devices, users
from gn_hq.services.context import Hq
from gn_hq.services.devices import AuthDevice
from gn_hq.services.errors import HqError, Unauthorized

bearer = HTTPBearer(auto_error=False, description="the device token received at enrolment")
basic = HTTPBasic(auto_error=False, description="an HQ account (gn-hq user add)")


def get_hq(request: Request) -> Hq:
    hq = request.app.state.hq
    assert isinstance(hq, Hq)
    return hq


HqDep = Annotated[Hq, Depends(get_hq)]


def protocol_version(
    gn_protocol: Annotated[
        str | None,
        Header(
            alias=PROTOCOL_HEADER,
            description=f"the client's sync protocol version; HQ serves {OLDEST_SUPPORTED_PROTOCOL}–{PROTOCOL_VERSION}",
        ),
    ] = None,
) -> int:
    """The client's protocol version; older than HQ serves (or none) is 426, newer is 400."""
    text = (gn_protocol or "").strip()
    version = int(text) if text.isascii() and text.isdigit() and len(text) < 6 else None
    if version is None or version < OLDEST_SUPPORTED_PROTOCOL:
        raise HqError(
            "Application du campus trop ancienne pour le siège : mettez-la à jour. "
            "Les modifications en attente restent sur le poste et partiront après la mise à jour.",
            code="protocol_too_old",
            status=426,
            detail=f"Le siège accepte les versions {OLDEST_SUPPORTED_PROTOCOL} à {PROTOCOL_VERSION} du protocole ; "
            f"en-tête {PROTOCOL_HEADER} reçu : {text[:20] or 'absent'}.",
        )
    if version > PROTOCOL_VERSION:
        raise HqError(
            "Le siège n'accepte pas encore cette version du protocole : il doit être mis à jour.",
            code="protocol_unsupported",
            status=400,
            detail=f"Version la plus récente acceptée : {PROTOCOL_VERSION}.",
        )
    return version


ProtocolDep = Annotated[int, Depends(protocol_version)]


def current_device(
    request: Request,
    hq: HqDep,
    _protocol: ProtocolDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Security(bearer)],
) -> AuthDevice:
    """The enrolled, non-revoked device the bearer token belongs to; otherwise 401. Named in the access log."""
    device = devices.authenticate(hq, credentials.credentials if credentials else None)
    state = request.scope.get("state")
    if isinstance(state, dict):
        state[observability.DEVICE_KEY] = device.id
        state[observability.CAMPUS_KEY] = device.campus_id
    return device


DeviceDep = Annotated[AuthDevice, Depends(current_device)]


def _may_read_indicators(user: users.HqUser) -> bool:
    return user.role is UserRole.HQ_ADMIN or (user.role is UserRole.CAMPUS_MANAGER and user.campus_id is not None)


def indicators_reader(
    request: Request, hq: HqDep, credentials: Annotated[HTTPBasicCredentials | None, Security(basic)]
) -> users.HqUser:
    """An HQ administrator or a campus manager (HTTP Basic, throttled); anything else is the same 401."""
    if credentials is None:
        raise Unauthorized("Basic")
    address = request.client.host if request.client else None
    return users.sign_in(hq, credentials.username, credentials.password, address, _may_read_indicators)


IndicatorsReaderDep = Annotated[users.HqUser, Depends(indicators_reader)]
