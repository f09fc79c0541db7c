"""Deterministic, clearly fictional demo data for a campus store (`gn-desktop demo-data`).

What it is for: showing the app, training advisors and measuring the store with realistic volumes. Everything is made
up: names are drawn at random from first-name and surname lists (Faker's fr_FR lists plus names reflecting the
diversity of Seine-Saint-Denis), phone numbers are in the range ARCEP reserves for fiction (06 39 98 xx xx), e-mail
addresses use the reserved domains example.org / example.net, employers are invented.

Determinism: the same seed (and the same `today`) gives the same data, record ids included: every record this module
makes gets a UUIDv7-shaped id drawn from a generator seeded with the seed. Campuses, public partners and accounts are
made by their own services (`setup`, `accounts`), which mint ordinary device ids; compare stores by their natural keys
(campus code, username) there.

Safety: demo data only goes into a store that holds no people and no accounts yet (otherwise `KnownError`), so it can
never mix known demo passwords or fictional people into a real campus.

Speed: people and everything attached to them are written with `changes.bulk_insert` (change-log and history capture
for every record), `CHUNK_SIZE` people at a time, on a writer thread while this thread draws the next chunk (SQLite
releases the GIL while it writes). Draws use a seeded `random.Random` and plain lists (Faker's fr_FR name lists, no
Faker call per row); derived person columns are computed on the drawing thread, and so is the Python half of each
insert (`changes.stage_rows`). While chunks are written, the drawing thread hands the GIL back to the writer within
0.5 ms (`_prompt_gil_handover`). The search index is built once at the end (`changes.search_index_deferred`).

All or nothing: the whole run is one transaction. On disk it goes through `engine.bulk_load_engine` (rollback journal
instead of WAL, so every page is written once; no fsync while loading): a run that fails or is killed halfway leaves
the store as it was (the journal rolls it back, at the latest the next time the store is opened), so the command can
simply be run again in the same data directory.
"""

from __future__ import annotations

import bisect
import contextlib
import gc
import random
import sys
import time
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from datetime import time as dtime
from functools import cache
from typing import TYPE_CHECKING, Any, Generic, TypeVar
from zoneinfo import ZoneInfo

from faker.providers.person.fr_FR import Provider as _FrenchNames
from sqlalchemy import func, select

from gn_core.domain import enums as e
from gn_core.domain.errors import KnownError
from gn_core.domain.labels import label
from gn_core.domain.normalize import fold
from gn_core.domain.pathway import ORDER, MoveDetails, allowed_moves, check_move
from gn_core.domain.reference import CAMPUSES, COMMUNES_93, CURRENT_CONSENT_VERSION, ZFU_ZONES
from gn_core.ids import reference_id
from gn_desktop.services import accounts, setup
from gn_desktop.store import changes
from gn_desktop.store import models as m
from gn_desktop.store.engine import BulkLoadUnavailable, bulk_load_engine
from gn_desktop.store.engine import writer as writer_engine
from gn_desktop.store.uow import Store, StoreSession, UnitOfWork

if TYPE_CHECKING:
    from _typeshed import SupportsLenAndGetItem

S = e.PathwayStep
T = TypeVar("T")

#: people drawn, then written, at a time: memory stays flat however many people are made
CHUNK_SIZE = 5_000

#: ARCEP's block of mobile numbers reserved for fiction: 06 39 98 00 00 to 06 39 98 99 99, never assigned to anyone.
#: libphonenumber calls the block unassigned, so `validation.check_phone` must accept it explicitly for a demo person's
#: number to survive an edit of the file.
FICTION_MOBILE_PREFIX = "+3363998"
#: the fixed-line block reserved for fiction in Île-de-France (01 99 00 xx xx), for partners' switchboards
FICTION_LANDLINE_PREFIX = "+3319900"
#: domains reserved for documentation (RFC 2606): mail sent there reaches no one
EMAIL_DOMAINS = ("example.org", "example.net")

ADVISOR_PASSWORD = "demo-conseil"
MANAGER_PASSWORD = "demo-responsable"
ADMIN_PASSWORD = "demo-admin-siege"
ADVISORS_PER_CAMPUS = 3

PARIS = ZoneInfo("Europe/Paris")


# --- Summary ------------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DemoAccount:
    """A demo sign-in, printed so whoever runs the demo can log in."""

    username: str
    password: str
    role: e.UserRole
    campus_name: str


#: French names of the counted records, in the order the summary lists them
_COUNT_LABELS: dict[str, tuple[str, str]] = {
    "person": ("personne", "personnes"),
    "consent": ("consentement", "consentements"),
    "rqth_decision": ("décision RQTH", "décisions RQTH"),
    "pathway_event": ("étape de parcours", "étapes de parcours"),
    "note": ("note de suivi", "notes de suivi"),
    "appointment": ("rendez-vous", "rendez-vous"),
    "referral": ("orientation", "orientations"),
    "event_registration": ("inscription à un événement", "inscriptions à des événements"),
    "startup": ("entreprise accompagnée", "entreprises accompagnées"),
    "partner": ("partenaire employeur", "partenaires employeurs"),
    "programme": ("formation", "formations"),
    "programme_session": ("session de formation", "sessions de formation"),
    "job_offer": ("offre d'emploi", "offres d'emploi"),
    "event": ("événement", "événements"),
    "app_user": ("compte", "comptes"),
}


def _fr_int(n: int) -> str:
    return f"{n:,}".replace(",", "\u202f")


def _fr_count(n: int, noun: str) -> str:
    """'0 personne', '1 personne', '2 personnes' (French takes the singular below 2)."""
    return f"{_fr_int(n)} {noun}{'s' if n >= 2 else ''}"


@dataclass(slots=True)
class DemoSummary:
    """What `generate` made: counts per table, the demo accounts and how long it took."""

    seed: int
    today: date
    counts: dict[str, int]
    accounts: list[DemoAccount]
    device_campus: str = ""
    seconds: float = 0.0

    @property
    def people(self) -> int:
        return self.counts.get("person", 0)

    def describe(self) -> str:
        """A short French summary for the command line."""
        secs = f"{self.seconds:.1f}".replace(".", ",")
        lines = [f"Données de démonstration créées en {secs} s (graine {self.seed}, au {self.today:%d/%m/%Y}) :"]
        parts = []
        for key, (one, many) in _COUNT_LABELS.items():
            n = self.counts.get(key, 0)
            if n:
                parts.append(f"{_fr_int(n)} {one if n == 1 else many}")
        lines.append("  " + ", ".join(parts) + ".")
        lines.append("Toutes ces données sont fictives. Comptes de démonstration (identifiant / mot de passe) :")
        by_role: dict[tuple[e.UserRole, str], list[str]] = {}
        for acc in self.accounts:
            by_role.setdefault((acc.role, acc.password), []).append(acc.username)
        for (role, password), names in by_role.items():
            shown = ", ".join(names[:3])
            others = sorted({n.rsplit(".", 1)[-1] for n in names[3:]} - {n.rsplit(".", 1)[-1] for n in names[:3]})
            if others:
                shown += f", et les mêmes en .{', .'.join(others)}"
            lines.append(f"  {label(role)} : {shown} / {password}")
        if self.device_campus:
            lines.append(f"Ce poste est réglé sur le {self.device_campus}.")
        return "\n".join(lines)


# --- Deterministic ids and draws ----------------------------------------------------------------------------------


class _Random(random.Random):
    """A seeded generator whose integer draws are a few times cheaper than the standard ones (one float each).

    Seeded the same, it draws the same sequence on every platform and Python version: `random()` is specified.
    """

    def randint(self, a: int, b: int) -> int:
        return a + int(self.random() * (b - a + 1))

    def randrange(self, start: int, stop: int | None = None, step: int = 1) -> int:
        if step != 1:
            return super().randrange(start, stop, step)
        if stop is None:
            start, stop = 0, start
        return start + int(self.random() * (stop - start))

    def choice(self, seq: SupportsLenAndGetItem[T]) -> T:
        return seq[int(self.random() * len(seq))]


class _Ids:
    """UUIDv7-shaped ids drawn from a seeded generator: same seed, same ids; always unique within a run.

    The 48-bit timestamp is a seeded base plus one millisecond per id, so ids are strictly increasing in creation
    order (new rows append to the primary-key index, as with real UUIDv7) and unique whatever the random bits.
    """

    def __init__(self, seed: int | str) -> None:
        self._rng = random.Random(f"gn-demo-ids:{seed}")
        # 2024-01-01T00:00Z plus up to about six months
        self._ms = 1_704_067_200_000 + self._rng.getrandbits(34)

    def __call__(self) -> str:
        self._ms += 1
        bits = self._rng.getrandbits(74)  # 12 bits of rand_a, 62 of rand_b
        h = ((self._ms << 80) | _UUID7_MARKS | ((bits >> 62) << 64) | (bits & _LOW62)).to_bytes(16, "big").hex()
        return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


