"""The people of a batch of articles: found and added in memory, read and written a table at a time.

Storing a quote asks who its speaker is (`get_or_create_person`), and the
article then adds the names as aliases and the stated roles (`add_alias`,
`add_role`). Asked quote by quote, that is a few queries each, about a
millisecond per quote. `BatchPeople` gives the same answers in the same order,
so a person made by one article of the batch is found by the next, but reads
the rows the batch can need in one query per table first and writes what it
added with one executemany per table (`write`).

The rules are those of quotes/store/people.py, which stays the one-name-at-a-time
form (corrections, merges, `quotes fix`); tests/test_people_batch.py holds the
two to the same answers.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import func, insert, select, update
from sqlalchemy.orm import Session

from quotes.lookup import name_lookup_key
from quotes.name_checks import PERSON, role_problems
from quotes.store.models import Person, PersonAlias, PersonRole
from quotes.store.tables import PARTIAL, WHOLE
from quotes.store.people import _alias_problems, corrections, follow

CHUNK = 500  # values in one IN (...): well under SQLite's limit on bound variables
# People are read by name with WHOLE and PARTIAL (`partial = false`, `= true`), the very
# conditions of their unique partial indexes: SQLite uses an index only for those words
# (`partial IS 0` reads the whole table).


@dataclass(eq=False)
class Speaker:
    """A people row, stored (`id`) or to be written."""

    id: int | None
    name: str
    type: str
    partial: bool
    article_id: int | None


@dataclass(eq=False)
class Alias:
    """A person_aliases row; `order` is its id, or past every stored id for a new one:
    the order find_person reads them in."""

    order: int
    person: Speaker
    name: str
    lookup: bool
    id: int | None = None
    made_lookup: bool = False  # a stored alias that now links future quotes


def _norm(name: str) -> str:
    return " ".join(name.split())


def _chunks(values: Iterable, size: int = CHUNK) -> Iterable[list]:
    values = list(values)
    for start in range(0, len(values), size):
        yield values[start : start + size]


class BatchPeople:
    """get_or_create_person, add_alias and add_role over one batch, in memory.

    `names` holds every name the batch may ask about or add as an alias
    (speakers, mentions, the speakers of fixes); `article_ids` the batch's
    articles, whose partial names and roles are read.
    """

    def __init__(self, session: Session, names: Iterable[str], article_ids: Iterable[int]) -> None:
        self.latest = corrections(session)
        asked = {_norm(n) for n in names if n}
        chained = {self.corrected(self.corrected(n)) for n in asked} | {self.corrected(n) for n in asked}
        keys = {name_lookup_key(n) for n in asked | chained}
        article_ids = sorted(set(article_ids))
        self.stored: dict[int, Speaker] = {}
        self.by_key: dict[str, list[Alias]] = defaultdict(list)
        self.by_pair: dict[tuple[object, str], Alias] = {}
        self.whole: dict[str, Speaker] = {}  # non-partial people by exact name
        self.partial: dict[tuple[int | None, str], Speaker] = {}
        self.roles: set[tuple[object, int, str]] = set()
        self.made: list[Speaker] = []
        self.aliases: list[Alias] = []
        self.new_roles: list[tuple[Speaker, int, str]] = []

        columns = (Person.id, Person.name, Person.type, Person.partial, Person.article_id)
        for chunk in _chunks(keys):
            rows = session.execute(
                select(PersonAlias.id, PersonAlias.name, PersonAlias.key, PersonAlias.lookup, *columns)
                .join(Person, Person.id == PersonAlias.person_id)
                .where(PersonAlias.key.in_(chunk))
            )
            for alias_id, name, key, lookup, *person in rows:  # by its stored key, as find_person reads it
                self._remember(Alias(alias_id, self._speaker(*person), name, lookup, id=alias_id), key)
        for key in self.by_key:
            self.by_key[key].sort(key=lambda a: a.order)
        for chunk in _chunks(chained):
            for row in session.execute(select(*columns).where(Person.name.in_(chunk), WHOLE)):
                self._speaker(*row)
        for chunk in _chunks(article_ids):
            for row in session.execute(select(*columns).where(PARTIAL, Person.article_id.in_(chunk))):
                self._speaker(*row)
            for person_id, article_id, role in session.execute(
                select(PersonRole.person_id, PersonRole.article_id, PersonRole.role).where(PersonRole.article_id.in_(chunk))
            ):
                self.roles.add((person_id, article_id, role))
        self.next_order = (session.scalar(select(func.max(PersonAlias.id))) or 0) + 1

    # -- what was read

    def _speaker(self, person_id: int, name: str, kind: str, partial: bool, article_id: int | None) -> Speaker:
        if person_id not in self.stored:
            speaker = self.stored[person_id] = Speaker(person_id, name, kind, bool(partial), article_id)
            if speaker.partial:
                self.partial[(article_id, name)] = speaker
            else:
                self.whole.setdefault(name, speaker)
        return self.stored[person_id]

    def _remember(self, alias: Alias, key: str | None = None) -> None:
        self.by_key[key if key is not None else name_lookup_key(alias.name)].append(alias)
        self.by_pair[(self.key_of(alias.person), alias.name)] = alias

    @staticmethod
    def key_of(person: Speaker) -> object:
        return person.id if person.id is not None else person

    # -- the rules of quotes/store/people.py

    def corrected(self, name: str) -> str:
        return _norm(follow(self.latest, name))

    def find(self, name: str, kind: str | None = None) -> Speaker | None:
        """find_person: through corrections and lookup aliases, else the exact whole name."""
        name = self.corrected(name)
        for alias in self.by_key.get(name_lookup_key(name), ()):
            person = alias.person
            if alias.lookup and not person.partial and (kind is None or person.type == kind):
                return person
        return self.whole.get(name)

    def person(self, name: str, *, kind: str = PERSON, partial: bool = False, article_id: int | None = None) -> Speaker:
        """get_or_create_person."""
        name = _norm(name)
        corrected = self.corrected(name)
        if partial and corrected == name:
            person = self.partial.get((article_id, name))
            if person is None:
                person = self.partial[(article_id, name)] = Speaker(None, name, kind, True, article_id)
                self.made.append(person)
            return person
        person = self.find(corrected, kind)
        if person is None:
            person = Speaker(None, corrected, kind, False, None)
            self.whole.setdefault(corrected, person)
            self.made.append(person)
            self.alias(person, person.name, lookup=True)
        return person

    def alias(self, person: Speaker, name: str, *, lookup: bool = False) -> None:
        """add_alias."""
        name = _norm(name)
        if not name or (name != person.name and _alias_problems(name, person, lookup)):
            return
        lookup = lookup and not person.partial
        alias = self.by_pair.get((self.key_of(person), name))
        if alias is None:
            alias = Alias(self.next_order, person, name, lookup)
            self.next_order += 1
            self._remember(alias)
            self.aliases.append(alias)
        elif lookup and not alias.lookup:
            alias.lookup = True
            alias.made_lookup = alias.id is not None

    def role(self, person: Speaker, article_id: int, role: str) -> None:
        """add_role."""
        role = _norm(role)
        key = (self.key_of(person), article_id, role)
        if role and not role_problems(role) and key not in self.roles:
            self.roles.add(key)
            self.new_roles.append((person, article_id, role))

    # -- written

    def _read_ids(self, session: Session) -> None:
        """The ids of the people just inserted, by what is unique: a whole name, or a partial one in its article.

        (RETURNING in parameter order would make SQLite insert them one row at a time.)
        """
        whole = {p.name: p for p in self.made if not p.partial}
        partial = {(p.article_id, p.name): p for p in self.made if p.partial}
        for chunk in _chunks(whole):
            for person_id, name in session.execute(
                select(Person.id, Person.name).where(Person.name.in_(chunk), WHOLE)
            ):
                whole[name].id = person_id
        for chunk in _chunks(sorted({p.article_id for p in partial.values()})):
            for person_id, article_id, name in session.execute(
                select(Person.id, Person.article_id, Person.name).where(PARTIAL, Person.article_id.in_(chunk))
            ):
                if (article_id, name) in partial:
                    partial[(article_id, name)].id = person_id
        missing = [p.name for p in self.made if p.id is None]
        if missing:
            raise AssertionError(f"people inserted but not found again: {missing[:3]}")

    def write(self, session: Session) -> None:
        """Every person, alias and role added, one executemany per table; each Speaker gets its id."""
        if self.made:
            session.execute(
                insert(Person.__table__),
                [{"name": p.name, "type": p.type, "partial": p.partial, "article_id": p.article_id,
                  "key": name_lookup_key(p.name)} for p in self.made],
            )
            self._read_ids(session)
        new = self.aliases
        if new:
            session.execute(
                insert(PersonAlias.__table__),
                [{"person_id": a.person.id, "name": a.name, "key": name_lookup_key(a.name), "lookup": a.lookup} for a in new],
            )
        changed = [a.id for a in self.by_pair.values() if a.made_lookup]
        if changed:
            table = PersonAlias.__table__
            for chunk in _chunks(changed):
                session.execute(update(table).where(table.c.id.in_(chunk)).values(lookup=True))
        if self.new_roles:
            session.execute(
                insert(PersonRole.__table__),
                [{"person_id": p.id, "article_id": article_id, "role": role} for p, article_id, role in self.new_roles],
            )
        self.made, self.aliases, self.new_roles = [], [], []

