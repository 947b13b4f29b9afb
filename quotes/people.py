"""One speaker across articles.

Within an article, attribution already makes names canonical (`Chollet` ->
`Derek Chollet`, `Bill` and `Hillary Clinton` apart). Across articles the same
speaker still arrives under several forms of one name, and `consolidate`
joins them, only ever a person with a person and an organisation with an
organisation:

1. forms of one full name: the same first word, last word and suffix, and
   middle names that agree (`Donald J. Trump`, `Donald John Trump`, `Donald
   Trump`; `Donald Trump Jr.` stays apart; `George H. W. Bush` and `George W.
   Bush` stay apart, and `George Bush` then joins neither: it could be either);
2. a full name behind words that are not a given name
   (`Billionaire Donald Trump`);
3. initials: `G. W. Bush` joins `George W. Bush` when only one full name
   with that surname has those initials;
4. an organisation's short form: `IDF` joins `Israel Defense Forces` when
   only one organisation's initials spell it;
5. an organisation's name with and without `The` (`The Washington Post`).

Never through a title or role (such aliases are not stored), and never a
partial name (`Chollet` alone, a first name or surname its article did not
expand): it stays its article's until a person merges it. Full names that
differ are never joined (`Bill Clinton`, `Hillary Clinton`). A person renamed
by hand is left out; merges and renames are recorded (`Correction`) and looked
up first when quotes are stored.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from quotes.lookup import name_lookup_key
from quotes.name_checks import ORG, PERSON, name_problems
from quotes.name_forms import initials, middles_agree
from quotes.names import SUFFIXES, is_first_name
from quotes.query import UnknownPerson, find_people
from quotes.store.models import Correction, Person
from quotes.store.people import add_alias, find_person, merge_rows, quote_counts


@dataclass(frozen=True)
class Known:
    """A stored speaker, as the rules see them."""

    id: int
    name: str
    quotes: int
    fixed: bool = False  # renamed by hand: never joined automatically
    type: str = PERSON
    partial: bool = False  # a bare first name or surname: never joined on its own


def name_parts(name: str) -> tuple[list[str], str | None]:
    """The words of the folded name and the suffix (`jr`)."""
    words = name_lookup_key(name).split()
    suffix = words.pop() if len(words) > 1 and words[-1] in SUFFIXES else None
    return words, suffix


def plan_merges(people: Sequence[Known]) -> dict[int, int]:
    """Speaker id -> id of the speaker it is the same as (only ids that move)."""
    target: dict[int, int] = {}
    parts = {p.id: name_parts(p.name) for p in people}
    free = [p for p in people if not p.fixed and not p.partial]
    persons = [p for p in free if p.type != ORG]

    # 1. forms of one full name, one person per set of middle names that agree
    groups: dict[tuple, list[Known]] = defaultdict(list)
    for p in persons:
        words, suffix = parts[p.id]
        if len(words) >= 2 and len(words[0]) > 1:
            groups[(words[0], words[-1], suffix)].append(p)
    heads: dict[tuple, list[tuple[list[str], Known]]] = {}  # (first, last, suffix) -> (middle names, head)
    for key, members in groups.items():
        heads[key] = []
        for middle, members in _one_person_each(members, parts):
            head = min(members, key=lambda p: (-p.quotes, len(p.name), p.id))
            heads[key].append((middle, head))
            target.update({p.id: head.id for p in members if p.id != head.id})

    # 2. a full name behind words that are not a given name
    for key, found in heads.items():
        for _, head in found:
            words, suffix = parts[head.id]
            if len(words) < 3 or is_first_name(words[0].title()):
                continue
            for k in range(1, len(words) - 1):
                inner = _same_person(heads.get((words[k], words[-1], suffix), []), words[k + 1 : -1])
                if inner is not None and (words[k], words[-1], suffix) != key:
                    target[head.id] = inner.id
                    break

    # 3. initials, when they can mean only one full name
    for p in persons:
        words, suffix = parts[p.id]
        if len(words) < 2 or len(words[0]) != 1 or p.id in target:
            continue
        letters = [w[0] for w in words[:-1]]
        matches = [
            head for (first, last, sfx), found in heads.items() for _, head in found
            if last == words[-1] and sfx == suffix and first[0] == letters[0] and head.id not in target
            and _initials_fit(letters, parts[head.id][0][:-1])
        ]
        if len({m.id for m in matches}) == 1:
            target[p.id] = matches[0].id

    # 4. an organisation's short form
    orgs = [p for p in free if p.type == ORG]
    spelled: dict[str, list[Known]] = defaultdict(list)
    for p in orgs:
        if len(p.name.split()) >= 2:
            spelled[initials(p.name)].append(p)
    for p in orgs:
        short = p.name.replace(".", "")
        if " " in short or not short.isupper() or p.id in target:
            continue
        matches = spelled.get(short, [])
        if len(matches) == 1:
            target[p.id] = matches[0].id

    # 5. an organisation with and without its article (`The Washington Post`, `Washington Post`)
    plain = {p.name: p for p in orgs}
    for p in orgs:
        rest = p.name.split(" ", 1)[1] if p.name.startswith("The ") else None
        if rest in plain and p.id not in target and plain[rest].id not in target:
            head, other = sorted((p, plain[rest]), key=lambda k: (-k.quotes, k.id))
            target[other.id] = head.id

    return {source: _final(target, source) for source in target}


def _one_person_each(members: list[Known], parts: dict) -> list[tuple[list[str], list[Known]]]:
    """Forms of one given name and surname, grouped by middle names that agree, each group
    with its most spelt-out middle names: a form that fits two groups (`W.`: `Walker`?
    `William`?) stays on its own. A form without middle names joins the one group there is,
    or, when there are several, none: it stays apart with its like."""
    def middle(p: Known) -> list[str]:
        return parts[p.id][0][1:-1]

    groups: list[list[Known]] = []
    for p in sorted((p for p in members if middle(p)), key=lambda p: (-sum(map(len, middle(p))), p.id)):
        fits = [g for g in groups if all(middles_agree(middle(p), middle(q)) for q in g)]
        if len(fits) == 1:
            fits[0].append(p)
        else:
            groups.append([p])  # new, or it could be either: apart
    bare = [p for p in members if not middle(p)]
    if bare and len(groups) == 1:
        groups[0] += bare
    elif bare:
        groups.append(bare)
    return [(middle(g[0]), g) for g in groups]


def _same_person(found: list[tuple[list[str], Known]], middle: list[str]) -> Known | None:
    """The one head among `found` a name with these middle names means: the same middle
    names, else the one that agrees; None when it could be several."""
    exact = [head for m, head in found if m == middle]
    if len(exact) == 1:
        return exact[0]
    if len(found) == 1 and (not middle or not found[0][0]):
        return found[0][1]  # one person of that name: `Billionaire Donald Trump`, `Billionaire Donald J. Trump`
    fitting = [head for m, head in found if middles_agree(m, middle)]
    return fitting[0] if len(fitting) == 1 else None


def _initials_fit(letters: list[str], given: list[str]) -> bool:
    """`g w` fits `george w`; `g` fits `george walker`; `g h w` does not fit `george w`."""
    if len(letters) > len(given):
        return False
    return all(g.startswith(letter) for letter, g in zip(letters, given))


def _final(target: dict[int, int], person_id: int) -> int:
    seen = {person_id}
    while person_id in target and target[person_id] not in seen:
        person_id = target[person_id]
        seen.add(person_id)
    return person_id


def consolidate(session: Session) -> int:
    """Join the speakers `plan_merges` finds to be one; returns how many rows were merged away.

    Names that fail the name checks (stored before the checks existed) join nobody.
    """
    renamed = {name_lookup_key(t) for t in session.scalars(select(Correction.target).where(Correction.action == "rename"))}
    counts = quote_counts(session)
    rows = session.execute(select(Person.id, Person.name, Person.type, Person.partial)).all()
    known = [
        Known(pid, name, counts.get(pid, 0), name_lookup_key(name) in renamed, kind, partial)
        for pid, name, kind, partial in rows
        if not name_problems(name, kind)
    ]
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
    """The stored speaker `name` means: a name or alias, else a surname only one speaker has.

    Partial names in several articles (`Bush` here and there) are one answer:
    the first of them; `merge` moves them all.
    """
    found = find_person(session, name)
    if found is not None:
        return found
    key = name_lookup_key(name)
    partial = session.scalar(select(Person).where(Person.partial.is_(True), Person.key == key).order_by(Person.id).limit(1))
    if partial is not None:  # `Chollet` as some article left it
        return partial
    try:
        matches = find_people(session, name)
    except UnknownPerson:
        raise NoSuchPerson(name) from None
    if len({(p.name, p.partial) if p.partial else p.id for p in matches}) > 1:
        listed = ", ".join(dict.fromkeys(p.name for p in matches[:5]))
        raise PersonError(f"{name!r} could be any of {listed}; give the full name")
    return session.get(Person, matches[0].id)  # find_people reads rows; merging and renaming need the object


def _same_partial(session: Session, found: Person) -> list[Person]:
    """`found`, and when it is a partial name the rows of that name in every other article."""
    if not found.partial:
        return [found]
    return list(session.scalars(select(Person).where(Person.partial.is_(True), Person.name == found.name).order_by(Person.id)))


def merge(session: Session, name: str, into: str) -> Person:
    """`name` and `into` are one person: everything of `name` moves to `into`."""
    source, target = person(session, name), person(session, into)
    if source.id == target.id:
        raise PersonError(f"{name!r} and {into!r} are already one person ({target.name})")
    session.add(Correction(action="merge", name=source.name, target=target.name))
    for row in _same_partial(session, source):
        if row.id != target.id:
            merge_rows(session, row, target)
    return target


def rename(session: Session, name: str, new: str) -> Person:
    """Call the person `name` means `new` from now on; the old name stays an alias."""
    new = " ".join(new.split())
    found = _same_partial(session, person(session, name))[0]
    taken = find_person(session, new)
    if not new:
        raise PersonError("the new name is empty")
    if taken is not None and taken.id != found.id:
        raise PersonError(f"{taken.name!r} is another person; use `quotes people merge` to join them")
    session.add(Correction(action="rename", name=found.name, target=new))
    for row in _same_partial(session, found)[1:]:
        merge_rows(session, row, found)
    found.name, found.partial, found.article_id = new, False, None  # a name a person gave is whole
    session.flush()
    add_alias(session, found, new, lookup=True)
    return found