_UUID7_MARKS = (0x7 << 76) | (0b10 << 62)  # version 7, RFC 4122 variant
_LOW62 = (1 << 62) - 1


class _Pick(Generic[T]):
    """A weighted choice among fixed options, cheaper than `random.choices` in a hot loop."""

    def __init__(self, options: dict[T, float] | Sequence[tuple[T, float]]) -> None:
        pairs = list(options.items()) if isinstance(options, dict) else list(options)
        self.options = [o for o, _ in pairs]
        total = 0.0
        self.cum: list[float] = []
        for _, w in pairs:
            total += w
            self.cum.append(total)
        self.total = total

    def __call__(self, rng: random.Random) -> T:
        return self.options[bisect.bisect_right(self.cum, rng.random() * self.total)]


# --- Names --------------------------------------------------------------------------------------------------------


def _names(values: Any) -> tuple[str, ...]:
    return tuple(values.keys() if isinstance(values, dict) else values)


_FR_FEMALE = _names(_FrenchNames.first_names_female)
_FR_MALE = _names(_FrenchNames.first_names_male)
_FR_LAST = _names(_FrenchNames.last_names)
_COMPOUND_FEMALE = ("Marie-Claire", "Anne-Sophie", "Marie-Laure", "Marie-Hélène", "Anne-Laure", "Marie-Noëlle")
_COMPOUND_MALE = ("Jean-Baptiste", "Jean-Pierre", "Pierre-Louis", "Jean-François", "Jean-Étienne", "Paul-Émile")
_COMPOUND_LAST = ("Lefèvre-Dumas", "Martin-Saïdi", "Dubois-Traoré", "Da Costa-Moreau", "Le Gall", "De Sousa")


@dataclass(frozen=True, slots=True)
class _Origin:
    """First names and surnames of one of the communities of Seine-Saint-Denis (used as common names, at random)."""

    female: tuple[str, ...]
    male: tuple[str, ...]
    last: tuple[str, ...]


def _split(text: str) -> tuple[str, ...]:
    return tuple(name.strip() for name in text.split(","))


_ORIGINS: tuple[tuple[_Origin, float], ...] = (
    (  # Maghrebi
        _Origin(
            _split("Amira, Fatima, Yasmine, Nour, Leïla, Samira, Inès, Sofia, Khadija, Salma, Meriem"),
            _split("Mohamed, Karim, Yacine, Bilal, Sofiane, Mehdi, Rayan, Ilyès, Nassim, Amine, Walid"),
            _split(
                "Benali, Haddad, Mansouri, Bouzid, Cherif, Belkacem, Aït Ahmed, El Amrani, Saïdi, Ziani, Hamdi, "
                "Khelifi, Benmoussa, Aouad, Bensaïd"
            ),
        ),
        16,
    ),
    (  # West African
        _Origin(
            _split("Awa, Aminata, Fatoumata, Mariam, Kadiatou, Aïssatou, Coumba, Ramatoulaye, Binta"),
            _split("Moussa, Mamadou, Ousmane, Ibrahima, Seydou, Abdoulaye, Boubacar, Cheikh, Lamine"),
            _split(
                "Diallo, Traoré, Koné, Camara, Diop, Sow, N'Diaye, Cissé, Sylla, Keïta, Touré, Bamba, Coulibaly, "
                "Fofana, Konaté, Dembélé, Sissoko, Ba"
            ),
        ),
        13,
    ),
    (  # Portuguese
        _Origin(
            _split("Ana, Beatriz, Mariana, Joana, Filipa, Catarina, Inês, Leonor"),
            _split("João, Tiago, Rui, Nuno, Duarte, Rodrigo, Gonçalo, Vítor"),
            _split(
                "Pereira, Ferreira, Rodrigues, Gonçalves, Carvalho, Lopes, Moreira, Teixeira, Fernandes, Oliveira, "
                "Sousa, Alves, Da Silva, Correia"
            ),
        ),
        5,
    ),
    (  # Tamil
        _Origin(
            _split("Priya, Kavitha, Lakshmi, Tharani, Nithya, Anjali, Divya, Sangeetha"),
            _split("Arjun, Karthik, Vijay, Suresh, Ravi, Thiru, Dinesh, Prakash"),
            _split("Rajendran, Selvaraj, Subramaniam, Krishnan, Murugan, Sivakumar, Ramasamy, Arumugam"),
        ),
        3,
    ),
    (  # Chinese
        _Origin(
            _split("Mei, Lin, Xiaoyan, Hui, Jing, Yan, Ling, Qian"),
            _split("Wei, Jun, Hao, Lei, Ming, Jian, Bo, Tao"),
            _split("Wang, Li, Zhang, Liu, Chen, Yang, Huang, Zhao, Wu, Zhou, Lin"),
        ),
        3,
    ),
)
_FRENCH = _Origin(_FR_FEMALE, _FR_MALE, _FR_LAST)
_ORIGIN_PICK = _Pick([(_FRENCH, 60.0), *_ORIGINS])

#: other first names for the advisors' and mentors' display names
_STAFF = _Origin(_FR_FEMALE + _ORIGINS[0][0].female, _FR_MALE + _ORIGINS[1][0].male, _FR_LAST + _ORIGINS[0][0].last)

# --- Vocabulary distributions -------------------------------------------------------------------------------------

#: where people are in their pathway today (every step appears; the first people take each step once)
_FINAL_STEP = _Pick(
    {
        S.WELCOME: 7,
        S.ASSESSMENT: 7,
        S.ORIENTATION: 9,
        S.TRAINING_REFERRED: 6,
        S.TRAINING_ENROLLED: 4,
        S.TRAINING_IN_PROGRESS: 9,
        S.TRAINING_COMPLETED: 5,
        S.TRAINING_DROPPED: 4,
        S.JOB_SEARCH: 14,
        S.OUTCOME_HIRED: 17,
        S.OUTCOME_BUSINESS: 3,
        S.OUTCOME_OTHER_EXIT: 15,
    }
)
_EXIT_FROM = _Pick({S.WELCOME: 25, S.ASSESSMENT: 25, S.ORIENTATION: 20, S.TRAINING_DROPPED: 12, S.JOB_SEARCH: 18})
#: days between a move and the previous one, by target step (inclusive bounds)
_GAP_DAYS: dict[S, tuple[int, int]] = {
    S.WELCOME: (60, 400),
    S.ASSESSMENT: (2, 20),
    S.ORIENTATION: (7, 35),
    S.TRAINING_REFERRED: (3, 30),
    S.TRAINING_ENROLLED: (10, 60),
    S.TRAINING_IN_PROGRESS: (5, 40),
    S.TRAINING_COMPLETED: (56, 280),
    S.TRAINING_DROPPED: (10, 120),
    S.JOB_SEARCH: (1, 20),
    S.OUTCOME_HIRED: (15, 150),
    S.OUTCOME_BUSINESS: (30, 200),
    S.OUTCOME_OTHER_EXIT: (10, 120),
}
_ACTIVE_SLACK_DAYS = 45  # people still on their way were last moved recently
_DONE_SLACK_DAYS = 600  # outcomes may be old
_OUTCOMES = frozenset({S.OUTCOME_HIRED, S.OUTCOME_BUSINESS, S.OUTCOME_OTHER_EXIT})

