"""Query latency at scale: who-said, said-by, search and one person's export on 1,000,000 quotes.

Not part of the test suite (`make bench-queries`). It builds a synthetic SQLite
database through the real migrations (`open_db`), then bulk inserts 100,000
people, 100,000 articles and 1,000,000 quotes with plain `executemany` in one
transaction (the migrations' triggers fill the full-text indexes as rows go
in). Sentences come from check_speed.py's generator: 8-45 words, Zipf-like
word frequencies. Speakers are drawn uniformly, so a person has ~10 quotes and
a surname is shared by ~20 people.

Inputs are what a journalist would type: for who-said, 2-4 consecutive content
words (function words left out, as nobody searches for "the of") from a stored
quote; for said-by, a full name or a surname; for search, two content words or
a two-word phrase from a stored quote; for export, one person's full name as
the speaker filter. It prints p50/p95/max per kind, in milliseconds.

    .venv/bin/python bench/query_speed.py [--db PATH] [--quotes 1000000] [--runs 200]

With --db PATH an existing file is reused as it is (nothing is rebuilt); a
missing one is built there and kept.
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from check_speed import FIRST, FUNCTION_WORDS, Sentences, vocabulary  # noqa: E402

from quotes.export import quotes_frame  # noqa: E402
from quotes.folding import fold  # noqa: E402
from quotes.names import person_key  # noqa: E402
from quotes.query import Filters, said_by, search, who_said  # noqa: E402
from quotes.store.db import open_db  # noqa: E402

SYLLABLES = """ba be bi bo da de di do ga go ka ke ki ko la le li lo ma me mi mo na ne ni no
ra re ri ro sa se si so ta te ti to va ve vi wa we ya zo han ber son sen ler man ton vic ski
mar lin dor gar""".split()
PUBLISHERS = ["Reuters", "AP", "The Guardian", "Le Monde", "Daily Herald", "El País", "NHK", "Der Spiegel"]
BATCH = 50_000
FUNCTION = set(FUNCTION_WORDS)


def surnames(count: int) -> list[str]:
    """`count` distinct made-up surnames of two or three syllables."""
    found: set[str] = set()
    while len(found) < count:
        parts = random.choices(SYLLABLES, k=random.choice((2, 2, 3)))
        found.add("".join(parts).capitalize())
    return sorted(found)


def person_names(count: int) -> list[str]:
    """`count` distinct "First Last" names: FIRST's 40 names times count/20 surnames."""
    last = surnames(max(1, count // 20))
    names: set[str] = set()
    while len(names) < count:
        names.add(f"{random.choice(FIRST)} {random.choice(last)}")
    return sorted(names)


def build(path: Path, quotes: int, people: int, sentences: Sentences) -> float:
    """The database at `path` through the migrations, then bulk inserts; returns seconds taken."""
    started = time.perf_counter()
    factory = open_db(path)
    engine = factory.kw["bind"]
    engine.dispose()
    names = person_names(people)
    raw = engine.raw_connection()
    try:
        db = raw.driver_connection
        db.execute("PRAGMA synchronous=OFF")
        db.execute("PRAGMA cache_size=-200000")
        db.execute("BEGIN")
        db.executemany("INSERT INTO people (id, name) VALUES (?, ?)", enumerate(names, 1))
        db.executemany(
            "INSERT INTO person_aliases (person_id, name, key, lookup) VALUES (?, ?, ?, 1)",
            ((i, n, person_key(n)) for i, n in enumerate(names, 1)),
        )
        article = 0
        for first in range(0, quotes, BATCH):
            texts = sentences.make(min(BATCH, quotes - first))
            articles, rows = [], []
            for at in range(0, len(texts), 10):
                article += 1
                paragraphs, offset = [], 0
                for q, text in enumerate(texts[at : at + 10]):
                    person = random.randrange(len(names))
                    paragraph = f"“{text},” {names[person]} said."
                    rows.append((article, person + 1, offset + 1, offset + 1 + len(text), text, fold(text),
                                 names[person], "said", "named", q, q, False, "bench"))
                    paragraphs.append(paragraph)
                    offset += len(paragraph) + 1
                day = f"2025-{random.randint(1, 12):02d}-{random.randint(1, 28):02d}"
                articles.append((article, f"bench-{article:07d}", f"bench/{article}.txt", "\n".join(paragraphs),
                                 f"{article:064d}", f"Article {article}", day, random.choice(PUBLISHERS),
                                 "2026-01-01 00:00:00"))
            db.executemany(
                "INSERT INTO articles (id, doc_id, path, text, sha256, title, published, publisher, ingested_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", articles)
            db.executemany(
                'INSERT INTO quotes (article_id, person_id, start, "end", text, folded, speaker_mention, cue, kind, '
                "paragraph, grp, nested, detector_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
            print(f"  {first + len(texts):,} quotes, {time.perf_counter() - started:.0f} s", flush=True)
        db.execute("COMMIT")
        db.execute("ANALYZE")
    finally:
        raw.close()
        engine.dispose()
    return time.perf_counter() - started


def content_words(text: str) -> list[str]:
    return [w for w in re.findall(r"\w+", text.lower()) if w not in FUNCTION]


def inputs(session, runs: int) -> dict[str, list[str]]:
    """Random realistic inputs for each kind of query, drawn from what is stored."""
    from sqlalchemy import text as sql

    top = session.execute(sql("SELECT max(id) FROM quotes")).scalar_one()
    people = session.execute(sql("SELECT max(id) FROM people")).scalar_one()

    def quote_text() -> str:
        while True:
            found = session.execute(sql("SELECT text FROM quotes WHERE id = :i"), {"i": random.randint(1, top)}).scalar()
            if found and len(content_words(found)) >= 4:
                return found

    def name() -> str:
        return session.execute(sql("SELECT name FROM people WHERE id = :i"), {"i": random.randint(1, people)}).scalar_one()

    who, searches, by, exports = [], [], [], []
    for i in range(runs):
        words = content_words(quote_text())
        n = random.randint(2, 4)
        at = random.randrange(len(words) - n + 1)
        who.append(" ".join(words[at : at + n]))
        words = quote_text().rstrip(",").split()
        if i % 2:  # two words
            searches.append(" ".join(random.sample(content_words(" ".join(words)), 2)))
        else:  # a phrase
            at = random.randrange(len(words) - 1)
            searches.append('"' + " ".join(words[at : at + 2]) + '"')
        full = name()
        by.append(full if i % 2 else full.split()[-1])
        exports.append(name())
    return {"who-said": who, "said-by": by, "search": searches, "export one person": exports}


def timed(session, run: Callable[[str], object], values: list[str]) -> tuple[list[float], list[int]]:
    times, counts = [], []
    for value in values:
        started = time.perf_counter()
        result = run(value)
        times.append((time.perf_counter() - started) * 1000)
        counts.append(len(result))
    return times, counts


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="reuse this database, or build it here when missing")
    parser.add_argument("--quotes", type=int, default=1_000_000)
    parser.add_argument("--people", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    random.seed(args.seed)

    with tempfile.TemporaryDirectory() as tmp:
        path = args.db or Path(tmp) / "bench.db"
        if path.exists():
            print(f"database: reusing {path}")
        else:
            seconds = build(path, args.quotes, args.people, Sentences(vocabulary()))
            print(f"database: {args.quotes:,} quotes, {args.people:,} people, built in {seconds:.0f} s")

        factory = open_db(path)
        with factory() as session:
            values = inputs(session, args.runs)
            kinds = {
                "who-said": lambda v: who_said(session, v),
                "said-by": lambda v: said_by(session, v),
                "search": lambda v: search(session, v),
                "export one person": lambda v: quotes_frame(session, Filters(speaker=v)),
            }
            print(f"\n{args.runs} queries each, milliseconds\n")
            print("| query | p50 | p95 | max | rows (median) |")
            print("| --- | --- | --- | --- | --- |")
            for kind, run in kinds.items():
                run(values[kind][0])  # warm-up
                times, counts = timed(session, run, values[kind])
                print(f"| {kind} | {percentile(times, 50):.1f} | {percentile(times, 95):.1f} | "
                      f"{max(times):.1f} | {statistics.median(counts):.0f} |", flush=True)
        factory.kw["bind"].dispose()


if __name__ == "__main__":
    main()
