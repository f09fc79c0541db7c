"""Writing results into docs/benchmarks.md: each benchmark owns one `## Name` section and leaves the others alone."""

from __future__ import annotations

import re
from pathlib import Path

DOC = Path(__file__).resolve().parents[1] / "docs" / "benchmarks.md"


def write_section(name: str, text: str, doc: Path = DOC) -> None:
    """Replace (or append) the `## name` section with `text` (which starts with that heading).

    The file is re-read right before writing, so benchmarks run one after another never lose each other's sections.
    """
    current = doc.read_text(encoding="utf-8") if doc.exists() else "# Benchmarks\n"
    pattern = re.compile(rf"^## {re.escape(name)}\n.*?(?=^## |\Z)", re.S | re.M)
    body = text.rstrip("\n") + "\n\n"
    if pattern.search(current):
        updated = pattern.sub(lambda _m: body, current, count=1)
    else:
        updated = current.rstrip("\n") + "\n\n" + body
    doc.write_text(updated.rstrip("\n") + "\n", encoding="utf-8")
