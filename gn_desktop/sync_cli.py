"""The sync sub-commands of `gn-desktop`: enrol, sync, conflicts, person erase (see gn_desktop.cli)."""

from __future__ import annotations

import argparse
import contextlib
import getpass
import json
import os
import sys
import time
from datetime import datetime
from pathlib import Path
from typing import Any

from gn_core.domain.errors import KnownError, PermissionDenied
from gn_core.protocol import LookupRequest
from gn_core.sync_rules import DeviceRole
from gn_desktop.services import auth, conflicts, erasure, sync_status, transfers
from gn_desktop.services.auth import SignInResult
from gn_desktop.store.uow import Store
from gn_desktop.sync import apply
from gn_desktop.sync import snapshot as snapshots
from gn_desktop.sync.engine import Syncer

#: tests only: shift this process's clock by this many seconds (a campus PC whose clock is wrong)
CLOCK_OFFSET_ENV = "GN_TEST_CLOCK_OFFSET_S"


def open_store(data: Path) -> Store:
    offset = os.environ.get(CLOCK_OFFSET_ENV)
    if offset:  # tests only: the same clock, on a shifted wall
        shift = int(float(offset) * 1000)
        return Store.open(data, wall=lambda: time.time_ns() // 1_000_000 + shift)
    return Store.open(data)


def run(data: Path, args: argparse.Namespace) -> int:
    store = open_store(data)
    try:
        if args.command == "enrol":
            role = DeviceRole.KIOSK if getattr(args, "kiosk", False) else DeviceRole.CAMPUS_PC
            info = Syncer(store, data).enrol(args.server, args.code, args.name, role=role)
            what = "Borne d'accueil inscrite" if role is DeviceRole.KIOSK else "Poste inscrit"
            print(f"{what} au campus {info['campus_code']} ({info['campus_name']}).")
            return 0
        if args.command == "sync":
            return _sync(store, data, args)
        if args.command == "conflicts":
            return _conflicts(store, args)
        if args.command == "person":
            if args.action in ("lookup", "request", "requests", "accept", "decline"):
                return _requests(store, data, args)
            return _erase(store, args) if args.action == "erase" else _move(store, args)
        if args.command == "snapshot":
            return _publish(store, data, args.into)
    finally:
        store.dispose()
    raise AssertionError(args.command)


def _sign_in(store: Store, username: str | None, why: str, option: str) -> SignInResult:
    """A sign-in from the terminal (the password hidden), or `username` with the password on the first line of
    standard input (scripts). A failure counts towards the throttle even though the command stops."""
    try:
        if username is None:
            print(why, file=sys.stderr)
            username = input("Identifiant : ")
            password = getpass.getpass("Mot de passe : ")
        else:
            password = sys.stdin.readline().rstrip("\r\n")
    except EOFError:
        raise KnownError(
            f"Identifiant et mot de passe attendus (ou {option} IDENTIFIANT, le mot de passe sur l'entrée standard)."
        ) from None
    with store.unit_of_work(None) as uow:
        result = auth.sign_in(uow, username, password)
        uow.commit()
    if result.user is None or result.user.user_id is None:
        raise PermissionDenied(result.message or "Identifiant ou mot de passe incorrect.")
    return result


def _manager_sign_in(store: Store, manager: str | None) -> str:
    """A campus manager's user id (`_sign_in`); other roles are refused."""
    why = "L'effacement d'une personne demande la connexion d'un responsable de campus."
    return erasure.eraser(_sign_in(store, manager, why, "--manager"))


def _move(store: Store, args: argparse.Namespace) -> int:
    """`gn-desktop person share|transfer ID --campus CODE --consent`: the same service as the person's file."""
    why = "Partager ou transférer un dossier demande la connexion d'un conseiller."
    result = _sign_in(store, args.user, why, "--user")
    user_id = result.user.user_id if result.user else None
    with store.unit_of_work(user_id) as uow:
        target = transfers.find_campus(uow, args.campus)
        if target is None:
            raise KnownError(f"Campus « {args.campus} » inconnu de ce poste : synchronisez-le d'abord.")
        move = transfers.Move.SHARE if args.action == "share" else transfers.Move.TRANSFER
        done = transfers.move_person(uow, args.person_id, target.id, move, consent=args.consent)
        uow.commit()
    if done.move is transfers.Move.SHARE:
        print(f"{done.person} : partage avec {done.campus} envoyé au siège à la prochaine synchronisation.")
    else:
        print(f"{done.person} : dossier transféré à {done.campus} (effectif partout à la prochaine synchronisation).")
    return 0


_STRENGTH = {"strong": "correspondance forte", "possible": "correspondance possible"}
_KIND = {"share": "partage", "transfer": "transfert"}
_STATUS = {"pending": "en attente", "accepted": "acceptée", "declined": "refusée", "expired": "expirée"}


def _iso_date(text: str | None) -> str | None:
    if not text or not text.strip():
        return None
    text = text.strip()
    for fmt in ("%d/%m/%Y", "%Y-%m-%d"):
        with contextlib.suppress(ValueError):
            return datetime.strptime(text, fmt).date().isoformat()
    raise KnownError(f"--birth-date : date invalide « {text[:20]} » ; écrivez JJ/MM/AAAA.")


def _list_requests(syncer: Syncer, store: Store, as_json: bool) -> int:
    listed = syncer.move_requests()
    if as_json:
        print(listed.model_dump_json())
        return 0
    with store.read_unit() as uow:
        files = transfers.requested_files(uow, [r.person_id for r in listed.incoming if r.person_id])
    print(f"Demandes reçues en attente : {len(listed.incoming)}")
    for r in listed.incoming:
        who = files[r.person_id].name if r.person_id in files else r.person_id
        print(f"  {r.id}  {_KIND[r.kind]} demandé par {r.campus_name} ({r.campus_code}) : {who}")
    print(f"Demandes envoyées : {len(listed.outgoing)}")
    for r in listed.outgoing:
        print(f"  {r.id}  {_KIND[r.kind]} demandé à {r.campus_name} ({r.campus_code}) : {_STATUS[r.status]}")
    return 0


def _requests(store: Store, data: Path, args: argparse.Namespace) -> int:
    """`gn-desktop person lookup|request|requests|accept|decline`: HQ's lookup and the move requests (online)."""
    syncer = Syncer(store, data)
    if args.action == "requests":
        return _list_requests(syncer, store, args.json)
    why = "Cette demande au siège demande la connexion d'un conseiller."
    result = _sign_in(store, args.user, why, "--user")
    user_id = result.user.user_id if result.user else None
    if args.action == "lookup":
        typed = LookupRequest(
            first_name=args.first_name,
            last_name=args.last_name,
            birth_date=_iso_date(args.birth_date),
            phone=args.phone,
            email=args.email,
            user_id=user_id,
        )
        found = syncer.lookup(typed)
        if args.json:
            print(found.model_dump_json())
        elif not found.matches:
            print("Personne ne semble suivi(e) dans un autre campus sous cette identité.")
        else:
            for match in found.matches:
                print(
                    f"Cette personne semble déjà suivie au campus de {match.campus_name} ({match.campus_code}) "
                    f"({_STRENGTH[match.strength]}). Jeton (2 h) : {match.token}"
                )
        return 0
    if args.action == "request":
        if not args.consent:
            raise KnownError(transfers.CONSENT_NEEDED + " (--consent)")
        sent = syncer.request_move(args.token, args.kind, True, user_id)
        print(
            f"Demande de {_KIND[sent.kind]} envoyée au campus {sent.campus_name} : s'il accepte, le dossier arrivera "
            "sur ce poste à la synchronisation suivante (`gn-desktop person requests` pour suivre la réponse)."
        )
        return 0
    return _answer(syncer, store, args.request_id, args.action == "accept", user_id)


def _answer(syncer: Syncer, store: Store, request_id: str, accept: bool, user_id: str | None) -> int:
    """Accept or decline a request addressed to this campus."""
    listed = syncer.move_requests()
    request = next((r for r in listed.incoming if r.id == request_id), None)
    if request is None or request.person_id is None:
        raise KnownError("Demande inconnue ou déjà traitée : voyez `gn-desktop person requests`.")
    move = transfers.Move(request.kind)

    def record_here() -> transfers.MoveDone:
        with store.unit_of_work(user_id) as uow:
            done = transfers.accept_request(uow, request.person_id or "", request.campus_code, move)
            uow.commit()
        return done

    # a transfer is the file's own change (person.campus_id, synced), made first; a share is HQ's grant, noted after
    done = record_here() if accept and move is transfers.Move.TRANSFER else None
    syncer.decide_move(request.id, accept, user_id)
    if accept and done is None:
        done = record_here()
    if done is None:
        print(f"Demande refusée : le campus {request.campus_name} en sera informé.")
    elif done.move is transfers.Move.TRANSFER:
        print(f"{done.person} : dossier transféré à {done.campus} (effectif partout à la prochaine synchronisation).")
    else:
        print(f"{done.person} : dossier partagé avec {done.campus}, qui le recevra à sa prochaine synchronisation.")
    return 0


def _erase(store: Store, args: argparse.Namespace) -> int:
    """`gn-desktop person erase`: the same service as the person's file in the app, after a manager's sign-in."""
    user_id = _manager_sign_in(store, args.manager)
    with store.unit_of_work(user_id) as uow:
        done = erasure.erase_person_here(uow, args.person_id, args.reason, args.reference)
        uow.commit()
    apply.compact(store.engine, [args.person_id])
    print(
        f"{done.name} : {done.records} enregistrement(s) effacé(s) de ce poste ; "
        "le siège sera prévenu à la synchronisation."
    )
    return 0


def _sync(store: Store, data: Path, args: argparse.Namespace) -> int:
    if args.status:
        with store.read_unit() as uow:
            st = sync_status.status(uow)
        if args.json:
            print(json.dumps(st.as_dict(), ensure_ascii=False))
        else:
            print(
                f"Inscrit : {'oui' if st.enrolled else 'non'} ; en attente : {st.pending} ; "
                f"conflits : {st.open_conflicts}"
            )
            if st.last_error:
                print(f"Dernière erreur : {st.last_error}")
        return 0
    # the command line holds the store alone: a new PC may start from HQ's ready database of its campus
    report = Syncer(store, data, snapshot=not args.no_snapshot).cycle()
    if args.json:
        print(json.dumps(report.as_dict(), ensure_ascii=False))
    else:
        if report.snapshot:
            print("Base du campus reçue d'un coup (base prête du siège), puis complétée.")
        print(f"Envoyés : {report.pushed} ; reçus : {report.pulled} ; conflits : {report.conflicts}")
        for err in report.errors:
            print(f"Refusé par le siège : {err}", file=sys.stderr)
    return 0


def _publish(store: Store, data: Path, into: Path) -> int:
    """`gn-desktop snapshot publish --into DIR`: this PC, a replica of its campus beside HQ, pulls what is new and
    writes its database, without anything of its own, where HQ offers it to new PCs (sync/snapshot.py)."""
    Syncer(store, data).cycle()
    info = snapshots.publish(store, into)
    print(f"Base prête du campus écrite : {info.size / 1e6:.1f} Mo, à jour jusqu'à la séquence {info.cursor}.")
    return 0


def _conflicts(store: Store, args: argparse.Namespace) -> int:
    if args.action == "list":
        with store.read_unit() as uow:
            items = conflicts.list_conflicts(uow)
        if args.json:
            print(json.dumps([c.as_dict() for c in items], ensure_ascii=False))
        else:
            for c in items:
                print(
                    f"{c.id}  {c.status:<8} {c.entity}.{c.field or '(suppression)'}  ici={c.mine!r}  autre={c.theirs!r}"
                )
        return 0
    take: str = args.take
    value: Any = None
    if take not in ("mine", "theirs"):
        try:
            value = json.loads(take)
        except ValueError:
            value = take
        take = "value"
    with store.unit_of_work(None) as uow:
        conflicts.resolve(uow, args.conflict_id, take, value)
        uow.commit()
    print("Décision enregistrée : elle sera envoyée au siège à la prochaine synchronisation.")
    return 0
