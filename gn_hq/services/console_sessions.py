"""The web console's server-side sessions, stored in HQ's database so that every `gn-hq serve` worker (and a restart)
sees them: the browser's cookie holds a random 256-bit token, the `console_session` table its SHA-256 only, with the
account, the CSRF token, the times and the messages for the next page.

A session ends after `IDLE_S` without a request, after `ABSOLUTE_S` in any case, on sign-out, and when its account is
deactivated (the console re-reads the account on every request and `close_user` ends them all). Expired rows are
removed at each new sign-in.

Writes here are short transactions of their own, apart from `Hq.write()` (they touch no synced record and take no
sequence number): a page view writes at most once a minute (the idle timer) and once when it shows a message.
"""

from __future__ import annotations

import hashlib
import json
import secrets
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import Connection, delete, insert, select, update

from gn_hq.db.models import console_session_table as session_t
from gn_hq.db.types import utcnow
from gn_hq.services.context import Hq

#: a session ends after this long without a request
IDLE_S = 30 * 60.0
#: and after this long whatever happens
ABSOLUTE_S = 10 * 3600.0
#: the idle timer is written back at most this often
TOUCH_EVERY_S = 60.0


@dataclass(slots=True)
class Session:
    key: str  # the token's SHA-256
    user_id: str
    csrf: str
    created_at: datetime
    last_seen_at: datetime
    #: messages for the next page shown (kind, French text): "Compte créé", an enrolment code…
    flash: list[tuple[str, str]] = field(default_factory=list)


def _key(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "replace")).hexdigest()


class SessionStore:
    """Threading: shared by every request thread of one HQ process; each call uses its own connection."""

    def __init__(self, hq: Hq, now: Callable[[], datetime] = utcnow) -> None:
        self._hq = hq
        self._now = now

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        # BEGIN IMMEDIATE on SQLite: the write lock is taken (or waited for) up front, never upgraded mid-transaction
        with self._hq.engine.connect().execution_options(hq_write=True) as conn, conn.begin():
            yield conn

    def open(self, user_id: str) -> tuple[str, Session]:
        """A new session for `user_id`: (the cookie's token, the session)."""
        token = secrets.token_urlsafe(32)
        now = self._now()
        session = Session(_key(token), user_id, secrets.token_urlsafe(32), now, now)
        with self._write() as conn:
            conn.execute(
                delete(session_t).where(
                    (session_t.c.last_seen_at < now - timedelta(seconds=IDLE_S))
                    | (session_t.c.created_at < now - timedelta(seconds=ABSOLUTE_S))
                )
            )
            conn.execute(
                insert(session_t).values(
                    token_hash=session.key,
                    user_id=user_id,
                    csrf=session.csrf,
                    created_at=now,
                    last_seen_at=now,
                    flash="[]",
                )
            )
        return token, session

    def get(self, token: str | None) -> Session | None:
        """The live session of this token (its idle timer restarted), or None."""
        if not token or len(token) > 200:
            return None
        key = _key(token)
        now = self._now()
        with self._hq.read() as conn:
            row = conn.execute(select(session_t).where(session_t.c.token_hash == key)).first()
        if row is None:
            return None
        idle = (now - row.last_seen_at).total_seconds()
        if idle > IDLE_S or (now - row.created_at).total_seconds() > ABSOLUTE_S:
            self.close(token)
            return None
        if idle > TOUCH_EVERY_S:
            with self._write() as conn:
                conn.execute(update(session_t).where(session_t.c.token_hash == key).values(last_seen_at=now))
        flash = [(str(k), str(m)) for k, m in json.loads(row.flash or "[]")]
        return Session(
            key, row.user_id, row.csrf, row.created_at, now if idle > TOUCH_EVERY_S else row.last_seen_at, flash
        )

    def add_flash(self, session: Session, kind: str, message: str) -> None:
        session.flash.append((kind, message))
        self._save_flash(session)

    def take_flash(self, session: Session) -> list[tuple[str, str]]:
        """The messages waiting for this page, now shown (and so forgotten)."""
        shown = list(session.flash)
        if shown:
            session.flash.clear()
            self._save_flash(session)
        return shown

    def _save_flash(self, session: Session) -> None:
        with self._write() as conn:
            conn.execute(
                update(session_t)
                .where(session_t.c.token_hash == session.key)
                .values(flash=json.dumps(session.flash[-20:], ensure_ascii=False))
            )

    def close(self, token: str | None) -> None:
        if token and len(token) <= 200:
            with self._write() as conn:
                conn.execute(delete(session_t).where(session_t.c.token_hash == _key(token)))

    def close_user(self, user_id: str) -> None:
        """End every session of an account (deactivated, or its password reset)."""
        with self._write() as conn:
            conn.execute(delete(session_t).where(session_t.c.user_id == user_id))
