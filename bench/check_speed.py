"""How fast `check_draft` is: a 50-quotation draft against 100,000 stored quotes.

Not part of the test suite (`make bench-check`). It builds a synthetic SQLite
database through the real migrations: sentences of 8-45 words (news-quote
length) drawn from function words and ~40,000 content words with Zipf-like
frequencies, spoken by a few thousand people, ten quotes an article. The draft
mixes five kinds of quotation, ten each: verbatim, one word changed, shortened
with an ellipsis, given to another speaker, invented. It prints the build time,
the verdict counts (as a sanity check) and the check timings.

    .venv/bin/python bench/check_speed.py [--quotes 100000] [--draft-quotes 50]
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from collections import Counter
from pathlib import Path

from sqlalchemy import insert

from quotes.check import check_draft, check_quotes
from quotes.analysis import analyse_text
from quotes.pipeline import load_nlp
from quotes.store.db import open_db
from quotes.store.models import Article, Person, StoredQuote

FUNCTION_WORDS = """the of and to a in that is was he for it with as his on be at by i this had not
are but from or have an they which one you were her all she there would their we him been has
when who will more no if out so said what up its about into than them can only other new some
could time these two may then do first any my now such like our over man me even most made after
also did many before must through back years where much your way well down should because each
just those people how too little state good very make world still own see men work long get here
between both life being under never day same another know while last might us great old year off
come since against go came right used take three""".split()
FIRST = """Anna Ben Carla David Elena Farid Grace Hiroshi Ines Jamal Karin Luis Maria Nadia Omar
Priya Quentin Rosa Samuel Tomas Ursula Victor Wei Ximena Yusuf Zara Daniel Fatima Georg Helen
Ivan Julia Kwame Lena Mateo Nora Oscar Paula Rahul Sofia""".split()
LAST = """Adams Baker Castro Dubois Eriksen Fischer Garcia Haddad Ito Jensen Kowalski Lopez Moreau
Nakamura Okafor Petrov Quinn Rossi Schmidt Tanaka Usman Varga Weber Xu Yilmaz Zhang Brennan
Costa Dimitrov Evans Ferreira Gupta Horvat Iyer Johansson Kim Larsen Mendes Novak Olsen Patel
Ramos Silva Torres Ueda Vogel Walsh Young Ziegler Berg Clarke Duarte Engel Flores""".split()


def vocabulary() -> list[str]:
    """Function words first (most frequent), then content words from the model's vocabulary."""
    content = sorted(
        s for s in load_nlp().vocab.strings
        if s.isalpha() and s.islower() and 3 <= len(s) <= 12 and any(v in s for v in "aeiou")
    )
    random.shuffle(content)
    return FUNCTION_WORDS + [w for w in content if w not in set(FUNCTION_WORDS)]


