"""A batch of hand-made articles whose speakers meet across articles, what it meets in the
database first, and every row it touches (tests/test_store_batch.py, tests/test_postgres.py)."""

from __future__ import annotations

from sqlalchemy import select

from quotes.people import rename
from quotes.records import Attribution, Quote
from quotes.store.db import write_transaction
from quotes.store.fixes import fix_quote
from quotes.store.models import Article, Person, PersonAlias, PersonRole, StoredQuote
from quotes.store.repo import NewArticle, add_articles


def said(text: str, *quotes: tuple) -> NewArticle:
    """`(words, speaker, mention, role, speaker_type)`; offsets found in the text."""
    attributions = []
    for group, (words, speaker, mention, role, kind) in enumerate(quotes):
        start = text.index(words)
        quote = Quote(start, start + len(words), words, text.count("\n", 0, start), group)
        attributions.append(Attribution(quote, speaker, mention, "said", "named" if mention else "none", role, kind, 0.9))
    return NewArticle("", "", text, attributions)


def article(doc_id: str, text: str, *quotes: tuple) -> NewArticle:
    made = said(text, *quotes)
    return NewArticle(doc_id, f"news/{doc_id}.txt", text, made.attributions, title=doc_id.upper())


# Names that meet across articles: a title in front of a name, a surname alone, a key two
# spellings share, an organisation, a word that is no name, a mention as written, roles.
BATCH = [
    article("a1", "“We act,” said Mayor Elena Ruiz.\n“Fine,” said Chollet.\n“Yes,” said the CEO.\n“No,” Acme Corp said.",
            ("We act,", "Mayor Elena Ruiz", "Mayor Elena Ruiz", "mayor", "person"),
            ("Fine,", "Chollet", "Chollet", None, "person"),
            ("Yes,", "CEO", "the CEO", None, None),
            ("No,", "Acme Corp", "Acme Corp", None, "org")),
    article("a2", "“Again,” said Elena Ruiz.\n“Later,” said Derek Chollet.\n“Quiet,” said Chollet.",
            ("Again,", "Elena Ruiz", "Elena Ruiz", "Mayor of Springfield", "person"),
            ("Later,", "Derek Chollet", "Chollet", "State Department counsellor", "person"),
            ("Quiet,", "Derek Chollet", "Chollet", "’s", "person")),
    article("a3", "“One,” said Donald J. Trump.\n“Two,” said Donald J Trump.\n“Three,” said Bob Smith.",
            ("One,", "Donald J. Trump", "Donald J. Trump", "president", "person"),
            ("Two,", "Donald J Trump", "Trump", "president", "person"),
            ("Three,", "Bob Smith", "Bob Smith", None, "person")),
    article("a4", "“Sure,” said Chollet.\n“Acme agrees,” said Acme Corp.",
            ("Sure,", "Chollet", "Chollet", None, "person"),
            ("Acme agrees,", "Acme Corp", "Acme Corp", "maker", "org")),
]


def before(factory) -> None:
    """What the batch meets: a person renamed by hand, a fixed quote in an article about to change."""
    write_transaction(factory, lambda s: add_articles(s, [
        article("a4", "“Sure,” said Chollet.", ("Sure,", "Chollet", "Chollet", None, "person")),
        article("old", "“Hello,” said Bob Smith.", ("Hello,", "Bob Smith", "Bob Smith", None, "person")),
    ]))
    write_transaction(factory, lambda s: rename(s, "Bob Smith", "Robert Smith"))

    def fix(session):
        quote = session.scalar(select(StoredQuote).join(Article).where(Article.doc_id == "a4"))
        fix_quote(session, quote.id, "Derek Chollet")

    write_transaction(factory, fix)


def rows(factory) -> dict[str, list[tuple]]:
    """Every row the batch touches, ids included."""
    with factory() as session:
        return {
            "people": session.execute(select(Person.id, Person.name, Person.type, Person.partial, Person.article_id,
                                             Person.key).order_by(Person.id)).all(),
            "aliases": session.execute(select(PersonAlias.id, PersonAlias.person_id, PersonAlias.name,
                                              PersonAlias.key, PersonAlias.lookup).order_by(PersonAlias.id)).all(),
            "roles": session.execute(select(PersonRole.id, PersonRole.person_id, PersonRole.article_id,
                                            PersonRole.role).order_by(PersonRole.id)).all(),
            "quotes": session.execute(select(StoredQuote.id, StoredQuote.article_id, StoredQuote.start, StoredQuote.text,
                                             StoredQuote.folded, StoredQuote.person_id, StoredQuote.speaker_mention,
                                             StoredQuote.confidence).order_by(StoredQuote.id)).all(),
            "articles": session.execute(select(Article.id, Article.doc_id, Article.title, Article.sha256)
                                        .order_by(Article.id)).all(),
        }
