"""Alembic environment: metadata from quotes.store.models.

`open_db` passes its open connection in `config.attributes["connection"]`. Run by
hand (`alembic upgrade head` at the project root), the URL comes from
`QUOTES_DB` if set, else from `sqlalchemy.url` in alembic.ini.
"""

import os
from logging.config import fileConfig

from alembic import context

from quotes.store.db import make_engine, to_url
from quotes.store.models import Base
from quotes.store.search import is_search_table

config = context.config
target_metadata = Base.metadata

if config.config_file_name is not None and "connection" not in config.attributes:
    fileConfig(config.config_file_name)


def include_name(name, type_, _parents) -> bool:
    """Skip the full-text index tables (PostgreSQL: indexes): they are made by SQL in 0002 and 0006, not by the models."""
    return not (type_ in ("table", "index") and is_search_table(name))


def database_url() -> str:
    if os.environ.get("QUOTES_DB"):
        return to_url(os.environ["QUOTES_DB"])
    return config.get_main_option("sqlalchemy.url")


def run_migrations_offline() -> None:
    context.configure(
        url=database_url(),
        target_metadata=target_metadata,
        literal_binds=True,
        render_as_batch=True,
        include_name=include_name,
        dialect_opts={"paramstyle": "named"},
    )
    with context.begin_transaction():
        context.run_migrations()


def run_with(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,
        include_name=include_name,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        run_with(connection)
        return
    engine = make_engine(database_url())
    try:
        with engine.begin() as connection:
            run_with(connection)
    finally:
        engine.dispose()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
