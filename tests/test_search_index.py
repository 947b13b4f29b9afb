"""The FTS5 index over quote text (migration 0002, over the folded text since 0009): built on open,
backfilled, kept in sync."""

from __future__ import annotations

from alembic import command
from alembic.script import ScriptDirectory
from sqlalchemy import select, text
from sqlalchemy.orm import sessionmaker

from quotes.store.db import alembic_config, make_engine, open_db
from quotes.store.models import Article, StoredQuote
from quotes.store.repo import add_article
from quotes.store.search import document_counts, matching_ids


def indexed(session, word: str) -> list[str]:
    ids = matching_ids(session, [word], limit=10)
    return list(session.scalars(select(StoredQuote.text).where(StoredQuote.id.in_(ids))))


def test_new_quotes_are_found_by_any_rare_word(session_factory, article):
    with session_factory.begin() as session:
        add_article(session, "a1", "a1.txt", *article)
    with session_factory() as session:
        assert indexed(session, "ice") == ["relations have hit the cold ice"]
        assert indexed(session, "nothing") == []
        assert document_counts(session, ["the", "ice", "absent"]) == {"the": 2, "ice": 1}


def test_deleting_and_replacing_quotes_updates_the_index(session_factory, article, attributions):
    body, given = article
    with session_factory.begin() as session:
        add_article(session, "a1", "a1.txt", body, given)
    changed = body + "\n“Ice is melting,” Qin Gang said.\n"
    with session_factory.begin() as session:
        add_article(session, "a1", "a1.txt", changed, attributions(changed, [("Ice is melting,", "Qin Gang")]))
    with session_factory.begin() as session:
        assert indexed(session, "ice") == ["Ice is melting,"]
        # the indexes hold `folded` (migration 0009), which the library stores as fold(text)
        session.execute(text("UPDATE quotes SET text = 'Frozen solid', folded = 'frozen solid'"))
        assert indexed(session, "ice") == [] and indexed(session, "frozen") == ["Frozen solid"]
        session.delete(session.scalar(select(Article)))
    with session_factory() as session:
        assert indexed(session, "frozen") == []


def test_a_database_made_before_the_index_is_backfilled(db_path):
    engine = make_engine(db_path)
    config = alembic_config(engine.url.render_as_string(hide_password=False))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0001")
    with engine.begin() as connection:  # rows as the 0001 schema holds them
        connection.execute(text(
            "INSERT INTO articles (id, doc_id, path, text, sha256, ingested_at) "
            "VALUES (1, 'old', 'old.txt', 'x', 'x', '2024-01-01 00:00:00')"
        ))
        connection.execute(text(
            "INSERT INTO quotes (article_id, start, \"end\", text, kind, paragraph, grp, nested, "
            "detector_version) VALUES (1, 0, 1, 'relations have hit the cold ice', 'named', 0, 1, 0, '1')"
        ))
    with sessionmaker(bind=engine).begin() as session:
        assert "quotes_fts" not in {
            name for (name,) in session.execute(text("SELECT name FROM sqlite_master"))
        }
    engine.dispose()

    factory = open_db(db_path)
    with factory() as session:
        assert indexed(session, "ice") == ["relations have hit the cold ice"]
        version = session.execute(text("SELECT version_num FROM alembic_version")).scalar()
    factory.kw["bind"].dispose()
    assert version == ScriptDirectory.from_config(config).get_current_head()
