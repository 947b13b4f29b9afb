"""The one output layer: rows (dataclasses or dicts) as a table, CSV, JSON or JSON lines.

Every listing command takes the same `--format` and calls `emit`, so a format
means the same thing everywhere. JSON keeps nested values (a speaker's roles
with their articles); CSV and the plain table flatten a list to `a; b`.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Callable, Sequence
from dataclasses import asdict, fields, is_dataclass
from enum import Enum
from typing import Annotated, Any

import typer

from quotes.safe_text import for_spreadsheet, for_terminal, terminal_safe


class Format(str, Enum):
    table = "table"
    csv = "csv"
    json = "json"
    jsonl = "jsonl"


FormatOption = Annotated[
    Format, typer.Option("--format", "-f", help="table for people; csv, json or jsonl (one object a line) for programs.")
]


def record(row: Any) -> dict[str, Any]:
    """A row as a JSON-ready dict, nested dataclasses included."""
    return asdict(row) if is_dataclass(row) else dict(row)


def flat(row: Any) -> dict[str, str]:
    """A row as one string per column: lists joined with `; `, None empty."""
    values = {f.name: getattr(row, f.name) for f in fields(row)} if is_dataclass(row) else dict(row)
    return {key: _text(value) for key, value in values.items()}


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return "; ".join(_text(v) for v in value)
    return str(value)


def emit(
    rows: Sequence[Any], fmt: Format, *, table: Callable[[Sequence[Any]], None] | None = None, none: str | None = None
) -> None:
    """Print `rows` in `fmt`; `table` draws them for people when the command has its own layout.

    Text from articles can hold escape sequences: JSON gets its own escape for
    every control character (the data stays the same), a table shows them as
    `\u001b`, and so does CSV when it goes to a terminal. CSV cells are never
    formulas (see quotes.safe_text).

    With no rows and a `none` message, the rule of every question (who-said,
    said-by, search), whatever the format, as grep's: that message on stderr,
    nothing on stdout, exit 1.
    """
    if not rows and none is not None:
        typer.echo(for_terminal(f"Error: {none}"), err=True)
        raise typer.Exit(1)
    if fmt is Format.json:
        typer.echo(for_terminal(json.dumps([record(r) for r in rows], ensure_ascii=False, indent=2)))
    elif fmt is Format.jsonl:
        for row in rows:
            typer.echo(for_terminal(json.dumps(record(row), ensure_ascii=False)))
    elif fmt is Format.csv:
        flattened = [{key: for_spreadsheet(value) for key, value in flat(r).items()} for r in rows]
        if flattened:
            writer = csv.DictWriter(sys.stdout, fieldnames=list(flattened[0]), lineterminator="\n")
            writer.writeheader()
            writer.writerows(terminal_safe(flattened) if sys.stdout.isatty() else flattened)
    elif table is not None:
        table(terminal_safe(list(rows)))
    else:
        grid(terminal_safe(list(rows)))


def grid(rows: Sequence[Any]) -> None:
    """A plain table with a column per field."""
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    flattened = [flat(r) for r in rows]
    if not flattened:
        return
    view = Table(box=None, show_edge=False, pad_edge=False)
    for name in flattened[0]:
        view.add_column(name)
    for values in flattened:
        view.add_row(*(Text(v) for v in values.values()))  # Text: a `[link=...]` in a name is not markup
    console = Console(highlight=False)
    console.soft_wrap = not console.is_terminal
    console.print(view)


def speaker_label(row: Any) -> str:
    """Who said it, and how sure the resolver was when it was unsure (`Chollet (uncertain: 0.31)`)."""
    if row.speaker:
        label = row.speaker
    else:
        label = f"(unnamed: {row.speaker_mention})" if row.speaker_mention else "(unknown)"
    if getattr(row, "uncertain", False):
        label += f" (uncertain: {row.confidence:.2f})"
    return label


def quote_blocks(*, body: str) -> Callable[[Sequence[Any]], None]:
    """Quotes for reading: speaker, article and paragraph, then `body` (`context` or the words)."""

    def draw(rows: Sequence[Any]) -> None:
        for row in rows:
            typer.echo(f"[{row.quote_id}] {speaker_label(row)} — {row.doc_id}, paragraph {row.paragraph}")
            text = row.context if body == "context" else f"“{row.text}”"
            typer.echo(f"    {text}\n")

    return draw
