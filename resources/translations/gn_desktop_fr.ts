<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>AccessDocument</name>
    <message>
        <source>Personal data of %1</source>
        <translation>Données personnelles de %1</translation>
    </message>
    <message>
        <source>Exported on %1 by %2, at the request of the person (right of access, article 15 of the GDPR). This document holds everything recorded about them on this computer: every record and every change, with who made it and when. The JSON file beside it holds the same data in a structured form.</source>
        <translation>Export réalisé le %1 par %2, à la demande de la personne (droit d&apos;accès, article 15 du RGPD). Ce document contient tout ce qui est enregistré à son sujet sur ce poste : chaque enregistrement et chaque modification, avec qui l&apos;a faite et quand. Le fichier JSON joint contient les mêmes données sous une forme structurée.</translation>
    </message>
    <message>
        <source>Sensitive data</source>
        <translation>Données sensibles</translation>
    </message>
    <message>
        <source>Only the people whose work needs it see these data: the disability recognition decision (RQTH, its dates only, never a diagnosis) and the restricted notes.</source>
        <translation>Seules les personnes dont le travail l&apos;exige voient ces données : la décision de reconnaissance de la qualité de travailleur handicapé (RQTH, ses dates seulement, jamais un diagnostic) et les notes restreintes.</translation>
    </message>
    <message>
        <source>None.</source>
        <translation>Aucune.</translation>
    </message>
    <message>
        <source>History of changes</source>
        <translation>Historique des modifications</translation>
    </message>
    <message>
        <source>Identity and situation</source>
        <translation>Identité et situation</translation>
    </message>
    <message>
        <source>Consents</source>
        <translation>Consentements</translation>
    </message>
    <message>
        <source>Pathway</source>
        <translation>Parcours</translation>
    </message>
    <message>
        <source>Follow-up notes</source>
        <translation>Notes de suivi</translation>
    </message>
    <message>
        <source>Appointments</source>
        <translation>Rendez-vous</translation>
    </message>
    <message>
        <source>Referrals</source>
        <translation>Orientations</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Événements</translation>
    </message>
    <message>
        <source>Business</source>
        <translation>Entreprise</translation>
    </message>
    <message>
        <source>Kiosk pre-registrations</source>
        <translation>Pré-inscriptions à la borne</translation>
    </message>
    <message>
        <source>Kiosk visits</source>
        <translation>Passages à la borne</translation>
    </message>
    <message>
        <source>recorded on %1</source>
        <translation>enregistré le %1</translation>
    </message>
    <message>
        <source>created</source>
        <translation>création</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>modification</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>suppression</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Qui</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Quoi</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Modifications</translation>
    </message>
    <message>
        <source>head office</source>
        <translation>siège</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>Business founder</source>
        <translation>Fondateur d&apos;entreprise</translation>
    </message>
    <message>
        <source>Business support action</source>
        <translation>Action d&apos;accompagnement d&apos;entreprise</translation>
    </message>
</context>
<context>
    <name>AppointmentsTab</name>
    <message>
        <source>Selected appointment: choose one in the list</source>
        <translation>Rendez-vous sélectionné : choisissez-en un dans la liste</translation>
    </message>
    <message>
        <source>Selected appointment: %1</source>
        <translation>Rendez-vous sélectionné : %1</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Durée</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Objet</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Advisor</source>
        <translation>Conseiller</translation>
    </message>
    <message>
        <source>N&amp;ote (optional)</source>
        <translation>No&amp;te (facultative)</translation>
    </message>
    <message>
        <source>What happened: it goes into the follow-up notes</source>
        <translation>Ce qui s&apos;est passé : la note rejoint les notes de suivi</translation>
    </message>
    <message>
        <source>Mark &amp;done</source>
        <translation>Marquer réa&amp;lisé</translation>
    </message>
    <message>
        <source>Mark &amp;missed</source>
        <translation>Marquer abs&amp;ent</translation>
    </message>
    <message>
        <source>&amp;Cancel it</source>
        <translation>Annuler le rende&amp;z-vous</translation>
    </message>
    <message>
        <source>New &amp;time</source>
        <translation>Nou&amp;vel horaire</translation>
    </message>
    <message>
        <source>Mo&amp;ve</source>
        <translation>&amp;Déplacer</translation>
    </message>
    <message>
        <source>New appointment</source>
        <translation>Nouveau rendez-vous</translation>
    </message>
    <message>
        <source>&amp;When</source>
        <translation>&amp;Quand</translation>
    </message>
    <message>
        <source>D&amp;uration (min)</source>
        <translation>D&amp;urée (min)</translation>
    </message>
    <message>
        <source>Su&amp;bject</source>
        <translation>O&amp;bjet</translation>
    </message>
    <message>
        <source>&amp;Book</source>
        <translation>&amp;Planifier</translation>
    </message>
</context>
<context>
    <name>CatalogueList</name>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Restaurer</translation>
    </message>
    <message>
        <source>&amp;Archive</source>
        <translation>&amp;Archiver</translation>
    </message>
    <message>
        <source>An entry of the network: HQ keeps it.</source>
        <translation>Entrée du réseau : elle est tenue par le siège.</translation>
    </message>
    <message>
        <source>An entry of campus %1: that campus keeps it.</source>
        <translation>Entrée du campus %1 : c&apos;est ce campus qui la tient.</translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation>&amp;Nouveau…</translation>
    </message>
    <message>
        <source>&amp;Correct…</source>
        <translation>&amp;Corriger…</translation>
    </message>
    <message>
        <source>Show archived entries</source>
        <translation>Afficher les entrées archivées</translation>
    </message>
</context>
<context>
    <name>CataloguePage</name>
    <message>
        <source>Network (HQ)</source>
        <translation>Réseau (siège)</translation>
    </message>
    <message>
        <source>archived</source>
        <translation>archivée</translation>
    </message>
    <message>
        <source>Training sessions (%1)</source>
        <translation>Sessions de formation (%1)</translation>
    </message>
    <message>
        <source>Job offers (%1)</source>
        <translation>Offres d&apos;emploi (%1)</translation>
    </message>
    <message>
        <source>Partners (%1)</source>
        <translation>Partenaires (%1)</translation>
    </message>
    <message>
        <source>Programmes (%1)</source>
        <translation>Formations (%1)</translation>
    </message>
    <message>
        <source>committed to hire</source>
        <translation>engagé à recruter</translation>
    </message>
    <message numerus="yes">
        <source>%n week(s)</source>
        <translation>
            <numerusform>%n semaine</numerusform>
            <numerusform>%n semaines</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 sur %2</translation>
    </message>
    <message>
        <source>open</source>
        <translation>ouverte</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>close</translation>
    </message>
    <message>
        <source>Partners and programmes</source>
        <translation>Partenaires et formations</translation>
    </message>
    <message>
        <source>Training sessions</source>
        <translation>Sessions de formation</translation>
    </message>
    <message>
        <source>Job offers</source>
        <translation>Offres d&apos;emploi</translation>
    </message>
    <message>
        <source>Partners</source>
        <translation>Partenaires</translation>
    </message>
    <message>
        <source>Programmes</source>
        <translation>Formations</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>Commune</source>
        <translation>Commune</translation>
    </message>
    <message>
        <source>Kept by</source>
        <translation>Tenue par</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Programme</source>
        <translation>Formation</translation>
    </message>
    <message>
        <source>Training organisation</source>
        <translation>Organisme de formation</translation>
    </message>
    <message>
        <source>Job family</source>
        <translation>Métier</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Durée</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Niveau</translation>
    </message>
    <message>
        <source>Funding</source>
        <translation>Financement</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>Dates</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Lieu</translation>
    </message>
    <message>
        <source>Places left</source>
        <translation>Places restantes</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Poste</translation>
    </message>
    <message>
        <source>Employer</source>
        <translation>Employeur</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>Contrat</translation>
    </message>
    <message>
        <source>Posted on</source>
        <translation>Publiée le</translation>
    </message>
    <message>
        <source>Closes on</source>
        <translation>Close le</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
</context>
<context>
    <name>ConflictsInbox</name>
    <message>
        <source>(not on this campus)</source>
        <translation>(personne absente de ce poste)</translation>
    </message>
    <message>
        <source>Type the value to keep, or choose one of the two versions.</source>
        <translation>Tapez la valeur à garder, ou choisissez l&apos;une des deux versions.</translation>
    </message>
    <message numerus="yes">
        <source>%n decision(s) waiting to be sent to the head office</source>
        <translation>
            <numerusform>%n décision en attente d&apos;envoi au siège</numerusform>
            <numerusform>%n décisions en attente d&apos;envoi au siège</numerusform>
        </translation>
    </message>
    <message>
        <source>Your role does not allow you to read this information: a campus manager must settle this conflict.</source>
        <translation>Votre rôle ne permet pas de lire cette information : un responsable de campus doit régler ce conflit.</translation>
    </message>
    <message>
        <source>Original value</source>
        <translation>Valeur d&apos;origine</translation>
    </message>
    <message>
        <source>This campus</source>
        <translation>Ce campus</translation>
    </message>
    <message>
        <source>Other campus</source>
        <translation>Autre campus</translation>
    </message>
    <message>
        <source>the head office kept this campus&apos;s value (the most recent).</source>
        <translation>le siège a gardé la valeur de ce campus (la plus récente).</translation>
    </message>
    <message>
        <source>the head office kept the other campus&apos;s value (the most recent).</source>
        <translation>le siège a gardé la valeur de l&apos;autre campus (la plus récente).</translation>
    </message>
    <message>
        <source>Settled automatically: %1 Check it: keep it, or restore the other one.</source>
        <translation>Réglé automatiquement : %1 Vérifiez : gardez-la, ou rétablissez l&apos;autre.</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <source>%1 (deleted on one side)</source>
        <translation>%1 (supprimé d&apos;un côté)</translation>
    </message>
    <message>
        <source>existing record</source>
        <translation>fiche existante</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>supprimé</translation>
    </message>
    <message>
        <source>kept and changed</source>
        <translation>gardé et modifié</translation>
    </message>
    <message>
        <source>The same information was changed here and on another campus before they could synchronise. Choose the right value for each one: your decision is sent to the head office and to every campus.</source>
        <translation>La même information a été modifiée ici et sur un autre campus avant qu&apos;ils puissent se synchroniser. Choisissez la bonne valeur pour chacune : votre décision est envoyée au siège et à tous les campus.</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Personne</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>Information</translation>
    </message>
    <message>
        <source>Changed there (when, by whom)</source>
        <translation>Modifié là-bas (quand, par qui)</translation>
    </message>
    <message>
        <source>Conflicts to settle</source>
        <translation>Conflits à régler</translation>
    </message>
    <message>
        <source>No conflict to settle.</source>
        <translation>Aucun conflit à régler.</translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation>Garder la mienne</translation>
    </message>
    <message>
        <source>Keep the other</source>
        <translation>Garder l&apos;autre</translation>
    </message>
    <message>
        <source>Or type another value…</source>
        <translation>Ou tapez une autre valeur…</translation>
    </message>
    <message>
        <source>Keep this value</source>
        <translation>Garder cette valeur</translation>
    </message>
</context>
<context>
    <name>ConsentBoxes</name>
    <message>
        <source>Consent texts, version %1. Read them to the person before ticking.</source>
        <translation>Textes de consentement, version %1. Lisez-les à la personne avant de cocher.</translation>
    </message>
