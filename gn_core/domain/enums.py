"""Closed vocabularies of the domain, stored by value.

Values are stable English identifiers (they travel in the sync protocol and exports); French labels live in
`labels.py`. Never rename a value: add a new one and migrate.
"""

from __future__ import annotations

from enum import StrEnum


class Situation(StrEnum):
    JOB_SEEKER = "job_seeker"  # registered with France Travail (its id is recorded)
    YOUNG_UNDER_26 = "young_under_26"
    NEET = "neet"  # not in employment, education or training / school drop-out
    RETRAINING = "retraining"
    EMPLOYEE = "employee"
    STUDENT = "student"
    OTHER = "other"


class EducationLevel(StrEnum):
    """French qualification levels (nomenclature 2019): infra-3 (no diploma) to 8 (doctorate)."""

    INFRA_3 = "infra_3"
    LEVEL_3 = "3"  # CAP, BEP
    LEVEL_4 = "4"  # baccalauréat
    LEVEL_5 = "5"  # bac+2
    LEVEL_6 = "6"  # bac+3/4
    LEVEL_7 = "7"  # bac+5
    LEVEL_8 = "8"  # doctorate


class Benefit(StrEnum):
    RSA = "rsa"
    ARE = "are"
    ASS = "ass"
    AAH = "aah"


class BarrierTheme(StrEnum):
    MOBILITY = "mobility"
    HOUSING = "housing"
    CHILDCARE = "childcare"
    HEALTH = "health"
    DIGITAL_ADMIN = "digital_admin"  # paperwork and digital access
    MONEY = "money"
    FRENCH_LANGUAGE = "french_language"


class ReferralSource(StrEnum):
    FRANCE_TRAVAIL = "france_travail"
    MISSION_LOCALE = "mission_locale"
    CAP_EMPLOI = "cap_emploi"
    WALK_IN = "walk_in"
    KIOSK = "kiosk"
    EVENT = "event"
    OTHER = "other"


class JobFamily(StrEnum):
    DEVELOPMENT = "development"
    DATA = "data"
    AI = "ai"
    CYBERSECURITY = "cybersecurity"
    INFRASTRUCTURE = "infrastructure"
    VIDEO_GAMES = "video_games"
    OTHER = "other"


class Gender(StrEnum):
    FEMALE = "female"
    MALE = "male"
    OTHER = "other"
    UNDISCLOSED = "undisclosed"


class ConsentPurpose(StrEnum):
    FOLLOW_UP = "follow_up"  # record and follow the person's pathway
    SHARE_WITH_PARTNERS = "share_with_partners"  # pass the file to a training organisation or employer
    CONTACT_BY_SMS = "contact_by_sms"
    NEWSLETTER = "newsletter"
    RQTH_RECORDING = "rqth_recording"  # record the disability recognition decision


class LegalBasis(StrEnum):
    """GDPR art. 6 bases used by the CNIL social-support framework."""

    CONSENT = "consent"
    PUBLIC_INTEREST = "public_interest"
    LEGITIMATE_INTEREST = "legitimate_interest"
    CONTRACT = "contract"
    LEGAL_OBLIGATION = "legal_obligation"


class PathwayStep(StrEnum):
    WELCOME = "welcome"
    ASSESSMENT = "assessment"
    ORIENTATION = "orientation"
    TRAINING_REFERRED = "training_referred"
    TRAINING_ENROLLED = "training_enrolled"
    TRAINING_IN_PROGRESS = "training_in_progress"
    TRAINING_COMPLETED = "training_completed"  # completed or certified
    TRAINING_DROPPED = "training_dropped"
    JOB_SEARCH = "job_search"
    OUTCOME_HIRED = "outcome_hired"
    OUTCOME_BUSINESS = "outcome_business"
    OUTCOME_OTHER_EXIT = "outcome_other_exit"


class ContractType(StrEnum):
    CDI = "cdi"
    CDD = "cdd"
    APPRENTICESHIP = "apprenticeship"  # alternance
    INTERNSHIP = "internship"
    TEMP = "temp"  # intérim


class ExitReason(StrEnum):
    MOVED_AWAY = "moved_away"
    NO_LONGER_REACHABLE = "no_longer_reachable"
    OTHER_PROGRAMME = "other_programme"
    PERSONAL = "personal"
    RETURNED_TO_STUDIES = "returned_to_studies"
    OTHER = "other"


