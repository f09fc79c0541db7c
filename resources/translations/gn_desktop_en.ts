<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>AccessDocument</name>
    <message>
        <source>Personal data of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported on %1 by %2, at the request of the person (right of access, article 15 of the GDPR). This document holds everything recorded about them on this computer: every record and every change, with who made it and when. The JSON file beside it holds the same data in a structured form.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sensitive data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the people whose work needs it see these data: the disability recognition decision (RQTH, its dates only, never a diagnosis) and the restricted notes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History of changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identity and situation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pathway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow-up notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Appointments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Referrals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Business</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kiosk pre-registrations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kiosk visits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>recorded on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>head office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Business founder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Business support action</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AppointmentsTab</name>
    <message>
        <source>Selected appointment: choose one in the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selected appointment: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Advisor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N&amp;ote (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What happened: it goes into the follow-up notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark &amp;done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark &amp;missed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New &amp;time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mo&amp;ve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New appointment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>D&amp;uration (min)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Su&amp;bject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Book</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CatalogueList</name>
    <message>
        <source>&amp;Restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An entry of the network: HQ keeps it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An entry of campus %1: that campus keeps it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Correct…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show archived entries</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CataloguePage</name>
    <message>
        <source>Network (HQ)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>archived</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training sessions (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job offers (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partners (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Programmes (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>committed to hire</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n week(s)</source>
        <translation>
            <numerusform>%n week</numerusform>
            <numerusform>%n weeks</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partners and programmes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job offers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partners</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Programmes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commune</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Programme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job family</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Funding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Places left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Employer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contract</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Posted on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closes on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConflictsInbox</name>
    <message>
        <source>(not on this campus)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the value to keep, or choose one of the two versions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n decision(s) waiting to be sent to the head office</source>
        <translation>
            <numerusform>%n decision waiting to be sent to the head office</numerusform>
            <numerusform>%n decisions waiting to be sent to the head office</numerusform>
        </translation>
    </message>
    <message>
        <source>Your role does not allow you to read this information: a campus manager must settle this conflict.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Original value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This campus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other campus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the head office kept this campus&apos;s value (the most recent).</source>
        <translation>the head office kept this campus&apos;s value (the most recent).</translation>
    </message>
    <message>
        <source>the head office kept the other campus&apos;s value (the most recent).</source>
        <translation>the head office kept the other campus&apos;s value (the most recent).</translation>
    </message>
    <message>
        <source>Settled automatically: %1 Check it: keep it, or restore the other one.</source>
        <translation>Settled automatically: %1 Check it: keep it, or restore the other one.</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (deleted on one side)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>existing record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kept and changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The same information was changed here and on another campus before they could synchronise. Choose the right value for each one: your decision is sent to the head office and to every campus.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Person</source>
        <translation type="unfinished">Person</translation>
    </message>
    <message>
        <source>Information</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed there (when, by whom)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conflicts to settle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No conflict to settle.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Or type another value…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep this value</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConsentBoxes</name>
    <message>
        <source>Consent texts, version %1. Read them to the person before ticking.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConsentDialog</name>
    <message>
        <source>Withdraw a consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Withdraw the consent “%1”&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The withdrawal is dated and kept in the history; the consent given before stays on record. The person may give it again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Withdrawn on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Withdraw the consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record a consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Record the consent “%1”&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read this text to the person (version %1) and record their agreement only if they accept:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Given on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Record the consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Without this consent the person can no longer be followed: add no more notes, appointments or referrals to their file. The withdrawal shows at the top of their file. Offer them the erasure of their data (a campus manager does it).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Their file must no longer be passed to partner training organisations or employers. Referrals already made stay in the file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>They must no longer be contacted by text message: no appointment reminders, no offers by SMS.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>They will no longer receive the newsletter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Their RQTH decision can no longer be recorded or corrected. The decision already recorded stays visible to the advisors and managers of the campus only, until the file is erased.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConsentsTab</name>
    <message>
        <source>Not given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text of the consent (version %1):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This processing rests on “%1”, not on consent: it cannot be withdrawn. If the person objects to it, note it and tell the campus manager.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n earlier record(s) of this consent are in the history.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Legal basis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Given on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdrawn on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consents of this person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Withdraw the consent…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Record the consent…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DetailsTab</name>
    <message>
        <source>%1: now %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(you had typed: %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This file was changed while you were correcting it (on another computer, or in another window). Nothing was saved. The form now shows the new values:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check them, apply your corrections again if they are still needed, then save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some fields need correcting: see the messages under them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the person&apos;s identity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are about to change this person&apos;s identity:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check it against an identity document: the name and birth date are how the person is found and told apart from others, here and at the head office.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the identity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the corrections (Ctrl+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo my changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every correction is kept in the history (who, when, the value before). Changing the name or birth date asks for a confirmation.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DuplicatesTab</name>
    <message>
        <source>Asking the head office…</source>
        <translation>Asking the head office…</translation>
    </message>
    <message>
        <source>This computer is not linked to the head office.</source>
        <translation>This computer is not linked to the head office.</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>never</source>
        <translation>never</translation>
    </message>
    <message>
        <source>same name</source>
        <translation>same name</translation>
    </message>
    <message>
        <source>close name</source>
        <translation>close name</translation>
    </message>
    <message>
        <source>same birth date</source>
        <translation>same birth date</translation>
    </message>
    <message>
        <source>same phone</source>
        <translation>same phone</translation>
    </message>
    <message>
        <source>same e-mail</source>
        <translation>same e-mail</translation>
    </message>
    <message>
        <source>No likely duplicate concerns this campus.</source>
        <translation>No likely duplicate concerns this campus.</translation>
    </message>
    <message>
        <source>%1 pair(s) to review.</source>
        <translation>%1 pair(s) to review.</translation>
    </message>
    <message>
        <source>The head office compares every campus&apos;s people at each synchronisation. These files look like one person followed at two places. To merge them or mark them as two different people, tell the head office: the merge then reaches every computer by itself, and nothing written on either file is lost.</source>
        <translation>The head office compares every campus&apos;s people at each synchronisation. These files look like one person followed at two places. To merge them or mark them as two different people, tell the head office: the merge then reaches every computer by itself, and nothing written on either file is lost.</translation>
    </message>
    <message>
        <source>Ask the head office</source>
        <translation>Ask the head office</translation>
    </message>
    <message>
        <source>Likelihood</source>
        <translation>Likelihood</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>Birth date</translation>
    </message>
    <message>
        <source>Campus</source>
        <translation>Campus</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Step</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>Last contact</translation>
    </message>
    <message>
        <source>What agrees</source>
        <translation>What agrees</translation>
    </message>
</context>
<context>
    <name>EnrolBox</name>
    <message>
        <source>Head office address: type the full address given by the head office, starting with https://</source>
        <translation>Head office address: type the full address given by the head office, starting with https://</translation>
    </message>
    <message>
        <source>Enrolment code: type the code given by the head office (XXXX-XXXX-XXXX-XXXX).</source>
        <translation>Enrolment code: type the code given by the head office (XXXX-XXXX-XXXX-XXXX).</translation>
    </message>
    <message>
        <source>This window has no synchronisation: restart the application.</source>
        <translation>This window has no synchronisation: restart the application.</translation>
    </message>
    <message>
        <source>Enrolling this computer…</source>
        <translation>Enrolling this computer…</translation>
    </message>
    <message>
        <source>This computer is enrolled: the first synchronisation is starting.</source>
        <translation>This computer is enrolled: the first synchronisation is starting.</translation>
    </message>
    <message>
        <source>This computer is not enrolled with the head office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The application works fully without the head office: everything stays on this computer. To share the campus&apos;s work with the head office and the other campuses, ask the head office for an enrolment code, then type it here with the head office address (once per computer):</source>
        <translation>The application works fully without the head office: everything stays on this computer. To share the campus&apos;s work with the head office and the other campuses, ask the head office for an enrolment code, then type it here with the head office address (once per computer):</translation>
    </message>
    <message>
        <source>&amp;Head office address</source>
        <translation>&amp;Head office address</translation>
    </message>
    <message>
        <source>Enrolment &amp;code</source>
        <translation>Enrolment &amp;code</translation>
    </message>
    <message>
        <source>&amp;Enrol this computer</source>
        <translation>&amp;Enrol this computer</translation>
    </message>
    <message>
        <source>The synchronisation then starts by itself; the changes made before are sent too. The same can be done from the command line (technical contact):</source>
        <translation>The synchronisation then starts by itself; the changes made before are sent too. The same can be done from the command line (technical contact):</translation>
    </message>
</context>
<context>
    <name>EraseDialog</name>
    <message>
        <source>Erase a person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Erase %1 for good&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every record of this person is deleted from this computer now: identity, pathway, notes, appointments, referrals, consents, RQTH and their history. At the next synchronisation the head office erases them everywhere, on every campus. This cannot be undone. Only the request is kept, with its reason and reference and without the name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. the ticket number of the request — never the person&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;ference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To confirm, type the person&apos;s name (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Erase for good</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EventDialog</name>
    <message>
        <source>Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct an event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New event or outreach action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>open access</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Starts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Ends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Places</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Audiences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In &amp;words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Description</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EventsPage</name>
    <message>
        <source>Registrations: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registrations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a registered person first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Person</source>
        <translation type="unfinished">Person</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark &amp;present</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark a&amp;bsent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kiosk sign-ups to confirm (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No known person: register them from the home page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody found: check the spelling, or search by phone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose an event, then find the person to register.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>archived</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events and outreach</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Correct…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show archived events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audiences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Register a person followed here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name, phone or e-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;gister</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kiosk sign-ups to confirm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name typed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone or e-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It is this person: re&amp;gister</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>People (enrolled in the period)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Referrals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events, with attendance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Startups (created in the period)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcomes (jobs, businesses created, other exits)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People whose enrolment date falls in the period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Referrals made in the period, with their current status.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events that start in the period: one line per registered person and attendance.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Startups created in the period (without a creation date: untick the period).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcomes recorded in the period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV file for Excel (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 lines written to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An extract of this computer&apos;s data for a spreadsheet. Comments, notes and disability (RQTH) data are never exported. The export is recorded in the audit trail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F&amp;ormat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel workbook (.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV for Excel (semicolons)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FilesMenu</name>
    <message>
        <source>&amp;Import people…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FiltersBar</name>
    <message>
        <source>&amp;My people</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The people you are the referent advisor of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;tep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last &amp;contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No contact for %1 days</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FollowedElsewhere</name>
    <message>
        <source>Tick the person&apos;s consent first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The head office could not be reached: try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share requested from the %1 campus. If it accepts, the file arrives on this computer at the next synchronisation: find it with the search instead of creating a new file. The answer shows in Synchronisation › File requests.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transfer requested from the %1 campus. If it accepts, the file arrives on this computer at the next synchronisation and this campus follows the person: no need to create a new file. The answer shows in Synchronisation › File requests.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This person seems already followed at the %1 campus (strong match)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This person may already be followed at the %1 campus (possible match)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request a &amp;share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request a &amp;transfer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That campus can share the file with this campus (both follow the person) or transfer it here. Ask the person first: the request goes with their consent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The person &amp;agrees to their file being shared with or transferred to this campus</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HistoryTab</name>
    <message>
        <source>created</source>
        <extracomment>fields read first (before the others, alphabetical), so that a long line cut at its end keeps what happened</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>created elsewhere, received from the head office (earlier changes are kept there)</source>
        <translation>created elsewhere, received from the head office (earlier changes are kept there)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History of changes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <source>Loading…</source>
        <extracomment>how often the page looks for new walk-ins</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The figures could not be loaded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone has just arrived at the reception: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>visitor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reload (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today&apos;s appointments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Person</source>
        <translation type="unfinished">Person</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting at the reception</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arrived</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;ceive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open their file, or start their registration from the kiosk form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow-ups due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Done: contact made</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records a contact today: the person leaves the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Snooze until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sn&amp;ooze</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The person leaves the list until that day, on every computer of the campus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training ends soon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No contact for 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missed appointment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No outcome 3 months after training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File anonymised on %1 without a new contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Home</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No campus is configured on this computer yet: the figures cover everyone stored here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>people followed</source>
        <translation>
            <numerusform>person followed</numerusform>
            <numerusform>people followed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>appointments today</source>
        <translation>
            <numerusform>appointment today</numerusform>
            <numerusform>appointments today</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>waiting at the reception</source>
        <translation>
            <numerusform>waiting at the reception</numerusform>
            <numerusform>waiting at the reception</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>follow-ups due</source>
        <translation>
            <numerusform>follow-up due</numerusform>
            <numerusform>follow-ups due</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>changes waiting to be synchronised</source>
        <translation>
            <numerusform>change waiting to be synchronised</numerusform>
            <numerusform>changes waiting to be synchronised</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Choose the file to import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.csv *.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 lines read. Created: %3. Updated: %4. Unchanged: %5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 lines in error were skipped (below).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Columns not recognised, ignored: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import refused: %1 lines of %2 are in error, nobody was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct these lines in the file and import it again, or tick “import only the valid lines”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import people</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A CSV file (as Excel saves it), an Excel workbook (.xlsx, its first sheet) or an export of another campus. The first line names the columns, with at least “Prénom” and “Nom”. A person whose “Identifiant” is known here is updated; the others are created. If any line is in error, nobody is imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Choose a file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import only the valid lines (skip the lines in error)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No file chosen</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IntakePage</name>
    <message>
        <source>Pre-filled from the kiosk form: check each page with the person.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A registration started on %1 was not finished (%2). Resume it?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no name yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registration abandoned.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the people already registered: open their file, or tick that this is someone else.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct the fields marked in red.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Person registered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New registration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1. Identity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>2. Contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>3. Situation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>4. Barriers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>5. Target jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>6. Consents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identity — search before creating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Situation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Barriers to employment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick the themes the person mentions; details go in a note of their file, not here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Abandon it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>← &amp;Previous (Alt+←)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Next (Alt+→) →</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save the person (Ctrl+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Abandon this registration</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JobDialog</name>
    <message>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LikelyMatches</name>
    <message numerus="yes">
        <source>%n person(s) already registered may be the same: open their file, or confirm this is someone else.</source>
        <translation>
            <numerusform>%n person already registered may be the same: open their file, or confirm this is someone else.</numerusform>
            <numerusform>%n people already registered may be the same: open their file, or confirm this is someone else.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nobody registered matches this name and birth date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the name and birth date: people already registered show here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already registered?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation type="unfinished">Birth date</translation>
    </message>
    <message>
        <source>Campus</source>
        <translation type="unfinished">Campus</translation>
    </message>
    <message>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People already registered who may be the same</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open this file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is &amp;someone else: create a new file</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Home</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New registration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partners</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synchronisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pilotage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (Ctrl+%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock (Ctrl+L)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline — data stays on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The campus&apos;s data has been received from the head office, and your account is not in it: sign in with your account of this campus.</source>
        <extracomment>changes waiting, from whichever read came last (the home figures or the sync page)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le Grand Numérique — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le Grand Numérique — no campus configured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No changes waiting to be synchronised</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting to be synchronised</source>
        <translation>
            <numerusform>%Ln change waiting to be synchronised</numerusform>
            <numerusform>%Ln changes waiting to be synchronised</numerusform>
        </translation>
    </message>
    <message>
        <source>Not enrolled with the head office — data stays on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>● Online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synchronising…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synchronisation failed — click for details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Update needed — synchronisation stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the synchronisation page</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s) to settle</source>
        <translation>
            <numerusform>%Ln conflict to settle</numerusform>
            <numerusform>%Ln conflicts to settle</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file request(s) to answer</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Your password has been changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le Grand Numérique — campus application, version %1.

Follow-up of the people the campus accompanies towards digital jobs. The data stays on this computer and is shared only with the head office.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Startups</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MoveDialog</name>
    <message>
        <source>Share or transfer the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 goes to another campus&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Share: the other campus follows the person too; this campus goes on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Transfer: the other campus follows the person from now on (the referent advisor is cleared)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The other campus receives the whole file at its next synchronisation, this campus keeps what it worked on. Ask the person first: their consent is noted in their file, with your name and the date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The person &amp;agrees to their file going to this campus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Campus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Confirm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No other campus is known here yet: synchronise this computer first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 will be shared with %2 at the next synchronisation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is transferred to %2; the change reaches every computer at the next synchronisation.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MoveRequestsTab</name>
    <message>
        <source>Asking the head office…</source>
        <translation type="unfinished">Asking the head office…</translation>
    </message>
    <message>
        <source>This computer is not linked to the head office.</source>
        <translation type="unfinished">This computer is not linked to the head office.</translation>
    </message>
    <message>
        <source>(not on this computer yet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) waiting for this campus&apos;s answer.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>No request waits for this campus&apos;s answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request declined: the %1 campus will be told.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%3: file transferred to the %1 campus (everywhere at the next synchronisation).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%3: file shared with the %1 campus, which receives it at its next synchronisation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for an answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accepted: the file arrives with the next synchronisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Declined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expired without an answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other campuses found, at their intake, people this campus follows, and asked with the person&apos;s consent for their file: a share (both campuses follow the person) or a transfer (the other campus follows the person from now on). Requests lapse after 30 days.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Ask the head office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests for this campus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Person</source>
        <translation type="unfinished">Person</translation>
    </message>
    <message>
        <source>Asked by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;ccept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Decline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This campus&apos;s requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Campus asked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NotesTab</name>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Author</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes cannot be edited or deleted once added. Ctrl+Enter adds the note.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restricted &amp;note (only you and the campus managers can read it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the no&amp;te</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OfferDialog</name>
    <message>
        <source>Job offer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct a job offer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New job offer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open: candidates can still be referred</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closing date:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Employer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Job title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job &amp;family</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Contract</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Posted on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;loses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Co&amp;mmune</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Description</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PartnerDialog</name>
    <message>
        <source>Partner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct a partner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New partner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This employer has committed to hire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Co&amp;mmune</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switch&amp;board</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Website</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;ontact person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact&apos;s p&amp;hone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact&apos;s e-ma&amp;il</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Job families</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commitment</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>Change my password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At least %1 characters. The new password works on this computer at once, and on the campus&apos;s other computers after the next synchronisation; the old one then stops working there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Current password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New password &amp;again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Change the password</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PathwayTab</name>
    <message>
        <source>%1 (not possible from here)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pathway timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move to another step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contract &amp;type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Employer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contract &amp;start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;SIRET</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Creation date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exit &amp;reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Co&amp;mment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record the &amp;move</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Startups founded: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PeopleModel</name>
    <message>
        <source>Last name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation type="unfinished">Birth date</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commune</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pathway step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Advisor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Campus</source>
        <translation type="unfinished">Campus</translation>
    </message>
</context>
<context>
    <name>PersonFields</name>
    <message>
        <source>&amp;First name *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Last name *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Birth date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Gender</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Commune</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Situation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>France &amp;Travail id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;ducation level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Be&amp;nefits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Referred by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Barriers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dd/mm/yyyy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>06 12 34 56 78</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name@domain.fr</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commune of Seine-Saint-Denis, or another town</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1234567A</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— not stated —</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PersonPage</name>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder for the exported data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The files could not be written in %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data exported: %1 and %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was erased from this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n year(s) old</source>
        <translation>
            <numerusform>%n year old</numerusform>
            <numerusform>%n years old</numerusform>
        </translation>
    </message>
    <message>
        <source>Advisor: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current step: %1, since %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RQTH valid until %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no end date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow-up consent withdrawn on %1: this file must no longer be followed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Notes (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Appointments (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Referrals (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>← Back to the search (Alt+Left)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xport their data…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The person&apos;s complete file, for them (right of access): PDF and JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Erase the person…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share or transfer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pathway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Appointments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Referrals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Consents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R&amp;QTH</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PilotagePage</name>
    <message>
        <source>The period&apos;s start must come before its end.</source>
        <extracomment>the period presets, in the combo&apos;s order the monthly report&apos;s file, once written</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the monthly report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF document (*.pdf);;Excel workbook (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report written: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>placed since the start, of the goal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>enrolled in the period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in training at the period&apos;s end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>trained in the period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>placed in the period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>startups accompanied, of %1 (%2 created)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>referrals accepted (%1 of %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>people at %1 events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Placed (cumulative)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trajectory to the goal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 people placed since the start; the trajectory expects %2 by the period&apos;s end.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enrolled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Placed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People enrolled and placed each month of the period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trained</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sensitive: “&lt; 5” hides a small group (or one that would give it away).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not known</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Under 26</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>26 to 44</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>45 and over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commune mostly in a QPV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other commune</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disability recognised (RQTH)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No RQTH recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pilotage — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pilotage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Since the programme&apos;s start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chosen dates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Monthly &amp;report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The report of the month of the period&apos;s last day, as PDF or Excel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Campus</source>
        <translation type="unfinished">Campus</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Age on enrolment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority neighbourhood (QPV, approximation)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disability recognition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Education level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Situation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Referred by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Breakdown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Funnel: people enrolled in the period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Placed against the goal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Funnel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trajectory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Of the enrolled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PreferencesMenu</name>
    <message>
        <source>&amp;Preferences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change my &amp;password…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProgrammeDialog</name>
    <message>
        <source>Programme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct a programme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New programme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> weeks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training &amp;organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Job family</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le&amp;vel required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Funding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Certification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Description</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProgressLine</name>
    <message>
        <source>Starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 / %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReassignDialog</name>
    <message>
        <source>Reassign</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Hand the %n selected person(s) over to:</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n person(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>They become the referent advisor of these people, on every computer of the campus.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reassign</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordLabels</name>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Person&apos;s file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pathway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Appointment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Referral</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RQTH</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event registration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Business</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kiosk pre-registration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kiosk visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Programme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job offer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Campus</source>
        <translation type="unfinished">Campus</translation>
    </message>
    <message>
        <source>First name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gender</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commune</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other commune</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Situation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>France Travail ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Education level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Benefits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Barriers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job families</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Referred by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Campus following the person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Advisor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pathway step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In this step since</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation type="unfinished">Last contact</translation>
    </message>
    <message>
        <source>Follow-up snoozed until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Given on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdrawn on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration (minutes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contract</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Employer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contract start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SIRET</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Business created on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason for leaving</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restricted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Referred on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Legal basis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ZFU zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mentor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job family</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enrolled on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Author</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Employer (partner)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Appointment code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent text version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arrived at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last changed on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Business founder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Business support action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Structure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Person</source>
        <translation type="unfinished">Person</translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReferralsTab</name>
    <message>
        <source>Choose a referral and its new status first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job offer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n place(s) left</source>
        <translation>
            <numerusform>%n place left</numerusform>
            <numerusform>%n places left</numerusform>
        </translation>
    </message>
    <message>
        <source>posted %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Referrals of this person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Referred on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New s&amp;tatus of the selected referral</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the stat&amp;us</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Places</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;fer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a session, an offer or a service in the list first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose an event first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refer to a training session, a job offer or an employment service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sessions, offers and services to refer to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Register to an &amp;event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;gister</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RqthTab</name>
    <message>
        <source>No RQTH decision recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision of %1, valid from %2 with no end date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision of %1, valid from %2 to %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Correct the RQTH</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Record the RQTH</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recognition of disabled worker status (RQTH): only the decision date and its validity are recorded, never a diagnosis nor any medical information. Only the advisors and managers of the campus see it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The person has not agreed to the recording of their RQTH: record their consent first (Consents tab).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Decision date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid &amp;from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid &amp;until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dd/mm/yyyy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dd/mm/yyyy — empty: no end date</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SearchPage</name>
    <message numerus="yes">
        <source>%n person(s) reassigned.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Type at least one letter or digit, or choose a filter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody in this list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody found. Check the spelling, or register a new person (Ctrl+N).</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>First %n people found: type more to narrow the search.</source>
        <translation>
            <numerusform>First person found: type more to narrow the search.</numerusform>
            <numerusform>First %n people found: type more to narrow the search.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n person(s) in this list</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n person(s) found</source>
        <translation>
            <numerusform>%n person found</numerusform>
            <numerusform>%n people found</numerusform>
        </translation>
    </message>
    <message>
        <source>Find a person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name, birth date, phone, e-mail or France Travail id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accents, capitals and hyphens do not matter. Dates as dd/mm/yyyy. Enter opens the first result, the down arrow moves to the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New registration (Ctrl+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reassign…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hand the selected people over to another advisor of the campus</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SessionDialog</name>
    <message>
        <source>Training session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct a session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New training session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Programme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Starts on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Ends on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Capacity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;lace</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignInPage</name>
    <message>
        <source>Checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The session was locked after a period of inactivity. Type your password to continue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each advisor signs in with their own account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Username</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign &amp;in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Works without a network: accounts are checked on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StartupsPage</name>
    <message>
        <source>%1 (to confirm with the street address)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find the founder below, then save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New startup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody found: check the spelling.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find the person first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Startups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Founders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ZFU zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;tage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;IRET</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Co&amp;mmune</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Se&amp;ctor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Men&amp;tors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Job family</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>known:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Founders (people followed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name, phone or e-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add as &amp;founder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Support actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action (mentoring, workshop, financing…)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the a&amp;ction</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <source>Synchronising…</source>
        <extracomment>requests for a file waiting for this campus&apos;s answer, as last heard (a cycle, or the tab&apos;s list)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not synchronised yet since the application started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer is not enrolled with the head office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Online — up to date with the head office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline — changes stay on this computer and leave when the network returns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synchronisation failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Update needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downloading the campus&apos;s data…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downloading the campus&apos;s data: %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receiving</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 / %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never synchronised</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synchronised just now</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Synchronised %n min ago</source>
        <translation>
            <numerusform>Synchronised %n min ago</numerusform>
            <numerusform>Synchronised %n min ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Synchronised %n hour(s) ago</source>
        <translation>
            <numerusform>Synchronised %n hour ago</numerusform>
            <numerusform>Synchronised %n hours ago</numerusform>
        </translation>
    </message>
    <message>
        <source>Synchronised on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>—</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting to be sent</source>
        <translation>
            <numerusform>%Ln change waiting to be sent</numerusform>
            <numerusform>%Ln changes waiting to be sent</numerusform>
        </translation>
    </message>
    <message>
        <source>None: everything was sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s) to settle</source>
        <translation>
            <numerusform>%Ln conflict to settle</numerusform>
            <numerusform>%Ln conflicts to settle</numerusform>
        </translation>
    </message>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) received from the head office could not be stored on this computer. The rest of the synchronisation goes on; they are tried again at each synchronisation and the head office is told.</source>
        <translation>
            <numerusform>%n record received from the head office could not be stored on this computer. The rest of the synchronisation goes on; it is tried again at each synchronisation and the head office is told.</numerusform>
            <numerusform>%n records received from the head office could not be stored on this computer. The rest of the synchronisation goes on; they are tried again at each synchronisation and the head office is told.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… and %n more</numerusform>
            <numerusform>… and %n more</numerusform>
        </translation>
    </message>
    <message>
        <source>Automatic synchronisation is not running in this window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None until this computer is enrolled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped until the problem is fixed: then press “Synchronise now”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>New attempt by itself within %n second(s)</source>
        <translation>
            <numerusform>New attempt by itself within %n second</numerusform>
            <numerusform>New attempt by itself within %n seconds</numerusform>
        </translation>
    </message>
    <message>
        <source>By itself every minute, and a few seconds after each change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last synchronisation: %1 sent, %2 received, %3 new conflict(s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Likely duplicates</source>
        <translation>Likely duplicates</translation>
    </message>
    <message>
        <source>Conflicts (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File requests (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Campus</source>
        <translation type="unfinished">Campus</translation>
    </message>
    <message>
        <source>File requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synchronisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Head office address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last successful synchronisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set aside</source>
        <translation>Set aside</translation>
    </message>
    <message>
        <source>Next synchronisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synchronise now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This version of the application is too old for the head office. Install the new version (ask your technical contact). Nothing is lost: the changes waiting stay on this computer and will be sent after the update.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last error</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TaskRunner</name>
    <message>
        <source>An unexpected error occurred. The details were written to the application log; if it happens again, tell your technical contact.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>The campus data in %1 could not be opened. The details were written to %2.</source>
        <extracomment>a kiosk device sends a check-in or a pre-registration this long after it is made (an advisor&apos;s PC waits 3 s)</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
