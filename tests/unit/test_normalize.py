"""Folding for search and duplicate matching: accents, case, hyphens and apostrophes do not matter."""

from __future__ import annotations

import re
import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from gn_core.domain.normalize import fold, name_key, person_search_terms


def _fold_by_decomposition(text: str) -> str:
    """The general rule, applied to every text (fold takes a shortcut for ASCII text)."""
    decomposed = unicodedata.normalize("NFKD", text)
    ascii_only = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()
    ascii_only = ascii_only.replace("œ", "oe").replace("æ", "ae").replace("ß", "ss")
    return re.sub(r"[^0-9a-z]+", " ", ascii_only).strip()


@given(st.text())
def test_fold_gives_the_same_words_whatever_the_text(text: str) -> None:
    assert fold(text) == _fold_by_decomposition(text)


def test_accents_case_hyphens_and_apostrophes_do_not_matter() -> None:
    assert fold("Jean-Étienne  N’Diaye") == "jean etienne n diaye"
    assert fold("JEAN ETIENNE N'DIAYE") == "jean etienne n diaye"
    assert fold("Lætitia Cœur") == "laetitia coeur"
    assert name_key("Dupont", "Marie") == name_key("Marie", "DUPONT")


def test_a_compound_name_is_found_glued_and_a_phone_in_both_forms() -> None:
    terms = person_search_terms("Jean-Baptiste", "N'Diaye", None, "+33612345678", None, None).split()
    assert {"jean", "baptiste", "jeanbaptiste", "ndiaye", "33612345678", "0612345678"} <= set(terms)
