<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>KioskWindow</name>
    <message>
        <source>Welcome to the campus</source>
        <translation>Welcome to the campus</translation>
    </message>
    <message>
        <source>I have arrived</source>
        <translation>I have arrived</translation>
    </message>
    <message>
        <source>Sign me up</source>
        <translation>Sign me up</translation>
    </message>
    <message>
        <source>Discover the training programmes</source>
        <translation>Discover the training programmes</translation>
    </message>
    <message>
        <source>Coming soon</source>
        <translation>Coming soon</translation>
    </message>
    <message>
        <source>Need help? Ask the staff at the front desk.</source>
        <translation>Need help? Ask the staff at the front desk.</translation>
    </message>
    <message>
        <source>Le Grand Numérique — welcome kiosk</source>
        <translation>Le Grand Numérique — welcome kiosk</translation>
    </message>
</context>
</TS>
