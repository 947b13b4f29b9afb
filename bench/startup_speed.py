"""Start-up time: how long `quotes --help` and the query commands take, end to end, as a user waits.

Not part of the test suite (`make bench-startup`). Ingests seeds/ into a fresh
database once, then runs each command `--runs` times as a new process and
prints the best and the median wall-clock time. The best is the figure to
compare with the 0.5 s goal on a shared machine: the median moves with what
else runs there.

    .venv/bin/python bench/startup_speed.py [--runs 15]
"""

from __future__ import annotations

import argparse
import os
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
]


def timed(args: list[str], env: dict[str, str]) -> float:
    began = time.perf_counter()
    subprocess.run([QUOTES, *args], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - began


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    runs = parser.parse_args().runs
    folder = Path(tempfile.mkdtemp(prefix="quotes-startup-"))
    try:
        env = {**os.environ, "QUOTES_DB": str(folder / "quotes.db")}
        subprocess.run([QUOTES, "ingest", str(REPO / "seeds")], env=env, check=True, capture_output=True)
        print(f"load average {os.getloadavg()[0]:.2f}; {runs} runs each")
        print("| command | best | median |")
        print("| --- | --- | --- |")
        for args in COMMANDS:
            times = [timed(args, env) for _ in range(runs)]
            print(f"| `quotes {' '.join(args)}` | {min(times):.3f} s | {statistics.median(times):.3f} s |")
    finally:
        shutil.rmtree(folder)


if __name__ == "__main__":
    main()
