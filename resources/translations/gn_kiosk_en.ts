<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>CheckInScreen</name>
    <message>
        <source>I have an appointment</source>
        <translation>I have an appointment</translation>
    </message>
    <message>
        <source>With my code</source>
        <translation>With my code</translation>
    </message>
    <message>
        <source>With my name</source>
        <translation>With my name</translation>
    </message>
    <message>
        <source>Appointment code</source>
        <translation>Appointment code</translation>
    </message>
    <message>
        <source>6 digits, written on your invitation.</source>
        <translation>6 digits, written on your invitation.</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>First name</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Last name</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>Birth date</translation>
    </message>
    <message>
        <source>Day/month/year, for example 14/02/2001.</source>
        <translation>Day/month/year, for example 14/02/2001.</translation>
    </message>
    <message>
        <source>Check in</source>
        <translation>Check in</translation>
    </message>
</context>
<context>
    <name>EnrolScreen</name>
    <message>
        <source>Back to the kiosk</source>
        <translation>Back to the kiosk</translation>
    </message>
    <message>
        <source>Enrol this kiosk</source>
        <translation>Enrol this kiosk</translation>
    </message>
    <message>
        <source>Type head office&apos;s address and the kiosk enrolment code head office gave you. The kiosk then receives its campus&apos;s catalogue and today&apos;s appointments, and sends check-ins at once.</source>
        <translation>Type head office&apos;s address and the kiosk enrolment code head office gave you. The kiosk then receives its campus&apos;s catalogue and today&apos;s appointments, and sends check-ins at once.</translation>
    </message>
    <message>
        <source>Head office address</source>
        <translation>Head office address</translation>
    </message>
    <message>
        <source>For example https://siege.example.fr</source>
        <translation>For example https://siege.example.fr</translation>
    </message>
    <message>
        <source>Kiosk enrolment code</source>
        <translation>Kiosk enrolment code</translation>
    </message>
    <message>
        <source>Four groups of four characters.</source>
        <translation>Four groups of four characters.</translation>
    </message>
    <message>
        <source>Enrol</source>
        <translation>Enrol</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>EventsScreen</name>
    <message>
        <source>No event is planned for now. Come back soon!</source>
        <translation>No event is planned for now. Come back soon!</translation>
    </message>
    <message>
        <source>Hackathon</source>
        <translation>Hackathon</translation>
    </message>
    <message>
        <source>Innovation contest</source>
        <translation>Innovation contest</translation>
    </message>
    <message>
        <source>Information session</source>
        <translation>Information session</translation>
    </message>
    <message>
        <source>Place to be confirmed</source>
        <translation>Place to be confirmed</translation>
    </message>
    <message>
        <source>Full</source>
        <translation>Full</translation>
    </message>
    <message>
        <source>Sign me up</source>
        <translation>Sign me up</translation>
    </message>
    <message>
        <source>Sign me up: %1</source>
        <translation>Sign me up: %1</translation>
    </message>
    <message>
        <source>Sign up for: %1</source>
        <translation>Sign up for: %1</translation>
    </message>
    <message>
        <source>Thank you, your place is booked. We will contact you if anything changes.</source>
        <translation>Thank you, your place is booked. We will contact you if anything changes.</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Events</translation>
    </message>
    <message>
        <source>Information sessions and hackathons. They are free.</source>
        <translation>Information sessions and hackathons. They are free.</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>First name</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Last name</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Phone or e-mail: give at least one.</source>
        <translation>Phone or e-mail: give at least one.</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>I agree that the campus keeps my name and contact until the event, to welcome me.</source>
        <translation>I agree that the campus keeps my name and contact until the event, to welcome me.</translation>
    </message>
    <message>
        <source>Book my place</source>
        <translation>Book my place</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Back</translation>
    </message>