class Sentences:
    """Random sentences with Zipf-like word frequencies."""

    def __init__(self, words: list[str]) -> None:
        self.words = words
        self.weights = [1 / (rank + 2.7) for rank in range(len(words))]

    def make(self, count: int) -> list[str]:
        lengths = [random.randint(8, 45) for _ in range(count)]
        pool = iter(random.choices(self.words, self.weights, k=sum(lengths)))
        out = []
        for n in lengths:
            words = [next(pool) for _ in range(n)]
            if n > 16:  # a comma in longer sentences, as in speech
                words[n // 2] += ","
            out.append(" ".join(words).capitalize())
        return out


def build(path: Path, quotes: int, sentences: Sentences) -> tuple[list[tuple[str, str]], float]:
    """The database at `path`; returns (quote text, speaker) pairs and the seconds taken."""
    started = time.perf_counter()
    names = [f"{f} {l}" for f in FIRST for l in LAST]
    factory = open_db(path)
    stored: list[tuple[str, str]] = []
    texts = sentences.make(quotes)
    with factory.begin() as session:
        session.execute(insert(Person), [{"id": i + 1, "name": n} for i, n in enumerate(names)])
        articles, rows = [], []
        for a, first in enumerate(range(0, quotes, 10)):
            paragraphs, offset = [], 0
            for q, text in enumerate(texts[first : first + 10]):
                person = random.randrange(len(names))
                paragraph = f"“{text},” {names[person]} said."
                rows.append({
                    "article_id": a + 1, "person_id": person + 1, "start": offset + 1,
                    "end": offset + 1 + len(text), "text": text, "speaker_mention": names[person],
                    "cue": "said", "kind": "named", "paragraph": q, "grp": q, "nested": False,
                    "detector_version": "bench",
                })
                stored.append((text, names[person]))
                paragraphs.append(paragraph)
                offset += len(paragraph) + 1
            articles.append({
                "id": a + 1, "doc_id": f"bench-{a:06d}", "path": f"bench/{a}.txt",
                "text": "\n".join(paragraphs), "sha256": f"{a:064d}",
            })
        session.execute(insert(Article), articles)
        session.execute(insert(StoredQuote), rows)
    factory.kw["bind"].dispose()
    return stored, time.perf_counter() - started


def make_draft(stored: list[tuple[str, str]], sentences: Sentences, count: int) -> tuple[str, list[str]]:
    """A draft of `count` quotations cycling through the five kinds, and the expected verdicts."""
    names = sorted({name for _, name in stored})
    paragraphs, expected = ["Draft for the benchmark"], []
    for i in range(count):
        text, speaker = random.choice(stored)
        words = text.rstrip(",").split()
        kind = i % 5
        if kind == 1:  # one word changed
            at = random.randrange(1, len(words))
            words[at] = "zebrafish" if words[at] != "zebrafish" else "okapi"
            text = " ".join(words)
        elif kind == 2:  # shortened with an ellipsis
            text = " ".join(words[:4]) + " … " + " ".join(words[-4:])
        elif kind == 3:  # another speaker
            speaker = random.choice([n for n in names if n.split()[-1] != speaker.split()[-1]])
        elif kind == 4:  # invented
            text = sentences.make(1)[0]
        paragraphs.append(f"“{text},” {speaker} said.")
        expected.append(["verified", "altered", "verified", "misattributed", "unverified"][kind])
    return "\n\n".join(paragraphs) + "\n", expected


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quotes", type=int, default=100_000)
    parser.add_argument("--draft-quotes", type=int, default=50)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    random.seed(args.seed)

    sentences = Sentences(vocabulary())
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.db"
        stored, seconds = build(path, args.quotes, sentences)
        print(f"database: {len(stored):,} quotes, built in {seconds:.1f} s")
        draft, expected = make_draft(stored, sentences, args.draft_quotes)

        factory = open_db(path)
        with factory() as session:
            verdicts = check_draft(session, draft)  # warm-up: loads the model, fills caches
            got = Counter(v.verdict for v in verdicts)
            print(f"draft: {len(verdicts)} quotations found; verdicts {dict(sorted(got.items()))}")
            print(f"       expected {dict(sorted(Counter(expected).items()))}")
            print(f"       agree on {sum(v.verdict == e for v, e in zip(verdicts, expected))} of {len(expected)}")

            total, lookup = [], []
            for _ in range(args.repeat):
                started = time.perf_counter()
                check_draft(session, draft)
                total.append(time.perf_counter() - started)
                attributions = analyse_text(draft)
                started = time.perf_counter()
                check_quotes(session, attributions)
                lookup.append(time.perf_counter() - started)
        factory.kw["bind"].dispose()

    print(f"check_draft, {args.draft_quotes} quotations vs {args.quotes:,} quotes "
          f"(median of {args.repeat}, model loaded): {statistics.median(total):.3f} s "
          f"(min {min(total):.3f} s)")
    print(f"  of which database lookup and scoring (check_quotes): {statistics.median(lookup):.3f} s")


if __name__ == "__main__":
    main()
