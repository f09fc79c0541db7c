"""Compile the interface translations; with --update, first refresh the sources (.ts, .po) from the code.

    python resources/build_translations.py            # .ts -> .qm and .po -> .mo (what `make` runs)
    python resources/build_translations.py --update   # also rescan the code's strings into the .ts and .po first
    python resources/build_translations.py --console  # the HQ console's catalogues only (no Qt tool needed)

There are two catalogues, so the advisor workspace and the kiosk can be translated (and worked on) independently:

* `gn_desktop_<lang>.ts` (French, English): the advisor workspace — every view except `views/kiosk`, plus `app.py`;
* `gn_kiosk_<lang>.ts` (French, English, Arabic): the self-service kiosk — `views/kiosk` only. Arabic is kiosk only.

Translators edit `resources/translations/<catalogue>_<lang>.ts` (Qt Linguist or any text editor). The compiled .qm
files are build products (git-ignored) that ship inside the package, where `gn_desktop.views.i18n` loads them.
The Qt tools come with PySide6-Essentials: they are looked up next to this Python interpreter (the venv's bin/).

The HQ web console (gn_hq/console) uses gettext instead, through Babel (HQ's `[hq]` extra) and Jinja2's i18n
extension: its source text is French (templates and Python), so only `gn_hq_console_<lang>.po` for the other languages
(English) are kept in `resources/translations`; `--update` extracts the messages (`_`, `ngettext`, `N_` in the console's
Python, `{{ _() }}`, `{% trans %}` in its templates) into them, and the build compiles them into
`gn_hq/console/locale/<lang>/LC_MESSAGES/gn_hq_console.mo` (build products, git-ignored, shipped in the package).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
TS_DIR = ROOT / "resources" / "translations"
QM_DIR = ROOT / "gn_desktop" / "resources" / "i18n"
VIEWS = ROOT / "gn_desktop" / "views"
KIOSK = VIEWS / "kiosk"
CONSOLE = ROOT / "gn_hq" / "console"
#: the console's catalogue: its name (gettext's domain) and the languages translated from its French source
CONSOLE_DOMAIN = "gn_hq_console"
CONSOLE_LANGUAGES = ("en",)
CONSOLE_MO_DIR = CONSOLE / "locale"
CONSOLE_HEADER = """\
# The HQ web console's messages, translated from its French source (gn_hq/console: Python and templates).
# Fill in each msgstr; `python resources/build_translations.py --update` adds the new messages (empty) and drops the
# removed ones, `make translations` compiles this file. A message between {braces} or with %(name)s keeps them."""


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


def console_po(lang: str) -> Path:
    return TS_DIR / f"{CONSOLE_DOMAIN}_{lang}.po"


def console_mo(lang: str) -> Path:
    return CONSOLE_MO_DIR / lang / "LC_MESSAGES" / f"{CONSOLE_DOMAIN}.mo"


def console_messages() -> Any:
    """Every message of the console, extracted from its Python code and its templates (a Babel `Catalog`)."""
    from babel.messages.catalog import Catalog
    from babel.messages.extract import extract_from_dir

    method_map = [("*.py", "python"), ("templates/**.html", "jinja2")]
    options = {"templates/**.html": {"trimmed": "true", "extensions": "jinja2.ext.i18n"}}
    template = Catalog(project="Le Grand Numérique, console du siège", fuzzy=False, header_comment=CONSOLE_HEADER)
    for filename, lineno, message, comments, context in extract_from_dir(
        str(CONSOLE), method_map, options, keywords={"_": None, "gettext": None, "ngettext": (1, 2), "N_": None}
    ):
        template.add(message, None, [(filename, lineno)], auto_comments=comments, context=context)
    return template


def update_console() -> None:
    """Bring each console .po up to date with the code: new messages arrive empty, removed ones are dropped."""
    from babel.messages.catalog import Catalog
    from babel.messages.pofile import read_po, write_po

    template = console_messages()
    for lang in CONSOLE_LANGUAGES:
        po = console_po(lang)
        if po.is_file():
            with po.open("rb") as f:
                catalog = read_po(f, locale=lang, domain=CONSOLE_DOMAIN)
        else:
            catalog = Catalog(
                locale=lang, domain=CONSOLE_DOMAIN, project=template.project, header_comment=CONSOLE_HEADER, fuzzy=False
            )
        template.creation_date = catalog.creation_date  # no change to the file where no message changed
        catalog.update(template, no_fuzzy_matching=True)
        catalog.header_comment = CONSOLE_HEADER
        catalog.last_translator = catalog.language_team = "Le Grand Numérique"
        catalog.msgid_bugs_address = ""
        with po.open("wb") as f:
            write_po(f, catalog, ignore_obsolete=True, no_location=True, width=120)


def release_console() -> list[Path]:
    """Compile the console's .po files into gn_hq/console/locale; returns the .mo files written (none, with a note,
    where Babel is not installed: a campus PC's environment, which has no console)."""
    try:
        from babel.messages.mofile import write_mo
        from babel.messages.pofile import read_po
    except ImportError:
        print("HQ console catalogues skipped: Babel is not installed (pip install -e '.[hq]')", file=sys.stderr)
        return []
    written = []
    for lang in CONSOLE_LANGUAGES:
        with console_po(lang).open("rb") as f:
            catalog = read_po(f, locale=lang, domain=CONSOLE_DOMAIN)
        mo = console_mo(lang)
        mo.parent.mkdir(parents=True, exist_ok=True)
        with mo.open("wb") as f:
            write_mo(f, catalog, use_fuzzy=False)
        written.append(mo)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "--update", action="store_true", help="refresh the .ts and .po files from the code's strings first"
    )
    parser.add_argument("--console", action="store_true", help="the HQ console's catalogues only")
    args = parser.parse_args(argv)
    if args.update:
        if not args.console:
            update()
        update_console()
    compiled = [*([] if args.console else release()), *release_console()]
    for path in compiled:
        print(f"compiled {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
