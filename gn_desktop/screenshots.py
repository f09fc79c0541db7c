"""`gn-desktop screenshot`: one view of the advisor workspace, or a kiosk screen, rendered offscreen into a PNG.

The window is built by the composition root (`gn_desktop.app`) over a real store; an empty data directory gets demo
data first. The sync views show sample activity and conflicts (nothing is written). Threading: everything here runs on
the main thread; data work happens on the task runner's worker thread.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from gn_desktop.app import application, build_main_window, build_runner

if TYPE_CHECKING:
    from PySide6.QtGui import QImage
    from PySide6.QtWidgets import QApplication

    from gn_desktop.store.uow import Store
    from gn_desktop.views.main_window import MainWindow
    from gn_desktop.views.sync_bridge import SyncBridge
    from gn_desktop.views.tasks import TaskRunner

#: views `gn-desktop screenshot --view NAME` renders, with what they show (French, for `--view list`)
SCREENSHOT_VIEWS: dict[str, str] = {
    "signin": "écran de connexion",
    "locked": "session verrouillée après inactivité",
    "home": "accueil : rendez-vous du jour, personnes en attente, suivis à faire (fait, reporter au…)",
    "search": "recherche d'une personne (saisie « mar »)",
    "caseload": "personnes : mes personnes sans contact depuis 30 jours",
    "reassign": "personnes : un responsable de campus confie plusieurs personnes à un autre conseiller",
    "person": "fiche d'une personne : parcours et changement d'étape",
    "notes": "fiche d'une personne : notes de suivi",
    "appointments": "fiche d'une personne : rendez-vous (réalisé, absent avec une note, annuler, déplacer)",
    "referrals": "fiche d'une personne : orientations vers une formation ou une offre",
    "history": "fiche d'une personne : historique des modifications",
    "person-edit": "fiche d'une personne : corriger son identité, ses coordonnées, sa situation",
    "person-conflict": "fiche d'une personne : une correction arrivée d'un autre poste pendant la saisie (exemple)",
    "consents-tab": "fiche d'une personne : consentements, base légale, version du texte, dates",
    "consent-withdraw": "fiche d'une personne : retrait d'un consentement et ce qu'il change",
    "rqth": "fiche d'une personne : décision RQTH (conseillers et responsables seulement)",
    "erase": "fiche d'une personne : effacement par un responsable de campus (motif, référence, nom saisi)",
    "person-move": "fiche d'une personne : partage ou transfert vers un autre campus, avec son accord",
    "intake": "nouvelle inscription : identité et recherche des doublons",
    "consents": "nouvelle inscription : consentements (version du texte)",
    "intake-elsewhere": "nouvelle inscription : la personne semble suivie dans un autre campus (exemple)",
    "partners": "partenaires : sessions de formation et places restantes",
    "catalogue": "partenaires : le catalogue tenu par un responsable de campus (créer, corriger, archiver)",
    "catalogue-form": "partenaires : corriger un partenaire du campus (erreur nommant le champ)",
    "events": "événements : publics visés, inscriptions, présence, inscriptions de la borne à confirmer",
    "event-form": "événements : un responsable de campus crée une action de sensibilisation (publics visés)",
    "startups": "entreprises : fondateurs suivis, stade, SIRET, zone franche, actions d'accompagnement",
    "pilotage": "pilotage (responsables de campus) : placés face à l'objectif, chaque mois, entonnoir, répartitions",
    "sync": "synchronisation : état du lien avec le siège, réception initiale en cours (exemple)",
    "conflicts": "synchronisation : conflits à régler (exemple)",
    "duplicates": "synchronisation : doublons probables trouvés par le siège (responsable de campus, exemple)",
    "file-requests": "synchronisation : demandes de dossier des autres campus, à accepter ou refuser (exemple)",
    "preferences": "menu Préférences : langue de l'interface, changer son mot de passe",
    "password": "changer son mot de passe (mot de passe actuel, nouveau deux fois)",
    "import": "Fichier → Importer : le compte rendu d'un classeur refusé, ligne par ligne (exemple)",
    "export": "Fichier → Exporter : quoi, sur quelle période, en CSV ou en classeur Excel",
}
SCREENSHOT_DEMO_PEOPLE = 2000


def _parse_size(size: str) -> tuple[int, int]:
    from gn_core.domain.errors import KnownError

    try:
        width, height = (int(x) for x in size.lower().split("x"))
    except ValueError:
        raise KnownError(
            f"--size : « {size} » n'est pas une taille valide ; écrivez LARGEURxHAUTEUR, ex. 1280x800."
        ) from None
    if not (320 <= width <= 7680 and 240 <= height <= 4320):
        raise KnownError("--size : choisissez une taille entre 320x240 et 7680x4320.")
    return width, height


def _settle(app: QApplication, runner: TaskRunner, minimum_s: float = 0.5, timeout_s: float = 30.0) -> None:
    """Process events until the runner has been idle for a moment (and at least `minimum_s`, for debounce timers)."""
    from PySide6.QtCore import QEventLoop

    started = time.monotonic()
    idle_since: float | None = None
    while time.monotonic() - started < timeout_s:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        now = time.monotonic()
        if runner.pending == 0:
            idle_since = idle_since or now
            if now - idle_since > 0.15 and now - started >= minimum_s:
                return
        else:
            idle_since = None
        time.sleep(0.005)


def _demo_person(store: Store) -> str | None:
    """A person of this campus with a rich file (notes, referrals, a few steps), for the person screenshots."""
    from sqlalchemy import func, select

    from gn_core.domain import enums as e
    from gn_desktop.store import models as m

    with store.reading() as session:
        notes = select(m.Note.person_id, func.count().label("n")).group_by(m.Note.person_id).subquery()
        q = (
            select(m.Person.id)
            .join(notes, notes.c.person_id == m.Person.id)
            .join(m.Referral, m.Referral.person_id == m.Person.id)
            .where(m.Person.pathway_step == e.PathwayStep.JOB_SEARCH)
            .order_by(notes.c.n.desc(), m.Person.last_name)
            .limit(1)
        )
        if store.campus_id:
            q = q.where(m.Person.campus_id == store.campus_id)
        found = session.scalar(q)
        return found or session.scalar(select(m.Person.id).limit(1))


def _rqth_person(store: Store) -> str | None:
    """A person of this campus with an RQTH decision (the demo data has a few), for the RQTH screenshot."""
    from sqlalchemy import select

    from gn_desktop.store import models as m

    with store.reading() as session:
        q = select(m.RqthDecision.person_id).join(m.Person, m.Person.id == m.RqthDecision.person_id)
        if store.campus_id:
            q = q.where(m.Person.campus_id == store.campus_id)
        return session.scalar(q.order_by(m.Person.last_name).limit(1))


def _show_person(window: MainWindow, store: Store, view: str, settle: Callable[[], None]) -> None:
    person_id = (_rqth_person(store) if view == "rqth" else None) or _demo_person(store)
    if person_id is None:
        return
    window.open_person(person_id)
    settle()
    page = window.person
    tab = {
        "person": page.pathway,
        "notes": page.notes,
        "referrals": page.referrals,
        "history": page.history,
        "person-edit": page.edit,
        "person-conflict": page.edit,
        "consents-tab": page.consents,
        "consent-withdraw": page.consents,
        "rqth": page.rqth,
        "erase": page.pathway,
        "person-move": page.pathway,
    }[view]
    if tab is not None:
        page.tabs.setCurrentWidget(tab)
    if view == "person":
        window.person.move_target.setCurrentIndex(0)
    if view == "referrals" and window.person.options_table.rowCount():
        window.person.options_table.selectRow(0)
    sample = _PERSON_SAMPLES.get(view)
    if sample is not None:
        sample(window)


def _sample_correction(window: MainWindow) -> None:
    """A correction being typed (nothing is saved)."""
    edit = window.person.edit
    edit.set_values(edit.values() | {"phone": "07 81 22 33 44", "situation": "employee"})


def _sample_conflict(window: MainWindow) -> None:
    """What the form shows when another PC's change arrived meanwhile (a sample: nothing is written)."""
    from dataclasses import replace

    edit = window.person.edit
    if edit.base is None:
        return
    mine = edit.values() | {"phone": "07 81 22 33 44", "email": "nouvelle.adresse@example.org"}
    theirs = replace(
        edit.base,
        version=edit.base.version + "+",
        values=edit.base.values | {"phone": "06 39 98 00 11", "situation": "employee"},
    )
    edit._newer(theirs, mine)


