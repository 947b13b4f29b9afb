"""An audit of the speaker list (issue 13): is every stored speaker entry a name?

Not part of the test suite (`make audit`). It ingests PolNeAR train (840
articles), news-dev and the seeds into one new database with the resolver on
main, then reports:

1. the names the resolver handed over that storage refused (`name_problems`),
   by problem, with the most frequent ones;
2. every stored speaker entry that fails `name_problems` (0 unless the checks
   and storage disagree) and every alias that is a title or role alone;
3. counts: entries, people, organisations, partial names;
4. a sample for a hand check, written to `out/audit-sample.tsv`: the 300 most
   quoted entries and 400 others drawn at random (`--seed`, 13 unless given; 200 before 2026-12-02 late runs), each with type,
   quotes, aliases and roles, and an empty `verdict` column to fill in
   (ok | malformed | wrong-type | not-a-speaker);
5. with `--all`, a census instead of a sample: every stored entry, written to
   `out/audit-all.tsv` with its id, aliases, roles, the mentions its quotes were
   read from, its articles and the start of a quote or two, for reading every
   entry by hand (the count over all entries needs no sampling interval).

    .venv/bin/python bench/audit_speakers.py [--db out/audit.db] [--workers 2] [--reuse] [--seed 13] [--all]
"""

from __future__ import annotations

import argparse
import csv
import random
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from quotes.ingest import ingest
from quotes.name_checks import ROLE_WORDS, name_problems, speaker_kind, tidy_name
from quotes.analysis import Analysis, analyse
from quotes.query import speakers
from quotes.store.db import open_db
from quotes.store import tables
from quotes.store.models import PersonAlias

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT / ".." / "shared" / "eval"
SOURCES = [SHARED / "polnear-train" / "docs", SHARED / "news-dev" / "docs", ROOT / "seeds"]
TOP, RANDOM, SEED = 300, 400, 13


def recording(refused: Counter, problems: Counter, workers: int):
    """The ingest pipeline, noting each speaker name storage will refuse."""

    def run(articles: Iterable) -> Iterator[Analysis]:
        for analysis in analyse(articles, workers=workers):
            for a in analysis.attributions:
                name = tidy_name(a.speaker or "")  # as storage does
                if name:
                    found = name_problems(name, speaker_kind(name, a.speaker_type))
                    if found:
                        refused[name] += 1
                        problems.update(found)
            yield analysis

    return run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=ROOT / "out" / "audit.db")
    parser.add_argument("--sample", type=Path, default=ROOT / "out" / "audit-sample.tsv")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--reuse", action="store_true", help="keep an existing database (no new ingest)")
    parser.add_argument("--seed", type=int, default=SEED, help="of the random draw (a new one reads entries no run has read)")
    parser.add_argument("--all", type=Path, nargs="?", const=ROOT / "out" / "audit-all.tsv", default=None,
                        help="also write every entry for a census (default out/audit-all.tsv)")
    args = parser.parse_args()
    args.db.parent.mkdir(parents=True, exist_ok=True)

    refused: Counter = Counter()
    problems: Counter = Counter()
    if not args.reuse:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{args.db}{suffix}").unlink(missing_ok=True)
    factory = open_db(args.db)
    if not args.reuse:
        began = time.perf_counter()
        summary = ingest(factory, [p for p in SOURCES if p.exists()], pipeline=recording(refused, problems, args.workers))
        print(f"ingested {summary.articles} articles, {summary.quotes} quotes in {time.perf_counter() - began:.0f} s"
              f" ({len(summary.failed)} files failed)")

    # 1. What storage refused.
    print(f"\nspeaker names refused by the name checks: {sum(refused.values())} quotes, {len(refused)} distinct names")
    for problem, n in problems.most_common():
        print(f"  {n:6d}  {problem}")
    for name, n in refused.most_common(40):
        print(f"  {n:6d}  {name!r}")

    with factory() as session:
        rows = speakers(session)
        aliases = list(session.execute(select(PersonAlias.name, PersonAlias.lookup)))

    # 2. Stored entries and aliases that fail.
    failing = [(r, name_problems(r.name, r.type)) for r in rows]
    failing = [(r, p) for r, p in failing if p]
    print(f"\nstored speaker entries failing name_problems: {len(failing)} of {len(rows)}")
    for row, found in failing:
        print(f"  {row.quotes:5d}  {row.name!r}: {', '.join(found)}")
    titles = [name for name, _ in aliases if all(w.lower().rstrip(".") in ROLE_WORDS for w in name.split())]
    print(f"aliases that are a title or role alone: {len(titles)} of {len(aliases)}" + (f": {titles[:20]}" if titles else ""))

    # 3. Counts.
    kinds = Counter(r.type for r in rows)
    partial = sum(r.partial for r in rows)
    quotes = sum(r.quotes for r in rows)
    print(f"\nentries: {len(rows)} ({kinds['person']} people, {kinds['org']} organisations; {partial} partial names), "
          f"{quotes} attributed quotes")
    print("most quoted organisations: " + ", ".join(f"{r.name} ({r.quotes})" for r in rows if r.type == "org")[:600])

    # 4. The sample for the hand check.
    top, rest = rows[:TOP], rows[TOP:]
    others = random.Random(args.seed).sample(rest, min(RANDOM, len(rest)))
    with args.sample.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, delimiter="\t")
        writer.writerow(["sample", "rank", "quotes", "type", "partial_in", "name", "aliases", "roles", "verdict"])
        for sample, chosen in (("top", top), ("random", others)):
            for row in chosen:
                writer.writerow([sample, rows.index(row) + 1, row.quotes, row.type, row.partial_in or "", row.name,
                                 "; ".join(row.aliases[:6]), "; ".join(r.role for r in row.roles[:3]), ""])
    print(f"\nhand-check sample: {len(top)} most quoted + {len(others)} random others (seed {args.seed}) -> {args.sample}")

    # 5. The census.
    if args.all:
        with factory() as session:
            entries = census(session)
        with args.all.open("w", encoding="utf-8", newline="") as out:
            writer = csv.writer(out, delimiter="\t")
            writer.writerow(["id", "quotes", "type", "partial", "name", "aliases", "roles", "mentions", "articles",
                             "quote", "verdict", "note"])
            for e in entries:
                writer.writerow([e.id, e.quotes, e.type, int(e.partial), e.name, "; ".join(e.aliases), "; ".join(e.roles),
                                 "; ".join(e.mentions), "; ".join(e.articles), " | ".join(e.quotes_text), "", ""])
        print(f"census: all {len(entries)} entries -> {args.all}")


