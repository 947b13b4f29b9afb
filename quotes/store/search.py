"""The full-text index over quote text: SQLite FTS5, or PostgreSQL's text search (migration 0002).

Both answer the same questions the same way: which quotes hold these words
(case and accents folded, punctuation splitting words), best first, and in
how many quotes a word occurs. On SQLite the index is FTS5 tables, kept out of
the model metadata, so Alembic's comparison must skip them
(`is_search_table`); on PostgreSQL it is a GIN index over `PG_VECTOR`, which
every query repeats exactly so that the index is used. Ranks differ: bm25 on
SQLite, `ts_rank` on PostgreSQL (with bm25's preference for shorter quotes, as
`1 + log(length)`), so the same matches may come in another order.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Union

from sqlalchemy import Connection, Float, Integer, Subquery, text

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

# What the read side takes: a Core connection (the query commands, which never
# import the ORM) or an ORM session (ingest, check, people); both `execute`.
Reader = Union[Connection, "Session"]

# Both indexes hold quotes.folded (fold(text), migration 0009): queries fold their words the same way.
FTS_TABLE = "quotes_fts"  # external-content FTS5 table over quotes.folded; on PostgreSQL the GIN index
VOCAB_TABLE = "quotes_fts_vocab"  # fts5vocab 'row' view: documents per term
TRIGRAM_TABLE = "quotes_fts_trigram"  # external-content FTS5 trigram table over quotes.folded: substrings

# PostgreSQL (migration 0002 holds a frozen copy): punctuation by code point to
# spaces, whatever the server's locale, then words folded by `simple` and `unaccent`.
PG_CONFIG = "quotes_fts_config"
PG_SEPARATORS = r"[\u0001-\u002f\u003a-\u0040\u005b-\u0060\u007b-\u00bf\u00d7\u00f7\u2000-\u206f\u3000-\u303f]+"
PG_VECTOR = f"to_tsvector('{PG_CONFIG}', regexp_replace(quotes.folded, '{PG_SEPARATORS}', ' ', 'g'))"
PG_RANK = f"ts_rank({PG_VECTOR}, q, 1)"  # higher is better; 1: divided by 1 + log(words in the quote)

Phrase = tuple[list[str], bool]  # the words of a phrase, and whether the last is a prefix (`ice*`)


class SearchUnavailable(RuntimeError):
    """The database has no full-text index over quotes (it is neither SQLite nor PostgreSQL)."""


def is_search_table(name: str | None) -> bool:
    """The FTS5 table, its shadow tables (`quotes_fts_data`, ...) and the vocabulary view;
    on PostgreSQL the indexes of the same names."""
    return bool(name) and (name == FTS_TABLE or name.startswith(FTS_TABLE + "_"))


def dialect_name(reader: Reader) -> str:
    """`sqlite` or `postgresql` (or another SQLAlchemy dialect's name)."""
    return reader.dialect.name if isinstance(reader, Connection) else reader.get_bind().dialect.name


def has_trigram_index(reader: Reader) -> bool:
    """Whether migration 0006's trigram table is there (a database opened without migrating may lack it)."""
    found = reader.execute(
        text("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = :n"), {"n": TRIGRAM_TABLE}
    )
    return found.first() is not None


def require_index(reader: Reader) -> None:
    if dialect_name(reader) not in ("sqlite", "postgresql"):
        raise SearchUnavailable("full-text search needs an SQLite or PostgreSQL database")


def fts5_expression(phrases: list[Phrase]) -> str:
    """`"cold" AND "hit the" AND "ice"*`: every phrase, each quoted, so operators lose their meaning."""
    return " AND ".join('"' + " ".join(words) + '"' + ("*" if prefix else "") for words, prefix in phrases)


def tsquery_expression(phrases: list[Phrase]) -> str:
    """`'cold' & 'hit' <-> 'the' & 'ice':*`, the same question for PostgreSQL's `to_tsquery`.

    Words are runs of letters and digits (`\\w`), so quoting each is safe.
    """
    parts = []
    for words, prefix in phrases:
        quoted = [f"'{w}'" for w in words]
        if prefix:
            quoted[-1] += ":*"
        parts.append("(" + " <-> ".join(quoted) + ")")
    return " & ".join(parts)


def ranked_hits(reader: Reader, phrases: list[Phrase]) -> Subquery:
    """A subquery `hits(id, rank)` of the quotes holding every phrase; a lower rank is a better match."""
    if dialect_name(reader) == "postgresql":
        statement = text(
            f"SELECT quotes.id AS id, -{PG_RANK} AS rank "
            f"FROM quotes, to_tsquery('{PG_CONFIG}', :q) AS q WHERE {PG_VECTOR} @@ q"
        ).bindparams(q=tsquery_expression(phrases))
    else:
        statement = text(
            f"SELECT rowid AS id, rank FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :q"
        ).bindparams(q=fts5_expression(phrases))
    return statement.columns(id=Integer, rank=Float).subquery("hits")


def document_counts(reader: Reader, terms: Iterable[str]) -> dict[str, int]:
    """How many stored quotes contain each term (terms absent from the index are left out)."""
    wanted = sorted(set(terms))
    if not wanted:
        return {}
    params = {f"t{i}": term for i, term in enumerate(wanted)}
    if dialect_name(reader) == "postgresql":
        counts = " UNION ALL ".join(
            f"SELECT :t{i} AS term, count(*) AS doc FROM quotes "
            f"WHERE {PG_VECTOR} @@ phraseto_tsquery('{PG_CONFIG}', :t{i})"
            for i in range(len(wanted))
        )
        rows = reader.execute(text(f"SELECT term, doc FROM ({counts}) AS counts WHERE doc > 0"), params)
    else:
        marks = ", ".join(f":t{i}" for i in range(len(wanted)))
        rows = reader.execute(text(f"SELECT term, doc FROM {VOCAB_TABLE} WHERE term IN ({marks})"), params)
    return {term: count for term, count in rows}


def matching_ids(reader: Reader, terms: Iterable[str], *, limit: int) -> list[int]:
    """Ids of quotes holding any of `terms` (plain lower-case words), best rank first."""
    words = [t for t in terms if t.isalnum()]
    if not words:
        return []
    if dialect_name(reader) == "postgresql":
        statement = text(
            f"SELECT quotes.id FROM quotes, to_tsquery('{PG_CONFIG}', :q) AS q WHERE {PG_VECTOR} @@ q "
            f"ORDER BY {PG_RANK} DESC, quotes.id LIMIT :n"
        )
        query = " | ".join(f"'{w}'" for w in words)
    else:
        statement = text(f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :q ORDER BY rank LIMIT :n")
        query = " OR ".join(f'"{w}"' for w in words)
    return [rowid for (rowid,) in reader.execute(statement, {"q": query, "n": limit})]
