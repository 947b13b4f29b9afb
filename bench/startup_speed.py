"""Start-up time: how long `quotes --help` and the query commands take, end to end, as a user waits.

Not part of the test suite (`make bench-startup`). Ingests seeds/ into a fresh
database once, then runs every command once a round for `--runs` rounds, each
run a new process, and prints the best and the median wall-clock time and the
least CPU time (user + system) of a run. The best is the figure to compare
with the 0.5 s goal on a shared machine: the median moves with what else runs
there. On a loaded machine the CPU time is the honest one: a run cannot take
less than it computes.

    .venv/bin/python bench/startup_speed.py [--runs 15]
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
QUOTES = str(Path(sys.executable).with_name("quotes"))
COMMANDS = [
    ["--help"],
    ["--version"],
    ["who-said", "cold ice"],
    ["speakers"],
    ["said-by", "Shen"],
    ["search", "cold ice"],
    ["show", "1"],
    ["articles"],
    ["people", "--help"],
    ["export", "--help"],
    ["export", "--csv", "-"],  # pandas: not a query command's figure, shown for comparison
]


def timed(args: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall-clock and CPU seconds (user + system) of one run of `quotes args`."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    began = time.perf_counter()
    subprocess.run([QUOTES, *args], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    wall = time.perf_counter() - began
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    runs = parser.parse_args().runs
    folder = Path(tempfile.mkdtemp(prefix="quotes-startup-"))
    try:
        env = {**os.environ, "QUOTES_DB": str(folder / "quotes.db")}
        subprocess.run([QUOTES, "ingest", str(REPO / "seeds")], env=env, check=True, capture_output=True)
        print(f"load average {os.getloadavg()[0]:.2f} at the start; {runs} runs each")
        print("| command | best of {runs} | median | CPU (user + sys, least) |".format(runs=runs))
        print("| --- | --- | --- | --- |")
        # Round by round, every command once a round: a burst of load elsewhere then
        # falls on all commands alike, not on the runs of one.
        rounds = [[timed(args, env) for args in COMMANDS] for _ in range(runs)]
        for i, args in enumerate(COMMANDS):
            walls, cpus = zip(*(done[i] for done in rounds))
            print(f"| `quotes {' '.join(args)}` | {min(walls):.3f} s | {statistics.median(walls):.3f} s | {min(cpus):.2f} s |")
        print(f"load average {os.getloadavg()[0]:.2f} at the end")
    finally:
        shutil.rmtree(folder)


if __name__ == "__main__":
    main()
