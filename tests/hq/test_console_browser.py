"""HQ's console in a real browser: Debian's chromium driven by Playwright against `gn-hq serve` (SQLite and
PostgreSQL), keyboard included — tab through the sign-in, submit with Enter, move through the pages and act with the
keyboard only; the header's switch turns the console into English. Every page is captured at 1280×800; with
GN_CONSOLE_SCREENSHOTS=DIR the captures are written there (the README's docs/screenshots/console-*.png come from this
test, the English ones in DIR/en, as docs/screenshots/en/console-*.png).

Playwright's own browser download is never used: the system chromium (`make test` installs it) is launched by path.
"""

from __future__ import annotations

import os
import random
import re
import shutil
import socket
import subprocess
import sys
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from gn_core.indicators import PROGRAMME_START
from gn_core.sync_rules import DeviceRole
from gn_hq.health import HqDidNotStart, wait_until_healthy
from gn_hq.services import devices, erasure, users
from gn_hq.services.context import Hq
from tests.hq.world import SimDevice, World, enrol, new_id, person_values

if TYPE_CHECKING:
    from fastapi.testclient import TestClient

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
pytestmark = pytest.mark.usefixtures("console_catalogue")
PASSWORD = "mot-de-passe-solide"
SIZE = {"width": 1280, "height": 800}
STEPS = (
    ("welcome", 9),
    ("assessment", 6),
    ("orientation", 5),
    ("training_enrolled", 7),
    ("training_in_progress", 12),
    ("training_completed", 6),
    ("job_search", 8),
    ("outcome_hired", 14),
    ("outcome_business", 3),
    ("training_dropped", 2),
    ("outcome_other_exit", 2),
)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


#: when each step is reached, in days after enrolment (a person enrolled late has not gone as far yet)
_AFTER = {"training_enrolled": 30, "training_completed": 130, "job_search": 140, "outcome_hired": 200}


def _history(device: SimDevice, pid: str, step: str, enrolled: date, today: date) -> list[dict[str, Any]]:
    """The pathway events that led a person to `step` (those not yet due by `today` are left out)."""
    reached = {
        "training_enrolled": ["training_enrolled"],
        "training_in_progress": ["training_enrolled"],
        "training_completed": ["training_enrolled", "training_completed"],
        "job_search": ["training_enrolled", "training_completed", "job_search"],
        "outcome_hired": ["training_enrolled", "training_completed", "job_search", "outcome_hired"],
        "outcome_business": ["job_search", "outcome_business"],
    }.get(step, [])
    out = []
    for s in reached:
        on = enrolled + timedelta(days=_AFTER.get(s, 210))
        if on > today:
            break
        values: dict[str, Any] = {"person_id": pid, "to_step": s, "occurred_on": on.isoformat()}
        if s == "outcome_hired":
            values["contract_type"] = "cdi"
        out.append(device.insert("pathway_event", new_id(), values))
    return out


def _seed(world: World) -> None:
    """Campuses of different sizes and progress, accounts, a kiosk, an erasure and audit events."""
    rng = random.Random(17)
    today = date.today()
    for code, scale in (("SDN", 1.0), ("AUB", 0.7), ("MTR", 0.45), ("BOB", 0.25)):
        device = world.devices[code]
        changes = []
        for step, n in STEPS:
            for _ in range(max(0, round(n * scale * rng.uniform(0.7, 1.3)))):
                pid = new_id()
                enrolled = PROGRAMME_START + timedelta(days=rng.randint(0, (today - PROGRAMME_START).days - 1))
                birth = f"{rng.randint(1975, 2006)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}"
                values = {"pathway_step": step, "birth_date": birth, "enrolled_on": enrolled.isoformat()}
                values["gender"] = rng.choice(("female", "male", "female", "male", "undisclosed"))
                changes.append(device.insert("person", pid, person_values(world.campus_ids[code], **values)))
                changes.extend(_history(device, pid, step, enrolled, today))
        assert device.push(*changes)["rejected"] == []
    users.add_user(world.hq, "admin", "Inès Martin", "hq_admin", PASSWORD)
    users.add_user(world.hq, "resp.sdn", "Karim Benali", "campus_manager", PASSWORD, "SDN")
    users.add_user(world.hq, "conseil.sdn", "Awa Traoré", "advisor", PASSWORD, "SDN")
    users.add_user(world.hq, "conseil.aub", "Lucas Petit", "advisor", PASSWORD, "AUB")
    advisor = next(a.id for a in users.list_accounts(world.hq) if a.username == "conseil.sdn")
    world.device("SDN")  # a second PC, and a kiosk
    enrol(world.client, devices.issue_enrolment_code(world.hq, "SDN", DeviceRole.KIOSK), world.campus_ids["SDN"])
    sdn = world.devices["SDN"]
    gone = new_id()
    sdn.push(sdn.insert("person", gone, person_values(world.campus_ids["SDN"])))
    erasure.request_erasure(world.hq, None, gone, "person_request", "RGPD-2026-031", None)
    events = [
        sdn.insert(
            "audit_event",
            new_id(),
            {
                "at": f"2026-11-{day:02d}T{9 + day % 8:02d}:15:00.000+00:00",
                "account_id": advisor,
                "device_id": sdn.device_id,
                "campus_id": sdn.campus_id,
                "action": action,
                "person_id": new_id() if action != "people_export" else None,
                "detail": detail,
            },
        )
        for day, action, detail in (
            (3, "rqth_read", None),
            (5, "restricted_note_read", "notes=2"),
            (12, "person_export", "formats=pdf+json"),
            (20, "people_export", "what=people format=xlsx rows=240 from=2026-11-01 to=2026-11-30"),
        )
    ]
    assert sdn.push(*events)["rejected"] == []
    # intake at Aubervilliers asked HQ whether someone is followed elsewhere (an event HQ writes itself)
    aub = world.devices["AUB"]
    typed = {"first_name": "Awa", "last_name": "Diallo", "birth_date": "2003-04-12"}
    assert world.client.post("/v1/people/lookup", json=typed, headers=aub.headers).status_code == 200


