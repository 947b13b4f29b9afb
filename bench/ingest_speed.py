"""How fast ingest is, against the bare spaCy pipeline over the same texts.

Not part of the test suite (`make bench-speed N=1000`). It writes N article
files (the PolNeAR training articles, repeated with a line that makes each copy
distinct) and times, each in a fresh process so that peak memory is its own:

1. the bare `nlp.pipe` of the full English pipeline over those texts, and
2. `quotes.ingest.ingest` of the same files into a new SQLite database
   (reading, detection, attribution, storage).

The ratio of their speeds is the headline figure: above 1, ingest costs less
than reading the texts with the full pipeline.

    .venv/bin/python bench/ingest_speed.py [--articles 1000] [--docs DIR]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

DOCS = Path(__file__).resolve().parents[1] / ".." / "shared" / "eval" / "polnear-train" / "docs"


def make_corpus(docs: Path, n: int, folder: Path) -> list[Path]:
    """N distinct article files made from the texts in `docs`, repeated."""
    sources = sorted(docs.glob("*.txt"))
    files = []
    for i in range(n):
        src = sources[i % len(sources)]
        path = folder / f"{i:06d}_{src.stem}.txt"
        path.write_text(src.read_text(encoding="utf-8") + f"\n\n(copy {i})\n", encoding="utf-8")
        files.append(path)
    return files


def bare_pipe(folder: str) -> dict:
    """Time spaCy's full pipeline alone over the texts."""
    import spacy

    from quotes.pipeline import MODEL

    files = sorted(Path(folder).glob("*.txt"))
    nlp = spacy.load(MODEL)
    start = time.perf_counter()
    words = 0
    for doc in nlp.pipe((f.read_text(encoding="utf-8") for f in files), batch_size=32):
        words += sum(1 for t in doc if not t.is_space and not t.is_punct)
    return {"seconds": time.perf_counter() - start, "words": words, "articles": len(files)}


def ingest_run(folder: str, workers: int = 1) -> dict:
    """Time the whole ingest of the files into a new database."""
    from quotes.ingest import ingest
    from quotes.store.db import open_db

    files = sorted(Path(folder).glob("*.txt"))
    factory = open_db(Path(folder) / f"bench-{workers}.db")
    from quotes.pipeline import load_nlp

    load_nlp()  # model loading is not ingest work, as above
    start = time.perf_counter()
    summary = ingest(factory, files, workers=workers)
    return {"seconds": time.perf_counter() - start, "articles": summary.articles, "quotes": summary.quotes}


def in_fresh_process(name: str, folder: Path, *args: int) -> dict:
    """Run one measurement in its own Python, so peak memory is its own
    (with workers, the largest of the processes)."""
    code = (
        "import json, resource, sys; sys.path.insert(0, %r); import ingest_speed as b; "
        "r = b.%s(%r, *%r); r['peak_mb'] = max(resource.getrusage(w).ru_maxrss "
        "for w in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)) / 1024; "
        "print(json.dumps(r))" % (str(Path(__file__).parent), name, str(folder), args)
    )
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--docs", type=Path, default=DOCS)
    parser.add_argument("--workers", type=int, default=1, help="also time ingest with this many parsing processes")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        make_corpus(args.docs, args.articles, folder)
        bare = in_fresh_process("bare_pipe", folder)
        ours = in_fresh_process("ingest_run", folder)
        many = in_fresh_process("ingest_run", folder, args.workers) if args.workers > 1 else None
    words = bare["words"]
    print(f"articles: {args.articles}  words: {words}")
    print(f"bare nlp.pipe (full pipeline): {bare['seconds']:.1f} s, {args.articles / bare['seconds']:.1f} articles/s, "
          f"{words / bare['seconds']:.0f} words/s, peak {bare['peak_mb']:.0f} MB")
    print(f"quotes ingest:                 {ours['seconds']:.1f} s, {args.articles / ours['seconds']:.1f} articles/s, "
          f"{words / ours['seconds']:.0f} words/s, peak {ours['peak_mb']:.0f} MB "
          f"({ours['articles']} articles, {ours['quotes']} quotes stored)")
    print(f"ratio (ingest speed / bare pipeline speed): {bare['seconds'] / ours['seconds']:.2f}")
    if many:
        print(f"quotes ingest --workers {args.workers}:    {many['seconds']:.1f} s, "
              f"{args.articles / many['seconds']:.1f} articles/s, peak {many['peak_mb']:.0f} MB per process; "
              f"{ours['seconds'] / many['seconds']:.2f} x one process")


if __name__ == "__main__":
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    main()
