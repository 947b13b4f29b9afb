"""Opening a database: engine, SQLite pragmas, and migrations to the newest schema."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

# The project root holds `migrations/` and `alembic.ini` (see pyproject layout).
ROOT = Path(__file__).resolve().parents[2]
MIGRATIONS = ROOT / "migrations"


class MigrationsMissing(RuntimeError):
    """The `migrations/` folder is not next to the package (e.g. a non-editable install)."""


def to_url(url_or_path: str | Path) -> str:
    """A SQLAlchemy URL; a bare path means a SQLite file."""
    text = str(url_or_path)
    if "://" in text:
        return text
    if text == ":memory:":
        return "sqlite://"
    return f"sqlite:///{Path(text).expanduser()}"


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    # WAL lets readers work during an ingest; SQLite leaves foreign keys off otherwise.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def make_engine(url_or_path: str | Path) -> Engine:
    """An engine with the SQLite pragmas set on every new connection."""
    engine = create_engine(to_url(url_or_path))
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def alembic_config(url: str) -> Config:
    """Alembic settings pointing at the shipped migrations, whatever the working directory."""
    if not (MIGRATIONS / "env.py").is_file():
        raise MigrationsMissing(f"no Alembic migrations found at {MIGRATIONS}")
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def upgrade(engine: Engine) -> None:
    """Bring the schema to the newest migration (a no-op when it already is)."""
    config = alembic_config(engine.url.render_as_string(hide_password=False))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def open_db(url_or_path: str | Path) -> sessionmaker[Session]:
    """A session factory for a migrated database; the engine is its `bind`."""
    engine = make_engine(url_or_path)
    upgrade(engine)
    return sessionmaker(bind=engine, expire_on_commit=False)