</context>
<context>
    <name>ConsentDialog</name>
    <message>
        <source>Withdraw a consent</source>
        <translation>Retirer un consentement</translation>
    </message>
    <message>
        <source>&lt;b&gt;Withdraw the consent “%1”&lt;/b&gt;</source>
        <translation>&lt;b&gt;Retirer le consentement « %1 »&lt;/b&gt;</translation>
    </message>
    <message>
        <source>The withdrawal is dated and kept in the history; the consent given before stays on record. The person may give it again later.</source>
        <translation>Le retrait est daté et conservé dans l&apos;historique ; le consentement donné auparavant reste enregistré. La personne pourra le redonner plus tard.</translation>
    </message>
    <message>
        <source>&amp;Withdrawn on</source>
        <translation>&amp;Retiré le</translation>
    </message>
    <message>
        <source>&amp;Withdraw the consent</source>
        <translation>Retirer le &amp;consentement</translation>
    </message>
    <message>
        <source>Record a consent</source>
        <translation>Enregistrer un consentement</translation>
    </message>
    <message>
        <source>&lt;b&gt;Record the consent “%1”&lt;/b&gt;</source>
        <translation>&lt;b&gt;Enregistrer le consentement « %1 »&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Read this text to the person (version %1) and record their agreement only if they accept:</source>
        <translation>Lisez ce texte à la personne (version %1) et n&apos;enregistrez son accord que si elle l&apos;accepte :</translation>
    </message>
    <message>
        <source>&amp;Given on</source>
        <translation>&amp;Donné le</translation>
    </message>
    <message>
        <source>&amp;Record the consent</source>
        <translation>&amp;Enregistrer le consentement</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Without this consent the person can no longer be followed: add no more notes, appointments or referrals to their file. The withdrawal shows at the top of their file. Offer them the erasure of their data (a campus manager does it).</source>
        <translation>Sans ce consentement, la personne ne peut plus être accompagnée : n&apos;ajoutez plus de note, de rendez-vous ni d&apos;orientation à son dossier. Le retrait s&apos;affiche en tête de sa fiche. Proposez-lui l&apos;effacement de ses données (fait par un responsable de campus).</translation>
    </message>
    <message>
        <source>Their file must no longer be passed to partner training organisations or employers. Referrals already made stay in the file.</source>
        <translation>Son dossier ne doit plus être transmis aux organismes de formation ni aux employeurs partenaires. Les orientations déjà faites restent dans le dossier.</translation>
    </message>
    <message>
        <source>They must no longer be contacted by text message: no appointment reminders, no offers by SMS.</source>
        <translation>Elle ne doit plus être contactée par SMS : ni rappel de rendez-vous, ni offre par SMS.</translation>
    </message>
    <message>
        <source>They will no longer receive the newsletter.</source>
        <translation>Elle ne recevra plus la lettre d&apos;information.</translation>
    </message>
    <message>
        <source>Their RQTH decision can no longer be recorded or corrected. The decision already recorded stays visible to the advisors and managers of the campus only, until the file is erased.</source>
        <translation>Sa décision RQTH ne pourra plus être enregistrée ni corrigée. La décision déjà enregistrée reste visible des seuls conseillers et responsables du campus, jusqu&apos;à l&apos;effacement du dossier.</translation>
    </message>
</context>
<context>
    <name>ConsentsTab</name>
    <message>
        <source>Not given</source>
        <translation>Non donné</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>Retiré</translation>
    </message>
    <message>
        <source>Given</source>
        <translation>Donné</translation>
    </message>
    <message>
        <source>Text of the consent (version %1):</source>
        <translation>Texte du consentement (version %1) :</translation>
    </message>
    <message>
        <source>This processing rests on “%1”, not on consent: it cannot be withdrawn. If the person objects to it, note it and tell the campus manager.</source>
        <translation>Ce traitement repose sur « %1 », pas sur un consentement : il ne se retire pas. Si la personne s&apos;y oppose, notez-le et prévenez le responsable du campus.</translation>
    </message>
    <message numerus="yes">
        <source>%n earlier record(s) of this consent are in the history.</source>
        <translation>
            <numerusform>%n enregistrement antérieur de ce consentement figure dans l&apos;historique.</numerusform>
            <numerusform>%n enregistrements antérieurs de ce consentement figurent dans l&apos;historique.</numerusform>
        </translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Finalité</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Legal basis</source>
        <translation>Base légale</translation>
    </message>
    <message>
        <source>Text version</source>
        <translation>Version du texte</translation>
    </message>
    <message>
        <source>Given on</source>
        <translation>Donné le</translation>
    </message>
    <message>
        <source>Withdrawn on</source>
        <translation>Retiré le</translation>
    </message>
    <message>
        <source>Consents of this person</source>
        <translation>Consentements de cette personne</translation>
    </message>
    <message>
        <source>&amp;Withdraw the consent…</source>
        <translation>Re&amp;tirer le consentement…</translation>
    </message>
    <message>
        <source>&amp;Record the consent…</source>
        <translation>&amp;Enregistrer le consentement…</translation>
    </message>
</context>
<context>
    <name>DetailsTab</name>
    <message>
        <source>%1: now %2</source>
        <translation>%1 : désormais %2</translation>
    </message>
    <message>
        <source>(you had typed: %1)</source>
        <translation>(vous aviez saisi : %1)</translation>
    </message>
    <message>
        <source>This file was changed while you were correcting it (on another computer, or in another window). Nothing was saved. The form now shows the new values:</source>
        <translation>Cette fiche a été modifiée pendant que vous la corrigiez (sur un autre poste, ou dans une autre fenêtre). Rien n&apos;a été enregistré. Le formulaire affiche maintenant les nouvelles valeurs :</translation>
    </message>
    <message>
        <source>Check them, apply your corrections again if they are still needed, then save.</source>
        <translation>Vérifiez-les, refaites vos corrections si elles sont toujours nécessaires, puis enregistrez.</translation>
    </message>
    <message>
        <source>Some fields need correcting: see the messages under them.</source>
        <translation>Certains champs sont à corriger : voyez les messages en dessous.</translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation>%1 : %2 → %3</translation>
    </message>
    <message>
        <source>Change the person&apos;s identity</source>
        <translation>Modifier l&apos;identité de la personne</translation>
    </message>
    <message>
        <source>You are about to change this person&apos;s identity:</source>
        <translation>Vous allez modifier l&apos;identité de cette personne :</translation>
    </message>
    <message>
        <source>Check it against an identity document: the name and birth date are how the person is found and told apart from others, here and at the head office.</source>
        <translation>Vérifiez-la sur une pièce d&apos;identité : c&apos;est par son nom et sa date de naissance que la personne est retrouvée et distinguée des autres, ici et au siège.</translation>
    </message>
    <message>
        <source>Change the identity</source>
        <translation>Modifier l&apos;identité</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Save the corrections (Ctrl+S)</source>
        <translation>Enregistrer les corrections (Ctrl+S)</translation>
    </message>
    <message>
        <source>&amp;Undo my changes</source>
        <translation>&amp;Annuler mes modifications</translation>
    </message>
    <message>
        <source>Every correction is kept in the history (who, when, the value before). Changing the name or birth date asks for a confirmation.</source>
        <translation>Chaque correction est conservée dans l&apos;historique (qui, quand, la valeur d&apos;avant). Modifier le nom ou la date de naissance demande une confirmation.</translation>
    </message>
</context>
<context>
    <name>DuplicatesTab</name>
    <message>
        <source>Asking the head office…</source>
        <translation>Question posée au siège…</translation>
    </message>
    <message>
        <source>This computer is not linked to the head office.</source>
        <translation>Ce poste n&apos;est pas relié au siège.</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>never</source>
        <translation>jamais</translation>
    </message>
    <message>
        <source>same name</source>
        <translation>même nom</translation>
    </message>
    <message>
        <source>close name</source>
        <translation>nom proche</translation>
    </message>
    <message>
        <source>same birth date</source>
        <translation>même date de naissance</translation>
    </message>
    <message>
        <source>same phone</source>
        <translation>même téléphone</translation>
    </message>
    <message>
        <source>same e-mail</source>
        <translation>même e-mail</translation>
    </message>
    <message>
        <source>No likely duplicate concerns this campus.</source>
        <translation>Aucun doublon probable ne concerne ce campus.</translation>
    </message>
    <message>
        <source>%1 pair(s) to review.</source>
        <translation>%1 paire(s) à examiner.</translation>
    </message>
    <message>
        <source>The head office compares every campus&apos;s people at each synchronisation. These files look like one person followed at two places. To merge them or mark them as two different people, tell the head office: the merge then reaches every computer by itself, and nothing written on either file is lost.</source>
        <translation>Le siège compare les personnes de tous les campus à chaque synchronisation. Ces dossiers semblent décrire une même personne suivie à deux endroits. Pour les fusionner, ou indiquer qu&apos;il s&apos;agit de deux personnes différentes, prévenez le siège : la fusion arrive ensuite d&apos;elle-même sur chaque poste, et rien de ce qui a été saisi dans l&apos;un ou l&apos;autre dossier n&apos;est perdu.</translation>
    </message>
    <message>
        <source>Ask the head office</source>
        <translation>Demander au siège</translation>
    </message>
    <message>
        <source>Likelihood</source>
        <translation>Probabilité</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Personne</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>Date de naissance</translation>
    </message>
    <message>
        <source>Campus</source>
        <translation>Campus</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Étape</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>Dernier contact</translation>
    </message>
    <message>
        <source>What agrees</source>
        <translation>Ce qui concorde</translation>
    </message>
</context>
<context>
    <name>EnrolBox</name>
    <message>
        <source>Head office address: type the full address given by the head office, starting with https://</source>
        <translation>Adresse du siège : saisissez l&apos;adresse complète donnée par le siège, qui commence par https://</translation>
    </message>
    <message>
        <source>Enrolment code: type the code given by the head office (XXXX-XXXX-XXXX-XXXX).</source>
        <translation>Code d&apos;inscription : saisissez le code donné par le siège (XXXX-XXXX-XXXX-XXXX).</translation>
    </message>
    <message>
        <source>This window has no synchronisation: restart the application.</source>
        <translation>Cette fenêtre n&apos;a pas de synchronisation : redémarrez l&apos;application.</translation>
    </message>
    <message>
        <source>Enrolling this computer…</source>
        <translation>Inscription de ce poste en cours…</translation>
    </message>
    <message>
        <source>This computer is enrolled: the first synchronisation is starting.</source>
        <translation>Ce poste est inscrit : la première synchronisation commence.</translation>
    </message>
    <message>
        <source>This computer is not enrolled with the head office</source>
        <translation>Ce poste n&apos;est pas inscrit auprès du siège</translation>
    </message>
    <message>
        <source>The application works fully without the head office: everything stays on this computer. To share the campus&apos;s work with the head office and the other campuses, ask the head office for an enrolment code, then type it here with the head office address (once per computer):</source>
        <translation>L&apos;application fonctionne entièrement sans le siège : tout reste sur ce poste. Pour partager le travail du campus avec le siège et les autres campus, demandez un code d&apos;inscription au siège, puis saisissez-le ici avec l&apos;adresse du siège (une fois par poste) :</translation>
    </message>
    <message>
        <source>&amp;Head office address</source>
        <translation>&amp;Adresse du siège</translation>
    </message>
    <message>
        <source>Enrolment &amp;code</source>
        <translation>&amp;Code d&apos;inscription</translation>
    </message>
    <message>
        <source>&amp;Enrol this computer</source>
        <translation>&amp;Inscrire ce poste</translation>
    </message>
    <message>
        <source>The synchronisation then starts by itself; the changes made before are sent too. The same can be done from the command line (technical contact):</source>
        <translation>La synchronisation démarre alors d&apos;elle-même ; les modifications faites avant partent aussi. La même chose peut se faire en ligne de commande (contact technique) :</translation>
    </message>
</context>
<context>
    <name>EraseDialog</name>
    <message>
        <source>Erase a person</source>
        <translation>Effacer une personne</translation>
    </message>
    <message>
        <source>&lt;b&gt;Erase %1 for good&lt;/b&gt;</source>
        <translation>&lt;b&gt;Effacer définitivement %1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Every record of this person is deleted from this computer now: identity, pathway, notes, appointments, referrals, consents, RQTH and their history. At the next synchronisation the head office erases them everywhere, on every campus. This cannot be undone. Only the request is kept, with its reason and reference and without the name.</source>
        <translation>Toutes les données de cette personne sont supprimées de ce poste dès maintenant : identité, parcours, notes, rendez-vous, orientations, consentements, RQTH et leur historique. À la prochaine synchronisation, le siège les efface partout, sur tous les campus. C&apos;est irréversible. Seule la demande est conservée, avec son motif et sa référence, sans le nom.</translation>
    </message>
    <message>
        <source>e.g. the ticket number of the request — never the person&apos;s name</source>
        <translation>par exemple le numéro du ticket de la demande — jamais le nom de la personne</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>&amp;Motif</translation>
    </message>
    <message>
        <source>Re&amp;ference</source>
        <translation>Ré&amp;férence</translation>
    </message>
    <message>
        <source>To confirm, type the person&apos;s name (%1)</source>
        <translation>Pour confirmer, saisissez le nom de la personne (%1)</translation>
    </message>
    <message>
        <source>&amp;Erase for good</source>
        <translation>&amp;Effacer définitivement</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>EventDialog</name>
    <message>
        <source>Event</source>
        <translation>Événement</translation>
    </message>
    <message>
        <source>Correct an event</source>
        <translation>Corriger un événement</translation>
    </message>
    <message>
        <source>New event or outreach action</source>
        <translation>Nouvel événement ou action de sensibilisation</translation>
    </message>
    <message>
        <source>open access</source>
        <translation>accès libre</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>&amp;Intitulé</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>&amp;Type</translation>
    </message>
    <message>
        <source>&amp;Starts</source>
        <translation>&amp;Début</translation>
    </message>
    <message>
        <source>&amp;Ends</source>
        <translation>&amp;Fin</translation>
    </message>
    <message>
        <source>&amp;Places</source>
        <translation>&amp;Places</translation>
    </message>
    <message>
        <source>&amp;Audiences</source>
        <translation>&amp;Publics visés</translation>
    </message>
    <message>
        <source>In &amp;words</source>
        <translation>En &amp;clair</translation>
    </message>
    <message>
        <source>&amp;Description</source>
        <translation>&amp;Description</translation>
    </message>
