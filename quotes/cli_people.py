"""`quotes people`: corrections a person makes to who is who.

Each one is recorded in the database, so re-ingesting articles keeps it.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated

import typer

from quotes.cli_base import DEFAULT_DB, Db, database, fail, user_errors
from quotes.safe_text import for_terminal

people_app = typer.Typer(help="Correct who is who: merge two people, rename one.", no_args_is_help=True)


@contextmanager
def person_errors() -> Iterator[None]:
    """user_errors for corrections. quotes.people imports the name rules, and so spaCy:
    it is imported here, by the commands that use it, not when `quotes` starts."""
    from quotes.people import PersonError

    with user_errors():
        try:
            yield
        except PersonError as error:
            fail(f"{error}; `quotes speakers` lists the stored names.")


@people_app.command("merge")
def merge_command(
    name: Annotated[str, typer.Argument(help="The person to merge away (a name or alias).")],
    into: Annotated[str, typer.Argument(help="The person who stays.")],
    db: Db = DEFAULT_DB,
) -> None:
    """NAME and INTO are one person: NAME's quotes, aliases and roles move to INTO."""
    from quotes.people import merge
    from quotes.store.db import write_transaction

    with person_errors():
        kept = write_transaction(database(db), lambda session: merge(session, name, into).name)
    typer.echo(for_terminal(f"Merged {name} into {kept}."))


@people_app.command("rename")
def rename_command(
    name: Annotated[str, typer.Argument(help="The person's current name (or an alias).")],
    new: Annotated[str, typer.Argument(help="The name to use from now on.")],
    db: Db = DEFAULT_DB,
) -> None:
    """Call a person NEW from now on; the old name stays one of their aliases."""
    from quotes.people import rename
    from quotes.store.db import write_transaction

    with person_errors():
        write_transaction(database(db), lambda session: rename(session, name, new))
    typer.echo(for_terminal(f"Renamed {name} to {new}."))
