"""The standalone bundle a campus PC gets: `make bundle` builds `dist/gn-desktop/`, and the frozen program starts,
passes its self-test offscreen (its start time is measured by bench/bundle.py, not asserted), keeps its data in the
user's directories and upgrades an old database.

Slow (the build takes one to two minutes on two cores): marked `slow`, run by `make test`. The build uses whatever the
venv has installed; it is skipped only when PyInstaller itself is missing.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from gn_desktop import __version__
from gn_desktop.store import backup, cipher
from gn_desktop.store.engine import DB_FILENAME

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
DIST = ROOT / "dist" / "gn-desktop"
EXE = DIST / ("gn-desktop-cli.exe" if sys.platform == "win32" else "gn-desktop")
#: 150 before encryption at rest: SQLCipher (8 MiB), on Linux `cryptography` for the Secret Service keyring (12 MiB)
SIZE_BUDGET_MB = 170
# the same command as `make bundle`
PYINSTALLER_ARGS = ["installer/gn-desktop.spec", "--distpath", "dist", "--workpath", "build"]


@pytest.fixture(scope="module")
def bundle() -> Iterator[Path]:
    """Build the bundle as `make bundle` does (translations, then PyInstaller on installer/gn-desktop.spec)."""
    try:
        import PyInstaller  # noqa: F401 - only checking that it is installed
    except ImportError:
        pytest.skip("PyInstaller is not installed in this environment: pip install -e '.[dev]'")
    subprocess.run([sys.executable, "resources/build_translations.py"], cwd=ROOT, check=True, capture_output=True)
    started = time.perf_counter()
    build = subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN", *PYINSTALLER_ARGS],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert build.returncode == 0, f"PyInstaller failed:\n{build.stderr[-4000:]}"
    print(f"\nbundle built in {time.perf_counter() - started:.0f} s")
    yield DIST


def write_keyring_config(config_home: Path) -> None:
    """Give the frozen program the test keyring backend (tests.support.keyring_file: the session's database key), by
    keyring's own configuration file: it has no `tests` package nor PYTHONPATH, `keyring-path` adds this checkout."""
    folder = config_home / "python_keyring"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "keyringrc.cfg").write_text(
        f"[backend]\ndefault-keyring = tests.support.keyring_file.FileKeyring\nkeyring-path = {ROOT}\n"
    )


@pytest.fixture(scope="module", autouse=True)
def frozen_keyring(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    config_home = tmp_path_factory.mktemp("config")
    write_keyring_config(config_home)
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("XDG_CONFIG_HOME", str(config_home))
        mp.delenv("PYTHON_KEYRING_BACKEND", raising=False)  # it names a module the frozen program cannot import
        yield


def run(exe: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env or {})}
    environment.pop("GN_DATA_DIR", None)
    return subprocess.run([str(exe), *args], capture_output=True, text=True, env=environment, timeout=120)


def folder_size_mb(folder: Path) -> float:
    """Size of the folder's files in MiB, as `du -sm --apparent-size` counts it."""
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file() and not f.is_symlink()) / 2**20


def test_the_bundle_fits_the_size_budget(bundle: Path) -> None:
    size = folder_size_mb(bundle)
    print(f"\ndist/gn-desktop: {size:.1f} MiB")
    assert size <= SIZE_BUDGET_MB


def test_the_bundle_tells_its_version(bundle: Path) -> None:
    result = run(EXE, "--version")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"gn-desktop {__version__} (protocole de synchronisation ")


def test_the_bundle_passes_its_self_test_again_on_an_existing_database(bundle: Path, tmp_path: Path) -> None:
    # Start time is measured, not asserted: bench/bundle.py reports it in docs/benchmarks.md.
    data = tmp_path / "campus"
    first = run(EXE, "--data-dir", str(data), "--self-test")  # creates and migrates the database
    assert first.returncode == 0, first.stdout + first.stderr
    assert "ÉCHEC" not in first.stdout
    for check in ("Traduction française chargée", "Fenêtre conseiller rendue", "Borne d'accueil rendue"):
        assert f"[OK   ] {check}" in first.stdout
    again = run(EXE, "--data-dir", str(data), "--self-test")  # the usual start: the database is up to date
    assert again.returncode == 0, again.stdout + again.stderr
    assert not cipher.is_plaintext(data / DB_FILENAME)  # SQLCipher is in the bundle, with the key from the keyring


