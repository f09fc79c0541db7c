"""The HQ sync service every campus reconciles with (FastAPI over PostgreSQL, SQLite embedded by default).

Filled by the HQ issue; it shares only `gn_core` with the campus app.
"""