</context>
<context>
    <name>ExitScreen</name>
    <message>
        <source>Staff only</source>
        <translation>Staff only</translation>
    </message>
    <message>
        <source>Type the campus manager&apos;s PIN to close the kiosk.</source>
        <translation>Type the campus manager&apos;s PIN to close the kiosk.</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Close the kiosk</source>
        <translation>Close the kiosk</translation>
    </message>
    <message>
        <source>Enrol this kiosk with head office</source>
        <translation>Enrol this kiosk with head office</translation>
    </message>
</context>
<context>
    <name>IdleOverlay</name>
    <message>
        <source>Are you still there?</source>
        <translation>Are you still there?</translation>
    </message>
    <message>
        <source>Without an answer, everything you typed will be erased.</source>
        <translation>Without an answer, everything you typed will be erased.</translation>
    </message>
    <message>
        <source>Yes, I am still here</source>
        <translation>Yes, I am still here</translation>
    </message>
</context>
<context>
    <name>JobsScreen</name>
    <message>
        <source>Developers write the code of websites, apps and software. You build things step by step.</source>
        <translation>Developers write the code of websites, apps and software. You build things step by step.</translation>
    </message>
    <message>
        <source>Data jobs collect and sort information, then turn it into tables and charts.</source>
        <translation>Data jobs collect and sort information, then turn it into tables and charts.</translation>
    </message>
    <message>
        <source>Artificial intelligence jobs teach computers to recognise text, images or voices.</source>
        <translation>Artificial intelligence jobs teach computers to recognise text, images or voices.</translation>
    </message>
    <message>
        <source>Cybersecurity jobs protect computers and data from attacks.</source>
        <translation>Cybersecurity jobs protect computers and data from attacks.</translation>
    </message>
    <message>
        <source>Network and system technicians install and repair computers and networks.</source>
        <translation>Network and system technicians install and repair computers and networks.</translation>
    </message>
    <message>
        <source>Video game jobs create games: code, images, sound and game design.</source>
        <translation>Video game jobs create games: code, images, sound and game design.</translation>
    </message>
    <message>
        <source>Choose a job family to learn more.</source>
        <translation>Choose a job family to learn more.</translation>
    </message>
    <message>
        <source>No upcoming session for now. Ask at the front desk.</source>
        <translation>No upcoming session for now. Ask at the front desk.</translation>
    </message>
    <message>
        <source>Starts on %1. Lasts %2 weeks.</source>
        <translation>Starts on %1. Lasts %2 weeks.</translation>
    </message>
    <message>
        <source>Place to be confirmed</source>
        <translation>Place to be confirmed</translation>
    </message>
    <message>
        <source>%1, about %2 km from you</source>
        <translation>%1, about %2 km from you</translation>
    </message>
    <message>
        <source>Discover digital jobs</source>
        <translation>Discover digital jobs</translation>
    </message>
    <message>
        <source>There are six families of digital jobs. Choose one to learn more.</source>
        <translation>There are six families of digital jobs. Choose one to learn more.</translation>
    </message>
    <message>
        <source>Where do you live?</source>
        <translation>Where do you live?</translation>
    </message>
    <message>
        <source>Anywhere in Seine-Saint-Denis</source>
        <translation>Anywhere in Seine-Saint-Denis</translation>
    </message>
    <message>
        <source>Another town</source>
        <translation>Another town</translation>
    </message>
    <message>
        <source>Next training sessions near you</source>
        <translation>Next training sessions near you</translation>
    </message>
    <message>
        <source>Software development</source>
        <translation>Software development</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Data</translation>
    </message>
    <message>
        <source>Artificial intelligence</source>
        <translation>Artificial intelligence</translation>
    </message>
    <message>
        <source>Cybersecurity</source>
        <translation>Cybersecurity</translation>
    </message>
    <message>
        <source>Networks and systems</source>
        <translation>Networks and systems</translation>
    </message>
    <message>
        <source>Video games</source>
        <translation>Video games</translation>
    </message>
</context>
<context>
    <name>Keypad</name>
    <message>
        <source>Erase</source>
        <translation>Erase</translation>
    </message>