def test_the_bundle_opens_no_personal_data_without_a_keyring(bundle: Path, tmp_path: Path) -> None:
    result = run(
        EXE, "--data-dir", str(tmp_path), "export", "--format", "json",
        env={"PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"},
    )  # fmt: skip
    assert result.returncode == 1, result.stdout + result.stderr
    assert result.stderr.startswith("Erreur : Aucun trousseau") and "jamais ouverte en clair" in result.stderr
    assert not (tmp_path / DB_FILENAME).exists()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="checks the Linux user directories")
def test_the_bundle_keeps_data_and_logs_in_the_user_directories(bundle: Path, tmp_path: Path) -> None:
    before = {p.relative_to(bundle) for p in bundle.rglob("*")}
    home = tmp_path / "home"
    write_keyring_config(home / ".config")
    environment = {k: v for k, v in os.environ.items() if not k.startswith("XDG_") and k != "GN_DATA_DIR"}

    result = subprocess.run(
        [str(EXE), "--self-test"],
        capture_output=True,
        text=True,
        timeout=120,
        env={**environment, "HOME": str(home), "QT_QPA_PLATFORM": "offscreen"},
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert {p.relative_to(bundle) for p in bundle.rglob("*")} == before, "the program folder was written to"
    assert (home / ".local/share/gn-desktop" / DB_FILENAME).is_file()
    assert (home / ".local/state/gn-desktop/log/gn-desktop.log").is_file()


def test_the_bundle_upgrades_an_old_database_keeping_its_records(bundle: Path, tmp_path: Path) -> None:
    from tests.unit.test_upgrade import PEOPLE, make_old_database

    data = tmp_path / "campus"
    make_old_database(data, "0002")

    result = run(EXE, "--data-dir", str(data), "export", "--format", "json")

    assert result.returncode == 0, result.stderr
    exported = json.loads(result.stdout)
    assert sorted(p["last_name"] for p in exported) == sorted(last for _, _, last, _, _ in PEOPLE)
    (copy,) = backup.backups(data / DB_FILENAME)
    assert copy.name.startswith(f"{DB_FILENAME}.bak-0002-")


def test_the_bundle_makes_demo_data_and_renders_a_screen_from_it(bundle: Path, tmp_path: Path) -> None:
    """Everything `demo-data` draws with (Faker's providers included) is in the bundle."""
    data = tmp_path / "demo"
    made = run(EXE, "--data-dir", str(data), "demo-data", "--people", "10")
    assert made.returncode == 0, made.stdout + made.stderr
    assert "10 personnes" in made.stdout
    shot = run(
        EXE, "--data-dir", str(tmp_path / "empty"), "screenshot", "--view", "home", "--out", str(tmp_path / "h.png")
    )
    assert shot.returncode == 0, shot.stdout + shot.stderr
    assert (tmp_path / "h.png").stat().st_size > 10_000


def test_the_bundle_can_print_the_kiosk_s_tickets(bundle: Path, tmp_path: Path) -> None:
    """Qt's print support and the system's printing plugin are in the bundle (CUPS' own client library comes with the
    system's CUPS: the spec leaves it out)."""
    plugin = "windowsprintersupport.dll" if sys.platform == "win32" else "libcupsprintersupport.so"
    assert list(bundle.rglob(plugin)), f"{plugin} is not in the bundle"
    assert not list(bundle.rglob("libcups.so*")), "libcups (and its TLS and Kerberos libraries) came into the bundle"
    listed = run(EXE, "--data-dir", str(tmp_path), "kiosk-printer", "--list")
    assert listed.returncode == 0, listed.stdout + listed.stderr
    chosen = run(EXE, "--data-dir", str(tmp_path), "kiosk-printer", "Accueil")
    assert chosen.returncode == 0 and "« Accueil »" in chosen.stdout, chosen.stdout + chosen.stderr