@pytest.fixture
def served(hq: Hq, client: TestClient, db_url: str, tmp_path: Path) -> Iterator[str]:
    """`gn-hq serve` on the seeded test database; its base URL."""
    _seed(World.build(hq, client, ("LCO", "SDN", "AUB", "MTR", "BOB")))
    env = {**os.environ, "GN_HQ_DATABASE_URL": db_url, "GN_HQ_DATA_DIR": str(tmp_path / "hq")}
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "gn_hq.cli", "serve", "--port", str(port), "--no-access-log", "--log-level", "warning"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        try:
            wait_until_healthy(base, proc=proc, timeout_s=30)
        except HqDidNotStart as exc:
            raise AssertionError(f"{exc}: {proc.stdout.read() if proc.stdout else ''}") from None
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        if proc.stdout:
            proc.stdout.close()


@pytest.fixture
def browser_page() -> Iterator[Any]:
    if not Path(CHROMIUM).exists():
        pytest.fail("chromium is missing: `make test` installs it (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        context = browser.new_context(viewport=SIZE, locale="fr-FR")
        page = context.new_page()
        try:
            yield page
        finally:
            context.close()
            browser.close()


def _focused(page: Any) -> str:
    return str(
        page.evaluate(
            "() => { const e = document.activeElement;"
            " return (e.id || e.getAttribute('name') || e.textContent || '').trim(); }"
        )
    )


def _wait_for_focus(page: Any, element_id: str) -> None:
    page.wait_for_function(f"() => document.activeElement && document.activeElement.id === '{element_id}'")


def _shoot(page: Any, name: str, tmp_path: Path, lang: str = "fr") -> None:
    out = Path(os.environ.get("GN_CONSOLE_SCREENSHOTS") or tmp_path)
    if lang != "fr":
        out /= lang
    out.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(out / f"console-{name}.png"))
    if os.environ.get("GN_CONSOLE_FULL_PAGE"):  # to look at what is below the fold
        page.screenshot(path=str(out / f"console-{name}-full.png"), full_page=True)
    assert page.viewport_size == SIZE


