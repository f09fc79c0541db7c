<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>HomePage</name>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The figures could not be loaded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reload the figures (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People by pathway step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pathway step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People</source>
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
        <source>changes waiting to be synchronised</source>
        <translation>
            <numerusform>change waiting to be synchronised</numerusform>
            <numerusform>changes waiting to be synchronised</numerusform>
        </translation>
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
        <source>Offline — data stays on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version %1</source>
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
            <numerusform>%n change waiting to be synchronised</numerusform>
            <numerusform>%n changes waiting to be synchronised</numerusform>
        </translation>
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
</context>
<context>
    <name>PlaceholderPage</name>
    <message>
        <source>Coming soon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This part of the application arrives in a later version.</source>
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
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