</context>
<context>
    <name>EventsPage</name>
    <message>
        <source>Registrations: %1</source>
        <translation>Inscriptions : %1</translation>
    </message>
    <message>
        <source>Registrations</source>
        <translation>Inscriptions</translation>
    </message>
    <message>
        <source>Choose a registered person first.</source>
        <translation>Choisissez d&apos;abord une personne inscrite.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Enregistré.</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Événements</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Événement</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>Début</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>Inscrits</translation>
    </message>
    <message>
        <source>Attended</source>
        <translation>Présents</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Personne</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>Présence</translation>
    </message>
    <message>
        <source>Mark &amp;present</source>
        <translation>Marquer &amp;présent</translation>
    </message>
    <message>
        <source>Mark a&amp;bsent</source>
        <translation>Marquer a&amp;bsent</translation>
    </message>
    <message>
        <source>Kiosk sign-ups to confirm (%1)</source>
        <translation>Inscriptions à la borne à confirmer (%1)</translation>
    </message>
    <message>
        <source>No known person: register them from the home page</source>
        <translation>Aucune personne connue : inscrivez-la depuis l&apos;accueil</translation>
    </message>
    <message>
        <source>Nobody found: check the spelling, or search by phone.</source>
        <translation>Aucune personne trouvée : vérifiez l&apos;orthographe, ou cherchez par téléphone.</translation>
    </message>
    <message>
        <source>Choose an event, then find the person to register.</source>
        <translation>Choisissez un événement, puis cherchez la personne à inscrire.</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Restaurer</translation>
    </message>
    <message>
        <source>&amp;Archive</source>
        <translation>&amp;Archiver</translation>
    </message>
    <message>
        <source>archived</source>
        <translation>archivé</translation>
    </message>
    <message>
        <source>Events and outreach</source>
        <translation>Événements et sensibilisation</translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation>&amp;Nouveau…</translation>
    </message>
    <message>
        <source>&amp;Correct…</source>
        <translation>&amp;Corriger…</translation>
    </message>
    <message>
        <source>Show archived events</source>
        <translation>Afficher les événements archivés</translation>
    </message>
    <message>
        <source>Audiences</source>
        <translation>Publics</translation>
    </message>
    <message>
        <source>Register a person followed here</source>
        <translation>Inscrire une personne suivie ici</translation>
    </message>
    <message>
        <source>Name, phone or e-mail</source>
        <translation>Nom, téléphone ou e-mail</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Chercher</translation>
    </message>
    <message>
        <source>Re&amp;gister</source>
        <translation>&amp;Inscrire</translation>
    </message>
    <message>
        <source>Kiosk sign-ups to confirm</source>
        <translation>Inscriptions à la borne à confirmer</translation>
    </message>
    <message>
        <source>Name typed</source>
        <translation>Nom saisi</translation>
    </message>
    <message>
        <source>Phone or e-mail</source>
        <translation>Téléphone ou e-mail</translation>
    </message>
    <message>
        <source>It is this person: re&amp;gister</source>
        <translation>C&apos;est cette personne : &amp;inscrire</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>People (enrolled in the period)</source>
        <translation>Personnes (inscrites sur la période)</translation>
    </message>
    <message>
        <source>Referrals</source>
        <translation>Orientations</translation>
    </message>
    <message>
        <source>Events, with attendance</source>
        <translation>Événements, avec les présences</translation>
    </message>
    <message>
        <source>Startups (created in the period)</source>
        <translation>Startups (créées sur la période)</translation>
    </message>
    <message>
        <source>Outcomes (jobs, businesses created, other exits)</source>
        <translation>Sorties (emplois, entreprises créées, autres sorties)</translation>
    </message>
    <message>
        <source>People whose enrolment date falls in the period.</source>
        <translation>Les personnes dont la date d&apos;inscription est dans la période.</translation>
    </message>
    <message>
        <source>Referrals made in the period, with their current status.</source>
        <translation>Les orientations faites pendant la période, avec leur statut actuel.</translation>
    </message>
    <message>
        <source>Events that start in the period: one line per registered person and attendance.</source>
        <translation>Les événements qui commencent dans la période : une ligne par personne inscrite, avec sa présence.</translation>
    </message>
    <message>
        <source>Startups created in the period (without a creation date: untick the period).</source>
        <translation>Les startups créées dans la période (sans date de création : décochez la période).</translation>
    </message>
    <message>
        <source>Outcomes recorded in the period.</source>
        <translation>Les sorties enregistrées dans la période.</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Classeur Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV file for Excel (*.csv)</source>
        <translation>Fichier CSV pour Excel (*.csv)</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>Exporter vers</translation>
    </message>
    <message>
        <source>%1 lines written to %2.</source>
        <translation>%1 lignes écrites dans %2.</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <source>An extract of this computer&apos;s data for a spreadsheet. Comments, notes and disability (RQTH) data are never exported. The export is recorded in the audit trail.</source>
        <translation>Une extraction des données de ce poste pour un tableur. Les commentaires, les notes et les données de handicap (RQTH) ne sont jamais exportés. L&apos;export est enregistré dans le journal d&apos;audit.</translation>
    </message>
    <message>
        <source>&amp;What</source>
        <translation>&amp;Quoi</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>&amp;Du</translation>
    </message>
    <message>
        <source>to</source>
        <translation>au</translation>
    </message>
    <message>
        <source>F&amp;ormat</source>
        <translation>F&amp;ormat</translation>
    </message>
    <message>
        <source>Excel workbook (.xlsx)</source>
        <translation>Classeur Excel (.xlsx)</translation>
    </message>
    <message>
        <source>CSV for Excel (semicolons)</source>
        <translation>CSV pour Excel (points-virgules)</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exporter…</translation>
    </message>
</context>
<context>
    <name>FilesMenu</name>
    <message>
        <source>&amp;Import people…</source>
        <translation>&amp;Importer des personnes…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exporter…</translation>
    </message>
</context>
<context>
    <name>FiltersBar</name>
    <message>
        <source>&amp;My people</source>
        <translation>&amp;Mes personnes</translation>
    </message>
    <message>
        <source>The people you are the referent advisor of</source>
        <translation>Les personnes dont vous êtes le conseiller référent</translation>
    </message>
    <message>
        <source>S&amp;tep</source>
        <translation>É&amp;tape</translation>
    </message>
    <message>
        <source>All steps</source>
        <translation>Toutes les étapes</translation>
    </message>
    <message>
        <source>Last &amp;contact</source>
        <translation>Dernier &amp;contact</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>Peu importe</translation>
    </message>
    <message>
        <source>No contact for %1 days</source>
        <translation>Sans contact depuis %1 jours</translation>
    </message>
</context>
<context>
    <name>FollowedElsewhere</name>
    <message>
        <source>Tick the person&apos;s consent first.</source>
        <translation>Cochez d&apos;abord l&apos;accord de la personne.</translation>
    </message>
    <message>
        <source>The head office could not be reached: try again in a moment.</source>
        <translation>Le siège n&apos;a pas pu être joint : réessayez dans un instant.</translation>
    </message>
    <message>
        <source>Share requested from the %1 campus. If it accepts, the file arrives on this computer at the next synchronisation: find it with the search instead of creating a new file. The answer shows in Synchronisation › File requests.</source>
        <translation>Partage demandé au campus %1. S&apos;il l&apos;accepte, le dossier arrivera sur ce poste à la prochaine synchronisation : retrouvez-le alors avec la recherche plutôt que de créer un nouveau dossier. La réponse s&apos;affiche dans Synchronisation › Demandes de dossier.</translation>
    </message>
    <message>
        <source>Transfer requested from the %1 campus. If it accepts, the file arrives on this computer at the next synchronisation and this campus follows the person: no need to create a new file. The answer shows in Synchronisation › File requests.</source>
        <translation>Transfert demandé au campus %1. S&apos;il l&apos;accepte, le dossier arrivera sur ce poste à la prochaine synchronisation et ce campus suivra la personne : inutile de créer un nouveau dossier. La réponse s&apos;affiche dans Synchronisation › Demandes de dossier.</translation>
    </message>
    <message>
        <source>This person seems already followed at the %1 campus (strong match)</source>
        <translation>Cette personne semble déjà suivie au campus %1 (correspondance forte)</translation>
    </message>
    <message>
        <source>This person may already be followed at the %1 campus (possible match)</source>
        <translation>Cette personne est peut-être déjà suivie au campus %1 (correspondance possible)</translation>
    </message>
    <message>
        <source>Request a &amp;share</source>
        <translation>Demander un &amp;partage</translation>
    </message>
    <message>
        <source>Request a &amp;transfer</source>
        <translation>Demander un &amp;transfert</translation>
    </message>
    <message>
        <source>That campus can share the file with this campus (both follow the person) or transfer it here. Ask the person first: the request goes with their consent.</source>
        <translation>Ce campus peut partager le dossier avec le vôtre (les deux campus suivent alors la personne) ou vous le transférer. Demandez d&apos;abord son accord à la personne : la demande part avec son consentement.</translation>
    </message>
    <message>
        <source>The person &amp;agrees to their file being shared with or transferred to this campus</source>
        <translation>La personne &amp;accepte que son dossier soit partagé avec notre campus ou transféré ici</translation>
    </message>
