"""Opening a database: engine, SQLite pragmas, checks, and migrations to the newest schema.

A file is looked at before anything is written to it: a file that is not
SQLite, an SQLite database that is not ours, or one from a newer quotes is
refused and left byte for byte as it was. Only then is it migrated, in one
transaction that a crash rolls back.

A `postgresql://` URL works the same way through psycopg: the same checks and
migrations, and write transactions that take one lock first, as SQLite's do.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from sqlalchemy import Connection, Engine, create_engine, event, make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError

from quotes.store.errors import NotADatabase, StoreError, explain, is_busy, sqlite_code
from quotes.store.schema import needs_upgrade, peek, read_state

if TYPE_CHECKING:  # Alembic takes a quarter of a second to import: only when a database must change
    from alembic.config import Config
    from alembic.script import ScriptDirectory
    from sqlalchemy.orm import Session, sessionmaker  # the ORM, a quarter more: only for writing

# A checkout holds `migrations/` next to the package; an install has it as the
# `quotes_migrations` package (pyproject.toml maps one to the other).
ROOT = Path(__file__).resolve().parents[2]
SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_SECONDS = 30.0  # how long SQLite waits for another writer's lock before giving up
WRITE = "quotes_write"  # execution option: take the write lock when the transaction begins
# PostgreSQL: the advisory lock writers take (per database; any fixed number would do)
WRITE_LOCK = int.from_bytes(b"quotes", "big")
CONNECT_SECONDS = 10  # how long to try reaching a PostgreSQL server

T = TypeVar("T")


class MigrationsMissing(StoreError):
    """Neither an installed `quotes_migrations` package nor a checkout's `migrations/` folder is there."""


def migrations_folder() -> Path:
    """Where Alembic's `env.py` and `versions/` are: the installed `quotes_migrations`
    package (a wheel, or an editable install of the checkout), else the checkout's `migrations/`."""
    spec = find_spec("quotes_migrations")
    for folder in [*(spec.submodule_search_locations or [] if spec else []), ROOT / "migrations"]:
        if (Path(folder) / "env.py").is_file():
            return Path(folder)
    raise MigrationsMissing(f"no Alembic migrations found (no quotes_migrations package, nor {ROOT / 'migrations'})")


class BadUrl(StoreError):
    """--db is a URL SQLAlchemy cannot read, or one for a database quotes does not support."""


BACKENDS = ("sqlite", "postgresql")  # the ones whose locking and checks are written (and tested)


def to_url(url_or_path: str | Path) -> str:
    """A SQLAlchemy URL; a bare path means a SQLite file, and `postgresql://` psycopg 3.

    SQLAlchemy would look for psycopg2 behind a bare `postgresql://`; `postgres://`
    is what many hosts hand out.
    """
    text = str(url_or_path)
    if "://" in text:
        text = encode_userinfo(text)
    for scheme in ("postgresql://", "postgres://"):
        if text.startswith(scheme):
            return "postgresql+psycopg://" + text.removeprefix(scheme)
    if "://" in text:
        return text
    if text == ":memory:":
        return "sqlite://"
    return f"sqlite:///{Path(text).expanduser()}"


def encode_userinfo(url: str) -> str:
    """`u:p@ss@host` as `u:p%40ss@host`: the last `@` before the host ends the password.

    SQLAlchemy splits at the first `@`, so a password holding one would be cut
    there, its rest taken for the host and printed in messages.
    """
    scheme, _, rest = url.partition("://")
    first = rest.find("@")
    if first < 0:
        return url
    slash = rest.find("/", first)
    authority, path = (rest, "") if slash < 0 else (rest[:slash], rest[slash:])
    if authority.count("@") < 2:
        return url
    userinfo, _, host = authority.rpartition("@")
    return f"{scheme}://{userinfo.replace('@', '%40')}@{host}{path}"


def check_url(url: str) -> None:
    """Refuse a URL that cannot be parsed (`[::1` without `]`, a port that is not a number)
    or that names a database other than SQLite or PostgreSQL, before any driver is loaded."""
    try:
        parsed = make_url(url)
        parsed.port  # parsed lazily: a bad one would fail only when connecting
    except (ArgumentError, ValueError) as error:
        raise BadUrl(
            f"{masked(url)} is not a database URL ({error}); write postgresql://user:password@host:port/database "
            "(an IPv6 host in [ ]) or a file name"
        ) from error
    if parsed.get_backend_name() not in BACKENDS:
        raise BadUrl(
            f"{shown(url)}: quotes stores its data in SQLite (a file name) or PostgreSQL (postgresql://...), "
            f"not {parsed.get_backend_name()}"
        )


