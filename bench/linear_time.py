"""Does `quotes extract` take time linear in the size of one article?

Not part of the test suite (`make bench-linear`). It makes one article of
about 250 KB, 500 KB and 1 MB (just under the 1,000,000-byte limit) from the
PolNeAR training articles, each a run of whole real articles with their
quotations, and times `quotes extract FILE` on each in a fresh process: the
whole command (model load included) and the extraction alone (`quotes.extract.extract`
after the model is loaded), with CPU time and peak memory. Linear growth shows
as a flat time per 100 KB.

    .venv/bin/python bench/linear_time.py [--docs DIR] [--sizes 250000,500000,999000] [--profile]

With `--profile`, the largest article is also run under cProfile and the
functions taking the most time are printed.
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
QUOTES = Path(sys.executable).with_name("quotes")


def make_article(docs: Path, size: int, path: Path) -> int:
    """One file of whole articles from `docs`, in name order, under `size` bytes; returns its size."""
    parts, total = [], 0
    for src in sorted(docs.glob("*.txt")):
        text = src.read_text(encoding="utf-8").strip() + "\n\n"
        if total + len(text.encode("utf-8")) > size:
            continue  # a shorter article may still fit
        parts.append(text)
        total += len(text.encode("utf-8"))
    path.write_text("".join(parts), encoding="utf-8")
    return total


def extract_alone(path: str) -> dict:
    """In this (fresh) process: the model loaded first, then extraction timed on its own."""
    from quotes.extract import extract
    from quotes.pipeline import load_nlp

    load_nlp()
    start, cpu = time.perf_counter(), time.process_time()
    quotes = sum(len(result.quotes) for result in extract([path]))
    return {
        "seconds": time.perf_counter() - start,
        "cpu": time.process_time() - cpu,
        "quotes": quotes,
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def whole_command(path: Path) -> float:
    start = time.perf_counter()
    subprocess.run([str(QUOTES), "extract", str(path)], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def profile(path: Path) -> None:
    import cProfile
    import pstats

    from quotes.extract import extract
    from quotes.pipeline import load_nlp

    load_nlp()
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in extract([path]):
        pass
    profiler.disable()
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(r"quotes/", 25)
    pstats.Stats(profiler).sort_stats("tottime").print_stats(15)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=Path, default=DOCS)
    parser.add_argument("--sizes", default="250000,500000,999000")
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--alone", help=argparse.SUPPRESS)  # the child process
    args = parser.parse_args()
    if args.alone:
        print(json.dumps(extract_alone(args.alone)))
        return
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for size in (int(s) for s in args.sizes.split(",")):
            path = Path(folder) / f"article-{size}.txt"
            made = make_article(args.docs, size, path)
            child = subprocess.run(
                [sys.executable, __file__, "--alone", str(path)], check=True, capture_output=True, text=True
            )
            alone = json.loads(child.stdout.splitlines()[-1])
            rows.append({"bytes": made, **alone, "command": whole_command(path)})
            print(
                f"{made / 1000:7.0f} KB  {alone['quotes']:5d} quotes  extract {alone['seconds']:6.1f} s "
                f"(cpu {alone['cpu']:6.1f} s, {alone['cpu'] / made * 1e5:.2f} cpu s per 100 KB)  "
                f"whole command {rows[-1]['command']:6.1f} s  peak {alone['peak_mb']:.0f} MB",
                flush=True,
            )
        first, last = rows[0], rows[-1]
        growth = (last["cpu"] / first["cpu"]) / (last["bytes"] / first["bytes"])
        print(f"cpu time per byte, largest over smallest: {growth:.2f} (1.00 is linear)")
        if args.profile:
            profile(Path(folder) / f"article-{args.sizes.split(',')[-1]}.txt")


if __name__ == "__main__":
    main()
