"""`quotes search` and `quotes show`: full-text search over quotes, and one quote in its paragraph."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from quotes.cli_base import DEFAULT_DB, ArticleId, MinConfidence, Db, Publisher, Since, Speaker, Until, fail, filters, reading, user_errors
from quotes.cli_output import Format, FormatOption, emit, speaker_label

if TYPE_CHECKING:
    from quotes.query import QuoteRow


def search_command(
    query: Annotated[str, typer.Argument(help='Words the quote holds, all of them; "a phrase" in double quotes; word* for a prefix.')],
    db: Db = DEFAULT_DB,
    speaker: Speaker = None,
    publisher: Publisher = None,
    article: ArticleId = None,
    since: Since = None,
    until: Until = None,
    limit: Annotated[int, typer.Option("--limit", min=1, help="At most this many quotes.")] = 50,
    min_confidence: MinConfidence = None,
    fmt: FormatOption = Format.table,
) -> None:
    """Search quote text (SQLite FTS5), best matches first, with filters on speaker, publisher, article, dates."""
    from quotes.query import search

    with user_errors():
        with reading(db) as connection:
            rows = search(connection, query, filters(speaker, publisher, article, since, until, min_confidence=min_confidence), limit=limit)
    emit(rows, fmt, table=search_lines, none=f"no stored quote matches {query!r} with these filters.")


def search_lines(rows: list[QuoteRow]) -> None:
    for row in rows:
        where = ", ".join(x for x in (row.publisher, row.published) if x)
        typer.echo(f"[{row.quote_id}] {speaker_label(row)} — {row.doc_id}" + (f" ({where})" if where else ""))
        typer.echo(f"    “{row.text}”\n")


def show_command(
    quote_id: Annotated[int, typer.Argument(help="The quote's id (from search, said-by or export).")],
    db: Db = DEFAULT_DB,
    fmt: FormatOption = Format.table,
) -> None:
    """One quote in its paragraph, with its speaker and article."""
    from quotes.query import quote

    with user_errors():
        with reading(db) as connection:
            row = quote(connection, quote_id)
    emit([row], fmt, table=lambda rows: show_paragraph(rows[0]))


def show_paragraph(row: QuoteRow) -> None:
    """The paragraph with the quoted words in bold (in a terminal), under who said them where."""
    from rich.console import Console
    from rich.text import Text

    console = Console(highlight=False)
    console.soft_wrap = not console.is_terminal
    console.print(f"{speaker_label(row)} ({row.kind}, cue: {row.cue or '-'})", markup=False)
    article = " · ".join(x for x in (row.title, row.publisher, row.published, row.url) if x)
    console.print(f"{row.doc_id}, paragraph {row.paragraph}" + (f" — {article}" if article else ""), markup=False)
    paragraph = Text(row.context or "")
    at = (row.context or "").find(row.text)
    if at >= 0:
        paragraph.stylize("bold", at, at + len(row.text))
    console.print()
    console.print(paragraph)
