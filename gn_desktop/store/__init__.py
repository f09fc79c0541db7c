"""The local SQLite store: models, engine, unit of work, change capture and migrations. Imports no Qt."""