@dataclass(frozen=True)
class Entry:
    """One stored speaker entry as a census reads it."""

    id: int
    name: str
    type: str
    partial: bool
    quotes: int
    aliases: tuple[str, ...]
    roles: tuple[str, ...]
    mentions: tuple[str, ...]  # as the articles wrote the speaker, most frequent first
    articles: tuple[str, ...]  # file names
    quotes_text: tuple[str, ...]  # the start of the first two quotes


def census(session) -> list[Entry]:
    """Every speaker entry with what a reader needs to judge it, most quoted first."""
    P, Q, A, AL, R = tables.people.c, tables.quotes.c, tables.articles.c, tables.person_aliases.c, tables.person_roles.c
    aliases, roles, mentions, articles, said = (defaultdict(list) for _ in range(5))
    for pid, name in session.execute(select(AL.person_id, AL.name).order_by(AL.name)):
        aliases[pid].append(name)
    for pid, role in session.execute(select(R.person_id, R.role).distinct().order_by(R.role)):
        roles[pid].append(role)
    for pid, mention, path, text in session.execute(
            select(Q.person_id, Q.speaker_mention, A.path, Q.text).join_from(tables.quotes, tables.articles)
            .where(Q.person_id.is_not(None)).order_by(Q.person_id, Q.article_id, Q.start)):
        mentions[pid].append(mention or "")
        name = Path(path).name
        if name not in articles[pid]:
            articles[pid].append(name)
        said[pid].append(" ".join(text.split())[:90])
    rows = session.execute(select(P.id, P.name, P.type, P.partial)).all()
    entries = [Entry(pid, name, kind, bool(partial), len(said[pid]), tuple(a for a in aliases[pid] if a != name),
                     tuple(roles[pid][:4]), tuple(m for m, _ in Counter(mentions[pid]).most_common(4)),
                     tuple(articles[pid][:3]), tuple(said[pid][:2]))
               for pid, name, kind, partial in rows if said[pid]]
    return sorted(entries, key=lambda e: (-e.quotes, e.name, e.id))


if __name__ == "__main__":
    main()
