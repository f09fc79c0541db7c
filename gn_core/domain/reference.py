"""Reference lists, versioned in one place: communes, campuses, ZFU zones, consent texts, public partners.

Bump `REFERENCE_VERSION` whenever a list changes; it is stored with demo data and sent to HQ so both ends can tell
which lists a record was made against.
"""

from __future__ import annotations

from dataclasses import dataclass

REFERENCE_VERSION = "2025.1"


@dataclass(frozen=True, slots=True)
class Commune:
    insee: str
    name: str
    postcode: str


# The communes of Seine-Saint-Denis (93) since 1 January 2025, when Saint-Denis and Pierrefitte-sur-Seine merged into
# the commune nouvelle of Saint-Denis (INSEE 93066). 39 communes.
COMMUNES_93: tuple[Commune, ...] = (
    Commune("93001", "Aubervilliers", "93300"),
    Commune("93005", "Aulnay-sous-Bois", "93600"),
    Commune("93006", "Bagnolet", "93170"),
    Commune("93007", "Le Blanc-Mesnil", "93150"),
    Commune("93008", "Bobigny", "93000"),
    Commune("93010", "Bondy", "93140"),
    Commune("93013", "Le Bourget", "93350"),
    Commune("93014", "Clichy-sous-Bois", "93390"),
    Commune("93015", "Coubron", "93470"),
    Commune("93027", "La Courneuve", "93120"),
    Commune("93029", "Drancy", "93700"),
    Commune("93030", "Dugny", "93440"),
    Commune("93031", "Épinay-sur-Seine", "93800"),
    Commune("93032", "Gagny", "93220"),
    Commune("93033", "Gournay-sur-Marne", "93460"),
    Commune("93039", "L'Île-Saint-Denis", "93450"),
    Commune("93045", "Les Lilas", "93260"),
    Commune("93046", "Livry-Gargan", "93190"),
    Commune("93047", "Montfermeil", "93370"),
    Commune("93048", "Montreuil", "93100"),
    Commune("93049", "Neuilly-Plaisance", "93360"),
    Commune("93050", "Neuilly-sur-Marne", "93330"),
    Commune("93051", "Noisy-le-Grand", "93160"),
    Commune("93053", "Noisy-le-Sec", "93130"),
    Commune("93055", "Pantin", "93500"),
    Commune("93057", "Les Pavillons-sous-Bois", "93320"),
    Commune("93061", "Le Pré-Saint-Gervais", "93310"),
    Commune("93062", "Le Raincy", "93340"),
    Commune("93063", "Romainville", "93230"),
    Commune("93064", "Rosny-sous-Bois", "93110"),
    Commune("93066", "Saint-Denis", "93200"),
    Commune("93070", "Saint-Ouen-sur-Seine", "93400"),
    Commune("93071", "Sevran", "93270"),
    Commune("93072", "Stains", "93240"),
    Commune("93073", "Tremblay-en-France", "93290"),
    Commune("93074", "Vaujours", "93410"),
    Commune("93077", "Villemomble", "93250"),
    Commune("93078", "Villepinte", "93420"),
    Commune("93079", "Villetaneuse", "93430"),
)

COMMUNES_BY_INSEE = {c.insee: c for c in COMMUNES_93}

# Codes that no longer exist, mapped to the commune that replaced them (imports of old spreadsheets use these).
MERGED_COMMUNES = {"93059": "93066"}  # Pierrefitte-sur-Seine -> Saint-Denis (1 January 2025)

OTHER_COMMUNE = "other"  # lives outside Seine-Saint-Denis: the commune name is then kept as free text


def find_commune(text: str) -> Commune | None:
    """A commune of the 93 from its INSEE code, postcode or name (accents and case ignored); merged codes resolve."""
    from gn_core.domain.normalize import fold

    key = text.strip()
    key = MERGED_COMMUNES.get(key, key)
    if key in COMMUNES_BY_INSEE:
        return COMMUNES_BY_INSEE[key]
    folded = fold(key)
    if folded in ("pierrefitte sur seine", "pierrefitte"):
        return COMMUNES_BY_INSEE["93066"]
    for c in COMMUNES_93:
        if fold(c.name) == folded:
            return c
    postcode_matches = [c for c in COMMUNES_93 if c.postcode == key]
    return postcode_matches[0] if len(postcode_matches) == 1 else None