def _sample_withdrawal(window: MainWindow) -> None:
    from gn_core.domain.enums import ConsentPurpose

    tab = window.person.consents
    tab.select(ConsentPurpose.FOLLOW_UP)
    tab.withdraw()


def _sample_erasure(window: MainWindow) -> None:
    window.person.ask_erasure()
    dialog = window.person.erase_dialog
    if dialog is not None:
        dialog.reference.setText("RGPD-2025-0142")


def _sample_move(window: MainWindow) -> None:
    window.person.ask_move()
    dialog = window.person.move_dialog
    if dialog is not None:
        dialog.transfer.setChecked(True)
        dialog.consent.setChecked(True)


_PERSON_SAMPLES: dict[str, Callable[[MainWindow], None]] = {
    "person-move": _sample_move,
    "person-edit": _sample_correction,
    "person-conflict": _sample_conflict,
    "consent-withdraw": _sample_withdrawal,
    "consents-tab": lambda window: window.person.consents.select_row(1),
    "erase": _sample_erasure,
}


def _go(window: MainWindow, section: str) -> None:
    """Show the window's `section` (by its name, whatever its place in the navigation)."""
    from gn_desktop.views.main_window import SECTIONS

    window.go_to(SECTIONS.index(section))


#: views shown to a campus manager (the others: an advisor)
MANAGER_VIEWS = frozenset({"erase", "pilotage", "duplicates", "catalogue", "catalogue-form", "event-form"})