def masked(url: str) -> str:
    """A URL SQLAlchemy could not parse, for messages: whatever stands between `user:` and `@` hidden."""
    hidden = re.sub(r"^([^:/]+://[^:/@]*:)[^@]*@", r"\1***@", url.replace("+psycopg", "", 1))
    return re.sub(r"(password=)[^&]*", r"\1***", hidden, flags=re.IGNORECASE)


def sqlite_file(url: str) -> Path | None:
    """The file behind a SQLite URL; None for memory databases and other servers."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
        return None
    if parsed.database.startswith("file:"):  # a URI filename (`?mode=ro&uri=true`)
        return Path(parsed.database.removeprefix("file:").split("?")[0])
    return Path(parsed.database)


def _on_connect(dbapi_connection, _record) -> None:
    # We send BEGIN ourselves (see _on_begin), so the driver must not; SQLite
    # leaves foreign keys off unless asked.
    dbapi_connection.isolation_level = None
    dbapi_connection.execute("PRAGMA foreign_keys=ON")


def _on_begin(connection: Connection) -> None:
    # A writer takes the lock up front (BEGIN IMMEDIATE): its reads and writes
    # are then one serialised step, so two ingests cannot both insert an
    # article, and a busy database makes it wait here, not fail half way.
    # Readers use a plain BEGIN and, with WAL, never wait for writers.
    write = connection.get_execution_options().get(WRITE, False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


def _on_begin_postgres(connection: Connection) -> None:
    # PostgreSQL's transactions are real already. A writer takes one lock per
    # database first, held to commit, as BEGIN IMMEDIATE does on SQLite: two
    # ingests then take turns per article, and what a writer reads (is this
    # article stored? who is this person?) stays true until it commits. It
    # waits BUSY_SECONDS at most, then write_transaction retries.
    if connection.get_execution_options().get(WRITE, False):
        connection.exec_driver_sql(f"SET LOCAL lock_timeout = '{int(BUSY_SECONDS * 1000)}ms'")
        connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITE_LOCK})")


def make_engine(url_or_path: str | Path) -> Engine:
    """An engine with real SQLite transactions (DDL included), a busy timeout and foreign keys;
    on PostgreSQL, one that takes the write lock for write transactions."""
    url = to_url(url_or_path)
    backend = make_url(url).get_backend_name()
    if backend == "postgresql":
        query = make_url(url).query
        engine = create_engine(url, connect_args={} if "connect_timeout" in query else {"connect_timeout": CONNECT_SECONDS})
        event.listen(engine, "begin", _on_begin_postgres)
        return engine
    if backend != "sqlite":
        return create_engine(url)
    engine = create_engine(url, connect_args={"timeout": BUSY_SECONDS})
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)
    return engine


@lru_cache(maxsize=1)
def newest_revision() -> str | None:
    """The head of the migrations, read from the revision files' text without Alembic;
    None when it is not one plain head (Alembic then decides)."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in (migrations_folder() / "versions").glob("*.py"):
        source = path.read_text(encoding="utf-8")
        if found := re.search(r"^revision\b[^=\n]*=\s*['\"]([^'\"]+)['\"]", source, re.M):
            revisions.add(found.group(1))
        if found := re.search(r"^down_revision\b[^=\n]*=(.*)$", source, re.M):
            parents.update(re.findall(r"['\"]([^'\"]+)['\"]", found.group(1)))
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 else None


def alembic_config(url: str) -> Config:
    """Alembic settings pointing at the shipped migrations, whatever the working directory."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(migrations_folder()))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


class Scripts:
    """The migrations as Alembic reads them (a ScriptDirectory), read on first use:
    importing Alembic and every revision takes a quarter of a second."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.loaded: ScriptDirectory | None = None

    def __getattr__(self, name: str):
        if self.loaded is None:
            from alembic.script import ScriptDirectory

            self.loaded = ScriptDirectory.from_config(alembic_config(self.url))
        return getattr(self.loaded, name)


