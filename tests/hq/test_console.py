"""HQ's web console over HTTP (SQLite and PostgreSQL): sign-in with sessions, cookies and CSRF, the campus manager's
scope, every page and action through HQ's services, and French refusals naming the field — never a 500. The same
console in English: chosen with the header's switch (a cookie) or by the browser's Accept-Language, nothing left in
French, and its catalogue complete.

The same pages in a real browser, keyboard included: tests/browser/test_console_browser.py.
"""

from __future__ import annotations

import html
import importlib.util
import io
import re
import sys
import warnings
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text
from starlette.exceptions import StarletteDeprecationWarning

from gn_hq import cli
from gn_hq.app import create_app
from gn_hq.console import i18n
from gn_hq.console.i18n import Lang
from gn_hq.services import audit, conflicts, console_sessions, devices, erasure, users
from gn_hq.services.console_sessions import SessionStore
from gn_hq.services.context import Hq
from tests.hq.world import World, enrol, new_id, person_values

with warnings.catch_warnings():
    warnings.simplefilter("ignore", StarletteDeprecationWarning)
    from fastapi.testclient import TestClient

PASSWORD = "mot-de-passe-solide"
ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.usefixtures("console_catalogue")


@pytest.fixture
def console(hq: Hq) -> Iterator[TestClient]:
    with TestClient(create_app(hq=hq)) as c:
        yield c


def _csrf(html: str) -> str:
    found = re.search(r'name="csrf" value="([^"]+)"', html)
    assert found, html
    return found.group(1)


def _sign_in(client: TestClient, username: str, password: str = PASSWORD) -> str:
    """Sign in; returns the session's CSRF token (read from the dashboard)."""
    token = _csrf(client.get("/console/connexion").text)
    answer = client.post("/console/connexion", data={"csrf": token, "username": username, "password": password})
    assert answer.status_code == 200, answer.text
    assert answer.url.path == "/console/tableau-de-bord"
    return _csrf(answer.text)


def _messages(html: str, kind: str = "field-error") -> list[str]:
    return [m.replace("&#39;", "'") for m in re.findall(rf'class="{kind}[^"]*"[^>]*>([^<]+)<', html)]


@pytest.fixture
def people(world: World) -> World:
    """The world with an HQ administrator, a manager of SDN and of AUB, an advisor, and people on two campuses."""
    users.add_user(world.hq, "admin", "Administratrice", "hq_admin", PASSWORD)
    users.add_user(world.hq, "resp.sdn", "Responsable SDN", "campus_manager", PASSWORD, "SDN")
    users.add_user(world.hq, "resp.aub", "Responsable AUB", "campus_manager", PASSWORD, "AUB")
    users.add_user(world.hq, "conseil.sdn", "Conseiller SDN", "advisor", PASSWORD, "SDN")
    for code, n in (("SDN", 3), ("AUB", 2)):
        device = world.devices[code]
        changes = [
            device.insert("person", new_id(), person_values(world.campus_ids[code], pathway_step=step))
            for step in ("welcome", "outcome_hired", "training_in_progress")[:n]
        ]
        assert device.push(*changes)["rejected"] == []
    return world


def test_pages_need_a_session_and_sign_in_needs_the_form_token(console: TestClient, people: World) -> None:
    for path in ("/console/tableau-de-bord", "/console/campus", "/console/comptes", "/console/journal"):
        answer = console.get(path, follow_redirects=False)
        assert answer.status_code == 303 and answer.headers["location"] == "/console/connexion"
    page = console.get("/console/connexion")
    assert page.status_code == 200 and 'lang="fr"' in page.text
    assert "Content-Security-Policy" in page.headers and "script" not in page.text.lower()
    forged = console.post("/console/connexion", data={"csrf": "x", "username": "admin", "password": PASSWORD})
    assert forged.status_code == 403
    assert "Formulaire expiré" in forged.text
    assert console.get("/console/campus", follow_redirects=False).status_code == 303


def test_cookies_are_http_only_same_site_and_secure_over_https(hq: Hq, people: World) -> None:
    with TestClient(create_app(hq=hq), base_url="https://hq.example") as client:
        token = _csrf(client.get("/console/connexion").text)
        answer = client.post(
            "/console/connexion",
            data={"csrf": token, "username": "admin", "password": PASSWORD},
            follow_redirects=False,
        )
        assert answer.status_code == 303
        cookie = next(c for c in answer.headers.get_list("set-cookie") if c.startswith("gn_console="))
        assert "HttpOnly" in cookie and "SameSite=strict" in cookie and "Secure" in cookie and "Path=/console" in cookie
    with TestClient(create_app(hq=hq)) as plain:
        page = plain.get("/console/connexion")
        cookie = page.headers["set-cookie"]
        assert "HttpOnly" in cookie and "Secure" not in cookie  # plain http on a LAN: a Secure cookie would be lost