</context>
<context>
    <name>KioskHeader</name>
    <message>
        <source>Home</source>
        <translation>Home</translation>
    </message>
    <message>
        <source>Text size: %1 %</source>
        <translation>Text size: %1 %</translation>
    </message>
    <message>
        <source>Make the text bigger</source>
        <translation>Make the text bigger</translation>
    </message>
</context>
<context>
    <name>KioskMessages</name>
    <message>
        <source>The appointment code has 6 digits.</source>
        <translation>The appointment code has 6 digits.</translation>
    </message>
    <message>
        <source>First name: please fill it in.</source>
        <translation>First name: please fill it in.</translation>
    </message>
    <message>
        <source>Last name: please fill it in.</source>
        <translation>Last name: please fill it in.</translation>
    </message>
    <message>
        <source>Birth date: type day/month/year, for example 14/02/2001.</source>
        <translation>Birth date: type day/month/year, for example 14/02/2001.</translation>
    </message>
    <message>
        <source>Phone: type 10 digits, like 06 12 34 56 78. Or give an e-mail.</source>
        <translation>Phone: type 10 digits, like 06 12 34 56 78. Or give an e-mail.</translation>
    </message>
    <message>
        <source>E-mail: check it, it looks like name@example.fr.</source>
        <translation>E-mail: check it, it looks like name@example.fr.</translation>
    </message>
    <message>
        <source>Town: choose it in the list.</source>
        <translation>Town: choose it in the list.</translation>
    </message>
    <message>
        <source>Choose what brings you here.</source>
        <translation>Choose what brings you here.</translation>
    </message>
    <message>
        <source>Tick “I agree” so that we can keep your details.</source>
        <translation>Tick “I agree” so that we can keep your details.</translation>
    </message>
    <message>
        <source>This event is no longer open for sign-up.</source>
        <translation>This event is no longer open for sign-up.</translation>
    </message>
    <message>
        <source>Please check this field.</source>
        <translation>Please check this field.</translation>
    </message>
    <message>
        <source>We could not find your appointment for today. Check what you typed, or ask at the desk.</source>
        <translation>We could not find your appointment for today. Check what you typed, or ask at the desk.</translation>
    </message>
    <message>
        <source>You can try again in %1 seconds.</source>
        <translation>You can try again in %1 seconds.</translation>
    </message>
    <message>
        <source>Too many tries. Wait %1 seconds.</source>
        <translation>Too many tries. Wait %1 seconds.</translation>
    </message>
    <message>
        <source>Something went wrong. Please ask at the front desk.</source>
        <translation>Something went wrong. Please ask at the front desk.</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <source>Le Grand Numérique — welcome kiosk</source>
        <extracomment>extra delay before a failed check-in can be retried (slows down guessing codes)</extracomment>
        <translation>Le Grand Numérique — welcome kiosk</translation>
    </message>
    <message>
        <source>Some answers need a correction. They are marked with ⚠.</source>
        <translation>Some answers need a correction. They are marked with ⚠.</translation>
    </message>
    <message>
        <source>Wrong PIN. Wait %1 seconds before trying again.</source>
        <translation>Wrong PIN. Wait %1 seconds before trying again.</translation>
    </message>
    <message>
        <source>Head office address: type it, it starts with https://.</source>
        <translation>Head office address: type it, it starts with https://.</translation>
    </message>
    <message>
        <source>Kiosk enrolment code: type it as head office gave it.</source>
        <translation>Kiosk enrolment code: type it as head office gave it.</translation>
    </message>
    <message>
        <source>This kiosk cannot be enrolled from here.</source>
        <translation>This kiosk cannot be enrolled from here.</translation>
    </message>
    <message>
        <source>Contacting head office…</source>
        <translation>Contacting head office…</translation>
    </message>
    <message>
        <source>This kiosk is enrolled. It receives its campus&apos;s catalogue and today&apos;s appointments.</source>
        <translation>This kiosk is enrolled. It receives its campus&apos;s catalogue and today&apos;s appointments.</translation>
    </message>
