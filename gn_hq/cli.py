"""`gn-hq`: run the HQ sync service and administer it (campuses, accounts, devices, epoch, erasure, the audit trail,
retention).

Every command takes `--database-url URL` (or $GN_HQ_DATABASE_URL; default: the embedded SQLite file of the data
dir) and `--data-dir DIR` (or $GN_HQ_DATA_DIR; default: the user data dir). Messages are in French; errors a person
can act on exit with status 1 and say what to do.
"""

from __future__ import annotations

import argparse
import getpass
import json
import multiprocessing
import os
import shutil
import signal
import sys
from collections.abc import Callable, Sequence
from dataclasses import asdict
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from gn_core.domain.enums import ErasureReason
from gn_core.domain.labels import label
from gn_core.protocol import PROTOCOL_VERSION
from gn_hq import __version__, logs, paths
from gn_hq.services.errors import HqError

if TYPE_CHECKING:
    from fastapi import FastAPI

    from gn_hq.services.context import Hq


def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--database-url", help="base de données (défaut : $GN_HQ_DATABASE_URL ou SQLite embarqué)")
    common.add_argument(
        "--data-dir", help="dossier des données du siège (défaut : $GN_HQ_DATA_DIR ou dossier utilisateur)"
    )

    parser = argparse.ArgumentParser(
        prog="gn-hq", description="Le Grand Numérique — service de synchronisation du siège"
    )
    parser.add_argument("--version", action="store_true", help="affiche la version et celle du protocole")
    sub = parser.add_subparsers(dest="command", metavar="COMMANDE")

    serve = sub.add_parser("serve", parents=[common], help="démarre le service (migre la base au besoin)")
    serve.add_argument("--host", default="127.0.0.1", help="adresse d'écoute (défaut : 127.0.0.1)")
    serve.add_argument("--port", type=int, default=8700, help="port d'écoute (défaut : 8700)")
    serve.add_argument("--workers", type=int, default=1, help="nombre de processus (défaut : 1)")
    serve.add_argument(
        "--compare-after",
        type=float,
        default=None,
        metavar="SECONDES",
        help="les doublons possibles sont cherchés quand aucun envoi n'est arrivé depuis ce délai "
        "(défaut : 1 ; 0 : après chaque envoi) et au plus tard 30 s après le premier envoi",
    )
    serve.add_argument("--no-access-log", action="store_true", help="ne journalise pas chaque requête")
    serve.add_argument("--log-level", default="info", choices=["critical", "error", "warning", "info", "debug"])
    serve.add_argument(
        "--log-format",
        default="json",
        choices=["json", "text"],
        help="journal en JSON, une ligne par événement (défaut), ou en texte lisible",
    )
    serve.add_argument(
        "--forwarded-allow-ips",
        default=os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1"),
        help="adresses des relais (reverse proxy TLS) dont les en-têtes X-Forwarded-For/-Proto sont crus "
        "(défaut : 127.0.0.1 ; « * » pour tous — seulement derrière un relais)",
    )

    sub.add_parser("migrate", parents=[common], help="met la base au dernier schéma")

    campus = sub.add_parser("campus", help="campus et codes d'inscription").add_subparsers(
        dest="action", metavar="ACTION"
    )
    campus.required = True
    add = campus.add_parser(
        "add", parents=[common], help="crée un campus et affiche un code d'inscription à usage unique"
    )
    add.add_argument("name", nargs="?", default=None, help="nom du campus (défaut : celui de la liste de référence)")
    add.add_argument("--code", required=True, help="code court du campus, par exemple SDN")
    add.add_argument("--commune", help="code INSEE de la commune (défaut : celui de la liste de référence)")
    add.add_argument("--hq", action="store_true", help="ce campus est le siège")
    code = campus.add_parser("code", parents=[common], help="nouveau code d'inscription pour un campus existant")
    code.add_argument("campus_code")
    code.add_argument("--kiosk", action="store_true", help="le code inscrit une borne d'accueil (pas un poste)")
    campus.add_parser("list", parents=[common], help="liste les campus")

    user = sub.add_parser("user", help="comptes").add_subparsers(dest="action", metavar="ACTION")
    user.required = True
    uadd = user.add_parser("add", parents=[common], help="crée un compte (conseiller, responsable de campus, siège)")
    uadd.add_argument("username")
    uadd.add_argument("--name", default="", help="nom affiché")
    uadd.add_argument("--role", required=True, choices=["advisor", "campus_manager", "hq_admin"])
    uadd.add_argument("--campus", help="code du campus (obligatoire sauf pour hq_admin)")
    uadd.add_argument("--password-stdin", action="store_true", help="lit le mot de passe sur l'entrée standard")
    user.add_parser("list", parents=[common], help="liste les comptes")
    for action, text in (
        ("deactivate", "désactive un compte (partout, dès la prochaine synchronisation)"),
        ("activate", "réactive un compte"),
    ):
        one = user.add_parser(action, parents=[common], help=text)
        one.add_argument("username")
    upass = user.add_parser("password", parents=[common], help="réinitialise le mot de passe d'un compte")
    upass.add_argument("username")
    upass.add_argument("--password-stdin", action="store_true", help="lit le mot de passe sur l'entrée standard")
    urole = user.add_parser("role", parents=[common], help="change le rôle (et le campus) d'un compte")
    urole.add_argument("username")
    urole.add_argument("--role", required=True, choices=["advisor", "campus_manager", "hq_admin"])
    urole.add_argument("--campus", help="code du campus (obligatoire sauf pour hq_admin)")

    reference = sub.add_parser("reference", help="données de référence (campus, comptes, catalogue)").add_subparsers(
        dest="action", metavar="ACTION"
    )
    reference.required = True
    rimport = reference.add_parser(
        "import", parents=[common], help="charge un fichier de référence (JSON) : tout ou rien"
    )
    rimport.add_argument("file", help="fichier JSON au format gn-reference/1 (gn-desktop export-reference)")
    rimport.add_argument("--dry-run", action="store_true", help="vérifie le fichier sans rien écrire")

    set_aside = sub.add_parser(
        "set-aside", help="enregistrements que des postes n'ont pas pu enregistrer"
    ).add_subparsers(dest="action", metavar="ACTION")
    set_aside.required = True
    sa_list = set_aside.add_parser("list", parents=[common], help="liste ce que les postes ont mis de côté")
    sa_list.add_argument("--json", action="store_true", help="sortie JSON")

    device = sub.add_parser("device", help="appareils inscrits").add_subparsers(dest="action", metavar="ACTION")
    device.required = True
    device.add_parser("list", parents=[common], help="liste les appareils")
    revoke = device.add_parser("revoke", parents=[common], help="révoque un appareil (son jeton cesse de marcher)")
    revoke.add_argument("device_id")

    epoch = sub.add_parser("epoch", help="époque du siège").add_subparsers(dest="action", metavar="ACTION")
    epoch.required = True
    epoch.add_parser("show", parents=[common], help="affiche l'époque")
    rotate = epoch.add_parser(
        "rotate", parents=[common], help="nouvelle époque : à faire après une restauration de sauvegarde"
    )
    rotate.add_argument("--reason", default="restauration d'une sauvegarde", help="motif (journalisé)")

    person = sub.add_parser("person", help="personnes").add_subparsers(dest="action", metavar="ACTION")
    person.required = True
    erase = person.add_parser("erase", parents=[common], help="efface une personne (RGPD) partout")
    erase.add_argument("person_id")
    erase.add_argument(
        "--reason",
        required=True,
        choices=[r.value for r in ErasureReason],
        help="motif de l'effacement : " + ", ".join(f"{r.value} ({label(r)})" for r in ErasureReason),
    )
    erase.add_argument(
        "--reference", required=True, help="numéro du ticket ou du registre (conservé comme preuve, jamais le nom)"
    )

    sub.add_parser("indicators", parents=[common], help="affiche les indicateurs (JSON)")
    report = sub.add_parser("report", parents=[common], help="rapport mensuel (PDF ou XLSX), d'un campus ou de tous")
    report.add_argument("--month", required=True, help="le mois, AAAA-MM (par exemple 2026-11)")
    report.add_argument("--format", required=True, choices=["pdf", "xlsx"], help="pdf ou xlsx")
    report.add_argument("--campus", default=None, help="code du campus (par défaut : tous les campus)")
    report.add_argument(
        "--lang", default="fr", choices=["fr", "en"], help="langue du rapport : fr (par défaut) ou en (anglais)"
    )
    report.add_argument("--out", required=True, type=Path, help="fichier à écrire")

    dup = sub.add_parser("duplicates", help="doublons probables entre campus").add_subparsers(
        dest="action", metavar="ACTION"
    )
    dup.required = True
    dlist = dup.add_parser("list", parents=[common], help="liste les paires à examiner, les plus probables d'abord")
    dlist.add_argument("--json", action="store_true", help="sortie JSON")
    dlist.add_argument("--campus", help="seulement les paires dont une personne suit ce campus (code)")
    dismiss = dup.add_parser(
        "dismiss", parents=[common], help="deux personnes différentes : la paire ne sera plus jamais proposée"
    )
    dismiss.add_argument("person_a")
    dismiss.add_argument("person_b")
    dup.add_parser("scan", parents=[common], help="compare à nouveau toutes les personnes (après une mise à jour)")
    dmerge = dup.add_parser(
        "merge",
        parents=[common],
        help="même personne : MERGED devient un renvoi vers SURVIVOR, qui reçoit tout son dossier (irréversible)",
    )
    dmerge.add_argument("survivor", help="le dossier qui reste")
    dmerge.add_argument("merged", help="le dossier fusionné dans l'autre")
    dmerge.add_argument(
        "--field",
        action="append",
        default=[],
        metavar="CHAMP=merged",
        help="prend la valeur du dossier fusionné pour ce champ (ex. phone=merged, campus_id=merged pour que son "
        "campus suive la personne) ; sinon la valeur du dossier qui reste est gardée",
    )

    audit = sub.add_parser("audit", help="journal des consultations de données sensibles").add_subparsers(
        dest="action", metavar="ACTION"
    )
    audit.required = True
    alist = audit.add_parser(
        "list", parents=[common], help="qui a lu une RQTH ou une note restreinte, qui a exporté qui, quand"
    )
    alist.add_argument("--person", help="identifiant d'une personne")
    alist.add_argument("--since", type=_day, help="à partir de ce jour (AAAA-MM-JJ, heure UTC)")
    alist.add_argument("--campus", help="code d'un campus, par exemple SDN")
    alist.add_argument("--json", action="store_true", help="sortie JSON")

    retention = sub.add_parser("retention", help="durée de conservation des dossiers").add_subparsers(
        dest="action", metavar="ACTION"
    )
    retention.required = True
    rrun = retention.add_parser(
        "run", parents=[common], help="anonymise les dossiers sans contact depuis la durée de conservation"
    )
    rrun.add_argument("--dry-run", action="store_true", help="liste les dossiers concernés sans rien modifier")
    rrun.add_argument("--today", type=_day, help="date du jour à retenir (AAAA-MM-JJ ; défaut : aujourd'hui)")
    retention.add_parser("show", parents=[common], help="affiche la durée de conservation")
    rset = retention.add_parser("set", parents=[common], help="change la durée de conservation (en mois)")
    rset.add_argument("months", type=int, help="nombre de mois sans contact avant l'anonymisation")
    return parser


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"date attendue au format AAAA-MM-JJ, pas « {text[:20]} »") from None


