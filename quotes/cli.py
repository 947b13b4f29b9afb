"""The `quotes` command: parses arguments, calls the library, formats the rows.

User errors (a missing file, an unknown speaker, no match) print one line on
stderr and exit 1.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

import quotes
from quotes import cli_params
from quotes.cli_base import (
    DEFAULT_DB, ArticleId, Db, Limit, MinConfidence, Publisher, Since, Speaker, Until, close_databases, database, fail,
    filters, reading, user_errors,
)
from quotes.cli_articles import articles_app, fix_command, reanalyse_command
from quotes.cli_output import Format, FormatOption, emit, quote_blocks
from quotes.cli_people import people_app
from quotes.safe_text import for_terminal, terminal_safe
from quotes.cli_search import search_command, show_command
from quotes.cli_serve import serve_command

# Start-up stays fast: spaCy (ingest, extract, check), pandas (export), Dask
# (ingest --dask) and Datasette (serve) are imported by the commands that use
# them; tests/test_startup.py checks.
if TYPE_CHECKING:
    from quotes.extract import ExtractedQuote
    from quotes.analysis import Pipeline
    from quotes.query import SpeakerRow

BATCH_SIZE = 16  # quotes.ingest.BATCH_SIZE, which imports spaCy (a test checks they agree)
cli_params.install()  # plain values converted without pydantic (a tenth of a second)

app = typer.Typer(
    help="Find direct quotations in news articles, work out who said them, and query them.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_show_locals=False,
)


def show_version(asked: bool) -> None:
    if asked:
        typer.echo(f"quotes {quotes.__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool, typer.Option("--version", is_eager=True, callback=show_version, help="Print the version and exit.")
    ] = False,
) -> None:
    """Find direct quotations in news articles, work out who said them, and query them."""


app.add_typer(people_app, name="people")
app.command("search")(search_command)
app.command("show")(show_command)
app.command("serve")(serve_command)


# Parsing is CPU-bound: more processes than cores only take memory (and a typo's
# thousand processes would take it all).
MAX_WORKERS = 2 * (os.cpu_count() or 1)
MAX_BATCH = 1000


@app.command("ingest")
def ingest_command(
    paths: Annotated[list[Path], typer.Argument(help="Article files (.txt, .jsonl, .html), or folders of them (subfolders too).")],
    db: Db = DEFAULT_DB,
    batch_size: Annotated[
        int, typer.Option("--batch-size", min=1, help="Articles parsed together, then stored in one transaction.")
    ] = BATCH_SIZE,
    workers: Annotated[
        int | None,
        typer.Option(
            "--workers", min=1,
            help="Processes that parse articles (each loads the model, ~300 MB); with --dask local, "
            "the cluster's workers (default: one per core).",
        ),
    ] = None,
    dask: Annotated[
        str | None,
        typer.Option(
            "--dask", metavar="SCHEDULER",
            help="Do the NLP on a Dask cluster: a scheduler's address (tcp://host:8786), "
            "or `local` to start one here. Storage stays in this process.",
        ),
    ] = None,
) -> None:
    """Find and attribute the quotes in articles and store them in the database.

    Safe to stop and run again: unchanged articles are skipped, changed ones replaced.
    """
    if batch_size > MAX_BATCH:
        fail(f"--batch-size {batch_size} is more than {MAX_BATCH}: a batch is held in memory whole "
             "(up to 1 MB an article), and more than a few dozen does not parse faster.")
    if workers and workers > MAX_WORKERS:
        fail(f"--workers {workers} is more processes than this machine can use: {os.cpu_count()} cores, "
             f"so at most {MAX_WORKERS} (each loads the model, ~300 MB).")
    from rich.console import Console
    from rich.progress import Progress

    from quotes.ingest import KINDS, find_files, ingest
    from quotes.store.errors import StoreError
    from quotes.workers import WorkerDied

    with user_errors():
        listing = find_files(paths)
        for skipped in listing.skipped:
            typer.echo(for_terminal(f"Skipped: {skipped.reason}"), err=True)
        if not listing.files:
            fail(f"no articles to ingest in {', '.join(map(str, paths))} ({KINDS} files, or folders holding them).")
        files = listing.files
        factory = database(db, create=True)
        with on_cluster(dask, workers, batch_size) as pipeline, Progress(console=Console(stderr=True), transient=True) as bar:
            task = bar.add_task("Ingesting", total=len(files))
            try:
                summary = ingest(
                    factory, files, progress=lambda _path: bar.advance(task), batch_size=batch_size,
                    workers=workers or 1, pipeline=pipeline,
                )
            except StoreError as error:
                fail(f"{error}. Articles stored before this are kept; run the same ingest again to finish.")
            except WorkerDied as error:
                fail(str(error))
    typer.echo(
        f"Stored {summary.articles} articles, {summary.quotes} quotes, "
        f"{summary.speakers} speakers ({summary.skipped} unchanged, skipped)."
        + (f" {summary.without_quotes} with no quotation." if summary.without_quotes else "")
        + (f" {summary.redone} of them unchanged but re-analysed: a newer analysis than the one that stored them."
           if summary.redone else "")
    )
    for warning in summary.warnings:
        typer.echo(for_terminal(f"Warning: {warning.reason}"), err=True)
    for failure in summary.failed:
        typer.echo(for_terminal(f"Error: {failure.reason}"), err=True)
    if summary.failed:
        raise typer.Exit(1)


@contextmanager
def on_cluster(address: str | None, workers: int | None, batch_size: int) -> Iterator[Pipeline | None]:
    """The NLP on the Dask cluster at `address` while the block runs; None (this process) without one."""
    if address is None:
        yield None
        return
    from quotes.cluster import LOCAL, ClusterUnavailable, connect, pipeline  # imports distributed: only when asked

    if workers and address != LOCAL:
        fail("--workers sizes a local cluster; a scheduler has the workers started with `dask worker`.")
    with ExitStack() as stack:
        try:
            client = stack.enter_context(connect(address, workers=workers))
        except ClusterUnavailable as error:
            fail(str(error))
        count = len(client.nthreads())
        typer.echo(f"Dask: {count} workers at {client.scheduler.address}"
                   + ("; waiting for `dask worker` to join" if not count else ""), err=True)
        yield pipeline(client, batch_size=batch_size)


@app.command("extract")
def extract_command(
    files: Annotated[list[Path], typer.Argument(help="Article files (.txt, .jsonl, .html), or folders of them (subfolders too).")],
    fmt: FormatOption = Format.jsonl,
) -> None:
    """Print the quotes in files without storing them: doc_id, start, end, text, speaker."""
    from quotes.extract import extract
    from quotes.ingest import KINDS, find_files

    failures = 0
    collected: list[ExtractedQuote] = []
    with user_errors():
        listing = find_files(files)
        for skipped in listing.skipped:
            typer.echo(for_terminal(f"Skipped: {skipped.reason}"), err=True)
        if not listing.files:
            fail(f"no articles in {', '.join(map(str, files))} ({KINDS} files, or folders holding them).")
        for result in extract(listing.files):
            if result.error:
                failures += 1
                typer.echo(for_terminal(f"Error: {result.error}"), err=True)
            for warning in result.warnings:
                typer.echo(for_terminal(f"Warning: {result.path}: {warning}"), err=True)
            if fmt in (Format.csv, Format.json):  # one document at the end
                collected.extend(result.quotes)
            else:  # streamed, a file at a time
                emit(result.quotes, fmt, table=extract_lines)
    if collected or fmt is Format.json:
        emit(collected, fmt)
    if failures:
        raise typer.Exit(1)


def extract_lines(rows: list[ExtractedQuote]) -> None:
    for r in rows:
        typer.echo(f"{r.doc_id}  {r.start}-{r.end}  {r.speaker or '?'}: “{r.text}”")


@app.command("who-said")
def who_said_command(
    words: Annotated[str, typer.Argument(help="Words the quote contains, in any case.")],
    db: Db = DEFAULT_DB,
    fmt: FormatOption = Format.table,
    min_confidence: MinConfidence = None,
    limit: Limit = None,
) -> None:
    """Who said these words: speaker, article and the paragraph around each quote (uncertain speakers marked).

    Case, accents, the apostrophe and quotation glyphs, quotation marks around the words
    and a full stop after them do not matter.
    """
    from quotes.query import Filters, who_said

    with user_errors():
        with reading(db) as connection:
            rows = who_said(connection, words, Filters(min_confidence=min_confidence), limit=limit)
    emit(rows, fmt, table=quote_blocks(body="context"), none=f"no stored quote contains {words!r}.")


@app.command("said-by")
def said_by_command(
    name: Annotated[str, typer.Argument(help="Full name, alias or surname, in any case, with or without accents or a title.")],
    db: Db = DEFAULT_DB,
    fmt: FormatOption = Format.table,
    min_confidence: MinConfidence = None,
    limit: Limit = None,
) -> None:
    """Every stored quote by a person or organisation (uncertain speakers marked)."""
    from quotes.query import Filters, said_by

    with user_errors():
        with reading(db) as connection:
            rows = said_by(connection, name, Filters(min_confidence=min_confidence), limit=limit)
    emit(rows, fmt, table=quote_blocks(body="text"), none=f"no stored quote by {name!r} with these filters.")


class SpeakerType(str, Enum):
    person = "person"
    org = "org"


@app.command("speakers")
def speakers_command(
    db: Db = DEFAULT_DB,
    fmt: FormatOption = Format.table,
    kind: Annotated[SpeakerType | None, typer.Option("--type", help="Only people, or only organisations.")] = None,
    limit: Limit = None,
) -> None:
    """Everyone quoted, most quoted first: number of quotes, type, name, the roles articles give them.

    A first name or surname alone that its article never expanded is marked partial, with that article.
    As json or jsonl each speaker also has their aliases and, per role, the articles stating it and their dates.
    """
    from quotes.query import speakers

    with user_errors():
        with reading(db) as connection:
            rows = speakers(connection, kind=kind.value if kind else None, limit=limit)
    emit(rows, fmt, table=speaker_lines)  # a listing, not a match: empty is no error


def speaker_lines(rows: list[SpeakerRow]) -> None:
    for row in rows:
        roles = "; ".join(r.role for r in row.roles[:3])
        marks = ["org"] * (row.type == "org") + [f"partial: {row.partial_in} only"] * row.partial  # people unmarked
        typer.echo(f"{row.quotes:5d}  {row.name}" + "".join(f"  [{m}]" for m in marks) + (f"  ({roles})" if roles else ""))


@app.command("export")
def export_command(
    csv: Annotated[Path | None, typer.Option("--csv", help="CSV file to write, one row per quote; - for stdout.")] = None,
    jsonl: Annotated[
        Path | None, typer.Option("--jsonl", help="JSON lines file to write, one object per quote; - for stdout.")
    ] = None,
    parquet: Annotated[Path | None, typer.Option("--parquet", help="Parquet file to write; - for stdout.")] = None,
    db: Db = DEFAULT_DB,
    speaker: Speaker = None,
    publisher: Publisher = None,
    article: ArticleId = None,
    since: Since = None,
    until: Until = None,
    min_confidence: MinConfidence = None,
) -> None:
    """Write the stored quotes (all, or those the filters keep) to CSV, JSON lines and/or Parquet.

    The columns are the same in every format: see the README or quotes.export.COLUMNS.
    `-` writes one of them to stdout; messages then go to stderr only.
    """
    import sys

    given = {fmt: path for fmt, path in (("csv", csv), ("jsonl", jsonl), ("parquet", parquet)) if path}
    if not given:
        fail("say where to write: --csv FILE, --jsonl FILE or --parquet FILE (- for stdout).")
    to_stdout = [fmt for fmt, path in given.items() if str(path) == "-"]
    if len(to_stdout) > 1:
        fail(f"only one export can go to stdout; --{' and --'.join(to_stdout)} both say -.")
    stdout = {"parquet": sys.stdout.buffer}.get(to_stdout[0], sys.stdout) if to_stdout else None
    targets = {fmt: stdout if fmt in to_stdout else path for fmt, path in given.items()}
    with user_errors():
        with reading(db) as connection:
            from quotes.export import UnsafeTarget, export  # pandas: once the arguments and the database are good

            try:
                count = export(
                    connection, targets, filters(speaker, publisher, article, since, until, min_confidence=min_confidence)
                )
            except UnsafeTarget as error:
                fail(str(error))
            except OSError as error:
                fail(f"cannot write {error.filename or 'the export'}: {error.strerror or error}")
    if stdout is not None:
        stdout.flush()
    typer.echo(f"Wrote {count} quotes to {', '.join('stdout' if str(p) == '-' else str(p) for p in given.values())}.",
               err=stdout is not None)


class CheckFormat(str, Enum):
    table = "table"
    json = "json"


@app.command("check")
def check_command(
    draft: Annotated[Path, typer.Argument(help="The draft: a .txt, .md, .html or .docx file.")],
    db: Db = DEFAULT_DB,
    fmt: Annotated[
        CheckFormat, typer.Option("--format", "-f", help="table for people, json for programs.")
    ] = CheckFormat.table,
) -> None:
    """Check a draft's quotations against the database; exit 1 unless every one is verified,
    2 when the draft or one of its quotations could not be read."""
    from rich.console import Console

    from quotes.check import VERIFIED, UncheckedDraft, UnreadableDraft, UnsupportedDraft, check_draft, read_draft
    from quotes.check_report import print_report, records
    from quotes.store.search import SearchUnavailable

    with user_errors():
        try:
            text = read_draft(draft)
            if not text.strip():
                fail(f"{draft} is empty; there are no quotations to check.")
            with database(db)() as session:
                verdicts = check_draft(session, text)
        except (UnsupportedDraft, SearchUnavailable) as error:
            fail(str(error))
        except (UnreadableDraft, UncheckedDraft) as error:  # fails closed: never 0 for what was not read
            typer.echo(f"Error: {draft}: {error}" if isinstance(error, UncheckedDraft) else f"Error: {error}", err=True)
            raise typer.Exit(2)
    if fmt is CheckFormat.json:
        typer.echo(for_terminal(json.dumps(records(verdicts), ensure_ascii=False, indent=2)))
    elif not verdicts:
        typer.echo(for_terminal(f"No quotations found in {draft}."))
    else:
        console = Console(highlight=False)
        console.soft_wrap = not console.is_terminal  # a pipe or a log gets whole lines
        print_report(console, for_terminal(draft.name), terminal_safe(verdicts))
    if any(v.verdict != VERIFIED for v in verdicts):
        raise typer.Exit(1)


def main() -> None:
    """The `quotes` program (the console script, `python -m quotes`): the app, then an end that skips
    the interpreter's last garbage collection.

    That collection walks every object the imports made, all of them garbage by then: after a query it
    took 0.08-0.15 s of CPU, a third of the command. gc.freeze() leaves them out of it; exit handlers and
    module teardown still run, and the databases the command opened are closed first, so no file is
    left for a collection to close.
    """
    import gc

    try:
        app(prog_name="quotes")
    finally:
        close_databases()
        gc.freeze()


app.command("fix")(fix_command)
app.add_typer(articles_app, name="articles")
app.command("reanalyse")(reanalyse_command)
