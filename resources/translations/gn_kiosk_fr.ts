<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>KioskWindow</name>
    <message>
        <source>Welcome to the campus</source>
        <translation>Bienvenue au campus</translation>
    </message>
    <message>
        <source>I have arrived</source>
        <translation>Je suis arrivé(e)</translation>
    </message>
    <message>
        <source>Sign me up</source>
        <translation>M'inscrire</translation>
    </message>
    <message>
        <source>Discover the training programmes</source>
        <translation>Découvrir les formations</translation>
    </message>
    <message>
        <source>Coming soon</source>
        <translation>Bientôt disponible</translation>
    </message>
    <message>
        <source>Need help? Ask the staff at the front desk.</source>
        <translation>Besoin d'aide ? Adressez-vous à l'accueil.</translation>
    </message>
    <message>
        <source>Le Grand Numérique — welcome kiosk</source>
        <translation>Le Grand Numérique — borne d'accueil</translation>
    </message>
</context>
</TS>