def _hq(args: argparse.Namespace) -> Hq:
    from gn_hq.db.engine import make_engine
    from gn_hq.db.migrate import upgrade_to_head
    from gn_hq.services.context import Hq

    directory = paths.data_dir(args.data_dir)  # imports are lazy: `gn-hq --help` stays fast
    engine = make_engine(paths.database_url(args.database_url, directory))
    upgrade_to_head(engine)
    return Hq(engine, data_dir=directory)


def _serve(args: argparse.Namespace) -> int:
    import uvicorn

    directory = paths.data_dir(args.data_dir)
    url = paths.database_url(args.database_url, directory)
    os.environ["GN_HQ_DATA_DIR"] = str(directory)
    os.environ["GN_HQ_DATABASE_URL"] = url
    from gn_hq.db.engine import make_engine
    from gn_hq.db.migrate import upgrade_to_head

    engine = make_engine(url)
    upgrade_to_head(engine)
    engine.dispose()
    if args.workers > 1:
        # each worker writes its metrics there; any of them answers /metrics with the sum (gn_hq.api.metrics)
        metrics_dir = directory / "metrics"
        shutil.rmtree(metrics_dir, ignore_errors=True)
        metrics_dir.mkdir(mode=0o700, parents=True)
        os.environ["PROMETHEUS_MULTIPROC_DIR"] = str(metrics_dir)
    shown = url.split("@")[-1] if "@" in url else url
    print(f"Siège : base {shown}, données {directory}, http://{args.host}:{args.port}", flush=True)
    # Duplicate detection after each push runs in a process of its own (gn_hq.services.duplicates)
    from gn_hq.services import duplicates

    log_config = logs.logging_config(args.log_format, args.log_level, access=False)
    spawn = multiprocessing.get_context("spawn")
    stop = spawn.Event()
    detector = spawn.Process(
        target=duplicates.run_detector_process,
        args=(url, os.getpid(), stop, log_config),
        kwargs={"lull_s": duplicates.COMPARE_LULL_S if args.compare_after is None else max(0.0, args.compare_after)},
        name="gn-hq-duplicates",
        daemon=True,
    )
    detector.start()
    # uvicorn stops gracefully on SIGTERM, then raises the signal again: let it end this process through `finally`
    signal.signal(signal.SIGTERM, _exit_on_signal)
    try:
        _run_uvicorn(args, uvicorn)
    finally:
        stop.set()  # it closes its connections (an SQLite HQ's WAL is folded in by the last one) and ends
        detector.join(timeout=15)
        if detector.is_alive():
            detector.terminate()
            detector.join(timeout=5)
    return 0


