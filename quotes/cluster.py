"""The NLP work of an ingest spread over a Dask cluster; storage stays here.

Workers parse, detect, attribute and find roles (the costly part) for batches
of texts and send back small records, not spaCy Docs. This process keeps
everything else `quotes.ingest.ingest` does: reading files, skipping articles
already stored, one write transaction per article, failures per file. So a
cluster ingest stores what a plain one stores, only sooner.

Input is streamed: at most `window` batches are out at a time, and results are
taken oldest first, which puts them back in input order.
"""

from __future__ import annotations

import logging
import os
import threading
from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import islice

import dask
from distributed import Client, Future, LocalCluster, WorkerPlugin

from quotes.detect import detector_warnings
from quotes.ingest import BATCH_SIZE, Pipeline
from quotes.pipeline import analyse, load_nlp
from quotes.records import Attribution

LOCAL = "local"  # the address that means: start a cluster on this machine
CONNECT_TIMEOUT = 20  # seconds to reach a scheduler before giving up


class ClusterUnavailable(Exception):
    """The scheduler could not be reached or the local cluster not started."""


@dataclass(frozen=True)
class Analysis:
    """What a worker sends back for one text: a few small records."""

    attributions: list[Attribution]
    warnings: list[str]  # the detector's, logged again here in the text's turn


def analyse_batch(texts: list[str]) -> list[Analysis]:
    """Runs on a worker: each text's quotes and the detector's warnings about it."""
    with detector_warnings() as warnings:
        # Only this thread's warnings: a worker may run other batches beside this one.
        warnings.addFilter(lambda record, me=threading.get_ident(): record.thread == me)
        return [Analysis(attributions, warnings.drain()) for attributions in analyse(texts, batch_size=len(texts))]


class LoadModel(WorkerPlugin):
    """Loads the spaCy pipeline on each worker as it joins, before any batch
    arrives; `load_nlp` keeps it for the life of the worker process."""

    def setup(self, worker) -> None:
        load_nlp()


def pipeline(client: Client, *, batch_size: int = BATCH_SIZE, window: int | None = None) -> Pipeline:
    """A `Pipeline` for `quotes.ingest.ingest` that runs on the client's cluster.

    `window` bounds the batches sent and not yet stored (default: three per
    worker thread, so no worker waits while this process stores).
    """
    if window is None:
        window = 3 * max(1, sum(client.nthreads().values()))

    def run(texts: Iterable[str]) -> Iterator[list[Attribution]]:
        detector = logging.getLogger("quotes.detect")
        batches = iter(lambda it=iter(texts): list(islice(it, batch_size)), [])
        out: deque[Future] = deque()
        while True:
            # 1. Keep the window full: each batch goes out as soon as it is read.
            for batch in islice(batches, window - len(out)):
                out.append(client.submit(analyse_batch, batch, pure=False))
            if not out:
                return
            # 2. The oldest batch next, so results come in input order.
            for result in out.popleft().result():
                for message in result.warnings:
                    detector.warning("%s", message)
                yield result.attributions

    return run


@contextmanager
def connect(address: str, *, workers: int | None = None) -> Iterator[Client]:
    """A client of the scheduler at `address`, or of a cluster started here for `local`
    (`workers` processes, one thread each; default one per core), closed on exit.

    Every worker, present or joining later, loads the spaCy pipeline once.
    """
    try:
        if address == LOCAL:
            # Workers keep glibc's own malloc trimming: Dask's eager setting costs spaCy
            # about 6 % more CPU. Any free port: another cluster may run on this machine.
            with dask.config.set({"distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None}):
                cluster = LocalCluster(
                    n_workers=workers or os.cpu_count() or 1, threads_per_worker=1, processes=True,
                    dashboard_address=":0", silence_logs=logging.ERROR,
                )
            client = Client(cluster)
        else:
            cluster, client = None, Client(address, timeout=CONNECT_TIMEOUT)
    except (OSError, TimeoutError) as error:
        where = "start a local Dask cluster" if address == LOCAL else f"reach the Dask scheduler at {address}"
        raise ClusterUnavailable(f"cannot {where}: {error}") from error
    try:
        client.register_plugin(LoadModel(), name="quotes-load-model")
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
