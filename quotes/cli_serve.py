"""`quotes serve`: the database in the browser, on Datasette."""

from __future__ import annotations

import json
from pathlib import Path
from tempfile import TemporaryDirectory
from typing import Annotated

import typer

from quotes.cli_base import DEFAULT_DB, Db, database, fail, user_errors


def serve_command(
    db: Db = DEFAULT_DB,
    host: Annotated[
        str, typer.Option("--host", help="Address to listen on; one other than this machine's needs --public.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="Port to listen on.")] = 8001,
    public: Annotated[
        bool, typer.Option("--public", help="Serve to the network at --host (0.0.0.0: every address): anyone who can reach it reads every quote.")
    ] = False,
) -> None:
    """Browse the database in a web browser (Datasette): facets on speaker and publisher, search, canned queries.

    Serves a read-only copy made at start (restart to see later ingests), without article file paths or SQL from URLs.
    """
    from quotes.serve import datasette_args, is_local, metadata, public_copy

    if "://" in db:
        fail("quotes serve needs an SQLite database file, not a URL: Datasette reads SQLite only.")
    local = is_local(host)
    if not local and not public:
        fail(f"--host {host} shows every quote to anyone who can reach this machine; add --public if you mean it.")
    with user_errors():
        database(db).kw["bind"].dispose()  # checked and migrated before it is copied
    from datasette.cli import cli as datasette  # slow to import; only this command needs it

    with TemporaryDirectory(prefix="quotes-serve-") as folder:
        with user_errors():
            copy = public_copy(Path(db), Path(folder))
        settings = Path(folder) / "metadata.json"
        settings.write_text(json.dumps(metadata(copy), indent=2), encoding="utf-8")
        if not local:
            typer.echo(f"Warning: --public: anyone who can reach {host}:{port} can read every quote in {db}.", err=True)
        typer.echo(f"Serving a read-only copy of {db} at http://{host}:{port}/ (Ctrl-C stops it)", err=True)
        datasette.main(args=datasette_args(copy, settings, host=host, port=port), prog_name="datasette", standalone_mode=False)