</context>
<context>
    <name>HistoryTab</name>
    <message>
        <source>created</source>
        <extracomment>fields read first (before the others, alphabetical), so that a long line cut at its end keeps what happened</extracomment>
        <translation>création</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>modification</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>suppression</translation>
    </message>
    <message>
        <source>created elsewhere, received from the head office (earlier changes are kept there)</source>
        <translation>créée ailleurs, reçue du siège (les modifications antérieures y sont conservées)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Qui</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Quoi</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Modifications</translation>
    </message>
    <message>
        <source>History of changes</source>
        <translation>Historique des modifications</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <source>Loading…</source>
        <extracomment>how often the page looks for new walk-ins</extracomment>
        <translation>Chargement…</translation>
    </message>
    <message>
        <source>The figures could not be loaded: %1</source>
        <translation>Les chiffres n&apos;ont pas pu être chargés : %1</translation>
    </message>
    <message>
        <source>Someone has just arrived at the reception: %1</source>
        <translation>Quelqu&apos;un vient d&apos;arriver à l&apos;accueil : %1</translation>
    </message>
    <message>
        <source>visitor</source>
        <translation>visiteur</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualiser</translation>
    </message>
    <message>
        <source>Reload (F5)</source>
        <translation>Recharger (F5)</translation>
    </message>
    <message>
        <source>Today&apos;s appointments</source>
        <translation>Rendez-vous du jour</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Personne</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Objet</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Waiting at the reception</source>
        <translation>En attente à l&apos;accueil</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Arrived</source>
        <translation>Arrivée</translation>
    </message>
    <message>
        <source>Re&amp;ceive</source>
        <translation>&amp;Recevoir</translation>
    </message>
    <message>
        <source>Open their file, or start their registration from the kiosk form</source>
        <translation>Ouvrir sa fiche, ou commencer son inscription à partir du formulaire de la borne</translation>
    </message>
    <message>
        <source>Follow-ups due</source>
        <translation>Suivis à faire</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Pourquoi</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>&amp;Done: contact made</source>
        <translation>Fait : c&amp;ontact pris</translation>
    </message>
    <message>
        <source>Records a contact today: the person leaves the list</source>
        <translation>Enregistre un contact aujourd&apos;hui : la personne quitte la liste</translation>
    </message>
    <message>
        <source>&amp;Snooze until</source>
        <translation>Reporter a&amp;u</translation>
    </message>
    <message>
        <source>Sn&amp;ooze</source>
        <translation>Repor&amp;ter</translation>
    </message>
    <message>
        <source>The person leaves the list until that day, on every computer of the campus</source>
        <translation>La personne quitte la liste jusqu&apos;à ce jour-là, sur tous les postes du campus</translation>
    </message>
    <message>
        <source>Training ends soon</source>
        <translation>Fin de formation proche</translation>
    </message>
    <message>
        <source>No contact for 30 days</source>
        <translation>Sans contact depuis 30 jours</translation>
    </message>
    <message>
        <source>Missed appointment</source>
        <translation>Rendez-vous manqué</translation>
    </message>
    <message>
        <source>No outcome 3 months after training</source>
        <translation>Sans sortie 3 mois après la formation</translation>
    </message>
    <message>
        <source>File anonymised on %1 without a new contact</source>
        <translation>Dossier anonymisé le %1 sans nouveau contact</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>Accueil</translation>
    </message>
    <message>
        <source>No campus is configured on this computer yet: the figures cover everyone stored here.</source>
        <translation>Aucun campus n&apos;est encore configuré sur ce poste : les chiffres portent sur toutes les personnes enregistrées ici.</translation>
    </message>
    <message>
        <source>Today: %1</source>
        <translation>Aujourd&apos;hui : %1</translation>
    </message>
    <message numerus="yes">
        <source>people followed</source>
        <translation>
            <numerusform>personne suivie</numerusform>
            <numerusform>personnes suivies</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>appointments today</source>
        <translation>
            <numerusform>rendez-vous aujourd&apos;hui</numerusform>
            <numerusform>rendez-vous aujourd&apos;hui</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>waiting at the reception</source>
        <translation>
            <numerusform>personne en attente à l&apos;accueil</numerusform>
            <numerusform>personnes en attente à l&apos;accueil</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>follow-ups due</source>
        <translation>
            <numerusform>suivi à faire</numerusform>
            <numerusform>suivis à faire</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>changes waiting to be synchronised</source>
        <translation>
            <numerusform>modification en attente de synchronisation</numerusform>
            <numerusform>modifications en attente de synchronisation</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Choose the file to import</source>
        <translation>Choisir le fichier à importer</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.csv *.json);;All files (*)</source>
        <translation>Tableaux (*.xlsx *.csv *.json);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>%1: %2 lines read. Created: %3. Updated: %4. Unchanged: %5.</source>
        <translation>%1 : %2 lignes lues. Créées : %3. Mises à jour : %4. Inchangées : %5.</translation>
    </message>
    <message>
        <source>%1 lines in error were skipped (below).</source>
        <translation>%1 lignes en erreur ont été ignorées (ci-dessous).</translation>
    </message>
    <message>
        <source>Columns not recognised, ignored: %1.</source>
        <translation>Colonnes non reconnues, ignorées : %1.</translation>
    </message>
    <message>
        <source>Import refused: %1 lines of %2 are in error, nobody was imported.</source>
        <translation>Import refusé : %1 lignes du fichier %2 sont en erreur, personne n&apos;a été importé.</translation>
    </message>
    <message>
        <source>Correct these lines in the file and import it again, or tick “import only the valid lines”.</source>
        <translation>Corrigez ces lignes dans le fichier et importez-le à nouveau, ou cochez « importer seulement les lignes valides ».</translation>
    </message>
    <message>
        <source>Import people</source>
        <translation>Importer des personnes</translation>
    </message>
    <message>
        <source>A CSV file (as Excel saves it), an Excel workbook (.xlsx, its first sheet) or an export of another campus. The first line names the columns, with at least “Prénom” and “Nom”. A person whose “Identifiant” is known here is updated; the others are created. If any line is in error, nobody is imported.</source>
        <translation>Un fichier CSV (tel qu&apos;Excel l&apos;enregistre), un classeur Excel (.xlsx, sa première feuille) ou l&apos;export d&apos;un autre campus. La première ligne donne le nom des colonnes, avec au moins « Prénom » et « Nom ». Une personne dont l&apos;« Identifiant » est connu ici est mise à jour ; les autres sont créées. Si une ligne est en erreur, personne n&apos;est importé.</translation>
    </message>
    <message>
        <source>&amp;Choose a file…</source>
        <translation>&amp;Choisir un fichier…</translation>
    </message>
    <message>
        <source>Import only the valid lines (skip the lines in error)</source>
        <translation>Importer seulement les lignes valides (ignorer les lignes en erreur)</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importer</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Ligne</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Colonne</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problème</translation>
    </message>
    <message>
        <source>No file chosen</source>
        <translation>Aucun fichier choisi</translation>
    </message>
</context>
<context>
    <name>IntakePage</name>
    <message>
        <source>Pre-filled from the kiosk form: check each page with the person.</source>
        <translation>Prérempli d&apos;après le formulaire de la borne : vérifiez chaque page avec la personne.</translation>
    </message>
    <message>
        <source>A registration started on %1 was not finished (%2). Resume it?</source>
        <translation>Une inscription commencée le %1 n&apos;a pas été terminée (%2). La reprendre ?</translation>
    </message>
    <message>
        <source>no name yet</source>
        <translation>pas encore de nom</translation>
    </message>
    <message>
        <source>Registration abandoned.</source>
        <translation>Inscription abandonnée.</translation>
    </message>
    <message>
        <source>Check the people already registered: open their file, or tick that this is someone else.</source>
        <translation>Vérifiez les personnes déjà inscrites : ouvrez leur fiche, ou cochez qu&apos;il s&apos;agit d&apos;une autre personne.</translation>
    </message>
    <message>
        <source>Correct the fields marked in red.</source>
        <translation>Corrigez les champs signalés en rouge.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
    <message>
        <source>Person registered.</source>
        <translation>Personne inscrite.</translation>
    </message>
    <message>
        <source>New registration</source>
        <translation>Nouvelle inscription</translation>
    </message>
    <message>
        <source>1. Identity</source>
        <translation>1. Identité</translation>
    </message>
    <message>
        <source>2. Contact</source>
        <translation>2. Coordonnées</translation>
    </message>
    <message>
        <source>3. Situation</source>
        <translation>3. Situation</translation>
    </message>
    <message>
        <source>4. Barriers</source>
        <translation>4. Freins</translation>
    </message>
    <message>
        <source>5. Target jobs</source>
        <translation>5. Métiers visés</translation>
    </message>
    <message>
        <source>6. Consents</source>
        <translation>6. Consentements</translation>
    </message>
    <message>
        <source>Identity — search before creating</source>
        <translation>Identité — recherche avant création</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Coordonnées</translation>
    </message>
    <message>
        <source>Situation</source>
        <translation>Situation</translation>
    </message>
    <message>
        <source>Barriers to employment</source>
        <translation>Freins à l&apos;emploi</translation>
    </message>
    <message>
        <source>Target jobs</source>
        <translation>Métiers visés</translation>
    </message>
    <message>
        <source>Consents</source>
        <translation>Consentements</translation>
    </message>
    <message>
        <source>Tick the themes the person mentions; details go in a note of their file, not here.</source>
        <translation>Cochez les thèmes que la personne évoque ; les détails vont dans une note de sa fiche, pas ici.</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>&amp;Reprendre</translation>
    </message>
    <message>
        <source>&amp;Abandon it</source>
        <translation>&amp;L&apos;abandonner</translation>
    </message>
    <message>
        <source>← &amp;Previous (Alt+←)</source>
        <translation>← &amp;Précédent (Alt+←)</translation>
    </message>
    <message>
        <source>&amp;Next (Alt+→) →</source>
        <translation>&amp;Suivant (Alt+→) →</translation>
    </message>
    <message>
        <source>&amp;Save the person (Ctrl+S)</source>
        <translation>&amp;Enregistrer la personne (Ctrl+S)</translation>
    </message>
    <message>
        <source>Abandon this registration</source>
        <translation>Abandonner cette inscription</translation>
    </message>
</context>
<context>
    <name>JobDialog</name>
    <message>
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
</context>
<context>
    <name>LikelyMatches</name>
    <message numerus="yes">
        <source>%n person(s) already registered may be the same: open their file, or confirm this is someone else.</source>
        <translation>
            <numerusform>%n personne déjà inscrite est peut-être la même : ouvrez sa fiche, ou confirmez qu&apos;il s&apos;agit d&apos;une autre personne.</numerusform>
            <numerusform>%n personnes déjà inscrites sont peut-être la même : ouvrez leur fiche, ou confirmez qu&apos;il s&apos;agit d&apos;une autre personne.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nobody registered matches this name and birth date.</source>
        <translation>Aucune personne inscrite ici ne correspond à ce nom et à cette date de naissance.</translation>
    </message>
    <message>
        <source>Type the name and birth date: people already registered show here.</source>
        <translation>Saisissez le nom et la date de naissance : les personnes déjà inscrites s&apos;affichent ici.</translation>
    </message>
    <message>
        <source>Already registered?</source>
        <translation>Déjà inscrit ?</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>Date de naissance</translation>
    </message>
    <message>
        <source>Campus</source>
        <translation>Campus</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Pourquoi</translation>
    </message>
    <message>
        <source>People already registered who may be the same</source>
        <translation>Personnes déjà inscrites qui sont peut-être la même</translation>
    </message>
    <message>
        <source>&amp;Open this file</source>
        <translation>&amp;Ouvrir cette fiche</translation>
    </message>
    <message>
        <source>This is &amp;someone else: create a new file</source>
        <translation>C&apos;est une &amp;autre personne : créer une nouvelle fiche</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Home</source>
        <translation>Accueil</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personnes</translation>
    </message>
    <message>
        <source>New registration</source>
        <translation>Nouvelle inscription</translation>
    </message>
    <message>
        <source>Partners</source>
        <translation>Partenaires</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Événements</translation>
    </message>
    <message>
        <source>Synchronisation</source>
        <translation>Synchronisation</translation>
    </message>
    <message>
        <source>Pilotage</source>
        <translation>Pilotage</translation>
    </message>
    <message>
        <source>%1 (Ctrl+%2)</source>
        <translation>%1 (Ctrl+%2)</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>Rubriques</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>À &amp;propos</translation>
    </message>
    <message>
        <source>Lock (Ctrl+L)</source>
        <translation>Verrouiller (Ctrl+L)</translation>
    </message>
    <message>
        <source>Signed in: %1</source>
        <translation>Connecté : %1</translation>
    </message>
    <message>
        <source>Offline — data stays on this computer</source>
        <translation>Hors ligne — les données restent sur ce poste</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <source>The campus&apos;s data has been received from the head office, and your account is not in it: sign in with your account of this campus.</source>
        <extracomment>changes waiting, from whichever read came last (the home figures or the sync page)</extracomment>
        <translation>Les données du campus ont été reçues du siège et votre compte n&apos;y figure pas : connectez-vous avec votre compte de ce campus.</translation>
    </message>
    <message>
        <source>Le Grand Numérique — %1</source>
        <translation>Le Grand Numérique — %1</translation>
    </message>
    <message>
        <source>Le Grand Numérique — no campus configured</source>
        <translation>Le Grand Numérique — aucun campus configuré</translation>
    </message>
    <message>
        <source>No changes waiting to be synchronised</source>
        <translation>Aucune modification en attente de synchronisation</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting to be synchronised</source>
        <translation>
            <numerusform>%Ln modification en attente de synchronisation</numerusform>
            <numerusform>%Ln modifications en attente de synchronisation</numerusform>
        </translation>
    </message>
    <message>
        <source>Not enrolled with the head office — data stays on this computer</source>
        <translation>Non relié au siège — les données restent sur ce poste</translation>
    </message>
    <message>
        <source>● Online</source>
        <translation>● En ligne</translation>
    </message>
    <message>
        <source>Synchronising…</source>
        <translation>Synchronisation en cours…</translation>
    </message>
    <message>
        <source>Synchronisation failed — click for details</source>
        <translation>Échec de la synchronisation — cliquez pour le détail</translation>
    </message>
    <message>
        <source>Update needed — synchronisation stopped</source>
        <translation>Mise à jour nécessaire — synchronisation arrêtée</translation>
    </message>
    <message>
        <source>Open the synchronisation page</source>
        <translation>Ouvrir la page Synchronisation</translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s) to settle</source>
        <translation>
            <numerusform>%Ln conflit à régler</numerusform>
            <numerusform>%Ln conflits à régler</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file request(s) to answer</source>
        <translation>
            <numerusform>%n demande de dossier à traiter</numerusform>
            <numerusform>%n demandes de dossier à traiter</numerusform>
        </translation>
    </message>
    <message>
        <source>Your password has been changed.</source>
        <translation>Votre mot de passe a été changé.</translation>
    </message>
    <message>
        <source>About</source>
        <translation>À propos</translation>
    </message>
    <message>
        <source>Le Grand Numérique — campus application, version %1.

Follow-up of the people the campus accompanies towards digital jobs. The data stays on this computer and is shared only with the head office.</source>
        <translation>Le Grand Numérique — application des campus, version %1.

Suivi des personnes que le campus accompagne vers les métiers du numérique. Les données restent sur ce poste et ne sont partagées qu&apos;avec le siège.</translation>
    </message>
    <message>
        <source>Startups</source>
        <translation>Entreprises</translation>
    </message>