def test_sign_in_and_every_page_with_the_keyboard(served: str, browser_page: Any, tmp_path: Path) -> None:
    page = browser_page
    page.goto(served + "/console/")
    assert page.url.endswith("/console/connexion")
    _wait_for_focus(page, "username")  # the form is ready to type into
    page.keyboard.type("admin")
    page.keyboard.press("Tab")
    assert _focused(page) == "password"
    page.keyboard.type("pas-le-bon")
    page.keyboard.press("Enter")
    page.wait_for_url("**/console/connexion")
    assert "Identifiant ou mot de passe incorrect" in page.locator("[role=alert]").inner_text()
    _shoot(page, "connexion-erreur", tmp_path)
    _wait_for_focus(page, "password")  # the name is kept: the password is what to type again
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url("**/console/tableau-de-bord")
    assert page.locator("h1").inner_text() == "Tableau de bord du programme"
    assert page.locator("svg.chart").count() == 4
    _shoot(page, "tableau-de-bord", tmp_path)

    # from the top of a page: the skip link, then the menu, in order
    page.locator("body").focus()
    page.keyboard.press("Tab")
    assert _focused(page) == "Aller au contenu"
    seen = []
    for _ in range(5):
        page.keyboard.press("Tab")
        seen.append(_focused(page))
    assert seen == ["Tableau de bord", "Campus et appareils", "Comptes", "Conflits et effacements", "Journal des accès"]
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Enter")  # "Comptes"
    page.wait_for_url("**/console/comptes")
    _shoot(page, "comptes", tmp_path)

    for path, name, heading in (
        ("/console/campus", "campus", "Campus et appareils"),
        ("/console/conflits", "conflits", "Conflits et effacements"),
        ("/console/journal", "journal", "Journal des accès aux données sensibles"),
    ):
        page.goto(served + path)
        assert page.locator("h1").inner_text() == heading
        _shoot(page, name, tmp_path)
    assert "RGPD-2026-031" in page.goto(served + "/console/conflits").text()  # type: ignore[union-attr]
    page.goto(served + "/console/journal")
    assert page.locator("tbody tr").count() == 5
    journal = page.locator("tbody").inner_text()
    assert "Recherche dans les autres campus" in journal and "aucune correspondance" in journal
    assert "extraction des personnes, XLSX, 240 lignes, du 01/11/2026 au 30/11/2026" in journal

    # the header's switch: the same page in English, and the next ones too
    page.goto(served + "/console/tableau-de-bord")
    assert page.locator("html").get_attribute("lang") == "fr"
    page.locator("header").get_by_role("link", name="English").click()
    page.wait_for_function("() => document.documentElement.lang === 'en'")
    assert page.url.endswith("/console/tableau-de-bord")
    assert page.locator("h1").inner_text() == "Programme dashboard"
    assert page.locator("nav[aria-label='Main navigation']").inner_text().split("\n") == [
        "Dashboard",
        "Campuses and devices",
        "Accounts",
        "Conflicts and erasures",
        "Access log",
    ]
    assert "Placed each month (all campuses)" in page.locator("h2").all_inner_texts()
    goal = page.locator("svg.chart").first.get_attribute("aria-label") or ""
    assert goal.startswith("People placed since the programme's start, goal and trajectory: "), goal
    _shoot(page, "tableau-de-bord", tmp_path, lang="en")
    page.goto(served + "/console/journal")
    assert page.locator("h1").inner_text() == "Access log of sensitive data"
    journal = page.locator("tbody").inner_text()
    assert "Lookup at other campuses" in journal and "no match" in journal
    assert "people extract, XLSX, 240 rows, from 2026-11-01 to 2026-11-30" in journal
    _shoot(page, "journal", tmp_path, lang="en")


def test_a_code_and_an_account_made_with_the_keyboard_and_bad_input_named(
    served: str, browser_page: Any, tmp_path: Path
) -> None:
    page = browser_page
    page.goto(served + "/console/connexion")
    _wait_for_focus(page, "username")
    page.keyboard.type("resp.sdn")
    page.keyboard.press("Tab")
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url("**/console/tableau-de-bord")
    menu = page.get_by_role("navigation", name="Navigation principale")
    assert "Journal des accès" not in menu.inner_text()  # a campus manager's menu

    page.goto(served + "/console/campus")
    page.locator("#kind-SDN").focus()
    page.keyboard.press("ArrowDown")  # "une borne d'accueil"
    page.keyboard.press("Tab")
    assert _focused(page) == "Créer le code"
    page.keyboard.press("Enter")
    page.wait_for_url("**/console/campus")
    code = page.locator(".flash-code").inner_text()
    assert re.search(r"borne d'accueil pour SDN .*: [0-9A-Z]{4}(-[0-9A-Z]{4}){3}$", code), code
    _shoot(page, "campus-code", tmp_path)

    page.goto(served + "/console/comptes")
    page.locator("#new-username").focus()
    page.keyboard.type("nadia")
    for _ in range(4):  # name, role, campus, password
        page.keyboard.press("Tab")
    page.keyboard.type("court")
    page.keyboard.press("Tab")
    page.keyboard.type("court")
    page.keyboard.press("Enter")
    page.wait_for_url("**/console/comptes/ajouter")
    errors = page.locator(".field-error").all_inner_texts()
    assert errors == ["Mot de passe : 10 caractères au moins."]
    assert page.locator("#new-password").get_attribute("aria-invalid") == "true"
    _shoot(page, "comptes-erreur", tmp_path)
    page.locator("#new-password").fill(PASSWORD)
    page.locator("#new-confirm").fill(PASSWORD)
    page.locator("#new-confirm").press("Enter")
    page.wait_for_url("**/console/comptes")
    assert "Compte « nadia » créé." in page.locator(".flash").inner_text()
    assert page.locator("th[scope=row]", has_text="nadia").count() == 1

    page.get_by_role("button", name="Se déconnecter").press("Enter")
    page.wait_for_url("**/console/connexion")
    page.goto(served + "/console/comptes")
    assert page.url.endswith("/console/connexion")
