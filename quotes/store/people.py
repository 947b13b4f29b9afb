"""People rows: finding a person by a name, aliases, roles, merging two rows.

Helpers flush but never commit. The rules that decide who is the same person
live in `quotes/people.py`; these only read and write.
"""

from __future__ import annotations

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from quotes.names import person_key
from quotes.store.models import Correction, Person, PersonAlias, PersonRole, StoredQuote

MAX_CHAIN = 20  # corrections followed from one name (a cycle stops here)


def corrected_name(session: Session, name: str) -> str:
    """The name a person's corrections give `name` (itself when none does)."""
    latest: dict[str, str] = {}
    for old, target in session.execute(select(Correction.name, Correction.target).order_by(Correction.id)):
        latest[person_key(old)] = target
    for _ in range(MAX_CHAIN):
        target = latest.get(person_key(name))
        if target is None or person_key(target) == person_key(name):
            break
        name = target
    return name


def find_person(session: Session, name: str) -> Person | None:
    """The person `name` means, through corrections and lookup aliases; None if new."""
    name = " ".join(corrected_name(session, name).split())
    person = session.scalar(
        select(Person)
        .join(PersonAlias, PersonAlias.person_id == Person.id)
        .where(PersonAlias.key == person_key(name), PersonAlias.lookup)
        .order_by(PersonAlias.id)
        .limit(1)
    )
    return person or session.scalar(select(Person).where(Person.name == name))


def get_or_create_person(session: Session, name: str) -> Person:
    """The person with this canonical name, added (with the name as a lookup alias) if new.

    The one place a detected name becomes a Person: corrections are applied
    here, so re-ingested quotes link to the corrected person.
    """
    person = find_person(session, name)
    if person is None:
        person = Person(name=" ".join(corrected_name(session, name).split()))
        session.add(person)
        session.flush()
        add_alias(session, person, person.name, lookup=True)
    return person


def add_alias(session: Session, person: Person, name: str, *, lookup: bool = False) -> None:
    """Remember that `person` goes by `name`; a lookup alias also links future quotes."""
    name = " ".join(name.split())
    if not name:
        return
    alias = session.scalar(
        select(PersonAlias).where(PersonAlias.person_id == person.id, PersonAlias.name == name)
    )
    if alias is None:
        session.add(PersonAlias(person_id=person.id, name=name, key=person_key(name), lookup=lookup))
        session.flush()
    elif lookup and not alias.lookup:
        alias.lookup = True


def add_role(session: Session, person: Person, article_id: int, role: str) -> None:
    role = " ".join(role.split())
    exists = session.scalar(
        select(PersonRole.id).where(
            PersonRole.person_id == person.id, PersonRole.article_id == article_id, PersonRole.role == role
        )
    )
    if role and exists is None:
        session.add(PersonRole(person_id=person.id, article_id=article_id, role=role))
        session.flush()


def clear_roles(session: Session, article_id: int) -> None:
    """Forget the roles an article stated, before its new text is stored."""
    session.execute(delete(PersonRole).where(PersonRole.article_id == article_id))


def merge_rows(session: Session, source: Person, target: Person) -> None:
    """Move everything of `source` (quotes, aliases, roles) to `target`, then delete `source`.

    `source`'s own name becomes a lookup alias of `target`, so the name keeps
    leading to the merged person.
    """
    if source.id == target.id:
        return
    session.flush()
    session.expire(source, ["quotes", "aliases", "roles"])
    session.execute(update(StoredQuote).where(StoredQuote.person_id == source.id).values(person_id=target.id))
    have = set(session.scalars(select(PersonAlias.name).where(PersonAlias.person_id == target.id)))
    for alias in list(session.scalars(select(PersonAlias).where(PersonAlias.person_id == source.id))):
        if alias.name in have:
            if alias.lookup:
                session.execute(
                    update(PersonAlias)
                    .where(PersonAlias.person_id == target.id, PersonAlias.name == alias.name)
                    .values(lookup=True)
                )
            session.delete(alias)
        else:
            alias.person_id = target.id
    have_roles = set(session.execute(select(PersonRole.article_id, PersonRole.role).where(PersonRole.person_id == target.id)))
    for role in list(session.scalars(select(PersonRole).where(PersonRole.person_id == source.id))):
        if (role.article_id, role.role) in have_roles:
            session.delete(role)
        else:
            role.person_id = target.id
    name = source.name
    session.flush()
    session.execute(delete(Person).where(Person.id == source.id))
    session.expunge(source)
    session.expire(target)
    add_alias(session, target, name, lookup=True)


def quote_counts(session: Session) -> dict[int, int]:
    """Person id -> number of quotes, people without quotes included."""
    rows = session.execute(
        select(Person.id, func.count(StoredQuote.id))
        .outerjoin(StoredQuote, StoredQuote.person_id == Person.id)
        .group_by(Person.id)
    )
    return dict(rows.all())