def test_wrong_password_unknown_name_and_advisor_get_the_same_refusal_then_a_wait(
    console: TestClient, people: World
) -> None:
    def attempt(username: str, password: str) -> tuple[int, list[str]]:
        token = _csrf(console.get("/console/connexion").text)
        answer = console.post("/console/connexion", data={"csrf": token, "username": username, "password": password})
        return answer.status_code, _messages(answer.text, "error")

    wrong = attempt("admin", "pas-le-bon-mot")
    assert wrong[0] == 401 and "Identifiant ou mot de passe incorrect" in wrong[1][0]
    assert attempt("personne", PASSWORD) == wrong
    assert attempt("conseil.sdn", PASSWORD) == wrong  # an advisor has no console
    status, message = attempt("admin", "")
    assert status == 422 and message == ["Mot de passe : champ obligatoire."]
    seen = [attempt("admin", "encore-faux")[0] for _ in range(3)]
    assert seen == [401, 401, 401]  # the fourth failure of the account (the free tries are 3)
    status, message = attempt("admin", PASSWORD)  # the guard of HQ's sign-in: even the right password waits
    assert status == 429 and "Trop de tentatives" in message[0]


def test_an_administrator_sees_every_page_and_the_programme(console: TestClient, people: World) -> None:
    _sign_in(console, "admin")
    board = console.get("/console/tableau-de-bord").text
    assert "<svg" in board and "SDN" in board and "AUB" in board and "MTR" in board
    assert re.search(r"<th scope=\"row\">Total</th><td>5</td>", board)
    for path, heading in (
        ("/console/campus", "Campus et appareils"),
        ("/console/comptes", "Comptes"),
        ("/console/conflits", "Conflits et effacements"),
        ("/console/journal", "Journal des accès aux données sensibles"),
    ):
        answer = console.get(path)
        assert answer.status_code == 200 and f"<h1>{heading}</h1>" in answer.text
    assert console.get("/console/static/console.css").status_code == 200
    assert console.get("/console/inconnue").status_code == 404


def test_a_campus_manager_sees_and_acts_on_their_campus_only(console: TestClient, people: World) -> None:
    csrf = _sign_in(console, "resp.sdn")
    board = console.get("/console/tableau-de-bord").text
    assert "SDN" in board and "AUB" not in board
    assert re.search(r"<th scope=\"row\">Total</th><td>3</td>", board)
    campus_page = console.get("/console/campus").text
    assert "SDN —" in campus_page and "AUB" not in campus_page
    accounts = console.get("/console/comptes").text
    assert "conseil.sdn" in accounts and "resp.aub" not in accounts and ">admin<" not in accounts
    assert console.get("/console/journal").status_code == 403
    aub_device = people.devices["AUB"].device_id
    answer = console.post("/console/appareils/revoquer", data={"csrf": csrf, "device": aub_device})
    assert answer.status_code == 422 and "Appareil : inconnu ou hors de votre périmètre." in answer.text
    assert next(d for d in devices.list_devices(people.hq) if d.id == aub_device).revoked_at is None
    answer = console.post("/console/campus/code", data={"csrf": csrf, "campus": "AUB", "kind": "pc"})
    assert answer.status_code == 422
    answer = console.post("/console/comptes/activer", data={"csrf": csrf, "username": "resp.aub", "active": "0"})
    assert answer.status_code == 422
    answer = console.post(
        "/console/comptes/ajouter",
        data={"csrf": csrf, "username": "chef", "role": "hq_admin", "password": PASSWORD, "confirm": PASSWORD},
    )
    assert answer.status_code == 422 and "Rôle : choisissez conseiller ou responsable de campus." in answer.text
    answer = console.post(
        "/console/comptes/ajouter",
        data={
            "csrf": csrf,
            "username": "intrus",
            "role": "advisor",
            "campus": "AUB",
            "password": PASSWORD,
            "confirm": PASSWORD,
        },
    )
    assert answer.status_code == 422 and "Campus : vous ne gérez que les comptes de votre campus." in answer.text
    assert not any(a.username == "intrus" for a in users.list_accounts(people.hq))


def test_devices_revoke_and_enrolment_codes_for_a_pc_and_a_kiosk(console: TestClient, people: World) -> None:
    csrf = _sign_in(console, "resp.sdn")
    answer = console.post("/console/campus/code", data={"csrf": csrf, "campus": "SDN", "kind": "kiosk"})
    code = re.search(r"borne d&#39;accueil pour SDN .*: ([0-9A-Z]{4}(?:-[0-9A-Z]{4}){3})", answer.text)
    assert answer.status_code == 200 and code, answer.text
    enrol(people.client, code.group(1), people.campus_ids["SDN"])  # a code HQ accepts, for a kiosk
    page = console.get("/console/campus").text
    assert page.count("Créer le code") == 1 and "Borne 1" in page
    sdn = people.devices["SDN"]
    answer = console.post("/console/appareils/revoquer", data={"csrf": csrf, "device": sdn.device_id})
    assert answer.status_code == 200 and "révoqué" in answer.text
    assert next(d for d in devices.list_devices(people.hq) if d.id == sdn.device_id).revoked_at is not None
    assert sdn.client.get("/v1/status", headers=sdn.headers).status_code == 401
    assert console.post("/console/appareils/revoquer", data={"device": sdn.device_id}).status_code == 403  # no CSRF


