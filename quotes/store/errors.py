"""Why a database cannot be used, as exceptions whose message names the file.

SQLite reports trouble as error codes on generic exceptions; `explain` turns the
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


class NewerSchema(StoreError):
    """Made by a newer version of quotes; migrating down or guessing could lose data."""


class ReadOnlyDatabase(StoreError):
    """The file, or the folder SQLite needs for its journal, cannot be written."""


class DatabaseBusy(StoreError):
    """Another process kept the database locked for longer than we wait."""


def sqlite_code(error: BaseException) -> str:
    """`SQLITE_BUSY`, `SQLITE_READONLY_DIRECTORY`, ... or '' when not from SQLite."""
    orig = getattr(error, "orig", error)
    return getattr(orig, "sqlite_errorname", "") if isinstance(orig, sqlite3.Error) else ""


def is_busy(error: BaseException) -> bool:
    """The database was locked by another connection: worth retrying."""
    return sqlite_code(error).startswith(("SQLITE_BUSY", "SQLITE_LOCKED"))


def explain(error: SQLAlchemyError | sqlite3.Error, where: str) -> StoreError | None:
    """The StoreError a user can act on for this SQLite error, or None if it is not one."""
    code = sqlite_code(error)
    detail = str(getattr(error, "orig", None) or error)
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
    if is_busy(error):
        return DatabaseBusy(f"{where} stayed locked by another process ({detail}); try again")
    return None