def _show_startups(window: MainWindow, _store: Store, _view: str, settle: Callable[[], None]) -> None:
    """The startups, the first one with support actions open."""
    _go(window, "startups")
    settle()
    page = window.startups
    row = next((r for r, x in enumerate(page.rows) if x.actions), 0)
    if page.rows:
        page.list.setCurrentCell(row, 0)


def _show_event_form(window: MainWindow, _store: Store, _view: str, settle: Callable[[], None]) -> None:
    """Signed in as the campus manager: a new outreach action's form, filled in."""
    from gn_core.domain import enums as e

    _go(window, "events")
    settle()
    page = window.events
    page.open_form(new=True)
    dialog = page.dialog
    if dialog is not None:
        dialog.title_edit.setText("Journée « Femmes et numérique » — lycée Paul-Éluard")
        dialog.kind.setCurrentIndex(dialog.kind.findData(e.EventKind.OUTREACH.value))
        dialog.capacity.setValue(40)
        dialog.audiences.set_values([e.Audience.WOMEN, e.Audience.PUPILS, e.Audience.PRIORITY_NEIGHBOURHOODS])
        dialog.audience.setText("Lycéennes de 1re et terminale")


def _show_catalogue(window: MainWindow, _store: Store, view: str, settle: Callable[[], None]) -> None:
    """Signed in as the campus manager: the partners, one of this campus's selected (or its form, with the error a
    wrong phone number gets)."""
    _go(window, "partners")
    settle()
    page = window.partners
    lst = page.partners
    page.tabs.setCurrentWidget(lst)
    own = next((r for r, x in enumerate(lst.visible_entries()) if x.owner.own), None)
    if own is not None:
        lst.table.setCurrentCell(own, 0)
    if view == "catalogue-form":
        page.open_form(lst, new=own is None)
        from gn_desktop.views.catalogue.dialogs import PartnerDialog

        dialog = page.dialog
        if isinstance(dialog, PartnerDialog):
            dialog.contact_phone.setText("01 23")
            dialog.save()


def _show_intake(window: MainWindow, store: Store, view: str, settle: Callable[[], None]) -> None:
    window.new_intake()
    settle()
    window.intake.resume_banner.hide()
    window.intake.set_values(_intake_example(store, view))
    if view == "consents":
        window.intake.confirm_new.setChecked(True)
        window.intake._go(window.intake.stack.count() - 1)


def _show_search(window: MainWindow, _store: Store, _view: str, _settle: Callable[[], None]) -> None:
    window.find_person()
    window.search.search_now("mar")


def _show_home(window: MainWindow, _store: Store, _view: str, _settle: Callable[[], None]) -> None:
    if window.home.due_table.rowCount():
        window.home.due_table.selectRow(0)  # what can be done with a follow-up


def _appointments_person(store: Store) -> str | None:
    """A person of this campus with an appointment today or earlier still to record, and others (the most first)."""
    from datetime import UTC, datetime, time

    from sqlalchemy import func, select

    from gn_core.domain import enums as e
    from gn_desktop.store import models as m

    end_of_today = datetime.combine(datetime.now().date(), time(23, 59)).astimezone(UTC)
    with store.reading() as session:
        due = (
            select(m.Appointment.person_id)
            .where(m.Appointment.status == e.AppointmentStatus.PLANNED, m.Appointment.starts_at <= end_of_today)
            .subquery()
        )
        counts = select(m.Appointment.person_id, func.count().label("n")).group_by(m.Appointment.person_id).subquery()
        q = (
            select(m.Person.id)
            .join(counts, counts.c.person_id == m.Person.id)
            .where(m.Person.id.in_(select(due.c.person_id)))
            .order_by(counts.c.n.desc(), m.Person.last_name)
            .limit(1)
        )
        if store.campus_id:
            q = q.where(m.Person.campus_id == store.campus_id)
        return session.scalar(q) or _demo_person(store)