def test_accounts_add_deactivate_reset_and_role(console: TestClient, people: World, hq: Hq) -> None:
    csrf = _sign_in(console, "admin")
    form = {"csrf": csrf, "username": "Nadia", "name": "Nadia B.", "role": "advisor", "campus": "MTR"}
    answer = console.post("/console/comptes/ajouter", data={**form, "password": PASSWORD, "confirm": PASSWORD})
    assert answer.status_code == 200 and "Compte « nadia » créé." in answer.text
    assert users.verify(hq, "nadia", PASSWORD) is not None
    again = console.post("/console/comptes/ajouter", data={**form, "password": PASSWORD, "confirm": PASSWORD})
    assert again.status_code == 422 and "L'identifiant « nadia » est déjà pris." in _messages(again.text)

    short = {"csrf": csrf, "username": "nadia", "password": "court"}
    answer = console.post("/console/comptes/mot-de-passe", data=short)
    assert answer.status_code == 422 and "Mot de passe : 10 caractères au moins." in _messages(answer.text)
    new = "un-nouveau-mot-de-passe"
    answer = console.post(
        "/console/comptes/mot-de-passe", data={"csrf": csrf, "username": "nadia", "password": new, "confirm": new}
    )
    assert answer.status_code == 200 and users.verify(hq, "nadia", new) is not None

    answer = console.post(
        "/console/comptes/role", data={"csrf": csrf, "username": "nadia", "role": "campus_manager", "campus": ""}
    )
    assert answer.status_code == 422
    assert "Campus : obligatoire pour un conseiller ou un responsable de campus." in _messages(answer.text)
    answer = console.post(
        "/console/comptes/role", data={"csrf": csrf, "username": "nadia", "role": "campus_manager", "campus": "MTR"}
    )
    assert answer.status_code == 200
    nadia = next(a for a in users.list_accounts(hq) if a.username == "nadia")
    assert nadia.role == "campus_manager" and nadia.campus_id == people.campus_ids["MTR"]

    # Nadia signs in on her own browser; deactivating her account ends her session at once
    with TestClient(create_app(hq=hq)) as hers:
        _sign_in(hers, "nadia", new)
        answer = console.post("/console/comptes/activer", data={"csrf": csrf, "username": "nadia", "active": "0"})
        assert answer.status_code == 200 and "désactivé" in answer.text
        assert hers.get("/console/campus", follow_redirects=False).status_code == 303
    assert users.verify(hq, "nadia", new) is None
    answer = console.post("/console/comptes/activer", data={"csrf": csrf, "username": "admin", "active": "0"})
    assert answer.status_code == 422 and "vous ne pouvez pas désactiver le vôtre" in answer.text


def test_conflicts_and_erasures_by_campus(console: TestClient, people: World, hq: Hq) -> None:
    sdn = people.devices["SDN"]
    pid = new_id()
    sdn.push(sdn.insert("person", pid, person_values(people.campus_ids["SDN"])))
    erasure.request_erasure(hq, None, pid, "person_request", "TICKET-42", None)
    with hq.write() as tx:
        conflicts.insert_rows(
            tx.conn,
            [
                {
                    "id": new_id(),
                    "entity": "person",
                    "record_id": new_id(),
                    "person_id": None,
                    "kind": "field",
                    "field": "last_name",
                    "status": "open",
                    "winner": "hq",
                    "base": None,
                    "hq_value": '"Secret"',
                    "hq_device_id": None,
                    "hq_campus_id": people.campus_ids["AUB"],
                    "hq_user_id": None,
                    "hq_hlc": None,
                    "campus_value": '"Autre"',
                    "campus_device_id": None,
                    "campus_campus_id": people.campus_ids["AUB"],
                    "campus_user_id": None,
                    "campus_hlc": None,
                    "resolution": None,
                    "resolved_by_device_id": None,
                    "resolved_by_user_id": None,
                    "created_at": devices.utcnow(),
                    "resolved_at": None,
                    "server_seq": tx.next_seq(),
                }
            ],
        )
    _sign_in(console, "admin")
    page = console.get("/console/conflits").text
    assert "<strong>AUB</strong> : 1 conflit" in page and "last_name" in page and "Secret" not in page
    assert pid in page and "TICKET-42" in page
    with TestClient(create_app(hq=hq)) as manager:
        _sign_in(manager, "resp.sdn")
        page = manager.get("/console/conflits").text
        assert "Aucun conflit ouvert." in page and pid in page
    with TestClient(create_app(hq=hq)) as manager:
        _sign_in(manager, "resp.aub")
        page = manager.get("/console/conflits").text
        assert "last_name" in page and pid not in page and "Aucun effacement." in page
    console.cookies.set("gn_console_lang", "en", path="/console")
    page = console.get("/console/conflits").text
    assert "<strong>AUB</strong>: 1 conflict" in page and "different values" in page
    # the proof as HQ keeps it (French), read in English; the reference as the campus typed it
    assert "The person&#39;s request (GDPR art. 17) — reference: TICKET-42" in page


