<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>HomePage</name>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <source>The figures could not be loaded: %1</source>
        <translation>Les chiffres n&apos;ont pas pu être chargés : %1</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualiser</translation>
    </message>
    <message>
        <source>Reload the figures (F5)</source>
        <translation>Recharger les chiffres (F5)</translation>
    </message>
    <message>
        <source>People by pathway step</source>
        <translation>Personnes par étape du parcours</translation>
    </message>
    <message>
        <source>Pathway step</source>
        <translation>Étape du parcours</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personnes</translation>
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
        <source>changes waiting to be synchronised</source>
        <translation>
            <numerusform>modification en attente de synchronisation</numerusform>
            <numerusform>modifications en attente de synchronisation</numerusform>
        </translation>
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
        <source>Offline — data stays on this computer</source>
        <translation>Hors ligne — les données restent sur ce poste</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Version %1</translation>
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
            <numerusform>%n modification en attente de synchronisation</numerusform>
            <numerusform>%n modifications en attente de synchronisation</numerusform>
        </translation>
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
</context>
<context>
    <name>PlaceholderPage</name>
    <message>
        <source>Coming soon</source>
        <translation>Bientôt disponible</translation>
    </message>
    <message>
        <source>This part of the application arrives in a later version.</source>
        <translation>Cette partie de l&apos;application arrivera dans une prochaine version.</translation>
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
        <translation>Les données du campus (%1) n&apos;ont pas pu être ouvertes. Le détail a été enregistré dans %2.</translation>
    </message>
</context>
</TS>