</context>
<context>
    <name>MoveDialog</name>
    <message>
        <source>Share or transfer the file</source>
        <translation>Partager ou transférer le dossier</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 goes to another campus&lt;/b&gt;</source>
        <translation>&lt;b&gt;Le dossier de %1 va vers un autre campus&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&amp;Share: the other campus follows the person too; this campus goes on</source>
        <translation>&amp;Partager : l&apos;autre campus suit aussi la personne ; ce campus continue</translation>
    </message>
    <message>
        <source>&amp;Transfer: the other campus follows the person from now on (the referent advisor is cleared)</source>
        <translation>&amp;Transférer : l&apos;autre campus suit désormais la personne (le conseiller référent est retiré)</translation>
    </message>
    <message>
        <source>The other campus receives the whole file at its next synchronisation, this campus keeps what it worked on. Ask the person first: their consent is noted in their file, with your name and the date.</source>
        <translation>L&apos;autre campus reçoit tout le dossier à sa prochaine synchronisation ; ce campus garde ce qu&apos;il a suivi. Demandez d&apos;abord à la personne : son accord est noté dans son dossier, avec votre nom et la date.</translation>
    </message>
    <message>
        <source>The person &amp;agrees to their file going to this campus</source>
        <translation>La personne est &amp;d&apos;accord pour que son dossier aille à ce campus</translation>
    </message>
    <message>
        <source>&amp;Campus</source>
        <translation>&amp;Campus</translation>
    </message>
    <message>
        <source>&amp;Confirm</source>
        <translation>&amp;Confirmer</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>No other campus is known here yet: synchronise this computer first.</source>
        <translation>Aucun autre campus n&apos;est encore connu ici : synchronisez d&apos;abord ce poste.</translation>
    </message>
    <message>
        <source>%1 will be shared with %2 at the next synchronisation.</source>
        <translation>Le dossier de %1 sera partagé avec %2 à la prochaine synchronisation.</translation>
    </message>
    <message>
        <source>%1 is transferred to %2; the change reaches every computer at the next synchronisation.</source>
        <translation>Le dossier de %1 est transféré à %2 ; le changement atteint tous les postes à la prochaine synchronisation.</translation>
    </message>
</context>
<context>
    <name>MoveRequestsTab</name>
    <message>
        <source>Asking the head office…</source>
        <translation>Question posée au siège…</translation>
    </message>
    <message>
        <source>This computer is not linked to the head office.</source>
        <translation>Ce poste n&apos;est pas relié au siège.</translation>
    </message>
    <message>
        <source>(not on this computer yet)</source>
        <translation>(pas encore sur ce poste)</translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) waiting for this campus&apos;s answer.</source>
        <translation>
            <numerusform>%n demande attend la réponse de ce campus.</numerusform>
            <numerusform>%n demandes attendent la réponse de ce campus.</numerusform>
        </translation>
    </message>
    <message>
        <source>No request waits for this campus&apos;s answer.</source>
        <translation>Aucune demande n&apos;attend la réponse de ce campus.</translation>
    </message>
    <message>
        <source>Request declined: the %1 campus will be told.</source>
        <translation>Demande refusée : le campus %1 en sera informé.</translation>
    </message>
    <message>
        <source>%3: file transferred to the %1 campus (everywhere at the next synchronisation).</source>
        <translation>%3 : dossier transféré au campus %1 (partout à la prochaine synchronisation).</translation>
    </message>
    <message>
        <source>%3: file shared with the %1 campus, which receives it at its next synchronisation.</source>
        <translation>%3 : dossier partagé avec le campus %1, qui le recevra à sa prochaine synchronisation.</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Partage</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>Transfert</translation>
    </message>
    <message>
        <source>Waiting for an answer</source>
        <translation>En attente de réponse</translation>
    </message>
    <message>
        <source>Accepted: the file arrives with the next synchronisation</source>
        <translation>Acceptée : le dossier arrive à la prochaine synchronisation</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>Refusée</translation>
    </message>
    <message>
        <source>Expired without an answer</source>
        <translation>Expirée sans réponse</translation>
    </message>
    <message>
        <source>Other campuses found, at their intake, people this campus follows, and asked with the person&apos;s consent for their file: a share (both campuses follow the person) or a transfer (the other campus follows the person from now on). Requests lapse after 30 days.</source>
        <translation>D&apos;autres campus ont trouvé à leur accueil des personnes que ce campus suit, et demandent leur dossier avec l&apos;accord de la personne : un partage (les deux campus suivent la personne) ou un transfert (l&apos;autre campus la suit désormais). Une demande expire au bout de 30 jours.</translation>
    </message>
    <message>
        <source>&amp;Ask the head office</source>
        <translation>&amp;Interroger le siège</translation>
    </message>
    <message>
        <source>Requests for this campus</source>
        <translation>Demandes reçues</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Personne</translation>
    </message>
    <message>
        <source>Asked by</source>
        <translation>Demandé par</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Demande</translation>
    </message>
    <message>
        <source>On</source>
        <translation>Le</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Jusqu&apos;au</translation>
    </message>
    <message>
        <source>A&amp;ccept</source>
        <translation>A&amp;ccepter</translation>
    </message>
    <message>
        <source>&amp;Decline</source>
        <translation>&amp;Refuser</translation>
    </message>
    <message>
        <source>This campus&apos;s requests</source>
        <translation>Demandes envoyées par ce campus</translation>
    </message>
    <message>
        <source>Campus asked</source>
        <translation>Campus sollicité</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Réponse</translation>
    </message>
</context>
<context>
    <name>NotesTab</name>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Auteur</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Notes cannot be edited or deleted once added. Ctrl+Enter adds the note.</source>
        <translation>Une note ajoutée ne peut plus être modifiée ni supprimée. Ctrl+Entrée ajoute la note.</translation>
    </message>
    <message>
        <source>New note</source>
        <translation>Nouvelle note</translation>
    </message>
    <message>
        <source>Restricted &amp;note (only you and the campus managers can read it)</source>
        <translation>Note &amp;restreinte (lisible seulement par vous et les responsables de campus)</translation>
    </message>
    <message>
        <source>Add the no&amp;te</source>
        <translation>Ajouter la no&amp;te</translation>
    </message>
</context>
<context>
    <name>OfferDialog</name>
    <message>
        <source>Job offer</source>
        <translation>Offre d&apos;emploi</translation>
    </message>
    <message>
        <source>Correct a job offer</source>
        <translation>Corriger une offre d&apos;emploi</translation>
    </message>
    <message>
        <source>New job offer</source>
        <translation>Nouvelle offre d&apos;emploi</translation>
    </message>
    <message>
        <source>Open: candidates can still be referred</source>
        <translation>Ouverte : on peut encore y orienter des candidats</translation>
    </message>
    <message>
        <source>Closing date:</source>
        <translation>Date de clôture :</translation>
    </message>
    <message>
        <source>&amp;Employer</source>
        <translation>&amp;Employeur</translation>
    </message>
    <message>
        <source>&amp;Job title</source>
        <translation>&amp;Intitulé du poste</translation>
    </message>
    <message>
        <source>Job &amp;family</source>
        <translation>&amp;Métier</translation>
    </message>
    <message>
        <source>&amp;Contract</source>
        <translation>&amp;Contrat</translation>
    </message>
    <message>
        <source>&amp;Posted on</source>
        <translation>&amp;Publiée le</translation>
    </message>
    <message>
        <source>C&amp;loses</source>
        <translation>C&amp;lôture</translation>
    </message>
    <message>
        <source>Co&amp;mmune</source>
        <translation>Co&amp;mmune</translation>
    </message>
    <message>
        <source>&amp;Status</source>
        <translation>&amp;Statut</translation>
    </message>
    <message>
        <source>&amp;Description</source>
        <translation>&amp;Description</translation>
    </message>
</context>
<context>
    <name>PartnerDialog</name>
    <message>
        <source>Partner</source>
        <translation>Partenaire</translation>
    </message>
    <message>
        <source>Correct a partner</source>
        <translation>Corriger un partenaire</translation>
    </message>
    <message>
        <source>New partner</source>
        <translation>Nouveau partenaire</translation>
    </message>
    <message>
        <source>This employer has committed to hire</source>
        <translation>Cet employeur s&apos;est engagé à recruter</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nom</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>&amp;Type</translation>
    </message>
    <message>
        <source>Co&amp;mmune</source>
        <translation>Co&amp;mmune</translation>
    </message>
    <message>
        <source>Switch&amp;board</source>
        <translation>&amp;Standard</translation>
    </message>
    <message>
        <source>&amp;E-mail</source>
        <translation>&amp;E-mail</translation>
    </message>
    <message>
        <source>&amp;Website</source>
        <translation>Site &amp;web</translation>
    </message>
    <message>
        <source>C&amp;ontact person</source>
        <translation>Pers&amp;onne à contacter</translation>
    </message>
    <message>
        <source>Contact&apos;s p&amp;hone</source>
        <translation>&amp;Téléphone du contact</translation>
    </message>
    <message>
        <source>Contact&apos;s e-ma&amp;il</source>
        <translation>E-ma&amp;il du contact</translation>
    </message>
    <message>
        <source>&amp;Job families</source>
        <translation>&amp;Métiers</translation>
    </message>
    <message>
        <source>Commitment</source>
        <translation>Engagement</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>Change my password</source>
        <translation>Changer mon mot de passe</translation>
    </message>
    <message>
        <source>At least %1 characters. The new password works on this computer at once, and on the campus&apos;s other computers after the next synchronisation; the old one then stops working there.</source>
        <translation>Au moins %1 caractères. Le nouveau mot de passe fonctionne tout de suite sur ce poste, et sur les autres postes du campus après la prochaine synchronisation ; l&apos;ancien n&apos;y fonctionne alors plus.</translation>
    </message>
    <message>
        <source>&amp;Current password</source>
        <translation>Mot de passe ac&amp;tuel</translation>
    </message>
    <message>
        <source>&amp;New password</source>
        <translation>&amp;Nouveau mot de passe</translation>
    </message>
    <message>
        <source>New password &amp;again</source>
        <translation>Confirm&amp;ation</translation>
    </message>
    <message>
        <source>&amp;Change the password</source>
        <translation>&amp;Changer le mot de passe</translation>
    </message>
</context>
<context>
    <name>PathwayTab</name>
    <message>
        <source>%1 (not possible from here)</source>
        <translation>%1 (impossible depuis cette étape)</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>From</source>
        <translation>De</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Vers</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Par</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <source>Pathway timeline</source>
        <translation>Étapes du parcours</translation>
    </message>
    <message>
        <source>Move to another step</source>
        <translation>Passer à une autre étape</translation>
    </message>
    <message>
        <source>&amp;Step</source>
        <translation>&amp;Étape</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>&amp;Date</translation>
    </message>
    <message>
        <source>Contract &amp;type</source>
        <translation>&amp;Type de contrat</translation>
    </message>
    <message>
        <source>&amp;Employer</source>
        <translation>E&amp;mployeur</translation>
    </message>
    <message>
        <source>Contract &amp;start</source>
        <translation>&amp;Début du contrat</translation>
    </message>
    <message>
        <source>&amp;SIRET</source>
        <translation>&amp;SIRET</translation>
    </message>
    <message>
        <source>&amp;Creation date</source>
        <translation>Date de &amp;création</translation>
    </message>
    <message>
        <source>Exit &amp;reason</source>
        <translation>&amp;Motif de sortie</translation>
    </message>
    <message>
        <source>Co&amp;mment</source>
        <translation>Comme&amp;ntaire</translation>
    </message>
    <message>
        <source>Record the &amp;move</source>
        <translation>Enregistrer l&apos;éta&amp;pe</translation>
    </message>
    <message>
        <source>Startups founded: %1</source>
        <translation>Entreprises fondées : %1</translation>
    </message>
</context>
<context>
    <name>PeopleModel</name>
    <message>
        <source>Last name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Prénom</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>Date de naissance</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>Commune</source>
        <translation>Commune</translation>
    </message>
    <message>
        <source>Pathway step</source>
        <translation>Étape du parcours</translation>
    </message>
    <message>
        <source>Advisor</source>
        <translation>Conseiller</translation>
    </message>
    <message>
        <source>Campus</source>
        <translation>Campus</translation>
    </message>
