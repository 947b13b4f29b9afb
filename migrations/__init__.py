"""The Alembic migrations, installed as the `quotes_migrations` package so a wheel carries them.

The folder stays `migrations/` at the top of the repository; pyproject.toml maps
it to this package name (see quotes.store.db.migrations_folder).
"""
