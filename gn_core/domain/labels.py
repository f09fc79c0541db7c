"""Human labels of the domain's vocabularies, French first, then English (Arabic where the kiosk shows them).

The UI's own strings go through Qt translations; these labels belong to the domain because exports, the CLI
and HQ print them too.
"""

from __future__ import annotations

from enum import StrEnum

from gn_core.domain import enums as e

_ENTRIES: tuple[tuple[StrEnum, dict[str, str]], ...] = (
    (
        e.Situation.JOB_SEEKER,
        {
            "fr": "Demandeur d'emploi (France Travail)",
            "en": "Job seeker (France Travail)",
        },
    ),
    (e.Situation.YOUNG_UNDER_26, {"fr": "Jeune de moins de 26 ans", "en": "Young person under 26"}),
    (e.Situation.NEET, {"fr": "Sans emploi ni formation / décrocheur", "en": "NEET / school drop-out"}),
    (e.Situation.RETRAINING, {"fr": "En reconversion", "en": "Retraining"}),
    (e.Situation.EMPLOYEE, {"fr": "Salarié", "en": "Employee"}),
    (e.Situation.STUDENT, {"fr": "Étudiant", "en": "Student"}),
    (e.Situation.OTHER, {"fr": "Autre", "en": "Other"}),
    (e.EducationLevel.INFRA_3, {"fr": "Infra 3 (sans diplôme)", "en": "Below level 3 (no diploma)"}),
    (e.EducationLevel.LEVEL_3, {"fr": "Niveau 3 (CAP, BEP)", "en": "Level 3 (CAP, BEP)"}),
    (e.EducationLevel.LEVEL_4, {"fr": "Niveau 4 (bac)", "en": "Level 4 (baccalauréat)"}),
    (e.EducationLevel.LEVEL_5, {"fr": "Niveau 5 (bac+2)", "en": "Level 5 (2 years of higher education)"}),
    (e.EducationLevel.LEVEL_6, {"fr": "Niveau 6 (licence, bac+3)", "en": "Level 6 (bachelor)"}),
    (e.EducationLevel.LEVEL_7, {"fr": "Niveau 7 (master, bac+5)", "en": "Level 7 (master)"}),
    (e.EducationLevel.LEVEL_8, {"fr": "Niveau 8 (doctorat)", "en": "Level 8 (doctorate)"}),
    (e.Benefit.RSA, {"fr": "RSA", "en": "RSA (minimum income)"}),
    (e.Benefit.ARE, {"fr": "ARE", "en": "ARE (unemployment benefit)"}),
    (e.Benefit.ASS, {"fr": "ASS", "en": "ASS (solidarity allowance)"}),
    (e.Benefit.AAH, {"fr": "AAH", "en": "AAH (disability allowance)"}),
    (e.BarrierTheme.MOBILITY, {"fr": "Mobilité", "en": "Mobility"}),
    (e.BarrierTheme.HOUSING, {"fr": "Logement", "en": "Housing"}),
    (e.BarrierTheme.CHILDCARE, {"fr": "Garde d'enfants", "en": "Childcare"}),
    (e.BarrierTheme.HEALTH, {"fr": "Santé", "en": "Health"}),
    (e.BarrierTheme.DIGITAL_ADMIN, {"fr": "Démarches et numérique", "en": "Paperwork and digital access"}),
    (e.BarrierTheme.MONEY, {"fr": "Difficultés financières", "en": "Money"}),
    (e.BarrierTheme.FRENCH_LANGUAGE, {"fr": "Maîtrise du français", "en": "French language"}),
    (e.ReferralSource.FRANCE_TRAVAIL, {"fr": "France Travail", "en": "France Travail"}),
    (e.ReferralSource.MISSION_LOCALE, {"fr": "Mission locale", "en": "Mission locale"}),
    (e.ReferralSource.CAP_EMPLOI, {"fr": "Cap Emploi", "en": "Cap Emploi"}),
    (e.ReferralSource.WALK_IN, {"fr": "Venue spontanée", "en": "Walk-in"}),
    (e.ReferralSource.KIOSK, {"fr": "Borne d'accueil", "en": "Kiosk"}),
    (e.ReferralSource.EVENT, {"fr": "Événement", "en": "Event"}),
    (e.ReferralSource.OTHER, {"fr": "Autre", "en": "Other"}),
    (e.JobFamily.DEVELOPMENT, {"fr": "Développement", "en": "Development", "ar": "تطوير البرمجيات"}),
    (e.JobFamily.DATA, {"fr": "Data", "en": "Data", "ar": "البيانات"}),
    (
        e.JobFamily.AI,
        {
            "fr": "Intelligence artificielle",
            "en": "Artificial intelligence",
            "ar": "الذكاء الاصطناعي",
        },
    ),
    (e.JobFamily.CYBERSECURITY, {"fr": "Cybersécurité", "en": "Cybersecurity", "ar": "الأمن السيبراني"}),
    (
        e.JobFamily.INFRASTRUCTURE,
        {
            "fr": "Infrastructure et réseaux",
            "en": "Infrastructure",
            "ar": "البنية التحتية",
        },
    ),
    (e.JobFamily.VIDEO_GAMES, {"fr": "Jeu vidéo", "en": "Video games", "ar": "ألعاب الفيديو"}),
    (e.JobFamily.OTHER, {"fr": "Autre métier du numérique", "en": "Other digital job", "ar": "مهن رقمية أخرى"}),
    (e.Gender.FEMALE, {"fr": "Femme", "en": "Woman"}),
    (e.Gender.MALE, {"fr": "Homme", "en": "Man"}),
    (e.Gender.OTHER, {"fr": "Autre", "en": "Other"}),
    (e.Gender.UNDISCLOSED, {"fr": "Non précisé", "en": "Not stated"}),
    (e.ConsentPurpose.FOLLOW_UP, {"fr": "Suivi du parcours", "en": "Pathway follow-up"}),
    (
        e.ConsentPurpose.SHARE_WITH_PARTNERS,
        {
            "fr": "Partage avec les partenaires",
            "en": "Sharing with partners",
        },
    ),
    (e.ConsentPurpose.CONTACT_BY_SMS, {"fr": "Contact par SMS", "en": "Contact by text message"}),
    (e.ConsentPurpose.NEWSLETTER, {"fr": "Lettre d'information", "en": "Newsletter"}),
    (e.ConsentPurpose.RQTH_RECORDING, {"fr": "Enregistrement de la RQTH", "en": "Recording the RQTH decision"}),
    (e.LegalBasis.CONSENT, {"fr": "Consentement", "en": "Consent"}),
    (e.LegalBasis.PUBLIC_INTEREST, {"fr": "Mission d'intérêt public", "en": "Public interest"}),
    (e.LegalBasis.LEGITIMATE_INTEREST, {"fr": "Intérêt légitime", "en": "Legitimate interest"}),
    (e.LegalBasis.CONTRACT, {"fr": "Contrat", "en": "Contract"}),
    (e.LegalBasis.LEGAL_OBLIGATION, {"fr": "Obligation légale", "en": "Legal obligation"}),
    (e.PathwayStep.WELCOME, {"fr": "Accueil", "en": "Welcome"}),
    (e.PathwayStep.ASSESSMENT, {"fr": "Diagnostic", "en": "Assessment"}),
    (e.PathwayStep.ORIENTATION, {"fr": "Orientation", "en": "Orientation"}),
    (e.PathwayStep.TRAINING_REFERRED, {"fr": "Formation : orienté", "en": "Training: referred"}),
    (e.PathwayStep.TRAINING_ENROLLED, {"fr": "Formation : inscrit", "en": "Training: enrolled"}),
    (e.PathwayStep.TRAINING_IN_PROGRESS, {"fr": "Formation : en cours", "en": "Training: in progress"}),
    (e.PathwayStep.TRAINING_COMPLETED, {"fr": "Formation : terminée", "en": "Training: completed"}),
    (e.PathwayStep.TRAINING_DROPPED, {"fr": "Formation : abandon", "en": "Training: dropped"}),
    (e.PathwayStep.JOB_SEARCH, {"fr": "Recherche d'emploi", "en": "Job search"}),
    (e.PathwayStep.OUTCOME_HIRED, {"fr": "Sortie : emploi", "en": "Outcome: hired"}),
    (
        e.PathwayStep.OUTCOME_BUSINESS,
        {
            "fr": "Sortie : création d'entreprise",
            "en": "Outcome: business created",
        },
    ),
    (e.PathwayStep.OUTCOME_OTHER_EXIT, {"fr": "Sortie : autre", "en": "Outcome: other exit"}),
    (e.ContractType.CDI, {"fr": "CDI", "en": "Permanent contract"}),
    (e.ContractType.CDD, {"fr": "CDD", "en": "Fixed-term contract"}),
    (e.ContractType.APPRENTICESHIP, {"fr": "Alternance / apprentissage", "en": "Apprenticeship"}),
    (e.ContractType.INTERNSHIP, {"fr": "Stage", "en": "Internship"}),
    (e.ContractType.TEMP, {"fr": "Intérim", "en": "Temporary work"}),
    (e.ExitReason.MOVED_AWAY, {"fr": "Déménagement", "en": "Moved away"}),
    (e.ExitReason.NO_LONGER_REACHABLE, {"fr": "Plus joignable", "en": "No longer reachable"}),
    (e.ExitReason.OTHER_PROGRAMME, {"fr": "Autre dispositif", "en": "Other programme"}),
    (e.ExitReason.PERSONAL, {"fr": "Raisons personnelles", "en": "Personal reasons"}),
    (e.ExitReason.RETURNED_TO_STUDIES, {"fr": "Reprise d'études", "en": "Returned to studies"}),
    (e.ExitReason.OTHER, {"fr": "Autre", "en": "Other"}),
    (e.PartnerKind.TRAINING_ORGANISATION, {"fr": "Organisme de formation", "en": "Training organisation"}),
    (e.PartnerKind.EMPLOYER, {"fr": "Employeur", "en": "Employer"}),
    (e.PartnerKind.EMPLOYMENT_SERVICE, {"fr": "Service de l'emploi", "en": "Employment service"}),
    (e.PartnerKind.MISSION_LOCALE, {"fr": "Mission locale", "en": "Mission locale (youth employment)"}),
    (e.PartnerKind.CAP_EMPLOI, {"fr": "Cap Emploi", "en": "Cap Emploi (disability employment)"}),
    (e.PartnerKind.ASSOCIATION, {"fr": "Association", "en": "Association"}),
    (e.PartnerKind.FUNDER, {"fr": "Financeur", "en": "Funder"}),
    (e.FundingSource.CPF, {"fr": "CPF", "en": "Personal training account (CPF)"}),
    (e.FundingSource.FRANCE_TRAVAIL, {"fr": "France Travail", "en": "France Travail"}),
    (e.FundingSource.REGION, {"fr": "Région", "en": "Region"}),
    (e.FundingSource.OPCO, {"fr": "OPCO", "en": "OPCO (skills operator)"}),
    (e.FundingSource.EMPLOYER, {"fr": "Employeur", "en": "Employer"}),
    (e.FundingSource.FREE, {"fr": "Gratuit pour l'apprenant", "en": "Free for the learner"}),
    (e.ReferralStatus.PROPOSED, {"fr": "Proposée", "en": "Proposed"}),
    (e.ReferralStatus.SENT, {"fr": "Envoyée", "en": "Sent"}),
    (e.ReferralStatus.ACCEPTED, {"fr": "Acceptée", "en": "Accepted"}),
    (e.ReferralStatus.REFUSED, {"fr": "Refusée", "en": "Refused"}),
    (e.ReferralStatus.WITHDRAWN, {"fr": "Retirée", "en": "Withdrawn"}),
    (e.AppointmentStatus.PLANNED, {"fr": "Prévu", "en": "Planned"}),
    (e.AppointmentStatus.ARRIVED, {"fr": "Arrivé", "en": "Arrived"}),
    (e.AppointmentStatus.DONE, {"fr": "Réalisé", "en": "Done"}),
    (e.AppointmentStatus.MISSED, {"fr": "Absent", "en": "Missed"}),
    (e.AppointmentStatus.CANCELLED, {"fr": "Annulé", "en": "Cancelled"}),
    (e.UserRole.ADVISOR, {"fr": "Conseiller", "en": "Advisor"}),
    (e.UserRole.CAMPUS_MANAGER, {"fr": "Responsable de campus", "en": "Campus manager"}),
    (e.UserRole.HQ_ADMIN, {"fr": "Administrateur siège", "en": "HQ administrator"}),
    (e.EventKind.HACKATHON, {"fr": "Hackathon", "en": "Hackathon"}),
    (e.EventKind.CONTEST, {"fr": "Concours d'innovation", "en": "Innovation contest"}),
    (e.EventKind.INFO_SESSION, {"fr": "Réunion d'information", "en": "Information session"}),
    (e.EventKind.OUTREACH, {"fr": "Action de sensibilisation", "en": "Outreach action"}),
    (e.EventKind.JOB_DATING, {"fr": "Job dating", "en": "Job dating"}),
    (e.EventKind.SCHOOL_VISIT, {"fr": "Visite scolaire", "en": "School visit"}),
    (e.Audience.PUPILS, {"fr": "Collégiens et lycéens", "en": "School pupils"}),
    (e.Audience.WOMEN, {"fr": "Femmes", "en": "Women"}),
    (e.Audience.DISABLED_PEOPLE, {"fr": "Personnes en situation de handicap", "en": "People with disabilities"}),
    (
        e.Audience.PRIORITY_NEIGHBOURHOODS,
        {"fr": "Habitants des quartiers prioritaires", "en": "Residents of priority neighbourhoods"},
    ),
    (e.Audience.JOB_SEEKERS, {"fr": "Demandeurs d'emploi", "en": "Job seekers"}),
    (e.Audience.YOUNG_PEOPLE, {"fr": "Jeunes de moins de 26 ans", "en": "Young people under 26"}),
    (e.Audience.SENIORS, {"fr": "Seniors", "en": "Seniors"}),
    (e.Audience.EMPLOYERS, {"fr": "Employeurs", "en": "Employers"}),
    (e.Audience.EVERYONE, {"fr": "Tout public", "en": "Everyone"}),
    (e.AttendanceStatus.REGISTERED, {"fr": "Inscrit", "en": "Registered"}),
    (e.AttendanceStatus.ATTENDED, {"fr": "Présent", "en": "Attended"}),
    (e.AttendanceStatus.ABSENT, {"fr": "Absent", "en": "Absent"}),
    (e.AttendanceStatus.CANCELLED, {"fr": "Annulé", "en": "Cancelled"}),
    (e.StartupStage.IDEA, {"fr": "Idée", "en": "Idea"}),
    (e.StartupStage.CREATION, {"fr": "En création", "en": "Being created"}),
    (e.StartupStage.PROTOTYPE, {"fr": "Prototype", "en": "Prototype"}),
    (e.StartupStage.LAUNCHED, {"fr": "Lancée", "en": "Launched"}),
    (e.StartupStage.GROWTH, {"fr": "Croissance", "en": "Growth"}),
    (e.StartupStage.CLOSED, {"fr": "Fermée", "en": "Closed"}),
    (e.VisitPurpose.APPOINTMENT, {"fr": "Rendez-vous", "en": "Appointment", "ar": "موعد"}),
    (e.VisitPurpose.PRE_REGISTRATION, {"fr": "Pré-inscription", "en": "Pre-registration", "ar": "تسجيل مسبق"}),
    (e.VisitPurpose.INFORMATION, {"fr": "Information", "en": "Information", "ar": "معلومات"}),
    (e.VisitPurpose.OTHER, {"fr": "Autre", "en": "Other", "ar": "أخرى"}),
    (e.VisitStatus.WAITING, {"fr": "En attente", "en": "Waiting"}),
    (e.VisitStatus.CALLED, {"fr": "Appelé", "en": "Called"}),
    (e.VisitStatus.SEEN, {"fr": "Reçu", "en": "Seen"}),
    (e.VisitStatus.LEFT, {"fr": "Parti", "en": "Left"}),
    (e.PreRegistrationStatus.WAITING, {"fr": "À traiter", "en": "Waiting"}),
    (e.PreRegistrationStatus.CONVERTED, {"fr": "Inscrit", "en": "Enrolled"}),
    (e.PreRegistrationStatus.DISMISSED, {"fr": "Classée", "en": "Dismissed"}),
    (
        e.ErasureReason.PERSON_REQUEST,
        {
            "fr": "Demande de la personne (art. 17 RGPD)",
            "en": "The person's request (GDPR art. 17)",
        },
    ),
    (e.ErasureReason.END_OF_RETENTION, {"fr": "Fin de la durée de conservation", "en": "End of the retention period"}),
    (e.ErasureReason.DUPLICATE, {"fr": "Doublon créé par erreur", "en": "Duplicate created by mistake"}),
    (e.ErasureReason.OTHER, {"fr": "Autre motif", "en": "Other reason"}),
    (e.AuditAction.RQTH_READ, {"fr": "Lecture d'une RQTH", "en": "RQTH decision read"}),
    (e.AuditAction.RESTRICTED_NOTE_READ, {"fr": "Lecture de notes restreintes", "en": "Restricted notes read"}),
    (e.AuditAction.PERSON_EXPORT, {"fr": "Export des données d'une personne", "en": "One person's data exported"}),
    (e.AuditAction.PEOPLE_EXPORT, {"fr": "Export de personnes", "en": "People exported"}),
    (e.AuditAction.PERSON_LOOKUP, {"fr": "Recherche dans les autres campus", "en": "Lookup at other campuses"}),
)
#: keyed by vocabulary and value: values of different vocabularies are equal strings ("other")
_LABELS: dict[tuple[type[StrEnum], str], dict[str, str]] = {(type(k), k.value): v for k, v in _ENTRIES}
#: a plain string's label (a value whose vocabulary is not known): the last vocabulary with that value
_BY_VALUE: dict[str, dict[str, str]] = {k.value: v for k, v in _ENTRIES}


def label(value: StrEnum, lang: str = "fr") -> str:
    """The label of a vocabulary value in `lang`, falling back to French, then to the raw value."""
    known = isinstance(value, StrEnum)
    entry = _LABELS.get((type(value), value.value)) if known else _BY_VALUE.get(value)
    if entry is None:
        return str(value)
    return entry.get(lang) or entry["fr"]


def missing_labels() -> list[StrEnum]:
    """Values of every vocabulary that have no French label (a test keeps this empty)."""
    import inspect

    missing: list[StrEnum] = []
    for _, cls in inspect.getmembers(e, inspect.isclass):
        if issubclass(cls, StrEnum) and cls is not StrEnum:
            missing.extend(v for v in cls if (cls, v.value) not in _LABELS)
    return missing
