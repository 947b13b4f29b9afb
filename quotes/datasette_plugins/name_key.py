"""A Datasette plugin: the SQL function `quotes_name_key(name)`, the same
`name_lookup_key` said-by uses, so the `quotes_by_person` canned query folds
case, accents, titles and apostrophe glyphs exactly as the CLI does.

Loaded by `quotes serve` with `--plugins-dir` (see quotes.serve.PLUGINS).
"""

from datasette import hookimpl

from quotes.lookup import name_lookup_key


@hookimpl
def prepare_connection(conn):
    conn.create_function("quotes_name_key", 1, lambda name: name_lookup_key(name or ""), deterministic=True)
