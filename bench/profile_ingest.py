"""Where one-process ingest spends its time, part by part (`make bench-profile`).

Not part of the test suite. It ingests the PolNeAR training articles (or the
first N; more than there are are made by copying, as bench/ingest_speed.py
does) into a new SQLite file in this one process, with a clock around each
part, and prints a table of seconds and shares of the whole ingest:

- spaCy's tok2vec, tagger and parser, the tokenizer and the small components
  (timed by wrapping each pipeline component);
- the entity recognizer on its regions (`region_ner`): the recognizer itself,
  and choosing the regions;
- detection (`detect`, every call), attribution (`quotes.attribute.attribute`),
  roles (`with_roles`), people (`consolidate`);
- reading files (`read_articles`), the check for articles already stored;
- storage (`store()`: its inserts, people lookups and the commit);
- Python's garbage collector, which pauses whichever part is running.

Each second is charged to exactly one part: the innermost timed one (a part
inside storage stays storage's). What no clock covers is "other": ingest's
own loop, sessions opened and closed, Docs joined.

The FTS5 and trigram triggers run inside SQLite, so no clock can see them: both
indexes are built again from every stored quote afterwards (the same work in one
go), and that time stands for theirs.

In the same run, before the ingest, the bare full spaCy pipeline (`nlp.pipe`,
every component, the model's own tokenizer) reads the same texts: ratios
between the two are what count on a shared machine. Both print the CPU seconds
other processes used meanwhile (the machine's busy time from /proc/stat, less
this process's own), to say how quiet the machine was.

    .venv/bin/python bench/profile_ingest.py [--articles N] [--docs DIR]
"""

from __future__ import annotations

import argparse
import functools
import gc
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from ingest_speed import DOCS, busy_seconds, make_corpus  # noqa: E402

SEALED = ("storage", "people")  # what runs inside these is theirs, unless it is one of their own sub-parts ("storage: ...")
STORAGE_SUBPARTS = ("storage: people lookups", "storage: commit")  # inside store(), shown under it


