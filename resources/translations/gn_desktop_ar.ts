<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<!-- Arabic is offered by the self-service kiosk only (gn_kiosk_ar.ts); the advisor workspace is in French or English.
     This file stays empty; it is kept so older checkouts do not load a stale workspace catalogue. -->
</TS>
