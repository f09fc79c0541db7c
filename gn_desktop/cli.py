"""`gn-desktop` entry point: starts the app, or runs one of the admin sub-commands.

Every command accepts `--data-dir DIR` (or $GN_DATA_DIR) so several campuses can run side by side on one machine.
Messages are in French; errors a person can act on exit with status 1 and say what to do, bugs with status 3.
Qt is imported only by the commands that show or render windows.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from gn_core.domain.enums import ErasureReason
from gn_core.domain.errors import KnownError
from gn_core.domain.labels import label
from gn_desktop import __version__, paths

if TYPE_CHECKING:
    from gn_desktop.services.progress import Phase, Progress
    from gn_desktop.store.uow import Store


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="gn-desktop",
        description="Le Grand Numérique — application des campus (accompagnement, borne d'accueil, synchronisation).",
    )
    parser.add_argument(
        "--data-dir", help="dossier des données du campus (défaut : $GN_DATA_DIR ou le dossier utilisateur)"
    )
    parser.add_argument("--version", action="store_true", help="affiche la version et quitte")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="ouvre la base (en la migrant), construit et affiche la fenêtre hors écran, puis quitte",
    )
    parser.add_argument(
        "--lang",
        choices=["fr", "en", "ar"],
        default=None,
        help="langue de l'interface (défaut : fr, ou celle choisie dans l'application)",
    )
    parser.add_argument("--kiosk", action="store_true", help="démarre en mode borne d'accueil (plein écran)")
    sub = parser.add_subparsers(dest="command", metavar="COMMANDE")

    run = sub.add_parser("run", help="démarre l'application (commande par défaut)")
    run.add_argument("--kiosk", action="store_true", help="démarre en mode borne d'accueil", default=argparse.SUPPRESS)

    demo = sub.add_parser("demo-data", help="remplit la base avec des données de démonstration fictives")
    demo.add_argument("--people", type=int, default=2000, help="nombre de personnes (défaut : 2000)")
    demo.add_argument("--seed", type=int, default=1, help="graine : même graine, mêmes données (défaut : 1)")
    demo.add_argument("--campus", help="campus du poste et de ses personnes (défaut : celui du poste, sinon SDN)")

    imp = sub.add_parser("import", help="importe des personnes depuis un fichier CSV (UTF-8 ou Excel français)")
    imp.add_argument("file", type=Path)
    imp.add_argument(
        "--skip-bad-rows",
        action="store_true",
        help="importe les lignes valides et ignore les autres (sinon un fichier avec une erreur n'importe rien)",
    )
    imp.add_argument("--campus", help="code du campus d'accueil des personnes importées (défaut : celui de ce poste)")

    exp = sub.add_parser(
        "export",
        help="exporte les personnes, orientations, événements (avec présences), startups ou sorties, sur une période",
    )
    exp.add_argument(
        "--what",
        choices=["people", "referrals", "events", "startups", "outcomes"],
        default="people",
        help="quoi : people (personnes, défaut), referrals (orientations), events (événements et présences), "
        "startups, outcomes (sorties : emploi, création d'entreprise, autre)",
    )
    exp.add_argument("--from", dest="since", metavar="DATE", help="début de la période (jj/mm/aaaa), inclus")
    exp.add_argument("--to", dest="until", metavar="DATE", help="fin de la période (jj/mm/aaaa), incluse")
    exp.add_argument(
        "--format", choices=["csv", "json", "xlsx"], default="csv", help="csv (défaut), xlsx ; json : personnes seules"
    )
    exp.add_argument(
        "--out",
        type=Path,
        help="fichier de sortie (défaut : sortie standard pour les personnes en csv ou json, sinon un fichier nommé "
        "d'après l'extraction dans le dossier courant)",
    )
    ref = sub.add_parser(
        "export-reference",
        help="écrit les campus, comptes et le catalogue de ce poste pour le siège (gn-hq reference import)",
    )
    ref.add_argument(
        "--out", type=Path, required=True, help="fichier JSON (il contient les empreintes des mots de passe)"
    )
    shot = sub.add_parser("screenshot", help="rend une vue avec les données de démonstration dans un fichier PNG")
    shot.add_argument("--view", default="home", help="nom de la vue (--view list les énumère)")
    shot.add_argument("--out", type=Path, help="fichier PNG à écrire")
    shot.add_argument("--size", default="1280x800", help="taille en pixels, LARGEURxHAUTEUR (défaut : 1280x800)")

    enrol = sub.add_parser("enrol", help="inscrit ce poste auprès du siège avec un code à usage unique")
    enrol.add_argument("--server", required=True, help="adresse du siège, par exemple https://siege.example.fr")
    enrol.add_argument("--code", required=True, help="code d'inscription donné par le siège")
    enrol.add_argument("--name", default=None, help="nom de ce poste (défaut : nom de la machine)")

    sync = sub.add_parser("sync", help="synchronise avec le siège (un cycle)")
    sync.add_argument("--json", action="store_true", help="résultat en JSON (envoyés, reçus, conflits, erreurs)")
    sync.add_argument("--status", action="store_true", help="affiche l'état de la synchronisation sans synchroniser")
    sync.add_argument(
        "--no-snapshot",
        action="store_true",
        help="un nouveau poste reçoit ses données page par page, même si le siège a une base prête",
    )

    snap = sub.add_parser("snapshot", help="bases prêtes pour les nouveaux postes (à côté du siège)").add_subparsers(
        dest="action", metavar="ACTION"
    )
    snap.required = True
    publish = snap.add_parser(
        "publish", help="synchronise ce poste (réplique du campus) puis écrit sa base prête dans un dossier du siège"
    )
    publish.add_argument("--into", type=Path, required=True, help="dossier des bases prêtes du siège (snapshots/)")

    conflicts = sub.add_parser("conflicts", help="conflits de synchronisation").add_subparsers(
        dest="action", metavar="ACTION"
    )
    conflicts.required = True
    clist = conflicts.add_parser("list", help="liste les conflits")
    clist.add_argument("--json", action="store_true")
    cres = conflicts.add_parser("resolve", help="règle un conflit (envoyé au siège à la prochaine synchronisation)")
    cres.add_argument("conflict_id")
    cres.add_argument("--take", required=True, help="mine (ma valeur), theirs (celle de l'autre campus) ou une valeur")

    person = sub.add_parser("person", help="personnes").add_subparsers(dest="action", metavar="ACTION")
    person.required = True
    erase = person.add_parser("erase", help="efface une personne (RGPD) ici et, à la synchronisation, partout")
    erase.add_argument("person_id")
    erase.add_argument(
        "--reason",
        required=True,
        choices=[r.value for r in ErasureReason],
        help="motif de l'effacement (conservé comme preuve) : "
        + ", ".join(f"{r.value} = {label(r)}" for r in ErasureReason),
    )
    erase.add_argument(
        "--reference",
        required=True,
        help="référence de la demande, par exemple le numéro du ticket (conservée ; jamais le nom de la personne)",
    )
    erase.add_argument(
        "--manager",
        metavar="IDENTIFIANT",
        help="identifiant du responsable de campus qui efface ; son mot de passe est lu sur l'entrée standard "
        "(sans cette option, identifiant et mot de passe sont demandés)",
    )

    for action, text in (
        ("share", "partage le dossier d'une personne avec un autre campus (envoyé au siège à la synchronisation)"),
        ("transfer", "transfère le dossier d'une personne à un autre campus, qui la suivra désormais"),
    ):
        move = person.add_parser(action, help=text)
        move.add_argument("person_id")
        move.add_argument("--campus", required=True, help="code de l'autre campus, par exemple AUB")
        move.add_argument(
            "--consent",
            action="store_true",
            help="la personne a donné son accord (obligatoire ; noté dans son dossier)",
        )
        move.add_argument(
            "--user",
            metavar="IDENTIFIANT",
            help="identifiant du conseiller ou du responsable ; son mot de passe est lu sur l'entrée standard "
            "(sans cette option, identifiant et mot de passe sont demandés)",
        )

    user_help = (
        "identifiant du conseiller ou du responsable ; son mot de passe est lu sur l'entrée standard "
        "(sans cette option, identifiant et mot de passe sont demandés)"
    )
    look = person.add_parser(
        "lookup", help="demande au siège si une personne est déjà suivie dans un autre campus (poste en ligne)"
    )
    look.add_argument("--first-name", required=True, help="prénom")
    look.add_argument("--last-name", required=True, help="nom")
    look.add_argument("--birth-date", help="date de naissance (JJ/MM/AAAA ou AAAA-MM-JJ)")
    look.add_argument("--phone", help="téléphone")
    look.add_argument("--email", help="e-mail")
    look.add_argument("--json", action="store_true")
    look.add_argument("--user", metavar="IDENTIFIANT", help=user_help)
    ask = person.add_parser(
        "request", help="demande au campus qui suit la personne (jeton de `person lookup`) un partage ou un transfert"
    )
    ask.add_argument("token", help="le jeton d'une correspondance donné par `person lookup`")
    ask.add_argument("--kind", required=True, choices=["share", "transfer"], help="share (partage) ou transfer")
    ask.add_argument("--consent", action="store_true", help="la personne a donné son accord (obligatoire)")
    ask.add_argument("--user", metavar="IDENTIFIANT", help=user_help)
    rlist = person.add_parser("requests", help="demandes de dossier reçues des autres campus, et envoyées")
    rlist.add_argument("--json", action="store_true")
    for action, text in (
        ("accept", "accepte une demande reçue : partage ou transfert du dossier à l'autre campus"),
        ("decline", "refuse une demande reçue (l'autre campus en est informé)"),
    ):
        answer = person.add_parser(action, help=text)
        answer.add_argument("request_id")
        answer.add_argument("--user", metavar="IDENTIFIANT", help=user_help)

    pin = sub.add_parser("kiosk-pin", help="définit le code PIN qui permet au personnel de quitter la borne")
    pin.add_argument("pin", help="4 à 8 chiffres")

    printer = sub.add_parser(
        "kiosk-printer",
        help="choisit l'imprimante des tickets de la borne (imprimante de tickets ou de bureau) ; "
        "sans argument, affiche celle choisie",
    )
    printer.add_argument("name", nargs="?", help="nom de l'imprimante, tel que le système le donne (voir --list)")
    printer_choice = printer.add_mutually_exclusive_group()
    printer_choice.add_argument("--list", action="store_true", help="liste les imprimantes que voit la borne")
    printer_choice.add_argument("--none", action="store_true", help="la borne n'imprime plus de ticket")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.version:
        from gn_core.protocol import PROTOCOL_VERSION

        print(f"gn-desktop {__version__} (protocole de synchronisation {PROTOCOL_VERSION})")
        return 0
    data = paths.data_dir(args.data_dir)
    try:
        if args.self_test:
            from gn_desktop.selftest import self_test

            return self_test(data, lang=args.lang or "fr")
        command = args.command or "run"
        if command == "run":
            from gn_desktop.app import run_app

            return run_app(data, kiosk=bool(args.kiosk), lang=args.lang)  # None: the language chosen earlier
        if command == "demo-data":
            return _demo_data(data, args.people, args.seed, args.campus)
        if command == "import":
            return _import(data, args.file, args.skip_bad_rows, args.campus)
        if command == "export":
            return _export(data, args.what, args.format, args.out, args.since, args.until)
        if command == "export-reference":
            return _export_reference(data, args.out)
        if command == "screenshot":
            from gn_desktop.screenshots import screenshot

            return screenshot(data, view=args.view, out=args.out, size=args.size, lang=args.lang or "fr")
        if command == "kiosk-pin":
            return _kiosk_pin(data, args.pin)
        if command == "kiosk-printer":
            return _kiosk_printer(data, args.name, listing=args.list, none=args.none)
        if command in ("enrol", "sync", "conflicts", "person", "snapshot"):
            from gn_desktop import sync_cli

            return sync_cli.run(data, args)
    except KnownError as exc:
        print(f"Erreur : {exc.message}", file=sys.stderr)
        return 1
    except Exception:
        import traceback

        traceback.print_exc()
        print(
            "Erreur inattendue (un défaut du logiciel) : le détail est ci-dessus. Signalez-le au support du siège.",
            file=sys.stderr,
        )
        return 3
    raise AssertionError(f"unhandled command {args.command}")


def _open_store(data: Path) -> Store:
    from gn_desktop.store.uow import Store

    return Store.open(data)


def _demo_data(data: Path, people: int, seed: int, campus: str | None) -> int:
    from gn_desktop.services import demo

    if people < 0:
        raise KnownError("--people : indiquez un nombre positif.")
    store = _open_store(data)
    with _terminal_progress("Données de démonstration") as progress:
        summary = demo.generate(store, people=people, seed=seed, campus_code=campus, progress=progress)
    print(summary.describe())
    return 0


def _import(data: Path, file: Path, skip_bad_rows: bool, campus_code: str | None) -> int:
    from gn_desktop.services import importing

    store = _open_store(data)
    with store.unit_of_work(None) as uow, _terminal_progress(f"Import de {file.name}") as progress:
        report = importing.import_file(
            uow, file, campus_code=campus_code, skip_bad_rows=skip_bad_rows, today=date.today(), progress=progress
        )
        uow.commit()
    print(report.describe())
    return 0


def _export(data: Path, what: str, fmt: str, out: Path | None, since_text: str | None, until_text: str | None) -> int:
    from gn_core.domain.validation import parse_date

    since = parse_date(since_text, "since", "--from")
    until = parse_date(until_text, "until", "--to")
    if what != "people" or since is not None or until is not None:
        return _extract(data, what, fmt, out, since, until)
    return _export_people(data, fmt, out)


def _extract(data: Path, what: str, fmt: str, out: Path | None, since: date | None, until: date | None) -> int:
    from gn_desktop.services import extracts

    if fmt == "json":
        raise KnownError("--format json : seulement pour toutes les personnes ; choisissez csv ou xlsx.")
    kind = extracts.What(what)
    if out is None:
        period = "_".join(d.isoformat() for d in (since, until) if d is not None)
        out = Path(f"{extracts.TITLES[kind].lower()}{'_' + period if period else ''}.{fmt}")
    store = _open_store(data)
    with store.unit_of_work(None) as uow, _terminal_progress(f"Extraction {extracts.TITLES[kind].lower()}") as progress:
        count = extracts.export(uow, kind, fmt, out, since=since, until=until, progress=progress)
        uow.commit()  # the export's audit event
    print(f"{count} ligne{'s' if count > 1 else ''} écrite{'s' if count > 1 else ''} dans {out}.", file=sys.stderr)
    return 0


_PHASES = {"read": "lecture", "check": "vérification", "write": "écriture"}


@contextlib.contextmanager
def _terminal_progress(title: str) -> Iterator[Progress]:
    """A progress line on standard error when it is a terminal (redrawn at most 10 times a second); silent when the
    output goes to a file or a pipe, so scripts and logs get only the final summary."""
    from gn_desktop.services.progress import SILENT, Progress

    if not sys.stderr.isatty():
        yield SILENT
        return
    shown = ""
    drawn_at = 0.0

    def report(phase: Phase, done: int, total: int) -> None:
        nonlocal shown, drawn_at
        now = time.monotonic()
        if now - drawn_at < 0.1 and done != total:
            return
        drawn_at = now
        count = f"{done:,}".replace(",", " ") + (f" / {total:,}".replace(",", " ") if total else "")
        percent = f" ({done * 100 // total} %)" if total else ""
        line = f"{title} : {_PHASES.get(phase.value, phase.value)} {count}{percent}"
        sys.stderr.write("\r" + line.ljust(len(shown)))
        sys.stderr.flush()
        shown = line

    try:
        yield Progress(report)
    finally:
        if shown:
            sys.stderr.write("\r" + " " * len(shown) + "\r")
            sys.stderr.flush()


def _export_people(data: Path, fmt: str, out: Path | None) -> int:
    from gn_desktop.services import exporting

    if fmt == "xlsx" and out is None:
        raise KnownError("--out : un export xlsx doit être écrit dans un fichier (ex. --out personnes.xlsx).")
    store = _open_store(data)
    with store.unit_of_work(None) as uow:
        count = exporting.export_people(uow, fmt, out if out is not None else sys.stdout)
        uow.commit()  # the export's audit event
    if out is not None:
        print(
            f"{count} personne{'s' if count > 1 else ''} exportée{'s' if count > 1 else ''} dans {out}.",
            file=sys.stderr,
        )
    return 0


def _export_reference(data: Path, out: Path) -> int:
    from gn_desktop.services import reference

    store = _open_store(data)
    with store.read_unit(None) as uow:
        document = reference.reference_document(uow)
    tmp = out.with_name(out.name + ".tmp")
    tmp.write_text(json.dumps(document, ensure_ascii=False, indent=1), encoding="utf-8")
    tmp.chmod(0o600)  # it holds password hashes
    tmp.replace(out)
    counts = ", ".join(f"{entity} {len(rows)}" for entity, rows in document["entities"].items())
    print(f"Données de référence écrites dans {out} ({counts}) : gn-hq reference import {out}", file=sys.stderr)
    return 0


def _kiosk_pin(data: Path, pin: str) -> int:
    from gn_desktop.services import kiosk

    store = _open_store(data)
    with store.unit_of_work(None) as uow:
        kiosk.set_staff_pin(uow, pin)
        uow.commit()
    print("Code PIN de la borne enregistré.")
    return 0


def _kiosk_printer(data: Path, name: str | None, *, listing: bool, none: bool) -> int:
    """Choose, forget or show the kiosk's ticket printer; `listing`: the printers Qt sees on this machine."""
    from gn_desktop.services import kiosk

    if name is not None and (listing or none):
        raise KnownError("kiosk-printer : donnez un nom d'imprimante, ou --list, ou --none, pas plusieurs.")
    if listing:
        from gn_desktop.views.kiosk.printing import available_printers, default_printer

        printers = available_printers()
        if not printers:
            print("Aucune imprimante n'est installée sur ce poste (ou le service d'impression ne répond pas).")
        for printer in printers:
            print(f"{printer}{' (imprimante par défaut)' if printer == default_printer() else ''}")
        return 0
    store = _open_store(data)
    if name is None and not none:
        with store.read_unit(None) as uow:
            chosen = kiosk.printer_name(uow)
        print(f"Imprimante des tickets : {chosen}." if chosen else "La borne n'imprime pas de ticket.")
        return 0
    with store.unit_of_work(None) as uow:
        kiosk.set_printer(uow, None if none else name)
        uow.commit()
    if none or not (name or "").strip():
        print("La borne n'imprimera plus de ticket.")
        return 0
    print(f"La borne imprimera les tickets sur « {name} ».")
    from gn_desktop.views.kiosk.printing import available_printers

    if name not in available_printers():
        print(
            f"Attention : ce poste ne voit pas d'imprimante « {name} » pour le moment (gn-desktop kiosk-printer --list "
            "les énumère). Tant qu'elle manque, la borne affiche le ticket sans l'imprimer.",
            file=sys.stderr,
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
