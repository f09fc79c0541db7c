"""Compile the interface translations; with --update, first refresh the .ts sources from the code.

    python resources/build_translations.py            # .ts -> gn_desktop/resources/i18n/*.qm (what `make` runs)
    python resources/build_translations.py --update   # also rescan tr() strings into the .ts files first

There are two catalogues, so the advisor workspace and the kiosk can be translated (and worked on) independently:

* `gn_desktop_<lang>.ts` (French, English): the advisor workspace — every view except `views/kiosk`, plus `app.py`;
* `gn_kiosk_<lang>.ts` (French, English, Arabic): the self-service kiosk — `views/kiosk` only. Arabic is kiosk only.

Translators edit `resources/translations/<catalogue>_<lang>.ts` (Qt Linguist or any text editor). The compiled .qm
files are build products (git-ignored) that ship inside the package, where `gn_desktop.views.i18n` loads them.
The Qt tools come with PySide6-Essentials: they are looked up next to this Python interpreter (the venv's bin/).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS_DIR = ROOT / "resources" / "translations"
QM_DIR = ROOT / "gn_desktop" / "resources" / "i18n"
VIEWS = ROOT / "gn_desktop" / "views"
KIOSK = VIEWS / "kiosk"


@dataclass(frozen=True)
class Catalogue:
    """One translation catalogue: its file prefix, where its tr() strings live and the languages it is kept in."""

    name: str
    sources: tuple[Path, ...]
    languages: tuple[str, ...]
    excluded: tuple[Path, ...] = ()

    def source_files(self) -> list[str]:
        files: list[Path] = []
        for src in self.sources:
            files.extend(sorted(src.rglob("*.py")) if src.is_dir() else [src])
        kept = [f for f in files if not any(f.is_relative_to(ex) for ex in self.excluded)]
        return [str(f.relative_to(ROOT)) for f in kept]


CATALOGUES = (
    Catalogue("gn_desktop", (VIEWS, ROOT / "gn_desktop" / "app.py"), ("fr", "en"), excluded=(KIOSK,)),
    Catalogue("gn_kiosk", (KIOSK,), ("fr", "en", "ar")),
)


def tool(name: str) -> str:
    """Path of a PySide6 tool: beside the running interpreter first (a venv), else on PATH."""
    candidates = [Path(sys.executable).parent / name, Path(sys.executable).parent / f"{name}.exe"]
    for candidate in candidates:
        if candidate.is_file():
            return str(candidate)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: install PySide6-Essentials in this environment (pip install -e '.[dev]')")
    return found


def update() -> None:
    """Rescan the code's tr() strings into every .ts file (new strings arrive unfinished; removed ones are dropped)."""
    TS_DIR.mkdir(parents=True, exist_ok=True)
    for catalogue in CATALOGUES:
        for lang in catalogue.languages:
            ts = TS_DIR / f"{catalogue.name}_{lang}.ts"
            cmd = [tool("pyside6-lupdate"), "-no-obsolete", "-locations", "none", "-target-language", lang]
            cmd += [*catalogue.source_files(), "-ts", str(ts.relative_to(ROOT))]
            subprocess.run(cmd, cwd=ROOT, check=True)


def release() -> list[Path]:
    """Compile every catalogue's .ts files into gn_desktop/resources/i18n; returns the .qm files written."""
    QM_DIR.mkdir(parents=True, exist_ok=True)
    written = []
    sources = [TS_DIR / f"{c.name}_{lang}.ts" for c in CATALOGUES for lang in c.languages]
    for ts in (ts for ts in sources if ts.is_file()):
        qm = QM_DIR / f"{ts.stem}.qm"
        subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], cwd=ROOT, check=True)
        written.append(qm)
    if not written:
        raise SystemExit(f"no .ts files in {TS_DIR}")
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "--update", action="store_true", help="refresh the .ts files from the code's tr() strings first"
    )
    args = parser.parse_args(argv)
    if args.update:
        update()
    for qm in release():
        print(f"compiled {qm.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
