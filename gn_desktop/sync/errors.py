"""Sync errors a person can act on, each with a plain French message (shown as-is by the CLI and the indicator)."""

from __future__ import annotations

from gn_core.domain.errors import KnownError


class SyncError(KnownError):
    """Sync failed; `retry` says whether trying again later may succeed without anyone doing anything."""

    retry = True


class Offline(SyncError):
    """HQ cannot be reached (no network, HQ stopped, connection cut)."""


class UpdateRequired(SyncError):
    retry = False


class NotEnrolled(SyncError):
    retry = False


class NoKeyring(SyncError):
    retry = False


class NeedsReenrol(SyncError):
    retry = False


class ClockWrong(SyncError):
    retry = False


class KioskWithFiles(SyncError):
    """A kiosk is enrolled on a store that holds people's files: refused before the code is spent."""

    retry = False


OFFLINE = (
    "Siège injoignable (pas de réseau ou siège arrêté) : les modifications restent sur le poste et partiront au "
    "retour du réseau."
)
UPDATE_REQUIRED = (
    "Cette version de l'application est trop ancienne pour le siège : mettez l'application à jour. "
    "Les modifications en attente restent sur le poste et partiront après la mise à jour."
)
NOT_ENROLLED = (
    "Ce poste n'est pas encore inscrit auprès du siège : demandez un code d'inscription au siège, puis lancez "
    "« gn-desktop enrol --server URL --code CODE »."
)
NO_KEYRING = (
    "Aucun trousseau de mots de passe sécurisé n'est disponible sur ce poste : le jeton du siège ne peut pas être "
    "enregistré (il n'est jamais écrit en clair). Installez et ouvrez le trousseau du système "
    "(sous Linux : « sudo apt-get install gnome-keyring », puis ouvrez une session graphique), puis recommencez."
)
REENROL = (
    "Cette base de données a été copiée ou restaurée depuis une sauvegarde : pour ne rien perdre ni dupliquer, "
    "ce poste doit être inscrit à nouveau comme un nouvel appareil. Demandez un nouveau code d'inscription au siège, "
    "puis lancez "
    "« gn-desktop enrol --server URL --code CODE ». Les modifications en attente seront alors envoyées."
)
INSECURE_URL = (
    "Adresse du siège refusée : elle doit commencer par https:// (une connexion non chiffrée n'est admise que vers "
    "ce poste lui-même, http://127.0.0.1). Vérifiez l'adresse donnée par le siège."
)
KIOSK_WITH_FILES = (
    "Ce dossier de données contient des dossiers de personnes : une borne d'accueil n'en garde aucun. Inscrivez la "
    "borne depuis son propre compte (son propre dossier de données), pas depuis celui d'un conseiller."
)
REVOKED = (
    "Le siège refuse le jeton de ce poste (appareil révoqué ou inconnu) : demandez un nouveau code d'inscription au "
    "siège, puis inscrivez à nouveau le poste."
)


def _duration(seconds: int) -> str:
    minutes = max(1, abs(seconds) // 60)
    if minutes < 120:
        return f"{minutes} minutes"
    hours = round(minutes / 60)
    return f"{hours} heures" if hours < 48 else f"{round(hours / 24)} jours"


def clock_message(seconds: int) -> str:
    """`seconds`: HQ's time minus this PC's (positive when this PC's clock is behind)."""
    way = "retarde" if seconds > 0 else "avance"
    return (
        f"L'horloge de ce PC {way} d'environ {_duration(seconds)} par rapport au siège : corrigez la date et l'heure "
        "de Windows (ou du système), puis synchronisez à nouveau. Les modifications en attente restent sur le poste."
    )
