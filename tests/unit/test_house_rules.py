"""Rules of the house that no linter checks (docs/architecture.md, "Rules"): a view module over 500 lines says
why on its first line; no module anywhere passes 900 lines; every dependency is pinned."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
VIEW_LIMIT = 500
MODULE_LIMIT = 900


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def test_a_view_module_over_500_lines_says_why_on_its_first_line() -> None:
    offenders = []
    for path in sorted((ROOT / "gn_desktop" / "views").rglob("*.py")):
        lines = _lines(path)
        if len(lines) > VIEW_LIMIT and not lines[0].startswith("# Over 500 lines: "):
            offenders.append(f"{path.relative_to(ROOT)} ({len(lines)} lines)")
    assert offenders == [], "split these views, or give the reason on their first line: " + ", ".join(offenders)


def test_no_module_grows_past_900_lines() -> None:
    big = [
        f"{path.relative_to(ROOT)} ({n} lines)"
        for package in ("gn_core", "gn_desktop", "gn_hq")
        for path in sorted((ROOT / package).rglob("*.py"))
        if "migrations" not in path.parts and (n := len(_lines(path))) > MODULE_LIMIT
    ]
    assert big == []


def _canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def test_every_dependency_is_pinned_in_the_lock() -> None:
    """`make` installs with requirements/lock.txt as constraints: a dependency missing from it would float (run
    `make lock` after editing pyproject.toml)."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    declared = list(project["dependencies"])
    for extra in project["optional-dependencies"].values():
        declared += extra
    names = {_canonical(re.split(r"[\s\[<>=!~;]", spec, maxsplit=1)[0]) for spec in declared}
    pinned = {
        _canonical(line.split("==")[0])
        for line in (ROOT / "requirements" / "lock.txt").read_text().splitlines()
        if "==" in line and not line.startswith("#")
    }
    assert not names - pinned, f"not in requirements/lock.txt (run `make lock`): {sorted(names - pinned)}"
