<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name>KioskWindow</name>
    <message>
        <source>Welcome to the campus</source>
        <translation>مرحبًا بكم في المركز</translation>
    </message>
    <message>
        <source>I have arrived</source>
        <translation>لقد وصلت</translation>
    </message>
    <message>
        <source>Sign me up</source>
        <translation>سجّلني</translation>
    </message>
    <message>
        <source>Discover the training programmes</source>
        <translation>اكتشف برامج التدريب</translation>
    </message>
    <message>
        <source>Coming soon</source>
        <translation>قريبًا</translation>
    </message>
    <message>
        <source>Need help? Ask the staff at the front desk.</source>
        <translation>هل تحتاج إلى مساعدة؟ اسأل موظفي الاستقبال.</translation>
    </message>
    <message>
        <source>Le Grand Numérique — welcome kiosk</source>
        <translation type="unfinished" />
    </message>
</context>
</TS>
