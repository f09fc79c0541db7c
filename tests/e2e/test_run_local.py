"""`make run`'s launcher (tools/run_local.py): demo data, a local HQ, the demo campus (and a PC of another campus)
enrolled and synced on first run, all of it reused on the second; HQ stopped afterwards; with no keyring, the app is
started offline and told why.

The launcher runs COMMAND instead of the app (`-- COMMAND`): here `gn-desktop sync --status --json`, whose output
is what the app's sync indicator shows."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import func, select

from gn_desktop.store import models as m
from gn_desktop.sync.errors import NO_KEYRING
from tests.e2e.conftest import ROOT, Campus, Hq, free_port

LAUNCHER = ROOT / "tools" / "run_local.py"


def launch(tmp_path: Path, env: dict[str, str], port: int, *more: str) -> tuple[str, dict[str, Any]]:
    campus = tmp_path / "campus"
    dirs = ["--campus-dir", campus, "--hq-dir", tmp_path / "hq", "--keyring-dir", tmp_path / "keyring"]
    command = [sys.executable, "-m", "gn_desktop.cli", "--data-dir", campus, "sync", "--status", "--json"]
    done = subprocess.run(
        [sys.executable, LAUNCHER, *dirs, "--port", str(port), "--people", "20", *more, "--", *command],
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    status_line = [line for line in done.stdout.splitlines() if line.startswith("{")][-1]
    return done.stdout, json.loads(status_line)


def hq_answers(port: int) -> bool:
    try:
        return httpx.get(f"http://127.0.0.1:{port}/health", timeout=1).status_code == 200
    except httpx.TransportError:
        return False


def test_make_run_enrols_the_demo_campus_at_a_local_hq_once_and_stops_hq_after(
    tmp_path: Path, keyring_file: dict[str, str]
) -> None:
    port = free_port()
    out, status = launch(tmp_path, keyring_file, port)
    assert "reference import" in out and "campus code SDN" in out and " enrol --server " in out, out
    assert status["enrolled"] and status["server_url"] == f"http://127.0.0.1:{port}" and status["campus_code"] == "SDN"
    assert status["pending"] == 0 and status["last_success_at"] and status["last_error"] is None  # demo data sent
    assert not hq_answers(port)

    out, again = launch(tmp_path, keyring_file, port, "--more-campus", "AUB", "--kiosk")  # MORE_CAMPUSES=AUB KIOSK=1
    assert "campus déjà inscrit" in out and "reference import" not in out and f"{tmp_path / 'campus'} enrol" not in out
    assert again["enrolled"] and again["pending"] == 0 and again["last_success_at"] > status["last_success_at"]
    assert not hq_answers(port)
    # the other campus's PC holds demo people of its own campus, sent to HQ; each PC sees only its campus's files,
    # and both the same catalogue and accounts, which HQ loaded (a PC never writes them at HQ)
    sdn = Campus("sdn", tmp_path / "campus", keyring_file, Hq(tmp_path / "hq", keyring_file))
    aub = Campus("aub", tmp_path / "campus-aub", keyring_file, sdn.hq)
    assert "campus code AUB" in out and aub.status()["campus_code"] == "AUB" and aub.pending() == 0
    aub_people, sdn_people = aub.people(), sdn.people()
    assert aub_people and sdn_people and not aub_people & sdn_people
    assert aub.sign_in_works("conseil.aub", "demo-conseil") and not sdn.sign_in_works("conseil.aub", "demo-conseil")
    assert sdn.sign_in_works("conseil.sdn", "demo-conseil")
    # and a kiosk of the demo campus, enrolled as a kiosk device: the catalogue and the check-in index, nobody's file
    borne = Campus("kiosk", tmp_path / "kiosk", keyring_file, sdn.hq)
    assert "campus code SDN --kiosk" in out and borne.status()["campus_code"] == "SDN"
    store = borne.store()
    try:
        assert store.role.value == "kiosk"
        with store.reading() as s:
            assert s.scalar(select(func.count()).select_from(m.Person)) == 0
            assert s.scalar(select(func.count()).select_from(m.ProgrammeSession)) > 0
    finally:
        store.dispose()


def test_make_run_without_any_keyring_starts_the_app_offline_and_says_why(
    tmp_path: Path, keyring_file: dict[str, str]
) -> None:
    env = {**keyring_file, "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    env["PATH"] = str(Path(sys.executable).parent)  # no dbus-run-session, no gnome-keyring-daemon
    port = free_port()
    out, status = launch(tmp_path, env, port)
    assert "hors ligne" in out, out
    assert not status["enrolled"] and status["pending"] > 0
    assert status["last_error"] == NO_KEYRING
    assert not hq_answers(port)
