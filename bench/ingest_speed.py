"""How fast ingest is, against the bare spaCy pipeline over the same texts.

Not part of the test suite (`make bench-speed N=1000`). It writes N article
files (the PolNeAR training articles, repeated with a line that makes each copy
distinct) and times, each in a fresh process so that peak memory is its own:

1. the bare `nlp.pipe` of the full English pipeline over those texts, and
2. `quotes.ingest.ingest` of the same files into a new SQLite database
   (reading, detection, attribution, storage).

The ratio of their speeds is the headline figure: above 1, ingest costs less
than reading the texts with the full pipeline.

With `--dask N` it also times the ingest through a local Dask cluster of N
worker processes (`quotes ingest --dask local`), against the single-process
ingest; starting the cluster and loading the model on its workers is timed
apart, as the model load is for the others (`make bench-dask N=300`).

    .venv/bin/python bench/ingest_speed.py [--articles 1000] [--docs DIR] [--workers 2] [--dask 2] [--no-bare] [--rounds 3]
"""

from __future__ import annotations

import argparse
import json
import os
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
    start, cpu = time.perf_counter(), time.process_time()
    words = 0
    for doc in nlp.pipe((f.read_text(encoding="utf-8") for f in files), batch_size=32):
        words += sum(1 for t in doc if not t.is_space and not t.is_punct)
    return {"seconds": time.perf_counter() - start, "cpu": time.process_time() - cpu, "words": words, "articles": len(files)}


def ingest_run(folder: str, workers: int = 1, round_no: int = 0) -> dict:
    """Time the whole ingest of the files into a new database."""
    from quotes.ingest import ingest
    from quotes.store.db import open_db

    files = sorted(Path(folder).glob("*.txt"))
    factory = open_db(Path(folder) / f"bench-{workers}-{round_no}.db")
    from quotes.pipeline import load_nlp

    load_nlp()  # model loading is not ingest work, as above
    start, cpu = time.perf_counter(), time.process_time()
    summary = ingest(factory, files, workers=workers)
    return {"seconds": time.perf_counter() - start, "cpu": time.process_time() - cpu,  # this process only
            "articles": summary.articles, "quotes": summary.quotes}


def dask_run(folder: str, workers: int) -> dict:
    """Time the ingest with the NLP on a local cluster of `workers` processes."""
    import psutil  # comes with distributed

    from quotes.cluster import connect, pipeline
    from quotes.ingest import ingest
    from quotes.store.db import open_db

    files = sorted(Path(folder).glob("*.txt"))
    factory = open_db(Path(folder) / f"bench-dask-{workers}.db")
    start = time.perf_counter()
    with connect("local", workers=workers) as client:  # returns once every worker has the model
        def cpu() -> float:  # CPU seconds of this process and the workers
            on_workers = client.run(lambda: sum(psutil.Process().cpu_times()[:2]))
            return time.process_time() + sum(on_workers.values())

        ready, used = time.perf_counter(), cpu()
        summary = ingest(factory, files, pipeline=pipeline(client))
        end, used = time.perf_counter(), cpu() - used
    return {"seconds": end - ready, "startup": ready - start, "cpu": used,
            "articles": summary.articles, "quotes": summary.quotes}


