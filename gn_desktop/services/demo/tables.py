"""The demo's reference tables: fixed values, names, weights of every drawn vocabulary, the fictional catalogue.

Everything is made up: names are drawn at random from first-name and surname lists (Faker's fr_FR lists plus names
reflecting the diversity of Seine-Saint-Denis), phone numbers are in the range ARCEP reserves for fiction
(06 39 98 xx xx), e-mail addresses use the reserved domains example.org / example.net, employers are invented.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from faker.providers.person.fr_FR import Provider as _FrenchNames

from gn_core.domain import enums as e
from gn_desktop.services.demo.draws import _Pick

S = e.PathwayStep

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
    e.EventKind.JOB_DATING: (
        "Job dating : alternance dans le numérique",
        "Job dating : entreprises qui recrutent en Seine-Saint-Denis",
    ),
    e.EventKind.SCHOOL_VISIT: (
        "Visite du campus : classe de 3e en stage d'observation",
        "Visite du campus : lycée professionnel",
    ),
}
#: partners' contact people (fictional)
_CONTACTS = (
    ("Inès", "Morel"), ("Bastien", "Lemoine"), ("Fatou", "Camara"), ("Julien", "Perret"), ("Yasmina", "Cherif"),
    ("Thomas", "Roussel"), ("Aïcha", "Traoré"), ("Nicolas", "Fabre"),
)  # fmt: skip
#: who funds the programmes, in turn
_FUNDING: tuple[tuple[str, ...], ...] = (
    (e.FundingSource.CPF, e.FundingSource.FRANCE_TRAVAIL),
    (e.FundingSource.REGION,),
    (e.FundingSource.FRANCE_TRAVAIL, e.FundingSource.OPCO),
    (e.FundingSource.FREE,),
)
#: support actions given to the startups the demo's people created
_SUPPORT_ACTIONS = ("Atelier business plan avec un mentor", "Dossier de prêt d'honneur Initiative 93")
_STARTUP_WORDS = ("Data", "Code", "Cyber", "Pixel", "Nuage", "Ruche", "Canal", "Ourcq", "Bitume", "Quartier", "Réseau")
_STARTUP_SUFFIXES = ("Lab", "Studio", "Atelier", "Solutions", "Factory", "& Co", "Services")

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
    e.EventKind.JOB_DATING: "Demandeurs d'emploi et jeunes en recherche d'alternance",
    e.EventKind.SCHOOL_VISIT: "Collégiens et lycéens",
}
#: the same, from the closed list the indicators count reach by
_AUDIENCE_CODES: dict[e.EventKind, list[str]] = {
    e.EventKind.HACKATHON: [e.Audience.JOB_SEEKERS, e.Audience.YOUNG_PEOPLE],
    e.EventKind.CONTEST: [e.Audience.EVERYONE],
    e.EventKind.INFO_SESSION: [e.Audience.EVERYONE],
    e.EventKind.OUTREACH: [e.Audience.DISABLED_PEOPLE, e.Audience.PUPILS, e.Audience.WOMEN],
    e.EventKind.JOB_DATING: [e.Audience.JOB_SEEKERS, e.Audience.YOUNG_PEOPLE],
    e.EventKind.SCHOOL_VISIT: [e.Audience.PUPILS],
}