# The urban tax-free zones (zones franches urbaines) of the département, where accompanied startups may settle.
ZFU_ZONES: tuple[str, ...] = (
    "Aubervilliers",
    "Aulnay-sous-Bois",
    "Bondy",
    "Clichy-sous-Bois / Montfermeil",
    "La Courneuve",
    "Le Blanc-Mesnil / Dugny",
    "Noisy-le-Sec / Bobigny",
    "Pantin",
    "Saint-Denis / Épinay-sur-Seine / Villetaneuse",
    "Sevran",
)


def zfu_zone_of(commune_insee: str | None) -> str | None:
    """The urban tax-free zone of a commune of the département, or None. A ZFU covers part of its communes only: this
    tells that the address may be in one (to confirm against the zone's street list), not that it is."""
    commune = COMMUNES_BY_INSEE.get(commune_insee or "")
    if commune is None:
        return None
    return next((z for z in ZFU_ZONES if commune.name in (part.strip() for part in z.split("/"))), None)


@dataclass(frozen=True, slots=True)
class ConsentText:
    version: str
    purpose: str
    text_fr: str


# The texts people agree to. A consent record stores the version it was given against; never edit a published text,
# add a new version.
CONSENT_TEXTS: tuple[ConsentText, ...] = (
    ConsentText(
        "2025-01",
        "follow_up",
        "J'accepte que Le Grand Numérique enregistre les informations nécessaires à mon accompagnement "
        "(identité, coordonnées, situation, parcours) et les conserve au plus deux ans après mon dernier contact. "
        "Je peux à tout moment consulter, corriger ou faire effacer mes données auprès de mon conseiller.",
    ),
    ConsentText(
        "2025-01",
        "share_with_partners",
        "J'accepte que mon conseiller transmette mon dossier aux organismes de formation et employeurs "
        "partenaires vers lesquels je suis orienté.",
    ),
    ConsentText(
        "2025-01",
        "contact_by_sms",
        "J'accepte d'être contacté par SMS pour mes rendez-vous et les offres qui me concernent.",
    ),
    ConsentText(
        "2025-01",
        "newsletter",
        "J'accepte de recevoir la lettre d'information du Grand Numérique.",
    ),
    ConsentText(
        "2025-01",
        "rqth_recording",
        "J'accepte que la décision de reconnaissance de la qualité de travailleur handicapé (RQTH) et ses dates "
        "de validité soient enregistrées, sans aucune information médicale, pour adapter mon accompagnement.",
    ),
)

CURRENT_CONSENT_VERSION = "2025-01"


def consent_text(purpose: str, version: str = CURRENT_CONSENT_VERSION) -> ConsentText:
    for t in CONSENT_TEXTS:
        if t.purpose == purpose and t.version == version:
            return t
    raise KeyError(f"no consent text for {purpose!r} version {version!r}")


@dataclass(frozen=True, slots=True)
class CampusRef:
    code: str
    name: str
    commune_insee: str
    is_hq: bool = False


# The HQ in La Courneuve and the neighbourhood campuses of the demo network.
CAMPUSES: tuple[CampusRef, ...] = (
    CampusRef("LCO", "Siège — La Courneuve", "93027", is_hq=True),
    CampusRef("SDN", "Campus Saint-Denis", "93066"),
    CampusRef("AUB", "Campus Aubervilliers", "93001"),
    CampusRef("MTR", "Campus Montreuil", "93048"),
    CampusRef("BOB", "Campus Bobigny", "93008"),
    CampusRef("SEV", "Campus Sevran", "93071"),
    CampusRef("CSB", "Campus Clichy-sous-Bois", "93014"),
)


@dataclass(frozen=True, slots=True)
class PartnerRef:
    name: str
    kind: str
    job_families: tuple[str, ...] = ()


# Partners the platform names publicly.
PUBLIC_PARTNERS: tuple[PartnerRef, ...] = (
    PartnerRef("Simplon", "training_organisation", ("development", "data", "ai")),
    PartnerRef("École 42", "training_organisation", ("development", "cybersecurity", "infrastructure")),
    PartnerRef("Webforce3", "training_organisation", ("development", "cybersecurity")),
    PartnerRef("Descodeuses", "training_organisation", ("development", "data")),
    PartnerRef("Les Plombiers du Numérique", "training_organisation", ("infrastructure",)),
    PartnerRef("France Travail", "employment_service"),
    PartnerRef("Mission locale de Saint-Denis", "mission_locale"),
    PartnerRef("Mission locale de Bobigny", "mission_locale"),
    PartnerRef("Cap Emploi 93", "cap_emploi"),
    PartnerRef("Département de la Seine-Saint-Denis", "funder"),
    PartnerRef("Région Île-de-France", "funder"),
)