</context>
<context>
    <name>PersonFields</name>
    <message>
        <source>&amp;First name *</source>
        <translation>&amp;Prénom *</translation>
    </message>
    <message>
        <source>&amp;Last name *</source>
        <translation>&amp;Nom *</translation>
    </message>
    <message>
        <source>&amp;Birth date</source>
        <translation>Date de &amp;naissance</translation>
    </message>
    <message>
        <source>&amp;Gender</source>
        <translation>&amp;Genre</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>&amp;Téléphone</translation>
    </message>
    <message>
        <source>&amp;E-mail</source>
        <translation>&amp;E-mail</translation>
    </message>
    <message>
        <source>&amp;Commune</source>
        <translation>&amp;Commune</translation>
    </message>
    <message>
        <source>&amp;Situation</source>
        <translation>&amp;Situation</translation>
    </message>
    <message>
        <source>France &amp;Travail id</source>
        <translation>Identifiant France &amp;Travail</translation>
    </message>
    <message>
        <source>E&amp;ducation level</source>
        <translation>Niveau d&apos;é&amp;tudes</translation>
    </message>
    <message>
        <source>Be&amp;nefits</source>
        <translation>A&amp;llocations</translation>
    </message>
    <message>
        <source>&amp;Referred by</source>
        <translation>&amp;Orienté par</translation>
    </message>
    <message>
        <source>&amp;Barriers</source>
        <translation>&amp;Freins</translation>
    </message>
    <message>
        <source>&amp;Jobs</source>
        <translation>&amp;Métiers</translation>
    </message>
    <message>
        <source>dd/mm/yyyy</source>
        <translation>jj/mm/aaaa</translation>
    </message>
    <message>
        <source>06 12 34 56 78</source>
        <translation>06 12 34 56 78</translation>
    </message>
    <message>
        <source>name@domain.fr</source>
        <translation>nom@domaine.fr</translation>
    </message>
    <message>
        <source>Commune of Seine-Saint-Denis, or another town</source>
        <translation>Commune de Seine-Saint-Denis, ou une autre ville</translation>
    </message>
    <message>
        <source>1234567A</source>
        <translation>1234567A</translation>
    </message>
    <message>
        <source>— not stated —</source>
        <translation>— non précisé —</translation>
    </message>
</context>
<context>
    <name>PersonPage</name>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Enregistré.</translation>
    </message>
    <message>
        <source>Folder for the exported data</source>
        <translation>Dossier où écrire les données exportées</translation>
    </message>
    <message>
        <source>The files could not be written in %1: %2</source>
        <translation>Impossible d&apos;écrire les fichiers dans %1 : %2</translation>
    </message>
    <message>
        <source>Data exported: %1 and %2</source>
        <translation>Données exportées : %1 et %2</translation>
    </message>
    <message>
        <source>%1 was erased from this computer.</source>
        <translation>%1 a été effacée de ce poste.</translation>
    </message>
    <message numerus="yes">
        <source>%n year(s) old</source>
        <translation>
            <numerusform>%n an</numerusform>
            <numerusform>%n ans</numerusform>
        </translation>
    </message>
    <message>
        <source>Advisor: %1</source>
        <translation>Conseiller : %1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>Current step: %1, since %2</source>
        <translation>Étape actuelle : %1, depuis le %2</translation>
    </message>
    <message>
        <source>RQTH valid until %1</source>
        <translation>RQTH valable jusqu&apos;au %1</translation>
    </message>
    <message>
        <source>no end date</source>
        <translation>sans date de fin</translation>
    </message>
    <message>
        <source>Follow-up consent withdrawn on %1: this file must no longer be followed.</source>
        <translation>Consentement au suivi retiré le %1 : ce dossier ne doit plus être suivi.</translation>
    </message>
    <message>
        <source>&amp;Notes (%1)</source>
        <translation>&amp;Notes (%1)</translation>
    </message>
    <message>
        <source>&amp;Appointments (%1)</source>
        <translation>&amp;Rendez-vous (%1)</translation>
    </message>
    <message>
        <source>&amp;Referrals (%1)</source>
        <translation>&amp;Orientations (%1)</translation>
    </message>
    <message>
        <source>← Back to the search (Alt+Left)</source>
        <translation>← Retour à la recherche (Alt+Gauche)</translation>
    </message>
    <message>
        <source>E&amp;xport their data…</source>
        <translation>E&amp;xporter ses données…</translation>
    </message>
    <message>
        <source>The person&apos;s complete file, for them (right of access): PDF and JSON</source>
        <translation>Le dossier complet de la personne, pour elle (droit d&apos;accès) : PDF et JSON</translation>
    </message>
    <message>
        <source>Erase the person…</source>
        <translation>Effacer la personne…</translation>
    </message>
    <message>
        <source>Share or transfer…</source>
        <translation>Partager ou transférer…</translation>
    </message>
    <message>
        <source>&amp;Pathway</source>
        <translation>&amp;Parcours</translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation>&amp;Notes</translation>
    </message>
    <message>
        <source>&amp;Appointments</source>
        <translation>&amp;Rendez-vous</translation>
    </message>
    <message>
        <source>&amp;Referrals</source>
        <translation>&amp;Orientations</translation>
    </message>
    <message>
        <source>&amp;Details</source>
        <translation>&amp;Identité et situation</translation>
    </message>
    <message>
        <source>&amp;Consents</source>
        <translation>&amp;Consentements</translation>
    </message>
    <message>
        <source>R&amp;QTH</source>
        <translation>R&amp;QTH</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>&amp;Historique</translation>
    </message>
</context>
<context>
    <name>PilotagePage</name>
    <message>
        <source>The period&apos;s start must come before its end.</source>
        <extracomment>the period presets, in the combo&apos;s order the monthly report&apos;s file, once written</extracomment>
        <translation>Le début de la période doit précéder sa fin.</translation>
    </message>
    <message>
        <source>Save the monthly report</source>
        <translation>Enregistrer le rapport mensuel</translation>
    </message>
    <message>
        <source>PDF document (*.pdf);;Excel workbook (*.xlsx)</source>
        <translation>Document PDF (*.pdf);;Classeur Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Report written: %1</source>
        <translation>Rapport enregistré : %1</translation>
    </message>
    <message>
        <source>placed since the start, of the goal</source>
        <translation>placés depuis le début, sur l&apos;objectif</translation>
    </message>
    <message>
        <source>enrolled in the period</source>
        <translation>inscrits sur la période</translation>
    </message>
    <message>
        <source>in training at the period&apos;s end</source>
        <translation>en formation à la fin de la période</translation>
    </message>
    <message>
        <source>trained in the period</source>
        <translation>formés sur la période</translation>
    </message>
    <message>
        <source>placed in the period</source>
        <translation>placés sur la période</translation>
    </message>
    <message>
        <source>startups accompanied, of %1 (%2 created)</source>
        <translation>startups suivies, sur %1 (%2 créées)</translation>
    </message>
    <message>
        <source>referrals accepted (%1 of %2)</source>
        <translation>orientations acceptées (%1 sur %2)</translation>
    </message>
    <message>
        <source>people at %1 events</source>
        <translation>personnes venues à %1 événements</translation>
    </message>
    <message>
        <source>Placed (cumulative)</source>
        <translation>Placés (cumul)</translation>
    </message>
    <message>
        <source>Trajectory to the goal</source>
        <translation>Trajectoire vers l&apos;objectif</translation>
    </message>
    <message>
        <source>%1 people placed since the start; the trajectory expects %2 by the period&apos;s end.</source>
        <translation>%1 personnes placées depuis le début ; la trajectoire en prévoit %2 à la fin de la période.</translation>
    </message>
    <message>
        <source>Enrolled</source>
        <translation>Inscrits</translation>
    </message>
    <message>
        <source>Placed</source>
        <translation>Placés</translation>
    </message>
    <message>
        <source>People enrolled and placed each month of the period.</source>
        <translation>Personnes inscrites et placées chaque mois de la période.</translation>
    </message>
    <message>
        <source>Trained</source>
        <translation>Formés</translation>
    </message>
    <message>
        <source>Sensitive: “&lt; 5” hides a small group (or one that would give it away).</source>
        <translation>Données sensibles : « &lt; 5 » masque un petit groupe (ou celui qui le révélerait).</translation>
    </message>
    <message>
        <source>Not known</source>
        <translation>Non renseigné</translation>
    </message>
    <message>
        <source>Under 26</source>
        <translation>Moins de 26 ans</translation>
    </message>
    <message>
        <source>26 to 44</source>
        <translation>26 à 44 ans</translation>
    </message>
    <message>
        <source>45 and over</source>
        <translation>45 ans et plus</translation>
    </message>
    <message>
        <source>Commune mostly in a QPV</source>
        <translation>Commune majoritairement en QPV</translation>
    </message>
    <message>
        <source>Other commune</source>
        <translation>Autre commune</translation>
    </message>
    <message>
        <source>Disability recognised (RQTH)</source>
        <translation>Handicap reconnu (RQTH)</translation>
    </message>
    <message>
        <source>No RQTH recorded</source>
        <translation>Pas de RQTH enregistrée</translation>
    </message>
    <message>
        <source>Pilotage — %1</source>
        <translation>Pilotage — %1</translation>
    </message>
    <message>
        <source>Pilotage</source>
        <translation>Pilotage</translation>
    </message>
    <message>
        <source>Since the programme&apos;s start</source>
        <translation>Depuis le début du programme</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>Cette année</translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation>12 derniers mois</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>Mois dernier</translation>
    </message>
    <message>
        <source>Chosen dates</source>
        <translation>Dates choisies</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Période</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>&amp;Du</translation>
    </message>
    <message>
        <source>&amp;to</source>
        <translation>&amp;au</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>&amp;Afficher</translation>
    </message>
    <message>
        <source>Monthly &amp;report…</source>
        <translation>&amp;Rapport du mois…</translation>
    </message>
    <message>
        <source>The report of the month of the period&apos;s last day, as PDF or Excel</source>
        <translation>Le rapport du mois du dernier jour de la période, en PDF ou Excel</translation>
    </message>
    <message>
        <source>Campus</source>
        <translation>Campus</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Genre</translation>
    </message>
    <message>
        <source>Age on enrolment</source>
        <translation>Âge à l&apos;inscription</translation>
    </message>
    <message>
        <source>Priority neighbourhood (QPV, approximation)</source>
        <translation>Quartier prioritaire (QPV, approximation)</translation>
    </message>
    <message>
        <source>Disability recognition</source>
        <translation>Reconnaissance du handicap</translation>
    </message>
    <message>
        <source>Education level</source>
        <translation>Niveau d&apos;études</translation>
    </message>
    <message>
        <source>Situation</source>
        <translation>Situation</translation>
    </message>
    <message>
        <source>Referred by</source>
        <translation>Orienté par</translation>
    </message>
    <message>
        <source>Breakdown</source>
        <translation>Répartition</translation>
    </message>
    <message>
        <source>Funnel: people enrolled in the period</source>
        <translation>Entonnoir : les inscrits de la période</translation>
    </message>
    <message>
        <source>Placed against the goal</source>
        <translation>Placés face à l&apos;objectif</translation>
    </message>
    <message>
        <source>Each month</source>
        <translation>Chaque mois</translation>
    </message>
    <message>
        <source>Funnel</source>
        <translation>Entonnoir</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Tableau</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Mois</translation>
    </message>
    <message>
        <source>Trajectory</source>
        <translation>Trajectoire</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Étape</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personnes</translation>
    </message>
    <message>
        <source>Of the enrolled</source>
        <translation>Part des inscrits</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Groupe</translation>
    </message>
</context>
<context>
    <name>PreferencesMenu</name>
    <message>
        <source>&amp;Preferences</source>
        <translation>&amp;Préférences</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <source>Change my &amp;password…</source>
        <translation>Changer mon &amp;mot de passe…</translation>
    </message>
</context>
<context>
    <name>ProgrammeDialog</name>
    <message>
        <source>Programme</source>
        <translation>Formation</translation>
    </message>
    <message>
        <source>Correct a programme</source>
        <translation>Corriger une formation</translation>
    </message>
    <message>
        <source>New programme</source>
        <translation>Nouvelle formation</translation>
    </message>
    <message>
        <source> weeks</source>
        <translation> semaines</translation>
    </message>
    <message>
        <source>Training &amp;organisation</source>
        <translation>&amp;Organisme de formation</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>&amp;Intitulé</translation>
    </message>
    <message>
        <source>&amp;Job family</source>
        <translation>&amp;Métier</translation>
    </message>
    <message>
        <source>&amp;Length</source>
        <translation>&amp;Durée</translation>
    </message>
    <message>
        <source>Le&amp;vel required</source>
        <translation>Ni&amp;veau requis</translation>
    </message>
    <message>
        <source>&amp;Funding</source>
        <translation>&amp;Financement</translation>
    </message>
    <message>
        <source>&amp;Certification</source>
        <translation>&amp;Certification</translation>
    </message>
    <message>
        <source>&amp;Description</source>
        <translation>&amp;Description</translation>
    </message>
</context>
<context>
    <name>ProgressLine</name>
    <message>
        <source>Starting…</source>
        <translation>Démarrage…</translation>
    </message>
    <message>
        <source>Reading</source>
        <translation>Lecture</translation>
    </message>
    <message>
        <source>Checking rows</source>
        <translation>Vérification des lignes</translation>
    </message>
    <message>
        <source>Writing</source>
        <translation>Écriture</translation>
    </message>
    <message>
        <source>%1: %2 / %3</source>
        <translation>%1 : %2 / %3</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