def _show_appointments(window: MainWindow, store: Store, _view: str, settle: Callable[[], None]) -> None:
    from datetime import date

    from gn_core.domain import enums as e

    person_id = _appointments_person(store)
    if person_id is None:
        return
    window.open_person(person_id)
    settle()
    tab = window.person.appointments
    window.person.tabs.setCurrentWidget(tab)
    data = tab.data
    if data is None:
        return
    for row, appt in enumerate(data.appointments):
        if appt.status == e.AppointmentStatus.PLANNED and appt.starts_at.astimezone().date() <= date.today():
            tab.appointments_table.selectRow(row)
            tab.outcome_note.setText("CV mis à jour ensemble, deux candidatures à envoyer d'ici vendredi")
            break


def _show_caseload(window: MainWindow, _store: Store, _view: str, _settle: Callable[[], None]) -> None:
    window.find_person()
    window.search.filters.set_filters(mine=True, no_contact_days=30)


def _manager(store: Store) -> str | None:
    """Username of a campus manager of this device's campus."""
    from sqlalchemy import select

    from gn_core.domain import enums as e
    from gn_desktop.store import models as m

    with store.reading() as session:
        q = select(m.User.username).where(m.User.role == e.UserRole.CAMPUS_MANAGER, m.User.active.is_(True))
        if store.campus_id:
            q = q.where(m.User.campus_id == store.campus_id)
        return session.scalar(q.order_by(m.User.username).limit(1))


def _show_reassign(window: MainWindow, store: Store, _view: str, settle: Callable[[], None]) -> None:
    """Signed in as the campus manager: three people selected, the dialog open."""
    from PySide6.QtCore import QItemSelectionModel

    from gn_core.domain import enums as e
    from gn_desktop.services import auth

    username = _manager(store)
    if username is None:
        return
    with store.read_unit(None) as uow:
        window.sign_in_as(auth.session_for(uow, username))
    settle()
    window.find_person()
    window.search.filters.set_filters(step=e.PathwayStep.JOB_SEARCH, no_contact_days=30)
    settle()
    page = window.search
    page.view.clearSelection()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for row in range(min(3, page.model.rowCount())):
        page.view.selectionModel().select(page.model.index(row, 0), flags)
    page.ask_reassign()
    settle()
    if page.reassign_dialog is not None:
        page.reassign_dialog.advisor.setCurrentIndex(0)


def _show_preferences(window: MainWindow, _store: Store, _view: str, settle: Callable[[], None]) -> None:
    """The Preferences menu open on its Language submenu."""
    prefs = window.preferences
    bar = window.menuBar()
    prefs.menu.popup(bar.mapToGlobal(bar.actionGeometry(prefs.menu.menuAction()).bottomLeft()))
    settle()
    item = prefs.menu.actionGeometry(prefs.language_menu.menuAction())
    prefs.menu.setActiveAction(prefs.language_menu.menuAction())
    prefs.language_menu.popup(prefs.menu.mapToGlobal(item.topRight()))


def _show_password(window: MainWindow, _store: Store, _view: str, settle: Callable[[], None]) -> None:
    window.preferences.change_password()
    settle()
    dialog = window.preferences.password_dialog
    if dialog is not None:
        dialog.fields["current"].setText("motdepasse")
        dialog.fields["new"].setText("nouveau-mot-de-passe")


def _sample_workbook(folder: Path) -> Path:
    """A small workbook as a campus keeps it, with two lines in error and a column the import does not know."""
    from datetime import datetime

    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Inscrits"
    ws.append(["Prénom", "Nom", "Date de naissance", "Téléphone", "Commune", "Remarques"])
    ws.append(["Inès", "Haddad", datetime(1999, 4, 12), "06 12 34 56 78", "Saint-Denis", ""])
    ws.append(["Yanis", "Moreau", "31/02/2001", "06 98 76 54 32", "Bobigny", ""])
    ws.append(["Awa", "Konaté", "03/07/1996", "01 23", "Montreuil", "rappeler"])
    ws.append(["Lucas", "", "15/10/2000", "", "Pantin", ""])
    path = folder / "inscrits-2025.xlsx"
    wb.save(path)
    return path


def _show_import(window: MainWindow, _store: Store, _view: str, settle: Callable[[], None]) -> None:
    """The import dialog's report on a workbook refused for its lines in error (nothing imported)."""
    import tempfile

    from gn_desktop.views.import_dialog import ImportDialog

    window.files.open_import()
    dialog = window.files.dialog
    assert isinstance(dialog, ImportDialog)
    with tempfile.TemporaryDirectory() as folder:
        dialog.choose(_sample_workbook(Path(folder)))
        dialog.start()
        settle()
        dialog.path_edit.setText(dialog.path_edit.text().rsplit(os.sep, 1)[-1])  # no machine path in the picture


