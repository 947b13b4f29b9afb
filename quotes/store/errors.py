"""Why a database cannot be used, as exceptions whose message names the file (or server).

SQLite reports trouble as error codes on generic exceptions, psycopg as SQLSTATE
codes or, when it cannot connect at all, as a message; `explain` turns the
ones a user can act on into these, so the CLI can print one line and nothing
is retried or overwritten blindly.
"""

from __future__ import annotations

import sqlite3

from sqlalchemy.exc import SQLAlchemyError


class StoreError(Exception):
    """The database cannot be used as asked; the message says which file and why."""


class NotADatabase(StoreError):
    """The file is not an SQLite database, or is damaged."""


class NotQuotesDatabase(StoreError):
    """An SQLite database, but one with other tables: we will not migrate it."""


class DamagedSchema(StoreError):
    """Our schema's bookkeeping (the alembic_version table) is not what any migration leaves."""


class NewerSchema(StoreError):
    """Made by a newer version of quotes; migrating down or guessing could lose data."""


class ReadOnlyDatabase(StoreError):
    """The file, or the folder SQLite needs for its journal, cannot be written."""


class DatabaseBusy(StoreError):
    """Another process kept the database locked for longer than we wait."""


class ServerUnreachable(StoreError):
    """No PostgreSQL server answers at the host and port of the URL."""


class LoginFailed(StoreError):
    """The PostgreSQL server refused the user or password, or has no such database."""


# PostgreSQL SQLSTATEs worth retrying: lock_not_available (our lock_timeout),
# deadlock_detected, serialization_failure.
PG_BUSY = ("55P03", "40P01", "40001")
PG_LOGIN_WORDS = ("password authentication failed", "no password supplied", "pg_hba.conf", "role \"")


def pg_code(error: BaseException) -> str | None:
    """The SQLSTATE of a psycopg error ('' when it has none, e.g. it could not connect); None if not psycopg's."""
    orig = getattr(error, "orig", error)
    if not type(orig).__module__.startswith("psycopg"):
        return None
    return getattr(orig, "sqlstate", None) or ""


def sqlite_code(error: BaseException) -> str:
    """`SQLITE_BUSY`, `SQLITE_READONLY_DIRECTORY`, ... or '' when not from SQLite."""
    orig = getattr(error, "orig", error)
    return getattr(orig, "sqlite_errorname", "") if isinstance(orig, sqlite3.Error) else ""


def is_busy(error: BaseException) -> bool:
    """The database was locked by another connection: worth retrying."""
    return sqlite_code(error).startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or pg_code(error) in PG_BUSY


def explain_postgres(code: str, detail: str, where: str) -> StoreError | None:
    """The StoreError for a psycopg error with SQLSTATE `code` ('' for a failed connection)."""
    # libpq's first line says what failed; the next ones are hints we give ourselves
    detail = " ".join((detail.removeprefix("connection failed: ").splitlines() or [""])[0].split())
    if not code:
        if 'database "' in detail and "does not exist" in detail:
            return LoginFailed(f"{where}: {detail}; create it first (`createdb`) or fix the URL")
        if any(words in detail for words in PG_LOGIN_WORDS):
            return LoginFailed(f"cannot log in to {where} ({detail}); check the user and password in the URL")
        return ServerUnreachable(
            f"cannot reach the PostgreSQL server of {where} ({detail}); is it running, and are host and port right?"
        )
    if code == "42501":
        return StoreError(f"{where}: permission denied ({detail}); the user needs to own the database")
    if code == "25006":
        return ReadOnlyDatabase(f"{where} cannot be written ({detail})")
    if code == "53100":
        return StoreError(f"the disk holding {where} is full")
    if code in PG_BUSY:
        return DatabaseBusy(f"{where} stayed locked by another process ({detail}); try again")
    return None


def explain(error: SQLAlchemyError | sqlite3.Error, where: str) -> StoreError | None:
    """The StoreError a user can act on for this SQLite or PostgreSQL error, or None if it is not one."""
    code = sqlite_code(error)
    detail = str(getattr(error, "orig", None) or error)
    postgres = pg_code(error)
    if postgres == "" and type(getattr(error, "orig", error)).__name__ != "OperationalError":
        return None  # no SQLSTATE and not about the connection: a mistake of ours, shown as it is
    if postgres is not None:
        return explain_postgres(postgres, detail, where)
    if code.startswith("SQLITE_READONLY"):
        return ReadOnlyDatabase(
            f"{where} cannot be written ({detail}); SQLite needs write access to the file "
            "and to its folder (for the -wal and -shm files beside it)"
        )
    if code.startswith("SQLITE_CANTOPEN"):
        return ReadOnlyDatabase(
            f"cannot open {where} ({detail}); check the folder exists and can be written"
        )
    if code.startswith(("SQLITE_NOTADB", "SQLITE_CORRUPT")):
        return NotADatabase(f"{where} is damaged or not an SQLite database ({detail}); nothing was changed")
    if code.startswith("SQLITE_FULL"):
        return StoreError(f"the disk holding {where} is full")
    if code.startswith("SQLITE_IOERR"):  # e.g. a write past `ulimit -f` (EFBIG), a quota, a failing disk
        return StoreError(
            f"cannot {'read' if code.endswith('_READ') else 'write'} {where} ({detail}, {code}); the disk may be full or failing, "
            "or the file over a size limit (`ulimit -f`) or quota"
        )
    if is_busy(error):
        return DatabaseBusy(f"{where} stayed locked by another process ({detail}); try again")
    return None