def check_file(path: Path) -> None:
    """Refuse a folder or a file that does not start like an SQLite database, before opening it."""
    if path.is_dir():
        raise NotADatabase(f"{path} is a folder, not a database file")
    if path.exists() and not path.is_file():  # reading a pipe would wait for a writer forever
        raise NotADatabase(f"{path} is not a regular file (a pipe, device or socket), so not a database file")
    try:
        with path.open("rb") as handle:
            head = handle.read(len(SQLITE_HEADER))
    except FileNotFoundError:
        return  # a new database
    except OSError as error:
        raise StoreError(f"cannot read {path}: {error.strerror or error}") from error
    if head and head != SQLITE_HEADER:  # an empty file is an empty database
        raise NotADatabase(f"{path} is not an SQLite database (it starts {head[:8]!r}); nothing was changed")


def _use_wal(engine: Engine) -> None:
    """WAL lets readers work during an ingest. Persistent, so set once, only on our own databases."""
    raw = engine.raw_connection()
    try:
        cursor = raw.cursor()
        cursor.execute("PRAGMA journal_mode")
        if cursor.fetchone()[0] != "wal":
            try:
                cursor.execute("PRAGMA journal_mode=WAL")
            except Exception as error:  # a read-only copy can still be read in its own mode
                if not sqlite_code(error).startswith("SQLITE_READONLY"):
                    raise
    finally:
        raw.close()


def _prepare(engine: Engine, where: str) -> None:
    url = engine.url.render_as_string(hide_password=False)
    with engine.connect() as connection:
        state = read_state(connection, where)
    # raises for a database that is not ours, or one from a newer quotes
    needed = needs_upgrade(state, Scripts(url), where, newest=newest_revision())
    if engine.dialect.name == "sqlite" and sqlite_file(url):
        _use_wal(engine)
    if not needed:
        return
    with engine.connect().execution_options(**{WRITE: True}) as connection, connection.begin():
        # Under the write lock: another process may have migrated meanwhile.
        from alembic import command

        if needs_upgrade(read_state(connection, where), Scripts(url), where):
            config = alembic_config(url)
            config.attributes["connection"] = connection
            command.upgrade(config, "head")


def open_engine(url_or_path: str | Path) -> Engine:
    """An engine on a checked, migrated database; reading needs no more (`engine.connect()`).

    Raises a StoreError (NotADatabase, NotQuotesDatabase, NewerSchema,
    ReadOnlyDatabase, ...) naming the file when it cannot be used.
    """
    url = to_url(url_or_path)
    check_url(url)
    path = sqlite_file(url)
    where = str(path) if path else shown(url)
    if path:
        check_file(path)
        if any(Path(f"{path}{end}").exists() for end in ("-journal", "-wal")):  # a write unfinished, or going on
            peek(path, Scripts(url), where, newest=newest_revision())
    engine = make_engine(url)
    try:
        _prepare(engine, where)
    except SQLAlchemyError as error:
        engine.dispose()
        translated = explain(error, where)
        if translated is None:
            raise
        raise translated from error
    except BaseException:
        engine.dispose()
        raise
    return engine


def open_db(url_or_path: str | Path) -> sessionmaker[Session]:
    """A session factory for a checked, migrated database (open_engine); the engine is its `bind`."""
    from sqlalchemy.orm import sessionmaker

    return sessionmaker(bind=open_engine(url_or_path), expire_on_commit=False)


def shown(url: str) -> str:
    """A URL for messages: no password, no driver name (`postgresql://`, as the user wrote it)."""
    parsed = make_url(url)
    secret = {key: "***" for key in parsed.query if "password" in key.lower()}  # libpq takes ?password= too
    parsed = parsed.update_query_dict(secret) if secret else parsed
    return parsed.set(drivername=parsed.get_backend_name()).render_as_string(hide_password=True)


def describe(factory: sessionmaker[Session]) -> str:
    """The database file (or URL without password), for messages."""
    url = factory.kw["bind"].url.render_as_string(hide_password=False)
    return str(sqlite_file(url) or shown(url))


def write_transaction(
    factory: sessionmaker[Session], work: Callable[[Session], T], *, attempts: int = 5
) -> T:
    """`work(session)` in one write transaction, committed if it returns.

    The write lock is taken first, so the work sees the latest data and no other
    writer can slip in. When SQLite still reports the database busy (another
    writer held it longer than BUSY_SECONDS), the whole transaction is retried.
    Database errors a user can act on are raised as StoreError.
    """
    for attempt in range(1, attempts + 1):
        try:
            with factory() as session, session.begin():
                session.connection(execution_options={WRITE: True})
                return work(session)
        except SQLAlchemyError as error:
            if is_busy(error) and attempt < attempts:
                time.sleep(0.1 * attempt)
                continue
            translated = explain(error, describe(factory))
            if translated is None:
                raise
            raise translated from error
    raise AssertionError("unreachable")
