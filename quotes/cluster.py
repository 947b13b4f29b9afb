"""The NLP work of an ingest spread over a Dask cluster; storage stays here.

Workers detect, parse, attribute and find roles (the costly part) for batches
of articles and send back their `Analysis` records, not spaCy Docs. This process keeps
everything else `quotes.ingest.ingest` does: reading files, skipping articles
already stored, one write transaction per batch, failures per file. So a
cluster ingest stores what a plain one stores, only sooner.

Input is streamed as for `ingest --workers` (`quotes.analysis.in_order`): at
most `window` batches are out at a time, and results are taken oldest first,
which puts them back in input order.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager

import dask
from distributed import Client, LocalCluster, WorkerPlugin

from quotes.analysis import Pipeline, analyse_batch, in_order
from quotes.ingest import BATCH_SIZE
from quotes.pipeline import load_nlp

LOCAL = "local"  # the address that means: start a cluster on this machine
CONNECT_TIMEOUT = 20  # seconds to reach a scheduler before giving up


class ClusterUnavailable(Exception):
    """The scheduler could not be reached or the local cluster not started."""


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

    return lambda articles: in_order(
        lambda batch: client.submit(analyse_batch, batch, pure=False), articles, batch_size, window
    )


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
    except ValueError as error:  # distributed's word for an address it cannot parse
        raise ClusterUnavailable(
            f"--dask {address!r} is not a scheduler address ({error}); give tcp://host:8786, or `local`"
        ) from error
    try:
        client.register_plugin(LoadModel(), name="quotes-load-model")
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
