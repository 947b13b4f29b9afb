"""Worker processes end with their parent, and a dead worker is one line (issue 15).

The fast tests use a pool that parses nothing; the `model` ones kill a real
`quotes ingest --workers 2`.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

POOL = """
import os, sys, time
from quotes.workers import worker_pool
def pid():
    time.sleep(0.2)
    return os.getpid()
pool = worker_pool(2)
print(sorted({f.result() for f in [pool.submit(pid) for _ in range(6)]}), flush=True)
time.sleep(60)
"""

WATCH_ONLY = """
import multiprocessing, os, threading, time
from quotes.workers import _watch
def child(parent):
    threading.Thread(target=_watch, args=(parent,), daemon=True).start()  # no prctl: the watch alone
    time.sleep(60)
process = multiprocessing.Process(target=child, args=(os.getpid(),))
process.start()
print([process.pid], flush=True)
time.sleep(60)
"""


def children(pid: int) -> set[int]:
    """The live processes whose parent is `pid` (from /proc)."""
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            fields = stat.rsplit(")", 1)[1].split()
            if int(fields[1]) == pid and fields[0] != "Z":
                found.add(int(entry.name))
    return found


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] if Path(f"/proc/{pid}").exists() else "X"
    return state not in ("Z", "X")


def wait_gone(pids, seconds: float) -> set[int]:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and any(alive(p) for p in pids):
        time.sleep(0.1)
    return {p for p in pids if alive(p)}


pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc (Linux)")


@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGTERM], ids=["SIGKILL", "SIGTERM"])
@pytest.mark.parametrize("code", [POOL, WATCH_ONLY], ids=["pool", "watch-only"])
def test_workers_end_when_their_parent_is_killed(code, how):
    parent = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True, cwd=ROOT)
    try:
        workers = eval(parent.stdout.readline())  # the pids the workers report
        assert workers and all(alive(p) for p in workers)
        parent.send_signal(how)
        parent.wait(10)
        assert wait_gone(workers, 5) == set()  # at once with prctl, within a second by the watch
    finally:
        parent.kill()
        parent.wait()


def make_corpus(folder: Path, copies: int) -> Path:
    folder.mkdir()
    for seed in sorted((ROOT / "seeds").glob("*.txt")):
        text = seed.read_text(encoding="utf-8")
        for i in range(copies):
            (folder / f"{i:02d}_{seed.stem}.txt").write_text(f"{text}\nCopy {i}.\n", encoding="utf-8")
    return folder


def ingest_with_workers(corpus: Path, db: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", "from quotes.cli import app; app()", "ingest", str(corpus), "--db", str(db),
         "--workers", "2", "--batch-size", "2"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


def wait_for_workers(pid: int, count: int, seconds: float = 60) -> set[int]:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        found = children(pid)
        if len(found) >= count:
            return found
        time.sleep(0.05)
    pytest.fail(f"no {count} workers within {seconds} s")


@pytest.mark.model
def test_killing_an_ingest_with_workers_leaves_no_worker_running(tmp_path):
    how = signal.SIGKILL  # SIGTERM as well (the fast tests above): the parent can do nothing either way
    ingest = ingest_with_workers(make_corpus(tmp_path / "corpus", 5), tmp_path / "q.db")
    try:
        workers = wait_for_workers(ingest.pid, 2)
        ingest.send_signal(how)
        ingest.wait(10)
        assert wait_gone(workers, 5) == set()  # orphans, ~240 MB each, in 8 of 8 trials before
    finally:
        ingest.kill()
        ingest.wait()


@pytest.mark.model
def test_a_worker_that_dies_is_one_error_line(tmp_path):
    ingest = ingest_with_workers(make_corpus(tmp_path / "corpus", 10), tmp_path / "q.db")
    try:
        worker = min(wait_for_workers(ingest.pid, 2))
        os.kill(worker, signal.SIGKILL)
        out, err = ingest.communicate(timeout=120)
    finally:
        ingest.kill()
    assert ingest.returncode == 1
    assert "Traceback" not in err and "BrokenProcessPool" not in err
    assert err.strip().splitlines()[-1].startswith("Error: a worker process died while parsing"), err
