"""Writing articles and their quotes. Helpers here flush but never commit:
the caller owns the transaction (one per batch of articles during ingest)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import bindparam, delete, func, insert, select, update
from sqlalchemy.orm import Session, load_only

from quotes.analysis_version import analysis_version
from quotes.detect import DETECTOR_VERSION
from quotes.folding import fold
from quotes.name_checks import is_partial, name_problems, speaker_kind, tidy_name
from quotes.records import Attribution
from quotes.store.models import Article, PersonRole, QuoteFix, StoredQuote, utcnow
from quotes.store.people_batch import CHUNK, BatchPeople, Speaker


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def find_article(session: Session, doc_id: str) -> Article | None:
    return session.scalar(select(Article).where(Article.doc_id == doc_id))


def find_articles(session: Session, doc_ids: list[str]) -> dict[str, Article]:
    """The stored articles of `doc_ids` by id, in one query; only what tells whether one is
    current (hash, analysis version, metadata) is loaded, not the texts."""
    if not doc_ids:
        return {}
    found = session.scalars(
        select(Article).where(Article.doc_id.in_(doc_ids)).options(
            load_only(Article.doc_id, Article.sha256, Article.analysis_version, Article.title,
                      Article.published, Article.publisher, Article.url)
        )
    )
    return {article.doc_id: article for article in found}


def is_current(session: Session, doc_id: str, text: str, version: str | None = None) -> bool:
    """True when `doc_id` is stored with exactly this text, by this analysis version
    (the running one unless given), so it can be skipped."""
    article = find_article(session, doc_id)
    return is_current_article(article, text, version)


def is_current_article(article: Article | None, text: str, version: str | None = None) -> bool:
    """is_current for an article already looked up (None: not stored)."""
    return (
        article is not None
        and article.sha256 == sha256(text)
        and article.analysis_version == (version or analysis_version())
    )


def same_metadata(article: Article, meta: dict[str, str | None]) -> bool:
    return all(getattr(article, key) == value for key, value in meta.items())


def update_metadata(session: Session, doc_id: str, meta: dict[str, str | None]) -> bool:
    """Give a stored article the title, date, publisher or URL now known; False if none changed.

    Lets a database made before articles had metadata learn it on re-ingest,
    without the article's quotes being found again.
    """
    article = find_article(session, doc_id)
    if article is None or same_metadata(article, meta):
        return False
    for key, value in meta.items():
        setattr(article, key, value)
    session.flush()
    return True


@dataclass(frozen=True)
class NewArticle:
    """An article to store: what ingest read and what the pipeline found in it."""

    doc_id: str
    path: str
    text: str
    attributions: Sequence[Attribution]
    title: str | None = None
    published: str | None = None
    publisher: str | None = None
    url: str | None = None


def add_article(
    session: Session,
    doc_id: str,
    path: str,
    text: str,
    attributions: Iterable[Attribution],
    *,
    title: str | None = None,
    published: str | None = None,
    publisher: str | None = None,
    url: str | None = None,
    detector_version: str = DETECTOR_VERSION,
    version: str | None = None,
    again: bool = False,
) -> Article:
    """Store an article and its quotes, linking each named speaker to a Person: `add_articles` of one."""
    new = NewArticle(doc_id, str(path), text, list(attributions), title, published, publisher, url)
    add_articles(session, [new], detector_version=detector_version, version=version, again=again)
    return find_article(session, doc_id)


def add_articles(
    session: Session,
    articles: Sequence[NewArticle],
    *,
    detector_version: str = DETECTOR_VERSION,
    version: str | None = None,
    again: bool = False,
) -> list[bool]:
    """Store articles and their quotes, linking each named speaker to a Person; False for each left as it was.

    The same doc_id with the same text, found by the same analysis `version`
    (quotes.analysis_version, the running one unless given) is left as it is,
    unless `again`; with a changed text, or another version, the article is
    updated and its old quotes are replaced, in the caller's transaction, so a
    crash leaves the old version or the new one. Fixes made with `quotes fix`
    are applied again to the new quotes. People are only ever added here, never
    changed or removed (see get_or_create_person); named mentions become their
    aliases and stated roles their roles.

    A speaker name that is not a name (`name_problems`: `CEO`, `Obama Says`,
    markup) is stored as no speaker, its words kept as the mention: the last
    defence, whatever the resolver handed over. The speaker's type is the
    resolver's (`speaker_type`) or else what the name says; a first name or
    surname alone is a partial name, kept to this article.

    Written in bulk: one query or executemany per table for the whole list
    (quotes.store.people_batch gives the people the same answers as storing
    quote by quote). A doc_id given twice is stored twice, in order, as two calls would.
    """
    stored: list[bool] = []
    start = 0
    while start < len(articles):  # a run of distinct doc_ids at a time
        seen: set[str] = set()
        end = start
        while end < len(articles) and articles[end].doc_id not in seen:
            seen.add(articles[end].doc_id)
            end += 1
        stored += _add_distinct(session, articles[start:end], detector_version, version or analysis_version(), again)
        start = end
    return stored


def _add_distinct(
    session: Session, articles: Sequence[NewArticle], detector_version: str, version: str, again: bool
) -> list[bool]:
    session.flush()  # what the caller changed through the ORM, before the rows change under it
    table = Article.__table__
    # 1. The articles already stored, in one query; those current are left as they are.
    found = {
        row.doc_id: row
        for chunk in _chunks([a.doc_id for a in articles])
        for row in session.execute(
            select(table.c.id, table.c.doc_id, table.c.sha256, table.c.analysis_version)
            .where(table.c.doc_id.in_(chunk))
        )
    }
    todo = [
        a for a in articles
        if again or not (a.doc_id in found and found[a.doc_id].sha256 == sha256(a.text)
                         and found[a.doc_id].analysis_version == version)
    ]
    if not todo:
        return [False] * len(articles)
    # 2. Changed ones lose their roles and take the new text; new ones are inserted.
    now = utcnow()

    def fields(a: NewArticle) -> dict:
        return {"path": str(a.path), "text": a.text, "sha256": sha256(a.text), "title": a.title,
                "published": a.published, "publisher": a.publisher, "url": a.url, "ingested_at": now,
                "analysis_version": version}

    ids: dict[str, int] = {a.doc_id: found[a.doc_id].id for a in todo if a.doc_id in found}
    replaced = list(ids.values())
    if ids:
        for chunk in _chunks(list(ids.values())):
            session.execute(delete(PersonRole.__table__).where(PersonRole.__table__.c.article_id.in_(chunk)))
        session.execute(
            update(table).where(table.c.id == bindparam("article_id")),
            [{"article_id": ids[a.doc_id], **fields(a)} for a in todo if a.doc_id in found],
        )
    fresh = [a for a in todo if a.doc_id not in found]
    if fresh:
        session.execute(insert(table), [{"doc_id": a.doc_id, **fields(a)} for a in fresh])
        for chunk in _chunks([a.doc_id for a in fresh]):  # (RETURNING in order: row by row on SQLite)
            made = session.execute(select(table.c.doc_id, table.c.id).where(table.c.doc_id.in_(chunk)))
            ids.update(made.tuples().all())
    # 3. The people of every quote, and the fixes made by hand, read once for the batch.
    fixes: dict[str, list[QuoteFix]] = {}
    for chunk in _chunks(list(ids)):
        for fix in session.scalars(select(QuoteFix).where(QuoteFix.doc_id.in_(chunk)).order_by(QuoteFix.id)):
            fixes.setdefault(fix.doc_id, []).append(fix)
    asked = [tidy_name(n) for a in todo for q in a.attributions for n in (q.speaker, q.mention) if n]
    asked += [fix.speaker for found_fixes in fixes.values() for fix in found_fixes if fix.speaker]
    people = BatchPeople(session, asked, ids.values())
    rows: list[tuple[dict, Speaker | None]] = []
    for a in todo:
        rows += _quote_rows(people, ids[a.doc_id], a.attributions, fixes.get(a.doc_id, []), detector_version)
    # 4. Written: people, aliases and roles, then the quotes (the search indexes' triggers fire in this
    #    transaction). The old quotes of changed articles go after the new are in, so no id is used again.
    people.write(session)
    quotes = StoredQuote.__table__
    last = session.scalar(select(func.max(quotes.c.id))) if replaced else None
    if rows:
        session.execute(
            insert(quotes), [{**row, "person_id": person.id if person is not None else None} for row, person in rows]
        )
    for chunk in _chunks(replaced):
        session.execute(delete(quotes).where(quotes.c.article_id.in_(chunk), quotes.c.id <= last))
    session.expire_all()  # objects the caller holds see the new rows
    done = {a.doc_id for a in todo}
    return [a.doc_id in done for a in articles]


def _quote_rows(
    people: BatchPeople, article_id: int, attributions: Sequence[Attribution], fixes: Sequence[QuoteFix],
    detector_version: str,
) -> list[tuple[dict, Speaker | None]]:
    """One article's quote rows and their speakers, its aliases and roles added to `people`, its fixes applied."""
    cache: dict[tuple[str, str], Speaker] = {}
    seen: list[tuple[Speaker, str, Attribution]] = []
    rows: list[tuple[dict, Speaker | None]] = []
    for a in attributions:
        q = a.quote
        person, mention, confidence = None, a.mention, a.confidence
        name = tidy_name(a.speaker or "")
        kind = speaker_kind(name, a.speaker_type) if name else None
        if name and name_problems(name, kind):
            mention, confidence = mention or name, None  # the resolver's confidence was in that name
        elif name:
            person = cache.get((name, kind)) or people.person(
                name, kind=kind, partial=is_partial(name, kind), article_id=article_id
            )
            cache[(name, kind)] = person
            seen.append((person, name, a))
        row = {
            "article_id": article_id, "start": q.start, "end": q.end, "text": q.text, "folded": fold(q.text),
            "speaker_mention": mention, "confidence": confidence, "cue": a.cue, "kind": a.kind,
            "paragraph": q.paragraph, "grp": q.group, "nested": q.nested, "detector_version": detector_version,
        }
        rows.append((row, person))
    key = BatchPeople.key_of
    names = {(key(p), name): (p, True) for p, name, _ in seen}
    mentions = {(key(p), tidy_name(a.mention)): (p, False) for p, _, a in seen if a.kind == "named" and a.mention}
    for (_, name), (person, lookup) in (mentions | names).items():
        people.alias(person, name, lookup=lookup)
    for person, role in dict.fromkeys((p, a.role) for p, _, a in seen if a.role):
        people.role(person, article_id, role)
    for fix in fixes:  # as quotes.store.fixes.apply_fixes: the same words, nearest the old offsets
        same = [i for i, (row, _) in enumerate(rows) if row["text"] == fix.text]
        if same:
            i = min(same, key=lambda i: abs(rows[i][0]["start"] - fix.start))
            speaker = people.person(fix.speaker, kind=speaker_kind(fix.speaker, None)) if fix.speaker else None
            rows[i] = ({**rows[i][0], "confidence": None}, speaker)
    return rows


def _chunks(values: list, size: int = CHUNK) -> Iterable[list]:
    for start in range(0, len(values), size):
        yield values[start : start + size]