</context>
<context>
    <name>NewVisitorScreen</name>
    <message>
        <source>I am new here</source>
        <translation>I am new here</translation>
    </message>
    <message>
        <source>Tell us who you are. An advisor will see you soon.</source>
        <translation>Tell us who you are. An advisor will see you soon.</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>First name</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Last name</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>Birth date</translation>
    </message>
    <message>
        <source>Day/month/year, for example 14/02/2001.</source>
        <translation>Day/month/year, for example 14/02/2001.</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Phone or e-mail: give at least one.</source>
        <translation>Phone or e-mail: give at least one.</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Where do you live?</source>
        <translation>Where do you live?</translation>
    </message>
    <message>
        <source>Choose your town</source>
        <translation>Choose your town</translation>
    </message>
    <message>
        <source>Another town</source>
        <translation>Another town</translation>
    </message>
    <message>
        <source>Name of your town</source>
        <translation>Name of your town</translation>
    </message>
    <message>
        <source>What brings you here?</source>
        <translation>What brings you here?</translation>
    </message>
    <message>
        <source>Find a training course</source>
        <translation>Find a training course</translation>
    </message>
    <message>
        <source>Find a job</source>
        <translation>Find a job</translation>
    </message>
    <message>
        <source>Start a business</source>
        <translation>Start a business</translation>
    </message>
    <message>
        <source>Get information</source>
        <translation>Get information</translation>
    </message>
    <message>
        <source>Do you need help to be welcomed? (optional)</source>
        <translation>Do you need help to be welcomed? (optional)</translation>
    </message>
    <message>
        <source>For example: wheelchair, hearing, reading, an interpreter.</source>
        <translation>For example: wheelchair, hearing, reading, an interpreter.</translation>
    </message>
    <message>
        <source>We keep these details to help you find a training or a job. Only the campus team sees them. We delete them 2 years after your last visit. You can ask to see, change or delete them.</source>
        <translation>We keep these details to help you find a training or a job. Only the campus team sees them. We delete them 2 years after your last visit. You can ask to see, change or delete them.</translation>
    </message>
    <message>
        <source>I agree</source>
        <translation>I agree</translation>
    </message>
    <message>
        <source>Send and get my ticket</source>
        <translation>Send and get my ticket</translation>
    </message>
</context>
<context>
    <name>OnScreenKeyboard</name>
    <message>
        <source>Capital letter</source>
        <translation>Capital letter</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>Space</translation>
    </message>
    <message>
        <source>Erase</source>
        <translation>Erase</translation>
    </message>
</context>
<context>
    <name>TicketScreen</name>
    <message>
        <source>Welcome, %1</source>
        <translation>Welcome, %1</translation>
    </message>
    <message>
        <source>Thank you</source>
        <translation>Thank you</translation>
    </message>
    <message>
        <source>Your ticket number:</source>
        <translation>Your ticket number:</translation>
    </message>
    <message>
        <source>Please take a seat. Your advisor knows you are here.</source>
        <translation>Please take a seat. Your advisor knows you are here.</translation>
    </message>
    <message>
        <source>Please take a seat. An advisor will call your number.</source>
        <translation>Please take a seat. An advisor will call your number.</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>Finish</translation>
    </message>
</context>
<context>
    <name>WelcomeScreen</name>
    <message>
        <source>Welcome to the campus</source>
        <translation>Welcome to the campus</translation>
    </message>
    <message>
        <source>I have an appointment</source>
        <translation>I have an appointment</translation>
    </message>
    <message>
        <source>I am new here</source>
        <translation>I am new here</translation>
    </message>
    <message>
        <source>Discover digital jobs</source>
        <translation>Discover digital jobs</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Events</translation>
    </message>
    <message>
        <source>Need help? Ask at the front desk.</source>
        <translation>Need help? Ask at the front desk.</translation>
    </message>
</context>
</TS>