class Clock:
    """Wall time charged to the innermost part running; "other" when none is."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)
        self.calls: dict[str, int] = defaultdict(int)
        self.stack = ["other"]
        self.mark = time.perf_counter()

    def _charge(self) -> None:
        now = time.perf_counter()
        self.seconds[self.stack[-1]] += now - self.mark
        self.mark = now

    @contextmanager
    def part(self, label: str) -> Iterator[None]:
        top = self.stack[-1]
        if any(top.startswith(s) for s in SEALED) and not label.startswith(top.split(":")[0] + ":"):
            yield  # inside storage, its own lookups are storage
            return
        self._charge()
        self.stack.append(label)
        self.calls[label] += 1
        try:
            yield
        finally:
            self._charge()
            self.stack.pop()

    def function(self, fn: Callable, label: str) -> Callable:
        @functools.wraps(fn)
        def timed(*args, **kwargs):
            with self.part(label):
                return fn(*args, **kwargs)

        return timed

    def generator(self, fn: Callable, label: str) -> Callable:
        """A function returning an iterator, each step of which is timed."""

        @functools.wraps(fn)
        def timed(*args, **kwargs):
            return self.steps(fn(*args, **kwargs), label)

        return timed

    def steps(self, items: Iterable, label: str) -> Iterator:
        items = iter(items)
        while True:
            with self.part(label):
                try:
                    item = next(items)
                except StopIteration:
                    return
            yield item


class TimedComponent:
    """A pipeline component (or the tokenizer) whose calls and pipe steps are timed."""

    def __init__(self, clock: Clock, proc, label: str) -> None:
        self.clock, self.proc, self.label = clock, proc, label

    def __call__(self, doc):
        with self.clock.part(self.label):
            return self.proc(doc)

    def pipe(self, docs, **kwargs):
        if hasattr(self.proc, "pipe"):
            return self.clock.steps(self.proc.pipe(docs, **kwargs), self.label)
        return (self(doc) for doc in docs)

    def __getattr__(self, name: str):
        return getattr(self.proc, name)


def replace_everywhere(original: object, replacement: object) -> None:
    """Every module of quotes that holds `original` under some name gets `replacement` instead."""
    for module in list(sys.modules.values()):
        if getattr(module, "__name__", "").startswith("quotes"):
            for name, value in list(vars(module).items()):
                if value is original:
                    setattr(module, name, replacement)


# (module, function or Class.method, part, is a generator); a name a version of quotes lacks is left out
FUNCTIONS = [
    ("quotes.detect", "detect", "detection", False),
    ("quotes.detect", "find_quotes", "detection", False),
    ("quotes.attribute", "attribute", "attribution", False),
    ("quotes.roles", "with_roles", "roles", False),
    ("quotes.people", "consolidate", "people (consolidate)", False),
    ("quotes.articles", "read_articles", "reading files", True),
    ("quotes.store.repo", "find_article", "already-stored check", False),
    ("quotes.store.repo", "find_articles", "already-stored check", False),
    ("quotes.store.repo", "update_metadata", "already-stored check", False),
    ("quotes.store.people", "get_or_create_person", "storage: people lookups", False),
    ("quotes.store.people", "add_alias", "storage: people lookups", False),
    ("quotes.store.people", "add_role", "storage: people lookups", False),
    ("quotes.store.people_batch", "BatchPeople.__init__", "storage: people lookups", False),
    ("quotes.store.people_batch", "BatchPeople.person", "storage: people lookups", False),
    ("quotes.store.people_batch", "BatchPeople.alias", "storage: people lookups", False),
    ("quotes.store.people_batch", "BatchPeople.role", "storage: people lookups", False),
    ("quotes.store.people_batch", "BatchPeople.write", "storage: people lookups", False),
    ("quotes.ingest", "store", "storage", False),
]
SPACY_PARTS = {"tok2vec": "spaCy tok2vec + tagger + parser", "tagger": "spaCy tok2vec + tagger + parser",
               "parser": "spaCy tok2vec + tagger + parser", "region_ner": "entity recognizer: choosing its regions"}
SMALL = "tokenizer, paragraph_breaks, coarse_pos"
GC = "Python's garbage collector (pausing any part)"


def instrument(clock: Clock) -> None:
    """Clocks around the parts of ingest in this process."""
    import importlib

    from quotes.pipeline import load_nlp

    nlp = load_nlp()
    nlp.tokenizer = TimedComponent(clock, nlp.tokenizer, SMALL)
    for i, (name, proc) in enumerate(nlp._components):
        nlp._components[i] = (name, TimedComponent(clock, proc, SPACY_PARTS.get(name, SMALL)))
        if name == "region_ner":
            proc.ner = TimedComponent(clock, proc.ner, "entity recognizer on its regions")
    for module_name, name, label, steps in FUNCTIONS:
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            continue
        if "." in name:  # a method
            owner, method = name.split(".")
            if hasattr(getattr(module, owner, None), method):
                cls = getattr(module, owner)
                setattr(cls, method, clock.function(getattr(cls, method), label))
            continue
        original = getattr(module, name, None)
        if original is None:
            continue
        replace_everywhere(original, (clock.generator if steps else clock.function)(original, label))
    ingest = importlib.import_module("quotes.ingest")
    transaction, consolidate = ingest.write_transaction, ingest.consolidate

    def write_transaction(factory, work, *args, **kwargs):  # ingest's own: the people pass's, or a write
        label = "people (consolidate)" if work is consolidate else "storage"
        with clock.part(label):
            return transaction(factory, work, *args, **kwargs)

    ingest.write_transaction = write_transaction
    from sqlalchemy.orm import Session

    Session.close = clock.function(Session.close, "already-stored check")  # the check's own sessions; storage's are storage's
    gc.callbacks.append(functools.partial(collecting, clock))


def collecting(clock: Clock, phase: str, _info: dict) -> None:
    """Python's cyclic garbage collector pauses whatever part runs: its time is a part of its own."""
    if phase == "start":
        clock._charge()
        clock.stack.append(GC)
    elif clock.stack[-1] == GC:
        clock._charge()
        clock.stack.pop()


def bare_pipeline(texts: list[str]) -> dict:
    """The full English pipeline alone over the texts, as a user of spaCy would run it."""
    import spacy

    from quotes.pipeline import MODEL

    nlp = spacy.load(MODEL)
    with others_meanwhile() as quiet:
        start = time.perf_counter()
        for _doc in nlp.pipe(texts, batch_size=32):
            pass
        seconds = time.perf_counter() - start
    return {"seconds": seconds, **quiet}


@contextmanager
def others_meanwhile() -> Iterator[dict]:
    """Fills the dict with the CPU seconds that other processes used while the block ran."""
    found: dict = {}
    busy, own, start = busy_seconds(), time.process_time(), time.perf_counter()
    yield found
    wall = time.perf_counter() - start
    found["others_cpu"] = busy_seconds() - busy - (time.process_time() - own)
    found["others_cores"] = found["others_cpu"] / wall if wall else 0.0


