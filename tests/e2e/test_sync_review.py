"""A field changed on two campuses that HQ settles by itself (the most recent value wins) still reaches both
inboxes: the advisor whose value lost sees it, and can restore it with one click — never a silent overwrite."""

from __future__ import annotations

from typing import Any

from tests.e2e.conftest import Campus


def phone(campus: Campus, pid: str) -> Any:
    person = campus.person(pid)
    assert person is not None
    return person["phone"]


def test_an_automatically_settled_field_is_shown_on_both_campuses_and_the_loser_can_restore_it(
    two: tuple[Campus, Campus],
) -> None:
    a, b = two
    pid = a.add_shared_person("Awa", "Diallo", b)
    a.edit(pid, phone="+33639981111")
    b.edit(pid, phone="+33639982222")
    for campus in (a, b, a):
        campus.sync()
    kept = phone(a, pid)
    assert kept == phone(b, pid) and kept in ("+33639981111", "+33639982222")
    loser, winner = (a, b) if kept == "+33639982222" else (b, a)
    lost = "+33639981111" if loser is a else "+33639982222"

    [seen_by_loser] = loser.inbox()
    [seen_by_winner] = winner.inbox()
    assert seen_by_loser.automatic and seen_by_loser.kept == "theirs"
    assert seen_by_loser.mine == lost and seen_by_loser.theirs == kept
    assert seen_by_winner.automatic and seen_by_winner.kept == "mine"
    assert loser.status()["open_conflicts"] == 1

    loser.decide(seen_by_loser.id, "mine")
    assert loser.inbox() == [] and loser.status()["open_conflicts"] == 0
    assert phone(loser, pid) == lost
    for campus in (loser, winner):
        campus.sync()
    assert phone(winner, pid) == phone(loser, pid) == lost
    # the restored value had seen the one it replaces: it applies, no new conflict anywhere
    assert loser.inbox() == [] and [c.id for c in winner.inbox()] == [seen_by_winner.id]

    # the other advisor agrees: nothing to write, the conflict leaves the inbox and nothing waits to be sent
    winner.decide(seen_by_winner.id, "theirs")
    assert winner.inbox() == [] and winner.pending() == 0


def test_a_value_typed_for_an_automatic_conflict_is_checked_and_written_like_an_edit(
    two: tuple[Campus, Campus],
) -> None:
    a, b = two
    pid = a.add_shared_person("Karim", "Benali", b)
    a.edit(pid, email="karim@example.org")
    b.edit(pid, email="k.benali@example.org")
    for campus in (a, b, a):
        campus.sync()
    [item] = a.inbox()
    a.decide(item.id, "value", "  Karim.Benali@Example.org ")
    a.sync()
    b.sync()
    for campus in (a, b):
        person = campus.person(pid)
        assert person is not None and person["email"] == "karim.benali@example.org"
