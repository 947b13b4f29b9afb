"""A browsable web view of a quotes database on Datasette: what to tell it.

`metadata` describes the database for Datasette: titles, the `quote_rows`
view (migration 0005) faceted on speaker and publisher with full-text search,
internal tables hidden, and canned queries (who said, quotes by person,
people). `datasette_args` is the command line that serves it; the CLI runs it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

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
        or p.key like '% ' || quotes_name_key(:name)
)
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
    """Arguments to `datasette` serving the database read-only with this metadata."""
    return [
        "serve", str(db_path),
        "--metadata", str(metadata_path),
        "--host", host,
        "--port", str(port),
        "--plugins-dir", str(PLUGINS),
        "--setting", "default_page_size", "50",
        "--setting", "sql_time_limit_ms", "3000",
    ]