@pytest.mark.parametrize(
    "path",
    [
        "/console/comptes/ajouter",
        "/console/comptes/activer",
        "/console/comptes/mot-de-passe",
        "/console/comptes/role",
        "/console/campus/code",
        "/console/appareils/revoquer",
    ],
)
def test_hostile_forms_never_answer_500(console: TestClient, people: World, path: str) -> None:
    csrf = _sign_in(console, "admin")
    for data in (
        {"csrf": csrf},
        {"csrf": csrf, "username": "\x00" * 80, "role": "root", "campus": "../../", "device": "x" * 5000},
        {"csrf": csrf, "username": "admin", "role": "advisor", "campus": "ZZZ", "password": "p" * 1500},
        {"csrf": csrf, "username": "é" * 70, "password": PASSWORD, "confirm": PASSWORD, "kind": "kiosk"},
    ):
        answer = console.post(path, data=data)
        assert 200 <= answer.status_code < 500, (data, answer.text)
    assert console.post(path, content=b"\xff\xfe" * 50_000, headers={"content-type": "text/plain"}).status_code == 403
    assert console.get("/console/journal?depuis=hier&campus=%00").status_code == 422


def test_sessions_expire_when_idle_and_at_most_after_a_working_day(hq: Hq) -> None:
    now = [datetime(2026, 12, 4, 8, 0, tzinfo=UTC)]
    store = SessionStore(hq, now=lambda: now[0])
    token, _session = store.open("u1")
    assert store.get(token) is not None
    now[0] += timedelta(seconds=console_sessions.IDLE_S - 1)
    assert store.get(token) is not None  # each request restarts the idle timer
    now[0] += timedelta(seconds=console_sessions.IDLE_S + 1)
    assert store.get(token) is None
    token, _ = store.open("u1")
    for _ in range(int(console_sessions.ABSOLUTE_S // 600) + 1):
        now[0] += timedelta(seconds=600)
        store.get(token)
    assert store.get(token) is None
    assert store.get("x" * 500) is None and store.get(None) is None
    with hq.read() as conn:  # only the token's hash is stored; ended sessions are gone at the next sign-in
        store.open("u2")
        stored = conn.execute(text("SELECT token_hash FROM console_session")).scalars().all()
    assert token not in stored and len(stored) <= 2


def test_a_session_opened_on_one_hq_worker_is_known_to_another(make_hq: Callable[..., Hq], people: World) -> None:
    with TestClient(create_app(hq=make_hq())) as one, TestClient(create_app(hq=make_hq())) as other:
        csrf = _sign_in(one, "admin")
        other.cookies.update(one.cookies)
        assert other.get("/console/comptes").status_code == 200
        answer = other.post("/console/campus/code", data={"csrf": csrf, "campus": "SDN", "kind": "pc"})
        assert answer.status_code == 200 and "Code d&#39;inscription" in answer.text  # the flash crossed over too


def test_the_command_line_resets_a_password_and_changes_a_role_with_the_same_services(
    people: World, db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def run(*args: str) -> int:
        return cli.main([*args, "--database-url", db_url, "--data-dir", str(tmp_path / "data")])

    monkeypatch.setattr("sys.stdin", io.StringIO("un-autre-mot-de-passe\n"))
    assert run("user", "password", "conseil.sdn", "--password-stdin") == 0
    assert users.verify(people.hq, "conseil.sdn", "un-autre-mot-de-passe") is not None
    assert run("user", "role", "conseil.sdn", "--role", "campus_manager", "--campus", "AUB") == 0
    account = next(a for a in users.list_accounts(people.hq) if a.username == "conseil.sdn")
    assert account.role == "campus_manager" and account.campus_id == people.campus_ids["AUB"]
    assert run("user", "role", "conseil.sdn", "--role", "advisor") == 1
    assert "a besoin d'un campus" in capsys.readouterr().err


def test_the_dashboard_shows_hqs_indicators_for_the_period_asked(console: TestClient, world: World, hq: Hq) -> None:
    from gn_core import indicators as ind
    from gn_hq.services import indicators
    from tests.hq.test_indicators import fixture

    fixture(world)
    users.add_user(hq, "admin", "Administratrice", "hq_admin", PASSWORD)
    _sign_in(console, "admin")
    period = ind.Period(date(2026, 1, 1), date(2026, 6, 30))
    expected = {c.campus.code: c.indicators for c in indicators.programme(hq, period).campuses if c.campus}
    page = console.get("/console/tableau-de-bord", params={"du": "2026-01-01", "au": "2026-06-30"}).text
    for code in ("SDN", "AUB"):
        row = re.search(rf'<th scope="row">{code} <span[^>]*>[^<]*</span></th>((?:<td>[^<]*</td>\s*)+)</tr>', page)
        assert row, page
        shown = [int(v.replace("\u202f", "")) for v in re.findall(r"<td>([^<]*)</td>", row.group(1))]
        f = expected[code]
        assert shown[:8] == [
            f.enrolled,
            f.in_training,
            f.trained,
            f.placed,
            f.placed_cumulative,
            f.placed_target,
            f.placed_goal,
            f.startups_accompanied,
        ]
    assert expected["SDN"].placed == 3  # hired on a CDI, hired then back to job search, a business: not the intern
    assert "&lt; 5" in page  # a small cell of a sensitive breakdown stays hidden
    bad = console.get("/console/tableau-de-bord", params={"du": "2026-13-01", "au": "2025-01-01"})
    assert bad.status_code == 422 and "Du : date attendue au format AAAA-MM-JJ." in _messages(bad.text)
    bad = console.get("/console/tableau-de-bord", params={"du": "2026-02-01", "au": "2026-01-01"})
    assert bad.status_code == 422 and "Au : la fin de la période doit suivre son début." in _messages(bad.text)


_FIELDS = ("username", "name", "role", "campus", "password", "confirm", "active", "device", "kind", "du", "au")
_VALUES = st.one_of(
    st.text(max_size=80),
    st.sampled_from(["admin", "resp.sdn", "SDN", "AUB", "hq_admin", "advisor", "1", "0", "kiosk", PASSWORD, ""]),
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    path=st.sampled_from(
        [
            "/console/comptes/ajouter",
            "/console/comptes/activer",
            "/console/comptes/mot-de-passe",
            "/console/comptes/role",
            "/console/campus/code",
            "/console/appareils/revoquer",
            "/console/connexion",
        ]
    ),
    fields=st.dictionaries(st.sampled_from(_FIELDS), _VALUES, max_size=8),
    query=st.dictionaries(
        st.sampled_from(("du", "au", "campus", "personne", "depuis", "mois", "format")), _VALUES, max_size=4
    ),
)
def test_any_form_or_query_answers_a_page_never_a_server_error(
    hq: Hq, people: World, path: str, fields: dict[str, str], query: dict[str, str]
) -> None:
    with TestClient(create_app(hq=hq)) as client:
        csrf = _sign_in(client, "resp.sdn")
        answer = client.post(path, data={"csrf": csrf, **fields})
        assert answer.status_code < 500, answer.text
        assert "text/html" in answer.headers["content-type"]
        for page in ("/console/tableau-de-bord", "/console/journal", "/console/rapport"):
            assert client.get(page, params=query).status_code < 500
    assert any(a.username == "resp.sdn" and a.active for a in users.list_accounts(hq))


def test_the_monthly_report_is_downloaded_as_pdf_or_xlsx_for_the_viewers_scope(
    console: TestClient, world: World, hq: Hq
) -> None:
    from pypdf import PdfReader

    from tests.hq.test_indicators import fixture

    fixture(world)
    users.add_user(hq, "admin", "Administratrice", "hq_admin", PASSWORD)
    users.add_user(hq, "resp.aub", "Responsable AUB", "campus_manager", PASSWORD, "AUB")
    _sign_in(console, "admin")
    board = console.get("/console/tableau-de-bord").text
    assert 'action="/console/rapport"' in board and "Télécharger le rapport" in board
    pdf = console.get("/console/rapport", params={"mois": "2026-03", "format": "pdf", "campus": "SDN"})
    assert pdf.status_code == 200 and pdf.headers["content-type"] == "application/pdf"
    assert 'filename="rapport-2026-03-SDN.pdf"' in pdf.headers["content-disposition"]
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.content)).pages)
    assert "Saint-Denis" in text and "2026" in text
    xlsx = console.get("/console/rapport", params={"mois": "2026-03", "format": "xlsx"})
    assert xlsx.status_code == 200 and xlsx.content[:2] == b"PK"
    bad = console.get("/console/rapport", params={"mois": "mars", "format": "pdf"})
    assert bad.status_code == 422 and any(m.startswith("Mois invalide") for m in _messages(bad.text))
    bad = console.get("/console/rapport", params={"mois": "2026-03", "format": "doc", "campus": "ZZZ"})
    assert bad.status_code == 422
    assert {"Format : PDF ou XLSX.", "Campus : inconnu ou hors de votre périmètre."} <= set(_messages(bad.text))
    with TestClient(create_app(hq=hq)) as manager:
        _sign_in(manager, "resp.aub")
        mine = manager.get("/console/rapport", params={"mois": "2026-03", "format": "pdf", "campus": "SDN"})
        assert 'filename="rapport-2026-03-AUB.pdf"' in mine.headers["content-disposition"]  # never another campus's
        text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(mine.content)).pages)
        assert "Aubervilliers" in text and "Saint-Denis" not in text


