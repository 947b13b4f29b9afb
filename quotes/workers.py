"""Worker processes that die with the process that started them.

`ingest --workers N` parses in N processes of ~300 MB each. When the ingest is
stopped with SIGTERM or SIGKILL it gets no chance to stop them, and they used
to run on, orphaned. Each worker now asks Linux to send it SIGTERM when its
parent dies (prctl PR_SET_PDEATHSIG), and also watches its parent's pid once a
second and exits when it changes (other systems, or a signal that was missed).
A worker that dies while the parent waits on it is one WorkerDied, not a
BrokenProcessPool traceback.
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys
import threading
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor

PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>
WATCH_EVERY = 1.0  # seconds between a worker's looks at its parent


class WorkerDied(RuntimeError):
    """A worker process ended while it had articles to parse (killed, or out of memory)."""


def die_with_parent(parent: int) -> None:
    """In a worker: end this process when `parent` (the pid that started it) ends."""
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)
        except (OSError, AttributeError):
            pass  # the watch below still ends the worker, within a second
    if os.getppid() != parent:  # the parent died before the signal was asked for
        os._exit(1)
    threading.Thread(target=_watch, args=(parent,), name="watch-parent", daemon=True).start()


def _watch(parent: int) -> None:
    while True:
        time.sleep(WATCH_EVERY)
        if os.getppid() != parent:  # adopted by init: the parent is gone
            os._exit(1)


def _start(parent: int, initializer: Callable[[], object] | None) -> None:
    die_with_parent(parent)
    if initializer is not None:
        initializer()


def worker_pool(workers: int, initializer: Callable[[], object] | None = None) -> ProcessPoolExecutor:
    """A process pool whose workers end with this process, each running `initializer` first."""
    return ProcessPoolExecutor(workers, initializer=_start, initargs=(os.getpid(), initializer))
