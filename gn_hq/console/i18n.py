"""The console's two languages: which one a request is answered in, its catalogue, and how numbers and dates read.

French is the console's source language and its default: the templates and the Python code carry the French text
(gettext's msgids), so French needs no catalogue and is served even where the English one was never compiled.
English comes from `resources/translations/gn_hq_console_en.po` (Babel extracts the messages; translators fill the
.po), compiled by `make` (`resources/build_translations.py`) into `gn_hq/console/locale/en/LC_MESSAGES/` — a build
product, git-ignored, shipped inside the package. Templates use Jinja2's `jinja2.ext.i18n` (one environment per
language, so rendering never switches languages under another thread); Python code calls `Lang._` and
`Lang.ngettext`, and marks module-level text with `N_` so Babel finds it.

No web framework here: `negotiate` takes the cookie's and the Accept-Language header's text.
"""

from __future__ import annotations

import functools
import gettext
import logging
import math
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Final

from babel.numbers import format_decimal

#: the languages the console speaks, the default first
LANGUAGES: Final = ("fr", "en")
DEFAULT: Final = "fr"
#: the language chosen with the header's switch (remembered a year)
COOKIE: Final = "gn_console_lang"
COOKIE_MAX_AGE: Final = 365 * 24 * 3600
#: gettext's domain: `locale/<lang>/LC_MESSAGES/gn_hq_console.mo`
DOMAIN: Final = "gn_hq_console"
LOCALE_DIR: Final = Path(__file__).parent / "locale"
#: the names of the languages in themselves, for the switch
NAMES: Final = {"fr": "Français", "en": "English"}

log = logging.getLogger(__name__)


def N_(message: str) -> str:
    """Mark `message` for extraction without translating it now: module-level text, translated per request
    (gettext's conventional name, which Babel looks for)."""
    return message


class _FrenchSource(gettext.NullTranslations):
    """The source language itself: every message as written, with French plurals (0 and 1 take the singular)."""

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        return msgid1 if n <= 1 else msgid2


@functools.cache
def catalogue(code: str) -> gettext.NullTranslations:
    """The translations of `code` ("fr": the source text). A missing compiled catalogue is logged once and the
    console answers in French rather than fail: run `make translations`."""
    if code == DEFAULT:
        return _FrenchSource()
    try:
        return gettext.translation(DOMAIN, LOCALE_DIR, [code])
    except OSError:
        log.warning("console catalogue %s missing in %s: run `make translations`; French instead", code, LOCALE_DIR)
        return _FrenchSource()


def negotiate(choice: str | None, accept_language: str | None) -> str:
    """The language to answer in: the one chosen with the switch (its cookie), else the browser's preferred language
    among French and English (Accept-Language, q-values honoured), else French."""
    if choice in LANGUAGES:
        return str(choice)
    best, best_q = DEFAULT, 0.0
    for part in (accept_language or "").split(",")[:32]:
        tag, _sep, params = part.partition(";")
        primary = tag.strip().lower().split("-")[0]
        if primary not in LANGUAGES:
            continue
        q = 1.0
        for param in params.split(";"):
            name, _eq, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    q = float(value.strip())
                except ValueError:
                    q = 0.0
        if math.isfinite(q) and q > best_q:  # the first of equal preferences wins
            best, best_q = primary, min(q, 1.0)
    return best


@dataclass(frozen=True, slots=True)
class Lang:
    """One language of the console: its messages, and how it writes numbers and dates (French: 1 234,5 and
    06/12/2026; English: 1,234.5 and 2026-12-06)."""

    code: str

    @staticmethod
    def of(code: str) -> Lang:
        return Lang(code if code in LANGUAGES else DEFAULT)

    @property
    def translations(self) -> gettext.NullTranslations:
        return catalogue(self.code)

    def _(self, message: str) -> str:
        """`message` (French, as written in the code) in this language."""
        return self.translations.gettext(message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return self.translations.ngettext(singular, plural, n)

    def number(self, value: int | float) -> str:
        """A count with the language's digit grouping (French: a narrow no-break space)."""
        return str(format_decimal(value, locale=self.code))

    def decimal(self, value: float, digits: int = 1) -> str:
        """A number with `digits` decimals: 12,5 / 12.5."""
        return str(format_decimal(round(value, digits), format="#,##0." + "0" * digits, locale=self.code))

    def percent(self, share: float, digits: int = 0) -> str:
        """`share` (0.125) as a percentage: « 12,5 % » / "12.5%"."""
        figure = self.decimal(100 * share, digits) if digits else self.number(round(100 * share))
        return f"{figure}\u202f%" if self.code == "fr" else f"{figure}%"

    def date(self, value: date | datetime | None, with_time: bool = True) -> str:
        """A day (and time, for a datetime): 06/12/2026 14:05 / 2026-12-06 14:05; "—" for none."""
        if value is None:
            return "—"
        day = "%d/%m/%Y" if self.code == "fr" else "%Y-%m-%d"
        return value.strftime(f"{day} %H:%M" if with_time and isinstance(value, datetime) else day)