# --- English ------------------------------------------------------------------------------------------------------


def test_the_report_is_downloaded_in_the_consoles_language(console: TestClient, world: World, hq: Hq) -> None:
    from openpyxl import load_workbook
    from pypdf import PdfReader

    from tests.hq.test_indicators import fixture

    fixture(world)
    users.add_user(hq, "admin", "Administratrice", "hq_admin", PASSWORD)
    _sign_in(console, "admin")
    console.get("/console/langue", params={"choix": "en", "retour": "/console/tableau-de-bord"})
    assert ">Download the report</button>" in console.get("/console/tableau-de-bord").text
    pdf = console.get("/console/rapport", params={"mois": "2026-03", "format": "pdf", "campus": "SDN"})
    assert pdf.status_code == 200 and 'filename="report-2026-03-SDN.pdf"' in pdf.headers["content-disposition"]
    text = " ".join("".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.content)).pages).split())
    assert "report for March 2026" in text and "People placed in the month 1" in text and "By gender" in text
    assert "rapport de" not in text and "Personnes" not in text
    xlsx = console.get("/console/rapport", params={"mois": "2026-03", "format": "xlsx"})
    assert 'filename="report-2026-03-ALL.xlsx"' in xlsx.headers["content-disposition"]
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    assert sheet is not None and sheet["A1"].value == "Le Grand Numérique — report for March 2026"
    assert str(sheet["A2"].value).startswith("All campuses — from 2026-03-01")
    # back to French: the report too
    console.get("/console/langue", params={"choix": "fr", "retour": "/console/tableau-de-bord"})
    french = console.get("/console/rapport", params={"mois": "2026-03", "format": "xlsx"})
    assert 'filename="rapport-2026-03-TOUS.xlsx"' in french.headers["content-disposition"]
    sheet = load_workbook(io.BytesIO(french.content)).active
    assert sheet is not None and sheet["A1"].value == "Le Grand Numérique — rapport de mars 2026"


