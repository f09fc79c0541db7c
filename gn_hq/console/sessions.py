"""The console's server-side sessions: a random token in the browser's cookie, everything else in HQ's memory.

The cookie holds only a random 256-bit token; the session (account, CSRF token, expiry) stays here, keyed by the
token's SHA-256, so a copied memory dump of the browser's jar gives nothing beyond the token itself. A session ends
after `IDLE_S` without a request, after `ABSOLUTE_S` in any case, on sign-out, and when its account is deactivated
(the console re-reads the account on every request).

Sessions live in the memory of the HQ process: a restart signs everyone out, and with `gn-hq serve --workers N`
(N > 1) a browser must reach the same worker — the console is meant for one worker, the default.

Threading: one store per app, shared by every request thread.
"""

from __future__ import annotations

import hashlib
import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

#: a session ends after this long without a request
IDLE_S = 30 * 60.0
#: and after this long whatever happens
ABSOLUTE_S = 10 * 3600.0
#: sessions kept at most (the oldest are dropped first)
MAX_SESSIONS = 10_000


@dataclass(slots=True)
class Session:
    user_id: str
    csrf: str
    created: float
    last_seen: float
    #: messages for the next page shown (kind, French text): "Compte créé", an enrolment code…
    flash: list[tuple[str, str]] = field(default_factory=list)


def _key(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "replace")).hexdigest()


class SessionStore:
    def __init__(self, now: Callable[[], float] = time.monotonic) -> None:
        self._now = now
        self._lock = threading.Lock()
        self._sessions: dict[str, Session] = {}

    def open(self, user_id: str) -> tuple[str, Session]:
        """A new session for `user_id`: (the cookie's token, the session)."""
        token = secrets.token_urlsafe(32)
        now = self._now()
        session = Session(user_id, secrets.token_urlsafe(32), now, now)
        with self._lock:
            self._forget_expired(now)
            while len(self._sessions) >= MAX_SESSIONS:
                self._sessions.pop(next(iter(self._sessions)))
            self._sessions[_key(token)] = session
        return token, session

    def get(self, token: str | None) -> Session | None:
        """The live session of this token (its idle timer restarted), or None."""
        if not token or len(token) > 200:
            return None
        now = self._now()
        with self._lock:
            session = self._sessions.get(_key(token))
            if session is None:
                return None
            if now - session.last_seen > IDLE_S or now - session.created > ABSOLUTE_S:
                del self._sessions[_key(token)]
                return None
            session.last_seen = now
            return session

    def close(self, token: str | None) -> None:
        if token:
            with self._lock:
                self._sessions.pop(_key(token), None)

    def close_user(self, user_id: str) -> None:
        """End every session of an account (deactivated, or its password reset)."""
        with self._lock:
            for key in [k for k, s in self._sessions.items() if s.user_id == user_id]:
                del self._sessions[key]

    def _forget_expired(self, now: float) -> None:
        for key in [k for k, s in self._sessions.items() if now - s.last_seen > IDLE_S or now - s.created > ABSOLUTE_S]:
            del self._sessions[key]


def same(a: str | None, b: str | None) -> bool:
    """Constant-time comparison of two tokens (False when either is missing)."""
    return bool(a) and bool(b) and secrets.compare_digest(str(a).encode(), str(b).encode())
