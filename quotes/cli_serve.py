"""`quotes serve`: the database in the browser, on Datasette."""

from __future__ import annotations

import json
from pathlib import Path
from tempfile import TemporaryDirectory
from typing import Annotated

import typer

from quotes.cli_base import DEFAULT_DB, Db, database, fail, user_errors
from quotes.serve import datasette_args, metadata


def serve_command(
    db: Db = DEFAULT_DB,
    host: Annotated[str, typer.Option("--host", help="Address to listen on; 0.0.0.0 shows it to the network.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="Port to listen on.")] = 8001,
) -> None:
    """Browse the database in a web browser (Datasette): facets on speaker and publisher, search, canned queries."""
    if "://" in db:
        fail("quotes serve needs an SQLite database file, not a URL: Datasette reads SQLite only.")
    with user_errors():
        database(db).kw["bind"].dispose()  # checked and migrated before Datasette reads it
    from datasette.cli import cli as datasette  # slow to import; only this command needs it

    with TemporaryDirectory() as folder:
        settings = Path(folder) / "metadata.json"
        settings.write_text(json.dumps(metadata(db), indent=2), encoding="utf-8")
        typer.echo(f"Serving {db} at http://{host}:{port}/ (Ctrl-C stops it)", err=True)
        datasette.main(args=datasette_args(db, settings, host=host, port=port), prog_name="datasette", standalone_mode=False)
