"""The French catalogue is complete: every interface string has a finished, non-empty French translation.

Pure XML, no Qt: runs with the other unit tests. A new `tr()` string shows up here after
`python resources/build_translations.py --update` until someone translates it.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

TS_DIR = Path(__file__).resolve().parents[2] / "resources" / "translations"
#: catalogues that must be complete: the workspace in French, the kiosk in French and Arabic
COMPLETE = ("gn_desktop_fr.ts", "gn_kiosk_fr.ts", "gn_kiosk_ar.ts")


def _messages(ts: Path) -> list[tuple[str, ET.Element]]:
    root = ET.parse(ts).getroot()
    return [(ctx.findtext("name") or "", msg) for ctx in root.iter("context") for msg in ctx.iter("message")]


def _placeholders(text: str) -> set[str]:
    return set(re.findall(r"%(?:\d+|n)", text))


def test_the_catalogues_exist() -> None:
    for lang in ("fr", "en", "ar"):
        ts = TS_DIR / f"gn_desktop_{lang}.ts"
        assert ts.is_file(), f"{ts} missing"
        assert ET.parse(ts).getroot().get("language") == lang


@pytest.mark.parametrize("catalogue", COMPLETE)
def test_every_message_is_translated_and_finished(catalogue: str) -> None:
    problems = []
    messages = _messages(TS_DIR / catalogue)
    assert messages, f"no message in {catalogue}: run resources/build_translations.py --update"
    for context, msg in messages:
        source = msg.findtext("source") or ""
        tr = msg.find("translation")
        where = f"{context}: {source!r}"
        if tr is None:
            problems.append(f"{where} has no <translation>")
            continue
        if tr.get("type") in ("unfinished", "vanished", "obsolete"):
            problems.append(f"{where} is {tr.get('type')}")
        if msg.get("numerus") == "yes":
            forms = [f.text or "" for f in tr.findall("numerusform")]
            texts = forms
            if not forms or not all(f.strip() for f in forms):
                problems.append(f"{where} needs every plural form")
        else:
            texts = [tr.text or ""]
            if not texts[0].strip():
                problems.append(f"{where} has an empty translation")
        for text in texts:
            extra = _placeholders(text) - _placeholders(source)
            missing = (_placeholders(source) - {"%n"}) - _placeholders(text)  # a plural form may spell the number
            if text.strip() and (extra or missing):
                problems.append(f"{where}: placeholders differ in {text!r}")
    assert not problems, f"{catalogue}: translations to fix:\n" + "\n".join(problems)


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_finished_translations_keep_the_placeholders(lang: str) -> None:
    for context, msg in _messages(TS_DIR / f"gn_desktop_{lang}.ts"):
        tr = msg.find("translation")
        if tr is None or tr.get("type") == "unfinished":
            continue
        source = msg.findtext("source") or ""
        texts = [f.text or "" for f in tr.findall("numerusform")] or [tr.text or ""]
        for text in texts:
            assert _placeholders(text) <= _placeholders(source), f"{lang} {context}: {text!r}"