</context>
<context>
    <name>ReassignDialog</name>
    <message>
        <source>Reassign</source>
        <translation>Réaffecter</translation>
    </message>
    <message numerus="yes">
        <source>Hand the %n selected person(s) over to:</source>
        <translation>
            <numerusform>Confier la personne sélectionnée à :</numerusform>
            <numerusform>Confier les %n personnes sélectionnées à :</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n person(s)</source>
        <translation>
            <numerusform>%n personne</numerusform>
            <numerusform>%n personnes</numerusform>
        </translation>
    </message>
    <message>
        <source>They become the referent advisor of these people, on every computer of the campus.</source>
        <translation>Ce conseiller devient leur référent, sur tous les postes du campus.</translation>
    </message>
    <message>
        <source>&amp;Reassign</source>
        <translation>&amp;Réaffecter</translation>
    </message>
</context>
<context>
    <name>RecordLabels</name>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <source>Person&apos;s file</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Consentement</translation>
    </message>
    <message>
        <source>Pathway</source>
        <translation>Parcours</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Appointment</source>
        <translation>Rendez-vous</translation>
    </message>
    <message>
        <source>Referral</source>
        <translation>Orientation</translation>
    </message>
    <message>
        <source>RQTH</source>
        <translation>RQTH</translation>
    </message>
    <message>
        <source>Event registration</source>
        <translation>Inscription à un événement</translation>
    </message>
    <message>
        <source>Business</source>
        <translation>Entreprise</translation>
    </message>
    <message>
        <source>Kiosk pre-registration</source>
        <translation>Pré-inscription à la borne</translation>
    </message>
    <message>
        <source>Kiosk visit</source>
        <translation>Passage à la borne</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>Partenaire</translation>
    </message>
    <message>
        <source>Programme</source>
        <translation>Formation</translation>
    </message>
    <message>
        <source>Training session</source>
        <translation>Session de formation</translation>
    </message>
    <message>
        <source>Job offer</source>
        <translation>Offre d&apos;emploi</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Événement</translation>
    </message>
    <message>
        <source>User account</source>
        <translation>Compte utilisateur</translation>
    </message>
    <message>
        <source>Campus</source>
        <translation>Campus</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Prénom</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Date de naissance</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Genre</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Commune</source>
        <translation>Commune</translation>
    </message>
    <message>
        <source>Other commune</source>
        <translation>Autre commune</translation>
    </message>
    <message>
        <source>Situation</source>
        <translation>Situation</translation>
    </message>
    <message>
        <source>France Travail ID</source>
        <translation>Identifiant France Travail</translation>
    </message>
    <message>
        <source>Education level</source>
        <translation>Niveau d&apos;études</translation>
    </message>
    <message>
        <source>Benefits</source>
        <translation>Allocations</translation>
    </message>
    <message>
        <source>Barriers</source>
        <translation>Freins</translation>
    </message>
    <message>
        <source>Job families</source>
        <translation>Métiers</translation>
    </message>
    <message>
        <source>Referred by</source>
        <translation>Orienté par</translation>
    </message>
    <message>
        <source>Campus following the person</source>
        <translation>Campus qui suit la personne</translation>
    </message>
    <message>
        <source>Advisor</source>
        <translation>Conseiller</translation>
    </message>
    <message>
        <source>Pathway step</source>
        <translation>Étape du parcours</translation>
    </message>
    <message>
        <source>In this step since</source>
        <translation>Dans cette étape depuis</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>Dernier contact</translation>
    </message>
    <message>
        <source>Follow-up snoozed until</source>
        <translation>Suivi reporté au</translation>
    </message>
    <message>
        <source>Decision date</source>
        <translation>Date de la décision</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>Valable à partir du</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Valable jusqu&apos;au</translation>
    </message>
    <message>
        <source>Given on</source>
        <translation>Donné le</translation>
    </message>
    <message>
        <source>Withdrawn on</source>
        <translation>Retiré le</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>Date et heure</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Objet</translation>
    </message>
    <message>
        <source>Duration (minutes)</source>
        <translation>Durée (minutes)</translation>
    </message>
    <message>
        <source>Previous step</source>
        <translation>Étape précédente</translation>
    </message>
    <message>
        <source>New step</source>
        <translation>Nouvelle étape</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>Contrat</translation>
    </message>
    <message>
        <source>Employer</source>
        <translation>Employeur</translation>
    </message>
    <message>
        <source>Contract start</source>
        <translation>Début du contrat</translation>
    </message>
    <message>
        <source>SIRET</source>
        <translation>SIRET</translation>
    </message>
    <message>
        <source>Business created on</source>
        <translation>Entreprise créée le</translation>
    </message>
    <message>
        <source>Reason for leaving</source>
        <translation>Motif de sortie</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Commentaire</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texte</translation>
    </message>
    <message>
        <source>Restricted</source>
        <translation>Restreinte</translation>
    </message>
    <message>
        <source>Referred on</source>
        <translation>Orientée le</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Finalité</translation>
    </message>
    <message>
        <source>Legal basis</source>
        <translation>Base légale</translation>
    </message>
    <message>
        <source>Text version</source>
        <translation>Version du texte</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Stade</translation>
    </message>
    <message>
        <source>ZFU zone</source>
        <translation>Zone ZFU</translation>
    </message>
    <message>
        <source>Mentor</source>
        <translation>Mentor</translation>
    </message>
    <message>
        <source>Created on</source>
        <translation>Créée le</translation>
    </message>
    <message>
        <source>Job family</source>
        <translation>Métier</translation>
    </message>
    <message>
        <source>Enrolled on</source>
        <translation>Inscrit le</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Auteur</translation>
    </message>
    <message>
        <source>Employer (partner)</source>
        <translation>Employeur (partenaire)</translation>
    </message>
    <message>
        <source>Appointment code</source>
        <translation>Code du rendez-vous</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Consent text version</source>
        <translation>Version du texte de consentement</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <source>Arrived at</source>
        <translation>Arrivée</translation>
    </message>
    <message>
        <source>Last changed on</source>
        <translation>Dernière modification le</translation>
    </message>
    <message>
        <source>Business founder</source>
        <translation>Fondateur d&apos;entreprise</translation>
    </message>
    <message>
        <source>Business support action</source>
        <translation>Action d&apos;accompagnement d&apos;entreprise</translation>
    </message>
    <message>
        <source>Structure</source>
        <translation>Structure</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Personne</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Sector</source>
        <translation>Secteur</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Intitulé</translation>
    </message>
</context>
<context>
    <name>ReferralsTab</name>
    <message>
        <source>Choose a referral and its new status first.</source>
        <translation>Choisissez d&apos;abord une orientation et son nouveau statut.</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Formation</translation>
    </message>
    <message>
        <source>Job offer</source>
        <translation>Offre d&apos;emploi</translation>
    </message>
    <message>
        <source>from %1</source>
        <translation>à partir du %1</translation>
    </message>
    <message numerus="yes">
        <source>%n place(s) left</source>
        <translation>
            <numerusform>%n place restante</numerusform>
            <numerusform>%n places restantes</numerusform>
        </translation>
    </message>
    <message>
        <source>posted %1</source>
        <translation>publiée le %1</translation>
    </message>
    <message>
        <source>Referrals of this person</source>
        <translation>Orientations de la personne</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Intitulé</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>Partenaire</translation>
    </message>
    <message>
        <source>Referred on</source>
        <translation>Orientée le</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>New s&amp;tatus of the selected referral</source>
        <translation>Nouveau s&amp;tatut de l&apos;orientation choisie</translation>
    </message>
    <message>
        <source>Change the stat&amp;us</source>
        <translation>Changer le stat&amp;ut</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>Dates</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>Places</translation>
    </message>
    <message>
        <source>Re&amp;fer</source>
        <translation>Orien&amp;ter</translation>
    </message>
    <message>
        <source>Choose a session, an offer or a service in the list first.</source>
        <translation>Choisissez d&apos;abord une session, une offre ou une structure dans la liste.</translation>
    </message>
    <message>
        <source>Choose an event first.</source>
        <translation>Choisissez d&apos;abord un événement.</translation>
    </message>
    <message>
        <source>Refer to a training session, a job offer or an employment service</source>
        <translation>Orienter vers une session, une offre d&apos;emploi ou une structure de l&apos;emploi</translation>
    </message>
    <message>
        <source>Sessions, offers and services to refer to</source>
        <translation>Sessions, offres et structures vers lesquelles orienter</translation>
    </message>
    <message>
        <source>Register to an &amp;event</source>
        <translation>Inscrire à un &amp;événement</translation>
    </message>
    <message>
        <source>Re&amp;gister</source>
        <translation>&amp;Inscrire</translation>
    </message>
</context>
<context>
    <name>RqthTab</name>
    <message>
        <source>No RQTH decision recorded.</source>
        <translation>Aucune décision RQTH enregistrée.</translation>
    </message>
    <message>
        <source>Decision of %1, valid from %2 with no end date.</source>
        <translation>Décision du %1, valable à partir du %2, sans date de fin.</translation>
    </message>
    <message>
        <source>Decision of %1, valid from %2 to %3.</source>
        <translation>Décision du %1, valable du %2 au %3.</translation>
    </message>
    <message>
        <source>&amp;Correct the RQTH</source>
        <translation>Corri&amp;ger la RQTH</translation>
    </message>
    <message>
        <source>&amp;Record the RQTH</source>
        <translation>&amp;Enregistrer la RQTH</translation>
    </message>
    <message>
        <source>Recognition of disabled worker status (RQTH): only the decision date and its validity are recorded, never a diagnosis nor any medical information. Only the advisors and managers of the campus see it.</source>
        <translation>Reconnaissance de la qualité de travailleur handicapé (RQTH) : seules la date de la décision et sa validité sont enregistrées, jamais un diagnostic ni aucune information médicale. Seuls les conseillers et responsables du campus la voient.</translation>
    </message>
    <message>
        <source>The person has not agreed to the recording of their RQTH: record their consent first (Consents tab).</source>
        <translation>La personne n&apos;a pas accepté l&apos;enregistrement de sa RQTH : enregistrez d&apos;abord son consentement (onglet Consentements).</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Décision</translation>
    </message>
    <message>
        <source>&amp;Decision date</source>
        <translation>Date de la &amp;décision</translation>
    </message>
    <message>
        <source>Valid &amp;from</source>
        <translation>Valable à partir d&amp;u</translation>
    </message>
    <message>
        <source>Valid &amp;until</source>
        <translation>Valable &amp;jusqu&apos;au</translation>
    </message>
    <message>
        <source>dd/mm/yyyy</source>
        <translation>jj/mm/aaaa</translation>
    </message>
    <message>
        <source>dd/mm/yyyy — empty: no end date</source>
        <translation>jj/mm/aaaa — vide : sans date de fin</translation>
    </message>
</context>
<context>
    <name>SearchPage</name>
    <message numerus="yes">
        <source>%n person(s) reassigned.</source>
        <translation>
            <numerusform>%n personne réaffectée.</numerusform>
            <numerusform>%n personnes réaffectées.</numerusform>
        </translation>
    </message>
    <message>
        <source>Type at least one letter or digit, or choose a filter.</source>
        <translation>Tapez au moins une lettre ou un chiffre, ou choisissez un filtre.</translation>
    </message>
    <message>
        <source>Nobody in this list.</source>
        <translation>Personne dans cette liste.</translation>
    </message>
    <message>
        <source>Nobody found. Check the spelling, or register a new person (Ctrl+N).</source>
        <translation>Personne n&apos;a été trouvé. Vérifiez l&apos;orthographe, ou inscrivez une nouvelle personne (Ctrl+N).</translation>
    </message>
    <message numerus="yes">
        <source>First %n people found: type more to narrow the search.</source>
        <translation>
            <numerusform>Première personne trouvée : précisez la recherche.</numerusform>
            <numerusform>Les %n premières personnes trouvées : tapez davantage pour préciser la recherche.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n person(s) in this list</source>
        <translation>
            <numerusform>%n personne dans cette liste</numerusform>
            <numerusform>%n personnes dans cette liste</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n person(s) found</source>
        <translation>
            <numerusform>%n personne trouvée</numerusform>
            <numerusform>%n personnes trouvées</numerusform>
        </translation>
    </message>
    <message>
        <source>Find a person</source>
        <translation>Trouver une personne</translation>
    </message>
    <message>
        <source>Name, birth date, phone, e-mail or France Travail id</source>
        <translation>Nom, date de naissance, téléphone, e-mail ou identifiant France Travail</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Recherche</translation>
    </message>
    <message>
        <source>Accents, capitals and hyphens do not matter. Dates as dd/mm/yyyy. Enter opens the first result, the down arrow moves to the list.</source>
        <translation>Les accents, majuscules et traits d&apos;union ne comptent pas. Dates au format jj/mm/aaaa. Entrée ouvre le premier résultat, la flèche bas descend dans la liste.</translation>
    </message>
    <message>
        <source>People found</source>
        <translation>Personnes trouvées</translation>
    </message>
    <message>
        <source>&amp;Open the file</source>
        <translation>&amp;Ouvrir la fiche</translation>
    </message>
    <message>
        <source>&amp;New registration (Ctrl+N)</source>
        <translation>&amp;Nouvelle inscription (Ctrl+N)</translation>
    </message>
    <message>
        <source>&amp;Reassign…</source>
        <translation>&amp;Réaffecter…</translation>
    </message>
    <message>
        <source>Hand the selected people over to another advisor of the campus</source>
        <translation>Confier les personnes sélectionnées à un autre conseiller du campus</translation>
    </message>