class PartnerKind(StrEnum):
    TRAINING_ORGANISATION = "training_organisation"
    EMPLOYER = "employer"
    EMPLOYMENT_SERVICE = "employment_service"  # France Travail
    MISSION_LOCALE = "mission_locale"
    CAP_EMPLOI = "cap_emploi"
    ASSOCIATION = "association"
    FUNDER = "funder"


#: partners a person can be referred to directly (not through a session or a job offer)
REFERRAL_SERVICES = frozenset(
    {PartnerKind.EMPLOYMENT_SERVICE, PartnerKind.MISSION_LOCALE, PartnerKind.CAP_EMPLOI, PartnerKind.ASSOCIATION}
)


class FundingSource(StrEnum):
    """Who pays for a programme."""

    CPF = "cpf"  # compte personnel de formation
    FRANCE_TRAVAIL = "france_travail"
    REGION = "region"
    OPCO = "opco"
    EMPLOYER = "employer"
    FREE = "free"  # free for the learner, funded otherwise (grants, the platform)


class ReferralStatus(StrEnum):
    PROPOSED = "proposed"
    SENT = "sent"
    ACCEPTED = "accepted"
    REFUSED = "refused"
    WITHDRAWN = "withdrawn"


class AppointmentStatus(StrEnum):
    PLANNED = "planned"
    ARRIVED = "arrived"
    DONE = "done"
    MISSED = "missed"
    CANCELLED = "cancelled"


class UserRole(StrEnum):
    ADVISOR = "advisor"
    CAMPUS_MANAGER = "campus_manager"
    HQ_ADMIN = "hq_admin"


class EventKind(StrEnum):
    HACKATHON = "hackathon"
    CONTEST = "contest"  # innovation contest
    INFO_SESSION = "info_session"
    OUTREACH = "outreach"  # awareness action: schools, women, people with disabilities
    JOB_DATING = "job_dating"
    SCHOOL_VISIT = "school_visit"


class Audience(StrEnum):
    """Whom an event or an outreach action is for (a closed list: the indicators count reach per audience)."""

    PUPILS = "pupils"  # middle- and high-school pupils
    WOMEN = "women"
    DISABLED_PEOPLE = "disabled_people"
    PRIORITY_NEIGHBOURHOODS = "priority_neighbourhoods"  # residents of quartiers prioritaires (QPV)
    JOB_SEEKERS = "job_seekers"
    YOUNG_PEOPLE = "young_people"
    SENIORS = "seniors"
    EMPLOYERS = "employers"
    EVERYONE = "everyone"


class AttendanceStatus(StrEnum):
    REGISTERED = "registered"
    ATTENDED = "attended"
    ABSENT = "absent"
    CANCELLED = "cancelled"


class StartupStage(StrEnum):
    IDEA = "idea"
    CREATION = "creation"  # being created (statutes, registration)
    PROTOTYPE = "prototype"  # an earlier name of the creation stage, kept for records made with it
    LAUNCHED = "launched"
    GROWTH = "growth"
    CLOSED = "closed"


class VisitPurpose(StrEnum):
    """Why a walk-in visitor checked in at the kiosk."""

    APPOINTMENT = "appointment"
    PRE_REGISTRATION = "pre_registration"
    INFORMATION = "information"
    OTHER = "other"


class VisitStatus(StrEnum):
    WAITING = "waiting"
    CALLED = "called"
    SEEN = "seen"
    LEFT = "left"  # left before being seen


class PreRegistrationStatus(StrEnum):
    WAITING = "waiting"  # an advisor has not yet taken it
    CONVERTED = "converted"  # became a person's file through intake
    DISMISSED = "dismissed"


class ErasureReason(StrEnum):
    """Why a person is erased (GDPR): kept with the request as proof, with a reference, never the person's name."""

    PERSON_REQUEST = "person_request"  # the person asked (GDPR art. 17)
    END_OF_RETENTION = "end_of_retention"  # the retention period is over
    DUPLICATE = "duplicate"  # a file created twice by mistake
    OTHER = "other"


class AuditAction(StrEnum):
    """What a sensitive read recorded in the audit trail was (a closed list: HQ refuses any other code)."""

    RQTH_READ = "rqth_read"  # a disability recognition (RQTH) decision shown
    RESTRICTED_NOTE_READ = "restricted_note_read"  # one or more restricted notes shown
    PERSON_EXPORT = "person_export"  # one person's data exported (right of access)
    PEOPLE_EXPORT = "people_export"  # people exported (CSV, JSON, xlsx)
    PERSON_LOOKUP = "person_lookup"  # intake asked HQ whether someone is followed at another campus (at HQ)
