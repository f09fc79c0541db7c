<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>CheckInScreen</name>
    <message>
        <source>I have an appointment</source>
        <translation>J&apos;ai un rendez-vous</translation>
    </message>
    <message>
        <source>With my code</source>
        <translation>Avec mon code</translation>
    </message>
    <message>
        <source>With my name</source>
        <translation>Avec mon nom</translation>
    </message>
    <message>
        <source>Appointment code</source>
        <translation>Code du rendez-vous</translation>
    </message>
    <message>
        <source>6 digits, written on your invitation.</source>
        <translation>6 chiffres, écrits sur votre convocation.</translation>
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
        <source>Birth date</source>
        <translation>Date de naissance</translation>
    </message>
    <message>
        <source>Day/month/year, for example 14/02/2001.</source>
        <translation>Jour/mois/année, par exemple 14/02/2001.</translation>
    </message>
    <message>
        <source>Check in</source>
        <translation>Je signale mon arrivée</translation>
    </message>
</context>
<context>
    <name>EnrolScreen</name>
    <message>
        <source>Back to the kiosk</source>
        <translation>Revenir à la borne</translation>
    </message>
    <message>
        <source>Enrol this kiosk</source>
        <translation>Inscrire la borne</translation>
    </message>
    <message>
        <source>Type head office&apos;s address and the kiosk enrolment code head office gave you. The kiosk then receives its campus&apos;s catalogue and today&apos;s appointments, and sends check-ins at once.</source>
        <translation>Tapez l&apos;adresse du siège et le code d&apos;inscription de borne que le siège vous a donné. La borne reçoit ensuite le catalogue de son campus et les rendez-vous du jour, et envoie les arrivées aussitôt.</translation>
    </message>
    <message>
        <source>Head office address</source>
        <translation>Adresse du siège</translation>
    </message>
    <message>
        <source>For example https://siege.example.fr</source>
        <translation>Par exemple https://siege.example.fr</translation>
    </message>
    <message>
        <source>Kiosk enrolment code</source>
        <translation>Code d&apos;inscription de la borne</translation>
    </message>
    <message>
        <source>Four groups of four characters.</source>
        <translation>Quatre groupes de quatre caractères.</translation>
    </message>
    <message>
        <source>Enrol</source>
        <translation>Inscrire</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>EventsScreen</name>
    <message>
        <source>No event is planned for now. Come back soon!</source>
        <translation>Aucun événement n&apos;est prévu pour le moment. Revenez bientôt !</translation>
    </message>
    <message>
        <source>Hackathon</source>
        <translation>Hackathon</translation>
    </message>
    <message>
        <source>Innovation contest</source>
        <translation>Concours d&apos;innovation</translation>
    </message>
    <message>
        <source>Information session</source>
        <translation>Réunion d&apos;information</translation>
    </message>
    <message>
        <source>Place to be confirmed</source>
        <translation>Lieu à confirmer</translation>
    </message>
    <message>
        <source>Full</source>
        <translation>Complet</translation>
    </message>
    <message>
        <source>Sign me up</source>
        <translation>Je m&apos;inscris</translation>
    </message>
    <message>
        <source>Sign me up: %1</source>
        <translation>Je m&apos;inscris : %1</translation>
    </message>
    <message>
        <source>Sign up for: %1</source>
        <translation>Inscription : %1</translation>
    </message>
    <message>
        <source>Thank you, your place is booked. We will contact you if anything changes.</source>
        <translation>Merci, votre place est réservée. Nous vous prévenons si quelque chose change.</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Événements</translation>
    </message>
    <message>
        <source>Information sessions and hackathons. They are free.</source>
        <translation>Réunions d&apos;information et hackathons. C&apos;est gratuit.</translation>
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
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>Phone or e-mail: give at least one.</source>
        <translation>Téléphone ou e-mail : donnez au moins l&apos;un des deux.</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>I agree that the campus keeps my name and contact until the event, to welcome me.</source>
        <translation>J&apos;accepte que le campus garde mon nom et mon contact jusqu&apos;à l&apos;événement, pour m&apos;accueillir.</translation>
    </message>
    <message>
        <source>Book my place</source>
        <translation>Je réserve ma place</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Retour</translation>
    </message>
