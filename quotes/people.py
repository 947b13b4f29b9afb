"""One person across articles.

Within an article, attribution already makes names canonical (`Chollet` ->
`Derek Chollet`, `Bill` and `Hillary Clinton` apart). Across articles the same
person still arrives under several names, and `consolidate` joins them:

1. forms of one full name: the same first word, last word and suffix
   (`Donald J. Trump`, `Donald Trump`; `Donald Trump Jr.` stays apart);
2. a full name behind words that are not a given name
   (`Billionaire Donald Trump`);
3. a bare name from an article that never gives the full one (`Trump`), when one
   person with that surname (or, failing that, given name) has at least
   `DOMINANCE` times the quotes of all the others together. `Bush`, shared by
   Jeb and George W. with no clear majority, stays on its own.

Full names that differ are never joined (`Bill Clinton`, `Hillary Clinton`).
A person renamed by hand is left out of all three; merges and renames are
recorded (`Correction`) and looked up first when quotes are stored.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from quotes.names import is_first_name, name_parts, person_key
from quotes.query import UnknownPerson, find_people
from quotes.store.models import Correction, Person
from quotes.store.people import add_alias, find_person, merge_rows, quote_counts

DOMINANCE = 5


@dataclass(frozen=True)
class Known:
    """A stored person, as the rules see them."""

    id: int
    name: str
    quotes: int
    fixed: bool = False  # renamed by hand: never joined automatically


def plan_merges(people: Sequence[Known]) -> dict[int, int]:
    """Person id -> id of the person it is the same as (only ids that move)."""
    target: dict[int, int] = {}
    parts = {p.id: name_parts(p.name) for p in people}
    free = [p for p in people if not p.fixed]

    # 1. forms of one full name
    groups: dict[tuple, list[Known]] = defaultdict(list)
    for p in free:
        words, suffix = parts[p.id]
        if len(words) >= 2:
            groups[(words[0], words[-1], suffix)].append(p)
    heads: dict[tuple, Known] = {}
    totals: dict[tuple, int] = {}
    for key, members in groups.items():
        head = min(members, key=lambda p: (-p.quotes, len(p.name), p.id))
        heads[key], totals[key] = head, sum(p.quotes for p in members)
        target.update({p.id: head.id for p in members if p.id != head.id})

    # 2. a full name behind words that are not a given name
    for key, head in list(heads.items()):
        words, suffix = parts[head.id]
        if len(words) < 3 or is_first_name(words[0].title()):
            continue
        for k in range(1, len(words) - 1):
            inner = (words[k], words[-1], suffix)
            if inner in heads and inner != key:
                target[head.id] = heads[inner].id
                totals[inner] += totals.pop(key)
                del heads[key]
                break

    # 3. a bare name, to the clearly most quoted person it can mean
    by_last: dict[tuple, list[tuple]] = defaultdict(list)
    by_first: dict[str, list[tuple]] = defaultdict(list)
    for key in heads:
        by_last[(key[1], key[2])].append(key)
        by_first[key[0]].append(key)
    for p in free:
        words, suffix = parts[p.id]
        if len(words) != 1:
            continue
        candidates = by_last.get((words[0], suffix)) or (by_first.get(words[0], []) if suffix is None else [])
        best = max(candidates, key=lambda k: totals[k], default=None)
        if best is not None and totals[best] >= DOMINANCE * sum(totals[k] for k in candidates if k != best):
            target[p.id] = heads[best].id

    return {source: _final(target, source) for source in target}


def _final(target: dict[int, int], person_id: int) -> int:
    seen = {person_id}
    while person_id in target and target[person_id] not in seen:
        person_id = target[person_id]
        seen.add(person_id)
    return person_id


def consolidate(session: Session) -> int:
    """Join the people `plan_merges` finds to be one; returns how many rows were merged away."""
    renamed = {person_key(t) for t in session.scalars(select(Correction.target).where(Correction.action == "rename"))}
    counts = quote_counts(session)
    people = session.execute(select(Person.id, Person.name)).all()
    known = [Known(pid, name, counts.get(pid, 0), person_key(name) in renamed) for pid, name in people]
    plan = plan_merges(known)
    for source_id, target_id in plan.items():
        merge_rows(session, session.get(Person, source_id), session.get(Person, target_id))
    return len(plan)


# ---------------------------------------------------------------- by hand


class PersonError(LookupError):
    """A correction that cannot be made as asked."""


class NoSuchPerson(PersonError):
    def __init__(self, name: str) -> None:
        super().__init__(f"no person is called {name!r}")
        self.name = name


def person(session: Session, name: str) -> Person:
    """The stored person `name` means: a name or alias, else a surname only one person has."""
    found = find_person(session, name)
    if found is not None:
        return found
    try:
        matches = find_people(session, name)
    except UnknownPerson:
        raise NoSuchPerson(name) from None
    if len(matches) > 1:
        listed = ", ".join(p.name for p in matches[:5])
        raise PersonError(f"{name!r} could be any of {listed}; give the full name")
    return matches[0]


def merge(session: Session, name: str, into: str) -> Person:
    """`name` and `into` are one person: everything of `name` moves to `into`."""
    source, target = person(session, name), person(session, into)
    if source.id == target.id:
        raise PersonError(f"{name!r} and {into!r} are already one person ({target.name})")
    session.add(Correction(action="merge", name=source.name, target=target.name))
    merge_rows(session, source, target)
    return target


def rename(session: Session, name: str, new: str) -> Person:
    """Call the person `name` means `new` from now on; the old name stays an alias."""
    new = " ".join(new.split())
    found = person(session, name)
    taken = find_person(session, new)
    if not new:
        raise PersonError("the new name is empty")
    if taken is not None and taken.id != found.id:
        raise PersonError(f"{taken.name!r} is another person; use `quotes people merge` to join them")
    session.add(Correction(action="rename", name=found.name, target=new))
    found.name = new
    session.flush()
    add_alias(session, found, new, lookup=True)
    return found
