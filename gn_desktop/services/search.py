"""Search as you type over name, birth date, phone, e-mail and France Travail id.

One query box: accents, case, hyphens and compound names do not matter ("jean bap", "JEAN-BAPTISTE" and
"jeanbaptiste" find the same person); "12/05" finds birth dates starting 12 May; "06 12 34" finds phone numbers.
`search` returns ids only (cheap); `rows` fetches the few rows a view is about to show, so a result table over
100,000 people stays lazy.

`Filters` narrow the list (with or without anything typed): the signed-in advisor's own people (referent advisor,
indexed), a pathway step (indexed), no contact for some days (a cheap predicate on the row). With text, the full-text
index drives and the filters are checked on each match until `limit` are found; without text, the filters alone list
people.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import select, text

from gn_core.domain.enums import PathwayStep
from gn_core.domain.normalize import digits, fold
from gn_desktop.store import models as m
from gn_desktop.store.uow import UnitOfWork

DEFAULT_LIMIT = 500

_DATE = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})(?:[/.\-](\d{0,4}))?$")
_PHONE = re.compile(r"^\+?[\d\s.\-]{4,}$")


@dataclass(frozen=True, slots=True)
class Filters:
    """What narrows the list besides the text typed.

    `mine`: people whose referent advisor is the signed-in user; `step`: at this pathway step; `no_contact_days`: no
    contact (or, never contacted, no enrolment) for at least that many days before `today` (default: today)."""

    mine: bool = False
    step: PathwayStep | None = None
    no_contact_days: int | None = None
    today: date | None = None

    @property
    def active(self) -> bool:
        return self.mine or self.step is not None or self.no_contact_days is not None

    def sql(self, uow: UnitOfWork, alias: str) -> tuple[str, dict[str, Any]]:
        """The filters as an SQL condition on the person table `alias`, with its parameters."""
        conditions: list[str] = []
        params: dict[str, Any] = {}
        if self.mine:
            conditions.append(f"{alias}.advisor_id = :me")
            params["me"] = uow.user_id or ""  # nobody signed in: nobody is theirs
        if self.step is not None:
            conditions.append(f"{alias}.pathway_step = :step")
            params["step"] = PathwayStep(self.step).value
        if self.no_contact_days is not None:
            conditions.append(f"coalesce({alias}.last_contact_on, {alias}.enrolled_on) <= :contact_before")
            day = self.today or date.today()
            params["contact_before"] = (day - timedelta(days=self.no_contact_days)).isoformat()
        return " AND ".join(conditions) or "1", params


NO_FILTERS = Filters()


@dataclass(frozen=True, slots=True)
class SearchResult:
    query: str
    ids: list[str]
    truncated: bool  # more matches exist than `limit`


@dataclass(frozen=True, slots=True)
class PersonRow:
    id: str
    first_name: str
    last_name: str
    birth_date: date | None
    phone: str | None
    email: str | None
    commune_insee: str | None
    step: PathwayStep
    campus_id: str
    advisor_name: str = ""  # the referent advisor


def match_expression(query: str) -> str | None:
    """The FTS5 MATCH expression for what was typed, or None when there is nothing to look for."""
    raw = query.strip()
    if not raw:
        return None
    date_match = _DATE.match(raw)
    if date_match:
        day, month, year = date_match.groups()
        return f'"{int(day):02d}{int(month):02d}{year or ""}"*'
    if _PHONE.match(raw) and len(digits(raw)) >= 4:
        return f'"{digits(raw)}"*'  # phones are indexed as national and international digits
    words = fold(raw).split()
    if not words:
        return None
    return " AND ".join(f'"{w}"*' for w in words)


def search(uow: UnitOfWork, query: str, *, limit: int = DEFAULT_LIMIT, filters: Filters = NO_FILTERS) -> SearchResult:
    """Ids of the people matching `query` and `filters`, by last then first name, at most `limit`."""
    expr = match_expression(query)
    if expr is None and not filters.active:
        return SearchResult(query, [], False)
    order = "ORDER BY p.last_name COLLATE NOCASE, p.first_name COLLATE NOCASE"
    if expr is None:
        where, params = filters.sql(uow, "p")
        sql = f"SELECT p.id FROM person p WHERE {where} {order} LIMIT :limit"
    elif not filters.active:
        # Ranking every match (bm25) costs more than a keystroke allows when a prefix matches tens of thousands of
        # people (every demo phone starts 06 39 98): the index hands over the first `limit + 1` matches, which are
        # then sorted by name. When there are more, the table says so and the advisor types on.
        params = {}
        sql = (
            "SELECT p.id FROM person p WHERE p.rowid IN "
            f"(SELECT rowid FROM person_fts WHERE person_fts MATCH :expr LIMIT :limit) {order}"
        )
    else:
        # the index drives (CROSS JOIN keeps that order), each match is checked against the filters by rowid
        where, params = filters.sql(uow, "q")
        sql = (
            "SELECT p.id FROM person p WHERE p.rowid IN (SELECT q.rowid FROM person_fts CROSS JOIN person q "
            f"ON q.rowid = person_fts.rowid WHERE person_fts MATCH :expr AND {where} LIMIT :limit) {order}"
        )
    rows = uow.session.execute(text(sql), {**params, "expr": expr, "limit": limit + 1}).all()
    ids = [r[0] for r in rows]
    return SearchResult(query, ids[:limit], len(ids) > limit)


def rows(uow: UnitOfWork, ids: list[str]) -> list[PersonRow]:
    """The display rows of `ids`, in the order given (ids no longer present are left out)."""
    if not ids:
        return []
    found = {
        r.id: r
        for r in uow.session.execute(
            select(
                m.Person.id,
                m.Person.first_name,
                m.Person.last_name,
                m.Person.birth_date,
                m.Person.phone,
                m.Person.email,
                m.Person.commune_insee,
                m.Person.pathway_step,
                m.Person.campus_id,
                m.User.display_name,
            )
            .outerjoin(m.User, m.User.id == m.Person.advisor_id)
            .where(m.Person.id.in_(ids))
        ).all()
    }
    return [
        PersonRow(
            r.id,
            r.first_name,
            r.last_name,
            r.birth_date,
            r.phone,
            r.email,
            r.commune_insee,
            r.pathway_step,
            r.campus_id,
            r.display_name or "",
        )
        for r in (found[i] for i in ids if i in found)
    ]


@dataclass(frozen=True, slots=True)
class SearchPage:
    """One keystroke's answer: every matching id, and the display rows of the first `first` of them."""

    result: SearchResult
    first_rows: list[PersonRow]


def search_page(
    uow: UnitOfWork, query: str, first: int = 40, *, limit: int = DEFAULT_LIMIT, filters: Filters = NO_FILTERS
) -> SearchPage:
    """`search` plus the rows a result table shows straight away, in one round-trip to the worker thread."""
    result = search(uow, query, limit=limit, filters=filters)
    return SearchPage(result, rows(uow, result.ids[:first]))


def campus_names(uow: UnitOfWork) -> dict[str, str]:
    """Campus id → name, so result rows can name the campus without a join per row."""
    return dict(uow.session.execute(select(m.Campus.id, m.Campus.name)).all())