</context>
<context>
    <name>ExitScreen</name>
    <message>
        <source>Staff only</source>
        <translation>Réservé au personnel</translation>
    </message>
    <message>
        <source>Type the campus manager&apos;s PIN to close the kiosk.</source>
        <translation>Tapez le code PIN du responsable de campus pour fermer la borne.</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>Code PIN</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Close the kiosk</source>
        <translation>Fermer la borne</translation>
    </message>
    <message>
        <source>Enrol this kiosk with head office</source>
        <translation>Inscrire la borne auprès du siège</translation>
    </message>
</context>
<context>
    <name>IdleOverlay</name>
    <message>
        <source>Are you still there?</source>
        <translation>Êtes-vous toujours là ?</translation>
    </message>
    <message>
        <source>Without an answer, everything you typed will be erased.</source>
        <translation>Sans réponse, tout ce que vous avez tapé sera effacé.</translation>
    </message>
    <message>
        <source>Yes, I am still here</source>
        <translation>Oui, je suis là</translation>
    </message>
</context>
<context>
    <name>JobsScreen</name>
    <message>
        <source>Developers write the code of websites, apps and software. You build things step by step.</source>
        <translation>Les développeurs écrivent le code des sites, des applications et des logiciels. On construit pas à pas.</translation>
    </message>
    <message>
        <source>Data jobs collect and sort information, then turn it into tables and charts.</source>
        <translation>Les métiers de la data rassemblent et trient les informations, puis en font des tableaux et des graphiques.</translation>
    </message>
    <message>
        <source>Artificial intelligence jobs teach computers to recognise text, images or voices.</source>
        <translation>Les métiers de l&apos;intelligence artificielle apprennent aux ordinateurs à reconnaître des textes, des images ou des voix.</translation>
    </message>
    <message>
        <source>Cybersecurity jobs protect computers and data from attacks.</source>
        <translation>Les métiers de la cybersécurité protègent les ordinateurs et les données contre les attaques.</translation>
    </message>
    <message>
        <source>Network and system technicians install and repair computers and networks.</source>
        <translation>Les techniciens réseaux et systèmes installent et réparent les ordinateurs et les réseaux.</translation>
    </message>
    <message>
        <source>Video game jobs create games: code, images, sound and game design.</source>
        <translation>Les métiers du jeu vidéo créent des jeux : code, images, son et règles du jeu.</translation>
    </message>
    <message>
        <source>Choose a job family to learn more.</source>
        <translation>Choisissez une famille de métiers pour en savoir plus.</translation>
    </message>
    <message>
        <source>No upcoming session for now. Ask at the front desk.</source>
        <translation>Pas de session prévue pour le moment. Demandez à l&apos;accueil.</translation>
    </message>
    <message>
        <source>Starts on %1. Lasts %2 weeks.</source>
        <translation>Début le %1. Durée : %2 semaines.</translation>
    </message>
    <message>
        <source>Place to be confirmed</source>
        <translation>Lieu à confirmer</translation>
    </message>
    <message>
        <source>%1, about %2 km from you</source>
        <translation>%1, à environ %2 km de chez vous</translation>
    </message>
    <message>
        <source>Discover digital jobs</source>
        <translation>Découvrir les métiers du numérique</translation>
    </message>
    <message>
        <source>There are six families of digital jobs. Choose one to learn more.</source>
        <translation>Il existe six familles de métiers du numérique. Choisissez-en une pour en savoir plus.</translation>
    </message>
    <message>
        <source>Where do you live?</source>
        <translation>Où habitez-vous ?</translation>
    </message>
    <message>
        <source>Anywhere in Seine-Saint-Denis</source>
        <translation>Partout en Seine-Saint-Denis</translation>
    </message>
    <message>
        <source>Another town</source>
        <translation>Autre commune</translation>
    </message>
    <message>
        <source>Next training sessions near you</source>
        <translation>Prochaines formations près de chez vous</translation>
    </message>
    <message>
        <source>Software development</source>
        <translation>Développement</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Data</translation>
    </message>
    <message>
        <source>Artificial intelligence</source>
        <translation>Intelligence artificielle</translation>
    </message>
    <message>
        <source>Cybersecurity</source>
        <translation>Cybersécurité</translation>
    </message>
    <message>
        <source>Networks and systems</source>
        <translation>Réseaux et systèmes</translation>
    </message>
    <message>
        <source>Video games</source>
        <translation>Jeu vidéo</translation>
    </message>
</context>
<context>
    <name>Keypad</name>
    <message>
        <source>Erase</source>
        <translation>Effacer</translation>
    </message>
