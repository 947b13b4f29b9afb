"""The `quotes` command: parses arguments, calls the library, formats the rows.

User errors (a missing file, an unknown speaker, no match) print one line on
stderr and exit 1.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict
from enum import Enum
from pathlib import Path
from typing import Annotated, NoReturn

import typer
from rich.console import Console  # rich comes with typer
from rich.progress import Progress
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from quotes.export import export_csv
from quotes.ingest import UnreadableFile, analyse_files, ingest, iter_files
from quotes.query import QuoteRow, UnknownPerson, said_by, speakers, who_said
from quotes.store.db import MigrationsMissing, open_db

app = typer.Typer(
    help="Find direct quotations in news articles, work out who said them, and query them.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_show_locals=False,
)

Db = Annotated[
    str,
    typer.Option(
        "--db",
        envvar="QUOTES_DB",
        help="SQLite database file (or SQLAlchemy URL). Default: quotes.db here, or $QUOTES_DB.",
    ),
]
DEFAULT_DB = "quotes.db"


class Format(str, Enum):
    table = "table"
    jsonl = "jsonl"


FormatOption = Annotated[Format, typer.Option("--format", "-f", help="table for people, jsonl for programs.")]


def fail(message: str) -> NoReturn:
    typer.echo(f"Error: {message}", err=True)
    raise typer.Exit(1)


@contextmanager
def user_errors() -> Iterator[None]:
    """Turn the library's expected failures into one line and exit 1."""
    try:
        yield
    except UnknownPerson as error:
        fail(f"{error}; `quotes speakers` lists the stored names.")
    except FileNotFoundError as error:
        fail(str(error).removeprefix("[Errno 2] "))
    except (UnreadableFile, MigrationsMissing) as error:
        fail(str(error))
    except SQLAlchemyError as error:
        fail(f"database error: {getattr(error, 'orig', None) or error}")


def database(db: str, *, create: bool = False) -> sessionmaker[Session]:
    """The migrated database; reading commands refuse to create an empty one."""
    if not create and "://" not in db and not Path(db).exists():
        fail(f"no database at {db}; run `quotes ingest` first or pass --db.")
    return open_db(db)


def echo_jsonl(records: list[dict]) -> None:
    for record in records:
        typer.echo(json.dumps(record, ensure_ascii=False))


def speaker_label(row: QuoteRow) -> str:
    if row.speaker:
        return row.speaker
    return f"(unnamed: {row.speaker_mention})" if row.speaker_mention else "(unknown)"


def show_quotes(rows: list[QuoteRow], fmt: Format, *, body: str) -> None:
    """Rows as JSON lines, or one block per quote: speaker, article, then `body`."""
    if fmt is Format.jsonl:
        echo_jsonl([asdict(row) for row in rows])
        return
    for row in rows:
        typer.echo(f"{speaker_label(row)} — {row.doc_id}, paragraph {row.paragraph}")
        text = row.context if body == "context" else f"“{row.text}”"
        typer.echo(f"    {text}\n")


@app.command("ingest")
def ingest_command(
    paths: Annotated[list[Path], typer.Argument(help="Text files, or folders of *.txt files.")],
    db: Db = DEFAULT_DB,
) -> None:
    """Find and attribute the quotes in articles and store them in the database."""
    with user_errors():
        files = list(iter_files(paths))
        factory = database(db, create=True)
        with Progress(console=Console(stderr=True), transient=True) as bar:
            task = bar.add_task("Ingesting", total=len(files))
            summary = ingest(factory, files, progress=lambda _path: bar.advance(task))
    typer.echo(
        f"Stored {summary.articles} articles, {summary.quotes} quotes, "
        f"{summary.speakers} speakers ({summary.skipped} unchanged, skipped)."
    )
    for failure in summary.failed:
        typer.echo(f"Error: {failure.reason}", err=True)
    if summary.failed:
        raise typer.Exit(1)


@app.command("extract")
def extract_command(
    files: Annotated[list[Path], typer.Argument(help="Text files, or folders of *.txt files.")],
    fmt: FormatOption = Format.jsonl,
) -> None:
    """Print the quotes in files without storing them: doc_id, start, end, text, speaker."""
    with user_errors():
        for path, _text, attributions in analyse_files(files):
            records = [
                {
                    "doc_id": path.stem,
                    "start": a.quote.start,
                    "end": a.quote.end,
                    "text": a.quote.text,
                    "speaker": a.speaker,
                }
                for a in attributions
            ]
            if fmt is Format.jsonl:
                echo_jsonl(records)
            else:
                for r in records:
                    typer.echo(f"{r['doc_id']}  {r['start']}-{r['end']}  {r['speaker'] or '?'}: “{r['text']}”")


@app.command("who-said")
def who_said_command(
    words: Annotated[str, typer.Argument(help="Words the quote contains, in any case.")],
    db: Db = DEFAULT_DB,
    fmt: FormatOption = Format.table,
) -> None:
    """Who said these words: speaker, article and the paragraph around each quote."""
    with user_errors():
        with database(db)() as session:
            rows = who_said(session, words)
    if not rows:
        fail(f"no stored quote contains {words!r}.")
    show_quotes(rows, fmt, body="context")


@app.command("said-by")
def said_by_command(
    name: Annotated[str, typer.Argument(help="Full name or surname, in any case.")],
    db: Db = DEFAULT_DB,
    fmt: FormatOption = Format.table,
) -> None:
    """Every stored quote by a person."""
    with user_errors():
        with database(db)() as session:
            rows = said_by(session, name)
    show_quotes(rows, fmt, body="text")


@app.command("speakers")
def speakers_command(db: Db = DEFAULT_DB, fmt: FormatOption = Format.table) -> None:
    """Everyone quoted, with their number of quotes, most quoted first."""
    with user_errors():
        with database(db)() as session:
            rows = speakers(session)
    if fmt is Format.jsonl:
        echo_jsonl([asdict(row) for row in rows])
        return
    for row in rows:
        typer.echo(f"{row.quotes:5d}  {row.name}")


@app.command("export")
def export_command(
    csv: Annotated[Path, typer.Option("--csv", help="CSV file to write, one row per quote.")],
    db: Db = DEFAULT_DB,
) -> None:
    """Write every stored quote to a CSV file (columns: see quotes.export.COLUMNS)."""
    with user_errors():
        with database(db)() as session:
            try:
                count = export_csv(session, csv)
            except OSError as error:
                fail(f"cannot write {csv}: {error.strerror or error}")
    typer.echo(f"Wrote {count} quotes to {csv}.")
