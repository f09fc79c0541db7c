"""Qt widgets of the campus app: the advisor workspace and the self-service kiosk (`views.kiosk`).

Views never touch the database: they call services through the one `tasks.TaskRunner`, which runs them on a worker
thread with a unit of work and hands plain data back on the main thread. Every user-visible string goes through
`tr()` with an English source text; translations live in `resources/translations/*.ts` (French is the default).
"""