</context>
<context>
    <name>KioskHeader</name>
    <message>
        <source>Home</source>
        <translation>Accueil</translation>
    </message>
    <message>
        <source>Text size: %1 %</source>
        <translation>Taille du texte : %1 %</translation>
    </message>
    <message>
        <source>Make the text bigger</source>
        <translation>Agrandir le texte</translation>
    </message>
</context>
<context>
    <name>KioskMessages</name>
    <message>
        <source>The appointment code has 6 digits.</source>
        <translation>Le code du rendez-vous a 6 chiffres.</translation>
    </message>
    <message>
        <source>First name: please fill it in.</source>
        <translation>Prénom : merci de le remplir.</translation>
    </message>
    <message>
        <source>Last name: please fill it in.</source>
        <translation>Nom : merci de le remplir.</translation>
    </message>
    <message>
        <source>Birth date: type day/month/year, for example 14/02/2001.</source>
        <translation>Date de naissance : tapez jour/mois/année, par exemple 14/02/2001.</translation>
    </message>
    <message>
        <source>Phone: type 10 digits, like 06 12 34 56 78. Or give an e-mail.</source>
        <translation>Téléphone : tapez 10 chiffres, comme 06 12 34 56 78. Ou donnez un e-mail.</translation>
    </message>
    <message>
        <source>E-mail: check it, it looks like name@example.fr.</source>
        <translation>E-mail : vérifiez-le, il ressemble à nom@exemple.fr.</translation>
    </message>
    <message>
        <source>Town: choose it in the list.</source>
        <translation>Commune : choisissez-la dans la liste.</translation>
    </message>
    <message>
        <source>Choose what brings you here.</source>
        <translation>Choisissez ce qui vous amène.</translation>
    </message>
    <message>
        <source>Tick “I agree” so that we can keep your details.</source>
        <translation>Cochez « J&apos;accepte » pour que nous gardions vos informations.</translation>
    </message>
    <message>
        <source>This event is no longer open for sign-up.</source>
        <translation>Les inscriptions à cet événement sont fermées.</translation>
    </message>
    <message>
        <source>Please check this field.</source>
        <translation>Vérifiez ce champ.</translation>
    </message>
    <message>
        <source>We could not find your appointment for today. Check what you typed, or ask at the desk.</source>
        <translation>Nous n&apos;avons pas trouvé votre rendez-vous d&apos;aujourd&apos;hui. Vérifiez ce que vous avez tapé, ou demandez à l&apos;accueil.</translation>
    </message>
    <message>
        <source>You can try again in %1 seconds.</source>
        <translation>Vous pourrez réessayer dans %1 secondes.</translation>
    </message>
    <message>
        <source>Too many tries. Wait %1 seconds.</source>
        <translation>Trop d&apos;essais. Attendez %1 secondes.</translation>
    </message>
    <message>
        <source>Something went wrong. Please ask at the front desk.</source>
        <translation>Un problème est survenu. Demandez à l&apos;accueil.</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <source>Le Grand Numérique — welcome kiosk</source>
        <extracomment>extra delay before a failed check-in can be retried (slows down guessing codes)</extracomment>
        <translation>Le Grand Numérique — borne d&apos;accueil</translation>
    </message>
    <message>
        <source>Some answers need a correction. They are marked with ⚠.</source>
        <translation>Certaines réponses sont à corriger. Elles sont marquées par ⚠.</translation>
    </message>
    <message>
        <source>Wrong PIN. Wait %1 seconds before trying again.</source>
        <translation>Code PIN incorrect. Attendez %1 secondes avant de réessayer.</translation>
    </message>
    <message>
        <source>Head office address: type it, it starts with https://.</source>
        <translation>Adresse du siège : tapez-la, elle commence par https://.</translation>
    </message>
    <message>
        <source>Kiosk enrolment code: type it as head office gave it.</source>
        <translation>Code d&apos;inscription : tapez-le tel que le siège l&apos;a donné.</translation>
    </message>
    <message>
        <source>This kiosk cannot be enrolled from here.</source>
        <translation>Cette borne ne peut pas être inscrite d&apos;ici.</translation>
    </message>
    <message>
        <source>Contacting head office…</source>
        <translation>Connexion au siège…</translation>
    </message>
    <message>
        <source>This kiosk is enrolled. It receives its campus&apos;s catalogue and today&apos;s appointments.</source>
        <translation>La borne est inscrite. Elle reçoit le catalogue de son campus et les rendez-vous du jour.</translation>
    </message>
