"""`quotes articles`, `quotes fix` and `quotes reanalyse`: looking after what is stored.

`fix` is recorded in the database, as `people merge` is, so re-ingesting or
re-analysing the article keeps it.
"""

from __future__ import annotations

from typing import Annotated

import typer

from quotes.cli_base import DEFAULT_DB, Db, Limit, database, fail, reading, user_errors
from quotes.cli_output import Format, FormatOption, emit
from quotes.safe_text import for_terminal

articles_app = typer.Typer(
    help="The stored articles: list them (the default), or remove one.", no_args_is_help=False, invoke_without_command=True
)


@articles_app.callback()
def articles_command(
    ctx: typer.Context,
    db: Db = DEFAULT_DB,
    fmt: FormatOption = Format.table,
    limit: Limit = None,
) -> None:
    """Every stored article: doc_id, number of quotes, title, publisher, date, analysis version."""
    if ctx.invoked_subcommand is not None:
        return
    from quotes.catalogue import list_articles

    with user_errors():
        with reading(db) as connection:
            rows = list_articles(connection, limit=limit)
    emit(rows, fmt)  # a listing, not a match: none stored is no error (as `speakers`)


@articles_app.command("remove")
def remove_command(
    doc_id: Annotated[str, typer.Argument(help="The article's doc_id (from `quotes articles`).")],
    db: Db = DEFAULT_DB,
) -> None:
    """Delete an article and its quotes from the database (ingesting its file again brings it back)."""
    from quotes.catalogue import UnknownArticle, remove_article
    from quotes.store.db import write_transaction

    with user_errors():
        try:
            quotes = write_transaction(database(db), lambda session: remove_article(session, doc_id))
        except UnknownArticle as error:
            fail(f"{error}; `quotes articles` lists them.")
    typer.echo(for_terminal(f"Removed {doc_id} and its {quotes} quotes."))


def fix_command(
    quote_id: Annotated[int, typer.Argument(help="The quote's id (shown by who-said, said-by, search, export).")],
    speaker: Annotated[str | None, typer.Option("--speaker", help="Who said it: a name, found like said-by's.")] = None,
    no_speaker: Annotated[bool, typer.Option("--no-speaker", help="Nobody known said it: take its speaker away.")] = False,
    db: Db = DEFAULT_DB,
) -> None:
    """Correct the speaker of one quote; re-ingesting or re-analysing its article keeps the correction."""
    if (speaker is None or not speaker.strip()) == (not no_speaker):
        fail("say who said it: --speaker NAME, or --no-speaker.")
    from quotes.store.db import write_transaction
    from quotes.store.fixes import fix_quote

    with user_errors():
        fixed = write_transaction(
            database(db), lambda session: (q := fix_quote(session, quote_id, speaker)).person and q.person.name
        )
    typer.echo(for_terminal(f"Quote {quote_id} is now {fixed}'s.") if fixed else f"Quote {quote_id} now has no speaker.")


def reanalyse_command(
    db: Db = DEFAULT_DB,
    everything: Annotated[bool, typer.Option("--all", help="Every stored article, not only those analysed by another version.")] = False,
) -> None:
    """Analyse stored articles again from their stored text (no files needed), after an upgrade of quotes.

    Only articles whose analysis version differs from this one, unless --all; fixes and people corrections stay.
    """
    from quotes.analysis_version import analysis_version
    from quotes.reanalyse import reanalyse
    from quotes.store.errors import StoreError

    with user_errors():
        try:
            summary = reanalyse(database(db), everything=everything)
        except StoreError as error:
            fail(f"{error}. Articles redone before this are kept; run it again to finish.")
    typer.echo(
        f"Re-analysed {summary.articles} articles ({summary.quotes} quotes) with analysis {analysis_version()}; "
        f"{summary.current} already current."
    )
