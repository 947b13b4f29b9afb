"""What a database holds before we change it: nothing, our schema at some
revision, or something that is not ours. Read-only, so a refusal leaves the
file exactly as it was."""

from __future__ import annotations

from dataclasses import dataclass

from alembic.script import ScriptDirectory
from sqlalchemy import Connection, inspect, text

from quotes.store.errors import NewerSchema, NotQuotesDatabase

VERSION_TABLE = "alembic_version"
REQUIRED_TABLES = frozenset({"articles", "people", "quotes"})


@dataclass(frozen=True)
class SchemaState:
    tables: frozenset[str]  # user tables, SQLite's own left out
    revisions: frozenset[str]  # rows of alembic_version; empty when none
    dialect: str = "sqlite"


def read_state(connection: Connection) -> SchemaState:
    """The tables and the Alembic revision of the database behind `connection`."""
    tables = frozenset(t for t in inspect(connection).get_table_names() if not t.startswith("sqlite_"))
    revisions: frozenset[str] = frozenset()
    if VERSION_TABLE in tables:
        rows = connection.execute(text(f"SELECT version_num FROM {VERSION_TABLE}"))
        revisions = frozenset(r for (r,) in rows)
    return SchemaState(tables, revisions, connection.dialect.name)


def needs_upgrade(state: SchemaState, script: ScriptDirectory, where: str) -> bool:
    """False at the newest schema, True when empty or older.

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
    known = {rev.revision for rev in script.walk_revisions()}
    unknown = sorted(state.revisions - known)
    if unknown:
        raise NewerSchema(
            f"{where} has schema revision {', '.join(unknown)}, newer than this version of quotes "
            f"knows (newest: {', '.join(sorted(script.get_heads()))}); upgrade quotes to use it. "
            "Nothing was changed"
        )
    if not REQUIRED_TABLES <= state.tables:
        missing = ", ".join(sorted(REQUIRED_TABLES - state.tables))
        raise NotQuotesDatabase(f"{where} says it is a quotes database but has no {missing} table")
    return state.revisions != set(script.get_heads())