</context>
<context>
    <name>NewVisitorScreen</name>
    <message>
        <source>I am new here</source>
        <translation>Je viens pour la première fois</translation>
    </message>
    <message>
        <source>Tell us who you are. An advisor will see you soon.</source>
        <translation>Dites-nous qui vous êtes. Un conseiller va vous recevoir.</translation>
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
        <source>Birth date</source>
        <translation>Date de naissance</translation>
    </message>
    <message>
        <source>Day/month/year, for example 14/02/2001.</source>
        <translation>Jour/mois/année, par exemple 14/02/2001.</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>Phone or e-mail: give at least one.</source>
        <translation>Téléphone ou e-mail : donnez au moins l&apos;un des deux.</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Where do you live?</source>
        <translation>Où habitez-vous ?</translation>
    </message>
    <message>
        <source>Choose your town</source>
        <translation>Choisissez votre commune</translation>
    </message>
    <message>
        <source>Another town</source>
        <translation>Autre commune</translation>
    </message>
    <message>
        <source>Name of your town</source>
        <translation>Nom de votre commune</translation>
    </message>
    <message>
        <source>What brings you here?</source>
        <translation>Qu&apos;est-ce qui vous amène ?</translation>
    </message>
    <message>
        <source>Find a training course</source>
        <translation>Trouver une formation</translation>
    </message>
    <message>
        <source>Find a job</source>
        <translation>Trouver un emploi</translation>
    </message>
    <message>
        <source>Start a business</source>
        <translation>Créer une entreprise</translation>
    </message>
    <message>
        <source>Get information</source>
        <translation>M&apos;informer</translation>
    </message>
    <message>
        <source>Do you need help to be welcomed? (optional)</source>
        <translation>Avez-vous besoin d&apos;aide pour être accueilli ? (facultatif)</translation>
    </message>
    <message>
        <source>For example: wheelchair, hearing, reading, an interpreter.</source>
        <translation>Par exemple : fauteuil roulant, audition, lecture, interprète.</translation>
    </message>
    <message>
        <source>We keep these details to help you find a training or a job. Only the campus team sees them. We delete them 2 years after your last visit. You can ask to see, change or delete them.</source>
        <translation>Nous gardons ces informations pour vous aider à trouver une formation ou un emploi. Seule l&apos;équipe du campus les voit. Nous les effaçons 2 ans après votre dernière visite. Vous pouvez demander à les voir, les changer ou les effacer.</translation>
    </message>
    <message>
        <source>I agree</source>
        <translation>J&apos;accepte</translation>
    </message>
    <message>
        <source>Send and get my ticket</source>
        <translation>Envoyer et prendre mon ticket</translation>
    </message>
</context>
<context>
    <name>OnScreenKeyboard</name>
    <message>
        <source>Capital letter</source>
        <translation>Majuscule</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>Espace</translation>
    </message>
    <message>
        <source>Erase</source>
        <translation>Effacer</translation>
    </message>
</context>
<context>
    <name>TicketScreen</name>
    <message>
        <source>Welcome, %1</source>
        <translation>Bienvenue, %1</translation>
    </message>
    <message>
        <source>Thank you</source>
        <translation>Merci</translation>
    </message>
    <message>
        <source>Your ticket number:</source>
        <translation>Votre numéro de ticket :</translation>
    </message>
    <message>
        <source>Please take a seat. Your advisor knows you are here.</source>
        <translation>Installez-vous. Votre conseiller sait que vous êtes là.</translation>
    </message>
    <message>
        <source>Please take a seat. An advisor will call your number.</source>
        <translation>Installez-vous. Un conseiller va appeler votre numéro.</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>Terminer</translation>
    </message>
</context>
<context>
    <name>WelcomeScreen</name>
    <message>
        <source>Welcome to the campus</source>
        <translation>Bienvenue au campus</translation>
    </message>
    <message>
        <source>I have an appointment</source>
        <translation>J&apos;ai un rendez-vous</translation>
    </message>
    <message>
        <source>I am new here</source>
        <translation>Je viens pour la première fois</translation>
    </message>
    <message>
        <source>Discover digital jobs</source>
        <translation>Découvrir les métiers du numérique</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Événements</translation>
    </message>
    <message>
        <source>Need help? Ask at the front desk.</source>
        <translation>Besoin d&apos;aide ? Demandez à l&apos;accueil.</translation>
    </message>
</context>
</TS>