_AGE_BAND = _Pick({(16, 17): 4, (18, 25): 38, (26, 30): 16, (31, 40): 20, (41, 50): 14, (51, 60): 8})
_GENDER = _Pick({e.Gender.FEMALE: 48, e.Gender.MALE: 48, e.Gender.OTHER: 1, e.Gender.UNDISCLOSED: 3})
_SITUATION_YOUNG = _Pick(
    {
        e.Situation.YOUNG_UNDER_26: 25,
        e.Situation.NEET: 20,
        e.Situation.JOB_SEEKER: 30,
        e.Situation.STUDENT: 10,
        e.Situation.RETRAINING: 5,
        e.Situation.EMPLOYEE: 5,
        e.Situation.OTHER: 5,
    }
)
_SITUATION_ADULT = _Pick(
    {
        e.Situation.JOB_SEEKER: 52,
        e.Situation.RETRAINING: 25,
        e.Situation.EMPLOYEE: 10,
        e.Situation.STUDENT: 3,
        e.Situation.OTHER: 10,
    }
)
_EDUCATION = _Pick(
    {
        e.EducationLevel.INFRA_3: 20,
        e.EducationLevel.LEVEL_3: 18,
        e.EducationLevel.LEVEL_4: 30,
        e.EducationLevel.LEVEL_5: 14,
        e.EducationLevel.LEVEL_6: 10,
        e.EducationLevel.LEVEL_7: 7,
        e.EducationLevel.LEVEL_8: 1,
    }
)
_JOB_SEEKER_BENEFIT = _Pick({e.Benefit.ARE.value: 45, e.Benefit.RSA.value: 25, e.Benefit.ASS.value: 6, "": 24})
_BARRIERS: tuple[tuple[str, float], ...] = (
    (e.BarrierTheme.MOBILITY.value, 0.22),
    (e.BarrierTheme.HOUSING.value, 0.15),
    (e.BarrierTheme.CHILDCARE.value, 0.10),
    (e.BarrierTheme.HEALTH.value, 0.06),
    (e.BarrierTheme.DIGITAL_ADMIN.value, 0.25),
    (e.BarrierTheme.MONEY.value, 0.20),
    (e.BarrierTheme.FRENCH_LANGUAGE.value, 0.08),
)
_JOB_FAMILY = _Pick(
    {
        e.JobFamily.DEVELOPMENT.value: 35,
        e.JobFamily.DATA.value: 15,
        e.JobFamily.AI.value: 8,
        e.JobFamily.CYBERSECURITY.value: 12,
        e.JobFamily.INFRASTRUCTURE.value: 12,
        e.JobFamily.VIDEO_GAMES.value: 8,
        e.JobFamily.OTHER.value: 10,
    }
)
_SOURCE = _Pick(
    {
        e.ReferralSource.FRANCE_TRAVAIL: 30,
        e.ReferralSource.MISSION_LOCALE: 18,
        e.ReferralSource.CAP_EMPLOI: 2,
        e.ReferralSource.WALK_IN: 17,
        e.ReferralSource.KIOSK: 12,
        e.ReferralSource.EVENT: 11,
        e.ReferralSource.OTHER: 10,
    }
)
_CONTRACT = _Pick(
    {
        e.ContractType.CDI: 35,
        e.ContractType.CDD: 25,
        e.ContractType.APPRENTICESHIP: 25,
        e.ContractType.INTERNSHIP: 5,
        e.ContractType.TEMP: 10,
    }
)
_EXIT_REASON = _Pick(
    {
        e.ExitReason.MOVED_AWAY: 20,
        e.ExitReason.NO_LONGER_REACHABLE: 30,
        e.ExitReason.OTHER_PROGRAMME: 15,
        e.ExitReason.PERSONAL: 20,
        e.ExitReason.RETURNED_TO_STUDIES: 10,
        e.ExitReason.OTHER: 5,
    }
)
#: the neighbourhood campuses the demo has accounts and people for (HQ enrols no one), with their relative size
_CAMPUS_SHARE = {"SDN": 28, "AUB": 16, "MTR": 16, "BOB": 14, "SEV": 13, "CSB": 13}
_OUTSIDE_93 = (
    "Paris 18e",
    "Paris 19e",
    "Paris 20e",
    "Sarcelles",
    "Garges-lès-Gonesse",
    "Argenteuil",
    "Gennevilliers",
    "Ivry-sur-Seine",
    "Vitry-sur-Seine",
    "Fontenay-sous-Bois",
    "Champigny-sur-Marne",
    "Chelles",
)
_NOTE_COUNT = _Pick({0: 58, 1: 29, 2: 10, 3: 3})
_OFFER_STATUS = _Pick(
    {
        e.ReferralStatus.PROPOSED: 35,
        e.ReferralStatus.SENT: 35,
        e.ReferralStatus.REFUSED: 20,
        e.ReferralStatus.WITHDRAWN: 10,
    }
)

_NOTES = (
    "Entretien du {d} : point sur le projet professionnel, intérêt confirmé pour le métier visé ({f}).",
    "Appel du {d} : la personne confirme sa venue au prochain rendez-vous.",
    "Entretien du {d} : CV mis à jour, à relire avant envoi aux employeurs partenaires.",
    "Entretien du {d} : aide à la mise à jour de l'espace France Travail.",
    "Message du {d} : pas de réponse, nouvel essai la semaine prochaine.",
    "Entretien du {d} : simulation d'entretien d'embauche, bons progrès à l'oral.",
    "Entretien du {d} : bilan de mi-parcours, la formation se passe bien.",
    "Atelier du {d} : participation à l'atelier « Réseau professionnel et LinkedIn ».",
    "Entretien du {d} : recherche d'une alternance ({f}), trois candidatures envoyées.",
    "Entretien du {d} : test de positionnement en ligne réussi, orientation possible vers une formation.",
)
_RESTRICTED_NOTES = (
    "Entretien du {d} : difficultés de logement signalées, orientation vers le CCAS.",
    "Entretien du {d} : situation familiale compliquée, à revoir avec la responsable de campus.",
    "Entretien du {d} : difficultés financières importantes, demande d'aide d'urgence transmise.",
)
_RESTRICTED_SHARE = 0.07
_SUBJECTS = (
    "Diagnostic",
    "Point d'étape",
    "Préparation d'entretien",
    "Bilan de formation",
    "Aide au CV",
    "Recherche d'alternance",
)

# --- Catalogue (fictional employers, programmes of the public training partners, events) --------------------------

#: (name, INSEE code of its commune, job families it hires for)
_EMPLOYERS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("Atelier Numérique de Pantin SAS", "93055", ("development", "data")),
    ("Données & Territoires Bobigny SAS", "93008", ("data", "ai")),
    ("Canal de l'Ourcq Informatique SARL", "93055", ("infrastructure", "development")),
    ("Plaine Data Conseil SAS", "93066", ("data", "ai")),
    ("Coopérative Web de Montreuil SCOP", "93048", ("development",)),
    ("Sevran Réseaux et Fibre SAS", "93071", ("infrastructure",)),
    ("Clichy Cyberdéfense SARL", "93014", ("cybersecurity",)),
    ("Studio Jeux des Lilas SAS", "93045", ("video_games", "development")),
    ("Aubervilliers Cloud Services SAS", "93001", ("infrastructure", "cybersecurity")),
    ("Bagnolet Logiciels Libres SCIC", "93006", ("development",)),
    ("Courneuve Maintenance Informatique SARL", "93027", ("infrastructure", "other")),
    ("Noisy IA Appliquée SAS", "93051", ("ai", "data")),
    ("Rosny Infogérance SAS", "93064", ("infrastructure",)),
    ("Épinay Développement Mobile SARL", "93031", ("development",)),
    ("Stains Support Numérique SAS", "93072", ("other", "infrastructure")),
    ("Drancy Data Lab SAS", "93029", ("data",)),
    ("Villepinte Réseaux Industriels SAS", "93078", ("infrastructure", "cybersecurity")),
    ("Tremblay Systèmes Aéroportuaires SAS", "93073", ("development", "cybersecurity")),
    ("Bourget Sécurité des Systèmes SARL", "93013", ("cybersecurity",)),
    ("Romainville Pixel Studio SAS", "93063", ("video_games",)),
    ("Bondy Solutions Web SARL", "93010", ("development",)),
    ("Livry-Gargan Assistance Informatique SARL", "93046", ("other", "infrastructure")),
    ("Saint-Ouen Intégration Cloud SAS", "93070", ("infrastructure", "development")),
    ("Gagny Conseil Numérique SARL", "93032", ("data", "other")),
    ("Aulnay Cybersécurité Industrielle SAS", "93005", ("cybersecurity",)),
    ("Montfermeil Code Solidaire SCIC", "93047", ("development", "other")),
    ("Villetaneuse Recherche Appliquée SAS", "93079", ("ai", "data")),
    ("Blanc-Mesnil Logistique Numérique SAS", "93007", ("data", "development")),
    ("Neuilly-sur-Marne Services Numériques SARL", "93050", ("other", "infrastructure")),
    ("Île-Saint-Denis Studio Son et Image SAS", "93039", ("video_games", "other")),
)


@dataclass(frozen=True, slots=True)
class _ProgrammeSpec:
    partner: str
    title: str
    family: str
    weeks: int
    certification: str
    women_only: bool = False


_PROGRAMMES: tuple[_ProgrammeSpec, ...] = (
    _ProgrammeSpec("Simplon", "Développeur·se web et web mobile", "development", 30, "Titre professionnel (niveau 5)"),
    _ProgrammeSpec("Simplon", "Data analyst", "data", 24, "Titre professionnel (niveau 6)"),
    _ProgrammeSpec("Simplon", "Développeur·se en intelligence artificielle", "ai", 40, "Titre RNCP (niveau 6)"),
    _ProgrammeSpec("École 42", "Tronc commun — programmation", "development", 52, "Certificat d'école"),
    _ProgrammeSpec("École 42", "Administration systèmes et réseaux", "infrastructure", 36, "Certificat d'école"),
    _ProgrammeSpec("École 42", "Cybersécurité", "cybersecurity", 30, "Certificat d'école"),
    _ProgrammeSpec("Webforce3", "Développeur·se web full stack", "development", 16, "Titre professionnel (niveau 5)"),
    _ProgrammeSpec("Webforce3", "Technicien·ne en cybersécurité", "cybersecurity", 20, "Certification RS"),
    _ProgrammeSpec("Descodeuses", "Développeuse web", "development", 20, "Titre professionnel (niveau 5)", True),
    _ProgrammeSpec("Descodeuses", "Initiation à la data", "data", 12, "Attestation de formation", True),
    _ProgrammeSpec("Les Plombiers du Numérique", "Technicien·ne d'infrastructure", "infrastructure", 26, "Titre pro"),
    _ProgrammeSpec("Les Plombiers du Numérique", "Réseaux et fibre optique", "infrastructure", 14, "Certification RS"),
)