def _exit_on_signal(signum: int, _frame: object) -> None:
    raise SystemExit(128 + signum)


def _run_uvicorn(args: argparse.Namespace, uvicorn: Any) -> None:
    uvicorn.run(
        "gn_hq.cli:app_from_environment",
        factory=True,
        host=args.host,
        port=args.port,
        workers=args.workers,
        log_config=logs.logging_config(args.log_format, args.log_level, access=not args.no_access_log),
        log_level=args.log_level,
        access_log=False,  # HQ writes its own access log (route templates, request ids): gn_hq.api.observability
        proxy_headers=True,
        forwarded_allow_ips=args.forwarded_allow_ips,
        # on stop, requests still running get 3 s: a long poll (GET /v1/pull?wait=…) is then cut, which campuses
        # treat like any lost connection; a push is one transaction, applied whole or not at all
        timeout_graceful_shutdown=3,
    )


def app_from_environment() -> FastAPI:
    """The app on $GN_HQ_DATABASE_URL / $GN_HQ_DATA_DIR (set by `gn-hq serve` for each worker process)."""
    from gn_hq.app import create_app

    return create_app(os.environ.get("GN_HQ_DATABASE_URL"), data_dir=os.environ.get("GN_HQ_DATA_DIR"), migrate=False)


def _run(args: argparse.Namespace) -> int:
    if args.command == "serve":
        return _serve(args)
    hq = _hq(args)
    try:
        return _admin(args, hq)
    finally:
        hq.dispose()