def test_the_report_follows_the_browsers_language_with_no_switch(console: TestClient, world: World, hq: Hq) -> None:
    from openpyxl import load_workbook

    users.add_user(hq, "admin", "Administratrice", "hq_admin", PASSWORD)
    console.headers["Accept-Language"] = "en-GB,en;q=0.9,fr;q=0.5"
    _sign_in(console, "admin")
    xlsx = console.get("/console/rapport", params={"mois": "2026-03", "format": "xlsx"})
    assert xlsx.status_code == 200 and 'filename="report-2026-03-ALL.xlsx"' in xlsx.headers["content-disposition"]
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    assert sheet is not None and sheet.title == "Report" and "report for March 2026" in str(sheet["A1"].value)


def _build_translations(monkeypatch: pytest.MonkeyPatch) -> Any:
    """resources/build_translations.py (a script, not a package) as a module."""
    spec = importlib.util.spec_from_file_location("build_translations", ROOT / "resources" / "build_translations.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, spec.name, module)  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def _catalogue() -> dict[str, str]:
    """The English catalogue's messages: French → English (a plural's singular forms)."""
    from babel.messages.pofile import read_po

    with (ROOT / "resources" / "translations" / "gn_hq_console_en.po").open("rb") as f:
        catalog = read_po(f)
    return {
        (m.id[0] if isinstance(m.id, tuple) else m.id): (m.string[0] if isinstance(m.string, tuple) else m.string)
        for m in catalog
        if m.id
    }


#: what the people fixture's accounts are called: data, French whatever the console's language
_NAMES = ("Administratrice", "Responsable SDN", "Responsable AUB", "Conseiller SDN")


def _french_left(page: str) -> list[str]:
    """The console's French messages (of 8 characters or more, without placeholders, whose English differs) still
    found in an English page, tags stripped and entities read (the accounts' names left out: they are data)."""
    text = html.unescape(re.sub(r"<[^>]+>", " ", page))
    text = " ".join(text.split())
    for name in _NAMES:
        text = text.replace(name, "")
    attributes = " ".join(html.unescape(v) for v in re.findall(r'(?:aria-label|title)="([^"]*)"', page))
    return sorted(
        fr
        for fr, en in _catalogue().items()
        if len(fr) >= 8 and fr != en and not re.search(r"[{%]", fr) and (fr in text or fr in attributes)
    )


@pytest.mark.parametrize(
    ("cookie", "header", "expected"),
    [
        (None, None, "fr"),
        (None, "en-GB,en;q=0.9,fr;q=0.8", "en"),
        (None, "fr-FR,fr;q=0.9,en-US;q=0.8", "fr"),
        (None, "de-DE,de;q=0.9", "fr"),  # anything else: French
        (None, "de,en;q=0.5", "en"),  # English is accepted, French is not
        (None, "fr;q=0.4, EN-us;q=0.7", "en"),
        (None, "en;q=0, fr;q=0", "fr"),
        (None, "en;q=abc", "fr"),
        (None, "*", "fr"),
        ("en", "fr-FR", "en"),  # the switch wins over the browser
        ("fr", "en-US", "fr"),
        ("de", "en-US", "en"),  # a cookie naming no language of the console is ignored
    ],
)
def test_the_language_is_the_switchs_else_the_browsers_else_french(
    cookie: str | None, header: str | None, expected: str
) -> None:
    assert i18n.negotiate(cookie, header) == expected


@given(cookie=st.one_of(st.none(), st.text(max_size=20)), header=st.one_of(st.none(), st.text(max_size=200)))
def test_any_cookie_or_header_gives_a_language_of_the_console(cookie: str | None, header: str | None) -> None:
    assert i18n.negotiate(cookie, header) in i18n.LANGUAGES


def test_numbers_and_dates_are_written_the_way_each_language_writes_them() -> None:
    fr, en = Lang.of("fr"), Lang.of("en")
    assert fr.number(1234567) == "1\u202f234\u202f567" and en.number(1234567) == "1,234,567"
    assert fr.decimal(12.345) == "12,3" and en.decimal(12.345) == "12.3"
    assert fr.percent(0.125, 1) == "12,5\u202f%" and en.percent(0.5) == "50%"
    moment = datetime(2026, 12, 6, 14, 5, tzinfo=UTC)
    assert fr.date(moment) == "06/12/2026 14:05" and en.date(moment) == "2026-12-06 14:05"
    assert fr.date(moment.date()) == "06/12/2026" and en.date(moment, with_time=False) == "2026-12-06"
    assert fr.date(None) == en.date(None) == "—"
    assert Lang.of("xx") == fr
    assert en.ngettext("%(num)s compte", "%(num)s comptes", 1) == "%(num)s account"
    assert fr.ngettext("%(num)s compte", "%(num)s comptes", 0) == "%(num)s compte"  # French: 0 is singular
    assert en.ngettext("%(num)s compte", "%(num)s comptes", 0) == "%(num)s accounts"


def test_the_english_catalogue_is_complete_and_follows_the_code(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every message of the console's code and templates is in the .po, translated, with the same placeholders; the
    .po holds nothing else (`resources/build_translations.py --update` keeps it so)."""
    extracted = _build_translations(monkeypatch).console_messages()
    in_code = {m.id[0] if isinstance(m.id, tuple) else m.id for m in extracted if m.id}
    catalogue = _catalogue()
    assert in_code == set(catalogue), (
        f"run resources/build_translations.py --update: new {sorted(in_code - set(catalogue))}, "
        f"gone {sorted(set(catalogue) - in_code)}"
    )
    from babel.messages.pofile import read_po

    with (ROOT / "resources" / "translations" / "gn_hq_console_en.po").open("rb") as f:
        for message in read_po(f):
            if not message.id:
                continue
            ids = message.id if isinstance(message.id, tuple) else (message.id,)
            strings = message.string if isinstance(message.string, tuple) else (message.string,)
            assert all(s.strip() for s in strings) and not message.fuzzy, f"untranslated: {ids[0]!r}"
            wanted = set(re.findall(r"\{\w+\}|%\(\w+\)s", ids[-1]))
            for text in strings:
                assert set(re.findall(r"\{\w+\}|%\(\w+\)s", text)) == wanted, f"placeholders differ: {text!r}"


def test_french_by_default_and_english_when_the_browser_asks(console: TestClient, people: World) -> None:
    french = console.get("/console/connexion")
    assert 'lang="fr"' in french.text and "Connexion à la console" in french.text
    assert french.headers["content-language"] == "fr" and "Accept-Language" in french.headers["vary"]
    english = console.get("/console/connexion", headers={"Accept-Language": "en-US,en;q=0.9"})
    assert '<html lang="en">' in english.text and english.headers["content-language"] == "en"
    assert "Sign in to the console" in english.text and "For HQ administrators and campus managers." in english.text
    assert ">User name</label>" in english.text and ">Password</label>" in english.text
    assert "Connexion" not in english.text and "Identifiant" not in english.text and "Mot de passe" not in english.text
    assert _french_left(english.text) == []
    german = console.get("/console/connexion", headers={"Accept-Language": "de-DE,de;q=0.9"})
    assert 'lang="fr"' in german.text and "Connexion à la console" in german.text
    token = _csrf(german.text)  # the form's token is the last page's
    refused = console.post(
        "/console/connexion",
        data={"csrf": token, "username": "admin", "password": "pas-le-bon"},
        headers={"Accept-Language": "en"},
    )
    assert refused.status_code == 401
    assert _messages(refused.text, "error") == [
        "Wrong user name or password, or an account without access to the console "
        "(HQ administrators and campus managers)."
    ]


def test_the_switch_remembers_english_in_a_cookie_on_every_page(console: TestClient, people: World) -> None:
    signin = console.get("/console/connexion")
    assert 'href="/console/langue?choix=en&amp;retour=/console/connexion"' in signin.text
    assert '<span lang="fr" aria-current="true">Français</span>' in signin.text
    chosen = console.get(
        "/console/langue", params={"choix": "en", "retour": "/console/connexion"}, follow_redirects=False
    )
    assert chosen.status_code == 303 and chosen.headers["location"] == "/console/connexion"
    cookie = chosen.headers["set-cookie"]
    assert cookie.startswith("gn_console_lang=en;") and "Path=/console" in cookie and "SameSite=lax" in cookie
    assert f"Max-Age={i18n.COOKIE_MAX_AGE}" in cookie and "HttpOnly" in cookie
    csrf = _sign_in(console, "admin")  # the browser still prefers French: the switch wins
    console.headers["Accept-Language"] = "fr-FR,fr;q=0.9"
    board = console.get("/console/tableau-de-bord", params={"du": "2024-01-01"})
    assert '<html lang="en">' in board.text
    for english in (
        "<h1>Programme dashboard</h1>",
        ">Dashboard</a>",
        ">Campuses and devices</a>",
        ">Access log</a>",
        ">Sign out</button>",
        "Administratrice — HQ administrator",
        ">Download the report</button>",
        "People placed each month",
        "Placed (cumulative)",
        "Key figures of the period",
        '<th scope="row">Total</th><td>5</td>',
        ">Breakdowns of the period</h2>",
        ">Gender</caption>",
        ">Not stated</th>",
        "The charts' figures, campuses side by side, from 2024-01-01 to ",
    ):
        assert english in board.text, english
    for french in ("Tableau de bord", "Se déconnecter", "Inscrites", "Placées", "Télécharger", "trajectoire", "Genre"):
        assert french not in board.text, french
    assert _french_left(board.text) == []
    # the switch comes back to the same page, the period asked kept
    assert 'retour=/console/tableau-de-bord%3Fdu%3D2024-01-01"' in board.text
    for path, heading in (
        ("/console/campus", "Campuses and devices"),
        ("/console/comptes", "Accounts"),
        ("/console/conflits", "Conflicts and erasures"),
        ("/console/journal", "Access log of sensitive data"),
    ):
        answer = console.get(path)
        assert answer.status_code == 200 and f"<h1>{heading}</h1>" in answer.text
        assert _french_left(answer.text) == [], path
    unknown = console.get("/console/inconnue")
    assert unknown.status_code == 404 and "Unknown page." in unknown.text and '<html lang="en">' in unknown.text
    assert "Back to the dashboard" in unknown.text

    # forms answer in English too: refusals naming the field, flash messages
    answer = console.post(
        "/console/comptes/ajouter",
        data={"csrf": csrf, "username": "nadia", "role": "advisor", "campus": "MTR", "password": "court"},
    )
    assert answer.status_code == 422 and _messages(answer.text) == ["Password: at least 10 characters."]
    assert "Check the fields marked below." in answer.text and 'retour=/console/comptes"' in answer.text
    form = {"csrf": csrf, "username": "nadia", "role": "advisor", "campus": "MTR"}
    answer = console.post("/console/comptes/ajouter", data={**form, "password": PASSWORD, "confirm": PASSWORD})
    assert answer.status_code == 200 and "Account “nadia” created." in answer.text
    again = console.post("/console/comptes/ajouter", data={**form, "password": PASSWORD, "confirm": PASSWORD})
    assert _messages(again.text) == ["The user name “nadia” is already taken."]
    answer = console.post("/console/campus/code", data={"csrf": csrf, "campus": "SDN", "kind": "kiosk"})
    assert re.search(r"Enrolment code for a reception kiosk of SDN \(single use, valid \d+ days\): \S+", answer.text)
    bad = console.get("/console/tableau-de-bord", params={"du": "2026-13-01"})
    assert _messages(bad.text) == ["From: a date is expected, as YYYY-MM-DD."]
    bad = console.get("/console/rapport", params={"mois": "mars", "format": "doc"})
    assert set(_messages(bad.text)) == {"Format: PDF or XLSX."}
    bad = console.get("/console/rapport", params={"mois": "mars", "format": "pdf"})
    assert _messages(bad.text) == ["Invalid month “mars”: expected YYYY-MM, for example 2026-11."]
    expired = console.post("/console/appareils/revoquer", data={"csrf": "forged", "device": "x"})
    assert expired.status_code == 403 and "Form expired or sent from elsewhere" in expired.text

    # and back to French
    console.get("/console/langue", params={"choix": "fr", "retour": "/console/campus"})
    assert "<h1>Campus et appareils</h1>" in console.get("/console/campus").text


@pytest.mark.parametrize(
    "target",
    [
        "https://elsewhere.example/",
        "//elsewhere.example/console/",
        "/console//elsewhere.example",
        "/ailleurs",
        "/console\\..\\x",
        "/console/\r\nSet-Cookie: x=1",
        "",
        "x" * 3000,
    ],
)
def test_the_switch_never_sends_anyone_out_of_the_console(console: TestClient, target: str) -> None:
    answer = console.get("/console/langue", params={"choix": "en", "retour": target}, follow_redirects=False)
    assert answer.status_code == 303 and answer.headers["location"] == "/console/"


def test_a_language_the_console_does_not_speak_changes_nothing(console: TestClient) -> None:
    answer = console.get(
        "/console/langue", params={"choix": "de", "retour": "/console/connexion"}, follow_redirects=False
    )
    assert answer.status_code == 303 and "set-cookie" not in answer.headers
    assert 'lang="fr"' in console.get("/console/connexion").text


def test_the_audit_trail_reads_in_english(console: TestClient, people: World) -> None:
    sdn = people.devices["SDN"]
    advisor = next(a.id for a in users.list_accounts(people.hq) if a.username == "conseil.sdn")
    detail = "what=people format=xlsx rows=1240 from=2026-11-01 to=2026-11-30"
    event = {"at": "2026-11-20T10:15:00.000+00:00", "account_id": advisor, "device_id": sdn.device_id}
    event |= {"campus_id": sdn.campus_id, "action": "people_export", "person_id": None, "detail": detail}
    assert sdn.push(sdn.insert("audit_event", new_id(), event))["rejected"] == []
    _sign_in(console, "admin")
    french = console.get("/console/journal").text
    assert (
        "Export de personnes" in french and "extraction des personnes, XLSX, 1\u202f240 lignes, du 01/11/2026" in french
    )
    assert "20/11/2026 10:15" in french
    console.cookies.set("gn_console_lang", "en", path="/console")
    english = console.get("/console/journal").text
    assert "People exported" in english and "people extract, XLSX, 1,240 rows, from 2026-11-01 to 2026-11-30" in english
    assert "2026-11-20 10:15" in english and "1 entry" in english
    assert (
        audit.detail_label(detail) == "extraction des personnes, XLSX, 1\u202f240 lignes, du 01/11/2026 au 30/11/2026"
    )
