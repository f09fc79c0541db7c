"""Search as you type: one field, lazy result table (checked with qtmodeltester), stale answers dropped, keyboard."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from gn_desktop.services import search
from gn_desktop.store.uow import Store
from gn_desktop.views.search import BLOCK, PeopleModel, SearchPage
from gn_desktop.views.tasks import TaskRunner

pytestmark = pytest.mark.usefixtures("translations")


@pytest.fixture
def page(qtbot: QtBot, runner: TaskRunner, add_person: Callable[..., str]) -> SearchPage:
    add_person("Jean-Baptiste", "N'Diaye", "1999-05-12")
    add_person("Jeanne", "Martin")
    add_person("Éloïse", "Dupont-Aignan")
    p = SearchPage(runner)
    qtbot.addWidget(p)
    return p


def _names(p: SearchPage) -> list[str]:
    model = p.model
    return [f"{model.index(r, 1).data()} {model.index(r, 0).data()}" for r in range(model.rowCount())]


def test_typing_finds_people_whatever_the_accents_case_and_hyphens(qtbot: QtBot, page: SearchPage) -> None:
    # the page's first answer (its campus names come first, then the search): after the screenshot tests, on two
    # busy cores, it took more than 5 s in two runs out of four
    with qtbot.waitSignal(page.results_shown, timeout=20_000, check_params_cb=lambda q: q == "jeanbap"):
        qtbot.keyClicks(page.field, "jeanbap")
    assert _names(page) == ["Jean-Baptiste N'Diaye"]
    assert page.status.text() == "1 personne trouvée"
    assert page.model.index(0, 2).data() == "12/05/1999"
    assert page.model.index(0, 5).data() == "Accueil"

    page.field.clear()
    with qtbot.waitSignal(page.results_shown, timeout=5_000, check_params_cb=lambda q: q == "ELOISE dupont aig"):
        qtbot.keyClicks(page.field, "ELOISE dupont aig")
    assert _names(page) == ["Éloïse Dupont-Aignan"]

    with qtbot.waitSignal(page.results_shown, timeout=5_000):
        page.search_now("12/05/1999")
    assert _names(page) == ["Jean-Baptiste N'Diaye"]

    with qtbot.waitSignal(page.results_shown, timeout=5_000):
        page.search_now("zzzz")
    assert page.model.rowCount() == 0
    assert page.status.text().startswith("Personne n'a été trouvé.")


def test_only_the_latest_keystroke_is_shown(qtbot: QtBot, page: SearchPage) -> None:
    shown: list[str] = []
    page.results_shown.connect(shown.append)
    page.search_now("martin")
    with qtbot.waitSignal(page.results_shown, timeout=5_000):
        page.search_now("diaye")  # submitted before the first answer arrives: the first answer is stale
    assert shown == ["diaye"]
    assert _names(page) == ["Jean-Baptiste N'Diaye"]


@pytest.mark.qt_log_ignore("does not support propagateSizeHints")
def test_enter_opens_the_first_result_and_the_arrow_moves_to_the_list(qtbot: QtBot, page: SearchPage) -> None:
    opened: list[str] = []
    page.open_person.connect(opened.append)
    page.show()
    qtbot.waitExposed(page)
    page.field.setFocus()
    with qtbot.waitSignal(page.results_shown, timeout=5_000):
        qtbot.keyClicks(page.field, "jean")
    assert page.model.rowCount() == 2
    qtbot.keyClick(page.field, Qt.Key.Key_Down)
    assert page.view.hasFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_Down)
    qtbot.keyClick(page.view, Qt.Key.Key_Return)
    assert opened == [page.model.person_id(1)]


def test_the_result_model_is_lazy_and_passes_the_model_tester(
    qtbot: QtBot, qtmodeltester: ModelTester, runner: TaskRunner, store: Store
) -> None:
    """Rows beyond the first screenful are fetched by blocks when the view asks for them."""
    fetched: list[list[str]] = []
    model = PeopleModel(fetched.append)
    ids = [f"id-{i:04d}" for i in range(BLOCK * 3)]
    first = [
        search.PersonRow(i, "Awa", f"Nom{n}", None, None, None, None, search.PathwayStep.WELCOME, "c")
        for n, i in enumerate(ids[:40])
    ]
    model.set_result(ids, first)
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == BLOCK * 3
    assert model.index(0, 0).data() == "Nom0"
    assert model.index(250, 0).data() == "…"  # not loaded yet: asked for
    assert fetched[-1] == ids[2 * BLOCK : 3 * BLOCK]
    calls = len(fetched)
    model.index(251, 0).data()
    assert len(fetched) == calls  # one request per block
    model.add_rows(
        [search.PersonRow("id-0250", "Léa", "Nguyen", None, None, None, None, search.PathwayStep.WELCOME, "c")]
    )
    assert model.index(250, 0).data() == "Nguyen"
    model.set_result([], [])
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == 0