def _show_export(window: MainWindow, _store: Store, _view: str, settle: Callable[[], None]) -> None:
    from gn_desktop.views.export_dialog import ExportDialog

    window.files.open_export()
    settle()
    dialog = window.files.dialog
    assert isinstance(dialog, ExportDialog)
    dialog.what.setCurrentIndex(1)  # referrals


def _show_sync(window: MainWindow, store: Store, view: str, settle: Callable[[], None]) -> None:
    _go(window, "sync")
    settle()
    _show_sync_sample(window, store, view, settle)


#: what to do, once signed in, to show each view (home and sign-in need nothing)
_PREPARE: dict[str, Callable[[MainWindow, Store, str, Callable[[], None]], None]] = {
    "locked": lambda window, _store, _view, _settle: window.lock(),
    "home": _show_home,
    "search": _show_search,
    **dict.fromkeys(
        (
            "person",
            "notes",
            "referrals",
            "history",
            "person-edit",
            "person-conflict",
            "consents-tab",
            "consent-withdraw",
            "rqth",
            "erase",
            "person-move",
        ),
        _show_person,
    ),
    "caseload": _show_caseload,
    "reassign": _show_reassign,
    "appointments": _show_appointments,
    "preferences": _show_preferences,
    "password": _show_password,
    "import": _show_import,
    "export": _show_export,
    **dict.fromkeys(("intake", "consents"), _show_intake),
    "intake-elsewhere": lambda window, store, view, settle: _show_intake_elsewhere(window, store, view, settle),
    "partners": lambda window, _store, _view, _settle: _go(window, "partners"),
    **dict.fromkeys(("catalogue", "catalogue-form"), _show_catalogue),
    "event-form": _show_event_form,
    "startups": _show_startups,
    "events": lambda window, _store, _view, _settle: _go(window, "events"),
    "pilotage": lambda window, _store, _view, _settle: _go(window, "pilotage"),
    **dict.fromkeys(("sync", "conflicts"), _show_sync),
    "duplicates": lambda window, store, view, settle: _show_duplicates(window, store, view, settle),
    "file-requests": lambda window, store, view, settle: _show_file_requests(window, store, view, settle),
}


def screenshot(data_dir: Path, *, view: str, out: Path | None, size: str = "1280x800", lang: str = "fr") -> int:
    """Render one view of the advisor workspace with demo data, offscreen, into a PNG file.

    An empty data directory gets demo data first (`SCREENSHOT_DEMO_PEOPLE` people); the window is signed in as an
    advisor of the demo campus. `view="list"` prints the view names.
    """
    from gn_core.domain.errors import KnownError
    from gn_desktop.views.kiosk import SCREEN_NAMES as KIOSK_SCREENS

    if view == "list":
        for name, what in SCREENSHOT_VIEWS.items():
            print(f"{name:10} {what}")
        for name in KIOSK_SCREENS:
            print(f"{name:10} borne d'accueil")
        return 0
    if view in KIOSK_SCREENS:
        return _kiosk_screenshot(data_dir, view, out, size, lang)
    target = out if out is not None else Path(f"{view}.png")
    with shown_view(data_dir, view=view, size=size, lang=lang) as window:
        image = _with_popups(window)
        target.parent.mkdir(parents=True, exist_ok=True)
        if not image.save(str(target)):
            raise KnownError(f"Impossible d'écrire {target}.")
    print(f"{target} ({image.width()}×{image.height()}, vue {view}, langue {lang})")
    return 0