def _admin(args: argparse.Namespace, hq: Hq) -> int:
    """Run an administration command (every command but `serve`)."""
    action = getattr(args, "action", None)
    command = _COMMANDS.get((args.command, action)) or _COMMANDS[(args.command, None)]
    return command(args, hq)


def _migrate(_args: argparse.Namespace, _hq: Hq) -> int:
    print("Base à jour.")
    return 0


def _campus_add(args: argparse.Namespace, hq: Hq) -> int:
    from gn_hq.services import devices

    campus, secret = devices.add_campus(hq, args.name, args.code, commune_insee=args.commune, is_hq=args.hq)
    print(f"Campus {campus.code} créé ({campus.name}, id {campus.id}).")
    print(f"Code d'inscription (usage unique, valable {hq.settings.enrolment_code_days} jours) : {secret}")
    return 0


def _campus_code(args: argparse.Namespace, hq: Hq) -> int:
    from gn_core.sync_rules import DeviceRole
    from gn_hq.services import devices

    role = DeviceRole.KIOSK if args.kiosk else DeviceRole.CAMPUS_PC
    secret = devices.issue_enrolment_code(hq, args.campus_code, role)
    what = "d'une borne d'accueil" if args.kiosk else "d'un poste"
    print(f"Code d'inscription {what} (usage unique, valable {hq.settings.enrolment_code_days} jours) : {secret}")
    return 0