_EVENTS: dict[e.EventKind, tuple[str, ...]] = {
    e.EventKind.HACKATHON: (
        "Hackathon « Villes inclusives »",
        "Hackathon « Données ouvertes du 93 »",
        "Hackathon « Climat et mobilités »",
    ),
    e.EventKind.CONTEST: (
        "Concours d'innovation « Numérique responsable »",
        "Concours « Start-up de quartier »",
    ),
    e.EventKind.INFO_SESSION: (
        "Réunion d'information : les métiers du développement web",
        "Réunion d'information : la cybersécurité, pourquoi pas moi ?",
        "Réunion d'information : se former en alternance",
    ),
    e.EventKind.OUTREACH: (
        "Découverte des métiers du numérique — collèges et lycées",
        "Journée « Femmes et numérique »",
        "Le numérique pour toutes et tous : accessibilité et handicap",
    ),
}
_STARTUP_WORDS = ("Data", "Code", "Cyber", "Pixel", "Nuage", "Ruche", "Canal", "Ourcq", "Bitume", "Quartier", "Réseau")
_STARTUP_SUFFIXES = ("Lab", "Studio", "Atelier", "Solutions", "Factory", "& Co", "Services")


# --- Pathway routes -----------------------------------------------------------------------------------------------


@cache
def _shortest(start: S, goal: S) -> tuple[S, ...]:
    """The legal moves from `start` to `goal` (excluding `start`), shortest first, by breadth-first search."""
    if start == goal:
        return ()
    previous: dict[S, S] = {start: start}
    frontier = [start]
    while frontier:
        nxt: list[S] = []
        for step in frontier:
            for target in allowed_moves(step):
                if target not in previous:
                    previous[target] = step
                    nxt.append(target)
        frontier = nxt
        if goal in previous:
            break
    path = [goal]
    while path[-1] != start:
        path.append(previous[path[-1]])
    return (*reversed(path[1:-1]), goal)


def _waypoints(final: S, rng: random.Random) -> list[S]:
    """Steps a person passes through on the way to `final`: routes through training, detours, earlier exits."""
    points: list[S] = []
    if rng.random() < 0.03:
        points += [S.OUTCOME_OTHER_EXIT, S.WELCOME]  # left once, came back later
    r = rng.random()
    if final == S.TRAINING_DROPPED:
        points.append(S.TRAINING_IN_PROGRESS if r < 0.7 else S.TRAINING_ENROLLED)
    elif final == S.JOB_SEARCH:
        if r < 0.40:
            points.append(S.TRAINING_COMPLETED)
        elif r < 0.50:
            points.append(S.TRAINING_DROPPED)
        elif r < 0.55:
            points += [S.ORIENTATION, S.JOB_SEARCH, S.OUTCOME_BUSINESS]  # a company that closed
        elif r < 0.62:
            points += [S.ORIENTATION, S.JOB_SEARCH, S.OUTCOME_HIRED]  # a contract that ended
    elif final in (S.OUTCOME_HIRED, S.OUTCOME_BUSINESS):
        if r < 0.35:
            points += [S.TRAINING_COMPLETED]
        elif r < 0.65:
            points += [S.TRAINING_COMPLETED, S.JOB_SEARCH]
    elif final == S.OUTCOME_OTHER_EXIT:
        points.append(_EXIT_FROM(rng))
    trains = final in (S.TRAINING_REFERRED, S.TRAINING_ENROLLED, S.TRAINING_IN_PROGRESS)
    via_training = bool(points) and points[-1] in (S.TRAINING_COMPLETED, S.TRAINING_IN_PROGRESS, S.TRAINING_ENROLLED)
    if (trains or via_training) and rng.random() < 0.06:
        refused = [S.TRAINING_REFERRED, S.ORIENTATION]  # a first referral the training organisation turned down
        if via_training:
            points[-1:-1] = refused
        else:
            points += refused
    points.append(final)
    return points


def _route(final: S, rng: random.Random) -> list[S]:
    """A legal sequence of steps from WELCOME to `final` (WELCOME included)."""
    steps = [S.WELCOME]
    for point in _waypoints(final, rng):
        if point != steps[-1]:
            steps.extend(_shortest(steps[-1], point))
    return steps


# --- SIRET --------------------------------------------------------------------------------------------------------


def _luhn_complete(digits: str) -> str:
    """`digits` followed by the check digit that makes the whole number pass the Luhn test."""
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 0:  # these digits are doubled once the check digit is appended
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return digits + str((10 - total % 10) % 10)


def fictional_siret(rng: random.Random) -> str:
    """A 14-digit SIRET whose SIREN and whole number both pass Luhn, as `stdnum.fr.siret` requires (not La Poste's)."""
    siren = _luhn_complete(f"{rng.randrange(10_000_000, 100_000_000):08d}")
    if siren.startswith("356000000"):
        siren = "4" + siren[1:-1]
        siren = _luhn_complete(siren[:8])
    return _luhn_complete(siren + f"{rng.randrange(1, 10_000):04d}")


# --- Catalogue built once per run ---------------------------------------------------------------------------------


@dataclass(slots=True)
class _Session:
    id: str
    family: str
    women_only: bool
    starts_on: date
    ends_on: date
    capacity: int
    taken: int = 0


@dataclass(slots=True)
class _Offer:
    id: str
    partner_id: str
    family: str
    contract: e.ContractType
    posted_on: date
    closes_on: date
    is_open: bool


@dataclass(slots=True)
class _Event:
    id: str
    campus_id: str | None
    starts_at: datetime
    capacity: int | None
    taken: int = 0


@dataclass(slots=True)
class _Catalogue:
    """Reference ids the people point to, and the places left in sessions and events."""

    campus_ids: dict[str, str]
    campus_names: dict[str, str]  # campus id -> name
    advisors: dict[str, list[str]]  # campus id -> advisor ids
    employers: list[tuple[str, str, tuple[str, ...]]]  # (id, name, job families)
    sessions: list[_Session]  # sorted by start date
    session_starts: list[date]
    offers: list[_Offer]  # sorted by posting date
    offers_by_employer: dict[str, list[_Offer]]
    events: list[_Event]


# --- Batches ------------------------------------------------------------------------------------------------------

#: insertion order: referenced tables first (SQLite checks foreign keys at each insert)
_PERSON_MODELS: tuple[type[m.Synced], ...] = (
    m.Person,
    m.RqthDecision,
    m.Consent,
    m.PathwayEvent,
    m.Note,
    m.Appointment,
    m.Referral,
    m.EventRegistration,
    m.Startup,
)


@dataclass(slots=True)
class _Batch:
    """Rows of one chunk of people, per model, ready for `bulk_insert`."""

    rows: dict[type[m.Synced], list[dict[str, Any]]] = field(
        default_factory=lambda: {model: [] for model in _PERSON_MODELS}
    )


@cache
def _mail_part(name: str, space: str) -> str:
    """A name as the ASCII part of an e-mail address: 'Jean-Étienne' -> 'jean-etienne', "N'Diaye" -> 'ndiaye'."""
    return fold(name).replace(" ", space)


# --- The generator ------------------------------------------------------------------------------------------------


