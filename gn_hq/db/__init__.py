"""HQ's database: the tables (`models`), engine set-up (`engine`) and Alembic migrations (`migrate`)."""