def _campus_list(_args: argparse.Namespace, hq: Hq) -> int:
    from gn_hq.services import devices

    for c in devices.list_campuses(hq):
        print(f"{c.code:<8} {c.id}  {c.name}{'  (siège)' if c.is_hq else ''}")
    return 0


def _read_password(args: argparse.Namespace) -> str | None:
    """The password from stdin, or typed twice; None when the two differ (said on stderr)."""
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\n")
    password = getpass.getpass("Mot de passe : ")
    if getpass.getpass("Confirmez : ") != password:
        print("Les deux mots de passe diffèrent.", file=sys.stderr)
        return None
    return password


def _user_add(args: argparse.Namespace, hq: Hq) -> int:
    from gn_hq.services import users

    password = _read_password(args)
    if password is None:
        return 1
    user_id = users.add_user(hq, args.username, args.name, args.role, password, args.campus)
    print(f"Compte {args.username.strip().lower()} créé (id {user_id}).")
    return 0


def _user_list(_args: argparse.Namespace, hq: Hq) -> int:
    from gn_hq.services import users

    for a in users.list_accounts(hq):
        state = "actif" if a.active else "désactivé"
        print(f"{a.username:<24} {a.role:<15} {state:<10} {a.campus_id or '-'}  {a.display_name}")
    return 0


def _user_active(args: argparse.Namespace, hq: Hq) -> int:
    from gn_hq.services import users

    users.set_active(hq, args.username, args.action == "activate")
    done = (
        "réactivé"
        if args.action == "activate"
        else "désactivé (les postes du campus le sauront à leur prochaine synchronisation)"
    )
    print(f"Compte {args.username.strip().lower()} {done}.")
    return 0


def _user_password(args: argparse.Namespace, hq: Hq) -> int:
    from gn_hq.services import users

    password = _read_password(args)
    if password is None:
        return 1
    users.set_password(hq, args.username, password)
    name = args.username.strip().lower()
    print(f"Mot de passe de {name} changé (les postes le reçoivent à leur prochaine synchronisation).")
    return 0


def _user_role(args: argparse.Namespace, hq: Hq) -> int:
    from gn_hq.services import users

    users.set_role(hq, args.username, args.role, args.campus)
    print(f"Rôle de {args.username.strip().lower()} : {args.role}.")
    return 0


