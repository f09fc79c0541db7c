"""Signing in to the advisor workspace with no network: argon2 hashes stored on the campus, throttled failures.

`sign_in` is a *write* (it records failures in `SignInThrottle`) but never raises for a wrong password: a raised error
would roll the unit of work back and with it the failure count. It returns a `SignInResult` saying what happened.

Throttle: the first `FREE_ATTEMPTS` failures cost nothing; after that each failure makes the next attempt wait
`BASE_DELAY_S * 2**(failures - FREE_ATTEMPTS)` seconds, at most `MAX_DELAY_S`. A success clears the count. The count
is kept per username (known or not, so probing names is throttled too) and survives restarts.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import cache

from sqlalchemy import select

from gn_core.domain import enums as e
from gn_desktop.services import accounts
from gn_desktop.store import models as m
from gn_desktop.store.uow import UnitOfWork

FREE_ATTEMPTS = 3
BASE_DELAY_S = 5
MAX_DELAY_S = 300
#: minutes of inactivity before the workspace locks back to the sign-in screen
DEFAULT_LOCK_MINUTES = 10
LOCK_SETTING = "inactivity_lock_minutes"


@cache
def _dummy_hash() -> str:
    """A valid hash, verified when the username is unknown so both cases take the same time."""
    return accounts.hash_password("gn-desktop: no such user")


@dataclass(frozen=True, slots=True)
class SignedIn:
    """Who is signed in: every write of the session is attributed to `user_id`."""

    user_id: str | None
    username: str
    display_name: str
    role: e.UserRole | None
    campus_id: str | None


@dataclass(frozen=True, slots=True)
class SignInResult:
    """`user` when the sign-in succeeded; otherwise `message` (French) and, when throttled, `retry_after_s`."""

    user: SignedIn | None
    message: str = ""
    retry_after_s: int = 0

    @property
    def ok(self) -> bool:
        return self.user is not None


def delay_after(failures: int) -> int:
    """Seconds the next attempt must wait after `failures` consecutive failures."""
    if failures < FREE_ATTEMPTS:
        return 0
    return int(min(MAX_DELAY_S, BASE_DELAY_S * 2 ** (failures - FREE_ATTEMPTS)))


def _wait_message(seconds: int) -> str:
    if seconds >= 60:
        minutes = (seconds + 59) // 60
        return f"Trop d'essais infructueux : réessayez dans {minutes} min."
    return f"Trop d'essais infructueux : réessayez dans {seconds} s."


def sign_in(uow: UnitOfWork, username: str, password: str, now: datetime | None = None) -> SignInResult:
    """Check `password` for `username` against the stored argon2 hash, with throttling. Never raises."""
    now = now or datetime.now(UTC)
    clean = username.strip().lower()
    if not clean or not password:
        return SignInResult(None, "Saisissez votre identifiant et votre mot de passe.")
    s = uow.session
    throttle = s.get(m.SignInThrottle, clean)
    if throttle is not None and throttle.locked_until is not None and throttle.locked_until > now:
        wait = int((throttle.locked_until - now).total_seconds()) + 1
        return SignInResult(None, _wait_message(wait), wait)
    user = s.scalar(select(m.User).where(m.User.username == clean))
    ok = accounts.verify_password(user.password_hash if user else _dummy_hash(), password)
    if user is not None and ok and user.active:
        if throttle is not None:
            s.delete(throttle)
            s.flush()
        return SignInResult(SignedIn(user.id, user.username, user.display_name, user.role, user.campus_id))
    if throttle is None:
        throttle = m.SignInThrottle(username=clean, failures=0)
        s.add(throttle)
    throttle.failures += 1
    throttle.last_failure_at = now
    wait = delay_after(throttle.failures)
    throttle.locked_until = now + timedelta(seconds=wait) if wait else None
    s.flush()
    if user is not None and ok and not user.active:
        return SignInResult(None, "Ce compte est désactivé. Adressez-vous au responsable du campus.")
    message = "Identifiant ou mot de passe incorrect."
    if wait:
        message += " " + _wait_message(wait)
    return SignInResult(None, message, wait)


def session_for(uow: UnitOfWork, username: str) -> SignedIn:
    """The session of an existing account without a password (screenshots and self-test only, never the UI)."""
    user = uow.session.scalar(select(m.User).where(m.User.username == username.strip().lower()))
    if user is None:
        raise LookupError(username)
    return SignedIn(user.id, user.username, user.display_name, user.role, user.campus_id)


def account_active(uow: UnitOfWork, user_id: str) -> bool:
    """Whether the account `user_id` exists on this PC and may sign in (after the campus's data was replaced by HQ's
    ready database, the signed-in user may have no account in it)."""
    return bool(uow.session.scalar(select(m.User.active).where(m.User.id == user_id)))


def first_advisor(uow: UnitOfWork) -> str | None:
    """Username of an advisor of this device's campus (demo screenshots sign in as them), else any account."""
    q = select(m.User.username).where(m.User.active.is_(True)).order_by(m.User.username)
    if uow.campus_id:
        found = uow.session.scalar(q.where(m.User.campus_id == uow.campus_id, m.User.role == e.UserRole.ADVISOR))
        if found:
            return found
    return uow.session.scalar(q)


def lock_minutes(uow: UnitOfWork) -> int:
    """Minutes of inactivity before the workspace locks (local setting `inactivity_lock_minutes`, default 10)."""
    setting = uow.session.get(m.LocalSetting, LOCK_SETTING)
    try:
        value = int(setting.value) if setting is not None else DEFAULT_LOCK_MINUTES
    except ValueError:
        return DEFAULT_LOCK_MINUTES
    return value if value > 0 else DEFAULT_LOCK_MINUTES


def set_lock_minutes(uow: UnitOfWork, minutes: int) -> None:
    if not 1 <= minutes <= 240:
        raise ValueError("minutes must be between 1 and 240")
    setting = uow.session.get(m.LocalSetting, LOCK_SETTING)
    if setting is None:
        uow.session.add(m.LocalSetting(key=LOCK_SETTING, value=str(minutes)))
    else:
        setting.value = str(minutes)
    uow.session.flush()