def indexing_seconds(factory) -> float:
    """What the FTS5 and trigram insert triggers cost, near enough: both indexes built again from every
    stored quote (the same tokenizing and writing, in one go), best of two, rolled back."""
    from sqlalchemy import text

    from quotes.store.search import FTS_TABLE, TRIGRAM_TABLE

    best = float("inf")
    for _ in range(2):
        with factory() as session:
            start = time.perf_counter()
            for table in (FTS_TABLE, TRIGRAM_TABLE):
                session.execute(text(f"INSERT INTO {table}({table}) VALUES ('rebuild')"))
            best = min(best, time.perf_counter() - start)
            session.rollback()
    return best


@dataclass
class Profile:
    articles: int
    quotes: int
    total: float
    parts: dict[str, float]
    bare: dict
    quiet: dict
    triggers: float
    calls: dict[str, int] = field(default_factory=dict)


def run(files: list[Path], folder: Path) -> Profile:
    from quotes.ingest import ingest
    from quotes.analysis import analyse_text
    from quotes.store.db import open_db

    texts = [f.read_text(encoding="utf-8") for f in files]
    bare = bare_pipeline(texts)
    analyse_text(texts[0])  # the model and the resolver loaded, as any run has them before its first article
    clock = Clock()
    instrument(clock)
    factory = open_db(folder / "profile.db")
    dialect = factory.kw["bind"].dialect
    dialect.do_commit = clock.function(dialect.do_commit, "storage: commit")
    with others_meanwhile() as quiet:
        clock.seconds.clear()
        clock.mark = start = time.perf_counter()
        summary = ingest(factory, files)
        total = time.perf_counter() - start
        clock._charge()
    triggers = indexing_seconds(factory)
    factory.kw["bind"].dispose()
    return Profile(summary.articles, summary.quotes, total, dict(clock.seconds), bare, quiet, triggers, dict(clock.calls))


ORDER = [
    "spaCy tok2vec + tagger + parser",
    "entity recognizer on its regions",
    "entity recognizer: choosing its regions",
    "attribution",
    "storage",
    "storage: people lookups",
    "storage: commit",
    "detection",
    "roles",
    "people (consolidate)",
    "reading files",
    "already-stored check",
    SMALL,
    GC,
    "other",
]


def report(p: Profile) -> str:
    parts = dict(p.parts)
    storage = sum(parts.get(k, 0.0) for k in ("storage", *STORAGE_SUBPARTS))
    rows = ["| part | seconds | share |", "| --- | ---: | ---: |"]
    for label in ORDER + sorted(set(parts) - set(ORDER)):
        seconds = parts.get(label, 0.0)
        shown = f"  of which {label.split(': ', 1)[1]}" if label in STORAGE_SUBPARTS else label
        if label == "storage":
            shown, seconds = "storage (`store()`, all of it)", storage
        rows.append(f"| {shown} | {seconds:.1f} | {100 * seconds / p.total:.1f} % |")
        if label == "storage":
            rows.append(f"|   of which FTS5 + trigram insert triggers (estimate: both indexes rebuilt apart) "
                        f"| {p.triggers:.1f} | {100 * p.triggers / p.total:.1f} % |")
    rows.append(f"| **ingest, all of it** | **{p.total:.1f}** | 100 % |")
    ours = storage + parts.get("attribution", 0.0) + parts.get("reading files", 0.0)
    lines = [
        f"articles: {p.articles} stored, {p.quotes} quotes",
        "",
        *rows,
        "",
        f"storage + attribution + reading files: {ours:.1f} s, {100 * ours / p.total:.1f} % of ingest (target: at most 12 %)",
        f"bare full spaCy pipeline (nlp.pipe, every component) on the same texts: {p.bare['seconds']:.1f} s; "
        f"ingest speed / bare pipeline speed: {p.bare['seconds'] / p.total:.2f} (target: at least 1.45)",
        f"CPU seconds other processes used meanwhile: {p.bare['others_cpu']:.1f} during the bare pipeline "
        f"({p.bare['others_cores']:.2f} cores), {p.quiet['others_cpu']:.1f} during ingest ({p.quiet['others_cores']:.2f} cores)",
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=0, help="how many articles (default: every one in --docs)")
    parser.add_argument("--docs", type=Path, default=DOCS)
    args = parser.parse_args()
    sources = sorted(args.docs.glob("*.txt"))
    n = args.articles or len(sources)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        if n <= len(sources):
            files = sources[:n]
        else:
            (folder / "docs").mkdir()
            files = make_corpus(args.docs, n, folder / "docs")
        print(report(run(files, folder)))


if __name__ == "__main__":
    main()