def _reference_import(args: argparse.Namespace, hq: Hq) -> int:
    from gn_hq.services import reference

    try:
        document = json.loads(Path(args.file).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        print(f"Fichier de référence illisible : {exc}", file=sys.stderr)
        return 1
    try:
        counts = reference.import_reference(hq, document, dry_run=args.dry_run)
    except HqError as exc:
        print(exc.title, file=sys.stderr)
        for err in exc.errors or []:
            print(f"  {reference.describe(err)}", file=sys.stderr)
        return 1
    shown = ", ".join(f"{entity} {n}" for entity, n in sorted(counts.items())) or "rien à changer"
    print(("Fichier valide, rien n'est écrit : " if args.dry_run else "Chargé : ") + shown + ".")
    return 0


def _set_aside_list(args: argparse.Namespace, hq: Hq) -> int:
    from gn_hq.services import set_aside

    items = set_aside.list_set_aside(hq)
    if args.json:
        rows = [{**asdict(i), "reported_at": i.reported_at.isoformat()} for i in items]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    if not items:
        print("Aucun enregistrement mis de côté par les postes.")
    for i in items:
        print(f"{i.campus_id}  {i.device_id}  {i.entity} {i.record_id} (version {i.version}) : {i.reason}")
    return 0


def _device_list(_args: argparse.Namespace, hq: Hq) -> int:
    from gn_core.sync_rules import DeviceRole
    from gn_hq.services import devices

    for d in devices.list_devices(hq):
        state = f"révoqué le {d.revoked_at:%d/%m/%Y}" if d.revoked_at else "actif"
        seen = f"{d.last_seen_at:%d/%m/%Y %H:%M}" if d.last_seen_at else "jamais"
        role = f"borne {d.ticket_prefix or ''}".strip() if d.role == DeviceRole.KIOSK else "poste"
        print(
            f"{d.id}  {d.campus_code or d.campus_id:<8} {role:<8} {state:<22} vu {seen}  seq {d.last_device_seq}  "
            f"{d.name}"
        )
    return 0


def _device_revoke(args: argparse.Namespace, hq: Hq) -> int:
    from gn_hq.services import devices

    devices.revoke_device(hq, args.device_id)
    print(f"Appareil {args.device_id} révoqué.")
    return 0


def _epoch_show(_args: argparse.Namespace, hq: Hq) -> int:
    with hq.read() as conn:
        epoch, last_seq = hq.read_meta(conn)
    print(f"Époque {epoch} (dernière séquence {last_seq})")
    return 0


def _epoch_rotate(args: argparse.Namespace, hq: Hq) -> int:
    epoch = hq.rotate_epoch(args.reason)
    print(f"Nouvelle époque {epoch} : les campus renverront ce que le siège a pu perdre.")
    return 0


def _person_erase(args: argparse.Namespace, hq: Hq) -> int:
    from gn_hq.services import erasure

    result = erasure.request_erasure(hq, None, args.person_id, args.reason, args.reference, None)
    print(f"Personne {result.person_id} effacée ({result.records_erased} enregistrements).")
    return 0


def _indicators(_args: argparse.Namespace, hq: Hq) -> int:
    from gn_hq.services import indicators

    print(indicators.indicators(hq).model_dump_json(indent=2))
    return 0


_REASONS = {
    "same_name": "même nom",
    "name": "nom proche",
    "birth_date": "même date de naissance",
    "phone": "même téléphone",
    "email": "même e-mail",
}


def _duplicates_list(args: argparse.Namespace, hq: Hq) -> int:
    from gn_core.domain.enums import PathwayStep
    from gn_hq.services import devices, duplicates

    campus_id = None
    if args.campus:
        with hq.read() as conn:
            campus = devices.find_campus(conn, args.campus)
        if campus is None:
            raise HqError(f"Campus « {args.campus} » inconnu : donnez son code (gn-hq campus list).")
        campus_id = campus.id
    found = duplicates.pairs(hq, campus_id=campus_id)
    if args.json:
        print(json.dumps([p.as_json() for p in found], ensure_ascii=False, indent=2))
        return 0
    if not found:
        print("Aucun doublon probable à examiner.")
    for pair in found:
        why = ", ".join(_REASONS.get(r, r) for r in pair.reasons)
        print(f"Score {pair.score} ({why}) :")
        for side in (pair.a, pair.b):
            born = date.fromisoformat(side.birth_date).strftime("%d/%m/%Y") if side.birth_date else "naissance ?"
            step = label(PathwayStep(side.pathway_step)) if side.pathway_step else "?"
            contact = side.last_contact_on or "jamais"
            print(
                f"  {side.person_id}  {side.first_name} {side.last_name}, {born}, {side.campus or '?'}, "
                f"étape : {step}, dernier contact : {contact}"
            )
    return 0


def _duplicates_dismiss(args: argparse.Namespace, hq: Hq) -> int:
    from gn_hq.services import duplicates

    duplicates.dismiss(hq, args.person_a, args.person_b, decided_by="gn-hq (ligne de commande)")
    print("Noté : deux personnes différentes, la paire ne sera plus proposée.")
    return 0


def _duplicates_merge(args: argparse.Namespace, hq: Hq) -> int:
    from gn_hq.services import merging

    take = []
    for item in args.field:
        name, _, side = item.partition("=")
        if side not in ("merged", "survivor"):
            raise HqError(f"--field {item} : écrivez CHAMP=merged (la valeur du dossier fusionné) ou CHAMP=survivor.")
        if side == "merged":
            take.append(name.strip())
    result = merging.merge_people(hq, args.survivor, args.merged, take=take, decided_by="gn-hq (ligne de commande)")
    taken = ", ".join(result.fields_taken) or "aucun"
    print(
        f"Fusion faite : {result.merged_id} renvoie désormais vers {result.survivor_id} "
        f"({result.records_moved} enregistrement(s) déplacé(s) ; valeurs reprises : {taken}). "
        "Les postes l'appliquent à leur prochaine synchronisation."
    )
    return 0


def _duplicates_scan(_args: argparse.Namespace, hq: Hq) -> int:
    from gn_hq.services import duplicates

    found = duplicates.scan(hq)
    print(f"Comparaison terminée : {found} nouvelle(s) paire(s) à examiner.")
    return 0


def _report(args: argparse.Namespace, hq: Hq) -> int:
    from gn_hq.services import reports

    report = reports.monthly(hq, args.month, args.campus, args.lang)
    reports.write(report, args.format, args.out)
    print(f"Rapport écrit : {args.out} ({report.subtitle}).")
    return 0


def _audit_list(args: argparse.Namespace, hq: Hq) -> int:
    from gn_hq.services import audit

    events = audit.list_events(hq, person_id=args.person, since=args.since, campus_code=args.campus)
    if args.json:
        print(json.dumps([e.as_dict() for e in events], ensure_ascii=False, indent=2))
        return 0
    if not events:
        print("Aucune consultation enregistrée pour ces critères.")
        return 0
    rows = [("Date (UTC)", "Campus", "Compte", "Poste", "Action", "Personne", "Détail")]
    for e in events:
        rows.append(
            (
                f"{e.at:%d/%m/%Y %H:%M:%S}",
                e.campus_code or e.campus_id,
                e.account or (e.account_id or "—"),
                e.device or e.device_id,
                e.action_label,
                e.person_id or "—",
                e.detail_label,
            )
        )
    _table(rows)
    return 0


def _table(rows: Sequence[tuple[str, ...]]) -> None:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for row in rows:
        print("  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)).rstrip())


def _retention_run(args: argparse.Namespace, hq: Hq) -> int:
    from gn_hq.services import retention

    today = args.today or date.today()
    report = retention.run(hq, today, dry_run=args.dry_run)
    n = len(report.affected)
    head = f"Conservation : {report.months} mois sans contact. Au {today:%d/%m/%Y}, "
    if not n:
        print(head + "aucun dossier à anonymiser.")
        return 0
    verb = "à anonymiser (rien n'est modifié)" if args.dry_run else "anonymisé" + ("s" if n > 1 else "")
    print(head + f"{n} dossier{'s' if n > 1 else ''} {verb} :")
    rows = [("Campus", "Personne", "Dernier contact", "Anonymisable depuis")]
    for a in report.affected:
        rows.append(
            (a.campus_code or a.campus_id or "—", a.person_id, f"{a.last_contact:%d/%m/%Y}", f"{a.due_on:%d/%m/%Y}")
        )
    _table(rows)
    if not args.dry_run:
        print(
            f"{report.records} enregistrements réécrits ; chaque poste qui suit ces personnes les anonymise à sa "
            "prochaine synchronisation."
        )
    return 0


def _retention_show(_args: argparse.Namespace, hq: Hq) -> int:
    from gn_hq.services import retention

    print(f"Durée de conservation : {retention.months(hq)} mois sans contact.")
    return 0


def _retention_set(args: argparse.Namespace, hq: Hq) -> int:
    from gn_hq.services import retention

    months = retention.set_months(hq, args.months)
    print(
        f"Durée de conservation : {months} mois sans contact (les postes la reçoivent à leur prochaine "
        "synchronisation)."
    )
    return 0


#: (command, action) -> what runs it; the parser allows only these
_COMMANDS: dict[tuple[str, str | None], Callable[[argparse.Namespace, Hq], int]] = {
    ("migrate", None): _migrate,
    ("campus", "add"): _campus_add,
    ("campus", "code"): _campus_code,
    ("campus", "list"): _campus_list,
    ("user", "add"): _user_add,
    ("user", "list"): _user_list,
    ("user", "activate"): _user_active,
    ("user", "deactivate"): _user_active,
    ("user", "password"): _user_password,
    ("user", "role"): _user_role,
    ("reference", "import"): _reference_import,
    ("set-aside", "list"): _set_aside_list,
    ("device", "list"): _device_list,
    ("device", "revoke"): _device_revoke,
    ("epoch", "show"): _epoch_show,
    ("epoch", "rotate"): _epoch_rotate,
    ("person", "erase"): _person_erase,
    ("indicators", None): _indicators,
    ("report", None): _report,
    ("duplicates", "list"): _duplicates_list,
    ("duplicates", "dismiss"): _duplicates_dismiss,
    ("duplicates", "scan"): _duplicates_scan,
    ("duplicates", "merge"): _duplicates_merge,
    ("audit", "list"): _audit_list,
    ("retention", "run"): _retention_run,
    ("retention", "show"): _retention_show,
    ("retention", "set"): _retention_set,
}


def _missing_server_packages() -> list[str]:
    """HQ's server packages (the `[hq]` extra) absent from this installation — a campus PC's, say."""
    import importlib.util

    return [
        name
        for name in ("fastapi", "uvicorn", "psycopg", "prometheus_client")
        if importlib.util.find_spec(name) is None
    ]


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.version:
        print(f"gn-hq {__version__} (protocole de synchronisation {PROTOCOL_VERSION})")
        return 0
    if args.command is None:
        parser.print_help()
        return 0
    missing = _missing_server_packages()
    if missing:
        print(
            f"Le serveur du siège n'est pas installé ici (paquets manquants : {', '.join(missing)}). "
            "Installez-le avec : pip install 'grand-numerique[hq]'",
            file=sys.stderr,
        )
        return 1
    try:
        return _run(args)
    except HqError as exc:
        print(exc.title if not exc.detail else f"{exc.title} {exc.detail}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