def busy_seconds() -> float:
    """CPU seconds the whole machine has spent busy since boot (Linux), to tell how busy others kept it."""
    try:
        ticks = [int(n) for n in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    except OSError:
        return float("nan")
    return (sum(ticks[:8]) - ticks[3] - ticks[4]) / os.sysconf("SC_CLK_TCK")  # all but idle and iowait


def in_fresh_process(name: str, folder: Path, *args: int) -> dict:
    """Run one measurement in its own Python, so peak memory is its own
    (with workers, the largest of the processes). `others` is how many cores
    other processes on the machine kept busy meanwhile, on average."""
    code = (
        "import json, resource, sys; sys.path.insert(0, %r); import ingest_speed as b; "
        "r = b.%s(%r, *%r); r['peak_mb'] = max(resource.getrusage(w).ru_maxrss "
        "for w in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)) / 1024; "
        "print(json.dumps(r))" % (str(Path(__file__).parent), name, str(folder), args)
    )
    mine, busy, start = resource.getrusage(resource.RUSAGE_CHILDREN), busy_seconds(), time.perf_counter()
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    own = after.ru_utime + after.ru_stime - mine.ru_utime - mine.ru_stime
    result = json.loads(out.stdout.strip().splitlines()[-1])
    result["others"] = (busy_seconds() - busy - own) / (time.perf_counter() - start)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--docs", type=Path, default=DOCS)
    parser.add_argument("--workers", type=int, default=1, help="also time ingest with this many parsing processes")
    parser.add_argument("--dask", type=int, default=0, metavar="N", help="also time ingest on a local Dask cluster of N workers")
    parser.add_argument("--no-bare", action="store_true", help="do not time the bare spaCy pipeline")
    parser.add_argument("--rounds", type=int, default=1,
                        help="time the bare pipeline and ingest this many times, one after the other, and report the median round "
                             "(a shared machine's speed drifts over a minute: pairs run back to back compare better)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        make_corpus(args.docs, args.articles, folder)
        rounds = []
        for n in range(max(1, args.rounds)):
            bare = None if args.no_bare else in_fresh_process("bare_pipe", folder)
            rounds.append((bare, in_fresh_process("ingest_run", folder, 1, n)))
            if bare and args.rounds > 1:
                b, o = rounds[-1]
                print(f"round {n + 1}: bare {b['seconds']:.1f} s, ingest {o['seconds']:.1f} s, ratio {b['seconds'] / o['seconds']:.2f} "
                      f"(CPU {b['cpu'] / o['cpu']:.2f}; others kept {b['others']:.2f} and {o['others']:.2f} cores busy)", flush=True)
        rounds.sort(key=lambda r: r[0]["seconds"] / r[1]["seconds"] if r[0] else r[1]["seconds"])
        bare, ours = rounds[len(rounds) // 2]  # the median round (of an even number, the upper middle one)
        many = in_fresh_process("ingest_run", folder, args.workers) if args.workers > 1 else None
        dask = in_fresh_process("dask_run", folder, args.dask) if args.dask else None
    print(f"articles: {args.articles}" + (f"  words: {bare['words']}" if bare else "")
          + (f"  (the median of {len(rounds)} rounds below)" if len(rounds) > 1 else ""))
    if bare:
        words = bare["words"]
        print(f"bare nlp.pipe (full pipeline): {bare['seconds']:.1f} s, {args.articles / bare['seconds']:.1f} articles/s, "
              f"{words / bare['seconds']:.0f} words/s, peak {bare['peak_mb']:.0f} MB")
    print(f"quotes ingest:                 {ours['seconds']:.1f} s, {args.articles / ours['seconds']:.1f} articles/s, "
          + (f"{bare['words'] / ours['seconds']:.0f} words/s, " if bare else "")
          + f"peak {ours['peak_mb']:.0f} MB ({ours['articles']} articles, {ours['quotes']} quotes stored)")
    if bare:
        print(f"ratio (ingest speed / bare pipeline speed): {bare['seconds'] / ours['seconds']:.2f} by the clock, "
              f"{bare['cpu'] / ours['cpu']:.2f} by CPU seconds ({bare['cpu']:.1f} / {ours['cpu']:.1f}); cores kept busy "
              f"by other processes meanwhile: {bare['others']:.2f} and {ours['others']:.2f}")
    if many:
        print(f"quotes ingest --workers {args.workers}:    {many['seconds']:.1f} s, "
              f"{args.articles / many['seconds']:.1f} articles/s, peak {many['peak_mb']:.0f} MB per process; "
              f"{ours['seconds'] / many['seconds']:.2f} x one process")
    if dask:
        same = (dask["articles"], dask["quotes"]) == (ours["articles"], ours["quotes"])
        print(f"quotes ingest --dask local --workers {args.dask}: {dask['seconds']:.1f} s "
              f"(+ {dask['startup']:.1f} s to start the cluster and load the model on it), "
              f"{args.articles / dask['seconds']:.1f} articles/s, peak {dask['peak_mb']:.0f} MB per process "
              f"({dask['articles']} articles, {dask['quotes']} quotes stored{'' if same else ': NOT the same as one process'})")
        print(f"ratio (dask speed / single-process speed): {ours['seconds'] / dask['seconds']:.2f} "
              f"({ours['seconds'] / (dask['seconds'] + dask['startup']):.2f} with the start-up)")
        print(f"CPU seconds: one process {ours['cpu']:.1f}, dask {dask['cpu']:.1f} (client and workers); "
              f"cores kept busy by other processes meanwhile: {ours['others']:.2f} and {dask['others']:.2f}")


if __name__ == "__main__":
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    main()
