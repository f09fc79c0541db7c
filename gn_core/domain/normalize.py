"""Normalisation of names and free text for matching: accents, case, hyphens and apostrophes do not matter."""

from __future__ import annotations

import re
import unicodedata

_NON_ALNUM = re.compile(r"[^0-9a-z]+")


def fold(text: str) -> str:
    """Lower-case ASCII words separated by single spaces: 'Jean-Étienne  N’Diaye' -> 'jean etienne n diaye'."""
    decomposed = unicodedata.normalize("NFKD", text)
    ascii_only = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()
    ascii_only = ascii_only.replace("œ", "oe").replace("æ", "ae").replace("ß", "ss")
    return _NON_ALNUM.sub(" ", ascii_only).strip()


def name_key(first_name: str, last_name: str) -> str:
    """The key two spellings of one person's name share: folded tokens of both names, sorted.

    Sorting makes 'DUPONT Marie' typed in the wrong fields match 'Marie Dupont'.
    """
    return " ".join(sorted(fold(f"{first_name} {last_name}").split()))


def tidy_name(text: str) -> str:
    """A name as people write it: trimmed, inner spaces collapsed, capitalised per word if typed all in one case."""
    cleaned = " ".join(text.split())
    if cleaned and (cleaned.isupper() or cleaned.islower()):
        cleaned = re.sub(r"[^\s\-']+", lambda m: m.group(0)[:1].upper() + m.group(0)[1:].lower(), cleaned)
    return cleaned