@contextmanager
def shown_view(data_dir: Path, *, view: str, size: str = "1280x800", lang: str = "fr") -> Iterator[MainWindow]:
    """The advisor window showing `view` (a name of `SCREENSHOT_VIEWS`) over the demo data of `data_dir`, as it is
    rendered into a screenshot (dialogs and menus open over it); closed again, and its store too, on leaving."""
    from gn_core.domain.errors import KnownError

    if view not in SCREENSHOT_VIEWS:
        raise KnownError(f"Vue « {view} » inconnue. Vues possibles : {', '.join(SCREENSHOT_VIEWS)}.")
    width, height = _parse_size(size)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = application()
    from gn_desktop.services import auth, demo
    from gn_desktop.store.uow import Store
    from gn_desktop.views.i18n import Translations

    translations = Translations(app)
    translations.set_language(lang)
    store = Store.open(data_dir)
    runner: TaskRunner | None = None
    window: MainWindow | None = None
    try:
        with store.read_unit(None) as uow:
            username = auth.first_advisor(uow)
        if username is None:
            print(f"Aucune donnée dans {data_dir} : création de données de démonstration…", flush=True)
            demo.generate(store, people=SCREENSHOT_DEMO_PEOPLE, seed=1)
            with store.read_unit(None) as uow:
                username = auth.first_advisor(uow)
        if view in MANAGER_VIEWS:
            username = _manager(store) or username
        assert username is not None
        runner = build_runner(store)
        sync = _sample_sync() if view in ("sync", "conflicts", "duplicates", "file-requests") else None
        window = build_main_window(runner, lock_after_s=3600, sync=sync, translations=translations)
        window.resize(width, height)
        window.show()
        _settle(app, runner)
        if view == "signin":
            window.sign_in_page.reset()
            window.sign_in_page.username.setText(username)
        else:
            with store.read_unit(None) as uow:
                window.sign_in_as(auth.session_for(uow, username))
            _settle(app, runner)
        prepare = _PREPARE.get(view)
        if prepare is not None:
            prepare(window, store, view, lambda: _settle(app, runner))
        _settle(app, runner, minimum_s=0.8)
        yield window
    finally:
        if window is not None:
            window.close()
            window.deleteLater()
        if runner is not None:
            runner.shutdown()
        store.dispose()
        translations.uninstall()
        translations.deleteLater()


def _with_popups(window: MainWindow) -> QImage:
    """The window with what it has open over it: a dialog (centred, the window dimmed behind it) or menus (where
    they popped up). Offscreen, each is a window of its own that `window.grab()` leaves out."""
    from PySide6.QtGui import QColor, QPainter
    from PySide6.QtWidgets import QDialog, QMenu, QMessageBox

    image = window.grab().toImage()
    dialogs = [d for d in window.findChildren(QDialog) if d.isVisible() and not isinstance(d, QMessageBox)]
    dialogs += [d for d in window.findChildren(QMessageBox) if d.isVisible()]  # a question asked over a dialog
    menus = [menu for menu in window.findChildren(QMenu) if menu.isVisible()]
    if not dialogs and not menus:
        return image
    painter = QPainter(image)
    for menu in menus:
        painter.drawImage(window.mapFromGlobal(menu.pos()), menu.grab().toImage())
    if dialogs:
        dialog = dialogs[-1]
        dialog.adjustSize()
        shot = dialog.grab().toImage()
        painter.fillRect(image.rect(), QColor(0, 0, 0, 90))
        x, y = (image.width() - shot.width()) // 2, max(0, (image.height() - shot.height()) // 3)
        painter.setPen(QColor("#1f3a5f"))
        painter.drawRect(x - 1, y - 1, shot.width() + 1, shot.height() + 1)
        painter.drawImage(x, y, shot)
    painter.end()
    return image


def _sample_sync() -> SyncBridge:
    """A sync adapter over a scheduler that is never started (the screenshot shows sample activity)."""
    from gn_desktop.sync.engine import SyncReport
    from gn_desktop.sync.scheduler import SyncScheduler
    from gn_desktop.views.sync_bridge import SyncBridge

    return SyncBridge(SyncScheduler(lambda _progress: SyncReport(), sync_at_start=False))


