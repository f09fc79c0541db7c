"""`make run`: the campus app with demo data and a local HQ, so sync works out of the box (development only).

What it does, each step skipped when already done (a second run reuses everything):

1. a keyring for the database key (the campus database is encrypted) and the device token: the session's own
   Secret Service when it has a working one; otherwise, when `gnome-keyring-daemon` and `dbus-run-session` are
   installed, the rest runs inside `dbus-run-session` with a gnome-keyring kept in `data/keyring` and unlocked with
   the fixed demo password below (the keyring file is still encrypted on disk, but anyone who reads this file can
   open it: local demo only — a campus PC uses the keyring of its user's session). With no keyring at all the demo
   data is written unencrypted (`GN_INSECURE_PLAINTEXT=1`, said on the console) and the app starts offline, the
   reason stored as the sync's last error;
2. demo data for Campus Saint-Denis (SDN) in `data/campus` (`gn-desktop demo-data`);
3. a local HQ, `gn-hq serve` on http://127.0.0.1:PORT with its data (embedded SQLite) in `data/hq`, stopped when
   the app exits (also on Ctrl-C);
4. HQ's reference data — campuses, demo accounts, the catalogue — loaded at HQ from the demo campus
   (`gn-desktop export-reference`, then `gn-hq reference import`; a campus PC never writes them at HQ itself);
5. an enrolment code from HQ (`gn-hq campus code SDN`, or `gn-hq campus add --code SDN` when HQ has no such campus
   yet) and this data dir enrolled with it (`gn-desktop enrol`) — again after `make clean-data`, a changed port, a
   lost keyring or a copied database;
6. one sync cycle (the first one pushes the demo people to HQ), then the app.

`--more-campus AUB` (`make run MORE_CAMPUSES=AUB`) adds a PC of another campus, in `data/campus-aub`, with demo
people of that campus (`demo-data --campus AUB`) and the same accounts and catalogue: enrolled and synced the same
way, it opens in a second window. Share a person from one campus to the other and watch the edits go round.

`python tools/run_local.py [options] [-- COMMAND ...]` runs COMMAND instead of the app, with HQ up and the keyring
unlocked (for example `-- .venv/bin/gn-desktop --data-dir data/campus sync --json`).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from types import FrameType

from gn_hq.health import HqDidNotStart, healthy, wait_until_healthy

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
#: demo only: unlocks data/keyring/keyrings/login.keyring (see the module docstring)
DEMO_KEYRING_PASSWORD = "gn-demo-keyring"
#: set inside the dbus-run-session this script starts, so it does not start another one
IN_SESSION_ENV = "GN_DEV_KEYRING_SESSION"
#: the campus app's insecure demo mode (gn_desktop.store.cipher.ENV_PLAINTEXT): used only when there is no keyring
PLAINTEXT_ENV = "GN_INSECURE_PLAINTEXT"
CAMPUS = "SDN"  # the campus the demo data is made for (gn_desktop.services.demo)
#: demo only: the staff PIN of `make run KIOSK=1`'s kiosk (a real kiosk's is set with `gn-desktop kiosk-pin`)
DEMO_KIOSK_PIN = "2468"


def say(message: str) -> None:
    print(f"[make run] {message}", flush=True)


def run(*cmd: str | Path, capture: bool = False) -> str:
    """Run a command (printed as typed); stop the launcher if it fails."""
    shown = " ".join(str(c) if not str(c).startswith(str(BIN)) else Path(c).name for c in cmd)
    say(f"$ {shown}")
    done = subprocess.run([str(c) for c in cmd], capture_output=capture, text=True)
    if done.returncode != 0:
        if capture:
            sys.stderr.write(done.stdout + done.stderr)
        raise SystemExit(f"[make run] échec de : {shown}")
    return done.stdout if capture else ""


# -- keyring ------------------------------------------------------------------------------------------------


def session_keyring_works() -> bool:
    """True when this session has a usable keyring backend (a Secret Service on Linux), probed with one read."""
    import keyring
    import keyring.errors

    backend = keyring.get_keyring()
    name = f"{type(backend).__module__}.{type(backend).__name__}"
    if getattr(backend, "priority", 1) <= 0 or name.startswith("keyring.backends.fail"):
        return False
    try:
        keyring.get_password("gn-desktop-sync", "probe")
    except (keyring.errors.KeyringError, RuntimeError):
        return False
    return True


def reexec_in_keyring_session(argv: list[str]) -> int | None:
    """Run this script again inside `dbus-run-session`; None when gnome-keyring or dbus-run-session is missing."""
    if not (shutil.which("dbus-run-session") and shutil.which("gnome-keyring-daemon")):
        return None
    say("pas de trousseau dans cette session : trousseau de démonstration (gnome-keyring) dans une session D-Bus")
    env = {**os.environ, IN_SESSION_ENV: "1"}
    # its own process group, so that on Ctrl-C or SIGTERM the whole session (bus, keyring daemon, this script
    # again, the app) is told to stop, then waited for: dbus-run-session itself dies at once on a signal
    child = subprocess.Popen(["dbus-run-session", "--", sys.executable, __file__, *argv], env=env, process_group=0)
    try:
        return child.wait()
    except KeyboardInterrupt:
        os.killpg(child.pid, signal.SIGTERM)
        child.wait()
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                os.killpg(child.pid, 0)
            except ProcessLookupError:
                break
            time.sleep(0.1)
        return 130


def unlock_demo_keyring(keyring_dir: Path) -> bool:
    """Start gnome-keyring's Secret Service on this session's bus, its keyring in `keyring_dir`, unlocked."""
    keyring_dir.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "XDG_DATA_HOME": str(keyring_dir)}  # keyrings/login.keyring goes there, nowhere else
    done = subprocess.run(
        ["gnome-keyring-daemon", "--unlock", "--components=secrets"],
        input=DEMO_KEYRING_PASSWORD,
        text=True,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return done.returncode == 0 and session_keyring_works()


# -- HQ -----------------------------------------------------------------------------------------------------


def start_hq(hq_dir: Path, port: int) -> subprocess.Popen[bytes]:
    url = f"http://127.0.0.1:{port}"
    if healthy(url):
        raise SystemExit(f"[make run] le port {port} est déjà pris (un autre siège ?) : relancez avec HQ_PORT=…")
    hq_dir.mkdir(parents=True, exist_ok=True)
    log = (hq_dir / "serve.log").open("ab")
    say(f"siège local : {url} (données {hq_dir}, journal {hq_dir / 'serve.log'})")
    say(f"console du siège : {url}/console/ (admin.siege ou resp.sdn, mots de passe dans le README)")
    # its own session: Ctrl-C goes to the app and to this script, which then stops HQ cleanly
    proc = subprocess.Popen(
        [BIN / "gn-hq", "serve", "--data-dir", hq_dir, "--port", str(port), "--log-level", "warning"],
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    log.close()
    try:
        try:
            wait_until_healthy(url, proc=proc, timeout_s=60, every_s=0.1)
        except HqDidNotStart:
            raise SystemExit(f"[make run] le siège local n'a pas démarré : voir {hq_dir / 'serve.log'}") from None
    except BaseException:  # including Ctrl-C while waiting
        stop(proc)
        raise
    return proc


def stop(proc: subprocess.Popen[bytes] | None) -> None:
    if proc is None or proc.poll() is not None:
        return
    proc.terminate()
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


# -- campus -------------------------------------------------------------------------------------------------


def enrolled(campus_dir: Path, url: str) -> bool:
    """This data dir is enrolled at `url`, its token is in the keyring and it is not a copied database."""
    from gn_desktop.services import sync_status
    from gn_desktop.store.uow import Store
    from gn_desktop.sync.credentials import load

    store = Store.open(campus_dir)
    try:
        with store.read_unit() as uow:
            state = sync_status.status(uow)
    finally:
        store.dispose()
    return state.server_url == url and not state.needs_reenrol and load(campus_dir, url) is not None


def enrolment_code(hq_dir: Path, campus: str) -> str:
    """A one-time code for `campus`, created at HQ first if needed (the demo's reference file brings every campus)."""
    say(f"$ gn-hq campus code {campus} --data-dir {hq_dir}")
    done = subprocess.run(
        [BIN / "gn-hq", "campus", "code", campus, "--data-dir", hq_dir], capture_output=True, text=True
    )
    if done.returncode == 0:
        printed = done.stdout
    else:  # no such campus at HQ yet
        printed = run(BIN / "gn-hq", "campus", "add", "--code", campus, "--data-dir", hq_dir, capture=True)
    found = re.search(r"Code d'inscription[^:]*: (\S+)", printed)
    if found is None:
        raise SystemExit(f"[make run] pas de code d'inscription dans : {printed}")
    return found.group(1)


def record_no_keyring(campus_dir: Path) -> None:
    """Leave the reason in the campus's sync state, where the app's sync page shows the last error."""
    from gn_desktop.store.uow import Store
    from gn_desktop.sync.apply import sync_transaction
    from gn_desktop.sync.engine import write_state
    from gn_desktop.sync.errors import NO_KEYRING

    store = Store.open(campus_dir)
    try:
        with sync_transaction(store.engine) as conn:
            write_state(conn, last_error=NO_KEYRING)
    finally:
        store.dispose()


# -- main ---------------------------------------------------------------------------------------------------


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--campus-dir", type=Path, default=ROOT / "data" / "campus")
    parser.add_argument("--hq-dir", type=Path, default=ROOT / "data" / "hq")
    parser.add_argument("--keyring-dir", type=Path, default=ROOT / "data" / "keyring")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--people", type=int, default=2000, help="demo people on first run")
    parser.add_argument(
        "--more-campus",
        action="append",
        default=[],
        metavar="CODE",
        help="also a PC of campus CODE in its own window (data dir campus-CODE beside --campus-dir, demo people of "
        "that campus)",
    )
    parser.add_argument(
        "--kiosk",
        action="store_true",
        help="also a kiosk of the demo campus (data dir kiosk beside --campus-dir), enrolled as a kiosk device",
    )
    parser.add_argument("command", nargs=argparse.REMAINDER, help="-- COMMAND: run it instead of the app")
    return parser


def _sigterm(_signum: int, _frame: FrameType | None) -> None:
    raise KeyboardInterrupt  # stop like Ctrl-C: the finally blocks stop HQ and the app


def main(argv: list[str]) -> int:
    args = _parser().parse_args(argv)
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    campus_dir: Path = args.campus_dir.resolve()
    url = f"http://127.0.0.1:{args.port}"
    signal.signal(signal.SIGTERM, _sigterm)

    if os.environ.get(IN_SESSION_ENV):
        keyring_ok = unlock_demo_keyring(args.keyring_dir.resolve())
    else:
        keyring_ok = session_keyring_works()
        if not keyring_ok:
            status = reexec_in_keyring_session(argv)
            if status is not None:
                return status
    if not keyring_ok:
        say("aucun trousseau sécurisé : l'application démarre hors ligne (sudo apt-get install gnome-keyring dbus)")
        say(f"données de démonstration NON chiffrées ({PLAINTEXT_ENV}=1) : jamais sur un poste de campus")
        os.environ[PLAINTEXT_ENV] = "1"  # the database key has no keyring to live in either (gn_desktop.store.cipher)
    if not (campus_dir / "campus.db").exists():
        run(BIN / "gn-desktop", "--data-dir", campus_dir, "demo-data", "--people", str(args.people))
    if not keyring_ok:
        record_no_keyring(campus_dir)
        return launch([command or app(campus_dir)])

    # Every PC holds demo people of its own campus only (as a real campus PC does), and the same accounts and
    # catalogue, which are HQ's: HQ loads them from the demo campus's file, as an HQ administrator would.
    campuses = [(CAMPUS, campus_dir)]
    campuses += [(code.upper(), campus_dir.parent / f"campus-{code.lower()}") for code in args.more_campus]
    for code, directory in campuses[1:]:
        if not (directory / "campus.db").exists():
            run(
                BIN / "gn-desktop", "--data-dir", directory, "demo-data", "--campus", code,
                "--people", str(max(1, args.people // 2)),
            )  # fmt: skip
    hq = start_hq(args.hq_dir.resolve(), args.port)
    try:
        reference = args.hq_dir.resolve() / "reference.json"
        if not reference.exists():  # once: afterwards HQ's copy is the one that counts
            run(BIN / "gn-desktop", "--data-dir", campus_dir, "export-reference", "--out", reference)
            run(BIN / "gn-hq", "reference", "import", reference, "--data-dir", args.hq_dir.resolve())
        for code, directory in campuses:
            if enrolled(directory, url):
                say(f"{directory.name} déjà inscrit au siège local ({url})")
            else:
                secret = enrolment_code(args.hq_dir.resolve(), code)
                run(BIN / "gn-desktop", "--data-dir", directory, "enrol", "--server", url, "--code", secret)
            say(f"$ gn-desktop --data-dir {directory} sync")
            if subprocess.run([BIN / "gn-desktop", "--data-dir", directory, "sync"]).returncode != 0:
                say("la synchronisation a échoué (voir ci-dessus) : l'application démarre quand même")
        windows = [app(directory) for _code, directory in campuses]
        if args.kiosk:
            windows.append(kiosk(args.hq_dir.resolve(), campus_dir.parent / "kiosk", url))
        return launch([command] if command else windows)
    finally:
        stop(hq)
        say("siège local arrêté")


def app(campus_dir: Path) -> list[str]:
    return [str(BIN / "gn-desktop"), "--data-dir", str(campus_dir)]


def kiosk(hq_dir: Path, kiosk_dir: Path, url: str) -> list[str]:
    """The demo campus's kiosk (`make run KIOSK=1`): its own data dir, enrolled as a kiosk device of SDN, so it holds
    the catalogue and the check-in index only; its staff PIN is DEMO_KIOSK_PIN. Returns the command opening it."""
    if enrolled(kiosk_dir, url):
        say(f"{kiosk_dir.name} déjà inscrite au siège local ({url})")
    else:
        say(f"$ gn-hq campus code {CAMPUS} --kiosk --data-dir {hq_dir}")
        printed = run(BIN / "gn-hq", "campus", "code", CAMPUS, "--kiosk", "--data-dir", hq_dir, capture=True)
        found = re.search(r"Code d'inscription[^:]*: (\S+)", printed)
        if found is None:
            raise SystemExit(f"[make run] pas de code d'inscription dans : {printed}")
        run(BIN / "gn-desktop", "--data-dir", kiosk_dir, "--kiosk", "enrol", "--server", url, "--code", found.group(1))
        run(BIN / "gn-desktop", "--data-dir", kiosk_dir, "kiosk-pin", DEMO_KIOSK_PIN)
    say(f"$ gn-desktop --data-dir {kiosk_dir} sync")
    subprocess.run([BIN / "gn-desktop", "--data-dir", kiosk_dir, "sync"])
    say(f"borne d'accueil : quitter avec Ctrl+Alt+Maj+K puis le code {DEMO_KIOSK_PIN}")
    return [str(BIN / "gn-desktop"), "--data-dir", str(kiosk_dir), "--kiosk"]


def launch(commands: list[list[str]]) -> int:
    """Run the app windows (or a command) until they all exit; on Ctrl-C or SIGTERM, stop them before returning."""
    procs = [subprocess.Popen(command) for command in commands]
    try:
        codes = [proc.wait() for proc in procs]
        return next((code for code in codes if code), 0)
    except KeyboardInterrupt:
        for proc in procs:
            proc.terminate()
        for proc in procs:
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        return 130


if __name__ == "__main__":
    try:
        raise SystemExit(main(sys.argv[1:]))
    except KeyboardInterrupt:
        raise SystemExit(130) from None
