"""Use cases of the campus app: take primitives and a unit of work, return plain data. Import no Qt."""
