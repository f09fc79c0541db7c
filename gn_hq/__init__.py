"""The HQ sync service every campus reconciles with (FastAPI over PostgreSQL, SQLite embedded by default).

It shares only `gn_core` with the campus app: the wire schemas (`gn_core.protocol`), the merge rules
(`gn_core.merge`) and the per-entity sync rules (`gn_core.sync_rules`).
"""

__version__ = "0.1.0"