</context>
<context>
    <name>SessionDialog</name>
    <message>
        <source>Training session</source>
        <translation>Session de formation</translation>
    </message>
    <message>
        <source>Correct a session</source>
        <translation>Corriger une session</translation>
    </message>
    <message>
        <source>New training session</source>
        <translation>Nouvelle session de formation</translation>
    </message>
    <message>
        <source>&amp;Programme</source>
        <translation>&amp;Formation</translation>
    </message>
    <message>
        <source>&amp;Starts on</source>
        <translation>&amp;Début le</translation>
    </message>
    <message>
        <source>&amp;Ends on</source>
        <translation>&amp;Fin le</translation>
    </message>
    <message>
        <source>&amp;Capacity</source>
        <translation>&amp;Places</translation>
    </message>
    <message>
        <source>P&amp;lace</source>
        <translation>&amp;Lieu</translation>
    </message>
</context>
<context>
    <name>SignInPage</name>
    <message>
        <source>Checking…</source>
        <translation>Vérification…</translation>
    </message>
    <message>
        <source>Session locked</source>
        <translation>Session verrouillée</translation>
    </message>
    <message>
        <source>The session was locked after a period of inactivity. Type your password to continue.</source>
        <translation>La session a été verrouillée après un moment d&apos;inactivité. Saisissez votre mot de passe pour continuer.</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Connexion</translation>
    </message>
    <message>
        <source>Each advisor signs in with their own account.</source>
        <translation>Chaque conseiller se connecte avec son propre compte.</translation>
    </message>
    <message>
        <source>&amp;Username</source>
        <translation>&amp;Identifiant</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Mot de passe</translation>
    </message>
    <message>
        <source>Sign &amp;in</source>
        <translation>Se &amp;connecter</translation>
    </message>
    <message>
        <source>Works without a network: accounts are checked on this computer.</source>
        <translation>Fonctionne sans réseau : les comptes sont vérifiés sur ce poste.</translation>
    </message>
</context>
<context>
    <name>StartupsPage</name>
    <message>
        <source>%1 (to confirm with the street address)</source>
        <translation>%1 (à confirmer selon l&apos;adresse exacte)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucune</translation>
    </message>
    <message>
        <source>Find the founder below, then save.</source>
        <translation>Cherchez le fondateur ci-dessous, puis enregistrez.</translation>
    </message>
    <message>
        <source>New startup</source>
        <translation>Nouvelle entreprise</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Enregistré.</translation>
    </message>
    <message>
        <source>Nobody found: check the spelling.</source>
        <translation>Aucune personne trouvée : vérifiez l&apos;orthographe.</translation>
    </message>
    <message>
        <source>Find the person first.</source>
        <translation>Cherchez d&apos;abord la personne.</translation>
    </message>
    <message>
        <source>Startups</source>
        <translation>Entreprises</translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation>&amp;Nouveau…</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Stade</translation>
    </message>
    <message>
        <source>Founders</source>
        <translation>Fondateurs</translation>
    </message>
    <message>
        <source>ZFU zone</source>
        <translation>Zone ZFU</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Fiche</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nom</translation>
    </message>
    <message>
        <source>S&amp;tage</source>
        <translation>S&amp;tade</translation>
    </message>
    <message>
        <source>S&amp;IRET</source>
        <translation>S&amp;IRET</translation>
    </message>
    <message>
        <source>&amp;Address</source>
        <translation>&amp;Adresse</translation>
    </message>
    <message>
        <source>Co&amp;mmune</source>
        <translation>Co&amp;mmune</translation>
    </message>
    <message>
        <source>Se&amp;ctor</source>
        <translation>Se&amp;cteur</translation>
    </message>
    <message>
        <source>Men&amp;tors</source>
        <translation>Men&amp;tors</translation>
    </message>
    <message>
        <source>&amp;Job family</source>
        <translation>&amp;Métier</translation>
    </message>
    <message>
        <source>Created on</source>
        <translation>Créée le</translation>
    </message>
    <message>
        <source>known:</source>
        <translation>connue :</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <source>Founders (people followed)</source>
        <translation>Fondateurs (personnes suivies)</translation>
    </message>
    <message>
        <source>Name, phone or e-mail</source>
        <translation>Nom, téléphone ou e-mail</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Chercher</translation>
    </message>
    <message>
        <source>Add as &amp;founder</source>
        <translation>Ajouter comme &amp;fondateur</translation>
    </message>
    <message>
        <source>Support actions</source>
        <translation>Actions d&apos;accompagnement</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Action (mentoring, workshop, financing…)</source>
        <translation>Action (mentorat, atelier, financement…)</translation>
    </message>
    <message>
        <source>Add the a&amp;ction</source>
        <translation>Ajouter l&apos;a&amp;ction</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <source>Synchronising…</source>
        <extracomment>requests for a file waiting for this campus&apos;s answer, as last heard (a cycle, or the tab&apos;s list)</extracomment>
        <translation>Synchronisation en cours…</translation>
    </message>
    <message>
        <source>Not synchronised yet since the application started</source>
        <translation>Pas encore synchronisé depuis l&apos;ouverture de l&apos;application</translation>
    </message>
    <message>
        <source>This computer is not enrolled with the head office</source>
        <translation>Ce poste n&apos;est pas inscrit auprès du siège</translation>
    </message>
    <message>
        <source>Online — up to date with the head office</source>
        <translation>En ligne — à jour avec le siège</translation>
    </message>
    <message>
        <source>Offline — changes stay on this computer and leave when the network returns</source>
        <translation>Hors ligne — les modifications restent sur ce poste et partiront au retour du réseau</translation>
    </message>
    <message>
        <source>Synchronisation failed</source>
        <translation>Échec de la synchronisation</translation>
    </message>
    <message>
        <source>Update needed</source>
        <translation>Mise à jour nécessaire</translation>
    </message>
    <message>
        <source>Downloading the campus&apos;s data…</source>
        <translation>Téléchargement des données du campus…</translation>
    </message>
    <message>
        <source>Downloading the campus&apos;s data: %1 of %2</source>
        <translation>Téléchargement des données du campus : %1 sur %2</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Envoi</translation>
    </message>
    <message>
        <source>Receiving</source>
        <translation>Réception</translation>
    </message>
    <message>
        <source>%1: %2 / %3</source>
        <translation>%1 : %2 / %3</translation>
    </message>
    <message>
        <source>%1…</source>
        <translation>%1…</translation>
    </message>
    <message>
        <source>Never synchronised</source>
        <translation>Jamais synchronisé</translation>
    </message>
    <message>
        <source>Synchronised just now</source>
        <translation>Synchronisé à l&apos;instant</translation>
    </message>
    <message numerus="yes">
        <source>Synchronised %n min ago</source>
        <translation>
            <numerusform>Synchronisé il y a %n min</numerusform>
            <numerusform>Synchronisé il y a %n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Synchronised %n hour(s) ago</source>
        <translation>
            <numerusform>Synchronisé il y a %n heure</numerusform>
            <numerusform>Synchronisé il y a %n heures</numerusform>
        </translation>
    </message>
    <message>
        <source>Synchronised on %1</source>
        <translation>Synchronisé le %1</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting to be sent</source>
        <translation>
            <numerusform>%Ln modification en attente d&apos;envoi</numerusform>
            <numerusform>%Ln modifications en attente d&apos;envoi</numerusform>
        </translation>
    </message>
    <message>
        <source>None: everything was sent</source>
        <translation>Aucune : tout est parti</translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s) to settle</source>
        <translation>
            <numerusform>%Ln conflit à régler</numerusform>
            <numerusform>%Ln conflits à régler</numerusform>
        </translation>
    </message>
    <message>
        <source>None</source>
        <translation>Aucun</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) received from the head office could not be stored on this computer. The rest of the synchronisation goes on; they are tried again at each synchronisation and the head office is told.</source>
        <translation>
            <numerusform>%n enregistrement reçu du siège n’a pas pu être enregistré sur ce poste. Le reste de la synchronisation continue ; il est réessayé à chaque synchronisation et le siège est prévenu.</numerusform>
            <numerusform>%n enregistrements reçus du siège n’ont pas pu être enregistrés sur ce poste. Le reste de la synchronisation continue ; ils sont réessayés à chaque synchronisation et le siège est prévenu.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… et %n autre</numerusform>
            <numerusform>… et %n autres</numerusform>
        </translation>
    </message>
    <message>
        <source>Automatic synchronisation is not running in this window</source>
        <translation>La synchronisation automatique ne tourne pas dans cette fenêtre</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Démarrage…</translation>
    </message>
    <message>
        <source>None until this computer is enrolled</source>
        <translation>Aucune tant que ce poste n&apos;est pas inscrit</translation>
    </message>
    <message>
        <source>Stopped until the problem is fixed: then press “Synchronise now”</source>
        <translation>Arrêtée jusqu&apos;à ce que le problème soit réglé : appuyez ensuite sur « Synchroniser maintenant »</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>En cours</translation>
    </message>
    <message numerus="yes">
        <source>New attempt by itself within %n second(s)</source>
        <translation>
            <numerusform>Nouvel essai automatique dans %n seconde au plus</numerusform>
            <numerusform>Nouvel essai automatique dans %n secondes au plus</numerusform>
        </translation>
    </message>
    <message>
        <source>By itself every minute, and a few seconds after each change</source>
        <translation>Automatique chaque minute, et quelques secondes après chaque modification</translation>
    </message>
    <message>
        <source>Last synchronisation: %1 sent, %2 received, %3 new conflict(s).</source>
        <translation>Dernière synchronisation : %1 envoi(s), %2 réception(s), %3 nouveau(x) conflit(s).</translation>
    </message>
    <message>
        <source>Likely duplicates</source>
        <translation>Doublons probables</translation>
    </message>
    <message>
        <source>Conflicts (%1)</source>
        <translation>Conflits (%1)</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Conflits</translation>
    </message>
    <message>
        <source>File requests (%1)</source>
        <translation>Demandes de dossier (%1)</translation>
    </message>
    <message>
        <source>Campus</source>
        <translation>Campus</translation>
    </message>
    <message>
        <source>File requests</source>
        <translation>Demandes de dossier</translation>
    </message>
    <message>
        <source>Synchronisation</source>
        <translation>Synchronisation</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Head office address</source>
        <translation>Adresse du siège</translation>
    </message>
    <message>
        <source>Last successful synchronisation</source>
        <translation>Dernière synchronisation réussie</translation>
    </message>
    <message>
        <source>Changes waiting</source>
        <translation>Modifications en attente</translation>
    </message>
    <message>
        <source>Set aside</source>
        <translation>Mis de côté</translation>
    </message>
    <message>
        <source>Next synchronisation</source>
        <translation>Prochaine synchronisation</translation>
    </message>
    <message>
        <source>Synchronise now</source>
        <translation>Synchroniser maintenant</translation>
    </message>
    <message>
        <source>This version of the application is too old for the head office. Install the new version (ask your technical contact). Nothing is lost: the changes waiting stay on this computer and will be sent after the update.</source>
        <translation>Cette version de l&apos;application est trop ancienne pour le siège. Installez la nouvelle version (demandez à votre contact technique). Rien n&apos;est perdu : les modifications en attente restent sur ce poste et partiront après la mise à jour.</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Dernière erreur</translation>
    </message>
</context>
<context>
    <name>TaskRunner</name>
    <message>
        <source>An unexpected error occurred. The details were written to the application log; if it happens again, tell your technical contact.</source>
        <translation>Une erreur inattendue est survenue. Le détail a été enregistré dans le journal de l&apos;application ; si cela se reproduit, prévenez votre contact technique.</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>The campus data in %1 could not be opened. The details were written to %2.</source>
        <extracomment>a kiosk device sends a check-in or a pre-registration this long after it is made (an advisor&apos;s PC waits 3 s)</extracomment>
        <translation>Les données du campus (%1) n&apos;ont pas pu être ouvertes. Le détail a été enregistré dans %2.</translation>
    </message>
</context>
</TS>
