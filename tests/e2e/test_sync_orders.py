"""Three campuses edit the same person offline, then sync in every order: all different-field edits survive, the same
field edited on two campuses is a conflict in both inboxes, and every campus ends up with HQ's data."""

from __future__ import annotations

from itertools import permutations

from tests.e2e.conftest import Campus


def test_three_campuses_editing_offline_converge_whatever_order_they_sync_in(
    three: tuple[Campus, Campus, Campus],
) -> None:
    a, b, c = three
    orders = list(permutations(three))
    assert len(orders) == 6
    for order in orders:
        names = "→".join(campus.name for campus in order)
        pid = a.add_person("Awa", "Diallo")
        a.sync()
        a.share(pid, b)
        a.share(pid, c)
        b.sync()
        c.sync()
        # offline: each campus edits a field of its own; a and b also both change the family name (protected)
        a.edit(pid, phone="+33611111111", last_name="Diallo-Sy")
        b.edit(pid, email="awa.diallo@example.org", last_name="Dialo")
        c.edit(pid, commune_other="Saint-Ouen")
        for campus in (*order, *order):  # back online one after the other; a second round brings the rest
            report = campus.sync()
            assert report.errors == [], (names, campus.name)

        first = next(campus for campus in order if campus in (a, b))  # HQ keeps the first family name it got
        expected = {
            "first_name": "Awa",
            "last_name": "Diallo-Sy" if first is a else "Dialo",
            "phone": "+33611111111",
            "email": "awa.diallo@example.org",
            "commune_other": "Saint-Ouen",
        }
        for campus in three:
            assert campus.person(pid) == expected, (names, campus.name)
            assert campus.pending() == 0, (names, campus.name)
        for campus in (a, b):
            found = [(x["field"], x["status"]) for x in campus.conflicts() if x["record_id"] == pid]
            assert found == [("last_name", "open")], (names, campus.name)
            mine = next(x for x in campus.conflicts() if x["record_id"] == pid)
            assert {mine["mine"], mine["theirs"]} == {"Diallo-Sy", "Dialo"}, (names, campus.name)

    exports = [campus.full_export() for campus in three]
    assert len(exports[0]["person"]) == 6
    assert exports[0] == exports[1] == exports[2]
    for campus in three:
        assert campus.hq_full_export() == exports[0], campus.name
