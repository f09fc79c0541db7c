"""HQ's web console (`/console`): server-rendered pages over HQ's services for HQ administrators and campus managers.

French or English (i18n.py: the header's switch, else the browser's language), Jinja2 templates, one local stylesheet
and no script: it works on an offline LAN. Its own sign-in (HQ's throttled password check), server-side sessions in
HQ's database (services/console_sessions.py), a CSRF token on every form.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from gn_hq.console import accounts, pages
from gn_hq.console.web import PREFIX
from gn_hq.services.console_sessions import SessionStore
from gn_hq.services.context import Hq

STATIC_DIR = Path(__file__).parent / "static"


def install(app: FastAPI, hq: Hq) -> None:
    """Serve the console under /console on `app` (whose `state.hq` is `hq`)."""
    app.state.console_sessions = SessionStore(hq)
    app.mount(PREFIX + "/static", StaticFiles(directory=STATIC_DIR), name="console-static")
    app.include_router(accounts.router, prefix=PREFIX)
    app.include_router(pages.router, prefix=PREFIX)  # last: its catch-all answers unknown console pages