class _Generator:
    """Makes people and everything attached to them, drawing from one seeded generator in a fixed order."""

    def __init__(
        self, rng: random.Random, new_id: _Ids, today: date, catalogue: _Catalogue, people: int, device_campus: str
    ) -> None:
        self.rng = rng
        self.new_id = new_id
        self.today = today
        self.cat = catalogue
        self.device_campus = device_campus
        self.campus_commune = {catalogue.campus_ids[r.code]: r.commune_insee for r in CAMPUSES}
        self.communes = [c.insee for c in COMMUNES_93]
        # the fiction block holds 10,000 numbers: hand them out in a seeded order, reusing them only past 10,000
        self.phones = [f"{FICTION_MOBILE_PREFIX}{n:04d}" for n in range(10_000)]
        rng.shuffle(self.phones)
        self.phone_next = 0
        self.email_seen: dict[str, int] = {}
        self.today_quota = {cid: (14 if cid == device_campus else 5) for cid in catalogue.advisors}
        self.open_offers = [o for o in catalogue.offers if o.is_open and o.posted_on <= today <= o.closes_on]
        self.registration_share = min(0.2, sum(ev.capacity or 40 for ev in catalogue.events) * 0.7 / max(people, 1))
        self.index = 0

    # -- one person ------------------------------------------------------------------------------------------

    def person(self, batch: _Batch) -> None:
        rng, today = self.rng, self.today
        pid = self.new_id()
        final = ORDER[self.index] if self.index < len(ORDER) else _FINAL_STEP(rng)
        self.index += 1
        route = _route(final, rng)
        gaps = [rng.randint(*_GAP_DAYS[step]) for step in route[1:]]
        slack = rng.randint(0, _DONE_SLACK_DAYS if final in _OUTCOMES else _ACTIVE_SLACK_DAYS)
        enrolled = today - timedelta(days=sum(gaps) + slack)

        gender = _GENDER(rng)
        first, last = self._name(gender)
        age = rng.randint(*_AGE_BAND(rng))
        birth = enrolled - timedelta(days=age * 365 + rng.randrange(365))
        young = age < 26
        situation = (_SITUATION_YOUNG if young else _SITUATION_ADULT)(rng)
        rqth = rng.random() < 0.04
        ft_id = None
        if situation == e.Situation.JOB_SEEKER or rng.random() < 0.12:
            ft_id = f"{rng.randrange(10_000_000):07d}{chr(65 + rng.randrange(26))}"
        education = _EDUCATION(rng) if age >= 18 else rng.choice((e.EducationLevel.INFRA_3, e.EducationLevel.LEVEL_3))
        benefits: list[str] = []
        if situation == e.Situation.JOB_SEEKER:
            b = _JOB_SEEKER_BENEFIT(rng)
            if b:
                benefits.append(b)
        elif age >= 25 and situation not in (e.Situation.EMPLOYEE, e.Situation.STUDENT) and rng.random() < 0.15:
            benefits.append(e.Benefit.RSA.value)
        if rqth and rng.random() < 0.4:
            benefits.append(e.Benefit.AAH.value)
        barriers = [theme for theme, p in _BARRIERS if rng.random() < p]
        families = sorted({_JOB_FAMILY(rng) for _ in range(1 if rng.random() < 0.7 else 2)})
        source = _SOURCE(rng)
        if source == e.ReferralSource.MISSION_LOCALE and not young:
            source = e.ReferralSource.FRANCE_TRAVAIL
        if rqth and rng.random() < 0.4:
            source = e.ReferralSource.CAP_EMPLOI
        campus = self.device_campus
        advisor = rng.choice(self.cat.advisors[campus])
        r = rng.random()
        commune_insee: str | None
        commune_other = None
        if r < 0.45:
            commune_insee = self.campus_commune[campus]
        elif r < 0.95:
            commune_insee = rng.choice(self.communes)
        else:
            commune_insee, commune_other = None, rng.choice(_OUTSIDE_93)
        phone = self._phone() if rng.random() < 0.9 else None
        email = self._email(first, last) if rng.random() < 0.75 else None

        last_date = self._pathway(batch, pid, route, gaps, enrolled, advisor, families, gender)
        step = route[-1]
        last_contact = min(today, last_date + timedelta(days=rng.randint(0, 30)))
        person: dict[str, Any] = {
            "id": pid,
            "first_name": first,
            "last_name": last,
            "gender": gender,
            "birth_date": birth,
            "phone": phone,
            "email": email,
            "commune_insee": commune_insee,
            "commune_other": commune_other,
            "situation": situation,
            "france_travail_id": ft_id,
            "education_level": education,
            "benefits": benefits,
            "barriers": barriers,
            "job_families": families,
            "referral_source": source,
            "campus_id": campus,
            "advisor_id": advisor,
            "enrolled_on": enrolled,
            "pathway_step": step,
            "pathway_since": last_date,
            "last_contact_on": last_contact,
        }
        # Derived columns (name key, search terms) are computed here, on the drawing thread, with the model's own
        # function: the writer thread is the busier one.
        person.update(m.Person.derived_values(person))
        batch.rows[m.Person].append(person)
        self._consents(batch, pid, enrolled, phone, email, rqth)
        if rqth:
            decided = enrolled - timedelta(days=rng.randint(30, 1500))
            batch.rows[m.RqthDecision].append(
                {
                    "id": self.new_id(),
                    "person_id": pid,
                    "decided_on": decided,
                    "valid_from": decided,
                    "valid_until": None if rng.random() < 0.2 else decided + timedelta(days=5 * 365),
                }
            )
        self._notes(batch, pid, advisor, enrolled, last_contact, families)
        self._appointments(batch, pid, campus, advisor, step, last_date)
        self._registration(batch, pid, enrolled, step)

    def _name(self, gender: e.Gender) -> tuple[str, str]:
        rng = self.rng
        origin = _ORIGIN_PICK(rng)
        female = gender == e.Gender.FEMALE or (gender != e.Gender.MALE and rng.random() < 0.5)
        if origin is _FRENCH and rng.random() < 0.08:
            first = rng.choice(_COMPOUND_FEMALE if female else _COMPOUND_MALE)
        else:
            first = rng.choice(origin.female if female else origin.male)
        r = rng.random()
        if r < 0.03:
            last = rng.choice(_COMPOUND_LAST)
        elif r < 0.15:
            last = rng.choice(_FR_LAST if origin is not _FRENCH else _ORIGIN_PICK(rng).last)  # mixed families
        else:
            last = rng.choice(origin.last)
        return first, last

    def _phone(self) -> str:
        phone = self.phones[self.phone_next % len(self.phones)]
        self.phone_next += 1
        return phone

    def _email(self, first: str, last: str) -> str:
        base = f"{_mail_part(first, '-')}.{_mail_part(last, '')}"
        n = self.email_seen.get(base, 0) + 1
        self.email_seen[base] = n
        domain = EMAIL_DOMAINS[0] if self.rng.random() < 0.7 else EMAIL_DOMAINS[1]
        return f"{base}{n if n > 1 else ''}@{domain}"

    # -- pathway, referrals, startups ------------------------------------------------------------------------

    def _pathway(
        self,
        batch: _Batch,
        pid: str,
        route: list[S],
        gaps: list[int],
        enrolled: date,
        advisor: str,
        families: list[str],
        gender: e.Gender,
    ) -> date:
        """Write the person's pathway events, each move checked by the state machine; returns the last move's date.

        Training referrals, enrolments in a session, hires through an offer and created companies are written
        alongside, consistent with the moves (a refused referral sends the person back to orientation, and so on).
        """
        rng = self.rng
        events = batch.rows[m.PathwayEvent]
        events.append(
            {
                "id": self.new_id(),
                "person_id": pid,
                "from_step": None,
                "to_step": S.WELCOME,
                "occurred_on": enrolled,
                "author_id": advisor,
            }
        )
        day = enrolled
        session: _Session | None = None
        referral: dict[str, Any] | None = None
        last = len(route) - 2
        for i, (current, target, gap) in enumerate(zip(route[:-1], route[1:], gaps, strict=True)):
            day = day + timedelta(days=gap)
            details = MoveDetails()
            extra: dict[str, Any] = {}
            if target == S.TRAINING_REFERRED:
                upcoming = i == last or (route[-1] == S.TRAINING_ENROLLED and i == last - 1)
                session = self._session_for(day, families, gender, upcoming=upcoming)
                referral = None
                if session is not None:
                    status = rng.choice((e.ReferralStatus.PROPOSED, e.ReferralStatus.SENT)) if i == last else None
                    referral = self._referral(batch, pid, day, session_id=session.id, status=status)
                    if status == e.ReferralStatus.SENT:
                        session.taken += 1
            elif target == S.ORIENTATION and current == S.TRAINING_REFERRED and referral is not None:
                referral["status"], referral["decided_on"] = e.ReferralStatus.REFUSED, day
            elif target == S.TRAINING_ENROLLED and session is not None and referral is not None:
                if session.taken < session.capacity:
                    session.taken += 1
                    referral["status"], referral["decided_on"] = e.ReferralStatus.ACCEPTED, day
                    extra["programme_session_id"] = session.id
                else:  # the session filled up meanwhile: the person trains elsewhere
                    referral["status"], referral["decided_on"] = e.ReferralStatus.REFUSED, day
            elif target == S.TRAINING_DROPPED and current == S.TRAINING_ENROLLED and referral is not None:
                if referral["status"] == e.ReferralStatus.ACCEPTED:
                    referral["status"] = e.ReferralStatus.WITHDRAWN
                    if session is not None:
                        session.taken -= 1
            elif target == S.OUTCOME_HIRED:
                details, extra["employer_partner_id"] = self._hire(batch, pid, day, families)
            elif target == S.OUTCOME_BUSINESS:
                created = day - timedelta(days=rng.randint(0, 30))
                details = MoveDetails(siret=fictional_siret(rng), business_created_on=created)
                self._startup(batch, pid, details, families, closed=i != last)
            elif target == S.OUTCOME_OTHER_EXIT:
                details = MoveDetails(exit_reason=_EXIT_REASON(rng))
            elif target == S.JOB_SEARCH and i == last and rng.random() < 0.4:
                self._offer_referrals(batch, pid, day, families)
            check_move(current, target, details)
            events.append(
                {
                    "id": self.new_id(),
                    "person_id": pid,
                    "from_step": current,
                    "to_step": target,
                    "occurred_on": day,
                    "author_id": advisor,
                    "contract_type": details.contract_type,
                    "employer_name": details.employer_name,
                    "contract_start": details.contract_start,
                    "siret": details.siret,
                    "business_created_on": details.business_created_on,
                    "exit_reason": details.exit_reason,
                    **extra,
                }
            )
        if route[-1] in (S.JOB_SEARCH, S.TRAINING_COMPLETED) and rng.random() < 0.03:
            self._startup(batch, pid, None, families, closed=False)  # in incubation: an idea or a prototype
        return day

    def _session_for(self, day: date, families: list[str], gender: e.Gender, *, upcoming: bool) -> _Session | None:
        """A session starting after `day` (after today for a referral still open) with places, in a wanted family."""
        start = max(day, self.today) if upcoming else day
        sessions = self.cat.sessions
        i = bisect.bisect_right(self.cat.session_starts, start)
        fallback = None
        for s in sessions[i : i + 24]:
            if s.starts_on > start + timedelta(days=120):
                break
            if s.taken >= s.capacity or (s.women_only and gender == e.Gender.MALE):
                continue
            if s.family in families:
                return s
            if fallback is None:
                fallback = s
        return fallback

    def _referral(
        self,
        batch: _Batch,
        pid: str,
        on: date,
        *,
        session_id: str | None = None,
        offer_id: str | None = None,
        status: e.ReferralStatus | None = None,
        decided_on: date | None = None,
    ) -> dict[str, Any]:
        row = {
            "id": self.new_id(),
            "person_id": pid,
            "programme_session_id": session_id,
            "job_offer_id": offer_id,
            "status": status or e.ReferralStatus.SENT,
            "referred_on": on,
            "decided_on": decided_on,
            "comment": "",
        }
        batch.rows[m.Referral].append(row)
        return row

    def _hire(self, batch: _Batch, pid: str, day: date, families: list[str]) -> tuple[MoveDetails, str]:
        """A contract with an employer partner hiring in one of the person's job families; half through an offer."""
        rng = self.rng
        employer_id, employer_name, employer_families = rng.choice(self.cat.employers)
        for _ in range(3):
            if not set(employer_families).isdisjoint(families):
                break
            employer_id, employer_name, employer_families = rng.choice(self.cat.employers)
        contract = _CONTRACT(rng)
        if rng.random() < 0.5:
            applied = day - timedelta(days=rng.randint(5, 25))
            for offer in self.cat.offers_by_employer[employer_id]:
                if offer.posted_on <= applied <= offer.closes_on:
                    contract = offer.contract
                    self._referral(
                        batch, pid, applied, offer_id=offer.id, status=e.ReferralStatus.ACCEPTED, decided_on=day
                    )
                    break
        start = day + timedelta(days=rng.randint(0, 21))
        return MoveDetails(contract_type=contract, employer_name=employer_name, contract_start=start), employer_id

    def _offer_referrals(self, batch: _Batch, pid: str, day: date, families: list[str]) -> None:
        """One or two referrals to offers open today, pending or already answered."""
        rng = self.rng
        candidates = [o for o in self.open_offers if o.family in families] or self.open_offers
        if not candidates:
            return
        for offer in rng.sample(candidates, min(len(candidates), 2 if rng.random() < 0.3 else 1)):
            on = min(self.today, max(day, offer.posted_on))
            status = _OFFER_STATUS(rng)
            decided = None
            if status == e.ReferralStatus.REFUSED:
                decided = min(self.today, on + timedelta(days=rng.randint(3, 20)))
            self._referral(batch, pid, on, offer_id=offer.id, status=status, decided_on=decided)

    def _startup(
        self, batch: _Batch, pid: str, details: MoveDetails | None, families: list[str], *, closed: bool
    ) -> None:
        rng = self.rng
        if details is None:
            stage = e.StartupStage.IDEA if rng.random() < 0.6 else e.StartupStage.PROTOTYPE
        elif closed:
            stage = e.StartupStage.CLOSED
        else:
            stage = e.StartupStage.LAUNCHED if rng.random() < 0.6 else e.StartupStage.GROWTH
        mentor = rng.choice(_STAFF.female + _STAFF.male) + " " + rng.choice(_STAFF.last)
        batch.rows[m.Startup].append(
            {
                "id": self.new_id(),
                "name": f"{rng.choice(_STARTUP_WORDS)} {rng.choice(_STARTUP_SUFFIXES)}",
                "person_id": pid,
                "stage": stage,
                "zfu_zone": rng.choice(ZFU_ZONES) if rng.random() < 0.5 else None,
                "mentor_name": mentor,
                "siret": details.siret if details else None,
                "created_on": details.business_created_on if details else None,
                "job_family": families[0],
            }
        )

    # -- consents, notes, appointments, events ---------------------------------------------------------------

    def _consents(self, batch: _Batch, pid: str, given: date, phone: str | None, email: str | None, rqth: bool) -> None:
        rng, rows = self.rng, batch.rows[m.Consent]
        basis = e.LegalBasis.CONSENT if rng.random() < 0.85 else e.LegalBasis.PUBLIC_INTEREST
        wanted = [(e.ConsentPurpose.FOLLOW_UP, basis)]
        if rng.random() < 0.35:
            wanted.append((e.ConsentPurpose.SHARE_WITH_PARTNERS, e.LegalBasis.CONSENT))
        if phone and rng.random() < 0.25:
            wanted.append((e.ConsentPurpose.CONTACT_BY_SMS, e.LegalBasis.CONSENT))
        if email and rng.random() < 0.06:
            wanted.append((e.ConsentPurpose.NEWSLETTER, e.LegalBasis.CONSENT))
        if rqth:
            wanted.append((e.ConsentPurpose.RQTH_RECORDING, e.LegalBasis.CONSENT))
        for purpose, legal_basis in wanted:
            withdrawn = None
            if purpose in (e.ConsentPurpose.NEWSLETTER, e.ConsentPurpose.CONTACT_BY_SMS) and rng.random() < 0.05:
                span = (self.today - given).days
                withdrawn = given + timedelta(days=rng.randint(0, span)) if span > 0 else None
            rows.append(
                {
                    "id": self.new_id(),
                    "person_id": pid,
                    "purpose": purpose,
                    "legal_basis": legal_basis,
                    "text_version": CURRENT_CONSENT_VERSION,
                    "given_on": given,
                    "withdrawn_on": withdrawn,
                }
            )

    def _notes(self, batch: _Batch, pid: str, advisor: str, first: date, last: date, families: list[str]) -> None:
        rng = self.rng
        span = max(0, (last - first).days)
        family = label(e.JobFamily(families[0]))
        for _ in range(_NOTE_COUNT(rng)):
            restricted = rng.random() < _RESTRICTED_SHARE
            template = rng.choice(_RESTRICTED_NOTES if restricted else _NOTES)
            when = first + timedelta(days=rng.randint(0, span))
            batch.rows[m.Note].append(
                {
                    "id": self.new_id(),
                    "person_id": pid,
                    "author_id": advisor,
                    "body": template.format(d=f"{when.day:02d}/{when.month:02d}/{when.year}", f=family),
                    "restricted": restricted,
                }
            )

    def _slot(self, day: date) -> datetime:
        """A half-hour slot between 9:00 and 17:00, Paris time, as an aware UTC datetime."""
        minutes = 9 * 60 + 30 * self.rng.randrange(16)
        local = datetime.combine(day, dtime(minutes // 60, minutes % 60), tzinfo=PARIS)
        return local.astimezone(UTC)

    def _appointments(self, batch: _Batch, pid: str, campus: str, advisor: str, step: S, since: date) -> None:
        rng, today = self.rng, self.today
        rows = batch.rows[m.Appointment]
        active = step not in _OUTCOMES
        slots: list[tuple[date, e.AppointmentStatus]] = []
        if rng.random() < 0.3:
            span = (today - since).days
            if span > 1:
                past = rng.choices(
                    (e.AppointmentStatus.DONE, e.AppointmentStatus.MISSED, e.AppointmentStatus.CANCELLED),
                    (70, 18, 12),
                )[0]
                slots.append((since + timedelta(days=rng.randint(1, span - 1)), past))
        if active and self.today_quota[campus] > 0 and rng.random() < 0.25:
            self.today_quota[campus] -= 1
            arrived = rng.random() < 0.2
            slots.append((today, e.AppointmentStatus.ARRIVED if arrived else e.AppointmentStatus.PLANNED))
        elif active and rng.random() < 0.25:
            slots.append((today + timedelta(days=rng.randint(1, 21)), e.AppointmentStatus.PLANNED))
        for day, status in slots:
            rows.append(
                {
                    "id": self.new_id(),
                    "person_id": pid,
                    "campus_id": campus,
                    "advisor_id": advisor,
                    "starts_at": self._slot(day),
                    "duration_min": rng.choice((30, 45, 45, 60)),
                    "subject": rng.choice(_SUBJECTS),
                    "status": status,
                    "code": f"{rng.randrange(1_000_000):06d}",
                }
            )

    def _registration(self, batch: _Batch, pid: str, enrolled: date, step: S) -> None:
        rng = self.rng
        if rng.random() >= self.registration_share:
            return
        event = rng.choice(self.cat.events)
        if event.capacity is not None and event.taken >= event.capacity:
            return
        day = event.starts_at.date()
        upcoming = day >= self.today
        if upcoming and step in _OUTCOMES:
            return
        if not upcoming and day < enrolled:
            return
        event.taken += 1
        if upcoming:
            status = e.AttendanceStatus.REGISTERED if rng.random() < 0.9 else e.AttendanceStatus.CANCELLED
        else:
            status = rng.choices(
                (e.AttendanceStatus.ATTENDED, e.AttendanceStatus.ABSENT, e.AttendanceStatus.CANCELLED), (70, 20, 10)
            )[0]
        batch.rows[m.EventRegistration].append(
            {"id": self.new_id(), "event_id": event.id, "person_id": pid, "status": status}
        )


# --- Entry point --------------------------------------------------------------------------------------------------


def generate(
    store: Store,
    *,
    people: int,
    seed: int,
    today: date | None = None,
    chunk_size: int = CHUNK_SIZE,
    campus_code: str | None = None,
) -> DemoSummary:
    """Fill an empty store with `people` fictional people and everything around them; same seed, same data.

    Refuses (KnownError) a store that already holds people or accounts: demo data is never mixed with real data,
    and running the command twice does not duplicate anything. Sets this device's campus to `campus_code` (default:
    the device's, else Saint-Denis, SDN); the people are all of that campus, as on a real campus PC. The accounts and
    the catalogue are HQ's data, the same (same ids) on every PC made with the seed. The whole run is one
    transaction: all of it or nothing (`chunk_size` people are drawn, then written, at a time).
    """
    if people < 0:
        raise KnownError("Nombre de personnes : indiquez un nombre positif ou nul.")
    started = time.perf_counter()
    today = today or date.today()
    rng = _Random(seed)
    new_id = _Ids(seed)
    with _gc_paused(), _loading(store) as uow:
        _refuse_if_not_empty(uow)
        campus_ids = setup.ensure_reference_data(uow)
        device = uow.session.get(m.DeviceState, 1)
        if campus_code is not None:
            code = campus_code.strip().upper()
            if code not in campus_ids or code not in _CAMPUS_SHARE:
                known = ", ".join(_CAMPUS_SHARE)
                raise KnownError(f"Campus « {campus_code} » : les données de démonstration existent pour {known}.")
            if uow.ctx.campus_id not in (None, campus_ids[code]):
                raise KnownError(f"Ce poste est déjà réglé sur un autre campus que {code}.")
            if device is not None:
                device.campus_id = uow.ctx.campus_id = campus_ids[code]
        if device is not None and device.campus_id is None:
            device.campus_id = uow.ctx.campus_id = campus_ids["SDN"]
        device_campus = uow.ctx.campus_id or campus_ids["SDN"]
        # HQ's data, the same on every campus PC made with this seed (same ids): `gn-desktop export-reference` gives
        # it to a demo HQ
        with uow.as_reference():
            demo_accounts, catalogue, counts = _accounts_and_catalogue(uow, rng, new_id, today, people)
        uow.flush()
        # This campus's people: drawn from the seed and the campus, so that the PCs of two campuses hold different
        # people (a PC holds only the files of its own campus)
        code = next(c for c, cid in campus_ids.items() if cid == device_campus)
        if code != "SDN":
            rng, new_id = _Random(f"{seed}:{code}"), _Ids(f"{seed}:{code}")
        generator = _Generator(rng, new_id, today, catalogue, people, device_campus)
        dialect = uow.session.get_bind().dialect
        # A writer thread stores chunk n while this thread draws chunk n + 1: SQLite releases the GIL while it
        # writes, so the two cores work at once. Drawing stays on this thread, in order, so the data is the same;
        # so does `stage_rows` (all the Python of `bulk_insert`), leaving the writer almost nothing but SQLite.
        # The unit of work is handed to the writer and back, never used by both threads at once.
        deferred = changes.search_index_deferred(uow.session)
        with deferred, _prompt_gil_handover(), ThreadPoolExecutor(1, thread_name_prefix="gn-demo-writer") as writer:
            pending: Future[None] | None = None
            for first in range(0, people, chunk_size):
                batch = _Batch()
                for _ in range(min(chunk_size, people - first)):
                    generator.person(batch)
                staged = []
                for model, rows in batch.rows.items():
                    counts[model.__tablename__] = counts.get(model.__tablename__, 0) + len(rows)
                    if rows:
                        staged.append(changes.stage_rows(model, rows, dialect))
                if pending is not None:
                    pending.result()
                pending = writer.submit(_write_chunk, uow, staged)
            if pending is not None:
                pending.result()
        uow.commit()
    store.forget_identity()  # the device row got its campus through the load's connection
    counts.setdefault("person", 0)
    device_name = catalogue.campus_names.get(store.campus_id or "", "")
    return DemoSummary(seed, today, counts, demo_accounts, device_name, time.perf_counter() - started)


@contextlib.contextmanager
def _loading(store: Store) -> Iterator[UnitOfWork]:
    """The one unit of work of a demo load, on a connection tuned for it (`engine.bulk_load_engine`) when the store
    is a file: the store's own connections are closed first, and open again on demand afterwards. If another program
    has the file open, the load goes through the store's usual connection (WAL): slower, still all or nothing."""
    database = store.engine.url.database
    if not database or database == ":memory:":
        with store.unit_of_work(None) as uow:
            yield uow
        return
    ctx = changes.CaptureContext(store.device_id, store.campus_id, None, store.clock)
    store.engine.dispose()
    with contextlib.ExitStack() as stack:
        try:
            engine = stack.enter_context(bulk_load_engine(database))
        except BulkLoadUnavailable:
            uow = stack.enter_context(store.unit_of_work(None))
        else:
            session = StoreSession(bind=writer_engine(engine), expire_on_commit=False)
            uow = stack.enter_context(UnitOfWork(session, ctx))
        yield uow


def _write_chunk(uow: UnitOfWork, staged: list[changes.StagedRows]) -> None:
    """Store one chunk of people and their records (each captured) in the load's unit of work."""
    for rows in staged:
        changes.bulk_insert(uow.session, rows.model, rows)
    uow.ctx.touched.clear()  # no view to refresh, and a million ids would pile up


#: how long the drawing thread may keep the GIL once the writer thread wants it back (Python's default: 5 ms)
_WRITER_GIL_WAIT_S = 0.0005


@contextlib.contextmanager
def _prompt_gil_handover() -> Iterator[None]:
    """Let the writer thread have the GIL back within half a millisecond instead of five.

    The writer gives the GIL up during each SQLite statement and needs it again right after; with the drawing thread
    busy in Python, it would wait up to `sys.getswitchinterval()` each time (the "convoy effect"): about 200 times
    per chunk, 8 s of 100,000 people spent waiting. The interval is the process's, put back on leaving.
    """
    previous = sys.getswitchinterval()
    sys.setswitchinterval(min(previous, _WRITER_GIL_WAIT_S))
    try:
        yield
    finally:
        sys.setswitchinterval(previous)


@contextlib.contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while rows pile up (reference counting still frees memory).

    Building hundreds of thousands of row dicts otherwise triggers full collections that scan them all, again and
    again, for no garbage: the rows are acyclic.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _refuse_if_not_empty(uow: UnitOfWork) -> None:
    """Demo data goes only into a store without people or accounts (reference data from HQ is fine)."""
    n_people = uow.session.scalar(select(func.count()).select_from(m.Person)) or 0
    n_users = uow.session.scalar(select(func.count()).select_from(m.User)) or 0
    if n_people or n_users:
        raise KnownError(
            f"Ce dossier de données contient déjà des données ({_fr_count(n_people, 'personne')}, "
            f"{_fr_count(n_users, 'compte')}) : les données de démonstration ne vont que dans un dossier vide, "
            "pour ne jamais se mêler à de vraies données ni se dupliquer. Indiquez un nouveau dossier avec --data-dir."
        )


def _display_name(rng: random.Random, female: bool) -> str:
    return f"{rng.choice(_STAFF.female if female else _STAFF.male)} {rng.choice(_STAFF.last)}"


def _accounts_and_catalogue(
    uow: UnitOfWork, rng: random.Random, new_id: _Ids, today: date, people: int
) -> tuple[list[DemoAccount], _Catalogue, dict[str, int]]:
    """Demo accounts, employer partners, programmes and their sessions, job offers and events."""
    campuses = {c.code: c for c in uow.session.scalars(select(m.Campus))}
    campus_ids = {code: c.id for code, c in campuses.items()}
    hashes = {pw: accounts.hash_password(pw) for pw in (ADVISOR_PASSWORD, MANAGER_PASSWORD, ADMIN_PASSWORD)}
    demo_accounts: list[DemoAccount] = []
    advisors: dict[str, list[str]] = {}

    def add_user(username: str, role: e.UserRole, password: str, campus_code: str | None) -> str:
        campus = campuses[campus_code] if campus_code else None
        user_id = accounts.create_user(
            uow,
            username,
            _display_name(rng, rng.random() < 0.5),
            role,
            password,
            campus_id=campus.id if campus else None,
            password_hash=hashes[password],
            user_id=reference_id("app_user", username),  # the same on every demo PC and at the demo HQ
        )
        demo_accounts.append(DemoAccount(username, password, role, campus.name if campus else ""))
        return user_id

    for code in _CAMPUS_SHARE:
        slug = code.lower()
        advisors[campus_ids[code]] = [
            add_user(f"conseil{n if n > 1 else ''}.{slug}", e.UserRole.ADVISOR, ADVISOR_PASSWORD, code)
            for n in range(1, ADVISORS_PER_CAMPUS + 1)
        ]
    for code in _CAMPUS_SHARE:
        add_user(f"resp.{code.lower()}", e.UserRole.CAMPUS_MANAGER, MANAGER_PASSWORD, code)
    add_user("admin.siege", e.UserRole.HQ_ADMIN, ADMIN_PASSWORD, "LCO")

    counts: dict[str, int] = {"app_user": len(demo_accounts)}

    def write(model: type[m.Synced], rows: list[dict[str, Any]]) -> None:
        changes.bulk_insert(uow.session, model, rows)
        counts[model.__tablename__] = counts.get(model.__tablename__, 0) + len(rows)

    # Employers that committed to hire people the campuses train
    employer_rows = []
    employers: list[tuple[str, str, tuple[str, ...]]] = []
    for name, insee, families in _EMPLOYERS:
        slug = "-".join(fold(name).split()[:4])
        pid = new_id()
        employers.append((pid, name, families))
        employer_rows.append(
            {
                "id": pid,
                "name": name,
                "kind": e.PartnerKind.EMPLOYER,
                "commune_insee": insee,
                "website": f"https://{slug}.example",
                "email": f"recrutement.{slug}@{EMAIL_DOMAINS[1]}",
                "phone": f"{FICTION_LANDLINE_PREFIX}{rng.randrange(10_000):04d}",
                "job_families": list(families),
                "committed_to_hire": True,
            }
        )
    write(m.Partner, employer_rows)

    # Programmes of the public training partners, with sessions from four years ago to six months ahead
    partner_ids = dict(
        uow.session.execute(
            select(m.Partner.name, m.Partner.id).where(m.Partner.kind == e.PartnerKind.TRAINING_ORGANISATION)
        ).all()
    )
    programme_rows = []
    session_rows = []
    sessions: list[_Session] = []
    spacing = max(7, min(56, 56 * 6000 // max(people, 1)))
    campus_choices = [campus_ids[c] for c in _CAMPUS_SHARE]
    for spec in _PROGRAMMES:
        if spec.partner not in partner_ids:
            continue
        prog_id = new_id()
        programme_rows.append(
            {
                "id": prog_id,
                "partner_id": partner_ids[spec.partner],
                "title": spec.title,
                "job_family": e.JobFamily(spec.family),
                "duration_weeks": spec.weeks,
                "prerequisites": "Aucun diplôme requis ; motivation et test de positionnement.",
                "min_education_level": None,
                "certification": spec.certification,
                "description": f"Formation « {spec.title} » proposée par {spec.partner} (données de démonstration).",
            }
        )
        start = today - timedelta(days=4 * 365 - rng.randrange(spacing))
        while start <= today + timedelta(days=180):
            session = _Session(
                new_id(),
                spec.family,
                spec.women_only,
                start,
                start + timedelta(weeks=spec.weeks),
                rng.choice((12, 15, 16, 18, 20, 24)),
            )
            sessions.append(session)
            session_rows.append(
                {
                    "id": session.id,
                    "programme_id": prog_id,
                    "campus_id": rng.choice(campus_choices) if rng.random() < 0.8 else None,
                    "starts_on": session.starts_on,
                    "ends_on": session.ends_on,
                    "capacity": session.capacity,
                }
            )
            start += timedelta(days=spacing + rng.randint(-3, 3))
    write(m.Programme, programme_rows)
    write(m.ProgrammeSession, session_rows)
    sessions.sort(key=lambda s: s.starts_on)

    # Job offers over the last two years, a few still open
    offer_rows = []
    offers: list[_Offer] = []
    by_employer: dict[str, list[_Offer]] = {pid: [] for pid, _, _ in employers}
    n_offers = 90 + people // 500
    for k in range(n_offers):
        pid, name, families = employers[k % len(employers)]
        posted = today - timedelta(days=rng.randint(0, 730))
        closes = posted + timedelta(days=rng.randint(30, 120))
        offer = _Offer(
            new_id(),
            pid,
            rng.choice(families),
            _CONTRACT(rng),
            posted,
            closes,
            closes >= today and rng.random() < 0.9,
        )
        offers.append(offer)
        by_employer[pid].append(offer)
        family_label = label(e.JobFamily(offer.family)).lower()
        offer_rows.append(
            {
                "id": offer.id,
                "partner_id": pid,
                "title": f"{label(offer.contract)} — {_OFFER_TITLES[offer.family]}",
                "job_family": e.JobFamily(offer.family),
                "contract_type": offer.contract,
                "commune_insee": _EMPLOYERS[k % len(_EMPLOYERS)][1],
                "posted_on": posted,
                "closes_on": closes,
                "description": f"Poste fictif en {family_label} chez {name}.",
                "is_open": offer.is_open,
            }
        )
    offers.sort(key=lambda o: o.posted_on)
    write(m.JobOffer, offer_rows)

    # Events of every kind, past and upcoming
    event_rows = []
    events: list[_Event] = []
    kinds = list(_EVENTS)
    n_events = 12 + min(people // 2000, 48)
    for k in range(n_events):
        kind = kinds[k % len(kinds)]
        # the first two rounds give each kind an upcoming and a past event; the others fall anywhere
        if k >= len(kinds) * 2:
            day = today + timedelta(days=rng.randint(-540, 120))
        else:
            day = today + timedelta(days=14 if k < len(kinds) else -30)
        campus = rng.choice([*campus_choices, campus_ids["LCO"], None])
        hours = 8 if kind in (e.EventKind.HACKATHON, e.EventKind.CONTEST) else 2
        starts = datetime.combine(day, dtime(9 if hours == 8 else 14, 0), tzinfo=PARIS).astimezone(UTC)
        capacity = None if kind == e.EventKind.INFO_SESSION and rng.random() < 0.5 else rng.choice((20, 30, 40, 60))
        event = _Event(new_id(), campus, starts, capacity)
        events.append(event)
        event_rows.append(
            {
                "id": event.id,
                "title": rng.choice(_EVENTS[kind]),
                "kind": kind,
                "campus_id": campus,
                "starts_at": starts,
                "ends_at": starts + timedelta(hours=hours),
                "capacity": capacity,
                "audience": _AUDIENCES[kind],
                "description": "Événement fictif (données de démonstration).",
            }
        )
    write(m.Event, event_rows)

    catalogue = _Catalogue(
        campus_ids=campus_ids,
        campus_names={c.id: c.name for c in campuses.values()},
        advisors=advisors,
        employers=employers,
        sessions=sessions,
        session_starts=[s.starts_on for s in sessions],
        offers=offers,
        offers_by_employer=by_employer,
        events=events,
    )
    return demo_accounts, catalogue, counts


_OFFER_TITLES = {
    "development": "Développeur·se web junior",
    "data": "Analyste de données junior",
    "ai": "Assistant·e ingénieur·e en intelligence artificielle",
    "cybersecurity": "Analyste SOC niveau 1",
    "infrastructure": "Technicien·ne support et réseaux",
    "video_games": "Testeur·se de jeux vidéo",
    "other": "Chargé·e de projet numérique",
}
_AUDIENCES = {
    e.EventKind.HACKATHON: "Personnes accompagnées et étudiant·es",
    e.EventKind.CONTEST: "Porteurs et porteuses de projet",
    e.EventKind.INFO_SESSION: "Tout public",
    e.EventKind.OUTREACH: "Collégiens, lycéennes, femmes, personnes en situation de handicap",
}
