"""People rows: finding a person by a name, aliases, roles, merging two rows.

Helpers flush but never commit. The rules that decide who is the same person
live in `quotes/people.py`; these only read and write. Every name is compared
by `quotes.lookup.name_lookup_key`; an alias or role that `quotes.name_checks`
finds is not one is never stored.
"""

from __future__ import annotations

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from quotes.lookup import name_lookup_key
from quotes.name_checks import PERSON, name_problems, role_problems
from quotes.name_forms import is_form_of
from quotes.store.models import Correction, Person, PersonAlias, PersonRole, StoredQuote
from quotes.store.tables import PARTIAL, WHOLE

MAX_CHAIN = 20  # corrections followed from one name (a cycle stops here)


def corrected_name(session: Session, name: str) -> str:
    """The name a person's corrections give `name` (itself when none does)."""
    return follow(corrections(session), name)


def corrections(session: Session) -> dict[str, str]:
    """Each corrected name's lookup key -> the name the latest correction of it gives."""
    latest: dict[str, str] = {}
    for old, target in session.execute(select(Correction.name, Correction.target).order_by(Correction.id)):
        latest[name_lookup_key(old)] = target
    return latest


def follow(latest: dict[str, str], name: str) -> str:
    """`name` through the `corrections` that apply to it, one after another."""
    for _ in range(MAX_CHAIN):
        target = latest.get(name_lookup_key(name))
        if target is None or name_lookup_key(target) == name_lookup_key(name):
            break
        name = target
    return name


def find_person(session: Session, name: str, kind: str | None = None) -> Person | None:
    """The whole-named speaker `name` means, through corrections and lookup aliases; None if new.

    With `kind`, a lookup alias only leads to a speaker of that type (an
    organisation never joins a person); the exact name still finds its row.
    """
    name = " ".join(corrected_name(session, name).split())
    statement = (
        select(Person)
        .join(PersonAlias, PersonAlias.person_id == Person.id)
        .where(PersonAlias.key == name_lookup_key(name), PersonAlias.lookup, Person.partial.is_(False))
        .order_by(PersonAlias.id)
        .limit(1)
    )
    if kind is not None:
        statement = statement.where(Person.type == kind)
    person = session.scalar(statement)
    return person or session.scalar(select(Person).where(Person.name == name, WHOLE))  # WHOLE: its index


def get_or_create_person(
    session: Session, name: str, *, kind: str = PERSON, partial: bool = False, article_id: int | None = None
) -> Person:
    """The speaker with this canonical name, added (a whole name as a lookup alias) if new.

    The one place a detected name becomes a Person: corrections are applied
    here, so re-ingested quotes link to the corrected person. A `partial` name
    (`Chollet`, never expanded by its article) is found and made only within
    `article_id`: it joins nobody in another article unless a correction says so.
    """
    name = " ".join(name.split())
    corrected = " ".join(corrected_name(session, name).split())
    if partial and corrected == name:
        person = session.scalar(
            select(Person).where(PARTIAL, Person.article_id == article_id, Person.name == name)  # PARTIAL: its index
        )
        if person is None:
            person = Person(name=name, type=kind, partial=True, article_id=article_id)
            session.add(person)
            session.flush()
        return person
    person = find_person(session, corrected, kind)
    if person is None:
        person = Person(name=corrected, type=kind, partial=False)
        session.add(person)
        session.flush()
        add_alias(session, person, person.name, lookup=True)
    return person


def add_alias(session: Session, person: Person, name: str, *, lookup: bool = False) -> None:
    """Remember that `person` goes by `name`; a lookup alias also links future quotes.

    A name that is not one (`CEO`, `President`, `Obama Says`: see
    `name_problems`) is not kept: through it a bare title in another article
    would join this person. A mention that is no form of the person's name
    (`Human Rights Watch` beside Meenakshi Ganguly, `Daily News` for
    `Breitbart News`: see `is_form_of`) is not kept either; a lookup alias is
    (a merged name). A partial person's names never link future quotes.
    """
    name = " ".join(name.split())
    if not name or (name != person.name and _alias_problems(name, person, lookup)):
        return
    lookup = lookup and not person.partial
    alias = session.scalar(
        select(PersonAlias).where(PersonAlias.person_id == person.id, PersonAlias.name == name)
    )
    if alias is None:
        session.add(PersonAlias(person_id=person.id, name=name, lookup=lookup))
        session.flush()
    elif lookup and not alias.lookup:
        alias.lookup = True


# A mention kept to show may be written with its role (`State Department counsellor Derek Chollet`).
AS_WRITTEN = frozenset({"lower-case words: a sentence fragment", "too many words for a name"})


def _alias_problems(name: str, person: Person, lookup: bool) -> list[str]:
    """Why `name` is not kept as an alias of `person` (a Person or a batch's Speaker)."""
    problems = name_problems(name, person.type)
    if lookup:
        return problems
    problems = [p for p in problems if p not in AS_WRITTEN]
    return problems or ([] if is_form_of(name, person.name, person.type) else ["not a form of the speaker's name"])


def add_role(session: Session, person: Person, article_id: int, role: str) -> None:
    """Remember the role `article_id` states for `person`; junk (`’s`, `email`, a dateline) is dropped."""
    role = " ".join(role.split())
    if role_problems(role):
        return
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