def _show_sync_sample(window: MainWindow, store: Store, view: str, settle: Callable[[], None]) -> None:
    """Sample sync state and conflicts (names of demo people) on the synchronisation page; nothing is written."""
    from datetime import UTC, datetime, timedelta

    from sqlalchemy import select

    from gn_desktop.services.conflicts import Inbox, InboxItem
    from gn_desktop.services.sync_status import SetAsideView, SyncStatus
    from gn_desktop.store import models as m
    from gn_desktop.sync.engine import SyncReport
    from gn_desktop.sync.scheduler import Phase, SyncActivity

    now = datetime.now(UTC)
    with store.reading() as session:
        people = [
            (pid, f"{first} {last}", last)
            for pid, first, last in session.execute(
                select(m.Person.id, m.Person.first_name, m.Person.last_name).order_by(m.Person.last_name).limit(4)
            )
        ]
    while len(people) < 4:
        people.append(("p", "Awa Diallo", "Diallo"))

    def item(
        n: int, entity: str, field: str, base: Any, mine: Any, theirs: Any, minutes: int, kept: str | None = None
    ) -> InboxItem:
        pid, name, _last = people[n]
        hidden = entity == "rqth_decision"
        return InboxItem(
            id=f"sample-{n}",
            entity=entity,
            field=field,
            kind="field",
            person_id=pid,
            person_name=name,
            base=None if hidden else base,
            mine=None if hidden else mine,
            theirs=None if hidden else theirs,
            hidden=hidden,
            mine_by="Camille Martin",
            theirs_by="Hugo Lefèvre",
            theirs_campus="Campus Aubervilliers",
            mine_at=now - timedelta(minutes=minutes + 12),
            theirs_at=now - timedelta(minutes=minutes),
            automatic=kept is not None,
            kept=kept,
        )

    last0 = people[0][2]
    items = [
        item(0, "person", "last_name", last0, f"{last0}-Sy", f"{last0} Sy", 40),
        item(1, "person", "phone", "+33612345678", "+33698765432", "+33611223344", 95, kept="theirs"),
        item(2, "person", "pathway_step", "orientation", "training_referred", "job_search", 180),
        item(3, "rqth_decision", "valid_until", None, None, None, 300),
    ]
    status = SyncStatus(
        enrolled=True,
        server_url="https://siege.legrandnumerique.example",
        campus_code="SDN",
        pending=2,
        open_conflicts=len(items),
        rejected=0,
        last_success_at=now - timedelta(minutes=3),
        last_attempt_at=now,
        last_error=None,
        needs_reenrol=False,
        campus_name="Campus Saint-Denis",
        set_aside=(
            SetAsideView(
                "job_offer",
                "0193c0de-0000-7000-8000-000000000001",
                "Valeur inconnue de cette version de l'application (liste, date ou format) : mettez-la à jour.",
                now - timedelta(minutes=3),
            ),
        ),
        set_aside_count=1,
    )
    page = window.sync_page
    if view == "sync":
        activity = SyncActivity(Phase.SYNCING, enrolled=True, progress=("pull", 12_000, 400_000))
    else:
        report = SyncReport(pushed=14, pulled=230, conflicts=1)
        activity = SyncActivity(Phase.IDLE, enrolled=True, last_report=report, retry_in=60)
    window.sync.show(activity)
    settle()  # the page re-reads the (real) state after an activity: show the sample after that
    page.show_status(status)
    page.show_inbox(Inbox(items, waiting=1))
    page.loaded.emit()
    if view == "conflicts":
        page.tabs.setCurrentIndex(1)
        page.conflicts_table.selectRow(1)  # the automatic one: it says what HQ kept


def _show_duplicates(window: MainWindow, store: Store, _view: str, settle: Callable[[], None]) -> None:
    """Sample pairs HQ could send (demo people of this campus beside a fictional file at another campus)."""
    from sqlalchemy import select

    from gn_core.protocol import DuplicatePairView, DuplicateSide
    from gn_desktop.store import models as m

    with store.reading() as session:
        rows = session.execute(
            select(m.Person.id, m.Person.first_name, m.Person.last_name, m.Person.birth_date, m.Person.pathway_step)
            .where(m.Person.birth_date.is_not(None))
            .order_by(m.Person.last_name)
            .limit(3)
        ).all()
    pairs = []
    for n, (pid, first, last, birth, step) in enumerate(rows):
        here = DuplicateSide(
            person_id=pid,
            first_name=first,
            last_name=last,
            birth_date=birth.isoformat() if birth else None,
            campus="Campus Saint-Denis",
            pathway_step=step.value,
            last_contact_on="2026-02-12",
        )
        there = DuplicateSide(
            person_id=f"sample-{n}",
            first_name=[first, last.upper(), first][n],
            last_name=[last + "e", first, last][n],
            birth_date=birth.isoformat() if birth and n < 2 else None,
            campus=["Campus Aubervilliers", "Campus Bobigny", "Campus Montreuil"][n],
            pathway_step="welcome",
            last_contact_on=None if n else "2025-11-03",
        )
        reasons = [["name", "birth_date"], ["same_name", "birth_date", "phone"], ["same_name", "email"]][n]
        pairs.append(DuplicatePairView(a=here, b=there, score=[94, 100, 95][n], reasons=reasons, found_at=""))
    _go(window, "sync")
    settle()
    page = window.sync_page
    page.tabs.setCurrentWidget(page.duplicates)
    page.duplicates.show_pairs(pairs)


def _show_intake_elsewhere(window: MainWindow, _store: Store, _view: str, settle: Callable[[], None]) -> None:
    """Someone nobody registered here, whom HQ's lookup finds at another campus (a sample answer)."""
    from gn_core.protocol import LookupMatch

    window.new_intake()
    settle()
    window.intake.resume_banner.hide()
    window.intake.set_values({"first_name": "Awa", "last_name": "Sissoko", "birth_date": "12/04/2003"})
    settle()
    window.intake.elsewhere.show_matches(
        [LookupMatch(campus_code="BOB", campus_name="Campus Bobigny", strength="strong", token="sample")]
    )


