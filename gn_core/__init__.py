"""Code shared by the campus app and HQ: the domain and the sync wire protocol.

Imports no Qt, no HTTP client, no web framework and no database engine (import-linter enforces it).
"""
