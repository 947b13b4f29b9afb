"""Storing a batch of articles at once (`add_articles`): the rows of storing them one by one,
with a number of statements that does not grow with the quotes (no spaCy model)."""

from __future__ import annotations

from sqlalchemy import event, select

from batches import BATCH, article, before, rows
from quotes.store.db import open_db, write_transaction
from quotes.store.models import Person, StoredQuote
from quotes.store.repo import NewArticle, add_articles


def test_one_batch_stores_what_one_article_at_a_time_stores(tmp_path):
    apart, together = open_db(tmp_path / "apart.db"), open_db(tmp_path / "together.db")
    for factory in (apart, together):
        before(factory)
    for one in BATCH:
        write_transaction(apart, lambda s, one=one: add_articles(s, [one]))
    assert write_transaction(together, lambda s: add_articles(s, BATCH)) == [True] * 4
    assert rows(together) == rows(apart)

    with together() as session:
        names = dict(session.execute(select(StoredQuote.text, Person.name).outerjoin(Person)).all())
    assert names["Again,"] == names["We act,"] == "Mayor Elena Ruiz"  # one key: one person
    assert names["Two,"] == names["One,"] == "Donald J. Trump"
    assert names["Three,"] == "Robert Smith"  # the rename made before the batch
    assert names["Sure,"] == "Derek Chollet"  # the fix made before the article changed
    assert names["Yes,"] is None  # `CEO` is no name
    for factory in (apart, together):
        factory.kw["bind"].dispose()


def test_statements_do_not_grow_with_the_quotes(session_factory):
    def statements(batch: list[NewArticle]) -> int:
        seen = []
        engine = session_factory.kw["bind"]
        listen = lambda *args: seen.append(args[2])  # noqa: E731
        event.listen(engine, "before_cursor_execute", listen)
        try:
            write_transaction(session_factory, lambda s: add_articles(s, batch))
        finally:
            event.remove(engine, "before_cursor_execute", listen)
        return len(seen)

    def batch(prefix: str, n: int) -> list[NewArticle]:  # n articles, each n speakers new to the database
        given = ["Anna", "Boris", "Chen", "Dana"]
        family = "Abbott Brandt Costa Dietz Evans Fischer Gomez Horn Ito Jansen Kovac Lund".split()
        names = [f"{given[j % 4]} {family[j // 4]} {prefix}{family[i].lower()}" for i in range(n) for j in range(n)]
        return [
            article(f"{prefix}{i}", "\n".join(f"“Words {j},” said {names[i * n + j]}." for j in range(n)),
                    *[(f"Words {j},", names[i * n + j], names[i * n + j], f"envoy to {family[j % 6]}", "person")
                      for j in range(n)])
            for i in range(n)
        ]

    small, large = statements(batch("Sm", 2)), statements(batch("Lo", 12))  # 4 quotes, then 144
    assert small == large
    with session_factory() as session:
        assert len(session.scalars(select(Person.id)).all()) == 4 + 144  # each a person of its own


def test_a_doc_id_twice_in_a_batch_is_stored_twice_in_order(session_factory):
    first = article("a", "“One,” said Qin Gang.", ("One,", "Qin Gang", "Qin Gang", None, "person"))
    second = article("a", "“Two,” said Qin Gang.", ("Two,", "Qin Gang", "Qin Gang", None, "person"))
    assert write_transaction(session_factory, lambda s: add_articles(s, [first, first, second])) == [True, False, True]
    with session_factory() as session:
        assert session.scalars(select(StoredQuote.text)).all() == ["Two,"]
        assert session.scalars(select(Person.name)).all() == ["Qin Gang"]
