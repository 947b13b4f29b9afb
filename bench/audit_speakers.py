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
   (ok | malformed | wrong-type | not-a-speaker).

    .venv/bin/python bench/audit_speakers.py [--db out/audit.db] [--workers 2] [--reuse] [--seed 13]
"""

from __future__ import annotations

import argparse
import csv
import random
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

from sqlalchemy import select

from quotes.ingest import ingest
from quotes.name_checks import ROLE_WORDS, name_problems, speaker_kind, tidy_name
from quotes.analysis import Analysis, analyse
from quotes.query import speakers
from quotes.store.db import open_db
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


if __name__ == "__main__":
    main()
