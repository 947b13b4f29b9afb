"""What a database holds before we change it: nothing, our schema at some
revision, or something that is not ours. Read-only, so a refusal leaves the
file exactly as it was."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

from sqlalchemy import Connection, create_engine, inspect, text
from sqlalchemy.exc import SQLAlchemyError

from quotes.store.errors import DamagedSchema, NewerSchema, NotQuotesDatabase, StoreError, sqlite_code

if TYPE_CHECKING:
    from alembic.script import ScriptDirectory

VERSION_TABLE = "alembic_version"
REQUIRED_TABLES = frozenset({"articles", "people", "quotes"})
RESTORE = "nothing was changed; restore the database from a backup"


@dataclass(frozen=True)
class SchemaState:
    tables: frozenset[str]  # user tables, SQLite's own left out
    revisions: frozenset[str]  # rows of alembic_version; empty when none
    dialect: str = "sqlite"


def read_state(connection: Connection, where: str = "the database") -> SchemaState:
    """The tables and the Alembic revision of the database behind `connection`;
    DamagedSchema (naming `where`) when its alembic_version table holds no revision names."""
    tables = frozenset(t for t in inspect(connection).get_table_names() if not t.startswith("sqlite_"))
    revisions: frozenset[str] = frozenset()
    if VERSION_TABLE in tables:
        try:
            values = [r for (r,) in connection.execute(text(f"SELECT version_num FROM {VERSION_TABLE}"))]
        except SQLAlchemyError as error:  # no such column, or not a table we can read
            detail = str(getattr(error, "orig", None) or error).splitlines()[0]
            raise DamagedSchema(f"{where}: its {VERSION_TABLE} table cannot be read ({detail}); {RESTORE}") from error
        odd = [v for v in values if not isinstance(v, str)]
        if odd:
            raise DamagedSchema(f"{where}: its {VERSION_TABLE} table holds {odd[0]!r}, not a revision name; {RESTORE}")
        revisions = frozenset(values)
    return SchemaState(tables, revisions, connection.dialect.name)


def needs_upgrade(state: SchemaState, script: ScriptDirectory, where: str, *, newest: str | None = None) -> bool:
    """False at the newest schema, True when empty or older.

    `newest` is the head as the revision files name it (quotes.store.db.newest_revision):
    a database at it is answered without reading `script`, so without importing Alembic.

    Raises NotQuotesDatabase for a database with other tables (migrating it would
    add ours beside someone else's data) and NewerSchema for a revision these
    migrations do not know (a newer quotes made it; we cannot read it safely).
    """
    if not state.tables or state.tables == {VERSION_TABLE} and not state.revisions:
        return True  # a new, empty database
    if not state.revisions:
        found = ", ".join(sorted(state.tables)[:5])
        kind, other = ("an SQLite", "file") if state.dialect == "sqlite" else ("a PostgreSQL", "database")
        raise NotQuotesDatabase(
            f"{where} is {kind} database but not a quotes database (tables: {found}); "
            f"it was left untouched; pass --db with another {other}"
        )
    if newest is not None and state.revisions == {newest} and REQUIRED_TABLES <= state.tables:
        return False
    known = {rev.revision for rev in script.walk_revisions()}
    unknown = sorted(state.revisions - known)
    if unknown and not REQUIRED_TABLES <= state.tables:  # Alembic's table, another program's revisions
        found = ", ".join(sorted(state.tables - {VERSION_TABLE})[:5]) or "none"
        raise NotQuotesDatabase(
            f"{where} is another program's database (its Alembic revision {', '.join(unknown)} is not one of "
            f"quotes', and it has no {', '.join(sorted(REQUIRED_TABLES - state.tables))} table; tables: {found}); "
            "it was left untouched; pass --db with another file or database"
        )
    if unknown:
        raise NewerSchema(
            f"{where} has schema revision {', '.join(unknown)}, newer than this version of quotes "
            f"knows (newest: {', '.join(sorted(script.get_heads()))}); upgrade quotes to use it. "
            "Nothing was changed"
        )
    if len(state.revisions) > 1 and len(script.get_heads()) == 1:  # our migrations are one line
        raise DamagedSchema(
            f"{where}: its {VERSION_TABLE} table holds {len(state.revisions)} revisions "
            f"({', '.join(sorted(state.revisions))}) where there is always one; {RESTORE}"
        )
    if not REQUIRED_TABLES <= state.tables:
        missing = ", ".join(sorted(REQUIRED_TABLES - state.tables))
        raise NotQuotesDatabase(f"{where} says it is a quotes database but has no {missing} table")
    return state.revisions != set(script.get_heads())


def peek(path: Path, script: ScriptDirectory, where: str, *, newest: str | None = None) -> None:
    """Refuse a SQLite file that is not ours, reading it without writing a byte; for a file
    with a `-journal` or `-wal` beside it (without, a normal connection changes nothing).

    A normal connection would first finish another program's crashed write:
    roll back its `-journal`, or copy its `-wal` into the file when it closes.
    So the file is read read-only; when a crash journal stops even that, as
    it was on disk (immutable), which is enough to tell whose it is. Ours are
    then opened normally and SQLite recovers them.
    """
    try:
        state = _read_file(path, "mode=ro", where)
    except SQLAlchemyError as error:
        if sqlite_code(error) != "SQLITE_READONLY_ROLLBACK":
            return  # the normal open reports it (damaged, unreadable, ...), writing nothing first
        try:
            state = _read_file(path, "immutable=1", where)
        except SQLAlchemyError as error:
            raise StoreError(
                f"{where} has the crash journal of an unfinished write ({path.name}-journal) and cannot be read "
                "without rolling it back; nothing was changed; open it with the program that made it"
            ) from error
    needs_upgrade(state, script, where, newest=newest)  # raises for a database that is not ours


def _read_file(path: Path, mode: str, where: str) -> SchemaState:
    uri = f"file:{quote(str(path.absolute()))}?{mode}"
    engine = create_engine("sqlite://", creator=lambda: sqlite3.connect(uri, uri=True))
    try:
        with engine.connect() as connection:
            return read_state(connection, where)
    finally:
        engine.dispose()