def _show_file_requests(window: MainWindow, store: Store, _view: str, settle: Callable[[], None]) -> None:
    """Sample requests HQ could send: two for demo people of this campus, and this campus's own."""
    from datetime import UTC, datetime, timedelta

    from sqlalchemy import select

    from gn_core.protocol import MoveRequestsResponse, MoveRequestView
    from gn_desktop.services.transfers import RequestedFile
    from gn_desktop.store import models as m

    with store.reading() as session:
        rows = session.execute(
            select(m.Person.id, m.Person.first_name, m.Person.last_name).order_by(m.Person.last_name).limit(2)
        ).all()
    now = datetime.now(UTC).replace(microsecond=0)

    def request(n: int, person_id: str | None, direction: str, status: str, kind: str) -> MoveRequestView:
        asked = now - timedelta(days=n + 1, hours=3 * n)
        return MoveRequestView(
            id=f"sample-{direction}-{n}",
            kind=kind,  # type: ignore[arg-type]
            status=status,  # type: ignore[arg-type]
            direction=direction,  # type: ignore[arg-type]
            campus_code=["AUB", "BOB", "MTR"][n],
            campus_name=["Campus Aubervilliers", "Campus Bobigny", "Campus Montreuil"][n],
            person_id=person_id,
            requested_at=asked.isoformat(),
            expires_at=(asked + timedelta(days=30)).isoformat(),
        )

    incoming = [
        request(n, pid, "incoming", "pending", ["transfer", "share"][n]) for n, (pid, _f, _l) in enumerate(rows)
    ]
    outgoing = [request(1, None, "outgoing", "declined", "share"), request(2, None, "outgoing", "accepted", "transfer")]
    names = {pid: RequestedFile(pid, f"{first} {last}", True) for pid, first, last in rows}
    _go(window, "sync")
    settle()
    page = window.sync_page
    page.tabs.blockSignals(True)  # no question to HQ: the sample answer is shown instead
    page.tabs.setCurrentWidget(page.requests)
    page.tabs.blockSignals(False)
    page.requests.show_requests(MoveRequestsResponse(epoch="sample", incoming=incoming, outgoing=outgoing), names)


def _kiosk_screenshot(data_dir: Path, view: str, out: Path | None, size: str, lang: str) -> int:
    """A kiosk screen, drawn by the kiosk's own renderer over this data directory's store (an empty one gets demo
    data first, so that the programmes and events screens show some)."""
    from gn_desktop.services import demo
    from gn_desktop.store.uow import Store
    from gn_desktop.views.i18n import Translations
    from gn_desktop.views.kiosk import render_kiosk_screen

    width, height = _parse_size(size)
    target = out if out is not None else Path(f"{view}.png")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = application()
    translations = Translations(app)
    store = Store.open(data_dir)
    if store.campus_id is None:  # a new data directory (a campus PC or a kiosk always belongs to a campus)
        print(f"Aucune donnée dans {data_dir} : création de données de démonstration…", flush=True)
        demo.generate(store, people=SCREENSHOT_DEMO_PEOPLE, seed=1)
    runner = build_runner(store)
    try:
        image = render_kiosk_screen(view, lang, (width, height), runner=runner, translations=translations)
        target.parent.mkdir(parents=True, exist_ok=True)
        image.save(str(target))
        print(f"{target} ({image.width()}×{image.height()}, vue {view}, langue {lang})")
        return 0
    finally:
        runner.shutdown()
        store.dispose()
        translations.uninstall()
        translations.deleteLater()


def _intake_example(store: Store, view: str) -> dict[str, Any]:
    """Form values for the intake screenshots: an existing person's name and birth date, so likely matches show."""
    from sqlalchemy import select

    from gn_desktop.store import models as m

    with store.reading() as session:
        row = session.execute(
            select(m.Person.first_name, m.Person.last_name, m.Person.birth_date)
            .where(m.Person.birth_date.is_not(None))
            .order_by(m.Person.last_name)
            .limit(1)
        ).first()
    first, last, birth = row if row is not None else ("Inès", "Diallo", None)
    values: dict[str, Any] = {
        "first_name": first,
        "last_name": last,
        "birth_date": birth.strftime("%d/%m/%Y") if birth else "",
        "gender": "female",
        "phone": "06 39 98 12 34",
        "email": "ines.diallo@example.org",
        "commune": "Saint-Denis",
        "situation": "job_seeker",
        "job_families": ["development", "data"],
    }
    if view == "consents":
        values["consents"] = ["follow_up", "share_with_partners"]
    return values
