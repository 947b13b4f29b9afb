"""What every command shares: the --db option, opening the database, and
turning the library's expected failures into one line on stderr and exit 1.

The CLI modules import the library (SQLAlchemy, spaCy, pandas...) inside the
commands, never at the top: `quotes --help` then needs only Typer, and each
command only what it uses (tests/test_startup.py checks).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from quotes.safe_text import for_terminal

if TYPE_CHECKING:
    from sqlalchemy import Connection, Engine
    from sqlalchemy.orm import Session, sessionmaker

    from quotes.query import Filters

Db = Annotated[
    str,
    typer.Option(
        "--db",
        envvar="QUOTES_DB",
        help="SQLite database file, or a postgresql://user:password@host/db URL. Default: quotes.db here, or $QUOTES_DB.",
    ),
]
DEFAULT_DB = "quotes.db"


def fail(message: str) -> NoReturn:
    typer.echo(for_terminal(f"Error: {message}"), err=True)
    raise typer.Exit(1)


@contextmanager
def user_errors() -> Iterator[None]:
    """Turn the library's expected failures into one line and exit 1."""
    from sqlalchemy.exc import SQLAlchemyError

    from quotes.query import UnknownPerson, UnknownQuote
    from quotes.store.errors import StoreError, explain
    from quotes.store.search import SearchUnavailable
    from quotes.textfile import UnreadableFile

    try:
        yield
    except UnknownPerson as error:
        fail(f"{error}; `quotes speakers` lists the stored names.")
    except UnknownQuote as error:
        fail(f"{error}; `quotes search` shows quote ids.")
    except SearchUnavailable as error:
        fail(str(error))
    except FileNotFoundError as error:
        fail(str(error).removeprefix("[Errno 2] "))
    except (UnreadableFile, StoreError) as error:
        fail(str(error))
    except UnicodeEncodeError as error:  # argv bytes that are not UTF-8 come in as lone surrogates
        fail(f"an argument holds {_bytes(error.object[error.start : error.end])}, which is not UTF-8 text; give it as UTF-8")
    except SQLAlchemyError as error:
        known = explain(error, "the database")
        fail(str(known) if known else f"database error: {getattr(error, 'orig', None) or error}")


def _bytes(text: str) -> str:
    try:
        return repr(text.encode("utf-8", "surrogateescape"))  # the bytes as they were on the command line
    except UnicodeEncodeError:
        return ascii(text)


def _url(db: str, *, create: bool) -> str:
    """--db as a URL, refused when it would be a database in memory or (unless `create`) a missing file."""
    from quotes.store.db import check_url, sqlite_file, to_url

    url = to_url(db)
    check_url(url)
    path = sqlite_file(url)
    if path is None and url.startswith("sqlite"):  # :memory:, sqlite://: gone when the command ends
        fail(f"{db} is a database in memory, which keeps nothing once this command ends; "
             "give a file name (quotes.db) or a postgresql:// URL.")
    if not create and path is not None and not path.exists():
        fail(f"no database at {path}; run `quotes ingest` first or pass --db.")
    return url


def database(db: str, *, create: bool = False) -> sessionmaker[Session]:
    """The migrated database, for commands that write (the ORM); reading commands refuse to create an empty one.
    Closed when the program ends (close_databases)."""
    from quotes.store.db import open_db

    factory = open_db(_url(db, create=create))
    _OPENED.append(factory.kw["bind"])
    return factory


_OPENED: list[Engine] = []  # the engines `database` made for this command


def close_databases() -> None:
    """Close every database `database` opened (SQLite checkpoints its WAL and removes it): the program
    ends without a last garbage collection, which would otherwise be what closes them (quotes.cli.main)."""
    while _OPENED:
        _OPENED.pop().dispose()


@contextmanager
def reading(db: str) -> Iterator[Connection]:
    """A Core connection to the migrated database, in one read transaction, for the query commands:
    without the ORM they start in about half the CPU time."""
    from quotes.store.db import open_engine

    engine = open_engine(_url(db, create=False))
    try:
        with engine.connect() as connection:
            yield connection
    finally:
        engine.dispose()


# The filters every quote listing and export takes, with one meaning everywhere.
Speaker = Annotated[str | None, typer.Option("--speaker", help="Only this person's quotes (full name or surname).")]
Publisher = Annotated[
    str | None, typer.Option("--publisher", help="Only articles from a publisher whose name holds this, in any case (guardian: The Guardian).")
]
ArticleId = Annotated[str | None, typer.Option("--article", help="Only this article (its doc_id).")]
Since = Annotated[
    datetime | None, typer.Option("--since", formats=["%Y-%m-%d"], help="Only articles published on or after this date.")
]
Until = Annotated[
    datetime | None, typer.Option("--until", formats=["%Y-%m-%d"], help="Only articles published on or before this date.")
]


Limit = Annotated[int | None, typer.Option("--limit", min=1, help="At most this many rows (the first, in the listing's order).")]
MinConfidence = Annotated[
    float | None,
    typer.Option(
        "--min-confidence", min=0.0, max=1.0,
        help="Only quotes whose speaker the resolver is at least this sure of (0-1); unscored quotes drop out.",
    ),
]


def filters(
    speaker: str | None, publisher: str | None, article: str | None, since: datetime | None, until: datetime | None,
    *, min_confidence: float | None = None,
) -> Filters:
    from quotes.query import Filters

    return Filters(
        speaker=speaker,
        publisher=publisher,
        article=article,
        since=since.date() if since else None,
        until=until.date() if until else None,
        min_confidence=min_confidence,
    )
