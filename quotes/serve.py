"""A browsable web view of a quotes database on Datasette: what to tell it.

`metadata` describes the database for Datasette: titles, the `quote_rows`
view (migration 0005) faceted on speaker and publisher with full-text search,
internal tables hidden, and canned queries (who said, quotes by person,
people). `datasette_args` is the command line that serves it; the CLI runs it.

The web sees the quotes and nothing of this machine: Datasette serves a
compact copy with the article files' paths blanked (`public_copy`) and runs
no SQL but its own and the canned queries (`default_allow_sql` off), so no
`fts3_tokenizer`, `randomblob` or `pragma_database_list` from a URL.
"""

from __future__ import annotations

import ipaddress
import sqlite3
from contextlib import closing
from pathlib import Path
from typing import Any

from quotes.store.errors import StoreError
from quotes.store.search import FTS_TABLE, TRIGRAM_TABLE

HIDDEN = [
    "alembic_version", FTS_TABLE, *(f"{FTS_TABLE}_{s}" for s in ("data", "idx", "docsize", "config", "vocab")),
    TRIGRAM_TABLE, *(f"{TRIGRAM_TABLE}_{s}" for s in ("data", "idx", "docsize", "config")),
]
ROW_COLUMNS = "quote_id, speaker, speaker_type, confidence, text, publisher, published, doc_id, paragraph"
PLUGINS = Path(__file__).parent / "datasette_plugins"  # quotes_name_key(): quotes.lookup.name_lookup_key in SQL

WHO_SAID = f"""
select {", ".join(f"r.{c.strip()}" for c in ROW_COLUMNS.split(","))}
from {FTS_TABLE} join quote_rows as r on r.quote_id = {FTS_TABLE}.rowid
where {FTS_TABLE} match :words
order by {FTS_TABLE}.rank
limit 200
"""

# The same folded keys as `quotes said-by` (people.key, person_aliases.key): full name or
# alias first, else a surname, in any case, accents, titles and apostrophe glyphs.
BY_PERSON = f"""
select {ROW_COLUMNS}
from quote_rows
where quote_id in (
    select q.id from quotes as q join people as p on p.id = q.person_id
    where p.key = quotes_name_key(:name)
        or p.id in (select person_id from person_aliases where key = quotes_name_key(:name) and lookup)
        -- a surname: the key ends in a space and these words (compared as text, so % and _ are no wildcards)
        or substr(p.key, -length(quotes_name_key(:name)) - 1) = ' ' || quotes_name_key(:name)
)
and quotes_name_key(:name) != ''
order by published, doc_id, start
"""

PEOPLE = """
select p.name, p.type, p.partial,
    (select count(*) from quotes where person_id = p.id) as quotes,
    (select group_concat(name, '; ') from person_aliases where person_id = p.id and name != p.name) as aliases,
    (select group_concat(role, '; ') from (select distinct role from person_roles where person_id = p.id)) as roles
from people as p
order by quotes desc, p.name
"""


def metadata(db_path: str | Path) -> dict[str, Any]:
    """Datasette metadata for the quotes database at `db_path` (named by its file stem, as Datasette names it)."""
    return {
        "title": "Quotes",
        "description": "Direct quotations found in news articles, who said them, and where.",
        "databases": {
            Path(db_path).stem: {
                "tables": {
                    "quote_rows": {
                        "title": "Quotes with speaker and article",
                        "description": "One row per quote. Search the words; facet on speaker and publisher.",
                        "facets": ["speaker", "publisher"],
                        "sort_desc": "published",
                        "fts_table": FTS_TABLE,
                        "fts_pk": "quote_id",
                        "label_column": "text",
                    },
                    "quotes": {"facets": ["kind"], "fts_table": FTS_TABLE, "fts_pk": "id", "label_column": "text"},
                    "people": {
                        "label_column": "name", "facets": ["type"],
                        "description": "One row per speaker (person or org) across articles; "
                        "a partial name (a surname alone) belongs to one article.",
                    },
                    "articles": {"label_column": "doc_id", "facets": ["publisher"]},
                    **{name: {"hidden": True} for name in HIDDEN},
                },
                "queries": {
                    "who_said": {
                        "title": "Who said ...?",
                        "description": 'Quotes holding these words (FTS5: words, "a phrase", word*), best first.',
                        "sql": WHO_SAID.strip(),
                    },
                    "quotes_by_person": {
                        "title": "Quotes by a person",
                        "description": "Everything one person said, by full name, alias or surname, oldest first.",
                        "sql": BY_PERSON.strip(),
                    },
                    "people": {
                        "title": "People",
                        "description": "Everyone quoted, with aliases and the roles articles give them.",
                        "sql": PEOPLE.strip(),
                    },
                },
            }
        },
    }


def datasette_args(db_path: str | Path, metadata_path: str | Path, *, host: str, port: int) -> list[str]:
    """Arguments to `datasette` serving the database read-only with this metadata.

    The path comes last, after `--`, so a file named `--root` is a file.
    """
    return [
        "serve",
        "--metadata", str(metadata_path),
        f"--host={host}",  # one word: a host that looks like an option is still the host
        f"--port={port}",
        "--plugins-dir", str(PLUGINS),
        "--setting", "default_page_size", "50",
        "--setting", "sql_time_limit_ms", "3000",
        "--setting", "default_allow_sql", "off",  # table pages and canned queries only: no SQL from a URL
        "--setting", "allow_download", "off",
        "--",
        str(db_path),
    ]


def is_local(host: str) -> bool:
    """Whether `host` is this machine only (loopback); anything else shows the quotes to a network."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False  # a name, which may resolve to anything


def public_copy(source: Path, folder: Path) -> Path:
    """A copy of the quotes database at `source`, to serve, in `folder` and named as `source` is.

    Datasette reads the copy, not the database: the article files' paths are
    blanked in it, and `VACUUM INTO` leaves out the free pages where deleted
    text may linger. The copy is what the database held when it was made.
    """
    target = folder / source.name
    try:
        with closing(sqlite3.connect(source)) as connection:
            connection.execute("VACUUM INTO ?", (str(target),))
        with closing(sqlite3.connect(target, isolation_level=None)) as connection:
            connection.execute("PRAGMA secure_delete = ON")  # the old paths are overwritten, not only unlinked
            connection.execute("UPDATE articles SET path = ''")
            connection.execute("PRAGMA journal_mode = DELETE")  # one file, nothing beside it
    except sqlite3.Error as error:
        raise StoreError(f"cannot make the copy of {source} to serve in {folder} ({error}); is the disk full?") from error
    return target
